"""Telling cameras apart (issue 9 item 6): own name first, middle elision, short names on small tiles.

Cameras of one village share a long prefix ("北武台社区村口", "北武台社区村口2号", ...);
cut at the end they all read the same. On walls of 64, 16 and 9 tiles and in
the tree at its default width, distinct cameras must show distinct text.
"""

from __future__ import annotations

import pytest
from controlroom.ui.resource_panel import ResourcePanel
from controlroom.ui.tree_model import ItemTypeRole
from controlroom.ui.wall.wall_widget import WallWidget
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from controlroom.api.schema import Camera
from controlroom.inventory import Inventory
from controlroom.names import camera_name, split_name
from controlroom.wall.layouts import preset

WALL_SIZE = (990, 800)  # the wall beside the tree (at its default width) in a 1440x860 window


def test_split_name_puts_the_cameras_own_part_first() -> None:
    places = ["北武台社区", "武台镇派出所", "平邑县社会治安指挥中心"]
    n = split_name("武台镇北武台社区村口1号", places)
    assert (n.own, n.place, n.own_first) == ("村口1号", "北武台社区", "村口1号 · 北武台社区")
    assert split_name("S229平邑街道北向卡口", ["平邑街道中心警务室"]).own_first == "S229北向卡口 · 平邑街道"
    assert split_name("北武台社区", ["北武台社区"]).own == "北武台社区", "never an empty name"
    assert split_name("<b>gate</b>", ["北武台社区"]).own == "<b>gate</b>"


def _village_cameras(inv: Inventory, n: int) -> list[Camera]:
    """``n`` cameras of neighbouring villages of 武台镇, village by village: the hardest case."""
    town = next(s for s in inv.sites.values() if s.name.startswith("武台镇") and s.kind.value == "police_station")
    cams: list[Camera] = []
    for village in sorted(inv.child_sites(town.id), key=lambda s: s.name != "北武台社区"):
        cams += sorted(inv.site_cameras(village.id), key=lambda c: c.name)
        if len(cams) >= n:
            break
    return cams[:n]


@pytest.mark.parametrize("tiles", [64, 16, 9])
def test_distinct_cameras_read_distinct_on_the_wall(qtbot, full_inventory, tiles: int) -> None:  # type: ignore[no-untyped-def]
    inv = full_inventory
    win = QMainWindow()
    wall = WallWidget(win)
    win.setCentralWidget(wall)
    win.resize(*WALL_SIZE)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    wall.set_wall_layout(preset(tiles))
    cams = _village_cameras(inv, tiles)
    assert len({c.name[:5] for c in cams}) < len(cams) / 3, "the test needs names that share their start"
    for tile, cam in zip(wall.tiles, cams, strict=True):
        site = inv.sites[cam.site_id]
        name = camera_name(inv, cam)
        tile.set_camera(cam.id, cam.name, site.name, name.own, name.place)
    qtbot.wait(50)  # the layout settles
    shown = [tile.name_label.visibleText() for tile in wall.tiles]
    assert all(t and t.strip("…") for t in shown), shown
    assert len(set(shown)) == len(cams), [t for t in shown if shown.count(t) > 1]
    for tile, cam in zip(wall.tiles, cams, strict=True):
        assert cam.name in tile.toolTip() and cam.name in tile.surface.statusTip()
        assert tile.name_label.visibleText() != "…"


def _camera_rows(panel: ResourcePanel, parent: QModelIndex, out: list[QModelIndex]) -> None:
    model = panel.view.model()
    for row in range(model.rowCount(parent)):
        idx = model.index(row, 0, parent)
        if model.data(idx, ItemTypeRole) == "camera":
            out.append(idx)


def test_distinct_cameras_read_distinct_in_the_tree_at_its_default_width(qtbot, full_inventory) -> None:  # type: ignore[no-untyped-def]
    inv = full_inventory
    panel = ResourcePanel(inv)
    win = QMainWindow()
    win.setCentralWidget(QMainWindow())
    dock = QDockWidget("tree", win)
    dock.setWidget(panel)
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    win.resize(1440, 860)
    win.resizeDocks([dock], [panel.preferred_width()], Qt.Orientation.Horizontal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    cams = _village_cameras(inv, 12)
    village = inv.sites[cams[0].site_id]
    idx = panel.model.index_for_site(village.id)
    parent = idx
    while parent.isValid():
        panel.view.expand(parent)
        parent = parent.parent()
    qtbot.wait(50)
    rows: list[QModelIndex] = []
    _camera_rows(panel, idx, rows)
    assert len(rows) >= 5
    shown = [panel.visible_text(i) for i in rows]
    assert all(t.strip("…") for t in shown), shown
    assert len(set(shown)) == len(rows), shown
    # the camera's own part comes first
    assert all(not t.startswith(village.name) for t in shown), shown
    # squeezed, the place gives way first: still one text per camera
    win.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() <= 310)
    narrow = [panel.visible_text(i) for i in rows]
    assert len(set(narrow)) == len(rows), narrow
    assert all(n.split(" · ")[0] == t.split(" · ")[0] for n, t in zip(narrow, shown, strict=True)), narrow


def test_names_from_the_platform_stay_plain_text_in_tooltips(qtbot) -> None:  # type: ignore[no-untyped-def]
    from controlroom.ui.wall.tile_widget import TileWidget
    from PySide6.QtGui import QTextDocument

    tile = TileWidget(0)
    qtbot.addWidget(tile)
    tile.set_camera("37132603011310000001", "<b>gate</b><img src=x>", "北武台社区", "<b>gate</b><img src=x>")
    doc = QTextDocument()
    doc.setHtml(tile.toolTip())
    assert doc.toPlainText() == "<b>gate</b><img src=x> — 北武台社区"
    assert tile.surface.statusTip() == "<b>gate</b><img src=x> — 北武台社区"
