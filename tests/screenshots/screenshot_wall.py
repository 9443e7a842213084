"""Make ``resources/screenshots/wall16.png``: the app on the demo with a 16-tile wall.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_wall.py``.
Starts the demo platform, logs in, opens ``demo --layout 16``, waits until every
tile plays, grabs the screen (native video windows included) and stops everything.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    pane = win.video_wall
    pane.controller.select(5)
    await until_playing(pane, 16)
    await asyncio.sleep(3)  # a few seconds of video: the clocks run
    grab_screen(out)


if __name__ == "__main__":
    sys.exit(take("wall16.png", scene, window={"start_layout": 16, "demo": True}))
