"""The two tooltips that rendered platform text as rich text: the wall tile's header and the conference tile's status."""

from __future__ import annotations

from controlroom.plugins.conference.widgets.tile import ConferenceTile
from controlroom.ui.wall.tile_widget import TileWidget
from hostile_platform import BIDI_NAME, MARKUP_NAMES
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument

from controlroom.api.schema import Participant, Transport
from controlroom.textsafe import MARK
from controlroom.video.player import TileState


def shown(text: str) -> str:
    """What Qt shows for a tooltip."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def test_the_tile_header_shows_names_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    tile = TileWidget(0)
    qtbot.addWidget(tile)
    for name in MARKUP_NAMES:
        tile.set_camera("37132603001310000001", name, "<h1>H1-SITE</h1>")
        assert shown(tile.header.toolTip()).splitlines()[:2] == [name, "<h1>H1-SITE</h1>"]
    tile.set_camera("37132603001310000001", BIDI_NAME, "site")
    assert shown(tile.header.toolTip()).splitlines()[0] == f"{MARK} gate TIXE 12"
    assert tile.name_label.text() == f"{MARK} gate TIXE 12"


def test_the_conference_tile_quotes_server_bodies_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = Participant(id="p0", name=MARKUP_NAMES[2], site_id=None, camera_id=None, muted=False,
                    speaking=False, hand_raised=False)
    tile = ConferenceTile(p, "site")
    qtbot.addWidget(tile)
    body = "403 Forbidden: <h1>H1-ERROR</h1><img src=file:///etc/passwd>"
    tile._show_state(TileState.FAILED, body)
    assert shown(tile.status.toolTip()) == body
    assert tile.name.text() == MARKUP_NAMES[2]  # a plain-text label: as typed

    # and a participant's local-file stream is refused in words, before libVLC
    tile.resize(320, 200)
    tile.play("file:///etc/passwd", Transport.HTTP_TS)
    assert tile.player is not None and tile.player.attempts == 0
    assert tile.state is TileState.FAILED
    assert shown(tile.status.toolTip()) == "Refused: the platform gave a local-file URL."
    tile.release()
