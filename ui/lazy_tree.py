"""What the two lazy resource trees share: index plumbing, drags, coalesced deltas, the search's frame, camera rows.

The site tree (``tree_model.py``: sites → cameras) and the grid tree
(``grid_tree_model.py``: towns → grids → cameras) are hand-written
``QAbstractItemModel``s over an Inventory with no item objects: an index's
internal id says what it is. ``LazyTreeModel`` keeps what is the same in
both; each model keeps its own numbering (``_child_id``, ``_child_count``,
``_parent_of``, ``_is_camera``), what its rows show, what a drag of a row
carries, what its search matches, and what an inventory change repaints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from controlroom.ui import text as ui_text
from controlroom.ui import theme
from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from controlroom.api.schema import Camera
from controlroom.inventory import Inventory, InventoryDelta

ItemIdRole = Qt.ItemDataRole.UserRole + 1  # the GB id of a site, grid or camera
ItemTypeRole = Qt.ItemDataRole.UserRole + 2  # "site", "town", "grid" or "camera"
OnlineRole = Qt.ItemDataRole.UserRole + 3  # bool
#: what a drag from a tree carries (the wall's drop format): JSON [{"type": "site"|"grid"|"camera", "id": GB id}]
ITEMS_MIME = "application/x-controlroom-items"

# Coalesce changes that arrive close together into one repaint.
FLUSH_MS = 50

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


class LazyTreeModel(QAbstractItemModel):
    """A lazy tree over an Inventory; subclasses set ``COLUMNS``/``COL_ONLINE`` and call ``_follow_inventory()``."""

    COL_NAME: ClassVar[int] = 0
    COL_ONLINE: ClassVar[int]
    COLUMNS: ClassVar[int]

    #: a search or filter was applied: the two counts the model's ``set_filter`` returns
    filter_applied = Signal(int, int)
    # carries an inventory delta to the model's thread when announced elsewhere
    _delta_posted = Signal(object)

    def __init__(self, inventory: Inventory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inv = inventory
        self._needle = ""  # the case-folded search text
        self._pending_cameras: set[str] = set()
        self._pending_nodes: set[str] = set()  # sites or grids, as ``_delta_nodes`` says
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._delta_posted.connect(self._on_delta, Qt.ConnectionType.QueuedConnection)

    def _follow_inventory(self) -> None:
        """Index the inventory and follow its deltas (the end of a subclass's ``__init__``)."""
        self._rebuild()
        self._unsubscribe = self._inv.subscribe(self._on_inventory)
        self.destroyed.connect(self._unsubscribe)

    # ------------------------------------------------------------------ what each model says

    def _rebuild(self) -> None:
        """Index the inventory afresh (first load or resync), showing everything."""
        raise NotImplementedError

    def _search(self, needle: str) -> None:
        """Work out what ``needle`` shows (between begin/endResetModel)."""
        raise NotImplementedError

    def _filter_counts(self) -> tuple[int, int]:
        raise NotImplementedError

    def _delta_nodes(self, delta: InventoryDelta) -> set[str]:
        """The ids in a delta, other than cameras, that the model shows."""
        raise NotImplementedError

    def _apply_changes(self, nodes: set[str], cameras: set[str]) -> None:
        """Apply coalesced changes: update counts and emit ``dataChanged``."""
        raise NotImplementedError

    def _reset_done(self) -> None:
        """After a resync (announce the new counts)."""

    def _child_id(self, parent: int | None, row: int) -> int | None:
        """The internal id of a row under ``parent`` (None: the root), or None when there is no such row."""
        raise NotImplementedError

    def _child_count(self, parent: int | None) -> int:
        raise NotImplementedError

    def _parent_of(self, iid: int) -> QModelIndex:
        raise NotImplementedError

    def _is_camera(self, iid: int) -> bool:
        raise NotImplementedError

    def _drag_items(self, index: QModelIndex) -> Iterable[tuple[str, str]]:
        """(type, GB id) of what dragging this row carries."""
        raise NotImplementedError

    def _camera_tooltip(self, cam: Camera) -> str:
        raise NotImplementedError

    # ------------------------------------------------------------------ search

    def filter_text(self) -> str:
        return self._needle

    def set_filter(self, text: str) -> tuple[int, int]:
        """Search case-insensitively for ``text``; returns and announces the model's counts."""
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginResetModel()
            self._needle = needle
            self._search(needle)
            self.endResetModel()
            self.filter_applied.emit(*self._filter_counts())
        return self._filter_counts()

    # ------------------------------------------------------------------ inventory deltas

    def _on_inventory(self, delta: InventoryDelta) -> None:
        if QThread.currentThread() == self.thread():
            self._on_delta(delta)
        else:
            # a view may only change on its own thread
            self._delta_posted.emit(delta)

    def _on_delta(self, delta: InventoryDelta) -> None:
        if delta.reset:
            self._pending_cameras.clear()
            self._pending_nodes.clear()
            self._flush_timer.stop()
            self.beginResetModel()
            self._rebuild()
            if self._needle:
                self._search(self._needle)
            self.endResetModel()
            self._reset_done()
            return
        nodes = self._delta_nodes(delta)
        if delta.cameras or nodes:
            self._pending_cameras |= delta.cameras
            self._pending_nodes |= nodes
            if not self._flush_timer.isActive():
                self._flush_timer.start()

    def flush(self) -> None:
        """Apply pending changes now (tests, benchmarks, a view about to be grabbed)."""
        self._flush_timer.stop()
        self._flush()

    def _flush(self) -> None:
        nodes, self._pending_nodes = self._pending_nodes, set()
        cameras, self._pending_cameras = self._pending_cameras, set()
        self._apply_changes(nodes, cameras)

    def _rows_changed(self, parent: QModelIndex, rows: list[int]) -> None:
        # one span per parent: a few unchanged rows repainted cost less than many signals
        self.dataChanged.emit(self.index(min(rows), 0, parent), self.index(max(rows), self.COLUMNS - 1, parent))

    def _row_changed(self, index: QModelIndex) -> None:
        self.dataChanged.emit(index, index.siblingAtColumn(self.COLUMNS - 1))

    # ------------------------------------------------------------------ QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        iid = self._child_id(parent.internalId() if parent.isValid() else None, row)
        return QModelIndex() if iid is None else self.createIndex(row, column, iid)

    def parent(self, index: AnyIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:  # QObject.parent() shares the name
            return super().parent()  # type: ignore[return-value]
        if not index.isValid():
            return QModelIndex()
        return self._parent_of(index.internalId())

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return self._child_count(None)
        if parent.column() > 0:
            return 0
        return self._child_count(parent.internalId())

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return self.COLUMNS

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # every row can be dragged onto the wall (ui/wall: ITEMS_MIME)
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if self._is_camera(index.internalId()):
            f |= Qt.ItemFlag.ItemNeverHasChildren
        return f

    def mimeTypes(self) -> list[str]:
        return [ITEMS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged rows as ``ITEMS_MIME``: a JSON list of {"type", "id"}, each once."""
        items: list[dict[str, str]] = []
        seen: set[str] = set()
        for index in indexes:
            if index.column() != self.COL_NAME or not index.isValid():
                continue
            for kind, item_id in self._drag_items(index):
                if item_id and item_id not in seen:
                    seen.add(item_id)
                    items.append({"type": kind, "id": item_id})
        mime = QMimeData()
        mime.setData(ITEMS_MIME, QByteArray(json.dumps(items).encode("utf-8")))
        return mime

    def _camera_data(self, cam: Camera, col: int, role: int) -> Any:
        """A camera row: the same in both trees but for its tooltip."""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                return ui_text.name(cam.name)
            if col == self.COL_ONLINE:
                return "" if cam.online else self.tr("offline")
            return ""
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_NAME:
            return theme.status_icon("dot", cam.online)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_ONLINE:
                return theme.OFFLINE
            return None if cam.online else QColor("#9aa1a9")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._camera_tooltip(cam)
        if role == ItemIdRole:
            return cam.id
        if role == ItemTypeRole:
            return "camera"
        if role == OnlineRole:
            return cam.online
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_ONLINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
