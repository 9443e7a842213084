"""One wall tile's video: a libVLC player bound to a native window, with a state machine.

``TilePlayer`` plays one stream URL into one native window (the tile's video
surface) on the process-wide ``vlc.Instance`` and keeps it alive for a
12-hour shift: a stream that dies or freezes is retried with capped backoff
(0.5, 1, 2, 2, 2 ... s) so that its video is back within about 3 s of the
source returning; a camera the platform calls offline is left alone; a stream
the media server refuses (401/403/404) or that this machine cannot play is
``failed`` with the reason in words, never retried in a loop.

States: idle -> connecting -> playing; playing -> stalled (no new picture
for ~1 s) -> reconnecting (no picture for ~2 s, or the stream ended or
errored); reconnecting -> playing when a picture arrives; offline and failed
wait for the caller. ``reconnect_in()`` is the countdown to the next attempt;
``state_changed`` fires at every change and at every attempt.

Threads. libVLC calls back on its own threads; those callbacks only emit a
queued Qt signal (the libVLC thread never touches libVLC or our state), and
stay referenced as long as their player. Everything else, including every
libVLC call, runs on the Qt thread that owns the TilePlayer. Progress is
read there too, every 250 ms, from ``media.get_stats()`` (the input updates
its counters every 250 ms): displayed pictures drive stall detection and the
``stats(fps, kbps)`` signal; the video output's arrival (libVLC's Vout
event, measured 5-30 ms before the first picture is shown) gives
``first_frame(seconds)``.

A fresh URL per connection. ``play()`` takes a ``StreamLease``
(``controlroom.video.source``) or a fixed URL; the player asks the lease for
the URL to play at every connect and reconnect (stream tickets expire; media
ports move when a platform restarts). A lease that cannot answer now (the
platform is unreachable) is one more failed attempt, retried with the same
backoff; a refusal (403/404) fails the tile. A media server's 401 to a fresh
ticket is retried once with another ticket before the tile fails.

One libVLC player per connection. Each (re)connect builds a fresh player (and
a fresh ``RtspBridge`` on the bridge route) and throws the old one away: a
wedged player or bridge can never survive a reconnect.

One window, one player. libVLC 3's X11 window provider refuses a window that
another video output already uses ("busy") and opens a top-level window of
its own instead, so two players must never share a window id. Hence:
``set_window`` to a new window starts the new connection there and drops the
old one once the new one shows a picture (no black tile); re-tuning on the
same window (``set_keyframes_only``) must stop first and costs one call-up
(~0.15 s measured) during which the window shows what the widget paints
(the UI can paint nothing and keep the last picture). A tour's pre-roll
uses a second surface and a second TilePlayer.

Teardown order, for the caller: ``release()`` (stops, then releases every
libVLC player and closes the bridges), and only then destroy the widget
that owns the window id. libVLC draws into that window until its player is
stopped; destroying the window first can crash the X connection.
"""

from __future__ import annotations

import enum
import http.client
import logging
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import vlc
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from controlroom.api.schema import Transport
from controlroom.logsafe import mask_url
from controlroom.video.reasons import NO_REASON, PlayerReason, ReasonKind
from controlroom.video.rtsp_bridge import RtspBridge
from controlroom.video.source import FixedLease, LeaseError, LeaseProblem, StreamLease
from controlroom.video.transports import RtspRoute, playable_transports, rtsp_route
from controlroom.video.urls import UrlRefusal, check_stream_url, require_stream_url
from controlroom.video.vlc_options import shared_instance

log = logging.getLogger("controlroom.video.player")

BACKOFF_SECONDS = (0.5, 1.0, 2.0)  # then 2.0 for ever: video back within ~3 s of the source
POLL_MS = 250  # libVLC refreshes input statistics every 250 ms
STALL_SECONDS = 1.0  # no new picture for this long: stalled
STALL_RECONNECT_SECONDS = 2.0  # ...and for this long: drop the connection and reconnect
CONNECT_TIMEOUT_SECONDS = 8.0  # an attempt with no picture by then has failed
STATS_EVERY_SECONDS = 1.0
# WORKAROUND: libavcodec's H.264 decoder with skip_frame=NONKEY (VLC's
# --avcodec-skip-frame=3) still hands VLC repeated pictures, so libVLC's
# "displayed pictures" keeps counting ~15 per second while only one new
# picture per GOP is decoded (measured: 78 pictures shown, 5 distinct, in 5 s).
KEYFRAMES_ONLY_OPTIONS = (":avcodec-skip-frame=3",)


class TileState(enum.StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    PLAYING = "playing"
    STALLED = "stalled"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    FAILED = "failed"


_PERMANENT_CODES = (401, 403, 404)


def probe_status(url: str, timeout: float = 3.0) -> PlayerReason | None:
    """Why a source refused us (401/403/404, with the server's words), if it says so; else None.

    libVLC reports only "error" for a refused HTTP request, so after a failed
    attempt we ask the server ourselves, once (the backoff bounds how often).
    URLs with credentials in them are not asked: the server would answer 401
    to us while libVLC (which authenticates) might be let in.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password or not parts.hostname:
        return None
    try:
        if parts.scheme in ("http", "https"):
            cls = (
                http.client.HTTPSConnection
                if parts.scheme == "https"
                else http.client.HTTPConnection
            )
            conn = cls(parts.hostname, parts.port, timeout=timeout)
            try:
                target = parts.path or "/"
                if parts.query:
                    target += "?" + parts.query
                conn.request("GET", target)
                resp = conn.getresponse()
                code = resp.status
                body = resp.read(300).decode("utf-8", "replace") if code in _PERMANENT_CODES else ""
            finally:
                conn.close()
        elif parts.scheme == "rtsp":
            with socket.create_connection(
                (parts.hostname, parts.port or 554), timeout=timeout
            ) as s:
                s.sendall(
                    f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n".encode()
                )
                line = s.recv(1024).split(b"\r\n", 1)[0].decode("latin-1")
            fields = line.split(" ", 2)
            code = int(fields[1]) if len(fields) >= 2 and fields[1].isdigit() else 0
            body = fields[2] if len(fields) > 2 else ""
        else:
            return None
    except (OSError, http.client.HTTPException, ValueError):
        return None
    return PlayerReason.http(code, mask_url(" ".join(body.split())[:200]))


@dataclass
class _Connection:
    """One attempt at playing the source: its own libVLC player, media and bridge."""

    sid: int
    player: vlc.MediaPlayer
    media: vlc.Media
    events: vlc.EventManager
    callbacks: list[object]  # referenced as long as the player lives
    bridge: RtspBridge | None
    started: float  # monotonic
    vout_at: float | None = None
    displayed: int = 0
    read_bytes: int = 0
    last_progress: float = 0.0
    has_picture: bool = False
    stats_t: float = 0.0
    stats_displayed: int = 0
    stats_bytes: int = 0
    extra: dict[str, object] = field(default_factory=dict)


def _forget_event_manager(player: vlc.MediaPlayer) -> None:
    """Drop python-vlc's cached event manager of a released player.

    WORKAROUND: python-vlc memoizes ``MediaPlayer.event_manager()`` in a
    class-level dict keyed by the player and never forgets it, so every
    player that ever had events stays alive (with its callbacks) for the life
    of the process: over a 12-hour shift of reconnects, that adds up.
    """
    memo = vlc.MediaPlayer.__dict__.get("event_manager")
    cache = getattr(memo, "_cache", None)
    if isinstance(cache, dict):
        cache.pop(player, None)


def lease_reason(problem: LeaseError | None) -> PlayerReason:
    """Why a lease gave no URL, as a reason (its English detail is quoted, never parsed)."""
    if problem is None:
        return PlayerReason(ReasonKind.NO_STREAM)
    kind = {
        LeaseProblem.UNREACHABLE: ReasonKind.PLATFORM_UNREACHABLE,
        LeaseProblem.REFUSED: ReasonKind.FORBIDDEN,
        LeaseProblem.NO_TRANSPORT: ReasonKind.NO_TRANSPORT,
    }.get(problem.problem, ReasonKind.NO_STREAM)
    return PlayerReason(kind, text=problem.detail[:300])


def bridge_reason(bridge: RtspBridge) -> PlayerReason:
    """Why the RTSP bridge gave up: a media server's refusal by its status, else its words."""
    if bridge.status is not None and (refusal := PlayerReason.http(bridge.status, bridge.error or "")) is not None:
        return refusal
    if bridge.ended:
        return PlayerReason(ReasonKind.SOURCE_ENDED)
    return PlayerReason(ReasonKind.BRIDGE_FAILED, text=(bridge.error or "")[:300])


_EVENTS = {
    vlc.EventType.MediaPlayerVout: "vout",
    vlc.EventType.MediaPlayerEncounteredError: "error",
    vlc.EventType.MediaPlayerEndReached: "end",
}


class TilePlayer(QObject):
    """A tile's live video: see the module docstring. Use from one Qt thread only."""

    state_changed = Signal(object, object)  # TileState, PlayerReason (the UI words it)
    stats = Signal(float, float)  # displayed pictures per second, kbit/s demuxed; ~1/s
    first_frame = Signal(float)  # seconds from the start of a connection to its first picture

    # libVLC threads -> Qt thread (queued): connection id, event name, monotonic time.
    _vlc_event = Signal(int, str, float)
    _status_probed = Signal(int, object)  # source generation, PlayerReason or None (not a refusal)

    def __init__(self, instance: vlc.Instance | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._instance = instance if instance is not None else shared_instance()
        self._state = TileState.IDLE
        self._reason: PlayerReason = NO_REASON
        self._win_id: int | None = None
        self._url: str | None = None  # the URL the lease gave for the current connection
        self._transport: Transport | None = None
        self._lease: StreamLease | None = None
        self._fetch_id = 0  # bumps per URL asked of the lease: late answers are dropped
        self._auth_refusals = 0  # 401s in a row from the media server (fresh URL each time)
        self._source_gen = (
            0  # bumps on every play()/stop(): late answers about old sources are dropped
        )
        self._offline = False
        self._keyframes_only = False
        self._zoom: tuple[float, float, float, float] | None = None
        self._live: _Connection | None = None
        self._next: _Connection | None = None  # a re-tune starting next to the live one
        self._sid = 0
        self._failures = 0  # failed attempts since the last picture (indexes the backoff)
        self._retry_at: float | None = None
        self._last_reason: PlayerReason = NO_REASON
        self.attempts = 0  # connections started since the last play() (tests, diagnostics)
        #: why the last play()'s URL was refused before it reached libVLC (state failed), else None
        self.refusal: UrlRefusal | None = None
        #: schemes the backend declares on top of controlroom.video.urls.NETWORK_SCHEMES
        self.extra_schemes: frozenset[str] = frozenset()
        self._released = False
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._status_probed.connect(self._on_status_probed, Qt.ConnectionType.QueuedConnection)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry)

    # ------------------------------------------------------------------ API

    @property
    def state(self) -> TileState:
        return self._state

    @property
    def reason(self) -> PlayerReason:
        """Why the player is in its state (structured: the UI words it)."""
        return self._reason

    @property
    def detail(self) -> str:
        """The reason in English, for the log and diagnostics (never shown)."""
        return str(self._reason)

    @property
    def keyframes_only(self) -> bool:
        return self._keyframes_only

    def decoded_size(self) -> tuple[int, int] | None:
        """The width and height of the picture being played, or None."""
        if self._live is None:
            return None
        w, h = self._live.player.video_get_size(0)
        return (w, h) if w and h else None

    def displayed_pictures(self) -> int:
        """Pictures shown by the current connection (libVLC's counter, read every 250 ms)."""
        return self._live.displayed if self._live is not None else 0

    def reconnect_in(self) -> float | None:
        """Seconds to the next reconnect attempt (0.0 while one runs); None if not reconnecting."""
        if self._state is not TileState.RECONNECTING:
            return None
        if self._retry_at is None:
            return 0.0
        return max(0.0, self._retry_at - time.monotonic())

    def set_window(self, win_id: int) -> None:
        """The native window to draw into (a QWidget with WA_NativeWindow: ``int(winId())``).

        A playing tile moves to the new window without going black (the new
        connection starts there; the old one stops when the new one shows a picture).
        """
        self._check_alive()
        win_id = int(win_id)
        if win_id == self._win_id:
            return
        self._win_id = win_id
        if self._live is not None and self._state is TileState.PLAYING:
            self._start_next()
        elif self._live is not None:
            self._reconnect_now()

    def play(self, source: str | StreamLease, transport: Transport | str | None = None) -> None:
        """Play ``source``: a ``StreamLease`` (asked for a fresh URL at every
        connect), or a fixed URL with its ``transport``."""
        self._check_alive()
        if self._win_id is None:
            raise RuntimeError(
                "TilePlayer.play() before set_window(): libVLC would open its own window"
            )
        self._teardown()
        self._source_gen += 1
        fixed_url = source if isinstance(source, str) else None
        if isinstance(source, str):
            if transport is None:
                raise ValueError("a fixed URL needs its transport")
            source = FixedLease(source, transport)
        if self._lease is not None and self._lease is not source:
            self._lease.release()
        self._lease = source
        self._url, self._transport = None, source.transport
        self._auth_refusals = 0
        self.refusal = None
        self.attempts = 0
        self._failures = 0
        if fixed_url is not None and self._refuse(fixed_url):
            return  # a fixed URL is checked at once; a lease's at each connect (_with_url)
        if self._offline:
            self._set_state(TileState.OFFLINE, PlayerReason(ReasonKind.CAMERA_OFFLINE))
            return
        if (why := self._unplayable()) is not None:
            self._set_state(TileState.FAILED, why)
            return
        self._connect(TileState.CONNECTING)

    def stop(self) -> None:
        """Stop playing and forget the source: idle."""
        self._check_alive()
        self._teardown()
        self._source_gen += 1
        self._url = self._transport = None
        self.refusal = None
        if self._lease is not None:
            self._lease.release()
            self._lease = None
        self._set_state(TileState.IDLE, NO_REASON)

    def release(self) -> None:
        """Stop and release every libVLC object; call before the window's widget goes. Idempotent."""
        if self._released:
            return
        self._teardown()
        self._source_gen += 1
        if self._lease is not None:
            self._lease.release()
            self._lease = None
        self._released = True
        self._state = TileState.IDLE

    def set_offline(self, offline: bool) -> None:
        """The platform's word on the camera: offline stops and waits; online plays again."""
        self._check_alive()
        if offline == self._offline:
            return
        self._offline = offline
        if offline:
            self._teardown()
            self._set_state(TileState.OFFLINE, PlayerReason(ReasonKind.CAMERA_OFFLINE))
        elif self._lease is not None:
            self._failures = 0
            if (why := self._unplayable()) is not None:
                self._set_state(TileState.FAILED, why)
            else:
                self._connect(TileState.CONNECTING)
        else:
            self._set_state(TileState.IDLE, NO_REASON)

    def set_keyframes_only(self, on: bool) -> None:
        """Decode key frames only (about one picture per GOP; a fraction of the CPU).

        libVLC fixes decoder options when a connection opens, so a playing tile
        reconnects in place (one call-up, ~0.15 s without a picture; the state
        stays ``playing``).
        """
        self._check_alive()
        if on == self._keyframes_only:
            return
        self._keyframes_only = on
        if self._live is None:
            return  # applies at the next connection
        if self._state is TileState.PLAYING:
            # Same window: stop, then reconnect at once; the state stays "playing"
            # unless the new connection fails (then the usual reconnect path).
            self._close(self._next)
            self._close(self._live)
            self._next = self._live = None

            def retuned() -> None:
                self._live = self._open()
                self._live.extra["retune"] = True

            self._with_url(retuned)
        elif self._state in (TileState.CONNECTING, TileState.STALLED):
            self._reconnect_now()
        # reconnecting: the next attempt uses it

    def snapshot(self, path: str | Path) -> bool:
        """Save the current picture (PNG, source size) to ``path``; True once the file is there.

        Blocks the calling thread until libVLC has written it (a picture or two).
        """
        self._check_alive()
        conn = self._live
        if conn is None or not conn.has_picture:
            return False
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if conn.player.video_take_snapshot(0, str(target), 0, 0) != 0:
            return False
        return target.is_file() and target.stat().st_size > 0

    def set_zoom(self, rect: tuple[float, float, float, float] | None) -> None:
        """Digital zoom: ``(x, y, w, h)`` as fractions of the picture, or None for the whole picture."""
        self._check_alive()
        if rect is not None:
            x, y, w, h = (float(v) for v in rect)
            if not (0 <= x < 1 and 0 <= y < 1 and 0 < w <= 1 - x + 1e-9 and 0 < h <= 1 - y + 1e-9):
                raise ValueError(f"zoom rectangle {rect} is not inside the picture")
            rect = (x, y, w, h)
        self._zoom = rect
        if self._live is not None and self._live.has_picture:
            self._apply_zoom(self._live)

    # ------------------------------------------------------------------ connections

    def _unplayable(self) -> PlayerReason | None:
        assert self._transport is not None
        if self._transport is Transport.RTSP and rtsp_route(self._instance) is RtspRoute.NONE:
            return PlayerReason(ReasonKind.NO_RTSP)  # no live555 in libVLC, and PyAV missing
        if self._transport not in playable_transports(self._instance):
            return PlayerReason(ReasonKind.TRANSPORT_UNPLAYABLE, transport=self._transport.value)
        return None

    def _open(self) -> _Connection:
        """A new connection to the current source, playing into the current window."""
        assert self._url is not None and self._transport is not None and self._win_id is not None
        self._sid += 1
        sid = self._sid
        self.attempts += 1
        bridge = None
        mrl = require_stream_url(self._url, self.extra_schemes)  # the last step before libVLC
        options = [":no-audio"]  # a wall is muted: no audio decoding or output per tile
        if self._transport is Transport.RTSP and rtsp_route(self._instance) is RtspRoute.BRIDGE:
            bridge = RtspBridge(self._url)
            mrl = bridge.mrl
            options.append(":demux=ts")  # the bridge always writes MPEG-TS: skip demuxer probing
        if self._keyframes_only:
            options += KEYFRAMES_ONLY_OPTIONS
        media = self._instance.media_new(mrl)
        for opt in options:
            media.add_option(opt)
        player = self._instance.media_player_new()
        player.set_media(media)
        if sys.platform.startswith("win"):
            player.set_hwnd(self._win_id)
        elif sys.platform == "darwin":
            player.set_nsobject(self._win_id)
        else:
            player.set_xwindow(self._win_id)
        player.video_set_mouse_input(False)  # the tile widget handles clicks, drags, wheel
        player.video_set_key_input(False)
        events = player.event_manager()
        emit = self._vlc_event.emit

        def on_event(event: vlc.Event, name: str) -> None:
            # libVLC thread: post and return. Never call libVLC from here.
            emit(sid, name, time.monotonic())

        for etype, name in _EVENTS.items():
            events.event_attach(etype, on_event, name)
        now = time.monotonic()
        conn = _Connection(sid, player, media, events, [on_event], bridge, now, last_progress=now,
                           stats_t=now)  # fmt: skip
        player.play()
        log.debug("tile connection %d: %s (%s)", sid, mask_url(self._url), self._transport.value)
        return conn

    def _close(self, conn: _Connection | None) -> None:
        """stop(), then release() (the order that proved safe), then close the bridge."""
        if conn is None:
            return
        for etype in _EVENTS:
            conn.events.event_detach(etype)
        conn.player.stop()
        conn.player.release()
        conn.media.release()
        _forget_event_manager(conn.player)
        if conn.bridge is not None:
            # The player has stopped reading the pipe; the bridge thread notices its stop
            # flag within ~0.1 s and finishes by itself if it is slower than this.
            conn.bridge.close(timeout=1.0)

    def _connect(self, state: TileState) -> None:
        self._close(self._next)
        self._next = None
        self._close(self._live)
        self._live = None
        self._retry.stop()
        self._retry_at = None

        def opened() -> None:
            self._live = self._open()
            if not self._poll.isActive():
                self._poll.start()

        self._set_state(state, PlayerReason(ReasonKind.CONNECTING) if state is TileState.CONNECTING else
                        PlayerReason(ReasonKind.RECONNECTING, attempt=self.attempts + 1,
                                     cause=self._last_reason or None))  # fmt: skip
        self._with_url(opened)

    def _with_url(self, then: Callable[[], None]) -> None:
        """Ask the lease for the URL to play now, then ``then()`` (dropped if superseded)."""
        assert self._lease is not None
        self._fetch_id += 1
        fid, gen = self._fetch_id, self._source_gen

        def done(url: str | None, problem: LeaseError | None) -> None:
            if self._released or fid != self._fetch_id or gen != self._source_gen:
                return
            if url is None:
                self._lease_failed(problem)
                return
            if self._refuse(url):
                return
            self._url = url
            # a backend lease picks its transport at play time (WVP): play what this URL is
            self._transport = self._lease.transport if self._lease is not None else self._transport
            then()

        self._lease.fetch(done)

    def _refuse(self, url: str) -> bool:
        """Fail the tile, and say why, when ``url`` is no network stream (never handed to
        libVLC or the bridge: a local file, a device or the screen on every reconnect)."""
        self.refusal = check_stream_url(url, self.extra_schemes)
        if self.refusal is None:
            return False
        log.warning("stream URL refused (%s): %s", self.refusal.value, mask_url(url)[:200])
        self._teardown()
        self._url = None
        self._set_state(TileState.FAILED, PlayerReason(ReasonKind.REFUSED_URL, refusal=self.refusal))
        return True

    def _lease_failed(self, problem: LeaseError | None) -> None:
        reason = lease_reason(problem)
        if self._next is not None or (self._live is not None and self._state is TileState.PLAYING):
            log.info("tile re-tune got no URL (%s); keeping the playing connection", reason)
            return
        self._close(self._live)
        self._live = None
        self._poll.stop()
        if problem is not None and problem.problem.permanent:
            self._set_state(TileState.FAILED, reason)
            return
        self._schedule_retry(reason)

    def _schedule_retry(self, reason: PlayerReason) -> None:
        delay = BACKOFF_SECONDS[min(self._failures, len(BACKOFF_SECONDS) - 1)]
        self._failures += 1
        self._last_reason = reason
        self._retry_at = time.monotonic() + delay
        self._retry.start(int(delay * 1000))
        self._set_state(TileState.RECONNECTING, reason)

    def _start_next(self) -> None:
        self._close(self._next)
        self._next = None

        def opened() -> None:
            self._next = self._open()

        self._with_url(opened)

    def _teardown(self) -> None:
        self._fetch_id += 1  # an answer still on its way is for nobody
        self._retry.stop()
        self._retry_at = None
        self._poll.stop()
        self._close(self._next)
        self._close(self._live)
        self._next = self._live = None

    def _reconnect_now(self) -> None:
        self._connect(TileState.RECONNECTING if self._state is not TileState.CONNECTING
                      else TileState.CONNECTING)  # fmt: skip

    def _attempt_failed(self, conn: _Connection, reason: PlayerReason) -> None:
        """The live connection is gone: fail for good on a refusal, else retry with backoff."""
        if conn is self._next:
            log.info("tile re-tune failed (%s); keeping the playing connection", reason)
            self._close(conn)
            self._next = None
            return
        if conn is not self._live:
            return
        if conn.bridge is not None and conn.bridge.error:
            reason = bridge_reason(conn.bridge)
        self._close(self._next)
        self._close(self._live)
        self._next = self._live = None
        self._poll.stop()
        if reason.refused and not self._fresh_url_may_help(reason):
            self._set_state(TileState.FAILED, reason)
            return
        self._schedule_retry(reason)
        if conn.bridge is None and self._url is not None:
            self._probe_refusal(self._url)

    def _fresh_url_may_help(self, reason: PlayerReason) -> bool:
        """A 401 to a lease's URL: its ticket may have expired; one more, fresh, try."""
        if reason.kind is not ReasonKind.UNAUTHORIZED or isinstance(self._lease, FixedLease) or self._lease is None:
            return False
        self._auth_refusals += 1
        return self._auth_refusals <= 1

    def _probe_refusal(self, url: str) -> None:
        gen = self._source_gen
        emit = self._status_probed.emit

        def run() -> None:
            emit(gen, probe_status(url))

        threading.Thread(target=run, name="tile-status-probe", daemon=True).start()

    # ------------------------------------------------------------------ Qt-thread handlers

    @Slot(int, object)
    def _on_status_probed(self, gen: int, reason: PlayerReason | None) -> None:
        if self._released or gen != self._source_gen or reason is None:
            return
        if self._state is TileState.RECONNECTING and self._live is None:
            if self._fresh_url_may_help(reason):
                return  # the next attempt asks the lease for a fresh URL
            self._retry.stop()
            self._retry_at = None
            self._set_state(TileState.FAILED, reason)

    @Slot()
    def _on_retry(self) -> None:
        self._retry_at = None
        if self._released or self._lease is None or self._offline:
            return
        self._connect(TileState.RECONNECTING)

    @Slot(int, str, float)
    def _on_vlc_event(self, sid: int, name: str, at: float) -> None:
        if self._released:
            return
        conn = next((c for c in (self._live, self._next) if c is not None and c.sid == sid), None)
        if conn is None:
            return  # a connection closed since
        if name == "vout":
            # (python-vlc's event union gives no usable vout count: ask the player.)
            if conn.vout_at is None and conn.player.has_vout() > 0:
                conn.vout_at = at
                self._got_picture(conn, at)
        elif name == "end":
            self._attempt_failed(conn, PlayerReason(ReasonKind.SOURCE_ENDED))
        elif name == "error":
            self._attempt_failed(conn, PlayerReason(ReasonKind.STREAM_BROKE))

    def _got_picture(self, conn: _Connection, at: float) -> None:
        if conn.has_picture:
            return
        conn.has_picture = True
        conn.last_progress = time.monotonic()
        if self._zoom is not None:
            self._apply_zoom(conn)
        if conn is self._next:
            # The re-tuned connection shows a picture (its window is on top): drop the old.
            self._close(self._live)
            self._live, self._next = conn, None
            return
        self._failures = 0
        self._auth_refusals = 0
        if conn.extra.pop("retune", False) and self._state is TileState.PLAYING:
            return  # a re-tune in place: no new call-up to announce
        self.first_frame.emit(max(0.0, at - conn.started))
        self._set_state(TileState.PLAYING, NO_REASON)

    @Slot()
    def _on_poll(self) -> None:
        now = time.monotonic()
        for conn in (self._next, self._live):
            if conn is None or conn not in (self._live, self._next):
                continue  # none, or closed by a step above (a re-tune took over, a failure)
            if conn.bridge is not None and conn.bridge.finished.is_set() and conn.bridge.error:
                self._attempt_failed(conn, bridge_reason(conn.bridge))
                continue
            st = vlc.MediaStats()
            if conn.media.get_stats(st):
                displayed, read = int(st.displayed_pictures), int(st.demux_read_bytes)
                if displayed > conn.displayed:
                    conn.displayed = displayed
                    conn.last_progress = now
                    if not conn.has_picture:  # no Vout event seen (should not happen): stats say so
                        self._got_picture(conn, now)
                conn.read_bytes = read
            if conn is self._next:
                if not conn.has_picture and now - conn.started > CONNECT_TIMEOUT_SECONDS:
                    self._attempt_failed(conn, PlayerReason(ReasonKind.NO_PICTURE, seconds=CONNECT_TIMEOUT_SECONDS))
                continue
            self._check_progress(conn, now)
        live = self._live
        if live is not None and live.has_picture and now - live.stats_t >= STATS_EVERY_SECONDS:
            dt = now - live.stats_t
            fps = max(0, live.displayed - live.stats_displayed) / dt
            kbps = max(0, live.read_bytes - live.stats_bytes) * 8 / 1000 / dt
            live.stats_t, live.stats_displayed, live.stats_bytes = (
                now,
                live.displayed,
                live.read_bytes,
            )
            self.stats.emit(fps, kbps)

    def _check_progress(self, conn: _Connection, now: float) -> None:
        if not conn.has_picture:
            if now - conn.started > CONNECT_TIMEOUT_SECONDS:
                self._attempt_failed(conn, PlayerReason(ReasonKind.NO_PICTURE, seconds=CONNECT_TIMEOUT_SECONDS))
            return
        idle = now - conn.last_progress
        if self._state is TileState.PLAYING and idle >= STALL_SECONDS:
            self._set_state(TileState.STALLED, PlayerReason(ReasonKind.NO_NEW_PICTURE, seconds=round(idle, 1)))
        elif self._state is TileState.STALLED:
            if idle < STALL_SECONDS:
                self._set_state(TileState.PLAYING, NO_REASON)
            elif idle >= STALL_RECONNECT_SECONDS:
                self._attempt_failed(conn, PlayerReason(ReasonKind.NO_NEW_PICTURE, seconds=round(idle, 1)))

    # ------------------------------------------------------------------ helpers

    def _apply_zoom(self, conn: _Connection) -> None:
        if self._zoom is None:
            conn.player.video_set_crop_geometry("")  # "" = no crop
            return
        w, h = conn.player.video_get_size(0)
        if not w or not h:
            return
        x, y, zw, zh = self._zoom
        cw, ch = max(2, round(zw * w)), max(2, round(zh * h))
        cx, cy = min(round(x * w), w - cw), min(round(y * h), h - ch)
        conn.player.video_set_crop_geometry(f"{cw}x{ch}+{cx}+{cy}")

    def _set_state(self, state: TileState, reason: PlayerReason) -> None:
        self._state, self._reason = state, reason
        self.state_changed.emit(state, reason)

    def _check_alive(self) -> None:
        if self._released:
            raise RuntimeError("TilePlayer used after release()")
