"""Point python-vlc at the libVLC inside an installed bundle, never at the system's.

The installer (``build_installer.spec``) ships libVLC, libVLCcore and the
plugins the app needs; its runtime hook calls :func:`use_bundled_libvlc`
before anything imports ``vlc``. python-vlc's ``find_lib`` (read in
python-vlc 3.0.21203's ``vlc.py``) loads ``PYTHON_VLC_LIB_PATH`` with
``ctypes.CDLL`` when it is set and takes ``PYTHON_VLC_MODULE_PATH`` as its
``plugin_path``; otherwise it searches the system. libVLCcore scans
``VLC_PLUGIN_PATH`` as well as a folder next to itself, so the bundle keeps its
plugins in a folder of their own (``vlc_plugins``) that only the variable
names: one scan, no module registered twice, and a ``VLC_PLUGIN_PATH``
inherited from the user's shell cannot bring the system's plugins in.

libvlc's own dependency on libvlccore is resolved by the dynamic loader, which
could find the system's copy first; loading the bundled libvlccore by its full
path beforehand makes the loader reuse it (it matches the soname).

Nothing here imports ``vlc``: it must run before the first import.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

# Where the spec puts the files, relative to the bundle's folder (sys._MEIPASS).
PLUGIN_FOLDER = "vlc_plugins"
_LIBS = {
    "linux": ("libvlc.so.5", "libvlccore.so.9"),
    "win32": ("libvlc.dll", "libvlccore.dll"),
    "darwin": ("libvlc.dylib", "libvlccore.dylib"),
}


@dataclass(frozen=True)
class BundledVlc:
    libvlc: Path
    libvlccore: Path
    plugins: Path


def _platform_key(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def bundled_paths(base: Path, platform: str = sys.platform) -> BundledVlc | None:
    """The bundle's libVLC files under ``base``, or None when it carries none."""
    names = _LIBS.get(_platform_key(platform))
    if names is None:
        return None
    found = BundledVlc(base / names[0], base / names[1], base / PLUGIN_FOLDER)
    if not (found.libvlc.is_file() and found.libvlccore.is_file() and found.plugins.is_dir()):
        return None
    return found


def use_bundled_libvlc(
    base: Path, environ: MutableMapping[str, str] | None = None, platform: str = sys.platform
) -> BundledVlc | None:
    """Make the next ``import vlc`` load the libVLC under ``base``; None when there is none.

    Raises RuntimeError when ``vlc`` is imported already: it would have found
    its library, perhaps the system's, and this would change nothing.
    """
    if "vlc" in sys.modules:
        raise RuntimeError("python-vlc is imported already: set up the bundled libVLC before it")
    env = os.environ if environ is None else environ
    found = bundled_paths(base, platform)
    if found is None:
        return None
    env["PYTHON_VLC_LIB_PATH"] = str(found.libvlc)
    env["PYTHON_VLC_MODULE_PATH"] = str(found.plugins)
    env["VLC_PLUGIN_PATH"] = str(found.plugins)
    if _platform_key(platform) == _platform_key(sys.platform):  # not when asked about another OS
        # python-vlc answers a library it cannot load with sys.exit(1) and a
        # terse log line; say which file and why instead (a damaged bundle, a
        # system library it needs missing).
        for lib in (found.libvlccore, found.libvlc):
            try:
                ctypes.CDLL(str(lib), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
            except OSError as exc:
                raise RuntimeError(f"the bundled libVLC cannot be loaded: {exc}") from exc
    return found
