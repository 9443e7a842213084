"""Make ``resources/screenshots/town_desk.png``: the main window of a town desk (武台镇), who is logged in in sight.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/screenshot_roles.py``.
Logs in as ``town03`` (武台镇派出所值班台), opens a 4-tile wall of its cameras, raises an
alert in its town and selects it, grabs the screen: the title and the status bar say
"武台镇派出所值班台 · town desk · 武台镇 only".
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    pane = win.video_wall
    await until_playing(pane, 4)
    alerts = win.plugins.manager.get("alerts")
    if alerts is not None:
        camera = next(c for c in session.inventory.cameras.values() if c.kind == "checkpoint")
        raised = demo.hook("alert", kind="checkpoint_hit", camera_id=camera.id)
        for _ in range(100):
            if alerts.model.row_of(raised["id"]) is not None:
                break
            await asyncio.sleep(0.1)
        alerts.pane.select_alert(raised["id"])
        alerts.notice.dismiss()
    await asyncio.sleep(2)  # a few seconds of video: the clocks run
    grab_screen(out)


if __name__ == "__main__":
    sys.exit(take("town_desk.png", scene, window={"start_layout": 4, "demo": True}, login=("town03", "desk123"),
                  demo_args=("--event-rate", "0")))  # no simulated desk acknowledges the alert
