"""Reference tables of the staff rules (pangkat, gaji pokok PNS and PPPK, ijazah ceilings, pangkat range of each
jenjang and eselon, KP periods, BUP) and their loaders.

The seed CSVs ship in ``desktop/resources/seed`` (provenance in its README). The database keeps editable copies;
services build these objects from rows, tests and first-run seeding read the shipped files.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from desktop.core.dates import format_date
from desktop.core.staff.kedudukan import Efek, Kedudukan, KedudukanTable
from desktop.core.staff.months import MasaKerja

__all__ = [
    "BUP_SEED",
    "GAJI_PPPK_SEED",
    "GAJI_SEED",
    "IJAZAH_SEED",
    "JENJANG_SEED",
    "KEDUDUKAN_SEED",
    "KP_PERIODE_SEED",
    "PANGKAT_SEED",
    "BupRule",
    "BupTable",
    "IjazahRule",
    "IjazahRules",
    "JenisJenjang",
    "JenjangPangkat",
    "JenjangPangkatTable",
    "KpPeriod",
    "KpPeriods",
    "KpRegime",
    "Pangkat",
    "PangkatLadder",
    "PayTable",
    "PayTables",
    "Source",
    "StaffReference",
    "load_bup_table",
    "load_ijazah_rules",
    "load_jenjang_pangkat",
    "load_kedudukan",
    "load_kp_periods",
    "load_pangkat",
    "load_pay_tables",
    "load_pppk_pay_tables",
    "normalize_eselon",
    "normalize_golongan_pppk",
    "normalize_golongan_ruang",
    "seed_file",
    "seed_reference",
]

PANGKAT_SEED = "pangkat_golongan.csv"
GAJI_SEED = "gaji_pokok_pns_pp5_2024.csv"
IJAZAH_SEED = "ijazah_pangkat_awal_maks.csv"
KP_PERIODE_SEED = "kp_periode_usul.csv"
BUP_SEED = "bup_jabatan.csv"
KEDUDUKAN_SEED = "kedudukan_hukum.csv"
JENJANG_SEED = "jenjang_pangkat.csv"
GAJI_PPPK_SEED = "gaji_pokok_pppk_perpres_11_2024.csv"

# A file path, an importlib.resources entry, or None for the shipped seed file.
Source = str | os.PathLike[str] | Traversable | None


def seed_file(name: str) -> Traversable:
    """A shipped seed file, found through package data so it works from a wheel or a frozen build."""
    return files("desktop") / "resources" / "seed" / name


def _read_rows(source: Source, default: str, required: set[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ``(where, row)`` with stripped values; ``where`` names file and line for error messages."""
    entry: Traversable = seed_file(default) if source is None else _as_traversable(source)
    reader = csv.DictReader(io.StringIO(entry.read_text(encoding="utf-8-sig")))
    missing = required - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"{entry.name}: kolom tidak ada: {', '.join(sorted(missing))}")
    for row in reader:
        yield (
            f"{entry.name} baris {reader.line_num}",
            {k: (v or "").strip() for k, v in row.items() if k is not None},
        )


def _as_traversable(source: str | os.PathLike[str] | Traversable) -> Traversable:
    if isinstance(source, str | os.PathLike):
        return Path(source)
    return source


def _int(where: str, row: Mapping[str, str], column: str) -> int:
    try:
        return int(row[column])
    except ValueError:
        raise ValueError(f"{where}: {column} {row[column]!r} harus bilangan bulat") from None


def _date(where: str, row: Mapping[str, str], column: str) -> date:
    try:
        return date.fromisoformat(row[column])
    except ValueError:
        raise ValueError(f"{where}: {column} {row[column]!r} harus berformat YYYY-MM-DD") from None


# --- pangkat and golongan ruang (R5) ----------------------------------------------------------------------------

_GOLONGAN_RUANG = re.compile(r"\s*(IV|III|II|I)\s*[/\-. ]?\s*([A-E])\s*", re.IGNORECASE)


_CANONICAL_GOLONGAN_RUANG = frozenset(f"{g}/{r}" for g in ("I", "II", "III", "IV") for r in "abcde")


def normalize_golongan_ruang(text: str) -> str:
    """``iii/d``, ``III-d``, ``III d`` or ``IIId`` -> ``III/d``; ValueError with an Indonesian message otherwise."""
    if text in _CANONICAL_GOLONGAN_RUANG:  # already normal (nearly always): skip the pattern
        return text
    m = _GOLONGAN_RUANG.fullmatch(text)
    if m is None:
        raise ValueError(f"Golongan ruang tidak dikenal: {text!r} (contoh: III/d)")
    return f"{m[1].upper()}/{m[2].lower()}"


@dataclass(frozen=True, slots=True)
class Pangkat:
    """One step of the PNS ladder: ``urut`` 1 (I/a Juru Muda) to 17 (IV/e Pembina Utama)."""

    urut: int
    golongan_ruang: str
    golongan: str
    ruang: str
    nama: str
    golongan_pppk_setara: str = ""
    kelompok: str = ""

    @property
    def label(self) -> str:
        """``Penata Tingkat I (III/d)``, as written in SK and letters."""
        return f"{self.nama} ({self.golongan_ruang})"


class PangkatLadder:
    """The ordered pangkat/golongan ladder, looked up by golongan ruang in any common spelling."""

    def __init__(self, rows: Iterable[Pangkat]) -> None:
        self._rows = tuple(sorted(rows, key=lambda p: p.urut))
        if not self._rows:
            raise ValueError("Daftar pangkat kosong")
        if len({p.urut for p in self._rows}) != len(self._rows):
            raise ValueError("Nomor urut pangkat ganda")
        self._by_code = {p.golongan_ruang: p for p in self._rows}
        self._index = {p.golongan_ruang: i for i, p in enumerate(self._rows)}
        if len(self._by_code) != len(self._rows):
            raise ValueError("Golongan ruang ganda dalam daftar pangkat")

    def __iter__(self) -> Iterator[Pangkat]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, golongan_ruang: str) -> Pangkat:
        code = normalize_golongan_ruang(golongan_ruang)
        try:
            return self._by_code[code]
        except KeyError:
            raise ValueError(f"Golongan ruang {code} tidak ada dalam daftar pangkat") from None

    def next_above(self, golongan_ruang: str) -> Pangkat | None:
        """The next pangkat up, None at the top (IV/e)."""
        index = self._index[self.get(golongan_ruang).golongan_ruang]
        return self._rows[index + 1] if index + 1 < len(self._rows) else None

    def rank(self, golongan_ruang: str) -> int:
        return self.get(golongan_ruang).urut


def load_pangkat(source: Source = None) -> PangkatLadder:
    """Read ``pangkat_golongan.csv`` (urut, golongan_ruang, golongan, ruang, pangkat, golongan_pppk_setara, kelompok)."""
    rows = []
    for where, row in _read_rows(source, PANGKAT_SEED, {"urut", "golongan_ruang", "pangkat"}):
        code = normalize_golongan_ruang(row["golongan_ruang"])
        golongan, ruang = code.split("/")
        rows.append(
            Pangkat(
                urut=_int(where, row, "urut"),
                golongan_ruang=code,
                golongan=golongan,
                ruang=ruang,
                nama=row["pangkat"],
                golongan_pppk_setara=row.get("golongan_pppk_setara", ""),
                kelompok=row.get("kelompok", ""),
            )
        )
    return PangkatLadder(rows)


# --- gaji pokok (R6, R7) ----------------------------------------------------------------------------------------


_PPPK_ROMAN = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"
)  # fmt: skip
_PPPK_BY_TEXT = {
    **{roman: roman for roman in _PPPK_ROMAN},
    **{str(number): roman for number, roman in enumerate(_PPPK_ROMAN, start=1)},
}


def normalize_golongan_pppk(text: str) -> str:
    """``ix``, ``IX``, ``Gol. IX`` or ``9`` -> ``IX`` (PPPK golongan I-XVII); ValueError otherwise."""
    key = re.sub(r"^\s*gol(?:ongan|\.)?\s*", "", text, flags=re.IGNORECASE).strip().upper()
    try:
        return _PPPK_BY_TEXT[key]
    except KeyError:
        raise ValueError(f"Golongan PPPK tidak dikenal: {text!r} (I sampai XVII)") from None


@dataclass(frozen=True, slots=True)
class PayTable:
    """One version of the gaji pokok table: ``cells[golongan]`` is ((mkg_tahun column, Rupiah), ...).

    PNS tables are keyed by golongan ruang (``III/d``), PPPK tables (``pppk``) by golongan (``IX``).
    """

    versi: str
    berlaku_mulai: date
    cells: Mapping[str, tuple[tuple[int, int], ...]]
    pppk: bool = False

    def key(self, golongan: str) -> str:
        """The golongan as the table spells it (``iii-d`` -> ``III/d``; PPPK ``ix`` -> ``IX``)."""
        return normalize_golongan_pppk(golongan) if self.pppk else normalize_golongan_ruang(golongan)

    def columns(self, golongan_ruang: str) -> tuple[int, ...]:
        """The MKG columns of a golongan ruang, ascending (II/a: 0, 1, 3, 5 … 33)."""
        return tuple(col for col, _ in self._row(golongan_ruang))

    def amount(self, golongan_ruang: str, column: int) -> int:
        """The Rupiah amount in an exact MKG column."""
        for col, rupiah in self._row(golongan_ruang):
            if col == column:
                return rupiah
        raise ValueError(f"Tabel gaji {self.versi}: golongan {golongan_ruang} tidak punya kolom MKG {column}")

    def column_for(self, golongan_ruang: str, mkg: MasaKerja) -> int:
        """The largest column ≤ the MKG in whole years (R6); the first column when the MKG is below it."""
        cols = self.columns(golongan_ruang)
        eligible = [c for c in cols if c <= mkg.tahun]
        return eligible[-1] if eligible else cols[0]

    def gaji_pokok(self, golongan_ruang: str, mkg: MasaKerja) -> int:
        return self.amount(golongan_ruang, self.column_for(golongan_ruang, mkg))

    @property
    def label(self) -> str:
        kind = "PPPK " if self.pppk else ""
        return f"tabel gaji pokok {kind}{self.versi} (berlaku {format_date(self.berlaku_mulai)})"

    def _row(self, golongan_ruang: str) -> tuple[tuple[int, int], ...]:
        code = self.key(golongan_ruang)
        try:
            return self.cells[code]
        except KeyError:
            raise ValueError(f"Tabel gaji {self.versi} tidak memuat golongan {code}") from None


class PayTables:
    """All versions of one gaji pokok table (PNS or PPPK); a later regulation is added as a new version, never
    by overwriting."""

    def __init__(self, tables: Iterable[PayTable]) -> None:
        self._tables = tuple(sorted(tables, key=lambda t: t.berlaku_mulai))
        if not self._tables:
            raise ValueError("Tabel gaji pokok kosong")
        if len({t.pppk for t in self._tables}) != 1:
            raise ValueError("Tabel gaji PNS dan PPPK tidak boleh tercampur")

    def __iter__(self) -> Iterator[PayTable]:
        return iter(self._tables)

    @property
    def pppk(self) -> bool:
        return self._tables[0].pppk

    def key(self, golongan: str) -> str:
        """The golongan as these tables spell it (ValueError for a golongan of the other kind of table)."""
        return self._tables[0].key(golongan)

    def for_date(self, d: date) -> PayTable:
        """The version in force on ``d``; before the earliest version, the earliest (the only one loaded)."""
        current = self._tables[0]
        for table in self._tables:
            if table.berlaku_mulai <= d:
                current = table
        return current


def _load_pay(source: Source, default: str, golongan_column: str, pppk: bool) -> PayTables:
    required = {golongan_column, "mkg_tahun", "gaji_pokok_rp", "versi", "berlaku_mulai"}
    normalize = normalize_golongan_pppk if pppk else normalize_golongan_ruang
    grouped: dict[tuple[str, date], dict[str, dict[int, int]]] = {}
    for where, row in _read_rows(source, default, required):
        key = (row["versi"], _date(where, row, "berlaku_mulai"))
        try:
            code = normalize(row[golongan_column])
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        column = _int(where, row, "mkg_tahun")
        cells = grouped.setdefault(key, {}).setdefault(code, {})
        if column in cells:
            raise ValueError(f"{where}: kolom MKG {column} untuk {code} ganda")
        cells[column] = _int(where, row, "gaji_pokok_rp")
    return PayTables(
        PayTable(
            versi=versi,
            berlaku_mulai=start,
            cells={code: tuple(sorted(cells.items())) for code, cells in by_code.items()},
            pppk=pppk,
        )
        for (versi, start), by_code in grouped.items()
    )


def load_pay_tables(source: Source = None) -> PayTables:
    """Read the PNS gaji pokok CSV (golongan_ruang, mkg_tahun, gaji_pokok_rp, versi, berlaku_mulai)."""
    return _load_pay(source, GAJI_SEED, "golongan_ruang", pppk=False)


def load_pppk_pay_tables(source: Source = None) -> PayTables:
    """Read the PPPK gaji pokok CSV (golongan I-XVII, mkg_tahun, gaji_pokok_rp, versi, berlaku_mulai)."""
    return _load_pay(source, GAJI_PPPK_SEED, "golongan", pppk=True)


# --- ijazah: entry golongan and KP reguler ceiling (R14) --------------------------------------------------------


# D-I … D-IV are also written D1 … D4.
_DIPLOMA_ROMAN = {"di": "d1", "dii": "d2", "diii": "d3", "div": "d4"}


def _ijazah_key(text: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", text.lower())
    return _DIPLOMA_ROMAN.get(key, key)


@dataclass(frozen=True, slots=True)
class IjazahRule:
    """Entry golongan of a CPNS by education and the highest pangkat reachable by KP reguler."""

    ijazah: str
    golongan_awal_cpns: str
    mkg_awal_tahun: int
    golongan_maks_kp_reguler: str
    catatan: str = ""

    @property
    def aliases(self) -> tuple[str, ...]:
        """The names in ``ijazah`` (``SLTA / SLTA Kejuruan / D-I`` -> three names)."""
        return tuple(part.strip() for part in self.ijazah.split("/") if part.strip())


class IjazahRules:
    """The ijazah table, looked up by any of its names ignoring case, spaces and hyphens (``S1`` = ``S-1``)."""

    def __init__(self, rules: Iterable[IjazahRule]) -> None:
        self._rules = tuple(rules)
        self._by_key: dict[str, IjazahRule] = {}
        for rule in self._rules:
            for name in (rule.ijazah, *rule.aliases):
                self._by_key.setdefault(_ijazah_key(name), rule)

    def __iter__(self) -> Iterator[IjazahRule]:
        return iter(self._rules)

    def get(self, ijazah: str) -> IjazahRule:
        try:
            return self._by_key[_ijazah_key(ijazah)]
        except KeyError:
            raise ValueError(f"Ijazah {ijazah!r} tidak ada dalam tabel ijazah dan pangkat") from None


def load_ijazah_rules(source: Source = None) -> IjazahRules:
    """Read ``ijazah_pangkat_awal_maks.csv``."""
    required = {"ijazah", "golongan_awal_cpns", "mkg_awal_tahun", "golongan_maks_kp_reguler"}
    return IjazahRules(
        IjazahRule(
            ijazah=row["ijazah"],
            golongan_awal_cpns=normalize_golongan_ruang(row["golongan_awal_cpns"]),
            mkg_awal_tahun=_int(where, row, "mkg_awal_tahun"),
            golongan_maks_kp_reguler=normalize_golongan_ruang(row["golongan_maks_kp_reguler"]),
            catatan=row.get("catatan", ""),
        )
        for where, row in _read_rows(source, IJAZAH_SEED, required)
    )


# --- KP periods and usul windows (R12) --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KpPeriod:
    """A KP period: TMT on the 1st of ``bulan_tmt``; usul window from day ``mulai_hari`` of month
    ``bulan_tmt + mulai_offset_bulan`` to day ``akhir_hari`` of month ``bulan_tmt + akhir_offset_bulan``."""

    bulan_tmt: int
    mulai_offset_bulan: int = -2
    mulai_hari: int = 16
    akhir_offset_bulan: int = -1
    akhir_hari: int = 15


@dataclass(frozen=True, slots=True)
class KpRegime:
    """The set of KP periods in force from ``berlaku_mulai`` (e.g. monthly periods from 1 Oct 2025)."""

    berlaku_mulai: date
    periods: Mapping[int, KpPeriod]
    dasar: str = ""


class KpPeriods:
    """All KP period regimes; the one in force on a TMT decides whether that month is a period."""

    def __init__(self, regimes: Iterable[KpRegime]) -> None:
        self._regimes = tuple(sorted(regimes, key=lambda r: r.berlaku_mulai))
        if not self._regimes or any(not r.periods for r in self._regimes):
            raise ValueError("Periode kenaikan pangkat kosong")

    def __iter__(self) -> Iterator[KpRegime]:
        return iter(self._regimes)

    def regime_for(self, d: date) -> KpRegime:
        """The regime in force on ``d``; before the earliest, the earliest (older regimes are not loaded)."""
        current = self._regimes[0]
        for regime in self._regimes:
            if regime.berlaku_mulai <= d:
                current = regime
        return current


def load_kp_periods(source: Source = None) -> KpPeriods:
    """Read ``kp_periode_usul.csv`` (berlaku_mulai, bulan_tmt, mulai/akhir offset and day, dasar)."""
    required = {
        "berlaku_mulai",
        "bulan_tmt",
        "mulai_offset_bulan",
        "mulai_hari",
        "akhir_offset_bulan",
        "akhir_hari",
    }
    grouped: dict[date, tuple[str, dict[int, KpPeriod]]] = {}
    for where, row in _read_rows(source, KP_PERIODE_SEED, required):
        start = _date(where, row, "berlaku_mulai")
        period = KpPeriod(
            bulan_tmt=_int(where, row, "bulan_tmt"),
            mulai_offset_bulan=_int(where, row, "mulai_offset_bulan"),
            mulai_hari=_int(where, row, "mulai_hari"),
            akhir_offset_bulan=_int(where, row, "akhir_offset_bulan"),
            akhir_hari=_int(where, row, "akhir_hari"),
        )
        if not 1 <= period.bulan_tmt <= 12:
            raise ValueError(f"{where}: bulan_tmt harus 1 sampai 12")
        if not (1 <= period.mulai_hari <= 28 and 1 <= period.akhir_hari <= 28):
            raise ValueError(f"{where}: hari usul harus 1 sampai 28")
        _, periods = grouped.setdefault(start, (row.get("dasar", ""), {}))
        if period.bulan_tmt in periods:
            raise ValueError(f"{where}: bulan_tmt {period.bulan_tmt} ganda")
        periods[period.bulan_tmt] = period
    return KpPeriods(
        KpRegime(berlaku_mulai=start, periods=periods, dasar=dasar)
        for start, (dasar, periods) in grouped.items()
    )


# --- BUP by jabatan (R16) ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BupRule:
    """Batas usia pensiun for one kind of jabatan: ``kode`` is the stable key, ``jabatan`` the label."""

    kode: str
    jabatan: str
    bup_tahun: int
    dasar: str = ""


class BupTable:
    """The editable BUP table, looked up by ``kode``."""

    def __init__(self, rules: Iterable[BupRule]) -> None:
        self._rules = tuple(rules)
        self._by_code = {r.kode: r for r in self._rules}
        if len(self._by_code) != len(self._rules):
            raise ValueError("Kode jabatan ganda dalam tabel BUP")

    def __iter__(self) -> Iterator[BupRule]:
        return iter(self._rules)

    def get(self, kode: str) -> BupRule:
        try:
            return self._by_code[kode]
        except KeyError:
            raise ValueError(f"Jabatan {kode!r} tidak ada dalam tabel BUP") from None


def load_bup_table(source: Source = None) -> BupTable:
    """Read ``bup_jabatan.csv`` (kode, jabatan, bup_tahun, dasar)."""
    rules = []
    for where, row in _read_rows(source, BUP_SEED, {"kode", "jabatan", "bup_tahun"}):
        bup = _int(where, row, "bup_tahun")
        if not 40 <= bup <= 75:
            raise ValueError(f"{where}: bup_tahun {bup} tidak masuk akal")
        rules.append(
            BupRule(kode=row["kode"], jabatan=row["jabatan"], bup_tahun=bup, dasar=row.get("dasar", ""))
        )
    return BupTable(rules)


# --- pangkat range of each jenjang fungsional and eselon (KP ceilings) -------------------------------------------


class JenisJenjang(StrEnum):
    """What a row of ``jenjang_pangkat.csv`` ranges: a JF jenjang (keahlian, keterampilan) or an eselon."""

    FUNGSIONAL_KEAHLIAN = "fungsional_keahlian"
    FUNGSIONAL_KETERAMPILAN = "fungsional_keterampilan"
    ESELON = "eselon"


@dataclass(frozen=True, slots=True)
class JenjangPangkat:
    """The pangkat range of one jenjang or eselon: a KP above ``golongan_tertinggi`` needs a higher post."""

    jenis: JenisJenjang
    kode: str  # "ahli_muda", "III.a"
    nama: str  # "Ahli Muda", "Eselon III.a"
    golongan_terendah: str
    golongan_tertinggi: str
    dasar: str = ""

    @property
    def struktural(self) -> bool:
        return self.jenis is JenisJenjang.ESELON

    @property
    def label(self) -> str:
        """``jenjang Ahli Muda`` or ``Eselon IV.a``, as a sentence names it."""
        return self.nama if self.struktural else f"jenjang {self.nama}"


# Eselon as written in SK and exports: "III.a", "III/a", "IIIa", "III a", "iii-A" -> "III.a".
_ESELON = re.compile(r"\s*(?:eselon\s*)?(IV|III|II|I|V)\s*[./\- ]?\s*([AB])\s*", re.IGNORECASE)


def normalize_eselon(text: str) -> str:
    """``III/a``, ``IIIa``, ``Eselon iii.A`` -> ``III.a``; ValueError for anything else."""
    m = _ESELON.fullmatch(text)
    if m is None:
        raise ValueError(f"Eselon tidak dikenal: {text!r} (contoh: III.a)")
    return f"{m[1].upper()}.{m[2].lower()}"


class JenjangPangkatTable:
    """The editable pangkat ranges, looked up by jenjang fungsional (``ahli_muda``) or by eselon (``III.a``)."""

    def __init__(self, rows: Iterable[JenjangPangkat]) -> None:
        self._rows = tuple(rows)
        self._fungsional: dict[str, JenjangPangkat] = {}
        self._eselon: dict[str, JenjangPangkat] = {}
        for row in self._rows:
            into = self._eselon if row.struktural else self._fungsional
            if row.kode in into:
                raise ValueError(f"Kode {row.kode!r} ganda dalam tabel jenjang dan pangkat")
            into[row.kode] = row

    def __iter__(self) -> Iterator[JenjangPangkat]:
        return iter(self._rows)

    def fungsional(self, jenjang: str) -> JenjangPangkat | None:
        """The range of a jenjang fungsional (``ahli_muda``, ``Ahli Muda``); None when not in the table."""
        return self._fungsional.get(re.sub(r"[\s\-]+", "_", jenjang.strip().lower()))

    def eselon(self, eselon: str) -> JenjangPangkat | None:
        """The range of an eselon in any common spelling; None when empty or not in the table."""
        try:
            return self._eselon.get(normalize_eselon(eselon))
        except ValueError:
            return None


def _golongan_rank(code: str) -> int:
    golongan, ruang = code.split("/")
    return ("I", "II", "III", "IV").index(golongan) * 5 + "abcde".index(ruang)


def load_jenjang_pangkat(source: Source = None) -> JenjangPangkatTable:
    """Read ``jenjang_pangkat.csv`` (jenis, kode, nama, golongan_terendah, golongan_tertinggi, dasar)."""
    required = {"jenis", "kode", "nama", "golongan_terendah", "golongan_tertinggi"}
    kinds = {k.value: k for k in JenisJenjang}
    rows = []
    for where, row in _read_rows(source, JENJANG_SEED, required):
        jenis = kinds.get(row["jenis"])
        if jenis is None:
            raise ValueError(f"{where}: jenis {row['jenis']!r} tidak dikenal ({', '.join(kinds)})")
        try:
            low = normalize_golongan_ruang(row["golongan_terendah"])
            high = normalize_golongan_ruang(row["golongan_tertinggi"])
            kode = normalize_eselon(row["kode"]) if jenis is JenisJenjang.ESELON else row["kode"]
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        if not kode or not row["nama"]:
            raise ValueError(f"{where}: kode dan nama wajib diisi")
        if _golongan_rank(low) > _golongan_rank(high):
            raise ValueError(f"{where}: golongan terendah {low} di atas golongan tertinggi {high}")
        rows.append(JenjangPangkat(jenis, kode, row["nama"], low, high, row.get("dasar", "")))
    return JenjangPangkatTable(rows)


# --- kedudukan hukum (issue 12 item 6) --------------------------------------------------------------------------


def load_kedudukan(source: Source = None) -> KedudukanTable:
    """Read ``kedudukan_hukum.csv`` (kode, nama, efek, alias separated by ``;``, sumber)."""
    rows = []
    for where, row in _read_rows(source, KEDUDUKAN_SEED, {"kode", "nama", "efek"}):
        kode = row["kode"]
        if not re.fullmatch(r"\d{1,2}", kode):
            raise ValueError(f"{where}: kode {kode!r} harus 2 angka")
        try:
            efek = Efek(row["efek"])
        except ValueError:
            known = ", ".join(e.value for e in Efek)
            raise ValueError(f"{where}: efek {row['efek']!r} tidak dikenal ({known})") from None
        if not row["nama"]:
            raise ValueError(f"{where}: nama kosong")
        aliases = tuple(a.strip() for a in row.get("alias", "").split(";") if a.strip())
        rows.append(Kedudukan(kode.zfill(2), row["nama"], efek, row.get("sumber", ""), aliases))
    return KedudukanTable(rows)


# --- the bundle -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffReference:
    """Every reference table the staff rules need, built from the seed files or from the database."""

    pangkat: PangkatLadder
    gaji: PayTables
    ijazah: IjazahRules
    kp_periods: KpPeriods
    bup: BupTable
    jenjang: JenjangPangkatTable = field(default_factory=lambda: load_jenjang_pangkat())
    gaji_pppk: PayTables = field(default_factory=lambda: load_pppk_pay_tables())
    kedudukan: KedudukanTable = field(default_factory=lambda: load_kedudukan())


@cache
def seed_reference() -> StaffReference:
    """The shipped defaults (read once): for tests, first-run seeding and as a fallback before seeding."""
    return StaffReference(
        pangkat=load_pangkat(),
        gaji=load_pay_tables(),
        ijazah=load_ijazah_rules(),
        kp_periods=load_kp_periods(),
        bup=load_bup_table(),
        jenjang=load_jenjang_pangkat(),
        gaji_pppk=load_pppk_pay_tables(),
        kedudukan=load_kedudukan(),
    )
