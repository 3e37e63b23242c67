"""Photos and documents of items and BASTs, kept in the database like letter scans: checked by content, named
stably, verified against their SHA-256 on every open; a final BAST's signed scan can be added, never removed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.assets import Aset, AsetDokumen, AsetLampiran
from desktop.services.assets.bast import JENIS as BAST_JENIS
from desktop.services.common import audit
from desktop.services.common.attachments import (
    VERIFY_BATCH,
    check_upload,
    intact,
    sha256_checked,
    sha256_of,
)
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

FOTO, DOKUMEN, FOTO_LAMA = "foto", "dokumen", "foto_lama"
JENIS_LABELS = {FOTO: "Foto", DOKUMEN: "Dokumen", FOTO_LAMA: "Foto lama"}
PHOTO_MIMES = ("image/jpeg", "image/png")
REPAIR_HINT = "Pulihkan dari cadangan atau lampirkan ulang berkas aslinya."
_NUMBER = re.compile(r"_(\d+)\.[a-z]+$")


@dataclass(frozen=True)
class FileInfo:
    id: int
    aset_id: int | None
    dokumen_id: int | None
    jenis: str  # foto / dokumen
    nama_berkas: str  # aset/{nibar}_{n}.jpg, bast/{id}_{n}.pdf
    nama_asli: str
    mime: str
    ukuran: int
    sha256: str
    created_at: datetime
    removable: bool  # False for the files of a final document (its signed record)

    @property
    def jenis_label(self) -> str:
        return JENIS_LABELS.get(self.jenis, self.jenis)

    @property
    def is_photo(self) -> bool:
        return self.jenis == FOTO


def _owner(
    session: Session, aset_id: int | None, dokumen_id: int | None
) -> tuple[Aset | None, AsetDokumen | None]:
    if (aset_id is None) == (dokumen_id is None):
        raise ValidationError("Berkas dilampirkan pada satu barang atau satu dokumen.", "file")
    if aset_id is not None:
        aset = session.get(Aset, aset_id)
        if aset is None:
            raise NotFound("Barang tidak ditemukan.")
        return aset, None
    doc = session.get(AsetDokumen, dokumen_id)
    if doc is None:
        raise NotFound("Dokumen barang tidak ditemukan.")
    return None, doc


def _prefix(aset: Aset | None, doc: AsetDokumen | None) -> str:
    if aset is not None:
        return f"aset/{aset.nibar}"
    assert doc is not None
    return f"{'bast' if doc.jenis in BAST_JENIS else 'ba'}/{doc.id}"


def _where(aset_id: int | None, dokumen_id: int | None) -> ColumnElement[bool]:
    if aset_id is not None:
        return AsetLampiran.aset_id == aset_id
    return AsetLampiran.dokumen_id == dokumen_id


def _next_name(session: Session, row_owner: tuple[Aset | None, AsetDokumen | None], ext: str) -> str:
    """``{prefix}_{n}.{ext}``, n one past the highest number the owner's files carry (never a name in use)."""
    aset, doc = row_owner
    names = session.scalars(
        select(AsetLampiran.nama_berkas).where(_where(aset.id if aset else None, doc.id if doc else None))
    )
    numbers = [int(m.group(1)) for n in names if (m := _NUMBER.search(n))]
    return f"{_prefix(aset, doc)}_{max(numbers, default=0) + 1}.{ext}"


def _removable(doc: AsetDokumen | None) -> bool:
    return doc is None or doc.status != "final"


def _info(row: AsetLampiran, doc: AsetDokumen | None) -> FileInfo:
    return FileInfo(
        row.id, row.aset_id, row.dokumen_id, row.jenis, row.nama_berkas, row.nama_asli, row.mime, row.ukuran,
        row.sha256, row.created_at, _removable(doc),
    )  # fmt: skip


def _check_open_for_files(aset: Aset | None, doc: AsetDokumen | None) -> None:
    if aset is not None and aset.status != "aktif":
        raise ValidationError("Barang yang sudah dihapus dari daftar tidak dapat diberi berkas baru.", "file")
    if doc is not None and doc.status == "batal":
        raise ValidationError("Dokumen yang dibatalkan tidak dapat diberi berkas baru.", "file")


def _checked(data: bytes, jenis: str) -> tuple[str, str]:
    mime, ext = check_upload(data)
    if jenis == FOTO and mime not in PHOTO_MIMES:
        raise ValidationError("Foto harus berupa gambar JPG atau PNG.", "file")
    return mime, ext


def add(
    session: Session,
    actor: Actor,
    *,
    aset_id: int | None = None,
    dokumen_id: int | None = None,
    data: bytes,
    nama_asli: str = "",
    jenis: str | None = None,
) -> FileInfo:
    """Store one file. ``jenis`` None: an image of an item is a foto, anything else a dokumen; a BAST's files
    are dokumen (the supplier's BA, the signed scan). A final BAST takes files: its signed scan comes later."""
    actor.require(Perm.WRITE_ASSETS)
    aset, doc = _owner(session, aset_id, dokumen_id)
    _check_open_for_files(aset, doc)
    if jenis is not None and jenis not in JENIS_LABELS:
        raise ValidationError("Jenis berkas harus foto atau dokumen.", "jenis")
    mime, ext = check_upload(data)
    if jenis is None:
        jenis = FOTO if aset is not None and mime in PHOTO_MIMES else DOKUMEN
    _checked(data, jenis)
    row = AsetLampiran(
        aset_id=aset_id, dokumen_id=dokumen_id, jenis=jenis, nama_berkas=_next_name(session, (aset, doc), ext),
        nama_asli=nama_asli[-255:], mime=mime, ukuran=len(data), sha256=sha256_of(data), konten=data,
        created_at=clock.utc_now(), created_by=actor.user_id,
    )  # fmt: skip
    session.add(row)
    session.flush()
    owner = f"barang {aset.nibar}" if aset is not None else f"dokumen {dokumen_id}"
    audit.record(
        session, actor, "lampirkan", "aset_lampiran", row.id,
        summary=f"{JENIS_LABELS[jenis]} {row.nama_berkas} ({len(data):,} byte) dilampirkan pada {owner}",
        after={"nama_berkas": row.nama_berkas, "sha256": row.sha256, "ukuran": row.ukuran, "jenis": jenis},
    )  # fmt: skip
    return _info(row, doc)


def list_for(
    session: Session, actor: Actor, *, aset_id: int | None = None, dokumen_id: int | None = None
) -> list[FileInfo]:
    """The files of one item or document, photos first then in the order added (bytes stay unread)."""
    actor.require(Perm.VIEW)
    _aset, doc = _owner(session, aset_id, dokumen_id)
    rows = session.scalars(
        select(AsetLampiran)
        .where(_where(aset_id, dokumen_id))
        .order_by((AsetLampiran.jenis != FOTO), AsetLampiran.id)
    )
    return [_info(r, doc) for r in rows]


def _get(session: Session, lampiran_id: int) -> tuple[AsetLampiran, AsetDokumen | None]:
    row = session.get(AsetLampiran, lampiran_id)
    if row is None:
        raise NotFound("Berkas tidak ditemukan.")
    doc = session.get(AsetDokumen, row.dokumen_id) if row.dokumen_id is not None else None
    return row, doc


def open_bytes(session: Session, actor: Actor, lampiran_id: int) -> tuple[FileInfo, bytes]:
    """The file's bytes, after checking them against the stored SHA-256 (IntegrityError when they differ)."""
    actor.require(Perm.VIEW)
    row, doc = _get(session, lampiran_id)
    data = sha256_checked(bytes(row.konten), row.sha256, row.nama_berkas, REPAIR_HINT)
    return _info(row, doc), data


def replace_photo(
    session: Session, actor: Actor, lampiran_id: int, data: bytes, nama_asli: str = ""
) -> FileInfo:
    """A newer photo in the place of an item's photo (it stays the one the Kartu Barang prints, when it was
    first). The old image is kept as a "foto lama" file of the item — it may be the evidence of the item's state
    on a date (a loss, a TGR) — and named with its SHA-256 in the audit row: a photo is not a ledger mutation."""
    actor.require(Perm.WRITE_ASSETS)
    row, _doc = _get(session, lampiran_id)
    if row.aset_id is None or row.jenis != FOTO:
        raise ValidationError("Hanya foto barang yang dapat diganti.", "file")
    aset, _none = _owner(session, row.aset_id, None)
    _check_open_for_files(aset, None)
    mime, ext = _checked(data, FOTO)
    before = {"nama_berkas": row.nama_berkas, "nama_asli": row.nama_asli, "sha256": row.sha256,
              "ukuran": row.ukuran}  # fmt: skip
    session.add(
        AsetLampiran(
            aset_id=row.aset_id, jenis=FOTO_LAMA, nama_berkas=row.nama_berkas, nama_asli=row.nama_asli,
            mime=row.mime, ukuran=row.ukuran, sha256=row.sha256, konten=row.konten, created_at=row.created_at,
            created_by=row.created_by,
        )
    )  # fmt: skip
    row.nama_berkas = _next_name(session, (aset, None), ext)
    row.nama_asli, row.mime, row.ukuran = nama_asli[-255:], mime, len(data)
    row.sha256, row.konten = sha256_of(data), data
    row.created_at, row.created_by = clock.utc_now(), actor.user_id
    session.flush()
    audit.record(
        session, actor, "ganti", "aset_lampiran", row.id,
        summary=f"Foto {before['nama_berkas']} diganti dengan {row.nama_berkas}",
        before=before, after={"nama_berkas": row.nama_berkas, "sha256": row.sha256, "ukuran": row.ukuran},
    )  # fmt: skip
    return _info(row, None)


def remove(session: Session, actor: Actor, lampiran_id: int) -> None:
    """Delete a file (its name and SHA-256 stay in the audit). A final document's files are its record."""
    actor.require(Perm.WRITE_ASSETS)
    row, doc = _get(session, lampiran_id)
    if not _removable(doc):
        raise ValidationError("Berkas dokumen yang sudah final tidak dapat dihapus.", "file")
    if row.aset_id is not None:
        aset, _none = _owner(session, row.aset_id, None)
        _check_open_for_files(aset, None)
    audit.record(
        session, actor, "hapus", "aset_lampiran", row.id,
        summary=f"{JENIS_LABELS.get(row.jenis, row.jenis)} {row.nama_berkas} dihapus",
        before={"nama_berkas": row.nama_berkas, "nama_asli": row.nama_asli, "sha256": row.sha256,
                "ukuran": row.ukuran},
    )  # fmt: skip
    session.delete(row)
    session.flush()


def verify_all(session: Session, actor: Actor) -> list[str]:
    """Names of every photo or document whose bytes are gone or no longer match their checksum
    (system.verify_files)."""
    actor.require(Perm.MANAGE_BACKUPS)
    rows = session.execute(
        select(AsetLampiran.nama_berkas, AsetLampiran.konten, AsetLampiran.sha256)
        .order_by(AsetLampiran.id)
        .execution_options(yield_per=VERIFY_BATCH)
    )
    return [name for name, konten, sha in rows if not intact(konten, sha)]
