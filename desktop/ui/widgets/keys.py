"""Matching key presses against shortcuts, with keypad Enter counting as Enter."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence


def key_of(event: QKeyEvent) -> QKeyCombination:
    """The key and modifiers of an event, with the keypad flag dropped (keypad Enter is just Enter)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(modifiers, Qt.Key(event.key()))


def sequence(text: str | QKeySequence.StandardKey) -> QKeyCombination:
    """The single key combination of a shortcut such as ``"Ctrl+S"``."""
    return QKeySequence(text)[0]


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
