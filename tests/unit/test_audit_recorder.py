"""The audit recorder's batching, bounds and retries (controlroom/audit.py).

The platform here is a small in-process stand-in for ``PlatformClient.audit_batch`` that
keeps what it was sent and can be told to fail: the logic under test is the recorder's
(when it sends, what, and what it keeps). The same recorder against the real demo
platform, stopped and restarted, is in tests/integration/test_audit_recorder_platform.py.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import msgspec
import pytest

from controlroom.api import errors
from controlroom.api.schema import MAX_AUDIT_BATCH, MAX_REQUEST_BODY, AuditBatch, AuditBatchResult
from controlroom.audit import AuditRecorder

CAM = "37132601051310000001"


class Platform:
    def __init__(self) -> None:
        self.batches: list[AuditBatch] = []
        self.stored: dict[str, AuditBatch] = {}
        self.fail_with: errors.PlatformError | None = None

    async def send(self, batch: AuditBatch) -> AuditBatchResult:
        self.batches.append(batch)
        if len(msgspec.json.encode(batch)) > MAX_REQUEST_BODY:
            raise errors.for_status(413, "too large")
        if self.fail_with is not None:
            raise self.fail_with
        dup = batch.batch_id in self.stored
        self.stored[batch.batch_id] = batch
        return AuditBatchResult(accepted=len(batch.entries), duplicate=dup)

    def entries(self) -> list[tuple[str, str | None, str]]:
        return [(e.action.value, e.camera_id, e.detail) for b in self.stored.values() for e in b.entries]


def test_entries_wait_for_a_full_batch_then_go_together() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "席位1", interval=3600, batch_size=50)
        for i in range(49):
            rec.record("camera_opened", CAM, "live", f"tile {i}")
        for _ in range(5):  # turns of the loop: the recorder's task runs and waits
            await asyncio.sleep(0)
        assert p.batches == [] and rec.queued == 49  # nothing sent for single entries
        rec.record("camera_closed", CAM)
        await asyncio.wait_for(_until(lambda: rec.queued == 0), 5)
        assert len(p.batches) == 1 and len(p.batches[0].entries) == 50
        assert p.batches[0].workstation == "席位1"
        await rec.aclose()

    asyncio.run(main())


def test_the_interval_sends_what_waits() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=0.05)
        rec.record("export", CAM, "playback", "a.mp4")
        await asyncio.wait_for(_until(lambda: len(p.stored) == 1), 5)
        assert p.entries() == [("export", CAM, "a.mp4")]
        await rec.aclose()

    asyncio.run(main())


def test_a_batch_stays_under_the_body_limit_and_the_count_limit() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600, batch_size=MAX_AUDIT_BATCH, max_queue=100_000)
        for i in range(1000):
            rec.record("export", CAM, "playback", f"{i:04d} " + "名" * 480)  # long details: ~1.5 KB each
        await rec.flush()
        assert rec.queued == 0 and len(p.entries()) == 1000
        assert all(len(msgspec.json.encode(b)) <= MAX_REQUEST_BODY for b in p.batches)
        assert all(len(b.entries) <= MAX_AUDIT_BATCH for b in p.batches)
        assert [d[:4] for _a, _c, d in p.entries()] == [f"{i:04d}" for i in range(1000)]  # in order
        await rec.aclose()

    asyncio.run(main())


def test_a_platform_away_loses_nothing_and_a_retry_is_the_same_batch() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600, batch_size=10, retry_min=0.05, retry_max=0.1)
        p.fail_with = errors.network("connection refused")
        for i in range(25):
            rec.record("camera_opened", CAM, "live", str(i))
        await asyncio.wait_for(_until(lambda: len(p.batches) >= 3), 5)  # it keeps trying, with backoff
        assert not p.stored and rec.queued == 25
        ids = {b.batch_id for b in p.batches}
        assert len(ids) == 1  # the same batch each time: the platform can tell a retry
        p.fail_with = None
        assert await rec.flush()
        assert [d for _a, _c, d in p.entries()] == [str(i) for i in range(25)]
        assert rec.sent == 25 and rec.dropped == 0
        await rec.aclose()

    asyncio.run(main())


def test_a_full_queue_drops_the_oldest_counts_them_and_tells_the_platform(caplog) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600, batch_size=MAX_AUDIT_BATCH, max_queue=100)
        p.fail_with = errors.network("down")
        for i in range(130):
            rec.record("camera_opened", CAM, "live", str(i))
        assert rec.dropped == 30 and rec.queued == 100
        p.fail_with = None
        assert await rec.flush()
        assert [d for _a, _c, d in p.entries()] == [str(i) for i in range(30, 130)]
        assert sum(b.dropped for b in p.stored.values()) == 30
        await rec.aclose()

    with caplog.at_level(logging.WARNING, logger="controlroom.audit"):
        asyncio.run(main())
    assert any("30" in r.getMessage() or "dropped" in r.getMessage() for r in caplog.records)


def test_close_sends_the_rest_and_then_records_nothing() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600)
        rec.record("camera_opened", CAM)
        rec.record("camera_closed", CAM)
        await rec.aclose()
        assert len(p.batches) == 1 and len(p.entries()) == 2
        rec.record("camera_opened", CAM)
        assert rec.queued == 0 and not rec.enabled

    asyncio.run(main())


def test_a_refusal_drops_that_batch_and_a_missing_endpoint_stops_the_recorder() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600)
        p.fail_with = errors.for_status(400, "bad")
        rec.record("export", CAM)
        assert not await rec.flush() or rec.queued == 0
        assert rec.refused == 1 and rec.queued == 0
        p.fail_with = errors.for_status(404, "no such route")
        rec.record("export", CAM)
        assert not await rec.flush()
        assert not rec.enabled
        rec.record("export", CAM)
        assert rec.queued == 0
        await rec.aclose()

    asyncio.run(main())


def test_without_a_platform_endpoint_record_is_a_no_op() -> None:
    rec = AuditRecorder(None, "ws")
    rec.record("camera_opened", CAM)
    assert not rec.enabled and rec.queued == 0
    asyncio.run(rec.aclose())


def test_input_is_made_plain_and_checked() -> None:
    rec = AuditRecorder(Platform().send, "ws\n\x1b[31mforged", interval=3600)
    assert rec.workstation == "ws[31mforged"
    rec.record("export", "cam-1", "playback", "line one\nline two\x00" + "x" * 600)
    entry = rec._queue[0]
    assert entry.camera_id is None and entry.detail.startswith("camera cam-1 line oneline two")
    assert len(entry.detail) == 500 and entry.at.tzinfo is not None and entry.at <= datetime.now(UTC)
    with pytest.raises(ValueError):
        rec.record("login", CAM)  # the platform records logins itself
    with pytest.raises(ValueError):
        rec.record("export", CAM, "rewind")


async def _until(cond) -> None:  # type: ignore[no-untyped-def]
    while not cond():
        await asyncio.sleep(0.01)


def test_a_full_batch_goes_alone_and_the_rest_waits_to_fill_up() -> None:
    async def main() -> None:
        p = Platform()
        rec = AuditRecorder(p.send, "ws", interval=3600, batch_size=100)
        for i in range(130):  # one burst (a tour step on a 64-tile wall): more than a batch before the task runs
            rec.record("camera_opened", CAM, "live", str(i))
        await asyncio.wait_for(_until(lambda: rec.sent == 100), 5)
        for _ in range(5):
            await asyncio.sleep(0)
        assert [len(b.entries) for b in p.batches] == [100] and rec.queued == 30  # no half batch after it
        await rec.aclose()
        assert [len(b.entries) for b in p.batches] == [100, 30]

    asyncio.run(main())
