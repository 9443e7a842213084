"""Platform text in widgets: markup stays text, bidi overrides are neutralised and marked."""

from __future__ import annotations

from controlroom.ui.text import plain, refusal_words, rich_lines
from hostile_platform import BIDI_NAME, MARKUP_NAMES
from PySide6.QtGui import Qt, QTextDocument

from controlroom.textsafe import MARK, display_name, has_bidi_controls
from controlroom.video.urls import UrlRefusal


def shown(text: str) -> str:
    """What Qt shows for ``text`` in a tooltip or an AutoText label."""
    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def test_bidi_overrides_are_neutralised_and_marked() -> None:
    assert has_bidi_controls(BIDI_NAME)
    shown_name = display_name(BIDI_NAME)
    assert shown_name == f"{MARK} gate TIXE 12"
    assert not has_bidi_controls(shown_name)
    for ch in "\u202a\u202b\u202d\u2066\u2067\u2068\u2069":
        assert display_name(f"a{ch}b") == f"{MARK} ab"
    assert display_name("北武台社区村口") == "北武台社区村口"  # untouched when clean


def test_markup_shows_as_typed(qapp) -> None:  # type: ignore[no-untyped-def]
    for name in MARKUP_NAMES:
        assert shown(name) != name  # what Qt would do with it raw
        assert shown(plain(name)) == name
        assert shown(rich_lines([name, "second"])) == f"{name}\nsecond"
    assert plain("gate 3") == "gate 3"  # plain text stays plain
    assert shown(plain(BIDI_NAME)) == f"{MARK} gate TIXE 12"


def test_refusals_have_words(qapp) -> None:  # type: ignore[no-untyped-def]
    assert refusal_words(UrlRefusal.LOCAL_FILE) == "Refused: the platform gave a local-file URL."
    assert len({refusal_words(r) for r in UrlRefusal}) == len(UrlRefusal)
