"""Meeting displays driven through the platform (issue 13): the core side.

A display machine runs ``controlroom display --name NAME``: it registers with
the platform as display NAME and stays online by heartbeats (``DisplayAgent``);
a dispatcher pushes what it shows (``DisplaysApi.show``) and the platform
hands the command to the display as a ``display.show`` event. The agent also
reads the platform's answer to every heartbeat, so a command sent while the
display's event stream was down is followed at the next heartbeat, and a
platform that restarted learns from the heartbeat what the display shows.

No widgets here: the display window (``ui/display.py``) and the dispatcher's
pane (``plugins/displays``) turn contents and states into pictures and words.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import re
from collections.abc import Callable
from urllib.parse import quote

import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom.api import errors
from controlroom.api.client import API, PlatformClient
from controlroom.api.schema import (
    DISPLAY_NAME_PATTERN,
    Display,
    DisplayContent,
    DisplayHeartbeat,
    DisplayLayout,
    DisplayShowEvent,
    Event,
    Role,
    ShowBlank,
    ShowCamera,
    ShowIncident,
    ShowView,
    User,
)
from controlroom.listeners import Listeners
from controlroom.wall.layouts import PRESETS, Cell, Layout, LayoutError

log = logging.getLogger("controlroom.displays")

#: seconds between heartbeats when the platform does not say its deadline
HEARTBEAT_DEFAULT = 5.0
#: a heartbeat that fails is tried again after this (the platform may be coming back)
HEARTBEAT_RETRY = 2.0

_NAME_RE = re.compile(DISPLAY_NAME_PATTERN)


def check_name(name: str) -> str:
    """``name`` if it is a valid display name, else ``ValueError`` saying what is wrong with it."""
    if not isinstance(name, str) or not name:
        raise ValueError(QCoreApplication.translate("Displays", "A display needs a name."))
    if len(name) > 64:
        raise ValueError(QCoreApplication.translate("Displays", "A display's name has at most 64 characters."))
    if name != name.strip():
        raise ValueError(QCoreApplication.translate("Displays", "A display's name must not begin or end with a space."))
    if not _NAME_RE.search(name):
        raise ValueError(QCoreApplication.translate(
            "Displays", "A display's name is plain text: no slash, markup (< > &), control or format characters."))
    return name


def path_of(name: str) -> str:
    """The API path of display ``name`` (checked, percent-encoded)."""
    return f"{API}/displays/{quote(check_name(name), safe='')}"


# ---------------------------------------------------------------------- contents


def layout_to_wire(layout: Layout) -> DisplayLayout:
    return msgspec.convert(layout.to_dict(), DisplayLayout)


def layout_from_wire(layout: DisplayLayout) -> Layout:
    """The client's ``Layout``; ``LayoutError`` when the cells do not cover the grid exactly once."""
    return Layout(layout.name, layout.rows, layout.cols,
                  tuple(Cell(c.row, c.col, c.rowspan, c.colspan) for c in layout.cells))


def preset_for(n: int) -> Layout:
    """The smallest preset with at least ``n`` tiles (64 at most)."""
    for size in sorted(PRESETS):
        if size >= n:
            return PRESETS[size]
    return PRESETS[max(PRESETS)]


def view_content(name: str, layout: Layout, assignments: dict[int, str]) -> ShowView:
    """A view to push: ``layout`` with ``assignments`` (tile -> camera id), inline."""
    ids: list[str | None] = [assignments.get(t) for t in range(len(layout))]
    return ShowView(name=name[:200] or "-", layout=layout_to_wire(layout), camera_ids=ids)


def wall_of(content: DisplayContent) -> tuple[Layout, list[str | None]]:
    """The layout and cameras a display shows for a view, a camera or an incident wall."""
    if isinstance(content, ShowView):
        layout = layout_from_wire(content.layout)
        return layout, list(content.camera_ids[: len(layout)])
    if isinstance(content, ShowCamera):
        return PRESETS[1], [content.camera_id]
    if isinstance(content, ShowIncident):
        ids: list[str | None] = list(content.camera_ids)
        return preset_for(len(ids)), ids
    raise LayoutError(f"{type(content).__name__} is not a wall")


def camera_ids_of(content: DisplayContent | None) -> list[str]:
    if isinstance(content, ShowView):
        return [c for c in content.camera_ids if c]
    if isinstance(content, ShowCamera):
        return [content.camera_id]
    if isinstance(content, ShowIncident):
        return list(content.camera_ids)
    return []


class Kind(enum.StrEnum):
    VIEW = "view"
    CAMERA = "camera"
    CONFERENCE = "conference"
    INCIDENT = "incident"
    BLANK = "blank"


def kind_of(content: DisplayContent | None) -> Kind:
    if content is None:
        return Kind.BLANK
    return Kind(type(content).__struct_config__.tag)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- roles


def may_push(user: User | None, display: Display | None = None) -> tuple[bool, str]:
    """May ``user`` push to ``display`` (or to some display, when None)? (yes, or no and why in words).

    Dispatchers push to any display; a presenter only to the displays its own
    user registered (the display it is logged in at); town desks to none. The
    platform decides (403); this is what the UI greys out beforehand.
    """
    if user is None:
        return False, QCoreApplication.translate("Displays", "Not logged in.")
    if user.role == Role.DISPATCHER:
        return True, ""
    if user.role == Role.PRESENTER:
        if display is None or display.user == user.username:
            return True, ""
        return False, QCoreApplication.translate(
            "Displays", "A presenter drives only the display it is logged in at ({user}).").format(user=display.user)
    return False, QCoreApplication.translate("Displays", "Only dispatchers send to meeting displays.")


# ---------------------------------------------------------------------- API


class DisplaysApi:
    """The display endpoints of API v1 over a ``PlatformClient``."""

    def __init__(self, client: PlatformClient) -> None:
        self.client = client

    async def list(self) -> list[Display]:
        return await self.client._request("GET", f"{API}/displays", list[Display])

    async def heartbeat(self, name: str, showing: DisplayContent | None = None, seq: int = 0) -> Display:
        body = msgspec.json.encode(DisplayHeartbeat(showing=showing, seq=seq))
        return await self.client._request("POST", f"{path_of(name)}/heartbeat", Display, content=body, retry=False)

    async def show(self, name: str, content: DisplayContent) -> Display:
        body = msgspec.json.encode(content)
        return await self.client._request("POST", f"{path_of(name)}/show", Display, content=body, retry=False)


# ---------------------------------------------------------------------- the display's side


class AgentState(enum.StrEnum):
    STARTING = "starting"
    REGISTERED = "registered"
    WAITING = "waiting"  # the platform does not answer
    REFUSED = "refused"  # the platform said no (name taken by another user, too many displays)


class DisplayAgent:
    """Keeps display ``name`` registered and hands on what it is told to show.

    ``on_show(content, sent_by)`` runs for every new command (from the event
    stream or from a heartbeat's answer, once per ``seq``); ``on_state(state,
    detail)`` when the registration's state changes (detail in words).
    """

    def __init__(self, client: PlatformClient, name: str, *, interval: float | None = None) -> None:
        self.api = DisplaysApi(client)
        self.name = check_name(name)
        self.interval = interval
        self.showing: DisplayContent | None = None
        self.sent_by: str | None = None
        self.seq = 0  # the last command applied
        self.state = AgentState.STARTING
        self.detail = ""
        self.beats = 0
        self.last: Display | None = None
        self._show: Listeners[[DisplayContent, str | None]] = Listeners(log, "display show")
        self._state: Listeners[[AgentState, str]] = Listeners(log, "display state")
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    def on_show(self, cb: Callable[[DisplayContent, str | None], None]) -> Callable[[], None]:
        return self._show.add(cb)

    def on_state(self, cb: Callable[[AgentState, str], None]) -> Callable[[], None]:
        return self._state.add(cb)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    def beat_now(self) -> None:
        """Heartbeat at once (after a reconnect: the platform may have restarted)."""
        self._wake.set()

    def _set_state(self, state: AgentState, detail: str = "") -> None:
        if (state, detail) != (self.state, self.detail):
            self.state, self.detail = state, detail
            self._state.emit(state, detail)

    def events(self, batch: list[Event]) -> None:
        """The session's events: follow the ``display.show`` commands for this display."""
        for ev in batch:
            if isinstance(ev, DisplayShowEvent) and ev.name == self.name:
                self._apply(ev.content, ev.sent_by, ev.seq)

    def _apply(self, content: DisplayContent, sent_by: str | None, seq: int) -> None:
        if seq <= self.seq:
            return  # heard already (the event and the heartbeat's answer both carry it)
        self.seq = seq
        self.showing = None if isinstance(content, ShowBlank) else content
        self.sent_by = sent_by
        log.info("display %s: showing %s (sent by %s)", self.name, kind_of(content), sent_by)
        self._show.emit(content, sent_by)

    async def beat(self) -> Display:
        """One heartbeat; follows a command the answer carries that the events missed."""
        display = await self.api.heartbeat(self.name, self.showing, self.seq)
        self.beats += 1
        renewed = self.last is not None and display.since != self.last.since
        self.last = display
        if renewed:
            # a platform that restarted (it took what we show from this heartbeat) counts from here;
            # an answer older than an event we applied never moves ``seq`` back
            self.seq = display.seq
        elif display.seq > self.seq:
            self._apply(display.showing if display.showing is not None else ShowBlank(), display.sent_by, display.seq)
        return display

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            wait = self.interval or HEARTBEAT_DEFAULT
            try:
                display = await self.beat()
            except asyncio.CancelledError:
                raise
            except errors.PlatformError as exc:
                status = getattr(exc, "status", None)
                if status in (403, 409):
                    self._set_state(AgentState.REFUSED, str(exc))
                else:
                    self._set_state(AgentState.WAITING, str(exc))
                wait = HEARTBEAT_RETRY
            except Exception as exc:  # a bug must not stop the heartbeats
                log.exception("display heartbeat failed")
                self._set_state(AgentState.WAITING, f"{type(exc).__name__}: {exc}")
                wait = HEARTBEAT_RETRY
            else:
                self._set_state(AgentState.REGISTERED)
                if self.interval is None:
                    wait = max(0.2, display.deadline_s / 3)
            try:
                # asyncio.timeout, not wait_for: Python 3.11's wait_for can lose a cancellation
                # that arrives as the wait ends, and stop() would then wait forever
                async with asyncio.timeout(wait):
                    await self._wake.wait()
            except TimeoutError:
                pass
