"""Rooms of the KIR (R12): kode, nama, the penanggung jawab (a pegawai, or a name typed in), and the marks the
Beranda reads (KIR changed since it was last printed)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.assets import Aset, Ruang
from desktop.models.staff import Pegawai
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm


@dataclass(frozen=True)
class RoomData:
    kode: str
    nama: str
    lokasi: str = ""
    pj_pegawai_id: int | None = None
    pj_nama: str = ""  # used when no pegawai is chosen
    pj_nip: str = ""
    aktif: bool = True
    id: int | None = None


@dataclass(frozen=True)
class RoomInfo:
    id: int
    kode: str
    nama: str
    lokasi: str
    pj_pegawai_id: int | None
    pj_nama: str
    pj_nip: str
    aktif: bool
    jumlah_barang: int
    kir_berubah_at: datetime | None
    kir_dicetak_at: datetime | None

    @property
    def label(self) -> str:
        return f"{self.nama} ({self.kode})"

    @property
    def kir_needs_print(self) -> bool:
        """The KIR changed since it was last printed (or was never printed while it holds items)."""
        if self.kir_berubah_at is None:
            return False
        return self.kir_dicetak_at is None or self.kir_dicetak_at < self.kir_berubah_at


def _person(p: Pegawai) -> str:
    name = " ".join(x for x in (p.gelar_depan, p.nama) if x)
    return f"{name}, {p.gelar_belakang}" if p.gelar_belakang else name


def _squash(text: str) -> str:
    return " ".join(text.split())


def _info(row: Ruang, count: int) -> RoomInfo:
    return RoomInfo(
        id=row.id,
        kode=row.kode,
        nama=row.nama,
        lokasi=row.lokasi,
        pj_pegawai_id=row.pj_pegawai_id,
        pj_nama=row.pj_nama,
        pj_nip=row.pj_nip,
        aktif=row.aktif,
        jumlah_barang=count,
        kir_berubah_at=row.kir_berubah_at,
        kir_dicetak_at=row.kir_dicetak_at,
    )


def _counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Aset.ruang_id, func.count())
        .where(Aset.status == "aktif", Aset.ruang_id.is_not(None))
        .group_by(Aset.ruang_id)
    )
    return {int(r): int(n) for r, n in rows if r is not None}


def list_rooms(session: Session, actor: Actor, *, include_inactive: bool = False) -> list[RoomInfo]:
    actor.require(Perm.VIEW)
    query = select(Ruang).order_by(Ruang.kode)
    if not include_inactive:
        query = query.where(Ruang.aktif.is_(True))
    counts = _counts(session)
    return [_info(r, counts.get(r.id, 0)) for r in session.scalars(query)]


def get_room(session: Session, actor: Actor, ruang_id: int) -> RoomInfo:
    actor.require(Perm.VIEW)
    row = session.get(Ruang, ruang_id)
    if row is None:
        raise NotFound("Ruangan tidak ditemukan.")
    count = session.scalar(
        select(func.count()).select_from(Aset).where(Aset.ruang_id == ruang_id, Aset.status == "aktif")
    )
    return _info(row, int(count or 0))


def save_room(session: Session, actor: Actor, data: RoomData) -> RoomInfo:
    """Create or change a room. The penanggung jawab is a pegawai (name and NIP taken from the record now) or a
    name typed in; a room that still holds items cannot be made inactive."""
    actor.require(Perm.WRITE_ASSETS)
    kode = _squash(data.kode)
    nama = _squash(data.nama)
    if not kode:
        raise ValidationError("Kode ruangan wajib diisi.", "kode")
    if len(kode) > 30:
        raise ValidationError("Kode ruangan maksimal 30 karakter.", "kode")
    if not nama:
        raise ValidationError("Nama ruangan wajib diisi.", "nama")
    if len(nama) > 200:
        raise ValidationError("Nama ruangan maksimal 200 karakter.", "nama")
    clash = session.scalar(select(Ruang.id).where(func.lower(Ruang.kode) == kode.lower()))
    if clash is not None and clash != data.id:
        raise ValidationError(f"Kode ruangan {kode} sudah dipakai.", "kode")
    pj_nama, pj_nip = _squash(data.pj_nama), "".join(data.pj_nip.split())
    if data.pj_pegawai_id is not None:
        pegawai = session.get(Pegawai, data.pj_pegawai_id)
        if pegawai is None:
            raise ValidationError("Pegawai penanggung jawab tidak ditemukan.", "pj")
        pj_nama, pj_nip = _person(pegawai), pegawai.nip
    if len(pj_nip) > 18:
        raise ValidationError("NIP penanggung jawab maksimal 18 angka.", "pj")
    if data.id is None:
        row = Ruang(kode=kode, nama=nama)
        session.add(row)
        before: dict[str, object] = {}
    else:
        found = session.get(Ruang, data.id)
        if found is None:
            raise NotFound("Ruangan tidak ditemukan.")
        row = found
        before = audit.snapshot(row, ["kode", "nama", "lokasi", "pj_nama", "pj_nip", "aktif"])
        if not data.aktif and row.aktif:
            held = session.scalar(
                select(func.count()).select_from(Aset).where(Aset.ruang_id == row.id, Aset.status == "aktif")
            )
            if held:
                raise ValidationError(
                    f"Ruangan masih berisi {held} barang; pindahkan dulu sebelum dinonaktifkan.", "aktif"
                )
    changed_header = data.id is not None and (row.nama != nama or row.pj_nama != pj_nama)
    row.kode, row.nama, row.lokasi = kode, nama, _squash(data.lokasi)[:200]
    row.pj_pegawai_id, row.pj_nama, row.pj_nip, row.aktif = data.pj_pegawai_id, pj_nama, pj_nip, data.aktif
    if changed_header:
        row.kir_berubah_at = clock.utc_now()  # the KIR's header and signature changed
    session.flush()
    after = audit.snapshot(row, ["kode", "nama", "lokasi", "pj_nama", "pj_nip", "aktif"])
    audit.record(
        session, actor, "buat" if data.id is None else "ubah", "ruang", row.id,
        summary=f"Ruangan {kode} {nama}", before=before or None, after=after,
    )  # fmt: skip
    return get_room(session, actor, row.id)


def touch_kir(session: Session, ruang_ids: Iterable[int | None]) -> None:
    """The KIR of these rooms changed (an item came or went, or changed condition)."""
    ids = {i for i in ruang_ids if i is not None}
    if ids:
        session.execute(update(Ruang).where(Ruang.id.in_(ids)).values(kir_berubah_at=clock.utc_now()))


def mark_kir_printed(session: Session, ruang_id: int) -> None:
    session.execute(update(Ruang).where(Ruang.id == ruang_id).values(kir_dicetak_at=clock.utc_now()))


def room_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {i: n for i, n in session.execute(select(Ruang.id, Ruang.nama).where(Ruang.id.in_(wanted)))}
