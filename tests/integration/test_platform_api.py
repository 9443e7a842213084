"""The platform client against the real demo platform over loopback."""

from __future__ import annotations

import httpx
import pytest
from waiting import async_wait_until

from controlroom.api import errors
from controlroom.api.client import PlatformClient, SkippedRecord
from controlroom.api.events import EventStream, StreamState
from controlroom.api.schema import Event, GridStatus, GridStatusEvent, Tier, Transport
from controlroom.session import Session


async def _login(url: str, user: str = "dispatcher", password: str = "dispatch123") -> PlatformClient:
    client = PlatformClient(url)
    await client.login(user, password)
    return client


async def test_login_and_who_am_i(demo) -> None:
    client = await _login(demo.url)
    try:
        assert client.user is not None and client.user.role == "dispatcher"
        assert client.user.scope.towns is None
        me = await client.me()
        assert me.username == "dispatcher"
    finally:
        await client.aclose()


async def test_wrong_password_is_a_clear_auth_error(demo) -> None:
    client = PlatformClient(demo.url)
    try:
        with pytest.raises(errors.AuthError) as info:
            await client.login("dispatcher", "wrong")
        assert "password" in str(info.value)
    finally:
        await client.aclose()


async def test_full_inventory_in_pages(demo) -> None:
    client = await _login(demo.url)
    try:
        pages: list[tuple[int, int]] = []
        cameras, version = await client.cameras(lambda done, total: pages.append((done, total)))
        sites, _ = await client.sites()
        grids, _ = await client.grids()
        assert len(cameras) == 28500 and len({c.id for c in cameras}) == 28500
        assert len(pages) >= 28500 // 2000  # it came in pages, with progress
        assert pages[-1] == (28500, 28500)
        tiers = {t: sum(1 for s in sites if s.tier == t) for t in Tier}
        assert tiers == {Tier.COUNTY: 1, Tier.TOWN: 30, Tier.VILLAGE: 515}
        assert len(grids) == 1080
        info = await client.inventory_info()
        assert info.version == version and info.counts.cameras == 28500
        # a page beyond the largest allowed is refused with a clear error
        r = await client.http.get("/api/v1/cameras", params={"limit": 100000}, headers=await client.auth_headers())
        assert r.status_code == 400
    finally:
        await client.aclose()


async def test_town_desk_sees_and_plays_only_its_town(demo) -> None:
    town = await _login(demo.url, "town03", "desk123")
    county = await _login(demo.url)
    try:
        cameras, _ = await town.cameras()
        assert cameras and all(c.id.startswith("37132603") for c in cameras)
        sites, _ = await town.sites()
        assert {s.town for s in sites} <= {None, 3}
        all_cameras, _ = await county.cameras()
        other = next(c for c in all_cameras if c.id[:8] == "37132605" and c.online)
        # outside the scope is answered as "no such camera": ids that exist are not revealed
        with pytest.raises(errors.NotFoundError) as outside:
            await town.camera(other.id)
        with pytest.raises(errors.NotFoundError) as unknown:
            await town.camera("37132605001310999999")
        assert outside.value.detail == unknown.value.detail
        with pytest.raises(errors.NotFoundError):
            await town.cameras(site_id=other.site_id)
        # no ticket to play it either (404 as well)
        with pytest.raises(errors.NotFoundError):
            await town.stream_ticket(other.id, "sub")
        own = next(c for c in cameras if c.online)
        async with httpx.AsyncClient() as raw:
            ticket = await town.stream_ticket(own.id, "sub")
            async with raw.stream("GET", ticket.urls[Transport.HTTP_TS]) as r:
                assert r.status_code == 200
            # the town's own ticket on another town's stream path: refused by the media server
            forged = other.streams[1].urls[Transport.HTTP_TS] + "?ticket=" + ticket.ticket
            async with raw.stream("GET", forged) as r:
                assert r.status_code == 403
    finally:
        await town.aclose()
        await county.aclose()


async def test_token_is_renewed_after_the_platform_revokes_it(demo) -> None:
    client = await _login(demo.url)
    try:
        demo.hook("revoke-tokens")
        me = await client.me()  # 401, refresh, retry
        assert me.username == "dispatcher"
    finally:
        await client.aclose()


@pytest.mark.parametrize(
    ("kind", "path", "error", "words"),
    [
        ("invalid_json", "/api/v1/sites", errors.PayloadError, "invalid JSON"),
        ("html_error", "/api/v1/grids", errors.ServerError, "HTML page: 502 Bad Gateway"),
        ("html_200", "/api/v1/me", errors.PayloadError, "HTML page"),
        ("wrong_types", "/api/v1/me", errors.PayloadError, "`$.role`"),
        ("status_500", "/api/v1/me", errors.ServerError, "HTTP 500"),
    ],
)
async def test_malformed_answers_give_clear_errors(demo, kind: str, path: str, error: type, words: str) -> None:
    client = await _login(demo.url)
    try:
        # enough faults to outlast the client's retries on 5xx
        demo.hook("fault", path=path, kind=kind, times=client.retries + 1)
        with pytest.raises(error) as info:
            if path.endswith("cameras"):
                await client.cameras()
            elif path.endswith("sites"):
                await client.sites()
            elif path.endswith("grids"):
                await client.grids()
            else:
                await client.me()
        assert words in str(info.value), str(info.value)
        demo.hook("clear-faults")
        # and nothing is broken: the next call works
        assert (await client.me()).username == "dispatcher"
    finally:
        demo.hook("clear-faults")
        await client.aclose()


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("wrong_types", "Expected `bool`"),
        ("missing_fields", "missing required field `name`"),
        ("huge_string", "length <= 200"),
    ],
)
async def test_a_bad_record_is_skipped_and_the_rest_load(demo, kind: str, words: str) -> None:
    client = await _login(demo.url)
    try:
        demo.hook("fault", path="/api/v1/cameras", kind=kind, times=1)
        skipped: list[SkippedRecord] = []
        cameras, _ = await client.cameras(skipped=skipped)
        assert len(cameras) == 2  # the fault's page holds three cameras; the second is broken
        assert [(r.index, words in r.reason) for r in skipped] == [(1, True)], skipped
    finally:
        demo.hook("clear-faults")
        await client.aclose()


async def _collect(stream_events: list[Event], n: int, timeout: float = 15) -> None:
    await async_wait_until(lambda: len(stream_events) >= n, f"{n} events on the stream", timeout=timeout)


async def test_event_stream_delivers_and_resumes_without_loss(demo) -> None:
    client = await _login(demo.url)
    got: list[Event] = []
    stream = EventStream(client, got.extend)
    stream.start()
    try:
        grid = (await client.grids())[0][0]
        # one event arrives
        r = demo.hook("grid-status", grid_id=grid.id, status="incident", reason="测试：打架斗殴")
        await _collect(got, 1)
        mine = [e for e in got if isinstance(e, GridStatusEvent) and e.id == r["last_event_id"]]
        assert mine and mine[0].status == GridStatus.INCIDENT
        # drop the connection again and again while events keep coming
        for i in range(5):
            await async_wait_until(lambda: stream.state == StreamState.LIVE, "the event stream to be live")
            before = stream.reconnects
            assert demo.hook("drop-events")["dropped"] >= 1
            # events raised while the client is away must be replayed on resume
            demo.hook("grid-status", grid_id=grid.id, status=["normal", "attention"][i % 2], reason=f"第{i}次")
            await async_wait_until(lambda n=before: stream.reconnects > n, "the client to notice the drop")
        last = demo.hook("grid-status", grid_id=grid.id, status="normal", reason="恢复")["last_event_id"]
        await async_wait_until(lambda: got and got[-1].id >= last, f"event {last} after the drops")
        ids = [e.id for e in got]
        assert stream.reconnects >= 5
        assert ids == sorted(set(ids)), "an event was repeated or came out of order"
        # the dispatcher sees every event: ids must be contiguous (nothing lost)
        assert ids == list(range(ids[0], ids[-1] + 1)), "an event was lost"
        assert ids[-1] >= last
    finally:
        await stream.stop()
        await client.aclose()


async def test_resync_when_the_platform_cannot_replay(demo) -> None:
    session = Session(demo.url)
    await session.login("dispatcher", "dispatch123")
    await session.load_inventory()
    loads: list[float] = []
    session.on_state(lambda st, d: loads.append(1) if st == "loading" else None)
    session.start_events()
    try:
        events = session.events
        assert events is not None
        await async_wait_until(lambda: events.last_event_id is not None, "a first event")
        demo.hook("resync")  # the platform forgets its replay buffer
        demo.hook("drop-events")
        await async_wait_until(lambda: loads, "the session to refetch the inventory after a resync")
        await async_wait_until(lambda: session.state == "connected", "the session to be connected again")
        assert session.inventory.counts().cameras == 28500
    finally:
        await session.close()

