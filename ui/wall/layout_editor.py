"""The layout editor: a rows x columns grid; select cells, merge or split them, name it, save it.

Custom layouts are kept in ``layouts.json`` in the config folder (versioned,
written atomically, a corrupt file set aside and reported like the views).
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from controlroom.ui import theme
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from controlroom import paths
from controlroom.storage import atomic_write, load_versioned
from controlroom.wall.layouts import MAX_SIDE, Layout, LayoutError, grid, merge, split

SCHEMA_VERSION = 1


def layouts_path() -> Path:
    return paths.config_dir() / "layouts.json"


class CustomLayouts:
    """The operator's own layouts, by name, in one file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or layouts_path()
        self.layouts: dict[str, Layout] = {}
        self.problem: str | None = None
        self.read_only = False

    def load(self) -> None:
        found: list[dict[str, Layout]] = []

        def validate(data: dict) -> None:
            items = data.get("layouts")
            if not isinstance(items, list):
                raise ValueError("layouts must be a list")
            found.append({(lay := Layout.from_dict(d)).name: lay for d in items})

        loaded = load_versioned(self.path, current=SCHEMA_VERSION, migrations={}, validate=validate)
        self.layouts = found[0] if loaded.data is not None and found else {}
        self.problem = loaded.problem
        self.read_only = loaded.read_only

    def put(self, layout: Layout) -> None:
        self.layouts[layout.name] = layout
        self.save()

    def delete(self, name: str) -> None:
        self.layouts.pop(name, None)
        self.save()

    def save(self) -> None:
        if self.read_only:
            raise OSError(f"{self.path} is kept as it is; the layout was not saved")
        doc = {"schema_version": SCHEMA_VERSION, "layouts": [lay.to_dict() for lay in self.layouts.values()]}
        atomic_write(self.path, msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n")


class GridEditor(QWidget):
    """Draws a layout's tiles; click and drag to select a rectangle of cells."""

    selection_changed = Signal()

    def __init__(self, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_layout = layout
        self.selected: set[tuple[int, int]] = set()
        self._anchor: tuple[int, int] | None = None
        self.setMinimumSize(320, 200)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def set_grid_layout(self, layout: Layout) -> None:
        self.grid_layout = layout
        self.selected.clear()
        self.update()
        self.selection_changed.emit()

    def _cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        lay = self.grid_layout
        if self.width() <= 0 or self.height() <= 0:
            return None
        c = int(pos.x() * lay.cols / self.width())
        r = int(pos.y() * lay.rows / self.height())
        if 0 <= r < lay.rows and 0 <= c < lay.cols:
            return r, c
        return None

    def select_rect(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        top, bottom = sorted((a[0], b[0]))
        left, right = sorted((a[1], b[1]))
        self.selected = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
        self.update()
        self.selection_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().toPoint())
        if cell is not None:
            self._anchor = cell
            self.select_rect(cell, cell)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().toPoint())
        if cell is not None and self._anchor is not None:
            self.select_rect(self._anchor, cell)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._anchor = None

    def _rect(self, row: int, col: int, rowspan: int, colspan: int) -> QRect:
        lay = self.grid_layout
        cw, ch = self.width() / lay.cols, self.height() / lay.rows
        return QRect(round(col * cw) + 2, round(row * ch) + 2, round(colspan * cw) - 4, round(rowspan * ch) - 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), theme.WALL_BACKGROUND)
        for r, c in self.selected:
            p.fillRect(self._rect(r, c, 1, 1), theme.ACCENT)
        pen = QPen(theme.NEUTRAL)
        pen.setWidth(2)
        p.setPen(pen)
        for i, cell in enumerate(self.grid_layout.cells):
            rect = self._rect(cell.row, cell.col, cell.rowspan, cell.colspan)
            p.drawRect(rect)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(i + 1))
        p.end()


class LayoutEditor(QDialog):
    """Make a custom layout: rows x columns, merge and split cells, a name."""

    def __init__(self, parent: QWidget | None = None, start: Layout | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custom layout"))
        start = start or grid(3, 3, "")
        self.rows = QSpinBox(self)
        self.cols = QSpinBox(self)
        for box, value in ((self.rows, start.rows), (self.cols, start.cols)):
            box.setRange(1, MAX_SIDE)
            box.setValue(value)
            box.valueChanged.connect(self._resize_grid)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("for example: Town gate + 8"))
        self.name.setText(start.name if start.name not in ("", "custom") else "")
        self.editor = GridEditor(start, self)
        self.merge_button = QPushButton(self.tr("&Merge selected cells"), self)
        self.split_button = QPushButton(self.tr("S&plit selected tile"), self)
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {theme.OFFLINE.name()};")
        self.error.setWordWrap(True)
        self.hint = QLabel(self.tr("Drag across cells to select them, then merge; select a merged tile to split it."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #9aa3ad;")

        form = QFormLayout()
        size_row = QHBoxLayout()
        size_row.addWidget(self.rows)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.cols)
        size_row.addStretch(1)
        form.addRow(self.tr("Rows × columns:"), size_row)
        form.addRow(self.tr("Name:"), self.name)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.merge_button)
        buttons_row.addWidget(self.split_button)
        buttons_row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.hint)
        box.addWidget(self.editor, 1)
        box.addLayout(buttons_row)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.result_layout: Layout | None = None

    def _resize_grid(self) -> None:
        self.editor.set_grid_layout(grid(self.rows.value(), self.cols.value(), ""))
        self.error.clear()

    def merge_selected(self) -> None:
        try:
            self.editor.set_grid_layout(merge(self.editor.grid_layout, self.editor.selected, name=""))
            self.error.clear()
        except LayoutError as e:
            self.error.setText(str(e))

    def split_selected(self) -> None:
        lay = self.editor.grid_layout
        tiles = {lay.tile_at(r, c) for r, c in self.editor.selected}
        try:
            for t in sorted((t for t in tiles if t is not None), reverse=True):
                lay = split(lay, t, name="")
            self.editor.set_grid_layout(lay)
            self.error.clear()
        except LayoutError as e:
            self.error.setText(str(e))

    def current_layout(self) -> Layout:
        lay = self.editor.grid_layout
        name = self.name.text().strip()
        return Layout(name, lay.rows, lay.cols, lay.cells)

    def _on_save(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Give the layout a name."))
            return
        self.result_layout = self.current_layout()
        self.accept()
