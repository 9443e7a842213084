"""The session's audit recorder against the real demo platform: stopped, reports wait; restarted
(same port, same SQLite trail), they all arrive, once each, under the same user and workstation."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from demo_platform import restart_demo, start_demo, stop_demo

from controlroom.session import Session

CAM = "37132601051310000001"


async def test_reports_wait_while_the_platform_is_down_and_none_is_lost(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTROLROOM_WORKSTATION", "值班席 3")
    demo = start_demo("--no-video", "--event-rate", "0", "--audit-db", str(tmp_path / "audit.sqlite"))
    session = Session(demo.url)
    try:
        await session.login("dispatcher", "dispatch123")
        rec = session.audit
        for i in range(10):
            rec.record("camera_opened", CAM, "live", f"before {i}")
        assert await rec.flush() and rec.sent == 10 and rec.requests == 1

        stop_demo(demo.proc)
        for i in range(20):
            rec.record("camera_closed", CAM, "live", f"away {i}")
        assert not await rec.flush()  # the platform is away: kept
        assert not await rec.flush()
        assert rec.queued == 20 and rec.dropped == 0

        demo = restart_demo(demo)
        assert await rec.flush()  # the client logs in again by itself (the platform forgot its tokens)
        assert rec.queued == 0 and rec.sent == 30

        token = httpx.post(f"{demo.url}/api/v1/auth/login",
                           json={"username": "dispatcher", "password": "dispatch123"}).json()["access_token"]
        page = httpx.get(f"{demo.url}/api/v1/audit", params={"camera_id": CAM, "limit": 100},
                         headers={"Authorization": f"Bearer {token}"}).json()
        details = sorted(e["detail"] for e in page["items"])
        assert details == sorted([f"before {i}" for i in range(10)] + [f"away {i}" for i in range(20)])
        assert {(e["user"], e["workstation"]) for e in page["items"]} == {("dispatcher", "值班席 3")}
    finally:
        await session.close()
        stop_demo(demo.proc)
