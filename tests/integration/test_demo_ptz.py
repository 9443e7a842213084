"""The demo platform's PTZ (issue 13): scene cameras that really move, holds by priority, presets.

Frames are decoded with PyAV from the demo's own HTTP-TS stream: the scene is
a gradient (red grows to the right, green downwards), so the colour at the
picture's centre says where the camera looks.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

import av
import httpx
import pytest

from controlroom.api import schema as s
from controlroom.demo.media.ptz_scene import scene_colour

API = "/api/v1"


@contextlib.contextmanager
def _login(demo, user: str, password: str) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=demo.url, timeout=30) as c:
        r = c.post(f"{API}/auth/login", json={"username": user, "password": password})
        r.raise_for_status()
        c.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
        yield c


@pytest.fixture
def scene(demo) -> list[str]:  # type: ignore[no-untyped-def]
    return list(demo.hook("ptz-reset")["scene_cameras"])


@pytest.fixture
def boss(demo) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    with _login(demo, "dispatcher", "dispatch123") as c:
        yield c


class _Frames:
    """The centre colour of the newest decoded frame of one stream, on a thread of its own."""

    def __init__(self, url: str) -> None:
        self.container = av.open(url, options={"probesize": "32768", "analyzeduration": "0"}, timeout=10)
        self.centre: tuple[int, int, int] | None = None
        self.frames = 0
        self.size = (0, 0)
        self._stop = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            for f in self.container.decode(video=0):
                a = f.to_ndarray(format="rgb24")
                h, w, _ = a.shape
                self.size = (w, h)
                patch = a[h * 44 // 100:h * 56 // 100, w * 44 // 100:w * 56 // 100].reshape(-1, 3)
                med = sorted(range(len(patch)), key=lambda i: int(patch[i].sum()))[len(patch) // 2]
                self.centre = tuple(int(x) for x in patch[med])  # type: ignore[assignment]
                self.frames += 1
                if self._stop:
                    return
        except (av.error.ExitError, av.error.EOFError, OSError):
            return
        finally:
            # closed here, by the decoding thread: closing it from another thread while this one
            # decodes frees what this one uses (a segfault seen in the full suite)
            self.container.close()

    def wait_for(self, want: tuple[int, int, int], tol: int = 8, timeout: float = 10) -> tuple[int, int, int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            c = self.centre
            if c is not None and max(abs(a - b) for a, b in zip(c, want, strict=True)) <= tol:
                return c
            time.sleep(0.04)  # polling a decoder thread: nothing to wait on but its output
        raise AssertionError(f"the picture never showed {want}: last {self.centre}")

    def close(self) -> None:
        self._stop = True  # the thread stops at its next frame (or the 10 s read timeout) and closes
        self.thread.join(15)
        assert not self.thread.is_alive(), "the decoding thread did not stop"


def _frames(client: httpx.Client, cid: str, profile: str = "main") -> _Frames:
    r = client.post(f"{API}/streams/ticket", json={"camera_id": cid, "profile": profile})
    r.raise_for_status()
    return _Frames(r.json()["urls"]["http-ts"])


def _state(client: httpx.Client, cid: str) -> s.PtzState:
    r = client.get(f"{API}/cameras/{cid}/ptz")
    r.raise_for_status()
    import msgspec

    return msgspec.json.decode(r.content, type=s.PtzState)


def _still(client: httpx.Client, cid: str) -> s.PtzState:
    deadline = time.monotonic() + 10
    while (st := _state(client, cid)).moving:
        assert time.monotonic() < deadline, "the camera never stopped"
        time.sleep(0.05)
    return st


def test_panning_right_moves_the_scene_left_and_a_preset_brings_it_back(scene: list[str], boss: httpx.Client) -> None:
    cid = scene[0]
    frames = _frames(boss, cid)
    try:
        home = frames.wait_for(scene_colour(0.5, 0.5))
        assert frames.size == (640, 360)
        r = boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "right", "speed": 1.0})
        assert r.status_code == 202 and r.json()["accepted"] is True
        deadline = time.monotonic() + 10
        while _state(boss, cid).pan < 0.65:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "stop"})
        st = _still(boss, cid)
        assert 0.65 <= st.pan <= 0.75 and st.tilt == 0.5 and st.zoom == 1.0
        right = frames.wait_for(scene_colour(st.pan, st.tilt))
        assert right[0] > home[0] + 25  # the red of the scene's right part came to the centre
        # save it, go home, come back
        r = boss.post(f"{API}/cameras/{cid}/ptz/presets", json={"number": 7, "name": "gate"})
        assert r.status_code == 201 and r.json() == {"number": 7, "name": "gate"}
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "preset", "preset": 1})
        frames.wait_for(home)
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "preset", "preset": 7})
        frames.wait_for(right)
        assert {p.number for p in _state(boss, cid).presets} == {1, 7}
        # a preset never saved: accepted as a request, not acted on
        r = boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "preset", "preset": 99})
        assert r.status_code == 202 and r.json()["accepted"] is False
        # zoom in: the gradient spreads, the picture's corners come closer to the centre's colour
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "zoom_in", "speed": 1.0})
        deadline = time.monotonic() + 10
        while _state(boss, cid).zoom < 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "stop"})
        assert _still(boss, cid).zoom >= 2
    finally:
        frames.close()


def test_a_move_stops_by_itself_after_the_safety_timeout(demo, scene: list[str], boss: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    demo.hook("ptz-reset", move_timeout=0.5)
    try:
        cid = scene[1]
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "left", "speed": 0.05})
        assert _state(boss, cid).moving
        st = _still(boss, cid)  # nobody said stop
        assert 0.45 < st.pan < 0.5
    finally:
        demo.hook("ptz-reset")


def test_a_town_desk_cannot_take_a_camera_a_dispatcher_holds(demo, scene: list[str], boss: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    cid = scene[0]  # town 1
    r = boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "up", "speed": 0.1})
    assert r.status_code == 202
    with _login(demo, "town01", "desk123") as desk:
        r = desk.post(f"{API}/cameras/{cid}/ptz", json={"action": "down"})
        assert r.status_code == 409, r.text
        err = r.json()["error"]
        assert err["code"] == "ptz_held"
        assert "县指挥中心调度员" in err["message"] and "higher priority" in err["message"] and "UTC" in err["message"]
        held = _state(desk, cid).held_by
        assert held is not None and held.username == "dispatcher" and held.role == s.Role.DISPATCHER
        assert desk.post(f"{API}/cameras/{cid}/ptz/presets", json={"number": 3}).status_code == 409
        # once the hold is over the desk may steer, and then holds it itself (a dispatcher may take over)
        demo.hook("ptz-reset", hold_seconds=0.3)
        boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "stop"})
        deadline = time.monotonic() + 10
        while _state(desk, cid).held_by is not None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert desk.post(f"{API}/cameras/{cid}/ptz", json={"action": "stop"}).status_code == 202
        assert boss.post(f"{API}/cameras/{cid}/ptz", json={"action": "stop"}).status_code == 202
    demo.hook("ptz-reset")


def test_presenters_may_not_steer_or_save(demo, scene: list[str]) -> None:  # type: ignore[no-untyped-def]
    with _login(demo, "presenter", "present123") as p:
        cid = scene[0]
        assert p.post(f"{API}/cameras/{cid}/ptz", json={"action": "left"}).status_code == 403
        assert p.post(f"{API}/cameras/{cid}/ptz/presets", json={"number": 2}).status_code == 403
        assert _state(p, cid).held_by is None  # they may look


def test_a_fixed_camera_has_no_ptz_state(boss: httpx.Client) -> None:
    cams = boss.get(f"{API}/cameras", params={"limit": 200}).json()["items"]
    fixed = next(c["id"] for c in cams if not c["ptz"])
    r = boss.get(f"{API}/cameras/{fixed}/ptz")
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_ptz"
