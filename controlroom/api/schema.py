"""Platform API v1: the wire types, shared by the client and the demo platform.

One definition serves three purposes: the demo platform encodes these
structs, the client decodes (and so validates) them, and the OpenAPI document
is generated from them (``controlroom.api.openapi``). Decoding is strict:
a payload of the wrong shape raises ``msgspec.ValidationError`` with the path
of the bad field, which the client turns into a ``PayloadError``.

Ids follow GB/T 28181: 20 digits = centre code (6-digit GB/T 2260 county code
+ 2-digit grassroots unit) + industry (2) + type (3) + network (1) + serial (6).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

import msgspec
from msgspec import Meta, Struct

GbId = Annotated[str, Meta(pattern=r"^[0-9]{20}$", description="20-digit GB/T 28181 id")]
Name = Annotated[str, Meta(min_length=1, max_length=200)]
Text = Annotated[str, Meta(max_length=2000)]
Lon = Annotated[float, Meta(ge=-180, le=180)]
Lat = Annotated[float, Meta(ge=-90, le=90)]
Point = tuple[Lon, Lat]

# GB/T 28181 type codes (digits 11-13 of an id)
TYPE_CAMERA = "131"
TYPE_CAMERA_IP = "132"
TYPE_NVR = "118"
TYPE_CENTRE = "200"
TYPE_BUSINESS_GROUP = "215"
TYPE_VIRTUAL_ORG = "216"


class Tier(enum.StrEnum):
    COUNTY = "county"
    TOWN = "town"
    VILLAGE = "village"


class SiteKind(enum.StrEnum):
    DISPATCH_CENTRE = "dispatch_centre"  # 县社会治安指挥中心 (first-level platform)
    POLICE_STATION = "police_station"  # 派出所指挥平台 (second level)
    POLICE_OFFICE = "police_office"  # 中心警务室监控平台 (second level)
    VILLAGE = "village"  # 村居监控平台


class Transport(enum.StrEnum):
    """How a stream can be fetched; ordered here from lowest latency."""

    RTSP = "rtsp"
    HTTP_FLV = "http-flv"
    HTTP_TS = "http-ts"
    HLS = "hls"


class CameraKind(enum.StrEnum):
    VILLAGE = "village"
    ROAD = "road"
    CHECKPOINT = "checkpoint"  # 卡口
    SOCIAL = "social"  # integrated social cameras


class GridStatus(enum.StrEnum):
    NORMAL = "normal"
    ATTENTION = "attention"
    INCIDENT = "incident"
    NO_COVERAGE = "no_coverage"


class Role(enum.StrEnum):
    DISPATCHER = "dispatcher"  # county dispatch: sees everything
    TOWN_DESK = "town_desk"  # a police-station desk: sees its own town
    PRESENTER = "presenter"  # meeting displays: view only


class AlertKind(enum.StrEnum):
    CHECKPOINT_HIT = "checkpoint_hit"
    CAMERA_OFFLINE = "camera_offline"
    PATROL_SOS = "patrol_sos"
    GRID_INCIDENT = "grid_incident"


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class PtzAction(enum.StrEnum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    STOP = "stop"
    PRESET = "preset"


# --------------------------------------------------------------------------- auth


class LoginRequest(Struct, forbid_unknown_fields=True):
    username: Name
    password: Annotated[str, Meta(max_length=512)]


class RefreshRequest(Struct, forbid_unknown_fields=True):
    refresh_token: Annotated[str, Meta(min_length=1, max_length=512)]


class Token(Struct):
    access_token: Annotated[str, Meta(min_length=1, max_length=512)]
    refresh_token: Annotated[str, Meta(min_length=1, max_length=512)]
    expires_in: Annotated[int, Meta(gt=0, description="seconds until access_token expires")]
    token_type: Literal["bearer"] = "bearer"


class LogoutResult(Struct):
    """What a logout revoked: the login's access and refresh tokens, its stream tickets and open streams."""

    streams_closed: Annotated[int, Meta(ge=0)] = 0


class StreamTicketRequest(Struct, forbid_unknown_fields=True):
    """Which stream to open: a camera's profile (``main`` or ``sub``)."""

    camera_id: GbId
    profile: Literal["main", "sub"]


class StreamTicket(Struct):
    """A short-lived ticket for one stream, and the URLs to play it with now.

    The ticket opens only ``camera_id``'s ``profile`` on the platform's own
    media servers, and only until ``expires_in`` seconds from now (it is checked
    when a player connects); it is useless on the API. ``urls`` are the
    platform's media URLs for that stream as they are now (ports may move when
    the platform restarts), with the ticket already in them: a client plays them
    as they are and adds no credential of its own. An open stream plays until
    ``max_session`` seconds after it connected, or until the login that asked
    for the ticket logs out; then the client asks for a new ticket.
    """

    camera_id: GbId
    profile: Literal["main", "sub"]
    ticket: Annotated[str, Meta(min_length=1, max_length=512)]
    expires_in: Annotated[int, Meta(gt=0, description="seconds within which a player must connect")]
    max_session: Annotated[int, Meta(gt=0, description="seconds an open stream may play before it needs a new ticket")]
    urls: dict[Transport, Annotated[str, Meta(max_length=2048)]]


class Scope(Struct):
    """What a user may see. ``towns`` None means the whole county."""

    towns: list[int] | None = None


class User(Struct):
    username: Name
    display_name: Name
    role: Role
    scope: Scope
    can_control: bool = True  # PTZ, acknowledge; False for presenters


# --------------------------------------------------------------------------- inventory


class Site(Struct):
    id: GbId
    name: Name
    tier: Tier
    kind: SiteKind
    parent_id: GbId | None
    town: Annotated[int, Meta(ge=0, le=99)] | None  # town number (None for the county)
    online: bool
    location: Point | None = None


class StreamProfile(Struct):
    name: Literal["main", "sub"]
    width: Annotated[int, Meta(gt=0, le=16384)]
    height: Annotated[int, Meta(gt=0, le=16384)]
    fps: Annotated[float, Meta(gt=0, le=240)]
    codec: Annotated[str, Meta(max_length=32)]
    # transport -> URL, with no credential in it. To play one, a client asks
    # for a stream ticket (POST /streams/ticket), which comes with the URLs to play.
    urls: dict[Transport, Annotated[str, Meta(max_length=2048)]]
    bitrate_kbps: Annotated[int, Meta(gt=0, le=1_000_000)] | None = None  # nominal; for bandwidth budgets


class Camera(Struct):
    id: GbId
    name: Name
    site_id: GbId
    grid_id: GbId | None
    kind: CameraKind
    tags: list[Annotated[str, Meta(max_length=64)]]
    ptz: bool
    online: bool
    streams: list[StreamProfile]
    location: Point | None = None


class GridMember(Struct):
    name: Name
    role: Annotated[str, Meta(max_length=64)]
    phone: Annotated[str, Meta(max_length=32)] = ""


class Grid(Struct):
    id: GbId
    name: Name
    site_id: GbId
    polygon: list[Point]
    status: GridStatus
    status_reason: Text
    cameras_online: Annotated[int, Meta(ge=0)]
    cameras_total: Annotated[int, Meta(ge=0)]
    members: list[GridMember]
    patrol_on_duty: Annotated[int, Meta(ge=0)]


class InventoryCounts(Struct):
    sites_county: int
    sites_town: int
    sites_village: int
    cameras: int
    grids: int


class InventoryInfo(Struct):
    version: int
    counts: InventoryCounts


T = TypeVar("T")

#: The largest page a platform serves (``limit``), and the largest request body it reads.
MAX_PAGE_LIMIT = 5000
MAX_REQUEST_BODY = 64 * 1024


class Page(Struct, Generic[T]):
    items: list[T]
    total: Annotated[int, Meta(ge=0)]
    offset: Annotated[int, Meta(ge=0)]
    next_offset: int | None
    inventory_version: int


# --------------------------------------------------------------------------- alerts


#: An acknowledgement's note: one or two sentences, bounded like any platform text.
AckNote = Annotated[str, Meta(max_length=500)]


class Alert(Struct):
    id: Annotated[str, Meta(min_length=1, max_length=64)]
    kind: AlertKind
    severity: Severity
    message: Text
    raised_at: datetime
    site_id: GbId | None = None
    grid_id: GbId | None = None
    camera_ids: list[GbId] = []
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    #: what the operator wrote when acknowledging (optional; platforms before the note send none)
    acknowledged_note: AckNote | None = None


class AckRequest(Struct, forbid_unknown_fields=True):
    """The optional body of an acknowledgement: a note for the other desks ("patrol sent", "false alarm")."""

    note: AckNote = ""


# --------------------------------------------------------------------------- conference


class Participant(Struct):
    id: Annotated[str, Meta(min_length=1, max_length=64)]
    name: Name
    site_id: GbId | None
    camera_id: GbId | None
    muted: bool
    speaking: bool
    hand_raised: bool


class ConferenceRoom(Struct):
    """A meeting room. Only its invited ``members`` (usernames) and dispatchers see it,
    hear of it and may join it, and only while it is ``active`` (in session). The
    ``chair`` (a dispatcher) mutes and unmutes others; a participant mutes only itself;
    presenters only view."""

    id: Annotated[str, Meta(min_length=1, max_length=64)]
    name: Name
    active: bool
    participants: list[Participant]
    members: list[Name] = []
    chair: Name | None = None


class ParticipantStream(Struct):
    participant_id: str
    streams: list[StreamProfile]


class ConferenceJoin(Struct):
    room: ConferenceRoom
    streams: list[ParticipantStream]
    # The caller's own entry in ``room.participants``: a desk that joins is a
    # participant (others see it in their roster; its hand and mute are its own).
    participant_id: str | None = None


class HandRequest(Struct, forbid_unknown_fields=True):
    """Raise or lower the caller's own hand in a room it has joined."""

    raised: bool


class MuteRequest(Struct, forbid_unknown_fields=True):
    """Ask the platform to mute or unmute a participant: the chair anyone, a participant only itself."""

    participant_id: Annotated[str, Meta(min_length=1, max_length=64)]
    muted: bool


# --------------------------------------------------------------------------- PTZ


class PtzCommand(Struct, forbid_unknown_fields=True):
    action: PtzAction
    speed: Annotated[float, Meta(ge=0, le=1)] = 0.5
    preset: Annotated[int, Meta(ge=0, le=255)] | None = None


class PtzResult(Struct):
    camera_id: GbId
    action: PtzAction
    accepted: bool


# --------------------------------------------------------------------------- events
# Sent on GET /api/v1/events as server-sent events: ``id:`` is the event id
# (strictly increasing), ``event:`` the type, ``data:`` the JSON of one of
# the structs below (its "type" field repeats the event type).


class _Event(Struct, tag_field="type", kw_only=True):
    id: int
    at: datetime
    inventory_version: int


class CameraStatusEvent(_Event, tag="camera.status"):
    camera_id: GbId
    online: bool


class GridStatusEvent(_Event, tag="grid.status"):
    grid_id: GbId
    status: GridStatus
    status_reason: Text
    cameras_online: int


class AlertRaisedEvent(_Event, tag="alert.raised"):
    alert: Alert


class AlertAcknowledgedEvent(_Event, tag="alert.acknowledged"):
    alert_id: str
    acknowledged_by: str
    acknowledged_at: datetime
    note: AckNote | None = None


class ConferenceEvent(_Event, tag="conference.updated"):
    room: ConferenceRoom


class ResyncEvent(_Event, tag="resync"):
    """The server cannot replay from the id asked for: refetch everything."""

    reason: Text


Event = (
    CameraStatusEvent
    | GridStatusEvent
    | AlertRaisedEvent
    | AlertAcknowledgedEvent
    | ConferenceEvent
    | ResyncEvent
)

EVENT_TYPES: tuple[type[_Event], ...] = (
    CameraStatusEvent,
    GridStatusEvent,
    AlertRaisedEvent,
    AlertAcknowledgedEvent,
    ConferenceEvent,
    ResyncEvent,
)


class ErrorBody(Struct):
    code: str
    message: str


class ErrorResponse(Struct):
    error: ErrorBody


def event_type(ev: _Event) -> str:
    return type(ev).__struct_config__.tag  # type: ignore[return-value]


encoder = msgspec.json.Encoder()


# --------------------------------------------------------------------------- playback (issue 12)
# Recordings on the town platforms, playback sessions (one clock for up to 16
# cameras), shared bookmarks and evidence export. Every window and count is
# bounded by the platform; the bounds are here so the client checks the same.

#: The longest window a recordings query may ask for, the most ranges and marks it answers with.
MAX_RECORDINGS_WINDOW_S = 8 * 24 * 3600
MAX_RECORDING_RANGES = 5000
MAX_RECORDING_MARKS = 20000
#: How far back the platform records.
RECORDING_RETENTION_S = 7 * 24 * 3600
#: Cameras in one playback session, playback speeds, the longest export.
MAX_PLAYBACK_CAMERAS = 16
PLAYBACK_SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
#: Above this speed the platform sends key frames only.
KEYFRAMES_ONLY_ABOVE = 4.0
MAX_EXPORT_S = 3600
BookmarkNote = Annotated[str, Meta(max_length=1000)]
Speed = Annotated[float, Meta(ge=0.25, le=16, description="one of 0.25, 0.5, 1, 2, 4, 8, 16 (else 422)",
                              extra_json_schema={"enum": list(PLAYBACK_SPEEDS)})]
PlaybackId = Annotated[str, Meta(min_length=1, max_length=64)]
#: A moment in a request: RFC 3339 with its UTC offset (a time without one is refused).
Moment = Annotated[datetime, Meta(tz=True, extra_json_schema={"format": "date-time"})]


class RecordingRange(Struct):
    start: datetime
    end: datetime


class RecordingMark(Struct):
    at: datetime
    kind: Literal["motion", "alert"]
    label: Annotated[str, Meta(max_length=200)]
    alert_id: Annotated[str, Meta(max_length=64)] | None = None


class RecordingTimeline(Struct):
    """A camera's recordings in a window: ``ranges`` sorted, non-overlapping and clipped to the
    window (at most 5000); ``marks`` (motion, alerts) sorted by ``at`` (at most 20000)."""

    camera_id: GbId
    start: datetime
    end: datetime
    ranges: Annotated[list[RecordingRange], Meta(max_length=MAX_RECORDING_RANGES)]
    marks: Annotated[list[RecordingMark], Meta(max_length=MAX_RECORDING_MARKS)]


class PlaybackOpen(Struct, forbid_unknown_fields=True):
    """Open a playback of 1..16 cameras at ``at``: one clock for all of them."""

    camera_ids: Annotated[list[GbId], Meta(min_length=1, max_length=MAX_PLAYBACK_CAMERAS)]
    at: Moment
    speed: Speed = 1.0
    profile: Literal["main", "sub"] = "sub"


class PlaybackStream(Struct):
    """One camera of a playback: its media URLs (ticket already in them, as ``StreamTicket.urls``) and
    whether there is a recording at the session's position (else the stream shows a "no recording" card)."""

    camera_id: GbId
    urls: dict[Transport, Annotated[str, Meta(max_length=2048)]]
    recording: bool


class PlaybackState(Struct):
    """A playback session: its clock (``position`` now, ``speed``, ``paused``), its streams, and the
    seconds of idleness (no API call, no stream connected) after which the platform drops it."""

    id: PlaybackId
    position: datetime
    speed: Annotated[float, Meta(ge=0.25, le=16)]
    paused: bool
    streams: Annotated[list[PlaybackStream], Meta(max_length=MAX_PLAYBACK_CAMERAS)]
    expires_in: Annotated[int, Meta(gt=0)]


class PlaybackControl(Struct, forbid_unknown_fields=True):
    """seek (needs ``at``), speed (needs ``speed``), pause, resume. A seek makes every stream of the
    session start a new GOP (key frame first) at ``at``; the connections stay open."""

    action: Literal["seek", "speed", "pause", "resume"]
    at: Moment | None = None
    speed: Speed | None = None


class BookmarkCreate(Struct, forbid_unknown_fields=True):
    """A bookmark: a camera's time range (``start`` < ``end``, at most 7 days) and a note."""

    camera_id: GbId
    start: Moment
    end: Moment
    note: BookmarkNote = ""


class Bookmark(Struct):
    id: Annotated[str, Meta(min_length=1, max_length=64)]
    camera_id: GbId
    start: datetime
    end: datetime
    note: BookmarkNote
    author: Name
    created_at: datetime


class BookmarkCreatedEvent(_Event, tag="bookmark.created"):
    bookmark: Bookmark


class BookmarkDeletedEvent(_Event, tag="bookmark.deleted"):
    # ``bookmark_id``, not ``id``: every event's ``id`` is its event id (an integer)
    bookmark_id: Annotated[str, Meta(min_length=1, max_length=64)]
    camera_id: GbId


Event = Event | BookmarkCreatedEvent | BookmarkDeletedEvent  # type: ignore[misc]
#: The events of this block (the simulation does not raise them; bookmarks do).
PLAYBACK_EVENT_TYPES: tuple[type[_Event], ...] = (BookmarkCreatedEvent, BookmarkDeletedEvent)
# --------------------------------------------------------------------------- audit trail (issue 13)
# Who did what, when, from which workstation. The platform records what it sees
# itself (logins, logouts, acknowledgements, PTZ moves); a client reports in
# batches (POST /audit/batch) what only it sees: cameras opened and closed on
# its wall, exports, display pushes. Dispatchers read the trail (GET /audit).


class AuditAction(enum.StrEnum):
    LOGIN = "login"
    LOGOUT = "logout"
    CAMERA_OPENED = "camera_opened"  # a camera became the visible picture of a tile (live or playback)
    CAMERA_CLOSED = "camera_closed"  # ... and stopped being it
    EXPORT = "export"
    ALERT_ACK = "alert_ack"
    PTZ = "ptz"
    DISPLAY_PUSH = "display_push"
    REPORTS_LOST = "reports_lost"  # a workstation dropped reports it could not deliver (its queue was full)


class ReportedAction(enum.StrEnum):
    """The actions a client reports; the platform records the others itself."""

    CAMERA_OPENED = "camera_opened"
    CAMERA_CLOSED = "camera_closed"
    EXPORT = "export"
    DISPLAY_PUSH = "display_push"


#: A workstation's name: plain text on one line (no control characters), as an operator reads it.
WorkstationName = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
#: What else there is to say about an action (a file name, a display, a preset): plain text, one line.
AuditDetail = Annotated[str, Meta(max_length=500, pattern=r"^[^\x00-\x1f\x7f]*$")]
#: The most entries one batch may hold (a batch also stays under MAX_REQUEST_BODY).
MAX_AUDIT_BATCH = 400
AuditMode = Literal["live", "playback"]


class AuditReport(Struct, forbid_unknown_fields=True, omit_defaults=True):
    """One action a client saw, at the client's time (``at``, with its offset)."""

    at: Annotated[datetime, Meta(tz=True)]
    action: ReportedAction
    camera_id: GbId | None = None
    mode: AuditMode | None = None
    detail: AuditDetail = ""


class AuditBatch(Struct, forbid_unknown_fields=True, omit_defaults=True):
    """A client's reports, sent together. ``batch_id`` makes a retry harmless: a batch the
    platform already stored is not stored again. ``dropped``: reports the client had to
    drop since its last batch (a full queue while the platform was away); the platform
    records the gap as a ``reports_lost`` entry."""

    batch_id: Annotated[str, Meta(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
    workstation: WorkstationName
    entries: Annotated[list[AuditReport], Meta(max_length=MAX_AUDIT_BATCH)]
    dropped: Annotated[int, Meta(ge=0, le=1_000_000_000)] = 0


class AuditBatchResult(Struct):
    accepted: Annotated[int, Meta(ge=0)]
    duplicate: bool = False  # the batch was stored before (a retry): nothing stored now


class AuditEntry(Struct):
    """One line of the trail. ``user`` is the login that made the request, never a claim of
    the client; ``at`` is when it happened (the client's clock for reported actions),
    ``received_at`` when the platform stored it; ``source`` says which of the two saw it."""

    id: Annotated[int, Meta(ge=1)]
    at: datetime
    received_at: datetime
    user: Name
    workstation: Annotated[str, Meta(max_length=64)]
    address: Annotated[str, Meta(max_length=64)]
    action: AuditAction
    source: Literal["platform", "client"]
    camera_id: GbId | None = None
    mode: AuditMode | None = None
    detail: Annotated[str, Meta(max_length=500)] = ""
# --------------------------------------------------------------------------- PTZ control (issue 13)
# Added after API v1's PtzCommand, which is unchanged (old clients keep working):
# - GET  /cameras/{camera_id}/ptz          -> PtzState: where the camera looks, who holds it, its presets;
# - POST /cameras/{camera_id}/ptz/presets  (PtzPresetSave) -> PtzPreset: the current position saved;
# - POST /cameras/{camera_id}/ptz answers 409 ``ptz_held`` while an operator of higher priority holds
#   the camera (dispatcher > town desk; the last one who moved it holds it for a few seconds); the
#   message names who and until when, and GET .../ptz gives the same as ``held_by``;
# - a direction or zoom moves until ``stop`` or the platform's safety timeout (``move_timeout`` s),
#   so a client repeats the command while the operator keeps holding it;
# - ``preset`` to a preset never saved answers 202 with ``accepted`` false.


class PtzHolder(Struct):
    """Who holds a PTZ camera now, and until when (UTC) unless they move it again."""

    username: Name
    display_name: Name
    role: Role
    until: datetime


class PtzPreset(Struct):
    number: Annotated[int, Meta(ge=0, le=255)]
    name: Annotated[str, Meta(max_length=64)] = ""


class PtzState(Struct):
    """A PTZ camera's position as the platform knows it (pan and tilt 0..1 across its range)."""

    camera_id: GbId
    pan: Annotated[float, Meta(ge=0, le=1)]
    tilt: Annotated[float, Meta(ge=0, le=1)]
    zoom: Annotated[float, Meta(ge=1, le=100, description="optical magnification")]
    moving: bool
    held_by: PtzHolder | None
    presets: Annotated[list[PtzPreset], Meta(max_length=256)]
    hold_seconds: Annotated[float, Meta(ge=0, le=3600)] = 0
    move_timeout: Annotated[float, Meta(gt=0, le=3600)] = 5


class PtzPresetSave(Struct, forbid_unknown_fields=True):
    """Save where the camera looks now as preset ``number`` (replacing one of that number)."""

    number: Annotated[int, Meta(ge=0, le=255)]
    name: Annotated[str, Meta(max_length=64)] = ""
# --------------------------------------------------------------------------- meeting displays (issue 13)
# A display machine (``controlroom display --name NAME``) registers and stays
# online by heartbeats; dispatchers (and a presenter, on the displays its own
# user registered) push what it shows. The platform checks that the display's
# user may see every camera pushed. Events: ``display.updated`` (the registry
# entry changed) and ``display.show`` (the command, heard by the display's user
# and by dispatchers).

#: What a room calls its display ("会议室投影"): plain text, no control, format or markup characters, no slash.
DISPLAY_NAME_PATTERN = "^(?!\\s)(?!.*\\s$)[^\\x00-\\x1f\\x7f-\\x9f<>&/\\\\\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff]+$"
DisplayName = Annotated[str, Meta(
    min_length=1, max_length=64, pattern=DISPLAY_NAME_PATTERN,
    description="a display's name: 1-64 characters of plain text, no slash, markup, control or format characters, "
                "no space at either end",
)]
#: The most displays a platform keeps, and the most tiles a pushed view has.
MAX_DISPLAYS = 500
MAX_DISPLAY_TILES = 64


class DisplayCell(Struct, forbid_unknown_fields=True):
    row: Annotated[int, Meta(ge=0, le=7)]
    col: Annotated[int, Meta(ge=0, le=7)]
    rowspan: Annotated[int, Meta(ge=1, le=8)] = 1
    colspan: Annotated[int, Meta(ge=1, le=8)] = 1


class DisplayLayout(Struct, forbid_unknown_fields=True):
    """A wall layout as the client's views hold it: a rows x cols grid cut into tiles (tile i = cells[i])."""

    name: Annotated[str, Meta(max_length=200)]
    rows: Annotated[int, Meta(ge=1, le=8)]
    cols: Annotated[int, Meta(ge=1, le=8)]
    cells: Annotated[list[DisplayCell], Meta(min_length=1, max_length=MAX_DISPLAY_TILES)]


class ShowView(Struct, tag="view", tag_field="kind", forbid_unknown_fields=True):
    """A view, inline (views are the client's own objects): tile i shows ``camera_ids[i]`` (null: empty)."""

    name: Name
    layout: DisplayLayout
    camera_ids: Annotated[list[GbId | None], Meta(max_length=MAX_DISPLAY_TILES)]


class ShowCamera(Struct, tag="camera", tag_field="kind", forbid_unknown_fields=True):
    """One camera, full screen."""

    camera_id: GbId


class ShowConference(Struct, tag="conference", tag_field="kind", forbid_unknown_fields=True):
    """A conference room's wall: the display joins the room (to watch) and shows its participants."""

    room_id: Annotated[str, Meta(min_length=1, max_length=64)]


class ShowIncident(Struct, tag="incident", tag_field="kind", forbid_unknown_fields=True):
    """An alert's incident wall: its cameras on the smallest preset that holds them."""

    alert_id: Annotated[str, Meta(min_length=1, max_length=64)]
    camera_ids: Annotated[list[GbId], Meta(min_length=1, max_length=MAX_DISPLAY_TILES)]
    title: Annotated[str, Meta(max_length=200)] = ""


class ShowBlank(Struct, tag="blank", tag_field="kind", forbid_unknown_fields=True):
    """Nothing: the display says it waits for a dispatcher."""


DisplayContent = ShowView | ShowCamera | ShowConference | ShowIncident | ShowBlank


class DisplayHeartbeat(Struct, forbid_unknown_fields=True):
    """A display's heartbeat (it also registers): what it shows now. A platform that has no entry for
    it (it restarted) takes ``showing`` as the display's state, if the display's user may see it."""

    showing: DisplayContent | None = None
    seq: Annotated[int, Meta(ge=0)] = 0


#: Push: what the display shows from now on (the body of ``POST /displays/{name}/show``).
DisplayShowRequest = DisplayContent


class Display(Struct):
    """A display in the registry. ``online`` while it heartbeats (at least every ``deadline_s`` / 3 s);
    offline ``deadline_s`` after its last heartbeat. ``seq`` counts the pushes it was sent."""

    name: DisplayName
    online: bool
    user: Name  # the login that registered it: the display's user, whose scope bounds what it may show
    last_seen: datetime
    deadline_s: Annotated[float, Meta(gt=0, le=3600)]
    #: when this registration began: a new value means the platform restarted or another user took the name over
    since: datetime
    showing: DisplayContent | None = None
    sent_by: Name | None = None
    sent_at: datetime | None = None
    seq: Annotated[int, Meta(ge=0)] = 0


class DisplayUpdatedEvent(_Event, tag="display.updated"):
    """A display registered, went on or offline, or was sent something."""

    display: Display


class DisplayShowEvent(_Event, tag="display.show"):
    """The command reaching display ``name``: show ``content`` (``seq`` orders the commands)."""

    name: DisplayName
    content: DisplayContent
    sent_by: Name
    seq: Annotated[int, Meta(ge=1)]


# The event stream carries the display events too (extends the union above: a block of its own).
Event = Event | DisplayUpdatedEvent | DisplayShowEvent  # type: ignore[misc,assignment]
EVENT_TYPES = (*EVENT_TYPES, DisplayUpdatedEvent, DisplayShowEvent)
