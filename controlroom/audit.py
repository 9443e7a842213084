"""The operator audit trail, client side: a batching recorder of what only the app sees.

The platform records what it sees itself (logins, logouts, acknowledgements,
PTZ moves). What only the app sees — a camera opened on or closed from the
wall, an export, a push to a display — goes through ``AuditRecorder.record``,
one call, no I/O::

    session.audit.record("export", camera_id, "playback", "北武台-村口1号 09:00–09:05.mp4")

Entries wait in a bounded queue and go to the platform together
(``POST /api/v1/audit/batch``): every ``interval`` seconds, as soon as
``batch_size`` are waiting, and on logout and quit (``aclose``), so a 64-tile
tour costs a handful of requests, not one per tile. A batch that fails stays at
the head of the queue and is sent again, with the same ``batch_id`` (the
platform stores a batch once), after a capped backoff: nothing is lost while
the platform is away, up to ``max_queue`` entries; past that the oldest go,
counted, with a warning, and the next batch tells the platform how many
(``dropped``: the trail shows the gap). A refusal that no retry can change
(400, 403, 413) drops that batch with an error in the log; a platform without
the endpoint (404) turns the recorder off.

Backends without an audit endpoint (WVP, a camera file) get a recorder whose
``record`` does nothing (``enabled`` False): the seam's ``Capability.AUDIT``.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import msgspec

from controlroom.api import errors
from controlroom.api.schema import (
    MAX_AUDIT_BATCH,
    MAX_REQUEST_BODY,
    AuditBatch,
    AuditBatchResult,
    AuditReport,
    ReportedAction,
)

log = logging.getLogger("controlroom.audit")

Send = Callable[[AuditBatch], Awaitable[AuditBatchResult]]

#: a batch's body stays under this (the platform reads at most MAX_REQUEST_BODY)
MAX_BATCH_BYTES = MAX_REQUEST_BODY - 8 * 1024
_NO_CONTROL = str.maketrans({c: None for c in [*range(0x20), 0x7F]})
_enc = msgspec.json.Encoder()


def clean(text: str, limit: int) -> str:
    """Plain text on one line, at most ``limit`` characters."""
    return text.translate(_NO_CONTROL).strip()[:limit]


def workstation_name() -> str:
    """This workstation's name in the trail: ``CONTROLROOM_WORKSTATION``, else the host name."""
    name = clean(os.environ.get("CONTROLROOM_WORKSTATION", "") or socket.gethostname(), 64)
    return name or "unknown"


def _is_gb_id(value: str) -> bool:
    return len(value) == 20 and value.isascii() and value.isdigit()


class AuditRecorder:
    """Queues audit entries and sends them in batches (see the module's docstring)."""

    def __init__(
        self,
        send: Send | None,
        workstation: str,
        *,
        interval: float = 30.0,
        batch_size: int = MAX_AUDIT_BATCH,
        max_queue: int = 20_000,
        retry_min: float = 2.0,
        retry_max: float = 60.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._send = send
        self.workstation = clean(workstation, 64) or "unknown"
        self.interval = interval
        self.batch_size = max(1, min(batch_size, MAX_AUDIT_BATCH))
        self.max_queue = max_queue
        self.retry_min = retry_min
        self.retry_max = retry_max
        self._now = now
        self._queue: collections.deque[AuditReport] = collections.deque()
        self._pending: AuditBatch | None = None  # sent, not yet confirmed: sent again as it is
        self._dropped_unsent = 0  # dropped since the last batch (the next one says so)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._failures = 0
        self._next_try = 0.0
        self._closed = False
        #: figures for tests and diagnostics
        self.requests = 0
        self.sent = 0
        self.dropped = 0
        self.refused = 0

    @property
    def enabled(self) -> bool:
        return self._send is not None and not self._closed

    @property
    def queued(self) -> int:
        """Entries not yet confirmed by the platform (queued and in flight)."""
        return len(self._queue) + (len(self._pending.entries) if self._pending else 0)

    # ------------------------------------------------------------------ recording

    def record(self, action: ReportedAction | str, camera_id: str | None = None, mode: str | None = "live",
               detail: str = "") -> None:
        """Note one action now; returns at once (the entry goes with the next batch).

        ``action``: camera_opened, camera_closed, export, display_push; ``mode``: "live",
        "playback" or None; ``detail``: a file name, a display — plain text, cut to 500.
        """
        if not self.enabled:
            return
        what = ReportedAction(action)
        if mode not in ("live", "playback", None):
            raise ValueError(f"mode must be live, playback or None, not {mode!r}")
        text = clean(detail, 500)
        if camera_id is not None and not _is_gb_id(camera_id):
            # not a GB/T 28181 id (a static file's own name): keep it readable in the detail
            text = clean(f"camera {camera_id[:40]} {text}", 500)
            camera_id = None
        self._queue.append(AuditReport(at=self._now(), action=what, camera_id=camera_id, mode=mode,  # type: ignore[arg-type]
                                       detail=text))
        if len(self._queue) > self.max_queue:
            self._queue.popleft()
            self.dropped += 1
            self._dropped_unsent += 1
            if self.dropped in (1, 10, 100, 1000) or self.dropped % 10_000 == 0:
                log.warning("audit: the platform has not taken reports for a while; %d oldest dropped so far "
                            "(queue full at %d)", self.dropped, self.max_queue)
        if len(self._queue) >= self.batch_size:
            self._wake.set()
        self._ensure_task()

    def _ensure_task(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop yet: the entries wait for the next record() or flush()
        self._task = loop.create_task(self._run(), name="audit-recorder")

    # ------------------------------------------------------------------ sending

    async def _run(self) -> None:
        while not self._closed:
            if self._failures:
                wait = max(0.0, self._next_try - time.monotonic())
            else:
                wait = self.interval
            full = True
            try:
                await asyncio.wait_for(self._wake.wait(), wait)
            except TimeoutError:
                full = False  # the interval: send everything
            self._wake.clear()
            if self._closed:
                break
            if self._failures and time.monotonic() < self._next_try:
                continue  # a full batch while the platform is away: wait for the retry
            if self.queued:
                # woken by a full batch: send full batches only, the rest waits to fill up
                await self.flush(full_only=full and not self._failures)

    def _next_batch(self, full_only: bool = False) -> AuditBatch | None:
        if self._pending is not None:
            return self._pending
        if not self._queue and not self._dropped_unsent:
            return None
        if full_only and len(self._queue) < self.batch_size:
            return None
        entries: list[AuditReport] = []
        size = 200  # the envelope
        while self._queue and len(entries) < self.batch_size:
            n = len(_enc.encode(self._queue[0])) + 1
            if entries and size + n > MAX_BATCH_BYTES:
                break
            size += n
            entries.append(self._queue.popleft())
        self._pending = AuditBatch(batch_id=secrets.token_urlsafe(12), workstation=self.workstation,
                                   entries=entries, dropped=self._dropped_unsent)
        self._dropped_unsent = 0
        return self._pending

    async def flush(self, *, full_only: bool = False) -> bool:
        """Send what is queued now, batch after batch (``full_only``: only full batches); False when
        the platform could not take it (the entries stay queued for the retry)."""
        if self._send is None:
            return True
        async with self._lock:
            while (batch := self._next_batch(full_only)) is not None:
                self.requests += 1
                try:
                    await self._send(batch)
                except errors.PlatformError as exc:
                    if exc.status in (400, 403, 404, 413):
                        # no retry changes this answer: do not let one batch block the trail
                        self._pending = None
                        self.refused += len(batch.entries)
                        log.error("audit: the platform refused %d reports (%s)", len(batch.entries), exc)
                        if exc.status == 404:
                            log.error("audit: this platform has no audit endpoint; reports stop here")
                            self._send = None
                            self._queue.clear()
                            return False
                        continue
                    self._failures += 1
                    delay = min(self.retry_max, self.retry_min * 2 ** (self._failures - 1))
                    self._next_try = time.monotonic() + delay
                    if self._failures in (1, 5) or self._failures % 50 == 0:
                        log.warning("audit: %d reports wait for the platform (%s); next try in %.0f s",
                                    self.queued, exc, delay)
                    return False
                self._pending = None
                self.sent += len(batch.entries)
                if self._failures:
                    log.info("audit: the platform takes reports again (%d sent)", len(batch.entries))
                self._failures = 0
        return True

    async def aclose(self, timeout: float = 3.0) -> None:
        """Send what is left (logout, quit) within ``timeout`` s, then stop; idempotent."""
        if self._closed:
            return
        task, self._task = self._task, None
        self._closed = True
        self._wake.set()
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._send is None or not self.queued:
            return
        try:
            async with asyncio.timeout(timeout):
                await self.flush()
        except TimeoutError:
            pass
        if self.queued:
            log.warning("audit: %d reports could not reach the platform before the session closed", self.queued)
