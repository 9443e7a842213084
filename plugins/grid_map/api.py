"""The grid map's public API. The hatch patterns and wall words it used to define here are
shared UI vocabulary now: ``controlroom.ui.api`` (the grid board uses them too)."""

from __future__ import annotations

from controlroom.ui.api import hatch_brush, plain_tooltip, put_text, swatch

__all__ = ["hatch_brush", "plain_tooltip", "put_text", "swatch"]
