"""The demo's PTZ cameras as live video: a viewport moving over a larger synthetic scene.

A few PTZ cameras of the demo (``controlroom.demo.ptz.scene_cameras``) do not
replay a test clip: their picture is a window onto one big image, cut where
the camera points (pan, tilt) at its zoom, scaled to the stream's size and
encoded live with libx264 (ultrafast, zerolatency). The scene is built so a
test can tell where the camera looks from any frame:

- red grows from left to right and green from top to bottom (a smooth
  gradient: the colour at the picture's centre gives pan and tilt);
- a white grid every 160 px with a label in each cell ("A1" top left to
  "P9" bottom right, in a 5x7 pixel font) for people.

``PtzSceneSource`` has the shape of ``hub.LiveSource`` (``load``,
``subscribe``, ``clip`` with the SPS/PPS), so the HTTP-TS and RTSP front ends
serve it unchanged. Like a clip source it runs only while it has subscribers:
an encoder costs nothing until someone watches, and each run starts with a
key frame.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import threading
from collections.abc import Callable
from fractions import Fraction

import av
import numpy as np

from controlroom.demo.media.hub import (
    CLOCK_RATE,
    NAL_PPS,
    NAL_SPS,
    ClipData,
    Frame,
    LiveSource,
    split_nals,
)

log = logging.getLogger("controlroom.demo.media")

SCENE_W, SCENE_H = 2560, 1440
CELL = 160  # 16 columns (A-P) x 9 rows (1-9)
#: the part of the scene's width (and height) the camera sees at zoom 1
VIEW_FRACTION = 0.5
FPS = Fraction(25, 2)
SIZES = {"main": (640, 360), "sub": (384, 216)}
BITRATES = {"main": 700_000, "sub": 250_000}
GOP = 12  # about one key frame a second: a viewer joins quickly

# (pan, tilt, zoom) now: pan/tilt are the view's centre in fractions of the scene
Pose = Callable[[], tuple[float, float, float]]

# 5x7 glyphs for the cell labels
_GLYPHS = {
    "A": ("01110", "10001", "10001", "11111", "10001", "10001", "10001"),
    "B": ("11110", "10001", "10001", "11110", "10001", "10001", "11110"),
    "C": ("01110", "10001", "10000", "10000", "10000", "10001", "01110"),
    "D": ("11110", "10001", "10001", "10001", "10001", "10001", "11110"),
    "E": ("11111", "10000", "10000", "11110", "10000", "10000", "11111"),
    "F": ("11111", "10000", "10000", "11110", "10000", "10000", "10000"),
    "G": ("01110", "10001", "10000", "10111", "10001", "10001", "01111"),
    "H": ("10001", "10001", "10001", "11111", "10001", "10001", "10001"),
    "I": ("01110", "00100", "00100", "00100", "00100", "00100", "01110"),
    "J": ("00111", "00010", "00010", "00010", "00010", "10010", "01100"),
    "K": ("10001", "10010", "10100", "11000", "10100", "10010", "10001"),
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "M": ("10001", "11011", "10101", "10101", "10001", "10001", "10001"),
    "N": ("10001", "10001", "11001", "10101", "10011", "10001", "10001"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "P": ("11110", "10001", "10001", "11110", "10000", "10000", "10000"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11111", "00010", "00100", "00010", "00001", "10001", "01110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
}


def scene_colour(fx: float, fy: float) -> tuple[int, int, int]:
    """The background colour at a point of the scene (fractions): red by x, green by y."""
    return round(30 + 210 * fx), round(30 + 210 * fy), 110


@functools.cache
def scene() -> np.ndarray:
    """The whole scene, RGB (SCENE_H, SCENE_W, 3), built once (about 0.1 s)."""
    xs = np.linspace(0.0, 1.0, SCENE_W, dtype=np.float32)
    ys = np.linspace(0.0, 1.0, SCENE_H, dtype=np.float32)
    img = np.empty((SCENE_H, SCENE_W, 3), dtype=np.uint8)
    img[..., 0] = np.round(30 + 210 * xs)[None, :]
    img[..., 1] = np.round(30 + 210 * ys)[:, None]
    img[..., 2] = 110
    img[:, ::CELL][:, :, :] = 255  # grid lines, 3 px
    for dx in (1, 2):
        img[:, dx::CELL] = 255
        img[dx::CELL, :] = 255
    img[::CELL, :] = 255
    scale = 6
    for col in range(SCENE_W // CELL):
        for row in range(SCENE_H // CELL):
            label = f"{chr(ord('A') + col)}{row + 1}"
            x0 = col * CELL + 14
            y0 = row * CELL + 14
            for k, ch in enumerate(label):
                glyph = _GLYPHS[ch]
                for gy, line in enumerate(glyph):
                    for gx, bit in enumerate(line):
                        if bit == "1":
                            x = x0 + (k * 6 + gx) * scale
                            y = y0 + gy * scale
                            img[y:y + scale, x:x + scale] = 20
    img.setflags(write=False)
    return img


@functools.cache
def scene_half() -> np.ndarray:
    """The scene at half size (2x2 averages): the source for a view no larger than it needs."""
    a = scene().astype(np.uint16)
    half = ((a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2] + 2) // 4).astype(np.uint8)
    half.setflags(write=False)
    return half


def clamp_pose(pan: float, tilt: float, zoom: float) -> tuple[float, float, float]:
    """A pose the scene can show: zoom 1-4, the view inside the scene."""
    zoom = min(4.0, max(1.0, zoom))
    half = VIEW_FRACTION / zoom / 2
    return min(1 - half, max(half, pan)), min(1 - half, max(half, tilt)), zoom


def render(pan: float, tilt: float, zoom: float, width: int, height: int) -> av.VideoFrame:
    """The picture the camera sees at this pose, as a YUV 4:2:0 frame of ``width`` x ``height``."""
    pan, tilt, zoom = clamp_pose(pan, tilt, zoom)
    # scaling a big crop down is most of the cost: take it from the half-size scene when that
    # still has at least the output's pixels
    k = 2 if SCENE_W * VIEW_FRACTION / zoom / 2 >= width else 1
    img = scene_half() if k == 2 else scene()
    sw, sh = SCENE_W // k, SCENE_H // k
    cw = sw * VIEW_FRACTION / zoom
    ch = sh * VIEW_FRACTION / zoom
    x0 = round(pan * sw - cw / 2)
    y0 = round(tilt * sh - ch / 2)
    x0 = min(max(0, x0), sw - int(cw))
    y0 = min(max(0, y0), sh - int(ch))
    crop = np.ascontiguousarray(img[y0:y0 + int(ch), x0:x0 + int(cw)])
    return av.VideoFrame.from_ndarray(crop, format="rgb24").reformat(width=width, height=height, format="yuv420p")


class _Encoder:
    """One libx264 encoder (one run of a source): frames in, Annex-B access units out."""

    def __init__(self, width: int, height: int, bitrate: int) -> None:
        c = av.CodecContext.create("libx264", "w")
        c.width, c.height = width, height
        c.pix_fmt = "yuv420p"
        c.time_base = Fraction(1, CLOCK_RATE)
        c.framerate = FPS
        c.gop_size = GOP
        c.max_b_frames = 0
        c.bit_rate = bitrate
        # repeat-headers: SPS/PPS at every key frame (a joining client can decode there);
        # scenecut=0: key frames only on the GOP's beat
        # one thread: a few small encoders on a 2-core machine gain nothing from x264's thread pool
        c.options = {"preset": "ultrafast", "tune": "zerolatency", "threads": "1",
                     "x264-params": f"repeat-headers=1:keyint={GOP}:min-keyint={GOP}:scenecut=0"}
        self._codec = c
        # a cancelled run closes the encoder while its last frame may still be encoding in a thread
        self._lock = threading.Lock()
        self._closed = False

    def encode(self, frame: av.VideoFrame | None) -> list[tuple[bytes, int, bool]]:
        with self._lock:
            if self._closed:
                return []
            return [(bytes(p), int(p.pts or 0), bool(p.is_keyframe)) for p in self._codec.encode(frame)]

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._codec.encode(None)
            except Exception:  # flushing a codec never opened or already flushed: nothing to keep
                pass


def _parameter_sets(width: int, height: int, bitrate: int) -> tuple[bytes, bytes]:
    enc = _Encoder(width, height, bitrate)
    data = enc.encode(render(0.5, 0.5, 1.0, width, height))[0][0]
    enc.close()
    sps = pps = b""
    for nal in split_nals(data):
        if nal[0] & 0x1F == NAL_SPS and not sps:
            sps = nal
        elif nal[0] & 0x1F == NAL_PPS and not pps:
            pps = nal
    return sps, pps


class PtzSceneSource(LiveSource):
    """One PTZ camera's profile, rendered from its pose and encoded live while watched."""

    def __init__(self, name: str, profile: str, pose: Pose) -> None:
        super().__init__(name, path=None, gop_cache=True)  # type: ignore[arg-type]
        self.profile = profile
        self.size = SIZES[profile]
        self.bitrate = BITRATES[profile]
        self._pose = pose
        self.frames_encoded = 0

    async def load(self) -> ClipData:
        async with self._load_lock:
            if self.clip is None:
                w, h = self.size
                sps, pps = await asyncio.to_thread(_parameter_sets, w, h, self.bitrate)
                step = int(CLOCK_RATE / FPS)
                self.clip = ClipData([], step, w, h, sps, pps)
            return self.clip

    async def _run(self) -> None:
        w, h = self.size
        enc = _Encoder(w, h, self.bitrate)
        loop = asyncio.get_running_loop()
        step = 1 / float(FPS)
        base = self._next_pts
        t0 = loop.time()
        n = 0
        try:
            while True:
                pan, tilt, zoom = self._pose()
                pts = base + round(n * CLOCK_RATE / FPS)

                def work(pan: float = pan, tilt: float = tilt, zoom: float = zoom,
                         pts: int = pts) -> list[tuple[bytes, int, bool]]:
                    frame = render(pan, tilt, zoom, w, h)
                    frame.pts = pts
                    return enc.encode(frame)

                for data, p, key in await asyncio.to_thread(work):
                    self._publish(Frame(data, p, key))
                self.frames_encoded += 1
                self._next_pts = pts + 1
                n += 1
                delay = t0 + n * step - loop.time()
                if delay < -1.0:  # far behind (a busy machine): skip ahead, keep pts in step
                    skipped = math.floor(-delay / step)
                    n += skipped
                    delay += skipped * step
                await asyncio.sleep(max(0.0, delay))
        finally:
            await asyncio.to_thread(enc.close)

    def _publish(self, out: Frame) -> None:
        if out.key:
            self._gop = [out]
        elif self._gop:
            self._gop.append(out)
        for sub in list(self._subs):
            try:
                sub.queue.put_nowait(out)
            except asyncio.QueueFull:
                log.info("%s: dropping a subscriber that fell behind", self.name)
                self._subs.remove(sub)
                sub._end(dropped=True)
