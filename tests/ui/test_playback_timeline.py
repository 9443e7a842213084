"""The timeline widget alone: ranges, gaps and marks where they belong; wheel zoom; drag to scrub;
Shift+drag to choose a range."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from controlroom.ui.playback.timeline import (
    ALERT,
    AXIS_H,
    BOOKMARK_H,
    GAP,
    MAX_SPAN,
    MIN_SPAN,
    RECORDED,
    Timeline,
)
from PySide6.QtCore import QPoint, Qt

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def colour_at(tl: Timeline, t: datetime, row: int = 0, dy: float = 0.8) -> tuple[int, int, int]:
    img = tl.grab().toImage()
    x = round(tl._x(t.timestamp()))
    y = round(AXIS_H + BOOKMARK_H + 4 + (row + dy) * tl._row_h() - 1)
    c = img.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def rgb(c) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    return c.red(), c.green(), c.blue()


def make(qtbot) -> Timeline:  # type: ignore[no-untyped-def]
    tl = Timeline()
    qtbot.addWidget(tl)
    tl.resize(1000, 120)
    tl.follow = False
    tl.set_rows([("a", "Camera A"), ("b", "Camera B")])
    tl.set_ranges("a", [(T0, T0 + timedelta(minutes=10)), (T0 + timedelta(minutes=20), T0 + timedelta(minutes=30))],
                  [(T0 + timedelta(minutes=25), True)])
    tl.set_ranges("b", [(T0, T0 + timedelta(minutes=30))], [])
    tl.set_window(T0.timestamp(), (T0 + timedelta(minutes=30)).timestamp())
    tl.show()
    qtbot.waitExposed(tl)
    return tl


def test_ranges_gaps_and_marks_are_drawn_where_they_are(qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = make(qtbot)
    assert colour_at(tl, T0 + timedelta(minutes=5)) == rgb(RECORDED)
    assert colour_at(tl, T0 + timedelta(minutes=15)) == rgb(GAP)
    assert colour_at(tl, T0 + timedelta(minutes=15), row=1) == rgb(RECORDED)
    assert colour_at(tl, T0 + timedelta(minutes=25), dy=0.3) == rgb(ALERT)


def test_wheel_zooms_between_seconds_and_days_and_drag_scrubs(qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = make(qtbot)
    for _ in range(40):
        tl.zoom_at(500, 1)
    assert tl.t1 - tl.t0 == MIN_SPAN
    for _ in range(60):
        tl.zoom_at(500, -1)
    assert tl.t1 - tl.t0 == MAX_SPAN
    tl.set_window(T0.timestamp(), (T0 + timedelta(minutes=30)).timestamp())
    seeks: list[datetime] = []
    tl.seek_requested.connect(seeks.append)
    y = AXIS_H + 20
    x_at = round(tl._x((T0 + timedelta(minutes=12)).timestamp()))
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(200, y))
    qtbot.mouseMove(tl, QPoint(x_at, y))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(x_at, y))
    assert len(seeks) == 1 and abs((seeks[0] - (T0 + timedelta(minutes=12))).total_seconds()) < 3
    ranges: list[tuple[datetime, datetime]] = []
    tl.range_selected.connect(lambda a, b: ranges.append((a, b)))
    x2 = round(tl._x((T0 + timedelta(minutes=14)).timestamp()))
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(x_at, y))
    qtbot.mouseMove(tl, QPoint(x2, y))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(x2, y))
    assert len(ranges) == 1 and abs((ranges[0][1] - ranges[0][0]).total_seconds() - 120) < 5
