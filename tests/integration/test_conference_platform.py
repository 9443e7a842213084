"""Conference rooms on the real demo platform.

Rooms have invited members: only they and dispatchers see a room, hear of it
and may join it, and only while it is in session. Join makes a desk a
participant; raise hand and mute change the room for every member
(conference.updated). Only the chair (a dispatcher) mutes others; a
participant mutes only itself; presenters only view."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from waiting import async_wait_until

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.events import EventStream, StreamState
from controlroom.api.schema import ConferenceEvent, ConferenceRoom, Event, Participant

ROOM = "beiwutai-monthly"  # members: town03 (武台镇), town05 (柏林镇), presenter; chair: dispatcher
IDLE_ROOM = "flood-control"  # not in session; members: town01, town02, town03, presenter


async def _login(url: str, user: str, password: str) -> PlatformClient:
    client = PlatformClient(url)
    await client.login(user, password)
    return client


def _who(room: ConferenceRoom, pid: str) -> Participant | None:
    return next((p for p in room.participants if p.id == pid), None)


async def _live(stream: EventStream) -> None:
    """Subscribed: what happens from now on reaches the stream."""
    await async_wait_until(lambda: stream.state == StreamState.LIVE, "the event stream to be live")


async def _heard(got: list[Event], test: Callable[[ConferenceRoom], bool], room_id: str = ROOM) -> ConferenceRoom:
    """The first conference.updated event for ``room_id`` that passes ``test``."""

    def found() -> ConferenceRoom | None:
        return next((ev.room for ev in got if isinstance(ev, ConferenceEvent)
                     and ev.room.id == room_id and test(ev.room)), None)

    return await async_wait_until(found, f"a conference.updated event for {room_id} that the test expects")


async def test_join_hand_mute_leave_reach_every_member(demo) -> None:
    chair = await _login(demo.url, "dispatcher", "dispatch123")
    screen = await _login(demo.url, "presenter", "present123")
    heard: list[Event] = []
    stream = EventStream(screen, heard.extend)  # the presenter's client listens
    stream.start()
    try:
        await _live(stream)
        # a hand needs a participant: not joined yet -> refused (409)
        with pytest.raises(errors.PlatformError) as info:
            await chair.raise_hand(ROOM, True)
        assert info.value.status == 409

        # ---- join: the desk is a participant (muted, no camera); the others hear of it
        joined = await chair.join_conference(ROOM)
        assert joined.participant_id == "desk-dispatcher"
        assert joined.room.chair == "dispatcher"
        me = _who(joined.room, "desk-dispatcher")
        assert me is not None and me.name == "县指挥中心调度员" and me.muted and me.camera_id is None
        assert me.site_id is not None
        cams = {p.id for p in joined.room.participants if p.camera_id}
        assert {s.participant_id for s in joined.streams} == cams, "every camera participant has streams"
        await _heard(heard, lambda r: _who(r, "desk-dispatcher") is not None)

        # ---- raise hand: the answer and the event say so
        room = await chair.raise_hand(ROOM, True)
        assert _who(room, "desk-dispatcher").hand_raised  # type: ignore[union-attr]
        await _heard(heard, lambda r: bool((p := _who(r, "desk-dispatcher")) and p.hand_raised))
        room = await chair.raise_hand(ROOM, False)
        assert not _who(room, "desk-dispatcher").hand_raised  # type: ignore[union-attr]

        # ---- the chair mutes a village participant (who loses the floor if it had it)
        room = await chair.request_mute(ROOM, "p0", True)
        p0 = _who(room, "p0")
        assert p0 is not None and p0.muted and not p0.speaking
        await _heard(heard, lambda r: bool((p := _who(r, "p0")) and p.muted))
        room = await chair.request_mute(ROOM, "p0", False)
        assert not _who(room, "p0").muted  # type: ignore[union-attr]
        with pytest.raises(errors.NotFoundError):
            await chair.request_mute(ROOM, "no-such-participant", True)

        # ---- a malformed request is a 400 with the path of the bad field
        r = await chair.http.post(f"/api/v1/conferences/{ROOM}/mute", json={"participant_id": "p0"},
                                  headers=await chair.auth_headers())
        assert r.status_code == 400 and "muted" in r.text

        # ---- leave: the desk is gone from the room, for everyone
        left = await chair.leave_conference(ROOM)
        assert _who(left, "desk-dispatcher") is None
        await _heard(heard, lambda r: _who(r, "desk-dispatcher") is None)
    finally:
        await stream.stop()
        await chair.aclose()
        await screen.aclose()


async def test_presenters_only_view(demo) -> None:
    screen = await _login(demo.url, "presenter", "present123")
    try:
        joined = await screen.join_conference(ROOM)  # a member: it may watch
        assert joined.participant_id is None, "a meeting display is no participant"
        assert all(p.id != "desk-presenter" for p in joined.room.participants)
        assert joined.streams, "it sees the participants' video"
        with pytest.raises(errors.ForbiddenError):
            await screen.request_mute(ROOM, "p1", False)
        with pytest.raises(errors.ForbiddenError):
            await screen.raise_hand(ROOM, True)
        await screen.leave_conference(ROOM)
    finally:
        await screen.aclose()


async def test_a_participant_mutes_only_itself(demo) -> None:
    desk = await _login(demo.url, "town03", "desk123")  # 武台镇: a member, not the chair
    try:
        joined = await desk.join_conference(ROOM)
        assert joined.participant_id == "desk-town03"
        room = await desk.request_mute(ROOM, "desk-town03", False)
        assert not _who(room, "desk-town03").muted  # type: ignore[union-attr]
        room = await desk.request_mute(ROOM, "desk-town03", True)
        assert _who(room, "desk-town03").muted  # type: ignore[union-attr]
        before = _who(room, "p1")
        assert before is not None
        with pytest.raises(errors.ForbiddenError) as info:
            await desk.request_mute(ROOM, "p1", not before.muted)
        assert "chair" in info.value.detail
        after = _who(await desk.leave_conference(ROOM), "p1")
        assert after is not None and after.muted == before.muted, "the refused request changed nothing"
    finally:
        await desk.aclose()


async def test_a_room_is_only_for_its_members(demo) -> None:
    outsider = await _login(demo.url, "town01", "desk123")  # not invited to ROOM, invited to IDLE_ROOM
    chair = await _login(demo.url, "dispatcher", "dispatch123")
    heard: list[Event] = []
    stream = EventStream(outsider, heard.extend)
    stream.start()
    try:
        assert {r.id for r in await chair.conferences()} == {"county-consult", ROOM, IDLE_ROOM}
        mine = {r.id: r for r in await outsider.conferences()}
        assert ROOM not in mine and IDLE_ROOM in mine, "a desk sees the rooms it is invited to"
        assert "town01" in mine[IDLE_ROOM].members
        # to a non-member the room does not exist, whatever it asks
        with pytest.raises(errors.NotFoundError):
            await outsider.join_conference(ROOM)
        with pytest.raises(errors.NotFoundError):
            await outsider.request_mute(ROOM, "p0", True)
        with pytest.raises(errors.NotFoundError):
            await outsider.raise_hand(ROOM, True)
        with pytest.raises(errors.NotFoundError):
            await outsider.leave_conference(ROOM)

        # events: a change in ROOM, then one in IDLE_ROOM; the stream is ordered, so when the
        # outsider hears the second it would have heard the first
        await _live(stream)
        demo.hook("conference", room_id=ROOM, participant_id="p1", speaking=True)
        demo.hook("conference", room_id=IDLE_ROOM, active=False)
        await _heard(heard, lambda r: True, IDLE_ROOM)
        assert not any(isinstance(ev, ConferenceEvent) and ev.room.id == ROOM for ev in heard), \
            "a non-member heard of the room"
    finally:
        await stream.stop()
        await outsider.aclose()
        await chair.aclose()


async def test_join_only_while_in_session(demo) -> None:
    member = await _login(demo.url, "town01", "desk123")
    chair = await _login(demo.url, "dispatcher", "dispatch123")
    try:
        for client in (member, chair):
            with pytest.raises(errors.PlatformError) as info:
                await client.join_conference(IDLE_ROOM)
            assert info.value.status == 409 and "not in session" in info.value.detail
        demo.hook("conference", room_id=IDLE_ROOM, active=True)
        try:
            joined = await member.join_conference(IDLE_ROOM)
            assert joined.participant_id == "desk-town01"
        finally:
            demo.hook("conference", room_id=IDLE_ROOM, active=False)
        room = next(r for r in await member.conferences() if r.id == IDLE_ROOM)
        assert not room.active and not room.participants, "the session ended: its desks are out"
    finally:
        await member.aclose()
        await chair.aclose()


async def test_a_desk_in_a_meeting_may_play_the_participants_outside_its_town(demo) -> None:
    import httpx

    from controlroom.api.schema import Transport

    desk = await _login(demo.url, "town05", "desk123")  # 柏林镇: the meeting is in 武台镇
    try:
        rooms = {r.id: r for r in await desk.conferences()}
        joined = await desk.join_conference(ROOM)
        stream = next(s for s in joined.streams if s.streams)
        camera_id = next(p.camera_id for p in rooms[ROOM].participants if p.id == stream.participant_id)
        assert camera_id is not None
        url = (await desk.stream_ticket(camera_id, "sub")).urls[Transport.HTTP_TS]
        assert not camera_id.startswith("37132605"), "the test needs another town's camera"

        async def status() -> int:
            async with httpx.AsyncClient() as raw, raw.stream("GET", url) as r:
                return r.status_code

        assert await status() == 200  # in the meeting: its participants' video
        with pytest.raises(errors.NotFoundError):
            await desk.camera(camera_id)  # still outside the desk's inventory (404: ids are not revealed)
        await desk.leave_conference(ROOM)
        # out of the meeting: out of scope again; its ticket no longer opens the stream, nor is a new one given
        assert await status() == 404
        with pytest.raises(errors.NotFoundError):
            await desk.stream_ticket(camera_id, "sub")
    finally:
        await desk.aclose()
