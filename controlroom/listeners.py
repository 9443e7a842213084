"""Listeners: the callables a model notifies, each isolated from the others.

Models in the core (inventory, wall, session, settings, plugins) announce
changes to plain callables; the UI adapts them to Qt signals. One listener
that raises is logged and the others still run: a broken pane must not stop
the wall or the inventory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Listeners(Generic[P]):
    """``add(cb)`` returns an unsubscribe function; ``emit(*args)`` calls them all."""

    def __init__(self, log: logging.Logger, what: str) -> None:
        self._log = log
        self._what = what
        self._callbacks: list[Callable[P, object]] = []

    def add(self, cb: Callable[P, object]) -> Callable[[], None]:
        self._callbacks.append(cb)

        def unsubscribe() -> None:
            if cb in self._callbacks:
                self._callbacks.remove(cb)

        return unsubscribe

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for cb in list(self._callbacks):  # a listener may unsubscribe while we go
            try:
                cb(*args, **kwargs)
            except Exception:  # one broken listener must not stop the others
                self._log.exception("%s listener failed", self._what)

    def emit_each(self, *args: P.args, **kwargs: P.kwargs) -> Iterator[None]:
        """``emit`` one listener at a time: yields after each (a caller can let its event loop turn)."""
        for cb in list(self._callbacks):
            try:
                cb(*args, **kwargs)
            except Exception:
                self._log.exception("%s listener failed", self._what)
            yield

    def __len__(self) -> int:
        return len(self._callbacks)
