"""A hostile platform: speaks API v1 like the demo, then misbehaves on purpose.

It is the project's own small server (aiohttp), for tests/hostile and
tests/bench: it runs in a process of its own, binds a free port on
127.0.0.1, prints ``HOSTILE_URL=<url>`` and serves until it is stopped (and
dies with its parent). What it does wrong is a ``Scenario`` (JSON on the
command line):

- ``endless_cameras``: ``/cameras`` streams a body that never ends, as fast
  as the client reads it;
- ``total``: every page claims this ``total`` (``1000000000``);
- ``bad_urls``: the first cameras' stream URLs are ``file://``, ``screen://``,
  ``v4l2://``, ``dshow://``, ``fd://``, ``vlc://``, ``cdda://`` and a local path;
- ``markup``: names with ``<h1>``, ``<a href>`` and ``<img src=file://...>``
  (cameras, sites, grids, alerts, conference participants, error bodies);
- ``long_name``: one camera with a 10,000-character name among good ones;
- ``bidi``: names with U+202E (RIGHT-TO-LEFT OVERRIDE) and isolates;
- ``bad_fraction``: that share of the cameras is broken (a 10,000-character
  name, or wrong types), spread evenly;
- ``drip_login``: the login answers one byte a second, for ever;
- ``bad_first``: the first camera (the one ``controlroom doctor`` plays) has local URLs;
- ``cameras``: how many of the demo network's 28,500 cameras to serve.

    python tests/hostile/hostile_platform.py '{"markup": true, "cameras": 500}'
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
from aiohttp import web

URL_LINE = "HOSTILE_URL="
API = "/api/v1"

#: what a hostile platform puts in names (tests look for these literally)
MARKUP_NAMES = (
    "<h1>H1-CAMERA</h1>",
    '<a href="https://evil.example/">LINK-CAMERA</a>',
    "<img src=file:///etc/passwd>IMG-CAMERA",
)
BIDI_NAME = "gate \u202eTIXE\u202c 12"  # reads "gate EXIT 12" reversed when rendered
BAD_URLS = (
    "file:///etc/passwd",
    "screen://",
    "v4l2:///dev/video0",
    "dshow://",
    "fd://0",
    "vlc://quit",
    "cdda:///dev/cdrom",
    "/etc/passwd",
)
LONG_NAME = "长" * 10_000


@dataclass
class Scenario:
    cameras: int = 300
    endless_cameras: bool = False
    total: int | None = None
    bad_urls: bool = False
    markup: bool = False
    long_name: bool = False
    bidi: bool = False
    bad_fraction: float = 0.0
    drip_login: bool = False
    bad_first: bool = False  # the first camera's URLs are file:// (what doctor plays)
    extra: dict[str, Any] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Hostile:
    def __init__(self, sc: Scenario) -> None:
        from controlroom.api.schema import Transport
        from controlroom.demo.network import build_network

        self.sc = sc
        net = build_network(lambda cid, p: {
            Transport.HTTP_TS: f"http://127.0.0.1:9/media/{cid}/{p}.ts",
            Transport.RTSP: f"rtsp://127.0.0.1:9/media/{cid}/{p}",
        })
        cams = [msgspec.to_builtins(c) for c in net.cameras[: sc.cameras]]
        keep_sites = {c["site_id"] for c in cams}
        sites = [msgspec.to_builtins(s) for s in net.sites]
        sites = [s for s in sites if s["id"] in keep_sites or s["tier"] != "village"]
        keep_grids = {c["grid_id"] for c in cams}
        grids = [msgspec.to_builtins(g) for g in net.grids if g.id in keep_grids]
        self.bad: list[int] = []
        if sc.markup:
            for i, name in enumerate(MARKUP_NAMES):
                cams[i]["name"] = name
            sites[0]["name"] = "<h1>H1-SITE</h1>"
            if grids:
                grids[0]["name"] = "<img src=file:///etc/passwd>IMG-GRID"
        if sc.bidi:
            cams[len(MARKUP_NAMES)]["name"] = BIDI_NAME
        if sc.bad_urls:
            for i, url in enumerate(BAD_URLS):
                cam = cams[10 + i]
                cam["online"] = True
                for profile in cam["streams"]:
                    profile["urls"] = {"http-ts": url, "rtsp": url}
        if sc.bad_first:
            cams[0]["online"] = True
            for profile in cams[0]["streams"]:
                profile["urls"] = {"http-ts": "file:///etc/passwd", "rtsp": "/etc/passwd"}
        if sc.long_name:
            self.bad.append(len(cams) // 2)
            cams[len(cams) // 2]["name"] = LONG_NAME
        if sc.bad_fraction:
            step = max(1, round(1 / sc.bad_fraction))
            for n, i in enumerate(range(step // 2, len(cams), step)):
                if n % 2:
                    cams[i]["name"] = LONG_NAME
                else:
                    cams[i]["online"] = "yes"
                    cams[i]["streams"] = "none"
                self.bad.append(i)
        self.cameras, self.sites, self.grids = cams, sites, grids
        self.version = 7

    # ------------------------------------------------------------------ pages

    def _page(self, request: web.Request, items: list[Any]) -> web.Response:
        try:
            offset = int(request.query.get("offset", "0"))
            limit = int(request.query.get("limit", "1000"))
        except ValueError:
            return _error(400, "bad_request", "offset and limit must be integers")
        chunk = items[offset: offset + limit]
        nxt = offset + limit if offset + limit < len(items) else None
        total = self.sc.total if self.sc.total is not None else len(items)
        if self.sc.total is not None:
            nxt = offset + len(chunk) if chunk else None
        body = {"items": chunk, "total": total, "offset": offset, "next_offset": nxt,
                "inventory_version": self.version}
        return web.Response(body=msgspec.json.encode(body), content_type="application/json")

    async def h_cameras(self, request: web.Request) -> web.StreamResponse:
        if not self.sc.endless_cameras:
            return self._page(request, self.cameras)
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        await resp.prepare(request)
        await resp.write(b'{"total": 28500, "offset": 0, "next_offset": null, "inventory_version": 7, "items": [')
        one = msgspec.json.encode(self.cameras[0]) + b","
        chunk = one * max(1, 65536 // len(one))
        while True:  # never ends: the client must stop reading
            await resp.write(chunk)

    async def ticket(self, request: web.Request) -> web.Response:
        """API v1's stream ticket: the hostile platform hands out whatever URLs its camera lists."""
        body = msgspec.json.decode(await request.read())
        cam = next((c for c in self.cameras if isinstance(c, dict) and c.get("id") == body.get("camera_id")), None)
        if cam is None or not isinstance(cam.get("streams"), list):
            return _error(404, "not_found", "no such camera")
        urls = next((s["urls"] for s in cam["streams"] if s.get("name") == body.get("profile")), {})
        return web.json_response({"camera_id": cam["id"], "profile": body["profile"], "ticket": "t",
                                  "expires_in": 30, "max_session": 3600, "urls": urls})

    async def sites_(self, request: web.Request) -> web.Response:
        return self._page(request, self.sites)

    async def grids_(self, request: web.Request) -> web.Response:
        return self._page(request, self.grids)

    async def alerts(self, request: web.Request) -> web.Response:
        msg = "<h1>H1-ALERT</h1> <img src=file:///etc/passwd>" if self.sc.markup else "checkpoint hit"
        if self.sc.bidi:
            msg += " " + BIDI_NAME
        cam = self.cameras[0]
        alerts = [{"id": f"a{i}", "kind": "checkpoint_hit", "severity": "warning", "message": msg,
                   "raised_at": _now(), "site_id": cam["site_id"], "camera_ids": [cam["id"]]} for i in range(3)]
        return self._page(request, alerts)

    async def conferences(self, request: web.Request) -> web.Response:
        name = MARKUP_NAMES[0] if self.sc.markup else "desk"
        if self.sc.bidi:
            name = BIDI_NAME
        room = {"id": "r1", "name": MARKUP_NAMES[1] if self.sc.markup else "room", "active": True,
                "participants": [{"id": "p0", "name": name, "site_id": None, "camera_id": None,
                                  "muted": False, "speaking": True, "hand_raised": False}]}
        return web.Response(body=msgspec.json.encode([room]), content_type="application/json")

    # ------------------------------------------------------------------ auth

    async def login(self, request: web.Request) -> web.StreamResponse:
        await request.read()
        token = {"access_token": "hostile-access", "refresh_token": "hostile-refresh", "expires_in": 3600,
                 "token_type": "bearer"}
        if not self.sc.drip_login:
            return web.json_response(token)
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        await resp.prepare(request)
        body = msgspec.json.encode(token)
        i = 0
        while True:  # a byte a second, and when the token is out, spaces: it never ends
            await resp.write(body[i: i + 1] if i < len(body) - 1 else b" ")
            i += 1
            await asyncio.sleep(1.0)

    async def me(self, request: web.Request) -> web.Response:
        name = MARKUP_NAMES[0] if self.sc.markup else "Hostile dispatcher"
        return web.json_response({"username": "dispatcher", "display_name": name, "role": "dispatcher",
                                  "scope": {"towns": None}, "can_control": True})

    async def inventory(self, request: web.Request) -> web.Response:
        return web.json_response({"version": self.version, "counts": {
            "sites_county": 1, "sites_town": 0, "sites_village": len(self.sites), "cameras": len(self.cameras),
            "grids": len(self.grids)}})

    async def events(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await resp.prepare(request)
        while True:  # quiet, but alive
            await resp.write(b": idle\n\n")
            await asyncio.sleep(5)

    async def other(self, request: web.Request) -> web.Response:
        if self.sc.markup:
            return _error(404, "not_found", "<h1>H1-ERROR</h1><img src=file:///etc/passwd>")
        return _error(404, "not_found", "no such thing")

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(f"{API}/auth/login", self.login)
        app.router.add_post(f"{API}/auth/refresh", self.login)
        app.router.add_get(f"{API}/me", self.me)
        app.router.add_get(f"{API}/inventory", self.inventory)
        app.router.add_get(f"{API}/cameras", self.h_cameras)
        app.router.add_get(f"{API}/sites", self.sites_)
        app.router.add_get(f"{API}/grids", self.grids_)
        app.router.add_get(f"{API}/alerts", self.alerts)
        app.router.add_get(f"{API}/conferences", self.conferences)
        app.router.add_get(f"{API}/events", self.events)
        app.router.add_post(f"{API}/streams/ticket", self.ticket)
        app.router.add_route("*", "/{tail:.*}", self.other)
        return app


def _error(status: int, code: str, message: str) -> web.Response:
    return web.Response(status=status, body=msgspec.json.encode({"error": {"code": code, "message": message}}),
                        content_type="application/json")


async def _serve(sc: Scenario) -> None:
    runner = web.AppRunner(Hostile(sc).app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"{URL_LINE}http://127.0.0.1:{port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


@dataclass
class Running:
    url: str
    proc: subprocess.Popen[str]


@contextmanager
def hostile_server(**scenario: Any) -> Iterator[Running]:
    """Start a hostile platform in its own process on a free loopback port; stop it afterwards."""
    from controlroom.demo.platform import die_with_parent

    cmd = [sys.executable, str(Path(__file__).resolve()), json.dumps(scenario)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=die_with_parent)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith(URL_LINE):
            raise RuntimeError(f"the hostile server did not start: {line!r}")
        yield Running(line[len(URL_LINE):].strip(), proc)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


if __name__ == "__main__":
    args = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    try:
        asyncio.run(_serve(Scenario(**args)))
    except KeyboardInterrupt:
        pass
