"""The one clock of a wall in playback.

The platform keeps the session's clock (``PlaybackState.position``); the
client extrapolates between polls from a monotonic anchor, so the timeline
moves smoothly, and takes the platform's word at each poll. A small
disagreement (under ``SLEW_LIMIT``) is absorbed over the next second instead
of a jump (at most half the speed's rate), so the cursor never runs backwards for poll jitter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

#: the speeds the platform allows (playback contract)
SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
#: a disagreement with the platform below this (seconds of recording time) is slewed, above it jumped
SLEW_LIMIT = 2.0


def next_speed(speed: float, step: int) -> float:
    """The allowed speed ``step`` places faster (+) or slower (-) than ``speed``, clamped."""
    nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - speed))
    return SPEEDS[max(0, min(len(SPEEDS) - 1, nearest + step))]


@dataclass
class PlaybackClock:
    """Position = anchor + (monotonic now - anchor time) x speed, unless paused."""

    position_at_anchor: datetime
    speed: float = 1.0
    paused: bool = False
    monotonic: Callable[[], float] = time.monotonic
    _anchor: float = field(default=0.0, init=False)
    _offset: float = field(default=0.0, init=False)  # seconds still to slew in (recording time)
    _offset_at: float = field(default=0.0, init=False)
    _slew_for: float = field(default=1.0, init=False)

    def __post_init__(self) -> None:
        if self.position_at_anchor.tzinfo is None:
            raise ValueError("naive datetime")
        self._anchor = self.monotonic()

    def now(self) -> datetime:
        m = self.monotonic()
        base = self.position_at_anchor
        if not self.paused:
            base = base + timedelta(seconds=(m - self._anchor) * self.speed)
        return base + timedelta(seconds=self._pending(m))

    def _pending(self, m: float) -> float:
        """What of the slew is not yet taken in (it shrinks linearly to 0 over ``_slew_for`` seconds)."""
        if self._offset == 0.0:
            return 0.0
        left = max(0.0, 1.0 - (m - self._offset_at) / self._slew_for)
        return -self._offset * left

    def set(self, position: datetime, *, speed: float | None = None, paused: bool | None = None) -> None:
        """Jump to ``position`` (a seek, a new session)."""
        if position.tzinfo is None:
            raise ValueError("naive datetime")
        self.position_at_anchor = position
        self._anchor = self.monotonic()
        self._offset = 0.0
        if speed is not None:
            self.speed = speed
        if paused is not None:
            self.paused = paused

    def sync(self, position: datetime, *, speed: float, paused: bool) -> float:
        """Take the platform's word; returns the disagreement in seconds (platform - ours)."""
        ours = self.now()
        diff = (position - ours).total_seconds()
        m = self.monotonic()
        self.position_at_anchor = position
        self._anchor = m
        self.speed = speed
        self.paused = paused
        if abs(diff) < SLEW_LIMIT and not paused:
            # keep showing ``ours`` now and reach the platform's position at no more than half
            # the speed's rate, so the cursor never runs backwards
            self._offset = diff
            self._offset_at = m
            self._slew_for = max(1.0, 2.0 * abs(diff) / max(self.speed, 0.01))
        else:
            self._offset = 0.0
        return diff
