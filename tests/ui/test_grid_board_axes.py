"""The grid board's axes (issue 9 item 10): town labels that never overlap in a short pane,
and a time axis that reads as times from the first sample on, in the operator's language."""

from __future__ import annotations

import itertools
import re
from datetime import datetime

from controlroom.plugins.grid_board.widgets.axes import MIN_SPAN, time_text
from controlroom.plugins.grid_board.widgets.board import GridBoard
from PySide6.QtCore import QLocale


def _board(qtbot, inventory, height: int) -> GridBoard:  # type: ignore[no-untyped-def]
    board = GridBoard(inventory, redraw_ms=10)
    qtbot.addWidget(board)
    board.resize(420, height)
    board.show()
    qtbot.waitExposed(board)
    qtbot.waitUntil(lambda: len(board.shown_status) == len(inventory.grids), timeout=3000)
    return board


def test_town_labels_do_not_overlap_in_a_short_pane(qtbot, full_inventory) -> None:  # type: ignore[no-untyped-def]
    board = _board(qtbot, full_inventory, 520)
    axis = board.town_axis
    qtbot.waitUntil(lambda: axis.geometry().height() > 0)
    n = len(axis.names)
    assert n >= 15
    labels = axis.drawn_labels()
    assert len(labels) >= 3, labels
    assert all(t.strip("…") for _, t in labels)
    for (a, _), (b, _) in itertools.pairwise(sorted(labels, key=lambda x: x[0].top())):
        assert not a.intersects(b), (a, b)
    # in a tall pane every town has its label
    board.resize(420, 1000)
    qtbot.waitUntil(lambda: len(axis.drawn_labels()) == n, timeout=3000)


def test_time_axis_reads_as_times_from_the_first_sample(qtbot, full_inventory) -> None:  # type: ignore[no-untyped-def]
    board = _board(qtbot, full_inventory, 600)
    assert len(board.rate) == 1  # the board starts with one sample
    qtbot.waitUntil(lambda: board.rate_plot.viewRange()[0][1] - board.rate_plot.viewRange()[0][0] >= MIN_SPAN)
    axis = board.rate_plot.getAxis("bottom")
    lo, hi = board.rate_plot.viewRange()[0]
    levels = axis.tickValues(lo, hi, axis.geometry().width() or 400)
    values = levels[0][1]
    assert len(values) >= 2
    texts = axis.tickStrings(values, 1.0, levels[0][0])
    assert all(re.fullmatch(r"\d\d:\d\d(:\d\d)?", t) for t in texts), texts


def test_dates_follow_the_language() -> None:
    t = datetime(2026, 12, 2, 14, 30).timestamp()
    assert time_text(t, 86_400, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "Dec 2"
    zh = time_text(t, 86_400, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert "12月" in zh and "Dec" not in zh
    assert time_text(t, 60, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "14:30"


def test_the_date_axis_in_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 10: with zh_CN chosen, the chart's dates read in Chinese (installed .qm)."""
    from controlroom.ui import i18n

    t = datetime(2026, 12, 2, 14, 30).timestamp()
    try:
        assert i18n.install_translators("zh_CN") == "zh_CN"
        assert time_text(t, 86_400) == "12月2日"
        assert time_text(t, 40 * 86_400) == "2026年12月"
    finally:
        i18n.install_translators("en")
    assert time_text(t, 86_400) == "Dec 2"
