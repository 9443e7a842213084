"""The platform client against a hostile platform: bounded bodies, deadlines, distrusted totals, bad records.

Each test fails before its fix: an endless body grew the app without end, a
dripping login never finished, a claimed ``total: 1000000000`` planned half
a million page requests, and one bad camera rejected the whole inventory.
"""

from __future__ import annotations

import resource

import pytest
from hostile_platform import LONG_NAME, hostile_server

from controlroom.api import errors
from controlroom.api.client import PlatformClient, RequestLimits, SkippedRecord


async def _login(url: str, limits: RequestLimits | None = None) -> PlatformClient:
    client = PlatformClient(url, limits=limits, retries=0)
    await client.login("dispatcher", "x")
    return client


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def test_an_endless_body_is_cut_off_at_the_limit() -> None:
    with hostile_server(endless_cameras=True) as srv:
        client = await _login(srv.url, RequestLimits(max_body_bytes=8_000_000, deadline=120))
        before = _peak_rss_mb()
        try:
            with pytest.raises(errors.TooLargeError) as info:
                await client.cameras()
        finally:
            await client.aclose()
    assert str(info.value) == "The platform sent more than 8 MB for GET /api/v1/cameras."
    assert info.value.limit == 8_000_000
    # the body is dropped, not kept: the peak grew by about the limit, not without end
    assert _peak_rss_mb() - before < 100


async def test_a_dripping_login_hits_the_overall_deadline() -> None:
    # one byte a second: httpx's read timeout (15 s between bytes) never fires
    with hostile_server(drip_login=True) as srv:
        client = PlatformClient(srv.url, limits=RequestLimits(deadline=2.0))
        try:
            with pytest.raises(errors.DeadlineError) as info:
                await client.login("dispatcher", "x")
        finally:
            await client.aclose()
    assert str(info.value) == "The platform did not answer within 2 s (POST /api/v1/auth/login)."
    assert isinstance(info.value, errors.NetworkError)


async def test_an_absurd_total_costs_nothing() -> None:
    with hostile_server(cameras=300, total=1_000_000_000) as srv:
        client = await _login(srv.url)
        seen: list[tuple[int, int]] = []
        try:
            cameras, _ = await client.cameras(lambda done, total: seen.append((done, total)))
        finally:
            await client.aclose()
    assert len(cameras) == 300
    # progress says what arrived; a total above the cap is not shown at all
    assert seen and all(total in (0, done) or total <= 100_000 for done, total in seen)
    assert seen[-1][0] == 300
    assert all(total != 1_000_000_000 for _, total in seen)


async def test_paging_stops_at_the_item_cap() -> None:
    # a list longer than the cap is refused in words, after at most cap items' work
    with hostile_server(cameras=3000) as srv:
        client = await _login(srv.url, RequestLimits(max_items=2500))
        try:
            with pytest.raises(errors.PayloadError) as info:
                await client.cameras()
        finally:
            await client.aclose()
    assert "more than 2,500 items" in str(info.value)


async def test_one_bad_camera_is_skipped_and_reported() -> None:
    with hostile_server(cameras=3000, long_name=True) as srv:
        client = await _login(srv.url)
        skipped: list[SkippedRecord] = []
        try:
            cameras, _ = await client.cameras(skipped=skipped)
        finally:
            await client.aclose()
    assert len(cameras) == 2999
    assert all(c.name != LONG_NAME for c in cameras)
    assert len(skipped) == 1
    bad = skipped[0]
    assert bad.index == 1500 and bad.id is not None and len(bad.id) == 20
    assert "length <= 200" in bad.reason and "$.name" in bad.reason


async def test_one_percent_bad_records_loses_only_those() -> None:
    with hostile_server(cameras=5000, bad_fraction=0.01) as srv:
        client = await _login(srv.url)
        skipped: list[SkippedRecord] = []
        try:
            cameras, _ = await client.cameras(skipped=skipped)
        finally:
            await client.aclose()
    assert len(skipped) == 50 and len(cameras) == 4950
    assert {r.index for r in skipped} == set(range(50, 5000, 100))
    assert any("Expected `bool`" in r.reason for r in skipped)
    assert any("length <= 200" in r.reason for r in skipped)


async def test_error_bodies_are_bounded_too() -> None:
    with hostile_server(markup=True) as srv:
        client = await _login(srv.url)
        try:
            with pytest.raises(errors.NotFoundError) as info:
                await client.camera("37132603001310000001")
        finally:
            await client.aclose()
    assert "H1-ERROR" in info.value.detail


def test_a_load_pauses_the_collector_and_a_closed_session_thaws_it() -> None:
    import gc

    from controlroom.api.client import quiet_gc, thaw_gc

    assert gc.isenabled()
    with quiet_gc():
        assert not gc.isenabled()  # no full collection walks the cameras while they arrive
        with quiet_gc():  # a resync during a load
            pass
        assert not gc.isenabled()
        kept = [object() for _ in range(10)]
    assert gc.isenabled() and gc.get_freeze_count() > 0  # the inventory is out of the collector's way
    thaw_gc()
    assert gc.get_freeze_count() == 0
    assert kept
