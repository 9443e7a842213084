"""The committed OpenAPI document is the one the schema generates."""

from __future__ import annotations

import json
from pathlib import Path

from controlroom.api.openapi import ROUTES, document_json, openapi_document

COMMITTED = Path(__file__).resolve().parents[2] / "resources" / "openapi.json"


def test_committed_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == document_json(), (
        "resources/openapi.json is stale: python -m controlroom.api.openapi > resources/openapi.json"
    )


def test_every_route_is_documented_with_its_schemas() -> None:
    doc = json.loads(document_json())
    assert doc["openapi"].startswith("3.1")
    for r in ROUTES:
        op = doc["paths"][f"/api/v1{r.path}"][r.method]
        assert str(r.status) in op["responses"]
    cam = openapi_document()["components"]["schemas"]["Camera"]
    assert {"id", "streams", "online", "grid_id"} <= set(cam["properties"])
    assert cam["properties"]["id"]["pattern"] == "^[0-9]{20}$"
