"""A playback session over the backend seam: one clock for the wall, tiles follow it.

``PlaybackController`` opens one platform session for all the cameras a wall
plays back (``Backend.open_playback``), so the platform keeps one clock for
them; the client extrapolates that clock (``PlaybackClock``), polls the
platform (which also keeps the session alive) and answers, per camera,
whether there is a recording at the clock's position and, if not, when it
resumes (from the recorded ranges). When a camera's gap ends the controller
says so (``tile_resumed``), and the view catches the tile up (a fresh
connection to the same session if its player stalled).

QtCore only; the methods that talk to the platform are coroutines (the app
runs them on its qasync loop). Platform errors become ``failed`` with words.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from controlroom.api import errors
from controlroom.playback.clock import SPEEDS, PlaybackClock
from controlroom.playback.ranges import Span, TileGap, gap_at, normalise

log = logging.getLogger(__name__)

#: how far back recordings reach (the platform keeps 7 days); the window asked for is a little wider
HISTORY = timedelta(days=7)
#: the largest window one ``recordings`` call may ask for (playback contract: <= 8 days)
MAX_WINDOW = timedelta(days=8)
#: cameras in one session (playback contract: 1..16)
MAX_CAMERAS = 16


class PlaybackBackend(Protocol):
    """The playback part of ``controlroom.backends.base.Backend`` (the playback contract)."""

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> Any: ...

    async def open_playback(self, camera_ids: Sequence[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> Any: ...

    async def playback_state(self, playback_id: str) -> Any: ...

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> Any: ...

    async def close_playback(self, playback_id: str) -> None: ...

    async def bookmarks(self, camera_id: str | None = None, start: datetime | None = None,
                        end: datetime | None = None) -> list[Any]: ...

    async def create_bookmark(self, camera_id: str, start: datetime, end: datetime, note: str) -> Any: ...

    async def delete_bookmark(self, bookmark_id: str) -> None: ...

    def export_stream(self, camera_id: str, start: datetime, end: datetime,
                      profile: str = "main") -> AsyncIterator[bytes]: ...


@dataclass
class Mark:
    """A motion or alert mark on the timeline."""

    at: datetime
    kind: str  # "motion" | "alert"
    label: str = ""
    alert_id: str | None = None


@dataclass
class Track:
    """One camera of the session: where to play it, what was recorded, its gap now."""

    camera_id: str
    urls: dict[str, str] = field(default_factory=dict)  # transport -> URL (ticket inside)
    recording: bool = True  # the platform's word at the last poll
    spans: list[Span] | None = None  # None: ranges not loaded (then ``recording`` decides)
    marks: list[Mark] = field(default_factory=list)
    gap: TileGap | None = None


def utc(t: datetime) -> datetime:
    if t.tzinfo is None:
        raise ValueError("naive datetime")
    return t.astimezone(UTC)


def state_words(exc: BaseException) -> str:
    if isinstance(exc, errors.NotFoundError):
        return QCoreApplication.translate(
            "Playback", "The platform has no recordings of this camera for you (not found, or not in your scope).")
    if isinstance(exc, errors.ForbiddenError):
        return QCoreApplication.translate("Playback", "Your role may not do this: {why}").format(why=exc.message)
    if isinstance(exc, errors.PlatformError):
        return exc.message
    return QCoreApplication.translate("Playback", "Playback failed: {why}").format(why=type(exc).__name__)


class PlaybackController(QObject):
    """One wall's playback session (see the module's doc)."""

    opened = Signal()  # the session exists; ``tracks`` have their URLs
    position_changed = Signal(object)  # datetime (UTC), every tick
    state_changed = Signal()  # speed or pause changed
    tile_changed = Signal(str)  # camera_id: entered or left a gap
    tile_resumed = Signal(str)  # camera_id: its recording resumed at the clock (catch up)
    ranges_loaded = Signal(str)  # camera_id
    failed = Signal(str)  # words (translated)
    closed = Signal()

    def __init__(self, backend: PlaybackBackend, *, poll_interval: float = 2.0, tick_ms: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.poll_interval = poll_interval
        self.playback_id: str | None = None
        self.tracks: dict[str, Track] = {}
        self.profile = "sub"
        self.clock: PlaybackClock | None = None
        self.expires_in = 60
        self._poll: asyncio.Task[None] | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self.tick)
        self._lock = asyncio.Lock()

    # ---- state
    @property
    def active(self) -> bool:
        return self.playback_id is not None

    def position(self) -> datetime | None:
        return None if self.clock is None else self.clock.now()

    @property
    def speed(self) -> float:
        return 1.0 if self.clock is None else self.clock.speed

    @property
    def paused(self) -> bool:
        return False if self.clock is None else self.clock.paused

    def gap(self, camera_id: str) -> TileGap | None:
        t = self.tracks.get(camera_id)
        return None if t is None else t.gap

    # ---- talking to the platform
    async def open(self, camera_ids: Sequence[str], at: datetime, *, speed: float = 1.0,
                   profile: str = "sub") -> bool:
        """Open (or re-open) the session for these cameras at ``at``; False (and ``failed``) if refused."""
        ids = list(dict.fromkeys(camera_ids))[:MAX_CAMERAS]
        if not ids:
            return False
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed} not one of {SPEEDS}")
        await self.close(quiet=True)
        try:
            state = await self.backend.open_playback(ids, utc(at), speed, profile)
        except Exception as exc:  # every platform error is said in words
            log.info("open_playback refused: %s", exc)
            self.failed.emit(state_words(exc))
            return False
        self.profile = profile
        self.playback_id = str(state.id)
        old = self.tracks
        self.tracks = {cid: Track(cid, spans=old[cid].spans if cid in old else None,
                                  marks=old[cid].marks if cid in old else []) for cid in ids}
        self.clock = PlaybackClock(utc(state.position), speed=float(state.speed), paused=bool(state.paused))
        self._take(state)
        self._refresh_gaps(emit=False)
        self._poll = asyncio.ensure_future(self._poll_loop())
        self._tick.start()
        self.opened.emit()
        return True

    async def seek(self, at: datetime) -> None:
        await self._control("seek", at=utc(at))

    async def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed} not one of {SPEEDS}")
        await self._control("speed", speed=speed)

    async def pause(self) -> None:
        await self._control("pause")

    async def resume(self) -> None:
        await self._control("resume")

    async def toggle_pause(self) -> None:
        await (self.resume() if self.paused else self.pause())

    async def step(self, seconds: float) -> None:
        """Seek by ``seconds`` of recording time from the clock now (a frame step is ~0.1 s, paused)."""
        pos = self.position()
        if pos is not None:
            await self.seek(pos + timedelta(seconds=seconds))

    async def close(self, *, quiet: bool = False) -> None:
        self._tick.stop()
        if self._poll is not None:
            self._poll.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._poll
            self._poll = None
        pid, self.playback_id = self.playback_id, None
        if pid is not None:
            try:
                await self.backend.close_playback(pid)
            except Exception as exc:  # the session expires on its own
                log.info("close_playback: %s", exc)
            if not quiet:
                self.closed.emit()

    async def load_ranges(self, start: datetime | None = None, end: datetime | None = None) -> None:
        """The recorded ranges and marks of every camera of the session for [start, end) (default: 7 days)."""
        end = utc(end) if end is not None else datetime.now(UTC) + timedelta(minutes=1)
        start = utc(start) if start is not None else end - HISTORY - timedelta(hours=1)
        start = max(start, end - MAX_WINDOW)
        for cid in list(self.tracks):
            await self.load_camera(cid, start, end)

    async def load_camera(self, camera_id: str, start: datetime, end: datetime) -> None:
        try:
            tl = await self.backend.recordings(camera_id, start, end)
        except Exception as exc:
            self.failed.emit(state_words(exc))
            return
        track = self.tracks.get(camera_id)
        if track is None:
            return
        track.spans = normalise(tl.ranges, start, end)
        track.marks = [Mark(m.at, str(m.kind), str(m.label)[:200], m.alert_id) for m in tl.marks[:20000]]
        self._refresh_gaps(emit=True)
        self.ranges_loaded.emit(camera_id)

    async def _control(self, action: str, *, at: datetime | None = None, speed: float | None = None) -> None:
        pid = self.playback_id
        if pid is None or self.clock is None:
            return
        async with self._lock:
            try:
                state = await self.backend.control_playback(pid, action, at, speed)
            except errors.NotFoundError:
                # the platform dropped the session (idle, restarted): open it again where we are
                await self._reopen(at)
                return
            except Exception as exc:
                self.failed.emit(state_words(exc))
                return
            self.clock.set(utc(state.position), speed=float(state.speed), paused=bool(state.paused))
            self._take(state)
        self._refresh_gaps(emit=True)
        self.position_changed.emit(self.clock.now())
        self.state_changed.emit()

    async def _reopen(self, at: datetime | None = None) -> None:
        pos = at or self.position() or datetime.now(UTC)
        ids, speed, profile = list(self.tracks), self.speed, self.profile
        self.playback_id = None
        await self.open(ids, pos, speed=speed, profile=profile)

    async def _poll_loop(self) -> None:
        while True:
            await asyncio.sleep(max(0.2, min(self.poll_interval, self.expires_in / 3)))
            pid = self.playback_id
            if pid is None or self.clock is None:
                return
            try:
                async with self._lock:
                    state = await self.backend.playback_state(pid)
                    self.clock.sync(utc(state.position), speed=float(state.speed), paused=bool(state.paused))
                    self._take(state)
            except errors.NotFoundError:
                self._poll = None  # this task: ``open`` below starts the next poll loop
                await self._reopen()
                return
            except errors.PlatformError as exc:
                log.info("playback poll: %s", exc)  # the next poll tries again; the clock runs on

    def _take(self, state: Any) -> None:
        """URLs and recording flags from a ``PlaybackState`` (unknown cameras ignored)."""
        self.expires_in = max(3, min(int(getattr(state, "expires_in", 60) or 60), 3600))
        for s in state.streams:
            track = self.tracks.get(str(s.camera_id))
            if track is None:
                continue
            track.urls = {str(k): str(v) for k, v in dict(s.urls).items()}
            track.recording = bool(s.recording)

    # ---- the clock ticks
    def tick(self) -> None:
        if self.clock is None:
            return
        self._refresh_gaps(emit=True)
        self.position_changed.emit(self.clock.now())

    def _refresh_gaps(self, *, emit: bool) -> None:
        if self.clock is None:
            return
        now = self.clock.now()
        for track in self.tracks.values():
            if track.spans is not None:
                gap = gap_at(track.spans, now)
            else:
                gap = None if track.recording else TileGap(since=None, resumes=None)
            was = track.gap
            if (was is None) == (gap is None) and was == gap:
                continue
            track.gap = gap
            if emit:
                self.tile_changed.emit(track.camera_id)
                if was is not None and gap is None:
                    self.tile_resumed.emit(track.camera_id)
