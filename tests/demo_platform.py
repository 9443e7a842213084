"""The real demo platform as a child process, for tests, benchmarks and screenshots.

It binds free ports on 127.0.0.1 and dies with its parent (PR_SET_PDEATHSIG),
so no process outlives whoever started it. A module of its own (not
conftest.py) so that everything imports the same thing by one name.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from controlroom.demo.platform import URL_LINE, die_with_parent


@dataclass
class Demo:
    url: str
    proc: subprocess.Popen[str]
    args: tuple[str, ...] = ()

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

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
            return Demo(line[len(URL_LINE):].strip(), proc, tuple(extra))
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


def restart_demo(demo: Demo, *extra: str) -> Demo:
    """A new demo platform process on ``demo``'s API port (its media ports are new
    free ones), as a platform restarted by its operators; ``demo`` must be stopped."""
    assert demo.proc.poll() is not None, "stop the old platform first"
    args = [a for a in demo.args]
    if "--port" in args:
        i = args.index("--port")
        del args[i : i + 2]
    deadline = time.monotonic() + 30
    while True:  # the old socket may linger a moment in the kernel
        try:
            return start_demo(*args, "--port", str(demo.port), *extra)
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def ticket_url(base_url: str, access_token: str, camera_id: str, profile: str = "sub",
               transport: str = "http-ts") -> str:
    """A stream URL with a fresh stream ticket (the platform's own URL, ticket included)."""
    r = httpx.post(f"{base_url}/api/v1/streams/ticket", json={"camera_id": camera_id, "profile": profile},
                   headers={"Authorization": f"Bearer {access_token}"}, timeout=30)
    r.raise_for_status()
    return str(r.json()["urls"][transport])


async def aticket_url(client: object, camera_id: str, profile: str = "sub", transport: str = "http-ts") -> str:
    """The same through a logged-in ``PlatformClient``."""
    from controlroom.api.schema import Transport

    ticket = await client.stream_ticket(camera_id, profile)  # type: ignore[attr-defined]
    return str(ticket.urls[Transport(transport)])


@contextlib.contextmanager
def media_in_thread(clips: list[Any], authorize: Any, name: str = "test-media") -> Iterator[Any]:
    """The demo's ``MediaServer`` on a loop of its own thread, as a camera or an NVR beside the
    app under test (no platform, so ``authorize`` grants what the test says); stopped after."""
    from controlroom.demo.media.server import MediaServer

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name=name)
    thread.start()

    def call(coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(20)

    async def make() -> MediaServer:
        return MediaServer(clips, authorize)

    server: MediaServer = call(make())
    call(server.start())
    try:
        yield server
    finally:
        call(server.stop())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        assert not thread.is_alive()
