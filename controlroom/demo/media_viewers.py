"""Test hook: how many viewers each live demo stream has now (``/_test/media-viewers``).

A client that closes a wall must leave the media server: its connections
end and the live sources it watched have no subscriber left. Tests read
that here instead of guessing it from the client's side.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web


def add_routes(router: web.UrlDispatcher, api: Any) -> None:
    """Register the hook (only on a platform started with test hooks)."""

    async def viewers(request: web.Request) -> web.Response:
        media = api.media
        if media is None:
            return web.json_response({"total": 0, "streams": {}})
        # the hub's sources by (stream, profile); read only, for this hook
        streams = {src.name: src.subscriber_count for src in media.hub._sources.values() if src.subscriber_count}
        return web.json_response({"total": sum(streams.values()), "streams": streams})

    router.add_post("/_test/media-viewers", viewers)
