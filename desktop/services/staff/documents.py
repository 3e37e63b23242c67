"""Kepegawaian documents, the part outside printing: the frame every staff list shares (kop, place and date,
signature, print time) from the office profile, and the daftar nominatif as a workbook (xlsx) with the same
chosen columns as the PDF. The staff services map their records to the printing dataclasses
(``printing/staff_*.py``) and call these."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric
from desktop.printing.register_report import SignatureSpot
from desktop.printing.staff.nominatif import NominatifList, Value, chosen_columns
from desktop.printing.staff.table import ListFrame
from desktop.services import tabular
from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm

__all__ = [
    "SIGNER_DOC_TYPE",
    "list_frame",
    "nominatif_sheet",
    "write_nominatif_xlsx",
]

SIGNER_DOC_TYPE = "kepegawaian"
"""The Pengaturan → penanda tangan entry that signs the Kepegawaian letters and lists."""


def list_frame(session: Session, actor: Actor, now: datetime | None = None) -> ListFrame:
    """The kop, "Samarinda, 5 Januari 2026", the Kepegawaian signer (or a blank "Kepala Dinas" line to sign by
    hand) and the print time, for every staff list; refuses when the office profile (kop) is incomplete."""
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    now = now or clock.now(profile.zona_waktu)
    today = now.date()
    signer = office.signer_for(session, SIGNER_DOC_TYPE)
    return ListFrame(
        header=profile.header(),
        place_date=f"{profile.kota}, {format_date(today)}" if profile.kota else format_date(today),
        signatures=(SignatureSpot("", signer, "Kepala Dinas"),),
        printed_at=f"dicetak {format_date_numeric(today)} {now:%H.%M}",
    )


def nominatif_sheet(nominatif: NominatifList) -> tuple[list[str], list[list[Value]]]:
    """The workbook's header and rows: "No", then each chosen column's values (Nama / NIP and Tempat, Tanggal
    Lahir become two columns each); dates stay dates, the NIP is its 18 digits as text."""
    columns = chosen_columns(nominatif.columns)
    header = ["No", *(title for column in columns for title in column.sheet_titles)]
    rows: list[list[Value]] = []
    for number, pegawai in enumerate(nominatif.pegawai, start=1):
        row: list[Value] = [number]
        for column in columns:
            row.extend(column.values(pegawai, nominatif.per_tanggal))
        rows.append(row)
    return header, rows


def _widths(header: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[float]:
    widths: list[float] = []
    for index, title in enumerate(header):
        longest = max(
            (
                len(format_date_numeric(v) if isinstance(v, date) else str(v))
                for row in rows
                if (v := row[index]) is not None
            ),
            default=0,
        )
        widths.append(min(48.0, max(6.0, len(title) + 2.0, longest + 2.0)))
    return widths


def write_nominatif_xlsx(nominatif: NominatifList, path: Path) -> int:
    """Save the nominatif as a workbook at ``path`` (header row bold and frozen, filter on, widths set, NIP as
    text so Excel keeps all 18 digits); returns the number of employees."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header, rows = nominatif_sheet(nominatif)
    book = tabular.new_workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Nominatif {format_date_numeric(nominatif.per_tanggal)}"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(row)
    text_columns = {index for index, title in enumerate(header, start=1) if title == "NIP"}
    for index, width in enumerate(_widths(header, rows), start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
            elif index in text_columns:
                cell.number_format = "@"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.title = f"{nominatif.title} per {format_date(nominatif.per_tanggal)}"
    book.properties.creator = "Sekretariat"
    book.save(path)
    return len(rows)
