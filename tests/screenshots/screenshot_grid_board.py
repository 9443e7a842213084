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
from pathlib import Path
from typing import Any

from shots import take


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    from controlroom.plugins.grid_board.widgets.board import GridBoard
    from PySide6.QtWidgets import QDockWidget

    board = next(iter(win.findChildren(GridBoard)))
    dock = board.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.raise_()  # its tab to the front
    board._sampler.setInterval(2000)  # a denser line for the picture
    await asyncio.sleep(float(os.environ.get("SHOT_SECONDS", "60")))
    board.redraw()
    await asyncio.sleep(0.5)
    board.grab().save(str(out), "PNG", 0)


if __name__ == "__main__":
    sys.exit(take("grid_board.png", scene, demo_args=("--event-rate", "5")))
