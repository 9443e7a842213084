"""Camera names as operators tell them apart: the camera's own part first, the place after.

Platform names repeat their place: "武台镇北武台社区村口1号" is the village gate
(村口) camera number 1 of 北武台社区 in 武台镇, and every camera of that
village starts with the same nine characters. Cut at the end, twenty of them
read "武台镇北武台社…". So the UI shows the distinctive part first
("村口1号 · 北武台社区"), elides in the middle when it must, and keeps the
full name for tooltips and the status bar.

Pure functions over names (no Qt): the place names come from the camera's
sites, nearest first (village, town station, county).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from controlroom.api.schema import Camera
from controlroom.inventory import Inventory

SEPARATOR = " · "
MIN_STEM = 2  # a place stem shorter than this (one character) would cut names at random


@dataclass(frozen=True)
class CameraName:
    """A camera's name taken apart: ``own`` is what tells it from its neighbours."""

    full: str
    own: str
    place: str  # the nearest place named in the full name ("" if none)

    @property
    def own_first(self) -> str:
        """"村口1号 · 北武台社区": the camera's own part, then where it is."""
        return f"{self.own}{SEPARATOR}{self.place}" if self.place else self.own


def split_name(name: str, places: Sequence[str]) -> CameraName:
    """Take the place names (nearest first) out of ``name``.

    A place matches by the longest start of its name found in the camera's
    name ("武台镇派出所" matches as "武台镇"), at least ``MIN_STEM`` characters,
    and only while something of the camera's own remains.
    """
    own = name
    found: list[str] = []
    for place in places:
        for k in range(len(place), MIN_STEM - 1, -1):
            stem = place[:k]
            i = own.find(stem)
            if i < 0:
                continue
            rest = (own[:i] + own[i + k:]).strip(" -_·")
            if rest:
                own = rest
                found.append(stem)
            break
    return CameraName(full=name, own=own, place=found[0] if found else "")


def places_of(inventory: Inventory, camera: Camera) -> list[str]:
    """The names of the camera's site and the sites above it, nearest first (at most 8)."""
    out: list[str] = []
    site_id: str | None = camera.site_id
    while site_id is not None and len(out) < 8:
        site = inventory.sites.get(site_id)
        if site is None:
            break
        out.append(site.name)
        site_id = site.parent_id
    return out


def camera_name(inventory: Inventory, camera: Camera) -> CameraName:
    return split_name(camera.name, places_of(inventory, camera))
