"""Strict decoding: bad payloads fail with the path of the bad field."""

from __future__ import annotations

import msgspec
import pytest

from controlroom.api.schema import Camera, Event, GridStatusEvent, Page


def test_a_wrong_id_is_refused_with_its_path() -> None:
    bad = b'{"items":[{"id":"123","name":"x","site_id":"37132603002000000001","grid_id":null,"kind":"road","tags":[],"ptz":false,"online":true,"streams":[]}],"total":1,"offset":0,"next_offset":null,"inventory_version":1}'
    with pytest.raises(msgspec.ValidationError, match=r"\$\.items\[0\]\.id"):
        msgspec.json.decode(bad, type=Page[Camera])


def test_events_decode_by_their_type() -> None:
    raw = b'{"type":"grid.status","id":5,"at":"2026-11-29T00:00:00Z","inventory_version":1,"grid_id":"37132603002160000001","status":"incident","status_reason":"r","cameras_online":2}'
    ev = msgspec.json.decode(raw, type=Event)
    assert isinstance(ev, GridStatusEvent) and ev.cameras_online == 2
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(raw.replace(b"grid.status", b"grid.explode"), type=Event)
