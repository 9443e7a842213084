"""Make ``resources/screenshots/wall16.png``: the app on the demo with a 16-tile wall.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_wall.py``.
Starts the demo platform, logs in, opens ``demo --layout 16``, waits until every
tile plays, grabs the screen (native video windows included) and stops everything.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("CONTROLROOM_CONFIG_DIR", tempfile.mkdtemp(prefix="controlroom-shot-"))
os.environ.setdefault("CONTROLROOM_LANG", "en")

from demo_platform import start_demo, stop_demo  # noqa: E402


def main() -> int:
    import qasync
    from controlroom.ui import i18n, theme
    from controlroom.ui.app import load_session
    from controlroom.ui.main_window import MainWindow
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from controlroom.session import Session
    from controlroom.video.player import TileState

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / "wall16.png"
    demo = start_demo("--event-rate", "1")
    app = QApplication(sys.argv[:1])
    i18n.install_translators(os.environ["CONTROLROOM_LANG"])
    theme.apply_dark_theme(app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def shoot() -> None:
        session = Session(demo.url)
        await session.login("dispatcher", "dispatch123")
        win = MainWindow(session, start_layout=16, demo=True)
        screen = QGuiApplication.primaryScreen().geometry()
        win.setGeometry(screen)
        win.show()
        await load_session(session, win)
        pane = win.video_wall
        pane.controller.select(5)
        for _ in range(200):
            if all(pane.state_of(t) is TileState.PLAYING for t in range(16)):
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(3)  # a few seconds of video: the clocks run
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out), "PNG", 0)  # 0: smallest file
        win.close()
        await session.close()

    try:
        loop.run_until_complete(shoot())
    finally:
        stop_demo(demo.proc)
    print(out, out.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
