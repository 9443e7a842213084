"""Run the WVP test double on its own: ``python tests/wvp_platform [--channels 28500] [--video]``.

Prints ``WVP_URL http://127.0.0.1:PORT`` when it listens; dies with its parent
(as the demo platform does), so a benchmark's child never outlives it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from controlroom.demo.platform import die_with_parent
from wvp_platform import WvpPlatform, build_network

URL_LINE = "WVP_URL "


async def serve(args: argparse.Namespace) -> None:
    state = build_network(channels=args.channels, towns=args.towns, villages_per_town=args.villages)
    clips = None
    if args.video:
        from controlroom.demo.media.clips import ensure_clips
        from controlroom.paths import cache_dir

        clips = await asyncio.to_thread(ensure_clips, cache_dir() / "demo-clips")
    platform = WvpPlatform(state, clips)
    await platform.start()
    print(f"{URL_LINE}http://127.0.0.1:{platform.port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await platform.aclose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--channels", type=int, default=24)
    ap.add_argument("--towns", type=int, default=3)
    ap.add_argument("--villages", type=int, default=2, help="villages per town")
    ap.add_argument("--video", action="store_true", help="serve real streams (the demo's clips)")
    args = ap.parse_args()
    die_with_parent()
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
