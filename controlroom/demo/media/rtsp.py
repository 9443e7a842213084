"""A small RTSP 1.0 server (RFC 2326) sending H.264 over RTP (RFC 3550, RFC 6184).

Just what a camera-like source needs: OPTIONS, DESCRIBE (SDP with the
SPS/PPS), SETUP with RTP/AVP/TCP interleaved transport, PLAY (Session,
RTP-Info), TEARDOWN and GET_PARAMETER/SET_PARAMETER as keep-alives. UDP
transport is answered with 461 Unsupported Transport, which makes FFmpeg and
live555 (VLC) retry over TCP. Each client starts at the live source's cached
key frame.

The stream ticket is checked once, at DESCRIBE (the URL the client was given
carries it as ``?ticket=``); SETUP and PLAY on the same connection reuse that decision, because clients
build the SETUP URL from Content-Base and so drop the query string.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import struct
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from controlroom.demo.media.hub import NAL_AUD, Frame, LiveSource, Subscription, split_nals
from controlroom.logsafe import mask_url

log = logging.getLogger("controlroom.demo.media")

PAYLOAD_TYPE = 96
MAX_PAYLOAD = 1400  # fits a 1500-byte MTU with IP/UDP/RTP headers; also fine over TCP
NAL_FU_A = 28
SERVER_NAME = "ControlRoom-demo-rtsp/1.0"

REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    454: "Session Not Found",
    455: "Method Not Valid in This State",
    459: "Aggregate Operation Not Allowed",
    461: "Unsupported Transport",
    500: "Internal Server Error",
    501: "Not Implemented",
    505: "RTSP Version Not Supported",
}

# (camera_id, profile, stream ticket) -> the live source, or MediaError
Resolve = Callable[[str, str, str | None], LiveSource]


# --------------------------------------------------------------------------- RTP packetization


def packetize_nal(nal: bytes, max_payload: int = MAX_PAYLOAD) -> list[bytes]:
    """RTP payloads for one NAL unit: the NAL itself if it fits, else FU-A fragments."""
    if len(nal) <= max_payload:
        return [nal]
    header = nal[0]
    fu_indicator = (header & 0xE0) | NAL_FU_A  # keep F and NRI, type 28
    kind = header & 0x1F
    body = memoryview(nal)[1:]
    chunk = max_payload - 2  # FU indicator + FU header
    out: list[bytes] = []
    for offset in range(0, len(body), chunk):
        start = offset == 0
        end = offset + chunk >= len(body)
        fu_header = (0x80 if start else 0) | (0x40 if end else 0) | kind
        out.append(bytes((fu_indicator, fu_header)) + body[offset : offset + chunk])
    return out


def depacketize(payloads: list[bytes]) -> list[bytes]:
    """NAL units from a sequence of single-NAL and FU-A payloads (the reverse of the above)."""
    nals: list[bytes] = []
    pending: bytearray | None = None
    for p in payloads:
        kind = p[0] & 0x1F
        if kind == NAL_FU_A:
            fu = p[1]
            if fu & 0x80:
                pending = bytearray([(p[0] & 0xE0) | (fu & 0x1F)])
            if pending is None:
                raise ValueError("FU-A fragment without a start")
            pending += p[2:]
            if fu & 0x40:
                nals.append(bytes(pending))
                pending = None
        else:
            nals.append(bytes(p))
    if pending is not None:
        raise ValueError("FU-A fragment without an end")
    return nals


class RtpPacketizer:
    """Turns access units into RTP packets with one random SSRC and sequence."""

    def __init__(self) -> None:
        self.ssrc = random.getrandbits(32)
        self.seq = random.getrandbits(16)
        self.rtp_base = random.getrandbits(32)  # RFC 3550: random initial timestamp
        self._pts0: int | None = None

    def packets(self, frame: Frame) -> list[bytes]:
        if self._pts0 is None:
            self._pts0 = frame.pts
        ts = (self.rtp_base + frame.pts - self._pts0) & 0xFFFFFFFF
        # Access unit delimiters mean nothing in RTP (the marker bit ends an AU).
        nals = [n for n in split_nals(frame.data) if n[0] & 0x1F != NAL_AUD]
        out: list[bytes] = []
        for i, nal in enumerate(nals):
            payloads = packetize_nal(nal)
            for j, payload in enumerate(payloads):
                marker = i == len(nals) - 1 and j == len(payloads) - 1
                header = struct.pack(
                    "!BBHII", 0x80, (0x80 if marker else 0) | PAYLOAD_TYPE, self.seq, ts, self.ssrc
                )
                self.seq = (self.seq + 1) & 0xFFFF
                out.append(header + payload)
        return out


# --------------------------------------------------------------------------- RTSP


class _Request:
    def __init__(self, method: str, url: str, version: str, headers: dict[str, str], body: bytes):
        self.method, self.url, self.version, self.headers, self.body = (
            method, url, version, headers, body,
        )  # fmt: skip

    @property
    def cseq(self) -> str:
        return self.headers.get("cseq", "0")


def _parse_path(url: str) -> tuple[str, str, str | None]:
    """(camera_id, profile, ticket) from rtsp://host/media/{camera_id}/{profile}[/trackID=0]?ticket=..."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1].startswith("trackID="):
        segments.pop()
    if len(segments) != 3 or segments[0] != "media":
        raise LookupError("no such path")
    ticket = parse_qs(parts.query).get("ticket", [None])[0]
    return segments[1], segments[2], ticket


class _Connection:
    """One RTSP client connection and its (single) session."""

    def __init__(
        self, server: RtspService, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ):
        self.server = server
        self.reader = reader
        self.writer = writer
        self.peer = writer.get_extra_info("peername")
        self.session_id = f"{random.getrandbits(48):012X}"
        self.source: LiveSource | None = None
        self.channel: int | None = None
        self.sub: Subscription | None = None
        self.sender: asyncio.Task[None] | None = None
        self.packetizer = RtpPacketizer()

    async def run(self) -> None:
        try:
            while True:
                request = await self._read_request()
                if request is None:
                    break
                await self._dispatch(request)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            await self._stop_sending()
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()

    async def _read_request(self) -> _Request | None:
        while True:
            first = await self.reader.read(1)
            if not first:
                return None
            if first == b"$":
                # Interleaved data from the client (RTCP receiver reports): skip it.
                head = await self.reader.readexactly(3)
                await self.reader.readexactly(struct.unpack("!H", head[1:])[0])
                continue
            if first in b"\r\n":
                continue
            raw = first + await self.reader.readuntil(b"\r\n\r\n")
            break
        lines = raw.decode("utf-8", "replace").split("\r\n")
        try:
            method, url, version = lines[0].split(" ", 2)
        except ValueError:
            method, url, version = "", "", ""
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0") or 0)
        body = await self.reader.readexactly(length) if length else b""
        return _Request(method, url, version, headers, body)

    def _reply(self, req: _Request, status: int, headers: dict[str, str] | None = None,
               body: bytes = b"") -> None:  # fmt: skip
        lines = [f"RTSP/1.0 {status} {REASONS.get(status, 'Error')}", f"CSeq: {req.cseq}",
                 f"Server: {SERVER_NAME}"]  # fmt: skip
        for k, v in (headers or {}).items():
            lines.append(f"{k}: {v}")
        if body:
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    async def _dispatch(self, req: _Request) -> None:
        where = mask_url(req.url)
        if req.version != "RTSP/1.0":
            self._reply(req, 505)
            return
        handler = {
            "OPTIONS": self._options,
            "DESCRIBE": self._describe,
            "SETUP": self._setup,
            "PLAY": self._play,
            "TEARDOWN": self._teardown,
            "GET_PARAMETER": self._keepalive,
            "SET_PARAMETER": self._keepalive,
            "PAUSE": self._pause,
        }.get(req.method)
        if handler is None:
            self._reply(req, 501)
            return
        log.debug("rtsp %s %s", req.method, where)
        await handler(req)
        await self.writer.drain()

    async def _options(self, req: _Request) -> None:
        self._reply(req, 200, {"Public": "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, "
                                         "GET_PARAMETER, SET_PARAMETER"})  # fmt: skip

    def _resolve(self, req: _Request) -> LiveSource | None:
        """The source a URL names, or None after replying with the error."""
        try:
            camera_id, profile, ticket = _parse_path(req.url)
        except LookupError:
            self._reply(req, 404)
            return None
        try:
            return self.server.resolve(camera_id, profile, ticket)
        except self.server.media_error as exc:
            log.info("rtsp %s: %s %s", mask_url(req.url), exc.args[0], exc.args[1])
            self._reply(req, int(exc.args[0]))
            return None

    async def _describe(self, req: _Request) -> None:
        source = self._resolve(req)
        if source is None:
            return
        self.source = source
        clip = await source.load()
        host = self.writer.get_extra_info("sockname")[0]
        sdp = "\r\n".join([
            "v=0",
            f"o=- {random.getrandbits(31)} 1 IN IP4 {host}",
            f"s={source.name}",
            "c=IN IP4 0.0.0.0",
            "t=0 0",
            "a=tool:ControlRoom demo",
            "a=range:npt=0-",
            "a=control:*",
            f"m=video 0 RTP/AVP {PAYLOAD_TYPE}",
            f"a=rtpmap:{PAYLOAD_TYPE} H264/90000",
            f"a=fmtp:{PAYLOAD_TYPE} packetization-mode=1;profile-level-id={clip.profile_level_id};"
            f"sprop-parameter-sets={clip.sprop_parameter_sets}",
            "a=framerate:25",
            f"a=x-dimensions:{clip.width},{clip.height}",
            "a=control:trackID=0",
            "",
        ]).encode()  # fmt: skip
        parts = urlsplit(req.url)
        base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"
        self._reply(req, 200, {"Content-Base": base, "Content-Type": "application/sdp"}, sdp)

    async def _setup(self, req: _Request) -> None:
        if self.source is None:  # SETUP without DESCRIBE: authorise from this URL
            self.source = self._resolve(req)
            if self.source is None:
                return
        if self.sub is not None:
            self._reply(req, 459)  # one track per session here
            return
        transport = req.headers.get("transport", "")
        tcp = next((t for t in transport.split(",") if "RTP/AVP/TCP" in t.upper()), None)
        if tcp is None:
            self._reply(req, 461)
            return
        channel = 0
        for param in tcp.split(";"):
            if param.strip().startswith("interleaved="):
                with contextlib.suppress(ValueError):
                    channel = int(param.split("=", 1)[1].split("-")[0])
        self.channel = channel
        self._reply(req, 200, {
            "Transport": f"RTP/AVP/TCP;unicast;interleaved={channel}-{channel + 1};"
                         f"ssrc={self.packetizer.ssrc:08X};mode=play",
            "Session": f"{self.session_id};timeout=60",
        })  # fmt: skip

    async def _play(self, req: _Request) -> None:
        if self.source is None or self.channel is None:
            self._reply(req, 455)
            return
        if self.sender is None:
            self.sub = await self.source.subscribe()
        parts = urlsplit(req.url)
        track = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        if not track.endswith("trackID=0"):
            track += "/trackID=0"
        self._reply(req, 200, {
            "Session": f"{self.session_id};timeout=60",
            "Range": "npt=0.000-",
            "RTP-Info": f"url={track};seq={self.packetizer.seq};rtptime={self.packetizer.rtp_base}",
        })  # fmt: skip
        await self.writer.drain()  # the reply must go out before the first RTP packet
        if self.sender is None:
            self.sender = asyncio.create_task(self._send(), name=f"rtsp-send {self.peer}")
        log.info("rtsp %s: client %s playing", mask_url(req.url), self.peer)

    async def _pause(self, req: _Request) -> None:
        # Live sources don't pause; say so rather than pretend.
        self._reply(req, 455)

    async def _teardown(self, req: _Request) -> None:
        await self._stop_sending()
        self._reply(req, 200, {"Session": self.session_id})

    async def _keepalive(self, req: _Request) -> None:
        self._reply(req, 200, {"Session": f"{self.session_id};timeout=60"})

    async def _send(self) -> None:
        assert self.sub is not None and self.channel is not None
        prefix = b"$" + bytes([self.channel])
        try:
            while (frame := await self.sub.get()) is not None:
                for pkt in self.packetizer.packets(frame):
                    self.writer.write(prefix + struct.pack("!H", len(pkt)) + pkt)
                # Back-pressure: a stalled client stops here until its queue overflows
                # and the source drops it.
                await self.writer.drain()
        except ConnectionError:
            pass
        if self.sub.dropped:
            log.info("rtsp: client %s dropped (too slow)", self.peer)
        # The stream ended (dropped or server stopping): end the connection too.
        self.writer.close()

    async def _stop_sending(self) -> None:
        sender, self.sender = self.sender, None
        if sender is not None and sender is not asyncio.current_task():
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, ConnectionError):
                await sender
        if self.sub is not None:
            self.sub.close()
            self.sub = None


class RtspService:
    """The listening socket and its live connections."""

    def __init__(self, resolve: Resolve, media_error: type[Exception]) -> None:
        self.resolve = resolve
        self.media_error = media_error
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self, host: str, port: int) -> int:
        self._server = await asyncio.start_server(self._on_client, host, port, reuse_address=True)
        return int(self._server.sockets[0].getsockname()[1])

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        try:
            await _Connection(self, reader, writer).run()
        except asyncio.CancelledError:
            # Our own stop() cancelled it; end quietly (asyncio's stream callback
            # would otherwise log the cancellation as an error).
            pass
        finally:
            self._tasks.discard(task)
            self._writers.discard(writer)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)
            self._server = None
