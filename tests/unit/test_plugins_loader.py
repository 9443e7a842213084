"""The plugin loader without a window: order, requirements, versions, failures, enable/disable.

Entry points here are real ``importlib.metadata.EntryPoint`` objects naming
classes in this module (the installed test plugins are loaded through their
real entry points in tests/ui/test_plugins.py). The "UI" records what the
plugins add and remove.
"""

from __future__ import annotations

import asyncio
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, ClassVar

import pytest

from controlroom.plugin_api import (
    PLUGIN_API_VERSION,
    Plugin,
    PluginContext,
    Setting,
    api_compatible,
)
from controlroom.plugins_loader import GROUP, Failure, PluginManager, PluginState
from controlroom.settings import Settings

started: list[str] = []
stopped: list[str] = []


class RecordingUi:
    def __init__(self) -> None:
        self.added: dict[str, list[Any]] = {}
        self.problems: list[tuple[str, str]] = []

    def add_dock(self, plugin: str, widget: Any, title: str, area: str) -> Any:
        self.added.setdefault(plugin, []).append(("dock", title, area))
        return widget

    def add_action(self, plugin: str, action: Any, menu: str) -> Any:
        self.added.setdefault(plugin, []).append(("action", action, menu))
        return action

    def add_status_widget(self, plugin: str, widget: Any, permanent: bool) -> Any:
        self.added.setdefault(plugin, []).append(("status", widget))
        return widget

    def remove_plugin(self, plugin: str) -> None:
        self.added.pop(plugin, None)

    def show_problem(self, plugin: str, message: str) -> None:
        self.problems.append((plugin, message))


class Base(Plugin):
    API_VERSION = (1, 0)

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        started.append(self.NAME)
        ctx.add_dock(object(), self.NAME, "right")

    def teardown(self) -> None:
        stopped.append(self.NAME)


class Core(Base):
    NAME = "core"
    SETTINGS: ClassVar[dict[str, Setting]] = {"level": Setting(int, 3, "How much.", minimum=0)}


class Board(Base):
    NAME = "board"
    REQUIRES = ("core",)
    OPTIONAL = ("extra",)


class Extra(Base):
    NAME = "extra"


class Map(Base):
    NAME = "map"
    REQUIRES = ("board",)


class Orphan(Base):
    NAME = "orphan"
    REQUIRES = ("nowhere",)


class CycleA(Base):
    NAME = "cycle_a"
    REQUIRES = ("cycle_b",)


class CycleB(Base):
    NAME = "cycle_b"
    REQUIRES = ("cycle_a",)


class HalfSetUp(Base):
    NAME = "half"

    def setup(self, ctx: PluginContext) -> None:
        ctx.add_dock(object(), "half", "left")
        ctx.add_action("Do", lambda: None)
        raise ValueError("no luck")


class Newer(Base):
    NAME = "newer"
    API_VERSION = (1, PLUGIN_API_VERSION[1] + 1)


class NoVersion(Plugin):
    NAME = "noversion"


class Misnamed(Base):
    NAME = "something_else"


class Secretive(Base):
    NAME = "secretive"
    SETTINGS: ClassVar[dict[str, Setting]] = {"api_token": Setting(str, "", "no")}


class Crashing(Base):
    NAME = "crashing"

    def setup(self, ctx: PluginContext) -> None:
        super().setup(ctx)
        self.gate = asyncio.Event()
        ctx.start_task(self.run())

    async def run(self) -> None:
        await self.gate.wait()
        raise RuntimeError("boom at run time")


class BadListener(Base):
    NAME = "badlistener"

    def setup(self, ctx: PluginContext) -> None:
        super().setup(ctx)
        ctx.on_events(self.listen)

    def listen(self, batch: list) -> None:
        raise KeyError("listener bug")


not_a_plugin = object()


def ep(name: str, target: str) -> EntryPoint:
    return EntryPoint(name, f"{__name__}:{target}", GROUP)


@pytest.fixture(autouse=True)
def _clear() -> None:
    started.clear()
    stopped.clear()


def manager(tmp_path: Path, *eps: EntryPoint, session: Any = None) -> tuple[PluginManager, RecordingUi]:
    settings = Settings(tmp_path / "settings.json")
    settings.load()
    ui = RecordingUi()
    return PluginManager(settings, ui, session=session, entry_points=eps), ui


def test_api_versions() -> None:
    assert api_compatible((1, 0), (1, 0)) and api_compatible((1, 0), (1, 3))
    assert not api_compatible((1, 1), (1, 0)), "a newer minor needs what this one lacks"
    assert not api_compatible((2, 0), (1, 9)) and not api_compatible((0, 9), (1, 0))
    assert not api_compatible("1.0") and not api_compatible((True, 0))


def test_requirements_load_first_and_missing_ones_are_reported(tmp_path: Path) -> None:
    m, ui = manager(tmp_path, ep("map", "Map"), ep("board", "Board"), ep("core", "Core"),
                    ep("extra", "Extra"), ep("orphan", "Orphan"), ep("cycle_a", "CycleA"), ep("cycle_b", "CycleB"))
    m.start()
    assert started == ["core", "extra", "board", "map"]
    assert {n for n, r in m.records.items() if r.state == PluginState.LOADED} == {"core", "extra", "board", "map"}
    orphan = m.records["orphan"]
    assert orphan.failure == Failure.REQUIREMENT and orphan.reason == "requires “nowhere”, which is not installed"
    assert m.records["cycle_a"].reason.startswith("its requirements form a cycle: ")
    assert m.records["cycle_b"].state == PluginState.FAILED
    assert m.get("board").ctx.plugin("core") is m.get("core")
    assert ("orphan", "Plugin “orphan” failed: requires “nowhere”, which is not installed") in ui.problems
    m.stop()
    assert stopped == ["map", "board", "extra", "core"], "dependents stop first"
    assert ui.added == {}, "everything they added is gone"


def test_disable_persists_stops_dependents_and_enable_brings_them_back(tmp_path: Path) -> None:
    m, ui = manager(tmp_path, ep("board", "Board"), ep("core", "Core"), ep("map", "Map"))
    m.start()
    m.set_enabled("core", False)
    assert stopped == ["map", "board", "core"]
    assert m.records["core"].state == PluginState.DISABLED
    assert m.records["board"].reason == "requires “core”, which is disabled"
    assert m.records["map"].reason == "requires “board”, which failed"
    assert set(ui.added) == set()
    assert m.settings.get("plugins.disabled") == ["core"]

    # a restart reads the choice: core is not even imported
    m2, _ = manager(tmp_path, ep("board", "Board"), ep("core", "Core"), ep("map", "Map"))
    started.clear()
    m2.start()
    assert started == [] and m2.records["core"].state == PluginState.DISABLED and m2.records["core"].cls is None
    m2.set_enabled("core", True)
    assert started == ["core", "board", "map"], "enabling retries what waited for it"
    assert all(r.state == PluginState.LOADED for r in m2.records.values())
    assert m2.settings.get("plugins.disabled") == []


def test_wrong_or_missing_api_version_and_invalid_plugins_are_refused(tmp_path: Path) -> None:
    m, _ = manager(tmp_path, ep("newer", "Newer"), ep("noversion", "NoVersion"), ep("thing", "not_a_plugin"),
                   ep("misnamed", "Misnamed"), ep("gone", "NoSuchClass"), ep("secretive", "Secretive"))
    m.start()
    r = m.records
    major, minor = PLUGIN_API_VERSION
    assert r["newer"].failure == Failure.API_VERSION
    assert r["newer"].reason == f"needs plugin API {major}.{minor + 1}; this ControlRoom has plugin API {major}.{minor}"
    assert r["noversion"].reason.startswith("declares no API_VERSION")
    assert r["thing"].failure == Failure.INVALID and "is not a ControlRoom plugin" in r["thing"].reason
    assert r["misnamed"].reason == "its NAME is “something_else” but its entry point is named “misnamed”: they must be the same"
    assert r["gone"].failure == Failure.IMPORT and "AttributeError" in r["gone"].reason
    assert r["secretive"].failure == Failure.INVALID and "keyring" in r["secretive"].reason
    assert started == []


def test_setup_that_raises_leaves_nothing_behind(tmp_path: Path) -> None:
    m, ui = manager(tmp_path, ep("half", "HalfSetUp"), ep("core", "Core"))
    m.start()
    half = m.records["half"]
    assert half.state == PluginState.FAILED and half.failure == Failure.SETUP
    assert half.reason == "failed to start: ValueError: no luck" and "Traceback" in half.detail
    assert "half" not in ui.added and "core" in ui.added
    assert m.records["core"].state == PluginState.LOADED


def test_settings_section_is_typed(tmp_path: Path) -> None:
    m, _ = manager(tmp_path, ep("core", "Core"))
    m.start()
    section = m.get("core").ctx.settings
    assert section.get("level") == 3 and section.keys() == ["level"]
    section.set("level", 5)
    assert m.settings.get("plugins.core.level") == 5
    with pytest.raises(ValueError):
        section.set("level", -1)


def test_a_task_that_raises_disables_the_plugin(tmp_path: Path) -> None:
    m, ui = manager(tmp_path, ep("crashing", "Crashing"), ep("core", "Core"))

    async def scenario() -> None:
        m.start()
        plugin = m.get("crashing")
        assert m.records["crashing"].state == PluginState.LOADED and "crashing" in ui.added
        plugin.gate.set()
        for _ in range(10):
            await asyncio.sleep(0)
        assert m.get("crashing") is None

    asyncio.run(scenario())
    rec = m.records["crashing"]
    assert rec.state == PluginState.FAILED and rec.failure == Failure.RUNTIME
    assert rec.reason.startswith("stopped after an error in its task") and rec.reason.endswith("RuntimeError: boom at run time")
    assert "crashing" not in ui.added and stopped == ["crashing"]
    assert m.records["core"].state == PluginState.LOADED, "the others go on"


def test_start_task_outside_a_loop_fails_setup_cleanly(tmp_path: Path) -> None:
    m, _ = manager(tmp_path, ep("crashing", "Crashing"))
    m.start()
    assert m.records["crashing"].failure == Failure.SETUP
    assert "no running event loop" in m.records["crashing"].reason


class FakeSession:
    def __init__(self) -> None:
        self.listeners: list[Any] = []
        self.inventory = None

    def on_events(self, cb: Any) -> Any:
        self.listeners.append(cb)
        return lambda: self.listeners.remove(cb)

    def emit(self, batch: list) -> None:
        for cb in list(self.listeners):
            cb(batch)


def test_a_listener_that_raises_disables_the_plugin_and_unsubscribes(tmp_path: Path) -> None:
    session = FakeSession()
    m, ui = manager(tmp_path, ep("badlistener", "BadListener"), session=session)
    m.start()
    assert len(session.listeners) == 1
    session.emit([1])
    rec = m.records["badlistener"]
    assert rec.failure == Failure.RUNTIME and "event listener" in rec.reason and "KeyError" in rec.reason
    assert session.listeners == [] and ui.added == {}


def test_action_callbacks_that_raise_are_reported_not_fatal(tmp_path: Path) -> None:
    m, ui = manager(tmp_path, ep("core", "Core"))
    m.start()
    ctx = m.get("core").ctx
    action = ctx.add_action(("Explode", lambda: 1 / 0, "Ctrl+E"))
    action.callback()
    assert m.records["core"].state == PluginState.LOADED
    assert ui.problems[-1] == ("core", "core: ZeroDivisionError: division by zero")
    with pytest.raises(ValueError):
        ctx.add_dock(object(), "x", "middle")


def test_a_disabled_plugin_is_never_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    module = "controlroom_test_disabled_plugin"
    (tmp_path / f"{module}.py").write_text(
        "from controlroom.plugin_api import Plugin\n"
        "class Quiet(Plugin):\n"
        "    NAME = 'quiet'\n"
        "    API_VERSION = (1, 0)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, module, raising=False)
    settings = Settings(tmp_path / "settings.json")
    settings.set("plugins.disabled", ["quiet"])
    m = PluginManager(settings, RecordingUi(), entry_points=[EntryPoint("quiet", f"{module}:Quiet", GROUP)])
    m.start()
    assert m.records["quiet"].state == PluginState.DISABLED
    assert module not in sys.modules, "plugins.disabled must mean: not even imported"
    m.set_enabled("quiet", True)
    assert m.records["quiet"].state == PluginState.LOADED and module in sys.modules
    m.stop()


def test_no_built_in_plugin_imports_another() -> None:
    """Each built-in plugin, imported alone in a fresh interpreter, brings in no other plugin:
    so disabling one keeps it out of the process whatever else is enabled."""
    import subprocess
    import sys

    from controlroom.plugins_loader import discover

    builtins = {ep.name: ep.value for ep in discover() if ep.value.startswith("controlroom.plugins.")}
    assert {"alerts", "conference", "grid_board", "grid_map"} <= set(builtins)
    for name, target in builtins.items():
        module = target.split(":")[0]
        code = (
            "import importlib, sys\n"
            f"importlib.import_module({module!r})\n"
            f"others = sorted(m for m in sys.modules if m.startswith('controlroom.plugins.') "
            f"and m.split('.')[2] != {name!r})\n"
            "print(others)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                             env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "[]", f"{name} imports other plugins: {out.stdout.strip()}"
