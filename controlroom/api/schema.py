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
