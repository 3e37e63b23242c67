"""Scans of letters (PDF, JPG, PNG): stored in the database so every workstation reaches them and every
backup holds them; named stably after the register entry and checked against their SHA-256 on every open
(letters.md R30). Scans of Rahasia / Sangat Rahasia letters open only for roles allowed to (R10)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.letters.rules import Keamanan
from desktop.models.letters import IncomingLetter, LetterAttachment, OutgoingLetter
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.secrecy import hidden_from, masked

MAX_BYTES = 25 * 1024 * 1024
KINDS = {"M": "surat masuk", "K": "surat keluar"}


class IntegrityError(ServiceError):
    """The stored bytes no longer match their checksum."""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    jenis: str
    surat_id: int
    urutan: int
    nama_berkas: str
    nama_asli: str  # masked for R/SR without the permission: a scan's name often says what it is about
    mime: str
    ukuran: int
    sha256: str
    created_at: datetime


def sniff(data: bytes) -> tuple[str, str]:
    """(mime, extension) from the file's first bytes, never from its name."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    raise ValidationError("Berkas pindaian harus PDF, JPG atau PNG.", "file")


def check_upload(data: bytes) -> tuple[str, str]:
    """(mime, extension) of a file about to be stored: not empty, within MAX_BYTES, a PDF/JPG/PNG by its bytes.
    Shared by every module that keeps files in the database (letters' scans, assets' photos and BAST scans)."""
    if not data:
        raise ValidationError("Berkas kosong.", "file")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"Berkas terlalu besar (maksimal {MAX_BYTES // (1024 * 1024)} MB).", "file")
    return sniff(data)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def intact(data: bytes | None, expected: str) -> bool:
    """Whether a stored file is still whole: there are bytes (an emptied file is lost, never a valid upload)
    and they match the SHA-256 stored with them."""
    return bool(data) and sha256_of(bytes(data or b"")) == expected


VERIFY_BATCH = 50  # files hashed per fetch: a check of every file never holds more than this many in memory


def sha256_checked(data: bytes, expected: str, nama_berkas: str, hint: str) -> bytes:
    """``data`` when it still matches the SHA-256 stored with it; IntegrityError naming the file otherwise
    (``hint`` says how to get a good copy back)."""
    if sha256_of(data) != expected:
        raise IntegrityError(
            f"Isi berkas {nama_berkas} tidak cocok dengan sidik SHA-256 yang tersimpan: berkas rusak. {hint}"
        )
    return data


def _letter(session: Session, jenis: str, surat_id: int) -> IncomingLetter | OutgoingLetter:
    row: IncomingLetter | OutgoingLetter | None
    if jenis == "M":
        row = session.get(IncomingLetter, surat_id)
    elif jenis == "K":
        row = session.get(OutgoingLetter, surat_id)
    else:
        raise ValidationError("Jenis surat tidak dikenal.", "jenis")
    if row is None:
        raise NotFound(f"{KINDS[jenis].capitalize()} tidak ditemukan.")
    return row


def _check_secret(actor: Actor, letter: IncomingLetter | OutgoingLetter) -> bool:
    if hidden_from(actor, letter.keamanan):
        raise PermissionDenied("Pindaian surat rahasia hanya dapat dibuka oleh pejabat yang berwenang.")
    return Keamanan(letter.keamanan).is_secret


def _stable_name(letter: IncomingLetter | OutgoingLetter, jenis: str, urutan: int, ext: str) -> str:
    number = letter.nomor_agenda if isinstance(letter, IncomingLetter) else letter.urut
    return f"{letter.tahun}/{jenis}/{number:05d}_{urutan}.{ext}"


def _info(row: LetterAttachment, hidden: bool) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.jenis,
        row.surat_id,
        row.urutan,
        row.nama_berkas,
        masked(row.nama_asli, hidden),
        row.mime,
        row.ukuran,
        row.sha256,
        row.created_at,
    )


def add(
    session: Session, actor: Actor, jenis: str, surat_id: int, data: bytes, original_name: str = ""
) -> AttachmentInfo:
    actor.require(Perm.WRITE_LETTERS)
    letter = _letter(session, jenis, surat_id)
    mime, ext = check_upload(data)
    last = session.scalar(
        select(func.max(LetterAttachment.urutan)).where(
            LetterAttachment.jenis == jenis, LetterAttachment.surat_id == surat_id
        )
    )
    urutan = int(last or 0) + 1
    row = LetterAttachment(
        jenis=jenis,
        surat_id=surat_id,
        urutan=urutan,
        nama_berkas=_stable_name(letter, jenis, urutan, ext),
        nama_asli=original_name[-255:],
        mime=mime,
        ukuran=len(data),
        sha256=sha256_of(data),
        konten=data,
        created_at=clock.utc_now(),
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "lampirkan",
        "pindaian",
        row.id,
        summary=f"{row.nama_berkas} ({len(data):,} byte) dilampirkan pada {KINDS[jenis]} {surat_id}",
        after={"nama_berkas": row.nama_berkas, "sha256": row.sha256, "ukuran": row.ukuran},
    )
    return _info(row, hidden_from(actor, letter.keamanan))


def list_for(session: Session, actor: Actor, jenis: str, surat_id: int) -> list[AttachmentInfo]:
    """The scans of one letter (names and sizes only; the bytes stay in the database until opened)."""
    actor.require(Perm.VIEW)
    hidden = hidden_from(actor, _letter(session, jenis, surat_id).keamanan)
    rows = session.scalars(
        select(LetterAttachment)
        .where(LetterAttachment.jenis == jenis, LetterAttachment.surat_id == surat_id)
        .order_by(LetterAttachment.urutan)
    )
    return [_info(r, hidden) for r in rows]


def open_bytes(session: Session, actor: Actor, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The file's bytes after checking them against the stored SHA-256; a view of a secret scan is audited."""
    actor.require(Perm.VIEW)
    row = session.get(LetterAttachment, attachment_id)
    if row is None:
        raise NotFound("Pindaian tidak ditemukan.")
    secret = _check_secret(actor, _letter(session, row.jenis, row.surat_id))
    data = sha256_checked(
        row.konten, row.sha256, row.nama_berkas, "Pulihkan dari cadangan atau pindai ulang surat aslinya."
    )
    if secret:
        audit.record(
            session, actor, "lihat", "pindaian", row.id, summary=f"Pindaian rahasia {row.nama_berkas} dibuka"
        )
    return _info(row, False), data


def verify_all(session: Session, actor: Actor) -> list[str]:
    """Names of every scan whose bytes are gone or no longer match their checksum (system.verify_files)."""
    actor.require(Perm.MANAGE_BACKUPS)
    # Columns, not ORM rows, fetched a batch at a time: rows would keep every scan's bytes in the session.
    rows = session.execute(
        select(LetterAttachment.nama_berkas, LetterAttachment.konten, LetterAttachment.sha256)
        .order_by(LetterAttachment.id)
        .execution_options(yield_per=VERIFY_BATCH)
    )
    return [name for name, konten, sha in rows if not intact(konten, sha)]
