"""Make ``resources/screenshots/display_incident.png``: a meeting display showing a pushed incident wall.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_display.py``.
Starts the demo platform and the dispatcher's window, runs a display (``controlroom display``'s
runner, full screen, logged in as the presenter) named 会议室投影, raises a checkpoint alert, has
the dispatcher push the alert's incident wall (four cameras) to the display, waits until every
tile plays, and grabs the screen.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import grab_screen, take, until_playing

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    from controlroom.ui.display import DisplayRunner, Login
    from wall_helpers import cameras_by_stream

    from controlroom import displays
    from controlroom.api.schema import ShowIncident

    runner = DisplayRunner(Login(demo.url, "presenter", "present123"), "会议室投影")
    task = asyncio.ensure_future(runner.run())
    for _ in range(600):
        if runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED:
            break
        await asyncio.sleep(0.1)
    cams = cameras_by_stream(session.inventory, 4)
    alert = demo.hook("alert", camera_id=cams[0])  # a blocking call of a moment: no executor thread
    await displays.DisplaysApi(session.client).show(
        "会议室投影", ShowIncident(alert_id=alert["id"], camera_ids=cams, title=alert["message"][:200]))
    for _ in range(100):
        if runner.window.showing_wall:
            break
        await asyncio.sleep(0.1)
    await until_playing(runner.window.pane, 4)
    await asyncio.sleep(3)  # a few seconds of video: the clocks run
    grab_screen(out)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


if __name__ == "__main__":
    sys.exit(take("display_incident.png", scene, demo_args=("--event-rate", "0")))
