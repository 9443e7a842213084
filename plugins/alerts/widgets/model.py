"""The alerts table: a model over the ``AlertBook`` (no widget per alert) and its filter proxy.

Rows follow the book's shown order (open critical alerts pinned on top, then newest first). The model keeps its own copy
of the ids it shows so that a batch of new alerts becomes row insertions
(selection and scroll position survive), not a reset.
"""

from __future__ import annotations

import enum
import time
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
_LINK = QColor("#6cb6ff")


class AlertTableModel(QAbstractTableModel):
    """Rows = the book's alerts (open critical ones pinned first, then newest first); ``apply`` each ``BookChange``.

    While ``frozen`` (the pointer is over the table or it has the focus) no
    row is inserted or moved: new alerts are held (``held``) and the pane
    announces them ("3 new ↑"); updates are shown in place. ``sync`` shows
    them. Rows move with ``beginMoveRows`` and come with ``beginInsertRows``,
    never a reset for a small batch, so the selection stays on its alerts.
    """

    def __init__(self, book: AlertBook, places: AlertPlaces, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.places = places
        self._ids: list[str] = book.shown_order()
        self._pending: set[str] = set()  # acknowledgements sent, not answered yet
        self._scheduled: dict[str, float] = {}  # acknowledgements not sent yet (undo possible): id -> deadline
        self.frozen = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [
            self.tr("Severity"), self.tr("Time"), self.tr("Kind"), self.tr("Town"),
            self.tr("Place"), self.tr("Message"), self.tr("Acknowledged"),
        ]

    # ------------------------------------------------------------------ updates

    def apply(self, change: BookChange) -> None:
        """Show what changed in the book: rows removed, inserted (not while frozen), updated in place."""
        self._pending -= change.acknowledged
        for alert_id in change.acknowledged:
            self._scheduled.pop(alert_id, None)  # another desk was first: nothing to send
        if change.removed:
            self._remove(set(change.removed))
        if not self.frozen and (change.added or change.acknowledged):
            self.sync()
        self.refresh(change.updated)

    def held(self) -> list[str]:
        """Alerts in the book that the table does not show yet (held while frozen), newest first."""
        shown = set(self._ids)
        return [i for i in self.book.ids if i not in shown]

    def sync(self) -> None:
        """Bring the rows to the book's order: removals, moves (a critical alert acknowledged), insertions."""
        target = self.book.shown_order()
        tset = set(target)
        gone = {i for i in self._ids if i not in tset}
        if gone:
            self._remove(gone)
        current = set(self._ids)
        if len(tset - current) > RESET_ABOVE:  # the pane keeps the selection over a reset
            self.beginResetModel()
            self._ids = target
            self.endResetModel()
            return
        rank = {alert_id: r for r, alert_id in enumerate(target)}
        # rows whose place changed (a critical alert acknowledged leaves the pinned rows):
        # the rows in order stay, the fewest others move, each with beginMoveRows
        placed = {self._ids[k] for k in _increasing_run([rank[i] for i in self._ids])}
        for mover in sorted((i for i in self._ids if i not in placed), key=rank.__getitem__):
            r = self._ids.index(mover)
            rest = self._ids[:r] + self._ids[r + 1:]
            to = next((k for k, other in enumerate(rest) if other in placed and rank[other] > rank[mover]), len(rest))
            placed.add(mover)
            if to == r:
                continue
            # Qt counts the destination before the move: below the row it is one more
            self.beginMoveRows(QModelIndex(), r, r, QModelIndex(), to + 1 if to > r else to)
            self._ids = [*rest[:to], mover, *rest[to:]]
            self.endMoveRows()
        self._insert(target)

    def _remove(self, gone: set[str]) -> None:
        r = len(self._ids) - 1
        while r >= 0:  # runs of rows, from the bottom: one signal each
            if self._ids[r] not in gone:
                r -= 1
                continue
            end = r
            while r >= 0 and self._ids[r] in gone:
                r -= 1
            self.beginRemoveRows(QModelIndex(), r + 1, end)
            del self._ids[r + 1:end + 1]
            self.endRemoveRows()
        self._pending &= set(self._ids) | set(self.book.ids)

    def _insert(self, new: list[str]) -> None:
        # ``self._ids`` is a subsequence of ``new`` (removed and moved already): walk
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
        """Acknowledged here and not answered yet: scheduled (undo possible) or sent."""
        return alert_id in self._pending or alert_id in self._scheduled

    def set_scheduled(self, alert_id: str, deadline: float | None) -> None:
        """An acknowledgement that goes at ``deadline`` (monotonic s) unless undone (None: undone or sent)."""
        if deadline is None:
            self._scheduled.pop(alert_id, None)
        else:
            self._scheduled[alert_id] = deadline
        self.refresh({alert_id})

    def is_scheduled(self, alert_id: str) -> bool:
        return alert_id in self._scheduled

    def refresh_scheduled(self) -> None:
        """Repaint the countdowns of the acknowledgements not sent yet."""
        self.refresh(set(self._scheduled))

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
            if col == Column.ACKNOWLEDGED and alert.id in self._scheduled:
                return QBrush(_LINK)  # "Undo" can be clicked
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
            if alert.id in self._scheduled:
                left = max(0, int(self._scheduled[alert.id] - time.monotonic() + 0.999))
                return self.tr("Acknowledging in {s} s… Undo").format(s=left)
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


def _increasing_run(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of ``values`` (patience sorting, n log n)."""
    import bisect

    tails: list[int] = []  # values
    tail_at: list[int] = []  # index of each tail
    before: list[int] = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[pos] = v
            tail_at[pos] = k
        before[k] = tail_at[pos - 1] if pos else -1
    out: list[int] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(k)
        k = before[k]
    return out[::-1]


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
