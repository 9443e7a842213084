"""The two tooltips that rendered platform text as rich text: the wall tile's header and the conference tile's status."""

from __future__ import annotations

from controlroom.plugins.conference.widgets.tile import ConferenceTile
from controlroom.plugins.conference.widgets.wall import ConferenceWall
from controlroom.ui.wall.tile_widget import TileWidget
from hostile_platform import BIDI_NAME, MARKUP_NAMES
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument

from controlroom.api.schema import Participant, StreamProfile, Transport
from controlroom.textsafe import MARK
from controlroom.video.player import TileState
from controlroom.video.reasons import PlayerReason, ReasonKind
from controlroom.video.source import FixedLease, StreamLease
from controlroom.video.streams import StreamChoice


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

    # a media server's refusal, as the coordinator reports it: its body quoted as typed
    tile.show_state(TileState.FAILED, PlayerReason(ReasonKind.FORBIDDEN, text="<h1>H1-ERROR</h1>"))
    assert shown(tile.status.toolTip()) == "This account may not watch this camera (403): <h1>H1-ERROR</h1>"


class _LocalFileSource:
    """A conference whose one participant's stream is a local file (what a hostile platform may send)."""

    def streams(self, camera_id: str) -> list[StreamProfile]:
        return [StreamProfile(name="sub", width=640, height=360, fps=25, codec="h264",
                              urls={Transport.HTTP_TS: "file:///etc/passwd"})]

    def online(self, camera_id: str) -> bool | None:
        return None

    def lease(self, camera_id: str, choice: StreamChoice) -> StreamLease:
        return FixedLease("file:///etc/passwd", choice.transport)


def test_a_participants_local_file_stream_is_refused_in_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = Participant(id="p0", name="gate", site_id=None, camera_id="c0", muted=False,
                    speaking=False, hand_raised=False)
    wall = ConferenceWall("room", _LocalFileSource())
    qtbot.addWidget(wall)
    tile = wall.add_tile(p, "site")
    wall.show()
    wall.play("p0", "c0")  # through the coordinator and the stream picker, as the plugin does
    qtbot.waitUntil(lambda: tile.state is TileState.FAILED, timeout=5000)
    assert tile.player is not None and tile.player.attempts == 0  # refused before libVLC
    assert shown(tile.status.toolTip()) == "Refused: the platform gave a local-file URL."
    wall.release()
    assert tile.player._released
