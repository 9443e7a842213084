"""The main window's size, position and panes, kept from one shift to the next.

Only geometry and dock layout (Qt's saveGeometry/saveState), in
``window.ini`` beside the settings; never runtime state. Data Qt cannot read
(a corrupt file, another version) is ignored: the window then opens with its
default arrangement and nothing else is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from controlroom import paths

FILE = "window.ini"
#: bump when the docks change so much that an old layout would mislead
LAYOUT_VERSION = 1


def _store() -> QSettings:
    return QSettings(str(paths.config_dir() / FILE), QSettings.Format.IniFormat)


def save(window: QMainWindow) -> None:
    store = _store()
    store.setValue("geometry", window.saveGeometry())
    store.setValue("state", window.saveState(LAYOUT_VERSION))
    store.sync()


def restore(window: QMainWindow) -> bool:
    """Put the window back as it was; False when there was nothing usable."""
    store = _store()
    geometry, state = store.value("geometry"), store.value("state")
    restored = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
    if isinstance(state, QByteArray) and not state.isEmpty():
        restored = window.restoreState(state, LAYOUT_VERSION) and restored
    return restored
