"""Message lines in a screen: grey secondary text, and a coloured line that hides when it has nothing to say."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel


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
