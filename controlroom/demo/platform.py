"""The demo platform as one runnable thing: API + network + life + live video.

``controlroom demo --serve-only`` runs it until interrupted; ``controlroom
demo`` runs it in a child process and opens the app on it; tests start it the
same way (``tests/conftest.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web

from controlroom.demo.network import build_network
from controlroom.demo.server import DemoApi

if TYPE_CHECKING:
    from controlroom.demo.media.server import MediaServer

log = logging.getLogger("controlroom.demo")

URL_LINE = "CONTROLROOM_DEMO_URL="


def die_with_parent() -> None:
    """For ``preexec_fn``: the demo platform must not outlive whoever started it.

    On Linux the kernel sends SIGTERM to the child when its parent dies, even
    when the parent is killed outright (a test run stopped by a timeout).
    Elsewhere this does nothing; the parent's ``finally`` stops the child.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class DemoOptions:
    host: str = "127.0.0.1"
    port: int = 0
    rtsp_port: int = 0
    media_port: int = 0
    event_rate: float = 2.0
    token_ttl: int = 3600
    test_hooks: bool = False
    video: bool = True
    cache_dir: Path | None = None
    keepalive: float = 5.0  # the event stream's heartbeat interval (s)
    gop_cache: bool = True  # False: viewers wait for the next key frame, as with most cameras
    tls_cert: Path | None = None  # serve the API over HTTPS with this certificate (PEM)
    tls_key: Path | None = None
    audit_db: Path | None = None  # the audit trail's SQLite file (None: a temporary one per process)


class DemoPlatform:
    """Starts and stops the demo platform's servers on the running loop."""

    def __init__(self, opts: DemoOptions) -> None:
        self.opts = opts
        self.api: DemoApi | None = None
        self.media: MediaServer | None = None
        self._runner: web.AppRunner | None = None
        self._sim_task: asyncio.Task[None] | None = None
        self.base_url = ""

    async def start(self) -> str:
        from controlroom.demo.simulation import Simulator

        opts = self.opts
        api_ref: list[DemoApi] = []
        if opts.video:
            from controlroom.demo.media.clips import ensure_clips
            from controlroom.demo.media.server import MediaError, MediaServer, StreamGrant
            from controlroom.paths import cache_dir

            clips = await asyncio.to_thread(ensure_clips, opts.cache_dir or cache_dir() / "demo-clips")

            def authorize(camera_id: str, profile: str, ticket: str | None) -> StreamGrant:
                # Only a stream ticket opens a stream (never an API token): checked at connect.
                api = api_ref[0]
                try:
                    t = api.check_ticket(ticket, camera_id, profile)
                except LookupError as exc:
                    raise MediaError(*exc.args) from None
                cam = api.cameras.get(camera_id)
                if cam is None or profile not in ("main", "sub") or not api.may_play(t.user, cam):
                    raise MediaError(404, "no such stream")
                if not cam.online:
                    raise MediaError(404, "the camera is offline")
                return StreamGrant(api.net.stream_index[camera_id], t.login_id,
                                   time.monotonic() + api.auth_policy.max_session)

            self.media = MediaServer(
                clips, authorize, host=opts.host, http_port=opts.media_port, rtsp_port=opts.rtsp_port,
                gop_cache=opts.gop_cache,
            )
            await self.media.start()
            stream_urls = self.media.urls
        else:
            def stream_urls(camera_id: str, profile: str) -> dict:  # type: ignore[type-arg]
                from controlroom.api.schema import Transport

                return {Transport.HTTP_TS: f"http://{opts.host}:9/media/{camera_id}/{profile}.ts"}

        net = await asyncio.to_thread(build_network, stream_urls)
        api = DemoApi(net, media=self.media, token_ttl=opts.token_ttl, test_hooks=opts.test_hooks, keepalive=opts.keepalive,
                      audit_db=opts.audit_db)
        api_ref.append(api)
        api.sim = Simulator(net, api.log.emit, rate=opts.event_rate)
        self.api = api
        self._runner = web.AppRunner(api.app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        ssl_ctx = None
        if opts.tls_cert is not None:
            import ssl

            ssl_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ssl_ctx.load_cert_chain(opts.tls_cert, opts.tls_key)
        site = web.TCPSite(self._runner, opts.host, opts.port, ssl_context=ssl_ctx)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        scheme = "https" if ssl_ctx else "http"
        self.base_url = f"{scheme}://{opts.host}:{port}"
        if opts.event_rate > 0:
            self._sim_task = asyncio.ensure_future(self._live())
        return self.base_url

    async def _live(self) -> None:
        assert self.api is not None
        tick = 0.2
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(tick)
            now = loop.time()
            try:
                # clamp: after a suspend, do not emit a burst of rate x hours
                self.api.sim.step(min(now - last, 2.0))
            except Exception:
                log.exception("simulation step failed")
            last = now

    async def stop(self) -> None:
        if self._sim_task:
            self._sim_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sim_task
        if self._runner:
            await self._runner.cleanup()
        if self.media is not None:
            await self.media.stop()


async def _serve(opts: DemoOptions) -> None:
    platform = DemoPlatform(opts)
    url = await platform.start()
    media = platform.media
    print(f"{URL_LINE}{url}", flush=True)
    print(f"ControlRoom demo platform is running at {url}", file=sys.stderr)
    if media is not None:
        print(f"  video: RTSP on port {media.rtsp_port}, HTTP-TS on port {media.http_port}", file=sys.stderr)
    print("  users: dispatcher/dispatch123, presenter/present123, town01..town15/desk123", file=sys.stderr)
    print("  press Ctrl+C to stop", file=sys.stderr)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await platform.stop()


def serve_forever(opts: DemoOptions) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        asyncio.run(_serve(opts))
    except KeyboardInterrupt:
        pass
    return 0
