"""Benchmarks of one tile against bare libVLC, on the demo's streams, in one run.

- call-up: time from "play" to the first picture on screen: ControlRoom's
  TilePlayer against a bare python-vlc player (goal <= 1.1x bare);
- tour step: time from the step to the new camera's picture on screen, with
  pre-roll (the next camera already playing on a surface under the visible
  one, raised at the step) against a plain stop/play switch (goal <= 0.15x);
- churn: RSS growth over N tile switches (goal <= 5 %).

Call-up and tour step run twice: against the demo as it is (its media server
keeps a GOP cache, so a viewer starts at a key frame at once) and against
``--no-gop-cache`` (a viewer waits for the next key frame, 1 s GOP, as with
most cameras). Every figure is timed to the same end point for both sides:
the stream's colour grabbed from the screen.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_tile.py [--rounds 15] [--switches 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from wallbench import (
    BareWall,
    login_and_pick,
    need_display,
    rss_mib,
    start_demo,
    stop_demo,
    sub_url,
    wait_until,
)

from controlroom.api.schema import Transport
from controlroom.demo.media.clips import STREAM_COLOURS
from controlroom.demo.network import build_network


def _near(c: tuple[int, int, int], ref: tuple[int, int, int], tol: int = 40) -> bool:
    return max(abs(a - b) for a, b in zip(c, ref, strict=True)) <= tol


def _colour(widget: Any) -> tuple[int, int, int]:
    from PySide6.QtGui import QGuiApplication

    # a few pixels at the left margin (pure stream colour): cheap to grab often
    x, y = max(1, widget.width() // 20), widget.height() // 2
    img = QGuiApplication.primaryScreen().grabWindow(int(widget.winId()), x, y, 4, 4).toImage()
    c = img.pixelColor(1, 1)
    return c.red(), c.green(), c.blue()


def _native(parent: Any = None) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    w = QWidget(parent)
    w.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    return w


def callup(app: Any, urls: list[str], colours: list[tuple[int, int, int]], rounds: int) -> tuple[float, float]:
    """Median seconds to the first picture on screen: (bare libVLC, ControlRoom tile)."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from controlroom.video.player import TilePlayer

    bare = BareWall(1, size=(640, 360))
    bare.window.move(0, 0)  # side by side: a grab reads the screen, windows must not overlap
    host = QWidget()
    host.resize(640, 360)
    host.move(700, 0)
    lay = QHBoxLayout(host)
    lay.setContentsMargins(0, 0, 0, 0)
    surface = _native()
    lay.addWidget(surface)
    host.show()
    app.processEvents()
    tile = TilePlayer()
    tile.set_window(int(surface.winId()))
    ours, base = [], []
    for r in range(rounds):
        url, colour = urls[r % len(urls)], colours[r % len(urls)]
        t0 = bare.play(0, url)
        if wait_until(lambda c=colour: _near(_colour(bare.surfaces[0]), c), 10, bare.pump):
            base.append(time.monotonic() - t0)
        bare.players[0].stop()
        bare.pump()
        t0 = time.monotonic()
        tile.play(url, Transport.HTTP_TS)
        if wait_until(lambda c=colour: _near(_colour(surface), c), 10, app.processEvents):
            ours.append(time.monotonic() - t0)
        tile.stop()
        app.processEvents()
    tile.release()
    bare.close()
    host.close()
    return statistics.median(base), statistics.median(ours)


def tour_step(app: Any, urls: list[str], colours: list[tuple[int, int, int]], rounds: int) -> tuple[float, float]:
    """Median seconds from the step to the new picture: (plain stop/play, pre-rolled)."""
    from PySide6.QtWidgets import QWidget

    from controlroom.video.player import TilePlayer, TileState

    host = QWidget()
    host.resize(640, 360)
    host.move(0, 450)
    # both surfaces mapped at the same place; the step raises the pre-rolled one
    surfaces = [_native(host), _native(host)]
    for w in surfaces:
        w.setGeometry(0, 0, 640, 360)
    host.show()
    app.processEvents()
    players = [TilePlayer(), TilePlayer()]
    for p, w in zip(players, surfaces, strict=True):
        p.set_window(int(w.winId()))
    n = len(urls)
    shown = 0
    surfaces[shown].raise_()
    players[shown].play(urls[0], Transport.HTTP_TS)
    wait_until(lambda: players[0].state == TileState.PLAYING, 10, app.processEvents)
    plain, preroll = [], []
    for r in range(1, rounds + 1):
        # pre-roll: the next camera plays under the visible one; the step raises it
        hidden = 1 - shown
        players[hidden].play(urls[r % n], Transport.HTTP_TS)
        wait_until(lambda h=hidden: players[h].state == TileState.PLAYING, 10, app.processEvents)
        wait_until(lambda: False, 1.5, app.processEvents)  # as a tour does: well before the step
        t0 = time.monotonic()
        surfaces[hidden].raise_()  # the step
        if wait_until(lambda h=hidden, c=colours[r % n]: _near(_colour(surfaces[h]), c), 10, app.processEvents):
            preroll.append(time.monotonic() - t0)
        players[shown].stop()
        shown = hidden
        # plain: stop/play on the visible surface
        k = (r + 5) % n
        t0 = time.monotonic()
        players[shown].play(urls[k], Transport.HTTP_TS)
        if wait_until(lambda c=colours[k], s=shown: _near(_colour(surfaces[s]), c), 10, app.processEvents):
            plain.append(time.monotonic() - t0)
    for p in players:
        p.release()
    host.close()
    return statistics.median(plain), statistics.median(preroll)


def churn(app: Any, urls: list[str], switches: int) -> tuple[float, float, float, int]:
    """(RSS before, after, seconds, switches without a picture) over ``switches`` tile switches."""
    from controlroom.video.player import TilePlayer, TileState

    surface = _native()
    surface.resize(320, 180)
    surface.move(1300, 0)
    surface.show()
    app.processEvents()
    tile = TilePlayer()
    tile.set_window(int(surface.winId()))
    for i in range(50):  # warm up allocators and caches first
        tile.play(urls[i % len(urls)], Transport.HTTP_TS)
        wait_until(lambda: tile.state == TileState.PLAYING, 10, app.processEvents)
    before, t0, failures = rss_mib(), time.monotonic(), 0
    for i in range(switches):
        tile.play(urls[i % len(urls)], Transport.HTTP_TS)
        if not wait_until(lambda: tile.state == TileState.PLAYING, 10, app.processEvents):
            failures += 1
    after = rss_mib()
    tile.release()
    surface.close()
    return before, after, time.monotonic() - t0, failures


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--switches", type=int, default=2000)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    stream_of = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index
    for label, extra in (("demo (GOP cache)", ()), ("cameras (no GOP cache)", ("--no-gop-cache",))):
        demo = start_demo("--event-rate", "0", *extra)
        demo.hook("auth-policy", ticket_ttl=3600)  # every round replays the same ticketed URLs
        try:
            client, cams = login_and_pick(demo.url, 16)
            urls = [sub_url(client, c) for c in cams]
            colours = [STREAM_COLOURS[stream_of[c.id]] for c in cams]
            b, o = callup(app, urls, colours, args.rounds)
            print(f"call-up, {label}: bare libVLC median {b*1000:.0f} ms, ControlRoom tile median {o*1000:.0f} ms "
                  f"over {args.rounds} rounds (HTTP-TS sub); ratio {o/b:.2f}x (goal <= 1.1x)", flush=True)
            p, q = tour_step(app, urls, colours, args.rounds)
            print(f"tour step, {label}: plain stop/play median {p*1000:.0f} ms, with pre-roll median {q*1000:.0f} ms "
                  f"over {args.rounds} steps; ratio {q/p:.3f}x (goal <= 0.15x)", flush=True)
            if not extra and args.switches:
                before, after, secs, failures = churn(app, urls, args.switches)
                print(f"churn: {args.switches} tile switches in {secs:.0f} s ({failures} without a picture): "
                      f"RSS {before:.0f} -> {after:.0f} MiB ({(after-before)/before*100:+.1f} %, goal <= 5 %)",
                      flush=True)
        finally:
            stop_demo(demo.proc)


if __name__ == "__main__":
    main()
