"""Register numbers (assets.md R4, R6): formatting, typed ranges, and grouping units into KIB lines."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

__all__ = [
    "REGISTER_WIDTH",
    "RegisterLine",
    "RegisterRow",
    "format_register",
    "format_register_range",
    "group_registers",
    "parse_register_range",
]

REGISTER_WIDTH = 6  # 47/2021 and SIMDA 108; the 17/2007 forms print 4


def format_register(n: int, width: int = REGISTER_WIDTH) -> str:
    """``000001`` for 1; a register that does not fit the width is an error, never silently widened."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"Register harus bilangan bulat mulai 1, bukan {n!r}")
    text = f"{n:0{width}d}"
    if len(text) > width:
        raise ValueError(f"Register {n} melebihi {width} digit")
    return text


def format_register_range(first: int, last: int, width: int = REGISTER_WIDTH) -> str:
    """``000001 s/d 000010``, or just ``000007`` when the range holds one register."""
    if first == last:
        return format_register(first, width)
    return f"{format_register(first, width)} s/d {format_register(last, width)}"


# "s/d", "s.d.", "sd", "s/d." and "sampai" are all found in SIMDA prints and hand-made sheets, as are
# hyphen, en dash and em dash.
_RANGE = re.compile(
    r"(?P<first>\d+)(?:\s*(?:s\s*[/.]?\s*d\.?|sampai(?:\s+dengan)?|[-\u2013\u2014])\s*(?P<last>\d+))?",
    re.IGNORECASE,
)


def parse_register_range(text: str) -> tuple[int, int]:
    """``(1, 10)`` from ``000001 s/d 000010``, ``000001-000010`` or ``1 s.d. 10``; ``(7, 7)`` from ``000007``."""
    m = _RANGE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"Register tidak dikenali: {text!r} (contoh: 000001 atau 000001 s/d 000010)")
    first = int(m["first"])
    last = int(m["last"]) if m["last"] is not None else first
    if first < 1:
        raise ValueError(f"Register dimulai dari 1: {text!r}")
    if last < first:
        raise ValueError(f"Rentang register terbalik: {text!r} ({last} lebih kecil dari {first})")
    return first, last


@dataclass(frozen=True)
class RegisterRow:
    """One unit (one database row) as it is about to be printed.

    ``key`` holds what must be equal for two units to share a printed line (kode barang, nama, merk, ukuran,
    bahan, tahun, asal usul, ruang …; the caller decides). ``has_own_numbers`` marks a unit with its own factory,
    chassis, engine or police number: it always gets a line of its own (R6).
    """

    key: Hashable
    register: int
    harga: int = 0
    has_own_numbers: bool = False


@dataclass(frozen=True)
class RegisterLine:
    """A printed KIB line: a run of consecutive registers of identical units.

    ``start`` is the position of the run's first unit in the input, so the caller can print that unit's
    details; ``harga_satuan`` is the unit price and ``harga`` the line total.
    """

    key: Hashable
    first: int
    last: int
    jumlah: int
    harga_satuan: int
    harga: int
    start: int

    def register_text(self, width: int = REGISTER_WIDTH) -> str:
        return format_register_range(self.first, self.last, width)


def group_registers(rows: Iterable[RegisterRow]) -> list[RegisterLine]:
    """Merge runs of consecutive registers into one line each, keeping the print order.

    A unit joins the line above when the key and the unit price are equal, its register is the next one, and
    neither has its own numbers. A gap, a different price or a different key starts a new line, so a range
    printed on the KIB always means "every register in it, each at this price".
    """
    lines: list[RegisterLine] = []
    open_line = False  # whether the last line may still grow
    for position, row in enumerate(rows):
        last = lines[-1] if lines else None
        if (
            open_line
            and last is not None
            and not row.has_own_numbers
            and row.key == last.key
            and row.harga == last.harga_satuan
            and row.register == last.last + 1
        ):
            lines[-1] = RegisterLine(
                key=last.key,
                first=last.first,
                last=row.register,
                jumlah=last.jumlah + 1,
                harga_satuan=last.harga_satuan,
                harga=last.harga + row.harga,
                start=last.start,
            )
            continue
        lines.append(
            RegisterLine(
                key=row.key,
                first=row.register,
                last=row.register,
                jumlah=1,
                harga_satuan=row.harga,
                harga=row.harga,
                start=position,
            )
        )
        open_line = not row.has_own_numbers
    return lines
