"""Recorded ranges and gaps: what a tile shows at a moment, and when a gap ends.

Ranges come from the platform (``RecordingTimeline.ranges``), which we
distrust: they are re-sorted, clipped to the window asked for, merged where
they overlap or touch, and bounded in count before anything uses them.
Times are tz-aware ``datetime`` (UTC); a naive one is refused.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

#: the most ranges kept per camera and window (the platform's own bound is 5000)
MAX_RANGES = 5000


class RangeLike(Protocol):
    @property
    def start(self) -> datetime: ...

    @property
    def end(self) -> datetime: ...


@dataclass(frozen=True, order=True)
class Span:
    """A half-open interval [start, end) of recording time."""

    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def __contains__(self, t: object) -> bool:
        return isinstance(t, datetime) and self.start <= t < self.end


def _aware(t: datetime) -> datetime:
    if t.tzinfo is None or t.utcoffset() is None:
        raise ValueError("naive datetime: recording times must carry a time zone")
    return t


def normalise(ranges: Iterable[RangeLike], start: datetime | None = None, end: datetime | None = None,
              limit: int = MAX_RANGES) -> list[Span]:
    """Sorted, merged, clipped to [start, end), empty ones dropped; at most ``limit`` spans."""
    spans: list[Span] = []
    for r in ranges:
        s, e = _aware(r.start), _aware(r.end)
        if start is not None:
            s = max(s, start)
        if end is not None:
            e = min(e, end)
        if e > s:
            spans.append(Span(s, e))
        if len(spans) > 4 * limit:  # a hostile list: stop reading it
            break
    spans.sort()
    merged: list[Span] = []
    for sp in spans:
        if merged and sp.start <= merged[-1].end:
            if sp.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, sp.end)
        else:
            merged.append(sp)
    return merged[:limit]


def gaps(spans: list[Span], start: datetime, end: datetime) -> list[Span]:
    """The parts of [start, end) that ``spans`` (normalised) do not cover."""
    out: list[Span] = []
    at = start
    for sp in spans:
        if sp.end <= at:
            continue
        if sp.start >= end:
            break
        if sp.start > at:
            out.append(Span(at, min(sp.start, end)))
        at = max(at, sp.end)
    if at < end:
        out.append(Span(at, end))
    return out


def covering(spans: list[Span], t: datetime) -> Span | None:
    """The span that holds ``t``, if any."""
    i = bisect.bisect_right([s.start for s in spans], t) - 1
    if i >= 0 and t < spans[i].end:
        return spans[i]
    return None


def next_start(spans: list[Span], t: datetime) -> datetime | None:
    """When recording resumes after ``t`` (the start of the first span after it), or None."""
    i = bisect.bisect_right([s.start for s in spans], t)
    return spans[i].start if i < len(spans) else None


@dataclass(frozen=True)
class TileGap:
    """What a tile in a gap says: since when nothing was recorded, and when it resumes (None: not in this window)."""

    since: datetime | None
    resumes: datetime | None

    def wait(self, now: datetime) -> timedelta | None:
        return None if self.resumes is None else max(timedelta(0), self.resumes - now)


def gap_at(spans: list[Span], t: datetime) -> TileGap | None:
    """None if ``t`` is recorded; otherwise the gap around it."""
    if covering(spans, t) is not None:
        return None
    i = bisect.bisect_right([s.end for s in spans], t) - 1
    since = spans[i].end if i >= 0 else None
    return TileGap(since=since, resumes=next_start(spans, t))
