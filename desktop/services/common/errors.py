"""Errors that services raise for the UI to show as they are: plain Indonesian messages."""

from __future__ import annotations


class ServiceError(Exception):
    """A problem the user can act on; ``str(exc)`` is the message to show."""


class ValidationError(ServiceError):
    """Bad input. ``field`` names the form field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class AuthError(ServiceError):
    pass


class AccountLocked(AuthError):
    pass
