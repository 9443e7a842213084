"""Playback on the real demo platform (issue 12, the platform side): recordings, scope, sessions
with real live-encoded H.264 whose burned-in time code is read back from decoded frames, seek,
sync of several streams, gaps, export, bookmarks and their events.

Frames are decoded with PyAV from the platform's own HTTP-TS and RTSP URLs over loopback, and once
through real libVLC (the headless frame probe); the app's TilePlayer seeking is measured in
tests/bench/bench_playback_seek.py.
"""

from __future__ import annotations

import asyncio
import io
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import av
import httpx
import msgspec
import numpy as np
import pytest

from controlroom.api import errors
from controlroom.api import schema as s
from controlroom.api.client import PlatformClient
from controlroom.demo.timecode import read_timecode


async def _login(url: str, user: str = "dispatcher", password: str = "dispatch123") -> PlatformClient:
    client = PlatformClient(url)
    await client.login(user, password)
    return client


async def _camera_of_town(client: PlatformClient, town: int) -> s.Camera:
    sites, _ = await client.sites()
    site = next(x for x in sites if x.town == town and x.tier == s.Tier.VILLAGE)
    cams, _ = await client.cameras(site_id=site.id)
    return next(c for c in cams if c.online)


def _frames(url: str, stop: threading.Event | None = None) -> Iterator[tuple[float, datetime | None, bool]]:
    """(arrival time, time code, key frame) of every decoded frame of a playback URL."""
    opts = {"probesize": "32768", "analyzeduration": "0", "fflags": "nobuffer", "rw_timeout": "10000000"}
    with av.open(url, options=opts, timeout=10) as c:
        for packet in c.demux(video=0):
            for frame in packet.decode():
                yield time.monotonic(), read_timecode(frame.to_ndarray(format="rgb24")), bool(packet.is_keyframe)
            if stop is not None and stop.is_set():
                return


def _recorded_moment(tl: s.RecordingTimeline, min_len: float = 120) -> datetime:
    """A moment a minute into a recorded range at least ``min_len`` seconds long."""
    r = next(r for r in reversed(tl.ranges[:-1]) if (r.end - r.start).total_seconds() > min_len)
    return r.start + timedelta(seconds=60)


def _gap(tl: s.RecordingTimeline) -> tuple[datetime, datetime]:
    a, b = tl.ranges[0], tl.ranges[1]
    return a.end, b.start


def _week(now: datetime | None = None) -> tuple[datetime, datetime]:
    now = now or datetime.now(UTC)
    return now - timedelta(days=7), now


# --------------------------------------------------------------------------- recordings


async def test_recordings_are_bounded_sorted_deterministic_and_share_town_restarts(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 3)
        start, end = _week()
        tl = await client.recordings(cam.id, start, end)
        assert 1 < len(tl.ranges) <= s.MAX_RECORDING_RANGES
        for a, b in zip(tl.ranges, tl.ranges[1:], strict=False):
            assert a.start < a.end < b.start < b.end  # sorted, apart: gaps between them
        assert tl.ranges[0].start >= start and tl.ranges[-1].end <= end
        assert (end - tl.ranges[-1].end).total_seconds() < 5  # an online camera records until now
        assert {m.kind for m in tl.marks} == {"motion", "alert"}
        assert [m.at for m in tl.marks] == sorted(m.at for m in tl.marks)
        # the same answer again (only the ends move with the clock)
        again = await client.recordings(cam.id, start, end)
        assert [(r.start, r.end) for r in again.ranges[1:-1]] == [(r.start, r.end) for r in tl.ranges[1:-1]]
        # a town platform restart: another camera of the same town misses the same minutes
        sites, _ = await client.sites()
        other_site = [x for x in sites if x.town == 3 and x.tier == s.Tier.VILLAGE][1]
        other = next(c for c in (await client.cameras(site_id=other_site.id))[0] if c.online and c.id != cam.id)
        tl2 = await client.recordings(other.id, start, end)

        def gaps(t: s.RecordingTimeline) -> set[tuple[datetime, datetime]]:
            return {(a.end, b.start) for a, b in zip(t.ranges, t.ranges[1:], strict=False)}

        def within(g: tuple[datetime, datetime], t: s.RecordingTimeline) -> bool:
            return any(a.end <= g[0] and g[1] <= b.start for a, b in zip(t.ranges, t.ranges[1:], strict=False))

        shared = [g for g in gaps(tl) if within(g, tl2)] + [g for g in gaps(tl2) if within(g, tl)]
        assert shared, "a town restart shows in every camera of the town"
    finally:
        await client.aclose()


async def test_simulated_alerts_are_marks_on_their_camera(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 4)
        alert = demo.hook("alert", kind="checkpoint_hit", camera_id=cam.id)
        start, end = _week()
        tl = await client.recordings(cam.id, start, end + timedelta(seconds=1))
        assert alert["id"] in {m.alert_id for m in tl.marks if m.kind == "alert"}
    finally:
        await client.aclose()


async def test_recordings_scope_and_validation(demo) -> None:
    desk = await _login(demo.url, "town01", "desk123")
    try:
        start, end = _week()
        own = await _camera_of_town(desk, 1)
        assert (await desk.recordings(own.id, start, end)).ranges
        dispatcher = await _login(demo.url)
        try:
            foreign = await _camera_of_town(dispatcher, 2)
        finally:
            await dispatcher.aclose()
        with pytest.raises(errors.NotFoundError):  # as camera_one: another town's camera does not exist
            await desk.recordings(foreign.id, start, end)
        with pytest.raises(errors.NotFoundError):
            await desk.open_playback([foreign.id], start + timedelta(days=6))
        with pytest.raises(errors.NotFoundError):
            async for _ in desk.export_stream(foreign.id, end - timedelta(hours=1), end - timedelta(minutes=59)):
                pass
        headers = await desk.auth_headers()
        path = f"/api/v1/cameras/{own.id}/recordings"
        # a malformed time is 400; two good times that make no window (backwards, too long) are 409
        # bad_range: the schema cannot say "start < end", and a schema-valid request is not a 400
        for params, why, status in [
            ({"start": (end - timedelta(days=9)).isoformat(), "end": end.isoformat()}, "days", 409),
            ({"start": end.isoformat(), "end": start.isoformat()}, "before", 409),
            ({"start": end.isoformat(), "end": end.isoformat()}, "before", 409),
            ({"start": "2026-12-01T00:00:00", "end": end.isoformat()}, "offset", 400),
            ({"start": "yesterday", "end": end.isoformat()}, "RFC 3339", 400),
            ({"end": end.isoformat()}, "required", 400),
        ]:
            r = await desk.http.get(path, params=params, headers=headers)
            assert r.status_code == status, params
            assert why in r.json()["error"]["message"]
    finally:
        await desk.aclose()


# --------------------------------------------------------------------------- sessions and media


async def test_playback_shows_the_time_asked_for_and_seek_lands_on_the_second(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 5)
        tl = await client.recordings(cam.id, *_week())
        at = _recorded_moment(tl)
        opened = time.monotonic()
        state = await client.open_playback([cam.id], at)
        assert state.streams[0].recording and state.speed == 1 and not state.paused
        assert 0 < state.expires_in <= 60
        url = state.streams[0].urls[s.Transport.HTTP_TS]
        assert "ticket=" in url
        target = at - timedelta(hours=2)
        stop = threading.Event()
        seen: list[tuple[float, datetime | None, bool]] = []
        seek_sent: list[float] = []

        def read() -> None:
            for item in _frames(url, stop):
                seen.append(item)

        reader = threading.Thread(target=read)
        reader.start()
        try:
            async def first_frame() -> None:
                while not seen:
                    await asyncio.sleep(0.05)
            await asyncio.wait_for(first_frame(), 20)
            arrival, tc, key = seen[0]
            assert key and tc is not None
            assert at - timedelta(seconds=1) <= tc <= at + timedelta(seconds=arrival - opened + 1)
            # seek: the stream goes on, and its next GOP starts at the new time (key frame first)
            await client.control_playback(state.id, "seek", at=target)
            seek_sent.append(time.monotonic())

            async def landed() -> None:
                while not any(t is not None and abs((t - target).total_seconds()) < 3 for _a, t, _k in seen):
                    await asyncio.sleep(0.05)
            await asyncio.wait_for(landed(), 20)
            await asyncio.sleep(0.5)
        finally:
            stop.set()
            await asyncio.to_thread(reader.join, 20)
        i = next(i for i, (_a, t, _k) in enumerate(seen) if t is not None and abs((t - target).total_seconds()) < 3)
        arrival, tc, key = seen[i]
        assert key, "a seek starts a new GOP"
        assert tc is not None
        assert target - timedelta(seconds=1) <= tc <= target + timedelta(seconds=arrival - seek_sent[0] + 1)
        after = [t for _a, t, _k in seen[i:] if t is not None]
        assert after == sorted(after) and all(t < target + timedelta(seconds=5) for t in after)
        await client.close_playback(state.id)
        with pytest.raises(errors.NotFoundError):
            await client.playback_state(state.id)
    finally:
        await client.aclose()


def _sync_spread(urls: list[str], seconds: float) -> tuple[float, int]:
    """The largest spread (s of recording time) between the streams' latest time codes, sampled as
    frames arrive over ``seconds`` of wall time; and how many samples."""
    latest: dict[int, tuple[float, float]] = {}
    lock = threading.Lock()
    stop = threading.Event()
    spreads: list[float] = []

    def read(i: int, url: str) -> None:
        for arrival, tc, _key in _frames(url, stop):
            if tc is None:
                continue
            with lock:
                latest[i] = (arrival, tc.timestamp())
                if len(latest) == len(urls):
                    vals = [v for _a, v in latest.values()]
                    spreads.append(max(vals) - min(vals))

    threads = [threading.Thread(target=read, args=(i, u)) for i, u in enumerate(urls)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(spreads) < 5:
        time.sleep(0.05)
    spreads.clear()  # from here on every stream is running
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(20)
    return (max(spreads) if spreads else float("inf")), len(spreads)


async def test_four_streams_of_one_session_stay_within_a_second_at_1x_and_4x(demo) -> None:
    client = await _login(demo.url)
    try:
        cams = [await _camera_of_town(client, t) for t in (6, 7, 8, 9)]
        tl = await client.recordings(cams[0].id, *_week())
        at = _recorded_moment(tl, 300)
        # no gap in any of the four around `at`: start where all four record
        for c in cams:
            ctl = await client.recordings(c.id, at, at + timedelta(minutes=2))
            if len(ctl.ranges) != 1 or ctl.ranges[0].start != at:
                at = at - timedelta(hours=1)
        state = await client.open_playback([c.id for c in cams], at)
        urls = [x.urls[s.Transport.HTTP_TS] for x in state.streams]
        spread, n = await asyncio.to_thread(_sync_spread, urls, 5.0)
        assert n > 20 and spread <= 1.0, (spread, n)
        state = await client.control_playback(state.id, "speed", speed=4)
        assert state.speed == 4
        spread4, n4 = await asyncio.to_thread(_sync_spread, urls, 5.0)  # 20 s of recording
        assert n4 > 20 and spread4 <= 1.0, (spread4, n4)
        # above 4x: key frames only
        state = await client.control_playback(state.id, "speed", speed=8)
        keys = []
        for _arrival, _tc, key in _frames(urls[0]):
            keys.append(key)
            if len(keys) == 10:
                break
        assert all(keys)
        await client.close_playback(state.id)
    finally:
        await client.aclose()


async def test_a_gap_shows_the_no_recording_card_and_the_stream_flows(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 10)
        tl = await client.recordings(cam.id, *_week())
        g0, g1 = _gap(tl)
        mid = g0 + (g1 - g0) / 2
        state = await client.open_playback([cam.id], mid)
        assert not state.streams[0].recording
        frames: list[datetime | None] = []
        for _a, tc, _k in _frames(state.streams[0].urls[s.Transport.HTTP_TS]):
            frames.append(tc)
            if len(frames) == 15:
                break
        assert frames == [None] * 15  # frames keep coming, none with a time code
        # pause keeps the connection alive, the picture stays
        await client.control_playback(state.id, "seek", at=g0 - timedelta(seconds=30))
        paused = await client.control_playback(state.id, "pause")
        assert paused.paused and paused.streams[0].recording
        p1 = (await client.playback_state(state.id)).position
        await asyncio.sleep(0.3)
        assert (await client.playback_state(state.id)).position == p1
        resumed = await client.control_playback(state.id, "resume")
        assert not resumed.paused
        await client.close_playback(state.id)
    finally:
        await client.aclose()


async def test_playback_validation_ownership_and_logout(demo) -> None:
    client = await _login(demo.url)
    other = await _login(demo.url, "town01", "desk123")
    try:
        cam = await _camera_of_town(other, 1)
        at = datetime.now(UTC) - timedelta(hours=1)
        headers = await client.auth_headers()
        r = await client.http.post("/api/v1/playback", headers=headers,
                                   content=msgspec.json.encode({"camera_ids": [cam.id], "at": at.isoformat(), "speed": 3}))
        assert r.status_code == 422 and "speed" in r.json()["error"]["message"]
        r = await client.http.post("/api/v1/playback", headers=headers,
                                   content=msgspec.json.encode({"camera_ids": [], "at": at.isoformat()}))
        assert r.status_code == 400
        r = await client.http.post("/api/v1/playback", headers=headers,
                                   content=msgspec.json.encode({"camera_ids": [cam.id] * 17, "at": at.isoformat()}))
        assert r.status_code == 400
        state = await client.open_playback([cam.id], at)
        r = await client.http.post(f"/api/v1/playback/{state.id}/control", headers=headers,
                                   content=msgspec.json.encode({"action": "seek"}))
        assert r.status_code == 422 and "at" in r.json()["error"]["message"]
        r = await client.http.post(f"/api/v1/playback/{state.id}/control", headers=headers,
                                   content=msgspec.json.encode({"action": "speed", "speed": 32}))
        assert r.status_code in (400, 422)
        # another login's session does not exist for it
        with pytest.raises(errors.NotFoundError):
            await other.playback_state(state.id)
        with pytest.raises(errors.NotFoundError):
            await other.control_playback(state.id, "pause")
        # a ticket opens only its own camera's stream
        url = state.streams[0].urls[s.Transport.HTTP_TS]
        async with httpx.AsyncClient() as h:
            bad = url.replace("ticket=", "ticket=x")
            assert (await h.get(bad)).status_code == 401
        # logging out closes the login's sessions
        mine = await other.open_playback([cam.id], at)
        await other.logout()
        again = await _login(demo.url, "town01", "desk123")
        try:
            with pytest.raises(errors.NotFoundError):
                await again.playback_state(mine.id)
        finally:
            await again.aclose()
        await client.close_playback(state.id)
    finally:
        await client.aclose()
        await other.aclose()


# --------------------------------------------------------------------------- export


async def test_export_carries_the_recorded_frames_and_leaves_gaps_out(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 11)
        tl = await client.recordings(cam.id, *_week())
        g0, _g1 = _gap(tl)
        start = g0 - timedelta(seconds=4)
        end = g0 + timedelta(seconds=4)  # the second half is in the gap
        buf = bytearray()
        async for chunk in client.export_stream(cam.id, start, end, "sub"):
            buf += chunk
        with av.open(io.BytesIO(bytes(buf))) as c:
            codes = [read_timecode(f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
        assert all(t is not None for t in codes)
        times = [t.timestamp() for t in codes if t is not None]
        assert times == sorted(times)
        assert abs(times[0] - start.timestamp()) <= 0.1
        assert times[-1] < g0.timestamp() and g0.timestamp() - times[-1] <= 0.2
        assert 35 <= len(times) <= 41  # 4 s at 10 fps
        # presenters may play but not export
        presenter = await _login(demo.url, "presenter", "present123")
        try:
            with pytest.raises(errors.ForbiddenError):
                async for _ in presenter.export_stream(cam.id, start, end):
                    pass
            headers = await client.auth_headers()
            r = await client.http.get(f"/api/v1/cameras/{cam.id}/export", headers=headers,
                                      params={"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()})
            assert r.status_code == 409 and r.json()["error"]["code"] == "bad_range"
            with pytest.raises(errors.NotFoundError):  # all in the gap: nothing recorded
                async for _ in client.export_stream(cam.id, g0 + timedelta(seconds=1), g0 + timedelta(seconds=2)):
                    pass
        finally:
            await presenter.aclose()
    finally:
        await client.aclose()


# --------------------------------------------------------------------------- bookmarks


async def _next_event(client: PlatformClient, ready: asyncio.Event, kind: str) -> dict:
    """The data of the next ``kind`` event on the client's event stream (``ready`` once it listens)."""
    headers = await client.auth_headers()
    async with client.http.stream("GET", "/api/v1/events", headers=headers, timeout=30) as resp:
        event = None
        async for line in resp.aiter_lines():
            ready.set()  # the first line ("retry:") comes after the server subscribed us
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == kind:
                return dict(msgspec.json.decode(line[6:]))
    raise AssertionError("the event stream ended")


async def test_bookmarks_crud_scope_and_events(demo) -> None:
    desk = await _login(demo.url, "town01", "desk123")
    desk2 = await _login(demo.url, "town02", "desk123")
    dispatcher = await _login(demo.url)
    presenter = await _login(demo.url, "presenter", "present123")
    try:
        cam = await _camera_of_town(desk, 1)
        start = datetime.now(UTC) - timedelta(hours=3)
        ready = asyncio.Event()
        waiter = asyncio.create_task(_next_event(dispatcher, ready, "bookmark.created"))
        await asyncio.wait_for(ready.wait(), 20)
        b = await desk.create_bookmark(cam.id, start, start + timedelta(minutes=2), "白色面包车 in the gate")
        assert b.author == "town01" and b.note == "白色面包车 in the gate" and b.camera_id == cam.id
        created = await asyncio.wait_for(waiter, 20)
        assert created["bookmark"]["id"] == b.id
        assert b.id in {x.id for x in await desk.bookmarks(cam.id)}
        assert b.id in {x.id for x in await desk.bookmarks(start=start + timedelta(minutes=1),
                                                             end=start + timedelta(minutes=5))}
        assert b.id not in {x.id for x in await desk.bookmarks(start=start + timedelta(minutes=3))}
        assert b.id in {x.id for x in await presenter.bookmarks()}  # presenters list them
        assert b.id not in {x.id for x in await desk2.bookmarks()}  # another town does not see it
        with pytest.raises(errors.NotFoundError):
            await desk2.delete_bookmark(b.id)
        with pytest.raises(errors.ForbiddenError):
            await presenter.create_bookmark(cam.id, start, start + timedelta(minutes=1), "x")
        with pytest.raises(errors.ForbiddenError):
            await presenter.delete_bookmark(b.id)
        headers = await desk.auth_headers()
        r = await desk.http.post("/api/v1/bookmarks", headers=headers, content=msgspec.json.encode(
            {"camera_id": cam.id, "start": start.isoformat(), "end": start.isoformat(), "note": ""}))
        assert r.status_code == 409 and r.json()["error"]["code"] == "bad_range"
        r = await desk.http.post("/api/v1/bookmarks", headers=headers, content=msgspec.json.encode(
            {"camera_id": cam.id, "start": start.isoformat(), "end": (start + timedelta(minutes=1)).isoformat(),
             "note": "x" * 1001}))
        assert r.status_code == 400
        ready = asyncio.Event()
        waiter = asyncio.create_task(_next_event(desk, ready, "bookmark.deleted"))
        await asyncio.wait_for(ready.wait(), 20)
        await dispatcher.delete_bookmark(b.id)  # a dispatcher may delete anyone's
        deleted = await asyncio.wait_for(waiter, 20)
        assert deleted["bookmark_id"] == b.id and deleted["camera_id"] == cam.id
        assert b.id not in {x.id for x in await desk.bookmarks()}
    finally:
        for c in (desk, desk2, dispatcher, presenter):
            await c.aclose()


async def test_playback_over_rtsp_shows_the_time_and_follows_a_seek(demo) -> None:
    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 12)
        tl = await client.recordings(cam.id, *_week())
        at = _recorded_moment(tl)
        state = await client.open_playback([cam.id], at)
        url = state.streams[0].urls[s.Transport.RTSP]
        target = at - timedelta(hours=3)

        def read() -> tuple[datetime | None, datetime | None]:
            first = None
            with av.open(url, options={"rtsp_transport": "tcp"}, timeout=10) as c:
                for frame in c.decode(video=0):
                    tc = read_timecode(frame.to_ndarray(format="rgb24"))
                    if first is None:
                        first = tc
                        httpx.post(f"{demo.url}/api/v1/playback/{state.id}/control", headers=headers,
                                   json={"action": "seek", "at": target.isoformat()}, timeout=30).raise_for_status()
                    elif tc is not None and abs((tc - target).total_seconds()) < 3:
                        return first, tc
            return first, None

        headers = await client.auth_headers()
        first, landed = await asyncio.wait_for(asyncio.to_thread(read), 60)
        assert first is not None and at - timedelta(seconds=1) <= first <= at + timedelta(seconds=10)
        assert landed is not None
        bad = url.replace("ticket=", "ticket=x")
        with pytest.raises(av.error.HTTPUnauthorizedError):
            av.open(bad, options={"rtsp_transport": "tcp"}, timeout=10)
        await client.close_playback(state.id)
    finally:
        await client.aclose()


@pytest.fixture(scope="module")
def vlc_instance() -> Iterator[Any]:
    vlc = pytest.importorskip("vlc")
    from controlroom.video.vlc_options import instance_args

    instance = vlc.Instance(instance_args(headless=True))
    assert instance is not None, "libVLC could not start"
    yield instance
    instance.release()


def _vlc_time(probe: Any) -> datetime | None:
    w, h, data = probe.latest_frame()
    if not w or not h:
        return None
    bgra = np.frombuffer(data, np.uint8, count=w * h * 4).reshape(h, w, 4)
    return read_timecode(np.ascontiguousarray(bgra[:, :, 2::-1]))


async def test_real_libvlc_shows_the_time_asked_for_and_a_seek_lands_on_the_second(demo, vlc_instance) -> None:
    from controlroom.video.probe import play_url

    client = await _login(demo.url)
    try:
        cam = await _camera_of_town(client, 13)
        tl = await client.recordings(cam.id, *_week())
        at = _recorded_moment(tl)
        opened = time.monotonic()
        state = await client.open_playback([cam.id], at)
        session = play_url(state.streams[0].urls[s.Transport.HTTP_TS], s.Transport.HTTP_TS, vlc_instance, max_width=320)
        try:
            async def shown(cond: Any) -> datetime:
                while True:
                    t = _vlc_time(session.probe)
                    if t is not None and cond(t):
                        return t
                    await asyncio.sleep(0.05)

            first = await asyncio.wait_for(shown(lambda t: True), 30)
            assert at - timedelta(seconds=1) <= first <= at + timedelta(seconds=time.monotonic() - opened + 1)
            target = at - timedelta(hours=1)
            sent = time.monotonic()
            await client.control_playback(state.id, "seek", at=target)
            landed = await asyncio.wait_for(shown(lambda t: abs((t - target).total_seconds()) < 30), 30)
            assert target - timedelta(seconds=1) <= landed <= target + timedelta(seconds=time.monotonic() - sent + 1)
        finally:
            session.close()
        await client.close_playback(state.id)
    finally:
        await client.aclose()
