"""Which backend a platform address names, as database URLs do (issue 11).

- ``http://…`` / ``https://…``             → ``api_v1`` (url unchanged)
- ``wvp+http://host:port`` / ``wvp+https`` → ``wvp`` (url without the ``wvp+`` prefix)
- a path to a ``.toml`` file, or ``file://…toml`` → ``static_file`` (url is the file path)

Anything else is a ``PlatformError`` that says what is accepted.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from controlroom.api.errors import PlatformError

API_V1 = "api_v1"
WVP = "wvp"
STATIC_FILE = "static_file"

_MAX_ADDRESS = 2048


@dataclass(frozen=True)
class Address:
    backend: str  # API_V1 | WVP | STATIC_FILE
    url: str  # http(s) base URL for api_v1 and wvp; a file system path for static_file


def _bad(address: str, why: str) -> PlatformError:
    return PlatformError(
        QCoreApplication.translate(
            "Backend",
            "This is not a platform address: use http(s)://host for ControlRoom's API, "
            "wvp+http(s)://host:port for wvp-GB28181-pro, or a path to a .toml camera file.",
        ),
        detail=f"{why}: {address[:200]!r}",
    )


def _http_url(address: str, url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise _bad(address, "no host")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise _bad(address, "bad port") from exc
    if parts.username or parts.password:
        raise _bad(address, "credentials in the address")
    return url.rstrip("/")


def parse(address: str) -> Address:
    """The backend and URL an address names; ``PlatformError`` for anything else."""
    text = address.strip()
    if not text or len(text) > _MAX_ADDRESS:
        raise _bad(address, "empty or too long")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        raise _bad(address, "control characters")
    scheme, sep, _ = text.partition("://")
    lowered = scheme.lower() if sep else ""
    if lowered in ("http", "https"):
        return Address(API_V1, _http_url(address, text))
    if lowered in ("wvp+http", "wvp+https"):
        return Address(WVP, _http_url(address, text[len("wvp+") :]))
    if lowered == "file":
        parts = urllib.parse.urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            raise _bad(address, "file URL with a remote host")
        path = urllib.parse.unquote(parts.path)
        if not path.lower().endswith(".toml"):
            raise _bad(address, "file is not .toml")
        return Address(STATIC_FILE, str(Path(path)))
    if sep:
        raise _bad(address, f"unknown scheme {scheme[:20]!r}")
    if text.lower().endswith(".toml"):
        return Address(STATIC_FILE, str(Path(text).expanduser()))
    raise _bad(address, "neither a URL nor a .toml file")
