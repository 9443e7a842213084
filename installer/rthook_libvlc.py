"""PyInstaller runtime hook: the bundle plays through its own libVLC.

Runs before the app's first line, so before anything imports ``vlc``:
python-vlc then loads the bundle's libvlc and libVLC scans only the
bundle's plugins (see controlroom/video/bundled_vlc.py).
"""

import sys
from pathlib import Path

from controlroom.video.bundled_vlc import use_bundled_libvlc

use_bundled_libvlc(Path(sys._MEIPASS))  # type: ignore[attr-defined]
