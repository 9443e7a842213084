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

Backends (issue 11). The address says which backend (``backends.address.parse``):
API v1 keeps exactly the code path above (``client`` is its ``PlatformClient``);
any other backend (wvp-GB28181-pro, a static camera file) goes through
``backend`` and ``client`` is None: login via ``backend.login``, the inventory
via ``backend.inventory()`` into ``Inventory.replace``, live state by polling
(WVP: channel status and alarms every ``platform.poll_interval_s``) or by the
camera file's watcher. ``capabilities`` says what the UI may offer;
``lease_for`` gives the wall a lease on any backend.
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
from controlroom.api.schema import (
    AlertRaisedEvent,
    Camera,
    CameraStatusEvent,
    Event,
    Transport,
    User,
)
from controlroom.audit import AuditRecorder, workstation_name
from controlroom.backends import address as addresses
from controlroom.backends.api_v1 import ApiV1Backend
from controlroom.backends.base import Backend, Capability
from controlroom.inventory import Inventory
from controlroom.listeners import Listeners
from controlroom.video.source import BackendLease, StreamLease, TicketLease, drain_releases

log = logging.getLogger("controlroom.session")


class ConnectionState(enum.StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    LOADING = "loading"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"


StateListener = Callable[[ConnectionState, str], None]


#: fastest and slowest poll of a backend without push (the setting's bounds)
MIN_POLL_S, MAX_POLL_S = 2, 3600


def open_backend(address: addresses.Address, *, verify: bool | str = True) -> Backend:
    """The backend an address names, not logged in (API v1 is opened by the session itself)."""
    if address.backend == addresses.WVP:
        from controlroom.backends.wvp import WvpBackend

        return WvpBackend(address.url, verify=verify)
    if address.backend == addresses.STATIC_FILE:
        from controlroom.backends.static_file import StaticFileBackend

        return StaticFileBackend(address.url)
    raise ValueError(address.backend)


def audit_recorder(session: Session) -> AuditRecorder:
    """The session's recorder: batches to API v1's ``/audit/batch``; a no-op on backends without
    ``Capability.AUDIT``. The workstation also goes in every request's ``X-Workstation`` header
    (percent-encoded: headers are ASCII) so that the platform names it in what it records itself."""
    from urllib.parse import quote

    name = workstation_name()
    client = session.client
    if client is None or not session.has(Capability.AUDIT):
        return AuditRecorder(None, name)
    client.http.headers["X-Workstation"] = quote(name, safe="")
    return AuditRecorder(client.audit_batch, name)


class Session:
    def __init__(self, base_url: str, *, verify: bool | str = True, limits: RequestLimits | None = None) -> None:
        self.address = addresses.parse(base_url)  # PlatformError in words for a bad address
        #: what the operator typed (with its wvp+ prefix): logging in again opens the same backend
        self.base_url = base_url.strip().rstrip("/") if self.address.backend != addresses.STATIC_FILE else base_url.strip()
        self.client: PlatformClient | None = None
        self.backend: Backend
        if self.address.backend == addresses.API_V1:
            self.client = PlatformClient(self.address.url, verify=verify, limits=limits)
            self.backend = ApiV1Backend(self.client)
        else:
            self.backend = open_backend(self.address, verify=verify)
        #: problems of the last load in words (bad records a backend skipped), for the status bar
        self.problems: list[str] = []
        self._poller: asyncio.Task[None] | None = None
        self._watcher: object | None = None
        self._event_id = 0
        self.polls = 0  # finished polls of a backend without push (tests, diagnostics)
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
        if self.client is not None:
            self.client.on_relogin(self._on_relogin)
        #: the operator audit trail (controlroom/audit.py): ``session.audit.record(action, camera_id, mode, detail)``
        self.audit = audit_recorder(self)

    # ------------------------------------------------------------------ backend

    @property
    def backend_name(self) -> str:
        return self.backend.name

    @property
    def capabilities(self) -> frozenset[Capability]:
        return self.backend.capabilities

    def has(self, capability: Capability) -> bool:
        return capability in self.backend.capabilities

    def lease_for(self, camera: Camera, profile: str, transport: Transport,
                  alternatives: list[Transport] | None = None) -> StreamLease:
        """The lease a tile plays: API v1's tickets, else the backend's ``open_stream`` (lazily),
        over ``alternatives`` (best first) when the URLs are known only at play time (WVP)."""
        if self.client is not None:
            return TicketLease(self.client, camera.id, profile, transport)
        return BackendLease(self.backend, camera, profile, transport, alternatives)

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
            if self.client is not None:
                self.user = await self.client.login(username, password)
            else:
                self.user = await self.backend.login(username, password)
        except Exception as exc:
            self._set_state(ConnectionState.FAILED, str(exc))
            raise
        return self.user

    async def load_inventory(self, progress: Progress | None = None) -> None:
        self._set_state(ConnectionState.LOADING, QCoreApplication.translate("Session", "loading the inventory"))
        if self.client is None:
            await self._load_from_backend(progress)
            return
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

    async def _load_from_backend(self, progress: Progress | None) -> None:
        t0 = time.perf_counter()
        started = time.monotonic()
        with quiet_gc():
            try:
                inv = await self.backend.inventory()
            except Exception as exc:
                self._set_state(ConnectionState.FAILED, str(exc))
                raise
            await asyncio.sleep(0)
            self.problems = list(inv.problems)
            for problem in self.problems[:50]:
                log.info("%s: %s", self.backend.name, problem)
            if progress is not None:
                progress(len(inv.cameras), len(inv.cameras))
            first = not self.inventory.cameras and not self.inventory.sites
            self.inventory.replace(inv.sites, inv.cameras, inv.grids, inv.version, announce=not first)
            if first:
                for _ in self.inventory.announce_reset_steps():
                    await asyncio.sleep(0)
        self.last_load_seconds = time.perf_counter() - t0
        self._loaded_at = started
        self._set_state(ConnectionState.CONNECTED, "")

    def _set_live_state(self) -> None:
        """Connected while the event stream is live (or not started yet); else reconnecting."""
        from controlroom.api.events import StreamState

        if self.events is None or self.events.state == StreamState.LIVE:
            self._set_state(ConnectionState.CONNECTED, "")
        else:
            self._set_state(ConnectionState.RECONNECTING, self.state_detail)

    def start_events(self) -> None:
        if self.client is None:
            self._start_backend_watch()
            return
        if self.events is not None:
            return
        self.events = EventStream(
            self.client, self._apply, on_resync=self._resync, on_state=self._stream_state
        )
        self.events.start()

    # ------------------------------------------------------------------ live, without push

    def _start_backend_watch(self) -> None:
        from controlroom.backends.base import Inventory as Fetched
        from controlroom.backends.static_file import FileWatcher, Problem, StaticFileBackend

        if self._poller is not None or self._watcher is not None:
            return
        if isinstance(self.backend, StaticFileBackend):
            loop = asyncio.get_event_loop()

            def changed(inv: Fetched, problems: list[Problem]) -> None:  # the watcher's thread
                loop.call_soon_threadsafe(self._file_changed, inv, [str(p) for p in problems])

            watcher = FileWatcher(self.backend, changed)
            watcher.start()
            self._watcher = watcher
        elif Capability.EVENTS_PUSH not in self.backend.capabilities:
            self._poller = asyncio.ensure_future(self._poll_loop())

    def _file_changed(self, inv: object, problems: list[str]) -> None:
        from controlroom.backends.base import Inventory as Fetched

        if self._watcher is None or not isinstance(inv, Fetched):
            return  # closed meanwhile
        self.problems = problems
        if inv.version != self.inventory.version:
            log.info("camera file changed: %d cameras", len(inv.cameras))
            self.inventory.replace(inv.sites, inv.cameras, inv.grids, inv.version)
        if problems:
            self._event_listeners.emit([])  # nothing new, but listeners may show the problems

    @staticmethod
    def poll_interval() -> float:
        from controlroom import settings

        try:
            seconds = int(settings.shared().get("platform.poll_interval_s"))
        except Exception:
            seconds = 10
        return float(max(MIN_POLL_S, min(MAX_POLL_S, seconds)))

    def _next_event_id(self) -> int:
        self._event_id += 1
        return self._event_id

    async def poll_once(self) -> None:
        """One poll of a backend without push: camera online states, then new alarms."""
        from datetime import UTC, datetime

        status_of = getattr(self.backend, "channel_status", None)
        batch: list[Event] = []
        now = datetime.now(UTC)
        if status_of is not None:
            status: dict[str, bool] = await status_of()
            for cid, online in status.items():
                cam = self.inventory.cameras.get(cid)
                if cam is not None and cam.online != online:
                    batch.append(CameraStatusEvent(id=self._next_event_id(), at=now,
                                                   inventory_version=self.inventory.version,
                                                   camera_id=cid, online=online))  # fmt: skip
        poll_alarms = getattr(self.backend, "poll_alarms", None)
        if poll_alarms is not None and Capability.ALERTS in self.backend.capabilities:
            for alert in await poll_alarms():
                batch.append(AlertRaisedEvent(id=self._next_event_id(), at=now,
                                              inventory_version=self.inventory.version, alert=alert))  # fmt: skip
        self.polls += 1
        if batch:
            self.inventory.apply(batch)
            self._event_listeners.emit(batch)

    async def _poll_loop(self) -> None:
        while True:
            await asyncio.sleep(self.poll_interval())
            try:
                await self.poll_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("%s poll failed: %s", self.backend.name, exc)
                self._set_state(ConnectionState.RECONNECTING, str(exc))
                continue
            if self.state != ConnectionState.CONNECTED and self.state != ConnectionState.LOADING:
                self._set_state(ConnectionState.CONNECTED, "")

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
        await self.audit.aclose()  # what is left of the trail goes before the logout
        if self.client is None:
            await self._close_backend()
            return
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

    async def _close_backend(self) -> None:
        from controlroom.backends.static_file import FileWatcher

        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
            self._poller = None
        watcher, self._watcher = self._watcher, None
        if isinstance(watcher, FileWatcher):
            await asyncio.to_thread(watcher.stop)
        try:
            await drain_releases()  # the tiles' last releases reach the platform (WVP play/stop)
        finally:
            await self.backend.aclose()
            thaw_gc()
        self._set_state(ConnectionState.DISCONNECTED, "")
