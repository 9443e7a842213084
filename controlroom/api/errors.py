"""Errors of the platform API client, each with a clear message for the operator.

Messages go through Qt's translation (QtCore only: the core has no widgets),
so the UI can show ``str(error)`` as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class PlatformError(Exception):
    """Something went wrong talking to a platform."""

    def __init__(self, message: str, *, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.detail = detail
        self.retry_after: float | None = None  # seconds, when the platform said (429 Retry-After)

    def __str__(self) -> str:
        return f"{self.message} ({self.detail})" if self.detail else self.message


class NetworkError(PlatformError):
    """The platform could not be reached, or the connection broke."""


class TlsError(NetworkError):
    """The platform's certificate could not be verified."""


class AuthError(PlatformError):
    """Wrong user or password, or the session expired and could not be renewed."""


class ForbiddenError(PlatformError):
    """The user may not see or do this (outside their scope)."""


class NotFoundError(PlatformError):
    """The platform does not know this resource."""


class ThrottledError(PlatformError):
    """Too many failed logins: the platform says when to try again (HTTP 429, Retry-After)."""


class ServerError(PlatformError):
    """The platform failed (HTTP 5xx)."""


class PayloadError(PlatformError):
    """The platform answered, but not with what API v1 says it sends."""


def for_status(status: int, server_message: str) -> PlatformError:
    """The error for an HTTP error status, with the server's own words as detail."""
    detail = server_message[:300]
    if status == 401:
        return AuthError(QCoreApplication.translate("PlatformError", "The platform refused the user name or password, or the session expired."), status=status, detail=detail)
    if status == 403:
        return ForbiddenError(QCoreApplication.translate("PlatformError", "This is outside what your account may see or do."), status=status, detail=detail)
    if status == 404:
        return NotFoundError(QCoreApplication.translate("PlatformError", "The platform does not know this item."), status=status, detail=detail)
    if status == 429:
        return ThrottledError(QCoreApplication.translate("PlatformError", "Too many failed logins: the platform refuses more for a while."), status=status, detail=detail)
    if status >= 500:
        return ServerError(QCoreApplication.translate("PlatformError", "The platform had an internal error (HTTP %1).").replace("%1", str(status)), status=status, detail=detail)
    return PlatformError(QCoreApplication.translate("PlatformError", "The platform refused the request (HTTP %1).").replace("%1", str(status)), status=status, detail=detail)


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds form), bounded to a day; None if absent or odd."""
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    if seconds is None or seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), 86400.0)


def network(reason: str) -> NetworkError:
    return NetworkError(QCoreApplication.translate("PlatformError", "The platform cannot be reached."), detail=reason)


def tls(reason: str) -> TlsError:
    return TlsError(QCoreApplication.translate("PlatformError", "The platform's certificate could not be verified."), detail=reason)


def payload(what: str, reason: str) -> PayloadError:
    return PayloadError(QCoreApplication.translate("PlatformError", "The platform sent data that ControlRoom cannot read: %1.").replace("%1", what), detail=reason)


class TooLargeError(PayloadError):
    """The platform sent more than the client accepts for one answer (``limit`` bytes)."""

    def __init__(self, message: str, *, limit: int, what: str) -> None:
        super().__init__(message)
        self.limit, self.what = limit, what


class DeadlineError(NetworkError):
    """The platform did not finish an answer within the call's overall deadline."""

    def __init__(self, message: str, *, seconds: float, what: str) -> None:
        super().__init__(message)
        self.seconds, self.what = seconds, what


def _mb(limit: int) -> str:
    mb = limit / 1_000_000
    return f"{mb:.0f}" if mb >= 10 else f"{mb:.1f}".rstrip("0").rstrip(".")


def too_large(limit: int, what: str) -> TooLargeError:
    return TooLargeError(QCoreApplication.translate("PlatformError", "The platform sent more than %1 MB for %2.")
                         .replace("%1", _mb(limit)).replace("%2", what), limit=limit, what=what)


def deadline(seconds: float, what: str) -> DeadlineError:
    return DeadlineError(QCoreApplication.translate("PlatformError", "The platform did not answer within %1 s (%2).")
                         .replace("%1", f"{seconds:g}").replace("%2", what), seconds=seconds, what=what)


def too_many(limit: int, what: str) -> PayloadError:
    return PayloadError(QCoreApplication.translate("PlatformError", "The platform offers more than %1 items for %2; ControlRoom takes at most that many.")
                        .replace("%1", f"{limit:,}").replace("%2", what))
