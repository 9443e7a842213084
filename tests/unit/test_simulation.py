"""The demo simulator: event rate, event shapes, consistency, replayability."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest

from controlroom.api.schema import (
    EVENT_TYPES,
    AlertAcknowledgedEvent,
    AlertKind,
    AlertRaisedEvent,
    CameraKind,
    CameraStatusEvent,
    ConferenceEvent,
    DisplayShowEvent,
    DisplayUpdatedEvent,
    Event,
    GridStatus,
    GridStatusEvent,
    ResyncEvent,
    Severity,
    Transport,
)
from controlroom.demo.network import Network, build_network
from controlroom.demo.simulation import Simulator

START = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
_decoder = msgspec.json.Decoder(Event)


def fake_urls(camera_id: str, profile: str) -> dict[Transport, str]:
    return {Transport.RTSP: f"rtsp://127.0.0.1:1/media/{camera_id}/{profile}"}


class Recorder:
    """An ``emit`` that builds each event as the server would and checks it
    survives the wire (so field names and types match the schema)."""

    def __init__(self, sim: list[Simulator] | None = None) -> None:
        self.events: list[Any] = []
        self.times: list[float] = []  # simulated time of each event
        self._sim = sim  # filled in once the simulator exists

    def __call__(self, cls: type, **fields: Any) -> Any:
        ev = cls(id=len(self.events) + 1, at=START, inventory_version=1, **fields)
        raw = msgspec.json.encode(ev)
        assert _decoder.decode(raw) == ev
        self.events.append(ev)
        self.times.append(self._sim[0].elapsed if self._sim else 0.0)
        return ev

    def of(self, cls: type) -> list[Any]:
        return [e for e in self.events if type(e) is cls]


@pytest.fixture
def net() -> Network:
    # Tests mutate the network; a build takes a fraction of a second.
    return build_network(fake_urls)


def make(net: Network, *, rate: float = 10.0, seed: int = 1) -> tuple[Simulator, Recorder]:
    holder: list[Simulator] = []
    rec = Recorder(holder)
    sim = Simulator(net, rec, rate=rate, seed=seed, start=START)
    holder.append(sim)
    return sim, rec


def test_rate_is_roughly_as_asked(net: Network) -> None:
    sim, rec = make(net, rate=10)
    n = sim.step(60)
    assert n == len(rec.events)
    assert 300 <= n <= 1000


def test_zero_rate_is_quiet(net: Network) -> None:
    sim, rec = make(net, rate=0)
    assert sim.step(600) == 0 and rec.events == []


def test_every_event_type_appears_and_state_stays_consistent(net: Network) -> None:
    sim, rec = make(net, rate=10)
    for _ in range(600):
        sim.step(1.0)
    seen = {type(e) for e in rec.events}
    # display events come from display machines and dispatchers, not from the simulated county
    assert seen == set(EVENT_TYPES) - {ResyncEvent, DisplayUpdatedEvent, DisplayShowEvent}
    alert_kinds = {e.alert.kind for e in rec.of(AlertRaisedEvent)}
    assert alert_kinds == set(AlertKind)

    for g in net.grids:
        cams = net.cameras_by_grid[g.id]
        assert g.cameras_total == len(cams)
        assert g.cameras_online == sum(c.online for c in cams)
        assert 0 <= g.cameras_online <= g.cameras_total

    # Replaying the events over the starting state gives the final state.
    online = {c.id: c.online for c in build_network(fake_urls).cameras}
    grid_online: dict[str, int] = {}
    grid_status: dict[str, tuple[GridStatus, str]] = {}
    for e in rec.events:
        if isinstance(e, CameraStatusEvent):
            assert online[e.camera_id] != e.online  # only real changes are sent
            online[e.camera_id] = e.online
        elif isinstance(e, GridStatusEvent):
            grid_online[e.grid_id] = e.cameras_online
            grid_status[e.grid_id] = (e.status, e.status_reason)
    assert online == {c.id: c.online for c in net.cameras}
    for grid_id, count in grid_online.items():
        grid = net.grid_by_id[grid_id]
        assert grid.cameras_online == count
        assert (grid.status, grid.status_reason) == grid_status[grid_id]


def test_alerts_point_at_cameras(net: Network) -> None:
    sim, rec = make(net, rate=10)
    sim.step(600)
    raised = [e.alert for e in rec.of(AlertRaisedEvent)]
    ids = [a.id for a in raised]
    assert len(set(ids)) == len(ids)
    for a in raised:
        assert a.site_id in net.site_by_id
        assert a.camera_ids and all(c in net.camera_by_id for c in a.camera_ids)
        assert a.message
        if a.grid_id is not None:
            assert net.grid_by_id[a.grid_id].site_id == a.site_id
        if a.kind is AlertKind.CHECKPOINT_HIT:
            assert net.camera_by_id[a.camera_ids[0]].kind is CameraKind.CHECKPOINT
            assert re.search(r"[鲁苏][A-Z][A-Z0-9]{5}", a.message)
        if a.kind is AlertKind.PATROL_SOS:
            assert a.severity is Severity.CRITICAL and a.grid_id is not None


def test_cameras_usually_come_back_within_a_minute(net: Network) -> None:
    sim, rec = make(net, rate=10)
    sim.step(900)
    went_down: dict[str, float] = {}
    durations: list[float] = []
    for e, t in zip(rec.events, rec.times, strict=True):
        if isinstance(e, CameraStatusEvent):
            if not e.online:
                went_down[e.camera_id] = t
            elif e.camera_id in went_down:
                durations.append(t - went_down.pop(e.camera_id))
    assert len(durations) > 100
    assert sum(d <= 60 for d in durations) / len(durations) > 0.8


def test_conference_has_at_most_one_speaker(net: Network) -> None:
    sim, rec = make(net, rate=10)
    sim.step(300)
    updates = rec.of(ConferenceEvent)
    assert updates
    for e in updates:
        assert e.room.id in net.room_by_id
        assert sum(p.speaking for p in e.room.participants) <= 1
        assert not any(p.speaking and p.muted for p in e.room.participants)
    states = {msgspec.json.encode(e.room) for e in updates}
    assert len(states) > 10


def test_raise_and_acknowledge(net: Network) -> None:
    sim, rec = make(net, rate=0)
    cam = next(c for c in net.cameras if c.kind is CameraKind.CHECKPOINT)
    alert = sim.raise_alert(AlertKind.CHECKPOINT_HIT, camera_id=cam.id)
    assert alert.camera_ids[0] == cam.id and alert.site_id == cam.site_id
    assert "鲁" in alert.message or "苏" in alert.message
    assert sim.alerts[alert.id] is alert
    assert len(rec.events) == 1 and rec.events[0].alert == alert

    acked = sim.acknowledge(alert.id, "town03")
    assert acked.acknowledged_by == "town03" and acked.acknowledged_at == START
    ev = rec.events[-1]
    assert isinstance(ev, AlertAcknowledgedEvent)
    assert (ev.alert_id, ev.acknowledged_by) == (alert.id, "town03")
    # The raised event is a snapshot: acknowledging does not rewrite history.
    assert rec.events[0].alert.acknowledged_by is None

    n = len(rec.events)
    assert sim.acknowledge(alert.id, "dispatcher").acknowledged_by == "town03"
    assert len(rec.events) == n
    with pytest.raises(KeyError):
        sim.acknowledge("no-such-alert", "dispatcher")

    grid = net.grids[0]
    sos = sim.raise_alert(AlertKind.PATROL_SOS, grid_id=grid.id)
    assert sos.grid_id == grid.id and sos.site_id == grid.site_id
    assert set(sos.camera_ids) <= {c.id for c in net.cameras_by_grid[grid.id]}
    for kind in AlertKind:
        assert sim.raise_alert(kind).kind is kind  # a target is picked when none is given


def test_alert_history_is_bounded(net: Network) -> None:
    sim, _ = make(net, rate=0)
    sim.max_alerts = 50
    first = sim.raise_alert(AlertKind.PATROL_SOS)
    for _ in range(80):
        sim.raise_alert(AlertKind.CHECKPOINT_HIT)
    assert len(sim.alerts) == 50
    assert first.id not in sim.alerts
    with pytest.raises(KeyError):
        sim.acknowledge(first.id, "dispatcher")


def test_manual_camera_and_grid_changes(net: Network) -> None:
    sim, rec = make(net, rate=0)
    cam = next(c for c in net.cameras if c.grid_id is not None and c.online)
    grid = net.grid_by_id[cam.grid_id or ""]
    before = grid.cameras_online
    sim.set_camera_online(cam.id, False)
    assert not cam.online and grid.cameras_online == before - 1
    assert [type(e) for e in rec.events] == [CameraStatusEvent, GridStatusEvent]
    assert rec.events[1].cameras_online == before - 1
    sim.set_camera_online(cam.id, False)  # no change, no event
    assert len(rec.events) == 2
    sim.set_camera_online(cam.id, True)
    assert cam.online and grid.cameras_online == before and len(rec.events) == 4

    sim.set_grid_status(grid.id, GridStatus.INCIDENT, "走失老人搜寻中")
    assert grid.status is GridStatus.INCIDENT and grid.status_reason == "走失老人搜寻中"
    ev = rec.events[-1]
    assert isinstance(ev, GridStatusEvent) and ev.status is GridStatus.INCIDENT
    with pytest.raises(KeyError):
        sim.set_camera_online("0" * 20, True)
    with pytest.raises(KeyError):
        sim.set_grid_status("0" * 20, GridStatus.NORMAL, "")


def test_manual_state_cancels_a_scheduled_return(net: Network) -> None:
    sim, rec = make(net, rate=10)
    sim.step(5)
    dropped = [e.camera_id for e in rec.of(CameraStatusEvent) if not e.online]
    assert dropped
    cam_id = dropped[0]
    assert not net.camera_by_id[cam_id].online
    # An operator (or a test) says it stays down: its pending return is off.
    sim.set_camera_online(cam_id, False)
    sim.step(400)
    assert not any(e.camera_id == cam_id and e.online for e in rec.of(CameraStatusEvent))
    assert not net.camera_by_id[cam_id].online


def _run(seed: int, chunks: list[float]) -> bytes:
    net = build_network(fake_urls)
    sim, rec = make(net, rate=10, seed=seed)
    for dt in chunks:
        sim.step(dt)
    return msgspec.json.encode(rec.events)


def test_deterministic_for_a_seed() -> None:
    a = _run(1, [120.0])
    assert a == _run(1, [120.0])
    # How time is chopped up does not matter.
    assert a == _run(1, [0.5] * 240)
    assert a != _run(2, [120.0])
