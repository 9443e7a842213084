"""Wall windows on the real demo: a new window with its own wall, tiles and cameras dragged between
windows, a tile torn out into a window of its own, and a closed window leaving the media server.

Real demo platform, real libVLC under the suite's Xvfb (one screen: the two-screen workspace
tests start their own X server, ``test_workspaces_two_screens.py``). Drops are delivered as
the drop events Qt would deliver (a real drag needs a real pointer held down, which Xvfb has not).
"""

from __future__ import annotations

from typing import Any

import pytest
from controlroom.ui.main_window import MainWindow
from controlroom.ui.shortcuts_dialog import clashes
from controlroom.ui.wall.tile_drag import ORIGIN_MIME, add_origin, read_origin
from controlroom.ui.wall.tile_widget import TILE_MIME
from controlroom.ui.wall_window import WallWindow
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from wall_helpers import cameras_by_stream, loaded_session

from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


def _open(qtbot: Any, session: Any) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    win.loading_finished()
    return win


def _drop(tile: Any, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(tile.width() / 2, tile.height() / 2), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tile.dropEvent(event)


def _viewers(demo: Any) -> int:
    return int(demo.hook("media-viewers")["total"])


def test_wall_windows_drag_between_them_and_closing_leaves_the_media_server(  # type: ignore[no-untyped-def]
        qtbot, login, run, demo) -> None:
    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 6)
    win = _open(qtbot, session)
    main = win.video_wall
    main.set_layout(preset(4))
    main.controller.fill(0, cams[:2])
    qtbot.waitUntil(lambda: all(main.state_of(t) is TileState.PLAYING for t in (0, 1)), timeout=30_000)

    # ---- Wall → New wall window (Ctrl+Shift+N): its own wall, own layout and controller
    assert win.wall_windows.action_new_window.shortcut().toString() == "Ctrl+Shift+N"
    assert win.wall_windows.action_new_window in win.wall_ui.menu.actions()
    win.wall_windows.action_new_window.trigger()
    assert len(win.wall_windows.windows) == 1
    other: WallWindow = win.wall_windows.windows[0]
    qtbot.waitExposed(other)
    pane = other.pane
    assert pane.controller is not main.controller
    pane.set_layout(preset(9))
    assert len(pane.tiles) == 9 and len(main.tiles) == 4, "each window has its own layout"
    assert main.controller.layout == preset(4)
    assert clashes(other) == {} and clashes(win) == {}, "each window's keys are its own"
    assert other.wall_ui.preset_actions[9].shortcut().toString() == "Ctrl+5"

    # ---- a tile of the main window onto a tile of the other: the camera moves over (a swap)
    mime = main.tiles[0].drag_mime()
    origin = read_origin(mime)
    assert origin is not None and origin.tile == 0 and origin.camera_id == cams[0] and origin.same_process
    _drop(pane.tiles[2], mime)
    assert pane.controller.slot(2).camera_id == cams[0]
    assert main.controller.slot(0).camera_id is None, "the tile took the (empty) target's place"
    assert pane.controller.selected == 2

    # within one wall a tile drag still swaps by index
    _drop(main.tiles[3], main.tiles[1].drag_mime())
    assert main.controller.slot(3).camera_id == cams[1] and main.controller.slot(1).camera_id is None

    # a hostile origin (not JSON) is ignored: the plain index swap of that wall applies
    bad = QMimeData()
    bad.setData(TILE_MIME, QByteArray(b"3"))
    bad.setData(ORIGIN_MIME, QByteArray(b"\xff{not json"))
    assert read_origin(bad) is None

    # ---- a camera from the tree onto the other window's tile
    model = win.resources.model
    tree_mime = model.mimeData([model.index_for_camera(cams[2])])
    _drop(pane.tiles[4], tree_mime)
    assert pane.controller.slot(4).camera_id == cams[2]
    qtbot.waitUntil(lambda: all(pane.state_of(t) is TileState.PLAYING for t in (2, 4)), timeout=30_000)
    assert main.state_of(3) is TileState.PLAYING

    # ---- the views switcher of each window tells its own wall
    assert other.wall_ui.views.store is win.wall_ui.views.store, "one views store: saves never overwrite"
    assert other.wall_ui.views.save_as("Big screen")
    assert main.controller.name != "Big screen"
    assert "Big screen" in win.wall_ui.views.store

    # ---- closing the window stops its players and releases their streams on the server
    qtbot.waitUntil(lambda: _viewers(demo) >= 3, timeout=10_000)
    before = _viewers(demo)
    other.close()
    qtbot.waitUntil(lambda: not win.wall_windows.windows, timeout=5_000)
    qtbot.waitUntil(lambda: _viewers(demo) == before - 2, timeout=15_000)
    assert main.state_of(3) is TileState.PLAYING, "the main wall plays on"

    # ---- a tile from another ControlRoom process: only its camera comes over
    foreign = QMimeData()
    foreign.setData(TILE_MIME, QByteArray(b"0"))
    add_origin(foreign, "999999999:1", 0, cams[3])
    _drop(main.tiles[2], foreign)
    assert main.controller.slot(2).camera_id == cams[3] and main.controller.slot(0).camera_id is None
    main.controller.clear(2)

    # ---- a tile dropped on a part of a window that takes no tiles: nothing happens
    main.wall.dragged_out.emit(3, win.mapToGlobal(QPoint(30, 30)))
    assert not win.wall_windows.windows and main.controller.slot(3).camera_id == cams[1]
    # ---- a tile dragged out of every window opens in a window of its own
    outside = win.frameGeometry().bottomRight() + QPoint(50, 50)
    main.wall.dragged_out.emit(3, outside)
    assert len(win.wall_windows.windows) == 1
    torn = win.wall_windows.windows[0]
    qtbot.waitExposed(torn)
    assert torn.pane.controller.slot(0).camera_id == cams[1] and len(torn.pane.tiles) == 1
    assert main.controller.slot(3).camera_id is None
    qtbot.waitUntil(lambda: torn.pane.state_of(0) is TileState.PLAYING, timeout=30_000)

    # ---- the main window closing closes its wall windows first: nothing keeps watching
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()
    assert not win.wall_windows.windows
    qtbot.waitUntil(lambda: _viewers(demo) == before - 3, timeout=15_000)


def test_a_corrupt_workspaces_file_is_said_and_nothing_else_is_lost(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    from controlroom.workspaces import workspaces_file

    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 2)
    win = _open(qtbot, session)
    win.video_wall.set_layout(preset(4))
    win.video_wall.controller.fill(0, cams)
    assert win.wall_ui.views.save_as("Gate")
    win.wall_windows.new_window()
    assert win.wall_windows.save_workspace("Desk")
    win.close()

    user = session.user
    assert user is not None
    path = workspaces_file(config_dir, session.base_url, user.username)
    assert path.is_file()
    path.write_bytes(b'{"schema_version": 1, "workspaces": [{"name": "Desk", "windows": 7}]}')
    win = _open(qtbot, session)
    ww = win.wall_windows
    assert ww.problem is not None and "set aside" in ww.problem
    box = win.findChild(QMessageBox, "workspacesProblemBox")
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText and box.text() == ww.problem
    assert ww.notices[0] == ww.problem, "said in the status bar too"
    assert not ww.windows, "no workspace: the main window only"
    assert ww.store.set_aside is not None and ww.store.set_aside.is_file()
    assert "Gate" in win.wall_ui.views.store, "the views are not touched"
    assert win.video_wall.controller.name == "Gate", "the last view opens as without workspaces"
    box.close()
    win.close()


def test_a_workspace_opens_again_at_start(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 3)
    win = _open(qtbot, session)
    win.video_wall.set_layout(preset(4))
    win.video_wall.controller.fill(0, cams[:2])
    other = win.wall_windows.new_window()
    other.pane.set_layout(preset(1))
    other.pane.controller.assign(0, cams[2])
    other.setGeometry(200, 150, 900, 500)
    assert win.wall_windows.save_workspace("Desk")
    win.close()

    win = _open(qtbot, session)
    ww = win.wall_windows
    assert ww.store.current == "Desk" and len(ww.windows) == 1
    back = ww.windows[0]
    qtbot.waitExposed(back)
    assert back.geometry().topLeft() == QPoint(200, 150) and back.geometry().size() == other.size()
    assert [back.pane.controller.slot(0).camera_id] == [cams[2]] and len(back.pane.tiles) == 1
    assert [win.video_wall.controller.slot(t).camera_id for t in range(2)] == cams[:2]
    assert back.pane.controller.name is None, "an unsaved wall comes back unsaved"
    qtbot.waitUntil(lambda: back.pane.state_of(0) is TileState.PLAYING, timeout=30_000)
    assert ww.notices == [], "its screen is there: nothing to say"
    win.close()


def test_real_drags_with_the_pointer_between_windows_and_out_of_them(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    """The X server's own pointer (XTEST) drags: Qt's drag loop, its drop and its "nobody took it"."""
    from xpointer import Pointer

    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 2)
    win = _open(qtbot, session)
    win.setGeometry(0, 0, 1000, 700)
    main = win.video_wall
    main.set_layout(preset(4))
    main.controller.fill(0, cams)
    other = win.wall_windows.new_window(geometry=QRect(1100, 100, 760, 480))
    qtbot.waitExposed(other)
    other.pane.set_layout(preset(4))
    qtbot.waitUntil(lambda: all(main.state_of(t) is TileState.PLAYING for t in (0, 1)), timeout=30_000)

    def centre(widget: Any) -> QPoint:
        return widget.mapToGlobal(widget.rect().center())

    pointer = Pointer()
    try:
        # ---- tile 1 of the main window onto tile 3 of the wall window
        finished: list[bool] = []
        pointer.drag(centre(main.tiles[0].header), centre(other.pane.tiles[3].header), lambda: finished.append(True))
        qtbot.waitUntil(lambda: other.pane.controller.slot(3).camera_id == cams[0], timeout=10_000)
        assert main.controller.slot(0).camera_id is None
        qtbot.waitUntil(lambda: other.pane.state_of(3) is TileState.PLAYING, timeout=30_000)

        # ---- tile 2 dropped where no window is: it opens in a wall window of its own there
        qtbot.waitUntil(lambda: bool(finished), timeout=10_000)  # every step of the first drag ran
        nowhere = QPoint(1500, 900)
        assert not any(w.isVisible() and w.frameGeometry().contains(nowhere) for w in (win, other))
        pointer.drag(centre(main.tiles[1].header), nowhere)
        qtbot.waitUntil(lambda: len(win.wall_windows.windows) == 2, timeout=10_000)
    finally:
        pointer.close()
    torn = win.wall_windows.windows[1]
    assert torn.pane.controller.slot(0).camera_id == cams[1] and main.controller.slot(1).camera_id is None
    assert torn.geometry().contains(nowhere), "where the tile was dropped"
    qtbot.waitUntil(lambda: torn.pane.state_of(0) is TileState.PLAYING, timeout=30_000)
    win.close()
