"""Satyalancana Karya Satya: the 10, 20 and 30-year service milestones and their reminders (staff.md R29)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core.dates import format_date
from desktop.core.staff.derivation import Derivation
from desktop.core.staff.months import Reminder, add_months, reminders_days_before

__all__ = [
    "KARYA_SATYA_YEARS",
    "REMINDER_DAYS",
    "KaryaSatya",
    "karya_satya_berikut",
    "karya_satya_berikut_value",
    "karya_satya_milestones",
    "karya_satya_reminders",
]

KARYA_SATYA_YEARS: tuple[int, ...] = (10, 20, 30)
REMINDER_DAYS: tuple[int, ...] = (180, 90, 30)


@dataclass(frozen=True, slots=True)
class KaryaSatya:
    """One milestone: ``tahun`` years of service are completed on ``tanggal``."""

    tahun: int
    tanggal: date

    @property
    def label(self) -> str:
        return f"Satyalancana Karya Satya {self.tahun} Tahun"


def _reached(tmt_cpns: date, years: int, bulan_tidak_dihitung: int) -> date:
    """The rule: ``years`` of service from TMT CPNS, pushed back by the months out of service."""
    return add_months(tmt_cpns, 12 * years + bulan_tidak_dihitung)


def karya_satya_milestones(
    tmt_cpns: date, *, bulan_tidak_dihitung: int = 0
) -> tuple[Derivation[KaryaSatya], ...]:
    """The 10/20/30-year dates counted from TMT CPNS; months out of service (e.g. CLTN) push them back.

    TMT CPNS 1998-03-01 -> 2008-03-01, 2018-03-01, 2028-03-01.
    """
    result = []
    for years in KARYA_SATYA_YEARS:
        reached = _reached(tmt_cpns, years, bulan_tidak_dihitung)
        steps = [f"Masa kerja dihitung sejak TMT CPNS {format_date(tmt_cpns)}."]
        if bulan_tidak_dihitung:
            steps.append(f"{bulan_tidak_dihitung} bulan di luar dinas (misalnya CLTN) tidak dihitung.")
        steps.append(f"Masa kerja {years} tahun tercapai pada {format_date(reached)}.")
        steps.append("Syarat lain: tidak pernah dijatuhi hukuman disiplin tingkat sedang atau berat.")
        result.append(Derivation(KaryaSatya(years, reached), tuple(steps)))
    return tuple(result)


def _berikut(tmt_cpns: date, as_of: date, bulan_tidak_dihitung: int) -> KaryaSatya | None:
    """The rule of :func:`karya_satya_berikut` and :func:`karya_satya_berikut_value`."""
    for years in KARYA_SATYA_YEARS:
        reached = _reached(tmt_cpns, years, bulan_tidak_dihitung)
        if reached >= as_of:
            return KaryaSatya(years, reached)
    return None


def karya_satya_berikut(
    tmt_cpns: date, as_of: date, *, bulan_tidak_dihitung: int = 0
) -> Derivation[KaryaSatya | None]:
    """The first milestone on or after ``as_of``; None after 30 years."""
    found = _berikut(tmt_cpns, as_of, bulan_tidak_dihitung)
    if found is not None:
        milestones = karya_satya_milestones(tmt_cpns, bulan_tidak_dihitung=bulan_tidak_dihitung)
        return milestones[KARYA_SATYA_YEARS.index(found.tahun)]
    return Derivation(
        None,
        (
            f"Masa kerja 30 tahun sudah tercapai sebelum {format_date(as_of)}: tidak ada Satyalancana berikutnya.",
        ),
    )


def karya_satya_berikut_value(
    tmt_cpns: date, as_of: date, *, bulan_tidak_dihitung: int = 0
) -> KaryaSatya | None:
    """``karya_satya_berikut(...).value`` without building the explanation (the same rule: bulk schedules)."""
    return _berikut(tmt_cpns, as_of, bulan_tidak_dihitung)


def karya_satya_reminders(
    milestone: KaryaSatya, days: tuple[int, ...] = REMINDER_DAYS
) -> tuple[Reminder, ...]:
    """Reminders H-180, H-90 and H-30 days before a milestone (R29)."""
    return reminders_days_before(
        milestone.tanggal, days, f"usulan {milestone.label} ({format_date(milestone.tanggal)})"
    )
