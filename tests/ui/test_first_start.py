"""The first start (issue 9 item 10): no empty "Log in" window flashing up when the login
is given (``controlroom demo``), and a loading state, not "not part of this build", meanwhile."""

from __future__ import annotations

import asyncio

from controlroom.ui.app import run_sessions
from controlroom.ui.login_dialog import LoginDialog
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Shows(QObject):
    """Every top-level widget shown, by class."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.loading_words: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():  # type: ignore[attr-defined]
            self.shown.append(type(watched).__name__)
            if isinstance(watched, MainWindow):
                self.loading_words.append(watched.wall.title.text() + " " + watched.wall.note.text())
        return False


def test_no_login_window_and_a_loading_state(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    spy = _Shows()
    QApplication.instance().installEventFilter(spy)
    try:
        app = asyncio.ensure_future(run_sessions(url=demo.url, username="dispatcher", password="dispatch123"))
        qtbot.waitUntil(lambda: "MainWindow" in spy.shown, timeout=10_000)
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        assert "LoginDialog" not in spy.shown, spy.shown
        words = spy.loading_words[0]
        assert "not part of this build" not in words and "Loading" in words, words
        qtbot.waitUntil(lambda: not win.loading and win.centre.currentWidget() is win.video_wall, timeout=20_000)
        win.close()
        qtbot.waitUntil(app.done, timeout=10_000)
        assert app.result() == 0
    finally:
        QApplication.instance().removeEventFilter(spy)


def test_a_wrong_given_password_shows_the_dialog_with_the_reason(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    app = asyncio.ensure_future(run_sessions(url=demo.url, username="dispatcher", password="wrong"))

    def dialog() -> LoginDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
    d = dialog()
    assert d is not None and d.error_label.isVisible() and "refused" in d.error_label.text()
    d.reject()
    qtbot.waitUntil(app.done, timeout=5000)
    assert app.result() == 0
