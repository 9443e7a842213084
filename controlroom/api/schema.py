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
