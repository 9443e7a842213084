"""The dark, calm look of ControlRoom, and the small status icons it draws.

Control rooms run dimmed for 12-hour shifts: low-contrast dark greys, one
muted accent, and status colours that stay readable without glowing. Status
is never colour alone: online is a filled dot, offline a hollow ring, so a
colour-blind operator reads the same tree.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

# Status colours, shared by the tree, the status bar and (later) the wall.
ONLINE = QColor("#4fae7b")
OFFLINE = QColor("#d0675f")
WARNING = QColor("#d8a44a")
NEUTRAL = QColor("#8a929c")
ACCENT = QColor("#3d6f9e")

WALL_BACKGROUND = QColor("#0c0e11")
WALL_TILE = QColor("#13171b")
WALL_TILE_BORDER = QColor("#1d2329")


def apply_dark_theme(app: QApplication) -> None:
    """Fusion style with a dark palette: Fusion honours the palette on every platform."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    p = QPalette()
    window = QColor("#1e2226")
    base = QColor("#171a1e")
    text = QColor("#d5d9de")
    dim = QColor("#7c848d")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#1b1f23"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#262b31"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, dim)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#262b31"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Light, QColor("#3a4048"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#2f353c"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#262b31"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#111316"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    p.setColor(QPalette.ColorRole.Highlight, ACCENT)
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#7fb0e0"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, dim)
    app.setPalette(p)


_icon_cache: dict[tuple[str, bool, int], QIcon] = {}


def status_icon(shape: str, online: bool, size: int = 12) -> QIcon:
    """A small status icon: ``shape`` is "dot" (camera) or "square" (site).

    Cached: the tree asks for one per visible row on every repaint, and a
    handful of shared QIcons is all it ever needs.
    """
    key = (shape, online, size)
    icon = _icon_cache.get(key)
    if icon is not None:
        return icon
    ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0  # type: ignore[union-attr]
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = ONLINE if online else OFFLINE
    rect = QRectF(2.0, 2.0, size - 4.0, size - 4.0)
    if online:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    else:
        # hollow: offline must differ in shape, not only in colour
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect.adjust(0.8, 0.8, -0.8, -0.8)
    if shape == "square":
        painter.drawRoundedRect(rect, 2.0, 2.0)
    else:
        painter.drawEllipse(rect)
    painter.end()
    icon = QIcon(pm)
    _icon_cache[key] = icon
    return icon


def dot_pixmap(colour: QColor, size: int = 10) -> QPixmap:
    """A filled dot, for the connection indicator in the status bar."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(1.0, 1.0, size - 2.0, size - 2.0))
    painter.end()
    return pm
