"""The video-conference pane in the real app: loaded through its entry point, on the real demo
platform, with real libVLC under Xvfb.

The dispatcher joins the demo's village meeting (月度村民大会, 北武台社区): each participant's
tile plays its camera's real sub stream, and the colour read back from the tile's native
surface is the colour of that camera's demo stream. The platform gives the floor to another
participant: the highlight moves. Raise hand: the roster shows it once the platform's event
is back. The wall goes full screen on the chosen screen. Leave: every player is stopped and
released, and no thread is left behind.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path

import pytest
from controlroom.plugins.conference.widgets.pane import COL_HAND, COL_MIC
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QDockWidget

from controlroom.api.schema import Transport
from controlroom.demo.media.clips import STREAM_COLOURS
from controlroom.demo.network import build_network
from controlroom.plugins_loader import PluginState
from controlroom.video import player as player_mod
from controlroom.video.player import TileState

pytestmark = pytest.mark.video

ROOM = "beiwutai-monthly"  # the seed's example: the monthly villagers' meeting of 北武台社区
ME = "desk-dispatcher"




def _colour(tile, fx: float = 0.06, fy: float = 0.5) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """What libVLC put on the tile's native surface, read back from the X server.

    The picture is letterboxed (16:9) inside the surface; its left 20 % is the
    stream's pure background colour.
    """
    img = QGuiApplication.primaryScreen().grabWindow(tile.surface.winId()).toImage()
    w, h = img.width(), img.height()
    vw, vh = min(w, h * 16 / 9), min(h, w * 9 / 16)
    c = img.pixelColor(int((w - vw) / 2 + vw * fx), int((h - vh) / 2 + vh * fy))
    return c.red(), c.green(), c.blue()


def _close(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) < 60


def _players() -> int:
    """libVLC players alive: each belongs to one TilePlayer connection (player, media, bridge).

    Not ``vlc.MediaPlayer`` objects: python-vlc memoizes ``event_manager()`` in a
    class-level dict keyed by the player, so the Python wrapper of every player
    that ever attached events stays referenced after its libVLC player was released.
    """
    gc.collect()
    return sum(isinstance(o, player_mod._Connection) for o in gc.get_objects())


def _screenshot(win: MainWindow, wall, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The main window with the pane, and the conference wall, as the X server shows them."""
    screen = QGuiApplication.primaryScreen()
    a = win.frameGeometry()
    b = wall.frameGeometry()
    area = a.united(b).intersected(screen.geometry())
    shot = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).toImage()
    scaled = shot.scaledToWidth(1440, Qt.TransformationMode.SmoothTransformation)
    out = QImage(scaled.size(), QImage.Format.Format_RGB32)
    painter = QPainter(out)
    painter.drawImage(0, 0, scaled)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert out.save(str(path), "PNG")


def test_join_the_village_meeting_and_see_every_participant(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.setGeometry(0, 0, 1000, 1000)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 60_000)

    # ---- loaded through its entry point, a dock in the real window
    record = win.plugins.manager.records["conference"]
    assert record.state == PluginState.LOADED, record.reason
    plugin = win.plugins.manager.get("conference")
    dock = win.findChild(QDockWidget, "plugin.conference.0")
    assert dock is not None and dock.isVisible() and dock.windowTitle() == "Video conference"
    pane = plugin.pane
    qtbot.waitUntil(lambda: ROOM in plugin.rooms.rooms, timeout=10_000)
    rows = [pane.rooms.item(i).text() for i in range(pane.rooms.count())]
    assert any("月度村民大会" in r for r in rows) and any("not in session" in r for r in rows)

    threads_before = threading.active_count()
    players_before = _players()
    index = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index

    # ---- join: the wall opens, every participant with video plays its camera's stream
    pane.select_room(ROOM)
    assert pane.join_button.isEnabled()
    t0 = time.monotonic()
    qtbot.mouseClick(pane.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plugin.wall is not None and len(plugin.wall.tiles) == 3, timeout=10_000)
    wall = plugin.wall
    wall.setGeometry(1000, 0, 920, 560)
    qtbot.waitExposed(wall)
    tiles = dict(wall.tiles)
    qtbot.waitUntil(lambda: all(t.state is TileState.PLAYING for t in tiles.values()), timeout=30_000)
    playing_after = time.monotonic() - t0
    cams = {p.id: p.camera_id for p in plugin.conference.room.participants if p.camera_id}
    want = {pid: STREAM_COLOURS[index[cams[pid]]] for pid in tiles}
    assert len(set(want.values())) == 3, "the three cameras show three different demo streams"
    try:
        qtbot.waitUntil(lambda: all(_close(_colour(t), want[pid]) for pid, t in tiles.items()), timeout=10_000)
    except Exception:
        print({pid: (_colour(t), want[pid]) for pid, t in tiles.items()})
        raise
    colours_after = time.monotonic() - t0
    print(f"\n3 conference tiles playing after {playing_after:.2f} s, right colours after {colours_after:.2f} s")

    # the desk is a participant now (the platform says so); names are plain text
    qtbot.waitUntil(lambda: pane.participant_item(ME) is not None, timeout=10_000)
    assert pane.participant_item(ME).text(0).endswith("(you)")
    assert all(t.name.textFormat() == Qt.TextFormat.PlainText for t in tiles.values())

    # ---- the platform gives the floor to someone else: the highlight moves
    current = wall.speaker_tile()
    target = next(pid for pid in tiles if current is None or pid != current.participant_id)
    demo.hook("conference", room_id=ROOM, participant_id=target)
    qtbot.waitUntil(lambda: wall.speaker_tile() is tiles[target], timeout=10_000)
    assert tiles[target].badge.isVisible() and tiles[target].badge.text() == "● Speaking"
    assert [pid for pid, t in tiles.items() if t.speaking] == [target]
    assert all(not t.badge.isVisible() for pid, t in tiles.items() if pid != target)
    assert pane.participant_item(target).text(COL_MIC) == "Speaking"

    # ---- raise hand: nothing changes until the platform's event comes back. (The demo's
    # simulated meeting moves every participant, this desk too: it may have raised or
    # lowered the hand already, so the test asks for the other state.)
    hand = lambda: pane.participant_item(ME).text(COL_HAND)  # noqa: E731
    raised = hand() == "Raised"
    assert pane.hand_button.text() == ("Lower hand" if raised else "Raise hand")
    qtbot.mouseClick(pane.hand_button, Qt.MouseButton.LeftButton)
    assert hand() == ("Raised" if raised else ""), "the click alone shows nothing"
    qtbot.waitUntil(lambda: hand() == ("" if raised else "Raised"), timeout=10_000)
    assert pane.hand_button.text() == ("Raise hand" if raised else "Lower hand")
    if raised:  # and up again, now that the test knows where it stands
        qtbot.mouseClick(pane.hand_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: hand() == "Raised", timeout=10_000)
    print(f"hand raised at {time.monotonic() - t0:.2f} s")

    if shot := os.environ.get("CONTROLROOM_SCREENSHOT"):
        pane.roster.setCurrentItem(pane.participant_item(target))
        for other in win.findChildren(QDockWidget):  # other plugins' panes: not this picture's subject
            if other.objectName().startswith("plugin.") and other is not dock:
                other.hide()
        win.setGeometry(0, 0, 1920, 650)
        wall.setGeometry(0, 650, 1920, 430)
        qtbot.waitUntil(lambda: win.width() == 1920 and wall.height() == 430, timeout=5000)
        win.resizeDocks([win.dock, dock], [230, 470], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: abs(dock.width() - 470) <= 40, timeout=5000)
        # the tiles' video is painted into their new size before the picture
        qtbot.waitUntil(lambda: all(_close(_colour(t), want[pid]) for pid, t in tiles.items()), timeout=10_000)
        # the simulated meeting goes on meanwhile: give the floor again just before the picture
        demo.hook("conference", room_id=ROOM, participant_id=target)
        qtbot.waitUntil(lambda: wall.speaker_tile() is tiles[target] and hand() == "Raised", timeout=10_000)
        _screenshot(win, wall, Path(shot))

    # ---- meeting display: full screen, no chrome, on the chosen screen (one under Xvfb)
    assert pane.screens.count() == len(QGuiApplication.screens())
    screen = pane.chosen_screen()
    assert screen is not None
    surfaces = {pid: int(t.surface.winId()) for pid, t in tiles.items()}
    qtbot.mouseClick(pane.display_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wall.isFullScreen() and wall.geometry() == screen.geometry(), timeout=5000)
    assert wall.windowHandle().screen() is screen
    assert not wall.header.isVisible()
    assert {pid: int(t.surface.winId()) for pid, t in tiles.items()} == surfaces, "no surface was recreated"
    qtbot.waitUntil(lambda: all(t.state is TileState.PLAYING and _close(_colour(t), want[pid])
                                for pid, t in tiles.items()), timeout=10_000)
    assert plugin.ctx.settings.get("display_screen") == screen.name()
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wall.isFullScreen() and wall.header.isVisible(), timeout=5000)

    print(f"meeting display done at {time.monotonic() - t0:.2f} s")

    # ---- leave: every player stopped and released, the wall gone, no thread left
    players = [t.player for t in tiles.values()]
    assert _players() > players_before
    t_leave = time.monotonic()
    qtbot.mouseClick(pane.leave_button, Qt.MouseButton.LeftButton)
    print(f"leave (stop + release of 3 players) took {time.monotonic() - t_leave:.2f} s")
    assert plugin.wall is None and plugin.conference is None
    assert all(p._released and p._live is None and p._next is None for p in players)
    players.clear()
    tiles.clear()
    wall = None  # the last references to the tiles: their Python wrappers may go
    qtbot.waitUntil(lambda: _players() == players_before, timeout=5000)
    print(f"players gone at {time.monotonic() - t0:.2f} s")
    qtbot.waitUntil(lambda: threading.active_count() <= threads_before, timeout=10_000)
    print(f"threads back at {time.monotonic() - t0:.2f} s")
    qtbot.waitUntil(lambda: all(p.id != ME for p in plugin.rooms.rooms[ROOM].participants), timeout=10_000)
    assert pane.roster.topLevelItemCount() == 0 and not pane.leave_button.isEnabled()

    win.close()
    assert win.plugins.manager.get("conference") is None


def test_screens_listed_are_the_screens_there_are(qtbot) -> None:  # type: ignore[no-untyped-def]
    from controlroom.plugins.conference.widgets.pane import ConferencePane

    pane = ConferencePane()
    qtbot.addWidget(pane)
    names = [pane.screens.itemData(i) for i in range(pane.screens.count())]
    assert names == [s.name() for s in QGuiApplication.screens()]
    assert pane.chosen_screen() in QGuiApplication.screens()
    assert not pane.display_button.isEnabled(), "nothing to show before joining"
    assert QRect() != pane.chosen_screen().geometry()


def test_presenter_only_views_and_closing_the_window_leaves(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = login("presenter", "present123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    run(load_session(session, win), 60_000)
    plugin = win.plugins.manager.get("conference")
    pane = plugin.pane
    qtbot.waitUntil(lambda: "county-consult" in plugin.rooms.rooms, timeout=10_000)
    players_before = _players()

    # the county's consultation room: the dispatch centre takes part without a camera
    pane.select_room("county-consult")
    qtbot.mouseClick(pane.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plugin.wall is not None and pane.participant_item("p0") is not None, timeout=10_000)
    wall = plugin.wall
    with_camera = {p.id for p in plugin.conference.room.participants if p.camera_id}
    assert set(wall.tiles) == with_camera and "p0" not in wall.tiles, "no camera, no tile; still in the roster"
    assert plugin.conference.me is None and pane.participant_item("desk-presenter") is None, \
        "a meeting display watches without a roster entry"
    qtbot.waitUntil(lambda: all(t.state is TileState.PLAYING for t in wall.tiles.values()), timeout=30_000)

    # a presenter only views: no mute, no hand, and the buttons say why
    pane.roster.setCurrentItem(pane.participant_item("p1"))
    assert not pane.mute_button.isEnabled() and pane.mute_button.toolTip() == (
        "This login is a presenter (view only): it may not mute other participants.")
    assert not pane.hand_button.isEnabled() and pane.hand_button.toolTip() == (
        "This login is a presenter (view only): it may not speak in a conference.")

    # closing the main window while in the meeting: players released
    players = [t.player for t in wall.tiles.values()]
    win.close()
    assert all(p._released and p._live is None for p in players)
    players.clear()
    wall = None
    qtbot.waitUntil(lambda: _players() == players_before, timeout=5000)


def test_only_the_chair_may_mute_others(qtbot) -> None:  # type: ignore[no-untyped-def]
    from controlroom.plugins.conference.widgets.pane import ConferencePane

    from controlroom.api.schema import ConferenceRoom, Participant, Role, Scope, User

    def person(pid: str) -> Participant:
        return Participant(id=pid, name=pid, site_id=None, camera_id=None, muted=True, speaking=False,
                           hand_raised=False)

    room = ConferenceRoom(id="r", name="会商", active=True, participants=[person("p1"), person("desk-town03")],
                          members=["town03"], chair="dispatcher")
    pane = ConferencePane()
    qtbot.addWidget(pane)
    pane.user = User(username="town03", display_name="武台镇", role=Role.TOWN_DESK, scope=Scope(towns=[3]))
    pane.show_roster(room, "desk-town03", {})
    pane.roster.setCurrentItem(pane.participant_item("p1"))
    assert not pane.mute_button.isEnabled()
    assert pane.mute_button.toolTip() == (
        "Only the conference's chair (the county dispatch) mutes others; you may mute only yourself.")
    pane.roster.setCurrentItem(pane.participant_item("desk-town03"))
    assert pane.mute_button.isEnabled()
    assert pane.mute_button.toolTip() == "Your own microphone (select a participant for theirs)"
    assert pane.hand_button.isEnabled()

    pane.user = User(username="dispatcher", display_name="调度", role=Role.DISPATCHER, scope=Scope())  # the chair
    pane.show_roster(room, "desk-dispatcher", {})
    pane.roster.setCurrentItem(pane.participant_item("p1"))
    assert pane.mute_button.isEnabled()

    pane.user = User(username="dispatcher2", display_name="调度二", role=Role.DISPATCHER, scope=Scope())
    pane.show_roster(room, "desk-dispatcher2", {})  # a dispatcher who does not chair this room
    pane.roster.setCurrentItem(pane.participant_item("p1"))
    assert not pane.mute_button.isEnabled()
    assert pane.mute_button.toolTip() == "Only the conference's chair mutes others; you may mute only yourself."
