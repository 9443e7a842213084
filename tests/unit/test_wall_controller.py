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


def test_set_layout_keeps_what_fits_and_parks_the_rest(wall) -> None:
    w, seen = wall
    w.fill(0, ["a", "b", "c", "d"])
    w.select(3)
    w.maximise(2)
    w.set_layout(preset(1))
    assert ids(w) == ["a"]
    assert seen[-1] == WallChange(frozenset({1, 2, 3}), layout=True, selection=True, maximised=True)
    assert w.selected == 0 and w.maximised is None
    assert w.parked == {1: "b", 2: "c", 3: "d"}
    w.set_layout(preset(9))
    assert ids(w) == ["a", "b", "c", "d"] + [None] * 5  # given back, on the same tiles
    assert seen[-1].layout and w.parked == {}


def test_nine_one_four_gives_tiles_back_and_keeps_the_rest_parked(inv) -> None:
    # issue 9 item 3: 9 -> 1 -> 4 left tiles 2-4 empty
    w = WallController(inv, layout=preset(9))
    w.fill(0, [f"c{i}" for i in range(9)])
    w.set_tile_tour(8, TourSpec(("t1", "t2"), 5.0))
    w.set_layout(preset(1))
    w.set_layout(preset(4))
    assert ids(w) == ["c0", "c1", "c2", "c3"]
    w.set_layout(preset(9))
    assert ids(w) == [f"c{i}" for i in range(8)] + ["t1"]
    assert w.tour(8) is not None and w.tour(8).spec.items == ("t1", "t2")  # type: ignore[union-attr]


def test_a_smaller_custom_layout_parks_too(inv) -> None:
    w = WallController(inv, layout=preset(9))
    w.fill(0, [f"c{i}" for i in range(9)])
    w.set_layout(custom(2, 2, [Cell(0, 0, 2, 2)]))  # one merged tile
    assert ids(w) == ["c0"]
    w.set_layout(preset(9))
    assert ids(w) == [f"c{i}" for i in range(9)]


def test_a_view_saves_what_is_seen_and_the_wall_knows_it_is_modified(inv) -> None:
    w = WallController(inv, layout=preset(4))
    assert not w.modified  # an unsaved wall has nothing to differ from
    w.load_view(View("desk", preset(4), {0: "a", 1: "b"}))
    assert not w.modified
    w.assign(2, "c")
    assert w.modified
    w.assign(2, None)
    assert not w.modified  # back as saved
    w.set_layout(preset(1))
    assert w.modified and w.view().assignments == {0: "a"}  # parked cameras are not saved
    w.revert()
    assert ids(w) == ["a", "b", None, None] and not w.modified
    w.swap(0, 1)
    w.mark_saved(w.view())
    assert not w.modified and w.baseline.assignments == {0: "b", 1: "a"}  # type: ignore[union-attr]


def test_undo_and_redo_every_kind_of_wall_change(inv) -> None:
    w = WallController(inv, layout=preset(4))
    seen: list[WallChange] = []
    w.subscribe(seen.append)
    assert not w.can_undo and w.undo() == WallChange()
    w.assign(0, "a")
    w.fill(1, ["b", "c"])
    w.swap(0, 2)
    w.clear(1)
    w.set_tile_tour(3, TourSpec(("t1", "t2"), 5.0))
    w.set_layout(preset(1))
    w.select(0)  # selection is not history
    states = [["a", None, None, None], ["a", "b", "c", None], ["c", "b", "a", None],
              ["c", None, "a", None], ["c", None, "a", "t1"]]
    assert ids(w) == ["c"]
    for expected in reversed(states):
        w.undo()
        assert ids(w) == expected
    assert w.tour(3) is None
    w.undo()
    assert ids(w) == [None] * 4 and not w.can_undo
    assert seen[-1].tiles == {0}
    for expected in states:
        w.redo()
        assert ids(w) == expected
    assert w.tour(3) is not None
    w.redo()
    assert ids(w) == ["c"] and not w.can_redo
    w.undo()
    w.assign(0, "z")  # a new change forgets what could be redone
    assert not w.can_redo


def test_history_is_bounded(inv) -> None:
    from controlroom.wall.controller import HISTORY

    w = WallController(inv, layout=preset(1))
    for i in range(HISTORY + 20):
        w.assign(0, f"c{i}")
    n = 0
    while w.can_undo:
        w.undo()
        n += 1
    assert n == HISTORY and ids(w) == [f"c{19}"]


def test_incident_wall_returns_to_the_operators_view(inv) -> None:
    w = WallController(inv, layout=preset(9))
    w.load_view(View("desk", preset(9), {t: f"c{t}" for t in range(9)}))
    w.set_layout(preset(4))  # parked: 4-8
    w.open_incident("网格 1", preset(64), [f"g{i}" for i in range(40)])
    assert w.incident == "网格 1" and w.home_name == "desk" and len(w.layout) == 64
    assert w.name is None and not w.modified  # the view is not overwritten, not even "modified"
    w.open_incident("网格 2", preset(4), ["h0"])  # a second replaces the first
    w.leave_incident()
    assert w.incident is None and w.name == "desk"
    assert ids(w) == ["c0", "c1", "c2", "c3"]
    w.set_layout(preset(9))
    assert ids(w) == [f"c{t}" for t in range(9)]  # even the parked cameras came back
    w.undo()
    w.undo()  # undo "back": the incident wall again
    assert w.incident == "网格 2" and ids(w) == ["h0", None, None, None]
    w.leave_incident()
    assert w.leave_incident() == WallChange()  # nothing to go back from


def test_why_a_camera_is_missing() -> None:
    from controlroom.wall.controller import Missing, town_of_id, why_missing

    wutai = "37132603011310000001"  # town 03
    assert town_of_id(wutai) == 3 and town_of_id("37132600011310000001") is None
    assert town_of_id("not-an-id") is None
    assert why_missing(wutai, [5]) is Missing.OUTSIDE_SCOPE
    assert why_missing(wutai, [3]) is Missing.UNKNOWN  # in scope: it is really gone
    assert why_missing(wutai, None) is Missing.UNKNOWN  # the whole county sees everything
    assert why_missing("37132600011310000001", [5]) is Missing.UNKNOWN  # county cameras are everyone's


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


def test_changes_made_unrecorded_are_not_history(inv) -> None:
    w = WallController(inv, layout=preset(4))
    w.assign(0, "a")
    with w.unrecorded():  # a wall tour's step
        w.fill(0, ["p1", "p2", None, None])
    assert ids(w) == ["p1", "p2", None, None]
    w.undo()
    assert ids(w) == [None] * 4 and not w.can_undo
