"""Display mode: ``controlroom display --name NAME`` runs a meeting display.

A machine behind the big screen of a meeting room or a control-room wall: it
logs in by itself (environment or keyring, never a dialog), registers with the
platform as display NAME, and shows, full screen and with no chrome, whatever a
dispatcher (or the presenter logged in at it) sends: a view, a camera, an
alert's incident wall or a conference room's participants. Nobody sits at it:
it needs no keyboard, hides the mouse pointer, and comes back by itself after
a network loss or a platform restart (the session recovers its login and
event stream; tiles ask for fresh stream tickets; the heartbeat registers the
display again and tells a restarted platform what it shows). When it has
nothing to show it says, in big letters, what it is waiting for.

``DisplayWindow`` is the picture; ``DisplayRunner`` the life of the display
(log in, load, register, follow commands), a coroutine on qasync's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from controlroom.ui import presenting
from controlroom.ui.wall.wall_view import WallPane
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QFont, QResizeEvent, QScreen
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from controlroom import credentials
from controlroom import displays as core
from controlroom.api import errors
from controlroom.api.schema import (
    ConferenceEvent,
    ConferenceRoom,
    DisplayContent,
    Event,
    ShowBlank,
    ShowConference,
    ShowIncident,
)
from controlroom.session import ConnectionState, Session
from controlroom.wall.layouts import LayoutError
from controlroom.wall.views import View

log = logging.getLogger("controlroom.ui.display")

BACKGROUND = "#000000"
#: seconds between login attempts while the platform does not answer, at most
RETRY_CAP = 10.0
#: seconds between attempts when the login is refused (the throttle allows 5 a minute)
REFUSED_RETRY = 30.0

ENV_URL = "CONTROLROOM_URL"
ENV_USER = "CONTROLROOM_USER"
ENV_PASSWORD = "CONTROLROOM_PASSWORD"
ENV_NAME = "CONTROLROOM_DISPLAY_NAME"



def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.rsplit("@", 1)[-1] or url[:80]


class WaitingPage(QWidget):
    """What the display waits for, in letters readable from the back of a meeting room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayWaiting")
        self.setStyleSheet(f"#displayWaiting {{ background: {BACKGROUND}; }}")
        self.headline = QLabel(self)
        self.headline.setObjectName("displayHeadline")
        self.detail = QLabel(self)
        self.detail.setObjectName("displayDetail")
        for label, colour in ((self.headline, "#e8ecef"), (self.detail, "#8b949e")):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and platform words are anyone's text
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(f"color: {colour};")
        box = QVBoxLayout(self)
        box.setContentsMargins(60, 60, 60, 60)
        box.addStretch(3)
        box.addWidget(self.headline)
        box.addSpacing(30)
        box.addWidget(self.detail)
        box.addStretch(4)
        self._fit()

    def set_text(self, headline: str, detail: str = "") -> None:
        self.headline.setText(headline)
        self.detail.setText(detail[:500])
        self.detail.setVisible(bool(detail))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # big letters: a twentieth of the screen's height for the headline
        h = max(self.height(), 240)
        big, small = QFont(self.headline.font()), QFont(self.detail.font())
        big.setPixelSize(max(24, h // 20))
        big.setBold(True)
        small.setPixelSize(max(14, h // 45))
        self.headline.setFont(big)
        self.detail.setFont(small)


class DisplayWindow(QWidget):
    """The display's one window: full screen, no chrome, black; a waiting page or a wall."""

    def __init__(self, session: Session, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("displayWindow")
        self.setWindowTitle(QCoreApplication.translate("Display", "ControlRoom display — {name}").format(name=name))
        self.setStyleSheet(f"#displayWindow {{ background: {BACKGROUND}; }}")
        self.setCursor(Qt.CursorShape.BlankCursor)  # nobody points at a meeting display
        self.name = name
        self.session = session
        self.waiting = WaitingPage(self)
        self.caption = QLabel(self)
        self.caption.setObjectName("displayCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet("#displayCaption { background: #1b1f24; color: #f0d8c8; padding: 6px 14px;"
                                   " font-size: 22px; font-weight: 600; }")
        self.caption.hide()
        self.pane = WallPane(session, self)
        self.pane.incident_bar.hide()
        self.wall_page = QWidget(self)
        wall_box = QVBoxLayout(self.wall_page)
        wall_box.setContentsMargins(0, 0, 0, 0)
        wall_box.setSpacing(0)
        wall_box.addWidget(self.caption)
        wall_box.addWidget(self.pane, 1)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self.wall_page)
        self.showing_wall = False
        self.set_waiting(QCoreApplication.translate("Display", "Starting…"))

    # ------------------------------------------------------------------ pages

    def set_waiting(self, headline: str, detail: str = "") -> None:
        self.waiting.set_text(headline, detail)
        self.stack.setCurrentWidget(self.waiting)
        if self.showing_wall:
            self.showing_wall = False
            self.pane.controller.load_view(View(self.name, self.pane.controller.layout, {}))

    def show_wall(self, view: View, caption: str = "") -> None:
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.pane.load_view(view)
        self.pane.controller.select(None)  # no selection frame: nobody operates a display
        self.stack.setCurrentWidget(self.wall_page)
        self.showing_wall = True

    # ------------------------------------------------------------------ screen

    def present(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (the primary one by default): the window's geometry is set to
        the screen's too, where no window manager applies the full-screen state (kiosks, Xvfb)."""
        screen = screen or self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        presenting.set_presenting(self, True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pane.shutdown()
        presenting.set_presenting(self, False)
        super().closeEvent(event)


@dataclass
class Login:
    """Where and as whom the display logs in; the password is looked up at every attempt."""

    url: str
    username: str
    password: str | None = None  # None: CONTROLROOM_PASSWORD, else the keyring

    def secret(self) -> str | None:
        if self.password:
            return self.password
        env = os.environ.get(ENV_PASSWORD)
        if env:
            return env
        return credentials.load_password(self.url, self.username)


class DisplayRunner:
    """The life of a display: log in (retrying), load, register, follow what it is sent."""

    def __init__(self, login: Login, name: str, *, verify: bool | str = True, screen: QScreen | None = None,
                 window: bool = True, heartbeat: float | None = None) -> None:
        self.login = login
        self.name = core.check_name(name)
        self.session = Session(login.url, verify=verify)
        self.window = DisplayWindow(self.session, self.name)
        self.screen = screen
        self.heartbeat = heartbeat
        self.agent: core.DisplayAgent | None = None
        self.content: DisplayContent | None = None
        self.sent_by: str | None = None
        self.room: ConferenceRoom | None = None
        self.shown = 0  # commands shown (tests, diagnostics)
        self._joined: str | None = None
        self._unsubscribe: list[Callable[[], None]] = []
        self._busy: asyncio.Task[None] | None = None
        if window:
            self.window.present(screen)

    @property
    def host(self) -> str:
        return host_of(self.login.url)

    # ------------------------------------------------------------------ run

    async def run(self) -> None:
        """Until cancelled: nothing here ends by itself."""
        try:
            await self._log_in()
            await self._load()
            self.session.start_events()
            if self.session.client is None:
                self.window.set_waiting(QCoreApplication.translate("Display", "This platform has no meeting displays"),
                                        QCoreApplication.translate("Display", "Meeting displays need a ControlRoom platform (API v1)."))
                await asyncio.Event().wait()
            self.agent = core.DisplayAgent(self.session.client, self.name, interval=self.heartbeat)
            self._unsubscribe += [
                self.session.on_events(self._on_events),
                self.session.on_state(self._on_session_state),
                self.agent.on_show(self._on_show),
                self.agent.on_state(lambda *_: self._say_waiting()),
            ]
            self._say_waiting()
            self.agent.start()
            await asyncio.Event().wait()
        finally:
            await self.close()

    async def close(self) -> None:
        if self._busy is not None:
            self._busy.cancel()
            await asyncio.gather(self._busy, return_exceptions=True)
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self.agent is not None:
            await self.agent.stop()
        await self._leave_room()
        self.window.pane.shutdown()
        self.window.close()
        with contextlib.suppress(Exception):
            await self.session.close()

    async def _log_in(self) -> None:
        delay = 1.0
        while True:
            secret = self.login.secret()
            if not secret:
                self.window.set_waiting(
                    QCoreApplication.translate("Display", "Waiting for a password for {user}").format(user=self.login.username),
                    QCoreApplication.translate("Display", "Set CONTROLROOM_PASSWORD, or store the password in the keyring "
                        "(service ControlRoom, entry {entry}).").format(
                        entry=f"{self.login.username}@{self.login.url.rstrip('/')}"))
                await asyncio.sleep(REFUSED_RETRY)
                continue
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform at {host}").format(host=self.host),
                                    QCoreApplication.translate("Display", "Logging in as {user}…").format(user=self.login.username))
            try:
                await self.session.login(self.login.username, secret)
                return
            except (errors.AuthError, errors.ForbiddenError, errors.ThrottledError) as exc:
                self.window.set_waiting(
                    QCoreApplication.translate("Display", "Waiting for a login the platform at {host} accepts").format(host=self.host),
                    QCoreApplication.translate("Display", "{user}: {error}").format(user=self.login.username, error=exc))
                await asyncio.sleep(max(REFUSED_RETRY, exc.retry_after or 0))
            except errors.PlatformError as exc:
                self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform at {host}").format(host=self.host), str(exc))
                await asyncio.sleep(delay)
                delay = min(RETRY_CAP, delay * 2)

    async def _load(self) -> None:
        delay = 1.0
        while True:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform at {host}").format(host=self.host),
                                    QCoreApplication.translate("Display", "Loading the cameras…"))
            try:
                await self.session.load_inventory()
                return
            except errors.PlatformError as exc:
                self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform at {host}").format(host=self.host), str(exc))
                await asyncio.sleep(delay)
                delay = min(RETRY_CAP, delay * 2)

    # ------------------------------------------------------------------ following

    def _on_session_state(self, state: ConnectionState, _detail: str) -> None:
        if state is ConnectionState.CONNECTED and self.agent is not None:
            self.agent.beat_now()  # back after an outage: the platform may have restarted
        self._say_waiting()

    def _say_waiting(self) -> None:
        """The waiting page's words, when nothing is shown."""
        if self.window.showing_wall:
            return
        agent = self.agent
        if isinstance(self.content, ShowConference):
            room = self.room.name if self.room is not None else self.content.room_id
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for video from the meeting {room}").format(room=room))
        elif agent is None or agent.state in (core.AgentState.STARTING, core.AgentState.WAITING) \
                or self.session.state is ConnectionState.RECONNECTING:
            detail = agent.detail if agent is not None else self.session.state_detail
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform at {host}").format(host=self.host), detail)
        elif agent.state is core.AgentState.REFUSED:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the platform to accept the name {name}").format(name=self.name),
                                    agent.detail)
        else:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for a dispatcher to send something to {name}").format(name=self.name),
                                    QCoreApplication.translate("Display", "Logged in at {host} as {user}").format(host=self.host,
                                                                             user=self.login.username))

    def _on_show(self, content: DisplayContent, sent_by: str | None) -> None:
        self.content = None if isinstance(content, ShowBlank) else content
        self.sent_by = sent_by
        self.shown += 1
        if self._busy is not None and not self._busy.done():
            self._busy.cancel()
        self._busy = asyncio.ensure_future(self._show(self.content))

    async def _show(self, content: DisplayContent | None) -> None:
        try:
            await self._show_now(content)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # nobody is there to click a crash dialog away: say it, wait for the next
            log.exception("showing %s failed", core.kind_of(content))
            self.window.set_waiting(
                QCoreApplication.translate("Display", "Waiting for something this display can show"), str(exc))

    async def _show_now(self, content: DisplayContent | None) -> None:
        if not isinstance(content, ShowConference) or content.room_id != self._joined:
            await self._leave_room()
        if content is None:
            self.window.set_waiting("")  # stops the players
            self._say_waiting()
            return
        if isinstance(content, ShowConference):
            await self._join_room(content.room_id)
            return
        try:
            layout, ids = core.wall_of(content)
        except LayoutError as exc:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for something this display can show"), str(exc))
            return
        title = self._caption(content)
        self.window.show_wall(View(title or self.name, layout, {t: c for t, c in enumerate(ids) if c}), title)

    @staticmethod
    def _caption(content: DisplayContent) -> str:
        """A strip over the wall for an incident (the room should know why it sees these cameras)."""
        if isinstance(content, ShowIncident):
            return QCoreApplication.translate("Display", "Incident: {title}").format(title=content.title or content.alert_id)
        return ""

    # ------------------------------------------------------------------ conference wall

    async def _join_room(self, room_id: str) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            join = await client.join_conference(room_id)
        except errors.PlatformError as exc:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for the meeting {room}").format(room=room_id), str(exc))
            return
        self._joined = room_id
        self._show_room(join.room)

    def _show_room(self, room: ConferenceRoom) -> None:
        self.room = room
        ids = [p.camera_id for p in room.participants if p.camera_id]
        if not ids:
            self.window.set_waiting(QCoreApplication.translate("Display", "Waiting for video from the meeting {room}").format(room=room.name))
            return
        layout = core.preset_for(len(ids))
        wall = self.window.pane.controller
        current = [s.camera_id for s in wall.tiles]
        if self.window.showing_wall and wall.layout == layout and current[: len(ids)] == ids:
            return  # the same people: nothing to restart
        self.window.show_wall(View(room.name, layout, dict(enumerate(ids))), QCoreApplication.translate("Display", "Meeting: {room}").format(room=room.name))

    async def _leave_room(self) -> None:
        room, self._joined, self.room = self._joined, None, None
        client = self.session.client
        if room is not None and client is not None:
            with contextlib.suppress(Exception):
                await client.leave_conference(room)

    def _on_events(self, batch: list[Event]) -> None:
        if self.agent is not None:
            self.agent.events(batch)
        for ev in batch:
            if isinstance(ev, ConferenceEvent) and ev.room.id == self._joined:
                if not ev.room.active:
                    self.window.set_waiting(QCoreApplication.translate("Display", "The meeting {room} has ended").format(room=ev.room.name))
                else:
                    self._show_room(ev.room)


def run_display(*, url: str | None, username: str | None, name: str | None, language: str | None,
                verify: bool | str = True, screen: int | None = None) -> int:
    """``controlroom display``: run the display until interrupted; the process's exit code."""
    import qasync
    from controlroom.ui import crash_dialog, i18n, theme
    from PySide6.QtWidgets import QApplication

    url = url or os.environ.get(ENV_URL)
    username = username or os.environ.get(ENV_USER)
    name = name or os.environ.get(ENV_NAME)
    missing = [what for what, value in (("--url or CONTROLROOM_URL", url), ("--user or CONTROLROOM_USER", username),
                                        ("--name or CONTROLROOM_DISPLAY_NAME", name)) if not value]
    if missing:
        print(f"controlroom display needs {', '.join(missing)}", file=sys.stderr)
        return 2
    assert url and username and name
    try:
        core.check_name(name)
    except ValueError as exc:
        print(f"controlroom display: {exc}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ControlRoom")
    app.setOrganizationName("ControlRoom")
    app.setQuitOnLastWindowClosed(False)
    if language is None:
        from controlroom import settings

        chosen = settings.shared().get("language")
        language = None if chosen == "auto" else chosen
    i18n.install_translators(language)
    theme.apply_dark_theme(app)
    crash_dialogs = crash_dialog.install(app)
    screens = app.screens()
    chosen_screen = screens[screen] if screen is not None and 0 <= screen < len(screens) else None
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(crash_dialogs.handler.asyncio_handler)
    try:
        runner = DisplayRunner(Login(url, username), name, verify=verify, screen=chosen_screen)
    except errors.PlatformError as exc:  # an address that is no platform address: nothing to wait for
        print(f"controlroom display: {exc}", file=sys.stderr)
        return 2
    main = loop.create_task(runner.run())
    import signal

    signal.signal(signal.SIGINT, lambda *_: main.cancel())
    signal.signal(signal.SIGTERM, lambda *_: main.cancel())
    from PySide6.QtCore import QTimer

    timer = QTimer(app)  # Python hears signals only when Python code runs
    timer.timeout.connect(lambda: None)
    timer.start(500)
    try:
        loop.run_until_complete(main)
    except asyncio.CancelledError:
        pass
    finally:
        crash_dialogs.detach()
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
        asyncio.set_event_loop(None)
    return 0
