"""Shared fixtures: the real demo platform, started as its own process; keyrings.

The platform binds free ports on 127.0.0.1 and is stopped (its whole process
group) when the session ends, so no process outlives the tests.

Keyrings: ``.ci/test`` runs the tests with a real, unlocked gnome-keyring
(CONTROLROOM_TEST_KEYRING=1) for ``real_keyring``; ``no_keyring`` switches
python-keyring to its "fail" backend, which is what a machine without any
keyring gets: the real no-backend path, not a stand-in.
"""

from __future__ import annotations

import os

# One QApplication serves the whole run, so its platform is chosen once, here,
# before anything imports Qt: the X server when there is one (.ci/test runs
# under Xvfb: native video windows can be grabbed), else offscreen.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from collections.abc import Callable, Iterator
from pathlib import Path

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
