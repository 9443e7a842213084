"""Several monitors: wall windows, dragging between them, workspaces, and screens that come and go.

``WallWindows`` belongs to the main window. It opens wall windows (Wall →
New wall window, Ctrl+Shift+N, or a tile dragged out of every window), moves
cameras between windows when a tile of one is dropped on a tile of another
(the drag says where it came from: ``ui/wall/tile_drag.py``), saves and opens
workspaces (``controlroom.workspaces``: the windows, their screens, places
and walls) and restores the current one at start. When a screen goes away
its windows move to a remaining screen, and come back when it returns; the
operator is told each time in the status bar (``notice``).

Each window's wall is a ``WallPane`` used as it is: nothing here reaches into
its players; a closed window's pane releases its own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from controlroom.ui import keys
from controlroom.ui.wall.tile_drag import TileOrigin
from controlroom.ui.wall.wall_ui import WallUi
from controlroom.ui.wall.wall_view import WallPane
from controlroom.ui.wall_window import (
    WallWindow,
    full_screen_on,
    full_screen_state,
    leave_full_screen,
    screens_menu,
)
from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QMenu, QMessageBox

from controlroom import paths
from controlroom.wall.layouts import PRESETS, preset
from controlroom.wall.views import ViewError
from controlroom.workspaces import (
    Rect,
    Screen,
    WindowPlace,
    Workspace,
    WorkspaceError,
    WorkspaceStore,
    move_into,
    place,
    workspaces_file,
)

if TYPE_CHECKING:
    from controlroom.ui.main_window import MainWindow

log = logging.getLogger("controlroom.ui.workspaces")

#: dynamic properties of a window moved off a screen that went away: where it belongs
HOME_SCREEN = "controlroomHomeScreen"
HOME_GEOMETRY = "controlroomHomeGeometry"
HOME_FULL = "controlroomHomeFullScreen"


def rect(r: QRect) -> Rect:
    return Rect(r.x(), r.y(), max(1, r.width()), max(1, r.height()))


def qrect(r: Rect) -> QRect:
    return QRect(r.x, r.y, r.w, r.h)


def screen_of(s: QScreen) -> Screen:
    return Screen(s.name(), rect(s.geometry()))


def screens_now() -> list[Screen]:
    """The screens there are, the primary one first."""
    primary = QGuiApplication.primaryScreen()
    out = [screen_of(s) for s in QGuiApplication.screens()]
    if primary is not None:
        out.sort(key=lambda s: s.name != primary.name())
    return out


def qscreen(name: str) -> QScreen | None:
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


class WallWindows(QObject):
    """The main window's wall windows, the drags between walls, workspaces and screens."""

    #: something the operator should know (a screen went away, a workspace could not be read)
    notice = Signal(str)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.session = main.session
        self.windows: list[WallWindow] = []
        self.notices: list[str] = []
        self._numbers = 0
        user = self.session.user
        self.store = WorkspaceStore(workspaces_file(paths.config_dir(), self.session.base_url,
                                                    user.username if user is not None else ""))
        self.problem: str | None = None
        problem = self.store.load()
        if problem is not None:
            if self.store.set_aside is not None:
                self.problem = self.tr(
                    "The saved workspaces could not be read. The file was set aside as {path}; ControlRoom "
                    "starts with this window only. Views, layouts and settings are not touched.").format(
                        path=str(self.store.set_aside))
            else:
                self.problem = self.tr(
                    "The saved workspaces file {path} is kept as it is (a newer ControlRoom wrote it, or it "
                    "cannot be read); workspaces you save now will not be written.").format(path=str(self.store.path))

        self._adopt(main, main.wall_ui, main.video_wall)

        self.action_new_window = QAction(self.tr("&New wall window"), self)
        self.action_new_window.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.action_new_window.setToolTip(self.tr("Another video wall, for another screen (or drag a tile out)"))
        self.action_new_window.triggered.connect(lambda: self.new_window())
        main.addAction(self.action_new_window)
        self.action_save = QAction(self.tr("&Save workspace"), self)
        self.action_save.setToolTip(self.tr("Keep these windows, their screens and walls; they open so at start"))
        self.action_save.triggered.connect(lambda: self.save_workspace(self.store.current))
        self.action_save_as = QAction(self.tr("Save workspace &as…"), self)
        self.action_save_as.triggered.connect(lambda: self.save_workspace())
        self.workspaces_menu = QMenu(self.tr("W&orkspaces"), main)
        self.workspaces_menu.aboutToShow.connect(self._fill_workspaces_menu)
        self._fill_workspaces_menu()
        self._add_menu(main.wall_ui, main)

        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_screen_added)
        app.screenRemoved.connect(self._on_screen_removed)
        self._unhook = lambda: (app.screenAdded.disconnect(self._on_screen_added),
                                app.screenRemoved.disconnect(self._on_screen_removed))

    # ------------------------------------------------------------------ windows

    def _adopt(self, window: QMainWindow, wall_ui: WallUi, pane: WallPane) -> None:
        # Each window has its own F11 / Shift+F11: as application-wide shortcuts two
        # windows' keys would be ambiguous and neither would work.
        for a in (wall_ui.action_fullscreen, wall_ui.action_presenter):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        pane.wall.foreign_tile_dropped.connect(lambda origin, tile, p=pane: self._on_foreign_drop(p, origin, tile))
        pane.wall.dragged_out.connect(lambda tile, pos, p=pane: self._on_dragged_out(p, tile, pos))
        # one views store in the process: two windows saving views never write over each other
        pane.view_changed.connect(self._refresh_views)

    def _add_menu(self, wall_ui: WallUi, window: QMainWindow) -> None:
        wall_ui.menu.addSeparator()
        wall_ui.menu.addAction(self.action_new_window)
        wall_ui.menu.addMenu(screens_menu(self.tr("Full screen &on"), window,
                                          lambda s, w=window, u=wall_ui: full_screen_on(w, u, s)))
        wall_ui.menu.addMenu(screens_menu(self.tr("Full screen without &chrome on"), window,
                                          lambda s, w=window, u=wall_ui: full_screen_on(w, u, s, chrome=False)))
        wall_ui.menu.addMenu(self.workspaces_menu)

    def panes(self) -> list[WallPane]:
        return [self.main.video_wall, *(w.pane for w in self.windows)]

    def new_window(self, screen: QScreen | None = None, geometry: QRect | None = None) -> WallWindow:
        """Open a wall window: on ``screen`` (else a screen the main window is not on), at ``geometry``."""
        self._numbers += 1
        # no parent: a child of the main window would show in its findChildren (its keys list,
        # its chrome-less mode hiding every toolbar); the main window closes these itself
        w = WallWindow(self.session, self._numbers)
        shared = self.main.wall_ui
        w.wall_ui.views.store = shared.views.store
        w.wall_ui.layouts = shared.layouts
        w.wall_ui.views.refresh()
        self._adopt(w, w.wall_ui, w.pane)
        self._add_menu(w.wall_ui, w)
        w.addAction(self.action_new_window)
        # the layout and tour keys of the main window (ui/keys.py), on this window's own actions
        for i, n in enumerate(list(PRESETS)[:keys.LAYOUT_KEYS]):
            a = w.wall_ui.preset_actions[n]
            a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            w.addAction(a)
        w.wall_ui.action_wall_tour.setShortcut(QKeySequence("Ctrl+T"))
        w.wall_ui.action_tour_pause.setShortcut(QKeySequence("Ctrl+Shift+T"))
        for a in (w.wall_ui.action_wall_tour, w.wall_ui.action_tour_pause):
            w.addAction(a)
        w.closed.connect(self._on_closed)
        self.windows.append(w)
        if geometry is None:
            if screen is None:
                here = self.main.screen()
                others = [s for s in QGuiApplication.screens() if s is not here]
                screen = others[0] if others else here
            area = screen.availableGeometry()
            size = QRect(0, 0, min(1280, area.width() - 80), min(720, area.height() - 80))
            size.moveCenter(area.center())
            geometry = size
        w.setGeometry(geometry)
        w.show()
        return w

    def _on_closed(self, window: QMainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)  # type: ignore[arg-type]

    def playing(self) -> int:
        """How many tiles of the wall windows play (the quit question counts them too)."""
        return sum(1 for w in self.windows for t in range(len(w.pane.tiles)) if w.pane.camera_on(t) is not None)

    def close_all(self) -> None:
        """Close every wall window (the main window is closing): their players go first."""
        for w in list(self.windows):
            w.close()
        self.windows.clear()
        self._unhook()
        self._unhook = lambda: None  # closing twice must not disconnect twice

    def _refresh_views(self) -> None:
        for w in self.windows:
            w.wall_ui.views.refresh()
        self.main.wall_ui.views.refresh()

    # ------------------------------------------------------------------ drag and drop between windows

    def pane_by_key(self, key: str) -> WallPane | None:
        return next((p for p in self.panes() if p.wall.drag_key == key), None)

    def _on_foreign_drop(self, target: WallPane, origin: TileOrigin, tile: int) -> None:
        """A tile of another wall dropped on ``tile`` of ``target``: the two tiles swap cameras."""
        source = self.pane_by_key(origin.wall)
        if source is None:  # another ControlRoom, or a window closed meanwhile: only its camera comes
            if origin.camera_id is not None and origin.camera_id in target.inventory.cameras:
                target.controller.assign(tile, origin.camera_id)
                target.controller.select(tile)
            else:
                target.message.emit(self.tr("That tile's camera is not in this session."))
            return
        if not 0 <= origin.tile < len(source.controller.tiles):
            return
        camera = source.controller.slot(origin.tile).camera_id
        if camera is None:
            return
        there = target.controller.slot(tile).camera_id
        target.controller.assign(tile, camera)
        target.controller.select(tile)
        source.controller.assign(origin.tile, there)

    def _on_dragged_out(self, source: WallPane, tile: int, pos: QPoint) -> None:
        """A tile dropped outside every window: it opens in a new wall window there."""
        if any(w.isVisible() and w.frameGeometry().contains(pos) for w in QApplication.topLevelWidgets()):
            return  # dropped on a part of a window that takes no tiles (a toolbar, the tree)
        if not 0 <= tile < len(source.controller.tiles):
            return
        camera = source.controller.slot(tile).camera_id
        if camera is None:
            return
        self.tear_out(source, tile, pos)

    def tear_out(self, source: WallPane, tile: int, pos: QPoint) -> WallWindow:
        """Move ``tile``'s camera into a new one-tile wall window at ``pos``."""
        camera = source.controller.slot(tile).camera_id
        screen = QGuiApplication.screenAt(pos) or self.main.screen()
        area = screen.availableGeometry()
        geometry = QRect(0, 0, min(960, area.width()), min(600, area.height()))
        geometry.moveTopLeft(pos - QPoint(40, 20))
        geometry.moveLeft(max(area.left(), min(geometry.left(), area.right() - geometry.width())))
        geometry.moveTop(max(area.top(), min(geometry.top(), area.bottom() - geometry.height())))
        w = self.new_window(screen, geometry)
        w.pane.set_layout(preset(1))
        w.pane.controller.assign(0, camera)
        source.controller.clear(tile)
        return w

    # ------------------------------------------------------------------ workspaces

    def snapshot(self, name: str) -> Workspace:
        """The windows as they are now, as a workspace named ``name``."""
        places = [self._place_of("main", self.main, self.main.wall_ui, self.main.video_wall)]
        places += [self._place_of("wall", w, w.wall_ui, w.pane) for w in self.windows]
        return Workspace(name, tuple(places))

    def _place_of(self, kind: str, window: QMainWindow, wall_ui: WallUi, pane: WallPane) -> WindowPlace:
        screen = window.screen()
        full = full_screen_state(wall_ui)
        geometry = window.normalGeometry() if window.isMaximized() else window.geometry()
        c = pane.controller
        name = c.name if c.name and c.incident is None else None
        view = c.view(name or self.tr("Wall"))
        saved = name if name is not None and name in wall_ui.views.store else None
        return WindowPlace(kind, screen_of(screen), rect(geometry), view, full, saved)

    def save_workspace(self, name: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(self.main, self.tr("Save workspace as"), self.tr("Workspace name:"),
                                            text=self.store.current or self.tr("Control room"))
            if not ok:
                return False
        name = name.strip()
        if not name:
            return False
        try:
            ws = self.snapshot(name)
            self.store.put(ws)
            self.store.current = name
            self.store.save()
        except (WorkspaceError, ViewError, OSError) as e:
            self.say(self.tr("The workspace could not be saved: {error}").format(error=str(e)))
            return False
        self.say(self.tr("Workspace “{name}” saved: {n} windows; it opens at the next start.").format(
            name=name, n=len(ws.windows)))
        return True

    def open_workspace(self, name: str) -> bool:
        ws = self.store.get(name)
        if ws is None:
            return False
        self.apply(ws)
        self.store.current = name
        try:
            self.store.save()
        except (WorkspaceError, OSError) as e:
            log.warning("workspaces: %s", e)
        return True

    def delete_workspace(self, name: str) -> None:
        self.store.delete(name)
        try:
            self.store.save()
        except (WorkspaceError, OSError) as e:
            self.say(self.tr("The workspaces could not be saved: {error}").format(error=str(e)))

    def apply(self, ws: Workspace, *, keep_main_wall: bool = False) -> None:
        """Show ``ws``: its wall windows (the ones open now close), each on its screen or a remaining one."""
        for w in list(self.windows):
            w.close()
        placements = place(ws.windows, screens_now())
        for window, spot in zip(ws.windows, placements, strict=True):
            geometry = qrect(spot.geometry)
            if window.kind == "main":
                target: QMainWindow = self.main
                wall_ui, pane = self.main.wall_ui, self.main.video_wall
                if not keep_main_wall:
                    self._load(pane, window)
                self.main.setGeometry(geometry)
            else:
                w = self.new_window(qscreen(spot.screen.name), geometry)
                target, wall_ui, pane = w, w.wall_ui, w.pane
                self._load(pane, window)
            if spot.moved:
                target.setProperty(HOME_SCREEN, window.screen.name)
                target.setProperty(HOME_GEOMETRY, qrect(window.geometry))
                self.say(self.tr("The screen “{screen}” is not connected: “{window}” opens on “{here}” instead.")
                         .format(screen=window.screen.name, window=target.windowTitle(), here=spot.screen.name))
            if window.full_screen is not None and spot.moved:
                # not full screen over the desk: full screen again when its screen is back
                target.setProperty(HOME_FULL, window.full_screen)
            elif window.full_screen is not None:
                s = qscreen(spot.screen.name)
                if s is not None:
                    full_screen_on(target, wall_ui, s, chrome=window.full_screen == "chrome")

    @staticmethod
    def _load(pane: WallPane, window: WindowPlace) -> None:
        pane.load_view(window.view)
        if window.view_name is None:  # an unsaved wall stays unsaved (its name was only a placeholder)
            pane.controller.name = None
            pane.controller.baseline = None
            pane.view_changed.emit()

    def restore_at_start(self, *, keep_main_wall: bool = False) -> bool:
        """Open the current workspace (the last saved or opened); say so if the file was unreadable."""
        if self.problem is not None:
            self.say(self.problem)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Workspaces"), self.problem,
                              QMessageBox.StandardButton.Ok, self.main)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setObjectName("workspacesProblemBox")
            box.open()
        name = self.store.current
        ws = self.store.get(name) if name is not None else None
        if ws is None:
            return False
        self.apply(ws, keep_main_wall=keep_main_wall)
        return True

    def _fill_workspaces_menu(self) -> None:
        m = self.workspaces_menu
        m.clear()
        m.addAction(self.action_save)
        m.addAction(self.action_save_as)
        self.action_save.setEnabled(self.store.current is not None)
        m.addSeparator()
        if not self.store.names():
            a = m.addAction(self.tr("No saved workspaces"))
            a.setEnabled(False)
        for name in self.store.names():
            a = m.addAction(name.replace("&", "&&"))
            a.setCheckable(True)
            a.setChecked(name == self.store.current)
            a.triggered.connect(lambda _=False, n=name: self.open_workspace(n))
        if self.store.current is not None:
            m.addSeparator()
            a = m.addAction(self.tr("Delete workspace “{name}”").format(name=self.store.current.replace("&", "&&")))
            a.triggered.connect(lambda _=False, n=self.store.current: self.delete_workspace(n))

    # ------------------------------------------------------------------ screens coming and going

    def all_windows(self) -> list[tuple[QMainWindow, WallUi]]:
        return [(self.main, self.main.wall_ui), *((w, w.wall_ui) for w in self.windows)]

    def _on_screen_removed(self, screen: QScreen) -> None:
        name, geometry = screen.name(), rect(screen.geometry())
        # after Qt has settled on the screens that remain
        QTimer.singleShot(0, lambda: self._rehome(name, geometry))

    def _rehome(self, gone: str, gone_geometry: Rect) -> None:
        screens = screens_now()
        if not screens:
            return
        for window, wall_ui in self.all_windows():
            g = rect(window.geometry())
            if any(s.geometry.contains(*g.centre) for s in screens):
                continue  # still on a screen that is there
            target = screens[0]
            full = full_screen_state(wall_ui)
            window.setProperty(HOME_SCREEN, window.property(HOME_SCREEN) or gone)
            window.setProperty(HOME_GEOMETRY, QRect(window.geometry()))
            if full is not None:  # not full screen over the desk: again when its screen is back
                window.setProperty(HOME_FULL, full)
                leave_full_screen(wall_ui)
                g = rect(window.geometry())
            self._move(window, wall_ui, target, move_into(g, gone_geometry, target.geometry))
            self.say(self.tr("The screen “{screen}” was disconnected: “{window}” moved to “{here}”.").format(
                screen=gone, window=window.windowTitle(), here=target.name))

    def _on_screen_added(self, screen: QScreen) -> None:
        QTimer.singleShot(0, lambda: self._come_back(screen.name()))

    def _come_back(self, name: str) -> None:
        back = qscreen(name)
        if back is None:
            return
        for window, wall_ui in self.all_windows():
            if window.property(HOME_SCREEN) != name:
                continue
            home = window.property(HOME_GEOMETRY)
            full = window.property(HOME_FULL)
            for key in (HOME_SCREEN, HOME_GEOMETRY, HOME_FULL):
                window.setProperty(key, None)
            geometry = home if isinstance(home, QRect) and back.geometry().intersects(home) else back.availableGeometry()
            self._move(window, wall_ui, screen_of(back), rect(geometry))
            if full in ("chrome", "presenting"):
                full_screen_on(window, wall_ui, back, chrome=full == "chrome")
            self.say(self.tr("The screen “{screen}” is back: “{window}” returned to it.").format(
                screen=name, window=window.windowTitle()))

    def _move(self, window: QMainWindow, wall_ui: WallUi, target: Screen, geometry: Rect) -> None:
        s = qscreen(target.name)
        full = full_screen_state(wall_ui)
        if full is not None and s is not None:
            full_screen_on(window, wall_ui, s, chrome=full == "chrome")
            return
        handle = window.windowHandle()
        if handle is not None and s is not None:
            handle.setScreen(s)
        window.setGeometry(qrect(geometry))

    # ------------------------------------------------------------------ notices

    def say(self, text: str) -> None:
        """Tell the operator: the main window's status bar (and the log), and ``notice``."""
        log.info("workspaces: %s", text)
        self.notices.append(text)
        self.main.statusBar().showMessage(text, 20_000)
        self.notice.emit(text)
