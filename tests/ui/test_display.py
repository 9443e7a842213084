"""Display mode with real video (issue 13): a display window under Xvfb, the real demo platform.

The display is the real ``DisplayRunner`` + ``DisplayWindow`` in this process
(its own Session, login, heartbeats and event stream); a dispatcher pushes
through the real API; the tiles play real H.264 through libVLC, and the
colour on the display's video surface tells which demo stream it shows.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from controlroom.ui.display import DisplayRunner, Login
from demo_platform import Demo, restart_demo, start_demo, stop_demo
from wall_helpers import cameras_by_stream, nearest_stream, stream_index, surface_colour

from controlroom import displays
from controlroom.api import errors
from controlroom.api.schema import ShowCamera, ShowIncident
from controlroom.session import Session
from controlroom.video.player import TileState
from controlroom.wall.layouts import preset

pytestmark = pytest.mark.video


def _name() -> str:
    return f"会议室投影 {uuid.uuid4().hex[:4]}"


def _playing(runner: DisplayRunner, n: int) -> bool:
    pane = runner.window.pane
    return (runner.window.showing_wall and len(pane.tiles) >= n
            and all(pane.state_of(t) is TileState.PLAYING and pane.tiles[t].showing_video() for t in range(n)))


def _shows_stream(runner: DisplayRunner, tile: int, camera_id: str) -> bool:
    index, dist = nearest_stream(surface_colour(runner.window.pane.tiles[tile]))
    return index == stream_index()[camera_id] and dist < 60


def _start(run: Callable[..., Any], url: str, name: str, user: str = "presenter",
           password: str = "present123") -> tuple[DisplayRunner, asyncio.Task[None]]:
    runner = DisplayRunner(Login(url, user, password), name, heartbeat=0.5)
    return runner, asyncio.ensure_future(runner.run())


def _stop(qtbot: Any, task: asyncio.Task[None]) -> None:
    task.cancel()
    qtbot.waitUntil(task.done, timeout=20_000)


def test_a_display_registers_and_plays_what_a_dispatcher_pushes(qtbot, run, login, demo, config_dir) -> None:  # type: ignore[no-untyped-def]
    name = _name()
    runner, task = _start(run, demo.url, name)
    try:
        qtbot.waitUntil(lambda: runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED,
                        timeout=60_000)
        # nothing to show: it says what it waits for, in big letters
        qtbot.waitUntil(lambda: name in runner.window.waiting.headline.text(), timeout=10_000)
        assert runner.window.waiting.isVisible() and runner.window.waiting.headline.font().pixelSize() >= 24

        dispatcher = login()
        run(dispatcher.load_inventory(), 60_000)
        api = displays.DisplaysApi(dispatcher.client)
        assert name in {d.name for d in run(api.list())}
        cams = cameras_by_stream(dispatcher.inventory, 4)

        run(api.show(name, ShowCamera(camera_id=cams[0])))
        qtbot.waitUntil(lambda: _playing(runner, 1), timeout=30_000)
        qtbot.waitUntil(lambda: _shows_stream(runner, 0, cams[0]), timeout=10_000)
        assert runner.sent_by == "dispatcher"

        run(api.show(name, displays.view_content("四画面", preset(4), dict(enumerate(cams)))))
        qtbot.waitUntil(lambda: len(runner.window.pane.tiles) == 4 and _playing(runner, 4), timeout=30_000)
        for t in range(4):
            qtbot.waitUntil(lambda t=t: _shows_stream(runner, t, cams[t]), timeout=10_000)

        # a town desk may not push: refused, and the display keeps playing the view
        desk = login("town03", "desk123")
        with pytest.raises(errors.ForbiddenError):
            run(displays.DisplaysApi(desk.client).show(name, ShowCamera(camera_id=cams[0])))
        assert _playing(runner, 4) and runner.shown == 2

        # blank: the players stop and it waits again
        from controlroom.api.schema import ShowBlank

        run(api.show(name, ShowBlank()))
        qtbot.waitUntil(lambda: not runner.window.showing_wall and name in runner.window.waiting.headline.text(),
                        timeout=10_000)
    finally:
        _stop(qtbot, task)


def test_an_incident_wall_is_shown_with_its_title(qtbot, run, login, demo, config_dir) -> None:  # type: ignore[no-untyped-def]
    name = _name()
    runner, task = _start(run, demo.url, name)
    try:
        qtbot.waitUntil(lambda: runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED,
                        timeout=60_000)
        dispatcher = login()
        run(dispatcher.load_inventory(), 60_000)
        cams = cameras_by_stream(dispatcher.inventory, 3)
        alert = demo.hook("alert", camera_id=cams[0])
        run(displays.DisplaysApi(dispatcher.client).show(
            name, ShowIncident(alert_id=alert["id"], camera_ids=cams, title="卡口告警")))
        qtbot.waitUntil(lambda: _playing(runner, 3), timeout=30_000)
        assert len(runner.window.pane.tiles) == 4  # the smallest preset that holds three
        assert "卡口告警" in runner.window.caption.text() and runner.window.caption.isVisible()
    finally:
        _stop(qtbot, task)


class Platform:
    def __init__(self, *args: str) -> None:
        self.demo: Demo = start_demo(*args)

    def close(self) -> None:
        stop_demo(self.demo.proc)


@pytest.fixture
def platform() -> Iterator[Platform]:
    p = Platform("--event-rate", "0", "--heartbeat", "1")
    try:
        yield p
    finally:
        p.close()


def test_the_display_comes_back_by_itself_after_a_platform_restart(qtbot, run, platform, config_dir) -> None:  # type: ignore[no-untyped-def]
    name = _name()
    runner, task = _start(run, platform.demo.url, name)
    dispatcher = Session(platform.demo.url)
    try:
        run(dispatcher.login("dispatcher", "dispatch123"))
        run(dispatcher.load_inventory(), 60_000)
        api = displays.DisplaysApi(dispatcher.client)
        cams = cameras_by_stream(dispatcher.inventory, 2)
        qtbot.waitUntil(lambda: runner.agent is not None and runner.agent.state is displays.AgentState.REGISTERED,
                        timeout=60_000)
        run(api.show(name, ShowCamera(camera_id=cams[0])))
        qtbot.waitUntil(lambda: _playing(runner, 1), timeout=30_000)

        stop_demo(platform.demo.proc)
        qtbot.waitUntil(lambda: runner.window.pane.state_of(0) in (TileState.RECONNECTING, TileState.CONNECTING),
                        timeout=20_000)
        qtbot.waitUntil(lambda: runner.agent.state is displays.AgentState.WAITING, timeout=20_000)  # type: ignore[union-attr]
        platform.demo = restart_demo(platform.demo)

        # nobody touches the display: it logs in again, registers, and plays again
        qtbot.waitUntil(lambda: _playing(runner, 1), timeout=60_000)
        qtbot.waitUntil(lambda: runner.agent.state is displays.AgentState.REGISTERED, timeout=30_000)  # type: ignore[union-attr]
        assert runner.session.client is not None and runner.session.client.relogins >= 1
        # the restarted platform learnt from the heartbeat what the display shows
        listed = {d.name: d for d in run(api.list(), 30_000)}
        assert listed[name].online and listed[name].showing == ShowCamera(camera_id=cams[0])
        # and pushes reach it again
        run(api.show(name, ShowCamera(camera_id=cams[1])))
        qtbot.waitUntil(lambda: _playing(runner, 1) and _shows_stream(runner, 0, cams[1]), timeout=30_000)
    finally:
        _stop(qtbot, task)
        run(dispatcher.close())


def test_it_says_what_it_waits_for_before_the_platform_answers(qtbot, run, config_dir) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as s:  # a free port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    runner, task = _start(run, f"http://127.0.0.1:{port}", _name())
    try:
        qtbot.waitUntil(lambda: f"Waiting for the platform at 127.0.0.1:{port}" in runner.window.waiting.headline.text()
                        and "cannot be reached" in runner.window.waiting.detail.text(), timeout=20_000)
    finally:
        _stop(qtbot, task)


def test_the_password_comes_from_the_environment_or_the_keyring(qtbot, run, demo, config_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from controlroom import credentials

    monkeypatch.delenv("CONTROLROOM_PASSWORD", raising=False)
    login = Login(demo.url, "presenter")
    credentials.forget_password(demo.url, "presenter")
    assert login.secret() is None
    runner = DisplayRunner(login, _name(), heartbeat=0.5)
    task = asyncio.ensure_future(runner.run())
    try:
        # no password anywhere: it says where to put one, in big letters
        qtbot.waitUntil(lambda: "Waiting for a password for presenter" in runner.window.waiting.headline.text(),
                        timeout=10_000)
        assert f"presenter@{demo.url}" in runner.window.waiting.detail.text()
    finally:
        _stop(qtbot, task)
    monkeypatch.setenv("CONTROLROOM_PASSWORD", "from-the-environment")
    assert login.secret() == "from-the-environment"
    monkeypatch.delenv("CONTROLROOM_PASSWORD")
    assert credentials.save_password(demo.url, "presenter", "present123")  # the real keyring of the test session
    try:
        assert login.secret() == "present123"
        runner = DisplayRunner(login, _name(), heartbeat=0.5)
        task = asyncio.ensure_future(runner.run())
        try:
            qtbot.waitUntil(lambda: runner.agent is not None
                            and runner.agent.state is displays.AgentState.REGISTERED, timeout=60_000)
        finally:
            _stop(qtbot, task)
    finally:
        credentials.forget_password(demo.url, "presenter")


def test_the_command_line_says_what_is_missing(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from controlroom.ui.display import run_display

    for var in ("CONTROLROOM_URL", "CONTROLROOM_USER", "CONTROLROOM_DISPLAY_NAME"):
        monkeypatch.delenv(var, raising=False)
    assert run_display(url=None, username="presenter", name=None, language=None) == 2
    err = capsys.readouterr().err
    assert "--url or CONTROLROOM_URL" in err and "--name or CONTROLROOM_DISPLAY_NAME" in err
    assert run_display(url="http://127.0.0.1:9", username="presenter", name="a/b", language=None) == 2
    assert "plain text" in capsys.readouterr().err
    # the options as README writes them, after the command
    from controlroom.cli import build_parser

    args = build_parser().parse_args(["display", "--url", "https://platform.example:8443", "--user", "presenter",
                                      "--name", "会议室投影", "--screen", "1", "--insecure"])
    assert (args.display_url, args.display_user, args.display_name, args.screen, args.insecure) == (
        "https://platform.example:8443", "presenter", "会议室投影", 1, True)
