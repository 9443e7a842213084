"""The operator's settings: declared once here, typed on load, stored versioned and atomically.

Every setting the app knows is one row of ``DECLARED`` (name, type, default,
description), as qutebrowser's ``configdata.yml``; plugins add theirs under
``plugins.<name>.`` from their ``SETTINGS`` (``Settings.register``). The file
is ``paths.config_dir()/settings.json``::

    {"schema_version": 1, "values": {"video.network_caching_ms": 500, ...}}

Only values that differ from the default are written, so a new default
reaches everyone who never changed it. Loading never loses more than it
must: a value of the wrong type falls back to its default with a problem
message and every other value stays; an undecodable file is set aside by
``controlroom.storage`` and reported; a file from a newer ControlRoom is
read but never written over. Values of settings nobody declared (yet: a
plugin that is not installed today) are kept as they are and written back.

Secrets never go here: passwords live in the OS keyring
(``controlroom.credentials``); ``Settings.register`` refuses names that look
like one.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom import paths, storage
from controlroom.listeners import Listeners


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate; translated where it is shown (QtCore's is typed as returning object)."""
    return text

log = logging.getLogger("controlroom.settings")

SCHEMA_VERSION = 1
#: ``MIGRATIONS[n]`` turns the file's data at schema version ``n`` into ``n + 1``
#: (rename a setting, change a unit). Each one stays here for ever.
MIGRATIONS: dict[int, storage.Migration] = {}

_SECRET_WORDS = ("password", "passwd", "secret", "token", "credential", "apikey", "api_key")


class SettingError(ValueError):
    """A value that the setting's declaration does not accept (the message says why)."""


@dataclass(frozen=True)
class Setting:
    """One declared setting: its type, default and what it is for.

    ``type`` is ``bool``, ``int``, ``float``, ``str`` or ``list`` (a list of
    strings). ``choices`` limits a ``str`` (or each item of a ``list``);
    ``minimum``/``maximum`` bound numbers; ``auto=True`` also accepts the
    string ``"auto"`` for a number ("let ControlRoom decide").
    The description is English documentation for developers and the
    settings reference; the UI words each setting itself.
    """

    type: type
    default: Any
    description: str
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    auto: bool = False
    #: the operator's name for it (QT_TRANSLATE_NOOP in the declaring context); the key is for developers
    label: str = ""
    #: the unit a number is shown in (QT_TRANSLATE_NOOP), and the factor from the stored number
    #: to the shown one (pixels per second stored, "Mpx/s" shown: 1e-6)
    unit: str = ""
    display_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.type not in (bool, int, float, str, list):
            raise TypeError(f"unsupported setting type {self.type!r}")
        self.check(self.default)  # a declaration with a bad default is a bug: fail at import

    def check(self, value: Any) -> Any:
        """``value`` if this setting accepts it (ints widen to floats); else ``SettingError``."""
        if self.auto and value == "auto":
            return value
        t = self.type
        if t is bool:
            if not isinstance(value, bool):
                raise SettingError(QCoreApplication.translate("Settings", "expected true or false, found {value}").format(value=_show(value)))
            return value
        if t in (int, float):
            ok = isinstance(value, int) if t is int else isinstance(value, int | float)
            if not ok or isinstance(value, bool):
                expected = QCoreApplication.translate("Settings", "expected a whole number") if t is int else QCoreApplication.translate("Settings", "expected a number")
                if self.auto:
                    expected = QCoreApplication.translate("Settings", "{expected} or \"auto\"").format(expected=expected)
                raise SettingError(QCoreApplication.translate("Settings", "{expected}, found {value}").format(expected=expected, value=_show(value)))
            if self.minimum is not None and value < self.minimum:
                raise SettingError(QCoreApplication.translate("Settings", "{value} is below the minimum {minimum}").format(
                    value=value, minimum=_num(self.minimum)))
            if self.maximum is not None and value > self.maximum:
                raise SettingError(QCoreApplication.translate("Settings", "{value} is above the maximum {maximum}").format(
                    value=value, maximum=_num(self.maximum)))
            return float(value) if t is float else value
        if t is str:
            if not isinstance(value, str):
                raise SettingError(QCoreApplication.translate("Settings", "expected text, found {value}").format(value=_show(value)))
            self._check_choice(value)
            return value
        # list of strings
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise SettingError(QCoreApplication.translate("Settings", "expected a list of text, found {value}").format(value=_show(value)))
        for v in value:
            self._check_choice(v)
        return list(value)

    def _check_choice(self, value: str) -> None:
        if self.choices is not None and value not in self.choices:
            raise SettingError(QCoreApplication.translate("Settings", "{value} is not one of: {choices}").format(
                value=_show(value), choices=", ".join(self.choices)))



def _show(value: Any) -> str:
    try:
        shown = msgspec.json.encode(value).decode()
    except (TypeError, msgspec.EncodeError):
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def auto_vout(platform: str = sys.platform) -> str:
    """The libVLC video output that ``video.vout = "auto"`` means on ``platform``.

    Linux: ``xcb_x11`` (with ``--no-xlib``; the ``gl`` output fell back to Mesa
    software rendering under Xvfb and was unusable); elsewhere libVLC's own
    default, which uses the GPU.
    """
    if platform.startswith("linux"):
        return "xcb_x11"
    return {"win32": "direct3d11", "darwin": "macosx"}.get(platform, "any")


#: Every application setting, declared once. Plugins' settings are added under
#: ``plugins.<name>.`` when they load (``Settings.register``).
DECLARED: dict[str, Setting] = {
    "language": Setting(
        str, "auto", QT_TRANSLATE_NOOP("Settings", "User-interface language; auto follows --lang, CONTROLROOM_LANG, then the system."),
        choices=("auto", "en", "zh_CN"), label=str(QT_TRANSLATE_NOOP("Settings", "Language"))),
    "video.transport_preference": Setting(
        list, ["rtsp", "http-flv", "http-ts", "hls"],
        QT_TRANSLATE_NOOP("Settings", "Transports to try for a camera, best first; one the local libVLC cannot play is skipped."),
        choices=("rtsp", "http-flv", "http-ts", "hls"),
        label=str(QT_TRANSLATE_NOOP("Settings", "Stream transports, best first"))),
    "video.network_caching_ms": Setting(
        # the same as controlroom.video.vlc_options.DEFAULT_NETWORK_CACHING_MS (a test keeps them equal)
        int, 300, QT_TRANSLATE_NOOP("Settings", "libVLC network caching in milliseconds: more rides out jitter, less is closer to live."),
        minimum=0, maximum=10_000, label=str(QT_TRANSLATE_NOOP("Settings", "Network buffer")),
        unit=str(QT_TRANSLATE_NOOP("Settings", "ms"))),
    "video.vout": Setting(
        str, "auto", QT_TRANSLATE_NOOP("Settings", "libVLC video output; auto picks one per platform (xcb_x11 on Linux)."),
        choices=("auto", "xcb_x11", "gl", "xvideo", "direct3d11", "direct3d9", "macosx", "any"),
        label=str(QT_TRANSLATE_NOOP("Settings", "Video output"))),
    "wall.bandwidth_budget_kbps": Setting(
        int, 0, QT_TRANSLATE_NOOP("Settings", "Total video bandwidth for the wall in kbit/s; 0 means no limit (smallest tiles go to sub first)."),
        minimum=0, label=str(QT_TRANSLATE_NOOP("Settings", "Bandwidth budget for the wall")),
        unit=str(QT_TRANSLATE_NOOP("Settings", "kbit/s"))),
    "wall.decode_budget": Setting(
        int, "auto", QT_TRANSLATE_NOOP("Settings", "Decoded pixels per second the wall may ask for; auto measures this machine; over it the smallest tiles show key frames only."),
        minimum=0, auto=True, label=str(QT_TRANSLATE_NOOP("Settings", "Decode budget")),
        unit=str(QT_TRANSLATE_NOOP("Settings", "Mpx/s")), display_scale=1e-6),
    "log.level": Setting(
        str, "info", QT_TRANSLATE_NOOP("Settings", "How much goes into the log file: debug also records libVLC's own detail (large); --debug on the command line forces debug."),
        choices=("warning", "info", "debug"), label=str(QT_TRANSLATE_NOOP("Settings", "Log detail"))),
    "confirm_quit": Setting(
        bool, True, QT_TRANSLATE_NOOP("Settings", "Ask before quitting (File → Quit, Ctrl+Q, the window's close button): a desk's wall stops when it quits."),
        label=str(QT_TRANSLATE_NOOP("Settings", "Ask before quitting"))),
    # the whole inventory in one answer is about 20 MB (28,500 cameras, measured on the demo); a page of
    # 2,000 cameras 1.4 MB: 64 MB leaves room for longer URLs and names (controlroom.api.client.RequestLimits)
    "platform.max_response_mb": Setting(
        int, 64, QT_TRANSLATE_NOOP("Settings", "Largest answer the platform may send for one request, in MB; a longer one is cut off and reported."),
        minimum=1, maximum=4096, label=str(QT_TRANSLATE_NOOP("Settings", "Largest answer")), unit=str(QT_TRANSLATE_NOOP("Settings", "MB"))),
    "platform.request_deadline_s": Setting(
        int, 30, QT_TRANSLATE_NOOP("Settings", "Longest a platform request may take from start to the last byte, in seconds; a slower one is cut off and reported."),
        minimum=1, maximum=600, label=str(QT_TRANSLATE_NOOP("Settings", "Longest request")), unit=str(QT_TRANSLATE_NOOP("Settings", "s"))),
    "platform.poll_interval_s": Setting(
        int, 10, QT_TRANSLATE_NOOP("Settings", "How often to ask a platform without live push (wvp-GB28181-pro) for camera states and alarms, in seconds."),
        minimum=2, maximum=3600, label=str(QT_TRANSLATE_NOOP("Settings", "Poll a platform without push every")),
        unit=str(QT_TRANSLATE_NOOP("Settings", "s"))),
    "plugins.disabled": Setting(
        list, [], QT_TRANSLATE_NOOP("Settings", "Plugins (entry-point names) the operator turned off; they are not even imported."),
        label=str(QT_TRANSLATE_NOOP("Settings", "Plugins turned off"))),
}


class Settings:
    """The settings file of one ControlRoom: typed values, change listeners, atomic saves.

    ``set`` saves at once (one small atomic write), so nothing depends on a
    clean shutdown. Listeners get ``(name, value)`` after a change.
    """

    def __init__(self, path: Path | str | None = None, declared: Mapping[str, Setting] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.config_dir() / "settings.json"
        self.declared: dict[str, Setting] = dict(DECLARED if declared is None else declared)
        self.problems: list[str] = []
        #: True when the file must not be written (a newer version, unreadable)
        self.read_only = False
        self._values: dict[str, Any] = {}
        self._undeclared: dict[str, Any] = {}  # kept verbatim for settings declared later (or never)
        self._listeners: Listeners[[str, Any]] = Listeners(log, "settings")

    # ------------------------------------------------------------------ loading

    def load(self) -> list[str]:
        """Read the file; returns (and keeps in ``problems``) what went wrong, in words."""
        self.problems = []
        self._values, self._undeclared = {}, {}
        loaded = storage.load_versioned(
            self.path, current=SCHEMA_VERSION, migrations=MIGRATIONS, validate=_validate_file)
        self.read_only = loaded.read_only
        if loaded.problem:
            self.problems.append(_file_problem(loaded))
            log.warning("settings: %s", loaded.problem)
        if loaded.data is not None:
            for name, raw in loaded.data["values"].items():
                if name in self.declared:
                    self._take(name, raw)
                else:
                    self._undeclared[name] = raw
        return list(self.problems)

    def _take(self, name: str, raw: Any) -> list[str]:
        try:
            value = self.declared[name].check(raw)
        except SettingError as e:
            problem = QCoreApplication.translate("Settings", "Setting “{name}”: {why}; using the default ({default}).").format(
                name=name, why=e, default=_show(self.declared[name].default))
            self.problems.append(problem)
            log.warning("settings: %s", problem)
            return [problem]
        if value != self.declared[name].default:
            self._values[name] = value
        return []

    def register(self, prefix: str, table: Mapping[str, Setting]) -> list[str]:
        """Declare ``table`` under ``prefix`` (``"plugins.alerts."``); values already read are typed now.

        Returns the problems with those values (each falls back to its default).
        """
        problems: list[str] = []
        for key, setting in table.items():
            name = prefix + key
            lowered = name.lower()
            if any(word in lowered for word in _SECRET_WORDS):
                raise ValueError(f"{name!r} looks like a secret: keep it in the keyring "
                                 "(controlroom.credentials), never in the settings file")
            if not isinstance(setting, Setting):
                raise TypeError(f"{name!r} must be declared with a Setting, not {type(setting).__name__}")
            self.declared[name] = setting
            if name in self._undeclared:
                problems += self._take(name, self._undeclared.pop(name))
        return problems

    # ------------------------------------------------------------------ values

    def get(self, name: str) -> Any:
        """The current value (the default when not set); ``KeyError`` for an undeclared name."""
        setting = self.declared[name]
        value = self._values.get(name, setting.default)
        return list(value) if isinstance(value, list) else value

    def set(self, name: str, value: Any) -> None:
        """Check, store and save ``value``; ``SettingError`` when the declaration refuses it."""
        setting = self.declared[name]
        value = setting.check(value)
        if value == self.get(name):
            return
        if value == setting.default:
            self._values.pop(name, None)
        else:
            self._values[name] = value
        self.save()
        self._listeners.emit(name, value)

    def reset(self, name: str) -> None:
        self.set(name, self.declared[name].default)

    def is_default(self, name: str) -> bool:
        return name not in self._values

    def on_change(self, cb: Callable[[str, Any], None]) -> Callable[[], None]:
        """Call ``cb(name, value)`` after each change; returns an unsubscribe function."""
        return self._listeners.add(cb)

    def section(self, prefix: str) -> SettingsSection:
        return SettingsSection(self, prefix)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Write the file atomically; not when it came from a newer ControlRoom."""
        if self.read_only:
            log.warning("settings: %s is read-only for this ControlRoom; not saved", self.path)
            return
        values = {**self._undeclared, **self._values}
        data = {"schema_version": SCHEMA_VERSION, "values": dict(sorted(values.items()))}
        storage.atomic_write(self.path, msgspec.json.format(msgspec.json.encode(data), indent=2) + b"\n")


class SettingsSection:
    """A plugin's own part of the settings: keys without the ``plugins.<name>.`` prefix."""

    def __init__(self, settings: Settings, prefix: str) -> None:
        self._settings = settings
        self.prefix = prefix

    def get(self, key: str) -> Any:
        return self._settings.get(self.prefix + key)

    def set(self, key: str, value: Any) -> None:
        self._settings.set(self.prefix + key, value)

    def reset(self, key: str) -> None:
        self._settings.reset(self.prefix + key)

    def keys(self) -> list[str]:
        n = len(self.prefix)
        return [name[n:] for name in self._settings.declared if name.startswith(self.prefix)]

    def on_change(self, cb: Callable[[str, Any], None]) -> Callable[[], None]:
        """``cb(key, value)`` for changes in this section only."""
        n = len(self.prefix)

        def relay(name: str, value: Any) -> None:
            if name.startswith(self.prefix):
                cb(name[n:], value)

        return self._settings.on_change(relay)


def _validate_file(data: dict[str, Any]) -> None:
    values = data.get("values")
    if not isinstance(values, dict):
        raise ValueError("no \"values\" object")
    bad = [k for k in values if not isinstance(k, str)]
    if bad:
        raise ValueError(f"setting names must be text: {bad!r}")


def _file_problem(loaded: storage.Loaded) -> str:
    # storage words its problems in English for the log; the operator gets these
    if loaded.set_aside is not None:
        return QCoreApplication.translate("Settings", "The settings file could not be read and was set aside as {path}; "
                   "ControlRoom starts with the default settings.").format(path=loaded.set_aside)
    if loaded.read_only:
        return QCoreApplication.translate("Settings", "The settings file is from a newer ControlRoom or cannot be read; "
                   "it is used read-only and changes will not be saved ({detail}).").format(detail=loaded.problem)
    return QCoreApplication.translate("Settings", "The settings file has a problem: {detail}").format(detail=loaded.problem)


# ---------------------------------------------------------------------- one per process

_shared: dict[Path, Settings] = {}


def shared(path: Path | str | None = None) -> Settings:
    """The process's one ``Settings`` for ``path`` (default: the config folder), loaded on first use.

    The app, the wall and the plugins must share one instance per file: two
    instances would each write the file and lose the other's changes.
    """
    p = Path(path) if path is not None else paths.config_dir() / "settings.json"
    s = _shared.get(p)
    if s is None:
        s = _shared[p] = Settings(p)
        s.load()
    return s


def forget_shared() -> None:
    """Drop the shared instances (the next ``shared()`` reads the file again, as a restart does)."""
    _shared.clear()

