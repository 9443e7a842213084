"""The backend seam: what the session, the wall, the plugins and doctor ask of a platform.

Every backend answers in API v1's types (``controlroom.api.schema``: Site,
Camera, Grid, Alert, User, ...), so the inventory, the wall and the panes stay
as they are. A backend declares what it can do (``capabilities``); the UI
words what is missing instead of failing, and a call of a missing capability
raises ``Unsupported`` (a ``PlatformError`` with words), never a traceback.

A stream is a lease (ARCHITECTURE.md, "Backends and stream leases"):
``open_stream`` returns a ``StreamLease`` whose ``url()`` gives the URL to play
*now* (called at every connect and reconnect: tickets expire, media ports move)
and whose ``release()`` tells the backend that nobody watches any more (WVP
keeps a stream open on its media server until ``play/stop``).
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication

from controlroom.api import errors
from controlroom.api.schema import Alert, Camera, Grid, PtzCommand, PtzResult, Site, Transport, User


class Capability(enum.StrEnum):
    GRIDS = "grids"  # grid status (网格)
    EVENTS_PUSH = "events_push"  # live changes pushed (SSE); otherwise polled
    ALERTS = "alerts"  # alerts are listed (pushed or polled)
    ALERT_ACK = "alert_ack"  # alerts can be acknowledged
    CONFERENCE = "conference"
    PTZ = "ptz"
    PLAYBACK = "playback"
    DISPLAYS = "displays"  # meeting displays driven through the platform (registry, push)


class Unsupported(errors.PlatformError):
    """The backend cannot do this (a capability it lacks)."""

    def __init__(self, capability: Capability, backend: str) -> None:
        super().__init__(
            QCoreApplication.translate("Backend", "This platform does not offer that ({what}).").format(
                what=capability.value
            ),
            detail=f"{backend}: {capability.value}",
        )


@dataclass(frozen=True)
class Inventory:
    """One full fetch of what the user may see."""

    sites: list[Site]
    cameras: list[Camera]
    grids: list[Grid] = field(default_factory=list)
    version: int = 0
    problems: list[str] = field(default_factory=list)  # bad records skipped, in words


class StreamLease(Protocol):
    """One viewer's hold on one camera's stream (one profile)."""

    camera_id: str
    profile: str  # "main" | "sub"
    transport: Transport

    async def url(self) -> str:
        """The URL to play now: asked again at every connect and reconnect."""
        ...

    async def release(self) -> None:
        """Nobody watches any more (idempotent)."""
        ...


@dataclass
class SimpleLease:
    """A lease over a callable that makes the URL, and an optional release."""

    camera_id: str
    profile: str
    transport: Transport
    make_url: Callable[[], Awaitable[str]]
    on_release: Callable[[], Awaitable[None]] | None = None
    released: bool = False

    async def url(self) -> str:
        return await self.make_url()

    async def release(self) -> None:
        if self.released:
            return
        self.released = True
        if self.on_release is not None:
            await self.on_release()


@runtime_checkable
class Backend(Protocol):
    """One platform connection."""

    name: str  # "api_v1", "wvp", "static_file"
    capabilities: frozenset[Capability]
    #: URL schemes the backend's streams may use beyond the network defaults
    #: (rtsp, rtsps, http, https, rtmp); see the core URL check.
    extra_schemes: frozenset[str]

    async def login(self, username: str, password: str) -> User: ...

    async def inventory(self) -> Inventory: ...

    async def open_stream(self, camera: Camera, profile: str, transports: Sequence[Transport]) -> StreamLease:
        """A lease on the camera's profile, over the first of ``transports`` the platform offers."""
        ...

    async def ptz(self, camera_id: str, command: PtzCommand) -> PtzResult: ...

    async def alerts(self) -> list[Alert]: ...

    async def aclose(self) -> None: ...
