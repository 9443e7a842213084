"""The grid map pane: the legend, the map, a line that says what just happened, and the stale banner.

It follows the inventory in coalesced steps: inventory batches only mark
grids and cameras dirty, and a single-shot timer applies them at most
``1000 / redraw_ms`` times a second, so 200 events a second cost a few
brush changes, never a repaint per event.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

from controlroom.plugins.grid_map.widgets.map_view import GridMapView
from controlroom.ui.api import (
    GridStaleness,
    age_text,
    put_text,
    stale_banner_text,
    status_label,
    status_text,
    swatch,
)
from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom import grids as G
from controlroom.inventory import Inventory, InventoryDelta

REDRAW_MS = 250


class GridMap(QWidget):
    """The map pane of one session's inventory. ``wall`` is the WallController (or None)."""

    #: the statuses became stale (True) or fresh again (False)
    stale_changed = Signal(bool)
    #: something was put on the wall: (grid id, tiles, cameras shown, cameras that did not fit)
    put_on_wall = Signal(str, int, int, int)

    def __init__(self, inventory: Inventory, wall: Any = None, *, redraw_ms: int = REDRAW_MS,
                 towns: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridMap")
        self.inventory = inventory
        #: the user's towns (a town desk's scope); None: the whole county
        self.towns = list(towns) if towns is not None else None
        self.wall = wall
        self.geometry_index: G.GridGeometry | None = None
        self.stale = GridStaleness(parent=self)
        self.stale.changed.connect(self._show_stale)
        self.stale.toggled.connect(self.stale_changed)
        self.redraws = 0
        self.redraw_seconds: list[float] = []  # each flush's time, for the benchmark
        self._reset = True
        self._grids: set[str] = set()
        self._cameras: set[str] = set()
        self._legend_counts: dict[str, QLabel] = {}

        self.view = GridMapView(self)
        self.view.tooltip_for = self.tooltip_text
        self.view.grid_clicked.connect(self.show_grid_on_wall)
        self.view.grid_menu.connect(self._menu)
        self.view.zoomed.connect(self._zoomed)

        # two statuses a row: the pane must fit a side dock a quarter of the window wide
        statuses = QGridLayout()
        statuses.setHorizontalSpacing(8)
        statuses.setVerticalSpacing(2)
        for i, status in enumerate(G.STATUS_ORDER):
            sw = QLabel()
            sw.setPixmap(swatch(status))
            sw.setToolTip(status_text(status))
            text = QLabel(status_label(status))
            count = QLabel("")
            count.setStyleSheet("color: #9aa3ad;")
            self._legend_counts[str(status)] = count
            for j, w in enumerate((sw, text, count)):
                statuses.addWidget(w, i // 2, (i % 2) * 3 + j)
        statuses.setColumnStretch(6, 1)
        legend = QHBoxLayout()
        legend.addStretch(1)
        self.cameras_hint = QLabel()
        self.cameras_hint.setStyleSheet("color: #9aa3ad;")
        legend.addWidget(self.cameras_hint)
        if self.towns is not None:  # a town desk: its own town first, the county a click away
            home = QPushButton(self.tr("Your town"))
            home.setObjectName("gridMapHome")
            home.setToolTip(self.tr("Zoom to the grids of your town"))
            home.clicked.connect(self.view.fit)
            legend.addWidget(home)
        fit = QPushButton(self.tr("Whole county"))
        fit.setToolTip(self.tr("Zoom out to every grid"))
        fit.clicked.connect(self.view.fit_all)
        legend.addWidget(fit)

        self.banner = QLabel()
        self.banner.setObjectName("gridMapStale")
        self.banner.setStyleSheet("background: #5a4312; color: #ffe2a8; padding: 3px 6px; font-weight: 600;")
        self.banner.hide()
        self.info = QLabel(self.tr("Hover over a grid for its details; click it to put its cameras on the wall; "
                                   "right-click for an incident wall."))
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # grid names come from the platform
        self.info.setStyleSheet("color: #b8c0c8;")
        self.info.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(statuses)
        layout.addLayout(legend)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(redraw_ms)
        self._timer.timeout.connect(self.flush)
        self._steps: Iterator[None] | None = None
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._step)
        self._zoomed(self.view.scale_px_per_km)
        if inventory.grids:
            self.flush()

    # ------------------------------------------------------------------ live

    def on_inventory(self, delta: InventoryDelta) -> None:
        """An inventory batch: remember what changed; apply it at the next flush."""
        if delta.reset:
            self._reset = True
        self._grids |= delta.grids
        self._cameras |= delta.cameras
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Apply what changed since the last flush (the timer calls this)."""
        if not self.isVisible() and self.view.items_by_grid:
            return  # a hidden map catches up when shown (showEvent)
        t0 = time.perf_counter()
        inv = self.inventory
        if self._reset:
            self._reset = False
            self._grids.clear()
            self._cameras.clear()
            self._rebuild()
        else:
            grids, self._grids = self._grids, set()
            for gid in grids:
                grid = inv.grids.get(gid)
                if grid is not None:
                    self.view.set_status(gid, grid.status)
            cams, self._cameras = self._cameras, set()
            if cams:
                self.view.cameras.cameras_changed(cams)
        self._show_counts()
        self.redraws += 1
        self.redraw_seconds.append(time.perf_counter() - t0)
        del self.redraw_seconds[:-1000]

    @property
    def rebuilding(self) -> bool:
        """A rebuild is under way (it runs in steps, one per event-loop turn)."""
        return self._steps is not None

    def _rebuild(self) -> None:
        """Rebuild the whole map in steps, one per event-loop turn: the GUI thread never waits
        for all of it at once (about 100 ms for 28,500 cameras, measured; each step is a fraction)."""
        self._steps = self._rebuild_steps()
        self._step()

    def _step(self) -> None:
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
            self._step_timer.stop()
            return
        self._step_timer.start()

    def _rebuild_steps(self) -> Iterator[None]:
        inv = self.inventory
        geo = G.GridGeometry.build(inv.grids.values())
        yield
        proj = geo.projection
        xy: dict[str, G.XY] = {}
        for cam in list(inv.cameras.values()):
            if cam.location is not None:
                x, y = proj.to_xy(*cam.location)
                xy[cam.id] = (x, -y)
        yield
        cams = inv.cameras
        self.view.cameras.set_cameras(xy, lambda cid: cams[cid].online if cid in cams else False)
        yield
        # the polygons last: a map with its grids drawn has its cameras too
        self.geometry_index = geo
        self.view.set_grids(geo, {gid: g.status for gid, g in inv.grids.items()})
        self.view.home_rect = self._home_rect(geo)
        # town names where their grids are
        names = G.town_names(inv)
        sums: dict[int, list[float]] = {}
        for gid, grid in inv.grids.items():
            town = G.town_of(inv, grid)
            shape = geo.shapes.get(gid)
            if town is None or shape is None or not shape.points:
                continue
            s = sums.setdefault(town, [0.0, 0.0, 0.0])
            s[0] += shape.centroid[0]
            s[1] += shape.centroid[1]
            s[2] += 1
        self.view.set_labels(
            (names.get(town, self.tr("Town {n}").format(n=town)), (s[0] / s[2], s[1] / s[2]))
            for town, s in sorted(sums.items())
        )
        self.view.fit()

    def _home_rect(self, geo: G.GridGeometry) -> QRectF | None:
        """The area of the user's own towns (scene coordinates), or None for the county's dispatchers."""
        if self.towns is None:
            return None
        wanted = set(self.towns)
        own = [gid for gid, g in self.inventory.grids.items() if G.town_of(self.inventory, g) in wanted]
        if not own:
            return None
        x0, y0, x1, y1 = geo.bounds(own)
        margin = max(0.5, 0.06 * max(x1 - x0, y1 - y0))
        return QRectF(x0 - margin, -y1 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin)

    def _show_counts(self) -> None:
        counts = Counter(str(g.status) for g in self.inventory.grids.values())
        for status, label in self._legend_counts.items():
            label.setText(f"{counts.get(status, 0):,}")

    def _zoomed(self, scale: float) -> None:
        shown = scale >= self.view.cameras.min_scale
        self.cameras_hint.setText(
            self.tr("● cameras online  ● offline") if shown else self.tr("Zoom in to see the cameras"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._reset or self._grids or self._cameras:
            self._timer.start()

    def stop(self) -> None:
        """Stop the timers (the plugin is going)."""
        self._timer.stop()
        self.stale.stop()

    # ------------------------------------------------------------------ staleness

    def on_state(self, state: Any, _detail: str = "") -> None:
        self.stale.set_state(str(state))

    def _show_stale(self) -> None:
        age = self.stale.age()
        self.view.set_dimmed(age is not None)
        if age is not None:
            self.banner.setText(stale_banner_text(age))
        self.banner.setVisible(age is not None)

    def stale_text(self) -> str:
        return self.banner.text() if self.stale.stale else ""

    # ------------------------------------------------------------------ details

    def tooltip_text(self, grid_id: str) -> str:
        """A grid's details as plain text (the view escapes it: names may contain markup)."""
        inv = self.inventory
        grid = inv.grids.get(grid_id)
        if grid is None:
            return ""
        town = G.town_of(inv, grid)
        names = G.town_names(inv) if town is not None else {}
        lines = [grid.name]
        if town is not None:
            lines.append(names.get(town, self.tr("Town {n}").format(n=town)))
        status = status_label(grid.status)
        lines.append(self.tr("Status: {status}").format(status=status)
                     + (f" — {grid.status_reason}" if grid.status_reason else ""))
        age = self.stale.age()
        if age is not None:
            lines.append(self.tr("({age}: as last known)").format(age=age_text(age)))
        lines.append(self.tr("Cameras online: {online} of {total}").format(
            online=grid.cameras_online, total=grid.cameras_total))
        members = ", ".join(f"{m.role} {m.name}".strip() for m in grid.members)
        lines.append(self.tr("Members: {members}").format(members=members or self.tr("none")))
        lines.append(self.tr("Patrol on duty: {n}").format(n=grid.patrol_on_duty))
        return "\n".join(lines)

    # ------------------------------------------------------------------ the wall

    def context_menu(self, grid_id: str) -> QMenu:
        """The menu for one grid (separate from showing it, so tests can read it)."""
        grid = self.inventory.grids.get(grid_id)
        menu = QMenu(self)
        title = menu.addAction(grid.name if grid is not None else grid_id)
        title.setEnabled(False)
        menu.addSeparator()
        show: QAction = menu.addAction(self.tr("Put this grid's cameras on the wall"))
        show.triggered.connect(lambda: self.show_grid_on_wall(grid_id))
        incident: QAction = menu.addAction(self.tr("Incident wall: this grid and its neighbours"))
        incident.setObjectName("incidentWall")
        incident.triggered.connect(lambda: self.incident_wall(grid_id))
        for a in (show, incident):
            a.setEnabled(self.wall is not None)
        return menu

    def _menu(self, grid_id: str, pos: QPoint) -> None:
        menu = self.context_menu(grid_id)
        menu.exec(pos)
        menu.deleteLater()

    def show_grid_on_wall(self, grid_id: str) -> None:
        """Put a grid's cameras on the wall as a view sized to their count."""
        self._to_wall(grid_id, G.grid_camera_ids(self.inventory, grid_id), [])

    def incident_wall(self, grid_id: str) -> None:
        """A view of a grid's cameras and its neighbours'."""
        if self.geometry_index is None:
            self.geometry_index = G.GridGeometry.build(self.inventory.grids.values())
        ids, around = G.incident_camera_ids(self.inventory, self.geometry_index, grid_id)
        self._to_wall(grid_id, ids, around)

    def _to_wall(self, grid_id: str, ids: list[str], around: list[str]) -> None:
        grid = self.inventory.grids.get(grid_id)
        name = grid.name if grid is not None else grid_id
        self.info.setText(put_text(self.wall, name, ids, around))
        if self.wall is None or not ids:
            return
        title = name if not around else self.tr("{grid} and {n} neighbouring grids").format(grid=name, n=len(around))
        done = G.put_on_wall(self.wall, ids, title)
        self.info.setText(put_text(self.wall, name, ids, around, done))
        self.put_on_wall.emit(grid_id, done.tiles, done.shown, done.overflow)


__all__ = ["GridMap"]
