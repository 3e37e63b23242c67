"""The front desk's figures for the Beranda: in the building now, today's visitors, the queue (no printing
imports, so the first window stays light)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.guests import Visit
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests.visits import Status, office_today

# The statuses of a visit that happened: a guest who came (refused by the host too).
HAPPENED = (Status.MENUNGGU, Status.DIPANGGIL, Status.DILAYANI, Status.SELESAI, Status.DITOLAK)


@dataclass(frozen=True)
class DeskSummary:
    """The front desk on the Beranda: who is in the building, today's visitors, the queue now."""

    on_site: int  # visits checked in and not out, whatever day they came
    on_site_people: int
    today_visits: int
    today_people: int
    waiting: int  # tickets of today still waiting to be called


def desk_summary(session: Session, actor: Actor) -> DeskSummary:
    actor.require(Perm.VIEW)
    today = office_today(session)
    on_site, on_site_people = session.execute(
        select(func.count(), func.coalesce(func.sum(Visit.jumlah_orang), 0))
        .select_from(Visit)
        .where(Visit.datang_at.is_not(None), Visit.pulang_at.is_(None))
    ).one()
    today_visits, today_people = session.execute(
        select(func.count(), func.coalesce(func.sum(Visit.jumlah_orang), 0))
        .select_from(Visit)
        .where(Visit.tanggal == today, Visit.status.in_([s.value for s in HAPPENED]))
    ).one()
    waiting = session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(Visit.tanggal == today, Visit.status == Status.MENUNGGU.value)
    )
    return DeskSummary(
        int(on_site), int(on_site_people), int(today_visits), int(today_people), int(waiting or 0)
    )


def open_before(session: Session, actor: Actor, today: date) -> int:
    """Visits checked in on an earlier date and never checked out: the desk forgot someone (R3)."""
    actor.require(Perm.VIEW)
    return int(
        session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(Visit.datang_at.is_not(None), Visit.pulang_at.is_(None), Visit.tanggal < today)
        )
        or 0
    )
