"""The timeline under the wall: recorded ranges, gaps, alert and motion marks, bookmarks, the cursor.

Drawn with QPainter from numpy arrays (epoch seconds), so 7 days x 16 cameras
of ranges and 10,000 marks draw in a few milliseconds at any zoom: ranges are
cut to the window with ``searchsorted``, and the rows are computed as one
picture with numpy (a pixel column is recorded if any range reaches into it,
marks colour their columns) and drawn with one ``drawImage``
(``tests/bench/bench_timeline.py`` measures the event-loop lag while
scrubbing).

- wheel: zoom around the pointer, from 7 days down to 10 seconds;
- drag: scrub (the cursor follows; ``seek_requested`` on release);
- Shift+drag: select a range (bookmark or export it: ``range_selected``);
- right button: a menu for the selected range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SPAN = 10.0  # seconds on the whole width, zoomed in
MAX_SPAN = 8 * 86400.0  # zoomed out: a little more than the 7 days of recordings
ROW_MAX = 14
AXIS_H = 18
BOOKMARK_H = 6

RECORDED = QColor("#3f8f5f")
GAP = QColor("#3a1f22")
ALERT = QColor("#e0524a")
MOTION = QColor("#d8a44a")
BOOKMARK = QColor("#4c8fd6")
CURSOR = QColor("#b98cff")
SELECTION = QColor(185, 140, 255, 60)
BACKGROUND = QColor("#101317")
TEXT = QColor("#aab2bb")

#: tick steps (seconds) the axis chooses from
_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)


def _bgra(c: QColor) -> np.ndarray:
    """A colour as the bytes of a QImage.Format_ARGB32 pixel (little-endian: B, G, R, A)."""
    return np.array([c.blue(), c.green(), c.red(), 255], np.uint8)


def epoch(t: datetime) -> float:
    return t.timestamp()


def from_epoch(s: float) -> datetime:
    return datetime.fromtimestamp(s, UTC)


@dataclass
class Row:
    """One camera's line: its recorded ranges and marks as epoch seconds."""

    camera_id: str
    label: str
    starts: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ends: np.ndarray = field(default_factory=lambda: np.zeros(0))
    marks: np.ndarray = field(default_factory=lambda: np.zeros(0))  # sorted
    alert: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per mark: alert (else motion)
    loaded: bool = False


@dataclass
class BookmarkBar:
    id: str
    camera_id: str
    start: float
    end: float
    note: str


class Timeline(QWidget):
    """See the module's doc."""

    seek_requested = Signal(object)  # datetime: scrubbed to here (mouse released), or clicked
    scrubbing = Signal(object)  # datetime: while dragging
    range_selected = Signal(object, object)  # datetime, datetime (Shift+drag)
    context_requested = Signal(object)  # QPoint (global)
    view_changed = Signal(float, float)  # the visible window, epoch seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.bookmarks: list[BookmarkBar] = []
        now = datetime.now(UTC).timestamp()
        self.t0, self.t1 = now - 3600.0, now + 300.0
        self.cursor: float | None = None
        self.selection: tuple[float, float] | None = None
        self._drag: str | None = None  # "scrub" | "select"
        self._press_x = 0.0
        self.follow = True  # keep the cursor in sight as it moves
        self._version = 0  # bumped when the data changes (the background is drawn again)
        self._background: QPixmap | None = None
        self._background_key: tuple[float, ...] | None = None
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setToolTip(self.tr("Wheel: zoom · drag: move the playback time · Shift+drag: choose a range "
                                "(bookmark, export) · right button: what to do with the range"))

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """(camera_id, label) per row, in the wall's order; keeps data already loaded for a camera."""
        old = {r.camera_id: r for r in self.rows}
        self.rows = [old.get(cid) or Row(cid, label) for cid, label in rows]
        for r, (_cid, label) in zip(self.rows, rows, strict=True):
            r.label = label
        self._version += 1
        self.updateGeometry()
        self.update()

    def set_ranges(self, camera_id: str, spans: list[tuple[datetime, datetime]],
                   marks: list[tuple[datetime, bool]]) -> None:
        """A camera's recorded spans (sorted, merged) and marks (time, is_alert)."""
        for r in self.rows:
            if r.camera_id == camera_id:
                r.starts = np.fromiter((epoch(s) for s, _ in spans), float, len(spans))
                r.ends = np.fromiter((epoch(e) for _, e in spans), float, len(spans))
                ms = sorted(marks)
                r.marks = np.fromiter((epoch(t) for t, _ in ms), float, len(ms))
                r.alert = np.fromiter((a for _, a in ms), bool, len(ms))
                r.loaded = True
        self._version += 1
        self.update()

    def set_bookmarks(self, bookmarks: list[BookmarkBar]) -> None:
        self.bookmarks = sorted(bookmarks, key=lambda b: b.start)
        self._version += 1
        self.update()

    def set_cursor(self, t: datetime | None) -> None:
        """The playback position (None: live, no cursor). Does not move while the operator drags."""
        if self._drag == "scrub":
            return
        self.cursor = None if t is None else epoch(t)
        if self.cursor is not None and self.follow:
            span = self.t1 - self.t0
            if not (self.t0 + 0.02 * span <= self.cursor <= self.t1 - 0.02 * span):
                self.set_window(self.cursor - span * 0.75, self.cursor + span * 0.25)
                return
        self.update()

    def set_window(self, t0: float, t1: float) -> None:
        span = min(MAX_SPAN, max(MIN_SPAN, t1 - t0))
        mid = (t0 + t1) / 2
        self.t0, self.t1 = mid - span / 2, mid + span / 2
        self.view_changed.emit(self.t0, self.t1)
        self.update()

    def show_around(self, t: datetime, span: float) -> None:
        c = epoch(t)
        self.set_window(c - span / 2, c + span / 2)

    # ------------------------------------------------------------------ geometry
    def sizeHint(self) -> QSize:
        return QSize(800, AXIS_H + BOOKMARK_H + 4 + max(1, len(self.rows)) * ROW_MAX + 4)

    def _label_w(self) -> int:
        return 120

    def _x(self, t: float) -> float:
        lw = self._label_w()
        return lw + (t - self.t0) / (self.t1 - self.t0) * (self.width() - lw)

    def time_at(self, x: float) -> float:
        lw = self._label_w()
        return self.t0 + (x - lw) / max(1.0, self.width() - lw) * (self.t1 - self.t0)

    def _row_h(self) -> float:
        avail = self.height() - AXIS_H - BOOKMARK_H - 6
        return max(3.0, min(float(ROW_MAX), avail / max(1, len(self.rows))))

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        lw = self._label_w()
        w = self.width() - lw
        if w <= 0:
            return
        scale = w / (self.t1 - self.t0)  # px per second
        # everything but the cursor and the selection is drawn once per view (window, size, data)
        # into a pixmap: scrubbing only moves the cursor over it
        key = (self.t0, self.t1, self.width(), self.height(), self._version, self.devicePixelRatioF())
        if self._background is None or self._background_key != key:
            self._background = self._paint_background(lw, w, scale)
            self._background_key = key
        p = QPainter(self)
        p.drawPixmap(0, 0, self._background)
        p.setFont(self._small_font())
        if self.selection is not None:
            a, b = sorted(self.selection)
            p.fillRect(QRectF(self._x(a), AXIS_H, max(1.0, (b - a) * scale), self.height() - AXIS_H), SELECTION)
        if self.cursor is not None and self.t0 <= self.cursor <= self.t1:
            x = self._x(self.cursor)
            p.setPen(QPen(CURSOR, 2))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            label = from_epoch(self.cursor).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            fm = p.fontMetrics()
            tw = fm.horizontalAdvance(label) + 8
            bx = min(max(lw, x - tw / 2), self.width() - tw)
            p.fillRect(QRectF(bx, 0, tw, AXIS_H - 2), CURSOR.darker(220))
            p.setPen(Qt.GlobalColor.white)
            p.drawText(QRectF(bx, 0, tw, AXIS_H - 2), Qt.AlignmentFlag.AlignCenter, label)
        p.end()

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        return small

    def _paint_background(self, lw: int, w: int, scale: float) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pix = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(BACKGROUND)
        p = QPainter(pix)
        p.setFont(self._small_font())
        self._paint_axis(p, lw, w, scale)
        top = AXIS_H + BOOKMARK_H + 4
        rh = self._row_h()
        p.setPen(TEXT)
        for i, r in enumerate(self.rows):
            y = top + i * rh
            p.drawText(QRectF(4, y, lw - 8, rh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       r.label)
        if self.rows:
            qimg, _keep = self._rows_image(lw, rh, scale)
            p.drawImage(QPointF(lw, top), qimg)
        self._paint_bookmarks(p, lw, scale)
        p.end()
        return pix

    def _paint_axis(self, p: QPainter, lw: int, w: int, scale: float) -> None:
        target = 110 / scale  # about one label per 110 px
        step = next((s for s in _STEPS if s >= target), 86400 * math.ceil(target / 86400))
        local = datetime.now().astimezone().utcoffset()
        off = local.total_seconds() if local else 0.0
        first = math.floor((self.t0 + off) / step) * step - off
        p.setPen(QPen(TEXT.darker(160), 1))
        fmt = "%H:%M:%S" if step < 60 else ("%H:%M" if step < 86400 else "%m-%d")
        t = first
        n = 0
        while t <= self.t1 and n < 200:
            x = self._x(t)
            if x >= lw:
                p.setPen(QPen(TEXT.darker(200), 1))
                p.drawLine(QPointF(x, AXIS_H - 4), QPointF(x, self.height()))
                p.setPen(TEXT)
                d = from_epoch(t).astimezone()
                text = d.strftime("%m-%d") if (step < 86400 and d.hour == 0 and d.minute == 0 and d.second == 0) \
                    else d.strftime(fmt)
                p.drawText(QPointF(x + 3, AXIS_H - 5), text)
            t += step
            n += 1

    def _rows_image(self, lw: int, rh: float, scale: float) -> tuple[QImage, np.ndarray]:
        """Every row as one picture, computed with numpy: a column is recorded if any range covers
        it (ranges narrower than a pixel still show as one), marks are coloured columns. One
        ``drawImage`` instead of thousands of rectangles and lines."""
        width = max(1, self.width() - lw)
        height = max(1, round(rh * len(self.rows)))
        img = np.empty((height, width, 4), np.uint8)
        img[:] = _bgra(BACKGROUND)
        palette = np.stack([_bgra(GAP), _bgra(RECORDED)])  # index by "recorded"
        for i, r in enumerate(self.rows):
            y0, y1 = round(i * rh), max(round(i * rh) + 1, round((i + 1) * rh) - 1)
            if not r.loaded:
                img[y0:y1] = _bgra(BACKGROUND.lighter(130))
                continue
            a = int(np.searchsorted(r.ends, self.t0, side="right"))
            b = int(np.searchsorted(r.starts, self.t1, side="left"))
            recorded = np.zeros(width, np.int64)
            if b > a:
                xs = np.clip(np.floor((r.starts[a:b] - self.t0) * scale), 0, width - 1).astype(np.int64)
                xe = np.clip(np.ceil((r.ends[a:b] - self.t0) * scale), 1, width).astype(np.int64)
                xe = np.maximum(xe, xs + 1)
                edge = np.bincount(xs, minlength=width + 1) - np.bincount(xe, minlength=width + 1)
                recorded = (np.cumsum(edge[:width]) > 0).astype(np.int64)
            img[y0:y1] = palette[recorded][None, :, :]
            m0 = int(np.searchsorted(r.marks, self.t0, side="left"))
            m1 = int(np.searchsorted(r.marks, self.t1, side="right"))
            if m1 > m0:
                cols = np.clip(((r.marks[m0:m1] - self.t0) * scale).astype(np.int64), 0, width - 1)
                kinds = r.alert[m0:m1]
                img[y0 + (y1 - y0) // 2:y1, cols[~kinds]] = _bgra(MOTION)
                img[y0:y1, cols[kinds]] = _bgra(ALERT)
        # the future is not a gap: nothing to record yet
        now_x = int((datetime.now(UTC).timestamp() - self.t0) * scale)
        if now_x < width:
            img[:, max(0, now_x):] = _bgra(BACKGROUND)
        qimg = QImage(img.data, width, height, width * 4, QImage.Format.Format_ARGB32)
        return qimg, img  # the array backs the image: keep it alive while drawing

    def _paint_bookmarks(self, p: QPainter, lw: int, scale: float) -> None:
        y = AXIS_H + 1
        for bm in self.bookmarks:
            if bm.end < self.t0 or bm.start > self.t1:
                continue
            xa = self._x(max(bm.start, self.t0))
            xb = self._x(min(bm.end, self.t1))
            p.fillRect(QRectF(xa, y, max(3.0, xb - xa), BOOKMARK_H), BOOKMARK)

    # ------------------------------------------------------------------ mouse
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return
        x = event.position().x()
        self.zoom_at(x, steps)
        event.accept()

    def zoom_at(self, x: float, steps: float) -> None:
        """Zoom in (steps > 0) or out around the time under ``x``; 1.5x per step."""
        pivot = self.time_at(max(float(self._label_w()), x))
        factor = 1.5 ** (-steps)
        span = min(MAX_SPAN, max(MIN_SPAN, (self.t1 - self.t0) * factor))
        frac = (pivot - self.t0) / (self.t1 - self.t0)
        self.t0 = pivot - frac * span
        self.t1 = self.t0 + span
        self.view_changed.emit(self.t0, self.t1)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.context_requested.emit(event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton or event.position().x() < self._label_w():
            return
        self._press_x = event.position().x()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._drag = "select"
            t = self.time_at(self._press_x)
            self.selection = (t, t)
        else:
            self._drag = "scrub"
            self.cursor = self.time_at(self._press_x)
            self.scrubbing.emit(from_epoch(self.cursor))
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = min(max(float(self._label_w()), event.position().x()), float(self.width()))
        if self._drag == "scrub":
            self.cursor = self.time_at(x)
            self.scrubbing.emit(from_epoch(self.cursor))
            self.update()
        elif self._drag == "select" and self.selection is not None:
            self.selection = (self.selection[0], self.time_at(x))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag == "scrub" and self.cursor is not None:
            self.seek_requested.emit(from_epoch(self.cursor))
        elif drag == "select" and self.selection is not None:
            a, b = sorted(self.selection)
            if b - a < 1.0:
                self.selection = None
                self.update()
                return
            self.selection = (a, b)
            self.range_selected.emit(from_epoch(a), from_epoch(b))
