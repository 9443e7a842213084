"""The player's structured reasons, the UI's words for them, and the one stream picker (no video)."""

from __future__ import annotations

import pytest
from controlroom.ui.video_words import reason_words

from controlroom.api.schema import StreamProfile, Transport
from controlroom.video.reasons import PlayerReason, ReasonKind
from controlroom.video.streams import pick_stream
from controlroom.video.transports import choose_transport
from controlroom.video.urls import UrlRefusal


def test_every_kind_has_its_own_words() -> None:
    samples = {k: PlayerReason(k, seconds=2.0, text="body", refusal=UrlRefusal.DEVICE, transport="rtsp", attempt=3,
                               cause=PlayerReason(ReasonKind.SOURCE_ENDED)) for k in ReasonKind}
    words = {k: reason_words(r) for k, r in samples.items()}
    assert words.pop(ReasonKind.NONE) == ""
    assert all(w and w != k.value for k, w in words.items()), words
    assert len(set(words.values())) == len(words), "two kinds read the same"


def test_parameters_go_into_the_words_not_the_other_way() -> None:
    stalled = PlayerReason(ReasonKind.NO_NEW_PICTURE, seconds=2.0)
    again = PlayerReason(ReasonKind.RECONNECTING, attempt=4, cause=stalled)
    assert reason_words(again) == "Attempt 4; last problem: No new picture for 2 s."
    assert str(again) == "attempt 4: no_new_picture: 2.0 s"  # the log's English, never shown
    forbidden = PlayerReason.http(403, "<b>other town</b>")
    assert forbidden is not None and forbidden.refused and forbidden.status == 403
    assert reason_words(forbidden) == "This account may not watch this camera (403): <b>other town</b>"
    assert str(forbidden).startswith("403 Forbidden")
    assert PlayerReason.http(500) is None
    assert reason_words(PlayerReason(ReasonKind.NO_PICTURE, seconds=8.0)) == "No picture within 8 s."
    assert reason_words(PlayerReason(ReasonKind.REFUSED_URL, refusal=UrlRefusal.LOCAL_FILE)) == \
        "Refused: the platform gave a local-file URL."


def _profile(name: str, w: int, urls: dict[Transport, str]) -> StreamProfile:
    return StreamProfile(name=name, width=w, height=w * 9 // 16, fps=25, codec="h264", urls=urls)  # type: ignore[arg-type]


@pytest.mark.parametrize("playable", [{Transport.HTTP_TS}, {Transport.HTTP_TS, Transport.RTSP}])
def test_one_picker_for_both_walls(playable: set[Transport]) -> None:
    def choose(urls: dict[Transport, str]) -> tuple[Transport, str] | None:
        return choose_transport(urls, playable)

    main = _profile("main", 1280, {Transport.HTTP_TS: "http://h/m.ts", Transport.RTSP: "rtsp://h/m"})
    sub = _profile("sub", 640, {Transport.RTSP: "rtsp://h/s"})
    picked = pick_stream([main, sub], "sub", choose)
    assert picked is not None
    if Transport.RTSP in playable:
        assert (picked.profile, picked.transport, picked.public_url) == ("sub", Transport.RTSP, "rtsp://h/s")
    else:  # the sub stream does not play here: the main one does, rather than a black tile
        assert (picked.profile, picked.transport) == ("main", Transport.HTTP_TS)
    assert pick_stream([main, sub], "main", choose).profile == "main"  # type: ignore[union-attr]
    assert pick_stream([sub], "main", lambda urls: None) is None
    # a backend that gives its URLs only at play time (WVP): every playable transport, best first
    later = pick_stream([_profile("sub", 640, {})], "sub", choose)
    assert later is not None and later.alternatives is not None
    assert set(later.alternatives) == playable and later.transport == later.alternatives[0]
