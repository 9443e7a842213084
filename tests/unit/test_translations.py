"""Every user-visible string has Chinese, and the shipped .qm is the committed .ts compiled.

lupdate scans the code as resources/translations/README says; every (context,
source) it finds must be finished in the committed controlroom_zh_CN.ts. A
failure lists the strings: run the README's three steps (lupdate,
fill_zh_CN.py, lrelease) and commit the .ts and .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "controlroom_zh_CN.ts"
QM = TRANSLATIONS / "controlroom_zh_CN.qm"
SOURCES = ("ui", "controlroom", "plugins")

Key = tuple[str, str]  # (context, source)
NUMERUS = "\0numerus"  # stands for a finished plural message (its forms depend on n)


def _lupdate() -> str:
    # beside the interpreter in a venv; on PATH otherwise
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        pytest.fail("pyside6-lupdate not found (it comes with PySide6)")
    return found


def _messages(ts: Path) -> dict[Key, str | None]:
    """(context, source) -> the finished translation, or None when unfinished or empty."""
    out: dict[Key, str | None] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            finished = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            if tr is None:
                text = ""
            elif msg.get("numerus") == "yes":  # plural forms: every one must be there
                forms = [f.text or "" for f in tr.iter("numerusform")]
                text = NUMERUS if forms and all(forms) else ""
            else:
                text = tr.text or ""
            out[(name, msg.findtext("source") or "")] = text if finished and text else None
    return out


def test_every_string_in_the_code_has_chinese(tmp_path: Path) -> None:
    files = sorted(str(p) for d in SOURCES for p in (ROOT / d).rglob("*.py"))
    scanned = tmp_path / "scan.ts"
    subprocess.run(
        [_lupdate(), *files, "-ts", str(scanned), "-target-language", "zh_CN", "-no-obsolete", "-silent"],
        check=True, capture_output=True, timeout=120,
    )
    in_code = set(_messages(scanned))
    assert len(in_code) > 50, "lupdate found next to nothing: is the scan broken?"
    committed = _messages(TS)
    missing = sorted(k for k in in_code if committed.get(k) is None)
    assert not missing, (
        "strings without a finished Chinese translation in controlroom_zh_CN.ts "
        "(follow resources/translations/README):\n" + "\n".join(f"  {c}: {s!r}" for c, s in missing)
    )


def test_committed_qm_loads_and_matches_the_ts(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.translate("ConnectionState", "Connected") == "已连接"
    # every finished message of the .ts is in the .qm as it is: lrelease was run after the last edit
    stale = [
        (ctx, src) for (ctx, src), text in _messages(TS).items()
        if text not in (None, NUMERUS) and translator.translate(ctx, src) != text
    ]
    assert not stale, f"controlroom_zh_CN.qm is older than the .ts (run lrelease): {stale[:5]}"
