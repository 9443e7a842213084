"""Where a dragged tile comes from: its wall window, tile and camera, carried in the drag's data.

A tile dragged within one wall swaps two tiles by index (``TILE_MIME``).
Between wall windows (``ui/wall_window.py``) an index alone is ambiguous,
so the drag also carries its origin (``ORIGIN_MIME``): the process, the
source wall's key, the tile and the camera. A drop on a tile of another
wall then becomes "move that camera here" for whoever manages the windows
(``ui/workspaces.py``); a drag from another ControlRoom process carries
only its camera over. The payload is small JSON, size-bounded and checked
field by field: drag data can come from any program.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass

import msgspec
from PySide6.QtCore import QByteArray, QMimeData

ORIGIN_MIME = "application/x-controlroom-tile-origin"
MAX_PAYLOAD = 1024  # bytes: a key, a tile number and a camera id

_keys = itertools.count(1)


def new_key() -> str:
    """A key naming one wall in this process (never reused while it runs)."""
    return f"{os.getpid()}:{next(_keys)}"


@dataclass(frozen=True)
class TileOrigin:
    """The tile a drag started from."""

    wall: str  # the source wall's key (``new_key``)
    tile: int
    camera_id: str | None

    @property
    def same_process(self) -> bool:
        return self.wall.split(":", 1)[0] == str(os.getpid())


def add_origin(mime: QMimeData, wall: str, tile: int, camera_id: str | None) -> None:
    mime.setData(ORIGIN_MIME, QByteArray(msgspec.json.encode({"wall": wall, "tile": tile, "camera": camera_id})))


def read_origin(mime: QMimeData) -> TileOrigin | None:
    """The origin a drag carries; None when it carries none or anything malformed."""
    if not mime.hasFormat(ORIGIN_MIME):
        return None
    raw = bytes(mime.data(ORIGIN_MIME).data())
    if len(raw) > MAX_PAYLOAD:
        return None
    try:
        data = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return None
    if not isinstance(data, dict):
        return None
    wall, tile, camera = data.get("wall"), data.get("tile"), data.get("camera")
    if not isinstance(wall, str) or isinstance(tile, bool) or not isinstance(tile, int) or not 0 <= tile < 1024:
        return None
    if camera is not None and (not isinstance(camera, str) or not camera or len(camera) > 128):
        return None
    return TileOrigin(wall, tile, camera)
