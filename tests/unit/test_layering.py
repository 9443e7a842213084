"""The core (controlroom/) imports neither widgets nor QtGui, nor the UI or plugins.

A small AST check rather than a linter plugin: it reads every module of the
core, including imports inside functions, so a late import cannot slip by.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "controlroom"
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui", "controlroom.ui", "controlroom.plugins")
# The entry point composes the layers: it alone may start the UI (lazily,
# for the app command only), as napari's __main__ starts its _qt layer.
ENTRY_POINT = {"cli.py"}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def test_core_imports_no_widgets() -> None:
    files = sorted(p for p in CORE.rglob("*.py") if p.relative_to(CORE).as_posix() not in ENTRY_POINT)
    assert len(files) > 10
    bad = [
        f"{path.relative_to(CORE.parent)}:{line}: {name}"
        for path in files
        for line, name in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not bad, "the core must not import widgets:\n" + "\n".join(bad)


def test_the_check_itself_catches_a_widget_import() -> None:
    tree = ast.parse("def f():\n    from PySide6 import QtWidgets\n")
    assert any(name == "PySide6.QtWidgets" for _, name in _imports(tree))
