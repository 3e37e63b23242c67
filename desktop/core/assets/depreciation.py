"""Penyusutan (assets.md R25, R26): straight line per semester, whole Rupiah, and capitalised maintenance.

Rules as implemented:

* Semesters are S1 = January-June and S2 = July-December. The acquisition semester counts in full, and a
  semester is depreciated once it has ended: at 31 December 2025 an item bought on 10 March 2024 has 4
  semesters (2024-S1 … 2025-S2), at 30 December 2025 it has 3.
* ``akumulasi = harga × semesters ÷ (masa × 2)`` rounded half up to whole Rupiah, with integers only. The
  penyusutan of one semester is the difference of two such figures, so the semesters always add up to the harga
  exactly and the last one absorbs the rounding.
* Capitalised maintenance (R26, the Permendagri 1/2019 pattern as far as assets.md states it): a repair of value X
  dated d is taken as a percentage of the nilai perolehan at that moment (harga plus earlier capitalised
  repairs); that percentage picks a band ``(more than lower %, up to upper %, extra years)``. From d's semester
  on, the book value plus X is depreciated straight line over the semesters left in the old plan plus
  ``extra years × 2``; d's semester is the first semester of the new plan. The result is not capped at the
  original masa manfaat (assets.md does not say it is; some Perkada do). When no semester would be left (a repair
  of a fully depreciated item whose band adds nothing), X is depreciated in d's semester alone rather than kept
  on the books for ever.
* Not depreciated: golongan A (Tanah) and F (KDP), codes outside the KIB, and ekstrakomptabel items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from desktop.core.assets.kode import GOLONGAN

__all__ = [
    "NOT_DEPRECIATED_GOLONGAN",
    "Band",
    "Kapitalisasi",
    "NilaiBuku",
    "Semester",
    "SemesterRow",
    "akumulasi",
    "extension_years",
    "is_depreciable",
    "last_ended_semester",
    "pick_band",
    "round_half_up",
    "schedule",
    "semester_berjalan",
    "semester_of",
    "value_at",
]


@dataclass(frozen=True, order=True)
class Semester:
    """A half year; ``index`` orders semesters and makes their arithmetic plain integer arithmetic."""

    index: int

    @classmethod
    def of(cls, year: int, half: int) -> Semester:
        if half not in (1, 2):
            raise ValueError(f"Semester harus 1 atau 2, bukan {half}")
        return cls(year * 2 + half - 1)

    @property
    def year(self) -> int:
        return self.index // 2

    @property
    def half(self) -> int:
        return self.index % 2 + 1

    @property
    def label(self) -> str:
        return f"{self.year}-S{self.half}"

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)


def semester_of(d: date) -> Semester:
    return Semester.of(d.year, 1 if d.month <= 6 else 2)


def last_ended_semester(as_of: date) -> Semester:
    """The last semester that ended on or before ``as_of``."""
    current = semester_of(as_of)
    return current if as_of >= current.end else Semester(current.index - 1)


def _check_masa(masa_tahun: int) -> int:
    if isinstance(masa_tahun, bool) or not isinstance(masa_tahun, int) or masa_tahun < 1:
        raise ValueError(f"Masa manfaat harus bilangan bulat tahun mulai 1, bukan {masa_tahun!r}")
    return masa_tahun


def _check_rupiah(n: int, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"{what} harus bilangan bulat Rupiah tidak negatif, bukan {n!r}")
    return n


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, for non-negative integers (``round`` rounds half to even)."""
    return (2 * numerator + denominator) // (2 * denominator)


def semester_berjalan(acquired: date, as_of: date, masa_tahun: int) -> int:
    """Semesters from the acquisition semester through the last one ended by ``as_of``, at most masa × 2."""
    total = _check_masa(masa_tahun) * 2
    count = last_ended_semester(as_of).index - semester_of(acquired).index + 1
    return max(0, min(count, total))


def akumulasi(harga: int, semesters: int, masa_tahun: int) -> int:
    """``harga × semesters ÷ (masa × 2)`` rounded half up to whole Rupiah (the CLI contract of issue 15)."""
    total = _check_masa(masa_tahun) * 2
    if not 0 <= semesters <= total:
        raise ValueError(f"Semester berjalan harus 0 sampai {total}, bukan {semesters}")
    return round_half_up(_check_rupiah(harga, "Harga") * semesters, total)


class Band(NamedTuple):
    """A maintenance band of R26: more than ``batas_bawah`` % up to ``batas_atas`` % (None: no upper bound)."""

    batas_bawah: int
    batas_atas: int | None
    tambah_tahun: int


def pick_band(nilai: int, nilai_perolehan: int, bands: Iterable[Band]) -> Band | None:
    """The band holding ``nilai`` as a percentage of ``nilai_perolehan``; compared exactly, without floats."""
    if nilai_perolehan <= 0:
        return None
    share = nilai * 100  # compared against pct × nilai_perolehan
    for band in sorted(bands, key=lambda b: b.batas_bawah):
        above = share > band.batas_bawah * nilai_perolehan
        below = band.batas_atas is None or share <= band.batas_atas * nilai_perolehan
        if above and below:
            return band
    return None


def extension_years(nilai: int, nilai_perolehan: int, bands: Iterable[Band]) -> int:
    band = pick_band(nilai, nilai_perolehan, bands)
    return band.tambah_tahun if band is not None else 0


@dataclass(frozen=True)
class Kapitalisasi:
    """A capitalised repair (pemeliharaan yang dikapitalisasi) of ``nilai`` Rupiah dated ``tanggal``."""

    tanggal: date
    nilai: int


@dataclass(frozen=True)
class SemesterRow:
    """One semester of the schedule; ``kapitalisasi`` is what was added to the value in this semester."""

    semester: Semester
    penyusutan: int
    akumulasi: int
    nilai_buku: int
    nilai_perolehan: int
    kapitalisasi: int = 0

    @property
    def label(self) -> str:
        return self.semester.label


def schedule(
    harga: int,
    acquired: date,
    masa_tahun: int,
    kapitalisasi: Sequence[Kapitalisasi] = (),
    bands: Sequence[Band] = (),
) -> list[SemesterRow]:
    """Every depreciated semester from the acquisition semester to the end of the (extended) life."""
    _check_rupiah(harga, "Harga")
    start = semester_of(acquired)
    repairs: dict[int, list[Kapitalisasi]] = {}
    for rep in sorted(kapitalisasi, key=lambda k: k.tanggal):
        _check_rupiah(rep.nilai, "Nilai pemeliharaan")
        if rep.tanggal < acquired:
            raise ValueError(f"Pemeliharaan tanggal {rep.tanggal.isoformat()} mendahului tanggal perolehan")
        repairs.setdefault(semester_of(rep.tanggal).index, []).append(rep)

    # The current straight-line plan: ``base`` spread over ``n`` semesters from ``plan_start``, on top of
    # ``akum_prior`` accumulated under earlier plans.
    plan_start, base, n, akum_prior = start.index, harga, _check_masa(masa_tahun) * 2, 0
    perolehan = harga
    rows: list[SemesterRow] = []
    s = start.index
    while True:
        added = 0
        for rep in repairs.pop(s, []):
            done = min(s - plan_start, n)
            akum_prior += round_half_up(base * done, n)
            remaining = n - done
            extra = extension_years(rep.nilai, perolehan, bands)
            perolehan += rep.nilai
            added += rep.nilai
            plan_start, base, n = s, perolehan - akum_prior, max(remaining + extra * 2, 1)
        if s >= plan_start + n:
            if not repairs:
                break
            s = min(repairs)  # nothing left to depreciate until the next repair
            continue
        k = s - plan_start + 1
        step = round_half_up(base * k, n) - round_half_up(base * (k - 1), n)
        total = akum_prior + round_half_up(base * k, n)
        rows.append(SemesterRow(Semester(s), step, total, perolehan - total, perolehan, added))
        s += 1
    return rows


@dataclass(frozen=True)
class NilaiBuku:
    """The figures of one item at a date."""

    semester_berjalan: int
    nilai_perolehan: int
    akumulasi: int
    nilai_buku: int


def value_at(
    harga: int,
    acquired: date,
    masa_tahun: int,
    as_of: date,
    kapitalisasi: Sequence[Kapitalisasi] = (),
    bands: Sequence[Band] = (),
) -> NilaiBuku:
    """Nilai perolehan, akumulasi and nilai buku at ``as_of``: repairs dated after it are ignored, and a semester
    counts once it has ended (so a repair made in the current semester raises the value before it is
    depreciated)."""
    known = [k for k in kapitalisasi if k.tanggal <= as_of]
    perolehan = harga + sum(k.nilai for k in known)
    last = last_ended_semester(as_of)
    done = [row for row in schedule(harga, acquired, masa_tahun, known, bands) if row.semester <= last]
    akum = done[-1].akumulasi if done else 0
    return NilaiBuku(len(done), perolehan, akum, perolehan - akum)


NOT_DEPRECIATED_GOLONGAN = frozenset({"A", "F"})


def is_depreciable(golongan: str, intra: bool) -> bool:
    """Only intrakomptabel items of KIB B-E are depreciated (Tanah and KDP never; ekstrakomptabel never)."""
    return intra and golongan in GOLONGAN and golongan not in NOT_DEPRECIATED_GOLONGAN
