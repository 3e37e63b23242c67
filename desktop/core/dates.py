"""Indonesian date formats, Roman numerals, date parsing and office time zones."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

__all__ = [
    "BULAN",
    "HARI",
    "OFFICE_ZONES",
    "day_name",
    "format_date",
    "format_date_long",
    "format_date_numeric",
    "format_datetime",
    "month_name",
    "office_tz",
    "parse_date",
    "roman_month",
    "to_roman",
]

# Indexed by date.weekday(): Monday is 0.
HARI: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# 0-based tuple; use month_name() for the 1-based calendar month.
BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

OFFICE_ZONES: dict[str, str] = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def day_name(d: date) -> str:
    """Indonesian weekday name: ``Minggu`` for 2026-11-22."""
    return HARI[d.weekday()]


def month_name(month: int) -> str:
    """Indonesian month name for a 1-based month number."""
    if not 1 <= month <= 12:
        raise ValueError(f"Bulan harus 1 sampai 12, bukan {month}")
    return BULAN[month - 1]


def format_date(d: date) -> str:
    """``22 November 2026`` (no leading zero on the day, as in naskah dinas)."""
    return f"{d.day} {month_name(d.month)} {d.year}"


def format_date_long(d: date) -> str:
    """``Minggu, 22 November 2026``."""
    return f"{day_name(d)}, {format_date(d)}"


def format_date_numeric(d: date) -> str:
    """``22-11-2026``."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def office_tz(code: str) -> ZoneInfo:
    """The IANA zone of an Indonesian office time code (WIB, WITA, WIT)."""
    key = code.strip().upper()
    if key not in OFFICE_ZONES:
        raise ValueError(f"Zona waktu tidak dikenali: {code!r} (pilih WIB, WITA atau WIT)")
    return ZoneInfo(OFFICE_ZONES[key])


def format_datetime(dt: datetime, zone: str | None = None) -> str:
    """``22 November 2026 14.05``, or ``22 November 2026 14.05 WITA`` with a zone code.

    An aware datetime is converted to the given zone first, so the printed suffix is never a lie; a naive one is
    taken to be office time already.
    """
    text_zone = ""
    if zone is not None:
        tz = office_tz(zone)
        if dt.tzinfo is not None:
            dt = dt.astimezone(tz)
        text_zone = f" {zone.strip().upper()}"
    return f"{format_date(dt.date())} {dt.hour:02d}.{dt.minute:02d}{text_zone}"


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """Roman numeral for 1..3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"Angka Romawi hanya untuk 1 sampai 3999, bukan {n}")
    parts: list[str] = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def roman_month(month: int) -> str:
    """Month in Roman numerals, as used in nomor surat: 11 -> ``XI``."""
    if not 1 <= month <= 12:
        raise ValueError(f"Bulan harus 1 sampai 12, bukan {month}")
    return to_roman(month)


# Full names, common abbreviations, old spellings (Pebruari, Nopember) found in older letters, and the English
# abbreviations that differ from Indonesian ones (May, Aug, Oct, Dec) since spreadsheets often produce them.
_MONTH_WORDS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}

_NUMERIC_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_NUMERIC_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Dashes between the words too: "05-Jan-2024" is PHP's and Excel's d-M-Y, as web apps export their agendas.
_WORDED = re.compile(r"(?:([a-z']+)\s*,?\s+)?(\d{1,2})(?:\s+|-)([a-z]+)\.?(?:\s+|-)(\d{4})")


def _build(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Tanggal tidak dikenali: {text!r} (tanggal tersebut tidak ada)") from None


def parse_date(text: str) -> date:
    """Parse a date as typed by Indonesian users.

    Accepts ``22-11-2026``, ``22/11/2026``, ``22.11.2026`` (day first), ISO ``2026-11-22`` and worded dates such as
    ``22 November 2026``, ``22 Nov 2026``, ``22 Agt 2026``, optionally preceded by the weekday (``Minggu, ...``),
    which must then be correct. Two-digit years are refused because they are ambiguous.
    """
    cleaned = " ".join(text.split()).lower()
    if m := _NUMERIC_DMY.fullmatch(cleaned):
        return _build(text, int(m[4]), int(m[3]), int(m[1]))
    if m := _NUMERIC_ISO.fullmatch(cleaned):
        return _build(text, int(m[1]), int(m[2]), int(m[3]))
    if (m := _WORDED.fullmatch(cleaned)) and m[3] in _MONTH_WORDS:
        result = _build(text, int(m[4]), _MONTH_WORDS[m[3]], int(m[2]))
        if m[1] is not None:
            # "Jum'at" is a common spelling of Jumat.
            weekday = m[1].replace("'", "")
            names = [name.lower() for name in HARI]
            if weekday not in names:
                raise ValueError(f"Tanggal tidak dikenali: {text!r} (nama hari {weekday!r} tidak dikenal)")
            if names.index(weekday) != result.weekday():
                raise ValueError(
                    f"Tanggal tidak dikenali: {text!r} ({format_date(result)} jatuh pada hari {day_name(result)})"
                )
        return result
    raise ValueError(f"Tanggal tidak dikenali: {text!r}")
