"""The static camera file backend: a TOML file of sites and cameras (issue 11, section 3).

For a town desk with a local NVR, or a handful of cameras. The file format is
a contract (``schema_version = 1``), written down in DEVELOPERS.md ("Static
camera file") and shown in ``resources/examples/cameras.toml``.

- **Sites** form a tree (``parent`` names another site's ``key``). Depth maps
  onto tiers: a root is the county, its children towns, anything deeper a
  village (the tree keeps its real depth through ``parent_id``).
- **Cameras** name their site, and give one URL per profile (``main``,
  ``sub``). The transport follows from the URL: ``rtsp(s)://`` is RTSP;
  ``http(s)://`` ending in ``.ts`` is HTTP-TS, ``.flv`` HTTP-FLV, ``.m3u8``
  HLS. Only network schemes are accepted; ``file://`` and local paths are bad
  entries (a camera file must not make the player open local files).
- **Ids.** A 20-digit ``id`` (GB/T 28181) is used as it is. Otherwise the id
  is derived from the entry: SHA-256 of the site path (site keys from the root)
  and the name, shaped as a GB id (17 hashed digits around the type code 131
  for cameras, 216 for sites). Stable while the entry's site and name stay;
  renaming or moving it makes a new id (give ``id`` to pin it).
- **Credentials** never live in the file: ``credential = "nvr1"`` names an
  entry of the OS keyring, service ``controlroom-cameras``, user ``nvr1``,
  whose secret is ``user:password``. The lease's ``url()`` reads it at play
  time and puts it into the URL's userinfo; it is never stored or logged
  (``mask_url``). Plain-text keyrings are refused (``credentials.keyring_available``).
- **Bad input.** Each bad entry is reported with file, line and reason, and
  the good ones load. Lines: tomllib gives none for values, so the loader
  scans the text for the ``[[camera]]`` / ``[[site]]`` headers (the Nth header
  is the Nth table) and, inside a table's lines, for ``key =``. A reason about
  one key points at that key's line; other reasons point at the table's
  header. Tables written inline (``camera = [{...}]``) get no line (``None``).
  A TOML syntax error reports tomllib's line and column, and the last good
  inventory stays.
- **Changes** are picked up by ``FileWatcher`` (a thread, no Qt): it polls the
  file's mtime and size every few seconds and reloads when the content's hash
  changed, handing the new ``Inventory`` and the problems to a callback (on
  its own thread: a Qt caller hops to its thread with a queued signal).
"""

from __future__ import annotations

import asyncio
import difflib
import hashlib
import logging
import os
import re
import threading
import tomllib
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication

from controlroom.api import errors
from controlroom.api.schema import (
    TYPE_CAMERA,
    TYPE_VIRTUAL_ORG,
    Alert,
    Camera,
    CameraKind,
    Grid,
    GridStatus,
    PtzCommand,
    PtzResult,
    Role,
    Scope,
    Site,
    SiteKind,
    StreamProfile,
    Tier,
    Transport,
    User,
)
from controlroom.backends.base import (
    Capability,
    Inventory,
    NoPlayback,
    SimpleLease,
    StreamLease,
    Unsupported,
)
from controlroom.logsafe import mask_url

log = logging.getLogger("controlroom.backends.static_file")

SCHEMA_VERSION = 1
KEYRING_SERVICE = "controlroom-cameras"
MAX_FILE_BYTES = 8 * 1024 * 1024  # a hand-written file; 28,500 cameras take about 6 MiB
MAX_ENTRIES = 100_000
NETWORK_SCHEMES = frozenset({"rtsp", "rtsps", "http", "https", "rtmp"})
PROFILES = ("main", "sub")
SITE_KEYS = frozenset({"key", "name", "parent", "id", "location", "online"})
CAMERA_KEYS = frozenset({"name", "site", "main", "sub", "credential", "grid", "location", "ptz", "id", "kind", "tags"})
PROFILE_KEYS = frozenset({"url", "width", "height", "fps", "codec", "bitrate_kbps"})
TOP_KEYS = frozenset({"schema_version", "site", "camera"})
# Nominal sizes when the file gives none: a profile's size only weighs bandwidth budgets.
DEFAULT_PROFILE = {"main": (1920, 1080), "sub": (640, 360)}
_GB_ID = re.compile(r"^[0-9]{20}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_URL_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f]")
_KINDS = frozenset(k.value for k in CameraKind)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: where (``line`` may be None) and why, in words."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


@dataclass(frozen=True)
class CameraEntry:
    """What the file says about one camera beyond ``Camera``: its URLs and credential name."""

    camera_id: str
    urls: dict[str, tuple[Transport, str]]  # profile -> (transport, URL without credentials)
    credential: str | None
    line: int | None


@dataclass(frozen=True)
class Loaded:
    inventory: Inventory
    entries: dict[str, CameraEntry]
    problems: list[Problem]
    digest: str


# --------------------------------------------------------------------------- where things are


class _Lines:
    """Line numbers of the ``[[site]]`` / ``[[camera]]`` tables and of keys inside them."""

    _HEADER = re.compile(r"^\s*\[\[\s*(site|camera)\s*\]\]\s*(#.*)?$")
    _ANY_HEADER = re.compile(r"^\s*\[")
    _SUBTABLE = re.compile(r"^\s*\[\[?\s*(site|camera)\s*\.")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[tuple[int, int]]] = {"site": [], "camera": []}  # (header line, end line)
        open_: tuple[str, int] | None = None
        for number, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            sub = self._SUBTABLE.match(line)
            if open_ is not None and sub is not None and sub.group(1) == open_[0]:
                continue  # [camera.main]: still the same camera
            if m or self._ANY_HEADER.match(line):
                if open_ is not None:
                    self.tables[open_[0]].append((open_[1], number - 1))
                    open_ = None
                if m:
                    open_ = (m.group(1), number)
        if open_ is not None:
            self.tables[open_[0]].append((open_[1], len(self.lines)))

    def table(self, kind: str, index: int, count: int) -> tuple[int, int] | None:
        spans = self.tables[kind]
        # Only trust the scan when it found as many headers as tomllib found tables
        # (a header inside a multi-line string, or inline tables, would shift it).
        if len(spans) != count or index >= len(spans):
            return None
        return spans[index]

    def key(self, span: tuple[int, int] | None, key: str) -> int | None:
        if span is None:
            return None
        pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*[=.]""")
        for number in range(span[0] + 1, span[1] + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return span[0]


class _Bad(Exception):
    def __init__(self, reason: str, key: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.key = key


# --------------------------------------------------------------------------- values


def derived_id(kind_code: str, parts: Sequence[str]) -> str:
    """A GB-shaped 20-digit id from the entry's path: 10 hashed digits, the type code, 7 more."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    number = int.from_bytes(digest[:16], "big") % 10**17
    digits = f"{number:017d}"
    return digits[:10] + kind_code + digits[10:]


def transport_of(url: str) -> Transport:
    """The transport a camera URL names, or ``_Bad`` with the reason."""
    if not isinstance(url, str) or not url.strip():
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL is empty"))
    if len(url) > 2048:
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL is longer than 2048 characters"))
    if _URL_BAD_CHARS.search(url):
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL contains spaces or control characters"))
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in NETWORK_SCHEMES:
        if scheme in ("", "file") or len(scheme) == 1:  # "C:\..." parses as scheme "c"
            raise _Bad(QCoreApplication.translate("StaticFile", "a camera URL must be a network address (rtsp://, http://...), not a local file"))
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL scheme '{scheme}' is not allowed (use rtsp, rtsps, http, https)").format(scheme=scheme))
    if not parts.hostname:
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL has no host"))
    if parts.username or parts.password:
        raise _Bad(QCoreApplication.translate("StaticFile", "the URL contains a user or password: put them in the keyring and name them with credential"))
    if scheme in ("rtsp", "rtsps"):
        return Transport.RTSP
    if scheme == "rtmp":
        raise _Bad(QCoreApplication.translate("StaticFile", "RTMP is not a transport ControlRoom plays: give the camera's RTSP, HTTP-TS, HTTP-FLV or HLS URL"))
    path = parts.path.lower()
    for suffix, transport in ((".ts", Transport.HTTP_TS), (".flv", Transport.HTTP_FLV), (".m3u8", Transport.HLS)):
        if path.endswith(suffix):
            return transport
    raise _Bad(QCoreApplication.translate("StaticFile", "cannot tell the transport of an HTTP URL: its path must end in .ts, .flv or .m3u8"))


def _text(value: Any, key: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(QCoreApplication.translate("StaticFile", "'{key}' must be a non-empty text").format(key=key), key)
    if len(value) > limit or _CONTROL.search(value):
        raise _Bad(QCoreApplication.translate("StaticFile", "'{key}' is too long or contains control characters").format(key=key), key)
    return value.strip()


def _location(value: Any) -> tuple[float, float] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        or not (-180 <= value[0] <= 180 and -90 <= value[1] <= 90)
    ):
        raise _Bad(QCoreApplication.translate("StaticFile", "'location' must be [longitude, latitude] in degrees"), "location")
    return (float(value[0]), float(value[1]))


def _gb_id(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _GB_ID.match(value):
        raise _Bad(QCoreApplication.translate("StaticFile", "'id' must be 20 digits (a GB/T 28181 id)"), "id")
    return value


def _unknown_keys(table: dict[str, Any], allowed: frozenset[str]) -> None:
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = QCoreApplication.translate("StaticFile", " (did you mean '{key}'?)").format(key=close[0]) if close else ""
            raise _Bad(QCoreApplication.translate("StaticFile", "unknown key '{key}'").format(key=key) + hint, key)


def _profile(name: str, value: Any) -> tuple[StreamProfile, Transport, str]:
    try:
        return _profile_of(name, value)
    except _Bad as bad:
        if bad.reason.startswith(f"'{name}'"):
            raise
        reason = QCoreApplication.translate("StaticFile", "'{profile}': {error}").format(profile=name, error=bad.reason)
        raise _Bad(reason, name) from None


def _profile_of(name: str, value: Any) -> tuple[StreamProfile, Transport, str]:
    width, height = DEFAULT_PROFILE[name]
    fps, codec, bitrate = 25.0, "h264", None
    if isinstance(value, dict):
        _unknown_keys(value, PROFILE_KEYS)
        url = value.get("url")
        if url is None:
            raise _Bad(QCoreApplication.translate("StaticFile", "'{profile}' has no url").format(profile=name), name)
        try:
            width = int(value.get("width", width))
            height = int(value.get("height", height))
            fps = float(value.get("fps", fps))
            codec = str(value.get("codec", codec))[:32]
            bitrate = value.get("bitrate_kbps")
        except (TypeError, ValueError) as exc:
            raise _Bad(QCoreApplication.translate("StaticFile", "'{profile}': {error}").format(profile=name, error=exc), name) from None
    else:
        url = value
    transport = transport_of(url)
    try:
        profile = msgspec.convert(
            {"name": name, "width": width, "height": height, "fps": fps, "codec": codec,
             "urls": {transport.value: url}, "bitrate_kbps": bitrate},
            StreamProfile,
        )  # fmt: skip
    except msgspec.ValidationError as exc:
        raise _Bad(QCoreApplication.translate("StaticFile", "'{profile}': {error}").format(profile=name, error=exc), name) from None
    return profile, transport, url


# --------------------------------------------------------------------------- loading


def parse(text: str, file: str) -> tuple[Inventory, dict[str, CameraEntry], list[Problem]]:
    """The inventory in ``text``; raises ``tomllib.TOMLDecodeError`` on a syntax error.

    Bad entries are left out and listed as problems; the good ones load.
    """
    data = tomllib.loads(text)
    lines = _Lines(text)
    problems: list[Problem] = []

    def bad(line: int | None, reason: str) -> None:
        problems.append(Problem(file, line, reason))

    for key in data:
        if key not in TOP_KEYS:
            close = difflib.get_close_matches(key, sorted(TOP_KEYS), n=1)
            hint = QCoreApplication.translate("StaticFile", " (did you mean '{key}'?)").format(key=close[0]) if close else ""
            bad(None, QCoreApplication.translate("StaticFile", "unknown key '{key}'").format(key=key) + hint)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        top = (0, min(len(lines.lines), min((a for spans in lines.tables.values() for a, _ in spans), default=10**9) - 1))
        bad(lines.key(top, "schema_version") or None, QCoreApplication.translate("StaticFile", "schema_version must be {version} (found {found})").format(version=SCHEMA_VERSION, found=version))
        if isinstance(version, int) and version > SCHEMA_VERSION:
            # A newer format: reading it as version 1 could misplace cameras; load nothing.
            return Inventory(sites=[], cameras=[]), {}, problems

    raw_sites = data.get("site", [])
    raw_cameras = data.get("camera", [])
    if not isinstance(raw_sites, list) or not isinstance(raw_cameras, list):
        bad(None, QCoreApplication.translate("StaticFile", "'site' and 'camera' must be arrays of tables ([[site]], [[camera]])"))
        return Inventory(sites=[], cameras=[]), {}, problems
    if len(raw_sites) + len(raw_cameras) > MAX_ENTRIES:
        bad(None, QCoreApplication.translate("StaticFile", "more than {n} entries: only the first {n} are read").format(n=MAX_ENTRIES))
        raw_sites = raw_sites[:MAX_ENTRIES]
        raw_cameras = raw_cameras[: max(0, MAX_ENTRIES - len(raw_sites))]

    # Sites: check each, then resolve parents (any order in the file), depth -> tier.
    site_tables: dict[str, tuple[dict[str, Any], tuple[int, int] | None]] = {}
    for index, table in enumerate(raw_sites):
        span = lines.table("site", index, len(raw_sites))
        line = span[0] if span else None
        try:
            if not isinstance(table, dict):
                raise _Bad(QCoreApplication.translate("StaticFile", "a site must be a table"))
            _unknown_keys(table, SITE_KEYS)
            key = _text(table.get("key"), "key", 100)
            _text(table.get("name"), "name")
            if key in site_tables:
                raise _Bad(QCoreApplication.translate("StaticFile", "another site already has the key '{key}'").format(key=key), "key")
            site_tables[key] = (table, span)
        except _Bad as exc:
            bad(lines.key(span, exc.key) if exc.key else line, QCoreApplication.translate("StaticFile", "site: {reason}").format(reason=exc.reason))

    sites: dict[str, Site] = {}  # key -> site
    paths: dict[str, list[str]] = {}
    towns: dict[str, int] = {}

    def resolve(key: str, seen: tuple[str, ...]) -> Site | None:
        if key in sites:
            return sites[key]
        table, span = site_tables[key]
        parent_key = table.get("parent")
        parent: Site | None = None
        try:
            if parent_key is not None:
                if not isinstance(parent_key, str) or parent_key not in site_tables:
                    raise _Bad(QCoreApplication.translate("StaticFile", "the parent '{parent}' is not a site in this file").format(parent=parent_key), "parent")
                if parent_key in seen:
                    raise _Bad(QCoreApplication.translate("StaticFile", "the parents form a loop"), "parent")
                parent = resolve(parent_key, (*seen, key))
                if parent is None:
                    raise _Bad(QCoreApplication.translate("StaticFile", "its parent '{parent}' is a bad entry").format(parent=parent_key), "parent")
            path = [*paths[parent_key], key] if parent is not None and isinstance(parent_key, str) else [key]
            depth = len(path) - 1
            tier = (Tier.COUNTY, Tier.TOWN)[depth] if depth < 2 else Tier.VILLAGE
            town: int | None = None
            if tier is Tier.TOWN:
                town = min(len(towns) + 1, 99)
                towns[key] = town
            elif tier is Tier.VILLAGE:
                town = towns.get(path[1])
            online = table.get("online", True)
            if not isinstance(online, bool):
                raise _Bad(QCoreApplication.translate("StaticFile", "'online' must be true or false"), "online")
            site = Site(
                id=_gb_id(table.get("id")) or derived_id(TYPE_VIRTUAL_ORG, ["site", *path]),
                name=_text(table.get("name"), "name"),
                tier=tier,
                kind={Tier.COUNTY: SiteKind.DISPATCH_CENTRE, Tier.TOWN: SiteKind.POLICE_STATION}.get(tier, SiteKind.VILLAGE),
                parent_id=parent.id if parent is not None else None,
                town=town,
                online=online,
                location=_location(table.get("location")),
            )
        except _Bad as exc:
            line = lines.key(span, exc.key) if exc.key else (span[0] if span else None)
            bad(line, QCoreApplication.translate("StaticFile", "site '{key}': {reason}").format(key=key, reason=exc.reason))
            sites_failed.add(key)
            return None
        sites[key] = site
        paths[key] = path
        return site

    sites_failed: set[str] = set()
    for key in site_tables:
        if key not in sites_failed:
            resolve(key, ())
    site_ids: dict[str, str] = {}
    for key, site in list(sites.items()):
        if site.id in site_ids:
            _, span = site_tables[key]
            bad(span[0] if span else None,
                QCoreApplication.translate("StaticFile", "site '{key}': its id {id} is already used by site '{other}'").format(key=key, id=site.id, other=site_ids[site.id]))  # fmt: skip
            del sites[key]
            continue
        site_ids[site.id] = key

    cameras: list[Camera] = []
    entries: dict[str, CameraEntry] = {}
    grids: dict[str, tuple[str, str]] = {}  # grid name -> (grid id, site id)
    for index, table in enumerate(raw_cameras):
        span = lines.table("camera", index, len(raw_cameras))
        try:
            if not isinstance(table, dict):
                raise _Bad(QCoreApplication.translate("StaticFile", "a camera must be a table"))
            _unknown_keys(table, CAMERA_KEYS)
            name = _text(table.get("name"), "name")
            site_key = table.get("site")
            if not isinstance(site_key, str) or site_key not in sites:
                reason = (
                    QCoreApplication.translate("StaticFile", "'site' is missing") if site_key is None
                    else QCoreApplication.translate("StaticFile", "the site '{site}' is not a (good) site in this file").format(site=site_key)
                )  # fmt: skip
                raise _Bad(reason, "site" if site_key is not None else None)
            site = sites[site_key]
            streams: list[StreamProfile] = []
            urls: dict[str, tuple[Transport, str]] = {}
            for profile_name in PROFILES:
                if profile_name in table:
                    profile, transport, url = _profile(profile_name, table[profile_name])
                    streams.append(profile)
                    urls[profile_name] = (transport, url)
            if not streams:
                raise _Bad(QCoreApplication.translate("StaticFile", "no URL: give 'main' and/or 'sub'"))
            credential = table.get("credential")
            if credential is not None:
                credential = _text(credential, "credential", 100)
            ptz = table.get("ptz", False)
            if not isinstance(ptz, bool):
                raise _Bad(QCoreApplication.translate("StaticFile", "'ptz' must be true or false"), "ptz")
            kind_value = table.get("kind", CameraKind.VILLAGE.value)
            if kind_value not in _KINDS:
                raise _Bad(QCoreApplication.translate("StaticFile", "'kind' must be one of: {kinds}").format(kinds=", ".join(k.value for k in CameraKind)), "kind")
            tags = table.get("tags", [])
            if not isinstance(tags, list) or not all(isinstance(t, str) and 0 < len(t) <= 64 for t in tags):
                raise _Bad(QCoreApplication.translate("StaticFile", "'tags' must be a list of short texts"), "tags")
            grid_id: str | None = None
            grid_name = table.get("grid")
            if grid_name is not None:
                grid_name = _text(grid_name, "grid")
                if grid_name not in grids:
                    grids[grid_name] = (derived_id(TYPE_VIRTUAL_ORG, ["grid", grid_name]), site.id)
                grid_id = grids[grid_name][0]
            camera_id = _gb_id(table.get("id")) or derived_id(TYPE_CAMERA, ["camera", *paths[site_key], name])
            if camera_id in entries:
                other = entries[camera_id].line
                raise _Bad(
                    QCoreApplication.translate("StaticFile", "the id {id} is already used by the camera at line {line}: give one of them another name or an 'id'").format(
                        id=camera_id, line=other if other else "?"
                    ),
                    "id" if "id" in table else "name",
                )
            camera = Camera(
                id=camera_id, name=name, site_id=site.id, grid_id=grid_id, kind=CameraKind(kind_value),
                tags=list(tags), ptz=ptz, online=True, streams=streams, location=_location(table.get("location")),
            )  # fmt: skip
        except _Bad as exc:
            line = lines.key(span, exc.key) if exc.key else (span[0] if span else None)
            label = table.get("name") if isinstance(table, dict) and isinstance(table.get("name"), str) else f"#{index + 1}"
            bad(line, QCoreApplication.translate("StaticFile", "camera '{name}': {reason}").format(name=str(label)[:60], reason=exc.reason))
            continue
        cameras.append(camera)
        entries[camera_id] = CameraEntry(camera_id, urls, credential, span[0] if span else None)

    grid_list = []
    for grid_name, (grid_id, site_id) in grids.items():
        members = [c for c in cameras if c.grid_id == grid_id]
        grid_list.append(
            Grid(
                id=grid_id, name=grid_name, site_id=site_id, polygon=[], status=GridStatus.NORMAL, status_reason="",
                cameras_online=sum(1 for c in members if c.online), cameras_total=len(members), members=[], patrol_on_duty=0,
            )
        )
    inventory = Inventory(sites=list(sites.values()), cameras=cameras, grids=grid_list, problems=[str(p) for p in problems])
    return inventory, entries, problems


def load(path: Path) -> Loaded:
    """Read and parse ``path``; raises ``FileProblem`` when nothing could be read at all."""
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileProblem(Problem(file, None, QCoreApplication.translate("StaticFile", "the file is larger than {mib} MiB").format(mib=MAX_FILE_BYTES // 2**20)))
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise FileProblem(Problem(file, None, QCoreApplication.translate("StaticFile", "cannot read the file: {error}").format(error=exc.strerror or exc))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(Problem(file, None, QCoreApplication.translate("StaticFile", "the file is not UTF-8 (byte {pos})").format(pos=exc.start))) from None
    try:
        inventory, entries, problems = parse(text, file)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)  # Python 3.14+; otherwise read from the message
        if line is None:
            m = re.search(r"line (\d+)", str(exc))
            line = int(m.group(1)) if m else None
        raise FileProblem(Problem(file, line, QCoreApplication.translate("StaticFile", "TOML syntax error: {error}").format(error=exc))) from None
    return Loaded(inventory, entries, problems, hashlib.sha256(raw).hexdigest())


class FileProblem(errors.PlatformError):
    """The file as a whole could not be used (unreadable, too big, a TOML syntax error)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# --------------------------------------------------------------------------- credentials


def camera_credential(name: str) -> tuple[str, str]:
    """``(user, password)`` from the keyring entry ``name`` (service ``controlroom-cameras``)."""
    import keyring

    from controlroom.credentials import keyring_available

    if not keyring_available():
        raise errors.AuthError(
            QCoreApplication.translate("StaticFile", "The camera file names the credential '{name}', but this machine has no safe keyring to read it from.").format(
                name=name
            )
        )
    try:
        secret = keyring.get_password(KEYRING_SERVICE, name)
    except Exception as exc:
        raise errors.AuthError(QCoreApplication.translate("StaticFile", "Could not read the keyring: {error}").format(error=type(exc).__name__)) from None
    if not secret or ":" not in secret:
        raise errors.AuthError(
            QCoreApplication.translate("StaticFile",
                "The camera file names the credential '{name}', but the keyring has no entry '{name}' (as user:password) "
                "under the service '{service}'. Store it with: keyring set {service} {name}"
            ).format(name=name, service=KEYRING_SERVICE)
        )
    user, _, password = secret.partition(":")
    return user, password


def store_camera_credential(name: str, user: str, password: str) -> None:
    """Put a credential in the keyring (what ``keyring set controlroom-cameras NAME`` does by hand)."""
    import keyring

    from controlroom.credentials import keyring_available

    if not keyring_available():
        raise errors.AuthError(QCoreApplication.translate("StaticFile", "No safe keyring on this machine: camera credentials cannot be stored."))
    keyring.set_password(KEYRING_SERVICE, name, f"{user}:{password}")


def with_credentials(url: str, user: str, password: str) -> str:
    """``url`` with ``user:password@`` in its authority (both percent-encoded)."""
    parts = urllib.parse.urlsplit(url)
    userinfo = urllib.parse.quote(user, safe="") + ":" + urllib.parse.quote(password, safe="")
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{userinfo}@{parts.netloc}"))


# --------------------------------------------------------------------------- the backend


class StaticFileBackend(NoPlayback):
    """A ``Backend`` over a camera file. Inventory only: no login, alerts, PTZ or conferences."""

    name = "static_file"
    capabilities: frozenset[Capability] = frozenset()
    extra_schemes: frozenset[str] = frozenset()

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._loaded: Loaded | None = None
        self._version = 0
        self._user: User | None = None
        #: the last reload failed as a whole (syntax error, unreadable): the last good inventory stays
        self.file_error = False

    # -- the file

    def reload(self) -> tuple[Inventory, list[Problem], bool]:
        """Read the file again: ``(inventory, problems, changed)``.

        On a file-wide problem (syntax error, unreadable) the last good
        inventory stays and the problem is returned; ``changed`` is False.
        """
        try:
            loaded = load(self.path)
        except FileProblem as exc:
            log.warning("camera file not reloaded: %s", exc.problem)
            with self._lock:
                last = self._loaded
            inventory = last.inventory if last is not None else Inventory(sites=[], cameras=[])
            self.file_error = True
            return replace(inventory, problems=[str(exc.problem)]), [exc.problem], False
        self.file_error = False
        with self._lock:
            changed = self._loaded is None or self._loaded.digest != loaded.digest
            if changed:
                self._version += 1
                loaded = replace(loaded, inventory=replace(loaded.inventory, version=self._version))
                self._loaded = loaded
            else:
                assert self._loaded is not None
                loaded = self._loaded
        for problem in loaded.problems:
            log.info("camera file: %s", problem)
        return loaded.inventory, loaded.problems, changed

    def current(self) -> Inventory | None:
        with self._lock:
            return self._loaded.inventory if self._loaded is not None else None

    # -- Backend

    async def login(self, username: str, password: str) -> User:
        """A camera file has no login: whoever runs the app sees every camera in it."""
        del password
        name = username or "local"
        self._user = User(username=name, display_name=name, role=Role.DISPATCHER, scope=Scope(towns=None))
        return self._user

    async def inventory(self) -> Inventory:
        """The file's inventory; raises ``FileProblem`` if it never loaded."""
        # Off the event loop: a large file takes a while to parse (see DEVELOPERS.md).
        inventory, problems, _ = await asyncio.to_thread(self.reload)
        if self.current() is None:
            raise FileProblem(problems[0])
        return inventory

    async def open_stream(self, camera: Camera, profile: str, transports: Sequence[Transport]) -> StreamLease:
        with self._lock:
            entry = self._loaded.entries.get(camera.id) if self._loaded is not None else None
        if entry is None:
            raise errors.NotFoundError(QCoreApplication.translate("StaticFile", "The camera is no longer in the camera file."), status=404)
        offered = entry.urls.get(profile)
        if offered is None:
            raise errors.NotFoundError(
                QCoreApplication.translate("StaticFile", "The camera file gives no '{profile}' URL for this camera.").format(profile=profile), status=404
            )
        transport, url = offered
        if transports and transport not in transports:
            raise errors.PlatformError(
                QCoreApplication.translate("StaticFile", "This camera's '{profile}' stream is {transport}, which cannot be played here.").format(
                    profile=profile, transport=transport.value
                )
            )
        credential = entry.credential

        async def make_url() -> str:
            if credential is None:
                return url
            user, password = await asyncio.to_thread(camera_credential, credential)
            return with_credentials(url, user, password)

        log.debug("lease on %s %s: %s", camera.id, profile, mask_url(url))
        return SimpleLease(camera_id=camera.id, profile=profile, transport=transport, make_url=make_url)

    async def ptz(self, camera_id: str, command: PtzCommand) -> PtzResult:
        raise Unsupported(Capability.PTZ, self.name)

    async def alerts(self) -> list[Alert]:
        raise Unsupported(Capability.ALERTS, self.name)

    async def aclose(self) -> None:
        return None


# --------------------------------------------------------------------------- watching


OnChange = Callable[[Inventory, list[Problem]], None]


@dataclass
class FileWatcher:
    """Polls a camera file and hands each new inventory (or a new problem) to ``on_change``.

    No Qt: a thread wakes every ``interval`` seconds, compares the file's
    mtime and size, and on a difference reloads through the backend (which
    compares the content's hash). ``on_change`` runs on the watcher's thread.
    A syntax error is reported once per distinct file state; the backend keeps
    the last good inventory.
    """

    backend: StaticFileBackend
    on_change: OnChange
    interval: float = 2.0
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)
    _stat: tuple[int, int] | None = field(default=None, init=False)

    def _stat_now(self) -> tuple[int, int] | None:
        try:
            st = self.backend.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def check(self) -> bool:
        """One poll; True when ``on_change`` was called."""
        stat = self._stat_now()
        if stat == self._stat:
            return False
        self._stat = stat
        inventory, problems, changed = self.backend.reload()
        if not changed and not self.backend.file_error:
            return False  # touched, same content
        try:
            self.on_change(inventory, problems)
        except Exception:
            log.exception("camera file watcher: on_change failed")
        return True

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stat = self._stat_now()  # the backend loaded this state already
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-file-watcher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:
                log.exception("camera file watcher failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self.interval + 5)
            self._thread = None
