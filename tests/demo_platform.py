"""The real demo platform as a child process, for tests, benchmarks and screenshots.

It binds free ports on 127.0.0.1 and dies with its parent (PR_SET_PDEATHSIG),
so no process outlives whoever started it. A module of its own (not
conftest.py) so that everything imports the same thing by one name.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

import httpx

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
