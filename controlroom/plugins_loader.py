"""Finding, ordering, starting and stopping plugins; one plugin's failure never stops the app.

Plugins are found through the entry-point group ``controlroom.plugins``
(built-ins and third parties alike). Discovery reads only the entry points:
a plugin is imported when it is enabled and about to load, so a disabled one
costs nothing and cannot break anything (napari's lazy ``module:object``).

Each plugin ends in one state the plugins dialog shows:

- ``loaded``: set up and running;
- ``disabled``: the operator turned it off (``plugins.disabled`` in the settings);
- ``failed``, with a ``Failure`` and a reason in words: it could not be
  imported, is not a plugin, needs another API version, misses a required
  plugin, its ``setup`` raised, or a task or listener raised at run time.

Plugins load in dependency order (``REQUIRES`` and present ``OPTIONAL``
plugins first); they stop in the reverse order, and a plugin stops before
any plugin it requires.
"""

from __future__ import annotations

import enum
import functools
import importlib.metadata
import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from controlroom.listeners import Listeners
from controlroom.plugin_api import (
    PLUGIN_API_VERSION,
    Plugin,
    PluginContext,
    PluginUi,
    api_compatible,
)
from controlroom.settings import Settings

if TYPE_CHECKING:
    from controlroom.session import Session
    from controlroom.wall.controller import WallController

log = logging.getLogger("controlroom.plugins")

GROUP = "controlroom.plugins"


class PluginState(enum.StrEnum):
    NOT_LOADED = "not loaded"  # found, not started yet
    LOADED = "loaded"
    DISABLED = "disabled"
    UNAVAILABLE = "unavailable"  # the platform lacks a capability it requires (not a failure)
    FAILED = "failed"


class Failure(enum.StrEnum):
    IMPORT = "import"  # importing its module raised
    INVALID = "invalid"  # not a Plugin subclass, NAME differs, bad SETTINGS
    API_VERSION = "api_version"  # needs another plugin API
    REQUIREMENT = "requirement"  # a required plugin is missing, disabled or failed
    SETUP = "setup"  # setup() raised
    RUNTIME = "runtime"  # a task or listener raised later
    DUPLICATE = "duplicate"  # two distributions install the same name


@dataclass
class PluginRecord:
    """What the app knows about one plugin (the dialog's row)."""

    name: str
    entry_point: EntryPoint
    distribution: str | None = None
    version: str | None = None
    state: PluginState = PluginState.NOT_LOADED
    failure: Failure | None = None
    reason: str = ""  # in the operator's words (translated)
    detail: str = ""  # the traceback, for the log and the dialog's tooltip
    problems: list[str] = field(default_factory=list)  # non-fatal: bad setting values...
    cls: type[Plugin] | None = None
    instance: Plugin | None = None
    context: PluginContext | None = None

    @property
    def title(self) -> str:
        return self.cls.title() if self.cls is not None else self.name

    @property
    def target(self) -> str:
        """``module:Class`` as the entry point says."""
        return self.entry_point.value

    @property
    def requires(self) -> tuple[str, ...]:
        return tuple(self.cls.REQUIRES) if self.cls is not None else ()

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(self.cls.OPTIONAL) if self.cls is not None else ()


def discover(group: str = GROUP) -> list[EntryPoint]:
    """The installed entry points of ``group`` (nothing is imported)."""
    return list(importlib.metadata.entry_points(group=group))



def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _version_text(v: object) -> str:
    if isinstance(v, tuple):
        return ".".join(str(n) for n in v)
    return repr(v)


def _capability_words(capability: str) -> str:
    """A capability in the operator's words."""
    words = {
        "grids": QCoreApplication.translate("PluginManager", "grids"),
        "events_push": QCoreApplication.translate("PluginManager", "live updates"),
        "alerts": QCoreApplication.translate("PluginManager", "alerts"),
        "alert_ack": QCoreApplication.translate("PluginManager", "alert acknowledgement"),
        "conference": QCoreApplication.translate("PluginManager", "conferences"),
        "ptz": QCoreApplication.translate("PluginManager", "PTZ control"),
        "playback": QCoreApplication.translate("PluginManager", "playback"),
    }
    return words.get(capability, capability)


class PluginManager:
    """Discovers the plugins, loads the enabled ones in order, and keeps their states.

    ``ui`` puts their panes into the window (``controlroom.ui.plugin_host``);
    ``settings`` holds ``plugins.disabled`` and each plugin's section.
    Listeners (``on_change``) hear the name of each plugin whose state changed.
    """

    def __init__(
        self,
        settings: Settings,
        ui: PluginUi,
        *,
        session: Session | None = None,
        wall: WallController | None = None,
        entry_points: Iterable[EntryPoint] | None = None,
    ) -> None:
        self.settings = settings
        self.ui = ui
        self.session = session
        self.wall = wall
        self.records: dict[str, PluginRecord] = {}
        self._entry_points = entry_points
        self._listeners: Listeners[[str]] = Listeners(log, "plugin state")
        self._started = False

    # ------------------------------------------------------------------ listeners

    def on_change(self, cb: Callable[[str], None]) -> Callable[[], None]:
        return self._listeners.add(cb)

    def _changed(self, name: str) -> None:
        self._listeners.emit(name)

    # ------------------------------------------------------------------ queries

    def get(self, name: str) -> Plugin | None:
        """The running instance of plugin ``name``, or None."""
        rec = self.records.get(name)
        return rec.instance if rec is not None and rec.state == PluginState.LOADED else None

    def is_enabled(self, name: str) -> bool:
        return name not in self.settings.get("plugins.disabled")

    def failed(self) -> list[PluginRecord]:
        return [r for r in self.records.values() if r.state == PluginState.FAILED]

    # ------------------------------------------------------------------ start / stop

    def start(self) -> None:
        """Find every plugin and load the enabled ones, requirements first."""
        if self._started:
            return
        self._started = True
        eps = list(self._entry_points) if self._entry_points is not None else discover()
        for ep in sorted(eps, key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            rec = PluginRecord(
                ep.name, ep,
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
            )
            if ep.name in self.records:
                first = self.records[ep.name]
                self._set_failed(rec, Failure.DUPLICATE, QCoreApplication.translate("PluginManager",
                    "another plugin is installed under the same name ({other}); only that one is used"
                ).format(other=first.distribution or first.target))
                self.records[f"{ep.name} ({rec.distribution or ep.value})"] = rec
                continue
            self.records[ep.name] = rec
            if not self.is_enabled(ep.name):
                rec.state = PluginState.DISABLED
        wanted = [r for r in self.records.values() if r.state == PluginState.NOT_LOADED]
        for rec in wanted:
            self._import(rec)
        cycles: list[list[str]] = []
        ordered = self._order([r for r in wanted if r.state == PluginState.NOT_LOADED], cycles)
        for cycle in cycles:
            for name in cycle[:-1]:
                self._set_failed(self.records[name], Failure.REQUIREMENT, QCoreApplication.translate("PluginManager",
                    "its requirements form a cycle: {cycle}").format(cycle=" → ".join(cycle)))
        for rec in ordered:
            if rec.state == PluginState.NOT_LOADED:
                self._setup(rec)
        loaded = [r.name for r in self.records.values() if r.state == PluginState.LOADED]
        log.info("plugins loaded: %s", ", ".join(loaded) or "none")

    def stop(self) -> None:
        """Stop every running plugin, dependents before what they require (the window is closing)."""
        for rec in reversed(self._order([r for r in self.records.values() if r.state == PluginState.LOADED])):
            self._stop(rec)
            rec.state = PluginState.NOT_LOADED
            self._changed(rec.name)

    # ------------------------------------------------------------------ enable / disable

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Turn plugin ``name`` on or off, at once, and remember it in the settings.

        Turning one off first stops the plugins that require it (they show as
        failed: "requires ..., which is disabled"); turning one on loads it and
        then retries those.
        """
        rec = self.records[name]
        disabled = [n for n in self.settings.get("plugins.disabled") if n != name]
        if not enabled:
            disabled.append(name)
        self.settings.set("plugins.disabled", sorted(disabled))
        if enabled:
            if rec.state in (PluginState.LOADED,) or rec.failure == Failure.DUPLICATE:
                return
            self._reset(rec)
            self._import(rec)
            if rec.state == PluginState.NOT_LOADED:
                self._setup(rec)
            self._retry_dependents()
        else:
            if rec.state == PluginState.LOADED:
                self._stop_dependents(rec.name, QCoreApplication.translate("PluginManager", "requires “{name}”, which is disabled").format(name=name))
                self._stop(rec)
            self._reset(rec)
            rec.state = PluginState.DISABLED
            self._changed(name)

    def _retry_dependents(self) -> None:
        again = True
        while again:
            again = False
            for rec in self._order([r for r in self.records.values()
                                    if r.failure == Failure.REQUIREMENT and self.is_enabled(r.name)]):
                self._reset(rec)
                self._setup(rec)
                again = again or rec.state == PluginState.LOADED

    # ------------------------------------------------------------------ steps

    def _reset(self, rec: PluginRecord) -> None:
        rec.state, rec.failure, rec.reason, rec.detail = PluginState.NOT_LOADED, None, "", ""

    def _import(self, rec: PluginRecord) -> None:
        try:
            cls = rec.entry_point.load()
        except Exception as exc:
            self._set_failed(rec, Failure.IMPORT, QCoreApplication.translate("PluginManager", "could not be imported: {error}").format(
                error=_describe(exc)), exc)
            return
        if not (isinstance(cls, type) and issubclass(cls, Plugin)):
            self._set_failed(rec, Failure.INVALID, QCoreApplication.translate("PluginManager",
                "{target} is not a ControlRoom plugin (a subclass of controlroom.plugin_api.Plugin)"
            ).format(target=rec.target))
            return
        rec.cls = cls
        if cls.NAME != rec.name:
            self._set_failed(rec, Failure.INVALID, QCoreApplication.translate("PluginManager",
                "its NAME is “{got}” but its entry point is named “{name}”: they must be the same"
            ).format(got=cls.NAME, name=rec.name))
            return
        wanted = getattr(cls, "API_VERSION", None)
        if wanted is None:
            self._set_failed(rec, Failure.API_VERSION, QCoreApplication.translate("PluginManager",
                "declares no API_VERSION; this ControlRoom has plugin API {have}"
            ).format(have=_version_text(PLUGIN_API_VERSION)))
            return
        if not api_compatible(wanted):
            self._set_failed(rec, Failure.API_VERSION, QCoreApplication.translate("PluginManager",
                "needs plugin API {wanted}; this ControlRoom has plugin API {have}"
            ).format(wanted=_version_text(wanted), have=_version_text(PLUGIN_API_VERSION)))

    def _order(self, recs: list[PluginRecord], cycles: list[list[str]] | None = None) -> list[PluginRecord]:
        """``recs`` with each plugin after what it requires or optionally uses (when among them).

        Requirement cycles found on the way are appended to ``cycles``.
        """
        by_name = {r.name: r for r in recs}
        ordered: list[PluginRecord] = []
        done: set[str] = set()
        path: list[str] = []

        def visit(rec: PluginRecord) -> None:
            if rec.name in done:
                return
            if rec.name in path:
                if cycles is not None:
                    cycles.append([*path[path.index(rec.name):], rec.name])
                return
            path.append(rec.name)
            for dep in (*rec.requires, *rec.optional):
                if dep in by_name:
                    visit(by_name[dep])
            path.pop()
            if rec.name not in done:
                done.add(rec.name)
                ordered.append(rec)

        for rec in recs:
            visit(rec)
        return ordered

    def _missing(self, rec: PluginRecord) -> str | None:
        for req in rec.requires:
            other = self.records.get(req)
            if other is None:
                return QCoreApplication.translate("PluginManager", "requires “{name}”, which is not installed").format(name=req)
            if other.state == PluginState.DISABLED:
                return QCoreApplication.translate("PluginManager", "requires “{name}”, which is disabled").format(name=req)
            if other.state == PluginState.FAILED:
                return QCoreApplication.translate("PluginManager", "requires “{name}”, which failed").format(name=req)
            if other.state == PluginState.UNAVAILABLE:
                return QCoreApplication.translate("PluginManager", "requires “{name}”, which this platform does not offer").format(name=req)
            if other.state != PluginState.LOADED:
                return QCoreApplication.translate("PluginManager", "requires “{name}”, which is not loaded").format(name=req)
        return None

    def _lacking(self, rec: PluginRecord) -> list[str]:
        """The capabilities ``rec`` requires that this session's platform does not offer."""
        assert rec.cls is not None
        offered = getattr(self.session, "capabilities", None)
        if offered is None:
            return []
        return [c for c in rec.cls.REQUIRES_CAPABILITIES if c not in offered]

    def _setup(self, rec: PluginRecord) -> None:
        assert rec.cls is not None
        lacking = self._lacking(rec)
        if lacking:
            rec.state, rec.failure = PluginState.UNAVAILABLE, None
            rec.reason = QCoreApplication.translate("PluginManager", "not offered by this platform ({what})").format(
                what=", ".join(_capability_words(c) for c in lacking))
            log.info("plugin %s not started: the platform lacks %s", rec.name, ", ".join(lacking))
            self._changed(rec.name)
            return
        missing = self._missing(rec)
        if missing is not None:
            self._set_failed(rec, Failure.REQUIREMENT, missing)
            return
        prefix = f"plugins.{rec.name}."
        try:
            rec.problems = self.settings.register(prefix, rec.cls.SETTINGS)
        except (TypeError, ValueError) as exc:
            self._set_failed(rec, Failure.INVALID, QCoreApplication.translate("PluginManager", "its SETTINGS are invalid: {error}").format(
                error=_describe(exc)), exc)
            return
        for problem in rec.problems:
            self.ui.show_problem(rec.name, problem)
        ctx = PluginContext(
            rec.name,
            session=self.session,
            wall=self.wall,
            settings=self.settings.section(prefix),
            ui=self.ui,
            tr_context=rec.cls.TR_CONTEXT,
            plugins=self.get,
            on_failure=functools.partial(self._runtime_failure, rec),
        )
        try:
            instance = rec.cls()
            rec.context, rec.instance = ctx, instance
            instance.setup(ctx)
        except Exception as exc:
            ctx.close()  # whatever it added before raising goes away
            rec.context = rec.instance = None
            self._set_failed(rec, Failure.SETUP, QCoreApplication.translate("PluginManager", "failed to start: {error}").format(
                error=_describe(exc)), exc)
            return
        if rec.state == PluginState.FAILED:  # a task it started failed already
            return
        rec.state = PluginState.LOADED
        log.info("plugin %s loaded (%s)", rec.name, rec.target)
        self._changed(rec.name)

    def _stop(self, rec: PluginRecord) -> None:
        """Teardown, then close its context (everything it added goes)."""
        instance, ctx = rec.instance, rec.context
        rec.instance = rec.context = None
        if instance is not None:
            try:
                instance.teardown()
            except Exception:
                log.exception("plugin %s: teardown failed", rec.name)
        if ctx is not None:
            ctx.close()

    def _stop_dependents(self, name: str, reason: str) -> None:
        for other in reversed(self._order(list(self.records.values()))):
            if other.state == PluginState.LOADED and name in other.requires:
                self._stop_dependents(other.name, QCoreApplication.translate("PluginManager", "requires “{name}”, which failed").format(name=other.name))
                self._stop(other)
                self._set_failed(other, Failure.REQUIREMENT, reason)

    def _runtime_failure(self, rec: PluginRecord, exc: BaseException, where: str) -> None:
        if rec.state == PluginState.FAILED:
            return
        was_loaded = rec.state == PluginState.LOADED
        reason = QCoreApplication.translate("PluginManager", "stopped after an error in its {where}: {error}").format(where=where, error=_describe(exc))
        if was_loaded:
            self._stop_dependents(rec.name, QCoreApplication.translate("PluginManager", "requires “{name}”, which failed").format(name=rec.name))
        self._stop(rec)
        self._set_failed(rec, Failure.RUNTIME, reason, exc)

    def _set_failed(self, rec: PluginRecord, failure: Failure, reason: str,
                    exc: BaseException | None = None) -> None:
        rec.state, rec.failure, rec.reason = PluginState.FAILED, failure, reason
        rec.detail = "".join(traceback.format_exception(exc)) if exc is not None else ""
        if exc is not None:
            log.error("plugin %s failed (%s): %s", rec.name, failure, reason, exc_info=exc)
        else:
            log.warning("plugin %s failed (%s): %s", rec.name, failure, reason)
        try:
            self.ui.show_problem(rec.name, QCoreApplication.translate("PluginManager", "Plugin “{name}” failed: {reason}").format(name=rec.name, reason=reason))
        except Exception:
            log.exception("showing a plugin problem failed")
        self._changed(rec.name)
