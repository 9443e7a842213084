"""Why a tile shows what it shows: one structured reason, from the player to the words on screen.

The player (``TilePlayer``) and the coordinator (``VideoCoordinator``) say
*why* with a ``PlayerReason``: a ``ReasonKind`` plus its parameters (seconds,
an attempt number, a refused URL's kind, a transport, the network's own words
quoted as they came). They never make sentences. The UI turns a reason into
the operator's language (``controlroom.ui.video_words.reason_words``, through
``QCoreApplication.translate``); nothing anywhere parses English back.

``str(reason)`` is English for the log and for diagnostics only (no secrets:
the quoted text is masked where it is made).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from controlroom.video.urls import UrlRefusal


class ReasonKind(enum.StrEnum):
    """What happened; the parameters each kind uses are listed with it."""

    NONE = "none"  # playing, idle: nothing to explain
    CONNECTING = "connecting"  # the first connection is opening
    RECONNECTING = "reconnecting"  # attempt, cause: the next attempt after ``cause``
    CAMERA_OFFLINE = "camera_offline"  # the platform reports the camera offline
    SOURCE_ENDED = "source_ended"  # the media server ended the stream
    STREAM_BROKE = "stream_broke"  # libVLC could not open the stream, or it broke off
    NO_PICTURE = "no_picture"  # seconds: no picture within that long of connecting
    NO_NEW_PICTURE = "no_new_picture"  # seconds: the picture froze for that long
    UNAUTHORIZED = "unauthorized"  # text: the media server answered 401
    FORBIDDEN = "forbidden"  # text: 403 (this account may not watch it)
    NOT_FOUND = "not_found"  # text: 404 (the media server does not know the stream)
    REFUSED_URL = "refused_url"  # refusal: the platform gave a URL that is no network stream
    PLATFORM_UNREACHABLE = "platform_unreachable"  # text: no stream URL, the platform is unreachable
    NO_STREAM = "no_stream"  # text: the platform gave no URL to play (a bad answer, a play timeout)
    NO_TRANSPORT = "no_transport"  # transport: the platform offers no URL over it
    NO_RTSP = "no_rtsp"  # neither libVLC's live555 nor PyAV is here to play RTSP
    TRANSPORT_UNPLAYABLE = "transport_unplayable"  # transport: this libVLC cannot play it
    BRIDGE_FAILED = "bridge_failed"  # text: the RTSP bridge (PyAV) gave up
    NOTHING_PLAYABLE = "nothing_playable"  # text (offered transports): no profile plays here
    NO_WINDOW = "no_window"  # the slot is lent out (suspended): its window plays something else


#: the kinds a media server says for good: retrying will not change them
REFUSALS = frozenset({ReasonKind.UNAUTHORIZED, ReasonKind.FORBIDDEN, ReasonKind.NOT_FOUND})
_STATUS = {401: ReasonKind.UNAUTHORIZED, 403: ReasonKind.FORBIDDEN, 404: ReasonKind.NOT_FOUND}


@dataclass(frozen=True)
class PlayerReason:
    """A ``ReasonKind`` and its parameters (see each kind for which it uses)."""

    kind: ReasonKind = ReasonKind.NONE
    seconds: float | None = None
    text: str = ""  # the network's own words (masked, bounded): quoted as typed, never parsed
    refusal: UrlRefusal | None = None
    transport: str = ""
    attempt: int = 0
    cause: PlayerReason | None = None

    @classmethod
    def http(cls, status: int, text: str = "") -> PlayerReason | None:
        """The reason for a media server's 401/403/404 (None for any other status)."""
        kind = _STATUS.get(status)
        return cls(kind, text=text[:300]) if kind is not None else None

    @property
    def refused(self) -> bool:
        """A media server's refusal (401/403/404): not retried in a loop."""
        return self.kind in REFUSALS

    @property
    def status(self) -> int | None:
        """The HTTP/RTSP status of a refusal, else None."""
        return next((code for code, kind in _STATUS.items() if kind is self.kind), None)

    def __bool__(self) -> bool:
        return self.kind is not ReasonKind.NONE

    def __str__(self) -> str:
        """English for the log (the UI never shows this)."""
        k = self.kind
        if k is ReasonKind.NONE:
            return ""
        if k is ReasonKind.RECONNECTING:
            return f"attempt {self.attempt}: {self.cause}" if self.cause else f"attempt {self.attempt}"
        if self.refused:
            head = {401: "401 Unauthorized", 403: "403 Forbidden", 404: "404 Not Found"}[self.status or 0]
            return f"{head}: {self.text}" if self.text else head
        parts = [k.value]
        if self.seconds is not None:
            parts.append(f"{self.seconds:.1f} s")
        if self.refusal is not None:
            parts.append(self.refusal.value)
        if self.transport:
            parts.append(self.transport)
        if self.text:
            parts.append(self.text)
        return ": ".join(parts)


NO_REASON = PlayerReason()
