"""The burned-in time code (controlroom.demo.timecode) and the demo's recordings (controlroom.demo.recordings):
read back through real H.264 at the demo's bitrate and scaled down to tile sizes; recordings deterministic,
bounded, with town restarts shared by every camera of the town."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime

import av
import numpy as np
import pytest

from controlroom.api import schema as s
from controlroom.demo.media.http_ts import TsMuxer
from controlroom.demo.media.hub import Frame
from controlroom.demo.network import build_network
from controlroom.demo.playback import Encoder, _Size, painter_for
from controlroom.demo.recordings import DAY_S, Recordings
from controlroom.demo.timecode import draw_timecode, read_timecode

T0 = datetime(2026, 12, 1, 8, 30, 15, 300000, tzinfo=UTC).timestamp()


def _rgb_of_luma(y: np.ndarray) -> np.ndarray:
    return np.repeat(y[:, :, None], 3, axis=2)


def test_time_code_round_trip_and_rejects_what_is_not_one() -> None:
    y = np.full((270, 480), 90, np.uint8)
    draw_timecode(y, T0)
    got = read_timecode(_rgb_of_luma(y))
    assert got is not None and abs(got.timestamp() - T0) < 0.05
    # one flipped cell breaks the check bits: no time rather than a wrong one
    y[int(0.80 * 270) + 5 : int(0.85 * 270), 480 // 23 * 5 + 3 : 480 // 23 * 6 - 3] ^= 0xFF
    assert read_timecode(_rgb_of_luma(y)) is None
    assert read_timecode(np.zeros((270, 480, 3), np.uint8)) is None  # black
    assert read_timecode(bytes(480 * 270 * 3), 480, 270) is None  # raw bytes are taken too
    assert read_timecode(np.zeros((10, 10, 3), np.uint8)) is None  # too small to hold one


@pytest.mark.parametrize("scale", [1.0, 0.5, 0.35])
def test_time_code_survives_h264_and_scaling_but_not_the_gap_card(scale: float) -> None:
    painter = painter_for(2, "37132601011310000001", "sub")
    enc = Encoder(480, 270)
    mux = TsMuxer(_Size(480, 270))  # type: ignore[arg-type]
    buf = bytearray()
    for i in range(30):
        yuv = painter.picture(T0 + i / 10) if i < 20 else painter.card(T0 + i / 10)
        for data, pts, key in enc.encode(yuv, i * 9000, i == 0):
            buf += mux.mux(Frame(data, pts, key))
    w, h = int(480 * scale) // 2 * 2, int(270 * scale) // 2 * 2
    with av.open(io.BytesIO(bytes(buf))) as c:
        codes = [read_timecode(f.reformat(width=w, height=h, format="rgb24").to_ndarray())
                 for f in c.decode(video=0)]
    assert len(codes) >= 25
    pictures, cards = codes[:20], codes[20:]
    assert all(t is not None and abs(t.timestamp() - (T0 + i / 10)) < 0.06 for i, t in enumerate(pictures))
    assert all(t is None for t in cards)


@pytest.fixture(scope="module")
def recordings() -> Recordings:
    net = build_network(lambda cid, profile: {s.Transport.HTTP_TS: f"http://127.0.0.1:9/{cid}/{profile}.ts"})
    now = datetime(2026, 12, 2, 6, 0, tzinfo=UTC).timestamp()
    return Recordings(net, clock=lambda: now)


def test_recordings_are_deterministic_bounded_and_restarts_are_town_wide(recordings: Recordings) -> None:
    net = recordings.net
    now = recordings.clock()
    town = net.cameras_by_town[3]
    a, b = [c for c in town if c.online][:2]
    r1 = recordings.ranges(a.id, now - 7 * DAY_S, now)
    again = Recordings(net, clock=recordings.clock, seed=recordings.seed).ranges(a.id, now - 7 * DAY_S, now)
    assert r1 == again and len(r1) > 3
    assert r1[0][0] == now - 7 * DAY_S and r1[-1][1] == now
    assert all(x[1] < y[0] for x, y in itertools.pairwise(r1))
    other_seed = Recordings(net, clock=recordings.clock, seed=1).ranges(a.id, now - 7 * DAY_S, now)
    assert other_seed != r1
    # every restart of town 3 is a gap of both cameras
    restarts = [g for g in recordings.gaps(a.id, now - 7 * DAY_S, now) if g in recordings.gaps(b.id, now - 7 * DAY_S, now)]
    assert restarts
    for g0, g1 in restarts:
        mid = (g0 + g1) / 2
        assert not recordings.recorded(a.id, mid) and not recordings.recorded(b.id, mid)
    # recorded() agrees with ranges()
    for x, y in r1[:5]:
        assert recordings.recorded(a.id, x + 1) and recordings.recorded(a.id, (x + y) / 2)
        assert not recordings.recorded(a.id, y + 0.5)
    assert not recordings.recorded(a.id, now - 8 * DAY_S) and not recordings.recorded(a.id, now + 5)
    marks = recordings.marks(a.id, now - 7 * DAY_S, now)
    assert 0 < len(marks) <= s.MAX_RECORDING_MARKS
    assert [m.at for m in marks] == sorted(m.at for m in marks)
    assert all(recordings.recorded(a.id, m.at.timestamp()) for m in marks)
