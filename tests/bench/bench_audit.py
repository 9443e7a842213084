"""Benchmark: the demo platform's audit store (SQLite) as the trail grows.

Fills a trail with ``--rows`` entries (400-entry batches, 20 users, 500 cameras, one a
second) and prints what one more batch and the pane's queries cost, against the same
calls on a trail of 10,000 rows measured in the same run: a ratio near 1 says the
indexes carry the growth. Every call runs on the store's own thread (the demo's loop
only awaits it).

    .venv/bin/python tests/bench/bench_audit.py [--rows 200000]
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from controlroom.api import schema as s
from controlroom.demo.audit import AuditStore

CAMS = [f"3713260105131{i:07d}" for i in range(500)]
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def _batch(n: int) -> s.AuditBatch:
    return s.AuditBatch(batch_id=secrets.token_hex(8), workstation="bench", entries=[
        s.AuditReport(at=T0 + timedelta(seconds=n * 400 + i), action=s.ReportedAction.CAMERA_OPENED,
                      camera_id=CAMS[(n + i) % 500], mode="live") for i in range(400)])


QUERIES: dict[str, dict[str, Any]] = {
    "first page, no filter": {},
    "one camera": {"camera_id": CAMS[7]},
    "one user, one day": {"user": "user3", "start": T0 + timedelta(hours=1), "end": T0 + timedelta(hours=25)},
}


async def measure(rows: int) -> dict[str, float]:
    store = AuditStore(Path(tempfile.mkdtemp(prefix="bench-audit-")) / "audit.sqlite")
    try:
        n = 0
        for n in range(rows // 400):
            await store.batch(f"user{n % 20}", "127.0.0.1", _batch(n))
        out: dict[str, float] = {}
        times = []
        for k in range(9):
            a = time.perf_counter()
            await store.batch("user0", "127.0.0.1", _batch(n + 1 + k))
            times.append(time.perf_counter() - a)
        out["a 400-entry batch"] = statistics.median(times)
        for name, q in QUERIES.items():
            times = []
            for _ in range(9):
                a = time.perf_counter()
                await store.read(limit=200, **q)
                times.append(time.perf_counter() - a)
            out[name] = statistics.median(times)
        return out
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    args = ap.parse_args()
    base = asyncio.run(measure(10_000))
    big = asyncio.run(measure(args.rows))
    print(f"audit store: {args.rows:,} rows vs 10,000 (median of 9)")
    for name in base:
        print(f"  {name:24s} {big[name] * 1000:7.1f} ms vs {base[name] * 1000:6.1f} ms  ({big[name] / base[name]:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
