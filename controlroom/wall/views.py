"""Views: a named layout plus which camera (or tile tour) is on which tile, and their file.

A view holds only what the operator chose. Runtime state (playing, failed,
reconnecting, the stream profile in use) never goes into it, as nx_open keeps
runtime flags out of its saved layouts: a view restored the next morning
must not start out "failed" because a camera was down last night.

Names are the operator's own text: any Unicode, markup included. They are
stored as they are and never interpreted (the UI shows them as plain text).

Views belong to a platform and a user: each pair has its own file
(``views_file``), so a dispatcher's views never open on a town desk of the
same machine as ids it may not see. The single ``views.json`` of older
versions goes, once, to the first platform and user that open
(``adopt_old_file``).

The file is JSON, ``schema_version`` 1, written through ``atomic_write``. A
file that cannot be read is set aside by ``load_versioned`` and the store
starts empty; a file from a newer ControlRoom is left alone and the store
refuses to save over it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import msgspec

from controlroom.storage import atomic_write, load_versioned
from controlroom.wall.layouts import Layout, LayoutError
from controlroom.wall.tours import TourSpec

SCHEMA_VERSION = 1
MIGRATIONS: dict[int, Any] = {}  # none yet: version 1 is the first

log = logging.getLogger("controlroom.wall.views")

#: The file of views before they were kept per platform and user (in the config folder).
OLD_FILE = "views.json"


def views_file(config_dir: Path, platform_url: str, username: str) -> Path:
    """The views file of one user on one platform: ``views/<host>-<user>-<hash>.json``.

    The readable part is only for an administrator looking at the folder
    (letters, digits, ``._-``); the hash of the whole URL and the user name
    tells the pairs apart, so two users or two platforms never share a file
    and no user name or URL can make a path of its own.
    """
    parts = urlsplit(platform_url.strip())
    host = (parts.hostname or "") + (f"_{parts.port}" if parts.port else "")
    key = f"{parts.scheme.lower()}://{host.lower()}{parts.path.rstrip('/')}\n{username}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    def safe(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:32] or "x"

    return config_dir / "views" / f"{safe(host)}-{safe(username)}-{digest}.json"


def adopt_old_file(config_dir: Path, target: Path) -> bool:
    """Move the single views file of older versions to ``target`` (once: the first to open gets it).

    Returns whether it moved. Nothing moves when ``target`` exists already.
    """
    old = config_dir / OLD_FILE
    if target.exists() or not old.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(old, target)
    log.info("views: the views of this machine now belong to %s", target.name)
    return True


class ViewError(ValueError):
    """An operation on views that cannot be done; the message says why."""


class ViewNameTaken(ViewError):
    def __init__(self, name: str) -> None:
        super().__init__(f"there is already a view named {name!r}")
        self.name = name


class ViewNotFound(ViewError, KeyError):
    def __init__(self, name: str) -> None:
        super().__init__(f"there is no view named {name!r}")
        self.name = name

    def __str__(self) -> str:  # KeyError would quote the message again
        return str(self.args[0])


class ViewStoreReadOnly(ViewError):
    """The file on disk must not be overwritten (newer version, or unreadable)."""


def check_text(what: str, value: object) -> str:
    """Any Unicode is welcome, but it must be text that can be written as UTF-8."""
    if not isinstance(value, str):
        raise ViewError(f"{what} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ViewError(f"{what} must not be empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: it could never be saved
        raise ViewError(f"{what} is not valid text") from None
    return value


@dataclass(frozen=True)
class View:
    """A named layout and what is on its tiles. Tiles not in ``assignments`` are empty."""

    name: str
    layout: Layout
    assignments: dict[int, str] = field(default_factory=dict)
    tile_tours: dict[int, TourSpec[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_text("a view's name", self.name)
        if not isinstance(self.layout, Layout):
            raise ViewError("a view needs a Layout")
        n = len(self.layout)
        # copies, so a caller's dict cannot change a stored view behind its back
        assignments = dict(self.assignments)
        tours = dict(self.tile_tours)
        for tile, camera_id in assignments.items():
            self._check_tile(tile, n)
            check_text("a camera id", camera_id)
        for tile, spec in tours.items():
            self._check_tile(tile, n)
            if not isinstance(spec, TourSpec):
                raise ViewError(f"tile {tile}'s tour must be a TourSpec")
            for item in spec.items:
                check_text("a camera id", item)
        object.__setattr__(self, "assignments", assignments)
        object.__setattr__(self, "tile_tours", tours)

    @staticmethod
    def _check_tile(tile: object, n: int) -> None:
        if isinstance(tile, bool) or not isinstance(tile, int) or not 0 <= tile < n:
            raise ViewError(f"tile {tile!r} is not in a layout of {n} tiles")

    def renamed(self, name: str) -> View:
        return View(name, self.layout, self.assignments, self.tile_tours)

    # ------------------------------------------------------------------ plain data

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "layout": self.layout.to_dict(),
            "assignments": {str(t): c for t, c in sorted(self.assignments.items())},
            "tile_tours": {str(t): s.to_dict() for t, s in sorted(self.tile_tours.items())},
        }

    @classmethod
    def from_dict(cls, data: object) -> View:
        if not isinstance(data, Mapping):
            raise ViewError("a view must be an object")
        unknown = set(data) - {"name", "layout", "assignments", "tile_tours"}
        if unknown:
            raise ViewError(f"unknown view fields {sorted(unknown)}")
        try:
            layout = Layout.from_dict(_mapping(data.get("layout"), "layout"))
        except LayoutError as e:
            raise ViewError(f"view {data.get('name')!r}: {e}") from None
        tours: dict[int, TourSpec[str]] = {}
        for key, spec in _mapping(data.get("tile_tours", {}), "tile_tours").items():
            spec = _mapping(spec, "a tile tour")
            if set(spec) != {"items", "interval"} or not isinstance(spec["items"], list):
                raise ViewError("a tile tour needs items (a list) and interval")
            tours[_tile_key(key)] = TourSpec(tuple(spec["items"]), spec["interval"])
        assignments = {_tile_key(k): v for k, v in _mapping(data.get("assignments", {}), "assignments").items()}
        return cls(data.get("name"), layout, assignments, tours)  # type: ignore[arg-type]


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ViewError(f"{what} must be an object")
    return value


def _tile_key(key: str) -> int:
    # JSON object keys are text; tiles are small whole numbers written plainly
    if not (isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= 3):
        raise ViewError(f"{key!r} is not a tile number")
    return int(key)


def _decode_store(data: Mapping[str, Any]) -> tuple[dict[str, View], str | None]:
    unknown = set(data) - {"schema_version", "views", "last_view"}
    if unknown:
        raise ViewError(f"unknown fields {sorted(unknown)}")
    raw_views = data.get("views", [])
    if not isinstance(raw_views, list):
        raise ViewError("views must be a list")
    views: dict[str, View] = {}
    for raw in raw_views:
        view = View.from_dict(raw)
        if view.name in views:
            raise ViewError(f"two views are named {view.name!r}")
        views[view.name] = view
    last = data.get("last_view")
    if last is not None and last not in views:
        raise ViewError("last_view names no saved view")
    return views, last


class ViewStore:
    """The operator's saved views, in one file, in the order they were made."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._views: dict[str, View] = {}
        self._last_view: str | None = None
        self.set_aside: Path | None = None  # where an unreadable file went, for the UI's message
        self.read_only = False  # the file on disk must not be written over

    def load(self) -> list[str]:
        """Read the file; returns the problems (English sentences), empty when all is well.

        The UI words a set-aside file itself from ``set_aside``: "The saved
        views could not be read and were set aside as %1".
        """
        decoded: list[tuple[dict[str, View], str | None]] = []
        loaded = load_versioned(self.path, current=SCHEMA_VERSION, migrations=MIGRATIONS,
                                validate=lambda d: decoded.append(_decode_store(d)))
        self._views, self._last_view = decoded[0] if loaded.data is not None else ({}, None)
        self.set_aside = loaded.set_aside
        self.read_only = loaded.read_only
        if loaded.problem is None:
            return []
        if loaded.set_aside is not None:
            return [f"The saved views could not be read and were set aside as {loaded.set_aside} "
                    f"({loaded.problem})"]
        return [loaded.problem]

    # ------------------------------------------------------------------ queries

    @property
    def views(self) -> Mapping[str, View]:
        """Name -> view, in the order they were first saved (read-only)."""
        return dict(self._views)

    def names(self) -> list[str]:
        return list(self._views)

    def __iter__(self) -> Iterator[View]:
        return iter(list(self._views.values()))

    def __len__(self) -> int:
        return len(self._views)

    def __contains__(self, name: object) -> bool:
        return name in self._views

    def get(self, name: str) -> View | None:
        return self._views.get(name)

    @property
    def last_view(self) -> str | None:
        """The view to restore at start: the one the operator last opened or saved."""
        return self._last_view

    @last_view.setter
    def last_view(self, name: str | None) -> None:
        if name is not None and name not in self._views:
            raise ViewNotFound(name)
        self._last_view = name

    # ------------------------------------------------------------------ changes (in memory; save() writes)

    def put(self, view: View) -> None:
        """Add a view, or replace the one with its name (keeping its place in the list)."""
        if not isinstance(view, View):
            raise ViewError("only a View can be stored")
        self._views[view.name] = view

    def rename(self, old: str, new: str) -> View:
        """Rename a view; refuses a name that another view has."""
        if old not in self._views:
            raise ViewNotFound(old)
        check_text("a view's name", new)
        if new == old:
            return self._views[old]
        if new in self._views:
            raise ViewNameTaken(new)
        # rebuild the dict to keep the renamed view in its place
        self._views = {(new if k == old else k): (v.renamed(new) if k == old else v)
                       for k, v in self._views.items()}
        if self._last_view == old:
            self._last_view = new
        return self._views[new]

    def delete(self, name: str) -> None:
        if name not in self._views:
            raise ViewNotFound(name)
        del self._views[name]
        if self._last_view == name:
            self._last_view = None

    def save(self) -> None:
        """Write every view atomically; ``ViewStoreReadOnly`` if the file on disk must be kept."""
        if self.read_only:
            raise ViewStoreReadOnly(f"{self.path} is kept as it is (it could not be read, or a newer "
                                    "ControlRoom wrote it); the views were not saved")
        doc = {
            "schema_version": SCHEMA_VERSION,
            "last_view": self._last_view,
            "views": [v.to_dict() for v in self._views.values()],
        }
        # indented and not ASCII-escaped: an administrator can read 村 names in it
        atomic_write(self.path, msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n")
