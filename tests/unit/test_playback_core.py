"""Playback core: ranges and gaps, the clock, the controller's gap signals, export remux, manifest and verify.

The export tests remux a real demo clip (H.264 in MPEG-TS, from the demo's clip cache) that a
stand-in ``export_stream`` hands over in chunks, as the platform's export endpoint streams it;
the end-to-end export against the demo platform is in tests/integration/test_playback_demo.py.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import pytest

from controlroom.cli import main as cli_main
from controlroom.playback import export as ex
from controlroom.playback.clock import PlaybackClock, next_speed
from controlroom.playback.controller import PlaybackController
from controlroom.playback.manifest import (
    EXIT_MISMATCH,
    EXIT_NO_MANIFEST,
    EXIT_OK,
    MANIFEST_NAME,
    verify,
)
from controlroom.playback.ranges import Span, TileGap, gap_at, gaps, normalise

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass
class R:
    start: datetime
    end: datetime


# ---- ranges and gaps
def test_normalise_sorts_merges_clips_and_drops_empty() -> None:
    raw = [R(at(30), at(40)), R(at(0), at(10)), R(at(5), at(12)), R(at(12), at(15)), R(at(50), at(50)),
           R(at(-20), at(-5))]
    spans = normalise(raw, at(-10), at(35))
    assert spans == [Span(at(-10), at(-5)), Span(at(0), at(15)), Span(at(30), at(35))]


def test_normalise_refuses_naive_times() -> None:
    with pytest.raises(ValueError):
        normalise([R(datetime(2026, 1, 1), datetime(2026, 1, 2))])


def test_gaps_between_and_around() -> None:
    spans = normalise([R(at(0), at(10)), R(at(20), at(30))])
    assert gaps(spans, at(-5), at(40)) == [Span(at(-5), at(0)), Span(at(10), at(20)), Span(at(30), at(40))]
    assert gaps(spans, at(1), at(9)) == []


def test_gap_at_says_since_and_when_it_resumes() -> None:
    spans = normalise([R(at(0), at(10)), R(at(20), at(30))])
    assert gap_at(spans, at(5)) is None
    assert gap_at(spans, at(15)) == TileGap(since=at(10), resumes=at(20))
    assert gap_at(spans, at(10)) == TileGap(since=at(10), resumes=at(20))  # the end is not recorded
    assert gap_at(spans, at(-1)) == TileGap(since=None, resumes=at(0))
    assert gap_at(spans, at(31)) == TileGap(since=at(30), resumes=None)
    assert gap_at(spans, at(15)).wait(at(18)) == timedelta(minutes=2)  # type: ignore[union-attr]


# ---- the clock
class Mono:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_clock_extrapolates_at_speed_and_stops_when_paused() -> None:
    m = Mono()
    c = PlaybackClock(T0, speed=4.0, monotonic=m)
    m.t += 2.5
    assert c.now() == T0 + timedelta(seconds=10)
    c.set(at(1), paused=True)
    m.t += 5
    assert c.now() == at(1)


def test_clock_slews_small_disagreements_and_never_runs_backwards() -> None:
    m = Mono()
    c = PlaybackClock(T0, speed=1.0, monotonic=m)
    m.t += 10
    assert c.now() == T0 + timedelta(seconds=10)
    diff = c.sync(T0 + timedelta(seconds=9.5), speed=1.0, paused=False)  # the platform is half a second behind
    assert diff == pytest.approx(-0.5)
    seen = [c.now()]
    for _ in range(30):
        m.t += 0.1
        seen.append(c.now())
    assert all(b >= a for a, b in itertools.pairwise(seen))  # monotonic while slewing
    assert seen[0] == T0 + timedelta(seconds=10)  # no jump at the poll
    assert seen[-1] == T0 + timedelta(seconds=12.5)  # the platform's clock, 3 s later


def test_clock_jumps_on_large_disagreement() -> None:
    m = Mono()
    c = PlaybackClock(T0, monotonic=m)
    c.sync(at(5), speed=1.0, paused=False)
    assert c.now() == at(5)


def test_next_speed_steps_through_the_allowed_speeds() -> None:
    assert next_speed(1.0, 1) == 2.0
    assert next_speed(1.0, -1) == 0.5
    assert next_speed(16.0, 1) == 16.0
    assert next_speed(0.25, -3) == 0.25
    assert next_speed(3.0, 0) in (2.0, 4.0)


# ---- the controller (a stand-in backend: the real one is tested against the demo in integration)
@dataclass
class Stream:
    camera_id: str
    urls: dict[str, str]
    recording: bool = True


@dataclass
class State:
    id: str
    position: datetime
    speed: float = 1.0
    paused: bool = False
    streams: list[Stream] = field(default_factory=list)
    expires_in: int = 60


@dataclass
class Timeline:
    ranges: list[R]
    marks: list[object] = field(default_factory=list)


class StandIn:
    """Answers as the playback contract says, from fixed ranges; counts the calls."""

    def __init__(self, ranges: dict[str, list[R]], ts: Path | None = None) -> None:
        self.ranges = ranges
        self.ts = ts
        self.calls: list[str] = []
        self.pos = T0
        self.speed = 1.0
        self.paused = False

    def _state(self) -> State:
        return State("s1", self.pos, self.speed, self.paused,
                     [Stream(c, {"http-ts": f"http://127.0.0.1:9/pb/{c}.ts"}) for c in self.ranges])

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> Timeline:
        self.calls.append("recordings")
        return Timeline(self.ranges[camera_id])

    async def open_playback(self, camera_ids: list[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> State:
        self.calls.append("open")
        self.pos, self.speed = at, speed
        return self._state()

    async def playback_state(self, playback_id: str) -> State:
        return self._state()

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> State:
        self.calls.append(action)
        if action == "seek" and at is not None:
            self.pos = at
        elif action == "speed" and speed is not None:
            self.speed = speed
        elif action in ("pause", "resume"):
            self.paused = action == "pause"
        return self._state()

    async def close_playback(self, playback_id: str) -> None:
        self.calls.append("close")

    async def export_stream(self, camera_id: str, start: datetime, end: datetime,
                            profile: str = "main") -> AsyncIterator[bytes]:
        assert self.ts is not None
        data = self.ts.read_bytes()
        for i in range(0, len(data), 65536):
            yield data[i:i + 65536]
            await asyncio.sleep(0)


def test_controller_says_gaps_and_resumes(qtbot, run) -> None:  # type: ignore[no-untyped-def]
    a, b = "34152300001320000001", "34152300001320000002"
    backend = StandIn({a: [R(at(-60), at(60))], b: [R(at(-60), at(0.5)), R(at(2), at(60))]})
    pc = PlaybackController(backend, poll_interval=30)
    assert run(pc.open([a, b], at(0), speed=1.0))
    run(pc.load_ranges(at(-90), at(90)))
    assert pc.gap(a) is None and pc.gap(b) is None
    assert pc.tracks[a].urls["http-ts"].endswith(f"{a}.ts")
    m = Mono()
    assert pc.clock is not None
    pc.clock.monotonic = m
    pc.clock.set(at(0))
    changed: list[str] = []
    resumed: list[str] = []
    pc.tile_changed.connect(changed.append)
    pc.tile_resumed.connect(resumed.append)
    m.t += 60  # 14:01: b is in its gap
    pc.tick()
    assert changed == [b] and pc.gap(b) == TileGap(since=at(0.5), resumes=at(2))
    assert pc.gap(a) is None
    m.t += 61  # 14:02:01: b recorded again
    pc.tick()
    assert resumed == [b] and pc.gap(b) is None
    run(pc.seek(at(1)))
    assert pc.gap(b) is not None and backend.calls[-1] == "seek"
    run(pc.set_speed(4.0))
    assert pc.speed == 4.0
    run(pc.close())
    assert backend.calls[-1] == "close" and not pc.active
    pc.deleteLater()


# ---- export, manifest, verify
def demo_clip() -> Path:
    """The demo's first sub-stream clip (made on first use, as the demo platform does)."""
    from controlroom.demo.media.clips import ensure_clips
    from controlroom.paths import cache_dir

    return ensure_clips(cache_dir() / "demo-clips")[0].sub


def annexb_nals(data: bytes) -> list[bytes]:
    parts = data.replace(b"\x00\x00\x00\x01", b"\x00\x00\x01").split(b"\x00\x00\x01")
    return [p.rstrip(b"\x00") for p in parts if p and p[0] & 0x1F != 9]  # access-unit delimiters aside


def avcc_nals(data: bytes) -> list[bytes]:
    out, i = [], 0
    while i + 4 <= len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        nal = data[i + 4:i + 4 + n]
        if nal and nal[0] & 0x1F != 9:
            out.append(nal.rstrip(b"\x00"))
        i += 4 + n
    return out


def job(folder: Path, ids: list[str]) -> ex.ExportJob:
    return ex.ExportJob(ids, T0, T0 + timedelta(seconds=20), folder, operator="dispatcher",
                        platform="https://127.0.0.1:1", names={i: f"Camera {i[-2:]}" for i in ids})


def test_export_remuxes_without_reencoding_and_verify_catches_a_changed_byte(run, tmp_path: Path) -> None:
    ts = demo_clip()
    ids = ["34152300001320000001", "34152300001320000002"]
    seen: list[float] = []
    mpath = run(ex.export(StandIn({}, ts), job(tmp_path, ids), progress=seen.append), timeout=60_000)
    assert mpath == tmp_path / MANIFEST_NAME
    clips = sorted(tmp_path.glob("*.mp4"))
    assert len(clips) == 2 and not list(tmp_path.glob(".*"))  # no temporary file left
    # stream copy: the same H.264 packets, byte for byte
    with av.open(str(ts)) as src, av.open(str(clips[0])) as dst:
        assert dst.format.name.startswith("mov")
        src_pk = [bytes(p) for p in src.demux(src.streams.video[0]) if p.size]
        dst_pk = [bytes(p) for p in dst.demux(dst.streams.video[0]) if p.size]
        assert dst.streams.video[0].codec_context.name == "h264"
    # the same NAL units (MP4 stores them length-prefixed, MPEG-TS with start codes)
    assert len(dst_pk) == len(src_pk)
    assert [avcc_nals(p) for p in dst_pk] == [annexb_nals(p) for p in src_pk]
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    v = verify(tmp_path)
    assert v.code == EXIT_OK and all(c.ok for c in v.checks) and len(v.checks) == 2
    assert cli_main(["verify", str(tmp_path)]) == EXIT_OK
    # change one byte in the middle of a clip
    data = bytearray(clips[1].read_bytes())
    data[len(data) // 2] ^= 0x01
    clips[1].write_bytes(bytes(data))
    v = verify(tmp_path)
    assert v.code == EXIT_MISMATCH
    assert [c.ok for c in v.checks] == [True, False] and "SHA-256" in v.checks[1].problem
    assert "NOT VERIFIED" in v.lines()[-1]
    assert cli_main(["verify", str(tmp_path)]) == EXIT_MISMATCH
    clips[0].unlink()
    assert next(c.problem for c in verify(tmp_path).checks) == "missing"


def test_verify_without_a_usable_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["verify", str(tmp_path)]) == EXIT_NO_MANIFEST
    assert "no manifest.json" in capsys.readouterr().out
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    assert verify(tmp_path).code == EXIT_NO_MANIFEST
    (tmp_path / MANIFEST_NAME).write_text('{"format": "controlroom-export", "files": '
                                          '[{"file": "../etc/passwd", "sha256": "00", "bytes": 1}]}')
    v = verify(tmp_path)
    assert v.code == EXIT_MISMATCH and "plain file name" in v.checks[0].problem


def test_cancelled_export_leaves_nothing(run, tmp_path: Path) -> None:
    token = ex.CancelToken()

    def progress(f: float) -> None:
        if f > 0.2:
            token.cancel()

    with pytest.raises(ex.ExportCancelled):
        run(ex.export(StandIn({}, demo_clip()), job(tmp_path, ["34152300001320000001", "34152300001320000002"]),
                      progress=progress, cancel=token), timeout=60_000)
    assert list(tmp_path.iterdir()) == []


def test_a_stream_that_is_not_video_fails_cleanly(run, tmp_path: Path) -> None:
    junk = tmp_path / "junk.ts"
    junk.write_bytes(b"\x47" + os.urandom(188 * 50))
    out = tmp_path / "out"
    with pytest.raises(ex.ExportError):
        run(ex.export(StandIn({}, junk), job(out, ["34152300001320000001"])), timeout=60_000)
    assert list(out.iterdir()) == []


class Forgetful(StandIn):
    """A platform that dropped the session (idle, restarted): the next control answers 404."""

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> State:
        from controlroom.api import errors

        if playback_id == "s1" and "forgot" not in self.calls:
            self.calls.append("forgot")
            raise errors.NotFoundError("no such playback", status=404)
        return await super().control_playback(playback_id, action, at, speed)


def test_a_dropped_session_is_opened_again_where_the_clock_is(qtbot, run) -> None:  # type: ignore[no-untyped-def]
    a = "34152300001320000001"
    backend = Forgetful({a: [R(at(-60), at(60))]})
    pc = PlaybackController(backend, poll_interval=30)
    opened: list[int] = []
    pc.opened.connect(lambda: opened.append(1))
    assert run(pc.open([a], at(0)))
    run(pc.seek(at(5)))
    assert backend.calls.count("open") == 2 and len(opened) == 2
    assert pc.active and abs((pc.position() - at(5)).total_seconds()) < 1  # type: ignore[operator]
    run(pc.close())
    pc.deleteLater()
