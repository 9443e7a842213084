"""PTZ control from a wall tile on the real demo, real libVLC, under Xvfb (issue 13 "PTZ", issue 11).

The demo's scene cameras show a viewport over a big gradient (red grows to
the right, green downwards: ``controlroom.demo.media.ptz_scene``), so the
colour at the picture's centre, read back from the X server, says where the
camera looks: panning right raises the red, tilting down the green; a preset
brings the colour back. Then the priority: while the dispatcher holds the
camera, a town desk's tile says so in words; a presenter's controls are off
with the reason.
"""

from __future__ import annotations

import httpx
import pytest
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from wall_helpers import loaded_session

from controlroom.api.schema import PtzAction
from controlroom.demo.media.ptz_scene import scene_colour
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


_windows: list[QMainWindow] = []


@pytest.fixture(autouse=True)
def _forget_windows() -> object:
    yield
    _windows.clear()


def _scene_cameras(demo) -> list[str]:  # type: ignore[no-untyped-def]
    # every PTZ camera home, no holds, no presets but Home; the scene cameras' ids
    return list(demo.hook("ptz-reset")["scene_cameras"])


def _wall(qtbot, session, camera_id: str) -> WallPane:  # type: ignore[no-untyped-def]
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(1000, 700)
    qtbot.addWidget(win, before_close_func=lambda _w: pane.shutdown())
    win.show()
    qtbot.waitExposed(win)
    pane.set_layout(preset(1))
    pane.controller.assign(0, camera_id)
    qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING and pane.tiles[0].showing_video(),
                    timeout=20_000)
    qtbot.waitUntil(lambda: pane.videos[0].front.displayed_pictures() > 5, timeout=10_000)
    _windows.append(win)  # kept until the test ends (qtbot closes it)
    return pane


def _centre(pane: WallPane) -> tuple[int, int, int]:
    """The picture's colour around its centre: the median of 7x7 points (the scene's grid lines and
    labels are white and black; the gradient between them is what says where the camera looks)."""
    img = QGuiApplication.primaryScreen().grabWindow(pane.tiles[0].surface.winId()).toImage()
    w, h = img.width(), img.height()
    vw, vh = min(w, h * 16 / 9), min(h, w * 9 / 16)  # libVLC letterboxes the 16:9 picture
    samples = []
    for i in range(7):
        for j in range(7):
            c = img.pixelColor(int((w - vw) / 2 + vw * (0.44 + 0.02 * i)), int((h - vh) / 2 + vh * (0.44 + 0.02 * j)))
            samples.append((c.red(), c.green(), c.blue()))
    return tuple(sorted(c[k] for c in samples)[len(samples) // 2] for k in range(3))  # type: ignore[return-value]


def _shows(qtbot, pane: WallPane, run, session, cid: str) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """Once the camera stands still, the centre's colour when the picture shows where the platform says
    it looks (the scene's gradient at pan, tilt): the picture follows the platform, late by the
    player's buffer, so a test waits for it rather than for a time."""
    state = None

    def still() -> bool:
        nonlocal state
        state = run(session.backend.ptz_state(cid))
        return not state.moving

    qtbot.waitUntil(still, timeout=10_000)
    assert state is not None
    want = scene_colour(state.pan, state.tilt)
    seen: list[tuple[int, int, int]] = []

    def there() -> bool:
        seen.append(_centre(pane))
        return max(abs(a - b) for a, b in zip(seen[-1], want, strict=True)) <= 5

    try:
        qtbot.waitUntil(there, timeout=10_000)
    except Exception as exc:
        raise AssertionError(f"the picture never showed pan {state.pan:.2f} tilt {state.tilt:.2f} {want}: "
                             f"{seen[-3:]}") from exc
    return seen[-1]


def _state(demo, token: str, cid: str) -> dict:  # type: ignore[no-untyped-def]
    r = httpx.get(f"{demo.url}/api/v1/cameras/{cid}/ptz", headers={"Authorization": f"Bearer {token}"})
    r.raise_for_status()
    return r.json()


def test_the_tile_steers_the_camera_and_the_picture_moves_the_right_way(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    cid = _scene_cameras(demo)[0]
    session = loaded_session(login, run)
    pane = _wall(qtbot, session, cid)
    ptz = pane.ptz
    button = ptz.toggle_button(0)
    assert button is not None and button.isEnabled(), button.toolTip() if button else "no toggle"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ptz.active(0)
    mode = ptz.modes[0]
    bar = mode.bar
    qtbot.waitUntil(lambda: bar.presets.count() >= 1, timeout=10_000)  # Home, from the platform
    home = _shows(qtbot, pane, run, session, cid)

    # hold the bar's "pan right" button a moment: the scene's structure moves left, the red rises
    sent: list[PtzAction] = []
    mode.driver.sent.connect(lambda cmd: sent.append(cmd.action))
    right = bar.buttons[PtzAction.RIGHT]
    bar.speed_slider.setValue(5)
    right.pressed.emit()
    qtbot.waitUntil(lambda: run(session.backend.ptz_state(cid)).pan > 0.66, timeout=10_000)
    right.released.emit()
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.STOP], timeout=5000)
    panned = _shows(qtbot, pane, run, session, cid)
    assert panned[0] > home[0] + 20 and abs(panned[1] - home[1]) < 10, (home, panned)

    # save it as preset 2, go home, then back to 2: the picture comes back
    bar.save_preset(2)
    qtbot.waitUntil(lambda: bar.presets.findData(2) >= 0, timeout=10_000)
    bar.presets.setCurrentIndex(bar.presets.findData(1))
    bar.go_to_preset()
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.PRESET], timeout=5000)
    back_home = _shows(qtbot, pane, run, session, cid)
    assert max(abs(a - b) for a, b in zip(back_home, home, strict=True)) <= 10, (home, back_home)
    bar.presets.setCurrentIndex(bar.presets.findData(2))
    bar.go_to_preset()
    qtbot.waitUntil(lambda: sent[-2:] == [PtzAction.PRESET, PtzAction.PRESET], timeout=5000)
    again = _shows(qtbot, pane, run, session, cid)
    assert max(abs(a - b) for a, b in zip(again, panned, strict=True)) <= 10, (panned, again)

    # Ctrl+Down on the selected tile tilts while held: the green rises
    win = pane.window()
    from controlroom.ui.shortcuts_dialog import clashes, shortcut_rows

    listed = {r.text: r.keys for r in shortcut_rows(win)}
    assert listed["PTZ: tilt down"] == ("Ctrl+Down", "Ctrl+Shift+Down") and not clashes(win)
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    pane.wall.setFocus()
    qtbot.waitUntil(lambda: ptz.key_actions[PtzAction.DOWN].isEnabled(), timeout=5000)
    qtbot.keyPress(pane.wall, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: run(session.backend.ptz_state(cid)).tilt > 0.66, timeout=10_000)
    qtbot.keyRelease(pane.wall, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.STOP], timeout=5000)
    tilted = _shows(qtbot, pane, run, session, cid)
    assert tilted[1] > again[1] + 20 and abs(tilted[0] - again[0]) < 10, (again, tilted)

    # click-to-centre: a point on the left of the picture comes towards the centre (red falls)
    ptz.click_at(0, 0.25, 0.5)
    qtbot.waitUntil(lambda: PtzAction.LEFT in sent and sent[-1] == PtzAction.STOP, timeout=10_000)
    centred = _shows(qtbot, pane, run, session, cid)
    assert centred[0] < tilted[0] - 15 and abs(centred[1] - tilted[1]) < 10, (tilted, centred)

    # a drag to the right moves right while the button is down
    tile = pane.tiles[0]
    pan_before = run(session.backend.ptz_state(cid)).pan
    start = ptz.body_point(0, 0.5, 0.5)
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=start)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(ptz.body_point(0, 0.8, 0.5)),
                       QPointF(tile.mapToGlobal(ptz.body_point(0, 0.8, 0.5))), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tile, move)
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.RIGHT], timeout=5000)
    qtbot.waitUntil(lambda: run(session.backend.ptz_state(cid)).pan > pan_before + 0.12, timeout=10_000)
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=ptz.body_point(0, 0.8, 0.5))
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.STOP], timeout=5000)
    dragged = _shows(qtbot, pane, run, session, cid)
    assert dragged[0] > centred[0] + 12, (centred, dragged)

    # the wheel zooms the camera in PTZ mode (not the picture): the platform's zoom grows
    body = tile.body.geometry()
    pos = QPointF(body.center())
    ev = QWheelEvent(pos, tile.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(tile, ev)
    assert tile.zoom is None, "the wheel zoomed the picture digitally in PTZ mode"
    qtbot.waitUntil(lambda: sent[-1:] == [PtzAction.STOP] and PtzAction.ZOOM_IN in sent, timeout=10_000)
    assert run(session.backend.ptz_state(cid)).zoom > 1.2

    ptz.set_mode(0, False)
    assert not ptz.active(0) and not bar.isVisible()
    # out of PTZ mode the wheel is digital zoom again
    QApplication.sendEvent(tile, QWheelEvent(pos, tile.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                             Qt.ScrollPhase.NoScrollPhase, False))
    assert tile.zoom is not None


def test_a_town_desk_is_told_a_dispatcher_holds_the_camera(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    cameras = _scene_cameras(demo)
    cid = cameras[0]  # in town 1
    boss = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
    token = boss.json()["access_token"]
    r = httpx.post(f"{demo.url}/api/v1/cameras/{cid}/ptz", json={"action": "up", "speed": 0.2},
                   headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 202, r.text
    session = login("town01", "desk123")
    run(session.load_inventory(), 60_000)
    pane = _wall(qtbot, session, cid)
    assert pane.ptz.set_mode(0, True)
    bar = pane.ptz.modes[0].bar
    # entering PTZ mode asks who holds the camera: the tile says so at once, in words
    qtbot.waitUntil(lambda: "县指挥中心调度员" in bar.message.text(), timeout=10_000)
    assert "higher priority" in bar.message.text() and "dispatcher" in bar.message.text()
    left = bar.buttons[PtzAction.LEFT]
    assert not left.isEnabled() and "higher priority" in left.toolTip()
    # and a move is refused by the platform, with the same words, the camera untouched by us
    before = _state(demo, token, cid)
    assert before["held_by"]["username"] == "dispatcher"
    pane.ptz.modes[0].driver.commander.release_hold()  # as if the hold had lapsed on our clock
    left.pressed.emit()
    qtbot.waitUntil(lambda: pane.ptz.modes[0].driver.commander.held(pane.ptz.modes[0].driver._clock()),
                    timeout=10_000)
    bar.buttons[PtzAction.LEFT].released.emit()
    assert "higher priority" in bar.message.text() and not left.isEnabled()
    assert _state(demo, token, cid)["pan"] == before["pan"], "the desk's move was not refused"
    httpx.post(f"{demo.url}/api/v1/cameras/{cid}/ptz", json={"action": "stop"},
               headers={"Authorization": f"Bearer {token}"})


def test_a_presenter_sees_the_controls_off_with_the_reason(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    cid = _scene_cameras(demo)[1]
    session = login("presenter", "present123")
    run(session.load_inventory(), 60_000)
    pane = _wall(qtbot, session, cid)
    button = pane.ptz.toggle_button(0)
    assert button is not None and button.isVisible() and not button.isEnabled()
    assert "presenters may not steer" in button.toolTip()
    menu = pane.tile_menu(0)
    entry = next(a for a in menu.actions() if a.text() == "PTZ control")
    assert not entry.isEnabled() and "presenters may not steer" in entry.toolTip()
    assert not pane.ptz.set_mode(0, True)
    assert not any(a.isEnabled() for a in pane.ptz.key_actions.values())


def test_a_fixed_camera_has_no_ptz_mode(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    fixed = next(c.id for c in session.inventory.cameras.values() if c.online and not c.ptz)
    pane = _wall(qtbot, session, fixed)
    button = pane.ptz.toggle_button(0)
    assert button is not None and not button.isEnabled() and "cannot pan" in button.toolTip()
