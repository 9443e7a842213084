"""The wall controller: what is on which tile, which tile is selected, which one is maximised.

Every operator action on the wall (drop a camera or a village, swap two
tiles, clear one, change the layout, maximise, move the selection with the
arrow keys, step a tile tour) goes through here and is announced to
listeners as one ``WallChange``: the UI adapts listeners to Qt signals and
starts or stops players for the tiles named. Plain Python, no Qt.

Only the operator's choices live here; what a player is doing (connecting,
playing, failed) belongs to the video layer and never reaches a saved view.

Three things protect the operator's work:

- a layout that shrinks *parks* the cameras (and tile tours) of the tiles it
  drops; a layout that grows again gives them back to the same tiles
  (9 -> 1 -> 4 shows tiles 1-4 again). Parked cameras are not part of what
  the operator sees, so a saved view does not hold them (``view``);
- every change of what is on the wall (assign, fill, swap, clear, layout,
  tile tours, views, incident walls) is one step of a bounded history:
  ``undo`` / ``redo``;
- an action that replaces the whole wall (a grid on the map, an alert with
  several cameras) opens an *incident wall* (``open_incident``): the
  operator's wall is kept aside as it was and ``leave_incident`` brings it
  back, instead of the view being overwritten.

``modified`` tells whether the wall still shows the view it came from
(``baseline``), for the "•" marker, Save and Revert.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from controlroom.api.schema import Camera
from controlroom.inventory import Inventory
from controlroom.listeners import Listeners
from controlroom.wall.layouts import PRESETS, Layout
from controlroom.wall.policy import Decision, StreamPolicy, TileDemand
from controlroom.wall.tours import Tour, TourSpec
from controlroom.wall.views import View

log = logging.getLogger("controlroom.wall")

SourceKind = Literal["camera", "site", "grid"]


@dataclass(frozen=True)
class TileSlot:
    """What the operator put on a tile: a camera, or nothing."""

    camera_id: str | None = None


@dataclass(frozen=True)
class WallChange:
    """What one operation changed.

    ``tiles``: tiles whose camera or tour changed (after a layout change this
    may name tiles that no longer exist, so their players can be stopped);
    ``layout``: the geometry changed (every tile must be placed again);
    ``selection`` / ``maximised``: the selected or maximised tile changed;
    ``flash``: tiles to draw the eye to (an alert put its camera there).
    """

    tiles: frozenset[int] = frozenset()
    layout: bool = False
    selection: bool = False
    maximised: bool = False
    flash: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.tiles) or self.layout or self.selection or self.maximised or bool(self.flash)


Listener = Callable[[WallChange], None]

#: How many wall states ``undo`` can go back (each a few hundred bytes: 64 tiles of ids).
HISTORY = 50


@dataclass(frozen=True)
class _Parked:
    """A tile that the layout dropped: what was on it, to give back when the layout grows."""

    camera_id: str | None
    tour: TourSpec[str] | None


@dataclass(frozen=True)
class WallState:
    """Everything ``undo`` restores: the operator's choices, no runtime state (tours restart)."""

    name: str | None
    layout: Layout
    slots: tuple[TileSlot, ...]
    tours: tuple[tuple[int, TourSpec[str]], ...]
    parked: tuple[tuple[int, _Parked], ...]
    baseline: View | None
    incident: Incident | None = None


@dataclass(frozen=True)
class Incident:
    """A temporary wall shown over the operator's own: its title and the wall to go back to."""

    title: str
    home: WallState


def _natural(text: str) -> tuple[object, ...]:
    # "村口 2" before "村口 10": operators number cameras, they do not spell them
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


class WallController:
    """The current wall: a layout, a slot per tile, a selection, a maximised tile, tile tours."""

    def __init__(self, inventory: Inventory, policy: StreamPolicy | None = None,
                 layout: Layout | None = None) -> None:
        self.inventory = inventory
        self.policy = policy if policy is not None else StreamPolicy()
        self.name: str | None = None  # the view this wall came from, if any
        self._layout = layout if layout is not None else PRESETS[9]
        self._slots: list[TileSlot] = [TileSlot()] * len(self._layout)
        self._tours: dict[int, Tour[str]] = {}
        self._selected: int | None = None
        self._maximised: int | None = None
        self._parked: dict[int, _Parked] = {}
        #: the view as loaded or last saved: what ``modified`` compares with
        self.baseline: View | None = None
        self._incident: Incident | None = None
        self._undo: list[WallState] = []
        self._redo: list[WallState] = []
        self._recording = True
        self._listeners: Listeners[[WallChange]] = Listeners(log, "wall")

    # ------------------------------------------------------------------ listening

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with each change; returns an unsubscribe function."""
        return self._listeners.add(listener)

    def _announce(self, change: WallChange) -> WallChange:
        if change:  # an operation that changed nothing announces nothing
            self._listeners.emit(change)
        return change

    # ------------------------------------------------------------------ state

    @property
    def layout(self) -> Layout:
        return self._layout

    @property
    def tiles(self) -> tuple[TileSlot, ...]:
        return tuple(self._slots)

    def slot(self, tile: int) -> TileSlot:
        return self._slots[self._check(tile)]

    @property
    def selected(self) -> int | None:
        return self._selected

    @property
    def maximised(self) -> int | None:
        return self._maximised

    def tour(self, tile: int) -> Tour[str] | None:
        """The tile's tour (for its countdown, pause and resume), if it has one."""
        return self._tours.get(tile)

    def _check(self, tile: int) -> int:
        if isinstance(tile, bool) or not isinstance(tile, int) or not 0 <= tile < len(self._slots):
            raise IndexError(f"there is no tile {tile!r} in a layout of {len(self._slots)}")
        return tile

    # ------------------------------------------------------------------ cameras on tiles

    def assign(self, tile: int, camera_id: str | None) -> WallChange:
        """Put a camera on a tile (None empties it); a tour on that tile stops: the operator chose."""
        self._check(tile)
        before = self.state()
        changed = self._set(tile, camera_id) | self._drop_tour(tile)
        return self._announce(self._step(before, WallChange(frozenset({tile}) if changed else frozenset())))

    def fill(self, start_tile: int, camera_ids: Iterable[str | None]) -> int:
        """Put cameras on the tiles from ``start_tile`` on, in order, over whatever was there.

        Returns how many cameras did not fit, so the UI can say "12 more
        cameras than tiles" (and offer a page tour).
        """
        self._check(start_tile)
        before = self.state()
        ids = list(camera_ids)
        room = len(self._slots) - start_tile
        changed: set[int] = set()
        for offset, camera_id in enumerate(ids[:room]):
            tile = start_tile + offset
            if self._set(tile, camera_id) | self._drop_tour(tile):
                changed.add(tile)
        self._announce(self._step(before, WallChange(frozenset(changed))))
        return max(0, len(ids) - room)

    def swap(self, a: int, b: int) -> WallChange:
        """Swap two tiles' cameras (and tours): a tile dragged onto another."""
        self._check(a)
        self._check(b)
        if a == b:
            return WallChange()
        before = self.state()
        self._slots[a], self._slots[b] = self._slots[b], self._slots[a]
        ta, tb = self._tours.pop(a, None), self._tours.pop(b, None)
        if ta is not None:
            self._tours[b] = ta
        if tb is not None:
            self._tours[a] = tb
        same = self._slots[a] == self._slots[b] and ta is None and tb is None
        return self._announce(self._step(before, WallChange(frozenset() if same else frozenset({a, b}))))

    def clear(self, tile: int | None = None) -> WallChange:
        """Empty one tile, or every tile (None: the parked cameras go too, the wall is empty)."""
        tiles = range(len(self._slots)) if tile is None else [self._check(tile)]
        before = self.state()
        changed = {t for t in tiles if self._set(t, None) | self._drop_tour(t)}
        if tile is None:
            self._parked.clear()
        return self._announce(self._step(before, WallChange(frozenset(changed))))

    def _set(self, tile: int, camera_id: str | None) -> bool:
        slot = TileSlot(camera_id)
        if self._slots[tile] == slot:
            return False
        self._slots[tile] = slot
        return True

    def _drop_tour(self, tile: int) -> bool:
        return self._tours.pop(tile, None) is not None

    # ------------------------------------------------------------------ tile tours (轮巡)

    def set_tile_tour(self, tile: int, spec: TourSpec[str] | None, now: float | None = None) -> WallChange:
        """Give a tile a tour of cameras (None removes it); it shows its first camera now.

        With ``now`` the tour starts counting at once; without, at the next ``tick``.
        """
        self._check(tile)
        before = self.state()
        if spec is None:
            dropped = self._drop_tour(tile)
            return self._announce(self._step(before, WallChange(frozenset({tile}) if dropped else frozenset())))
        tour: Tour[str] = Tour(spec, now)
        self._tours[tile] = tour
        self._set(tile, tour.current)
        return self._announce(self._step(before, WallChange(frozenset({tile}))))

    def tick(self, now: float) -> WallChange:
        """Start tours that wait to start and step those that are due: one change for all."""
        changed: set[int] = set()
        for tile, tour in sorted(self._tours.items()):
            if not tour.started:  # never resume one the operator paused
                tour.start(now)
            if tour.due(now) and self._set(tile, tour.advance(now)):
                changed.add(tile)
        return self._announce(WallChange(frozenset(changed)))

    def prerolls(self) -> dict[int, str]:
        """Tile -> the camera its tour shows next, for the player to pre-roll out of sight."""
        out: dict[int, str] = {}
        for tile, tour in self._tours.items():
            nxt = tour.peek_next()
            if nxt is not None and nxt != self._slots[tile].camera_id:
                out[tile] = nxt
        return out

    # ------------------------------------------------------------------ layout

    def set_layout(self, layout: Layout) -> WallChange:
        """Change the layout; tiles that still exist keep their cameras and tours.

        The tiles a smaller layout drops are parked, not forgotten: a larger
        layout later gives each its camera (or tour) back, on the same tile.
        """
        before = self.state()
        change = self._relayout(layout)
        return self._announce(self._step(before, change))

    def _relayout(self, layout: Layout) -> WallChange:
        old_count = len(self._slots)
        n = len(layout)
        removed = {t for t in range(n, old_count) if self._slots[t].camera_id is not None or t in self._tours}
        for t in removed:  # park what the smaller layout cannot show
            tour = self._tours.get(t)
            self._parked[t] = _Parked(self._slots[t].camera_id if tour is None else None,
                                      tour.spec if tour is not None else None)
        self._layout = layout
        self._slots = self._slots[:n] + [TileSlot()] * max(0, n - old_count)
        self._tours = {t: tour for t, tour in self._tours.items() if t < n}
        for t in [t for t in self._parked if t < n]:  # give back what fits again
            parked = self._parked.pop(t)
            if parked.tour is not None:
                restored: Tour[str] = Tour(parked.tour)
                self._tours[t] = restored
                self._slots[t] = TileSlot(restored.current)
            else:
                self._slots[t] = TileSlot(parked.camera_id)
        selection = maximised = False
        if self._selected is not None and self._selected >= n:
            self._selected, selection = n - 1, True
        if self._maximised is not None and self._maximised >= n:
            self._maximised, maximised = None, True
        return WallChange(frozenset(removed), True, selection, maximised)

    @property
    def parked(self) -> dict[int, str | None]:
        """Tile -> the camera the layout dropped from it (None for a parked tour's tile), for the UI."""
        return {t: (p.camera_id if p.tour is None else (p.tour.items[0] if p.tour.items else None))
                for t, p in sorted(self._parked.items())}

    # ------------------------------------------------------------------ selection and maximise

    def flash(self, tiles: Iterable[int]) -> WallChange:
        """Draw the operator's eye to these tiles (runtime only: nothing is stored)."""
        valid = frozenset(t for t in tiles if 0 <= t < len(self.layout))
        return self._announce(WallChange(flash=valid))

    def select(self, tile: int | None) -> WallChange:
        if tile is not None:
            self._check(tile)
        if tile == self._selected:
            return WallChange()
        self._selected = tile
        return self._announce(WallChange(selection=True))

    def move_selection(self, dx: int, dy: int) -> WallChange:
        """Arrow keys: move the selection by whole tiles, crossing merged tiles in one step.

        With nothing selected, the first arrow selects tile 0. At the edge of
        the wall the selection stays (no wrapping: an operator counting tiles
        must not jump to the other side).
        """
        if self._selected is None:
            return self.select(0)
        tile = self._selected
        for _ in range(abs(dx)):
            tile = self._layout.neighbour(tile, 1 if dx > 0 else -1, 0)
        for _ in range(abs(dy)):
            tile = self._layout.neighbour(tile, 0, 1 if dy > 0 else -1)
        return self.select(tile)

    def maximise(self, tile: int) -> WallChange:
        """Show one tile over the whole wall (double-click, Enter); it also becomes selected."""
        self._check(tile)
        maximised = self._maximised != tile
        selection = self._selected != tile
        self._maximised = tile
        self._selected = tile
        return self._announce(WallChange(selection=selection, maximised=maximised))

    def restore(self) -> WallChange:
        if self._maximised is None:
            return WallChange()
        self._maximised = None
        return self._announce(WallChange(maximised=True))

    def toggle_maximise(self, tile: int) -> WallChange:
        return self.restore() if self._maximised == tile else self.maximise(tile)

    # ------------------------------------------------------------------ views

    def view(self, name: str | None = None) -> View:
        """A snapshot of the wall to save: layout, cameras and tile tours, no runtime state.

        A touring tile is saved as its tour, not as the camera it happens to
        show. Parked cameras are not saved: a view is what the operator sees.
        """
        name = name if name is not None else (self.name or "")
        assignments = {t: s.camera_id for t, s in enumerate(self._slots)
                       if s.camera_id is not None and t not in self._tours}
        return View(name, self._layout, assignments, {t: tour.spec for t, tour in self._tours.items()})

    def load_view(self, view: View) -> WallChange:
        """Show a saved view; its tours wait for the next ``tick`` to start counting.

        Loading a view ends an incident wall (the operator chose where to go)
        and is one step of the history.
        """
        before = self.state()
        self._incident = None
        self._parked = {}
        change = self._show_view(view)
        self.baseline = view
        return self._announce(self._step(before, change, force=True))

    def _show_view(self, view: View) -> WallChange:
        old = len(self._slots)
        self.name = view.name
        self._layout = view.layout
        self._slots = [TileSlot(view.assignments.get(t)) for t in range(len(view.layout))]
        self._tours = {}
        for tile, spec in view.tile_tours.items():
            tour: Tour[str] = Tour(spec)
            self._tours[tile] = tour
            self._slots[tile] = TileSlot(tour.current)
        selection = self._selected is not None and self._selected >= len(self._slots)
        if selection:
            self._selected = len(self._slots) - 1
        maximised = self._maximised is not None
        self._maximised = None
        return WallChange(frozenset(range(max(old, len(self._slots)))), True, selection, maximised)

    # ------------------------------------------------------------------ saved or modified

    @property
    def modified(self) -> bool:
        """Whether the wall differs from the view it came from (False for an unsaved wall)."""
        if self.baseline is None or self._incident is not None:
            return False
        return self.view(self.baseline.name) != self.baseline or bool(self._parked)

    def mark_saved(self, view: View) -> None:
        """``view`` is now what is saved under the wall's name: the wall is not modified any more."""
        self.name = view.name
        self.baseline = view
        self._parked = {}  # what the operator saved is what counts now

    def revert(self) -> WallChange:
        """Back to the saved view (an undoable step); nothing happens for an unsaved wall."""
        if self.baseline is None:
            return WallChange()
        return self.load_view(self.baseline)

    # ------------------------------------------------------------------ undo and redo

    def state(self) -> WallState:
        """The operator's wall as ``undo`` keeps it."""
        return WallState(self.name, self._layout, tuple(self._slots),
                         tuple((t, tour.spec) for t, tour in sorted(self._tours.items())),
                         tuple(sorted(self._parked.items())), self.baseline, self._incident)

    @contextlib.contextmanager
    def unrecorded(self) -> Iterator[None]:
        """Changes made inside are not steps of the history (a wall tour's steps: the clock's, not the operator's)."""
        was, self._recording = self._recording, False
        try:
            yield
        finally:
            self._recording = was

    def _step(self, before: WallState, change: WallChange, *, force: bool = False) -> WallChange:
        if self._recording and (force or change.tiles or change.layout):
            if not self._undo or self._undo[-1] != before:
                self._undo.append(before)
                del self._undo[:-HISTORY]
            self._redo.clear()
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> WallChange:
        """Go back one step of wall changes (tour positions restart; selection is not history)."""
        if not self._undo:
            return WallChange()
        self._redo.append(self.state())
        return self._announce(self._restore(self._undo.pop()))

    def redo(self) -> WallChange:
        if not self._redo:
            return WallChange()
        self._undo.append(self.state())
        return self._announce(self._restore(self._redo.pop()))

    def _restore(self, state: WallState) -> WallChange:
        old_count = len(self._slots)
        layout_changed = state.layout != self._layout
        old_slots, old_tours = list(self._slots), dict(self._tours)
        self.name = state.name
        self.baseline = state.baseline
        self._layout = state.layout
        self._slots = list(state.slots)
        self._parked = dict(state.parked)
        self._tours = {}
        for t, spec in state.tours:
            old = old_tours.get(t)
            # a tour that did not change keeps its place and clock
            self._tours[t] = old if old is not None and old.spec == spec else Tour(spec)
            if self._tours[t] is not old:
                self._slots[t] = TileSlot(self._tours[t].current)
            else:
                self._slots[t] = old_slots[t] if t < len(old_slots) else self._slots[t]
        n = len(self._slots)
        tiles = {t for t in range(max(n, old_count))
                 if t >= n or t >= old_count or self._slots[t] != old_slots[t]
                 or (t in self._tours) != (t in old_tours) or self._tours.get(t) is not old_tours.get(t)}
        selection = maximised = False
        if self._selected is not None and self._selected >= n:
            self._selected, selection = n - 1, True
        if self._maximised is not None and (layout_changed or self._maximised >= n):
            self._maximised, maximised = None, True
        self._incident = state.incident
        return WallChange(frozenset(tiles), layout_changed, selection, maximised)

    # ------------------------------------------------------------------ incident wall

    @property
    def incident(self) -> str | None:
        """The title of the incident wall shown, or None when the operator's own wall is shown."""
        return self._incident.title if self._incident is not None else None

    @property
    def home_name(self) -> str | None:
        """The view the incident wall returns to (None: an unsaved wall)."""
        return self._incident.home.name if self._incident is not None else self.name

    def open_incident(self, title: str, layout: Layout, camera_ids: Iterable[str | None]) -> WallChange:
        """Show ``camera_ids`` on a temporary wall of ``layout``; the operator's wall is kept aside.

        A second incident replaces the first and still returns to the
        operator's own wall. One step of the history.
        """
        before = self.state()
        home = self._incident.home if self._incident is not None else before
        ids = list(camera_ids)[: len(layout)]
        view = View(title, layout, {t: c for t, c in enumerate(ids) if c is not None})
        change = self._show_view(view)
        self.name = None
        self.baseline = None
        self._parked = {}
        self._incident = Incident(title, home)
        return self._announce(self._step(before, change, force=True))

    def leave_incident(self) -> WallChange:
        """Back to the operator's wall as it was when the incident wall opened (one step of the history)."""
        if self._incident is None:
            return WallChange()
        home = self._incident.home
        before = self.state()
        change = self._restore(home)
        return self._announce(self._step(before, WallChange(change.tiles, True, change.selection,
                                                            change.maximised), force=True))

    def keep_incident(self) -> None:
        """The operator keeps the incident wall as their own (saved it as a view): no way back."""
        self._incident = None

    # ------------------------------------------------------------------ cameras and streams

    def camera_ids_for(self, kind: SourceKind, id: str) -> list[str]:
        """The cameras a dropped item stands for: a camera itself, or a site's (with every
        site below it) or a grid's (网格), online first, then by name as operators read it."""
        if kind == "camera":
            return [id] if id in self.inventory.cameras else []
        if kind == "site":
            cameras = self.inventory.cameras_under(id) if id in self.inventory.sites else []
        elif kind == "grid":
            cameras = self.inventory.grid_cameras(id)
        else:
            raise ValueError(f"cannot put a {kind!r} on the wall")
        return [c.id for c in sorted(cameras, key=_camera_order)]

    def stream_decisions(self, sizes: Mapping[int, tuple[int, int]], now: float) -> dict[int, Decision]:
        """Ask the policy for the tiles whose size (device px) the UI passes, with their cameras' profiles.

        Tiles that are empty or whose camera the inventory does not know are left out.
        """
        demands = []
        for tile, (w, h) in sizes.items():
            if not 0 <= tile < len(self._slots):
                continue
            camera_id = self._slots[tile].camera_id
            camera = self.inventory.cameras.get(camera_id) if camera_id is not None else None
            if camera is None:
                continue
            demands.append(TileDemand(tile, w, h, tile == self._maximised, camera.streams, camera_id))
        return self.policy.decide(demands, now)


class Missing(enum.Enum):
    """Why a camera on a tile is not in the inventory: the UI words it."""

    OUTSIDE_SCOPE = "outside_scope"  # another town's camera: this account may not see it
    UNKNOWN = "unknown"  # not in the inventory (removed, or a view from another platform)


def town_of_id(gb_id: str) -> int | None:
    """The town (grassroots unit) a GB/T 28181 id carries: digits 7-8 after the 6-digit county code.

    None for a county-level id (00) or for text that is not a 20-digit id.
    """
    if len(gb_id) != 20 or not (gb_id.isascii() and gb_id.isdigit()):
        return None
    return int(gb_id[6:8]) or None


def why_missing(camera_id: str, towns: Iterable[int] | None) -> Missing:
    """Why ``camera_id`` is not in the inventory of a user scoped to ``towns`` (None: the whole county)."""
    if towns is None:
        return Missing.UNKNOWN
    town = town_of_id(camera_id)
    return Missing.OUTSIDE_SCOPE if town is not None and town not in set(towns) else Missing.UNKNOWN


def _camera_order(c: Camera) -> tuple[bool, tuple[object, ...], str]:
    return (not c.online, _natural(c.name), c.id)
