"""The right alert gets acknowledged (issue 9 item 4), in the real app on the real demo platform.

Alerts flow in (injected through the platform's test hook, one after another,
as fast as the platform takes them) between the operator's click and Space:
the list must not move, the selection must stay on the clicked alert, and
Space must acknowledge that one. Critical alerts stay pinned on top; an
acknowledgement carries a note to the platform and can be undone before it
is sent; the pane shows at least 8 rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from controlroom.plugins.alerts.widgets.model import ALERT_ID_ROLE, Column
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication
from test_alerts_plugin import open_window, row_centre, shown_ids

from controlroom.api.schema import AlertAcknowledgedEvent


@pytest.fixture(autouse=True)
def only_alerts(only_plugins: Callable[..., None]) -> None:
    only_plugins("alerts")


def _activate(qtbot: Any, win: Any) -> None:
    win.activateWindow()  # a click gives the table the focus only in the active window
    qtbot.waitUntil(win.isActiveWindow)


def _raise(demo: Any, n: int, kind: str = "grid_incident") -> list[str]:
    return [demo.hook("alert", kind=kind)["id"] for _ in range(n)]


def test_the_clicked_alert_is_the_one_acknowledged_while_alerts_flow(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    _activate(qtbot, win)
    plugin.undo_seconds = 1.0
    acks: list[AlertAcknowledgedEvent] = []
    session.on_events(lambda batch: acks.extend(e for e in batch if isinstance(e, AlertAcknowledgedEvent)))
    pane, table = plugin.pane, plugin.pane.table

    # ---- at least 8 rows by default
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows >= 8, rows

    first = _raise(demo, 12)
    qtbot.waitUntil(lambda: all(i in shown_ids(plugin) for i in first), timeout=10_000)
    target = first[5]
    pos = row_centre(plugin, target)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert pane.selected_ids() == [target] and table.hasFocus() and pane.frozen
    row_before = plugin.proxy.mapFromSource(plugin.model.index(plugin.model.row_of(target), 0)).row()

    # ---- alerts keep coming between the click and Space
    burst = _raise(demo, 20)
    qtbot.waitUntil(lambda: all(i in plugin.book for i in burst), timeout=10_000)
    assert not any(i in shown_ids(plugin) for i in burst), "held while the operator works in the list"
    assert table.indexAt(pos).siblingAtColumn(0).data(ALERT_ID_ROLE) == target, "nothing moved under the pointer"
    assert plugin.proxy.mapFromSource(plugin.model.index(plugin.model.row_of(target), 0)).row() == row_before
    # the simulation raises its own alerts too: at least ours are announced
    assert pane.new_button.isVisible() and " new ↑" in pane.new_button.text()
    assert int(pane.new_button.text().split()[0].replace(",", "")) == len(plugin.model.held()) >= len(burst)
    assert pane.selected_ids() == [target]

    # ---- Space: that alert, and only that one, is acknowledged (after the undo time), with the note
    pane.note.setText("巡逻已派出 <b>patrol</b> sent")
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert plugin.model.is_scheduled(target)
    assert pane.undo_button.isVisible()
    qtbot.waitUntil(lambda: any(e.alert_id == target for e in acks), timeout=10_000)
    ours = [e for e in acks if e.acknowledged_by == "dispatcher"]
    assert [e.alert_id for e in ours] == [target]
    assert ours[0].note == "巡逻已派出 <b>patrol</b> sent"
    platform = {a.id: a for a in run(session.client.alerts())}
    assert platform[target].acknowledged_note == "巡逻已派出 <b>patrol</b> sent"
    qtbot.waitUntil(lambda: plugin.model.index(plugin.model.row_of(target), Column.ACKNOWLEDGED).data().endswith(
        ": 巡逻已派出 <b>patrol</b> sent"), timeout=5000)

    # ---- "20 new ↑": a click shows them on top, the selection stays
    qtbot.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    assert all(i in shown_ids(plugin) for i in burst) and not pane.new_button.isVisible()
    assert pane.selected_ids() == [target]
    win.close()


def test_undo_sends_nothing_and_critical_alerts_stay_pinned(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    _activate(qtbot, win)
    plugin.undo_seconds = 10.0
    acks: list[AlertAcknowledgedEvent] = []
    session.on_events(lambda batch: acks.extend(e for e in batch if isinstance(e, AlertAcknowledgedEvent)))
    pane, table = plugin.pane, plugin.pane.table
    win.video_wall.wall.setFocus()  # the operator is on the wall: the list follows the platform

    # ---- a critical alert stays on top while newer, lesser ones arrive
    sos = demo.hook("alert", kind="patrol_sos")["id"]
    later = _raise(demo, 6)
    qtbot.waitUntil(lambda: all(i in shown_ids(plugin) for i in [sos, *later]), timeout=10_000)
    assert not pane.frozen
    assert shown_ids(plugin)[0] == sos
    assert shown_ids(plugin).index(later[-1]) > 0

    # ---- the pointer over the list (no focus) holds it still too; leaving it shows what came
    QApplication.sendEvent(table.viewport(), QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert pane.frozen and not table.hasFocus()
    hovered = _raise(demo, 2)
    qtbot.waitUntil(lambda: all(i in plugin.book for i in hovered), timeout=10_000)
    assert not any(i in shown_ids(plugin) for i in hovered) and pane.new_button.isVisible()
    QApplication.sendEvent(table.viewport(), QEvent(QEvent.Type.Leave))
    assert not pane.frozen and all(i in shown_ids(plugin) for i in hovered)
    assert not pane.new_button.isVisible() and shown_ids(plugin)[0] == sos

    # ---- acknowledge it, undo within the time: nothing reaches the platform
    assert pane.select_alert(sos)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    text = plugin.model.index(plugin.model.row_of(sos), Column.ACKNOWLEDGED).data()
    assert text.startswith("Acknowledging in ") and text.endswith("Undo")
    assert pane.undo_button.isVisible() and "Undo acknowledging 1" in pane.undo_button.text()
    qtbot.mouseClick(pane.undo_button, Qt.MouseButton.LeftButton)
    assert not plugin.model.is_scheduled(sos) and not pane.undo_button.isVisible()
    assert plugin.model.index(plugin.model.row_of(sos), Column.ACKNOWLEDGED).data() == "Open"
    # the same click on the row's "Undo" takes it back too
    qtbot.keyClick(table, Qt.Key.Key_Space)
    idx = plugin.proxy.mapFromSource(plugin.model.index(plugin.model.row_of(sos), Column.ACKNOWLEDGED))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(idx).center())
    assert not plugin.model.is_scheduled(sos)
    platform = {a.id: a for a in run(session.client.alerts())}
    assert platform[sos].acknowledged_by is None, "an undone acknowledgement was never sent"

    # ---- acknowledged for real: it leaves the pinned rows for its place in time, still selected
    plugin.undo_seconds = 0.2
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: any(e.alert_id == sos for e in acks), timeout=10_000)
    assert not any(e.alert_id == sos and e.note for e in acks)  # no note typed: none sent
    win.video_wall.wall.setFocus()
    qtbot.waitUntil(lambda: shown_ids(plugin).index(sos) > shown_ids(plugin).index(later[-1]), timeout=5000)
    assert pane.selected_ids() == [sos]
    win.close()


def test_closing_the_window_sends_what_waits_to_be_sent(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    _activate(qtbot, win)
    plugin.undo_seconds = 60.0
    alert_id = demo.hook("alert", kind="grid_incident")["id"]
    qtbot.waitUntil(lambda: alert_id in plugin.book, timeout=10_000)
    plugin.acknowledge([alert_id], "closing")
    assert plugin.model.is_scheduled(alert_id)
    win.close()  # the operator acknowledged it: it must not be lost with the window

    def acknowledged() -> bool:
        return {a.id: a for a in run(session.client.alerts())}[alert_id].acknowledged_note == "closing"

    qtbot.waitUntil(acknowledged, timeout=10_000)
