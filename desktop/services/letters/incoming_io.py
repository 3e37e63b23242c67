"""Import and export of the buku agenda surat masuk (csv and xlsx), free of Qt."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.core.letters.rules import (
    Keamanan,
    Skema,
    Urgensi,
    default_batas_waktu,
    duplicate_key,
    normalize_asal,
    normalize_nomor_surat,
)
from desktop.models.letters import IncomingLetter
from desktop.services import tabular
from desktop.services.common import calendar, import_log, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.letters import importing
from desktop.services.letters.importing import known_codes, raise_counter, take_block
from desktop.services.letters.incoming import AGENDA_SERIES, SECRET_MASK, STATUS_LABELS
from desktop.services.tabular import AuditIn, RowError, Table, fold

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
    "unmapped_headers",
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

INCOMING_OPTIONAL_COLUMNS: Final[tuple[str, ...]] = (
    "ditujukan_kepada",
    "lampiran",
    "keterangan",
    "diteruskan_kepada",
    "pengolah",
)
"""Accepted on import only (old books often have them); never exported, so a round trip stays exact. The last
two (``importing.NOTE_LABELS``) are kept as labelled lines of keterangan."""

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
    "diteruskan_kepada": "diteruskan kepada",
    "pengolah": "pengolah",
}

HEADERS: Final = importing.header_table("surat_masuk.csv")
"""The header names of agendas masuk as real files carry them (``desktop/resources/headers/surat_masuk.csv``),
matched ignoring case, spaces and punctuation ("No. Agenda" = "NO AGENDA" = "no_agenda"); its "-" rows are
the columns known layouts carry that the import does not use. "Keterangan" is free text and goes to
keterangan, never to status."""

HEADER_ALIASES: Final[dict[str, str]] = HEADERS.aliases
"""Header → import column, as ``HEADERS`` lists them."""

_ALIAS_INDEX: Final[dict[str, str]] = HEADERS.index(_ALL_INCOMING)


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Map each header of a file to an import column, or None to ignore it; the first header claiming a column
    wins ("Tanggal" alone is ambiguous and is not guessed)."""
    return tabular.map_headers(headers, _ALIAS_INDEX)


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """The mapping to use: ``mapping`` (header → column name or None, for the headers the user set) over the
    suggestion for the others. Raises ValidationError for an unknown header or column, or a column set twice."""
    return tabular.resolve_headers(headers, mapping, _ALIAS_INDEX, _ALL_INCOMING)


# --- reading files ------------------------------------------------------------------------------------------


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an .xlsx or a .csv file of the agenda masuk (``tabular.read_table``); the header
    is the first of the first 20 rows in which at least three cells name an incoming column."""
    return tabular.read_table(path, _ALIAS_INDEX)


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
class ImportPlan(importing.LetterPlan[PlannedRow]):
    """What an import would do. ``errors`` block unless the user chooses to import the valid rows only;
    ``warnings`` never block."""


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
_STATUS_WORDS: Final[dict[str, str]] = {
    **{fold(k): k for k in STATUS_LABELS},
    **{fold(v): k for k, v in STATUS_LABELS.items()},
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


def _parse_status(text: str) -> str | None:
    return _STATUS_WORDS.get(fold(text))


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
    ignore: Iterable[str] = (),
    today: date | None = None,
) -> ImportPlan:
    """Check every row of ``table`` for an import into the agenda surat masuk; nothing is written.

    ``mapping`` maps file headers to column names (or None to ignore a header); headers it leaves out are
    mapped by ``suggest_mapping``. Reasons are Indonesian, one ``RowError`` per bad row with all its problems.
    Columns with data that nothing maps are the plan's ``unmapped`` (and a warning), unless ``ignore`` names
    them; what the reader skipped around the table is a warning too.
    """
    actor.require(Perm.WRITE_LETTERS)
    resolved = resolve_mapping(table.headers, mapping)
    unmapped, file_notes = importing.column_report(table, resolved, HEADERS.known_unused, ignore)
    by_column = {column: header for header, column in resolved.items() if column}
    refused = importing.missing_columns(table, by_column, INCOMING_REQUIRED, COLUMN_LABELS)
    if refused:
        return ImportPlan(
            [],
            refused,
            file_notes,
            mapping=resolved,
            source=table.source,
            rows_read=len(table.rows),
            unmapped=unmapped,
        )
    zone_code = office.get_profile(session).zona_waktu
    zone = office_tz(zone_code)
    today = today or clock.today(zone_code)
    codes = known_codes(session)
    template_key = tuple(fold(TEMPLATE_EXAMPLE[c]) for c in ("asal", "nomor_surat", "perihal"))

    checked: list[tuple[int, list[str], dict[str, Any]]] = []
    for line, cells in importing.row_cells(table, by_column):
        get = cells.get
        parsed: dict[str, Any] = {}
        if tuple(fold(get(c)) for c in ("asal", "nomor_surat", "perihal")) == template_key:
            checked.append((line, [importing.EXAMPLE_ROW], parsed))
            continue
        problems = importing.blank_or_long(cells, INCOMING_REQUIRED, _LIMITS, COLUMN_LABELS)
        received: date | None = None
        when = importing.parse_date_cell("tanggal terima", get("tanggal_terima"), problems)
        if when is not None:
            received, at = when
            if received > today:
                problems.append(f"tanggal terima {received.isoformat()} di masa depan")
                received = None
            else:
                parsed["tanggal_diterima"] = datetime.combine(received, at or RECEIVED_AT, tzinfo=zone)
                parsed["tahun"] = received.year
        when = importing.parse_date_cell("tanggal surat", get("tanggal_surat"), problems)
        if when is not None:
            written = when[0]
            if received is not None and written > received:
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
        keamanan, urgensi = importing.parse_sifat(get("keamanan"), get("urgensi"), problems)
        status = "arsip"
        if get("status"):
            found = _parse_status(get("status"))
            if found is None:
                problems.append(
                    f"status \u201c{get('status')}\u201d tidak dikenal (pilih {', '.join(STATUS_LABELS)})"
                )
            else:
                status = found
        kode, skema = importing.code_and_scheme(get("kode_klasifikasi"), codes)
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
            lampiran=cells.raw("lampiran"),
            keterangan=importing.with_notes(cells.raw("keterangan"), cells, importing.NOTE_LABELS),
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
        warnings=file_notes + _warnings(session, valid, codes),
        mapping=resolved,
        source=table.source,
        rows_read=len(table.rows),
        sha256=table.sha256,
        unmapped=unmapped,
    )


def unmapped_headers(table: Table, mapping: Mapping[str, str | None]) -> list[str]:
    """The headers of ``table`` with data that ``mapping`` (as the wizard shows it) leaves unmapped and no
    known layout lists as unused: what the clerk is shown before choosing to leave them out."""
    return tabular.unmapped_columns(table, mapping, HEADERS.known_unused)


def _warnings(session: Session, rows: list[PlannedRow], codes: dict[str, set[str]]) -> list[RowError]:
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
        code_note = importing.unknown_code_note(row.kode_klasifikasi, row.skema, codes)
        notes = [code_note] if code_note else []
        if key is not None and key in in_db:
            notes.append(f"kemungkinan surat ganda: sudah diagendakan sebagai {in_db[key]}")
        if key is not None and keys[key] != row.line:
            notes.append(f"kemungkinan surat ganda dengan baris {keys[key]}")
        if notes:
            warnings.append(RowError(row.line, "; ".join(notes)))
    registered = sum(1 for _, key in row_keys if key is not None and key in in_db)
    note = import_log.mostly_duplicates_note(registered, len(rows))
    if note:
        warnings.insert(0, RowError.for_file(note))
    return warnings


# --- import -------------------------------------------------------------------------------------------------


def import_incoming(
    session: Session, actor: Actor, plan: ImportPlan, *, skip_invalid: bool = False, again: bool = False
) -> ImportResult:
    """Write the plan's rows into the agenda in the caller's transaction (all or nothing), audited once.

    Refused while the plan has errors, unless ``skip_invalid``, and (AlreadyImported) for a file imported
    before, unless ``again``. Rows with a nomor agenda keep it and raise their year's counter to at least it;
    the others get the next numbers of their year, in order of tanggal terima.
    """
    skipped = importing.start_import(session, actor, plan, _SHEET, skip_invalid=skip_invalid, again=again)
    rows = plan.valid
    if not rows:
        return ImportResult(imported=0, skipped=skipped)
    given = [(r.tahun, r.nomor_agenda, r.line) for r in rows if r.nomor_agenda is not None]
    highest: dict[int, int] = {}
    for tahun, nomor, _ in given:
        highest[tahun] = max(highest.get(tahun, 0), nomor)
    for tahun in sorted(highest):
        raise_counter(session, AGENDA_SERIES, tahun, highest[tahun])
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
        first = take_block(session, AGENDA_SERIES, tahun, len(group))
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
    importing.audit_import(session, actor, _SHEET, plan, skipped, {"nomor_baru": len(numbers)})
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


def export_incoming_csv(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    year: int | None = None,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """Write the agenda (one year, or all) as CSV with ``INCOMING_COLUMNS``; returns the number of letters.
    ``audit_in``: see ``tabular.write_audited``."""
    rows = (
        [row[0], row[1].isoformat(), *row[2:4], row[4].isoformat(), *row[5:]]
        for row in _export_rows(session, actor, year)
    )
    return importing.export(session, actor, _SHEET, rows, Path(out_path), year, audit_in, workbook=False)


def export_incoming_xlsx(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    year: int | None = None,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """The same rows as a workbook (bold frozen header, column widths, real date cells); returns the count."""
    rows = _export_rows(session, actor, year)
    return importing.export(session, actor, _SHEET, rows, Path(out_path), year, audit_in, workbook=True)


_SHEET: Final = importing.AgendaSheet(
    "Agenda Masuk",
    INCOMING_COLUMNS,
    {
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
    },
    "surat_masuk",
    "surat masuk",
)


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
    *importing.GUIDE_KODE_KEAMANAN,
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
    paragraphs = (
        "Isi satu baris per surat di lembar \u201cAgenda Masuk\u201d mulai baris 2; hapus baris contoh.",
        "Judul kolom boleh berbeda (mis. \u201cNo. Agenda\u201d, \u201cTgl Terima\u201d, "
        "\u201cPengirim\u201d): aplikasi mengenali nama yang umum dan kolom bisa dipetakan saat impor.",
        "Semua baris diperiksa dulu. Bila ada baris yang salah, tidak ada yang diimpor dan setiap baris "
        "yang salah disebutkan nomor barisnya dan alasannya, kecuali Anda memilih mengimpor baris yang "
        "benar saja.",
        "Berkas .csv juga diterima (dipisah koma atau titik koma, UTF-8).",
    )
    title = "Petunjuk impor buku agenda surat masuk"
    importing.write_template(Path(path), _SHEET, TEMPLATE_EXAMPLE, title, paragraphs, _GUIDE)
