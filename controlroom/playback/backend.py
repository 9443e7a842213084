"""Which backend answers the playback calls of a session (the playback contract's seam)."""

from __future__ import annotations

from typing import Any

from controlroom.backends.base import Capability


def playback_backend(session: Any) -> Any | None:
    """The session's backend if it offers ``Capability.PLAYBACK``, else None (the UI says so)."""
    backend = getattr(session, "backend", None)
    if backend is None or Capability.PLAYBACK not in getattr(backend, "capabilities", frozenset()):
        return None
    return backend
