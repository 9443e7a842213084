"""API v1 playback routes of the demo platform (issue 12): recordings and marks, playback
sessions, bookmarks, export. ``register(api, app)`` adds them to ``DemoApi.app()``.

Scope is the platform's, as everywhere in API v1: a camera outside the
caller's towns is "not found" (404, the same as a camera that does not
exist); a playback session is its login's (404 to anyone else); presenters
play and list but neither export nor create or delete bookmarks (403
view_only). Every window, count and body is bounded (see the schema's
playback block).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import logging
import secrets
import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from controlroom.api import schema as s
from controlroom.demo.playback import PlaybackManager, PlaybackSession, export_chunks, moment
from controlroom.demo.recordings import Recordings, window_ok

if TYPE_CHECKING:
    from controlroom.demo.network import DemoUser
    from controlroom.demo.server import DemoApi

log = logging.getLogger("controlroom.demo.playback")

API = "/api/v1"
MAX_BOOKMARKS = 10000
MAX_BOOKMARK_S = 7 * 24 * 3600
SWEEP_EVERY = 10.0


_STATUS: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest, 403: web.HTTPForbidden, 404: web.HTTPNotFound, 409: web.HTTPConflict,
    422: web.HTTPUnprocessableEntity,
}


def _err(status: int, code: str, message: str) -> web.HTTPException:
    return _STATUS[status](
        body=s.encoder.encode(s.ErrorResponse(error=s.ErrorBody(code=code, message=message))),
        content_type="application/json",
    )


def _bad(message: str) -> web.HTTPException:
    return _err(400, "bad_request", message)


def _bad_range(message: str) -> web.HTTPException:
    """A time range each of whose ends is valid but that does not fit (empty, backwards, too long):
    409, as API v1 answers what the schema cannot express (``Route(conflict=...)``)."""
    return _err(409, "bad_range", message)


def _json(obj: Any, status: int = 200) -> web.Response:
    return web.Response(body=s.encoder.encode(obj), status=status, content_type="application/json")


def parse_time(request: web.Request, name: str, required: bool = True) -> datetime | None:
    raw = request.query.get(name)
    if raw is None:
        if required:
            raise _bad(f"{name} is required (an RFC 3339 time with its UTC offset)")
        return None
    if len(raw) > 64:
        raise _bad(f"{name} is too long")
    try:
        t = datetime.fromisoformat(raw)
        t.timestamp()
    except (ValueError, OverflowError, OSError):
        raise _bad(f"{name} is not an RFC 3339 time") from None
    if t.tzinfo is None:
        raise _bad(f"{name} needs its UTC offset (for example 2026-12-02T05:00:00Z)")
    return t


class PlaybackRoutes:
    def __init__(self, api: DemoApi) -> None:
        self.api = api
        sim = api.sim
        self.recordings = Recordings(api.net, alerts=lambda: tuple(sim.alerts.values()) if sim is not None else ())
        self.manager = PlaybackManager(self.recordings, api.net.stream_index)
        self.bookmarks: collections.OrderedDict[str, s.Bookmark] = collections.OrderedDict()
        self._ids = itertools.count(1)
        self._sweeper: asyncio.Task[None] | None = None

    # ------------------------------------------------------------------ helpers

    def _camera(self, user: DemoUser, camera_id: str) -> s.Camera:
        cam = self.api.cameras.get(camera_id)
        if cam is None or not self.api._site_visible(user, cam.site_id):
            raise _err(404, "not_found", "no such camera")
        return cam

    def _state(self, sess: PlaybackSession) -> s.PlaybackState:
        pos = sess.position()
        media = self.api.media
        streams = []
        for ticket, cam in sess.tickets.items():
            urls: dict[s.Transport, str] = {}
            if media is not None:
                base = urlsplit(media.urls(cam, sess.profile)[s.Transport.HTTP_TS])
                urls[s.Transport.HTTP_TS] = (f"http://{base.netloc}/playback/{sess.id}/{cam}.ts?"
                                             f"{urlencode({'ticket': ticket})}")
                rtsp = urlsplit(media.urls(cam, sess.profile)[s.Transport.RTSP])
                urls[s.Transport.RTSP] = (f"rtsp://{rtsp.netloc}/media/{cam}/playback-{sess.id}?"
                                          f"{urlencode({'ticket': ticket})}")
            streams.append(s.PlaybackStream(camera_id=cam, urls=urls,
                                            recording=self.recordings.recorded(cam, pos)))
        return s.PlaybackState(
            id=sess.id, position=moment(pos), speed=sess.speed, paused=sess.paused, streams=streams,
            expires_in=self.manager.expires_in(sess),
        )

    @staticmethod
    def _speed_ok(speed: float) -> None:
        if speed not in s.PLAYBACK_SPEEDS:
            raise _err(422, "unprocessable", "speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16")

    def _session(self, request: web.Request) -> PlaybackSession:
        login = self.api._login_of(request)
        sess = self.manager.get(request.match_info["playback_id"], login.login_id)
        if sess is None:
            raise _err(404, "not_found", "no such playback (it may have expired)")
        return sess

    # ------------------------------------------------------------------ recordings

    async def recordings_get(self, request: web.Request) -> web.Response:
        _user, cam = self.api._camera_for(request)
        start, end = parse_time(request, "start"), parse_time(request, "end")
        assert start is not None and end is not None
        why = window_ok(start, end)
        if why:
            raise _bad_range(why)
        return _json(self.recordings.timeline(cam.id, start, end))

    # ------------------------------------------------------------------ playback

    async def open(self, request: web.Request) -> web.Response:
        login = self.api._login_of(request)
        body: s.PlaybackOpen = await self.api._body(request, s.PlaybackOpen)
        self._speed_ok(body.speed)
        for cid in body.camera_ids:
            self._camera(login.user, cid)
        if self.api.media is None:
            raise _err(404, "no_media", "this platform runs without a media server")
        sess = self.manager.open(login.login_id, login.user.username, body.camera_ids, body.at.timestamp(),
                                 body.speed, body.profile)
        log.info("playback %s opened by %s: %d cameras", sess.id, login.user.username, len(sess.camera_ids))
        return _json(self._state(sess), 201)

    async def state(self, request: web.Request) -> web.Response:
        return _json(self._state(self._session(request)))

    async def control(self, request: web.Request) -> web.Response:
        sess = self._session(request)
        body: s.PlaybackControl = await self.api._body(request, s.PlaybackControl)
        if body.action == "seek":
            if body.at is None:
                raise _err(422, "unprocessable", "seek needs at")
            sess.seek(body.at.timestamp())
        elif body.action == "speed":
            if body.speed is None:
                raise _err(422, "unprocessable", "speed needs speed")
            self._speed_ok(body.speed)
            sess.set_speed(body.speed)
        elif body.action == "pause":
            sess.pause()
        else:
            sess.resume()
        return _json(self._state(sess))

    async def close(self, request: web.Request) -> web.Response:
        sess = self._session(request)
        self.manager.close(sess.id)
        return web.Response(status=204)

    async def media(self, request: web.Request) -> web.StreamResponse:
        """``/playback/{session}/{camera_id}.ts?ticket=`` on the media server's HTTP port."""
        try:
            sess = self.manager.authorize(request.match_info["session"], request.match_info["camera_id"],
                                          request.query.get("ticket"))
        except LookupError as exc:
            status, message = exc.args
            return web.Response(status=status, text=f"{status} {message}\n")
        response = web.StreamResponse(headers={"Content-Type": "video/mp2t", "Cache-Control": "no-cache, no-store"})
        await response.prepare(request)
        media = self.api.media
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self.manager.stream_ts(sess, request.match_info["camera_id"], response.write,
                                         running=lambda: media is not None and media.running)
        return response

    # ------------------------------------------------------------------ bookmarks

    def _bookmark_visible(self, user: DemoUser, b: s.Bookmark) -> bool:
        cam = self.api.cameras.get(b.camera_id)
        return cam is not None and self.api._site_visible(user, cam.site_id)

    async def bookmarks_list(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        camera_id = request.query.get("camera_id")
        if camera_id is not None:
            self._camera(user, camera_id)
        start, end = parse_time(request, "start", False), parse_time(request, "end", False)
        items = [b for b in self.bookmarks.values() if self._bookmark_visible(user, b)
                 and (camera_id is None or b.camera_id == camera_id)
                 and (start is None or b.end > start) and (end is None or b.start < end)]
        items.sort(key=lambda b: (b.start, b.id))
        return self.api._page(request, items)

    async def bookmark_create(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        body: s.BookmarkCreate = await self.api._body(request, s.BookmarkCreate)
        cam = self._camera(user, body.camera_id)
        if user.role == s.Role.PRESENTER:
            raise _err(403, "view_only", "presenters may not create bookmarks")
        if body.end <= body.start:
            raise _bad_range("start must be before end")
        if body.end - body.start > timedelta(seconds=MAX_BOOKMARK_S):
            raise _bad_range("a bookmark spans at most 7 days")
        bid = f"bm-{next(self._ids)}-{secrets.token_hex(3)}"
        b = s.Bookmark(id=bid, camera_id=cam.id, start=body.start.astimezone(UTC), end=body.end.astimezone(UTC),
                       note=body.note, author=user.username, created_at=datetime.now(UTC))
        self.bookmarks[bid] = b
        while len(self.bookmarks) > MAX_BOOKMARKS:
            self.bookmarks.popitem(last=False)
        self.api.log.emit(s.BookmarkCreatedEvent, bookmark=b)
        return _json(b, 201)

    async def bookmark_delete(self, request: web.Request) -> web.Response:
        user = self.api._user(request)
        b = self.bookmarks.get(request.match_info["bookmark_id"])
        if b is None or not self._bookmark_visible(user, b):
            raise _err(404, "not_found", "no such bookmark")
        if user.role == s.Role.PRESENTER:
            raise _err(403, "view_only", "presenters may not delete bookmarks")
        if user.role != s.Role.DISPATCHER and b.author != user.username:
            raise _err(403, "not_author", "only its author or a dispatcher deletes a bookmark")
        del self.bookmarks[b.id]
        self.api.log.emit(s.BookmarkDeletedEvent, bookmark_id=b.id, camera_id=b.camera_id)
        return web.Response(status=204)

    def town_of_event(self, ev: Any) -> int | None:
        cid = ev.bookmark.camera_id if isinstance(ev, s.BookmarkCreatedEvent) else ev.camera_id
        cam = self.api.cameras.get(cid)
        return self.api._town_of_site(cam.site_id) if cam else None

    # ------------------------------------------------------------------ export

    async def export(self, request: web.Request) -> web.StreamResponse:
        user, cam = self.api._camera_for(request)
        if user.role == s.Role.PRESENTER:
            raise _err(403, "view_only", "presenters may not export")
        start, end = parse_time(request, "start"), parse_time(request, "end")
        assert start is not None and end is not None
        profile = request.query.get("profile", "main")
        if profile not in ("main", "sub"):
            raise _bad("profile is main or sub")
        if end <= start:
            raise _bad_range("start must be before end")
        if end - start > timedelta(seconds=s.MAX_EXPORT_S):
            raise _bad_range(f"an export spans at most {s.MAX_EXPORT_S // 60} minutes")
        a, b = start.timestamp(), end.timestamp()
        if not self.recordings.ranges(cam.id, a, b):
            raise _err(404, "no_recording", "there is no recording in that range")
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=32)
        stop = threading.Event()

        def put(item: bytes | None) -> bool:
            fut = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
            while True:
                try:
                    fut.result(timeout=0.5)
                    return True
                except TimeoutError:
                    if stop.is_set():
                        fut.cancel()
                        return False

        def produce() -> None:
            pending: list[bytes] = []
            size = 0
            try:
                for chunk in export_chunks(self.recordings, self.api.net.stream_index.get(cam.id, 0), cam.id,
                                           a, b, profile, stop):
                    pending.append(chunk)
                    size += len(chunk)
                    if size >= 64 * 1024:
                        if not put(b"".join(pending)):
                            return
                        pending, size = [], 0
                if pending and not put(b"".join(pending)):
                    return
            except Exception:
                log.exception("export of %s failed", cam.id)
            finally:
                put(None)

        name = f"{cam.id}_{start.astimezone(UTC):%Y%m%dT%H%M%S}Z.ts"
        response = web.StreamResponse(headers={"Content-Type": "video/mp2t",
                                               "Content-Disposition": f'attachment; filename="{name}"'})
        await response.prepare(request)
        worker = loop.run_in_executor(None, produce)
        try:
            while (chunk := await queue.get()) is not None:
                await response.write(chunk)
            await response.write_eof()
        except (ConnectionError, RuntimeError):
            pass
        finally:
            stop.set()
            with contextlib.suppress(asyncio.QueueEmpty):
                queue.get_nowait()  # let a blocked producer see the stop
            await worker
        return response

    # ------------------------------------------------------------------ lifecycle

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_EVERY)
            self.manager.sweep()

    async def _startup(self, _app: web.Application) -> None:
        self._sweeper = asyncio.ensure_future(self._sweep_forever())

    async def _cleanup(self, _app: web.Application) -> None:
        self.manager.close_all()
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper


def register(api: DemoApi, app: web.Application) -> PlaybackRoutes:
    """Add the playback routes to ``app``, the recorded-media handler to the media server,
    the bookmark events' scope to the event log, and closing sessions to logout."""
    routes = PlaybackRoutes(api)
    r = app.router
    r.add_get(f"{API}/cameras/{{camera_id}}/recordings", routes.recordings_get)
    r.add_get(f"{API}/cameras/{{camera_id}}/export", routes.export)
    r.add_post(f"{API}/playback", routes.open)
    r.add_get(f"{API}/playback/{{playback_id}}", routes.state)
    r.add_post(f"{API}/playback/{{playback_id}}/control", routes.control)
    r.add_delete(f"{API}/playback/{{playback_id}}", routes.close)
    r.add_get(f"{API}/bookmarks", routes.bookmarks_list)
    r.add_post(f"{API}/bookmarks", routes.bookmark_create)
    r.add_delete(f"{API}/bookmarks/{{bookmark_id}}", routes.bookmark_delete)
    if api.media is not None:
        api.media.playback_http = routes.media
        api.media.playback_rtsp = routes.manager.rtsp_source
    town_of = api.log.town_of

    def town_of_event(ev: Any) -> int | None:
        if isinstance(ev, (s.BookmarkCreatedEvent, s.BookmarkDeletedEvent)):
            return routes.town_of_event(ev)
        return town_of(ev)

    api.log.town_of = town_of_event
    api.on_logout.append(routes.manager.cut_login)
    app.on_startup.append(routes._startup)
    app.on_cleanup.append(routes._cleanup)
    api.playback = routes
    return routes
