"""Where a player gets the URL to play: a stream lease, asked again at every (re)connect.

A stream is a lease, not a URL. Stream tickets expire within seconds and the
platform's media ports move when it restarts, so a URL fetched once goes
stale; a ``StreamLease`` yields the URL to play *now*, and a player asks it at
every connect and reconnect (``TilePlayer.play(lease)``). ``release()`` says
nobody watches any more (a backend that keeps streams open on its media
server, as wvp-GB28181-pro does, stops it there).

The shape is a callback, not a coroutine, so that a player can use it from Qt
code without an asyncio loop: ``fetch(done)`` calls ``done(url, None)`` or
``done(None, problem)`` once, now or later, on the caller's thread (the app's
asyncio loop is Qt's, through qasync).

- ``FixedLease``: one URL for ever (a file of cameras, a test, a URL typed in).
- ``BackendLease``: any other backend's lease (``Backend.open_stream``, async),
  opened at the first fetch and released (a scheduled task, never dropped)
  when the player lets go: WVP stops the channel when its last lease goes.
- ``TicketLease``: API v1's stream tickets (``POST /streams/ticket``): a fresh
  ticket per connect, for one camera's profile; the platform puts the ticket
  in the URLs it answers with, so no credential of ours reaches any host.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from controlroom.api import errors
from controlroom.api.schema import Transport

if TYPE_CHECKING:
    from controlroom.api.client import PlatformClient
    from controlroom.api.schema import Camera
    from controlroom.backends.base import Backend
    from controlroom.backends.base import StreamLease as BackendStreamLease

log = logging.getLogger("controlroom.video.source")


class LeaseProblem(enum.StrEnum):
    """Why a lease has no URL now; ``permanent`` ones are not worth asking again soon."""

    UNREACHABLE = "unreachable"  # the platform cannot be reached (it may be restarting)
    REFUSED = "refused"  # 403/404: this account may not watch it, or it does not exist
    NO_TRANSPORT = "no_transport"  # the platform offers no URL over the chosen transport
    FAILED = "failed"  # anything else (a bad answer, a server error)

    @property
    def permanent(self) -> bool:
        return self in (LeaseProblem.REFUSED, LeaseProblem.NO_TRANSPORT)


@dataclass(frozen=True)
class LeaseError:
    problem: LeaseProblem
    detail: str  # in English, for the log and the tile's tooltip; no secrets

    def __str__(self) -> str:
        if self.problem is LeaseProblem.REFUSED:
            return f"403 Forbidden: {self.detail}"  # English for the log; the player maps the problem, never this
        return f"no stream URL ({self.problem.value}): {self.detail}"


Done = Callable[[str | None, LeaseError | None], None]


class StreamLease(Protocol):
    """One stream held while someone watches it (see the module docstring)."""

    @property
    def transport(self) -> Transport: ...

    def fetch(self, done: Done) -> None:
        """Find the URL to play now; call ``done`` once (perhaps before returning)."""

    def release(self) -> None:
        """Nobody watches any more; late answers are dropped."""


class FixedLease:
    """A URL that does not change."""

    def __init__(self, url: str, transport: Transport | str) -> None:
        self.url = url
        self._transport = Transport(transport)

    @property
    def transport(self) -> Transport:
        return self._transport

    def fetch(self, done: Done) -> None:
        done(self.url, None)

    def release(self) -> None:
        pass


class TicketLease:
    """A camera's profile on an API v1 platform: a fresh ticket at every connect."""

    def __init__(self, client: PlatformClient, camera_id: str, profile: str, transport: Transport | str) -> None:
        self.client = client
        self.camera_id = camera_id
        self.profile = profile
        self._transport = Transport(transport)
        self._tasks: set[asyncio.Task[None]] = set()
        self.fetches = 0  # tickets asked for (tests, diagnostics)

    @property
    def transport(self) -> Transport:
        return self._transport

    def fetch(self, done: Done) -> None:
        self.fetches += 1
        task = asyncio.ensure_future(self._fetch(done))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _fetch(self, done: Done) -> None:
        try:
            ticket = await self.client.stream_ticket(self.camera_id, self.profile)
        except asyncio.CancelledError:
            raise
        except (errors.ForbiddenError, errors.NotFoundError) as exc:
            done(None, LeaseError(LeaseProblem.REFUSED, str(exc)))
            return
        except errors.NetworkError as exc:
            done(None, LeaseError(LeaseProblem.UNREACHABLE, str(exc)))
            return
        except Exception as exc:  # a bad answer, a server error, an expired login
            done(None, LeaseError(LeaseProblem.FAILED, str(exc)))
            return
        url = ticket.urls.get(self._transport)
        if not url:
            done(None, LeaseError(LeaseProblem.NO_TRANSPORT, f"no {self._transport.value} URL in the ticket"))
            return
        done(url, None)

    def release(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._tasks.clear()


#: Backend releases still running (a released lease must reach the backend even
#: though nobody awaits it: WVP keeps the stream open until ``play/stop``).
_pending_releases: set[asyncio.Task[None]] = set()


async def drain_releases() -> None:
    """Wait for the releases scheduled so far (the session does before it closes its backend)."""
    while _pending_releases:
        await asyncio.gather(*list(_pending_releases), return_exceptions=True)


class BackendLease:
    """A camera's profile on a non-API-v1 backend, as a player's callback-shaped lease.

    Lazy: nothing is opened on the backend until the first ``fetch`` (the wall
    asks for leases it never plays, to learn a profile's name). Every fetch
    asks the backend lease for the URL to play now; ``release`` schedules the
    backend's release once the open has finished (if it is still running).
    """

    def __init__(self, backend: Backend, camera: Camera, profile: str, transport: Transport | str,
                 alternatives: list[Transport] | None = None) -> None:
        self.backend = backend
        self.camera = camera
        self.camera_id = camera.id
        self.profile = profile
        self._transport = Transport(transport)
        #: what the backend may choose from, best first (WVP answers its URLs only at play time)
        self.transports = list(alternatives or [self._transport])
        self._opened: BackendStreamLease | None = None
        self._opening: asyncio.Task[BackendStreamLease] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.released = False
        self.fetches = 0

    @property
    def transport(self) -> Transport:
        """The transport of the URL the last fetch gave (the player asks after each fetch)."""
        return self._opened.transport if self._opened is not None else self._transport

    def fetch(self, done: Done) -> None:
        if self.released:
            done(None, LeaseError(LeaseProblem.FAILED, "lease released"))
            return
        self.fetches += 1
        if self._opening is None:
            self._opening = asyncio.ensure_future(
                self.backend.open_stream(self.camera, self.profile, self.transports)
            )
        task = asyncio.ensure_future(self._fetch(self._opening, done))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _fetch(self, opening: asyncio.Task[BackendStreamLease], done: Done) -> None:
        try:
            lease = await asyncio.shield(opening)
            url = await lease.url()
            self._opened = lease
        except asyncio.CancelledError:
            raise
        except (errors.ForbiddenError, errors.NotFoundError) as exc:
            done(None, LeaseError(LeaseProblem.REFUSED, str(exc)))
            return
        except errors.NetworkError as exc:
            done(None, LeaseError(LeaseProblem.UNREACHABLE, str(exc)))
            return
        except Exception as exc:  # a play timeout (WVP's 收流超时), a bad answer, a lost login
            done(None, LeaseError(LeaseProblem.FAILED, str(exc)))
            return
        if self.released:
            return
        done(url, None)

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        for task in list(self._tasks):
            task.cancel()
        self._tasks.clear()
        if self._opening is None:
            return  # never opened: nothing held on the backend
        task = asyncio.ensure_future(self._release(self._opening))
        _pending_releases.add(task)
        task.add_done_callback(_pending_releases.discard)

    @staticmethod
    async def _release(opening: asyncio.Task[BackendStreamLease]) -> None:
        try:
            lease = await opening
        except asyncio.CancelledError:
            raise
        except Exception:
            return  # the open failed: nothing to give back
        try:
            await lease.release()
        except Exception as exc:
            log.warning("releasing a %s stream failed: %s", lease.camera_id, exc)
