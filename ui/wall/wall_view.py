"""The wall pane: binds the wall logic, the stream policy, the video coordinator and the widgets.

``WallPane`` owns a ``WallController`` (what is on which tile), a
``StreamPolicy`` (main or sub from each tile's real pixel size), the
``WallWidget`` (what the operator sees) and a ``VideoCoordinator``
(``controlroom.video.coordinator``: the players, leases, pre-rolls and
profile switches, no widgets). The pane gives the coordinator each tile's two
window ids (the surface on screen and the hidden one a tour pre-rolls into)
and the policy's decisions from the tiles' pixel sizes; the coordinator
answers with states and structured reasons, which the pane words
(``controlroom.ui.video_words``) and shows, and with ``swapped`` when a
pre-rolled surface is to come to the front.

Everything an operator does on the wall goes through the controller; its
``WallChange`` batches come back here and are turned into slots shown,
cleared or pre-rolled and tiles re-labelled. Camera online state comes from the
inventory's deltas: a camera the platform calls offline is not hammered
(``TilePlayer.set_offline``) and comes back by itself. So does each tile's
grid badge (网格): a grid's status delta relabels only the tiles showing
cameras of that grid, and while the session reconnects the badges say how
stale they are.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from controlroom.ui.grid_status import GridStaleness, age_text
from controlroom.ui.video_words import reason_words as player_reason_words
from controlroom.ui.wall.grid_badge import GridBadgeInfo
from controlroom.ui.wall.ptz_overlay import PtzWall
from controlroom.ui.wall.tile_widget import TileWidget
from controlroom.ui.wall.wall_widget import WallWidget
from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from controlroom import paths, settings
from controlroom.api.schema import Camera, Transport
from controlroom.inventory import InventoryDelta
from controlroom.names import camera_name
from controlroom.video.coordinator import SessionSource, Shown, Slot, VideoCoordinator
from controlroom.video.player import TileState
from controlroom.video.reasons import PlayerReason
from controlroom.video.source import LeaseError, StreamLease
from controlroom.wall.controller import Missing, WallChange, WallController, why_missing
from controlroom.wall.layouts import Layout
from controlroom.wall.policy import Decision, Reason, StreamPolicy
from controlroom.wall.tours import TourSpec
from controlroom.wall.views import View

if TYPE_CHECKING:
    from controlroom.session import Session

log = logging.getLogger("controlroom.ui.wall")

SNAPSHOT_TIMEOUT = 6.0  # s for the main stream's picture (a key frame: about 1 s on cameras)
TICK_MS = 250  # countdowns, tours, pre-roll: one clock for the whole wall
PREROLL_LEAD = 2.5  # s before a tour step: connect (~0.4 s) + wait for a key frame (≤ 1 s) + margin


def sanitise_filename(name: str) -> str:
    """A camera name made safe for a file name on every OS (CJK kept)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .")
    return cleaned[:80] or "camera"


def reason_words(decision: Decision) -> str:
    words = {
        Reason.SMALL_TILE: QCoreApplication.translate("WallPane", "Sub stream: the tile is too small to show more."),
        Reason.MAXIMISED: QCoreApplication.translate("WallPane", "Main stream: the tile is maximised."),
        Reason.BANDWIDTH: QCoreApplication.translate("WallPane", "Sub stream, to stay within this workstation's bandwidth budget."),
        Reason.OVER_BUDGET: QCoreApplication.translate("WallPane", "The wall is over the bandwidth budget even with sub streams."),
        Reason.CPU: QCoreApplication.translate("WallPane", "Key frames only: this computer cannot decode every tile at full rate."),
        Reason.HYSTERESIS: QCoreApplication.translate("WallPane", "Kept: the stream switched less than 5 s ago."),
    }
    return "\n".join(words[r] for r in sorted(decision.reasons, key=lambda r: r.value) if r in words)


#: a tile's players and what they play: the coordinator's slot (kept under its old name)
TileVideo = Slot


class WallPane(QWidget):
    """The video wall in the main window: wall widget + controller + policy + players."""

    #: a message for the status bar
    message = Signal(str)
    #: the view name or layout changed (window title, views menu)
    view_changed = Signal()
    #: a snapshot is on disk (its path)
    snapshot_saved = Signal(str)
    # worker thread -> GUI thread: path, width, height, BGRA bytes, problem
    _snapshot_grabbed = Signal(str, int, int, bytes, str)
    #: a camera began / stopped being shown on some tile's front (the coordinator's; pre-rolls and lent
    #: tiles do not count, a camera on two tiles counts once):
    #: the audit trail's "camera opened/closed" (controlroom/audit.py)
    watching_started = Signal(str)
    watching_stopped = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 policy: StreamPolicy | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.session = session
        self.inventory = session.inventory
        if policy is None:
            conf = settings.shared()
            policy = StreamPolicy(
                bandwidth_kbps=conf.get("wall.bandwidth_budget_kbps") or None,  # 0: no limit
                decode_budget=conf.get("wall.decode_budget"),
            )
        self.policy = policy
        self.controller = WallController(self.inventory, self.policy)
        self.clock = clock
        self.wall = WallWidget(self)
        self.incident_bar = IncidentBar(self)
        self.incident_bar.back.clicked.connect(self.leave_incident)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.incident_bar)
        box.addWidget(self.wall)
        self._shown_state: tuple[object, ...] | None = None
        self.coordinator = VideoCoordinator(SessionSource(session), self)
        self.coordinator.state_changed.connect(self._on_slot_state)
        self.coordinator.swapped.connect(self._on_swapped)
        self.coordinator.stats.connect(self._on_slot_stats)
        self.coordinator.watching_started.connect(self.watching_started)
        self.coordinator.watching_stopped.connect(self.watching_stopped)
        # the audit trail: what every wall shows (main, wall windows, displays); a no-op where
        # the platform keeps none (controlroom/audit.py)
        audit = session.audit
        self.watching_started.connect(lambda cid: audit.record("camera_opened", cid, "live"))
        self.watching_stopped.connect(lambda cid: audit.record("camera_closed", cid, "live"))
        self._snapshots: dict[str, tuple[int, dict[str, str]]] = {}  # path -> (tile, metadata)
        self._snapshot_grabbed.connect(self._on_snapshot_grabbed, Qt.ConnectionType.QueuedConnection)
        self._stats_visible = False
        self._cpu_note_shown = False
        self._shut = False
        #: extra pre-rolls (tile -> camera) from a wall tour (tours_ui)
        self.preroll_sources: list[Callable[[float], dict[int, str]]] = []
        #: called on every tick (wall tours step here)
        self.tick_hooks: list[Callable[[float], None]] = []
        #: tiles lent to playback (``lend_tile``): the wall starts no live player on them
        self.lent: set[int] = set()

        self._unsubscribe = [
            self.controller.subscribe(self._on_change),
            self.inventory.subscribe(self._on_inventory),
        ]
        # grid statuses are the last known ones while the event stream is down
        self.grid_staleness = GridStaleness(session, self, clock=clock)
        self.grid_staleness.changed.connect(self._show_grid_stale)
        self._unsubscribe.append(self.grid_staleness.stop)
        w = self.wall
        w.tile_clicked.connect(self.controller.select)
        w.tile_double_clicked.connect(self.controller.toggle_maximise)
        w.items_dropped.connect(self.drop_items)
        w.tile_dropped.connect(self._on_tile_dropped)
        w.menu_requested.connect(self.show_tile_menu)
        w.zoom_changed.connect(self._on_zoom)
        w.move_requested.connect(self.controller.move_selection)
        w.maximise_requested.connect(self._on_enter)
        w.clear_requested.connect(self._on_delete)
        w.escape_pressed.connect(self._on_escape)
        w.geometry_changed.connect(self._schedule_policy)

        self._policy_timer = QTimer(self)
        self._policy_timer.setSingleShot(True)
        self._policy_timer.setInterval(0)
        self._policy_timer.timeout.connect(self.apply_policy)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

        self.wall.set_wall_layout(self.controller.layout, self._release_tiles)
        self._sync_videos()
        self.controller.select(0)
        self.ptz = PtzWall(self)  # PTZ mode per tile (ui/wall/ptz_overlay.py)

    # ------------------------------------------------------------------ slots (the coordinator's)

    @property
    def tiles(self) -> list[TileWidget]:
        return self.wall.tiles

    @property
    def videos(self) -> list[TileVideo]:
        """Each tile's slot in the coordinator: its players and what they play (tile order)."""
        return [self.coordinator.slots[t] for t in range(len(self.coordinator.slots))]

    def _sync_videos(self) -> None:
        """One coordinator slot per tile, bound to the tile's two surfaces."""
        for i in range(len(self.coordinator.slots), len(self.tiles)):
            tile = self.tiles[i]
            self.coordinator.add_slot(tile.surface.native_id(), tile.back_surface.native_id(), key=i)

    def _release_tiles(self, tiles: list[TileWidget]) -> None:
        # stop and release the players before their windows go (the order libVLC survives)
        self.coordinator.remove_slots_from(min(t.index for t in tiles))

    def stream_for(self, camera: Camera, profile: str | None) -> tuple[StreamLease, Transport, str] | None:
        """(lease, transport, profile name) for a camera's profile; None if none plays here.

        The coordinator's stream picker (``controlroom.video.streams``); the lease
        asks the platform for a fresh stream ticket (and the URLs to use now) at
        every connect and reconnect of the tile's player."""
        return self.coordinator.stream_for(camera.id, profile)

    # ------------------------------------------------------------------ controller changes

    def _on_change(self, change: WallChange) -> None:
        if self._shut:
            return
        c = self.controller
        if change.layout:
            self.wall.set_wall_layout(c.layout, self._release_tiles)
            self._sync_videos()
            self.view_changed.emit()
        if change.maximised or change.layout:
            self.wall.set_maximised(c.maximised)
        if change.selection or change.layout:
            self.wall.set_selected(c.selected)
        tiles = sorted(t for t in change.tiles if t < len(self.tiles))
        if change.layout:
            tiles = list(range(len(self.tiles)))
        if tiles:
            decisions = self._decide()
            for t in tiles:
                self._show_slot(t, decisions.get(t))
        if change.maximised or change.layout:
            self.apply_policy()
        for t in change.flash:
            if t < len(self.tiles):
                self.tiles[t].flash()
        self._check_view_state()

    def _check_view_state(self) -> None:
        """Name, modified, incident, undo: when any changed, the bar shows it and ``view_changed`` says so."""
        c = self.controller
        state = (c.name, c.modified, c.incident, c.home_name, c.can_undo, c.can_redo)
        if state == self._shown_state:
            return
        self._shown_state = state
        self.incident_bar.show_incident(c.incident, c.home_name)
        self.view_changed.emit()

    def _show_slot(self, t: int, decision: Decision | None) -> None:
        """Make tile ``t`` show what the controller says is on it."""
        tile, tv = self.tiles[t], self.coordinator.slots[t]
        camera_id = self.controller.slot(t).camera_id
        if camera_id is not None and camera_id != tv.camera_id:
            tile.reset_zoom()
        shown = self.coordinator.show(t, camera_id, decision)
        if shown is Shown.EMPTY:
            tile.set_camera(None)
            tile.set_grid(None)
            tile.set_profile(None)
            tile.set_tour_text(None)
            return
        self._label_tile(t)
        if shown is Shown.MISSING:
            tile.set_state("failed", self.missing_words(camera_id or ""))
        elif shown is Shown.STARTING:
            tile.set_profile(tv.profile, reason_words(decision) if decision else "", tv.front.keyframes_only)
            # the words until the player takes over; never the old camera's picture under the new name
            tile.set_state("connecting", "")

    def _on_swapped(self, t: int) -> None:
        """The coordinator brought the pre-rolled player to the front: its surface comes up."""
        if t >= len(self.tiles):
            return
        tile, tv = self.tiles[t], self.coordinator.slots[t]
        tile.swap_surfaces()
        tile.set_state(str(tv.front.state), player_reason_words(tv.front.reason))
        note = reason_words(tv.decision) if tv.decision else ""
        tile.set_profile(tv.profile, note, tv.front.keyframes_only)

    def _label_tile(self, t: int) -> None:
        tile, tv = self.tiles[t], self.coordinator.slots[t]
        camera = self.inventory.cameras.get(tv.camera_id or "")
        if camera is None:
            tile.set_camera(tv.camera_id, tv.camera_id or "", "")
        else:
            site = self.inventory.sites.get(camera.site_id)
            name = camera_name(self.inventory, camera)
            tile.set_camera(camera.id, camera.name, site.name if site else "", name.own, name.place)
        self._label_grid(t)
        tile.set_state(str(tv.front.state), player_reason_words(tv.front.reason))

    def _label_grid(self, t: int) -> None:
        """Tile ``t``'s grid badge from the inventory (none for a camera without a grid)."""
        tile = self.tiles[t]
        camera = self.inventory.cameras.get(self.coordinator.slots[t].camera_id or "")
        grid = self.inventory.grids.get(camera.grid_id) if camera is not None and camera.grid_id else None
        if grid is None:
            tile.set_grid(None)
            return
        cams = self.inventory.grid_cameras(grid.id)
        tile.set_grid(GridBadgeInfo.of(grid, sum(c.online for c in cams), len(cams)))
        age = self.grid_staleness.age()
        tile.set_grid_stale(age_text(age) if age is not None else "")

    def _show_grid_stale(self) -> None:
        age = self.grid_staleness.age()
        text = age_text(age) if age is not None else ""
        for tile in self.tiles:
            tile.set_grid_stale(text)

    def grid_of(self, t: int) -> str | None:
        """The grid whose badge tile ``t`` shows."""
        info = self.tiles[t].grid_badge.info
        return info.grid_id if info is not None else None

    # ------------------------------------------------------------------ policy

    def _schedule_policy(self) -> None:
        if not self._policy_timer.isActive():
            self._policy_timer.start()

    def tile_pixels(self, t: int) -> tuple[int, int]:
        """The device pixels the whole picture would take in tile ``t`` (its size times its zoom)."""
        tile = self.tiles[t]
        size = tile.video_size()
        ratio = self.devicePixelRatioF() * tile.zoom_factor
        return round(size.width() * ratio), round(size.height() * ratio)

    def _decide(self) -> dict[int, Decision]:
        sizes = {t: self.tile_pixels(t) for t in self.wall.visible_tiles()}
        return self.controller.stream_decisions(sizes, self.clock())

    def apply_policy(self) -> None:
        """Ask the policy again (resize, maximise, restore); the coordinator switches what must switch."""
        if self._shut:
            return
        decisions = self._decide()
        kf_tiles = 0
        for t, decision in decisions.items():
            kf = decision.keyframes_only and not self.tiles[t].maximised
            if not self.coordinator.apply(t, decision, kf):
                continue
            kf_tiles += kf
            self.tiles[t].set_profile(self.coordinator.slots[t].profile, reason_words(decision), kf, _demoted(decision))
        if kf_tiles and not self._cpu_note_shown:
            self._cpu_note_shown = True
            self.message.emit(self.tr(
                "Tiles showing key frames only: {n}. This computer cannot decode every tile at full rate."
            ).format(n=kf_tiles))
        elif not kf_tiles:
            self._cpu_note_shown = False

    # ------------------------------------------------------------------ coordinator signals

    def _on_slot_state(self, t: int, state: object, reason: object) -> None:
        if self._shut or t >= len(self.tiles):
            return
        state = TileState(str(state))
        tile = self.tiles[t]
        if state is TileState.PLAYING and (size := self.coordinator.slots[t].front.decoded_size()) is not None:
            tile.set_picture_size(*size)
        tile.set_state(str(state), player_reason_words(reason if isinstance(reason, PlayerReason) else PlayerReason()))
        if state is TileState.RECONNECTING:
            tile.set_reconnect_in(self.coordinator.reconnect_in(t))

    def _on_slot_stats(self, t: int, fps: float, kbps: float) -> None:
        if t < len(self.tiles):
            self.tiles[t].set_stats(fps, kbps)

    # ------------------------------------------------------------------ clock: countdowns, tours, pre-roll

    def _on_tick(self) -> None:
        if self._shut:
            return
        now = self.clock()
        for hook in list(self.tick_hooks):
            hook(now)
        self.controller.tick(now)
        for t, tv in enumerate(self.videos):
            tile = self.tiles[t]
            if tv.front.state is TileState.RECONNECTING:
                tile.set_reconnect_in(tv.front.reconnect_in())
            tour = self.controller.tour(t)
            if tour is not None:
                left = tour.remaining(now)
                if tour.paused:
                    text = self.tr("Tour paused")
                else:
                    text = self.tr("Tour {i}/{n} · {s} s").format(
                        i=tour.index + 1, n=len(tour.spec.items), s=int(left + 0.999))
                tile.set_tour_text(text)
            elif tile.tour_label.isVisible():
                tile.set_tour_text(None)
        self._preroll(now)
        if any(tv.decision is not None and Reason.HYSTERESIS in tv.decision.reasons for tv in self.videos):
            # a switch held back by the 5 s rule (a zoom, a resize) is due once the hold ends
            self._schedule_policy()

    def _preroll(self, now: float) -> None:
        wanted: dict[int, str] = {}
        for t, camera_id in self.controller.prerolls().items():
            tour = self.controller.tour(t)
            if tour is not None and not tour.paused and tour.remaining(now) <= PREROLL_LEAD:
                wanted[t] = camera_id
        for source in self.preroll_sources:
            wanted.update(source(now))
        for t, camera_id in wanted.items():
            self.coordinator.preroll(t, camera_id)

    # ------------------------------------------------------------------ inventory

    def _on_inventory(self, delta: InventoryDelta) -> None:
        if self._shut:
            return
        self.coordinator.cameras_changed(None if delta.reset else set(delta.cameras))
        for t, tv in enumerate(self.videos):
            if tv.camera_id is not None and (delta.reset or tv.camera_id in delta.cameras):
                self._label_tile(t)
            elif delta.grids and self.tiles[t].grid_badge.info is not None \
                    and self.tiles[t].grid_badge.info.grid_id in delta.grids:
                self._label_grid(t)  # only the tiles showing cameras of the grids that changed

    # ------------------------------------------------------------------ operator actions

    def drop_items(self, tile: int, items: list[tuple[str, str]]) -> None:
        """Cameras, sites or grids dropped on a tile: the first goes there, the rest follow."""
        ids: list[str] = []
        for kind, item_id in items:
            try:
                ids += self.controller.camera_ids_for(kind, item_id)  # type: ignore[arg-type]
            except ValueError:
                continue
        ids = list(dict.fromkeys(ids))
        if not ids:
            self.message.emit(self.tr("There are no cameras to show there."))
            return
        self.controller.select(tile)
        if len(ids) == 1:
            self.controller.assign(tile, ids[0])
            return
        overflow = self.controller.fill(tile, ids)
        placed = len(ids) - overflow
        if overflow:
            self.message.emit(self.tr(
                "{placed} cameras put on the wall; {overflow} more did not fit "
                "(choose a larger layout, or start a wall tour to page through them).").format(
                    placed=placed, overflow=overflow))
        else:
            self.message.emit(self.tr("Cameras put on the wall: {n}.").format(n=placed))

    def put_camera(self, camera_id: str) -> None:
        """A camera double-clicked in the tree: onto the selected tile (tile 0 if none)."""
        tile = self.controller.selected if self.controller.selected is not None else 0
        self.controller.assign(tile, camera_id)

    def _on_tile_dropped(self, source: int, target: int) -> None:
        self.controller.swap(source, target)
        self.controller.select(target)

    def _on_enter(self) -> None:
        sel = self.controller.selected
        if sel is not None:
            self.controller.toggle_maximise(sel)

    def _on_delete(self) -> None:
        sel = self.controller.selected
        if sel is not None:
            self.controller.clear(sel)

    def set_layout(self, layout: Layout) -> None:
        self.controller.set_layout(layout)

    def load_view(self, view: View) -> None:
        self.controller.load_view(view)
        self.view_changed.emit()

    def leave_incident(self) -> None:
        """Back from the incident wall to the operator's own wall (the bar's button, Esc, Alt+Left)."""
        if self.controller.incident is not None:
            self.controller.leave_incident()
            self.wall.setFocus()

    def _on_escape(self) -> None:
        # one step back per Esc: a maximised tile first, then the incident wall
        if self.controller.maximised is not None:
            self.controller.restore()
        else:
            self.leave_incident()

    def missing_words(self, camera_id: str) -> str:
        """Why a tile's camera is not in the inventory, in the operator's words."""
        user = self.session.user
        towns = user.scope.towns if user is not None else None
        if why_missing(camera_id, towns) is Missing.OUTSIDE_SCOPE:
            return self.tr("This camera is outside your town: this account may not watch it.")
        return self.tr("This camera is not in the inventory (any more).")

    def _on_zoom(self, t: int, rect: QRectF | None) -> None:
        """The tile zooms by itself (its surfaces); the stream is never touched.

        A zoomed tile shows the picture larger than the tile: the policy hears
        that size, so zooming past the sub stream's pixels switches to main.
        """
        if t in self.coordinator.slots:
            self._schedule_policy()

    def snapshot(self, t: int) -> str | None:
        """Save tile ``t``'s picture to the pictures folder, from the main stream at its resolution.

        Returns the path the picture goes to (None, with a message, when the tile
        shows no live picture). The main stream is opened on its own, headless,
        for one picture (the tile's own stream is not touched), so the file is
        written a moment later: ``snapshot_saved(path)`` and a status message say
        when. The camera, its id, the stream and the time go into the PNG's text
        chunks. Without a main stream (or when it gives no picture in time) the
        tile's own picture is saved, and the message says so.
        """
        tv = self.coordinator.slots[t]
        camera = self.inventory.cameras.get(tv.camera_id or "")
        if camera is None or tv.front.state is not TileState.PLAYING:
            self.message.emit(self.tr("Nothing to save: the tile shows no live picture."))
            return None
        taken = datetime.now().astimezone()
        stamp = taken.strftime("%Y%m%d-%H%M%S")
        path = paths.pictures_dir() / f"{sanitise_filename(camera.name)}_{stamp}.png"
        n = 1
        while path.exists() or str(path) in self._snapshots:
            path = path.with_name(f"{sanitise_filename(camera.name)}_{stamp}-{n}.png")
            n += 1
        site = self.inventory.sites.get(camera.site_id)
        meta = {
            "Title": camera.name,
            "Camera": camera.name,
            "Camera ID": camera.id,
            "Site": site.name if site is not None else "",
            "Creation Time": taken.isoformat(timespec="seconds"),
            "Software": "ControlRoom",
        }
        main = next((p for p in camera.streams if p.name == "main"), None)
        stream = self.stream_for(camera, "main") if main is not None else None
        self._snapshots[str(path)] = (t, meta)
        if stream is None or stream[2] != "main" or main is None:
            self._snapshot_from_tile(str(path), "")
            return str(path)
        lease, _transport, _ = stream
        done = self._snapshot_grabbed.emit
        max_width = main.width

        def grab(url: str, transport: Transport) -> None:
            # a worker thread: libVLC and numbers only; the picture is made on the GUI thread
            from controlroom.video.probe import play_url
            from controlroom.video.vlc_options import shared_instance

            try:
                session = play_url(url, transport, shared_instance(headless=True), max_width=max_width)
            except Exception as exc:  # no libVLC, no RTSP route: the tile's picture will do
                done(str(path), 0, 0, b"", str(exc))
                return
            try:
                # the second picture: the first may be a partial frame while joining the stream
                ok = session.probe.wait_frames(2, SNAPSHOT_TIMEOUT)
                w, h, data = session.probe.latest_frame() if ok else (0, 0, b"")
                done(str(path), w, h, data, "" if ok else (session.error or "no picture in time"))
            finally:
                session.close()

        def got_url(url: str | None, problem: LeaseError | None) -> None:
            # the GUI thread: a fresh stream ticket for the main stream, then one picture off it
            lease.release()
            if url is None:  # probe.play_url refuses what is no network stream
                done(str(path), 0, 0, b"", str(problem))
                return
            # the lease's transport after its fetch: a WVP lease picks it at play time
            threading.Thread(target=grab, args=(url, lease.transport), name="snapshot-main", daemon=True).start()

        lease.fetch(got_url)
        self.message.emit(self.tr("Taking a snapshot from the main stream…"))
        return str(path)

    def _on_snapshot_grabbed(self, path: str, w: int, h: int, data: bytes, problem: str) -> None:
        if self._shut or path not in self._snapshots:
            return
        if not data or w <= 0 or h <= 0:
            log.info("snapshot from the main stream failed (%s): the tile's own picture instead", problem)
            self._snapshot_from_tile(path, problem)
            return
        _, meta = self._snapshots.pop(path)
        image = QImage(data, w, h, w * 4, QImage.Format.Format_RGB32).copy()  # BGRA in memory
        # libVLC's memory output hands over the decoder's padded picture (1280x738 for 720p
        # measured): keep the stream's own size, the padding is at the bottom and right
        camera = self.inventory.cameras.get(meta.get("Camera ID", ""))
        main = next((p for p in camera.streams if p.name == "main"), None) if camera is not None else None
        if main is not None and main.width <= w and main.height <= h:
            image = image.copy(0, 0, main.width, main.height)
            w, h = main.width, main.height
        meta["Stream"] = f"main {w}x{h}"
        self._write_snapshot(path, image, meta)

    def _snapshot_from_tile(self, path: str, problem: str) -> None:
        t, meta = self._snapshots.pop(path)
        tv = self.coordinator.slots.get(t)
        if tv is None or not tv.front.snapshot(path):
            self.message.emit(self.tr("The snapshot could not be saved to {path}.").format(path=path))
            return
        image = QImage(path)
        meta["Stream"] = f"{tv.profile or ''} {image.width()}x{image.height()}".strip()
        self._write_snapshot(path, image, meta, note=self.tr(
            "(the main stream gave no picture: taken from the tile's stream)") if problem else "")

    def _write_snapshot(self, path: str, image: QImage, meta: dict[str, str], note: str = "") -> None:
        for key, value in meta.items():
            image.setText(key, value)  # PNG tEXt chunks: the picture says what and when
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        if image.isNull() or not image.save(path, "PNG"):
            self.message.emit(self.tr("The snapshot could not be saved to {path}.").format(path=path))
            return
        words = self.tr("Snapshot saved: {path}").format(path=path)
        self.message.emit(f"{words} {note}".strip())
        self.snapshot_saved.emit(path)

    def set_stats_visible(self, visible: bool) -> None:
        self._stats_visible = visible
        for tile in self.tiles:
            tile.set_stats_visible(visible)

    def force_profile(self, t: int, profile: str | None) -> None:
        """The operator's stream choice for a tile: "main", "sub" or None (automatic)."""
        self.coordinator.force_profile(t, profile)
        self.apply_policy()

    def start_tile_tour(self, t: int, camera_ids: list[str], interval: float) -> None:
        self.controller.set_tile_tour(t, TourSpec(tuple(camera_ids), interval), self.clock())

    def stop_tile_tour(self, t: int) -> None:
        self.controller.set_tile_tour(t, None)
        self.tiles[t].set_tour_text(None)

    def pause_tile_tour(self, t: int, paused: bool) -> None:
        tour = self.controller.tour(t)
        if tour is None:
            return
        if paused:
            tour.pause(self.clock())
        else:
            tour.resume(self.clock())

    def show_tile_menu(self, t: int, pos: QPoint) -> None:
        menu = self.tile_menu(t)
        menu.exec(pos)
        menu.deleteLater()

    def tile_menu(self, t: int) -> QMenu:
        """The context menu of tile ``t`` (built fresh: it reflects the tile's state)."""
        c = self.controller
        tv = self.coordinator.slots[t]
        tile = self.tiles[t]
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # an entry the role may not use says why (controlroom.ui.permissions.gate)
        has_camera = tv.camera_id is not None
        a = menu.addAction(self.tr("Restore") if c.maximised == t else self.tr("Maximise"))
        a.triggered.connect(lambda: c.toggle_maximise(t))
        a = menu.addAction(self.tr("Clear tile"))
        a.setEnabled(has_camera)
        a.triggered.connect(lambda: c.clear(t))
        menu.addSeparator()
        a = menu.addAction(self.tr("Snapshot"))
        a.setEnabled(has_camera and tv.front.state is TileState.PLAYING)
        a.triggered.connect(lambda: self.snapshot(t))
        a = menu.addAction(self.tr("Reset zoom"))
        a.setEnabled(tile.zoom is not None)
        a.triggered.connect(tile.reset_zoom)
        a = menu.addAction(self.tr("Show fps and bit rate"))
        a.setCheckable(True)
        a.setChecked(self._stats_visible)
        a.toggled.connect(self.set_stats_visible)
        stream = menu.addMenu(self.tr("Stream"))
        group = QActionGroup(stream)
        for value, words in ((None, self.tr("Automatic")), ("main", self.tr("Main stream")),
                             ("sub", self.tr("Sub stream"))):
            act = QAction(words, stream)
            act.setCheckable(True)
            act.setChecked(tv.forced == value)
            act.setEnabled(has_camera)
            act.triggered.connect(lambda _=False, v=value: self.force_profile(t, v))
            group.addAction(act)
            stream.addAction(act)
        menu.addSeparator()
        tour = c.tour(t)
        if tour is None:
            a = menu.addAction(self.tr("Start tile tour…"))
            a.triggered.connect(lambda: self._ask_tile_tour(t))
        else:
            if tour.paused:
                a = menu.addAction(self.tr("Resume tile tour"))
                a.triggered.connect(lambda: self.pause_tile_tour(t, False))
            else:
                a = menu.addAction(self.tr("Pause tile tour"))
                a.triggered.connect(lambda: self.pause_tile_tour(t, True))
            a = menu.addAction(self.tr("Stop tile tour"))
            a.triggered.connect(lambda: self.stop_tile_tour(t))
        menu.addSeparator()
        self.ptz.add_menu_entry(menu, t)
        return menu

    def _ask_tile_tour(self, t: int) -> None:
        from controlroom.ui.wall.tours_ui import ask_tile_tour

        ask_tile_tour(self, t)

    # ------------------------------------------------------------------ playback borrows tiles (issue 12)

    def lend_tile(self, t: int) -> int:
        """Playback takes tile ``t``: its live players stop (their leases released) and the wall
        starts none there until ``return_tile``. Returns the on-screen video surface's window id."""
        self.lent.add(t)
        return self.coordinator.suspend(t)

    def return_tile(self, t: int) -> None:
        """Live again: tile ``t`` plays what its slot holds."""
        if t not in self.lent:
            return
        self.lent.discard(t)
        if t >= len(self.tiles):
            return
        self.tiles[t].set_playback(None)
        self.coordinator.resume(t)
        if self.coordinator.slots[t].camera_id != self.controller.slot(t).camera_id:
            self._show_slot(t, self._decide().get(t))  # the slot changed while it played back

    # ------------------------------------------------------------------ queries (status, tests)

    def camera_on(self, t: int) -> str | None:
        return self.controller.slot(t).camera_id

    def profile_of(self, t: int) -> str | None:
        """The stream profile tile ``t``'s on-screen player plays."""
        return self.coordinator.slots[t].profile

    def state_of(self, t: int) -> TileState:
        return self.coordinator.slots[t].front.state

    # ------------------------------------------------------------------ teardown

    def shutdown(self) -> None:
        """Stop and release every player (before the window goes). Idempotent."""
        if self._shut:
            return
        self._shut = True
        self._tick.stop()
        self.ptz.shutdown()  # a camera still moving for us is stopped
        self._policy_timer.stop()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.coordinator.shutdown()

    def closeEvent(self, event: object) -> None:
        self.shutdown()


class IncidentBar(QFrame):
    """A strip over the wall while an incident wall is shown: what it is, and the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentBar")
        self.setStyleSheet("#incidentBar { background: #5a2a12; } #incidentBar QLabel { color: #ffe0c8; "
                           "font-weight: 600; }")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # grid and view names are anyone's text
        self.back = QPushButton(self)
        self.back.setObjectName("incidentBack")
        self.back.setToolTip(self.tr("Back to your own wall as you left it (Esc on the wall, Alt+Left)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        row.addWidget(self.label, 1)
        row.addWidget(self.back)
        self.hide()

    def show_incident(self, title: str | None, home: str | None) -> None:
        if title is None:
            self.hide()
            return
        self.label.setText(self.tr("Incident wall: {title}. Your view is kept.").format(title=title))
        self.back.setText(self.tr("Back to “{view}”").format(view=home.replace("&", "&&")) if home
                          else self.tr("Back to your wall"))
        self.show()


def _demoted(decision: Decision | None) -> bool:
    """The tile plays less than its size deserves (bandwidth or CPU budget)."""
    return decision is not None and bool(decision.reasons & {Reason.BANDWIDTH, Reason.OVER_BUDGET, Reason.CPU})
