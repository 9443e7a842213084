"""The live event stream: server-sent events with resume, reconnect and resync.

The stream remembers the id of the last event it handed on. After a dropped
connection it reconnects and asks the platform to replay from there
(``Last-Event-ID``), dropping anything it has already seen (ids that do not
move forward are dropped with a log line), so no event is lost or handed on
twice. When the platform cannot replay that far back it says ``resync``: the
owner refetches the inventory.

A dead or frozen platform is noticed by its silence: the platform writes a
line at least every ``Heartbeat-Interval`` seconds (a ``: heartbeat`` comment
when nothing happens); after ``HEARTBEAT_MISSES`` intervals without a line the
stream is dead, and the owner shows its state as reconnecting (stale).

Reconnects wait with capped exponential backoff and jitter (a stream that
closes at once is not hammered), never less than the server's ``retry:``.
A 401 renews the login (refresh, else a re-login with the kept credentials)
and reconnects at once.

Events are handed on in batches: everything that arrived while the previous
batch was being handled goes out as one list (the inventory then announces one
change per batch).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import msgspec

from controlroom.api import errors
from controlroom.api.client import API, PlatformClient
from controlroom.api.schema import Event, ResyncEvent

log = logging.getLogger("controlroom.api.events")

MAX_BATCH = 1000
HEARTBEAT_DEFAULT = 5.0  # s, when the platform sends no Heartbeat-Interval header
HEARTBEAT_MISSES = 3  # silent intervals before the stream counts as dead
BACKOFF_BASE = 0.5  # s: the first reconnect delay, doubled per failure ...
BACKOFF_CAP = 5.0  # ... up to this (a restarted platform is heard again within it)
RETRY_CAP = 300.0  # s: the most of a server's ``retry:`` that is honoured
STABLE_SECONDS = 10.0  # a connection that lived this long resets the backoff
MAX_LINE = 1 << 20  # bytes: a longer line is a broken or hostile stream


class StreamState(enum.StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"


_decoder = msgspec.json.Decoder(Event)


class StreamDead(Exception):
    """The platform stayed silent past the heartbeat deadline."""


@dataclass
class _Sse:
    """One server-sent event as parsed from its lines."""

    event: str = ""
    data: list[str] = field(default_factory=list)
    id: str | None = None


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
        max_backoff: float = BACKOFF_CAP,
        heartbeat_misses: int = HEARTBEAT_MISSES,
    ) -> None:
        self.client = client
        self.on_events = on_events
        self.on_resync = on_resync
        self.on_state = on_state
        self.last_event_id = last_event_id
        self.read_timeout = read_timeout  # the longest silence accepted whatever the heartbeat
        self.max_backoff = max_backoff
        self.heartbeat_misses = heartbeat_misses
        self.server_retry = 0.0  # s, from the server's ``retry:``
        self.state = StreamState.STOPPED
        self.reconnects = 0
        self.bad_events = 0
        self.backwards = 0  # events dropped because their id did not move forward
        self.delays: list[float] = []  # the last reconnect delays (tests, diagnostics)
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

    def backoff(self, failures: int) -> float:
        """The wait before reconnect number ``failures`` (1, 2, ...): capped
        exponential with jitter, never less than the server's ``retry:``."""
        step = min(self.max_backoff, BACKOFF_BASE * 2 ** min(failures - 1, 30))
        jittered = step * (0.5 + random.random() / 2)  # "equal jitter": spreads desks apart
        return max(jittered, min(self.server_retry, RETRY_CAP))

    async def _read_forever(self) -> None:
        failures = 0
        renewed = False
        while True:
            self._set_state(StreamState.CONNECTING if self.reconnects == 0 else StreamState.RECONNECTING)
            started = time.monotonic()
            seen_token = self.client.access_token
            try:
                await self._read_once()
                reason = "the platform closed the event stream"
            except asyncio.CancelledError:
                raise
            except errors.AuthError as exc:
                reason = str(exc)
                if not renewed:
                    # the platform no longer knows our token (revoked, expired, or it restarted)
                    renewed = True
                    try:
                        await self.client.renew(seen_token)
                    except asyncio.CancelledError:
                        raise
                    except Exception as renew_exc:
                        reason = f"{reason}; renewing the login failed: {renew_exc}"
                    else:
                        self.reconnects += 1
                        continue
            except StreamDead as exc:
                reason = str(exc)
            except (httpx.HTTPError, errors.PlatformError, OSError, ValueError) as exc:
                reason = f"{type(exc).__name__}: {exc}"
            renewed = False
            if time.monotonic() - started >= STABLE_SECONDS:
                failures = 0  # it was up for a while: this is a fresh drop
            failures += 1
            self.reconnects += 1
            delay = self.backoff(failures)
            self.delays = [*self.delays[-19:], delay]
            log.info("event stream dropped (%s); reconnecting in %.1f s", reason, delay)
            self._set_state(StreamState.RECONNECTING, reason)
            await asyncio.sleep(delay)

    async def _read_once(self) -> None:
        headers = await self.client.auth_headers()
        headers["Accept"] = "text/event-stream"
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = str(self.last_event_id)
        timeout = httpx.Timeout(10.0, read=self.read_timeout)
        async with self.client.http.stream("GET", f"{API}/events", headers=headers, timeout=timeout) as resp:
            if resp.status_code >= 400:
                body = b""
                async for chunk in resp.aiter_raw():
                    body += chunk
                    if len(body) > 4096:
                        break
                raise errors.for_status(resp.status_code, body[:200].decode("utf-8", "replace"))
            if "text/event-stream" not in resp.headers.get("content-type", ""):
                raise errors.payload("GET /events", f"not an event stream: {resp.headers.get('content-type', '')[:80]}")
            interval = _heartbeat_interval(resp.headers.get("Heartbeat-Interval"))
            deadline = min(self.read_timeout, interval * self.heartbeat_misses)
            self._set_state(StreamState.LIVE)
            async for sse in self._events(resp, deadline):
                await self._handle(sse)

    async def _events(self, resp: httpx.Response, deadline: float) -> AsyncIterator[_Sse]:
        """The events of a response, parsed line by line; ``StreamDead`` after
        ``deadline`` seconds without a complete line (heartbeats count)."""
        chunks = resp.aiter_bytes().__aiter__()
        buf = b""
        current = _Sse()
        last_line = time.monotonic()
        while True:
            loop = asyncio.get_running_loop()
            try:
                # (a timeout scope in this task, not wait_for's inner task: cancelling
                # the stream must reach httpx's read directly, or closing it lingers)
                async with asyncio.timeout_at(loop.time() + max(0.0, last_line + deadline - time.monotonic())):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise StreamDead(f"no heartbeat from the platform for {deadline:.0f} s") from None
            buf += chunk
            while True:
                cut = _line_end(buf)
                if cut is None:
                    break
                end, skip = cut
                raw, buf = buf[:end], buf[end + skip :]
                last_line = time.monotonic()
                event = self._line(raw.decode("utf-8", "replace"), current)
                if event is not None:
                    current = _Sse()
                    yield event
            if len(buf) > MAX_LINE:
                raise errors.payload("GET /events", f"a line longer than {MAX_LINE} bytes")

    def _line(self, line: str, current: _Sse) -> _Sse | None:
        """Feed one line; the event it completes, if any (the SSE rules, whatwg.org)."""
        if not line:
            return current if current.data else None
        if line.startswith(":"):
            return None  # a comment: the heartbeat
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            current.data.append(value)
        elif name == "event":
            current.event = value
        elif name == "id" and "\0" not in value:
            current.id = value
        elif name == "retry" and value.isdigit() and len(value) < 12:
            self.server_retry = int(value) / 1000
        return None

    async def _handle(self, sse: _Sse) -> None:
        data = "\n".join(sse.data)
        try:
            ev = _decoder.decode(data)
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            # one bad event must not stop the stream; say so and go on
            self.bad_events += 1
            log.warning("ignored a malformed event (id %s): %s", (sse.id or "")[:20], exc)
            return
        if isinstance(ev, ResyncEvent):
            # after a resync the platform's ids may start again lower (it restarted)
            await self._queue.put(ev)
            self.last_event_id = ev.id
            return
        if self.last_event_id is not None and ev.id <= self.last_event_id:
            self.backwards += 1
            if self.backwards <= 10 or self.backwards % 1000 == 0:
                log.warning("dropped event %d: its id does not move forward (last %d; %d dropped so far)",
                            ev.id, self.last_event_id, self.backwards)
            return
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


def _heartbeat_interval(value: str | None) -> float:
    try:
        seconds = float(value) if value is not None else HEARTBEAT_DEFAULT
    except ValueError:
        seconds = HEARTBEAT_DEFAULT
    if seconds != seconds:  # NaN
        seconds = HEARTBEAT_DEFAULT
    return min(max(seconds, 1.0), 60.0)


def _line_end(buf: bytes) -> tuple[int, int] | None:
    """Where the first line of ``buf`` ends and how long its end is (CRLF, LF or CR)."""
    n = buf.find(b"\n")
    r = buf.find(b"\r")
    if r == -1 and n == -1:
        return None
    if r != -1 and (n == -1 or r < n):
        if r + 1 == len(buf):
            return None  # a CR at the end: wait, an LF may follow
        return (r, 2) if buf[r + 1 : r + 2] == b"\n" else (r, 1)
    return n, 1
