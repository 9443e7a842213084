"""The audit trail in the real app: the dispatcher's pane (filters, paging, CSV), the pane greyed for
others, and end to end: a camera opened on the wall shows in the trail with user, workstation and time.

Everything is real: the demo platform (its SQLite trail), Session, MainWindow, the plugin through its
entry point (``audit`` in pyproject.toml), libVLC playing the camera.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from controlroom.plugins.audit.api import csv_bytes, neutralise
from controlroom.plugins.audit.plugin import AuditPlugin
from controlroom.plugins.audit.widgets.model import Column
from controlroom.ui.main_window import MainWindow
from wall_helpers import cameras_by_stream, loaded_session

from controlroom.api.schema import AuditAction
from controlroom.plugins_loader import PluginState
from controlroom.session import Session
from controlroom.video.player import TileState

HOSTILE_NAMES = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "<b>粗体</b> 席位", "\u202eevil"]


@pytest.fixture(autouse=True)
def only_audit(only_plugins: Callable[..., None]) -> None:
    only_plugins("audit")


def _open(qtbot: Any, session: Session) -> tuple[MainWindow, AuditPlugin]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.waitExposed(win)
    win.loading_finished()
    record = win.plugins.manager.records["audit"]
    assert record.state == PluginState.LOADED, record.reason
    plugin = win.plugins.manager.get("audit")
    assert isinstance(plugin, AuditPlugin)
    return win, plugin


def _post(demo: Any, workstation: str, entries: list[dict]) -> None:
    token = httpx.post(f"{demo.url}/api/v1/auth/login",
                       json={"username": "dispatcher", "password": "dispatch123"}).json()["access_token"]
    for i in range(0, len(entries), 400):
        r = httpx.post(f"{demo.url}/api/v1/audit/batch", headers={"Authorization": f"Bearer {token}"}, json={
            "batch_id": secrets.token_hex(8), "workstation": workstation, "entries": entries[i:i + 400]})
        r.raise_for_status()


def _search(qtbot: Any, plugin: AuditPlugin) -> None:
    before = plugin.loads
    plugin.search()
    qtbot.waitUntil(lambda: plugin.loads > before and not plugin.model.loading, timeout=10_000)


def test_the_pane_filters_pages_and_exports_csv_safely(qtbot, login, run, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = loaded_session(login, run)
    cams = cameras_by_stream(session.inventory, 2)
    # a day of its own, years back: no other test's entries fall in it
    day = datetime(2021, 3, 1, tzinfo=UTC) + timedelta(days=secrets.randbelow(300))
    entries = [{"at": (day + timedelta(seconds=i)).isoformat(), "action": "camera_opened", "camera_id": cams[0],
                "mode": "live", "detail": f"tile {i}"} for i in range(230)]
    entries += [{"at": (day + timedelta(seconds=300 + i)).isoformat(), "action": "export", "camera_id": cams[1],
                 "mode": "playback", "detail": name} for i, name in enumerate(HOSTILE_NAMES)]
    _post(demo, "=HYPERLINK(\"http://x\")", entries)
    win, plugin = _open(qtbot, session)
    try:
        pane = plugin.pane
        assert pane.isEnabled() and not pane.reason.isVisible()
        pane.set_range(day, day + timedelta(hours=1))
        pane.user.setText("dispatcher")
        # ---- one camera, by (part of) its name
        cam_name = session.inventory.cameras[cams[1]].name
        pane.camera.setText(cam_name)
        _search(qtbot, plugin)
        assert plugin.problem == "" and plugin.query.camera_id == cams[1]
        rows = [plugin.model.display(e, Column.DETAIL) for e in plugin.model.entries]
        assert len(rows) == len(HOSTILE_NAMES) and rows[0] == "⚠ evil"  # bidi control neutralised
        assert "<b>粗体</b> 席位" in rows  # markup stays text (a table cell is plain text)
        assert plugin.model.display(plugin.model.entries[0], Column.ACTION) == "Exported"
        assert cams[1] in plugin.model.display(plugin.model.entries[0], Column.CAMERA)

        # ---- the other camera: 230 entries load a page at a time as the table scrolls
        pane.camera.setText(cams[0])
        _search(qtbot, plugin)
        assert len(plugin.model.entries) == 200 and plugin.model.total == 230
        assert pane.status.text() == "200 of 230 entries"
        assert plugin.model.canFetchMore()
        pane.table.scrollToBottom()  # the view asks the model for more at its end
        qtbot.waitUntil(lambda: len(plugin.model.entries) == 230, timeout=10_000)
        assert not plugin.model.canFetchMore()
        assert [e.detail for e in plugin.model.entries][:2] == ["tile 229", "tile 228"]  # newest first

        # ---- action filter; a camera name that matches nothing says so
        pane.camera.setText("")
        pane.set_action(AuditAction.EXPORT)
        _search(qtbot, plugin)
        assert {e.action for e in plugin.model.entries} == {"export"} and plugin.model.total == len(HOSTILE_NAMES)
        pane.camera.setText("no such camera 无此摄像机")
        _search(qtbot, plugin)
        assert "No camera" in plugin.problem and plugin.model.rowCount() == 0

        # ---- CSV: every matching entry, formulas neutralised, UTF-8 with a BOM
        pane.camera.setText("")
        pane.set_action(None)
        _search(qtbot, plugin)
        out = tmp_path / "trail.csv"
        n = run(plugin.export_to(out), 30_000)
        assert n == 230 + len(HOSTILE_NAMES)
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows2 = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert len(rows2) == n
        details = {r["detail"] for r in rows2}
        assert {"'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1:A9)", "<b>粗体</b> 席位"} <= details
        assert {r["workstation"] for r in rows2} == {"'=HYPERLINK(\"http://x\")"}
        assert all(not v.startswith(("=", "+", "-", "@")) for r in rows2 for v in r.values())
        assert rows2[0]["camera"] == session.inventory.cameras[cams[1]].name
        assert pane.status.text() == f"Saved {n} entries to trail.csv."
    finally:
        win.close()


def test_neutralise_and_csv_bytes() -> None:
    assert neutralise("=1+2") == "'=1+2" and neutralise("\t=x") == "'\t=x" and neutralise("普通") == "普通"
    assert csv_bytes([], lambda _c: "").startswith(b"\xef\xbb\xbftime,user,")


@pytest.mark.parametrize(("user", "password", "words"), [
    ("town01", "desk123", "town desk"), ("presenter", "present123", "view only")])
def test_the_pane_is_greyed_with_the_reason_for_others(qtbot, login, run, user: str, password: str,  # type: ignore[no-untyped-def]
                                                       words: str) -> None:
    session = login(user, password)
    run(session.load_inventory(), 60_000)
    win, plugin = _open(qtbot, session)
    try:
        pane = plugin.pane
        assert words in plugin.reason and pane.reason.isVisible() and pane.reason.text() == plugin.reason
        assert not pane.table.isEnabled() and not pane.export.isEnabled() and not pane.search.isEnabled()
        assert pane.export.toolTip() == plugin.reason
        assert plugin.loads == 0  # it never asked the platform
    finally:
        win.close()


def test_a_camera_opened_on_the_wall_is_in_the_trail(qtbot, login, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ws = f"调度席 {secrets.token_hex(3)}"
    monkeypatch.setenv("CONTROLROOM_WORKSTATION", ws)
    session = loaded_session(login, run)
    assert session.audit.enabled and session.audit.workstation == ws
    cam = cameras_by_stream(session.inventory, 1)[0]
    win, plugin = _open(qtbot, session)
    try:
        began = datetime.now(UTC)
        wall = win.video_wall
        wall.controller.assign(0, cam)
        qtbot.waitUntil(lambda: wall.state_of(0) is TileState.PLAYING, timeout=20_000)
        wall.controller.clear(0)
        assert session.audit.queued == 2  # waiting for the next batch, not sent one by one
        run(session.audit.flush())
        plugin.pane.set_range(began - timedelta(minutes=1), began + timedelta(minutes=10))
        plugin.pane.camera.setText(cam)
        _search(qtbot, plugin)
        mine = [e for e in plugin.model.entries if e.workstation == ws]
        assert [e.action for e in mine] == ["camera_closed", "camera_opened"]
        opened = mine[1]
        assert opened.user == "dispatcher" and opened.mode == "live" and opened.source == "client"
        assert began - timedelta(seconds=5) <= opened.at <= datetime.now(UTC)
        row = plugin.model.entries.index(opened)
        assert plugin.model.display(opened, Column.WORKSTATION) == ws
        assert plugin.model.index(row, Column.USER).data() == "dispatcher"
        # the platform recorded this workstation's login itself (the X-Workstation header)
        plugin.pane.camera.setText("")
        plugin.pane.set_action(AuditAction.LOGIN)
        _search(qtbot, plugin)
        assert any(e.workstation == ws and e.user == "dispatcher" for e in plugin.model.entries)
    finally:
        win.close()


def test_a_pre_rolled_camera_counts_only_once_it_is_in_front(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    """A tile tour pre-rolls the next camera on the hidden surface (real video): that is not watching
    it. It is watched from the step that brings it to the front; the one it replaces stops then."""
    from controlroom.ui.wall.wall_view import WallPane
    from PySide6.QtWidgets import QMainWindow

    from controlroom.wall.layouts import preset

    session = loaded_session(login, run)
    now = [1000.0]
    win = QMainWindow()
    pane = WallPane(session, win, clock=lambda: now[0])
    win.setCentralWidget(pane)
    win.resize(1000, 600)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    started: list[str] = []
    stopped: list[str] = []
    pane.watching_started.connect(started.append)
    pane.watching_stopped.connect(stopped.append)
    try:
        pane.set_layout(preset(4))
        cams = cameras_by_stream(session.inventory, 3)
        pane.start_tile_tour(0, cams, 5.0)
        assert started == [cams[0]] and stopped == []
        qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=15_000)
        now[0] += 3.0  # the next camera pre-rolls, live, behind the one shown
        qtbot.waitUntil(lambda: pane.videos[0].back_camera == cams[1]
                        and pane.videos[0].back.state is TileState.PLAYING, timeout=15_000)
        assert started == [cams[0]] and stopped == []
        now[0] += 2.1  # the step: the pre-rolled picture comes to the front
        qtbot.waitUntil(lambda: pane.camera_on(0) == cams[1], timeout=5000)
        assert started == [cams[0], cams[1]] and stopped == [cams[0]]
        pane.stop_tile_tour(0)
        # a profile switch of the camera in front is not a new camera
        pane.force_profile(0, "main")
        qtbot.waitUntil(lambda: pane.profile_of(0) == "main", timeout=15_000)
        assert started == [cams[0], cams[1]] and stopped == [cams[0]]
    finally:
        pane.shutdown()
        win.close()
    assert stopped == [cams[0], cams[1]]  # closing the wall stops what it showed
