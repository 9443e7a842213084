"""Platform text in widgets: one way to put it into a property that may be rich text.

Qt shows a tooltip, a ``QLabel`` with ``Qt.AutoText`` and a message box's text
as rich text when ``Qt.mightBeRichText`` says so: a camera name such as
``<img src=file:///etc/passwd>`` then makes Qt load a local file, ``<h1>``
shouts and ``<a href>`` becomes a link. Everything the platform names
(cameras, sites, grids, alerts, participants, server error bodies) goes
through ``plain`` (one string) or ``rich_lines`` (several lines, the first
in bold) before it reaches such a property; labels that show only platform
text set ``Qt.PlainText`` instead. Both also neutralise bidi overrides
(``controlroom.textsafe.display_name``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import Qt

from controlroom.textsafe import display_name
from controlroom.video.urls import UrlRefusal


def name(text: str) -> str:
    """A platform name for a plain-text place (a tree cell, a painted header): bidi neutralised."""
    return display_name(text)


def plain(text: str) -> str:
    """``text`` for a property that may be rich text: it shows as typed, never as markup."""
    text = display_name(text)
    if Qt.mightBeRichText(text):
        return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text


def rich_lines(lines: list[str], *, bold_first: bool = True) -> str:
    """Plain lines as one rich-text tooltip that shows them as typed; the first in bold."""
    if not lines:
        return ""
    e = html.escape
    out = [e(display_name(x)) for x in lines]
    if bold_first:
        out[0] = f"<b>{out[0]}</b>"
    # <qt> forces rich text, so an escaped name can never be taken for markup
    return "<qt>" + "<br>".join(out) + "</qt>"


def refusal_words(refusal: UrlRefusal | str) -> str:
    """Why a tile will not open a stream URL the platform gave (``controlroom.video.urls``)."""
    words = {
        UrlRefusal.LOCAL_FILE: QCoreApplication.translate("StreamUrl", "Refused: the platform gave a local-file URL."),
        UrlRefusal.DEVICE: QCoreApplication.translate("StreamUrl", "Refused: the platform gave the URL of a local device or of the screen."),
        UrlRefusal.INTERNAL: QCoreApplication.translate("StreamUrl", "Refused: the platform gave a player-internal URL."),
        UrlRefusal.SCHEME: QCoreApplication.translate("StreamUrl", "Refused: the platform gave a URL that is not a network stream."),
        UrlRefusal.MALFORMED: QCoreApplication.translate("StreamUrl", "Refused: the platform gave a malformed stream URL."),
    }
    try:
        return words[UrlRefusal(refusal)]
    except ValueError:
        return words[UrlRefusal.SCHEME]
