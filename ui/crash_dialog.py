"""The dialog an uncaught exception opens: what happened, where the log is, and "Copy report".

``install(app)`` connects the process's crash hooks (``controlroom.crash``)
to a ``CrashDialogs`` presenter. A dialog is shown, never ``exec()``'d: the
app goes on behind it, and a test can inspect it. One dialog at a time;
errors that arrive while it is open are counted on it (all are in the log).
The report text is built in the core (``CrashHandler.report``) when the
operator asks for it, and it is masked there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom import crash as crash_mod
from controlroom import logs
from controlroom.crash import Crash, CrashHandler, CrashKind


def _plain(text: str) -> QLabel:
    # exception text comes from anywhere (a platform's payload): never rich text
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def where_text(crash: Crash) -> str:
    if crash.kind is CrashKind.THREAD:
        return QCoreApplication.translate("CrashDialog", "It happened in a background task ({thread}).").format(
            thread=crash.thread)
    if crash.kind is CrashKind.ASYNC:
        return QCoreApplication.translate(
            "CrashDialog", "It happened while ControlRoom was talking to the platform or running a background task.")
    return QCoreApplication.translate("CrashDialog", "It happened while the window was handling an event.")


class CrashDialog(QDialog):
    """One uncaught exception, in words, with the log's path and the report button."""

    def __init__(self, crash: Crash, handler: CrashHandler, *, on_quit: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crash = crash
        self.handler = handler
        self.on_quit = on_quit
        self.later = 0
        #: the last report copied (tests read it; the clipboard holds the same)
        self.report_text: str | None = None
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "ControlRoom: unexpected error"))
        self.setObjectName("crashDialog")
        lay = QVBoxLayout(self)
        self.headline = _plain(QCoreApplication.translate(
            "CrashDialog", "Something went wrong inside ControlRoom: {error}").format(error=crash.summary[:300]))
        self.headline.setObjectName("crashHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        lay.addWidget(self.headline)
        self.explanation = _plain(QCoreApplication.translate(
            "CrashDialog", "{where} ControlRoom keeps running, but what it was doing at that moment may not have "
                           "finished. If something looks wrong, restart ControlRoom.").format(where=where_text(crash)))
        lay.addWidget(self.explanation)
        lay.addWidget(_plain(QCoreApplication.translate(
            "CrashDialog", "Please click “Copy report” and send the report to your support contact, with a word on "
                           "what you were doing. The report holds the versions, this computer's check and the last "
                           "log lines; passwords and tokens are masked.")))
        setup = logs.current()
        if setup is not None and setup.path is not None:
            log_text = QCoreApplication.translate("CrashDialog", "Log file: {path}").format(path=setup.path)
        else:
            log_text = QCoreApplication.translate("CrashDialog", "No log file is written on this computer.")
        self.log_label = _plain(log_text)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.log_label)
        self.details = QPlainTextEdit(crash.traceback)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMaximumHeight(160)
        lay.addWidget(self.details)
        self.later_label = _plain("")
        self.later_label.hide()
        lay.addWidget(self.later_label)
        self.status = _plain("")
        lay.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(QCoreApplication.translate("CrashDialog", "Copy report"))
        self.copy_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(QCoreApplication.translate("CrashDialog", "Open log folder"))
        self.folder_button.setEnabled(setup is not None and setup.path is not None)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = QPushButton(QCoreApplication.translate("CrashDialog", "Quit ControlRoom"))
        self.quit_button.setEnabled(on_quit is not None)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.continue_button = QPushButton(QCoreApplication.translate("CrashDialog", "Continue"))
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.RejectRole)
        lay.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(self._open_folder)
        self.quit_button.clicked.connect(self._quit)
        self.continue_button.clicked.connect(self.reject)
        self.resize(640, self.sizeHint().height())

    def add_later(self, crash: Crash) -> None:
        """Another error arrived while this dialog is open."""
        self.later += 1
        self.later_label.setText(QCoreApplication.translate(
            "CrashDialog", "{n} more errors since this one; they are in the log and in the report.").format(n=self.later))
        self.later_label.show()

    @Slot()
    def copy_report(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.report_text = self.handler.report(self.crash)
        finally:
            QApplication.restoreOverrideCursor()
        QGuiApplication.clipboard().setText(self.report_text)
        self.status.setText(QCoreApplication.translate(
            "CrashDialog", "The report is on the clipboard ({n} lines): paste it into a message to support.").format(
            n=self.report_text.count("\n")))

    def _open_folder(self) -> None:
        setup = logs.current()
        if setup is not None and setup.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(setup.path.parent)))

    def _quit(self) -> None:
        self.accept()
        if self.on_quit is not None:
            self.on_quit()


class CrashDialogs(QObject):
    """Shows a ``CrashDialog`` for each new kind of uncaught exception, one at a time."""

    def __init__(self, handler: CrashHandler, *, on_quit: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self.on_quit = on_quit
        self.dialog: CrashDialog | None = None
        handler.connect_presenter(self.show_crash)

    def detach(self) -> None:
        """No more dialogs (the app is ending): later crashes are logged and printed only."""
        self.handler.disconnect_presenter(self.show_crash)

    @Slot(object)
    def show_crash(self, crash: Crash) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_later(crash)
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CrashDialog(crash, self.handler, on_quit=self.on_quit)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.show()  # not exec(): the app goes on, and nothing nests an event loop in a slot
        self.dialog.raise_()
        self.dialog.activateWindow()


def install(app: QApplication, *, on_quit: Callable[[], None] | None = None) -> CrashDialogs:
    """The crash hooks (installed now if the command line has not yet) and their dialogs."""
    handler = crash_mod.install()
    return CrashDialogs(handler, on_quit=on_quit, parent=app)
