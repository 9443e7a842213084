"""Make ``resources/screenshots/shell.png``: the app in Chinese, the tree searching 北武台.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1440x860x24" .venv/bin/python tests/screenshots/screenshot_shell.py``.
Starts the demo platform, logs in as the dispatcher with zh_CN, searches the
tree for 北武台 (cameras read own name first: "村口 · 北武台社区"), puts the
village on a 9-tile wall, waits for the video, grabs the screen and stops everything.
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
os.environ.setdefault("CONTROLROOM_LANG", "zh_CN")

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

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / "shell.png"
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
        win = MainWindow(session, start_layout=9)
        win.setGeometry(QGuiApplication.primaryScreen().geometry())
        win.show()
        await load_session(session, win)
        panel = win.resources
        panel.search.setText("北武台")
        panel.apply_search()
        village = next(s for s in session.inventory.sites.values() if s.name == "北武台社区")
        pane = win.video_wall
        pane.drop_items(0, [("site", village.id)])
        for _ in range(200):
            if all(pane.state_of(t) is TileState.PLAYING for t in range(9)):
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(3)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out), "PNG", 0)
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
