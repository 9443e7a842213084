"""Make ``resources/screenshots/audit.png``: the dispatcher's audit pane under a live wall.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_audit.py``.
Starts the demo platform, logs in as the dispatcher from workstation 调度席 1, plays four
cameras and changes two, has a town desk log in and acknowledge an alert from its own
workstation, sends the trail, shows the audit pane and grabs the window.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from shots import grab_screen, take, until_playing


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    import httpx
    from controlroom.plugins.audit.plugin import AuditPlugin
    from PySide6.QtWidgets import QDockWidget

    from controlroom.wall.layouts import preset

    pane = win.video_wall
    pane.set_layout(preset(4))
    cams = [c.id for c in session.inventory.cameras.values() if c.online][:6]
    pane.controller.fill(0, cams[:4])
    await until_playing(pane, 4)
    pane.controller.assign(1, cams[4])
    pane.controller.assign(3, cams[5])
    await until_playing(pane, 4)
    # a town desk elsewhere: its login and an acknowledgement, recorded by the platform itself
    ws = {"X-Workstation": quote("平邑街道派出所 值班台")}
    async with httpx.AsyncClient(base_url=demo.url) as http:
        token = (await http.post("/api/v1/auth/login", json={"username": "town01", "password": "desk123"},
                                 headers=ws)).json()["access_token"]
        alert = demo.hook("alert", kind="checkpoint_hit", camera_id=cams[0])
        await http.post(f"/api/v1/alerts/{alert['id']}/ack", json={"note": "已派巡逻"},
                        headers={**ws, "Authorization": f"Bearer {token}"})
    session.audit.record("export", cams[0], "playback", "北武台 村口1号 09:00–09:05.mp4")
    await session.audit.flush()
    plugin = win.plugins.manager.get("audit")
    assert isinstance(plugin, AuditPlugin)
    dock = plugin.pane.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.raise_()
    before = plugin.loads
    plugin.search()
    while plugin.loads == before:
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)
    grab_screen(out)  # the X server's picture: libVLC's windows are not in a widget grab


if __name__ == "__main__":
    os.environ.setdefault("CONTROLROOM_WORKSTATION", "调度席 1")
    sys.exit(take("audit.png", scene, lang=os.environ.get("SHOT_LANG", "en")))
