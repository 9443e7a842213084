"""ControlRoom's example third-party plugin: live events counted by type.

It shows the whole plugin API in a few lines (see this folder's README):
a dock pane, a status-bar widget, a menu action, a typed setting and an
event listener, all through the ``PluginContext`` it is given. Everything it
adds is removed by ControlRoom when it stops, so ``teardown`` has nothing
left to do.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from controlroom.api.schema import Event, event_type
from controlroom.plugin_api import Plugin, PluginContext, Setting

__version__ = "1.0.0"


class EventCounts(QWidget):
    """The dock's content: one row per event type, with its count."""

    def __init__(self, ctx: PluginContext) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self.total = QLabel()
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([ctx.tr("Event type"), ctx.tr("Count")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        self._ctx = ctx
        self.show_counts()

    def show_counts(self) -> None:
        rows = sorted(self.counts.items())
        self.table.setRowCount(len(rows))
        for row, (kind, n) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(kind))
            count = QTableWidgetItem(f"{n:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, count)
        self.total.setText(self._ctx.tr("Live events: {n}").format(n=f"{self.counts.total():,}"))


class ExamplePlugin(Plugin):
    NAME = "example"  # the entry point's name (pyproject.toml)
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Event counter (example)")
    API_VERSION = (1, 0)
    SETTINGS: ClassVar[dict[str, Setting]] = {
        "ignore_types": Setting(
            list, [], "Event types not counted, e.g. camera.status.",
            choices=("camera.status", "grid.status", "alert.raised", "alert.acknowledged",
                     "conference.updated", "resync"),
        ),
    }

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.pane = EventCounts(ctx)
        self.dock = ctx.add_dock(self.pane, ctx.tr("Live events"), "right")
        self.status = QLabel()
        ctx.add_status_widget(self.status)
        ctx.add_action(ctx.tr("Reset event counts"), self.reset, "Ctrl+Shift+E")
        ctx.on_events(self.count)
        self._show_status()
        ctx.log.info("counting live events")

    def count(self, batch: list[Event]) -> None:
        ignored = set(self.ctx.settings.get("ignore_types"))
        self.pane.counts.update(t for t in map(event_type, batch) if t not in ignored)
        self.pane.show_counts()
        self._show_status()

    def reset(self) -> None:
        self.pane.counts.clear()
        self.pane.show_counts()
        self._show_status()

    def _show_status(self) -> None:
        self.status.setText(self.ctx.tr("Events: {n}").format(n=f"{self.pane.counts.total():,}"))

    def teardown(self) -> None:
        # The dock, the status widget, the action and the listener were added
        # through the context: ControlRoom removes them. Nothing else to undo.
        self.ctx.log.info("stopped")
