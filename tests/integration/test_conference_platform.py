"""Conference requests on the real demo platform: join makes the desk a participant,
raise hand and mute change the room for every client (conference.updated), presenters
may mute only themselves."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.events import EventStream
from controlroom.api.schema import ConferenceEvent, ConferenceRoom, Event, Participant

ROOM = "beiwutai-monthly"


async def _login(url: str, user: str, password: str) -> PlatformClient:
    client = PlatformClient(url)
    await client.login(user, password)
    return client


def _who(room: ConferenceRoom, pid: str) -> Participant | None:
    return next((p for p in room.participants if p.id == pid), None)


async def _heard(got: list[Event], test: Callable[[ConferenceRoom], bool], timeout: float = 15) -> ConferenceRoom:
    """The first conference.updated event for ROOM that passes ``test``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for ev in got:
            if isinstance(ev, ConferenceEvent) and ev.room.id == ROOM and test(ev.room):
                return ev.room
        await asyncio.sleep(0.05)
    raise AssertionError("the platform never told the other client")


async def test_join_hand_mute_leave_reach_every_client(demo) -> None:
    chair = await _login(demo.url, "dispatcher", "dispatch123")
    screen = await _login(demo.url, "presenter", "present123")
    heard: list[Event] = []
    stream = EventStream(screen, heard.extend)  # the presenter's client listens
    stream.start()
    try:
        # a hand needs a participant: not joined yet -> refused (409)
        with pytest.raises(errors.PlatformError) as info:
            await chair.raise_hand(ROOM, True)
        assert info.value.status == 409

        # ---- join: the desk is a participant (muted, no camera); the others hear of it
        joined = await chair.join_conference(ROOM)
        assert joined.participant_id == "desk-dispatcher"
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
        with pytest.raises(errors.NotFoundError):
            await chair.request_mute(ROOM, "no-such-participant", True)

        # ---- a presenter may not mute others (403), only itself
        await screen.join_conference(ROOM)
        with pytest.raises(errors.ForbiddenError):
            await screen.request_mute(ROOM, "p0", False)
        room = await screen.request_mute(ROOM, "desk-presenter", False)
        assert not _who(room, "desk-presenter").muted  # type: ignore[union-attr]

        # ---- a malformed request is a 400 with the path of the bad field
        r = await chair.http.post(f"/api/v1/conferences/{ROOM}/mute", json={"participant_id": "p0"},
                                  headers=await chair.auth_headers())
        assert r.status_code == 400 and "muted" in r.text

        # ---- leave: the desks are gone from the room, for everyone
        left = await chair.leave_conference(ROOM)
        assert _who(left, "desk-dispatcher") is None
        await screen.leave_conference(ROOM)
        await _heard(heard, lambda r: _who(r, "desk-dispatcher") is None and _who(r, "desk-presenter") is None)
    finally:
        await stream.stop()
        await chair.aclose()
        await screen.aclose()


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
