"""The desk's master lists: keperluan and queue services (guests.md (c)), seeded once and kept in Pengaturan.

Neither list is ever deleted from: a visit stores its keperluan text and its service id, so an entry that is no
longer offered is deactivated and the history keeps reading as it was written.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.guests.queue import check_prefix
from desktop.models.guests import Keperluan, QueueService
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

# guests.md (c): the services and their prefixes, then the keperluan list with the queue each joins.
SEED_SERVICES: tuple[tuple[str, str], ...] = (
    ("A", "Layanan Umum"),
    ("B", "PPID"),
    ("C", "Pengaduan"),
)
SEED_KEPERLUAN: tuple[tuple[str, str], ...] = (
    ("Koordinasi/rapat", "A"),
    ("Audiensi", "A"),
    ("Permohonan data/informasi (PPID)", "B"),
    ("Pengaduan", "C"),
    ("Antar surat/dokumen", "A"),
    ("Undangan", "A"),
    ("Lainnya", "A"),
)
MAX_NAME = 120


@dataclass(frozen=True)
class ServiceData:
    id: int | None
    prefix: str
    nama: str
    urutan: int = 0
    aktif: bool = True


@dataclass(frozen=True)
class KeperluanData:
    id: int | None
    nama: str
    layanan_id: int | None = None
    urutan: int = 0
    aktif: bool = True


def seed_reference(session: Session) -> int:
    """Fill the services and the keperluan list on first start; returns rows added."""
    added = 0
    if not session.scalar(select(func.count()).select_from(QueueService)):
        for order, (prefix, nama) in enumerate(SEED_SERVICES):
            session.add(QueueService(prefix=prefix, nama=nama, urutan=order, aktif=True))
            added += 1
        session.flush()
    if not session.scalar(select(func.count()).select_from(Keperluan)):
        by_prefix = {s.prefix: s.id for s in session.scalars(select(QueueService))}
        for order, (nama, prefix) in enumerate(SEED_KEPERLUAN):
            session.add(Keperluan(nama=nama, layanan_id=by_prefix.get(prefix), urutan=order, aktif=True))
            added += 1
    return added


def _service(row: QueueService) -> ServiceData:
    return ServiceData(row.id, row.prefix, row.nama, row.urutan, row.aktif)


def list_services(session: Session, *, include_inactive: bool = False) -> list[ServiceData]:
    stmt = select(QueueService).order_by(QueueService.urutan, QueueService.prefix)
    if not include_inactive:
        stmt = stmt.where(QueueService.aktif.is_(True))
    return [_service(r) for r in session.scalars(stmt)]


def list_keperluan(session: Session, *, include_inactive: bool = False) -> list[KeperluanData]:
    stmt = select(Keperluan).order_by(Keperluan.urutan, Keperluan.nama)
    if not include_inactive:
        stmt = stmt.where(Keperluan.aktif.is_(True))
    return [KeperluanData(r.id, r.nama, r.layanan_id, r.urutan, r.aktif) for r in session.scalars(stmt)]


def _require(actor: Actor) -> None:
    # The desk keeps its own lists, as the letter clerks keep the instruction list.
    if not (actor.can(Perm.MANAGE_SETTINGS) or actor.can(Perm.WRITE_GUESTS)):
        actor.require(Perm.WRITE_GUESTS)


def _name(text: str, what: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValidationError(f"Nama {what} wajib diisi.", "nama")
    if len(name) > MAX_NAME:
        raise ValidationError(f"Nama {what} terlalu panjang (paling banyak {MAX_NAME} huruf).", "nama")
    return name


def save_service(session: Session, actor: Actor, data: ServiceData) -> ServiceData:
    """Add or change a service. Its prefix may change (new tickets use it); tickets already given keep theirs."""
    _require(actor)
    prefix = data.prefix.strip().upper()
    problem = check_prefix(prefix)
    if problem:
        raise ValidationError(problem, "prefix")
    nama = _name(data.nama, "layanan")
    clash = session.scalar(select(QueueService).where(func.upper(QueueService.prefix) == prefix))
    if clash is not None and clash.id != data.id:
        raise ValidationError(f"Huruf {prefix} sudah dipakai layanan {clash.nama}.", "prefix")
    if data.id is None:
        row = QueueService(prefix=prefix, nama=nama, urutan=data.urutan, aktif=data.aktif)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "tamu_layanan", row.id, summary=f"{prefix} {nama}")
        return _service(row)
    found = session.get(QueueService, data.id)
    if found is None:
        raise NotFound("Layanan tidak ditemukan.")
    before = _service(found)
    found.prefix, found.nama, found.urutan, found.aktif = prefix, nama, data.urutan, data.aktif
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "tamu_layanan",
        found.id,
        summary=f"{prefix} {nama}",
        before=before.__dict__,
        after=_service(found).__dict__,
    )
    return _service(found)


def save_keperluan(session: Session, actor: Actor, data: KeperluanData) -> KeperluanData:
    _require(actor)
    nama = _name(data.nama, "keperluan")
    clash = session.scalar(select(Keperluan).where(func.lower(Keperluan.nama) == nama.lower()))
    if clash is not None and clash.id != data.id:
        raise ValidationError(f"Keperluan “{clash.nama}” sudah ada.", "nama")
    if data.layanan_id is not None and session.get(QueueService, data.layanan_id) is None:
        raise ValidationError("Layanan antrian tidak ditemukan.", "layanan")
    if data.id is None:
        row = Keperluan(nama=nama, layanan_id=data.layanan_id, urutan=data.urutan, aktif=data.aktif)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "tamu_keperluan", row.id, summary=nama)
    else:
        found = session.get(Keperluan, data.id)
        if found is None:
            raise NotFound("Keperluan tidak ditemukan.")
        before = {"nama": found.nama, "layanan_id": found.layanan_id, "aktif": found.aktif}
        found.nama, found.layanan_id, found.urutan, found.aktif = (
            nama,
            data.layanan_id,
            data.urutan,
            data.aktif,
        )
        row = found
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "tamu_keperluan",
            row.id,
            summary=nama,
            before=before,
            after={"nama": row.nama, "layanan_id": row.layanan_id, "aktif": row.aktif},
        )
    return KeperluanData(row.id, row.nama, row.layanan_id, row.urutan, row.aktif)
