"""The wall controller: cameras on tiles, layouts, selection, maximise, views, tile tours."""

from __future__ import annotations

import pytest

from controlroom.api.schema import (
    Camera,
    CameraKind,
    Grid,
    GridStatus,
    Site,
    SiteKind,
    StreamProfile,
    Tier,
    Transport,
)
from controlroom.inventory import Inventory
from controlroom.wall.controller import TileSlot, WallChange, WallController
from controlroom.wall.layouts import Cell, custom, preset
from controlroom.wall.policy import Reason, StreamPolicy
from controlroom.wall.tours import TourSpec
from controlroom.wall.views import View

COUNTY = "37132600002000000001"
TOWN = "37132603002000000001"
VILLAGE = "37132603012000000001"
GRID = "37132603012160000001"


def site(id: str, name: str, parent: str | None, tier: Tier) -> Site:
    return Site(id, name, tier, SiteKind.VILLAGE, parent, 3, True)


def cam(serial: int, name: str, site_id: str, online: bool = True, grid: str | None = None) -> Camera:
    streams = [
        StreamProfile("main", 1920, 1080, 25, "h264", {Transport.HTTP_TS: "http://x/m.ts"}, 4000),
        StreamProfile("sub", 640, 360, 25, "h264", {Transport.HTTP_TS: "http://x/s.ts"}, 512),
    ]
    return Camera(f"371326030113100{serial:05d}", name, site_id, grid, CameraKind.VILLAGE, [], False, online, streams)


@pytest.fixture
def inv() -> Inventory:
    inv = Inventory()
    cams = [
        cam(1, "北武台 村口 10", VILLAGE, grid=GRID),
        cam(2, "北武台 村口 2", VILLAGE, grid=GRID),
        cam(3, "北武台 广场", VILLAGE, online=False, grid=GRID),
        cam(4, "武台镇 路口", TOWN),
        cam(5, "县城 卡口", COUNTY),
    ]
    sites = [site(COUNTY, "平邑县", None, Tier.COUNTY), site(TOWN, "武台镇", COUNTY, Tier.TOWN),
             site(VILLAGE, "北武台社区", TOWN, Tier.VILLAGE)]
    grid = Grid(GRID, "网格 1", VILLAGE, [], GridStatus.NORMAL, "", 2, 3, [], 0)
    inv.replace(sites, cams, [grid], 1)
    return inv


@pytest.fixture
def wall(inv: Inventory) -> tuple[WallController, list[WallChange]]:
    w = WallController(inv, StreamPolicy(decode_budget=None), preset(4))
    seen: list[WallChange] = []
    w.subscribe(seen.append)
    return w, seen


def ids(w: WallController) -> list[str | None]:
    return [s.camera_id for s in w.tiles]


def test_assign_swap_clear(wall) -> None:
    w, seen = wall
    w.assign(1, "a")
    assert w.slot(1) == TileSlot("a") and seen[-1] == WallChange(frozenset({1}))
    w.assign(1, "a")  # nothing changed: nothing announced
    assert len(seen) == 1
    w.swap(1, 3)
    assert ids(w) == [None, None, None, "a"] and seen[-1].tiles == {1, 3}
    w.clear(3)
    assert ids(w) == [None] * 4 and seen[-1].tiles == {3}
    with pytest.raises(IndexError):
        w.assign(4, "x")


def test_fill_from_a_tile_and_count_what_did_not_fit(wall) -> None:
    w, seen = wall
    w.assign(0, "keep")
    assert w.fill(1, ["a", "b", "c", "d", "e"]) == 2
    assert ids(w) == ["keep", "a", "b", "c"]
    assert seen[-1] == WallChange(frozenset({1, 2, 3}))
    assert w.fill(0, ["x"]) == 0 and ids(w)[0] == "x"
    w.clear()
    assert ids(w) == [None] * 4


def test_set_layout_keeps_what_fits_and_nothing_else(wall) -> None:
    w, seen = wall
    w.fill(0, ["a", "b", "c", "d"])
    w.select(3)
    w.maximise(2)
    w.set_layout(preset(1))
    assert ids(w) == ["a"]
    assert seen[-1] == WallChange(frozenset({1, 2, 3}), layout=True, selection=True, maximised=True)
    assert w.selected == 0 and w.maximised is None
    w.set_layout(preset(9))
    assert ids(w) == ["a"] + [None] * 8  # tiles 1-3 are not remembered
    assert seen[-1].layout and not seen[-1].tiles


def test_move_selection_in_grid_geometry(inv) -> None:
    w = WallController(inv, layout=preset(13))
    w.move_selection(1, 0)
    assert w.selected == 0  # the first arrow selects tile 0 (the large centre)
    w.move_selection(1, 0)
    assert w.layout.cells[w.selected] == Cell(1, 3)  # type: ignore[index]
    w.move_selection(1, 0)
    assert w.layout.cells[w.selected] == Cell(1, 3)  # type: ignore[index]  (edge: stays)
    w.move_selection(-1, 0)
    assert w.selected == 0
    w.move_selection(-2, -1)
    assert w.layout.cells[w.selected] == Cell(0, 0)  # type: ignore[index]
    w.move_selection(0, 3)
    assert w.layout.cells[w.selected] == Cell(3, 0)  # type: ignore[index]


def test_maximise_and_restore(wall) -> None:
    w, seen = wall
    w.maximise(2)
    assert w.maximised == 2 and w.selected == 2
    assert seen[-1] == WallChange(selection=True, maximised=True)
    w.toggle_maximise(2)
    assert w.maximised is None and seen[-1] == WallChange(maximised=True)
    n = len(seen)
    w.restore()
    assert len(seen) == n


def test_view_roundtrip_and_no_runtime_state(wall, inv) -> None:
    w, _ = wall
    w.set_layout(custom(2, 3, [Cell(0, 0, 2, 2)], name="自定义"))
    w.fill(0, ["a", "b"])
    w.set_tile_tour(2, TourSpec(("t1", "t2"), 5))
    v = w.view("早班")
    assert v == View("早班", w.layout, {0: "a", 1: "b"}, {2: TourSpec(("t1", "t2"), 5)})
    other = WallController(inv)
    got: list[WallChange] = []
    other.subscribe(got.append)
    other.select(8)
    other.load_view(v)
    assert ids(other) == ["a", "b", "t1"] and other.name == "早班"
    assert got[-1].layout and got[-1].selection and got[-1].tiles == set(range(9))
    assert other.view() == v


def test_tile_tours_step_on_tick_and_preroll(wall) -> None:
    w, seen = wall
    w.set_tile_tour(0, TourSpec(("a", "b", "c"), 3))
    assert ids(w)[0] == "a" and w.prerolls() == {0: "b"}
    w.tick(100.0)  # starts counting
    assert w.tour(0).remaining(101.0) == 2.0  # type: ignore[union-attr]
    n = len(seen)
    w.tick(102.0)
    assert len(seen) == n
    w.tick(103.0)
    assert ids(w)[0] == "b" and seen[-1] == WallChange(frozenset({0}))
    # a paused tour is not restarted by the tick
    w.tour(0).pause(104.0)  # type: ignore[union-attr]
    w.tick(200.0)
    assert ids(w)[0] == "b"
    # swapping moves the tour; assigning by hand stops it
    w.swap(0, 1)
    assert w.tour(1) is not None and w.tour(0) is None
    w.assign(1, "manual")
    assert w.tour(1) is None and w.prerolls() == {}


def test_camera_ids_for_sites_and_grids(wall) -> None:
    w, _ = wall
    names = lambda xs: [w.inventory.cameras[i].name for i in xs]  # noqa: E731
    # online first, then by name with numbers in order; the offline camera last
    assert names(w.camera_ids_for("grid", GRID)) == ["北武台 村口 2", "北武台 村口 10", "北武台 广场"]
    assert names(w.camera_ids_for("site", TOWN)) == ["北武台 村口 2", "北武台 村口 10", "武台镇 路口", "北武台 广场"]
    assert len(w.camera_ids_for("site", COUNTY)) == 5
    assert w.camera_ids_for("site", "nope") == [] and w.camera_ids_for("grid", "nope") == []
    cam_id = next(iter(w.inventory.cameras))
    assert w.camera_ids_for("camera", cam_id) == [cam_id]
    with pytest.raises(ValueError):
        w.camera_ids_for("town", TOWN)  # type: ignore[arg-type]


def test_stream_decisions_follow_maximise(wall) -> None:
    w, _ = wall
    w.fill(0, w.camera_ids_for("site", COUNTY))
    sizes = {t: (480, 270) for t in range(4)}
    out = w.stream_decisions(sizes, 0.0)
    assert set(out) == {0, 1, 2, 3} and all(d.profile == "sub" for d in out.values())
    w.maximise(1)
    out = w.stream_decisions({1: (1920, 1080)}, 1.0)
    assert out[1].profile == "main" and Reason.MAXIMISED in out[1].reasons
    w.restore()
    assert w.stream_decisions(sizes, 1.5)[1].profile == "sub"


def test_a_broken_listener_does_not_stop_the_others(wall) -> None:
    w, seen = wall

    def broken(_c: WallChange) -> None:
        raise RuntimeError("boom")

    w.subscribe(broken)
    unsubscribe = w.subscribe(seen.append)
    w.assign(0, "a")
    assert seen[-2:] == [WallChange(frozenset({0}))] * 2
    unsubscribe()


def test_flash_names_only_tiles_that_exist() -> None:
    from controlroom.inventory import Inventory
    from controlroom.wall.controller import WallController
    from controlroom.wall.layouts import preset

    wall = WallController(Inventory(), layout=preset(4))
    seen = []
    wall.subscribe(seen.append)
    change = wall.flash([1, 3, 7])
    assert change.flash == frozenset({1, 3}) and not change.tiles and not change.layout
    assert seen == [change]
    assert not wall.flash([9])  # nothing to flash: nothing announced
    assert len(seen) == 1
