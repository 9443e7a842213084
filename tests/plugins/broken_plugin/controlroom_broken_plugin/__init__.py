"""Plugins that fail on purpose (ControlRoom's tests): each must be reported, none may stop the app."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QLabel

from controlroom.plugin_api import Plugin, PluginContext


class BrokenPlugin(Plugin):
    """Adds a dock, then raises in setup: the dock must go away again."""

    NAME = "broken"
    TITLE = "Broken on purpose"
    API_VERSION = (1, 0)

    def setup(self, ctx: PluginContext) -> None:
        ctx.add_dock(QLabel("half set up"), "Broken", "left")
        raise RuntimeError("the broken plugin breaks in setup, as it should")


class CrashingPlugin(Plugin):
    """Starts a task that raises once the first batch of live events arrived."""

    NAME = "crashing"
    TITLE = "Crashes at run time"
    API_VERSION = (1, 0)

    def setup(self, ctx: PluginContext) -> None:
        self.first_batch = asyncio.Event()
        ctx.add_status_widget(QLabel("crashing: waiting for events"))
        ctx.on_events(lambda _batch: self.first_batch.set())
        self.task = ctx.start_task(self.crash_after_events(), "crash")

    async def crash_after_events(self) -> None:
        await self.first_batch.wait()
        raise RuntimeError("the crashing plugin's task fails after the first events")


class FuturePlugin(Plugin):
    """Written for a plugin API this ControlRoom does not have."""

    NAME = "future"
    TITLE = "From the future"
    API_VERSION = (2, 0)

    def setup(self, ctx: PluginContext) -> None:
        raise AssertionError("never called: the API version is refused first")


class NeedsMissingPlugin(Plugin):
    NAME = "needs_missing"
    TITLE = "Needs a missing plugin"
    API_VERSION = (1, 0)
    REQUIRES = ("no_such_plugin",)
