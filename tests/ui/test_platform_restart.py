"""Recovery after the platform restarts or freezes: real demo platform (its own
process, restarted on the same port with new media ports), real libVLC under
Xvfb, the real wall. Issue 9 item 1.

- Restart: a 4-tile wall plays; the platform is stopped for 60 s
  (CONTROLROOM_RESTART_OUTAGE overrides it) and started again on the same API
  port, with media ports of its own choosing. With no user action every tile
  plays again, the status is back to connected, and nothing the operator set up
  is lost (assignments, selection, a tile tour).
- Freeze: the platform is stopped with SIGSTOP (its connections stay open)
  for longer than the event stream's heartbeat deadline: the status must say
  reconnecting and the grid statuses stale, never "connected"; after SIGCONT
  all is live again.

The time from the platform answering again to the whole wall playing is
printed; tests/bench/bench_recovery.py measures it against a fresh start.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from controlroom.ui.wall.wall_view import WallPane
from demo_platform import Demo, restart_demo, start_demo, stop_demo
from PySide6.QtWidgets import QMainWindow
from wall_helpers import cameras_by_stream

from controlroom.api.events import HEARTBEAT_MISSES
from controlroom.api.schema import Transport
from controlroom.session import ConnectionState, Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video

OUTAGE_S = float(os.environ.get("CONTROLROOM_RESTART_OUTAGE", "60"))
HEARTBEAT_S = 1.0  # the platform's heartbeat here: the freeze is noticed after 3 s


class Platform:
    """A demo platform of this test's own that can be stopped, frozen and restarted."""

    def __init__(self, *args: str) -> None:
        self.demo: Demo = start_demo(*args)

    @property
    def url(self) -> str:
        return self.demo.url

    def stop(self) -> None:
        stop_demo(self.demo.proc)

    def restart(self) -> None:
        self.demo = restart_demo(self.demo)

    def freeze(self, frozen: bool) -> None:
        os.kill(self.demo.proc.pid, signal.SIGSTOP if frozen else signal.SIGCONT)

    def close(self) -> None:
        if self.demo.proc.poll() is None:
            os.kill(self.demo.proc.pid, signal.SIGCONT)  # a stopped process would not hear SIGTERM
        stop_demo(self.demo.proc)


@pytest.fixture
def platform() -> Iterator[Platform]:
    # no simulated events: the chosen cameras stay online; heartbeats keep the stream alive
    p = Platform("--event-rate", "0", "--heartbeat", str(HEARTBEAT_S))
    try:
        yield p
    finally:
        p.close()


def _wall(qtbot: Any, run: Callable[..., Any], url: str, tiles: int) -> tuple[Session, QMainWindow, WallPane]:
    session = Session(url)
    run(session.login("dispatcher", "dispatch123"))
    run(session.load_inventory(), 60_000)
    session.start_events()
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(1280, 720)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    pane.set_layout(preset(tiles))
    assert pane.controller.fill(0, cameras_by_stream(session.inventory, tiles)) == 0
    return session, win, pane


def _playing(pane: WallPane, n: int) -> bool:
    return all(pane.state_of(t) is TileState.PLAYING and pane.tiles[t].showing_video() for t in range(n))


def _media_port(session: Session, camera_id: str, run: Callable[..., Any]) -> int:
    ticket = run(session.client.stream_ticket(camera_id, "sub"))
    return int(ticket.urls[Transport.HTTP_TS].split("/")[2].rsplit(":", 1)[1])


def test_the_wall_comes_back_by_itself_after_a_platform_restart(qtbot, run, platform, config_dir) -> None:  # type: ignore[no-untyped-def]
    session, win, pane = _wall(qtbot, run, platform.url, 4)
    try:
        qtbot.waitUntil(lambda: _playing(pane, 4), timeout=30_000)
        qtbot.waitUntil(lambda: session.state is ConnectionState.CONNECTED, timeout=10_000)
        c = pane.controller
        c.select(2)
        tour_cams = cameras_by_stream(session.inventory, 6)[4:6]
        pane.start_tile_tour(3, [c.slot(3).camera_id or "", *tour_cams], 3600)
        before = [c.slot(t).camera_id for t in range(4)]
        old_port = _media_port(session, before[0] or "", run)
        old_token = session.client.access_token

        platform.stop()
        # every tile and the status bar say so, in words; nobody touches anything
        qtbot.waitUntil(lambda: session.state is ConnectionState.RECONNECTING, timeout=20_000)
        qtbot.waitUntil(lambda: all(pane.state_of(t) in (TileState.RECONNECTING, TileState.CONNECTING)
                                    for t in range(4)), timeout=20_000)
        assert pane.grid_staleness.stale
        qtbot.wait(int(OUTAGE_S * 1000))  # the outage itself: a minute with the platform gone
        assert session.state is ConnectionState.RECONNECTING
        assert not any(pane.tiles[t].showing_video() for t in range(4))

        platform.restart()
        answering = time.monotonic()  # the restarted platform printed its address: it answers
        qtbot.waitUntil(lambda: _playing(pane, 4), timeout=60_000)
        video_back = time.monotonic() - answering
        qtbot.waitUntil(lambda: session.state is ConnectionState.CONNECTED, timeout=30_000)
        status_back = time.monotonic() - answering
        print(f"\nafter a {OUTAGE_S:.0f} s outage: every tile plays {video_back:.2f} s after the platform "
              f"answered again; status connected after {status_back:.2f} s")

        # it really was a new platform: a re-login, new tokens, new media ports, a fresh inventory
        assert session.client.relogins >= 1 and session.recoveries >= 1
        assert session.client.access_token != old_token
        assert _media_port(session, before[0] or "", run) != old_port
        # nothing the operator set up is lost
        assert [c.slot(t).camera_id for t in range(4)] == before
        assert c.selected == 2
        assert c.tour(3) is not None and list(c.tour(3).spec.items)[1:] == tour_cams  # type: ignore[union-attr]
        assert not pane.grid_staleness.stale
    finally:
        pane.shutdown()
        win.close()
        run(session.close())


def test_a_frozen_platform_shows_reconnecting_not_connected(qtbot, run, platform, config_dir) -> None:  # type: ignore[no-untyped-def]
    session, win, pane = _wall(qtbot, run, platform.url, 1)
    states: list[ConnectionState] = []
    session.on_state(lambda state, _detail: states.append(state))
    try:
        qtbot.waitUntil(lambda: _playing(pane, 1) and session.state is ConnectionState.CONNECTED, timeout=30_000)
        platform.freeze(True)  # SIGSTOP: every connection stays open, nothing answers
        frozen_at = time.monotonic()
        qtbot.waitUntil(lambda: session.state is ConnectionState.RECONNECTING, timeout=30_000)
        noticed = time.monotonic() - frozen_at
        assert pane.grid_staleness.stale
        # and it stays so while the platform is frozen (no "connected" from a half-open socket)
        qtbot.wait(int(HEARTBEAT_S * HEARTBEAT_MISSES * 2 * 1000))
        assert session.state is not ConnectionState.CONNECTED
        assert ConnectionState.CONNECTED not in states[states.index(ConnectionState.RECONNECTING):]
        platform.freeze(False)
        thawed = time.monotonic()
        qtbot.waitUntil(lambda: session.state is ConnectionState.CONNECTED and _playing(pane, 1), timeout=30_000)
        print(f"\nfrozen platform noticed after {noticed:.1f} s (deadline {HEARTBEAT_S * HEARTBEAT_MISSES:.0f} s); "
              f"live again {time.monotonic() - thawed:.2f} s after SIGCONT")
        assert not pane.grid_staleness.stale
    finally:
        platform.freeze(False)
        pane.shutdown()
        win.close()
        run(session.close())


def test_a_tile_asks_for_a_fresh_ticket_at_every_reconnect(qtbot, login, run, demo, config_dir) -> None:  # type: ignore[no-untyped-def]
    """Tickets live a second here: a reconnect with the first URL would be refused (401)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget
    from wall_helpers import loaded_session

    from controlroom.video.player import TilePlayer
    from controlroom.video.source import TicketLease

    demo.hook("auth-policy", ticket_ttl=1)
    session = loaded_session(login, run)
    surface = QWidget()
    surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    surface.resize(384, 216)
    qtbot.addWidget(surface)
    surface.show()
    qtbot.waitExposed(surface)
    player = TilePlayer()
    player.set_window(int(surface.winId()))
    lease = TicketLease(session.client, cameras_by_stream(session.inventory, 1)[0], "sub", Transport.HTTP_TS)
    try:
        player.play(lease)
        qtbot.waitUntil(lambda: player.state is TileState.PLAYING, timeout=20_000)
        first = lease.fetches
        qtbot.wait(1500)  # the first ticket has expired
        demo.hook("media/stop")
        qtbot.waitUntil(lambda: player.state is TileState.RECONNECTING, timeout=10_000)
        demo.hook("media/start")
        qtbot.waitUntil(lambda: player.state is TileState.PLAYING, timeout=20_000)
        assert lease.fetches > first, "the reconnect reused the expired ticket"
    finally:
        demo.hook("auth-policy", reset=True)
        player.release()
