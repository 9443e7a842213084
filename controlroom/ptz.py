"""PTZ control of one camera: operator gestures in, a bounded stream of platform commands out.

No widgets here (the tile's controls are ``ui/wall/ptz_overlay.py``). Three parts:

- ``availability``: may this tile steer at all, and if not, why (a reason the
  UI words: not a PTZ camera, the platform offers no PTZ, the role only views);
- ``PtzCommander``: pure logic, time passed in. The operator *wants* a motion
  (a direction or a zoom at a speed, or stop); the commander says which
  command to send and when. It coalesces (a key's auto-repeat or a drag's
  many small moves send nothing new), rate-limits (``min_interval`` between
  commands; one in flight at a time, the latest wish wins), keeps a held move
  alive (the platform stops a move by itself after its safety timeout, so a
  move still wanted is repeated every ``keepalive`` s), always lets ``stop``
  through first, turns click-to-centre into a short timed move, and stays
  quiet while a higher-priority operator holds the camera;
- ``PtzDriver`` (QtCore): runs a commander for one camera on the asyncio loop
  with a QTimer, sends through the backend, asks the platform who holds the
  camera when it answers 409, and reports structured problems (``PtzProblem``)
  and the camera's state (presets, holder).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import math
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from controlroom.api import errors
from controlroom.api.schema import Camera, PtzAction, PtzCommand, PtzHolder, PtzState, Role, User
from controlroom.backends.base import Backend, Capability

log = logging.getLogger("controlroom.ptz")

#: what a direction does to the picture's centre: (x, y) in view widths/heights
DIRECTIONS: dict[PtzAction, tuple[int, int]] = {
    PtzAction.LEFT: (-1, 0),
    PtzAction.RIGHT: (1, 0),
    PtzAction.UP: (0, -1),
    PtzAction.DOWN: (0, 1),
}
ZOOMS = (PtzAction.ZOOM_IN, PtzAction.ZOOM_OUT)
PRIORITY = {Role.DISPATCHER: 2, Role.TOWN_DESK: 1, Role.PRESENTER: 0}
#: the least speed sent: a platform may treat 0 as "do not move"
MIN_SPEED = 0.05


class Unavailable(enum.Enum):
    """Why a tile cannot steer its camera (the UI words it)."""

    NO_CAMERA = "no_camera"
    NOT_PTZ = "not_ptz"  # a fixed camera
    BACKEND = "backend"  # the platform offers no PTZ
    VIEW_ONLY = "view_only"  # a presenter, or a user the platform says may not control


def availability(camera: Camera | None, capabilities: frozenset[Capability], user: User | None) -> Unavailable | None:
    """None when the tile may steer ``camera``; else the first reason it may not."""
    if camera is None:
        return Unavailable.NO_CAMERA
    if Capability.PTZ not in capabilities:
        return Unavailable.BACKEND
    if not camera.ptz:
        return Unavailable.NOT_PTZ
    if user is not None and (user.role == Role.PRESENTER or not user.can_control):
        return Unavailable.VIEW_ONLY
    return None


@dataclass(frozen=True)
class Motion:
    """What the operator wants the camera to do: a direction or zoom at a speed, or stop."""

    action: PtzAction
    speed: float = 0.5

    @property
    def moving(self) -> bool:
        return self.action is not PtzAction.STOP

    def command(self) -> PtzCommand:
        if not self.moving:
            return PtzCommand(action=PtzAction.STOP)
        return PtzCommand(action=self.action, speed=round(min(1.0, max(MIN_SPEED, self.speed)), 3))


STOPPED = Motion(PtzAction.STOP, 0.0)


def drag_motion(dx: float, dy: float, width: float, height: float, dead_zone: float = 0.04) -> Motion:
    """The motion a drag from the picture's centre asks for: its longer axis is the direction,
    its length (in half the tile's size) the speed. A drag inside the dead zone is stop."""
    if width <= 0 or height <= 0:
        return STOPPED
    fx, fy = dx / (width / 2), dy / (height / 2)
    if max(abs(fx), abs(fy)) < dead_zone:
        return STOPPED
    if abs(fx) >= abs(fy):
        return Motion(PtzAction.RIGHT if fx > 0 else PtzAction.LEFT, min(1.0, abs(fx)))
    return Motion(PtzAction.DOWN if fy > 0 else PtzAction.UP, min(1.0, abs(fy)))


def centre_plan(fx: float, fy: float, speed: float, views_per_second: float = 1.0) -> list[tuple[Motion, float]]:
    """Click-to-centre as timed moves: (motion, seconds) to bring the point (fx, fy) of the picture
    (0..1 each) to its centre, the longer axis first. ``views_per_second`` is how far the picture
    moves in a second at speed 1 (the demo's cameras: one view; the contract in DEVELOPERS.md)."""
    speed = min(1.0, max(MIN_SPEED, speed))
    dx, dy = fx - 0.5, fy - 0.5
    steps: list[tuple[Motion, float]] = []
    for d, plus, minus in sorted(((dx, PtzAction.RIGHT, PtzAction.LEFT), (dy, PtzAction.DOWN, PtzAction.UP)),
                                 key=lambda x: -abs(x[0])):
        if abs(d) < 0.02:  # close enough: a click near the centre moves nothing
            continue
        steps.append((Motion(plus if d > 0 else minus, speed), abs(d) / (speed * views_per_second)))
    return steps


@dataclass
class PtzCommander:
    """Which command to send when (see the module's docstring). Times are monotonic seconds."""

    min_interval: float = 0.15
    keepalive: float = 2.0
    wanted: Motion = STOPPED
    sent: Motion | None = STOPPED  # what the platform was last told (None: unknown, after a failure)
    in_flight: bool = False
    last_sent_at: float = -math.inf
    held_until: float = -math.inf  # a higher-priority operator holds the camera until then
    plan: list[tuple[Motion, float]] = field(default_factory=list)  # click-to-centre: (motion, until)
    commands: int = 0  # sent, for tests and diagnostics

    def want(self, motion: Motion, now: float) -> bool:
        """The operator wants ``motion`` now (a held key, a drag, a button); False while held by another."""
        self.plan.clear()
        if motion.moving and self.held(now):
            self.wanted = STOPPED
            return False
        self.wanted = motion
        return True

    def stop(self) -> None:
        self.plan.clear()
        self.wanted = STOPPED

    def centre(self, fx: float, fy: float, speed: float, now: float, views_per_second: float = 1.0) -> bool:
        """Bring the picture's point (fx, fy) to the centre with a short move (or two)."""
        if self.held(now):
            return False
        steps = centre_plan(fx, fy, speed, views_per_second)
        self.plan = []
        t = now
        for motion, seconds in steps:
            t += seconds
            self.plan.append((motion, t))
        self.wanted = self.plan[0][0] if self.plan else STOPPED
        return True

    def held(self, now: float) -> bool:
        return now < self.held_until

    def _follow_plan(self, now: float) -> None:
        while self.plan and now >= self.plan[0][1]:
            self.plan.pop(0)
            self.wanted = self.plan[0][0] if self.plan else STOPPED

    def next_command(self, now: float) -> PtzCommand | None:
        """The command to send now, or None (nothing new, or not yet: see ``next_due``)."""
        self._follow_plan(now)
        if self.in_flight:
            return None
        w = self.wanted
        if w != self.sent:
            if w.moving and now - self.last_sent_at < self.min_interval:
                return None  # rate limit: the latest wish goes out when the interval is over
            return self._send(w, now)
        if w.moving and now - self.last_sent_at >= self.keepalive:
            return self._send(w, now)  # keep a held move alive past the platform's safety timeout
        return None

    def _send(self, motion: Motion, now: float) -> PtzCommand:
        self.in_flight = True
        self.sent = motion
        self.last_sent_at = now
        self.commands += 1
        return motion.command()

    def next_due(self, now: float) -> float | None:
        """When ``next_command`` may have something to send (None: only after the next wish)."""
        due: list[float] = []
        if self.plan:
            due.append(self.plan[0][1])
        if not self.in_flight:
            if self.wanted != self.sent:
                due.append(self.last_sent_at + self.min_interval if self.wanted.moving else now)
            elif self.wanted.moving:
                due.append(self.last_sent_at + self.keepalive)
        return max(now, min(due)) if due else None

    def done(self, ok: bool) -> None:
        """The command in flight was answered (``ok``) or failed (what the camera does is unknown)."""
        self.in_flight = False
        if not ok:
            self.sent = None

    def held_by_other(self, until: float) -> None:
        """The platform refused: someone of higher priority holds the camera until ``until``."""
        self.in_flight = False
        self.plan.clear()
        self.wanted = STOPPED
        self.sent = STOPPED  # our move never started
        self.held_until = until

    def release_hold(self) -> None:
        self.held_until = -math.inf


class PtzProblem(enum.Enum):
    """Why a command did not work (structured: the UI words it)."""

    HELD = "held"  # params: holder (PtzHolder)
    VIEW_ONLY = "view_only"  # 403
    NOT_PTZ = "not_ptz"  # 409 no_ptz
    UNSUPPORTED = "unsupported"  # the backend lacks it
    FAILED = "failed"  # params: message (the error's own translated words)


@dataclass(frozen=True)
class PtzReport:
    problem: PtzProblem
    holder: PtzHolder | None = None
    message: str = ""


def holder_is_other(holder: PtzHolder | None, user: User | None) -> bool:
    """The holder is someone else with a higher priority than ``user`` (the platform will refuse)."""
    if holder is None or user is None or holder.username == user.username:
        return False
    return PRIORITY.get(holder.role, 0) > PRIORITY.get(user.role, 0)


class PtzDriver(QObject):
    """One camera's commander on the asyncio loop: sends through ``backend``, reports back.

    ``clock`` is monotonic seconds; ``wall_clock`` the UTC now (holds end at a UTC time)."""

    state_changed = Signal(object)  # PtzState
    problem = Signal(object)  # PtzReport
    held_changed = Signal(object)  # PtzHolder of a higher-priority operator, or None
    sent = Signal(object)  # PtzCommand (tests, the audit trail)

    def __init__(self, backend: Backend, camera_id: str, user: User | None, parent: QObject | None = None, *,
                 clock: Callable[[], float] | None = None,
                 wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.backend = backend
        self.camera_id = camera_id
        self.user = user
        self.commander = PtzCommander()
        self.state: PtzState | None = None
        self.holder: PtzHolder | None = None
        self._clock = clock or time.monotonic
        self._wall_clock = wall_clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pump)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self._hold_over)
        self._tasks: set[asyncio.Task[None]] = set()
        self.views_per_second = 1.0
        self.closed = False

    @property
    def presets_available(self) -> bool:
        return Capability.PTZ_PRESETS in self.backend.capabilities

    # ------------------------------------------------------------------ gestures

    def move(self, action: PtzAction, speed: float) -> bool:
        ok = self.commander.want(Motion(action, speed), self._clock())
        if not ok:
            self._report_held()
        self._pump()
        return ok

    def stop(self) -> None:
        self.commander.stop()
        self._pump()

    def centre(self, fx: float, fy: float, speed: float) -> bool:
        ok = self.commander.centre(fx, fy, speed, self._clock(), self.views_per_second)
        if not ok:
            self._report_held()
        self._pump()
        return ok

    def go_to_preset(self, number: int) -> None:
        if self.commander.held(self._clock()):
            self._report_held()
            return
        self.commander.stop()
        self._spawn(self._preset(number))

    def save_preset(self, number: int, name: str = "") -> None:
        self._spawn(self._save(number, name))

    def refresh(self) -> None:
        """Ask the platform for the camera's state (presets, holder), where it offers that."""
        if self.presets_available:
            self._spawn(self._refresh())

    def close(self) -> None:
        """Stop the camera if it moves for us, then forget everything."""
        if self.closed:
            return
        self.closed = True
        self._timer.stop()
        self._hold_timer.stop()
        c = self.commander
        if c.sent is None or c.sent.moving:
            self._spawn(self._send_raw(PtzCommand(action=PtzAction.STOP)), keep_when_closed=True)
        c.stop()

    # ------------------------------------------------------------------ the loop

    def _pump(self) -> None:
        if self.closed:
            return
        now = self._clock()
        cmd = self.commander.next_command(now)
        if cmd is not None:
            self._spawn(self._send(cmd))
        due = self.commander.next_due(now)
        if due is not None:
            self._timer.start(max(0, round((due - now) * 1000)))
        else:
            self._timer.stop()

    def _spawn(self, coro: Coroutine[Any, Any, None], keep_when_closed: bool = False) -> None:
        if self.closed and not keep_when_closed:
            coro.close()
            return
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_raw(self, cmd: PtzCommand) -> None:
        try:
            await self.backend.ptz(self.camera_id, cmd)
        except errors.PlatformError as exc:
            log.info("PTZ %s on %s: %s", cmd.action.value, self.camera_id, exc)

    async def _send(self, cmd: PtzCommand) -> None:
        try:
            await self.backend.ptz(self.camera_id, cmd)
        except errors.PlatformError as exc:
            await self._failed(exc)
        else:
            self.commander.done(True)
            self.sent.emit(cmd)
        self._pump()

    async def _failed(self, exc: errors.PlatformError) -> None:
        from controlroom.backends.base import Unsupported

        if isinstance(exc, errors.ForbiddenError):
            self.commander.held_by_other(-math.inf)
            self.problem.emit(PtzReport(PtzProblem.VIEW_ONLY))
            return
        if isinstance(exc, Unsupported):
            self.commander.held_by_other(-math.inf)
            self.problem.emit(PtzReport(PtzProblem.UNSUPPORTED, message=exc.message))
            return
        if exc.status == 409:
            # who holds it, in structure: ask the platform (no parsing of its words)
            holder = None
            if self.presets_available:
                try:
                    state = await self.backend.ptz_state(self.camera_id)
                except errors.PlatformError:
                    state = None
                if state is not None:
                    self._set_state(state)
                    holder = state.held_by
            if holder is not None and holder_is_other(holder, self.user):
                self._held(holder)
                return
            self.commander.held_by_other(-math.inf)
            self.problem.emit(PtzReport(PtzProblem.NOT_PTZ if holder is None else PtzProblem.FAILED,
                                        message=exc.message))
            return
        self.commander.done(False)
        self.problem.emit(PtzReport(PtzProblem.FAILED, message=str(exc)))

    def _held(self, holder: PtzHolder) -> None:
        seconds = max(0.0, (holder.until - self._wall_clock()).total_seconds())
        self.commander.held_by_other(self._clock() + seconds)
        self.holder = holder
        self._hold_timer.start(round(seconds * 1000) + 50)
        self.held_changed.emit(holder)
        self.problem.emit(PtzReport(PtzProblem.HELD, holder=holder))

    def _report_held(self) -> None:
        if self.holder is not None:
            self.problem.emit(PtzReport(PtzProblem.HELD, holder=self.holder))

    def _hold_over(self) -> None:
        self.commander.release_hold()
        self.holder = None
        self.held_changed.emit(None)

    async def _preset(self, number: int) -> None:
        cmd = PtzCommand(action=PtzAction.PRESET, preset=number)
        self.commander.in_flight = True  # no move goes out while the preset is on its way
        try:
            await self.backend.ptz(self.camera_id, cmd)
        except errors.PlatformError as exc:
            await self._failed(exc)
        else:
            self.commander.done(True)
            self.commander.sent = STOPPED  # a preset ends any move
            self.sent.emit(cmd)
        self._pump()

    async def _save(self, number: int, name: str) -> None:
        try:
            await self.backend.ptz_save_preset(self.camera_id, number, name)
        except errors.PlatformError as exc:
            await self._failed(exc)
            return
        await self._refresh()

    async def _refresh(self) -> None:
        try:
            state = await self.backend.ptz_state(self.camera_id)
        except errors.PlatformError as exc:
            log.info("PTZ state of %s: %s", self.camera_id, exc)
            return
        self._set_state(state)
        if holder_is_other(state.held_by, self.user) and state.held_by is not None:
            self._held(state.held_by)

    def _set_state(self, state: PtzState) -> None:
        if self.closed:
            return
        self.state = state
        self.state_changed.emit(state)
