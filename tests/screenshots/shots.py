"""What every screenshot script shares: a private config folder, the language, the demo
platform, the app on qasync, the main window (the dispatcher's unless ``login=`` says), and stopping it all.

A script calls ``take(name, scene, ...)``; ``scene(demo, session, win, out)`` sets up its
picture and saves it to ``out`` (``argv[1]`` when given, else ``resources/screenshots/NAME``).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

Scene = Callable[[Any, Any, Any, Path], Awaitable[None]]


def take(
    name: str, scene: Scene, *, lang: str = "en", demo_args: Sequence[str] = ("--event-rate", "1"),
    window: dict[str, Any] | None = None, before: Callable[[], None] | None = None,
    login: tuple[str, str] = ("dispatcher", "dispatch123"),
) -> int:
    os.environ.setdefault("CONTROLROOM_CONFIG_DIR", tempfile.mkdtemp(prefix="controlroom-shot-"))
    os.environ.setdefault("CONTROLROOM_LANG", lang)
    import qasync
    from controlroom.ui import i18n, theme
    from controlroom.ui.app import load_session
    from controlroom.ui.main_window import MainWindow
    from demo_platform import start_demo, stop_demo
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from controlroom.session import Session

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / name
    demo = start_demo(*demo_args)
    app = QApplication(sys.argv[:1])
    i18n.install_translators(os.environ["CONTROLROOM_LANG"])
    theme.apply_dark_theme(app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if before is not None:
        before()

    async def shoot() -> None:
        session = Session(demo.url)
        await session.login(*login)
        win = MainWindow(session, **(window or {}))
        win.setGeometry(QGuiApplication.primaryScreen().geometry())
        win.show()
        await load_session(session, win)
        await scene(demo, session, win, out)
        win.close()
        await session.close()

    try:
        loop.run_until_complete(shoot())
    finally:
        stop_demo(demo.proc)
    print(out, out.stat().st_size)
    return 0


async def until_playing(pane: Any, tiles: int, also: Sequence[Any] = (), tries: int = 200) -> None:
    """Wait (at most ``tries`` tenths of a second) for the first ``tiles`` tiles to play."""
    from controlroom.video.player import TileState

    ok = (TileState.PLAYING, *also)
    for _ in range(tries):
        if all(pane.state_of(t) in ok for t in range(tiles)):
            return
        await asyncio.sleep(0.1)


def grab_screen(out: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.primaryScreen().grabWindow(0).save(str(out), "PNG", 0)  # 0: smallest file
