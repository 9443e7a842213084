"""Make ``resources/screenshots/ptz.png``: a 4-tile wall with one PTZ scene camera in PTZ mode.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_ptz.py``.
Starts the demo platform, logs in as the dispatcher, puts the first PTZ scene camera on
tile 1, maximises it, turns PTZ mode on, pans it right a little, and grabs the screen.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    from controlroom.api.schema import PtzAction
    from controlroom.wall.layouts import preset

    cid = demo.hook("ptz-reset")["scene_cameras"][0]
    pane = win.video_wall
    pane.set_layout(preset(4))
    others = [c for c in sorted(session.inventory.cameras) if c != cid and session.inventory.cameras[c].online][:3]
    pane.controller.assign(0, cid)
    for i, c in enumerate(others, start=1):
        pane.controller.assign(i, c)
    pane.controller.select(0)
    await until_playing(pane, 4)
    pane.controller.toggle_maximise(0)  # room for the whole bar: speed and presets too
    assert pane.ptz.set_mode(0, True)
    bar = pane.ptz.modes[0].bar
    bar.buttons[PtzAction.RIGHT].pressed.emit()
    await asyncio.sleep(0.6)
    bar.buttons[PtzAction.RIGHT].released.emit()
    await asyncio.sleep(3)  # the picture catches up with the camera
    grab_screen(out)


if __name__ == "__main__":
    sys.exit(take("ptz.png", scene, window={"demo": True}))
