"""Pre-registrasi (e-tamu, R18): a registration code given ahead of the visit, turned into a check-in on arrival.

The code is random (not a running number), short enough to read over the phone and typed or scanned at the
desk (a USB scanner is a keyboard). A registration not used by the end of its date becomes *tidak hadir*.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.models.guests import Visit
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests.visits import (
    Status,
    VisitView,
    WalkIn,
    admit,
    office_today,
    record_visit,
    refuse_second_open_visit,
    view_many,
)

# No 0/O, 1/I/L: the code is read aloud and typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_DAYS_AHEAD = 366


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str:
    """What the desk typed or scanned, as stored: upper case, no spaces or dashes, O read as 0 is not needed."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def preregister(
    session: Session, actor: Actor, data: WalkIn, tanggal: date, *, kode: str = "", audit_each: bool = True
) -> VisitView:
    """Record a planned visit for ``tanggal`` and give it a registration code (no ticket until arrival).

    ``kode``: a code the guest already holds (an online form's), checked unused by the caller; ``audit_each``
    False when the caller audits a whole import once."""
    actor.require(Perm.WRITE_GUESTS)
    today = office_today(session)
    if tanggal < today:
        raise ValidationError("Tanggal kunjungan sudah lewat.", "tanggal")
    if (tanggal - today).days > MAX_DAYS_AHEAD:
        raise ValidationError("Tanggal kunjungan paling lama satu tahun ke depan.", "tanggal")
    visit, warnings = record_visit(
        session, actor, replace(data, beri_kartu=False), tanggal, Status.PRA_REGISTRASI
    )
    code = normalize_code(kode)
    for _ in range(0 if code else 10):
        code = new_code()
        if session.scalar(select(func.count()).select_from(Visit).where(Visit.kode_registrasi == code)) == 0:
            break
    visit.kode_registrasi = code
    session.flush()
    if audit_each:
        audit.record(
            session,
            actor,
            "create",
            "pra_registrasi",
            visit.id,
            summary=f"{code} untuk {tanggal.isoformat()}",
        )
    view = view_many(session, [visit])[0]
    return replace(view, warnings=tuple(warnings))


def find(session: Session, actor: Actor, code: str) -> VisitView:
    actor.require(Perm.VIEW)
    return view_many(session, [_by_code(session, code)])[0]


def _by_code(session: Session, code: str) -> Visit:
    wanted = normalize_code(code)
    if not wanted:
        raise ValidationError("Ketik atau pindai kode registrasi.", "kode")
    v = session.scalar(select(Visit).where(Visit.kode_registrasi == wanted))
    if v is None:
        raise NotFound(f"Kode registrasi {wanted} tidak ditemukan.")
    return v


def arrive(
    session: Session, actor: Actor, code: str, *, beri_kartu: bool = True, kartu_nomor: str = ""
) -> VisitView:
    """The guest is here: the registration becomes a check-in with a ticket and a card (R18)."""
    actor.require(Perm.WRITE_GUESTS)
    v = _by_code(session, code)
    today = office_today(session)
    if v.status != Status.PRA_REGISTRASI.value:
        raise ValidationError(f"Kode {v.kode_registrasi} sudah dipakai ({Status(v.status).label}).", "kode")
    warnings = []
    if v.tanggal < today:
        # expire() normally got there first; a code from a past day is not honoured silently.
        raise ValidationError(
            f"Kode {v.kode_registrasi} untuk tanggal {v.tanggal:%d/%m/%Y} sudah lewat; daftarkan sebagai tamu langsung.",
            "kode",
        )
    if v.tanggal > today:
        warnings.append(f"Terdaftar untuk {v.tanggal:%d/%m/%Y}, datang lebih awal.")
    refuse_second_open_visit(session, v.tamu_id)
    data = WalkIn(nama=v.nama, keperluan=v.keperluan, beri_kartu=beri_kartu, kartu_nomor=kartu_nomor)
    return admit(session, actor, v, data, warnings)


def expire(session: Session, actor: Actor) -> int:
    """Registrations whose date has passed unused become *tidak hadir*; returns how many."""
    actor.require(Perm.WRITE_GUESTS)
    today = office_today(session)
    result = session.execute(
        update(Visit)
        .where(Visit.status == Status.PRA_REGISTRASI.value, Visit.tanggal < today)
        .values(status=Status.TIDAK_HADIR.value)
        .execution_options(synchronize_session=False)
    )
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if count:
        audit.record(session, actor, "update", "pra_registrasi", "", summary=f"{count} tidak hadir")
    return count


def list_for(session: Session, actor: Actor, tanggal: date) -> list[VisitView]:
    """The registrations expected on a date, not yet arrived."""
    actor.require(Perm.VIEW)
    rows = session.scalars(
        select(Visit)
        .where(Visit.tanggal == tanggal, Visit.status == Status.PRA_REGISTRASI.value)
        .order_by(Visit.id)
    ).all()
    return view_many(session, rows)
