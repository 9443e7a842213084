"""Benchmark: the WVP backend's inventory load of 28,500 channels (goal: <= 1.5x the raw fetch).

The WVP test double (tests/wvp_platform) runs in its own process with a
Pingyi-sized network: 28,500 channels over 1 county, 30 towns and 510
villages. Measured in the same run, alternating:

- full: ``WvpBackend.login`` + ``inventory()`` (regions and channels paged,
  each record decoded and mapped onto sites and cameras);
- baseline: the same login and the same pages (same page size, same order)
  fetched as raw bytes, nothing decoded.

    .venv/bin/python tests/bench/bench_wvp_inventory.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from controlroom.backends.wvp import WvpBackend, md5_hex
from controlroom.demo.platform import die_with_parent

CHANNELS = 28_500
PAGE = 1000


def start_double() -> tuple[str, subprocess.Popen[str]]:
    here = Path(__file__).resolve().parents[1] / "wvp_platform"
    proc = subprocess.Popen(
        [sys.executable, str(here), "--channels", str(CHANNELS), "--towns", "30", "--villages", "17"],
        stdout=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=die_with_parent,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("WVP_URL "):
        proc.kill()
        raise RuntimeError("the WVP double did not start")
    return line.split()[1], proc


async def full_load(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    async with WvpBackend(url, page_size=PAGE) as b:
        await b.login("admin", "admin")
        inv = await b.inventory()
        dt = time.perf_counter() - t0
    return dt, len(inv.cameras)


async def raw_fetch(url: str) -> float:
    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=url) as c:
        r = await c.get("/api/user/login", params={"username": "admin", "password": md5_hex("admin")})
        h = {"access-token": r.json()["data"]["accessToken"]}

        async def pages(path: str, n: int) -> None:
            for page in range(1, n + 1):
                (await c.get(path, params={"page": page, "count": PAGE}, headers=h)).content  # noqa: B018

        # the backend pages until a short page: 29 channel pages, 1 region page
        await asyncio.gather(pages("/api/region/page/list", 1), pages("/api/common/channel/list", CHANNELS // PAGE + 1))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    url, proc = start_double()
    try:
        asyncio.run(raw_fetch(url))  # warm-up: the double's first JSON encodes
        full, raw = [], []
        for _ in range(args.rounds):
            raw.append(asyncio.run(raw_fetch(url)))
            dt, n = asyncio.run(full_load(url))
            assert n == CHANNELS, n
            full.append(dt)
        f, r = statistics.median(full), statistics.median(raw)
        print(f"wvp inventory: login + {CHANNELS:,} channels + 541 regions, pages of {PAGE}: median {f*1000:.0f} ms "
              f"(min {min(full)*1000:.0f}, max {max(full)*1000:.0f}) over {args.rounds} rounds")
        print(f"wvp inventory: baseline raw fetch of the same pages: median {r*1000:.0f} ms; "
              f"ratio {f/r:.2f}x (goal <= 1.5x)")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)


if __name__ == "__main__":
    main()
