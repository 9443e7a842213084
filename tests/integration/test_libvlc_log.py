"""libVLC's own log goes through the log set-up's masking filter: a real demo stream, real libVLC.

The URL carries both kinds of secret a camera URL can: the session's token
as ``token=`` and a ``user:password@``. libVLC logs URLs itself (at debug
while it opens them, and a warning for a password in a URI), so the log
file must hold libVLC's lines and neither secret; at the default level only
libVLC's warnings and errors, never its debug chatter.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import vlc

from controlroom import logs
from controlroom.api.client import PlatformClient
from controlroom.api.schema import Transport
from controlroom.video.probe import play_url
from controlroom.video.vlc_options import instance_args

PASSWORD = "Pa55-w0rd!x"
LINE = re.compile(r"^\S+ \S+ (?P<level>[A-Z]+) +\[[^\]]*\] (?P<name>libvlc(?:\.\w+)?): ")


@pytest.mark.video
@pytest.mark.parametrize("level", ["info", "debug"])
async def test_libvlc_log_lines_are_masked(demo, tmp_path: Path, level: str) -> None:  # type: ignore[no-untyped-def]
    client = PlatformClient(demo.url)
    await client.login("dispatcher", "dispatch123")
    setup = logs.setup(level=level, directory=tmp_path, console=False, qt=False)
    # an instance of its own: the session's shared one keeps its own log routing
    instance = vlc.Instance(instance_args(headless=True))
    try:
        cameras, _ = await client.cameras()
        camera = next(c for c in cameras if c.online and c.streams)
        ticket = await client.stream_ticket(camera.id, "sub")  # the stream ticket is the secret in the URL
        url = ticket.urls[Transport.HTTP_TS]
        token = parse_qs(urlsplit(url).query)["ticket"][0]
        parts = urlsplit(url)
        secret_url = parts._replace(netloc=f"operator:{PASSWORD}@{parts.netloc}").geturl()
        setup.attach_libvlc(instance)
        with play_url(secret_url, Transport.HTTP_TS, instance) as session:
            assert await asyncio.to_thread(session.probe.wait_frames, 3, 15), session.error
    finally:
        if setup.libvlc is not None:
            setup.libvlc.detach()
        instance.release()
        setup.close()
        await client.aclose()
    assert setup.path is not None
    text = setup.path.read_text(encoding="utf-8")
    lines = [m for m in map(LINE.match, text.splitlines()) if m]
    assert lines, text[-2000:]
    assert len(token) >= 16 and token not in text
    assert PASSWORD not in text
    if level == "debug":
        # libVLC really logged the URL, and the filter masked both secrets in it
        assert "ticket=***" in text and "operator:***@" in text
        assert any(m["level"] == "DEBUG" for m in lines)
    else:
        # the default: libVLC's warnings (a password in the URI) and errors only
        assert {m["level"] for m in lines} <= {"WARNING", "ERROR"}
        assert any(m["level"] == "WARNING" for m in lines)
