"""How a grid status (网格状态) looks and reads, and when it is stale: the one vocabulary of the app.

The tiles, the grid tree, the grid board and the grid map all take a
status's words, colour, glyph and shape and the stale age from here (the
plain data is ``controlroom.grids``'s; the map's own hatch patterns are in
its api), translated in the context "Grids", so "✖ Incident" reads the same
everywhere. A status is never colour alone: each has a glyph of its own
shape (● ▲ ✖ ○) and its words.

``GridStaleness`` follows the session's connection state: from the event
stream dropping until the client is connected again, statuses are the last
known ones and are shown as stale with their age.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from controlroom.ui import text as ui_text
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

from controlroom.api.schema import Grid, GridStatus
from controlroom.grids import STATUS_COLOUR, STATUS_GLYPH, STATUS_ORDER, StaleClock, age_parts

__all__ = [
    "STATUS_ORDER",
    "GridStaleness",
    "age_text",
    "grid_tooltip_lines",
    "stale_banner_text",
    "status_colour",
    "status_glyph",
    "status_icon",
    "status_label",
    "status_text",
]

STALE_COLOUR = QColor("#d8a44a")  # theme.WARNING: amber, calm


def _status(status: GridStatus | str) -> GridStatus | None:
    try:
        return GridStatus(status)
    except ValueError:  # a status newer than this client
        return None


def status_text(status: GridStatus | str) -> str:
    """A status in the operator's words; a status newer than this client as the platform names it."""
    words = {
        GridStatus.NORMAL: QCoreApplication.translate("Grids", "Normal"),
        GridStatus.ATTENTION: QCoreApplication.translate("Grids", "Attention"),
        GridStatus.INCIDENT: QCoreApplication.translate("Grids", "Incident"),
        GridStatus.NO_COVERAGE: QCoreApplication.translate("Grids", "No coverage"),
    }
    s = _status(status)
    return words[s] if s is not None else str(status)


def status_glyph(status: GridStatus | str) -> str:
    s = _status(status)
    return STATUS_GLYPH[s] if s is not None else "?"


def status_label(status: GridStatus | str) -> str:
    """Glyph and words: "✖ Incident"."""
    return f"{status_glyph(status)} {status_text(status)}"


def status_colour(status: GridStatus | str, alpha: int = 255) -> QColor:
    s = _status(status)
    colour = QColor(STATUS_COLOUR[s]) if s is not None else QColor("#ffffff")
    colour.setAlpha(alpha)
    return colour


def age_text(seconds: float) -> str:
    """"stale 12 s" / "已过时 12 秒"."""
    number, unit = age_parts(seconds)
    if unit == "min":
        return QCoreApplication.translate("Grids", "stale {n} min").format(n=number)
    if unit == "h":
        return QCoreApplication.translate("Grids", "stale {n} h").format(n=number)
    return QCoreApplication.translate("Grids", "stale {n} s").format(n=number)


def stale_banner_text(seconds: float) -> str:
    """The grid board's and the grid map's banner while the event stream is down."""
    return QCoreApplication.translate(
        "Grids", "Grid statuses {age}: the live event stream dropped; reconnecting…").format(age=age_text(seconds))


_icons: dict[tuple[str, bool, int], QIcon] = {}


def paint_shape(painter: QPainter, status: GridStatus | str, rect: QRectF, colour: QColor) -> None:
    """The status's shape in ``rect``: a filled dot, a triangle, a cross, a hollow ring."""
    s = _status(status)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if s is GridStatus.ATTENTION:
        path = QPainterPath(QPointF(rect.center().x(), rect.top()))
        path.lineTo(rect.bottomRight())
        path.lineTo(rect.bottomLeft())
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
    elif s is GridStatus.INCIDENT:
        painter.setPen(QPen(colour, max(2.0, rect.width() / 4.5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        r = rect.adjusted(1, 1, -1, -1)
        painter.drawLine(r.topLeft(), r.bottomRight())
        painter.drawLine(r.topRight(), r.bottomLeft())
    elif s is GridStatus.NO_COVERAGE or s is None:
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(0.8, 0.8, -0.8, -0.8))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(rect)
    painter.restore()


def status_icon(status: GridStatus | str, stale: bool = False, size: int = 12) -> QIcon:
    """A small icon of the status's shape in its colour (grey-ish while stale). Cached."""
    key = (str(status), stale, size)
    icon = _icons.get(key)
    if icon is not None:
        return icon
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    colour = status_colour(status)
    if stale:
        colour.setAlpha(120)
    paint_shape(painter, status, QRectF(1.5, 1.5, size - 3.0, size - 3.0), colour)
    painter.end()
    icon = QIcon(pm)
    _icons[key] = icon
    return icon


def grid_tooltip_lines(grid: Grid, *, online: int | None = None, total: int | None = None,
                       stale_age: float | None = None) -> list[str]:
    """What a grid's tooltip says, one plain line each (escape before showing as rich text)."""
    lines = [grid.name, QCoreApplication.translate("GridStatus", "Status: {status}").format(status=status_label(grid.status))]
    if stale_age is not None:
        lines[-1] += " " + QCoreApplication.translate("GridStatus", "({age}: as last known)").format(age=age_text(stale_age))
    if grid.status_reason:
        lines.append(QCoreApplication.translate("GridStatus", "Reason: {reason}").format(reason=grid.status_reason))
    if online is None or total is None:
        online, total = grid.cameras_online, grid.cameras_total
    lines.append(QCoreApplication.translate("GridStatus", "Cameras online: {online} of {total}").format(online=online, total=total))
    lines.append(QCoreApplication.translate("GridStatus", "Members: {n}").format(n=len(grid.members)))
    lines.append(QCoreApplication.translate("GridStatus", "Patrol on duty: {n}").format(n=grid.patrol_on_duty))
    return lines


def rich_lines(lines: list[str]) -> str:
    """Plain lines as a tooltip that Qt shows as typed (names may contain markup); the first in bold."""
    return ui_text.rich_lines(lines)


class GridStaleness(QObject):
    """Whether grid statuses are stale, and for how long, from a session's connection state.

    ``changed`` fires when staleness begins or ends and once a second while it
    lasts (the age shown moves on), ``toggled(stale)`` only when it begins or
    ends; ``age()`` is None when fresh.
    """

    changed = Signal()
    toggled = Signal(bool)

    def __init__(self, session: Any | None = None, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self._stale = StaleClock()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.changed)
        self._unsubscribe: Callable[[], Any] | None = None
        if session is not None:
            self.follow(session)

    def follow(self, session: Any) -> None:
        """Listen to ``session.on_state`` (and take its state now)."""
        self.stop()
        self._unsubscribe = session.on_state(lambda state, _detail: self.set_state(str(state)))
        self.set_state(str(session.state))

    def set_state(self, state: str) -> None:
        if self._stale.update(state, self.clock()):
            if self._stale.stale:
                self._timer.start()
            else:
                self._timer.stop()
            self.changed.emit()
            self.toggled.emit(self._stale.stale)

    @property
    def stale(self) -> bool:
        return self._stale.stale

    def age(self) -> float | None:
        return self._stale.age(self.clock()) if self._stale.stale else None

    def stop(self) -> None:
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
