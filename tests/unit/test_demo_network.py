"""The demo network: Pingyi's size and shape, valid wire types, stable ids."""

from __future__ import annotations

from collections import Counter

import msgspec
import pytest

from controlroom.api.schema import (
    TYPE_CAMERA,
    TYPE_CENTRE,
    TYPE_VIRTUAL_ORG,
    Camera,
    CameraKind,
    ConferenceRoom,
    Grid,
    GridStatus,
    Role,
    Site,
    SiteKind,
    Tier,
    Transport,
)
from controlroom.demo.network import (
    TOWNS,
    Network,
    build_network,
    cameras_for_scope,
    grids_for_scope,
    in_scope,
    sites_for_scope,
    town_of_id,
)


def fake_urls(camera_id: str, profile: str) -> dict[Transport, str]:
    return {
        Transport.RTSP: f"rtsp://127.0.0.1:1/media/{camera_id}/{profile}",
        Transport.HTTP_TS: f"http://127.0.0.1:2/media/{camera_id}/{profile}.ts",
    }


@pytest.fixture(scope="module")
def net() -> Network:
    return build_network(fake_urls)


def _wire(net: Network) -> bytes:
    return msgspec.json.encode(
        {
            "sites": net.sites,
            "cameras": net.cameras,
            "grids": net.grids,
            "rooms": net.rooms,
            "users": [u.to_user() for u in net.users],
            "passwords": [u.password for u in net.users],
            "stream_index": net.stream_index,
        }
    )


def test_exact_counts(net: Network) -> None:
    tiers = Counter(s.tier for s in net.sites)
    assert tiers == {Tier.COUNTY: 1, Tier.TOWN: 30, Tier.VILLAGE: 515}
    assert len(net.grids) == 1080
    assert len(net.cameras) == 28_500
    kinds = Counter(s.kind for s in net.sites)
    assert kinds == {
        SiteKind.DISPATCH_CENTRE: 1,
        SiteKind.POLICE_STATION: 15,
        SiteKind.POLICE_OFFICE: 15,
        SiteKind.VILLAGE: 515,
    }
    counts = net.counts()
    assert (counts.sites_county, counts.sites_town, counts.sites_village) == (1, 30, 515)
    assert (counts.cameras, counts.grids) == (28_500, 1080)


def test_site_tree(net: Network) -> None:
    county = net.county
    assert county.name == "平邑县社会治安指挥中心"
    assert county.tier is Tier.COUNTY and county.kind is SiteKind.DISPATCH_CENTRE
    assert county.parent_id is None and county.town is None
    for n, town in enumerate(TOWNS, start=1):
        town_sites = [s for s in net.sites_by_town[n] if s.tier is Tier.TOWN]
        by_kind = {s.kind: s for s in town_sites}
        assert len(town_sites) == 2
        assert by_kind[SiteKind.POLICE_STATION].name == f"{town}派出所"
        assert by_kind[SiteKind.POLICE_OFFICE].name == f"{town}中心警务室"
        assert all(s.parent_id == county.id for s in town_sites)
        station = by_kind[SiteKind.POLICE_STATION]
        villages = [s for s in net.sites_by_town[n] if s.tier is Tier.VILLAGE]
        # Uneven but bounded: every town has a real share of the villages.
        assert 20 <= len(villages) <= 50
        assert all(v.parent_id == station.id and v.kind is SiteKind.VILLAGE for v in villages)
        names = [v.name for v in villages]
        assert len(set(names)) == len(names)
        assert all(name.endswith(("村", "社区")) for name in names)
    sizes = {len(net.sites_by_town[n]) for n in range(1, 16)}
    assert len(sizes) > 3  # uneven


def test_town_numbers_and_order(net: Network) -> None:
    assert TOWNS[0] == "平邑街道" and TOWNS[2] == "武台镇" and TOWNS[14] == "经济开发区"
    assert len(TOWNS) == 15
    for s in net.sites:
        assert net.town_of_site[s.id] == s.town


def test_ids_are_gb28181_and_carry_their_town(net: Network) -> None:
    all_ids = [s.id for s in net.sites] + [c.id for c in net.cameras] + [g.id for g in net.grids]
    assert len(set(all_ids)) == len(all_ids)
    for gb_id in all_ids:
        assert len(gb_id) == 20 and gb_id.isdigit()
        assert gb_id.startswith("371326")
    for s in net.sites:
        assert s.id[10:13] == TYPE_CENTRE
        assert s.id[6:8] == f"{s.town or 0:02d}"
    for c in net.cameras:
        town = net.town_of_site[c.site_id]
        assert town is not None
        assert c.id[10:13] == TYPE_CAMERA
        assert c.id.startswith(f"371326{town:02d}")
        assert town_of_id(c.id) == town
    for g in net.grids:
        assert g.id[10:13] == TYPE_VIRTUAL_ORG
        assert g.id.startswith(f"371326{net.town_of_site[g.site_id]:02d}")
    assert town_of_id(net.county.id) is None


def test_structs_are_valid_on_the_wire(net: Network) -> None:
    # Structs are not validated when built in Python; a decode round trip is.
    for items, typ in (
        (net.sites, Site),
        (net.cameras, Camera),
        (net.grids, Grid),
        (net.rooms, ConferenceRoom),
    ):
        raw = msgspec.json.encode(items)
        assert msgspec.json.decode(raw, type=list[typ]) == items


def test_build_is_deterministic() -> None:
    a = build_network(fake_urls)
    b = build_network(fake_urls)
    assert _wire(a) == _wire(b)
    assert _wire(build_network(fake_urls, seed=7)) != _wire(a)


def test_streams(net: Network) -> None:
    assert set(net.stream_index) == {c.id for c in net.cameras}
    assert set(net.stream_index.values()) == set(range(16))
    small = build_network(fake_urls, streams=4)
    assert set(small.stream_index.values()) == set(range(4))
    for c in net.cameras[:500]:
        main, sub = c.streams
        assert (main.name, main.width, main.height, main.fps, main.codec) == (
            "main",
            1280,
            720,
            25.0,
            "h264",
        )
        assert (sub.name, sub.width, sub.height, sub.fps, sub.codec) == (
            "sub",
            640,
            360,
            25.0,
            "h264",
        )
        assert main.urls == fake_urls(c.id, "main")
        assert sub.urls == fake_urls(c.id, "sub")


def test_camera_kinds_and_places(net: Network) -> None:
    kinds = Counter(c.kind for c in net.cameras)
    assert set(kinds) == set(CameraKind)
    assert kinds[CameraKind.VILLAGE] > kinds[CameraKind.SOCIAL] > kinds[CameraKind.CHECKPOINT]
    for c in net.cameras:
        site = net.site_by_id[c.site_id]
        if c.kind is CameraKind.VILLAGE:
            assert site.kind is SiteKind.VILLAGE and c.grid_id is not None
            assert net.grid_by_id[c.grid_id].site_id == site.id
        elif c.kind is CameraKind.SOCIAL:
            assert site.kind is SiteKind.POLICE_STATION
        else:
            assert site.kind is SiteKind.POLICE_OFFICE
            rings = [t for t in c.tags if t.startswith("ring:")]
            lines = [t for t in c.tags if t.startswith("line:")]
            assert len(rings) == 1 and rings[0] in {
                "ring:county-border",
                "ring:city",
                "ring:suburb",
            }
            assert len(lines) == 1 and lines[0] in {"line:1", "line:2", "line:3"}
    for site_id, cams in net.cameras_by_site.items():
        names = [c.name for c in cams]
        assert len(set(names)) == len(names), site_id
    per_village = [len(net.cameras_by_site[s.id]) for s in net.sites if s.kind is SiteKind.VILLAGE]
    assert min(per_village) >= 40 and max(per_village) <= 50
    ptz = sum(c.ptz for c in net.cameras) / len(net.cameras)
    offline = sum(not c.online for c in net.cameras) / len(net.cameras)
    assert 0.05 < ptz < 0.15
    assert 0.01 < offline < 0.05


def test_grids(net: Network) -> None:
    statuses = Counter(g.status for g in net.grids)
    assert set(statuses) == set(GridStatus)
    assert statuses[GridStatus.NORMAL] > len(net.grids) * 0.75
    for g in net.grids:
        cams = net.cameras_by_grid[g.id]
        assert g.cameras_total == len(cams) == sum(c.grid_id == g.id for c in cams)
        assert g.cameras_online == sum(c.online for c in cams)
        assert net.site_by_id[g.site_id].tier is Tier.VILLAGE
        assert g.name.startswith(net.site_by_id[g.site_id].name)
        assert 4 <= len(g.polygon) <= 8
        assert 2 <= len(g.members) <= 5
        assert {m.role for m in g.members} <= {"网格长", "网格员", "志愿者"}
        assert all(m.phone for m in g.members)
        assert (g.status is GridStatus.NORMAL) == (g.status_reason == "")
    # Grid totals add up to every village camera.
    assert sum(g.cameras_total for g in net.grids) == sum(
        c.kind is CameraKind.VILLAGE for c in net.cameras
    )
    # Village names repeat across towns (as in life), never inside one.
    for n in range(1, 16):
        names = [g.name for g in net.grids_by_town[n]]
        assert len(set(names)) == len(names)


def test_geography(net: Network) -> None:
    points = [s.location for s in net.sites] + [c.location for c in net.cameras]
    points += [p for g in net.grids for p in g.polygon]
    for point in points:
        assert point is not None
        lon, lat = point
        # ~50 km across around Pingyi
        assert 117.30 < lon < 117.98 and 35.24 < lat < 35.78


def test_beiwutai_and_its_gate(net: Network) -> None:
    wutai = TOWNS.index("武台镇") + 1
    site = next(s for s in net.sites if s.name == "北武台社区")
    assert site.town == wutai and site.kind is SiteKind.VILLAGE
    gate = next(c for c in net.cameras_by_site[site.id] if c.name == "北武台社区村口")
    assert gate.id.startswith(f"371326{wutai:02d}")
    meeting = next(r for r in net.rooms if r.name.startswith("月度村民大会"))
    assert gate.id in {p.camera_id for p in meeting.participants}


def test_conference_rooms(net: Network) -> None:
    assert len(net.rooms) >= 2
    county = net.room_by_id["county-consult"]
    assert county.name == "县局视频会商室" and county.active
    assert 4 <= len(county.participants) <= 6
    for room in net.rooms:
        ids = [p.id for p in room.participants]
        assert len(set(ids)) == len(ids)
        for p in room.participants:
            if p.camera_id is not None:
                assert p.camera_id in net.camera_by_id
            if p.site_id is not None:
                assert p.site_id in net.site_by_id
    town_cams = [
        net.camera_by_id[p.camera_id] for p in county.participants if p.camera_id is not None
    ]
    assert town_cams
    assert all(net.site_by_id[c.site_id].tier is Tier.TOWN for c in town_cams)


def test_users(net: Network) -> None:
    names = [u.username for u in net.users]
    assert names == ["dispatcher", "presenter", *(f"town{n:02d}" for n in range(1, 16))]
    assert net.authenticate("dispatcher", "dispatch123") is not None
    assert net.authenticate("dispatcher", "wrong") is None
    assert net.authenticate("nobody", "dispatch123") is None
    presenter = net.authenticate("presenter", "present123")
    assert presenter is not None and presenter.role is Role.PRESENTER
    assert presenter.towns is None and not presenter.to_user().can_control
    town03 = net.authenticate("town03", "desk123")
    assert town03 is not None and town03.role is Role.TOWN_DESK and town03.towns == (3,)
    wire = town03.to_user()
    assert wire.scope.towns == [3] and wire.can_control
    assert net.user_by_name["dispatcher"].to_user().scope.towns is None


def test_scope_filtering(net: Network) -> None:
    user = net.user_by_name["town03"]
    sites = sites_for_scope(net, user.towns)
    assert net.county in sites
    others = [s for s in sites if s.town is not None]
    assert {s.town for s in others} == {3}
    assert len(others) == len(net.sites_by_town[3])
    assert {s.name for s in others if s.tier is Tier.TOWN} == {"武台镇派出所", "武台镇中心警务室"}

    cams = cameras_for_scope(net, user.towns)
    assert cams and all(c.id.startswith("37132603") for c in cams)
    assert len(cams) == sum(net.town_of_site[c.site_id] == 3 for c in net.cameras)
    grids = grids_for_scope(net, user.towns)
    assert grids and all(net.town_of_site[g.site_id] == 3 for g in grids)
    assert len(grids) == sum(net.town_of_site[g.site_id] == 3 for g in net.grids)

    assert len(cameras_for_scope(net, None)) == 28_500
    assert len(sites_for_scope(net, None)) == 546
    assert len(grids_for_scope(net, None)) == 1080
    both = cameras_for_scope(net, (3, 5))
    assert {net.town_of_site[c.site_id] for c in both} == {3, 5}

    assert in_scope(None, 7) and in_scope((3,), None) and in_scope((3,), 3)
    assert not in_scope((3,), 4)
