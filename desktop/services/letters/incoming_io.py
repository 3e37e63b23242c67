"""Import and export of the buku agenda surat masuk (csv and xlsx), free of Qt.

The flow is ``read_table`` (a csv or xlsx file → headers, and rows keyed by header with the row number the clerk
sees in Excel) → ``validate_incoming`` (every row checked, nothing written; design.md §5) → ``import_incoming``
(all or nothing in the caller's transaction, or the valid rows only when the user chooses so). The export writes
``INCOMING_COLUMNS`` and the import reads them back, so an export re-imports into an empty data dir unchanged.
The agenda surat keluar has the same flow in ``letter_io_outgoing``; the command line below serves both.

Decisions, for the clerk's help text and the next engineer:

* **Row numbers** are spreadsheet rows: the header row is row 1 in the usual file, the first letter row 2; blank
  rows are skipped but still counted, and a csv record with line breaks inside quotes counts as one row. A title
  row above the header ("BUKU AGENDA SURAT MASUK") is recognised: the header is the first of the first 20 rows in
  which at least three cells are known column names.
* **Status**: an imported row without a status becomes ``arsip`` (imported history usually needs no
  disposition); write ``baru`` to put a letter into the disposition workflow. Statuses are the keys or the labels
  of ``STATUS_LABELS``. ``batas_waktu`` is computed as ``register_incoming`` does (working days, Segera and Amat
  Segera only) for letters still open (baru, dicetak, didisposisi, diproses), and left empty otherwise.
* **tanggal_terima** may carry a time (``2026-11-22 14.05``, or a date-time cell); a date alone means 08.00 office
  time. The export writes the date only (the spec says dates in ISO), so a re-import sets 08.00: the time of day
  is the one thing a round trip does not keep. The agenda year is the year of tanggal_terima.
* **nomor_agenda** may be empty (the row then gets the next number of its year, in order of tanggal_terima, after
  both the numbers already used and the numbers given in the file), a positive number, or ``15/2026`` (the year
  must then be the year of tanggal_terima). Given numbers are kept, and the year's counter is raised to at least
  the largest of them, never lowered.
* Imported rows are never *susulan* (they copy an existing book), are created by the importing user, have no
  print record, and take the kode klasifikasi scheme from the lists (83/2022 first, else 78/2012 if the code is
  only there, else 83/2022 with a warning, as R25 accepts free codes).
* **Warnings** never block: a code missing from both lists, and a probable duplicate (R7: same sender, number and
  date) of a letter already in the agenda or of an earlier row of the file.
* **The same file twice** (same bytes, under any name) is refused, saying when and by whom it was imported,
  unless the user asks to import it again (``again``, ``--again``): ``import_log`` keeps each imported file's
  SHA-256 in the import's own transaction. A file whose rows mostly match letters already registered is warned
  about (the same book saved again), not refused.
* Optional extra columns on import only: ``ditujukan_kepada``, ``lampiran``, ``keterangan`` (a "Keterangan"
  column of an old book is free text, so it lands in keterangan, not in status).
* **Export**: UTF-8 without BOM, comma separated, ``\\n`` line ends, ISO dates in office time, keamanan as its
  code (B, T, R, SR), urgensi and status as stored (``amat_segera``, ``arsip``), in agenda order (year, number).
  The perihal of R/SR letters is masked for a user without VIEW_SECRET, as everywhere else (R10). Text that a
  spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) gets a leading apostrophe in CSV
  and is a text cell in xlsx; the import drops that apostrophe again (``services.tabular``).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz, parse_date
from desktop.core.letters.rules import (
    Keamanan,
    Skema,
    Urgensi,
    default_batas_waktu,
    duplicate_key,
    normalize_asal,
    normalize_nomor_surat,
)
from desktop.models.admin import Counter
from desktop.models.letters import ClassificationCode, IncomingLetter
from desktop.services import tabular
from desktop.services.common import audit, calendar, import_log, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.letters.incoming import AGENDA_SERIES, SECRET_MASK, STATUS_LABELS
from desktop.services.tabular import RowError

__all__ = [
    "HEADER_ALIASES",
    "INCOMING_COLUMNS",
    "INCOMING_OPTIONAL_COLUMNS",
    "INCOMING_REQUIRED",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "RowError",
    "Table",
    "export_incoming_csv",
    "export_incoming_xlsx",
    "import_incoming",
    "read_table",
    "resolve_mapping",
    "suggest_mapping",
    "validate_incoming",
    "write_incoming_template",
]

# --- columns and header names -------------------------------------------------------------------------------

INCOMING_COLUMNS: Final[tuple[str, ...]] = (
    "nomor_agenda",
    "tanggal_terima",
    "asal",
    "nomor_surat",
    "tanggal_surat",
    "perihal",
    "kode_klasifikasi",
    "keamanan",
    "urgensi",
    "status",
)
"""The export's columns, in order; the import reads the same names."""

INCOMING_OPTIONAL_COLUMNS: Final[tuple[str, ...]] = ("ditujukan_kepada", "lampiran", "keterangan")
"""Accepted on import only (old books often have them); never exported, so a round trip stays exact."""

INCOMING_REQUIRED: Final[tuple[str, ...]] = (
    "tanggal_terima",
    "asal",
    "nomor_surat",
    "tanggal_surat",
    "perihal",
)

_ALL_INCOMING: Final[tuple[str, ...]] = INCOMING_COLUMNS + INCOMING_OPTIONAL_COLUMNS

COLUMN_LABELS: Final[dict[str, str]] = {
    "nomor_agenda": "nomor agenda",
    "tanggal_terima": "tanggal terima",
    "asal": "asal surat",
    "nomor_surat": "nomor surat",
    "tanggal_surat": "tanggal surat",
    "perihal": "perihal",
    "kode_klasifikasi": "kode klasifikasi",
    "keamanan": "keamanan",
    "urgensi": "urgensi",
    "status": "status",
    "ditujukan_kepada": "ditujukan kepada",
    "lampiran": "lampiran",
    "keterangan": "keterangan",
}

HEADER_ALIASES: Final[dict[str, str]] = {
    # nomor agenda
    "No. Agenda": "nomor_agenda",
    "No Agenda": "nomor_agenda",
    "Nomor Agenda": "nomor_agenda",
    "No. Agd": "nomor_agenda",
    "Agenda": "nomor_agenda",
    "No. Urut": "nomor_agenda",
    "Nomor Urut": "nomor_agenda",
    "No. Urut Agenda": "nomor_agenda",
    # tanggal terima
    "Tgl Terima": "tanggal_terima",
    "Tanggal Terima": "tanggal_terima",
    "Tanggal Diterima": "tanggal_terima",
    "Tgl Diterima": "tanggal_terima",
    "Diterima Tanggal": "tanggal_terima",
    "Diterima Tgl": "tanggal_terima",
    "Tanggal Masuk": "tanggal_terima",
    "Tgl Masuk": "tanggal_terima",
    "Tanggal Penerimaan": "tanggal_terima",
    # asal
    "Asal Surat": "asal",
    "Asal": "asal",
    "Pengirim": "asal",
    "Dari": "asal",
    "Surat Dari": "asal",
    "Instansi Pengirim": "asal",
    "Asal Instansi": "asal",
    # nomor surat
    "No. Surat": "nomor_surat",
    "No Surat": "nomor_surat",
    "Nomor Surat": "nomor_surat",
    "Nomor": "nomor_surat",
    # tanggal surat
    "Tgl Surat": "tanggal_surat",
    "Tanggal Surat": "tanggal_surat",
    # perihal
    "Perihal": "perihal",
    "Hal": "perihal",
    "Isi Ringkas": "perihal",
    "Isi Singkat": "perihal",
    "Ringkasan Isi": "perihal",
    "Ringkasan": "perihal",
    "Isi Surat": "perihal",
    "Perihal / Isi Ringkas": "perihal",
    # kode klasifikasi
    "Kode": "kode_klasifikasi",
    "Kode Klasifikasi": "kode_klasifikasi",
    "Klasifikasi": "kode_klasifikasi",
    "Kode Klasifikasi Arsip": "kode_klasifikasi",
    "Kode Arsip": "kode_klasifikasi",
    "KKA": "kode_klasifikasi",
    "Indeks": "kode_klasifikasi",
    # keamanan
    "Keamanan": "keamanan",
    "Sifat": "keamanan",
    "Sifat Surat": "keamanan",
    "Klasifikasi Keamanan": "keamanan",
    "Kerahasiaan": "keamanan",
    # urgensi
    "Urgensi": "urgensi",
    "Derajat": "urgensi",
    "Derajat Surat": "urgensi",
    "Kecepatan": "urgensi",
    "Sifat Kecepatan": "urgensi",
    # status
    "Status": "status",
    "Status Surat": "status",
    # optional, import only
    "Ditujukan Kepada": "ditujukan_kepada",
    "Kepada": "ditujukan_kepada",
    "Tujuan": "ditujukan_kepada",
    "Lampiran": "lampiran",
    "Jumlah Lampiran": "lampiran",
    "Keterangan": "keterangan",
    "Ket": "keterangan",
    "Catatan": "keterangan",
}
"""Header variants found in agendas kept in Excel, matched ignoring case, spaces and punctuation ("No. Agenda" =
"NO AGENDA" = "no_agenda"). "Keterangan" is free text and goes to keterangan, never to status. The column names
themselves (``tanggal_terima``, and ``asal_surat``/``tanggal_diterima`` as the database calls them) match too."""


def _header_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


_ALIAS_INDEX: Final[dict[str, str]] = {
    **{_header_key(k): v for k, v in HEADER_ALIASES.items()},
    **{_header_key(c): c for c in _ALL_INCOMING},
    _header_key("asal_surat"): "asal",
    _header_key("tanggal_diterima"): "tanggal_terima",
}


def map_headers(headers: Sequence[str], index: Mapping[str, str]) -> dict[str, str | None]:
    """Map each header to the column ``index`` gives its folded name (see ``_header_key``), or None; the first
    header claiming a column wins."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        column = index.get(_header_key(header))
        if column is not None and column in taken:
            column = None
        if column is not None:
            taken.add(column)
        mapping[header] = column
    return mapping


def resolve_headers(
    headers: Sequence[str],
    mapping: Mapping[str, str | None] | None,
    index: Mapping[str, str],
    columns: Sequence[str],
) -> dict[str, str | None]:
    """``mapping`` (header → column name or None, for the headers the user set) over the suggestion from
    ``index`` for the others. Raises ValidationError for an unknown header or column, or a column set twice."""
    if mapping is None:
        return map_headers(headers, index)
    explicit: dict[str, str | None] = {}
    for header, target in mapping.items():
        if header not in headers:
            raise ValidationError(f"Kolom \u201c{header}\u201d tidak ada di berkas.", "mapping")
        if target is None or not target.strip():
            explicit[header] = None
            continue
        column = target if target in columns else index.get(_header_key(target))
        if column is None:
            raise ValidationError(
                f"Kolom tujuan \u201c{target}\u201d tidak dikenal (pilih salah satu dari: {', '.join(columns)}).",
                "mapping",
            )
        explicit[header] = column
    used = Tally(c for c in explicit.values() if c)
    twice = sorted(c for c, n in used.items() if n > 1)
    if twice:
        raise ValidationError(f"Kolom {', '.join(twice)} dipetakan lebih dari sekali.", "mapping")
    taken = set(used)
    result: dict[str, str | None] = {}
    for header in headers:
        if header in explicit:
            result[header] = explicit[header]
            continue
        column = index.get(_header_key(header))
        if column is not None and column not in taken:
            taken.add(column)
            result[header] = column
        else:
            result[header] = None
    return result


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Map each header of a file to an import column, or None to ignore it; the first header claiming a column
    wins ("Tanggal" alone is ambiguous and is not guessed)."""
    return map_headers(headers, _ALIAS_INDEX)


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """The mapping to use: ``mapping`` (header → column name or None, for the headers the user set) over the
    suggestion for the others. Raises ValidationError for an unknown header or column, or a column set twice."""
    return resolve_headers(headers, mapping, _ALIAS_INDEX, _ALL_INCOMING)


# --- reading files ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A sheet as read: unique header names, and the non-blank rows as (row number, {header: text})."""

    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]
    source: str = ""
    header_line: int = 1
    sha256: str = ""  # of the file's bytes, so that importing the same file again is noticed


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an .xlsx or a .csv file (UTF-8 with or without BOM, UTF-16/32 with BOM, or
    Windows-1252; comma, semicolon or tab, sniffed). Cell values become text: date cells ISO, whole numbers
    without ``.0``, text as the export wrote it (``tabular.restore``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(f"Berkas tidak ditemukan: {path}")
    if suffix in (".csv", ".txt"):
        grid = tabular.read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        grid = _read_xlsx(path)
    elif suffix == ".xls":
        raise ValidationError(
            "Berkas .xls (Excel 97-2003) tidak didukung; buka di Excel/LibreOffice lalu simpan sebagai .xlsx."
        )
    else:
        raise ValidationError(
            f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak didukung; pakai .xlsx atau .csv."
        )
    return replace(_table_from_grid(grid, path.name), sha256=import_log.file_sha256(path))


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a corrupt or mislabelled file raises anything from zipfile to KeyError
        raise ValidationError(f"Berkas {path.name} tidak bisa dibuka sebagai .xlsx: {exc}") from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(min_row=1, values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return tabular.restore(str(value).strip())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _table_from_grid(grid: list[list[str]], source: str) -> Table:
    header_index = next(
        (
            i
            for i, row in enumerate(grid[:20])
            if sum(1 for cell in row if _header_key(cell) in _ALIAS_INDEX) >= 3
        ),
        None,
    )
    if header_index is None:
        header_index = next((i for i, row in enumerate(grid) if any(row)), None)
    if header_index is None:
        raise ValidationError(f"Berkas {source} kosong.")
    body = grid[header_index + 1 :]
    width = max((len(r) for r in grid[header_index:]), default=0)
    header_row = grid[header_index] + [""] * (width - len(grid[header_index]))
    used_columns = [i for i in range(width) if header_row[i] or any(i < len(r) and r[i] for r in body)]
    headers: list[str] = []
    seen: Tally[str] = Tally()
    for i in used_columns:
        name = " ".join(header_row[i].split()) or f"Kolom {_column_letter(i)}"
        seen[name] += 1
        headers.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    rows: list[tuple[int, dict[str, str]]] = []
    for offset, record in enumerate(body):
        values = {
            h: (record[i] if i < len(record) else "") for h, i in zip(headers, used_columns, strict=True)
        }
        if any(values.values()):
            rows.append((header_index + 2 + offset, values))
    return Table(headers=headers, rows=rows, source=source, header_line=header_index + 1)


# --- validation ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedRow:
    """One valid row, normalised as ``register_incoming`` normalises; ``nomor_agenda`` None = next number."""

    line: int
    tahun: int
    nomor_agenda: int | None
    tanggal_diterima: datetime
    asal_surat: str
    nomor_surat: str
    tanggal_surat: date
    perihal: str
    kode_klasifikasi: str = ""
    skema: str = Skema.PERMENDAGRI_83_2022.value
    keamanan: Keamanan = Keamanan.B
    urgensi: Urgensi = Urgensi.BIASA
    status: str = "arsip"
    ditujukan_kepada: str = ""
    lampiran: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do. ``errors`` block unless the user chooses to import the valid rows only;
    ``warnings`` never block."""

    valid: list[PlannedRow]
    errors: list[RowError]
    warnings: list[RowError] = field(default_factory=list)
    mapping: dict[str, str | None] = field(default_factory=dict)
    source: str = ""
    rows_read: int = 0
    sha256: str = ""  # of the file; empty for a plan not read from a file

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    numbered: int = 0  # rows that got a new nomor agenda


OPEN_STATUSES: Final = frozenset({"baru", "dicetak", "didisposisi", "diproses"})
RECEIVED_AT: Final = time(8, 0)  # office time given to a tanggal terima without time
_MAX_AGENDA = 9_999_999
_LIMITS: Final[dict[str, int]] = {
    "asal": 300,
    "nomor_surat": 255,
    "kode_klasifikasi": 30,
    "ditujukan_kepada": 200,
    "lampiran": 100,
}
_AGENDA_CELL = re.compile(r"0*(\d{1,7})(?:\.0+)?(?:\s*/\s*(\d{4}))?")
_WITH_TIME = re.compile(
    r"(?P<date>.+?)(?:(?:\s+|T)(?:pukul\s+|jam\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.]\d{2}(?:\.\d+)?)?)?",
    re.IGNORECASE,
)
_DATE_EXAMPLES = "contoh: 22-11-2026, 22/11/2026, 2026-11-22, 22 November 2026"


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


_STATUS_WORDS: Final[dict[str, str]] = {
    **{_fold(k): k for k in STATUS_LABELS},
    **{_fold(v): k for k, v in STATUS_LABELS.items()},
    "tanpa disposisi": "arsip",
    "diarsipkan": "arsip",
    "dibatalkan": "batal",
    "sudah didisposisi": "didisposisi",
    "disposisi": "didisposisi",
    "proses": "diproses",
}

TEMPLATE_EXAMPLE: Final[dict[str, str]] = {
    "nomor_agenda": "",
    "tanggal_terima": "2026-01-05",
    "asal": "Kementerian Dalam Negeri",
    "nomor_surat": "000.1.5/123/SJ",
    "tanggal_surat": "2026-01-02",
    "perihal": "Undangan Rapat Koordinasi (contoh, hapus baris ini)",
    "kode_klasifikasi": "000.1.5",
    "keamanan": "B",
    "urgensi": "biasa",
    "status": "arsip",
}


def _parse_when(text: str) -> tuple[date, time | None]:
    """A date with an optional time (``22/11/2026 14.05``, ``2026-11-22T14:05:00``); ValueError with a detail."""
    match = _WITH_TIME.fullmatch(" ".join(text.split()))
    if match is None:  # pragma: no cover - the pattern matches any non-empty text
        raise ValueError("")
    day = parse_date(match["date"])
    if match["h"] is None:
        return day, None
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        raise ValueError(f"Tanggal tidak dikenali: {text!r} (jam {hour:02d}.{minute:02d} tidak ada)")
    return day, time(hour, minute)


def _date_problem(label: str, value: str, exc: ValueError) -> str:
    detail = re.search(r"\(([^()]*)\)\s*$", str(exc))
    extra = detail[1] if detail else _DATE_EXAMPLES
    return f"{label} tidak dikenali (\u201c{value}\u201d; {extra})"


def _parse_status(text: str) -> str | None:
    return _STATUS_WORDS.get(_fold(text))


def _existing_numbers(session: Session, wanted: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which (tahun, nomor_agenda) pairs are already in the agenda."""
    by_year: dict[int, list[int]] = {}
    for tahun, nomor in wanted:
        by_year.setdefault(tahun, []).append(nomor)
    found: set[tuple[int, int]] = set()
    for tahun, numbers in by_year.items():
        unique = sorted(set(numbers))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            rows = session.execute(
                select(IncomingLetter.nomor_agenda).where(
                    IncomingLetter.tahun == tahun, IncomingLetter.nomor_agenda.in_(chunk)
                )
            )
            found.update((tahun, int(r[0])) for r in rows)
    return found


def _known_codes(session: Session) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {s.value: set() for s in Skema}
    for skema, kode in session.execute(
        select(ClassificationCode.skema, ClassificationCode.kode).where(ClassificationCode.aktif.is_(True))
    ):
        codes.setdefault(skema, set()).add(kode)
    return codes


def _probable_duplicates(
    session: Session, keys: set[tuple[str, str, date]]
) -> dict[tuple[str, str, date], str]:
    """Agenda numbers ("15/2026") of letters in the database under the R7 keys given."""
    by_number = sorted({k[1] for k in keys})
    found: dict[tuple[str, str, date], str] = {}
    for start in range(0, len(by_number), 500):
        chunk = by_number[start : start + 500]
        rows = session.execute(
            select(
                IncomingLetter.asal_norm,
                IncomingLetter.nomor_norm,
                IncomingLetter.tanggal_surat,
                IncomingLetter.nomor_agenda,
                IncomingLetter.tahun,
            ).where(IncomingLetter.nomor_norm.in_(chunk), IncomingLetter.status != "batal")
        )
        for asal, nomor, tanggal, nomor_agenda, tahun in rows:
            key = (asal, nomor, tanggal)
            if key in keys:
                found.setdefault(key, f"{nomor_agenda}/{tahun}")
    return found


def validate_incoming(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    today: date | None = None,
) -> ImportPlan:
    """Check every row of ``table`` for an import into the agenda surat masuk; nothing is written.

    ``mapping`` maps file headers to column names (or None to ignore a header); headers it leaves out are
    mapped by ``suggest_mapping``. Reasons are Indonesian, one ``RowError`` per bad row with all its problems.
    """
    actor.require(Perm.WRITE_LETTERS)
    resolved = resolve_mapping(table.headers, mapping)
    by_column = {column: header for header, column in resolved.items() if column}
    missing = [c for c in INCOMING_REQUIRED if c not in by_column]
    if missing:
        names = ", ".join(f"{COLUMN_LABELS[c]} ({c})" for c in missing)
        return ImportPlan(
            valid=[],
            errors=[
                RowError(
                    table.header_line,
                    f"kolom wajib tidak ditemukan: {names}; petakan kolomnya atau pakai templat impor",
                )
            ],
            mapping=resolved,
            source=table.source,
            rows_read=len(table.rows),
        )
    zone_code = office.get_profile(session).zona_waktu
    zone = office_tz(zone_code)
    today = today or clock.today(zone_code)
    codes = _known_codes(session)
    template_key = tuple(_fold(TEMPLATE_EXAMPLE[c]) for c in ("asal", "nomor_surat", "perihal"))

    checked: list[tuple[int, list[str], dict[str, Any]]] = []
    for line, record in table.rows:
        values = {column: record.get(header, "").strip() for column, header in by_column.items()}
        problems: list[str] = []
        parsed: dict[str, Any] = {}

        def get(column: str, values: dict[str, str] = values) -> str:
            return " ".join(values.get(column, "").split())

        if tuple(_fold(get(c)) for c in ("asal", "nomor_surat", "perihal")) == template_key:
            checked.append((line, ["baris contoh dari templat; hapus baris ini sebelum impor"], parsed))
            continue
        for column in INCOMING_REQUIRED:
            if not get(column):
                problems.append(f"{COLUMN_LABELS[column]} kosong")
        for column, limit in _LIMITS.items():
            if len(get(column)) > limit:
                problems.append(f"{COLUMN_LABELS[column]} terlalu panjang (maksimal {limit} karakter)")
        received: date | None = None
        if get("tanggal_terima"):
            try:
                received, at = _parse_when(get("tanggal_terima"))
            except ValueError as exc:
                problems.append(_date_problem("tanggal terima", get("tanggal_terima"), exc))
            else:
                if received.year < 1900:
                    problems.append(
                        f"tahun tanggal terima tidak masuk akal (\u201c{get('tanggal_terima')}\u201d)"
                    )
                    received = None
                elif received > today:
                    problems.append(f"tanggal terima {received.isoformat()} di masa depan")
                    received = None
                else:
                    parsed["tanggal_diterima"] = datetime.combine(received, at or RECEIVED_AT, tzinfo=zone)
                    parsed["tahun"] = received.year
        if get("tanggal_surat"):
            try:
                written, _ = _parse_when(get("tanggal_surat"))
            except ValueError as exc:
                problems.append(_date_problem("tanggal surat", get("tanggal_surat"), exc))
            else:
                if written.year < 1900:
                    problems.append(
                        f"tahun tanggal surat tidak masuk akal (\u201c{get('tanggal_surat')}\u201d)"
                    )
                elif received is not None and written > received:
                    problems.append(
                        f"tanggal surat {written.isoformat()} sesudah tanggal terima {received.isoformat()}"
                    )
                parsed["tanggal_surat"] = written
        parsed["nomor_agenda"] = None
        if get("nomor_agenda"):
            match = _AGENDA_CELL.fullmatch(get("nomor_agenda"))
            if match is None or int(match[1]) < 1 or int(match[1]) > _MAX_AGENDA:
                problems.append(
                    f"nomor agenda \u201c{get('nomor_agenda')}\u201d harus bilangan bulat positif "
                    "(boleh dengan tahun, mis. 15/2026)"
                )
            else:
                parsed["nomor_agenda"] = int(match[1])
                if match[2] and received is not None and int(match[2]) != received.year:
                    problems.append(
                        f"tahun nomor agenda {get('nomor_agenda')} tidak sama dengan tahun tanggal terima "
                        f"({received.year})"
                    )
        keamanan, urgensi = Keamanan.B, Urgensi.BIASA
        if get("keamanan"):
            try:
                keamanan = Keamanan.parse(get("keamanan"))
            except ValueError:
                problems.append(
                    f"keamanan \u201c{get('keamanan')}\u201d tidak dikenal "
                    "(pilih Biasa, Terbatas, Rahasia atau Sangat Rahasia)"
                )
        if get("urgensi"):
            try:
                urgensi = Urgensi.parse(get("urgensi"))
            except ValueError:
                problems.append(
                    f"urgensi \u201c{get('urgensi')}\u201d tidak dikenal (pilih Biasa, Segera atau Amat Segera)"
                )
        status = "arsip"
        if get("status"):
            found = _parse_status(get("status"))
            if found is None:
                problems.append(
                    f"status \u201c{get('status')}\u201d tidak dikenal (pilih {', '.join(STATUS_LABELS)})"
                )
            else:
                status = found
        kode = "".join(get("kode_klasifikasi").split())
        skema = Skema.PERMENDAGRI_83_2022.value
        if kode and kode not in codes[skema] and kode in codes[Skema.PERMENDAGRI_78_2012.value]:
            skema = Skema.PERMENDAGRI_78_2012.value
        parsed.update(
            asal_surat=get("asal"),
            nomor_surat=get("nomor_surat"),
            perihal=get("perihal"),
            kode_klasifikasi=kode,
            skema=skema,
            keamanan=keamanan,
            urgensi=urgensi,
            status=status,
            ditujukan_kepada=get("ditujukan_kepada"),
            lampiran=values.get("lampiran", "").strip(),
            keterangan=values.get("keterangan", "").strip(),
        )
        checked.append((line, problems, parsed))

    # Numbers given in the file: unique per year, within the file and against the agenda.
    first_line: dict[tuple[int, int], int] = {}
    for line, problems, parsed in checked:
        if parsed.get("nomor_agenda") is None or "tahun" not in parsed:
            continue
        key = (parsed["tahun"], parsed["nomor_agenda"])
        if key in first_line:
            problems.append(f"nomor agenda {key[1]}/{key[0]} juga dipakai di baris {first_line[key]}")
        else:
            first_line[key] = line
    problems_of = {line: problems for line, problems, _ in checked}
    for tahun, nomor in sorted(_existing_numbers(session, first_line)):
        problems_of[first_line[(tahun, nomor)]].append(
            f"nomor agenda {nomor}/{tahun} sudah dipakai di agenda"
        )

    valid: list[PlannedRow] = []
    errors: list[RowError] = []
    for line, problems, parsed in checked:
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
        else:
            valid.append(PlannedRow(line=line, **parsed))
    return ImportPlan(
        valid=valid,
        errors=errors,
        warnings=_warnings(session, valid, codes, table.header_line),
        mapping=resolved,
        source=table.source,
        rows_read=len(table.rows),
        sha256=table.sha256,
    )


def _warnings(
    session: Session, rows: list[PlannedRow], codes: dict[str, set[str]], header_line: int
) -> list[RowError]:
    warnings: list[RowError] = []
    keys: dict[tuple[str, str, date], int] = {}
    row_keys: list[tuple[PlannedRow, tuple[str, str, date] | None]] = []
    for row in rows:
        key = duplicate_key(row.asal_surat, row.nomor_surat, row.tanggal_surat)
        row_keys.append((row, key))
        if key is not None:
            keys.setdefault(key, row.line)
    in_db = _probable_duplicates(session, set(keys)) if keys else {}
    for row, key in row_keys:
        notes: list[str] = []
        if row.kode_klasifikasi and row.kode_klasifikasi not in codes.get(row.skema, set()):
            notes.append(f"kode {row.kode_klasifikasi} tidak ada di daftar klasifikasi; tetap dipakai")
        if key is not None and key in in_db:
            notes.append(f"kemungkinan surat ganda: sudah diagendakan sebagai {in_db[key]}")
        if key is not None and keys[key] != row.line:
            notes.append(f"kemungkinan surat ganda dengan baris {keys[key]}")
        if notes:
            warnings.append(RowError(row.line, "; ".join(notes)))
    registered = sum(1 for _, key in row_keys if key is not None and key in in_db)
    note = import_log.mostly_duplicates_note(registered, len(rows))
    if note:
        warnings.insert(0, RowError(header_line, note))
    return warnings


# --- import -------------------------------------------------------------------------------------------------


def _ensure_counter(session: Session, series: str, period: str) -> None:
    insert_ignoring_conflicts(
        session, Counter, [{"series": series, "period": period, "last_value": 0}], ["series", "period"]
    )


def _raise_counter(session: Session, series: str, period: int | str, value: int) -> None:
    """Set the counter to at least ``value``; never lowers it. Same transaction as the caller."""
    _ensure_counter(session, series, str(period))
    session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period), Counter.last_value < value)
        .values(last_value=value)
    )


def _take_block(session: Session, series: str, period: int | str, count: int) -> int:
    """Take ``count`` consecutive numbers in one atomic step (row lock, as ``counters.next_number``); the first."""
    _ensure_counter(session, series, str(period))
    last = session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period))
        .values(last_value=Counter.last_value + count)
        .returning(Counter.last_value)
    ).scalar_one()
    return int(last) - count + 1


def import_incoming(
    session: Session, actor: Actor, plan: ImportPlan, *, skip_invalid: bool = False, again: bool = False
) -> ImportResult:
    """Write the plan's rows into the agenda in the caller's transaction (all or nothing), audited once.

    Refused while the plan has errors, unless ``skip_invalid``, and (AlreadyImported) for a file imported
    before, unless ``again``. Rows with a nomor agenda keep it and raise their year's counter to at least it;
    the others get the next numbers of their year, in order of tanggal terima.
    """
    actor.require(Perm.WRITE_LETTERS)
    if plan.errors and not skip_invalid:
        raise ValidationError(
            f"{len(plan.errors)} baris tidak valid; tidak ada yang diimpor. Perbaiki berkasnya, "
            "atau pilih impor baris yang valid saja."
        )
    skipped = len(plan.errors) if skip_invalid else 0
    rows = plan.valid
    if not rows:
        return ImportResult(imported=0, skipped=skipped)
    if plan.sha256:
        import_log.claim(session, actor, "surat_masuk", plan.sha256, plan.source, len(rows), again=again)
    given = [(r.tahun, r.nomor_agenda, r.line) for r in rows if r.nomor_agenda is not None]
    highest: dict[int, int] = {}
    for tahun, nomor, _ in given:
        highest[tahun] = max(highest.get(tahun, 0), nomor)
    for tahun in sorted(highest):
        _raise_counter(session, AGENDA_SERIES, tahun, highest[tahun])
    # Checked again under the counter's lock: a letter registered since validation may have taken a number.
    clash = _existing_numbers(session, [(t, n) for t, n, _ in given])
    if clash:
        tahun, nomor, line = min((t, n, ln) for t, n, ln in given if (t, n) in clash)
        raise ValidationError(
            f"Nomor agenda {nomor}/{tahun} (baris {line}) sudah dipakai di agenda sejak berkas diperiksa; "
            "periksa berkasnya lagi. Tidak ada yang diimpor."
        )
    numbers: dict[int, int] = {}
    waiting: dict[int, list[PlannedRow]] = {}
    for r in rows:
        if r.nomor_agenda is None:
            waiting.setdefault(r.tahun, []).append(r)
    for tahun in sorted(waiting):
        group = sorted(waiting[tahun], key=lambda r: (r.tanggal_diterima, r.line))
        first = _take_block(session, AGENDA_SERIES, tahun, len(group))
        for offset, r in enumerate(group):
            numbers[r.line] = first + offset
    zone = office_tz(office.get_profile(session).zona_waktu)
    needs_calendar = any(r.urgensi is not Urgensi.BIASA and r.status in OPEN_STATUSES for r in rows)
    cal = calendar.working_calendar(session) if needs_calendar else None
    now = clock.utc_now()
    records: list[dict[str, Any]] = []
    for r in rows:
        nomor = r.nomor_agenda if r.nomor_agenda is not None else numbers[r.line]
        records.append(
            {
                "tahun": r.tahun,
                "nomor_agenda": nomor,
                "susulan": False,
                "tanggal_diterima": r.tanggal_diterima,
                "asal_surat": r.asal_surat,
                "asal_norm": normalize_asal(r.asal_surat),
                "nomor_surat": r.nomor_surat,
                "nomor_norm": normalize_nomor_surat(r.nomor_surat),
                "tanggal_surat": r.tanggal_surat,
                "perihal": r.perihal,
                "ditujukan_kepada": r.ditujukan_kepada,
                "kode_klasifikasi": r.kode_klasifikasi,
                "skema": r.skema,
                "keamanan": r.keamanan.value,
                "urgensi": r.urgensi.value,
                "lampiran": r.lampiran,
                "cara_terima": "lainnya",
                "srikandi_id": "",
                "keterangan": r.keterangan,
                "status": r.status,
                "batal_alasan": "",
                "batas_waktu": default_batas_waktu(r.tanggal_diterima.astimezone(zone).date(), r.urgensi, cal)
                if r.status in OPEN_STATUSES
                else None,
                "tanggal_selesai": None,
                "dicetak_at": None,
                "dicetak_oleh": "",
                "jumlah_cetak": 0,
                "created_at": now,
                "created_by": actor.user_id,
                "updated_at": now,
            }
        )
    records.sort(key=lambda rec: (rec["tahun"], rec["nomor_agenda"]))  # ids follow agenda order
    for start in range(0, len(records), 1000):
        session.execute(insert(IncomingLetter), records[start : start + 1000])
    years = sorted({r.tahun for r in rows})
    audit.record(
        session,
        actor,
        "impor",
        "surat_masuk",
        plan.source,
        summary=f"{len(rows)} surat masuk diimpor dari {plan.source or 'berkas'}"
        + (f", {skipped} baris tidak valid dilewati" if skipped else ""),
        after={
            "jumlah": len(rows),
            "dilewati": skipped,
            "nomor_baru": len(numbers),
            "tahun": years,
            "berkas": plan.source,
        },
    )
    return ImportResult(imported=len(rows), skipped=skipped, numbered=len(numbers))


# --- export -------------------------------------------------------------------------------------------------


def _export_rows(session: Session, actor: Actor, year: int | None) -> Iterator[tuple[Any, ...]]:
    """(nomor_agenda, tanggal terima date, asal, nomor surat, tanggal surat, perihal, kode, keamanan code,
    urgensi, status) in agenda order."""
    actor.require(Perm.VIEW)
    zone = office_tz(office.get_profile(session).zona_waktu)
    mask = not actor.can(Perm.VIEW_SECRET)
    query = select(
        IncomingLetter.nomor_agenda,
        IncomingLetter.tanggal_diterima,
        IncomingLetter.asal_surat,
        IncomingLetter.nomor_surat,
        IncomingLetter.tanggal_surat,
        IncomingLetter.perihal,
        IncomingLetter.kode_klasifikasi,
        IncomingLetter.keamanan,
        IncomingLetter.urgensi,
        IncomingLetter.status,
    ).order_by(IncomingLetter.tahun, IncomingLetter.nomor_agenda)
    if year is not None:
        query = query.where(IncomingLetter.tahun == year)
    for row in session.execute(query.execution_options(yield_per=2000)):
        secret = mask and Keamanan(row.keamanan).is_secret
        yield (
            row.nomor_agenda,
            row.tanggal_diterima.astimezone(zone).date(),
            row.asal_surat,
            row.nomor_surat,
            row.tanggal_surat,
            SECRET_MASK if secret else row.perihal,
            row.kode_klasifikasi,
            row.keamanan,
            row.urgensi,
            row.status,
        )


def _replace_atomically(
    out_path: Path, write: Callable[[Path], None], before_rename: Callable[[], None] | None = None
) -> None:
    """Write through a temporary file beside ``out_path`` and rename it, so a failure leaves no half file;
    ``before_rename`` fails the whole write when it raises (the file then never appears)."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".ekspor-", suffix=out_path.suffix, dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if before_rename is not None:
            before_rename()
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


AuditIn = Callable[[], AbstractContextManager[Session]]
"""A short write transaction for an export's audit row (``Database.transaction``): see ``_write_audited``."""


def _write_audited(
    session: Session,
    out_path: Path,
    write: Callable[[Path], None],
    record: Callable[[Session], None],
    audit_in: AuditIn | None,
) -> None:
    """Write an export file and its audit row (R10: no export without one).

    Without ``audit_in`` the row goes into ``session``, the caller's transaction. With it, ``session`` may be a
    read session (so an export never waits for another process's write lock while reading): the row is
    committed in a short transaction of its own, and only then does the file appear under its name.
    """
    if audit_in is None:
        _replace_atomically(out_path, write)
        record(session)
        return

    def audited() -> None:
        with audit_in() as writing:
            record(writing)

    _replace_atomically(out_path, write, audited)


def _audit_export(session: Session, actor: Actor, out_path: Path, year: int | None, count: int) -> None:
    audit.record(
        session,
        actor,
        "ekspor",
        "surat_masuk",
        str(year) if year is not None else "semua",
        summary=f"{count} surat masuk ({year if year is not None else 'semua tahun'}) ke {out_path.name}",
    )


def export_incoming_csv(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    year: int | None = None,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """Write the agenda (one year, or all) as CSV with ``INCOMING_COLUMNS``; returns the number of letters.
    ``audit_in``: see ``_write_audited``."""
    out_path = Path(out_path)
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = tabular.TextCsvWriter(fh)
            writer.writerow(INCOMING_COLUMNS)
            for row in _export_rows(session, actor, year):
                writer.writerow([row[0], row[1].isoformat(), *row[2:4], row[4].isoformat(), *row[5:]])
                count += 1

    _write_audited(
        session, out_path, write, lambda s: _audit_export(s, actor, out_path, year, count), audit_in
    )
    return count


_WIDTHS: Final[dict[str, int]] = {
    "nomor_agenda": 14,
    "tanggal_terima": 14,
    "asal": 40,
    "nomor_surat": 30,
    "tanggal_surat": 14,
    "perihal": 60,
    "kode_klasifikasi": 16,
    "keamanan": 11,
    "urgensi": 13,
    "status": 13,
}
_DATE_FORMAT = "yyyy-mm-dd"


def _style_header(sheet: Any, columns: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        sheet.column_dimensions[cell.column_letter].width = _WIDTHS.get(column, 16)
    sheet.freeze_panes = "A2"


def export_incoming_xlsx(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    year: int | None = None,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """The same rows as a workbook (bold frozen header, column widths, real date cells); returns the count."""
    out_path = Path(out_path)
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        book = tabular.new_workbook()
        sheet = book.active
        sheet.title = "Agenda Masuk"
        sheet.append(list(INCOMING_COLUMNS))
        for row in _export_rows(session, actor, year):
            sheet.append(list(row))
            count += 1
            for col in (2, 5):
                sheet.cell(row=count + 1, column=col).number_format = _DATE_FORMAT
        _style_header(sheet, INCOMING_COLUMNS)
        book.save(tmp)

    _write_audited(
        session, out_path, write, lambda s: _audit_export(s, actor, out_path, year, count), audit_in
    )
    return count


_GUIDE: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "nomor_agenda",
        "tidak",
        "Nomor agenda dari buku lama (angka, atau 15/2026). Kosongkan agar aplikasi memberi nomor berikutnya "
        "tahun itu, urut tanggal terima. Nomor yang sudah dipakai di aplikasi ditolak.",
    ),
    (
        "tanggal_terima",
        "ya",
        "Tanggal surat diterima: 2026-11-22, 22-11-2026, 22/11/2026, 22 November 2026 atau 22 Nop 2026. "
        "Boleh dengan jam (22/11/2026 14.05); tanpa jam dicatat pukul 08.00. Tahunnya menentukan tahun agenda.",
    ),
    ("asal", "ya", "Instansi/pengirim surat (maksimal 300 karakter)."),
    ("nomor_surat", "ya", "Nomor surat pengirim; tulis \u201ctanpa nomor\u201d bila tidak ada."),
    (
        "tanggal_surat",
        "ya",
        "Tanggal pada surat; tidak boleh sesudah tanggal terima. Format sama seperti di atas.",
    ),
    ("perihal", "ya", "Perihal / isi ringkas surat."),
    ("kode_klasifikasi", "tidak", "Kode klasifikasi arsip (Permendagri 83/2022 atau 78/2012), mis. 000.1.5."),
    ("keamanan", "tidak", "B (Biasa), T (Terbatas), R (Rahasia) atau SR (Sangat Rahasia). Kosong = Biasa."),
    ("urgensi", "tidak", "Biasa, Segera atau Amat Segera. Kosong = Biasa."),
    (
        "status",
        "tidak",
        "baru, dicetak, didisposisi, diproses, selesai, arsip atau batal. Kosong = arsip (surat lama tanpa "
        "disposisi); isi \u201cbaru\u201d bila surat masih perlu didisposisi.",
    ),
)


def write_incoming_template(path: Path | str) -> None:
    """The downloadable import template: the header row and one example row, and a sheet "Petunjuk"."""
    from openpyxl.styles import Alignment, Font

    path = Path(path)

    def write(tmp: Path) -> None:
        book = tabular.new_workbook()
        sheet = book.active
        sheet.title = "Agenda Masuk"
        sheet.append(list(INCOMING_COLUMNS))
        example: list[Any] = []
        for column in INCOMING_COLUMNS:
            value = TEMPLATE_EXAMPLE[column]
            example.append(date.fromisoformat(value) if column.startswith("tanggal") else value)
        sheet.append(example)
        for col in (2, 5):
            sheet.cell(row=2, column=col).number_format = _DATE_FORMAT
        _style_header(sheet, INCOMING_COLUMNS)

        guide = book.create_sheet("Petunjuk")
        guide.append(["Petunjuk impor buku agenda surat masuk"])
        guide["A1"].font = Font(bold=True, size=13)
        guide.append([])
        for text in (
            "Isi satu baris per surat di lembar \u201cAgenda Masuk\u201d mulai baris 2; hapus baris contoh.",
            "Judul kolom boleh berbeda (mis. \u201cNo. Agenda\u201d, \u201cTgl Terima\u201d, \u201cPengirim\u201d): "
            "aplikasi mengenali nama yang umum dan kolom bisa dipetakan saat impor.",
            "Semua baris diperiksa dulu. Bila ada baris yang salah, tidak ada yang diimpor dan setiap baris yang "
            "salah disebutkan nomor barisnya dan alasannya, kecuali Anda memilih mengimpor baris yang benar saja.",
            "Berkas .csv juga diterima (dipisah koma atau titik koma, UTF-8).",
        ):
            guide.append([text])
        guide.append([])
        header_row = guide.max_row + 1
        guide.append(["Kolom", "Wajib", "Keterangan", "Contoh"])
        for cell in guide[header_row]:
            cell.font = Font(bold=True)
        for column, required, text in _GUIDE:
            guide.append([column, required, text, TEMPLATE_EXAMPLE[column]])
        for letter, width in (("A", 20), ("B", 8), ("C", 90), ("D", 34)):
            guide.column_dimensions[letter].width = width
        for row in guide.iter_rows(min_row=header_row + 1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        book.save(tmp)

    _replace_atomically(path, write)
