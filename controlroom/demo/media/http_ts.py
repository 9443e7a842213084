"""MPEG-TS over HTTP for the demo media server (what wvp/ZLMediaKit call "http-ts").

One endless HTTP response per client: the client's own PyAV MPEG-TS muxer
writes each access unit into memory as it is muxed (``flush_packets``), and the
bytes go straight to the socket. The stream starts at the live source's cached
key frame, so a player shows a picture without waiting for the next GOP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from fractions import Fraction

import av
from aiohttp import web

from controlroom.demo.media.hub import CLOCK_RATE, ClipData, Frame, LiveSource
from controlroom.logsafe import mask_url

log = logging.getLogger("controlroom.demo.media")

# (camera_id, profile, stream ticket) -> the live source, or MediaError
Resolve = Callable[[str, str, str | None], LiveSource]


class _Chunks:
    """A write-only file object that collects what the muxer writes."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


class TsMuxer:
    """Muxes access units into MPEG-TS bytes, one call per frame."""

    def __init__(self, clip: ClipData, fps: int = 25) -> None:
        self._out = _Chunks()
        # flush_packets: hand every muxed packet over at once, not when 32 KiB pile up.
        self._container = av.open(self._out, "w", format="mpegts", options={"flush_packets": "1"})
        self._stream = self._container.add_stream("h264", rate=fps)
        self._stream.width = clip.width
        self._stream.height = clip.height
        self._tb = Fraction(1, CLOCK_RATE)
        self._stream.time_base = self._tb
        self._started = False

    def mux(self, frame: Frame) -> bytes:
        if not self._started:
            if not frame.key:  # a decoder can do nothing before the first key frame
                return b""
            self._started = True
        packet = av.Packet(frame.data)
        packet.pts = packet.dts = frame.pts
        packet.time_base = self._tb
        packet.stream = self._stream
        packet.is_keyframe = frame.key
        self._container.mux(packet)
        return self._out.take()

    def close(self) -> None:
        try:
            self._container.close()
        except Exception:  # closing after a broken pipe may complain; nothing to save
            pass


class HttpTsService:
    """The aiohttp application serving ``/media/{camera_id}/{profile}.ts``."""

    def __init__(self, resolve: Resolve, media_error: type[Exception]) -> None:
        self._resolve = resolve
        self._media_error = media_error
        self._responses: set[web.StreamResponse] = set()
        self.app = web.Application()
        self.app.router.add_get("/media/{camera_id}/{profile}.ts", self._handle)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        camera_id = request.match_info["camera_id"]
        profile = request.match_info["profile"]
        ticket = request.query.get("ticket")
        where = mask_url(str(request.rel_url))
        try:
            source = self._resolve(camera_id, profile, ticket)
        except self._media_error as exc:
            status, message = exc.args[0], exc.args[1]
            log.info("http-ts %s: %s %s", where, status, message)
            return web.Response(status=status, text=f"{status} {message}\n")
        sub = await source.subscribe()
        clip = source.clip
        assert clip is not None
        response = web.StreamResponse(
            headers={"Content-Type": "video/mp2t", "Cache-Control": "no-cache, no-store"}
        )
        muxer = TsMuxer(clip)
        self._responses.add(response)
        log.info("http-ts %s: client %s joined", where, request.remote)
        try:
            await response.prepare(request)
            while (frame := await sub.get()) is not None:
                data = muxer.mux(frame)
                if data:
                    # Awaiting the write is the back-pressure: a slow client fills its
                    # queue and the source drops it, the others carry on.
                    await response.write(data)
        except (ConnectionError, RuntimeError):
            pass  # the client went away
        finally:
            sub.close()
            muxer.close()
            self._responses.discard(response)
            log.info("http-ts %s: client %s left%s", where, request.remote,
                     " (too slow)" if sub.dropped else "")  # fmt: skip
        return response
