"""The demo platform's display registry and push commands (API v1, issue 13).

- ``POST /api/v1/displays/{name}/heartbeat`` registers display ``name`` for the
  caller's user (the display's user) and keeps it online; it is offline
  ``deadline`` seconds after its last heartbeat. A name another user's display
  holds while online is a 409 (``name_taken``).
- ``GET /api/v1/displays``: dispatchers see every display; anyone else the
  displays its own user registered.
- ``POST /api/v1/displays/{name}/show`` pushes what it shows. Dispatchers may
  push to any display, a presenter to the displays its own user registered
  (the display it is logged in at), a town desk to none (403). Every camera
  pushed must be one the caller may see (404 otherwise, as elsewhere) and one
  the display's user may see (409 ``display_scope``): a display cannot play
  what its login may not open.

Events: ``display.show`` (the command) and ``display.updated`` (the entry),
heard by the display's user and by dispatchers.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import msgspec
from aiohttp import web

from controlroom.api import schema as s
from controlroom.demo.audit import workstation_of
from controlroom.wall.layouts import Cell, Layout, LayoutError

if TYPE_CHECKING:
    from controlroom.demo.network import DemoUser
    from controlroom.demo.server import DemoApi

API = "/api/v1"
DEADLINE = 15.0  # s without a heartbeat before a display is offline
SWEEP = 0.25  # s between checks of the deadlines


@dataclass
class _Entry:
    name: str
    user: DemoUser
    last_seen: float  # monotonic
    last_seen_at: datetime
    since: datetime
    online: bool = True
    showing: s.DisplayContent | None = None
    sent_by: str | None = None
    sent_at: datetime | None = None
    seq: int = 0


class DisplayRegistry:
    """Display name -> entry, with the deadline that takes silent displays offline."""

    def __init__(self, api: DemoApi, *, deadline: float = DEADLINE, clock: Callable[[], float] = time.monotonic) -> None:
        self.api = api
        self.deadline = deadline
        self.clock = clock
        self.entries: dict[str, _Entry] = {}
        self._sweeper: asyncio.Task[None] | None = None

    # ------------------------------------------------------------------ wiring

    def install(self, app: web.Application) -> None:
        r = app.router
        r.add_get(f"{API}/displays", self.list)
        r.add_post(f"{API}/displays/{{name}}/heartbeat", self.heartbeat)
        r.add_post(f"{API}/displays/{{name}}/show", self.show)
        if self.api.test_hooks:
            r.add_post("/_test/displays", self.t_displays)
        app.on_startup.append(self._start)
        app.on_cleanup.append(self._stop)
        # display news reaches the display's user (and dispatchers) only
        others = self.api.log.audience_of

        def audience(ev: Any) -> frozenset[str] | None:
            mine = self._audience(ev)
            return mine if mine is not None else others(ev)

        self.api.log.audience_of = audience

    def _audience(self, ev: Any) -> frozenset[str] | None:
        if isinstance(ev, s.DisplayUpdatedEvent):
            return frozenset((ev.display.user,))
        if isinstance(ev, s.DisplayShowEvent):
            entry = self.entries.get(ev.name)
            return frozenset((entry.user.username,) if entry else ())
        return None

    async def _start(self, _app: web.Application) -> None:
        self._sweeper = asyncio.ensure_future(self._sweep_forever())

    async def _stop(self, _app: web.Application) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(SWEEP)
            self.sweep()

    def sweep(self) -> None:
        """Displays silent past the deadline go offline (one ``display.updated`` each)."""
        now = self.clock()
        for entry in self.entries.values():
            if entry.online and now - entry.last_seen > self.deadline:
                entry.online = False
                self._updated(entry)

    # ------------------------------------------------------------------ helpers

    def _wire(self, e: _Entry) -> s.Display:
        return s.Display(name=e.name, online=e.online, user=e.user.username, last_seen=e.last_seen_at, since=e.since,
                         deadline_s=self.deadline, showing=e.showing, sent_by=e.sent_by, sent_at=e.sent_at, seq=e.seq)

    def _updated(self, e: _Entry) -> None:
        self.api.log.emit(s.DisplayUpdatedEvent, display=self._wire(e))

    @staticmethod
    def _error(status: int, code: str, message: str) -> web.Response:
        return web.Response(body=msgspec.json.encode(s.ErrorResponse(error=s.ErrorBody(code=code, message=message))),
                            status=status, content_type="application/json")

    def _name(self, request: web.Request) -> str:
        name = request.match_info["name"]
        try:
            return msgspec.convert(name, s.DisplayName)
        except msgspec.ValidationError:
            # 409, not 400: the document's path parameter is any string (see openapi._DISPLAY)
            raise web.HTTPConflict(
                body=msgspec.json.encode(s.ErrorResponse(error=s.ErrorBody(
                    code="bad_name", message="a display's name is 1-64 characters of plain text: no slash, markup, "
                    "control or format characters, no space at either end"))),
                content_type="application/json") from None

    def _check_content(self, content: s.DisplayContent, pusher: DemoUser | None, owner: DemoUser) -> web.Response | None:
        """None if ``pusher`` may send ``content`` and the display's user ``owner`` may see it; else the answer."""
        api = self.api
        if isinstance(content, s.ShowView):
            try:
                layout = Layout(content.layout.name, content.layout.rows, content.layout.cols,
                                tuple(Cell(c.row, c.col, c.rowspan, c.colspan) for c in content.layout.cells))
            except LayoutError as exc:
                # well-formed but not a layout (cells that do not cover the grid once): 409, as the document says
                return self._error(409, "bad_layout", f"layout: {exc}")
            if len(content.camera_ids) > len(layout):
                return self._error(409, "bad_layout", f"{len(content.camera_ids)} cameras for {len(layout)} tiles")
        cameras: list[str] = []
        if isinstance(content, s.ShowView):
            cameras = [c for c in content.camera_ids if c]
        elif isinstance(content, s.ShowCamera):
            cameras = [content.camera_id]
        elif isinstance(content, s.ShowIncident):
            alert = api._find_alert(content.alert_id)
            if alert is None or (pusher is not None and not api._visible(pusher, api._alert_town(alert))):
                return self._error(404, "not_found", "no such alert")
            if not api._visible(owner, api._alert_town(alert)):
                return self._error(409, "display_scope", f"display's user {owner.username} may not see this alert")
            cameras = list(content.camera_ids)
        elif isinstance(content, s.ShowConference):
            room = next((r for r in api._rooms() if r.id == content.room_id), None)
            if room is None or (pusher is not None and not api._member(pusher, room)):
                return self._error(404, "not_found", "no such room")
            if not api._member(owner, room):
                return self._error(409, "display_scope",
                                   f"display's user {owner.username} is not a member of room {room.id}")
            if not room.active:
                return self._error(409, "not_in_session", "this meeting is not in session")
        for cid in cameras:
            cam = api.cameras.get(cid)
            if cam is None or (pusher is not None and not api._site_visible(pusher, cam.site_id)):
                return self._error(404, "not_found", f"no such camera {cid}")
            if not api.may_play(owner, cam):
                return self._error(409, "display_scope",
                                   f"camera {cid} is outside what the display's user {owner.username} may see")
        return None

    # ------------------------------------------------------------------ endpoints

    async def list(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        self.sweep()
        entries = [e for e in self.entries.values()
                   if user.role == s.Role.DISPATCHER or e.user.username == user.username]
        entries.sort(key=lambda e: e.name)
        return web.Response(body=msgspec.json.encode([self._wire(e) for e in entries]),
                            content_type="application/json")

    async def heartbeat(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        name = self._name(request)
        body = await self.api._body(request, s.DisplayHeartbeat) if request.can_read_body else s.DisplayHeartbeat()
        now, at = self.clock(), datetime.now(UTC)
        self.sweep()
        entry = self.entries.get(name)
        if entry is not None and entry.user.username != user.username and entry.online:
            return self._error(409, "name_taken", f"display {name} is registered by another user, who is online")
        if entry is None and len(self.entries) >= s.MAX_DISPLAYS:
            # forget the longest-silent offline display; refuse when all are online
            silent = [e for e in self.entries.values() if not e.online]
            if not silent:
                return self._error(409, "too_many_displays", f"the platform keeps at most {s.MAX_DISPLAYS} displays")
            del self.entries[min(silent, key=lambda e: e.last_seen).name]
        changed = False
        if entry is None or entry.user.username != user.username:
            # new, or taken over after its user went offline; a platform that restarted
            # learns what the display shows (if its user may see it)
            showing = body.showing
            if showing is not None and self._check_content(showing, None, user) is not None:
                showing = None
            entry = self.entries[name] = _Entry(name, user, now, at, at, showing=showing, seq=0)
            changed = True
        if not entry.online:
            entry.online = changed = True
        entry.last_seen, entry.last_seen_at = now, at
        if changed:
            self._updated(entry)
        return web.Response(body=msgspec.json.encode(self._wire(entry)), content_type="application/json")

    async def show(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        name = self._name(request)
        if user.role == s.Role.TOWN_DESK:
            return self._error(403, "not_allowed", "only dispatchers send to meeting displays")
        content: s.DisplayContent = await self.api._body(request, s.DisplayShowRequest)  # type: ignore[arg-type]
        self.sweep()
        entry = self.entries.get(name)
        if entry is None or (user.role != s.Role.DISPATCHER and entry.user.username != user.username):
            if entry is not None and user.role == s.Role.PRESENTER:
                return self._error(403, "not_your_display", "a presenter drives only the display it is logged in at")
            return self._error(404, "not_found", "no such display")
        refused = self._check_content(content, user, entry.user)
        if refused is not None:
            return refused
        if not entry.online:
            return self._error(409, "display_offline", f"display {name} is offline")
        entry.seq += 1
        blank = isinstance(content, s.ShowBlank)
        entry.showing = None if blank else content
        entry.sent_by, entry.sent_at = user.username, datetime.now(UTC)
        self.api.log.emit(s.DisplayShowEvent, name=name, content=content, sent_by=user.username, seq=entry.seq)
        self._updated(entry)
        # the trail: who sent what to which display (the platform sees it itself)
        kind = type(content).__struct_config__.tag
        self.api.audit.record(user, workstation_of(request), s.AuditAction.DISPLAY_PUSH,
                              camera_id=content.camera_id if isinstance(content, s.ShowCamera) else None,
                              detail=f"{name}: {kind}", address=request.remote or "")
        return web.Response(body=msgspec.json.encode(self._wire(entry)), content_type="application/json")

    async def t_displays(self, request: web.Request) -> web.Response:
        """Test hook: ``{"deadline": seconds}`` changes the offline deadline; ``{"forget": true}`` the registry."""
        body = await request.json()
        if "deadline" in body:
            self.deadline = float(body["deadline"])
        if body.get("forget"):
            self.entries.clear()
        self.sweep()
        return web.Response(body=msgspec.json.encode({"ok": True}), content_type="application/json")


def install(api: DemoApi, app: web.Application) -> DisplayRegistry:
    """Serve the display registry on ``app`` (called from ``DemoApi.app``)."""
    registry = DisplayRegistry(api)
    registry.install(app)
    api.displays = registry  # type: ignore[attr-defined]
    return registry
