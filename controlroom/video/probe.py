"""Headless frame probe: plays a stream through real libVLC into memory.

Used by ``controlroom doctor`` (time to first frame per transport) and by the
integration tests (frames arrive, are not black, come from the right stream).
libVLC's vmem output calls our ctypes callbacks on its video-output thread;
the callbacks only touch our own buffer and counters, never libVLC (it is not
re-entrant), and stay referenced for the player's whole life.

Frames are rendered as RV32 (BGRA bytes in memory), scaled down to at most
``max_width`` pixels wide to keep the conversion cheap; ``decoded_size()``
still reports the source's size.
"""

from __future__ import annotations

import ctypes
import threading
import time
from dataclasses import dataclass

import vlc

from controlroom.api.schema import Transport
from controlroom.video.rtsp_bridge import RtspBridge
from controlroom.video.transports import RtspRoute, rtsp_route
from controlroom.video.urls import require_stream_url

_c_uint_p = ctypes.POINTER(ctypes.c_uint)
# Our own prototypes: python-vlc declares the format callback's chroma as
# c_char_p, which hands Python a copy, so the chosen chroma could not be written back.
_LockCb = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
_UnlockCb = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
)
_DisplayCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
    _c_uint_p,
    _c_uint_p,
    _c_uint_p,
    _c_uint_p,
)
_CleanupCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p)

_set_callbacks = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, _LockCb, _UnlockCb, _DisplayCb, ctypes.c_void_p
)(("libvlc_video_set_callbacks", vlc.dll))
_set_format_callbacks = ctypes.CFUNCTYPE(None, ctypes.c_void_p, _FormatCb, _CleanupCb)(
    ("libvlc_video_set_format_callbacks", vlc.dll)
)


class FrameProbe:
    """One headless libVLC player whose frames land in memory."""

    def __init__(self, instance: vlc.Instance, max_width: int = 640) -> None:
        self._instance = instance
        self._max_width = max_width
        self._player: vlc.MediaPlayer | None = instance.media_player_new()
        self._media: vlc.Media | None = None
        self._cond = threading.Condition()
        self._buffer: ctypes.Array[ctypes.c_char] | None = None
        self._width = self._height = 0  # rendered size
        self._source_size = (0, 0)  # what the format callback was offered
        self._t_play: float | None = None
        self.first_frame_seconds: float | None = None
        self.frame_count = 0
        # Keep the ctypes callbacks alive as long as the player: libVLC holds raw pointers.
        self._callbacks = (
            _LockCb(self._lock),
            _UnlockCb(self._unlock),
            _DisplayCb(self._display),
            _FormatCb(self._format),
            _CleanupCb(self._cleanup),
        )
        handle = self._player._as_parameter_
        _set_callbacks(handle, self._callbacks[0], self._callbacks[1], self._callbacks[2], None)
        _set_format_callbacks(handle, self._callbacks[3], self._callbacks[4])

    # ---- libVLC callbacks (video output thread): no libVLC calls in here.

    def _format(self, _opaque, chroma, width, height, pitches, lines) -> int:  # type: ignore[no-untyped-def]
        src_w, src_h = width[0], height[0]
        w, h = src_w, src_h
        if w > self._max_width:
            h = max(2, round(h * self._max_width / w) // 2 * 2)
            w = self._max_width
        ctypes.memmove(chroma, b"RV32", 4)
        width[0], height[0] = w, h
        pitches[0] = w * 4
        lines[0] = h
        with self._cond:
            self._source_size = (src_w, src_h)
            self._width, self._height = w, h
            self._buffer = ctypes.create_string_buffer(w * h * 4)
        return 1  # one picture buffer

    def _cleanup(self, _opaque) -> None:  # type: ignore[no-untyped-def]
        pass  # the buffer is ours and freed with us

    def _lock(self, _opaque, planes) -> None:  # type: ignore[no-untyped-def]
        buf = self._buffer
        planes[0] = ctypes.addressof(buf) if buf is not None else None
        return None

    def _unlock(self, _opaque, _picture, _planes) -> None:  # type: ignore[no-untyped-def]
        pass

    def _display(self, _opaque, _picture) -> None:  # type: ignore[no-untyped-def]
        now = time.monotonic()
        with self._cond:
            if self.first_frame_seconds is None and self._t_play is not None:
                self.first_frame_seconds = now - self._t_play
            self.frame_count += 1
            self._cond.notify_all()

    # ---- API (any thread but the callbacks')

    def play(self, mrl: str) -> None:
        if self._player is None:
            raise RuntimeError("probe already stopped")
        media = self._instance.media_new(mrl)
        media.add_option(":no-audio")  # pictures only
        self._player.set_media(media)
        self._media = media
        with self._cond:
            self.frame_count = 0
            self.first_frame_seconds = None
            self._t_play = time.monotonic()
        self._player.play()

    def wait_frames(self, n: int = 1, timeout: float = 10.0) -> bool:
        """True once ``n`` frames were displayed since play(), False after ``timeout``."""
        with self._cond:
            return self._cond.wait_for(lambda: self.frame_count >= n, timeout)

    def latest_frame(self) -> tuple[int, int, bytes]:
        """(width, height, BGRA bytes) of the last rendered picture (may be mid-update)."""
        with self._cond:
            if self._buffer is None:
                return 0, 0, b""
            return self._width, self._height, bytes(self._buffer)

    def sample_colour(self, x_frac: float, y_frac: float, patch: int = 8) -> tuple[int, int, int]:
        """Mean (R, G, B) of a ``patch``-pixel square centred at the given fractions of the frame."""
        w, h, data = self.latest_frame()
        if not data:
            raise RuntimeError("no frame yet")
        cx, cy = int(x_frac * (w - 1)), int(y_frac * (h - 1))
        x0, x1 = max(0, cx - patch // 2), min(w, cx + patch // 2 + 1)
        y0, y1 = max(0, cy - patch // 2), min(h, cy + patch // 2 + 1)
        sums = [0, 0, 0]
        count = 0
        for y in range(y0, y1):
            row = y * w * 4
            for x in range(x0, x1):
                i = row + x * 4
                b, g, r = data[i], data[i + 1], data[i + 2]
                sums[0] += r
                sums[1] += g
                sums[2] += b
                count += 1
        return (sums[0] // count, sums[1] // count, sums[2] // count)

    def decoded_size(self) -> tuple[int, int]:
        """The source's (width, height), as libVLC decodes it; (0, 0) before the first frame."""
        if self._player is not None:
            w, h = self._player.video_get_size(0)
            if w and h:
                return int(w), int(h)
        return self._source_size

    def stop(self) -> None:
        """stop() then release() the player (the order that proved safe); idempotent."""
        player, self._player = self._player, None
        if player is not None:
            player.stop()
            player.release()
        if self._media is not None:
            self._media.release()
            self._media = None


@dataclass
class ProbeSession:
    """A probe playing one URL, with the RTSP bridge when one was needed."""

    probe: FrameProbe
    transport: Transport
    route: RtspRoute | None
    bridge: RtspBridge | None = None

    @property
    def error(self) -> str | None:
        return self.bridge.error if self.bridge is not None else None

    def close(self) -> None:
        self.probe.stop()  # first: the player must stop reading the bridge's pipe
        if self.bridge is not None:
            self.bridge.close()

    def __enter__(self) -> ProbeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def play_url(
    url: str, transport: Transport, instance: vlc.Instance, max_width: int = 640
) -> ProbeSession:
    """Play ``url`` headless, routing RTSP through the bridge when libVLC can't do RTSP.

    A URL that is no network stream (``controlroom.video.urls``) raises ``RefusedUrl``.
    """
    require_stream_url(url)
    probe = FrameProbe(instance, max_width=max_width)
    route = rtsp_route(instance) if transport is Transport.RTSP else None
    if route is RtspRoute.NONE:
        probe.stop()
        raise RuntimeError("RTSP is not playable here: libVLC lacks live555 and PyAV is missing")
    session = ProbeSession(probe, transport, route)
    if route is RtspRoute.BRIDGE:
        session.bridge = RtspBridge(url)
        probe.play(session.bridge.mrl)
    else:
        probe.play(url)
    return session
