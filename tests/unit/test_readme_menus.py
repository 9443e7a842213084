"""The README names menu entries as the menus say them (issue 9 item 10: "Edit layouts…").

A path such as "Wall → Layout → Custom layout…" in README.md whose first
step is a menu of the menu bar must name, step by step, texts that the UI
really offers (``tr("&Wall")``, ``tr("&Layout")``, ``tr("Custom layout…")``).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _ui_texts() -> set[str]:
    texts: set[str] = set()
    for folder in ("ui", "plugins", "controlroom"):
        for path in (ROOT / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for m in re.finditer(r"""(?:tr|translate|QT_TRANSLATE_NOOP)\((?:"[^"]*",\s*)?"((?:[^"\\]|\\.)*)"\)""", source):
                texts.add(m.group(1).replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return texts


def test_menu_paths_in_the_readme_exist() -> None:
    texts = _ui_texts()
    menus = {t for t in texts if t in {"Wall", "View", "Plugins", "Help", "File", "Platform", "Session", "Settings"}}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    checked = 0
    for line in readme.splitlines():
        if "→" not in line:
            continue
        steps = [s.strip() for s in line.split("→")]
        steps[0] = re.split(r"[\s(\"]", steps[0])[-1]
        last = steps[-1]
        cut = last.find("…")
        steps[-1] = last[: cut + 1] if cut >= 0 else re.split(r"[()\",;.]", last)[0].strip()
        if steps[0] not in menus:
            continue
        checked += 1
        missing = [s for s in steps if s not in texts]
        assert not missing, f"README says {' → '.join(steps)}; the UI has no {missing}"
    assert checked >= 1
