"""The display registry as the pane shows it, without Qt: the list fetched, kept current by events."""

from __future__ import annotations

from collections.abc import Iterable

from controlroom.api.schema import Display, DisplayUpdatedEvent


class DisplayBook:
    """Display name -> the newest ``Display`` heard of (a fetch replaces, events update)."""

    def __init__(self) -> None:
        self.displays: dict[str, Display] = {}

    def replace(self, displays: Iterable[Display]) -> None:
        self.displays = {d.name: d for d in displays}

    def apply(self, batch: Iterable[object]) -> bool:
        """Take the ``display.updated`` events of a batch; True if anything changed."""
        changed = False
        for ev in batch:
            if isinstance(ev, DisplayUpdatedEvent) and self.displays.get(ev.display.name) != ev.display:
                self.displays[ev.display.name] = ev.display
                changed = True
        return changed

    def ordered(self) -> list[Display]:
        """Online first, then by name."""
        return sorted(self.displays.values(), key=lambda d: (not d.online, d.name))
