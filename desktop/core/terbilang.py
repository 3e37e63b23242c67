"""Numbers and dates in Indonesian words (terbilang), as written on kuitansi and berita acara."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core.dates import day_name, month_name

__all__ = [
    "MAX_TERBILANG",
    "DateInWords",
    "berita_acara_date",
    "capitalize_words",
    "date_in_words",
    "terbilang",
    "terbilang_rupiah",
]

_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")

# Scale words for each group of three digits, lowest first.
_SCALES = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun")

MAX_TERBILANG = 10 ** (3 * len(_SCALES)) - 1


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_UNITS[units], "belas"]
    else:
        if tens > 1:
            words += [_UNITS[tens], "puluh"]
        if units:
            words.append(_UNITS[units])
    return words


def terbilang(n: int) -> str:
    """Indonesian words for an integer: 2026 -> ``dua ribu dua puluh enam``; lowercase, single spaces.

    Handles up to 999 kuadriliun (10**18 - 1); negatives are prefixed with ``minus``.
    """
    if n == 0:
        return "nol"
    if n < 0:
        return f"minus {terbilang(-n)}"
    if n > MAX_TERBILANG:
        raise ValueError(f"Angka terlalu besar untuk terbilang: {n}")
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for scale, group in reversed(list(enumerate(groups))):
        if group == 0:
            continue
        # Only a lone thousand contracts ("seribu"); 1 000 000 is "satu juta", not "sejuta", in formal writing.
        if scale == 1 and group == 1:
            words.append("seribu")
            continue
        words += _below_thousand(group)
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return " ".join(words)


def terbilang_rupiah(n: int) -> str:
    """``satu juta rupiah`` for 1 000 000."""
    return f"{terbilang(n)} rupiah"


def capitalize_words(text: str) -> str:
    """Capitalise each space-separated word (``Satu Juta Rupiah``), for kuitansi headings."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


@dataclass(frozen=True, slots=True)
class DateInWords:
    """The parts of a date as written out in a berita acara."""

    hari: str
    tanggal: str
    bulan: str
    tahun: str


def date_in_words(d: date) -> DateInWords:
    """2026-11-22 -> hari ``Minggu``, tanggal ``dua puluh dua``, bulan ``November``, tahun ``dua ribu dua puluh enam``."""
    return DateInWords(
        hari=day_name(d),
        tanggal=terbilang(d.day),
        bulan=month_name(d.month),
        tahun=terbilang(d.year),
    )


def berita_acara_date(d: date) -> str:
    """Opening phrase of a berita acara (e.g. BAST): ``Pada hari ini Minggu tanggal dua puluh dua bulan ...``."""
    w = date_in_words(d)
    return f"Pada hari ini {w.hari} tanggal {w.tanggal} bulan {w.bulan} tahun {w.tahun}"
