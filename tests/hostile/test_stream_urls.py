"""Stream URLs that are no network stream never reach libVLC, PyAV or doctor.

Before the check, ``file:///etc/passwd`` and friends went straight to
``media_new``: libVLC opened the file (or the screen, a capture device, a
pipe) on every reconnect, and the RTSP bridge handed a local path to FFmpeg.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hostile_platform import BAD_URLS, hostile_server
from PySide6.QtWidgets import QWidget

from controlroom.api.schema import Transport
from controlroom.video.urls import RefusedUrl, UrlRefusal, check_stream_url

EXPECTED = {
    "file:///etc/passwd": UrlRefusal.LOCAL_FILE,
    "screen://": UrlRefusal.DEVICE,
    "v4l2:///dev/video0": UrlRefusal.DEVICE,
    "dshow://": UrlRefusal.DEVICE,
    "fd://0": UrlRefusal.INTERNAL,
    "vlc://quit": UrlRefusal.INTERNAL,
    "cdda:///dev/cdrom": UrlRefusal.DEVICE,
    "/etc/passwd": UrlRefusal.LOCAL_FILE,
}


def test_only_network_schemes_pass() -> None:
    assert set(EXPECTED) == set(BAD_URLS)
    for url, why in EXPECTED.items():
        assert check_stream_url(url) is why, url
    for url in ("rtsp://10.0.0.1:554/live", "rtsps://cam.example/x", "http://127.0.0.1:8080/a.ts",
                "https://media.example/a.m3u8", "rtmp://media.example/live/1", "HTTP://Media.Example/a.flv"):
        assert check_stream_url(url) is None, url
    for url in ("C:\\Windows\\win.ini", "./clip.ts", "~/x.ts", "clip.ts", "smb://nas/share/x.ts"):
        assert check_stream_url(url) is UrlRefusal.LOCAL_FILE, url
    for url in ("http://", "http://host:99999/x", "http://host/a b", "http://host/a\n:sout=#file", "x" * 5000):
        assert check_stream_url(url) is UrlRefusal.MALFORMED, url
    assert check_stream_url("srt://media.example:9000") is UrlRefusal.SCHEME
    # a backend may declare more network schemes, never a local one
    assert check_stream_url("srt://media.example:9000", extra_schemes={"srt"}) is None
    assert check_stream_url("file:///etc/passwd", extra_schemes={"file"}) is UrlRefusal.LOCAL_FILE


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_tile_player_refuses_before_libvlc(qtbot, url: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("vlc")
    from controlroom.video.player import TilePlayer, TileState

    surface = QWidget()
    qtbot.addWidget(surface)
    surface.resize(160, 90)
    player = TilePlayer()
    try:
        player.set_window(int(surface.winId()))
        with qtbot.waitSignal(player.state_changed) as sig:
            player.play(url, Transport.HTTP_TS)
        assert sig.args[0] is TileState.FAILED
        assert player.refusal is EXPECTED[url]
        assert player.attempts == 0  # no libVLC media was ever made for it
        assert player.state is TileState.FAILED
    finally:
        player.release()


def test_the_rtsp_bridge_and_the_probe_refuse_local_urls() -> None:
    pytest.importorskip("av")
    from controlroom.video.probe import play_url
    from controlroom.video.rtsp_bridge import RtspBridge

    for url in ("file:///etc/passwd", "/etc/passwd", "http://127.0.0.1:9/x.ts"):
        with pytest.raises(RefusedUrl):
            RtspBridge(url)
    with pytest.raises(RefusedUrl) as info:
        play_url("file:///etc/passwd", Transport.HTTP_TS, None)  # type: ignore[arg-type]
    assert info.value.refusal is UrlRefusal.LOCAL_FILE


def test_doctor_refuses_local_urls() -> None:
    with hostile_server(cameras=50, bad_first=True) as srv:
        env = {**os.environ, "CONTROLROOM_PASSWORD": "x"}
        out = subprocess.run(
            [sys.executable, "-m", "controlroom", "doctor", "--platform", srv.url, "--user", "dispatcher", "--json"],
            capture_output=True, text=True, env=env, timeout=180, stdin=subprocess.DEVNULL,
        )
    report = json.loads(out.stdout)
    streams = report["platform"]["streams"]
    assert streams["http-ts"] == {**streams["http-ts"], "ok": False,
                                  "error": "refused: the platform gave a local-file URL"}, streams
    assert streams["rtsp"]["error"] == "refused: the platform gave a local-file URL", streams
    assert out.returncode == 1
