"""What the alerts pane shows outside its dock: the status-bar badge and two small pop-ups.

- ``AlertBadge``: "3 new · 41 open" in the status bar; coloured (and with
  the severity's shape) while something is unread; a click opens the pane.
- ``CriticalNotice``: a small non-modal pop-up in the window's top-right
  corner for a critical alert (patrol SOS): it takes no focus, so the
  operator's typing is never interrupted, and stays until dismissed or the
  alert is acknowledged (by anyone). Its buttons act on the alert it shows,
  and only then: when that one is acknowledged the next waiting one is
  shown in full, and with none left the pop-up closes.
- ``Toast``: a short-lived note over the window ("on the wall: tile 1 …").

Neither lands on a screen that presents (the wall without chrome, a meeting
display: ``controlroom.ui.presenting``): a critical notice waits, and shows
when the presentation ends; a toast is dropped.

All text is plain text: names and messages come from the platform.
"""

from __future__ import annotations

from controlroom.plugins.alerts.widgets import words
from controlroom.ui.api import gate, presenting
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.api.schema import Alert, Severity

_POPUP_FLAGS = (Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                | Qt.WindowType.WindowDoesNotAcceptFocus | Qt.WindowType.WindowStaysOnTopHint)


class AlertBadge(QToolButton):
    """The status-bar badge: unread and open counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsBadge")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.set_counts(0, 0, None)

    def set_counts(self, unread: int, open_: int, worst_unread: Severity | None) -> None:
        if unread:
            self.setText(self.tr("Alerts: {unread} new · {open} open").format(unread=f"{unread:,}", open=f"{open_:,}"))
        else:
            self.setText(self.tr("Alerts: {open} open").format(open=f"{open_:,}"))
        if unread and worst_unread is not None:
            colour = words.COLOURS[worst_unread]
            self.setIcon(words.severity_icon(worst_unread))
            self.setStyleSheet(
                f"QToolButton {{ color: {colour.name()}; font-weight: bold; border: 1px solid {colour.name()};"
                " border-radius: 3px; padding: 0 6px; }")
        else:
            self.setIcon(QIcon())
            self.setStyleSheet("QToolButton { padding: 0 6px; }")
        self.setToolTip(self.tr("Open the alerts pane"))


class CriticalNotice(QFrame):
    """The pop-up for critical alerts: the newest one, and how many more are waiting."""

    show_requested = Signal(str)
    acknowledge_requested = Signal(str)
    dismissed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, _POPUP_FLAGS)
        self.setObjectName("alertsCriticalNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        colour = words.COLOURS[Severity.CRITICAL].name()
        self.setStyleSheet(
            f"#alertsCriticalNotice {{ background: #2a1d1e; border: 2px solid {colour}; border-radius: 4px; }}"
            f" QLabel#alertsNoticeTitle {{ color: {colour}; font-weight: bold; }}")
        self.alert_ids: list[str] = []  # newest first
        self._alerts: dict[str, tuple[Alert, str]] = {}  # what each one says (alert, place)
        self._can_show = self._can_acknowledge = True
        self._show_reason = self._acknowledge_reason = ""
        #: a critical alert came while a presenting window covered the notice's place
        self.held = False
        self.icon = QLabel(self)
        self.icon.setPixmap(words.severity_pixmap(Severity.CRITICAL, 22))
        self.title = QLabel(self)
        self.title.setObjectName("alertsNoticeTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(320)
        self.text.setMaximumWidth(420)
        self.more = QLabel(self)
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.wall_button = QPushButton(self.tr("Show on wall"), self)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        for b in (self.wall_button, self.ack_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wall_button.clicked.connect(lambda: self.alert_ids and self.show_requested.emit(self.alert_ids[0]))
        self.ack_button.clicked.connect(lambda: self.alert_ids and self.acknowledge_requested.emit(self.alert_ids[0]))
        self.close_button.clicked.connect(self.dismiss)

        head = QHBoxLayout()
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more, 1)
        buttons.addWidget(self.wall_button)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        presenting.hub().changed.connect(self._reveal)
        self._update_buttons()

    def set_actions(self, *, can_show: bool, show_reason: str, can_acknowledge: bool, acknowledge_reason: str) -> None:
        self._can_show, self._can_acknowledge = can_show, can_acknowledge
        self._show_reason, self._acknowledge_reason = show_reason, acknowledge_reason
        self._update_buttons()

    def _update_buttons(self) -> None:
        # the buttons act on the alert shown: none shown, nothing to act on; what the role or
        # the platform forbids is off and says why (controlroom.permissions)
        shown = bool(self.alert_ids) and self.alert_ids[0] in self._alerts
        gate(self.wall_button, None if self._can_show else self._show_reason, enabled=shown)
        gate(self.ack_button, None if self._can_acknowledge else self._acknowledge_reason, enabled=shown)

    def notify(self, alert: Alert, place: str) -> None:
        """Show ``alert`` (the newest critical one) on top."""
        if alert.id in self.alert_ids:
            self.alert_ids.remove(alert.id)
        self.alert_ids.insert(0, alert.id)
        self._alerts[alert.id] = (alert, place)
        self._show_first()
        self._reveal()

    def _show_first(self) -> None:
        alert, place = self._alerts[self.alert_ids[0]]
        self.title.setText(f"{words.severity_text(alert.severity)} · {words.kind_text(alert.kind)}"
                           f" · {words.when_text(alert.raised_at)}")
        self.text.setText("\n".join(x for x in (place, alert.message) if x))
        self._show_more()
        self._update_buttons()

    def _reveal(self) -> None:
        """Show the pop-up where it belongs, unless a presenting window is there: then it waits."""
        if not self.alert_ids:
            self.held = False
            self.hide()
            return
        self.adjustSize()
        self._place()
        self.held = presenting.covers(self.frameGeometry().center())
        if self.held:
            self.hide()
        else:
            self.show()

    def forget(self, alert_id: str) -> None:
        """That alert was acknowledged: drop it; show the next one in full, or close when none is left."""
        self._alerts.pop(alert_id, None)
        if alert_id not in self.alert_ids:
            return
        first = self.alert_ids[0] == alert_id
        self.alert_ids.remove(alert_id)
        if not self.alert_ids:
            self.held = False
            self.hide()
            self._update_buttons()
        elif first:
            self._show_first()
            if self.isVisible():
                self.adjustSize()
                self._place()
        else:
            self._show_more()

    def _show_more(self) -> None:
        n = len(self.alert_ids) - 1
        self.more.setText(self.tr("{n} more critical").format(n=n) if n > 0 else "")

    def dismiss(self) -> None:
        self.alert_ids.clear()
        self._alerts.clear()
        self.held = False
        self.hide()
        self._update_buttons()
        self.dismissed.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        top_right = parent.mapToGlobal(QPoint(parent.width(), 0))
        self.move(top_right.x() - self.width() - 24, top_right.y() + 56)


class Toast(QLabel):
    """A note over the window that goes away by itself."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, _POPUP_FLAGS)
        self.setObjectName("alertsToast")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("#alertsToast { background: #262b31; color: #e8ebee; border: 1px solid #3d6f9e;"
                           " border-radius: 4px; padding: 8px 14px; }")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def flash(self, text: str, ms: int = 3000) -> None:
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            centre = parent.mapToGlobal(QPoint(parent.width() // 2, 0))
            self.move(centre.x() - self.width() // 2, centre.y() + 64)
        if presenting.covers(self.frameGeometry().center()):
            return  # a note for the operator, not for the audience of a meeting display
        self.show()
        self._timer.start(ms)
