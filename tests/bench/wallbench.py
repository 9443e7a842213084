"""Shared parts of the wall benchmarks: the demo, camera picking, CPU and RSS meters,
and the baseline: a bare libVLC wall (python-vlc players on native windows,
the same instance options, nothing of ControlRoom's on top).

The benchmarks need a display: run them under Xvfb, for example
``xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/run.py wall``.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo_platform import Demo, start_demo, stop_demo, ticket_url

from controlroom.api.client import PlatformClient
from controlroom.api.schema import Camera, Transport
from controlroom.demo.network import build_network

__all__ = ["Demo", "start_demo", "stop_demo"]


def cpu_seconds() -> float:
    """User + system CPU of this process and its threads (not the demo's process)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Meter:
    """CPU as a percentage of one core over a window of wall-clock time."""

    t0: float = 0.0
    c0: float = 0.0

    def start(self) -> None:
        self.t0, self.c0 = time.monotonic(), cpu_seconds()

    def percent(self) -> float:
        return 100.0 * (cpu_seconds() - self.c0) / max(1e-6, time.monotonic() - self.t0)


def login_and_pick(url: str, n: int, *, distinct: bool = True) -> tuple[PlatformClient, list[Camera]]:
    """Log in as the dispatcher and pick ``n`` online cameras, distinct streams first."""

    async def go() -> tuple[PlatformClient, list[Camera]]:
        client = PlatformClient(url)
        await client.login("dispatcher", "dispatch123")
        cameras, _ = await client.cameras()
        return client, cameras

    client, cameras = asyncio.run(go())
    stream_of = build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index
    online = [c for c in cameras if c.online]
    picked: list[Camera] = []
    seen: set[int] = set()
    if distinct:
        for c in online:
            if stream_of[c.id] not in seen:
                seen.add(stream_of[c.id])
                picked.append(c)
            if len(picked) == min(n, 16):
                break
    for c in online:
        if len(picked) >= n:
            break
        if c not in picked:
            picked.append(c)
    return client, picked


def sub_url(client: PlatformClient, cam: Camera, profile: str = "sub", transport: Transport = Transport.HTTP_TS) -> str:
    """A URL with a fresh stream ticket (checked when the player connects)."""
    assert client.access_token is not None
    return ticket_url(client.base_url, client.access_token, cam.id, profile, transport.value)


def qt_asyncio() -> tuple[Any, asyncio.AbstractEventLoop]:
    """The QApplication and a qasync loop on it, marked running: ``app.processEvents()``
    then advances asyncio tasks too (the wall's stream leases ask the platform for tickets)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    return app, loop


def run_on_qt(app: Any, coro: Any, timeout: float = 120.0) -> Any:
    """Run a coroutine on the qasync loop of ``qt_asyncio`` while pumping Qt; its result."""
    task = asyncio.ensure_future(coro)
    if not wait_until(task.done, timeout, app.processEvents):
        task.cancel()
        raise TimeoutError("the coroutine did not finish")
    return task.result()


def wait_until(cond: Callable[[], bool], timeout: float, pump: Callable[[], None]) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pump()
        if cond():
            return True
        time.sleep(0.001)
    return False


class BareWall:
    """The baseline: one python-vlc player per native window, nothing else."""

    def __init__(self, n: int, size: tuple[int, int] = (1600, 900)) -> None:
        import math

        import vlc
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

        from controlroom.video.vlc_options import shared_instance

        self.app = QApplication.instance() or QApplication([])
        self.instance = shared_instance()
        self.window = QWidget()
        self.window.resize(*size)
        grid = QGridLayout(self.window)
        grid.setSpacing(2)
        grid.setContentsMargins(0, 0, 0, 0)
        side = math.ceil(math.sqrt(n))
        self.surfaces: list[QWidget] = []
        for i in range(n):
            w = QWidget()
            w.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            w.setStyleSheet("background: black")
            grid.addWidget(w, i // side, i % side)
            self.surfaces.append(w)
        self.window.show()
        self.app.processEvents()
        self.players: list[vlc.MediaPlayer] = []
        for w in self.surfaces:
            p = self.instance.media_player_new()
            p.set_xwindow(int(w.winId()))
            p.video_set_mouse_input(False)
            p.video_set_key_input(False)
            p.audio_set_mute(True)
            self.players.append(p)

    def play(self, i: int, url: str) -> float:
        """Play on tile i; returns the monotonic time of the call."""
        media = self.instance.media_new(url)
        self.players[i].set_media(media)
        media.release()
        t = time.monotonic()
        self.players[i].play()
        return t

    def displayed(self, i: int) -> int:
        import vlc

        media = self.players[i].get_media()
        if media is None:
            return 0
        stats = vlc.MediaStats()
        media.get_stats(stats)
        return stats.displayed_pictures

    def pump(self) -> None:
        self.app.processEvents()

    def close(self) -> None:
        for p in self.players:
            p.stop()
            p.release()
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()


def need_display() -> None:
    if not os.environ.get("DISPLAY"):
        sys.exit("this benchmark needs a display: run it under xvfb-run (see the module docstring)")
