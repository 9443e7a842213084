"""Workspaces across restarts on two screens: each start of ControlRoom is a process of its own on
a private two-screen X server (``two_screens/xserver.py``: one Xvfb cut into two RandR monitors,
which is how Qt 6 sees two screens), sharing one config folder, driven by ``two_screens/driver.py``.

Real demo platform, real libVLC: "playing" is each tile's first decoded frame.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "two_screens"))

from xserver import Monitor, start_xvfb  # noqa: E402

pytestmark = pytest.mark.video

LEFT = Monitor("LEFT", 0, 0, 1280, 720)
RIGHT = Monitor("RIGHT", 1280, 0, 1280, 720)


def start(demo: Any, config_dir: Path, step: str, monitors: list[Monitor], shot: Path | None = None) -> dict[str, Any]:
    """One start of ControlRoom on an X server with ``monitors``; its report."""
    width = max(m.x + m.w for m in monitors)
    server = start_xvfb(width, 720, monitors)
    env = dict(os.environ, DISPLAY=server.display, QT_QPA_PLATFORM="xcb", CONTROLROOM_CONFIG_DIR=str(config_dir),
               CONTROLROOM_LOG_DIR=str(config_dir / "logs"), CONTROLROOM_LANG="en")
    env.pop("WAYLAND_DISPLAY", None)
    args = [sys.executable, str(HERE / "two_screens" / "driver.py"), demo.url, step]
    if shot is not None:
        args += ["--shot", str(shot)]
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    finally:
        server.stop()
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, f"the {step} start failed:\n{done.stderr[-4000:]}"
    return json.loads(lines[-1][len("REPORT "):])


def playing(window: dict[str, Any]) -> bool:
    return all(s == "PLAYING" for c, s in zip(window["cameras"], window["states"], strict=True) if c is not None)


def test_a_two_screen_workspace_comes_back_on_its_screens_playing(demo, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    saved = start(demo, config_dir, "save", [LEFT, RIGHT], shot=config_dir / "two-screens.png")
    assert [s[0] for s in saved["screens"]] == ["LEFT", "RIGHT"], "Qt sees the two screens"
    assert saved["main"]["screen"] == "LEFT" and [w["screen"] for w in saved["walls"]] == ["RIGHT"]
    assert saved["current"] == "Two screens"

    # ---- restart (a new process, the same config folder): both windows back on their screens, playing
    back = start(demo, config_dir, "restore", [LEFT, RIGHT])
    assert back["current"] == "Two screens"
    assert back["main"]["screen"] == "LEFT" and back["main"]["geometry"] == saved["main"]["geometry"]
    assert back["main"]["cameras"] == saved["main"]["cameras"] and playing(back["main"])
    assert len(back["walls"]) == 1
    wall = back["walls"][0]
    assert wall["screen"] == "RIGHT" and wall["full_screen"] and wall["presenting"], "only the wall, as saved"
    assert not back["main"]["presenting"]
    assert wall["geometry"] == [1280, 0, 1280, 720], "full screen on the right-hand screen"
    assert wall["cameras"] == saved["walls"][0]["cameras"] and playing(wall)
    assert back["notices"] == [], "nothing to tell: every screen is there"

    # ---- restart with one screen: both windows on the remaining one, and the operator is told
    one = start(demo, config_dir, "restore", [LEFT])
    assert [s[0] for s in one["screens"]] == ["LEFT"]
    assert one["main"]["screen"] == "LEFT" and [w["screen"] for w in one["walls"]] == ["LEFT"]
    assert one["walls"][0]["geometry"][0] < 1280, "inside the remaining screen"
    assert playing(one["main"]) and playing(one["walls"][0])
    assert any("RIGHT" in n and "not connected" in n for n in one["notices"]), one["notices"]


def test_a_screen_disconnected_and_connected_again_while_running(demo, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    start(demo, config_dir, "save", [LEFT, RIGHT])
    run = start(demo, config_dir, "hotplug", [LEFT, RIGHT])
    gone, back = run["after_removed"], run["after_added"]
    assert [s[0] for s in gone["screens"]] == ["LEFT"]
    assert [w["screen"] for w in gone["walls"]] == ["LEFT"] and not gone["walls"][0]["full_screen"], \
        "moved to the remaining screen, not full screen over the desk"
    assert any("RIGHT" in n and "disconnected" in n for n in gone["notices"]), gone["notices"]
    assert playing(gone["walls"][0]), "the wall played on while it moved"
    assert [w["screen"] for w in back["walls"]] == ["RIGHT"] and back["walls"][0]["full_screen"]
    assert back["walls"][0]["presenting"] and not gone["walls"][0]["presenting"]
    assert back["walls"][0]["geometry"] == [1280, 0, 1280, 720]
    assert any("RIGHT" in n and "back" in n for n in back["notices"]), back["notices"]
