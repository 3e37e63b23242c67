"""How a screen tells a failed background job to the clerk: a plain message, or the crash dialog for a bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from desktop.services.common.errors import ServiceError
from desktop.storage.database import StorageError


def _tr(text: str) -> str:
    return QCoreApplication.translate("failures", text)


def is_expected(exc: BaseException) -> bool:
    """A problem the user can act on (bad file, locked database, disk full), shown as a plain message."""
    return isinstance(exc, ServiceError | StorageError | OSError)


def error_text(exc: BaseException) -> str:
    """The message for an expected problem, in the clerk's words."""
    if isinstance(exc, OSError) and not isinstance(exc, ServiceError):
        name = f" ({exc.filename})" if exc.filename else ""
        return _tr("Berkas tidak bisa dibaca atau ditulis{0}: {1}").format(name, exc.strerror or exc)
    return str(exc).strip() or _tr("Terjadi kesalahan yang tidak terduga.")


def report_bug(exc: BaseException) -> None:
    """An unexpected error is a bug: it goes to the crash dialog with its traceback."""
    sys.excepthook(type(exc), exc, exc.__traceback__)
