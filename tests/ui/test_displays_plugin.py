"""The dispatcher's displays pane in the real app (issue 13): loaded through its entry point, on the
real demo platform, sending to a real display (``DisplayRunner`` in this process) that plays real
video through libVLC under Xvfb. A town desk sees the buttons greyed out with the reason.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from controlroom.ui.app import load_session
from controlroom.ui.display import DisplayRunner, Login
from controlroom.ui.main_window import MainWindow
from PySide6.QtWidgets import QDockWidget
from wall_helpers import cameras_by_stream, nearest_stream, stream_index, surface_colour

from controlroom import displays
from controlroom.api.schema import ShowCamera, ShowIncident, ShowView
from controlroom.demo.network import build_network
from controlroom.plugins_loader import PluginState
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video

NET = build_network(lambda c, p: {})


def town_of(camera_id: str) -> int | None:
    return NET.town_of_camera(camera_id)


def _playing(runner: DisplayRunner, n: int) -> bool:
    pane = runner.window.pane
    return (runner.window.showing_wall and len(pane.tiles) >= n
            and all(pane.state_of(t) is TileState.PLAYING and pane.tiles[t].showing_video() for t in range(n)))


def _window(qtbot, run, session) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.setGeometry(0, 0, 1200, 800)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 60_000)
    record = win.plugins.manager.records["displays"]
    assert record.state == PluginState.LOADED, record.reason
    return win


def test_the_dispatcher_sends_a_camera_a_view_and_an_incident_wall(qtbot, login, run, demo, config_dir,
                                                                    only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins("displays")
    name = f"会商大屏 {uuid.uuid4().hex[:4]}"
    runner = DisplayRunner(Login(demo.url, "presenter", "present123"), name, heartbeat=0.5, window=False)
    runner.window.setGeometry(1200, 0, 720, 405)
    runner.window.show()
    task = asyncio.ensure_future(runner.run())
    session = login("dispatcher", "dispatch123")
    win = _window(qtbot, run, session)
    try:
        plugin = win.plugins.manager.get("displays")
        dock = win.findChild(QDockWidget, "plugin.displays.0")
        assert dock is not None and dock.isVisible()
        pane = plugin.pane
        qtbot.waitUntil(lambda: runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED,
                        timeout=60_000)
        qtbot.waitUntil(lambda: name in [d.name for d in pane.displays], timeout=30_000)  # display.updated
        pane.select(name)
        row = [d.name for d in pane.displays].index(name)
        assert pane.table.item(row, 1).text() == "online"

        # "Send camera" waits for a tile with a camera, and says so
        wall = win.video_wall.controller
        wall.clear()
        qtbot.waitUntil(lambda: not pane.send_camera.isEnabled())
        assert "Select a tile" in pane.send_camera.toolTip()
        cams = cameras_by_stream(session.inventory, 4)
        win.video_wall.set_layout(preset(4))
        wall.fill(0, cams)
        wall.select(2)
        qtbot.waitUntil(pane.send_camera.isEnabled)
        pane.send_camera.click()
        qtbot.waitUntil(lambda: isinstance(runner.content, ShowCamera) and len(runner.window.pane.tiles) == 1
                        and _playing(runner, 1), timeout=30_000)
        assert runner.content == ShowCamera(camera_id=cams[2])
        qtbot.waitUntil(lambda: nearest_stream(surface_colour(runner.window.pane.tiles[0]))[0]
                        == stream_index()[cams[2]], timeout=10_000)
        # the pane hears what the display shows now, and who sent it
        qtbot.waitUntil(lambda: "camera" in pane.table.item(row, 2).text() and pane.table.item(row, 3).text() == "dispatcher")

        pane.send_view.click()
        qtbot.waitUntil(lambda: isinstance(runner.content, ShowView) and len(runner.window.pane.tiles) == 4
                        and [runner.window.pane.camera_on(t) for t in range(4)] == cams and _playing(runner, 4),
                        timeout=30_000)

        alert = demo.hook("alert", camera_id=cams[0])
        qtbot.waitUntil(lambda: alert["id"] in plugin.alerts, timeout=30_000)
        plugin._fill_menus()
        action = next(a for a in pane.incident_menu.actions() if a.isEnabled() and alert["message"][:10] in a.text())
        action.trigger()
        shown = plugin.alerts[alert["id"]].camera_ids
        qtbot.waitUntil(lambda: isinstance(runner.content, ShowIncident) and runner.window.caption.isVisible()
                        and len(runner.window.pane.tiles) == len(displays.preset_for(len(shown)))
                        and _playing(runner, len(shown)), timeout=30_000)
        assert [runner.window.pane.camera_on(t) for t in range(len(shown))] == shown
        assert plugin.pushes == 3 and not plugin.last_error

        # a camera the display's user may not see fails clearly, in the pane
        desk = login("town03", "desk123")
        desk_display = f"武台镇会议室 {uuid.uuid4().hex[:4]}"
        run(displays.DisplaysApi(desk.client).heartbeat(desk_display))
        qtbot.waitUntil(lambda: desk_display in [d.name for d in pane.displays], timeout=30_000)
        outside = next(c.id for c in session.inventory.cameras.values() if town_of(c.id) not in (3, None))
        plugin.push(desk_display, ShowCamera(camera_id=outside))
        qtbot.waitUntil(lambda: bool(plugin.last_error), timeout=10_000)
        assert "may see" in pane.note.text() and desk_display in pane.note.text()
        assert plugin.pushes == 3
    finally:
        task.cancel()
        qtbot.waitUntil(task.done, timeout=20_000)
        win.close()


def test_a_town_desk_sees_why_it_may_not_send(qtbot, login, run, demo, config_dir, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins("displays")
    session = login("town03", "desk123")
    win = _window(qtbot, run, session)
    try:
        pane = win.plugins.manager.get("displays").pane
        for button in (pane.send_view, pane.send_camera, pane.send_meeting, pane.send_incident, pane.blank):
            assert not button.isEnabled()
            assert button.toolTip() == "Only dispatchers send to meeting displays."
    finally:
        win.close()
