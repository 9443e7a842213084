"""Hostile-platform tests: a platform of our own that misbehaves (``hostile_platform``).

Qt warnings fail these tests (as in tests/ui). ``aio``/``run`` (tests/conftest.py) put
asyncio on Qt's loop for the tests that drive the real app (``heartbeat.Heartbeat``
tells whether its GUI thread was ever blocked).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support propagateSizeHints\(\)",
                r"This plugin does not support raise\(\)",
            ))
