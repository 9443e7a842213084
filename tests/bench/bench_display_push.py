"""Benchmark: a push to a meeting display until its first frames, against the display opening the same view itself.

In one run, with the real demo platform (its own process) and real libVLC:

- a display (``controlroom display``'s ``DisplayRunner`` and window, 1280x720, logged in as
  the presenter) registers; a dispatcher (its own ``PlatformClient``) is logged in;
- push: the dispatcher sends a view (``--tiles`` cameras) with ``POST /displays/{name}/show``;
  measured from just before the call to every tile of the display showing its first frame
  (the command travels as a ``display.show`` event on the display's event stream);
- local: the same display opens the same view itself (``DisplayWindow.show_wall``), measured
  from the call to every tile's first frame: the baseline, everything but the push;
- between two measurements the display is blanked (every player stopped); the two orders
  alternate round by round.

Goal: push <= 1.2 x local + 200 ms (medians).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_display_push.py [--rounds 5] [--tiles 4]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from wallbench import need_display, qt_asyncio, run_on_qt, start_demo, stop_demo, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

DEMO_ARGS = ("--event-rate", "0", "--heartbeat", "1")
NAME = "会议室投影"


def _all_first_frames(runner: Any, n: int) -> bool:
    from controlroom.video.player import TileState

    pane = runner.window.pane
    return (runner.window.showing_wall and len(pane.videos) >= n
            and all(pane.videos[t].first_frame is not None and pane.state_of(t) is TileState.PLAYING
                    for t in range(n)))


def _blank(app: Any, runner: Any, n: int) -> None:
    from controlroom.video.player import TileState

    runner.window.set_waiting("")
    pane = runner.window.pane
    assert wait_until(lambda: all(pane.state_of(t) is not TileState.PLAYING for t in range(min(n, len(pane.videos)))),
                      30, app.processEvents), "the display did not stop"
    wait_until(lambda: False, 0.5, app.processEvents)  # let the media server drop the old connections


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tiles", type=int, default=4, choices=[1, 4, 9])
    args = ap.parse_args()

    from controlroom.ui.display import DisplayRunner, Login
    from wall_helpers import cameras_by_stream

    from controlroom import displays
    from controlroom.api.client import PlatformClient
    from controlroom.wall.layouts import preset
    from controlroom.wall.views import View

    app, _loop = qt_asyncio()
    demo = start_demo(*DEMO_ARGS)
    runner = DisplayRunner(Login(demo.url, "presenter", "present123"), NAME, window=False)
    runner.window.resize(1280, 720)
    runner.window.show()
    task = asyncio.ensure_future(runner.run())
    dispatcher = PlatformClient(demo.url)
    try:
        run_on_qt(app, dispatcher.login("dispatcher", "dispatch123"))
        assert wait_until(lambda: runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED,
                          120, app.processEvents), "the display never registered"
        cams = cameras_by_stream(runner.session.inventory, args.tiles)
        layout = preset(args.tiles)
        content = displays.view_content("bench", layout, dict(enumerate(cams)))
        api = displays.DisplaysApi(dispatcher)
        pushed: list[float] = []
        local: list[float] = []

        def push() -> None:
            t0 = time.monotonic()
            call = asyncio.ensure_future(api.show(NAME, content))
            assert wait_until(lambda: _all_first_frames(runner, args.tiles), 60, app.processEvents), "push never played"
            pushed.append(time.monotonic() - t0)
            call.result()

        def open_locally() -> None:
            t0 = time.monotonic()
            runner.window.show_wall(View("bench", layout, dict(enumerate(cams))))
            assert wait_until(lambda: _all_first_frames(runner, args.tiles), 60, app.processEvents), "never played"
            local.append(time.monotonic() - t0)

        open_locally()  # warm-up: libVLC's first player, the media server's first viewers
        _blank(app, runner, args.tiles)
        local.clear()
        for i in range(args.rounds):
            for step in (push, open_locally) if i % 2 == 0 else (open_locally, push):
                step()
                _blank(app, runner, args.tiles)
        p, lo = statistics.median(pushed), statistics.median(local)
        print(f"display, {args.tiles} tiles: push -> every first frame: median {p * 1000:.0f} ms "
              f"({', '.join(f'{x * 1000:.0f}' for x in pushed)})")
        print(f"same view opened on the display itself: median {lo * 1000:.0f} ms "
              f"({', '.join(f'{x * 1000:.0f}' for x in local)})")
        print(f"push / local: {p / lo:.2f}x; push - local: {(p - lo) * 1000:+.0f} ms; goal push <= 1.2x local + 200 ms "
              f"({(1.2 * lo + 0.2) * 1000:.0f} ms): {'met' if p <= 1.2 * lo + 0.2 else 'NOT met'}")
    finally:
        task.cancel()
        wait_until(task.done, 30, app.processEvents)
        run_on_qt(app, dispatcher.logout())
        run_on_qt(app, dispatcher.aclose())
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
