"""The displays pane: every meeting display, online or offline, what it shows, and buttons to send to one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from controlroom.ui.api import text
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import (
    Display,
    DisplayContent,
    ShowCamera,
    ShowConference,
    ShowIncident,
    ShowView,
)

ONLINE = QColor("#4caf50")
OFFLINE = QColor("#8a929c")



def content_words(content: DisplayContent | None, camera_name: Callable[[str], str]) -> str:
    """What a display shows, in the operator's words."""
    if content is None:
        return QCoreApplication.translate("Displays", "nothing")
    if isinstance(content, ShowView):
        return QCoreApplication.translate("Displays", "view {name} ({n} tiles)").format(name=content.name, n=len(content.layout.cells))
    if isinstance(content, ShowCamera):
        return QCoreApplication.translate("Displays", "camera {name}").format(name=camera_name(content.camera_id))
    if isinstance(content, ShowConference):
        return QCoreApplication.translate("Displays", "meeting {room}").format(room=content.room_id)
    if isinstance(content, ShowIncident):
        return QCoreApplication.translate("Displays", "incident wall {title}").format(title=content.title or content.alert_id)
    return QCoreApplication.translate("Displays", "nothing")


def when_words(at: datetime | None) -> str:
    return at.astimezone().strftime("%H:%M:%S") if at is not None else ""


class DisplaysPane(QWidget):
    """The table of displays and the send buttons; the plugin fills it and acts on its signals."""

    #: send what the button says to the selected display: "view", "camera", "blank"
    send_requested = Signal(str, str)
    #: send a meeting (room id) or an incident wall (alert id) to the selected display
    send_room = Signal(str, str)
    send_alert = Signal(str, str)
    refresh_requested = Signal()

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displaysPane")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("displaysTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("Displays", "Display"), QCoreApplication.translate("Displays", "State"), QCoreApplication.translate("Displays", "Shows"), QCoreApplication.translate("Displays", "Sent by"), QCoreApplication.translate("Displays", "When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.send_view = QPushButton(QCoreApplication.translate("Displays", "Send view"), self)
        self.send_view.setObjectName("sendView")
        self.send_view.clicked.connect(lambda: self._emit("view"))
        self.send_camera = QPushButton(QCoreApplication.translate("Displays", "Send camera"), self)
        self.send_camera.setObjectName("sendCamera")
        self.send_camera.clicked.connect(lambda: self._emit("camera"))
        self.send_meeting = QToolButton(self)
        self.send_meeting.setObjectName("sendMeeting")
        self.send_meeting.setText(QCoreApplication.translate("Displays", "Send meeting"))
        self.send_meeting.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.meeting_menu = QMenu(self.send_meeting)
        self.send_meeting.setMenu(self.meeting_menu)
        self.send_incident = QToolButton(self)
        self.send_incident.setObjectName("sendIncident")
        self.send_incident.setText(QCoreApplication.translate("Displays", "Send incident wall"))
        self.send_incident.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.incident_menu = QMenu(self.send_incident)
        self.send_incident.setMenu(self.incident_menu)
        self.blank = QPushButton(QCoreApplication.translate("Displays", "Blank"), self)
        self.blank.setObjectName("sendBlank")
        self.blank.clicked.connect(lambda: self._emit("blank"))
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a929c;")

        buttons = QHBoxLayout()
        for b in (self.send_view, self.send_camera, self.send_meeting, self.send_incident, self.blank):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.note)

        #: set by the plugin: may the user push to this display? (yes, or no and why)
        self.may_push: Callable[[Display | None], tuple[bool, str]] = lambda _d: (False, "")
        #: set by the plugin: why "Send view" / "Send camera" cannot be used now ("" when they can)
        self.view_reason: Callable[[], str] = lambda: ""
        self.camera_reason: Callable[[], str] = lambda: ""
        self.displays: list[Display] = []
        self.update_buttons()

    # ------------------------------------------------------------------ rows

    def set_displays(self, displays: list[Display], camera_name: Callable[[str], str]) -> None:
        chosen = self.selected_name()
        self.displays = displays
        self.table.setRowCount(len(displays))
        for row, d in enumerate(displays):
            cells = [
                text.plain(d.name),
                QCoreApplication.translate("Displays", "online") if d.online else QCoreApplication.translate("Displays", "offline"),
                text.plain(content_words(d.showing, camera_name)),
                text.plain(d.sent_by or ""),
                when_words(d.sent_at),
            ]
            for col, words in enumerate(cells):
                item = QTableWidgetItem(words)
                if col == 1:
                    item.setForeground(ONLINE if d.online else OFFLINE)
                item.setToolTip(words)
                self.table.setItem(row, col, item)
            if d.name == chosen:
                self.table.selectRow(row)
        if chosen is None and displays and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.update_buttons()

    def selected(self) -> Display | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.displays[row] if 0 <= row < len(self.displays) else None

    def selected_name(self) -> str | None:
        d = self.selected()
        return d.name if d is not None else None

    def select(self, name: str) -> None:
        for row, d in enumerate(self.displays):
            if d.name == name:
                self.table.selectRow(row)

    # ------------------------------------------------------------------ buttons

    def update_buttons(self) -> None:
        """Each button on or off, and why in its tooltip."""
        d = self.selected()
        allowed, why = self.may_push(d)
        if allowed and d is None:
            allowed, why = False, QCoreApplication.translate("Displays", "Choose a display in the list first.")
        if allowed and d is not None and not d.online:
            allowed, why = False, QCoreApplication.translate("Displays", "{name} is offline: it has not been heard from.").format(name=d.name)
        tips = {
            self.send_view: (QCoreApplication.translate("Displays", "Send the wall's current view to the chosen display"), self.view_reason()),
            self.send_camera: (QCoreApplication.translate("Displays", "Send the selected tile's camera to the chosen display"), self.camera_reason()),
            self.send_meeting: (QCoreApplication.translate("Displays", "Send a meeting's participants to the chosen display"), ""),
            self.send_incident: (QCoreApplication.translate("Displays", "Send an alert's cameras as an incident wall to the chosen display"), ""),
            self.blank: (QCoreApplication.translate("Displays", "Clear the chosen display: it shows what it waits for"), ""),
        }
        for button, (tip, reason) in tips.items():
            reason = why if not allowed else reason
            button.setEnabled(not reason)
            button.setToolTip(reason or tip)
        self.note.setText("" if allowed else why)

    def _emit(self, what: str) -> None:
        name = self.selected_name()
        if name is not None:
            self.send_requested.emit(name, what)

    def fill_menus(self, rooms: list[tuple[str, str]], alerts: list[tuple[str, str]]) -> None:
        """(id, words) of the meetings in session and of the recent alerts with cameras."""
        for menu, items, signal, empty in (
            (self.meeting_menu, rooms, self.send_room, QCoreApplication.translate("Displays", "No meeting in session")),
            (self.incident_menu, alerts, self.send_alert, QCoreApplication.translate("Displays", "No recent alert with cameras")),
        ):
            menu.clear()
            for item_id, words in items:
                act = menu.addAction(text.plain(words).replace("&", "&&"))
                act.triggered.connect(lambda _=False, i=item_id, s=signal: self._emit_item(s, i))
            if not items:
                menu.addAction(empty).setEnabled(False)

    def _emit_item(self, signal: object, item_id: str) -> None:
        name = self.selected_name()
        if name is not None:
            signal.emit(name, item_id)  # type: ignore[attr-defined]
