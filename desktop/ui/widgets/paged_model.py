"""One table model for every long list: rows fetched a page at a time as the view scrolls, found by id."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole  # index.data(ROW_ROLE) is the row object itself

# data() runs for every role of every visible cell on each repaint; looking the roles up once here, not on the
# Qt enum each call, keeps that loop as cheap as the hand-written models were.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


def _row_id(row: Any) -> Hashable:
    return row.id  # type: ignore[no-any-return]


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list the services hand out a page at a time.

    The caller gives:

    - ``fetch(offset) -> (rows, total)``: one page starting at ``offset`` and the size of the whole query
      (usually ``ctx.query(service.list_..., limit=PAGE, offset=offset)``); it reads the caller's search and
      filters itself, and ``sort_spec`` when the list sorts;
    - ``columns``: the header titles;
    - ``key(row)``: the row's id (``row.id`` unless told), used to find a row and to drop a row that a page
      brings twice when something was added meanwhile and the pages shifted;
    - ``sort_keys`` (optional): one SQL sort key per column; then a header click calls ``sort()``, which keeps
      ``sort_spec = (key, descending)`` and fetches again from the first page (the loaded rows are only a part
      of the list, so they cannot be sorted here), and emits ``sorted``. The columns in ``newest_first`` sort
      descending on the first click; column 0 descending is the list's own order (``sort_spec`` None), which
      keeps the services' fast path.

    A subclass fills the cells through small hooks, each given the row object and the column:
    ``text`` (required), ``tooltip``, ``foreground`` (a colour), ``font`` and ``alignment``; a hook returning
    None leaves the role to the view's defaults. ``index.data(ROW_ROLE)`` gives the row object.

    State: ``rows`` (loaded, in order) and ``total``; ``reload()`` starts the query over (a new search, filter
    or year), Qt's ``canFetchMore``/``fetchMore`` bring the next page as the view scrolls; ``info(i)`` is the
    row at a position, ``row_of(id)`` the position of an id (-1 when not loaded, or with ``fetch=True`` after
    fetching pages until it is found or the list ends).
    """

    sorted = Signal()  # after a sort() that changed the order and reloaded

    def __init__(
        self,
        fetch: Callable[[int], tuple[Sequence[R], int]],
        columns: Sequence[str],
        *,
        key: Callable[[R], Hashable] = _row_id,
        sort_keys: Sequence[str] = (),
        newest_first: Sequence[int] = (),
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._key = key
        self.columns = tuple(columns)
        self.sort_keys = tuple(sort_keys)
        self.newest_first = frozenset(newest_first)
        self.rows: list[R] = []
        self.total = 0
        self.sort_spec: tuple[str, bool] | None = None  # None: the list's own order
        self._positions: dict[Hashable, int] = {}  # id -> position in rows

    # --- hooks for a subclass
    def text(self, row: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    def foreground(self, row: R, column: int) -> QColor | None:
        return None

    def font(self, row: R, column: int) -> QFont | None:
        return None

    def alignment(self, row: R, column: int) -> Qt.AlignmentFlag | None:
        return None

    # --- loading
    def reload(self) -> None:
        """Fetch the first page again: a new query (search, filter, year or order) starts here."""
        rows, total = self._fetch(0)
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self._positions = {self._key(r): i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more, total = self._fetch(len(self.rows))
        known = self._positions
        fresh: list[R] = []
        for r in more:  # a row added meanwhile shifts the pages: the next page repeats a loaded row
            k = self._key(r)
            if k not in known:
                known[k] = len(self.rows) + len(fresh)
                fresh.append(r)
        self.total = total
        if not fresh:
            self.total = len(self.rows)  # the list ended early (rows removed meanwhile): stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(fresh) - 1)
        self.rows.extend(fresh)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sort_keys:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        spec: tuple[str, bool] | None = None
        if 0 < column < len(self.sort_keys) or (column == 0 and not descending):
            spec = (self.sort_keys[column], descending)
        if spec == self.sort_spec:
            return
        self.sort_spec = spec
        self.reload()
        self.sorted.emit()

    # --- finding rows
    def info(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: Hashable, *, fetch: bool = False) -> int:
        row = self._positions.get(key, -1)
        while row < 0 and fetch and self.canFetchMore():
            self.fetchMore()
            row = self._positions.get(key, -1)
        return row

    # --- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section])
        if self.sort_keys and role == Qt.ItemDataRole.InitialSortOrderRole:
            newest = section in self.newest_first
            return Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
        if self.sort_keys and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Klik untuk mengurutkan menurut kolom ini; klik lagi untuk membalik urutan")
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self.text(row, column)
        if role == ROW_ROLE:
            return row
        if role == _TOOLTIP:
            return self.tooltip(row, column)
        if role == _FOREGROUND:
            color = self.foreground(row, column)
            return None if color is None else QBrush(color)
        if role == _FONT:
            return self.font(row, column)
        if role == _ALIGNMENT:
            align = self.alignment(row, column)
            return None if align is None else int(align)
        return None
