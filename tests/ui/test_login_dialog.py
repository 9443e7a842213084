"""The login dialog against the real demo platform: inline errors, busy state, keyrings, success."""

from __future__ import annotations

import socket

from controlroom.ui.login_dialog import LoginDialog
from PySide6.QtWidgets import QDialog

from controlroom import credentials


def _free_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_wrong_password_is_shown_inline(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(url=demo.url, username="dispatcher", password="wrong")
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.login_failed, timeout=5000) as blocker:
        dlg.login_button.click()  # starts the login as a task on the qasync loop
    message = "The platform refused the user name or password, or the session expired."
    assert blocker.args[0] == message
    assert dlg.error_label.isVisible() and dlg.error_label.text() == blocker.args[0]
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.login_button.isEnabled() and not dlg.busy.isVisible()
    assert dlg.session is None, "a failed login keeps no session"


def test_unreachable_platform_is_a_network_error(qtbot, aio, no_keyring) -> None:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(url=f"http://127.0.0.1:{_free_port()}", username="dispatcher", password="dispatch123")
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.login_failed, timeout=10_000) as blocker:
        dlg.start_login()
    assert blocker.args[0].startswith("The platform cannot be reached.")
    assert dlg.error_label.text() == blocker.args[0]
    assert dlg.session is None and dlg.login_button.isEnabled()


def test_missing_fields_and_bad_url_explained(qtbot, aio, no_keyring) -> None:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(url="county.pingyi.example", username="u", password="p")
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.login_failed, timeout=2000) as blocker:
        dlg.start_login()
    assert "http://" in blocker.args[0] and dlg.error_label.text() == blocker.args[0]
    dlg.url_edit.setText("https://county.pingyi.example:8443")
    dlg.password_edit.clear()
    with qtbot.waitSignal(dlg.login_failed, timeout=2000) as blocker:
        dlg.start_login()
    assert blocker.args == ["Enter your password."]


def test_no_keyring_says_session_only(qtbot, no_keyring) -> None:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(url="https://county.pingyi.example:8443", username="u")
    qtbot.addWidget(dlg)
    assert not dlg.remember.isEnabled() and not dlg.remember.isChecked()
    assert "this session only" in dlg.remember_note.text()
    assert dlg.password_edit.echoMode() == dlg.password_edit.EchoMode.Password


def test_success_without_keyring_keeps_the_session(qtbot, aio, demo, no_keyring, run) -> None:  # type: ignore[no-untyped-def]
    dlg = LoginDialog(url=demo.url + "/", username="presenter", password="present123")
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.logged_in, timeout=5000):
        dlg.start_login()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.session is not None and dlg.session.base_url == demo.url
    assert dlg.user is not None and dlg.user.username == "presenter" and dlg.password == "present123"
    assert str(dlg.session.state) == "connecting"  # logged in; the app loads the inventory next
    run(dlg.session.close())


def test_success_saves_to_the_real_keyring(qtbot, aio, demo, real_keyring, run) -> None:  # type: ignore[no-untyped-def]
    credentials.forget_password(demo.url, "town03")
    try:
        dlg = LoginDialog(url=demo.url, username="town03", password="desk123")
        qtbot.addWidget(dlg)
        assert dlg.remember.isEnabled() and dlg.remember.isChecked()
        assert "SecretService" in dlg.remember.toolTip()
        with qtbot.waitSignal(dlg.logged_in, timeout=5000):
            dlg.start_login()
        assert dlg.session is not None
        run(dlg.session.close())
        assert credentials.load_password(demo.url, "town03") == "desk123"
        # next time the password comes from the keyring
        again = LoginDialog(url=demo.url, username="town03")
        qtbot.addWidget(again)
        assert again.password_edit.text() == "desk123"
        # unticked, the password is taken out of the keyring again
        again.remember.setChecked(False)
        with qtbot.waitSignal(again.logged_in, timeout=5000):
            again.start_login()
        assert again.session is not None
        run(again.session.close())
        assert credentials.load_password(demo.url, "town03") is None
    finally:
        credentials.forget_password(demo.url, "town03")


def test_retyping_after_a_wrong_password_and_enter_logs_in(qtbot, aio, demo, no_keyring, run) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 2: after a failure Log in stays the default button; Enter must not cancel."""
    from PySide6.QtCore import Qt

    dlg = LoginDialog(url=demo.url, username="dispatcher", password="wrong")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()  # focus moves (and default buttons follow it) only in the active window
    qtbot.waitUntil(dlg.isActiveWindow)
    assert dlg.focusWidget() is dlg.login_button  # every field filled: focus starts on Log in
    with qtbot.waitSignal(dlg.login_failed, timeout=5000):
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
    assert dlg.login_button.isDefault() and not dlg.cancel_button.isDefault()
    assert dlg.focusWidget() is dlg.password_edit
    qtbot.keyClicks(dlg.password_edit, "dispatch123")
    with qtbot.waitSignal(dlg.logged_in, timeout=5000):
        qtbot.keyClick(dlg.password_edit, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.session is not None
    run(dlg.session.close())


def test_error_does_not_cover_the_keyring_note(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 2: the dialog grows for the error; the 'session only' note stays readable."""
    dlg = LoginDialog(url=demo.url, username="dispatcher", password="wrong")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    with qtbot.waitSignal(dlg.login_failed, timeout=5000):
        dlg.login_button.click()
    qtbot.waitUntil(lambda: dlg.error_label.isVisible())

    def rect(w):  # type: ignore[no-untyped-def]
        return w.geometry().translated(w.parentWidget().mapTo(dlg, w.pos()) - w.pos())

    note, error = dlg.remember_note, dlg.error_label
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    assert note.isVisible() and not rect(note).intersects(rect(error))
    assert note.height() >= note.heightForWidth(note.width())
    assert rect(error).bottom() < rect(dlg.buttons).top()


def test_a_refused_login_is_said_in_the_operators_words_only(qtbot, aio, demo, no_keyring) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 10: the server's English "unknown user or wrong password" stayed in zh_CN."""
    dlg = LoginDialog(url=demo.url, username="dispatcher", password="wrong")
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.login_failed, timeout=5000) as blocker:
        dlg.start_login()
    from PySide6.QtCore import QCoreApplication

    words = QCoreApplication.translate(
        "PlatformError", "The platform refused the user name or password, or the session expired.")
    assert blocker.args[0] == words == dlg.error_label.text()
    assert "wrong password" not in dlg.error_label.text()
