"""controlroom/ptz.py: the commander's coalescing, rate limit, keep-alive, click-to-centre and holds;
drag vectors; who may steer. Pure logic, time passed in."""

from __future__ import annotations

import pytest

from controlroom.api.schema import Camera, CameraKind, PtzAction, PtzHolder, Role, Scope, User
from controlroom.backends.base import Capability
from controlroom.ptz import (
    STOPPED,
    Motion,
    PtzCommander,
    Unavailable,
    availability,
    centre_plan,
    drag_motion,
    holder_is_other,
)

RIGHT = Motion(PtzAction.RIGHT, 0.5)


def _sent(c: PtzCommander, now: float) -> PtzAction | None:
    cmd = c.next_command(now)
    if cmd is None:
        return None
    c.done(True)
    return cmd.action


def test_a_held_key_sends_one_move_however_often_it_repeats() -> None:
    c = PtzCommander()
    c.want(RIGHT, 0.0)
    assert _sent(c, 0.0) is PtzAction.RIGHT
    for i in range(1, 30):  # auto-repeat every 33 ms for a second
        c.want(RIGHT, i / 30)
        assert _sent(c, i / 30) is None
    assert c.commands == 1


def test_a_move_still_wanted_is_repeated_before_the_platform_times_it_out() -> None:
    c = PtzCommander(keepalive=2.0)
    c.want(RIGHT, 0.0)
    _sent(c, 0.0)
    assert c.next_due(0.1) == pytest.approx(2.0)
    assert _sent(c, 1.9) is None
    assert _sent(c, 2.0) is PtzAction.RIGHT


def test_the_latest_wish_wins_within_the_rate_limit_and_stop_is_never_delayed() -> None:
    c = PtzCommander(min_interval=0.15)
    c.want(RIGHT, 0.0)
    _sent(c, 0.0)
    c.want(Motion(PtzAction.UP, 0.5), 0.05)
    c.want(Motion(PtzAction.LEFT, 0.7), 0.06)
    assert _sent(c, 0.07) is None  # too soon after the last
    assert c.next_due(0.07) == pytest.approx(0.15)
    cmd = c.next_command(0.15)
    assert cmd is not None and cmd.action is PtzAction.LEFT and cmd.speed == 0.7
    c.done(True)
    c.want(STOPPED, 0.16)
    assert _sent(c, 0.16) is PtzAction.STOP  # at once


def test_one_command_in_flight_then_the_newest() -> None:
    c = PtzCommander(min_interval=0.0)
    c.want(RIGHT, 0.0)
    assert c.next_command(0.0) is not None  # in flight, not answered
    c.want(Motion(PtzAction.DOWN, 0.5), 0.01)
    c.want(STOPPED, 0.02)
    assert c.next_command(0.03) is None
    c.done(True)
    assert _sent(c, 0.04) is PtzAction.STOP
    assert c.commands == 2


def test_after_a_failure_stop_is_sent_even_if_stop_was_last_wanted() -> None:
    c = PtzCommander()
    c.want(RIGHT, 0.0)
    assert c.next_command(0.0) is not None
    c.done(False)  # the camera may or may not move
    c.want(STOPPED, 0.5)
    assert _sent(c, 0.5) is PtzAction.STOP


def test_click_to_centre_is_a_timed_move_longer_axis_first_then_stop() -> None:
    c = PtzCommander(min_interval=0.0)
    # a point a quarter view right and a tenth down, at speed 0.5: 0.5 s right, 0.2 s down
    assert c.centre(0.75, 0.6, 0.5, 10.0)
    assert _sent(c, 10.0) is PtzAction.RIGHT
    assert c.next_due(10.01) == pytest.approx(10.5)
    assert _sent(c, 10.49) is None
    assert _sent(c, 10.5) is PtzAction.DOWN
    assert _sent(c, 10.69) is None
    assert _sent(c, 10.7) is PtzAction.STOP
    assert _sent(c, 11.0) is None


def test_centre_plan_near_the_centre_moves_nothing() -> None:
    assert centre_plan(0.51, 0.49, 0.5) == []
    (motion, seconds), = centre_plan(0.3, 0.5, 1.0, views_per_second=2.0)
    assert motion.action is PtzAction.LEFT and seconds == pytest.approx(0.1)


def test_a_hold_by_a_higher_priority_operator_keeps_the_commander_quiet_until_it_ends() -> None:
    c = PtzCommander()
    c.want(RIGHT, 0.0)
    assert c.next_command(0.0) is not None
    c.held_by_other(until=15.0)
    assert not c.want(RIGHT, 1.0)
    assert not c.centre(0.9, 0.5, 0.5, 1.0)
    assert _sent(c, 1.0) is None
    assert c.want(RIGHT, 15.0)
    assert _sent(c, 15.0) is PtzAction.RIGHT


@pytest.mark.parametrize(("dx", "dy", "action", "speed"), [
    (50, 10, PtzAction.RIGHT, 0.25), (-200, 20, PtzAction.LEFT, 1.0), (5, -90, PtzAction.UP, 0.8),
    (0, 45, PtzAction.DOWN, 0.4)])
def test_a_drag_gives_the_longer_axis_and_a_speed_by_its_length(dx: float, dy: float, action: PtzAction,
                                                                speed: float) -> None:
    m = drag_motion(dx, dy, 400, 225)
    assert m.action is action and m.speed == pytest.approx(speed, abs=0.01)


def test_a_tiny_drag_is_stop() -> None:
    assert drag_motion(3, 2, 400, 225) == STOPPED
    assert drag_motion(3, 2, 0, 0) == STOPPED


def test_speed_is_bounded_in_the_command() -> None:
    assert Motion(PtzAction.UP, 0.0).command().speed == 0.05
    assert Motion(PtzAction.UP, 3.0).command().speed == 1.0
    assert Motion(PtzAction.STOP, 0.7).command().speed == 0.5  # stop carries no speed of its own


def _cam(ptz: bool) -> Camera:
    return Camera(id="37132600001310000001", name="x", site_id="37132600002000000001", grid_id=None,
                  kind=CameraKind.ROAD, tags=[], ptz=ptz, online=True, streams=[])


def _user(role: Role, can_control: bool = True) -> User:
    return User(username=role.value, display_name=role.value, role=role, scope=Scope(), can_control=can_control)


def test_who_may_steer() -> None:
    every = frozenset(Capability)
    desk = _user(Role.TOWN_DESK)
    assert availability(_cam(True), every, desk) is None
    assert availability(None, every, desk) is Unavailable.NO_CAMERA
    assert availability(_cam(False), every, desk) is Unavailable.NOT_PTZ
    assert availability(_cam(True), frozenset({Capability.GRIDS}), desk) is Unavailable.BACKEND
    assert availability(_cam(True), every, _user(Role.PRESENTER)) is Unavailable.VIEW_ONLY
    assert availability(_cam(True), every, _user(Role.DISPATCHER, can_control=False)) is Unavailable.VIEW_ONLY


def test_a_holder_blocks_only_those_of_lower_priority() -> None:
    from datetime import UTC, datetime

    boss = PtzHolder(username="dispatcher", display_name="d", role=Role.DISPATCHER, until=datetime.now(UTC))
    assert holder_is_other(boss, _user(Role.TOWN_DESK))
    assert not holder_is_other(boss, _user(Role.DISPATCHER))  # the same user (username "dispatcher")
    other_desk = PtzHolder(username="town02", display_name="t", role=Role.TOWN_DESK, until=datetime.now(UTC))
    assert not holder_is_other(other_desk, _user(Role.TOWN_DESK))
    assert not holder_is_other(None, _user(Role.TOWN_DESK))
