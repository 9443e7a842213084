"""Not a chatty API: a 64-tile wall touring for a minute reports every camera it opened and closed
in a few requests.

The tour runs on the wall's own clock, moved forward by the test (10 s steps, six of them: a
minute of touring with the same camera changes, and no wall-clock wait). The demo platform here
runs without video (``--no-video``): what is counted is the audit requests, and 64 tiles decoding
real video on this shared machine would measure the machine, not them; opening a camera on the
wall with real video is tests/ui/test_audit_pane.py's end-to-end test. The platform counts the
batches it received (``/_test/audit-counts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from controlroom.ui.main_window import MainWindow
from demo_platform import Demo, start_demo, stop_demo

from controlroom.session import Session
from controlroom.wall.layouts import preset

STEPS = 6
INTERVAL = 10.0


@pytest.fixture(scope="module")
def quiet_demo() -> Iterator[Demo]:
    d = start_demo("--no-video", "--event-rate", "0")
    try:
        yield d
    finally:
        stop_demo(d.proc)


def test_a_minute_of_a_64_tile_tour_costs_a_few_requests(qtbot, run, quiet_demo: Demo, only_plugins: Callable[..., None],  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    only_plugins()
    monkeypatch.setenv("CONTROLROOM_WORKSTATION", "tour-desk")
    session = Session(quiet_demo.url)
    run(session.login("dispatcher", "dispatch123"))
    run(session.load_inventory(), 60_000)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    win.loading_finished()
    pane = win.video_wall
    now = [1000.0]
    pane.clock = lambda: now[0]  # the wall's clock: tours step on it
    try:
        pane.set_layout(preset(64))
        ids = list(session.inventory.cameras)[: 64 * (STEPS + 1)]
        win.wall_ui.wall_tour.start_pages(ids, INTERVAL)
        qtbot.waitUntil(lambda: pane.camera_on(63) == ids[63], timeout=10_000)
        for step in range(1, STEPS + 1):
            now[0] += INTERVAL
            qtbot.waitUntil(lambda step=step: pane.camera_on(0) == ids[64 * step], timeout=10_000)  # type: ignore[misc]
            assert pane.camera_on(63) == ids[64 * step + 63]
        win.wall_ui.wall_tour.stop()
    finally:
        win.close()
        run(session.close(), 30_000)  # logout: what is left of the trail goes first
    opened = len(ids)
    closed = len(ids)  # each page's cameras closed at the next step, the last page when the window closed
    counts = httpx.get(f"{quiet_demo.url}/_test/audit-counts").json()
    token = httpx.post(f"{quiet_demo.url}/api/v1/auth/login",
                       json={"username": "dispatcher", "password": "dispatch123"}).json()["access_token"]

    def total(action: str) -> Any:
        r = httpx.get(f"{quiet_demo.url}/api/v1/audit", params={"action": action, "limit": 1},
                      headers={"Authorization": f"Bearer {token}"})
        return r.json()["total"]

    print(f"\n{opened + closed} reports in {counts['batches_posted']} requests")
    assert total("camera_opened") == opened and total("camera_closed") == closed  # every one, once
    assert counts["batches_posted"] <= 4
