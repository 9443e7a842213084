"""The grid board pane: pyqtgraph charts that follow the live events without stalling video.

Three charts in one ``GraphicsLayoutWidget`` (one QGraphicsView, not three):
grids by status per town (horizontal stacked bars, a pattern over each
colour), the camera online rate over time (sampled every few seconds from
the inventory), and alerts per hour (from ``alert.raised`` events, seeded
from the platform's recent alerts).

Event batches never redraw: they mark what is dirty and a single-shot timer
redraws at most ``1000 / redraw_ms`` times a second (the benchmark measures
what that costs the GUI loop).
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import pyqtgraph as pg
from controlroom.plugins.grid_board.widgets.axes import MIN_SPAN, TimeAxis, TownAxis
from controlroom.ui.api import (
    GridStaleness,
    age_text,
    hatch_brush,
    put_text,
    stale_banner_text,
    status_colour,
    status_label,
    status_text,
    swatch,
)
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom import grids as G
from controlroom.api.schema import Alert, AlertRaisedEvent, Event, GridStatus, GridStatusEvent
from controlroom.inventory import Inventory, InventoryDelta

REDRAW_MS = 250
SAMPLE_SECONDS = 5
RATE_HISTORY = 720  # samples kept: an hour at 5 s

BACKGROUND = "#171a1e"
TEXT = "#d5d9de"
DIM = "#7c848d"
BAR_HEIGHT = 0.72


def _style_axis(axis: pg.AxisItem) -> None:
    axis.setPen(pg.mkPen(DIM))
    axis.setTextPen(pg.mkPen(TEXT))


class GridBoard(QWidget):
    """The board of one session's inventory and events. ``wall`` is the WallController (or None)."""

    #: the statuses became stale (True) or fresh again (False)
    stale_changed = Signal(bool)

    def __init__(self, inventory: Inventory, wall: Any = None, *, redraw_ms: int = REDRAW_MS,
                 sample_seconds: int = SAMPLE_SECONDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridBoard")
        self.inventory = inventory
        self.wall = wall
        self.alerts = G.HourlyCounts(24)
        self.rate: deque[tuple[float, float]] = deque(maxlen=RATE_HISTORY)
        self.stale = GridStaleness(parent=self)
        self.stale.changed.connect(self._show_stale)
        self.stale.toggled.connect(self.stale_changed)
        self.shown_status: dict[str, str] = {}  # what the bars were last drawn from
        self.shown_counts: dict[int | None, Counter[GridStatus]] = {}
        self.redraws = 0
        self.redraw_seconds: list[float] = []
        self.events_seen = 0
        self._dirty: set[str] = {"status", "rate", "alerts"}
        self._geometry: G.GridGeometry | None = None
        self._towns: list[int] = []
        self._incident_ids: tuple[str, ...] = ()

        # ---- header: a count per status (glyph, words, pattern swatch) and the stale banner
        # two statuses a row: the pane must fit a side dock a quarter of the window wide
        header = QGridLayout()
        header.setHorizontalSpacing(8)
        header.setVerticalSpacing(2)
        self.totals: dict[str, QLabel] = {}
        for i, status in enumerate(G.STATUS_ORDER):
            sw = QLabel()
            sw.setPixmap(swatch(status))
            label = QLabel()
            label.setToolTip(status_text(status))
            self.totals[str(status)] = label
            header.addWidget(sw, i // 2, (i % 2) * 2)
            header.addWidget(label, i // 2, (i % 2) * 2 + 1)
        header.setColumnStretch(4, 1)
        self.updated = QLabel()
        self.updated.setStyleSheet(f"color: {DIM};")
        header.addWidget(self.updated, 0, 5, Qt.AlignmentFlag.AlignRight)
        self.banner = QLabel()
        self.banner.setObjectName("gridBoardStale")
        self.banner.setStyleSheet("background: #5a4312; color: #ffe2a8; padding: 3px 6px; font-weight: 600;")
        self.banner.hide()

        # ---- the charts
        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setBackground(BACKGROUND)
        self.charts.ci.setSpacing(14)
        # town names thinned and elided to the pane's height; times in the operator's language
        self.town_axis = TownAxis()
        self.status_plot = self.charts.addPlot(row=0, col=0, axisItems={"left": self.town_axis})
        self.rate_plot = self.charts.addPlot(row=1, col=0, axisItems={"bottom": TimeAxis()})
        self.alert_plot = self.charts.addPlot(row=2, col=0, axisItems={"bottom": TimeAxis()})
        self.charts.ci.layout.setRowStretchFactor(0, 5)
        self.charts.ci.layout.setRowStretchFactor(1, 2)
        self.charts.ci.layout.setRowStretchFactor(2, 2)
        for plot in (self.status_plot, self.rate_plot, self.alert_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            for name in ("left", "bottom"):
                _style_axis(plot.getAxis(name))
        self._titles = {
            "status": self.tr("Grids by status, per town"),
            "rate": self.tr("Cameras online (%)"),
            "alerts": self.tr("Alerts per hour (last 24 h)"),
        }
        self.status_plot.invertY(True)  # the first town at the top
        self.status_plot.showGrid(x=True, y=False, alpha=0.15)
        self.status_plot.getAxis("bottom").setLabel(self.tr("grids"), color=DIM)
        self._bars: dict[str, tuple[pg.BarGraphItem, pg.BarGraphItem]] = {}
        for status in G.STATUS_ORDER:
            fill = pg.BarGraphItem(x0=[], y=[], height=BAR_HEIGHT, width=[],
                                   brush=status_colour(status, 230), pen=pg.mkPen("#0b0d10", width=1))
            over = pg.BarGraphItem(x0=[], y=[], height=BAR_HEIGHT, width=[],
                                   brush=hatch_brush(status), pen=pg.mkPen(None))
            self.status_plot.addItem(fill)
            self.status_plot.addItem(over)
            self._bars[str(status)] = (fill, over)
        self.rate_curve = self.rate_plot.plot([], [], pen=pg.mkPen("#56b4e9", width=2))
        self.rate_plot.showGrid(x=True, y=True, alpha=0.15)
        self.alert_bars = pg.BarGraphItem(x=[], height=[], width=3600 * 0.8, brush=QColor("#cc79a7"),
                                          pen=pg.mkPen("#0b0d10"))
        self.alert_plot.addItem(self.alert_bars)
        self.alert_plot.showGrid(x=False, y=True, alpha=0.15)
        self._set_titles()

        # ---- incident wall: a grid in incident (or attention) and its neighbours on the wall
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Grid:")))
        self.grid_choice = QComboBox()
        self.grid_choice.setMinimumContentsLength(24)
        self.grid_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grid_choice.setToolTip(self.tr("Grids in incident, then grids needing attention"))
        row.addWidget(self.grid_choice, 1)
        self.incident_button = QPushButton(self.tr("Incident wall"))
        self.incident_button.setObjectName("incidentWall")
        self.incident_button.setToolTip(self.tr("Put this grid's cameras and its neighbours' on the wall"))
        self.incident_button.clicked.connect(self._incident_clicked)
        row.addWidget(self.incident_button)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #b8c0c8;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.charts, 1)
        layout.addLayout(row)
        layout.addWidget(self.info)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(redraw_ms)
        self._timer.timeout.connect(self.redraw)
        self._sampler = QTimer(self)
        self._sampler.setInterval(sample_seconds * 1000)
        self._sampler.timeout.connect(self.sample)
        self._sampler.start()
        if inventory.cameras:
            self.sample()
        self._mark("status")

    def stop(self) -> None:
        for timer in (self._timer, self._sampler):
            timer.stop()
        self.stale.stop()

    # ------------------------------------------------------------------ live input

    def on_events(self, batch: list[Event]) -> None:
        """A batch of live events: count alerts, mark statuses dirty. No drawing here."""
        self.events_seen += len(batch)
        for ev in batch:
            if isinstance(ev, AlertRaisedEvent):
                if self.alerts.add(ev.alert.id, ev.alert.raised_at):
                    self._mark("alerts")
            elif isinstance(ev, GridStatusEvent):
                self._mark("status")

    def on_inventory(self, delta: InventoryDelta) -> None:
        if delta.reset:
            self._geometry = None
            self._mark("status")
            self.sample()
        elif delta.grids:
            self._mark("status")

    def add_alerts(self, alerts: Iterable[Alert]) -> None:
        """Alerts from before the board started (the platform's recent ones)."""
        if any([self.alerts.add(a.id, a.raised_at) for a in alerts]):
            self._mark("alerts")

    def sample(self) -> None:
        """One point of the online-rate line, from the inventory as it is now."""
        online, total = G.online_rate(self.inventory)
        if total:
            self.rate.append((time.time(), 100.0 * online / total))
            self._mark("rate")

    def _mark(self, what: str) -> None:
        self._dirty.add(what)
        if not self._timer.isActive():
            self._timer.start()

    # ------------------------------------------------------------------ drawing (coalesced)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def redraw(self) -> None:
        if not self.isVisible() and self.shown_status:
            return  # a hidden board catches up when shown (showEvent); what is dirty stays dirty
        t0 = time.perf_counter()
        dirty, self._dirty = self._dirty, set()
        if "status" in dirty:
            self._draw_status()
        if "rate" in dirty and self.rate:
            xs, ys = zip(*self.rate, strict=True)
            self.rate_curve.setData(list(xs), list(ys))
            # at least MIN_SPAN wide, ending now: one sample at start is a point, not a 1 s axis
            self.rate_plot.setXRange(min(xs[0], xs[-1] - MIN_SPAN), xs[-1], padding=0.02)
            low = min(ys)
            self.rate_plot.setYRange(max(0.0, min(low - 2.0, 90.0)), 100.0, padding=0)
        if "alerts" in dirty:
            series = self.alerts.series()
            self.alert_bars.setOpts(x=[h.timestamp() + 1800 for h, _n in series], height=[n for _h, n in series])
            top = max((n for _h, n in series), default=0)
            self.alert_plot.setYRange(0, max(5, top * 1.15), padding=0)
            first, last = series[0][0].timestamp(), series[-1][0].timestamp() + 3600
            self.alert_plot.setXRange(first, last, padding=0.01)
        self.updated.setText(self.tr("Updated {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        self.redraws += 1
        self.redraw_seconds.append(time.perf_counter() - t0)
        del self.redraw_seconds[:-1000]

    def _draw_status(self) -> None:
        inv = self.inventory
        counts = G.status_counts(inv)
        names = G.town_names(inv)
        towns = sorted(t for t in counts if t is not None)
        if None in counts:  # county-level grids, or grids whose site this user cannot see
            towns.append(None)  # type: ignore[arg-type]
        if towns != self._towns:
            self._towns = towns
            self.town_axis.set_names([names.get(t, self.tr("Town {n}").format(n=t)) if t is not None
                                      else self.tr("County") for t in towns])
        ys = list(range(len(towns)))
        left = [0] * len(towns)
        for status in G.STATUS_ORDER:
            widths = [counts[t][status] for t in towns]
            fill, over = self._bars[str(status)]
            fill.setOpts(x0=list(left), y=ys, width=widths, height=BAR_HEIGHT)
            over.setOpts(x0=list(left), y=ys, width=widths, height=BAR_HEIGHT)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        most = max(left, default=0)
        self.status_plot.setXRange(0, max(10, most * 1.05), padding=0)
        self.status_plot.setYRange(-0.6, max(len(towns), 1) - 0.4, padding=0)
        self.shown_counts = counts
        self.shown_status = {gid: str(g.status) for gid, g in inv.grids.items()}
        total = Counter(self.shown_status.values())
        for status, label in self.totals.items():
            label.setText(f"{status_label(status)}  {total.get(status, 0):,}")
        self._fill_choice()

    def _fill_choice(self) -> None:
        inv = self.inventory
        rank = {GridStatus.INCIDENT: 0, GridStatus.ATTENTION: 1}
        picked = sorted(
            (g for g in inv.grids.values() if g.status in rank),
            key=lambda g: (rank[g.status], G.town_of(inv, g) or 0, g.name),
        )
        ids = tuple(g.id for g in picked)
        if ids == self._incident_ids:
            return
        self._incident_ids = ids
        current = self.grid_choice.currentData()
        names = G.town_names(inv)
        self.grid_choice.blockSignals(True)
        self.grid_choice.clear()
        for g in picked:
            town = G.town_of(inv, g)
            where = names.get(town, "") if town is not None else ""
            text = f"{status_label(g.status)} · {g.name}" + (f" · {where}" if where else "")
            if g.status_reason:
                text += f" — {g.status_reason}"
            self.grid_choice.addItem(text, g.id)
        if current in ids:
            self.grid_choice.setCurrentIndex(ids.index(current))
        self.grid_choice.blockSignals(False)
        self.incident_button.setEnabled(bool(ids) and self.wall is not None)

    def _set_titles(self) -> None:
        age = self.stale.age()
        suffix = f" — {age_text(age)}" if age is not None else ""
        self.status_plot.setTitle(self._titles["status"] + suffix, color=TEXT, size="10pt")
        self.rate_plot.setTitle(self._titles["rate"] + suffix, color=TEXT, size="10pt")
        self.alert_plot.setTitle(self._titles["alerts"], color=TEXT, size="10pt")

    # ------------------------------------------------------------------ staleness

    def on_state(self, state: Any, _detail: str = "") -> None:
        self.stale.set_state(str(state))

    def _show_stale(self) -> None:
        age = self.stale.age()
        stale = age is not None
        if stale:
            self.banner.setText(stale_banner_text(age))
        self.banner.setVisible(stale)
        self.status_plot.setOpacity(0.45 if stale else 1.0)
        self._set_titles()

    def stale_text(self) -> str:
        return self.banner.text() if self.stale.stale else ""

    # ------------------------------------------------------------------ incident wall

    def _incident_clicked(self) -> None:
        gid = self.grid_choice.currentData()
        if gid:
            self.incident_wall(str(gid))

    def incident_wall(self, grid_id: str) -> G.WallPut | None:
        """Put a grid's cameras and its neighbours' on the wall."""
        inv = self.inventory
        if self._geometry is None:
            self._geometry = G.GridGeometry.build(inv.grids.values())
        ids, around = G.incident_camera_ids(inv, self._geometry, grid_id)
        grid = inv.grids.get(grid_id)
        name = grid.name if grid is not None else grid_id
        if self.wall is None or not ids:
            self.info.setText(put_text(self.wall, name, ids, around))
            return None
        done = G.put_on_wall(self.wall, ids)
        self.info.setText(put_text(self.wall, name, ids, around, done))
        return done


__all__ = ["GridBoard"]
