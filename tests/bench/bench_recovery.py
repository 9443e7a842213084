"""Benchmark: time to a recovered wall after the platform restarts, against a fresh start.

In one run, with the real demo platform (its own process) and real libVLC:

- fresh start: from nothing to a 4-tile wall playing — log in, load the
  inventory (28,500 cameras), start the event stream, fill 4 tiles, first
  picture on every tile; measured ``--rounds`` times with a new session and wall;
- recovery: a wall of 4 tiles plays, the platform is stopped, stays down for
  ``--outage`` seconds, and is started again on the same API port (new media
  ports). Measured from the moment the new platform answers (it printed its
  address) to every tile playing again, with no user action (re-login, fresh
  stream tickets and URLs, inventory refetched); also to the status being back
  to connected. ``--rounds`` restarts.

Ratio: recovery median / fresh-start median (goal <= 1.0x: coming back is no
slower than starting afresh).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_recovery.py [--rounds 3] [--outage 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from wallbench import need_display, qt_asyncio, run_on_qt, start_demo, stop_demo, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

TILES = 4
DEMO_ARGS = ("--event-rate", "0", "--heartbeat", "1")


def _cameras(session: Any, n: int) -> list[str]:
    from wall_helpers import cameras_by_stream

    return cameras_by_stream(session.inventory, n)


def _wall(app: Any, session: Any) -> Any:
    from controlroom.ui.wall.wall_view import WallPane

    from controlroom.wall.layouts import preset

    pane = WallPane(session)
    pane.resize(1280, 720)
    pane.show()
    app.processEvents()
    pane.set_layout(preset(TILES))
    return pane


def _all_playing(pane: Any) -> bool:
    from controlroom.video.player import TileState

    return all(pane.state_of(t) is TileState.PLAYING for t in range(TILES))


def _close(app: Any, session: Any, pane: Any) -> None:
    pane.shutdown()
    pane.close()
    pane.deleteLater()
    run_on_qt(app, session.close())
    app.processEvents()


def fresh_start(app: Any, url: str) -> float:
    from controlroom.session import Session

    t0 = time.monotonic()
    session = Session(url)
    run_on_qt(app, session.login("dispatcher", "dispatch123"))
    run_on_qt(app, session.load_inventory())
    session.start_events()
    pane = _wall(app, session)
    pane.controller.fill(0, _cameras(session, TILES))
    if not wait_until(lambda: _all_playing(pane), 60, app.processEvents):
        raise RuntimeError("the fresh wall never played")
    took = time.monotonic() - t0
    _close(app, session, pane)
    return took


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--outage", type=float, default=10.0, help="seconds the platform stays down")
    args = ap.parse_args()

    from demo_platform import restart_demo

    from controlroom.session import ConnectionState, Session

    app, _loop = qt_asyncio()
    demo = start_demo(*DEMO_ARGS)
    try:
        fresh = [fresh_start(app, demo.url) for _ in range(args.rounds)]
        session = Session(demo.url)
        run_on_qt(app, session.login("dispatcher", "dispatch123"))
        run_on_qt(app, session.load_inventory())
        session.start_events()
        pane = _wall(app, session)
        pane.controller.fill(0, _cameras(session, TILES))
        assert wait_until(lambda: _all_playing(pane), 60, app.processEvents), "the wall never played"
        video, status = [], []
        for _ in range(args.rounds):
            stop_demo(demo.proc)
            assert wait_until(lambda: session.state is ConnectionState.RECONNECTING and not any(
                pane.tiles[t].showing_video() for t in range(TILES)), 30, app.processEvents), "outage not seen"
            wait_until(lambda: False, args.outage, app.processEvents)  # the platform stays down
            demo = restart_demo(demo)
            answering = time.monotonic()
            assert wait_until(lambda: _all_playing(pane), 60, app.processEvents), "the wall never came back"
            video.append(time.monotonic() - answering)
            assert wait_until(lambda: session.state is ConnectionState.CONNECTED, 60, app.processEvents)
            status.append(time.monotonic() - answering)
        _close(app, session, pane)
        f, v, s = statistics.median(fresh), statistics.median(video), statistics.median(status)
        print(f"fresh start (login, 28,500-camera inventory, {TILES} tiles playing): median {f:.2f} s "
              f"({', '.join(f'{x:.2f}' for x in fresh)})")
        print(f"recovery after a {args.outage:.0f} s outage (platform answering -> every tile playing): median "
              f"{v:.2f} s ({', '.join(f'{x:.2f}' for x in video)}); status connected: median {s:.2f} s")
        print(f"recovery / fresh start: {v / f:.2f}x (goal <= 1.0x); video back within 5 s: "
              f"{'yes' if max(video) <= 5 else 'no'} (worst {max(video):.2f} s)")
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
