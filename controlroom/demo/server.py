"""The demo platform's HTTP API (v1), served with aiohttp.

It is a real platform on loopback: the same API the client speaks to a county
platform, over the demo network (``controlroom.demo.network``), with life
going on in it (``controlroom.demo.simulation``) and live video from the demo
media server. Scope is enforced here: a town desk neither lists nor plays
another town's cameras.

Started with ``test_hooks=True`` it also serves ``/_test/...`` endpoints that
tests use to steer it: inject a malformed answer, drop the event streams,
change a grid's status, raise an alert, stop and start the media server.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import logging
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import msgspec
from aiohttp import web

from controlroom.api import schema as s
from controlroom.api.openapi import openapi_document
from controlroom.demo.audit import AuditStore, add_audit_routes, workstation_of
from controlroom.demo.network import (
    DemoUser,
    Network,
    cameras_for_scope,
    grids_for_scope,
    sites_for_scope,
)

log = logging.getLogger("controlroom.demo")

API = "/api/v1"
MAX_PAGE = s.MAX_PAGE_LIMIT
EVENT_BUFFER = 20000
_enc = msgspec.json.Encoder()


def _json(obj: Any, status: int = 200) -> web.Response:
    return web.Response(body=_enc.encode(obj), status=status, content_type="application/json")


def _error(status: int, code: str, message: str) -> web.Response:
    return _json(s.ErrorResponse(error=s.ErrorBody(code=code, message=message)), status)


def _bad_request(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(
        body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="bad_request", message=message))),
        content_type="application/json",
    )


def _integral_floats(value: Any) -> Any:
    """A decoded JSON value with every float that has no fractional part made an int (where the
    schema wants a number, an int is one too)."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, list):
        return [_integral_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _integral_floats(v) for k, v in value.items()}
    return value


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "too_large"}


@web.middleware
async def _json_errors(request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
    """Every error is the document's ErrorResponse JSON, also those aiohttp makes itself
    (413 for a body over the limit, 404 and 405 from the router), which are text/plain."""
    if request.path.startswith(API) and any(not key for key in request.query):
        # a query parameter without a name is no parameter the document declares (Schemathesis)
        return _error(400, "bad_request", "a query parameter has no name")
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or exc.content_type == "application/json":
            raise
        code = _CODES.get(exc.status, "error")
        resp = _error(exc.status, code, exc.reason)
        for name in ("Allow",):  # keep what a client needs from the original headers
            if name in exc.headers:
                resp.headers[name] = exc.headers[name]
        return resp


@dataclass
class Login:
    """An access token's owner, expiry and login (the chain of refreshes it belongs to)."""

    user: DemoUser
    expires: float
    login_id: str = ""


@dataclass
class RefreshGrant:
    """A refresh token: works once, until ``expires``; it replaces ``access``."""

    user: DemoUser
    login_id: str
    expires: float
    access: str


@dataclass
class Ticket:
    """A stream ticket: one camera's profile, for a player that connects before ``expires``."""

    camera_id: str
    profile: str
    login_id: str
    user: DemoUser
    expires: float


@dataclass
class AuthPolicy:
    """Lifetimes and limits of the platform's credentials (test hooks may change them)."""

    refresh_ttl: float = 8 * 3600.0  # a desk logs in again after a working day without refreshes
    ticket_ttl: float = 30.0  # a player must connect within this
    max_session: float = 3600.0  # an open stream plays this long, then needs a fresh ticket
    login_failures: int = 5  # failed logins allowed per user name ...
    login_failures_address: int = 20  # ... and per client address (desks behind one NAT) ...
    login_window: float = 60.0  # ... within this many seconds; then 429 until the oldest ages out


class LoginThrottle:
    """Failed logins per key (user name, client address) in a sliding window."""

    def __init__(self, policy: AuthPolicy, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self.clock = clock
        self._fails: dict[str, collections.deque[float]] = {}

    def _recent(self, key: str, now: float) -> collections.deque[float]:
        q = self._fails.get(key)
        if q is None:
            q = self._fails[key] = collections.deque()
        while q and q[0] <= now - self.policy.login_window:
            q.popleft()
        return q

    def _limit(self, key: str) -> int:
        return self.policy.login_failures_address if key.startswith("addr:") else self.policy.login_failures

    def retry_after(self, *keys: str) -> float:
        """Seconds until a login may be tried again with these keys; 0 if now."""
        now = self.clock()
        wait = 0.0
        for key in keys:
            q = self._recent(key, now)
            limit = max(1, self._limit(key))
            if len(q) >= limit:
                wait = max(wait, q[len(q) - limit] + self.policy.login_window - now)
        return wait

    def failed(self, *keys: str) -> None:
        now = self.clock()
        for key in keys:
            self._recent(key, now).append(now)
        if len(self._fails) > 100_000:  # bounded: forget keys with nothing recent
            for key in [k for k, q in self._fails.items() if not self._recent(k, now)]:
                del self._fails[key]

    def clear(self) -> None:
        self._fails.clear()


@dataclass
class _Logged:
    event: Any
    payload: bytes  # the encoded SSE frame
    town: int | None  # None: everyone may see it
    audience: frozenset[str] | None = None  # usernames (besides dispatchers) who may see it; None: no limit


@dataclass
class Fault:
    """A malformed answer to hand out instead of the real one (test hooks)."""

    path: str
    kind: str
    times: int = 1


@dataclass
class EventLog:
    """Every event with its id, for replay after a reconnect (bounded)."""

    inventory_version: int = 1
    next_id: int = 1
    buffer: collections.deque[_Logged] = field(default_factory=lambda: collections.deque(maxlen=EVENT_BUFFER))
    subscribers: set[asyncio.Queue[_Logged | None]] = field(default_factory=set)
    town_of: Callable[[Any], int | None] = lambda ev: None
    audience_of: Callable[[Any], frozenset[str] | None] = lambda ev: None

    def emit(self, cls: type[Any], **fields: Any) -> Any:
        ev = cls(id=self.next_id, at=datetime.now(UTC), inventory_version=self.inventory_version, **fields)
        self.next_id += 1
        frame = b"id: %d\nevent: %s\ndata: %s\n\n" % (ev.id, s.event_type(ev).encode(), _enc.encode(ev))
        logged = _Logged(ev, frame, self.town_of(ev), self.audience_of(ev))
        self.buffer.append(logged)
        for q in list(self.subscribers):
            if q.qsize() > 5000:  # a client that stopped reading: cut it off
                self.subscribers.discard(q)
                q.put_nowait(None)
            else:
                q.put_nowait(logged)
        return ev

    def oldest_id(self) -> int:
        return self.buffer[0].event.id if self.buffer else self.next_id


class DemoApi:
    """The API v1 endpoints over one demo network."""

    def __init__(
        self,
        net: Network,
        *,
        media: Any = None,
        simulator: Any = None,
        token_ttl: int = 3600,
        test_hooks: bool = False,
        keepalive: float = 5.0,
        audit_db: Path | None = None,
    ) -> None:
        self.net = net
        self.audit = AuditStore(audit_db)  # the audit trail (controlroom/demo/audit.py)
        self.media = media
        self.sim = simulator
        self.token_ttl = token_ttl
        self._token_ttl_default = token_ttl
        self.test_hooks = test_hooks
        self.keepalive = keepalive
        self.sessions: dict[str, Login] = {}
        self.refresh_tokens: dict[str, RefreshGrant] = {}
        self.tickets: dict[str, Ticket] = {}
        self.auth_policy = AuthPolicy()
        self.throttle = LoginThrottle(self.auth_policy)
        self.users = {u.username: u for u in net.users}
        self.faults: list[Fault] = []
        self.log = EventLog(town_of=self._town_of_event, audience_of=self._audience_of_event)
        self.sites = {x.id: x for x in net.sites}
        self.cameras = {x.id: x for x in net.cameras}
        self.grids = {x.id: x for x in net.grids}
        self.on_logout: list[Callable[[str], int]] = []  # login id -> what it closed (playback sessions)
        self.playback: Any = None  # controlroom.demo.playback_api.PlaybackRoutes, once app() ran
        from controlroom.demo.ptz import DemoPtz  # PTZ positions, holds, presets, scene cameras

        self.ptz_demo = DemoPtz(net, media)

    # ------------------------------------------------------------------ scope

    def _town_of_site(self, site_id: str | None) -> int | None:
        return self.net.town_of_site.get(site_id) if site_id else None

    def _town_of_event(self, ev: Any) -> int | None:
        if isinstance(ev, s.CameraStatusEvent):
            cam = self.cameras.get(ev.camera_id)
            return self._town_of_site(cam.site_id) if cam else None
        if isinstance(ev, s.GridStatusEvent):
            grid = self.grids.get(ev.grid_id)
            return self._town_of_site(grid.site_id) if grid else None
        if isinstance(ev, s.AlertRaisedEvent):
            return self._alert_town(ev.alert)
        if isinstance(ev, s.AlertAcknowledgedEvent):
            alert = self._find_alert(ev.alert_id)
            return self._alert_town(alert) if alert else None
        return None

    def _alert_town(self, alert: s.Alert) -> int | None:
        site = alert.site_id
        if site is None and alert.camera_ids:
            cam = self.cameras.get(alert.camera_ids[0])
            site = cam.site_id if cam else None
        if site is None and alert.grid_id:
            grid = self.grids.get(alert.grid_id)
            site = grid.site_id if grid else None
        return self._town_of_site(site)

    @staticmethod
    def _visible(user: DemoUser, town: int | None) -> bool:
        return user.towns is None or town is None or town in user.towns

    @staticmethod
    def _audience_of_event(ev: Any) -> frozenset[str] | None:
        # a room's news reaches its members (and dispatchers) only
        return frozenset(ev.room.members) if isinstance(ev, s.ConferenceEvent) else None

    def _sees(self, user: DemoUser, item: _Logged) -> bool:
        """May ``user`` hear of this event: in scope, and in its audience (dispatchers always are)."""
        if not self._visible(user, item.town):
            return False
        return item.audience is None or user.role == s.Role.DISPATCHER or user.username in item.audience

    def _site_visible(self, user: DemoUser, site_id: str) -> bool:
        if user.towns is None:
            return True
        town = self._town_of_site(site_id)
        return town is None or town in user.towns

    def _find_alert(self, alert_id: str) -> s.Alert | None:
        return self.sim.alerts.get(alert_id) if self.sim is not None else None

    # ------------------------------------------------------------------ app

    def app(self) -> web.Application:
        app = web.Application(middlewares=[_json_errors, self._faults_mw], client_max_size=s.MAX_REQUEST_BODY)
        r = app.router
        r.add_post(f"{API}/auth/login", self.login)
        r.add_post(f"{API}/auth/refresh", self.refresh)
        r.add_post(f"{API}/auth/logout", self.logout)
        r.add_post(f"{API}/streams/ticket", self.stream_ticket)
        r.add_get(f"{API}/openapi.json", self.openapi)
        r.add_get(f"{API}/me", self.me)
        r.add_get(f"{API}/inventory", self.inventory)
        r.add_get(f"{API}/sites", self.sites_page)
        r.add_get(f"{API}/cameras", self.cameras_page)
        r.add_get(f"{API}/cameras/{{camera_id}}", self.camera_one)
        r.add_post(f"{API}/cameras/{{camera_id}}/ptz", self.ptz)
        from controlroom.demo.ptz import add_routes as add_ptz_routes

        add_ptz_routes(r, self)
        r.add_get(f"{API}/grids", self.grids_page)
        r.add_get(f"{API}/alerts", self.alerts_page)
        r.add_post(f"{API}/alerts/{{alert_id}}/ack", self.ack)
        r.add_get(f"{API}/conferences", self.conferences)
        r.add_post(f"{API}/conferences/{{room_id}}/join", self.join)
        r.add_post(f"{API}/conferences/{{room_id}}/leave", self.leave)
        r.add_post(f"{API}/conferences/{{room_id}}/hand", self.hand)
        r.add_post(f"{API}/conferences/{{room_id}}/mute", self.mute)
        r.add_get(f"{API}/events", self.events)
        r.add_get("/", self.index)
        add_audit_routes(self, app)
        from controlroom.demo import displays  # meeting displays (issue 13): registry and push

        displays.install(self, app)
        if self.test_hooks:
            r.add_post("/_test/fault", self.t_fault)
            r.add_post("/_test/clear-faults", self.t_clear_faults)
            r.add_post("/_test/drop-events", self.t_drop_events)
            r.add_post("/_test/grid-status", self.t_grid_status)
            r.add_post("/_test/camera-online", self.t_camera_online)
            r.add_post("/_test/alert", self.t_alert)
            r.add_post("/_test/media/{action}", self.t_media)
            r.add_post("/_test/resync", self.t_resync)
            r.add_post("/_test/revoke-tokens", self.t_revoke)
            r.add_post("/_test/conference", self.t_conference)
            r.add_post("/_test/auth-policy", self.t_auth_policy)
            # monitors: who still watches a stream (a closed wall window has left)
            from controlroom.demo import media_viewers

            media_viewers.add_routes(r, self)
        from controlroom.demo.playback_api import register as register_playback

        register_playback(self, app)  # recordings, playback, bookmarks, export (issue 12)
        app.on_shutdown.append(self._close_streams)
        return app

    async def _close_streams(self, _app: web.Application) -> None:
        for q in list(self.log.subscribers):
            q.put_nowait(None)

    # ------------------------------------------------------------------ helpers

    def _user(self, request: web.Request) -> DemoUser:
        auth = request.headers.get("Authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        sess = self.sessions.get(token)
        if sess is None or sess.expires < time.monotonic():
            raise web.HTTPUnauthorized(
                body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="unauthorized", message="missing, unknown or expired token"))),
                content_type="application/json",
            )
        return sess.user

    def user_for_token(self, token: str | None) -> DemoUser | None:
        sess = self.sessions.get(token or "")
        if sess is None or sess.expires < time.monotonic():
            return None
        return sess.user

    def _login_of(self, request: web.Request) -> Login:
        self._user(request)
        auth = request.headers.get("Authorization", "")
        return self.sessions[auth[7:]]

    def check_ticket(self, ticket: str | None, camera_id: str, profile: str) -> Ticket:
        """The ticket a media server was given, if it opens this stream now; else ``LookupError``
        with the status to answer (401 unknown or expired, 403 for another stream)."""
        t = self.tickets.get(ticket or "")
        if t is None or t.expires < time.monotonic():
            raise LookupError(401, "missing, unknown or expired stream ticket")
        if t.camera_id != camera_id or t.profile != profile:
            raise LookupError(403, "this ticket is for another stream")
        return t

    @staticmethod
    def _paging(request: web.Request) -> tuple[int, int]:
        try:
            offset = int(request.query.get("offset", "0"))
            limit = int(request.query.get("limit", "1000"))
        except ValueError:
            raise _bad_request("offset and limit must be integers") from None
        if offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise _bad_request(f"offset >= 0 and 1 <= limit <= {MAX_PAGE}")
        return offset, limit

    def _page(self, request: web.Request, items: list[Any]) -> web.Response:
        offset, limit = self._paging(request)
        chunk = items[offset : offset + limit]
        nxt = offset + limit if offset + limit < len(items) else None
        return _json(
            s.Page(items=chunk, total=len(items), offset=offset, next_offset=nxt, inventory_version=self.log.inventory_version)
        )

    @staticmethod
    async def _body(request: web.Request, type_: type[Any]) -> Any:
        try:
            # JSON Schema's "integer" includes 255.0: the document says integer, so take it
            return msgspec.convert(_integral_floats(msgspec.json.decode(await request.read())), type_)
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            raise _bad_request(str(exc)) from None

    # ------------------------------------------------------------------ faults (test hooks)

    @web.middleware
    async def _faults_mw(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        for fault in self.faults:
            if request.path.startswith(fault.path) and fault.times > 0:
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                return await self._faulty(request, fault.kind)
        return await handler(request)

    async def _faulty(self, request: web.Request, kind: str) -> web.StreamResponse:
        path = request.path
        if kind == "status_500":
            return _error(500, "internal", "simulated failure")
        if kind in ("html_error", "html_200"):
            # a proxy's error page, or a captive portal that answers 200 with HTML
            return web.Response(
                text="<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>",
                status=502 if kind == "html_error" else 200, content_type="text/html",
            )
        if kind == "invalid_json":
            return web.Response(body=b'{"items": [{"id": ', content_type="application/json")
        if kind == "hang":
            await asyncio.sleep(3600)
        # Shape faults: take the real answer and break it.
        good = {
            f"{API}/cameras": lambda: [msgspec.to_builtins(c) for c in self.net.cameras[:3]],
            f"{API}/sites": lambda: [msgspec.to_builtins(x) for x in self.net.sites[:3]],
            f"{API}/grids": lambda: [msgspec.to_builtins(g) for g in self.net.grids[:3]],
        }
        items: list[dict[str, Any]] = next((f() for p, f in good.items() if path.startswith(p)), [])
        if path.startswith(f"{API}/me"):
            body: Any = {"username": "dispatcher", "display_name": "x", "role": "dispatcher", "scope": {"towns": None}}
            if kind == "wrong_types":
                body["role"] = 42
            elif kind == "missing_fields":
                del body["role"]
            elif kind == "huge_string":
                body["display_name"] = "调" * 1_000_000
            return web.Response(body=msgspec.json.encode(body), content_type="application/json")
        if items:
            if kind == "wrong_types":
                items[1]["online"] = "yes"
            elif kind == "missing_fields":
                del items[1]["name"]
            elif kind == "huge_string":
                items[1]["name"] = "名" * 1_000_000
        page = {"items": items, "total": len(items), "offset": 0, "next_offset": None, "inventory_version": self.log.inventory_version}
        return web.Response(body=msgspec.json.encode(page), content_type="application/json")

    async def t_fault(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.faults.append(Fault(path=body["path"], kind=body["kind"], times=int(body.get("times", 1))))
        return _json({"ok": True})

    async def t_clear_faults(self, request: web.Request) -> web.Response:
        self.faults.clear()
        return _json({"ok": True})

    async def t_drop_events(self, request: web.Request) -> web.Response:
        n = len(self.log.subscribers)
        for q in list(self.log.subscribers):
            q.put_nowait(None)
        return _json({"dropped": n})

    async def t_grid_status(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.sim.set_grid_status(body["grid_id"], s.GridStatus(body["status"]), body.get("reason", ""))
        return _json({"ok": True, "last_event_id": self.log.next_id - 1})

    async def t_camera_online(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.sim.set_camera_online(body["camera_id"], bool(body["online"]))
        return _json({"ok": True, "last_event_id": self.log.next_id - 1})

    async def t_alert(self, request: web.Request) -> web.Response:
        body = await request.json()
        alert = self.sim.raise_alert(
            s.AlertKind(body.get("kind", "checkpoint_hit")), camera_id=body.get("camera_id"), grid_id=body.get("grid_id")
        )
        return _json(alert)

    async def t_media(self, request: web.Request) -> web.Response:
        action = request.match_info["action"]
        if self.media is None:
            return _error(404, "no_media", "this platform runs without a media server")
        if action == "stop":
            await self.media.stop()
        elif action == "start":
            await self.media.start()
        else:
            return _error(404, "unknown", action)
        return _json({"ok": True})

    async def t_resync(self, request: web.Request) -> web.Response:
        """Forget the replay buffer so the next resume must resync."""
        self.log.inventory_version += 1
        self.log.buffer.clear()
        return _json({"inventory_version": self.log.inventory_version})

    async def t_revoke(self, request: web.Request) -> web.Response:
        """Forget every access token (``{"all": true}``: refresh tokens and tickets too, as a restart does)."""
        body = await request.json() if request.can_read_body else {}
        self.sessions.clear()
        if body.get("all"):
            self.refresh_tokens.clear()
            self.tickets.clear()
        return _json({"ok": True})

    async def t_auth_policy(self, request: web.Request) -> web.Response:
        """Change credential lifetimes and login limits (``{"reset": true}``: the defaults again)."""
        body = await request.json()
        if body.pop("reset", False):
            for f in dataclasses.fields(AuthPolicy):
                setattr(self.auth_policy, f.name, f.default)
            self.token_ttl = self._token_ttl_default
            self.throttle.clear()
        for key, value in body.items():
            if key == "token_ttl":
                self.token_ttl = int(value)
            elif key in AuthPolicy.__dataclass_fields__:
                setattr(self.auth_policy, key, type(getattr(self.auth_policy, key))(value))
            else:
                return _error(400, "bad_request", f"unknown setting {key}")
        return _json({"ok": True})

    async def t_conference(self, request: web.Request) -> web.Response:
        """Give a participant the floor (``speaking: true``) or take it away, as the meeting would."""
        body = await request.json()
        room = self._room_by_id(body["room_id"])
        if "active" in body:  # the meeting starts or ends
            room.active = bool(body["active"])
            if not room.active:  # the desks are out; the simulated people stay for the next session
                room.participants[:] = [p for p in room.participants if not p.id.startswith("desk-")]
            self._conference_changed(room)
            return _json({"ok": True, "last_event_id": self.log.next_id - 1})
        who = self._participant(room, body["participant_id"])
        if body.get("speaking", True):
            for p in room.participants:
                p.speaking = p is who
            who.muted = False
        else:
            who.speaking = False
        self._conference_changed(room)
        return _json({"ok": True, "last_event_id": self.log.next_id - 1})

    # ------------------------------------------------------------------ endpoints

    async def index(self, request: web.Request) -> web.Response:
        return web.Response(
            text=f"ControlRoom demo platform. API: {API}/openapi.json\n", content_type="text/plain"
        )

    async def openapi(self, request: web.Request) -> web.Response:
        return _json(openapi_document())

    def _issue(self, user: DemoUser, login_id: str | None = None) -> s.Token:
        access = secrets.token_urlsafe(24)
        refresh = secrets.token_urlsafe(32)
        now = time.monotonic()
        login_id = login_id or secrets.token_urlsafe(12)
        self.sessions[access] = Login(user, now + self.token_ttl, login_id)
        self.refresh_tokens[refresh] = RefreshGrant(user, login_id, now + self.auth_policy.refresh_ttl, access)
        self._forget_expired(now)
        return s.Token(access_token=access, refresh_token=refresh, expires_in=self.token_ttl)

    def _forget_expired(self, now: float) -> None:
        if len(self.sessions) + len(self.refresh_tokens) + len(self.tickets) < 1000:
            return
        for table in (self.sessions, self.refresh_tokens, self.tickets):
            for key in [k for k, v in table.items() if v.expires < now]:  # type: ignore[attr-defined]
                del table[key]

    async def login(self, request: web.Request) -> web.Response:
        body = await self._body(request, s.LoginRequest)
        keys = (f"user:{body.username}", f"addr:{request.remote}")
        wait = self.throttle.retry_after(*keys)
        if wait > 0:
            # no password is checked while throttled: guessing gets nothing back
            seconds = max(1, int(wait + 0.999))
            resp = _error(429, "too_many_logins", f"too many failed logins; try again in {seconds} s")
            resp.headers["Retry-After"] = str(seconds)
            return resp
        user = self.users.get(body.username)
        if user is None or not secrets.compare_digest(user.password.encode(), body.password.encode()):
            self.throttle.failed(*keys)
            return _error(401, "bad_credentials", "unknown user or wrong password")
        log.info("login: %s", user.username)
        self.audit.record(user, workstation_of(request), s.AuditAction.LOGIN, address=request.remote or "")
        return _json(self._issue(user))

    async def refresh(self, request: web.Request) -> web.Response:
        body = await self._body(request, s.RefreshRequest)
        grant = self.refresh_tokens.pop(body.refresh_token, None)
        if grant is None or grant.expires < time.monotonic():
            return _error(401, "bad_refresh_token", "unknown, used or expired refresh token")
        # rotation: the access token this refresh token came with stops working now
        self.sessions.pop(grant.access, None)
        return _json(self._issue(grant.user, grant.login_id))

    def revoke_login(self, login_id: str) -> int:
        """Forget every token and ticket of one login and cut its open streams; streams cut."""
        for table in (self.sessions, self.refresh_tokens, self.tickets):
            for key in [k for k, v in table.items() if v.login_id == login_id]:  # type: ignore[attr-defined]
                del table[key]
        closed = sum(hook(login_id) for hook in self.on_logout)
        return closed + (self.media.cut_login(login_id) if self.media is not None else 0)

    async def logout(self, request: web.Request) -> web.Response:
        login = self._login_of(request)
        closed = self.revoke_login(login.login_id)
        self.audit.record(login.user, workstation_of(request), s.AuditAction.LOGOUT, address=request.remote or "")
        log.info("logout: %s (%d streams closed)", login.user.username, closed)
        return _json(s.LogoutResult(streams_closed=closed))

    async def stream_ticket(self, request: web.Request) -> web.Response:
        login = self._login_of(request)
        body = await self._body(request, s.StreamTicketRequest)
        cam = self.cameras.get(body.camera_id)
        if cam is None or not self.may_play(login.user, cam):
            return _error(404, "not_found", "no such camera")
        if self.media is None:
            return _error(404, "no_media", "this platform runs without a media server")
        ticket = secrets.token_urlsafe(24)
        policy = self.auth_policy
        self.tickets[ticket] = Ticket(cam.id, body.profile, login.login_id, login.user,
                                      time.monotonic() + policy.ticket_ttl)
        urls = {tr: f"{url}?{urlencode({'ticket': ticket})}" for tr, url in self.media.urls(cam.id, body.profile).items()}
        return _json(s.StreamTicket(
            camera_id=cam.id, profile=body.profile, ticket=ticket, expires_in=max(1, int(policy.ticket_ttl)),
            max_session=max(1, int(policy.max_session)), urls=urls,
        ))

    async def me(self, request: web.Request) -> web.Response:
        user = self._user(request)
        return _json(
            s.User(
                username=user.username,
                display_name=user.display_name,
                role=user.role,
                scope=s.Scope(towns=list(user.towns) if user.towns is not None else None),
                can_control=user.role != s.Role.PRESENTER,
            )
        )

    def _scoped_sites(self, user: DemoUser) -> list[s.Site]:
        return sites_for_scope(self.net, user.towns)

    def _scoped_cameras(self, user: DemoUser) -> list[s.Camera]:
        return cameras_for_scope(self.net, user.towns)

    def _scoped_grids(self, user: DemoUser) -> list[s.Grid]:
        return grids_for_scope(self.net, user.towns)

    async def inventory(self, request: web.Request) -> web.Response:
        user = self._user(request)
        sites = self._scoped_sites(user)
        tiers = collections.Counter(x.tier for x in sites)
        return _json(
            s.InventoryInfo(
                version=self.log.inventory_version,
                counts=s.InventoryCounts(
                    sites_county=tiers[s.Tier.COUNTY],
                    sites_town=tiers[s.Tier.TOWN],
                    sites_village=tiers[s.Tier.VILLAGE],
                    cameras=len(self._scoped_cameras(user)),
                    grids=len(self._scoped_grids(user)),
                ),
            )
        )

    async def sites_page(self, request: web.Request) -> web.Response:
        return self._page(request, self._scoped_sites(self._user(request)))

    async def cameras_page(self, request: web.Request) -> web.Response:
        user = self._user(request)
        cams = self._scoped_cameras(user)
        site_id = request.query.get("site_id")
        if site_id:
            if not self._site_visible(user, site_id):
                # 404 as for an id that does not exist: the answer must not tell them apart
                return _error(404, "not_found", "no such site")
            cams = [c for c in cams if c.site_id == site_id]
        return self._page(request, cams)

    def _camera_for(self, request: web.Request) -> tuple[DemoUser, s.Camera]:
        user = self._user(request)
        cam = self.cameras.get(request.match_info["camera_id"])
        if cam is None or not self._site_visible(user, cam.site_id):
            # the same answer for an id outside the scope as for one that does not exist
            raise web.HTTPNotFound(
                body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="not_found", message="no such camera"))),
                content_type="application/json",
            )
        return user, cam

    async def camera_one(self, request: web.Request) -> web.Response:
        return _json(self._camera_for(request)[1])

    async def ptz(self, request: web.Request) -> web.Response:
        user, cam = self._camera_for(request)
        cmd = await self._body(request, s.PtzCommand)
        if user.role == s.Role.PRESENTER:
            return _error(403, "view_only", "presenters may not steer cameras")
        if not cam.ptz:
            return _error(409, "no_ptz", "this camera cannot pan, tilt or zoom")
        status, body = self.ptz_demo.command(user, cam.id, cmd)
        if status < 300 and cmd.action != s.PtzAction.STOP:
            self.audit.record(user, workstation_of(request), s.AuditAction.PTZ, camera_id=cam.id,
                              detail=cmd.action.value if cmd.preset is None else f"preset {cmd.preset}",
                              address=request.remote or "")
        return _json(body, status)

    async def grids_page(self, request: web.Request) -> web.Response:
        return self._page(request, self._scoped_grids(self._user(request)))

    def _scoped_alerts(self, user: DemoUser) -> list[s.Alert]:
        alerts = self.sim.alerts.values() if self.sim is not None else ()
        values = [a for a in alerts if self._visible(user, self._alert_town(a))]
        values.sort(key=lambda a: a.raised_at, reverse=True)
        return values

    async def alerts_page(self, request: web.Request) -> web.Response:
        user = self._user(request)
        alerts = self._scoped_alerts(user)
        if request.query.get("state") == "open":
            alerts = [a for a in alerts if a.acknowledged_at is None]
        return self._page(request, alerts)

    async def ack(self, request: web.Request) -> web.Response:
        user = self._user(request)
        alert = self._find_alert(request.match_info["alert_id"])
        if alert is None or not self._visible(user, self._alert_town(alert)):
            return _error(404, "not_found", "no such alert")
        # the note is optional: clients before it send no body at all
        body = await self._body(request, s.AckRequest) if request.can_read_body else s.AckRequest()
        if user.role == s.Role.PRESENTER:
            return _error(403, "view_only", "presenters may not acknowledge alerts")
        if alert.acknowledged_at is None:
            alert = self.sim.acknowledge(alert.id, user.username, body.note.strip() or None)
            self.audit.record(user, workstation_of(request), s.AuditAction.ALERT_ACK,
                              camera_id=alert.camera_ids[0] if alert.camera_ids else None,
                              detail=f"{alert.id}: {body.note.strip()}"[:500], address=request.remote or "")
        return _json(alert)

    def _rooms(self) -> list[s.ConferenceRoom]:
        return self.net.rooms

    @staticmethod
    def _member(user: DemoUser, room: s.ConferenceRoom) -> bool:
        """Dispatchers see every room; anyone else only the rooms they are invited to."""
        return user.role == s.Role.DISPATCHER or user.username in room.members

    def _room(self, request: web.Request, user: DemoUser) -> s.ConferenceRoom:
        """The room of the path, if ``user`` may see it: to anyone else it does not exist (404)."""
        room = self._room_by_id(request.match_info["room_id"])
        if not self._member(user, room):
            raise web.HTTPNotFound(
                body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="not_found", message="no such room"))),
                content_type="application/json",
            )
        return room

    def _room_by_id(self, room_id: str) -> s.ConferenceRoom:
        for room in self._rooms():
            if room.id == room_id:
                return room
        raise web.HTTPNotFound(
            body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="not_found", message="no such room"))),
            content_type="application/json",
        )

    async def conferences(self, request: web.Request) -> web.Response:
        user = self._user(request)
        return _json([r for r in self._rooms() if self._member(user, r)])

    # A desk that joins is a participant, as on a real conference platform (an
    # MCU lists every endpoint): the others see it in their roster, and its
    # hand and mute state are its own. One entry per user (a second client of
    # the same user shares it); it has no camera here, and joins muted.

    def may_play(self, user: DemoUser, camera: s.Camera) -> bool:
        """In scope, or the camera of a participant in a conference the user's desk
        has joined (a meeting shares its participants' video with every desk in it)."""
        if self._site_visible(user, camera.site_id):
            return True
        desk = self._desk_id(user)
        return any(
            any(p.id == desk for p in room.participants) and any(p.camera_id == camera.id for p in room.participants)
            for room in self._rooms()
        )

    @staticmethod
    def _desk_id(user: DemoUser) -> str:
        return f"desk-{user.username}"

    def _desk_site(self, user: DemoUser) -> str | None:
        if user.towns is None:
            return self.net.sites[0].id if self.net.sites else None
        return next((x.id for x in self.net.sites if x.kind == s.SiteKind.POLICE_STATION
                     and self._town_of_site(x.id) == user.towns[0]), None)

    @staticmethod
    def _participant(room: s.ConferenceRoom, participant_id: str) -> s.Participant:
        for p in room.participants:
            if p.id == participant_id:
                return p
        raise web.HTTPNotFound(
            body=_enc.encode(s.ErrorResponse(error=s.ErrorBody(code="not_found", message="no such participant"))),
            content_type="application/json",
        )

    def _conference_changed(self, room: s.ConferenceRoom) -> None:
        snapshot = msgspec.structs.replace(room, participants=[msgspec.structs.replace(p) for p in room.participants])
        self.log.emit(s.ConferenceEvent, room=snapshot)

    async def join(self, request: web.Request) -> web.Response:
        user = self._user(request)
        room = self._room(request, user)
        if not room.active:
            return _error(409, "not_in_session", "this meeting is not in session")
        # Presenters (meeting displays) only view: they watch without a roster entry.
        desk = self._desk_id(user) if user.role != s.Role.PRESENTER else None
        if desk is not None and all(p.id != desk for p in room.participants):
            room.participants.append(s.Participant(
                id=desk, name=user.display_name, site_id=self._desk_site(user), camera_id=None,
                muted=True, speaking=False, hand_raised=False,
            ))
            self._conference_changed(room)
        streams = []
        for p in room.participants:
            cam = self.cameras.get(p.camera_id) if p.camera_id else None
            if cam is not None:
                streams.append(s.ParticipantStream(participant_id=p.id, streams=cam.streams))
        return _json(s.ConferenceJoin(room=room, streams=streams, participant_id=desk))

    async def leave(self, request: web.Request) -> web.Response:
        user = self._user(request)
        room = self._room(request, user)
        desk = self._desk_id(user)
        if any(p.id == desk for p in room.participants):
            room.participants[:] = [p for p in room.participants if p.id != desk]
            self._conference_changed(room)
        return _json(room)

    async def hand(self, request: web.Request) -> web.Response:
        user = self._user(request)
        room = self._room(request, user)
        body = await self._body(request, s.HandRequest)
        if user.role == s.Role.PRESENTER:
            return _error(403, "view_only", "presenters only view")
        me = next((p for p in room.participants if p.id == self._desk_id(user)), None)
        if me is None:
            return _error(409, "not_joined", "join the room before raising a hand")
        if me.hand_raised != body.raised:
            me.hand_raised = body.raised
            self._conference_changed(room)
        return _json(room)

    async def mute(self, request: web.Request) -> web.Response:
        user = self._user(request)
        room = self._room(request, user)
        body = await self._body(request, s.MuteRequest)
        who = self._participant(room, body.participant_id)
        if user.role == s.Role.PRESENTER:
            return _error(403, "view_only", "presenters only view")
        chair = user.role == s.Role.DISPATCHER and user.username == room.chair
        if not chair and who.id != self._desk_id(user):
            return _error(403, "not_chair", "only the chair mutes or unmutes others; a participant only itself")
        if who.muted != body.muted:
            who.muted = body.muted
            if who.muted:
                who.speaking = False  # a muted participant has lost the floor
            self._conference_changed(room)
        return _json(room)

    # ------------------------------------------------------------------ events

    async def events(self, request: web.Request) -> web.StreamResponse:
        user = self._user(request)
        raw = request.headers.get("Last-Event-ID") or request.query.get("last_event_id")
        try:
            last = int(raw) if raw else None
        except ValueError:
            return _error(400, "bad_request", "Last-Event-ID must be an integer")

        queue: asyncio.Queue[_Logged | None] = asyncio.Queue()
        # Snapshot and subscribe with no await between: nothing slips through.
        backlog: Iterable[_Logged] = ()
        resync: bytes | None = None
        if last is not None:
            if last < self.log.oldest_id() - 1 or last >= self.log.next_id:
                rid = self.log.next_id - 1
                ev = s.ResyncEvent(
                    id=rid, at=datetime.now(UTC), inventory_version=self.log.inventory_version,
                    reason="cannot replay from that event id; fetch the inventory again",
                )
                resync = b"id: %d\nevent: resync\ndata: %s\n\n" % (rid, _enc.encode(ev))
            else:
                backlog = [x for x in self.log.buffer if x.event.id > last]
        self.log.subscribers.add(queue)

        resp = web.StreamResponse(headers={
            "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no",
            # at least one line this often: three silent intervals tell a client the platform is gone
            "Heartbeat-Interval": f"{self.keepalive:g}",
        })
        await resp.prepare(request)
        try:
            await resp.write(b"retry: 1000\n\n")
            if resync:
                await resp.write(resync)
            for item in backlog:
                if self._sees(user, item):
                    await resp.write(item.payload)
            while True:
                try:
                    queued = await asyncio.wait_for(queue.get(), timeout=self.keepalive)
                except TimeoutError:
                    await resp.write(b": heartbeat\n\n")
                    continue
                if queued is None:
                    break  # dropped on purpose (test hook) or shutting down
                if self._sees(user, queued):
                    await resp.write(queued.payload)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.log.subscribers.discard(queue)
        return resp
