"""The displays pane as a plugin: the meeting displays and what the dispatcher sends them.

The list is fetched when the session is connected (again after every
reconnect) and kept current by ``display.updated`` events. Sending is one
``POST /displays/{name}/show``: the wall's current view (inline: views are the
client's own), the selected tile's camera, a meeting in session, an alert's
cameras as an incident wall, or blank. The platform decides (a town desk gets
403, a camera the display's user may not see 409); the pane greys out
beforehand what the role may not do and says why in the tooltip.
"""

from __future__ import annotations

import asyncio
from typing import Any

from controlroom.plugins.displays.api import DisplayBook
from controlroom.plugins.displays.widgets.pane import DisplaysPane
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from controlroom import displays as core
from controlroom.api.errors import PlatformError
from controlroom.api.schema import (
    Alert,
    AlertRaisedEvent,
    ConferenceEvent,
    ConferenceRoom,
    Display,
    DisplayContent,
    ShowBlank,
    ShowCamera,
    ShowConference,
    ShowIncident,
)
from controlroom.plugin_api import Plugin, PluginContext

__all__ = ["DisplaysPlugin"]

#: recent alerts offered as incident walls
RECENT_ALERTS = 15



class DisplaysPlugin(Plugin):
    NAME = "displays"
    TITLE = QT_TRANSLATE_NOOP("Displays", "Displays")
    TR_CONTEXT = "Displays"
    API_VERSION = (1, 1)
    REQUIRES_CAPABILITIES = ("displays",)

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.session = ctx.session
        self.wall = ctx.wall
        self.book = DisplayBook()
        self.rooms: dict[str, ConferenceRoom] = {}
        self.alerts: dict[str, Alert] = {}
        self.pushes = 0  # pushes the platform accepted (tests, diagnostics)
        self.last_error = ""
        self.fetches = 0
        self._fetched_for: object = None
        self.pane = DisplaysPane()
        self.pane.may_push = self._may_push
        self.pane.view_reason = self._view_reason
        self.pane.camera_reason = self._camera_reason
        self.pane.send_requested.connect(self.send)
        self.pane.send_room.connect(lambda name, room: self.push(name, ShowConference(room_id=room)))
        self.pane.send_alert.connect(self._send_alert)
        self.pane.meeting_menu.aboutToShow.connect(self._fill_menus)
        self.pane.incident_menu.aboutToShow.connect(self._fill_menus)
        self.dock = ctx.add_dock(self.pane, QCoreApplication.translate("Displays", "Displays"), "right")
        if self.wall is not None:
            ctx.add_cleanup(self.wall.subscribe(lambda _change: self.pane.update_buttons()))
        ctx.on_events(self._on_events)
        ctx.on_state(self._on_state)
        if self.session is not None:
            self._on_state(self.session.state, self.session.state_detail)
        self.pane.update_buttons()

    def teardown(self) -> None:
        self.pane.deleteLater()

    # ------------------------------------------------------------------ roles and reasons

    def _may_push(self, display: Display | None) -> tuple[bool, str]:
        user = self.session.user if self.session is not None else None
        return core.may_push(user, display)

    def _view_reason(self) -> str:
        if self.wall is None or not any(s.camera_id for s in self.wall.tiles):
            return QCoreApplication.translate("Displays", "The wall shows no camera: put cameras on it first.")
        return ""

    def _camera_reason(self) -> str:
        wall = self.wall
        if wall is None or wall.selected is None or wall.slot(wall.selected).camera_id is None:
            return QCoreApplication.translate("Displays", "Select a tile with a camera on the wall first.")
        return ""

    # ------------------------------------------------------------------ the list

    def _on_state(self, state: Any, _detail: str) -> None:
        events = getattr(self.session, "events", None)
        stream = (id(events), getattr(events, "reconnects", 0)) if events is not None else None
        if str(state) == "connected" and stream != self._fetched_for:
            self._fetched_for = stream
            self.refresh()

    def refresh(self) -> None:
        self.ctx.start_task(self._fetch(), "fetch displays")

    async def _fetch(self) -> None:
        client = self.ctx.client
        if client is None:
            return
        try:
            listed, rooms, alerts = await asyncio.gather(
                core.DisplaysApi(client).list(), client.conferences(), client.alerts(limit=RECENT_ALERTS))
        except PlatformError as exc:
            self.last_error = str(exc)
            self.pane.note.setText(QCoreApplication.translate("Displays", "Could not fetch the displays: {error}").format(error=exc))
            return
        self.book.replace(listed)
        self.rooms = {r.id: r for r in rooms}
        self.alerts = {a.id: a for a in alerts if a.camera_ids}
        self.fetches += 1
        self._show()

    def _on_events(self, batch: list[Any]) -> None:
        if self.book.apply(batch):
            self._show()
        for ev in batch:
            if isinstance(ev, ConferenceEvent):
                self.rooms[ev.room.id] = ev.room
            elif isinstance(ev, AlertRaisedEvent) and ev.alert.camera_ids:
                self.alerts[ev.alert.id] = ev.alert
                if len(self.alerts) > RECENT_ALERTS:
                    oldest = min(self.alerts.values(), key=lambda a: a.raised_at)
                    del self.alerts[oldest.id]

    def _camera_name(self, camera_id: str) -> str:
        inv = self.ctx.inventory
        cam = inv.cameras.get(camera_id) if inv is not None else None
        return cam.name if cam is not None else camera_id

    def _show(self) -> None:
        self.pane.set_displays(self.book.ordered(), self._camera_name)

    def _fill_menus(self) -> None:
        rooms = [(r.id, r.name) for r in sorted(self.rooms.values(), key=lambda r: r.name) if r.active]
        alerts = sorted(self.alerts.values(), key=lambda a: a.raised_at, reverse=True)
        self.pane.fill_menus(rooms, [(a.id, f"{a.raised_at.astimezone():%H:%M} {a.message}") for a in alerts])

    # ------------------------------------------------------------------ sending

    def content_for(self, what: str) -> DisplayContent | None:
        """What "Send view" / "Send camera" / "Blank" would send now (None: nothing to send)."""
        wall = self.wall
        if what == "blank":
            return ShowBlank()
        if wall is None:
            return None
        if what == "camera":
            if wall.selected is None:
                return None
            camera = wall.slot(wall.selected).camera_id
            return ShowCamera(camera_id=camera) if camera else None
        view = wall.view(wall.name or QCoreApplication.translate("Displays", "Wall"))
        return core.view_content(view.name, view.layout, view.assignments)

    def send(self, name: str, what: str) -> None:
        content = self.content_for(what)
        if content is not None:
            self.push(name, content)

    def _send_alert(self, name: str, alert_id: str) -> None:
        alert = self.alerts.get(alert_id)
        if alert is not None:
            self.push(name, ShowIncident(alert_id=alert.id, camera_ids=alert.camera_ids[:64],
                                         title=alert.message[:200]))

    def push(self, name: str, content: DisplayContent) -> None:
        self.ctx.start_task(self._push(name, content), "push to a display")

    async def _push(self, name: str, content: DisplayContent) -> None:
        client = self.ctx.client
        if client is None:
            return
        try:
            display = await core.DisplaysApi(client).show(name, content)
        except PlatformError as exc:
            self.last_error = str(exc)
            self.pane.note.setText(QCoreApplication.translate("Displays", "{name} did not take it: {error}").format(name=name, error=exc))
            return
        self.pushes += 1
        self.last_error = ""
        self.book.displays[display.name] = display
        self._show()
        self.pane.note.setText(QCoreApplication.translate("Displays", "Sent to {name}.").format(name=name))
