"""The resource panel: a search box over the site/camera tree, for the left dock.

Typing filters after a short pause (debounced), so a fast typist does not
pay for every intermediate word; Enter applies at once, Escape clears. The
sites the operator had open come back when the search is cleared or the
inventory is reloaded.

A segmented switch offers a second way to browse: "Grids" (网格), town →
grid → cameras with each grid's status and counts (``grid_tree_model.py``),
a status filter that combines with the search, and a banner while the
statuses are stale (the session is reconnecting). A search that matches
nothing in the chosen statuses but matches elsewhere drops the status filter
and says so: Ctrl+F must find what the operator typed.

Enter on a site, a grid or several rows puts them on the wall as a drag does
(``items_activated``); Enter or a double-click on one camera puts it on the
selected tile (``camera_activated``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from controlroom.ui import grid_status as GS
from controlroom.ui import grid_tree_model as GT
from controlroom.ui.camera_names import (
    ELIDE,
    CameraNameDelegate,
    preferred_name_width,
    visible_text,
)
from controlroom.ui.lazy_tree import ITEMS_MIME
from controlroom.ui.tree_model import (
    COL_NAME,
    COL_ONLINE,
    ItemIdRole,
    ItemTypeRole,
    ResourceTreeModel,
)
from controlroom.ui.wall.tile_widget import decode_items
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import GridStatus
from controlroom.inventory import Inventory

SEARCH_DEBOUNCE_MS = 150
# Up to this many matching cameras, a search opens every matching site.
EXPAND_ALL_MAX = 400
SITES, GRIDS = "sites", "grids"

_SEGMENT_STYLE = """
QToolButton { padding: 2px 12px; border: 1px solid #3a4048; background: #1e2226; color: #aeb5bd; }
QToolButton:checked { background: #3d6f9e; color: #ffffff; border-color: #3d6f9e; }
QToolButton#segLeft { border-top-left-radius: 4px; border-bottom-left-radius: 4px; }
QToolButton#segRight { border-top-right-radius: 4px; border-bottom-right-radius: 4px; border-left: none; }
"""


def status_filters() -> list[tuple[str, frozenset[GridStatus] | None]]:
    """The status filter's choices: (words, statuses; None for all)."""
    return [
        (QCoreApplication.translate("ResourcePanel", "All statuses"), None),
        (GS.status_label(GridStatus.INCIDENT), frozenset({GridStatus.INCIDENT})),
        (GS.status_label(GridStatus.ATTENTION), frozenset({GridStatus.ATTENTION})),
        (QCoreApplication.translate("ResourcePanel", "{incident} or {attention}").format(
            incident=GS.status_label(GridStatus.INCIDENT), attention=GS.status_label(GridStatus.ATTENTION)),
         frozenset({GridStatus.INCIDENT, GridStatus.ATTENTION})),
        (GS.status_label(GridStatus.NO_COVERAGE), frozenset({GridStatus.NO_COVERAGE})),
        (GS.status_label(GridStatus.NORMAL), frozenset({GridStatus.NORMAL})),
    ]


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
    #: Enter on sites, grids or several rows: [(type, GB id), ...] as a drag carries them
    items_activated = Signal(list)

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResourceTreeModel(inventory, self)
        self.model_inventory = inventory
        self.grid_model = GT.GridTreeModel(inventory, self)
        self._saved_expansion: set[str] = set()
        self._saved_grid_expansion: set[tuple[str, str]] = set()
        self.staleness: GS.GridStaleness | None = None
        self._status_note = ""  # why the status filter was dropped for a search

        # ---- "Sites | Grids": two ways to browse
        self.mode_sites = QToolButton(self)
        self.mode_sites.setObjectName("segLeft")
        self.mode_sites.setText(self.tr("Sites"))
        self.mode_sites.setToolTip(self.tr("Browse by site: county, towns, villages, cameras"))
        self.mode_grids = QToolButton(self)
        self.mode_grids.setObjectName("segRight")
        self.mode_grids.setText(self.tr("Grids"))
        self.mode_grids.setToolTip(self.tr("Browse by community grid (网格): towns, grids and their status, cameras"))
        self._modes = QButtonGroup(self)
        for i, b in enumerate((self.mode_sites, self.mode_grids)):
            b.setCheckable(True)
            b.setStyleSheet(_SEGMENT_STYLE)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._modes.addButton(b, i)
        self.mode_sites.setChecked(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Grid status filter"))
        self.status_filter.setToolTip(self.tr("Show only the grids in this status; combines with the search"))
        self._filters = status_filters()
        for words, _statuses in self._filters:
            self.status_filter.addItem(words)
        self.status_filter.hide()
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.setSpacing(0)
        modes.addWidget(self.mode_sites)
        modes.addWidget(self.mode_grids)
        modes.addSpacing(8)
        modes.addWidget(self.status_filter, 1)
        modes.addStretch(0)

        self.stale_banner = QLabel(self)
        self.stale_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_banner.setWordWrap(True)
        self.stale_banner.setStyleSheet(
            "background: #3a2f1a; color: #f0c777; border: 1px solid #6b5526; border-radius: 3px; padding: 3px 6px;")
        self.stale_banner.hide()

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
        # cameras read own name first, cut in the middle: "村口…2号 · 北武台社区", not "北武台社…"
        self.names = CameraNameDelegate(inventory, self)
        self.view.setItemDelegateForColumn(COL_NAME, self.names)
        self.view.setTextElideMode(ELIDE)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ONLINE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_ONLINE, self.fontMetrics().horizontalAdvance("00000/00000") + 16)

        self.grid_view = QTreeView(self)
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setUniformRowHeights(True)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.setAnimated(False)
        self.grid_view.setDragEnabled(True)  # grids and cameras onto the wall
        self.grid_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.grid_view.setAccessibleName(self.tr("Grids and cameras"))
        self.grid_view.setItemDelegateForColumn(GT.COL_NAME, self.names)
        self.grid_view.setTextElideMode(ELIDE)
        gh = self.grid_view.header()
        gh.setStretchLastSection(False)
        gh.setSectionResizeMode(GT.COL_NAME, QHeaderView.ResizeMode.Stretch)
        gh.setSectionResizeMode(GT.COL_STATUS, QHeaderView.ResizeMode.Interactive)
        gh.setSectionResizeMode(GT.COL_ONLINE, QHeaderView.ResizeMode.Fixed)
        fm = self.fontMetrics()
        gh.resizeSection(GT.COL_STATUS, fm.horizontalAdvance("✖ No coverage ·") + 20)
        gh.resizeSection(GT.COL_ONLINE, fm.horizontalAdvance("0000/0000") + 16)
        self.trees = QStackedWidget(self)
        self.trees.addWidget(self.view)
        self.trees.addWidget(self.grid_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(modes)
        layout.addWidget(self.search)
        layout.addWidget(self.summary)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.trees, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_search)
        self.search.escape.connect(self.search.clear)
        self.search.down.connect(self.focus_tree)
        self.view.installEventFilter(self)
        self.grid_view.installEventFilter(self)
        self.view.activated.connect(self._on_activated)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.model.totals_changed.connect(self._update_summary)
        self.grid_view.activated.connect(self._on_activated)
        self.grid_model.modelAboutToBeReset.connect(self._before_grid_reset)
        self.grid_model.modelReset.connect(self._after_grid_reset)
        self.grid_model.counts_changed.connect(self._update_summary)
        self.grid_model.filter_applied.connect(self._update_summary)
        self.grid_model.rowsInserted.connect(self._on_grid_rows_inserted)
        self._modes.idClicked.connect(lambda i: self.set_mode(GRIDS if i == 1 else SITES))
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        self._after_reset()
        self._after_grid_reset()

    # ------------------------------------------------------------------ names

    def preferred_width(self) -> int:
        """The panel's default width: the longest site and camera names whole, within reason."""
        name = preferred_name_width(self.view, self.model_inventory, self.names)
        online = self.view.header().sectionSize(COL_ONLINE)
        margins = self.layout().contentsMargins()
        return max(260, min(560, name + online + margins.left() + margins.right() + 24))

    def visible_text(self, index: QModelIndex) -> str:
        """What a row of the site tree shows at the current width."""
        return visible_text(self.view, index)

    # ------------------------------------------------------------------ search

    def apply_search(self) -> None:
        """Filter the tree on show by the search box now (the debounce timer calls this)."""
        self._debounce.stop()
        if self.mode != GRIDS:
            self.model.set_filter(self.search.text())
            return
        self._status_note = ""
        grids, _cams = self.grid_model.set_filter(self.search.text())
        i = self.status_filter.currentIndex()
        if grids == 0 and i > 0 and self.grid_model.text_matches():
            # found, but not in the statuses chosen: show where it is rather than nothing
            status = self._filters[i][0]
            self.status_filter.setCurrentIndex(0)
            self._status_note = self.tr("Not in “{status}”: showing every status.").format(status=status)
        self._update_summary()

    # ------------------------------------------------------------------ modes

    @property
    def mode(self) -> str:
        return GRIDS if self.mode_grids.isChecked() else SITES

    def set_grids_offered(self, offered: bool, reason: str = "") -> None:
        """Grey out the Grids mode, with ``reason`` as its tooltip, on a platform without grids."""
        self._grids_offered = offered
        self.mode_grids.setEnabled(offered)
        self.mode_grids.setToolTip(reason if not offered else self.tr(
            "Browse by community grid (网格): towns, grids and their status, cameras"))
        if not offered and self.mode == GRIDS:
            self.set_mode(SITES)

    def set_mode(self, mode: str) -> None:
        """Browse by ``"sites"`` or by ``"grids"``; the search follows to the tree shown."""
        grids = mode == GRIDS and getattr(self, "_grids_offered", True)
        (self.mode_grids if grids else self.mode_sites).setChecked(True)
        self.trees.setCurrentWidget(self.grid_view if grids else self.view)
        self.status_filter.setVisible(grids)
        if grids:
            self.search.setPlaceholderText(self.tr("Search: grid, town or camera name, GB id"))
        else:
            self.search.setPlaceholderText(self.tr("Search: camera or site name, GB id"))
        self.apply_search()
        self._show_stale()
        self._update_summary()

    def set_status_filter(self, statuses: frozenset[GridStatus] | set[GridStatus] | None) -> None:
        """Show only the grids in ``statuses`` (None: all); the combo box follows."""
        wanted = frozenset(statuses) if statuses is not None else None
        for i, (_words, choice) in enumerate(self._filters):
            if choice == wanted:
                self.status_filter.setCurrentIndex(i)
                return
        self.grid_model.set_status_filter(wanted)

    def _on_status_filter(self, i: int) -> None:
        self._status_note = ""
        if 0 <= i < len(self._filters):
            self.grid_model.set_status_filter(self._filters[i][1])

    # ------------------------------------------------------------------ stale grid statuses

    def follow_session(self, session: Any) -> Callable[[], None]:
        """Mark grid statuses stale while ``session`` reconnects (its ``on_state``); returns how to stop."""
        if self.staleness is None:
            self.staleness = GS.GridStaleness(parent=self)
            self.staleness.changed.connect(self._show_stale)
        self.staleness.follow(session)
        return self.staleness.stop

    def _show_stale(self) -> None:
        age = self.staleness.age() if self.staleness is not None else None
        self.grid_model.set_stale(age)
        if age is None:
            self.stale_banner.hide()
            return
        self.stale_banner.setText(self.tr("Grid statuses {age}: the live updates stopped; reconnecting…").format(
            age=GS.age_text(age)))
        self.stale_banner.setVisible(self.mode == GRIDS)

    def stale_text(self) -> str:
        return self.stale_banner.text() if self.staleness is not None and self.staleness.stale else ""

    def _update_summary(self) -> None:
        if self.mode == GRIDS:
            self._update_grid_summary()
            return
        text = self.model.filter_text()
        cams, sites = self.model.match_counts()
        if not text:
            on, total = self.model.totals()
            self.summary.setText(self.tr("{online} of {total} cameras online").format(online=f"{on:,}", total=f"{total:,}"))
        elif cams == 0 and sites == 0:
            self.summary.setText(self.tr("Nothing matches “{text}”").format(text=self.search.text().strip()))
        else:
            self.summary.setText(self.tr("{cameras} cameras and {sites} sites match").format(cameras=f"{cams:,}", sites=f"{sites:,}"))

    def _update_grid_summary(self) -> None:
        m = self.grid_model
        counts = m.status_counts()
        grids, cams = m.shown_counts()
        if m.filtered():
            if grids == 0:
                self.summary.setText(self.tr("No grid matches"))
            else:
                shown = self.tr("{grids} grids, {cameras} cameras shown").format(grids=f"{grids:,}", cameras=f"{cams:,}")
                self.summary.setText(f"{self._status_note} {shown}" if self._status_note else shown)
        else:
            self.summary.setText(self.tr("{grids} grids · {incident} · {attention}").format(
                grids=f"{sum(counts.values()):,}",
                incident=f"{GS.status_glyph(GridStatus.INCIDENT)} {counts[GridStatus.INCIDENT]}",
                attention=f"{GS.status_glyph(GridStatus.ATTENTION)} {counts[GridStatus.ATTENTION]}"))
        for i, (words, choice) in enumerate(self._filters):
            if choice is not None:
                n = sum(counts[s] for s in choice)
                self.status_filter.setItemText(i, self.tr("{status} ({n})").format(status=words, n=n))

    # ------------------------------------------------------------------ expansion

    def _on_grid_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        # a town that comes into a status filter opens, as the others did
        if not parent.isValid() and self.grid_model.filtered():
            for row in range(first, last + 1):
                self.grid_view.expand(self.grid_model.index(row, 0))

    def _before_grid_reset(self) -> None:
        m, v = self.grid_model, self.grid_view
        if m.filtered():
            return
        out: set[tuple[str, str]] = set()
        for trow in range(m.rowCount()):
            town = m.index(trow, 0)
            if not v.isExpanded(town):
                continue
            out.add(("town", m.data(town, ItemIdRole)))
            for grow in range(m.rowCount(town)):
                g = m.index(grow, 0, town)
                if v.isExpanded(g):
                    out.add(("grid", m.data(g, ItemIdRole)))
        self._saved_grid_expansion = out

    def _after_grid_reset(self) -> None:
        m, v = self.grid_model, self.grid_view
        v.setUpdatesEnabled(False)
        try:
            if m.filtered():
                _grids, cams = m.shown_counts()
                if cams <= EXPAND_ALL_MAX and m.filter_text():
                    v.expandAll()
                else:
                    v.expandToDepth(0)  # the towns open: the grids that match show
            else:
                for kind, item_id in self._saved_grid_expansion:
                    if kind == "town":
                        idx = m.index_for_town(int(item_id) if item_id else None)
                    else:
                        idx = m.index_for_grid(item_id)
                    if idx.isValid():
                        v.expand(idx)
        finally:
            v.setUpdatesEnabled(True)
        self._update_summary()

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

    def focus_tree(self) -> None:
        """Keyboard focus into the tree on show (its first row when none is current)."""
        view = self.grid_view if self.mode == GRIDS else self.view
        model = view.model()
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.currentIndex().isValid() and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and watched in (self.view, self.grid_view)
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)):
            items = self.selected_items()
            if len(items) > 1 or (items and items[0][0] != "camera"):
                self.items_activated.emit(items)
                return True
        return super().eventFilter(watched, event)

    def selected_items(self) -> list[tuple[str, str]]:
        """(type, GB id) of the rows selected in the tree on show (else its current row), as a drag carries them."""
        view = self.grid_view if self.mode == GRIDS else self.view
        model = view.model()
        rows = view.selectionModel().selectedRows(0)
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().siblingAtColumn(0)]
        if not rows:
            return []
        return decode_items(model.mimeData(rows).data(ITEMS_MIME))

    def _on_activated(self, index: QModelIndex) -> None:
        model = index.model()
        if model is not None and model.data(index, ItemTypeRole) == "camera":
            self.camera_activated.emit(model.data(index, ItemIdRole))
