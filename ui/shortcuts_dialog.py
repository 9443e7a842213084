"""Help → Keyboard shortcuts: the list generated from the window's own actions, so it cannot drift.

Every ``QAction`` the window holds (its menus, toolbars, the window itself,
and whatever plugins added through their context) that has a shortcut is one
row: what it does, its keys, and where it is in the menus. Nothing here is
written by hand: an action added, renamed or given another key shows up as
it is. ``clashes`` finds two actions that share a key (Qt would then run
neither: "ambiguous shortcut"); a test keeps that list empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutRow:
    """One action with its keys, in the operator's words."""

    action: QAction
    text: str
    keys: tuple[str, ...]  # native text ("Ctrl+Shift+S"), one per shortcut of the action
    where: str  # "Wall › Layout", or "" for an action of the window itself


def plain_text(text: str) -> str:
    """A menu text without its mnemonic: "&Quit" reads "Quit", "退出(&Q)" reads "退出" ("&&" stays "&")."""
    text = re.sub(r"\s*\(&[^&)]\)", "", text)
    return re.sub(r"&(.)", r"\1", text).rstrip()


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of ``window``: its own, its children's, its menus' and toolbars', each once."""
    seen: dict[int, QAction] = {}

    def add(action: QAction) -> None:
        if id(action) in seen:
            return
        seen[id(action)] = action
        menu = action.menu()
        if isinstance(menu, QMenu):
            for a in menu.actions():
                add(a)

    # the menus first, depth first: the list reads in the order the menus do
    if isinstance(window, QMainWindow):
        for a in window.menuBar().actions():
            add(a)
    for a in window.actions():
        add(a)
    for w in window.findChildren(QWidget):
        for a in w.actions():
            add(a)
    for a in window.findChildren(QAction):
        add(a)
    return list(seen.values())


def _menu_path(action: QAction) -> str:
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu):
            names = []
            menu: QMenu | None = obj
            while menu is not None:
                names.append(plain_text(menu.title()))
                menu_action = menu.menuAction()
                parent = next((o for o in menu_action.associatedObjects() if isinstance(o, QMenu) and o is not menu), None)
                menu = parent
            return " › ".join(reversed([n for n in names if n]))
    return ""


def shortcut_rows(window: QWidget) -> list[ShortcutRow]:
    """The actions of ``window`` that have a shortcut, in menu order."""
    rows = []
    for action in window_actions(window):
        keys = tuple(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty())
        if not keys:
            continue
        text = plain_text(action.text()) or plain_text(action.toolTip())
        rows.append(ShortcutRow(action, text, keys, _menu_path(action)))
    # grouped by menu, the menus in menu-bar order, each in its own order; window-only actions last
    first_seen: dict[str, int] = {}
    for i, r in enumerate(rows):
        first_seen.setdefault(r.where, i)
    rows.sort(key=lambda r: (r.where == "", first_seen[r.where]))
    return rows


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Keys that two or more actions of ``window`` share (enabled or not): key -> their texts."""
    by_key: dict[str, list[str]] = {}
    for row in shortcut_rows(window):
        for key in row.keys:
            by_key.setdefault(key, []).append(row.text)
    return {k: texts for k, texts in by_key.items() if len(texts) > 1}


class ShortcutsDialog(QDialog):
    """A searchable table: action, keys, menu."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 560)
        self.rows = shortcut_rows(window)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Menu")])
        for row in self.rows:
            items = [QStandardItem(row.text), QStandardItem(", ".join(row.keys)), QStandardItem(row.where)]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # any column: "wall", "ctrl+1", "tour"
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search actions or keys"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def texts(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (action, keys, menu)."""
        m = self.proxy
        return [tuple(m.index(r, c).data() for c in range(3)) for r in range(m.rowCount())]  # type: ignore[misc]
