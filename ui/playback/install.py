"""Playback in the main window: the Playback menu and its keys, the bar under the wall, bookmarks.

``install(window)`` adds, without touching the window's own code beyond one line:

- a "Playback" menu: play back the wall / the selected tile, back to live, and
  the transport keys (checked against every other key by tests/ui/test_keyboard.py;
  they appear in Help → Keyboard shortcuts):

  ======================  ===============================
  Ctrl+Shift+R            play back the whole wall (5 minutes ago)
  Ctrl+Shift+B            play back the selected tile
  Ctrl+Shift+L            back to live (every tile)
  Ctrl+Shift+P            play / pause
  Alt+Shift+Left / Right  10 s back / forward (Alt+Left is "Back to your wall")
  Alt+PgUp / Alt+PgDown   1 min back / forward
  Alt+, / Alt+.           one frame back / forward (pauses)
  Alt+Down / Alt+Up       slower / faster
  ======================  ===============================

- the playback bar (timeline + controls) in a dock under the wall, shown in playback;
- the bookmarks pane (a dock), refreshed by the platform's bookmark events;
- export (a dialog). Presenters may neither export nor create or delete
  bookmarks: those controls are disabled with the reason in their tooltip.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from controlroom.ui.permissions import gate
from controlroom.ui.playback.bar import PlaybackBar
from controlroom.ui.playback.bookmarks import BookmarksPane, NoteDialog
from controlroom.ui.playback.timeline import BookmarkBar
from controlroom.ui.playback.wall_playback import WallPlayback
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from controlroom.logsafe import mask_url
from controlroom.names import camera_name
from controlroom.permissions import Action, denied_in
from controlroom.playback.clock import next_speed
from controlroom.playback.controller import utc

if TYPE_CHECKING:
    from controlroom.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: "Play from 30 s before" an alert
ALERT_LEAD = timedelta(seconds=30)
#: the wall plays back from this long ago when no time is given
DEFAULT_BACK = timedelta(minutes=5)


class PlaybackUi(QObject):
    """Everything playback adds to one main window (``window.playback_ui``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.pane = window.video_wall
        self.playback = WallPlayback(self.pane, self)
        self.playback.message.connect(self._say)
        user = self.session.user
        self.role = user.role if user is not None else None
        self.operator = f"{user.display_name} ({user.username})" if user is not None else ""
        self.selection: tuple[datetime, datetime] | None = None
        self.bookmark_items: list[Any] = []

        # ---- the bar under the wall
        self.bar = PlaybackBar(window)
        self.dock = QDockWidget(QCoreApplication.translate("Playback", "Playback"), window)
        self.dock.setObjectName("playbackDock")
        self.dock.setWidget(self.bar)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        # ---- bookmarks
        self.bookmarks_pane = BookmarksPane(self._name, window)
        self.bookmarks_dock = QDockWidget(QCoreApplication.translate("Playback", "Bookmarks"), window)
        self.bookmarks_dock.setObjectName("bookmarksDock")
        self.bookmarks_dock.setWidget(self.bookmarks_pane)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bookmarks_dock)
        self.bookmarks_dock.hide()

        self._build_actions()
        self._connect()
        self._apply_role()
        self._unsubscribe = self.session.on_events(self._on_events)
        self.playback.entered.connect(self._entered)
        self.playback.left.connect(self._left)
        self._set_active(False)

    # ------------------------------------------------------------------ actions and keys
    def _action(self, text: str, keys: str | None, slot: Any, menu: QMenu, *, needs_playback: bool = True
                ) -> QAction:
        a = QAction(text, self.window)
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(lambda _=False: slot())
        a.setProperty("needsPlayback", needs_playback)
        menu.addAction(a)
        self.window.addAction(a)
        return a

    def _build_actions(self) -> None:
        w = self.window
        self.menu = QMenu(QCoreApplication.translate("Playback", "Play&back"), w)
        # after Wall, before Plugins (or Help): the plugins' menu stays next to Help
        bar_actions = w.menuBar().actions()
        before = next((a for a in bar_actions if a.menu() is not None and a.menu().objectName() == "pluginsMenu"),
                      bar_actions[-1] if bar_actions else None)
        w.menuBar().insertMenu(before, self.menu) if before else w.menuBar().addMenu(self.menu)
        m = self.menu
        self.action_wall = self._action(QCoreApplication.translate("Playback", "Play back the wall"), "Ctrl+Shift+R", self.play_wall, m,
                                        needs_playback=False)
        self.action_tile = self._action(QCoreApplication.translate("Playback", "Play back the selected tile"), "Ctrl+Shift+B", self.play_tile, m,
                                        needs_playback=False)
        self.action_live = self._action(QCoreApplication.translate("Playback", "Back to live"), "Ctrl+Shift+L", self.go_live, m)
        self.action_tile_live = self._action(QCoreApplication.translate("Playback", "Selected tile back to live"), None,
                                             self.tile_live, m)
        m.addSeparator()
        p = self.playback
        self.action_pause = self._action(QCoreApplication.translate("Playback", "Play / pause"), "Ctrl+Shift+P", p.toggle_pause, m)
        self.action_back10 = self._action(QCoreApplication.translate("Playback", "10 seconds back"), "Alt+Shift+Left", lambda: p.step(-10), m)
        self.action_fwd10 = self._action(QCoreApplication.translate("Playback", "10 seconds forward"), "Alt+Shift+Right", lambda: p.step(10), m)
        self.action_back60 = self._action(QCoreApplication.translate("Playback", "1 minute back"), "Alt+PgUp", lambda: p.step(-60), m)
        self.action_fwd60 = self._action(QCoreApplication.translate("Playback", "1 minute forward"), "Alt+PgDown", lambda: p.step(60), m)
        self.action_frame_back = self._action(QCoreApplication.translate("Playback", "One frame back"), "Alt+,", lambda: p.frame_step(-1), m)
        self.action_frame_fwd = self._action(QCoreApplication.translate("Playback", "One frame forward"), "Alt+.", lambda: p.frame_step(1), m)
        self.action_slower = self._action(QCoreApplication.translate("Playback", "Slower"), "Alt+Down", lambda: self.change_speed(-1), m)
        self.action_faster = self._action(QCoreApplication.translate("Playback", "Faster"), "Alt+Up", lambda: self.change_speed(1), m)
        m.addSeparator()
        self.action_bookmark = self._action(QCoreApplication.translate("Playback", "Bookmark the chosen range…"), None, self.bookmark_selection, m)
        self.action_export = self._action(QCoreApplication.translate("Playback", "Export…"), "Ctrl+Shift+E", self.export, m)
        m.addSeparator()
        toggle = self.bookmarks_dock.toggleViewAction()
        toggle.setText(QCoreApplication.translate("Playback", "Bookmarks pane"))
        m.addAction(toggle)
        self.playback_actions = [a for a in m.actions() if a.property("needsPlayback")]
        if self.playback.backend is None:
            why = QCoreApplication.translate("Playback", "This platform does not offer playback.")
            for a in (self.action_wall, self.action_tile):
                a.setEnabled(False)
                a.setToolTip(why)
                a.setStatusTip(why)

    def _connect(self) -> None:
        b, p = self.bar, self.playback
        b.back_minute.clicked.connect(lambda: p.step(-60))
        b.back_ten.clicked.connect(lambda: p.step(-10))
        b.frame_back.clicked.connect(lambda: p.frame_step(-1))
        b.play_pause.clicked.connect(p.toggle_pause)
        b.frame_forward.clicked.connect(lambda: p.frame_step(1))
        b.forward_ten.clicked.connect(lambda: p.step(10))
        b.forward_minute.clicked.connect(lambda: p.step(60))
        b.speed.activated.connect(lambda i: p.set_speed(float(b.speed.itemData(i))))
        b.go.clicked.connect(lambda: self.seek_or_enter(b.picked()))
        b.live.clicked.connect(self.go_live)
        b.bookmark.clicked.connect(self.bookmark_selection)
        b.export.clicked.connect(self.export)
        for button, action in ((b.play_pause, self.action_pause), (b.back_ten, self.action_back10),
                               (b.forward_ten, self.action_fwd10), (b.back_minute, self.action_back60),
                               (b.forward_minute, self.action_fwd60), (b.frame_back, self.action_frame_back),
                               (b.frame_forward, self.action_frame_fwd), (b.live, self.action_live)):
            button.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        tl = b.timeline
        tl.seek_requested.connect(self.seek_or_enter)
        tl.range_selected.connect(self._range_selected)
        tl.context_requested.connect(self._timeline_menu)
        c = p.controller
        c.position_changed.connect(self._on_position)
        c.state_changed.connect(self._on_position)
        c.ranges_loaded.connect(self._ranges_loaded)
        self.bookmarks_pane.play_requested.connect(self._play_bookmark)
        self.bookmarks_pane.delete_requested.connect(self._delete_bookmark)
        self.bookmarks_pane.refresh_requested.connect(self.refresh_bookmarks)

    def _apply_role(self) -> None:
        """What the role or the platform forbids is off, with the reason (controlroom.permissions)."""
        export_why = denied_in(self.session, Action.EXPORT_RECORDING)
        bookmark_why = denied_in(self.session, Action.CREATE_BOOKMARK)
        gate(self.bar.export, export_why,
             QCoreApplication.translate("Playback", "Export a time range of the cameras to MP4, with a manifest"))
        gate(self.bar.bookmark, bookmark_why,
             QCoreApplication.translate("Playback", "Bookmark the range chosen on the timeline (Shift+drag)"))
        gate(self.action_export, export_why, self.action_export.toolTip() if export_why is None else "")
        gate(self.action_bookmark, bookmark_why, self.action_bookmark.toolTip() if bookmark_why is None else "")
        self.bookmarks_pane.set_can_edit(bookmark_why is None, bookmark_why or "")

    @property
    def may_edit(self) -> bool:
        return denied_in(self.session, Action.CREATE_BOOKMARK) is None

    def _set_active(self, active: bool) -> None:
        allowed = {self.action_export: denied_in(self.session, Action.EXPORT_RECORDING) is None,
                   self.action_bookmark: self.may_edit}
        for a in self.playback_actions:
            a.setEnabled(active and allowed.get(a, True))

    # ------------------------------------------------------------------ enter and leave
    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def _name(self, camera_id: str) -> str:
        cam = self.session.inventory.cameras.get(camera_id)
        return camera_name(self.session.inventory, cam).own_first if cam is not None else camera_id

    def play_wall(self, at: datetime | None = None) -> None:
        self.playback.spawn(self.playback.enter(None, at or datetime.now(UTC) - DEFAULT_BACK))

    def play_tile(self, at: datetime | None = None) -> None:
        t = self.pane.controller.selected
        if t is None:
            self._say(QCoreApplication.translate("Playback", "Select a tile first."))
            return
        self.playback.spawn(self.playback.enter([t], at or self.playback.position() or
                                                datetime.now(UTC) - DEFAULT_BACK))

    def play_cameras(self, camera_ids: list[str], at: datetime) -> str:
        """Play back the wall's tiles that show ``camera_ids`` from ``at`` (an alert's cameras); '' or why not."""
        if self.playback.backend is None:
            return QCoreApplication.translate("Playback", "This platform does not offer playback.")
        tiles = [t for t in range(len(self.pane.tiles)) if self.pane.camera_on(t) in set(camera_ids)]
        if not tiles:
            return QCoreApplication.translate("Playback", "None of these cameras is on the wall.")
        self.playback.spawn(self.playback.enter(tiles, at))
        return ""

    def seek_or_enter(self, at: datetime) -> None:
        if self.playback.active:
            self.playback.seek(at)
        else:
            self.play_wall(at)

    def go_live(self) -> None:
        self.playback.spawn(self.playback.leave())

    def tile_live(self) -> None:
        t = self.pane.controller.selected
        if t is not None and t in self.playback.tiles:
            self.playback.spawn(self.playback.leave([t]))

    def change_speed(self, step: int) -> None:
        self.playback.set_speed(next_speed(self.playback.controller.speed, step))

    def _entered(self) -> None:
        self._set_active(True)
        tl = self.bar.timeline
        tl.set_rows([(cid, self._name(cid)) for _t, cid in sorted(self.playback.tiles.items())])
        pos = self.playback.position()
        if pos is not None:
            tl.show_around(pos, 3600.0)
            self.bar.picker.setDateTime(self.bar.picker.dateTime().fromSecsSinceEpoch(int(pos.timestamp())))
        self.dock.show()
        self.refresh_bookmarks()

    def _left(self) -> None:
        self._set_active(False)
        self.bar.timeline.set_cursor(None)
        self.dock.hide()

    # ------------------------------------------------------------------ the clock and the ranges
    def _on_position(self, *_args: object) -> None:
        c = self.playback.controller
        pos = c.position()
        self.bar.timeline.set_cursor(pos)
        self.bar.show_state(pos, c.speed, c.paused)

    def _ranges_loaded(self, camera_id: str) -> None:
        track = self.playback.controller.tracks.get(camera_id)
        if track is None or track.spans is None:
            return
        self.bar.timeline.set_ranges(camera_id, [(s.start, s.end) for s in track.spans],
                                     [(m.at, m.kind == "alert") for m in track.marks])

    # ------------------------------------------------------------------ bookmarks
    def _range_selected(self, start: datetime, end: datetime) -> None:
        self.selection = (start, end)

    def _timeline_menu(self, pos: Any) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.action_bookmark)
        menu.addAction(self.action_export)
        menu.exec(pos)
        menu.deleteLater()

    def _selected_camera(self) -> str | None:
        t = self.pane.controller.selected
        if t is not None and t in self.playback.tiles:
            return self.playback.tiles[t]
        return next(iter(self.playback.tiles.values()), None)

    def bookmark_selection(self) -> None:
        if not self.may_edit:
            return
        cid = self._selected_camera()
        if cid is None:
            self._say(QCoreApplication.translate("Playback", "Play a camera back first."))
            return
        if self.selection is None:
            pos = self.playback.position() or datetime.now(UTC)
            self.selection = (pos - timedelta(seconds=10), pos + timedelta(seconds=10))
        start, end = self.selection
        dialog = NoteDialog(self._name(cid), start, end, self.window)
        if dialog.exec():
            self.playback.spawn(self._create_bookmark(cid, start, end, dialog.text()))
        dialog.deleteLater()

    async def _create_bookmark(self, camera_id: str, start: datetime, end: datetime, note: str) -> None:
        try:
            await self.playback.backend.create_bookmark(camera_id, utc(start), utc(end), note)
        except Exception as exc:
            self._say(QCoreApplication.translate("Playback", "The bookmark was not saved: {why}").format(why=str(exc)))
            return
        self._say(QCoreApplication.translate("Playback", "Bookmark saved; every desk sees it."))
        await self._load_bookmarks()

    def _delete_bookmark(self, bookmark_id: str) -> None:
        async def run() -> None:
            try:
                await self.playback.backend.delete_bookmark(bookmark_id)
            except Exception as exc:
                self._say(QCoreApplication.translate("Playback", "The bookmark was not deleted: {why}").format(why=str(exc)))
                return
            await self._load_bookmarks()

        self.playback.spawn(run())

    def refresh_bookmarks(self) -> None:
        if self.playback.backend is not None:
            self.playback.spawn(self._load_bookmarks())

    async def _load_bookmarks(self) -> None:
        try:
            items = await self.playback.backend.bookmarks()
        except Exception as exc:
            log.info("bookmarks: %s", exc)
            return
        self.bookmark_items = list(items)
        self.bookmarks_pane.set_bookmarks(self.bookmark_items)
        shown = set(self.playback.tiles.values())
        self.bar.timeline.set_bookmarks([
            BookmarkBar(b.id, b.camera_id, b.start.timestamp(), b.end.timestamp(), b.note)
            for b in self.bookmark_items if b.camera_id in shown])

    def _on_events(self, batch: list[Any]) -> None:
        tags = {getattr(type(ev).__struct_config__, "tag", "") for ev in batch if hasattr(type(ev), "__struct_config__")}
        if any(str(t).startswith("bookmark.") for t in tags):
            self.refresh_bookmarks()

    def _play_bookmark(self, camera_id: str, start: datetime) -> None:
        if self.playback.tile_of(camera_id) is not None:
            self.playback.seek(start)
            return
        why = self.play_cameras([camera_id], start)
        if why:
            self._say(why)

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        if not self.may_edit or self.playback.backend is None:
            return
        from controlroom.ui.playback.export_dialog import ExportDialog

        cams = [(cid, self._name(cid)) for _t, cid in sorted(self.playback.tiles.items())]
        if self.selection is not None:
            start, end = self.selection
        else:
            pos = self.playback.position() or datetime.now(UTC)
            start, end = pos - timedelta(minutes=1), pos
        dialog = ExportDialog(self.playback.backend, cams, start, end, operator=self.operator,
                              platform=mask_url(self.session.base_url), folder=Path.home() / "ControlRoom exports",
                              parent=self.window, on_exported=self._exported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.export_dialog = dialog

    def _exported(self, job: Any, manifest_path: Path) -> None:
        """The audit trail: which cameras' range went where (one entry per camera)."""
        span = f"{job.start.isoformat()} – {job.end.isoformat()} → {manifest_path.parent}"
        for cid in job.camera_ids:
            self.session.audit.record("export", cid, "playback", span)

    def shutdown(self) -> None:
        """Players released, the session closed; idempotent."""
        self._unsubscribe()
        self._unsubscribe = lambda: None
        self.playback.shutdown()


def install(window: MainWindow) -> PlaybackUi:
    ui = PlaybackUi(window)
    window.playback_ui = ui  # type: ignore[attr-defined]
    return ui


def play_from(anchor: QWidget, camera_ids: list[str], at: datetime) -> str:
    """Play back ``camera_ids`` (already on the wall) from ``at`` in ``anchor``'s window; '' or why not."""
    ui = getattr(anchor.window(), "playback_ui", None)
    if not isinstance(ui, PlaybackUi):
        return QCoreApplication.translate("Playback", "This window has no video wall to play back on.")
    return ui.play_cameras(camera_ids, at)
