"""Passwords in the OS keyring, and an honest path when there is none.

A password is never written to disk in clear. When the machine has no usable
keyring backend (a headless box, a locked or absent Secret Service), saving
fails with ``False`` and the UI says that the password is kept for this
session only. Plain-text "keyrings" (keyrings.alt's PlaintextKeyring and
friends) are refused for the same reason.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

log = logging.getLogger("controlroom.credentials")

SERVICE = "ControlRoom"
_UNSAFE = ("plaintext", "fail", "null", "uncrypted", "encryptedfile")


def _key(base_url: str, username: str) -> str:
    return f"{username}@{base_url.rstrip('/')}"


def _backends(kr: KeyringBackend) -> list[KeyringBackend]:
    return list(getattr(kr, "backends", [kr]))


def _safe(kr: KeyringBackend) -> bool:
    name = f"{type(kr).__module__}.{type(kr).__name__}".lower()
    return not any(word in name for word in _UNSAFE)


def keyring_backend_name() -> str:
    kr = keyring.get_keyring()
    names = [f"{type(b).__module__}.{type(b).__name__}" for b in _backends(kr)]
    return ", ".join(names) or "none"


def keyring_available() -> bool:
    """True when a backend that keeps secrets encrypted is there and answers."""
    kr = keyring.get_keyring()
    usable = [b for b in _backends(kr) if _safe(b)]
    if not usable:
        return False
    try:
        kr.get_password(SERVICE, "__probe__")
    except keyring.errors.KeyringError as exc:
        log.info("keyring present but unusable: %s", exc)
        return False
    except Exception as exc:  # D-Bus errors surface as many types
        log.info("keyring present but unusable: %s: %s", type(exc).__name__, exc)
        return False
    return True


def save_password(base_url: str, username: str, password: str) -> bool:
    """Store the password; False means: no safe keyring, keep it in memory only."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, _key(base_url, username), password)
    except Exception as exc:
        log.warning("could not store the password in the keyring: %s", type(exc).__name__)
        return False
    return True


def load_password(base_url: str, username: str) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, _key(base_url, username))
    except Exception as exc:
        log.warning("could not read the keyring: %s", type(exc).__name__)
        return None


def forget_password(base_url: str, username: str) -> None:
    if not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, _key(base_url, username))
    except keyring.errors.PasswordDeleteError:
        pass
    except Exception as exc:
        log.warning("could not delete from the keyring: %s", type(exc).__name__)
