"""Credentials on the real demo platform (issue 10 items 4 and 9): stream tickets,
logout with revocation, rotating refresh tokens that expire, the rule for
streams opened before a logout or a token expiry, throttled logins, and 404
for cameras outside the scope.

The rule for open streams (API v1, DEVELOPERS.md): a stream ticket is checked
when a player connects; an open stream then plays until the ticket's
``max_session`` or until the login that asked for it logs out, whichever comes
first. An access token that expires or is refreshed does not cut it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.schema import Camera, Transport
from controlroom.demo.network import build_network

USERS = {"dispatcher": "dispatch123", "town03": "desk123"}


@pytest.fixture
def policy(demo: Any) -> Iterator[Any]:
    """Test hooks that change lifetimes and limits; the defaults again afterwards."""
    yield lambda **kw: demo.hook("auth-policy", **kw)
    demo.hook("auth-policy", reset=True)


async def _login(url: str, user: str = "dispatcher") -> PlatformClient:
    client = PlatformClient(url)
    await client.login(user, USERS[user])
    return client


async def _online(client: PlatformClient, town: int | None = None) -> Camera:
    index = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"})
    cameras, _ = await client.cameras()
    return next(c for c in cameras if c.online and (town is None or index.town_of_camera(c.id) == town))


async def _status(url: str) -> int:
    async with httpx.AsyncClient() as raw, raw.stream("GET", url) as r:
        return r.status_code


async def _stream(url: str) -> AsyncIterator[bytes]:
    """Read a live HTTP-TS stream until the server ends it."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as raw, raw.stream("GET", url) as r:
        assert r.status_code == 200
        async for chunk in r.aiter_raw():
            yield chunk


async def _plays_until_cut(url: str, limit: float = 30.0) -> float:
    """Seconds the stream played before the server ended it (fails if it never does)."""
    t0 = time.monotonic()
    got = 0
    async with asyncio.timeout(limit):
        async for chunk in _stream(url):
            got += len(chunk)
    assert got > 0
    return time.monotonic() - t0


# --------------------------------------------------------------------------- tickets


async def test_a_ticket_opens_only_its_own_stream_and_nothing_on_the_api(demo: Any) -> None:
    client = await _login(demo.url)
    try:
        cam = await _online(client)
        ticket = await client.stream_ticket(cam.id, "sub")
        assert ticket.camera_id == cam.id and ticket.profile == "sub" and ticket.expires_in <= 60
        url = ticket.urls[Transport.HTTP_TS]
        assert f"ticket={ticket.ticket}" in url
        assert client.access_token is not None and client.access_token not in url
        assert await _status(url) == 200
        # the same ticket on the main profile, or on another camera: refused
        assert await _status(url.replace("/sub.ts", "/main.ts")) == 403
        other = next(c for c in (await client.cameras())[0] if c.online and c.id != cam.id)
        assert await _status(url.replace(cam.id, other.id)) == 403
        # the API token opens no stream any more, and the ticket opens nothing on the API
        bare = cam.streams[1].urls[Transport.HTTP_TS]
        assert "ticket=" not in bare and "token=" not in bare
        assert await _status(f"{bare}?token={client.access_token}") == 401
        assert await _status(f"{bare}?ticket={client.access_token}") == 401
        r = httpx.get(f"{demo.url}/api/v1/me", headers={"Authorization": f"Bearer {ticket.ticket}"})
        assert r.status_code == 401
    finally:
        await client.aclose()


async def test_an_expired_ticket_no_longer_opens_a_stream(demo: Any, policy: Any) -> None:
    policy(ticket_ttl=1)
    client = await _login(demo.url)
    try:
        cam = await _online(client)
        ticket = await client.stream_ticket(cam.id, "sub")
        url = ticket.urls[Transport.HTTP_TS]
        await asyncio.sleep(ticket.expires_in + 0.2)  # the platform's own lifetime, said in the answer
        assert await _status(url) == 401
        assert await _status((await client.stream_ticket(cam.id, "sub")).urls[Transport.HTTP_TS]) == 200
    finally:
        await client.aclose()


# --------------------------------------------------------------------------- open streams


async def test_an_open_stream_ends_at_its_tickets_max_session(demo: Any, policy: Any) -> None:
    policy(max_session=2)
    client = await _login(demo.url)
    try:
        cam = await _online(client)
        url = (await client.stream_ticket(cam.id, "sub")).urls[Transport.HTTP_TS]
        played = await _plays_until_cut(url)
        assert 1.5 <= played < 15, played
    finally:
        await client.aclose()


async def test_an_open_stream_survives_token_refresh_and_expiry_but_not_logout(demo: Any, policy: Any) -> None:
    policy(token_ttl=1)  # access tokens expire at once: the client refreshes before every call
    client = await _login(demo.url)
    try:
        cam = await _online(client)
        url = (await client.stream_ticket(cam.id, "sub")).urls[Transport.HTTP_TS]
        got = 0
        cut = asyncio.Event()

        async def watch() -> None:
            nonlocal got
            async for chunk in _stream(url):
                got += len(chunk)
            cut.set()

        task = asyncio.ensure_future(watch())
        try:
            old = client.access_token
            await asyncio.sleep(1.5)  # the access token of the ticket's login has expired
            await client.me()  # refreshed: the old access token is revoked too
            assert client.access_token != old
            seen = got
            await asyncio.sleep(1.0)
            assert not cut.is_set() and got > seen, "the stream stopped on a token refresh or expiry"
            await client.logout()
            await asyncio.wait_for(cut.wait(), 10)  # logout ends the login's open streams
        finally:
            task.cancel()
        assert await _status(url) == 401  # and its tickets
    finally:
        await client.aclose()


# --------------------------------------------------------------------------- logout, refresh


async def test_logout_revokes_the_tokens(demo: Any) -> None:
    client = await _login(demo.url)
    try:
        token = client.access_token
        refresh = client._token.refresh_token if client._token else ""
        await client.logout()
        assert client.access_token is None
        r = httpx.get(f"{demo.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401
        r = httpx.post(f"{demo.url}/api/v1/auth/refresh", json={"refresh_token": refresh})
        assert r.status_code == 401
        with pytest.raises(errors.AuthError):  # the client forgot the credentials too: no silent re-login
            await client.me()
    finally:
        await client.aclose()


async def test_refresh_rotates_and_revokes_the_previous_access_token(demo: Any) -> None:
    r = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
    first = r.json()
    r = httpx.post(f"{demo.url}/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200
    second = r.json()
    me = f"{demo.url}/api/v1/me"
    assert httpx.get(me, headers={"Authorization": f"Bearer {first['access_token']}"}).status_code == 401
    assert httpx.get(me, headers={"Authorization": f"Bearer {second['access_token']}"}).status_code == 200
    # the old refresh token works once only
    r = httpx.post(f"{demo.url}/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 401


async def test_refresh_tokens_expire(demo: Any, policy: Any) -> None:
    policy(refresh_ttl=1)
    r = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
    refresh = r.json()["refresh_token"]
    await asyncio.sleep(1.2)
    r = httpx.post(f"{demo.url}/api/v1/auth/refresh", json={"refresh_token": refresh})
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_refresh_token"


async def test_the_client_logs_in_again_when_the_platform_forgot_it(demo: Any) -> None:
    client = await _login(demo.url)
    relogins: list[int] = []
    client.on_relogin(lambda: relogins.append(1))
    try:
        demo.hook("revoke-tokens", all=True)  # as after a restart: no token of ours is known, refresh ones neither
        me = await client.me()  # 401, refresh refused, log in again with the credentials kept in memory
        assert me.username == "dispatcher" and relogins == [1] and client.relogins == 1
    finally:
        await client.aclose()


# --------------------------------------------------------------------------- throttling


async def test_failed_logins_are_throttled_with_retry_after(demo: Any, policy: Any) -> None:
    policy(login_failures=3, login_window=2)
    client = PlatformClient(demo.url)
    try:
        for _ in range(3):
            with pytest.raises(errors.AuthError):
                await client.login("town07", "wrong")
        with pytest.raises(errors.ThrottledError) as info:
            await client.login("town07", "desk123")  # even the right password, while throttled
        assert info.value.status == 429 and info.value.retry_after is not None
        assert 0 < info.value.retry_after <= 2
        r = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": "town07", "password": "wrong"})
        assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 2
        # other users are not locked out by one user's failures
        assert (await _login(demo.url, "town03")).user is not None
        await asyncio.sleep(info.value.retry_after + 0.1)  # as long as the platform said
        user = await client.login("town07", "desk123")
        assert user.username == "town07"
    finally:
        await client.aclose()


async def test_failed_logins_are_throttled_per_address(demo: Any, policy: Any) -> None:
    policy(login_failures_address=4, login_window=2)
    for i in range(4):
        r = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": f"nobody{i}", "password": "x"})
        assert r.status_code == 401
    r = httpx.post(f"{demo.url}/api/v1/auth/login", json={"username": "nobody9", "password": "x"})
    assert r.status_code == 429 and "Retry-After" in r.headers


# --------------------------------------------------------------------------- scope


async def test_cameras_outside_the_scope_are_not_found_like_unknown_ones(demo: Any) -> None:
    town = await _login(demo.url, "town03")
    county = await _login(demo.url)
    try:
        other = await _online(county, town=5)
        answers = []
        for camera_id in (other.id, "37132605001310999999"):
            r = httpx.get(f"{demo.url}/api/v1/cameras/{camera_id}",
                          headers={"Authorization": f"Bearer {town.access_token}"})
            answers.append((r.status_code, r.json()))
            r = httpx.post(f"{demo.url}/api/v1/streams/ticket", json={"camera_id": camera_id, "profile": "sub"},
                           headers={"Authorization": f"Bearer {town.access_token}"})
            answers.append((r.status_code, r.json()))
        assert answers[0] == answers[2] and answers[1] == answers[3]
        assert answers[0][0] == 404 and answers[1][0] == 404
    finally:
        await town.aclose()
        await county.aclose()


async def test_closing_a_session_logs_out(demo: Any) -> None:
    """Log out and quit both close the session: the platform forgets its tokens."""
    from controlroom.session import Session

    session = Session(demo.url)
    await session.login("dispatcher", "dispatch123")
    token = session.client.access_token
    await session.close()
    r = httpx.get(f"{demo.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
