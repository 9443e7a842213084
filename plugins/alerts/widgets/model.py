"""The alerts table: a model over the ``AlertBook`` (no widget per alert) and its filter proxy.

Rows follow the book's order (newest first). The model keeps its own copy
of the ids it shows so that a batch of new alerts becomes row insertions
(selection and scroll position survive), not a reset.
"""

from __future__ import annotations

import enum
from typing import Any

from controlroom.plugins.alerts.api import AlertBook, AlertFilter, AlertPlaces, BookChange
from controlroom.plugins.alerts.widgets import words
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from controlroom.api.schema import Alert
from controlroom.textsafe import display_name

Index = QModelIndex | QPersistentModelIndex

#: Reset instead of inserting when a batch brings more than this many alerts.
RESET_ABOVE = 200


class Column(enum.IntEnum):
    SEVERITY = 0
    RAISED = 1
    KIND = 2
    TOWN = 3
    PLACE = 4
    MESSAGE = 5
    ACKNOWLEDGED = 6


#: The alert id of a row.
ALERT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The Alert struct of a row.
ALERT_ROLE = Qt.ItemDataRole.UserRole + 2

_DIM = QColor("#7c848d")


class AlertTableModel(QAbstractTableModel):
    """Rows = the book's alerts, newest first; call ``apply`` with each ``BookChange``."""

    def __init__(self, book: AlertBook, places: AlertPlaces, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.places = places
        self._ids: list[str] = book.ids
        self._pending: set[str] = set()  # acknowledgements sent, not answered yet
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [
            self.tr("Severity"), self.tr("Time"), self.tr("Kind"), self.tr("Town"),
            self.tr("Place"), self.tr("Message"), self.tr("Acknowledged"),
        ]

    # ------------------------------------------------------------------ updates

    def apply(self, change: BookChange) -> None:
        """Show what changed in the book: rows inserted (or a reset), rows updated."""
        if change.removed or len(change.added) > RESET_ABOVE:
            self.beginResetModel()
            self._ids = self.book.ids
            self._pending &= set(self._ids)
            self.endResetModel()
            return
        if change.added:
            self._insert(self.book.ids)
        self._pending -= change.acknowledged
        self.refresh(change.updated)

    def _insert(self, new: list[str]) -> None:
        # ``self._ids`` is a subsequence of ``new`` (nothing was removed): walk
        # both and insert each run of new ids where it belongs
        i = j = 0
        while i < len(new):
            if j < len(self._ids) and new[i] == self._ids[j]:
                i += 1
                j += 1
                continue
            start = i
            while i < len(new) and (j >= len(self._ids) or new[i] != self._ids[j]):
                i += 1
            self.beginInsertRows(QModelIndex(), start, i - 1)
            self._ids[start:start] = new[start:i]
            self.endInsertRows()
            j += i - start

    def refresh(self, alert_ids: set[str] | frozenset[str]) -> None:
        """Repaint the rows of these alerts (read, acknowledged, pending)."""
        if not alert_ids:
            return
        rows = sorted(r for r in (self.row_of(i) for i in alert_ids) if r is not None)
        last = self.columnCount() - 1
        # contiguous runs: one signal each
        start = prev = None
        for r in [*rows, None]:
            if start is not None and (r is None or r != prev + 1):  # type: ignore[operator]
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last))  # type: ignore[arg-type]
                start = None
            if r is not None and start is None:
                start = r
            prev = r

    def refresh_all(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def set_pending(self, alert_id: str, pending: bool) -> None:
        (self._pending.add if pending else self._pending.discard)(alert_id)
        self.refresh({alert_id})

    def is_pending(self, alert_id: str) -> bool:
        return alert_id in self._pending

    # ------------------------------------------------------------------ lookups

    def alert_at(self, row: int) -> Alert | None:
        if 0 <= row < len(self._ids):
            return self.book.get(self._ids[row])
        return None

    def row_of(self, alert_id: str) -> int | None:
        if alert_id not in self.book:
            return None
        # the book's row is the model's row unless a batch is half applied
        try:
            row = self.book.index(alert_id)
        except KeyError:
            return None
        if row < len(self._ids) and self._ids[row] == alert_id:
            return row
        try:
            return self._ids.index(alert_id)
        except ValueError:
            return None

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        alert = self.alert_at(index.row())
        if alert is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display_name(self._text(alert, col))  # bidi overrides neutralised and marked
        if role == ALERT_ID_ROLE:
            return alert.id
        if role == ALERT_ROLE:
            return alert
        is_open = AlertBook.state(alert) == "open"
        if role == Qt.ItemDataRole.DecorationRole and col == Column.SEVERITY:
            return words.severity_icon(alert.severity)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.SEVERITY and is_open:
                return QBrush(words.COLOURS.get(alert.severity, _DIM))
            if not is_open:
                return QBrush(_DIM)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and is_open:
            tint = QColor(words.COLOURS.get(alert.severity, _DIM))
            tint.setAlpha(46 if alert.severity == "critical" else 22)
            return QBrush(tint)
        if role == Qt.ItemDataRole.FontRole and self.book.is_unread(alert.id):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alert)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(alert, col)
        return None

    def _text(self, alert: Alert, col: int) -> str:
        if col == Column.SEVERITY:
            return words.severity_text(alert.severity)
        if col == Column.RAISED:
            return words.when_text(alert.raised_at)
        if col == Column.KIND:
            return words.kind_text(alert.kind)
        if col == Column.TOWN:
            return self.places.town_name(alert)
        if col == Column.PLACE:
            return self.places.place(alert)
        if col == Column.MESSAGE:
            # one line, the place (its own column) not repeated; the tooltip has it whole
            return self.places.message(alert)
        if col == Column.ACKNOWLEDGED:
            if AlertBook.state(alert) == "acknowledged":
                return words.acknowledged_text(alert)
            if alert.id in self._pending:
                return self.tr("Acknowledging…")
            return self.tr("Open")
        return ""

    def _tooltip(self, alert: Alert) -> str:
        cams = self.places.camera_names(alert)
        lines = [
            f"{words.SHAPES.get(alert.severity, '')} {words.severity_text(alert.severity)} · {words.kind_text(alert.kind)}",
            alert.message,
            " · ".join(x for x in (self.places.town_name(alert), self.places.place(alert)) if x),
            self.tr("Cameras: {names}").format(names=", ".join(cams)) if cams else "",
            self.tr("Raised {when}").format(when=words.when_text(alert.raised_at)),
            self.tr("Acknowledged by {text}").format(text=words.acknowledged_text(alert))
            if AlertBook.state(alert) == "acknowledged" else "",
            alert.id,
        ]
        return words.rich(*lines)


class AlertFilterProxy(QSortFilterProxyModel):
    """Shows the rows an ``AlertFilter`` accepts; keeps the book's order."""

    def __init__(self, places: AlertPlaces, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self._filter = AlertFilter()

    @property
    def alert_filter(self) -> AlertFilter:
        return self._filter

    def set_alert_filter(self, flt: AlertFilter) -> None:
        if flt == self._filter:
            return
        self.beginFilterChange()
        self._filter = flt
        self.endFilterChange()

    def refilter(self) -> None:
        """The places changed (a new inventory): filter again."""
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._filter.is_empty:
            return True
        model = self.sourceModel()
        alert = model.alert_at(source_row) if isinstance(model, AlertTableModel) else None
        return alert is not None and self._filter.accepts(alert, self.places)
