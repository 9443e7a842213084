"""Demo cameras played end to end: API -> stream URL with token -> libVLC frames.

Over HTTP-TS and over RTSP (through the PyAV bridge on this Debian machine,
whose libVLC has no RTSP client), each tile-to-be must show its own stream:
checked by the stream's colour at the frame's margin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from controlroom.api.client import PlatformClient
from controlroom.api.schema import Transport
from controlroom.demo.media.clips import STREAM_COLOURS
from controlroom.demo.network import build_network
from controlroom.video.probe import play_url
from controlroom.video.vlc_options import shared_instance


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def stream_of() -> dict[str, int]:
    # The demo network is deterministic: the same build tells which stream a camera shows.
    return build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index


@pytest.mark.video
@pytest.mark.parametrize("transport", [Transport.HTTP_TS, Transport.RTSP])
async def test_demo_cameras_show_their_own_stream(demo, stream_of, transport: Transport) -> None:
    client = PlatformClient(demo.url)
    await client.login("dispatcher", "dispatch123")
    try:
        cameras, _ = await client.cameras()
        picked = {}
        for cam in cameras:
            if cam.online and stream_of[cam.id] not in picked:
                picked[stream_of[cam.id]] = cam
            if len(picked) == 3:
                break
        instance = shared_instance(headless=True)
        for index, cam in picked.items():
            url = (await client.stream_ticket(cam.id, "sub")).urls[transport]
            with play_url(url, transport, instance) as session:
                assert session.probe.wait_frames(3, timeout=15), session.error
                assert session.probe.decoded_size() == (640, 360)
                colour = session.probe.sample_colour(0.05, 0.5)
                nearest = min(range(len(STREAM_COLOURS)), key=lambda i: _distance(colour, STREAM_COLOURS[i]))
                assert nearest == index, f"{cam.name}: expected stream {index}, saw colour {colour}"
    finally:
        await client.aclose()


@pytest.mark.video
def test_doctor_reports_the_demo_platform(demo) -> None:
    env = {**os.environ, "CONTROLROOM_PASSWORD": "dispatch123"}
    out = subprocess.run(
        [sys.executable, "-m", "controlroom", "doctor", "--platform", demo.url, "--user", "dispatcher", "--json"],
        capture_output=True, text=True, env=env, timeout=180, stdin=subprocess.DEVNULL,
    )
    report = json.loads(out.stdout)
    assert out.returncode == 0, report["problems"]
    counts = report["platform"]["counts"]
    assert (counts["sites_village"], counts["grids"], counts["cameras"]) == (515, 1080, 28500)
    for t in ("rtsp", "http-ts"):
        s = report["platform"]["streams"][t]
        assert s["ok"] and s["first_frame_ms"] > 0, s
    assert report["platform"]["streams"]["rtsp"]["route"] in ("bridge", "native")
    assert "token=" not in out.stdout or "token=***" in out.stdout


def test_doctor_fails_clearly_on_a_wrong_password(demo) -> None:
    env = {**os.environ, "CONTROLROOM_PASSWORD": "Xq9-not-it"}
    out = subprocess.run(
        [sys.executable, "-m", "controlroom", "doctor", "--platform", demo.url, "--user", "dispatcher"],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 1
    assert "login" in out.stdout and "FAILED" in out.stdout
    assert "Xq9-not-it" not in out.stdout + out.stderr  # the password is never echoed
