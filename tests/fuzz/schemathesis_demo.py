"""Fuzz the real demo platform's API v1 against its own OpenAPI document (Schemathesis), bounded.

The demo is the reference for API v1, so what it answers must be what the
document promises: every status documented, every body of the documented
shape and media type, bad input refused with a 400 and good input taken.
``.ci/schemathesis`` runs this in CI after the tests; it must report no
failures. It starts ``controlroom demo --serve-only`` on free loopback
ports (the platform dies with this process), logs in as the dispatcher (the
widest scope: every operation is reachable), and runs ``schemathesis run``
with a fixed seed and bounded examples per operation and an overall time
budget.

Left out, and why:
- ``GET /api/v1/events`` is an endless server-sent-event stream: a fuzzer's
  request would only ever end at its timeout (tests/integration covers it);
- any logout/revocation route: it would revoke the token the run uses.

Usage: python tests/fuzz/schemathesis_demo.py [extra schemathesis run options]
Environment: SCHEMATHESIS_MAX_EXAMPLES (default 40), SCHEMATHESIS_MAX_TIME
(seconds, default 240), SCHEMATHESIS_SEED (default 371326).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from controlroom.demo.platform import URL_LINE, die_with_parent

EXCLUDE_PATHS = r"^/api/v1/events$|/auth/(logout|revoke)"


def start_demo() -> tuple[str, subprocess.Popen[str]]:
    cmd = [sys.executable, "-m", "controlroom", "demo", "--serve-only"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=die_with_parent)
    assert proc.stdout is not None
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith(URL_LINE):
            return line[len(URL_LINE):].strip(), proc
    stop(proc)
    raise SystemExit("schemathesis: the demo platform did not start")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


def main(extra: list[str]) -> int:
    url, proc = start_demo()
    report = Path(tempfile.mkdtemp(prefix="schemathesis-"))
    try:
        r = httpx.post(f"{url}/api/v1/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
        r.raise_for_status()
        token = r.json()["access_token"]
        exe = shutil.which("schemathesis") or str(Path(sys.executable).with_name("schemathesis"))
        cmd = [
            exe, "run", f"{url}/api/v1/openapi.json",
            "--checks", "all",
            "--exclude-path-regex", EXCLUDE_PATHS,
            "--header", f"Authorization: Bearer {token}",
            "--max-examples", os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "40"),
            "--max-time", os.environ.get("SCHEMATHESIS_MAX_TIME", "240"),
            "--seed", os.environ.get("SCHEMATHESIS_SEED", "371326"),
            "--workers", "2",
            "--request-timeout", "30",
            "--no-shrink" if "--shrink" not in extra else "",
            "--report", "junit", "--report-dir", str(report),
            *[a for a in extra if a != "--shrink"],
        ]
        started = time.monotonic()
        # in the report folder: Schemathesis keeps its example database under the working directory
        rc = subprocess.call([c for c in cmd if c], env={**os.environ, "NO_COLOR": "1"}, cwd=report)
        print(f"schemathesis: exit {rc} after {time.monotonic() - started:.0f} s; JUnit report in {report}")
        return rc
    finally:
        stop(proc)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
