"""The wall in the main window on the real demo: views across restarts, a corrupt views file,
drag and drop from the tree, swap, clear, keys, snapshot, zoom, and a tile tour with pre-roll."""

from __future__ import annotations

import re
from datetime import datetime

from controlroom.ui.main_window import MainWindow
from controlroom.ui.tree_model import ITEMS_MIME
from controlroom.ui.wall.tile_widget import TILE_MIME
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QMainWindow, QMessageBox
from wall_helpers import cameras_by_stream, loaded_session

from controlroom import paths
from controlroom.api.schema import Tier
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset


def _open(qtbot, session, **start) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(session, **start)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    win.loading_finished()  # what the app calls once the inventory is in (it is, here)
    return win


def _close(win: MainWindow) -> None:
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()


def _drop(tile, mime: QMimeData) -> None:  # type: ignore[no-untyped-def]
    event = QDropEvent(QPointF(tile.width() / 2, tile.height() / 2), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tile.dropEvent(event)


def test_views_survive_a_restart_and_a_corrupt_file_is_set_aside(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 4)

    win = _open(qtbot, session)
    pane = win.video_wall
    assert win.centre.currentWidget() is pane
    pane.set_layout(preset(4))
    pane.controller.fill(0, cams[:3])
    assert win.wall_ui.views.save_as("北武台 <b>gate</b> watch")
    _close(win)

    # ---- a new window reads the store: same layout, same cameras, same name
    win = _open(qtbot, session)
    pane = win.video_wall
    assert pane.controller.name == "北武台 <b>gate</b> watch"
    assert len(pane.tiles) == 4
    assert [pane.camera_on(t) for t in range(4)] == [*cams[:3], None]
    assert win.wall_ui.views.combo.currentText() == "北武台 <b>gate</b> watch"
    assert "Empty tile" in pane.tiles[3].status_words()[0]
    # a second view, then rename and delete
    pane.set_layout(preset(9))
    assert win.wall_ui.views.save_as("Nine")
    assert win.wall_ui.views.rename("Nine, renamed")
    assert win.wall_ui.views.store.names() == ["北武台 <b>gate</b> watch", "Nine, renamed"]
    assert win.wall_ui.views.delete("Nine, renamed", confirm=False)
    assert win.wall_ui.views.open("北武台 <b>gate</b> watch")
    views = win.wall_ui.views.store.path  # this user's on this platform
    assert views.parent == config_dir / "views" and "dispatcher" in views.name
    _close(win)

    # ---- a corrupt views file: set aside, said in words, other files untouched
    other = config_dir / "settings-keep.json"
    other.write_text('{"keep": true}')
    views.write_text('{"schema_version": 1, "views": [ {"name": ')
    win = _open(qtbot, session)
    aside = list(views.parent.glob(views.name + ".corrupt-*"))
    assert len(aside) == 1 and not views.exists()
    assert other.read_text() == '{"keep": true}'
    message = win.statusBar().currentMessage()
    assert "could not be read" in message and str(aside[0]) in message
    assert win.wall_ui.views.problems and len(win.wall_ui.views.store) == 0
    assert any(b.isVisible() and str(aside[0]) in b.text() for b in win.findChildren(QMessageBox))
    # the wall still works and saving makes a fresh file
    assert win.wall_ui.views.save_as("Fresh")
    assert views.exists()
    _close(win)


def test_drops_swap_clear_keys_snapshot_zoom(qtbot, login, run, config_dir, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(paths, "pictures_dir", lambda: tmp_path / "pictures")
    session = loaded_session(login, run)
    win = _open(qtbot, session, start_layout=4)
    pane = win.video_wall
    inv = session.inventory
    # demo --layout 4: the first four online cameras
    assert [pane.camera_on(t) for t in range(4)] == win.wall_ui.first_cameras(4)

    # ---- a town from the tree onto tile 1: tiles 1-3 filled, the rest reported
    model = win.resources.model
    town = next(s for s in inv.sites.values() if s.tier == Tier.TOWN)
    mime = model.mimeData([model.index_for_site(town.id)])
    assert mime.hasFormat(ITEMS_MIME)
    _drop(pane.tiles[1], mime)
    expected = pane.controller.camera_ids_for("site", town.id)
    assert [pane.camera_on(t) for t in (1, 2, 3)] == expected[:3]
    message = win.statusBar().currentMessage()
    assert f"{len(expected) - 3} more did not fit" in message, message

    # ---- a camera double-clicked in the tree goes to the selected tile
    pane.controller.select(0)
    cam = cameras_by_stream(inv, 16)[10]
    win.resources.camera_activated.emit(cam)
    assert pane.camera_on(0) == cam

    # ---- drag tile 0 onto tile 2: swapped
    before = [pane.camera_on(t) for t in range(4)]
    tile_mime = QMimeData()
    tile_mime.setData(TILE_MIME, QByteArray(b"0"))
    _drop(pane.tiles[2], tile_mime)
    assert pane.camera_on(2) == before[0] and pane.camera_on(0) == before[2]

    # ---- keys: arrows move the selection, Enter maximises and restores, Delete clears
    wall = pane.wall
    pane.controller.select(0)
    wall.setFocus()
    qtbot.keyClick(wall, Qt.Key.Key_Right)
    assert pane.controller.selected == 1
    qtbot.keyClick(wall, Qt.Key.Key_Down)
    assert pane.controller.selected == 3
    assert pane.tiles[3].selected and not pane.tiles[1].selected
    qtbot.keyClick(wall, Qt.Key.Key_Return)
    assert pane.controller.maximised == 3 and pane.tiles[3].geometry() == wall.rect()
    assert not pane.tiles[0].isVisible()
    qtbot.keyClick(wall, Qt.Key.Key_Return)
    assert pane.controller.maximised is None and pane.tiles[0].isVisible()
    qtbot.keyClick(wall, Qt.Key.Key_Delete)
    assert pane.camera_on(3) is None
    assert pane.tiles[3].status_words()[0] == "Empty tile"
    assert not pane.tiles[3].showing_video()

    # ---- snapshot: {camera}_{YYYYmmdd-HHMMSS}.png in the pictures folder, said in the status bar
    qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=15_000)
    assert pane.profile_of(0) == "sub"
    with qtbot.waitSignal(pane.snapshot_saved, timeout=15_000) as saved:
        path = pane.snapshot(0)
    assert path is not None and saved.args == [path]
    cam = inv.cameras[pane.camera_on(0)]
    name = cam.name
    assert re.fullmatch(re.escape(name) + r"_\d{8}-\d{6}\.png", path.rsplit("/", 1)[1])
    assert "Snapshot saved" in win.statusBar().currentMessage()
    # from the main stream at its resolution (the tile plays sub), with what and when inside the PNG
    main = next(p for p in cam.streams if p.name == "main")
    picture = QImage(path)
    assert (picture.width(), picture.height()) == (main.width, main.height) == (1280, 720)
    assert picture.text("Camera") == name and picture.text("Camera ID") == cam.id
    assert picture.text("Stream") == "main 1280x720"
    # a whole picture: the stream's coloured background in every corner, no padding or black
    corners = [picture.pixelColor(x, y) for x in (3, 1276) for y in (3, 716)]
    assert all(max(c.red(), c.green(), c.blue()) > 60 for c in corners), [c.name() for c in corners]
    taken = datetime.fromisoformat(picture.text("Creation Time"))
    assert abs((datetime.now().astimezone() - taken).total_seconds()) < 60

    # ---- digital zoom around the cursor, and reset
    tile = pane.tiles[0]
    tile.zoom_at(QPointF(tile.width() * 0.75, tile.height() * 0.75), 3)
    z = tile.zoom
    assert z is not None and z.width() < 0.6 and z.x() > 0.2
    # the tile zooms its own surfaces (larger than the tile, clipped by it); the player is untouched
    assert tile.surface.width() > tile.body.width() and tile.surface.x() < 0
    assert pane.videos[0].front._zoom is None
    tile.pan_by(40, 0)
    assert tile.zoom.x() < z.x()
    menu = pane.tile_menu(0)
    assert any(a.text() == "Reset zoom" and a.isEnabled() for a in menu.actions())
    tile.reset_zoom()
    assert tile.zoom is None and tile.surface.geometry() == tile.body.rect()

    # ---- the camera's own part of its name first; the full name on hover and in the status bar
    assert name.endswith(tile.name_label.text()) and tile.info.name == name
    assert name in tile.toolTip() and name in tile.surface.statusTip()
    _close(win)


def test_tile_tour_steps_to_live_video_at_once(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
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
        cams = cameras_by_stream(session.inventory, 3)
        pane.start_tile_tour(0, cams, 5.0)
        assert pane.camera_on(0) == cams[0]
        qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=15_000)
        qtbot.waitUntil(lambda: "5 s" in pane.tiles[0].tour_label.text(), timeout=2000)
        # 3 s into the step: the next camera pre-rolls on the hidden surface
        now[0] += 3.0
        qtbot.waitUntil(lambda: pane.videos[0].back_camera == cams[1]
                        and pane.videos[0].back.state is TileState.PLAYING, timeout=15_000)
        assert pane.tiles[0].showing_video() and pane.tiles[0].surface is not pane.tiles[0].back_surface
        # the step: the tile shows the next camera, already live
        now[0] += 2.1
        qtbot.waitUntil(lambda: pane.camera_on(0) == cams[1], timeout=2000)
        assert pane.state_of(0) is TileState.PLAYING and pane.tiles[0].showing_video()
        assert pane.videos[0].camera_id == cams[1]
        # pause and resume keep the countdown
        pane.pause_tile_tour(0, True)
        qtbot.waitUntil(lambda: pane.tiles[0].tour_label.text() == "Tour paused", timeout=2000)
        pane.pause_tile_tour(0, False)
        pane.stop_tile_tour(0)
        assert pane.controller.tour(0) is None
    finally:
        pane.shutdown()
        win.close()
