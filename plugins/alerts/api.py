"""Alerts as the pane keeps them: one book, merged from fetched lists and live events. No Qt.

The platform tells us about alerts three ways: the list fetched at start
(``PlatformClient.alerts``), live ``alert.raised`` / ``alert.acknowledged``
events, and the list fetched again after a reconnect or a resync. The same
alert can come by all three, events can be replayed after a reconnect, and an
acknowledgement can arrive before the alert it acknowledges (a refetch racing
the stream). ``AlertBook`` makes one consistent list of that:

- one entry per alert id, newest first (raised time, then id);
- each event is used once (by event id), however often it is replayed;
- an acknowledgement is final: the first one stands, a stale copy of the
  alert (fetched before it was acknowledged) never "reopens" it;
- unread: alerts that came in live (or were missed and found by a refetch)
  and that the operator has not looked at yet, while they are still open.

``AlertFilter`` is what the pane's filter bar asks for; ``AlertPlaces``
answers "which town, which place, which cameras" from the inventory.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import msgspec

from controlroom.api.schema import (
    Alert,
    AlertAcknowledgedEvent,
    AlertKind,
    AlertRaisedEvent,
    Severity,
    SiteKind,
    Tier,
)

if TYPE_CHECKING:
    from controlroom.inventory import Inventory

__all__ = ["AlertBook", "AlertFilter", "AlertPlaces", "AlertState", "BookChange"]

#: The platform keeps 5,000 alerts; so do we (oldest acknowledged ones go first).
MAX_ALERTS = 5_000
#: Event ids remembered for deduplication (far more than one reconnect replays).
REMEMBER_EVENTS = 20_000


class AlertState:
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"


def _utc(t: datetime) -> datetime:
    # a platform that sends naive times means UTC; mixing naive and aware would not sort
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t


def _key(alert: Alert) -> tuple[float, str]:
    return (_utc(alert.raised_at).timestamp(), alert.id)


@dataclass(frozen=True)
class BookChange:
    """What one ``merge`` or ``apply`` changed (ids)."""

    added: tuple[str, ...] = ()  # new alerts, newest first
    updated: frozenset[str] = frozenset()  # known alerts that changed (acknowledged)
    removed: tuple[str, ...] = ()  # dropped to keep the book at its size
    acknowledged: frozenset[str] = frozenset()  # newly acknowledged (subset of updated/added)

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class _Changes:
    added: list[str] = field(default_factory=list)
    updated: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)

    def done(self, book: AlertBook) -> BookChange:
        removed = set(self.removed)
        added = [i for i in self.added if i not in removed]
        added.sort(key=lambda i: book.index(i))
        return BookChange(
            tuple(added), frozenset(self.updated - removed - set(added)),
            tuple(i for i in self.removed if i not in set(self.added)),
            frozenset(self.acknowledged - removed),
        )


class AlertBook:
    """The alerts one client knows, newest first; see the module docstring for the rules."""

    def __init__(self, *, max_alerts: int = MAX_ALERTS, remember_events: int = REMEMBER_EVENTS) -> None:
        if max_alerts < 1:
            raise ValueError("max_alerts must be at least 1")
        self.max_alerts = max_alerts
        self._alerts: dict[str, Alert] = {}
        self._asc: list[tuple[float, str]] = []  # sort keys, oldest first
        self._unread: set[str] = set()
        # acknowledgements of alerts not (yet) in the book: applied when they come
        self._early_acks: dict[str, tuple[str, datetime, str | None]] = {}
        self._seen: set[int] = set()
        self._seen_order: deque[int] = deque()
        self._remember = remember_events

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._alerts)

    def __contains__(self, alert_id: object) -> bool:
        return alert_id in self._alerts

    def __iter__(self) -> Iterator[Alert]:
        """The alerts, newest first."""
        return (self._alerts[i] for _t, i in reversed(self._asc))

    def get(self, alert_id: str) -> Alert | None:
        return self._alerts.get(alert_id)

    @property
    def ids(self) -> list[str]:
        """Alert ids, newest first."""
        return [i for _t, i in reversed(self._asc)]

    def at(self, row: int) -> Alert:
        """The alert in row ``row`` (0 = newest)."""
        return self._alerts[self._asc[len(self._asc) - 1 - row][1]]

    def index(self, alert_id: str) -> int:
        """The row of ``alert_id`` (0 = newest); KeyError if it is not here."""
        pos = bisect.bisect_left(self._asc, _key(self._alerts[alert_id]))
        return len(self._asc) - 1 - pos

    @staticmethod
    def state(alert: Alert) -> str:
        return AlertState.OPEN if alert.acknowledged_at is None and alert.acknowledged_by is None else AlertState.ACKNOWLEDGED

    def is_open(self, alert_id: str) -> bool:
        a = self._alerts.get(alert_id)
        return a is not None and self.state(a) == AlertState.OPEN

    def pinned(self, alert_id: str) -> bool:
        """Open critical alerts stay above the rest until someone acknowledges them."""
        a = self._alerts.get(alert_id)
        return a is not None and a.severity == Severity.CRITICAL and self.state(a) == AlertState.OPEN

    def shown_order(self) -> list[str]:
        """The pane's order: open critical alerts first, then every other; newest first in each."""
        ids = self.ids
        pinned = [i for i in ids if self.pinned(i)]
        if not pinned:
            return ids
        keep = set(pinned)
        return pinned + [i for i in ids if i not in keep]

    @property
    def open_count(self) -> int:
        return sum(1 for a in self._alerts.values() if self.state(a) == AlertState.OPEN)

    # ------------------------------------------------------------------ unread

    @property
    def unread_count(self) -> int:
        return len(self._unread)

    def is_unread(self, alert_id: str) -> bool:
        return alert_id in self._unread

    def unread(self) -> list[str]:
        """Unread alert ids, newest first."""
        return [i for i in self.ids if i in self._unread]

    def mark_read(self, alert_ids: Iterable[str]) -> set[str]:
        """The operator looked at these; returns the ids that were unread."""
        was = {i for i in alert_ids if i in self._unread}
        self._unread -= was
        return was

    def mark_all_read(self) -> set[str]:
        was, self._unread = self._unread, set()
        return was

    # ------------------------------------------------------------------ writing

    def merge(self, alerts: Iterable[Alert], *, unread: bool = False) -> BookChange:
        """Merge a fetched list (at start, or after a reconnect or resync).

        ``unread``: whether alerts new to the book count as unread (not for
        the first list: that is the state of the platform, not news).
        """
        ch = _Changes()
        for alert in alerts:
            self._put(alert, ch, unread=unread)
        self._trim(ch)
        return ch.done(self)

    def apply(self, events: Iterable[object]) -> BookChange:
        """Apply a batch of live events; other event types are ignored."""
        ch = _Changes()
        for ev in events:
            if not isinstance(ev, AlertRaisedEvent | AlertAcknowledgedEvent):
                continue
            if not self._first_time(ev.id):
                continue
            if isinstance(ev, AlertRaisedEvent):
                self._put(ev.alert, ch, unread=True)
            else:
                self._acknowledge(ev.alert_id, ev.acknowledged_by, ev.acknowledged_at, ch, ev.note)
        self._trim(ch)
        return ch.done(self)

    def _first_time(self, event_id: int) -> bool:
        if event_id in self._seen:
            return False
        self._seen.add(event_id)
        self._seen_order.append(event_id)
        while len(self._seen_order) > self._remember:
            self._seen.discard(self._seen_order.popleft())
        return True

    def _put(self, alert: Alert, ch: _Changes, *, unread: bool) -> None:
        alert = msgspec.structs.replace(alert, raised_at=_utc(alert.raised_at))
        old = self._alerts.get(alert.id)
        early = self._early_acks.pop(alert.id, None)
        if early is not None and self.state(alert) == AlertState.OPEN:
            alert = msgspec.structs.replace(alert, acknowledged_by=early[0], acknowledged_at=early[1],
                                            acknowledged_note=early[2])
        if old is None:
            self._alerts[alert.id] = alert
            bisect.insort(self._asc, _key(alert))
            ch.added.append(alert.id)
            if unread and self.state(alert) == AlertState.OPEN:
                self._unread.add(alert.id)
            if self.state(alert) == AlertState.ACKNOWLEDGED:
                ch.acknowledged.add(alert.id)
            return
        if self.state(old) == AlertState.ACKNOWLEDGED:
            # the first acknowledgement stands; a stale copy never reopens it
            alert = msgspec.structs.replace(
                alert, acknowledged_by=old.acknowledged_by, acknowledged_at=old.acknowledged_at,
                acknowledged_note=old.acknowledged_note or alert.acknowledged_note)
        if _key(alert) != _key(old):
            # the platform moved its time (should not happen): keep the order right
            self._asc.remove(_key(old))
            bisect.insort(self._asc, _key(alert))
        if alert != old:
            if self.state(old) == AlertState.OPEN and self.state(alert) == AlertState.ACKNOWLEDGED:
                ch.acknowledged.add(alert.id)
                self._unread.discard(alert.id)
            self._alerts[alert.id] = alert
            ch.updated.add(alert.id)

    def _acknowledge(self, alert_id: str, by: str, at: datetime, ch: _Changes, note: str | None = None) -> None:
        old = self._alerts.get(alert_id)
        if old is None:
            self._early_acks[alert_id] = (by, _utc(at), note)
            while len(self._early_acks) > self.max_alerts:
                del self._early_acks[next(iter(self._early_acks))]
            return
        if self.state(old) == AlertState.ACKNOWLEDGED:
            return
        self._alerts[alert_id] = msgspec.structs.replace(old, acknowledged_by=by, acknowledged_at=_utc(at),
                                                         acknowledged_note=note)
        self._unread.discard(alert_id)
        ch.updated.add(alert_id)
        ch.acknowledged.add(alert_id)

    def _trim(self, ch: _Changes) -> None:
        excess = len(self._alerts) - self.max_alerts
        if excess <= 0:
            return
        # the oldest acknowledged ones first: an old open SOS still needs someone
        victims: set[tuple[float, str]] = set()
        for key in self._asc:
            if len(victims) == excess:
                break
            if self.state(self._alerts[key[1]]) == AlertState.ACKNOWLEDGED:
                victims.add(key)
        for key in self._asc:
            if len(victims) == excess:
                break
            victims.add(key)
        for key in sorted(victims):
            del self._alerts[key[1]]
            self._unread.discard(key[1])
            ch.removed.append(key[1])
        self._asc = [k for k in self._asc if k not in victims]

    # ------------------------------------------------------------------ filtering

    def filtered(self, flt: AlertFilter, places: AlertPlaces | None = None) -> list[Alert]:
        """The alerts ``flt`` accepts, newest first."""
        return [a for a in self if flt.accepts(a, places)]


@dataclass(frozen=True)
class AlertFilter:
    """What the operator wants to see. Empty sets and None mean "all"."""

    kinds: frozenset[AlertKind] = frozenset()
    severities: frozenset[Severity] = frozenset()
    state: str | None = None  # AlertState.OPEN, AlertState.ACKNOWLEDGED or None
    town: int | None = None
    text: str = ""  # words, all of which must appear (case-insensitive)

    @property
    def is_empty(self) -> bool:
        return self == AlertFilter()

    def accepts(self, alert: Alert, places: AlertPlaces | None = None) -> bool:
        if self.kinds and alert.kind not in self.kinds:
            return False
        if self.severities and alert.severity not in self.severities:
            return False
        if self.state is not None and AlertBook.state(alert) != self.state:
            return False
        if self.town is not None and (places is None or places.town(alert) != self.town):
            return False
        words = self.text.casefold().split()
        if words:
            haystack = places.search_text(alert) if places is not None else _own_text(alert)
            return all(w in haystack for w in words)
        return True


def _own_text(alert: Alert) -> str:
    parts = [alert.id, alert.kind, alert.severity, alert.message, *alert.camera_ids,
             alert.site_id or "", alert.grid_id or "", alert.acknowledged_by or "", alert.acknowledged_note or ""]
    return "\n".join(parts).casefold()


class AlertPlaces:
    """Where an alert is, in the operator's words, from the inventory (cached per alert).

    Call ``reset()`` when the inventory is replaced.
    """

    def __init__(self, inventory: Inventory | None) -> None:
        self.inventory = inventory
        self._town_names: dict[int, str] | None = None
        self._text: dict[str, str] = {}

    def reset(self) -> None:
        self._town_names = None
        self._text.clear()

    def _site_id(self, alert: Alert) -> str | None:
        inv = self.inventory
        if alert.site_id:
            return alert.site_id
        if inv is None:
            return None
        for cid in alert.camera_ids:
            cam = inv.cameras.get(cid)
            if cam is not None:
                return cam.site_id
        if alert.grid_id and alert.grid_id in inv.grids:
            return inv.grids[alert.grid_id].site_id
        return None

    def town(self, alert: Alert) -> int | None:
        """The alert's town number, or None (the county, or not known here)."""
        site_id = self._site_id(alert)
        if site_id is None or self.inventory is None:
            return None
        site = self.inventory.sites.get(site_id)
        return site.town if site is not None else None

    def towns(self) -> dict[int, str]:
        """Town number -> name, for the town filter."""
        if self._town_names is None:
            names: dict[int, str] = {}
            if self.inventory is not None:
                # a town is named after its police station (派出所): 武台镇派出所 -> 武台镇
                sites = sorted(self.inventory.sites.values(), key=lambda s: s.kind != SiteKind.POLICE_STATION)
                for s in sites:
                    if s.tier == Tier.TOWN and s.town is not None and s.town not in names:
                        names[s.town] = s.name.removesuffix("派出所").removesuffix("中心警务室") or s.name
            self._town_names = dict(sorted(names.items()))
        return self._town_names

    def town_name(self, alert: Alert) -> str:
        n = self.town(alert)
        return self.towns().get(n, "") if n is not None else ""

    def place(self, alert: Alert) -> str:
        """Where it is: the camera for a checkpoint hit or a camera offline, else the grid;
        then the site; "" when unknown."""
        inv = self.inventory
        if inv is None:
            return ""
        camera = next((inv.cameras[c].name for c in alert.camera_ids if c in inv.cameras), None)
        if camera is not None and alert.kind in (AlertKind.CHECKPOINT_HIT, AlertKind.CAMERA_OFFLINE):
            return camera
        if alert.grid_id and alert.grid_id in inv.grids:
            return inv.grids[alert.grid_id].name
        if camera is not None:
            return camera
        site_id = self._site_id(alert)
        if site_id and site_id in inv.sites:
            return inv.sites[site_id].name
        return ""

    def message(self, alert: Alert) -> str:
        """The message on one line, without the place it starts with when that is shown beside it."""
        text = " ".join(alert.message.split())
        place = self.place(alert)
        for sep in ("：", ":"):
            if place and text.startswith(place + sep):
                return text[len(place) + len(sep):].lstrip() or text
        return text

    def camera_names(self, alert: Alert) -> list[str]:
        inv = self.inventory
        return [inv.cameras[c].name if inv is not None and c in inv.cameras else c for c in alert.camera_ids]

    def cameras_known(self, alert: Alert) -> list[str]:
        """The alert's camera ids that this client has in its inventory (its scope)."""
        inv = self.inventory
        if inv is None:
            return list(alert.camera_ids)
        return [c for c in alert.camera_ids if c in inv.cameras]

    def search_text(self, alert: Alert) -> str:
        """Everything the search box matches, case-folded (cached; acknowledged_by added live)."""
        text = self._text.get(alert.id)
        if text is None:
            text = "\n".join([_own_text(alert), self.town_name(alert), self.place(alert),
                              *self.camera_names(alert)]).casefold()
            if len(self._text) > 2 * MAX_ALERTS:
                self._text.clear()
            self._text[alert.id] = text
        if alert.acknowledged_by and alert.acknowledged_by.casefold() not in text:
            text += "\n" + alert.acknowledged_by.casefold()
        return text
