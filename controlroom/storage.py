"""Versioned files written atomically: the one way ControlRoom keeps state on disk.

Operators lose a view they built over an hour if a crash or a full disk
leaves a half-written file, so every write goes to a temporary file in the
same folder, is flushed to disk, and then replaces the old file in one step
(``os.replace`` is atomic on POSIX and on Windows within one volume).

Reading never silently drops anything: a file that cannot be decoded, or
that its owner's ``validate`` rejects, is renamed aside to
``<name>.corrupt-<YYYYmmdd-HHMMSS>`` and reported, so the owner can start
afresh without destroying what was there. A file written by a newer
ControlRoom is left untouched and reported as read-only: an older build must
never overwrite what it does not understand.

Plain Python (no Qt): messages are English sentences; the UI words them for
the operator (``tr()``) from the structured fields of ``Loaded``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns the data of version N into the data of version N + 1."""

# What a migration or a validator may raise for data it cannot accept.
_INVALID = (ValueError, TypeError, KeyError, LookupError, msgspec.MsgspecError)


@dataclass(frozen=True)
class Loaded:
    """The outcome of ``load_versioned``.

    - missing file: ``data=None, problem=None``;
    - good file: ``data`` at the current version (migrated if it was older);
    - corrupt or invalid file: ``data=None``, ``problem``, ``set_aside`` (where it went);
    - newer or unreadable (permissions, a folder) file: ``data=None``, ``problem``,
      ``read_only=True``: the caller must not write over it.
    """

    data: dict[str, Any] | None
    problem: str | None = None
    set_aside: Path | None = None
    # Beyond the contract in DEVELOPERS.md: the caller needs to know that it
    # must not save over the file, and "problem but not set aside" is too
    # implicit a way to say so.
    read_only: bool = False


def atomic_write(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename itself is only durable once the folder's entry is on disk;
    # Windows cannot open a folder for this and does not need it.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path | str, *, now: datetime | None = None) -> Path:
    """Rename ``path`` to ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` (never over an earlier one)."""
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():  # two bad loads in one second must not lose the first
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


def load_versioned(
    path: Path | str,
    *,
    current: int,
    migrations: Mapping[int, Migration],
    validate: Callable[[dict[str, Any]], object] | None = None,
) -> Loaded:
    """Read a JSON object with an integer ``schema_version`` and bring it to ``current``.

    ``migrations[n]`` turns version ``n`` into ``n + 1``. ``validate`` (optional,
    an addition to the contract) checks the migrated data and raises
    ``ValueError``/``TypeError``/``KeyError``/``msgspec.ValidationError`` when it
    is not acceptable; the file is then set aside like an undecodable one, so
    that "invalid" is handled in one place for every owner.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(None)
    except OSError as e:
        # Not corrupt, just not readable now (permissions, a folder in the
        # way): renaming it would be wrong and writing over it worse.
        return Loaded(None, f"{path} could not be read: {e.strerror or e}", read_only=True)

    try:
        data = msgspec.json.decode(raw)
    except msgspec.DecodeError as e:
        return _aside(path, f"not valid JSON ({e})")
    if not isinstance(data, dict):
        return _aside(path, f"expected a JSON object, found {_json_kind(data)}")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _aside(path, "no valid schema_version")
    if version > current:
        return Loaded(
            None,
            f"{path} was written by a newer ControlRoom (schema version {version}; this one "
            f"reads up to {current}); it is left as it is and changes will not be saved",
            read_only=True,
        )
    while version < current:
        migrate = migrations.get(version)
        if migrate is None:
            return _aside(path, f"no migration from schema version {version}")
        try:
            data = migrate(dict(data))
        except _INVALID as e:
            return _aside(path, f"migration from schema version {version} failed ({e})")
        version += 1
        data["schema_version"] = version
    if validate is not None:
        try:
            validate(data)
        except _INVALID as e:
            return _aside(path, str(e) or type(e).__name__)
    return Loaded(data)


def _aside(path: Path, reason: str) -> Loaded:
    try:
        target = set_aside(path)
    except OSError as e:
        # Cannot move it (read-only folder): still never write over it.
        return Loaded(None, f"{path} is unreadable ({reason}) and could not be set aside: "
                            f"{e.strerror or e}", read_only=True)
    return Loaded(None, f"{path} is unreadable ({reason}); it was set aside as {target}", target)


def _json_kind(value: object) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number",
            bool: "true or false", type(None): "null"}.get(type(value), type(value).__name__)
