"""The video coordinator on its own: real demo platform, real libVLC, native windows from plain QWidgets.

No WallPane here: the coordinator gets two window ids per slot and a
``SessionSource`` (the inventory and the session's stream tickets), and is
checked by what it reports (states with structured reasons, swaps, watched
cameras) and by what the players really do.
"""

from __future__ import annotations

from typing import Any

import pytest
from controlroom.ui.video_words import reason_words
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget
from wall_helpers import cameras_by_stream, loaded_session

from controlroom.api.schema import StreamProfile, Transport
from controlroom.video.coordinator import SessionSource, Shown, VideoCoordinator
from controlroom.video.player import TileState
from controlroom.video.reasons import PlayerReason, ReasonKind
from controlroom.video.source import FixedLease, StreamLease, TicketLease
from controlroom.video.streams import StreamChoice
from controlroom.wall.policy import Decision

pytestmark = pytest.mark.video


def _surfaces(qtbot: Any, n: int) -> tuple[QWidget, list[QWidget]]:
    host = QWidget()
    row = QHBoxLayout(host)
    surfaces = []
    for _ in range(n):
        w = QWidget(host)
        w.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        w.setMinimumSize(320, 180)
        row.addWidget(w)
        surfaces.append(w)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, surfaces


class Record:
    def __init__(self, coord: VideoCoordinator) -> None:
        self.events: list[tuple[str, str]] = []
        self.states: list[tuple[int, TileState, PlayerReason]] = []
        self.swaps: list[int] = []
        coord.watching_started.connect(lambda c: self.events.append(("started", c)))
        coord.watching_stopped.connect(lambda c: self.events.append(("stopped", c)))
        coord.state_changed.connect(lambda k, s, r: self.states.append((k, s, r)))
        coord.swapped.connect(self.swaps.append)


def test_preroll_swap_suspend_resume_and_who_is_watched(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    a, b = cameras_by_stream(session.inventory, 2)
    _host, (front, back) = _surfaces(qtbot, 2)
    coord = VideoCoordinator(SessionSource(session))
    rec = Record(coord)
    key = coord.add_slot(int(front.winId()), int(back.winId()))
    slot = coord.slots[key]
    try:
        assert coord.show(key, a) is Shown.STARTING
        assert rec.events == [("started", a)]
        qtbot.waitUntil(lambda: coord.state(key) is TileState.PLAYING, timeout=20_000)
        lease = slot.front._lease
        assert isinstance(lease, TicketLease) and lease.fetches >= 1  # a fresh ticket per connect
        assert slot.first_frame is not None and slot.first_frame > 0
        assert rec.states[-1][1] is TileState.PLAYING and not rec.states[-1][2]  # nothing to explain

        # a tour's next camera pre-rolls on the hidden window: not watched yet
        coord.preroll(key, b)
        assert slot.back is not None
        qtbot.waitUntil(lambda: slot.back is not None and slot.back.state is TileState.PLAYING, timeout=20_000)
        assert slot.back_camera == b and rec.events == [("started", a)]
        old_front = slot.front

        # the step: the pre-rolled player comes to the front at once, already live
        assert coord.show(key, b) is Shown.SWAPPED
        assert rec.swaps == [key]
        assert slot.front is not old_front and slot.front.state is TileState.PLAYING
        assert slot.front_window == int(back.winId()) and slot.camera_id == b
        assert rec.events == [("started", a), ("stopped", a), ("started", b)]
        qtbot.waitUntil(lambda: old_front.state is TileState.IDLE, timeout=5000)

        # lent out (playback takes the window): players stopped, lease gone, not watched
        window = coord.suspend(key)
        assert window == int(back.winId())
        assert slot.front.state is TileState.IDLE and slot.front._lease is None
        assert rec.events[-1] == ("stopped", b) and coord.watched() == set()
        assert coord.show(key, b) is Shown.SAME  # the wall may relabel: nothing starts
        # given back: the same camera plays again in the same window
        coord.resume(key)
        assert rec.events[-1] == ("started", b)
        qtbot.waitUntil(lambda: coord.state(key) is TileState.PLAYING, timeout=20_000)
        assert slot.front_window == window

        # cleared: stopped, no longer watched
        assert coord.show(key, None) is Shown.EMPTY
        assert rec.events[-1] == ("stopped", b)
        assert slot.front.state is TileState.IDLE
    finally:
        coord.shutdown()
    assert slot.front._released and slot.back is not None and slot.back._released


def test_a_profile_switch_prerolls_behind_and_swaps_on_the_first_picture(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    (cam,) = cameras_by_stream(session.inventory, 1)
    main = next(p for p in session.inventory.cameras[cam].streams if p.name == "main")
    _host, (front, back) = _surfaces(qtbot, 2)
    coord = VideoCoordinator(SessionSource(session))
    rec = Record(coord)
    key = coord.add_slot(int(front.winId()), int(back.winId()))
    slot = coord.slots[key]
    try:
        coord.show(key, cam, Decision("sub"))
        qtbot.waitUntil(lambda: coord.state(key) is TileState.PLAYING, timeout=20_000)
        assert slot.profile == "sub"
        playing_sub = slot.front
        assert coord.apply(key, Decision("main"), keyframes_only=False)
        # the sub stream stays on screen while main pre-rolls behind
        assert slot.front is playing_sub and slot.back_for_switch and slot.back_profile == "main"
        qtbot.waitUntil(lambda: slot.profile == "main" and rec.swaps == [key], timeout=20_000)
        qtbot.waitUntil(lambda: (slot.front.decoded_size() or (0, 0))[0] == main.width, timeout=10_000)
        assert coord.watched() == {cam}, "a profile switch is the same camera watched"
        assert rec.events == [("started", cam)]
        assert not coord.apply(99, Decision("main"), False), "no such slot: nothing to do"
    finally:
        coord.shutdown()


class _Fixed:
    """A source that hands out one fixed URL per camera (what a static file of cameras does)."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.urls = urls

    def streams(self, camera_id: str) -> list[StreamProfile] | None:
        url = self.urls.get(camera_id)
        if url is None:
            return None
        return [StreamProfile(name="sub", width=640, height=360, fps=25, codec="h264",
                              urls={Transport.HTTP_TS: url})]

    def online(self, camera_id: str) -> bool | None:
        return None

    def lease(self, camera_id: str, choice: StreamChoice) -> StreamLease:
        return FixedLease(self.urls[camera_id], choice.transport)


def test_reasons_come_structured_and_are_worded_by_the_ui(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    (cam,) = cameras_by_stream(session.inventory, 1)
    # the inventory's public URL without a stream ticket: the real media server refuses it
    public = session.inventory.cameras[cam].streams[0].urls[Transport.HTTP_TS]
    source = _Fixed({"untick": public, "file": "file:///etc/passwd"})
    _host, surfaces = _surfaces(qtbot, 2)
    coord = VideoCoordinator(source)
    rec = Record(coord)
    k1 = coord.add_slot(int(surfaces[0].winId()))  # no hidden window: no pre-roll
    k2 = coord.add_slot(int(surfaces[1].winId()))
    try:
        assert coord.show(k1, "nowhere") is Shown.MISSING
        coord.preroll(k1, "untick")  # no back window: ignored
        assert coord.slots[k1].back_camera is None
        coord.show(k1, "untick")
        coord.show(k2, "file")
        qtbot.waitUntil(lambda: coord.state(k1) is TileState.FAILED and coord.state(k2) is TileState.FAILED,
                        timeout=20_000)
        failed = {k: r for k, s, r in rec.states if s is TileState.FAILED}
        refused = failed[k1]
        assert refused.refused and refused.status in (401, 403), refused
        assert refused.text == "" or "ticket=" not in refused.text
        words = reason_words(refused)
        assert f"({refused.status})" in words
        local = failed[k2]
        assert local.kind is ReasonKind.REFUSED_URL and local.refusal is not None
        assert reason_words(local) == "Refused: the platform gave a local-file URL."
        assert coord.slots[k2].front.attempts == 0, "refused before libVLC"
    finally:
        coord.shutdown()


def test_the_main_wall_reports_who_is_watched_through_its_coordinator(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    from controlroom.ui.wall.wall_view import WallPane
    from PySide6.QtWidgets import QMainWindow

    from controlroom.wall.layouts import preset

    session = loaded_session(login, run)
    a, b = cameras_by_stream(session.inventory, 2)
    win = QMainWindow()
    pane = WallPane(session, win)
    win.setCentralWidget(pane)
    win.resize(800, 450)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    rec = Record(pane.coordinator)
    try:
        pane.set_layout(preset(4))
        pane.controller.assign(0, a)
        pane.controller.assign(1, a)  # the same camera twice: watched once
        pane.controller.assign(2, b)
        qtbot.waitUntil(lambda: all(pane.state_of(t) is TileState.PLAYING for t in range(3)), timeout=30_000)
        assert rec.events == [("started", a), ("started", b)]
        assert pane.videos[0] is pane.coordinator.slots[0] and pane.profile_of(0) == "sub"
        pane.controller.clear(0)
        assert rec.events[-1] == ("started", b), "tile 1 still shows it"
        pane.controller.clear(1)
        assert rec.events[-1] == ("stopped", a)
        # the tile's words come from the structured reason: "Live" with nothing to explain
        assert pane.tiles[2].state == "playing" and pane.tiles[2].detail == ""
    finally:
        pane.shutdown()
        win.close()
    assert rec.events[-1] == ("stopped", b), "closing the wall stops watching"
