"""The conference pane's logic without widgets: the platform's rooms, and the one we are in.

Everything here is plain Python over the API v1 structs, testable without a
display. The platform is the only source of truth: the pane never flips a
hand or a microphone itself, it asks the platform and shows what comes back
on the event stream (``conference.updated`` carries the whole room).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from controlroom.api.schema import (
    ConferenceEvent,
    ConferenceJoin,
    ConferenceRoom,
    Participant,
    ResyncEvent,
    StreamProfile,
    Transport,
)
from controlroom.video import streams as video_streams
from controlroom.video.source import StreamLease, TicketLease
from controlroom.video.transports import local_choice

if TYPE_CHECKING:
    from controlroom.api.client import PlatformClient

#: The profile a conference tile plays: a wall of talking heads needs no main stream.
PREFERRED_PROFILE = "sub"


class Rooms:
    """The rooms the platform has, kept current by ``conference.updated`` events."""

    def __init__(self) -> None:
        self.rooms: dict[str, ConferenceRoom] = {}

    def replace(self, rooms: Iterable[ConferenceRoom]) -> None:
        self.rooms = {r.id: r for r in rooms}

    def apply(self, batch: Iterable[object]) -> tuple[list[ConferenceRoom], bool]:
        """Apply a batch of events: (the rooms that changed, last state of each; resync needed)."""
        changed: dict[str, ConferenceRoom] = {}
        resync = False
        for ev in batch:
            if isinstance(ev, ConferenceEvent):
                self.rooms[ev.room.id] = ev.room
                changed[ev.room.id] = ev.room
            elif isinstance(ev, ResyncEvent):
                resync = True
        return list(changed.values()), resync

    def ordered(self) -> list[ConferenceRoom]:
        """Rooms in session first, then by name."""
        return sorted(self.rooms.values(), key=lambda r: (not r.active, r.name, r.id))


@dataclass
class RoomChange:
    """What a new state of the joined room changed."""

    added: list[str] = field(default_factory=list)  # participant ids
    removed: list[str] = field(default_factory=list)
    speaker_before: str | None = None
    speaker_after: str | None = None

    @property
    def speaker_moved(self) -> bool:
        return self.speaker_before != self.speaker_after


def speaker_of(room: ConferenceRoom) -> Participant | None:
    """The active speaker (the platform gives the floor to one at a time; the first wins)."""
    return next((p for p in room.participants if p.speaking), None)


class Conference:
    """The room we joined: its participants, who we are in it, and each participant's streams."""

    def __init__(self, join: ConferenceJoin) -> None:
        self.room = join.room
        #: our own participant id (None from a platform that does not say)
        self.me = join.participant_id
        self.streams: dict[str, list[StreamProfile]] = {s.participant_id: s.streams for s in join.streams}

    @property
    def id(self) -> str:
        return self.room.id

    def participant(self, participant_id: str | None) -> Participant | None:
        if participant_id is None:
            return None
        return next((p for p in self.room.participants if p.id == participant_id), None)

    @property
    def myself(self) -> Participant | None:
        return self.participant(self.me)

    @property
    def speaker(self) -> Participant | None:
        return speaker_of(self.room)

    def with_video(self) -> list[Participant]:
        """The participants that have a stream, in the room's order: the wall's tiles."""
        return [p for p in self.room.participants if self.streams.get(p.id)]

    def update(self, room: ConferenceRoom) -> RoomChange:
        """Take the platform's new state of the room; say what changed."""
        before = {p.id for p in self.room.participants}
        after = {p.id for p in room.participants}
        old = speaker_of(self.room)
        self.room = room
        for gone in before - after:
            self.streams.pop(gone, None)
        new = speaker_of(room)
        return RoomChange(
            added=[p.id for p in room.participants if p.id not in before],
            removed=[pid for pid in before if pid not in after],
            speaker_before=old.id if old else None,
            speaker_after=new.id if new else None,
        )


def pick_stream(
    profiles: list[StreamProfile],
    choose: Callable[[dict[Transport, str]], tuple[Transport, str] | None] = local_choice,
    prefer: str = PREFERRED_PROFILE,
) -> tuple[StreamProfile, Transport, str] | None:
    """The profile (``prefer`` if offered, else the smallest) and the transport to play it over.

    The wall's own picker (``controlroom.video.streams.pick_stream``): ``choose``
    picks the transport, by default as the wall does (``local_choice``). None
    when no profile offers a transport this machine can play.
    """
    choice = video_streams.pick_stream(profiles, prefer, choose)
    if choice is None:
        return None
    profile = next(p for p in profiles if p.name == choice.profile)
    return profile, choice.transport, choice.public_url


class ConferenceSource:
    """The conference wall's ``VideoSource``: participants' cameras, their join streams, API v1 tickets.

    The coordinator picks the profile (``PREFERRED_PROFILE`` first) and the
    transport with the same picker as the main wall; every (re)connect asks the
    platform for a fresh stream ticket (a member may play its participants' cameras).
    """

    def __init__(self, conference: Conference, client: PlatformClient | None) -> None:
        self.conference = conference
        self.client = client

    def streams(self, camera_id: str) -> Sequence[StreamProfile] | None:
        for p in self.conference.room.participants:
            if p.camera_id == camera_id and p.id in self.conference.streams:
                return self.conference.streams[p.id]
        return None

    def online(self, camera_id: str) -> bool | None:
        return None  # the room does not say: play, and let the player say what it finds

    def lease(self, camera_id: str, choice: video_streams.StreamChoice) -> StreamLease:
        if self.client is None:
            raise RuntimeError("no platform client: the conference wall plays nothing")
        return TicketLease(self.client, camera_id, choice.profile, choice.transport)
