"""CPU of the demo platform per recorded stream it encodes live (issue 12: keep it small on 2 cores).

One playback session of 8 cameras; 8 clients read the HTTP-TS streams (demuxed, not decoded);
the demo process's CPU (user + system, from /proc) is sampled over a window at 1x, then at 16x
(key frames only), against the same process idle over the same window (the baseline).

    .venv/bin/python tests/bench/bench_playback_cpu.py [--seconds 10] [--streams 8]
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from datetime import UTC, datetime, timedelta

import av
import httpx
from wallbench import login_and_pick, start_demo, stop_demo


def proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def window(pid: int, seconds: float) -> float:
    c0, t0 = proc_cpu(pid), time.monotonic()
    time.sleep(seconds)
    return 100.0 * (proc_cpu(pid) - c0) / (time.monotonic() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--streams", type=int, default=8)
    args = ap.parse_args()
    demo = start_demo("--event-rate", "0")
    stop = threading.Event()
    try:
        client, cams = login_and_pick(demo.url, args.streams)
        headers = {"Authorization": f"Bearer {client.access_token}"}
        at = datetime.now(UTC) - timedelta(hours=5)
        state = httpx.post(f"{demo.url}/api/v1/playback", headers=headers, timeout=30,
                           json={"camera_ids": [c.id for c in cams], "at": at.isoformat()}).json()
        idle = window(demo.proc.pid, args.seconds)
        frames = [0] * len(cams)

        def read(i: int, url: str) -> None:
            with av.open(url, options={"probesize": "32768", "analyzeduration": "0"}, timeout=10) as c:
                for _packet in c.demux(video=0):
                    frames[i] += 1
                    if stop.is_set():
                        return

        threads = [threading.Thread(target=read, args=(i, s["urls"]["http-ts"]))
                   for i, s in enumerate(state["streams"])]
        for t in threads:
            t.start()
        time.sleep(2)
        one = window(demo.proc.pid, args.seconds)
        httpx.post(f"{demo.url}/api/v1/playback/{state['id']}/control", headers=headers, timeout=30,
                   json={"action": "speed", "speed": 16}).raise_for_status()
        time.sleep(1)
        fast = window(demo.proc.pid, args.seconds)
        n = len(cams)
        print(f"playback CPU of the demo process ({n} streams, 480x270, 10 fps; % of one core): idle {idle:.1f} %, "
              f"1x {one:.1f} % ({(one - idle) / n:.2f} % per stream), 16x key frames only {fast:.1f} % "
              f"({(fast - idle) / n:.2f} % per stream); {sum(frames)} packets read", flush=True)
    finally:
        stop.set()
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
