"""The buku agenda surat masuk as a table model: its columns, cells, colours and the SQL sort keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.services.letters import incoming
from desktop.ui.widgets.dates import office_time, short_datetime
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR, ERROR_COLOR

_DIMMED = QColor(DIMMED_COLOR)  # cancelled letters, and the perihal of a secret one
_URGENT = QColor(ERROR_COLOR)  # Amat Segera

_URGENSI_SHORT = {Urgensi.BIASA: "", Urgensi.SEGERA: "Segera", Urgensi.AMAT_SEGERA: "Amat Segera"}


class IncomingTableModel(PagedTableModel[incoming.IncomingInfo]):
    """Rows of ``IncomingInfo``, newest first, fetched a page at a time as the view scrolls.

    Clicking a header sorts in SQL (the shared model's ``sort``), one key per column.
    """

    COLUMNS = (
        "No. agenda",
        "Tgl terima",
        "Asal surat",
        "No. surat",
        "Tgl surat",
        "Perihal",
        "Kode",
        "Sifat",
        "Status",
    )
    ASAL = 2
    NOMOR = 3
    PERIHAL = 5
    SORT_KEYS = incoming.INCOMING_SORT_KEYS  # one per column, in the order of COLUMNS
    NEWEST_FIRST = (0, 1, 4)  # agenda and dates: the first click sorts newest first

    def __init__(self, fetch: Callable[[int], tuple[list[incoming.IncomingInfo], int]], zone: str) -> None:
        super().__init__(fetch, self.COLUMNS, sort_keys=self.SORT_KEYS, newest_first=self.NEWEST_FIRST)
        self.zone = zone

    def foreground(self, info: incoming.IncomingInfo, column: int) -> QColor | None:
        if info.status == "batal" or (info.masked and column == self.PERIHAL):
            return _DIMMED
        if column == 7 and info.urgensi is Urgensi.AMAT_SEGERA:
            return _URGENT
        return None

    def font(self, info: incoming.IncomingInfo, column: int) -> QFont | None:
        font = QFont()
        if info.status == "batal":
            font.setStrikeOut(column != 8)
            return font
        if column == 0:
            font.setBold(True)
            return font
        if info.masked and column == self.PERIHAL:
            font.setItalic(True)
            return font
        return None

    def alignment(self, info: incoming.IncomingInfo, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == 0 else None

    def text(self, info: incoming.IncomingInfo, column: int) -> str:
        if column == 0:
            return info.agenda + (" S" if info.susulan else "")
        if column == 1:
            return short_datetime(info.tanggal_diterima, self.zone)
        if column == 2:
            return info.asal_surat
        if column == 3:
            return info.nomor_surat
        if column == 4:
            return format_date_numeric(info.tanggal_surat)
        if column == 5:
            return " ".join(info.perihal.split())
        if column == 6:
            return info.kode_klasifikasi
        if column == 7:
            return sifat_text(info.keamanan, info.urgensi)
        if column == 8:
            text = info.status_label
            return text + (" ×" + str(info.jumlah_cetak) if info.jumlah_cetak > 1 else "")
        return ""

    def tooltip(self, info: incoming.IncomingInfo, column: int) -> str:
        received = office_time(info.tanggal_diterima, self.zone)
        lines = [
            self.tr("Agenda {0}{1}").format(info.agenda, self.tr(" (susulan)") if info.susulan else ""),
            self.tr("Diterima {0} pukul {1:%H.%M} {2}").format(
                format_date(received.date()), received, self.zone
            ),
            self.tr("Dari {0}, nomor {1}, tanggal {2}").format(
                info.asal_surat, info.nomor_surat, format_date(info.tanggal_surat)
            ),
            self.tr("Perihal: {0}").format(info.perihal),
            self.tr("Ditujukan kepada: {0}").format(info.ditujukan_kepada or "—"),
            self.tr("Keamanan {0}, urgensi {1}").format(info.keamanan.label, info.urgensi.label),
        ]
        if info.lampiran:
            lines.append(self.tr("Lampiran: {0}").format(info.lampiran))
        if info.batas_waktu:
            lines.append(self.tr("Batas waktu: {0}").format(format_date(info.batas_waktu)))
        if info.dicetak_at:
            printed = office_time(info.dicetak_at, self.zone)
            lines.append(
                self.tr("Disposisi dicetak {0}× (terakhir {1} pukul {2:%H.%M})").format(
                    info.jumlah_cetak, format_date(printed.date()), printed
                )
            )
        if info.keterangan:
            lines.append(self.tr("Keterangan: {0}").format(info.keterangan))
        return "\n".join(lines)


def sifat_text(keamanan: Keamanan, urgensi: Urgensi) -> str:
    """``B``, ``R · Segera``: the keamanan code and, when not Biasa, the urgensi."""
    urgent = _URGENSI_SHORT[urgensi]
    return f"{keamanan.value} · {urgent}" if urgent else keamanan.value
