"""No credential reaches a host the platform did not name as its media host (issue 10 item 4).

The old client appended the API token to every stream URL of a camera's
profiles, whatever the host. Here a camera's inventory URL is pointed at a
listener of the test's own (another host:port, as a hostile or misconfigured
platform would list it); the wall plays the camera with the URL of the stream
ticket the platform answers with, and the listener is never contacted, so it
sees no token. Real demo platform, real libVLC under Xvfb.
"""

from __future__ import annotations

import socket
import threading

import msgspec
import pytest
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtWidgets import QMainWindow
from wall_helpers import cameras_by_stream, loaded_session

from controlroom.api.schema import Transport
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


class Listener:
    """A TCP listener on 127.0.0.1 that records what each connection sends first."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.received.append(conn.recv(4096))
                except OSError:
                    self.received.append(b"")

    def close(self) -> None:
        self._stop.set()
        self.thread.join(5)
        self.sock.close()


def test_the_wall_plays_the_tickets_url_and_sends_nothing_to_other_hosts(qtbot, login, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    listener = Listener()
    camera_id = cameras_by_stream(session.inventory, 1)[0]
    camera = session.inventory.cameras[camera_id]
    foreign = f"http://127.0.0.1:{listener.port}/media/{camera_id}"
    streams = [msgspec.structs.replace(p, urls={Transport.HTTP_TS: f"{foreign}/{p.name}.ts"}) for p in camera.streams]
    session.inventory.cameras[camera_id] = msgspec.structs.replace(camera, streams=streams)
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(800, 450)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        pane.set_layout(preset(1))
        pane.controller.assign(0, camera_id)
        qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING and pane.tiles[0].showing_video(),
                        timeout=30_000)
        token = session.client.access_token
        assert token is not None
        assert listener.received == [], "a request went to a host the platform did not name"
        assert not any(token.encode() in r for r in listener.received)
    finally:
        pane.shutdown()
        win.close()
        listener.close()
