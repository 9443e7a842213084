"""The WVP double's playback (``/api/common/channel/playback...``), shapes from WVP's ChannelController.

Recordings: every channel recorded every whole hour except minutes 20-30 (a gap per hour), and
nothing in the last 10 minutes; times in WVP's zone and pattern. A playback answers a
``StreamContent`` on the double's media server (the channel's live clip: the double checks the API,
not recorded pictures) with a stream id; the controls are kept in ``calls`` for the tests.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from aiohttp import web

from controlroom.backends.wvp_playback import WVP_PATTERN, WVP_ZONE

if TYPE_CHECKING:
    from wvp_platform import WvpPlatform


def _parse(text: str | None) -> datetime | None:
    try:
        return datetime.strptime(text or "", WVP_PATTERN).replace(tzinfo=WVP_ZONE)
    except ValueError:
        return None


def _fmt(t: datetime) -> str:
    return t.astimezone(WVP_ZONE).strftime(WVP_PATTERN)


def records(start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Hourly files [hh:00, hh:20) and [hh:30, hh+1:00), up to now - 10 min."""
    last = datetime.now(UTC) - timedelta(minutes=10)
    out = []
    hour = start.replace(minute=0, second=0, microsecond=0)
    while hour < end and len(out) < 2000:
        for a, b in ((0, 20), (30, 60)):
            s, e = max(hour + timedelta(minutes=a), start), min(hour + timedelta(minutes=b), end, last)
            if s < e:
                out.append({"startTime": _fmt(s), "endTime": _fmt(e), "fileSize": "1048576"})
        hour += timedelta(hours=1)
    return out


def add_routes(double: WvpPlatform) -> None:
    from wvp_platform import result

    calls: list[tuple[str, dict[str, str]]] = []
    double.playback_calls = calls  # type: ignore[attr-defined]
    streams: dict[str, int] = {}

    async def query(request: web.Request) -> web.Response:
        chan = double._channel(request)
        if isinstance(chan, web.Response):
            return chan
        start, end = _parse(request.query.get("startTime")), _parse(request.query.get("endTime"))
        if start is None:
            return result(code=100, msg="startTime格式为yyyy-MM-dd HH:mm:ss")
        if end is None:
            return result(code=100, msg="endTime格式为yyyy-MM-dd HH:mm:ss")
        return result(records(start, end))

    async def playback(request: web.Request) -> web.Response:
        chan = double._channel(request)
        if isinstance(chan, web.Response):
            return chan
        if double.media is None:
            return result(code=-3, msg="资源耗尽")
        start = _parse(request.query.get("startTime"))
        if start is None:
            return result(code=100, msg="参数异常")
        double.state.playing.add(chan.gbId)
        stream = f"{chan.gbDeviceId[:10]}_{chan.gbDeviceId}_{start:%Y%m%d%H%M%S}"
        streams[stream] = chan.gbId
        calls.append(("start", dict(request.query)))
        live = f"{chan.gbDeviceId[:10]}_{chan.gbDeviceId}"
        urls = double.media.urls(live, "main")
        return result({"app": "rtp", "stream": stream, "ip": "127.0.0.1",
                       "ts": next(u for t, u in urls.items() if t.value == "http-ts"),
                       "rtsp": next(u for t, u in urls.items() if t.value == "rtsp"),
                       "flv": None, "hls": None, "mediaServerId": "zlmediakit-local",
                       "startTime": _fmt(start), "endTime": request.query.get("endTime")})

    def control(what: str) -> Any:
        async def handler(request: web.Request) -> web.Response:
            chan = double._channel(request)
            if isinstance(chan, web.Response):
                return chan
            stream = request.query.get("stream", "")
            if streams.get(stream) != chan.gbId:
                return result(code=400, msg="streamId不存在")  # PlayServiceImpl: ERROR400
            calls.append((what, dict(request.query)))
            if what == "stop":
                del streams[stream]
            return result()
        return handler

    r = double.app.router
    r.add_get("/api/common/channel/playback/query", query)
    r.add_get("/api/common/channel/playback", playback)
    for what in ("stop", "pause", "resume", "seek", "speed"):
        r.add_get(f"/api/common/channel/playback/{what}", control(what))
