"""The plugin API: what a ControlRoom plugin declares and what it is given.

A plugin is a ``Plugin`` subclass named by an entry point in the group
``controlroom.plugins`` (``name = "package.module:Class"``); the built-in
panes are registered the same way. It declares itself with class attributes
(as Spyder's plugins do) and gets symmetric ``setup(ctx)`` / ``teardown()``::

    class Counter(Plugin):
        NAME = "counter"                      # = the entry point's name
        TITLE = QT_TRANSLATE_NOOP("Plugins", "Event counter")
        API_VERSION = (1, 0)                  # major must match; minor <= the app's
        REQUIRES = ()                         # other plugins that must load first
        OPTIONAL = ()                         # used when present, loaded first then
        SETTINGS = {"show_ids": Setting(bool, False, "Show event ids.")}

        def setup(self, ctx: PluginContext) -> None:
            ctx.add_dock(MyWidget(), ctx.tr("Events"), "right")
            ctx.on_events(self.count)

Everything added through the context (docks, actions, status widgets,
listeners, tasks, cleanups) is removed by the app when the plugin stops,
whether it was disabled, failed, or the window closed; ``teardown`` only
undoes what the plugin did outside the context.

A plugin that fails (import error, wrong API version, a missing requirement,
``setup`` raised, a task or a listener raised) is stopped, marked failed with
the reason, and reported; the app goes on.

Core module: no widget types in the signatures. Widgets and actions pass
through as ``Any``; ``PluginUi`` is what the UI layer provides
(``controlroom.ui.plugin_host``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication

from controlroom.permissions import Action, denied_in
from controlroom.settings import Setting, SettingsSection

if TYPE_CHECKING:
    from controlroom.api.client import PlatformClient
    from controlroom.api.schema import Event
    from controlroom.inventory import Inventory, InventoryDelta
    from controlroom.session import ConnectionState, Session
    from controlroom.wall.controller import WallController

__all__ = [
    "PLUGIN_API_VERSION",
    "ActionSpec",
    "Plugin",
    "PluginContext",
    "PluginUi",
    "Setting",
    "api_compatible",
]

#: The version of this API. A plugin's ``API_VERSION`` must have the same
#: major number and a minor number no greater than this one's: minor versions
#: only add to the API, a major version may change or remove.
PLUGIN_API_VERSION: tuple[int, int] = (1, 2)  # 1.1: REQUIRES_CAPABILITIES; 1.2: permissions, ui.api.gate, video_words, play_from

DOCK_AREAS = ("left", "right", "top", "bottom")


def api_compatible(wanted: object, have: tuple[int, int] = PLUGIN_API_VERSION) -> bool:
    """True when a plugin asking for ``wanted`` runs on API ``have``."""
    if not (isinstance(wanted, tuple) and len(wanted) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in wanted)):
        return False
    return wanted[0] == have[0] and wanted[1] <= have[1]


class Plugin:
    """Base class of every plugin. Subclasses set the class attributes and override the hooks."""

    #: The plugin's id: the entry point's name (lower case, letters, digits, ``_``).
    NAME: ClassVar[str] = ""
    #: English title for the plugins dialog and menus; mark it for translation with
    #: ``QT_TRANSLATE_NOOP(TR_CONTEXT, "...")`` so lupdate finds it.
    TITLE: ClassVar[str] = ""
    #: The context its strings are translated in (``title()``, ``PluginContext.tr``).
    TR_CONTEXT: ClassVar[str] = "Plugins"
    #: The plugin API version it was written for: required, (major, minor).
    API_VERSION: ClassVar[tuple[int, int]]
    #: Plugins that must be loaded first; when one is missing this one does not load.
    REQUIRES: ClassVar[tuple[str, ...]] = ()
    #: Plugins used when they are there (loaded first then); missing is fine.
    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    #: What the platform must offer (``controlroom.backends.base.Capability`` values, e.g.
    #: ``("grids",)``): on a backend without one the plugin is not started and the Plugins
    #: dialog says "not offered by this platform" (API 1.1). Without a session: no check.
    REQUIRES_CAPABILITIES: ClassVar[tuple[str, ...]] = ()
    #: Its settings, declared once: stored under ``plugins.<NAME>.<key>``, typed on load.
    SETTINGS: ClassVar[Mapping[str, Setting]] = {}

    @classmethod
    def title(cls) -> str:
        """The translated title."""
        return QCoreApplication.translate(cls.TR_CONTEXT, cls.TITLE) if cls.TITLE else cls.NAME

    def setup(self, ctx: PluginContext) -> None:
        """Start: add panes and actions, subscribe, start tasks. Raising here fails the plugin."""

    def teardown(self) -> None:
        """Stop: undo what ``setup`` did outside the context (the context cleans up the rest)."""


@dataclass(frozen=True)
class ActionSpec:
    """An action described without Qt: the UI makes a QAction of it."""

    text: str
    callback: Callable[[], object]
    shortcut: str | None = None


class PluginUi(Protocol):
    """What the UI layer does for the context (``controlroom.ui.plugin_host.PluginHost``).

    Every call names the plugin so the UI can remove everything of one
    plugin in ``remove_plugin``.
    """

    def add_dock(self, plugin: str, widget: Any, title: str, area: str) -> Any: ...

    def add_action(self, plugin: str, action: Any, menu: str) -> Any: ...

    def add_status_widget(self, plugin: str, widget: Any, permanent: bool) -> Any: ...

    def remove_plugin(self, plugin: str) -> None: ...

    def show_problem(self, plugin: str, message: str) -> None: ...


class PluginStopped(RuntimeError):
    """The plugin was stopped: its context no longer adds anything."""


class PluginContext:
    """What one plugin is given: the session, the wall, its settings, and ways to add to the app.

    Created by the loader for each ``setup``; closed (everything it added
    removed, its tasks cancelled) when the plugin stops.
    """

    def __init__(
        self,
        name: str,
        *,
        session: Session | None,
        wall: WallController | None,
        settings: SettingsSection,
        ui: PluginUi,
        tr_context: str = "Plugins",
        plugins: Callable[[str], Plugin | None] = lambda _name: None,
        on_failure: Callable[[BaseException, str], None] | None = None,
    ) -> None:
        self.name = name
        #: The platform connection: ``session.client`` (PlatformClient; None on a backend other
        #: than API v1), ``session.backend`` and ``session.capabilities``,
        #: ``session.inventory`` (Inventory), ``session.user``, ``session.on_events``.
        self.session = session
        #: The wall controller (``controlroom.wall.controller.WallController``), or None
        #: while the window has no wall.
        self.wall = wall
        #: This plugin's settings section: ``get(key)``, ``set(key, value)``, ``on_change``.
        self.settings = settings
        #: Logger ``controlroom.plugins.<name>``.
        self.log = logging.getLogger(f"controlroom.plugins.{name}")
        self._ui = ui
        self._tr_context = tr_context
        self._plugins = plugins
        self._on_failure = on_failure
        self._tasks: set[asyncio.Task[Any]] = set()
        self._cleanups: list[Callable[[], object]] = []
        self._closed = False

    # ------------------------------------------------------------------ convenience

    @property
    def inventory(self) -> Inventory | None:
        """The session's inventory (None without a session)."""
        return self.session.inventory if self.session is not None else None

    @property
    def client(self) -> PlatformClient | None:
        """The session's API v1 client: None without a session, and None on any other backend
        (wvp-GB28181-pro, a camera file), where ``session.backend`` is what to ask."""
        return self.session.client if self.session is not None else None

    @property
    def closed(self) -> bool:
        return self._closed

    def denied(self, action: Action, **item: str | None) -> str | None:
        """Why this session's user may not take ``action`` here (translated), or None: see
        ``controlroom.permissions.denied`` (``author=``, ``chair=`` for per-item rules). API 1.2."""
        return denied_in(self.session, action, **item)

    def tr(self, text: str) -> str:
        """Translate ``text`` in the plugin's ``TR_CONTEXT``."""
        return QCoreApplication.translate(self._tr_context, text)

    def plugin(self, name: str) -> Plugin | None:
        """Another loaded plugin (one of ``REQUIRES``/``OPTIONAL``), or None."""
        return self._plugins(name)

    # ------------------------------------------------------------------ the window

    def add_dock(self, widget: Any, title: str, area: str = "right") -> Any:
        """Put ``widget`` in a dock pane (``area``: left, right, top, bottom); returns the dock.

        The dock gets the object name ``plugin.<name>.<n>`` so the window's
        saved state puts it back where the operator left it.
        """
        if area not in DOCK_AREAS:
            raise ValueError(f"area must be one of {DOCK_AREAS}, not {area!r}")
        self._check_open()
        return self._ui.add_dock(self.name, widget, title, area)

    def add_action(
        self,
        action: Any,
        callback: Callable[[], object] | None = None,
        shortcut: str | None = None,
        *,
        menu: str = "plugins",
    ) -> Any:
        """Add a menu action; returns the QAction.

        ``action`` is a QAction, or its text with ``callback`` (and ``shortcut``,
        e.g. ``"Ctrl+Shift+A"``), or a ``(text, callback, shortcut)`` tuple.
        ``menu`` is ``"plugins"`` (the Plugins menu) or ``"view"``. A callback
        that raises is reported, not fatal.
        """
        self._check_open()
        if isinstance(action, tuple):
            action = ActionSpec(*action)
        elif isinstance(action, str):
            if callback is None:
                raise TypeError("an action given by its text needs a callback")
            action = ActionSpec(action, callback, shortcut)
        if isinstance(action, ActionSpec):
            action = ActionSpec(action.text, self._guard(action.callback), action.shortcut)
        if menu not in ("plugins", "view"):
            raise ValueError(f"menu must be 'plugins' or 'view', not {menu!r}")
        return self._ui.add_action(self.name, action, menu)

    def add_status_widget(self, widget: Any, *, permanent: bool = True) -> Any:
        """Put ``widget`` in the status bar (``permanent``: on the right, never covered by messages)."""
        self._check_open()
        return self._ui.add_status_widget(self.name, widget, permanent)

    # ------------------------------------------------------------------ work

    def start_task(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> asyncio.Task[Any]:
        """Run ``coro`` on the app's loop; cancelled when the plugin stops.

        If it raises, the plugin is stopped and reported failed.
        """
        if self._closed:
            coro.close()
            raise PluginStopped(f"plugin {self.name!r} is stopped")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coro.close()  # else Python warns "never awaited"
            raise
        task = loop.create_task(coro, name=f"plugin {self.name}: {name or getattr(coro, '__name__', 'task')}")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None and not self._closed:
            self._fail(exc, f"task {task.get_name()!r}")

    def on_events(self, callback: Callable[[list[Event]], None]) -> Callable[[], None]:
        """Every batch of live events (``Session.on_events``), until the plugin stops.

        A callback that raises stops the plugin (reported failed).
        """
        if self.session is None:
            return lambda: None
        return self.add_cleanup(self.session.on_events(self._fatal(callback, "event listener")))

    def on_inventory(self, callback: Callable[[InventoryDelta], None]) -> Callable[[], None]:
        """Every inventory change batch, until the plugin stops; raising stops the plugin."""
        if self.session is None:
            return lambda: None
        return self.add_cleanup(self.session.inventory.subscribe(self._fatal(callback, "inventory listener")))

    def on_state(self, callback: Callable[[ConnectionState, str], None]) -> Callable[[], None]:
        """The session's connection state changes (``ConnectionState``, detail)."""
        if self.session is None:
            return lambda: None
        return self.add_cleanup(self.session.on_state(self._fatal(callback, "state listener")))

    def add_cleanup(self, fn: Callable[[], object]) -> Callable[[], None]:
        """Call ``fn`` when the plugin stops (last added, first called); returns ``fn`` wrapped to run once."""
        done = False

        def once() -> None:
            nonlocal done
            if not done:
                done = True
                fn()

        self._cleanups.append(once)
        return once

    # ------------------------------------------------------------------ problems

    def report_error(self, exc: BaseException, message: str | None = None) -> None:
        """Report a problem that does not stop the plugin: logged, and shown in the status bar."""
        self.log.error("%s", message or exc, exc_info=exc)
        text = QCoreApplication.translate("PluginContext", "{plugin}: {message}").format(
            plugin=self.name, message=message or _describe(exc))
        with contextlib.suppress(Exception):
            self._ui.show_problem(self.name, text)

    # ------------------------------------------------------------------ internals

    def _check_open(self) -> None:
        if self._closed:
            raise PluginStopped(f"plugin {self.name!r} is stopped")

    def _fail(self, exc: BaseException, where: str) -> None:
        self.log.error("%s failed", where, exc_info=exc)
        if self._on_failure is not None:
            self._on_failure(exc, where)

    def _fatal(self, callback: Callable[..., None], where: str) -> Callable[..., None]:
        def call(*args: Any) -> None:
            if self._closed:
                return
            try:
                callback(*args)
            except Exception as exc:
                self._fail(exc, where)

        return call

    def _guard(self, callback: Callable[[], object]) -> Callable[[], None]:
        def call(*_args: Any) -> None:
            try:
                callback()
            except Exception as exc:
                self.report_error(exc)

        return call

    def close(self) -> None:
        """Stop: cancel the tasks, run the cleanups, remove what the plugin added to the window."""
        if self._closed:
            return
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        self._tasks.clear()
        while self._cleanups:
            fn = self._cleanups.pop()
            try:
                fn()
            except Exception:
                self.log.exception("cleanup failed")
        try:
            self._ui.remove_plugin(self.name)
        except Exception:
            self.log.exception("removing the plugin's panes failed")


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
