"""The grid tree: town → grid (网格) → cameras, with status badges and counts, over an Inventory.

The second way to browse the resource panel (the first is the site tree,
``tree_model.py``). Lazy, like the site tree: no item objects, no widget per
row; an index's internal id says what it is, in its two low bits:

* ``town_number << 2``         — a town (its grids below);
* ``grid_number << 2 | 1``     — a grid;
* ``grid_number << 2 | 2``     — a camera of that grid (its row says which).

Two filters combine: the text search (a grid matches by its name, GB id or
town, and then shows all its cameras; otherwise it shows the cameras whose
name or id match) and a status filter (only grids in the chosen statuses).
A status delta touches only the rows it concerns: ``dataChanged`` for the
grid and its town, or, under a status filter, the grid's row inserted or
removed (its town's too when it is the first or the last one shown).

While the statuses are stale (``set_stale``) grid rows show their status
dimmed and in italics, and the status column's header carries the age.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from controlroom.ui import grid_status as GS
from controlroom.ui import text as ui_text
from controlroom.ui import theme
from controlroom.ui.lazy_tree import AnyIndex, ItemIdRole, ItemTypeRole, LazyTreeModel
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from controlroom import grids as G
from controlroom.api.schema import Camera, GridStatus
from controlroom.inventory import Inventory, InventoryDelta

StatusRole = Qt.ItemDataRole.UserRole + 10  # a grid's status value ("incident"...)

COL_NAME = 0
COL_STATUS = 1
COL_ONLINE = 2
COLUMNS = 3

TOWN, GRID, CAMERA = 0, 1, 2
#: worst first: what a town's icon shows
SEVERITY = (GridStatus.INCIDENT, GridStatus.ATTENTION, GridStatus.NO_COVERAGE, GridStatus.NORMAL)


class GridTreeModel(LazyTreeModel):
    """Towns, grids and cameras of an Inventory as a lazy three-column tree.

    ``filter_applied`` and ``set_filter`` count (grids shown, cameras shown).
    """

    COL_ONLINE = COL_ONLINE
    COLUMNS = COLUMNS

    #: statuses or counts changed (the panel's summary line)
    counts_changed = Signal()

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(inventory, parent)
        self._statuses: frozenset[str] | None = None
        self._stale_age: float | None = None
        self._follow_inventory()

    # ------------------------------------------------------------------ structure

    def _rebuild(self) -> None:
        inv = self._inv
        names = G.town_names(inv)
        by_town: dict[int | None, list[str]] = {}
        for grid in inv.grids.values():
            by_town.setdefault(G.town_of(inv, grid), []).append(grid.id)
        towns = sorted(by_town, key=lambda t: (t is None, t or 0))
        self._town_nums: list[int | None] = towns
        self._town_names: list[str] = [
            QCoreApplication.translate("Grids", "County") if t is None
            else names.get(t) or QCoreApplication.translate("Grids", "Town {n}").format(n=t)
            for t in towns
        ]
        self._grid_ids: list[str] = []
        self._grid_town: list[int] = []
        self._all_town_grids: list[list[int]] = []
        for ti, t in enumerate(towns):
            nums = []
            for gid in sorted(by_town[t]):  # GB ids follow the platform's own numbering
                nums.append(len(self._grid_ids))
                self._grid_ids.append(gid)
                self._grid_town.append(ti)
            self._all_town_grids.append(nums)
        self._grid_num = {gid: n for n, gid in enumerate(self._grid_ids)}
        self._status: list[str] = [str(inv.grids[g].status) for g in self._grid_ids]
        self._all_grid_cams: list[list[str]] = []
        self._camera_grid: dict[str, int] = {}
        self._online: dict[str, bool] = {}
        self._grid_counts: list[list[int]] = []
        for n, gid in enumerate(self._grid_ids):
            cams = inv.grid_cameras(gid)
            on = 0
            for c in cams:
                self._camera_grid[c.id] = n
                self._online[c.id] = c.online
                on += c.online
            self._all_grid_cams.append([c.id for c in cams])
            self._grid_counts.append([on, len(cams)])
        self._town_counts = [[0, 0] for _ in towns]
        self._town_status: list[Counter[str]] = [Counter() for _ in towns]
        for n, ti in enumerate(self._grid_town):
            self._town_counts[ti][0] += self._grid_counts[n][0]
            self._town_counts[ti][1] += self._grid_counts[n][1]
            self._town_status[ti][self._status[n]] += 1
        self._grid_keys: list[str] | None = None
        self._camera_keys: list[tuple[str, str, int]] | None = None
        self._text_ok: bytearray | None = None
        self._text_cams: list[list[str]] | None = None
        self._apply_filters()

    def _passes(self, n: int) -> bool:
        if self._statuses is not None and self._status[n] not in self._statuses:
            return False
        return self._text_ok is None or bool(self._text_ok[n])

    def _apply_filters(self) -> None:
        """Work out what is shown (call between begin/endResetModel, or before any view)."""
        if self._statuses is None and not self._needle:
            self._vtown_grids = self._all_town_grids
        else:
            self._vtown_grids = [[n for n in grids if self._passes(n)] for grids in self._all_town_grids]
        self._vtowns = [ti for ti, grids in enumerate(self._vtown_grids) if grids]
        self._vgrid_cams: Sequence[Sequence[str]] = (
            self._text_cams if self._needle and self._text_cams is not None else self._all_grid_cams)
        self._town_row = [0] * len(self._town_nums)
        for row, ti in enumerate(self._vtowns):
            self._town_row[ti] = row
        self._grid_row = [0] * len(self._grid_ids)
        for grids in self._vtown_grids:
            for row, n in enumerate(grids):
                self._grid_row[n] = row
        self._camera_row: dict[str, int] | None = None

    # ------------------------------------------------------------------ filters

    def _build_keys(self) -> None:
        inv = self._inv
        keys = []
        for n, gid in enumerate(self._grid_ids):
            grid = inv.grids[gid]
            village = inv.sites.get(grid.site_id)
            keys.append(f"{grid.name}\n{gid}\n{self._town_names[self._grid_town[n]]}\n"
                        f"{village.name if village else ''}".casefold())
        self._grid_keys = keys
        cams = inv.cameras
        self._camera_keys = [
            (f"{cams[cid].name}\n{cid}".casefold(), cid, n)
            for n, cids in enumerate(self._all_grid_cams) for cid in cids
        ]

    def _match_text(self) -> None:
        needle = self._needle
        if not needle:
            self._text_ok = self._text_cams = None
            return
        if self._grid_keys is None or self._camera_keys is None:
            self._build_keys()
        assert self._grid_keys is not None and self._camera_keys is not None
        count = len(self._grid_ids)
        ok = bytearray(count)
        text_cams: list[list[str]] = [[] for _ in range(count)]
        for n, key in enumerate(self._grid_keys):
            if needle in key:
                ok[n] = 1
                text_cams[n] = self._all_grid_cams[n]  # a matching grid shows all its cameras
        for key, cid, n in self._camera_keys:
            if text_cams[n] is not self._all_grid_cams[n] and needle in key:
                ok[n] = 1
                text_cams[n].append(cid)
        self._text_ok, self._text_cams = ok, text_cams

    def _search(self, needle: str) -> None:
        """Grids by name, GB id or town (all their cameras), else their cameras by name or GB id."""
        self._match_text()
        self._apply_filters()

    def _filter_counts(self) -> tuple[int, int]:
        return self.shown_counts()

    def set_status_filter(self, statuses: Iterable[GridStatus | str] | None) -> tuple[int, int]:
        """Show only grids in these statuses (None: every status)."""
        wanted = frozenset(str(s) for s in statuses) if statuses is not None else None
        if wanted != self._statuses:
            self.beginResetModel()
            self._statuses = wanted
            self._apply_filters()
            self.endResetModel()
            self.filter_applied.emit(*self.shown_counts())
        return self.shown_counts()

    def status_filter(self) -> frozenset[str] | None:
        return self._statuses

    def text_matches(self) -> bool:
        """True when the search matches some grid or camera, whatever the status filter."""
        return self._text_ok is not None and any(self._text_ok)

    def filtered(self) -> bool:
        return bool(self._needle) or self._statuses is not None

    def shown_counts(self) -> tuple[int, int]:
        """(grids, cameras) shown."""
        grids = sum(len(self._vtown_grids[ti]) for ti in self._vtowns)
        cams = sum(len(self._vgrid_cams[n]) for ti in self._vtowns for n in self._vtown_grids[ti])
        return grids, cams

    def status_counts(self) -> Counter[str]:
        """How many grids are in each status (all of them, whatever the filters)."""
        out: Counter[str] = Counter()
        for c in self._town_status:
            out.update(c)
        return out

    # ------------------------------------------------------------------ stale

    def set_stale(self, age: float | None) -> None:
        """Statuses are stale since ``age`` seconds (None: fresh again)."""
        was = self._stale_age is not None
        self._stale_age = age
        if (age is not None) != was:
            # dim every grid's status: one span per town that is shown
            for ti in self._vtowns:
                grids = self._vtown_grids[ti]
                parent = self._town_index(ti)
                self.dataChanged.emit(self.index(0, COL_NAME, parent), self.index(len(grids) - 1, COL_STATUS, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_STATUS, COL_STATUS)

    def stale_age(self) -> float | None:
        return self._stale_age

    # ------------------------------------------------------------------ inventory deltas

    def _delta_nodes(self, delta: InventoryDelta) -> set[str]:
        return delta.grids

    def _reset_done(self) -> None:
        self.counts_changed.emit()

    def _apply_changes(self, grids: set[str], cameras: set[str]) -> None:
        inv = self._inv
        touched_towns: set[int] = set()
        touched_grids: set[int] = set()
        changed_status: list[int] = []
        for gid in grids:
            n = self._grid_num.get(gid)
            grid = inv.grids.get(gid)
            if n is None or grid is None:
                continue
            touched_grids.add(n)
            new = str(grid.status)
            if new != self._status[n]:
                ti = self._grid_town[n]
                self._town_status[ti][self._status[n]] -= 1
                self._town_status[ti][new] += 1
                self._status[n] = new
                touched_towns.add(ti)
                changed_status.append(n)
        camera_rows: dict[int, list[int]] = {}
        for cid in cameras:
            cam = inv.cameras.get(cid)
            n = self._camera_grid.get(cid)
            if cam is None or n is None or self._online.get(cid) == cam.online:
                continue
            self._online[cid] = cam.online
            step = 1 if cam.online else -1
            self._grid_counts[n][0] += step
            ti = self._grid_town[n]
            self._town_counts[ti][0] += step
            touched_grids.add(n)
            touched_towns.add(ti)
            row = self._camera_row_of(cid, n)
            if row is not None:
                camera_rows.setdefault(n, []).append(row)
        if self._statuses is not None:
            for n in changed_status:
                self._refilter_grid(n)
        for n, rows in camera_rows.items():
            if self._grid_shown(n):
                self._rows_changed(self._grid_index(n), rows)
        for n in sorted(touched_grids):
            if self._grid_shown(n):
                self._row_changed(self._grid_index(n))
        for ti in sorted(touched_towns):
            if self._town_shown(ti):
                self._row_changed(self._town_index(ti))
        if touched_grids or touched_towns:
            self.counts_changed.emit()

    def _refilter_grid(self, n: int) -> None:
        """Under a status filter: show or hide one grid whose status changed (rows, not a reset)."""
        should = self._passes(n)
        shown = self._grid_shown(n)
        if should == shown:
            return
        ti = self._grid_town[n]
        grids = self._vtown_grids[ti]
        if should:
            pos = bisect.bisect_left(grids, n)  # grid numbers follow the tree's order
            if self._town_shown(ti):
                self.beginInsertRows(self._town_index(ti), pos, pos)
                grids.insert(pos, n)
                self._renumber_grids(ti)
                self.endInsertRows()
            else:
                tpos = bisect.bisect_left(self._vtowns, ti)
                self.beginInsertRows(QModelIndex(), tpos, tpos)
                grids.insert(pos, n)
                self._vtowns.insert(tpos, ti)
                self._renumber_towns()
                self._renumber_grids(ti)
                self.endInsertRows()
        else:
            row = self._grid_row[n]
            if len(grids) == 1:
                trow = self._town_row[ti]
                self.beginRemoveRows(QModelIndex(), trow, trow)
                grids.clear()
                self._vtowns.pop(trow)
                self._renumber_towns()
                self.endRemoveRows()
            else:
                self.beginRemoveRows(self._town_index(ti), row, row)
                grids.pop(row)
                self._renumber_grids(ti)
                self.endRemoveRows()
        self.filter_applied.emit(*self.shown_counts())

    def _renumber_towns(self) -> None:
        for row, ti in enumerate(self._vtowns):
            self._town_row[ti] = row

    def _renumber_grids(self, ti: int) -> None:
        for row, n in enumerate(self._vtown_grids[ti]):
            self._grid_row[n] = row

    # ------------------------------------------------------------------ lookups

    def _town_shown(self, ti: int) -> bool:
        row = self._town_row[ti]
        return row < len(self._vtowns) and self._vtowns[row] == ti

    def _grid_shown(self, n: int) -> bool:
        ti = self._grid_town[n]
        if not self._town_shown(ti):
            return False
        grids = self._vtown_grids[ti]
        row = self._grid_row[n]
        return row < len(grids) and grids[row] == n

    def _town_index(self, ti: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self._town_row[ti], column, ti << 2 | TOWN)

    def _grid_index(self, n: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self._grid_row[n], column, n << 2 | GRID)

    def _camera_row_of(self, cid: str, n: int) -> int | None:
        if self._camera_row is None:
            self._camera_row = {c: row for cams in self._vgrid_cams for row, c in enumerate(cams)}
        return self._camera_row.get(cid)

    def index_for_grid(self, grid_id: str) -> QModelIndex:
        """The index of a grid, or an invalid index when it is not shown."""
        n = self._grid_num.get(grid_id)
        if n is None or not self._grid_shown(n):
            return QModelIndex()
        return self._grid_index(n)

    def index_for_town(self, town: int | None) -> QModelIndex:
        try:
            ti = self._town_nums.index(town)
        except ValueError:
            return QModelIndex()
        return self._town_index(ti) if self._town_shown(ti) else QModelIndex()

    def grid_counts(self, grid_id: str) -> tuple[int, int]:
        """(cameras online, cameras) of a grid, as the tree shows them."""
        on, total = self._grid_counts[self._grid_num[grid_id]]
        return on, total

    def towns(self) -> list[tuple[int | None, str]]:
        """(town number, name) of every town shown, in order."""
        return [(self._town_nums[ti], self._town_names[ti]) for ti in self._vtowns]

    # ------------------------------------------------------------------ QAbstractItemModel

    def _child_id(self, parent: int | None, row: int) -> int | None:
        if parent is None:
            return self._vtowns[row] << 2 | TOWN if row < len(self._vtowns) else None
        kind, n = parent & 3, parent >> 2
        if kind == TOWN:
            grids = self._vtown_grids[n]
            if row < len(grids):
                return grids[row] << 2 | GRID
        elif kind == GRID and row < len(self._vgrid_cams[n]):
            return n << 2 | CAMERA
        return None

    def _child_count(self, parent: int | None) -> int:
        if parent is None:
            return len(self._vtowns)
        kind, n = parent & 3, parent >> 2
        if kind == TOWN:
            return len(self._vtown_grids[n])
        if kind == GRID:
            return len(self._vgrid_cams[n])
        return 0

    def _parent_of(self, iid: int) -> QModelIndex:
        kind, n = iid & 3, iid >> 2
        if kind == TOWN:
            return QModelIndex()
        if kind == GRID:
            return self._town_index(self._grid_town[n])
        return self._grid_index(n)

    def _is_camera(self, iid: int) -> bool:
        return iid & 3 == CAMERA

    def _drag_items(self, index: QModelIndex) -> Iterable[tuple[str, str]]:
        """A grid or a camera; a town stands for its grids shown."""
        iid = index.internalId()
        kind, n = iid & 3, iid >> 2
        if kind == TOWN:
            return [("grid", self._grid_ids[g]) for g in self._vtown_grids[n]]
        if kind == GRID:
            return [("grid", self._grid_ids[n])]
        return [("camera", self._vgrid_cams[n][index.row()])]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_NAME:
                return self.tr("Town / grid")
            if section == COL_STATUS:
                if self._stale_age is not None:
                    return self.tr("Status · {age}").format(age=GS.age_text(self._stale_age))
                return self.tr("Status")
            if section == COL_ONLINE:
                return self.tr("Online")
        if role == Qt.ItemDataRole.ForegroundRole and section == COL_STATUS and self._stale_age is not None:
            return GS.STALE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_ONLINE:
                return self.tr("Cameras online / cameras in total")
            if section == COL_STATUS and self._stale_age is not None:
                return self.tr("The live updates stopped: statuses are the last known ones.")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        iid = index.internalId()
        kind, n = iid & 3, iid >> 2
        col = index.column()
        if kind == GRID:
            return self._grid_data(n, col, role)
        if kind == TOWN:
            return self._town_data(n, col, role)
        cams = self._vgrid_cams[n]
        if index.row() >= len(cams):
            return None
        cam = self._inv.cameras.get(cams[index.row()])
        return self._camera_data(cam, col, role) if cam is not None else None

    def _grid_data(self, n: int, col: int, role: int) -> Any:
        gid = self._grid_ids[n]
        grid = self._inv.grids.get(gid)
        if grid is None:
            return None
        stale = self._stale_age is not None
        status = self._status[n]  # as of the last flush: what the town's counts say too
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return ui_text.name(grid.name)
            if col == COL_STATUS:
                return GS.status_label(status)
            on, total = self._grid_counts[n]
            return f"{on}/{total}"
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            return GS.status_icon(status, stale)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            colour = GS.status_colour(status)
            return QColor("#8a929c") if stale else colour
        if role == Qt.ItemDataRole.FontRole and col == COL_STATUS and stale:
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            on, total = self._grid_counts[n]
            return GS.rich_lines(GS.grid_tooltip_lines(grid, online=on, total=total, stale_age=self._stale_age))
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_NAME:
            return f"{grid.name}, {GS.status_text(status)}"
        if role == ItemIdRole:
            return gid
        if role == ItemTypeRole:
            return "grid"
        if role == StatusRole:
            return status
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ONLINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _town_data(self, ti: int, col: int, role: int) -> Any:
        counts = self._town_status[ti]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return self._town_names[ti]
            if col == COL_STATUS:
                # the statuses that need eyes, by glyph: "✖ 1  ▲ 4"
                parts = [f"{GS.status_glyph(s)} {counts[s]}" for s in SEVERITY[:3] if counts[s]]
                return "  ".join(parts) if parts else GS.status_label(GridStatus.NORMAL)
            on, total = self._town_counts[ti]
            return f"{on}/{total}"
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            worst = next((s for s in SEVERITY if counts[s]), GridStatus.NORMAL)
            return GS.status_icon(worst, self._stale_age is not None)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            if self._stale_age is not None:
                return QColor("#8a929c")
            if counts[GridStatus.INCIDENT]:
                return GS.status_colour(GridStatus.INCIDENT)
            if counts[GridStatus.ATTENTION]:
                return GS.status_colour(GridStatus.ATTENTION)
            return theme.NEUTRAL
        if role == Qt.ItemDataRole.ToolTipRole:
            on, total = self._town_counts[ti]
            lines = [self._town_names[ti],
                     self.tr("Grids: {n}").format(n=len(self._all_town_grids[ti]))]
            lines += [f"{GS.status_label(s)}: {counts[s]}" for s in GS.STATUS_ORDER if counts[s]]
            lines.append(self.tr("Cameras online: {online} of {total}").format(online=on, total=total))
            return GS.rich_lines(lines)
        if role == ItemIdRole:
            return str(self._town_nums[ti]) if self._town_nums[ti] is not None else ""
        if role == ItemTypeRole:
            return "town"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ONLINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _camera_tooltip(self, cam: Camera) -> str:
        state = self.tr("online") if cam.online else self.tr("offline")
        return GS.rich_lines([cam.name, self.tr("GB id: {id}").format(id=cam.id), state])
