"""Platform text made safe to show: bidi overrides neutralised and marked.

A name from the platform may carry Unicode direction controls: U+202E
(RIGHT-TO-LEFT OVERRIDE) makes "camera 12<RLO>3-exit" read as something else,
and the embeddings and isolates reorder what follows them. ``display_name``
strips them and puts a ⚠ in front, so the operator reads the characters in
the order the platform sent them and sees that the name was tampered with.
The tree, the tiles, the alerts and the roster all show names through it
(``controlroom.ui.text`` adds escaping for rich-text properties).
"""

from __future__ import annotations

import re

#: Embeddings, overrides, isolates and their pops (UAX #9), plus the implicit marks.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
MARK = "\u26a0"  # ⚠


def has_bidi_controls(text: str) -> bool:
    return _BIDI.search(text) is not None


def display_name(text: str) -> str:
    """``text`` without direction controls, marked with a ⚠ when it had any; unchanged otherwise."""
    if _BIDI.search(text) is None:
        return text
    return f"{MARK} {_BIDI.sub('', text)}"
