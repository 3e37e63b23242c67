"""Import and export of the buku agenda surat keluar (csv and xlsx), free of Qt."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.letters.rules import (
    DEFAULT_TEMPLATE,
    Keamanan,
    NumberParts,
    NumberTemplate,
    Skema,
    Urgensi,
    format_urut,
    normalize_nomor_surat,
)
from desktop.models.letters import NumberSeries, OutgoingLetter
from desktop.services import tabular
from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.letters import importing, outgoing
from desktop.services.letters.importing import known_codes, raise_counter, take_block
from desktop.services.tabular import AuditIn, RowError, Table, date_problem, fold, parse_when

__all__ = [
    "LEGACY_SERIES_NAME",
    "OUTGOING_COLUMNS",
    "OUTGOING_HEADER_ALIASES",
    "OUTGOING_OPTIONAL_COLUMNS",
    "OUTGOING_REQUIRED",
    "OutgoingImportPlan",
    "OutgoingImportResult",
    "OutgoingPlannedRow",
    "export_outgoing_csv",
    "export_outgoing_xlsx",
    "import_outgoing",
    "read_outgoing_table",
    "resolve_outgoing_mapping",
    "suggest_outgoing_mapping",
    "validate_outgoing",
    "write_outgoing_template",
]

# --- columns and header names -------------------------------------------------------------------------------

OUTGOING_COLUMNS: Final[tuple[str, ...]] = (
    "nomor_surat",
    "tanggal_surat",
    "tujuan",
    "perihal",
    "kode_klasifikasi",
    "keamanan",
    "status",
)
"""The export's columns, in order; the import reads the same names."""

OUTGOING_OPTIONAL_COLUMNS: Final[tuple[str, ...]] = (
    "alamat_tujuan",
    "urgensi",
    "lampiran",
    "penandatangan",
    "pengolah",
    "tanggal_kirim",
    "media",
    "keterangan",
)
"""Accepted on import only; never exported, so a round trip stays exact."""

OUTGOING_REQUIRED: Final[tuple[str, ...]] = ("nomor_surat", "tanggal_surat", "tujuan", "perihal")

_ALL_OUTGOING: Final[tuple[str, ...]] = OUTGOING_COLUMNS + OUTGOING_OPTIONAL_COLUMNS

LEGACY_SERIES_NAME: Final = "Nomor lama (impor)"
"""The inactive series holding imported numbers that fit no series' pattern."""
LEGACY_TEMPLATE: Final = "{urut}"
LEGACY_CANCEL_REASON: Final = "Batal menurut buku agenda yang diimpor"

COLUMN_LABELS: Final[dict[str, str]] = {
    "nomor_surat": "nomor surat",
    "tanggal_surat": "tanggal surat",
    "tujuan": "tujuan",
    "perihal": "perihal",
    "kode_klasifikasi": "kode klasifikasi",
    "keamanan": "keamanan",
    "status": "status",
    "alamat_tujuan": "alamat tujuan",
    "urgensi": "urgensi",
    "lampiran": "lampiran",
    "penandatangan": "penanda tangan",
    "pengolah": "pengolah",
    "tanggal_kirim": "tanggal kirim",
    "media": "media",
    "keterangan": "keterangan",
}

HEADERS: Final = importing.header_table("surat_keluar.csv")
"""The header names of agendas keluar as real files carry them (``desktop/resources/headers/surat_keluar.csv``),
matched ignoring case, spaces and punctuation; its "-" rows are the columns known layouts carry that the import
does not use (the book's running number: a letter keluar is known by its nomor surat). "Tanggal" alone is
ambiguous (surat or kirim) and is not guessed."""

OUTGOING_HEADER_ALIASES: Final[dict[str, str]] = HEADERS.aliases
"""Header → import column, as ``HEADERS`` lists them."""

_ALIAS_INDEX: Final[dict[str, str]] = HEADERS.index(_ALL_OUTGOING)


def read_outgoing_table(path: Path | str) -> Table:
    """Read the first sheet of an .xlsx or a .csv file of the agenda keluar (``tabular.read_table``); the header
    is the first of the first 20 rows in which at least three cells name an outgoing column."""
    return tabular.read_table(path, _ALIAS_INDEX)


def suggest_outgoing_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Map each header of a file to an outgoing import column, or None to ignore it; the first header
    claiming a column wins."""
    return tabular.map_headers(headers, _ALIAS_INDEX)


def resolve_outgoing_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """As ``incoming_io.resolve_mapping``, for the outgoing columns: ``mapping`` over the suggestion; raises
    ValidationError for an unknown header or column, or a column set twice."""
    return tabular.resolve_headers(headers, mapping, _ALIAS_INDEX, _ALL_OUTGOING)


# --- plan ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutgoingPlannedRow:
    """One valid row, cleaned. ``urut`` None: the number fits no series' pattern and is kept as a nomor lama;
    otherwise ``seri_id`` is its series (None: the default series, created on import)."""

    line: int
    tahun: int
    nomor_surat: str
    tanggal_surat: date
    tujuan: str
    perihal: str
    seri_id: int | None = None
    seri_nama: str = ""
    urut: int | None = None
    sisipan: int = 0
    kka: str = ""
    unit: str = ""
    kode_klasifikasi: str = ""
    skema: str = Skema.PERMENDAGRI_83_2022.value
    keamanan: Keamanan = Keamanan.B
    urgensi: Urgensi = Urgensi.BIASA
    status: str = "dikirim"
    alamat_tujuan: str = ""
    lampiran: str = ""
    penandatangan: str = ""
    pengolah: str = ""
    tanggal_kirim: date | None = None
    media: str = "lainnya"
    keterangan: str = ""

    @property
    def in_series(self) -> bool:
        return self.urut is not None


@dataclass(frozen=True)
class OutgoingImportPlan(importing.LetterPlan[OutgoingPlannedRow]):
    """What an import would do; ``errors`` block unless the user chooses the valid rows only."""


@dataclass(frozen=True)
class OutgoingImportResult:
    imported: int
    skipped: int
    legacy: int = 0  # rows whose number fits no series' pattern


_MAX_URUT = 9_999_999  # a longer "sequence number" is a date or a typo, not a count of letters
_PART_LIMITS: Final[dict[str, int]] = {"kka": 30, "unit": 60}  # their columns' lengths in surat_keluar
_LIMITS: Final[dict[str, int]] = {
    "nomor_surat": 255,
    "tujuan": 300,
    "kode_klasifikasi": 30,
    "alamat_tujuan": 400,
    "lampiran": 100,
    "penandatangan": 300,
    "pengolah": 300,
}

_STATUS_WORDS: Final[dict[str, str]] = {
    **{fold(k): k for k in outgoing.STATUS_LABELS},
    **{fold(v): k for k, v in outgoing.STATUS_LABELS.items()},
    "konsep": "dipesan",
    "draf": "dipesan",
    "draft": "dipesan",
    "dipesankan": "dipesan",
    "nomor dipesan": "dipesan",
    "sudah ditandatangani": "ditandatangani",
    "ttd": "ditandatangani",
    "terkirim": "dikirim",
    "sudah dikirim": "dikirim",
    "dibatalkan": "batal",
}
_MEDIA_WORDS: Final[dict[str, str]] = {
    **{fold(k): k for k in outgoing.MEDIA_LABELS},
    **{fold(v): k for k, v in outgoing.MEDIA_LABELS.items()},
    "e mail": "email",
    "surel": "email",
    "fax": "faks",
    "diantar": "caraka",
}

TEMPLATE_EXAMPLE: Final[dict[str, str]] = {
    "nomor_surat": "000.1.5/1/SEK.UM/2026",
    "tanggal_surat": "2026-01-05",
    "tujuan": "Kepala Biro Umum Setda Provinsi",
    "perihal": "Undangan Rapat Koordinasi (contoh, hapus baris ini)",
    "kode_klasifikasi": "000.1.5",
    "keamanan": "B",
    "status": "dikirim",
}
_EXAMPLE_KEY: Final = tuple(fold(TEMPLATE_EXAMPLE[c]) for c in ("nomor_surat", "tujuan", "perihal"))


@dataclass(frozen=True)
class _Series:
    id: int | None  # None: the default series, not created yet
    nama: str
    template: NumberTemplate
    unit: str


def _candidate_series(session: Session) -> list[_Series]:
    """The active series whose patterns imported numbers may fit, the default series first (as
    ``outgoing.ensure_default_series`` would choose it)."""
    rows = session.scalars(select(NumberSeries).order_by(NumberSeries.aktif.desc(), NumberSeries.id)).all()
    if not rows:
        unit = " ".join(office.get_profile(session).kode_unit.split())
        return [_Series(None, outgoing.DEFAULT_SERIES_NAME, NumberTemplate(DEFAULT_TEMPLATE), unit)]
    found: list[_Series] = []
    for row in rows:
        if not row.aktif:
            continue
        try:
            template = NumberTemplate(row.template)
        except ValueError:  # a stored pattern the app can no longer read issues nothing either
            continue
        found.append(_Series(row.id, row.nama, template, " ".join(row.kode_unit.split())))
    return found


def _match(series: list[_Series], nomor: str) -> tuple[_Series, NumberParts] | None:
    hits: list[tuple[_Series, NumberParts]] = []
    for candidate in series:
        parts = candidate.template.parse(nomor)
        if parts is None or parts.urut > _MAX_URUT or (parts.sisipan or 0) > _MAX_URUT:
            continue
        # A kka or unit longer than its column is no series' number: kept whole as a number outside the series.
        if all(len(getattr(parts, name) or "") <= limit for name, limit in _PART_LIMITS.items()):
            hits.append((candidate, parts))
    if not hits:
        return None
    for candidate, parts in hits:
        if parts.unit and candidate.unit and parts.unit.casefold() == candidate.unit.casefold():
            return candidate, parts
    return hits[0]


_Key = tuple[int, int, int, int]  # (series id, or -1 for the default series to create; tahun; urut; sisipan)


def _key(seri_id: int | None, tahun: int, urut: int, sisipan: int) -> _Key:
    return (-1 if seri_id is None else seri_id, tahun, urut, sisipan)


def _taken(session: Session) -> tuple[dict[str, str], dict[_Key, str]]:
    """The numbers in the agenda keluar (cancelled ones too): by normalised text, and by series position."""
    by_text: dict[str, str] = {}
    by_key: dict[_Key, str] = {}
    query = select(
        OutgoingLetter.seri_id,
        OutgoingLetter.tahun,
        OutgoingLetter.urut,
        OutgoingLetter.sisipan,
        OutgoingLetter.nomor_surat,
    )
    for seri_id, tahun, urut, sisipan, nomor in session.execute(query.execution_options(yield_per=5000)):
        by_text.setdefault(normalize_nomor_surat(nomor), nomor)
        by_key[(seri_id, tahun, urut, sisipan)] = nomor
    return by_text, by_key


def _position(seri_nama: str, tahun: int, urut: int, sisipan: int) -> str:
    return f"nomor urut {format_urut(urut, sisipan or None)} tahun {tahun} seri {seri_nama}"


def validate_outgoing(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
    today: date | None = None,
) -> OutgoingImportPlan:
    """Check every row of ``table`` for an import into the agenda surat keluar; nothing is written.

    ``mapping`` and ``ignore`` as for ``validate_incoming``. One ``RowError`` per bad row with all its problems.
    A kode klasifikasi in its own column wins over the one read from the number (a warning says when they
    differ); without the column, the number's kode is the letter's.
    """
    actor.require(Perm.WRITE_LETTERS)
    resolved = resolve_outgoing_mapping(table.headers, mapping)
    unmapped, file_notes = importing.column_report(table, resolved, HEADERS.known_unused, ignore)
    by_column = {column: header for header, column in resolved.items() if column}
    refused = importing.missing_columns(table, by_column, OUTGOING_REQUIRED, COLUMN_LABELS)
    if refused:
        return OutgoingImportPlan(
            [],
            refused,
            file_notes,
            mapping=resolved,
            source=table.source,
            rows_read=len(table.rows),
            unmapped=unmapped,
        )
    today = today or office.today(session)
    latest = today + timedelta(days=outgoing.FUTURE_DAYS)
    codes = known_codes(session)
    series = _candidate_series(session)

    checked: list[tuple[int, list[str], dict[str, Any]]] = []
    for line, cells in importing.row_cells(table, by_column):
        get = cells.get
        parsed: dict[str, Any] = {}
        if tuple(fold(get(c)) for c in ("nomor_surat", "tujuan", "perihal")) == _EXAMPLE_KEY:
            checked.append((line, [importing.EXAMPLE_ROW], parsed))
            continue
        problems = importing.blank_or_long(cells, OUTGOING_REQUIRED, _LIMITS, COLUMN_LABELS)
        written: date | None = None
        when = importing.parse_date_cell("tanggal surat", get("tanggal_surat"), problems)
        if when is not None:
            if when[0] > latest:
                problems.append(f"tanggal surat {when[0].isoformat()} terlalu jauh di depan")
            else:
                written = when[0]
                parsed["tanggal_surat"] = written
                parsed["tahun"] = written.year
        status = "dikirim"
        if get("status"):
            found = _STATUS_WORDS.get(fold(get("status")))
            if found is None:
                problems.append(
                    f"status \u201c{get('status')}\u201d tidak dikenal "
                    f"(pilih {', '.join(outgoing.STATUS_LABELS)}; konsep = dipesan)"
                )
            else:
                status = found
        sent: date | None = None
        if get("tanggal_kirim"):
            try:
                sent, _ = parse_when(get("tanggal_kirim"))
            except ValueError as exc:
                problems.append(date_problem("tanggal kirim", get("tanggal_kirim"), exc))
            else:
                if status != "dikirim":
                    problems.append(f"tanggal kirim diisi, tetapi statusnya {status} (bukan dikirim)")
                elif written is not None and sent < written:
                    problems.append(
                        f"tanggal kirim {sent.isoformat()} sebelum tanggal surat {written.isoformat()}"
                    )
                elif sent > today + timedelta(days=1):
                    problems.append(f"tanggal kirim {sent.isoformat()} di masa depan")
        media = "lainnya"
        if get("media"):
            found = _MEDIA_WORDS.get(fold(get("media")))
            if found is None:
                problems.append(
                    f"media \u201c{get('media')}\u201d tidak dikenal (pilih {', '.join(outgoing.MEDIA_LABELS)})"
                )
            else:
                media = found
        keamanan, urgensi = importing.parse_sifat(get("keamanan"), get("urgensi"), problems)
        nomor = get("nomor_surat")
        norm = normalize_nomor_surat(nomor) if nomor else ""
        if nomor and not norm:
            problems.append(f"nomor surat \u201c{nomor}\u201d bukan nomor; surat keluar selalu bernomor")
        parsed["norm"] = norm
        hit = _match(series, nomor) if norm and len(nomor) <= _LIMITS["nomor_surat"] else None
        if hit is not None:
            candidate, parts = hit
            if parts.tahun is not None and written is not None and parts.tahun != written.year:
                problems.append(
                    f"tahun pada nomor surat ({parts.tahun}) tidak sama dengan tahun tanggal surat "
                    f"({written.year})"
                )
            parsed.update(
                seri_id=candidate.id,
                seri_nama=candidate.nama,
                urut=parts.urut,
                sisipan=parts.sisipan or 0,
                kka=parts.kka or "",
                unit=parts.unit or "",
            )
        kode, skema = importing.code_and_scheme(get("kode_klasifikasi"), codes)
        from_number = parsed.get("kka", "")
        if not kode and from_number:
            kode, skema = importing.code_and_scheme(from_number, codes)
        elif kode and from_number and from_number != kode:
            parsed["kode_note"] = (
                f"kode klasifikasi {kode} (kolom kode) berbeda dengan kode {from_number} pada nomor surat; "
                f"dipakai {kode}"
            )
        parsed.update(
            nomor_surat=nomor,
            tujuan=get("tujuan"),
            perihal=get("perihal"),
            kode_klasifikasi=kode,
            skema=skema,
            keamanan=keamanan,
            urgensi=urgensi,
            status=status,
            alamat_tujuan=get("alamat_tujuan"),
            lampiran=get("lampiran"),
            penandatangan=get("penandatangan"),
            pengolah=get("pengolah"),
            tanggal_kirim=sent if status == "dikirim" else None,
            media=media,
            keterangan=cells.raw("keterangan"),
        )
        checked.append((line, problems, parsed))

    # Numbers: unique as text and as a series position, within the file and against the agenda keluar.
    by_text, by_key = _taken(session)
    first_text: dict[str, int] = {}
    first_key: dict[_Key, int] = {}
    for line, problems, parsed in checked:
        norm = parsed.get("norm", "")
        if not norm:
            continue
        if norm in first_text:
            problems.append(f"nomor surat {parsed['nomor_surat']} juga dipakai di baris {first_text[norm]}")
            continue
        first_text[norm] = line
        if norm in by_text:
            problems.append(f"nomor surat {by_text[norm]} sudah ada di agenda surat keluar")
            continue
        if parsed.get("urut") is None or "tahun" not in parsed:
            continue
        key = _key(parsed["seri_id"], parsed["tahun"], parsed["urut"], parsed["sisipan"])
        where = _position(parsed["seri_nama"], *key[1:])
        if key in first_key:
            problems.append(f"{where} juga dipakai di baris {first_key[key]}")
        elif key in by_key:
            problems.append(f"{where} sudah dipakai oleh nomor {by_key[key]}")
        else:
            first_key[key] = line

    valid: list[OutgoingPlannedRow] = []
    errors: list[RowError] = []
    warnings: list[RowError] = []
    for line, problems, parsed in checked:
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        parsed.pop("norm")
        kode_note = parsed.pop("kode_note", None)
        row = OutgoingPlannedRow(line=line, **parsed)
        valid.append(row)
        notes: list[str] = [kode_note] if kode_note else []
        if not row.in_series:
            notes.append(
                "nomor surat tidak sesuai pola seri nomor mana pun; disimpan sebagai nomor lama "
                "tanpa menaikkan penghitung nomor"
            )
        code_note = importing.unknown_code_note(row.kode_klasifikasi, row.skema, codes)
        if code_note:
            notes.append(code_note)
        if notes:
            warnings.append(RowError(line, "; ".join(notes)))
    return OutgoingImportPlan(
        valid=valid,
        errors=errors,
        warnings=file_notes + warnings,
        mapping=resolved,
        source=table.source,
        rows_read=len(table.rows),
        sha256=table.sha256,
        unmapped=unmapped,
    )


# --- import -------------------------------------------------------------------------------------------------


def _legacy_series(session: Session) -> int:
    """The id of the inactive series of imported numbers that fit no pattern, created on first use."""
    insert_ignoring_conflicts(
        session,
        NumberSeries,
        [{"nama": LEGACY_SERIES_NAME, "template": LEGACY_TEMPLATE, "kode_unit": "", "aktif": False}],
        ["nama"],
    )
    found = session.scalar(select(NumberSeries.id).where(NumberSeries.nama == LEGACY_SERIES_NAME))
    assert found is not None
    return found


def import_outgoing(
    session: Session,
    actor: Actor,
    plan: OutgoingImportPlan,
    *,
    skip_invalid: bool = False,
    again: bool = False,
) -> OutgoingImportResult:
    """Write the plan's rows into the agenda keluar in the caller's transaction (all or nothing), audited once.

    Refused while the plan has errors, unless ``skip_invalid``, and (AlreadyImported) for a file imported
    before, unless ``again``. Numbers are kept as written; each series'
    counter (and the counter of inserted numbers) is raised to at least the numbers imported into it.
    """
    skipped = importing.start_import(session, actor, plan, _SHEET, skip_invalid=skip_invalid, again=again)
    rows = plan.valid
    if not rows:
        return OutgoingImportResult(imported=0, skipped=skipped)
    default_id = outgoing.ensure_default_series(session)
    placed: dict[int, tuple[int, int, int]] = {}  # line → (seri_id, urut, sisipan)
    for r in rows:
        if r.urut is not None:
            placed[r.line] = (r.seri_id if r.seri_id is not None else default_id, r.urut, r.sisipan)

    highest: dict[tuple[int, int], int] = {}
    inserted: dict[tuple[int, int, int], int] = {}
    for r in rows:
        if r.line not in placed:
            continue
        seri_id, urut, sisipan = placed[r.line]
        highest[(seri_id, r.tahun)] = max(highest.get((seri_id, r.tahun), 0), urut)
        if sisipan:
            inserted[(seri_id, r.tahun, urut)] = max(inserted.get((seri_id, r.tahun, urut), 0), sisipan)
    raised: dict[str, int] = {}
    for seri_id, tahun in sorted(highest):
        series = outgoing.counter_series(seri_id)
        raise_counter(session, series, tahun, highest[(seri_id, tahun)])
        raised[f"{series}/{tahun}"] = highest[(seri_id, tahun)]
    for seri_id, tahun, urut in sorted(inserted):
        series = outgoing.sisipan_series(seri_id, urut)
        raise_counter(session, series, tahun, inserted[(seri_id, tahun, urut)])
        raised[f"{series}/{tahun}"] = inserted[(seri_id, tahun, urut)]

    # Checked again under the counters' locks: a number may have been issued since the file was checked.
    by_text, by_key = _taken(session)
    for r in rows:
        norm = normalize_nomor_surat(r.nomor_surat)
        clash = by_text.get(norm)
        if clash is None and r.line in placed:
            clash = by_key.get((placed[r.line][0], r.tahun, *placed[r.line][1:]))
        if clash is not None:
            raise ValidationError(
                f"Nomor surat {r.nomor_surat} (baris {r.line}) bentrok dengan nomor {clash} yang tercatat "
                "sejak berkas diperiksa; periksa berkasnya lagi. Tidak ada yang diimpor."
            )

    legacy = [r for r in rows if r.line not in placed]
    legacy_id: int | None = None
    if legacy:
        legacy_id = _legacy_series(session)
        by_year: dict[int, list[OutgoingPlannedRow]] = {}
        for r in legacy:
            by_year.setdefault(r.tahun, []).append(r)
        for tahun in sorted(by_year):
            group = sorted(by_year[tahun], key=lambda r: r.line)  # the old book's own order
            first = take_block(session, outgoing.counter_series(legacy_id), tahun, len(group))
            for offset, r in enumerate(group):
                placed[r.line] = (legacy_id, first + offset, 0)

    now = clock.utc_now()
    records: list[dict[str, Any]] = []
    for r in rows:
        seri_id, urut, sisipan = placed[r.line]
        records.append(
            {
                "seri_id": seri_id,
                "tahun": r.tahun,
                "urut": urut,
                "sisipan": sisipan,
                "nomor_surat": r.nomor_surat,
                "kka": r.kka,
                "unit": r.unit,
                "tanggal_surat": r.tanggal_surat,
                "tujuan": r.tujuan,
                "alamat_tujuan": r.alamat_tujuan,
                "perihal": r.perihal,
                "kode_klasifikasi": r.kode_klasifikasi,
                "skema": r.skema,
                "keamanan": r.keamanan.value,
                "urgensi": r.urgensi.value,
                "lampiran": r.lampiran,
                "signatory_id": None,
                "penandatangan": r.penandatangan,
                "pengolah": r.pengolah,
                "tembusan": "",
                "balasan_atas_id": None,
                "status": r.status,
                "batal_alasan": LEGACY_CANCEL_REASON if r.status == "batal" else "",
                "tanggal_kirim": r.tanggal_kirim,
                "media": r.media,
                "keterangan": r.keterangan,
                "created_at": now,
                "created_by": actor.user_id,
                "updated_at": now,
            }
        )
    records.sort(key=lambda rec: (rec["tahun"], rec["seri_id"], rec["urut"], rec["sisipan"]))
    for start in range(0, len(records), 1000):
        session.execute(insert(OutgoingLetter), records[start : start + 1000])
    details = {"nomor_lama": len(legacy), "seri_nomor_lama": legacy_id, "penghitung": raised}
    importing.audit_import(session, actor, _SHEET, plan, skipped, details)
    return OutgoingImportResult(imported=len(rows), skipped=skipped, legacy=len(legacy))


# --- export -------------------------------------------------------------------------------------------------


def _export_rows(session: Session, actor: Actor, year: int | None) -> Iterator[tuple[Any, ...]]:
    """(nomor surat, tanggal surat, tujuan, perihal, kode, keamanan code, status) in the book's order."""
    actor.require(Perm.VIEW)
    mask = not actor.can(Perm.VIEW_SECRET)
    query = select(
        OutgoingLetter.nomor_surat,
        OutgoingLetter.tanggal_surat,
        OutgoingLetter.tujuan,
        OutgoingLetter.perihal,
        OutgoingLetter.kode_klasifikasi,
        OutgoingLetter.keamanan,
        OutgoingLetter.status,
    ).order_by(
        OutgoingLetter.tahun,
        OutgoingLetter.seri_id,
        OutgoingLetter.urut,
        OutgoingLetter.sisipan,
        OutgoingLetter.id,
    )
    if year is not None:
        query = query.where(OutgoingLetter.tahun == year)
    for row in session.execute(query.execution_options(yield_per=2000)):
        secret = mask and Keamanan(row.keamanan).is_secret
        yield (
            row.nomor_surat,
            row.tanggal_surat,
            row.tujuan,
            outgoing.SECRET_MASK if secret else row.perihal,
            row.kode_klasifikasi,
            row.keamanan,
            row.status,
        )


def export_outgoing_csv(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    year: int | None = None,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """Write the agenda keluar (one year, or all) as CSV with ``OUTGOING_COLUMNS``; returns the count.
    ``audit_in``: see ``tabular.write_audited``."""
    rows = ([row[0], row[1].isoformat(), *row[2:]] for row in _export_rows(session, actor, year))
    return importing.export(session, actor, _SHEET, rows, Path(out_path), year, audit_in, workbook=False)


def export_outgoing_xlsx(
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
    "Agenda Keluar",
    OUTGOING_COLUMNS,
    {
        "nomor_surat": 32,
        "tanggal_surat": 14,
        "tujuan": 40,
        "perihal": 60,
        "kode_klasifikasi": 16,
        "keamanan": 11,
        "status": 15,
    },
    "surat_keluar",
    "surat keluar",
)


_GUIDE: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "nomor_surat",
        "ya",
        "Nomor surat seperti tertulis di surat; disimpan apa adanya dan tidak boleh sama dengan nomor lain "
        "(juga nomor yang batal). Nomor yang sesuai pola seri nomor (Pengaturan) menaikkan penghitungnya, "
        "jadi nomor yang diberikan aplikasi sesudahnya tidak bentrok.",
    ),
    (
        "tanggal_surat",
        "ya",
        "Tanggal surat: 2026-01-05, 05-01-2026, 05/01/2026, 5 Januari 2026 atau 5 Jan 2026. Tahunnya harus "
        "sama dengan tahun pada nomor.",
    ),
    ("tujuan", "ya", "Kepada siapa surat dikirim (maksimal 300 karakter)."),
    ("perihal", "ya", "Perihal / isi ringkas surat."),
    *importing.GUIDE_KODE_KEAMANAN,
    (
        "status",
        "tidak",
        "dipesan (konsep), ditandatangani, dikirim atau batal. Kosong = dikirim (surat lama yang sudah "
        "dikirim).",
    ),
)


def write_outgoing_template(path: Path | str) -> None:
    """The downloadable import template: the header row and one example row, and a sheet "Petunjuk"."""
    paragraphs = (
        "Isi satu baris per surat di lembar \u201cAgenda Keluar\u201d mulai baris 2; hapus baris contoh.",
        "Atur dulu pola seri nomor di Pengaturan agar nomor lama dikenali. Nomor yang tidak sesuai pola "
        "mana pun tetap diimpor sebagai nomor lama, dengan peringatan.",
        "Judul kolom boleh berbeda (mis. \u201cNo. Surat\u201d, \u201cTgl Surat\u201d, "
        "\u201cKepada\u201d): aplikasi mengenali nama yang umum dan kolom bisa dipetakan saat impor.",
        "Kolom tambahan yang juga dibaca: alamat_tujuan, urgensi, lampiran, penandatangan, pengolah, "
        "tanggal_kirim (hanya untuk status dikirim), media dan keterangan.",
        "Semua baris diperiksa dulu. Bila ada baris yang salah, tidak ada yang diimpor dan setiap baris "
        "yang salah disebutkan nomor barisnya dan alasannya, kecuali Anda memilih mengimpor baris yang "
        "benar saja.",
        "Berkas .csv juga diterima (dipisah koma atau titik koma, UTF-8).",
    )
    title = "Petunjuk impor buku agenda surat keluar"
    importing.write_template(Path(path), _SHEET, TEMPLATE_EXAMPLE, title, paragraphs, _GUIDE)
