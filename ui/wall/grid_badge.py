"""A tile's grid badge (网格): the grid's status as shape + colour (+ words when there is room) and its name.

Drawn in the tile's header band, never over the video (native surfaces).
From left to right: a pill in the status colour with the glyph (● ▲ ✖ ○)
and, on a wide enough tile, the status in words; the stale age in amber
while the event stream is down; then the grid's name, cut with "…". The
name comes from the platform and is painted as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from controlroom.ui import grid_status as GS
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from controlroom.api.schema import Grid, GridStatus

#: the pill says the status in words when that leaves at least this much (px) for the rest
ROOM_AFTER_WORDS = 48


@dataclass(frozen=True)
class GridBadgeInfo:
    """What a tile shows about its camera's grid (a snapshot: the badge repaints from it)."""

    grid_id: str
    name: str
    status: GridStatus | str
    tooltip_lines: tuple[str, ...]

    @classmethod
    def of(cls, grid: Grid, online: int | None = None, total: int | None = None) -> GridBadgeInfo:
        return cls(grid.id, grid.name, grid.status,
                   tuple(GS.grid_tooltip_lines(grid, online=online, total=total)))


class GridBadge(QWidget):
    """Status pill, stale age and grid name, painted in one widget (cheap on a 64-tile wall)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: GridBadgeInfo | None = None
        self._stale = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(22)  # the glyph pill, always
        self.hide()

    # ------------------------------------------------------------------ content

    def set_info(self, info: GridBadgeInfo | None) -> None:
        if info == self.info:
            return
        self.info = info
        self.setVisible(info is not None)
        self._retooltip()
        self.updateGeometry()
        self.update()

    def set_stale(self, text: str) -> None:
        """"stale 12 s" while the statuses are stale, "" when fresh."""
        if text != self._stale:
            self._stale = text
            self._retooltip()
            self.update()

    @property
    def stale_text(self) -> str:
        return self._stale

    @property
    def status(self) -> str | None:
        return str(self.info.status) if self.info is not None else None

    def _retooltip(self) -> None:
        if self.info is None:
            self.setToolTip("")
            return
        lines = list(self.info.tooltip_lines)
        if self._stale and len(lines) > 1:
            lines.insert(2, self.tr("{age}: the live updates stopped; this is the last known status.").format(
                age=self._stale))
        self.setToolTip(GS.rich_lines(lines))

    def _pill_width(self, words: str) -> float:
        bold = QFont(self.font())
        bold.setBold(True)
        glyph = self.fontMetrics().height() * 0.62
        return 10 + glyph + (4 + QFontMetricsF(bold).horizontalAdvance(words) if words else 0)

    def shows_words(self) -> bool:
        """Whether the tile is wide enough for the status in words (else the glyph alone)."""
        if self.info is None:
            return False
        return self.width() >= self._pill_width(GS.status_text(self.info.status)) + ROOM_AFTER_WORDS

    def display_text(self) -> str:
        """What the badge says, as painted (tests, accessibility)."""
        if self.info is None:
            return ""
        pill = GS.status_label(self.info.status) if self.shows_words() else GS.status_glyph(self.info.status)
        return " ".join(t for t in (pill, self._stale, self.info.name) if t)

    # ------------------------------------------------------------------ size and paint

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        if self.info is None:
            return QSize(0, fm.height())
        return QSize(fm.horizontalAdvance(self.display_text()) + 24, fm.height() + 2)

    def minimumSizeHint(self) -> QSize:
        h = self.fontMetrics().height()
        return QSize(h, h)  # the glyph pill at least

    def paintEvent(self, event: QPaintEvent) -> None:
        info = self.info
        if info is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        h = self.height()
        colour = GS.status_colour(info.status)
        stale = bool(self._stale)
        words = GS.status_text(info.status) if self.shows_words() else ""
        glyph = QRectF(0, 0, fm.height() * 0.62, fm.height() * 0.62)
        pad = 5.0
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        word_w = p.fontMetrics().horizontalAdvance(words) if words else 0
        pill_w = pad + glyph.width() + (4 + word_w if words else 0) + pad
        pill = QRectF(0.5, 2.5, min(pill_w, self.width() - 1.0), h - 5.0)
        # the pill: status colour, dimmed while stale (the words stay readable)
        fill = QColor(colour)
        fill.setAlpha(90 if stale else 215)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        ink = QColor("#0c0e11") if not stale else QColor("#e3e7eb")
        glyph.moveCenter(pill.center())
        glyph.moveLeft(pill.left() + pad)
        GS.paint_shape(p, info.status, glyph, ink)
        x = glyph.right() + 4
        if words:
            p.setPen(ink)
            p.drawText(QRectF(x, 0, word_w + 1, h), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), words)
        x = pill.right() + 5
        p.setFont(self.font())
        if stale:
            p.setPen(GS.STALE_COLOUR)
            w = fm.horizontalAdvance(self._stale)
            p.drawText(QRectF(x, 0, w + 1, h), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self._stale)
            x += w + 5
        room = int(self.width() - x)
        if room > fm.horizontalAdvance("…") + 2:
            p.setPen(QColor("#b9c0c8"))
            name = fm.elidedText(info.name, Qt.TextElideMode.ElideRight, room)
            p.drawText(QRectF(x, 0, room, h), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
        p.end()
