"""The demo platform's audit trail (issue 13): who did what, when, from which workstation.

``AuditStore`` keeps the trail in SQLite (stdlib ``sqlite3``): in the file
``controlroom demo --audit-db PATH`` names (it survives a restart), else in a
temporary folder of this demo process (removed when it stops). Every database
call runs on one thread of its own, in order: the loop that serves the API and
the video never waits for SQLite (a 400-entry batch takes 25-50 ms here, a
WAL checkpoint up to ~230 ms: ``tests/bench/bench_audit.py``).

What the platform sees itself it records with one call, from anywhere in the
demo (other routes too)::

    api.audit.record(user, workstation, AuditAction.DISPLAY_PUSH, camera_id=None, detail="display 2")

``user`` is a ``DemoUser`` or a user name; ``workstation`` comes from the
request's ``X-Workstation`` header (``workstation_of(request)``). Clients
report the rest in batches (``POST /api/v1/audit/batch``); dispatchers read it
(``GET /api/v1/audit``); everyone else gets 403.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
import shutil
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from aiohttp import web

from controlroom.api import schema as s
from controlroom.demo.network import DemoUser

if TYPE_CHECKING:
    from controlroom.demo.server import DemoApi

log = logging.getLogger("controlroom.demo.audit")

API = "/api/v1"
#: batch ids remembered to make retries harmless (the oldest are forgotten past this)
SEEN_BATCHES = 100_000
_NO_CONTROL = str.maketrans({c: None for c in [*range(0x20), 0x7F]})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,            -- ISO 8601 with offset (UTC for the platform's own)
    at_utc REAL NOT NULL,        -- the same as a UNIX time, for ranges and order
    received_at TEXT NOT NULL,
    user TEXT NOT NULL,
    workstation TEXT NOT NULL,
    address TEXT NOT NULL,
    action TEXT NOT NULL,
    source TEXT NOT NULL,
    camera_id TEXT,
    mode TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at_utc, id);
CREATE INDEX IF NOT EXISTS audit_user ON audit (user, at_utc);
CREATE INDEX IF NOT EXISTS audit_camera ON audit (camera_id, at_utc);
CREATE TABLE IF NOT EXISTS batches (batch_id TEXT NOT NULL, user TEXT NOT NULL, accepted INTEGER NOT NULL,
                                    seq INTEGER NOT NULL, PRIMARY KEY (batch_id, user));
CREATE INDEX IF NOT EXISTS batches_seq ON batches (seq);
"""
SCHEMA_VERSION = "1"


def clean_text(text: str, limit: int) -> str:
    """One line of plain text of at most ``limit`` characters (what a header or a name may hold)."""
    return text.translate(_NO_CONTROL).strip()[:limit]


def workstation_of(request: web.Request) -> str:
    """The ``X-Workstation`` header: percent-encoded UTF-8 (HTTP headers are ASCII), ≤ 64 characters,
    no control characters; anything else counts as unknown ("")."""
    raw = request.headers.get("X-Workstation", "")
    if not raw or len(raw) > 64 * 12:
        return ""
    try:
        name = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return ""
    return clean_text(name, 64)


class AuditStore:
    """The trail in SQLite; ``path`` None: a temporary folder of this process."""

    def __init__(self, path: Path | None = None) -> None:
        self._tmp: str | None = None
        if path is None:
            self._tmp = tempfile.mkdtemp(prefix="controlroom-audit-")
            path = Path(self._tmp) / "audit.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # one thread owns the connection: calls queue there in order (a write, then a read, sees it)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-db")
        self._pool.submit(self._open).result()

    def _open(self) -> None:
        path = self.path
        self.db = sqlite3.connect(path, isolation_level=None)  # explicit transactions below
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            raise RuntimeError(f"{path}: audit schema version {row[0]}, this demo knows {SCHEMA_VERSION}")
        #: batches posted (accepted or duplicate): tests count requests with it
        self.batches_posted = 0

    def close(self) -> None:
        def shut() -> None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()

        with contextlib.suppress(RuntimeError):  # closed before
            self._pool.submit(shut).result()
        self._pool.shutdown(wait=True)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    # ------------------------------------------------------------------ writing

    def record(self, user: DemoUser | str, workstation: str, action: s.AuditAction | str, *,
               camera_id: str | None = None, mode: str | None = None, detail: str = "",
               address: str = "") -> None:
        """One action the platform saw itself, now. Returns at once: the row is written on the
        store's thread, before anything asked of the store after this call."""
        now = datetime.now(UTC)
        name = user.username if isinstance(user, DemoUser) else user
        rows = [(now, now, name, workstation, address, s.AuditAction(action), "platform", camera_id, mode, detail)]
        try:
            self._pool.submit(self._insert, rows).add_done_callback(_log_failure)
        except RuntimeError:  # the store closed (the platform is stopping)
            log.warning("audit: %s by %s after the trail closed: not recorded", action, name)

    async def batch(self, user: str, address: str, batch: s.AuditBatch) -> s.AuditBatchResult:
        """``record_batch`` on the store's thread."""
        return await asyncio.wrap_future(self._pool.submit(self.record_batch, user, address, batch))

    async def read(self, **query: Any) -> tuple[list[s.AuditEntry], int]:
        """``query`` on the store's thread."""
        return await asyncio.wrap_future(self._pool.submit(functools.partial(self.query, **query)))

    def record_batch(self, user: str, address: str, batch: s.AuditBatch) -> s.AuditBatchResult:
        """A client's batch (validated by the schema); a batch seen before is not stored again."""
        self.batches_posted += 1
        seen = self.db.execute("SELECT accepted FROM batches WHERE batch_id=? AND user=?",
                               (batch.batch_id, user)).fetchone()
        if seen is not None:
            return s.AuditBatchResult(accepted=int(seen[0]), duplicate=True)
        for e in batch.entries:
            try:
                e.at.timestamp()
            except (OverflowError, ValueError):
                raise ValueError(f"at {e.at.isoformat()} is out of range") from None
        now = datetime.now(UTC)
        ws = clean_text(batch.workstation, 64)
        rows: list[tuple[Any, ...]] = [
            (e.at, now, user, ws, address, s.AuditAction(e.action.value), "client", e.camera_id, e.mode,
             clean_text(e.detail, 500))
            for e in batch.entries
        ]
        if batch.dropped:
            rows.append((now, now, user, ws, address, s.AuditAction.REPORTS_LOST, "platform", None, None,
                         f"{batch.dropped} reports dropped by the workstation before they could be sent"))
        self._insert(rows, batch=(batch.batch_id, user, len(batch.entries)))
        return s.AuditBatchResult(accepted=len(batch.entries))

    def _insert(self, rows: list[tuple[Any, ...]], batch: tuple[str, str, int] | None = None) -> None:
        db = self.db
        db.execute("BEGIN")
        try:
            db.executemany(
                "INSERT INTO audit (at, at_utc, received_at, user, workstation, address, action, source,"
                " camera_id, mode, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(at.isoformat(), at.timestamp(), rec.isoformat(), user, ws, addr[:64], str(action), src, cam,
                  mode, detail) for at, rec, user, ws, addr, action, src, cam, mode, detail in rows],
            )
            if batch is not None:
                seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM batches").fetchone()[0]
                db.execute("INSERT INTO batches VALUES (?,?,?,?)", (*batch, seq))
                if seq > SEEN_BATCHES:
                    db.execute("DELETE FROM batches WHERE seq <= ?", (seq - SEEN_BATCHES,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ reading

    def query(self, *, user: str | None = None, camera_id: str | None = None, action: str | None = None,
              start: datetime | None = None, end: datetime | None = None, offset: int = 0,
              limit: int = 1000) -> tuple[list[s.AuditEntry], int]:
        """Entries newest first (by when they happened), and how many match."""
        where: list[str] = []
        args: list[Any] = []
        for column, value in (("user", user), ("camera_id", camera_id), ("action", action)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if start is not None:
            where.append("at_utc >= ?")
            args.append(start.timestamp())
        if end is not None:
            where.append("at_utc < ?")
            args.append(end.timestamp())
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        offset = min(offset, 2**62)  # SQLite integers are 64-bit; past every row anyway
        total = int(self.db.execute(f"SELECT COUNT(*) FROM audit {cond}", args).fetchone()[0])
        rows = self.db.execute(
            "SELECT id, at, received_at, user, workstation, address, action, source, camera_id, mode, detail"
            f" FROM audit {cond} ORDER BY at_utc DESC, id DESC LIMIT ? OFFSET ?", [*args, limit, offset],
        ).fetchall()
        items = [
            s.AuditEntry(id=r[0], at=datetime.fromisoformat(r[1]), received_at=datetime.fromisoformat(r[2]),
                         user=r[3], workstation=r[4], address=r[5], action=s.AuditAction(r[6]), source=r[7],
                         camera_id=r[8], mode=r[9], detail=r[10])
            for r in rows
        ]
        return items, total


def _log_failure(future: concurrent.futures.Future[None]) -> None:
    if not future.cancelled() and (exc := future.exception()) is not None:
        log.error("audit: a record could not be written: %s", exc)


# ---------------------------------------------------------------------- routes


def _when(request: web.Request, name: str) -> datetime | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(raw.upper())  # RFC 3339 allows "t" and "z"
    except ValueError:
        raise _bad(f"{name} must be an ISO 8601 date and time with its offset") from None
    if value.tzinfo is None:
        raise _bad(f"{name} must carry its UTC offset (e.g. 2026-12-02T08:00:00+08:00)")
    try:
        value.timestamp()
    except (OverflowError, ValueError):
        raise _bad(f"{name} is out of range") from None
    return value


def _bad(message: str) -> web.HTTPBadRequest:
    body = s.encoder.encode(s.ErrorResponse(error=s.ErrorBody(code="bad_request", message=message)))
    return web.HTTPBadRequest(body=body, content_type="application/json")


def add_audit_routes(api: DemoApi, app: web.Application) -> None:
    """``POST /audit/batch`` (anyone logged in reports its own actions) and ``GET /audit`` (dispatchers);
    the store closes with the app."""

    async def batch(request: web.Request) -> web.Response:
        user = api._user(request)
        body: s.AuditBatch = await api._body(request, s.AuditBatch)
        started = time.perf_counter()
        try:
            result = await api.audit.batch(user.username, request.remote or "", body)
        except ValueError as exc:
            raise _bad(str(exc)) from None
        log.debug("audit batch of %d from %s in %.1f ms", len(body.entries), user.username,
                  (time.perf_counter() - started) * 1000)
        return web.Response(body=s.encoder.encode(result), content_type="application/json")

    async def trail(request: web.Request) -> web.Response:
        user = api._user(request)
        if user.role == s.Role.PRESENTER:
            return _forbidden("view_only", "presenters do not read the audit trail")
        if user.role != s.Role.DISPATCHER:
            return _forbidden("forbidden", "only dispatchers read the audit trail")
        offset, limit = api._paging(request)
        q = request.query
        # a parameter given is checked, even empty: "action=" is not "any action"
        action = q.get("action")
        if action is not None and action not in s.AuditAction.__members__.values():
            raise _bad(f"unknown action {action[:40]!r}")
        camera_id = q.get("camera_id")
        if camera_id is not None and not (len(camera_id) == 20 and camera_id.isascii() and camera_id.isdigit()):
            raise _bad("camera_id must be 20 digits")
        who = q.get("user") or None
        if who is not None and len(who) > 200:
            raise _bad("user is at most 200 characters")
        items, total = await api.audit.read(user=who, camera_id=camera_id, action=action, start=_when(request, "start"),
                                       end=_when(request, "end"), offset=offset, limit=limit)
        nxt = offset + limit if offset + limit < total else None
        page = s.Page(items=items, total=total, offset=offset, next_offset=nxt,
                      inventory_version=api.log.inventory_version)
        return web.Response(body=s.encoder.encode(page), content_type="application/json")

    async def t_counts(request: web.Request) -> web.Response:
        return web.Response(body=s.encoder.encode({"batches_posted": api.audit.batches_posted}),
                            content_type="application/json")

    async def close(_app: web.Application) -> None:
        api.audit.close()

    router = app.router
    router.add_post(f"{API}/audit/batch", batch)
    router.add_get(f"{API}/audit", trail)
    if api.test_hooks:
        router.add_get("/_test/audit-counts", t_counts)
    app.on_cleanup.append(close)


def _forbidden(code: str, message: str) -> web.Response:
    body = s.encoder.encode(s.ErrorResponse(error=s.ErrorBody(code=code, message=message)))
    return web.Response(body=body, status=403, content_type="application/json")
