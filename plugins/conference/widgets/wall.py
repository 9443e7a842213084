"""The conference wall: a window of its own with a tile per participant who has video.

It opens next to the main window when the operator joins; "Show on meeting
display" puts it full screen on a chosen screen, where its own header (the
only chrome it has besides the window frame) hides. Escape brings it back to
a window, at the size and place it had before (set by hand: where no window
manager restores it, Xvfb or a kiosk, it stayed as large as the screen).

Why full screen and not a frameless flag: changing a shown window's flags
makes Qt recreate its native window, and the video surfaces inside are
native windows libVLC is drawing into. A full-screen window has no frame on
X11 (EWMH), Windows and macOS, so ``showFullScreen`` on the chosen screen's
geometry gives the same picture with no native window recreated.

Video: the wall's ``VideoCoordinator`` (``controlroom.video.coordinator``),
the main wall's, plays every participant into its tile's surface, with the
same stream picker; the tiles only show the states it reports.
"""

from __future__ import annotations

import math

from controlroom.ui.api import presenting
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from controlroom.api.schema import Participant
from controlroom.video.coordinator import VideoCoordinator, VideoSource
from controlroom.video.player import TileState
from controlroom.video.reasons import PlayerReason

from .tile import ConferenceTile

WALL_BG = "#0c0e11"


def grid_shape(n: int, width: int = 16, height: int = 9) -> tuple[int, int]:
    """(rows, columns) for ``n`` equal 16:9 tiles in a ``width`` x ``height`` area: the biggest pictures.

    Three participants on a wide meeting display go side by side; in a
    squarer window, two over one.
    """
    if n <= 1:
        return 1, 1
    best, shape = -1.0, (1, n)
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        picture_w = min(width / cols, height / rows * 16 / 9)
        if picture_w > best + 1e-9:
            best, shape = picture_w, (rows, cols)
    return shape


class ConferenceWall(QWidget):
    """The participants' videos in a grid, the active speaker framed."""

    #: the operator closed the window: leave the conference
    leave_requested = Signal()
    #: back from the meeting display to a window (Esc or the pane's button)
    windowed = Signal()

    def __init__(self, title: str, source: VideoSource, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("conferenceWall")
        self.setWindowTitle(title)
        self.setStyleSheet(f"#conferenceWall {{ background: {WALL_BG}; }}")
        self.resize(1280, 760)
        self.tiles: dict[str, ConferenceTile] = {}
        self._shape = (0, 0)
        self.display_screen: QScreen | None = None
        self._releasing = False
        self.video = VideoCoordinator(source, self)
        self.video.state_changed.connect(self._on_slot_state)

        self.header = QWidget(self)
        self.header.setObjectName("wallHeader")
        self.title = QLabel(self.header)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("color: #e6e9ec; font-size: 15px; font-weight: 600;")
        self.title.setText(title)
        self.hint = QLabel(self.header)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #7c848d;")
        # the header shows only in a window (it hides on a meeting display): this is its hint
        self.hint.setText(self.tr("Closing this window leaves the meeting"))
        self._windowed_geometry: QRect | None = None
        row = QHBoxLayout(self.header)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.hint)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setSpacing(4)
        self.empty = QLabel(self.tr("No participant sends video yet."), self.grid_host)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #7c848d;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.grid_host, 1)
        self._relayout()

    # ------------------------------------------------------------------ tiles

    def add_tile(self, participant: Participant, site: str) -> ConferenceTile:
        tile = ConferenceTile(participant, site, self.grid_host)
        self.tiles[participant.id] = tile
        self._relayout()
        tile.slot = self.video.add_slot(tile.window_id())
        tile.player = self.video.slots[tile.slot].front
        return tile

    def play(self, participant_id: str, camera_id: str) -> None:
        """Play the participant's camera on its tile (the coordinator picks profile and transport)."""
        tile = self.tiles.get(participant_id)
        if tile is not None and tile.slot is not None:
            self.video.show(tile.slot, camera_id)

    def _on_slot_state(self, slot: int, state: object, reason: object) -> None:
        tile = next((t for t in self.tiles.values() if t.slot == slot), None)
        if tile is not None:
            tile.show_state(TileState(str(state)), reason if isinstance(reason, PlayerReason) else PlayerReason())

    def _release_tile(self, tile: ConferenceTile) -> None:
        """Stop and release the tile's player (before the widget and its window go)."""
        if tile.slot is not None:
            self.video.remove_slot(tile.slot)
            tile.slot = None

    def remove_tile(self, participant_id: str) -> None:
        tile = self.tiles.pop(participant_id, None)
        if tile is None:
            return
        self._release_tile(tile)  # stop, release, and only then the widget goes
        self.grid.removeWidget(tile)
        tile.hide()
        tile.deleteLater()
        self._relayout()

    def _relayout(self) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        self.grid.removeWidget(self.empty)
        self.empty.setVisible(not self.tiles)
        if not self.tiles:
            self.grid.addWidget(self.empty, 0, 0)
            return
        rows, cols = grid_shape(len(self.tiles), max(1, self.grid_host.width()), max(1, self.grid_host.height()))
        self._shape = (rows, cols)
        for i, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, i // cols, i % cols)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 1 if r < rows else 0)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < cols else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.tiles and grid_shape(len(self.tiles), self.grid_host.width(), self.grid_host.height()) != self._shape:
            self._relayout()

    def speaker_tile(self) -> ConferenceTile | None:
        return next((t for t in self.tiles.values() if t.speaking), None)

    # ------------------------------------------------------------------ meeting display

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``, without chrome (the header hides; Escape restores)."""
        if not self.isFullScreen():
            self._windowed_geometry = QRect(self.geometry())
        self.display_screen = screen
        self.header.hide()
        presenting.set_presenting(self, True)
        if self.isFullScreen():
            self.showNormal()
        self.winId()  # a native window, so it can be told its screen
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        # the position picks the monitor on X11; the geometry is the screen's even
        # where no window manager applies the full-screen state (Xvfb, kiosks)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()

    def show_windowed(self) -> None:
        """Back to an ordinary window with its header."""
        self.display_screen = None
        self.header.show()
        if self.isFullScreen():
            self.showNormal()
            if self._windowed_geometry is not None:
                self.setGeometry(self._windowed_geometry)
        presenting.set_presenting(self, False)
        self.windowed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.show_windowed()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ teardown

    def release(self) -> None:
        """Stop and release every player (before any tile goes), then drop the tiles."""
        self._releasing = True
        presenting.set_presenting(self, False)  # pop-ups held for the meeting display may show now
        tiles = list(self.tiles.values())
        for tile in tiles:
            self._release_tile(tile)
        self.video.shutdown()
        self.tiles.clear()
        for tile in tiles:
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._releasing:
            super().closeEvent(event)
            return
        # closing the window is leaving: the pane releases the players first
        event.ignore()
        self.leave_requested.emit()
