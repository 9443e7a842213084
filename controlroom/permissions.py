"""What the logged-in user may do here, and why not: one answer for every control in the app.

``denied(user, capabilities, action)`` combines the two things that can forbid
an action:

- the **backend's capabilities** (``controlroom.backends.base.Capability``):
  nobody can acknowledge an alarm on wvp-GB28181-pro, nobody steers a camera
  from a camera file;
- the **role** (``controlroom.api.schema.Role``, the platform's word on the
  login): presenters (meeting displays) only view; a town desk works on its
  own town and leaves county-wide things (pushing to the room's displays, the
  audit trail, chairing a conference, shared views) to the county dispatch.

It answers None when the action is allowed, else the reason in the
operator's words (translated), which the UI shows as the disabled control's
tooltip and status tip: an operator never clicks into a refusal. The rules
mirror what the demo platform (the reference for API v1) answers with 403;
the platform still decides, this only keeps the app from offering what it
would refuse.

Usage (a widget that offers an action)::

    reason = denied(session.user, session.capabilities, Action.STEER_PTZ)
    button.setEnabled(reason is None)
    # or, in ui/: controlroom.ui.api.gate(button, reason, tip="Turn the camera")

Per-item rules take keywords: ``author=`` (a bookmark's author: a town desk
deletes only its own) and ``chair=`` (the conference's chair: only the chair
mutes others). This module has no widgets (QtCore only, for translation).
"""

from __future__ import annotations

import enum
from collections.abc import Collection

from PySide6.QtCore import QCoreApplication

from controlroom.api.schema import Role, User
from controlroom.backends.base import Capability

__all__ = ["Action", "denied", "denied_in", "needs"]


class Action(enum.StrEnum):
    """Everything an operator does that a role or a backend may forbid."""

    ACKNOWLEDGE_ALERT = "acknowledge_alert"  # with or without a note
    STEER_PTZ = "steer_ptz"  # arrows, zoom, click-to-centre, go to a preset
    SAVE_PTZ_PRESET = "save_ptz_preset"
    PLAY_BACK = "play_back"  # recordings on the wall (viewing: every role)
    EXPORT_RECORDING = "export_recording"
    CREATE_BOOKMARK = "create_bookmark"
    DELETE_BOOKMARK = "delete_bookmark"  # author= for the per-bookmark rule
    PUSH_TO_DISPLAY = "push_to_display"  # send a view/camera/wall to a meeting display
    VIEW_AUDIT = "view_audit"  # the operator audit trail
    RAISE_HAND = "raise_hand"  # speak in a conference
    MUTE_SELF = "mute_self"
    MUTE_OTHERS = "mute_others"  # chair= for the per-room rule
    EDIT_SHARED_VIEWS = "edit_shared_views"  # views the platform keeps for every desk


#: The backend capability each action needs (absent: none).
_NEEDS: dict[Action, Capability] = {
    Action.ACKNOWLEDGE_ALERT: Capability.ALERT_ACK,
    Action.STEER_PTZ: Capability.PTZ,
    Action.SAVE_PTZ_PRESET: Capability.PTZ,
    Action.PLAY_BACK: Capability.PLAYBACK,
    Action.EXPORT_RECORDING: Capability.PLAYBACK,
    Action.CREATE_BOOKMARK: Capability.PLAYBACK,
    Action.DELETE_BOOKMARK: Capability.PLAYBACK,
    Action.PUSH_TO_DISPLAY: Capability.DISPLAYS,
    Action.VIEW_AUDIT: Capability.AUDIT,
    Action.RAISE_HAND: Capability.CONFERENCE,
    Action.MUTE_SELF: Capability.CONFERENCE,
    Action.MUTE_OTHERS: Capability.CONFERENCE,
}

#: What a presenter (a meeting display's login) may do: view, play back, drive its own screen.
_PRESENTER_MAY: frozenset[Action] = frozenset({Action.PLAY_BACK})

#: What a town desk may not do: the county-wide things.
_TOWN_DESK_MAY_NOT: frozenset[Action] = frozenset({
    Action.PUSH_TO_DISPLAY, Action.VIEW_AUDIT, Action.MUTE_OTHERS, Action.EDIT_SHARED_VIEWS,
})

#: Actions that steer or change something: a login the platform marks ``can_control=False`` may not.
_CONTROL: frozenset[Action] = frozenset({
    Action.ACKNOWLEDGE_ALERT, Action.STEER_PTZ, Action.SAVE_PTZ_PRESET, Action.RAISE_HAND,
    Action.MUTE_OTHERS, Action.PUSH_TO_DISPLAY,
})


def needs(action: Action) -> Capability | None:
    """The backend capability ``action`` needs, if any."""
    return _NEEDS.get(action)


def _what(action: Action) -> str:
    """The action as a verb phrase: "… may not {what}."."""
    return {
        Action.ACKNOWLEDGE_ALERT: QCoreApplication.translate("Permissions", "acknowledge alerts"),
        Action.STEER_PTZ: QCoreApplication.translate("Permissions", "steer cameras"),
        Action.SAVE_PTZ_PRESET: QCoreApplication.translate("Permissions", "save camera presets"),
        Action.PLAY_BACK: QCoreApplication.translate("Permissions", "play back recordings"),
        Action.EXPORT_RECORDING: QCoreApplication.translate("Permissions", "export recordings"),
        Action.CREATE_BOOKMARK: QCoreApplication.translate("Permissions", "add bookmarks"),
        Action.DELETE_BOOKMARK: QCoreApplication.translate("Permissions", "delete bookmarks"),
        Action.PUSH_TO_DISPLAY: QCoreApplication.translate("Permissions", "send to the meeting displays"),
        Action.VIEW_AUDIT: QCoreApplication.translate("Permissions", "see the operator audit trail"),
        Action.RAISE_HAND: QCoreApplication.translate("Permissions", "speak in a conference"),
        Action.MUTE_SELF: QCoreApplication.translate("Permissions", "use a microphone in a conference"),
        Action.MUTE_OTHERS: QCoreApplication.translate("Permissions", "mute other participants"),
        Action.EDIT_SHARED_VIEWS: QCoreApplication.translate("Permissions", "change the shared views"),
    }[action]


def _missing(capability: Capability) -> str:
    """Why nobody can do it here: the platform lacks ``capability``."""
    words = {
        Capability.ALERT_ACK: QCoreApplication.translate(
            "Permissions", "This platform does not take acknowledgements: its alarms are shown only."),
        Capability.PTZ: QCoreApplication.translate("Permissions", "This platform does not steer cameras."),
        Capability.PLAYBACK: QCoreApplication.translate("Permissions", "This platform offers no recordings."),
        Capability.DISPLAYS: QCoreApplication.translate(
            "Permissions", "This platform drives no meeting displays."),
        Capability.AUDIT: QCoreApplication.translate(
            "Permissions", "This platform keeps no operator audit trail."),
        Capability.CONFERENCE: QCoreApplication.translate(
            "Permissions", "This platform has no video conference."),
    }
    if capability in words:
        return words[capability]
    return QCoreApplication.translate(
        "Permissions", "This platform does not offer that ({what}).").format(what=capability.value)


def denied(
    user: User | None,
    capabilities: Collection[Capability] | None,
    action: Action,
    *,
    author: str | None = None,
    chair: str | None = None,
) -> str | None:
    """None if ``user`` may take ``action`` on a backend with ``capabilities``, else why not (translated).

    ``capabilities`` None means "not known" (no check by capability). ``author``: the
    username of the bookmark's author (DELETE_BOOKMARK); ``chair``: the username of the
    conference's chair (MUTE_OTHERS), None when the room has none.
    """
    if user is None:
        return QCoreApplication.translate("Permissions", "Not signed in.")
    need = _NEEDS.get(action)
    if capabilities is not None and need is not None and need not in capabilities:
        return _missing(need)  # first: nobody could, whatever the role
    what = _what(action)
    if user.role == Role.PRESENTER:
        if action in _PRESENTER_MAY:
            return None
        return QCoreApplication.translate(
            "Permissions", "This login is a presenter (view only): it may not {what}.").format(what=what)
    if user.role == Role.TOWN_DESK and action in _TOWN_DESK_MAY_NOT:
        if action is Action.MUTE_OTHERS:
            return QCoreApplication.translate(
                "Permissions",
                "Only the conference's chair (the county dispatch) mutes others; you may mute only yourself.")
        return QCoreApplication.translate(
            "Permissions",
            "Only the county dispatch may {what}; a town desk works on its own town.").format(what=what)
    if not user.can_control and action in _CONTROL:
        return QCoreApplication.translate(
            "Permissions", "The platform lets this login view only: it may not {what}.").format(what=what)
    others_bookmark = author is not None and author != user.username
    if action is Action.DELETE_BOOKMARK and others_bookmark and user.role != Role.DISPATCHER:
        return QCoreApplication.translate(
            "Permissions", "Only the bookmark's author or a county dispatcher may delete it.")
    if action is Action.MUTE_OTHERS and chair is not None and chair != user.username:
        return QCoreApplication.translate(
            "Permissions", "Only the conference's chair mutes others; you may mute only yourself.")
    return None


def denied_in(session: object, action: Action, **item: str | None) -> str | None:
    """``denied`` for a ``Session`` (its user and capabilities); None-safe for a session without them."""
    if session is None:
        return denied(None, None, action, **item)
    user = getattr(session, "user", None)
    capabilities = getattr(session, "capabilities", None)
    return denied(user, capabilities, action, **item)
