"""The alerts dock's content: filter bar, the alerts table, and the actions on the selection.

The pane only shows and asks: it emits ``acknowledge_requested`` (Space or
the button, with the note typed beside it), ``undo_requested`` (the Undo
button, or a click on "Acknowledging in 8 s… Undo"), ``show_requested``
(double-click, Enter or the button) and ``looked_at`` (the operator moved
onto alerts: they are read); the plugin does the work.

The list never moves under the operator: while the pointer is over the
table or it has the focus, new alerts are held and announced ("3 new ↑",
a click shows them) and the selection stays on the alerts clicked, so
Space acknowledges the alert the operator chose.
"""

from __future__ import annotations

from controlroom.plugins.alerts.api import AlertFilter, AlertState
from controlroom.plugins.alerts.widgets import words
from controlroom.plugins.alerts.widgets.model import (
    ALERT_ID_ROLE,
    AlertFilterProxy,
    AlertTableModel,
    Column,
)
from controlroom.ui.api import gate
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import AlertKind, Severity

#: Rows the pane shows when it opens (issue 9: three were too few to work in).
DEFAULT_ROWS = 8


class AlertTable(QTableView):
    """The table, with the operator's keys: Space acknowledges, Enter shows on the wall."""

    space_pressed = Signal()
    enter_pressed = Signal()

    def rows_height(self, rows: float) -> int:
        return (self.horizontalHeader().sizeHint().height() + round(rows * self.verticalHeader().defaultSectionSize())
                + 2 * self.frameWidth() + self.horizontalScrollBar().sizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.rows_height(DEFAULT_ROWS + 0.5))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.rows_height(3))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_Space and plain:
            self.space_pressed.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AlertsPane(QWidget):
    #: alert ids to acknowledge (the open ones of the selection), and the note (may be "")
    acknowledge_requested = Signal(list, str)
    #: acknowledgements to take back before they are sent (alert ids; empty: all of them)
    undo_requested = Signal(list)
    #: alert id to put on the wall
    show_requested = Signal(str)
    #: "Play from 30 s before": the alert's cameras in playback from just before it (alert id)
    playback_requested = Signal(str)
    #: alert ids the operator looked at (they are read now)
    looked_at = Signal(list)
    #: "Mark all read"
    all_read_requested = Signal()

    def __init__(self, model: AlertTableModel, proxy: AlertFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPane")
        self.model = model
        self.proxy = proxy
        proxy.setSourceModel(model)
        self._can_acknowledge = True
        self._acknowledge_reason = ""
        self._can_show = True
        self._show_reason = ""

        # ---- filter bar
        self.search = QLineEdit(self)
        self.search.setObjectName("alertsSearch")
        self.search.setPlaceholderText(self.tr("Search alerts: place, camera, plate, who…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("alertsKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in AlertKind:
            self.kind.addItem(words.kind_text(kind), kind)
        self.severity = QComboBox(self)
        self.severity.setObjectName("alertsSeverity")
        self.severity.addItem(self.tr("All severities"), None)
        for sev in words.SEVERITY_ORDER:
            self.severity.addItem(words.severity_icon(sev), words.severity_text(sev), sev)
        self.state = QComboBox(self)
        self.state.setObjectName("alertsState")
        self.state.addItem(self.tr("Open and acknowledged"), None)
        self.state.addItem(self.tr("Open"), AlertState.OPEN)
        self.state.addItem(self.tr("Acknowledged"), AlertState.ACKNOWLEDGED)
        self.town = QComboBox(self)
        self.town.setObjectName("alertsTown")
        self.set_towns({})
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 3)
        for combo in (self.kind, self.severity, self.state, self.town):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(combo)
        self.search.textChanged.connect(self._filter_changed)
        for combo in (self.kind, self.severity, self.state, self.town):
            combo.currentIndexChanged.connect(self._filter_changed)

        # ---- the table
        self.table = AlertTable(self)
        self.table.setObjectName("alertsTable")
        self.table.setModel(proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for col, width in ((Column.SEVERITY, 92), (Column.RAISED, 78), (Column.KIND, 112),
                           (Column.TOWN, 84), (Column.PLACE, 190), (Column.ACKNOWLEDGED, 170)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.clicked.connect(self._clicked)
        self.table.setMouseTracking(True)
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
        self._hovered = False
        self._kept: tuple[list[str], str | None] | None = None
        proxy.modelAboutToBeReset.connect(self._keep_selection)
        proxy.modelReset.connect(self._restore_selection)

        # ---- new alerts held while the operator works in the list
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("alertsNew")
        self.new_button.setToolTip(self.tr("New alerts wait here while you work in the list; click to show them"))
        self.new_button.setStyleSheet("QPushButton { background: #1f4f7a; color: #e8f2fc; font-weight: 600; "
                                      "padding: 2px 10px; }")
        self.new_button.clicked.connect(self.show_new)
        self.new_button.hide()
        self.table.space_pressed.connect(self.request_acknowledge)
        self.table.enter_pressed.connect(self.request_show)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        # ---- actions and what happened
        self.message = QLabel(self)
        self.message.setObjectName("alertsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count = QLabel(self)
        self.count.setObjectName("alertsCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setContentsMargins(0, 0, 16, 0)
        self.note = QLineEdit(self)
        self.note.setObjectName("alertsNote")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setToolTip(self.tr("Sent with the acknowledgement; every desk sees it"))
        self.note.setMaxLength(500)  # the platform's limit
        self.note.returnPressed.connect(self.request_acknowledge)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("alertsUndo")
        self.undo_button.setToolTip(self.tr("Take back the acknowledgements not sent yet"))
        self.undo_button.clicked.connect(lambda: self.undo_requested.emit([]))
        self.undo_button.hide()
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setObjectName("alertsAcknowledge")
        self.ack_button.clicked.connect(self.request_acknowledge)
        self.wall_button = QPushButton(self.tr("Show on wall"), self)
        self.wall_button.setObjectName("alertsShowOnWall")
        self.wall_button.clicked.connect(self.request_show)
        self.playback_button = QPushButton(self.tr("Play from 30 s before"), self)
        self.playback_button.setObjectName("alertsPlayBefore")
        self.playback_button.clicked.connect(self.request_playback)
        self.read_button = QPushButton(self.tr("Mark all read"), self)
        self.read_button.setObjectName("alertsMarkAllRead")
        self.read_button.clicked.connect(self.all_read_requested)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.count)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.read_button)
        actions.addWidget(self.wall_button)
        actions.addWidget(self.playback_button)
        actions.addWidget(self.note)
        actions.addWidget(self.ack_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        proxy.rowsInserted.connect(self._update_count)
        proxy.rowsRemoved.connect(self._update_count)
        proxy.modelReset.connect(self._update_count)
        proxy.layoutChanged.connect(self._update_count)
        self._update_buttons()
        self._update_count()

    # ------------------------------------------------------------------ set up by the plugin

    def set_towns(self, towns: dict[int, str]) -> None:
        """Fill the town filter (keeps the chosen town when it is still there)."""
        current = self.town.currentData()
        self.town.blockSignals(True)
        self.town.clear()
        self.town.addItem(self.tr("All towns"), None)
        for n, name in towns.items():
            self.town.addItem(name, n)
        i = self.town.findData(current) if current is not None else 0
        self.town.setCurrentIndex(max(i, 0))
        self.town.blockSignals(False)
        if current is not None and i < 0:
            self._filter_changed()

    def set_can_acknowledge(self, can: bool, reason: str = "") -> None:
        self._can_acknowledge, self._acknowledge_reason = can, reason
        self._update_buttons()

    def set_can_show(self, can: bool, reason: str = "") -> None:
        self._can_show, self._show_reason = can, reason
        self._update_buttons()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(words.rich(text) if text else "")

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[str]:
        """The selected alerts, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ALERT_ID_ROLE) for r in rows]

    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.siblingAtColumn(0).data(ALERT_ID_ROLE) if idx.isValid() else None

    def select_alert(self, alert_id: str) -> bool:
        """Make ``alert_id`` the current, only selected row (False when filtered out or unknown)."""
        row = self.model.row_of(alert_id)
        if row is None:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        self.table.selectRow(idx.row())
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_ids()
        if ids:
            self.looked_at.emit(ids)
        self._update_buttons()

    # ------------------------------------------------------------------ the list holds still

    @property
    def frozen(self) -> bool:
        """The operator works in the list (pointer over it, or focus in it): no row moves."""
        return self._hovered or self.table.hasFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.table.viewport() and kind in (QEvent.Type.Enter, QEvent.Type.Leave):
            self._hovered = kind == QEvent.Type.Enter
            self._follow_freeze()
        elif watched is self.table and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._follow_freeze()
        return False

    def _follow_freeze(self) -> None:
        frozen = self.frozen
        if frozen == self.model.frozen:
            return
        self.model.frozen = frozen
        if not frozen:  # the operator left the list: what was held comes in now
            self.model.sync()
        self.update_new()

    def update_new(self) -> None:
        """Announce the alerts held back: "3 new ↑" (how many critical among them)."""
        held = self.model.held()
        if not held:
            self.new_button.hide()
            return
        critical = sum(1 for i in held if self.model.book.pinned(i))
        text = self.tr("{n} new ↑").format(n=f"{len(held):,}")
        if critical:
            text = self.tr("{n} new ↑ ({c} critical)").format(n=f"{len(held):,}", c=critical)
        self.new_button.setText(text)
        self.new_button.show()

    def show_new(self) -> None:
        """Show the held alerts and go to the top, where they are; the selection stays."""
        self.model.sync()
        self.table.scrollToTop()
        self.update_new()

    def _keep_selection(self) -> None:
        self._kept = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if not kept or not kept[0]:
            return
        ids, current = kept
        sel = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for alert_id in ids:
            idx = self._proxy_index(alert_id)
            if idx is not None:
                sel.select(idx, flags)
        cur = self._proxy_index(current) if current else None
        if cur is not None:
            sel.setCurrentIndex(cur, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _proxy_index(self, alert_id: str) -> QModelIndex | None:
        row = self.model.row_of(alert_id)
        if row is None:
            return None
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        return idx if idx.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        # "Acknowledging in 8 s… Undo": a click on it takes that one back
        alert_id = index.siblingAtColumn(0).data(ALERT_ID_ROLE)
        if index.column() == Column.ACKNOWLEDGED and alert_id and self.model.is_scheduled(alert_id):
            self.undo_requested.emit([alert_id])

    def show_undo(self, text: str) -> None:
        """The Undo button while acknowledgements wait to be sent ("" hides it)."""
        self.undo_button.setVisible(bool(text))
        self.undo_button.setText(text or self.tr("Undo"))

    def _double_clicked(self, index: QModelIndex) -> None:
        alert_id = index.siblingAtColumn(0).data(ALERT_ID_ROLE)
        if alert_id:
            self.show_requested.emit(alert_id)

    # ------------------------------------------------------------------ requests

    def request_acknowledge(self) -> None:
        if not self._can_acknowledge:
            self.show_message(self._acknowledge_reason)
            return
        ids = [i for i in self.selected_ids() if self.model.book.is_open(i) and not self.model.is_pending(i)]
        if ids:
            note = self.note.text().strip()
            self.note.clear()
            self.acknowledge_requested.emit(ids, note)
        elif self.selected_ids():
            self.show_message(self.tr("The selected alerts are acknowledged already."))

    def request_show(self) -> None:
        if not self._can_show:
            self.show_message(self._show_reason)
            return
        alert_id = self.current_id() or next(iter(self.selected_ids()), None)
        if alert_id:
            self.show_requested.emit(alert_id)

    def request_playback(self) -> None:
        if not self._can_show:
            self.show_message(self._show_reason)
            return
        alert_id = self.current_id() or next(iter(self.selected_ids()), None)
        if alert_id:
            self.playback_requested.emit(alert_id)

    # ------------------------------------------------------------------ state

    def _filter_changed(self, *_args: object) -> None:
        kind = self.kind.currentData()
        sev = self.severity.currentData()
        flt = AlertFilter(
            kinds=frozenset({AlertKind(kind)}) if kind else frozenset(),
            severities=frozenset({Severity(sev)}) if sev else frozenset(),
            state=self.state.currentData(),
            town=self.town.currentData(),
            text=self.search.text(),
        )
        self.proxy.set_alert_filter(flt)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("Alerts: {n}").format(n=f"{total:,}"))
        else:
            self.count.setText(self.tr("Shown: {shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_ids() if self.table.selectionModel() is not None else []
        book = self.model.book
        any_open = any(book.is_open(i) and not self.model.is_pending(i) for i in selected)
        # what the role or the platform forbids is off and says why (controlroom.permissions)
        ack_reason = None if self._can_acknowledge else self._acknowledge_reason
        gate(self.ack_button, ack_reason,
             self.tr("Acknowledge the selected alerts (Space): every desk sees who did"), enabled=any_open)
        # the note goes only with an acknowledgement: off, with the same reason, when that is
        gate(self.note, ack_reason, self.tr("Sent with the acknowledgement; every desk sees it"))
        gate(self.wall_button, None if self._can_show else self._show_reason,
             self.tr("Put the alert's cameras on the wall (double-click, Enter)"), enabled=bool(selected))
        gate(self.playback_button, None if self._can_show else self._show_reason,
             self.tr("Play the alert's cameras back on the wall from 30 seconds before it was raised"),
             enabled=bool(selected))
        self.read_button.setEnabled(book.unread_count > 0)

    def refresh_state(self) -> None:
        """The book changed under the selection (acknowledged, read, new): update the buttons and "N new ↑"."""
        self._update_buttons()
        self.update_new()
