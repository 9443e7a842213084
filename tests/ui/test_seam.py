"""The app on every backend (issue 11): the main window on wvp-GB28181-pro and on a camera file.

Real parts: the WVP test double (tests/wvp_platform: WVP's shapes, real H.264
from the demo's media server; it stands in for a real WVP, which needs Java,
a database, Redis, ZLMediaKit and GB/T 28181 devices), a camera file whose
cameras the demo's ``MediaServer`` serves (with an allow-all authoriser, as
tests/integration/test_static_file_video.py runs it), real libVLC under Xvfb.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from controlroom.ui.app import load_session
from controlroom.ui.login_dialog import LoginDialog
from controlroom.ui.main_window import MainWindow
from controlroom.ui.wall.wall_view import WallPane
from demo_platform import media_in_thread
from PySide6.QtWidgets import QMainWindow
from wvp_platform import WvpThread, add_alarm, build_network

from controlroom.api.schema import AlertRaisedEvent, Transport
from controlroom.backends.base import Capability
from controlroom.demo.media.clips import Clip, ensure_clips
from controlroom.demo.media.server import MediaServer, StreamGrant
from controlroom.paths import cache_dir
from controlroom.plugins_loader import PluginState
from controlroom.session import Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video

NOT_FOR_WVP = ("grid_board", "grid_map", "conference")


@pytest.fixture(scope="module")
def clips() -> list[Clip]:
    return ensure_clips(cache_dir() / "demo-clips")  # shared with the demo platform


@pytest.fixture
def wvp(clips: list[Clip]) -> Iterator[WvpThread]:
    state = build_network(channels=24, towns=3, villages_per_town=2)
    double = WvpThread(state, clips)
    yield double
    double.stop()
    assert not double.thread.is_alive()


@pytest.fixture
def wvp_session(wvp: WvpThread, run: Any) -> Iterator[Session]:
    session = Session("wvp+" + wvp.url)
    run(session.login("admin", "admin"))
    yield session
    run(session.close(), 20_000)


def _playing(pane: WallPane, tiles: range) -> bool:
    return all(pane.state_of(t) is TileState.PLAYING and pane.tiles[t].showing_video() for t in tiles)


def _gb_ids(wvp: WvpThread, camera_ids: list[str]) -> set[int]:
    return {c.gbId for c in wvp.state.channels if c.gbDeviceId in camera_ids}


def test_app_on_wvp_tree_wall_and_stops(qtbot, run, wvp, wvp_session, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = wvp_session
    assert session.client is None and session.backend.name == "wvp"
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 30_000)
    assert win.connection.state == "connected"

    # the tree: the double's county, 3 towns, 6 villages and 24 channels
    counts = session.inventory.counts()
    assert (counts.sites_county, counts.sites_town, counts.sites_village, counts.cameras) == (1, 3, 6, 24)
    assert win.resources.model.rowCount() == 1, "one county at the root"
    county = win.resources.model.index(0, 0)
    assert win.resources.model.rowCount(county) >= 3, "the towns under it"
    assert "24" in win.online_label.text()
    # WVP has no grids: the Grids mode is greyed, with the reason
    assert not win.resources.mode_grids.isEnabled()
    assert "no community grids" in win.resources.mode_grids.toolTip()
    # the plugins whose capability WVP lacks say so instead of failing; alerts run (polled)
    records = win.plugins.manager.records
    for name in NOT_FOR_WVP:
        assert records[name].state is PluginState.UNAVAILABLE, (name, records[name].state, records[name].reason)
        assert "not offered by this platform" in records[name].reason
    assert records["alerts"].state is PluginState.LOADED
    assert not win.plugins.manager.failed()
    # a WVP alarm, polled, lands in the alerts pane; Acknowledge is off and says why
    alarm = add_alarm(wvp.state, wvp.state.channels[2])
    run(session.poll_once())
    alerts = win.plugins.manager.get("alerts")
    assert alerts is not None
    qtbot.waitUntil(lambda: f"wvp-{alarm['id']}" in alerts.book, timeout=5000)
    assert not alerts.can_acknowledge and "does not take acknowledgements" in alerts.acknowledge_reason
    assert not alerts.pane.ack_button.isEnabled() and alerts.pane.ack_button.toolTip() == alerts.acknowledge_reason
    # who is logged in, in WVP's terms (it knows no roles or scopes)
    assert win.user_label.text() == "admin · WVP admin · whole platform"
    assert "admin · WVP admin · whole platform" in win.windowTitle()

    # a 4-tile wall through WVP's play, real video
    pane = win.video_wall
    pane.set_layout(preset(4))
    cams = sorted(session.inventory.cameras)[:4]
    assert pane.controller.fill(0, cams) == 0
    qtbot.waitUntil(lambda: _playing(pane, range(4)), timeout=30_000)
    wanted = _gb_ids(wvp, cams)
    assert wanted <= set(wvp.state.plays) and wanted <= wvp.state.playing

    # cleared tiles release their leases: WVP gets play/stop for each channel
    pane.controller.clear()
    qtbot.waitUntil(lambda: wanted <= set(wvp.state.stops), timeout=15_000)
    assert not (wanted & wvp.state.playing), "no stream left open on the media server"
    win.close()


def test_tour_on_wvp_steps_and_stops_what_it_left(qtbot, run, wvp, wvp_session, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = wvp_session
    run(session.load_inventory(), 30_000)
    now = [1000.0]
    win = QMainWindow()
    pane = WallPane(session, win, clock=lambda: now[0])
    win.setCentralWidget(pane)
    win.resize(1000, 600)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        pane.set_layout(preset(4))
        cams = sorted(session.inventory.cameras)[4:7]
        pane.start_tile_tour(0, cams, 5.0)
        qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=20_000)
        now[0] += 3.0  # the next camera pre-rolls
        qtbot.waitUntil(lambda: pane.videos[0].back_camera == cams[1]
                        and pane.videos[0].back.state is TileState.PLAYING, timeout=20_000)
        now[0] += 2.1  # the step
        qtbot.waitUntil(lambda: pane.camera_on(0) == cams[1], timeout=5000)
        assert pane.state_of(0) is TileState.PLAYING and pane.tiles[0].showing_video()
        first = _gb_ids(wvp, [cams[0]])
        qtbot.waitUntil(lambda: first <= set(wvp.state.stops), timeout=15_000)
        pane.stop_tile_tour(0)
    finally:
        pane.shutdown()
        win.close()


def test_wvp_polling_brings_status_and_alarms(qtbot, run, wvp, wvp_session, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = wvp_session
    run(session.load_inventory(), 30_000)
    batches: list[list[Any]] = []
    session.on_events(batches.append)
    channel = wvp.state.channels[5]
    channel.online = False
    add_alarm(wvp.state, channel)
    run(session.poll_once())
    assert session.inventory.cameras[channel.gbDeviceId].online is False
    raised = [e for b in batches for e in b if isinstance(e, AlertRaisedEvent)]
    assert len(raised) == 1 and raised[0].alert.camera_ids == [channel.gbDeviceId]
    run(session.poll_once())  # an alarm is news once
    assert len([e for b in batches for e in b if isinstance(e, AlertRaisedEvent)]) == 1
    assert Capability.ALERT_ACK not in session.capabilities


# --------------------------------------------------------------------------- a camera file


@pytest.fixture(scope="module")
def media(clips: list[Clip]) -> Iterator[MediaServer]:
    def authorize(camera_id: str, profile: str, token: str | None) -> StreamGrant:  # a camera file has no tickets
        return StreamGrant(3, "camera-file", time.monotonic() + 86_400)

    with media_in_thread(clips, authorize, "seam-media") as server:
        yield server


def _camera_file(tmp_path: Path, media: MediaServer) -> Path:
    ts = media.urls("37132600001310000103", "sub")[Transport.HTTP_TS]
    path = tmp_path / "cameras.toml"
    path.write_text(f"""\
schema_version = 1

[[site]]
key = "town"
name = "Town"

[[camera]]
name = "Square (HTTP-TS)"
site = "town"
sub = "{ts}"
""", encoding="utf-8")
    return path


def test_app_on_a_camera_file_plays_a_tile(qtbot, run, media, tmp_path, config_dir) -> None:  # type: ignore[no-untyped-def]
    path = _camera_file(tmp_path, media)
    session = Session(str(path))
    try:
        run(session.login("", ""))
        win = MainWindow(session)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        run(load_session(session, win), 20_000)
        assert len(session.inventory.cameras) == 1 and win.connection.state == "connected"
        assert win.user_label.text() == "local · camera file · every camera in the file"
        records = win.plugins.manager.records
        for name in (*NOT_FOR_WVP, "alerts"):
            assert records[name].state is PluginState.UNAVAILABLE, name
        assert not win.plugins.manager.failed()
        pane = win.video_wall
        pane.set_layout(preset(1))
        pane.controller.fill(0, list(session.inventory.cameras))
        qtbot.waitUntil(lambda: _playing(pane, range(1)), timeout=20_000)
        # an edit of the file while the app runs: the watcher brings the new camera into the tree
        with path.open("a", encoding="utf-8") as f:
            f.write('\n[[camera]]\nname = "Second"\nsite = "town"\nsub = "rtsp://127.0.0.1:9/x"\n')
        qtbot.waitUntil(lambda: len(session.inventory.cameras) == 2, timeout=15_000)
        assert "2" in win.online_label.text()
        assert _playing(pane, range(1)), "the playing tile goes on"
        win.close()
    finally:
        run(session.close(), 10_000)


def test_login_dialog_chooser_fills_the_prefix_and_a_file_needs_no_user(qtbot, run, media, tmp_path, config_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    combo = dialog.backend_combo
    dialog.url_edit.setText("https://platform.example:8443")
    combo.activated.emit(combo.findData("wvp"))
    assert dialog.url_edit.text() == "wvp+https://platform.example:8443"
    combo.activated.emit(combo.findData("api_v1"))
    assert dialog.url_edit.text() == "https://platform.example:8443"
    path = _camera_file(tmp_path, media)
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, str(path))
    assert combo.currentData() == "static_file" and not dialog.user_edit.isEnabled()
    assert run(dialog.attempt_login(), 10_000), dialog.error_label.text()
    assert dialog.session is not None and dialog.session.backend.name == "static_file"
    run(dialog.session.close())
    # a bad address says what is accepted
    dialog2 = LoginDialog(url="ftp://x", username="u", password="p")
    qtbot.addWidget(dialog2)
    assert not run(dialog2.attempt_login())
    assert "wvp+http" in dialog2.error_label.text()


@pytest.mark.parametrize("kind", ["wvp", "file"])
def test_run_sessions_opens_wvp_and_a_camera_file_from_the_address(  # type: ignore[no-untyped-def]
        kind, qtbot, aio, wvp, media, tmp_path, config_dir, no_keyring) -> None:
    """``controlroom --url wvp+http://… --user U`` and ``controlroom --url cameras.toml``: the app's own flow."""
    from controlroom.ui.app import run_sessions
    from PySide6.QtWidgets import QApplication

    from controlroom import settings

    settings.shared().set("confirm_quit", False)
    if kind == "wvp":
        app = asyncio.ensure_future(run_sessions(url="wvp+" + wvp.url, username="admin", password="admin"))
    else:  # no user, no password: a camera file logs in by itself
        app = asyncio.ensure_future(run_sessions(url=str(_camera_file(tmp_path, media)), username=None, password=None))

    def shown() -> MainWindow | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None and not shown().loading, timeout=20_000)  # type: ignore[union-attr]
    win = shown()
    assert win is not None and win.connection.state == "connected"
    assert win.session.backend.name == ("wvp" if kind == "wvp" else "static_file")
    assert len(win.session.inventory.cameras) == (24 if kind == "wvp" else 1)
    win.close()
    qtbot.waitUntil(app.done, timeout=10_000)
    assert app.result() == 0 and str(win.session.state) == "disconnected"
