"""Playback through wvp-GB28181-pro's common channel API (issue 12), mixed into ``WvpBackend``.

Shapes read from WVP's own source (the commit ``WVP_SOURCE`` names),
``gb28181/controller/ChannelController.java`` (``/api/common/channel``):

- ``GET /playback/query?channelId&startTime&endTime`` → ``WVPResult<List<CommonRecordInfo>>``
  (``startTime``, ``endTime``, ``fileSize``; times are ``yyyy-MM-dd HH:mm:ss`` in
  ``Asia/Shanghai``, ``DateUtil.PATTERN`` / ``zoneStr``), the device's answer to a
  GB/T 28181 RecordInfo query (``recordInfoTimeout``);
- ``GET /playback?channelId&startTime&endTime`` → ``WVPResult<StreamContent>`` (the
  same URLs as live, and ``stream``, the stream id the controls need);
- ``GET /playback/stop|pause|resume?channelId&stream``, ``/playback/seek?...&seekTime``
  (seconds from the playback's start: ``Range: npt=seekTime-``) and
  ``/playback/speed?...&speed`` (``Scale:``).

WVP has no session over several cameras: the backend keeps the one clock
itself (one WVP playback per camera, every control sent to each). A seek before
the start of the WVP playback, which npt cannot express, invites again (new
URLs in the state). WVP keeps no bookmarks and offers no export here: those
raise ``Unsupported``. No marks (WVP's alarms are not tied to recordings).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom.api import errors
from controlroom.api.schema import (
    MAX_RECORDING_RANGES,
    PLAYBACK_SPEEDS,
    PlaybackState,
    PlaybackStream,
    RecordingRange,
    RecordingTimeline,
    Transport,
)
from controlroom.backends.base import NoPlayback

WVP_ZONE = timezone(timedelta(hours=8), "Asia/Shanghai")  # DateUtil.zoneStr; China keeps no DST
WVP_PATTERN = "%Y-%m-%d %H:%M:%S"  # DateUtil.PATTERN
PLAYBACK_SPAN = timedelta(hours=6)  # how far a WVP playback is asked to run from its start
MAX_RECORD_ITEMS = 20_000


def _speed_message() -> str:
    return QCoreApplication.translate("WvpBackend", "Playback speeds are 0.25x, 0.5x, 1x, 2x, 4x, 8x and 16x.")


def wvp_time(t: datetime) -> str:
    return t.astimezone(WVP_ZONE).strftime(WVP_PATTERN)


def parse_wvp_time(text: str) -> datetime:
    return datetime.strptime(text, WVP_PATTERN).replace(tzinfo=WVP_ZONE).astimezone(UTC)


class _RecordInfo(msgspec.Struct):
    startTime: str
    endTime: str
    fileSize: str | None = None


@dataclass
class _Stream:
    camera_id: str
    gb_id: int
    stream: str
    started: datetime  # the WVP playback's startTime: seekTime counts from here
    urls: dict[Transport, str]


@dataclass
class _Session:
    id: str
    streams: list[_Stream]
    anchor: datetime
    anchor_mono: float
    speed: float
    paused: bool = False
    profile: str = "main"
    used: float = field(default_factory=time.monotonic)

    def position(self) -> datetime:
        if self.paused:
            return self.anchor
        return self.anchor + timedelta(seconds=(time.monotonic() - self.anchor_mono) * self.speed)


class WvpPlayback(NoPlayback):
    """Recordings and playback for ``WvpBackend`` (which provides ``_call``, ``_decode``, ``_gb_id``,
    ``_usable_url`` and ``play_deadline``)."""

    _call: Any
    _decode: Any
    _gb_id: Any
    _usable_url: Any
    play_deadline: float

    def _sessions(self) -> dict[str, _Session]:
        store: dict[str, _Session] | None = getattr(self, "_playback_sessions", None)
        if store is None:
            store = {}
            self._playback_sessions = store
        return store

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> RecordingTimeline:
        gb_id = self._gb_id(camera_id)
        data = await self._call("/api/common/channel/playback/query",
                                {"channelId": gb_id, "startTime": wvp_time(start), "endTime": wvp_time(end)},
                                what="record query", deadline=self.play_deadline)
        items = self._decode(data, list[_RecordInfo], "record query") if data is not None else []
        spans: list[tuple[datetime, datetime]] = []
        for item in items[:MAX_RECORD_ITEMS]:
            try:
                a, b = parse_wvp_time(item.startTime), parse_wvp_time(item.endTime)
            except ValueError:
                continue  # a record the device described badly: left out
            a, b = max(a, start), min(b, end)
            if a < b:
                spans.append((a, b))
        merged: list[tuple[datetime, datetime]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        ranges = [RecordingRange(start=a, end=b) for a, b in merged[:MAX_RECORDING_RANGES]]
        return RecordingTimeline(camera_id=camera_id, start=start, end=end, ranges=ranges, marks=[])

    async def _start(self, camera_id: str, at: datetime) -> _Stream:
        from controlroom.backends.wvp import _STREAM_FIELDS

        gb_id = self._gb_id(camera_id)
        end = min(at + PLAYBACK_SPAN, datetime.now(UTC)) if at < datetime.now(UTC) else at + PLAYBACK_SPAN
        data = await self._call("/api/common/channel/playback",
                                {"channelId": gb_id, "startTime": wvp_time(at), "endTime": wvp_time(end)},
                                what="playback", deadline=self.play_deadline)
        content = self._decode(data, dict[str, Any], "playback")
        urls: dict[Transport, str] = {}
        for transport, fields in _STREAM_FIELDS.items():
            for name, schemes in fields:
                url = content.get(name)
                if isinstance(url, str) and self._usable_url(url, schemes):
                    urls[transport] = url
                    break
        stream = content.get("stream")
        if not isinstance(stream, str) or not stream or len(stream) > 256:
            raise errors.payload("playback", "no stream id in the answer")
        return _Stream(camera_id, gb_id, stream, at.replace(microsecond=0), urls)

    async def _control(self, st: _Stream, what: str, **extra: Any) -> None:
        await self._call(f"/api/common/channel/playback/{what}",
                         {"channelId": st.gb_id, "stream": st.stream, **extra}, what=f"playback {what}")

    def _state(self, sess: _Session) -> PlaybackState:
        sess.used = time.monotonic()
        return PlaybackState(
            id=sess.id, position=sess.position(), speed=sess.speed, paused=sess.paused,
            streams=[PlaybackStream(camera_id=x.camera_id, urls=dict(x.urls), recording=True) for x in sess.streams],
            expires_in=3600,
        )

    def _session(self, playback_id: str) -> _Session:
        sess = self._sessions().get(playback_id)
        if sess is None:
            raise errors.NotFoundError(
                QCoreApplication.translate("WvpBackend", "This playback has ended."), detail=playback_id[:64]
            )
        return sess

    async def open_playback(self, camera_ids: Sequence[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> PlaybackState:
        if speed not in PLAYBACK_SPEEDS:
            raise errors.PlatformError(_speed_message(), detail=str(speed))
        streams: list[_Stream] = []
        try:
            for cid in dict.fromkeys(camera_ids):
                streams.append(await self._start(cid, at))
                if speed != 1:
                    await self._control(streams[-1], "speed", speed=speed)
        except errors.PlatformError:
            for st in streams:
                await self._stop_quietly(st)
            raise
        sess = _Session(secrets.token_urlsafe(12), streams, at, time.monotonic(), speed, profile=profile)
        self._sessions()[sess.id] = sess
        return self._state(sess)

    async def playback_state(self, playback_id: str) -> PlaybackState:
        return self._state(self._session(playback_id))

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> PlaybackState:
        sess = self._session(playback_id)
        if action == "seek":
            if at is None:
                raise errors.PlatformError(
                    QCoreApplication.translate("WvpBackend", "A seek needs the time to go to."), detail=action
                )
            for i, st in enumerate(sess.streams):
                offset = (at - st.started).total_seconds()
                if 0 <= offset <= PLAYBACK_SPAN.total_seconds():
                    await self._control(st, "seek", seekTime=int(offset))
                else:  # npt cannot go before the start: invite again at the new time
                    await self._stop_quietly(st)
                    sess.streams[i] = await self._start(st.camera_id, at)
                    if sess.speed != 1:
                        await self._control(sess.streams[i], "speed", speed=sess.speed)
            sess.anchor, sess.anchor_mono = at, time.monotonic()
        elif action == "speed":
            if speed is None or speed not in PLAYBACK_SPEEDS:
                raise errors.PlatformError(_speed_message(), detail=str(speed))
            sess.anchor, sess.anchor_mono = sess.position(), time.monotonic()
            for st in sess.streams:
                await self._control(st, "speed", speed=speed)
            sess.speed = speed
        elif action in ("pause", "resume"):
            if (action == "pause") != sess.paused:
                sess.anchor, sess.anchor_mono = sess.position(), time.monotonic()
                for st in sess.streams:
                    await self._control(st, action)
                sess.paused = action == "pause"
        else:
            raise errors.PlatformError(
                QCoreApplication.translate("WvpBackend", "The platform cannot do that with a playback."),
                detail=action[:32],
            )
        return self._state(sess)

    async def _stop_quietly(self, st: _Stream) -> None:
        try:
            await self._control(st, "stop")
        except errors.PlatformError:
            pass  # it ends on WVP's side when nobody watches

    async def close_playback(self, playback_id: str) -> None:
        sess = self._sessions().pop(playback_id, None)
        if sess is None:
            return
        for st in sess.streams:
            await self._stop_quietly(st)
