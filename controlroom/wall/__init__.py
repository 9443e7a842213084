"""The video wall's logic: layouts, views, tours (轮巡), the stream policy and the controller.

Pure Python, no Qt: the widgets in ``ui/wall`` and the players in
``controlroom/video`` adapt it. Import from the submodules; this package
re-exports the names other parts use most.
"""

from controlroom.wall.controller import TileSlot, WallChange, WallController
from controlroom.wall.layouts import (
    PRESETS,
    Cell,
    Layout,
    LayoutError,
    custom,
    merge,
    preset,
    split,
)
from controlroom.wall.policy import (
    Decision,
    Reason,
    StreamPolicy,
    TileDemand,
    default_decode_budget,
)
from controlroom.wall.tours import Tour, TourSpec, pages
from controlroom.wall.views import View, ViewError, ViewStore

__all__ = [
    "PRESETS",
    "Cell",
    "Decision",
    "Layout",
    "LayoutError",
    "Reason",
    "StreamPolicy",
    "TileDemand",
    "TileSlot",
    "Tour",
    "TourSpec",
    "View",
    "ViewError",
    "ViewStore",
    "WallChange",
    "WallController",
    "custom",
    "default_decode_budget",
    "merge",
    "pages",
    "preset",
    "split",
]
