"""The main window shell: title, status bar, counts, logout; and the zh_CN translation."""

from __future__ import annotations

import asyncio

from controlroom.ui import i18n
from controlroom.ui.main_window import MainWindow
from fakes import FakeSession, dispatcher
from PySide6.QtCore import QCoreApplication

from controlroom.inventory import Inventory


def test_title_status_and_counts(qtbot, full_inventory: Inventory) -> None:
    session = FakeSession(inventory=full_inventory, user=dispatcher())
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert win.windowTitle() == "ControlRoom — 张伟 @ county.pingyi.example:8443"
    session.set_state("reconnecting", "retry in 4 s")
    assert "Reconnecting" in win.connection._text.text() and "retry in 4 s" in win.connection._text.text()
    assert "County dispatcher" in win.user_label.text()
    total = len(full_inventory.cameras)
    assert f"{total:,}" in win.online_label.text()
    win.set_loading_progress(500, total)
    assert win.progress.isVisibleTo(win) and win.progress.value() == 500
    win.loading_finished()
    assert not win.progress.isVisibleTo(win)


def test_logout_resolves_wait_closed(qtbot, qloop: asyncio.AbstractEventLoop) -> None:
    session = FakeSession(user=dispatcher())
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    closed = win.wait_closed()
    win.action_logout.trigger()
    assert qloop.run_until_complete(asyncio.wait_for(closed, 2)) == "logout"
    assert session._state_listeners == [], "the window stops listening when closed"


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


def test_language_choice(monkeypatch) -> None:
    monkeypatch.setenv("CONTROLROOM_LANG", "zh-CN")
    assert i18n.choose_language(None) == "zh_CN"
    assert i18n.choose_language("en") == "en"
    monkeypatch.setenv("CONTROLROOM_LANG", "en_GB.UTF-8")
    assert i18n.choose_language(None) == "en"
