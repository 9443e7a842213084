"""The audit table: one row per trail entry, loaded a page at a time as the operator scrolls."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from controlroom.ui.api import text
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from controlroom.api.schema import AuditAction, AuditEntry

_Index = QModelIndex | QPersistentModelIndex

ACTION_WORDS: dict[str, str] = {
    AuditAction.LOGIN: QT_TRANSLATE_NOOP("Audit", "Logged in"),
    AuditAction.LOGOUT: QT_TRANSLATE_NOOP("Audit", "Logged out"),
    AuditAction.CAMERA_OPENED: QT_TRANSLATE_NOOP("Audit", "Opened camera"),
    AuditAction.CAMERA_CLOSED: QT_TRANSLATE_NOOP("Audit", "Closed camera"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("Audit", "Exported"),
    AuditAction.ALERT_ACK: QT_TRANSLATE_NOOP("Audit", "Acknowledged alert"),
    AuditAction.PTZ: QT_TRANSLATE_NOOP("Audit", "Moved PTZ camera"),
    AuditAction.DISPLAY_PUSH: QT_TRANSLATE_NOOP("Audit", "Pushed to display"),
    AuditAction.REPORTS_LOST: QT_TRANSLATE_NOOP("Audit", "Reports lost"),
}
MODE_WORDS: dict[str, str] = {
    "live": QT_TRANSLATE_NOOP("Audit", "live"),
    "playback": QT_TRANSLATE_NOOP("Audit", "playback"),
}


def action_words(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTION_WORDS.get(action, action))


class Column(enum.IntEnum):
    TIME = 0
    USER = 1
    WORKSTATION = 2
    ACTION = 3
    CAMERA = 4
    MODE = 5
    DETAIL = 6


HEADERS = (
    QT_TRANSLATE_NOOP("Audit", "Time"),
    QT_TRANSLATE_NOOP("Audit", "User"),
    QT_TRANSLATE_NOOP("Audit", "Workstation"),
    QT_TRANSLATE_NOOP("Audit", "Action"),
    QT_TRANSLATE_NOOP("Audit", "Camera"),
    QT_TRANSLATE_NOOP("Audit", "Mode"),
    QT_TRANSLATE_NOOP("Audit", "Detail"),
)


class AuditTableModel(QAbstractTableModel):
    """Rows of the trail, newest first. ``fetchMore`` asks ``more()`` for the next page (the
    view calls it when the operator scrolls to the end); ``append_page`` adds what came."""

    def __init__(self, camera_name: Callable[[str], str], more: Callable[[], None]) -> None:
        super().__init__()
        self.camera_name = camera_name
        self._more = more
        self.entries: list[AuditEntry] = []
        self.total = 0
        self.next_offset: int | None = None
        self.loading = False

    def reset(self) -> None:
        self.beginResetModel()
        self.entries = []
        self.total = 0
        self.next_offset = None
        self.endResetModel()

    def append_page(self, items: list[AuditEntry], total: int, next_offset: int | None) -> None:
        # the trail grows while it is read (newest first): skip what a page repeats
        seen = {e.id for e in self.entries[-len(items) * 2:]} if items else set()
        new = [e for e in items if e.id not in seen]
        self.total = total
        self.next_offset = next_offset
        if new:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.entries.extend(new)
            self.endInsertRows()

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.next_offset is not None and not self.loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._more()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("Audit", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(e, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.TIME:
                return text.plain(QCoreApplication.translate("Audit", "Happened {at}; stored by the platform {received} "
                                                             "(reported by the {source})").format(
                    at=e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    received=e.received_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    source=QCoreApplication.translate("Audit", "workstation") if e.source == "client"
                    else QCoreApplication.translate("Audit", "platform")))
            if col == Column.WORKSTATION and e.address:
                return text.plain(f"{text.name(e.workstation)} · {e.address}")
            shown = self.display(e, col)
            return text.plain(shown) if shown else None
        return None

    def display(self, e: AuditEntry, col: Column) -> str:
        if col == Column.TIME:
            return e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if col == Column.USER:
            return text.name(e.user)
        if col == Column.WORKSTATION:
            return text.name(e.workstation)
        if col == Column.ACTION:
            return action_words(e.action)
        if col == Column.CAMERA:
            if not e.camera_id:
                return ""
            name = self.camera_name(e.camera_id)
            return f"{text.name(name)} ({e.camera_id})" if name else e.camera_id
        if col == Column.MODE:
            return QCoreApplication.translate("Audit", MODE_WORDS[e.mode]) if e.mode in MODE_WORDS else ""
        return text.name(e.detail)
