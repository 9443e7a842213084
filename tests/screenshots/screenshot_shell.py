"""Make ``resources/screenshots/shell.png``: the app in Chinese, the tree searching 北武台.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1440x860x24" .venv/bin/python tests/screenshots/screenshot_shell.py``.
Starts the demo platform, logs in as the dispatcher with zh_CN, searches the
tree for 北武台 (cameras read own name first: "村口 · 北武台社区"), puts the
village on a 9-tile wall, waits for the video, grabs the screen and stops everything.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    panel = win.resources
    panel.search.setText("北武台")
    panel.apply_search()
    village = next(s for s in session.inventory.sites.values() if s.name == "北武台社区")
    pane = win.video_wall
    pane.drop_items(0, [("site", village.id)])
    await until_playing(pane, 9)
    await asyncio.sleep(3)
    grab_screen(out)


if __name__ == "__main__":
    sys.exit(take("shell.png", scene, lang="zh_CN", window={"start_layout": 9}))
