"""The inventory: an index of a platform's sites, cameras and grids.

It holds what the platform client fetched, applies the event stream's deltas,
and announces changes in batches: one notification per batch of events, never
one per camera (28,500 cameras must stay cheap), as nx_open's resource pool
does. Plain Python: listeners are callables; the UI adapts them to Qt signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from controlroom.api.schema import (
    Camera,
    CameraStatusEvent,
    Grid,
    GridStatusEvent,
    InventoryCounts,
    Site,
    Tier,
)
from controlroom.listeners import Listeners

log = logging.getLogger("controlroom.inventory")


@dataclass
class InventoryDelta:
    """What one batch changed. ``reset`` means: everything may have changed."""

    reset: bool = False
    sites: set[str] = field(default_factory=set)
    cameras: set[str] = field(default_factory=set)
    grids: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.reset or bool(self.sites or self.cameras or self.grids)


Listener = Callable[[InventoryDelta], None]


class Inventory:
    """Sites, cameras and grids of one platform, indexed for the tree and the wall."""

    def __init__(self) -> None:
        self.version: int = -1
        self.sites: dict[str, Site] = {}
        self.cameras: dict[str, Camera] = {}
        self.grids: dict[str, Grid] = {}
        self._child_sites: dict[str | None, list[str]] = {}
        self._site_cameras: dict[str, list[str]] = {}
        self._grid_cameras: dict[str, list[str]] = {}
        self._listeners: Listeners[[InventoryDelta]] = Listeners(log, "inventory")

    # ------------------------------------------------------------------ listening

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with each batch of changes; returns an unsubscribe function."""
        return self._listeners.add(listener)

    def _announce(self, delta: InventoryDelta) -> None:
        if delta:
            self._listeners.emit(delta)

    # ------------------------------------------------------------------ loading

    def replace(
        self, sites: Iterable[Site], cameras: Iterable[Camera], grids: Iterable[Grid], version: int,
        *, announce: bool = True,
    ) -> None:
        """Replace everything (first load, or a resync) and announce one reset.

        ``announce=False``: the caller announces it, with ``announce_reset_steps``.
        """
        self.sites = {s.id: s for s in sites}
        self.cameras = {c.id: c for c in cameras}
        self.grids = {g.id: g for g in grids}
        self.version = version
        child_sites: dict[str | None, list[str]] = {}
        for s in self.sites.values():
            # a site whose parent we cannot see (scope) hangs from the root
            parent = s.parent_id if s.parent_id in self.sites else None
            child_sites.setdefault(parent, []).append(s.id)
        site_cameras: dict[str, list[str]] = {}
        grid_cameras: dict[str, list[str]] = {}
        for c in self.cameras.values():
            site_cameras.setdefault(c.site_id, []).append(c.id)
            if c.grid_id is not None:
                grid_cameras.setdefault(c.grid_id, []).append(c.id)
        self._child_sites = child_sites
        self._site_cameras = site_cameras
        self._grid_cameras = grid_cameras
        if announce:
            self._announce(InventoryDelta(reset=True))

    def announce_reset_steps(self) -> Iterator[None]:
        """Announce a reset to one listener per step (each listener's rebuild in its own turn of
        the event loop: together the tree, the grid tree and the panes took ~85 ms for 28,500
        cameras). Only for a first load: listeners not yet told still show nothing, never
        cameras that are gone."""
        yield from self._listeners.emit_each(InventoryDelta(reset=True))

    # ------------------------------------------------------------------ queries

    def root_sites(self) -> list[Site]:
        return [self.sites[i] for i in self._child_sites.get(None, ())]

    def child_sites(self, site_id: str) -> list[Site]:
        return [self.sites[i] for i in self._child_sites.get(site_id, ())]

    def site_cameras(self, site_id: str) -> list[Camera]:
        return [self.cameras[i] for i in self._site_cameras.get(site_id, ())]

    def grid_cameras(self, grid_id: str) -> list[Camera]:
        return [self.cameras[i] for i in self._grid_cameras.get(grid_id, ())]

    def cameras_under(self, site_id: str) -> list[Camera]:
        """Cameras of a site and of every site below it, depth first, in order."""
        out: list[Camera] = []
        stack = [site_id]
        while stack:
            sid = stack.pop()
            out.extend(self.site_cameras(sid))
            stack.extend(reversed(self._child_sites.get(sid, [])))
        return out

    def counts(self) -> InventoryCounts:
        tiers = {Tier.COUNTY: 0, Tier.TOWN: 0, Tier.VILLAGE: 0}
        for s in self.sites.values():
            tiers[s.tier] += 1
        return InventoryCounts(
            sites_county=tiers[Tier.COUNTY],
            sites_town=tiers[Tier.TOWN],
            sites_village=tiers[Tier.VILLAGE],
            cameras=len(self.cameras),
            grids=len(self.grids),
        )

    # ------------------------------------------------------------------ deltas

    def apply(self, events: Iterable[object]) -> InventoryDelta:
        """Apply a batch of events from the event stream; announce one delta."""
        delta = InventoryDelta()
        for ev in events:
            if isinstance(ev, CameraStatusEvent):
                cam = self.cameras.get(ev.camera_id)
                if cam is not None and cam.online != ev.online:
                    cam.online = ev.online
                    delta.cameras.add(cam.id)
            elif isinstance(ev, GridStatusEvent):
                grid = self.grids.get(ev.grid_id)
                if grid is not None:
                    grid.status = ev.status
                    grid.status_reason = ev.status_reason
                    grid.cameras_online = ev.cameras_online
                    delta.grids.add(grid.id)
        self._announce(delta)
        return delta
