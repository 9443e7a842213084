"""Who is logged in, at a glance: the status bar's identity label and the window title's words.

The label reads "武台镇派出所值班台 · town desk · 武台镇 only" (``controlroom.identity``)
in bold on a chip in the role's colour (county dispatch blue,
town desk green, presenter grey, other backends amber), so that an operator
walking up to a desk sees whose login it is. Its tooltip adds the user name,
the platform and its address (the connection state is the status bar's
dot beside it). It follows the session: town names
come when the inventory is in (a town desk's scope says "town 3" until then).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from controlroom.ui import text as ui_text
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from controlroom.backends import address
from controlroom.identity import Identity, describe

if TYPE_CHECKING:
    from controlroom.session import Session

__all__ = ["ROLE_COLOURS", "IdentityLabel", "backend_words", "identity_of"]

ROLE_COLOURS = {  # dark enough for white text
    "dispatcher": "#2f65a0",
    "town_desk": "#2f7d55",
    "presenter": "#5c636b",
    "wvp": "#8f6518",
    "static_file": "#8f6518",
    "none": "#a8443d",
}


def backend_words(backend: str) -> str:
    return {
        address.API_V1: QCoreApplication.translate("Identity", "API v1 platform"),
        address.WVP: QCoreApplication.translate("Identity", "wvp-GB28181-pro"),
        address.STATIC_FILE: QCoreApplication.translate("Identity", "camera file"),
    }.get(backend, backend)


def identity_of(session: Session | Any) -> Identity:
    """``controlroom.identity.describe`` for a session (its user, backend and inventory)."""
    return describe(getattr(session, "user", None), getattr(session, "backend_name", address.API_V1),
                    getattr(session, "inventory", None))


class IdentityLabel(QLabel):
    """The status bar's "name · role · scope", in the role's colour; follows the session."""

    #: the words changed (the inventory brought the town names): the title follows
    changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityLabel")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the display name comes from the platform
        self.session = session
        self.identity = identity_of(session)
        self._show()

    def follow(self) -> Callable[[], None]:
        """Follow the session's inventory (town names); returns the unsubscriber."""
        return self.session.inventory.subscribe(lambda delta: self._refresh() if delta.reset else None)

    def line(self) -> str:
        return self.identity.line()

    def _refresh(self) -> None:
        before = self.identity
        self.identity = identity_of(self.session)
        self._show()
        if self.identity != before:
            self.changed.emit(self.identity.line())

    def _show(self) -> None:
        ident = self.identity
        colour = ROLE_COLOURS.get(ident.role_key, ROLE_COLOURS["none"])
        # a chip in the role's colour: the one thing in the status bar that is not grey
        self.setStyleSheet(f"QLabel#identityLabel {{ font-weight: 600; color: #ffffff; background: {colour};"
                           " border-radius: 3px; padding: 1px 8px; margin: 1px 6px; }")
        self.setText(ident.line())
        user = getattr(self.session, "user", None)
        lines = [ident.line()]
        if user is not None:
            lines.append(self.tr("User name: {username}").format(username=user.username))
        lines.append(self.tr("Platform: {backend} at {url}").format(
            backend=backend_words(getattr(self.session, "backend_name", address.API_V1)),
            url=getattr(self.session, "base_url", "")))
        self.setToolTip(ui_text.rich_lines(lines))
