"""``controlroom doctor``: the support check an operator runs when something is wrong.

It checks this machine (libVLC and what it can really play, Qt's platform,
the keyring) and, given a platform, reachability, login, the inventory and a
real play of one stream per offered transport with its time to first frame.
The exit status is 0 only when everything needed works. The password comes
from the keyring, the ``CONTROLROOM_PASSWORD`` variable or a prompt, never
from the command line. Keys of the ``--json`` object are listed in README.md.
"""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import platform as pyplatform
import shutil
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from controlroom import __version__
from controlroom.logsafe import mask_url


def _qt_report() -> dict[str, Any]:
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    env = os.environ.get("QT_QPA_PLATFORM")
    if env:
        name = env
    elif os.environ.get("WAYLAND_DISPLAY"):
        name = "wayland"
    elif os.environ.get("DISPLAY"):
        name = "xcb"
    elif sys.platform.startswith("linux"):
        name = "none (no DISPLAY: use xvfb-run or QT_QPA_PLATFORM=offscreen)"
    else:
        name = {"win32": "windows", "darwin": "cocoa"}.get(sys.platform, sys.platform)
    report: dict[str, Any] = {"pyside6": PySide6.__version__, "qt": QLibraryInfo.version().toString(), "platform": name}
    if sys.platform.startswith("linux"):
        # The usual failure: "could not load the Qt platform plugin xcb", a
        # system library missing. ldd names it.
        plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        missing: list[str] = []
        if plugin.exists() and shutil.which("ldd"):
            out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
            missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
        report["xcb_missing_libraries"] = missing
    return report


def _keyring_report() -> dict[str, Any]:
    from controlroom.credentials import keyring_available, keyring_backend_name

    available = keyring_available()
    return {
        "backend": keyring_backend_name(),
        "available": available,
        "note": "" if available else "no usable keyring: passwords are kept for the session only",
    }


def _vlc_report() -> tuple[dict[str, Any], Any]:
    try:
        from controlroom.video.transports import playable_transports, rtsp_route
        from controlroom.video.vlc_options import libvlc_version, shared_instance

        instance = shared_instance(headless=True)
    except Exception as exc:  # libVLC missing or broken
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}", "version": None, "transports": {}}, None
    playable = playable_transports(instance)
    from controlroom.api.schema import Transport
    from controlroom.video import vlc_modules
    from controlroom.video.transports import has_module, loaded_libvlc, plugin_dir

    transports: dict[str, dict[str, Any]] = {t.value: {"playable": t in playable} for t in Transport}
    transports[Transport.RTSP.value]["route"] = rtsp_route(instance).value
    plugins, library = plugin_dir(), loaded_libvlc()
    return {
        "ok": True,
        "version": libvlc_version(),
        # which library file and plugin folder this process really uses (a bundle's own, or the system's)
        "path": str(library) if library else None,
        "plugin_dir": str(plugins) if plugins else None,
        "modules": {
            "needed": {k: list(v) for k, v in vlc_modules.needed().items()},
            "missing": vlc_modules.missing(has_module),
        },
        "transports": transports,
    }, instance


def _password(platform: str, user: str) -> str | None:
    env = os.environ.get("CONTROLROOM_PASSWORD")
    if env:
        return env
    from controlroom.credentials import load_password

    stored = load_password(platform, user)
    if stored:
        return stored
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {user} at {platform}: ")
    return None


def static_file_path(platform: str) -> Path | None:
    """The camera file ``platform`` names (a ``.toml`` path or ``file://...toml``), else None."""
    from controlroom.api import errors
    from controlroom.backends import address

    try:
        where = address.parse(platform)
    except errors.PlatformError:
        return None
    return Path(where.url) if where.backend == address.STATIC_FILE else None


async def _login_report(
    rep: dict[str, Any], platform: str, user: str, login: Callable[[str, str], Awaitable[Any]]
) -> Any:
    """Log in for the report and fill ``rep["login"]``: the user, or None (the report ends there).
    The password comes from the environment, the keyring or a prompt, never the command line."""
    from controlroom.api import errors

    password = _password(platform, user)
    if password is None:
        rep["login"] = {"ok": False, "error": "no password: set CONTROLROOM_PASSWORD, store it in the keyring, or run in a terminal"}
        return None
    try:
        me = await login(user, password)
    except errors.PlatformError as exc:
        rep["login"] = {"ok": False, "error": str(exc)}
        return None
    rep["login"] = {"ok": True, "user": me.username, "role": me.role.value, "towns": me.scope.towns}
    return me


async def _play_entry(
    url: str, transport: Any, instance: Any, timeout: float, entry: dict[str, Any]
) -> dict[str, Any]:
    """Play ``url`` headless to a first frame and fill ``entry`` (ok, first_frame_ms, size, route)."""
    from controlroom.video.probe import play_url

    try:
        session = await asyncio.to_thread(play_url, url, transport, instance)
    except Exception as exc:
        entry.update(ok=False, error=mask_url(str(exc)))
        return entry
    try:
        got = await asyncio.to_thread(session.probe.wait_frames, 1, timeout)
        entry["ok"] = got
        if got:
            entry["first_frame_ms"] = round((session.probe.first_frame_seconds or 0) * 1000, 1)
            entry["size"] = list(session.probe.decoded_size())
        else:
            entry["error"] = mask_url(session.error or f"no frame within {timeout:g} s")
        if session.route is not None:
            entry["route"] = session.route.value
    finally:
        await asyncio.to_thread(session.close)
    return entry


async def _static_file_report(path: Path, user: str | None, instance: Any, timeout: float) -> dict[str, Any]:
    """The camera file's report, with API v1's keys: the file stands for the platform."""
    from controlroom.api import errors
    from controlroom.api.schema import Tier
    from controlroom.backends.static_file import StaticFileBackend

    rep: dict[str, Any] = {
        "url": str(path), "backend": "static_file", "reachable": False, "login": None, "counts": None, "streams": {},
    }  # fmt: skip
    backend = StaticFileBackend(path)
    t0 = time.perf_counter()
    try:
        inventory = await backend.inventory()
    except errors.PlatformError as exc:
        rep["error"] = str(exc)
        return rep
    rep["reachable"] = True
    rep["api"] = True
    rep["latency_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    me = await backend.login(user or "", "")
    rep["login"] = {"ok": True, "user": me.username, "role": me.role.value, "towns": me.scope.towns, "note": "a camera file has no login"}
    sites, cameras = inventory.sites, inventory.cameras
    rep["counts"] = {
        "ok": True,
        "sites_county": sum(1 for s in sites if s.tier == Tier.COUNTY),
        "sites_town": sum(1 for s in sites if s.tier == Tier.TOWN),
        "sites_village": sum(1 for s in sites if s.tier == Tier.VILLAGE),
        "cameras": len(cameras),
        "cameras_online": sum(1 for c in cameras if c.online),
        "grids": len(inventory.grids),
        "inventory_version": inventory.version,
        "fetch_seconds": round(time.perf_counter() - t0, 3),
        "file_problems": list(inventory.problems),
    }
    if instance is None:
        return rep
    # One real play per transport that the file offers: the first camera offering it,
    # its lighter profile first. The credential goes in at play time, masked in the report.
    picks: dict[str, tuple[Any, Any]] = {}
    for camera in cameras:
        for profile in sorted(camera.streams, key=lambda p: p.width * p.height):
            for transport in profile.urls:
                picks.setdefault(transport.value, (camera, profile))
    if not picks:
        rep["streams"] = {"error": "no camera with streams"}
        return rep
    for name, (camera, profile) in sorted(picks.items()):
        (transport, plain), = profile.urls.items()
        entry: dict[str, Any] = {"camera_id": camera.id, "profile": profile.name, "url": mask_url(plain)}
        try:
            lease = await backend.open_stream(camera, profile.name, [transport])
            url = await lease.url()
        except errors.PlatformError as exc:
            entry.update(ok=False, error=str(exc))
            rep["streams"][name] = entry
            continue
        try:
            rep["streams"][name] = await _play_entry(url, transport, instance, timeout, entry)
        finally:
            await lease.release()
    return rep


async def _platform_report(
    platform: str, user: str | None, verify: bool | str, instance: Any, timeout: float
) -> dict[str, Any]:
    static_path = static_file_path(platform)
    if static_path is not None:
        return await _static_file_report(static_path, user, instance, timeout)
    from controlroom.api import errors
    from controlroom.api.client import PlatformClient
    from controlroom.api.schema import Tier, Transport
    from controlroom.backends import address

    rep: dict[str, Any] = {"url": mask_url(platform), "backend": "api_v1", "reachable": False, "login": None, "counts": None, "streams": {}}
    try:
        where = address.parse(platform)
    except errors.PlatformError as exc:
        rep.update(backend=None, error=str(exc))
        return rep
    rep["backend"] = where.backend
    if where.backend == address.WVP:
        return await _wvp_report(rep, where.url, platform, user, verify, instance, timeout)
    try:
        client = PlatformClient(platform, verify=verify, retries=1)
    except errors.PlatformError as exc:
        rep["error"] = str(exc)
        return rep
    try:
        t0 = time.perf_counter()
        try:
            # through the request core: a hostile platform's endless or dripping answer is cut off
            await client._call("GET", "/api/v1/openapi.json", auth=False, retry=False)
            rep["reachable"] = True
            rep["api"] = True
            rep["latency_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        except errors.NetworkError as exc:
            # the reason only: the problem line says "cannot be reached" once (issue 9 item 10)
            rep["error"] = exc.detail or str(exc)
            return rep
        except errors.PlatformError as exc:  # it answered, but not with the API document
            rep["reachable"] = True
            rep["api"] = False
            rep["latency_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            rep["api_detail"] = str(exc)[:300]
        except Exception as exc:
            # the reason only: the problem line says "cannot be reached" once (issue 9 item 10)
            rep["error"] = errors.network(str(exc) or type(exc).__name__).detail
            return rep
        if not user:
            return rep
        me = await _login_report(rep, platform, user, client.login)
        if me is None:
            return rep
        t0 = time.perf_counter()
        try:
            (sites, _), (cameras, version), (grids, _) = await asyncio.gather(
                client.sites(), client.cameras(), client.grids()
            )
        except errors.PlatformError as exc:
            rep["counts"] = {"ok": False, "error": str(exc)}
            return rep
        rep["counts"] = {
            "ok": True,
            "sites_county": sum(1 for s in sites if s.tier == Tier.COUNTY),
            "sites_town": sum(1 for s in sites if s.tier == Tier.TOWN),
            "sites_village": sum(1 for s in sites if s.tier == Tier.VILLAGE),
            "cameras": len(cameras),
            "cameras_online": sum(1 for c in cameras if c.online),
            "grids": len(grids),
            "inventory_version": version,
            "fetch_seconds": round(time.perf_counter() - t0, 3),
        }
        if instance is None:
            return rep
        from controlroom.video.urls import REFUSAL_NOUNS, check_stream_url

        camera = next((c for c in cameras if c.online and c.streams), None)
        if camera is None:
            rep["streams"] = {"error": "no online camera with streams"}
            return rep
        profile = min(camera.streams, key=lambda p: p.width * p.height)  # the sub stream: lighter
        for transport, url in sorted(profile.urls.items()):
            entry: dict[str, Any] = {"camera_id": camera.id, "profile": profile.name, "url": mask_url(url)[:300]}
            refusal = check_stream_url(url)
            if refusal is not None:  # never opened: a local file, a device, the screen
                entry.update(ok=False, error=f"refused: the platform gave a {REFUSAL_NOUNS[refusal]} URL")
                rep["streams"][transport.value] = entry
                continue
            try:
                # a fresh stream ticket per stream: the URL to play comes with it
                ticket = await client.stream_ticket(camera.id, profile.name)
                ticket_url = ticket.urls.get(Transport(transport))
                if not ticket_url:
                    raise RuntimeError(f"the platform gave no {transport} URL with the stream ticket")
            except Exception as exc:
                entry.update(ok=False, error=str(exc))
                rep["streams"][transport.value] = entry
                continue
            rep["streams"][transport.value] = await _play_entry(ticket_url, Transport(transport), instance, timeout, entry)
        return rep
    finally:
        await client.aclose()


async def _wvp_report(
    rep: dict[str, Any], url: str, platform: str, user: str | None, verify: bool | str, instance: Any, timeout: float
) -> dict[str, Any]:
    """The same report for a wvp-GB28181-pro platform: login, counts, a real play per offered transport."""
    from controlroom.api import errors
    from controlroom.api.schema import Tier, Transport
    from controlroom.backends.base import StreamLease
    from controlroom.backends.wvp import WvpBackend

    rep["url"] = mask_url(url)
    try:
        backend = WvpBackend(url, verify=verify)
    except errors.PlatformError as exc:
        rep["error"] = str(exc)
        return rep
    leases: list[StreamLease] = []
    try:
        t0 = time.perf_counter()
        try:
            # no parameters: WVP answers with a WVPResult error, which is enough to know it is there
            r = await backend._http.get("/api/user/login")
            rep["reachable"] = True
            rep["api"] = r.headers.get("content-type", "").startswith("application/json") and b'"code"' in r.content[:4096]
            rep["latency_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        except Exception as exc:
            # the reason only: the problem line says "cannot be reached" once (issue 9 item 10)
            rep["error"] = errors.network(mask_url(str(exc)) or type(exc).__name__).detail
            return rep
        if not user:
            return rep
        me = await _login_report(rep, platform, user, backend.login)
        if me is None:
            return rep
        t0 = time.perf_counter()
        try:
            inv = await backend.inventory()
        except errors.PlatformError as exc:
            rep["counts"] = {"ok": False, "error": str(exc)}
            return rep
        rep["counts"] = {
            "ok": True,
            "sites_county": sum(1 for s in inv.sites if s.tier == Tier.COUNTY),
            "sites_town": sum(1 for s in inv.sites if s.tier == Tier.TOWN),
            "sites_village": sum(1 for s in inv.sites if s.tier == Tier.VILLAGE),
            "cameras": len(inv.cameras),
            "cameras_online": sum(1 for c in inv.cameras if c.online),
            "grids": len(inv.grids),
            "inventory_version": inv.version,
            "fetch_seconds": round(time.perf_counter() - t0, 3),
            "problems": inv.problems[:20],
        }
        if instance is None:
            return rep

        camera = next((c for c in inv.cameras if c.online), None)
        if camera is None:
            rep["streams"] = {"error": "no online camera"}
            return rep
        try:
            offered = await backend.play(camera.id)
        except errors.PlatformError as exc:
            rep["streams"] = {"error": str(exc)}
            return rep
        for transport in sorted(offered):
            lease = await backend.open_stream(camera, "main", [transport])
            leases.append(lease)
            entry: dict[str, Any] = {"camera_id": camera.id, "profile": lease.profile}
            try:
                stream_url = await lease.url()
                entry["url"] = mask_url(stream_url)
            except Exception as exc:
                entry.update(ok=False, error=str(exc))
                rep["streams"][transport.value] = entry
                continue
            rep["streams"][Transport(transport).value] = await _play_entry(stream_url, transport, instance, timeout, entry)
        if not offered:
            rep["streams"] = {"error": "the platform offered no stream URL ControlRoom can play"}
        return rep
    finally:
        for held in leases:
            await held.release()  # play/stop on WVP: streams must not stay open
        await backend.aclose()


def collect(platform: str | None, user: str | None, verify: bool | str = True, timeout: float = 10.0) -> dict[str, Any]:
    vlc_rep, instance = _vlc_report()
    report: dict[str, Any] = {
        "controlroom": __version__,
        "python": pyplatform.python_version(),
        "os": f"{pyplatform.system()} {pyplatform.release()}",
        "libvlc": vlc_rep,
        "qt": _qt_report(),
        "keyring": _keyring_report(),
    }
    if platform:
        report["platform"] = asyncio.run(_platform_report(platform, user, verify, instance, timeout))
    problems = _problems(report)
    report["problems"] = problems
    report["ok"] = not problems
    return report


def _problems(r: dict[str, Any]) -> list[str]:
    out: list[str] = []
    vlc_rep = r["libvlc"]
    if not vlc_rep["ok"]:
        out.append(f"libVLC cannot be loaded: {vlc_rep.get('error')}")
    elif not any(t["playable"] for t in vlc_rep["transports"].values()):
        out.append("libVLC can play none of the transports")
    if vlc_rep["ok"]:
        from controlroom.video.vlc_modules import REQUIRED_PURPOSES

        for purpose, mods in vlc_rep.get("modules", {}).get("missing", {}).items():
            if purpose in REQUIRED_PURPOSES:
                out.append(f"libVLC lacks the modules for {purpose}: {', '.join(mods)}")
    if r["qt"].get("xcb_missing_libraries"):
        out.append("Qt's xcb platform lacks system libraries: " + ", ".join(r["qt"]["xcb_missing_libraries"]))
    p = r.get("platform")
    if p is not None:
        if not p["reachable"]:
            what = "the camera file cannot be used" if p.get("backend") == "static_file" else "the platform cannot be reached"
            out.append(f"{what}: {p.get('error', '')}")
        elif p["login"] is not None and not p["login"]["ok"]:
            out.append(f"login failed: {p['login']['error']}")
        elif p["counts"] is not None and not p["counts"]["ok"]:
            out.append(f"the inventory could not be fetched: {p['counts']['error']}")
        if p["counts"] and p["counts"].get("file_problems"):  # a camera file's bad entries
            out.extend(f"camera file: {problem}" for problem in p["counts"]["file_problems"])
        streams = p.get("streams") or {}
        if "error" in streams:
            out.append(f"no stream to play: {streams['error']}")
        for transport, s in streams.items():
            if isinstance(s, dict) and not s.get("ok"):
                out.append(f"{transport}: no video ({s.get('error', 'unknown')})")
    return out


def _print_human(r: dict[str, Any]) -> None:
    v = r["libvlc"]
    print(f"ControlRoom {r['controlroom']}  Python {r['python']}  {r['os']}")
    if v["ok"]:
        plays = ", ".join(t for t, x in v["transports"].items() if x["playable"]) or "nothing"
        print(f"libVLC {v['version']}: plays {plays}; RTSP route: {v['transports']['rtsp'].get('route')}")
        print(f"  library: {v['path'] or 'unknown'}; plugins: {v['plugin_dir'] or 'not found'}")
        for purpose, mods in v.get("modules", {}).get("missing", {}).items():
            print(f"  no modules for {purpose}: {', '.join(mods)}")
    else:
        print(f"libVLC: NOT AVAILABLE ({v.get('error')})")
    q = r["qt"]
    print(f"Qt {q['qt']} (PySide6 {q['pyside6']}), platform: {q['platform']}")
    k = r["keyring"]
    print(f"keyring: {k['backend']} ({'usable' if k['available'] else k['note']})")
    p = r.get("platform")
    if p:
        ok_word, bad_word = ("read", "NOT read") if p.get("backend") == "static_file" else ("reachable", "NOT reachable")
        print(f"platform {p['url']}{' (' + p['backend'] + ')' if p.get('backend') else ''}: "
              f"{ok_word if p['reachable'] else bad_word}"
              + (f" ({p.get('latency_ms')} ms)" if p.get("latency_ms") is not None else ""))
        if p.get("login"):
            lg = p["login"]
            print(f"  login: {'ok, ' + lg['user'] + ' (' + lg['role'] + ')' if lg['ok'] else 'FAILED: ' + lg['error']}")
        c = p.get("counts")
        if c and c.get("ok"):
            print(f"  inventory: {c['sites_county']} county, {c['sites_town']} town, {c['sites_village']} village sites; "
                  f"{c['cameras']} cameras ({c['cameras_online']} online); {c['grids']} grids; fetched in {c['fetch_seconds']} s")
        for t, s in (p.get("streams") or {}).items():
            if isinstance(s, dict):
                how = f" via {s['route']}" if s.get("route") else ""
                print(f"  {t}{how}: " + (f"first frame in {s['first_frame_ms']} ms, {s['size'][0]}x{s['size'][1]}"
                                         if s.get("ok") else f"FAILED: {s.get('error')}"))
    print("OK" if r["ok"] else "PROBLEMS:\n  " + "\n  ".join(r["problems"]))


def run_doctor(
    *, platform: str | None, user: str | None, as_json: bool, verify: bool | str = True, timeout: float = 10.0
) -> int:
    report = collect(platform, user, verify, timeout)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_human(report)
    return 0 if report["ok"] else 1
