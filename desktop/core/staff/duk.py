"""Daftar urut kepangkatan (DUK): the order of PNS in the list, by the criteria of PP 15/1979 in turn.

staff.md R30 lists the DUK among the outputs without ordering rules, so the standard order applies: pangkat
(higher first; same pangkat: earlier TMT first), jabatan (higher first; same: earlier TMT first), masa kerja
(longer first), latihan jabatan (higher first), pendidikan (higher first; same: earlier lulus first), usia
(older first). The NIP ends every tie, so the list comes out the same each time it is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from desktop.core.staff.months import MasaKerja
from desktop.core.staff.reference import normalize_golongan_ruang

__all__ = [
    "DukCriteria",
    "DukKey",
    "duk_sort_key",
    "eselon_rank",
    "golongan_rank",
    "latihan_jabatan_rank",
    "order_duk",
    "pendidikan_rank",
]

T = TypeVar("T")

_GOLONGAN = ("I", "II", "III", "IV")
_RUANG = "abcde"

# Eselon I.a is the highest; each step down ranks one lower. No eselon (pelaksana, fungsional) ranks 0.
_ESELON = ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a", "V.b")
_ESELON_PATTERN = re.compile(r"\s*(IV|V|III|II|I)\s*[./\-]?\s*([AB])\s*", re.IGNORECASE)
# The post-2019 jenjang names of structural posts, placed at their usual eselon.
_JENJANG_ESELON = {
    "jpt utama": "I.a",
    "jpt madya": "I.b",
    "jpt pratama": "II.a",
    "administrator": "III.a",
    "pengawas": "IV.a",
}

# Higher ijazah ranks higher; D-IV and S-1 are the same level, as are S-2 and the profesi (dokter, apoteker),
# matching their entry pangkat (staff.md R14).
_PENDIDIKAN = {
    "sd": 1,
    "sltp": 2,
    "smp": 2,
    "sltpkejuruan": 2,
    "slta": 3,
    "sma": 3,
    "smk": 3,
    "sltakejuruan": 3,
    "d1": 4,
    "d2": 5,
    "d3": 6,
    "sarjanamuda": 6,
    "akademi": 6,
    "d4": 7,
    "s1": 7,
    "s2": 8,
    "dokter": 8,
    "apoteker": 8,
    "profesi": 8,
    "s3": 9,
    "doktor": 9,
}
_DIPLOMA_ROMAN = {"di": "d1", "dii": "d2", "diii": "d3", "div": "d4"}

# Leadership training, highest first; old (Diklatpim, Spama/Sepadya) and current (PKN/PKA/PKP) names.
_LATIHAN = (
    (4, ("diklatpim i", "pim i", "sespati", "sepati", "pkn i")),
    (3, ("diklatpim ii", "pim ii", "sespa", "spamen", "pkn ii")),
    (2, ("diklatpim iii", "pim iii", "spama", "sepadya", "pka")),
    (1, ("diklatpim iv", "pim iv", "adum", "sepala", "pkp")),
)


def golongan_rank(golongan_ruang: str) -> int:
    """``I/a`` -> 1 … ``IV/e`` -> 20: a number that orders golongan ruang the way the pangkat ladder does."""
    code = normalize_golongan_ruang(golongan_ruang)
    golongan, ruang = code.split("/")
    return _GOLONGAN.index(golongan) * len(_RUANG) + _RUANG.index(ruang) + 1


def eselon_rank(eselon: str) -> int:
    """``I.a`` -> 10 … ``V.b`` -> 1; also ``II/a``, ``IIIa``, ``JPT Pratama``, ``Administrator``, ``Pengawas``.

    Empty, ``non eselon``, ``pelaksana`` and anything unknown rank 0 (below every eselon).
    """
    text = " ".join(eselon.lower().split())
    text = _JENJANG_ESELON.get(text, text)
    m = _ESELON_PATTERN.fullmatch(text)
    if m is None:
        return 0
    code = f"{m[1].upper()}.{m[2].lower()}"
    return len(_ESELON) - _ESELON.index(code)


def pendidikan_rank(tingkat: str) -> int:
    """``SD`` -> 1 … ``S-3`` -> 9, ignoring case, spaces and hyphens (``S1`` = ``S-1``, ``D-III`` = ``D3``).

    Unknown or empty values rank 0.
    """
    key = re.sub(r"[^a-z0-9]", "", tingkat.lower())
    return _PENDIDIKAN.get(_DIPLOMA_ROMAN.get(key, key), 0)


def latihan_jabatan_rank(latihan: str) -> int:
    """``Diklatpim II`` / ``Diklat PIM Tk. II`` / ``PKN Tingkat II`` -> 3 … ``Diklatpim IV`` / ``PKP`` -> 1;
    none or unknown -> 0."""
    words = [w for w in latihan.lower().replace(".", " ").split() if w not in ("tk", "tingkat")]
    text = " ".join(words).replace("diklat pim", "diklatpim")
    for rank, names in _LATIHAN:
        if text in names:
            return rank
    return 0


@dataclass(frozen=True, slots=True)
class DukCriteria:
    """What decides a PNS's place in the DUK, as of the DUK's date.

    ``jabatan_rank`` is higher for a higher post (see :func:`eselon_rank`); ``masa_kerja`` is the whole masa kerja
    as PNS (not the MKG); ``latihan_jabatan_rank`` and ``pendidikan_rank`` as from the helpers above;
    ``tahun_lulus`` the year of the highest ijazah. Missing dates sort after known ones.
    """

    golongan_ruang: str
    tmt_golongan: date
    nip: str = ""
    jabatan_rank: int = 0
    tmt_jabatan: date | None = None
    masa_kerja: MasaKerja = field(default_factory=lambda: MasaKerja(0))
    latihan_jabatan_rank: int = 0
    pendidikan_rank: int = 0
    tahun_lulus: int | None = None
    tanggal_lahir: date | None = None


DukKey = tuple[int, date, int, date, int, int, int, int, date, str]


def duk_sort_key(c: DukCriteria) -> DukKey:
    """Ascending sort key: the first in the DUK has the smallest key."""
    return (
        -golongan_rank(c.golongan_ruang),
        c.tmt_golongan,
        -c.jabatan_rank,
        c.tmt_jabatan or date.max,
        -c.masa_kerja.total_months,
        -c.latihan_jabatan_rank,
        -c.pendidikan_rank,
        c.tahun_lulus if c.tahun_lulus is not None else 10_000,
        c.tanggal_lahir or date.max,
        "".join(ch for ch in c.nip if ch.isdigit()),
    )


def order_duk(items: Iterable[T], criteria: Callable[[T], DukCriteria]) -> list[T]:
    """``items`` in DUK order, by the :class:`DukCriteria` that ``criteria`` gives for each."""
    return sorted(items, key=lambda item: duk_sort_key(criteria(item)))
