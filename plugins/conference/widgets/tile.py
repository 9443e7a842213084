"""One participant on the conference wall: a header band and a native video surface.

libVLC draws into a native child window that Qt never paints, and anything
Qt paints over a native window is lost (gridplayer's lesson, STYLE.md). So
the speaker's highlight is drawn *around* the video: the tile's own margin
is a thick coloured border, and the header band says "Speaking" in words.
Names come from the platform and are shown as plain text.

The tile owns no player: the wall's ``VideoCoordinator`` plays into the
tile's surface (its window id) and hands the tile states with structured
reasons to show (``show_state``); the wall removes the tile's slot, which
stops and releases its player, before the tile is deleted (libVLC draws into
the surface until then).
"""

from __future__ import annotations

from controlroom.ui.api import text as ui_text
from controlroom.ui.api import video_words
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from controlroom.api.schema import Participant
from controlroom.video.player import TilePlayer, TileState
from controlroom.video.reasons import PlayerReason

SPEAKER = QColor("#f0b429")  # amber: reads on a dark wall, distinct from the status colours
IDLE_BORDER = QColor("#1d2329")
HEADER_BG = "#13171b"
BORDER = 5
ASPECT = (16, 9)  # the demo's and most cameras' picture shape


class VideoSurface(QWidget):
    """A native window for libVLC; Qt never paints it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setMinimumSize(32, 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        pass  # libVLC owns every pixel


class VideoBox(QWidget):
    """Keeps the surface at the stream's 16:9, centred on black.

    libVLC letterboxes a picture inside a window of another shape and leaves
    the bars unpainted (on X11 they show whatever was there); a surface of the
    picture's own shape has no bars, and the highlight hugs the picture.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 36)
        self.surface = VideoSurface(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = self.width(), self.height()
        vw, vh = min(w, h * ASPECT[0] // ASPECT[1]), min(h, w * ASPECT[1] // ASPECT[0])
        self.surface.setGeometry((w - vw) // 2, (h - vh) // 2, vw, vh)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)


def _plain(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the platform
    label.setObjectName(object_name)
    return label


class ConferenceTile(QFrame):
    """A participant's video with name, site, microphone, hand and speaking state around it."""

    def __init__(self, participant: Participant, site: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participant_id = participant.id
        self.speaking = False
        self.state = TileState.IDLE
        self.state_detail = ""
        #: the coordinator's player on this tile's surface (set by the wall; tests, diagnostics)
        self.player: TilePlayer | None = None
        #: the tile's slot in the wall's coordinator
        self.slot: int | None = None

        self.name = _plain(self, "tileName")
        self.name.setStyleSheet("font-weight: 600; color: #e6e9ec;")
        self.site = _plain(self, "tileSite")
        self.site.setStyleSheet("color: #9aa3ad;")
        self.badge = _plain(self, "tileSpeaking")
        self.badge.setStyleSheet(f"background: {SPEAKER.name()}; color: #111; font-weight: 700; padding: 0 6px;")
        self.mic = _plain(self, "tileMic")
        self.hand = _plain(self, "tileHand")
        self.hand.setStyleSheet(f"color: {SPEAKER.name()}; font-weight: 600;")
        self.status = _plain(self, "tileStatus")
        self.status.setStyleSheet("color: #9aa3ad;")

        header = QWidget(self)
        header.setObjectName("tileHeader")
        header.setStyleSheet(f"#tileHeader {{ background: {HEADER_BG}; }}")
        row = QHBoxLayout(header)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(8)
        row.addWidget(self.name)
        row.addWidget(self.site)
        row.addStretch(1)
        row.addWidget(self.status)
        row.addWidget(self.hand)
        row.addWidget(self.mic)
        row.addWidget(self.badge)

        self.video = VideoBox(self)
        self.surface = self.video.surface
        layout = QVBoxLayout(self)
        layout.setContentsMargins(BORDER, BORDER, BORDER, BORDER)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.video, 1)
        self.set_participant(participant, site)
        self._show_state(TileState.IDLE, "")

    # ------------------------------------------------------------------ state from the platform

    def set_participant(self, p: Participant, site: str) -> None:
        self.name.setText(ui_text.name(p.name))
        self.site.setText(site)
        self.speaking = p.speaking
        self.badge.setText(self.tr("● Speaking"))
        self.badge.setVisible(p.speaking)
        self.mic.setText(self.tr("Muted") if p.muted else self.tr("Mic on"))
        self.mic.setStyleSheet("color: #d0675f;" if p.muted else "color: #4fae7b;")
        self.hand.setText(self.tr("Hand raised"))
        self.hand.setVisible(p.hand_raised)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # the border around the video is the highlight: never paint over the native surface
        painter = QPainter(self)
        painter.fillRect(self.rect(), SPEAKER if self.speaking else IDLE_BORDER)

    # ------------------------------------------------------------------ video

    def window_id(self) -> int:
        """The native window libVLC draws this participant's video into."""
        return int(self.surface.winId())

    def cannot_play(self, reason: str) -> None:
        self._show_state(TileState.FAILED, reason)

    def show_state(self, state: TileState, reason: PlayerReason) -> None:
        """The coordinator's word on this tile's player, put into words here."""
        self._show_state(state, video_words.reason_words(reason))

    def _show_state(self, state: TileState, detail: str) -> None:
        self.state, self.state_detail = state, detail
        words = {
            TileState.IDLE: self.tr("No video"),
            TileState.CONNECTING: self.tr("Connecting…"),
            TileState.PLAYING: "",
            TileState.STALLED: self.tr("No new pictures"),
            TileState.RECONNECTING: self.tr("Reconnecting…"),
            TileState.OFFLINE: self.tr("Camera offline"),
            TileState.FAILED: self.tr("Cannot play"),
        }
        self.status.setText(words.get(state, str(state)))
        self.status.setToolTip(ui_text.plain(detail))  # quotes server error bodies
