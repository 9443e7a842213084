"""Evidence export speed: ControlRoom's export (PyAV stream copy to MP4, SHA-256, manifest) against
``ffmpeg -c copy`` of the same MPEG-TS, in one run. Goal: >= 0.8x ffmpeg's speed.

The demo platform encodes its recordings on request, so the range is fetched once from the demo's
export endpoint (that time is printed, not compared); both sides then start from the same bytes:
ControlRoom reads them as the platform's stream (chunks through ``export.export``, the code path of
a real export), ffmpeg reads the file.

    .venv/bin/python tests/bench/bench_playback_export.py [--minutes 10] [--profile main] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_platform import start_demo, stop_demo

from controlroom.api.client import PlatformClient
from controlroom.backends.api_v1 import ApiV1Backend
from controlroom.playback import export as ex
from controlroom.playback.ranges import gaps, normalise


class FileStream:
    """The platform's export stream, replayed from a file in the platform's chunk sizes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    async def export_stream(self, camera_id: str, start: datetime, end: datetime,
                            profile: str = "main") -> AsyncIterator[bytes]:
        with open(self.path, "rb") as f:
            while chunk := f.read(65536):
                yield chunk


async def fetch(url: str, minutes: int, profile: str, out: Path) -> tuple[str, datetime, datetime, float]:
    client = PlatformClient(url)
    await client.login("dispatcher", "dispatch123")
    backend = ApiV1Backend(client)
    cameras, _ = await client.cameras()
    now = datetime.now(UTC)
    for cam in (c for c in cameras if c.online):
        w0, w1 = now - timedelta(hours=30), now - timedelta(hours=1)
        spans = normalise((await backend.recordings(cam.id, w0, w1)).ranges, w0, w1)
        span = next((s for s in spans if s.seconds >= minutes * 60 + 60), None)
        if span is None or gaps(spans, span.start, span.start + timedelta(minutes=minutes)):
            continue
        start = span.start.replace(microsecond=0) + timedelta(seconds=30)
        end = start + timedelta(minutes=minutes)
        t0 = time.perf_counter()
        with open(out, "wb") as f:
            async for chunk in backend.export_stream(cam.id, start, end, profile):
                f.write(chunk)
        took = time.perf_counter() - t0
        await client.aclose()
        return cam.id, start, end, took
    raise SystemExit("no camera with a long enough recording")


def ours(ts: Path, camera_id: str, start: datetime, end: datetime, folder: Path) -> float:
    job = ex.ExportJob([camera_id], start, end, folder, operator="bench", platform="demo")
    t0 = time.perf_counter()
    asyncio.run(ex.export(FileStream(ts), job))
    return time.perf_counter() - t0


def ffmpeg(ts: Path, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(ts), "-c", "copy", "-movflags", "+faststart",
                    "-f", "mp4", str(out)], check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--profile", default="main", choices=["main", "sub"])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    demo = start_demo()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            ts = d / "range.ts"
            cam, start, end, fetched = asyncio.run(fetch(demo.url, args.minutes, args.profile, ts))
            size = ts.stat().st_size
            print(f"range: {args.minutes} min of {cam} ({args.profile}), {size / 1e6:.1f} MB of MPEG-TS; "
                  f"fetched from the demo (encoded on request) in {fetched:.1f} s")
            our_t, ff_t = [], []
            for i in range(args.rounds):
                ff_t.append(ffmpeg(ts, d / f"ff{i}.mp4"))
                our_t.append(ours(ts, cam, start, end, d / f"ours{i}"))
            o, f = statistics.median(our_t), statistics.median(ff_t)
            print(f"ffmpeg -c copy : median {f:.3f} s ({size / f / 1e6:.0f} MB/s)  rounds {[round(x, 3) for x in ff_t]}")
            print(f"ControlRoom    : median {o:.3f} s ({size / o / 1e6:.0f} MB/s)  rounds {[round(x, 3) for x in our_t]}"
                  " (remux + SHA-256 + manifest)")
            ratio = f / o
            print(f"speed vs ffmpeg: {ratio:.2f}x (goal >= 0.8x) {'OK' if ratio >= 0.8 else 'BELOW GOAL'}")
            return 0
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    sys.exit(main())
