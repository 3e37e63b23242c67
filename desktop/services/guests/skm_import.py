"""Import of an online form's SKM answers (Google Forms style CSV/xlsx): one anonymous respondent per row."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz, parse_date
from desktop.core.guests.ikm import UNSUR, answer_value
from desktop.models.admin import ImportedFile
from desktop.models.guests import SurveyResponse
from desktop.services import tabular
from desktop.services.common import audit, import_log
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import skm, visits
from desktop.services.tabular import RowError, Table, fold, header_key

__all__ = [
    "COLUMNS",
    "IMPORT_KIND",
    "PlannedResponse",
    "SkmImportPlan",
    "SkmImportResult",
    "import_responses",
    "parse_stamp",
    "read_table",
    "resolve_mapping",
    "suggest_mapping",
    "validate_responses",
]

IMPORT_KIND: Final = "skm"
UNSUR_COLUMNS: Final[tuple[str, ...]] = tuple(u.kode for u in UNSUR)
PROFILE_COLUMNS: Final[tuple[str, ...]] = (
    "jenis_kelamin",
    "usia",
    "pendidikan",
    "pekerjaan",
    "jenis_layanan",
    "saran",
)
COLUMNS: Final[tuple[str, ...]] = ("waktu", *PROFILE_COLUMNS, *UNSUR_COLUMNS)
"""The columns a header can be mapped to (``--map 'JUDUL=U3'``)."""

_ALIASES: Final[dict[str, str]] = {
    **dict.fromkeys(
        (
            "Timestamp",
            "Cap waktu",
            "Tanggal",
            "Waktu",
            "Tanggal dan waktu",
            "Tanggal/Waktu",
            "Waktu pengisian",
            "Tanggal pengisian",
            "Tanggal survei",
            "Tgl",
            "Date",
            "Submitted at",
        ),
        "waktu",
    ),
    **dict.fromkeys(("Jenis kelamin", "JK", "L/P", "Kelamin", "Gender"), "jenis_kelamin"),
    **dict.fromkeys(("Usia", "Umur", "Usia (tahun)", "Umur (tahun)", "Age"), "usia"),
    **dict.fromkeys(("Pendidikan", "Pendidikan terakhir", "Pendidikan tertinggi"), "pendidikan"),
    **dict.fromkeys(("Pekerjaan", "Pekerjaan utama", "Profesi"), "pekerjaan"),
    **dict.fromkeys(
        (
            "Jenis layanan",
            "Jenis pelayanan",
            "Layanan",
            "Layanan yang diterima",
            "Layanan yang diterima/diminta",
        ),
        "jenis_layanan",
    ),
    **dict.fromkeys(
        ("Saran", "Saran/masukan", "Saran dan masukan", "Kritik dan saran", "Masukan", "Kritik/saran"),
        "saran",
    ),
}
_INDEX: Final[dict[str, str]] = tabular.alias_index(_ALIASES, ("waktu", *PROFILE_COLUMNS))
_KODE_TOKEN = re.compile(r"(?<![a-z0-9])(?:u|unsur)[\s._-]*([1-9])(?![0-9])", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?:\d+|[a-z])\s+")


def _words(text: str) -> str:
    """Folded words without a leading question number and without "dan" (the Permen writes both ways)."""
    words = _LEADING_NUMBER.sub("", fold(text))
    return " ".join(w for w in words.split() if w != "dan")


# Names an unsur is known by, besides its code: the R19 table's, the Permen's, and the short one. "Waktu"
# alone is the date-time column of a form export, so U3 is only "waktu penyelesaian".
_NAMES: Final[dict[str, set[str]]] = {
    u.kode: {_words(u.nama_lengkap)} | ({_words(u.nama)} if u.nama != "Waktu" else set()) for u in UNSUR
}
_NAMES["U2"] |= {"sistem mekanisme prosedur", "prosedur pelayanan"}
_NAMES["U4"] |= {"biaya tarif", "tarif"}
_NAMES["U5"] |= {"produk pelayanan", "spesifikasi produk"}
_NAMES["U8"] |= {"penanganan pengaduan saran masukan", "penanganan pengaduan"}
_NAMES["U9"] |= {"sarana prasarana", "sarana"}
_QUESTIONS: Final[dict[str, str]] = {u.kode: _words(u.pertanyaan) for u in UNSUR}
_MIN_QUESTION_WORDS = 6  # a cut question text still names its unsur when it keeps this many words


def _unsur_of(header: str) -> set[str]:
    """The unsur a header names: by its code as a token (``U1`` but not ``U10``), else by the Permen's question
    text, else by the unsur's name. More than one = ambiguous."""
    codes = {f"U{m}" for m in _KODE_TOKEN.findall(header)}
    if codes:
        return codes
    words = _words(header)
    if not words:
        return set()
    found = {
        kode
        for kode, question in _QUESTIONS.items()
        if question in words or (len(words.split()) >= _MIN_QUESTION_WORDS and words in question)
    }
    if found:
        return found
    return {
        kode for kode, names in _NAMES.items() if words in names or any(_contains(words, n) for n in names)
    }


def _contains(words: str, name: str) -> bool:
    """Whether a name of several words stands in the header as whole words ("Persyaratan pelayanan" does
    not count for a one-word name: "sarana" is a word of many a header)."""
    return " " in name and f" {name} " in f" {words} "


def suggest_mapping(headers: Sequence[str]) -> tuple[dict[str, str | None], dict[str, list[str]]]:
    """Each header's column (or None), and the ambiguities: header → the unsur it names when more than one,
    and column → the headers claiming it when more than one header does (each under the key ``"=" + column``)."""
    mapping: dict[str, str | None] = {}
    ambiguous: dict[str, list[str]] = {}
    claims: dict[str, list[str]] = {}
    for header in headers:
        column = _INDEX.get(header_key(header))
        if column is None:
            unsur = _unsur_of(header)
            if len(unsur) > 1:
                ambiguous[header] = sorted(unsur, key=lambda k: int(k[1:]))
                mapping[header] = None
                continue
            column = next(iter(unsur), None)
        mapping[header] = column
        if column is not None:
            claims.setdefault(column, []).append(header)
    for column, claimed in claims.items():
        if len(claimed) > 1:
            ambiguous["=" + column] = claimed
            for header in claimed:
                mapping[header] = None
    return mapping, ambiguous


def _target(name: str) -> str:
    text = name.strip()
    if text.upper() in UNSUR_COLUMNS:
        return text.upper()
    column = _INDEX.get(header_key(text))
    if column is None and text in COLUMNS:
        column = text
    if column is None:
        raise ValidationError(
            f"Kolom tujuan \u201c{name}\u201d tidak dikenal (pilih salah satu dari: {', '.join(COLUMNS)}).",
            "mapping",
        )
    return column


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None, ignore: Iterable[str] = ()
) -> tuple[dict[str, str | None], list[str]]:
    """The mapping to use, the user's ``mapping`` (header → column, None to leave out) and ``ignore`` over the
    suggestion, and the headers that stay unmapped. Raises ValidationError naming every ambiguous header left
    unsettled, an unknown header or column, or a column given twice."""
    explicit: dict[str, str | None] = {}
    for header, target in (mapping or {}).items():
        if header not in headers:
            raise ValidationError(f"Kolom \u201c{header}\u201d tidak ada di berkas.", "mapping")
        explicit[header] = _target(target) if target and target.strip() else None
    for header in tabular.ignore_headers(headers, ignore):
        explicit[header] = None
    suggested, ambiguous = suggest_mapping(headers)
    resolved = {h: explicit[h] if h in explicit else suggested[h] for h in headers}
    problems: list[str] = []
    for key, names in ambiguous.items():
        if key.startswith("="):
            left = [h for h in names if h not in explicit]
            column = key[1:]
            if len(left) == 1 and column not in explicit.values():
                resolved[left[0]] = column  # the others were mapped elsewhere or left out by hand
            elif len(left) > 1:
                quoted = ", ".join(f"\u201c{h}\u201d" for h in names)
                problems.append(f"kolom {quoted} sama-sama tampak sebagai {column}")
        elif key not in explicit:
            problems.append(
                f"kolom \u201c{key}\u201d cocok dengan lebih dari satu unsur ({', '.join(names)})"
            )
    if problems:
        raise ValidationError(
            "Judul kolom tidak jelas: "
            + "; ".join(problems)
            + ". Tidak ada yang diimpor. Tentukan kolomnya dengan --map 'JUDUL=U3' atau abaikan dengan --ignore "
            "'JUDUL'.",
            "mapping",
        )
    used: dict[str, list[str]] = {}
    for header, target in resolved.items():
        if target:
            used.setdefault(target, []).append(header)
    twice = sorted(c for c, hs in used.items() if len(hs) > 1)
    if twice:
        raise ValidationError(f"Kolom {', '.join(twice)} dipetakan lebih dari sekali.", "mapping")
    return resolved, [h for h in headers if resolved[h] is None and h not in explicit]


def read_table(path: Path | str) -> Table:
    """Read the first sheet of a .csv or .xlsx export (``tabular.read_table``): the header is the first row
    naming a known column, or else the first non-blank row (a form export has it on row 1)."""
    return tabular.read_table(path, _INDEX, min_known=1)


# --- date and time ------------------------------------------------------------------------------------------

_STAMP = re.compile(
    r"(?P<date>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})"
    r"(?:[ T]+(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*(?P<zone>(?:gmt|utc)?\s*[+-]\s*\d{1,2}(?::?\d{2})?|gmt|utc|z)?)?",
    re.IGNORECASE,
)
_YMD = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})")
_ZONE = re.compile(r"(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def _day(text: str) -> date:
    ymd = _YMD.fullmatch(text)
    if ymd:
        try:
            return date(int(ymd[1]), int(ymd[2]), int(ymd[3]))
        except ValueError:
            raise ValueError(f"tanggal {text!r} tidak ada") from None
    return parse_date(text)


def parse_stamp(text: str, zone: str) -> tuple[date, str]:
    """A form's date-time cell as the office's local date and "HH:MM" ("" when the cell has no time).

    Reads ``dd/mm/yyyy HH:MM:SS``, ``yyyy-mm-dd HH:MM:SS``, ``yyyy/mm/dd h:mm:ss AM/PM GMT+8`` (a zone after the
    time is converted to the office zone), an xlsx date-time cell, and the dates ``tabular.parse_when`` reads.
    A stamp without a zone is office time already. ValueError with an Indonesian reason otherwise.
    """
    cleaned = " ".join(text.split())
    match = _STAMP.fullmatch(cleaned)
    if match is None:
        day, at = tabular.parse_when(cleaned)
        return day, "" if at is None else f"{at:%H:%M}"
    day = _day(match["date"])
    if match["h"] is None:
        return day, ""
    hour, minute = int(match["h"]), int(match["m"])
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"jam {hour} tidak ada dengan {match['ampm'].strip()}")
        pm = match["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or (match["s"] and int(match["s"]) > 59):
        raise ValueError(f"jam {match['h']}:{match['m']} tidak ada")
    local = datetime.combine(day, time(hour, minute))
    if match["zone"]:
        offset = timedelta(0)
        found = _ZONE.fullmatch(match["zone"].strip())
        if found:
            offset = timedelta(hours=int(found[2]), minutes=int(found[3] or 0))
            if found[1] == "-":
                offset = -offset
        local = local.replace(tzinfo=timezone(offset)).astimezone(office_tz(zone)).replace(tzinfo=None)
    return local.date(), f"{local:%H:%M}"


# --- validation ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedResponse:
    line: int
    tanggal: date
    jam: str
    answers: tuple[int | None, ...]
    jenis_kelamin: str = ""
    usia: int | None = None
    pendidikan: str = ""
    pekerjaan: str = ""
    jenis_layanan: str = ""
    saran: str = ""


@dataclass(frozen=True)
class SkmImportPlan(tabular.SheetPlan[PlannedResponse]):
    """What an import would write. ``errors`` block unless the user imports the valid rows only; ``unmapped``
    (headers with data nothing maps) refuse the file until mapped or ignored; warnings never block."""


@dataclass(frozen=True)
class SkmImportResult:
    imported: int
    skipped: int


_USIA = re.compile(r"(\d{1,3})(?:[.,]0+)?(?:\s*(?:tahun|thn|th))?", re.IGNORECASE)


def validate_responses(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
    today: date | None = None,
) -> SkmImportPlan:
    """Check every row of ``table``; nothing is written. One ``RowError`` per bad row with all its problems.

    Refused at once (ValidationError) when a header is ambiguous, when no column holds the date-time or none
    holds a question. Headers with data that nothing maps are the plan's ``unmapped``."""
    actor.require(Perm.WRITE_GUESTS)
    resolved, unmapped_all = resolve_mapping(table.headers, mapping, ignore)
    filled = {h for _line, values in table.rows for h, v in values.items() if v.strip()}
    unmapped = [h for h in unmapped_all if h in filled]
    by_column = tabular.columns_read(resolved)
    if "waktu" not in by_column:
        raise ValidationError(
            f"Berkas {table.source}: tidak ada kolom tanggal/waktu pengisian (mis. \u201cTimestamp\u201d, "
            "\u201cTanggal\u201d, \u201cWaktu\u201d); petakan dengan --map 'JUDUL=waktu'.",
            "mapping",
        )
    present = [i for i, kode in enumerate(UNSUR_COLUMNS) if kode in by_column]
    if not present:
        raise ValidationError(
            f"Berkas {table.source}: tidak ada kolom pertanyaan U1-U9 yang dikenali (judul kolom: "
            f"{', '.join(table.headers)}); petakan dengan --map 'JUDUL=U1'.",
            "mapping",
        )
    warnings = list(table.notes)
    missing = [kode for kode in UNSUR_COLUMNS if kode not in by_column]
    if missing:
        warnings.append(
            RowError.for_file(
                f"kolom {', '.join(missing)} tidak ada; unsur itu tidak terjawab oleh responden berkas ini"
            )
        )
    zone = visits.zone(session)
    today = today or clock.today(zone)
    valid: list[PlannedResponse] = []
    errors: list[RowError] = []
    for line, cells in tabular.row_cells(table, by_column):
        get = cells.raw
        problems: list[str] = []
        parsed: dict[str, Any] = {}
        stamp = get("waktu")
        if not stamp:
            problems.append("tanggal/waktu pengisian kosong")
        else:
            try:
                day, jam = parse_stamp(stamp, zone)
            except ValueError as exc:
                problems.append(f"tanggal/waktu \u201c{stamp}\u201d tidak dikenali ({_reason(exc)})")
            else:
                if day > today:
                    problems.append(f"tanggal {day.isoformat()} di masa depan")
                parsed.update(tanggal=day, jam=jam)
        answers: list[int | None] = [None] * len(UNSUR)
        for index in present:
            try:
                answers[index] = answer_value(index, get(UNSUR_COLUMNS[index]))
            except ValueError as exc:
                problems.append(str(exc).rstrip("."))
        if not problems and all(a is None for a in answers):
            problems.append("tidak ada satu pun jawaban U1-U9")
        parsed["answers"] = tuple(answers)
        for name, reader in (
            ("jenis_kelamin", skm.jenis_kelamin_value),
            ("pendidikan", skm.pendidikan_value),
            ("pekerjaan", skm.pekerjaan_value),
        ):
            try:
                parsed[name] = reader(get(name))
            except ValueError as exc:
                problems.append(str(exc))
        usia = get("usia")
        if usia:
            found = _USIA.fullmatch(usia)
            if found is None or not 10 <= int(found[1]) <= 120:
                problems.append(f"usia \u201c{usia}\u201d harus angka tahun 10-120")
            else:
                parsed["usia"] = int(found[1])
        layanan = " ".join(get("jenis_layanan").split())
        if len(layanan) > 120:
            problems.append("jenis layanan terlalu panjang (paling banyak 120 huruf)")
        parsed["jenis_layanan"] = layanan
        parsed["saran"] = get("saran")[:2000]
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
        else:
            valid.append(PlannedResponse(line=line, **parsed))
    return SkmImportPlan.for_table(table, valid, errors, warnings, mapping=resolved, unmapped=unmapped)


def _reason(exc: ValueError) -> str:
    detail = re.search(r"\(([^()]*)\)\s*$", str(exc))
    return (
        detail[1]
        if detail
        else "contoh: 02/03/2026 09:15:30, 2026-03-02 09:15:30, 2026/03/02 9:15:30 AM GMT+8"
    )


# --- import -------------------------------------------------------------------------------------------------


def import_responses(
    session: Session, actor: Actor, plan: SkmImportPlan, *, skip_invalid: bool = False, again: bool = False
) -> SkmImportResult:
    """Write the plan's respondents in the caller's transaction (all or nothing), with sumber "impor" and the
    imported file's id, audited once. Refused while the plan has errors (unless ``skip_invalid``) or unmapped
    columns, and (AlreadyImported) for a file imported before, unless ``again``."""
    actor.require(Perm.WRITE_GUESTS)
    if plan.unmapped:
        names = ", ".join(f"\u201c{h}\u201d" for h in plan.unmapped)
        raise ValidationError(
            f"Kolom {names} berisi data tetapi tidak dipetakan; tidak ada yang diimpor.", "mapping"
        )
    skipped = plan.rows_skipped(skip_invalid)
    if not plan.valid:
        return SkmImportResult(imported=0, skipped=skipped)
    import_log.claim(session, actor, IMPORT_KIND, plan.sha256, plan.source, len(plan.valid), again=again)
    file_id = session.scalar(
        select(ImportedFile.id)
        .where(ImportedFile.kind == IMPORT_KIND, ImportedFile.sha256 == plan.sha256)
        .order_by(ImportedFile.occurrence.desc())
        .limit(1)
    )
    records = [
        {
            "tanggal": r.tanggal,
            "jam": r.jam,
            "sumber": "impor",
            "jenis_kelamin": r.jenis_kelamin,
            "usia": r.usia,
            "pendidikan": r.pendidikan,
            "pekerjaan": r.pekerjaan,
            "jenis_layanan": r.jenis_layanan,
            "saran": r.saran,
            "imported_file_id": file_id,
            "created_at": clock.utc_now(),
            **{f"u{i}": value for i, value in enumerate(r.answers, start=1)},
        }
        for r in plan.valid
    ]
    for start in range(0, len(records), 1000):
        session.execute(insert(SurveyResponse), records[start : start + 1000])
    days = sorted({r.tanggal for r in plan.valid})
    audit.record(
        session,
        actor,
        "impor",
        IMPORT_KIND,
        plan.source,
        summary=f"{len(records)} responden SKM diimpor dari {plan.source or 'berkas'}"
        + (f", {skipped} baris tidak valid dilewati" if skipped else ""),
        after={
            "jumlah": len(records),
            "dilewati": skipped,
            "dari": days[0].isoformat(),
            "sampai": days[-1].isoformat(),
            "berkas": plan.source,
        },
    )
    return SkmImportResult(imported=len(records), skipped=skipped)
