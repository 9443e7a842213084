"""The Settings dialog, generated from the declared settings: no form is written by hand.

Every row of ``controlroom.settings.DECLARED``, and every plugin section
registered as ``plugins.<name>.*``, becomes one row here: an editor chosen by
the setting's type (check box, spin box with "Automatic", combo box, ordered
check list), its description as the help text, when a change takes effect,
and "Reset to default". A change is saved at once through ``Settings.set``;
a value the declaration refuses is not saved and the row says why.

When a change takes effect depends on where the app reads the setting, so
``EFFECTS`` says it per setting; keep it true when that code moves.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from controlroom import settings as settings_mod
from controlroom.settings import Setting, SettingError, Settings
from controlroom.wall.policy import default_decode_budget

log = logging.getLogger("controlroom.ui.settings_dialog")

PLUGIN_PREFIX = "plugins."
#: the largest number a spin box offers when the declaration sets no bound (pixels per second
#: reach billions: more than a 32-bit QSpinBox holds, so numbers use QDoubleSpinBox)
_NUMBER_LIMIT = 1e15


class Effect(enum.Enum):
    """When a saved change reaches the running app."""

    AT_ONCE = "at_once"
    NEXT_STREAM = "next_stream"  # read each time a tile opens a camera
    NEXT_SIGN_IN = "next_sign_in"  # read when the main window (and its wall) is built
    PLUGIN_START = "plugin_start"  # read in the plugin's setup
    RESTART = "restart"  # read once per process


#: Where each setting is read today (grep ``settings.shared().get`` / ``ctx.settings.get``):
#: - language: ui/app.py, before the first window;
#: - video.transport_preference: video.streams.pick_stream (both walls' coordinator), per stream;
#: - video.network_caching_ms, video.vout: vlc_options.shared_instance, when libVLC starts;
#: - wall.*: WallPane.__init__ builds its StreamPolicy once per main window;
#: - plugins.disabled: PluginManager.start (Plugins… applies it at once);
#: - platform.*: LoginDialog builds the Session's RequestLimits at each sign-in;
#: - plugins.alerts.*: on each alert; other plugins read theirs in setup (the default).
EFFECTS: dict[str, Effect] = {
    "language": Effect.RESTART,
    "video.transport_preference": Effect.NEXT_STREAM,
    "video.network_caching_ms": Effect.RESTART,
    "video.vout": Effect.RESTART,
    "wall.bandwidth_budget_kbps": Effect.NEXT_SIGN_IN,
    "wall.decode_budget": Effect.NEXT_SIGN_IN,
    "plugins.disabled": Effect.RESTART,
    "log.level": Effect.AT_ONCE,  # controlroom.logs follows it (LogSetup.follow)
    "confirm_quit": Effect.AT_ONCE,  # read at each Quit (ui/quit_confirm.py)
    "platform.max_response_mb": Effect.NEXT_SIGN_IN,
    "platform.request_deadline_s": Effect.NEXT_SIGN_IN,
    "platform.poll_interval_s": Effect.AT_ONCE,  # Session.poll_interval(), read before each poll
    "plugins.alerts.notify_critical": Effect.AT_ONCE,
    "plugins.alerts.sound": Effect.AT_ONCE,
}


def effect_of(name: str) -> Effect:
    if name in EFFECTS:
        return EFFECTS[name]
    if name.startswith(PLUGIN_PREFIX) and name.count(".") >= 2:
        return Effect.PLUGIN_START
    return Effect.RESTART  # not known: promise no more than a restart


def effect_text(effect: Effect) -> str:
    # literal QCoreApplication.translate calls, one string each: what lupdate finds
    return {
        Effect.AT_ONCE: QCoreApplication.translate("SettingsDialog", "Takes effect at once."),
        Effect.NEXT_STREAM: QCoreApplication.translate("SettingsDialog", "Takes effect at once for each camera a tile opens next; tiles already playing keep their stream."),
        Effect.NEXT_SIGN_IN: QCoreApplication.translate("SettingsDialog", "Takes effect when you next sign in (or restart ControlRoom)."),
        Effect.PLUGIN_START: QCoreApplication.translate("SettingsDialog", "Takes effect when the plugin next starts (restart, or turn it off and on in Plugins…)."),
        Effect.RESTART: QCoreApplication.translate("SettingsDialog", "Takes effect after ControlRoom restarts."),
    }[effect]


def category_of(name: str) -> str:
    """The page a setting goes on: "general", "video", "wall", "plugins" or "plugins.<name>"."""
    if name.startswith(PLUGIN_PREFIX) and name.count(".") >= 2:
        return PLUGIN_PREFIX + name.split(".")[1]
    if "." not in name:
        return "general"
    return name.split(".", 1)[0]


def category_title(category: str, plugin_titles: Mapping[str, str]) -> str:
    words = {
        "general": QCoreApplication.translate("SettingsDialog", "General"),
        "video": QCoreApplication.translate("SettingsDialog", "Video"),
        "wall": QCoreApplication.translate("SettingsDialog", "Wall"),
        "log": QCoreApplication.translate("SettingsDialog", "Log"),
        "plugins": QCoreApplication.translate("SettingsDialog", "Plugins"),
        "platform": QCoreApplication.translate("SettingsDialog", "Platform"),
    }
    if category in words:
        return words[category]
    if category.startswith(PLUGIN_PREFIX):
        name = category[len(PLUGIN_PREFIX):]
        return QCoreApplication.translate("SettingsDialog", "Plugin: {title}").format(title=plugin_titles.get(name, name))
    return category


def choice_text(value: str) -> str:
    """How a choice reads in a combo box or list (language names in their own language)."""
    if value == "auto":
        return QCoreApplication.translate("SettingsDialog", "Automatic")
    return {"en": "English", "zh_CN": "简体中文"}.get(value, value)


def description_text(name: str, setting: Setting, tr_context: str = "Settings") -> str:
    return QCoreApplication.translate(tr_context, setting.description) if setting.description else name


def _num_text(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else str(x)


def label_text(name: str, setting: Setting, tr_context: str = "Settings") -> str:
    """The setting's name in the operator's words (its description where it has no label)."""
    if setting.label:
        return QCoreApplication.translate(tr_context, setting.label)
    return description_text(name, setting, tr_context)


def unit_text(setting: Setting, tr_context: str = "Settings") -> str:
    return QCoreApplication.translate(tr_context, setting.unit) if setting.unit else ""


def quantity_text(setting: Setting, value: float, tr_context: str = "Settings") -> str:
    """A stored number as the operator reads it: in the setting's unit, 154.5 Mpx/s, 300 ms."""
    shown = value * setting.display_scale
    text = _num_text(shown) if setting.display_scale == 1.0 or shown == 0 else f"{shown:,.1f}"
    unit = unit_text(setting, tr_context)
    return f"{text} {unit}" if unit else text


#: numbers that mean something other than a quantity
def special_value_text(name: str) -> str:
    if name == "wall.bandwidth_budget_kbps":
        return QCoreApplication.translate("SettingsDialog", "No limit")
    return ""


FULL_HD_25 = 1920 * 1080 * 25  # pixels per second of one 1080p stream at 25 fps


def equivalent_text(name: str, value: Any) -> str:
    """What a number amounts to, where that helps ("about 3 streams of 1080p at 25 fps")."""
    if name == "wall.decode_budget" and isinstance(value, int | float) and not isinstance(value, bool):
        return QCoreApplication.translate("SettingsDialog", "About {n} streams of 1080p at 25 fps.").format(
            n=f"{value / FULL_HD_25:.1f}")
    return ""


def range_text(setting: Setting, tr_context: str = "Settings") -> str:
    lo, hi = setting.minimum, setting.maximum
    if lo is not None and hi is not None:
        return QCoreApplication.translate("SettingsDialog", "From {minimum} to {maximum}.").format(
            minimum=quantity_text(setting, lo, tr_context), maximum=quantity_text(setting, hi, tr_context))
    if lo is not None:
        return QCoreApplication.translate("SettingsDialog", "At least {minimum}.").format(
            minimum=quantity_text(setting, lo, tr_context))
    if hi is not None:
        return QCoreApplication.translate("SettingsDialog", "At most {maximum}.").format(
            maximum=quantity_text(setting, hi, tr_context))
    return ""


def _plain(label: QLabel) -> QLabel:
    # descriptions, plugin titles and values come from plugins and files: never rich text
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


# ---------------------------------------------------------------------- editors


class Editor(QWidget):
    """One setting's input: shows a value, reports the operator's value through ``commit``."""

    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = setting
        self.commit = commit

    def show_value(self, value: Any) -> None:
        raise NotImplementedError


class BoolEditor(Editor):
    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(setting, commit, parent)
        self.check = QCheckBox(self.tr("On"), self)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.check)
        box.addStretch(1)
        self.check.toggled.connect(lambda on: self.commit(bool(on)))

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))


class NumberEditor(Editor):
    """A spin box as wide as any number (the declaration, not the box, refuses a bad one: the
    operator sees why); with ``auto`` an "Automatic" check box beside it."""

    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None,
                 auto_hint: Callable[[], float] | None = None, *, unit: str = "", special: str = "") -> None:
        super().__init__(setting, commit, parent)
        self.auto_hint = auto_hint
        self.scale = setting.display_scale or 1.0
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(0 if setting.type is int and self.scale == 1.0 else 1 if self.scale != 1.0 else 3)
        self.spin.setRange(-_NUMBER_LIMIT, _NUMBER_LIMIT)
        if unit:
            self.spin.setSuffix(" " + unit)
        if special and setting.minimum is not None:
            # the minimum means something else ("0" = no limit): say that, in words
            self.spin.setRange(setting.minimum * self.scale, _NUMBER_LIMIT)
            self.spin.setSpecialValueText(special)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setKeyboardTracking(False)  # a value when the operator is done typing, not per digit
        self.spin.setMinimumWidth(180)
        self.spin.valueChanged.connect(lambda _v: self.commit(self.number()))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.spin)
        self.auto: QCheckBox | None = None
        if setting.auto:
            self.auto = QCheckBox(self.tr("Automatic"), self)
            self.auto.toggled.connect(self._auto_toggled)
            box.addWidget(self.auto)
        box.addStretch(1)

    def number(self) -> int | float:
        """The stored number for what the spin box shows (in the unit of storage)."""
        v = self.spin.value() / self.scale
        return round(v) if self.setting.type is int else v

    def set_number(self, value: float) -> None:
        """Show a stored number (the spin box shows it in the operator's unit)."""
        self.spin.setValue(float(value) * self.scale)

    def _auto_toggled(self, on: bool) -> None:
        self.spin.setEnabled(not on)
        self.commit("auto" if on else self.number())

    def show_value(self, value: Any) -> None:
        is_auto = value == "auto"
        with QSignalBlocker(self.spin):
            if is_auto:
                # what "auto" means now, as a starting point should the operator choose a number
                hint = self.auto_hint() if self.auto_hint is not None else None
                fallback = self.setting.minimum if self.setting.minimum is not None else 0
                self.set_number(float(hint if hint is not None else fallback))
            else:
                self.set_number(float(value))
        self.spin.setEnabled(not is_auto)
        if self.auto is not None:
            with QSignalBlocker(self.auto):
                self.auto.setChecked(is_auto)


class ChoiceEditor(Editor):
    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(setting, commit, parent)
        self.combo = QComboBox(self)
        for choice in setting.choices or ():
            self.combo.addItem(choice_text(choice), choice)
        self.combo.currentIndexChanged.connect(lambda _i: self.commit(self.combo.currentData()))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.combo)
        box.addStretch(1)

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            i = self.combo.findData(value)
            if i < 0:  # a value no longer among the choices: show it rather than another
                self.combo.addItem(str(value), value)
                i = self.combo.count() - 1
            self.combo.setCurrentIndex(i)


class TextEditor(Editor):
    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(setting, commit, parent)
        self.line = QLineEdit(self)
        self.line.editingFinished.connect(lambda: self.commit(self.line.text()))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.line)

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.line):
            self.line.setText(str(value))


class ListEditor(Editor):
    """A check list: checked items are in the list. ``ordered``: the order is the list's order
    (best first), with Up and Down; otherwise the order of the choices."""

    def __init__(self, setting: Setting, commit: Callable[[Any], None], parent: QWidget | None = None, *,
                 choices: Sequence[str], ordered: bool) -> None:
        super().__init__(setting, commit, parent)
        self.choices = list(choices)
        self.ordered = ordered
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemChanged.connect(lambda _item: self.commit(self.value()))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list, 1)
        self.up: QPushButton | None = None
        self.down: QPushButton | None = None
        if ordered:
            buttons = QVBoxLayout()
            self.up = QPushButton(self.tr("Up"), self)
            self.down = QPushButton(self.tr("Down"), self)
            self.up.clicked.connect(lambda: self.move(-1))
            self.down.clicked.connect(lambda: self.move(+1))
            buttons.addWidget(self.up)
            buttons.addWidget(self.down)
            buttons.addStretch(1)
            box.addLayout(buttons)

    def value(self) -> list[str]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        with QSignalBlocker(self.list):
            item = self.list.takeItem(row)
            self.list.insertItem(to, item)
            self.list.setCurrentRow(to)
        self.commit(self.value())

    def show_value(self, value: Any) -> None:
        current = [str(v) for v in value]
        order = current + [c for c in self.choices if c not in current] if self.ordered \
            else [c for c in self.choices] + [v for v in current if v not in self.choices]
        selected = self.list.currentItem()
        keep = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        with QSignalBlocker(self.list):
            self.list.clear()
            for choice in order:
                item = QListWidgetItem(choice_text(choice))
                item.setData(Qt.ItemDataRole.UserRole, choice)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if choice in current else Qt.CheckState.Unchecked)
                self.list.addItem(item)
                if choice == keep:
                    self.list.setCurrentItem(item)
        rows = max(2, min(len(order), 8))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)


# ---------------------------------------------------------------------- one row


class SettingRow(QFrame):
    """A setting: its description, editor, when it takes effect, reset, and why a value was refused."""

    def __init__(self, settings: Settings, name: str, parent: QWidget | None = None, *,
                 tr_context: str = "Settings", list_choices: Sequence[str] | None = None,
                 auto_hint: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.name = name
        self.setting = setting = settings.declared[name]
        self.setObjectName("settingRow")

        self.tr_context = tr_context
        # the operator's words; the key (for developers and support) only in the tooltip
        self.title = _plain(QLabel(label_text(name, setting, tr_context)))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setToolTip(name)
        self.help = _plain(QLabel(description_text(name, setting, tr_context) if setting.label else ""))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #9aa3ad;")
        self.help.setVisible(bool(setting.label))
        self.help.setToolTip(name)
        self.equivalent = _plain(QLabel())
        self.equivalent.setStyleSheet("color: #9aa3ad;")
        self.equivalent.hide()
        self.editor = self._make_editor(list_choices, auto_hint)
        note = " ".join(p for p in (range_text(setting, tr_context) if setting.type in (int, float) else "",
                                    effect_text(effect_of(name))) if p)
        self.effect = _plain(QLabel(note))
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("color: #9aa3ad;")
        self.error = _plain(QLabel())
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d0675f;")
        self.error.hide()
        self.reset_button = QPushButton(self.tr("Reset to default"), self)
        self.reset_button.setToolTip(self.tr("Default: {value}").format(value=self._value_words(setting.default)))
        self.reset_button.clicked.connect(self.reset)

        top = QHBoxLayout()
        top.addWidget(self.editor, 1)
        top.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 8)
        box.setSpacing(4)
        box.addWidget(self.title)
        box.addWidget(self.help)
        box.addLayout(top)
        box.addWidget(self.equivalent)
        box.addWidget(self.error)
        box.addWidget(self.effect)
        self.refresh()

    def _make_editor(self, list_choices: Sequence[str] | None, auto_hint: Callable[[], float] | None) -> Editor:
        s = self.setting
        if s.type is bool:
            return BoolEditor(s, self.commit, self)
        if s.type in (int, float):
            return NumberEditor(s, self.commit, self, auto_hint=auto_hint,
                                unit=unit_text(s, self.tr_context), special=special_value_text(self.name))
        if s.type is str:
            return ChoiceEditor(s, self.commit, self) if s.choices else TextEditor(s, self.commit, self)
        # a list: every item from the choices. Ordered when it ranks all of them (a preference,
        # best first); else a set of picks (which plugins are off).
        choices = list(s.choices) if s.choices else list(list_choices or ())
        ordered = bool(s.choices) and sorted(s.default) == sorted(s.choices)
        return ListEditor(s, self.commit, self, choices=choices, ordered=ordered)

    def _value_words(self, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(choice_text(v) for v in value) or self.tr("none")
        if isinstance(value, bool):
            return self.tr("on") if value else self.tr("off")
        if isinstance(value, int | float):
            special = special_value_text(self.name)
            if special and self.setting.minimum is not None and value == self.setting.minimum:
                return special
            return quantity_text(self.setting, value, self.tr_context)
        return choice_text(value) if value != "" else self.tr("empty")

    def commit(self, value: Any) -> None:
        """Save ``value``; when the declaration refuses it, nothing is saved and the row says why."""
        try:
            self.settings.set(self.name, value)
        except SettingError as e:
            self.error.setText(self.tr("Not saved: {why}").format(why=e))
            self.error.show()
            self.reset_button.setEnabled(True)
            return
        except OSError as e:  # the disk said no: the value is kept in memory only
            log.warning("settings: could not save %s: %s", self.name, e)
            self.error.setText(self.tr("Could not save the settings file: {why}").format(why=e))
            self.error.show()
            return
        self.error.hide()
        self.refresh()

    def reset(self) -> None:
        self.commit(self.setting.default)
        self.refresh()

    def refresh(self) -> None:
        """Show the saved value (after a change made here or anywhere else)."""
        value = self.settings.get(self.name)
        self.editor.show_value(value)
        if isinstance(self.editor, NumberEditor) and value == "auto":
            value = self.editor.number()  # what "automatic" means here
        words = equivalent_text(self.name, value)
        self.equivalent.setText(words)
        self.equivalent.setVisible(bool(words))
        self.reset_button.setEnabled(not self.settings.is_default(self.name) or not self.error.isHidden())


# ---------------------------------------------------------------------- the dialog


class SettingsDialog(QDialog):
    """Every declared setting, by category; changes are saved as they are made.

    ``plugin_titles`` names the plugin sections (plugin name -> its title);
    ``list_choices`` gives the items of a list setting that declares no choices
    (by default the installed plugins for ``plugins.disabled``).
    """

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None, *,
                 plugin_titles: Mapping[str, str] | None = None,
                 plugin_contexts: Mapping[str, str] | None = None,
                 list_choices: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else settings_mod.shared()
        self.plugin_titles = dict(plugin_titles or {})
        self.setWindowTitle(self.tr("Settings"))
        self.resize(880, 600)
        choices = dict(list_choices or {})
        if "plugins.disabled" not in choices:
            choices["plugins.disabled"] = _installed_plugins()

        self.banner = _plain(QLabel())
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #d8a44a;")
        notes = list(self.settings.problems)
        if self.settings.read_only:
            notes.append(self.tr("The settings file cannot be written: changes last until ControlRoom closes."))
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

        self.categories = QListWidget(self)
        self.categories.setObjectName("settingsCategories")
        self.pages = QStackedWidget(self)
        self.rows: dict[str, SettingRow] = {}
        by_category: dict[str, list[str]] = {}
        for name in self.settings.declared:
            by_category.setdefault(category_of(name), []).append(name)
        fixed = ["general", "platform", "video", "wall", "log", "plugins"]
        order = [c for c in fixed if c in by_category] + sorted(
            (c for c in by_category if c not in fixed),
            key=lambda c: category_title(c, self.plugin_titles).casefold())
        hints: dict[str, Callable[[], float]] = {"wall.decode_budget": default_decode_budget}
        for category in order:
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(16, 8, 16, 8)
            for i, name in enumerate(by_category[category]):
                if i:
                    rule = QFrame(page)
                    rule.setFrameShape(QFrame.Shape.HLine)
                    rule.setStyleSheet("color: #2a3139;")
                    box.addWidget(rule)
                context = "Settings"
                if category.startswith(PLUGIN_PREFIX):
                    context = (plugin_contexts or {}).get(category[len(PLUGIN_PREFIX):], "Plugins")
                row = SettingRow(self.settings, name, page, tr_context=context,
                                 list_choices=choices.get(name), auto_hint=hints.get(name))
                self.rows[name] = row
                box.addWidget(row)
            box.addStretch(1)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
            item = QListWidgetItem(category_title(category, self.plugin_titles))  # item text is never markup
            item.setData(Qt.ItemDataRole.UserRole, category)
            self.categories.addItem(item)
        self.categories.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.categories.setCurrentRow(0)
        self.categories.setMaximumWidth(240)
        self.categories.setSpacing(3)

        split = QSplitter(self)
        split.addWidget(self.categories)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 680])
        self.note = _plain(QLabel(self.tr("Changes are saved as you make them.")))
        self.note.setStyleSheet("color: #9aa3ad;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(split, 1)
        outer.addLayout(bottom)

        # a change made elsewhere while open (the Plugins dialog, a plugin's menu) shows here;
        # the closures hold the unsubscribe function, not the dialog (it may be gone)
        unsubscribe = self.settings.on_change(self._changed)
        self.finished.connect(lambda _r: unsubscribe())
        self.destroyed.connect(lambda _o=None: unsubscribe())

    def _changed(self, name: str, _value: Any) -> None:
        row = self.rows.get(name)
        if row is not None:
            row.refresh()

    def show_category(self, category: str) -> None:
        for i in range(self.categories.count()):
            if self.categories.item(i).data(Qt.ItemDataRole.UserRole) == category:
                self.categories.setCurrentRow(i)
                return


def _installed_plugins() -> list[str]:
    from controlroom.plugins_loader import discover  # entry points only: nothing is imported

    try:
        return sorted({ep.name for ep in discover()})
    except Exception:  # a broken distribution's metadata must not keep the dialog shut
        log.exception("could not list the installed plugins")
        return []
