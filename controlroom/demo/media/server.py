"""The demo media server: live test streams over RTSP and HTTP-TS on loopback.

``MediaServer`` ties the live sources (``hub``) to the two protocol front ends
(``rtsp``, ``http_ts``) and to the demo platform's access check: every play
request passes ``authorize(camera_id, profile, ticket)`` (the ``ticket=`` of
the URL: a stream ticket, never an API token), which grants the stream or
raises ``MediaError`` (401/403/404). A grant is checked once, at connect; the
stream then plays until the grant's deadline (the ticket's max session) or
until its login logs out (``cut_login``), whichever comes first.

``stop()`` closes the listening sockets and every live connection;
``start()`` again rebinds the same ports, so clients can test reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from controlroom.api.schema import Transport
from controlroom.demo.media.clips import Clip
from controlroom.demo.media.http_ts import HttpTsService
from controlroom.demo.media.hub import LiveSource, MediaHub, Subscription
from controlroom.demo.media.rtsp import RtspService

log = logging.getLogger("controlroom.demo.media")



@dataclass(frozen=True)
class StreamGrant:
    """What ``authorize`` allows: the stream to play, whose login opened it, until when (monotonic)."""

    index: int
    login_id: str
    deadline: float


# (camera_id, profile, ticket from the URL's ?ticket=) -> a grant, or MediaError
Authorize = Callable[[str, str, str | None], StreamGrant]


class _GrantedSource:
    """A live source as one granted viewer sees it: its subscriptions end with the grant."""

    def __init__(self, source: LiveSource, grant: StreamGrant, server: MediaServer) -> None:
        self._source = source
        self._grant = grant
        self._server = server

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)

    async def subscribe(self) -> Subscription:
        sub = await self._source.subscribe()
        self._server._track(sub, self._grant)
        return sub


class MediaError(Exception):
    """A play request refused: ``status`` is an HTTP/RTSP status (401, 403, 404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message

    def __str__(self) -> str:
        return f"{self.status} {self.message}"


class MediaServer:
    """Serves ``clips`` as live cameras: ``/media/{camera_id}/{profile}`` (RTSP, HTTP-TS)."""

    def __init__(
        self,
        clips: list[Clip],
        authorize: Authorize,
        host: str = "127.0.0.1",
        http_port: int = 0,
        rtsp_port: int = 0,
        gop_cache: bool = True,
    ) -> None:
        self._authorize = authorize
        self._host = host
        self._http_port = http_port
        self._rtsp_port = rtsp_port
        self.hub = MediaHub(clips, gop_cache)
        self._runner: web.AppRunner | None = None
        self._http: HttpTsService | None = None
        self._rtsp: RtspService | None = None
        self._granted: dict[Subscription, tuple[StreamGrant, asyncio.TimerHandle]] = {}
        # Recorded video (set by controlroom.demo.playback_api): served on the HTTP-TS port too.
        self.playback_http: Callable[[web.Request], Awaitable[web.StreamResponse]] | None = None
        # (session id, camera id, ticket) -> a source for rtsp://.../media/{camera}/playback-{session}
        self.playback_rtsp: Callable[[str, str, str | None], Any] | None = None

    @property
    def http_port(self) -> int:
        return self._http_port

    @property
    def rtsp_port(self) -> int:
        return self._rtsp_port

    @property
    def running(self) -> bool:
        return self._runner is not None

    def urls(self, camera_id: str, profile: str) -> dict[Transport, str]:
        # Loopback clients reach us on 127.0.0.1 even when bound to 0.0.0.0.
        host = "127.0.0.1" if self._host in ("0.0.0.0", "", "::") else self._host
        return {
            Transport.RTSP: f"rtsp://{host}:{self._rtsp_port}/media/{camera_id}/{profile}",
            Transport.HTTP_TS: f"http://{host}:{self._http_port}/media/{camera_id}/{profile}.ts",
        }

    def _resolve(self, camera_id: str, profile: str, ticket: str | None) -> LiveSource:
        if profile.startswith("playback-") and self.playback_rtsp is not None:  # recorded video (issue 12)
            try:
                return self.playback_rtsp(profile[len("playback-"):], camera_id, ticket)  # type: ignore[no-any-return]
            except LookupError as exc:
                raise MediaError(*exc.args) from None
        if profile not in MediaHub.PROFILES:
            raise MediaError(404, f"no profile {profile!r}")
        grant = self._authorize(camera_id, profile, ticket)
        if not self.hub.has(grant.index):
            raise MediaError(404, "no such stream")
        return _GrantedSource(self.hub.source(grant.index, profile), grant, self)  # type: ignore[return-value]

    def _track(self, sub: Subscription, grant: StreamGrant) -> None:
        loop = asyncio.get_running_loop()
        delay = max(0.0, grant.deadline - time.monotonic())
        handle = loop.call_later(delay, self._end, sub, "its ticket's session length is over")
        self._granted[sub] = (grant, handle)
        self._forget_closed()

    def _end(self, sub: Subscription, why: str) -> None:
        entry = self._granted.pop(sub, None)
        if entry is not None:
            entry[1].cancel()
        if not sub.closed:
            log.info("media: a stream ended: %s", why)
            sub._end(False)

    def _forget_closed(self) -> None:
        for sub in [x for x in self._granted if x.closed]:
            self._granted.pop(sub)[1].cancel()

    def cut_login(self, login_id: str) -> int:
        """End every open stream of one login (it logged out); how many."""
        self._forget_closed()
        subs = [sub for sub, (grant, _h) in self._granted.items() if grant.login_id == login_id]
        for sub in subs:
            self._end(sub, "its login logged out")
        return len(subs)

    async def _playback(self, request: web.Request) -> web.StreamResponse:
        if self.playback_http is None:
            return web.Response(status=404, text="404 this server plays no recordings\n")
        return await self.playback_http(request)

    async def start(self) -> None:
        if self._runner is not None:
            return
        self._http = HttpTsService(self._resolve, MediaError)
        self._http.app.router.add_get("/playback/{session}/{camera_id}.ts", self._playback)
        # A short shutdown timeout: live responses never end on their own.
        runner = web.AppRunner(self._http.app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self._host, self._http_port, reuse_address=True)
            await site.start()
            # Remember the bound port: a restart must rebind the same one.
            self._http_port = int(runner.addresses[0][1])
            self._rtsp = RtspService(self._resolve, MediaError)
            self._rtsp_port = await self._rtsp.start(self._host, self._rtsp_port)
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        log.info(
            "media server on %s: http %d, rtsp %d", self._host, self._http_port, self._rtsp_port
        )

    async def stop(self) -> None:
        """Close the listening sockets and every live connection (ports are kept)."""
        runner, self._runner = self._runner, None
        if self._rtsp is not None:
            await self._rtsp.stop()
            self._rtsp = None
        # Ending the subscriptions ends the streaming HTTP handlers, so cleanup is quick.
        await self.hub.stop()
        if runner is not None:
            with contextlib.suppress(Exception):
                await runner.cleanup()
        self._http = None
        log.info("media server stopped")
