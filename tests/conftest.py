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
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import keyring
import keyring.backends.fail
import pytest

from controlroom.demo.platform import URL_LINE, die_with_parent


@dataclass
class Demo:
    url: str
    proc: subprocess.Popen[str]

    def hook(self, name: str, /, **body: object) -> dict:
        """Steer the platform through its test hooks."""
        r = httpx.post(f"{self.url}/_test/{name}", json=body, timeout=30)
        r.raise_for_status()
        return r.json()


def start_demo(*extra: str, timeout: float = 600) -> Demo:
    cmd = [sys.executable, "-m", "controlroom", "demo", "--serve-only", "--test-hooks", *extra]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=die_with_parent
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith(URL_LINE):
            return Demo(line[len(URL_LINE):].strip(), proc)
    stop_demo(proc)
    raise RuntimeError("the demo platform did not start")


def stop_demo(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


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
