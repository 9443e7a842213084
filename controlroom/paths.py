"""Where ControlRoom keeps its files (platformdirs), one place for all of them."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "ControlRoom"


def _override(var: str) -> Path | None:
    value = os.environ.get(var)
    return Path(value) if value else None


def config_dir() -> Path:
    return _override("CONTROLROOM_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return _override("CONTROLROOM_CACHE_DIR") or Path(platformdirs.user_cache_dir(APP, appauthor=False))


def log_dir() -> Path:
    """Where the rotating log file goes (``controlroom.logs``); tests point it elsewhere."""
    return _override("CONTROLROOM_LOG_DIR") or Path(platformdirs.user_log_dir(APP, appauthor=False))


def pictures_dir() -> Path:
    return Path(platformdirs.user_pictures_dir()) / APP
