"""Small pieces the Surat panels share: message colours, key matching, office-time display."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel

from desktop.core.dates import format_date_numeric, office_tz

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5a00"  # amber text that stays readable on a white background
SUCCESS_COLOR = "#1e7a34"


def key_of(event: QKeyEvent) -> QKeyCombination:
    """The key and modifiers of an event, with the keypad flag dropped (keypad Enter is just Enter)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(modifiers, Qt.Key(event.key()))


def sequence(text: str | QKeySequence.StandardKey) -> QKeyCombination:
    """The single key combination of a shortcut such as ``"Ctrl+S"``."""
    return QKeySequence(text)[0]


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def zone_info(zone: str) -> tzinfo:
    """The office zone; a profile that is not filled in yet counts as WIB rather than failing."""
    try:
        return office_tz(zone)
    except ValueError:
        return office_tz("WIB")


def office_time(value: datetime, zone: str) -> datetime:
    """An aware timestamp in office time (a naive one is taken to be office time already)."""
    return value.astimezone(zone_info(zone)) if value.tzinfo is not None else value


def short_datetime(value: datetime, zone: str) -> str:
    """``22-11-2026 14.05`` in office time, for dense tables."""
    local = office_time(value, zone)
    return f"{format_date_numeric(local.date())} {local.hour:02d}.{local.minute:02d}"


def muted(label: QLabel, smaller: bool = False) -> QLabel:
    """Grey secondary text (hints, notes) that follows the system palette."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    if smaller:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        label.setFont(font)
    return label


def set_message(label: QLabel, text: str, color: str) -> None:
    """Show ``text`` in ``color`` (hide the label when there is nothing to say)."""
    label.setText(text)
    label.setStyleSheet(f"color: {color};" if text else "")
    label.setVisible(bool(text))
