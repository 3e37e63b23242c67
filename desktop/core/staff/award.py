"""ASN Berprestasi: criteria weights, the weighted score of a monthly sheet, and the ranking with its tie-breaks
(staff.md B9 R26; SOP #10, Pergub Kaltim 70/2019).

The SOP leaves the tie-break unsaid, so equal scores are decided, in turn, by the score on the criterion with the
highest weight (the first of them in the list when several share it), the higher golongan, the longer masa kerja,
the name (alphabetical) and finally the NIP, so the list comes out the same each time it is printed. Scores are
kept in hundredths (integers): the weighted sum of whole weights and whole scores is exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "BOBOT_TOTAL",
    "NILAI_MAKS",
    "Candidate",
    "Criterion",
    "Ranked",
    "format_skor",
    "rank",
    "tie_break_criterion",
    "validate_criteria",
    "weighted_score",
]

BOBOT_TOTAL = 100  # weights are percentages
NILAI_MAKS = 100  # each criterion is scored 0-100


@dataclass(frozen=True, slots=True)
class Criterion:
    """A criterion of the monthly sheet and its weight in percent; ``urutan`` is its place on the form."""

    id: int
    nama: str
    bobot: int
    urutan: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """One employee's month: the scores per criterion id, and what the tie-breaks compare.

    ``golongan_rank`` is the place on the pangkat ladder (I/a = 1 … IV/e = 17; PPPK golongan by its equal ruang);
    ``masa_kerja_bulan`` the months of service on the last day of the month.
    """

    id: int
    nama: str
    nip: str
    golongan_rank: int
    masa_kerja_bulan: int
    nilai: Mapping[int, int]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A place in the ranking; ``penentu`` says what put it above the next one when their scores are equal
    ("" when the scores differ)."""

    peringkat: int
    candidate: Candidate
    skor: int  # hundredths: 8735 = 87,35
    penentu: str = ""


def validate_criteria(criteria: Sequence[Criterion]) -> None:
    """Raise ValueError (Indonesian) unless there is at least one criterion, names are distinct, every weight is
    1-100 and the weights add up to 100."""
    if not criteria:
        raise ValueError("Isi sedikitnya satu kriteria penilaian.")
    seen: set[str] = set()
    for c in criteria:
        key = " ".join(c.nama.split()).casefold()
        if not key:
            raise ValueError("Nama kriteria wajib diisi.")
        if key in seen:
            raise ValueError(f"Kriteria {c.nama!r} tercantum dua kali.")
        seen.add(key)
        if not 1 <= c.bobot <= BOBOT_TOTAL:
            raise ValueError(f"Bobot kriteria {c.nama!r} harus 1 sampai {BOBOT_TOTAL} persen.")
    total = sum(c.bobot for c in criteria)
    if total != BOBOT_TOTAL:
        raise ValueError(f"Jumlah bobot kriteria harus {BOBOT_TOTAL} persen; sekarang {total} persen.")


def weighted_score(criteria: Sequence[Criterion], nilai: Mapping[int, int]) -> int:
    """Σ bobot × nilai in hundredths of a point (weights 40/30/30, scores 90/80/70 -> 8100 = 81,00).

    Raises ValueError for a missing criterion or a score outside 0-100.
    """
    total = 0
    for c in criteria:
        if c.id not in nilai:
            raise ValueError(f"Nilai {c.nama} belum diisi.")
        value = nilai[c.id]
        if not 0 <= value <= NILAI_MAKS:
            raise ValueError(f"Nilai {c.nama} harus 0 sampai {NILAI_MAKS}.")
        total += c.bobot * value
    return total


def tie_break_criterion(criteria: Sequence[Criterion]) -> Criterion:
    """The criterion that decides first between equal scores: the highest weight, then the first on the form."""
    return min(criteria, key=lambda c: (-c.bobot, c.urutan, c.id))


def _key(c: Candidate, skor: int, first: Criterion) -> tuple[object, ...]:
    return (-skor, -c.nilai.get(first.id, 0), -c.golongan_rank, -c.masa_kerja_bulan, c.nama.casefold(), c.nip)


def _penentu(a: Candidate, b: Candidate, first: Criterion) -> str:
    """What puts ``a`` above ``b`` when their scores are equal."""
    if a.nilai.get(first.id, 0) != b.nilai.get(first.id, 0):
        return f"nilai {first.nama} lebih tinggi"
    if a.golongan_rank != b.golongan_rank:
        return "golongan lebih tinggi"
    if a.masa_kerja_bulan != b.masa_kerja_bulan:
        return "masa kerja lebih lama"
    if a.nama.casefold() != b.nama.casefold():
        return "urutan nama"
    return "urutan NIP"


def rank(criteria: Sequence[Criterion], candidates: Sequence[Candidate]) -> list[Ranked]:
    """The candidates by weighted score, highest first, every tie broken (see the module docstring).

    Every candidate must have a score for every criterion (ValueError otherwise); places run 1, 2, 3 … without
    gaps, since no two candidates end equal.
    """
    validate_criteria(criteria)
    first = tie_break_criterion(criteria)
    scored = [(c, weighted_score(criteria, c.nilai)) for c in candidates]
    scored.sort(key=lambda pair: _key(pair[0], pair[1], first))
    out: list[Ranked] = []
    for index, (c, skor) in enumerate(scored):
        penentu = ""
        if index + 1 < len(scored) and scored[index + 1][1] == skor:
            penentu = f"Skor sama dengan peringkat {index + 2}; {_penentu(c, scored[index + 1][0], first)}"
        out.append(Ranked(index + 1, c, skor, penentu))
    return out


def format_skor(hundredths: int) -> str:
    """8735 -> ``87,35`` (Indonesian decimal comma)."""
    whole, frac = divmod(hundredths, 100)
    return f"{whole},{frac:02d}"
