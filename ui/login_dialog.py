"""The login dialog: platform address, user name, password, "remember password".

Logging in is a coroutine (the app runs asyncio on Qt's loop through
qasync): the dialog stays responsive, shows that it is busy, and Cancel
aborts a login in flight. A failed login keeps the dialog open and says
what went wrong in words, inline, under the fields.

Passwords are remembered only in the system keyring. Where there is none
(a headless machine, a bare desktop) the checkbox is disabled and the dialog
says that passwords are kept for this session only: never a plain file.
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlsplit

from controlroom.ui import theme
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom import credentials, settings
from controlroom.api.client import RequestLimits
from controlroom.api.errors import PlatformError
from controlroom.api.schema import User
from controlroom.backends import address as addresses
from controlroom.session import Session

#: the backend chooser: (backend, the prefix it fills in)
BACKENDS = ((addresses.API_V1, "https://"), (addresses.WVP, "wvp+http://"), (addresses.STATIC_FILE, ""))

log = logging.getLogger("controlroom.ui.login")


class LoginDialog(QDialog):
    """Ask for a platform and credentials, and log in; ``session`` holds the result.

    ``verify`` is the TLS check for the platform's certificate, as ``Session``
    takes it: True, False (testing only) or the path of a CA bundle.
    """

    #: a login attempt failed; the message shown inline
    login_failed = Signal(str)
    #: logged in: the dialog is about to accept
    logged_in = Signal()

    def __init__(
        self,
        *,
        url: str | None = None,
        username: str | None = None,
        password: str | None = None,
        verify: bool | str = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self._task: asyncio.Task[None] | None = None
        self.session: Session | None = None
        self.user: User | None = None
        #: the password that logged in: the app may keep it in memory for this run
        self.password: str = ""

        self.setWindowTitle(self.tr("Log in to ControlRoom"))
        self.setMinimumWidth(460)

        heading = QLabel(self.tr("Log in to a video platform"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.url_edit = QLineEdit(url or "")
        self.url_edit.setPlaceholderText(self.tr("https://platform.example:8443"))
        # which platform: fills in the address's prefix (the address itself decides: address.parse)
        self.backend_combo = QComboBox()
        self.backend_combo.setObjectName("backendChooser")
        self.backend_combo.addItem(self.tr("ControlRoom platform (API v1)"), addresses.API_V1)
        self.backend_combo.addItem(self.tr("wvp-GB28181-pro (GB/T 28181)"), addresses.WVP)
        self.backend_combo.addItem(self.tr("Camera file (.toml)"), addresses.STATIC_FILE)
        self.user_edit = QLineEdit(username or "")
        self.password_edit = QLineEdit(password or "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._sync_backend_combo()
        self.backend_combo.activated.connect(self._backend_chosen)
        self.url_edit.textEdited.connect(self._sync_backend_combo)
        self.remember = QCheckBox(self.tr("Remember password"))
        self.remember_note = QLabel()
        self.remember_note.setWordWrap(True)
        self.remember_note.setTextFormat(Qt.TextFormat.PlainText)
        self.remember_note.setStyleSheet("color: palette(placeholder-text);")
        self._setup_remember()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Platform type:"), self.backend_combo)
        form.addRow(self.tr("Platform address:"), self.url_edit)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember)
        form.addRow("", self.remember_note)

        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        # the message may quote the server: never let it render as markup
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(
            f"color: {theme.OFFLINE.lighter(125).name()}; background: rgba(208, 103, 95, 28);"
            " border: 1px solid rgba(208, 103, 95, 90); border-radius: 4px; padding: 6px;"
        )
        self.error_label.hide()

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()

        self.buttons = QDialogButtonBox()
        self.login_button: QPushButton = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        # Log in is the one default button. Qt's "auto default" would hand the default to
        # whichever button has focus: while logging in only Cancel is enabled, so focus went
        # there, and after a wrong password Enter cancelled and closed the app (issue 9 item 2).
        for button in (self.login_button, self.cancel_button):
            button.setAutoDefault(False)
        self.login_button.clicked.connect(self.start_login)
        self.cancel_button.clicked.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        # only once the button is inside the dialog does QDialog learn it is the default
        self.login_button.setDefault(True)

        self.user_edit.editingFinished.connect(self._fill_saved_password)
        for edit in (self.url_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._clear_error)
        self._fill_saved_password()
        self._focus_first_empty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    # ------------------------------------------------------------------ backend chooser

    def _backend_of(self, url: str) -> str | None:
        try:
            return addresses.parse(url).backend
        except PlatformError:
            return None

    def _sync_backend_combo(self) -> None:
        backend = self._backend_of(self.url_edit.text())
        if backend is not None:
            self.backend_combo.setCurrentIndex(self.backend_combo.findData(backend))
        self._apply_backend(self.backend_combo.currentData())

    def _apply_backend(self, backend: str) -> None:
        placeholder = {
            addresses.API_V1: self.tr("https://platform.example:8443"),
            addresses.WVP: self.tr("wvp+http://wvp.example:18080"),
            addresses.STATIC_FILE: self.tr("/path/to/cameras.toml"),
        }[backend]
        self.url_edit.setPlaceholderText(placeholder)
        no_login = backend == addresses.STATIC_FILE  # a camera file has no login
        self.user_edit.setEnabled(not no_login)
        self.password_edit.setEnabled(not no_login)
        tip = self.tr("A camera file needs no user name or password.") if no_login else ""
        self.user_edit.setToolTip(tip)
        self.password_edit.setToolTip(tip)

    def _backend_chosen(self, index: int) -> None:
        """Fill in the chosen backend's prefix, keeping the host (or path) already typed."""
        backend = self.backend_combo.itemData(index)
        text = self.url_edit.text().strip()
        rest = text.split("://", 1)[1] if "://" in text else text
        prefix = dict(BACKENDS)[backend]
        if backend == addresses.STATIC_FILE:
            new = rest if rest.lower().endswith(".toml") else ""
        elif backend == addresses.WVP and text.lower().startswith("https://"):
            new = "wvp+https://" + rest
        elif backend == addresses.API_V1 and text.lower().startswith("wvp+http://"):
            new = "http://" + rest
        else:
            new = prefix + (rest if not rest.lower().endswith(".toml") else "")
        self.url_edit.setText(new)
        self._apply_backend(backend)
        self.url_edit.setFocus()

    # ------------------------------------------------------------------ keyring

    def _setup_remember(self) -> None:
        available = False
        try:
            available = bool(credentials.keyring_available())
        except Exception:  # a broken keyring must not stop a login
            log.exception("keyring check failed")
        self._keyring_ok = available
        self.remember.setEnabled(available)
        if available:
            self.remember.setChecked(True)
            try:
                backend = str(credentials.keyring_backend_name())
            except Exception:
                backend = ""
            if backend:
                self.remember.setToolTip(self.tr("Stored in the system keyring ({backend})").format(backend=backend))
            self.remember_note.hide()
        else:
            self.remember.setChecked(False)
            note = self.tr("No system keyring was found: passwords are kept for this session only.")
            self.remember.setToolTip(note)
            self.remember_note.setText(note)
            self.remember_note.show()

    def _fill_saved_password(self) -> None:
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        if self.password_edit.text() or not url or not user or not self._keyring_ok:
            return
        try:
            saved = credentials.load_password(url, user)
        except Exception:
            log.exception("reading the keyring failed")
            return
        if saved:
            self.password_edit.setText(saved)

    def _focus_first_empty(self) -> None:
        for edit in (self.url_edit, self.user_edit, self.password_edit):
            if not edit.text():
                edit.setFocus()
                return
        self.login_button.setFocus()

    # ------------------------------------------------------------------ errors and busy

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self._fit_height()
        self.login_failed.emit(message)

    def _clear_error(self) -> None:
        self.error_label.hide()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow (or shrink back) to the height the wrapped texts need at this width.

        A top-level window does not follow its layout's height-for-width by itself: the
        error squeezed the keyring note until the two overlapped.
        """
        layout = self.layout()
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height())
        self.setMinimumHeight(needed)
        if self.height() != needed:
            self.resize(self.width(), needed)

    def set_busy(self, busy: bool) -> None:
        for w in (self.url_edit, self.user_edit, self.password_edit, self.login_button):
            w.setEnabled(not busy)
        self.remember.setEnabled(not busy and self._keyring_ok)
        self.login_button.setText(self.tr("Logging in…") if busy else self.tr("Log in"))
        self.busy.setVisible(busy)
        if busy:
            self.error_label.hide()
        self._fit_height()

    # ------------------------------------------------------------------ logging in

    def _validate(self, url: str, user: str, password: str) -> str | None:
        if not url:
            return self.tr("Enter the platform address, for example https://platform.example:8443.")
        try:
            backend = addresses.parse(url).backend
        except PlatformError as exc:
            if "://" not in url:  # a bare host name: say what a platform address starts with
                return self.tr("The platform address must start with http:// or https://, for example https://platform.example:8443.")
            return exc.message  # in words: what addresses are accepted
        if backend == addresses.API_V1 and not urlsplit(url).netloc:
            return self.tr("The platform address must start with http:// or https://, for example https://platform.example:8443.")
        if backend == addresses.STATIC_FILE:
            return None  # a camera file: no login
        if not user:
            return self.tr("Enter your user name.")
        if not password:
            return self.tr("Enter your password.")
        return None

    def start_login(self) -> None:
        """Start logging in with what the fields say (the Log in button)."""
        if self._task is not None and not self._task.done():
            return
        self._task = asyncio.ensure_future(self.attempt_login())

    async def attempt_login(self) -> bool:
        """Log in; on success keep the session and accept the dialog. True when logged in."""
        url = self.url_edit.text().strip().rstrip("/")
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        problem = self._validate(url, user, password)
        if problem:
            self.show_error(problem)
            return False
        self.set_busy(True)
        session: Session | None = None
        try:
            session = Session(url, verify=self._verify, limits=RequestLimits.from_settings(settings.shared()))
            logged_in = await session.login(user, password)
        except asyncio.CancelledError:
            if session is not None:
                await _close_quietly(session)
            raise
        except Exception as exc:
            if session is not None:
                await _close_quietly(session)
            self.set_busy(False)
            self.show_error(self._describe(exc))
            self.password_edit.setFocus()
            self.password_edit.selectAll()
            return False
        self.set_busy(False)
        self.session = session
        self.user = logged_in
        self.password = password
        if session.client is None and session.address.backend == addresses.STATIC_FILE:
            pass  # no password to keep
        elif self.remember.isChecked() and self._keyring_ok:
            try:
                credentials.save_password(url, user, password)
            except Exception:  # not being able to remember is no reason to refuse the login
                log.exception("saving the password to the keyring failed")
        elif self._keyring_ok:
            # unticked: the operator wants no password left behind on this desk
            try:
                credentials.forget_password(url, user)
            except Exception:
                log.exception("removing the password from the keyring failed")
        self.logged_in.emit()
        self.accept()
        return True

    def _describe(self, exc: BaseException) -> str:
        from controlroom.api.errors import AuthError, PlatformError

        if isinstance(exc, AuthError):
            # The server's own words ("unknown user or wrong password") are in its language,
            # not the operator's: they go to the log; the dialog says it in the operator's words.
            log.info("login refused: %s", exc.detail[:200])
            return exc.message
        if isinstance(exc, PlatformError):
            return str(exc)  # already translated, in the operator's words
        log.exception("unexpected error while logging in", exc_info=exc)
        return self.tr("Logging in failed unexpectedly: {error}").format(error=f"{type(exc).__name__}: {exc}")

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            # first Cancel stops the login in flight; the dialog stays for another try
            self._task.cancel()
            self.set_busy(False)
            return
        self.reject()

    def reject(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()


async def _close_quietly(session: Session) -> None:
    try:
        await session.close()
    except Exception:
        log.exception("closing a failed session")


async def exec_async(dialog: QDialog) -> int:
    """Show ``dialog`` modally and wait for it without nesting Qt's event loop.

    ``QDialog.exec()`` would start a second event loop inside a coroutine,
    which qasync cannot run tasks from; ``open()`` plus a future keeps one loop.
    """
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def done(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(done)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(done)
