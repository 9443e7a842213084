"""Log-safe text: masks credentials in URLs before they reach a log or an error message.

Stream URLs carry secrets two ways: userinfo (``rtsp://user:pass@host``, the
cameras' habit) and query parameters (``?token=...``, our platform's habit).
Everything that logs or shows a URL passes it through ``mask_url`` first.
"""

from __future__ import annotations

import re

MASK = "***"

# Query keys whose values are secrets (compared case-insensitively).
SECRET_KEYS = (
    "token", "access_token", "refresh_token", "ticket", "password", "passwd", "pwd", "auth", "key", "secret",
)

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


# Header lines and header dicts: ``Authorization: Bearer abc``, ``'authorization': 'Basic xyz'``,
# wvp's ``access-token: abc``. The scheme word stays (it helps support), the credential goes.
_HEADER = re.compile(
    r"""(?P<pre>\b(?:proxy-)?(?:authorization|access-token|x-auth-token|x-access-token)['"]?\s*[:=]\s*['"]?"""
    r"""(?:(?:bearer|basic|digest|token|negotiate)\s+)?)(?P<val>[^\s'",;}\]]+)""",
    re.IGNORECASE,
)
# JSON and repr'd dicts: ``"access_token": "abc"``, ``'password': 'x'``.
_KEYED = re.compile(
    r"""(?P<pre>(?P<q>['"])(?:""" + "|".join(SECRET_KEYS) + r""")(?P=q)\s*:\s*(?P<q2>['"]))(?P<val>[^'"]*)(?P=q2)""",
    re.IGNORECASE,
)
# Userinfo without a scheme, as libVLC logs a URL's parts: ``location='user:pw@host/x'``.
_BARE_USERINFO = re.compile(r"""(?P<pre>(?:^|(?<=[\s'"=(`]))[^\s/@:'"`=(]+):(?P<pw>[^\s/'"`]+)@(?=[A-Za-z0-9\[])""")
# Keyword arguments in a repr: ``Token(access_token='abc', ...)``, ``login(password="x")``.
_KW_QUOTED = re.compile(
    r"""(?P<pre>\b(?:""" + "|".join(SECRET_KEYS) + r""")=(?P<q>['"]))(?P<val>[^'"]*)(?P=q)""",
    re.IGNORECASE,
)
# A bearer word with no header name before it (``Bearer abc`` in an error message).
_BEARER = re.compile(r"(?P<pre>\bBearer\s+)(?P<val>[A-Za-z0-9._~+/=-]{8,})")


def mask_text(text: str) -> str:
    """Any text (a log line, a traceback, a crash report) with its secrets replaced by ``***``.

    ``mask_url`` for URLs, plus ``Authorization``-style headers, secret keys in
    JSON or dict reprs and bare ``Bearer`` tokens. The logging set-up
    (``controlroom.logs``) runs every log record through this.
    """
    text = mask_url(text)
    text = _BARE_USERINFO.sub(lambda m: m["pre"] + ":" + MASK + "@" if m["pw"] != MASK else m[0], text)
    text = _HEADER.sub(lambda m: f"{m['pre']}{MASK}", text)
    text = _KEYED.sub(lambda m: f"{m['pre']}{MASK}{m['q2']}", text)
    text = _KW_QUOTED.sub(lambda m: f"{m['pre']}{MASK}{m['q']}", text)
    return _BEARER.sub(lambda m: f"{m['pre']}{MASK}", text)
