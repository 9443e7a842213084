"""Simulated life on the demo network: cameras drop and return, grids change
status, checkpoints (卡口) raise alerts, patrols call for help, conference
participants speak, raise hands and mute.

The simulator owns no clock and no loop: the demo platform calls
``step(dt)`` from its own timer and passes an ``emit`` callable that turns
each change into an event (the server's event log assigns ``id``, ``at`` and
``inventory_version``). Given a seed, the same sequence of ``step`` calls
gives the same events, so tests can replay a run.

Changes happen as a Poisson process: action times are drawn ahead of time,
so ``step(60)`` and sixty ``step(1)`` produce the same events. Some actions
emit more than one event (a camera drop also changes its grid's online count,
and comes back later), so actions are drawn at ``rate / EVENTS_PER_ACTION``
to make the *event* rate about ``rate``.

The structs in the network are updated in place (msgspec structs are
mutable); every struct handed to ``emit`` is a snapshot, so a stored event
never changes after the fact when, say, its alert is acknowledged.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import Enum, auto

import msgspec

from controlroom.api.schema import (
    Alert,
    AlertAcknowledgedEvent,
    AlertKind,
    AlertRaisedEvent,
    Camera,
    CameraKind,
    CameraStatusEvent,
    ConferenceEvent,
    ConferenceRoom,
    Grid,
    GridStatus,
    GridStatusEvent,
    Severity,
)
from controlroom.demo.network import GRID_REASONS, Network

__all__ = ["EVENTS_PER_ACTION", "Simulator"]

Emit = Callable[..., object]

MAX_ALERTS = 5_000

# Measured over long runs with the weights below (tests/unit/test_simulation.py
# checks the resulting rate with loose bounds); recompute if the weights change.
EVENTS_PER_ACTION = 1.45

_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O on Chinese plates
# Linyi plates are 鲁Q; the neighbours (Heze, Jining, Zaozhuang, Xuzhou) pass too.
_PLATE_PREFIXES = ("鲁Q",) * 8 + ("鲁R", "鲁H", "鲁D", "苏C")
_HIT_REASONS = ("布控车辆", "套牌嫌疑车辆", "盗抢车辆", "逾期未检验车辆", "重点关注车辆")
_OFFLINE_REASONS = ("视频信号丢失", "设备掉线", "链路中断", "供电异常")


class _Action(Enum):
    CAMERA_DROP = auto()
    CAMERA_REPAIR = auto()
    GRID_STATUS = auto()
    CHECKPOINT_HIT = auto()
    PATROL_SOS = auto()
    GRID_INCIDENT = auto()
    CONFERENCE = auto()
    ACKNOWLEDGE = auto()


# How often each kind of change happens, relative to the others.
_WEIGHTS: dict[_Action, float] = {
    _Action.CAMERA_DROP: 16,
    _Action.CAMERA_REPAIR: 3,
    _Action.GRID_STATUS: 20,
    _Action.CHECKPOINT_HIT: 10,
    _Action.PATROL_SOS: 1,
    _Action.GRID_INCIDENT: 2,
    _Action.CONFERENCE: 40,
    _Action.ACKNOWLEDGE: 8,
}
_ACTIONS = tuple(_WEIGHTS)
_CUM_WEIGHTS: list[float] = []
for _w in _WEIGHTS.values():
    _CUM_WEIGHTS.append((_CUM_WEIGHTS[-1] if _CUM_WEIGHTS else 0.0) + _w)


def _snapshot_alert(alert: Alert) -> Alert:
    return msgspec.structs.replace(alert, camera_ids=list(alert.camera_ids))


def _snapshot_room(room: ConferenceRoom) -> ConferenceRoom:
    return msgspec.structs.replace(
        room, participants=[msgspec.structs.replace(p) for p in room.participants]
    )


class Simulator:
    """Drives changes on a :class:`Network` and reports each through ``emit``."""

    def __init__(
        self,
        net: Network,
        emit: Emit,
        *,
        rate: float = 2.0,
        seed: int = 1,
        start: datetime | None = None,
        max_alerts: int = MAX_ALERTS,
    ) -> None:
        if rate < 0:
            raise ValueError("rate must not be negative")
        self.net = net
        self._emit = emit
        self.rate = rate
        self.rng = random.Random(seed)
        # Timestamps on alerts follow simulated time from ``start``; pass one
        # for reproducible timestamps.
        self.start = start if start is not None else datetime.now(UTC)
        self.elapsed = 0.0
        self.max_alerts = max_alerts
        # Insertion-ordered: the oldest alert is dropped first.
        self.alerts: dict[str, Alert] = {}
        self._alert_seq = 0
        # Oldest first; may hold ids already acknowledged or evicted.
        self._unacknowledged: deque[str] = deque()
        self._emitted = 0
        self._next_action = self._draw_gap()
        # (due time, sequence, camera id): cameras that will come back.
        self._returns: list[tuple[float, int, str]] = []
        self._return_due: dict[str, float] = {}
        self._return_seq = 0
        self._checkpoints = [c for c in net.cameras if c.kind is CameraKind.CHECKPOINT]
        self._rooms = [r for r in net.rooms if r.active and r.participants]

    # ------------------------------------------------------------------ clock

    @property
    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed)

    def _draw_gap(self) -> float:
        action_rate = self.rate / EVENTS_PER_ACTION
        return self.rng.expovariate(action_rate) if action_rate > 0 else float("inf")

    def step(self, dt: float) -> int:
        """Advance simulated time by ``dt`` seconds; return the events emitted."""
        if dt < 0:
            raise ValueError("dt must not be negative")
        before = self._emitted
        end = self.elapsed + dt
        while True:
            due_return = self._returns[0][0] if self._returns else float("inf")
            if min(due_return, self._next_action) > end:
                break
            # Take whichever comes first, in simulated-time order.
            if due_return <= self._next_action:
                _, _, camera_id = heapq.heappop(self._returns)
                self.elapsed = max(self.elapsed, due_return)
                if self._return_due.get(camera_id) == due_return:
                    del self._return_due[camera_id]
                    self._set_online(camera_id, True)
            else:
                self.elapsed = max(self.elapsed, self._next_action)
                self._act(self._pick_action())
                self._next_action += self._draw_gap()
        self.elapsed = end
        return self._emitted - before

    def _send(self, event_cls: type, **fields: object) -> None:
        self._emitted += 1
        self._emit(event_cls, **fields)

    # ------------------------------------------------------------------ actions

    def _pick_action(self) -> _Action:
        x = self.rng.random() * _CUM_WEIGHTS[-1]
        for action, cum in zip(_ACTIONS, _CUM_WEIGHTS, strict=True):
            if x < cum:
                return action
        return _ACTIONS[-1]

    def _act(self, action: _Action) -> None:
        rng = self.rng
        if action is _Action.CAMERA_DROP:
            self._drop_random_camera()
        elif action is _Action.CAMERA_REPAIR:
            # Long-standing faults (cameras offline with no return scheduled)
            # get fixed now and then.
            for _ in range(20):
                cam = rng.choice(self.net.cameras)
                if not cam.online and cam.id not in self._return_due:
                    self._set_online(cam.id, True)
                    break
        elif action is _Action.GRID_STATUS:
            self._change_random_grid()
        elif action is _Action.CHECKPOINT_HIT:
            if self._checkpoints:
                cam = rng.choice(self._checkpoints)
                if cam.online:  # an offline checkpoint reads no plates
                    self.raise_alert(AlertKind.CHECKPOINT_HIT, camera_id=cam.id)
        elif action is _Action.PATROL_SOS:
            grid = rng.choice(self.net.grids)
            self.raise_alert(AlertKind.PATROL_SOS, grid_id=grid.id)
        elif action is _Action.GRID_INCIDENT:
            grid = rng.choice(self.net.grids)
            reason = rng.choice(GRID_REASONS[GridStatus.INCIDENT])
            self.set_grid_status(grid.id, GridStatus.INCIDENT, reason)
            self.raise_alert(AlertKind.GRID_INCIDENT, grid_id=grid.id)
        elif action is _Action.CONFERENCE:
            self._conference_tick()
        elif action is _Action.ACKNOWLEDGE:
            # Desks work their queues oldest first, a little behind.
            while self._unacknowledged:
                alert = self.alerts.get(self._unacknowledged.popleft())
                if alert is not None and alert.acknowledged_by is None:
                    self.acknowledge(alert.id, self._desk_for(alert))
                    break

    def _drop_random_camera(self) -> None:
        rng = self.rng
        for _ in range(20):
            cam = rng.choice(self.net.cameras)
            if cam.online:
                break
        else:
            return
        self._set_online(cam.id, False)
        # Most drops are link hiccups on the thin cable-TV edge: back within
        # a minute; a few take longer.
        back_in = rng.uniform(5, 60) if rng.random() < 0.9 else rng.uniform(60, 300)
        self._schedule_return(cam.id, self.elapsed + back_in)
        # Checkpoints matter: their drops always alert; others sometimes.
        if cam.kind is CameraKind.CHECKPOINT or rng.random() < 0.15:
            self.raise_alert(AlertKind.CAMERA_OFFLINE, camera_id=cam.id)

    def _schedule_return(self, camera_id: str, due: float) -> None:
        self._return_seq += 1
        self._return_due[camera_id] = due
        heapq.heappush(self._returns, (due, self._return_seq, camera_id))

    def _change_random_grid(self) -> None:
        rng = self.rng
        grid = rng.choice(self.net.grids)
        if grid.status is not GridStatus.NORMAL and rng.random() < 0.7:
            # Things settle: most changes are a return to normal.
            status = GridStatus.NORMAL
        else:
            status = rng.choices(
                (
                    GridStatus.NORMAL,
                    GridStatus.ATTENTION,
                    GridStatus.INCIDENT,
                    GridStatus.NO_COVERAGE,
                ),
                weights=(1, 6, 1, 2),
            )[0]
        self.set_grid_status(grid.id, status, rng.choice(GRID_REASONS[status]))

    def _conference_tick(self) -> None:
        if not self._rooms:
            return
        rng = self.rng
        room = rng.choice(self._rooms)
        # the simulated people only: a desk that joined (id "desk-<user>") is
        # a real client, whose hand and microphone are its own to change
        simulated = [p for p in room.participants if not p.id.startswith("desk-")]
        if not simulated:
            return
        who = rng.choice(simulated)
        roll = rng.random()
        if roll < 0.4:
            # Give someone the floor: one speaker at a time, and taking the
            # floor unmutes and lowers a raised hand.
            for p in room.participants:
                p.speaking = p is who
            who.muted = False
            who.hand_raised = False
        elif roll < 0.6:
            who.speaking = False
        elif roll < 0.8:
            who.hand_raised = not who.hand_raised
        else:
            who.muted = not who.muted
            if who.muted:
                who.speaking = False
        self._send(ConferenceEvent, room=_snapshot_room(room))

    def _desk_for(self, alert: Alert) -> str:
        town = self.net.town_of_site.get(alert.site_id) if alert.site_id else None
        return f"town{town:02d}" if town is not None else "dispatcher"

    # ------------------------------------------------------------------ on demand

    def set_camera_online(self, camera_id: str, online: bool) -> None:
        """Set a camera's state (KeyError if unknown); cancels a scheduled return."""
        if camera_id not in self.net.camera_by_id:
            raise KeyError(camera_id)
        self._return_due.pop(camera_id, None)
        self._set_online(camera_id, online)

    def _set_online(self, camera_id: str, online: bool) -> None:
        cam = self.net.camera_by_id[camera_id]
        if cam.online == online:
            return
        cam.online = online
        self._send(CameraStatusEvent, camera_id=cam.id, online=online)
        if cam.grid_id is not None:
            grid = self.net.grid_by_id[cam.grid_id]
            grid.cameras_online += 1 if online else -1
            self._emit_grid(grid)

    def set_grid_status(self, grid_id: str, status: GridStatus, reason: str) -> None:
        """Set a grid's status and reason (KeyError if unknown); emits even if unchanged,
        since the reason may be news."""
        grid = self.net.grid_by_id[grid_id]
        grid.status = GridStatus(status)
        grid.status_reason = reason
        self._emit_grid(grid)

    def _emit_grid(self, grid: Grid) -> None:
        self._send(
            GridStatusEvent,
            grid_id=grid.id,
            status=grid.status,
            status_reason=grid.status_reason,
            cameras_online=grid.cameras_online,
        )

    def raise_alert(
        self, kind: AlertKind, *, camera_id: str | None = None, grid_id: str | None = None
    ) -> Alert:
        """Raise one alert and emit it (exactly one event).

        With neither ``camera_id`` nor ``grid_id`` a fitting target is chosen:
        a checkpoint camera for a checkpoint hit, any camera for an offline
        alert, a grid otherwise. KeyError for an unknown id.
        """
        kind = AlertKind(kind)
        net, rng = self.net, self.rng
        cam: Camera | None = net.camera_by_id[camera_id] if camera_id is not None else None
        grid: Grid | None = net.grid_by_id[grid_id] if grid_id is not None else None
        if cam is None and grid is None:
            if kind is AlertKind.CHECKPOINT_HIT and self._checkpoints:
                cam = rng.choice(self._checkpoints)
            elif kind is AlertKind.CAMERA_OFFLINE:
                cam = rng.choice(net.cameras)
            else:
                grid = rng.choice(net.grids)
        if grid is None and cam is not None and cam.grid_id is not None:
            grid = net.grid_by_id[cam.grid_id]
        site_id = cam.site_id if cam is not None else grid.site_id if grid is not None else None

        # The cameras to put on a wall: the one concerned first, then the
        # grid's online cameras (or the site's, for town-site cameras).
        camera_ids: list[str] = [cam.id] if cam is not None else []
        if kind is not AlertKind.CAMERA_OFFLINE:
            pool = (
                net.cameras_by_grid[grid.id]
                if grid is not None
                else (net.cameras_by_site.get(site_id, []) if site_id is not None else [])
            )
            for c in pool:
                if len(camera_ids) >= 4:
                    break
                if c.online and c.id not in camera_ids:
                    camera_ids.append(c.id)

        place = cam.name if cam is not None else grid.name if grid is not None else "全县"
        if kind is AlertKind.CHECKPOINT_HIT:
            severity = Severity.WARNING
            message = f"{place}：{rng.choice(_HIT_REASONS)} {self._plate()} 通过"
        elif kind is AlertKind.CAMERA_OFFLINE:
            severity = (
                Severity.WARNING
                if cam is not None and cam.kind is CameraKind.CHECKPOINT
                else Severity.INFO
            )
            message = f"{place}：{rng.choice(_OFFLINE_REASONS)}"
        elif kind is AlertKind.PATROL_SOS:
            severity = Severity.CRITICAL
            who = rng.choice(grid.members).name if grid is not None and grid.members else "巡逻队员"
            message = f"{place}：巡逻队员{who}发出紧急求助"
        else:
            severity = Severity.WARNING
            reason = (
                grid.status_reason
                if grid is not None and grid.status is GridStatus.INCIDENT and grid.status_reason
                else rng.choice(GRID_REASONS[GridStatus.INCIDENT])
            )
            message = f"{place}：{reason}"

        self._alert_seq += 1
        alert = Alert(
            id=f"alert-{self._alert_seq:07d}",
            kind=kind,
            severity=severity,
            message=message,
            raised_at=self.now,
            site_id=site_id,
            grid_id=grid.id if grid is not None else None,
            camera_ids=camera_ids,
        )
        self.alerts[alert.id] = alert
        self._unacknowledged.append(alert.id)
        while len(self.alerts) > self.max_alerts:
            del self.alerts[next(iter(self.alerts))]
        self._send(AlertRaisedEvent, alert=_snapshot_alert(alert))
        return alert

    def acknowledge(self, alert_id: str, by: str, note: str | None = None) -> Alert:
        """Acknowledge an alert (KeyError if unknown or already evicted).

        The first acknowledgement stands: acknowledging again returns the
        alert unchanged and emits nothing.
        """
        alert = self.alerts[alert_id]
        if alert.acknowledged_by is None:
            alert.acknowledged_by = by
            alert.acknowledged_at = self.now
            alert.acknowledged_note = note
            self._send(
                AlertAcknowledgedEvent,
                alert_id=alert.id,
                acknowledged_by=by,
                acknowledged_at=alert.acknowledged_at,
                note=note,
            )
        return alert

    def _plate(self) -> str:
        rng = self.rng
        tail = [rng.choice("0123456789") for _ in range(4)]
        if rng.random() < 0.3:  # newer plates mix in a letter
            tail[rng.randrange(4)] = rng.choice(_PLATE_LETTERS)
        return rng.choice(_PLATE_PREFIXES) + rng.choice(_PLATE_LETTERS) + "".join(tail)
