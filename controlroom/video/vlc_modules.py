"""The libVLC modules ControlRoom needs, by purpose: one table for doctor and the installer.

A module is named as its plugin file is, without ``lib`` and ``_plugin.<ext>``
(``codec/libavcodec_plugin.so`` is ``avcodec``). The set was read from
libVLC's own log (``using ... module "..."``) and from the plugin files a
process had mapped after playing every route the app uses (a wall tile on X11,
a snapshot, a zoom, the headless probe, RTSP through the PyAV bridge and
HTTP-TS) on Debian 12's VLC 3.0.24; HLS and HTTP-FLV follow
``TRANSPORT_MODULES``. ``controlroom doctor`` reports what is missing here;
``build_installer.spec`` bundles these modules (and a few helpers it names).

Plain data and set logic: no ``vlc`` import, so the installer's spec can read
it on a build machine whose libVLC is not loadable yet.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from controlroom.api.schema import Transport

# What each transport needs besides decoding (see transports.playable_transports).
# RTSP plays natively with live555; without it, through the bridge (BRIDGE_MODULES).
TRANSPORT_MODULES: dict[Transport, tuple[str, ...]] = {
    Transport.RTSP: ("live555",),
    Transport.HTTP_FLV: ("http", "avformat"),
    Transport.HTTP_TS: ("http", "ts"),
    Transport.HLS: ("http", "adaptive", "ts"),
}

# The PyAV bridge hands libVLC MPEG-TS through a pipe: fd:// is the filesystem access.
BRIDGE_MODULES: tuple[str, ...] = ("filesystem", "ts")

# The video outputs a tile embeds in its native window, per platform. Linux is
# what was measured; the others are the modules VLC 3 uses to draw into a
# window handle there (not verified on this machine).
ON_SCREEN_MODULES: dict[str, tuple[str, ...]] = {
    "linux": ("xcb_window", "xcb_x11"),
    "win32": ("direct3d11", "direct3d9", "drawable"),
    "darwin": ("macosx", "caopengllayer"),
}

# Purposes without which no tile shows a picture: missing modules here are a
# doctor problem, not just a note.
REQUIRED_PURPOSES = ("decode", "convert", "on screen")


def _platform_key(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def needed(platform: str = sys.platform) -> dict[str, tuple[str, ...]]:
    """The modules the app uses on ``platform``, by purpose (in words for a support call)."""
    return {
        # H.264 and H.265 (cameras send both) through FFmpeg's decoders
        "decode": ("avcodec", "packetizer_h264", "packetizer_hevc"),
        # decoded pictures to what the output takes (and the crop of the digital zoom)
        "convert": ("swscale", "chain"),
        "on screen": ON_SCREEN_MODULES.get(_platform_key(platform), ()),
        # doctor's and the tests' probe render into memory
        "headless probe": ("vmem",),
        # a tile's snapshot is a PNG
        "snapshot": ("png",),
        # https:// stream URLs (a platform behind TLS)
        "TLS streams": ("gnutls",),
        "RTSP bridge": BRIDGE_MODULES,
        **{f"transport {t.value}": mods for t, mods in TRANSPORT_MODULES.items() if t is not Transport.RTSP},
    }


def all_needed(platform: str = sys.platform) -> frozenset[str]:
    return frozenset(m for mods in needed(platform).values() for m in mods)


def missing(has: Callable[[str], bool | None], platform: str = sys.platform) -> dict[str, list[str]]:
    """Per purpose, the needed modules ``has(name)`` says are absent (None, unknown, counts as present)."""
    out: dict[str, list[str]] = {}
    for purpose, mods in needed(platform).items():
        absent = [m for m in mods if has(m) is False]
        if absent:
            out[purpose] = absent
    return out
