"""Settings: declared once, typed on load, stored versioned and atomically; nothing lost quietly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from controlroom import settings as settings_mod
from controlroom.settings import DECLARED, SCHEMA_VERSION, Setting, SettingError, Settings


def _write(path: Path, values: dict, version: int = SCHEMA_VERSION) -> None:
    path.write_text(json.dumps({"schema_version": version, "values": values}), encoding="utf-8")


def test_declared_table_has_the_app_settings() -> None:
    for name in ("language", "video.transport_preference", "video.network_caching_ms", "video.vout",
                 "wall.bandwidth_budget_kbps", "wall.decode_budget", "plugins.disabled"):
        assert name in DECLARED and DECLARED[name].description
    assert DECLARED["video.vout"].default == "auto" and DECLARED["wall.decode_budget"].default == "auto"
    assert settings_mod.auto_vout("linux") == "xcb_x11"
    assert settings_mod.auto_vout("win32") == "direct3d11"


def test_network_caching_default_is_the_video_engines() -> None:
    from controlroom.video.vlc_options import DEFAULT_NETWORK_CACHING_MS

    assert DECLARED["video.network_caching_ms"].default == DEFAULT_NETWORK_CACHING_MS


def test_missing_file_gives_defaults_and_set_saves_only_changes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(path)
    assert s.load() == [] and not path.exists()
    assert s.get("video.network_caching_ms") == 300
    seen: list[tuple[str, object]] = []
    s.on_change(lambda n, v: seen.append((n, v)))
    s.set("video.network_caching_ms", 800)
    s.set("plugins.disabled", ["alerts"])
    assert seen == [("video.network_caching_ms", 800), ("plugins.disabled", ["alerts"])]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"schema_version": SCHEMA_VERSION,
                    "values": {"plugins.disabled": ["alerts"], "video.network_caching_ms": 800}}
    again = Settings(path)
    assert again.load() == []
    assert again.get("video.network_caching_ms") == 800 and again.get("plugins.disabled") == ["alerts"]
    again.reset("video.network_caching_ms")  # back to the default: no longer written
    assert "video.network_caching_ms" not in json.loads(path.read_text(encoding="utf-8"))["values"]
    assert not list(tmp_path.glob(".settings.json.*")), "no temporary files left behind"


def test_set_refuses_a_wrong_value_and_keeps_the_old(tmp_path: Path) -> None:
    s = Settings(tmp_path / "settings.json")
    s.load()
    with pytest.raises(SettingError, match="expected a whole number"):
        s.set("video.network_caching_ms", "fast")
    with pytest.raises(SettingError, match="below the minimum 0"):
        s.set("wall.bandwidth_budget_kbps", -1)
    with pytest.raises(SettingError, match="not one of"):
        s.set("video.transport_preference", ["rtsp", "carrier-pigeon"])
    s.set("wall.decode_budget", 50_000_000)
    s.set("wall.decode_budget", "auto")
    assert s.get("wall.decode_budget") == "auto"
    assert s.get("video.network_caching_ms") == 300


def test_a_bad_value_falls_back_to_its_default_and_nothing_else_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"video.network_caching_ms": "lots", "video.vout": "gl", "language": "klingon",
                  "plugins.alerts.sound": True})
    s = Settings(path)
    problems = s.load()
    assert len(problems) == 2
    assert any("video.network_caching_ms" in p and "expected a whole number" in p and "default (300)" in p
               for p in problems)
    assert any("language" in p and "not one of" in p for p in problems)
    assert s.get("video.network_caching_ms") == 300 and s.get("language") == "auto"
    assert s.get("video.vout") == "gl", "the good value next to the bad ones is kept"
    assert path.exists(), "a bad value is not a corrupt file"
    # the plugin's value waits, untyped, until the plugin declares it; it is written back meanwhile
    s.set("video.vout", "xcb_x11")
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["plugins.alerts.sound"] is True
    assert s.register("plugins.alerts.", {"sound": Setting(bool, False, "Play a sound.")}) == []
    assert s.get("plugins.alerts.sound") is True
    problems = s.register("plugins.other.", {})
    assert problems == []


def test_a_plugin_value_of_the_wrong_type_is_reported_when_it_registers(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"plugins.alerts.sound": "loud"})
    s = Settings(path)
    assert s.load() == []
    problems = s.register("plugins.alerts.", {"sound": Setting(bool, False, "Play a sound.")})
    assert len(problems) == 1 and "plugins.alerts.sound" in problems[0] and "true or false" in problems[0]
    assert s.get("plugins.alerts.sound") is False


def test_secrets_are_refused(tmp_path: Path) -> None:
    s = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError, match="keyring"):
        s.register("plugins.conference.", {"sip_password": Setting(str, "", "no")})


def test_a_corrupt_file_is_set_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    s = Settings(path)
    problems = s.load()
    assert len(problems) == 1 and "set aside" in problems[0]
    aside = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    assert s.get("language") == "auto"
    s.set("language", "zh_CN")  # starts afresh; the old file stays aside
    assert json.loads(path.read_text(encoding="utf-8"))["values"] == {"language": "zh_CN"}


def test_a_file_without_values_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "values": [1, 2]}), encoding="utf-8")
    s = Settings(path)
    assert "set aside" in s.load()[0]
    assert not path.exists()


def test_a_newer_file_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"language": "zh_CN"}, version=SCHEMA_VERSION + 1)
    before = path.read_bytes()
    s = Settings(path)
    problems = s.load()
    assert s.read_only and len(problems) == 1 and "newer ControlRoom" in problems[0]
    s.set("language", "en")
    assert path.read_bytes() == before, "never written over"


def test_migrations_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a future schema 2 renames a setting: the table takes version 1 data to 2
    def rename(data: dict) -> dict:
        values = dict(data["values"])
        if "video.caching" in values:
            values["video.network_caching_ms"] = values.pop("video.caching")
        return {**data, "values": values}

    monkeypatch.setattr(settings_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(settings_mod, "MIGRATIONS", {1: rename})
    path = tmp_path / "settings.json"
    _write(path, {"video.caching": 500}, version=1)
    s = Settings(path)
    assert s.load() == []
    assert s.get("video.network_caching_ms") == 500
    s.save()
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2


def test_shared_is_one_instance_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTROLROOM_CONFIG_DIR", str(tmp_path))
    settings_mod.forget_shared()
    try:
        a = settings_mod.shared()
        assert a is settings_mod.shared() and a.path == tmp_path / "settings.json"
        a.set("language", "en")
        settings_mod.forget_shared()
        b = settings_mod.shared()
        assert b is not a and b.get("language") == "en"
    finally:
        settings_mod.forget_shared()
