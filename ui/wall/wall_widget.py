"""The wall: tiles placed on a ``Layout``'s grid, merged cells included.

Tiles are placed by hand (not a QGridLayout) so that a layout change moves
existing tiles instead of re-creating them: a tile's native video surface,
and the libVLC player bound to it, survive going from 16 tiles to 4. A
maximised tile fills the wall and the others are hidden (their players go on,
so restoring is instant).

The wall only shows and reports: arrow keys, Enter, Delete, clicks, drops
and menus become signals; ``wall_view`` turns them into ``WallController``
operations and the controller's changes back into what the tiles show.
"""

from __future__ import annotations

from collections.abc import Callable

from controlroom.ui import theme
from controlroom.ui.wall import tile_drag
from controlroom.ui.wall.tile_widget import TileWidget
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from controlroom.wall.layouts import PRESETS, Layout

GAP = 2  # px between tiles: enough to tell them apart, nothing wasted


class WallWidget(QWidget):
    """The grid of tiles for one ``Layout``."""

    tile_clicked = Signal(int)
    tile_double_clicked = Signal(int)
    items_dropped = Signal(int, list)
    tile_dropped = Signal(int, int)
    menu_requested = Signal(int, QPoint)
    zoom_changed = Signal(int, object)
    move_requested = Signal(int, int)  # dx, dy (arrow keys)
    maximise_requested = Signal()  # Enter on the selected tile
    clear_requested = Signal()  # Delete on the selected tile
    escape_pressed = Signal()
    foreign_tile_dropped = Signal(object, int)  # tile_drag.TileOrigin, target tile (another window's tile)
    dragged_out = Signal(int, QPoint)  # a tile's drag ended outside every window (tile, global position)
    #: the tiles were placed again (layout change, maximise, resize): sizes changed
    geometry_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 200)
        self.setAccessibleName(self.tr("Video wall"))
        self._layout: Layout = PRESETS[1]
        self.tiles: list[TileWidget] = []
        self._maximised: int | None = None
        self._selected: int | None = None
        #: names this wall in tile drags (tile_drag): a drop from another wall is told apart
        self.drag_key = tile_drag.new_key()

    # ------------------------------------------------------------------ tiles

    @property
    def wall_layout(self) -> Layout:
        return self._layout

    def set_wall_layout(self, layout: Layout, before_remove: Callable[[list[TileWidget]], None] | None = None) -> None:
        """Show ``layout``: keep tiles 0..n-1, make new ones, remove the rest.

        ``before_remove`` gets the tiles about to be deleted, so their players
        are stopped and released before their windows go (the order that
        libVLC survives: stop, release, then destroy the window).
        """
        n = len(layout)
        extra = self.tiles[n:]
        if extra and before_remove is not None:
            before_remove(extra)
        for tile in extra:
            tile.hide()
            tile.setParent(None)
            tile.deleteLater()
        del self.tiles[n:]
        for i in range(len(self.tiles), n):
            self.tiles.append(self._new_tile(i))
        self._layout = layout
        if self._maximised is not None and self._maximised >= n:
            self._maximised = None
        if self._selected is not None and self._selected >= n:
            self._selected = None
        self._place()

    def _new_tile(self, i: int) -> TileWidget:
        tile = TileWidget(i, self)
        tile.clicked.connect(self._on_tile_clicked)
        tile.double_clicked.connect(self.tile_double_clicked)
        tile.items_dropped.connect(self.items_dropped)
        tile.tile_dropped.connect(self.tile_dropped)
        tile.menu_requested.connect(self.menu_requested)
        tile.zoom_changed.connect(self.zoom_changed)
        tile.foreign_tile_dropped.connect(self.foreign_tile_dropped)
        tile.dragged_out.connect(self.dragged_out)
        tile.show()
        return tile

    def _on_tile_clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.tile_clicked.emit(index)

    def set_selected(self, index: int | None) -> None:
        self._selected = index
        for i, tile in enumerate(self.tiles):
            tile.set_selected(i == index)

    @property
    def selected(self) -> int | None:
        return self._selected

    def set_maximised(self, index: int | None) -> None:
        if index == self._maximised:
            return
        self._maximised = index
        self._place()

    @property
    def maximised(self) -> int | None:
        return self._maximised

    # ------------------------------------------------------------------ geometry

    def cell_rect(self, index: int) -> QRect:
        """Where tile ``index`` goes for the current layout and size (not maximised)."""
        lay = self._layout
        cell = lay.cells[index]
        w, h = self.width(), self.height()
        cw = (w - GAP * (lay.cols - 1)) / lay.cols
        ch = (h - GAP * (lay.rows - 1)) / lay.rows
        x0 = round(cell.col * (cw + GAP))
        y0 = round(cell.row * (ch + GAP))
        x1 = round(cell.right * (cw + GAP) - GAP)
        y1 = round(cell.bottom * (ch + GAP) - GAP)
        return QRect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))

    def _place(self) -> None:
        for i, tile in enumerate(self.tiles):
            if self._maximised is None:
                tile.maximised = False
                tile.setGeometry(self.cell_rect(i))
                tile.show()
            elif i == self._maximised:
                tile.maximised = True
                tile.setGeometry(self.rect())
                tile.show()
                tile.raise_()
            else:
                tile.maximised = False
                tile.hide()
        self.geometry_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.WALL_BACKGROUND)
        painter.end()

    def visible_tiles(self) -> list[int]:
        if self._maximised is not None:
            return [self._maximised]
        return list(range(len(self.tiles)))

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in moves:
            if self._maximised is None:
                self.move_requested.emit(*moves[key])
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.maximise_requested.emit()
            event.accept()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            event.accept()
        elif key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
