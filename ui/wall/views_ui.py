"""Views in the UI: save, save as, rename, delete, switch, revert; the last view restored at start.

The views live in one file per platform and user in the config folder
(``views_file``; ``ViewStore``: versioned, written atomically); the single
``views.json`` of older versions goes to the first platform and user that
open. A wall that differs from its saved view says so: "•" after its name
in the switcher, with Save (Ctrl+S) and Revert. A file that cannot be read is set aside by
the store; here the operator is told so in words, once, and starts with no
views — nothing else (layouts, settings) is touched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QInputDialog, QMenu, QMessageBox, QWidget

from controlroom import paths
from controlroom.wall.views import (
    View,
    ViewError,
    ViewStore,
    ViewStoreReadOnly,
    adopt_old_file,
    views_file,
)

log = logging.getLogger("controlroom.ui.wall.views")


def views_path(platform_url: str, username: str) -> Path:
    """This user's views on this platform (the old single file is adopted on the way)."""
    config = paths.config_dir()
    path = views_file(config, platform_url, username)
    try:
        adopt_old_file(config, path)
    except OSError as e:  # the old file stays where it is; nothing is lost
        log.warning("views: the old views file could not be moved to %s: %s", path, e)
    return path


class ViewsUi(QObject):
    """The views menu and the view switcher of the wall toolbar."""

    #: problems reading the file, in the operator's words (tests read this)
    problem = Signal(str)

    def __init__(self, pane: WallPane, parent: QWidget, path: Path | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.parent_widget = parent
        if path is None:
            user = pane.session.user
            path = views_path(pane.session.base_url, user.username if user is not None else "")
        self.store = ViewStore(path)
        self.problems: list[str] = []
        self._load()

        self.menu = QMenu(self.tr("V&iews"), parent)
        self.action_save = QAction(self.tr("&Save view"), self)
        self.action_save.setShortcut(QKeySequence.StandardKey.Save)
        self.action_save.triggered.connect(lambda: self.save())
        self.action_save_as = QAction(self.tr("Save view &as…"), self)
        self.action_save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.action_save_as.triggered.connect(lambda: self.save_as())
        self.action_rename = QAction(self.tr("&Rename view…"), self)
        self.action_rename.triggered.connect(lambda: self.rename())
        self.action_delete = QAction(self.tr("&Delete view…"), self)
        self.action_delete.triggered.connect(lambda: self.delete())
        self.action_revert = QAction(self.tr("Re&vert view"), self)
        self.action_revert.setToolTip(self.tr("Back to the view as it was saved"))
        self.action_revert.triggered.connect(lambda: self.revert())
        self._switch_group = QActionGroup(self)
        self.menu.aboutToShow.connect(self._fill_menu)

        self.combo = QComboBox(parent)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setToolTip(self.tr("Switch to a saved view"))
        self.combo.setAccessibleName(self.tr("Views"))
        self.combo.activated.connect(self._on_combo)
        pane.view_changed.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ file

    def _load(self) -> None:
        problems = self.store.load()
        if not problems:
            return
        if self.store.set_aside is not None:
            text = self.tr(
                "The saved views could not be read. The file was set aside as {path} and "
                "ControlRoom starts without saved views; nothing else was changed.").format(
                    path=str(self.store.set_aside))
        elif self.store.read_only:
            text = self.tr(
                "The saved views file {path} is kept as it is (a newer ControlRoom wrote it, or it "
                "cannot be read); views you save now will not be written.").format(path=str(self.store.path))
        else:
            text = "; ".join(problems)
        log.warning("views: %s", "; ".join(problems))
        self.problems.append(text)

    def report_problems(self) -> None:
        """Tell the operator about a file problem (a non-blocking message box and the status bar)."""
        for text in self.problems:
            self.pane.message.emit(text)
            self.problem.emit(text)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saved views"), text,
                              QMessageBox.StandardButton.Ok, self.parent_widget)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _write(self) -> bool:
        try:
            self.store.save()
        except ViewStoreReadOnly:
            self.pane.message.emit(self.tr("The views file is kept as it is; this change was not saved."))
            return False
        except OSError as e:
            self.pane.message.emit(self.tr("The views could not be saved: {error}").format(error=str(e)))
            return False
        return True

    # ------------------------------------------------------------------ operations

    def open(self, name: str) -> bool:
        view = self.store.get(name)
        if view is None:
            self.pane.message.emit(self.tr("There is no view named “{name}”.").format(name=name))
            return False
        self.pane.load_view(view)
        self.store.last_view = name
        self._write()
        self.refresh()
        return True

    def revert(self) -> bool:
        """Back to the saved view (undoable with Ctrl+Z)."""
        if not self.pane.controller.modified:
            return False
        self.pane.controller.revert()
        self.refresh()
        return True

    def restore_last(self) -> bool:
        name = self.store.last_view
        return name is not None and self.open(name)

    def save(self) -> bool:
        name = self.pane.controller.name
        if not name or name not in self.store:
            return self.save_as()
        return self._put(self.pane.controller.view(name))

    def save_as(self, name: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(self.parent_widget, self.tr("Save view as"), self.tr("View name:"),
                                            text=self.pane.controller.name or "")
            if not ok:
                return False
        name = name.strip()
        if not name:
            return False
        if name in self.store and name != self.pane.controller.name:
            answer = QMessageBox.question(self.parent_widget, self.tr("Replace view"),
                                          self.tr("A view named “{name}” exists. Replace it?").format(name=name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            view = self.pane.controller.view(name)
        except ViewError as e:
            self.pane.message.emit(str(e))
            return False
        return self._put(view)

    def _put(self, view: View) -> bool:
        self.store.put(view)
        self.store.last_view = view.name
        self.pane.controller.keep_incident()  # saved: the incident wall is a view of its own now
        self.pane.controller.mark_saved(view)
        self.pane.incident_bar.show_incident(None, None)
        ok = self._write()
        if ok:
            self.pane.message.emit(self.tr("View “{name}” saved.").format(name=view.name))
        self.refresh()
        return ok

    def rename(self, new: str | None = None) -> bool:
        old = self.pane.controller.name
        if not old or old not in self.store:
            self.pane.message.emit(self.tr("This wall is not a saved view yet: save it first."))
            return False
        if new is None:
            new, ok = QInputDialog.getText(self.parent_widget, self.tr("Rename view"), self.tr("New name:"), text=old)
            if not ok:
                return False
        try:
            self.store.rename(old, new.strip())
        except ViewError as e:
            self.pane.message.emit(str(e))
            return False
        c = self.pane.controller
        c.name = new.strip()
        if c.baseline is not None:
            c.baseline = c.baseline.renamed(c.name)
        self._write()
        self.refresh()
        return True

    def delete(self, name: str | None = None, confirm: bool = True) -> bool:
        name = name or self.pane.controller.name
        if not name or name not in self.store:
            return False
        if confirm:
            answer = QMessageBox.question(self.parent_widget, self.tr("Delete view"),
                                          self.tr("Delete the view “{name}”?").format(name=name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.store.delete(name)
        if self.pane.controller.name == name:
            self.pane.controller.name = None
            self.pane.controller.baseline = None
        self._write()
        self.refresh()
        return True

    # ------------------------------------------------------------------ menu and combo

    def _fill_menu(self) -> None:
        self.menu.clear()
        for a in (self.action_save, self.action_save_as, self.action_revert, self.action_rename, self.action_delete):
            self.menu.addAction(a)
        saved = self.pane.controller.name in self.store if self.pane.controller.name else False
        self.action_revert.setEnabled(self.pane.controller.modified)
        self.action_rename.setEnabled(saved)
        self.action_delete.setEnabled(saved)
        self.menu.addSeparator()
        if not len(self.store):
            a = self.menu.addAction(self.tr("No saved views"))
            a.setEnabled(False)
        for name in self.store.names():
            a = QAction(name, self.menu)  # QAction text is plain; "&" is the only markup
            a.setText(name.replace("&", "&&"))
            a.setCheckable(True)
            a.setChecked(name == self.pane.controller.name)
            a.triggered.connect(lambda _=False, n=name: self.open(n))
            self._switch_group.addAction(a)
            self.menu.addAction(a)

    def refresh(self) -> None:
        c = self.pane.controller
        self.combo.blockSignals(True)
        self.combo.clear()
        current = c.name
        if c.incident is not None:
            self.combo.addItem(self.tr("Incident: {title}").format(title=c.incident), None)
        elif not current or current not in self.store:
            self.combo.addItem(self.tr("(unsaved wall)"), None)
        for name in self.store.names():
            # "•": this view is shown with changes not saved (Save: Ctrl+S, or Revert)
            self.combo.addItem(f"{name} •" if name == current and c.modified else name, name)
        idx = self.combo.findData(current) if current in self.store and c.incident is None else 0
        self.combo.setCurrentIndex(max(0, idx))
        self.combo.blockSignals(False)
        self.action_revert.setEnabled(c.modified)
        if c.modified:
            self.combo.setToolTip(self.tr("“{name}” is modified: Save (Ctrl+S) keeps the changes, "
                                          "Revert goes back to the saved view").format(name=current))
        else:
            self.combo.setToolTip(self.tr("Switch to a saved view"))

    @property
    def marker_text(self) -> str:
        """What the switcher shows for the wall now (tests read it)."""
        return self.combo.currentText()

    def _on_combo(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name:
            self.open(name)
