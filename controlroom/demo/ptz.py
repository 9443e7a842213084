"""PTZ on the demo platform: positions that move with time, holds by priority, presets.

Every PTZ camera of the demo network has a position (pan and tilt 0..1, zoom
1..4) that changes while a direction or a zoom is held: it moves until
``stop`` or until ``MOVE_TIMEOUT`` seconds after the last command (a client
that vanished mid-move must not leave a camera turning). Speed scales the
rate: at speed 1 the picture moves one view width a second.

Priority (issue 13): the operator who last moved a camera holds it for
``HOLD_SECONDS``; while a dispatcher holds it, a town desk's commands answer
409 ``ptz_held`` naming who and until when. Equal priority takes over (the
last mover wins), and presenters may not steer at all (403).

A few PTZ cameras (``scene_cameras``: one in each of the first towns, so a
town desk has one too) really show their position: their streams are a
viewport over a larger scene, encoded live while watched
(``media.ptz_scene``). The others keep playing their test clip; their
position is still kept and reported.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from aiohttp import web

from controlroom.api import schema as s
from controlroom.demo.media.ptz_scene import VIEW_FRACTION, PtzSceneSource, clamp_pose

if TYPE_CHECKING:
    from controlroom.demo.network import DemoUser, Network

API = "/api/v1"
HOLD_SECONDS = 15.0
MOVE_TIMEOUT = 5.0
MAX_SCENE_CAMERAS = 4
PRIORITY = {s.Role.DISPATCHER: 2, s.Role.TOWN_DESK: 1, s.Role.PRESENTER: 0}

_DIRECTIONS = {
    s.PtzAction.LEFT: (-1, 0, 0),
    s.PtzAction.RIGHT: (1, 0, 0),
    s.PtzAction.UP: (0, -1, 0),
    s.PtzAction.DOWN: (0, 1, 0),
    s.PtzAction.ZOOM_IN: (0, 0, 1),
    s.PtzAction.ZOOM_OUT: (0, 0, -1),
}


def scene_cameras(net: Network, limit: int = MAX_SCENE_CAMERAS) -> list[str]:
    """The PTZ cameras whose video is the moving scene: the first online one of towns 1, 2, ...

    Deterministic (the demo network is), so tests find them the same way."""
    first: dict[int, str] = {}
    for cam in net.cameras:
        if not (cam.ptz and cam.online):
            continue
        town = net.town_of_site.get(cam.site_id)
        if town is not None and town not in first:
            first[town] = cam.id
    return [first[t] for t in sorted(first)][:limit]


@dataclass
class Hold:
    user: DemoUser
    until_mono: float
    until: datetime


@dataclass
class PtzCamera:
    """One camera's position; ``pose(now)`` advances it to ``now`` first."""

    camera_id: str
    pan: float = 0.5
    tilt: float = 0.5
    zoom: float = 1.0
    velocity: tuple[int, int, int] = (0, 0, 0)
    speed: float = 0.5
    since: float = 0.0
    stop_at: float | None = None
    hold: Hold | None = None
    presets: dict[int, s.PtzPreset] = field(default_factory=lambda: {1: s.PtzPreset(number=1, name="Home")})
    saved_poses: dict[int, tuple[float, float, float]] = field(default_factory=lambda: {1: (0.5, 0.5, 1.0)})

    def advance(self, now: float) -> None:
        end = now if self.stop_at is None else min(now, self.stop_at)
        dt = max(0.0, end - self.since)
        vx, vy, vz = self.velocity
        if dt and (vx or vy or vz):
            rate = max(0.05, self.speed)
            view = VIEW_FRACTION / self.zoom  # the view's width as a fraction of the scene
            zoom = self.zoom * math.exp(vz * rate * math.log(2) * 1.5 * dt)
            self.pan, self.tilt, self.zoom = clamp_pose(self.pan + vx * rate * view * dt,
                                                        self.tilt + vy * rate * view * dt, zoom)
        self.since = now
        if self.stop_at is not None and now >= self.stop_at:
            self.velocity, self.stop_at = (0, 0, 0), None

    def pose(self, now: float) -> tuple[float, float, float]:
        self.advance(now)
        return self.pan, self.tilt, self.zoom

    @property
    def moving(self) -> bool:
        return self.velocity != (0, 0, 0)


class DemoPtz:
    """The PTZ part of the demo API: command handling, state and presets, scene sources."""

    def __init__(self, net: Network, media: Any = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.cameras: dict[str, PtzCamera] = {}
        self.scene_ids = scene_cameras(net) if media is not None else []
        self.hold_seconds = HOLD_SECONDS
        self.move_timeout = MOVE_TIMEOUT
        if media is not None:
            for cid in self.scene_ids:
                pose = self._pose_of(self.camera(cid))
                for profile in ("main", "sub"):
                    media.hub.add_camera_source(cid, profile, PtzSceneSource(f"ptz {cid} {profile}", profile, pose))

    def _pose_of(self, cam: PtzCamera) -> Callable[[], tuple[float, float, float]]:
        return lambda: cam.pose(self.clock())

    def camera(self, camera_id: str) -> PtzCamera:
        cam = self.cameras.get(camera_id)
        if cam is None:
            cam = self.cameras[camera_id] = PtzCamera(camera_id, since=self.clock())
        return cam

    # ------------------------------------------------------------------ commands

    def holder(self, cam: PtzCamera) -> Hold | None:
        if cam.hold is not None and cam.hold.until_mono <= self.clock():
            cam.hold = None
        return cam.hold

    def command(self, user: DemoUser, camera_id: str, cmd: s.PtzCommand) -> tuple[int, Any]:
        """(HTTP status, body) for one command of ``user`` on a PTZ camera it may see."""
        cam = self.camera(camera_id)
        now = self.clock()
        held = self._held(cam, user)
        if held is not None:
            return 409, held
        cam.advance(now)
        accepted = True
        if cmd.action in _DIRECTIONS:
            cam.velocity = _DIRECTIONS[cmd.action]
            cam.speed = cmd.speed
            cam.stop_at = now + self.move_timeout
        elif cmd.action == s.PtzAction.STOP:
            cam.velocity, cam.stop_at = (0, 0, 0), None
        elif cmd.action == s.PtzAction.PRESET:
            pose = cam.saved_poses.get(cmd.preset if cmd.preset is not None else -1)
            if pose is None:
                accepted = False
            else:
                cam.velocity, cam.stop_at = (0, 0, 0), None
                cam.pan, cam.tilt, cam.zoom = pose
        if accepted:
            self._hold(cam, user, now)
        return 202, s.PtzResult(camera_id=camera_id, action=cmd.action, accepted=accepted)

    def _held(self, cam: PtzCamera, user: DemoUser) -> s.ErrorResponse | None:
        """The 409 body when someone of higher priority than ``user`` holds ``cam``."""
        hold = self.holder(cam)
        if hold is None or hold.user.username == user.username \
                or PRIORITY.get(hold.user.role, 0) <= PRIORITY.get(user.role, 0):
            return None
        return s.ErrorResponse(error=s.ErrorBody(
            code="ptz_held",
            message=f"held by {hold.user.display_name} ({hold.user.role.value}, higher priority) "
                    f"until {hold.until.strftime('%H:%M:%S')} UTC"))

    def _hold(self, cam: PtzCamera, user: DemoUser, now: float) -> None:
        cam.hold = Hold(user, now + self.hold_seconds,
                        datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=self.hold_seconds))

    def state(self, camera_id: str) -> s.PtzState:
        cam = self.camera(camera_id)
        cam.advance(self.clock())
        hold = self.holder(cam)
        held_by = None if hold is None else s.PtzHolder(
            username=hold.user.username, display_name=hold.user.display_name, role=hold.user.role, until=hold.until)
        return s.PtzState(camera_id=camera_id, pan=cam.pan, tilt=cam.tilt, zoom=cam.zoom, moving=cam.moving,
                          held_by=held_by, presets=sorted(cam.presets.values(), key=lambda p: p.number),
                          hold_seconds=self.hold_seconds, move_timeout=self.move_timeout)

    def save_preset(self, user: DemoUser, camera_id: str, req: s.PtzPresetSave) -> tuple[int, Any]:
        cam = self.camera(camera_id)
        held = self._held(cam, user)
        if held is not None:
            return 409, held
        if req.number not in cam.presets and len(cam.presets) >= 255:
            return 409, s.ErrorResponse(error=s.ErrorBody(code="too_many_presets", message="255 presets at most"))
        now = self.clock()
        cam.advance(now)
        preset = s.PtzPreset(number=req.number, name=req.name or f"Preset {req.number}")
        cam.presets[req.number] = preset
        cam.saved_poses[req.number] = (cam.pan, cam.tilt, cam.zoom)
        return 201, preset


def add_routes(router: web.UrlDispatcher, api: Any) -> None:
    """The PTZ state and preset routes, on the demo API ``api`` (a ``server.DemoApi``)."""
    from controlroom.demo.server import _error, _json

    def _ptz_camera(request: web.Request) -> tuple[DemoUser, s.Camera] | web.Response:
        user, cam = api._camera_for(request)
        if not cam.ptz:
            return _error(409, "no_ptz", "this camera cannot pan, tilt or zoom")
        return user, cam

    async def get_state(request: web.Request) -> web.Response:
        found = _ptz_camera(request)
        if isinstance(found, web.Response):
            return found
        return _json(api.ptz_demo.state(found[1].id))

    async def save_preset(request: web.Request) -> web.Response:
        found = _ptz_camera(request)
        if isinstance(found, web.Response):
            return found
        user, cam = found
        req = await api._body(request, s.PtzPresetSave)
        if user.role == s.Role.PRESENTER:
            return _error(403, "view_only", "presenters may not steer cameras")
        status, body = api.ptz_demo.save_preset(user, cam.id, req)
        return _json(body, status)

    async def t_reset(request: web.Request) -> web.Response:
        """Test hook: every PTZ camera home, no holds, no saved presets but Home; optionally other timings."""
        body = await request.json() if request.can_read_body else {}
        demo: DemoPtz = api.ptz_demo
        for cam in demo.cameras.values():
            cam.advance(demo.clock())
            cam.pan, cam.tilt, cam.zoom, cam.velocity, cam.stop_at, cam.hold = 0.5, 0.5, 1.0, (0, 0, 0), None, None
            cam.presets = {1: s.PtzPreset(number=1, name="Home")}
            cam.saved_poses = {1: (0.5, 0.5, 1.0)}
        demo.hold_seconds = float(body.get("hold_seconds", HOLD_SECONDS))
        demo.move_timeout = float(body.get("move_timeout", MOVE_TIMEOUT))
        return _json({"scene_cameras": demo.scene_ids})

    router.add_get(f"{API}/cameras/{{camera_id}}/ptz", get_state)
    router.add_post(f"{API}/cameras/{{camera_id}}/ptz/presets", save_preset)
    if api.test_hooks:
        router.add_post("/_test/ptz-reset", t_reset)
