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


def test_idle_sessions_expire_unless_a_stream_is_connected(recordings: Recordings) -> None:
    from controlroom.demo.playback import MAX_SESSIONS_PER_LOGIN, PlaybackManager

    manager = PlaybackManager(recordings, recordings.net.stream_index, ttl=60)
    cam = recordings.net.cameras[0].id
    idle = manager.open("login-a", "a", [cam], recordings.clock() - 3600, 1.0, "sub")
    watched = manager.open("login-a", "a", [cam], recordings.clock() - 3600, 1.0, "sub")
    watched.connections = 1  # a player is connected
    for sess in (idle, watched):
        sess.last_used -= 61
    manager.sweep()
    assert idle.closed and idle.id not in manager.sessions
    assert not watched.closed and manager.get(watched.id, "login-a") is watched
    assert manager.get(watched.id, "login-b") is None  # another login's session does not exist for it
    # a login that opens too many loses its least recently used one, not the new one
    opened = [manager.open("login-c", "c", [cam], 0, 1.0, "sub") for _ in range(MAX_SESSIONS_PER_LOGIN + 3)]
    assert sum(1 for x in manager.sessions.values() if x.login_id == "login-c") == MAX_SESSIONS_PER_LOGIN
    assert opened[0].closed and not opened[-1].closed
    assert manager.cut_login("login-c") == MAX_SESSIONS_PER_LOGIN


def test_session_clock_seek_speed_pause() -> None:
    from controlroom.demo.playback import PlaybackSession

    sess = PlaybackSession("x", "l", "u", ["c"], "sub", {}, 1000.0, 0.0)
    sess.anchor_mono = 100.0
    assert sess.position(110.0) == 1010.0
    gen = sess.generation
    sess.seek(5000.0)
    assert sess.generation == gen + 1 and abs(sess.position() - 5000.0) < 0.5
    sess.set_speed(4)
    p = sess.position()
    sess.pause()
    assert sess.paused and sess.position() == sess.anchor_pos and abs(sess.anchor_pos - p) < 0.5
    sess.resume()
    assert not sess.paused and sess.generation == gen + 4
