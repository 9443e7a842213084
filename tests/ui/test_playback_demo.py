"""Playback on the real demo platform, real libVLC under Xvfb, real H.264 with the recording time burned in.

Each tile's picture is read back from a libVLC snapshot and its burned-in time code decoded
(``controlroom.demo.timecode.read_timecode``): a seek lands on the right second, four tiles stay
within a second of each other at 1x and at 4x, a gap is said on the tile (and the stream shows its
"no recording" card, which has no time code) and the tile catches up when the recording resumes;
an export's frames are the recording's; a town desk cannot open another town's recordings.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import av
import pytest
import shiboken6
from controlroom.ui.playback.wall_playback import WallPlayback
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow
from wall_helpers import cameras_by_stream, loaded_session

from controlroom.api import errors
from controlroom.demo.timecode import read_timecode
from controlroom.playback import export as ex
from controlroom.playback.backend import playback_backend
from controlroom.playback.controller import PlaybackController
from controlroom.playback.manifest import EXIT_MISMATCH, EXIT_OK, verify
from controlroom.playback.ranges import Span, normalise
from controlroom.session import Session
from controlroom.video.player import TilePlayer, TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video

_n = itertools.count()


_open: list[WallPlayback] = []


@pytest.fixture(autouse=True)
def _release_players(qtbot: Any) -> Any:  # after qtbot: torn down before qtbot closes the windows
    """Playback players go before their tiles' windows, also when a test fails."""
    yield
    while _open:
        wp = _open.pop()
        if shiboken6.isValid(wp) and shiboken6.isValid(wp.pane):
            wp.shutdown()
            wp.pane.shutdown()


def _window(qtbot: Any, session: Session) -> tuple[QMainWindow, WallPane, WallPlayback]:
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(1280, 760)
    wp = WallPlayback(pane)

    def release(_w: object) -> None:  # players before their windows (pytest-qt closes the window first)
        if shiboken6.isValid(wp) and shiboken6.isValid(pane):
            wp.shutdown()
            pane.shutdown()

    qtbot.addWidget(win, before_close_func=release)
    win.show()
    qtbot.waitExposed(win)
    _open.append(wp)
    return win, pane, wp


def snap(player: TilePlayer, folder: Path) -> tuple[datetime | None, float]:
    """(time code on the tile's picture, monotonic time the picture was taken around)."""
    path = folder / f"snap-{next(_n)}.png"
    before = time.monotonic()
    ok = player.snapshot(path)
    after = time.monotonic()
    if not ok:
        return None, after
    return read_timecode(QImage(str(path))), (before + after) / 2


def common_recorded(run: Callable[..., Any], backend: Any, cams: list[str], start: datetime, end: datetime,
                    need: float) -> datetime:
    """A moment from which every camera in ``cams`` is recorded for ``need`` seconds."""
    spans = [normalise(run(backend.recordings(c, start, end)).ranges, start, end) for c in cams]
    t = start
    while t + timedelta(seconds=need) < end:
        stop = t + timedelta(seconds=need)
        blockers = [s for sp in spans for s in _gaps_in(sp, t, stop)]
        if not blockers:
            return t
        t = max(b.end for b in blockers)
    raise AssertionError("no common recorded stretch: the demo's recordings changed")


def _gaps_in(spans: list[Span], a: datetime, b: datetime) -> list[Span]:
    from controlroom.playback.ranges import gaps

    return gaps(spans, a, b)


def _all_playing(wp: WallPlayback) -> bool:
    return bool(wp.players) and all(p.state is TileState.PLAYING for p in wp.players.values())


def _enter(qtbot: Any, run: Callable[..., Any], pane: WallPane, wp: WallPlayback, cams: list[str],
           at: datetime, speed: float = 1.0) -> None:
    pane.set_layout(preset(len(cams) if len(cams) in (1, 4) else 4))
    assert pane.controller.fill(0, cams) == 0
    assert run(wp.enter(list(range(len(cams))), at, speed=speed), 20_000)
    assert all(pane.tiles[t].in_playback for t in range(len(cams)))
    qtbot.waitUntil(lambda: _all_playing(wp), timeout=30_000)


def _wait_code(qtbot: Any, player: TilePlayer, folder: Path, ok: Callable[[datetime], bool],
               timeout: int = 15_000) -> datetime:
    seen: list[datetime] = []

    def check() -> bool:
        tc, _ = snap(player, folder)
        if tc is not None:
            seen.append(tc)
        return tc is not None and ok(tc)

    try:
        qtbot.waitUntil(check, timeout=timeout)
    except Exception:
        print("time codes seen:", [t.isoformat() for t in seen[-8:]])
        raise
    return seen[-1]


def test_seek_lands_on_the_right_second(qtbot, login, run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    _win, pane, wp = _window(qtbot, session)
    cams = cameras_by_stream(session.inventory, 1)
    now = datetime.now(UTC)
    backend = playback_backend(session)
    at = common_recorded(run, backend, cams, now - timedelta(hours=5), now - timedelta(hours=3), 120)
    _enter(qtbot, run, pane, wp, cams, at)
    player = wp.players[0]
    first = _wait_code(qtbot, player, tmp_path, lambda tc: True)
    assert abs((first - at).total_seconds()) < 15, (first, at)
    # the seek: the first pictures after it show the second sought (then the clock runs on from there)
    target = (at + timedelta(seconds=61)).replace(microsecond=0)
    sought = time.monotonic()
    run(wp.controller.seek(target))
    got = _wait_code(qtbot, player, tmp_path, lambda tc: abs((tc - target).total_seconds()) < 30)
    elapsed = time.monotonic() - sought
    assert target <= got <= target + timedelta(seconds=elapsed + 1.0), (got, target, elapsed)
    print(f"\nseek: picture at +{(got - target).total_seconds():.1f} s of the target, read {elapsed:.2f} s after")
    run(wp.leave())
    assert not pane.tiles[0].in_playback and pane.lent == set()


@pytest.mark.parametrize("speed", [1.0, 4.0])
def test_four_tiles_keep_within_a_second(qtbot, login, run, tmp_path, speed) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    _win, pane, wp = _window(qtbot, session)
    cams = cameras_by_stream(session.inventory, 4)
    now = datetime.now(UTC)
    at = common_recorded(run, playback_backend(session), cams, now - timedelta(hours=6), now - timedelta(hours=2),
                         60 + 30)
    _enter(qtbot, run, pane, wp, cams, at, speed=speed)
    for t in range(4):
        _wait_code(qtbot, wp.players[t], tmp_path, lambda tc: True)
    spreads: list[float] = []
    start = time.monotonic()
    recorded_seconds = 0.0
    while recorded_seconds < 60.0:
        codes = [snap(wp.players[t], tmp_path) for t in range(4)]
        assert all(tc is not None for tc, _ in codes), codes
        m0 = codes[0][1]
        # each snapshot is taken a little after the previous one: bring them to one moment
        aligned = [tc.timestamp() - (m - m0) * speed for tc, m in codes]  # type: ignore[union-attr]
        spreads.append(max(aligned) - min(aligned))
        recorded_seconds = (time.monotonic() - start) * speed
        qtbot.wait(int(5000 / speed))
    print(f"\n{speed}x: {len(spreads)} samples over {recorded_seconds:.0f} s of recording; "
          f"spread max {max(spreads):.2f} s")
    assert len(spreads) >= 4
    assert max(spreads) <= 1.0, spreads
    run(wp.leave())


def test_a_gap_is_said_on_the_tile_and_the_tile_catches_up(qtbot, login, run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    _win, pane, wp = _window(qtbot, session)
    backend = playback_backend(session)
    now = datetime.now(UTC)
    cam, gap = None, None
    for c in cameras_by_stream(session.inventory, 16):
        window = (now - timedelta(days=6), now - timedelta(hours=1))
        spans = normalise(run(backend.recordings(c, *window)).ranges, *window)
        inner = [g for g in _gaps_in(spans, *window) if g.seconds >= 120 and g.start > window[0]]
        if inner:
            cam, gap = c, inner[0]
            break
    assert cam is not None and gap is not None, "the demo has gaps in its recordings"
    resumed: list[str] = []
    wp.controller.tile_resumed.connect(resumed.append)
    _enter(qtbot, run, pane, wp, [cam], gap.start + timedelta(seconds=20))
    qtbot.waitUntil(lambda: wp.controller.tracks[cam].spans is not None, timeout=20_000)
    wp.controller.tick()
    band = pane.tiles[0].playback_band.text()
    assert "PLAYBACK" in band
    assert "no recording here — resumes at " + gap.end.astimezone().strftime("%H:%M:%S") in band
    # the picture is the platform's "no recording" card: no time code on it
    qtbot.waitUntil(lambda: wp.players[0].snapshot(tmp_path / "gap.png"), timeout=10_000)
    assert read_timecode(QImage(str(tmp_path / "gap.png"))) is None
    # up to the end of the gap: the tile says the recording resumed and shows its time again
    run(wp.controller.seek(gap.end - timedelta(seconds=3)))
    qtbot.waitUntil(lambda: cam in resumed, timeout=20_000)
    got = _wait_code(qtbot, wp.players[0], tmp_path, lambda tc: tc >= gap.end)
    assert got - gap.end < timedelta(seconds=10)
    assert "no recording" not in pane.tiles[0].playback_band.text()
    run(wp.leave())


def test_export_frames_match_the_recording_and_verify_catches_a_changed_byte(login, run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    backend = playback_backend(session)
    cams = cameras_by_stream(session.inventory, 2)
    now = datetime.now(UTC)
    start = common_recorded(run, backend, cams, now - timedelta(hours=4), now - timedelta(hours=2), 30)
    start = start.replace(microsecond=0) + timedelta(seconds=1)
    end = start + timedelta(seconds=20)
    job = ex.ExportJob(cams, start, end, tmp_path / "export", operator="dispatcher", platform=session.base_url)
    seen: list[float] = []
    manifest = run(ex.export(backend, job, progress=seen.append), 120_000)
    assert manifest.is_file() and seen[-1] == 1.0
    clips = sorted((tmp_path / "export").glob("*.mp4"))
    assert len(clips) == 2
    for clip in clips:
        with av.open(str(clip)) as c:
            assert c.streams.video[0].codec_context.name == "h264"
            codes = [read_timecode(f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
        times = [t for t in codes if t is not None]
        assert len(times) >= 0.9 * len(codes) and len(codes) >= 150  # 20 s at 10 fps
        assert abs((times[0] - start).total_seconds()) <= 1.0, (times[0], start)
        assert abs((times[-1] - end).total_seconds()) <= 1.0, (times[-1], end)
        assert times == sorted(times)
    assert verify(tmp_path / "export").code == EXIT_OK
    data = bytearray(clips[0].read_bytes())
    data[len(data) // 3] ^= 0x80
    clips[0].write_bytes(bytes(data))
    v = verify(tmp_path / "export")
    assert v.code == EXIT_MISMATCH and not v.checks[0].ok and v.checks[1].ok


def test_a_town_desk_cannot_open_another_towns_recordings(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    desk = login("town01", "desk123")
    run(desk.load_inventory(), 60_000)
    dispatcher = loaded_session(login, run)
    other = next(c for c in dispatcher.inventory.cameras if c not in desk.inventory.cameras)
    own = next(iter(desk.inventory.cameras))
    backend = playback_backend(desk)
    now = datetime.now(UTC)
    with pytest.raises(errors.NotFoundError):
        run(backend.recordings(other, now - timedelta(hours=1), now))
    assert run(backend.recordings(own, now - timedelta(hours=1), now)).camera_id == own
    pc = PlaybackController(backend)
    said: list[str] = []
    pc.failed.connect(said.append)
    assert not run(pc.open([other], now - timedelta(hours=1)))
    assert said == ["The platform has no recordings of this camera for you (not found, or not in your scope)."]
    assert not pc.active


def test_a_presenter_may_play_but_not_export_nor_bookmark(login, run) -> None:  # type: ignore[no-untyped-def]
    presenter = login("presenter", "present123")
    run(presenter.load_inventory(), 60_000)
    backend = playback_backend(presenter)
    cam = next(iter(presenter.inventory.cameras))
    now = datetime.now(UTC)
    pc = PlaybackController(backend)
    assert run(pc.open([cam], now - timedelta(hours=1)))
    run(pc.close())

    async def drain() -> None:
        async for _ in backend.export_stream(cam, now - timedelta(minutes=30), now - timedelta(minutes=29)):
            pass

    with pytest.raises(errors.ForbiddenError):
        run(drain())
    with pytest.raises(errors.ForbiddenError):
        run(backend.create_bookmark(cam, now - timedelta(minutes=5), now, "x"))


def test_one_tile_plays_back_while_the_others_stay_live(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    _win, pane, wp = _window(qtbot, session)
    cams = cameras_by_stream(session.inventory, 4)
    pane.set_layout(preset(4))
    assert pane.controller.fill(0, cams) == 0
    qtbot.waitUntil(lambda: all(pane.state_of(t) is TileState.PLAYING for t in range(4)), timeout=30_000)
    assert run(wp.enter([2], datetime.now(UTC) - timedelta(hours=2)), 20_000)
    assert pane.lent == {2} and list(wp.tiles) == [2]
    assert pane.state_of(2) is TileState.IDLE, "the live player of a lent tile stops"
    qtbot.waitUntil(lambda: _all_playing(wp), timeout=30_000)
    assert [pane.tiles[t].in_playback for t in range(4)] == [False, False, True, False]
    assert all(pane.state_of(t) is TileState.PLAYING for t in (0, 1, 3))
    run(wp.leave([2]))
    assert pane.lent == set() and not pane.tiles[2].in_playback and not wp.controller.active
    qtbot.waitUntil(lambda: pane.state_of(2) is TileState.PLAYING, timeout=30_000)


def test_a_frame_step_while_paused_shows_the_new_moment(qtbot, login, run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    _win, pane, wp = _window(qtbot, session)
    cams = cameras_by_stream(session.inventory, 1)
    now = datetime.now(UTC)
    at = common_recorded(run, playback_backend(session), cams, now - timedelta(hours=5), now - timedelta(hours=3), 120)
    _enter(qtbot, run, pane, wp, cams, at)
    player = wp.players[0]
    _wait_code(qtbot, player, tmp_path, lambda tc: True)
    run(wp.controller.pause())
    held = _wait_code(qtbot, player, tmp_path, lambda tc: True)
    target = (held + timedelta(seconds=30)).replace(microsecond=0)
    run(wp.seek_to(target))
    got = _wait_code(qtbot, player, tmp_path, lambda tc: tc != held, timeout=10_000)
    assert abs((got - target).total_seconds()) < 0.5, (got, target)
    # one frame forward: a tenth of a second later, still paused
    run(wp.controller.pause())
    before = got
    wp.frame_step(1)
    stepped = _wait_code(qtbot, player, tmp_path, lambda tc: tc != before, timeout=10_000)
    assert timedelta(seconds=0.05) <= stepped - before <= timedelta(seconds=0.5), (before, stepped)
    assert wp.controller.paused
    run(wp.leave())
