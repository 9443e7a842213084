"""Digital zoom on the real demo with real libVLC under Xvfb (issue 9 item 5).

Eight wheel notches into a playing tile: the tile keeps playing the same
connection (no stall, no reconnect), the picture fills the tile (no black or
background strip at its edges, read back from the X server), and once the
picture shows larger than the sub stream's pixels the tile plays main.
"""

from __future__ import annotations

import pytest
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from wall_helpers import cameras_by_stream, distance, loaded_session

from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


def _wheel(tile, fx: float, fy: float) -> None:  # type: ignore[no-untyped-def]
    body = tile.body.geometry()
    pos = QPointF(body.x() + body.width() * fx, body.y() + body.height() * fy)
    ev = QWheelEvent(pos, tile.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(tile, ev)


def _edges(img: QImage) -> list[tuple[int, int, int]]:
    """Colours along the four edges of a grab (2 px in)."""
    w, h = img.width(), img.height()
    points = [(2, y) for y in range(4, h - 4, 8)] + [(w - 3, y) for y in range(4, h - 4, 8)]
    points += [(x, 2) for x in range(4, w - 4, 8)] + [(x, h - 3) for x in range(4, w - 4, 8)]
    out = []
    for x, y in points:
        c = img.pixelColor(x, y)
        out.append((c.red(), c.green(), c.blue()))
    return out


def test_eight_notches_keep_playing_fill_the_tile_and_go_main(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(1200, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    pane.set_layout(preset(16))
    cam = cameras_by_stream(session.inventory, 1)[0]
    pane.controller.assign(0, cam)
    tile = pane.tiles[0]
    qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING and tile.showing_video(), timeout=20_000)
    assert pane.profile_of(0) == "sub", "a 16-tile wall plays sub"
    sub = pane.videos[0].front
    states: list[str] = []
    for player in (pane.videos[0].front, pane.videos[0].back):
        player.state_changed.connect(lambda s, d: states.append(str(s)))

    # unzoomed, the 16:9 picture is letterboxed in this tile: the edge test below can fail
    qtbot.waitUntil(lambda: sub.displayed_pictures() > 5, timeout=5000)
    dark = (16, 19, 23)  # the tile's background behind the video (#101317) and black bars
    grab = QGuiApplication.primaryScreen().grabWindow(tile.body.winId()).toImage()
    assert any(distance(c, dark) < 30 or max(c) < 30 for c in _edges(grab)), "expected bars before zooming"

    for _ in range(8):
        before = pane.videos[0].front.displayed_pictures()
        player = pane.videos[0].front
        _wheel(tile, 0.4, 0.45)
        # the tile keeps showing new pictures after every notch
        qtbot.waitUntil(lambda p=player, b=before: p.displayed_pictures() > b + 3 or p is not pane.videos[0].front,
                        timeout=5000)
        assert pane.state_of(0) is TileState.PLAYING
    assert tile.zoom_factor == pytest.approx(1.25 ** 8, rel=0.01)

    # past the sub stream's pixels: main, pre-rolled behind and swapped in (the policy's 5 s rule)
    qtbot.waitUntil(lambda: pane.profile_of(0) == "main" and pane.state_of(0) is TileState.PLAYING, timeout=15_000)
    main = pane.videos[0].front
    assert main is not sub
    qtbot.waitUntil(lambda: main.decoded_size() == (1280, 720), timeout=5000)
    assert sub.attempts == 1 and main.attempts == 1, "zooming never reconnected a stream"
    assert "stalled" not in states and "reconnecting" not in states, states
    count = main.displayed_pictures()
    qtbot.waitUntil(lambda: main.displayed_pictures() > count + 10, timeout=5000)
    with qtbot.waitSignal(main.stats, timeout=5000) as stats:
        pass  # a figure, not a limit: displayed pictures per second at this zoom
    surface = tile.surface.size()
    print(f"\nzoom {tile.zoom_factor:.2f}x, surface {surface.width()}x{surface.height()}: "
          f"{stats.args[0]:.1f} pictures/s on the main stream")
    assert main.state is TileState.PLAYING and main.attempts == 1

    # the picture fills the tile: no bar, no strip of background at any edge
    grab = QGuiApplication.primaryScreen().grabWindow(tile.body.winId()).toImage()
    edges = _edges(grab)
    assert not any(distance(c, dark) < 30 or max(c) < 30 for c in edges), edges[:8]
    assert tile.zoom is not None and tile.zoom_factor > 5

    tile.reset_zoom()
    assert tile.surface.geometry() == tile.body.rect()
    pane.shutdown()
