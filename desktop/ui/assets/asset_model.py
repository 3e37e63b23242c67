"""The table of the Daftar Barang: one row per unit, in KIB order, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.money import format_number
from desktop.services.assets.items import KONDISI_TEXT, AssetInfo
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR

COLUMNS = (
    "Kode Barang",
    "Register",
    "Nama",
    "Merk/Tipe",
    "Tahun",
    "Harga (Rp)",
    "Kondisi",
    "Ruang",
    "Pemegang",
    "Intra/Ekstra",
)
(
    COL_KODE,
    COL_REGISTER,
    COL_NAMA,
    COL_MERK,
    COL_TAHUN,
    COL_HARGA,
    COL_KONDISI,
    COL_RUANG,
    COL_PEMEGANG,
    COL_INTRA,
) = range(len(COLUMNS))

PAGE = 200

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def intra_text(intra: bool) -> str:
    return "Intrakomptabel" if intra else "Ekstrakomptabel"


class AssetTableModel(PagedTableModel[AssetInfo]):
    """Money right-aligned with dot thousands (a column of prices is read by its right edge); an item written
    off stays listable (status Dihapus) but greyed."""

    def __init__(self, fetch: Callable[[int], tuple[Sequence[AssetInfo], int]]) -> None:
        super().__init__(fetch, COLUMNS)

    def text(self, row: AssetInfo, column: int) -> str:
        if column == COL_KODE:
            return row.kode_barang
        if column == COL_REGISTER:
            return row.register_text
        if column == COL_NAMA:
            return row.nama if row.status == "aktif" else f"{row.nama} (dihapus)"
        if column == COL_MERK:
            return row.merk_tipe
        if column == COL_TAHUN:
            return str(row.tahun)
        if column == COL_HARGA:
            return format_number(row.harga)
        if column == COL_KONDISI:
            return KONDISI_TEXT.get(row.kondisi, str(row.kondisi))
        if column == COL_RUANG:
            return row.ruang_nama or "—"
        if column == COL_PEMEGANG:
            return row.pemegang_nama
        if column == COL_INTRA:
            return "Intra" if row.intra else "Ekstra"  # the column's title says the rest; 1024 px is narrow
        return ""

    def tooltip(self, row: AssetInfo, column: int) -> str | None:
        if column == COL_NAMA and row.spesifikasi:
            return row.spesifikasi
        if column in (COL_KODE, COL_REGISTER):
            return row.full_id
        if column == COL_INTRA:
            return intra_text(row.intra)
        return None

    def alignment(self, row: AssetInfo, column: int) -> Qt.AlignmentFlag | None:
        if column in (COL_HARGA, COL_TAHUN, COL_REGISTER):
            return _RIGHT
        return None

    def foreground(self, row: AssetInfo, column: int) -> QColor | None:
        if row.status != "aktif" or (column == COL_RUANG and not row.ruang_nama):
            return QColor(DIMMED_COLOR)
        return None
