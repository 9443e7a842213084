"""The main window on real sessions: title, status bar, loading, logout; and the zh_CN translation."""

from __future__ import annotations

from controlroom.ui import i18n
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import QCoreApplication


def test_title_status_and_role(qtbot, demo, login) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert session.user is not None
    host = demo.url.split("://", 1)[1]
    who = f"{session.user.display_name} · county dispatch · whole county"  # more in tests/ui/test_roles.py
    assert win.windowTitle() == f"ControlRoom — {who} @ {host}"
    assert win.user_label.text() == who
    assert win.wall.scope_line.text() == "Sees: whole county"
    # the indicator's words for a state the demo does not produce on demand
    win.connection.set_state("reconnecting", "retry in 4 s")
    assert win.connection._text.text() == "Reconnecting: retry in 4 s"


def test_loading_state_and_card_agree(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    """Until load_inventory returns, the status bar and the card both say loading; then both say done."""
    session = login("dispatcher", "dispatch123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    seen: list[tuple[int, str, str, bool]] = []
    # progress values are set after the state is shown: each step sees what the operator saw
    win.progress.valueChanged.connect(lambda v: seen.append(
        (v, win.connection.state, win.wall.loading_line.text(), win.progress.isVisibleTo(win))))
    run(load_session(session, win))
    total = len(session.inventory.cameras)
    assert total == 28_500
    assert [v for v, *_ in seen][-1] == total and len(seen) > 5, "the load reported progress"
    for value, state, line, visible in seen:
        assert state == "loading", (value, state)
        assert line == f"Loading cameras: {value:,} of {total:,}" and visible
    assert not win.loading and win.connection.state == "connected"
    assert win.wall.loading_line.text() == "" and not win.progress.isVisibleTo(win)
    assert f"{total:,}" in win.online_label.text()
    assert session.events is not None, "the live events start after the load"

    # a reload by the session itself (a resync) shows as loading too, on both
    during: list[tuple[str, str]] = []
    unsubscribe = session.on_state(lambda state, _detail: during.append(
        (str(state), win.connection.state + "|" + win.wall.loading_line.text())))
    run(session.load_inventory())
    unsubscribe()
    assert ("loading", "loading|Loading the inventory…") in during
    assert during[-1] == ("connected", "connected|")


def test_load_failure_is_said_on_both(qtbot, demo, login, run) -> None:  # type: ignore[no-untyped-def]
    session = login("town03", "desk123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    demo.hook("fault", path="/api/v1/sites", kind="invalid_json", times=1)
    try:
        run(load_session(session, win))
    finally:
        demo.hook("clear-faults")
    assert not win.loading and win.connection.state == "failed"
    assert win.wall.loading_line.text().startswith("Could not load the inventory: The platform sent data that ControlRoom cannot read")
    assert session.events is None


def test_logout_resolves_wait_closed(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = login("presenter", "present123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    closed = win.wait_closed()
    win.action_logout.trigger()
    assert run(closed, 2000) == "logout"
    assert len(session._listeners) == 0, "the window stops listening when closed"


def test_zh_cn_translation_loads() -> None:
    assert i18n.translation_file("zh_CN") is not None
    try:
        assert i18n.install_translators("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("ConnectionState", "Connected") == "已连接"
        assert QCoreApplication.translate("LoginDialog", "Remember password") == "记住密码"
    finally:
        assert i18n.install_translators("en") == "en"
    assert QCoreApplication.translate("ConnectionState", "Connected") == "Connected"


def test_language_choice(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CONTROLROOM_LANG", "zh-CN")
    assert i18n.choose_language(None) == "zh_CN"
    assert i18n.choose_language("en") == "en"
    monkeypatch.setenv("CONTROLROOM_LANG", "en_GB.UTF-8")
    assert i18n.choose_language(None) == "en"


def _alerts_dock(win: MainWindow):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDockWidget

    return next(d for d in win.findChildren(QDockWidget) if d.objectName().startswith("plugin.alerts."))


def test_the_panes_come_back_as_the_operator_left_them(qtbot, login, config_dir, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins("alerts")
    session = login("dispatcher", "dispatch123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    dock = _alerts_dock(win)
    qtbot.waitUntil(dock.isVisible, timeout=3000)
    dock.hide()  # the operator closes the alerts pane
    win.close()
    assert (config_dir / "window.ini").is_file()

    again = MainWindow(session)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.plugins._arranged, timeout=3000)
    # the restore runs on a later turn of the event loop: wait for it, then check it all
    qtbot.waitUntil(lambda: (again.width(), again.height()) == (1400, 850), timeout=5000)
    assert not _alerts_dock(again).isVisible(), "the closed pane stays closed"
    again.close()

    # a file Qt cannot read: the default arrangement, nothing else lost
    (config_dir / "window.ini").write_bytes(b"[General]\nstate=@ByteArray(\\x01garbage)\ngeometry=nonsense\n")
    third = MainWindow(session)
    qtbot.addWidget(third)
    third.show()
    qtbot.waitUntil(lambda: _alerts_dock(third).isVisible(), timeout=3000)
    third.close()
