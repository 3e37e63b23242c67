"""Calendar-month arithmetic, masa kerja (years and months) and reminder dates for the staff rules."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "MasaKerja",
    "Reminder",
    "add_months",
    "days_in_month",
    "first_of_month",
    "first_of_month_on_or_after",
    "first_of_next_month",
    "months_between",
    "reminders_days_before",
    "reminders_months_before",
]


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months; the day is clamped to the month's end (31 Jan + 1 -> 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + n
    year, month0 = divmod(index, 12)
    day = d.day
    if day > 28:  # every month has 28 days: only a later day may need clamping
        day = min(day, days_in_month(year, month0 + 1))
    return date(year, month0 + 1, day)


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]`` without computing the weekday."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    return 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month - 1]


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (negative when ``end`` is earlier).

    Exact for first-of-month TMTs: 2022-10-01 -> 2026-10-01 is 48.
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def first_of_month(d: date) -> date:
    return d.replace(day=1)


def first_of_next_month(d: date) -> date:
    """The 1st of the month after ``d``'s month (the TMT pensiun rule, staff.md R17)."""
    return add_months(d.replace(day=1), 1)


def first_of_month_on_or_after(d: date) -> date:
    """``d`` itself when it is a 1st, else the 1st of the next month."""
    return d if d.day == 1 else first_of_next_month(d)


@dataclass(frozen=True, slots=True, order=True)
class MasaKerja:
    """Masa kerja (golongan or service) in whole years and months, ``bulan`` 0-11; ordered by length."""

    tahun: int
    bulan: int = 0

    def __post_init__(self) -> None:
        if self.tahun < 0 or not 0 <= self.bulan <= 11:
            raise ValueError(
                f"Masa kerja tidak sah: {self.tahun} tahun {self.bulan} bulan (bulan 0 sampai 11)"
            )

    @classmethod
    def from_months(cls, months: int) -> MasaKerja:
        """Build from a month count; negative counts are floored at 0 tahun 0 bulan."""
        tahun, bulan = divmod(max(months, 0), 12)
        return cls(tahun, bulan)

    @property
    def total_months(self) -> int:
        return self.tahun * 12 + self.bulan

    def plus_months(self, months: int) -> MasaKerja:
        return MasaKerja.from_months(self.total_months + months)

    def __str__(self) -> str:
        return f"{self.tahun} tahun {self.bulan} bulan"


@dataclass(frozen=True, slots=True)
class Reminder:
    """A dated reminder before a deadline: ``tanggal`` is when it falls due, ``keterangan`` what to do."""

    tanggal: date
    keterangan: str


def reminders_months_before(
    target: date, months: Iterable[int], keterangan: Iterable[str]
) -> tuple[Reminder, ...]:
    """One reminder ``m`` calendar months before ``target`` for each ``m``, paired with its text, earliest first."""
    pairs = list(zip(months, keterangan, strict=True))
    return tuple(
        sorted((Reminder(add_months(target, -m), text) for m, text in pairs), key=lambda r: r.tanggal)
    )


def reminders_days_before(target: date, days: Iterable[int], keterangan: str) -> tuple[Reminder, ...]:
    """One reminder ``n`` calendar days before ``target`` for each ``n`` (H-180/90/30), earliest first."""
    return tuple(
        sorted(
            (Reminder(target - timedelta(days=n), f"H-{n}: {keterangan}") for n in days),
            key=lambda r: r.tanggal,
        )
    )
