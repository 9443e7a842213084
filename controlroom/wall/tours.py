"""Tours (轮巡): a tile or the whole wall cycling through cameras, views or pages.

A per-tile tour cycles camera ids; a wall tour cycles view names, or pages
of a village's, town's or grid's cameras (``pages``). The tour is a clock
and a cursor, nothing more: time is passed in (seconds on a monotonic
clock), so tests need no sleeps and the UI drives it from one timer.

``peek_next()`` says what comes next so the player can pre-roll it out of
sight: joining a live stream waits for its next key frame (650-770 ms with a
1 s GOP, measured), which a tour step must not show as a black tile.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

MIN_INTERVAL = 3.0
"""Seconds. Shorter than this and a step shows little more than the key-frame wait."""


@dataclass(frozen=True)
class TourSpec(Generic[T]):
    """What a tour cycles and how long each item stays (seconds, at least ``MIN_INTERVAL``)."""

    items: tuple[T, ...]
    interval: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        if not self.items:
            raise ValueError("a tour needs at least one item")
        if isinstance(self.interval, bool) or not isinstance(self.interval, int | float):
            raise ValueError("a tour's interval must be a number of seconds")
        if not math.isfinite(self.interval) or self.interval < MIN_INTERVAL:
            raise ValueError(f"a tour's interval must be at least {MIN_INTERVAL:g} s, not {self.interval!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"items": list(self.items), "interval": self.interval}


class Tour(Generic[T]):
    """A running (or paused) tour over a ``TourSpec``.

    A new tour shows its first item and waits to be started (``start(now)``,
    the same as ``resume``), so that a view loaded before the wall is on
    screen does not count down unseen. Pausing keeps the time left; resuming
    continues from it, as operators expect when they pause to look closer.
    """

    def __init__(self, spec: TourSpec[T], now: float | None = None) -> None:
        self.spec = spec
        self.index = 0
        self._deadline: float | None = None  # running: when the current item ends
        self._left: float = spec.interval  # paused: what was left
        self.started = False  # told apart from "paused by the operator"
        if now is not None:
            self.start(now)

    @property
    def current(self) -> T:
        return self.spec.items[self.index]

    @property
    def paused(self) -> bool:
        return self._deadline is None

    def peek_next(self) -> T | None:
        """What the next step will show (to pre-roll), or None when the tour has one item."""
        if len(self.spec.items) < 2:
            return None
        return self.spec.items[(self.index + 1) % len(self.spec.items)]

    def due(self, now: float) -> bool:
        return self._deadline is not None and now >= self._deadline

    def remaining(self, now: float) -> float:
        """Seconds until the next step: the countdown on the tile."""
        if self._deadline is None:
            return self._left
        return max(0.0, self._deadline - now)

    def advance(self, now: float) -> T:
        """Step to the next item and restart the countdown from ``now``; returns the new item."""
        return self._step(1, now)

    def back(self, now: float) -> T:
        """Step to the previous item (an operator's "previous" button)."""
        return self._step(-1, now)

    def _step(self, by: int, now: float) -> T:
        self.index = (self.index + by) % len(self.spec.items)
        # One step, timed from now: after a stall (a laptop asleep) the tour
        # goes on from where it was instead of racing through the missed steps.
        if self._deadline is None:
            self._left = self.spec.interval
        else:
            self._deadline = now + self.spec.interval
        return self.current

    def pause(self, now: float) -> None:
        if self._deadline is not None:
            self._left = max(0.0, self._deadline - now)
            self._deadline = None

    def resume(self, now: float) -> None:
        self.started = True
        if self._deadline is None:
            self._deadline = now + self._left

    start = resume


def pages(camera_ids: Sequence[str], size: int) -> list[tuple[str, ...]]:
    """Cut a site's or grid's cameras into pages of ``size`` (the wall's tile count).

    The last page may be shorter: its remaining tiles are left empty rather
    than repeating cameras, so an operator never counts a camera twice.
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"a page holds at least one camera, not {size!r}")
    ids = tuple(camera_ids)
    return [ids[i:i + size] for i in range(0, len(ids), size)]
