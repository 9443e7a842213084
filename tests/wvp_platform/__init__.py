"""A test double of wvp-GB28181-pro's HTTP API, with real video.

Shapes, paths and error envelopes follow WVP's own source, repository
648540858/wvp-GB28181-pro at commit 768d740949570f3447773aa85985a5ab0c6f750f
(2026-08-06, pom version 2.7.4): ``UserController`` (``/api/user/login``),
``ChannelController`` (``/api/common/channel/list``, ``/play``, ``/play/stop``),
``ChannelFrontEndController`` (``/front-end/ptz``), ``RegionController``
(``/api/region/page/list``), ``AlarmController`` (``/api/alarm/list``),
``WVPResult``/``ErrorCode``/``InviteErrorCode``, PageHelper's ``PageInfo``,
``StreamContent``, and the security chain (``JwtAuthenticationFilter``,
``AnonymousAuthenticationEntryPoint``: HTTP 401 ``{"code":401,"msg":"请登录后重新请求"}``).

What WVP does and the double does too:

- most errors are HTTP 200 with a non-zero ``code`` (``ControllerException``,
  ``IllegalArgumentException`` from ``Assert``: code 100); a missing, bad or
  expired token is HTTP 401; unknown paths 404 with code 404;
- login takes the md5 of the password; the token (a JWT signed here with
  HMAC, WVP signs with RSA: the client never verifies it) carries ``exp`` and
  is sent back in the ``access-token`` header; no refresh;
- ``/api/common/channel/play`` blocks until the stream is up (``play_delay``),
  and an offline channel answers ``code -2 收流超时`` after ``play_timeout``;
- StreamContent's ``ts`` and ``rtsp`` URLs are real streams from the demo's
  media server, run in-process without auth (as ZLMediaKit serves them); the
  other URL fields are null (the double serves only those two).

This is a stand-in (a real WVP needs Java, a database, Redis, ZLMediaKit and
GB/T 28181 devices, none of which run here); the video through it is real.

``WvpThread`` runs it on its own event loop in a thread on a free 127.0.0.1
port, for synchronous tests; ``stop()`` ends it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from controlroom.demo.media.clips import Clip
from controlroom.demo.media.server import MediaError, MediaServer, StreamGrant

WVP_COMMIT = "768d740949570f3447773aa85985a5ab0c6f750f"
COUNTY = "371326"  # Pingyi County's GB/T 2260 code


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Channel:
    gbId: int
    gbDeviceId: str
    gbName: str
    gbCivilCode: str
    online: bool = True
    ptz_type: int = 3
    longitude: float | None = None
    latitude: float | None = None
    stream_index: int = 0

    def as_json(self) -> dict[str, Any]:
        # CommonGBChannel as Jackson writes it (the fields a client reads, and a few it does not)
        return {
            "gbId": self.gbId,
            "gbDeviceId": self.gbDeviceId,
            "gbName": self.gbName,
            "gbManufacturer": "Hikvision",
            "gbModel": "DS-2CD",
            "gbOwner": None,
            "gbCivilCode": self.gbCivilCode,
            "gbBlock": None,
            "gbAddress": None,
            "gbParental": 0,
            "gbParentId": self.gbCivilCode,
            "gbSafetyWay": None,
            "gbRegisterWay": 1,
            "gbStatus": "ON" if self.online else "OFF",
            "gbLongitude": self.longitude,
            "gbLatitude": self.latitude,
            "gbPtzType": self.ptz_type,
            "gbBusinessGroupId": None,
            "gbResolution": None,
            "dataType": 1,
            "dataDeviceId": 1,
            "createTime": "2026-01-01 00:00:00",
            "updateTime": "2026-01-01 00:00:00",
            "streamId": None,
            "enableBroadcast": 0,
        }


@dataclass
class Region:
    id: int
    deviceId: str
    name: str
    parentId: int | None
    parentDeviceId: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "deviceId": self.deviceId,
            "name": self.name,
            "parentId": self.parentId,
            "parentDeviceId": self.parentDeviceId,
            "createTime": "2026-01-01 00:00:00",
            "updateTime": "2026-01-01 00:00:00",
        }


@dataclass
class WvpState:
    """What the double holds; tests read and change it directly (same process)."""

    users: dict[str, str] = field(default_factory=lambda: {"admin": md5("admin")})
    token_seconds: float = 3600.0  # WVP's loginTimeout (minutes there; seconds here for tests)
    play_delay: float = 0.0  # how long /play blocks before answering
    play_timeout: float = 10.0  # WVP's playTimeout: an offline channel answers 收流超时 after it
    regions: list[Region] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)
    plays: Counter[int] = field(default_factory=Counter)
    stops: Counter[int] = field(default_factory=Counter)
    playing: set[int] = field(default_factory=set)
    ptz: list[dict[str, Any]] = field(default_factory=list)
    logins: int = 0
    requests: Counter[str] = field(default_factory=Counter)
    revoked: set[str] = field(default_factory=set)
    unauthorized: int = 0  # 401 answers given
    total_lie: int | None = None  # PageInfo.total of the channel list says this instead
    repeat_last_page: bool = False  # PageHelper reasonable=true: past the end, the last page again
    gateway_down: bool = False  # a reverse proxy in front answers 502 with an HTML page
    bad_record: dict[str, Any] | None = None  # a channel record of the wrong shape on page 1
    by_id: dict[int, Channel] = field(default_factory=dict)

    def channel(self, gb_id: int) -> Channel | None:
        return self.by_id.get(gb_id)

    def index(self) -> None:
        """Call after changing ``channels``."""
        self.by_id = {c.gbId: c for c in self.channels}


def build_network(channels: int = 24, towns: int = 3, villages_per_town: int = 2) -> WvpState:
    """County → towns → villages (GB/T 2260 style civil codes), channels spread over the villages
    and towns. ``channels=28_500, towns=30, villages_per_town=36`` is Pingyi-sized."""
    st = WvpState()
    rid = 1
    st.regions.append(Region(rid, COUNTY, "平邑县", None, "3713"))
    county_id = rid
    leaves: list[str] = []
    for t in range(1, towns + 1):
        rid += 1
        town_code = f"{COUNTY}{t:03d}"  # 9-digit township code
        st.regions.append(Region(rid, town_code, f"第{t}镇", county_id, COUNTY))
        town_id = rid
        leaves.append(town_code)
        for v in range(1, villages_per_town + 1):
            rid += 1
            village_code = f"{town_code}{v:03d}"  # 12-digit village code
            st.regions.append(Region(rid, village_code, f"第{t}镇{v}村", town_id, town_code))
            leaves.append(village_code)
    for i in range(channels):
        civil = leaves[i % len(leaves)]
        st.channels.append(
            Channel(
                gbId=1000 + i,
                gbDeviceId=f"{COUNTY}00001320{i:06d}",
                gbName=f"摄像机{i:05d}",
                gbCivilCode=civil,
                ptz_type=1 if i % 4 == 0 else 3,
                longitude=117.6 + (i % 100) * 0.001,
                latitude=35.5 + (i // 100 % 100) * 0.001,
                stream_index=i % 16,
            )
        )
    st.index()
    return st


def result(data: Any = None, code: int = 0, msg: str = "成功", status: int = 200) -> web.Response:
    return web.json_response({"code": code, "msg": msg, "data": data}, status=status)


def page_info(items: list[Any], page: int, count: int) -> dict[str, Any]:
    """PageHelper's PageInfo as WVP returns it (reasonable=false: past the end is an empty list)."""
    total = len(items)
    pages = (total + count - 1) // count if count > 0 else 0
    start = (page - 1) * count
    chunk = items[start : start + count] if page >= 1 and count > 0 else []
    return {
        "total": total,
        "list": chunk,
        "pageNum": page,
        "pageSize": count,
        "size": len(chunk),
        "startRow": start + 1 if chunk else 0,
        "endRow": start + len(chunk) if chunk else 0,
        "pages": pages,
        "prePage": page - 1 if page > 1 else 0,
        "nextPage": page + 1 if page < pages else 0,
        "isFirstPage": page == 1,
        "isLastPage": page == pages,
        "hasPreviousPage": page > 1,
        "hasNextPage": page < pages,
        "navigatePages": 8,
        "navigatepageNums": list(range(max(1, page - 3), min(pages, page + 4) + 1)),
        "navigateFirstPage": max(1, page - 3) if pages else 0,
        "navigateLastPage": min(pages, page + 4),
    }


class WvpPlatform:
    """The aiohttp application and the in-process media server."""

    def __init__(self, state: WvpState, clips: list[Clip] | None) -> None:
        self.state = state
        self.key = secrets.token_bytes(32)
        self.media: MediaServer | None = MediaServer(clips, self._authorize) if clips else None
        self.app = web.Application(middlewares=[self._auth])
        r = self.app.router
        r.add_route("*", "/api/user/login", self.login)
        r.add_get("/api/region/page/list", self.regions)
        r.add_get("/api/common/channel/list", self.channels)
        r.add_get("/api/common/channel/play", self.play)
        r.add_get("/api/common/channel/play/stop", self.stop)
        r.add_get("/api/common/channel/front-end/ptz", self.ptz)
        r.add_get("/api/alarm/list", self.alarm_list)
        from wvp_platform.playback import add_routes  # playback (issue 12)

        add_routes(self)
        self.port = 0
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ media
    def _authorize(self, camera_id: str, profile: str, token: str | None) -> StreamGrant:
        for c in self.state.channels:
            if c.gbDeviceId == camera_id.split("_")[-1]:
                if c.gbId not in self.state.playing:
                    raise MediaError(404, "stream not found")  # ZLM: no such stream once stopped
                # ZLM has no tickets: the grant lasts (the media server's grants came with tickets)
                return StreamGrant(c.stream_index, "wvp", time.monotonic() + 86_400)
        raise MediaError(404, "stream not found")

    # ------------------------------------------------------------------ tokens
    def make_token(self, username: str) -> str:
        now = time.time()
        header = _b64(json.dumps({"alg": "HS256", "kid": "double"}).encode())
        payload = _b64(json.dumps({"jti": secrets.token_hex(8), "iat": int(now), "exp": now + self.state.token_seconds,
                                   "sub": "login", "aud": "Audience", "userName": username}).encode())
        sig = _b64(hmac.new(self.key, f"{header}.{payload}".encode(), "sha256").digest())
        return f"{header}.{payload}.{sig}"

    def token_ok(self, token: str) -> bool:
        try:
            header, payload, sig = token.split(".")
            want = _b64(hmac.new(self.key, f"{header}.{payload}".encode(), "sha256").digest())
            if not hmac.compare_digest(want, sig) or token in self.state.revoked:
                return False
            claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            return float(claims["exp"]) > time.time()
        except (ValueError, KeyError):
            return False

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.state.requests[request.path] += 1
        if self.state.gateway_down:
            return web.Response(status=502, content_type="text/html",
                                text="<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
        if request.path.lower() != "/api/user/login":
            token = request.headers.get("access-token") or request.query.get("access-token") or ""
            if not self.token_ok(token):
                # JwtAuthenticationFilter → AnonymousAuthenticationEntryPoint
                self.state.unauthorized += 1
                return result(code=401, msg="请登录后重新请求", status=401)
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return result(code=404, msg="资源未找到", status=404)  # GlobalExceptionHandler
        except web.HTTPMethodNotAllowed:
            return result(code=400, msg="参数或方法错误", status=400)

    # ------------------------------------------------------------------ handlers
    async def login(self, request: web.Request) -> web.Response:
        q = request.query
        username, password = q.get("username"), q.get("password")
        if username is None or password is None:
            return result(code=400, msg="参数或方法错误", status=400)  # missing @RequestParam
        if self.state.users.get(username) != password:
            return result(code=100, msg="用户名或密码错误")
        self.state.logins += 1
        token = self.make_token(username)
        user = {
            "accessToken": token,
            "serverId": "000000",
            "loginTime": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "username": username,
            "id": 1,
            "role": {"id": 1, "name": "admin", "authority": "0", "createTime": "", "updateTime": ""},
            "pushKey": "3e80d1762a324d5b0ff636e0bd16f1e3",
            "enabled": True,
            "accountNonExpired": True,
            "accountNonLocked": True,
            "credentialsNonExpired": True,
            "authorities": [],
        }
        resp = result(user)
        resp.headers["access-token"] = token
        return resp

    def _paging(self, request: web.Request) -> tuple[int, int] | web.Response:
        try:
            return int(request.query["page"]), int(request.query["count"])
        except (KeyError, ValueError):
            return result(code=400, msg="参数或方法错误", status=400)

    async def regions(self, request: web.Request) -> web.Response:
        paging = self._paging(request)
        if isinstance(paging, web.Response):
            return paging
        items = [r.as_json() for r in self.state.regions]
        return result(page_info(items, *paging))

    async def channels(self, request: web.Request) -> web.Response:
        paging = self._paging(request)
        if isinstance(paging, web.Response):
            return paging
        page, count = paging
        chans = self.state.channels
        if self.state.repeat_last_page and count > 0:
            page = max(1, min(page, (len(chans) + count - 1) // count))
        start = (page - 1) * count
        items = [c.as_json() for c in chans[max(0, start) : max(0, start) + count]]
        info = page_info([None] * len(chans), page, count)
        if self.state.bad_record is not None and page == 1:
            items = [self.state.bad_record, *items]
        info["list"] = items
        if self.state.total_lie is not None:
            info["total"] = self.state.total_lie
        return result(info)

    def _channel(self, request: web.Request) -> Channel | web.Response:
        raw = request.query.get("channelId")
        if raw is None:
            return result(code=100, msg="参数异常")  # Assert.notNull → IllegalArgumentException
        try:
            gb_id = int(raw)
        except ValueError:
            return result(code=400, msg="参数或方法错误", status=400)
        chan = self.state.channel(gb_id)
        if chan is None:
            return result(code=100, msg="通道不存在")
        return chan

    async def play(self, request: web.Request) -> web.Response:
        chan = self._channel(request)
        if isinstance(chan, web.Response):
            return chan
        self.state.plays[chan.gbId] += 1
        if not chan.online:
            await asyncio.sleep(self.state.play_timeout)
            return result(code=-2, msg="收流超时")  # InviteErrorCode.ERROR_FOR_STREAM_TIMEOUT
        if self.state.play_delay:
            await asyncio.sleep(self.state.play_delay)
        if self.media is None:
            return result(code=-3, msg="资源耗尽")
        self.state.playing.add(chan.gbId)
        stream = f"{chan.gbDeviceId[:10]}_{chan.gbDeviceId}"
        urls = self.media.urls(stream, "main")
        ts = next(u for t, u in urls.items() if t.value == "http-ts")
        rtsp = next(u for t, u in urls.items() if t.value == "rtsp")
        content: dict[str, Any] = {k: None for k in (
            "flv", "https_flv", "ws_flv", "wss_flv", "fmp4", "https_fmp4", "ws_fmp4", "wss_fmp4",
            "hls", "https_hls", "ws_hls", "wss_hls", "https_ts", "ws_ts", "wss_ts", "rtmp", "rtmps",
            "rtsps", "rtc", "rtcs")}  # fmt: skip
        content.update(app="rtp", stream=stream, ip="127.0.0.1", ts=ts, rtsp=rtsp, mediaServerId="zlmediakit-local",
                       mediaInfo=None, startTime=None, endTime=None, duration=None, downLoadFilePath=None,
                       transcodeStream=None, progress=0.0, key=None, serverId="000000")
        return result(content)

    async def stop(self, request: web.Request) -> web.Response:
        chan = self._channel(request)
        if isinstance(chan, web.Response):
            return chan
        self.state.stops[chan.gbId] += 1
        self.state.playing.discard(chan.gbId)
        return result()  # void → WVPResult.success(null)

    async def ptz(self, request: web.Request) -> web.Response:
        chan = self._channel(request)
        if isinstance(chan, web.Response):
            return chan
        q = request.query
        speeds: dict[str, int] = {}
        for name in ("panSpeed", "tiltSpeed", "zoomSpeed"):
            raw = q.get(name)
            value = 50 if raw is None else int(raw)
            if not 0 <= value <= 100:
                return result(code=100, msg=f"{name} 为 0-100的数字")
            speeds[name] = value
        self.state.ptz.append({"channelId": chan.gbId, "command": q.get("command"), **speeds})
        return result(code=0, msg="成功")

    async def alarm_list(self, request: web.Request) -> web.Response:
        paging = self._paging(request)
        if isinstance(paging, web.Response):
            return paging
        items = sorted(self.state.alarms, key=lambda a: -a["alarmTime"])
        return result(page_info(items, *paging))

    # ------------------------------------------------------------------ life
    async def start(self) -> None:
        if self.media is not None:
            await self.media.start()
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def aclose(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.media is not None:
            await self.media.stop()


def add_alarm(state: WvpState, channel: Channel, alarm_type: str = "VideoLoss", description: str = "视频丢失",
              at_ms: int | None = None) -> dict[str, Any]:
    alarm = {
        "id": len(state.alarms) + 1,
        "channelId": channel.gbId,
        "channelDeviceId": channel.gbDeviceId,
        "channelName": channel.gbName,
        "description": description,
        "snapPath": None,
        "recordPath": None,
        "longitude": channel.longitude,
        "latitude": channel.latitude,
        "alarmType": alarm_type,
        "alarmTime": at_ms if at_ms is not None else int(time.time() * 1000),
    }
    state.alarms.append(alarm)
    return alarm


class WvpThread:
    """The double on its own event loop in a thread, for synchronous tests and benchmarks."""

    def __init__(self, state: WvpState, clips: list[Clip] | None = None) -> None:
        self.state = state
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="wvp-double-loop", daemon=True)
        self.thread.start()
        self.platform = self.call(self._make(clips))
        self.call(self.platform.start())

    async def _make(self, clips: list[Clip] | None) -> WvpPlatform:
        return WvpPlatform(self.state, clips)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.platform.port}"

    def call(self, coro: Any, timeout: float = 30.0) -> Any:
        fut: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return fut.result(timeout)

    def stop(self) -> None:
        self.call(self.platform.aclose())

        async def _cancel_rest() -> None:
            rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in rest:
                t.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        self.call(_cancel_rest())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
