"""Which stream transports the local libVLC can play, and which one to pick.

libVLC has no API that lists its access/demux modules (python-vlc's
``audio_filter_list_get``/``video_filter_list_get`` cover filters only), so we
look at its plugin directory: each module is a file named
``lib<module>_plugin.{so,dll,dylib}``. The heuristic, in order:

- the directory: ``VLC_PLUGIN_PATH``, python-vlc's ``plugin_path``, then next
  to the loaded libvlc (``<libdir>/vlc/plugins``, ``<libdir>/plugins``,
  ``<libdir>/../plugins`` for VLC.app), then the usual Linux places;
- RTSP plays natively when ``liblive555_plugin`` is there (Windows, macOS and
  Ubuntu builds). Debian 12 builds VLC without live555 (``rtsp://`` then fails
  with "only real/helix rtsp servers supported"), so RTSP goes through our
  PyAV bridge (``rtsp_bridge``) when PyAV is importable;
- HTTP-TS needs ``libhttp_plugin`` + ``libts_plugin``; HLS also needs
  ``libadaptive_plugin``; HTTP-FLV is demuxed by ``libavformat_plugin``;
- if no plugin directory is found at all we assume a full official build
  (live555 included) everywhere but Linux, where distributions vary.
"""

from __future__ import annotations

import enum
import functools
import glob
import importlib.util
import os
import sys
from pathlib import Path

import vlc

from controlroom.api.schema import Transport
from controlroom.video.vlc_modules import TRANSPORT_MODULES

_LINUX_PLUGIN_DIRS = (
    "/usr/lib/x86_64-linux-gnu/vlc/plugins",
    "/usr/lib/aarch64-linux-gnu/vlc/plugins",
    "/usr/lib/vlc/plugins",
    "/usr/lib64/vlc/plugins",
    "/usr/local/lib/vlc/plugins",
)


class RtspRoute(enum.Enum):
    """How an ``rtsp://`` URL reaches the player."""

    NATIVE = "native"  # libVLC's live555 module
    BRIDGE = "bridge"  # PyAV remuxes RTSP to MPEG-TS into a pipe (fd://)
    NONE = "none"  # neither: RTSP is not playable here


def _loaded_libvlc_dirs() -> list[Path]:
    dirs: list[Path] = []
    name = getattr(getattr(vlc, "dll", None), "_name", None)
    if name and os.path.isabs(name):
        dirs.append(Path(name).parent)
    try:  # Linux: where the dynamic loader really found libvlc
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                if "libvlc" in line and "/" in line:
                    dirs.append(Path(line[line.index("/") :].strip()).parent)
    except OSError:
        pass
    return list(dict.fromkeys(dirs))


def loaded_libvlc() -> Path | None:
    """The libvlc file this process loaded: the mapped file on Linux, else python-vlc's handle's name."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                if "/" in line and Path(line[line.index("/") :].strip()).name.startswith("libvlc.so"):
                    return Path(line[line.index("/") :].strip())
    except OSError:
        pass
    name = getattr(getattr(vlc, "dll", None), "_name", None)
    return Path(name) if name and os.path.isabs(name) else None


@functools.cache
def plugin_dir() -> Path | None:
    """libVLC's plugin directory, or None when it can't be found."""
    candidates: list[str | Path] = []
    if os.environ.get("VLC_PLUGIN_PATH"):
        candidates.append(os.environ["VLC_PLUGIN_PATH"])
    if getattr(vlc, "plugin_path", None):
        candidates.append(vlc.plugin_path)
        candidates.append(Path(vlc.plugin_path) / "plugins")
    for d in _loaded_libvlc_dirs():
        candidates += [d / "vlc" / "plugins", d / "plugins", d.parent / "plugins"]
    candidates += _LINUX_PLUGIN_DIRS
    for c in candidates:
        p = Path(c)
        if p.is_dir() and (
            glob.glob(str(p / "*" / "lib*_plugin.*")) or glob.glob(str(p / "lib*_plugin.*"))
        ):
            return p
    return None


@functools.cache
def _modules(directory: Path) -> frozenset[str]:
    names = glob.glob(str(directory / "**" / "lib*_plugin.*"), recursive=True)
    return frozenset(Path(n).name.split("_plugin.")[0][3:] for n in names)


def has_module(name: str) -> bool | None:
    """Whether libVLC has module ``name`` (e.g. "live555"); None when unknown."""
    d = plugin_dir()
    return None if d is None else name in _modules(d)


def pyav_available() -> bool:
    return importlib.util.find_spec("av") is not None


def rtsp_route(instance: vlc.Instance | None = None) -> RtspRoute:
    """How RTSP plays here. ``instance`` is accepted for symmetry; modules are per install."""
    live555 = has_module("live555")
    if live555 is None:
        live555 = not sys.platform.startswith("linux")
    if live555:
        return RtspRoute.NATIVE
    return RtspRoute.BRIDGE if pyav_available() else RtspRoute.NONE


def playable_transports(instance: vlc.Instance | None = None) -> set[Transport]:
    """The transports the local libVLC (plus our bridge) can really play."""

    def ok(*mods: str) -> bool:
        # Unknown (no plugin dir found) counts as present: better to try and report
        # a play error than to refuse a stream that would have played.
        return all(has_module(m) is not False for m in mods)

    out: set[Transport] = {t for t, mods in TRANSPORT_MODULES.items() if t is not Transport.RTSP and ok(*mods)}
    if rtsp_route(instance) is not RtspRoute.NONE:
        out.add(Transport.RTSP)
    return out


def local_choice(urls: dict[Transport, str]) -> tuple[Transport, str] | None:
    """How this machine plays ``urls``: the operator's order (setting
    ``video.transport_preference``), only what the local libVLC (with the
    bridge) plays, RTSP through the bridge last. The wall and the conference
    wall both ask here."""
    from controlroom import settings

    return choose_transport(
        urls, playable_transports(), settings.shared().get("video.transport_preference"),
        rtsp_via_bridge=rtsp_route() is RtspRoute.BRIDGE,
    )


def choose_transport(
    urls: dict[Transport, str],
    playable: set[Transport],
    preference: list[Transport] | list[str] | None = None,
    *,
    rtsp_via_bridge: bool = False,
) -> tuple[Transport, str] | None:
    """The first transport in ``preference`` (default: ``Transport`` order, lowest
    latency first) that is offered and playable here.

    ``rtsp_via_bridge``: RTSP would go through the PyAV bridge (no live555 in
    this libVLC). Then a transport libVLC plays itself comes first and RTSP is
    the fallback: the bridge costs a thread and a remux per tile for about the
    same first-frame time (0.16 s against 0.15 s over HTTP-TS, measured).
    """
    order = [Transport(p) for p in preference] if preference else list(Transport)
    if rtsp_via_bridge and Transport.RTSP in order:
        order.remove(Transport.RTSP)
        order.append(Transport.RTSP)
    for transport in order:
        if transport in playable and urls.get(transport):
            return transport, urls[transport]
    return None
