"""RTSP for a libVLC without an RTSP client: PyAV remuxes it to MPEG-TS in a pipe.

Debian's libVLC is built without live555, yet RTSP is the cameras' own
protocol. ``RtspBridge`` opens the RTSP URL with PyAV (its bundled FFmpeg)
over TCP, copies the video packets without decoding them into an MPEG-TS
muxer that writes to an ``os.pipe()``, and hands libVLC the read end as
``fd://N``. Output starts at a key frame so the decoder has nothing to throw
away.

Shutdown never deadlocks: the writer polls the pipe with a timeout and checks
the stop flag (libVLC may have stopped reading), and PyAV's read is bounded by
its interrupt timeout (the RTSP server may have gone silent).
"""

from __future__ import annotations

import errno
import logging
import os
import select
import threading
import time
from typing import Any

import av

try:
    import fcntl
except ImportError:  # Windows: its libVLC has live555, the bridge is rarely needed there
    fcntl = None  # type: ignore[assignment]

from controlroom.logsafe import mask_url
from controlroom.video.urls import RefusedUrl, UrlRefusal, require_stream_url, scheme_of

log = logging.getLogger("controlroom.video.bridge")

_F_SETPIPE_SZ = 1031  # Linux fcntl command (fcntl.F_SETPIPE_SZ exists from Python 3.10, Linux only)
_PIPE_BYTES = 1 << 20  # room for a GOP burst (~200 KiB at 1.2 Mbit/s) without blocking the reader


class _BridgeStopped(Exception):
    pass


class _PipeWriter:
    """A file object for PyAV's muxer: writes to a non-blocking pipe, gives up on stop."""

    def __init__(self, fd: int, stop: threading.Event) -> None:
        self.fd = fd
        self.stop = stop

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if self.stop.is_set():
                raise _BridgeStopped
            try:
                n = os.write(self.fd, view)
                view = view[n:]
            except BlockingIOError:
                # The reader (libVLC) is slow or gone: wait a little, then re-check stop.
                select.select([], [self.fd], [], 0.1)
        return len(data)


def describe_error(exc: BaseException) -> str:
    """A readable, credential-free reason for a failed source."""
    text = mask_url(str(exc))
    if isinstance(exc, av.error.HTTPUnauthorizedError):
        return f"401 Unauthorized: {text}"
    if isinstance(exc, av.error.HTTPForbiddenError):
        return f"403 Forbidden: {text}"
    if isinstance(exc, av.error.HTTPNotFoundError):
        return f"404 Not Found: {text}"
    if isinstance(exc, ConnectionRefusedError) or getattr(exc, "errno", None) == errno.ECONNREFUSED:
        return f"connection refused: {text}"
    if isinstance(exc, TimeoutError | av.error.ExitError):
        return f"timed out: {text}"
    return f"{type(exc).__name__}: {text}"


def error_status(exc: BaseException) -> int | None:
    """The media server's refusal status behind ``exc`` (401/403/404), else None."""
    for cls, code in ((av.error.HTTPUnauthorizedError, 401), (av.error.HTTPForbiddenError, 403),
                      (av.error.HTTPNotFoundError, 404)):
        if isinstance(exc, cls):
            return code
    return None


class RtspBridge:
    """Plays ``url`` (RTSP) into a pipe as MPEG-TS; give libVLC ``mrl``, then ``close()``.

    ``error`` is None while all is well, else a readable reason (refused,
    401/403/404, no video, source ended). Stop the libVLC player reading ``mrl``
    before ``close()``.
    """

    def __init__(self, url: str, open_timeout: float = 5.0, read_timeout: float = 5.0) -> None:
        # FFmpeg opens local files and devices too: only an rtsp(s) URL with a host gets here
        require_stream_url(url)
        if scheme_of(url) not in ("rtsp", "rtsps"):
            raise RefusedUrl(UrlRefusal.SCHEME, scheme_of(url))
        self.url = url
        self.open_timeout = open_timeout
        self.read_timeout = read_timeout
        self.error: str | None = None
        #: the media server's status when it refused (401/403/404), else None
        self.status: int | None = None
        self.ended = False  # the source ended the stream (``error`` says so too)
        self.opened = threading.Event()  # the RTSP source answered and has video
        self.first_packet = threading.Event()  # the first key frame went into the pipe
        self.finished = threading.Event()
        self.open_seconds: float | None = None
        self._stop = threading.Event()
        self._read_fd, self._write_fd = os.pipe()
        try:
            if fcntl is not None:
                fcntl.fcntl(self._write_fd, _F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:
            pass  # not Linux, or over the user's pipe limit: the default size works too
        os.set_blocking(self._write_fd, False)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="rtsp-bridge", daemon=True)
        self._thread.start()

    @property
    def mrl(self) -> str:
        return f"fd://{self._read_fd}"

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        t0 = time.monotonic()
        source = sink = None
        try:
            source = av.open(
                self.url,
                options={
                    "rtsp_transport": "tcp",  # interleaved: one connection, no UDP ports
                    # Probe as little as possible: an RTSP source states its codec in the
                    # SDP, and we copy packets without decoding. Measured against our demo
                    # server (sub stream, 400 kbit/s): probesize 32768 took 0.85 s to open,
                    # 4096 about 0.05 s; fpsprobesize=0 stops the wait for a frame rate.
                    "probesize": "4096",
                    "fpsprobesize": "0",
                    "analyzeduration": "0",
                    "timeout": str(int(self.read_timeout * 1e6)),  # socket I/O, microseconds
                },
                # PyAV's interrupt callback: bounds open and each read, so a silent
                # server can't hold the thread (and close()) forever.
                timeout=(self.open_timeout, self.read_timeout),
            )
            if not source.streams.video:
                raise ValueError("the source has no video stream")
            video = source.streams.video[0]
            self.open_seconds = time.monotonic() - t0
            self.opened.set()
            log.info("bridge %s: opened in %.2f s (%s %dx%d)", mask_url(self.url),
                     self.open_seconds, video.codec_context.name, video.codec_context.width,
                     video.codec_context.height)  # fmt: skip
            # flush_packets: every packet reaches the pipe at once (latency).
            sink = av.open(_PipeWriter(self._write_fd, self._stop), "w", format="mpegts",
                           options={"flush_packets": "1"})  # fmt: skip
            out = sink.add_stream_from_template(video)
            started = False
            held: av.Packet[Any] | None = None
            for packet in source.demux(video):
                if self._stop.is_set():
                    break
                if packet.size == 0:
                    continue  # demuxer flush packet
                if not started:
                    if not packet.is_keyframe:
                        continue  # libVLC could only drop these
                    started = True
                if packet.pts is None and held is None and not self.first_packet.is_set():
                    # FFmpeg's RTP depacketizer gives the very first access unit no
                    # timestamp; dropping it would cost a whole GOP (~1 s measured), so
                    # hold it and date it one frame before its successor.
                    held = packet
                    continue
                if held is not None:
                    step = (
                        int(1 / (video.guessed_rate or 25) / video.time_base)
                        if packet.pts and video.time_base else 0
                    )
                    held.pts = held.dts = (packet.dts or packet.pts or 0) - step
                    held.stream = out
                    sink.mux(held)
                    held = None
                if packet.pts is None:
                    continue  # an undated packet mid-stream: the muxer would refuse it
                packet.stream = out
                sink.mux(packet)
                if not self.first_packet.is_set():
                    self.first_packet.set()
            else:
                if not self._stop.is_set():
                    self.error = "the source ended the stream"
                    self.ended = True
        except _BridgeStopped:
            pass
        except Exception as exc:
            if not self._stop.is_set():
                self.error = describe_error(exc)
                self.status = error_status(exc)
                log.warning("bridge %s: %s", mask_url(self.url), self.error)
        finally:
            for c in (sink, source):
                if c is not None:
                    try:
                        c.close()
                    except Exception:  # a broken pipe or a dead socket: nothing to flush
                        pass
            # EOF for the reader: libVLC ends the media instead of waiting forever.
            os.close(self._write_fd)
            self.finished.set()

    def close(self, timeout: float | None = None) -> None:
        """Stop the thread and close both pipe ends (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        # Worst case the thread sits in a PyAV read until its interrupt timeout.
        self._thread.join(timeout if timeout is not None else self.read_timeout + 2.0)
        if self._thread.is_alive():
            log.warning("bridge %s: reader thread still busy after close()", mask_url(self.url))
        os.close(self._read_fd)

    def __enter__(self) -> RtspBridge:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
