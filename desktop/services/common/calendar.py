"""The shared working-day calendar: national holidays and cuti bersama, editable by the admin."""

from __future__ import annotations

from datetime import date

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from desktop.core.calendar import (
    SEED_HOLIDAYS_PATH,
    Holiday,
    HolidayKind,
    WorkingCalendar,
    holidays_from_package,
    load_holidays_csv,
)
from desktop.models.admin import Holiday as HolidayRow
from desktop.services.common import audit, seeding
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm


def _to_domain(row: HolidayRow) -> Holiday:
    return Holiday(tanggal=row.tanggal, jenis=HolidayKind(row.jenis), nama=row.nama, dasar=row.dasar)


def seed_holidays(session: Session) -> int:
    """Offer the shipped holiday list to a new database, once (the calendar is the admin's from then on: one
    they emptied stays empty); returns the calendar's size after the offer (0: not offered, left as it was)."""
    if not seeding.missing_markers(session, [HolidayRow]):
        return 0
    rows = load_holidays_csv(SEED_HOLIDAYS_PATH)
    # Several workstations may start on a new shared database at once: a date already seeded by another
    # one is skipped instead of failing the start-up.
    values = [{"tanggal": h.tanggal, "jenis": h.jenis.value, "nama": h.nama, "dasar": h.dasar} for h in rows]
    seeding.offer_once(session, HolidayRow, values, ["tanggal"])
    return int(session.scalar(select(func.count()).select_from(HolidayRow)) or 0)


def list_holidays(session: Session, year: int | None = None) -> list[Holiday]:
    query = select(HolidayRow).order_by(HolidayRow.tanggal)
    if year is not None:
        query = query.where(extract("year", HolidayRow.tanggal) == year)
    return [_to_domain(r) for r in session.scalars(query)]


def years_present(session: Session) -> list[int]:
    return sorted({h.tanggal.year for h in list_holidays(session)})


def save_holiday(session: Session, actor: Actor, holiday: Holiday) -> None:
    actor.require(Perm.MANAGE_SETTINGS)
    if not holiday.nama.strip():
        raise ValidationError("Nama hari libur wajib diisi.", "nama")
    row = session.get(HolidayRow, holiday.tanggal)
    before = None
    if row is None:
        row = HolidayRow(tanggal=holiday.tanggal)
        session.add(row)
    else:
        before = audit.snapshot(row, ["jenis", "nama", "dasar"])
    row.jenis = HolidayKind(holiday.jenis).value
    row.nama = holiday.nama.strip()
    row.dasar = holiday.dasar.strip()
    audit.record(
        session,
        actor,
        "simpan",
        "hari_libur",
        holiday.tanggal.isoformat(),
        summary=row.nama,
        before=before,
        after=audit.snapshot(row, ["jenis", "nama", "dasar"]),
    )


def delete_holiday(session: Session, actor: Actor, tanggal: date) -> None:
    actor.require(Perm.MANAGE_SETTINGS)
    row = session.get(HolidayRow, tanggal)
    if row is None:
        raise NotFound("Tanggal itu tidak ada di kalender libur.")
    before = audit.snapshot(row, ["jenis", "nama", "dasar"])
    session.delete(row)
    audit.record(
        session, actor, "hapus", "hari_libur", tanggal.isoformat(), summary=before["nama"], before=before
    )


def add_year_from_package(session: Session, actor: Actor, year: int) -> int:
    """Propose a new year's holidays from the ``holidays`` package; existing dates are kept as they are."""
    actor.require(Perm.MANAGE_SETTINGS)
    added = 0
    for h in holidays_from_package(year):
        if session.get(HolidayRow, h.tanggal) is None:
            session.add(HolidayRow(tanggal=h.tanggal, jenis=h.jenis.value, nama=h.nama, dasar=h.dasar))
            added += 1
    audit.record(
        session, actor, "tambah_tahun", "hari_libur", year, summary=f"{added} hari libur {year} ditambahkan"
    )
    return added


def working_calendar(session: Session) -> WorkingCalendar:
    return WorkingCalendar(list_holidays(session))
