"""Plugins in the real app: installed entry points, the real MainWindow, the real demo session.

The test plugins (tests/plugins/example_plugin and tests/plugins/broken_plugin)
are really pip-installed, into a folder of this module's own that is put on
sys.path while it runs, so ControlRoom finds them exactly as it finds a third
party's (importlib.metadata entry points), and the broken ones never reach the
venv that ``controlroom demo`` runs from.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.plugins_dialog import COL_ENABLED, COL_STATE, PluginsDialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from controlroom import settings as settings_mod
from controlroom.api.schema import event_type
from controlroom.plugins_loader import Failure, PluginState, discover

TEST_PLUGINS = {"example", "broken", "crashing", "future", "unimportable", "needs_missing"}




@pytest.fixture(scope="module", autouse=True)
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    target = tmp_path_factory.mktemp("site")
    here = Path(__file__).resolve().parents[1] / "plugins"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile", "--target", str(target),
         str(here / "example_plugin"), str(here / "broken_plugin")],
        check=True, capture_output=True,
    )
    sys.path.insert(0, str(target))
    importlib.invalidate_caches()
    try:
        found = {ep.name for ep in discover()}
        assert TEST_PLUGINS <= found, f"test plugins not found after install: {sorted(TEST_PLUGINS - found)}"
        yield
    finally:
        sys.path.remove(str(target))
        for mod in [m for m in sys.modules if m.startswith(("controlroom_example_plugin", "controlroom_broken_plugin"))]:
            del sys.modules[mod]
        importlib.invalidate_caches()


def _plugin_docks(win: MainWindow) -> set[str]:
    return {d.objectName() for d in win.findChildren(QDockWidget) if d.objectName().startswith("plugin.")}


def test_plugins_load_through_entry_points_on_the_demo(qtbot, login, run) -> None:  # type: ignore[no-untyped-def]
    session = login("dispatcher", "dispatch123")
    seen: Counter[str] = Counter()
    win = MainWindow(session)
    qtbot.addWidget(win)
    # subscribed after the example plugin: the same batches reach both
    session.on_events(lambda batch: seen.update(map(event_type, batch)))
    win.show()
    records = win.plugins.manager.records

    # ---- the example plugin: loaded through its entry point, its dock in the window
    example = records["example"]
    assert example.state == PluginState.LOADED, example.reason
    assert example.distribution == "controlroom-example-plugin" and example.version == "1.0.0"
    assert example.title == "Event counter (example)"
    dock = win.findChild(QDockWidget, "plugin.example.0")
    assert dock is not None and dock.windowTitle() == "Live events" and dock.isVisible()
    assert win.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    status = win.plugins.status_widgets("example")[0]
    assert status.text() == "Events: 0" and status.isVisible()
    assert [a.text() for a in win.plugins.actions("example")] == ["Live events", "Reset event counts"]

    # ---- the failing ones are reported with their reasons; the app goes on
    broken = records["broken"]
    assert broken.state == PluginState.FAILED and broken.failure == Failure.SETUP
    assert broken.reason == "failed to start: RuntimeError: the broken plugin breaks in setup, as it should"
    assert "plugin.broken.0" not in _plugin_docks(win), "its half-made dock was removed"
    future = records["future"]
    assert future.failure == Failure.API_VERSION
    assert future.reason == "needs plugin API 2.0; this ControlRoom has plugin API 1.2"
    assert records["unimportable"].failure == Failure.IMPORT
    assert "ModuleNotFoundError" in records["unimportable"].reason
    assert records["needs_missing"].reason == "requires “no_such_plugin”, which is not installed"
    problems = dict(win.plugins.problems)
    assert problems["broken"].startswith("Plugin “broken” failed: failed to start")
    assert records["crashing"].state == PluginState.LOADED

    # ---- real events from the demo platform are counted by type
    run(load_session(session, win), 60_000)
    pane = win.plugins.manager.get("example").pane
    qtbot.waitUntil(lambda: pane.counts.total() >= 3, timeout=15_000)
    assert pane.counts == seen
    assert status.text() == f"Events: {pane.counts.total():,}"
    assert pane.table.rowCount() == len(seen)

    # ---- a plugin whose task raises at run time is stopped and reported
    crashing = records["crashing"]
    qtbot.waitUntil(lambda: crashing.state == PluginState.FAILED, timeout=5000)
    assert crashing.failure == Failure.RUNTIME
    assert crashing.reason.endswith("RuntimeError: the crashing plugin's task fails after the first events")
    assert win.plugins.status_widgets("crashing") == []
    assert records["example"].state == PluginState.LOADED, "the others go on"
    assert win.isVisible()

    win.close()
    assert not any(d.startswith("plugin.example.") for d in _plugin_docks(win))
    assert win.plugins.manager.get("example") is None


def test_dialog_lists_plugins_and_disable_enable_persists_across_restart(qtbot, login, config_dir) -> None:  # type: ignore[no-untyped-def]
    session = login("town03", "desk123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    dialog = win.plugins.show_dialog()
    assert isinstance(dialog, PluginsDialog)
    rows = {dialog.table.item(r, COL_ENABLED).data(Qt.ItemDataRole.UserRole + 1): r
            for r in range(dialog.table.rowCount())}
    assert TEST_PLUGINS <= set(rows)
    assert dialog.table.item(rows["example"], COL_STATE).text() == "Running"
    assert dialog.table.item(rows["future"], COL_STATE).text() == (
        "Failed: needs plugin API 2.0; this ControlRoom has plugin API 1.2")
    assert "apply at once" in dialog.note.text()

    # ---- untick: applies at once (dock gone) and is written to the settings file
    dialog.table.item(rows["example"], COL_ENABLED).setCheckState(Qt.CheckState.Unchecked)
    assert win.plugins.manager.records["example"].state == PluginState.DISABLED
    assert "plugin.example.0" not in _plugin_docks(win) and win.plugins.status_widgets("example") == []
    assert dialog.table.item(dialog.row_of("example"), COL_STATE).text() == "Turned off"
    saved = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["values"]["plugins.disabled"] == ["example"]
    win.close()

    # ---- a restart: the new window reads the choice; the plugin is not even imported
    settings_mod.forget_shared()
    win2 = MainWindow(session)
    qtbot.addWidget(win2)
    rec = win2.plugins.manager.records["example"]
    assert rec.state == PluginState.DISABLED and rec.cls is None
    assert not any(d.startswith("plugin.example.") for d in _plugin_docks(win2))
    dialog2 = win2.plugins.show_dialog()
    dialog2.table.item(dialog2.row_of("example"), COL_ENABLED).setCheckState(Qt.CheckState.Checked)
    assert rec.state == PluginState.LOADED and "plugin.example.0" in _plugin_docks(win2)
    win2.close()

    settings_mod.forget_shared()
    win3 = MainWindow(session)
    qtbot.addWidget(win3)
    assert win3.plugins.manager.records["example"].state == PluginState.LOADED
    assert "plugin.example.0" in _plugin_docks(win3)
    win3.close()


def test_plugins_menu_opens_the_dialog(qtbot, login) -> None:  # type: ignore[no-untyped-def]
    session = login("presenter", "present123")
    win = MainWindow(session)
    qtbot.addWidget(win)
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles.index("&Plugins") == titles.index("&Help") - 1
    win.plugins.action_manage.trigger()
    assert isinstance(win.plugins._dialog, PluginsDialog) and win.plugins._dialog.isVisible()
    win.close()
    assert win.plugins._dialog is None
