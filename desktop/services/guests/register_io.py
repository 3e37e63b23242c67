"""The buku tamu in and out: an office's old guest book (CSV/xlsx) imported as past visits, a period exported."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.models.admin import OrgUnit
from desktop.models.guests import Guest, Keperluan, Visit
from desktop.services import tabular
from desktop.services.common import audit, import_log
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import skm
from desktop.services.guests.visits import MAX_GROUP, Status, name_key, office_today, phone_key, zone
from desktop.services.tabular import AuditIn, RowError, Table, fold

__all__ = [
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "ImportPlan",
    "ImportResult",
    "PastVisit",
    "export_csv",
    "export_xlsx",
    "import_visits",
    "read_table",
    "resolve_mapping",
    "validate_visits",
]

KIND: Final = "buku_tamu"
"""The ``import_log`` kind and the audit entity of imports and exports of the buku tamu."""

EXPORT_COLUMNS: Final[tuple[str, ...]] = (
    "tanggal",
    "jam_datang",
    "jam_pulang",
    "nama",
    "instansi",
    "no_hp",
    "keperluan",
    "tujuan",
    "status",
)
"""The CSV export's columns, exactly (issue 14 item 9): ISO date, HH:MM office time, the Status value."""

EXPORT_HEADINGS: Final[tuple[str, ...]] = (
    "Tanggal",
    "Jam Datang",
    "Jam Pulang",
    "Nama",
    "Instansi",
    "No. HP",
    "Keperluan",
    "Tujuan",
    "Status",
)
_EXPORT_WIDTHS: Final = (12, 11, 11, 30, 30, 16, 30, 36, 12)

IMPORT_COLUMNS: Final[tuple[str, ...]] = (
    "tanggal",
    "jam_datang",
    "jam_pulang",
    "nama",
    "instansi",
    "alamat",
    "no_hp",
    "keperluan",
    "tujuan",
    "bertemu",
    "jenis_kelamin",
    "jumlah",
    "nik",
    "keterangan",
)
REQUIRED: Final[tuple[str, ...]] = ("tanggal", "nama", "keperluan")
LABELS: Final[dict[str, str]] = {
    "tanggal": "tanggal",
    "jam_datang": "jam datang",
    "jam_pulang": "jam pulang",
    "nama": "nama",
    "instansi": "instansi",
    "alamat": "alamat",
    "no_hp": "no. HP",
    "keperluan": "keperluan",
    "tujuan": "tujuan",
    "bertemu": "bertemu",
    "jenis_kelamin": "jenis kelamin",
    "jumlah": "jumlah",
    "nik": "NIK",
    "keterangan": "keterangan",
}
# The widths of the visit's columns: a longer cell is refused rather than cut (a past record stays whole).
_LIMITS: Final[dict[str, int]] = {
    "nama": 200,
    "instansi": 200,
    "alamat": 400,
    "no_hp": 30,
    "keperluan": 120,
    "tujuan": 300,
    "bertemu": 200,
    "keterangan": 400,
}

HEADERS: Final = tabular.load_header_table(tabular.header_file("buku_tamu.csv"))
"""The headers old buku tamu files carry (``desktop/resources/headers/buku_tamu.csv``)."""
_INDEX: Final = HEADERS.index(IMPORT_COLUMNS)

_TIME: Final = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}\s+)?(?:pukul\s+|jam\s+)?(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit))?",
    re.IGNORECASE,
)
_DAY_FRACTION: Final = re.compile(r"0?[.,]\d+")
_NON_DIGIT: Final = re.compile(r"\D")


# --- reading ------------------------------------------------------------------------------------------------


def read_table(path: Path | str) -> Table:
    """The first sheet of a buku tamu .xlsx or .csv; the header is the first of the first 20 rows in which at
    least three cells name a buku tamu column, among them the name."""
    return tabular.read_table(
        path,
        _INDEX,
        required=("nama",),
        no_header=(
            "Berkas {source}: baris judul kolom buku tamu tidak ditemukan (perlu sedikitnya Tanggal, Nama "
            "dan Keperluan di 20 baris pertama)."
        ),
    )


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """``mapping`` (header → column or None, for the headers the user set) over the suggestion for the rest."""
    return tabular.resolve_headers(headers, mapping, _INDEX, IMPORT_COLUMNS)


# --- checking -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastVisit:
    """One valid row: a visit that happened, as the book wrote it."""

    line: int
    tanggal: date
    datang: time | None
    pulang: time | None
    nama: str
    instansi: str = ""
    alamat: str = ""
    no_hp: str = ""
    keperluan: str = ""
    tujuan: str = ""
    tujuan_unit_id: int | None = None
    bertemu: str = ""
    jenis_kelamin: str = ""
    jumlah_orang: int = 1
    nik: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class ImportPlan(tabular.SheetPlan[PastVisit]):
    """What an import would do. ``errors`` block unless the user chooses the valid rows only; ``warnings``
    never block; ``unmapped`` are headers with data that nothing takes (the CLI refuses the file for them)."""


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    guests_new: int = 0
    guests_matched: int = 0


def parse_time(text: str) -> time:
    """A time cell: ``09:15``, ``9.15``, ``09:15:30``, ``pukul 09.15 WITA``, a workbook time read as
    ``1899-12-30 09:15`` or an Excel day fraction (``0.385416``). ValueError with the reason."""
    cleaned = " ".join(text.split())
    if _DAY_FRACTION.fullmatch(cleaned):
        minutes = round(float(cleaned.replace(",", ".")) * 24 * 60)
        if minutes >= 24 * 60:
            raise ValueError(f"\u201c{text}\u201d bukan jam")
        return time(minutes // 60, minutes % 60)
    match = _TIME.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"\u201c{text}\u201d bukan jam (tulis JJ:MM atau JJ.MM, mis. 09:15)")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"jam \u201c{text}\u201d tidak ada")
    return time(hour, minute)


def _unit_matcher(session: Session) -> dict[str, int]:
    """``fold`` of each active unit's nama and singkatan → its id; a text two units share matches neither."""
    found: dict[str, int | None] = {}
    for unit_id, nama, singkatan in session.execute(
        select(OrgUnit.id, OrgUnit.nama, OrgUnit.singkatan).where(OrgUnit.aktif.is_(True))
    ):
        for text in {fold(nama), fold(singkatan)} - {""}:
            found[text] = unit_id if found.get(text, unit_id) == unit_id else None
    return {k: v for k, v in found.items() if v is not None}


def validate_visits(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
    today: date | None = None,
) -> ImportPlan:
    """Check every row of ``table`` as a past visit; nothing is written. One ``RowError`` per bad row with all
    its problems; the columns with data that nothing maps are the plan's ``unmapped`` (unless ``ignore``)."""
    actor.require(Perm.WRITE_GUESTS)
    resolved = resolve_mapping(table.headers, mapping)
    unmapped, notes = tabular.column_report(table, resolved, HEADERS.known_unused, ignore, note_ignored=False)
    by_column = tabular.columns_read(resolved)
    refused = tabular.missing_columns(table, by_column, REQUIRED, LABELS, tabular.MAP_HINT)
    if refused:
        return ImportPlan.for_table(table, [], refused, notes, mapping=resolved, unmapped=unmapped)
    today = today or office_today(session)
    units = _unit_matcher(session)
    master = {fold(k): k for k in session.scalars(select(Keperluan.nama))}
    valid: list[PastVisit] = []
    errors: list[RowError] = []
    warnings: list[RowError] = []
    for line, cells in tabular.row_cells(table, by_column):
        get = cells.get
        problems = tabular.blank_or_long(cells, REQUIRED, _LIMITS, LABELS)
        day: date | None = None
        written_time: time | None = None
        when = tabular.parse_date_cell("tanggal", get("tanggal"), problems)
        if when is not None:
            day, written_time = when
            if day > today:
                problems.append(f"tanggal {day.isoformat()} di masa depan")
        times: dict[str, time | None] = {"jam_datang": written_time, "jam_pulang": None}
        for column in times:
            if get(column):
                try:
                    times[column] = parse_time(get(column))
                except ValueError as exc:
                    problems.append(f"{LABELS[column]}: {exc}")
        datang, pulang = times["jam_datang"], times["jam_pulang"]
        if datang is not None and pulang is not None and pulang < datang:
            problems.append(f"jam pulang {pulang:%H:%M} sebelum jam datang {datang:%H:%M}")
        gender = ""
        if get("jenis_kelamin"):
            gender = skm.gender_code(get("jenis_kelamin"))
            if not gender:
                problems.append(
                    f"jenis kelamin \u201c{get('jenis_kelamin')}\u201d tidak dikenal (L/P, laki-laki/perempuan)"
                )
        jumlah = 1
        if get("jumlah"):
            text = get("jumlah").removesuffix(" orang")
            if not text.isdigit() or not 1 <= int(text) <= MAX_GROUP:
                problems.append(f"jumlah \u201c{get('jumlah')}\u201d harus bilangan 1 sampai {MAX_GROUP}")
            else:
                jumlah = int(text)
        nik = _NON_DIGIT.sub("", get("nik"))
        if get("nik") and len(nik) != 16:
            problems.append(f"NIK \u201c{get('nik')}\u201d harus 16 angka")
        if problems or day is None:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        tujuan, bertemu = get("tujuan"), get("bertemu")
        keperluan = get("keperluan")
        valid.append(
            PastVisit(
                line=line,
                tanggal=day,
                datang=datang,
                pulang=pulang,
                nama=get("nama"),
                instansi=get("instansi"),
                alamat=get("alamat"),
                no_hp=get("no_hp"),
                # An entry of the master list written in another case is that entry; anything else stays as
                # the book wrote it (a past record is not corrected to today's list).
                keperluan=master.get(fold(keperluan), keperluan),
                # The book's "Tujuan" is the text kept; a book with only "Bertemu" had the person as its aim.
                tujuan=tujuan or bertemu,
                tujuan_unit_id=units.get(fold(tujuan or bertemu)),
                bertemu=bertemu,
                jenis_kelamin=gender,
                jumlah_orang=jumlah,
                nik=nik,
                keterangan=cells.raw("keterangan"),
            )
        )
        if not (tujuan or bertemu):
            warnings.append(RowError(line, "tujuan dan bertemu kosong; kunjungan dicatat tanpa tujuan"))
    return ImportPlan.for_table(table, valid, errors, notes + warnings, mapping=resolved, unmapped=unmapped)


# --- import -------------------------------------------------------------------------------------------------


class _Guests:
    """The guest index as the import fills it: a row's guest is found by NIK, else by exact name and phone
    (two Budi Santoso without a phone are two guests, as at the desk); otherwise a new guest."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_nik: dict[str, Guest] = {}
        self.by_name_phone: dict[tuple[str, str], Guest] = {}
        self.new = 0
        self.matched: set[int] = set()

    def find(self, row: PastVisit) -> Guest | None:
        name, hp = name_key(row.nama), phone_key(row.no_hp)
        if row.nik:
            if row.nik in self.by_nik:
                return self.by_nik[row.nik]
            guest = self.session.scalar(
                select(Guest).where(Guest.nik == row.nik, Guest.anonim_at.is_(None)).limit(1)
            )
            if guest is not None:
                return guest
        if hp:
            if (name, hp) in self.by_name_phone:
                return self.by_name_phone[(name, hp)]
            return self.session.scalar(
                select(Guest)
                .where(Guest.nama_kunci == name, Guest.hp_kunci == hp, Guest.anonim_at.is_(None))
                .order_by(Guest.id)
                .limit(1)
            )
        return None

    def for_row(self, row: PastVisit) -> Guest:
        guest = self.find(row)
        if guest is None:
            guest = Guest(nama=row.nama, nama_kunci=name_key(row.nama), created_at=clock.utc_now())
            self.session.add(guest)
            self.new += 1
        elif guest.id is not None:
            self.matched.add(guest.id)
        # The latest visit's details are the guest's current ones; blanks keep what was known.
        if guest.terakhir_datang is None or row.tanggal >= guest.terakhir_datang:
            guest.nama, guest.nama_kunci = row.nama, name_key(row.nama)
            for attr in ("instansi", "alamat", "jenis_kelamin", "nik", "no_hp"):
                if getattr(row, attr):
                    setattr(guest, attr, getattr(row, attr))
            if row.no_hp:
                guest.hp_kunci = phone_key(row.no_hp)
            guest.terakhir_datang = row.tanggal
        else:
            for attr in ("instansi", "alamat", "jenis_kelamin", "nik", "no_hp"):
                if getattr(row, attr) and not getattr(guest, attr):
                    setattr(guest, attr, getattr(row, attr))
            if row.no_hp and not guest.hp_kunci:
                guest.hp_kunci = phone_key(row.no_hp)
        if guest.nik:
            self.by_nik[guest.nik] = guest
        if guest.hp_kunci:
            self.by_name_phone[(guest.nama_kunci, guest.hp_kunci)] = guest
        return guest


def import_visits(
    session: Session, actor: Actor, plan: ImportPlan, *, skip_invalid: bool = False, again: bool = False
) -> ImportResult:
    """Write the plan's rows as past visits in the caller's transaction (all or nothing), audited once.

    Each visit is closed (status selesai), without a ticket, a card or a survey token; jam datang and jam pulang
    are office time of its date. A row without jam pulang is closed at its jam datang, so no imported guest is
    ever "still in the building". Refused while the plan has errors (unless ``skip_invalid``) and for a file
    imported before (``import_log.AlreadyImported``, unless ``again``).
    """
    actor.require(Perm.WRITE_GUESTS)
    skipped = plan.rows_skipped(skip_invalid)
    if not plan.valid:
        return ImportResult(0, skipped)
    if plan.sha256:
        import_log.claim(session, actor, KIND, plan.sha256, plan.source, len(plan.valid), again=again)
    tz = office_tz(zone(session))
    guests = _Guests(session)
    now = clock.utc_now()
    for row in sorted(plan.valid, key=lambda r: (r.tanggal, r.datang or time.min, r.line)):
        guest = guests.for_row(row)
        session.flush()  # the guest's id, and the index the next row's lookup reads
        datang = datetime.combine(row.tanggal, row.datang, tz) if row.datang is not None else None
        pulang = datetime.combine(row.tanggal, row.pulang, tz) if row.pulang is not None else datang
        session.add(
            Visit(
                tamu_id=guest.id,
                tanggal=row.tanggal,
                status=Status.SELESAI.value,
                nama=row.nama,
                nik=row.nik,
                no_hp=row.no_hp,
                instansi=row.instansi,
                alamat=row.alamat,
                jenis_kelamin=row.jenis_kelamin,
                jumlah_orang=row.jumlah_orang,
                keperluan=row.keperluan,
                keterangan=row.keterangan,
                tujuan_unit_id=row.tujuan_unit_id,
                tujuan=row.tujuan,
                bertemu=row.bertemu,
                datang_at=datang,
                selesai_at=pulang,
                pulang_at=pulang,
                created_at=now,
            )
        )
    session.flush()
    years = sorted({r.tanggal.year for r in plan.valid})
    summary = f"{len(plan.valid)} kunjungan diimpor dari {plan.source or 'berkas'}"
    if skipped:
        summary += f", {skipped} baris tidak valid dilewati"
    # No guest's name in the audit row: retention clears the visits, and the audit log is never rewritten.
    audit.record(
        session, actor, "impor", KIND, plan.source, summary=summary,
        after={"jumlah": len(plan.valid), "dilewati": skipped, "tamu_baru": guests.new, "tahun": years},
    )  # fmt: skip
    return ImportResult(len(plan.valid), skipped, guests.new, len(guests.matched))


# --- export -------------------------------------------------------------------------------------------------


def _period_rows(session: Session, actor: Actor, start: date, end: date) -> Iterator[tuple[Any, ...]]:
    """(tanggal, jam datang, jam pulang, nama, instansi, no_hp, keperluan, tujuan, status) in date and arrival
    order; times as ``HH:MM`` office time ("" when not recorded)."""
    actor.require(Perm.VIEW)
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")
    tz = office_tz(zone(session))
    query = (
        select(
            Visit.tanggal,
            Visit.datang_at,
            Visit.pulang_at,
            Visit.nama,
            Visit.instansi,
            Visit.no_hp,
            Visit.keperluan,
            Visit.tujuan,
            Visit.status,
        )
        .where(Visit.tanggal >= start, Visit.tanggal <= end)
        .order_by(Visit.tanggal, Visit.datang_at.is_(None), Visit.datang_at, Visit.id)
    )
    for row in session.execute(query.execution_options(yield_per=2000)):
        yield (
            row.tanggal,
            hhmm(row.datang_at, tz),
            hhmm(row.pulang_at, tz) if row.pulang_at != row.datang_at else "",
            row.nama,
            row.instansi,
            row.no_hp,
            row.keperluan,
            row.tujuan,
            row.status,
        )


def hhmm(moment: datetime | None, tz: Any) -> str:
    """An instant as ``HH:MM`` office time, "" for none."""
    return moment.astimezone(tz).strftime("%H:%M") if moment is not None else ""


def _recorder(actor: Actor, start: date, end: date, out_path: Path) -> Any:
    def record(writing: Session, count: int) -> None:
        # R31: every export of guest data is audited; the row names the period and the file, never a guest.
        audit.record(
            writing, actor, "ekspor", KIND, f"{start}..{end}",
            summary=f"{count} kunjungan {start.isoformat()} s.d. {end.isoformat()} ke {out_path.name}",
        )  # fmt: skip

    return record


def export_csv(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    start: date,
    end: date,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """The visits of ``start``..``end`` as CSV with exactly ``EXPORT_COLUMNS``; returns the count."""
    out = Path(out_path)
    rows = ((r[0].isoformat(), *r[1:]) for r in _period_rows(session, actor, start, end))
    return tabular.export_csv(session, out, EXPORT_COLUMNS, rows, _recorder(actor, start, end, out), audit_in)


def export_xlsx(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    start: date,
    end: date,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """The same visits as a workbook with Indonesian headings, real date cells and the status as its label."""
    out = Path(out_path)
    rows = ((*r[:-1], Status(r[-1]).label) for r in _period_rows(session, actor, start, end))
    return tabular.export_xlsx(
        session,
        out,
        EXPORT_HEADINGS,
        rows,
        _recorder(actor, start, end, out),
        audit_in,
        title="Buku Tamu",
        widths=_EXPORT_WIDTHS,
        date_columns=(1,),
    )
