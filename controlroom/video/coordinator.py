"""The video coordinator: every tile's players, leases and profile switches, without widgets.

A wall (the main wall's ``WallPane``, the conference wall) gives the
coordinator window ids, one *slot* per tile: the window on screen (front)
and, where the wall has one, a hidden window (back). It says what each slot
should show (``show``), which profile the stream policy wants (``apply``),
and what a tour shows next (``preroll``); the coordinator starts, stops and
swaps ``TilePlayer``s accordingly and reports back in signals: the front's
state with its structured reason (``state_changed``), a back that became
the front (``swapped``: the wall swaps its surfaces), fps and bit rate,
first-frame times, and which cameras are being watched. The wall turns those
into words and widgets; nothing here imports QtWidgets or QtGui.

- **Pre-roll.** The back player plays what the slot shows next (a tour's next
  camera, or the other profile when the policy switches) into the hidden
  window; the slot swaps once it has a picture, so neither a tour step nor a
  maximise shows a black wait for the next key frame.
- **Leases.** Every play asks the ``VideoSource`` for a ``StreamLease``; the
  player asks the lease for a fresh URL at every connect and reconnect, and
  releases it when it stops.
- **Staggered starts.** Slots that get a new camera start one per turn of the
  event loop (opening a libVLC player costs tens of ms; 25 at once froze the
  GUI for a second).
- **Watching.** ``watching_started(camera_id)`` when a camera becomes the
  front of a slot (on no other slot yet), ``watching_stopped(camera_id)``
  when it is the front of none any more; a pre-roll is not watching.
- **Suspend / resume.** ``suspend(slot)`` stops the slot's players (their
  leases go) and hands its front window id to someone else (playback);
  ``resume(slot)`` plays the slot's camera there again.
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import vlc
from PySide6.QtCore import QObject, QTimer, Signal

from controlroom.api.schema import StreamProfile, Transport
from controlroom.video.player import TilePlayer, TileState
from controlroom.video.reasons import PlayerReason, ReasonKind
from controlroom.video.source import StreamLease
from controlroom.video.streams import StreamChoice, offered_transports, pick_stream

if TYPE_CHECKING:
    from controlroom.session import Session
    from controlroom.wall.policy import Decision

log = logging.getLogger("controlroom.video.coordinator")

DEFAULT_PROFILE = "sub"  # without a policy's decision: a wall of many tiles needs no main stream


class VideoSource(Protocol):
    """Where the coordinator learns a camera's streams and gets its leases."""

    def streams(self, camera_id: str) -> Sequence[StreamProfile] | None:
        """The camera's profiles; None when the camera is unknown (not in the inventory)."""

    def online(self, camera_id: str) -> bool | None:
        """The platform's word on the camera (None: it does not say)."""

    def lease(self, camera_id: str, choice: StreamChoice) -> StreamLease:
        """A lease for the chosen profile and transport (a fresh URL at every connect)."""


class SessionSource:
    """The main wall's source: the session's inventory and ``Session.lease_for``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def streams(self, camera_id: str) -> Sequence[StreamProfile] | None:
        camera = self.session.inventory.cameras.get(camera_id)
        return list(camera.streams) if camera is not None else None

    def online(self, camera_id: str) -> bool | None:
        camera = self.session.inventory.cameras.get(camera_id)
        return camera.online if camera is not None else None

    def lease(self, camera_id: str, choice: StreamChoice) -> StreamLease:
        camera = self.session.inventory.cameras[camera_id]
        alternatives = list(choice.alternatives) if choice.alternatives is not None else None
        if alternatives is not None:
            return self.session.lease_for(camera, choice.profile, choice.transport, alternatives)
        # API v1: a TicketLease; any other backend: its own lease (WVP stops the channel on release)
        return self.session.lease_for(camera, choice.profile, choice.transport)


class Shown(enum.Enum):
    """What ``VideoCoordinator.show`` did with a slot."""

    EMPTY = "empty"  # no camera: players stopped
    SAME = "same"  # the slot already showed that camera
    SWAPPED = "swapped"  # the pre-rolled back is the front now (``swapped`` was emitted)
    STARTING = "starting"  # the camera starts (in its turn)
    MISSING = "missing"  # the source does not know the camera: nothing plays


@dataclass
class Slot:
    """One tile's players and what they play (runtime only, never saved)."""

    front: TilePlayer
    back: TilePlayer | None  # None: the wall has no hidden window here (no pre-roll)
    front_window: int
    back_window: int | None
    camera_id: str | None = None  # what the front plays
    profile: str | None = None
    back_camera: str | None = None  # what the back pre-rolls
    back_profile: str | None = None
    back_for_switch: bool = False  # the back pre-rolls a profile switch (swap on first picture)
    forced: str | None = None  # the operator's choice: "main", "sub" or None (automatic)
    decision: Decision | None = None
    first_frame: float | None = None
    suspended: bool = False  # lent out: the front window plays something else
    watching: str | None = None  # the camera counted as watched through this slot


class VideoCoordinator(QObject):
    """Players, leases, pre-rolls and profile switches of a wall's slots (see the module docstring)."""

    #: the front player's state of a slot: slot, TileState, PlayerReason
    state_changed = Signal(int, object, object)
    #: the slot's back became its front: the wall swaps the two windows' places
    swapped = Signal(int)
    #: the front's displayed pictures per second and kbit/s, about once a second: slot, fps, kbps
    stats = Signal(int, float, float)
    #: a connection's first picture on the front: slot, seconds from its start
    first_frame = Signal(int, float)
    #: a camera is the visible front of a slot now (it was of none)
    watching_started = Signal(str)
    #: a camera is the visible front of no slot any more
    watching_stopped = Signal(str)

    def __init__(self, source: VideoSource, parent: QObject | None = None, *,
                 instance: vlc.Instance | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._instance = instance
        self.slots: dict[int, Slot] = {}
        self._watchers: dict[str, int] = {}  # camera id -> slots showing it
        self._shut = False
        self._start_queue: deque[tuple[int, str]] = deque()
        self._start_timer = QTimer(self)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._start_one)

    # ------------------------------------------------------------------ slots

    def add_slot(self, front_window: int, back_window: int | None = None, key: int | None = None) -> int:
        """A new slot drawing into ``front_window`` (and pre-rolling into ``back_window``); its key."""
        if key is None:
            key = max(self.slots, default=-1) + 1
        if key in self.slots:
            raise ValueError(f"slot {key} exists")
        front = self._new_player(front_window)
        back = self._new_player(back_window) if back_window is not None else None
        self.slots[key] = Slot(front, back, int(front_window), back_window)
        return key

    def remove_slot(self, key: int) -> None:
        """Stop and release the slot's players (before its windows go) and forget it."""
        s = self.slots.pop(key, None)
        if s is None:
            return
        self._watch(s, None)
        for p in (s.front, s.back):
            if p is not None:
                p.release()
                p.deleteLater()

    def remove_slots_from(self, first: int) -> None:
        """Every slot whose key is ``first`` or more (a wall's layout shrank)."""
        for key in sorted(k for k in self.slots if k >= first):
            self.remove_slot(key)

    def _new_player(self, window: int) -> TilePlayer:
        p = TilePlayer(self._instance, parent=self)
        p.set_window(window)
        p.state_changed.connect(lambda state, reason, p=p: self._on_player_state(p, state, reason))
        p.stats.connect(lambda fps, kbps, p=p: self._on_player_stats(p, fps, kbps))
        p.first_frame.connect(lambda seconds, p=p: self._on_first_frame(p, seconds))
        return p

    def _slot_of(self, player: TilePlayer) -> tuple[int, Slot] | None:
        for key, s in self.slots.items():
            if player is s.front or player is s.back:
                return key, s
        return None

    # ------------------------------------------------------------------ the stream picker

    def choice_for(self, camera_id: str, profile: str | None) -> StreamChoice | None:
        """The profile and transport the slot would play (the one picker both walls use)."""
        profiles = self.source.streams(camera_id)
        if not profiles:
            return None
        return pick_stream(profiles, profile)

    def stream_for(self, camera_id: str, profile: str | None) -> tuple[StreamLease, Transport, str] | None:
        """(lease, transport, profile name) for a camera's profile; None if none plays here."""
        choice = self.choice_for(camera_id, profile)
        if choice is None:
            return None
        return self.source.lease(camera_id, choice), choice.transport, choice.profile

    def _playing_profile(self, camera_id: str, wanted: str) -> str | None:
        choice = self.choice_for(camera_id, wanted)
        return choice.profile if choice is not None else None

    @staticmethod
    def _profile_for(s: Slot, decision: Decision | None) -> str:
        if s.forced:
            return s.forced
        return decision.profile if decision is not None else DEFAULT_PROFILE

    # ------------------------------------------------------------------ what a slot shows

    def show(self, key: int, camera_id: str | None, decision: Decision | None = None) -> Shown:
        """Make slot ``key`` show ``camera_id`` (None: nothing), at the profile ``decision`` wants."""
        s = self.slots[key]
        if camera_id is None:
            if s.camera_id is not None or s.back_camera is not None:
                s.front.stop()
                if s.back is not None:
                    s.back.stop()
            self._watch(s, None)
            s.camera_id = s.profile = s.back_camera = s.back_profile = None
            s.back_for_switch = False
            s.forced = None
            s.decision = None
            return Shown.EMPTY
        if camera_id == s.camera_id:
            return Shown.SAME
        s.forced = None
        s.decision = decision
        if (s.back is not None and s.back_camera == camera_id and not s.suspended
                and s.back.state in (TileState.PLAYING, TileState.CONNECTING)):
            # pre-rolled (a tour step): show it now, the picture is already live
            self._swap(key)
            return Shown.SWAPPED
        s.back_camera = s.back_profile = None
        s.back_for_switch = False
        if s.back is not None and s.back.state is not TileState.IDLE:
            s.back.stop()
        s.camera_id = camera_id
        s.first_frame = None
        if self.source.streams(camera_id) is None:
            s.front.stop()
            self._watch(s, None)
            return Shown.MISSING
        s.profile = self._playing_profile(camera_id, self._profile_for(s, decision))
        self._watch(s, camera_id)
        if not s.suspended:
            self._start_queue.append((key, camera_id))
            self._start_timer.start()
        return Shown.STARTING

    def waiting(self, key: int) -> bool:
        """The slot waits for its turn to start (its front still plays the old camera)."""
        return any(q == key for q, _ in self._start_queue)

    def _start_one(self) -> None:
        """Start the next queued slot that still wants its camera; one per call."""
        while self._start_queue:
            key, camera_id = self._start_queue.popleft()
            s = self.slots.get(key)
            if self._shut or s is None or s.camera_id != camera_id or s.suspended:
                continue  # the slot moved on before its turn
            if self.source.streams(camera_id) is not None:
                self._play(s.front, camera_id, self._profile_for(s, s.decision))
                break
        if not self._start_queue:
            self._start_timer.stop()

    def _play(self, player: TilePlayer, camera_id: str, profile: str, keyframes_only: bool = False) -> None:
        choice = self.choice_for(camera_id, profile)
        online = self.source.online(camera_id)
        player.set_offline(online is False)
        player.set_keyframes_only(keyframes_only)
        if choice is None:
            player.stop()
            found = self._slot_of(player)
            if found is not None and player is found[1].front:
                offered = ", ".join(offered_transports(self.source.streams(camera_id) or []))
                self.state_changed.emit(found[0], TileState.FAILED,
                                        PlayerReason(ReasonKind.NOTHING_PLAYABLE, text=offered))
            return
        player.play(self.source.lease(camera_id, choice))

    def _swap(self, key: int) -> None:
        s = self.slots[key]
        assert s.back is not None and s.back_window is not None
        old = s.front
        s.front, s.back = s.back, s.front
        s.front_window, s.back_window = s.back_window, s.front_window
        s.camera_id, s.profile = s.back_camera, s.back_profile
        s.back_camera = s.back_profile = None
        s.back_for_switch = False
        self._watch(s, s.camera_id)
        self.swapped.emit(key)  # the wall swaps its surfaces before the old picture stops
        old.stop()

    # ------------------------------------------------------------------ profiles (the stream policy)

    def force_profile(self, key: int, profile: str | None) -> None:
        """The operator's stream choice for a slot ("main", "sub", None: automatic); the next
        ``apply`` switches."""
        self.slots[key].forced = profile

    def apply(self, key: int, decision: Decision, keyframes_only: bool) -> bool:
        """The policy's decision for a slot: switch profile (without a black wait) or re-tune.

        False when the slot shows no known camera (nothing to do)."""
        s = self.slots.get(key)
        if s is None or s.camera_id is None or self.source.streams(s.camera_id) is None:
            return False
        s.decision = decision
        if s.suspended:
            return True
        wanted = self._profile_for(s, decision)
        want_profile = self._playing_profile(s.camera_id, wanted)
        if want_profile != s.profile and want_profile is not None:
            self._switch_profile(key, s.camera_id, wanted, keyframes_only)
        else:
            s.front.set_keyframes_only(keyframes_only)
        return True

    def _switch_profile(self, key: int, camera_id: str, profile: str, keyframes_only: bool) -> None:
        """Change a slot's stream without a black wait: pre-roll it behind, swap on its first picture."""
        s = self.slots[key]
        if s.back is None or s.front.state is not TileState.PLAYING:
            # nothing on screen to keep (or nowhere to pre-roll): switch in place
            self._play(s.front, camera_id, profile, keyframes_only)
            s.profile = self._playing_profile(camera_id, profile)
            return
        if s.back_for_switch and s.back_profile == profile and s.back_camera == camera_id:
            return  # already on its way
        s.back_camera = camera_id
        s.back_profile = self._playing_profile(camera_id, profile)
        s.back_for_switch = True
        self._play(s.back, camera_id, profile, keyframes_only)

    def preroll(self, key: int, camera_id: str) -> None:
        """Play ``camera_id`` on the slot's hidden window: what the slot shows next (a tour step)."""
        s = self.slots.get(key)
        if s is None or s.back is None or s.suspended:
            return
        if s.back_camera == camera_id or s.camera_id == camera_id or s.back_for_switch:
            return
        if self.source.streams(camera_id) is None:
            return
        decision = s.decision
        profile = decision.profile if decision is not None else DEFAULT_PROFILE
        s.back_camera = camera_id
        s.back_profile = self._playing_profile(camera_id, profile)
        self._play(s.back, camera_id, profile, bool(decision and decision.keyframes_only))

    # ------------------------------------------------------------------ the platform's word

    def cameras_changed(self, camera_ids: set[str] | None) -> None:
        """Cameras whose online state may have changed (None: all of them)."""
        for s in self.slots.values():
            for player, camera_id in ((s.front, s.camera_id), (s.back, s.back_camera)):
                if player is None or camera_id is None or (camera_ids is not None and camera_id not in camera_ids):
                    continue
                online = self.source.online(camera_id)
                if online is not None:
                    player.set_offline(not online)

    # ------------------------------------------------------------------ lending a slot out

    def suspend(self, key: int) -> int:
        """Stop the slot's players (their leases go) and hand over its front window id.

        The slot keeps its camera: ``resume`` plays it again. Until then the
        window is the caller's (two players must never share one)."""
        s = self.slots[key]
        s.suspended = True
        s.front.stop()
        if s.back is not None:
            s.back.stop()
        s.back_camera = s.back_profile = None
        s.back_for_switch = False
        self._watch(s, None)
        return s.front_window

    def resume(self, key: int) -> None:
        """The window is back: play the slot's camera there again."""
        s = self.slots[key]
        if not s.suspended:
            return
        s.suspended = False
        camera_id = s.camera_id
        if camera_id is None or self.source.streams(camera_id) is None:
            return
        s.first_frame = None
        self._watch(s, camera_id)
        self._start_queue.append((key, camera_id))
        self._start_timer.start()
        self.state_changed.emit(key, TileState.CONNECTING, PlayerReason(ReasonKind.CONNECTING))

    # ------------------------------------------------------------------ queries

    def state(self, key: int) -> TileState:
        return self.slots[key].front.state

    def reconnect_in(self, key: int) -> float | None:
        return self.slots[key].front.reconnect_in()

    def watched(self) -> set[str]:
        """The cameras being watched now (the front of at least one slot)."""
        return set(self._watchers)

    # ------------------------------------------------------------------ player signals

    def _on_player_state(self, player: TilePlayer, state: object, reason: object) -> None:
        if self._shut:
            return
        found = self._slot_of(player)
        if found is None:
            return
        key, s = found
        state = TileState(str(state))
        if player is s.back:
            if state is TileState.PLAYING and s.back_for_switch:
                self._swap(key)
            elif state in (TileState.FAILED, TileState.OFFLINE) and s.back_for_switch:
                player.stop()
                s.back_camera = s.back_profile = None
                s.back_for_switch = False
            return
        if s.camera_id is None or self.waiting(key) or s.suspended:
            return  # empty, waiting for its turn (the front still plays the old camera), or lent out
        self.state_changed.emit(key, state, reason if isinstance(reason, PlayerReason) else PlayerReason())

    def _on_player_stats(self, player: TilePlayer, fps: float, kbps: float) -> None:
        found = self._slot_of(player)
        if found is not None and player is found[1].front:
            self.stats.emit(found[0], fps, kbps)

    def _on_first_frame(self, player: TilePlayer, seconds: float) -> None:
        found = self._slot_of(player)
        if found is not None and player is found[1].front:
            found[1].first_frame = seconds
            self.first_frame.emit(found[0], seconds)

    # ------------------------------------------------------------------ watching

    def _watch(self, s: Slot, camera_id: str | None) -> None:
        """The camera slot ``s`` shows in front now (None: none, or the slot is lent out)."""
        if s.suspended:
            camera_id = None
        if camera_id == s.watching:
            return
        old, s.watching = s.watching, camera_id
        if old is not None:
            left = self._watchers.get(old, 1) - 1
            if left <= 0:
                self._watchers.pop(old, None)
                self.watching_stopped.emit(old)
            else:
                self._watchers[old] = left
        if camera_id is not None:
            self._watchers[camera_id] = self._watchers.get(camera_id, 0) + 1
            if self._watchers[camera_id] == 1:
                self.watching_started.emit(camera_id)

    # ------------------------------------------------------------------ teardown

    def shutdown(self) -> None:
        """Stop and release every player (before the windows go). Idempotent."""
        if self._shut:
            return
        self._shut = True
        self._start_timer.stop()
        self._start_queue.clear()
        for s in self.slots.values():
            self._watch(s, None)
            s.front.release()
            if s.back is not None:
                s.back.release()
