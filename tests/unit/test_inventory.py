"""The inventory index: tree queries and batched deltas."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from controlroom.api.schema import CameraStatusEvent, GridStatus, GridStatusEvent, Tier, Transport
from controlroom.demo.network import build_network
from controlroom.inventory import Inventory, InventoryDelta


@pytest.fixture(scope="module")
def net():
    return build_network(lambda c, p: {Transport.HTTP_TS: f"http://127.0.0.1:9/media/{c}/{p}.ts"})


@pytest.fixture
def inv(net) -> Inventory:
    inv = Inventory()
    inv.replace(net.sites, net.cameras, net.grids, 7)
    return inv


def test_tree_and_counts(inv: Inventory) -> None:
    roots = inv.root_sites()
    assert [r.tier for r in roots] == [Tier.COUNTY]
    towns = inv.child_sites(roots[0].id)
    assert len(towns) == 30
    assert len(inv.cameras_under(roots[0].id)) == 28500
    c = inv.counts()
    assert (c.sites_county, c.sites_town, c.sites_village, c.cameras, c.grids) == (1, 30, 515, 28500, 1080)


def test_a_batch_of_events_is_announced_once(inv: Inventory) -> None:
    seen: list[InventoryDelta] = []
    inv.subscribe(seen.append)
    cams = list(inv.cameras.values())[:50]
    grid = next(iter(inv.grids.values()))
    now = datetime.now(UTC)
    batch = [CameraStatusEvent(id=i, at=now, inventory_version=7, camera_id=c.id, online=not c.online) for i, c in enumerate(cams)]
    batch.append(GridStatusEvent(id=99, at=now, inventory_version=7, grid_id=grid.id, status=GridStatus.INCIDENT,
                                 status_reason="火情", cameras_online=1))
    before = [c.online for c in cams]
    inv.apply(batch)
    assert len(seen) == 1
    assert seen[0].cameras == {c.id for c in cams} and seen[0].grids == {grid.id}
    assert [c.online for c in cams] == [not b for b in before]
    assert inv.grids[grid.id].status == GridStatus.INCIDENT
    # an event that changes nothing announces nothing
    inv.apply([CameraStatusEvent(id=100, at=now, inventory_version=7, camera_id=cams[0].id, online=cams[0].online)])
    assert len(seen) == 1


def test_a_broken_listener_does_not_stop_the_others(inv: Inventory) -> None:
    calls: list[int] = []

    def broken(_d: InventoryDelta) -> None:
        raise RuntimeError("boom")

    inv.subscribe(broken)
    unsubscribe = inv.subscribe(lambda d: calls.append(1))
    inv.replace([], [], [], 8)
    assert calls == [1]
    unsubscribe()
    inv.replace([], [], [], 9)
    assert calls == [1]
