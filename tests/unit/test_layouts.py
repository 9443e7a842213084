"""Layout presets, custom grids with merged cells, the editor's merge and split."""

from __future__ import annotations

import pytest

from controlroom.wall.layouts import (
    PRESETS,
    Cell,
    Layout,
    LayoutError,
    custom,
    is_preset,
    merge,
    preset,
    split,
)


def covers_once(layout: Layout) -> bool:
    seen = [pos for c in layout.cells for pos in c.positions()]
    return len(seen) == len(set(seen)) == layout.rows * layout.cols


@pytest.mark.parametrize("n", [1, 4, 6, 8, 9, 10, 13, 16, 25, 36, 64])
def test_presets_have_their_tile_count_and_cover_the_grid(n: int) -> None:
    layout = preset(n)
    assert len(layout) == n and covers_once(layout)
    assert Layout.from_dict(layout.to_dict()) == layout


def test_large_tiles_come_first() -> None:
    assert PRESETS[6].cells[0] == Cell(0, 0, 2, 2) and (PRESETS[6].rows, PRESETS[6].cols) == (3, 3)
    assert PRESETS[8].cells[0] == Cell(0, 0, 3, 3) and PRESETS[8].rows == 4
    assert PRESETS[10].cells[:2] == (Cell(0, 0, 2, 2), Cell(0, 2, 2, 2))
    assert PRESETS[13].cells[0] == Cell(1, 1, 2, 2)
    assert PRESETS[13].cells[1:5] == (Cell(0, 0), Cell(0, 1), Cell(0, 2), Cell(0, 3))
    assert (PRESETS[64].rows, PRESETS[64].cols) == (8, 8)


def test_unknown_preset() -> None:
    with pytest.raises(LayoutError, match="presets"):
        preset(7)


def test_custom_orders_tiles_by_top_left() -> None:
    layout = custom(3, 4, [Cell(1, 2, 2, 2), Cell(0, 0, 1, 2)], name="路口")
    assert layout.name == "路口" and covers_once(layout)
    assert [(c.row, c.col) for c in layout.cells] == [(0, 0), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1)]


@pytest.mark.parametrize("rows, cols, merges, match", [
    (2, 2, [Cell(1, 1, 2, 1)], "outside"),
    (2, 2, [Cell(-1, 0)], "outside"),
    (3, 3, [Cell(0, 0, 2, 2), Cell(1, 1, 2, 2)], "overlap"),
    (0, 3, [], "rows"),
    (9, 9, [], "rows"),
    (2, 2, [Cell(0, 0, 0, 1)], "at least 1"),
])
def test_custom_validates(rows: int, cols: int, merges: list[Cell], match: str) -> None:
    with pytest.raises(LayoutError, match=match):
        custom(rows, cols, merges)


def test_layout_itself_refuses_holes_and_overlaps() -> None:
    with pytest.raises(LayoutError, match="no tile covers"):
        Layout("x", 1, 2, (Cell(0, 0),))
    with pytest.raises(LayoutError, match="overlap"):
        Layout("x", 1, 2, (Cell(0, 0, 1, 2), Cell(0, 1)))


@pytest.mark.parametrize("data", [
    {}, {"name": "x", "rows": 1, "cols": 1, "cells": "no"},
    {"name": "x", "rows": 1, "cols": 1, "cells": [{"row": 0}]},
    {"name": "x", "rows": 1, "cols": 1, "cells": [{"row": 0, "col": 0, "bad": 1}]},
    {"name": "x", "rows": "1", "cols": 1, "cells": [{"row": 0, "col": 0}]},
    {"name": "x", "rows": 1, "cols": 1, "cells": [{"row": 0.0, "col": 0}]},
    {"name": 5, "rows": 1, "cols": 1, "cells": [{"row": 0, "col": 0}]},
])
def test_from_dict_rejects_bad_data(data: dict) -> None:
    with pytest.raises(LayoutError):
        Layout.from_dict(data)


def test_merge_and_split() -> None:
    base = preset(16)
    merged = merge(base, [(1, 1), (2, 2)])
    assert len(merged) == 13 and covers_once(merged) and merged.name == "custom"
    assert Cell(1, 1, 2, 2) in merged.cells
    assert merged.same_geometry(PRESETS[13]) is False  # same cells, reading order
    assert set(merged.cells) == set(PRESETS[13].cells)
    # merging inside one tile changes nothing; cutting a merged tile is refused
    assert merge(merged, [(1, 1), (2, 2)]) is merged
    with pytest.raises(LayoutError, match="cuts through"):
        merge(merged, [(0, 0), (1, 1)])
    bigger = merge(merged, [(0, 0), (3, 3)])
    assert len(bigger) == 1
    back = split(merged, merged.tile_at(1, 1))  # type: ignore[arg-type]
    assert back.same_geometry(base)
    assert split(base, 0) is base
    with pytest.raises(LayoutError):
        merge(base, [(4, 0)])
    with pytest.raises(LayoutError):
        merge(base, [])


def test_edits_of_custom_layouts_keep_their_name() -> None:
    layout = custom(2, 3, name="卡口")
    assert merge(layout, [(0, 0), (1, 0)]).name == "卡口"
    assert is_preset(preset(9)) and not is_preset(layout)


def test_neighbour_steps_over_merged_tiles() -> None:
    layout = preset(13)
    centre = 0
    right = layout.neighbour(centre, 1, 0)
    assert layout.cells[right] == Cell(1, 3)
    assert layout.neighbour(right, -1, 0) == centre
    assert layout.cells[layout.neighbour(centre, 0, 1)] == Cell(3, 1)
    assert layout.cells[layout.neighbour(centre, -1, 0)] == Cell(1, 0)
    corner = layout.tile_at(0, 0)
    assert layout.neighbour(corner, -1, 0) == corner  # type: ignore[arg-type]
