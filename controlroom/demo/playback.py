"""Recorded video for the demo platform: playback sessions, their streams, and export.

A ``PlaybackSession`` is one clock (position, speed, paused) over 1..16
cameras. Each camera of a session is served as one live-encoded H.264 stream
(``Painter`` draws the picture, libx264 ultrafast/zerolatency encodes it) in
MPEG-TS over HTTP, on the demo media server's HTTP port:
``/playback/{session}/{camera}.ts?ticket=...``. The picture shows the camera's
label, the RECORDING time as text, and the same time as a machine-readable
time code (``controlroom.demo.timecode``). Where the camera has no recording
the stream shows a dark "no recording" card without a time code and keeps
flowing.

The stream's own timestamps follow the wall clock (one endless live stream);
the picture follows the session clock:
- a seek (or a speed change) wakes every stream of the session at once and
  its next frame is a key frame at the new position (a new GOP) on the same
  connection;
- up to 4x: 10 frames a second, a key frame every second; above 4x: key
  frames only, 5 a second;
- paused: the last picture again twice a second (the connection stays alive).

``export_frames`` encodes a range at 10 frames a second as fast as it can:
the frames a playback at 1x shows, gaps left out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

import av
import numpy as np

from controlroom.api import schema as s
from controlroom.demo.media.clips import STREAM_COLOURS
from controlroom.demo.media.http_ts import TsMuxer
from controlroom.demo.media.hub import (
    CLOCK_RATE,
    NAL_PPS,
    NAL_SPS,
    QUEUE_FRAMES,
    Frame,
    H264Params,
    split_nals,
)
from controlroom.demo.recordings import Recordings
from controlroom.demo.timecode import WHITE, draw_text, draw_timecode, strip_rows

log = logging.getLogger("controlroom.demo.playback")

SIZES = {"sub": (480, 270), "main": (640, 360)}
FPS = 10
FAST_FPS = 5  # key frames only (above 4x)
PAUSED_FPS = 2
IDLE_TTL = 60.0  # seconds without an API call or a connected stream
MAX_SESSIONS_PER_LOGIN = 32
MAX_SESSIONS = 512


def _yuv(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    r, g, b = rgb
    y = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256
    u = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256
    v = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256
    return int(y), int(u), int(v)


class Painter:
    """Draws one camera's recorded picture (or its "no recording" card) as a yuv420p array."""

    def __init__(self, label: str, colour: tuple[int, int, int], width: int, height: int) -> None:
        self.label = label.upper()
        self.w, self.h = width, height
        y, u, v = _yuv(colour)
        self._bg_y = np.full((height, width), y, np.uint8)
        # a darker band the moving bar runs in, so the picture visibly lives
        self._bg_y[height // 3 : height // 3 + height // 8, :] = max(16, y - 40)
        cw, ch = width // 2, height // 2
        self._bg_u = np.full((ch, cw), u, np.uint8)
        self._bg_v = np.full((ch, cw), v, np.uint8)
        r0, r1 = strip_rows(height)
        self._bg_u[r0 // 2 : (r1 + 1) // 2, :] = 128  # neutral under the time code
        self._bg_v[r0 // 2 : (r1 + 1) // 2, :] = 128
        self._card_y = np.full((height, width), 24, np.uint8)
        self._card_c = np.full((ch, cw), 128, np.uint8)
        self.scale = max(1, width // 240)

    def _pack(self, y: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return np.concatenate((y.ravel(), u.ravel(), v.ravel())).reshape(-1, self.w)

    def picture(self, t: float, note: str = "") -> np.ndarray:
        y = self._bg_y.copy()
        sc = self.scale
        draw_text(y, self.label, 8 * sc, 6 * sc, sc)
        if note:
            draw_text(y, note, self.w - (len(note) * 6 + 4) * sc, 6 * sc, sc)
        when = datetime.fromtimestamp(t, UTC)
        stamp = when.strftime("%Y-%m-%d %H:%M:%S.") + str(when.microsecond // 100000) + " UTC"
        draw_text(y, stamp, 8 * sc, int(self.h * 0.62), sc + (1 if sc > 1 else 0))
        # a bar sweeping once a minute of recording time
        band = slice(self.h // 3, self.h // 3 + self.h // 8)
        x = int((t % 60) / 60 * (self.w - 20))
        y[band, x : x + 20] = WHITE
        draw_timecode(y, t)
        return self._pack(y, self._bg_u, self._bg_v)

    def card(self, t: float) -> np.ndarray:
        y = self._card_y.copy()
        sc = self.scale
        draw_text(y, self.label, 8 * sc, 6 * sc, sc, value=150, shadow=None)
        msg = "NO RECORDING"
        big = sc * 2
        draw_text(y, msg, (self.w - len(msg) * 6 * big) // 2, self.h // 2 - 4 * big, big, value=180, shadow=None)
        when = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        draw_text(y, when, (self.w - len(when) * 6 * sc) // 2, self.h // 2 + 8 * big, sc, value=110, shadow=None)
        return self._pack(y, self._card_c, self._card_c)


class Encoder:
    """libx264 ultrafast/zerolatency: yuv420p arrays in, (Annex-B bytes, key) out."""

    def __init__(self, width: int, height: int, fps: int = FPS, gop: int = FPS) -> None:
        cc = av.CodecContext.create("libx264", "w")
        cc.width, cc.height = width, height
        cc.pix_fmt = "yuv420p"
        cc.time_base = Fraction(1, CLOCK_RATE)
        cc.framerate = Fraction(fps, 1)
        cc.gop_size = gop
        cc.max_b_frames = 0
        cc.options = {
            "preset": "ultrafast", "tune": "zerolatency", "crf": "26",
            "x264-params": f"keyint={gop}:min-keyint={gop}:scenecut=0:forced-idr=1:repeat-headers=1:threads=1",
        }
        cc.open()
        self._cc = cc

    def encode(self, yuv: np.ndarray, pts: int, key: bool) -> list[tuple[bytes, int, bool]]:
        frame = av.VideoFrame.from_ndarray(yuv, format="yuv420p")
        frame.pts = pts
        frame.time_base = Fraction(1, CLOCK_RATE)
        if key:
            frame.pict_type = av.video.frame.PictureType.I
        return [(bytes(p), int(p.pts if p.pts is not None else pts), bool(p.is_keyframe))
                for p in self._cc.encode(frame)]


@dataclass
class _Size:
    """What ``TsMuxer`` needs of a clip."""

    width: int
    height: int


def painter_for(net_index: int, camera_id: str, profile: str) -> Painter:
    w, h = SIZES[profile]
    colour = STREAM_COLOURS[net_index % len(STREAM_COLOURS)]
    return Painter(f"CAM {net_index + 1:02d} {camera_id[-6:]}", colour, w, h)


# --------------------------------------------------------------------------- sessions


@dataclass
class PlaybackSession:
    id: str
    login_id: str
    username: str
    camera_ids: list[str]
    profile: str
    tickets: dict[str, str]  # ticket -> camera id
    anchor_pos: float  # epoch seconds of the recording at anchor_mono
    anchor_mono: float
    speed: float = 1.0
    paused: bool = False
    generation: int = 0  # bumped on every seek and speed change
    last_used: float = field(default_factory=time.monotonic)
    connections: int = 0
    closed: bool = False
    wake: list[asyncio.Event] = field(default_factory=list)

    def position(self, mono: float | None = None) -> float:
        if self.paused:
            return self.anchor_pos
        now = time.monotonic() if mono is None else mono
        return self.anchor_pos + (now - self.anchor_mono) * self.speed

    def _reanchor(self, pos: float) -> None:
        self.anchor_pos = pos
        self.anchor_mono = time.monotonic()

    def _changed(self) -> None:
        self.generation += 1
        for ev in list(self.wake):
            ev.set()

    def seek(self, t: float) -> None:
        self._reanchor(t)
        self._changed()

    def set_speed(self, speed: float) -> None:
        self._reanchor(self.position())
        self.speed = speed
        self._changed()

    def pause(self) -> None:
        if not self.paused:
            self._reanchor(self.position())
            self.paused = True
            self._changed()

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self._reanchor(self.anchor_pos)
            self._changed()

    def close(self) -> None:
        self.closed = True
        for ev in list(self.wake):
            ev.set()


class PlaybackManager:
    """Every open playback session of the demo platform, and their media."""

    def __init__(self, recordings: Recordings, stream_index: dict[str, int], ttl: float = IDLE_TTL) -> None:
        self.recordings = recordings
        self.stream_index = stream_index
        self.ttl = ttl
        self.sessions: dict[str, PlaybackSession] = {}

    # ------------------------------------------------------------------ sessions

    def open(self, login_id: str, username: str, camera_ids: list[str], at: float, speed: float,
             profile: str) -> PlaybackSession:
        self.sweep()
        mine = sorted((x for x in self.sessions.values() if x.login_id == login_id), key=lambda x: x.last_used)
        for old in mine[: max(0, len(mine) - MAX_SESSIONS_PER_LOGIN + 1)]:
            self.close(old.id)
        if len(self.sessions) >= MAX_SESSIONS:
            oldest = min(self.sessions.values(), key=lambda x: x.last_used)
            self.close(oldest.id)
        sid = secrets.token_urlsafe(12)
        tickets = {secrets.token_urlsafe(18): cam for cam in dict.fromkeys(camera_ids)}
        sess = PlaybackSession(sid, login_id, username, list(dict.fromkeys(camera_ids)), profile, tickets,
                               at, time.monotonic(), speed)
        self.sessions[sid] = sess
        return sess

    def get(self, sid: str, login_id: str | None = None) -> PlaybackSession | None:
        self.sweep()
        sess = self.sessions.get(sid)
        if sess is None or (login_id is not None and sess.login_id != login_id):
            return None
        sess.last_used = time.monotonic()
        return sess

    def close(self, sid: str) -> None:
        sess = self.sessions.pop(sid, None)
        if sess is not None:
            sess.close()

    def cut_login(self, login_id: str) -> int:
        ids = [x.id for x in self.sessions.values() if x.login_id == login_id]
        for sid in ids:
            self.close(sid)
        return len(ids)

    def sweep(self) -> None:
        now = time.monotonic()
        for sess in list(self.sessions.values()):
            if sess.connections == 0 and now - sess.last_used > self.ttl:
                log.info("playback %s expired (idle)", sess.id)
                self.close(sess.id)

    def expires_in(self, sess: PlaybackSession) -> int:
        return max(1, int(self.ttl - (time.monotonic() - sess.last_used)))

    def close_all(self) -> None:
        for sid in list(self.sessions):
            self.close(sid)

    # ------------------------------------------------------------------ media

    def authorize(self, sid: str, camera_id: str, ticket: str | None) -> PlaybackSession:
        """The session a player may stream ``camera_id`` of; else LookupError(status, message)."""
        sess = self.sessions.get(sid)
        if sess is None or sess.closed:
            raise LookupError(404, "no such playback")
        if not ticket or sess.tickets.get(ticket) is None:
            raise LookupError(401, "missing or unknown playback ticket")
        if sess.tickets[ticket] != camera_id:
            raise LookupError(403, "this ticket is for another stream")
        return sess

    async def stream_ts(self, sess: PlaybackSession, camera_id: str, write: Callable[[bytes], Awaitable[Any]],
                        running: Callable[[], bool] = lambda: True) -> None:
        """One camera of ``sess`` as MPEG-TS bytes handed to ``write``, until the session closes."""
        w, h = SIZES[sess.profile]
        muxer = TsMuxer(_Size(w, h))  # type: ignore[arg-type]

        async def emit(frame: Frame) -> None:
            out = muxer.mux(frame)
            if out:
                await write(out)

        try:
            await self.stream(sess, camera_id, emit, running)
        finally:
            muxer.close()

    async def stream(self, sess: PlaybackSession, camera_id: str, emit: Callable[[Frame], Awaitable[None]],
                     running: Callable[[], bool] = lambda: True) -> None:
        """Encode one camera of ``sess`` and hand every access unit to ``emit`` until the session closes
        (or ``emit`` raises: the viewer went away)."""
        loop = asyncio.get_running_loop()
        w, h = SIZES[sess.profile]
        painter = painter_for(self.stream_index.get(camera_id, 0), camera_id, sess.profile)
        encoder = Encoder(w, h)
        wake = asyncio.Event()
        sess.wake.append(wake)
        sess.connections += 1
        t0 = loop.time()
        seen = -1
        last: np.ndarray | None = None
        try:
            while not sess.closed and running():
                now = loop.time()
                gen = sess.generation
                fast = sess.speed > s.KEYFRAMES_ONLY_ABOVE
                pos = sess.position()
                key = gen != seen or fast
                if sess.paused and gen == seen and last is not None:
                    yuv = last
                elif self.recordings.recorded(camera_id, pos):
                    note = "PAUSED" if sess.paused else (f"{sess.speed:g}X" if sess.speed != 1 else "")
                    yuv = painter.picture(pos, note)
                else:
                    yuv = painter.card(pos)
                last = yuv
                seen = gen
                pts = int((now - t0) * CLOCK_RATE)
                for data, ppts, pkey in encoder.encode(yuv, pts, key):
                    await emit(Frame(data, ppts, pkey))
                sess.last_used = time.monotonic()
                fps = PAUSED_FPS if sess.paused else (FAST_FPS if fast else FPS)
                wake.clear()
                delay = max(0.0, now + 1 / fps - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), delay)
        finally:
            sess.connections -= 1
            sess.last_used = time.monotonic()
            with contextlib.suppress(ValueError):
                sess.wake.remove(wake)

    def rtsp_source(self, sid: str, camera_id: str, ticket: str | None) -> PlaybackSource:
        """What the demo's RTSP server plays for ``rtsp://.../media/{camera}/playback-{sid}?ticket=``."""
        return PlaybackSource(self, self.authorize(sid, camera_id, ticket), camera_id)


@dataclass
class StreamInfo(H264Params):
    """What the RTSP server's SDP needs of a stream (as ``ClipData`` has it)."""

    width: int
    height: int
    sps: bytes
    pps: bytes


_INFO: dict[str, StreamInfo] = {}


def stream_info(profile: str) -> StreamInfo:
    """SPS/PPS of the playback encoder for a profile (the same encoder settings give the same ones)."""
    info = _INFO.get(profile)
    if info is None:
        w, h = SIZES[profile]
        enc = Encoder(w, h)
        blank = np.full((h * 3 // 2, w), 128, np.uint8)
        data = b"".join(d for d, _p, _k in enc.encode(blank, 0, True) + _flush(enc))
        nals = split_nals(data)
        sps = next(n for n in nals if n[0] & 0x1F == NAL_SPS)
        pps = next(n for n in nals if n[0] & 0x1F == NAL_PPS)
        info = _INFO[profile] = StreamInfo(w, h, sps, pps)
    return info


class PlaybackSubscription:
    """A playback stream as the RTSP server reads a live subscription: ``await get()`` until None."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Frame | None] = asyncio.Queue(QUEUE_FRAMES)
        self.dropped = False
        self.closed = False
        self.task: asyncio.Task[None] | None = None

    async def get(self) -> Frame | None:
        if self.closed:
            return None
        return await self.queue.get()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.task is not None:
                self.task.cancel()


class PlaybackSource:
    """One camera of a playback session as the RTSP server sees a live source."""

    def __init__(self, manager: PlaybackManager, sess: PlaybackSession, camera_id: str) -> None:
        self.manager = manager
        self.sess = sess
        self.camera_id = camera_id
        self.name = f"playback {camera_id}"
        self.clip: StreamInfo | None = None

    async def load(self) -> StreamInfo:
        if self.clip is None:
            self.clip = await asyncio.to_thread(stream_info, self.sess.profile)
        return self.clip

    async def subscribe(self) -> PlaybackSubscription:
        await self.load()
        sub = PlaybackSubscription()

        async def run() -> None:
            try:
                await self.manager.stream(self.sess, self.camera_id, sub.queue.put, lambda: not sub.closed)
            finally:
                with contextlib.suppress(asyncio.QueueFull):
                    sub.queue.put_nowait(None)

        sub.task = asyncio.create_task(run(), name=f"playback rtsp {self.camera_id}")
        return sub


# --------------------------------------------------------------------------- export


def export_chunks(recordings: Recordings, stream_index: int, camera_id: str, start: float, end: float,
                  profile: str, stop: threading.Event, max_bytes: int = 2 << 30) -> Iterator[bytes]:
    """MPEG-TS bytes of the recorded parts of [start, end) at 10 fps (blocking; run it in a thread).
    Timestamps are the recording time since ``start``, so a gap shows as a jump."""
    w, h = SIZES[profile]
    painter = painter_for(stream_index, camera_id, profile)
    encoder = Encoder(w, h)
    muxer = TsMuxer(_Size(w, h))  # type: ignore[arg-type]
    written = 0
    try:
        for a, b in recordings.ranges(camera_id, start, end):
            n0 = int(np.ceil((a - start) * FPS))
            n1 = int(np.ceil((b - start) * FPS))
            first = True
            for n in range(n0, n1):
                if stop.is_set():
                    return
                t = start + n / FPS
                pts = n * CLOCK_RATE // FPS
                for data, ppts, pkey in encoder.encode(painter.picture(t), pts, first):
                    out = muxer.mux(Frame(data, ppts, pkey))
                    if out:
                        written += len(out)
                        yield out
                first = False
                if written > max_bytes:
                    return
        for data, ppts, pkey in _flush(encoder):
            out = muxer.mux(Frame(data, ppts, pkey))
            if out:
                yield out
    finally:
        muxer.close()


def _flush(encoder: Encoder) -> list[tuple[bytes, int, bool]]:
    return [(bytes(p), int(p.pts or 0), bool(p.is_keyframe)) for p in encoder._cc.encode(None)]


def epoch(t: datetime) -> float:
    return t.timestamp()


def moment(t: float) -> datetime:
    return datetime.fromtimestamp(t, UTC)
