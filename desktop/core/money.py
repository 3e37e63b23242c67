"""Integer Rupiah formatting and parsing in Indonesian notation (dot thousands, comma decimals)."""

from __future__ import annotations

import re

__all__ = ["format_number", "format_rupiah", "parse_rupiah"]


def _require_int(n: object) -> int:
    # bool is an int subclass and float/Decimal would silently lose or invent Rupiah; money is integer only.
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"Nominal harus bilangan bulat Rupiah, bukan {type(n).__name__}")
    return n


def format_number(n: int) -> str:
    """``1.234.567``; negatives keep a leading minus."""
    return f"{_require_int(n):,}".replace(",", ".")


def format_rupiah(n: int) -> str:
    """``Rp1.234.567``; ``-Rp1.234.567`` for negatives; ``Rp0``."""
    value = _require_int(n)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{format_number(abs(value))}"


# Optional sign (before or after "Rp"), digits either plain or grouped by dots in threes, then an optional ",00" or
# the ",-" that Indonesian receipts write for "no sen".
_RUPIAH = re.compile(
    r"(?P<sign1>-?)\s*(?:rp\.?)?\s*(?P<sign2>-?)\s*"
    r"(?P<digits>\d{1,3}(?:\.\d{3})+|\d+)"
    r"(?:,(?P<fraction>\d+|-))?"
)


def parse_rupiah(text: str) -> int:
    """Parse ``Rp 1.234.567``, ``1.234.567,00``, ``Rp1.234.567,-``, ``1234567`` or ``-Rp500`` to integer Rupiah.

    Fractions other than ``,00`` are refused: money in this application is whole Rupiah, and accepting ``,50``
    would mean silently rounding.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("Nominal rupiah kosong")
    m = _RUPIAH.fullmatch(cleaned)
    if m is None or (m["sign1"] and m["sign2"]):
        raise ValueError(f"Nominal rupiah tidak dikenali: {text!r}")
    fraction = m["fraction"]
    if fraction is not None and fraction not in ("-", "00"):
        raise ValueError(f"Nominal rupiah tidak boleh mengandung sen: {text!r}")
    value = int(m["digits"].replace(".", ""))
    return -value if m["sign1"] or m["sign2"] else value
