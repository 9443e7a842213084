"""The app moves a PTZ camera on wvp-GB28181-pro (issue 11: "... and moves a PTZ camera").

The WVP test double (tests/wvp_platform: WVP's shapes and its front-end
control endpoint; real H.264 from the demo's media server) records every PTZ
command it is sent. A tile in PTZ mode sends WVP's own verbs with its speeds
(0..100) and stops when the button is let go; presets, which WVP's common
channel API does not offer, are off with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtWidgets import QMainWindow
from wvp_platform import WvpThread, build_network

from controlroom.api.schema import PtzAction
from controlroom.demo.media.clips import Clip, ensure_clips
from controlroom.paths import cache_dir
from controlroom.session import Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


@pytest.fixture(scope="module")
def clips() -> list[Clip]:
    return ensure_clips(cache_dir() / "demo-clips")  # shared with the demo platform


@pytest.fixture
def wvp(clips: list[Clip]) -> Iterator[WvpThread]:
    double = WvpThread(build_network(channels=8, towns=1, villages_per_town=2), clips)
    yield double
    double.stop()
    assert not double.thread.is_alive()


@pytest.fixture
def wvp_session(wvp: WvpThread, run: Any) -> Iterator[Session]:
    session = Session("wvp+" + wvp.url)
    run(session.login("admin", "admin"))
    run(session.load_inventory(), 30_000)
    yield session
    run(session.close(), 20_000)


def test_a_tile_on_wvp_pans_and_stops_the_camera(qtbot, run, wvp, wvp_session, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = wvp_session
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(900, 600)
    qtbot.addWidget(win, before_close_func=lambda _w: pane.shutdown())
    win.show()
    qtbot.waitExposed(win)
    pane.set_layout(preset(1))
    ptz_cam = next(c for c in session.inventory.cameras.values() if c.ptz)
    fixed = next(c for c in session.inventory.cameras.values() if not c.ptz)
    pane.controller.assign(0, ptz_cam.id)
    qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=30_000)

    assert pane.ptz.set_mode(0, True)
    bar = pane.ptz.modes[0].bar
    assert not bar.save_button.isEnabled() and "no PTZ presets" in bar.save_button.toolTip()
    gb = next(ch.gbId for ch in wvp.state.channels if ch.gbDeviceId == ptz_cam.id)
    bar.speed_slider.setValue(3)
    bar.buttons[PtzAction.RIGHT].pressed.emit()
    qtbot.waitUntil(lambda: any(p["command"] == "right" for p in wvp.state.ptz), timeout=10_000)
    bar.buttons[PtzAction.RIGHT].released.emit()
    qtbot.waitUntil(lambda: wvp.state.ptz[-1]["command"] == "stop", timeout=10_000)
    right = next(p for p in wvp.state.ptz if p["command"] == "right")
    assert right["channelId"] == gb and int(right["panSpeed"]) == 30
    assert [p["command"] for p in wvp.state.ptz] == ["right", "stop"]

    # a fixed channel: no PTZ mode, with the reason
    pane.controller.assign(0, fixed.id)
    qtbot.waitUntil(lambda: not pane.ptz.active(0), timeout=5000)
    button = pane.ptz.toggle_button(0)
    assert button is not None and not button.isEnabled() and "cannot pan" in button.toolTip()
