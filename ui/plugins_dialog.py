"""The Plugins dialog: every plugin found, its state (and why it failed), and a switch for each.

Switches apply at once: turning a plugin off stops it and removes its panes
now; turning it on starts it now (a failed one is retried). The choice is
kept in the settings for the next start.
"""

from __future__ import annotations

from controlroom.ui import theme
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controlroom.plugins_loader import PluginManager, PluginRecord, PluginState

COL_ENABLED, COL_TITLE, COL_VERSION, COL_STATE, COL_SOURCE = range(5)
NameRole = Qt.ItemDataRole.UserRole + 1


class PluginsDialog(QDialog):
    """Lists the manager's plugins; a check box per plugin turns it on or off at once."""

    def __init__(self, manager: PluginManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.setWindowTitle(self.tr("Plugins"))
        self.resize(820, 360)

        self.note = QLabel(self.tr(
            "Changes apply at once: turning a plugin off closes its panes now, turning it on "
            "starts it now (a failed plugin is tried again). ControlRoom remembers the choice."
        ))
        self.note.setWordWrap(True)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("On"), self.tr("Plugin"), self.tr("Version"), self.tr("State"), self.tr("Provided by"),
        ])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ENABLED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VERSION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self._unsubscribe = manager.on_change(lambda _name: self.refresh())
        self.finished.connect(lambda _r: self._unsubscribe())
        self.refresh()

    def state_text(self, rec: PluginRecord) -> str:
        if rec.state == PluginState.LOADED:
            return self.tr("Running")
        if rec.state == PluginState.DISABLED:
            return self.tr("Turned off")
        if rec.state == PluginState.FAILED:
            return self.tr("Failed: {reason}").format(reason=rec.reason)
        if rec.state == PluginState.UNAVAILABLE:
            return self.tr("Not available: {reason}").format(reason=rec.reason)
        return self.tr("Not running")

    def row_of(self, name: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_ENABLED)
            if item is not None and item.data(NameRole) == name:
                return row
        return -1

    def refresh(self) -> None:
        # Items are updated in place, never replaced: this runs inside the
        # itemChanged signal of the check box that was just clicked.
        blocker = QSignalBlocker(self.table)
        records = sorted(self.manager.records.values(), key=lambda r: r.title.casefold())
        self.table.setRowCount(len(records))
        for row, rec in enumerate(records):
            enabled, title, version, state, source = (self._item(row, col) for col in range(5))
            enabled.setData(NameRole, rec.name)
            enabled.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            enabled.setCheckState(Qt.CheckState.Checked if self.manager.is_enabled(rec.name)
                                  else Qt.CheckState.Unchecked)
            enabled.setToolTip(self.tr("Turn “{name}” on or off").format(name=rec.name))
            title.setText(self.tr("{title} ({name})").format(title=rec.title, name=rec.name)
                          if rec.title != rec.name else rec.name)
            title.setToolTip(rec.target)
            version.setText(rec.version or "–")
            state.setText(self.state_text(rec))
            tips = [*rec.problems, rec.detail] if rec.detail else [*rec.problems]
            state.setToolTip("\n".join(tips) or self.state_text(rec))
            failed = rec.state == PluginState.FAILED
            state.setForeground(theme.OFFLINE if failed else self.palette().text().color())
            source.setText(rec.distribution or "–")
        self.table.resizeRowsToContents()
        del blocker

    def _item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            if col != COL_ENABLED:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, col, item)
        return item

    def set_enabled(self, name: str, enabled: bool) -> None:
        """What ticking the box does (tests call it too)."""
        self.manager.set_enabled(name, enabled)
        self.refresh()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_ENABLED:
            return
        name = item.data(NameRole)
        if name in self.manager.records:
            self.set_enabled(name, item.checkState() == Qt.CheckState.Checked)
