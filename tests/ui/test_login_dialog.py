"""The login dialog: inline errors, busy state, keyring-less mode, success."""

from __future__ import annotations

import asyncio

from controlroom.ui.login_dialog import LoginDialog
from fakes import FakeSession, MemoryKeyring, NoKeyring
from PySide6.QtWidgets import QDialog

from controlroom.api.errors import AuthError

URL = "https://county.pingyi.example:8443"


def test_wrong_password_is_shown_inline(qtbot, qloop: asyncio.AbstractEventLoop) -> None:
    message = "The platform refused the user name or password, or the session expired."
    made: list[FakeSession] = []

    def factory(url: str) -> FakeSession:
        made.append(FakeSession(url, login_error=AuthError(message, status=401)))
        return made[-1]

    dlg = LoginDialog(url=URL, username="zhangwei", password="wrong", session_factory=factory, credentials=NoKeyring())
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.login_failed, timeout=3000) as blocker:
        dlg.login_button.click()  # starts the login as a task on the qasync loop
        qloop.run_until_complete(asyncio.sleep(0.05))
    assert blocker.args == [message]
    assert dlg.error_label.isVisible() and dlg.error_label.text() == message
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.login_button.isEnabled() and not dlg.busy.isVisible()
    assert made and made[0].closed, "a failed session is closed"


def test_missing_fields_and_bad_url_explained(qtbot, qloop: asyncio.AbstractEventLoop) -> None:
    dlg = LoginDialog(url="county.pingyi.example", username="u", password="p",
                      session_factory=FakeSession, credentials=NoKeyring())
    qtbot.addWidget(dlg)
    assert qloop.run_until_complete(dlg.attempt_login()) is False
    assert "http://" in dlg.error_label.text()
    dlg.url_edit.setText(URL)
    dlg.password_edit.clear()
    assert qloop.run_until_complete(dlg.attempt_login()) is False
    assert dlg.error_label.text() == "Enter your password."


def test_no_keyring_says_session_only(qtbot) -> None:
    dlg = LoginDialog(url=URL, username="u", session_factory=FakeSession, credentials=NoKeyring())
    qtbot.addWidget(dlg)
    assert not dlg.remember.isEnabled() and not dlg.remember.isChecked()
    assert "this session only" in dlg.remember_note.text()
    assert dlg.password_edit.echoMode() == dlg.password_edit.EchoMode.Password


def test_success_saves_to_keyring_and_accepts(qtbot, qloop: asyncio.AbstractEventLoop) -> None:
    keyring = MemoryKeyring()
    dlg = LoginDialog(url=URL + "/", username="zhangwei", password="secret",
                      session_factory=FakeSession, credentials=keyring)
    qtbot.addWidget(dlg)
    assert dlg.remember.isEnabled() and dlg.remember.isChecked()
    assert qloop.run_until_complete(dlg.attempt_login()) is True
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.session is not None and dlg.session.base_url == URL
    assert keyring.saved == {(URL, "zhangwei"): "secret"}
    # next time the password comes from the keyring
    again = LoginDialog(url=URL, username="zhangwei", session_factory=FakeSession, credentials=keyring)
    qtbot.addWidget(again)
    assert again.password_edit.text() == "secret"
