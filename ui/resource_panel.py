"""The resource panel: a search box over the site/camera tree, for the left dock.

Typing filters after a short pause (debounced), so a fast typist does not
pay for every intermediate word; Enter applies at once, Escape clears. The
sites the operator had open come back when the search is cleared or the
inventory is reloaded.
"""

from __future__ import annotations

from controlroom.ui.tree_model import (
    COL_NAME,
    COL_ONLINE,
    ItemIdRole,
    ItemTypeRole,
    ResourceTreeModel,
)
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from controlroom.inventory import Inventory

SEARCH_DEBOUNCE_MS = 150
# Up to this many matching cameras, a search opens every matching site.
EXPAND_ALL_MAX = 400


class _SearchEdit(QLineEdit):
    """A line edit that hands Escape and the arrow-down key to the panel."""

    escape = Signal()
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.escape.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class ResourcePanel(QWidget):
    """Search box, match count and tree of sites and cameras."""

    #: a camera was activated (double-click or Enter): its GB id
    camera_activated = Signal(str)

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResourceTreeModel(inventory, self)
        self._saved_expansion: set[str] = set()

        self.search = _SearchEdit(self)
        self.search.setPlaceholderText(self.tr("Search: camera or site name, GB id"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cameras"))
        self.search.setToolTip(self.tr("Type part of a camera or site name, or of a 20-digit GB id. Esc clears."))

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # carries what the operator typed
        self.summary.setObjectName("searchSummary")
        self.summary.setStyleSheet("color: palette(placeholder-text); padding: 0 2px;")

        self.view = QTreeView(self)
        self.view.setModel(self.model)
        # uniform rows let the view skip measuring 28,500 rows
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(False)
        self.view.setAnimated(False)
        # drag cameras and sites onto the video wall
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setAccessibleName(self.tr("Sites and cameras"))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ONLINE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_ONLINE, self.fontMetrics().horizontalAdvance("00000/00000") + 16)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_search)
        self.search.escape.connect(self.search.clear)
        self.search.down.connect(self._focus_tree)
        self.view.activated.connect(self._on_activated)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.model.totals_changed.connect(self._update_summary)
        self._after_reset()

    # ------------------------------------------------------------------ search

    def apply_search(self) -> None:
        """Filter the tree by the search box now (the debounce timer calls this)."""
        self._debounce.stop()
        self.model.set_filter(self.search.text())

    def _update_summary(self) -> None:
        text = self.model.filter_text()
        cams, sites = self.model.match_counts()
        if not text:
            on, total = self.model.totals()
            self.summary.setText(self.tr("{online} of {total} cameras online").format(online=f"{on:,}", total=f"{total:,}"))
        elif cams == 0 and sites == 0:
            self.summary.setText(self.tr("Nothing matches “{text}”").format(text=self.search.text().strip()))
        else:
            self.summary.setText(self.tr("{cameras} cameras and {sites} sites match").format(cameras=f"{cams:,}", sites=f"{sites:,}"))

    # ------------------------------------------------------------------ expansion

    def _expanded_ids(self) -> set[str]:
        out: set[str] = set()
        model = self.model
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                idx = model.index(row, 0, parent)
                if model.data(idx, ItemTypeRole) == "site" and self.view.isExpanded(idx):
                    out.add(model.data(idx, ItemIdRole))
                    stack.append(idx)
        return out

    def _before_reset(self) -> None:
        # only the unfiltered tree's expansion is the operator's own
        if not self.model.filter_text():
            self._saved_expansion = self._expanded_ids()

    def _after_reset(self) -> None:
        if self.model.filter_text():
            cams, _ = self.model.match_counts()
            if cams <= EXPAND_ALL_MAX:
                self.view.expandAll()
            else:
                self.view.expandToDepth(0)
        else:
            self.view.setUpdatesEnabled(False)
            try:
                if self._saved_expansion:
                    for sid in self._saved_expansion:
                        idx = self.model.index_for_site(sid)
                        if idx.isValid():
                            self.view.expand(idx)
                else:
                    # first load: open the county so the towns show
                    self.view.expandToDepth(0)
            finally:
                self.view.setUpdatesEnabled(True)
        self._update_summary()

    # ------------------------------------------------------------------ actions

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_tree(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        if self.model.data(index, ItemTypeRole) == "camera":
            self.camera_activated.emit(self.model.data(index, ItemIdRole))
