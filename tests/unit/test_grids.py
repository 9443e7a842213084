"""controlroom.grids: counts per town, projection, neighbours, wall sizing, staleness (no Qt)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from controlroom import grids as G
from controlroom.api.schema import Transport
from controlroom.demo.network import CENTRE_LAT, CENTRE_LON, build_network
from controlroom.inventory import Inventory
from controlroom.wall.controller import WallController


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    net = build_network(lambda cid, p: {Transport.HTTP_TS: f"http://127.0.0.1:1/{cid}/{p}.ts"})
    inv = Inventory()
    inv.replace(net.sites, net.cameras, net.grids, version=1)
    return inv


def test_counts_per_town_and_names(inventory: Inventory) -> None:
    counts = G.status_counts(inventory)
    assert set(counts) == set(range(1, 16))
    assert sum(c.total() for c in counts.values()) == 1080
    assert all(set(c) == set(G.STATUS_ORDER) for c in counts.values())
    names = G.town_names(inventory)
    assert names[3] == "武台镇" and names[1] == "平邑街道" and len(names) == 15
    online, total = G.online_rate(inventory)
    assert total == 28_500 and 0.9 * total < online <= total


def test_projection_is_equirectangular_around_the_centre() -> None:
    p = G.Projection.around([(117.0, 35.0), (118.0, 36.0)])
    assert (p.lon0, p.lat0) == (117.5, 35.5)
    x, y = p.to_xy(118.0, 35.5)
    assert x == pytest.approx(0.5 * 111.32 * math.cos(math.radians(35.5)))
    assert y == 0
    assert p.to_lonlat(*p.to_xy(117.2, 35.9)) == pytest.approx((117.2, 35.9))
    assert G.Projection.around([]) == G.Projection(0.0, 0.0)


def test_demo_geometry_is_county_sized(inventory: Inventory) -> None:
    geo = G.GridGeometry.build(inventory.grids.values())
    assert geo.projection.lon0 == pytest.approx(CENTRE_LON, abs=0.05)
    assert geo.projection.lat0 == pytest.approx(CENTRE_LAT, abs=0.05)
    x0, y0, x1, y1 = geo.bounds()
    assert 35 < x1 - x0 < 60 and 35 < y1 - y0 < 60  # about 50 km across


def square(x: float, y: float, side: float = 1.0) -> list[tuple[float, float]]:
    return [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]


def test_neighbours_by_shared_edges_then_nearest() -> None:
    # real polygons: a 3x3 block of 1 km squares sharing edges, and one far away
    geo = G.GridGeometry(G.Projection(0, 0), {
        f"{r}{c}": G._shape(square(c, r)) for r in range(3) for c in range(3)
    })
    geo.shapes["far"] = G._shape(square(50, 50))
    assert sorted(geo.neighbours("11")) == ["00", "01", "02", "10", "12", "20", "21", "22"]  # corners touch too
    assert sorted(geo.neighbours("00")) == ["01", "10", "11"]
    assert geo.neighbours("far") == []  # nothing within reach
    # separated polygons (the demo's): the nearest make up the number
    sparse = G.GridGeometry(G.Projection(0, 0), {
        "a": G._shape(square(0, 0)), "b": G._shape(square(2, 0)), "c": G._shape(square(0, 2.5)),
        "d": G._shape(square(3.8, 0)), "e": G._shape(square(20, 0)),
    })
    assert sparse.neighbours("a", at_least=2) == ["b", "c"]
    assert sparse.neighbours("a", at_least=3) == ["b", "c", "d"]
    assert G.gap(G._shape(square(0, 0, 4)), G._shape(square(1, 1))) == 0  # one inside the other


def test_tiles_for_and_put_on_wall(inventory: Inventory) -> None:
    assert [G.tiles_for(n) for n in (1, 2, 5, 9, 11, 13, 14, 40, 64, 65, 500)] == [
        1, 4, 6, 9, 13, 13, 16, 64, 64, 64, 64]
    wall = WallController(inventory)
    wall.fill(0, list(inventory.cameras)[:9])
    grid = next(g for g in inventory.grids.values() if len(inventory.grid_cameras(g.id)) == 11)
    ids = G.grid_camera_ids(inventory, grid.id)
    done = G.put_on_wall(wall, ids)
    assert done == G.WallPut(13, 11, 0)
    assert [s.camera_id for s in wall.tiles] == [*ids, None, None]  # leftover tiles emptied
    many = list(inventory.cameras)[:100]
    assert G.put_on_wall(wall, many) == G.WallPut(64, 64, 36)
    assert G.put_on_wall(wall, []) == G.WallPut(0, 0, 0) and len(wall.layout) == 64
    # issue 9 item 3: the operator's 9 tiles were overwritten by the grid's 64; now they come back
    assert wall.incident is not None
    wall.leave_incident()
    assert len(wall.layout) == 9 and [s.camera_id for s in wall.tiles] == list(inventory.cameras)[:9]


def test_incident_cameras_own_first(inventory: Inventory) -> None:
    geo = G.GridGeometry.build(inventory.grids.values())
    gid = next(iter(inventory.grids))
    ids, around = G.incident_camera_ids(inventory, geo, gid)
    own = G.grid_camera_ids(inventory, gid)
    assert ids[: len(own)] == own and len(around) >= 3 and len(ids) == len(set(ids))


def test_stale_clock_and_ages() -> None:
    clock = G.StaleClock()
    assert not clock.update("connected", 0) and not clock.stale
    assert clock.update("reconnecting", 10.0) and clock.stale
    assert not clock.update("reconnecting", 11.0)  # still since 10
    assert not clock.update("loading", 15.0)  # a resync under way: still stale
    assert clock.age(22.5) == 12.5
    assert clock.update("connected", 23.0) and not clock.stale and clock.age(30) == 0
    assert [G.age_parts(s) for s in (0, 12.9, 60, 3599, 7300)] == [
        (0, "s"), (12, "s"), (1, "min"), (59, "min"), (2, "h")]


def test_alerts_per_hour() -> None:
    counts = G.HourlyCounts(24)
    now = datetime(2026, 5, 1, 12, 30, tzinfo=UTC)
    assert counts.add("a", now - timedelta(minutes=10))
    assert not counts.add("a", now - timedelta(minutes=10)), "a replayed alert counts once"
    counts.add("b", now - timedelta(hours=2))
    counts.add("c", now - timedelta(hours=30))  # older than the chart
    series = counts.series(now)
    assert len(series) == 24 and series[-1] == (datetime(2026, 5, 1, 12, tzinfo=UTC), 1)
    assert series[-3][1] == 1 and sum(n for _h, n in series) == 2
    assert counts.series(now)[0][1] == 0
