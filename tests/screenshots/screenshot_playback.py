"""Make ``resources/screenshots/playback.png``: a 4-tile wall in playback with the timeline under it.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_playback.py``.
Starts the demo platform, logs in as the dispatcher, opens a 4-tile wall, plays it back from two
hours ago (Playback → Play back the wall), zooms the timeline to a day, grabs the screen.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    pane = win.video_wall
    await until_playing(pane, 4)
    ui = win.playback_ui
    at = datetime.now(UTC) - timedelta(hours=2)
    await ui.playback.enter(None, at)
    for _ in range(100):
        if all(p.state.value == "playing" for p in ui.playback.players.values()):
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(4)
    tl = ui.bar.timeline
    tl.show_around(at, 12 * 3600)
    ui.dock.raise_()
    await asyncio.sleep(1)
    grab_screen(out)
    tl.grab().save(str(out.with_name(out.stem + "_timeline.png")))


if __name__ == "__main__":
    sys.exit(take("playback.png", scene, window={"start_layout": 4, "demo": True}))
