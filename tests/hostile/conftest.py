"""Hostile-platform tests: a platform of our own that misbehaves (``hostile_platform``).

Qt warnings fail these tests (as in tests/ui). ``aio``/``run`` put asyncio
on Qt's loop for the tests that drive the real app; ``Heartbeat`` is the
timer inside the app that tells whether its GUI thread was ever blocked.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest
from PySide6.QtCore import QObject, QTimer

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


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Heartbeat(QObject):
    """A 5 ms timer on the GUI thread: the longest gap between two ticks is the longest block.

    The gap is measured in the GUI thread's own CPU time (``time.thread_time``):
    what the thread did between two ticks. On a shared 2-core machine the
    wall-clock gap also counts the time the OS gave other processes, which
    says nothing about the app; both are kept, the CPU gap is the verdict.
    RSS is sampled at every tick.
    """

    def __init__(self) -> None:
        super().__init__()
        self.max_cpu_gap = 0.0
        self.max_wall_gap = 0.0
        self.max_rss_mb = rss_mb()
        self.ticks = 0
        self._cpu = time.thread_time()
        self._wall = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._cpu, self._wall = time.thread_time(), time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        cpu, wall = time.thread_time(), time.monotonic()
        self.max_cpu_gap = max(self.max_cpu_gap, cpu - self._cpu)
        self.max_wall_gap = max(self.max_wall_gap, wall - self._wall)
        self._cpu, self._wall = cpu, wall
        self.ticks += 1
        if self.ticks % 4 == 0:
            self.max_rss_mb = max(self.max_rss_mb, rss_mb())

    def __str__(self) -> str:
        return (f"longest GUI-thread block {self.max_cpu_gap * 1000:.0f} ms CPU "
                f"({self.max_wall_gap * 1000:.0f} ms wall), peak RSS {self.max_rss_mb:.0f} MB, {self.ticks} ticks")


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
