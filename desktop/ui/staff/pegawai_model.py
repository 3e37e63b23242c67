"""The pegawai list as a table model: NIP order, a page at a time, inactive staff greyed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QFont

from desktop.services.staff.records import PegawaiRow
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR

GREY = QColor(DIMMED_COLOR)


class PegawaiTableModel(PagedTableModel[PegawaiRow]):
    """Rows of ``PegawaiRow`` in NIP order, fetched a page at a time as the view scrolls."""

    COLUMNS = ("NIP", "Nama", "Gol.", "Jabatan", "Unit kerja", "Status")
    NAMA, JABATAN = 1, 3

    def __init__(self, fetch: Callable[[int], tuple[list[PegawaiRow], int]]) -> None:
        super().__init__(fetch, self.COLUMNS)

    def tooltip(self, info: PegawaiRow, column: int) -> str | None:
        return self.text(info, column) if column in (self.NAMA, self.JABATAN, 4) else None

    def foreground(self, info: PegawaiRow, column: int) -> QColor | None:
        return None if info.aktif else GREY

    def font(self, info: PegawaiRow, column: int) -> QFont | None:
        if column != 0:
            return None
        font = QFont()
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        return font

    def text(self, info: PegawaiRow, column: int) -> str:
        if column == 0:
            return info.nip_format
        if column == 1:
            return info.nama_lengkap
        if column == 2:
            return info.golongan_ruang
        if column == 3:
            return info.jabatan
        if column == 4:
            return info.unit_nama
        if column == 5:
            return info.status.label + ("" if info.aktif else self.tr(" · nonaktif"))
        return ""
