"""The alerts pane as a plugin: live alerts, acknowledge, put an alert's cameras on the wall.

Where the alerts come from: the list fetched when the session is connected,
the live ``alert.raised`` / ``alert.acknowledged`` events, and the list
fetched again after every reconnect or resync of the event stream (the
stream resumes by Last-Event-ID; the refetch covers a platform that could
not replay). ``AlertBook`` merges all three, so nothing is lost or shown
twice.

Acknowledging sends ``POST /alerts/{id}/ack`` (with the operator's note, if
any) ``undo_seconds`` after Space or the button: until then the row says
"Acknowledging in 8 s… Undo" and Undo takes it back, and nothing was sent.
A delayed send is truthful: the platform never hears of an acknowledgement
that was undone, so no other desk saw it come and go. The platform answers
with the alert and tells every client through an ``alert.acknowledged``
event, which is what the other desks see. Whoever may not acknowledge here
(``controlroom.permissions.denied``: presenters, a platform without
acknowledgements) finds the button and the note off, saying why.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

import httpx
from controlroom.plugins.alerts.api import AlertBook, AlertPlaces, BookChange
from controlroom.plugins.alerts.widgets import words
from controlroom.plugins.alerts.widgets.model import AlertFilterProxy, AlertTableModel
from controlroom.plugins.alerts.widgets.notices import AlertBadge, CriticalNotice, Toast
from controlroom.plugins.alerts.widgets.pane import AlertsPane
from controlroom.ui import api as ui_api
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from controlroom.api.errors import PlatformError
from controlroom.api.schema import Severity
from controlroom.backends.base import Capability
from controlroom.permissions import Action, denied_in
from controlroom.plugin_api import Plugin, PluginContext, Setting
from controlroom.wall.layouts import PRESETS, preset

__all__ = ["AlertsPlugin"]

F = TypeVar("F", bound=Callable[..., Any])

#: Tasks sending the acknowledgements still waiting when a window closed (kept referenced until done).
_CLOSING: set[asyncio.Task[None]] = set()

#: Acknowledgements sent at once when many alerts are selected.
PARALLEL_ACKS = 8
#: How many alerts the fetch asks for: every open one up to this many...
FETCH_OPEN = 500
#: ...and the most recent ones whatever their state (recent history).
FETCH_RECENT = 100


def _guarded(method: F) -> F:
    """A Qt slot that reports its error (status bar, log) instead of raising into Qt."""

    @functools.wraps(method)
    def call(self: AlertsPlugin, *args: Any) -> Any:
        try:
            return method(self, *args)
        except Exception as exc:
            self.ctx.report_error(exc)
            return None

    return call  # type: ignore[return-value]


class AlertsPlugin(Plugin):
    NAME = "alerts"
    TITLE = QT_TRANSLATE_NOOP("Alerts", "Alerts")
    TR_CONTEXT = "Alerts"
    API_VERSION = (1, 2)  # 1.2: ui_api.play_from ("Play from 30 s before")
    REQUIRES_CAPABILITIES = ("alerts",)  # not started on a platform without them
    SETTINGS: ClassVar[dict[str, Setting]] = {
        "notify_critical": Setting(bool, True, "Pop up a small notice (non-modal) for each new critical alert."),
        "sound": Setting(bool, False, "Beep when a critical alert comes in."),
        "undo_seconds": Setting(int, 10, "Seconds during which an acknowledgement can be undone before it is sent.",
                                minimum=0, maximum=60),
    }

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.session = ctx.session
        self.book = AlertBook()
        self.places = AlertPlaces(ctx.inventory)
        self.model = AlertTableModel(self.book, self.places)
        self.proxy = AlertFilterProxy(self.places)
        self.pane = AlertsPane(self.model, self.proxy)
        self.model.setParent(self.pane)
        self.proxy.setParent(self.pane)
        #: completed fetches of the alert list (the first one is not news: nothing is unread)
        self.fetches = 0
        self._fetching = False
        self._fetch_again = False
        self._state: str | None = None
        self._fetched_for: tuple[int, int] | None = None  # the event-stream connection last fetched for

        self.dock = ctx.add_dock(self.pane, QCoreApplication.translate("Alerts", "Alerts"), "bottom")
        #: acknowledgements waiting to be sent: alert id -> (note, when to send, monotonic s)
        self.scheduled: dict[str, tuple[str, float]] = {}
        self.undo_seconds = float(ctx.settings.get("undo_seconds"))
        self._send_timer = QTimer(self.pane)
        self._send_timer.setInterval(250)
        self._send_timer.timeout.connect(self._send_due)
        self.badge = AlertBadge()
        self.badge.clicked.connect(self.open_pane)
        ctx.add_status_widget(self.badge)

        # the role (presenters only view) and the platform (wvp-GB28181-pro lists alarms but
        # takes no acknowledgement) in one answer: controlroom.permissions
        reason = denied_in(self.session, Action.ACKNOWLEDGE_ALERT)
        self.can_acknowledge = reason is None
        self.acknowledge_reason = reason or ""
        self.pane.set_can_acknowledge(self.can_acknowledge, self.acknowledge_reason)
        self.can_show = ctx.wall is not None
        self.show_reason = "" if self.can_show else QCoreApplication.translate("Alerts", "This window has no video wall to show cameras on.")
        self.pane.set_can_show(self.can_show, self.show_reason)

        window = self.pane.window()
        self.notice = CriticalNotice(window)
        self.notice.set_actions(can_show=self.can_show, show_reason=self.show_reason,
                                can_acknowledge=self.can_acknowledge, acknowledge_reason=self.acknowledge_reason)
        self.notice.show_requested.connect(self.show_on_wall)
        self.notice.acknowledge_requested.connect(lambda alert_id: self.acknowledge([alert_id]))
        self.pane.undo_requested.connect(self.undo_acknowledge)
        self.toast = Toast(window)

        self.pane.acknowledge_requested.connect(self.acknowledge)
        self.pane.show_requested.connect(self.show_on_wall)
        self.pane.playback_requested.connect(self.play_before)
        self.pane.looked_at.connect(self._looked_at)
        self.pane.all_read_requested.connect(self._all_read)

        self.action_notify = self._toggle(QCoreApplication.translate("Alerts", "Pop up critical alerts"), "notify_critical")
        self.action_sound = self._toggle(QCoreApplication.translate("Alerts", "Sound for critical alerts"), "sound")

        ctx.on_events(self._on_events)
        ctx.on_state(self._on_state)
        ctx.on_inventory(self._on_inventory)
        self.pane.set_towns(self.places.towns())
        self._update_counts()
        if self.session is not None:
            self._on_state(self.session.state, self.session.state_detail)

    def teardown(self) -> None:
        self._send_timer.stop()
        if self.scheduled:  # the operator acknowledged them: send them now rather than drop them
            self._flush_on_close()
        # the pop-ups are the window's, not the context's: they go here
        for popup in (self.notice, self.toast):
            popup.hide()
            popup.deleteLater()

    def _toggle(self, text: str, key: str) -> QAction:
        action = QAction(text, self.pane)
        action.setCheckable(True)
        action.setChecked(bool(self.ctx.settings.get(key)))
        action.toggled.connect(lambda on: self.ctx.settings.set(key, bool(on)))
        self.ctx.add_action(action)
        return action

    # ------------------------------------------------------------------ the alerts

    def _on_events(self, batch: list[Any]) -> None:
        change = self.book.apply(batch)
        if change:
            self._changed(change)

    def _changed(self, change: BookChange) -> None:
        self.model.apply(change)
        for alert_id in change.acknowledged:
            self.notice.forget(alert_id)
        fresh = [a for a in (self.book.get(i) for i in reversed(change.added))
                 if a is not None and a.severity == Severity.CRITICAL and self.book.is_unread(a.id)]
        for alert in fresh:  # oldest first: the newest ends on top
            if self.ctx.settings.get("notify_critical"):
                self.notice.notify(alert, " · ".join(x for x in (self.places.town_name(alert), self.places.place(alert)) if x))
        if fresh and self.ctx.settings.get("sound"):
            # QtMultimedia is not in PySide6-Essentials: the system bell it is
            QApplication.beep()
        self._update_counts()

    def _update_counts(self) -> None:
        unread = self.book.unread()
        worst = None
        for sev in words.SEVERITY_ORDER:
            if any(a is not None and a.severity == sev for a in map(self.book.get, unread)):
                worst = sev
                break
        self.badge.set_counts(len(unread), self.book.open_count, worst)
        title = QCoreApplication.translate("Alerts", "Alerts")
        if unread:
            title = QCoreApplication.translate("Alerts", "Alerts ({n} new)").format(n=f"{len(unread):,}")
        self.dock.setWindowTitle(title)
        self.pane.refresh_state()

    @_guarded
    def _looked_at(self, alert_ids: list[str]) -> None:
        was = self.book.mark_read(alert_ids)
        if was:
            self.model.refresh(was)
            self._update_counts()

    @_guarded
    def _all_read(self) -> None:
        was = self.book.mark_all_read()
        self.model.refresh(was)
        self._update_counts()

    @_guarded
    def open_pane(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.pane.table.setFocus()

    # ------------------------------------------------------------------ fetching

    def _on_state(self, state: Any, _detail: str) -> None:
        prev, self._state = self._state, str(state)
        if self._state != "connected":
            return
        events = self.session.events if self.session is not None else None
        stream = (id(events), events.reconnects) if events is not None and events.state == "live" else None
        if prev != "connected":
            # connected again (first load, reconnect, resync): fetch and merge
            self._fetched_for = stream
            self.request_fetch()
        elif stream is not None and stream != self._fetched_for:
            # the stream is live on a new connection: anything raised before it
            # subscribed and after the last fetch is only in the list
            self._fetched_for = stream
            self.request_fetch()

    def request_fetch(self) -> None:
        """Fetch the alert list and merge it (one fetch at a time; a request meanwhile runs one more)."""
        if self._fetching:
            self._fetch_again = True
            return
        try:
            self.ctx.start_task(self._fetch(), "fetch alerts")
        except RuntimeError:  # no running loop yet: the next "connected" fetches
            self.ctx.log.debug("no event loop: the alerts are fetched when connected")

    async def _fetch(self) -> None:
        client = self.ctx.client
        if client is None:
            await self._fetch_from_backend()
            return
        self._fetching = True
        try:
            while True:
                self._fetch_again = False
                first = self.fetches == 0
                open_alerts, recent = await asyncio.gather(
                    client.alerts(open_only=True, limit=FETCH_OPEN), client.alerts(limit=FETCH_RECENT))
                change = self.book.merge([*recent, *open_alerts], unread=not first)
                self.fetches += 1
                self._changed(change)
                if not self._fetch_again:
                    break
        except (PlatformError, httpx.HTTPError, OSError) as exc:
            self.ctx.log.warning("fetching the alerts failed: %s", exc)
            self.pane.show_message(QCoreApplication.translate("Alerts", "Could not fetch the alerts: {error}").format(error=exc))
        finally:
            self._fetching = False

    def _on_inventory(self, delta: Any) -> None:
        if delta.reset:
            self.places.reset()
            self.pane.set_towns(self.places.towns())
            self.proxy.refilter()
            self.model.refresh_all()

    # ------------------------------------------------------------------ acknowledging

    @_guarded
    def acknowledge(self, alert_ids: list[str], note: str = "") -> None:
        """Acknowledge these alerts in ``undo_seconds`` (at once with 0); Undo takes them back until then."""
        if not self.can_acknowledge:
            self.pane.show_message(self.acknowledge_reason)
            return
        ids = [i for i in alert_ids if self.book.is_open(i) and not self.model.is_pending(i)]
        if not ids:
            return
        note = note.strip()[:500]
        if self.undo_seconds <= 0:
            self._send(ids, note)
            return
        deadline = time.monotonic() + self.undo_seconds
        for alert_id in ids:
            self.scheduled[alert_id] = (note, deadline)
            self.model.set_scheduled(alert_id, deadline)
        self._send_timer.start()
        self._show_undo()
        self.pane.refresh_state()

    @_guarded
    def undo_acknowledge(self, alert_ids: list[str]) -> None:
        """Take back acknowledgements not sent yet (all of them for an empty list): nothing was sent."""
        ids = [i for i in (alert_ids or list(self.scheduled)) if i in self.scheduled]
        for alert_id in ids:
            del self.scheduled[alert_id]
            self.model.set_scheduled(alert_id, None)
        if ids:
            self.pane.show_message(QCoreApplication.translate("Alerts", "Acknowledgement undone: {n}").format(n=len(ids)))
        self._show_undo()
        self.pane.refresh_state()

    def _show_undo(self) -> None:
        if not self.scheduled:
            self._send_timer.stop()
            self.pane.show_undo("")
            return
        left = max(0, int(min(d for _n, d in self.scheduled.values()) - time.monotonic() + 0.999))
        self.pane.show_undo(QCoreApplication.translate("Alerts", "Undo acknowledging {n} ({s} s)").format(
            n=len(self.scheduled), s=left))
        self.model.refresh_scheduled()

    def _send_due(self, flush: bool = False) -> None:
        now = time.monotonic()
        due = [i for i, (_note, at) in self.scheduled.items() if flush or at <= now]
        by_note: dict[str, list[str]] = {}
        for alert_id in due:
            note, _at = self.scheduled.pop(alert_id)
            self.model.set_scheduled(alert_id, None)
            if self.book.is_open(alert_id):  # another desk may have been first
                by_note.setdefault(note, []).append(alert_id)
        for note, ids in by_note.items():
            self._send(ids, note)
        self._show_undo()

    async def _fetch_from_backend(self) -> None:
        """A platform other than API v1 (WVP): its newest alarms, once; the session's polls add the rest."""
        backend = getattr(self.session, "backend", None)
        offered = getattr(self.session, "capabilities", frozenset())
        if backend is None or Capability.ALERTS not in offered or self._fetching:
            return
        self._fetching = True
        try:
            first = self.fetches == 0
            change = self.book.merge(await backend.alerts(), unread=not first)
            self.fetches += 1
            self._changed(change)
        finally:
            self._fetching = False

    def _flush_on_close(self) -> None:
        """The window closes with acknowledgements waiting: send them on a task of their own.

        Not a context task (those are cancelled with the plugin) and touching
        no widget (they go with the window); what cannot be sent is logged.
        """
        pending, self.scheduled = dict(self.scheduled), {}
        client, log = self.ctx.client, self.ctx.log

        async def send() -> None:
            for alert_id, (note, _at) in pending.items():
                try:
                    await client.acknowledge(alert_id, note)
                except (PlatformError, httpx.HTTPError, OSError) as exc:
                    log.warning("acknowledging %s at close failed: %s", alert_id, exc)

        if client is None:
            return
        try:
            task = asyncio.get_running_loop().create_task(send(), name="alerts: acknowledgements at close")
        except RuntimeError:
            log.warning("acknowledgements not sent (the app is closing): %s", ", ".join(pending))
            return
        _CLOSING.add(task)
        task.add_done_callback(_CLOSING.discard)

    def _send(self, ids: list[str], note: str) -> None:
        for alert_id in ids:
            self.model.set_pending(alert_id, True)
        self.pane.refresh_state()
        try:
            self.ctx.start_task(self._acknowledge(ids, note), "acknowledge")
        except RuntimeError:  # no loop any more (the window is closing): say what was not sent
            self.ctx.log.warning("acknowledgements not sent (the app is closing): %s", ", ".join(ids))

    async def _acknowledge(self, alert_ids: list[str], note: str = "") -> None:
        client = self.ctx.client
        if client is None:  # no acknowledgement on this platform (the buttons say so)
            for alert_id in alert_ids:
                self.model.set_pending(alert_id, False)
            self.pane.show_message(self.acknowledge_reason)
            return
        gate = asyncio.Semaphore(PARALLEL_ACKS)
        failed: list[str] = []

        async def one(alert_id: str) -> None:
            async with gate:
                try:
                    alert = await client.acknowledge(alert_id, note)
                except (PlatformError, httpx.HTTPError, OSError) as exc:
                    self.ctx.log.warning("acknowledging %s failed: %s", alert_id, exc)
                    failed.append(f"{alert_id}: {exc}")
                    self.model.set_pending(alert_id, False)
                    return
            # the answer already says who and when; the event that every client
            # gets says the same and is then a no-op here
            self.model.set_pending(alert_id, False)
            self._changed(self.book.merge([alert]))

        await asyncio.gather(*(one(i) for i in alert_ids))
        if failed:
            self.pane.show_message(QCoreApplication.translate("Alerts", "Could not acknowledge: {errors}").format(errors="; ".join(failed)))
        else:
            self.pane.show_message(QCoreApplication.translate("Alerts", "Alerts acknowledged: {n}").format(n=len(alert_ids)))
        self.pane.refresh_state()

    # ------------------------------------------------------------------ the wall

    @_guarded
    def play_before(self, alert_id: str) -> list[int]:
        """The alert's cameras on the wall, in playback from ``ui_api.ALERT_LEAD`` (30 s) before it."""
        alert = self.book.get(alert_id)
        if alert is None:
            return []
        tiles = self.show_on_wall(alert_id)
        if not tiles:
            return []
        why = ui_api.play_from(self.pane, self.places.cameras_known(alert), alert.raised_at - ui_api.ALERT_LEAD)
        if why:
            self.pane.show_message(why)
        return tiles

    @_guarded
    def show_on_wall(self, alert_id: str) -> list[int]:
        """Put the alert's cameras on the wall; returns the tiles used.

        One camera goes on the selected tile (the maximised one if a tile is
        maximised, tile 1 if none is selected: Ctrl+Z undoes it); several
        open an incident wall from tile 1, in a preset layout big enough for
        them, and the operator's own wall comes back with one key (Esc).
        """
        alert = self.book.get(alert_id)
        wall = self.ctx.wall
        if alert is None:
            return []
        if wall is None:
            self.pane.show_message(self.show_reason)
            return []
        cameras = self.places.cameras_known(alert)
        if not cameras:
            self.pane.show_message(QCoreApplication.translate("Alerts", "This alert has no camera you can watch."))
            return []
        self._looked_at([alert_id])
        if len(cameras) == 1:
            tile = wall.maximised if wall.maximised is not None else wall.selected if wall.selected is not None else 0
            wall.assign(tile, cameras[0])
            tiles = [tile]
        else:
            n = next((k for k in sorted(PRESETS) if k >= len(cameras)), max(PRESETS))
            title = " · ".join(x for x in (words.kind_text(alert.kind), self.places.place(alert)) if x)
            wall.open_incident(title or alert.id, preset(n), cameras)
            tiles = list(range(min(n, len(cameras))))
        # a wall that can flash its tiles does (duck-typed: the wall UI may offer it)
        flash = getattr(wall, "flash", None)
        if callable(flash):
            flash(tiles)
        names = self.places.camera_names(alert)
        if len(tiles) == 1:
            text = QCoreApplication.translate("Alerts", "On the wall, tile {tile}: {camera}").format(tile=tiles[0] + 1, camera=names[0] if names else "")
        else:
            text = QCoreApplication.translate("Alerts", "On the wall, tiles {first}–{last}: {cameras}").format(
                first=tiles[0] + 1, last=tiles[-1] + 1, cameras=", ".join(names[: len(tiles)]))
        self.toast.flash(text)
        self.pane.show_message(text)
        return tiles
