"""What the Beranda (home) tab shows: today, the working-day calendar and what needs attention."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.calendar import Holiday
from desktop.core.dates import office_tz
from desktop.models.letters import IncomingLetter, OutgoingLetter
from desktop.models.staff import Pegawai
from desktop.services.assets import figures as asset_figures
from desktop.services.common import calendar, office
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import figures as guest_figures
from desktop.services.guests import skm
from desktop.services.letters import dispositions
from desktop.services.staff import schedule
from desktop.services.staff.schedule import JenisJadwal


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
    attention: list[str] = field(
        default_factory=list
    )  # the office set-up notes; the whole list is attention()


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


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    masuk: int
    keluar: int


@dataclass(frozen=True)
class LettersSummary:
    masuk_bulan_ini: int
    keluar_bulan_ini: int
    belum_didisposisi: int
    per_bulan: list[MonthCount]
    disposisi_terlambat: int = 0  # recipients past their batas waktu (R17)
    disposisi_terbuka: int = 0  # recipients still working on a disposition


def _month_start(day: date, back: int) -> date:
    month_index = day.year * 12 + day.month - 1 - back
    return date(month_index // 12, month_index % 12 + 1, 1)


def letters_summary(session: Session, actor: Actor, today: date, zone: str = "WIB") -> LettersSummary:
    """Letters in and out this month, incoming letters still waiting for a disposition, and twelve months of
    counts for the chart. Months follow office time for incoming letters (received timestamps)."""
    actor.require(Perm.VIEW)
    tz = office_tz(zone)
    first = _month_start(today, 11)
    start_utc = datetime(first.year, first.month, 1, tzinfo=tz)
    received = session.execute(
        select(IncomingLetter.tanggal_diterima).where(
            IncomingLetter.tanggal_diterima >= start_utc, IncomingLetter.status != "batal"
        )
    ).scalars()
    masuk: dict[tuple[int, int], int] = {}
    for stamp in received:  # at most a year of rows; months must be cut in office time, not UTC
        local = stamp.astimezone(tz)
        masuk[(local.year, local.month)] = masuk.get((local.year, local.month), 0) + 1
    keluar: dict[tuple[int, int], int] = {}
    rows = session.execute(
        select(OutgoingLetter.tanggal_surat).where(
            OutgoingLetter.tanggal_surat >= first, OutgoingLetter.status != "batal"
        )
    ).scalars()
    for day in rows:
        keluar[(day.year, day.month)] = keluar.get((day.year, day.month), 0) + 1
    months = [_month_start(today, back) for back in range(11, -1, -1)]
    per_bulan = [
        MonthCount(m.year, m.month, masuk.get((m.year, m.month), 0), keluar.get((m.year, m.month), 0))
        for m in months
    ]
    counted = dispositions.counts(session, actor, today)
    return LettersSummary(
        masuk_bulan_ini=per_bulan[-1].masuk,
        keluar_bulan_ini=per_bulan[-1].keluar,
        belum_didisposisi=counted.belum_didisposisi,
        per_bulan=per_bulan,
        disposisi_terlambat=counted.overdue,
        disposisi_terbuka=counted.open,
    )


@dataclass(frozen=True)
class StaffSummary:
    """The Kepegawaian card: open deadlines in the horizon (staff.md R29), by kind and urgency."""

    horizon_days: int
    pegawai_aktif: int
    total: int
    lewat: int
    segera: int  # ≤ 30 days
    perlu_diproses: int  # open and nobody has started on it
    diproses: int
    per_jenis: Mapping[JenisJadwal, int] = field(default_factory=dict)
    lewat_per_jenis: Mapping[JenisJadwal, int] = field(default_factory=dict)
    segera_per_jenis: Mapping[JenisJadwal, int] = field(default_factory=dict)


def staff_summary(
    session: Session, actor: Actor, today: date, *, horizon_days: int = schedule.HORIZON_DAYS
) -> StaffSummary:
    items = schedule.schedule(session, actor, today, horizon_days).items
    aktif = session.scalar(select(func.count()).select_from(Pegawai).where(Pegawai.aktif)) or 0

    def per_jenis(urgensi: schedule.Urgensi | None = None) -> dict[JenisJadwal, int]:
        return {
            j: n
            for j in JenisJadwal
            if (n := sum(1 for i in items if i.jenis is j and (urgensi is None or i.urgensi is urgensi)))
        }

    diproses = sum(1 for i in items if i.status is schedule.StatusJadwal.DIPROSES)
    lewat = per_jenis(schedule.Urgensi.LEWAT)
    segera = per_jenis(schedule.Urgensi.SEGERA)
    return StaffSummary(
        horizon_days=horizon_days,
        pegawai_aktif=aktif,
        total=len(items),
        lewat=sum(lewat.values()),
        segera=sum(segera.values()),
        perlu_diproses=len(items) - diproses,
        diproses=diproses,
        per_jenis=per_jenis(),
        lewat_per_jenis=lewat,
        segera_per_jenis=segera,
    )


@dataclass(frozen=True)
class GuestsSummary:
    """The Buku Tamu card (guests issue item 7): in the building now, today's visitors, the queue, the IKM of the
    current semester (guests.md (c): the SKM period ships as semester)."""

    desk: guest_figures.DeskSummary
    open_from_earlier_days: int  # checked in on an earlier date and never checked out
    periode: str  # "Semester II 2026"
    responden: int
    skm: str  # "88.75", "" with no answers yet
    mutu: str  # "B", ""


def guests_summary(session: Session, actor: Actor, today: date) -> GuestsSummary:
    desk = guest_figures.desk_summary(session, actor)
    half = 0 if today.month <= 6 else 1
    period = skm.periods("semester", today.year)[half]
    report = skm.report(session, actor, period.start, period.end)
    earlier = guest_figures.open_before(session, actor, today)
    return GuestsSummary(
        desk=desk,
        open_from_earlier_days=earlier,
        periode=period.label,
        responden=report.responden,
        skm=str(report.skm) if report.skm is not None else "",
        mutu=report.mutu,
    )


# --- "Perlu perhatian" ------------------------------------------------------------------------------------------


class Level(StrEnum):
    """How pressing an attention item is; the Beranda lists the most pressing first."""

    LATE = "lewat"  # a deadline has passed: red
    DUE = "segera"  # due soon, or waiting for the user's action
    SETUP = "pengaturan"  # the office set-up is incomplete


class Target(StrEnum):
    """Where the item's button takes the user."""

    SETTINGS = "pengaturan"
    OVERDUE = "disposisi_terlambat"
    SCHEDULE = "jadwal"
    GUESTS = "meja_depan"
    ASSETS = "barang"


@dataclass(frozen=True)
class AttentionItem:
    text: str
    level: Level
    target: Target | None = None
    count: int = 0


_STAFF_KINDS = (
    (JenisJadwal.KGB, "KGB"),
    (JenisJadwal.KP, "kenaikan pangkat"),
    (JenisJadwal.PENSIUN, "pensiun"),
    (JenisJadwal.PPPK, "akhir kontrak PPPK"),
    (JenisJadwal.SATYALANCANA, "Satyalancana"),
)
_LEVEL_ORDER = {Level.LATE: 0, Level.DUE: 1, Level.SETUP: 2}


def _by_kind(counted: Mapping[JenisJadwal, int]) -> str:
    return ", ".join(f"{label} {counted[kind]}" for kind, label in _STAFF_KINDS if counted.get(kind))


def attention(
    actor: Actor,
    day: Dashboard,
    mail: LettersSummary | None,
    staff: StaffSummary | None,
    guests: GuestsSummary | None = None,
    assets: asset_figures.AssetFigures | None = None,
) -> tuple[AttentionItem, ...]:
    """Every overdue and due item of every module the actor works in, most pressing first, then the set-up notes.

    The one list the Beranda shows under "Perlu perhatian": a figure shown in red elsewhere on the Beranda is
    always here too, so the page never says there is nothing to do beside an overdue count. A module's lines
    come only from its summary, and ``beranda`` reads a summary (None otherwise) only for a user who works in
    that module (``Actor.works_in``): the pengurus barang is not asked about late dispositions."""
    settings = Target.SETTINGS if actor.can(Perm.MANAGE_SETTINGS) else None
    found: list[AttentionItem] = []
    if mail is not None and mail.disposisi_terlambat:
        found.append(
            AttentionItem(
                f"Disposisi melewati batas waktu: {mail.disposisi_terlambat}.",
                Level.LATE,
                Target.OVERDUE,
                mail.disposisi_terlambat,
            )
        )
    if staff is not None and staff.lewat:
        found.append(
            AttentionItem(
                f"Tenggat kepegawaian sudah lewat: {staff.lewat} ({_by_kind(staff.lewat_per_jenis)}).",
                Level.LATE,
                Target.SCHEDULE,
                staff.lewat,
            )
        )
    if mail is not None and mail.belum_didisposisi:
        found.append(
            AttentionItem(
                f"Surat masuk belum didisposisi: {mail.belum_didisposisi}.",
                Level.DUE,
                None,
                mail.belum_didisposisi,
            )
        )
    if staff is not None and staff.segera:
        found.append(
            AttentionItem(
                f"Tenggat kepegawaian dalam {schedule.SEGERA_DAYS} hari: {staff.segera} "
                f"({_by_kind(staff.segera_per_jenis)}).",
                Level.DUE,
                Target.SCHEDULE,
                staff.segera,
            )
        )
    if guests is not None and guests.open_from_earlier_days:
        found.append(
            AttentionItem(
                f"Tamu dari hari sebelumnya belum dicatat pulang: {guests.open_from_earlier_days}.",
                Level.DUE,
                Target.GUESTS,
                guests.open_from_earlier_days,
            )
        )
    if assets is not None and assets.kir_berubah:
        found.append(
            AttentionItem(
                f"KIR berubah sejak terakhir dicetak: {assets.kir_berubah} ruangan.",
                Level.DUE,
                Target.ASSETS,
                assets.kir_berubah,
            )
        )
    if assets is not None and assets.bast_menunggu:
        found.append(
            AttentionItem(
                f"BAST belum final: {assets.bast_menunggu}.", Level.DUE, Target.ASSETS, assets.bast_menunggu
            )
        )
    for note in day.attention:
        found.append(AttentionItem(note, Level.SETUP, settings))
    return tuple(sorted(found, key=lambda item: _LEVEL_ORDER[item.level]))


@dataclass(frozen=True)
class Beranda:
    """Everything the Beranda shows, read in one transaction."""

    # Each module's summary is None when the actor does not work in that module (Actor.works_in).
    day: Dashboard
    mail: LettersSummary | None
    staff: StaffSummary | None
    attention: tuple[AttentionItem, ...]
    guests: GuestsSummary | None = None
    assets: asset_figures.AssetFigures | None = None


def beranda(session: Session, actor: Actor, today: date, zone: str = "WIB") -> Beranda:
    day = summary(session, actor, today)
    mail = letters_summary(session, actor, today, zone) if actor.works_in(Perm.WRITE_LETTERS) else None
    staff = staff_summary(session, actor, today) if actor.works_in(Perm.WRITE_STAFF) else None
    guests = guests_summary(session, actor, today) if actor.works_in(Perm.WRITE_GUESTS) else None
    assets = asset_figures.asset_figures(session, actor) if actor.works_in(Perm.WRITE_ASSETS) else None
    return Beranda(day, mail, staff, attention(actor, day, mail, staff, guests, assets), guests, assets)
