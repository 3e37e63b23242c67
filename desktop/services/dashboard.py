"""What the Beranda (home) tab shows: today, the working-day calendar and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desktop.core.calendar import Holiday
from desktop.services import calendar, office
from desktop.services.permissions import Actor, Perm


@dataclass(frozen=True)
class Dashboard:
    today: date
    is_working_day: bool
    holiday_today: Holiday | None
    next_working_day: date
    upcoming_holidays: list[Holiday]
    office_name: str
    profile_complete: bool
    calendar_years: list[int]
    attention: list[str] = field(default_factory=list)


def summary(session: Session, actor: Actor, today: date, *, horizon_days: int = 60) -> Dashboard:
    actor.require(Perm.VIEW)
    cal = calendar.working_calendar(session)
    profile = office.get_profile(session)
    years = calendar.years_present(session)
    end = today + timedelta(days=horizon_days)
    upcoming = [h for h in cal.holidays if today <= h.tanggal <= end]
    attention: list[str] = []
    if not profile.is_complete:
        attention.append(
            "Profil kantor belum lengkap: kop surat tidak bisa dicetak (Pengaturan › Profil kantor)."
        )
    if today.year + 1 not in years and today.month >= 10:
        attention.append(
            f"Kalender libur {today.year + 1} belum diisi: tambahkan dari SKB cuti bersama (Pengaturan › Kalender kerja)."
        )
    estimates = [h for h in upcoming if h.is_estimate]
    if estimates:
        attention.append(
            f"{len(estimates)} hari libur dalam {horizon_days} hari ke depan masih perkiraan; cocokkan dengan SKB."
        )
    return Dashboard(
        today=today,
        is_working_day=cal.is_working_day(today),
        holiday_today=cal.holiday_on(today),
        next_working_day=cal.next_working_day(today + timedelta(days=1)),
        upcoming_holidays=sorted(upcoming, key=lambda h: h.tanggal),
        office_name=profile.nama_dinas,
        profile_complete=profile.is_complete,
        calendar_years=years,
        attention=attention,
    )
