"""Benchmark: the full inventory with 1% bad records against the same inventory all good (goal <= 1.1x).

Two hostile platforms (tests/hostile/hostile_platform.py), each in its own
process, serve the demo network's 28,500 cameras: one all good, one with
every 100th camera broken (a 10,000-character name, or wrong types). Each
round logs in and loads the whole inventory (sites, grids, cameras: fetch,
decode, index) from both, alternating which goes first; the figures are
ratios of medians, of wall time and of this process's CPU time (the servers
run in processes of their own, so the client's CPU time is the work the bad
records cost, and it is far less disturbed by other load on a shared machine).
The bad records are skipped and counted (285), the rest load.

It also measures the other way of decoding considered (issue 10, item 6):
every page record by record (``Page[msgspec.Raw]`` then each record), even
when the page is good. The client tries the whole page first and goes
record by record only when that fails.

    .venv/bin/python tests/bench/bench_hostile_inventory.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))

from hostile_platform import hostile_server

from controlroom.api import client as api_client
from controlroom.session import Session

CAMERAS = 28_500


async def load(url: str) -> tuple[float, float, int, int]:
    """(wall seconds, this process's CPU seconds, cameras loaded, records skipped) of one full load."""
    s = Session(url)
    try:
        await s.login("dispatcher", "x")
        t0, c0 = time.perf_counter(), time.process_time()
        await s.load_inventory()
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        return dt, dc, len(s.inventory.cameras), len(s.skipped)
    finally:
        await s.close()


def body_mb(url: str) -> float:
    """The camera pages' bytes, as the client fetches them."""
    import httpx

    with httpx.Client(base_url=url) as c:
        total, offset = 0, 0
        while True:
            r = c.get("/api/v1/cameras", params={"offset": offset, "limit": api_client.PAGE_SIZE})
            total += len(r.content)
            nxt = r.json()["next_offset"]
            if nxt is None:
                return total / 1e6
            offset = nxt


def _per_record_always(body: Any, type_: Any, what: str, skipped: list[Any]) -> Any:
    """The alternative: never try the whole page, always the envelope then each record."""
    api_client.PlatformClient._check_json(body, what)
    raw = api_client._RAW_PAGE.decode(body.content)
    dec = api_client._decoder(type_)
    items = []
    for i, record in enumerate(raw.items):
        try:
            items.append(dec.decode(record))
        except api_client.msgspec.ValidationError as exc:
            skipped.append(api_client.SkippedRecord(what, raw.offset + i, None, str(exc)))
    return api_client.Page(items=items, total=raw.total, offset=raw.offset, next_offset=raw.next_offset,
                           inventory_version=raw.inventory_version)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    with hostile_server(cameras=CAMERAS) as good, hostile_server(cameras=CAMERAS, bad_fraction=0.01) as bad:
        sizes = body_mb(good.url), body_mb(bad.url)
        asyncio.run(load(good.url))  # warm both servers' page caches and the client's imports
        asyncio.run(load(bad.url))
        names = ("good", "bad", "good_always", "bad_always")
        times: dict[str, list[float]] = {k: [] for k in names}
        cpu: dict[str, list[float]] = {k: [] for k in names}
        counts: dict[str, tuple[int, int]] = {}
        original = api_client.PlatformClient.__dict__["_decode_page"]  # the staticmethod itself
        for r in range(args.rounds):
            pair = [("good", good.url), ("bad", bad.url)]
            for name, url in pair if r % 2 == 0 else pair[::-1]:  # neither always goes first
                dt, dc, n, skipped = asyncio.run(load(url))
                times[name].append(dt)
                cpu[name].append(dc)
                counts[name] = (n, skipped)
            api_client.PlatformClient._decode_page = staticmethod(_per_record_always)  # type: ignore[method-assign]
            try:
                for name, url in (("good_always", good.url), ("bad_always", bad.url)):
                    dt, dc, *_ = asyncio.run(load(url))
                    times[name].append(dt)
                    cpu[name].append(dc)
            finally:
                api_client.PlatformClient._decode_page = original  # type: ignore[method-assign]
    med = {k: statistics.median(v) for k, v in times.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}
    (gn, gs), (bn, bs) = counts["good"], counts["bad"]
    assert gn == CAMERAS and gs == 0, counts
    assert bn + bs == CAMERAS and bs == CAMERAS // 100, counts
    print(f"hostile inventory: {CAMERAS:,} cameras all good: median {med['good'] * 1000:.0f} ms "
          f"(min {min(times['good']) * 1000:.0f}, max {max(times['good']) * 1000:.0f}) over {args.rounds} rounds")
    print(f"hostile inventory: 1% bad ({bs} skipped, {bn:,} loaded): median {med['bad'] * 1000:.0f} ms "
          f"(min {min(times['bad']) * 1000:.0f}, max {max(times['bad']) * 1000:.0f}); "
          f"ratio {med['bad'] / med['good']:.2f}x (of the fastest rounds: "
          f"{min(times['bad']) / min(times['good']):.2f}x)")
    print(f"hostile inventory: client CPU (decode + index; the servers run elsewhere): all good "
          f"{mcpu['good'] * 1000:.0f} ms, 1% bad {mcpu['bad'] * 1000:.0f} ms; "
          f"ratio {mcpu['bad'] / mcpu['good']:.2f}x; goal <= 1.10x")
    print(f"hostile inventory: camera pages {sizes[0]:.1f} MB all good, {sizes[1]:.1f} MB with 1% bad "
          f"(half of them 10,000-character names: {sizes[1] / sizes[0] - 1:+.0%} bytes to read)")
    print(f"hostile inventory: always record by record instead: all good {med['good_always'] * 1000:.0f} ms wall, "
          f"{mcpu['good_always'] * 1000:.0f} ms CPU ({mcpu['good_always'] / mcpu['good']:.2f}x the "
          f"whole-page-first client); 1% bad {mcpu['bad_always'] * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
