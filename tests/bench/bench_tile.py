"""Benchmarks of one tile against bare libVLC, on the demo's streams, in one run.

- call-up: time from "play" to the first picture on a tile: ControlRoom's
  TilePlayer against a bare python-vlc player (goal <= 1.1x bare);
- tour step: time from the step to the new camera's picture on screen (its
  colour, grabbed from the window), with pre-roll (the next camera already
  playing on a hidden surface) against a plain stop/play switch (goal
  <= 0.15x);
- churn: RSS growth over N tile switches (goal <= 5 %).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_tile.py [--rounds 15] [--switches 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time

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


def _colour(widget) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    # a few pixels at the left margin (pure stream colour): cheap to grab often
    x, y = max(1, widget.width() // 20), widget.height() // 2
    img = QGuiApplication.primaryScreen().grabWindow(int(widget.winId()), x, y, 4, 4).toImage()
    c = img.pixelColor(1, 1)
    return c.red(), c.green(), c.blue()


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--switches", type=int, default=2000)
    args = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    from controlroom.video.player import TilePlayer, TileState

    demo = start_demo("--event-rate", "0")
    try:
        client, cams = login_and_pick(demo.url, 16)
        stream_of = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index
        urls = [sub_url(client, c) for c in cams]
        app = QApplication.instance() or QApplication([])

        # ---------------------------------------------------------- call-up
        bare = BareWall(1, size=(640, 360))
        # windows side by side: a grab reads the screen, so they must not overlap
        bare.window.move(0, 0)
        host = QWidget()
        host.resize(640, 360)
        host.move(700, 0)
        lay = QHBoxLayout(host)
        lay.setContentsMargins(0, 0, 0, 0)
        surface = QWidget()
        surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        lay.addWidget(surface)
        host.show()
        app.processEvents()
        tile = TilePlayer()
        tile.set_window(int(surface.winId()))

        ours, base = [], []
        for r in range(args.rounds):
            url = urls[r % len(urls)]
            # bare libVLC: play, wait for the first displayed picture
            colour = STREAM_COLOURS[stream_of[cams[r % len(cams)].id]]
            # the same end point for both: the stream's colour on screen
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
        bare.close()
        b, o = statistics.median(base), statistics.median(ours)
        print(f"call-up: bare libVLC median {b*1000:.0f} ms, ControlRoom tile median {o*1000:.0f} ms "
              f"over {args.rounds} rounds (HTTP-TS sub); ratio {o/b:.2f}x (goal <= 1.1x)")

        # ---------------------------------------------------------- tour step
        # Two surfaces in one tile, stacked: the next camera pre-rolls on the hidden one.
        stack_host = QWidget()
        stack_host.resize(640, 360)
        stack_host.move(0, 450)
        # both surfaces mapped at the same place; the step raises the pre-rolled one
        surfaces = []
        for _ in range(2):
            w = QWidget(stack_host)
            w.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            w.setGeometry(0, 0, 640, 360)
            surfaces.append(w)
        stack_host.show()
        app.processEvents()
        players = [TilePlayer(), TilePlayer()]
        for p, w in zip(players, surfaces, strict=True):
            p.set_window(int(w.winId()))
        plain, preroll = [], []
        shown = 0
        players[0].play(urls[0], Transport.HTTP_TS)
        wait_until(lambda: players[0].state == TileState.PLAYING, 10, app.processEvents)
        for r in range(1, args.rounds + 1):
            nxt = cams[r % len(cams)]
            colour = STREAM_COLOURS[stream_of[nxt.id]]
            # pre-roll: start the next camera on the hidden surface, let it settle, then step
            hidden = 1 - shown
            players[hidden].play(urls[r % len(urls)], Transport.HTTP_TS)
            wait_until(lambda h=hidden: players[h].state == TileState.PLAYING, 10, app.processEvents)
            t0 = time.monotonic()
            surfaces[hidden].raise_()  # the step
            if wait_until(lambda h=hidden, c=colour: _near(_colour(surfaces[h]), c), 10, app.processEvents):
                preroll.append(time.monotonic() - t0)
            players[shown].stop()
            shown = hidden
            # plain: stop/play on the visible surface
            nxt2 = cams[(r + 5) % len(cams)]
            colour2 = STREAM_COLOURS[stream_of[nxt2.id]]
            t0 = time.monotonic()
            players[shown].play(urls[(r + 5) % len(urls)], Transport.HTTP_TS)
            if wait_until(lambda c=colour2, s=shown: _near(_colour(surfaces[s]), c), 10, app.processEvents):
                plain.append(time.monotonic() - t0)
        for p in players:
            p.release()
        p_, q_ = statistics.median(plain), statistics.median(preroll)
        print(f"tour step: plain stop/play median {p_*1000:.0f} ms, with pre-roll median {q_*1000:.0f} ms "
              f"over {args.rounds} steps; ratio {q_/p_:.3f}x (goal <= 0.15x)")

        # ---------------------------------------------------------- churn
        for i in range(50):  # warm up allocators and caches first
            tile.play(urls[i % len(urls)], Transport.HTTP_TS)
            wait_until(lambda: tile.state == TileState.PLAYING, 10, app.processEvents)
        before = rss_mib()
        t0 = time.monotonic()
        failures = 0
        for i in range(args.switches):
            tile.play(urls[i % len(urls)], Transport.HTTP_TS)
            if not wait_until(lambda: tile.state == TileState.PLAYING, 10, app.processEvents):
                failures += 1
        after = rss_mib()
        tile.release()
        print(f"churn: {args.switches} tile switches in {time.monotonic()-t0:.0f} s ({failures} without a picture): "
              f"RSS {before:.0f} -> {after:.0f} MiB ({(after-before)/before*100:+.1f} %, goal <= 5 %)")
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
