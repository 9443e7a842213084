"""The OpenAPI 3.1 document of platform API v1, generated from the schema types.

The document is generated, not written by hand, so it cannot drift from what
the client decodes and the demo platform encodes. A copy is committed as
``resources/openapi.json``; a test checks that the copy is current
(regenerate it with ``python -m controlroom.api.openapi > resources/openapi.json``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

import msgspec

from controlroom.api import schema as s


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    summary: str
    response: Any = None
    body: Any = None
    params: tuple[tuple[str, str, str | dict[str, Any]], ...] = ()  # (name, in, type or JSON Schema)
    auth: bool = True
    status: int = 200
    stream: str | None = None  # media type of a streamed answer
    body_required: bool = True  # False: the body may be left out (added to an existing request)
    conflict: str | None = None  # when the route answers 409 (the state forbids it)
    extra_statuses: tuple[int, ...] = ()  # documented error statuses beyond the common ones


PAGING: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("offset", "query", {"type": "integer", "minimum": 0, "default": 0}),
    ("limit", "query", {"type": "integer", "minimum": 1, "maximum": s.MAX_PAGE_LIMIT, "default": 1000}),
)

ROUTES: tuple[Route, ...] = (
    Route("post", "/auth/login", "Log in with user and password; returns a bearer token with its expiry. "
          "Failed logins are throttled per user name and per client address: past the limit the answer is "
          "429 with Retry-After (seconds), whatever the password.", s.Token, s.LoginRequest, auth=False,
          extra_statuses=(429,)),
    Route("post", "/auth/refresh", "Trade a refresh token for a new token pair. A refresh token works once and "
          "expires (refresh_ttl); the access token it replaces is revoked at once.", s.Token, s.RefreshRequest, auth=False),
    Route("post", "/auth/logout", "Log out: revoke this login's access and refresh tokens and its stream tickets, "
          "and close the streams opened with them.", s.LogoutResult),
    Route("post", "/streams/ticket", "A short-lived ticket for one camera's profile, with the media URLs to play it "
          "now. 404 for a camera that does not exist or is outside the caller's scope (the two are not told apart).",
          s.StreamTicket, s.StreamTicketRequest),
    Route("get", "/me", "Who am I: role and scope.", s.User),
    Route("get", "/inventory", "Inventory version and counts within the caller's scope; a new version means: resync.", s.InventoryInfo),
    Route("get", "/sites", "The site tree (county, towns, villages), paged, in tree order.", s.Page[s.Site], params=PAGING),
    Route("get", "/cameras", "Cameras with their stream profiles, paged; optionally one site's.", s.Page[s.Camera],
          params=(*PAGING, ("site_id", "query", "string"))),
    Route("get", "/cameras/{camera_id}", "One camera.", s.Camera, params=(("camera_id", "path", "string"),)),
    Route("post", "/cameras/{camera_id}/ptz", "Pan, tilt, zoom or go to a preset. A direction or zoom moves until "
          "stop or the platform's safety timeout (PtzState.move_timeout). Presenters may not steer (403).",
          s.PtzResult, s.PtzCommand, params=(("camera_id", "path", "string"),), status=202,
          conflict="the camera cannot pan, tilt or zoom (no_ptz), or an operator of higher priority holds it "
                   "(ptz_held: the message says who and until when)"),
    Route("get", "/grids", "Community grids (网格) with status, polygon, members and patrol, paged.", s.Page[s.Grid], params=PAGING),
    Route("get", "/alerts", "Alerts, newest first, paged; state=open for unacknowledged ones.", s.Page[s.Alert],
          params=(*PAGING, ("state", "query", "string"))),
    Route("post", "/alerts/{alert_id}/ack", "Acknowledge an alert, with an optional note (body optional); every "
          "client hears of it on the event stream. The first acknowledgement stands.", s.Alert, s.AckRequest,
          params=(("alert_id", "path", "string"),), body_required=False),
    Route("get", "/conferences", "Video-conference rooms the caller may see: those it is a member of "
          "(dispatchers: all). Only members and dispatchers hear of a room (conference.updated).", list[s.ConferenceRoom]),
    Route("post", "/conferences/{room_id}/join", "Join a room in session: its participants and their streams. "
          "A desk becomes a participant; a presenter only views (no participant_id). "
          "A room the caller is no member of is not found (404).", s.ConferenceJoin,
          params=(("room_id", "path", "string"),), conflict="the room is not in session"),
    Route("post", "/conferences/{room_id}/leave", "Leave a room.", s.ConferenceRoom, params=(("room_id", "path", "string"),)),
    Route("post", "/conferences/{room_id}/hand", "Raise or lower the caller's hand (the caller must have joined; "
          "presenters only view: 403); every member hears of it as conference.updated. Returns the room.",
          s.ConferenceRoom, s.HandRequest, params=(("room_id", "path", "string"),),
          conflict="the caller has not joined the room"),
    Route("post", "/conferences/{room_id}/mute", "Ask to mute or unmute a participant: the chair may any, a "
          "participant only itself, a presenter none (403); every member hears of it as conference.updated. "
          "Returns the room.", s.ConferenceRoom, s.MuteRequest, params=(("room_id", "path", "string"),)),
    Route("get", "/events", "Server-sent events. Each has an id; send Last-Event-ID to resume without loss. "
          "A 'resync' event means: fetch the inventory again. Heartbeat: the server writes a line at least every "
          "Heartbeat-Interval seconds (response header, default 5; a ': heartbeat' comment when there is no event), "
          "so a client that hears nothing for three intervals treats the stream as dead and reconnects. "
          "The first lines carry 'retry:' (milliseconds), the least a client waits before it reconnects.",
          s.Event, stream="text/event-stream",
          params=(("Last-Event-ID", "header", "integer"),)),
)

# --------------------------------------------------------------------------- playback (issue 12)
_TIME: dict[str, Any] = {"type": "string", "format": "date-time"}
_REQ_TIME: dict[str, Any] = {**_TIME, "x-required": True}
_CAMERA = ("camera_id", "path", {"type": "string", "pattern": "^[0-9]{20}$"})
_PLAYBACK = ("playback_id", "path", {"type": "string", "minLength": 1, "maxLength": 64})
ROUTES += (
    Route("get", "/cameras/{camera_id}/recordings", "The camera's recorded ranges and marks (motion, alerts) in "
          f"[start, end): start < end, a window of at most {s.MAX_RECORDINGS_WINDOW_S // 86400} days (else 409 bad_range); "
          f"at most {s.MAX_RECORDING_RANGES} ranges and {s.MAX_RECORDING_MARKS} marks. Recordings reach back "
          f"{s.RECORDING_RETENTION_S // 86400} days. 404 for a camera that does not exist or is outside the "
          "caller's scope.", s.RecordingTimeline,
          params=(_CAMERA, ("start", "query", _REQ_TIME), ("end", "query", _REQ_TIME)),
          conflict="start is not before end, or the window is too long (bad_range)"),
    Route("post", "/playback", f"Open a playback of 1..{s.MAX_PLAYBACK_CAMERAS} cameras at a time: one clock "
          "(position, speed, paused) for all; one live-encoded H.264 stream per camera with the recording time "
          "burned in (text and time code), URLs with a ticket in them. Speeds 0.25..16 (422 otherwise), key "
          "frames only above 4x. The session belongs to the login that opened it and expires when idle "
          "(expires_in). 404 for a camera outside the caller's scope.", s.PlaybackState, s.PlaybackOpen,
          status=201, extra_statuses=(422,)),
    Route("get", "/playback/{playback_id}", "A playback's state; position is the session clock now. "
          "404 for an unknown, expired or another login's session.", s.PlaybackState, params=(_PLAYBACK,)),
    Route("post", "/playback/{playback_id}/control", "Seek (needs at), speed (needs speed), pause, resume; "
          "422 when what the action needs is missing or the speed is not allowed. A seek makes every stream "
          "start a new GOP at the new position on its open connection.", s.PlaybackState, s.PlaybackControl,
          params=(_PLAYBACK,), extra_statuses=(422,)),
    Route("delete", "/playback/{playback_id}", "Close a playback and its streams.", None,
          params=(_PLAYBACK,), status=204),
    Route("get", "/bookmarks", "Bookmarks shared through the platform, in the caller's scope, paged; optionally "
          "one camera's, and those overlapping [start, end).", s.Page[s.Bookmark],
          params=(*PAGING, ("camera_id", "query", {"type": "string", "pattern": "^[0-9]{20}$"}),
                  ("start", "query", _TIME), ("end", "query", _TIME))),
    Route("post", "/bookmarks", "Create a bookmark (a camera's time range and a note); everyone in scope hears "
          "of it (bookmark.created). Presenters: 403 view_only.", s.Bookmark, s.BookmarkCreate, status=201,
          conflict="start is not before end, or the bookmark spans more than 7 days (bad_range)"),
    Route("delete", "/bookmarks/{bookmark_id}", "Delete a bookmark (its author or a dispatcher, else 403); "
          "bookmark.deleted goes out.", None,
          params=(("bookmark_id", "path", {"type": "string", "minLength": 1, "maxLength": 64}),), status=204),
    Route("get", "/cameras/{camera_id}/export", "Export the recorded video of [start, end) (at most "
          f"{s.MAX_EXPORT_S // 60} minutes) as MPEG-TS, streamed (no Content-Length): the frames a playback "
          "shows, burned-in time included; parts in a gap are left out, a range with no recording at all is "
          "404. profile main|sub (default main). Presenters: 403 view_only.", None, stream="video/mp2t",
          params=(_CAMERA, ("start", "query", _REQ_TIME), ("end", "query", _REQ_TIME),
                  ("profile", "query", {"type": "string", "enum": ["main", "sub"], "default": "main"})),
          conflict="start is not before end, or the range is longer than the export bound (bad_range)"),
)
# ---- audit trail (issue 13): a block of its own
AUDIT_ROUTES: tuple[Route, ...] = (
    Route("post", "/audit/batch", "Report actions only the client sees (cameras opened and closed on its wall, "
          "exports, display pushes), at most MAX_AUDIT_BATCH (400) at once. The user is the login's; the "
          "workstation is the body's. A batch_id already stored is not stored again (duplicate: true), so a "
          "retry is harmless. The platform records logins, logouts, acknowledgements and PTZ moves itself, "
          "with the workstation of the X-Workstation request header (percent-encoded UTF-8, at most 64 "
          "characters).", s.AuditBatchResult, s.AuditBatch),
    Route("get", "/audit", "The audit trail, newest first, paged; filtered by user, camera_id, action and a "
          "time range (start inclusive, end exclusive; ISO 8601 with offset). Dispatchers only: anyone else "
          "gets 403 (forbidden; view_only for presenters).", s.Page[s.AuditEntry],
          params=(*PAGING, ("user", "query", {"type": "string", "maxLength": 200}),
                  ("camera_id", "query", {"type": "string", "pattern": "^[0-9]{20}$"}),
                  ("action", "query", {"type": "string", "enum": [a.value for a in s.AuditAction]}),
                  ("start", "query", {"type": "string", "format": "date-time"}),
                  ("end", "query", {"type": "string", "format": "date-time"}))),
)
ROUTES = ROUTES + AUDIT_ROUTES
# ---- PTZ control (issue 13): the camera's state and its presets
ROUTES += (
    Route("get", "/cameras/{camera_id}/ptz", "Where a PTZ camera looks (pan, tilt 0..1, zoom), whether it moves, "
          "who holds it (the last operator who moved it, for hold_seconds) and its presets.", s.PtzState,
          params=(("camera_id", "path", "string"),), conflict="the camera cannot pan, tilt or zoom"),
    Route("post", "/cameras/{camera_id}/ptz/presets", "Save where the camera looks now as a preset (replacing one "
          "of that number). Presenters may not (403).", s.PtzPreset, s.PtzPresetSave,
          params=(("camera_id", "path", "string"),), status=201,
          conflict="the camera cannot pan, tilt or zoom, or an operator of higher priority holds it (ptz_held)"),
)


# Meeting displays (issue 13): the registry and the push command (a block of its own).
# plain "string": the name's rule (schema.DisplayName) is in the summaries; a name that breaks it is 409 bad_name
# (with the pattern on the path parameter, Schemathesis' coverage phase trips over a CPython 3.11.7 ast bug)
_DISPLAY = (("name", "path", "string"),)
ROUTES = (
    *ROUTES,
    Route("get", "/displays", "Meeting displays: name, online, what each shows, who sent it and when. Dispatchers "
          "see every display; anyone else the displays its own user registered.", list[s.Display]),
    Route("post", "/displays/{name}/heartbeat", "Register display {name} for the caller's user (the display's "
          "user) or keep it online: it is offline deadline_s seconds after its last heartbeat (display.updated). "
          "The body says what the display shows; a platform with no entry for it (it restarted) takes that.",
          s.Display, s.DisplayHeartbeat, params=_DISPLAY, body_required=False,
          conflict="another user's display holds the name and is online, or the registry is full, or the name "
          "is not a display name (bad_name: 1-64 characters of plain text, no slash, markup, control or format "
          "characters, no space at either end)"),
    Route("post", "/displays/{name}/show", "Push what display {name} shows: a view (inline), a camera, a conference "
          "room's wall, an alert's incident wall, or blank. Dispatchers push to any display, a presenter to the "
          "displays its own user registered, a town desk to none (403). A camera or alert outside the caller's "
          "scope is not found (404); one outside the display's user's scope is 409 display_scope. The display "
          "hears display.show; everyone who may see it hears display.updated.", s.Display, s.DisplayShowRequest,
          params=_DISPLAY, conflict="the display is offline, or its user may not see what was pushed, or the "
          "room is not in session, or the view's cells do not cover its grid exactly once (bad_layout), or the name "
          "is not a display name (bad_name)"),
)


def _ref_name(name: str) -> str:
    return f"#/components/schemas/{name}"


@functools.cache
def openapi_document() -> dict[str, Any]:
    types = [r.response for r in ROUTES if r.response is not None] + [r.body for r in ROUTES if r.body is not None]
    types.append(s.ErrorResponse)
    schemas, components = msgspec.json.schema_components(types, ref_template="#/components/schemas/{name}")
    by_type = dict(zip(types, schemas, strict=True))
    error = {"description": "Error", "content": {"application/json": {"schema": by_type[s.ErrorResponse]}}}
    paths: dict[str, dict[str, Any]] = {}
    for r in ROUTES:
        op: dict[str, Any] = {"summary": r.summary, "operationId": f"{r.method}_{r.path.strip('/').replace('/', '_').replace('{', '').replace('}', '')}"}
        if r.params:
            op["parameters"] = [
                {"name": n, "in": where,
                 # a schema with "x-required" marks a required query parameter
                 "required": where == "path" or (isinstance(typ, dict) and bool(typ.get("x-required"))),
                 "schema": {"type": typ} if isinstance(typ, str) else {k: v for k, v in typ.items() if k != "x-required"}}
                for n, where, typ in r.params
            ]
        if r.body is not None:
            op["requestBody"] = {"required": r.body_required, "content": {"application/json": {"schema": by_type[r.body]}}}
        media = r.stream or "application/json"
        ok: dict[str, Any] = {"description": "OK"}
        if r.response is not None:
            ok["content"] = {media: {"schema": by_type[r.response]}}
        elif r.stream is not None:  # a binary stream (video)
            ok["content"] = {media: {"schema": {"type": "string", "format": "binary"}}}
        op["responses"] = {
            str(r.status): ok,
            "400": error, "401": error, "403": error, "404": error, "500": error,
        }
        if r.conflict is not None:
            op["responses"]["409"] = {**error, "description": f"Conflict: {r.conflict}"}
        if r.body is not None:
            op["responses"]["413"] = {**error, "description": f"The body is over {s.MAX_REQUEST_BODY} bytes"}
        for status in r.extra_statuses:
            op["responses"][str(status)] = error
        if r.auth:
            op["security"] = [{"bearer": []}]
        paths.setdefault(f"/api/v1{r.path}", {})[r.method] = op
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ControlRoom platform API",
            "version": "1",
            "description": (
                "The API ControlRoom speaks to county, town and village video platforms. "
                "Generated from controlroom.api.schema. "
                "Stream URLs in camera profiles carry no credential: a client asks POST /streams/ticket for a "
                "short-lived ticket per stream (one camera and profile, useless on the API), which comes with "
                "the URLs to play. A ticket is checked when a player connects; an open stream plays until the "
                "ticket's max_session or the login's logout, whichever comes first."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def document_json() -> str:
    return json.dumps(openapi_document(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(document_json(), end="")
