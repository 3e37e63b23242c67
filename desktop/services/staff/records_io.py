"""Import of the SIASN "Export Data ASN" (csv) and of the app's xlsx template; the export."""

from __future__ import annotations

import re
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from desktop.core import clock
from desktop.core.dates import format_date_numeric
from desktop.core.nip import JenisKelamin, bare_nip
from desktop.core.staff.kedudukan import Efek
from desktop.core.staff.reference import Pangkat, PangkatLadder, StaffReference
from desktop.models.admin import OrgUnit
from desktop.models.staff import Pegawai
from desktop.services import tabular
from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.staff.records import (
    JENJANG_FUNGSIONAL,
    JenisJabatan,
    PegawaiInput,
    PegawaiValues,
    PendingRiwayat,
    RiwayatKind,
    StatusPegawai,
    apply_values,
    clean_pegawai,
    current_values,
    input_from_row,
    insert_pending,
    latest_effective,
    new_pegawai_row,
    parse_eselon,
    parse_kedudukan,
    plan_riwayat,
    reference,
    refresh_current,
)
from desktop.services.tabular import AllOrNothing, RowError, Table, fold

__all__ = [
    "HEADER_TABLE",
    "IMPORT_FIELDS",
    "TEMPLATE_COLUMNS",
    "StaffImportPlan",
    "StaffImportResult",
    "StaffRow",
    "StaffTable",
    "export_staff_xlsx",
    "import_staff",
    "read_golongan",
    "read_siasn",
    "validate_siasn",
    "write_staff_template",
]

# The headers each field is read from, the SIASN "Export Data ASN" columns the app does not use, and the
# template's own names: data in ``resources/headers/pegawai_siasn.csv`` (see its README), one header a line.
HEADER_TABLE: Final = tabular.load_header_table(tabular.header_file("pegawai_siasn.csv"))
IMPORT_FIELDS: Final = tuple(dict.fromkeys(HEADER_TABLE.aliases.values()))
"""The fields an import fills, as ``--map 'JUDUL=field'`` names them."""
_ALIAS_INDEX: Final = HEADER_TABLE.index(IMPORT_FIELDS)
TEMPLATE_COLUMNS = (
    "NIP BARU",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "NIK",
    "STATUS CPNS PNS",
    "TMT CPNS",
    "TMT PNS",
    "TMT AKHIR KONTRAK",
    "GOL AKHIR NAMA",
    "TMT GOLONGAN",
    "MK TAHUN",
    "MK BULAN",
    "JENIS JABATAN NAMA",
    "JENJANG",
    "JABATAN NAMA",
    "TMT JABATAN",
    "TINGKAT PENDIDIKAN NAMA",
    "UNOR NAMA",
)
_DATE_COLUMNS = frozenset(
    {"TANGGAL LAHIR", "TMT CPNS", "TMT PNS", "TMT AKHIR KONTRAK", "TMT GOLONGAN", "TMT JABATAN"}
)
_TEXT_COLUMNS = frozenset({"NIP BARU", "NIK"})
_DATE_FORMAT = "DD-MM-YYYY"


# --- reading ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffTable(Table):
    """A sheet as read (``tabular.Table``, whose ``numeric`` cells hold a NIP that lost its last digits), and
    the rows of the template's example, left out of ``rows``."""

    examples: tuple[int, ...] = ()


def read_siasn(path: Path | str, mapping: Mapping[str, str | None] | None = None) -> StaffTable:
    """Read a SIASN export (.csv: UTF-8 with or without BOM, UTF-16/32 with BOM, or Windows-1252; separated by
    comma, semicolon, pipe or tab) or the xlsx template (first sheet). The header is the first row among the
    first 20 that names a NIP column (by its alias, or by the user's ``mapping``: header → field). The template's
    example row is left out (``examples``), so it is never imported as a pegawai."""
    table = tabular.read_table(
        path,
        _index_with(mapping),
        min_known=1,
        required=("nip",),
        no_header="Berkas {source}: tidak ada kolom NIP BARU (atau NIP) di 20 baris pertama; "
        "apakah ini berkas Export Data ASN dari SIASN?",
        choose_delimiter=_first_line_delimiter,
        numeric_cells=True,
    )
    columns, _ = _columns(table.headers, _known_headers(table.headers, mapping))
    nip_header, name_header = columns["nip"], columns.get("nama", "")
    rows: list[tuple[int, dict[str, str]]] = []
    examples: list[int] = []
    for line, values in table.rows:
        if _is_template_example(values.get(nip_header, ""), values.get(name_header, "")):
            examples.append(line)
        else:
            rows.append((line, values))
    # Every field of the shared Table (the notes of skipped title rows too), with the example rows taken out.
    kept = {f.name: getattr(table, f.name) for f in fields(table)}
    return StaffTable(**{**kept, "rows": rows}, examples=tuple(examples))


HEADER_SEARCH_LINES = 50
_NIP_WORD = re.compile(r"(?<![a-z])nip(?![a-z])", re.IGNORECASE)


def _first_line_delimiter(text: str) -> str:
    # A SIASN export names its columns in its header line; its cells hold commas, so a sniff over many lines
    # could be misled where the header line is not. The header is the first line naming a NIP column and split
    # by a delimiter: title rows an office puts above it ("DAFTAR PEGAWAI") have none.
    lines = [line for line in text.splitlines()[:HEADER_SEARCH_LINES] if line.strip()]
    split = [line for line in lines if any(d in line for d in tabular.DELIMITERS)]
    header = next((line for line in split if _NIP_WORD.search(line)), split[0] if split else "")
    return max(tabular.DELIMITERS, key=header.count)


def _is_template_example(nip: str, nama: str) -> bool:
    """The example row of ``write_staff_template`` (also of templates written before it was marked)."""
    return bare_nip(nip) == _TEMPLATE_EXAMPLE["NIP BARU"] and fold(nama).startswith(fold(_EXAMPLE_NAME))


# --- validation ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffRow:
    """One valid row: the pegawai as it will be saved, whether a pegawai with this NIP exists, and for one that
    does, what the import changes: (field label, registered value, value of the file), as the clerk reads them."""

    line: int
    values: PegawaiValues
    exists: bool
    changes: tuple[tuple[str, str, str], ...] = ()

    @property
    def changes_text(self) -> str:
        """``golongan III/c → III/d; jabatan Analis → Pranata``; "" when nothing changes."""
        return "; ".join(f"{label} {old} → {new}" for label, old, new in self.changes)


@dataclass(frozen=True)
class StaffImportPlan(AllOrNothing):
    """What an import would do. ``errors`` block unless the user imports the valid rows only; ``warnings``
    never block."""

    rows: list[StaffRow]
    errors: list[RowError]
    warnings: list[RowError] = field(default_factory=list)
    source: str = ""
    rows_read: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # field -> header used
    ignored: list[str] = field(default_factory=list)  # headers not used
    # Headers with data that nobody maps, that no known layout lists and that the user did not ignore: the
    # command line refuses the import while any is left, the wizard shows them.
    unmapped: list[str] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(1 for r in self.rows if not r.exists)


@dataclass(frozen=True)
class StaffImportResult:
    created: int
    updated: int
    unchanged: int
    riwayat: int  # riwayat entries added
    skipped: int = 0


_JENJANG_WORDS = re.compile(
    r"\b(ahli\s+pertama|ahli\s+muda|ahli\s+madya|ahli\s+utama|pemula|terampil|mahir|penyelia)\b",
    re.IGNORECASE,
)
# A golongan ruang code inside a cell: ``III/b``, ``III-b``, ``III b``, ``IIIb``; not the "I" of "Tingkat I".
_GOLONGAN_CODE = re.compile(r"(?<![A-Za-z])(IV|III|II|I)\s*[/\-.]?\s*([A-Ea-e])(?![A-Za-z])", re.IGNORECASE)
# ``3b``, ``3/b``: a golongan in Arabic digits, only as the whole cell (no PPPK golongan has a ruang letter).
_ARABIC_GOLONGAN = re.compile(r"([1-4])\s*[/\-.]?\s*([A-Ea-e])")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_TINGKAT_SHORT = re.compile(r"\btkt?\b\.?", re.IGNORECASE)
_FILLER_WORDS = frozenset({"golongan", "gol", "pangkat", "ruang"})
_PANGKAT_GROUP = re.compile(r"\b(juru|pengatur|penata|pembina)\b")
_GROUPED_DIGITS = re.compile(r"\d[\d\s.\-]*\d")
_PPPK_GOLONGAN = re.compile(r"(?:gol(?:ongan)?\.?\s*)?([IVX]+)(?:\s*[-(].*)?", re.IGNORECASE)
_DATE_EXAMPLES = "contoh: 14-03-1973, 14/03/1973, 1973-03-14"
_ESELON_DIGIT = re.compile(r"^\s*(IV|V|III|II|I)\b", re.IGNORECASE)
_STRUKTURAL_NAMES = (
    (re.compile(r"\bkepala\s+(dinas|badan)\b", re.I), JenisJabatan.JPT),
    (re.compile(r"\b(sekretaris|kepala\s+bidang|kabid)\b", re.I), JenisJabatan.ADMINISTRATOR),
    (
        re.compile(r"\b(kepala\s+sub|kasubag|kasubbag|kepala\s+seksi|kasi|kepala\s+upt)", re.I),
        JenisJabatan.PENGAWAS,
    ),
)


class _RowProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class _Problems:
    """The problems of one row, gathered so that the clerk fixes a row once, not once per attempt: the
    messages, and the PegawaiInput fields whose cell could not be read (left out of the row's input, so a
    later check of the same field would only repeat the problem)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.fields: set[str] = set()

    def add(self, exc: Exception, field_name: str | None = None) -> None:
        self.messages.append(str(exc))
        if field_name:
            self.fields.add(field_name)

    def text(self) -> str:
        if len(self.messages) == 1:
            return self.messages[0]
        return "; ".join(m.rstrip(". ") for m in self.messages) + "."


def _date(label: str, text: str) -> date | None:
    """A date cell as offices write it (``tabular.parse_day``: day first, ISO, worded, an ISO date-time with a
    zone, an Excel day number left as text); a time of day written with it is dropped."""
    written = text.strip()
    if not written:
        return None
    try:
        return tabular.parse_day(written)
    except ValueError as exc:
        detail = re.search(r"\(([^()]*)\)\s*$", str(exc))
        raise _RowProblem(
            f"{label} {written!r} bukan tanggal ({detail[1] if detail else _DATE_EXAMPLES})."
        ) from None


def _int(label: str, text: str) -> int:
    cleaned = text.strip()
    if not cleaned:
        return 0
    try:
        return int(float(cleaned)) if re.fullmatch(r"\d+(\.0+)?", cleaned) else int(cleaned)
    except ValueError:
        raise _RowProblem(f"{label} {text!r} harus bilangan bulat.") from None


def _nip_text(text: str, numeric: bool) -> str:
    cleaned = text.strip().removeprefix("'")
    if cleaned.startswith('="') and cleaned.endswith('"'):
        cleaned = cleaned[2:-1]
    if numeric or re.search(r"[eE][+]\d", cleaned):
        raise _RowProblem(
            f"NIP {text!r} tersimpan sebagai angka sehingga angka terakhirnya hilang; format kolom NIP sebagai "
            "Teks lalu isi ulang NIP-nya."
        )
    if _GROUPED_DIGITS.fullmatch(cleaned):
        # Offices group the NIP as printed on an SK, with spaces, dots or dashes: the digits are the NIP.
        digits = bare_nip(cleaned)
        if len(digits) != 18:
            raise _RowProblem(f"NIP {text.strip()!r} harus 18 angka; yang tertulis {len(digits)} angka.")
        return digits
    return cleaned


def read_golongan(text: str, ladder: PangkatLadder) -> str:
    """The golongan of a cell as offices write it: ``III/b`` from ``III-b``, ``IIIb``, ``3b``, ``Penata Muda
    Tk. I``, ``Penata Muda Tingkat I (III/b)`` or ``Penata Muda Tk.I, III/b`` (names from ``ladder``); a PPPK
    golongan ``IX`` (also ``Gol. IX``) as it is. Anything else comes back stripped, for ``clean_pegawai`` to
    refuse. Raises _RowProblem, quoting the cell, when the pangkat name and the code disagree."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return ""
    arabic = _ARABIC_GOLONGAN.fullmatch(cleaned)
    if arabic:
        return f"{_ROMAN[int(arabic[1])]}/{arabic[2].lower()}"
    code_match = _GOLONGAN_CODE.search(cleaned)
    code = f"{code_match[1].upper()}/{code_match[2].lower()}" if code_match else None
    rest = (
        cleaned if code_match is None else cleaned[: code_match.start()] + " " + cleaned[code_match.end() :]
    )
    words = _pangkat_words(rest)
    if not words:
        return code or cleaned
    named = _pangkat_names(ladder).get(words)
    if named is None:
        if code is None:
            pppk = _PPPK_GOLONGAN.fullmatch(cleaned)
            return pppk[1].upper() if pppk else cleaned
        if _PANGKAT_GROUP.search(words):
            raise _RowProblem(
                f"Golongan {text.strip()!r}: nama pangkat {rest.strip(' ,;()-')!r} tidak dikenal."
            )
        return code  # other words beside the code ("III/b PNS") do not change it
    if code is not None and code != named.golongan_ruang:
        raise _RowProblem(
            f"Golongan {text.strip()!r}: pangkat {named.nama} adalah golongan {named.golongan_ruang}, bukan {code}."
        )
    return named.golongan_ruang


def _pangkat_words(text: str) -> str:
    """A pangkat name folded for matching: ``Penata Muda Tk.I`` = ``PENATA MUDA TINGKAT I``; the words
    "golongan", "gol", "pangkat" and "ruang" left out."""
    words = fold(_TINGKAT_SHORT.sub(" tingkat ", text)).split()
    return " ".join(w for w in words if w not in _FILLER_WORDS)


@cache
def _pangkat_names(ladder: PangkatLadder) -> dict[str, Pangkat]:
    return {_pangkat_words(p.nama): p for p in ladder}


def _status(values: Mapping[str, str], columns: Mapping[str, str], nip: str, *, new: bool) -> str | None:
    raw = values.get(columns.get("status", ""), "").strip().upper()
    kind = values.get(columns.get("jenis_pegawai", ""), "").upper()
    if "PPPK" in raw or "PPPK" in kind:
        return StatusPegawai.PPPK.value
    if raw in ("C", "CPNS"):
        return StatusPegawai.CPNS.value
    if raw in ("P", "PNS"):
        return StatusPegawai.PNS.value
    if raw:
        raise _RowProblem(f"Status {raw!r} tidak dikenal (C/CPNS, P/PNS atau PPPK).")
    digits = bare_nip(nip)
    if len(digits) == 18 and 21 <= int(digits[12:14]) <= 29:
        return StatusPegawai.PPPK.value
    # Only for a new pegawai: in an update a blank TMT PNS means "no change", not "still CPNS".
    if new and "tmt_pns" in columns and not values.get(columns["tmt_pns"], "").strip():
        return StatusPegawai.CPNS.value
    return None


def _jenis_jabatan(text: str, eselon: str, jabatan: str) -> tuple[str, str | None]:
    """(jenis jabatan value, warning)."""
    folded = " ".join(text.lower().split())
    if not folded:
        return "", None
    if folded in {j.value for j in JenisJabatan}:
        return folded, None
    if "pimpinan tinggi" in folded or folded == "jpt":
        return JenisJabatan.JPT.value, None
    if "administrator" in folded:
        return JenisJabatan.ADMINISTRATOR.value, None
    if "pengawas" in folded and "fungsional" not in folded:
        return JenisJabatan.PENGAWAS.value, None
    if "fungsional umum" in folded or "pelaksana" in folded:
        return JenisJabatan.PELAKSANA.value, None
    if "fungsional" in folded:
        return JenisJabatan.FUNGSIONAL.value, None
    if "struktural" in folded:
        m = _ESELON_DIGIT.match(eselon)
        if m:
            level = m[1].upper()
            if level in ("I", "II"):
                return JenisJabatan.JPT.value, None
            return (JenisJabatan.ADMINISTRATOR if level == "III" else JenisJabatan.PENGAWAS).value, None
        for pattern, jenis in _STRUKTURAL_NAMES:
            if pattern.search(jabatan):
                return jenis.value, None
        return JenisJabatan.ADMINISTRATOR.value, (
            f"Jabatan struktural {jabatan!r} tanpa eselon: dicatat sebagai jabatan administrator; periksa."
        )
    raise _RowProblem(f"Jenis jabatan {text!r} tidak dikenal.")


def _unit_index(session: Session) -> dict[str, int]:
    index: dict[str, int] = {}
    for unit in session.scalars(select(OrgUnit)):
        for name in (unit.nama, unit.singkatan):
            if name.strip():
                index.setdefault(" ".join(name.casefold().split()), unit.id)
    return index


def _existing(session: Session, nips: Iterable[str]) -> dict[str, Pegawai]:
    wanted = list(dict.fromkeys(nips))
    found: dict[str, Pegawai] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in session.scalars(
            select(Pegawai).options(defer(Pegawai.foto)).where(Pegawai.nip.in_(chunk))
        ):
            found[row.nip] = row
    return found


def _row_input(
    values: Mapping[str, str],
    columns: Mapping[str, str],
    line: int,
    numeric: frozenset[tuple[int, str]],
    base: PegawaiInput | None,
    units: Mapping[str, int],
    warnings: list[RowError],
    kept: list[str],
    ladder: PangkatLadder,
    problems: _Problems,
    nip: str,
) -> PegawaiInput:
    """The row as a pegawai (``nip`` as read); for a registered one (``base``) a blank cell changes nothing
    (merged Excel cells are blank too): the names of the fields whose registered value a blank left in place go
    to ``kept``. A cell that cannot be read goes to ``problems`` and is left out, so every cell is read."""

    def attempt(target: str, read: Callable[[], Any]) -> None:
        try:
            changes[target] = read()
        except (_RowProblem, ValidationError) as exc:
            problems.add(exc, target)

    def get(name: str) -> str | None:
        header = columns.get(name)
        if header is None:
            return None
        text = values.get(header, "").strip()
        if text or base is None:
            return text
        if getattr(base, _KEPT_ATTRIBUTE.get(name, name), None) not in (None, "", 0):
            kept.append(name)
        return None

    changes: dict[str, Any] = {}
    for name in ("nama", "gelar_depan", "gelar_belakang", "tempat_lahir", "nik", "nip_lama", "pns_id"):
        text = get(name)
        if text is not None:
            changes[name] = text
    if "nik" in changes and (line, columns["nik"]) in numeric and len(changes["nik"]) >= 16:
        del changes["nik"]
        problems.add(
            _RowProblem(
                "NIK tersimpan sebagai angka sehingga angka terakhirnya hilang; format kolom NIK sebagai Teks."
            ),
            "nik",
        )
    for name, label in (
        ("tanggal_lahir", "Tanggal lahir"),
        ("tmt_cpns", "TMT CPNS"),
        ("tmt_pns", "TMT PNS"),
        ("tmt_golongan", "TMT golongan"),
        ("tmt_jabatan", "TMT jabatan"),
        ("akhir_kontrak", "Akhir kontrak"),
    ):
        text = get(name)
        if text is not None:
            attempt(name, partial(_date, label, text))
    gender = get("jenis_kelamin")
    if gender is not None:
        changes["jenis_kelamin"] = gender or None
    try:
        status = _status(values, columns, nip, new=base is None)
    except _RowProblem as exc:
        problems.add(exc, "status")
        status = None
    if status is not None or base is None:
        changes["status"] = status
    if status is None and base is not None:
        status = base.status
    if status != StatusPegawai.PPPK and "akhir_kontrak" in changes:
        changes["akhir_kontrak"] = None  # SIASN fills the column for PPPK only
    golongan = get("golongan")
    if golongan is not None:
        attempt("golongan_ruang", partial(read_golongan, golongan, ladder))
    for name, label in (("mkg_tahun", "MK tahun"), ("mkg_bulan", "MK bulan")):
        text = get(name)
        if text is not None:
            attempt(name, partial(_int, label, text))
    jabatan = get("jabatan")
    if jabatan is not None:
        changes["jabatan"] = jabatan
    jabatan_name = jabatan if jabatan is not None else (base.jabatan if base else "")
    jenis_text = get("jenis_jabatan")
    if jenis_text is not None:
        try:
            jenis, warning = _jenis_jabatan(jenis_text, get("eselon") or "", jabatan_name)
        except _RowProblem as exc:
            problems.add(exc, "jenis_jabatan")
        else:
            changes["jenis_jabatan"] = jenis
            if warning:
                warnings.append(RowError(line, warning))
    jenis_now = changes.get("jenis_jabatan", base.jenis_jabatan if base else "")
    jenjang = get("jenjang")
    if jenjang:
        changes["jenjang"] = jenjang
    elif jenis_now == JenisJabatan.FUNGSIONAL:
        m = _JENJANG_WORDS.search(jabatan_name)
        if m:
            changes["jenjang"] = "_".join(m[1].lower().split())
        elif jenjang is not None or base is None or base.jenis_jabatan != JenisJabatan.FUNGSIONAL:
            changes["jenjang"] = ""
    else:
        changes["jenjang"] = ""
    pendidikan = get("pendidikan")
    if pendidikan is not None:
        changes["pendidikan_terakhir"] = pendidikan
    unor = get("unor")
    if unor is not None:
        changes["unor"] = unor
        unit_id = units.get(" ".join(unor.casefold().split())) if unor else None
        if unit_id is not None or base is None or base.unor != unor:
            changes["unit_id"] = unit_id
    eselon = get("eselon")
    if eselon is not None:
        attempt("eselon", partial(parse_eselon, eselon))
    kedudukan = get("kedudukan")
    if kedudukan is not None:
        # The BKN kode or name (kedudukan_hukum.csv); its effect decides whether the pegawai is still in service.
        try:
            found = parse_kedudukan(kedudukan, reference())
        except ValidationError as exc:
            problems.add(exc, "kedudukan_hukum")
            return _input(base, nip, changes)
        changes["kedudukan_hukum"] = found.kode
        changes["aktif"] = found.efek is not Efek.KELUAR
        changes["alasan_nonaktif"] = found.nama if found.efek is Efek.KELUAR else ""
    return _input(base, nip, changes)


def _input(base: PegawaiInput | None, nip: str, changes: Mapping[str, Any]) -> PegawaiInput:
    if base is None:
        return PegawaiInput(nip=nip, **{"nama": "", **changes})
    return replace(base, nip=nip, **changes)


# What a field that ``clean_pegawai`` refused is set to, so that checking goes on to the row's other fields:
# the form's default, a stand-in for the name (it has none), and for a golongan without its TMT the golongan
# cleared too (the TMT alone cannot satisfy the rule).
_STAND_IN: Final[Mapping[str, Any]] = {
    **{f.name: f.default for f in fields(PegawaiInput) if f.default is not MISSING},
    "nama": "-",
}
_CLEARED_WITH: Final[Mapping[str, Mapping[str, Any]]] = {"tmt_golongan": {"golongan_ruang": ""}}


def _clean_all(
    data: PegawaiInput, ref: StaffReference, unit_ids: set[int], problems: _Problems
) -> tuple[PegawaiValues, tuple[str, ...]] | None:
    """``clean_pegawai`` until every field it refuses is in ``problems`` (a refused field is set to its stand-in
    and the row checked again); None when the row has a problem. A bad NIP ends the check: the values taken
    from it (birth date, gender, status) would make the other checks guess."""
    tried: set[str] = set()
    while True:
        try:
            found = clean_pegawai(data, ref, unit_ids)
        except ValidationError as exc:
            name = exc.field
            if name not in problems.fields:  # a cell that could not be read is listed once, not twice
                problems.add(exc)
            if name is None or name in tried or name not in _STAND_IN:
                return None
            tried.add(name)
            data = replace(data, **{name: _STAND_IN[name], **_CLEARED_WITH.get(name, {})})
            continue
        return None if problems.messages else found


# Import field -> the PegawaiInput attribute a blank cell of it leaves unchanged on re-import.
_KEPT_ATTRIBUTE: Mapping[str, str] = {
    "golongan": "golongan_ruang",
    "pendidikan": "pendidikan_terakhir",
    "kedudukan": "alasan_nonaktif",
}


def _index_with(mapping: Mapping[str, str | None] | None) -> dict[str, str]:
    """The alias index, with the headers the user mapped to a field (so a NIP column of any name is found)."""
    if not mapping:
        return _ALIAS_INDEX
    extra = {}
    for header, target in mapping.items():
        name = (target or "").strip()
        name = name if name in IMPORT_FIELDS else _ALIAS_INDEX.get(tabular.header_key(name), "")
        if name:
            extra[tabular.header_key(header)] = name
    return {**_ALIAS_INDEX, **extra}


def _known_headers(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None
) -> dict[str, str | None] | None:
    """The user's mapping with its headers spelt as the file spells them (``--map`` may differ in case or
    punctuation); a header the file does not have stays as given, for ``resolve_headers`` to refuse."""
    if mapping is None:
        return None
    by_key = {tabular.header_key(h): h for h in headers}
    return {by_key.get(tabular.header_key(h), h): target for h, target in mapping.items()}


def _columns(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> tuple[dict[str, str], list[str]]:
    """Field -> the header read for it (the user's ``mapping`` first, then the first header naming it), and
    the headers not used."""
    resolved = tabular.resolve_headers(headers, mapping, _ALIAS_INDEX, IMPORT_FIELDS)
    columns = {name: header for header, name in resolved.items() if name is not None}
    return columns, [header for header, name in resolved.items() if name is None]


def validate_siasn(
    session: Session,
    actor: Actor,
    table: StaffTable,
    *,
    mapping: Mapping[str, str | None] | None = None,
    ignore: Iterable[str] = (),
) -> StaffImportPlan:
    """Check every row (nothing is written): the errors per row, the warnings, and what each row becomes.

    A row for a NIP already registered starts from the registered values; only the file's columns change them.
    ``mapping`` (header → field, or None/"" to leave a header out) wins over the aliases; ``ignore`` names the
    headers the user chose to leave out. A header with data that is neither mapped, nor known to the layout
    (``HEADER_TABLE``), nor left out is listed in ``unmapped``. Raises ValidationError for a mapping or an
    ignored name that is not a header of the file, or for a field mapped twice.
    """
    actor.require(Perm.WRITE_STAFF)
    given = _known_headers(table.headers, mapping)
    columns, ignored = _columns(table.headers, given)
    left_out = tabular.ignore_headers(table.headers, ignore) | {
        header for header, target in (given or {}).items() if not (target or "").strip()
    }
    resolved = {header: None for header in table.headers} | {header: name for name, header in columns.items()}
    unmapped = [
        header
        for header in tabular.unmapped_columns(table, resolved, HEADER_TABLE.known_unused)
        if header not in left_out
    ]
    missing = [label for name, label in (("nip", "NIP BARU"), ("nama", "NAMA")) if name not in columns]
    if missing:
        raise ValidationError(
            f"Berkas {table.source}: kolom {', '.join(missing)} tidak ada (baris judul {table.header_line})."
        )
    ref = reference()
    units = _unit_index(session)
    unit_names: dict[int, str] = {
        uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))
    }
    unit_ids = set(unit_names)
    nips = [bare_nip(values.get(columns["nip"], "")) for _, values in table.rows]
    existing = _existing(session, [n for n in nips if len(n) == 18])

    errors: list[RowError] = []
    warnings = list(table.notes)  # title rows and a signature block the reader left out
    warnings.extend(RowError(line, _EXAMPLE_SKIPPED) for line in table.examples)
    rows: list[StaffRow] = []
    first_line: dict[str, int] = {}
    unmatched: Tally[str] = Tally()
    kept_rows = 0
    for line, values in table.rows:
        row_warnings: list[RowError] = []
        kept: list[str] = []
        problems = _Problems()
        written = values.get(columns["nip"], "")
        try:
            nip = _nip_text(written, (line, columns["nip"]) in table.numeric)
        except _RowProblem as exc:
            problems.add(exc, "nip")
            nip = written.strip()
        current = existing.get(bare_nip(nip)) if not problems.messages else None
        base = input_from_row(current) if current is not None else None
        data = _row_input(
            values, columns, line, table.numeric, base, units, row_warnings, kept, ref.pangkat, problems, nip
        )
        checked = _clean_all(data, ref, unit_ids, problems)
        if checked is None:
            errors.append(RowError(line, problems.text()))
            continue
        clean, found = checked
        if clean.nip in first_line:
            errors.append(
                RowError(line, f"NIP {clean.nip} sudah ada di baris {first_line[clean.nip]} berkas ini.")
            )
            continue
        first_line[clean.nip] = line
        kept_rows += bool(kept)
        warnings.extend(row_warnings)
        warnings.extend(RowError(line, w) for w in found)
        if clean.unor and clean.unit_id is None:
            unmatched[clean.unor] += 1
        changes = _changes(current, clean, unit_names) if current is not None else ()
        rows.append(StaffRow(line, clean, current is not None, changes))
    if kept_rows:
        warnings.append(
            RowError.for_file(
                f"Sel kosong pada {kept_rows} pegawai yang sudah terdaftar tidak mengubah datanya (data lama "
                "tetap dipakai); untuk mengosongkan data, ubah lewat formulir pegawai.",
            )
        )
    for unor, count in unmatched.most_common():
        warnings.append(
            RowError.for_file(
                f"UNOR {unor!r} ({count} baris) tidak cocok dengan unit organisasi mana pun; disimpan sebagai teks.",
            )
        )
    return StaffImportPlan(
        rows, errors, warnings, table.source, len(table.rows), columns, ignored, unmapped=unmapped
    )


# The registered values an import may change, as the clerk names them, in the order of the pegawai form.
_CHANGE_LABELS: Final[Mapping[str, str]] = {
    "nama": "nama",
    "gelar_depan": "gelar depan",
    "gelar_belakang": "gelar belakang",
    "tempat_lahir": "tempat lahir",
    "tanggal_lahir": "tanggal lahir",
    "jenis_kelamin": "jenis kelamin",
    "nik": "NIK",
    "nip_lama": "NIP lama",
    "pns_id": "PNS ID",
    "status": "status",
    "tmt_cpns": "TMT CPNS",
    "tmt_pns": "TMT PNS",
    "akhir_kontrak": "akhir kontrak",
    "golongan_ruang": "golongan",
    "tmt_golongan": "TMT golongan",
    "mkg_tahun": "MK tahun",
    "mkg_bulan": "MK bulan",
    "jenis_jabatan": "jenis jabatan",
    "jenjang": "jenjang",
    "jabatan": "jabatan",
    "tmt_jabatan": "TMT jabatan",
    "eselon": "eselon",
    "unit_id": "unit kerja",
    "unor": "UNOR",
    "pendidikan_terakhir": "pendidikan",
    "bup_kode": "BUP",
    "kedudukan_hukum": "kedudukan hukum",
    "aktif": "aktif",
    "alasan_nonaktif": "alasan nonaktif",
}


def _shown(name: str, value: Any, unit_names: Mapping[int, str]) -> str:
    """A stored value as the pegawai form shows it."""
    if value is None or value == "":
        return "(kosong)"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, date):
        return format_date_numeric(value)
    if name == "unit_id":
        return unit_names.get(value, str(value))
    if name == "status":
        return StatusPegawai(value).label
    if name == "jenis_kelamin":
        return JenisKelamin(value).label
    if name == "jenis_jabatan":
        return JenisJabatan(value).label
    if name == "jenjang":
        return JENJANG_FUNGSIONAL.get(value, str(value))
    return str(value)


def _changes(
    current: Pegawai, clean: PegawaiValues, unit_names: Mapping[int, str]
) -> tuple[tuple[str, str, str], ...]:
    """What importing ``clean`` changes of the registered pegawai: (label, registered, from the file)."""
    return tuple(
        (
            label,
            _shown(name, getattr(current, name), unit_names),
            _shown(name, getattr(clean, name), unit_names),
        )
        for name, label in _CHANGE_LABELS.items()
        if getattr(current, name) != getattr(clean, name)
    )


# --- import -------------------------------------------------------------------------------------------------------


def import_staff(
    session: Session, actor: Actor, plan: StaffImportPlan, *, skip_invalid: bool = False
) -> StaffImportResult:
    """Write the plan in the caller's transaction (all or nothing), audited once: new pegawai with their first
    riwayat, changed pegawai updated with a riwayat entry for a changed pangkat/jabatan/pendidikan."""
    actor.require(Perm.WRITE_STAFF)
    skipped = plan.rows_skipped(skip_invalid)
    now = clock.utc_now()
    existing = _existing(session, (r.values.nip for r in plan.rows))
    created: list[tuple[Pegawai, PegawaiValues]] = []
    changed: list[tuple[Pegawai, PegawaiValues, dict[str, Any]]] = []
    unchanged = 0
    for r in plan.rows:
        row = existing.get(r.values.nip)
        if row is None:
            row = new_pegawai_row(r.values, actor, now)
            session.add(row)
            existing[r.values.nip] = row
            created.append((row, r.values))
            continue
        before = current_values(row)
        diff = apply_values(row, r.values)
        if diff:
            row.updated_at = now
            changed.append((row, r.values, before))
        else:
            unchanged += 1
    session.flush()
    pending: dict[int, PendingRiwayat] = {}
    for row, values in created:
        queued = PendingRiwayat()
        plan_riwayat(actor, values, None, {}, alasan="", now=now, pending=queued)
        pending[row.id] = queued
    ids = [row.id for row, _, _ in changed]
    kinds = (RiwayatKind.PANGKAT, RiwayatKind.JABATAN, RiwayatKind.PENDIDIKAN)
    latest = {kind: latest_effective(session, kind, ids) for kind in kinds} if ids else {}
    reason = f"Impor {plan.source or 'SIASN'}: data diperbaiki"
    for row, values, before in changed:
        queued = PendingRiwayat()
        mine = {kind: latest[kind][row.id] for kind in kinds if row.id in latest[kind]}
        plan_riwayat(actor, values, before, mine, alasan=reason, now=now, pending=queued)
        pending[row.id] = queued
    added = insert_pending(session, pending)
    for row, _, _ in changed:
        if pending[row.id].count:
            refresh_current(session, row, pending[row.id].rows)
    audit.record(
        session,
        actor,
        "impor",
        "pegawai",
        plan.source,
        summary=f"Impor pegawai dari {plan.source or 'berkas'}: {len(created)} baru, {len(changed)} diubah, "
        f"{unchanged} tetap, {added} entri riwayat" + (f", {skipped} baris dilewati" if skipped else ""),
        after={
            "berkas": plan.source,
            "baru": [row.nip for row, _ in created],
            "diubah": {
                row.nip: sorted(diff for diff in _changed_fields(before, row)) for row, _, before in changed
            },
            "tetap": unchanged,
            "riwayat": added,
            "dilewati": skipped,
        },
    )
    return StaffImportResult(len(created), len(changed), unchanged, added, skipped)


def _changed_fields(before: Mapping[str, Any], row: Pegawai) -> list[str]:
    return [name for name, old in before.items() if getattr(row, name) != old]


# --- the xlsx template and export ---------------------------------------------------------------------------------

_EXAMPLE_NAME = "Siti Aminah"
_EXAMPLE_SKIPPED = "baris contoh dari templat; dilewati, tidak diimpor"
_TEMPLATE_EXAMPLE: Mapping[str, Any] = {
    "NIP BARU": "197303142000032009",
    "NAMA": f"{_EXAMPLE_NAME} (contoh, hapus baris ini)",
    "GELAR DEPAN": "",
    "GELAR BELAKANG": "S.E.",
    "TEMPAT LAHIR": "Samarinda",
    "TANGGAL LAHIR": date(1973, 3, 14),
    "JENIS KELAMIN": "P",
    "NIK": "6472015403730001",
    "STATUS CPNS PNS": "P",
    "TMT CPNS": date(2000, 3, 1),
    "TMT PNS": date(2001, 3, 1),
    "TMT AKHIR KONTRAK": None,
    "GOL AKHIR NAMA": "III/c",
    "TMT GOLONGAN": date(2022, 4, 1),
    "MK TAHUN": 17,
    "MK BULAN": 1,
    "JENIS JABATAN NAMA": "Jabatan Fungsional",
    "JENJANG": "Ahli Muda",
    "JABATAN NAMA": "Analis Perdagangan Ahli Muda",
    "TMT JABATAN": date(2022, 6, 1),
    "TINGKAT PENDIDIKAN NAMA": "S-1",
    "UNOR NAMA": "Bidang Perdagangan",
}
_GUIDE = (
    (
        "NIP BARU",
        "ya",
        "18 angka (NIP PNS atau NI PPPK); kolom berformat Teks agar angka terakhir tidak hilang.",
    ),
    ("NAMA", "ya", "Nama tanpa gelar."),
    ("TANGGAL LAHIR", "", "Tanggal (14-03-1973). Kosong: diambil dari NIP."),
    ("JENIS KELAMIN", "", "L/P (juga M/F, Pria/Wanita, 1/2). Kosong: diambil dari NIP."),
    ("STATUS CPNS PNS", "", "C (CPNS), P (PNS) atau PPPK. Kosong: dari NIP."),
    ("TMT AKHIR KONTRAK", "", "Khusus PPPK: tanggal berakhirnya perjanjian kerja."),
    ("GOL AKHIR NAMA", "", "III/d untuk PNS; IX untuk PPPK."),
    ("TMT GOLONGAN", "", "TMT SK pangkat terakhir; wajib bila golongan diisi."),
    ("MK TAHUN / MK BULAN", "", "Masa kerja golongan pada TMT golongan, seperti tertulis di SK."),
    (
        "JENIS JABATAN NAMA",
        "",
        "JPT, administrator, pengawas, fungsional atau pelaksana (nama SIASN juga dikenali).",
    ),
    ("JENJANG", "", "Untuk jabatan fungsional: Pemula … Penyelia, Ahli Pertama … Ahli Utama."),
    ("TINGKAT PENDIDIKAN NAMA", "", "SD, SLTP, SLTA, D-III, S-1, S-2, S-3."),
    ("UNOR NAMA", "", "Nama unit kerja seperti di Pengaturan › Unit organisasi."),
)


def _write_book(path: Path, rows: Iterable[Sequence[Any]], *, guide: bool) -> None:
    def write(tmp: Path) -> None:
        book = tabular.new_workbook()
        sheet = book.active
        sheet.title = "Pegawai"
        sheet.append(list(TEMPLATE_COLUMNS))
        for values in rows:
            sheet.append(list(values))
        for index, name in enumerate(TEMPLATE_COLUMNS, start=1):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if name in _TEXT_COLUMNS:
                    cell.number_format = "@"
                elif name in _DATE_COLUMNS:
                    cell.number_format = _DATE_FORMAT
        # Empty rows of the template keep text format for the NIP too, so typed NIPs keep all 18 digits.
        last = sheet.max_row
        for name in _TEXT_COLUMNS:
            index = TEMPLATE_COLUMNS.index(name) + 1
            for r in range(last + 1, last + 500):
                sheet.cell(row=r, column=index).number_format = "@"
        tabular.style_header(
            sheet,
            [max(12, min(40, len(name) + 4)) for name in TEMPLATE_COLUMNS],
            fill="1F4E78",
            font_color="FFFFFF",
            freeze="C2",
        )
        if guide:
            tabular.add_guide(
                book,
                "Petunjuk impor data pegawai",
                (
                    "Isi satu baris per pegawai di lembar \u201cPegawai\u201d mulai baris 2; hapus baris contoh.",
                    "Berkas Export Data ASN dari SIASN (.csv) bisa langsung diimpor tanpa diubah.",
                    "Semua baris diperiksa dulu; bila ada yang salah, tidak ada yang diimpor dan setiap baris yang "
                    "salah disebutkan nomor barisnya dan alasannya.",
                    "Impor ulang memperbarui pegawai ber-NIP sama dan tidak pernah menggandakannya.",
                ),
                ("Kolom", "Wajib", "Keterangan"),
                _GUIDE,
                (26, 8, 100),
            )
        book.save(tmp)

    tabular.replace_atomically(path, write)


def write_staff_template(path: Path | str) -> None:
    """The xlsx import template: the header row, one example row (delete it) and a sheet "Petunjuk"."""
    _write_book(Path(path), [[_TEMPLATE_EXAMPLE[c] for c in TEMPLATE_COLUMNS]], guide=True)


_JENIS_LABEL = {j.value: j.label for j in JenisJabatan}


def export_staff_xlsx(session: Session, actor: Actor, path: Path | str, *, aktif_saja: bool = True) -> int:
    """The register in the template's layout (it imports back unchanged); returns the number of pegawai."""
    actor.require(Perm.VIEW)
    query = select(Pegawai).options(defer(Pegawai.foto)).order_by(Pegawai.nip)
    if aktif_saja:
        query = query.where(Pegawai.aktif)
    units = {uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))}
    rows = []
    for p in session.scalars(query):
        rows.append(
            [
                p.nip,
                p.nama,
                p.gelar_depan,
                p.gelar_belakang,
                p.tempat_lahir,
                p.tanggal_lahir,
                p.jenis_kelamin,
                p.nik,
                {"pns": "P", "cpns": "C", "pppk": "PPPK"}[p.status],
                p.tmt_cpns,
                p.tmt_pns,
                p.akhir_kontrak,
                p.golongan_ruang,
                p.tmt_golongan,
                p.mkg_tahun,
                p.mkg_bulan,
                p.jenis_jabatan,
                JENJANG_FUNGSIONAL.get(p.jenjang, ""),
                p.jabatan,
                p.tmt_jabatan,
                p.pendidikan_terakhir,
                units.get(p.unit_id, p.unor) if p.unit_id is not None else p.unor,
            ]
        )
    _write_book(Path(path), rows, guide=False)
    audit.record(
        session,
        actor,
        "ekspor",
        "pegawai",
        Path(path).name,
        summary=f"{len(rows)} pegawai diekspor ke {Path(path).name}",
        after={"jumlah": len(rows), "berkas": str(path)},
    )
    return len(rows)
