"""The Jadwal table: its rows (board entries), the filter (jenis, name/NIP, handled ones) and the urgency colours."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.core.dates import format_date_numeric
from desktop.services.staff_board import BoardEntry
from desktop.services.staff_schedule import JenisJadwal, StatusJadwal, Urgensi

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


def entry_key(entry: BoardEntry) -> tuple[int, str, object]:
    """What a kept status belongs to: the pegawai, the kind and the due date."""
    return (entry.pegawai_id, entry.jenis.value, entry.tanggal)


class ScheduleModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[BoardEntry] = []

    def set_entries(self, entries: list[BoardEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def replace(self, row: int, entry: BoardEntry) -> None:
        self.entries[row] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, key: tuple[int, str, object]) -> int:
        for row, entry in enumerate(self.entries):
            if entry_key(entry) == key:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, col)
        if role == ENTRY_ROLE:
            return e
        if role == SORT_ROLE:
            return self._sort_key(e, col)
        if role == NIP_ROLE:
            return e.nip_format
        if role == Qt.ItemDataRole.BackgroundRole:
            if e.handled:
                return None
            style = URGENCY[e.urgensi]
            color = style.cell if col == COL_URGENSI else style.row
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.handled:
                return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            return QBrush(QColor(INK)) if URGENCY[e.urgensi].row else None
        if role == Qt.ItemDataRole.FontRole:
            if col == COL_URGENSI and not e.handled and e.urgensi is not Urgensi.NANTI:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_HARI:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._text(e, COL_URGENSI)}, {self._text(e, col)}"
        return None

    def _text(self, e: BoardEntry, col: int) -> str:
        if col == COL_URGENSI:
            return self.tr(HANDLED_MARKER) if e.handled else self.tr(URGENCY[e.urgensi].marker)
        if col == COL_TANGGAL:
            return format_date_numeric(e.tanggal)
        if col == COL_HARI:
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


class ScheduleFilter(QSortFilterProxyModel):
    """Kind, name or NIP, and whether handled items show (hidden by default: a handled item stops nagging)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jenis: JenisJadwal | None = None
        self.needle = ""
        self.digits = ""
        self.show_handled = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

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
        e = model.entries[source_row]
        if e.handled and not self.show_handled:
            return False
        if self.jenis is not None and e.jenis is not self.jenis:
            return False
        if self.needle:
            if self.digits:
                return self.digits in e.nip
            return self.needle in e.nama.casefold()
        return True


class PegawaiDelegate(QStyledItemDelegate):
    """Nama on the first line, the grouped NIP smaller and muted below it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        nama = opt.text
        nip = str(index.data(NIP_ROLE) or "")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        if selected:
            ink = palette.color(QPalette.ColorRole.HighlightedText)
            muted = ink
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            ink = brush.color() if isinstance(brush, QBrush) else palette.color(QPalette.ColorRole.Text)
            muted = QColor(ink)
            muted.setAlpha(170)
        rect: QRect = opt.rect.adjusted(6, 2, -6, -2)
        metrics = opt.fontMetrics
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(ink)
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(nama, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.9, 6.0))
        painter.setFont(small)
        painter.setPen(muted)
        bottom = QRect(rect.left(), top.bottom() + 1, rect.width(), rect.bottom() - top.bottom())
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), nip)
        painter.restore()
