"""The demo's PTZ scene source: encoded only while watched, a key frame first, the picture where the pose says."""

from __future__ import annotations

import asyncio

import av

from controlroom.demo.media.hub import split_nals
from controlroom.demo.media.ptz_scene import SIZES, PtzSceneSource, clamp_pose, render, scene_colour


def test_render_shows_the_gradient_where_the_camera_looks() -> None:
    for pan, tilt in ((0.3, 0.3), (0.7, 0.6)):
        frame = render(pan, tilt, 1.0, 640, 360).to_ndarray(format="rgb24")
        patch = frame[170:190, 300:340].reshape(-1, 3)
        med = sorted(patch.tolist(), key=sum)[len(patch) // 2]
        want = scene_colour(pan, tilt)
        assert max(abs(a - b) for a, b in zip(med, want, strict=True)) <= 6, (pan, tilt, med, want)


def test_the_view_stays_inside_the_scene() -> None:
    assert clamp_pose(0.0, 1.0, 1.0) == (0.25, 0.75, 1.0)
    assert clamp_pose(0.0, 0.5, 9.0) == (0.0625, 0.5, 4.0)
    assert clamp_pose(0.5, 0.5, 0.1)[2] == 1.0


async def test_it_encodes_only_while_someone_watches_and_starts_at_a_key_frame() -> None:
    pose = (0.5, 0.5, 1.0)
    src = PtzSceneSource("t", "sub", lambda: pose)
    clip = await src.load()
    assert (clip.width, clip.height) == SIZES["sub"] and clip.sps and clip.pps
    assert not src.running and src.frames_encoded == 0
    sub = await src.subscribe()
    first = await asyncio.wait_for(sub.get(), 10)
    assert first is not None and first.key
    assert {n[0] & 0x1F for n in split_nals(first.data)} >= {7, 8, 5}  # SPS, PPS, IDR
    second = await asyncio.wait_for(sub.get(), 10)
    assert second is not None and second.pts > first.pts
    # the frames decode to the scene
    codec = av.CodecContext.create("h264", "r")
    pictures = [f for data in (first.data, second.data) for f in codec.decode(av.Packet(data))]
    assert pictures and pictures[0].width == SIZES["sub"][0]
    sub.close()
    assert not src.running
    n = src.frames_encoded
    await asyncio.sleep(0.3)  # nobody watches: nothing more is encoded
    assert src.frames_encoded == n
    await src.stop()
