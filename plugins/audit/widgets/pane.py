"""The audit pane: filters (user, camera, action, time range), the table, "Export CSV…"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from controlroom.plugins.audit.api import AuditQuery
from controlroom.plugins.audit.widgets.model import ACTION_WORDS, AuditTableModel, action_words
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import AuditAction


def _qdt(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


class AuditPane(QWidget):
    """Emits ``search_requested`` (new filters), ``export_requested`` (the operator clicked Export CSV…)."""

    search_requested = Signal()
    export_requested = Signal()

    def __init__(self, model: AuditTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("User"))
        self.user.setMaxLength(200)
        self.camera = QLineEdit(self)
        self.camera.setPlaceholderText(self.tr("Camera id or name"))
        self.camera.setMaxLength(200)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), None)
        for a in ACTION_WORDS:
            self.action.addItem(action_words(a), str(a))
        now = datetime.now(UTC)
        self.start = QDateTimeEdit(_qdt(now - timedelta(days=1)), self)
        self.end = QDateTimeEdit(_qdt(now + timedelta(hours=1)), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.search = QPushButton(self.tr("Search"), self)
        self.export = QPushButton(self.tr("Export CSV…"), self)
        self.export.setToolTip(self.tr("Save every entry that matches the filters as a CSV file "
                                       "(UTF-8; opens in Excel)."))
        for w in (self.user, self.camera):
            w.returnPressed.connect(self.search_requested)
        self.search.clicked.connect(self.search_requested)
        self.action.currentIndexChanged.connect(lambda _i: self.search_requested.emit())
        self.export.clicked.connect(self.export_requested)

        filters = QHBoxLayout()
        filters.addWidget(self.user, 2)
        filters.addWidget(self.camera, 3)
        filters.addWidget(self.action, 2)
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.start)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.end)
        filters.addWidget(self.search)
        filters.addWidget(self.export)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 90, 150, 140, 300, 80)):
            header.resizeSection(col, width)

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLabel(self)  # why the pane is off (not a dispatcher, no audit on this platform)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.hide()

        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.reason)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addWidget(self.status)

    def query(self) -> AuditQuery:
        """The filters as a query; the camera as typed (the plugin resolves a name)."""
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), UTC)
        end = datetime.fromtimestamp(self.end.dateTime().toSecsSinceEpoch(), UTC)
        return AuditQuery(user=self.user.text().strip() or None, camera_id=self.camera.text().strip() or None,
                          action=self.action.currentData(), start=start, end=end)

    def set_range(self, start: datetime, end: datetime) -> None:
        self.start.setDateTime(_qdt(start))
        self.end.setDateTime(_qdt(end))

    def set_action(self, action: AuditAction | None) -> None:
        i = self.action.findData(str(action) if action else None)
        self.action.setCurrentIndex(max(0, i))

    def set_refused(self, reason: str) -> None:
        """Greyed: the filters and the table are off and ``reason`` says why."""
        self.reason.setText(reason)
        self.reason.show()
        for w in (self.user, self.camera, self.action, self.start, self.end, self.search, self.export, self.table):
            w.setEnabled(False)
            w.setToolTip(reason)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
