"""A plugin module whose import fails (a dependency that is not installed)."""

import controlroom_no_such_dependency  # noqa: F401

from controlroom.plugin_api import Plugin

__all__ = ["Plugin"]
