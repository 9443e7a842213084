"""The live event stream: server-sent events with resume, reconnect and resync.

The stream remembers the id of the last event it handed on. After a dropped
connection it reconnects with capped backoff and asks the platform to replay
from there (``Last-Event-ID``), dropping anything it has already seen, so no
event is lost or handed on twice. When the platform cannot replay that far
back it says ``resync``: the owner refetches the inventory.

Events are handed on in batches: everything that arrived while the previous
batch was being handled goes out as one list (the inventory then announces one
change per batch).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import random
from collections.abc import Awaitable, Callable

import httpx
import msgspec
from httpx_sse import SSEError, aconnect_sse

from controlroom.api import errors
from controlroom.api.client import API, PlatformClient
from controlroom.api.schema import Event, ResyncEvent

log = logging.getLogger("controlroom.api.events")

MAX_BATCH = 1000


class StreamState(enum.StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"


_decoder = msgspec.json.Decoder(Event)


class EventStream:
    """Consumes ``GET /api/v1/events`` until stopped."""

    def __init__(
        self,
        client: PlatformClient,
        on_events: Callable[[list[Event]], None],
        *,
        on_resync: Callable[[], Awaitable[None]] | None = None,
        on_state: Callable[[StreamState, str], None] | None = None,
        last_event_id: int | None = None,
        read_timeout: float = 45.0,
        max_backoff: float = 10.0,
    ) -> None:
        self.client = client
        self.on_events = on_events
        self.on_resync = on_resync
        self.on_state = on_state
        self.last_event_id = last_event_id
        self.read_timeout = read_timeout
        self.max_backoff = max_backoff
        self.state = StreamState.STOPPED
        self.reconnects = 0
        self.bad_events = 0
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []

    def _set_state(self, state: StreamState, detail: str = "") -> None:
        if state != self.state:
            self.state = state
            if self.on_state:
                self.on_state(state, detail)

    def start(self) -> None:
        if not self._tasks:
            self._tasks = [
                asyncio.ensure_future(self._read_forever()),
                asyncio.ensure_future(self._deliver_forever()),
            ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            try:
                await task
            except (asyncio.CancelledError, Exception):
                pass
        self._tasks = []
        self._set_state(StreamState.STOPPED)

    # ------------------------------------------------------------------ reading

    async def _read_forever(self) -> None:
        failures = 0
        while True:
            self._set_state(StreamState.CONNECTING if self.reconnects == 0 else StreamState.RECONNECTING)
            try:
                await self._read_once()
                reason = "the platform closed the event stream"
            except asyncio.CancelledError:
                raise
            except errors.AuthError as exc:
                reason = str(exc)
            except (httpx.HTTPError, SSEError, errors.PlatformError, OSError) as exc:
                reason = f"{type(exc).__name__}: {exc}"
            if self.state == StreamState.LIVE:
                failures = 0
            failures += 1
            self.reconnects += 1
            delay = min(self.max_backoff, 0.5 * 2 ** (failures - 1)) * (0.8 + random.random() * 0.4)
            log.info("event stream dropped (%s); reconnecting in %.1f s", reason, delay)
            self._set_state(StreamState.RECONNECTING, reason)
            await asyncio.sleep(delay)

    async def _read_once(self) -> None:
        headers = await self.client.auth_headers()
        headers["Accept"] = "text/event-stream"
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = str(self.last_event_id)
        timeout = httpx.Timeout(10.0, read=self.read_timeout)
        async with aconnect_sse(
            self.client.http, "GET", f"{API}/events", headers=headers, timeout=timeout
        ) as source:
            resp = source.response
            if resp.status_code >= 400:
                await resp.aread()
                raise errors.for_status(resp.status_code, resp.text[:200])
            self._set_state(StreamState.LIVE)
            async for sse in source.aiter_sse():
                if not sse.data:
                    continue  # keep-alive
                try:
                    ev = _decoder.decode(sse.data)
                except (msgspec.ValidationError, msgspec.DecodeError) as exc:
                    # one bad event must not stop the stream; say so and go on
                    self.bad_events += 1
                    log.warning("ignored a malformed event (id %s): %s", sse.id, exc)
                    continue
                if isinstance(ev, ResyncEvent):
                    await self._queue.put(ev)
                    self.last_event_id = ev.id
                    continue
                if self.last_event_id is not None and ev.id <= self.last_event_id:
                    continue  # already handed on before the reconnect
                self.last_event_id = ev.id
                await self._queue.put(ev)

    # ------------------------------------------------------------------ delivering

    async def _deliver_forever(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < MAX_BATCH:
                batch.append(self._queue.get_nowait())
            resync = [e for e in batch if isinstance(e, ResyncEvent)]
            if resync and self.on_resync is not None:
                # events before the resync are superseded by the fresh inventory
                last = max(i for i, e in enumerate(batch) if isinstance(e, ResyncEvent))
                batch = batch[last + 1 :]
                try:
                    await self.on_resync()
                except Exception:
                    log.exception("resync failed")
            if batch:
                try:
                    self.on_events(batch)
                except Exception:
                    log.exception("event handler failed")
