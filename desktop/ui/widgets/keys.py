"""Matching key presses against shortcuts, with keypad Enter counting as Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def key_of(event: QKeyEvent) -> QKeyCombination:
    """The key and modifiers of an event, with the keypad flag dropped (keypad Enter is just Enter)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(modifiers, Qt.Key(event.key()))


def sequence(text: str | QKeySequence.StandardKey) -> QKeyCombination:
    """The single key combination of a shortcut such as ``"Ctrl+S"``."""
    return QKeySequence(text)[0]


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def focus_next(widget: QWidget) -> None:
    """Move the focus on from ``widget`` exactly as Tab would, so Enter can mean "next field" in a form
    without each form keeping its own copy of the tab order."""
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    )
