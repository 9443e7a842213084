"""Community grids (网格) as the board and the map need them: plain Python, no Qt.

- status counts per town (the board's stacked bars) and the camera online rate;
- a projection of lon/lat polygons to a flat plane in km (equirectangular
  around the data's centre, x scaled by cos(lat)): good to a few metres over
  a county, and it works the same for the demo's synthetic geography and
  for real polygons;
- the neighbours of a grid (polygons that touch or nearly do, else the
  nearest few), for the incident wall;
- which wall layout fits a set of cameras, and putting them on the wall;
- how stale the statuses are while the event stream is down.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from controlroom.api.schema import Grid, GridStatus, SiteKind, Tier
from controlroom.wall.layouts import PRESETS, preset

if TYPE_CHECKING:
    from controlroom.inventory import Inventory

#: The order statuses are stacked and listed in: calm first, worst last but one.
STATUS_ORDER: tuple[GridStatus, ...] = (
    GridStatus.NORMAL,
    GridStatus.ATTENTION,
    GridStatus.INCIDENT,
    GridStatus.NO_COVERAGE,
)

#: Okabe-Ito colours (told apart by most colour-blind eyes), plus a pattern
#: and a glyph per status so that no one has to rely on colour alone.
STATUS_COLOUR: dict[GridStatus, str] = {
    GridStatus.NORMAL: "#009e73",  # bluish green
    GridStatus.ATTENTION: "#e69f00",  # orange
    GridStatus.INCIDENT: "#d55e00",  # vermillion
    GridStatus.NO_COVERAGE: "#8a8f98",  # grey
}
#: Pattern names: "solid", "diagonal" (one way), "crosshatch", "dots".
STATUS_PATTERN: dict[GridStatus, str] = {
    GridStatus.NORMAL: "solid",
    GridStatus.ATTENTION: "diagonal",
    GridStatus.INCIDENT: "crosshatch",
    GridStatus.NO_COVERAGE: "dots",
}
STATUS_GLYPH: dict[GridStatus, str] = {
    GridStatus.NORMAL: "●",
    GridStatus.ATTENTION: "▲",
    GridStatus.INCIDENT: "✖",
    GridStatus.NO_COVERAGE: "○",
}

#: The largest wall a view from the map may ask for.
MAX_TILES = 64

KM_PER_DEG = 111.32  # one degree of latitude (and of longitude at the equator), km


# --------------------------------------------------------------------------- towns and counts


def town_of(inventory: Inventory, grid: Grid) -> int | None:
    """The town a grid belongs to (its site's town), or None (county level, or a site we cannot see)."""
    site = inventory.sites.get(grid.site_id)
    return site.town if site is not None else None


def town_names(inventory: Inventory) -> dict[int, str]:
    """Town number -> the name operators use for it.

    A town's police-station area is named after the town (平邑街道派出所 is
    平邑街道's): the station's name without its trailing 派出所. Any other town
    site serves when there is no station; a town with none is left out.
    """
    names: dict[int, str] = {}
    for site in inventory.sites.values():
        if site.tier is not Tier.TOWN or site.town is None:
            continue
        name = site.name.removesuffix("派出所") or site.name
        if site.kind is SiteKind.POLICE_STATION or site.town not in names:
            names[site.town] = name
    return names


def status_counts(inventory: Inventory) -> dict[int | None, Counter[GridStatus]]:
    """Town -> how many grids are in each status (every status present, zeros included)."""
    out: dict[int | None, Counter[GridStatus]] = {}
    for grid in inventory.grids.values():
        town = town_of(inventory, grid)
        counts = out.get(town)
        if counts is None:
            counts = out[town] = Counter(dict.fromkeys(STATUS_ORDER, 0))
        counts[grid.status] += 1
    return out


def online_rate(inventory: Inventory) -> tuple[int, int]:
    """(cameras online, cameras in all) over the whole inventory."""
    cams = inventory.cameras
    return sum(1 for c in cams.values() if c.online), len(cams)


class HourlyCounts:
    """Alerts per hour over the last ``hours`` hours, by the hour they were raised (UTC)."""

    def __init__(self, hours: int = 24) -> None:
        self.hours = hours
        self._seen: set[str] = set()
        self._seen_order: deque[str] = deque()
        self._counts: Counter[datetime] = Counter()

    def add(self, alert_id: str, raised_at: datetime) -> bool:
        """Count one alert once (a replay after a reconnect repeats ids); False if seen."""
        if alert_id in self._seen:
            return False
        self._seen.add(alert_id)
        self._seen_order.append(alert_id)
        if len(self._seen_order) > 50_000:  # bounded: ids older than a day are not replayed
            self._seen.discard(self._seen_order.popleft())
        self._counts[_hour(raised_at)] += 1
        return True

    def series(self, now: datetime | None = None) -> list[tuple[datetime, int]]:
        """(hour start, count) for each of the last ``hours`` hours, oldest first, the current one last."""
        last = _hour(now or datetime.now(UTC))
        first = last - timedelta(hours=self.hours - 1)
        for old in [h for h in self._counts if h < first]:
            del self._counts[old]
        return [(first + timedelta(hours=i), self._counts.get(first + timedelta(hours=i), 0))
                for i in range(self.hours)]


def _hour(t: datetime) -> datetime:
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


# --------------------------------------------------------------------------- geometry

XY = tuple[float, float]


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection around (lon0, lat0): x east, y north, in km."""

    lon0: float
    lat0: float

    @property
    def kx(self) -> float:
        return KM_PER_DEG * math.cos(math.radians(self.lat0))

    def to_xy(self, lon: float, lat: float) -> XY:
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * KM_PER_DEG

    def to_lonlat(self, x: float, y: float) -> XY:
        return self.lon0 + x / self.kx, self.lat0 + y / KM_PER_DEG

    @classmethod
    def around(cls, points: Iterable[XY]) -> Projection:
        """Centred on the middle of the points' bounding box (0, 0 when there are none)."""
        lons: list[float] = []
        lats: list[float] = []
        for lon, lat in points:
            lons.append(lon)
            lats.append(lat)
        if not lons:
            return cls(0.0, 0.0)
        return cls((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)


@dataclass(frozen=True)
class Shape:
    """One grid's polygon in km, with its centroid and the radius of a circle around it."""

    points: tuple[XY, ...]
    centroid: XY
    radius: float


def _shape(points: Sequence[XY]) -> Shape:
    if not points:
        return Shape((), (0.0, 0.0), 0.0)
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    radius = max(math.hypot(p[0] - cx, p[1] - cy) for p in points)
    return Shape(tuple(points), (cx, cy), radius)


def _seg_point(p: XY, a: XY, b: XY) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _cross(o: XY, a: XY, b: XY) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segments_cross(a: XY, b: XY, c: XY, d: XY) -> bool:
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0))


def contains(points: Sequence[XY], p: XY) -> bool:
    """Whether ``p`` is inside the polygon (even-odd rule)."""
    inside = False
    n = len(points)
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def gap(a: Shape, b: Shape) -> float:
    """The distance between two polygons in km: 0 when they touch, cross or one holds the other."""
    pa, pb = a.points, b.points
    if not pa or not pb:
        return math.inf
    if contains(pa, pb[0]) or contains(pb, pa[0]):
        return 0.0
    best = math.inf
    for i in range(len(pa)):
        a1, a2 = pa[i], pa[(i + 1) % len(pa)]
        for j in range(len(pb)):
            b1, b2 = pb[j], pb[(j + 1) % len(pb)]
            if _segments_cross(a1, a2, b1, b2):
                return 0.0
            best = min(best, _seg_point(a1, b1, b2), _seg_point(a2, b1, b2),
                       _seg_point(b1, a1, a2), _seg_point(b2, a1, a2))
    return best


@dataclass
class GridGeometry:
    """Every grid's polygon projected to km around the data's centre; neighbours by polygon gap."""

    projection: Projection
    shapes: dict[str, Shape] = field(default_factory=dict)

    @classmethod
    def build(cls, grids: Iterable[Grid]) -> GridGeometry:
        grids = list(grids)
        proj = Projection.around(p for g in grids for p in g.polygon)
        shapes = {g.id: _shape([proj.to_xy(lon, lat) for lon, lat in g.polygon]) for g in grids}
        return cls(proj, shapes)

    def bounds(self, grid_ids: Iterable[str] | None = None) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of every polygon (or of ``grid_ids``'), km; zeros when there are none."""
        shapes = list(self.shapes.values()) if grid_ids is None else [
            self.shapes[g] for g in grid_ids if g in self.shapes]
        xs = [p[0] for s in shapes for p in s.points]
        ys = [p[1] for s in shapes for p in s.points]
        if not xs:
            return 0.0, 0.0, 0.0, 0.0
        return min(xs), min(ys), max(xs), max(ys)

    def neighbours(self, grid_id: str, *, touch_km: float = 0.25, at_least: int = 3,
                   within_km: float = 3.0) -> list[str]:
        """The grids next to ``grid_id``, nearest first.

        Adjacent grids are those whose polygons touch or come within
        ``touch_km`` (real grids share edges; digitised edges rarely meet
        exactly). Where fewer than ``at_least`` are adjacent (the demo's grids
        are separate polygons around villages), the nearest others within
        ``within_km`` make up the number.
        """
        me = self.shapes.get(grid_id)
        if me is None or not me.points:
            return []
        reach = max(touch_km, within_km)
        found: list[tuple[float, str]] = []
        for other_id, other in self.shapes.items():
            if other_id == grid_id or not other.points:
                continue
            d = math.hypot(other.centroid[0] - me.centroid[0], other.centroid[1] - me.centroid[1])
            if d - me.radius - other.radius > reach:  # the circles are too far apart: skip the exact test
                continue
            g = gap(me, other)
            if g <= reach:
                found.append((g, other_id))
        found.sort()
        adjacent = [gid for g, gid in found if g <= touch_km]
        if len(adjacent) >= at_least:
            return adjacent
        return [gid for _g, gid in found[:at_least]]


# --------------------------------------------------------------------------- the wall


def tiles_for(count: int) -> int:
    """The smallest preset layout with at least ``count`` tiles, at most ``MAX_TILES``."""
    for n in sorted(PRESETS):
        if n >= count:
            return min(n, MAX_TILES)
    return MAX_TILES


@dataclass(frozen=True)
class WallPut:
    """What putting cameras on the wall did: the layout size, cameras shown, cameras that did not fit."""

    tiles: int
    shown: int
    overflow: int


def put_on_wall(wall: Any, camera_ids: Sequence[str], title: str = "") -> WallPut:
    """Show ``camera_ids`` on an incident wall titled ``title``: a preset sized to them, in order.

    ``wall`` is a ``WallController``; the operator's own wall is kept aside
    (``WallController.open_incident``) and comes back with one key, never
    overwritten. Nothing changes when there are no cameras.
    """
    ids = list(dict.fromkeys(camera_ids))  # once each, in order
    if not ids:
        return WallPut(0, 0, 0)
    n = tiles_for(len(ids))
    shown = ids[:n]
    wall.open_incident(title or shown[0], preset(n), shown)
    return WallPut(n, len(shown), len(ids) - len(shown))


def grid_camera_ids(inventory: Inventory, grid_id: str) -> list[str]:
    return [c.id for c in inventory.grid_cameras(grid_id)]


def incident_camera_ids(inventory: Inventory, geometry: GridGeometry, grid_id: str) -> tuple[list[str], list[str]]:
    """(camera ids, neighbour grid ids) for an incident wall: the grid's own cameras first, then its neighbours'."""
    around = geometry.neighbours(grid_id)
    ids = grid_camera_ids(inventory, grid_id)
    for other in around:
        ids.extend(grid_camera_ids(inventory, other))
    return list(dict.fromkeys(ids)), around


# --------------------------------------------------------------------------- staleness


class StaleClock:
    """Since when the statuses shown are stale: from the event stream dropping to the client being connected again.

    ``update(state, now)`` with the session's ``ConnectionState`` (as its
    string value); returns True when stale began or ended. Time is passed in.
    """

    STALE_STATES = frozenset({"reconnecting", "failed", "disconnected"})
    FRESH_STATES = frozenset({"connected"})

    def __init__(self) -> None:
        self.since: float | None = None

    @property
    def stale(self) -> bool:
        return self.since is not None

    def update(self, state: str, now: float) -> bool:
        state = str(state)
        if state in self.STALE_STATES and self.since is None:
            self.since = now
            return True
        if state in self.FRESH_STATES and self.since is not None:
            self.since = None
            return True
        return False  # loading, connecting: as it was

    def age(self, now: float) -> float:
        return 0.0 if self.since is None else max(0.0, now - self.since)


def age_parts(seconds: float) -> tuple[int, str]:
    """An age as (number, unit) with unit "s", "min" or "h", for a "stale 12 s" text."""
    s = int(seconds)
    if s < 60:
        return s, "s"
    if s < 3600:
        return s // 60, "min"
    return s // 3600, "h"
