"""libVLC instance options, in one place, and the one process-wide ``vlc.Instance``.

The choices come from measurements on a 2-core Debian 12 box under Xvfb
(see ARCHITECTURE.md, "What was found on this kind of machine"); each option
says why it is there. A wall of 16-64 tiles lives or dies by these.
"""

from __future__ import annotations

import os
import sys
import threading

import vlc

# Live video: enough buffer to ride out loopback / LAN jitter, low enough that
# an operator sees the scene now. Measured: first frame is dominated by the
# wait for a key frame, not by caching, so a small value costs nothing.
DEFAULT_NETWORK_CACHING_MS = 300


def instance_args(
    headless: bool, network_caching_ms: int = DEFAULT_NETWORK_CACHING_MS, vout: str = "auto"
) -> list[str]:
    """libVLC arguments; ``headless`` for probes and tests rendering into memory."""
    args = [
        "--quiet",  # libVLC's own chatter goes to stderr otherwise; we log what matters
        "--no-video-title-show",  # no file name painted over a camera picture
        "--no-snapshot-preview",  # no thumbnail popping up after a snapshot
        "--no-osd",  # no volume/position overlays on tiles
        # Input statistics stay on (no --no-stats): TilePlayer reads displayed pictures
        # and demuxed bytes from them to spot a frozen tile and report fps / kbit/s.
        "--no-sub-autodetect-file",  # live streams have no side-car subtitle files to look for
        "--no-spu",  # nor subtitles at all
        "--no-lua",  # no Lua interfaces/playlist scripts: faster start, fewer surprises
        "--no-interact",  # never pop dialogs (e.g. certificate questions) from a tile
        # One decoder thread per tile: with 16+ tiles the cores are already busy,
        # and per-thread buffers cost RAM (16 tiles: 384 -> 299 MiB RSS measured).
        "--avcodec-threads=1",
        # Skip the H.264 deblocking filter on all frames (4 = all): 103 -> 90 % CPU
        # for 16 tiles measured; the softer picture is invisible at tile size.
        "--avcodec-skiploopfilter=4",
        f"--network-caching={network_caching_ms}",  # http://, rtsp:// (live555)
        f"--live-caching={network_caching_ms}",  # capture-like access modules
        # fd:// (our RTSP bridge's pipe) is a "file" to libVLC: same low caching.
        f"--file-caching={network_caching_ms}",
        # Don't hold a late frame back waiting for the audio clock (cameras rarely
        # send audio, and a wall is muted anyway).
        "--clock-jitter=0",
    ]
    if sys.platform.startswith("linux"):
        # libVLC must not call XInitThreads in a Qt process, and with xlib off the
        # video output is xcb_x11 instead of gl, whose Mesa software fallback under
        # Xvfb was unusable (one tile: 172 % CPU at 18 fps).
        args.append("--no-xlib")
    if not headless and vout not in ("auto", "any"):
        # a workstation with a GPU may want "gl" (or "xvideo", "direct3d11"...):
        # the setting video.vout; "auto" leaves libVLC's choice, which the
        # options above make xcb_x11 on Linux
        args.append(f"--vout={vout}")
    if headless:
        args += [
            "--intf=dummy",  # no interface module at all
            "--no-audio",  # probes and tests look at pictures only
            "--vout=vmem",  # frames go to our memory callbacks, never to a window
        ]
    return args


_lock = threading.Lock()
_instances: dict[bool, vlc.Instance] = {}


def limit_malloc_arenas(arenas: int = 2) -> None:
    """Cap glibc's malloc arenas before libVLC starts its many threads.

    Each libVLC player starts decoder and output threads, and glibc gives busy
    threads arenas of their own that it rarely hands back: over 400 tile
    switches RSS grew 10 MiB with the default, 6 MiB with two arenas
    (MALLOC_ARENA_MAX=2, measured), for no loss of frame rate. Linux/glibc
    only; elsewhere, and when the variable is set already, nothing changes.
    """
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return
    try:
        import ctypes

        M_ARENA_MAX = -8
        ctypes.CDLL("libc.so.6").mallopt(M_ARENA_MAX, arenas)
    except (OSError, AttributeError):  # not glibc (musl): nothing to cap
        pass


def shared_instance(headless: bool = False) -> vlc.Instance:
    """The process-wide libVLC instance for windows (or for memory), on first use.

    One instance for all tiles (gridplayer's lesson): each instance loads the
    plugin cache and its own threads. The headless one (probes, doctor) renders
    into memory, so it is a second instance rather than a flag on the first:
    whichever was asked for first must not decide for the other.
    """
    with _lock:
        inst = _instances.get(headless)
        if inst is None:
            from controlroom import settings  # the options are overridable there

            if not _instances:
                limit_malloc_arenas()
            conf = settings.shared()
            args = instance_args(
                headless, conf.get("video.network_caching_ms"), conf.get("video.vout")
            )
            inst = vlc.Instance(args)
            if inst is None:
                raise RuntimeError("libVLC could not start: is VLC installed (Debian: vlc-bin, "
                                   "vlc-plugin-base)?")  # fmt: skip
            _instances[headless] = inst
            from controlroom import logs  # libVLC's own log into the log file, masked

            logs.attach_libvlc(inst)
        return inst


def libvlc_version() -> str:
    """libVLC's version string, e.g. "3.0.24 Vetinari"."""
    raw = vlc.libvlc_get_version()
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
