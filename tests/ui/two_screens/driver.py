"""One start of ControlRoom on a multi-screen X server, driven step by step; prints a JSON report.

Run by ``tests/ui/test_workspaces_two_screens.py`` as a process of its own (a restart is a new
process on the same config folder), with ``DISPLAY`` set to the test's own Xvfb:

    python driver.py URL STEP [--shot PNG]

It logs in to the demo platform, opens the main window as the app does (``load_session``:
the current workspace is restored at the end of the first load) and then:

- ``save``: main window on the first screen with two cameras, a wall window full screen on the
  second with one camera; waits for first frames; saves the workspace; ``--shot``: the desktop;
- ``restore``: waits for every restored tile's first frame;
- ``hotplug``: as ``restore``, then the second screen is disconnected and connected again.

The report: every window's screen, geometry, full-screen state, tile cameras and states, and
the notices the operator got. Waits are on conditions, with deadlines (a stuck step fails).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # wall_helpers
sys.path.insert(0, str(HERE))

import qasync  # noqa: E402
from controlroom.ui import presenting  # noqa: E402
from controlroom.ui.app import load_session  # noqa: E402
from controlroom.ui.main_window import MainWindow  # noqa: E402
from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402
from wall_helpers import cameras_by_stream  # noqa: E402
from xserver import Monitor, delete_monitor, set_monitors  # noqa: E402

from controlroom.session import Session  # noqa: E402
from controlroom.video.player import TileState  # noqa: E402
from controlroom.wall.layouts import preset  # noqa: E402


async def until(what: str, cond: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for {what}")
        await asyncio.sleep(0.05)


def window_report(w: QMainWindow, pane: Any) -> dict[str, Any]:
    g = w.geometry()
    return {
        "title": w.windowTitle(),
        "screen": w.screen().name(),
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "full_screen": w.isFullScreen(),
        "presenting": presenting.is_presenting(w),
        "tiles": len(pane.tiles),
        "cameras": [pane.controller.slot(t).camera_id for t in range(len(pane.tiles))],
        "states": [str(pane.state_of(t).name) for t in range(len(pane.tiles))],
    }


def report(win: MainWindow) -> dict[str, Any]:
    ww = win.wall_windows
    return {
        "screens": [[s.name(), s.geometry().x(), s.geometry().width()] for s in QGuiApplication.screens()],
        "main": window_report(win, win.video_wall),
        "walls": [window_report(w, w.pane) for w in ww.windows],
        "notices": list(ww.notices),
        "current": ww.store.current,
    }


def playing(pane: Any) -> bool:
    cams = [t for t in range(len(pane.tiles)) if pane.controller.slot(t).camera_id is not None]
    return bool(cams) and all(pane.state_of(t) is TileState.PLAYING for t in cams)


def shot(path: str) -> None:
    """The whole desktop, each screen grabbed from the X server, placed where it is."""
    screens = QGuiApplication.screens()
    box = QRect()
    for s in screens:
        box = box.united(s.geometry())
    img = QImage(box.size(), QImage.Format.Format_RGB32)
    img.fill(0)
    p = QPainter(img)
    for s in screens:
        p.drawPixmap(s.geometry().topLeft() - box.topLeft(), s.grabWindow(0))
    p.end()
    img.save(path)


async def main(url: str, step: str, shot_path: str | None) -> dict[str, Any]:
    started = time.monotonic()
    session = Session(url)
    await session.login("dispatcher", "dispatch123")
    win = MainWindow(session)
    primary = QGuiApplication.primaryScreen()
    win.setGeometry(primary.availableGeometry().adjusted(20, 20, -20, -20))
    win.show()
    try:
        await load_session(session, win)
        ww = win.wall_windows
        if step == "save":
            pane = win.video_wall
            cams = cameras_by_stream(session.inventory, 3)
            pane.set_layout(preset(4))
            pane.controller.fill(0, cams[:2])
            second = next(s for s in QGuiApplication.screens() if s is not primary)
            other = ww.new_window(second)
            other.pane.set_layout(preset(1))
            other.pane.controller.assign(0, cams[2])
            from controlroom.ui.wall_window import full_screen_on

            full_screen_on(other, other.wall_ui, second, chrome=False)  # only the wall, as on a big screen
            await until("first frames", lambda: playing(pane) and playing(other.pane))
            await until("the wall window on its screen", lambda: other.screen() is second)
            if not ww.save_workspace("Two screens"):
                raise RuntimeError("the workspace was not saved: " + "; ".join(ww.notices))
            if shot_path:
                await asyncio.sleep(0.5)  # a few more frames: the picture, not the first key frame's grey
                shot(shot_path)
        else:
            await until("the restored windows' first frames",
                        lambda: playing(win.video_wall) and all(playing(w.pane) for w in ww.windows))
        out = report(win)
        # a figure for the report, not a limit: from the login to every tile's first frame
        out["seconds_to_playing"] = round(time.monotonic() - started, 2)
        if step == "hotplug":
            display = os.environ["DISPLAY"]
            right = next(s for s in QGuiApplication.screens() if s is not primary)
            name, g = right.name(), right.geometry()
            delete_monitor(display, name)
            await until("the screen to go", lambda: len(QGuiApplication.screens()) == 1)
            await until("the windows to leave it", lambda: all(w.screen() is primary for w in ww.windows)
                        and all(primary.geometry().contains(w.geometry().center()) for w in ww.windows))
            out["after_removed"] = report(win)
            set_monitors(display, [Monitor(name, g.x(), g.y(), g.width(), g.height())])
            await until("the screen to come back", lambda: len(QGuiApplication.screens()) == 2)
            await until("the windows to go back", lambda: all(w.screen().name() == name for w in ww.windows))
            await until("playing after the moves", lambda: all(playing(w.pane) for w in ww.windows))
            out["after_added"] = report(win)
        return out
    finally:
        win.close()
        await session.close()


def run() -> int:
    url, step = sys.argv[1], sys.argv[2]
    shot_path = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--shot" else None
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(main(url, step, shot_path))
    print("REPORT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run())
