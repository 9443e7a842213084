"""The Settings dialog, generated from the declared settings, on real settings files.

Each test has its own config folder (the autouse ``config_dir`` fixture);
``settings.forget_shared()`` then ``settings.shared()`` reads the file again,
as a restart does.
"""

from __future__ import annotations

import os
from pathlib import Path

from controlroom.ui.settings_dialog import (
    BoolEditor,
    ChoiceEditor,
    Effect,
    ListEditor,
    NumberEditor,
    SettingsDialog,
    TextEditor,
    effect_of,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QListWidget

from controlroom import settings
from controlroom.settings import DECLARED, Setting

PLUGIN_SECTION = {
    "beep": Setting(bool, False, "Beep on each event."),
    "rate_ms": Setting(int, 500, "How often to redraw (ms).", minimum=100, maximum=5000),
    "screen": Setting(str, "", "The screen it last used."),
    "kinds": Setting(list, ["a"], "Which kinds to show.", choices=("a", "b", "c")),
}


def open_dialog(qtbot, **kw) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings.shared(), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def restarted() -> settings.Settings:
    settings.forget_shared()
    return settings.shared()


def test_every_declared_setting_has_an_editor_of_its_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings.shared().register("plugins.demo_counter.", PLUGIN_SECTION)
    dialog = open_dialog(qtbot, plugin_titles={"demo_counter": "Event counter"})
    assert set(dialog.rows) == set(DECLARED) | {f"plugins.demo_counter.{k}" for k in PLUGIN_SECTION}
    for name, row in dialog.rows.items():
        s = row.setting
        editor = row.editor
        if s.type is bool:
            assert isinstance(editor, BoolEditor) and isinstance(editor.check, QCheckBox), name
        elif s.type in (int, float):
            assert isinstance(editor, NumberEditor) and isinstance(editor.spin, QDoubleSpinBox), name
            assert (editor.auto is not None) == s.auto, name
        elif s.type is str and s.choices:
            assert isinstance(editor, ChoiceEditor) and isinstance(editor.combo, QComboBox), name
            assert [editor.combo.itemData(i) for i in range(editor.combo.count())] == list(s.choices)
        elif s.type is str:
            assert isinstance(editor, TextEditor) and isinstance(editor.line, QLineEdit), name
        else:
            assert isinstance(editor, ListEditor) and isinstance(editor.list, QListWidget), name
        # the operator's name for it (else the description), and the row says when a change counts
        assert row.title.text() == (s.label or s.description)
        assert row.effect.text()
    transports = dialog.rows["video.transport_preference"].editor
    assert isinstance(transports, ListEditor) and transports.ordered and transports.up is not None
    assert dialog.rows["wall.decode_budget"].editor.auto.isChecked()  # type: ignore[attr-defined, union-attr]
    assert not dialog.rows["wall.decode_budget"].editor.spin.isEnabled()  # type: ignore[attr-defined]
    # one page per category, plugins by their title
    titles = [dialog.categories.item(i).text() for i in range(dialog.categories.count())]
    assert titles == ["General", "Platform", "Video", "Wall", "Log", "Plugins", "Plugin: Event counter"]


def test_when_a_change_takes_effect_follows_where_it_is_read() -> None:
    assert effect_of("language") is Effect.RESTART
    assert effect_of("video.network_caching_ms") is Effect.RESTART
    assert effect_of("video.vout") is Effect.RESTART
    assert effect_of("video.transport_preference") is Effect.NEXT_STREAM
    assert effect_of("wall.bandwidth_budget_kbps") is Effect.NEXT_SIGN_IN
    assert effect_of("plugins.grid_map.redraw_ms") is Effect.PLUGIN_START
    assert effect_of("plugins.alerts.sound") is Effect.AT_ONCE


def test_bandwidth_budget_and_transport_order_are_saved(qtbot, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    budget = dialog.rows["wall.bandwidth_budget_kbps"]
    budget.editor.spin.setValue(24_000)  # type: ignore[attr-defined]
    transports = dialog.rows["video.transport_preference"]
    editor = transports.editor
    assert isinstance(editor, ListEditor)
    editor.list.setCurrentRow(2)  # http-ts to the top
    editor.move(-1)
    editor.move(-1)
    editor.list.item(3).setCheckState(Qt.CheckState.Unchecked)  # no hls
    assert settings.shared().get("video.transport_preference") == ["http-ts", "rtsp", "http-flv"]
    assert budget.reset_button.isEnabled()
    dialog.close()

    again = restarted()
    assert again.get("wall.bandwidth_budget_kbps") == 24_000
    assert again.get("video.transport_preference") == ["http-ts", "rtsp", "http-flv"]
    # and a dialog opened after the restart shows them
    dialog = open_dialog(qtbot)
    shown = dialog.rows["video.transport_preference"].editor
    assert [shown.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(4)] == [  # type: ignore[attr-defined]
        "http-ts", "rtsp", "http-flv", "hls"]
    assert dialog.rows["wall.bandwidth_budget_kbps"].editor.spin.value() == 24_000  # type: ignore[attr-defined]


def test_automatic_and_a_number(qtbot) -> None:  # type: ignore[no-untyped-def]
    row = open_dialog(qtbot).rows["wall.decode_budget"]
    editor = row.editor
    assert isinstance(editor, NumberEditor) and editor.auto is not None
    assert editor.spin.value() > 0  # what "auto" measures here, a starting point for a number
    editor.auto.setChecked(False)
    assert isinstance(settings.shared().get("wall.decode_budget"), int)
    editor.spin.setValue(90.0)  # shown in Mpx/s
    assert restarted().get("wall.decode_budget") == 90_000_000
    row.settings = settings.shared()
    editor.auto.setChecked(True)
    assert restarted().get("wall.decode_budget") == "auto"


def test_reset_to_default(qtbot) -> None:  # type: ignore[no-untyped-def]
    conf = settings.shared()
    conf.set("video.network_caching_ms", 1200)
    conf.set("language", "zh_CN")
    dialog = open_dialog(qtbot)
    caching = dialog.rows["video.network_caching_ms"]
    assert caching.editor.spin.value() == 1200  # type: ignore[attr-defined]
    assert caching.reset_button.isEnabled()
    qtbot.mouseClick(caching.reset_button, Qt.MouseButton.LeftButton)
    assert caching.editor.spin.value() == 300  # type: ignore[attr-defined]
    assert not caching.reset_button.isEnabled()
    dialog.rows["language"].reset_button.click()
    assert dialog.rows["language"].editor.combo.currentData() == "auto"  # type: ignore[attr-defined]
    again = restarted()
    assert again.is_default("video.network_caching_ms") and again.is_default("language")


def test_a_value_out_of_range_is_refused_and_not_saved(qtbot, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    settings.shared().set("video.network_caching_ms", 800)
    before = (config_dir / "settings.json").read_bytes()
    dialog = open_dialog(qtbot)
    dialog.show_category("video")
    row = dialog.rows["video.network_caching_ms"]
    row.editor.spin.lineEdit().setText("20000")  # type: ignore[attr-defined]
    row.editor.spin.interpretText()  # type: ignore[attr-defined]
    assert row.error.isVisible()
    assert row.error.text() == "Not saved: 20000 is above the maximum 10000"
    assert (config_dir / "settings.json").read_bytes() == before
    assert restarted().get("video.network_caching_ms") == 800
    # a good value clears the message
    row.settings = settings.shared()
    row.editor.spin.setValue(900)  # type: ignore[attr-defined]
    assert not row.error.isVisible()
    assert restarted().get("video.network_caching_ms") == 900


def test_markup_shows_literally(qtbot) -> None:  # type: ignore[no-untyped-def]
    markup = "<b>bold</b> & <a href='x'>link</a>"
    settings.shared().register("plugins.evil.", {"note": Setting(str, "", markup)})
    dialog = open_dialog(qtbot, plugin_titles={"evil": "<i>Evil</i>"})
    row = dialog.rows["plugins.evil.note"]
    assert row.title.text() == markup
    assert row.title.textFormat() == Qt.TextFormat.PlainText
    for label in row.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    titles = [dialog.categories.item(i).text() for i in range(dialog.categories.count())]
    assert "Plugin: <i>Evil</i>" in titles  # a list item's text is never rich text


def test_problems_at_load_are_shown(qtbot, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (config_dir / "settings.json").write_text(
        '{"schema_version": 1, "values": {"video.network_caching_ms": "lots"}}')
    conf = restarted()
    assert conf.problems
    dialog = open_dialog(qtbot)
    assert dialog.banner.isVisible() and "video.network_caching_ms" in dialog.banner.text()


def test_the_main_window_opens_settings_with_ctrl_comma(qtbot, login, run, only_plugins) -> None:  # type: ignore[no-untyped-def]
    from controlroom.ui.main_window import MainWindow

    only_plugins("grid_map", "grid_board")  # plugins with settings and no requests of their own
    win = MainWindow(login())
    qtbot.addWidget(win)
    assert win.action_settings.shortcut() == QKeySequence("Ctrl+,")
    assert win.action_settings in win.menuBar().actions()[0].menu().actions()
    win.action_settings.trigger()
    dialog = win.settings_dialog
    assert dialog.isVisible()
    # the loaded plugins' sections are there, under their titles
    loaded = [n for n, r in win.plugins.manager.records.items() if r.cls is not None and r.cls.SETTINGS]
    assert loaded
    for name in loaded:
        assert any(row.startswith(f"plugins.{name}.") for row in dialog.rows)
    dialog.close()
    win.close()


def test_screenshot(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With CONTROLROOM_SCREENSHOT_DIR set, the picture goes there (resources/screenshots/settings.png)."""
    from controlroom.ui import theme

    style, palette = qapp.style().name(), qapp.palette()
    theme.apply_dark_theme(qapp)
    try:
        settings.shared().set("wall.bandwidth_budget_kbps", 40_000)
        dialog = open_dialog(qtbot)
        dialog.resize(900, 560)
        dialog.show_category("wall")
        # the spin boxes keep to each setting's range (and unit), so a refused value cannot be typed:
        # the picture shows the page as the operator finds it
        dialog.show()
        qtbot.waitExposed(dialog)
        out = Path(os.environ.get("CONTROLROOM_SCREENSHOT_DIR") or tmp_path)
        out.mkdir(parents=True, exist_ok=True)
        shot = dialog.grab()
        assert shot.save(str(out / "settings.png"))
        image = shot.toImage().scaled(64, 32)
        assert len({image.pixel(x, y) for x in range(64) for y in range(32)}) > 5
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_rows_speak_the_operators_words_and_units(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 10: no raw keys (video.transport_preference), no raw numbers (154,500,000)."""
    dialog = open_dialog(qtbot)
    for name, row in dialog.rows.items():
        shown = [w.text() for w in row.findChildren(QLabel) if w.isVisible()]
        assert not any(name in text if "." in name else text == name for text in shown), (name, shown)  # no key...
        assert row.title.toolTip() == name  # ...but in the tooltip, for support
        assert row.setting.label, f"{name} has no label in the operator's words"
    assert dialog.rows["video.transport_preference"].title.text() == "Stream transports, best first"
    budget = dialog.rows["wall.decode_budget"]
    editor = budget.editor
    assert isinstance(editor, NumberEditor) and editor.auto is not None
    editor.auto.setChecked(False)
    settings.shared().set("wall.decode_budget", 154_500_000)
    budget.refresh()
    assert editor.spin.text() == "154.5 Mpx/s"
    assert budget.equivalent.text() == "About 3.0 streams of 1080p at 25 fps."
    assert "154,500,000" not in " ".join(w.text() for w in budget.findChildren(QLabel))
    caching = dialog.rows["video.network_caching_ms"].editor
    assert isinstance(caching, NumberEditor) and caching.spin.text() == "300 ms"
    bandwidth = dialog.rows["wall.bandwidth_budget_kbps"]
    assert bandwidth.editor.spin.text() == "No limit"  # type: ignore[attr-defined]
    assert bandwidth.reset_button.toolTip() == "Default: No limit"
    assert "From 0 ms to 10,000 ms." in dialog.rows["video.network_caching_ms"].effect.text()
