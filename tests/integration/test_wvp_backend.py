"""The wvp-GB28181-pro backend against the WVP test double (tests/wvp_platform), real video included.

The double stands in for WVP (Java, a database, Redis, ZLMediaKit and GB/T 28181
devices cannot run here); it answers with WVP's own shapes and envelopes. The
video is real: the demo's media server in the double's process, played through
real libVLC.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from waiting import async_wait_until, wait_until
from wvp_platform import COUNTY, Channel, Region, WvpThread, add_alarm, build_network

from controlroom.api import errors
from controlroom.api.schema import AlertKind, PtzAction, PtzCommand, Severity, Tier, Transport
from controlroom.backends.base import Backend, Capability
from controlroom.backends.wvp import UNASSIGNED_SITE, WvpBackend, md5_hex, site_id_for
from controlroom.demo.media.clips import Clip, ensure_clips
from controlroom.paths import cache_dir


@pytest.fixture(scope="module")
def clips() -> list[Clip]:
    return ensure_clips(cache_dir() / "demo-clips")  # shared with the demo platform


@pytest.fixture
def wvp(clips: list[Clip]) -> Iterator[WvpThread]:
    state = build_network(channels=24, towns=3, villages_per_town=2)
    state.play_timeout = 0.3  # 收流超时 comes quickly in tests (WVP: 10 s)
    state.channels[1].online = False
    state.users["op"] = md5_hex("秘密 pass")
    double = WvpThread(state, clips)
    yield double
    double.stop()
    assert not double.thread.is_alive()


@pytest.fixture
async def backend(wvp: WvpThread) -> Any:
    b = WvpBackend(wvp.url, page_size=7)  # small pages: paging is exercised
    yield b
    await b.aclose()


@pytest.fixture(scope="module")
def vlc_instance() -> Iterator[Any]:
    vlc = pytest.importorskip("vlc")
    from controlroom.video.vlc_options import instance_args

    instance = vlc.Instance(instance_args(headless=True))
    assert instance is not None, "libVLC could not start"
    yield instance
    instance.release()


def channel(wvp: WvpThread, index: int) -> Channel:
    return wvp.state.channels[index]


async def test_login_md5_and_a_wrong_password_in_words(backend: WvpBackend, wvp: WvpThread) -> None:
    assert isinstance(backend, Backend)
    assert Capability.PTZ in backend.capabilities and Capability.ALERT_ACK not in backend.capabilities
    with pytest.raises(errors.AuthError) as caught:
        await backend.login("op", "wrong")
    assert caught.value.message == "The platform refused the user name or password."
    assert "用户名或密码错误" in caught.value.detail  # WVP's own words kept as detail
    me = await backend.login("op", "秘密 pass")  # the double stores only the md5, as WVP does
    assert me.username == "op" and wvp.state.logins == 1


async def test_calls_before_login_and_unknown_paths(backend: WvpBackend, wvp: WvpThread) -> None:
    with pytest.raises(errors.AuthError):
        await backend.inventory()
    await backend.login("admin", "admin")
    with pytest.raises(errors.NotFoundError):
        await backend._call("/api/no/such/thing", {}, what="probe")


async def test_error_envelopes_become_messages(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    await backend.inventory()
    # a channel WVP no longer knows: HTTP 200, code 100 "通道不存在"
    gone = channel(wvp, 5)
    wvp.state.channels.remove(gone)
    wvp.state.index()
    with pytest.raises(errors.PlatformError) as caught:
        await backend.play(gone.gbDeviceId)
    assert caught.value.message == "The platform refused the request."
    assert "code 100" in caught.value.detail and "通道不存在" in caught.value.detail


async def test_expired_token_logs_in_again(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    # revoked (or expired early) on the platform: the 401 leads to one new login, the call succeeds
    wvp.state.revoked.add(backend._token or "")
    inv = await backend.inventory()
    assert len(inv.cameras) == 24
    assert wvp.state.logins == 2 and wvp.state.unauthorized >= 1
    # a short-lived token: a new login before it expires, with no 401 on the way
    wvp.state.token_seconds = 1.0
    await backend.login("admin", "admin")
    unauthorized, logins = wvp.state.unauthorized, wvp.state.logins
    await async_wait_until(lambda: time.monotonic() >= backend._renew_at, "the renewal time")
    await backend.inventory()
    assert wvp.state.logins == logins + 1
    assert wvp.state.unauthorized == unauthorized


async def test_inventory_maps_civil_codes_and_channels(backend: WvpBackend, wvp: WvpThread) -> None:
    st = wvp.state
    st.regions.insert(0, Region(900, "37", "山东省", None, None))  # above the county: not a site
    st.channels.append(Channel(5000, "not-a-gb-id", "坏通道", f"{COUNTY}001"))
    st.channels.append(Channel(5001, f"{COUNTY}00001329999999", "无区划", "999999001", online=False))
    st.index()
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    tiers = [s.tier for s in inv.sites]
    assert tiers.count(Tier.COUNTY) == 2  # the county and "Channels without a region"
    assert tiers.count(Tier.TOWN) == 3 and tiers.count(Tier.VILLAGE) == 6
    county = site_id_for(COUNTY)
    by_id = {s.id: s for s in inv.sites}
    town1 = by_id[site_id_for(f"{COUNTY}001") or ""]
    assert town1.parent_id == county and town1.town == 1 and town1.name == "第1镇"
    village = by_id[site_id_for(f"{COUNTY}001001") or ""]
    assert village.parent_id == town1.id and village.tier == Tier.VILLAGE and village.town == 1
    cams = {c.id: c for c in inv.cameras}
    assert len(cams) == 25  # 24 + the one without a region; the bad id is reported, not loaded
    assert any("not-a-gb-id" in p for p in inv.problems)
    first = cams[channel(wvp, 0).gbDeviceId]
    assert first.site_id == town1.id and first.ptz and first.online and first.location == (117.6, 35.5)
    assert not cams[channel(wvp, 1).gbDeviceId].online
    assert not cams[channel(wvp, 2).gbDeviceId].ptz  # gbPtzType 3: a fixed camera
    lost = cams[f"{COUNTY}00001329999999"]
    assert lost.site_id == UNASSIGNED_SITE and by_id[UNASSIGNED_SITE].name == "Channels without a region"
    assert [p.name for p in first.streams] == ["main"]


async def test_paging_distrusts_totals_and_repeats(backend: WvpBackend, wvp: WvpThread) -> None:
    wvp.state.total_lie = 3  # PageInfo.total says 3; there are 24
    wvp.state.repeat_last_page = True  # PageHelper "reasonable": past the end is the last page again
    backend.page_size = 6  # 24 channels: four full pages, then page 5 repeats page 4
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    assert len(inv.cameras) == 24
    assert wvp.state.requests["/api/common/channel/list"] <= 5 + 2  # at most two pages ahead, then it stops
    assert any("repeats page 4" in p for p in inv.problems)
    assert "channels: the platform counted 3, sent 24" not in inv.problems  # more than claimed is no loss


async def test_fewer_records_than_counted_are_reported(backend: WvpBackend, wvp: WvpThread) -> None:
    wvp.state.total_lie = 30  # PageInfo.total says 30; there are 24
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    assert len(inv.cameras) == 24
    assert "channels: the platform counted 30, sent 24" in inv.problems


async def test_a_bad_record_is_skipped_in_words_the_rest_loads(backend: WvpBackend, wvp: WvpThread) -> None:
    wvp.state.bad_record = {"gbId": "not a number", "gbDeviceId": f"{COUNTY}00001320999999"}
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    assert len(inv.cameras) == 24
    assert any("channels: a record skipped" in p and "gbId" in p for p in inv.problems)


async def test_a_gateway_error_page_is_a_message(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    wvp.state.gateway_down = True
    with pytest.raises(errors.ServerError) as caught:
        await backend.inventory()
    assert caught.value.message == "The platform had an internal error (HTTP 502)."
    assert "502 Bad Gateway" in caught.value.detail


async def test_answers_are_bounded(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    backend.max_page_body = 2000
    with pytest.raises(errors.PayloadError) as caught:
        await backend.inventory()
    assert "larger than 2000 bytes" in caught.value.detail


async def test_play_real_video_and_stop_on_release(backend: WvpBackend, wvp: WvpThread, vlc_instance: Any) -> None:
    from controlroom.video.probe import play_url

    await backend.login("admin", "admin")
    inv = await backend.inventory()
    cam = next(c for c in inv.cameras if c.id == channel(wvp, 0).gbDeviceId)
    gb_id = channel(wvp, 0).gbId
    lease = await backend.open_stream(cam, "main", [Transport.HTTP_TS, Transport.RTSP])
    second = await backend.open_stream(cam, "main", [Transport.RTSP])  # another tile, same channel
    assert wvp.state.plays[gb_id] == 0  # play on the first url(), not before
    url = await lease.url()
    assert lease.transport is Transport.HTTP_TS and url.startswith("http://127.0.0.1:") and url.endswith(".ts")
    assert wvp.state.plays[gb_id] == 1
    session = play_url(url, Transport.HTTP_TS, vlc_instance)
    try:
        assert session.probe.wait_frames(5, timeout=20), f"only {session.probe.frame_count} frames"
        w, h, _ = session.probe.latest_frame()
        assert w > 0 and h > 0
    finally:
        session.close()
    assert (await second.url()).startswith("rtsp://") and second.transport is Transport.RTSP
    await lease.release()
    assert wvp.state.stops[gb_id] == 0  # the other tile still watches
    await second.release()
    await lease.release()  # idempotent
    assert wvp.state.stops[gb_id] == 1 and gb_id not in wvp.state.playing
    with pytest.raises(errors.PlatformError):
        await lease.url()


async def test_stream_timeout_is_a_message(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    offline = next(c for c in inv.cameras if c.id == channel(wvp, 1).gbDeviceId)
    lease = await backend.open_stream(offline, "main", [Transport.HTTP_TS])
    with pytest.raises(errors.PlatformError) as caught:
        await lease.url()
    assert caught.value.message.startswith("The camera sent no video to the platform in time")
    assert "收流超时" in caught.value.detail and "-2" in caught.value.detail
    await lease.release()
    assert wvp.state.stops[channel(wvp, 1).gbId] == 1


async def test_a_blocking_play_within_and_past_the_deadline(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    await backend.inventory()
    wvp.state.play_delay = 0.5  # WVP blocks until the stream is up
    urls = await backend.play(channel(wvp, 3).gbDeviceId)
    assert set(urls) == {Transport.HTTP_TS, Transport.RTSP}  # null StreamContent fields are not offered
    backend.play_deadline = 0.2
    with pytest.raises(errors.NetworkError) as caught:
        await backend.play(channel(wvp, 4).gbDeviceId)
    assert "no answer within 0.2 s" in caught.value.detail


async def test_no_sub_stream_plays_main(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    cam = next(c for c in inv.cameras if c.id == channel(wvp, 6).gbDeviceId)
    assert [p.name for p in cam.streams] == ["main"]
    lease = await backend.open_stream(cam, "sub", [Transport.HTTP_TS])
    assert lease.profile == "main"  # says what it plays
    assert (await lease.url()).endswith(".ts")
    await lease.release()


async def test_ptz_is_sent_and_presets_are_refused_in_words(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    await backend.inventory()
    cam_id = channel(wvp, 0).gbDeviceId
    result = await backend.ptz(cam_id, PtzCommand(action=PtzAction.ZOOM_IN, speed=0.3))
    assert result.accepted and result.camera_id == cam_id
    await backend.ptz(cam_id, PtzCommand(action=PtzAction.STOP))
    assert wvp.state.ptz == [
        {"channelId": channel(wvp, 0).gbId, "command": "zoomin", "panSpeed": 30, "tiltSpeed": 30, "zoomSpeed": 30},
        {"channelId": channel(wvp, 0).gbId, "command": "stop", "panSpeed": 50, "tiltSpeed": 50, "zoomSpeed": 50},
    ]
    with pytest.raises(errors.PlatformError) as caught:
        await backend.ptz(cam_id, PtzCommand(action=PtzAction.PRESET, preset=3))
    assert "preset" in caught.value.message
    with pytest.raises(errors.NotFoundError):
        await backend.ptz("37132600001329999998", PtzCommand(action=PtzAction.UP))


async def test_alarms_are_polled_as_alerts(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    inv = await backend.inventory()
    cam = channel(wvp, 7)
    add_alarm(wvp.state, cam, "VideoLoss", "视频丢失", at_ms=1_700_000_000_000)
    add_alarm(wvp.state, cam, "ManualVideo", "有人按下报警按钮\u202e", at_ms=1_700_000_060_000)
    first = await backend.poll_alarms()
    assert [a.kind for a in first] == [AlertKind.PATROL_SOS, AlertKind.CAMERA_OFFLINE]  # newest first
    sos = first[0]
    assert sos.severity is Severity.CRITICAL and sos.camera_ids == [cam.gbDeviceId]
    assert sos.site_id == next(c.site_id for c in inv.cameras if c.id == cam.gbDeviceId)
    assert sos.message == "摄像机00007: 有人按下报警按钮" and sos.acknowledged_by is None  # no bidi override
    assert await backend.poll_alarms() == []  # nothing new
    add_alarm(wvp.state, cam, "IntrusionDetection", "入侵")
    assert [a.kind for a in await backend.poll_alarms()] == [AlertKind.GRID_INCIDENT]
    assert len(await backend.alerts()) == 3


async def test_channel_status_is_polled(backend: WvpBackend, wvp: WvpThread) -> None:
    await backend.login("admin", "admin")
    await backend.inventory()
    channel(wvp, 9).online = False
    status = await backend.channel_status()
    assert len(status) == 24
    assert status[channel(wvp, 9).gbDeviceId] is False and status[channel(wvp, 0).gbDeviceId] is True


async def test_closing_the_backend_stops_what_leases_still_hold(wvp: WvpThread) -> None:
    b = WvpBackend(wvp.url)
    await b.login("admin", "admin")
    inv = await b.inventory()
    cam = next(c for c in inv.cameras if c.id == channel(wvp, 2).gbDeviceId)
    lease = await b.open_stream(cam, "main", [Transport.RTSP])
    await lease.url()
    assert channel(wvp, 2).gbId in wvp.state.playing
    await b.aclose()  # the app quits with a tile still open
    assert wvp.state.stops[channel(wvp, 2).gbId] == 1 and not wvp.state.playing
    await lease.release()  # the tile lets go afterwards: nothing more to do, no error
    await b.aclose()
    assert wvp.state.stops[channel(wvp, 2).gbId] == 1
    with pytest.raises(errors.PlatformError) as caught:
        await b.inventory()
    assert caught.value.message == "The connection to the platform is closed."


def test_doctor_reports_a_wvp_platform(wvp: WvpThread) -> None:
    env = {**os.environ, "CONTROLROOM_PASSWORD": "admin"}
    out = subprocess.run(
        [sys.executable, "-m", "controlroom", "doctor", "--platform", f"wvp+{wvp.url}", "--user", "admin", "--json"],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    report = json.loads(out.stdout)
    p = report["platform"]
    assert p["backend"] == "wvp" and p["reachable"] and p["api"] is True
    assert p["login"] == {"ok": True, "user": "admin", "role": "dispatcher", "towns": None}
    counts = p["counts"]
    assert (counts["sites_county"], counts["sites_town"], counts["sites_village"]) == (1, 3, 6)
    assert counts["cameras"] == 24 and counts["cameras_online"] == 23 and counts["grids"] == 0
    assert set(p["streams"]) == {"http-ts", "rtsp"}
    for transport, entry in p["streams"].items():
        assert entry["ok"], (transport, entry)
        assert entry["size"][0] > 0
    assert report["ok"] is True and out.returncode == 0, report["problems"]
    played = [gb for gb, n in wvp.state.plays.items() if n]
    wait_until(lambda: all(wvp.state.stops[gb] >= 1 for gb in played), "the doctor's streams to be stopped")
    assert not wvp.state.playing


def test_doctor_names_a_bad_address() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "controlroom", "doctor", "--platform", "wvp+ftp://x", "--json"],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    report = json.loads(out.stdout)
    assert report["platform"]["backend"] is None and "wvp+http" in report["platform"]["error"]
    assert out.returncode == 1
