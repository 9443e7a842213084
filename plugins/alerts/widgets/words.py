"""Alerts in the operator's words: kinds, severities, times, and their colours and shapes.

Severity is never colour alone (colour-blind operators): each has a shape
(critical ▲, warning ◆, info ●) and a word. Strings are literal
``translate("Alerts", ...)`` calls so that lupdate finds them.
"""

from __future__ import annotations

from datetime import datetime

from controlroom.ui.api import text as ui_text
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from controlroom.api.schema import Alert, AlertKind, Severity

#: Severity colours: readable on the dark theme, distinct for red/green colour blindness
#: together with the shapes below.
COLOURS: dict[Severity, QColor] = {
    Severity.CRITICAL: QColor("#e5534b"),
    Severity.WARNING: QColor("#e0a33a"),
    Severity.INFO: QColor("#4d94d6"),
}
#: The shape drawn for each severity (also used as text in plain-text places).
SHAPES: dict[Severity, str] = {Severity.CRITICAL: "▲", Severity.WARNING: "◆", Severity.INFO: "●"}
#: Most severe first.
SEVERITY_ORDER = (Severity.CRITICAL, Severity.WARNING, Severity.INFO)


def kind_text(kind: AlertKind | str) -> str:
    words = {
        AlertKind.CHECKPOINT_HIT: QCoreApplication.translate("Alerts", "Checkpoint hit"),
        AlertKind.CAMERA_OFFLINE: QCoreApplication.translate("Alerts", "Camera offline"),
        AlertKind.PATROL_SOS: QCoreApplication.translate("Alerts", "Patrol SOS"),
        AlertKind.GRID_INCIDENT: QCoreApplication.translate("Alerts", "Grid incident"),
    }
    return words.get(kind, str(kind))  # type: ignore[call-overload]


def severity_text(severity: Severity | str) -> str:
    words = {
        Severity.CRITICAL: QCoreApplication.translate("Alerts", "Critical"),
        Severity.WARNING: QCoreApplication.translate("Alerts", "Warning"),
        Severity.INFO: QCoreApplication.translate("Alerts", "Info"),
    }
    return words.get(severity, str(severity))  # type: ignore[call-overload]


def when_text(t: datetime | None, now: datetime | None = None) -> str:
    """Local time: "14:03:22" today, "11-28 14:03" on another day."""
    if t is None:
        return ""
    local = t.astimezone()
    today = (now or datetime.now().astimezone()).date()
    return local.strftime("%H:%M:%S") if local.date() == today else local.strftime("%m-%d %H:%M")


def acknowledged_text(alert: Alert) -> str:
    if alert.acknowledged_by is None and alert.acknowledged_at is None:
        return ""
    text = QCoreApplication.translate("Alerts", "{who} at {when}").format(
        who=alert.acknowledged_by or "?", when=when_text(alert.acknowledged_at))
    note = " ".join((alert.acknowledged_note or "").split())  # one line in a cell
    return QCoreApplication.translate("Alerts", "{acknowledged}: {note}").format(acknowledged=text, note=note) \
        if note else text


def rich(*lines: str) -> str:
    """Plain text lines as a tooltip: escaped, so names with markup show as typed."""
    return ui_text.rich_lines([line for line in lines if line], bold_first=False)


_icons: dict[tuple[Severity, int], QIcon] = {}


def severity_icon(severity: Severity, size: int = 14) -> QIcon:
    """The severity's shape in its colour (cached)."""
    key = (severity, size)
    icon = _icons.get(key)
    if icon is None:
        icon = QIcon(severity_pixmap(severity, size))
        _icons[key] = icon
    return icon


def severity_pixmap(severity: Severity, size: int = 14, ratio: float = 2.0) -> QPixmap:
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS.get(severity, QColor("#8a929c"))
    p.setPen(QPen(colour.darker(160), 1))
    p.setBrush(colour)
    s, m = float(size), 1.5
    if severity == Severity.CRITICAL:
        p.drawPolygon(QPolygonF([QPointF(s / 2, m), QPointF(s - m, s - m), QPointF(m, s - m)]))
        p.setPen(QPen(QColor("#1a1a1a"), 1.6))
        p.drawLine(QPointF(s / 2, s * 0.40), QPointF(s / 2, s * 0.66))
        p.drawPoint(QPointF(s / 2, s * 0.80))
    elif severity == Severity.WARNING:
        p.drawPolygon(QPolygonF([QPointF(s / 2, m), QPointF(s - m, s / 2), QPointF(s / 2, s - m), QPointF(m, s / 2)]))
    else:
        p.drawEllipse(QRectF(m + 1, m + 1, s - 2 * m - 2, s - 2 * m - 2))
    p.end()
    return pm
