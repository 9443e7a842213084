"""The wall keeps the operator's work (issue 9 item 3), in the real main window on the real demo.

A layout that shrinks and grows again gives the cameras back; a changed view
says so ("•") and can be saved or reverted; Ctrl+Z / Ctrl+Shift+Z undo and
redo wall changes; an incident wall leaves the operator's view alone and one
key (Esc) or the bar's button brings it back. Views are kept per platform
and user; a camera of another town says so; ``--view`` with an unknown name
says so.
"""

from __future__ import annotations

import logging

from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from wall_helpers import cameras_by_stream, loaded_session

from controlroom import grids as G
from controlroom.wall.layouts import preset
from controlroom.wall.views import View


def _open(qtbot, session, **start) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(session, **start)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # window shortcuts (Ctrl+Z) need the active window
    win.loading_finished()  # what the app calls once the inventory is in (it is, here)
    return win


def _close(win: MainWindow) -> None:
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()


def test_layouts_keep_cameras_modified_view_undo_redo_and_incident_wall(
        qtbot, login, run, config_dir, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins()
    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 9)
    win = _open(qtbot, session)
    pane, views, ui = win.video_wall, win.wall_ui.views, win.wall_ui
    c = pane.controller
    pane.set_layout(preset(9))
    c.fill(0, cams)
    assert views.save_as("Desk")
    assert views.marker_text == "Desk" and not views.action_revert.isEnabled()

    # ---- 9 -> 1 -> 4: tiles 2-4 come back (they were empty before the fix)
    pane.set_layout(preset(1))
    pane.set_layout(preset(4))
    assert [pane.camera_on(t) for t in range(4)] == cams[:4]
    assert views.marker_text == "Desk •" and views.action_revert.isEnabled()
    assert "modified" in views.combo.toolTip()
    assert views.action_revert in ui.toolbar.actions()  # Revert beside Save

    # ---- Ctrl+Z and Ctrl+Shift+Z, the keys an operator presses on the wall
    pane.wall.setFocus()
    qtbot.keyClick(pane.wall, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(c.layout) == 1
    qtbot.keyClick(pane.wall, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pane.tiles) == 9 and [pane.camera_on(t) for t in range(9)] == cams
    assert views.marker_text == "Desk"  # undone back to the saved view
    qtbot.keyClick(pane.wall, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(c.layout) == 1 and views.marker_text == "Desk •"
    assert ui.action_undo.isEnabled() and ui.action_redo.isEnabled()
    assert ui.action_undo in ui.menu.actions() and ui.action_redo in ui.menu.actions()

    # ---- Revert; a tile cleared by mistake comes back with Ctrl+Z
    assert views.revert()
    assert len(pane.tiles) == 9 and views.marker_text == "Desk"
    c.select(4)
    qtbot.keyClick(pane.wall, Qt.Key.Key_Delete)
    assert pane.camera_on(4) is None and views.marker_text == "Desk •"
    qtbot.keyClick(pane.wall, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.camera_on(4) == cams[4]

    # ---- an incident wall (what a grid click does): the view stays, the bar says the way back
    grid = next(g for g in session.inventory.grids.values() if len(session.inventory.grid_cameras(g.id)) > 16)
    ids = G.grid_camera_ids(session.inventory, grid.id)
    done = G.put_on_wall(c, ids, grid.name)
    assert len(pane.tiles) == done.tiles > 9
    assert pane.incident_bar.isVisible() and grid.name in pane.incident_bar.label.text()
    assert pane.incident_bar.back.text() == "Back to “Desk”"
    assert views.marker_text == f"Incident: {grid.name}"
    assert ui.action_back.isEnabled() and "Desk" in ui.action_back.text()
    assert views.store.get("Desk") == View("Desk", preset(9), dict(enumerate(cams)))  # not overwritten
    c.maximise(0)
    qtbot.keyClick(pane.wall, Qt.Key.Key_Escape)  # first Esc: the maximised tile
    assert c.maximised is None and c.incident is not None
    qtbot.keyClick(pane.wall, Qt.Key.Key_Escape)  # then: back to the view
    assert c.incident is None and not pane.incident_bar.isVisible()
    assert len(pane.tiles) == 9 and [pane.camera_on(t) for t in range(9)] == cams
    assert views.marker_text == "Desk"
    # the button does the same
    G.put_on_wall(c, ids, grid.name)
    qtbot.mouseClick(pane.incident_bar.back, Qt.MouseButton.LeftButton)
    assert c.incident is None and c.name == "Desk" and len(pane.tiles) == 9
    _close(win)


def test_views_per_user_outside_your_town_and_unknown_view(
        qtbot, login, run, config_dir, only_plugins, caplog) -> None:  # type: ignore[no-untyped-def]
    only_plugins()
    # the views file of an older version: it goes to the first user that opens
    old = View("Old desk", preset(4), {0: "37132600011310000001"})
    (config_dir / "views.json").write_text(
        '{"schema_version": 1, "last_view": null, "views": [' + __import__("json").dumps(old.to_dict()) + "]}")
    dispatcher = loaded_session(login, run)
    win = _open(qtbot, dispatcher)
    assert win.wall_ui.views.store.names() == ["Old desk"] and not (config_dir / "views.json").exists()
    # a dispatcher's view with a camera of town 3 (武台镇)
    town3 = next(cam.id for cam in dispatcher.inventory.cameras.values() if cam.id[6:8] == "03" and cam.online)
    win.video_wall.set_layout(preset(4))
    win.video_wall.controller.assign(0, town3)
    assert win.wall_ui.views.save_as("County")
    dispatcher_file = win.wall_ui.views.store.path
    _close(win)

    # ---- a town desk of town 5 on the same machine: its own (empty) views, not the dispatcher's
    desk = login("town05", "desk123")
    run(desk.load_inventory(), 60_000)
    caplog.set_level(logging.WARNING, logger="controlroom.ui.wall")
    win = _open(qtbot, desk, start_view="County")
    views = win.wall_ui.views
    assert views.store.path != dispatcher_file and views.store.names() == []
    # --view with a name this user does not have: said in the status bar, a box and the log
    qtbot.waitUntil(lambda: "There is no saved view named “County”" in win.statusBar().currentMessage())
    assert "no saved views on this platform" in win.statusBar().currentMessage()
    box = win.findChild(QMessageBox, "unknownViewBox")
    assert box is not None and box.isVisible() and "County" in box.text()
    assert any("--view" in r.getMessage() and "County" in r.getMessage() for r in caplog.records)

    # ---- the dispatcher's view opened here anyway (a copied file): town 3's camera is outside town 5
    views.store.put(View("County", preset(4), {0: town3, 1: "37132605019990999999"}))
    assert views.open("County")
    words = win.video_wall.tiles[0].status_words()
    assert any("outside your town" in w for w in words), words
    assert not any("outside your town" in w for w in win.video_wall.tiles[1].status_words())  # its own town: gone
    _close(win)
