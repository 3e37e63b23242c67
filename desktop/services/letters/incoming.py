"""Surat: the buku agenda surat masuk, its lembar disposisi, the kode klasifikasi lists and masters."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, and_, case, exists, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from desktop.core import clock
from desktop.core.dates import format_date, office_tz
from desktop.core.letters.rules import (
    DEFAULT_INSTRUCTIONS,
    CaraTerima,
    Keamanan,
    Skema,
    Urgensi,
    ancestors,
    code_sort_key,
    default_batas_waktu,
    duplicate_key,
    format_agenda,
    is_susulan,
    normalize_asal,
    normalize_nomor_surat,
    parent_of,
    sifat_ticks,
)
from desktop.models.admin import OrgUnit
from desktop.models.letters import (
    ClassificationCode,
    Disposition,
    DispositionInstruction,
    DispositionRecipient,
    IncomingLetter,
)
from desktop.printing.pages import HALF_F4, paper_by_key
from desktop.services.common import audit, calendar, counters, office, printed
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.secrecy import SECRET_MASK as SECRET_MASK  # re-exported for the callers
from desktop.services.common.secrecy import hidden_from
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.storage import fulltext

SEED_DIR = Path(__file__).resolve().parents[2] / "resources" / "seed"
CODES_83 = SEED_DIR / "kode_klasifikasi_arsip_permendagri_83_2022_jra.csv"
CODES_78 = SEED_DIR / "kode_klasifikasi_arsip_permendagri_78_2012.csv"
AGENDA_SERIES = "agenda_masuk"
AGENDA_PATTERN = "{urut}"
STATUS_LABELS = {
    "baru": "Baru",
    "dicetak": "Disposisi dicetak",
    "didisposisi": "Didisposisi",
    "diproses": "Diproses",
    "selesai": "Selesai",
    "arsip": "Arsip (tanpa disposisi)",
    "batal": "Batal",
}
DISPOSISI_PAPERS = ("HALF_F4", "A5", "A4")
SEARCH_COUNT_CAP = 1000
# Rows per page of the agenda list: a 1366 × 768 screen shows about 20; the table fetches the next page as
# the clerk scrolls. Building 200 rows' IncomingInfo cost as much as the search itself.
LIST_PAGE = 100  # list_incoming reports SEARCH_COUNT_CAP + 1 for "more than this many" matches


# --- reference data -----------------------------------------------------------------------------------------


def seed_reference(session: Session) -> int:
    """Fill the kode klasifikasi lists and the instruction master on first start; returns rows added."""
    added = 0
    if not session.scalar(select(func.count()).select_from(ClassificationCode)):
        rows: list[dict[str, object]] = []
        with CODES_83.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                rows.append(
                    {
                        "skema": Skema.PERMENDAGRI_83_2022.value,
                        "kode": r["kode"].strip(),
                        "kode_induk": (r.get("kode_induk") or "").strip(),
                        "level": int(r.get("level") or 1),
                        "uraian": r["uraian"].strip(),
                        "retensi_aktif": (r.get("retensi_aktif") or "").strip(),
                        "retensi_inaktif": (r.get("retensi_inaktif") or "").strip(),
                        "nasib_akhir": (r.get("nasib_akhir") or "").strip(),
                        "aktif": True,
                    }
                )
        with CODES_78.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                kode = r["kode"].strip()
                rows.append(
                    {
                        "skema": Skema.PERMENDAGRI_78_2012.value,
                        "kode": kode,
                        "kode_induk": parent_of(kode, "78/2012") or "",
                        "level": len(ancestors(kode, Skema.PERMENDAGRI_78_2012)) + 1,
                        "uraian": r["uraian"].strip(),
                        "retensi_aktif": "",
                        "retensi_inaktif": "",
                        "nasib_akhir": "",
                        "aktif": True,
                    }
                )
        insert_ignoring_conflicts(session, ClassificationCode, rows, ["skema", "kode"])
        added += len(rows)
    if not session.scalar(select(func.count()).select_from(DispositionInstruction)):
        defaults = [
            {"teks": t, "urutan": i, "aktif": True} for i, t in enumerate(DEFAULT_INSTRUCTIONS, start=1)
        ]
        insert_ignoring_conflicts(session, DispositionInstruction, defaults, ["teks"])
        added += len(defaults)
    return added


@dataclass(frozen=True)
class CodeInfo:
    skema: str
    kode: str
    uraian: str
    retensi_aktif: str = ""
    retensi_inaktif: str = ""
    nasib_akhir: str = ""

    @property
    def retensi(self) -> str:
        """ "Aktif 2 Tahun · Inaktif 3 Tahun · Musnah (indikatif)" for the picker."""
        parts = []
        if self.retensi_aktif:
            parts.append(f"Aktif {self.retensi_aktif}")
        if self.retensi_inaktif:
            parts.append(f"Inaktif {self.retensi_inaktif}")
        if self.nasib_akhir:
            parts.append(self.nasib_akhir)
        return " · ".join(parts) + (" (indikatif)" if parts else "")


def search_codes(
    session: Session, actor: Actor, text: str, *, skema: str | None = None, limit: int = 30
) -> list[CodeInfo]:
    """Codes whose number starts with ``text`` or whose uraian contains every word of it (R26)."""
    actor.require(Perm.VIEW)
    query = select(ClassificationCode).where(ClassificationCode.aktif.is_(True))
    if skema:
        query = query.where(ClassificationCode.skema == skema)
    words = text.split()
    if words:
        if words[0][0].isdigit():
            query = query.where(ClassificationCode.kode.startswith(words[0]))
            words = words[1:]
        for w in words:
            query = query.where(ClassificationCode.uraian.ilike(f"%{w}%"))
    found = session.scalars(query.limit(500)).all()
    found = sorted(found, key=lambda c: (c.skema != "83/2022", code_sort_key(c.kode, c.skema)))
    return [
        CodeInfo(c.skema, c.kode, c.uraian, c.retensi_aktif, c.retensi_inaktif, c.nasib_akhir)
        for c in found[:limit]
    ]


def get_code(session: Session, kode: str, skema: str = "83/2022") -> CodeInfo | None:
    c = session.scalar(
        select(ClassificationCode).where(ClassificationCode.skema == skema, ClassificationCode.kode == kode)
    )
    return (
        CodeInfo(c.skema, c.kode, c.uraian, c.retensi_aktif, c.retensi_inaktif, c.nasib_akhir) if c else None
    )


def list_instructions(session: Session) -> list[str]:
    rows = session.scalars(
        select(DispositionInstruction)
        .where(DispositionInstruction.aktif.is_(True))
        .order_by(DispositionInstruction.urutan)
    )
    return [r.teks for r in rows]


def disposition_recipients(session: Session) -> list[str]:
    """ "Diteruskan kepada" lines from the organisation units, in their order (B5, configurable by units)."""
    units = session.scalars(
        select(OrgUnit).where(OrgUnit.aktif.is_(True)).order_by(OrgUnit.urutan, OrgUnit.id)
    )
    names: list[str] = []
    for u in units:
        label = u.kepala_jabatan.strip() or (f"Kepala {u.nama}" if u.jenis != "sekretariat" else "Sekretaris")
        if label not in names:
            names.append(label)
    return names


# --- agenda surat masuk -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingInput:
    """What the clerk types for one incoming letter."""

    tanggal_diterima: datetime
    asal_surat: str
    nomor_surat: str
    tanggal_surat: date
    perihal: str
    ditujukan_kepada: str = "Kepala Dinas"
    kode_klasifikasi: str = ""
    skema: str = "83/2022"
    keamanan: Keamanan = Keamanan.B
    urgensi: Urgensi = Urgensi.BIASA
    lampiran: str = ""
    cara_terima: CaraTerima = CaraTerima.LANGSUNG
    srikandi_id: str = ""
    keterangan: str = ""
    tanpa_disposisi: bool = False


@dataclass(frozen=True)
class IncomingInfo:
    id: int
    tahun: int
    nomor_agenda: int
    agenda: str  # "15/2026"
    susulan: bool
    tanggal_diterima: datetime
    asal_surat: str
    nomor_surat: str
    tanggal_surat: date
    perihal: str
    ditujukan_kepada: str
    kode_klasifikasi: str
    skema: str
    keamanan: Keamanan
    urgensi: Urgensi
    lampiran: str
    cara_terima: CaraTerima
    srikandi_id: str
    keterangan: str
    status: str
    batas_waktu: date | None
    dicetak_at: datetime | None
    jumlah_cetak: int
    masked: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _info(row: IncomingLetter, actor: Actor) -> IncomingInfo:
    secret = hidden_from(actor, row.keamanan)
    return IncomingInfo(
        id=row.id,
        tahun=row.tahun,
        nomor_agenda=row.nomor_agenda,
        agenda=f"{format_agenda(AGENDA_PATTERN, row.nomor_agenda, row.tahun)}/{row.tahun}",
        susulan=row.susulan,
        tanggal_diterima=row.tanggal_diterima,
        asal_surat=row.asal_surat,
        nomor_surat=row.nomor_surat,
        tanggal_surat=row.tanggal_surat,
        perihal=SECRET_MASK if secret else row.perihal,
        ditujukan_kepada=row.ditujukan_kepada,
        kode_klasifikasi=row.kode_klasifikasi,
        skema=row.skema,
        keamanan=Keamanan(row.keamanan),
        urgensi=Urgensi(row.urgensi),
        lampiran=row.lampiran,
        cara_terima=CaraTerima(row.cara_terima),
        srikandi_id=row.srikandi_id,
        keterangan="" if secret else row.keterangan,
        status=row.status,
        batas_waktu=row.batas_waktu,
        dicetak_at=row.dicetak_at,
        jumlah_cetak=row.jumlah_cetak,
        masked=secret,
    )


def _office_zone(session: Session) -> str:
    return office.get_profile(session).zona_waktu


def _validate(session: Session, data: IncomingInput) -> IncomingInput:
    if data.tanggal_diterima.tzinfo is None:
        raise ValidationError("Tanggal terima harus memakai zona waktu kantor.", "tanggal_diterima")
    asal = " ".join(data.asal_surat.split())
    nomor = " ".join(data.nomor_surat.split())
    perihal = " ".join(data.perihal.split())
    if not asal:
        raise ValidationError("Asal surat wajib diisi.", "asal_surat")
    if not nomor:
        raise ValidationError(
            "Nomor surat wajib diisi (tulis \u201ctanpa nomor\u201d bila tidak ada).", "nomor_surat"
        )
    if len(nomor) > 255:
        raise ValidationError("Nomor surat terlalu panjang (maksimal 255 karakter).", "nomor_surat")
    if not perihal:
        raise ValidationError("Perihal wajib diisi.", "perihal")
    received = data.tanggal_diterima.astimezone(office_tz(_office_zone(session))).date()
    if data.tanggal_surat > received:
        raise ValidationError("Tanggal surat tidak boleh sesudah tanggal terima.", "tanggal_surat")
    if received > clock.today(_office_zone(session)):
        raise ValidationError("Tanggal terima tidak boleh di masa depan.", "tanggal_diterima")
    kode = data.kode_klasifikasi.strip()
    skema = Skema.coerce(data.skema).value
    return replace(
        data,
        asal_surat=asal,
        nomor_surat=nomor,
        perihal=perihal,
        kode_klasifikasi=kode,
        skema=skema,
        ditujukan_kepada=" ".join(data.ditujukan_kepada.split()),
        lampiran=data.lampiran.strip(),
        keterangan=data.keterangan.strip(),
        srikandi_id=data.srikandi_id.strip(),
    )


def code_warning(session: Session, kode: str, skema: str) -> str:
    """A free code not in either list is accepted with a warning (R25)."""
    if not kode or get_code(session, kode, skema) is not None:
        return ""
    return f"Kode {kode} tidak ada di daftar klasifikasi {skema}; tetap dipakai."


def probable_duplicates(
    session: Session,
    actor: Actor,
    asal: str,
    nomor_surat: str,
    tanggal_surat: date,
    *,
    exclude_id: int | None = None,
) -> list[IncomingInfo]:
    """Earlier entries with the same sender, number and date (R7): a warning, never a block."""
    actor.require(Perm.VIEW)
    key = duplicate_key(asal, nomor_surat, tanggal_surat)
    if key is None:
        return []
    query = select(IncomingLetter).where(
        IncomingLetter.asal_norm == key[0],
        IncomingLetter.nomor_norm == key[1],
        IncomingLetter.tanggal_surat == key[2],
        IncomingLetter.status != "batal",
    )
    if exclude_id is not None:
        query = query.where(IncomingLetter.id != exclude_id)
    return [_info(r, actor) for r in session.scalars(query.order_by(IncomingLetter.id))]


def register_incoming(
    session: Session, actor: Actor, data: IncomingInput, *, today: date | None = None
) -> IncomingInfo:
    """Register one letter in the buku agenda: validate, take the year's next nomor agenda, audit."""
    actor.require(Perm.WRITE_LETTERS)
    data = _validate(session, data)
    zone_code = _office_zone(session)
    zone = office_tz(zone_code)
    received = data.tanggal_diterima.astimezone(zone)
    tahun = received.year  # R3: the year of tanggal diterima
    today = today or clock.today(zone_code)
    nomor = counters.next_number(session, AGENDA_SERIES, tahun)
    cal = calendar.working_calendar(session) if data.urgensi is not Urgensi.BIASA else None
    row = IncomingLetter(
        tahun=tahun,
        nomor_agenda=nomor,
        susulan=is_susulan(tahun, today),
        tanggal_diterima=data.tanggal_diterima,
        asal_surat=data.asal_surat,
        asal_norm=normalize_asal(data.asal_surat),
        nomor_surat=data.nomor_surat,
        nomor_norm=normalize_nomor_surat(data.nomor_surat),
        tanggal_surat=data.tanggal_surat,
        perihal=data.perihal,
        ditujukan_kepada=data.ditujukan_kepada,
        kode_klasifikasi=data.kode_klasifikasi,
        skema=data.skema,
        keamanan=Keamanan(data.keamanan).value,
        urgensi=Urgensi(data.urgensi).value,
        lampiran=data.lampiran,
        cara_terima=CaraTerima(data.cara_terima).value,
        srikandi_id=data.srikandi_id,
        keterangan=data.keterangan,
        status="arsip" if data.tanpa_disposisi else "baru",
        batas_waktu=None
        if data.tanpa_disposisi
        else default_batas_waktu(received.date(), Urgensi(data.urgensi), cal),
        created_at=clock.utc_now(),
        updated_at=clock.utc_now(),
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    info = _info(row, actor)
    audit.record(
        session,
        actor,
        "buat",
        "surat_masuk",
        row.id,
        summary=f"Agenda masuk {info.agenda} dari {row.asal_surat}",
        after={
            "nomor_agenda": nomor,
            "tahun": tahun,
            "asal_surat": row.asal_surat,
            "nomor_surat": row.nomor_surat,
            "keamanan": row.keamanan,
            "susulan": row.susulan,
        },
    )
    return info


def get_incoming(session: Session, actor: Actor, letter_id: int) -> IncomingInfo:
    actor.require(Perm.VIEW)
    row = session.get(IncomingLetter, letter_id)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    if Keamanan(row.keamanan).is_secret and actor.can(Perm.VIEW_SECRET):
        audit.record(
            session,
            actor,
            "lihat",
            "surat_masuk",
            row.id,
            summary=f"Surat rahasia {row.nomor_agenda}/{row.tahun} dibuka",
        )
    return _info(row, actor)


def last_agenda_number(session: Session, actor: Actor, tahun: int) -> int:
    """ "Nomor terakhir" shown on the entry form (R5)."""
    actor.require(Perm.VIEW)
    return counters.last_number(session, AGENDA_SERIES, tahun)


def sender_suggestions(session: Session, actor: Actor, prefix: str, limit: int = 12) -> list[str]:
    """Senders typed before, most frequent first, for the completer on asal surat."""
    actor.require(Perm.VIEW)
    query = select(IncomingLetter.asal_surat, func.count().label("n")).group_by(IncomingLetter.asal_surat)
    if prefix.strip():
        query = query.where(IncomingLetter.asal_surat.ilike(f"%{prefix.strip()}%"))
    return [r[0] for r in session.execute(query.order_by(func.count().desc()).limit(limit))]


_AGENDA_QUERY = re.compile(r"^\s*(\d{1,7})(?:\s*/\s*(\d{4}))?\s*$")


def _search(
    session: Session,
    query: Select[IncomingLetter],
    text: str,
    *,
    sorted_by_column: bool = False,
    see_secret: bool = True,
    tahun: int | None = None,
) -> tuple[Select[IncomingLetter], ColumnElement[int], bool] | None:
    """What the clerk types: an agenda number ("367" or "367/2026") finds that entry; anything else is a
    full-text search over asal, nomor surat, perihal and keterangan (every word, the last as a prefix).
    Returns the narrowed query, its order and whether the full-text index drives it (SQLite's join read
    newest first), or None when there is nothing to search for.

    Sorted by a column, every match has to be read and sorted anyway: the matches are then taken as one set
    (``id IN (…)``), which SQLite builds once. Joined, it may walk the year's rows in the column's index order
    and run the full-text query again for each of them (two seconds for "undangan" in one year of 150,000).
    """
    # Without see_secret the words of Rahasia and Sangat Rahasia letters are not searched at all: a match on a
    # masked row would tell the searcher what its perihal says (R10). Their agenda number still finds them.
    hidden = IncomingLetter.keamanan.not_in([k.value for k in Keamanan if k.is_secret])
    query_words = query if see_secret else query.where(hidden)
    agenda = _AGENDA_QUERY.match(text)
    if agenda:
        by_number = IncomingLetter.nomor_agenda == int(agenda[1])
        if agenda[2]:
            by_number = by_number & (IncomingLetter.tahun == int(agenda[2]))
        condition = fulltext.incoming_condition(session, IncomingLetter.id, text)
        if condition is not None and not see_secret:
            condition = and_(condition, hidden)
        either = or_(by_number, condition) if condition is not None else by_number
        return query.where(either), IncomingLetter.id.desc(), False
    if sorted_by_column:
        condition = fulltext.incoming_condition(session, IncomingLetter.id, text)
        return None if condition is None else (query_words.where(condition), IncomingLetter.id.desc(), False)
    within = None
    # ``query`` is of that year: its letters lie between these ids. Only SQLite's index takes a rowid range;
    # PostgreSQL's planner has the year condition itself.
    if tahun is not None and session.get_bind().dialect.name == "sqlite":
        # Two scalar subqueries: SQLite answers a lone min() or max() with one index lookup each.
        of_year = IncomingLetter.tahun == tahun
        lowest, highest = session.execute(
            select(
                select(func.min(IncomingLetter.id)).where(of_year).scalar_subquery(),
                select(func.max(IncomingLetter.id)).where(of_year).scalar_subquery(),
            )
        ).one()
        within = (lowest, highest) if lowest is not None else (0, -1)
    searched = fulltext.incoming_search(session, query_words, IncomingLetter.id, text, ids_within=within)
    return None if searched is None else (*searched, True)


@dataclass(frozen=True)
class DispositionTarget:
    """A "disposisi kepada" choice of the agenda filter: an official from ``dispositions.officials()``.

    A recipient line matches on any part that is known: the same unit, the same jabatan or the same name (case
    ignored). Recipients keep a snapshot of jabatan and name (R17), so the unit still finds the letters of a
    post whose holder changed, and the name those of a person who moved.
    """

    unit_id: int | None = None
    jabatan: str = ""
    nama: str = ""

    @property
    def is_empty(self) -> bool:
        return self.unit_id is None and not self.jabatan.strip() and not self.nama.strip()


@dataclass(frozen=True)
class IncomingFilter:
    """The filter bar of the agenda masuk. Empty fields leave the list alone; filled ones all apply (AND),
    on top of the year and the search text."""

    dari: date | None = None  # tanggal terima from this office-time date on (inclusive)
    sampai: date | None = None  # … up to and including this date
    asal: str = ""  # part of the sender; case, spacing and punctuation ignored
    kode_klasifikasi: str = ""  # a code and the codes under it: "000.1" finds 000.1 and 000.1.5, not 000.12
    keamanan: Keamanan | None = None
    urgensi: Urgensi | None = None
    status: str = ""  # a key of STATUS_LABELS
    disposisi_kepada: DispositionTarget | None = None  # letters with an active hop to this official

    @property
    def active_count(self) -> int:
        """How many filters are on (a date range counts once), for the "Filter (2)" button."""
        return sum(
            (
                self.dari is not None or self.sampai is not None,
                bool(normalize_asal(self.asal)),
                bool(_code_prefix(self.kode_klasifikasi)),
                self.keamanan is not None,
                self.urgensi is not None,
                bool(self.status),
                self.disposisi_kepada is not None and not self.disposisi_kepada.is_empty,
            )
        )


# Columns of the agenda a click on the header sorts by, in the table's column order (SQL in _incoming_order).
INCOMING_SORT_KEYS = (
    "agenda",
    "tanggal_diterima",
    "asal_surat",
    "nomor_surat",
    "tanggal_surat",
    "perihal",
    "kode_klasifikasi",
    "sifat",
    "status",
)
_KEAMANAN_RANK = {k.value: i for i, k in enumerate(Keamanan)}  # B, T, R, SR: least to most restricted
_URGENSI_RANK = {Urgensi.BIASA.value: 0, Urgensi.SEGERA.value: 1, Urgensi.AMAT_SEGERA.value: 2}
_STATUS_RANK = {key: i for i, key in enumerate(STATUS_LABELS)}  # the order a letter moves through


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _code_prefix(kode: str) -> str:
    return kode.strip().rstrip(".")


def code_condition(column: QueryableAttribute[str], kode: str) -> ColumnElement[bool] | None:
    """The code itself or any code under it, by whole segments ("000.1" is not a prefix of "000.12")."""
    prefix = _code_prefix(kode)
    if not prefix:
        return None
    return or_(column == prefix, column.startswith(f"{prefix}.", autoescape=True))


def _office_day_bounds(
    zone: str, dari: date | None, sampai: date | None
) -> tuple[datetime | None, datetime | None]:
    """The instants that start ``dari`` and end ``sampai`` in office time, for a range on a timestamp column:
    a letter received at 23.30 WITA on the 5th belongs to the 5th, though it is the 5th 15.30 in UTC."""
    tz = office_tz(zone)
    start = datetime.combine(dari, time(0), tzinfo=tz) if dari is not None else None
    end = datetime.combine(sampai + timedelta(days=1), time(0), tzinfo=tz) if sampai is not None else None
    return start, end


def _disposed_to(target: DispositionTarget) -> ColumnElement[bool] | None:
    """EXISTS an active hop of the letter with a recipient matching ``target``."""
    matches: list[ColumnElement[bool]] = []
    if target.unit_id is not None:
        matches.append(DispositionRecipient.unit_id == target.unit_id)
    jabatan = " ".join(target.jabatan.split())
    if jabatan:
        matches.append(func.lower(DispositionRecipient.jabatan) == jabatan.lower())
    nama = " ".join(target.nama.split())
    if nama:
        matches.append(func.lower(DispositionRecipient.nama) == nama.lower())
    if not matches:
        return None
    return (
        exists()
        .where(
            Disposition.surat_masuk_id == IncomingLetter.id,
            Disposition.status == "aktif",
            DispositionRecipient.disposisi_id == Disposition.id,
            or_(*matches),
        )
        .correlate(IncomingLetter)
    )


def _incoming_conditions(session: Session, filters: IncomingFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.dari is not None or filters.sampai is not None:
        start, end = _office_day_bounds(_office_zone(session), filters.dari, filters.sampai)
        if start is not None:
            conditions.append(IncomingLetter.tanggal_diterima >= start)
        if end is not None:
            conditions.append(IncomingLetter.tanggal_diterima < end)
    asal = normalize_asal(filters.asal)
    if asal:
        # The stored normalized sender: case and punctuation ignored the same way in SQLite and PostgreSQL.
        conditions.append(IncomingLetter.asal_norm.like(f"%{_escape_like(asal)}%", escape="\\"))
    code = code_condition(IncomingLetter.kode_klasifikasi, filters.kode_klasifikasi)
    if code is not None:
        conditions.append(code)
    if filters.keamanan is not None:
        conditions.append(IncomingLetter.keamanan == Keamanan(filters.keamanan).value)
    if filters.urgensi is not None:
        conditions.append(IncomingLetter.urgensi == Urgensi(filters.urgensi).value)
    if filters.status:
        if filters.status not in STATUS_LABELS:
            raise ValidationError(f"Status surat tidak dikenal: {filters.status}", "status")
        by_status = IncomingLetter.status == filters.status
        if session.get_bind().dialect.name == "sqlite":
            # Without statistics SQLite takes the status index for any status, then sorts what it found:
            # 1,000+ ms for "selesai" (nine letters in ten) within a date range. Marked likely, the date or
            # year index (or the agenda order itself) drives the page instead; counting still uses the index.
            by_status = func.likely(by_status)
        conditions.append(by_status)
    if filters.disposisi_kepada is not None:
        disposed = _disposed_to(filters.disposisi_kepada)
        if disposed is not None:
            conditions.append(disposed)
    return conditions


def _incoming_order(actor: Actor, key: str, descending: bool) -> list[UnaryExpression[Any]]:
    """ORDER BY for a column of the agenda, the id last so pages never overlap or skip rows."""
    sort_by: list[ColumnElement[Any] | QueryableAttribute[Any]]
    if key == "agenda":
        sort_by = [IncomingLetter.tahun, IncomingLetter.nomor_agenda]
    elif key == "tanggal_diterima":
        sort_by = [IncomingLetter.tanggal_diterima]
    elif key == "asal_surat":
        sort_by = [IncomingLetter.asal_norm]  # case and punctuation ignored; indexed (ix_surat_masuk_dup)
    elif key == "nomor_surat":
        sort_by = [IncomingLetter.nomor_surat]
    elif key == "tanggal_surat":
        sort_by = [IncomingLetter.tanggal_surat]
    elif key == "perihal":
        if actor.can(Perm.VIEW_SECRET):
            sort_by = [IncomingLetter.perihal]
        else:
            # Sorted as shown: the place of a masked perihal must not hint at its words.
            secret = IncomingLetter.keamanan.in_([k.value for k in Keamanan if k.is_secret])
            sort_by = [case((secret, SECRET_MASK), else_=IncomingLetter.perihal)]
    elif key == "kode_klasifikasi":
        sort_by = [IncomingLetter.kode_urut]  # numeric segments: 400.9 before 400.14 (R24)
    elif key == "sifat":
        sort_by = [
            case(_KEAMANAN_RANK, value=IncomingLetter.keamanan, else_=len(_KEAMANAN_RANK)),
            case(_URGENSI_RANK, value=IncomingLetter.urgensi, else_=len(_URGENSI_RANK)),
        ]
    elif key == "status":
        sort_by = [case(_STATUS_RANK, value=IncomingLetter.status, else_=len(_STATUS_RANK))]
    else:
        raise ValidationError(f"Kolom urutan tidak dikenal: {key}", "sort")
    sort_by.append(IncomingLetter.id)
    return [c.desc() if descending else c.asc() for c in sort_by]


def list_incoming(
    session: Session,
    actor: Actor,
    *,
    tahun: int | None = None,
    text: str = "",
    filters: IncomingFilter | None = None,
    sort: tuple[str, bool] | None = None,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[IncomingInfo], int]:
    """One page of the agenda, filtered, sorted and counted in SQL (the table loads pages as it scrolls).

    The plain list is in agenda order, newest first. Search results come newest-registered first: that is
    the order the full-text index yields cheaply, and it equals agenda order except for susulan entries.
    ``filters`` narrow either; ``sort`` (a key of INCOMING_SORT_KEYS and descending) replaces the order.
    """
    actor.require(Perm.VIEW)
    query = select(IncomingLetter)
    if tahun is not None:
        query = query.where(IncomingLetter.tahun == tahun)
    if filters is not None:
        conditions = _incoming_conditions(session, filters)
        if conditions:
            query = query.where(*conditions)
    order = _incoming_order(actor, *sort) if sort is not None else None
    searched = _search(
        session,
        query,
        text,
        sorted_by_column=order is not None,
        see_secret=actor.can(Perm.VIEW_SECRET),
        tahun=tahun,
    )
    if searched is None:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        ordered = query.order_by(
            *(order or (IncomingLetter.tahun.desc(), IncomingLetter.nomor_agenda.desc()))
        )
    else:
        found, search_order, index_first = searched
        # A search is counted only up to SEARCH_COUNT_CAP + 1: nobody reads a thousand hits, and counting
        # every match of a common word in ten years of letters is what made searching slow.
        sqlite = session.get_bind().dialect.name == "sqlite"
        if order is None and ((index_first and sqlite) or tahun is not None):
            # In the search's own order one read of the index serves both: the first SEARCH_COUNT_CAP + 1
            # matches give the count and the page's ids (the full-text scan was paid twice, for each). Only
            # where that order is cheap: SQLite's index yields it, and one year's matches are few to sort.
            # PostgreSQL over every year would sort all matches of a common word (p95 51 → 74 ms at 150k).
            ids = list(
                session.scalars(
                    found.with_only_columns(IncomingLetter.id)
                    .order_by(search_order)
                    .limit(SEARCH_COUNT_CAP + 1)
                )
            )
            if offset + limit <= len(ids) or len(ids) <= SEARCH_COUNT_CAP:
                page = ids[offset : offset + limit]
                by_id = {
                    r.id: r
                    for r in session.scalars(select(IncomingLetter).where(IncomingLetter.id.in_(page)))
                }
                return [_info(by_id[i], actor) for i in page], len(ids)
        capped = found.with_only_columns(IncomingLetter.id).limit(SEARCH_COUNT_CAP + 1)
        if index_first and sqlite:
            # In the index's order, so SQLite reads the index first as for the page: unordered, it may start
            # from the year or status index and run the full-text query once per letter of that year/status.
            capped = capped.order_by(search_order)
        total = session.scalar(select(func.count()).select_from(capped.subquery())) or 0
        ordered = found.order_by(*(order or (search_order,)))
    rows = session.scalars(ordered.limit(limit).offset(offset))
    return [_info(r, actor) for r in rows], total


def cancel_incoming(session: Session, actor: Actor, letter_id: int, reason: str) -> IncomingInfo:
    """Mark an entry *batal*: it keeps its number so the gap is explained (R4); nothing is deleted."""
    actor.require(Perm.WRITE_LETTERS)
    if not reason.strip():
        raise ValidationError("Alasan pembatalan wajib diisi.", "reason")
    row = session.get(IncomingLetter, letter_id)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    before = {"status": row.status}
    row.status = "batal"
    row.batal_alasan = reason.strip()
    audit.record(
        session,
        actor,
        "batal",
        "surat_masuk",
        row.id,
        summary=f"Agenda {row.nomor_agenda}/{row.tahun} dibatalkan: {reason.strip()}",
        before=before,
        after={"status": "batal"},
    )
    return _info(row, actor)


# --- lembar disposisi ---------------------------------------------------------------------------------------


def disposisi_pdf(session: Session, actor: Actor, letter_id: int, paper_key: str | None = None) -> bytes:
    """Build the lembar disposisi for the preview. Nothing is recorded here: opening a preview is not printing;
    the print is recorded by ``record_disposisi_printed`` once a printer took the job or the PDF was saved."""
    # Imported here: reportlab (with PIL) is the heaviest import of the app and Beranda reaches this module.
    from desktop.printing.letters.disposisi import DisposisiLetter, DisposisiSheet, build_disposisi

    actor.require(Perm.PRINT)
    row = session.get(IncomingLetter, letter_id)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    if row.status == "batal":
        raise ValidationError("Surat ini sudah dibatalkan; lembar disposisi tidak dicetak.")
    keamanan = Keamanan(row.keamanan)
    if keamanan.is_secret and not actor.can(Perm.VIEW_SECRET):
        raise ValidationError(
            "Lembar disposisi surat rahasia hanya bisa dicetak oleh pejabat yang berwenang."
        )
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    try:
        paper = paper_by_key(paper_key) if paper_key else HALF_F4
    except KeyError as exc:
        raise ValidationError(f"Ukuran kertas tidak dikenal: {paper_key}") from exc
    zone = office_tz(profile.zona_waktu)
    received = row.tanggal_diterima.astimezone(zone)
    ticks = sifat_ticks(keamanan, Urgensi(row.urgensi))
    sheet = DisposisiSheet(
        header=profile.header(),
        letter=DisposisiLetter(
            asal_surat=row.asal_surat,
            nomor_surat=row.nomor_surat,
            tanggal_surat=format_date(row.tanggal_surat),
            tanggal_diterima=format_date(received.date()),
            jam_diterima=f"{received:%H.%M} {profile.zona_waktu}",
            nomor_agenda=f"{format_agenda(AGENDA_PATTERN, row.nomor_agenda, row.tahun)}/{row.tahun}",
            perihal=row.perihal,
            kode_klasifikasi=row.kode_klasifikasi,
            lampiran=row.lampiran,
            sangat_segera=ticks.sangat_segera,
            segera=ticks.segera,
            rahasia=ticks.rahasia,
            ditujukan_kepada=row.ditujukan_kepada,
        ),
        recipients=tuple(disposition_recipients(session)),
        instructions=tuple(list_instructions(session)),
        signer=office.signer_for(session, "lembar_disposisi"),
        paper=paper,
        reprint=row.jumlah_cetak > 0,
        batas_waktu=format_date(row.batas_waktu) if row.batas_waktu else "",
    )
    return build_disposisi(sheet)


def record_disposisi_printed(
    session: Session, actor: Actor, letter_id: int, delivery: printed.Delivery
) -> IncomingInfo:
    """The lembar disposisi really went out (R12): a printer queue took it or its PDF was saved. Status
    *dicetak*, time, user, one more in the count; the audit row says which printer or which file."""
    actor.require(Perm.PRINT)
    row = session.get(IncomingLetter, letter_id)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    if row.status == "batal":
        raise ValidationError("Surat ini sudah dibatalkan; lembar disposisi tidak dicetak.")
    if Keamanan(row.keamanan).is_secret and not actor.can(Perm.VIEW_SECRET):
        raise ValidationError(
            "Lembar disposisi surat rahasia hanya bisa dicetak oleh pejabat yang berwenang."
        )
    _record_print(session, actor, row, delivery)
    return _info(row, actor)


def _record_print(
    session: Session, actor: Actor, row: IncomingLetter, delivery: printed.Delivery | None = None
) -> None:
    reprint = row.jumlah_cetak > 0
    row.jumlah_cetak += 1
    row.dicetak_at = clock.utc_now()
    row.dicetak_oleh = actor.username
    if row.status == "baru":
        row.status = "dicetak"
    where = f" — {delivery.describe()}" if delivery is not None else " di luar aplikasi"
    audit.record(
        session,
        actor,
        "cetak",
        "surat_masuk",
        row.id,
        summary=f"Lembar disposisi {row.nomor_agenda}/{row.tahun} dicetak"
        + (" (cetak ulang)" if reprint else "")
        + where,
        after={"jumlah_cetak": row.jumlah_cetak, **(delivery.audit_after() if delivery else {})},
    )


def record_printed_elsewhere(session: Session, actor: Actor, letter_id: int) -> None:
    """The slip was printed on paper outside the app (imports of old registers, demo data)."""
    actor.require(Perm.WRITE_LETTERS)
    row = session.get(IncomingLetter, letter_id)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    _record_print(session, actor, row)
