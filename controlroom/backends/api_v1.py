"""API v1 (ControlRoom's own platform API) as a ``Backend``: a thin adapter over ``PlatformClient``.

The session keeps its own API v1 code path (login, paged inventory, the SSE
event stream, recovery after a platform restart, tickets) exactly as before
the seam; this adapter is what the rest of the app asks through the seam
(``session.backend``): the capabilities (API v1 has them all) and the same
calls as every other backend.
"""

from __future__ import annotations

from collections.abc import Sequence

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.schema import (
    Alert,
    Camera,
    PtzCommand,
    PtzPreset,
    PtzResult,
    PtzState,
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

    async def ptz_state(self, camera_id: str) -> PtzState:
        return await self.client.ptz_state(camera_id)

    async def ptz_save_preset(self, camera_id: str, number: int, name: str = "") -> PtzPreset:
        return await self.client.ptz_save_preset(camera_id, number, name)

    async def alerts(self) -> list[Alert]:
        return await self.client.alerts()

    async def aclose(self) -> None:
        return None  # the session logs out and closes the client
