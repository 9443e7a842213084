"""The demo media server played through real libVLC: the right stream, over each transport.

A ``MediaServer`` runs on loopback in a thread with its own event loop; a
headless ``FrameProbe`` plays its streams over HTTP-TS and RTSP (through the
PyAV bridge where libVLC has no live555, as on Debian) and checks that frames
arrive, are not black, and carry the stream's colour. Clips are generated once
into the same cache the demo platform uses (``controlroom.paths.cache_dir()``,
``$CONTROLROOM_CACHE_DIR`` in CI): about 16 s on a 2-core box the first time,
nothing afterwards.

Also here, because they test the same modules without a player: URL masking,
RTP packetization, transport choice, and the hub's slow-subscriber rule.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any

import pytest
from waiting import wait_until

from controlroom.api.schema import Transport
from controlroom.demo.media import hub as hub_module
from controlroom.demo.media.clips import STREAM_COLOURS, Clip, ensure_clips
from controlroom.demo.media.hub import LiveSource, split_nals
from controlroom.demo.media.rtsp import RtpPacketizer, depacketize, packetize_nal
from controlroom.demo.media.server import MediaError, MediaServer, StreamGrant
from controlroom.logsafe import mask_url
from controlroom.paths import cache_dir
from controlroom.video.transports import choose_transport

CAMERAS = {f"371326000013100000{i:02d}": i for i in range(16)}  # GB-style ids -> stream index
DENIED = "37132600001310009999"
COLOUR_TOLERANCE = 30  # per channel, after YUV 4:2:0 round trip and scaling


def permissive(camera_id: str, profile: str, ticket: str | None) -> StreamGrant:
    if camera_id == DENIED:
        raise MediaError(403, "not in your scope")
    if camera_id not in CAMERAS:
        raise MediaError(404, "no such camera")
    return StreamGrant(CAMERAS[camera_id], "test-login", time.monotonic() + 3600)


class ServerThread:
    """A MediaServer on its own asyncio loop in a thread, driven from synchronous tests."""

    def __init__(self, clips: list[Clip]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="media-server-loop")
        self.thread.start()
        self.server = self.call(self._make(clips))

    async def _make(self, clips: list[Clip]) -> MediaServer:
        return MediaServer(clips, permissive)

    def call(self, coro: Any, timeout: float = 20.0) -> Any:
        fut: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return fut.result(timeout)

    def close(self) -> None:
        self.call(self.server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture(scope="session")
def clips() -> list[Clip]:
    cache = cache_dir() / "demo-clips"  # shared with the demo platform
    t0 = time.monotonic()
    made = ensure_clips(cache)
    print(f"\nclips ready in {time.monotonic() - t0:.1f} s ({made[0].main.parent})")
    return made


@pytest.fixture(scope="module")
def media(clips: list[Clip]) -> Iterator[ServerThread]:
    st = ServerThread(clips)
    st.call(st.server.start())
    yield st
    st.close()
    assert not st.thread.is_alive()


@pytest.fixture(scope="module")
def vlc_instance() -> Iterator[Any]:
    vlc = pytest.importorskip("vlc")
    from controlroom.video.vlc_options import instance_args

    instance = vlc.Instance(instance_args(headless=True))
    if instance is None:
        pytest.skip("libVLC could not start")
    yield instance
    instance.release()


@pytest.fixture
def no_leaks() -> Iterator[None]:
    before = set(threading.enumerate())
    yield

    def bridges_left() -> list[threading.Thread]:
        return [t for t in set(threading.enumerate()) - before
                if t.is_alive() and t.name.startswith("rtsp-bridge")]  # fmt: skip

    wait_until(lambda: not bridges_left(), "the RTSP bridge threads to end", timeout=10)


def camera(index: int) -> str:
    return next(cid for cid, i in CAMERAS.items() if i == index)


def distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    return math.dist(a, b)


def assert_stream(probe: Any, index: int, size: tuple[int, int]) -> None:
    assert probe.wait_frames(10, timeout=10), f"only {probe.frame_count} frames"
    w, h, data = probe.latest_frame()
    assert w and h and any(data[i] > 30 for i in range(0, len(data), 4097)), "black frame"
    expected = STREAM_COLOURS[index]
    for x in (0.04, 0.96):  # both margins are pure background colour
        got = probe.sample_colour(x, 0.5)
        assert all(abs(g - e) <= COLOUR_TOLERANCE for g, e in zip(got, expected, strict=True)), (
            f"stream {index}: colour {got} at x={x}, expected {expected}"
        )
        nearest = min(range(len(STREAM_COLOURS)), key=lambda k: distance(got, STREAM_COLOURS[k]))
        assert nearest == index
    assert probe.decoded_size() == size


# --------------------------------------------------------------------------- playback


@pytest.mark.video
@pytest.mark.parametrize("transport", [Transport.HTTP_TS, Transport.RTSP])
@pytest.mark.parametrize(
    ("index", "profile", "size"), [(2, "main", (1280, 720)), (11, "sub", (640, 360))]
)
def test_plays_the_right_stream(
    media: ServerThread, vlc_instance: Any, no_leaks: None,
    transport: Transport, index: int, profile: str, size: tuple[int, int],
) -> None:  # fmt: skip
    from controlroom.video.probe import play_url

    url = media.server.urls(camera(index), profile)[transport] + "?ticket=secret"
    with play_url(url, transport, vlc_instance) as session:
        assert_stream(session.probe, index, size)
        assert session.error is None
        print(f"{transport} {profile}: first frame {session.probe.first_frame_seconds:.3f} s")


@pytest.mark.video
@pytest.mark.parametrize("transport", [Transport.HTTP_TS, Transport.RTSP])
def test_a_second_viewer_joins_a_running_stream(
    media: ServerThread, vlc_instance: Any, no_leaks: None, transport: Transport
) -> None:
    """A second viewer joining mid-GOP gets the right stream (from the GOP cache). How fast
    is printed here and measured by tests/bench/bench_tile.py, with and without the cache."""
    from controlroom.video.probe import play_url

    urls = media.server.urls(camera(6), "sub")
    with play_url(urls[Transport.HTTP_TS], Transport.HTTP_TS, vlc_instance) as first:
        assert first.probe.wait_frames(5 + 12, timeout=10)  # half a GOP after it started: mid-GOP
        with play_url(urls[transport], transport, vlc_instance) as second:
            assert_stream(second.probe, 6, (640, 360))
            ff = second.probe.first_frame_seconds
            assert ff is not None
            print(f"{transport} join: first frame {ff:.3f} s")


@pytest.mark.video
def test_refused_over_http(media: ServerThread) -> None:
    url = media.server.urls(DENIED, "main")[Transport.HTTP_TS]
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(url, timeout=5)
    assert info.value.code == 403
    assert "not in your scope" in info.value.read().decode()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(media.server.urls(camera(1), "huge")[Transport.HTTP_TS], timeout=5)
    assert info.value.code == 404


@pytest.mark.video
def test_refused_over_rtsp(media: ServerThread, no_leaks: None) -> None:
    from controlroom.video.rtsp_bridge import RtspBridge

    url = media.server.urls(DENIED, "main")[Transport.RTSP] + "?ticket=topsecret"
    bridge = RtspBridge(url)
    try:
        assert bridge.finished.wait(10)
        assert bridge.error is not None and "403" in bridge.error
        assert "topsecret" not in bridge.error
    finally:
        bridge.close()


@pytest.mark.video
def test_bridge_reports_refused_connection(no_leaks: None) -> None:
    import socket

    from controlroom.video.rtsp_bridge import RtspBridge

    with socket.socket() as s:  # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with RtspBridge(f"rtsp://admin:hunter2@127.0.0.1:{port}/media/x/main") as bridge:
        assert bridge.finished.wait(10)
        assert bridge.error and "refused" in bridge.error.lower()
        assert "hunter2" not in bridge.error


@pytest.mark.video
def test_restart_on_the_same_ports(media: ServerThread, vlc_instance: Any, no_leaks: None) -> None:
    from controlroom.video.probe import play_url

    server = media.server
    ports = (server.http_port, server.rtsp_port)
    urls = server.urls(camera(4), "sub")
    with play_url(urls[Transport.HTTP_TS], Transport.HTTP_TS, vlc_instance) as live:
        assert live.probe.wait_frames(3, timeout=10)
        media.call(server.stop())
        count = live.probe.frame_count
        seen: list[int] = []

        def stopped() -> bool:  # no new picture over the last 10 polls (0.2 s; 25 fps is 0.04 s)
            seen.append(live.probe.frame_count)
            return len(seen) > 10 and seen[-1] == seen[-11]

        wait_until(stopped, "the pictures to stop: the live connection closed with the server", timeout=10)
        assert seen[-1] - count < 30, "more than what was buffered played after the stop"
    for _ in range(2):
        media.call(server.start())
        assert (server.http_port, server.rtsp_port) == ports
        for transport in (Transport.HTTP_TS, Transport.RTSP):
            with play_url(server.urls(camera(4), "sub")[transport], transport, vlc_instance) as s:
                assert_stream(s.probe, 4, (640, 360))
        media.call(server.stop())
    media.call(server.start())


# --------------------------------------------------------------------------- units


def test_stream_colours_are_far_apart() -> None:
    assert len(STREAM_COLOURS) == 16
    for i, a in enumerate(STREAM_COLOURS):
        assert sum(a) > 150, "near-black would look like no video"
        for b in STREAM_COLOURS[i + 1 :]:
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) >= 100


def test_mask_url() -> None:
    assert mask_url("rtsp://admin:p@ss@10.0.0.1:554/ch1?token=abc&x=1") == (
        "rtsp://admin:***@10.0.0.1:554/ch1?token=***&x=1"
    )
    assert mask_url("http://h/a.ts?x=1&Password=zz#f") == "http://h/a.ts?x=1&Password=***#f"
    assert mask_url("http://h/a?auth=1;passwd=2") == "http://h/a?auth=***;passwd=***"
    assert mask_url("rtsp://admin@h/x") == "rtsp://admin@h/x"  # no secret, keep the name
    assert mask_url("http://h:8080/x?mytoken=1") == "http://h:8080/x?mytoken=1"
    assert mask_url("failed: rtsp://u:pw@h/x (token=abc)") == "failed: rtsp://u:***@h/x (token=***)"


def test_split_nals_handles_3_and_4_byte_start_codes() -> None:
    data = (
        b"\x00\x00\x00\x01\x09\xf0" + b"\x00\x00\x01\x67\x4d\x00" + b"\x00\x00\x00\x01\x65\x88\x00"
    )
    assert split_nals(data) == [b"\x09\xf0", b"\x67\x4d\x00", b"\x65\x88\x00"]


def test_fu_a_split_and_reassembly() -> None:
    nal = bytes([0x65]) + bytes(range(256)) * 20  # an IDR slice of 5121 bytes
    payloads = packetize_nal(nal, max_payload=1400)
    assert len(payloads) == 4
    assert all(len(p) <= 1400 for p in payloads)
    assert all(p[0] == (0x65 & 0xE0) | 28 for p in payloads)  # FU indicator keeps NRI
    assert payloads[0][1] == 0x80 | 5 and payloads[-1][1] == 0x40 | 5
    assert all(p[1] == 5 for p in payloads[1:-1])
    assert depacketize(payloads) == [nal]
    small = bytes([0x41, 1, 2, 3])
    assert packetize_nal(small) == [small]


def test_rtp_packets_of_an_access_unit() -> None:
    big = bytes([0x65]) + b"\x11" * 3000
    au = (
        b"\x00\x00\x00\x01\x09\xf0"
        + b"\x00\x00\x00\x01\x67\x4d"
        + b"\x00\x00\x00\x01\x68\xee"
        + b"\x00\x00\x01"
        + big
    )
    rtp = RtpPacketizer()
    seq0, base = rtp.seq, rtp.rtp_base
    frame = hub_module.Frame(au, pts=126000, key=True)
    packets = rtp.packets(frame)
    assert len(packets) == 2 + 3  # SPS, PPS, 3 FU-A (the AUD is dropped)
    for i, p in enumerate(packets):
        assert p[0] == 0x80
        assert (p[1] & 0x7F) == 96
        assert bool(p[1] & 0x80) == (i == len(packets) - 1)  # marker on the AU's last packet
        assert int.from_bytes(p[2:4], "big") == (seq0 + i) & 0xFFFF
        assert int.from_bytes(p[4:8], "big") == base
        assert int.from_bytes(p[8:12], "big") == rtp.ssrc
    assert depacketize([p[12:] for p in packets]) == [b"\x67\x4d", b"\x68\xee", big]
    nxt = rtp.packets(hub_module.Frame(b"\x00\x00\x01\x41\x9a", pts=129600, key=False))
    assert int.from_bytes(nxt[0][4:8], "big") == (base + 3600) & 0xFFFFFFFF


def test_choose_transport_prefers_lowest_latency_playable() -> None:
    urls = {Transport.HLS: "h", Transport.HTTP_TS: "t", Transport.RTSP: "r"}
    assert choose_transport(urls, set(Transport)) == (Transport.RTSP, "r")
    assert choose_transport(urls, {Transport.HTTP_TS, Transport.HLS}) == (Transport.HTTP_TS, "t")
    assert choose_transport({Transport.HTTP_FLV: "f"}, {Transport.HTTP_TS}) is None
    assert choose_transport({}, set(Transport)) is None


async def test_slow_subscriber_is_dropped_others_continue(
    clips: list[Clip], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_module, "QUEUE_FRAMES", 5)
    source = LiveSource("test", clips[0].sub)
    slow = await source.subscribe()
    fast = await source.subscribe()
    pts: list[int] = []
    while len(pts) < 12:
        frame = await asyncio.wait_for(fast.get(), 2)
        assert frame is not None
        pts.append(frame.pts)
    assert slow.dropped and await slow.get() is None
    assert pts == sorted(pts) and len(set(pts)) == len(pts)
    assert source.subscriber_count == 1
    fast.close()
    assert not source.running  # no subscribers, no work
    await source.stop()


def test_rtsp_through_the_bridge_comes_after_native_transports() -> None:
    urls = {Transport.RTSP: "rtsp://h/a", Transport.HTTP_TS: "http://h/a.ts"}
    both = {Transport.RTSP, Transport.HTTP_TS}
    assert choose_transport(urls, both)[0] is Transport.RTSP
    assert choose_transport(urls, both, rtsp_via_bridge=True)[0] is Transport.HTTP_TS
    assert choose_transport({Transport.RTSP: "rtsp://h/a"}, both, rtsp_via_bridge=True)[0] is Transport.RTSP
    assert choose_transport(urls, both, ["http-ts", "rtsp"])[0] is Transport.HTTP_TS
