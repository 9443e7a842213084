"""A wall window: one more video wall, with its own layout, view and tours, for another screen.

Control rooms drive their big screens from one desk: the main window stays
on the desk and each big screen shows a ``WallWindow``. Each has its own
``WallPane`` (so its own ``WallController``, players and stream leases) and
its own ``WallUi`` (toolbar, Wall menu, tours, F11 full screen and Shift+F11
full screen without chrome). The views and custom layouts files are shared
with the main window (one store per file in the process, so two windows
never write over each other's saves). ``ui/workspaces.py`` opens, places and
closes them; closing one stops its players and releases their leases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from controlroom.ui.wall.wall_ui import WallUi
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from controlroom.session import Session


class WallWindow(QMainWindow):
    """A top-level window holding one more video wall."""

    #: the window closed (its players are released by then)
    closed = Signal(QMainWindow)

    def __init__(self, session: Session, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.number = number
        self.session = session
        self.setObjectName(f"wallWindow{number}")
        self.pane = WallPane(session, self)
        self.setCentralWidget(self.pane)
        self.statusBar().setSizeGripEnabled(True)
        self.wall_ui = WallUi(self, self.pane, None)
        self.pane.view_changed.connect(self._update_title)
        self._update_title()
        self.resize(1280, 720)
        self._closed = False

    def _update_title(self) -> None:
        name = self.pane.controller.name
        if name:
            self.setWindowTitle(self.tr("ControlRoom wall {n} — {view}").format(n=self.number, view=name))
        else:
            self.setWindowTitle(self.tr("ControlRoom wall {n}").format(n=self.number))

    def shutdown(self) -> None:
        """Stop and release every player of this wall (idempotent)."""
        self.wall_ui.wall_tour.stop()
        self.pane.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()  # players stop and release before their windows go
        super().closeEvent(event)
        if not self._closed:
            self._closed = True
            self.closed.emit(self)


def screens_menu(title: str, parent: QWidget, on_screen: object) -> QMenu:
    """A menu of the screens there are now (refilled each time it opens); ``on_screen(QScreen)``."""
    menu = QMenu(title, parent)

    def fill() -> None:
        menu.clear()
        for screen in QGuiApplication.screens():
            g = screen.geometry()
            a = QAction(QCoreApplication.translate("WallWindow", "{name} ({w}×{h} at {x}, {y})").format(
                name=screen.name().replace("&", "&&"), w=g.width(), h=g.height(), x=g.x(), y=g.y()), menu)
            a.triggered.connect(lambda _=False, s=screen: on_screen(s))  # type: ignore[operator]
            menu.addAction(a)

    menu.aboutToShow.connect(fill)
    fill()
    return menu


def full_screen_on(window: QMainWindow, wall_ui: WallUi, screen: QScreen, *, chrome: bool = True) -> None:
    """``window`` full screen on ``screen``: with its bars (F11), or only the wall (Shift+F11, ``presenting``).

    Whatever full screen it was in before is left first, so the normal
    geometry it comes back to is the one on ``screen``.
    """
    for a in (wall_ui.action_presenter, wall_ui.action_fullscreen):
        if a.isChecked():
            a.setChecked(False)
    window.setGeometry(screen.availableGeometry().adjusted(40, 40, -40, -40))
    handle = window.windowHandle()
    if handle is not None:  # the window knows its screen now, not when the X server says it moved
        handle.setScreen(screen)
    (wall_ui.action_fullscreen if chrome else wall_ui.action_presenter).setChecked(True)


def full_screen_state(wall_ui: WallUi) -> str | None:
    """"chrome" (F11), "presenting" (Shift+F11) or None."""
    if wall_ui.action_presenter.isChecked():
        return "presenting"
    if wall_ui.action_fullscreen.isChecked():
        return "chrome"
    return None


def leave_full_screen(wall_ui: WallUi) -> None:
    for a in (wall_ui.action_presenter, wall_ui.action_fullscreen):
        if a.isChecked():
            a.setChecked(False)
