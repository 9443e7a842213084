"""The stream policy: main or sub stream per tile, and which tiles decode key frames only.

Pure and deterministic: the wall passes each visible tile's size in device
pixels, the camera's stream profiles and the time (monotonic seconds); the
policy answers per tile. It remembers only what hysteresis needs: the
profile each tile has, when it last switched, and whether it was maximised.

The rules, in order:

1. **Size** (Nx Witness's rule, ``radass_controller_params.h``): a tile goes
   to the sub stream when it is smaller than the sub stream's own picture
   (the sub stream then already has every pixel the tile can show), and
   always below 228x171 px; it goes back to main only when its area exceeds
   1.34x the sub stream's area. Between the two it keeps what it has, so a
   tile resized by a few pixels does not flap. A maximised tile plays main.
2. **Minimum time between switches**: 5 s per tile, because every switch
   costs a key-frame wait (650-770 ms measured); maximise and restore switch
   at once, since the operator just asked for it.
3. **Bandwidth budget** (kbit/s per workstation: a town desk on a thin
   cable-TV link): while the sum is over budget, the smallest tiles on main
   move to sub. Budget demotions do not wait for the 5 s: a link that is
   over budget drops packets on every tile. If still over, every tile is
   marked ``OVER_BUDGET``; nothing is stopped (the operator decides).
4. **Decode budget** (pixels per second): while over it, the smallest tiles
   decode key frames only (``CPU``) and keep their stream.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from controlroom.api.schema import StreamProfile

ProfileName = Literal["main", "sub"]

MIN_SUB_SIZE = (228, 171)
"""Below this (either side, px) a tile always plays sub: Nx Witness's threshold."""
UP_FACTOR = 1.34
"""Back to main only when the tile's area exceeds this times the sub stream's area."""
MIN_SWITCH_INTERVAL = 5.0
"""Seconds between two profile switches of one tile (maximise/restore excepted)."""

BITS_PER_PIXEL = 0.08
"""For profiles without ``bitrate_kbps``: H.264 surveillance streams run at about
0.08 bit per pixel per frame (1080p25 ~ 4 Mbit/s, 640x360@25 ~ 460 kbit/s)."""
_HEVC_FACTOR = 0.5  # H.265 needs about half the bits for the same picture

KEYFRAME_RATE = 1.0
"""Key frames per second assumed for a key-frames-only tile (the 1 s GOP measured on our cameras)."""

PIXELS_PER_CORE_SECOND = 103_000_000
"""Decoding cost measured on this project's reference machine (ARCHITECTURE.md: Debian 12,
Xvfb, bare libVLC): 25 tiles of 640x360 at 25 fps used 140 % of one core, so one core
decodes and shows 25 x 640 x 360 x 25 / 1.4 = 1.03e8 pixels per second. (The 16-tile figure,
103 % for 9.2e7 px/s, gives 8.9e7 per core: the per-tile fixed cost weighs more with fewer tiles,
so the 25-tile figure is the marginal cost of one more tile.)"""
DECODE_SHARE = 0.75
"""Of all cores, the share decoding may take: the rest is for the GUI thread, the network,
the RTSP remux bridge and the rest of the desktop. On 2 cores that is 1.5e8 px/s, about
26 tiles of 640x360@25: the 25-tile wall measured at 140 % still plays at full rate."""


def default_decode_budget(cpu_count: int | None = None) -> float:
    """Pixels per second this machine can decode for the wall (``cpu_count`` None: this machine's)."""
    if cpu_count is None:
        try:
            cpu_count = len(os.sched_getaffinity(0))  # the cores we may run on, not all of them
        except (AttributeError, OSError):
            cpu_count = os.cpu_count() or 1
    return DECODE_SHARE * max(1, cpu_count) * PIXELS_PER_CORE_SECOND


def estimate_kbps(profile: StreamProfile) -> float:
    """The profile's nominal bit rate, or an estimate from its size and frame rate."""
    if profile.bitrate_kbps is not None:
        return float(profile.bitrate_kbps)
    bpp = BITS_PER_PIXEL * (_HEVC_FACTOR if profile.codec.lower() in {"h265", "hevc", "h.265"} else 1.0)
    return profile.width * profile.height * profile.fps * bpp / 1000.0


class Reason(enum.Enum):
    """Why a tile plays what it plays, for the UI to put into words."""

    SMALL_TILE = "small_tile"  # sub: the tile is too small to show more than the sub stream
    MAXIMISED = "maximised"  # main: the operator maximised the tile
    BANDWIDTH = "bandwidth"  # sub: moved there to stay within the bandwidth budget
    OVER_BUDGET = "over_budget"  # the wall is over the bandwidth budget even with every tile it could move on sub
    CPU = "cpu"  # key frames only: the machine cannot decode every tile at full rate
    HYSTERESIS = "hysteresis"  # kept its profile: it switched less than 5 s ago


@dataclass(frozen=True)
class TileDemand:
    """One visible tile: its size in device pixels and what its camera offers.

    ``camera_id`` (an addition to the contract) lets the policy forget a tile's
    history when its camera changes: a new stream starts anyway, so there is
    no switch to hold back.
    """

    tile: int
    width_px: int
    height_px: int
    maximised: bool
    profiles: Sequence[StreamProfile]
    camera_id: str | None = None

    @property
    def area(self) -> int:
        return max(0, self.width_px) * max(0, self.height_px)


@dataclass(frozen=True)
class Decision:
    profile: ProfileName
    keyframes_only: bool = False
    reasons: frozenset[Reason] = frozenset()


@dataclass(frozen=True)
class Load:
    """What the wall costs after the decisions, for the status bar."""

    kbps: float
    pixels_per_second: float
    over_budget: bool
    keyframes_only: int


@dataclass
class _TileState:
    profile: ProfileName
    switched_at: float
    maximised: bool
    camera_id: str | None


@dataclass
class _Work:
    demand: TileDemand
    main: StreamProfile | None
    sub: StreamProfile | None
    profile: ProfileName
    reasons: set[Reason] = field(default_factory=set)
    want: ProfileName = "main"  # what the size alone asks for, before the 5 s rule
    held_main: bool = False  # kept on main by the 5 s rule although the size says sub
    keyframes_only: bool = False

    def chosen(self) -> StreamProfile:
        p = self.main if self.profile == "main" else self.sub
        assert p is not None
        return p

    def sort_key(self) -> tuple[int, int]:
        return (self.demand.area, self.demand.tile)  # smallest first; tile number breaks ties


class StreamPolicy:
    """Decides main/sub and key-frames-only for the tiles of one wall."""

    def __init__(
        self,
        *,
        bandwidth_kbps: float | None = None,
        decode_budget: float | Literal["auto"] | None = "auto",
        min_switch_interval: float = MIN_SWITCH_INTERVAL,
        up_factor: float = UP_FACTOR,
        min_sub_size: tuple[int, int] = MIN_SUB_SIZE,
    ) -> None:
        self.bandwidth_kbps = bandwidth_kbps
        self.decode_budget: float | None = default_decode_budget() if decode_budget == "auto" else decode_budget
        self.min_switch_interval = min_switch_interval
        self.up_factor = up_factor
        self.min_sub_size = min_sub_size
        self.last_load = Load(0.0, 0.0, False, 0)
        self._state: dict[int, _TileState] = {}

    def forget(self, tile: int | None = None) -> None:
        """Drop a tile's history (or every tile's): its next decision starts afresh."""
        if tile is None:
            self._state.clear()
        else:
            self._state.pop(tile, None)

    # ------------------------------------------------------------------ deciding

    def decide(self, demands: Iterable[TileDemand], now: float) -> dict[int, Decision]:
        """One decision per tile that has a stream; tiles without profiles are left out."""
        work: list[_Work] = []
        for d in demands:
            main = next((p for p in d.profiles if p.name == "main"), None)
            sub = next((p for p in d.profiles if p.name == "sub"), None)
            if main is None and sub is None:
                continue
            work.append(self._by_size(d, main, sub, now))
        self._bandwidth(work)
        self._decode(work)

        # remember what each tile now plays; tiles that left the wall are forgotten
        state: dict[int, _TileState] = {}
        for w in work:
            old = self._state.get(w.demand.tile)
            same = old is not None and old.camera_id == w.demand.camera_id
            switched = not same or old is None or old.profile != w.profile
            state[w.demand.tile] = _TileState(
                w.profile, now if switched else old.switched_at,  # type: ignore[union-attr]
                w.demand.maximised, w.demand.camera_id)
        self._state = state
        return {w.demand.tile: Decision(w.profile, w.keyframes_only, frozenset(w.reasons)) for w in work}

    def _by_size(self, d: TileDemand, main: StreamProfile | None, sub: StreamProfile | None,
                 now: float) -> _Work:
        if main is None or sub is None:  # nothing to choose between
            only: ProfileName = "main" if main is not None else "sub"
            return _Work(d, main, sub, only, want=only)
        old = self._state.get(d.tile)
        if old is not None and old.camera_id != d.camera_id:
            old = None  # a new camera: a new stream starts anyway
        w, h = d.width_px, d.height_px
        reasons: set[Reason] = set()
        if d.maximised:
            want: ProfileName = "main"
            reasons.add(Reason.MAXIMISED)
        elif w < self.min_sub_size[0] or h < self.min_sub_size[1] or w < sub.width or h < sub.height:
            want = "sub"
        elif d.area > self.up_factor * sub.width * sub.height:
            want = "main"
        else:  # between the thresholds: keep what it has; a new tile starts on sub
            want = old.profile if old is not None else "sub"
        if want == "sub":
            reasons.add(Reason.SMALL_TILE)

        item = _Work(d, main, sub, want, reasons, want)
        if old is None or old.profile == want or old.maximised != d.maximised:
            return item  # nothing to hold back: first decision, no switch, or maximise/restore
        if now - old.switched_at < self.min_switch_interval:
            item.profile = old.profile
            item.reasons = {Reason.HYSTERESIS}
            item.held_main = old.profile == "main"
        return item

    def _bandwidth(self, work: list[_Work]) -> None:
        budget = self.bandwidth_kbps
        if budget is not None:
            # A tile the 5 s rule holds on sub although it is large would be moved
            # to sub by the budget anyway: say so (BANDWIDTH), or its reason would
            # flip from HYSTERESIS to BANDWIDTH 5 s later with nothing changed.
            wished = {id(w): w.want for w in work}
            for w in _over_budget(work, wished, budget)[0]:
                if w.profile == "sub" and Reason.HYSTERESIS in w.reasons:
                    w.reasons = {Reason.BANDWIDTH}
            # Then the real pass: first release tiles that the 5 s rule keeps on
            # main although they are small, then move the smallest tiles on main.
            actual = {id(w): w.profile for w in work}
            moves, _ = _over_budget(work, actual, budget)
            for w in moves:
                reason = Reason.SMALL_TILE if w.held_main else Reason.BANDWIDTH
                w.profile = "sub"
                w.held_main = False
                w.reasons = (w.reasons - {Reason.HYSTERESIS, Reason.MAXIMISED}) | {reason}
        total = sum(estimate_kbps(w.chosen()) for w in work)
        over = budget is not None and total > budget
        if over:
            for w in work:
                w.reasons.add(Reason.OVER_BUDGET)
        self.last_load = Load(total, 0.0, over, 0)

    def _decode(self, work: list[_Work]) -> None:
        budget = self.decode_budget
        total = sum(_pixel_rate(w.chosen()) for w in work)
        if budget is not None and total > budget:
            for w in sorted(work, key=_Work.sort_key):
                if total <= budget:
                    break
                p = w.chosen()
                total -= _pixel_rate(p) - p.width * p.height * min(KEYFRAME_RATE, p.fps)
                w.keyframes_only = True
                w.reasons.add(Reason.CPU)
        self.last_load = Load(self.last_load.kbps, total, self.last_load.over_budget,
                              sum(w.keyframes_only for w in work))


def _over_budget(work: list[_Work], profiles: dict[int, ProfileName],
                 budget: float) -> tuple[list[_Work], float]:
    """The tiles to move from main to sub, in order, to come within ``budget``; and the total after."""

    def kbps(w: _Work) -> float:
        p = w.main if profiles[id(w)] == "main" else w.sub
        assert p is not None
        return estimate_kbps(p)

    total = sum(kbps(w) for w in work)
    on_main = [w for w in work if profiles[id(w)] == "main" and w.sub is not None and w.main is not None]
    order = sorted((w for w in on_main if w.held_main), key=_Work.sort_key) + sorted(
        (w for w in on_main if not w.held_main), key=_Work.sort_key)
    moves: list[_Work] = []
    for w in order:
        if total <= budget:
            break
        assert w.main is not None and w.sub is not None
        total -= estimate_kbps(w.main) - estimate_kbps(w.sub)
        moves.append(w)
    return moves, total


def _pixel_rate(p: StreamProfile) -> float:
    return p.width * p.height * p.fps
