"""The buku agenda keluar as a Qt table model: pages fetched as the view scrolls, sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QFont

from desktop.core.dates import format_date, format_date_numeric
from desktop.services.letters import outgoing
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR, SUCCESS_COLOR, WARNING_COLOR

_STATUS_COLORS = {"dipesan": WARNING_COLOR, "dikirim": SUCCESS_COLOR}


def signer_short(penandatangan: str) -> str:
    """The jabatan part of the snapshot "Kepala Dinas — Dr. …", for the narrow list column."""
    return penandatangan.split(" — ", 1)[0]


class OutgoingTableModel(PagedTableModel[outgoing.OutgoingInfo]):
    """Rows of ``OutgoingInfo``, newest number first, fetched a page at a time as the view scrolls; a header
    click sorts in SQL and fetches again from the first page (``sort_spec`` None is the book's own order)."""

    COLUMNS = ("Nomor surat", "Tgl surat", "Tujuan", "Perihal", "Kode", "Penanda tangan", "Status")
    NOMOR, TANGGAL, TUJUAN, PERIHAL, KODE, PENANDATANGAN, STATUS = range(7)
    SORT_KEYS = outgoing.OUTGOING_SORT_KEYS  # one per column, in the order of COLUMNS
    NEWEST_FIRST = (NOMOR, TANGGAL)

    def __init__(self, fetch: Callable[[int], tuple[list[outgoing.OutgoingInfo], int]]) -> None:
        super().__init__(fetch, self.COLUMNS, sort_keys=self.SORT_KEYS, newest_first=self.NEWEST_FIRST)

    def foreground(self, info: outgoing.OutgoingInfo, column: int) -> QColor | None:
        if info.status == "batal" or (info.masked and column == self.PERIHAL):
            return QColor(DIMMED_COLOR)
        if column == self.STATUS and info.status in _STATUS_COLORS:
            return QColor(_STATUS_COLORS[info.status])
        return None

    def font(self, info: outgoing.OutgoingInfo, column: int) -> QFont | None:
        font = QFont()
        if info.status == "batal":
            font.setStrikeOut(column != self.STATUS)
            return font
        if column == self.NOMOR:
            font.setBold(True)
            font.setItalic(info.status == "dipesan")
            return font
        if info.masked and column == self.PERIHAL:
            font.setItalic(True)
            return font
        return None

    def text(self, info: outgoing.OutgoingInfo, column: int) -> str:
        if column == self.NOMOR:
            return info.nomor_surat
        if column == self.TANGGAL:
            return format_date_numeric(info.tanggal_surat)
        if column == self.TUJUAN:
            return info.tujuan
        if column == self.PERIHAL:
            return " ".join(info.perihal.split())
        if column == self.KODE:
            return info.kode_klasifikasi
        if column == self.PENANDATANGAN:
            return signer_short(info.penandatangan)
        if column == self.STATUS:
            if info.status == "dikirim" and info.tanggal_kirim is not None:
                return self.tr("Dikirim {0}").format(
                    f"{info.tanggal_kirim.day:02d}-{info.tanggal_kirim.month:02d}"
                )
            return info.status_label
        return ""

    def tooltip(self, info: outgoing.OutgoingInfo, column: int) -> str:
        lines = [
            self.tr("Nomor {0}{1}").format(
                info.nomor_surat, self.tr(" (sisipan)") if info.is_inserted else ""
            ),
            self.tr("Tanggal surat: {0}").format(format_date(info.tanggal_surat)),
            self.tr("Kepada: {0}").format(
                info.tujuan + (f", {info.alamat_tujuan}" if info.alamat_tujuan else "")
            ),
            self.tr("Perihal: {0}").format(info.perihal),
            self.tr("Keamanan {0}, urgensi {1}").format(info.keamanan.label, info.urgensi.label),
        ]
        if info.lampiran:
            lines.append(self.tr("Lampiran: {0}").format(info.lampiran))
        if info.penandatangan:
            lines.append(self.tr("Penanda tangan: {0}").format(info.penandatangan))
        if info.pengolah:
            lines.append(self.tr("Pengolah: {0}").format(info.pengolah))
        if info.tembusan:
            lines.append(self.tr("Tembusan: {0}").format(info.tembusan))
        if info.balasan_atas:
            lines.append(self.tr("Balasan atas agenda masuk {0}").format(info.balasan_atas))
        if info.tanggal_kirim:
            lines.append(
                self.tr("Dikirim {0} lewat {1}").format(format_date(info.tanggal_kirim), info.media_label)
            )
        lines.append(self.tr("Status: {0}").format(info.status_label))
        if info.batal_alasan:
            lines.append(self.tr("Alasan batal: {0}").format(info.batal_alasan))
        return "\n".join(lines)
