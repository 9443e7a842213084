"""End to end: the app's session loop on the real demo platform.

What ``run_app`` runs, on the test's QApplication: the login dialog logs in
by itself (as ``controlroom demo`` does), the main window loads the
inventory with progress and starts the event stream; a platform-side change
(the demo's test hook) reaches the tree; logging out and in again as a town
desk shows only that town. No keyring here (the no-backend path): the
keyring itself is tested in test_login_dialog.py.
"""

from __future__ import annotations

import asyncio
from typing import TypeVar

from controlroom.ui.app import run_sessions
from controlroom.ui.login_dialog import LoginDialog
from controlroom.ui.main_window import MainWindow
from controlroom.ui.tree_model import (
    COL_ONLINE,
    ItemIdRole,
    ItemTypeRole,
    OnlineRole,
    ResourceTreeModel,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget

from controlroom.api.schema import Tier
from controlroom.inventory import Inventory

W = TypeVar("W", bound=QWidget)
GATE_CAMERA = "北武台社区村口"  # the demo network's example, in 武台镇 (town 03)


def _shown(kind: type[W], other_than: QWidget | None = None) -> W | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, kind) and w.isVisible() and w is not other_than:
            return w
    return None


def _ready(win: MainWindow) -> bool:
    """Loaded, and the live event stream is connected."""
    events = win.session.events
    return not win.loading and events is not None and str(events.state) == "live"


def _tree_shape(model: ResourceTreeModel, inv: Inventory) -> dict[str, object]:
    """Sites per tree level by tier, and the cameras, walking the model as a view does."""
    tiers: dict[int, set[Tier]] = {}
    cameras = 0
    camera_parents: set[Tier] = set()
    stack: list[tuple[QModelIndex, int]] = [(QModelIndex(), -1)]
    while stack:
        parent, depth = stack.pop()
        for row in range(model.rowCount(parent)):
            idx = model.index(row, 0, parent)
            if model.data(idx, ItemTypeRole) == "camera":
                cameras += 1
                camera_parents.add(inv.sites[model.data(parent, ItemIdRole)].tier)
            else:
                tiers.setdefault(depth + 1, set()).add(inv.sites[model.data(idx, ItemIdRole)].tier)
                stack.append((idx, depth + 1))
    return {"levels": tiers, "cameras": cameras, "camera_parents": camera_parents}


def _offline_shown(model: ResourceTreeModel, camera_id: str) -> bool:
    idx = model.index_for_camera(camera_id)
    return (idx.isValid() and model.data(idx, OnlineRole) is False
            and model.data(idx.siblingAtColumn(COL_ONLINE)) == "offline")


def test_app_on_the_demo(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    app = asyncio.ensure_future(run_sessions(url=demo.url, username="dispatcher", password="dispatch123"))

    # ---- the dispatcher: logged in by the dialog, the whole county loaded, events live
    qtbot.waitUntil(lambda: _shown(MainWindow) is not None, timeout=5000)
    win = _shown(MainWindow)
    assert win is not None
    qtbot.waitUntil(lambda: _ready(win), timeout=10_000)
    session = win.session
    assert session.user is not None and session.user.username == "dispatcher"
    assert win.connection.state == "connected" and win.connection._text.text() == "Connected"
    assert win.progress.maximum() == win.progress.value() == 28_500, "loaded with progress"
    assert not win.progress.isVisibleTo(win) and win.wall.loading_line.text() == ""
    model = win.resources.model
    shape = _tree_shape(model, session.inventory)
    assert shape["levels"] == {0: {Tier.COUNTY}, 1: {Tier.TOWN}, 2: {Tier.VILLAGE}}
    assert shape["cameras"] == 28_500
    assert shape["camera_parents"] == {Tier.TOWN, Tier.VILLAGE}
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "平邑县社会治安指挥中心"

    # ---- a camera goes offline on the platform: its row says so
    gate = next(c for c in session.inventory.cameras.values() if c.name == GATE_CAMERA)
    was_online = gate.online
    try:
        if not was_online:  # another test or the simulation took it down: bring it up first
            demo.hook("camera-online", camera_id=gate.id, online=True)
            qtbot.waitUntil(lambda: model.data(model.index_for_camera(gate.id), OnlineRole) is True, timeout=5000)
        demo.hook("camera-online", camera_id=gate.id, online=False)
        qtbot.waitUntil(lambda: _offline_shown(model, gate.id), timeout=5000)
        idx = model.index_for_camera(gate.id)
        assert model.data(idx) == GATE_CAMERA
        assert model.data(idx.siblingAtColumn(COL_ONLINE), Qt.ItemDataRole.ForegroundRole) is not None
    finally:
        demo.hook("camera-online", camera_id=gate.id, online=was_online)

    # ---- log out; the login dialog comes back; log in as the 武台镇 desk
    win.action_logout.trigger()
    qtbot.waitUntil(lambda: _shown(LoginDialog) is not None, timeout=5000)
    dlg = _shown(LoginDialog)
    assert dlg is not None
    assert dlg.url_edit.text() == demo.url and dlg.user_edit.text() == "dispatcher"
    assert dlg.password_edit.text() == "", "without a keyring the password is not remembered"
    dlg.user_edit.setText("town03")
    dlg.password_edit.setText("desk123")
    dlg.login_button.click()
    qtbot.waitUntil(lambda: _shown(MainWindow, other_than=win) is not None, timeout=5000)
    desk = _shown(MainWindow, other_than=win)
    assert desk is not None
    qtbot.waitUntil(lambda: _ready(desk), timeout=10_000)
    assert desk.connection.state == "connected"
    dm = desk.resources.model
    county = dm.index(0, 0)
    assert dm.rowCount() == 1 and dm.data(county) == "平邑县社会治安指挥中心"
    towns = [dm.index(r, 0, county) for r in range(dm.rowCount(county))]
    assert sorted(dm.data(i) for i in towns if dm.data(i, ItemTypeRole) == "site") == ["武台镇中心警务室", "武台镇派出所"]
    assert {desk.session.inventory.sites[c.site_id].town for c in desk.session.inventory.cameras.values()} == {3}
    assert dm.totals()[1] == len(desk.session.inventory.cameras) > 0

    # ---- quitting ends the session loop
    desk.close()
    qtbot.waitUntil(app.done, timeout=5000)
    assert app.result() == 0
    assert str(desk.session.state) == "disconnected", "the session is closed on the way out"
