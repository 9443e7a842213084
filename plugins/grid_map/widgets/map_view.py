"""The map itself: a QGraphicsView of grid polygons (km, north up) with a camera layer on top.

One polygon item per grid (1,080 is few for QGraphicsView) with a child item
for its status pattern; the brushes and pens are cached per status, so a
status change is two ``setBrush`` calls. Cameras (28,500) are one item that
paints only the cells in view with ``QPainter.drawPoints``, and nothing at
all when zoomed out (level of detail).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from controlroom.ui.api import hatch_brush, plain_tooltip, status_colour
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from controlroom.api.schema import GridStatus
from controlroom.grids import XY, GridGeometry

GRID_ID = 0  # QGraphicsItem.data key holding a grid's id

#: Cameras are drawn from this zoom on (pixels per km); below it a county of
#: 28,500 dots is noise, and skipping them keeps the zoomed-out map cheap.
CAMERA_MIN_SCALE = 40.0
CELL_KM = 2.0  # camera points are bucketed in square cells of this size
MAX_SCALE = 4000.0  # px per km: about 4 px per metre
CLICK_SLOP = 5  # px a press may move and still be a click, not a pan

BACKGROUND = QColor("#101317")
ONLINE_DOT = QColor("#f2f6fa")
OFFLINE_DOT = QColor("#111111")


class _Style:
    """Brushes and pens per status, made once."""

    def __init__(self) -> None:
        self.fill: dict[str, QBrush] = {}
        self.hatch: dict[str, QBrush] = {}
        self.pen: dict[str, QPen] = {}

    def for_status(self, status: GridStatus | str) -> tuple[QBrush, QBrush, QPen]:
        key = str(status)
        if key not in self.fill:
            self.fill[key] = QBrush(status_colour(status, 210))
            self.hatch[key] = hatch_brush(status)
            width = 2.0 if key == GridStatus.INCIDENT else 1.0
            pen = QPen(status_colour(status).lighter(150) if key == GridStatus.INCIDENT else QColor("#0b0d10"), width)
            pen.setCosmetic(True)  # the outline keeps its pixel width at every zoom
            self.pen[key] = pen
        return self.fill[key], self.hatch[key], self.pen[key]


class CameraLayer(QGraphicsItem):
    """Every camera as a dot: online light, offline dark; drawn per visible cell, only when zoomed in."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._xy: dict[str, XY] = {}
        self._cell_of: dict[str, tuple[int, int]] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self._polys: dict[tuple[int, int], tuple[QPolygonF, QPolygonF]] = {}
        self._bounds = QRectF()
        self._online: Callable[[str], bool] = lambda _cid: True
        self.min_scale = CAMERA_MIN_SCALE
        self.painted_points = 0  # in the last paint, for tests and the benchmark
        self._dirty: set[tuple[int, int]] = set()  # cells whose dots changed since built
        self._drawn = False  # whether the last paint drew dots (zoomed in far enough)
        self._pen_on = QPen(ONLINE_DOT, 3.0)
        self._pen_off = QPen(OFFLINE_DOT, 4.0)
        for pen in (self._pen_on, self._pen_off):
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)

    def set_cameras(self, xy: Mapping[str, XY], online: Callable[[str], bool]) -> None:
        """All cameras with a location: id -> scene point; ``online(id)`` tells their state."""
        self.prepareGeometryChange()
        self._xy = dict(xy)
        self._online = online
        self._cells = {}
        self._cell_of = {}
        for cid, (x, y) in self._xy.items():
            key = (math.floor(x / CELL_KM), math.floor(y / CELL_KM))
            self._cells.setdefault(key, []).append(cid)
            self._cell_of[cid] = key
        # built when first painted (only the cells in view, zoomed in): building all
        # of them here cost ~55 ms of the GUI thread for 28,500 cameras
        self._polys = {}
        self._dirty = set(self._cells)
        if self._xy:
            xs = [p[0] for p in self._xy.values()]
            ys = [p[1] for p in self._xy.values()]
            self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-1, -1, 1, 1)
        else:
            self._bounds = QRectF()
        self.update()

    def cameras_changed(self, ids: Iterable[str]) -> None:
        """Some cameras went on- or offline: their cells are rebuilt when next painted.

        Zoomed out, the dots are not drawn at all: then nothing is repainted
        (at 200 events per second, repainting the polygons under every changed
        cell was most of the map's cost on the GUI thread).
        """
        keys = {self._cell_of[c] for c in ids if c in self._cell_of}
        self._dirty |= keys
        if self._drawn:
            for key in keys:
                self.update(QRectF(key[0] * CELL_KM, key[1] * CELL_KM, CELL_KM, CELL_KM))

    def _build(self, ids: list[str]) -> tuple[QPolygonF, QPolygonF]:
        on: list[QPointF] = []
        off: list[QPointF] = []
        for cid in ids:
            x, y = self._xy[cid]
            (on if self._online(cid) else off).append(QPointF(x, y))
        return QPolygonF(on), QPolygonF(off)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.painted_points = 0
        self._drawn = option.levelOfDetailFromTransform(painter.worldTransform()) >= self.min_scale
        if not self._drawn:
            return
        r = option.exposedRect
        x0, x1 = math.floor(r.left() / CELL_KM), math.floor(r.right() / CELL_KM)
        y0, y1 = math.floor(r.top() / CELL_KM), math.floor(r.bottom() / CELL_KM)
        polys = self._polys
        for key in [k for k in self._dirty if x0 <= k[0] <= x1 and y0 <= k[1] <= y1]:
            polys[key] = self._build(self._cells[key])
            self._dirty.discard(key)
        painted = 0
        for pen_index, pen in ((0, self._pen_on), (1, self._pen_off)):
            painter.setPen(pen)
            for cx in range(x0, x1 + 1):
                for cy in range(y0, y1 + 1):
                    cell = polys.get((cx, cy))
                    if cell is not None and not cell[pen_index].isEmpty():
                        painter.drawPoints(cell[pen_index])
                        painted += cell[pen_index].size()
        self.painted_points = painted


class GridMapView(QGraphicsView):
    """Zoom (wheel), pan (drag), hover for a grid's details, click for its cameras, right-click for more."""

    #: a grid was clicked (its id)
    grid_clicked = Signal(str)
    #: the context menu was asked for on a grid (its id, the global position)
    grid_menu = Signal(str, QPoint)
    #: the zoom changed (pixels per km)
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.map_scene = QGraphicsScene()
        super().__init__(self.map_scene, parent)
        self.map_scene.setParent(self)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(BACKGROUND)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # drag to pan
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tooltip_for: Callable[[str], str] = lambda gid: gid
        self.style_cache = _Style()
        self.items_by_grid: dict[str, tuple[QGraphicsPolygonItem, QGraphicsPolygonItem]] = {}
        self.painted_status: dict[str, str] = {}  # what each polygon shows now (tests look here)
        self.cameras = CameraLayer()
        self.cameras.setZValue(10)
        self._root = QGraphicsPolygonItem()  # parent of the polygons: dims them all at once when stale
        self._root.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.map_scene.addItem(self._root)
        self.map_scene.addItem(self.cameras)
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._press: QPoint | None = None
        self._fitted = False
        #: where ``fit`` goes: a town desk's own towns (None: the whole map)
        self.home_rect: QRectF | None = None

    # ------------------------------------------------------------------ content

    def set_grids(self, geometry: GridGeometry, statuses: Mapping[str, GridStatus | str]) -> None:
        """Replace every polygon (first load, resync). Scene units are km, y pointing south."""
        for base, _hatch in self.items_by_grid.values():
            self.map_scene.removeItem(base)
        self.items_by_grid.clear()
        self.painted_status.clear()
        for gid, shape in geometry.shapes.items():
            if len(shape.points) < 3:
                continue  # not a polygon: nothing to draw or to click
            poly = QPolygonF([QPointF(x, -y) for x, y in shape.points])
            base = QGraphicsPolygonItem(poly, self._root)
            base.setData(GRID_ID, gid)
            hatch = QGraphicsPolygonItem(poly, base)
            hatch.setData(GRID_ID, gid)
            hatch.setPen(QPen(Qt.PenStyle.NoPen))
            self.items_by_grid[gid] = (base, hatch)
            self.set_status(gid, statuses.get(gid, GridStatus.NORMAL))
        x0, y0, x1, y1 = geometry.bounds()
        margin = max(1.0, 0.04 * max(x1 - x0, y1 - y0))
        self.map_scene.setSceneRect(QRectF(x0 - margin, -y1 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin))

    def set_status(self, grid_id: str, status: GridStatus | str) -> None:
        items = self.items_by_grid.get(grid_id)
        if items is None:
            return
        fill, hatch, pen = self.style_cache.for_status(status)
        base, over = items
        base.setBrush(fill)
        base.setPen(pen)
        over.setBrush(hatch)
        base.setZValue(1 if status == GridStatus.INCIDENT else 0)  # an incident's outline on top
        self.painted_status[grid_id] = str(status)

    def set_labels(self, labels: Iterable[tuple[str, XY]]) -> None:
        """Town names at their grids' middle, at a fixed size whatever the zoom."""
        for item in self._labels:
            self.map_scene.removeItem(item)
        self._labels = []
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        for text, (x, y) in labels:
            item = QGraphicsSimpleTextItem(text)
            item.setFont(font)
            item.setBrush(QColor("#f4f6f8"))
            item.setPen(QPen(QColor(0, 0, 0, 200), 0.6))
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setZValue(20)
            w = item.boundingRect().width()
            item.setPos(x, -y)
            item.setTransform(item.transform().translate(-w / 2, -8))
            self.map_scene.addItem(item)
            self._labels.append(item)

    def set_dimmed(self, dimmed: bool) -> None:
        self._root.setOpacity(0.45 if dimmed else 1.0)

    # ------------------------------------------------------------------ zoom

    @property
    def scale_px_per_km(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Show the home area (a town desk's towns) or, without one, every grid."""
        self._fit(self.home_rect if self.home_rect is not None else self.map_scene.sceneRect())

    def fit_all(self) -> None:
        self._fit(self.map_scene.sceneRect())

    def _fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        # a map fitted while its dock was hidden (a tab behind another) fits again when shown
        self._fitted = self.isVisible()
        self.zoomed.emit(self.scale_px_per_km)

    def zoom_to(self, centre: XY, km_across: float) -> None:
        """Show ``km_across`` km of the map around ``centre`` (x, y north-up km)."""
        side = min(self.viewport().width(), self.viewport().height()) or 1
        s = side / max(km_across, 1e-3)
        self.resetTransform()
        self.scale(s, s)
        self.centerOn(centre[0], -centre[1])
        self.zoomed.emit(self.scale_px_per_km)

    def zoom_by(self, factor: float) -> None:
        s = self.scale_px_per_km
        rect = self.map_scene.sceneRect()
        floor = 0.5 * min(self.viewport().width() / max(rect.width(), 1e-6),
                          self.viewport().height() / max(rect.height(), 1e-6))
        factor = max(floor / s, min(MAX_SCALE / s, factor))
        self.scale(factor, factor)
        self.zoomed.emit(self.scale_px_per_km)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._fitted:
            self.fit()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self._fitted:
            self.fit()

    # ------------------------------------------------------------------ mouse

    def grid_at(self, pos: QPoint) -> str | None:
        """The grid under a viewport position, if any."""
        for item in self.items(pos):
            gid = item.data(GRID_ID)
            if gid:
                return str(gid)
        return None

    def grid_pos(self, grid_id: str) -> QPoint | None:
        """A viewport point inside a grid's polygon (its centroid's neighbourhood), for tests and tours."""
        items = self.items_by_grid.get(grid_id)
        if items is None:
            return None
        poly = items[0].polygon()
        c = QPointF(sum(p.x() for p in poly) / poly.size(), sum(p.y() for p in poly) / poly.size())
        return self.mapFromScene(c)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        if (pos - press).manhattanLength() <= CLICK_SLOP:
            gid = self.grid_at(pos)
            if gid is not None:
                self.grid_clicked.emit(gid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        gid = self.grid_at(event.pos())
        if gid is not None:
            self.grid_menu.emit(gid, event.globalPos())
            event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            gid = self.grid_at(pos)
            if gid is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.tooltip_for(gid)), self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
