"""The UI's public API for plugins: the one part of ``controlroom.ui`` a plugin may import.

Plugins import the core (``controlroom.*`` outside ``ui`` and ``plugins``)
and this module, never other UI modules nor another plugin's internals; the
import-linter contracts in pyproject.toml ([tool.importlinter], run by
``.ci/test``) hold them to it. Add here, deliberately, what plugins need.
"""

from __future__ import annotations

from controlroom.ui import (
    presenting,  # windows that present to an audience hold pop-ups back
    text,  # platform text into widgets: plain, never rich text
    video_words,  # a player's structured reason in words (API 1.2)
)
from controlroom.ui.grid_patterns import hatch_brush, plain_tooltip, put_text, swatch
from controlroom.ui.grid_status import (
    STATUS_ORDER,
    GridStaleness,
    age_text,
    grid_tooltip_lines,
    rich_lines,
    stale_banner_text,
    status_colour,
    status_glyph,
    status_icon,
    status_label,
    status_text,
)
from controlroom.ui.identity import identity_of  # who is logged in, in words (name · role · scope)
from controlroom.ui.permissions import (  # controls the role/platform forbid: off, with the reason
    gate,
    gate_action,
)
from controlroom.ui.playback.install import (  # playback from a time (plugin API 1.2)
    ALERT_LEAD,
    play_from,
)

__all__ = [
    "ALERT_LEAD",
    "STATUS_ORDER",
    "GridStaleness",
    "age_text",
    "gate",
    "gate_action",
    "grid_tooltip_lines",
    "hatch_brush",
    "identity_of",
    "plain_tooltip",
    "play_from",
    "presenting",
    "put_text",
    "rich_lines",
    "stale_banner_text",
    "status_colour",
    "status_glyph",
    "status_icon",
    "status_label",
    "status_text",
    "swatch",
    "text",
    "video_words",
]
