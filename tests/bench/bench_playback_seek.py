"""Seek to a picture: ControlRoom's TilePlayer against a bare python-vlc player, on one playback stream.

One playback session of the demo platform (issue 12) is played by both at once, side by side: the
app's ``TilePlayer`` and a bare ``vlc.MediaPlayer`` on the same URL (same session, same camera, two
connections). Each round seeks the session (``POST /playback/{id}/control``) to a recorded moment
hours away and times, for each player, the seek call to the first picture on screen whose burned-in
time code (``controlroom.demo.timecode``, read from a grab of the window) is the new time. Both see
the very same seek, so the ratio is the player's own cost. Goal: ControlRoom <= 1.2x bare.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_playback_seek.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from wallbench import BareWall, login_and_pick, need_display, start_demo, stop_demo, wait_until

from controlroom.api.schema import Transport
from controlroom.demo.timecode import read_timecode


def _time_on_screen(widget: Any) -> datetime | None:
    from PySide6.QtGui import QGuiApplication

    img = QGuiApplication.primaryScreen().grabWindow(int(widget.winId())).toImage()
    return read_timecode(img)


def main() -> None:
    need_display()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from controlroom.video.player import TilePlayer, TileState

    app = QApplication.instance() or QApplication([])
    demo = start_demo("--event-rate", "0")
    try:
        client, cams = login_and_pick(demo.url, 1)
        token = client.access_token
        headers = {"Authorization": f"Bearer {token}"}
        cam = cams[0]
        now = datetime.now(UTC)
        tl = httpx.get(f"{demo.url}/api/v1/cameras/{cam.id}/recordings", headers=headers, timeout=30,
                       params={"start": (now - timedelta(days=7)).isoformat(), "end": now.isoformat()}).json()
        ranges = [(datetime.fromisoformat(r["start"]), datetime.fromisoformat(r["end"])) for r in tl["ranges"]]
        long = [r for r in ranges[:-1] if (r[1] - r[0]).total_seconds() > 600]
        targets = [r[0] + timedelta(seconds=120) for r in long]
        r = httpx.post(f"{demo.url}/api/v1/playback", headers=headers, timeout=30,
                       json={"camera_ids": [cam.id], "at": targets[0].isoformat()})
        r.raise_for_status()
        state = r.json()
        url = state["streams"][0]["urls"][Transport.HTTP_TS.value]

        bare = BareWall(1, size=(640, 360))
        bare.window.move(0, 0)
        surface = QWidget()
        surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        surface.resize(640, 360)
        surface.move(700, 0)
        surface.show()
        app.processEvents()
        tile = TilePlayer()
        tile.set_window(int(surface.winId()))
        bare.play(0, url)
        tile.play(url, Transport.HTTP_TS)
        wait_until(lambda: tile.state == TileState.PLAYING and _time_on_screen(bare.surfaces[0]) is not None,
                   20, app.processEvents)
        ours: list[float] = []
        base: list[float] = []
        for i in range(args.rounds):
            target = targets[(i + 1) % len(targets)]
            t0 = time.monotonic()
            httpx.post(f"{demo.url}/api/v1/playback/{state['id']}/control", headers=headers, timeout=30,
                       json={"action": "seek", "at": target.isoformat()}).raise_for_status()
            done: dict[str, float] = {}

            def landed(t: datetime | None, t0: float = t0, target: datetime = target) -> bool:
                if t is None:
                    return False
                d = (t - target).total_seconds()
                return -1 <= d <= time.monotonic() - t0 + 1

            def check(done: dict[str, float] = done, t0: float = t0,
                      landed: Any = landed) -> bool:
                now_ = time.monotonic()
                if "bare" not in done and landed(_time_on_screen(bare.surfaces[0])):
                    done["bare"] = now_ - t0
                if "ours" not in done and landed(_time_on_screen(surface)):
                    done["ours"] = now_ - t0
                return len(done) == 2

            if wait_until(check, 15, app.processEvents):
                base.append(done["bare"])
                ours.append(done["ours"])
            wait_until(lambda: False, 0.5, app.processEvents)  # let both settle at the new time
        tile.release()
        bare.close()
        surface.close()
        if not base:
            print("seek to a picture: no round landed")
            return
        b, o = statistics.median(base), statistics.median(ours)
        print(f"seek to a picture: bare libVLC median {b*1000:.0f} ms, ControlRoom tile median {o*1000:.0f} ms "
              f"over {len(base)} of {args.rounds} seeks (HTTP-TS playback, 480x270); ratio {o/b:.2f}x "
              f"(goal <= 1.2x)", flush=True)
    finally:
        stop_demo(demo.proc)


if __name__ == "__main__":
    main()
