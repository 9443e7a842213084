"""The resource tree model over the demo network (28,500 cameras): shape, search, deltas, markup."""

from __future__ import annotations

import time

import pytest
from controlroom.ui.resource_panel import ResourcePanel
from controlroom.ui.tree_model import ItemIdRole, ItemTypeRole, OnlineRole, ResourceTreeModel
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTreeView

from controlroom.api.schema import Camera, CameraKind, CameraStatusEvent, Site, SiteKind, Tier
from controlroom.demo.network import Network
from controlroom.inventory import Inventory

# the demo network's own example: the gate camera of 北武台社区 in 武台镇
GATE_CAMERA = "北武台社区村口"
GATE_VILLAGE = "北武台社区"


def _walk(model: ResourceTreeModel, parent: QModelIndex | None = None):  # type: ignore[no-untyped-def]
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        idx = model.index(row, 0, parent)
        yield idx
        yield from _walk(model, idx)


def _status_event(cam_id: str, online: bool, n: int = 1) -> CameraStatusEvent:
    from datetime import UTC, datetime

    return CameraStatusEvent(id=n, at=datetime.now(UTC), inventory_version=1, camera_id=cam_id, online=online)


def test_rows_per_level(qtbot, full_inventory: Inventory) -> None:
    inv = full_inventory
    model = ResourceTreeModel(inv)
    counts = inv.counts()
    assert model.rowCount() == counts.sites_county == 1
    county = model.index(0, 0)
    assert model.data(county, ItemTypeRole) == "site"
    towns = [model.index(r, 0, county) for r in range(model.rowCount(county))]
    town_sites = [i for i in towns if model.data(i, ItemTypeRole) == "site"]
    assert len(town_sites) == counts.sites_town
    villages = cameras = 0
    for idx in _walk(model):
        kind = model.data(idx, ItemTypeRole)
        if kind == "camera":
            cameras += 1
        elif inv.sites[model.data(idx, ItemIdRole)].tier is Tier.VILLAGE:
            villages += 1
    assert villages == counts.sites_village
    assert cameras == counts.cameras == len(inv.cameras)
    on = sum(c.online for c in inv.cameras.values())
    assert model.totals() == (on, len(inv.cameras))
    assert model.data(county.siblingAtColumn(1)) == f"{on}/{len(inv.cameras)}"


def test_model_tester_full_and_filtered(qtbot, full_inventory: Inventory) -> None:
    model = ResourceTreeModel(full_inventory)
    # Warning mode: the tester's findings reach qt_log_level_fail and fail the test.
    # It walks the whole tree on creation, so it checks every one of the 28,500 rows.
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    cam = next(iter(full_inventory.cameras.values()))
    model.set_filter(cam.name[:3])
    model.set_filter(cam.id)
    full_inventory.apply([_status_event(cam.id, not cam.online)])
    model.flush()
    model.set_filter("")
    full_inventory.replace(list(full_inventory.sites.values()), list(full_inventory.cameras.values()), [], version=2)
    del tester


def test_search_keeps_ancestors_chinese_name(qtbot, full_inventory: Inventory) -> None:
    model = ResourceTreeModel(full_inventory)
    cams, _ = model.set_filter(GATE_CAMERA)
    assert cams >= 1
    found = [i for i in _walk(model) if model.data(i) == GATE_CAMERA]
    assert len(found) == 1
    # ancestors: village 北武台社区 → 武台镇 police station → county
    chain = []
    idx = found[0].parent()
    while idx.isValid():
        chain.append(model.data(idx))
        idx = idx.parent()
    assert chain == ["北武台社区", "武台镇派出所", "平邑县社会治安指挥中心"]
    # every visible camera matches; nothing else is shown
    for i in _walk(model):
        if model.data(i, ItemTypeRole) == "camera":
            assert GATE_CAMERA in model.data(i)


def test_search_by_gb_id_and_case(qtbot, full_inventory: Inventory) -> None:
    model = ResourceTreeModel(full_inventory)
    cam = list(full_inventory.cameras.values())[12345]
    assert model.set_filter(cam.id)[0] == 1
    hits = [i for i in _walk(model) if model.data(i, ItemTypeRole) == "camera"]
    assert [model.data(i, ItemIdRole) for i in hits] == [cam.id]
    # site name finds the site's cameras; the search ignores case
    site = full_inventory.sites[cam.site_id]
    n, _ = model.set_filter(site.name)
    assert n >= len(full_inventory.site_cameras(site.id))
    model.set_filter("")
    assert model.rowCount() == 1


def test_search_ignores_case(qtbot) -> None:
    inv = _small_inventory(camera_name="Gate CAM North")
    model = ResourceTreeModel(inv)
    assert model.set_filter("gate cam")[0] == 1
    assert model.set_filter("NORTH")[0] == 1
    assert model.set_filter("south")[0] == 0
    assert model.rowCount() == 0


def test_status_delta_updates_one_row_without_reset(qtbot, full_inventory: Inventory) -> None:
    model = ResourceTreeModel(full_inventory)
    view = QTreeView()
    view.setModel(model)
    cam = list(full_inventory.cameras.values())[777]
    idx = model.index_for_camera(cam.id)
    assert idx.isValid() and model.data(idx, OnlineRole) is cam.online
    resets: list[int] = []
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a, b)))
    before = model.totals()
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        full_inventory.apply([_status_event(cam.id, not cam.online)])
    QCoreApplication.processEvents()  # whatever else the delta posted (a reset would come now)
    assert resets == []
    camera_spans = [(a, b) for a, b in changed if model.data(a, ItemTypeRole) == "camera"]
    assert len(camera_spans) == 1
    a, b = camera_spans[0]
    assert a.row() == b.row() == idx.row() and a.parent() == idx.parent()
    assert model.data(idx, OnlineRole) is cam.online
    step = 1 if cam.online else -1
    assert model.totals() == (before[0] + step, before[1])
    # the site rows above it were told too (their online counts changed)
    site_ids = {model.data(a, ItemIdRole) for a, _ in changed if model.data(a, ItemTypeRole) == "site"}
    assert cam.site_id in site_ids


def test_status_deltas_coalesce(qtbot, full_inventory: Inventory) -> None:
    model = ResourceTreeModel(full_inventory)
    site_id = next(iter(full_inventory.sites))
    cams = [c for c in full_inventory.cameras.values() if full_inventory.sites[c.site_id].tier is Tier.VILLAGE][:40]
    village = cams[0].site_id
    cams = [c for c in cams if c.site_id == village]
    spans: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda a, b, roles=(): spans.append((a, b)))
    for n, c in enumerate(cams):  # many small batches in quick succession
        full_inventory.apply([_status_event(c.id, not c.online, n)])
    model.flush()
    camera_spans = [s for s in spans if model.data(s[0], ItemTypeRole) == "camera"]
    assert len(camera_spans) == 1, "one span for one site's cameras"
    assert site_id


def _small_inventory(camera_name: str, site_name: str = "村") -> Inventory:
    county = Site(id="37132600002000000001", name="县", tier=Tier.COUNTY, kind=SiteKind.DISPATCH_CENTRE,
                  parent_id=None, town=None, online=True)
    village = Site(id="37132601002000000100", name=site_name, tier=Tier.VILLAGE, kind=SiteKind.VILLAGE,
                   parent_id=county.id, town=1, online=True)
    cam = Camera(id="37132601001310000001", name=camera_name, site_id=village.id, grid_id=None,
                 kind=CameraKind.VILLAGE, tags=["<i>ring</i>"], ptz=False, online=False, streams=[])
    inv = Inventory()
    inv.replace([county, village], [cam], [], version=1)
    return inv


def test_markup_in_names_is_literal(qtbot) -> None:
    name = "<b>村口</b> & <img src=x>"
    inv = _small_inventory(camera_name=name, site_name="<i>北武台</i>")
    panel = ResourcePanel(inv)
    qtbot.addWidget(panel)
    model = panel.model
    panel.view.expandAll()
    cam = model.index_for_camera("37132601001310000001")
    assert model.data(cam) == name  # plain DisplayRole: the delegate never parses it
    tip = model.data(cam, Qt.ItemDataRole.ToolTipRole)
    assert "<b>村口</b>" not in tip and "&lt;b&gt;村口&lt;/b&gt;" in tip
    assert "<img" not in tip and "&lt;i&gt;ring&lt;/i&gt;" in tip
    site_tip = model.data(model.index_for_site("37132601002000000100"), Qt.ItemDataRole.ToolTipRole)
    assert "<i>北武台</i>" not in site_tip and "&lt;i&gt;北武台&lt;/i&gt;" in site_tip
    # the search summary quotes the search text as plain text
    panel.search.setText("<b>x")
    panel.apply_search()
    assert panel.summary.textFormat() == Qt.TextFormat.PlainText
    assert "<b>x" in panel.summary.text()


def test_panel_search_debounced_and_expands(qtbot, network: Network, full_inventory: Inventory) -> None:
    village = next(s for s in network.sites if s.name == GATE_VILLAGE)
    assert village.parent_id is not None
    panel = ResourcePanel(full_inventory)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.filter_applied, timeout=2000):
        # QTest.keyClicks only knows ASCII keys: type the Chinese as an input method would
        for ch in GATE_VILLAGE:
            panel.search.insert(ch)
    assert panel.model.filter_text() == GATE_VILLAGE
    idx = panel.model.index_for_site(village.id)
    assert idx.isValid() and panel.view.isExpanded(idx)
    hit = [i for i in _walk(panel.model) if panel.model.data(i) == GATE_CAMERA]
    assert hit and panel.view.isExpanded(hit[0].parent())
    # clearing brings back the tree as it was: county open, towns closed
    panel.search.clear()
    panel.apply_search()
    county = panel.model.index(0, 0)
    assert panel.view.isExpanded(county)
    assert not panel.view.isExpanded(panel.model.index_for_site(village.parent_id))


@pytest.mark.parametrize("rounds", [3])
def test_reset_time(qtbot, full_inventory: Inventory, rounds: int) -> None:
    """Figures: building the model and a resync reset of 28,500 cameras under a live view."""
    t = time.perf_counter()
    model = ResourceTreeModel(full_inventory)
    build_ms = (time.perf_counter() - t) * 1000
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.expandToDepth(0)
    worst = 0.0
    for v in range(rounds):
        t = time.perf_counter()
        full_inventory.replace(list(full_inventory.sites.values()), list(full_inventory.cameras.values()),
                               list(full_inventory.grids.values()), version=v + 2)
        worst = max(worst, (time.perf_counter() - t) * 1000)
    print(f"model build {build_ms:.1f} ms; inventory replace + model reset (worst of {rounds}) {worst:.1f} ms")
    assert model.rowCount() == 1
