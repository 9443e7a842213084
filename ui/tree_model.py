"""The resource tree: county → town sites → village sites → cameras, over an Inventory.

A hand-written ``QAbstractItemModel`` because 28,500 cameras must stay
cheap: no item objects and no widget per camera. Sites are numbered on each
reset; an index's internal id says what it is:

* ``site_number * 2``       — a site;
* ``site_number * 2 + 1``   — a camera of that site (its row says which).

So a camera costs nothing until a view asks for its row, and ``parent()`` is
arithmetic. Search is done here too, not in a QSortFilterProxyModel: a proxy
with recursive filtering calls back into Python for every row and maps every
parent, which is far too slow for one keystroke on 28,500 cameras. Instead
each camera has a precomputed, case-folded search key (name, GB id, and the
names of its sites), a keystroke is one substring test per camera, and the
model swaps in the filtered child lists with a reset.

Display text is only ever plain (``DisplayRole``); tooltips are built as
rich text with every platform-supplied string escaped, because Qt guesses
"rich text" for tooltips and a camera named ``<b>gate</b>`` must show its
tags literally.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from controlroom.ui import text as ui_text
from controlroom.ui import theme
from controlroom.ui.lazy_tree import (
    FLUSH_MS,
    ITEMS_MIME,
    AnyIndex,
    ItemIdRole,
    ItemTypeRole,
    LazyTreeModel,
    OnlineRole,
)
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal

from controlroom.api.schema import Camera, CameraKind, Site, SiteKind
from controlroom.inventory import Inventory, InventoryDelta

log = logging.getLogger("controlroom.ui.tree")

# the roles and the drag format are lazy_tree's; they are imported from here too
__all__ = [
    "COLUMNS",
    "COL_NAME",
    "COL_ONLINE",
    "FLUSH_MS",
    "ITEMS_MIME",
    "ItemIdRole",
    "ItemTypeRole",
    "OnlineRole",
    "ResourceTreeModel",
    "camera_kind_text",
    "site_kind_text",
]

COL_NAME = 0
COL_ONLINE = 1
COLUMNS = 2

# A site's online count turns amber below this share of its cameras online.
OUTAGE_RATIO = 0.9


def camera_kind_text(kind: CameraKind) -> str:
    words = {
        CameraKind.VILLAGE: QCoreApplication.translate("ResourceTreeModel", "village camera"),
        CameraKind.ROAD: QCoreApplication.translate("ResourceTreeModel", "road camera"),
        CameraKind.CHECKPOINT: QCoreApplication.translate("ResourceTreeModel", "checkpoint"),
        CameraKind.SOCIAL: QCoreApplication.translate("ResourceTreeModel", "social camera"),
    }
    return words.get(kind, str(kind))


def site_kind_text(kind: SiteKind) -> str:
    words = {
        SiteKind.DISPATCH_CENTRE: QCoreApplication.translate("ResourceTreeModel", "county dispatch centre"),
        SiteKind.POLICE_STATION: QCoreApplication.translate("ResourceTreeModel", "police-station platform"),
        SiteKind.POLICE_OFFICE: QCoreApplication.translate("ResourceTreeModel", "police-office platform"),
        SiteKind.VILLAGE: QCoreApplication.translate("ResourceTreeModel", "village platform"),
    }
    return words.get(kind, str(kind))


class ResourceTreeModel(LazyTreeModel):
    """Sites and cameras of an Inventory as a lazy two-column tree.

    ``filter_applied`` and ``set_filter`` count (matching cameras, matching sites).
    """

    COL_ONLINE = COL_ONLINE
    COLUMNS = COLUMNS

    #: the online/total totals of the whole tree changed: (online, total)
    totals_changed = Signal(int, int)

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(inventory, parent)
        self._match_cameras = 0
        self._match_sites = 0
        self._follow_inventory()

    # ------------------------------------------------------------------ structure

    def _clear_structure(self) -> None:
        self._site_ids: list[str] = []  # site number -> GB id
        self._site_num: dict[str, int] = {}
        self._site_parent: list[int] = []  # -1: a root
        self._all_roots: list[int] = []
        self._all_child_sites: list[list[int]] = []
        self._all_cameras: list[list[str]] = []  # camera ids per site number, in order
        self._camera_site: dict[str, int] = {}
        self._online: dict[str, bool] = {}  # what the view shows; compared on deltas
        self._direct: list[list[int]] = []  # [online, total] of a site's own cameras
        self._agg: list[list[int]] = []  # [online, total] of the site and everything below
        self._keys: list[tuple[str, str, int]] | None = None  # (key, camera id, site number)
        self._site_keys: list[str] | None = None
        # what is visible (the full tree, or the search result)
        self._roots: list[int] = []
        self._child_sites: list[list[int]] = []
        self._cameras: Sequence[Sequence[str]] = []
        self._site_row: list[int] = []
        self._camera_row: dict[str, int] | None = None  # built on the first delta

    def _rebuild(self) -> None:
        """Index the inventory afresh (first load or resync)."""
        self._clear_structure()
        inv = self._inv
        ids = self._site_ids
        num = self._site_num
        parents = self._site_parent
        # number sites depth first so that numbers follow the tree's order
        stack: list[tuple[Site, int]] = [(s, -1) for s in reversed(inv.root_sites())]
        while stack:
            site, parent = stack.pop()
            if site.id in num:  # a cycle in bad data: show the site once
                continue
            n = len(ids)
            ids.append(site.id)
            num[site.id] = n
            parents.append(parent)
            stack.extend((c, n) for c in reversed(inv.child_sites(site.id)))
        count = len(ids)
        child_sites: list[list[int]] = [[] for _ in range(count)]
        roots: list[int] = []
        for n, p in enumerate(parents):
            (roots if p < 0 else child_sites[p]).append(n)
        cameras: list[list[str]] = []
        direct: list[list[int]] = []
        online_map = self._online
        camera_site = self._camera_site
        for n, sid in enumerate(ids):
            cams = inv.site_cameras(sid)
            cids = [c.id for c in cams]
            on = 0
            for c in cams:
                online_map[c.id] = c.online
                camera_site[c.id] = n
                on += c.online
            cameras.append(cids)
            direct.append([on, len(cids)])
        agg = [list(d) for d in direct]
        # children have higher numbers than their parents: roll totals up backwards
        for n in range(count - 1, -1, -1):
            p = parents[n]
            if p >= 0:
                agg[p][0] += agg[n][0]
                agg[p][1] += agg[n][1]
        self._all_roots = roots
        self._all_child_sites = child_sites
        self._all_cameras = cameras
        self._direct = direct
        self._agg = agg
        self._show(roots, child_sites, cameras)

    def _show(
        self, roots: list[int], child_sites: list[list[int]], cameras: Sequence[Sequence[str]]
    ) -> None:
        self._roots = roots
        self._child_sites = child_sites
        self._cameras = cameras
        site_row = [0] * len(self._site_ids)
        for row, n in enumerate(roots):
            site_row[n] = row
        for kids in child_sites:
            for row, n in enumerate(kids):
                site_row[n] = row
        self._site_row = site_row
        self._camera_row = None

    # ------------------------------------------------------------------ search

    def match_counts(self) -> tuple[int, int]:
        """(cameras, sites) that match the current search; all of them when there is none."""
        if not self._needle:
            return len(self._camera_site), len(self._site_ids)
        return self._match_cameras, self._match_sites

    def _build_keys(self) -> None:
        names = [self._inv.sites[sid].name for sid in self._site_ids]
        # a site's key holds its own name and id and the names of the sites above it
        # (not the root's: the county name would match every camera)
        path: list[str] = []
        for n in range(len(self._site_ids)):
            p = self._site_parent[n]
            above = path[p] if p >= 0 and self._site_parent[p] >= 0 else ""
            path.append(f"{names[n]}\n{above}" if above else names[n])
        self._site_keys = [f"{path[n]}\n{sid}".casefold() for n, sid in enumerate(self._site_ids)]
        keys: list[tuple[str, str, int]] = []
        cams = self._inv.cameras
        for n, cids in enumerate(self._all_cameras):
            site_path = path[n] if self._site_parent[n] >= 0 else ""
            for cid in cids:
                keys.append((f"{cams[cid].name}\n{cid}\n{site_path}".casefold(), cid, n))
        self._keys = keys

    def _filter_counts(self) -> tuple[int, int]:
        return self.match_counts()

    def _search(self, needle: str) -> None:
        """Cameras whose name, GB id or site names contain ``needle``; sites that match or hold a match."""
        if not needle:
            self._show(self._all_roots, self._all_child_sites, self._all_cameras)
        else:
            self._apply_filter(needle)

    def _apply_filter(self, needle: str) -> None:
        if self._keys is None or self._site_keys is None:
            self._build_keys()
        assert self._keys is not None and self._site_keys is not None
        count = len(self._site_ids)
        cameras: list[list[str]] = [[] for _ in range(count)]
        visible = bytearray(count)
        matched = 0
        for key, cid, n in self._keys:
            if needle in key:
                cameras[n].append(cid)
                visible[n] = 1
                matched += 1
        sites_matched = 0
        for n, key in enumerate(self._site_keys):
            if needle in key:
                visible[n] = 1
                sites_matched += 1
        parents = self._site_parent
        # children come after parents: walking backwards marks every ancestor
        for n in range(count - 1, -1, -1):
            if visible[n]:
                p = parents[n]
                if p >= 0:
                    visible[p] = 1
        roots = [n for n in self._all_roots if visible[n]]
        child_sites = [[c for c in kids if visible[c]] if visible[n] else [] for n, kids in enumerate(self._all_child_sites)]
        self._match_cameras = matched
        self._match_sites = sites_matched
        self._show(roots, child_sites, cameras)

    # ------------------------------------------------------------------ inventory changes

    def _delta_nodes(self, delta: InventoryDelta) -> set[str]:
        return delta.sites

    def _reset_done(self) -> None:
        self.totals_changed.emit(*self.totals())

    def _apply_changes(self, pending_sites: set[str], pending: set[str]) -> None:
        cams = self._inv.cameras
        changed_rows: dict[int, list[int]] = {}  # site number -> camera rows changed
        touched_sites: set[int] = set()
        if self._camera_row is None and pending:
            self._camera_row = {
                cid: len(self._child_sites[n]) + row
                for n, cids in enumerate(self._cameras)
                for row, cid in enumerate(cids)
            }
        for cid in pending:
            cam = cams.get(cid)
            n = self._camera_site.get(cid)
            if cam is None or n is None:
                continue
            was = self._online.get(cid)
            if was == cam.online:
                continue
            self._online[cid] = cam.online
            step = 1 if cam.online else -1
            self._direct[n][0] += step
            m = n
            while m >= 0:
                self._agg[m][0] += step
                touched_sites.add(m)
                m = self._site_parent[m]
            row = self._camera_row.get(cid) if self._camera_row is not None else None
            if row is not None:
                changed_rows.setdefault(n, []).append(row)
        for sid in pending_sites:
            n = self._site_num.get(sid)
            if n is not None:
                touched_sites.add(n)
        for n, rows in changed_rows.items():
            self._rows_changed(self._site_index(n), rows)
        for n in sorted(touched_sites):
            if self._is_visible_site(n):
                self._row_changed(self._site_index(n))
        if touched_sites:
            self.totals_changed.emit(*self.totals())

    def totals(self) -> tuple[int, int]:
        """(online, total) cameras in the whole tree."""
        on = sum(self._agg[n][0] for n in self._all_roots)
        total = sum(self._agg[n][1] for n in self._all_roots)
        return on, total

    # ------------------------------------------------------------------ lookups

    def _is_visible_site(self, n: int) -> bool:
        p = self._site_parent[n]
        row = self._site_row[n]
        siblings = self._roots if p < 0 else self._child_sites[p]
        return row < len(siblings) and siblings[row] == n

    def _site_index(self, n: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self._site_row[n], column, n * 2)

    def index_for_site(self, site_id: str) -> QModelIndex:
        """The index of a site, or an invalid index when it is not shown."""
        n = self._site_num.get(site_id)
        if n is None or not self._is_visible_site(n):
            return QModelIndex()
        return self._site_index(n)

    def index_for_camera(self, camera_id: str) -> QModelIndex:
        """The index of a camera, or an invalid index when it is not shown."""
        n = self._camera_site.get(camera_id)
        if n is None or not self._is_visible_site(n):
            return QModelIndex()
        try:
            row = list(self._cameras[n]).index(camera_id)
        except ValueError:
            return QModelIndex()
        return self.createIndex(len(self._child_sites[n]) + row, 0, n * 2 + 1)

    def _item(self, index: AnyIndex) -> tuple[Site | None, Camera | None]:
        iid = index.internalId()
        n = iid >> 1
        if iid & 1:
            k = index.row() - len(self._child_sites[n])
            return None, self._inv.cameras.get(self._cameras[n][k])
        return self._inv.sites.get(self._site_ids[n]), None

    # ------------------------------------------------------------------ QAbstractItemModel

    def _child_id(self, parent: int | None, row: int) -> int | None:
        if parent is None:
            return self._roots[row] * 2 if row < len(self._roots) else None
        if parent & 1:
            return None  # cameras have no children
        n = parent >> 1
        kids = self._child_sites[n]
        if row < len(kids):
            return kids[row] * 2
        if row < len(kids) + len(self._cameras[n]):
            return n * 2 + 1
        return None

    def _child_count(self, parent: int | None) -> int:
        if parent is None:
            return len(self._roots)
        if parent & 1:
            return 0
        n = parent >> 1
        return len(self._child_sites[n]) + len(self._cameras[n])

    def _parent_of(self, iid: int) -> QModelIndex:
        n = iid >> 1
        if iid & 1:
            return self.createIndex(self._site_row[n], 0, n * 2)
        p = self._site_parent[n]
        if p < 0:
            return QModelIndex()
        return self.createIndex(self._site_row[p], 0, p * 2)

    def _is_camera(self, iid: int) -> bool:
        return bool(iid & 1)

    def _drag_items(self, index: QModelIndex) -> Iterable[tuple[str, str]]:
        return [(self.data(index, ItemTypeRole), self.data(index, ItemIdRole))]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_NAME:
                return self.tr("Name")
            if section == COL_ONLINE:
                return self.tr("Online")
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_ONLINE:
            return self.tr("Cameras online / cameras in total, for the site and every site below it")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        site, cam = self._item(index)
        col = index.column()
        if cam is not None:
            return self._camera_data(cam, col, role)
        if site is not None:
            return self._site_data(site, index.internalId() >> 1, col, role)
        return None

    def _site_data(self, site: Site, n: int, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return ui_text.name(site.name)
            on, total = self._agg[n]
            return f"{on}/{total}" if total else ""
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            return theme.status_icon("square", site.online)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_ONLINE:
            on, total = self._agg[n]
            # a few cameras are always down somewhere: only a real outage earns colour
            return theme.WARNING if total and on < total * OUTAGE_RATIO else theme.NEUTRAL
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._site_tooltip(site, n)
        if role == ItemIdRole:
            return site.id
        if role == ItemTypeRole:
            return "site"
        if role == OnlineRole:
            return site.online
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ONLINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _camera_tooltip(self, cam: Camera) -> str:
        state = self.tr("online") if cam.online else self.tr("offline")
        lines = [
            cam.name,
            self.tr("GB id: {id}").format(id=cam.id),
            self.tr("Kind: {kind}").format(kind=camera_kind_text(cam.kind)),
            self.tr("State: {state}").format(state=state),
        ]
        if cam.ptz:
            lines.append(self.tr("PTZ control"))
        if cam.tags:
            lines.append(self.tr("Tags: {tags}").format(tags=", ".join(cam.tags)))
        return ui_text.rich_lines(lines)

    def _site_tooltip(self, site: Site, n: int) -> str:
        on, total = self._agg[n]
        state = self.tr("platform online") if site.online else self.tr("platform offline")
        return ui_text.rich_lines([
            site.name,
            self.tr("GB id: {id}").format(id=site.id),
            site_kind_text(site.kind),
            state,
            self.tr("Cameras online: {online} of {total}").format(online=on, total=total),
        ])
