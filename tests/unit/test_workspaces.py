"""Workspaces: the file (round trip, corrupt, newer, hostile), and placing windows on the screens there are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from controlroom.wall.layouts import preset
from controlroom.wall.tours import TourSpec
from controlroom.wall.views import View
from controlroom.workspaces import (
    MAX_WINDOWS,
    Rect,
    Screen,
    WindowPlace,
    Workspace,
    WorkspaceError,
    WorkspaceStore,
    WorkspaceStoreReadOnly,
    find_screen,
    move_into,
    place,
    workspaces_file,
)

LEFT = Screen("DP-1", Rect(0, 0, 1920, 1080))
RIGHT = Screen("HDMI-1", Rect(1920, 0, 1280, 720))


def _window(kind: str, screen: Screen, geometry: Rect, full: str | None = None) -> WindowPlace:
    view = View("北门 <b>watch</b>", preset(4), {0: "37132601051310000001"},
                {1: TourSpec(("37132601051310000002", "37132601051310000003"), 10.0)})
    return WindowPlace(kind, screen, geometry, view, full, None)


def _workspace() -> Workspace:
    return Workspace("值班 desk", (_window("main", LEFT, Rect(20, 20, 1400, 800)),
                                   _window("wall", RIGHT, Rect(1920, 0, 1280, 720), "presenting")))


def test_round_trip_and_current(tmp_path: Path) -> None:
    store = WorkspaceStore(tmp_path / "ws.json")
    assert store.load() is None and store.names() == []
    store.put(_workspace())
    store.current = "值班 desk"
    store.save()
    again = WorkspaceStore(tmp_path / "ws.json")
    assert again.load() is None
    assert again.current == "值班 desk" and again.get("值班 desk") == _workspace()
    text = (tmp_path / "ws.json").read_text("utf-8")
    assert "值班" in text and json.loads(text)["schema_version"] == 1


def test_file_is_per_platform_and_user(tmp_path: Path) -> None:
    a = workspaces_file(tmp_path, "https://county.example:8443/", "dispatcher")
    b = workspaces_file(tmp_path, "https://county.example:8443/", "town08")
    assert a != b and a.parent == tmp_path / "workspaces" and a.suffix == ".json"


@pytest.mark.parametrize("content", [
    b"{not json",
    b"[]",
    b'{"schema_version": 1, "workspaces": [{"name": "x", "windows": [{"kind": "popup"}]}]}',
    b'{"schema_version": 1, "current": "gone", "workspaces": []}',
    json.dumps({"schema_version": 1, "workspaces": [
        {"name": "x", "windows": [_window("wall", RIGHT, Rect(0, 0, 10, 10)).to_dict()] * (MAX_WINDOWS + 1)}]}).encode(),
    json.dumps({"schema_version": 1, "workspaces": [{"name": "x", "windows": [
        dict(_window("wall", RIGHT, Rect(0, 0, 10, 10)).to_dict(), geometry=[0, 0, 10, 10**9])]}]}).encode(),
    json.dumps({"schema_version": 1, "workspaces": [{"name": "x", "windows": [
        dict(_window("wall", RIGHT, Rect(0, 0, 10, 10)).to_dict(), full_screen=True)]}]}).encode(),
])
def test_a_corrupt_file_is_set_aside_and_nothing_else_is_touched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "workspaces" / "ws.json"
    path.parent.mkdir()
    path.write_bytes(content)
    views = tmp_path / "views.json"
    views.write_text("{}")
    store = WorkspaceStore(path)
    problem = store.load()
    assert problem is not None and store.set_aside is not None and store.set_aside.read_bytes() == content
    assert store.names() == [] and store.current is None and not path.exists()
    assert views.read_text() == "{}", "other files are not touched"
    store.put(_workspace())
    store.save()  # a fresh file can be written
    assert WorkspaceStore(path).load() is None


def test_a_newer_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    path.write_text('{"schema_version": 99, "workspaces": []}')
    store = WorkspaceStore(path)
    assert store.load() is not None and store.read_only
    with pytest.raises(WorkspaceStoreReadOnly):
        store.save()
    assert path.read_text() == '{"schema_version": 99, "workspaces": []}'


def test_hostile_values_are_refused() -> None:
    with pytest.raises(WorkspaceError):
        Rect(0, 0, 0, 10)
    with pytest.raises(WorkspaceError):
        Rect(True, 0, 10, 10)  # type: ignore[arg-type]
    with pytest.raises(WorkspaceError):
        Workspace("two mains", (_window("main", LEFT, Rect(0, 0, 9, 9)),) * 2)
    with pytest.raises(WorkspaceError):
        WindowPlace.from_dict(dict(_window("wall", LEFT, Rect(0, 0, 9, 9)).to_dict(), screen={"name": "x" * 500,
                                                                                          "geometry": [0, 0, 9, 9]}))


def test_windows_keep_their_screens() -> None:
    ws = _workspace()
    spots = place(ws.windows, [LEFT, RIGHT])
    assert [s.screen for s in spots] == [LEFT, RIGHT] and not any(s.moved for s in spots)
    assert spots[1].geometry == Rect(1920, 0, 1280, 720)


def test_a_renamed_screen_is_found_by_its_geometry() -> None:
    renamed = Screen("HDMI-2", RIGHT.geometry)
    assert find_screen(RIGHT, [LEFT, renamed]) == renamed
    assert not place(_workspace().windows, [LEFT, renamed])[1].moved


def test_a_missing_screen_puts_its_windows_on_a_remaining_one() -> None:
    spots = place(_workspace().windows, [LEFT])
    assert spots[0] == place(_workspace().windows, [LEFT, RIGHT])[0]
    assert spots[1].moved and spots[1].screen == LEFT
    g = spots[1].geometry
    assert LEFT.geometry.contains(g.x, g.y) and LEFT.geometry.contains(g.x + g.w - 1, g.y + g.h - 1)


def test_lost_walls_go_to_spare_screens_before_the_desk() -> None:
    third = Screen("DP-3", Rect(3200, 0, 1920, 1080))
    spare = Screen("DP-2", Rect(1920, 0, 1920, 1080))
    windows = (_window("main", LEFT, Rect(0, 0, 800, 600)), _window("wall", RIGHT, Rect(1920, 0, 1280, 720)),
               _window("wall", third, Rect(3200, 0, 1920, 1080)))
    spots = place(windows, [LEFT, spare])
    assert [s.screen.name for s in spots] == ["DP-1", "DP-2", "DP-2"] and [s.moved for s in spots] == [False, True, True]


def test_move_into_keeps_the_place_and_fits() -> None:
    assert move_into(Rect(2020, 50, 600, 400), RIGHT.geometry, LEFT.geometry) == Rect(100, 50, 600, 400)
    big = move_into(Rect(0, 0, 4000, 3000), LEFT.geometry, RIGHT.geometry)
    assert big == Rect(1920, 0, 1280, 720)
    with pytest.raises(WorkspaceError):
        place(_workspace().windows, [])
