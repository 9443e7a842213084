"""Benchmark: CPU and frame rate of whole walls, ControlRoom against bare libVLC.

For 16, 25 and 64 tiles of the demo's sub streams over HTTP-TS, in one run:
the bare baseline (python-vlc players on native windows, same libVLC
options), ControlRoom's wall (WallPane: tiles with their bands, controller,
stream policy, TilePlayers) with the decode budget off (like for like), and
ControlRoom's wall with its default policy (which may put the smallest tiles
on key frames only when the CPU cannot keep up, and says so). CPU is this
process's (the demo platform runs in its own), as % of one core; fps is
pictures displayed per tile per second. Goal: 16 and 25 tiles <= 1.10x bare.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_wall.py [--seconds 15] [--sizes 16,25,64]
"""

from __future__ import annotations

import argparse
import statistics
import time

from wallbench import (
    BareWall,
    Meter,
    need_display,
    qt_asyncio,
    rss_mib,
    run_on_qt,
    start_demo,
    stop_demo,
    sub_url,
    wait_until,
)

SETTLE = 3.0  # seconds after every tile plays, before measuring


def _camera_ids(session, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    from controlroom.api.schema import Transport
    from controlroom.demo.network import build_network

    stream_of = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index
    seen: set[int] = set()
    first, rest = [], []
    for cam in session.inventory.cameras.values():
        if not cam.online:
            continue
        if stream_of[cam.id] not in seen:
            seen.add(stream_of[cam.id])
            first.append(cam.id)
        else:
            rest.append(cam.id)
        if len(first) == 16 and len(first) + len(rest) >= n:
            break
    return (first + rest)[:n]


def _measure(pump, displayed, n: int, seconds: float) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    end = time.monotonic() + SETTLE
    while time.monotonic() < end:
        pump()
        time.sleep(0.01)
    meter = Meter()
    before = [displayed(i) for i in range(n)]
    meter.start()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pump()
        time.sleep(0.01)
    cpu = meter.percent()
    fps = [(displayed(i) - before[i]) / seconds for i in range(n)]
    return cpu, fps


def bare_run(urls: list[str], seconds: float) -> tuple[float, list[float], float]:
    n = len(urls)
    wall = BareWall(n, size=(1600, 900))
    for i, url in enumerate(urls):
        wall.play(i, url)
    wait_until(lambda: all(wall.displayed(i) > 0 for i in range(n)), 60, wall.pump)
    cpu, fps = _measure(wall.pump, wall.displayed, n, seconds)
    rss = rss_mib()
    wall.close()
    return cpu, fps, rss


def ours_run(session, ids: list[str], seconds: float, decode_budget: object) -> tuple[float, list[float], float, int]:  # type: ignore[no-untyped-def]
    from controlroom.ui.wall.wall_view import WallPane
    from PySide6.QtWidgets import QApplication

    from controlroom.video.player import TileState
    from controlroom.wall.layouts import preset
    from controlroom.wall.policy import StreamPolicy

    app = QApplication.instance() or QApplication([])
    pane = WallPane(session, policy=StreamPolicy(decode_budget=decode_budget))
    pane.resize(1600, 900)
    pane.show()
    app.processEvents()
    n = len(ids)
    pane.controller.set_layout(preset(n))
    pane.controller.fill(0, ids)
    app.processEvents()

    def player(i: int):  # type: ignore[no-untyped-def]
        return pane.videos[i].front

    def displayed(i: int) -> int:
        return player(i).displayed_pictures()

    wait_until(lambda: all(player(i).state == TileState.PLAYING for i in range(n)), 90, app.processEvents)
    cpu, fps = _measure(app.processEvents, displayed, n, seconds)
    rss = rss_mib()
    keyframes_only = sum(1 for i in range(n) if player(i).keyframes_only)
    pane.shutdown()
    pane.close()
    pane.deleteLater()
    app.processEvents()
    return cpu, fps, rss, keyframes_only


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--sizes", default="16,25,64")
    args = ap.parse_args()
    from controlroom.session import Session

    app, _loop = qt_asyncio()  # the wall's leases ask the platform for a ticket per connect
    demo = start_demo("--event-rate", "0")
    demo.hook("auth-policy", ticket_ttl=3600)  # the bare baseline replays one ticketed URL per tile
    try:
        session = Session(demo.url)

        async def login() -> None:
            await session.login("dispatcher", "dispatch123")
            await session.load_inventory()

        run_on_qt(app, login())
        for n in (int(x) for x in args.sizes.split(",")):
            ids = _camera_ids(session, n)
            cams = [session.inventory.cameras[i] for i in ids]
            urls = [sub_url(session.client, c) for c in cams]
            b_cpu, b_fps, b_rss = bare_run(urls, args.seconds)
            o_cpu, o_fps, o_rss, _ = ours_run(session, ids, args.seconds, None)
            d_cpu, d_fps, d_rss, kf = ours_run(session, ids, args.seconds, "auto")
            print(f"wall {n} tiles: bare libVLC {b_cpu:.0f} % CPU, fps/tile median {statistics.median(b_fps):.1f} "
                  f"(min {min(b_fps):.1f}), RSS {b_rss:.0f} MiB")
            print(f"wall {n} tiles: ControlRoom (decode budget off) {o_cpu:.0f} % CPU, fps/tile median "
                  f"{statistics.median(o_fps):.1f} (min {min(o_fps):.1f}), RSS {o_rss:.0f} MiB; ratio {o_cpu/b_cpu:.2f}x bare "
                  "(goal <= 1.10x)")
            print(f"wall {n} tiles: ControlRoom (default policy) {d_cpu:.0f} % CPU, fps/tile median "
                  f"{statistics.median(d_fps):.1f} (min {min(d_fps):.1f}), RSS {d_rss:.0f} MiB, {kf} tiles on key frames only; "
                  f"ratio {d_cpu/b_cpu:.2f}x bare")
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
