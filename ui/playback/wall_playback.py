"""Playback as a mode of the wall: tiles borrowed from the live wall follow one clock.

``WallPlayback`` takes tiles from the ``WallPane`` (``lend_tile``: the live
player stops and its lease is released), opens one platform session for
their cameras (``controlroom.playback.controller``), plays each camera's
recorded stream on the tile's own video surface with a ``TilePlayer`` (the
URL checked as every live URL is), and marks each tile with the playback
band: the word PLAYBACK, the recording time and the speed, or where the
recording has a gap, when it resumes. ``leave`` gives the tiles back
(``return_tile``: live again).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from controlroom.ui.video_words import reason_words
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from controlroom.playback.controller import PlaybackController, Track
from controlroom.playback.ranges import TileGap
from controlroom.video.player import TilePlayer, TileState
from controlroom.video.reasons import PlayerReason
from controlroom.video.transports import local_choice

if TYPE_CHECKING:
    from controlroom.ui.wall.wall_view import WallPane

log = logging.getLogger(__name__)


def local_time(t: datetime, seconds: bool = True) -> str:
    return t.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%H:%M")


def speed_text(speed: float) -> str:
    return f"{speed:g}x"


def band_text(position: datetime, speed: float, paused: bool, gap: TileGap | None) -> str:
    """What a tile in playback says over its picture (plain text)."""
    word = QCoreApplication.translate("Playback", "PLAYBACK")
    state = QCoreApplication.translate("Playback", "paused") if paused else speed_text(speed)
    text = f"▶ {word} · {local_time(position)} · {state}"
    if gap is not None:
        if gap.resumes is None:
            text += " · " + QCoreApplication.translate("Playback", "no recording here")
        else:
            resumes = gap.resumes.astimezone()
            when = resumes.strftime("%H:%M:%S") if resumes.date() == position.astimezone().date() \
                else resumes.strftime("%Y-%m-%d %H:%M:%S")
            text += " · " + QCoreApplication.translate(
                "Playback", "no recording here — resumes at {time}").format(time=when)
    return text


class WallPlayback(QObject):
    """See the module's doc. One per wall pane."""

    entered = Signal()
    left = Signal()
    message = Signal(str)

    def __init__(self, pane: WallPane, parent: QObject | None = None) -> None:
        super().__init__(parent or pane)
        self.pane = pane
        from controlroom.playback.backend import playback_backend

        #: None: this platform offers no playback (the actions say so)
        self.backend = playback_backend(pane.session)
        self.controller = PlaybackController(self.backend, parent=self)
        self.tiles: dict[int, str] = {}  # tile -> camera id
        self.players: dict[int, TilePlayer] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        c = self.controller
        c.opened.connect(self._play_all)
        c.position_changed.connect(self._on_position)
        c.tile_resumed.connect(self._catch_up)
        c.failed.connect(self.message)

    # ------------------------------------------------------------------ state
    @property
    def active(self) -> bool:
        return bool(self.tiles)

    def tile_of(self, camera_id: str) -> int | None:
        return next((t for t, c in self.tiles.items() if c == camera_id), None)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ------------------------------------------------------------------ enter / leave
    async def enter(self, tiles: list[int] | None, at: datetime, *, speed: float = 1.0) -> bool:
        """Play back ``tiles`` (None: every tile with a camera), plus those already in playback, at ``at``."""
        pane = self.pane
        wanted = range(len(pane.tiles)) if tiles is None else tiles
        chosen = dict(self.tiles)
        for t in wanted:
            cid = pane.camera_on(t) if t < len(pane.tiles) else None
            if cid is not None:
                chosen[t] = cid
        if not chosen:
            self.message.emit(self.tr("Put a camera on the wall first: playback plays the wall's cameras."))
            return False
        chosen = dict(list(sorted(chosen.items()))[:16])
        ok = await self.controller.open(list(dict.fromkeys(chosen.values())), at, speed=speed)
        if not ok:
            return False
        audit = pane.session.audit
        for t, cid in chosen.items():
            if self.tiles.get(t) != cid:  # the audit trail: a camera opened (closed) in playback
                if t in self.tiles:
                    audit.record("camera_closed", self.tiles[t], "playback")
                audit.record("camera_opened", cid, "playback")
            if t not in self.tiles:
                win = pane.lend_tile(t)
                player = TilePlayer(parent=self)
                player.set_window(win)
                player.state_changed.connect(lambda state, reason, t=t: self._on_player_state(t, state, reason))
                self.players[t] = player
            self.tiles[t] = cid
        self._play_all()
        self.spawn(self.controller.load_ranges())
        self.entered.emit()
        return True

    async def leave(self, tiles: list[int] | None = None) -> None:
        """Back to live: ``tiles`` (None: all). The session closes when no tile is left."""
        going = list(self.tiles) if tiles is None else [t for t in tiles if t in self.tiles]
        for t in going:
            player = self.players.pop(t)
            player.release()
            # later: a libVLC event already on its way must still find its QObject
            QTimer.singleShot(2000, player.deleteLater)
            self.pane.session.audit.record("camera_closed", self.tiles.pop(t), "playback")
            self.pane.return_tile(t)
        if not self.tiles:
            await self.controller.close()
            self.left.emit()
        elif going:
            # the session keeps the others' clock; it is re-opened for the remaining cameras
            pos = self.controller.position()
            if pos is not None:
                await self.controller.open(list(dict.fromkeys(self.tiles.values())), pos,
                                           speed=self.controller.speed)

    def shutdown(self) -> None:
        for player in self.players.values():
            player.release()
        self.players.clear()
        self.tiles.clear()
        for task in list(self._tasks):
            task.cancel()
        pid = self.controller.playback_id
        if pid is not None:
            with contextlib.suppress(RuntimeError):
                self.spawn(self.controller.close(quiet=True))

    # ------------------------------------------------------------------ players
    def _url_for(self, track: Track | None) -> tuple[str, str] | None:
        if track is None or not track.urls:
            return None
        known = {}
        from controlroom.api.schema import Transport

        for k, v in track.urls.items():
            with contextlib.suppress(ValueError):
                known[Transport(k)] = v
        pick = local_choice(known)
        return None if pick is None else (pick[1], str(pick[0]))

    def _play_all(self) -> None:
        for t, cid in self.tiles.items():
            self._play(t, cid)

    def _play(self, t: int, camera_id: str) -> None:
        player = self.players.get(t)
        if player is None:
            return
        pick = self._url_for(self.controller.tracks.get(camera_id))
        tile = self.pane.tiles[t]
        if pick is None:
            player.stop()
            tile.set_state("failed", self.tr("The platform offered no recorded stream this computer can play."))
            return
        url, transport = pick
        tile.set_state("connecting", "")
        player.play(url, transport)  # the URL is checked there (controlroom.video.urls)
        self._on_position(self.controller.position())

    def _catch_up(self, camera_id: str) -> None:
        """A camera's recording resumed: a tile whose player stalled or failed meanwhile connects again."""
        t = self.tile_of(camera_id)
        if t is None:
            return
        player = self.players.get(t)
        if player is not None and player.state is not TileState.PLAYING:
            self._play(t, camera_id)

    def _on_player_state(self, t: int, state: object, reason: object) -> None:
        if t not in self.tiles or t >= len(self.pane.tiles):
            return
        words = reason_words(reason) if isinstance(reason, PlayerReason) else ""
        self.pane.tiles[t].set_state(str(TileState(state)), words)

    def _on_position(self, position: datetime | None) -> None:
        if position is None:
            return
        c = self.controller
        for t, cid in self.tiles.items():
            if t < len(self.pane.tiles):
                self.pane.tiles[t].set_playback(band_text(position, c.speed, c.paused, c.gap(cid)))

    # ------------------------------------------------------------------ controls (the bar and the keys)
    async def seek_to(self, at: datetime) -> None:
        """Seek; while paused, the tiles connect again to show the new moment at once.

        A paused session sends its picture twice a second, and libVLC was seen keeping the
        old picture for many seconds after a seek while paused (it shows the new one as soon
        as playing resumes); a fresh connection starts at a key frame of the new moment."""
        await self.controller.seek(at)
        if self.controller.paused:
            self._play_all()

    def seek(self, at: datetime) -> None:
        self.spawn(self.seek_to(at))

    def step(self, seconds: float) -> None:
        pos = self.controller.position()
        if pos is not None:
            self.seek(pos + timedelta(seconds=seconds))

    def frame_step(self, frames: int) -> None:
        """One frame (~0.1 s at the demo's 10 fps) forward or back; pauses first."""
        async def run() -> None:
            if not self.controller.paused:
                await self.controller.pause()
            pos = self.controller.position()
            if pos is not None:
                await self.seek_to(pos + timedelta(seconds=0.1 * frames))

        self.spawn(run())

    def toggle_pause(self) -> None:
        self.spawn(self.controller.toggle_pause())

    def set_speed(self, speed: float) -> None:
        self.spawn(self.controller.set_speed(speed))

    def position(self) -> datetime | None:
        return self.controller.position()

    def around(self, at: datetime, before: float) -> datetime:
        return at - timedelta(seconds=before)
