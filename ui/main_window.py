"""The main window: resource dock, the wall area, connection status and menus.

The wall itself comes later; until then the centre shows a quiet wall-like
panel with who is signed in and what the platform holds, so the screen
looks intentional on a control-room display.

The window does not log in or load anything: ``controlroom.ui.app`` drives
the session and tells the window about progress. The window only listens to
the session's state (``Session.on_state``) and its inventory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from controlroom.ui import keys, quit_confirm, theme, window_state
from controlroom.ui import text as ui_text
from controlroom.ui.identity import IdentityLabel, identity_of
from controlroom.ui.playback import install as playback
from controlroom.ui.plugin_host import PluginHost
from controlroom.ui.resource_panel import ResourcePanel
from controlroom.ui.wall.wall_ui import WallUi
from controlroom.ui.wall.wall_view import WallPane
from controlroom.ui.workspaces import WallWindows
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import controlroom
from controlroom.api.client import SkippedRecord
from controlroom.api.schema import Role, User
from controlroom.backends.base import Capability
from controlroom.inventory import Inventory, InventoryDelta

if TYPE_CHECKING:
    from controlroom.session import Session

log = logging.getLogger("controlroom.ui.main_window")


def state_text(state: str) -> str:
    """Words for a ``ConnectionState`` (a StrEnum, so its value is the key)."""
    words = {
        "disconnected": QCoreApplication.translate("ConnectionState", "Disconnected"),
        "connecting": QCoreApplication.translate("ConnectionState", "Connecting"),
        "loading": QCoreApplication.translate("ConnectionState", "Loading inventory"),
        "connected": QCoreApplication.translate("ConnectionState", "Connected"),
        "reconnecting": QCoreApplication.translate("ConnectionState", "Reconnecting"),
        "failed": QCoreApplication.translate("ConnectionState", "Connection failed"),
    }
    return words.get(str(state), str(state))


def state_colour(state: str) -> Any:
    return {
        "connected": theme.ONLINE,
        "connecting": theme.WARNING,
        "loading": theme.WARNING,
        "reconnecting": theme.WARNING,
        "failed": theme.OFFLINE,
    }.get(str(state), theme.NEUTRAL)


def role_text(role: Role | str) -> str:
    words = {
        Role.DISPATCHER: QCoreApplication.translate("Role", "County dispatcher"),
        Role.TOWN_DESK: QCoreApplication.translate("Role", "Town desk"),
        Role.PRESENTER: QCoreApplication.translate("Role", "Presenter (view only)"),
    }
    try:
        return words[Role(role)]
    except ValueError:  # a role newer than this client: show it as the platform names it
        return str(role)


def scope_text(user: User) -> str:
    towns = user.scope.towns
    if towns is None:
        return QCoreApplication.translate("Role", "Whole county")
    return QCoreApplication.translate("Role", "Towns: {towns}").format(towns=", ".join(str(t) for t in towns))


def skipped_text(skipped: list[SkippedRecord]) -> str:
    """Words for the records a load left out: how many, and the first reasons."""
    first = "; ".join(
        QCoreApplication.translate("MainWindow", "{id}: {reason}").format(
            id=r.id or QCoreApplication.translate("MainWindow", "record {n}").format(n=r.index + 1), reason=r.reason)
        for r in skipped[:2])
    return QCoreApplication.translate(
        "MainWindow", "Left out {n} record(s) the platform sent in a form ControlRoom cannot read; the rest loaded. "
        "First: {first}").format(n=f"{len(skipped):,}", first=first)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


class ConnectionIndicator(QWidget):
    """A coloured dot and the words of the connection state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dot = QLabel(self)
        self._text = QLabel(self)
        self._text.setTextFormat(Qt.TextFormat.PlainText)  # state_detail comes from the network
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        self.set_state("disconnected", "")

    def set_state(self, state: str, detail: str) -> None:
        self._dot.setPixmap(theme.dot_pixmap(state_colour(state)))
        words = state_text(state)
        # the session may repeat the state in its detail ("loading the inventory"): say it once
        if detail and detail.casefold() not in words.casefold():
            text = self.tr("{state}: {detail}").format(state=words, detail=detail)
        else:
            text = words
        self._text.setText(text)
        self.setToolTip(ui_text.plain(text))  # the detail quotes the platform
        self.state = str(state)


class WallPlaceholder(QWidget):
    """Where the video wall goes: a dim tile grid with a card about the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(False)
        self.card = QFrame(self)
        self.card.setObjectName("wallCard")
        self.card.setStyleSheet(
            "#wallCard { background: rgba(24, 28, 33, 235); border: 1px solid #2a3139; border-radius: 8px; }"
            " QLabel { background: transparent; }"
        )
        self.card.setMaximumWidth(620)
        # stands in for the wall while the inventory loads (and says why when that fails)
        self.title = QLabel(self.tr("Opening the video wall…"))
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600; color: #e3e7eb;")
        self.note = QLabel(self.tr(
            "Loading the sites and cameras from the platform; the wall opens as soon as they are in."
        ))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9aa3ad;")
        self.user_line = QLabel()
        self.user_line.setTextFormat(Qt.TextFormat.PlainText)  # display names come from the platform
        self.user_line.setStyleSheet("font-size: 12pt; color: #d5d9de;")
        self.scope_line = QLabel()
        self.scope_line.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_line.setStyleSheet("color: #9aa3ad;")
        self.platform_line = QLabel()
        self.platform_line.setTextFormat(Qt.TextFormat.PlainText)
        self.platform_line.setStyleSheet("color: #9aa3ad;")
        self.loading_line = QLabel()
        self.loading_line.setTextFormat(Qt.TextFormat.PlainText)
        self.loading_line.setWordWrap(True)

        self._count_values: dict[str, QLabel] = {}
        counts = QGridLayout()
        counts.setHorizontalSpacing(24)
        counts.setVerticalSpacing(6)
        labels = [
            ("county", self.tr("County dispatch centre")),
            ("town", self.tr("Town platforms")),
            ("village", self.tr("Village platforms")),
            ("cameras", self.tr("Cameras")),
            ("online", self.tr("Cameras online")),
            ("grids", self.tr("Grids")),
        ]
        for i, (key, words) in enumerate(labels):
            name = QLabel(words)
            name.setStyleSheet("color: #8a929c;")
            value = QLabel("–")
            value.setStyleSheet("font-size: 15pt; color: #e3e7eb;")
            value.setTextFormat(Qt.TextFormat.PlainText)
            row, col = divmod(i, 3)
            counts.addWidget(value, row * 2, col)
            counts.addWidget(name, row * 2 + 1, col)
            self._count_values[key] = value

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #2a3139;")
        box = QVBoxLayout(self.card)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(8)
        box.addWidget(self.title)
        box.addWidget(self.note)
        box.addSpacing(6)
        box.addWidget(rule)
        box.addSpacing(6)
        box.addWidget(self.user_line)
        box.addWidget(self.scope_line)
        box.addWidget(self.platform_line)
        box.addSpacing(10)
        box.addLayout(counts)
        box.addSpacing(4)
        box.addWidget(self.loading_line)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def set_user(self, user: User | None, url: str, session: Any = None) -> None:
        if user is None:
            self.user_line.setText(self.tr("Not signed in"))
            self.scope_line.setText("")
        else:
            who = identity_of(session) if session is not None else None
            self.user_line.setText(self.tr("Signed in as {name} ({username}) — {role}").format(
                name=who.name if who else ui_text.name(user.display_name), username=ui_text.name(user.username),
                role=who.role if who else role_text(user.role)))
            self.scope_line.setText(self.tr("Sees: {scope}").format(scope=who.scope if who else scope_text(user)))
        self.platform_line.setText(self.tr("Platform: {url}").format(url=url))

    def set_counts(self, inventory: Inventory, online: int) -> None:
        c = inventory.counts()
        values = {
            "county": c.sites_county,
            "town": c.sites_town,
            "village": c.sites_village,
            "cameras": c.cameras,
            "online": online,
            "grids": c.grids,
        }
        for key, value in values.items():
            self._count_values[key].setText(f"{value:,}")

    def set_loading(self, text: str, error: bool = False) -> None:
        self.loading_line.setText(text)
        if error:
            self.title.setText(self.tr("The video wall could not open"))
            self.note.setText(self.tr("Log out and in again, or check the platform with “controlroom doctor”."))
        colour = theme.OFFLINE.name() if error else "#9aa3ad"
        self.loading_line.setStyleSheet(f"color: {colour};")

    def paintEvent(self, event: QPaintEvent) -> None:
        # a dim 4x4 wall of empty tiles behind the card: the shape of what comes next
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.WALL_BACKGROUND)
        gap = 6.0
        cols = rows = 4
        w = (self.width() - gap * (cols + 1)) / cols
        h = (self.height() - gap * (rows + 1)) / rows
        painter.setPen(theme.WALL_TILE_BORDER)
        painter.setBrush(theme.WALL_TILE)
        for r in range(rows):
            for c in range(cols):
                painter.drawRect(QRectF(gap + c * (w + gap), gap + r * (h + gap), w, h))
        painter.end()


class MainWindow(QMainWindow):
    """The ControlRoom main window for one logged-in session."""

    #: the operator asked to log out (the app closes the session and shows the login again)
    logout_requested = Signal()

    def __init__(
        self, session: Session, parent: QWidget | None = None, *,
        start_view: str | None = None, start_layout: int | None = None, demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._closing_for_logout = False
        self._quit_confirmed = False
        self._closed: asyncio.Future[str] | None = None
        self._unsubscribers: list[Callable[[], None]] = []
        # The app's first load (set_loading_progress .. loading_finished/failed). The
        # status bar and the card both say "loading" until it ends: the session may
        # already say "connected" while the tree is still being built from its data.
        self._loading = False
        self._loading_text = ""
        self._load_error = ""
        self._session_state = (str(session.state), session.state_detail)

        user = session.user
        # who is logged in (name · role · scope) in the title and the status bar: ui/identity.py
        self.user_label = IdentityLabel(session, self)
        self._show_title(self.user_label.line())
        self.resize(1440, 860)
        self.setMinimumSize(900, 560)

        # ---- left dock: search + tree
        self.resources = ResourcePanel(session.inventory, self)
        # grid statuses stale while reconnecting
        self._unsubscribers.append(self.resources.follow_session(session))
        offered = getattr(session, "capabilities", None)
        if offered is not None and Capability.GRIDS not in offered:  # wvp-GB28181-pro, a camera file
            self.resources.set_grids_offered(False, self.tr("This platform has no community grids (网格): browse by site."))
        self.dock = QDockWidget(self.tr("Sites and cameras"), self)
        self.dock.setObjectName("resourcesDock")
        self.dock.setWidget(self.resources)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        # wide enough for the names (the longest shown whole), not a fixed guess
        self.resizeDocks([self.dock], [self.resources.preferred_width()], Qt.Orientation.Horizontal)

        # ---- centre
        self.wall = WallPlaceholder(self)
        self.wall.set_user(user, session.base_url, session)
        # the video wall; the card above stands in for it while the inventory loads
        self.video_wall = WallPane(session, self)
        # the audit trail of what the wall shows: WallPane reports it itself
        self._wall_start: dict[str, Any] | None = {"view": start_view, "layout": start_layout, "demo": demo}
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.wall)
        self.centre.addWidget(self.video_wall)
        self.setCentralWidget(self.centre)

        # ---- status bar
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.connection = ConnectionIndicator(self)
        bar.addWidget(self.connection)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Cameras %v of %m"))
        self.progress.hide()
        bar.addWidget(self.progress)
        self.online_label = QLabel(self)
        self.online_label.setTextFormat(Qt.TextFormat.PlainText)
        self.online_label.setContentsMargins(8, 0, 8, 0)
        bar.addPermanentWidget(self.online_label)
        bar.addPermanentWidget(self.user_label)
        self._unsubscribers.append(self.user_label.follow())
        self.user_label.changed.connect(self._show_title)

        self._build_menus()
        self.wall_ui = WallUi(self, self.video_wall, self.resources)

        # ---- listen to the session
        self._unsubscribers.append(session.on_state(self._on_state))
        self._unsubscribers.append(session.inventory.subscribe(self._on_inventory))
        self.resources.model.totals_changed.connect(self._update_counts)
        self._show_state()
        self._update_counts()

        # ---- plugins, last: they add docks, a Plugins menu and status widgets to the built window
        self.plugins = PluginHost(self, session, wall=self.video_wall.controller)
        self.playback_ui = playback.install(self)  # issue 12: the Playback menu, the timeline, bookmarks
        # focus, layout, tour and snapshot keys, Help → Keyboard shortcuts (after the plugins' actions)
        self.keys = keys.install(self)
        # more wall windows, drags between them, workspaces, screens coming and going
        self.wall_windows = WallWindows(self)

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_settings = QAction(self.tr("&Settings…"), self)
        self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action_settings.triggered.connect(self.show_settings)
        file_menu.addAction(self.action_settings)
        self.action_logout = QAction(self.tr("Log &out"), self)
        self.action_logout.triggered.connect(self.request_logout)
        file_menu.addAction(self.action_logout)
        file_menu.addSeparator()
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.request_quit)
        file_menu.addAction(self.action_quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.action_search = QAction(self.tr("&Find camera…"), self)
        self.action_search.setShortcut(QKeySequence.StandardKey.Find)
        self.action_search.triggered.connect(self._focus_search)
        view_menu.addAction(self.action_search)
        view_menu.addAction(self.dock.toggleViewAction())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = QAction(self.tr("&About ControlRoom"), self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    def _show_title(self, who: str) -> None:
        self.setWindowTitle(self.tr("ControlRoom — {user} @ {host}").format(user=who, host=host_of(self.session.base_url)))

    def show_settings(self) -> None:
        from controlroom.ui.settings_dialog import SettingsDialog

        records = self.plugins.manager.records
        dialog = SettingsDialog(self.plugins.settings, self, plugin_titles={n: r.title for n, r in records.items()},
                                plugin_contexts={n: r.cls.TR_CONTEXT for n, r in records.items() if r.cls is not None})
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.settings_dialog = dialog

    def _focus_search(self) -> None:
        self.dock.show()
        self.resources.focus_search()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ControlRoom"),
            self.tr(
                "<h3>ControlRoom {version}</h3>"
                "<p>Desktop client for county video networks: the county dispatch centre, "
                "town platforms and village platforms.</p>"
                "<p>Free software under the GNU GPL, version 3 or later.</p>"
            ).format(version=controlroom.__version__),
        )

    # ------------------------------------------------------------------ session

    def _on_state(self, state: Any, detail: str) -> None:
        self._session_state = (str(state), detail)
        self._show_state()

    def _show_state(self) -> None:
        """Show the connection state in the status bar and, while loading, on the card."""
        state, detail = self._session_state
        # the session loads on its own too (a resync): that is loading as well
        loading = self._loading or state == "loading"
        if loading and state in ("connecting", "loading", "connected"):
            # the card says how far; the session's own words would only repeat it
            state, detail = "loading", ""
        self.connection.set_state(state, detail)
        if loading:
            self.wall.set_loading(self._loading_text or self.tr("Loading the inventory…"))
        else:
            self.wall.set_loading(self._load_error, error=bool(self._load_error))

    @property
    def loading(self) -> bool:
        """True from the first progress report until the load finished or failed."""
        return self._loading

    def _on_inventory(self, delta: InventoryDelta) -> None:
        if delta.reset:
            self._update_counts()

    def _update_counts(self) -> None:
        online, total = self.resources.model.totals()
        self.wall.set_counts(self.session.inventory, online)
        if total:
            self.online_label.setText(self.tr("Cameras online: {online} / {total}").format(online=f"{online:,}", total=f"{total:,}"))
        else:
            self.online_label.setText("")

    def set_loading_progress(self, done: int, total: int) -> None:
        """Show inventory loading progress (``Session.load_inventory``'s progress callback).

        The window counts as loading from the first call until ``loading_finished``
        or ``loading_failed``.
        """
        self._loading = True
        self._load_error = ""
        if total > 0:
            self._loading_text = self.tr("Loading cameras: {done} of {total}").format(
                done=f"{done:,}", total=f"{total:,}")
        elif done > 0:  # the platform's total was not believable: say only what arrived
            self._loading_text = self.tr("Loading cameras: {done} received").format(done=f"{done:,}")
        self._show_state()
        if total <= 0:
            self.progress.setRange(0, 0)  # busy: total not known yet
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.show()

    def loading_finished(self) -> None:
        self._loading = False
        self._loading_text = ""
        self.progress.hide()
        self._show_state()
        self._update_counts()
        if self.session.skipped:
            self.statusBar().showMessage(skipped_text(self.session.skipped))
        elif getattr(self.session, "problems", None):  # a camera file's bad entries, WVP's bad records
            problems = self.session.problems
            self.statusBar().showMessage(self.tr("{n} records left out; first: {first}").format(
                n=len(problems), first=problems[0][:300]))
        if self._wall_start is not None:  # the first load: show the wall and what it opens with
            start, self._wall_start = self._wall_start, None
            # the names are in: the default arrangement gives the tree the width they want
            # (the operator's own layout, restored, is left alone)
            if not self.plugins.restored and self.dock.width() < self.resources.preferred_width():
                self.resizeDocks([self.dock], [self.resources.preferred_width()], Qt.Orientation.Horizontal)
            self.centre.setCurrentWidget(self.video_wall)
            self.wall_ui.start(**start)
            self.wall_windows.restore_at_start(keep_main_wall=start["view"] is not None or start["layout"] is not None)

    def loading_failed(self, message: str) -> None:
        self._loading = False
        self._loading_text = ""
        self.progress.hide()
        text = self.tr("Could not load the inventory: {message}").format(message=message)
        self._load_error = text
        self._show_state()
        self.statusBar().showMessage(text)

    # ------------------------------------------------------------------ closing

    def request_quit(self) -> bool:
        """File → Quit (Ctrl+Q): ask first when the ``confirm_quit`` setting says so; True if closed."""
        if not self._may_quit():
            return False
        self._quit_confirmed = True
        return self.close()

    def _may_quit(self) -> bool:
        playing = sum(1 for t in range(len(self.video_wall.tiles)) if self.video_wall.camera_on(t) is not None)
        playing += self.wall_windows.playing()
        return quit_confirm.confirm(self, self.plugins.settings, playing)

    def request_logout(self) -> None:
        self._closing_for_logout = True
        self.logout_requested.emit()
        self.close()

    def wait_closed(self) -> asyncio.Future[str]:
        """A future that resolves to "logout" or "quit" when the window closes."""
        if self._closed is None:
            self._closed = asyncio.get_event_loop().create_future()
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        # the window manager's close button is the operator quitting too; close() from code never asks
        if event.spontaneous() and not self._closing_for_logout and not self._quit_confirmed and not self._may_quit():
            event.ignore()
            return
        window_state.save(self)  # before the plugins' docks go
        self.wall_windows.close_all()  # the other wall windows' players first
        self.playback_ui.shutdown()
        self.video_wall.shutdown()  # players stop and release before their windows go
        self.plugins.teardown()
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        self._unsubscribers.clear()
        if self._closed is not None and not self._closed.done():
            self._closed.set_result("logout" if self._closing_for_logout else "quit")
        super().closeEvent(event)
