"""Ask before quitting: Ctrl+Q (or the window's close button) must not end a dispatch desk by accident.

The setting ``confirm_quit`` (on by default) says whether to ask; the
question offers "Do not ask again", which turns it off. Only the operator's
own requests ask (File → Quit, the window manager's close button): logging
out, the app shutting down and tests closing the window programmatically
never do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from controlroom.settings import Settings

SETTING = "confirm_quit"


def should_ask(settings: Settings) -> bool:
    try:
        return bool(settings.get(SETTING))
    except KeyError:  # an older settings table without the row: ask, the safe side
        return True


def question(parent: QWidget, playing: int) -> QMessageBox:
    """The question, not yet shown (tests answer it through its buttons)."""
    box = QMessageBox(parent)
    box.setObjectName("confirmQuit")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("QuitConfirm", "Quit ControlRoom"))
    box.setText(QCoreApplication.translate("QuitConfirm", "Quit ControlRoom?"))
    if playing:
        box.setInformativeText(QCoreApplication.translate("QuitConfirm", "The wall stops: {n} tiles are playing.").format(n=playing))
    else:
        box.setInformativeText(QCoreApplication.translate("QuitConfirm", "This desk stops watching the platform."))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("QuitConfirm", "&Quit"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter by habit keeps the desk running
    box.setCheckBox(QCheckBox(QCoreApplication.translate("QuitConfirm", "Do not ask again"), box))
    return box


def confirm(parent: QWidget, settings: Settings, playing: int = 0) -> bool:
    """True when the app may quit: not asked (setting off), or the operator said Quit."""
    if not should_ask(settings):
        return True
    box = question(parent, playing)
    answer = box.exec()
    ok = answer == QMessageBox.StandardButton.Yes
    check = box.checkBox()
    if ok and check is not None and check.isChecked():
        settings.set(SETTING, False)
    box.deleteLater()
    return ok
