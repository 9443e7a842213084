"""Bookmarks: a pane that lists them (shared through the platform), and the note dialog that creates one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from controlroom.ui import text as ui_text
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MAX_NOTE = 1000  # the platform's bound


def when(t: datetime) -> str:
    return t.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class NoteDialog(QDialog):
    """A bookmark's note for a range of a camera."""

    def __init__(self, camera: str, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark"))
        label = QLabel(self.tr("{camera}: {start} – {end}").format(camera=camera, start=when(start), end=when(end)),
                       self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What happened here (every desk sees this note)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addWidget(self.note)
        box.addWidget(buttons)

    def text(self) -> str:
        return self.note.toPlainText().strip()[:MAX_NOTE]


class BookmarksPane(QWidget):
    """The bookmarks of the cameras in sight: play one (double-click), delete one."""

    play_requested = Signal(str, object)  # camera id, start
    delete_requested = Signal(str)  # bookmark id
    refresh_requested = Signal()

    def __init__(self, names: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPane")
        self.names = names
        self.items: list[Any] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Camera"), self.tr("From"), self.tr("To"), self.tr("Note"),
                                              self.tr("Author")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._play)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("bookmarkDelete")
        self.delete_button.clicked.connect(self._delete)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh_requested)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(refresh)
        row.addWidget(self.delete_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        self._can_edit = True
        self._reason = ""

    def set_can_edit(self, can: bool, reason: str = "") -> None:
        self._can_edit, self._reason = can, reason
        self.delete_button.setEnabled(can)
        self.delete_button.setToolTip(reason if not can else self.tr("Delete the selected bookmark for every desk"))

    def set_bookmarks(self, items: list[Any]) -> None:
        self.items = sorted(items, key=lambda b: b.start, reverse=True)[:2000]
        self.table.setRowCount(len(self.items))
        for i, b in enumerate(self.items):
            for col, value in enumerate((self.names(b.camera_id), when(b.start), when(b.end),
                                         ui_text.plain(b.note), ui_text.plain(b.author))):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self.message.setText(self.tr("Bookmarks: {n}").format(n=len(self.items)))

    def _play(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.items):
            b = self.items[row]
            self.play_requested.emit(b.camera_id, b.start)

    def _delete(self) -> None:
        row = self.table.currentRow()
        if self._can_edit and 0 <= row < len(self.items):
            self.delete_requested.emit(self.items[row].id)
