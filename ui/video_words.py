"""A player's structured reason in the operator's language.

The core says *why* a tile shows what it shows with a ``PlayerReason``
(``controlroom.video.reasons``: a kind and its parameters); this module is
the one place that makes words of it, through ``QCoreApplication.translate``
so lupdate finds every sentence. The network's own words (a media server's
401 body, a platform's error) are quoted as they came, as plain text: the
widgets that show them never take rich text.
"""

from __future__ import annotations

from controlroom.ui import text as ui_text
from PySide6.QtCore import QCoreApplication

from controlroom.video.reasons import PlayerReason, ReasonKind


def _seconds(value: float | None) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value is not None else "?"


def reason_words(reason: PlayerReason) -> str:
    """What a tile says under its state ("" when there is nothing to explain)."""
    k = reason.kind
    raw = reason.text
    if k is ReasonKind.NONE:
        return ""
    if k is ReasonKind.CONNECTING:
        return QCoreApplication.translate("WallPane", "Opening the stream.")
    if k is ReasonKind.RECONNECTING:
        if reason.cause is None:
            return QCoreApplication.translate("PlayerReason", "Attempt {n}.").format(n=reason.attempt)
        return QCoreApplication.translate("WallPane", "Attempt {n}; last problem: {reason}").format(
            n=reason.attempt, reason=reason_words(reason.cause))
    if k is ReasonKind.CAMERA_OFFLINE:
        return QCoreApplication.translate("WallPane", "The platform reports the camera offline.")
    if k is ReasonKind.SOURCE_ENDED:
        return QCoreApplication.translate("WallPane", "The video source ended the stream.")
    if k is ReasonKind.STREAM_BROKE:
        return QCoreApplication.translate("WallPane", "The stream could not be opened or broke off.")
    if k is ReasonKind.NO_PICTURE:
        return QCoreApplication.translate("WallPane", "No picture within {s} s.").format(s=_seconds(reason.seconds))
    if k is ReasonKind.NO_NEW_PICTURE:
        return QCoreApplication.translate("WallPane", "No new picture for {s} s.").format(s=_seconds(reason.seconds))
    if k is ReasonKind.UNAUTHORIZED:
        if not raw:
            return QCoreApplication.translate("PlayerReason", "The media server refused the session (401).")
        return QCoreApplication.translate("WallPane", "The media server refused the session (401): {raw}").format(raw=raw)
    if k is ReasonKind.FORBIDDEN:
        if not raw:
            return QCoreApplication.translate("PlayerReason", "This account may not watch this camera (403).")
        return QCoreApplication.translate("WallPane", "This account may not watch this camera (403): {raw}").format(raw=raw)
    if k is ReasonKind.NOT_FOUND:
        if not raw:
            return QCoreApplication.translate("PlayerReason", "The media server does not know this stream (404).")
        return QCoreApplication.translate("WallPane", "The media server does not know this stream (404): {raw}").format(raw=raw)
    if k is ReasonKind.REFUSED_URL:
        return ui_text.refusal_words(reason.refusal) if reason.refusal is not None else ui_text.refusal_words("")
    if k is ReasonKind.PLATFORM_UNREACHABLE:
        return QCoreApplication.translate("WallPane", "The platform cannot be reached for a stream ticket; trying again.")
    if k is ReasonKind.NO_STREAM:
        return QCoreApplication.translate("WallPane", "The platform gave no stream to play: {raw}").format(raw=raw or "—")
    if k is ReasonKind.NO_TRANSPORT:
        return QCoreApplication.translate(
            "PlayerReason", "The platform offers no stream over the chosen transport: {raw}").format(raw=raw or "—")
    if k is ReasonKind.NO_RTSP:
        return QCoreApplication.translate(
            "PlayerReason", "RTSP cannot be played on this computer: libVLC has no RTSP client and PyAV is missing.")
    if k is ReasonKind.TRANSPORT_UNPLAYABLE:
        return QCoreApplication.translate(
            "PlayerReason", "This computer's libVLC cannot play {transport} streams.").format(transport=reason.transport)
    if k is ReasonKind.BRIDGE_FAILED:
        return QCoreApplication.translate("PlayerReason", "The RTSP stream failed: {raw}").format(raw=raw or "—")
    if k is ReasonKind.NOTHING_PLAYABLE:
        return QCoreApplication.translate(
            "WallPane", "None of this camera's streams can be played on this computer "
            "(offered: {offered}).").format(offered=raw)
    if k is ReasonKind.NO_WINDOW:
        return QCoreApplication.translate("PlayerReason", "This tile is lent out.")
    return k.value  # a kind added without words yet: its name, never a crash
