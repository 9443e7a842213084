"""Roles in sight (issue 13): who is logged in, and no dead ends, for a town desk, a presenter and a dispatcher.

Real demo platform, real logins, the real main window with its real plugins
(alerts, conference): the title and the status bar say name · role · scope;
every action the role may not take is disabled with the reason as its tooltip
(and status tip), and the ones it may take are enabled. The conference part
joins the real village meeting (its participants' video plays).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from controlroom.permissions import Action, denied_in

ROOM = "beiwutai-monthly"  # town03 (武台镇), the presenter and every dispatcher may join it


@dataclass(frozen=True)
class Case:
    username: str
    password: str
    line: str  # the status bar's and the title's words
    acknowledge: str | None  # why not (None: allowed)
    hand: str | None
    mute_others: str | None


PRESENTER_NO = "This login is a presenter (view only): it may not {what}."
CASES = [
    Case("town03", "desk123", "武台镇派出所值班台 · town desk · 武台镇 only", None, None,
         "Only the conference's chair (the county dispatch) mutes others; you may mute only yourself."),
    Case("presenter", "present123", "会商大屏 · presenter · view only",
         PRESENTER_NO.format(what="acknowledge alerts"), PRESENTER_NO.format(what="speak in a conference"),
         PRESENTER_NO.format(what="mute other participants")),
    Case("dispatcher", "dispatch123", "县指挥中心调度员 · county dispatch · whole county", None, None, None),
]


def open_window(qtbot: Any, session: Any, run: Any) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 60_000)
    qtbot.waitUntil(lambda: session.events is not None and session.events.state == "live", timeout=10_000)
    return win


def check_gated(widget: Any, reason: str | None, allowed_tip: str | None = None) -> None:
    """Disabled with ``reason`` as tooltip and status tip, or enabled (with its usual tip)."""
    if reason is None:
        assert widget.isEnabled(), widget.objectName() or widget.text()
        if allowed_tip is not None:
            assert widget.toolTip() == allowed_tip
    else:
        assert not widget.isEnabled(), widget.objectName() or widget.text()
        assert widget.toolTip() == reason
        assert widget.statusTip() == reason


@pytest.mark.parametrize("case", CASES, ids=[c.username for c in CASES])
def test_role_in_sight(qtbot, demo, login, run, only_plugins, case: Case) -> None:  # type: ignore[no-untyped-def]
    only_plugins("alerts", "conference")
    session = login(case.username, case.password)
    win = open_window(qtbot, session, run)

    # ---- who is logged in: the status bar (always there: a permanent widget) and the title
    host = demo.url.split("://", 1)[1]
    assert win.user_label.text() == case.line
    assert win.user_label.textFormat() == Qt.TextFormat.PlainText
    assert win.user_label.isVisible() and win.user_label.parent() is win.statusBar()
    win.statusBar().showMessage("a passing message")  # hides the status bar's normal widgets, not this one
    assert win.user_label.isVisible()
    assert win.windowTitle() == f"ControlRoom — {case.line} @ {host}"
    assert f"User name: {case.username}" in win.user_label.toolTip()

    menu = win.video_wall.tile_menu(0)
    assert menu.toolTipsVisible(), "a tile menu entry the role may not use shows why"
    menu.deleteLater()

    # ---- alerts: acknowledge and its note
    alerts = win.plugins.manager.get("alerts")
    QTest.mouseMove(win.user_label)  # not over the alerts list: it would hold new rows back while "in use"
    qtbot.waitUntil(lambda: alerts.fetches >= 1, timeout=10_000)
    camera = next(c for c in session.inventory.cameras.values() if c.kind == "checkpoint")  # in the login's scope
    raised = demo.hook("alert", kind="checkpoint_hit", camera_id=camera.id)
    qtbot.waitUntil(lambda: alerts.model.row_of(raised["id"]) is not None, timeout=10_000)
    assert alerts.pane.select_alert(raised["id"])
    pane = alerts.pane
    assert denied_in(session, Action.ACKNOWLEDGE_ALERT) == case.acknowledge
    assert alerts.ctx.denied(Action.ACKNOWLEDGE_ALERT) == case.acknowledge, "plugins ask through their context"
    check_gated(pane.ack_button, case.acknowledge,
                "Acknowledge the selected alerts (Space): every desk sees who did")
    check_gated(pane.note, case.acknowledge, "Sent with the acknowledgement; every desk sees it")
    if case.acknowledge is not None:  # the critical pop-up's button too
        check_gated(alerts.notice.ack_button, case.acknowledge)
    assert pane.wall_button.isEnabled(), "every role may put an alert's cameras on its wall"
    if case.acknowledge is not None:  # the pointer on the greyed button: the reason in the status bar too
        QTest.mouseMove(pane.table.viewport())
        QTest.mouseMove(pane.ack_button)
        qtbot.waitUntil(lambda: win.statusBar().currentMessage() == case.acknowledge, timeout=5000)
        QTest.mouseMove(win.user_label)

    # ---- conference: join the village meeting; hand and mute
    conf = win.plugins.manager.get("conference")
    cpane = conf.pane
    qtbot.waitUntil(lambda: ROOM in conf.rooms.rooms, timeout=10_000)
    cpane.select_room(ROOM)
    assert cpane.join_button.isEnabled(), "every role may join a meeting it is invited to"
    qtbot.mouseClick(cpane.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: conf.wall is not None and cpane.participant_item("p1") is not None, timeout=15_000)
    if case.hand is None:  # a participant: its own roster entry
        qtbot.waitUntil(lambda: cpane.me is not None and cpane.participant_item(cpane.me) is not None, timeout=10_000)
    check_gated(cpane.hand_button, case.hand, "Ask the chair for the floor")
    cpane.roster.setCurrentItem(cpane.participant_item("p1"))  # someone else
    check_gated(cpane.mute_button, case.mute_others, "The selected participant's microphone")
    if cpane.me is not None:  # its own microphone: every participant may
        cpane.roster.setCurrentItem(cpane.participant_item(cpane.me))
        check_gated(cpane.mute_button, None, "Your own microphone (select a participant for theirs)")
    win.close()


def test_gate_menu_actions_by_role(qtbot, login) -> None:  # type: ignore[no-untyped-def]
    """What PTZ, export, bookmarks and the display push put in menus: ``gate_action`` on real logins."""
    from controlroom.ui.api import gate, gate_action
    from PySide6.QtWidgets import QMenu

    presenter, desk = login("presenter", "present123"), login("town03", "desk123")
    menu = QMenu()
    qtbot.addWidget(menu)
    menu.setToolTipsVisible(True)
    steer = menu.addAction("Steer")
    assert not gate_action(steer, presenter, Action.STEER_PTZ, "Turn the camera")
    check_gated(steer, "This login is a presenter (view only): it may not steer cameras.")
    assert gate_action(steer, desk, Action.STEER_PTZ, "Turn the camera")
    check_gated(steer, None, "Turn the camera")
    assert steer.statusTip() == "Turn the camera"
    push = menu.addAction("Send to display")
    assert not gate_action(push, desk, Action.PUSH_TO_DISPLAY)
    check_gated(push, "Only the county dispatch may send to the meeting displays; a town desk works on its own town.")
    # allowed, but not now (nothing selected): off, with the usual tip; the answer is still "allowed"
    assert gate(steer, None, "Turn the camera", enabled=False)
    assert not steer.isEnabled() and steer.toolTip() == "Turn the camera"
