"""Shared fixtures: the real demo platform, started as its own process.

The platform binds free ports on 127.0.0.1 and is stopped (its whole process
group) when the session ends, so no process outlives the tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from controlroom.demo.platform import URL_LINE


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
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
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
