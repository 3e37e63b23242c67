"""Window geometry and table column layout remembered between runs, in one small INI file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QWidget

from desktop.storage.files import make_private

log = logging.getLogger("sekretariat")

# Bump when the main window's toolbars/docks change shape so an old saved state is not applied to them.
WINDOW_STATE_VERSION = 1


class UiState:
    """Thin, forgiving wrapper over QSettings(IniFormat): a missing, unreadable or corrupt file only means
    "start with the defaults"; it never stops the application."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._settings = self._open()

    def _open(self) -> QSettings:
        settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        if settings.status() == QSettings.Status.FormatError:
            # Keep the damaged file for diagnosis instead of writing half of it back.
            del settings
            aside = self.path.with_name(self.path.name + ".rusak")
            try:
                self.path.replace(aside)
                log.warning("UI state file %s is corrupt; moved to %s, using defaults", self.path, aside)
            except OSError as exc:
                log.warning("UI state file %s is corrupt and could not be moved aside: %s", self.path, exc)
            settings = QSettings(str(self.path), QSettings.Format.IniFormat)
            if settings.status() != QSettings.Status.NoError:
                settings.clear()
        return settings

    # ------------------------------------------------------------------ plumbing
    def sync(self) -> bool:
        """Write to disk now; False (and a log line) if the file can't be written, e.g. a read-only profile."""
        self._settings.sync()
        status = self._settings.status()
        if status == QSettings.Status.AccessError:
            log.warning("UI state file %s could not be written", self.path)
            return False
        make_private(self.path)  # QSettings writes it with the default mode; it names the user's work
        return True

    def _bytes(self, key: str) -> QByteArray | None:
        try:
            raw = self._settings.value(key)
        except Exception:  # a malformed entry must not break start-up
            log.warning("UI state %s: unreadable value for %r", self.path, key, exc_info=True)
            return None
        if isinstance(raw, QByteArray):
            return raw if not raw.isEmpty() else None
        if isinstance(raw, bytes | bytearray) and raw:
            return QByteArray(bytes(raw))
        return None

    # ------------------------------------------------------------------ windows
    def save_window(self, key: str, widget: QWidget) -> None:
        """Remember the widget's geometry and, for a QMainWindow, its toolbars and docks."""
        self._settings.setValue(f"{key}/geometry", widget.saveGeometry())
        if isinstance(widget, QMainWindow):
            self._settings.setValue(f"{key}/state", widget.saveState(WINDOW_STATE_VERSION))
        self.sync()

    def restore_window(self, key: str, widget: QWidget) -> bool:
        """Apply what save_window stored; False when nothing (usable) was stored. Call before show()."""
        geometry = self._bytes(f"{key}/geometry")
        restored = False
        if geometry is not None:
            try:
                restored = bool(widget.restoreGeometry(geometry))
            except Exception:
                log.warning("UI state: could not restore geometry of %r", key, exc_info=True)
        if isinstance(widget, QMainWindow):
            state = self._bytes(f"{key}/state")
            if state is not None:
                try:
                    restored = bool(widget.restoreState(state, WINDOW_STATE_VERSION)) and restored
                except Exception:
                    log.warning("UI state: could not restore window state of %r", key, exc_info=True)
        return restored

    # ------------------------------------------------------------------ table headers
    def save_header(self, key: str, header: QHeaderView) -> None:
        """Remember column widths, order, visibility and sort indicator."""
        self._settings.setValue(f"{key}/header", header.saveState())
        self._settings.setValue(f"{key}/columns", header.count())
        self.sync()

    def restore_header(self, key: str, header: QHeaderView) -> bool:
        """Apply what save_header stored. Skipped (False) when the table now has a different number of
        columns: an old layout would hide or misplace the new ones. Call after the model is set."""
        state = self._bytes(f"{key}/header")
        if state is None:
            return False
        columns = self.value(f"{key}/columns", -1)
        if columns != header.count():
            log.info(
                "UI state: column count of %r changed (%s -> %s); layout reset", key, columns, header.count()
            )
            return False
        try:
            return bool(header.restoreState(state))
        except Exception:
            log.warning("UI state: could not restore header %r", key, exc_info=True)
            return False

    # ------------------------------------------------------------------ small preferences
    def value(self, key: str, default: Any = None) -> Any:
        """The stored value, converted to the type of `default` (INI files store text); `default` if the
        key is missing or its value can't be converted."""
        try:
            raw = self._settings.value(key)
        except Exception:
            return default
        if raw is None:
            return default
        if default is None:
            return raw
        try:
            if isinstance(default, bool):
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                if text in ("true", "1", "yes"):
                    return True
                if text in ("false", "0", "no"):
                    return False
                return default
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, float):
                return float(raw)
            if isinstance(default, str):
                return str(raw)
            if isinstance(default, list):
                return list(raw) if isinstance(raw, list | tuple) else [raw]
        except (TypeError, ValueError):
            return default
        return raw

    def set_value(self, key: str, value: Any) -> None:
        self._settings.setValue(key, value)
        self.sync()

    def remove(self, key: str) -> None:
        self._settings.remove(key)
        self.sync()
