"""Small pieces the Pegawai dialogs share: an optional date field, keyboard walking (Enter moves on), the print
preview of a staff printout, and a dialog's size and scrolling on a small screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.services.staff.printouts import Printout
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.dates import DateField as SharedDateField
from desktop.ui.widgets.forms import select_on_focus
from desktop.ui.widgets.keys import is_enter, key_of

_EIGHT_DIGITS = re.compile(r"\d{8}")


def parse_optional_date(text: str) -> date | None:
    """``14-03-1973``, ``14/03/1973``, ``14031973``, ``1973-03-14`` or ``14 Maret 1973``; empty -> None.

    ValueError (Indonesian) for anything else."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if _EIGHT_DIGITS.fullmatch(cleaned):
        cleaned = f"{cleaned[:2]}-{cleaned[2:4]}-{cleaned[4:]}"
    return parse_date(cleaned)


class DateField(SharedDateField):
    """The shared date field, optional (staff records leave many dates empty) and shown as 14-03-1973."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent, placeholder=placeholder)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("88-88-8888 (dari NIP)") + 40)


class EnterWalker(QObject):
    """Enter moves to the next enabled, visible widget of ``chain`` (a button at the end is clicked); ``keys``
    maps key combinations to actions run wherever the focus is among the watched widgets."""

    def __init__(
        self, owner: QWidget, chain: list[QWidget], keys: dict[object, Callable[[], object]]
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.chain = chain
        self.keys = keys
        for widget in chain:
            self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        select_on_focus(widget)  # Enter arrives like Tab: a pre-filled value is selected, typing replaces it
        if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
            widget.lineEdit().installEventFilter(self)
        if isinstance(widget, QAbstractSpinBox):
            for child in widget.findChildren(QLineEdit):
                child.installEventFilter(self)

    def _owner_of(self, watched: QObject) -> QWidget | None:
        for widget in self.chain:
            if watched is widget or (isinstance(watched, QWidget) and widget.isAncestorOf(watched)):
                return widget
        return None

    def next_after(self, current: QWidget) -> None:
        try:
            start = self.chain.index(current)
        except ValueError:
            return
        for widget in self.chain[start + 1 :]:
            if widget.isVisibleTo(self.owner) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        key = key_of(event)
        if event.type() == QEvent.Type.ShortcutOverride and key in self.keys:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        action = self.keys.get(key)
        if action is not None:
            action()
            return True
        if not is_enter(event) or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # Enter picks the item in an open list
        if (
            isinstance(watched, QLineEdit)
            and watched.completer() is not None
            and watched.completer().popup().isVisible()
        ):
            return False
        current = self._owner_of(watched)
        if current is None:
            return False
        if isinstance(current, QPushButton):
            current.click()
        else:
            self.next_after(current)
        return True


def open_preview(parent: QWidget, printout: Printout) -> PrintPreviewDialog:
    """The print preview of a staff printout, window-modal without blocking."""
    dialog = PrintPreviewDialog(printout.pdf, printout.title, parent, suggested_filename=printout.filename)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
