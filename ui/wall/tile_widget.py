"""One tile of the wall: a native video surface, a header band, and a status panel.

The picture comes from libVLC drawing into a native child window
(``VideoSurface``), which Qt never paints. Anything Qt draws over a native
window is lost (gridplayer's lesson, STYLE.md), so the overlay is built
*around* the video instead of on top of it:

- a thin header band above the video: camera name, its grid's status
  badge (shape, colour and words, stale age while the event stream is
  down) and grid name, the site, a coloured state dot with the state in
  words, and on demand fps / bit rate, the stream in use and a tour
  countdown; a tile whose grid is in incident gets a steady outline in the
  incident colour (calm: no flashing on a wall of 64);
- when the tile is not playing, the video surface is replaced (a stacked
  layout) by a status panel that says what is happening in words —
  connecting, reconnecting in N s, offline, the reason of an error, or how to
  put video on an empty tile. A tile is never black without an explanation.

Each tile owns two surfaces: the one on screen and one out of sight, where a
tour pre-rolls its next camera so that the step shows live video at once
(``swap_surfaces``).

Camera and site names come from the platform: every label here is plain
text, so a name such as ``<b>gate</b>`` shows its tags literally.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from controlroom.ui import grid_status as GS
from controlroom.ui import text as ui_text
from controlroom.ui import theme
from controlroom.ui.lazy_tree import ITEMS_MIME
from controlroom.ui.wall import tile_drag
from controlroom.ui.wall.grid_badge import GridBadge, GridBadgeInfo
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import GridStatus

#: tree items dragged onto the wall: JSON list of {"type": "camera"|"site"|"grid", "id": GB id}
#: a tile dragged onto another (to swap): the source tile's index as text
TILE_MIME = "application/x-controlroom-tile"

ZOOM_STEP = 1.25
MAX_ZOOM = 8.0  # at most 1/8 of the picture's width and height fills the tile
MAX_SURFACE_PIXELS = 3840 * 2160
"""A zoomed surface's bound (a 4K screen): libVLC scales every picture to all of it. Measured on
the 2-core box under Xvfb, one 720p tile on a 4-tile wall at 1200x800: 2560x1440 26 % of a core,
3840x2160 47 %, 5276x2968 (8x) 73 %, all at 18-28 pictures/s. So 8x on tiles up to about 480x270
px, less (5.8x at 591x371) on larger ones."""
HEADER_HEIGHT = 20
INCIDENT_OUTLINE = GS.status_colour(GridStatus.INCIDENT)
HEADER_BACKGROUND = QColor("#181c21")
HEADER_INCIDENT = QColor("#2b1c16")  # the header warms a little: the outline does the rest


def encode_items(items: list[tuple[str, str]]) -> QByteArray:
    return QByteArray(json.dumps([{"type": t, "id": i} for t, i in items]).encode("utf-8"))


def decode_items(data: QByteArray | bytes) -> list[tuple[str, str]]:
    """The (type, id) pairs of an ``ITEMS_MIME`` payload; [] for anything malformed."""
    try:
        raw = json.loads(bytes(data).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("type"), str) and isinstance(item.get("id"), str):
            out.append((item["type"], item["id"]))
    return out


def state_words(state: str) -> str:
    """The words for a ``TileState`` value."""
    words = {
        "idle": QCoreApplication.translate("TileWidget", "Idle"),
        "connecting": QCoreApplication.translate("TileWidget", "Connecting"),
        "playing": QCoreApplication.translate("TileWidget", "Live"),
        "stalled": QCoreApplication.translate("TileWidget", "No new pictures"),
        "reconnecting": QCoreApplication.translate("TileWidget", "Reconnecting"),
        "offline": QCoreApplication.translate("TileWidget", "Camera offline"),
        "failed": QCoreApplication.translate("TileWidget", "Cannot play"),
        "empty": QCoreApplication.translate("TileWidget", "Empty"),
    }
    return words.get(state, state)


def state_colour(state: str) -> QColor:
    return {
        "playing": theme.ONLINE,
        "connecting": theme.WARNING,
        "stalled": theme.WARNING,
        "reconnecting": theme.WARNING,
        "offline": theme.OFFLINE,
        "failed": theme.OFFLINE,
    }.get(state, theme.NEUTRAL)


class ElidedLabel(QWidget):
    """One line of plain text, cut with "…" when the tile is too narrow.

    ``elide`` says where the cut goes (a camera's own name keeps its
    distinctive end: the middle goes); ``fallback`` (a tile number) shows
    instead when fewer than ``MIN_CHARS`` characters would be left.
    """

    MIN_CHARS = 2

    def __init__(self, colour: str, bold: bool = False, parent: QWidget | None = None,
                 elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._text = ""
        self._fallback = ""
        self._context = ""
        self._elide = elide
        self._colour = QColor(colour)
        f = QFont(self.font())
        f.setBold(bold)
        self.setFont(f)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.updateGeometry()
            self.update()

    def text(self) -> str:
        return self._text

    def setFallback(self, text: str) -> None:
        if text != self._fallback:
            self._fallback = text
            self.update()

    def setContext(self, text: str) -> None:
        """Words after the text ("村口1号 · 北武台社区"), cut first when space is short."""
        if text != self._context:
            self._context = text
            self.update()

    def visibleText(self) -> str:
        """What the label paints at its current width."""
        fm = self.fontMetrics()
        width = self.width()
        if self._context:
            full = f"{self._text} · {self._context}"
            if fm.horizontalAdvance(full) <= width:
                return full
            head = f"{self._text}·"
            room = width - fm.horizontalAdvance(head)
            if room >= fm.horizontalAdvance(self._context[:1] + "…"):
                # the place's start tells the villages apart: "东口 · 北武…", "东口 · 张家…"
                return head + fm.elidedText(self._context, Qt.TextElideMode.ElideRight, room)
        if fm.horizontalAdvance(self._text) <= width:
            return self._text
        shown = fm.elidedText(self._text, self._elide, width)
        if self._fallback and len(shown.replace("…", "")) < self.MIN_CHARS:
            return fm.elidedText(self._fallback, Qt.TextElideMode.ElideRight, self.width())
        return shown

    def setColour(self, colour: QColor | str) -> None:
        self._colour = QColor(colour)
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._text) + 2, fm.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self._colour)
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         self.visibleText())
        painter.end()


class VideoSurface(QWidget):
    """A black native window that libVLC draws into.

    ``WA_NativeWindow`` gives it its own X11 window (or HWND / NSView) whose
    id goes to ``TilePlayer.set_window``. Its ancestors become native too, on
    purpose: with alien ancestors (``WA_DontCreateNativeAncestors``) the X
    windows stayed where they were when docks later changed the layout, and
    the video was drawn beside its tile. Mouse and wheel events are not
    handled here: they fall through to the tile.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAutoFillBackground(False)
        self.setMinimumSize(1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        # libVLC draws the picture into a child window of its own, sized to the
        # picture: the letterbox around it is ours. Unpainted, it kept whatever
        # was on screen there before (tree, docks, other tiles) after a resize.
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.black)
        painter.end()

    def native_id(self) -> int:
        return int(self.winId())


@dataclass
class TileInfo:
    """What the tile shows about its camera (plain text from the platform)."""

    camera_id: str | None = None
    name: str = ""  # the full name
    site: str = ""
    own: str = ""  # the camera's own part of its name (controlroom.names), shown first
    place: str = ""  # the place its name starts with (shown after it when the site is not)

    @property
    def short(self) -> str:
        return self.own or self.name


class _ZStack(QWidget):
    """Keeps every child at its own full size; which one shows is z-order.

    The video surfaces may be larger than the stack (deep digital zoom):
    ``video_rect`` is then their geometry, in fractions of the stack's size,
    and the stack's native window clips them.
    """

    video_rect: tuple[float, float, float, float] | None = None  # x, y, w, h (fractions)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.place_children()
        super().resizeEvent(event)

    def place_children(self) -> None:
        w, h = self.width(), self.height()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            r = self.video_rect
            if isinstance(child, VideoSurface) and r is not None:
                child.setGeometry(round(r[0] * w), round(r[1] * h), max(1, round(r[2] * w)), max(1, round(r[3] * h)))
            else:
                child.setGeometry(self.rect())


class StatusPanel(QFrame):
    """What stands in for the video when there is none: the state in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileStatus")
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#101317"))
        self.setPalette(pal)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # reasons quote the network
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #9aa3ad;")
        for label in (self.title, self.detail):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        box.addStretch(1)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        box.addStretch(1)

    def show_text(self, title: str, detail: str, colour: QColor) -> None:
        self.title.setText(title)
        self.title.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the words must be readable on a 64-tile wall and calm on a 1-tile one
        h = max(1, event.size().height())
        f = QFont(self.title.font())
        f.setPointSizeF(max(8.0, min(16.0, h / 14)))
        self.title.setFont(f)
        g = QFont(self.detail.font())
        g.setPointSizeF(max(7.0, min(11.0, h / 20)))
        self.detail.setFont(g)
        # below ~110 px the detail would crowd the title out
        self.detail.setMaximumHeight(16_777_215 if h >= 110 else int(h * 0.45))
        super().resizeEvent(event)


#: the frame of a tile an alert just put a camera on (blinks, then stops)
FLASH_BORDER = QColor("#ffd400")
#: tiles in playback (issue 12): band and frame in a colour no live state uses
PLAYBACK_COLOUR = QColor("#7b3fc4")


class TileWidget(QFrame):
    """One tile: header band, and a stack of video surfaces and status panel."""

    _flash_on = False

    clicked = Signal(int)
    double_clicked = Signal(int)
    items_dropped = Signal(int, list)  # tile, [(type, id), ...]
    tile_dropped = Signal(int, int)  # source tile, target tile
    menu_requested = Signal(int, QPoint)  # tile, global position
    zoom_changed = Signal(int, object)  # tile, QRectF (normalised crop) or None
    #: a tile of another wall window dropped here (tile_drag.TileOrigin, this tile)
    foreign_tile_dropped = Signal(object, int)
    #: this tile's drag ended where nothing took it (tile, global position): torn out of the window
    dragged_out = Signal(int, QPoint)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.info = TileInfo()
        self.state = "empty"
        self.detail = ""
        self.selected = False
        self.maximised = False
        self._drop_hover = False
        self._reconnect_in: float | None = None
        self._stats_visible = False
        self._zoom: QRectF | None = None
        self._factor = 1.0
        #: the decoded picture's size (the wall sets it once a stream plays): its aspect ratio
        self.picture_size = QSize(16, 9)
        self._press_pos: QPointF | None = None
        self._press_in_header = False
        self._panning = False
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the wall takes the keys
        self.setMinimumSize(40, 30)
        self.setContentsMargins(2, 2, 2, 2)

        # ---- header band
        self.header = QWidget(self)
        self.header.setObjectName("tileHeader")
        self.header.setFixedHeight(HEADER_HEIGHT)
        self.header.setAutoFillBackground(True)
        hp = self.header.palette()
        hp.setColor(self.header.backgroundRole(), HEADER_BACKGROUND)
        self.header.setPalette(hp)
        self.dot = QLabel(self.header)
        self.name_label = ElidedLabel("#e3e7eb", bold=True, parent=self.header,
                                      elide=Qt.TextElideMode.ElideMiddle)
        self.name_label.setFallback(str(index + 1))
        self.site_label = ElidedLabel("#8a929c", parent=self.header)
        self.grid_badge = GridBadge(self.header)
        self.stats_label = QLabel(self.header)
        self.tour_label = QLabel(self.header)
        self.profile_label = QLabel(self.header)
        self.state_label = QLabel(self.header)
        for label in (self.stats_label, self.tour_label, self.profile_label, self.state_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.stats_label.setStyleSheet("color: #9aa3ad;")
        self.tour_label.setStyleSheet(f"color: {theme.ACCENT.lighter(150).name()};")
        self.profile_label.setStyleSheet("color: #7c848d;")
        self.stats_label.hide()
        self.tour_label.hide()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        for w in (self.name_label, self.site_label, self.grid_badge, self.stats_label, self.tour_label,
                  self.profile_label, self.state_label):
            w.setFont(small)
        hb = QHBoxLayout(self.header)
        hb.setContentsMargins(5, 0, 5, 0)
        hb.setSpacing(5)
        hb.addWidget(self.dot)
        hb.addWidget(self.name_label, 3)
        hb.addWidget(self.grid_badge, 3)
        hb.addWidget(self.site_label, 1)  # the grid's name usually says the village too
        hb.addWidget(self.stats_label)
        hb.addWidget(self.tour_label)
        hb.addWidget(self.profile_label)
        hb.addWidget(self.state_label)
        self._header_box = hb
        self._compact = False

        # ---- body: the two surfaces and the status panel, stacked in z-order.
        # All three stay mapped at the same geometry and the one in front is
        # raised: a pre-rolled surface that was never unmapped shows its picture
        # 7-17 ms after it is raised, where showing a hidden (unmapped) one took
        # about 58 ms (tests/bench/bench_tile.py).
        self.body = _ZStack(self)
        self.surfaces = (VideoSurface(self.body), VideoSurface(self.body))
        self.status = StatusPanel(self.body)
        # native too, or it could not be stacked above the native surfaces
        self.status.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self._front = 0  # which surface is the one on screen
        self._on_top: QWidget = self.status

        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.setSpacing(0)
        box.addWidget(self.header)
        # playback (issue 12): a band that says PLAYBACK and the recording time, so that nobody
        # takes recorded video for live; hidden while live (``set_playback``)
        self.playback_band = QLabel(self)
        self.playback_band.setObjectName("tilePlaybackBand")
        self.playback_band.setTextFormat(Qt.TextFormat.PlainText)
        self.playback_band.setStyleSheet(
            f"background: {PLAYBACK_COLOUR.name()}; color: white; font-weight: bold; padding: 1px 6px;")
        self.playback_band.hide()
        box.addWidget(self.playback_band)
        box.addWidget(self.body, 1)
        self._refresh()

    # ------------------------------------------------------------------ surfaces

    @property
    def surface(self) -> VideoSurface:
        """The surface on screen (or that would be, when the tile plays)."""
        return self.surfaces[self._front]

    @property
    def back_surface(self) -> VideoSurface:
        """The surface out of sight, where a tour pre-rolls its next camera."""
        return self.surfaces[1 - self._front]

    def swap_surfaces(self) -> None:
        """Bring the pre-rolled surface to the front (a tour step)."""
        self._front = 1 - self._front
        self._refresh()

    def video_size(self) -> QSize:
        """The pixels the video gets (what the stream policy decides on)."""
        return self.body.size()

    # ------------------------------------------------------------------ content

    def set_camera(self, camera_id: str | None, name: str = "", site: str = "", own: str = "",
                   place: str = "") -> None:
        """The camera on the tile: its full name, its site, its own part of the name and its place."""
        self.info = TileInfo(camera_id, name, site, own, place)
        if camera_id is None:
            self.state, self.detail = "empty", ""
            if self._zoom is not None:
                self.set_zoom(None)
        self._refresh()

    def set_state(self, state: str, detail: str = "") -> None:
        self.state, self.detail = str(state), detail
        self._refresh()

    def set_reconnect_in(self, seconds: float | None) -> None:
        """The live countdown while reconnecting (the wall's clock calls this)."""
        old = None if self._reconnect_in is None else int(self._reconnect_in + 0.999)
        self._reconnect_in = seconds
        new = None if seconds is None else int(seconds + 0.999)
        if new != old and self.state == "reconnecting":
            self._refresh()

    def set_profile(self, profile: str | None, note: str = "", keyframes_only: bool = False,
                    warn: bool = False) -> None:
        """Which stream the tile plays, and why when it is not the best one."""
        if not profile:
            self.profile_label.setText("")
        else:
            words = {"main": self.tr("main"), "sub": self.tr("sub")}.get(profile, profile)
            if keyframes_only:
                words = self.tr("{profile} · key frames").format(profile=words)
            self.profile_label.setText(words)
        # amber only when the tile plays less than it could (budget, CPU), not for a small tile on sub
        colour = theme.WARNING.name() if keyframes_only or warn else "#7c848d"
        self.profile_label.setStyleSheet(f"color: {colour};")
        self.profile_label.setToolTip(note)
        self._fit_header()

    def set_stats(self, fps: float, kbps: float) -> None:
        self.stats_label.setText(self.tr("{fps:.0f} fps · {kbps:,.0f} kbit/s").format(fps=fps, kbps=kbps))

    def set_stats_visible(self, visible: bool) -> None:
        self._stats_visible = visible
        self.stats_label.setVisible(visible and self.state == "playing")

    @property
    def stats_visible(self) -> bool:
        return self._stats_visible

    def set_tour_text(self, text: str | None) -> None:
        self.tour_label.setVisible(bool(text))
        self.tour_label.setText(text or "")

    @property
    def in_playback(self) -> bool:
        return self.playback_band.isVisibleTo(self)

    def set_playback(self, text: str | None) -> None:
        """Show the playback band with ``text`` (the word PLAYBACK and the time), or None: live."""
        if text is None:
            if self.playback_band.isVisibleTo(self):
                self.playback_band.hide()
                self.update()
            return
        self.playback_band.setText(text)
        if not self.playback_band.isVisibleTo(self):
            self.playback_band.show()
            self.update()

    def set_grid(self, info: GridBadgeInfo | None) -> None:
        """The camera's grid and its status (None: no grid, or an empty tile)."""
        was = self.incident
        self.grid_badge.set_info(info)
        if self.incident != was:
            hp = self.header.palette()
            hp.setColor(self.header.backgroundRole(), HEADER_INCIDENT if self.incident else HEADER_BACKGROUND)
            self.header.setPalette(hp)
            self.update()

    def set_grid_stale(self, text: str) -> None:
        """"stale 12 s" while grid statuses are stale, "" when fresh."""
        self.grid_badge.set_stale(text)

    @property
    def incident(self) -> bool:
        """The tile's grid is in incident (the outline shows)."""
        return self.grid_badge.status == "incident"

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    # ------------------------------------------------------------------ showing

    def status_words(self) -> tuple[str, str]:
        """The status panel's title and detail for the current state (tests read these too)."""
        name = self.info.name
        if self.info.camera_id is None or self.state == "empty":
            return (self.tr("Empty tile"),
                    self.tr("Drag a camera or a site here from the list on the left, "
                            "or select this tile and double-click a camera."))
        if self.state == "idle":
            return self.tr("Starting…"), ""
        if self.state == "connecting":
            return self.tr("Connecting…"), self.detail
        if self.state == "reconnecting":
            if self._reconnect_in is not None and self._reconnect_in > 0.05:
                secs = int(self._reconnect_in + 0.999)
                title = self.tr("Reconnecting in {s} s").format(s=secs)
            else:
                title = self.tr("Reconnecting now…")
            detail = self.detail or self.tr("The stream stopped; trying again.")
            return title, detail
        if self.state == "offline":
            return (self.tr("Camera offline"),
                    self.tr("The platform reports “{name}” offline. "
                            "The tile comes back by itself when it is online again.").format(name=name))
        if self.state == "failed":
            return self.tr("Cannot play this camera"), self.detail or self.tr("unknown error")
        if self.state == "stalled":
            return self.tr("No new pictures"), self.detail or self.tr("Waiting for the stream.")
        return state_words(self.state), self.detail

    def _refresh(self) -> None:
        state = self.state
        empty = self.info.camera_id is None
        self.name_label.setText(ui_text.name(self.info.short) if not empty else self.tr("Tile {n}").format(n=self.index + 1))
        self.site_label.setText(ui_text.name(self.info.site) if not empty else "")
        full = "" if empty else self.tr("{name} — {site}").format(name=self.info.name, site=self.info.site) \
            if self.info.site else self.info.name
        # the full name on hover (tooltip) and in the status bar (status tip), wherever the pointer is
        for w in (self, self.body, *self.surfaces, self.status):
            w.setToolTip(ui_text.plain(full))
            w.setStatusTip(ui_text.name(full))
        self.header.setStatusTip(ui_text.name(full))
        words = state_words("empty" if empty else state)
        if state == "reconnecting" and self._reconnect_in is not None and self._reconnect_in > 0.05:
            words = self.tr("Reconnecting in {s} s").format(s=int(self._reconnect_in + 0.999))
        self.state_label.setText(words)
        colour = state_colour(state if not empty else "empty")
        self.state_label.setStyleSheet(f"color: {colour.name()};")
        self.dot.setPixmap(theme.dot_pixmap(colour, 9))
        tip_state = words if not self.detail else f"{words}: {self.detail}"
        # names and reasons come from the platform: never rich text
        self.header.setToolTip(ui_text.plain("\n".join(t for t in (self.info.name, self.info.site, tip_state) if t)))
        # video shows while playing, and while stalled (the last picture, the header says why)
        show_video = not empty and state in ("playing", "stalled")
        if show_video:
            self._bring_to_front(self.surface)
        else:
            title, detail = self.status_words()
            self.status.show_text(title, detail, colour if not empty else QColor("#c0c6cc"))
            self._bring_to_front(self.status)
        self.stats_label.setVisible(self._stats_visible and state == "playing" and not empty)
        self._fit_header()

    def _bring_to_front(self, widget: QWidget) -> None:
        if self._on_top is not widget:
            widget.raise_()
            self._on_top = widget

    def showing_video(self) -> bool:
        return self._on_top is self.surface

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        # the 2 px frame around header and video: selection and drop target
        painter = QPainter(self)
        if self._drop_hover:
            colour = theme.WARNING
        elif self._flash_on:
            colour = FLASH_BORDER
        elif self.selected:
            colour = theme.ACCENT.lighter(140)
        elif self.playback_band.isVisibleTo(self):
            colour = PLAYBACK_COLOUR
        else:
            colour = theme.WALL_TILE_BORDER
        painter.fillRect(self.rect(), theme.WALL_TILE)
        pen = QPen(colour)
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if self.incident and not self._drop_hover and not self._flash_on:
            # steady, in the incident colour; selection still shows as an inner line
            pen = QPen(INCIDENT_OUTLINE)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
            if self.selected:
                painter.setPen(QPen(theme.ACCENT.lighter(160), 1))
                painter.drawRect(QRectF(self.rect()).adjusted(2.5, 2.5, -2.5, -2.5))
        painter.end()

    # ------------------------------------------------------------------ flash

    def flash(self, blinks: int = 6, period_ms: int = 250) -> None:
        """Draw the eye here (an alert put its camera on this tile): the frame
        blinks a few times, then goes back to normal; never a lasting storm."""
        if not hasattr(self, "_flash_timer"):
            self._flash_timer = QTimer(self)
            self._flash_timer.timeout.connect(self._flash_step)
        self._flash_left = blinks * 2
        self._flash_on = True
        self._flash_timer.start(period_ms)
        self.update()

    def _flash_step(self) -> None:
        self._flash_left -= 1
        self._flash_on = self._flash_left > 0 and not self._flash_on
        if self._flash_left <= 0:
            self._flash_timer.stop()
        self.update()

    @property
    def flashing(self) -> bool:
        return getattr(self, "_flash_left", 0) > 0

    # ------------------------------------------------------------------ zoom
    #
    # The zoom is the part of the picture that fills the tile: a rectangle in
    # fractions of the decoded picture with the tile's own aspect ratio, so a
    # zoomed tile shows no bars or strips. The video surfaces are enlarged and
    # shifted inside the body, whose native window clips them: libVLC only
    # sees its window resized, which it handles like any tile resize, and the
    # stream is never touched.
    #
    # WORKAROUND: not libVLC's crop. On libVLC 3.0.24's xcb_x11 output (ours on
    # X11 without Xlib) every crop change resets the picture pool; a crop below
    # about a third of a side starves its converter for good ("swscale: can't
    # get output picture": the tile froze after 2-5 notches and was reconnected),
    # and larger crops came out shifted and letterboxed (measured under Xvfb,
    # 640x360 and 1280x720 streams). Window resizes of any size played on.

    @property
    def zoom(self) -> QRectF | None:
        """What part of the picture fills the tile (fractions), or None: all of it, letterboxed."""
        return QRectF(self._zoom) if self._zoom is not None else None

    @property
    def zoom_factor(self) -> float:
        """How much larger than unzoomed the picture shows (1.0 unzoomed)."""
        return self._factor if self._zoom is not None else 1.0

    def max_zoom(self) -> float:
        """The deepest zoom here: ``MAX_ZOOM``, or less where the enlarged surface would pass
        ``MAX_SURFACE_PIXELS`` (libVLC scales every picture to the whole surface)."""
        fill = self._fill_region()
        area = max(1, self.body.width() * self.body.height())
        return max(1.0, min(MAX_ZOOM, (MAX_SURFACE_PIXELS * fill.width() * fill.height() / area) ** 0.5))

    def set_zoom(self, rect: QRectF | None) -> None:
        if rect is not None and rect.width() >= 0.999 and rect.height() >= 0.999:
            rect = None
        self._zoom = rect
        self._factor = 1.0 if rect is None else max(1.0, self._fill_region().width() / max(1e-6, rect.width()))
        self._place_surfaces()
        self.zoom_changed.emit(self.index, self.zoom)

    #: below this width (px) the header keeps the camera's name and drops words the dot says
    COMPACT_WIDTH = 300

    def _fit_header(self) -> None:
        """On a small tile the name comes first: state in words, stream and site give way
        (the dot's colour says the state; the tooltip and the status bar say everything)."""
        compact = self.width() < self.COMPACT_WIDTH
        if compact != self._compact:
            self._compact = compact
            self._header_box.setStretchFactor(self.name_label, 6 if compact else 3)
            self._header_box.setStretchFactor(self.grid_badge, 1 if compact else 3)
        self.site_label.setVisible(not compact and self.info.camera_id is not None)
        # no room for the site: the place follows the name, so two villages' gates differ
        self.name_label.setContext(self.info.place if compact and self.info.camera_id is not None else "")
        self.state_label.setVisible(not compact)
        self.profile_label.setVisible(not compact and bool(self.profile_label.text()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()
        if self._zoom is not None:
            # keep the zoom's centre and factor; its shape follows the tile's (after the layout ran)
            QTimer.singleShot(0, self._refit_zoom)

    def _refit_zoom(self) -> None:
        z = self._zoom
        if z is None:
            return
        fill, factor = self._fill_region(), min(self._factor, self.max_zoom())
        w, h = fill.width() / factor, fill.height() / factor
        x = min(max(0.0, z.center().x() - w / 2), 1.0 - w)
        y = min(max(0.0, z.center().y() - h / 2), 1.0 - h)
        if max(abs(w - z.width()), abs(h - z.height()), abs(x - z.x()), abs(y - z.y())) > 1e-4:
            self.set_zoom(QRectF(x, y, w, h))
        else:
            self._place_surfaces()

    def _place_surfaces(self) -> None:
        """Enlarge and shift the surfaces so that the zoom fills the body."""
        z = self._zoom
        if z is None:
            self.body.video_rect = None
        else:
            # the surface gets the picture's own aspect ratio: libVLC fills it, no bars
            self.body.video_rect = (-z.x() / z.width(), -z.y() / z.height(), 1 / z.width(), 1 / z.height())
        self.body.place_children()

    def set_picture_size(self, width: int, height: int) -> None:
        """The decoded picture's size (its aspect ratio shapes the zoom)."""
        if width > 0 and height > 0 and QSize(width, height) != self.picture_size:
            self.picture_size = QSize(width, height)

    def reset_zoom(self) -> None:
        if self._zoom is not None:
            self.set_zoom(None)

    def _aspects(self) -> tuple[float, float]:
        """(picture, body) aspect ratios, width / height."""
        ps = self.picture_size
        picture = ps.width() / ps.height() if ps.height() > 0 else 16 / 9
        body = self.body.width() / self.body.height() if self.body.height() > 0 else picture
        return picture, body

    def _fill_region(self) -> QRectF:
        """The largest part of the picture with the body's aspect ratio (zoom 1x, filled)."""
        picture, body = self._aspects()
        if body >= picture:
            h = picture / body
            return QRectF(0, (1 - h) / 2, 1, h)
        w = body / picture
        return QRectF((1 - w) / 2, 0, w, 1)

    def _view(self) -> QRectF:
        """The part of the picture the body spans now (fractions; beyond 0..1 where letterboxed)."""
        if self._zoom is not None:
            return QRectF(self._zoom)
        picture, body = self._aspects()
        if body >= picture:  # bars left and right
            w = body / picture
            return QRectF((1 - w) / 2, 0, w, 1)
        h = picture / body
        return QRectF(0, (1 - h) / 2, 1, h)

    def _surface_fraction(self, pos: QPointF) -> QPointF | None:
        """Where ``pos`` (tile coordinates) falls on the body, as 0..1 fractions."""
        top_left = self.body.mapTo(self, QPoint(0, 0))
        w, h = self.body.width(), self.body.height()
        if w <= 0 or h <= 0:
            return None
        fx = (pos.x() - top_left.x()) / w
        fy = (pos.y() - top_left.y()) / h
        if not (0 <= fx <= 1 and 0 <= fy <= 1):
            return None
        return QPointF(fx, fy)

    def zoom_at(self, pos: QPointF, steps: float) -> None:
        """Zoom by ``ZOOM_STEP ** steps`` keeping the picture point under ``pos`` where it is."""
        f = self._surface_fraction(pos)
        if f is None or self.info.camera_id is None:
            return
        factor = min(self.max_zoom(), self.zoom_factor * ZOOM_STEP ** steps)
        if factor <= 1.0 + 1e-6:
            self.set_zoom(None)
            return
        view, fill = self._view(), self._fill_region()
        px, py = view.x() + f.x() * view.width(), view.y() + f.y() * view.height()
        w, h = fill.width() / factor, fill.height() / factor
        x = min(max(0.0, px - f.x() * w), 1.0 - w)
        y = min(max(0.0, py - f.y() * h), 1.0 - h)
        self.set_zoom(QRectF(x, y, w, h))

    def pan_by(self, dx_px: float, dy_px: float) -> None:
        if self._zoom is None:
            return
        z = self._zoom
        w, h = max(1, self.body.width()), max(1, self.body.height())
        x = min(max(0.0, z.x() - dx_px / w * z.width()), 1.0 - z.width())
        y = min(max(0.0, z.y() - dy_px / h * z.height()), 1.0 - z.height())
        self.set_zoom(QRectF(x, y, z.width(), z.height()))

    def picture_point(self, pos: QPointF) -> QPointF | None:
        """The picture's point (0..1 fractions) under ``pos`` (tile coordinates); None off the body."""
        f = self._surface_fraction(pos)
        if f is None:
            return None
        view = self._view()
        return QPointF(view.x() + f.x() * view.width(), view.y() + f.y() * view.height())

    def add_header_widget(self, widget: QWidget) -> None:
        """A small control of another part in the header, before the state (the PTZ toggle)."""
        self._header_box.insertWidget(self._header_box.indexOf(self.state_label), widget)

    # ------------------------------------------------------------------ mouse

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps and self.state in ("playing", "stalled"):
            self.zoom_at(event.position(), steps)
            event.accept()
        else:
            event.ignore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
            self._press_pos = event.position()
            self._press_in_header = self.header.geometry().contains(event.position().toPoint())
            self._panning = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_pos is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        delta = event.position() - self._press_pos
        if self._zoom is not None and not self._press_in_header:
            # zoomed in: dragging the picture pans it
            self._panning = True
            self.pan_by(delta.x(), delta.y())
            self._press_pos = event.position()
            return
        if delta.manhattanLength() >= QApplication.startDragDistance() and self.info.camera_id is not None:
            self._press_pos = None
            self._start_tile_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press_pos = None
        self._panning = False
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(self.index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.clicked.emit(self.index)
        self.menu_requested.emit(self.index, event.globalPos())
        event.accept()

    def drag_mime(self) -> QMimeData:
        """What a drag of this tile carries: its index, and its wall, tile and camera for other windows."""
        mime = QMimeData()
        mime.setData(TILE_MIME, QByteArray(str(self.index).encode()))
        tile_drag.add_origin(mime, getattr(self.parentWidget(), "drag_key", ""), self.index, self.info.camera_id)
        mime.setText(self.info.name)
        return mime

    def _start_tile_drag(self) -> None:
        drag = QDrag(self)
        drag.setMimeData(self.drag_mime())
        pm = self.header.grab()
        drag.setPixmap(pm)
        if drag.exec(Qt.DropAction.MoveAction) == Qt.DropAction.IgnoreAction:
            self.dragged_out.emit(self.index, QCursor.pos())

    # ------------------------------------------------------------------ drops

    def _accepts(self, mime: QMimeData) -> bool:
        return mime.hasFormat(ITEMS_MIME) or mime.hasFormat(TILE_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            self._drop_hover = True
            self.update()
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self._drop_hover = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_hover = False
        self.update()
        mime = event.mimeData()
        origin = tile_drag.read_origin(mime)
        if origin is not None and origin.wall != getattr(self.parentWidget(), "drag_key", None):
            event.acceptProposedAction()  # a tile of another wall window
            self.foreign_tile_dropped.emit(origin, self.index)
            return
        if mime.hasFormat(TILE_MIME):
            try:
                source = int(bytes(mime.data(TILE_MIME).data()).decode())
            except ValueError:
                event.ignore()
                return
            event.acceptProposedAction()
            if source != self.index:
                self.tile_dropped.emit(source, self.index)
            return
        if mime.hasFormat(ITEMS_MIME):
            items = decode_items(mime.data(ITEMS_MIME).data())
            if items:
                event.acceptProposedAction()
                self.items_dropped.emit(self.index, items)
                return
        event.ignore()
