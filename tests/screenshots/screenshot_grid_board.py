"""Make ``resources/screenshots/grid_board.png``: the grid board pane on the demo.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_grid_board.py``.
Starts the demo platform (a few events a second), logs in as the dispatcher,
shows the grid board, lets the online-rate line gather a minute of samples,
grabs the pane and stops everything.
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

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / "grid_board.png"
    seconds = float(os.environ.get("SHOT_SECONDS", "60"))
    demo = start_demo("--event-rate", "5")
    app = QApplication(sys.argv[:1])
    i18n.install_translators(os.environ["CONTROLROOM_LANG"])
    theme.apply_dark_theme(app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def shoot() -> None:
        session = Session(demo.url)
        await session.login("dispatcher", "dispatch123")
        win = MainWindow(session)
        win.setGeometry(QGuiApplication.primaryScreen().geometry())
        win.show()
        await load_session(session, win)
        from controlroom.plugins.grid_board.widgets.board import GridBoard
        from PySide6.QtWidgets import QDockWidget

        board = next(iter(win.findChildren(GridBoard)))
        dock = board.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.raise_()  # its tab to the front
        board._sampler.setInterval(2000)  # a denser line for the picture
        await asyncio.sleep(seconds)
        board.redraw()
        await asyncio.sleep(0.5)
        board.grab().save(str(out), "PNG", 0)
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
