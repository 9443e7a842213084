"""WVP playback (issue 12) through the wvp-GB28181-pro backend, against the WVP test double
(tests/wvp_platform/playback.py: WVP's own shapes; WVP, its database and GB/T 28181 devices cannot
run here). The double's playback plays the channel's clip on its media server: decoded here to show
the URL works; recorded pictures are the demo platform's part (test_playback_platform.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import av
import pytest
from wvp_platform import WvpThread, build_network

from controlroom.api import errors
from controlroom.api.schema import Transport
from controlroom.backends.base import Capability
from controlroom.backends.wvp import WvpBackend
from controlroom.backends.wvp_playback import WVP_ZONE
from controlroom.demo.media.clips import Clip, ensure_clips
from controlroom.paths import cache_dir


@pytest.fixture(scope="module")
def clips() -> list[Clip]:
    return ensure_clips(cache_dir() / "demo-clips")


@pytest.fixture
def wvp(clips: list[Clip]) -> Iterator[WvpThread]:
    double = WvpThread(build_network(channels=8, towns=2, villages_per_town=2), clips)
    yield double
    double.stop()
    assert not double.thread.is_alive()


@pytest.fixture
async def backend(wvp: WvpThread) -> Any:
    b = WvpBackend(wvp.url)
    yield b
    await b.aclose()


async def test_record_query_in_wvp_time_becomes_utc_ranges(backend: WvpBackend, wvp: WvpThread) -> None:
    assert Capability.PLAYBACK in backend.capabilities
    await backend.login("admin", "admin")
    await backend.inventory()
    cam = wvp.state.channels[0].gbDeviceId
    end = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    start = end - timedelta(hours=3)
    tl = await backend.recordings(cam, start, end)
    # the double has files [hh:00, hh:20) and [hh:30, hh+1:00) of every hour: adjacent files are one
    # range, so 3 hours are 4 ranges with the gaps at :20-:30
    assert len(tl.ranges) == 4 and tl.marks == []
    assert tl.ranges[0].start == start and tl.ranges[0].end == start + timedelta(minutes=20)
    assert tl.ranges[1].start == start + timedelta(minutes=30)
    assert tl.ranges[1].end == start + timedelta(minutes=80)
    assert tl.ranges[-1].end == end
    assert all(r.start.utcoffset() == timedelta(0) for r in tl.ranges)
    with pytest.raises(errors.NotFoundError):
        await backend.recordings("37000000001319999999", start, end)


async def test_one_clock_over_wvp_playbacks_seek_speed_pause_and_stop(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    await backend.inventory()
    cams = [c.gbDeviceId for c in wvp.state.channels[2:4]]
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    state = await backend.open_playback(cams, at, speed=2)
    calls = wvp.platform.playback_calls  # type: ignore[attr-defined]
    starts = [q for what, q in calls if what == "start"]
    assert len(starts) == 2
    assert starts[0]["startTime"] == at.astimezone(WVP_ZONE).strftime("%Y-%m-%d %H:%M:%S")
    assert [q["speed"] for what, q in calls if what == "speed"] == ["2", "2"]
    assert state.speed == 2 and [s.camera_id for s in state.streams] == cams
    url = state.streams[0].urls[Transport.HTTP_TS]
    with av.open(url, timeout=10) as c:  # the URL WVP answered plays
        frame = next(iter(c.decode(video=0)))
        assert frame.width > 0
    calls.clear()
    state = await backend.control_playback(state.id, "seek", at=at + timedelta(minutes=5))
    assert [(w, q["seekTime"]) for w, q in calls] == [("seek", "300"), ("seek", "300")]
    assert abs((state.position - (at + timedelta(minutes=5))).total_seconds()) < 2
    calls.clear()
    before = await backend.control_playback(state.id, "seek", at=at - timedelta(hours=1))  # before the start
    assert [w for w, _q in calls] == ["stop", "start", "speed", "stop", "start", "speed"]
    assert before.streams[0].urls
    calls.clear()
    paused = await backend.control_playback(state.id, "pause")
    assert paused.paused and [w for w, _q in calls] == ["pause", "pause"]
    p = (await backend.playback_state(state.id)).position
    assert (await backend.playback_state(state.id)).position == p
    await backend.control_playback(state.id, "resume")
    await backend.close_playback(state.id)
    assert [w for w, _q in calls][-2:] == ["stop", "stop"]
    with pytest.raises(errors.NotFoundError):
        await backend.playback_state(state.id)
    with pytest.raises(errors.PlatformError):  # WVP keeps no bookmarks
        await backend.bookmarks()
