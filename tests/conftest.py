"""Shared fixtures: the real demo platform, started as its own process; keyrings.

The platform binds free ports on 127.0.0.1 and is stopped (its whole process
group) when the session ends, so no process outlives the tests.

Keyrings: ``.ci/test`` runs the tests with a real, unlocked gnome-keyring
(CONTROLROOM_TEST_KEYRING=1) for ``real_keyring``; ``no_keyring`` switches
python-keyring to its "fail" backend, which is what a machine without any
keyring gets: the real no-backend path, not a stand-in.
"""

from __future__ import annotations

import asyncio
import os

# One QApplication serves the whole run, so its platform is chosen once, here,
# before anything imports Qt: the X server when there is one (.ci/test runs
# under Xvfb: native video windows can be grabbed), else offscreen.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import keyring
import keyring.backends.fail
import pytest
from demo_platform import Demo, start_demo, stop_demo


@pytest.fixture(autouse=True)
def config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets a fresh config folder (settings, views, layouts) and log
    folder: none ever reads or writes the user's own. ``settings.forget_shared()`` is what
    a restart does."""
    from controlroom import settings

    path = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("CONTROLROOM_CONFIG_DIR", str(path))
    monkeypatch.setenv("CONTROLROOM_LOG_DIR", str(path / "logs"))  # nor the user's log folder
    settings.forget_shared()
    yield path
    settings.forget_shared()


@pytest.fixture
def only_plugins(config_dir: Path) -> Callable[..., None]:
    """``only_plugins("alerts")``: turn off every installed plugin but these, in this test's settings."""
    from controlroom import settings
    from controlroom.plugins_loader import discover

    def only(*keep: str) -> None:
        settings.shared().set("plugins.disabled", sorted(ep.name for ep in discover() if ep.name not in keep))

    return only


@pytest.fixture(autouse=True)
def _forget_failed_logins(request: pytest.FixtureRequest) -> Iterator[None]:
    """The shared demo platform throttles failed logins (5 per user, 20 per address in 60 s):
    a test that typed wrong passwords must not lock the next tests out, so after each test that
    used it, its credential policy and throttle go back to the start (as a fresh platform's)."""
    yield
    if "demo" in request.fixturenames:
        d = request.getfixturevalue("demo")
        if d.proc.poll() is None:
            d.hook("auth-policy", reset=True)


@pytest.fixture(scope="session")
def demo() -> Iterator[Demo]:
    """The demo platform with video, test hooks and a low event rate."""
    d = start_demo("--event-rate", "3")
    try:
        yield d
    finally:
        stop_demo(d.proc)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No keyring backend at all, as on a headless machine."""
    old = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(old)


@pytest.fixture
def real_keyring() -> None:
    """The Secret Service that ``.ci/test`` starts; skipped elsewhere (a developer's own keyring stays untouched)."""
    if os.environ.get("CONTROLROOM_TEST_KEYRING") != "1":
        pytest.skip("needs the unlocked gnome-keyring that .ci/test starts (CONTROLROOM_TEST_KEYRING=1)")
    from controlroom import credentials

    assert credentials.keyring_available(), credentials.keyring_backend_name()


# --------------------------------------------------------------------------- asyncio on Qt's loop
# (tests/ui and tests/hostile drive the real app with them)

T = TypeVar("T")


@pytest.fixture
def aio(qapp) -> Iterator[asyncio.AbstractEventLoop]:  # type: ignore[no-untyped-def]
    """qasync's loop on the test QApplication, driven by whatever spins Qt's event loop.

    The app runs its coroutines on Qt's loop (ui/app.py); here Qt's loop is
    spun by ``qtbot.waitUntil`` / ``qtbot.waitSignal``, so the loop is marked as
    running for asyncio (what ``qasync.QEventLoop(already_running=True)`` does)
    and tasks advance while the test waits. Not ``already_running=True``
    itself: its ``stop()`` calls ``QApplication.exit()``, which would make every
    later ``waitSignal`` in the session return at once.
    """
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            from pytestqt.qtbot import QtBot

            QtBot(qapp).waitUntil(lambda: all(t.done() for t in pending), timeout=10_000)
        asyncio.events._set_running_loop(None)
        loop.close()  # else its __del__ runs after Qt objects are gone and complains
        asyncio.set_event_loop(None)


@pytest.fixture
def run(qtbot, aio: asyncio.AbstractEventLoop) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """``run(coro, timeout_ms)``: run a coroutine on the app's loop and wait (Qt spinning) for its result."""

    def _run(coro: Coroutine[Any, Any, T], timeout: int = 10_000) -> T:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return _run
