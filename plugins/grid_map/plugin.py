"""The grid map plugin: a dock with the grids as polygons, coloured and patterned by status, cameras on top.

Registered like any third-party plugin (entry point ``grid_map`` in
pyproject.toml). It follows the session's inventory (coalesced), marks the
statuses stale while the event stream is down, and puts a grid's cameras, or
an incident wall of a grid and its neighbours, on the wall controller.
"""

from __future__ import annotations

from typing import ClassVar

from controlroom.plugins.grid_map.widgets.grid_map import REDRAW_MS, GridMap
from PySide6.QtCore import QT_TRANSLATE_NOOP

from controlroom.plugin_api import Plugin, PluginContext, Setting


class GridMapPlugin(Plugin):
    NAME = "grid_map"
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Grid map")
    API_VERSION = (1, 1)
    REQUIRES_CAPABILITIES = ("grids",)  # not started on a platform without them
    SETTINGS: ClassVar[dict[str, Setting]] = {
        "redraw_ms": Setting(int, REDRAW_MS, "At most how often the map applies live changes (ms).",
                             minimum=100, maximum=5000),
    }

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        if ctx.inventory is None:
            raise RuntimeError("the grid map needs a platform session")
        user = ctx.session.user if ctx.session is not None else None
        # a town desk's map opens on its own town (issue 9 item 8)
        towns = user.scope.towns if user is not None else None
        self.map = GridMap(ctx.inventory, ctx.wall, redraw_ms=ctx.settings.get("redraw_ms"), towns=towns)
        self.dock = ctx.add_dock(self.map, ctx.tr("Grid map"), "right")
        ctx.on_inventory(self.map.on_inventory)
        ctx.on_state(self.map.on_state)
        if ctx.session is not None:
            self.map.on_state(ctx.session.state)

    def teardown(self) -> None:
        self.map.stop()
