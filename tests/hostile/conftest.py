"""Hostile-platform tests: a platform of our own that misbehaves (``hostile_platform``).

Qt warnings fail these tests (as in tests/ui). ``aio``/``run`` put asyncio
on Qt's loop for the tests that drive the real app (``heartbeat.Heartbeat``
tells whether its GUI thread was ever blocked).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest

HERE = Path(__file__).parent
T = TypeVar("T")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support propagateSizeHints\(\)",
                r"This plugin does not support raise\(\)",
            ))


@pytest.fixture
def aio(qapp) -> Iterator[asyncio.AbstractEventLoop]:  # type: ignore[no-untyped-def]
    """qasync's loop on the test QApplication (as tests/ui/conftest.py's ``aio``)."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            from pytestqt.qtbot import QtBot

            QtBot(qapp).waitUntil(lambda: all(t.done() for t in pending), timeout=10_000)
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def run(qtbot, aio: asyncio.AbstractEventLoop) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """``run(coro, timeout_ms)``: run a coroutine on the app's loop and wait (Qt spinning) for its result."""

    def _run(coro: Coroutine[Any, Any, T], timeout: int = 20_000) -> T:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return _run
