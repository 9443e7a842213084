"""Tours (轮巡) in the UI: a tile tour from the tile's menu, a wall tour from the toolbar.

A tile tour cycles cameras on one tile (``WallController.set_tile_tour``); a
wall tour cycles saved views or pages through a site's cameras. Both run on
the wall's one clock (``WallPane``'s tick), show a live countdown, pause and
resume, and pre-roll what comes next on the tiles' hidden surfaces so that a
step shows live video at once.
"""

from __future__ import annotations

from controlroom.ui.wall.wall_view import PREROLL_LEAD, WallPane
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from controlroom.wall.tours import MIN_INTERVAL, Tour, TourSpec, pages


def _interval_box(parent: QWidget, value: int = 10) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(int(MIN_INTERVAL), 3600)
    box.setValue(value)
    box.setSuffix(QCoreApplication.translate("TileTourDialog", " s"))
    return box


class TileTourDialog(QDialog):
    """Which cameras a tile tours and how long each stays."""

    def __init__(self, pane: WallPane, tile: int) -> None:
        super().__init__(pane)
        self.setWindowTitle(self.tr("Tile tour"))
        self.pane = pane
        self.tile = tile
        self.source = QComboBox(self)
        cam_id = pane.camera_on(tile)
        cam = pane.inventory.cameras.get(cam_id or "")
        self._choices: list[list[str]] = []
        if cam is not None:
            site = pane.inventory.sites.get(cam.site_id)
            ids = [c.id for c in pane.inventory.site_cameras(cam.site_id)]
            if len(ids) > 1:
                self.source.addItem(self.tr("Cameras of {site} ({n})").format(
                    site=site.name if site else cam.site_id, n=len(ids)))
                self._choices.append(ids)
        wall_ids = list(dict.fromkeys(s.camera_id for s in pane.controller.tiles if s.camera_id))
        if len(wall_ids) > 1:
            self.source.addItem(self.tr("Cameras on this wall ({n})").format(n=len(wall_ids)))
            self._choices.append(wall_ids)
        self.interval = _interval_box(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Cameras:"), self.source)
        form.addRow(self.tr("Each camera for:"), self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if not self._choices:
            note = QLabel(self.tr("Put a camera on this tile first: the tour cycles its site's cameras."))
            note.setWordWrap(True)
            form.addRow(note)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        form.addRow(buttons)

    def cameras(self) -> list[str]:
        return self._choices[self.source.currentIndex()] if self._choices else []


def ask_tile_tour(pane: WallPane, tile: int) -> None:
    dialog = TileTourDialog(pane, tile)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.cameras():
        pane.start_tile_tour(tile, dialog.cameras(), float(dialog.interval.value()))
        pane.message.emit(QCoreApplication.translate("WallPane", "Tile tour started: {n} cameras, {s} s each.").format(
            n=len(dialog.cameras()), s=dialog.interval.value()))
    dialog.deleteLater()


class WallTour(QObject):
    """A tour of the whole wall: saved views, or pages of a site's cameras."""

    changed = Signal()

    def __init__(self, pane: WallPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.tour: Tour[object] | None = None
        self.kind: str | None = None  # "views" or "pages"
        self._views: dict[str, object] = {}
        pane.tick_hooks.append(self._tick)
        pane.preroll_sources.append(self._prerolls)

    @property
    def running(self) -> bool:
        return self.tour is not None

    def start_views(self, views: dict[str, object], interval: float) -> None:
        """Cycle saved views (name -> View)."""
        self._views = dict(views)
        self._start("views", TourSpec(tuple(views), interval))

    def start_pages(self, camera_ids: list[str], interval: float) -> None:
        """Page through cameras, a wall-full at a time (the last page may leave tiles empty)."""
        size = len(self.pane.tiles)
        self._start("pages", TourSpec(tuple(pages(camera_ids, size)), interval))

    def _start(self, kind: str, spec: TourSpec[object]) -> None:
        now = self.pane.clock()
        self.kind = kind
        self.tour = Tour(spec, now)
        self._show(self.tour.current)
        self.changed.emit()

    def stop(self) -> None:
        self.tour = None
        self.kind = None
        self.changed.emit()

    def set_paused(self, paused: bool) -> None:
        if self.tour is None:
            return
        now = self.pane.clock()
        if paused:
            self.tour.pause(now)
        else:
            self.tour.resume(now)
        self.changed.emit()

    def _assignments(self, item: object) -> dict[int, str]:
        if self.kind == "pages":
            return dict(enumerate(item))  # type: ignore[call-overload]
        view = self._views.get(item)  # type: ignore[call-overload]
        return dict(getattr(view, "assignments", {}))

    def _show(self, item: object) -> None:
        c = self.pane.controller
        if self.kind == "views":
            view = self._views.get(item)  # type: ignore[call-overload]
            if view is not None:
                self.pane.load_view(view)  # type: ignore[arg-type]
            return
        ids = list(item)  # type: ignore[call-overload]
        c.fill(0, [*ids, *([None] * (len(c.tiles) - len(ids)))])  # one change: the page, the rest emptied

    def _tick(self, now: float) -> None:
        if self.tour is not None and self.tour.due(now):
            with self.pane.controller.unrecorded():  # a tour's step is not an operator's change to undo
                self._show(self.tour.advance(now))
            self.changed.emit()

    def _prerolls(self, now: float) -> dict[int, str]:
        tour = self.tour
        if tour is None or tour.paused or tour.remaining(now) > PREROLL_LEAD:
            return {}
        nxt = tour.peek_next()
        if nxt is None:
            return {}
        if self.kind == "views":
            view = self._views.get(nxt)  # type: ignore[call-overload]
            if view is None or len(view.layout) != len(self.pane.tiles):  # type: ignore[attr-defined]
                return {}  # another layout: its tiles do not exist yet
        return self._assignments(nxt)

    def countdown_text(self) -> str:
        tour = self.tour
        if tour is None:
            return ""
        n = len(tour.spec.items)
        what = self.tr("Page") if self.kind == "pages" else self.tr("View")
        if tour.paused:
            return self.tr("{what} {i}/{n} · paused").format(what=what, i=tour.index + 1, n=n)
        left = int(tour.remaining(self.pane.clock()) + 0.999)
        return self.tr("{what} {i}/{n} · next in {s} s").format(what=what, i=tour.index + 1, n=n, s=left)


class WallTourDialog(QDialog):
    """Start a wall tour: cycle the saved views, or page through the cameras of a site."""

    def __init__(self, pane: WallPane, view_names: list[str], site_id: str | None) -> None:
        super().__init__(pane)
        self.setWindowTitle(self.tr("Wall tour"))
        self.mode = QComboBox(self)
        self.modes: list[str] = []
        if len(view_names) > 1:
            self.mode.addItem(self.tr("Cycle the saved views ({n})").format(n=len(view_names)))
            self.modes.append("views")
        self.site_id = site_id
        if site_id is not None:
            site = pane.inventory.sites.get(site_id)
            n = len(pane.controller.camera_ids_for("site", site_id))
            self.mode.addItem(self.tr("Page through the cameras of {site} ({n})").format(
                site=site.name if site else site_id, n=n))
            self.modes.append("pages")
        self.interval = _interval_box(self, 15)
        form = QFormLayout(self)
        form.addRow(self.tr("Tour:"), self.mode)
        form.addRow(self.tr("Each step for:"), self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if not self.modes:
            note = QLabel(self.tr("Save two views or more, or select a site in the list, to tour the wall."))
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(note)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        form.addRow(buttons)

    def chosen(self) -> str | None:
        return self.modes[self.mode.currentIndex()] if self.modes else None
