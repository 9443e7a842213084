"""The platform API v1 client: one ``httpx.AsyncClient`` per platform.

It logs in, renews its token before it expires (and once more on a 401:
refresh, else log in again with the credentials it keeps in memory, as after
a platform restart), asks for a stream ticket per stream it plays, logs out,
retries idempotent requests with capped backoff, pages through large lists
concurrently, and decodes every answer strictly into the schema types: a
malformed payload becomes a ``PayloadError`` that says what was wrong, never a
crash deep in the UI.

Every platform is treated as hostile (``RequestLimits``): each answer's body
is read as a stream and cut off past ``max_body_bytes``; each call (retries
and body included) has an overall deadline, so a server that drips a byte a
second cannot hold a call open; paging trusts no ``total`` (at most
``max_items`` items in at most ``MAX_PAGES`` pages, and it stops at the first
short page); a page is decoded record by record when it does not decode
whole, so one bad record is skipped and reported (``SkippedRecord``) while
the others load.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import random
import re
import ssl
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx
import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom import __version__
from controlroom.api import errors
from controlroom.api.schema import (  # playback (issue 12)
    AckRequest,
    Alert,
    AuditBatch,
    AuditBatchResult,
    AuditEntry,
    Bookmark,
    BookmarkCreate,
    Camera,
    ConferenceJoin,
    ConferenceRoom,
    ErrorResponse,
    Grid,
    HandRequest,
    InventoryInfo,
    LoginRequest,
    MuteRequest,
    Page,
    PlaybackControl,
    PlaybackOpen,
    PlaybackState,
    PtzCommand,
    PtzPreset,
    PtzPresetSave,
    PtzResult,
    PtzState,
    RecordingTimeline,
    RefreshRequest,
    Site,
    StreamTicket,
    StreamTicketRequest,
    Token,
    User,
)

log = logging.getLogger("controlroom.api")

T = TypeVar("T")

API = "/api/v1"
PAGE_SIZE = 2000
PAGE_CONCURRENCY = 4
#: The most items one paged list may hold: 3.5x Pingyi's 28,500 cameras. A platform
#: that claims more (``total: 1000000000``) costs no more than this.
MAX_ITEMS = 100_000
#: The most pages one list may take (a server that pages by 1 item cannot make us loop).
MAX_PAGES = 200
#: Error answers are read up to this much: enough for the message, never a flood.
ERROR_BODY_BYTES = 64 * 1024
#: Skipped records whose ids are read for the report (the count is always exact).
SKIP_REASONS_KEPT = 20
# Refresh the access token this long before it expires.
REFRESH_MARGIN = 30.0
_RETRY_STATUSES = {502, 503, 504}
_TITLE = re.compile(rb"<title>(.*?)</title>", re.I | re.S)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RequestLimits:
    """What one platform may cost us: bytes per answer, seconds per call, items per list.

    The defaults are ``controlroom.settings`` ``platform.max_response_mb`` (64 MB:
    the whole 28,500-camera inventory in one answer is about 20 MB, a 2,000-camera
    page 1.4 MB, measured on the demo) and ``platform.request_deadline_s`` (30 s).
    """

    max_body_bytes: int = 64_000_000
    deadline: float = 30.0
    max_items: int = MAX_ITEMS

    @classmethod
    def from_settings(cls, settings: Any) -> RequestLimits:
        """The limits the operator set (``settings.get``: a ``controlroom.settings.Settings``)."""
        return cls(max_body_bytes=int(settings.get("platform.max_response_mb")) * 1_000_000,
                   deadline=float(settings.get("platform.request_deadline_s")))


_gc_pauses = 0  # how many pauses of the automatic collector are open (any task, any order)
_gc_was_enabled = True  # the collector's state when the first of them opened


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic garbage collection inside; the collector's state comes back when the last
    pause that is open ends. Pauses of concurrent tasks end in any order (a display's load and
    its session's resync after a platform restart): a per-context "was it enabled" would leave
    the collector off for good when an inner pause ends last."""
    global _gc_pauses, _gc_was_enabled
    if _gc_pauses == 0:
        _gc_was_enabled = gc.isenabled()
    _gc_pauses += 1
    gc.disable()
    try:
        yield
    finally:
        _gc_pauses -= 1
        if _gc_pauses == 0 and _gc_was_enabled:
            gc.enable()


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """No automatic garbage collection while an inventory loads; what it built is frozen after.

    28,500 cameras are about 200,000 container objects. While they arrive, the
    heap grows fast enough for CPython to run full collections that walk all of
    them: 125-175 ms pauses of the GUI thread in the middle of the page decoding
    (measured under tests/hostile). Paused, then ``gc.freeze()``: the inventory
    moves to the permanent generation and no later collection walks it either.
    The structs hold no reference cycles, so replacing them frees them at once.
    Frozen objects that later become cyclic garbage (a closed window's wrappers)
    wait for ``thaw_gc``, which the session calls when it closes.
    """
    with paused_gc():
        yield
        if _gc_pauses == 1:  # the last open pause: what was built goes to the permanent generation
            gc.freeze()


def thaw_gc() -> None:
    """Give what ``quiet_gc`` froze back to the collector (a session closes: its objects may go)."""
    if _gc_pauses == 0:
        gc.unfreeze()


@dataclass(frozen=True)
class SkippedRecord:
    """One record of a list that did not decode and was left out (the others loaded)."""

    what: str  # the list, e.g. "GET /api/v1/cameras"
    index: int  # its position in the list
    id: str | None  # its id, when that much could be read
    reason: str  # msgspec's words, with the path of the bad field


class _IdOnly(msgspec.Struct):
    id: str | None = None


_ID_ONLY = msgspec.json.Decoder(_IdOnly)
_RAW_PAGE = msgspec.json.Decoder(Page[msgspec.Raw])
_DECODERS: dict[Any, msgspec.json.Decoder[Any]] = {}


def _decoder(type_: Any) -> msgspec.json.Decoder[Any]:
    dec = _DECODERS.get(type_)
    if dec is None:
        dec = _DECODERS[type_] = msgspec.json.Decoder(type_)
    return dec


def _ssl_context(verify: bool | str) -> ssl.SSLContext | bool:
    """TLS verification on by default; a path means: trust this CA bundle too."""
    if isinstance(verify, str):
        ctx = ssl.create_default_context()
        try:
            ctx.load_verify_locations(cafile=verify)
        except (OSError, ssl.SSLError) as exc:
            raise errors.TlsError(
                QCoreApplication.translate("PlatformError", "The CA bundle could not be read."),
                detail=f"{verify}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}",
            ) from exc
        return ctx
    return verify


class PlatformClient:
    """Talks API v1 to one platform."""

    def __init__(
        self,
        base_url: str,
        *,
        verify: bool | str = True,
        timeout: float = 15.0,
        retries: int = 3,
        limits: RequestLimits | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise errors.PlatformError(
                QCoreApplication.translate("PlatformError", "A platform address must start with http:// or https://."),
                detail=base_url[:200],
            )
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.limits = limits or RequestLimits()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            verify=_ssl_context(verify),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"User-Agent": f"ControlRoom/{__version__}", "Accept": "application/json"},
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
        )
        self._token: Token | None = None
        self._expires_at = 0.0
        self._refresh_lock = asyncio.Lock()
        self._credentials: tuple[str, str] | None = None  # memory only: for re-logins in this run
        self._relogin_listeners: list[Callable[[], None]] = []
        self.relogins = 0
        self.user: User | None = None

    # ------------------------------------------------------------------ lifecycle

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> PlatformClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http

    @property
    def access_token(self) -> str | None:
        return self._token.access_token if self._token else None

    # ------------------------------------------------------------------ auth

    async def login(self, username: str, password: str) -> User:
        """Log in; the credentials stay in this object's memory (never on disk) for re-logins."""
        body = msgspec.json.encode(LoginRequest(username=username, password=password))
        token = await self._request("POST", f"{API}/auth/login", Token, content=body, auth=False, retry=False)
        self._set_token(token)
        self._credentials = (username, password)
        self.user = await self.me()
        return self.user

    async def refresh(self) -> None:
        if self._token is None:
            raise errors.AuthError(QCoreApplication.translate("PlatformError", "Not logged in."))
        body = msgspec.json.encode(RefreshRequest(refresh_token=self._token.refresh_token))
        token = await self._request("POST", f"{API}/auth/refresh", Token, content=body, auth=False, retry=False)
        self._set_token(token)

    async def renew(self, seen: str | None = None) -> None:
        """A new access token: refresh, or, when the platform no longer knows our
        refresh token (it restarted, or the token expired), log in again with the
        credentials kept in memory. ``seen`` is the access token a caller found
        refused: if another caller renewed it meanwhile, nothing more is done.
        Raises ``AuthError`` when neither works (and ``NetworkError`` when the
        platform cannot be reached).
        """
        async with self._refresh_lock:
            if seen is not None and self.access_token is not None and self.access_token != seen:
                return  # renewed by someone else while we waited
            try:
                await self.refresh()
                return
            except errors.AuthError:
                if self._credentials is None:
                    raise
            log.info("the platform no longer knows this session; logging in again")
            username, password = self._credentials
            body = msgspec.json.encode(LoginRequest(username=username, password=password))
            token = await self._request("POST", f"{API}/auth/login", Token, content=body, auth=False, retry=False)
            self._set_token(token)
            self.relogins += 1
        for cb in list(self._relogin_listeners):
            try:
                cb()
            except Exception:
                log.exception("a re-login listener failed")

    def on_relogin(self, cb: Callable[[], None]) -> Callable[[], None]:
        """``cb()`` after every automatic re-login (the platform may have restarted: resync)."""
        self._relogin_listeners.append(cb)
        return lambda: self._relogin_listeners.remove(cb) if cb in self._relogin_listeners else None

    async def logout(self) -> None:
        """Revoke this login on the platform (tokens, stream tickets, open streams), then
        forget the token and the kept credentials. Best effort: a platform that cannot
        be reached keeps the tokens until they expire."""
        if self._token is None:
            self._credentials = None
            return
        try:
            # a token about to expire is refreshed first: an expired one could not log out
            async with asyncio.timeout(2.0):
                headers = await self._auth_headers()
        except (errors.PlatformError, TimeoutError):
            headers = {"Authorization": f"Bearer {self._token.access_token}"}
        self._token = None
        self._credentials = None
        self._expires_at = 0.0
        try:
            resp = await self._http.post(f"{API}/auth/logout", headers=headers, timeout=httpx.Timeout(3.0))
            if resp.status_code >= 400:
                log.info("logout answered HTTP %d", resp.status_code)
        except httpx.HTTPError as exc:
            log.info("logout could not reach the platform: %s", type(exc).__name__)

    def _set_token(self, token: Token) -> None:
        self._token = token
        self._expires_at = time.monotonic() + token.expires_in

    async def _auth_headers(self) -> dict[str, str]:
        if self._token is None:
            raise errors.AuthError(QCoreApplication.translate("PlatformError", "Not logged in."))
        if time.monotonic() > self._expires_at - REFRESH_MARGIN:
            await self.renew(self._token.access_token)
        assert self._token is not None
        return {"Authorization": f"Bearer {self._token.access_token}"}

    async def auth_headers(self) -> dict[str, str]:
        """Headers for a request made outside this class (the event stream)."""
        return await self._auth_headers()

    async def stream_ticket(self, camera_id: str, profile: str) -> StreamTicket:
        """A short-lived ticket for one camera's profile, with the URLs to play it now.

        The URLs come from the platform with the ticket in them; nothing of ours
        (no API token) is ever added to a stream URL.
        """
        body = msgspec.json.encode(StreamTicketRequest(camera_id=camera_id, profile=profile))  # type: ignore[arg-type]
        return await self._request("POST", f"{API}/streams/ticket", StreamTicket, content=body, retry=False)

    # ------------------------------------------------------------------ requests

    async def _request(
        self,
        method: str,
        path: str,
        type_: type[T],
        *,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        auth: bool = True,
        retry: bool | None = None,
    ) -> T:
        """One API call, decoded into ``type_``; retries what is safe to retry."""
        what = f"{method} {path}"
        body = await self._call(method, path, params=params, content=content, auth=auth, retry=retry)
        return self._decode(body, type_, what)

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        auth: bool = True,
        retry: bool | None = None,
    ) -> _Body:
        """One API call's successful answer (status < 400), within the limits; else a ``PlatformError``.

        The deadline covers the whole call: every attempt, the backoff between
        them, a token renewal and every byte of the body.
        """
        what = f"{method} {path}"
        seconds = self.limits.deadline
        try:
            async with asyncio.timeout(seconds):
                return await self._attempts(method, path, params, content, auth, retry)
        except TimeoutError as exc:
            raise errors.deadline(seconds, what) from exc

    async def _attempts(
        self, method: str, path: str, params: dict[str, Any] | None, content: bytes | None,
        auth: bool, retry: bool | None,
    ) -> _Body:
        if retry is None:
            retry = method == "GET"
        attempts = self.retries + 1 if retry else 1
        renewed = False
        attempt = 0
        what = f"{method} {path}"
        while True:
            attempt += 1
            headers = {"Content-Type": "application/json"} if content is not None else {}
            if auth:
                headers.update(await self._auth_headers())
            try:
                async with self._http.stream(method, path, params=params, content=content, headers=headers) as resp:
                    if resp.status_code >= 400:
                        body = await _read_body(resp, ERROR_BODY_BYTES, what, truncate=True)
                    else:
                        body = await _read_body(resp, self.limits.max_body_bytes, what)
            except httpx.ConnectError as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc) or isinstance(exc.__cause__, ssl.SSLError):
                    raise errors.tls(str(exc)) from exc
                if attempt < attempts:
                    await self._backoff(attempt)
                    continue
                raise errors.network(str(exc) or type(exc).__name__) from exc
            except httpx.TransportError as exc:  # timeouts, resets, protocol errors
                if attempt < attempts:
                    await self._backoff(attempt)
                    continue
                raise errors.network(f"{type(exc).__name__}: {exc}") from exc

            if body.status == 401 and auth and not renewed and self._token is not None:
                # the token may have been revoked or expired early, or the platform
                # restarted: renew once (refresh, else log in again)
                renewed = True
                try:
                    await self.renew(headers.get("Authorization", "")[7:] or None)
                except errors.PlatformError:
                    pass
                else:
                    continue
            if body.status in _RETRY_STATUSES and attempt < attempts:
                await self._backoff(attempt)
                continue
            if body.status >= 400:
                err = errors.for_status(body.status, self._server_message(body))
                if body.status == 429:
                    err.retry_after = errors.retry_after(body.retry_after)
                raise err
            return body

    async def _backoff(self, attempt: int) -> None:
        # capped exponential backoff with jitter: 0.25 s, 0.5 s, 1 s ... 4 s
        await asyncio.sleep(min(4.0, 0.25 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2))

    @staticmethod
    def _server_message(body: _Body) -> str:
        try:
            return msgspec.json.decode(body.content, type=ErrorResponse).error.message
        except (msgspec.DecodeError, msgspec.ValidationError):
            return PlatformClient._describe_body(body)

    @staticmethod
    def _describe_body(body: _Body) -> str:
        if "html" in body.content_type or body.content.lstrip()[:1] == b"<":
            m = _TITLE.search(body.content[:4096])
            title = m.group(1).decode("utf-8", "replace").strip() if m else ""
            return f"an HTML page{': ' + title[:120] if title else ''}"
        return body.content[:120].decode("utf-8", "replace")

    @staticmethod
    def _check_json(body: _Body, what: str) -> None:
        if "json" not in body.content_type:
            raise errors.payload(what, f"HTTP {body.status}, {body.content_type or 'no content type'}: "
                                 f"{PlatformClient._describe_body(body)}")

    @staticmethod
    def _decode(body: _Body, type_: type[T], what: str) -> T:
        PlatformClient._check_json(body, what)
        try:
            return _decoder(type_).decode(body.content)  # type: ignore[no-any-return]
        except msgspec.ValidationError as exc:
            raise errors.payload(what, str(exc)) from exc
        except msgspec.DecodeError as exc:
            raise errors.payload(what, f"invalid JSON: {exc}") from exc

    @staticmethod
    def _decode_page(body: _Body, type_: Any, what: str, skipped: list[SkippedRecord]) -> Page[Any]:
        """A page whose bad records are left out (and added to ``skipped``); the envelope must be right.

        The whole page is tried first (the all-good path stays as fast as before);
        only a page that fails is decoded again record by record.
        """
        PlatformClient._check_json(body, what)
        try:
            return _decoder(Page[type_]).decode(body.content)  # type: ignore[no-any-return]
        except msgspec.ValidationError:
            pass
        except msgspec.DecodeError as exc:
            raise errors.payload(what, f"invalid JSON: {exc}") from exc
        try:
            raw = _RAW_PAGE.decode(body.content)
        except msgspec.ValidationError as exc:
            raise errors.payload(what, str(exc)) from exc
        dec = _decoder(type_)
        items: list[Any] = []
        for i, record in enumerate(raw.items):
            try:
                items.append(dec.decode(record))
            except msgspec.ValidationError as exc:
                rid = None
                if len(skipped) < SKIP_REASONS_KEPT:  # ids for the first few only: a bad record may be huge
                    try:
                        rid = _ID_ONLY.decode(record).id
                    except (msgspec.ValidationError, msgspec.DecodeError):
                        pass
                if rid is not None:
                    rid = rid[:40]
                skipped.append(SkippedRecord(what, raw.offset + i, rid, str(exc)[:300]))
        return Page(items=items, total=raw.total, offset=raw.offset, next_offset=raw.next_offset,
                    inventory_version=raw.inventory_version)

    # ------------------------------------------------------------------ resources

    async def me(self) -> User:
        return await self._request("GET", f"{API}/me", User)

    async def inventory_info(self) -> InventoryInfo:
        return await self._request("GET", f"{API}/inventory", InventoryInfo)

    async def _page(
        self, path: str, type_: Any, params: dict[str, Any], skipped: list[SkippedRecord],
    ) -> Page[Any]:
        body = await self._call("GET", path, params=params)
        return self._decode_page(body, type_, f"GET {path}", skipped)

    async def _all_pages(
        self, path: str, type_: Any, progress: Progress | None = None, params: dict[str, Any] | None = None,
        skipped: list[SkippedRecord] | None = None,
    ) -> tuple[list[Any], int]:
        """Every item of a paged list, fetched concurrently; one consistent version.

        If the inventory changes while we page (the version moves), start over:
        items from two versions must not be mixed. Records that do not decode
        are left out and added to ``skipped`` (and logged).
        """
        for _ in range(3):
            bad: list[SkippedRecord] = []
            items, version, consistent = await self._pages_once(path, type_, progress, dict(params or {}), bad)
            if consistent:
                if bad:
                    log.warning("%s: skipped %d record(s) that did not decode; first: %s", path, len(bad),
                                "; ".join(f"#{r.index} {r.id or '?'}: {r.reason}" for r in bad[:3]))
                if skipped is not None:
                    skipped.extend(bad)
                return items, version
            log.info("inventory changed while paging %s; starting over", path)
        raise errors.payload(path, "the inventory kept changing while it was fetched")

    async def _pages_once(
        self, path: str, type_: Any, progress: Progress | None, base: dict[str, Any], skipped: list[SkippedRecord],
    ) -> tuple[list[Any], int, bool]:
        """One pass over a list. The platform's ``total`` is a hint, never a plan.

        Work is bounded by what arrives and by ``max_items`` / ``MAX_PAGES``, not by
        the claimed total: pages are asked for ``PAGE_CONCURRENCY`` at a time, and
        the first page that comes back short (or with no ``next_offset``) ends the
        list. Progress reports the items really received, out of the claimed
        total bounded by ``max_items``.
        """
        cap = self.limits.max_items
        what = f"GET {path}"
        first = await self._page(path, type_, {**base, "offset": 0, "limit": PAGE_SIZE}, skipped)
        version = first.inventory_version
        sent = len(first.items) + len(skipped)  # records on the page, good or bad
        # a server may page by less than we asked for: step by what it gave
        step = sent if first.next_offset is not None and 0 < sent < PAGE_SIZE else PAGE_SIZE
        pages: dict[int, list[Any]] = {0: first.items}
        received = len(first.items)
        # a claim above the cap is no plan at all: progress then shows only what arrived
        expected = first.total if first.total <= cap else 0

        def report() -> None:
            if progress:
                progress(received, max(expected, received) if expected else 0)

        report()
        end: int | None = None  # offset of the first short page: the list ends there
        if first.next_offset is None or sent < step or first.total <= sent:
            end = 0
        next_offset = sent
        requests = 1
        consistent = True

        async def worker() -> None:
            nonlocal next_offset, end, received, requests, consistent
            while end is None:
                if requests >= MAX_PAGES or next_offset > cap:
                    raise errors.too_many(cap, what)
                offset, next_offset = next_offset, next_offset + step
                requests += 1
                before = len(skipped)
                page = await self._page(path, type_, {**base, "offset": offset, "limit": step}, skipped)
                got = len(page.items) + len(skipped) - before
                if page.inventory_version != version:
                    consistent = False
                if end is not None and offset > end:
                    continue  # asked for before the end was known: past it
                if got < step or page.next_offset is None:
                    end = offset if end is None else min(end, offset)
                if page.items:
                    pages[offset] = page.items
                    received += len(page.items)
                    if received > cap:
                        raise errors.too_many(cap, what)
                    report()

        if end is None:
            try:
                async with asyncio.TaskGroup() as group:  # one failure cancels the other workers
                    for _ in range(PAGE_CONCURRENCY):
                        group.create_task(worker())
            except BaseExceptionGroup as eg:
                raise eg.exceptions[0] from None
            assert end is not None
            pages = {o: items for o, items in pages.items() if o <= end}
            received = sum(len(items) for items in pages.values())
        if first.total != received + len(skipped):
            log.warning("%s: the platform claimed %d items and sent %d", path, first.total, received + len(skipped))
        return [item for o in sorted(pages) for item in pages[o]], version, consistent

    async def sites(self, *, skipped: list[SkippedRecord] | None = None) -> tuple[list[Site], int]:
        return await self._all_pages(f"{API}/sites", Site, skipped=skipped)

    async def cameras(
        self, progress: Progress | None = None, *, site_id: str | None = None,
        skipped: list[SkippedRecord] | None = None,
    ) -> tuple[list[Camera], int]:
        params = {"site_id": site_id} if site_id else None
        return await self._all_pages(f"{API}/cameras", Camera, progress, params, skipped)

    async def camera(self, camera_id: str) -> Camera:
        return await self._request("GET", f"{API}/cameras/{camera_id}", Camera)

    async def grids(self, *, skipped: list[SkippedRecord] | None = None) -> tuple[list[Grid], int]:
        return await self._all_pages(f"{API}/grids", Grid, skipped=skipped)

    async def alerts(self, *, open_only: bool = False, limit: int = 500) -> list[Alert]:
        skipped: list[SkippedRecord] = []
        page = await self._page(
            f"{API}/alerts", Alert, {"offset": 0, "limit": limit, "state": "open" if open_only else "all"}, skipped
        )
        if skipped:
            log.warning("alerts: skipped %d that did not decode; first: %s", len(skipped), skipped[0].reason)
        return page.items

    async def acknowledge(self, alert_id: str, note: str = "") -> Alert:
        """Acknowledge an alert; a note goes as the optional body (none at all without one, as before)."""
        content = msgspec.json.encode(AckRequest(note=note)) if note else None
        return await self._request("POST", f"{API}/alerts/{alert_id}/ack", Alert, content=content, retry=False)

    async def conferences(self) -> list[ConferenceRoom]:
        return await self._request("GET", f"{API}/conferences", list[ConferenceRoom])

    async def join_conference(self, room_id: str) -> ConferenceJoin:
        return await self._request("POST", f"{API}/conferences/{room_id}/join", ConferenceJoin, retry=False)

    async def leave_conference(self, room_id: str) -> ConferenceRoom:
        return await self._request("POST", f"{API}/conferences/{room_id}/leave", ConferenceRoom, retry=False)

    async def raise_hand(self, room_id: str, raised: bool) -> ConferenceRoom:
        """Raise (or lower) our hand; the change reaches every client as a conference.updated event."""
        return await self._request(
            "POST", f"{API}/conferences/{room_id}/hand", ConferenceRoom,
            content=msgspec.json.encode(HandRequest(raised=raised)), retry=False,
        )

    async def request_mute(self, room_id: str, participant_id: str, muted: bool) -> ConferenceRoom:
        """Ask the platform to mute (or unmute) a participant; it decides (presenters: only themselves)."""
        return await self._request(
            "POST", f"{API}/conferences/{room_id}/mute", ConferenceRoom,
            content=msgspec.json.encode(MuteRequest(participant_id=participant_id, muted=muted)), retry=False,
        )

    async def ptz(self, camera_id: str, command: PtzCommand) -> PtzResult:
        return await self._request(
            "POST", f"{API}/cameras/{camera_id}/ptz", PtzResult, content=msgspec.json.encode(command), retry=False
        )

    # ------------------------------------------------------------------ playback (issue 12)

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> RecordingTimeline:
        """The camera's recorded ranges and marks in [start, end) (a window of at most 8 days)."""
        params = {"start": start.isoformat(), "end": end.isoformat()}
        return await self._request("GET", f"{API}/cameras/{camera_id}/recordings", RecordingTimeline, params=params)

    async def open_playback(self, camera_ids: Sequence[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> PlaybackState:
        """Open one playback clock over 1..16 cameras at ``at``; the state carries each stream's URLs."""
        body = PlaybackOpen(camera_ids=list(camera_ids), at=at, speed=speed, profile=profile)  # type: ignore[arg-type]
        return await self._request("POST", f"{API}/playback", PlaybackState, content=msgspec.json.encode(body),
                                   retry=False)

    async def playback_state(self, playback_id: str) -> PlaybackState:
        return await self._request("GET", f"{API}/playback/{quote(playback_id, safe='')}", PlaybackState)

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> PlaybackState:
        """seek (``at``), speed (``speed``), pause or resume."""
        body = PlaybackControl(action=action, at=at, speed=speed)  # type: ignore[arg-type]
        return await self._request("POST", f"{API}/playback/{quote(playback_id, safe='')}/control", PlaybackState,
                                   content=msgspec.json.encode(body), retry=False)

    async def close_playback(self, playback_id: str) -> None:
        await self._call("DELETE", f"{API}/playback/{quote(playback_id, safe='')}", retry=False)

    async def bookmarks(self, camera_id: str | None = None, start: datetime | None = None,
                        end: datetime | None = None, *, limit: int = 1000) -> list[Bookmark]:
        """Bookmarks in scope (optionally one camera's, overlapping [start, end)): the first ``limit``."""
        params: dict[str, Any] = {"offset": 0, "limit": limit}
        if camera_id is not None:
            params["camera_id"] = camera_id
        if start is not None:
            params["start"] = start.isoformat()
        if end is not None:
            params["end"] = end.isoformat()
        skipped: list[SkippedRecord] = []
        page = await self._page(f"{API}/bookmarks", Bookmark, params, skipped)
        if skipped:
            log.warning("bookmarks: skipped %d that did not decode; first: %s", len(skipped), skipped[0].reason)
        return page.items

    async def create_bookmark(self, camera_id: str, start: datetime, end: datetime, note: str) -> Bookmark:
        body = BookmarkCreate(camera_id=camera_id, start=start, end=end, note=note)
        return await self._request("POST", f"{API}/bookmarks", Bookmark, content=msgspec.json.encode(body),
                                   retry=False)

    async def delete_bookmark(self, bookmark_id: str) -> None:
        await self._call("DELETE", f"{API}/bookmarks/{quote(bookmark_id, safe='')}", retry=False)

    async def export_stream(self, camera_id: str, start: datetime, end: datetime, profile: str = "main", *,
                            deadline: float = 3600.0, max_bytes: int = 4 << 30) -> AsyncIterator[bytes]:
        """The recorded MPEG-TS of [start, end) as it arrives, in chunks; ``PlatformError`` on a refusal,
        past ``deadline`` seconds (the whole download) or past ``max_bytes``."""
        path = f"{API}/cameras/{camera_id}/export"
        what = f"GET {path}"
        params = {"start": start.isoformat(), "end": end.isoformat(), "profile": profile}
        headers = await self._auth_headers()
        received = 0
        try:
            async with asyncio.timeout(deadline):
                try:
                    async with self._http.stream("GET", path, params=params, headers=headers,
                                                 timeout=httpx.Timeout(60.0)) as resp:
                        if resp.status_code >= 400:
                            body = await _read_body(resp, ERROR_BODY_BYTES, what, truncate=True)
                            raise errors.for_status(body.status, self._server_message(body))
                        if "mp2t" not in resp.headers.get("content-type", ""):
                            raise errors.payload(what, f"not MPEG-TS: {resp.headers.get('content-type', '')[:80]}")
                        async for chunk in resp.aiter_bytes():
                            received += len(chunk)
                            if received > max_bytes:
                                raise errors.too_large(max_bytes, what)
                            yield chunk
                except httpx.TransportError as exc:
                    raise errors.network(f"{type(exc).__name__}: {exc}") from exc
        except TimeoutError as exc:
            raise errors.deadline(deadline, what) from exc
    # ------------------------------------------------------------------ audit trail (issue 13)

    async def audit_batch(self, batch: AuditBatch) -> AuditBatchResult:
        """Report a batch of actions (not retried here: the recorder retries with the same batch id)."""
        return await self._request("POST", f"{API}/audit/batch", AuditBatchResult,
                                   content=msgspec.json.encode(batch), retry=False)

    async def audit(self, *, offset: int = 0, limit: int = 200, user: str | None = None,
                    camera_id: str | None = None, action: str | None = None,
                    start: datetime | None = None, end: datetime | None = None) -> Page[AuditEntry]:
        """One page of the audit trail, newest first (dispatchers only: 403 for anyone else)."""
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        for name, value in (("user", user), ("camera_id", camera_id), ("action", action)):
            if value:
                params[name] = value
        for name, when in (("start", start), ("end", end)):
            if when is not None:
                params[name] = when.isoformat()
        return await self._request("GET", f"{API}/audit", Page[AuditEntry], params=params)  # type: ignore[arg-type]
    # ---- PTZ control (issue 13): the camera's state (position, holder, presets) and saving a preset

    async def ptz_state(self, camera_id: str) -> PtzState:
        return await self._request("GET", f"{API}/cameras/{camera_id}/ptz", PtzState)

    async def ptz_save_preset(self, camera_id: str, number: int, name: str = "") -> PtzPreset:
        body = msgspec.json.encode(PtzPresetSave(number=number, name=name))
        return await self._request("POST", f"{API}/cameras/{camera_id}/ptz/presets", PtzPreset, content=body, retry=False)


@dataclass(frozen=True)
class _Body:
    """An answer read within the limits: status, content type and the bytes."""

    status: int
    content_type: str
    content: bytes
    retry_after: str | None = None  # the Retry-After header of a 429 or 503


async def _read_body(resp: httpx.Response, limit: int, what: str, *, truncate: bool = False) -> _Body:
    """Read ``resp``'s body, at most ``limit`` bytes (decoded: a gzip bomb counts what it expands to).

    Past the limit: ``TooLargeError``, or with ``truncate`` the first ``limit`` bytes.
    """
    ctype = resp.headers.get("content-type", "")
    declared = resp.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit and "content-encoding" not in resp.headers:
        raise errors.too_large(limit, what)
    buf = bytearray()
    chunks = resp.aiter_bytes()
    try:
        async for chunk in chunks:
            buf += chunk
            if len(buf) > limit:
                if truncate:
                    del buf[limit:]
                    break
                raise errors.too_large(limit, what)
    finally:
        await chunks.aclose()  # type: ignore[attr-defined]  # an async generator: close it here, not in the GC
    return _Body(resp.status_code, ctype, bytes(buf), resp.headers.get("Retry-After"))
