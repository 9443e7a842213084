"""API v1 (ControlRoom's own platform API) as a ``Backend``: a thin adapter over ``PlatformClient``.

The session keeps its own API v1 code path (login, paged inventory, the SSE
event stream, recovery after a platform restart, tickets) exactly as before
the seam; this adapter is what the rest of the app asks through the seam
(``session.backend``): the capabilities (API v1 has them all) and the same
calls as every other backend.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.schema import (  # playback
    Alert,
    Bookmark,
    Camera,
    PlaybackState,
    PtzCommand,
    PtzResult,
    RecordingTimeline,
    Transport,
    User,
)
from controlroom.backends.base import Capability, Inventory, SimpleLease


class ApiV1Backend:
    """``Backend`` over a ``PlatformClient`` the session owns (the session closes it)."""

    name = "api_v1"
    capabilities = frozenset(Capability)
    extra_schemes: frozenset[str] = frozenset()

    def __init__(self, client: PlatformClient) -> None:
        self.client = client

    async def login(self, username: str, password: str) -> User:
        return await self.client.login(username, password)

    async def inventory(self) -> Inventory:
        (sites, v1), (grids, v2), (cameras, v3) = (
            await self.client.sites(), await self.client.grids(), await self.client.cameras()
        )
        return Inventory(sites=sites, cameras=cameras, grids=grids, version=max(v1, v2, v3))

    async def open_stream(self, camera: Camera, profile: str, transports: Sequence[Transport]) -> SimpleLease:
        """A fresh ticket at every ``url()``; the first of ``transports`` the ticket offers."""
        wanted = list(transports) or list(Transport)
        lease: SimpleLease

        async def make_url() -> str:
            ticket = await self.client.stream_ticket(camera.id, profile)
            for t in wanted:
                url = ticket.urls.get(t)
                if url:
                    lease.transport = t
                    return url
            raise errors.PlatformError("no offered transport", detail=f"{camera.id} {profile}")

        lease = SimpleLease(camera_id=camera.id, profile=profile, transport=wanted[0], make_url=make_url)
        return lease

    async def ptz(self, camera_id: str, command: PtzCommand) -> PtzResult:
        return await self.client.ptz(camera_id, command)

    async def alerts(self) -> list[Alert]:
        return await self.client.alerts()

    async def aclose(self) -> None:
        return None  # the session logs out and closes the client

    # ------------------------------------------------------------------ playback (issue 12)

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> RecordingTimeline:
        return await self.client.recordings(camera_id, start, end)

    async def open_playback(self, camera_ids: Sequence[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> PlaybackState:
        return await self.client.open_playback(camera_ids, at, speed, profile)

    async def playback_state(self, playback_id: str) -> PlaybackState:
        return await self.client.playback_state(playback_id)

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> PlaybackState:
        return await self.client.control_playback(playback_id, action, at, speed)

    async def close_playback(self, playback_id: str) -> None:
        await self.client.close_playback(playback_id)

    async def bookmarks(self, camera_id: str | None = None, start: datetime | None = None,
                        end: datetime | None = None) -> list[Bookmark]:
        return await self.client.bookmarks(camera_id, start, end)

    async def create_bookmark(self, camera_id: str, start: datetime, end: datetime, note: str) -> Bookmark:
        return await self.client.create_bookmark(camera_id, start, end, note)

    async def delete_bookmark(self, bookmark_id: str) -> None:
        await self.client.delete_bookmark(bookmark_id)

    def export_stream(self, camera_id: str, start: datetime, end: datetime,
                      profile: str = "main") -> AsyncIterator[bytes]:
        return self.client.export_stream(camera_id, start, end, profile)
