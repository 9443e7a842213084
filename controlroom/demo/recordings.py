"""The demo's recordings: what the town platforms recorded of each camera, 7 days back.

Nothing is stored. A camera's recorded ranges and marks are a pure function of
the network seed, the camera (or its town) and absolute time slots: every
6-hour slot of a camera may hold one outage (the camera was offline for 5 to
120 minutes), every day of a town may hold a platform restart (all the town's
cameras miss the same 3 to 12 minutes), and every hour holds a few motion
marks. Gaps are history: they end, at the latest, when the platform started
(an online camera records from then on). So the same camera has the same
ranges whenever it is asked, within
one run and across runs; only the ends move: recordings reach back
``RECORDING_RETENTION_S`` from now and the newest range ends now (for a camera
that is offline now, a little before the platform started).

Alert marks are the simulation's alerts on that camera plus synthetic past
ones (checkpoint hits, grid incidents) with ids of their own ("rec-...").
Answers are bounded (``MAX_RECORDING_RANGES``, ``MAX_RECORDING_MARKS``).
"""

from __future__ import annotations

import bisect
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from controlroom.api import schema as s
from controlroom.demo.network import Network

DEFAULT_SEED = 371326  # build_network's default seed
SLOT_S = 6 * 3600  # a camera's outage slot
DAY_S = 24 * 3600  # a town's restart slot
HOUR_S = 3600  # motion marks
OUTAGE_CHANCE = 0.2
RESTART_CHANCE = 0.6

Interval = tuple[float, float]  # epoch seconds, [start, end)


def _rng(*key: object) -> random.Random:
    # A str seed is hashed with SHA-512: the same on every run and platform.
    return random.Random("/".join(str(k) for k in key))


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _at(t: float) -> datetime:
    return datetime.fromtimestamp(t, UTC)


class Recordings:
    """Recorded ranges and marks of every camera of ``net`` (see the module docstring)."""

    def __init__(
        self,
        net: Network,
        *,
        seed: int = DEFAULT_SEED,
        clock: Callable[[], float] = time.time,
        alerts: Callable[[], Iterable[s.Alert]] = tuple,
    ) -> None:
        self.net = net
        self.seed = seed
        self.clock = clock
        self.alerts = alerts
        self.started = clock()
        self._day_cache: OrderedDict[tuple[str, int], list[Interval]] = OrderedDict()

    # ------------------------------------------------------------------ gaps

    def town_of(self, camera_id: str) -> int | None:
        cam = self.net.camera_by_id.get(camera_id)
        return self.net.town_of_site.get(cam.site_id) if cam else None

    def gaps(self, camera_id: str, a: float, b: float) -> list[Interval]:
        """The camera's outages and its town's restarts that touch [a, b), merged."""
        out: list[Interval] = []
        for k in range(int(a // SLOT_S) - 1, int(b // SLOT_S) + 1):
            rng = _rng(self.seed, "outage", camera_id, k)
            if rng.random() < OUTAGE_CHANCE:
                start = k * SLOT_S + rng.uniform(0, SLOT_S)
                out.append((start, start + rng.uniform(5, 120) * 60))
        town = self.town_of(camera_id)
        if town is not None:
            for d in range(int(a // DAY_S) - 1, int(b // DAY_S) + 1):
                rng = _rng(self.seed, "restart", town, d)
                if rng.random() < RESTART_CHANCE:
                    start = d * DAY_S + rng.uniform(0, DAY_S)
                    out.append((start, start + rng.uniform(3, 12) * 60))
        # gaps are history: what was missed before this platform started; since then an online
        # camera records (else one that happens to be in an outage now would not record "now")
        history = [(g0, min(g1, self.started)) for g0, g1 in _merge(out) if g0 < self.started]
        return [g for g in history if g[1] > a and g[0] < b]

    def span(self, camera_id: str) -> Interval:
        """Where the recordings of the camera begin and end now."""
        now = self.clock()
        cam = self.net.camera_by_id.get(camera_id)
        end = now
        if cam is not None and not cam.online:
            end = min(now, self.started) - _rng(self.seed, "offline", camera_id).uniform(0, 1800)
        return now - s.RECORDING_RETENTION_S, end

    def ranges(self, camera_id: str, a: float, b: float) -> list[Interval]:
        """Recorded [start, end) ranges clipped to [a, b), sorted; at most ``MAX_RECORDING_RANGES``."""
        lo, hi = self.span(camera_id)
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            return []
        out: list[Interval] = []
        cur = a
        for g0, g1 in self.gaps(camera_id, a, b):
            if g0 > cur:
                out.append((cur, min(g0, b)))
            cur = max(cur, g1)
            if cur >= b or len(out) >= s.MAX_RECORDING_RANGES:
                break
        if cur < b and len(out) < s.MAX_RECORDING_RANGES:
            out.append((cur, b))
        return out

    def recorded(self, camera_id: str, t: float) -> bool:
        """Is there a recording of the camera at ``t`` (cheap: called for every frame)."""
        lo, hi = self.span(camera_id)
        if not lo <= t < hi:
            return False
        day = int(t // DAY_S)
        key = (camera_id, day)
        gaps = self._day_cache.get(key)
        if gaps is None:
            gaps = self.gaps(camera_id, day * DAY_S, (day + 1) * DAY_S)
            self._day_cache[key] = gaps
            if len(self._day_cache) > 4096:
                self._day_cache.popitem(last=False)
        else:
            self._day_cache.move_to_end(key)
        i = bisect.bisect_right(gaps, (t, float("inf"))) - 1
        return not (i >= 0 and gaps[i][0] <= t < gaps[i][1])

    def next_recorded(self, camera_id: str, t: float, limit: float = DAY_S) -> float | None:
        """The first recorded moment at or after ``t`` within ``limit`` seconds, or None."""
        for a, _b in self.ranges(camera_id, t, t + limit):
            return a
        return None

    # ------------------------------------------------------------------ marks

    def marks(self, camera_id: str, a: float, b: float) -> list[s.RecordingMark]:
        """Motion and alert marks in [a, b) where there is a recording, sorted; bounded."""
        ranges = self.ranges(camera_id, a, b)
        if not ranges:
            return []
        starts = [r[0] for r in ranges]

        def inside(t: float) -> bool:
            i = bisect.bisect_right(starts, t) - 1
            return i >= 0 and ranges[i][0] <= t < ranges[i][1]

        cam = self.net.camera_by_id.get(camera_id)
        checkpoint = cam is not None and cam.kind == s.CameraKind.CHECKPOINT
        found: list[tuple[float, s.RecordingMark]] = []
        lo, hi = ranges[0][0], ranges[-1][1]
        for h in range(int(lo // HOUR_S), int(hi // HOUR_S) + 1):
            rng = _rng(self.seed, "motion", camera_id, h)
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 5))):
                t = h * HOUR_S + rng.uniform(0, HOUR_S)
                if lo <= t < hi and inside(t):
                    found.append((t, s.RecordingMark(at=_at(t), kind="motion", label="motion")))
        for d in range(int(lo // DAY_S), int(hi // DAY_S) + 1):
            rng = _rng(self.seed, "alerts", camera_id, d)
            for i in range(rng.choice((0, 0, 0, 1, 2)) + (2 if checkpoint else 0)):
                t = d * DAY_S + rng.uniform(0, DAY_S)
                kind = s.AlertKind.CHECKPOINT_HIT if checkpoint else s.AlertKind.GRID_INCIDENT
                if lo <= t < hi and inside(t):
                    found.append((t, s.RecordingMark(
                        at=_at(t), kind="alert", label=kind.value.replace("_", " "),
                        alert_id=f"rec-{camera_id[-8:]}-{d}-{i}",
                    )))
        for alert in self.alerts():
            if camera_id in alert.camera_ids:
                t = alert.raised_at.timestamp()
                if lo <= t < hi and inside(t):
                    found.append((t, s.RecordingMark(at=alert.raised_at, kind="alert",
                                                     label=alert.message[:200], alert_id=alert.id)))
        found.sort(key=lambda x: x[0])
        return [m for _t, m in found[: s.MAX_RECORDING_MARKS]]

    def timeline(self, camera_id: str, start: datetime, end: datetime) -> s.RecordingTimeline:
        a, b = start.timestamp(), end.timestamp()
        return s.RecordingTimeline(
            camera_id=camera_id, start=start, end=end,
            ranges=[s.RecordingRange(start=_at(x), end=_at(y)) for x, y in self.ranges(camera_id, a, b)],
            marks=self.marks(camera_id, a, b),
        )


def window_ok(start: datetime, end: datetime) -> str | None:
    """Why a recordings window is refused, or None."""
    if end <= start:
        return "start must be before end"
    if end - start > timedelta(seconds=s.MAX_RECORDINGS_WINDOW_S):
        return f"the window is longer than {s.MAX_RECORDINGS_WINDOW_S // 86400} days"
    return None
