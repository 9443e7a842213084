"""The wall controller: what is on which tile, which tile is selected, which one is maximised.

Every operator action on the wall (drop a camera or a village, swap two
tiles, clear one, change the layout, maximise, move the selection with the
arrow keys, step a tile tour) goes through here and is announced to
listeners as one ``WallChange``: the UI adapts listeners to Qt signals and
starts or stops players for the tiles named. Plain Python, no Qt.

Only the operator's choices live here; what a player is doing (connecting,
playing, failed) belongs to the video layer and never reaches a saved view.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
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
        changed = self._set(tile, camera_id) | self._drop_tour(tile)
        return self._announce(WallChange(frozenset({tile}) if changed else frozenset()))

    def fill(self, start_tile: int, camera_ids: Iterable[str]) -> int:
        """Put cameras on the tiles from ``start_tile`` on, in order, over whatever was there.

        Returns how many cameras did not fit, so the UI can say "12 more
        cameras than tiles" (and offer a page tour).
        """
        self._check(start_tile)
        ids = list(camera_ids)
        room = len(self._slots) - start_tile
        changed: set[int] = set()
        for offset, camera_id in enumerate(ids[:room]):
            tile = start_tile + offset
            if self._set(tile, camera_id) | self._drop_tour(tile):
                changed.add(tile)
        self._announce(WallChange(frozenset(changed)))
        return max(0, len(ids) - room)

    def swap(self, a: int, b: int) -> WallChange:
        """Swap two tiles' cameras (and tours): a tile dragged onto another."""
        self._check(a)
        self._check(b)
        if a == b:
            return WallChange()
        self._slots[a], self._slots[b] = self._slots[b], self._slots[a]
        ta, tb = self._tours.pop(a, None), self._tours.pop(b, None)
        if ta is not None:
            self._tours[b] = ta
        if tb is not None:
            self._tours[a] = tb
        same = self._slots[a] == self._slots[b] and ta is None and tb is None
        return self._announce(WallChange(frozenset() if same else frozenset({a, b})))

    def clear(self, tile: int | None = None) -> WallChange:
        """Empty one tile, or every tile (None)."""
        tiles = range(len(self._slots)) if tile is None else [self._check(tile)]
        changed = {t for t in tiles if self._set(t, None) | self._drop_tour(t)}
        return self._announce(WallChange(frozenset(changed)))

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
        if spec is None:
            return self._announce(WallChange(frozenset({tile}) if self._drop_tour(tile) else frozenset()))
        tour: Tour[str] = Tour(spec, now)
        self._tours[tile] = tour
        self._set(tile, tour.current)
        return self._announce(WallChange(frozenset({tile})))

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

        Nothing else is remembered: going from 16 to 4 and back leaves tiles
        4-15 empty, as the operator sees them.
        """
        old_count = len(self._slots)
        n = len(layout)
        removed = {t for t in range(n, old_count) if self._slots[t].camera_id is not None or t in self._tours}
        self._layout = layout
        self._slots = self._slots[:n] + [TileSlot()] * max(0, n - old_count)
        self._tours = {t: tour for t, tour in self._tours.items() if t < n}
        selection = maximised = False
        if self._selected is not None and self._selected >= n:
            self._selected, selection = n - 1, True
        if self._maximised is not None and self._maximised >= n:
            self._maximised, maximised = None, True
        return self._announce(WallChange(frozenset(removed), True, selection, maximised))

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

        A touring tile is saved as its tour, not as the camera it happens to show.
        """
        name = name if name is not None else (self.name or "")
        assignments = {t: s.camera_id for t, s in enumerate(self._slots)
                       if s.camera_id is not None and t not in self._tours}
        return View(name, self._layout, assignments, {t: tour.spec for t, tour in self._tours.items()})

    def load_view(self, view: View) -> WallChange:
        """Show a saved view; its tours wait for the next ``tick`` to start counting."""
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
        return self._announce(WallChange(frozenset(range(max(old, len(self._slots)))), True, selection, maximised))

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


def _camera_order(c: Camera) -> tuple[bool, tuple[object, ...], str]:
    return (not c.online, _natural(c.name), c.id)
