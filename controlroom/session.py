"""A connection to one platform: client + inventory + live events, with one state.

The UI shows ``state`` and ``state_detail`` in its status bar and listens for
changes with ``on_state``. The session keeps the inventory current: it loads
it, applies the event stream's deltas in batches, and refetches it when the
platform asks for a resync or when the inventory version moves.

Recovery. The event stream's heartbeat deadline notices a dead or frozen
platform: the state goes to reconnecting (the UI marks statuses stale) until
the stream is live again. The client keeps the credentials of this login in
memory (never on disk) and logs in again by itself when the platform no
longer knows its tokens (it restarted); the session then refetches the
inventory. Tiles need nothing from here: each asks its stream lease for a
fresh ticket and URL at every reconnect, so they come back as soon as the
platform answers. ``close()`` logs out (revoking the tokens and the streams).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from controlroom.api.client import (
    PlatformClient,
    Progress,
    RequestLimits,
    SkippedRecord,
    quiet_gc,
    thaw_gc,
)
from controlroom.api.events import EventStream, StreamState
from controlroom.api.schema import Event, User
from controlroom.inventory import Inventory
from controlroom.listeners import Listeners

log = logging.getLogger("controlroom.session")


class ConnectionState(enum.StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    LOADING = "loading"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"


StateListener = Callable[[ConnectionState, str], None]


class Session:
    def __init__(self, base_url: str, *, verify: bool | str = True, limits: RequestLimits | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.client = PlatformClient(self.base_url, verify=verify, limits=limits)
        self.inventory = Inventory()
        self.user: User | None = None
        self.state = ConnectionState.DISCONNECTED
        self.state_detail = ""
        self.events: EventStream | None = None
        self.last_load_seconds: float | None = None
        #: records of the last inventory load that did not decode and were left out
        self.skipped: list[SkippedRecord] = []
        self._listeners: Listeners[[ConnectionState, str]] = Listeners(log, "state")
        self._event_listeners: Listeners[[list[Event]]] = Listeners(log, "event")
        self._resyncing: asyncio.Task[None] | None = None
        self.recoveries = 0  # automatic re-logins after the platform forgot us (restarts)
        self._resync_lock = asyncio.Lock()
        self._loaded_at = 0.0  # monotonic time the last finished inventory load started
        self.client.on_relogin(self._on_relogin)

    # ------------------------------------------------------------------ state

    def on_state(self, cb: StateListener) -> Callable[[], None]:
        return self._listeners.add(cb)

    def on_events(self, cb: Callable[[list[Event]], None]) -> Callable[[], None]:
        """Every batch of live events, after the inventory applied it (alerts, conferences...)."""
        return self._event_listeners.add(cb)

    def _set_state(self, state: ConnectionState, detail: str = "") -> None:
        self.state, self.state_detail = state, detail
        self._listeners.emit(state, detail)

    # ------------------------------------------------------------------ steps

    async def login(self, username: str, password: str) -> User:
        self._set_state(ConnectionState.CONNECTING, self.base_url)
        try:
            self.user = await self.client.login(username, password)
        except Exception as exc:
            self._set_state(ConnectionState.FAILED, str(exc))
            raise
        return self.user

    async def load_inventory(self, progress: Progress | None = None) -> None:
        self._set_state(ConnectionState.LOADING, QCoreApplication.translate("Session", "loading the inventory"))
        t0 = time.perf_counter()
        started = time.monotonic()
        skipped: list[SkippedRecord] = []
        with quiet_gc():  # no collector pauses of the GUI thread while 28,500 cameras arrive
            try:
                (sites, v1), (grids, v2), (cameras, v3) = await asyncio.gather(
                    self.client.sites(skipped=skipped), self.client.grids(skipped=skipped),
                    self.client.cameras(progress, skipped=skipped),
                )
            except Exception as exc:
                self._set_state(ConnectionState.FAILED, str(exc))
                raise
            await asyncio.sleep(0)  # the last page's decoding and the indexing in separate turns of the loop
            self.skipped = skipped
            first = not self.inventory.cameras and not self.inventory.sites
            self.inventory.replace(sites, cameras, grids, max(v1, v2, v3), announce=not first)
            if first:  # each listener's rebuild in a turn of its own: no 100 ms block of the GUI thread
                for _ in self.inventory.announce_reset_steps():
                    await asyncio.sleep(0)
        self.last_load_seconds = time.perf_counter() - t0
        self._loaded_at = started  # what it holds is at least as new as this
        self._set_live_state()

    def _set_live_state(self) -> None:
        """Connected while the event stream is live (or not started yet); else reconnecting."""
        from controlroom.api.events import StreamState

        if self.events is None or self.events.state == StreamState.LIVE:
            self._set_state(ConnectionState.CONNECTED, "")
        else:
            self._set_state(ConnectionState.RECONNECTING, self.state_detail)

    def start_events(self) -> None:
        if self.events is not None:
            return
        self.events = EventStream(
            self.client, self._apply, on_resync=self._resync, on_state=self._stream_state
        )
        self.events.start()

    # ------------------------------------------------------------------ live

    def _apply(self, batch: list[Event]) -> None:
        newer = [e.inventory_version for e in batch if e.inventory_version > self.inventory.version]
        self.inventory.apply(batch)
        self._event_listeners.emit(batch)
        if newer and (self._resyncing is None or self._resyncing.done()):
            # the structure changed under us: refetch it
            self._resyncing = asyncio.ensure_future(self._resync())

    async def _resync(self) -> None:
        # a re-login and the stream's resync event both ask after a restart: load once
        asked = time.monotonic()
        async with self._resync_lock:
            if self._loaded_at >= asked:
                return
            await self._resync_now()

    async def _resync_now(self) -> None:
        log.info("resyncing the inventory")
        try:
            await self.load_inventory()
        except Exception as exc:
            log.warning("resync failed: %s", exc)
            # the inventory we have stays; the next resync (the stream asks on reconnect) retries
            self._set_state(ConnectionState.RECONNECTING, str(exc))

    def _on_relogin(self) -> None:
        # the platform forgot our login: it probably restarted, and its inventory may differ
        self.recoveries += 1
        if self.inventory.version >= 0 and (self._resyncing is None or self._resyncing.done()):
            self._resyncing = asyncio.ensure_future(self._resync())

    def _stream_state(self, state: StreamState, detail: str) -> None:
        if state == StreamState.LIVE:
            if self.state != ConnectionState.LOADING:
                self._set_state(ConnectionState.CONNECTED, "")
        elif state == StreamState.RECONNECTING:
            if self.state != ConnectionState.LOADING:
                self._set_state(ConnectionState.RECONNECTING, detail)

    async def close(self) -> None:
        if self.events is not None:
            await self.events.stop()
            self.events = None
        if self._resyncing is not None:
            self._resyncing.cancel()
        try:
            await self.client.logout()  # revokes the tokens and cuts this login's streams
        finally:
            await self.client.aclose()
            thaw_gc()  # what the loads froze may be collected again (a closed window's cycles)
        self._set_state(ConnectionState.DISCONNECTED, "")
