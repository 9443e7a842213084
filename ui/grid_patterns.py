"""Grid status hatch patterns and the words for putting a grid on the wall: shared by the grid
map and the grid board (plugins reach them through ``controlroom.ui.api``).

A status is never told by colour alone: on the map and the board's bars each
has a fill pattern over its colour. The colour, glyph, words and stale age
are the app's one vocabulary, ``controlroom.ui.grid_status``;
``controlroom.grids`` holds the plain data of both.
"""

from __future__ import annotations

import html
from typing import Any

from controlroom.ui.grid_status import status_colour
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from controlroom.api.schema import GridStatus
from controlroom.grids import MAX_TILES, STATUS_PATTERN, WallPut
from controlroom.textsafe import display_name

__all__ = [
    "hatch_brush",
    "plain_tooltip",
    "put_text",
    "swatch",
]

_PATTERNS: dict[str, Qt.BrushStyle] = {
    "solid": Qt.BrushStyle.NoBrush,  # the colour alone
    "diagonal": Qt.BrushStyle.BDiagPattern,
    "crosshatch": Qt.BrushStyle.DiagCrossPattern,
    "dots": Qt.BrushStyle.Dense6Pattern,
}


def hatch_brush(status: GridStatus | str, colour: QColor | None = None) -> QBrush:
    """The status's pattern, drawn over its colour (NoBrush for a plain colour).

    Qt's pattern brushes are not scaled by the painter's transform, so the
    hatching keeps its pixel spacing at every zoom of the map or the chart.
    """
    try:
        style = _PATTERNS[STATUS_PATTERN[GridStatus(status)]]
    except ValueError:
        style = Qt.BrushStyle.NoBrush
    return QBrush(colour if colour is not None else QColor(0, 0, 0, 150), style)


def swatch(status: GridStatus | str, width: int = 26, height: int = 14) -> QPixmap:
    """A legend swatch: the colour, its pattern and a thin border."""
    pm = QPixmap(width, height)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    rect = QRect(0, 0, width - 1, height - 1)
    p.fillRect(rect, status_colour(status))
    p.fillRect(rect, hatch_brush(status))
    p.setPen(QPen(QColor("#d5d9de"), 1))
    p.drawRect(rect)
    p.end()
    return pm


def plain_tooltip(text: str) -> str:
    """Text that Qt shows as typed: names from the platform may contain markup."""
    return '<p style="white-space:pre">' + html.escape(display_name(text)).replace("\n", "<br>") + "</p>"


def put_text(wall: Any, name: str, ids: list[str], around: list[str], done: WallPut | None = None) -> str:
    """What putting a grid's cameras on the wall did (or why it did nothing), in words."""
    if wall is None:
        return QCoreApplication.translate("Grids", "There is no video wall in this window.")
    if not ids:
        return QCoreApplication.translate("Grids", "{grid} has no cameras.").format(grid=name)
    if done is None:
        return ""
    if around:
        text = QCoreApplication.translate(
            "Grids", "Incident wall for {grid} and {n} neighbouring grids: {shown} cameras on a {tiles}-tile view."
        ).format(grid=name, n=len(around), shown=done.shown, tiles=done.tiles)
    else:
        text = QCoreApplication.translate("Grids", "{grid}: {shown} cameras on a {tiles}-tile view.").format(
            grid=name, shown=done.shown, tiles=done.tiles)
    if done.overflow:
        text += " " + QCoreApplication.translate("Grids", "{n} more did not fit (at most {max} tiles).").format(
            n=done.overflow, max=MAX_TILES)
    return text
