"""What every list screen shares: its heading, search as you type, the table view, finding rows, keys, layout."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QKeyCombination, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import reason
from desktop.ui.widgets.keys import key_of
from desktop.ui.widgets.paged_model import PagedTableModel

R = TypeVar("R")

# Long enough that a clerk typing a name does not start a query per letter, short enough to feel immediate.
SEARCH_DELAY_MS = 250


def heading(text: str, parent: QWidget) -> QLabel:
    """The bold, slightly larger title at the top left of a list screen."""
    title = QLabel(text, parent)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    title.setFont(font)
    return title


def search_box(parent: QWidget, placeholder: str, reload: Callable[[], object]) -> tuple[QLineEdit, QTimer]:
    """A search field that calls ``reload`` once typing pauses for ``SEARCH_DELAY_MS``, and its timer (start it
    for the same pause after another change; stop it when reloading for another reason)."""
    search = QLineEdit(parent)
    search.setObjectName("search")
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(reload)
    search.textChanged.connect(lambda _t: timer.start())
    return search, timer


def list_table(parent: QWidget, name: str, model: PagedTableModel[Any], stretch: int) -> QTableView:
    """A read-only table of whole rows, one selected at a time, compact rows, ``stretch`` taking the spare width."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the next field, as everywhere else
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def set_widths(table: QTableView, widths: Mapping[int, int]) -> None:
    """Starting widths of the columns (the clerk may drag them wider)."""
    for column, width in widths.items():
        table.setColumnWidth(column, width)


def selected_row(table: QTableView, model: PagedTableModel[R]) -> R | None:
    """The row object selected in ``table``, or None."""
    rows = table.selectionModel().selectedRows()
    return model.info(rows[0].row()) if rows else None


def select_key(table: QTableView, model: PagedTableModel[Any], key: Hashable, *, fetch: bool = False) -> bool:
    """Select and show the row with id ``key``; False when it is not loaded (or, with ``fetch``, not listed)."""
    row = model.row_of(key, fetch=fetch)
    if row < 0:
        return False
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))
    return True


def focus_search(search: QLineEdit) -> None:
    """Ctrl+F: the cursor in the search field with its text selected, so typing replaces it."""
    search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    search.selectAll()


def take_key(event: QKeyEvent, keys: Mapping[QKeyCombination, Callable[[], object]]) -> bool:
    """Run the screen's own action for the key of ``event``; True when the key is one of ``keys``.

    On the shortcut override the key is claimed (accepted), so it stays with the screen while focus is in it,
    whatever the window binds to the same key; on the key press the action runs.
    """
    action = keys.get(key_of(event))
    if action is None:
        return False
    if event.type() == QEvent.Type.ShortcutOverride:
        event.accept()
        return True
    if event.type() == QEvent.Type.KeyPress:
        action()
        return True
    return False


def ask_reason(
    parent: QWidget, title: str, label: str, *, cancel: str, width: int, ok: str = "Lanjut"
) -> str | None:
    """The reason for cancelling a record, asked before the confirmation; None only when the user backs out
    (an empty reason keeps the dialog open with a message: see ``desktop.ui.widgets.reason``)."""
    return reason.ask_reason(parent, title, label, cancel=cancel, width=width, ok=ok)


def screen_layout(parent: QWidget, *parts: QWidget | QLayout, stretch: QWidget) -> QVBoxLayout:
    """The list screen's rows from top to bottom, ``stretch`` (the table) taking the spare height."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(12, 6, 12, 8)
    layout.setSpacing(6)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if part is stretch else 0)
    return layout
