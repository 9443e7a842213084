"""The installer's libVLC invariants, checked cheaply (the real proof is .ci/smoke-installer).

- The runtime hook's function, run before ``import vlc``, makes python-vlc
  load the bundle's libvlc and libvlccore (copies of the system's here, so
  that the process's memory map tells them apart) and name its plugin folder.
- doctor says which library file and plugin folder it uses, and which needed
  modules are missing, by purpose.
- Nothing the bundle carries imports the demo platform it leaves out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from controlroom.video import vlc_modules
from controlroom.video.bundled_vlc import PLUGIN_FOLDER, bundled_paths

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle built here is Linux's")


def _system_lib(soname: str) -> Path:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.strip().startswith(soname + " "):
            return Path(line.split("=>")[-1].strip()).resolve()
    raise AssertionError(f"{soname} is not installed (run .ci/setup)")


def _fake_bundle(base: Path) -> Path:
    """A bundle folder laid out as build_installer.spec lays it out, with copies of the system's libVLC."""
    base.mkdir()
    shutil.copy(_system_lib("libvlc.so.5"), base / "libvlc.so.5")
    shutil.copy(_system_lib("libvlccore.so.9"), base / "libvlccore.so.9")
    (base / PLUGIN_FOLDER).mkdir()
    return base


@linux_only
def test_the_hook_makes_python_vlc_load_the_bundles_libvlc(tmp_path: Path) -> None:
    base = _fake_bundle(tmp_path / "bundle")
    script = f"""
import json, os, sys
from pathlib import Path
from controlroom.video.bundled_vlc import use_bundled_libvlc
use_bundled_libvlc(Path({str(base)!r}))
import vlc
mapped = sorted({{line.split()[-1] for line in open("/proc/self/maps") if "libvlc" in line and "/" in line}})
print(json.dumps({{"dll": vlc.dll._name, "plugin_path": vlc.plugin_path, "mapped": mapped,
                  "VLC_PLUGIN_PATH": os.environ["VLC_PLUGIN_PATH"]}}))
"""
    # an inherited VLC_PLUGIN_PATH must not survive: it would bring the system's plugins in
    env = {"PATH": "/usr/bin:/bin", "VLC_PLUGIN_PATH": "/usr/lib/x86_64-linux-gnu/vlc/plugins"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True, timeout=60)
    got = json.loads(out.stdout)
    assert got["dll"] == str(base / "libvlc.so.5")
    assert got["plugin_path"] == got["VLC_PLUGIN_PATH"] == str(base / PLUGIN_FOLDER)
    # both libraries the process mapped are the bundle's copies, none the system's
    assert got["mapped"] == [str(base / "libvlc.so.5"), str(base / "libvlccore.so.9")]


@linux_only
def test_a_damaged_bundle_says_which_file(tmp_path: Path) -> None:
    base = _fake_bundle(tmp_path / "bundle")
    (base / "libvlc.so.5").write_bytes(b"not a library")
    script = f"""
from pathlib import Path
from controlroom.video.bundled_vlc import use_bundled_libvlc
try:
    use_bundled_libvlc(Path({str(base)!r}))
except RuntimeError as exc:
    print(exc)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.startswith("the bundled libVLC cannot be loaded: ")
    assert str(base / "libvlc.so.5") in out.stdout


def test_too_late_once_vlc_is_imported(tmp_path: Path) -> None:
    script = f"""
import vlc
from pathlib import Path
from controlroom.video.bundled_vlc import use_bundled_libvlc
try:
    use_bundled_libvlc(Path({str(tmp_path)!r}))
except RuntimeError as exc:
    print("refused:", exc)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.startswith("refused: python-vlc is imported already")


def test_no_bundle_changes_nothing(tmp_path: Path) -> None:
    assert bundled_paths(tmp_path, "linux") is None
    script = f"""
from pathlib import Path
from controlroom.video.bundled_vlc import use_bundled_libvlc
env = {{"VLC_PLUGIN_PATH": "/somewhere"}}
print(use_bundled_libvlc(Path({str(tmp_path)!r}), env, "linux"), env)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "None {'VLC_PLUGIN_PATH': '/somewhere'}"


def test_layout_per_platform(tmp_path: Path) -> None:
    for platform, names in {"win32": ("libvlc.dll", "libvlccore.dll"), "darwin": ("libvlc.dylib", "libvlccore.dylib")}.items():
        base = tmp_path / platform
        (base / PLUGIN_FOLDER).mkdir(parents=True)
        for n in names:
            (base / n).write_bytes(b"")
        found = bundled_paths(base, platform)
        assert found is not None and (found.libvlc.name, found.libvlccore.name) == names
        assert bundled_paths(base, "linux") is None


def test_missing_modules_are_reported_by_purpose() -> None:
    present = vlc_modules.all_needed("linux") - {"xcb_x11", "avformat"}
    missing = vlc_modules.missing(lambda m: m in present, "linux")
    assert missing == {"on screen": ["xcb_x11"], "transport http-flv": ["avformat"]}
    # unknown (no plugin folder found) is not "missing"
    assert vlc_modules.missing(lambda m: None, "linux") == {}
    assert "on screen" in vlc_modules.REQUIRED_PURPOSES and "transport http-flv" not in vlc_modules.REQUIRED_PURPOSES


def test_the_spec_and_hook_use_the_same_layout() -> None:
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    hook = (ROOT / "installer" / "rthook_libvlc.py").read_text(encoding="utf-8")
    assert "from controlroom.video.bundled_vlc import PLUGIN_FOLDER" in spec
    assert "vlc_modules.all_needed(PLATFORM)" in spec  # the spec bundles what doctor calls needed
    assert 'runtime_hooks=[str(ROOT / "installer" / "rthook_libvlc.py")]' in spec
    assert "use_bundled_libvlc(Path(sys._MEIPASS))" in hook


@linux_only
def test_doctor_names_the_library_and_plugins_it_uses() -> None:
    out = subprocess.run([sys.executable, "-m", "controlroom", "doctor", "--json"], capture_output=True, text=True,
                         timeout=120, stdin=subprocess.DEVNULL)
    report = json.loads(out.stdout)["libvlc"]
    assert report["ok"], report
    assert Path(report["path"]).resolve() == _system_lib("libvlc.so.5")
    assert Path(report["plugin_dir"], "codec").is_dir()
    assert set(report["modules"]["needed"]) >= {"decode", "convert", "on screen"}
    assert report["modules"]["missing"] == {}  # .ci/setup installs every module the app uses


def test_only_the_demo_and_its_command_import_the_demo_platform() -> None:
    """The bundle leaves controlroom.demo and aiohttp out: an import of them elsewhere would break it."""
    import ast

    offenders = []
    for folder in ("controlroom", "ui", "plugins"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT)
            if rel.parts[:2] == ("controlroom", "demo"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                for name in names:
                    if name.split(".")[0] == "aiohttp" or name.startswith("controlroom.demo"):
                        offenders.append(f"{rel} imports {name}")
    # cli._demo imports it late, and says so when the bundle lacks it
    assert offenders == ["controlroom/cli.py imports controlroom.demo.platform"], offenders


def test_doctor_calls_a_lack_for_decoding_a_problem_and_one_for_flv_a_note() -> None:
    from controlroom.doctor import _problems

    report = {
        "libvlc": {"ok": True, "transports": {"http-ts": {"playable": True}},
                   "modules": {"missing": {"decode": ["avcodec"], "transport http-flv": ["avformat"]}}},
        "qt": {},
    }
    assert _problems(report) == ["libVLC lacks the modules for decode: avcodec"]
