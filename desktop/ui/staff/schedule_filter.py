"""The Jadwal filter: kind, name or NIP, and whether handled items show."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

from desktop.services.staff.board import BoardEntry
from desktop.services.staff.schedule import JenisJadwal
from desktop.ui.staff.schedule_model import ENTRY_ROLE, ScheduleModel


class ScheduleFilter(QSortFilterProxyModel):
    """Kind, name or NIP, and whether handled items show (hidden by default: a handled item stops nagging).

    It only filters: a sort (a header click) is passed to the ScheduleModel, which keeps its rows in order;
    the proxy itself never sorts (that would ask Python's data() for every comparison).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jenis: JenisJadwal | None = None
        self.needle = ""
        self.digits = ""
        self.show_handled = False
        self.setDynamicSortFilter(True)  # a changed status re-filters its row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ScheduleModel):
            model.sort(column, order)

    def set_filter(
        self, *, jenis: JenisJadwal | None = None, text: str = "", show_handled: bool = False
    ) -> None:
        self.beginFilterChange()
        self.jenis = jenis
        self.needle = " ".join(text.casefold().split())
        digits = "".join(ch for ch in text if ch.isdigit())
        # Only a NIP-looking search matches on digits, so "III" or a name never matches every NIP.
        self.digits = digits if len(digits) >= 3 and len(digits) * 2 >= len(text.replace(" ", "")) else ""
        self.show_handled = show_handled
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def entry(self, proxy_row: int) -> BoardEntry | None:
        if not 0 <= proxy_row < self.rowCount():
            return None
        value = self.index(proxy_row, 0).data(ENTRY_ROLE)
        return value if isinstance(value, BoardEntry) else None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ScheduleModel):
            return True
        return self.accepts(model.entries[source_row])

    def accepts(self, e: BoardEntry) -> bool:
        if e.handled and not self.show_handled:
            return False
        if self.jenis is not None and e.jenis is not self.jenis:
            return False
        if self.needle:
            if self.digits:
                return self.digits in e.nip
            return self.needle in e.nama.casefold()
        return True
