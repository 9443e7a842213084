"""Which stream URLs may reach a player: network schemes only, checked in one place.

A platform names the URLs a tile plays. libVLC and FFmpeg open far more than
network streams: ``file://``, a bare path, ``screen://``, ``v4l2://``,
``dshow://``, ``fd://``, ``vlc://``, ``cdda://``... A hostile or broken
platform that sends one of those makes the desk open a local file, a
device or the screen on every reconnect. So every URL passes
``check_stream_url`` before it is handed to libVLC (``TilePlayer``), PyAV
(``RtspBridge``) or ``doctor`` (``probe.play_url``): only ``rtsp``, ``rtsps``,
``http``, ``https`` and ``rtmp`` with a host, plus what a backend declares
(``extra_schemes``). The answer is a structured ``UrlRefusal``; the UI puts it
into words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

#: Schemes every backend may use: network streams that carry no local access.
NETWORK_SCHEMES = frozenset({"rtsp", "rtsps", "http", "https", "rtmp"})
MAX_URL_LENGTH = 4096

# libVLC/FFmpeg schemes that read local things, by what they read
_LOCAL_FILE = frozenset({"file", "directory", "smb", "nfs", "sftp", "ftp", "concat", "subfile", "pipe", "cache"})
_DEVICE = frozenset({
    "screen", "v4l2", "v4l", "dshow", "dtv", "dvb", "cdda", "dvd", "dvdsimple", "dvdnav", "vcd", "bluray",
    "alsa", "pulse", "jack", "oss", "decklink", "avcapture", "qtcapture", "imem", "shm", "linsys-sdi",
    "linsys-hdsdi", "x11grab", "gdigrab", "avfoundation", "video4linux2",
})
_INTERNAL = frozenset({"fd", "vlc", "imem", "stream", "mem", "memory", "data", "javascript"})
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


class UrlRefusal(enum.StrEnum):
    """Why a stream URL was refused; the UI words each one."""

    LOCAL_FILE = "local_file"  # file://, a bare path, a drive letter
    DEVICE = "device"  # a capture device, the screen, a disc
    INTERNAL = "internal"  # a player-internal access: fd://, vlc://, imem
    SCHEME = "scheme"  # some other scheme no backend declared
    MALFORMED = "malformed"  # no host, control characters, absurd length


#: English nouns for the doctor's report (the UI words refusals itself, translated)
REFUSAL_NOUNS = {
    UrlRefusal.LOCAL_FILE: "local-file",
    UrlRefusal.DEVICE: "local-device",
    UrlRefusal.INTERNAL: "player-internal",
    UrlRefusal.SCHEME: "non-network",
    UrlRefusal.MALFORMED: "malformed",
}


class RefusedUrl(ValueError):
    """Raised where a caller cannot return a refusal (a bridge, a probe)."""

    def __init__(self, refusal: UrlRefusal, scheme: str) -> None:
        super().__init__(f"stream URL refused ({refusal.value}: {scheme or 'no scheme'})")
        self.refusal = refusal
        self.scheme = scheme


def scheme_of(url: str) -> str:
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", url.strip())
    return m.group(1).lower() if m else ""


def check_stream_url(url: str, extra_schemes: Iterable[str] = ()) -> UrlRefusal | None:
    """None when ``url`` is a network stream a player may open; else why not.

    ``extra_schemes``: what a backend declares it uses on top of
    ``NETWORK_SCHEMES`` (never a local one: those stay refused).
    """
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        return UrlRefusal.MALFORMED
    if url.startswith(("/", "\\", "~", ".")) or _DRIVE.match(url):
        return UrlRefusal.LOCAL_FILE
    scheme = scheme_of(url)
    if not scheme:
        # no scheme at all: libVLC reads it as a path
        return UrlRefusal.LOCAL_FILE
    if scheme in _LOCAL_FILE:
        return UrlRefusal.LOCAL_FILE
    if scheme in _DEVICE:
        return UrlRefusal.DEVICE
    if scheme in _INTERNAL:
        return UrlRefusal.INTERNAL
    allowed = NETWORK_SCHEMES | {s.lower() for s in extra_schemes}
    if scheme not in allowed:
        return UrlRefusal.SCHEME
    if _CONTROL.search(url):
        return UrlRefusal.MALFORMED  # a newline or space: option or request injection
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises on a bad port
    except ValueError:
        return UrlRefusal.MALFORMED
    if not host:
        return UrlRefusal.MALFORMED
    return None


def require_stream_url(url: str, extra_schemes: Iterable[str] = ()) -> str:
    """``url`` if a player may open it; else ``RefusedUrl``."""
    refusal = check_stream_url(url, extra_schemes)
    if refusal is not None:
        raise RefusedUrl(refusal, scheme_of(url) if isinstance(url, str) else "")
    return url
