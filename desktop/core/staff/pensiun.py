"""BUP and TMT pensiun, pension preparation reminders and the PPPK contract end (staff.md B6, R16-R18)."""

from __future__ import annotations

from datetime import date

from desktop.core.dates import format_date
from desktop.core.staff.derivation import Derivation, Eligibility
from desktop.core.staff.months import (
    MasaKerja,
    Reminder,
    days_in_month,
    first_of_next_month,
    months_between,
    reminders_months_before,
)
from desktop.core.staff.reference import BupRule

__all__ = [
    "CONTRACT_REMINDER_MONTHS",
    "MIN_SERVICE_YEARS_FOR_PENSION",
    "PENSION_REMINDER_MONTHS",
    "bup_reached_on",
    "pension_reminders",
    "pension_service_check",
    "pppk_contract_reminders",
    "tmt_pensiun",
    "tmt_pensiun_value",
]

PENSION_REMINDER_MONTHS: tuple[int, ...] = (12, 6, 3)
CONTRACT_REMINDER_MONTHS: tuple[int, ...] = (6, 3, 1)
MIN_SERVICE_YEARS_FOR_PENSION = 10

_PENSION_TEXTS: dict[int, str] = {
    12: "H-12 bulan: mulai siapkan DPCP dan berkas pensiun",
    6: "H-6 bulan: usulkan pensiun (SIASN / si-Purgas)",
    3: "H-3 bulan: pantau persetujuan usul pensiun",
}


def _fd(d: date) -> str:
    return format_date(d)


def bup_reached_on(tanggal_lahir: date, bup_tahun: int) -> date:
    """The birthday on which the BUP age is reached (29 Feb falls on 28 Feb in a common year)."""
    year = tanggal_lahir.year + bup_tahun
    day = tanggal_lahir.day
    if day > 28:  # every month has 28 days: only a later day may need clamping
        day = min(day, days_in_month(year, tanggal_lahir.month))
    return date(year, tanggal_lahir.month, day)


def _bup_years(bup: int | BupRule) -> int:
    return bup.bup_tahun if isinstance(bup, BupRule) else bup


def _tmt_pensiun(tanggal_lahir: date, years: int) -> tuple[date, date]:
    """The rule of :func:`tmt_pensiun`: (the day the BUP age is reached, TMT pensiun)."""
    reached = bup_reached_on(tanggal_lahir, years)
    return reached, first_of_next_month(reached)


def tmt_pensiun(tanggal_lahir: date, bup: int | BupRule) -> Derivation[date]:
    """TMT pensiun (R17): the 1st of the month after the month in which the BUP age is reached.

    Born 1973-03-14: BUP 58 -> 2031-04-01, 60 -> 2033-04-01, 65 -> 2038-04-01. Someone born on the 1st is
    treated the same way (born 1970-03-01, BUP 58 -> 2028-04-01) [confirm with BKD].
    """
    years = _bup_years(bup)
    if isinstance(bup, BupRule):
        basis = f"BUP {bup.jabatan}: {years} tahun" + (f" ({bup.dasar})." if bup.dasar else ".")
    else:
        basis = f"BUP: {years} tahun."
    reached, tmt = _tmt_pensiun(tanggal_lahir, years)
    steps = (
        f"Tanggal lahir: {_fd(tanggal_lahir)}.",
        basis,
        f"Usia {years} tahun tercapai pada {_fd(reached)}.",
        f"TMT pensiun adalah tanggal 1 bulan berikutnya: {_fd(tmt)}.",
    )
    warnings: tuple[str, ...] = ()
    if tanggal_lahir.day == 1:
        warnings = (
            "Lahir pada tanggal 1: TMT pensiun dihitung dari bulan berikutnya (konfirmasi dengan BKD).",
        )
    return Derivation(tmt, steps, warnings)


def tmt_pensiun_value(tanggal_lahir: date, bup: int | BupRule) -> date:
    """``tmt_pensiun(...).value`` without building the explanation (the same rule code: for bulk schedules)."""
    return _tmt_pensiun(tanggal_lahir, _bup_years(bup))[1]


def pension_reminders(tmt: date, months: tuple[int, ...] = PENSION_REMINDER_MONTHS) -> tuple[Reminder, ...]:
    """R18 preparation reminders: H-12 (DPCP and file), H-6 (usul), H-3 months before TMT pensiun.

    TMT 2031-04-01 -> 2030-04-01, 2030-10-01, 2031-01-01.
    """
    texts = [_PENSION_TEXTS.get(m, f"H-{m} bulan sebelum TMT pensiun") for m in months]
    return reminders_months_before(tmt, months, texts)


def pension_service_check(tmt_cpns: date, tmt: date) -> Derivation[Eligibility]:
    """R18: a pension (hak pensiun) needs at least 10 years of service at TMT pensiun."""
    served = MasaKerja.from_months(months_between(tmt_cpns, tmt))
    steps = (
        f"Masa kerja dari TMT CPNS {_fd(tmt_cpns)} sampai TMT pensiun {_fd(tmt)}: {served}.",
        f"Hak pensiun memerlukan masa kerja paling sedikit {MIN_SERVICE_YEARS_FOR_PENSION} tahun.",
    )
    if served.tahun >= MIN_SERVICE_YEARS_FOR_PENSION:
        return Derivation(Eligibility(), steps)
    unmet = (
        f"Masa kerja {served}, kurang dari {MIN_SERVICE_YEARS_FOR_PENSION} tahun: tidak berhak atas pensiun.",
    )
    return Derivation(Eligibility(unmet), steps)


def pppk_contract_reminders(
    akhir_kontrak: date, months: tuple[int, ...] = CONTRACT_REMINDER_MONTHS
) -> tuple[Reminder, ...]:
    """R18: reminders H-6, H-3 and H-1 months before a PPPK contract ends."""
    texts = [f"H-{m} bulan: perjanjian kerja PPPK berakhir {_fd(akhir_kontrak)}" for m in months]
    return reminders_months_before(akhir_kontrak, months, texts)
