"""AlertBook: fetched lists and live events merged into one list, each alert once, newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from controlroom.plugins.alerts.api import AlertBook, AlertFilter, AlertPlaces, AlertState

from controlroom.api.schema import (
    Alert,
    AlertAcknowledgedEvent,
    AlertKind,
    AlertRaisedEvent,
    CameraStatusEvent,
    Severity,
    Transport,
)
from controlroom.demo.network import build_network
from controlroom.inventory import Inventory

T0 = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
CAM = "37132603001310000001"


def alert(n: int, *, kind: AlertKind = AlertKind.CHECKPOINT_HIT, severity: Severity = Severity.WARNING,
          message: str = "", acked_by: str | None = None, at: datetime | None = None) -> Alert:
    return Alert(
        id=f"alert-{n:07d}", kind=kind, severity=severity, message=message or f"alert {n}",
        raised_at=at or T0 + timedelta(seconds=n), camera_ids=[CAM],
        acknowledged_by=acked_by, acknowledged_at=T0 + timedelta(hours=1) if acked_by else None,
    )


class Events:
    """Event ids as the platform gives them: strictly increasing."""

    def __init__(self) -> None:
        self.next_id = 100

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def raised(self, a: Alert) -> AlertRaisedEvent:
        return AlertRaisedEvent(id=self._id(), at=T0, inventory_version=1, alert=a)

    def acked(self, alert_id: str, by: str = "dispatcher", at: datetime = T0 + timedelta(hours=2)) -> AlertAcknowledgedEvent:
        return AlertAcknowledgedEvent(id=self._id(), at=T0, inventory_version=1, alert_id=alert_id,
                                      acknowledged_by=by, acknowledged_at=at)


def test_merge_keeps_newest_first_whatever_the_input_order() -> None:
    book = AlertBook()
    change = book.merge([alert(2), alert(5), alert(1), alert(4)])
    assert book.ids == ["alert-0000005", "alert-0000004", "alert-0000002", "alert-0000001"]
    assert change.added == tuple(book.ids)
    assert [book.index(i) for i in book.ids] == [0, 1, 2, 3]
    assert book.at(0).id == "alert-0000005"
    book.merge([alert(3)])
    assert book.ids[2] == "alert-0000003" and len(book) == 5


def test_same_time_orders_by_id() -> None:
    book = AlertBook()
    book.merge([alert(1, at=T0), alert(2, at=T0)])
    assert book.ids == ["alert-0000002", "alert-0000001"]


def test_events_and_refetches_never_duplicate() -> None:
    book, ev = AlertBook(), Events()
    first = [alert(1), alert(2)]
    book.merge(first)
    raised = ev.raised(alert(3))
    change = book.apply([raised, ev.raised(alert(1))])  # 1 again, by another event
    assert change.added == ("alert-0000003",)
    assert not book.apply([raised])  # a replayed event is a no-op
    # the refetch after a reconnect brings all three again
    assert not book.merge([alert(3), *first], unread=True)
    assert book.ids == ["alert-0000003", "alert-0000002", "alert-0000001"]


def test_acknowledgement_is_final_and_a_stale_copy_never_reopens() -> None:
    book, ev = AlertBook(), Events()
    book.apply([ev.raised(alert(1))])
    assert book.is_open("alert-0000001") and book.open_count == 1
    change = book.apply([ev.acked("alert-0000001", "town03")])
    assert change.updated == {"alert-0000001"} and change.acknowledged == {"alert-0000001"}
    a = book.get("alert-0000001")
    assert a is not None and a.acknowledged_by == "town03" and AlertBook.state(a) == AlertState.ACKNOWLEDGED
    # a second acknowledgement (another desk, later) does not overwrite the first
    assert not book.apply([ev.acked("alert-0000001", "dispatcher")])
    # a list fetched before the acknowledgement still says open: ignored
    assert not book.merge([alert(1)])
    assert book.get("alert-0000001").acknowledged_by == "town03"  # type: ignore[union-attr]
    assert book.open_count == 0


def test_acknowledgement_before_its_alert() -> None:
    # a refetch racing the stream: the ack event arrives, then the (stale, open) alert
    book, ev = AlertBook(), Events()
    assert not book.apply([ev.acked("alert-0000007", "town01")])
    change = book.merge([alert(7)])
    assert change.added == ("alert-0000007",) and change.acknowledged == {"alert-0000007"}
    assert book.get("alert-0000007").acknowledged_by == "town01"  # type: ignore[union-attr]


def test_fetched_acknowledged_alert_updates_an_open_one() -> None:
    book = AlertBook()
    book.merge([alert(1)])
    change = book.merge([alert(1, acked_by="dispatcher")])
    assert change.updated == {"alert-0000001"} and change.acknowledged == {"alert-0000001"}


def test_unread_is_live_news_that_is_still_open() -> None:
    book, ev = AlertBook(), Events()
    book.merge([alert(1), alert(2)])  # the first list: the platform's state, not news
    assert book.unread_count == 0
    book.apply([ev.raised(alert(3)), ev.raised(alert(4))])
    assert book.unread() == ["alert-0000004", "alert-0000003"]
    book.merge([alert(5)], unread=True)  # missed during a reconnect: news too
    assert book.unread_count == 3
    assert book.mark_read(["alert-0000003", "alert-0000001"]) == {"alert-0000003"}
    book.apply([ev.acked("alert-0000004")])  # someone acknowledged it: nothing left to read
    assert book.unread() == ["alert-0000005"]
    book.apply([ev.raised(alert(6, acked_by="x"))])  # acknowledged already when it came
    assert not book.is_unread("alert-0000006")
    assert book.mark_all_read() == {"alert-0000005"} and book.unread_count == 0


def test_other_events_are_ignored() -> None:
    book = AlertBook()
    ev = CameraStatusEvent(id=1, at=T0, inventory_version=1, camera_id=CAM, online=False)
    assert not book.apply([ev]) and len(book) == 0


def test_size_is_capped_oldest_acknowledged_first() -> None:
    book = AlertBook(max_alerts=3)
    book.merge([alert(1), alert(2, acked_by="x"), alert(3)])
    change = book.merge([alert(4)])
    assert change.removed == ("alert-0000002",) and change.added == ("alert-0000004",)
    assert book.ids == ["alert-0000004", "alert-0000003", "alert-0000001"]
    change = book.merge([alert(5)])
    assert change.removed == ("alert-0000001",)  # none acknowledged left: the oldest
    # an old alert that does not fit is dropped at once, not reported as added
    change = book.merge([alert(0, acked_by="y")])
    assert change.added == () and change.removed == () and "alert-0000000" not in book


def test_remembered_events_are_bounded() -> None:
    book, ev = AlertBook(remember_events=5), Events()
    events = [ev.raised(alert(n)) for n in range(10)]
    book.apply(events)
    assert len(book._seen) == 5
    assert not book.apply(events)  # forgotten events still dedupe by alert id


def test_naive_times_are_utc_and_sort_with_aware_ones() -> None:
    book = AlertBook()
    naive = msgspec.structs.replace(alert(1), raised_at=datetime(2026, 11, 29, 9, 0))
    book.merge([naive, alert(2)])
    assert book.ids == ["alert-0000001", "alert-0000002"]  # 09:00 UTC is after 08:00:02


@pytest.mark.parametrize(("flt", "expected"), [
    (AlertFilter(), {1, 2, 3, 4}),
    (AlertFilter(kinds=frozenset({AlertKind.PATROL_SOS})), {2}),
    (AlertFilter(severities=frozenset({Severity.WARNING, Severity.INFO})), {1, 3, 4}),
    (AlertFilter(state=AlertState.OPEN), {1, 2, 4}),
    (AlertFilter(state=AlertState.ACKNOWLEDGED), {3}),
    (AlertFilter(text="鲁q"), {1}),
    (AlertFilter(text="town03"), {3}),
    (AlertFilter(text="alert-0000004"), {4}),
    (AlertFilter(text="鲁Q 布控"), {1}),
    (AlertFilter(text="鲁Q 求助"), set()),
    (AlertFilter(state=AlertState.OPEN, severities=frozenset({Severity.WARNING})), {1}),
])
def test_filters(flt: AlertFilter, expected: set[int]) -> None:
    book = AlertBook()
    book.merge([
        alert(1, message="S229卡口：布控车辆 鲁QA1234 通过"),
        alert(2, kind=AlertKind.PATROL_SOS, severity=Severity.CRITICAL, message="巡逻队员发出紧急求助"),
        alert(3, kind=AlertKind.CAMERA_OFFLINE, acked_by="town03"),
        alert(4, kind=AlertKind.GRID_INCIDENT, severity=Severity.INFO),
    ])
    assert {int(a.id[-7:]) for a in book.filtered(flt)} == expected


def test_places_and_town_filter_from_the_inventory() -> None:
    net = build_network(lambda cid, profile: {Transport.HTTP_TS: f"http://127.0.0.1:1/{cid}/{profile}.ts"})
    inv = Inventory()
    inv.replace(net.sites, net.cameras, net.grids, version=1)
    places = AlertPlaces(inv)
    towns = places.towns()
    assert len(towns) == 15 and towns[3] == "武台镇"
    cam = net.cameras_by_town[3][0]
    grid = net.grids_by_town[5][0]
    at_cam = msgspec.structs.replace(alert(1), camera_ids=[cam.id])
    at_grid = msgspec.structs.replace(alert(2), camera_ids=[], grid_id=grid.id)
    assert places.town(at_cam) == 3 and places.town_name(at_cam) == "武台镇"
    assert places.place(at_cam) == cam.name and places.place(at_grid) == grid.name
    # a checkpoint hit or a camera offline is where its camera is; the others where their grid is
    in_grid = msgspec.structs.replace(at_cam, grid_id=grid.id)
    assert places.place(in_grid) == cam.name
    sos = msgspec.structs.replace(in_grid, kind=AlertKind.PATROL_SOS)
    assert places.place(sos) == grid.name
    said = msgspec.structs.replace(sos, message=f"{grid.name}：巡逻队员发出紧急求助")
    assert places.message(said) == "巡逻队员发出紧急求助", "the place is not said twice"
    assert places.message(msgspec.structs.replace(said, message="多行\n  消息")) == "多行 消息"
    assert places.town(at_grid) == 5
    book = AlertBook()
    book.merge([at_cam, at_grid])
    assert [a.id for a in book.filtered(AlertFilter(town=3), places)] == ["alert-0000001"]
    assert [a.id for a in book.filtered(AlertFilter(text=grid.name), places)] == ["alert-0000002"]
    unknown = msgspec.structs.replace(alert(3), camera_ids=["37132699001310000001"])
    assert places.town(unknown) is None and places.cameras_known(unknown) == []
    assert places.camera_names(unknown) == ["37132699001310000001"]


def test_open_critical_alerts_are_shown_first_and_notes_are_kept() -> None:
    from datetime import UTC, datetime, timedelta

    from controlroom.api.schema import Alert, AlertAcknowledgedEvent, AlertKind, Severity

    t0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)

    def alert(n: int, severity: Severity) -> Alert:
        return Alert(f"a{n}", AlertKind.GRID_INCIDENT, severity, "x", t0 + timedelta(minutes=n))

    book = AlertBook()
    book.merge([alert(1, Severity.CRITICAL), alert(2, Severity.WARNING), alert(3, Severity.INFO)])
    assert book.ids == ["a3", "a2", "a1"]
    assert book.shown_order() == ["a1", "a3", "a2"]  # the open critical one pinned on top
    book.apply([AlertAcknowledgedEvent(id=1, at=t0, inventory_version=1, alert_id="a1", acknowledged_by="d",
                                       acknowledged_at=t0, note="patrol sent")])
    assert book.shown_order() == ["a3", "a2", "a1"]  # acknowledged: back to its place in time
    assert book.get("a1").acknowledged_note == "patrol sent"  # type: ignore[union-attr]
    # a stale copy fetched before the acknowledgement neither reopens it nor drops the note
    book.merge([alert(1, Severity.CRITICAL)])
    assert book.get("a1").acknowledged_note == "patrol sent"  # type: ignore[union-attr]
