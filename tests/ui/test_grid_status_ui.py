"""Grid status (网格) on the wall's tiles and in the resource tree, on the real demo platform.

A grid's status changed on the platform shows on the tiles of its cameras
and in the grid tree (how fast is printed); the grid tree lists the 15 towns with
counts that match the inventory, filters by status (with the search) and
stays fast; a grid dropped on the wall fills it with its cameras; statuses
are marked stale with their age while the event stream is down and fresh
again once it is back; markup in a grid name shows as typed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from controlroom.ui import grid_tree_model as GT
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.tree_model import ITEMS_MIME, ItemIdRole
from controlroom.ui.wall.tile_widget import TileWidget
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QAbstractItemModelTester

from controlroom import grids as G
from controlroom.api.schema import GridStatus, GridStatusEvent
from controlroom.inventory import Inventory, InventoryDelta
from controlroom.session import Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset


@pytest.fixture(autouse=True)
def only_the_wall(only_plugins: Callable[..., None]) -> None:
    # the plugin docks are other tests' business: this window is the wall and the tree
    only_plugins()

def open_app(qtbot: Any, login: Callable[..., Session], run: Callable[..., Any]) -> tuple[Session, MainWindow]:
    """The real main window on a real session, loaded, with the live events flowing."""
    session = login("dispatcher", "dispatch123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 120_000)
    qtbot.waitUntil(lambda: session.events is not None and str(session.events.state) == "live", timeout=10_000)
    return session, win


def quiet_grids(session: Session, n: int = 1) -> list[str]:
    """The smallest normal grids (a small wall), the simulator unlikely to touch them now."""
    found = sorted((g.cameras_total, g.id) for g in session.inventory.grids.values()
                   if g.status == GridStatus.NORMAL and g.cameras_total > 0)
    return [gid for _n, gid in found[:n]]


def drop(tile: TileWidget, mime: QMimeData) -> None:
    """What the tile gets when something is dropped on it (the same event a real drag delivers)."""
    event = QDropEvent(QPointF(tile.width() / 2, tile.height() / 2), Qt.DropAction.CopyAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tile.dropEvent(event)


def grid_mime(win: MainWindow, grid_id: str) -> QMimeData:
    model = win.resources.grid_model
    idx = model.index_for_grid(grid_id)
    assert idx.isValid()
    mime = model.mimeData([idx])
    assert mime.hasFormat(ITEMS_MIME)
    return mime


def test_tiles_and_tree_follow_a_grid_status(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    session, win = open_app(qtbot, login, run)
    inv = session.inventory
    pane = win.video_wall
    panel = win.resources
    panel.set_mode("grids")
    model = panel.grid_model
    gid, other = quiet_grids(session, 2)
    cams = pane.controller.camera_ids_for("grid", gid)
    others = pane.controller.camera_ids_for("grid", other)

    # ---- two grids dropped from the grid tree: the wall fills with their cameras
    pane.set_layout(preset(25))
    assert len(cams) + len(others) <= 25
    drop(pane.tiles[0], grid_mime(win, gid))
    drop(pane.tiles[len(cams)], grid_mime(win, other))
    assert [pane.camera_on(t) for t in range(len(cams) + len(others))] == cams + others
    mine = list(range(len(cams)))
    theirs = list(range(len(cams), len(cams) + len(others)))
    grid = inv.grids[gid]
    for t in mine:
        tile = pane.tiles[t]
        assert pane.grid_of(t) == gid and tile.grid_badge.status == "normal"
        assert grid.name in tile.grid_badge.display_text()
        assert not tile.incident
    assert all(pane.grid_of(t) == other for t in theirs)
    # measured with the wall playing, not while 25 players are still starting
    qtbot.waitUntil(lambda: all(pane.state_of(t) in (TileState.PLAYING, TileState.OFFLINE)
                                for t in mine + theirs), timeout=30_000)

    # ---- only the tiles of the grid that changed are relabelled
    relabelled: list[int] = []
    deltas: list[InventoryDelta] = []
    label = pane._label_grid
    pane._label_grid = lambda t: (relabelled.append(t), label(t))[1]  # type: ignore[method-assign]
    unsubscribe = inv.subscribe(deltas.append)
    tree_idx = model.index_for_grid(gid)
    try:
        t0 = time.monotonic()
        demo.hook("grid-status", grid_id=gid, status="incident", reason="test: 火情处置中")
        hooked = time.monotonic() - t0
        qtbot.waitUntil(lambda: all(pane.tiles[t].grid_badge.status == "incident" for t in mine), timeout=10_000)
        tiles_took = time.monotonic() - t0
        town = model.parent(tree_idx)
        qtbot.waitUntil(lambda: model.data(tree_idx, GT.StatusRole) == "incident"
                        and "✖" in model.data(town.siblingAtColumn(GT.COL_STATUS)), timeout=10_000)
        took = time.monotonic() - t0
    finally:
        unsubscribe()
        pane._label_grid = label  # type: ignore[method-assign]
    print(f"\ntiles followed the platform in {tiles_took * 1000:.0f} ms, the tree in {took * 1000:.0f} ms "
          f"(the hook's own round trip: {hooked * 1000:.0f} ms; the goal is 1 s, a figure, not asserted here)")
    changed = {g for d in deltas for g in d.grids}
    changed_cams = {c for d in deltas for c in d.cameras}
    for t in relabelled:
        assert pane.grid_of(t) in changed or pane.camera_on(t) in changed_cams, t
    assert set(mine) <= set(relabelled)
    assert all(pane.tiles[t].grid_badge.status == "normal" for t in theirs)

    # the badge: shape and words, the reason, members and patrol in its tooltip; the calm outline
    tile = pane.tiles[0]
    assert tile.incident
    assert tile.grid_badge.display_text().startswith("✖ ")  # a small tile: the shape
    pane.controller.toggle_maximise(0)
    qtbot.waitUntil(lambda: tile.grid_badge.shows_words(), timeout=1000)  # a wide one: the words too
    assert tile.grid_badge.display_text().startswith("✖ Incident")
    pane.controller.restore()
    tip = tile.grid_badge.toolTip()
    assert "test: 火情处置中" in tip and f"Members: {len(grid.members)}" in tip
    assert f"Patrol on duty: {grid.patrol_on_duty}" in tip
    # the tree: shape + colour + words, the reason in its tooltip, the town's count
    assert model.data(tree_idx.siblingAtColumn(GT.COL_STATUS)) == "✖ Incident"
    assert "test: 火情处置中" in model.data(tree_idx, Qt.ItemDataRole.ToolTipRole)

    # ---- markup in a grid name shows as typed, on the tile and in the tree
    grid.name = "<b>北武台</b> & <i>x</i>"
    demo.hook("grid-status", grid_id=gid, status="attention", reason="<img src=x>")
    qtbot.waitUntil(lambda: tile.grid_badge.status == "attention", timeout=1000)
    assert not tile.incident
    assert tile.grid_badge.display_text() in ("▲ <b>北武台</b> & <i>x</i>", "▲ Attention <b>北武台</b> & <i>x</i>")
    tip = tile.grid_badge.toolTip()
    assert "<b>北武台</b>" not in tip and "&lt;b&gt;北武台&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;" in tip
    assert "&lt;img src=x&gt;" in tip
    assert model.data(tree_idx) == "<b>北武台</b> & <i>x</i>"
    tree_tip = model.data(tree_idx, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;北武台&lt;/b&gt;" in tree_tip and "<img" not in tree_tip

    demo.hook("grid-status", grid_id=gid, status="normal", reason="")
    qtbot.waitUntil(lambda: tile.grid_badge.status == "normal", timeout=2000)


def test_grid_tree_towns_counts_filters_and_speed(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    session, win = open_app(qtbot, login, run)
    inv = session.inventory
    panel = win.resources
    model = panel.grid_model
    panel.set_mode("grids")
    assert panel.trees.currentWidget() is panel.grid_view and panel.status_filter.isVisible()

    # ---- 15 towns, each with its grids; counts match the inventory
    names = G.town_names(inv)
    assert model.rowCount() == 15
    assert [model.data(model.index(r, 0)) for r in range(15)] == [names[t] for t in sorted(names)]
    def counts_current() -> bool:
        # the simulation flips cameras online and offline: the inventory has an event at once, the
        # tree's counts after its coalescing timer; compare when the tree has caught up
        for r in range(model.rowCount()):
            town = model.index(r, 0)
            for k in range(model.rowCount(town)):
                gid = model.data(model.index(k, 0, town), ItemIdRole)
                cams = inv.grid_cameras(gid)
                if model.data(model.index(k, GT.COL_ONLINE, town)) != f"{sum(c.online for c in cams)}/{len(cams)}":
                    return False
        return True

    qtbot.waitUntil(counts_current, timeout=10_000)  # then no event is handled until the checks end
    seen = 0
    for r in range(model.rowCount()):
        town = model.index(r, 0)
        t = int(model.data(town, ItemIdRole))
        expected = sorted(g.id for g in inv.grids.values() if G.town_of(inv, g) == t)
        ids = [model.data(model.index(k, 0, town), ItemIdRole) for k in range(model.rowCount(town))]
        assert ids == expected
        town_on = town_total = 0
        for k, gid in enumerate(ids):
            g_idx = model.index(k, 0, town)
            cams = inv.grid_cameras(gid)
            on = sum(c.online for c in cams)
            assert model.data(g_idx.siblingAtColumn(GT.COL_ONLINE)) == f"{on}/{len(cams)}"
            assert len(cams) == inv.grids[gid].cameras_total
            assert model.rowCount(g_idx) == len(cams)
            town_on += on
            town_total += len(cams)
        assert model.data(town.siblingAtColumn(GT.COL_ONLINE)) == f"{town_on}/{town_total}"
        seen += len(ids)
    assert seen == len(inv.grids) == 1080

    # ---- the status filter keeps only matching grids; with the search too
    def shown() -> list[str]:
        out = []
        for r in range(model.rowCount()):
            town = model.index(r, 0)
            out += [model.data(model.index(k, 0, town), ItemIdRole) for k in range(model.rowCount(town))]
        return out

    panel.set_status_filter({GridStatus.INCIDENT})
    incident = {g.id for g in inv.grids.values() if g.status == GridStatus.INCIDENT}
    assert set(shown()) == incident and incident
    assert panel.status_filter.currentText().startswith("✖ Incident")
    one_town = model.data(model.index(0, 0))
    panel.search.setText(one_town)
    t0 = time.perf_counter()
    panel.apply_search()
    keystroke_filtered = time.perf_counter() - t0
    assert set(shown()) == {g for g in incident if names.get(G.town_of(inv, inv.grids[g]) or 0) == one_town}
    panel.set_status_filter(None)
    assert len(shown()) == sum(1 for g in inv.grids.values() if names.get(G.town_of(inv, g) or 0) == one_town)

    # ---- a keystroke over 1,080 grids and 28,500 cameras (the search applied at once, no debounce)
    timings = []
    for text in ("村", "村口", "第2网格", ""):
        panel.search.setText(text)
        t0 = time.perf_counter()
        panel.apply_search()
        timings.append(time.perf_counter() - t0)
    print(f"\ngrid tree keystroke: {', '.join(f'{t * 1000:.0f}' for t in timings)} ms "
          f"(with a status filter: {keystroke_filtered * 1000:.0f} ms; figures: speed is tests/bench's)")

    # ---- a status delta under the status filter: the grid's row comes and goes, no reset
    gid = quiet_grids(session)[0]
    panel.set_status_filter({GridStatus.INCIDENT})
    resets: list[int] = []
    inserted: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda *_: inserted.append(1))
    assert not model.index_for_grid(gid).isValid()
    flushes: list[float] = []
    flush = model._flush

    def timed_flush() -> None:
        t = time.perf_counter()
        flush()
        flushes.append(time.perf_counter() - t)

    model._flush_timer.timeout.disconnect()
    model._flush_timer.timeout.connect(timed_flush)
    try:
        demo.hook("grid-status", grid_id=gid, status="incident", reason="test")
        qtbot.waitUntil(lambda: model.index_for_grid(gid).isValid(), timeout=1000)
        idx = model.index_for_grid(gid)
        assert panel.grid_view.isExpanded(model.parent(idx))  # its town is open, as the others are
        demo.hook("grid-status", grid_id=gid, status="normal", reason="")
        qtbot.waitUntil(lambda: not model.index_for_grid(gid).isValid(), timeout=1000)
    finally:
        model._flush_timer.timeout.disconnect()
        model._flush_timer.timeout.connect(model._flush)
    assert not resets and inserted
    assert set(shown()) == {g.id for g in inv.grids.values() if g.status == GridStatus.INCIDENT}
    print(f"grid tree status delta: {max(flushes) * 1000:.1f} ms at most over {len(flushes)} flushes")
    assert max(flushes) < 0.05


def test_stale_while_the_event_stream_is_down(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    session, win = open_app(qtbot, login, run)
    pane = win.video_wall
    panel = win.resources
    panel.set_mode("grids")
    model = panel.grid_model
    gid = quiet_grids(session)[0]
    pane.set_layout(preset(16))
    drop(pane.tiles[0], grid_mime(win, gid))
    tile = pane.tiles[0]
    assert tile.grid_badge.stale_text == "" and not panel.stale_banner.isVisible()
    seen: list[str] = []
    # the stream fails to come back three times (backoff 0.5, 1, 2 s): a few seconds stale
    demo.hook("fault", path="/api/v1/events", kind="status_500", times=3)
    try:
        demo.hook("drop-events")
        qtbot.waitUntil(lambda: str(session.state) == "reconnecting", timeout=3000)
        qtbot.waitUntil(lambda: tile.grid_badge.stale_text.startswith("stale"), timeout=1000)
        assert panel.stale_banner.isVisible() and panel.stale_text().startswith("Grid statuses stale")
        assert "stale" in model.headerData(GT.COL_STATUS, Qt.Orientation.Horizontal)
        idx = model.index_for_grid(gid)
        assert "as last known" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
        assert model.data(idx.siblingAtColumn(GT.COL_STATUS), Qt.ItemDataRole.FontRole).italic()
        assert "stale" in tile.grid_badge.display_text()
        # the age moves on, second by second
        qtbot.waitUntil(lambda: seen.append(tile.grid_badge.stale_text) or tile.grid_badge.stale_text == "stale 1 s"
                        or str(session.state) == "connected", timeout=3000)
        assert "stale 1 s" in seen or "stale 2 s" in seen, seen[-3:]
        # the tree's clock ticks on its own second: its age moves on too
        qtbot.waitUntil(lambda: bool(re.match(r"Grid statuses stale [1-9]\d* s", panel.stale_text()))
                        or str(session.state) == "connected", timeout=3000)
        qtbot.waitUntil(lambda: str(session.state) == "connected", timeout=15_000)
    finally:
        demo.hook("clear-faults")
    qtbot.waitUntil(lambda: tile.grid_badge.stale_text == "", timeout=1000)
    assert not panel.stale_banner.isVisible() and panel.stale_text() == ""
    assert model.headerData(GT.COL_STATUS, Qt.Orientation.Horizontal) == "Status"
    assert model.data(model.index_for_grid(gid).siblingAtColumn(GT.COL_STATUS), Qt.ItemDataRole.FontRole) is None


def test_grid_model_passes_the_model_tester(qtbot, full_inventory: Inventory) -> None:  # type: ignore[no-untyped-def]
    """Every row of the grid tree, through filters, status deltas that insert and remove rows, a reset."""
    model = GT.GridTreeModel(full_inventory)
    # Warning mode: the tester's findings reach qt_log_level_fail and fail the test
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    inv = full_inventory
    normal = [g for g in inv.grids.values() if g.status == GridStatus.NORMAL]
    model.set_status_filter({GridStatus.INCIDENT})
    before = model.shown_counts()[0]
    # the first incident of a town that had none inserts the town's row; back to normal removes it
    towns_in_incident = {G.town_of(inv, g) for g in inv.grids.values() if g.status == GridStatus.INCIDENT}
    lonely = next(g for g in normal if G.town_of(inv, g) not in towns_in_incident)
    crowded = next(g for g in normal if G.town_of(inv, g) in towns_in_incident)
    for gid, status in ((crowded.id, GridStatus.INCIDENT), (lonely.id, GridStatus.INCIDENT)):
        inv.apply([_grid_event(inv, gid, status)])
        model.flush()
    assert model.shown_counts()[0] == before + 2
    assert model.index_for_town(G.town_of(inv, lonely)).isValid()
    inv.apply([_grid_event(inv, lonely.id, GridStatus.NORMAL)])
    model.flush()
    assert not model.index_for_town(G.town_of(inv, lonely)).isValid()
    model.set_filter("村口")
    model.set_stale(3.0)
    assert model.headerData(GT.COL_STATUS, Qt.Orientation.Horizontal) == "Status · stale 3 s"
    model.set_stale(None)
    model.set_status_filter(None)
    model.set_filter("")
    inv.replace(list(inv.sites.values()), list(inv.cameras.values()), list(inv.grids.values())[:10], version=2)
    assert model.shown_counts()[0] == 10
    del tester


def _grid_event(inv: Inventory, grid_id: str, status: GridStatus) -> GridStatusEvent:
    grid = inv.grids[grid_id]
    return GridStatusEvent(id=1, at=datetime.now(UTC), inventory_version=inv.version, grid_id=grid_id,
                           status=status, status_reason="test", cameras_online=grid.cameras_online)
