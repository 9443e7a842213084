"""``controlroom doctor``'s problem lines: each says what is wrong once (issue 9 item 10)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from controlroom import doctor


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("scheme", ["http", "wvp+http"])
def test_unreachable_platform_is_said_once(scheme: str) -> None:
    url = f"{scheme}://127.0.0.1:{_free_port()}"
    platform = asyncio.run(doctor._platform_report(url, None, True, None, 2.0))
    assert platform["reachable"] is False and platform["error"]
    report = {"libvlc": {"ok": True, "transports": {"http-ts": {"playable": True}}}, "qt": {}, "platform": platform}
    problems = doctor._problems(report)
    assert len(problems) == 1
    assert problems[0].lower().count("cannot be reached") == 1, problems[0]
    assert problems[0].startswith("the platform cannot be reached: ") and len(problems[0]) > 33
