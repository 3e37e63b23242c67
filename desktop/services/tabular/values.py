"""Cell text read as values the way every import reads them: words folded for matching, dates with a time."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Final

from desktop.core.dates import format_date, parse_date

# A zone after the time (``Z``, ``+07:00``, ``+0700``) is what JSON and web exports write; see ``parse_when``.
_WITH_TIME: Final = re.compile(
    r"(?P<date>.+?)(?:(?:\s+|T)(?:pukul\s+|jam\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?P<zone>\s?(?:Z|[+-]\d{2}:?\d{2}))?)?",
    re.IGNORECASE,
)
_SERIAL: Final = re.compile(r"(?P<day>\d+)(?:[.,](?P<fraction>\d+))?")
SERIAL_FIRST: Final = 10000
"""The smallest Excel day number read as a date (18 Mei 1927): a shorter number in a date cell is far more
likely a day, an agenda number or a mistyped year than a date of the letters and careers the app keeps."""
SERIAL_LAST: Final = 73415
"""The Excel day number of 31 Desember 2100, the last date read from a number."""
DATE_EXAMPLES: Final = "contoh: 22-11-2026, 22/11/2026, 2026-11-22, 22 November 2026"


def fold(text: str) -> str:
    """The words of ``text``, case folded, punctuation as single spaces: for matching a status or a name."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def parse_when(text: str) -> tuple[date, time | None]:
    """A date with an optional time, as offices' files write it: ``22/11/2026 14.05``, ``2026-11-22T14:05:00``,
    ISO with a zone (``2024-03-01T00:00:00Z``, ``2024-03-01T07:00:00+07:00``), or an Excel day number left as
    text in a CSV cell (``45352``, ``45352.5`` = 1 Maret 2024 12.00). ValueError quoting ``text``, with a detail.

    The date and time are kept as written, the zone dropped: the app keeps office time without a zone, and a
    date-only field exported with a zone is written as midnight of that date, which is what the clerk means; a
    midnight with a zone is therefore a date without a time."""
    cleaned = " ".join(text.split())
    if serial := _SERIAL.fullmatch(cleaned):
        return _serial_when(text, serial)
    match = _WITH_TIME.fullmatch(cleaned)
    if match is None:  # pragma: no cover - the pattern matches any non-empty text
        raise ValueError(f"Tanggal tidak dikenali: {text!r}")
    try:
        day = parse_date(match["date"])
    except ValueError as exc:
        # parse_date quotes the date part only; the clerk looks for the cell as written.
        raise ValueError(str(exc).replace(repr(match["date"]), repr(text), 1)) from None
    if match["h"] is None:
        return day, None
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        raise ValueError(f"Tanggal tidak dikenali: {text!r} (jam {hour:02d}.{minute:02d} tidak ada)")
    if match["zone"] and (hour, minute) == (0, 0):
        return day, None
    return day, time(hour, minute)


def parse_day(text: str) -> date:
    """A date-only cell in any form ``parse_when`` reads; a time of day written with it is dropped."""
    return parse_when(text)[0]


def excel_day(serial: int) -> date:
    """The date of an Excel (1900 system) day number. Excel counts 29 Februari 1900, a day that never was
    (kept from Lotus 1-2-3): day 60 raises ValueError, and from day 61 on the count is one ahead."""
    if serial < 1:
        raise ValueError(f"nomor hari Excel {serial} tidak ada")
    if serial == 60:
        raise ValueError("nomor hari Excel 60 adalah 29 Februari 1900, tanggal yang tidak ada")
    return date(1899, 12, 31 if serial < 60 else 30) + timedelta(days=serial)


def _serial_when(text: str, match: re.Match[str]) -> tuple[date, time | None]:
    number = int(match["day"])
    if not SERIAL_FIRST <= number <= SERIAL_LAST:
        raise ValueError(
            f"Tanggal tidak dikenali: {text!r} (angka {match[0]} bukan tanggal; nomor hari Excel dibaca "
            f"{SERIAL_FIRST}–{SERIAL_LAST}, {format_date(excel_day(SERIAL_FIRST))} sampai "
            f"{format_date(excel_day(SERIAL_LAST))})"
        )
    day = excel_day(number)
    fraction = float("0." + match["fraction"]) if match["fraction"] else 0.0
    minutes = round(fraction * 24 * 60)
    if minutes == 0:
        return day, None
    if minutes == 24 * 60:  # a fraction a hair under the next day
        return day + timedelta(days=1), None
    return day, time(minutes // 60, minutes % 60)


def date_problem(label: str, value: str, exc: ValueError) -> str:
    """The reason a bad date cell gives: the detail of ``exc`` in brackets, else the accepted forms."""
    detail = re.search(r"\(([^()]*)\)\s*$", str(exc))
    extra = detail[1] if detail else DATE_EXAMPLES
    return f"{label} tidak dikenali (\u201c{value}\u201d; {extra})"
