"""The wvp-GB28181-pro backend: a county's GB/T 28181 platform, through WVP's HTTP API.

Every request and response shape here was read from WVP's own source:
repository 648540858/wvp-GB28181-pro, commit 768d740949570f3447773aa85985a5ab0c6f750f
(2026-08-06, pom version 2.7.4). ``WVP_SOURCE`` names it at run time.

- ``GET /api/user/login?username=&password=<md5>`` → ``WVPResult<LoginUser>``;
  the JWT comes back in ``data.accessToken`` and in the ``access-token``
  header, and goes out in the ``access-token`` request header. There is no
  refresh: we log in again shortly before ``exp`` and once on HTTP 401.
- Every answer is ``WVPResult {code, msg, data}``; ``code != 0`` is an error,
  most of them with HTTP 200 (``ControllerException``; ``Assert`` → code 100).
  A missing, bad or expired token is HTTP 401 ``{"code":401,"msg":"请登录后重新请求"}``.
- Lists are PageHelper ``PageInfo {total, list, pageNum, pageSize, pages, ...}``,
  1-based ``page`` and ``count``. Totals are hints: we page until a short or
  empty page, bounded, and skip records seen twice.
- Inventory: ``/api/region/page/list`` (Region: id, deviceId = civil code,
  name, parentId, parentDeviceId) and ``/api/common/channel/list``
  (CommonGBChannel: gbId, gbDeviceId, gbName, gbCivilCode, gbStatus "ON"/"OFF",
  gbLongitude, gbLatitude, gbPtzType).
- Live: ``/api/common/channel/play?channelId=<gbId>`` blocks until the stream is
  up (``playTimeout``, 10 s by default) and answers ``StreamContent`` (``ts``,
  ``flv``, ``hls``, ``rtsp`` ... URLs) or an ``InviteErrorCode`` (``-2 收流超时``);
  ``/play/stop`` ends it on the media server (for every viewer of that WVP).
- The common channel API has no per-play main/sub choice: the sub stream is a
  per-channel server setting (``stream_identification``), so cameras here have
  one profile, "main", and a lease asked for "sub" plays main and says so.
- PTZ: ``/api/common/channel/front-end/ptz?channelId&command&panSpeed&tiltSpeed&zoomSpeed``
  (left/right/up/down/zoomin/zoomout/stop, speeds 0-100).
- Playback: ``/api/common/channel/playback/query``, ``/playback``, ``/playback/{stop,pause,resume,
  seek,speed}`` (``controlroom.backends.wvp_playback``).
- Alarms: ``/api/alarm/list?page&count`` (Alarm: id, channelId, channelDeviceId,
  channelName, description, alarmType, alarmTime in ms). WVP has no push and
  no acknowledgement: alerts are polled, ``ALERT_ACK`` is absent.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx
import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom import __version__
from controlroom.api import errors
from controlroom.api.schema import (
    Alert,
    AlertKind,
    Camera,
    CameraKind,
    PtzAction,
    PtzCommand,
    PtzResult,
    Role,
    Scope,
    Severity,
    Site,
    SiteKind,
    StreamProfile,
    Tier,
    Transport,
    User,
)
from controlroom.backends.base import Capability, Inventory, SimpleLease
from controlroom.backends.wvp_playback import WvpPlayback  # playback (issue 12)
from controlroom.logsafe import mask_url

log = logging.getLogger("controlroom.backends.wvp")

WVP_SOURCE = "648540858/wvp-GB28181-pro@768d740949570f3447773aa85985a5ab0c6f750f (2.7.4, 2026-08-06)"

T = TypeVar("T")

_GB_ID = re.compile(r"^[0-9]{20}$")
_DIGITS = re.compile(r"^[0-9]{1,20}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
UNASSIGNED_SITE = "0" * 20
_PAGES_AHEAD = 2  # list pages in flight while one is decoded (a bounded window, never the whole total)

# StreamContent fields per transport, plain before TLS; the scheme each must have
_STREAM_FIELDS: dict[Transport, tuple[tuple[str, tuple[str, ...]], ...]] = {
    Transport.RTSP: (("rtsp", ("rtsp",)), ("rtsps", ("rtsps",))),
    Transport.HTTP_FLV: (("flv", ("http",)), ("https_flv", ("https",))),
    Transport.HTTP_TS: (("ts", ("http",)), ("https_ts", ("https",))),
    Transport.HLS: (("hls", ("http",)), ("https_hls", ("https",))),
}

_PTZ_COMMANDS = {
    PtzAction.UP: "up",
    PtzAction.DOWN: "down",
    PtzAction.LEFT: "left",
    PtzAction.RIGHT: "right",
    PtzAction.ZOOM_IN: "zoomin",
    PtzAction.ZOOM_OUT: "zoomout",
    PtzAction.STOP: "stop",
}
_PTZ_TYPES = frozenset({1, 4, 5})  # GB/T 28181 PTZType: 1 球机, 4 遥控枪机, 5 遥控半球

_DEVICE_ALARMS = frozenset({
    "VideoLoss", "DeviceTamper", "StorageFull", "DeviceHighTemperature", "DeviceLowTemperature",
    "VideoOcclusion", "VideoAbnormal", "StorageFault", "StorageFanFault", "SignalAbnormal", "Defocus",
    "SceneChange",
})  # fmt: skip


# --------------------------------------------------------------------------- wire shapes


class _Envelope(msgspec.Struct):
    code: int
    msg: str | None = None
    data: msgspec.Raw = msgspec.Raw(b"null")


class _Page(msgspec.Struct):
    items: list[msgspec.Raw] | None = msgspec.field(default=None, name="list")
    total: int | None = None
    pages: int | None = None


class _TypedPage(msgspec.Struct, Generic[T]):
    items: list[T] | None = msgspec.field(default=None, name="list")
    total: int | None = None


class _Result(msgspec.Struct, Generic[T]):
    code: int
    msg: str | None = None
    data: T | None = None


class _LoginUser(msgspec.Struct):
    accessToken: str
    username: str | None = None


class _Region(msgspec.Struct, gc=False):  # scalars only: no GC tracking
    deviceId: str
    name: str | None = None
    parentDeviceId: str | None = None


class _Channel(msgspec.Struct, gc=False):  # scalars only: no GC tracking
    gbId: int
    gbDeviceId: str | None = None
    gbName: str | None = None
    gbCivilCode: str | None = None
    gbStatus: str | None = None
    gbLongitude: float | None = None
    gbLatitude: float | None = None
    gbPtzType: int | None = None


class _Alarm(msgspec.Struct, gc=False):  # scalars only: no GC tracking
    id: int
    channelId: int | None = None
    channelDeviceId: str | None = None
    channelName: str | None = None
    description: str | None = None
    alarmType: str | None = None
    alarmTime: int | None = None


# --------------------------------------------------------------------------- helpers


def md5_hex(password: str) -> str:
    """WVP's login takes the 32-hex md5 of the password (``DigestUtils.md5DigestAsHex``)."""
    return hashlib.md5(password.encode("utf-8")).hexdigest()


def platform_text(text: str | None, limit: int = 300) -> str:
    """A platform's words made safe to show: no control or bidi characters, bounded."""
    if not text:
        return ""
    if text.isprintable():  # the usual case, fast: control, format (bidi) and separator characters are not
        return text[:limit].strip()
    return _CONTROL.sub(" ", text)[:limit].strip()


def token_lifetime(token: str) -> float | None:
    """Seconds between the JWT's ``iat`` and ``exp`` (read, not verified: only to plan re-login)."""
    try:
        payload = token.split(".")[1]
        claims = msgspec.json.decode(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        exp, iat = float(claims["exp"]), float(claims.get("iat", time.time()))
    except (IndexError, ValueError, KeyError, TypeError, msgspec.DecodeError):
        return None
    life = exp - iat
    return life if life > 0 else None


def site_id_for(code: str) -> str | None:
    """A 20-digit id for a region's civil code (2-12 digits), or the code itself when it is one."""
    if _GB_ID.match(code):
        return code
    if not _DIGITS.match(code) or len(code) > 12:
        return None
    # civil code, zero-filled to 12, then type 216 (virtual organisation), a 0, the code's length, 00
    return f"{code.ljust(12, '0')}2160{len(code):02d}00"


def wvp_error(code: int, msg: str | None, what: str) -> errors.PlatformError:
    """A WVP ``code != 0`` in words (ErrorCode and InviteErrorCode), WVP's own text as detail."""
    said = platform_text(msg)
    detail = f"{what}: code {code}{': ' + said if said else ''}"
    if code == -2:
        return errors.PlatformError(
            QCoreApplication.translate("WvpBackend", "The camera sent no video to the platform in time: "
                                       "it may be offline, or its network too slow."), detail=detail)  # fmt: skip
    if code == -1:
        return errors.PlatformError(
            QCoreApplication.translate("WvpBackend", "The camera's device did not answer the platform (signalling timeout)."),
            detail=detail,
        )
    if code == -3:
        return errors.ServerError(
            QCoreApplication.translate("WvpBackend", "The platform's media server has no room for another stream."),
            detail=detail,
        )
    if code < 0:
        return errors.PlatformError(
            QCoreApplication.translate("WvpBackend", "The platform could not start the stream."), detail=detail
        )
    if code == 401:
        return errors.AuthError(
            QCoreApplication.translate("WvpBackend", "The platform asks to log in again."), status=401, detail=detail
        )
    if code == 403:
        return errors.ForbiddenError(
            QCoreApplication.translate("PlatformError", "This is outside what your account may see or do."), detail=detail
        )
    if code == 404:
        return errors.NotFoundError(
            QCoreApplication.translate("PlatformError", "The platform does not know this item."), detail=detail
        )
    if code == 400:
        return errors.PlatformError(
            QCoreApplication.translate("WvpBackend", "The platform did not accept the request's parameters."), detail=detail
        )
    if code in (408, 486):
        return errors.PlatformError(
            QCoreApplication.translate("WvpBackend", "The platform or the camera's device did not answer in time."),
            detail=detail,
        )
    if code == 500:
        return errors.ServerError(
            QCoreApplication.translate("WvpBackend", "The platform had an internal error."), detail=detail
        )
    return errors.PlatformError(
        QCoreApplication.translate("WvpBackend", "The platform refused the request."), detail=detail
    )


def _too_big(what: str, limit: int) -> errors.PayloadError:
    return errors.payload(what, f"the answer is larger than {limit} bytes")


# --------------------------------------------------------------------------- the backend


class WvpBackend(WvpPlayback):
    """One wvp-GB28181-pro platform (``wvp+http(s)://host:port``; pass the http(s) URL)."""

    name = "wvp"
    capabilities = frozenset({Capability.PTZ, Capability.ALERTS, Capability.PLAYBACK})
    extra_schemes: frozenset[str] = frozenset()
    source = WVP_SOURCE

    def __init__(
        self,
        base_url: str,
        *,
        verify: bool | str = True,
        deadline: float = 20.0,
        play_deadline: float = 35.0,
        page_size: int = 1000,
        max_channels: int = 200_000,
        max_regions: int = 100_000,
        max_body: int = 1 << 20,
        max_page_body: int = 32 << 20,
        alert_limit: int = 200,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise errors.PlatformError(
                QCoreApplication.translate("WvpBackend", "A WVP address must look like wvp+http://host:port."),
                detail=base_url[:200],
            )
        self.base_url = base_url.rstrip("/")
        self.deadline = deadline
        self.play_deadline = play_deadline  # WVP's play blocks for up to playTimeout (10 s default)
        self.page_size = page_size
        self.max_channels = max_channels
        self.max_regions = max_regions
        self.max_body = max_body
        self.max_page_body = max_page_body
        self.alert_limit = alert_limit
        from controlroom.api.client import _ssl_context  # one TLS policy for every backend

        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            verify=_ssl_context(verify),
            timeout=httpx.Timeout(deadline, connect=min(deadline, 5.0)),
            headers={"User-Agent": f"ControlRoom/{__version__}", "Accept": "application/json"},
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
        )
        self._username: str | None = None
        self._password_md5: str | None = None  # in memory only, to log in again (WVP has no refresh)
        self._token: str | None = None
        self._renew_at = 0.0  # monotonic
        self._login_lock = asyncio.Lock()
        self.user: User | None = None
        self._channels: dict[str, int] = {}  # camera id → WVP gbId
        self._camera_sites: dict[str, str] = {}
        self._holders: Counter[int] = Counter()  # open leases per channel: stop on the last release
        self._seen_alarms: dict[int, None] = {}
        self._closed = False
        self.logins = 0

    # ------------------------------------------------------------------ plumbing

    async def aclose(self) -> None:
        """Stop every channel a lease still holds (streams must not stay open on WVP), then close."""
        if self._closed:
            return
        held = [gb_id for gb_id, n in self._holders.items() if n > 0]
        self._holders.clear()  # a lease released after this has nothing left to stop
        try:
            for gb_id in held:
                with contextlib.suppress(errors.PlatformError):
                    await self._call("/api/common/channel/play/stop", {"channelId": gb_id}, what="stop")
        finally:
            self._closed = True
            await self._http.aclose()

    async def __aenter__(self) -> WvpBackend:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _get(self, path: str, params: dict[str, Any], headers: dict[str, str], limit: int, what: str
                   ) -> tuple[int, bytes, str]:  # fmt: skip
        try:
            async with self._http.stream("GET", path, params=params, headers=headers) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise _too_big(what, limit)
                body = bytearray()
                async for chunk in resp.aiter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise _too_big(what, limit)
                return resp.status_code, bytes(body), resp.headers.get("content-type", "")
        except httpx.ConnectError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                raise errors.tls(str(exc)) from exc
            raise errors.network(mask_url(str(exc)) or type(exc).__name__) from exc
        except httpx.TransportError as exc:
            raise errors.network(f"{type(exc).__name__}: {mask_url(str(exc))}") from exc

    async def _fetch(
        self,
        path: str,
        params: dict[str, Any],
        *,
        what: str,
        deadline: float | None = None,
        limit: int | None = None,
        auth: bool = True,
    ) -> tuple[int, bytes, str]:
        """One GET within its deadline and size bound; logs in again once on 401."""
        if self._closed:
            raise errors.PlatformError(
                QCoreApplication.translate("WvpBackend", "The connection to the platform is closed."), detail=what
            )
        limit = limit or self.max_body
        try:
            async with asyncio.timeout(deadline or self.deadline):
                renewed = False
                while True:
                    headers: dict[str, str] = {}
                    if auth:
                        headers["access-token"] = await self._fresh_token()
                    status, body, ctype = await self._get(path, params, headers, limit, what)
                    if status == 401 and auth and not renewed and self._password_md5 is not None:
                        renewed = True
                        await self._relogin(stale=headers["access-token"])
                        continue
                    return status, body, ctype
        except TimeoutError as exc:
            raise errors.network(f"{what}: no answer within {deadline or self.deadline:g} s") from exc

    async def _call(
        self,
        path: str,
        params: dict[str, Any],
        *,
        what: str,
        deadline: float | None = None,
        limit: int | None = None,
        auth: bool = True,
    ) -> msgspec.Raw | None:
        """One GET, its ``WVPResult`` checked; returns ``data``."""
        status, body, ctype = await self._fetch(path, params, what=what, deadline=deadline, limit=limit, auth=auth)
        return self._unwrap(status, body, ctype, what)

    @staticmethod
    def _unwrap(status: int, body: bytes, ctype: str, what: str) -> msgspec.Raw | None:
        try:
            env = msgspec.json.decode(body, type=_Envelope)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            if status >= 400:
                raise errors.for_status(status, platform_text(body[:120].decode("utf-8", "replace"))) from exc
            raise errors.payload(what, f"HTTP {status}, {ctype or 'no content type'}: not a WVPResult ({exc})") from exc
        if status == 401:
            raise wvp_error(401, env.msg, what)
        if env.code != 0:
            raise wvp_error(env.code, env.msg, what)
        if status >= 400:
            raise errors.for_status(status, platform_text(env.msg))
        return env.data

    @staticmethod
    def _decode(raw: msgspec.Raw | None, type_: type[T], what: str) -> T:
        if raw is None or bytes(raw) == b"null":
            raise errors.payload(what, "no data")
        try:
            return msgspec.json.decode(raw, type=type_)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise errors.payload(what, str(exc)[:300]) from exc

    # ------------------------------------------------------------------ login

    async def login(self, username: str, password: str) -> User:
        """Log in (md5 password). The password's md5 stays in memory to log in again before expiry."""
        async with self._login_lock:
            await self._login(username, md5_hex(password))
        self._username = username
        self.user = User(username=username, display_name=username, role=Role.DISPATCHER, scope=Scope(towns=None))
        return self.user

    async def _login(self, username: str, password_md5: str) -> None:
        try:
            data = await self._call(
                "/api/user/login", {"username": username, "password": password_md5}, what="login", auth=False
            )
        except errors.PlatformError as exc:
            if isinstance(exc, errors.AuthError) or (type(exc) is errors.PlatformError and "code 100" in exc.detail):
                # UserController: ControllerException(ERROR100, "用户名或密码错误") and the like
                raise errors.AuthError(
                    QCoreApplication.translate("WvpBackend", "The platform refused the user name or password."),
                    detail=exc.detail,
                ) from exc
            raise
        user = self._decode(data, _LoginUser, "login")
        if not user.accessToken or len(user.accessToken) > 8192:
            raise errors.payload("login", "no usable accessToken")
        life = token_lifetime(user.accessToken) or 30 * 60.0  # WVP's sample login-timeout: 30 min
        margin = min(60.0, life / 5)
        self._token = user.accessToken
        self._renew_at = time.monotonic() + life - margin
        self._password_md5 = password_md5
        self._username = username
        self.logins += 1
        log.info("logged in to WVP %s as %s (token for %.0f s)", mask_url(self.base_url), username, life)

    async def _fresh_token(self) -> str:
        if self._token is not None and time.monotonic() < self._renew_at:
            return self._token
        await self._relogin(stale=self._token)
        if self._token is None:
            raise errors.AuthError(QCoreApplication.translate("WvpBackend", "Not logged in to the platform."))
        return self._token

    async def _relogin(self, stale: str | None) -> None:
        async with self._login_lock:
            if self._token is not None and self._token != stale and time.monotonic() < self._renew_at:
                return  # another call logged in meanwhile
            if self._username is None or self._password_md5 is None:
                raise errors.AuthError(QCoreApplication.translate("WvpBackend", "Not logged in to the platform."))
            await self._login(self._username, self._password_md5)

    # ------------------------------------------------------------------ inventory

    async def _pages(
        self,
        path: str,
        type_: type[T],
        bound: int,
        what: str,
        problems: list[str],
        on_page: Callable[[list[T]], None] | None = None,
    ) -> list[T]:
        """Every record of a PageHelper list. A page decodes in one pass; a page with a bad
        record is decoded record by record and the bad ones are skipped, in words. The next
        page is on its way while this one is decoded (and handed to ``on_page``, if given,
        instead of being kept); totals are not trusted."""
        out: list[T] = []
        loaded = 0
        claimed: int | None = None  # PageInfo.total of page 1: only reported, never trusted
        bounded = False
        max_pages = bound // self.page_size + 2
        previous: tuple[bytes, bytes, int] | None = None
        typed = _Result[_TypedPage[type_]]  # type: ignore[valid-type]

        def fetch(page: int) -> asyncio.Task[tuple[int, bytes, str]]:
            return asyncio.ensure_future(
                self._fetch(
                    path, {"page": page, "count": self.page_size}, what=f"{what} page {page}", limit=self.max_page_body
                )
            )

        page = 1
        pending: collections.deque[asyncio.Task[tuple[int, bytes, str]]] = collections.deque()
        asked = 0
        try:
            while True:
                while len(pending) < _PAGES_AHEAD and asked < max_pages:
                    asked += 1
                    pending.append(fetch(asked))
                status, body, ctype = await pending.popleft()
                if asked < max_pages:
                    asked += 1
                    pending.append(fetch(asked))
                    await asyncio.sleep(0)  # let it send its request before this page is decoded
                records: list[Any] | None = None
                if status == 200:
                    with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError):
                        result = msgspec.json.decode(body, type=typed)
                        if result.code == 0 and result.data is not None:
                            records = list(result.data.items or [])
                            if page == 1:
                                claimed = result.data.total
                if records is None:  # an error envelope, or a bad record somewhere: the slow, careful way
                    info = self._decode(self._unwrap(status, body, ctype, f"{what} page {page}"), _Page,
                                        f"{what} page {page}")  # fmt: skip
                    raws = info.items or []
                    records = []
                    for raw in raws:
                        try:
                            records.append(msgspec.json.decode(raw, type=type_))
                        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                            problems.append(f"{what}: a record skipped ({str(exc)[:120]})")
                    count = len(raws)
                else:
                    count = len(records)
                key = (repr(records[0]).encode(), repr(records[-1]).encode(), count) if records else None
                if key is not None and key == previous:
                    problems.append(f"{what}: page {page} repeats page {page - 1}; paging stopped there")
                    break  # PageHelper "reasonable": past the end comes the last page again
                previous = key
                if loaded + len(records) > bound:
                    problems.append(f"{what}: more than {bound} records; the rest is not loaded")
                    del records[bound - loaded :]
                    count, bounded = 0, True  # stop after this page
                loaded += len(records)
                if on_page is not None:
                    on_page(records)
                else:
                    out.extend(records)
                if count < self.page_size or page >= max_pages:
                    break
                page += 1
        finally:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if claimed is not None and claimed > loaded and not bounded:
            problems.append(f"{what}: the platform counted {claimed}, sent {loaded}")
        return out

    async def inventory(self) -> Inventory:
        problems: list[str] = []
        regions = await self._pages("/api/region/page/list", _Region, self.max_regions, "regions", problems)
        sites, site_of_code = self._sites(regions, problems)
        cameras: list[Camera] = []
        channels: dict[str, int] = {}
        camera_sites: dict[str, str] = {}
        seen_gb: set[int] = set()
        unassigned = False
        village_sites = {s.id for s in sites if s.tier == Tier.VILLAGE}

        def map_page(page: list[_Channel]) -> None:  # runs while the next page is on its way
            nonlocal unassigned
            for ch in page:
                if ch.gbId in seen_gb:
                    continue  # a record twice: distrust, do not double
                seen_gb.add(ch.gbId)
                cid = ch.gbDeviceId or ""
                if not _GB_ID.match(cid):
                    problems.append(f"channel {ch.gbId}: no 20-digit GB id ({platform_text(cid, 40)!r}), skipped")
                    continue
                if cid in channels:
                    problems.append(f"channel {ch.gbId}: GB id {cid} twice, the second skipped")
                    continue
                site_id = self._site_for(ch.gbCivilCode or "", site_of_code)
                if site_id is None:
                    site_id, unassigned = UNASSIGNED_SITE, True
                lon, lat = ch.gbLongitude, ch.gbLatitude
                location = None
                if lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90 and (lon or lat):
                    location = (lon, lat)
                cameras.append(
                    Camera(
                        id=cid,
                        name=platform_text(ch.gbName, 200) or cid,
                        site_id=site_id,
                        grid_id=None,
                        kind=CameraKind.VILLAGE if site_id in village_sites else CameraKind.SOCIAL,
                        tags=[],
                        ptz=ch.gbPtzType in _PTZ_TYPES,
                        online=ch.gbStatus == "ON" or (ch.gbStatus or "").upper() == "ON",
                        streams=[StreamProfile(name="main", width=1920, height=1080, fps=25.0, codec="h264", urls={})],
                        location=location,
                    )
                )
                channels[cid] = ch.gbId
                camera_sites[cid] = site_id

        await self._pages("/api/common/channel/list", _Channel, self.max_channels, "channels", problems, map_page)
        if unassigned:
            sites.append(
                Site(
                    id=UNASSIGNED_SITE,
                    name=QCoreApplication.translate("WvpBackend", "Channels without a region"),
                    tier=Tier.COUNTY,
                    kind=SiteKind.DISPATCH_CENTRE,
                    parent_id=None,
                    town=None,
                    online=True,
                )
            )
        self._channels = channels
        self._camera_sites = camera_sites
        return Inventory(sites=sites, cameras=cameras, problems=problems)

    async def channel_status(self) -> dict[str, bool]:
        """Online state per camera id, from the channel list (WVP has no push: poll this at
        the operator's rate). Cameras the inventory does not know are left out."""
        status: dict[str, bool] = {}
        known = self._channels

        def take(page: list[_Channel]) -> None:
            for ch in page:
                cid = ch.gbDeviceId or ""
                if cid in known:
                    status[cid] = ch.gbStatus == "ON" or (ch.gbStatus or "").upper() == "ON"

        problems: list[str] = []
        await self._pages("/api/common/channel/list", _Channel, self.max_channels, "channels", problems, take)
        return status

    @staticmethod
    def _tier(code: str, parent_tier: Tier | None) -> Tier | None:
        if len(code) < 6:
            return None  # province, city: above the county
        if len(code) == 6:
            return Tier.COUNTY
        if parent_tier is Tier.COUNTY:
            return Tier.TOWN
        if parent_tier in (Tier.TOWN, Tier.VILLAGE):
            return Tier.VILLAGE
        return Tier.TOWN if len(code) <= 9 else Tier.VILLAGE

    def _sites(self, regions: list[_Region], problems: list[str]) -> tuple[list[Site], dict[str, str]]:
        """Regions (GB civil codes) → county, town and village sites; deeper levels fold into villages."""
        by_code: dict[str, _Region] = {}
        for r in regions:
            code = r.deviceId.strip()
            if site_id_for(code) is None:
                problems.append(f"region {platform_text(code, 40)!r}: not a civil code, skipped")
                continue
            by_code.setdefault(code, r)
        tiers: dict[str, Tier | None] = {}

        def tier_of(code: str, depth: int = 0) -> Tier | None:
            if code in tiers:
                return tiers[code]
            parent = by_code[code].parentDeviceId
            parent_tier = tier_of(parent, depth + 1) if parent in by_code and depth < 16 and parent != code else None
            tiers[code] = self._tier(code, parent_tier)
            return tiers[code]

        def ancestor(code: str, want: Tier) -> str | None:
            seen = 0
            parent = by_code[code].parentDeviceId
            while parent in by_code and seen < 16:
                if tiers.get(parent) is want:
                    return parent
                parent = by_code[parent].parentDeviceId
                seen += 1
            return None

        for code in by_code:
            tier_of(code)
        town_numbers: dict[str, int | None] = {}
        for n, code in enumerate(sorted(c for c in by_code if tiers[c] is Tier.TOWN), start=1):
            town_numbers[code] = n if n <= 99 else None
        sites: list[Site] = []
        site_of_code: dict[str, str] = {}
        for code in sorted(by_code, key=lambda c: (len(c), c)):
            tier = tiers[code]
            if tier is None:
                continue
            if tier is Tier.COUNTY:
                parent, town = None, None
            elif tier is Tier.TOWN:
                parent, town = ancestor(code, Tier.COUNTY), town_numbers.get(code)
            else:
                parent = ancestor(code, Tier.TOWN) or ancestor(code, Tier.COUNTY)
                town = town_numbers.get(parent) if parent else None
            sid = site_id_for(code)
            assert sid is not None
            kind = {Tier.COUNTY: SiteKind.DISPATCH_CENTRE, Tier.TOWN: SiteKind.POLICE_STATION}.get(tier, SiteKind.VILLAGE)
            sites.append(
                Site(
                    id=sid,
                    name=platform_text(by_code[code].name, 200) or code,
                    tier=tier,
                    kind=kind,
                    parent_id=site_id_for(parent) if parent else None,
                    town=town,
                    online=True,
                )
            )
            site_of_code[code] = sid
        return sites, site_of_code

    @staticmethod
    def _site_for(civil: str, site_of_code: dict[str, str]) -> str | None:
        civil = civil.strip()
        if civil in site_of_code:
            return site_of_code[civil]
        for n in (12, 9, 8, 6):  # the longest known region the code lies in
            if len(civil) > n and civil[:n] in site_of_code:
                return site_of_code[civil[:n]]
        return None

    # ------------------------------------------------------------------ live

    def _gb_id(self, camera_id: str) -> int:
        gb_id = self._channels.get(camera_id)
        if gb_id is None:
            raise errors.NotFoundError(
                QCoreApplication.translate("PlatformError", "The platform does not know this item."),
                detail=f"camera {camera_id[:40]}",
            )
        return gb_id

    async def play(self, camera_id: str) -> dict[Transport, str]:
        """``/api/common/channel/play``: the StreamContent URLs ControlRoom can use, per transport."""
        gb_id = self._gb_id(camera_id)
        data = await self._call(
            "/api/common/channel/play", {"channelId": gb_id}, what="play", deadline=self.play_deadline
        )
        content = self._decode(data, dict[str, Any], "play")
        urls: dict[Transport, str] = {}
        for transport, fields in _STREAM_FIELDS.items():
            for name, schemes in fields:
                url = content.get(name)
                if isinstance(url, str) and self._usable_url(url, schemes):
                    urls[transport] = url
                    break
        return urls

    @staticmethod
    def _usable_url(url: str, schemes: tuple[str, ...]) -> bool:
        if not url or len(url) > 2048 or _CONTROL.search(url) or any(ch.isspace() for ch in url):
            return False
        parts = urlsplit(url)
        return parts.scheme.lower() in schemes and bool(parts.hostname)

    async def open_stream(self, camera: Camera, profile: str, transports: Sequence[Transport]) -> SimpleLease:
        """A lease: WVP's play at every ``url()`` (it answers at once while the stream is up,
        and invites again when it is not), ``play/stop`` when the channel's last lease is released.

        WVP's common channel API plays the channel's configured stream only: a "sub"
        request gets main, and the lease's ``profile`` says "main"."""
        gb_id = self._gb_id(camera.id)
        wanted = list(transports) or list(Transport)
        self._holders[gb_id] += 1
        lease: SimpleLease

        async def make_url() -> str:
            if lease.released:
                raise errors.PlatformError(
                    QCoreApplication.translate("WvpBackend", "This stream was already closed."), detail=camera.id
                )
            offered = await self.play(camera.id)
            for t in wanted:
                if t in offered:
                    lease.transport = t
                    return offered[t]
            raise errors.PlatformError(
                QCoreApplication.translate("WvpBackend", "The platform offers none of the transports ControlRoom can play here."),
                detail=f"offered: {', '.join(sorted(t.value for t in offered)) or 'none'}",
            )

        async def release() -> None:
            if self._closed or self._holders.get(gb_id, 0) <= 0:
                return  # aclose() stopped it already
            self._holders[gb_id] -= 1
            if self._holders[gb_id] > 0:
                return  # another tile still watches this channel
            del self._holders[gb_id]
            try:
                await self._call("/api/common/channel/play/stop", {"channelId": gb_id}, what="stop")
            except errors.PlatformError as exc:
                log.warning("WVP play/stop of channel %s failed: %s", gb_id, exc)

        lease = SimpleLease(camera_id=camera.id, profile="main", transport=wanted[0], make_url=make_url,
                            on_release=release)  # fmt: skip
        if profile != "main":
            log.info("WVP camera %s: no %s stream through the common channel API, main is played", camera.id, profile)
        return lease

    # ------------------------------------------------------------------ PTZ

    async def ptz(self, camera_id: str, command: PtzCommand) -> PtzResult:
        verb = _PTZ_COMMANDS.get(command.action)
        if verb is None:
            raise errors.PlatformError(
                QCoreApplication.translate("WvpBackend", "This platform cannot do that camera movement (%1).").replace(
                    "%1", command.action.value
                ),
                detail="wvp: presets are not wired",
            )
        gb_id = self._gb_id(camera_id)
        speed = max(0, min(100, round(command.speed * 100)))
        await self._call(
            "/api/common/channel/front-end/ptz",
            {"channelId": gb_id, "command": verb, "panSpeed": speed, "tiltSpeed": speed, "zoomSpeed": speed},
            what="ptz",
        )
        return PtzResult(camera_id=camera_id, action=command.action, accepted=True)

    # ------------------------------------------------------------------ alarms

    async def alerts(self) -> list[Alert]:
        """The newest alarms (one bounded page, newest first), as alerts without acknowledgement."""
        data = await self._call(
            "/api/alarm/list", {"page": 1, "count": self.alert_limit}, what="alarms", limit=self.max_page_body
        )
        info = self._decode(data, _Page, "alarms")
        out: list[Alert] = []
        for raw in (info.items or [])[: self.alert_limit]:
            try:
                alarm = msgspec.json.decode(raw, type=_Alarm)
            except (msgspec.DecodeError, msgspec.ValidationError):
                log.info("WVP alarm record skipped: not an Alarm")
                continue
            out.append(self._alert(alarm))
        out.sort(key=lambda a: a.raised_at, reverse=True)
        return out

    async def poll_alarms(self) -> list[Alert]:
        """The alarms not seen by an earlier poll (WVP has no push: call at the operator's rate)."""
        fresh = [a for a in await self.alerts() if int(a.id.removeprefix("wvp-")) not in self._seen_alarms]
        for a in fresh:
            self._seen_alarms[int(a.id.removeprefix("wvp-"))] = None
        while len(self._seen_alarms) > 10 * self.alert_limit:
            self._seen_alarms.pop(next(iter(self._seen_alarms)))
        return fresh

    def _alert(self, alarm: _Alarm) -> Alert:
        kind, severity = AlertKind.GRID_INCIDENT, Severity.WARNING
        if alarm.alarmType in _DEVICE_ALARMS:
            kind = AlertKind.CAMERA_OFFLINE
        elif alarm.alarmType == "ManualVideo":
            kind, severity = AlertKind.PATROL_SOS, Severity.CRITICAL
        elif alarm.alarmType in (None, "Other"):
            severity = Severity.INFO
        camera = alarm.channelDeviceId if alarm.channelDeviceId in self._channels else None
        who = platform_text(alarm.channelName, 200) or (camera or "")
        what = platform_text(alarm.description, 1000) or platform_text(alarm.alarmType, 64)
        raised = datetime.now(UTC)
        if alarm.alarmTime is not None and 0 < alarm.alarmTime < 32503680000000:
            raised = datetime.fromtimestamp(alarm.alarmTime / 1000, UTC)
        return Alert(
            id=f"wvp-{alarm.id}",
            kind=kind,
            severity=severity,
            message=f"{who}: {what}" if who else what,
            raised_at=raised,
            site_id=self._camera_sites.get(camera) if camera else None,
            camera_ids=[camera] if camera else [],
        )
