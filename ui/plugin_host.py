"""Plugins in the main window: their docks, actions and status widgets, and the Plugins menu.

``PluginHost`` is the UI half of the plugin system: it implements
``controlroom.plugin_api.PluginUi`` for one ``QMainWindow`` and runs a
``PluginManager`` on the window's session. Each plugin's docks get the
object name ``plugin.<name>.<n>`` (so ``saveState``/``restoreState`` put
them back); everything a plugin added is removed when it stops.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib.metadata import EntryPoint
from typing import Any

from controlroom.ui import window_state
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from controlroom import settings as settings_mod
from controlroom.plugin_api import ActionSpec
from controlroom.plugins_loader import PluginManager

log = logging.getLogger("controlroom.ui.plugin_host")

_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}

#: How long a plugin's problem stays in the status bar (ms).
PROBLEM_MESSAGE_MS = 15_000


class PluginHost(QObject):
    """Loads the plugins into ``window`` and puts what they add into it.

    ``settings`` defaults to the process's shared settings file; ``wall`` is
    the wall controller (None while the window has none); ``entry_points``
    replaces discovery (tests). Call ``teardown()`` when the window closes.
    """

    #: (plugin name, message in words) for each problem a plugin reports or has
    problem = Signal(str, str)

    def __init__(
        self,
        window: QMainWindow,
        session: Any,
        *,
        wall: Any = None,
        settings: settings_mod.Settings | None = None,
        entry_points: Iterable[EntryPoint] | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings if settings is not None else settings_mod.shared()
        self.problems: list[tuple[str, str]] = []
        self._docks: dict[str, list[QDockWidget]] = {}
        #: the window came back as the operator left it (False: the default arrangement)
        self.restored = False
        self._actions: dict[str, list[tuple[QMenu, QAction, bool]]] = {}
        self._status: dict[str, list[QWidget]] = {}
        self._dialog: Any = None

        self.menu = QMenu(self.tr("&Plugins"), window)
        self.menu.setObjectName("pluginsMenu")
        self.action_manage = QAction(self.tr("Plugins…"), window)
        self.action_manage.setObjectName("managePlugins")
        self.action_manage.triggered.connect(self.show_dialog)
        self.menu.addAction(self.action_manage)
        self.menu.addSeparator()
        self._insert_menu()

        self.manager = PluginManager(self.settings, self, session=session, wall=wall, entry_points=entry_points)
        # the panes' default sizes are set once the window has its real size
        self._arranged = False
        window.installEventFilter(self)
        for problem in self.settings.problems:
            self.show_problem("", problem)
        if start:
            self.manager.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and not self._arranged:
            self._arranged = True
            QTimer.singleShot(0, self._restore_or_arrange)
        return False

    def _restore_or_arrange(self) -> None:
        # the operator's own layout from the last shift, else the default one
        self.restored = window_state.restore(self.window)
        if not self.restored:
            self.arrange_default()

    def arrange_default(self) -> None:
        """Give the video wall most of the window: side panes about a quarter of
        its width, bottom panes about a fifth of its height (the operator's own
        sizes take over from there)."""
        w, h = self.window.width(), self.window.height()
        for area, size, orientation in (
            (Qt.DockWidgetArea.RightDockWidgetArea, int(w * 0.26), Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.LeftDockWidgetArea, int(w * 0.2), Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.BottomDockWidgetArea, int(h * 0.2), Qt.Orientation.Vertical),
        ):
            docks: list[QDockWidget] = []
            # every dock of the window (the site tree too), not only the plugins'
            for d in self.window.findChildren(QDockWidget):
                if self.window.dockWidgetArea(d) != area or d.isFloating() or d.isHidden():
                    continue
                # one per tab group: Qt sizes a tab group through any one of its docks
                if not any(o in docks for o in self.window.tabifiedDockWidgets(d)):
                    docks.append(d)
            if docks:
                # a pane that needs more than its share to be usable says so in its size hint
                # (the alerts pane: 8 rows), within half the window; a pane that knows the width
                # its contents want (the site tree: its names) gets it
                half = (w if orientation == Qt.Orientation.Horizontal else h) // 2
                sizes = [min(max(size, _hint(d, orientation),
                                 int(d.widget().preferred_width())
                                 if orientation == Qt.Orientation.Horizontal and hasattr(d.widget(), "preferred_width")
                                 else 0), half) for d in docks]
                self.window.resizeDocks(docks, sizes, orientation)

    def _insert_menu(self) -> None:
        # before Help, which by convention is the last menu
        bar = self.window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        if menus:
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)

    def _view_menu(self) -> QMenu:
        # the window's View menu, found by its (translated) title; else ours
        title = QCoreApplication.translate("MainWindow", "&View")
        for a in self.window.menuBar().actions():
            menu = a.menu()
            if isinstance(menu, QMenu) and menu.title() == title:
                return menu
        return self.menu

    # ------------------------------------------------------------------ PluginUi

    def add_dock(self, plugin: str, widget: Any, title: str, area: str) -> QDockWidget:
        docks = self._docks.setdefault(plugin, [])
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"plugin.{plugin}.{len(docks)}")
        dock.setWidget(widget)
        self.window.addDockWidget(_AREAS[area], dock)
        # Panes that share an area are tabbed by default (the first stays in
        # front): four panes stacked on one side left each too small to use.
        first = next((d for ds in self._docks.values() for d in ds
                      if d is not dock and self.window.dockWidgetArea(d) == _AREAS[area] and not d.isFloating()), None)
        if first is not None:
            self.window.tabifyDockWidget(first, dock)
            first.raise_()
        docks.append(dock)
        # a closed pane must be reopenable: its toggle goes into the Plugins menu
        toggle = dock.toggleViewAction()
        self.menu.addAction(toggle)
        self._actions.setdefault(plugin, []).append((self.menu, toggle, False))
        return dock

    def add_action(self, plugin: str, action: Any, menu: str) -> QAction:
        owned = isinstance(action, ActionSpec)
        if isinstance(action, ActionSpec):
            spec = action
            action = QAction(spec.text, self.window)
            action.triggered.connect(lambda _checked=False, cb=spec.callback: cb())
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
        if not isinstance(action, QAction):
            raise TypeError(f"expected a QAction, text and callback, or a tuple; got {type(action).__name__}")
        target = self._view_menu() if menu == "view" else self.menu
        target.addAction(action)
        self._actions.setdefault(plugin, []).append((target, action, owned))
        return action

    def add_status_widget(self, plugin: str, widget: Any, permanent: bool) -> QWidget:
        bar = self.window.statusBar()
        if permanent:
            bar.addPermanentWidget(widget)
        else:
            bar.addWidget(widget)
        widget.show()
        self._status.setdefault(plugin, []).append(widget)
        return widget

    def remove_plugin(self, plugin: str) -> None:
        for menu, action, owned in self._actions.pop(plugin, []):
            menu.removeAction(action)
            if owned:
                action.deleteLater()
        bar = self.window.statusBar()
        for widget in self._status.pop(plugin, []):
            bar.removeWidget(widget)
            widget.hide()
            widget.setParent(None)  # out of the window now, not at the next deferred delete
            widget.deleteLater()
        for dock in self._docks.pop(plugin, []):
            self.window.removeDockWidget(dock)
            dock.hide()
            dock.setParent(None)
            dock.deleteLater()

    def show_problem(self, plugin: str, message: str) -> None:
        self.problems.append((plugin, message))
        self.window.statusBar().showMessage(message, PROBLEM_MESSAGE_MS)
        self.problem.emit(plugin, message)

    # ------------------------------------------------------------------ queries

    def docks(self, plugin: str) -> list[QDockWidget]:
        return list(self._docks.get(plugin, []))

    def actions(self, plugin: str) -> list[QAction]:
        return [a for _m, a, _o in self._actions.get(plugin, [])]

    def status_widgets(self, plugin: str) -> list[QWidget]:
        return list(self._status.get(plugin, []))

    # ------------------------------------------------------------------ dialog, teardown

    def show_dialog(self) -> Any:
        from controlroom.ui.plugins_dialog import PluginsDialog

        if self._dialog is None:
            self._dialog = PluginsDialog(self.manager, self.window)
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()
        return self._dialog

    def teardown(self) -> None:
        """Stop every plugin and remove what they added (the window is closing)."""
        self.manager.stop()
        for name in list(self._docks) + list(self._actions) + list(self._status):
            self.remove_plugin(name)
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None


def _hint(dock: QDockWidget, orientation: Qt.Orientation) -> int:
    """The size a dock's pane asks for (width for side docks, height for bottom ones), 0 if none."""
    widget = dock.widget()
    if widget is None:
        return 0
    hint = widget.sizeHint()
    return hint.width() if orientation == Qt.Orientation.Horizontal else hint.height()
