"""The conference dock: the platform's rooms, join and leave, the roster, hand, mute, meeting display.

A view only: it shows what it is given (``show_rooms``, ``show_roster``) and
asks for actions through its signals; the plugin talks to the platform.
Names come from the platform: list and tree items are plain text by nature,
labels are set to plain text.
"""

from __future__ import annotations

from collections.abc import Collection

from controlroom.ui.api import gate
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import ConferenceRoom, User
from controlroom.backends.base import Capability
from controlroom.permissions import Action, denied
from controlroom.textsafe import display_name

from .tile import SPEAKER

ROLE_ID = Qt.ItemDataRole.UserRole
COL_NAME, COL_MIC, COL_HAND, COL_SITE = range(4)


class ConferencePane(QWidget):
    join_requested = Signal(str)  # room id
    leave_requested = Signal()
    hand_requested = Signal(bool)  # raise (True) or lower
    mute_requested = Signal(str, bool)  # participant id, muted
    display_requested = Signal(object)  # QScreen
    windowed_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conferencePane")
        self.joined_room: str | None = None
        self.me: str | None = None
        #: who we are and what the platform offers: what the buttons may do (controlroom.permissions)
        self.user: User | None = None
        self.capabilities: Collection[Capability] | None = None
        self.chair: str | None = None  # the joined room's chair (None: the platform does not say)
        self._hand_raised = False

        # ---- rooms
        self.rooms = QListWidget(self)
        self.rooms.setObjectName("conferenceRooms")
        self.rooms.setMaximumHeight(120)  # a county has a handful of rooms; the roster gets the room
        self.rooms.itemSelectionChanged.connect(self._update_buttons)
        self.rooms.itemDoubleClicked.connect(lambda _item: self._join())
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.clicked.connect(self._join)
        self.leave_button = QPushButton(self.tr("Leave"), self)
        self.leave_button.clicked.connect(self.leave_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.leave_button)
        rooms_box = QGroupBox(self.tr("Meeting rooms"), self)
        rooms_layout = QVBoxLayout(rooms_box)
        rooms_layout.addWidget(self.rooms)
        rooms_layout.addLayout(buttons)

        # ---- roster
        self.joined_label = QLabel(self)
        self.joined_label.setTextFormat(Qt.TextFormat.PlainText)
        self.joined_label.setWordWrap(True)
        self.roster = QTreeWidget(self)
        self.roster.setObjectName("conferenceRoster")
        self.roster.setRootIsDecorated(False)
        self.roster.setHeaderLabels([self.tr("Participant"), self.tr("Microphone"), self.tr("Hand"), self.tr("Site")])
        header = self.roster.header()
        header.setStretchLastSection(True)
        for col in (COL_NAME, COL_MIC, COL_HAND):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        self.hand_button = QPushButton(self.tr("Raise hand"), self)
        self.hand_button.clicked.connect(lambda: self.hand_requested.emit(not self._hand_raised))
        # a toggle: checked while its participant is muted (the selected one, else this desk)
        self.mute_button = QPushButton(self.tr("Mute"), self)
        self.mute_button.setCheckable(True)
        self.mute_button.clicked.connect(self._mute)
        actions = QHBoxLayout()
        actions.addWidget(self.hand_button)
        actions.addWidget(self.mute_button)
        roster_box = QGroupBox(self.tr("In the meeting"), self)
        roster_layout = QVBoxLayout(roster_box)
        roster_layout.addWidget(self.joined_label)
        roster_layout.addWidget(self.roster, 1)
        roster_layout.addLayout(actions)

        # ---- meeting display
        self.screens = QComboBox(self)
        self.screens.setObjectName("conferenceScreens")
        self.display_button = QPushButton(self.tr("Show on meeting display"), self)
        self.display_button.clicked.connect(self._show_on_display)
        self.display_button.setToolTip(self.tr("Full screen on the chosen screen; Esc there brings it back to a window"))
        self.windowed_button = QPushButton(self.tr("Back to a window"), self)
        self.windowed_button.clicked.connect(self.windowed_requested)
        display_box = QGroupBox(self.tr("Meeting display"), self)
        display_layout = QVBoxLayout(display_box)
        display_layout.addWidget(self.screens)
        display_row = QHBoxLayout()
        display_row.addWidget(self.display_button)
        display_row.addWidget(self.windowed_button)
        display_layout.addLayout(display_row)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setObjectName("conferenceMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(rooms_box)
        layout.addWidget(roster_box, 1)
        layout.addWidget(display_box)
        layout.addWidget(self.message)

        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(lambda _s: self.refresh_screens())
            app.screenRemoved.connect(lambda _s: self.refresh_screens())
        self.refresh_screens()
        self.show_roster(None, None, {})

    # ------------------------------------------------------------------ rooms

    def show_rooms(self, rooms: list[ConferenceRoom]) -> None:
        selected = self.selected_room()
        self.rooms.clear()
        for room in rooms:
            n = len(room.participants)
            if room.active:
                text = self.tr("{name} · {n} participants").format(name=display_name(room.name), n=n)
            else:
                text = self.tr("{name} · not in session").format(name=display_name(room.name))
            if room.id == self.joined_room:
                text = self.tr("{room} — joined").format(room=text)
            item = QListWidgetItem(text)
            item.setData(ROLE_ID, room.id)
            item.setData(ROLE_ID + 1, room.active)
            if not room.active:
                item.setForeground(QBrush(QColor("#7c848d")))
            self.rooms.addItem(item)
            if room.id == (selected or self.joined_room):
                item.setSelected(True)
                self.rooms.setCurrentItem(item)
        self._update_buttons()

    def selected_room(self) -> str | None:
        items = self.rooms.selectedItems()
        return items[0].data(ROLE_ID) if items else None

    def select_room(self, room_id: str) -> None:
        for i in range(self.rooms.count()):
            item = self.rooms.item(i)
            if item.data(ROLE_ID) == room_id:
                self.rooms.setCurrentItem(item)
                item.setSelected(True)

    def _join(self) -> None:
        room = self.selected_room()
        if room is not None and self.join_button.isEnabled():
            self.join_requested.emit(room)

    # ------------------------------------------------------------------ roster

    def show_roster(self, room: ConferenceRoom | None, me: str | None, sites: dict[str, str]) -> None:
        """The joined room's participants (None: not in a meeting); ``sites`` maps site id to name."""
        self.joined_room = room.id if room is not None else None
        self.me = me
        self.chair = room.chair if room is not None else None
        selected = self.selected_participant()
        self.roster.clear()
        if room is None:
            self.joined_label.setText(self.tr("Not in a meeting. Pick a room and join."))
            self._hand_raised = False
            self._update_buttons()
            return
        self.joined_label.setText(self.tr("In: {room}").format(room=room.name))
        bold = QFont(self.roster.font())
        bold.setBold(True)
        for p in room.participants:
            name = display_name(p.name) if p.id != me else self.tr("{name} (you)").format(name=display_name(p.name))
            if p.speaking:
                mic = self.tr("Speaking")
            else:
                mic = self.tr("Muted") if p.muted else self.tr("On")
            item = QTreeWidgetItem([name, mic, self.tr("Raised") if p.hand_raised else "",
                                    sites.get(p.site_id or "", "")])
            item.setData(COL_NAME, ROLE_ID, p.id)
            item.setData(COL_NAME, ROLE_ID + 1, p.muted)
            if p.speaking:
                for col in range(4):
                    item.setFont(col, bold)
                item.setForeground(COL_MIC, QBrush(SPEAKER))
            if p.hand_raised:
                item.setForeground(COL_HAND, QBrush(SPEAKER))
            self.roster.addTopLevelItem(item)
            if p.id == selected:
                item.setSelected(True)
        mine = next((p for p in room.participants if p.id == me), None)
        self._hand_raised = bool(mine and mine.hand_raised)
        self._update_buttons()

    def participant_item(self, participant_id: str) -> QTreeWidgetItem | None:
        for i in range(self.roster.topLevelItemCount()):
            item = self.roster.topLevelItem(i)
            if item.data(COL_NAME, ROLE_ID) == participant_id:
                return item
        return None

    def selected_participant(self) -> str | None:
        items = self.roster.selectedItems()
        return items[0].data(COL_NAME, ROLE_ID) if items else None

    def mute_target(self) -> str | None:
        """Whom Mute/Unmute acts on: the selected participant, else this desk itself."""
        items = self.roster.selectedItems()
        if items:
            return str(items[0].data(COL_NAME, ROLE_ID))
        if self.me is not None and self.participant_item(self.me) is not None:
            return self.me
        return None

    def _target_muted(self, target: str | None) -> bool:
        item = self.participant_item(target) if target is not None else None
        return bool(item is not None and item.data(COL_NAME, ROLE_ID + 1))

    def _mute(self) -> None:
        target = self.mute_target()
        muted = self._target_muted(target)
        # the button shows what the platform says, not what was clicked: its events bring the change
        self.mute_button.setChecked(muted)
        if target is not None:
            self.mute_requested.emit(target, not muted)

    # ------------------------------------------------------------------ screens

    def refresh_screens(self) -> None:
        """List the screens that exist now (one under Xvfb, several in a meeting room)."""
        current = self.screens.currentData()
        self.screens.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            g = screen.geometry()
            label = self.tr("Screen {n}: {name} ({w}×{h})").format(
                n=i + 1, name=screen.name() or "?", w=g.width(), h=g.height())
            self.screens.addItem(label, screen.name())
        index = self.screens.findData(current)
        if index >= 0:
            self.screens.setCurrentIndex(index)
        elif self.screens.count() > 1:
            self.screens.setCurrentIndex(self.screens.count() - 1)  # a projector is usually the last
        self._update_buttons()

    def select_screen(self, name: str) -> bool:
        index = self.screens.findData(name)
        if index >= 0:
            self.screens.setCurrentIndex(index)
        return index >= 0

    def chosen_screen(self) -> QScreen | None:
        name = self.screens.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), None)

    def _show_on_display(self) -> None:
        screen = self.chosen_screen()
        if screen is not None:
            self.display_requested.emit(screen)

    # ------------------------------------------------------------------ state

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def _update_buttons(self) -> None:
        joined = self.joined_room is not None
        items = self.rooms.selectedItems()
        room, active = (items[0].data(ROLE_ID), bool(items[0].data(ROLE_ID + 1))) if items else (None, False)
        self.join_button.setEnabled(room is not None and active and room != self.joined_room)
        self.join_button.setToolTip("" if active or room is None else self.tr("This meeting is not in session."))
        self.leave_button.setEnabled(joined)
        self.hand_button.setText(self.tr("Lower hand") if self._hand_raised else self.tr("Raise hand"))
        # the platform decides; this only greys out what it would refuse, and says why
        gate(self.hand_button, denied(self.user, self.capabilities, Action.RAISE_HAND),
             self.tr("Ask the chair for the floor"), enabled=joined and self.me is not None)
        target = self.mute_target() if joined else None
        muted = self._target_muted(target)
        own = target is not None and target == self.me
        reason = denied(self.user, self.capabilities, Action.MUTE_SELF if own else Action.MUTE_OTHERS,
                        chair=self.chair)
        tip = (self.tr("Your own microphone (select a participant for theirs)") if own
               else self.tr("The selected participant's microphone"))
        gate(self.mute_button, reason, tip, enabled=target is not None)
        self.mute_button.setChecked(muted)
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.display_button.setEnabled(joined and self.screens.count() > 0)
        self.windowed_button.setEnabled(joined)
