"""The alerts pane in the real app: the real demo platform, real Session, real MainWindow,
the plugin loaded through its real entry point (``alerts`` in pyproject.toml).

Alerts are raised on the platform with its test hook; the pane must show
them, acknowledge them through the platform (the acknowledgement comes back
as an event), put their cameras on the wall, survive a dropped event stream
without losing or doubling an alert, and refuse acknowledgement to a
presenter.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from controlroom.plugins.alerts.api import AlertBook, AlertPlaces
from controlroom.plugins.alerts.plugin import AlertsPlugin
from controlroom.plugins.alerts.widgets.model import ALERT_ID_ROLE, AlertTableModel, Column
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.plugin_host import PluginHost
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from controlroom.api.schema import Alert, AlertAcknowledgedEvent, AlertKind, CameraKind, Severity
from controlroom.plugins_loader import PluginState, discover
from controlroom.session import Session


@pytest.fixture(autouse=True)
def only_alerts(only_plugins: Callable[..., None]) -> None:
    """Only the alerts plugin on (colleagues' plugins stay out)."""
    only_plugins("alerts")


def open_window(qtbot: Any, session: Session, run: Callable[..., Any]) -> tuple[MainWindow, AlertsPlugin]:
    """The real main window on ``session``, loaded, its event stream live; the alerts plugin in it."""
    win = MainWindow(session)
    qtbot.addWidget(win)
    # the plugins get the window's real wall (ctx.wall)
    assert win.plugins.manager.wall is win.video_wall.controller
    win.resize(1600, 900)
    win.show()
    record = win.plugins.manager.records["alerts"]
    assert record.state == PluginState.LOADED, record.reason
    assert record.target == "controlroom.plugins.alerts.plugin:AlertsPlugin"
    assert record.distribution == "controlroom"
    plugin = win.plugins.manager.get("alerts")
    assert isinstance(plugin, AlertsPlugin)
    run(load_session(session, win), 60_000)
    qtbot.waitUntil(lambda: session.events is not None and session.events.state == "live", timeout=10_000)
    qtbot.waitUntil(lambda: plugin.fetches >= 1, timeout=10_000)
    plugin.undo_seconds = 0.3  # acknowledgements go after a short undo time (the 10 s: test_alerts_stability)
    return win, plugin


def shown_ids(plugin: AlertsPlugin) -> list[str]:
    proxy = plugin.proxy
    return [proxy.index(r, 0).data(ALERT_ID_ROLE) for r in range(proxy.rowCount())]


def cell(plugin: AlertsPlugin, alert_id: str, col: Column) -> str:
    row = plugin.model.row_of(alert_id)
    assert row is not None
    return plugin.model.index(row, col).data()


def row_centre(plugin: AlertsPlugin, alert_id: str) -> QPoint:
    table = plugin.pane.table
    idx = plugin.proxy.mapFromSource(plugin.model.index(plugin.model.row_of(alert_id), Column.MESSAGE))
    table.scrollTo(idx)
    return table.visualRect(idx).center()


def checkpoint(session: Session) -> str:
    cams = sorted(c.id for c in session.inventory.cameras.values() if c.kind == CameraKind.CHECKPOINT and c.online)
    return cams[0]


def test_raise_see_acknowledge_and_put_on_the_wall(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    acks: list[AlertAcknowledgedEvent] = []
    session.on_events(lambda batch: acks.extend(e for e in batch if isinstance(e, AlertAcknowledgedEvent)))
    # the demo's desks acknowledge oldest first: alerts raised before ours keep them busy
    for _ in range(3):
        demo.hook("alert", kind="grid_incident")

    # ---- a checkpoint hit raised on the platform shows in the pane
    raised = demo.hook("alert", kind="checkpoint_hit", camera_id=checkpoint(session))
    alert_id = raised["id"]
    qtbot.waitUntil(lambda: alert_id in shown_ids(plugin), timeout=10_000)
    assert cell(plugin, alert_id, Column.SEVERITY) == "Warning"
    assert cell(plugin, alert_id, Column.KIND) == "Checkpoint hit"
    assert cell(plugin, alert_id, Column.PLACE) == session.inventory.cameras[raised["camera_ids"][0]].name
    # the message without the place it starts with (that has its own column)
    place = cell(plugin, alert_id, Column.PLACE)
    assert raised["message"] == f"{place}：{cell(plugin, alert_id, Column.MESSAGE)}"
    assert cell(plugin, alert_id, Column.ACKNOWLEDGED) == "Open"
    assert cell(plugin, alert_id, Column.TOWN)
    assert plugin.book.is_unread(alert_id)
    assert "new" in plugin.dock.windowTitle() and "new" in plugin.badge.text()
    assert plugin.badge.isVisible() and plugin.dock.isVisible()

    # ---- selecting it reads it; Space acknowledges it through the platform
    table = plugin.pane.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(plugin, alert_id))
    assert plugin.pane.selected_ids() == [alert_id]
    assert not plugin.book.is_unread(alert_id)
    assert plugin.pane.ack_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    # the platform tells every client: the event comes back, the row says who and when
    qtbot.waitUntil(lambda: any(e.alert_id == alert_id for e in acks), timeout=10_000)
    event = next(e for e in acks if e.alert_id == alert_id)
    assert event.acknowledged_by == "dispatcher"
    ack = plugin.book.get(alert_id)
    assert ack is not None and ack.acknowledged_by == "dispatcher" and ack.acknowledged_at == event.acknowledged_at
    assert cell(plugin, alert_id, Column.ACKNOWLEDGED).startswith("dispatcher at ")
    assert not plugin.pane.ack_button.isEnabled(), "nothing open is selected any more"
    platform = {a.id: a for a in run(session.client.alerts())}
    assert platform[alert_id].acknowledged_by == "dispatcher"

    # ---- double-click: its cameras on the wall (several: from tile 1, in a layout big enough)
    wall = plugin.ctx.wall
    assert wall is not None
    cameras = raised["camera_ids"]
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(plugin, alert_id))
    if len(cameras) == 1:
        assert wall.slot(wall.selected or 0).camera_id == cameras[0]
    else:
        assert len(wall.layout) >= len(cameras)
        assert [wall.slot(t).camera_id for t in range(len(cameras))] == cameras
    assert plugin.toast.isVisible() and plugin.toast.text().startswith("On the wall")
    # and the tiles it used blink to draw the eye
    shown = [wall.selected or 0] if len(cameras) == 1 else list(range(len(cameras)))
    assert all(win.video_wall.tiles[t].flashing for t in shown)

    # ---- one camera (a camera offline) goes on the selected tile; Enter does it too
    offline = demo.hook("alert", kind="camera_offline", camera_id=cameras[-1])
    assert offline["camera_ids"] == [cameras[-1]]
    qtbot.waitUntil(lambda: offline["id"] in shown_ids(plugin), timeout=10_000)
    wall.select(len(wall.layout) - 1)
    assert plugin.pane.select_alert(offline["id"])
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert wall.slot(len(wall.layout) - 1).camera_id == cameras[-1]
    assert plugin.toast.text() == (
        f"On the wall, tile {len(wall.layout)}: {session.inventory.cameras[cameras[-1]].name}")
    win.close()


def test_dropped_event_stream_loses_nothing_and_doubles_nothing(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    assert session.events is not None
    before = [demo.hook("alert", kind=k)["id"] for k in ("checkpoint_hit", "grid_incident")]
    qtbot.waitUntil(lambda: all(i in plugin.book for i in before), timeout=10_000)
    fetches, reconnects = plugin.fetches, session.events.reconnects

    # the platform drops every event stream; alerts keep coming while the client reconnects
    assert demo.hook("drop-events")["dropped"] >= 1
    during = [demo.hook("alert", kind=k)["id"] for k in ("patrol_sos", "camera_offline", "checkpoint_hit")]
    qtbot.waitUntil(lambda: session.events.reconnects > reconnects, timeout=10_000)
    after = [demo.hook("alert", kind="grid_incident")["id"]]
    ids = before + during + after
    qtbot.waitUntil(lambda: all(i in plugin.book for i in ids), timeout=15_000)
    # a reconnect refetches the list and merges it: still each alert once
    qtbot.waitUntil(lambda: plugin.fetches > fetches, timeout=10_000)
    shown = Counter(plugin.model.ids)
    assert all(shown[i] == 1 for i in ids), {i: shown[i] for i in ids}
    assert max(shown.values()) == 1 and len(shown) == len(plugin.book) == plugin.model.rowCount()
    assert Counter(shown_ids(plugin)) == shown
    platform = [a.id for a in run(session.client.alerts(limit=50))]
    assert set(platform) <= set(plugin.book.ids)
    # newest first (alerts raised in the same instant: the later id first)
    times = [a.raised_at for a in plugin.book]
    assert times == sorted(times, reverse=True)
    # the SOS raised during the outage is news: unread, and popped up
    assert plugin.book.is_unread(during[0]) or not plugin.book.is_open(during[0])
    win.close()


def test_resync_refetches_what_the_stream_cannot_replay(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    assert session.events is not None
    fetches = plugin.fetches
    # Qt does not spin between these calls, so the client reconnects only after all of
    # them, asking to resume from before ``lost``: the platform has forgotten that far
    # back and says "resync"; neither alert comes by the stream, only by the refetch
    demo.hook("drop-events")
    lost = demo.hook("alert", kind="patrol_sos")["id"]
    version = demo.hook("resync")["inventory_version"]
    later = demo.hook("alert", kind="checkpoint_hit")["id"]
    qtbot.waitUntil(lambda: lost in plugin.book and later in plugin.book, timeout=20_000)
    assert plugin.fetches > fetches
    qtbot.waitUntil(lambda: session.inventory.version >= version, timeout=20_000)  # it did resync
    qtbot.waitUntil(lambda: session.state == "connected" and not plugin._fetching, timeout=20_000)
    assert Counter(plugin.model.ids)[lost] == 1 and Counter(plugin.model.ids)[later] == 1
    assert len(set(plugin.model.ids)) == len(plugin.model.ids) == len(plugin.book)
    # missed while away: news (unless a desk acknowledged it meanwhile)
    assert plugin.book.is_unread(lost) or not plugin.book.is_open(lost)
    win.close()


def test_critical_alert_pops_up_until_acknowledged(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win, plugin = open_window(qtbot, session, run)
    assert plugin.ctx.settings.get("sound") is False, "sound is off by default"
    sos = demo.hook("alert", kind="patrol_sos")
    assert sos["severity"] == Severity.CRITICAL
    qtbot.waitUntil(lambda: plugin.notice.isVisible() and sos["id"] in plugin.notice.alert_ids, timeout=10_000)
    assert plugin.notice.alert_ids[0] == sos["id"]
    assert sos["message"] in plugin.notice.text.text()
    assert plugin.notice.text.textFormat() == Qt.TextFormat.PlainText
    assert cell(plugin, sos["id"], Column.SEVERITY) == "Critical"
    assert not plugin.notice.isActiveWindow(), "the pop-up takes no focus"
    assert plugin.badge.text().startswith("Alerts: ") and "new" in plugin.badge.text()
    # acknowledge from the pop-up: it goes when the platform confirms
    qtbot.mouseClick(plugin.notice.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not plugin.book.is_open(sos["id"]), timeout=10_000)
    # the pop-up lets it go: it closes, or shows the next open critical alert (the shared demo's
    # simulation raises some of its own while the suite runs)
    qtbot.waitUntil(lambda: sos["id"] not in plugin.notice.alert_ids, timeout=5_000)
    assert not plugin.notice.isVisible() or (
        plugin.notice.alert_ids and all(plugin.book.is_open(a) for a in plugin.notice.alert_ids))
    win.close()


def test_presenter_cannot_acknowledge(qtbot, login, run, demo) -> None:  # type: ignore[no-untyped-def]
    session = login("presenter", "present123")
    assert session.user is not None and not session.user.can_control
    win, plugin = open_window(qtbot, session, run)
    raised = demo.hook("alert", kind="checkpoint_hit")
    qtbot.waitUntil(lambda: raised["id"] in shown_ids(plugin), timeout=10_000)
    assert plugin.pane.select_alert(raised["id"])
    button = plugin.pane.ack_button
    assert not button.isEnabled()
    assert button.toolTip() == "This login is a presenter (view only): it may not acknowledge alerts."
    qtbot.keyClick(plugin.pane.table, Qt.Key.Key_Space)
    assert plugin.pane.message.text() == button.toolTip()
    assert not plugin.model.is_pending(raised["id"])
    assert cell(plugin, raised["id"], Column.ACKNOWLEDGED) == "Open"
    still_open = {a.id for a in run(session.client.alerts(open_only=True))}
    assert raised["id"] in still_open
    assert not plugin.notice.ack_button.isEnabled()
    # the wall is theirs to use
    assert plugin.pane.wall_button.isEnabled()
    win.close()


def test_without_a_wall_show_on_wall_is_off_and_says_why(qtbot, login) -> None:  # type: ignore[no-untyped-def]
    session = login("town03", "desk123")
    window = QMainWindow()
    qtbot.addWidget(window)
    alerts = [ep for ep in discover() if ep.name == "alerts"]
    host = PluginHost(window, session, wall=None, entry_points=alerts)
    plugin = host.manager.get("alerts")
    assert isinstance(plugin, AlertsPlugin)
    assert not plugin.pane.wall_button.isEnabled()
    assert plugin.pane.wall_button.toolTip() == "This window has no video wall to show cameras on."
    assert not plugin.notice.wall_button.isEnabled()
    host.teardown()
    assert host.docks("alerts") == []


def test_names_and_messages_stay_plain_text(qapp) -> None:  # type: ignore[no-untyped-def]
    book = AlertBook()
    evil = Alert(id="alert-x", kind=AlertKind.GRID_INCIDENT, severity=Severity.INFO,
                 message='<img src="x"><b>村口</b> & 鲁Q', raised_at=datetime.now(UTC), camera_ids=[])
    book.merge([evil])
    model = AlertTableModel(book, AlertPlaces(None))
    assert model.index(0, Column.MESSAGE).data() == '<img src="x"><b>村口</b> & 鲁Q'
    tip = model.index(0, Column.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=&quot;x&quot;&gt;&lt;b&gt;村口&lt;/b&gt; &amp; 鲁Q" in tip and "<img" not in tip


def test_pane_with_many_alerts_renders(qtbot, qapp, login, run, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Ten live alerts of every kind, three acknowledged, in the app's dark theme: the pane renders them.

    With CONTROLROOM_SCREENSHOT_DIR set, the picture goes there (resources/screenshots/alerts.png)."""
    from controlroom.ui import theme

    style, palette = qapp.style().name(), qapp.palette()
    theme.apply_dark_theme(qapp)
    try:
        session = login("dispatcher", "dispatch123")
        win, plugin = open_window(qtbot, session, run)
        plugin.notice.set_actions(can_show=True, show_reason="", can_acknowledge=True, acknowledge_reason="")
        cam = checkpoint(session)
        kinds = ("camera_offline", "grid_incident", "checkpoint_hit", "camera_offline", "checkpoint_hit",
                 "patrol_sos", "grid_incident", "checkpoint_hit", "patrol_sos", "checkpoint_hit")
        raised = [demo.hook("alert", kind=k, **({"camera_id": cam} if k == "checkpoint_hit" and n % 2 else {}))
                  for n, k in enumerate(kinds)]
        qtbot.waitUntil(lambda: all(a["id"] in plugin.book for a in raised), timeout=10_000)
        plugin.acknowledge([raised[0]["id"], raised[3]["id"], raised[5]["id"]])
        qtbot.waitUntil(lambda: not plugin.book.is_open(raised[5]["id"]), timeout=10_000)
        plugin.pane.select_alert(raised[7]["id"])
        plugin.pane.table.setFocus()
        win.resizeDocks([plugin.dock], [430], Qt.Orientation.Vertical)
        qtbot.waitUntil(lambda: abs(plugin.dock.height() - 430) <= 40, timeout=5000)
        region = plugin.dock.geometry().united(win.statusBar().geometry())
        assert plugin.pane.table.model().rowCount() >= len(raised)
        out = Path(os.environ.get("CONTROLROOM_SCREENSHOT_DIR") or tmp_path)
        out.mkdir(parents=True, exist_ok=True)
        shot = win.grab(region)
        assert shot.save(str(out / "alerts.png"))
        # not a blank picture: the rows put many colours on it
        image = shot.toImage().scaled(64, 32)
        assert len({image.pixel(x, y) for x in range(64) for y in range(32)}) > 20
        win.close()
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
