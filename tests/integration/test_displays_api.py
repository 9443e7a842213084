"""Meeting displays on the real demo platform (issue 13): registry, push, roles, scope, events, deadline.

Everything goes over loopback HTTP to the demo platform process, through the
client's own ``DisplaysApi`` and ``EventStream``.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from controlroom import displays
from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.events import EventStream
from controlroom.api.schema import (
    DisplayShowEvent,
    DisplayUpdatedEvent,
    Event,
    ShowBlank,
    ShowCamera,
    ShowConference,
    ShowIncident,
)
from controlroom.demo.network import build_network
from controlroom.wall.layouts import preset
from tests.waiting import async_wait_until

PASSWORDS = {"dispatcher": "dispatch123", "presenter": "present123"}
NET = build_network(lambda c, p: {})


def _password(user: str) -> str:
    return PASSWORDS.get(user, "desk123")


@pytest.fixture
def deadline(demo: Any) -> Iterator[Any]:
    yield lambda seconds: demo.hook("displays", deadline=seconds)
    demo.hook("displays", deadline=15.0)


@pytest.fixture
async def login(demo: Any) -> AsyncIterator[Any]:
    clients: list[PlatformClient] = []

    async def make(user: str) -> PlatformClient:
        c = PlatformClient(demo.url)
        await c.login(user, _password(user))
        clients.append(c)
        return c

    yield make
    for c in clients:
        await c.logout()
        await c.aclose()


def _name() -> str:
    return f"会议室投影 {uuid.uuid4().hex[:6]}"


def _camera(town: int | None = None, *, outside: int | None = None) -> str:
    for cam in NET.cameras:
        t = NET.town_of_camera(cam.id)
        if (town is None or t == town) and (outside is None or t != outside):
            return cam.id
    raise AssertionError("no camera")


async def test_a_display_registers_and_a_dispatcher_pushes_a_camera_and_a_view(login: Any) -> None:
    display, dispatcher = await login("presenter"), await login("dispatcher")
    name = _name()
    heard: list[Event] = []
    stream = EventStream(display, heard.extend)
    stream.start()
    try:
        await async_wait_until(lambda: stream.state == "live", what="the display's event stream")
        me = await displays.DisplaysApi(display).heartbeat(name)
        assert me.online and me.user == "presenter" and me.showing is None
        listed = {d.name: d for d in await displays.DisplaysApi(dispatcher).list()}
        assert listed[name].online

        cam = _camera()
        after = await displays.DisplaysApi(dispatcher).show(name, ShowCamera(camera_id=cam))
        assert after.showing == ShowCamera(camera_id=cam) and after.sent_by == "dispatcher" and after.seq == 1
        view = displays.view_content("四画面", preset(4), {0: cam, 3: _camera(2)})
        await displays.DisplaysApi(dispatcher).show(name, view)

        def shows() -> list[Any]:
            return [e for e in heard if isinstance(e, DisplayShowEvent) and e.name == name]

        await async_wait_until(lambda: len(shows()) == 2, what="two display.show events")
        assert [e.content for e in shows()] == [ShowCamera(camera_id=cam), view]
        assert all(e.sent_by == "dispatcher" for e in shows())
        updated = [e.display for e in heard if isinstance(e, DisplayUpdatedEvent) and e.display.name == name]
        assert updated[-1].showing == view and updated[-1].seq == 2
        # the heartbeat's answer carries the last command too (for a display whose stream was down)
        again = await displays.DisplaysApi(display).heartbeat(name)
        assert again.showing == view and again.seq == 2
        # the platform's audit trail has both pushes: who, which display, what (newest first)
        trail = await dispatcher.audit(user="dispatcher", action="display_push")
        pushes = [e for e in trail.items if e.detail.startswith(f"{name}: ")]
        assert [e.detail for e in pushes] == [f"{name}: view", f"{name}: camera"]
        assert pushes[1].camera_id == cam and pushes[0].camera_id is None
    finally:
        await stream.stop()


async def test_a_town_desk_may_not_push_and_does_not_hear_of_other_displays(login: Any) -> None:
    display, desk = await login("presenter"), await login("town03")
    name = _name()
    await displays.DisplaysApi(display).heartbeat(name)
    with pytest.raises(errors.ForbiddenError):
        await displays.DisplaysApi(desk).show(name, ShowCamera(camera_id=_camera(3)))
    assert name not in {d.name for d in await displays.DisplaysApi(desk).list()}
    assert (await displays.DisplaysApi(display).heartbeat(name)).seq == 0  # nothing was pushed


async def test_a_presenter_drives_only_its_own_display(login: Any) -> None:
    presenter, desk = await login("presenter"), await login("town05")
    mine, theirs = _name(), _name()
    await displays.DisplaysApi(presenter).heartbeat(mine)
    await displays.DisplaysApi(desk).heartbeat(theirs)
    done = await displays.DisplaysApi(presenter).show(mine, ShowCamera(camera_id=_camera(5)))
    assert done.sent_by == "presenter"
    with pytest.raises(errors.PlatformError) as refused:
        await displays.DisplaysApi(presenter).show(theirs, ShowCamera(camera_id=_camera(5)))
    assert refused.value.status in (403, 404)


async def test_a_camera_the_displays_user_may_not_see_is_refused_clearly(login: Any) -> None:
    desk_display, dispatcher = await login("town03"), await login("dispatcher")
    name = _name()
    await displays.DisplaysApi(desk_display).heartbeat(name)
    with pytest.raises(errors.PlatformError) as refused:
        await displays.DisplaysApi(dispatcher).show(name, ShowCamera(camera_id=_camera(outside=3)))
    assert refused.value.status == 409
    assert "may see" in refused.value.detail
    ok = await displays.DisplaysApi(dispatcher).show(name, ShowCamera(camera_id=_camera(3)))
    assert ok.seq == 1


async def test_incident_and_conference_and_blank(login: Any, demo: Any) -> None:
    display, dispatcher = await login("presenter"), await login("dispatcher")
    name = _name()
    await displays.DisplaysApi(display).heartbeat(name)
    cam = _camera(1)
    alert = demo.hook("alert", camera_id=cam)
    shown = await displays.DisplaysApi(dispatcher).show(name, ShowIncident(alert_id=alert["id"], camera_ids=[cam]))
    assert isinstance(shown.showing, ShowIncident)
    with pytest.raises(errors.NotFoundError):
        await displays.DisplaysApi(dispatcher).show(name, ShowIncident(alert_id="no-such-alert", camera_ids=[cam]))
    room = next(r for r in NET.rooms if r.active)
    assert isinstance((await displays.DisplaysApi(dispatcher).show(name, ShowConference(room_id=room.id))).showing,
                      ShowConference)
    assert (await displays.DisplaysApi(dispatcher).show(name, ShowBlank())).showing is None


async def test_bad_names_are_refused_in_words(demo: Any, login: Any) -> None:
    client = await login("presenter")
    for bad in ("a/b", " x", "<b>x</b>", "x\u202e", "x" * 65):
        with pytest.raises(ValueError):
            displays.check_name(bad)
    headers = await client.auth_headers()
    async with httpx.AsyncClient(base_url=demo.url) as raw:
        r = await raw.post("/api/v1/displays/%3Cb%3E/heartbeat", json={}, headers=headers)
    assert r.status_code == 409 and r.json()["error"]["code"] == "bad_name" and "plain text" in r.json()["error"]["message"]


async def test_a_silent_display_goes_offline_after_the_deadline(login: Any, deadline: Any) -> None:
    display, dispatcher = await login("presenter"), await login("dispatcher")
    heard: list[Event] = []
    stream = EventStream(dispatcher, heard.extend)
    stream.start()
    name = _name()
    try:
        await async_wait_until(lambda: stream.state == "live", what="the dispatcher's event stream")
        deadline(1.0)
        await displays.DisplaysApi(display).heartbeat(name)

        def offline() -> bool:
            return any(isinstance(e, DisplayUpdatedEvent) and e.display.name == name and not e.display.online
                       for e in heard)

        await async_wait_until(offline, what="display.updated offline")
        listed = {d.name: d for d in await displays.DisplaysApi(dispatcher).list()}
        assert not listed[name].online
        with pytest.raises(errors.PlatformError) as refused:
            await displays.DisplaysApi(dispatcher).show(name, ShowCamera(camera_id=_camera()))
        assert refused.value.status == 409
        await displays.DisplaysApi(display).heartbeat(name)  # back
        assert {d.name: d for d in await displays.DisplaysApi(dispatcher).list()}[name].online
    finally:
        await stream.stop()


async def test_the_display_agent_follows_pushes_and_heartbeats(login: Any) -> None:
    display, dispatcher = await login("presenter"), await login("dispatcher")
    name = _name()
    agent = displays.DisplayAgent(display, name, interval=0.2)
    got: list[Any] = []
    agent.on_show(lambda content, who: got.append((content, who)))
    agent.start()  # no event stream: the heartbeats' answers carry the commands
    try:
        await async_wait_until(lambda: agent.state == displays.AgentState.REGISTERED, what="registered")
        cam = _camera()
        await displays.DisplaysApi(dispatcher).show(name, ShowCamera(camera_id=cam))
        await async_wait_until(lambda: got, what="the push reaching the agent")
        assert got == [(ShowCamera(camera_id=cam), "dispatcher")]
        beats = agent.beats
        await async_wait_until(lambda: agent.beats > beats + 2, what="more heartbeats")
        assert len(got) == 1  # once per command
    finally:
        await agent.stop()
