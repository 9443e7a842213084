"""Wall layouts: a grid of rows x columns cut into tiles, some of them merged.

A ``Layout`` is pure geometry. Tile ``i`` is ``cells[i]``; in the presets the
large tile comes first (tile 0 is where an operator's main camera goes, and
"fill from tile 0" puts the first camera of a village there). Every layout is
validated when it is made: each grid cell is covered by exactly one tile, so
the wall widget and keyboard navigation never meet a hole or an overlap.

The presets are the ones operators know from iVMS-4200 and XProtect: 1, 4,
6 (1 large + 5), 8 (1 large + 7), 9, 10 (2 large + 8), 13 (1 large centre +
12), 16, 25, 36 and 64. Custom layouts come from the layout editor, which
merges and splits cells through ``merge`` and ``split``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

MAX_SIDE = 8
"""Rows and columns of a custom grid: 8x8 = 64 tiles, the largest wall we play."""


class LayoutError(ValueError):
    """A layout that does not cover its grid exactly once, or a bad merge or split."""


@dataclass(frozen=True, order=True)
class Cell:
    """One tile's place in the grid: its top-left cell and how many cells it spans."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1

    @property
    def bottom(self) -> int:
        """One past the last row."""
        return self.row + self.rowspan

    @property
    def right(self) -> int:
        """One past the last column."""
        return self.col + self.colspan

    def covers(self, row: int, col: int) -> bool:
        return self.row <= row < self.bottom and self.col <= col < self.right

    def positions(self) -> Iterable[tuple[int, int]]:
        """The grid cells (row, col) this tile covers."""
        for r in range(self.row, self.bottom):
            for c in range(self.col, self.right):
                yield r, c

    def to_dict(self) -> dict[str, int]:
        return {"row": self.row, "col": self.col, "rowspan": self.rowspan, "colspan": self.colspan}


@dataclass(frozen=True)
class Layout:
    """A named grid of ``rows`` x ``cols`` cut into tiles; tile ``i`` is ``cells[i]``."""

    name: str
    rows: int
    cols: int
    cells: tuple[Cell, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "cells", tuple(self.cells))
        _validate(self.rows, self.cols, self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def tiles(self) -> int:
        return len(self.cells)

    def tile_at(self, row: int, col: int) -> int | None:
        """The tile covering grid cell (row, col), or None outside the grid."""
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return None
        for i, cell in enumerate(self.cells):
            if cell.covers(row, col):
                return i
        return None  # unreachable for a validated layout

    def neighbour(self, tile: int, dx: int, dy: int) -> int:
        """The tile one step from ``tile`` in a direction (dx, dy in -1, 0, 1), or ``tile`` at an edge.

        Steps leave the tile's own rectangle, so a merged tile is crossed in
        one key press; the tile's top-left cell is the anchor, so from the
        large centre tile of the 13 layout "right" reaches the tile beside its
        top row, and "left" from there comes back to it.
        """
        cell = self.cells[tile]
        row = cell.row if dy == 0 else (cell.bottom if dy > 0 else cell.row - 1)
        col = cell.col if dx == 0 else (cell.right if dx > 0 else cell.col - 1)
        found = self.tile_at(row, col)
        return tile if found is None else found

    def same_geometry(self, other: Layout) -> bool:
        return (self.rows, self.cols, self.cells) == (other.rows, other.cols, other.cells)

    # ------------------------------------------------------------------ plain data

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "rows": self.rows, "cols": self.cols,
                "cells": [c.to_dict() for c in self.cells]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Layout:
        """Rebuild a layout from ``to_dict`` output; ``LayoutError`` if it is not a valid one."""
        try:
            name, rows, cols, cells = data["name"], data["rows"], data["cols"], data["cells"]
        except (KeyError, TypeError) as e:
            raise LayoutError(f"a layout needs name, rows, cols and cells ({e})") from None
        if not isinstance(name, str):
            raise LayoutError("a layout's name must be text")
        if not isinstance(cells, list):
            raise LayoutError("a layout's cells must be a list")
        parsed: list[Cell] = []
        for c in cells:
            if not isinstance(c, Mapping):
                raise LayoutError("each cell must be an object")
            extra = set(c) - {"row", "col", "rowspan", "colspan"}
            if extra:
                raise LayoutError(f"unknown cell fields {sorted(extra)}")
            try:
                parsed.append(Cell(c["row"], c["col"], c.get("rowspan", 1), c.get("colspan", 1)))
            except KeyError as e:
                raise LayoutError(f"a cell needs {e}") from None
        return cls(name, rows, cols, tuple(parsed))


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _validate(rows: object, cols: object, cells: tuple[Cell, ...]) -> None:
    if not (_is_int(rows) and _is_int(cols)):
        raise LayoutError("rows and columns must be whole numbers")
    assert isinstance(rows, int) and isinstance(cols, int)
    if not (1 <= rows <= MAX_SIDE and 1 <= cols <= MAX_SIDE):
        raise LayoutError(f"a grid has 1 to {MAX_SIDE} rows and columns, not {rows}x{cols}")
    owner: dict[tuple[int, int], int] = {}
    for i, cell in enumerate(cells):
        if not isinstance(cell, Cell):
            raise LayoutError(f"tile {i} is not a Cell")
        if not all(_is_int(v) for v in (cell.row, cell.col, cell.rowspan, cell.colspan)):
            raise LayoutError(f"tile {i}: positions and spans must be whole numbers")
        if cell.rowspan < 1 or cell.colspan < 1:
            raise LayoutError(f"tile {i}: spans must be at least 1")
        if cell.row < 0 or cell.col < 0 or cell.bottom > rows or cell.right > cols:
            raise LayoutError(f"tile {i} at row {cell.row}, column {cell.col} "
                              f"({cell.rowspan}x{cell.colspan}) is outside the {rows}x{cols} grid")
        for pos in cell.positions():
            if pos in owner:
                raise LayoutError(f"tiles {owner[pos]} and {i} overlap at row {pos[0]}, column {pos[1]}")
            owner[pos] = i
    if len(owner) != rows * cols:
        hole = next((r, c) for r in range(rows) for c in range(cols) if (r, c) not in owner)
        raise LayoutError(f"no tile covers row {hole[0]}, column {hole[1]}")


# --------------------------------------------------------------------------- building


def grid(rows: int, cols: int, name: str | None = None) -> Layout:
    """A plain grid of equal tiles."""
    return custom(rows, cols, (), name=name or f"{rows}x{cols}")


def custom(rows: int, cols: int, merges: Iterable[Cell] = (), *, name: str = "custom") -> Layout:
    """A grid with some cells merged; every other cell is a 1x1 tile.

    Tiles are ordered by the (row, col) of their top-left cell: reading order,
    which is what an operator expects "fill" and the arrow keys to follow.
    """
    merges = tuple(merges)
    if not (_is_int(rows) and _is_int(cols)) or not (1 <= rows <= MAX_SIDE and 1 <= cols <= MAX_SIDE):
        raise LayoutError(f"a grid has 1 to {MAX_SIDE} rows and columns, not {rows}x{cols}")
    taken: set[tuple[int, int]] = set()
    for cell in merges:
        # validate the merges on their own first, for an error that names them
        _validate_inside(rows, cols, cell)
        for pos in cell.positions():
            if pos in taken:
                raise LayoutError(f"merged cells overlap at row {pos[0]}, column {pos[1]}")
            taken.add(pos)
    singles = [Cell(r, c) for r in range(rows) for c in range(cols) if (r, c) not in taken]
    cells = sorted([*merges, *singles], key=lambda c: (c.row, c.col))
    return Layout(name, rows, cols, tuple(cells))


def _validate_inside(rows: int, cols: int, cell: Cell) -> None:
    if not isinstance(cell, Cell) or not all(
        _is_int(v) for v in (cell.row, cell.col, cell.rowspan, cell.colspan)
    ):
        raise LayoutError("a merge must be a Cell of whole numbers")
    if cell.rowspan < 1 or cell.colspan < 1:
        raise LayoutError("spans must be at least 1")
    if cell.row < 0 or cell.col < 0 or cell.bottom > rows or cell.right > cols:
        raise LayoutError(f"the merge at row {cell.row}, column {cell.col} "
                          f"({cell.rowspan}x{cell.colspan}) is outside the {rows}x{cols} grid")


def _reordered(layout: Layout, cells: Iterable[Cell], name: str | None) -> Layout:
    if name is None:
        # an edited preset is no longer that preset; keep a custom layout's own name
        name = "custom" if is_preset(layout) else layout.name
    return Layout(name, layout.rows, layout.cols, tuple(sorted(cells, key=lambda c: (c.row, c.col))))


def merge(layout: Layout, cells_to_merge: Iterable[tuple[int, int]], *, name: str | None = None) -> Layout:
    """Merge the rectangle spanned by the selected grid cells (row, col) into one tile.

    Every tile that the rectangle touches must lie wholly inside it: a merge
    never cuts through an existing merged tile. Merging within one tile
    changes nothing. The result is ordered like ``custom``.
    """
    positions = list(cells_to_merge)
    if not positions:
        raise LayoutError("select the cells to merge")
    for r, c in positions:
        if not (0 <= r < layout.rows and 0 <= c < layout.cols):
            raise LayoutError(f"row {r}, column {c} is outside the {layout.rows}x{layout.cols} grid")
    top, left = min(r for r, _ in positions), min(c for _, c in positions)
    bottom, right = max(r for r, _ in positions) + 1, max(c for _, c in positions) + 1
    rect = Cell(top, left, bottom - top, right - left)
    inside: list[int] = []
    for i, cell in enumerate(layout.cells):
        overlaps = cell.row < rect.bottom and rect.row < cell.bottom and cell.col < rect.right and rect.col < cell.right
        if not overlaps:
            continue
        if cell.row < rect.row or cell.col < rect.col or cell.bottom > rect.bottom or cell.right > rect.right:
            raise LayoutError("the selection cuts through a merged tile; include all of it or none")
        inside.append(i)
    if len(inside) == 1:
        return layout
    kept = [c for i, c in enumerate(layout.cells) if i not in set(inside)]
    return _reordered(layout, [*kept, rect], name)


def split(layout: Layout, tile: int, *, name: str | None = None) -> Layout:
    """Split a merged tile back into 1x1 tiles; a 1x1 tile is left as it is."""
    if not 0 <= tile < len(layout.cells):
        raise LayoutError(f"there is no tile {tile} in a layout of {len(layout.cells)}")
    cell = layout.cells[tile]
    if cell.rowspan == 1 and cell.colspan == 1:
        return layout
    kept = [c for i, c in enumerate(layout.cells) if i != tile]
    return _reordered(layout, [*kept, *(Cell(r, c) for r, c in cell.positions())], name)


# --------------------------------------------------------------------------- presets


def _with_large(name: str, side: int, large: list[Cell]) -> Layout:
    # Large tiles first (in the order given), then the small ones in reading order.
    taken = {pos for cell in large for pos in cell.positions()}
    small = [Cell(r, c) for r in range(side) for c in range(side) if (r, c) not in taken]
    return Layout(name, side, side, (*large, *small))


PRESETS: dict[int, Layout] = {
    1: grid(1, 1, "1x1"),
    4: grid(2, 2, "2x2"),
    6: _with_large("1+5", 3, [Cell(0, 0, 2, 2)]),
    8: _with_large("1+7", 4, [Cell(0, 0, 3, 3)]),
    9: grid(3, 3, "3x3"),
    10: _with_large("2+8", 4, [Cell(0, 0, 2, 2), Cell(0, 2, 2, 2)]),
    13: _with_large("1+12", 4, [Cell(1, 1, 2, 2)]),
    16: grid(4, 4, "4x4"),
    25: grid(5, 5, "5x5"),
    36: grid(6, 6, "6x6"),
    64: grid(8, 8, "8x8"),
}


def preset(n: int) -> Layout:
    """The preset with ``n`` tiles; ``LayoutError`` names the ones there are."""
    try:
        return PRESETS[n]
    except (KeyError, TypeError):
        raise LayoutError(f"there is no {n}-tile layout; presets: "
                          f"{', '.join(str(k) for k in PRESETS)}") from None


def is_preset(layout: Layout) -> bool:
    p = PRESETS.get(len(layout.cells))
    return p is not None and p.same_geometry(layout)
