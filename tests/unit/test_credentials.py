"""Passwords go to a real keyring, or nowhere: never to a plain file.

The real backend is gnome-keyring's Secret Service, which ``.ci/test`` starts
unlocked in a private D-Bus session (CONTROLROOM_TEST_KEYRING=1).
"""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from controlroom import credentials


def test_without_a_backend_nothing_is_stored(no_keyring: None, tmp_path: Path) -> None:
    assert not credentials.keyring_available()
    assert credentials.save_password("http://p", "dispatcher", "secret") is False
    assert credentials.load_password("http://p", "dispatcher") is None


def test_plaintext_backends_are_refused() -> None:
    class PlaintextKeyring(keyring.backends.fail.Keyring):
        priority = 1  # type: ignore[assignment]

    assert not credentials._safe(PlaintextKeyring())


@pytest.mark.skipif(os.environ.get("CONTROLROOM_TEST_KEYRING") != "1", reason="needs the Secret Service that .ci/test starts")
def test_real_keyring_round_trip() -> None:
    assert credentials.keyring_available(), credentials.keyring_backend_name()
    url = "http://127.0.0.1:1"
    assert credentials.save_password(url, "town03", "desk123")
    assert credentials.load_password(url, "town03") == "desk123"
    credentials.forget_password(url, "town03")
    assert credentials.load_password(url, "town03") is None
