"""Which windows are presenting: a chrome-less wall or a meeting display, on a screen people watch.

A window that shows only video for an audience (the main window on
Shift+F11, the conference wall on a meeting display) says so with
``set_presenting(window, True)``. Pop-ups that would otherwise land on top of
it (the alerts' critical notice, toasts) ask ``covers(point)`` before they
show and listen to ``hub().changed`` to come back when the presentation
ends. The flag is a dynamic property on the window (``PROPERTY``), so a
plugin needs nothing from the window but the window itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtWidgets import QApplication, QWidget

#: the dynamic property a presenting window carries (True while it presents)
PROPERTY = "controlroomPresenting"


class PresentingHub(QObject):
    """Announces that some window started or stopped presenting."""

    changed = Signal()


_hub: PresentingHub | None = None


def hub() -> PresentingHub:
    """The process's one hub (lives as long as the application)."""
    global _hub
    if _hub is None:
        _hub = PresentingHub(QCoreApplication.instance())
        _hub.destroyed.connect(_forget)
    return _hub


def _forget() -> None:
    global _hub
    _hub = None


def set_presenting(window: QWidget, on: bool) -> None:
    """Mark ``window`` as presenting (or not) and tell whoever listens."""
    if bool(window.property(PROPERTY)) == on:
        return
    window.setProperty(PROPERTY, on)
    hub().changed.emit()


def is_presenting(window: QWidget) -> bool:
    return bool(window.property(PROPERTY))


def presenting_windows() -> list[QWidget]:
    """The visible top-level windows presenting now."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and is_presenting(w)]


def covers(point: QPoint) -> bool:
    """True when a presenting window covers ``point`` (global coordinates), or its screen."""
    for w in presenting_windows():
        if w.frameGeometry().contains(point):
            return True
        screen = w.screen()
        if screen is not None and screen.geometry().contains(point) and w.isFullScreen():
            return True
    return False
