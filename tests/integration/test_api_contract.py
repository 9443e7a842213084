"""The demo platform answers what its OpenAPI document promises (the Schemathesis findings).

The demo is the reference for API v1: an error is the document's
ErrorResponse JSON (also the errors aiohttp makes itself), paging bounds are
in the document and enforced, the 409 and 413 it sends are documented, and a
body the document allows (``"preset": 255.0`` is a JSON Schema integer) is
taken. ``.ci/schemathesis`` fuzzes the whole API the same way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import msgspec
import pytest

from controlroom.api import schema as s

API = "/api/v1"


@pytest.fixture
async def http(demo) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=demo.url) as raw:
        r = await raw.post(f"{API}/auth/login", json={"username": "dispatcher", "password": "dispatch123"})
        raw.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
        yield raw


def _error(r: httpx.Response, status: int) -> s.ErrorResponse:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    return msgspec.json.decode(r.content, type=s.ErrorResponse)


@pytest.mark.parametrize("params", [{"limit": "x"}, {"limit": 0}, {"limit": 100000}, {"offset": -1}])
async def test_bad_paging_is_a_json_error(http: httpx.AsyncClient, params: dict[str, object]) -> None:
    err = _error(await http.get(f"{API}/cameras", params=params), 400)
    assert err.error.code == "bad_request" and "limit" in err.error.message


@pytest.mark.parametrize("path", ["/bookmarks", "/cameras"])
async def test_a_query_parameter_without_a_name_is_refused(http: httpx.AsyncClient, path: str) -> None:
    # found by Schemathesis' stateful phase: "?=null" was taken as no parameter at all
    err = _error(await http.get(f"{API}{path}?limit=1&=null"), 400)
    assert err.error.code == "bad_request" and "no name" in err.error.message


async def test_paging_bounds_are_in_the_document(http: httpx.AsyncClient) -> None:
    doc = (await http.get(f"{API}/openapi.json")).json()
    for path in ("/sites", "/cameras", "/grids", "/alerts"):
        params = {p["name"]: p["schema"] for p in doc["paths"][f"{API}{path}"]["get"]["parameters"]}
        assert params["offset"]["minimum"] == 0
        assert params["limit"]["minimum"] == 1 and params["limit"]["maximum"] == s.MAX_PAGE_LIMIT
    # and the largest documented page is served
    r = await http.get(f"{API}/sites", params={"limit": s.MAX_PAGE_LIMIT})
    assert r.status_code == 200


async def test_errors_the_router_makes_are_json_too(http: httpx.AsyncClient) -> None:
    assert _error(await http.get(f"{API}/no-such-thing"), 404).error.code == "not_found"
    assert _error(await http.delete(f"{API}/cameras"), 405).error.code == "method_not_allowed"


async def test_a_body_over_the_limit_is_a_documented_413(http: httpx.AsyncClient) -> None:
    big = b'{"raised": true, "x": "' + b"a" * (s.MAX_REQUEST_BODY + 1) + b'"}'
    r = await http.post(f"{API}/conferences/beiwutai-monthly/hand", content=big,
                        headers={"content-type": "application/json"})
    assert _error(r, 413).error.code == "too_large"
    doc = (await http.get(f"{API}/openapi.json")).json()
    for path, op in doc["paths"].items():
        for method, spec in op.items():
            if "requestBody" in spec:
                assert "413" in spec["responses"], f"{method} {path}"


async def test_409s_are_documented_where_sent(http: httpx.AsyncClient) -> None:
    doc = (await http.get(f"{API}/openapi.json")).json()
    for path in ("/cameras/{camera_id}/ptz", "/conferences/{room_id}/join", "/conferences/{room_id}/hand"):
        assert "409" in doc["paths"][f"{API}{path}"]["post"]["responses"], path
    # and sent: a hand in a room not joined
    r = await http.post(f"{API}/conferences/beiwutai-monthly/hand", json={"raised": True})
    assert _error(r, 409).error.code == "not_joined"


async def test_an_integral_float_preset_is_an_integer(http: httpx.AsyncClient) -> None:
    cams = msgspec.json.decode((await http.get(f"{API}/cameras", params={"limit": 2000})).content,
                               type=s.Page[s.Camera]).items
    ptz = next(c for c in cams if c.ptz)
    r = await http.post(f"{API}/cameras/{ptz.id}/ptz", json={"action": "preset", "preset": 255.0})
    assert r.status_code == 202, r.text
    # still refused: a fraction, a number out of range, a string
    for bad in (2.5, 256.0, "255"):
        r = await http.post(f"{API}/cameras/{ptz.id}/ptz", json={"action": "preset", "preset": bad})
        assert _error(r, 400).error.code == "bad_request"
