"""Playback in the real main window on the real demo: from an alert ("Play from 30 s before"),
bookmarks shared through the platform (the pane follows the platform's events), the Playback
keys in the generated shortcut list, and a presenter's disabled export and bookmark controls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from controlroom.plugins.alerts.plugin import AlertsPlugin
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.playback.install import PlaybackUi
from controlroom.ui.shortcuts_dialog import clashes, shortcut_rows, window_actions

from controlroom.api.schema import CameraKind
from controlroom.session import Session
from controlroom.video.player import TileState

pytestmark = pytest.mark.video


@pytest.fixture(autouse=True)
def only_alerts(only_plugins: Callable[..., None]) -> None:
    only_plugins("alerts")


def open_window(qtbot: Any, session: Session, run: Callable[..., Any]) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    run(load_session(session, win), 60_000)
    qtbot.waitUntil(lambda: session.events is not None and session.events.state == "live", timeout=10_000)
    return win


@pytest.fixture
def windows(qtbot: Any) -> Any:
    opened: list[MainWindow] = []
    yield opened
    for win in opened:
        if shiboken6.isValid(win):
            win.playback_ui.shutdown()
            win.video_wall.shutdown()


def test_play_from_thirty_seconds_before_an_alert(qtbot, login, run, demo, windows) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win = open_window(qtbot, session, run)
    windows.append(win)
    ui: PlaybackUi = win.playback_ui
    plugin = win.plugins.manager.get("alerts")
    assert isinstance(plugin, AlertsPlugin)
    cam = sorted(c.id for c in session.inventory.cameras.values() if c.kind == CameraKind.CHECKPOINT and c.online)[0]
    raised = demo.hook("alert", kind="checkpoint_hit", camera_id=cam)
    qtbot.waitUntil(lambda: plugin.book.get(raised["id"]) is not None, timeout=10_000)
    assert plugin.pane.select_alert(raised["id"])
    button = plugin.pane.playback_button
    assert button.isEnabled() and button.text() == "Play from 30 s before"
    button.click()
    qtbot.waitUntil(lambda: ui.playback.active and ui.dock.isVisible(), timeout=20_000)
    alert = plugin.book.get(raised["id"])
    assert alert is not None
    want = alert.raised_at - timedelta(seconds=30)
    pos = ui.playback.position()
    assert pos is not None and timedelta(0) <= pos - want < timedelta(seconds=20), (pos, want)
    tiles = [t for t, c in ui.playback.tiles.items() if c in raised["camera_ids"]]
    assert tiles and all("PLAYBACK" in win.video_wall.tiles[t].playback_band.text() for t in tiles)
    qtbot.waitUntil(lambda: all(ui.playback.players[t].state is TileState.PLAYING for t in tiles), timeout=20_000)

    # ---- a bookmark made here reaches the pane through the platform's event
    before = len(ui.bookmarks_pane.items)
    now = datetime.now(UTC)
    run(ui.playback.backend.create_bookmark(cam, now - timedelta(minutes=3), now - timedelta(minutes=2), "gate"))
    qtbot.waitUntil(lambda: len(ui.bookmarks_pane.items) == before + 1, timeout=10_000)
    assert any(b.note == "gate" for b in ui.bookmarks_pane.items)
    assert ui.bar.timeline.bookmarks, "the bookmark of a camera in playback is drawn on the timeline"

    # ---- "Now" takes every tile back to live
    ui.bar.live.click()
    qtbot.waitUntil(lambda: not ui.playback.active and not ui.dock.isVisible(), timeout=10_000)
    assert not any(win.video_wall.tiles[t].in_playback for t in tiles)
    qtbot.waitUntil(lambda: all(win.video_wall.state_of(t) is TileState.PLAYING for t in tiles), timeout=20_000)


def test_playback_keys_are_listed_and_clash_with_nothing(qtbot, login, run, windows) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    win = open_window(qtbot, session, run)
    windows.append(win)
    assert window_actions(win)
    assert clashes(win) == {}
    rows = {r.text: r.keys for r in shortcut_rows(win)}
    for action in ("Play / pause", "10 seconds back", "1 minute forward", "One frame forward", "Faster",
                   "Back to live", "Play back the wall"):
        assert action in rows, action


def test_a_presenter_sees_export_and_bookmarks_disabled_with_the_reason(qtbot, login, run, windows) -> None:  # type: ignore[no-untyped-def]
    session = login("presenter", "present123")
    win = open_window(qtbot, session, run)
    windows.append(win)
    ui: PlaybackUi = win.playback_ui
    # the reasons are controlroom.permissions' words, the same everywhere in the app
    export_why = "This login is a presenter (view only): it may not export recordings."
    bookmark_why = "This login is a presenter (view only): it may not add bookmarks."
    assert not ui.bar.export.isEnabled() and ui.bar.export.toolTip() == export_why
    for w in (ui.bar.bookmark, ui.bookmarks_pane.delete_button):
        assert not w.isEnabled() and w.toolTip() == bookmark_why
    assert not ui.action_export.isEnabled() and ui.action_export.toolTip() == export_why
    assert ui.action_export.statusTip() == export_why
    assert ui.action_wall.isEnabled(), "presenters may play back"


def test_export_dialog_writes_clips_and_manifest_and_cancel_leaves_nothing(qtbot, login, run, windows,
                                                                         tmp_path) -> None:  # type: ignore[no-untyped-def]
    from controlroom.ui.playback.bar import to_qdatetime
    from controlroom.ui.playback.export_dialog import ExportDialog

    from controlroom.playback.manifest import EXIT_OK, verify

    session = login("dispatcher", "dispatch123")
    win = open_window(qtbot, session, run)
    windows.append(win)
    ui: PlaybackUi = win.playback_ui
    win.video_wall.put_camera(next(c.id for c in session.inventory.cameras.values() if c.online))
    ui.play_wall(datetime.now(UTC) - timedelta(hours=3))
    qtbot.waitUntil(lambda: ui.playback.active and ui.action_export.isEnabled(), timeout=20_000)
    ui.action_export.trigger()
    dialog = ui.export_dialog
    assert isinstance(dialog, ExportDialog)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    dialog.start_edit.setDateTime(to_qdatetime(start))
    dialog.end_edit.setDateTime(to_qdatetime(start + timedelta(seconds=10)))
    dialog.folder.setText(str(tmp_path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_path is not None or "failed" in dialog.status.text(), timeout=60_000)
    assert dialog.result_path is not None, dialog.status.text()
    assert dialog.progress.value() == 1000
    folder = dialog.result_path.parent
    assert verify(folder).code == EXIT_OK and len(list(folder.glob("*.mp4"))) == 1
    # the platform's audit trail: the camera opened in playback, and the export (who, what, where)
    cid = next(iter(ui.playback.tiles.values()))
    assert run(session.audit.flush(), 20_000)
    trail = run(session.client.audit(user="dispatcher", camera_id=cid), 20_000).items
    assert any(e.action == "camera_opened" and e.mode == "playback" for e in trail)
    exported = [e for e in trail if e.action == "export"]
    assert len(exported) == 1 and str(folder) in exported[0].detail
    # cancel: the half-done export leaves no file and no folder
    other = tmp_path / "cancelled"
    other.mkdir()
    dialog.folder.setText(str(other))
    dialog.end_edit.setDateTime(to_qdatetime(start + timedelta(minutes=10)))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0 or dialog.task is None or dialog.task.done(), timeout=60_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done(), timeout=30_000)
    assert dialog.status.text() == "Cancelled: nothing was written."
    assert list(other.iterdir()) == []
    dialog.close()
