"""Benchmark: log in + fetch + index the full inventory (goal: <= 1 s here).

The demo platform runs in its own process (as in real use, the server does
not share the client's CPU time slice). The baseline, measured in the same
run, is fetching the same pages as raw bytes (no decoding, no indexing): the
ratio says what decoding and indexing cost on top of the transfer.

    .venv/bin/python tests/bench/bench_inventory.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from demo_platform import start_demo, stop_demo

from controlroom.api.client import PAGE_SIZE
from controlroom.session import Session


async def full_load(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    s = Session(url)
    await s.login("dispatcher", "dispatch123")
    await s.load_inventory()
    dt = time.perf_counter() - t0
    n = len(s.inventory.cameras)
    await s.close()
    return dt, n


async def raw_fetch(url: str) -> float:
    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=url) as c:
        r = await c.post("/api/v1/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
        h = {"Authorization": f"Bearer {r.json()['access_token']}"}
        sem = asyncio.Semaphore(4)

        async def get(path: str, offset: int) -> bytes:
            async with sem:
                return (await c.get(path, params={"offset": offset, "limit": PAGE_SIZE}, headers=h)).content

        jobs = [get("/api/v1/cameras", o) for o in range(0, 28500, PAGE_SIZE)]
        jobs += [get("/api/v1/sites", 0), get("/api/v1/grids", 0)]
        await asyncio.gather(*jobs)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    demo = start_demo("--no-video", "--event-rate", "0")
    try:
        full, raw = [], []
        for _ in range(args.rounds):
            raw.append(asyncio.run(raw_fetch(demo.url)))
            dt, n = asyncio.run(full_load(demo.url))
            assert n == 28500
            full.append(dt)
        f, r = statistics.median(full), statistics.median(raw)
        print(f"inventory: login+fetch+index of 28,500 cameras, 1,080 grids, 546 sites: median {f*1000:.0f} ms "
              f"(min {min(full)*1000:.0f}, max {max(full)*1000:.0f}) over {args.rounds} rounds; goal <= 1000 ms")
        print(f"inventory: baseline raw fetch of the same pages: median {r*1000:.0f} ms; ratio {f/r:.2f}x")
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
