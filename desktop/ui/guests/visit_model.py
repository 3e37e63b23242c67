"""The Buku Tamu register as a table model: a period's visits a page at a time, the NIK never among its columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QColor, QFont

from desktop.core.dates import format_date_numeric
from desktop.services.guests.visits import Status, VisitView
from desktop.ui.widgets.dates import office_time
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR

COLUMNS = (
    "Tanggal",
    "Tiket",
    "Nama",
    "Instansi",
    "Keperluan",
    "Tujuan",
    "Datang",
    "Pulang",
    "Status",
    "Kartu",
)
(
    COL_TANGGAL,
    COL_TIKET,
    COL_NAMA,
    COL_INSTANSI,
    COL_KEPERLUAN,
    COL_TUJUAN,
    COL_DATANG,
    COL_PULANG,
    COL_STATUS,
    COL_KARTU,
) = range(len(COLUMNS))
# A visit that did not happen (entered by mistake, a no-show, a registration still ahead) is greyed.
NOT_A_VISIT = frozenset({Status.BATAL.value, Status.TIDAK_HADIR.value, Status.PRA_REGISTRASI.value})
GREY = QColor(DIMMED_COLOR)


class VisitTableModel(PagedTableModel[VisitView]):
    """Rows of ``VisitView`` as the service pages them (newest date first, then arrival order)."""

    def __init__(self, fetch: Callable[[int], tuple[Sequence[VisitView], int]], zone: str) -> None:
        super().__init__(fetch, COLUMNS)
        self.zone = zone
        self._mono = QFont()
        self._mono.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        self._mono.setBold(True)

    def _time(self, moment: datetime | None) -> str:
        return f"{office_time(moment, self.zone):%H.%M}" if moment is not None else ""

    def text(self, row: VisitView, column: int) -> str:
        if column == COL_TANGGAL:
            return format_date_numeric(row.tanggal)
        if column == COL_TIKET:
            return row.tiket or (row.kode_registrasi or "")
        if column == COL_NAMA:
            return row.nama + (f" (+{row.jumlah_orang - 1})" if row.jumlah_orang > 1 else "")
        if column == COL_INSTANSI:
            return row.instansi
        if column == COL_KEPERLUAN:
            return row.keperluan
        if column == COL_TUJUAN:
            return row.tujuan
        if column == COL_DATANG:
            return self._time(row.datang_at)
        if column == COL_PULANG:
            # An imported book's visit without jam pulang is closed at its arrival: nothing to show.
            return self._time(row.pulang_at) if row.pulang_at != row.datang_at else ""
        if column == COL_STATUS:
            return row.status_label
        if column == COL_KARTU:
            if not row.kartu:
                return ""
            return row.kartu if row.kartu_kembali or row.pulang_at is None else f"{row.kartu} (belum kembali)"
        return ""

    def tooltip(self, row: VisitView, column: int) -> str | None:
        if column in (COL_NAMA, COL_INSTANSI, COL_KEPERLUAN, COL_TUJUAN):
            return self.text(row, column) or None
        if column == COL_TIKET and not row.tiket and row.kode_registrasi:
            return self.tr("Kode pra-registrasi (belum datang)")
        return None

    def foreground(self, row: VisitView, column: int) -> QColor | None:
        return GREY if row.status in NOT_A_VISIT else None

    def font(self, row: VisitView, column: int) -> QFont | None:
        return self._mono if column == COL_TIKET else None
