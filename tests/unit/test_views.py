"""Views: saved and restored, names stored as they are, corrupt files set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from controlroom.wall.layouts import Cell, custom, preset
from controlroom.wall.tours import TourSpec
from controlroom.wall.views import (
    View,
    ViewError,
    ViewNameTaken,
    ViewNotFound,
    ViewStore,
    ViewStoreReadOnly,
)

CAM = "37132600001310000001"
NAMES = ["<b>北武台社区</b> & 村口", "Ωmega 🎥", "العربية", "e\u0301", "tab\tand\nnewline", "nul\x00", " spaced "]


def sample(name: str = "夜间巡查") -> View:
    return View(name, custom(2, 3, [Cell(0, 0, 2, 2)], name="自定义"), {0: CAM, 2: "x"},
                {1: TourSpec(("a", "b"), 7.5)})


def test_views_survive_a_reload(tmp_path: Path) -> None:
    store = ViewStore(tmp_path / "views.json")
    assert store.load() == [] and len(store) == 0
    for name in NAMES:
        store.put(sample(name))
    store.last_view = NAMES[1]
    store.save()
    again = ViewStore(tmp_path / "views.json")
    assert again.load() == []
    assert again.names() == NAMES
    assert again.get(NAMES[0]) == sample(NAMES[0])
    assert again.last_view == NAMES[1]
    text = (tmp_path / "views.json").read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == 1 and "北武台" in text  # readable, not escaped


def test_runtime_state_is_never_stored(tmp_path: Path) -> None:
    store = ViewStore(tmp_path / "views.json")
    store.put(sample())
    store.save()
    doc = json.loads((tmp_path / "views.json").read_text())
    assert set(doc) == {"schema_version", "last_view", "views"}
    assert set(doc["views"][0]) == {"name", "layout", "assignments", "tile_tours"}


def test_rename_and_delete(tmp_path: Path) -> None:
    store = ViewStore(tmp_path / "v.json")
    store.put(sample("a"))
    store.put(sample("b"))
    store.put(sample("c"))
    store.last_view = "b"
    with pytest.raises(ViewNameTaken, match="already"):
        store.rename("b", "a")
    with pytest.raises(ViewNotFound):
        store.rename("zz", "y")
    with pytest.raises(ViewError):
        store.rename("b", "  ")
    store.rename("b", "b2")
    assert store.names() == ["a", "b2", "c"] and store.last_view == "b2"
    assert store.get("b2").name == "b2"  # type: ignore[union-attr]
    store.rename("a", "a")
    for name in ("a", "b2", "c"):
        store.delete(name)
    assert len(store) == 0 and store.last_view is None
    store.save()
    again = ViewStore(tmp_path / "v.json")
    assert again.load() == [] and len(again) == 0
    with pytest.raises(ViewNotFound):
        again.delete("a")
    with pytest.raises(ViewNotFound):
        again.last_view = "a"


def test_view_validation() -> None:
    with pytest.raises(ViewError):
        View("", preset(4))
    with pytest.raises(ViewError, match="tile 4"):
        View("v", preset(4), {4: CAM})
    with pytest.raises(ViewError):
        View("bad \ud800 surrogate", preset(4))
    with pytest.raises(ViewError):
        View("v", preset(4), {0: 5})  # type: ignore[dict-item]


@pytest.mark.parametrize("raw", [
    b'{"schema_version": 1, "views": [',  # truncated
    b'{"schema_version": 1, "views": {"a": 1}}',  # wrong type
    b'{"schema_version": 1, "views": [{"name": "a", "layout": {"name": "x", "rows": 1, "cols": 2, '
    b'"cells": [{"row": 0, "col": 0}]}}]}',  # a layout with a hole
    b'{"schema_version": 1, "views": [{"name": "a", "layout": {"name": "x", "rows": 1, "cols": 1, '
    b'"cells": [{"row": 0, "col": 0}]}, "assignments": {"1": "x"}}]}',  # a tile that is not there
    b'{"schema_version": 1, "views": [{"name": "a", "layout": {"name": "x", "rows": 1, "cols": 1, '
    b'"cells": [{"row": 0, "col": 0}]}, "tile_tours": {"0": {"items": ["a"], "interval": 1}}}]}',
    b'[{"name": "a"}]',  # a list instead of an object
    bytes(range(256)),  # binary garbage
    b'{"schema_version": 1, "last_view": "nope"}',
])
def test_a_corrupt_file_is_set_aside_and_a_new_store_saves(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "views.json"
    path.write_bytes(raw)
    store = ViewStore(path)
    problems = store.load()
    assert len(problems) == 1 and "set aside" in problems[0]
    assert store.set_aside is not None and store.set_aside.read_bytes() == raw
    assert len(store) == 0 and not store.read_only
    store.put(sample())
    store.save()
    again = ViewStore(path)
    assert again.load() == [] and again.names() == ["夜间巡查"]
    assert store.set_aside.read_bytes() == raw  # what was there is kept


def test_a_newer_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "views.json"
    raw = b'{"schema_version": 2, "views": [], "tomorrow": true}'
    path.write_bytes(raw)
    store = ViewStore(path)
    problems = store.load()
    assert len(problems) == 1 and "newer" in problems[0]
    assert store.read_only and store.set_aside is None
    store.put(sample())
    with pytest.raises(ViewStoreReadOnly):
        store.save()
    assert path.read_bytes() == raw


def test_views_are_kept_per_platform_and_user(tmp_path) -> None:
    from controlroom.wall.views import views_file

    a = views_file(tmp_path, "https://127.0.0.1:8443/", "dispatcher")
    assert a == views_file(tmp_path, "https://127.0.0.1:8443", "dispatcher")  # a trailing / is the same platform
    others = {views_file(tmp_path, "https://127.0.0.1:8443", "wutai"),
              views_file(tmp_path, "https://127.0.0.1:9443", "dispatcher"),
              views_file(tmp_path, "https://10.0.0.5:8443", "dispatcher")}
    assert a not in others and len(others) == 3
    assert a.parent == tmp_path / "views" and a.name.startswith("127.0.0.1_8443-dispatcher-")
    hostile = views_file(tmp_path, "https://x/../../etc", "../../坏人\x00")
    assert hostile.parent == tmp_path / "views" and "/" not in hostile.name and "\x00" not in hostile.name


def test_the_old_single_file_goes_to_the_first_that_opens(tmp_path) -> None:
    from controlroom.wall.views import adopt_old_file, views_file

    (tmp_path / "views.json").write_text('{"schema_version": 1, "views": []}')
    first = views_file(tmp_path, "https://p:1", "dispatcher")
    second = views_file(tmp_path, "https://p:1", "wutai")
    assert adopt_old_file(tmp_path, first)
    assert first.read_text().startswith('{"schema_version": 1') and not (tmp_path / "views.json").exists()
    assert not adopt_old_file(tmp_path, second) and not second.exists()
