"""The wall on the real demo platform with real libVLC under Xvfb: every tile shows its own stream.

Each demo stream has its own background colour; a tile's native surface is
read back from the X server and its left margin compared with the colour of
the stream its camera should show. Then the wall goes to 4 tiles, one is
maximised (main stream: 1280x720 decoded) and restored (sub again).
"""

from __future__ import annotations

import time

import pytest
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtWidgets import QMainWindow
from wall_helpers import (
    cameras_by_stream,
    loaded_session,
    nearest_stream,
    stream_index,
    surface_colour,
)

from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video




def _window(qtbot, session) -> tuple[QMainWindow, WallPane]:  # type: ignore[no-untyped-def]
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(1600, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, pane


def _playing(pane: WallPane, tiles: range) -> bool:
    return all(pane.state_of(t) is TileState.PLAYING and pane.tiles[t].showing_video() for t in tiles)


def test_sixteen_tiles_each_show_their_own_stream(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    win, pane = _window(qtbot, session)
    cams = cameras_by_stream(session.inventory, 16)
    index = stream_index()
    assert len({index[c] for c in cams}) == 16

    t0 = time.monotonic()
    pane.set_layout(preset(16))
    assert pane.controller.fill(0, cams) == 0
    qtbot.waitUntil(lambda: _playing(pane, range(16)), timeout=30_000)
    call_up = time.monotonic() - t0
    first_frames = [pane.videos[t].first_frame for t in range(16)]
    print(f"\n16 tiles playing after {call_up:.2f} s; first frames "
          f"{min(f for f in first_frames if f):.2f}-{max(f for f in first_frames if f):.2f} s")

    def colours_right() -> bool:
        return all(nearest_stream(surface_colour(pane.tiles[t]))[0] == index[cams[t]] for t in range(16))

    try:
        qtbot.waitUntil(colours_right, timeout=10_000)
    except Exception:
        print([(t, surface_colour(pane.tiles[t]), index[cams[t]], pane.tiles[t].surface.size()) for t in range(16)])
        pane.tiles[0].surface.grab().save('/tmp/t0.png')
        from PySide6.QtGui import QGuiApplication
        QGuiApplication.primaryScreen().grabWindow(0).save('/tmp/screen.png')
        raise
    for t in range(16):
        colour = surface_colour(pane.tiles[t])
        got, dist = nearest_stream(colour)
        assert got == index[cams[t]] and dist < 60, (t, colour)
        assert pane.profile_of(t) == "sub", "a 4x4 tile at 1600x900 plays the sub stream"

    # ---- 4 tiles in a smaller window (each below the sub stream's 640x360: sub by size);
    # the first four tiles keep their cameras and players
    win.resize(1100, 640)
    pane.set_layout(preset(4))
    assert len(pane.tiles) == 4
    qtbot.waitUntil(lambda: _playing(pane, range(4)), timeout=15_000)
    assert all(pane.profile_of(t) == "sub" for t in range(4))
    assert all(pane.tile_pixels(t)[0] < 640 for t in range(4))

    # ---- maximise tile 1: main stream, decoded at 1280x720
    pane.controller.maximise(1)
    qtbot.waitUntil(lambda: pane.profile_of(1) == "main" and pane.state_of(1) is TileState.PLAYING, timeout=15_000)
    tv = pane.videos[1]

    def decoded() -> tuple[int, int]:
        return tv.front.decoded_size() or (0, 0)  # what the on-screen player decodes

    qtbot.waitUntil(lambda: decoded() == (1280, 720), timeout=10_000)
    qtbot.waitUntil(lambda: nearest_stream(surface_colour(pane.tiles[1]))[0] == index[cams[1]], timeout=10_000)
    assert pane.tiles[1].geometry() == pane.wall.rect()

    # ---- restore: sub again
    pane.controller.restore()
    qtbot.waitUntil(lambda: pane.profile_of(1) == "sub" and pane.state_of(1) is TileState.PLAYING, timeout=15_000)
    qtbot.waitUntil(lambda: decoded() == (640, 360), timeout=10_000)
    pane.shutdown()
    win.close()


def test_nine_tiles_come_back_after_twenty_media_outages(qtbot, login, run, demo, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    win, pane = _window(qtbot, session)
    try:
        pane.set_layout(preset(9))
        pane.controller.fill(0, cameras_by_stream(session.inventory, 9))
        qtbot.waitUntil(lambda: _playing(pane, range(9)), timeout=30_000)
        down, back = [], []
        for _ in range(20):
            t0 = time.monotonic()
            demo.hook("media/stop")
            # every tile says so, in words, within a few seconds
            qtbot.waitUntil(lambda: all(pane.state_of(t) in (TileState.RECONNECTING, TileState.CONNECTING)
                                        for t in range(9)), timeout=10_000)
            down.append(time.monotonic() - t0)
            assert all(not pane.tiles[t].showing_video() for t in range(9))
            assert all(pane.tiles[t].status_words()[0].startswith("Reconnecting") for t in range(9)
                       if pane.state_of(t) is TileState.RECONNECTING)
            t1 = time.monotonic()
            demo.hook("media/start")
            qtbot.waitUntil(lambda: _playing(pane, range(9)), timeout=15_000)
            back.append(time.monotonic() - t1)
        print(f"\noutage seen after {max(down):.2f} s at worst; video back after "
              f"{sum(back) / len(back):.2f} s mean, {max(back):.2f} s worst")
        assert all(pane.state_of(t) is TileState.PLAYING for t in range(9)), "no tile left stuck"
    finally:
        pane.shutdown()
        win.close()
