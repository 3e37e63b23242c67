"""The Buku Tamu page's reads: a period's visits searched a page at a time, and one visit opened (audited, R31)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.models.guests import Visit
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests.visits import IDENTITY_KINDS, Status, VisitView, view_many

PAGE = 200


@dataclass(frozen=True)
class RegisterFilter:
    """The page's question: visits dated ``start``..``end``; ``text`` in nama, instansi, tiket or keperluan
    (every word, any case); ``status`` one ``Status`` value or "" for all."""

    start: date
    end: date
    text: str = ""
    status: str = ""


@dataclass(frozen=True)
class VisitDetail:
    """Everything the register keeps about one visit, as the detail window shows it; the NIK masked (R9)."""

    visit: VisitView
    jenis_kelamin: str
    bertemu: str
    keterangan: str
    identitas_jenis: str  # the kind of identity card recorded, "" none
    identitas_nomor_tersamar: str
    identitas_dititip: bool
    identitas_kembali_at: datetime | None
    kartu_kembali_at: datetime | None
    persetujuan: str
    petugas_datang: str
    petugas_pulang: str
    alasan_batal: str
    anonim: bool  # retention cleared the identifiable fields
    has_nik: bool


def _words(text: str) -> list[ColumnElement[bool]]:
    conditions = []
    for word in text.casefold().split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        conditions.append(
            or_(
                *(
                    func.lower(column).like(like, escape="\\")
                    for column in (Visit.nama, Visit.instansi, Visit.tiket, Visit.keperluan)
                )
            )
        )
    return conditions


def list_visits(
    session: Session, actor: Actor, flt: RegisterFilter, *, offset: int = 0, limit: int = PAGE
) -> tuple[list[VisitView], int]:
    """One page of the period's visits (newest date first, then arrival order) and how many match in all."""
    actor.require(Perm.VIEW)
    if flt.end < flt.start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")
    where: list[ColumnElement[bool]] = [Visit.tanggal >= flt.start, Visit.tanggal <= flt.end]
    if flt.status:
        where.append(Visit.status == Status(flt.status).value)
    where += _words(flt.text)
    total = int(session.scalar(select(func.count()).select_from(Visit).where(*where)) or 0)
    rows = session.scalars(
        select(Visit)
        .where(*where)
        .order_by(Visit.tanggal.desc(), Visit.datang_at.is_(None), Visit.datang_at, Visit.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return view_many(session, rows), total


def record_list_view(session: Session, actor: Actor, flt: RegisterFilter) -> None:
    """R31: showing a period's visits is a view of guest data. One audit row per list shown (not per page
    fetched), naming the period and whether a search narrowed it — never the search text, which may be a
    guest's name and the audit log is never cleared."""
    actor.require(Perm.VIEW)
    parts = [f"daftar kunjungan {flt.start.isoformat()}..{flt.end.isoformat()}"]
    if flt.status:
        parts.append(f"status {Status(flt.status).value}")
    if flt.text.strip():
        parts.append("dengan pencarian")
    audit.record(session, actor, "view", "kunjungan", "", summary=", ".join(parts))


def _mask(text: str) -> str:
    return text if len(text) <= 4 else "*" * (len(text) - 4) + text[-4:]


def view_visit(session: Session, actor: Actor, visit_id: int) -> VisitDetail:
    """One visit opened from the register; the opening is recorded as a view of guest data (R31). The audit row
    names the visit, never the guest (the log outlives retention)."""
    actor.require(Perm.VIEW)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    view = view_many(session, [v])[0]
    audit.record(session, actor, "view", "kunjungan", v.id, summary=f"detail kunjungan {v.tiket or v.id}")
    return VisitDetail(
        visit=view,
        jenis_kelamin={"L": "Laki-laki", "P": "Perempuan"}.get(v.jenis_kelamin, ""),
        bertemu=v.bertemu,
        keterangan=v.keterangan,
        identitas_jenis=IDENTITY_KINDS.get(v.identitas_jenis, v.identitas_jenis) if v.identitas_jenis else "",
        identitas_nomor_tersamar=_mask(v.identitas_nomor),
        identitas_dititip=v.identitas_dititip,
        identitas_kembali_at=v.identitas_kembali_at,
        kartu_kembali_at=v.kartu_kembali_at,
        persetujuan=v.persetujuan,
        petugas_datang=v.petugas_datang,
        petugas_pulang=v.petugas_pulang,
        alasan_batal=v.alasan_batal,
        anonim=v.anonim_at is not None,
        has_nik=bool(v.nik),
    )


def reveal_nik(session: Session, actor: Actor, visit_id: int) -> str:
    """The visit's full NIK, for the desk only (WRITE_GUESTS); every reveal is audited (R31)."""
    actor.require(Perm.WRITE_GUESTS)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    if not v.nik:
        raise ValidationError("Kunjungan ini tidak mencatat NIK.")
    audit.record(session, actor, "view", "kunjungan", v.id, summary="NIK ditampilkan di detail kunjungan")
    return v.nik


__all__ = ["PAGE", "RegisterFilter", "VisitDetail", "list_visits", "reveal_nik", "view_visit"]
