"""The grid board's axes: town names that never overlap, and times in the operator's language.

``TownAxis`` labels the status chart's rows with town names. A short pane
has less height than sixteen lines of text: the axis then labels every k-th
town (all of them as soon as they fit) and elides a name wider than the
axis, so labels never draw over each other.

``TimeAxis`` labels the time charts. pyqtgraph's ``DateAxisItem`` writes
month and day names through ``strftime`` in English whatever the language,
and a chart with one sample (at start) spans a fraction of a second, where
it fell back to raw numbers. Here the span is at least ``MIN_SPAN`` and
every label goes through ``QLocale`` with a translated format.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter

MIN_SPAN = 600.0  # s: a time chart shows at least ten minutes


class TownAxis(pg.AxisItem):
    """A left axis with one label per row (town), thinned and elided to fit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__("left", *args, **kwargs)
        self.names: list[str] = []
        self.setWidth(110)
        # the thinning below already keeps labels a line apart: let pyqtgraph draw them all
        # (its default drops a level of labels that fills more than 80 % of the axis)
        self.setStyle(textFillLimits=[(0, 1.0)])

    def set_names(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.picture = None
        self.update()

    def step(self, size: float) -> int:
        """Label every ``step``-th row so that labels are at least a line apart at ``size`` px."""
        n = len(self.names)
        if n == 0 or size <= 0:
            return 1
        line = QFontMetrics(self.font()).height() + 2
        return max(1, math.ceil(n * line / size))

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        k = self.step(size)
        lo, hi = min(minVal, maxVal), max(minVal, maxVal)  # the status chart is inverted: first town on top
        rows = [float(i) for i in range(0, len(self.names), k) if lo - 0.5 <= i <= hi + 0.5]
        return [(1.0, rows)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        fm = QFontMetrics(self.font())
        room = max(20, int(self.width()) - 12)
        out = []
        for v in values:
            i = round(v)
            name = self.names[i] if 0 <= i < len(self.names) else ""
            out.append(fm.elidedText(name, Qt.TextElideMode.ElideMiddle, room))
        return out

    def drawn_labels(self) -> list[tuple[QRectF, str]]:
        """(rectangle, text) of every label pyqtgraph draws at the axis's current size."""
        image = QImage(4, 4, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            specs = self.generateDrawSpecs(painter)
        finally:
            painter.end()
        if specs is None:
            return []
        return [(QRectF(rect), str(text)) for rect, _flags, text in specs[2]]


def _formats() -> list[tuple[float, str]]:
    """(minimum tick spacing in s, QDateTime format) in the operator's language, finest first."""
    return [
        (0.0, QCoreApplication.translate("GridBoard", "HH:mm:ss")),
        (60.0, QCoreApplication.translate("GridBoard", "HH:mm")),
        (86_400.0, QCoreApplication.translate("GridBoard", "MMM d")),
        (28 * 86_400.0, QCoreApplication.translate("GridBoard", "MMM yyyy")),
    ]


def time_text(t: float, spacing: float, locale: QLocale | None = None) -> str:
    """A tick label for time ``t`` (Unix seconds) on an axis whose ticks are ``spacing`` s apart."""
    fmt = next(f for s, f in reversed(_formats()) if spacing >= s)
    dt = QDateTime.fromSecsSinceEpoch(int(t))
    return (locale or QLocale()).toString(dt, fmt)


class TimeAxis(pg.AxisItem):
    """A bottom axis of wall-clock times: sensible steps, translated labels."""

    STEPS = (1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
             86_400, 172_800, 604_800, 2_592_000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__("bottom", *args, **kwargs)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        span = max(maxVal - minVal, 1.0)
        label_px = QFontMetrics(self.font()).horizontalAdvance("00:00:00") + 24
        wanted = max(1, int(size / label_px))
        step = next((s for s in self.STEPS if span / s <= wanted), self.STEPS[-1])
        # align to local time (a tick at 14:00, not 13:57)
        offset = datetime.fromtimestamp(minVal).astimezone().utcoffset()
        off = offset.total_seconds() if offset is not None else 0.0
        first = math.ceil((minVal + off) / step) * step - off
        ticks = []
        t = first
        while t <= maxVal and len(ticks) < 100:
            ticks.append(t)
            t += step
        return [(float(step), ticks)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [time_text(v, spacing) for v in values]
