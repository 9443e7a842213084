"""The desk's keys beyond the menus' own: focus between panes, layouts, tours, snapshots, the key list.

Chosen to clash with nothing else the window uses (``tests/ui/test_keyboard.py``
checks every action's keys against every other's) and to be what operators
know from other desktop software and video-management clients:

- F6 / Shift+F6: the next / previous pane (tree, wall, the plugins' panes),
  as in browsers and most Windows applications;
- Alt+1 the sites tree, Alt+2 the wall, Alt+3 the alerts: a pane by number;
- Ctrl+1 … Ctrl+9: the first nine layouts (1, 4, 6, 8, 9, 10, 13, 16, 25 tiles);
- Ctrl+T starts a wall tour (轮巡), Ctrl+Shift+T pauses or resumes it;
- Ctrl+Shift+C: a snapshot of the selected tile;
- F1: Help → Keyboard shortcuts (``shortcuts_dialog``).

Every one is a ``QAction`` that is also added to the window itself, so it
works while the menu bar is hidden (the wall without chrome), and the
shortcut list finds it like any other action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget

from controlroom.wall.layouts import PRESETS

if TYPE_CHECKING:
    from controlroom.ui.main_window import MainWindow

#: Ctrl+1 … Ctrl+9: the first nine presets, smallest first
LAYOUT_KEYS = 9


def _menu(window: MainWindow, title: str) -> QMenu | None:
    """The window's top-level menu with this (translated) title."""
    for a in window.menuBar().actions():
        menu = a.menu()
        if isinstance(menu, QMenu) and menu.title() == title:
            return menu
    return None


def focus_into(widget: QWidget) -> bool:
    """Keyboard focus to ``widget`` or the first child that takes focus; False if none can."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            w.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
    return False


class WindowKeys(QObject):
    """Installs the keys above on a ``MainWindow`` (``install``); the actions stay reachable as attributes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        wall_ui = w.wall_ui

        # ---- focus
        self.action_next_pane = self._action(self.tr("Next pane"), "F6", lambda: self.cycle(1))
        self.action_previous_pane = self._action(self.tr("Previous pane"), "Shift+F6", lambda: self.cycle(-1))
        self.action_go_tree = self._action(self.tr("Go to the sites and cameras"), "Alt+1", self.focus_tree)
        self.action_go_wall = self._action(self.tr("Go to the wall"), "Alt+2", self.focus_wall)
        self.action_go_alerts = self._action(self.tr("Go to the alerts"), "Alt+3", self.focus_alerts)
        view_menu = _menu(w, QCoreApplication.translate("MainWindow", "&View"))
        self.go_menu = QMenu(self.tr("&Go to"), w)
        for a in (self.action_go_tree, self.action_go_wall, self.action_go_alerts):
            self.go_menu.addAction(a)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.action_next_pane)
        self.go_menu.addAction(self.action_previous_pane)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addMenu(self.go_menu)

        # ---- layouts, tours, snapshots: on the wall's own actions
        for i, n in enumerate(list(PRESETS)[:LAYOUT_KEYS]):
            a = wall_ui.preset_actions[n]
            a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            w.addAction(a)
        wall_ui.action_wall_tour.setShortcut(QKeySequence("Ctrl+T"))
        wall_ui.action_tour_pause.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.action_snapshot = self._action(self.tr("Snapshot of the selected tile"), "Ctrl+Shift+C", self.snapshot)
        for a in (wall_ui.action_wall_tour, wall_ui.action_tour_pause):
            w.addAction(a)
        wall_ui.menu.addSeparator()
        wall_ui.menu.addAction(self.action_snapshot)

        # ---- Enter on a site or a grid in the tree: onto the wall, as a drag from tile 1
        w.resources.items_activated.connect(lambda items: w.video_wall.drop_items(0, items))

        # ---- Help → Keyboard shortcuts
        self.action_shortcuts = self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        help_menu = _menu(w, QCoreApplication.translate("MainWindow", "&Help"))
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, self.action_shortcuts)  # type: ignore[arg-type]
        self.shortcuts_dialog: QWidget | None = None

    def _action(self, text: str, key: str, slot: object) -> QAction:
        a = QAction(text, self)
        a.setShortcut(QKeySequence(key))
        a.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        self.window.addAction(a)  # works with every bar hidden
        return a

    # ------------------------------------------------------------------ focus

    def panes(self) -> list[QWidget]:
        """The panes F6 visits, in order: the tree, the wall, then each plugin pane on screen."""
        w = self.window
        out: list[QWidget] = []
        if w.dock.isVisible():
            out.append(w.dock)
        out.append(w.video_wall.wall)
        out += [d for d in w.findChildren(QDockWidget) if d is not w.dock and d.isVisible() and d.widget() is not None]
        return out

    def current_pane(self) -> QWidget | None:
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        return next((p for p in self.panes() if p is focus or p.isAncestorOf(focus)), None)

    def cycle(self, step: int) -> None:
        panes = self.panes()
        current = self.current_pane()
        i = panes.index(current) if current in panes else (-1 if step > 0 else 0)
        for k in range(1, len(panes) + 1):
            pane = panes[(i + step * k) % len(panes)]
            if self._focus_pane(pane):
                return

    def _focus_pane(self, pane: QWidget) -> bool:
        w = self.window
        if pane is w.dock:
            self.focus_tree()
            return True
        if pane is w.video_wall.wall:
            self.focus_wall()
            return True
        if isinstance(pane, QDockWidget) and pane.objectName().startswith("plugin.alerts."):
            return self.focus_alerts()
        widget = pane.widget() if isinstance(pane, QDockWidget) else pane
        return widget is not None and focus_into(widget)

    def focus_tree(self) -> None:
        self.window.dock.show()
        self.window.dock.raise_()
        self.window.resources.focus_tree()

    def focus_wall(self) -> None:
        pane = self.window.video_wall
        pane.wall.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if pane.controller.selected is None and pane.tiles:
            pane.controller.select(0)  # the arrows need a tile to start from

    def focus_alerts(self) -> bool:
        plugin = self.window.plugins.manager.get("alerts")
        open_pane = getattr(plugin, "open_pane", None)
        if callable(open_pane):
            open_pane()
            return True
        self.window.statusBar().showMessage(
            self.tr("The alerts pane is turned off (Plugins → Plugins…)."), 5000)
        return False

    # ------------------------------------------------------------------ wall

    def snapshot(self) -> None:
        pane = self.window.video_wall
        tile = pane.controller.selected
        if tile is None:
            self.window.statusBar().showMessage(self.tr("Select a tile first: its picture is saved."), 5000)
            return
        pane.snapshot(tile)

    # ------------------------------------------------------------------ help

    def show_shortcuts(self) -> QWidget:
        from controlroom.ui.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        dialog.show()
        self.shortcuts_dialog = dialog
        return dialog

    def _dialog_gone(self) -> None:
        self.shortcuts_dialog = None


def install(window: MainWindow) -> WindowKeys:
    """Add the keys to ``window`` (after its wall, menus and plugins are built)."""
    return WindowKeys(window)
