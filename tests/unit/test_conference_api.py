"""The conference pane's logic without a display: rooms from events, the joined room's changes,
the stream a tile plays, the wall's grid."""

from __future__ import annotations

from datetime import UTC, datetime

from controlroom.plugins.conference.api import Conference, Rooms, pick_stream
from controlroom.plugins.conference.widgets.wall import grid_shape

from controlroom.api.schema import (
    ConferenceEvent,
    ConferenceJoin,
    ConferenceRoom,
    Participant,
    ParticipantStream,
    ResyncEvent,
    StreamProfile,
    Transport,
)
from controlroom.video.transports import choose_transport


def _p(pid: str, *, speaking: bool = False, camera: str | None = "37132603011310000445") -> Participant:
    return Participant(id=pid, name=f"<b>{pid}</b>", site_id=None, camera_id=camera, muted=False,
                       speaking=speaking, hand_raised=False)


def _room(*ps: Participant, rid: str = "r1", active: bool = True) -> ConferenceRoom:
    return ConferenceRoom(id=rid, name=rid, active=active, participants=list(ps))


def _ev(room: ConferenceRoom, n: int = 1) -> ConferenceEvent:
    return ConferenceEvent(id=n, at=datetime.now(UTC), inventory_version=1, room=room)


def _profile(name: str, w: int, urls: dict[Transport, str]) -> StreamProfile:
    return StreamProfile(name=name, width=w, height=w * 9 // 16, fps=25, codec="h264", urls=urls)


def test_rooms_follow_events_and_ask_for_a_resync() -> None:
    rooms = Rooms()
    rooms.replace([_room(rid="b", active=False), _room(_p("p0"), rid="a")])
    assert [r.id for r in rooms.ordered()] == ["a", "b"], "rooms in session first"
    changed, resync = rooms.apply([_ev(_room(_p("p0"), _p("p1"), rid="a"))])
    assert [r.id for r in changed] == ["a"] and not resync
    assert len(rooms.rooms["a"].participants) == 2
    _changed, resync = rooms.apply([ResyncEvent(id=2, at=datetime.now(UTC), inventory_version=2, reason="x")])
    assert resync


def test_the_joined_room_says_who_came_left_and_has_the_floor() -> None:
    join = ConferenceJoin(room=_room(_p("p0", speaking=True), _p("p1"), _p("me", camera=None)),
                          streams=[ParticipantStream("p0", []), ParticipantStream("p1", [_profile("sub", 640, {})])],
                          participant_id="me")
    conf = Conference(join)
    assert conf.myself is not None and conf.myself.id == "me"
    assert conf.speaker is not None and conf.speaker.id == "p0"
    assert [p.id for p in conf.with_video()] == ["p1"], "no stream, no tile"
    change = conf.update(_room(_p("p1", speaking=True), _p("me", camera=None), _p("p2")))
    assert change.added == ["p2"] and change.removed == ["p0"]
    assert change.speaker_moved and (change.speaker_before, change.speaker_after) == ("p0", "p1")
    assert "p0" not in conf.streams


def test_a_tile_plays_the_sub_stream_over_a_playable_transport() -> None:
    main = _profile("main", 1280, {Transport.RTSP: "rtsp://m", Transport.HTTP_TS: "http://m"})
    sub = _profile("sub", 640, {Transport.RTSP: "rtsp://s", Transport.HTTP_TS: "http://s"})
    both = {Transport.RTSP, Transport.HTTP_TS}
    profile, transport, url = pick_stream([main, sub], lambda urls: choose_transport(urls, both))  # type: ignore[misc]
    assert (profile.name, transport, url) == ("sub", Transport.RTSP, "rtsp://s")
    only_main = _profile("sub", 640, {Transport.HLS: "http://s.m3u8"})
    chosen = pick_stream([main, only_main], lambda urls: choose_transport(urls, {Transport.HTTP_TS}))
    assert chosen is not None and chosen[0].name == "main", "the main stream when the sub cannot play here"
    assert pick_stream([only_main], lambda urls: choose_transport(urls, {Transport.RTSP})) is None


def test_grid_gives_the_biggest_pictures() -> None:
    assert grid_shape(1, 800, 600) == (1, 1)
    assert grid_shape(3, 1920, 430) == (1, 3), "a wide strip: side by side"
    assert grid_shape(4, 1920, 1080) == (2, 2)
    assert grid_shape(9, 1920, 1080) == (3, 3)
    rows, cols = grid_shape(6, 1280, 720)
    assert rows * cols >= 6
