"""Waits on a condition that fail loudly: the one way tests wait outside Qt.

Qt tests use ``qtbot.waitUntil`` / ``qtbot.waitSignal`` (they spin Qt's loop and
fail with a message of their own). Everything else waits here: a fixed sleep
either wastes time or is too short on a loaded machine, and a polling loop
that just ends at its deadline lets the test go on as if all were well.
``wait_until`` polls ``condition`` until it returns something truthy and
returns that; when the deadline passes it raises ``WaitTimeout`` (an
``AssertionError``) saying what was awaited and what the condition last said.
The deadline is a bound against hanging, not a speed requirement: make it
generous (speed is measured in tests/bench).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class WaitTimeout(AssertionError):
    """The condition did not come true before the deadline."""


def _fail(what: str, timeout: float, last: object) -> WaitTimeout:
    return WaitTimeout(f"gave up after {timeout:g} s waiting for {what} (last seen: {last!r})")


def wait_until(condition: Callable[[], T], what: str, *, timeout: float = 30.0, interval: float = 0.02) -> T:
    """Poll ``condition()`` until it is truthy; return its value, or raise ``WaitTimeout``."""
    deadline = time.monotonic() + timeout
    while True:
        last = condition()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise _fail(what, timeout, last)
        time.sleep(interval)


async def async_wait_until(
    condition: Callable[[], T | Awaitable[T]], what: str, *, timeout: float = 30.0, interval: float = 0.02
) -> T:
    """``wait_until`` for a coroutine: ``condition`` may be plain or awaitable; the loop keeps running."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        last: T = await value if isinstance(value, Awaitable) else value  # type: ignore[assignment]
        if last:
            return last
        if loop.time() >= deadline:
            raise _fail(what, timeout, last)
        await asyncio.sleep(interval)
