"""Tours (轮巡): intervals, countdown, pause and resume, pre-roll, pages. Time is passed in."""

from __future__ import annotations

import pytest

from controlroom.wall.tours import MIN_INTERVAL, Tour, TourSpec, pages


def test_interval_of_at_least_three_seconds() -> None:
    assert MIN_INTERVAL == 3
    TourSpec(("a",), 3)
    for bad in (2.99, 0, -1, float("nan"), float("inf"), True, "5"):
        with pytest.raises(ValueError):
            TourSpec(("a",), bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        TourSpec((), 5)


def test_steps_countdown_and_preroll() -> None:
    tour = Tour(TourSpec(["a", "b", "c"], 5), now=100.0)
    assert tour.current == "a" and tour.peek_next() == "b"
    assert tour.remaining(102.0) == 3.0 and not tour.due(104.9) and tour.due(105.0)
    assert tour.advance(105.0) == "b" and tour.remaining(105.0) == 5.0
    tour.advance(110.0)
    assert tour.current == "c" and tour.peek_next() == "a"
    assert tour.advance(115.0) == "a"
    assert tour.back(116.0) == "c"
    assert tour.remaining(130.0) == 0.0


def test_pause_keeps_the_time_left() -> None:
    tour = Tour(TourSpec(("a", "b"), 10), now=0.0)
    tour.pause(4.0)
    assert tour.paused and tour.remaining(50.0) == 6.0 and not tour.due(50.0)
    tour.pause(60.0)  # twice is harmless
    tour.resume(100.0)
    assert tour.remaining(101.0) == 5.0 and tour.due(106.0)
    tour.resume(102.0)  # already running: no change
    assert tour.remaining(102.0) == 4.0


def test_a_new_tour_waits_to_be_started() -> None:
    tour = Tour(TourSpec(("a", "b"), 3))
    assert not tour.started and tour.paused and not tour.due(1e9) and tour.remaining(0) == 3
    tour.start(10.0)
    assert tour.started and tour.due(13.0)


def test_one_item_has_nothing_to_preroll() -> None:
    assert Tour(TourSpec(("a",), 3), 0).peek_next() is None


def test_pages() -> None:
    ids = [str(i) for i in range(10)]
    assert pages(ids, 4) == [("0", "1", "2", "3"), ("4", "5", "6", "7"), ("8", "9")]
    assert pages([], 4) == []
    assert pages(ids, 16) == [tuple(ids)]
    for bad in (0, -1, True):
        with pytest.raises(ValueError):
            pages(ids, bad)
