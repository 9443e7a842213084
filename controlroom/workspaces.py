"""Workspaces: named sets of wall windows with their screens, places and walls, and their file.

A control room runs one ControlRoom on several monitors: the main window on
the desk, wall windows full screen on the big screens. A ``Workspace`` is
that arrangement under a name: for each window, which screen it was on (the
screen's name as the system gives it, and its geometry as a fallback when
names change), where the window was, whether it was full screen, and its
wall as a ``View`` (layout, cameras, tile tours; no runtime state).

Screens come and go (a projector unplugged, a laptop undocked): ``place``
puts each saved window on the screen it names if there is one, else on the
screen with the same geometry, else on a remaining screen, keeping its
place relative to the screen it had, and says which windows moved so the
UI can tell the operator.

The file is one per platform and user, as the views are
(``workspaces_file``), JSON ``schema_version`` 1, written through
``atomic_write``. A file that cannot be read is set aside by
``load_versioned`` and the store starts empty (nothing else is touched); a
file from a newer ControlRoom is left alone and never written over.

Plain Python (no Qt): geometry is four integers.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from controlroom.storage import atomic_write, load_versioned
from controlroom.wall.views import View, ViewError, check_text, views_file

SCHEMA_VERSION = 1
MIGRATIONS: dict[int, Any] = {}  # none yet: version 1 is the first

#: bounded: a hostile or broken file cannot make the app open hundreds of windows
MAX_WINDOWS = 16
MAX_WORKSPACES = 64
#: a coordinate beyond any desktop (16 screens of 8K side by side are still inside)
MAX_COORD = 200_000

KINDS = ("main", "wall")
#: how a window was full screen: with its bars (F11) or only the wall (Shift+F11, presenting)
FULL_SCREEN = ("chrome", "presenting")

log = logging.getLogger("controlroom.workspaces")


class WorkspaceError(ValueError):
    """Workspace data that cannot be used; the message says why."""


class WorkspaceStoreReadOnly(WorkspaceError):
    """The file on disk must not be written over (newer version, or unreadable)."""


def workspaces_file(config_dir: Path, platform_url: str, username: str) -> Path:
    """The workspaces file of one user on one platform: ``workspaces/<host>-<user>-<hash>.json``.

    Named as the views file is (``views_file``), in a folder of its own.
    """
    return config_dir / "workspaces" / views_file(config_dir, platform_url, username).name


@dataclass(frozen=True)
class Rect:
    """A rectangle in desktop coordinates (pixels)."""

    x: int
    y: int
    w: int
    h: int

    def __post_init__(self) -> None:
        for name in ("x", "y", "w", "h"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or not -MAX_COORD <= v <= MAX_COORD:
                raise WorkspaceError(f"a rectangle's {name} must be a whole number within ±{MAX_COORD}")
        if self.w <= 0 or self.h <= 0:
            raise WorkspaceError("a rectangle must have a width and a height")

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h

    def to_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]

    @classmethod
    def from_list(cls, value: object) -> Rect:
        if not isinstance(value, list) or len(value) != 4:
            raise WorkspaceError("a rectangle must be [x, y, width, height]")
        return cls(*value)


@dataclass(frozen=True)
class Screen:
    """A screen as the system names it, and where it is on the desktop."""

    name: str
    geometry: Rect


@dataclass(frozen=True)
class WindowPlace:
    """One window of a workspace: its kind, its screen, its place and its wall."""

    kind: str  # "main" (the desk's window) or "wall" (a wall window)
    screen: Screen
    geometry: Rect
    view: View
    full_screen: str | None = None  # one of FULL_SCREEN, or None: a normal window
    #: the saved view the wall showed, if it was one (for the switcher; the wall comes from ``view``)
    view_name: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise WorkspaceError(f"a window's kind must be one of {KINDS}, not {self.kind!r}")
        if self.full_screen is not None and self.full_screen not in FULL_SCREEN:
            raise WorkspaceError(f"full_screen must be one of {FULL_SCREEN} or null")
        if self.view_name is not None:
            check_text("a view's name", self.view_name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "screen": {"name": self.screen.name, "geometry": self.screen.geometry.to_list()},
            "geometry": self.geometry.to_list(),
            "full_screen": self.full_screen,
            "view": self.view.to_dict(),
            "view_name": self.view_name,
        }

    @classmethod
    def from_dict(cls, data: object) -> WindowPlace:
        d = _mapping(data, "a window")
        unknown = set(d) - {"kind", "screen", "geometry", "full_screen", "view", "view_name"}
        if unknown:
            raise WorkspaceError(f"unknown window fields {sorted(unknown)}")
        screen = _mapping(d.get("screen"), "a window's screen")
        name = screen.get("name")
        if not isinstance(name, str) or len(name) > 200:
            raise WorkspaceError("a screen's name must be text (at most 200 characters)")
        try:
            view = View.from_dict(d.get("view"))
        except ViewError as e:
            raise WorkspaceError(f"a window's wall: {e}") from None
        return cls(str(d.get("kind")), Screen(name, Rect.from_list(screen.get("geometry"))),
                   Rect.from_list(d.get("geometry")), view, d.get("full_screen"),  # type: ignore[arg-type]
                   d.get("view_name"))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Workspace:
    """A named set of windows; the first ``main`` window is the desk's, the rest are wall windows."""

    name: str
    windows: tuple[WindowPlace, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        check_text("a workspace's name", self.name)
        if len(self.windows) > MAX_WINDOWS:
            raise WorkspaceError(f"a workspace holds at most {MAX_WINDOWS} windows")
        if sum(1 for w in self.windows if w.kind == "main") > 1:
            raise WorkspaceError("a workspace has one main window at most")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "windows": [w.to_dict() for w in self.windows]}

    @classmethod
    def from_dict(cls, data: object) -> Workspace:
        d = _mapping(data, "a workspace")
        unknown = set(d) - {"name", "windows"}
        if unknown:
            raise WorkspaceError(f"unknown workspace fields {sorted(unknown)}")
        windows = d.get("windows")
        if not isinstance(windows, list) or len(windows) > MAX_WINDOWS:
            raise WorkspaceError(f"windows must be a list of at most {MAX_WINDOWS}")
        try:
            return cls(d.get("name"), tuple(WindowPlace.from_dict(w) for w in windows))  # type: ignore[arg-type]
        except ViewError as e:  # the name
            raise WorkspaceError(str(e)) from None


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise WorkspaceError(f"{what} must be an object")
    return value


# ---------------------------------------------------------------------- placing on the screens we have


@dataclass(frozen=True)
class Placement:
    """Where a saved window goes now; ``moved`` when its own screen is not there."""

    screen: Screen
    geometry: Rect
    moved: bool


def find_screen(wanted: Screen, screens: Sequence[Screen]) -> Screen | None:
    """The screen with ``wanted``'s name, else the one with its geometry; None when neither is there."""
    for s in screens:
        if s.name == wanted.name:
            return s
    for s in screens:
        if s.geometry == wanted.geometry:
            return s
    return None


def move_into(geometry: Rect, old: Rect, new: Rect) -> Rect:
    """``geometry`` (on screen ``old``) at the same place on screen ``new``, made to fit it."""
    w, h = min(geometry.w, new.w), min(geometry.h, new.h)
    x = new.x + max(0, min(geometry.x - old.x, new.w - w))
    y = new.y + max(0, min(geometry.y - old.y, new.h - h))
    return Rect(x, y, w, h)


def place(windows: Sequence[WindowPlace], screens: Sequence[Screen]) -> list[Placement]:
    """Where each window goes on ``screens`` (the first is the primary one).

    A window whose screen is there keeps its place (kept inside the screen).
    One whose screen is gone goes to a remaining screen: the screens its
    workspace does not use first, then the primary one, so two walls that
    were on two lost screens do not both cover the desk.
    """
    if not screens:
        raise WorkspaceError("there is no screen to put the windows on")
    found = [find_screen(w.screen, screens) for w in windows]
    used = {s.name for s in found if s is not None}
    spare = [s for s in screens if s.name not in used] or [screens[0]]
    out: list[Placement] = []
    k = 0
    for window, screen in zip(windows, found, strict=True):
        if screen is not None:
            out.append(Placement(screen, move_into(window.geometry, window.screen.geometry, screen.geometry), False))
            continue
        target = spare[k % len(spare)]
        k += 1
        out.append(Placement(target, move_into(window.geometry, window.screen.geometry, target.geometry), True))
    return out


# ---------------------------------------------------------------------- the file


def _decode_store(data: Mapping[str, Any]) -> tuple[dict[str, Workspace], str | None]:
    unknown = set(data) - {"schema_version", "workspaces", "current"}
    if unknown:
        raise WorkspaceError(f"unknown fields {sorted(unknown)}")
    raw = data.get("workspaces", [])
    if not isinstance(raw, list) or len(raw) > MAX_WORKSPACES:
        raise WorkspaceError(f"workspaces must be a list of at most {MAX_WORKSPACES}")
    out: dict[str, Workspace] = {}
    for item in raw:
        ws = Workspace.from_dict(item)
        if ws.name in out:
            raise WorkspaceError(f"two workspaces are named {ws.name!r}")
        out[ws.name] = ws
    current = data.get("current")
    if current is not None and current not in out:
        raise WorkspaceError("current names no saved workspace")
    return out, current


class WorkspaceStore:
    """The operator's workspaces, in one file; ``current`` is the one restored at start."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._items: dict[str, Workspace] = {}
        self.current: str | None = None
        self.set_aside: Path | None = None
        self.read_only = False

    def load(self) -> str | None:
        """Read the file; the problem (an English sentence) or None when all is well."""
        decoded: list[tuple[dict[str, Workspace], str | None]] = []
        loaded = load_versioned(self.path, current=SCHEMA_VERSION, migrations=MIGRATIONS,
                                validate=lambda d: decoded.append(_decode_store(d)))
        self._items, self.current = decoded[0] if loaded.data is not None else ({}, None)
        self.set_aside = loaded.set_aside
        self.read_only = loaded.read_only
        if loaded.problem is not None:
            log.warning("workspaces: %s", loaded.problem)
        return loaded.problem

    def names(self) -> list[str]:
        return list(self._items)

    def get(self, name: str) -> Workspace | None:
        return self._items.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def put(self, workspace: Workspace) -> None:
        if len(self._items) >= MAX_WORKSPACES and workspace.name not in self._items:
            raise WorkspaceError(f"at most {MAX_WORKSPACES} workspaces")
        self._items[workspace.name] = workspace

    def delete(self, name: str) -> None:
        self._items.pop(name, None)
        if self.current == name:
            self.current = None

    def save(self) -> None:
        if self.read_only:
            raise WorkspaceStoreReadOnly(f"{self.path} is kept as it is (it could not be read, or a newer "
                                         "ControlRoom wrote it); the workspaces were not saved")
        doc = {
            "schema_version": SCHEMA_VERSION,
            "current": self.current,
            "workspaces": [w.to_dict() for w in self._items.values()],
        }
        atomic_write(self.path, msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n")
