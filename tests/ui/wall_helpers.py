"""Helpers for the wall tests: a logged-in session with its inventory, cameras by stream, colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from controlroom.ui.wall.tile_widget import TileWidget
from PySide6.QtGui import QGuiApplication

from controlroom.api.schema import Transport
from controlroom.demo.media.clips import STREAM_COLOURS
from controlroom.demo.network import build_network
from controlroom.inventory import Inventory
from controlroom.session import Session


def stream_index() -> dict[str, int]:
    # deterministic demo network: the same build says which stream each camera shows
    return build_network(lambda c, p: {Transport.HTTP_TS: "http://127.0.0.1:9/x.ts"}).stream_index


def cameras_by_stream(inv: Inventory, n: int) -> list[str]:
    """``n`` online cameras; the first 16 cover 16 distinct demo streams."""
    index = stream_index()
    seen: set[int] = set()
    first: list[str] = []
    rest: list[str] = []
    for cam in inv.cameras.values():
        if not cam.online:
            continue
        s = index[cam.id]
        if s not in seen:
            seen.add(s)
            first.append(cam.id)
        elif len(rest) < n:
            rest.append(cam.id)
        if len(first) == 16 and len(first) + len(rest) >= n:
            break
    return (first + rest)[:n]


def distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def surface_colour(tile: TileWidget, fx: float = 0.02, fy: float = 0.5) -> tuple[int, int, int]:
    """The colour libVLC put on the tile's on-screen surface, read back from the X server."""
    surface = tile.surface
    screen = QGuiApplication.primaryScreen()
    img = screen.grabWindow(surface.winId()).toImage()
    # libVLC letterboxes the 16:9 picture inside the surface: sample inside the picture
    w, h = img.width(), img.height()
    vw, vh = min(w, h * 16 / 9), min(h, w * 9 / 16)
    x = max(0, min(w - 1, int((w - vw) / 2 + vw * fx)))
    y = max(0, min(h - 1, int((h - vh) / 2 + vh * fy)))
    c = img.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def nearest_stream(colour: tuple[int, int, int]) -> tuple[int, int]:
    i = min(range(len(STREAM_COLOURS)), key=lambda k: distance(colour, STREAM_COLOURS[k]))
    return i, distance(colour, STREAM_COLOURS[i])


def loaded_session(login: Callable[..., Session], run: Callable[..., Any]) -> Session:
    session = login()
    run(session.load_inventory(), 60_000)
    return session
