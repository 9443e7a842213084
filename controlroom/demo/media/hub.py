"""Live looping sources for the demo media server: a test clip played as a live camera.

A ``LiveSource`` holds every video packet of one clip in memory and replays
them forever, paced by the wall clock, with timestamps that keep increasing
across laps (each lap adds the clip's duration), so a client sees one endless
live stream. It keeps the packets since the last key frame (the GOP cache):
a new subscriber gets those first and so starts decoding at once instead of
waiting up to a second for the next key frame (ZLMediaKit does the same).

Subscribers read from bounded queues; one that falls too far behind is dropped
(its queue ends with ``None``) and never slows the others. A source runs only
while it has subscribers: 32 idle sources then cost nothing, and a stream that
starts on demand begins at the clip's first key frame (the fastest first frame).
"""

from __future__ import annotations

import asyncio
import base64
import logging
from dataclasses import dataclass, field
from pathlib import Path

import av

from controlroom.demo.media.clips import Clip

log = logging.getLogger("controlroom.demo.media")

CLOCK_RATE = 90_000  # MPEG-TS and RTP video clock
# About 4 s of video at 25 fps: room for a GOP burst plus a few seconds of stall.
QUEUE_FRAMES = 100

NAL_SPS = 7
NAL_PPS = 8
NAL_AUD = 9


def split_nals(data: bytes) -> list[bytes]:
    """Split an Annex-B byte stream on 3- and 4-byte start codes; NALs without start codes."""
    nals: list[bytes] = []
    n = len(data)
    i = data.find(b"\x00\x00\x01")
    while 0 <= i < n:
        start = i + 3
        j = data.find(b"\x00\x00\x01", start)
        if j < 0:
            end = n
        else:
            # A 4-byte start code's leading zero belongs to the start code, not the NAL.
            end = j - 1 if j > start and data[j - 1] == 0 else j
        nal = data[start:end]
        if nal:
            nals.append(nal)
        i = j
    return nals


@dataclass(frozen=True, slots=True)
class Frame:
    """One access unit: Annex-B bytes, 90 kHz pts (== dts: no B-frames)."""

    data: bytes
    pts: int
    key: bool


class H264Params:
    """What an RTSP server's SDP says of an H.264 stream, from its ``sps`` and ``pps``."""

    sps: bytes
    pps: bytes

    @property
    def sprop_parameter_sets(self) -> str:
        return ",".join(base64.b64encode(x).decode() for x in (self.sps, self.pps))

    @property
    def profile_level_id(self) -> str:
        return self.sps[1:4].hex().upper()


@dataclass
class ClipData(H264Params):
    """A clip loaded into memory, its timestamps relative to its first frame."""

    frames: list[Frame]
    duration: int  # one lap, 90 kHz
    width: int
    height: int
    sps: bytes
    pps: bytes


def load_clip(path: Path) -> ClipData:
    """Read every video packet of an MPEG-TS clip (blocking; a 10 s clip takes ~20 ms)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        tb = stream.time_base
        if tb is None:
            raise ValueError(f"{path}: the video stream has no time base")
        width, height = stream.codec_context.width, stream.codec_context.height
        raw = [
            (bytes(p), int(p.pts * tb * CLOCK_RATE), bool(p.is_keyframe))
            for p in container.demux(stream)
            if p.size and p.pts is not None
        ]
    if not raw:
        raise ValueError(f"{path.name}: no video packets")
    # Start the lap at the first key frame so a looping source always resumes decodable.
    first_key = next(i for i, (_, _, k) in enumerate(raw) if k)
    raw = raw[first_key:]
    t0 = raw[0][1]
    step = raw[1][1] - raw[0][1] if len(raw) > 1 else CLOCK_RATE // 25
    frames = [Frame(data, pts - t0, key) for data, pts, key in raw]
    sps = pps = b""
    for nal in split_nals(frames[0].data):
        kind = nal[0] & 0x1F
        if kind == NAL_SPS and not sps:
            sps = nal
        elif kind == NAL_PPS and not pps:
            pps = nal
    if not sps or not pps:
        raise ValueError(f"{path.name}: first key frame carries no SPS/PPS")
    return ClipData(frames, frames[-1].pts + step, width, height, sps, pps)


@dataclass(eq=False)
class Subscription:
    """A subscriber's view of a source: ``await get()`` until it returns None."""

    source: LiveSource
    queue: asyncio.Queue[Frame | None] = field(default_factory=lambda: asyncio.Queue(QUEUE_FRAMES))
    dropped: bool = False
    closed: bool = False
    waiting_for_key: bool = False  # no GOP cache: nothing until the next key frame

    async def get(self) -> Frame | None:
        if self.closed:
            return None
        return await self.queue.get()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.source._unsubscribe(self)

    def _end(self, dropped: bool) -> None:
        # Called by the source: empty the queue so the end marker always fits.
        self.dropped = dropped
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)


class LiveSource:
    """One (stream, profile) replayed as a live camera while it has subscribers."""

    def __init__(self, name: str, path: Path, gop_cache: bool = True) -> None:
        self.name = name
        self.path = path
        # False: a viewer joins where the stream is and waits for the next key
        # frame, as with a camera that keeps no GOP (benchmarks measure both)
        self.gop_cache = gop_cache
        self.clip: ClipData | None = None
        self._load_lock = asyncio.Lock()
        self._subs: list[Subscription] = []
        self._gop: list[Frame] = []
        self._task: asyncio.Task[None] | None = None
        self._next_pts = 0  # where the next run continues, so pts never go back

    async def load(self) -> ClipData:
        async with self._load_lock:
            if self.clip is None:
                self.clip = await asyncio.to_thread(load_clip, self.path)
            return self.clip

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def subscriber_count(self) -> int:
        return len(self._subs)

    async def subscribe(self) -> Subscription:
        await self.load()
        sub = Subscription(self)
        if self.gop_cache:
            for frame in self._gop:  # start at the cached key frame: decodable at once
                sub.queue.put_nowait(frame)
        else:
            sub.waiting_for_key = True
        self._subs.append(sub)
        if not self.running:
            self._task = asyncio.create_task(self._run(), name=f"live-source {self.name}")
        return sub

    def _unsubscribe(self, sub: Subscription) -> None:
        if sub in self._subs:
            self._subs.remove(sub)
        if not self._subs and self._task is not None:
            self._task.cancel()
            self._task = None
            self._gop.clear()

    async def stop(self) -> None:
        """End every subscription and the pacing task."""
        for sub in list(self._subs):
            sub._end(dropped=False)
        self._subs.clear()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        self._gop.clear()

    async def _run(self) -> None:
        assert self.clip is not None
        clip = self.clip
        loop = asyncio.get_running_loop()
        base = self._next_pts
        t0 = loop.time()
        # Without a GOP cache the source behaves as a camera that was already
        # running: it resumes at the clip position the wall clock gives, so a
        # new viewer lands anywhere in a GOP and waits for the next key frame.
        skip = 0
        if not self.gop_cache:
            offset = int((loop.time() * CLOCK_RATE) % clip.duration)
            skip = next((i for i, f in enumerate(clip.frames) if f.pts >= offset), 0)
            base -= clip.frames[skip].pts
            t0 -= clip.frames[skip].pts / CLOCK_RATE
        lap = 0
        while True:
            for frame in clip.frames[skip:] if lap == 0 else clip.frames:
                pts = base + lap * clip.duration + frame.pts
                delay = t0 + (pts - base) / CLOCK_RATE - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                out = Frame(frame.data, pts, frame.key)
                self._next_pts = pts + 1
                if out.key:
                    self._gop = [out]
                elif self._gop:
                    self._gop.append(out)
                for sub in list(self._subs):
                    if sub.waiting_for_key:
                        if not out.key:
                            continue
                        sub.waiting_for_key = False
                    try:
                        sub.queue.put_nowait(out)
                    except asyncio.QueueFull:
                        log.info("%s: dropping a subscriber that fell behind", self.name)
                        self._subs.remove(sub)
                        sub._end(dropped=True)
            lap += 1


class MediaHub:
    """All live sources, one per (stream index, profile), created lazily."""

    PROFILES = ("main", "sub")

    def __init__(self, clips: list[Clip], gop_cache: bool = True) -> None:
        self._clips = {c.index: c for c in clips}
        self.gop_cache = gop_cache
        self._sources: dict[tuple[int, str], LiveSource] = {}
        # (camera id, profile) -> a source of that camera alone (the PTZ scene cameras)
        self._camera_sources: dict[tuple[str, str], LiveSource] = {}

    def add_camera_source(self, camera_id: str, profile: str, source: LiveSource) -> None:
        """Serve ``source`` for this camera's profile instead of its stream index's clip."""
        self._camera_sources[(camera_id, profile)] = source

    def camera_source(self, camera_id: str, profile: str) -> LiveSource | None:
        return self._camera_sources.get((camera_id, profile))

    def source(self, index: int, profile: str) -> LiveSource:
        if profile not in self.PROFILES:
            raise KeyError(profile)
        key = (index, profile)
        src = self._sources.get(key)
        if src is None:
            clip = self._clips[index]
            src = LiveSource(
                f"{clip.label} {profile}", clip.main if profile == "main" else clip.sub, self.gop_cache
            )
            self._sources[key] = src
        return src

    def has(self, index: int) -> bool:
        return index in self._clips

    async def stop(self) -> None:
        """End every subscription (clips stay loaded for a quick restart)."""
        for src in [*self._sources.values(), *self._camera_sources.values()]:
            await src.stop()
