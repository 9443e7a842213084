"""Controls that a role or the platform forbids: disabled, with the reason where the operator looks.

``gate(control, reason, tip)`` is the one way to offer an action that
``controlroom.permissions.denied`` may refuse: a QAction or a QWidget is
enabled with its usual ``tip`` when ``reason`` is None, else disabled with the
reason as its tooltip and status tip (the main window's status bar shows
it while the pointer rests on the control, disabled or not), never a
failure after the click.
Public to plugins through ``controlroom.ui.api``.
"""

from __future__ import annotations

from controlroom.ui import text as ui_text
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from controlroom.permissions import Action, denied_in

__all__ = ["gate", "gate_action"]


def gate(control: QAction | QWidget, reason: str | None, tip: str = "", *, enabled: bool = True) -> bool:
    """Enable ``control`` when ``reason`` is None (and ``enabled``: the control's own
    condition, e.g. something selected), else disable it and say ``reason``.

    ``tip`` is the control's tooltip when allowed. Returns whether the role and the
    platform allow it (``reason`` is None), whatever ``enabled`` says.
    """
    words = tip if reason is None else reason
    control.setEnabled(reason is None and enabled)
    control.setToolTip(ui_text.plain(words) if words else "")
    control.setStatusTip(words)
    return reason is None


def gate_action(control: QAction | QWidget, session: object, action: Action, tip: str = "", *,
                enabled: bool = True, **item: str | None) -> bool:
    """``gate`` with the reason ``denied`` gives for ``session``'s user and backend."""
    return gate(control, denied_in(session, action, **item), tip, enabled=enabled)
