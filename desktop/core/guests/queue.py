"""Queue ticket numbers (nomor antrian): format, parse, prefixes and the counter they come from (R11-R15)."""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "DEFAULT_DIGITS",
    "MAX_PREFIX_LENGTH",
    "check_prefix",
    "counter_period",
    "counter_series",
    "format_ticket",
    "normalize_prefix",
    "parse_ticket",
]

DEFAULT_DIGITS = 3
MAX_PREFIX_LENGTH = 3

_PREFIX = re.compile(r"[A-Z]{1,3}", re.ASCII)
# Typed or scanned: "a7", "A007", "A-007", "a 0007"; letters A-Z only, so "É1" or "A1x" are not tickets.
_TICKET = re.compile(r"\s*([A-Za-z]{1,3})\s*-?\s*([0-9]+)\s*", re.ASCII)


def normalize_prefix(prefix: str) -> str:
    """The prefix as stored and printed: trimmed, upper case."""
    return prefix.strip().upper()


def check_prefix(prefix: str) -> str | None:
    """An Indonesian message for the settings form when ``prefix`` cannot be a queue prefix, else None.

    Case does not matter (it is stored upper case); 1-3 letters A-Z so a ticket stays short and readable.
    """
    value = normalize_prefix(prefix)
    if not value:
        return "Awalan antrian wajib diisi (1-3 huruf, misalnya A)."
    if len(value) > MAX_PREFIX_LENGTH:
        return f"Awalan antrian paling banyak {MAX_PREFIX_LENGTH} huruf."
    if not _PREFIX.fullmatch(value):
        return "Awalan antrian hanya boleh berisi huruf A-Z (tanpa angka, spasi atau tanda baca)."
    return None


def format_ticket(prefix: str, seq: int, digits: int = DEFAULT_DIGITS) -> str:
    """``A001``; past 999 the number simply grows (``A1000``) instead of refusing a guest (R15)."""
    if seq < 1:
        raise ValueError(f"Nomor antrian harus 1 atau lebih, bukan {seq}.")
    if digits < 1:
        raise ValueError(f"Jumlah digit nomor antrian harus 1 atau lebih, bukan {digits}.")
    return f"{normalize_prefix(prefix)}{seq:0{digits}d}"


def parse_ticket(text: str) -> tuple[str, int] | None:
    """``"a7"`` -> ``("A", 7)``; None when the text is not a ticket number (so a search box can try a name)."""
    match = _TICKET.fullmatch(text)
    if match is None:
        return None
    seq = int(match.group(2))
    if seq < 1:
        return None
    return match.group(1).upper(), seq


def counter_series(service_id: int) -> str:
    """The counters-service series of one service's tickets; the period is the date (``counter_period``)."""
    return f"antrian:{service_id}"


def counter_period(service_date: date) -> str:
    """The counter period of a service date: the office-local date in ISO form, so each date restarts at 1
    by key, never by a midnight job (R11, R14). The caller passes the office's local date, not UTC."""
    return service_date.isoformat()
