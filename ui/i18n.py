"""Translations: pick the language and install ControlRoom's and Qt's translators.

The language comes from the command line, else ``CONTROLROOM_LANG``, else
the system locale. ControlRoom ships English (the source strings) and
Simplified Chinese (``controlroom_zh_CN.qm`` in ``controlroom.resources``);
Qt's own strings (standard buttons, context menus) come from Qt's
``qtbase_*.qm`` where the Qt install has them.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("controlroom.ui.i18n")

SHIPPED = ("en", "zh_CN")

# kept alive here: a QTranslator that is garbage-collected stops translating
_installed: list[QTranslator] = []


def choose_language(language: str | None = None) -> str:
    """The language to use: "en" or "zh_CN" (anything Chinese maps to zh_CN)."""
    wanted = language or os.environ.get("CONTROLROOM_LANG") or QLocale.system().name()
    wanted = wanted.replace("-", "_").split(".")[0]
    if wanted.lower().startswith("zh"):
        return "zh_CN"
    return "en"


def translation_file(language: str) -> Path | None:
    """The path of ControlRoom's ``.qm`` for ``language``, or None when not shipped."""
    res = importlib.resources.files("controlroom.resources") / "translations" / f"controlroom_{language}.qm"
    if not res.is_file():
        return None
    # the package is installed as plain files (wheel or editable), so this is a real path
    return Path(str(res))


def remove_translators() -> None:
    app = QCoreApplication.instance()
    for tr in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(tr)
    _installed.clear()


def install_translators(language: str | None = None) -> str:
    """Install the translators for ``language`` (see ``choose_language``); returns the language used."""
    remove_translators()
    lang = choose_language(language)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return lang
    QLocale.setDefault(QLocale(lang))
    path = translation_file(lang)
    ours = QTranslator()
    if path is None or not ours.load(str(path)):
        log.warning("no ControlRoom translation for %s; showing English", lang)
        return "en"
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qtbase_{lang.split('_')[0]}", qt_dir):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return lang
