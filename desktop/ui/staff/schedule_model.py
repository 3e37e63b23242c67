"""The Jadwal table model: its rows (board entries), their order and the urgency colours."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.dates import format_date_numeric
from desktop.services.staff.board import BoardEntry
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal, Urgensi

COLUMNS = (
    "Urgensi",
    "Tanggal",
    "Hari lagi",
    "Jenis",
    "Pegawai (nama, NIP)",
    "Gol.",
    "Unit kerja",
    "Keterangan",
    "Status",
)
COL_URGENSI, COL_TANGGAL, COL_HARI, COL_JENIS, COL_PEGAWAI, COL_GOL, COL_UNIT, COL_JUDUL, COL_STATUS = range(
    9
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NIP_ROLE = Qt.ItemDataRole.UserRole + 2

JENIS_SHORT = {
    JenisJadwal.KGB: "KGB",
    JenisJadwal.KP: "Kenaikan pangkat",
    JenisJadwal.PENSIUN: "Pensiun",
    JenisJadwal.PPPK: "Kontrak PPPK",
    JenisJadwal.SATYALANCANA: "Satyalancana",
}

INK = "#1b1b1b"  # text on a tinted row: readable whatever the palette


@dataclass(frozen=True)
class UrgencyStyle:
    marker: str  # the words (and sign) that say the urgency without colour
    row: str | None  # light tint of the whole row
    cell: str | None  # stronger colour of the urgency cell
    rank: int


URGENCY = {
    Urgensi.LEWAT: UrgencyStyle("\u203c Lewat", "#fde2df", "#ef9a93", 0),
    Urgensi.SEGERA: UrgencyStyle("! \u2264 30 hari", "#ffecd6", "#ffb870", 1),
    Urgensi.DEKAT: UrgencyStyle("\u2022 \u2264 90 hari", "#fff8d1", "#ffe36e", 2),
    Urgensi.NANTI: UrgencyStyle("> 90 hari", None, None, 3),
}
HANDLED_MARKER = "\u2713 Ditangani"
STATUS_RANK = {
    StatusJadwal.PERLU_DIPROSES: 0,
    StatusJadwal.DIPROSES: 1,
    StatusJadwal.SELESAI: 2,
    StatusJadwal.TIDAK_PERLU: 3,
}


def hari_text(hari_lagi: int) -> str:
    if hari_lagi < 0:
        return f"lewat {-hari_lagi:,} hari".replace(",", ".")
    if hari_lagi == 0:
        return "hari ini"
    return f"{hari_lagi:,} hari".replace(",", ".")


def _brush(color: str | None) -> QBrush | None:
    return QBrush(QColor(color)) if color else None


def entry_key(entry: BoardEntry) -> tuple[int, str, object]:
    """What a kept status belongs to: the pegawai, the kind and the due date."""
    return (entry.pegawai_id, entry.jenis.value, entry.tanggal)


class ScheduleModel(QAbstractTableModel):
    """The board's entries in the table's order: sorted here in Python, once per sort (staff.md R29).

    ``data()`` is called for every role of every painted cell, so each row's values are built once, on its
    first paint, and kept per role (a tuple of the nine columns); ties of a sort keep the board's order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[BoardEntry] = []  # in the table's order
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._board: list[BoardEntry] = []  # in the board's order
        self._pos: list[int] = []  # row -> index in _board
        self._cells: list[dict[int, tuple[object, ...]] | None] = []  # per index in _board
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: list[BoardEntry]) -> None:
        self.beginResetModel()
        self._board = list(entries)
        self._cells = [None] * len(self._board)
        self._pos = self._order()
        self.entries = [self._board[i] for i in self._pos]
        self.endResetModel()

    def replace(self, row: int, entry: BoardEntry) -> None:
        pos = self._pos[row]
        self._board[pos] = entry
        self._cells[pos] = None
        self.entries[row] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if self.sort_column >= 0:
            self._relayout()  # a new status may move the row (sorted by Status)

    def row_of(self, key: tuple[int, str, object]) -> int:
        for row, entry in enumerate(self.entries):
            if entry_key(entry) == key:
                return row
        return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            column = -1
        self.sort_column, self.sort_order = column, order
        self._relayout()

    def _order(self) -> list[int]:
        """Indexes into the board's list in the table's order (a stable sort: ties keep the board's order)."""
        indexes = range(len(self._board))
        col = self.sort_column
        if col < 0:
            return list(indexes)
        keys = [self._sort_key(e, col) for e in self._board]
        return sorted(indexes, key=keys.__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _relayout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        pos = self._order()
        row_of_pos = [0] * len(pos)
        for row, i in enumerate(pos):
            row_of_pos[i] = row
        old = self._pos
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(row_of_pos[old[index.row()]], index.column()) for index in persistent]
        )
        self._pos = pos
        self.entries = [self._board[i] for i in pos]
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        row = index.row()
        if row < 0 or row >= len(self.entries):
            return None
        if role == ENTRY_ROLE:
            return self.entries[row]
        if role == SORT_ROLE:
            return self._sort_key(self.entries[row], index.column())
        pos = self._pos[row]
        cells = self._cells[pos] or self._fill(pos)
        values = cells.get(role)
        return None if values is None else values[index.column()]

    def _fill(self, pos: int) -> dict[int, tuple[object, ...]]:
        """Every role's values of one row, for the nine columns."""
        e = self._board[pos]
        texts = tuple(self._text(e, col) for col in range(len(COLUMNS)))
        empty = (None,) * len(COLUMNS)
        style = URGENCY[e.urgensi]
        if e.handled:
            background: tuple[object, ...] = empty
            muted = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            foreground: tuple[object, ...] = (muted,) * len(COLUMNS)
        else:
            row = _brush(style.row)
            background = (_brush(style.cell), *(row,) * (len(COLUMNS) - 1))
            foreground = (_brush(INK) if style.row else None,) * len(COLUMNS)
        bold = not e.handled and e.urgensi is not Urgensi.NANTI
        align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells: dict[int, tuple[object, ...]] = {
            Qt.ItemDataRole.DisplayRole: texts,
            NIP_ROLE: (e.nip_format,) * len(COLUMNS),
            Qt.ItemDataRole.BackgroundRole: background,
            Qt.ItemDataRole.ForegroundRole: foreground,
            Qt.ItemDataRole.FontRole: (self._bold if bold else None, *empty[1:]),
            Qt.ItemDataRole.TextAlignmentRole: tuple(
                align if col == COL_HARI else None for col in range(len(COLUMNS))
            ),
            Qt.ItemDataRole.ToolTipRole: tuple(self._tooltip(e, col) for col in range(len(COLUMNS))),
            Qt.ItemDataRole.AccessibleTextRole: tuple(f"{texts[COL_URGENSI]}, {t}" for t in texts),
        }
        self._cells[pos] = cells
        return cells

    def _text(self, e: BoardEntry, col: int) -> str:
        if col == COL_URGENSI:
            return self.tr(HANDLED_MARKER) if e.handled else self.tr(URGENCY[e.urgensi].marker)
        if col == COL_TANGGAL:
            # A KP at the top of a jenjang or eselon has no date to act on: say what is needed instead.
            # Two short lines, as the name and NIP beside it: the column is as narrow as a date.
            if e.item is not None and e.item.pengganti_tanggal:
                return "\n".join(e.item.pengganti_tanggal.rsplit(" ", 1))
            return format_date_numeric(e.tanggal)
        if col == COL_HARI:
            # The days count to the KP period the pangkat alone would have given: a hint, not a deadline.
            if e.item is not None and e.item.pengganti_tanggal:
                return f"({hari_text(e.hari_lagi)})"
            return hari_text(e.hari_lagi)
        if col == COL_JENIS:
            return self.tr(JENIS_SHORT[e.jenis])
        if col == COL_PEGAWAI:
            return e.nama
        if col == COL_GOL:
            return e.golongan_ruang
        if col == COL_UNIT:
            return e.unit
        if col == COL_JUDUL:
            return e.judul
        if col == COL_STATUS:
            return self.tr(e.status.label)
        return ""

    @staticmethod
    def _sort_key(e: BoardEntry, col: int) -> object:
        if col == COL_URGENSI:
            return (9 if e.handled else URGENCY[e.urgensi].rank) * 1_000_000 + e.hari_lagi
        if col in (COL_TANGGAL, COL_HARI):
            return e.tanggal.toordinal()
        if col == COL_PEGAWAI:
            return f"{e.nama.casefold()}\t{e.tanggal.isoformat()}"
        if col == COL_STATUS:
            return STATUS_RANK[e.status] * 10_000_000 + e.tanggal.toordinal()
        if col == COL_JENIS:
            return JENIS_SHORT[e.jenis]
        if col == COL_GOL:
            return e.golongan_ruang
        if col == COL_UNIT:
            return e.unit.casefold()
        return e.judul.casefold()

    def _tooltip(self, e: BoardEntry, col: int) -> str:
        if col == COL_JENIS:
            return self.tr(e.jenis.label)
        if col == COL_STATUS and (e.status_oleh or e.catatan):
            parts = [self.tr(e.status.label)]
            if e.status_oleh:
                parts.append(self.tr("oleh {0}").format(e.status_oleh))
            if e.catatan:
                parts.append(e.catatan)
            return " \u2014 ".join(parts)
        if col == COL_URGENSI:
            return self.tr(e.urgensi.label)
        return self._text(e, col)
