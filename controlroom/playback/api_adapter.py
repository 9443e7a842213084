"""A thin stand-in for the playback methods of the API v1 backend, over ``PlatformClient``.

The playback contract has ``pbplat`` add these methods to the ``Backend``
protocol and to ``ApiV1Backend``; until they are there, the client reaches
the same endpoints through this adapter (``playback_backend`` prefers the
backend's own methods whenever it has them, so nothing changes when they
land). Bounded like the rest of the client: the client's deadline per call,
an export bounded in bytes (``export.MAX_CLIP_BYTES``) and in time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

import httpx
import msgspec

from controlroom.api import errors
from controlroom.api import schema as s
from controlroom.api.client import API, PlatformClient
from controlroom.playback.manifest import iso

#: an export of an hour at the main profile streams in well under this
EXPORT_DEADLINE = 600.0
#: bookmarks read per list (pages of the platform's size)
MAX_BOOKMARKS = 5000


class ApiV1Playback:
    """``recordings`` … ``export_stream`` of the playback contract, for an API v1 platform."""

    def __init__(self, client: PlatformClient) -> None:
        self.client = client

    async def recordings(self, camera_id: str, start: datetime, end: datetime) -> s.RecordingTimeline:
        return await self.client._request(
            "GET", f"{API}/cameras/{camera_id}/recordings", s.RecordingTimeline,
            params={"start": iso(start), "end": iso(end)})

    async def open_playback(self, camera_ids: Sequence[str], at: datetime, speed: float = 1.0,
                            profile: str = "sub") -> s.PlaybackState:
        body = msgspec.json.encode(s.PlaybackOpen(camera_ids=list(camera_ids), at=at, speed=speed,
                                                  profile=profile))  # type: ignore[arg-type]
        return await self.client._request("POST", f"{API}/playback", s.PlaybackState, content=body, retry=False)

    async def playback_state(self, playback_id: str) -> s.PlaybackState:
        return await self.client._request("GET", f"{API}/playback/{playback_id}", s.PlaybackState)

    async def control_playback(self, playback_id: str, action: str, at: datetime | None = None,
                               speed: float | None = None) -> s.PlaybackState:
        body = msgspec.json.encode(s.PlaybackControl(action=action, at=at, speed=speed))  # type: ignore[arg-type]
        return await self.client._request("POST", f"{API}/playback/{playback_id}/control", s.PlaybackState,
                                          content=body, retry=False)

    async def close_playback(self, playback_id: str) -> None:
        await self.client._call("DELETE", f"{API}/playback/{playback_id}", retry=False)

    async def bookmarks(self, camera_id: str | None = None, start: datetime | None = None,
                        end: datetime | None = None) -> list[s.Bookmark]:
        params: dict[str, Any] = {}
        if camera_id:
            params["camera_id"] = camera_id
        if start is not None:
            params["start"] = iso(start)
        if end is not None:
            params["end"] = iso(end)
        out: list[s.Bookmark] = []
        offset: int | None = 0
        while offset is not None and len(out) < MAX_BOOKMARKS:
            page = await self.client._request("GET", f"{API}/bookmarks", s.Page[s.Bookmark],
                                              params={**params, "offset": offset})
            out.extend(page.items)
            nxt = page.next_offset
            offset = nxt if nxt is not None and nxt > offset and page.items else None
        return out[:MAX_BOOKMARKS]

    async def create_bookmark(self, camera_id: str, start: datetime, end: datetime, note: str) -> s.Bookmark:
        body = msgspec.json.encode(s.BookmarkCreate(camera_id=camera_id, start=start, end=end, note=note))
        return await self.client._request("POST", f"{API}/bookmarks", s.Bookmark, content=body, retry=False)

    async def delete_bookmark(self, bookmark_id: str) -> None:
        await self.client._call("DELETE", f"{API}/bookmarks/{bookmark_id}", retry=False)

    async def export_stream(self, camera_id: str, start: datetime, end: datetime,
                            profile: str = "main") -> AsyncIterator[bytes]:
        what = f"GET {API}/cameras/{camera_id}/export"
        headers = await self.client.auth_headers()
        params = {"start": iso(start), "end": iso(end), "profile": profile}
        try:
            async with asyncio.timeout(EXPORT_DEADLINE):
                async with self.client.http.stream("GET", f"{API}/cameras/{camera_id}/export", params=params,
                                                   headers=headers, timeout=httpx.Timeout(30.0)) as resp:
                    if resp.status_code >= 400:
                        raw = (await resp.aread())[:4096]
                        try:
                            message = msgspec.json.decode(raw, type=s.ErrorResponse).error.message
                        except msgspec.DecodeError:
                            message = raw.decode("utf-8", "replace")[:200]
                        raise errors.for_status(resp.status_code, message)
                    async for chunk in resp.aiter_bytes():
                        yield chunk
        except TimeoutError as exc:
            raise errors.deadline(EXPORT_DEADLINE, what) from exc
        except httpx.TransportError as exc:
            raise errors.network(f"{type(exc).__name__}: {exc}") from exc


def playback_backend(session: Any) -> Any | None:
    """What answers the playback calls for ``session``: its backend, if it has them; the API v1
    adapter; or None (this platform offers no playback)."""
    backend = getattr(session, "backend", None)
    if backend is not None and callable(getattr(backend, "open_playback", None)):
        return backend
    client = getattr(session, "client", None)
    if isinstance(client, PlatformClient):
        return ApiV1Playback(client)
    return None
