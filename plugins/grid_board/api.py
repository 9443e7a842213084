"""The grid board's public API: its pane and its settings' defaults.

How statuses look and read (colour, glyph, words, stale age) is the app's
one vocabulary, ``controlroom.ui.grid_status``; the hatch pattern over each
colour is shared with the grid map: ``controlroom.ui.api``.
"""

from __future__ import annotations

from controlroom.plugins.grid_board.widgets.board import REDRAW_MS, SAMPLE_SECONDS, GridBoard

__all__ = ["REDRAW_MS", "SAMPLE_SECONDS", "GridBoard"]
