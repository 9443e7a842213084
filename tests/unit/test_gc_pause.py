"""The collector's pauses (inventory loads, exports) end in any order and leave it as it was.

A display's load and its session's resync after a platform restart overlap and end in either order;
a per-pause "was it enabled" left the collector off for the rest of the process (found by the full
suite: a later test saw ``gc.isenabled()`` False).
"""

from __future__ import annotations

import contextlib
import gc

import pytest

from controlroom.api.client import paused_gc, quiet_gc


@pytest.mark.parametrize("first_out", ["outer", "inner"])
def test_overlapping_pauses_end_in_any_order_and_the_collector_comes_back(first_out: str) -> None:
    assert gc.isenabled()
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(gc.unfreeze)
        outer, inner = quiet_gc(), paused_gc()
        outer.__enter__()
        inner.__enter__()
        assert not gc.isenabled()
        first, second = (outer, inner) if first_out == "outer" else (inner, outer)
        first.__exit__(None, None, None)
        assert not gc.isenabled(), "one pause is still open"
        second.__exit__(None, None, None)
        assert gc.isenabled()


def test_a_pause_inside_a_disabled_collector_leaves_it_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
