"""The audit trail's API v1 on the real demo platform: reports, scope, validation, paging, persistence."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from demo_platform import restart_demo, start_demo, stop_demo

from controlroom.api import errors
from controlroom.api.client import PlatformClient
from controlroom.api.schema import AuditBatch, AuditReport, ReportedAction

CAM = "37132601051310000001"  # the demo network's first camera


def _token(url: str, user: str = "dispatcher", password: str = "dispatch123", workstation: str = "") -> str:
    headers = {"X-Workstation": quote(workstation)} if workstation else {}
    r = httpx.post(f"{url}/api/v1/auth/login", json={"username": user, "password": password}, headers=headers)
    r.raise_for_status()
    return str(r.json()["access_token"])


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _batch(workstation: str, *entries: dict, batch_id: str | None = None, dropped: int = 0) -> dict:
    body: dict = {"batch_id": batch_id or secrets.token_hex(8), "workstation": workstation, "entries": list(entries)}
    if dropped:
        body["dropped"] = dropped
    return body


def _entry(action: str = "camera_opened", camera_id: str | None = CAM, at: datetime | None = None, **more: object) -> dict:
    e: dict = {"at": (at or datetime.now(UTC)).isoformat(), "action": action, **more}
    if camera_id is not None:
        e["camera_id"] = camera_id
    return e


def _trail(url: str, token: str, **params: object) -> httpx.Response:
    return httpx.get(f"{url}/api/v1/audit", params={k: str(v) for k, v in params.items()}, headers=_auth(token))


async def test_reports_reach_the_trail_once_with_user_workstation_and_time(demo) -> None:
    client = PlatformClient(demo.url)
    ws = f"调度席-{secrets.token_hex(3)}"
    at = datetime(2026, 12, 2, 9, 30, 5, tzinfo=UTC)
    try:
        await client.login("dispatcher", "dispatch123")
        batch = AuditBatch(batch_id=secrets.token_hex(8), workstation=ws, entries=[
            AuditReport(at=at, action=ReportedAction.CAMERA_OPENED, camera_id=CAM, mode="live"),
            AuditReport(at=at + timedelta(seconds=7), action=ReportedAction.CAMERA_CLOSED, camera_id=CAM, mode="live"),
            AuditReport(at=at + timedelta(seconds=9), action=ReportedAction.EXPORT, camera_id=CAM, mode="playback",
                        detail="=HYPERLINK(\"x\") 北武台.mp4"),
        ])
        result = await client.audit_batch(batch)
        assert result.accepted == 3 and not result.duplicate
        again = await client.audit_batch(batch)  # a retry of the same batch (its answer was lost)
        assert again.duplicate and again.accepted == 3
        page = await client.audit(camera_id=CAM, start=at, end=at + timedelta(minutes=1), limit=50)
        mine = [e for e in page.items if e.workstation == ws]
        assert [e.action for e in mine] == ["export", "camera_closed", "camera_opened"]  # newest first, once each
        assert all(e.user == "dispatcher" and e.source == "client" for e in mine)
        assert mine[-1].at == at and mine[-1].mode == "live" and mine[-1].address == "127.0.0.1"
        assert mine[0].detail == "=HYPERLINK(\"x\") 北武台.mp4"  # stored as said; the pane neutralises it in CSV
        assert abs((mine[0].received_at - datetime.now(UTC)).total_seconds()) < 600
    finally:
        await client.logout()
        await client.aclose()


def test_the_platform_records_logins_acks_ptz_and_logouts_itself(demo) -> None:
    ws = f"指挥中心 {secrets.token_hex(3)}"
    token = _token(demo.url, workstation=ws)
    alert = demo.hook("alert", kind="checkpoint_hit", camera_id=CAM)
    r = httpx.post(f"{demo.url}/api/v1/alerts/{alert['id']}/ack", json={"note": "patrol sent"}, headers={
        **_auth(token), "X-Workstation": quote(ws)})
    assert r.status_code == 200
    ptz_cam = next(c for c in httpx.get(f"{demo.url}/api/v1/cameras", params={"limit": 5000},
                                        headers=_auth(token)).json()["items"] if c["ptz"])["id"]
    r = httpx.post(f"{demo.url}/api/v1/cameras/{ptz_cam}/ptz", json={"action": "left"},
                   headers={**_auth(token), "X-Workstation": quote(ws)})
    assert r.status_code == 202
    httpx.post(f"{demo.url}/api/v1/auth/logout", headers={**_auth(token), "X-Workstation": quote(ws)})
    reader = _token(demo.url)
    items = [e for e in _trail(demo.url, reader, user="dispatcher", limit=200).json()["items"] if e["workstation"] == ws]
    assert [e["action"] for e in items] == ["logout", "ptz", "alert_ack", "login"]
    assert all(e["source"] == "platform" for e in items)
    assert items[1]["camera_id"] == ptz_cam and items[1]["detail"] == "left"
    assert items[2]["camera_id"] == CAM and items[2]["detail"].endswith("patrol sent")


def test_only_dispatchers_read_the_trail_and_everyone_reports(demo) -> None:
    town = _token(demo.url, "town01", "desk123")
    presenter = _token(demo.url, "presenter", "present123")
    r = _trail(demo.url, town)
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = _trail(demo.url, presenter)
    assert r.status_code == 403 and r.json()["error"]["code"] == "view_only"
    assert httpx.get(f"{demo.url}/api/v1/audit").status_code == 401
    # a town desk reports its own actions; the trail names the login, not anything the body says
    ws = f"town-{secrets.token_hex(3)}"
    r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch(ws, _entry()), headers=_auth(town))
    assert r.status_code == 200 and r.json()["accepted"] == 1
    items = _trail(demo.url, _token(demo.url), user="town01").json()["items"]
    assert any(e["workstation"] == ws and e["user"] == "town01" for e in items)


@pytest.mark.parametrize(("body", "why"), [
    (_batch("ws\nforged line", _entry()), "workstation"),
    (_batch("", _entry()), "workstation"),
    (_batch("w" * 65, _entry()), "workstation"),
    (_batch("ws", *[_entry()] * 401), "entries"),
    (_batch("ws", _entry(action="login")), "action"),  # the platform records logins itself
    (_batch("ws", _entry(camera_id="123")), "camera_id"),
    (_batch("ws", _entry(mode="rewind")), "mode"),
    (_batch("ws", _entry(detail="a\x1b[31m")), "detail"),
    (_batch("ws", _entry(detail="x" * 501)), "detail"),
    (_batch("ws", {"at": "2026-12-02T09:00:00", "action": "export"}), "at"),  # no offset: whose clock?
    (_batch("ws", _entry(user="someone_else")), "user"),  # unknown field: the user is the login's
    (_batch("ws", _entry(), batch_id="../.."), "batch_id"),
    (_batch("ws", _entry(), dropped=-1), "dropped"),
])
def test_bad_batches_are_refused_with_the_field_named(demo, body: dict, why: str) -> None:
    token = _token(demo.url)
    r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=body, headers=_auth(token))
    assert r.status_code == 400, r.text
    assert why in r.json()["error"]["message"]


@pytest.mark.parametrize("params", [
    {"action": "format_disk"}, {"camera_id": "1; DROP TABLE audit"}, {"start": "yesterday"},
    {"start": "2026-12-02T09:00:00"}, {"start": ""}, {"action": ""}, {"camera_id": ""}, {"limit": 0}, {"limit": 5001}, {"offset": -1}, {"user": "u" * 201},
])
def test_bad_queries_are_refused(demo, params: dict) -> None:
    r = _trail(demo.url, _token(demo.url), **params)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"


def test_the_trail_pages_and_filters(demo) -> None:
    token = _token(demo.url)
    ws = f"paging-{secrets.token_hex(3)}"
    base = datetime(2026, 11, 1, 8, 0, tzinfo=UTC) - timedelta(days=secrets.randbelow(3000))
    cams = [f"371326000013100000{i:02d}" for i in range(1, 4)]
    entries = [_entry("camera_opened" if i % 2 == 0 else "camera_closed", cams[i % 3], base + timedelta(seconds=i))
               for i in range(25)]
    r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch(ws, *entries), headers=_auth(token))
    assert r.status_code == 200
    window = {"start": base.isoformat(), "end": (base + timedelta(seconds=25)).isoformat()}
    seen: list[dict] = []
    offset: int | None = 0
    while offset is not None:
        page = _trail(demo.url, token, offset=offset, limit=10, **window).json()
        assert page["total"] == 25 and page["offset"] == offset and len(page["items"]) <= 10
        seen += page["items"]
        offset = page["next_offset"]
    assert len(seen) == 25 and len({e["id"] for e in seen}) == 25
    assert [e["at"] for e in seen] == sorted((e["at"] for e in seen), reverse=True)
    one_cam = _trail(demo.url, token, camera_id=cams[1], **window).json()
    assert one_cam["total"] == len([i for i in range(25) if i % 3 == 1])
    closed = _trail(demo.url, token, action="camera_closed", camera_id=cams[1], **window).json()
    assert {e["action"] for e in closed["items"]} == {"camera_closed"} and closed["total"] == 4
    far = _trail(demo.url, token, offset=10**30, **window).json()  # past the end, past SQLite's integers
    assert far["items"] == [] and far["total"] == 25 and far["next_offset"] is None
    early = _trail(demo.url, token, start=base.isoformat(), end=(base + timedelta(seconds=5)).isoformat()).json()
    assert early["total"] == 5  # end is exclusive


def test_a_batch_id_is_each_users_own(demo) -> None:
    """Another login's batch with the same id is not a retry of this one: both are stored."""
    bid = secrets.token_hex(8)
    ws = f"same-id-{bid}"
    for user, password in (("town02", "desk123"), ("town03", "desk123")):
        r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch(ws, _entry(), batch_id=bid),
                       headers=_auth(_token(demo.url, user, password)))
        assert r.status_code == 200 and r.json() == {"accepted": 1, "duplicate": False}
    reader = _token(demo.url)
    for user in ("town02", "town03"):
        items = _trail(demo.url, reader, user=user, limit=100).json()["items"]
        assert [e["workstation"] for e in items].count(ws) == 1


def test_a_dropped_count_leaves_a_visible_gap(demo) -> None:
    token = _token(demo.url)
    ws = f"gap-{secrets.token_hex(3)}"
    r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch(ws, _entry(), dropped=17), headers=_auth(token))
    assert r.status_code == 200
    items = [e for e in _trail(demo.url, token, action="reports_lost").json()["items"] if e["workstation"] == ws]
    assert len(items) == 1 and items[0]["detail"].startswith("17 reports dropped")


async def test_the_client_words_a_refusal(demo) -> None:
    client = PlatformClient(demo.url)
    try:
        await client.login("town01", "desk123")
        with pytest.raises(errors.PlatformError) as info:
            await client.audit()
        assert "dispatchers" in str(info.value)
    finally:
        await client.logout()
        await client.aclose()


def test_the_trail_survives_a_platform_restart(tmp_path: Path) -> None:
    db = tmp_path / "trail" / "audit.sqlite"
    demo = start_demo("--no-video", "--event-rate", "0", "--audit-db", str(db))
    try:
        token = _token(demo.url, workstation="持久席")
        r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch("持久席", _entry(), batch_id="keep-me-1234"),
                       headers=_auth(token))
        assert r.status_code == 200
        stop_demo(demo.proc)
        demo = restart_demo(demo)
        token = _token(demo.url)
        items = _trail(demo.url, token, limit=100).json()["items"]
        assert [(e["action"], e["workstation"]) for e in items if e["workstation"] == "持久席"] == [
            ("camera_opened", "持久席"), ("login", "持久席")]
        # the batch ids survive too: a retry that crosses the restart is still not stored twice
        r = httpx.post(f"{demo.url}/api/v1/audit/batch", json=_batch("持久席", _entry(), batch_id="keep-me-1234"),
                       headers=_auth(token))
        assert r.json()["duplicate"] is True
    finally:
        stop_demo(demo.proc)
    assert db.exists()
