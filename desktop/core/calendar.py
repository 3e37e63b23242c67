"""Shared working-day (hari kerja) calendar: holidays, cuti bersama, local days and HK arithmetic."""

from __future__ import annotations

import csv
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from importlib.metadata import version
from pathlib import Path

from desktop.core.dates import HARI

__all__ = [
    "SEED_HOLIDAYS_PATH",
    "Holiday",
    "HolidayKind",
    "WorkingCalendar",
    "holidays_from_package",
    "load_holidays_csv",
]

SEED_HOLIDAYS_PATH: Path = (
    Path(__file__).resolve().parent.parent
    / "resources"
    / "seed"
    / "libur_nasional_cuti_bersama_2024_2027.csv"
)

_ONE_DAY = timedelta(days=1)


class HolidayKind(StrEnum):
    """Kind of calendar entry (staff.md R23); the value is what the database and CSV store."""

    LIBUR_NASIONAL = "libur_nasional"
    CUTI_BERSAMA = "cuti_bersama"
    LIBUR_LOKAL = "libur_lokal"
    MASUK_KHUSUS = "masuk_khusus"

    @property
    def label(self) -> str:
        """Indonesian label for the UI."""
        return _KIND_LABELS[self]


_KIND_LABELS: dict[HolidayKind, str] = {
    HolidayKind.LIBUR_NASIONAL: "Libur Nasional",
    HolidayKind.CUTI_BERSAMA: "Cuti Bersama",
    HolidayKind.LIBUR_LOKAL: "Libur Lokal",
    HolidayKind.MASUK_KHUSUS: "Masuk Khusus",
}

# When several entries share a date, holiday_on() reports the one that decides the day: a masuk_khusus overrides
# everything, and a libur nasional outranks a cuti bersama (it stays a holiday even when cuti bersama is worked).
_PRECEDENCE: dict[HolidayKind, int] = {
    HolidayKind.MASUK_KHUSUS: 0,
    HolidayKind.LIBUR_NASIONAL: 1,
    HolidayKind.LIBUR_LOKAL: 2,
    HolidayKind.CUTI_BERSAMA: 3,
}

_ESTIMATE_MARK = "(perkiraan)"


@dataclass(frozen=True, slots=True)
class Holiday:
    """One calendar entry; ``dasar`` is the legal basis (Keppres/SKB number) when known."""

    tanggal: date
    jenis: HolidayKind
    nama: str
    dasar: str = ""

    @property
    def is_estimate(self) -> bool:
        """True for Hijri dates estimated ahead of the SKB, which must be confirmed (staff.md R23)."""
        return _ESTIMATE_MARK in self.nama


class WorkingCalendar:
    """Working days under a 5-day week (R24) minus holidays, for cuti, PPID deadlines and SOP time standards.

    ``count_cuti_bersama_as_working`` treats cuti bersama as ordinary working days (an alternative reading of PPID
    deadlines, guests.md R26); by default they are days off, as for cuti counting (staff.md R19).
    """

    def __init__(
        self,
        holidays: Iterable[Holiday],
        weekend: frozenset[int] = frozenset({5, 6}),
        *,
        count_cuti_bersama_as_working: bool = False,
    ) -> None:
        if not weekend <= frozenset(range(7)):
            raise ValueError(f"Hari libur mingguan harus 0 (Senin) sampai 6 (Minggu): {sorted(weekend)}")
        if len(weekend) == 7:
            raise ValueError("Minimal satu hari dalam seminggu harus hari kerja")
        self.weekend = frozenset(weekend)
        self.count_cuti_bersama_as_working = count_cuti_bersama_as_working
        by_date: dict[date, list[Holiday]] = {}
        for holiday in holidays:
            by_date.setdefault(holiday.tanggal, []).append(holiday)
        self._by_date: dict[date, tuple[Holiday, ...]] = {
            day: tuple(sorted(entries, key=lambda h: _PRECEDENCE[h.jenis]))
            for day, entries in by_date.items()
        }
        # Dates whose status differs from the plain weekly pattern, sorted for range counting by bisection.
        self._exceptions: list[date] = sorted(
            day for day in self._by_date if self.is_working_day(day) != self._is_weekday(day)
        )

    def _is_weekday(self, d: date) -> bool:
        return d.weekday() not in self.weekend

    @property
    def holidays(self) -> tuple[Holiday, ...]:
        """All entries, by date."""
        return tuple(h for day in sorted(self._by_date) for h in self._by_date[day])

    def holidays_on(self, d: date) -> tuple[Holiday, ...]:
        """All entries on a date, the deciding one first."""
        return self._by_date.get(d, ())

    def holiday_on(self, d: date) -> Holiday | None:
        """The entry that decides the date (masuk khusus, then libur nasional, libur lokal, cuti bersama)."""
        entries = self._by_date.get(d)
        return entries[0] if entries else None

    def is_working_day(self, d: date) -> bool:
        """Weekdays are working days unless a holiday falls on them; a masuk_khusus entry always makes one."""
        kinds = {h.jenis for h in self._by_date.get(d, ())}
        if HolidayKind.MASUK_KHUSUS in kinds:
            return True
        if not self._is_weekday(d):
            return False
        if HolidayKind.LIBUR_NASIONAL in kinds or HolidayKind.LIBUR_LOKAL in kinds:
            return False
        return not (HolidayKind.CUTI_BERSAMA in kinds and not self.count_cuti_bersama_as_working)

    def next_working_day(self, d: date) -> date:
        """The first working day on or after ``d`` (``d`` itself when it is a working day)."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def previous_working_day(self, d: date) -> date:
        """The last working day on or before ``d``."""
        while not self.is_working_day(d):
            d -= _ONE_DAY
        return d

    def add_working_days(self, start: date, n: int) -> date:
        """The deadline ``n`` HK after ``start``, counting from the first working day after it (guests.md R26).

        Day 1 is the first working day after ``start``, so a request received Mon 2026-03-16 with 10 HK is due
        Tue 2026-04-07. ``n == 0`` returns ``start``; a negative ``n`` counts back the same way.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        d = start
        for _ in range(abs(n)):
            d += step
            while not self.is_working_day(d):
                d += step
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days from ``start`` to ``end``, both included; 0 when ``end`` is before ``start``.

        Used for cuti (staff.md R19): 2026-03-16..2026-03-27 is 5 HK.
        """
        if end < start:
            return 0
        total = self._weekdays_between(start, end)
        lo = bisect_left(self._exceptions, start)
        hi = bisect_right(self._exceptions, end)
        for day in self._exceptions[lo:hi]:
            total += 1 if self.is_working_day(day) else -1
        return total

    def _weekdays_between(self, start: date, end: date) -> int:
        days = (end - start).days + 1
        weeks, rest = divmod(days, 7)
        first = start.weekday()
        extra = sum(1 for i in range(rest) if (first + i) % 7 not in self.weekend)
        return weeks * (7 - len(self.weekend)) + extra


_CSV_WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _check_weekday(raw: str, day: date) -> bool:
    text = raw.strip().lower()
    if not text:
        return True
    return text in (_CSV_WEEKDAYS[day.weekday()], HARI[day.weekday()].lower())


def load_holidays_csv(path: str | os.PathLike[str]) -> list[Holiday]:
    """Read a holiday CSV (``tanggal,hari,jenis,nama`` and optional ``dasar``), such as the shipped seed.

    ``hari`` may be empty; when filled (``Mon`` or ``Senin``) it must match the date, which catches typing errors
    in hand-edited files.
    """
    source = Path(path)
    holidays: list[Holiday] = []
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"tanggal", "jenis", "nama"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{source.name}: kolom tidak ada: {', '.join(sorted(missing))}")
        for row in reader:
            where = f"{source.name} baris {reader.line_num}"
            raw_date = (row.get("tanggal") or "").strip()
            try:
                day = date.fromisoformat(raw_date)
            except ValueError:
                raise ValueError(f"{where}: tanggal {raw_date!r} harus berformat YYYY-MM-DD") from None
            raw_kind = (row.get("jenis") or "").strip()
            try:
                kind = HolidayKind(raw_kind)
            except ValueError:
                raise ValueError(f"{where}: jenis {raw_kind!r} tidak dikenal") from None
            if not _check_weekday(row.get("hari") or "", day):
                raise ValueError(
                    f"{where}: hari {row.get('hari')!r} tidak cocok dengan tanggal {day.isoformat()}"
                )
            holidays.append(
                Holiday(
                    tanggal=day,
                    jenis=kind,
                    nama=(row.get("nama") or "").strip(),
                    dasar=(row.get("dasar") or "").strip(),
                )
            )
    return holidays


def holidays_from_package(year: int, *, require_cuti_bersama: bool = True) -> list[Holiday]:
    """Generate a year's libur nasional and cuti bersama with the ``holidays`` package (staff.md R25).

    The package's GOVERNMENT category holds cuti bersama. Versions without it would silently yield a calendar with
    no cuti bersama, so that is an error unless ``require_cuti_bersama`` is False. Years whose SKB the package does
    not know yet simply have no cuti bersama, and Hijri dates come marked "(perkiraan)": both need checking by hand.
    """
    # Deferred: only the generator needs the package, not every HK calculation.
    from holidays.countries.indonesia import Indonesia

    supported_categories = set(getattr(Indonesia, "supported_categories", ("public",)))
    has_government = "government" in supported_categories
    if not has_government and require_cuti_bersama:
        raise RuntimeError(
            f"Paket holidays {version('holidays')} tidak memuat cuti bersama Indonesia; "
            "perbarui paketnya atau masukkan cuti bersama secara manual dari SKB"
        )
    # Indonesian is the package's default for Indonesia; ask for it explicitly only where the option exists.
    language = "id" if "id" in getattr(Indonesia, "supported_languages", ()) else None

    result: list[Holiday] = []
    categories = [("public", HolidayKind.LIBUR_NASIONAL)]
    if has_government:
        categories.append(("government", HolidayKind.CUTI_BERSAMA))
    for category, kind in categories:
        calendar = Indonesia(years=year, categories=(category,), language=language)
        for day in sorted(calendar):
            # Two holidays on one date come back joined by "; "; get_list splits them again.
            for name in calendar.get_list(day):
                result.append(Holiday(tanggal=day, jenis=kind, nama=name))
    result.sort(key=lambda h: (h.tanggal, _PRECEDENCE[h.jenis]))
    return result
