"""Atomic writes and versioned loading: nothing half-written, nothing silently dropped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from controlroom import storage
from controlroom.storage import atomic_write, load_versioned


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    p = tmp_path / "sub" / "f.json"
    atomic_write(p, b"one")
    atomic_write(p, b"two")
    assert p.read_bytes() == b"two"
    assert sorted(os.listdir(p.parent)) == ["f.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "f.json"
    atomic_write(p, b"old")

    def boom(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(p, b"new")
    assert p.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["f.json"]


def test_missing_file_is_no_problem(tmp_path: Path) -> None:
    loaded = load_versioned(tmp_path / "none.json", current=1, migrations={})
    assert (loaded.data, loaded.problem, loaded.set_aside, loaded.read_only) == (None, None, None, False)


@pytest.mark.parametrize("raw", [b'{"schema_version": 1, "x": [', b"[1, 2]", b"\x00\xff\xfe garbage",
                                 b'{"x": 1}', b'{"schema_version": "1"}', b'{"schema_version": true}', b""])
def test_corrupt_files_are_set_aside(tmp_path: Path, raw: bytes) -> None:
    p = tmp_path / "f.json"
    p.write_bytes(raw)
    loaded = load_versioned(p, current=1, migrations={})
    assert loaded.data is None and loaded.problem and not loaded.read_only
    assert loaded.set_aside is not None and loaded.set_aside.read_bytes() == raw
    assert loaded.set_aside.name.startswith("f.json.corrupt-")
    assert not p.exists()


def test_two_set_asides_in_one_second_keep_both(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    seen = set()
    for raw in (b"[", b"]"):
        p.write_bytes(raw)
        seen.add(load_versioned(p, current=1, migrations={}).set_aside)
    assert len(seen) == 2 and all(s is not None and s.exists() for s in seen)


def test_newer_file_is_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    p.write_text('{"schema_version": 3}')
    loaded = load_versioned(p, current=1, migrations={})
    assert loaded.data is None and loaded.read_only and loaded.set_aside is None
    assert "newer" in (loaded.problem or "")
    assert p.read_text() == '{"schema_version": 3}'


def test_migrations_run_in_order(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    p.write_text(json.dumps({"schema_version": 1, "a": 1}))
    loaded = load_versioned(p, current=3, migrations={
        1: lambda d: {**d, "b": d["a"] + 1},
        2: lambda d: {**d, "c": d["b"] + 1},
    })
    assert loaded.data == {"schema_version": 3, "a": 1, "b": 2, "c": 3}


def test_missing_migration_or_invalid_data_sets_aside(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    p.write_text('{"schema_version": 1}')
    assert load_versioned(p, current=2, migrations={}).set_aside is not None
    p.write_text('{"schema_version": 1, "n": "x"}')

    def validate(d: dict) -> None:
        if not isinstance(d["n"], int):
            raise ValueError("n must be a number")

    loaded = load_versioned(p, current=1, migrations={}, validate=validate)
    assert loaded.set_aside is not None and "n must be a number" in (loaded.problem or "")


def test_an_unreadable_path_is_read_only_not_set_aside(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    p.mkdir()  # a folder where the file should be
    loaded = load_versioned(p, current=1, migrations={})
    assert loaded.read_only and loaded.set_aside is None and loaded.problem
    assert p.is_dir()
