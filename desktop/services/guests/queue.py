"""Antrian at the counters (loket): call the next ticket, serve, finish or skip, and the waiting counts (R2, R6).

Two counters pressing "Panggil berikutnya" at the same moment must not call the same guest: the call is a
guarded UPDATE (``WHERE status = 'menunggu'``) and the loser simply takes the next ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.guests import QueueService, Visit
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests.settings import GuestSettings
from desktop.services.guests.visits import Status, VisitView, office_today, view_many

MAX_LOKET = 30
_ACTIVE = (Status.DIPANGGIL.value, Status.DILAYANI.value)


@dataclass(frozen=True)
class ServiceQueue:
    """One service's queue today: who waits, who is at which counter."""

    layanan_id: int
    prefix: str
    nama: str
    waiting: int
    next_tickets: tuple[str, ...]
    at_counters: tuple[VisitView, ...]  # called or being served
    served_today: int


@dataclass(frozen=True)
class StepTime:
    """R6: one step's duration against the SOP standard."""

    label: str
    minutes: int | None  # None while the step is not over
    standard: int
    over: bool


def board(session: Session, actor: Actor, tanggal: date | None = None) -> list[ServiceQueue]:
    actor.require(Perm.VIEW)
    day = tanggal or office_today(session)
    services = session.scalars(
        select(QueueService)
        .where(QueueService.aktif.is_(True))
        .order_by(QueueService.urutan, QueueService.prefix)
    ).all()
    waiting = dict(
        session.execute(
            select(Visit.layanan_id, func.count())
            .where(Visit.tanggal == day, Visit.status == Status.MENUNGGU.value, Visit.pulang_at.is_(None))
            .group_by(Visit.layanan_id)
        ).all()
    )
    done = dict(
        session.execute(
            select(Visit.layanan_id, func.count())
            .where(Visit.tanggal == day, Visit.status == Status.SELESAI.value)
            .group_by(Visit.layanan_id)
        ).all()
    )
    result = []
    for svc in services:
        next_rows = session.scalars(_waiting_query(svc.id, day).with_only_columns(Visit.tiket).limit(5)).all()
        active = session.scalars(
            select(Visit)
            .where(Visit.tanggal == day, Visit.layanan_id == svc.id, Visit.status.in_(_ACTIVE))
            .order_by(Visit.loket, Visit.dipanggil_at)
        ).all()
        result.append(
            ServiceQueue(
                layanan_id=svc.id,
                prefix=svc.prefix,
                nama=svc.nama,
                waiting=int(waiting.get(svc.id, 0)),
                next_tickets=tuple(next_rows),
                at_counters=tuple(view_many(session, active)),
                served_today=int(done.get(svc.id, 0)),
            )
        )
    return result


def _waiting_query(layanan_id: int, day: date):  # type: ignore[no-untyped-def]
    # Never-called tickets first in number order; a skipped ticket (called before) waits behind them.
    return (
        select(Visit)
        .where(
            Visit.tanggal == day,
            Visit.layanan_id == layanan_id,
            Visit.status == Status.MENUNGGU.value,
            Visit.pulang_at.is_(None),
        )
        .order_by(case((Visit.dipanggil_at.is_(None), 0), else_=1), Visit.antrian)
    )


def _loket(loket: str) -> str:
    name = " ".join(loket.split())
    if not name:
        raise ValidationError("Isi nama atau nomor loket.", "loket")
    if len(name) > MAX_LOKET:
        raise ValidationError(f"Nama loket paling banyak {MAX_LOKET} huruf.", "loket")
    return name


def call_next(session: Session, actor: Actor, layanan_id: int, loket: str) -> VisitView | None:
    """Call the next waiting ticket of a service to ``loket``; None when nobody waits."""
    actor.require(Perm.WRITE_GUESTS)
    loket = _loket(loket)
    day = office_today(session)
    for candidate in session.scalars(_waiting_query(layanan_id, day).limit(20)).all():
        if _mark_called(session, candidate.id, loket):
            return _after(session, actor, candidate.id, "panggil")
    return None


def call(session: Session, actor: Actor, visit_id: int, loket: str) -> VisitView:
    """Call one chosen ticket (also a recall of a ticket already at the counter)."""
    actor.require(Perm.WRITE_GUESTS)
    loket = _loket(loket)
    v = _visit(session, visit_id)
    if v.status == Status.DIPANGGIL.value:
        if v.loket and v.loket != loket:
            raise ValidationError(f"Tiket {v.tiket} sedang dipanggil di {v.loket}.")
        return _after(session, actor, v.id, "panggil ulang")
    if v.status != Status.MENUNGGU.value or v.pulang_at is not None:
        raise ValidationError(f"Tiket {v.tiket} tidak sedang menunggu ({Status(v.status).label}).")
    if not _mark_called(session, v.id, loket):
        raise ValidationError(f"Tiket {v.tiket} baru saja dipanggil loket lain.")
    return _after(session, actor, v.id, "panggil")


def _mark_called(session: Session, visit_id: int, loket: str) -> bool:
    now = clock.utc_now()
    result = session.execute(
        update(Visit)
        .where(Visit.id == visit_id, Visit.status == Status.MENUNGGU.value)
        .values(
            status=Status.DIPANGGIL.value, loket=loket, dipanggil_at=func.coalesce(Visit.dipanggil_at, now)
        )
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def serve(session: Session, actor: Actor, visit_id: int) -> VisitView:
    """The guest has come to the counter: dilayani from now."""
    actor.require(Perm.WRITE_GUESTS)
    v = _visit(session, visit_id)
    if v.status not in (Status.MENUNGGU.value, Status.DIPANGGIL.value):
        raise ValidationError(f"Tiket {v.tiket} tidak bisa dilayani ({Status(v.status).label}).")
    now = clock.utc_now()
    v.dipanggil_at = v.dipanggil_at or now
    v.dilayani_at = now
    v.status = Status.DILAYANI.value
    session.flush()
    return _after(session, actor, v.id, "layani")


def finish(session: Session, actor: Actor, visit_id: int) -> VisitView:
    """Service done; the guest is still in the building until checked out at the desk."""
    actor.require(Perm.WRITE_GUESTS)
    v = _visit(session, visit_id)
    if v.status not in _ACTIVE:
        raise ValidationError(f"Tiket {v.tiket} belum dipanggil ({Status(v.status).label}).")
    now = clock.utc_now()
    v.dilayani_at = v.dilayani_at or now
    v.selesai_at = now
    v.status = Status.SELESAI.value
    session.flush()
    return _after(session, actor, v.id, "selesai")


def skip(session: Session, actor: Actor, visit_id: int) -> VisitView:
    """Lewati: the guest did not come when called; the ticket waits again behind those never called."""
    actor.require(Perm.WRITE_GUESTS)
    v = _visit(session, visit_id)
    if v.status != Status.DIPANGGIL.value:
        raise ValidationError(f"Tiket {v.tiket} tidak sedang dipanggil.")
    v.status = Status.MENUNGGU.value
    v.loket = ""
    session.flush()
    return _after(session, actor, v.id, "lewati")


def _visit(session: Session, visit_id: int) -> Visit:
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    return v


def _after(session: Session, actor: Actor, visit_id: int, what: str) -> VisitView:
    v = _visit(session, visit_id)
    session.refresh(v)
    audit.record(session, actor, "queue", "kunjungan", v.id, summary=f"{v.tiket} {what} {v.loket}".strip())
    return view_many(session, [v])[0]


def _minutes(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, int((end - start).total_seconds() // 60))


def step_times(view: VisitView, settings: GuestSettings) -> list[StepTime]:
    """R6: waiting (arrival → call) and service (served → done) against the SOP's minutes."""
    waited = _minutes(view.datang_at, view.dipanggil_at or view.dilayani_at)
    served = _minutes(view.dilayani_at, view.selesai_at)
    return [
        StepTime("Menunggu", waited, settings.standar_tunggu_menit, waited is not None and waited > settings.standar_tunggu_menit),
        StepTime("Dilayani", served, settings.standar_layanan_menit, served is not None and served > settings.standar_layanan_menit),
    ]  # fmt: skip
