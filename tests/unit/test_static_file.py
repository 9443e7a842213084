"""The static camera file: parsing, bad entries with their lines, ids, credentials, the watcher.

The keyring is the real one (gnome-keyring's Secret Service, which ``.ci/test``
starts: CONTROLROOM_TEST_KEYRING=1). Playing the file's cameras is in
tests/integration/test_static_file_video.py.
"""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest
from waiting import wait_until

from controlroom.api import errors
from controlroom.api.schema import Tier, Transport
from controlroom.backends.base import Backend, Capability, Inventory, Unsupported
from controlroom.backends.static_file import (
    KEYRING_SERVICE,
    FileWatcher,
    Problem,
    StaticFileBackend,
    derived_id,
    load,
    store_camera_credential,
    with_credentials,
)
from controlroom.logsafe import mask_url

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "cameras.toml"
needs_keyring = pytest.mark.skipif(
    os.environ.get("CONTROLROOM_TEST_KEYRING") != "1", reason="needs the Secret Service that .ci/test starts"
)

GOOD = """\
schema_version = 1

[[site]]
key = "county"
name = "County"

[[site]]
key = "town"
parent = "county"
name = "Town"

[[site]]
key = "village"
parent = "town"
name = "Village"

[[site]]
key = "hamlet"
parent = "village"
name = "Hamlet"

[[camera]]
name = "Gate"
site = "village"
main = "rtsp://10.0.0.5:554/main"
sub = "http://10.0.0.5/live/gate.ts"

[[camera]]
name = "Square"
site = "hamlet"
sub = "https://10.0.0.6/live/square.flv"
grid = "North"
"""


def write(tmp_path: Path, text: str, name: str = "cameras.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_documented_example_loads() -> None:
    loaded = load(EXAMPLE)
    assert loaded.problems == []
    inv = loaded.inventory
    assert [s.tier for s in inv.sites] == [Tier.COUNTY, Tier.TOWN, Tier.VILLAGE]
    assert [c.name for c in inv.cameras] == ["东村 村口", "仲村镇 十字路口", "县城 广场"]
    transports = [sorted(t.value for p in c.streams for t in p.urls) for c in inv.cameras]
    assert transports == [["rtsp", "rtsp"], ["http-flv", "http-ts"], ["hls"]]
    assert inv.cameras[1].id == "37132600001310000002"  # pinned
    assert inv.sites[2].id == "37132600002160000001"
    assert inv.cameras[0].site_id == inv.sites[2].id and inv.cameras[0].ptz
    assert len(inv.grids) == 1 and inv.grids[0].cameras_total == 1
    assert "credential" not in EXAMPLE.read_text().split("[[camera]]")[0]  # no secret anywhere: a name only
    main = next(p for p in inv.cameras[1].streams if p.name == "main")
    assert (main.width, main.height) == (1920, 1080)


def test_tree_depth_maps_onto_tiers_and_ids_are_stable(tmp_path: Path) -> None:
    inv = load(write(tmp_path, GOOD)).inventory
    tiers = {s.name: s.tier for s in inv.sites}
    assert tiers == {"County": Tier.COUNTY, "Town": Tier.TOWN, "Village": Tier.VILLAGE, "Hamlet": Tier.VILLAGE}
    by_name = {s.name: s for s in inv.sites}
    assert by_name["Hamlet"].parent_id == by_name["Village"].id  # the real depth stays in the tree
    assert by_name["Hamlet"].town == by_name["Town"].town == 1
    for thing in [*inv.sites, *inv.cameras]:
        assert len(thing.id) == 20 and thing.id.isdigit()
    assert inv.cameras[0].id[10:13] == "131" and inv.sites[0].id[10:13] == "216"
    # the same entry gives the same id in another file, another run
    again = load(write(tmp_path, "# a comment moves every line\n" + GOOD, "other.toml")).inventory
    assert [c.id for c in again.cameras] == [c.id for c in inv.cameras]
    assert inv.cameras[0].id == derived_id("131", ["camera", "county", "town", "village", "Gate"])
    assert {p.name: next(iter(p.urls)) for p in inv.cameras[0].streams} == {"main": Transport.RTSP, "sub": Transport.HTTP_TS}
    assert next(iter(inv.cameras[1].streams[0].urls)) is Transport.HTTP_FLV


def test_a_typoed_key_is_reported_with_its_line_and_the_rest_loads(tmp_path: Path) -> None:
    text = GOOD.replace('sub = "http://10.0.0.5/live/gate.ts"', 'sbu = "http://10.0.0.5/live/gate.ts"')
    loaded = load(write(tmp_path, text))
    assert [c.name for c in loaded.inventory.cameras] == ["Square"]
    (problem,) = loaded.problems
    assert problem.line == line_of(text, "sbu =")
    assert "unknown key 'sbu'" in problem.reason and "did you mean 'sub'" in problem.reason
    assert "Gate" in problem.reason
    assert str(problem).startswith(f"{tmp_path / 'cameras.toml'}:{problem.line}: ")
    assert loaded.inventory.problems == [str(problem)]


def test_a_camera_without_a_url_is_reported_at_its_table(tmp_path: Path) -> None:
    text = GOOD + '\n[[camera]]\nname = "Blind"\nsite = "town"\nptz = true\n'
    loaded = load(write(tmp_path, text))
    assert [c.name for c in loaded.inventory.cameras] == ["Gate", "Square"]
    (problem,) = loaded.problems
    assert problem.line == len(GOOD.splitlines()) + 2  # the [[camera]] header line
    assert "Blind" in problem.reason and "no URL" in problem.reason


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd.ts", "not a local file"),
        ("/var/video/gate.ts", "not a local file"),
        ("C:\\video\\gate.ts", "not a local file"),
        ("ftp://10.0.0.5/gate.ts", "scheme 'ftp' is not allowed"),
        ("rtmp://10.0.0.5/live/gate", "RTMP is not a transport"),
        ("http://10.0.0.5/live/gate", "must end in .ts, .flv or .m3u8"),
        ("rtsp://admin:secret@10.0.0.5/main", "put them in the keyring"),
    ],
)
def test_a_bad_url_is_a_bad_entry(tmp_path: Path, url: str, words: str) -> None:
    text = GOOD.replace('main = "rtsp://10.0.0.5:554/main"', f"main = '{url}'")
    loaded = load(write(tmp_path, text))
    assert [c.name for c in loaded.inventory.cameras] == ["Square"]
    (problem,) = loaded.problems
    assert problem.line == line_of(text, "main =")
    assert words in problem.reason
    assert "secret" not in str(problem)


def test_bad_sites_and_references(tmp_path: Path) -> None:
    text = GOOD + (
        '\n[[site]]\nkey = "lost"\nparent = "nowhere"\nname = "Lost"\n'
        '\n[[camera]]\nname = "Orphan"\nsite = "lost"\nmain = "rtsp://10.0.0.9/x"\n'
        '\n[[camera]]\nname = "Gate"\nsite = "village"\nmain = "rtsp://10.0.0.9/y"\n'  # same name, same site
    )
    loaded = load(write(tmp_path, text))
    assert [c.name for c in loaded.inventory.cameras] == ["Gate", "Square"]
    reasons = {p.line: p.reason for p in loaded.problems}
    assert "parent 'nowhere' is not a site" in reasons[line_of(text, 'parent = "nowhere"')]
    assert "'lost' is not a (good) site" in reasons[line_of(text, 'site = "lost"')]
    dup = [p for p in loaded.problems if "already used" in p.reason]
    assert len(dup) == 1 and f"line {line_of(text, '[[camera]]')}" in dup[0].reason


def test_a_newer_schema_loads_nothing_and_says_so(tmp_path: Path) -> None:
    text = "# cameras of the north gate\n\n" + GOOD.replace("schema_version = 1", "schema_version = 2")
    loaded = load(write(tmp_path, text))
    assert loaded.inventory.cameras == []
    assert "schema_version must be 1 (found 2)" in loaded.problems[0].reason
    assert loaded.problems[0].line == 3
    missing = load(write(tmp_path, GOOD.replace("schema_version = 1", ""), "missing.toml"))
    assert [(p.line, p.reason) for p in missing.problems] == [(None, "schema_version must be 1 (found None)")]
    assert len(missing.inventory.cameras) == 2  # an unversioned file is read as version 1, and told


def test_a_syntax_error_says_where_and_keeps_the_last_good_inventory(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    backend = StaticFileBackend(path)
    first = asyncio.run(backend.inventory())
    assert len(first.cameras) == 2 and first.version == 1
    broken = GOOD.replace('name = "Square"', 'name = "Square')
    path.write_text(broken, encoding="utf-8")
    inventory, problems, changed = backend.reload()
    assert not changed and backend.file_error
    assert [c.id for c in inventory.cameras] == [c.id for c in first.cameras]
    (problem,) = problems
    assert problem.line == line_of(broken, 'name = "Square')
    assert "TOML syntax error" in problem.reason and "column" in problem.reason
    assert inventory.problems == [str(problem)]
    # the never-loaded case: a clear error, not an empty platform
    with pytest.raises(errors.PlatformError, match="TOML syntax error"):
        asyncio.run(StaticFileBackend(path).inventory())


def test_the_backend_lacks_what_a_file_cannot_do(tmp_path: Path) -> None:
    backend = StaticFileBackend(write(tmp_path, GOOD))
    assert isinstance(backend, Backend)
    assert backend.capabilities == frozenset() and backend.name == "static_file"
    user = asyncio.run(backend.login("", ""))
    assert user.scope.towns is None
    with pytest.raises(Unsupported, match="does not offer"):
        asyncio.run(backend.alerts())
    with pytest.raises(Unsupported) as info:
        asyncio.run(backend.ptz("x", None))  # type: ignore[arg-type]
    assert info.value.detail == f"static_file: {Capability.PTZ.value}"


def test_a_lease_gives_the_url_of_the_profile(tmp_path: Path) -> None:
    backend = StaticFileBackend(write(tmp_path, GOOD))
    inv = asyncio.run(backend.inventory())
    gate = inv.cameras[0]

    async def urls() -> list[str]:
        main = await backend.open_stream(gate, "main", [Transport.HTTP_TS, Transport.RTSP])
        sub = await backend.open_stream(gate, "sub", list(Transport))
        assert (main.transport, sub.transport) == (Transport.RTSP, Transport.HTTP_TS)
        got = [await main.url(), await sub.url()]
        await main.release()
        await main.release()  # idempotent
        return got

    assert asyncio.run(urls()) == ["rtsp://10.0.0.5:554/main", "http://10.0.0.5/live/gate.ts"]
    with pytest.raises(errors.PlatformError, match="cannot be played here"):
        asyncio.run(backend.open_stream(gate, "main", [Transport.HTTP_TS]))
    with pytest.raises(errors.NotFoundError, match="no 'main' URL"):
        asyncio.run(backend.open_stream(inv.cameras[1], "main", list(Transport)))


def test_credentials_go_into_the_url_encoded_and_masked() -> None:
    url = with_credentials("rtsp://10.0.0.5:554/main", "ad min", "p@ss:w/rd")
    assert url == "rtsp://ad%20min:p%40ss%3Aw%2Frd@10.0.0.5:554/main"
    assert "p%40ss" not in mask_url(url) and "ad%20min" in mask_url(url)


@needs_keyring
def test_a_credential_comes_from_the_keyring_at_play_time(tmp_path: Path) -> None:
    import keyring

    text = GOOD.replace('main = "rtsp://10.0.0.5:554/main"', 'main = "rtsp://10.0.0.5:554/main"\ncredential = "nvr-test"')
    backend = StaticFileBackend(write(tmp_path, text))
    gate = asyncio.run(backend.inventory()).cameras[0]
    try:
        keyring.delete_password(KEYRING_SERVICE, "nvr-test")
    except keyring.errors.PasswordDeleteError:
        pass
    lease = asyncio.run(backend.open_stream(gate, "main", list(Transport)))  # opening needs no secret yet
    with pytest.raises(errors.AuthError) as info:
        asyncio.run(lease.url())
    message = str(info.value)
    assert "'nvr-test'" in message and KEYRING_SERVICE in message and "keyring set" in message
    store_camera_credential("nvr-test", "admin", "hunter2")
    try:
        assert asyncio.run(lease.url()) == "rtsp://admin:hunter2@10.0.0.5:554/main"
    finally:
        keyring.delete_password(KEYRING_SERVICE, "nvr-test")
    assert "hunter2" not in path_text(tmp_path)


def path_text(tmp_path: Path) -> str:
    return "".join(p.read_text() for p in tmp_path.iterdir())


def test_the_watcher_picks_up_a_change_while_running(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    backend = StaticFileBackend(path)
    asyncio.run(backend.inventory())
    seen: list[tuple[Inventory, list[Problem]]] = []
    lock = threading.Lock()

    def on_change(inventory: Inventory, problems: list[Problem]) -> None:
        with lock:
            seen.append((inventory, problems))

    watcher = FileWatcher(backend, on_change, interval=0.05)
    watcher.start()
    try:
        path.write_text(GOOD + '\n[[camera]]\nname = "New"\nsite = "town"\nsub = "rtsp://10.0.0.7/s"\n', encoding="utf-8")
        wait_until(lambda: len(seen) >= 1, "the watcher to report the new camera")
        inventory, problems = seen[0]
        assert [c.name for c in inventory.cameras] == ["Gate", "Square", "New"]
        assert problems == [] and inventory.version == 2
        path.write_text("schema_version = 1\n[[camera]\n", encoding="utf-8")  # a syntax error
        wait_until(lambda: len(seen) >= 2, "the watcher to report the syntax error")
        inventory, problems = seen[1]
        assert [c.name for c in inventory.cameras] == ["Gate", "Square", "New"]  # the last good stays
        assert problems[0].line == 2 and "TOML syntax error" in problems[0].reason
    finally:
        watcher.stop()
    assert watcher._thread is None
    assert not [t for t in threading.enumerate() if t.name == "camera-file-watcher"]


def test_a_touch_without_a_change_is_not_reported(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    backend = StaticFileBackend(path)
    asyncio.run(backend.inventory())
    calls: list[Inventory] = []
    watcher = FileWatcher(backend, lambda inv, _p: calls.append(inv))
    watcher._stat = watcher._stat_now()
    os.utime(path, ns=(1, 1))
    assert watcher.check() is False and calls == []
    path.write_text(GOOD.replace("Gate", "Gate 2"), encoding="utf-8")
    assert watcher.check() is True and [c.name for c in calls[0].cameras] == ["Gate 2", "Square"]


def test_the_readme_example_loads(tmp_path: Path) -> None:
    readme = (EXAMPLE.parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Static camera file", 1)[1]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    loaded = load(write(tmp_path, block))
    assert loaded.problems == []
    assert [c.name for c in loaded.inventory.cameras] == ["东村 村口"]
    assert sorted(next(iter(p.urls)).value for p in loaded.inventory.cameras[0].streams) == ["http-ts", "rtsp"]


def test_profile_tables_and_their_mistakes_keep_their_lines(tmp_path: Path) -> None:
    text = GOOD + (
        '\n[[camera]]\nname = "Tower"\nsite = "town"\n\n[camera.main]\nurl = "rtsp://10.0.0.8/m"\nwidth = 2560\nheight = 1440\n'
        '\n[[camera]]\nname = "Mast"\nsite = "town"\nmain = { url = "rtsp://10.0.0.9/m", widht = 1280 }\n'
    )
    loaded = load(write(tmp_path, text))
    tower = next(c for c in loaded.inventory.cameras if c.name == "Tower")
    assert (tower.streams[0].width, tower.streams[0].height) == (2560, 1440)
    (problem,) = loaded.problems
    assert problem.line == line_of(text, "widht")
    assert "camera 'Mast': 'main': unknown key 'widht' (did you mean 'width'?)" in problem.reason


def test_doctor_says_where_a_broken_camera_file_is_broken(tmp_path: Path) -> None:
    from controlroom.doctor import _platform_report, _problems, static_file_path

    path = write(tmp_path, "schema_version = 1\n[[camera]\n")
    assert static_file_path(str(path)) == path
    assert static_file_path(path.as_uri()) == path
    assert static_file_path("https://platform.example:8443") is None
    rep = asyncio.run(_platform_report(str(path), None, True, None, 1.0))
    assert rep["backend"] == "static_file" and not rep["reachable"]
    (problem,) = _problems({"libvlc": {"ok": True, "transports": {"http-ts": {"playable": True}}}, "qt": {}, "platform": rep})
    assert problem.startswith(f"the camera file cannot be used: {path}:2: TOML syntax error")
