"""The platform API v1 client: one ``httpx.AsyncClient`` per platform.

It logs in, renews its token before it expires (and once more on a 401:
refresh, else log in again with the credentials it keeps in memory, as after
a platform restart), asks for a stream ticket per stream it plays, logs out,
retries idempotent requests with capped backoff, pages through large lists
concurrently, and decodes every answer strictly into the schema types: a
malformed payload becomes a ``PayloadError`` that says what was wrong, never a
crash deep in the UI.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import ssl
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom import __version__
from controlroom.api import errors
from controlroom.api.schema import (
    Alert,
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
    PtzCommand,
    PtzResult,
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
# Refresh the access token this long before it expires.
REFRESH_MARGIN = 30.0
_RETRY_STATUSES = {502, 503, 504}
_TITLE = re.compile(rb"<title>(.*?)</title>", re.I | re.S)

Progress = Callable[[int, int], None]


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
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise errors.PlatformError(
                QCoreApplication.translate("PlatformError", "A platform address must start with http:// or https://."),
                detail=base_url[:200],
            )
        self.base_url = base_url.rstrip("/")
        self.retries = retries
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
        if retry is None:
            retry = method == "GET"
        attempts = self.retries + 1 if retry else 1
        renewed = False
        attempt = 0
        while True:
            attempt += 1
            headers = {"Content-Type": "application/json"} if content is not None else {}
            if auth:
                headers.update(await self._auth_headers())
            try:
                resp = await self._http.request(method, path, params=params, content=content, headers=headers)
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

            if resp.status_code == 401 and auth and not renewed and self._token is not None:
                # the token may have been revoked or expired early, or the platform
                # restarted: renew once (refresh, else log in again)
                renewed = True
                try:
                    await self.renew(headers.get("Authorization", "")[7:] or None)
                except errors.PlatformError:
                    pass
                else:
                    continue
            if resp.status_code in _RETRY_STATUSES and attempt < attempts:
                await self._backoff(attempt)
                continue
            if resp.status_code >= 400:
                err = errors.for_status(resp.status_code, self._server_message(resp))
                if resp.status_code == 429:
                    err.retry_after = errors.retry_after(resp.headers.get("Retry-After"))
                raise err
            return self._decode(resp, type_, f"{method} {path}")

    async def _backoff(self, attempt: int) -> None:
        # capped exponential backoff with jitter: 0.25 s, 0.5 s, 1 s ... 4 s
        await asyncio.sleep(min(4.0, 0.25 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2))

    @staticmethod
    def _server_message(resp: httpx.Response) -> str:
        try:
            return msgspec.json.decode(resp.content, type=ErrorResponse).error.message
        except (msgspec.DecodeError, msgspec.ValidationError):
            return PlatformClient._describe_body(resp)

    @staticmethod
    def _describe_body(resp: httpx.Response) -> str:
        ctype = resp.headers.get("content-type", "")
        if "html" in ctype or resp.content.lstrip()[:1] == b"<":
            m = _TITLE.search(resp.content[:4096])
            title = m.group(1).decode("utf-8", "replace").strip() if m else ""
            return f"an HTML page{': ' + title[:120] if title else ''}"
        return resp.content[:120].decode("utf-8", "replace")

    @staticmethod
    def _decode(resp: httpx.Response, type_: type[T], what: str) -> T:
        ctype = resp.headers.get("content-type", "")
        if "json" not in ctype:
            raise errors.payload(what, f"HTTP {resp.status_code}, {ctype or 'no content type'}: "
                                 f"{PlatformClient._describe_body(resp)}")
        try:
            return msgspec.json.decode(resp.content, type=type_)
        except msgspec.ValidationError as exc:
            raise errors.payload(what, str(exc)) from exc
        except msgspec.DecodeError as exc:
            raise errors.payload(what, f"invalid JSON: {exc}") from exc

    # ------------------------------------------------------------------ resources

    async def me(self) -> User:
        return await self._request("GET", f"{API}/me", User)

    async def inventory_info(self) -> InventoryInfo:
        return await self._request("GET", f"{API}/inventory", InventoryInfo)

    async def _all_pages(
        self, path: str, type_: Any, progress: Progress | None = None, params: dict[str, Any] | None = None,
    ) -> tuple[list[Any], int]:
        """Every item of a paged list, fetched concurrently; one consistent version.

        If the inventory changes while we page (the version moves), start over:
        items from two versions must not be mixed.
        """
        for _ in range(3):
            items, version, consistent = await self._pages_once(path, type_, progress, dict(params or {}))
            if consistent:
                return items, version
            log.info("inventory changed while paging %s; starting over", path)
        raise errors.payload(path, "the inventory kept changing while it was fetched")

    async def _pages_once(
        self, path: str, type_: Any, progress: Progress | None, base: dict[str, Any]
    ) -> tuple[list[Any], int, bool]:
        first: Page[Any] = await self._request("GET", path, Page[type_], params={**base, "offset": 0, "limit": PAGE_SIZE})
        total, version = first.total, first.inventory_version
        pages: dict[int, list[Any]] = {0: first.items}
        done = len(first.items)
        if progress:
            progress(done, total)
        offsets = list(range(len(first.items), total, PAGE_SIZE)) if first.items else []
        sem = asyncio.Semaphore(PAGE_CONCURRENCY)
        consistent = True

        async def fetch(offset: int) -> None:
            nonlocal done, consistent
            async with sem:
                page: Page[Any] = await self._request(
                    "GET", path, Page[type_], params={**base, "offset": offset, "limit": PAGE_SIZE}
                )
            if page.inventory_version != version:
                consistent = False
            pages[offset] = page.items
            done += len(page.items)
            if progress:
                progress(min(done, total), total)

        await asyncio.gather(*(fetch(o) for o in offsets))
        return [item for o in sorted(pages) for item in pages[o]], version, consistent

    async def sites(self) -> tuple[list[Site], int]:
        return await self._all_pages(f"{API}/sites", Site)

    async def cameras(self, progress: Progress | None = None, *, site_id: str | None = None) -> tuple[list[Camera], int]:
        params = {"site_id": site_id} if site_id else None
        return await self._all_pages(f"{API}/cameras", Camera, progress, params)

    async def camera(self, camera_id: str) -> Camera:
        return await self._request("GET", f"{API}/cameras/{camera_id}", Camera)

    async def grids(self) -> tuple[list[Grid], int]:
        return await self._all_pages(f"{API}/grids", Grid)

    async def alerts(self, *, open_only: bool = False, limit: int = 500) -> list[Alert]:
        page = await self._request(
            "GET", f"{API}/alerts", Page[Alert], params={"offset": 0, "limit": limit, "state": "open" if open_only else "all"}
        )
        return page.items

    async def acknowledge(self, alert_id: str) -> Alert:
        return await self._request("POST", f"{API}/alerts/{alert_id}/ack", Alert, retry=False)

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
