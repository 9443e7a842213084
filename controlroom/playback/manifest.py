"""The export manifest (``manifest.json`` beside the clips) and ``controlroom verify``.

The manifest says what each clip is (camera, time range, profile), who
exported it from which platform, with which tool, and the SHA-256 and size
of each file. ``verify`` reads it back (distrusting it: bounded size, plain
file names only) and checks every file; exit codes:

- 0 every file is present and matches;
- 1 a file is missing, or its size or SHA-256 differs;
- 2 no readable manifest (missing, not JSON, not this format).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from controlroom import __version__
from controlroom.storage import atomic_write

MANIFEST_NAME = "manifest.json"
FORMAT = "controlroom-export"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 1 << 20
MAX_FILES = 1000

EXIT_OK = 0
EXIT_MISMATCH = 1
EXIT_NO_MANIFEST = 2


def iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat().replace("+00:00", "Z")


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


@dataclass
class ClipEntry:
    file: str  # a plain name inside the export folder
    camera_id: str
    camera_name: str
    start: datetime
    end: datetime
    profile: str
    bytes: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "camera_id": self.camera_id, "camera_name": self.camera_name,
                "start": iso(self.start), "end": iso(self.end), "profile": self.profile,
                "bytes": self.bytes, "sha256": self.sha256}


@dataclass
class Manifest:
    operator: str
    platform: str
    start: datetime
    end: datetime
    clips: list[ClipEntry] = field(default_factory=list)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    tool: str = f"ControlRoom {__version__}"

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "tool": self.tool,
                "created_at": iso(self.created_at), "operator": self.operator, "platform": self.platform,
                "range": {"start": iso(self.start), "end": iso(self.end)},
                "files": [c.to_json() for c in self.clips]}

    def write(self, folder: Path) -> Path:
        """Atomically: a temporary file in ``folder``, then renamed to manifest.json."""
        data = json.dumps(self.to_json(), indent=2, ensure_ascii=False).encode() + b"\n"
        path = folder / MANIFEST_NAME
        atomic_write(path, data)  # a crash leaves the old manifest or the new one, never half
        return path



def plain_name(name: object) -> str | None:
    """``name`` if it is a plain file name (no folder, no .., no control characters), else None."""
    if not isinstance(name, str) or not name or len(name) > 255:
        return None
    if name in (".", "..") or "/" in name or "\\" in name or any(ord(c) < 32 for c in name):
        return None
    return name


@dataclass
class Check:
    file: str
    ok: bool
    problem: str = ""  # English words for the terminal


@dataclass
class Verdict:
    code: int
    checks: list[Check] = field(default_factory=list)
    problem: str = ""

    def lines(self) -> list[str]:
        if self.code == EXIT_NO_MANIFEST:
            return [f"NOT VERIFIED: {self.problem}"]
        out = [f"{'OK      ' if c.ok else 'MISMATCH'} {c.file}{'' if c.ok else ': ' + c.problem}" for c in self.checks]
        bad = sum(1 for c in self.checks if not c.ok)
        if self.code == EXIT_OK:
            out.append(f"VERIFIED: all {len(self.checks)} file(s) match the manifest.")
        else:
            out.append(f"NOT VERIFIED: {bad} of {len(self.checks)} file(s) do not match the manifest.")
        return out


def verify(folder: Path) -> Verdict:
    """Check ``folder`` against its manifest.json (see the module's doc for the codes)."""
    mpath = folder / MANIFEST_NAME
    try:
        if not folder.is_dir():
            return Verdict(EXIT_NO_MANIFEST, problem=f"{folder} is not a folder")
        size = mpath.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            return Verdict(EXIT_NO_MANIFEST, problem=f"{MANIFEST_NAME} is too large ({size} bytes)")
        doc = json.loads(mpath.read_bytes())
    except FileNotFoundError:
        return Verdict(EXIT_NO_MANIFEST, problem=f"no {MANIFEST_NAME} in {folder}")
    except (OSError, ValueError) as exc:
        return Verdict(EXIT_NO_MANIFEST, problem=f"{MANIFEST_NAME} cannot be read: {exc}")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("files"), list):
        return Verdict(EXIT_NO_MANIFEST, problem=f"{MANIFEST_NAME} is not a ControlRoom export manifest")
    files: Sequence[Any] = doc["files"]
    if not files or len(files) > MAX_FILES:
        return Verdict(EXIT_NO_MANIFEST, problem=f"{MANIFEST_NAME} lists {len(files)} files")
    checks: list[Check] = []
    for entry in files:
        name = plain_name(entry.get("file") if isinstance(entry, dict) else None)
        if name is None or not isinstance(entry, dict):
            checks.append(Check(str(entry)[:80], False, "not a plain file name in the manifest"))
            continue
        want_sha, want_size = entry.get("sha256"), entry.get("bytes")
        path = folder / name
        try:
            st = path.stat()
        except FileNotFoundError:
            checks.append(Check(name, False, "missing"))
            continue
        if not path.is_file():
            checks.append(Check(name, False, "not a file"))
            continue
        if isinstance(want_size, int) and st.st_size != want_size:
            checks.append(Check(name, False, f"size {st.st_size} bytes, the manifest says {want_size}"))
            continue
        got = sha256_of(path)
        if not isinstance(want_sha, str) or got != want_sha.lower():
            checks.append(Check(name, False, f"SHA-256 {got} differs from the manifest's {want_sha}"))
            continue
        checks.append(Check(name, True))
    code = EXIT_OK if all(c.ok for c in checks) else EXIT_MISMATCH
    return Verdict(code, checks)
