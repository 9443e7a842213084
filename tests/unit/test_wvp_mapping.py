"""The WVP backend's pure parts: error codes in words, civil codes as site ids, tokens, platform text."""

from __future__ import annotations

import base64
import json

import pytest

from controlroom.api import errors
from controlroom.backends.wvp import (
    WVP_SOURCE,
    md5_hex,
    platform_text,
    site_id_for,
    token_lifetime,
    wvp_error,
)


@pytest.mark.parametrize(
    ("code", "msg", "kind", "words"),
    [
        (-2, "收流超时", errors.PlatformError, "The camera sent no video to the platform in time"),
        (-1, "信令超时", errors.PlatformError, "did not answer the platform (signalling timeout)"),
        (-3, "资源耗尽", errors.ServerError, "no room for another stream"),
        (-8, "SSRC不可用", errors.PlatformError, "could not start the stream"),
        (100, "通道不存在", errors.PlatformError, "refused the request"),
        (400, "参数或方法错误", errors.PlatformError, "did not accept the request's parameters"),
        (401, "请登录后重新请求", errors.AuthError, "log in again"),
        (403, "无权限操作", errors.ForbiddenError, "outside what your account"),
        (404, "资源未找到", errors.NotFoundError, "does not know this item"),
        (486, "超时或无响应", errors.PlatformError, "did not answer in time"),
        (500, "NullPointerException", errors.ServerError, "internal error"),
        (12345, None, errors.PlatformError, "refused the request"),
    ],
)
def test_every_code_is_a_message_with_wvps_words_as_detail(
    code: int, msg: str | None, kind: type[errors.PlatformError], words: str
) -> None:
    err = wvp_error(code, msg, "play")
    assert type(err) is kind
    assert words in err.message
    assert err.detail.startswith(f"play: code {code}")
    if msg:
        assert msg in err.detail


def test_platform_text_is_bounded_and_loses_control_and_bidi_characters() -> None:
    assert platform_text("摄像机\u202e01\x00\n") == "摄像机 01"
    assert platform_text("x" * 1000, 10) == "x" * 10
    assert platform_text(None) == ""


def test_civil_codes_become_distinct_20_digit_ids() -> None:
    ids = {site_id_for(c) for c in ("37", "3713", "371326", "371326001", "371326001001")}
    assert len(ids) == 5 and all(i and len(i) == 20 and i.isdigit() for i in ids)
    assert site_id_for("37132600002160000001") == "37132600002160000001"
    assert site_id_for("abc") is None and site_id_for("1234567890123") is None


def _jwt(claims: dict) -> str:
    part = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJSUzI1NiJ9.{part}.c2ln"


def test_token_lifetime_from_the_jwt_claims() -> None:
    assert token_lifetime(_jwt({"iat": 1000, "exp": 1000 + 1800})) == 1800
    assert token_lifetime(_jwt({"iat": 1000, "exp": 900})) is None
    assert token_lifetime("not a jwt") is None


def test_md5_and_the_source_named() -> None:
    assert md5_hex("admin") == "21232f297a57a5a743894a0e4a801fc3"  # WVP's default admin password hash
    assert "768d740949570f3447773aa85985a5ab0c6f750f" in WVP_SOURCE
