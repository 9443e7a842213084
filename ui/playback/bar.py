"""The playback bar under the wall: the timeline and its controls.

Play/pause, frame step, ±10 s, ±1 min, the speed, a date-and-time picker,
"Now" (back to live), and the range tools (bookmark, export). The keys are
the window's actions (``install``); the buttons show them in their tooltips.
"""

from __future__ import annotations

from datetime import UTC, datetime

from controlroom.ui.playback.timeline import Timeline
from controlroom.ui.playback.wall_playback import speed_text
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.playback.clock import SPEEDS


def to_qdatetime(t: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(t.timestamp()), QTimeZone.systemTimeZone())


def from_qdatetime(q: QDateTime) -> datetime:
    return datetime.fromtimestamp(q.toSecsSinceEpoch(), UTC)


class PlaybackBar(QWidget):
    """Timeline + a row of controls; ``install`` connects them to the wall's playback."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbackBar")
        self.timeline = Timeline(self)
        self.timeline.setObjectName("playbackTimeline")
        row = first_row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)

        def button(text: str, name: str) -> QPushButton:
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            row.addWidget(b)
            return b

        self.back_minute = button("« 1 min", "playbackBackMinute")
        self.back_ten = button("‹ 10 s", "playbackBackTen")
        self.frame_back = button("|◂", "playbackFrameBack")
        self.play_pause = button(self.tr("Pause"), "playbackPlayPause")
        self.frame_forward = button("▸|", "playbackFrameForward")
        self.forward_ten = button("10 s ›", "playbackForwardTen")
        self.forward_minute = button("1 min »", "playbackForwardMinute")
        self.speed = QComboBox(self)
        self.speed.setObjectName("playbackSpeed")
        for s in SPEEDS:
            self.speed.addItem(speed_text(s), s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("Playback speed (above 4x the platform sends key frames only)"))
        row.addWidget(self.speed)
        row.addStretch(1)
        row2 = QHBoxLayout()
        row2.setContentsMargins(0, 0, 0, 0)
        row2.setSpacing(4)
        self.picker = QDateTimeEdit(self)
        self.picker.setObjectName("playbackPicker")
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.picker.setDateTime(to_qdatetime(datetime.now(UTC)))
        self.picker.setToolTip(self.tr("Go to this date and time"))
        row2.addWidget(self.picker)
        row = row2  # the buttons below go on the second line
        self.go = button(self.tr("Go"), "playbackGo")
        self.position_label = QLabel(self)
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.position_label.setObjectName("playbackPosition")
        row2.addWidget(self.position_label)
        row2.addStretch(1)
        self.bookmark = button(self.tr("Bookmark…"), "playbackBookmark")
        self.export = button(self.tr("Export…"), "playbackExport")
        self.live = button(self.tr("Now (live)"), "playbackLive")
        self.live.setStyleSheet("QPushButton { font-weight: bold; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 2, 4, 2)
        box.setSpacing(2)
        box.addLayout(first_row)
        box.addLayout(row2)
        box.addWidget(self.timeline, 1)

    def picked(self) -> datetime:
        return from_qdatetime(self.picker.dateTime())

    def show_state(self, position: datetime | None, speed: float, paused: bool) -> None:
        self.play_pause.setText(self.tr("Play") if paused else self.tr("Pause"))
        i = self.speed.findData(speed)
        if i >= 0 and i != self.speed.currentIndex():
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(i)
            self.speed.blockSignals(False)
        if position is not None:
            self.position_label.setText(position.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
