"""``controlroom.backends.address.parse``: which backend a platform address names."""

from __future__ import annotations

import pytest

from controlroom.api.errors import PlatformError
from controlroom.backends.address import API_V1, STATIC_FILE, WVP, Address, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://127.0.0.1:8080", Address(API_V1, "http://127.0.0.1:8080")),
        ("https://platform.example/", Address(API_V1, "https://platform.example")),
        ("wvp+http://10.0.0.5:18080", Address(WVP, "http://10.0.0.5:18080")),
        ("WVP+HTTPS://wvp.example:443/", Address(WVP, "HTTPS://wvp.example:443")),
        ("/etc/controlroom/cameras.toml", Address(STATIC_FILE, "/etc/controlroom/cameras.toml")),
        ("cameras.toml", Address(STATIC_FILE, "cameras.toml")),
        ("file:///srv/my%20cams.toml", Address(STATIC_FILE, "/srv/my cams.toml")),
        ("  http://h:1  ", Address(API_V1, "http://h:1")),
    ],
)
def test_parse_names_the_backend(text: str, expected: Address) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ftp://host/x",
        "wvp+ftp://host:1",
        "wvp+http://",
        "http://host:notaport",
        "http://user:pw@host",
        "file://remote/x.toml",
        "file:///x.yaml",
        "cameras.yaml",
        "host:8080",
        "http://h\n.example",
        "http://" + "a" * 5000,
    ],
)
def test_parse_refuses_anything_else_in_words(text: str) -> None:
    with pytest.raises(PlatformError) as caught:
        parse(text)
    assert "wvp+http" in caught.value.message  # names what is accepted
    assert caught.value.detail
