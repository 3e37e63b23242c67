"""What every list screen shares: its heading, search as you type, the table view, finding rows, keys, layout."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer
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
    return style_list(table, stretch)


def style_list(table: QTableView, stretch: int, *, several: bool = False) -> QTableView:
    """The look and keys of every read-only list (also a QTableWidget): whole rows, one selected at a time
    (``several``: Shift/Ctrl pick more), compact rows, ``stretch`` taking the spare width."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
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


class ColumnFitter(QObject):
    """Keeps every column of a table on screen when the window is narrow (1024 px): the ``elastic`` columns
    (long texts such as asal surat, tujuan, perihal) give up width first, each down to ``minimum``, before
    a horizontal scroll bar hides the key columns at the right (status, sifat). A column the clerk drags
    keeps the width dragged; an elastic one takes it as its preferred width when there is room again."""

    def __init__(self, table: QTableView, elastic: Sequence[int], *, minimum: int = 80) -> None:
        super().__init__(table)
        self._table = table
        self._elastic = list(elastic)
        self._minimum = minimum
        self._preferred: dict[int, int] = {}
        self._fitting = False
        table.viewport().installEventFilter(self)
        header = table.horizontalHeader()
        header.sectionResized.connect(self._dragged)
        if (model := table.model()) is not None:
            model.modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # After the header has laid out its own stretch column; bound to self, so a table closed in the
            # meantime (and this fitter with it) cancels the call instead of reaching a deleted table.
            QTimer.singleShot(0, self, self.fit)
        return False

    def _dragged(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self._elastic:
            self._preferred[column] = new

    def fit(self) -> None:
        """Share the viewport: fixed columns as they are, the stretch column at its minimum, the elastic
        columns at their preferred widths or, when that is too wide, proportionally less."""
        table = self._table
        if not shiboken6.isValid(table):
            return  # a fit queued by the table's last resize, run after the table was closed and deleted
        header = table.horizontalHeader()
        available = table.viewport().width()
        if available <= 0 or header.count() == 0:
            return
        for column in self._elastic:
            self._preferred.setdefault(column, table.columnWidth(column))
        fixed = 0
        for column in range(header.count()):
            if header.isSectionHidden(column) or column in self._elastic:
                continue
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                fixed += max(header.minimumSectionSize(), self._minimum)  # perihal stays readable too
            else:
                fixed += table.columnWidth(column)
        shown = [c for c in self._elastic if not header.isSectionHidden(c)]
        wanted = sum(self._preferred[c] for c in shown)
        room = available - fixed
        ratio = 1.0 if wanted <= room or wanted == 0 else max(0.0, room / wanted)
        self._fitting = True
        try:
            for column in shown:
                table.setColumnWidth(column, max(self._minimum, int(self._preferred[column] * ratio)))
        finally:
            self._fitting = False


def keep_columns_on_screen(table: QTableView, elastic: Sequence[int], *, minimum: int = 80) -> ColumnFitter:
    """Install a ColumnFitter: call after the starting widths are set (they are the elastic columns'
    preferred widths)."""
    return ColumnFitter(table, elastic, minimum=minimum)


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
