"""The video-conference pane (视频会商), a built-in plugin registered like any other.

Rooms come from the platform and stay current through ``conference.updated``
events. Joining opens the conference wall (``widgets.wall``): one tile per
participant with video, their sub streams played on native surfaces by the
main wall's ``VideoCoordinator`` and stream picker, the active speaker framed; the dock shows the roster with
microphone and hand, and sends raise-hand and mute *requests*: what the
roster shows always comes back from the platform's events, never from the
button that was pressed. Leaving stops and releases every player before the
wall goes, then tells the platform.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QScreen

from controlroom.api.errors import PlatformError
from controlroom.api.schema import ConferenceRoom, Event, Participant
from controlroom.plugin_api import Plugin, PluginContext, Setting
from controlroom.session import ConnectionState

from .api import Conference, ConferenceSource, Rooms
from .widgets.pane import ConferencePane
from .widgets.wall import ConferenceWall

log = logging.getLogger("controlroom.plugins.conference")


class ConferencePlugin(Plugin):
    NAME = "conference"
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Video conference")
    API_VERSION = (1, 2)  # 1.2: controlroom.ui.api.video_words
    REQUIRES_CAPABILITIES = ("conference",)  # not started on a platform without them
    SETTINGS: ClassVar[dict[str, Setting]] = {
        "display_screen": Setting(str, "", "The screen the conference wall last went full screen on (its name)."),
    }

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.rooms = Rooms()
        self.conference: Conference | None = None
        self.wall: ConferenceWall | None = None
        self._busy = False
        self.pane = ConferencePane()
        user = ctx.session.user if ctx.session is not None else None
        self.pane.user = user
        self.pane.capabilities = getattr(ctx.session, "capabilities", None)
        self.pane.join_requested.connect(self.join)
        self.pane.leave_requested.connect(self.leave)
        self.pane.hand_requested.connect(self.raise_hand)
        self.pane.mute_requested.connect(self.request_mute)
        self.pane.display_requested.connect(self.show_on_display)
        self.pane.windowed_requested.connect(self.show_windowed)
        if saved := ctx.settings.get("display_screen"):
            self.pane.select_screen(saved)
        self.dock = ctx.add_dock(self.pane, ctx.tr("Video conference"), "right")
        ctx.on_events(self._on_events)
        ctx.on_state(self._on_state)
        ctx.add_cleanup(self._close_wall)
        self.refresh()

    def teardown(self) -> None:
        conference = self.conference
        self._close_wall()
        if conference is not None and self.ctx.client is not None:
            # best effort, outside the context (its tasks are cancelled now): a real
            # platform also drops a desk whose connection went away
            task = asyncio.ensure_future(self.ctx.client.leave_conference(conference.id))
            task.add_done_callback(lambda t: t.cancelled() or t.exception())

    # ------------------------------------------------------------------ platform calls

    def _call(self, coro: Awaitable[Any], what: str, then: Callable[[Any], None] | None = None) -> None:
        """Run a platform request; a refusal or a network error is said in the pane, not fatal."""

        async def run() -> None:
            try:
                result = await coro
            except PlatformError as exc:
                self.pane.set_message(QCoreApplication.translate("ConferencePlugin", "{what} failed: {error}").format(what=what, error=exc))
                log.info("%s failed: %s (%s)", what, exc, exc.detail)
                return
            if then is not None:
                then(result)

        task = run()
        try:
            started = self.ctx.start_task(task, what)
        except RuntimeError:  # no running loop (a window without the app's loop): drop it cleanly
            task.close()
            if inspect.iscoroutine(coro):
                coro.close()
            return
        if inspect.iscoroutine(coro):
            # cancelled before its first step (the plugin stopped at once): the request was
            # never awaited; close it, or Python warns "never awaited" when it is collected
            started.add_done_callback(lambda _t: coro.close())

    def refresh(self) -> None:
        if self.ctx.client is None:
            return
        self._call(self.ctx.client.conferences(), QCoreApplication.translate("ConferencePlugin", "Loading the meeting rooms"), self._got_rooms)

    def _got_rooms(self, rooms: list[ConferenceRoom]) -> None:
        self.rooms.replace(rooms)
        self.pane.show_rooms(self.rooms.ordered())
        if self.conference is not None and self.conference.id in self.rooms.rooms:
            self._room_changed(self.rooms.rooms[self.conference.id])

    def _on_state(self, state: Any, _detail: str) -> None:
        if state == ConnectionState.CONNECTED:
            self.refresh()  # after a reconnect: the rooms may have moved on

    def _on_events(self, batch: list[Event]) -> None:
        changed, resync = self.rooms.apply(batch)
        if resync:
            self.refresh()
        if not changed:
            return
        self.pane.show_rooms(self.rooms.ordered())
        if self.conference is not None:
            for room in changed:
                if room.id == self.conference.id:
                    self._room_changed(room)

    # ------------------------------------------------------------------ join, leave

    def join(self, room_id: str) -> None:
        if self._busy or self.ctx.client is None:
            return
        if self.conference is not None:
            if self.conference.id == room_id:
                return
            self.leave()
        self._busy = True
        self.pane.set_message(QCoreApplication.translate("ConferencePlugin", "Joining…"))

        def joined(join: Any) -> None:
            self._busy = False
            self.pane.set_message("")
            self._open_wall(Conference(join))

        async def request() -> Any:
            try:
                return await self.ctx.client.join_conference(room_id)
            finally:
                self._busy = False

        self._call(request(), QCoreApplication.translate("ConferencePlugin", "Joining the meeting"), joined)

    def _open_wall(self, conference: Conference) -> None:
        self.conference = conference
        self.wall = ConferenceWall(conference.room.name, ConferenceSource(conference, self.ctx.client))
        self.wall.leave_requested.connect(self.leave)
        self.wall.windowed.connect(lambda: self.pane.set_message(""))
        for p in conference.with_video():
            self._add_tile(p)
        self.wall.show()
        self._room_changed(conference.room)

    def _site_name(self, site_id: str | None) -> str:
        inv = self.ctx.inventory
        site = inv.sites.get(site_id) if inv is not None and site_id else None
        return site.name if site is not None else ""

    def _add_tile(self, p: Participant) -> None:
        assert self.wall is not None and self.conference is not None
        tile = self.wall.add_tile(p, self._site_name(p.site_id))
        if p.camera_id is None:
            tile.cannot_play(QCoreApplication.translate("ConferencePlugin", "no stream this machine can play"))
            return
        # the main wall's coordinator and picker: the sub stream, a fresh stream ticket at every (re)connect
        self.wall.play(p.id, p.camera_id)

    def _room_changed(self, room: ConferenceRoom) -> None:
        conference, wall = self.conference, self.wall
        if conference is None or wall is None:
            return
        change = conference.update(room)
        for pid in change.removed:
            wall.remove_tile(pid)
        for pid in change.added:
            p = conference.participant(pid)
            if p is not None and p.camera_id and pid not in conference.streams:
                self._fetch_streams(p)
        for p in room.participants:
            tile = wall.tiles.get(p.id)
            if tile is not None:
                tile.set_participant(p, self._site_name(p.site_id))
        sites = {p.site_id: self._site_name(p.site_id) for p in room.participants if p.site_id}
        self.pane.show_roster(room, conference.me, sites)
        self.pane.show_rooms(self.rooms.ordered() or [room])

    def _fetch_streams(self, p: Participant) -> None:
        """A participant who joined later: its video is its camera's."""
        room_id = self.conference.id if self.conference else None

        def got(camera: Any) -> None:
            conference = self.conference
            if conference is None or conference.id != room_id or self.wall is None:
                return
            if conference.participant(p.id) is not None and p.id not in self.wall.tiles:
                conference.streams[p.id] = camera.streams
                self._add_tile(conference.participant(p.id))  # type: ignore[arg-type]

        self._call(self.ctx.client.camera(p.camera_id), QCoreApplication.translate("ConferencePlugin", "Fetching a participant's video"), got)

    def leave(self) -> None:
        conference = self.conference
        if conference is None:
            return
        self._close_wall()
        self.pane.show_roster(None, None, {})
        self.pane.show_rooms(self.rooms.ordered())
        if self.ctx.client is not None:
            self._call(self.ctx.client.leave_conference(conference.id), QCoreApplication.translate("ConferencePlugin", "Leaving the meeting"))

    def _close_wall(self) -> None:
        """Every player stopped and released, then the wall and its tiles go."""
        wall, self.wall = self.wall, None
        self.conference = None
        if wall is None:
            return
        wall.release()
        wall.close()
        wall.deleteLater()

    # ------------------------------------------------------------------ hand, mute

    def raise_hand(self, raised: bool) -> None:
        if self.conference is None or self.ctx.client is None:
            return
        what = QCoreApplication.translate("ConferencePlugin", "Raising the hand") if raised else QCoreApplication.translate("ConferencePlugin", "Lowering the hand")
        self._call(self.ctx.client.raise_hand(self.conference.id, raised), what)

    def request_mute(self, participant_id: str, muted: bool) -> None:
        if self.conference is None or self.ctx.client is None:
            return
        what = QCoreApplication.translate("ConferencePlugin", "Muting") if muted else QCoreApplication.translate("ConferencePlugin", "Unmuting")
        self._call(self.ctx.client.request_mute(self.conference.id, participant_id, muted), what)

    # ------------------------------------------------------------------ meeting display

    def show_on_display(self, screen: QScreen) -> None:
        if self.wall is None:
            return
        self.wall.show_on(screen)
        self.pane.set_message(QCoreApplication.translate(
            "ConferencePlugin", "On the meeting display. Esc there, or Back to a window, brings it back."))
        with contextlib.suppress(Exception):
            self.ctx.settings.set("display_screen", screen.name())

    def show_windowed(self) -> None:
        if self.wall is not None:
            self.wall.show_windowed()
