"""The event stream against a hostile or broken platform (issue 10 item 7, and the
heartbeat deadline of issue 9 item 1).

A tiny API v1 server of this file's own (aiohttp, a free port on 127.0.0.1)
answers login and ``/me`` like a platform, and its event stream misbehaves as
each test asks: it closes at once (with and without ``retry:``), sends ids
that go backwards, or falls silent with the connection open.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import msgspec
import pytest
from aiohttp import web

from controlroom.api.client import PlatformClient
from controlroom.api.events import EventStream, StreamState
from controlroom.api.schema import Event, Token, User

CAMERA = "37132603001310000001"
Handler = Callable[["Hostile", web.Request, web.StreamResponse], Awaitable[None]]


def event(i: int) -> bytes:
    data = {"type": "camera.status", "id": i, "at": "2026-12-01T00:00:00Z", "inventory_version": 1,
            "camera_id": CAMERA, "online": bool(i % 2)}
    return b"id: %d\nevent: camera.status\ndata: %s\n\n" % (i, msgspec.json.encode(data))


@dataclass
class Hostile:
    """The server: ``events`` writes the body of each /events answer."""

    events: Handler
    headers: dict[str, str] = field(default_factory=dict)
    connections: list[float] = field(default_factory=list)  # monotonic time of each /events request
    url: str = ""

    async def _login(self, request: web.Request) -> web.Response:
        token = Token(access_token="a" * 20, refresh_token="r" * 20, expires_in=3600)
        return web.Response(body=msgspec.json.encode(token), content_type="application/json")

    async def _me(self, request: web.Request) -> web.Response:
        user = User(username="dispatcher", display_name="调度员", role="dispatcher", scope={"towns": None})  # type: ignore[arg-type]
        return web.Response(body=msgspec.json.encode(user), content_type="application/json")

    async def _events(self, request: web.Request) -> web.StreamResponse:
        self.connections.append(time.monotonic())
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", **self.headers})
        await resp.prepare(request)
        try:
            await self.events(self, request, resp)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return resp

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/v1/auth/login", self._login)
        app.router.add_post("/api/v1/auth/logout", self._login)
        app.router.add_get("/api/v1/me", self._me)
        app.router.add_get("/api/v1/events", self._events)
        return app


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., Awaitable[tuple[Hostile, PlatformClient]]]]:
    runners: list[web.AppRunner] = []
    clients: list[PlatformClient] = []

    async def start(events: Handler, headers: dict[str, str] | None = None) -> tuple[Hostile, PlatformClient]:
        server = Hostile(events, headers or {})
        runner = web.AppRunner(server.app(), shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        server.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        client = PlatformClient(server.url)
        clients.append(client)
        await client.login("dispatcher", "x")
        return server, client

    yield start
    for client in clients:
        await client.aclose()
    for runner in runners:
        await runner.cleanup()


async def wait_for(cond: Callable[[], bool], timeout: float) -> None:
    """Wait until ``cond()``; fail loudly after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not cond():
            await asyncio.sleep(0.02)


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


async def test_a_stream_that_closes_at_once_backs_off_exponentially_with_jitter(serve) -> None:  # type: ignore[no-untyped-def]
    async def close_at_once(server: Hostile, request: web.Request, resp: web.StreamResponse) -> None:
        return None

    server, client = await serve(close_at_once)
    stream = EventStream(client, lambda batch: None, max_backoff=2.0)
    stream.start()
    try:
        await wait_for(lambda: len(server.connections) >= 6, 30)
    finally:
        await stream.stop()
    g = gaps(server.connections)
    # 0.5, 1, 2, 2, 2 s steps, each jittered down to no less than half: never twice a second for ever
    assert g[2] >= 1.0 and g[3] >= 1.0 and g[4] >= 1.0, g
    assert all(d <= 2.0 for d in stream.delays), stream.delays
    assert len({round(d, 3) for d in stream.delays[2:]}) > 1, f"no jitter: {stream.delays}"
    assert stream.state is StreamState.STOPPED


async def test_the_servers_retry_is_honoured(serve) -> None:  # type: ignore[no-untyped-def]
    async def retry_then_close(server: Hostile, request: web.Request, resp: web.StreamResponse) -> None:
        await resp.write(b"retry: 2500\n\n")

    server, client = await serve(retry_then_close)
    stream = EventStream(client, lambda batch: None, max_backoff=1.0)
    stream.start()
    try:
        await wait_for(lambda: len(server.connections) >= 3, 30)
    finally:
        await stream.stop()
    assert all(gap >= 2.5 for gap in gaps(server.connections)), gaps(server.connections)
    assert stream.server_retry == 2.5


async def test_events_whose_ids_go_backwards_are_dropped_with_a_log_line(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    async def backwards(server: Hostile, request: web.Request, resp: web.StreamResponse) -> None:
        for i in (5, 6, 3, 6, 7):
            await resp.write(event(i))
        await asyncio.sleep(3600)

    _server, client = await serve(backwards)
    got: list[Event] = []
    stream = EventStream(client, got.extend)
    with caplog.at_level(logging.WARNING, logger="controlroom.api.events"):
        stream.start()
        try:
            await wait_for(lambda: [e.id for e in got] == [5, 6, 7], 10)
        finally:
            await stream.stop()
    lines = [r.getMessage() for r in caplog.records if "does not move forward" in r.getMessage()]
    assert len(lines) == 2 and lines[0].startswith("dropped event 3") and "last 6" in lines[0], lines
    assert stream.backwards == 2


async def test_a_silent_platform_is_dead_after_three_missed_heartbeats(serve) -> None:  # type: ignore[no-untyped-def]
    async def one_event_then_silence(server: Hostile, request: web.Request, resp: web.StreamResponse) -> None:
        await resp.write(event(1))
        await asyncio.sleep(3600)  # the connection stays open; nothing more comes (a frozen platform)

    _server, client = await serve(one_event_then_silence, {"Heartbeat-Interval": "1"})
    states: list[tuple[StreamState, str]] = []
    stream = EventStream(client, lambda batch: None, on_state=lambda s, d: states.append((s, d)))
    stream.start()
    try:
        await wait_for(lambda: stream.state is StreamState.LIVE, 10)
        live_at = time.monotonic()
        await wait_for(lambda: stream.state is StreamState.RECONNECTING, 20)
        silent = time.monotonic() - live_at
    finally:
        await stream.stop()
    # (measured from when the poll above saw it live, up to 20 ms after the last line came)
    assert silent >= 2.9, f"gave up after {silent:.2f} s, before three heartbeats were missed"
    assert any("no heartbeat" in d for s, d in states if s is StreamState.RECONNECTING), states


async def test_heartbeat_comments_keep_a_quiet_stream_alive(serve) -> None:  # type: ignore[no-untyped-def]
    async def heartbeats(server: Hostile, request: web.Request, resp: web.StreamResponse) -> None:
        while True:
            await resp.write(b": heartbeat\n\n")
            await asyncio.sleep(0.5)

    server, client = await serve(heartbeats, {"Heartbeat-Interval": "1"})
    stream = EventStream(client, lambda batch: None)
    stream.start()
    try:
        await wait_for(lambda: stream.state is StreamState.LIVE, 10)
        await asyncio.sleep(5)  # five intervals of nothing but heartbeats
        assert stream.state is StreamState.LIVE and len(server.connections) == 1
    finally:
        await stream.stop()
