"""Make ``resources/screenshots/grid_status.png``: a wall with a grid in incident, and the grid tree.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/python tests/screenshots/screenshot_grid_status.py``.
Starts the demo platform (with its test hooks), logs in, puts two neighbouring
grids on a 16-tile wall, sets the first one in incident on the platform, shows
the resource panel in its "Grids" mode with the grid's town open, waits for
the video, grabs the screen and stops everything.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from shots import take, until_playing


def small_png(image: Any) -> Any:
    """The image in its own 256 most frequent colours: the dark UI and the demo's flat test
    pictures lose nothing visible, and the file shrinks to a fraction."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.width() * rgb.height())
    colours, counts = np.unique(pixels, return_counts=True)
    table = [int(c) for c in colours[np.argsort(counts)[::-1][:256]]]
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither)


def disable_plugin_panes() -> None:
    # the wall and the tree only: the plugin docks have screenshots of their own
    from controlroom import settings

    settings.shared().set("plugins.disabled", ["alerts", "conference", "grid_board", "grid_map"])


async def scene(demo: Any, session: Any, win: Any, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QAbstractItemView

    from controlroom.api.schema import GridStatus
    from controlroom.video.player import TileState
    from controlroom.wall.layouts import preset

    inv = session.inventory
    pane = win.video_wall
    # two grids of one village: one goes into incident, its neighbour stays normal
    by_site: dict[str, list[str]] = {}
    for g in inv.grids.values():
        if g.status == GridStatus.NORMAL:
            by_site.setdefault(g.site_id, []).append(g.id)
    pairs = sorted((inv.grids[ids[0]].cameras_total, ids[:2]) for ids in by_site.values() if len(ids) >= 2)
    first, second = pairs[0][1]
    pane.set_layout(preset(16))
    a = pane.controller.camera_ids_for("grid", first)
    pane.drop_items(0, [("grid", first)])
    pane.drop_items(len(a), [("grid", second)])  # what fits
    for _ in range(100):
        if session.events is not None and str(session.events.state) == "live":
            break
        await asyncio.sleep(0.1)
    demo.hook("grid-status", grid_id=first, status="incident", reason="村民报警：疑似火情，网格员已赶赴现场")
    panel = win.resources
    panel.set_mode("grids")
    win.resizeDocks([win.dock], [440], Qt.Orientation.Horizontal)
    for _ in range(50):
        if inv.grids[first].status == GridStatus.INCIDENT:
            break
        await asyncio.sleep(0.1)
    panel.grid_model.flush()
    # the grids that need eyes, their towns open
    panel.set_status_filter({GridStatus.INCIDENT, GridStatus.ATTENTION})
    idx = panel.grid_model.index_for_grid(first)
    panel.grid_view.setCurrentIndex(idx)
    panel.grid_view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
    pane.controller.select(0)
    await until_playing(pane, 16, also=(TileState.OFFLINE,))
    await asyncio.sleep(2)
    shot = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    small_png(shot).save(str(out), "PNG", 0)  # 0: smallest file


if __name__ == "__main__":
    sys.exit(take("grid_status.png", scene, before=disable_plugin_panes))
