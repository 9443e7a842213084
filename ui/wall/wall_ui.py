"""The wall's place in the main window: toolbar, Wall menu, full screen, and what opens at start.

``WallUi`` puts a ``WallPane`` into a ``QMainWindow`` with a toolbar (layout
presets 1…64 and custom layouts, the views switcher, wall tours with a
countdown, fps/bit rate) and the keys operators expect: F11 full screen,
Shift+F11 full screen without any chrome for presenters (Esc leaves it):
only the wall, edge to edge on black, with pop-ups held back
(``controlroom.ui.presenting``). Both set the window to its screen's
geometry themselves, so they also fill the screen where no window manager
applies the full-screen state (kiosks, Xvfb), and give the old geometry back.
At start it opens what was asked (``--view``, ``--layout``), else the last
view, else, on the demo's first start, a live 3x3 of demo cameras.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from controlroom.ui import presenting
from controlroom.ui.wall.layout_editor import CustomLayouts, LayoutEditor
from controlroom.ui.wall.tours_ui import WallTour, WallTourDialog
from controlroom.ui.wall.views_ui import ViewsUi
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QByteArray, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from controlroom.wall.layouts import PRESETS, LayoutError, preset

if TYPE_CHECKING:
    from controlroom.ui.resource_panel import ResourcePanel

DEMO_VIEW_TILES = 9

log = logging.getLogger("controlroom.ui.wall")


class WallUi(QObject):
    """Toolbar, menu and keys of the wall in a main window."""

    def __init__(self, window: QMainWindow, pane: WallPane, resources: ResourcePanel | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.pane = pane
        self.resources = resources
        self.views = ViewsUi(pane, window)
        self.layouts = CustomLayouts()
        self.layouts.load()
        self.wall_tour = WallTour(pane)
        self._chrome: list[QWidget] = []
        self._was_maximised = False
        self._normal_geometry: QRect | None = None
        self._layout_state: QByteArray | None = None

        pane.message.connect(self._show_message)
        if resources is not None:
            resources.camera_activated.connect(pane.put_camera)

        # ---- toolbar
        tb = QToolBar(self.tr("Wall"), window)
        tb.setObjectName("wallToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = tb
        # one action per preset, kept (the menu is refilled each time it opens): Ctrl+1…9 sit on them
        self.preset_actions: dict[int, QAction] = {}
        for n in PRESETS:
            a = QAction(self.tiles_words(n), self)
            a.triggered.connect(lambda _=False, n=n: pane.set_layout(preset(n)))
            self.preset_actions[n] = a
        self.layout_menu = QMenu(self.tr("&Layout"), window)
        self.layout_menu.aboutToShow.connect(self._fill_layout_menu)
        self._fill_layout_menu()
        layout_button = QToolButton(tb)
        layout_button.setText(self.tr("Layout"))
        layout_button.setToolTip(self.tr("Choose how many tiles the wall has"))
        layout_button.setMenu(self.layout_menu)
        layout_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tb.addWidget(layout_button)
        for n in (1, 4, 9, 16, 25, 36, 64):
            a = tb.addAction(str(n))
            a.setToolTip(self.tiles_words(n))
            a.triggered.connect(lambda _=False, n=n: pane.set_layout(preset(n)))
        tb.addSeparator()
        tb.addWidget(QLabel(self.tr(" View: "), tb))
        tb.addWidget(self.views.combo)
        tb.addAction(self.views.action_save)
        tb.addAction(self.views.action_revert)  # enabled while the view is modified ("•")
        tb.addSeparator()
        self.action_wall_tour = QAction(self.tr("Wall tour…"), self)
        self.action_wall_tour.triggered.connect(self.ask_wall_tour)
        tb.addAction(self.action_wall_tour)
        self.action_tour_pause = QAction(self.tr("Pause tour"), self)
        self.action_tour_pause.setCheckable(True)
        self.action_tour_pause.toggled.connect(self.wall_tour.set_paused)
        self.action_tour_stop = QAction(self.tr("Stop tour"), self)
        self.action_tour_stop.triggered.connect(self.wall_tour.stop)
        tb.addAction(self.action_tour_pause)
        tb.addAction(self.action_tour_stop)
        self.tour_label = QLabel(tb)
        self.tour_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tour_label.setContentsMargins(6, 0, 6, 0)
        tb.addWidget(self.tour_label)
        tb.addSeparator()
        self.action_stats = QAction(self.tr("fps / bit rate"), self)
        self.action_stats.setCheckable(True)
        self.action_stats.setToolTip(self.tr("Show frames per second and bit rate on every tile"))
        self.action_stats.toggled.connect(pane.set_stats_visible)
        tb.addAction(self.action_stats)
        self.action_fullscreen = QAction(self.tr("Full screen"), self)
        self.action_fullscreen.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.action_fullscreen.setCheckable(True)
        self.action_fullscreen.toggled.connect(self.set_full_screen)
        self.action_presenter = QAction(self.tr("Full screen without chrome"), self)
        self.action_presenter.setShortcut(QKeySequence("Shift+F11"))
        self.action_presenter.setCheckable(True)
        self.action_presenter.setToolTip(self.tr("Only the wall, for meeting displays (Esc leaves)"))
        self.action_presenter.toggled.connect(self.set_presenter)
        for a in (self.action_fullscreen, self.action_presenter):
            a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            window.addAction(a)  # the shortcuts work with every bar hidden
        tb.addAction(self.action_fullscreen)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)

        # ---- menu
        self.menu = QMenu(self.tr("&Wall"), window)
        self._add_history_actions(window)
        self.menu.addMenu(self.layout_menu)
        self.menu.addMenu(self.views.menu)
        self.menu.addSeparator()
        for a in (self.action_wall_tour, self.action_tour_pause, self.action_tour_stop):
            self.menu.addAction(a)
        self.menu.addSeparator()
        for a in (self.action_stats, self.action_fullscreen, self.action_presenter):
            self.menu.addAction(a)
        bar = window.menuBar()
        menus = bar.actions()
        if menus:  # before Help, where operators look for it
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        self.wall_tour.changed.connect(self._tour_changed)
        self._tour_timer = QTimer(self)
        self._tour_timer.setInterval(250)
        self._tour_timer.timeout.connect(self._update_tour_label)
        self._tour_changed()
        pane.wall.escape_pressed.connect(self._leave_presenter)

    # ------------------------------------------------------------------ undo, redo, back

    def _add_history_actions(self, window: QMainWindow) -> None:
        """Undo / Redo of wall changes and Back from an incident wall, first in the Wall menu."""
        c = self.pane.controller
        self.action_undo = QAction(self.tr("&Undo wall change"), self)
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_undo.triggered.connect(lambda: c.undo())
        self.action_redo = QAction(self.tr("&Redo wall change"), self)
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.action_redo.triggered.connect(lambda: c.redo())
        self.action_back = QAction(self.tr("&Back to your view"), self)
        self.action_back.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left))
        self.action_back.setToolTip(self.tr("Leave the incident wall: your own wall comes back as you left it (Esc)"))
        self.action_back.triggered.connect(self.pane.leave_incident)
        for a in (self.action_undo, self.action_redo, self.action_back):
            window.addAction(a)  # the keys work wherever the focus is in the window
            self.menu.addAction(a)
        self.menu.addSeparator()
        self.pane.view_changed.connect(self._update_history_actions)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        c = self.pane.controller
        self.action_undo.setEnabled(c.can_undo)
        self.action_redo.setEnabled(c.can_redo)
        self.action_back.setEnabled(c.incident is not None)
        home = c.home_name
        self.action_back.setText(self.tr("&Back to “{view}”").format(view=home.replace("&", "&&"))
                                 if home else self.tr("&Back to your wall"))

    # ------------------------------------------------------------------ start

    def start(self, *, view: str | None = None, layout: int | None = None, demo: bool = False) -> None:
        """Open what the operator asked for, else the last view, else the demo's first wall."""
        self.views.report_problems()
        if layout is not None:
            try:
                lay = preset(layout)
            except LayoutError as e:
                self._show_message(str(e))
            else:
                self.pane.set_layout(lay)
                self.pane.controller.fill(0, self.first_cameras(len(lay)))
                return
        if view is not None:
            if self.views.open(view):
                return
            self.unknown_view(view)
        if self.views.restore_last():
            return
        if demo:
            self.pane.set_layout(preset(DEMO_VIEW_TILES))
            self.pane.controller.fill(0, self.first_cameras(DEMO_VIEW_TILES))
            self.views.save_as(self.tr("Demo 3×3"))

    def unknown_view(self, name: str) -> None:
        """``--view NAME`` named no saved view of this user on this platform: say so, and which there are."""
        names = self.views.store.names()
        log.warning("--view: there is no saved view named %r (saved: %d)", name, len(names))
        text = self.tr("There is no saved view named “{name}”.").format(name=name)
        detail = (self.tr("Saved views of this account on this platform: {names}").format(names=", ".join(names))
                  if names else self.tr("This account has no saved views on this platform yet."))
        self.unknown_view_text = f"{text} {detail}"
        # one plain-text body: informative text would guess rich text from the operator's view names
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("View not found"), f"{text}\n\n{detail}",
                          QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("unknownViewBox")
        box.open()
        # after the box: whatever opens next must not push the message out of the status bar
        QTimer.singleShot(0, lambda: self._show_message(self.unknown_view_text))

    def first_cameras(self, n: int) -> list[str]:
        """The first ``n`` online cameras of the inventory, in its order."""
        out = []
        for cam in self.pane.inventory.cameras.values():
            if cam.online:
                out.append(cam.id)
                if len(out) == n:
                    break
        return out

    # ------------------------------------------------------------------ layouts

    def tiles_words(self, n: int) -> str:
        return self.tr("1 tile") if n == 1 else self.tr("{n} tiles").format(n=n)

    def _fill_layout_menu(self) -> None:
        m = self.layout_menu
        m.clear()
        for n in PRESETS:
            m.addAction(self.preset_actions[n])
        if self.layouts.layouts:
            m.addSeparator()
            for name, lay in self.layouts.layouts.items():
                a = m.addAction(name.replace("&", "&&"))
                a.triggered.connect(lambda _=False, lay=lay: self.pane.set_layout(lay))
        m.addSeparator()
        a = m.addAction(self.tr("Custom layout…"))
        a.triggered.connect(self.edit_layout)

    def edit_layout(self) -> None:
        dialog = LayoutEditor(self.window, self.pane.controller.layout)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_layout is not None:
            lay = dialog.result_layout
            try:
                self.layouts.put(lay)
            except OSError as e:
                self._show_message(self.tr("The layout could not be saved: {error}").format(error=str(e)))
            self.pane.set_layout(lay)
        dialog.deleteLater()

    # ------------------------------------------------------------------ tours

    def ask_wall_tour(self) -> None:
        site_id = self._selected_site()
        dialog = WallTourDialog(self.pane, self.views.store.names(), site_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            interval = float(dialog.interval.value())
            if dialog.chosen() == "views":
                self.wall_tour.start_views({v.name: v for v in self.views.store}, interval)
            elif dialog.chosen() == "pages" and site_id is not None:
                self.wall_tour.start_pages(self.pane.controller.camera_ids_for("site", site_id), interval)
        dialog.deleteLater()

    def _selected_site(self) -> str | None:
        if self.resources is not None:
            from controlroom.ui.tree_model import ItemIdRole, ItemTypeRole

            idx = self.resources.view.currentIndex()
            if idx.isValid() and self.resources.model.data(idx, ItemTypeRole) == "site":
                return self.resources.model.data(idx, ItemIdRole)
        sel = self.pane.controller.selected
        cam = self.pane.inventory.cameras.get(self.pane.camera_on(sel) or "") if sel is not None else None
        return cam.site_id if cam is not None else None

    def _tour_changed(self) -> None:
        running = self.wall_tour.running
        self.action_tour_pause.setEnabled(running)
        self.action_tour_stop.setEnabled(running)
        if not running:
            self.action_tour_pause.blockSignals(True)
            self.action_tour_pause.setChecked(False)
            self.action_tour_pause.blockSignals(False)
            self._tour_timer.stop()
        elif not self._tour_timer.isActive():
            self._tour_timer.start()
        self._update_tour_label()

    def _update_tour_label(self) -> None:
        self.tour_label.setText(self.wall_tour.countdown_text())

    # ------------------------------------------------------------------ full screen

    def set_full_screen(self, on: bool) -> None:
        w = self.window
        if on:
            if not w.isFullScreen():
                self._was_maximised = w.isMaximized()
                self._normal_geometry = QRect(w.normalGeometry() if self._was_maximised else w.geometry())
            screen = w.screen()
            # the screen's geometry even where no window manager applies the
            # full-screen state (kiosks, Xvfb): else the window keeps its size
            # and the desktop shows around the wall
            if screen is not None:
                w.setGeometry(screen.geometry())
            w.showFullScreen()
        elif not self.action_presenter.isChecked():
            if self._was_maximised:
                w.showMaximized()
            else:
                w.showNormal()
                if self._normal_geometry is not None:
                    w.setGeometry(self._normal_geometry)

    def set_presenter(self, on: bool) -> None:
        """Only the wall on the whole screen: no menus, toolbars, docks or status bar; pop-ups wait."""
        w = self.window
        if on:
            from PySide6.QtWidgets import QDockWidget

            # docks and toolbars come back as they were, tabs in front included
            self._layout_state = w.saveState()
            bars: list[QWidget | None] = [w.menuBar(), w.statusBar()]
            self._chrome = [b for b in bars if b is not None and b.isVisible()]
            for b in [*self._chrome, *w.findChildren(QToolBar), *w.findChildren(QDockWidget)]:
                b.hide()
            self.set_full_screen(True)
            presenting.set_presenting(w, True)
        else:
            for b in self._chrome:
                b.show()
            self._chrome = []
            if self._layout_state is not None:
                w.restoreState(self._layout_state)
                self._layout_state = None
            if not self.action_fullscreen.isChecked():
                self.set_full_screen(False)
            presenting.set_presenting(w, False)  # last: held pop-ups go where the window is now
        self.pane.wall.setFocus()

    def _leave_presenter(self) -> None:
        if self.action_presenter.isChecked():
            self.action_presenter.setChecked(False)
        elif self.action_fullscreen.isChecked():
            self.action_fullscreen.setChecked(False)

    # ------------------------------------------------------------------ messages

    def _show_message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)
