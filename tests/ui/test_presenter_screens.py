"""Screens people watch stay clean: the wall without chrome (Shift+F11), the meeting display,
and the critical pop-up that must neither cover them nor act on an alert it does not show.

Real demo platform, real main window and plugins through their entry points, real libVLC under
Xvfb: what is checked on screen is read back from the X server. Xvfb has no window manager, as
a kiosk may not: full screen must fill the screen by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from controlroom.plugins.conference.widgets.pane import COL_MIC
from controlroom.ui import presenting
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDockWidget, QToolBar
from wall_helpers import cameras_by_stream

from controlroom.session import Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video

TILES = 9


def _open(qtbot: Any, session: Session, run: Callable[..., Any], geometry: QRect) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.setGeometry(geometry)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    run(load_session(session, win), 60_000)
    qtbot.waitUntil(lambda: session.events is not None and session.events.state == "live", timeout=10_000)
    return win


def _dark(img: QImage, x: int, y: int) -> bool:
    c = img.pixelColor(x, y)
    return max(c.red(), c.green(), c.blue()) <= 24


def test_wall_without_chrome_fills_the_screen_on_black_and_holds_critical_pop_ups(  # type: ignore[no-untyped-def]
        qtbot, login, run, demo) -> None:
    session = login("dispatcher", "dispatch123")  # every plugin: their panes around the wall
    normal = QRect(100, 100, 1400, 800)
    win = _open(qtbot, session, run, normal)
    alerts = win.plugins.manager.get("alerts")
    qtbot.waitUntil(lambda: alerts.fetches >= 1, timeout=10_000)
    pane = win.video_wall
    cams = cameras_by_stream(session.inventory, TILES)
    pane.set_layout(preset(TILES))
    pane.controller.fill(0, cams)
    qtbot.waitUntil(lambda: all(pane.state_of(t) is TileState.PLAYING for t in range(TILES)), timeout=30_000)
    docks_before = [d for d in win.findChildren(QDockWidget) if d.isVisible()]
    assert docks_before, "the tree and the plugins' panes show before"

    # nothing but black around the pictures: the gaps between tiles and each picture's letterbox
    def clean() -> bool:
        img = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        points = []
        for t in range(TILES):
            body = pane.tiles[t].body
            top_left = body.mapToGlobal(QPoint(0, 0))
            w, h = body.width(), body.height()
            picture_w = min(w, h * 16 / 9)
            margin = int((w - picture_w) / 2)
            assert margin >= 8, "tiles on a 16:9 screen are wider than their pictures"
            for fy in (0.2, 0.5, 0.8):
                y = top_left.y() + int(h * fy)
                points += [(top_left.x() + margin // 2, y), (top_left.x() + w - 1 - margin // 2, y)]
        # the gaps between tiles 1 | 2 and 1 / 4 (3 x 3)
        one, two, four = (pane.tiles[t].mapToGlobal(QPoint(0, 0)) for t in (0, 1, 3))
        points += [(two.x() - 1, one.y() + pane.tiles[0].height() // 2),
                   (one.x() + pane.tiles[0].width() // 2, four.y() - 1)]
        return all(_dark(img, x, y) for x, y in points)

    # ---- the operator closes the panes: the wall grows, and its tiles show nothing left over
    for d in docks_before:
        d.hide()
    qtbot.waitUntil(clean, timeout=5000)
    for d in docks_before:
        d.show()
    docks_before = [d.objectName() for d in docks_before]

    # ---- Shift+F11: only the wall, edge to edge, on the whole screen
    qtbot.keyClick(pane.wall, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    assert win.wall_ui.action_presenter.isChecked()
    screen = win.screen().geometry()
    qtbot.waitUntil(lambda: win.geometry() == screen, timeout=5000)
    assert presenting.is_presenting(win)
    assert not win.menuBar().isVisible() and not win.statusBar().isVisible()
    assert not any(tb.isVisible() for tb in win.findChildren(QToolBar))
    assert not any(d.isVisible() for d in win.findChildren(QDockWidget))
    wall = pane.wall
    qtbot.waitUntil(lambda: QRect(wall.mapToGlobal(QPoint(0, 0)), wall.size()) == screen, timeout=5000)

    qtbot.waitUntil(clean, timeout=5000)

    # ---- a critical alert meanwhile: held, not on top of the wall
    sos = demo.hook("alert", kind="patrol_sos")
    qtbot.waitUntil(lambda: sos["id"] in alerts.notice.alert_ids, timeout=10_000)
    assert alerts.notice.held and not alerts.notice.isVisible()
    alerts.toast.flash("a note")
    assert not alerts.toast.isVisible(), "notes for the operator stay off the presenter screen"

    # ---- Esc: the window, its panes and the held pop-up come back
    qtbot.keyClick(pane.wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.geometry() == normal, timeout=5000)
    assert not presenting.is_presenting(win)
    assert win.menuBar().isVisible() and win.statusBar().isVisible()
    assert sorted(d.objectName() for d in win.findChildren(QDockWidget) if d.isVisible()) == sorted(docks_before)
    qtbot.waitUntil(alerts.notice.isVisible, timeout=5000)
    assert not alerts.notice.held
    assert win.frameGeometry().contains(alerts.notice.frameGeometry().center()), "placed on the window as it is now"
    assert sos["message"] in alerts.notice.text.text()
    win.close()


def test_critical_pop_up_acts_only_on_the_alert_it_shows(qtbot, login, run, demo, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins("alerts")
    session = login("dispatcher", "dispatch123")
    win = _open(qtbot, session, run, QRect(0, 0, 1400, 800))
    plugin = win.plugins.manager.get("alerts")
    plugin.undo_seconds = 0.3  # acknowledgements go after a short undo time (the 10 s: test_alerts_stability)
    qtbot.waitUntil(lambda: plugin.fetches >= 1, timeout=10_000)
    notice = plugin.notice
    assert not notice.ack_button.isEnabled() and not notice.wall_button.isEnabled(), "nothing shown yet"
    first = demo.hook("alert", kind="patrol_sos")
    qtbot.waitUntil(lambda: first["id"] in notice.alert_ids, timeout=10_000)
    second = demo.hook("alert", kind="patrol_sos")
    qtbot.waitUntil(lambda: notice.alert_ids[:1] == [second["id"]], timeout=10_000)
    assert second["message"] in notice.text.text() and notice.more.text() == "1 more critical"

    # acknowledge the one shown: the next one is shown in full, and the buttons act on it
    qtbot.mouseClick(notice.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not plugin.book.is_open(second["id"]), timeout=10_000)
    qtbot.waitUntil(lambda: notice.alert_ids == [first["id"]], timeout=5000)
    assert notice.isVisible()
    assert first["message"] in notice.text.text(), notice.text.text()
    assert "Patrol SOS" in notice.title.text() and notice.more.text() == ""
    assert notice.ack_button.isEnabled() and notice.wall_button.isEnabled()

    # and that one too: nothing is shown, nothing can be pressed
    qtbot.mouseClick(notice.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not plugin.book.is_open(first["id"]), timeout=10_000)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5000)
    assert notice.alert_ids == []
    assert not notice.ack_button.isEnabled() and not notice.wall_button.isEnabled()
    win.close()


def test_conference_mute_toggles_and_back_to_a_window_restores_it(qtbot, login, run, demo, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins("conference", "alerts")
    session = login("dispatcher", "dispatch123")
    win = _open(qtbot, session, run, QRect(0, 0, 1000, 900))
    plugin = win.plugins.manager.get("conference")
    pane = plugin.pane
    room, me = "beiwutai-monthly", "desk-dispatcher"
    qtbot.waitUntil(lambda: room in plugin.rooms.rooms, timeout=10_000)
    pane.select_room(room)
    qtbot.mouseClick(pane.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plugin.wall is not None and pane.participant_item(me) is not None, timeout=10_000)
    mic = lambda: pane.participant_item(me).text(COL_MIC)  # noqa: E731

    # ---- the desk joins muted: with nothing selected the button is the desk's own, and can unmute
    pane.roster.clearSelection()
    assert mic() == "Muted"
    assert pane.mute_button.isEnabled() and pane.mute_button.text() == "Unmute"
    assert pane.mute_button.isCheckable() and pane.mute_button.isChecked()
    assert pane.mute_target() == me
    qtbot.mouseClick(pane.mute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mic() in ("On", "Speaking"), timeout=10_000)
    qtbot.waitUntil(lambda: pane.mute_button.text() == "Mute" and not pane.mute_button.isChecked(), timeout=5000)
    assert pane.mute_button.isEnabled()
    qtbot.mouseClick(pane.mute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mic() == "Muted", timeout=10_000)
    qtbot.waitUntil(lambda: pane.mute_button.text() == "Unmute" and pane.mute_button.isEnabled(), timeout=5000)

    # ---- meeting display, then back to a window: the old size and place, and a true hint
    wall = plugin.wall
    windowed = QRect(1000, 100, 900, 540)
    # the conference wall places itself when it first shows: set the test's place after that
    qtbot.waitExposed(wall)

    def placed() -> bool:
        if wall.geometry() == windowed:
            return True
        # X11 without a window manager (Xvfb) can answer the first show's configure after
        # ours, and Qt then believes the old place: ask again until the server agrees
        wall.setGeometry(windowed)
        return False

    qtbot.waitUntil(placed, timeout=10_000)
    assert "Esc" not in wall.hint.text() and wall.hint.text() == "Closing this window leaves the meeting"
    screen = pane.chosen_screen()
    qtbot.mouseClick(pane.display_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wall.isFullScreen() and wall.geometry() == screen.geometry(), timeout=5000)
    assert presenting.is_presenting(wall)
    assert "Esc" in pane.message.text()
    qtbot.mouseClick(pane.windowed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wall.isFullScreen() and wall.geometry() == windowed, timeout=5000)
    assert wall.header.isVisible() and wall.hint.text() == "Closing this window leaves the meeting"
    assert not presenting.is_presenting(wall) and pane.message.text() == ""
    # Esc on the display does the same
    qtbot.mouseClick(pane.display_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wall.isFullScreen(), timeout=5000)
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wall.isFullScreen() and wall.geometry() == windowed, timeout=5000)

    qtbot.mouseClick(pane.leave_button, Qt.MouseButton.LeftButton)
    assert plugin.wall is None
    qtbot.waitUntil(lambda: all(p.id != me for p in plugin.rooms.rooms[room].participants), timeout=10_000)
    win.close()
