"""The grid board plugin: a dock of live charts about the grids, and an incident-wall action.

Registered like any third-party plugin (entry point ``grid_board`` in
pyproject.toml). Charts redraw from coalesced event batches, a few times a
second at most; statuses are marked stale while the event stream is down.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from controlroom.plugins.grid_board.api import REDRAW_MS, SAMPLE_SECONDS, GridBoard
from PySide6.QtCore import QT_TRANSLATE_NOOP

from controlroom.plugin_api import Plugin, PluginContext, Setting


class GridBoardPlugin(Plugin):
    NAME = "grid_board"
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Grid board")
    API_VERSION = (1, 1)
    REQUIRES_CAPABILITIES = ("grids",)  # not started on a platform without them
    SETTINGS: ClassVar[dict[str, Setting]] = {
        "redraw_ms": Setting(int, REDRAW_MS, "At most how often the charts redraw (ms).",
                             minimum=100, maximum=5000),
        "sample_seconds": Setting(int, SAMPLE_SECONDS, "How often the camera online rate is sampled (s).",
                                  minimum=1, maximum=600),
    }

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        if ctx.inventory is None:
            raise RuntimeError("the grid board needs a platform session")
        self.board = GridBoard(ctx.inventory, ctx.wall, redraw_ms=ctx.settings.get("redraw_ms"),
                               sample_seconds=ctx.settings.get("sample_seconds"))
        self.dock = ctx.add_dock(self.board, ctx.tr("Grid board"), "right")
        ctx.on_events(self.board.on_events)
        ctx.on_inventory(self.board.on_inventory)
        ctx.on_state(self.board.on_state)
        if ctx.session is not None:
            self.board.on_state(ctx.session.state)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (a test without one): the chart starts from the live alerts
        ctx.start_task(self._recent_alerts(), "recent alerts")

    async def _recent_alerts(self) -> None:
        if self.ctx.client is None:
            return  # not an API v1 platform: the chart fills from the live alerts
        try:
            alerts = await self.ctx.client.alerts(limit=500)
        except Exception as exc:  # the chart still fills from live alerts
            self.ctx.report_error(exc, self.ctx.tr("Could not fetch the recent alerts: {error}").format(error=exc))
            return
        self.board.add_alerts(alerts)

    def teardown(self) -> None:
        self.board.stop()
