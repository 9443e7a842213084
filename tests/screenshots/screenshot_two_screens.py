"""Make ``resources/screenshots/two_screens.png``: a two-screen workspace on the demo.

Run (no X server needed: it starts its own two-screen Xvfb):
``.venv/bin/python tests/screenshots/screenshot_two_screens.py``.
Starts the demo platform, then ControlRoom on a private Xvfb cut into two
1280x720 screens (``tests/ui/two_screens``): the main window on the left one,
a wall window without chrome on the right one, both playing; the workspace is
saved and both screens are grabbed side by side.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "ui" / "two_screens"))

from demo_platform import start_demo, stop_demo  # noqa: E402
from xserver import Monitor, start_xvfb  # noqa: E402


def main() -> int:
    out = ROOT / "resources" / "screenshots" / "two_screens.png"
    demo = start_demo("--event-rate", "3")
    server = start_xvfb(2560, 720, [Monitor("LEFT", 0, 0, 1280, 720), Monitor("RIGHT", 1280, 0, 1280, 720)])
    try:
        with tempfile.TemporaryDirectory() as config:
            env = dict(os.environ, DISPLAY=server.display, QT_QPA_PLATFORM="xcb", CONTROLROOM_CONFIG_DIR=config,
                       CONTROLROOM_LOG_DIR=str(Path(config) / "logs"), CONTROLROOM_LANG=os.environ.get("SHOT_LANG", "en"))
            done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "two_screens" / "driver.py"), demo.url,
                                   "save", "--shot", str(out)], env=env, timeout=300)
            return done.returncode
    finally:
        server.stop()
        stop_demo(demo.proc)


if __name__ == "__main__":
    sys.exit(main())
