"""Log-safe text: masks credentials in URLs before they reach a log or an error message.

Stream URLs carry secrets two ways: userinfo (``rtsp://user:pass@host``, the
cameras' habit) and query parameters (``?token=...``, our platform's habit).
Everything that logs or shows a URL passes it through ``mask_url`` first.
"""

from __future__ import annotations

import re

MASK = "***"

# Query keys whose values are secrets (compared case-insensitively).
SECRET_KEYS = ("token", "access_token", "refresh_token", "ticket", "password", "passwd", "pwd", "auth", "key", "secret")

# scheme://user:password@ ; greedy up to the last '@' of the authority, because
# camera passwords often hold a raw, unescaped '@'.
_USERINFO = re.compile(r"(?P<pre>[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\s]*):(?P<pw>[^/\s]*)@")
_QUERY = re.compile(
    r"(?P<pre>(?:^|[?&;,\s(\['\"])(?:" + "|".join(SECRET_KEYS) + r""")=)(?P<val>[^&;#\s)\]'"]*)""",
    re.IGNORECASE,
)


def mask_url(url: str) -> str:
    """``url`` with the userinfo password and secret query values replaced by ``***``.

    Works on any text that contains URLs (an error message, a log line), not
    only on a bare URL; the user name stays, it helps support and is no secret.
    """
    text = _USERINFO.sub(lambda m: f"{m['pre']}:{MASK}@", url)
    return _QUERY.sub(lambda m: f"{m['pre']}{MASK}" if m["val"] else m[0], text)
