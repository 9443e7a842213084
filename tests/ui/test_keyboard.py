"""A desk run from the keyboard: search past a grid filter, Enter on a site, focus between panes,
layout / tour / snapshot keys, the generated shortcut list, and a Quit that asks first.

The main window is the real one on a real demo session (plugins through their entry points);
the tree and the panel are fed the whole demo network. Key presses go through Qt's shortcut
machinery (``qtbot.keyClick`` on the active window), as an operator's do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from controlroom.ui import quit_confirm
from controlroom.ui import resource_panel as RP
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.shortcuts_dialog import ShortcutsDialog, clashes, shortcut_rows, window_actions
from controlroom.ui.wall.tours_ui import WallTourDialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from wall_helpers import cameras_by_stream

from controlroom import paths
from controlroom.api.schema import GridStatus, Tier
from controlroom.inventory import Inventory
from controlroom.session import Session
from controlroom.video.player import TileState


def _window(qtbot: Any, session: Session, run: Callable[..., Any]) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.setGeometry(0, 0, 1600, 950)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    run(load_session(session, win), 60_000)
    return win


def _key(qtbot: Any, win: MainWindow, sequence: str) -> None:
    """Press ``sequence`` ("Ctrl+Shift+T") where the focus is, as the keyboard would."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or win
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _focused_in(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


# ---------------------------------------------------------------------- search and tree


def test_search_finds_past_a_grid_status_filter(qtbot, full_inventory: Inventory) -> None:  # type: ignore[no-untyped-def]
    panel = RP.ResourcePanel(full_inventory)
    qtbot.addWidget(panel)
    panel.set_mode(RP.GRIDS)
    panel.set_status_filter({GridStatus.INCIDENT})
    incident = panel.status_filter.currentIndex()
    assert incident > 0
    grids = full_inventory.grids.values()
    calm = next(g for g in grids if g.status == GridStatus.NORMAL and full_inventory.grid_cameras(g.id))
    hot = next(g for g in grids if g.status == GridStatus.INCIDENT and full_inventory.grid_cameras(g.id))

    # a camera in an incident grid: found with the filter kept
    panel.search.setText(full_inventory.grid_cameras(hot.id)[0].id)
    panel.apply_search()
    assert panel.status_filter.currentIndex() == incident
    assert panel.grid_model.shown_counts() == (1, 1)

    # a camera in a normal grid: the filter gives way, and the panel says so
    camera = full_inventory.grid_cameras(calm.id)[0]
    panel.search.setText(camera.id)
    panel.apply_search()
    assert panel.grid_model.shown_counts() == (1, 1), panel.summary.text()
    assert panel.status_filter.currentIndex() == 0
    assert "No grid matches" not in panel.summary.text()
    assert panel.summary.text().startswith("Not in “✖ Incident”: showing every status."), panel.summary.text()
    assert panel.grid_model.index_for_grid(calm.id).isValid()
    # the operator picks a status again: the note goes
    panel.set_status_filter({GridStatus.NORMAL})
    assert "showing every status" not in panel.summary.text()

    # nothing anywhere: said as before, filter untouched
    panel.set_status_filter({GridStatus.INCIDENT})
    panel.search.setText("no such camera 42")
    panel.apply_search()
    assert panel.status_filter.currentIndex() == incident and panel.summary.text() == "No grid matches"


@pytest.mark.video
def test_enter_on_a_site_or_grid_fills_the_wall_from_it(qtbot, login, run, only_plugins) -> None:  # type: ignore[no-untyped-def]
    only_plugins()
    session = login()
    win = _window(qtbot, session, run)
    pane, panel = win.video_wall, win.resources
    inv = session.inventory
    village = next(s for s in inv.sites.values()
                   if s.tier == Tier.VILLAGE and len(pane.controller.camera_ids_for("site", s.id)) >= 6)
    expected = pane.controller.camera_ids_for("site", village.id)
    index = panel.model.index_for_site(village.id)
    assert index.isValid()
    panel.view.setCurrentIndex(index)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    n = len(pane.tiles)
    assert [pane.camera_on(t) for t in range(n)] == expected[:n]

    # a grid in the grid tree does the same
    panel.set_mode(RP.GRIDS)
    grid = next(g for g in inv.grids.values() if len(pane.controller.camera_ids_for("grid", g.id)) >= 2)
    gindex = panel.grid_model.index_for_grid(grid.id)
    panel.grid_view.setCurrentIndex(gindex)
    panel.grid_view.setFocus()
    qtbot.keyClick(panel.grid_view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    gcams = pane.controller.camera_ids_for("grid", grid.id)
    assert [pane.camera_on(t) for t in range(min(n, len(gcams)))] == gcams[:n]
    win.close()


# ---------------------------------------------------------------------- keys


@pytest.mark.video
def test_focus_layout_tour_and_snapshot_keys(qtbot, login, run, only_plugins, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    only_plugins("alerts", "grid_board")
    monkeypatch.setattr(paths, "pictures_dir", lambda: tmp_path / "pictures")
    session = login()
    win = _window(qtbot, session, run)
    pane, panel = win.video_wall, win.resources
    alerts = win.plugins.manager.get("alerts")

    # ---- focus: Alt+1 tree, Alt+2 wall, Alt+3 alerts; F6 / Shift+F6 go round the panes
    _key(qtbot, win, "Alt+2")
    assert QApplication.focusWidget() is pane.wall and pane.controller.selected == 0
    _key(qtbot, win, "Alt+1")
    assert _focused_in(panel.view)
    _key(qtbot, win, "Alt+3")
    assert QApplication.focusWidget() is alerts.pane.table
    _key(qtbot, win, "Alt+1")
    _key(qtbot, win, "F6")
    assert QApplication.focusWidget() is pane.wall
    _key(qtbot, win, "F6")
    after_wall = win.keys.current_pane()
    assert after_wall is not None and after_wall.objectName().startswith("plugin.")
    _key(qtbot, win, "Shift+F6")
    assert QApplication.focusWidget() is pane.wall
    _key(qtbot, win, "Shift+F6")
    assert _focused_in(win.dock)

    # ---- Ctrl+1…9: the first nine presets
    _key(qtbot, win, "Alt+2")
    for key, tiles in (("Ctrl+1", 1), ("Ctrl+2", 4), ("Ctrl+5", 9), ("Ctrl+9", 25), ("Ctrl+2", 4)):
        _key(qtbot, win, key)
        assert len(pane.tiles) == tiles, key
    # and with every bar hidden (the wall without chrome)
    win.wall_ui.action_presenter.setChecked(True)
    _key(qtbot, win, "Ctrl+5")
    assert len(pane.tiles) == 9
    win.wall_ui.action_presenter.setChecked(False)
    _key(qtbot, win, "Ctrl+2")
    assert len(pane.tiles) == 4

    # ---- tours: Ctrl+T asks for a wall tour; Ctrl+Shift+T pauses and resumes it
    seen: list[QWidget] = []

    def cancel_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, WallTourDialog):
            seen.append(box)
            box.reject()
        else:
            QTimer.singleShot(20, cancel_dialog)

    QTimer.singleShot(0, cancel_dialog)
    _key(qtbot, win, "Ctrl+T")
    assert len(seen) == 1
    cams = cameras_by_stream(session.inventory, 8)
    win.wall_ui.wall_tour.start_pages(cams, 30)
    tour = win.wall_ui.wall_tour
    _key(qtbot, win, "Ctrl+Shift+T")
    assert tour.tour is not None and tour.tour.paused
    _key(qtbot, win, "Ctrl+Shift+T")
    assert not tour.tour.paused
    tour.stop()

    # ---- Ctrl+Shift+C: a snapshot of the selected tile
    pane.controller.assign(0, cams[0])
    pane.controller.select(0)
    qtbot.waitUntil(lambda: pane.state_of(0) is TileState.PLAYING, timeout=15_000)
    # the picture comes from the main stream, opened on its own: the file is written a moment later
    with qtbot.waitSignal(pane.snapshot_saved, timeout=15_000):
        _key(qtbot, win, "Ctrl+Shift+C")
    saved = list((tmp_path / "pictures").glob("*.png"))
    assert len(saved) == 1 and "Snapshot saved" in win.statusBar().currentMessage()

    # ---- Ctrl+F finds, in whichever mode the panel is
    _key(qtbot, win, "Ctrl+F")
    assert QApplication.focusWidget() is panel.search
    win.close()


def test_shortcut_list_is_generated_from_the_actions_and_no_key_is_shared(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = login()
    win = _window(qtbot, session, run)  # every installed plugin, as a desk runs
    assert not [r for r in win.plugins.manager.records.values() if r.state.value == "failed"]

    with_keys = [a for a in window_actions(win) if any(not k.isEmpty() for k in a.shortcuts())]
    assert len(with_keys) >= 20
    # no two actions share a key: Qt would run neither ("ambiguous shortcut")
    assert clashes(win) == {}

    # F1 opens the list; every action with a key is in it, with its keys
    _key(qtbot, win, "F1")
    dialog = win.keys.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    shown = dialog.texts()
    assert len(shown) == len(with_keys)
    for action in with_keys:
        text = re.sub(r"&(.)", r"\1", action.text())
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        assert any(row[0] == text and row[1] == keys for row in shown), (text, keys)
    rows = {r[0]: r for r in shown}
    assert rows["Quit"][1:] == ("Ctrl+Q", "File")
    assert rows["9 tiles"][1:] == ("Ctrl+5", "Wall › Layout")
    assert rows["Full screen without chrome"][1] == "Shift+F11"
    dialog.search.setText("ctrl+shift")
    assert {r[0] for r in dialog.texts()} >= {"Save view as…", "Pause tour", "Snapshot of the selected tile"}
    dialog.close()

    # it cannot drift: an action added later is in the next list
    extra = QAction("Something new", win)
    extra.setShortcut(QKeySequence("Ctrl+Alt+N"))
    win.addAction(extra)
    assert any(r.text == "Something new" and r.keys == ("Ctrl+Alt+N",) for r in shortcut_rows(win))
    clash = QAction("Clashes with Quit", win)
    clash.setShortcut(QKeySequence("Ctrl+Q"))
    win.addAction(clash)
    assert clashes(win) == {"Ctrl+Q": ["Quit", "Clashes with Quit"]} or clashes(win) == {"Ctrl+Q": ["Clashes with Quit", "Quit"]}
    win.removeAction(clash)
    win.close()


# ---------------------------------------------------------------------- quitting


def _answer(button: QMessageBox.StandardButton, *, never_again: bool = False, seen: list[str] | None = None) -> None:
    """Answer the quit question once it shows."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "confirmQuit":
            if seen is not None:
                seen.append(box.informativeText())
            if never_again:
                box.checkBox().setChecked(True)
            box.button(button).click()
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


@pytest.mark.video
def test_ctrl_q_asks_before_a_desk_quits(qtbot, login, run, only_plugins, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    only_plugins()
    session = login()
    win = _window(qtbot, session, run)
    closed = win.wait_closed()
    settings = win.plugins.settings
    assert settings.get(quit_confirm.SETTING) is True, "asks by default"
    pane = win.video_wall
    pane.controller.fill(0, cameras_by_stream(session.inventory, 2))

    # Ctrl+Q, then Cancel: the desk goes on; Enter alone would have been Cancel too
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Cancel, seen=seen)
    _key(qtbot, win, "Ctrl+Q")
    assert seen == ["The wall stops: 2 tiles are playing."]
    assert win.isVisible() and not closed.done()
    assert quit_confirm.question(win, 0).defaultButton() is not None
    assert quit_confirm.question(win, 0).defaultButton().text() == "Cancel"

    # Ctrl+Q, Quit, and "Do not ask again": closed, and the setting remembers
    _answer(QMessageBox.StandardButton.Yes, never_again=True)
    _key(qtbot, win, "Ctrl+Q")
    qtbot.waitUntil(closed.done, timeout=5000)
    assert closed.result() == "quit" and not win.isVisible()
    assert settings.get(quit_confirm.SETTING) is False

    # the next desk quits at once (tests and kiosks turn the question off the same way)
    session2 = login()
    win2 = _window(qtbot, session2, run)
    closed2 = win2.wait_closed()
    _key(qtbot, win2, "Ctrl+Q")
    qtbot.waitUntil(closed2.done, timeout=5000)
    assert closed2.result() == "quit"


def test_menu_texts_read_without_mnemonics() -> None:
    from controlroom.ui.shortcuts_dialog import plain_text

    assert plain_text("&Quit") == "Quit"
    assert plain_text("退出(&Q)") == "退出"  # the Chinese style: the letter in brackets
    assert plain_text("设置(&S)…") == "设置…"
    assert plain_text("Save && close") == "Save & close"
