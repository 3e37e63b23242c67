"""Files already imported, known by their SHA-256: the same file imported twice is refused unless asked again."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.models.admin import ImportedFile
from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor

KIND_LABELS: Final[dict[str, str]] = {
    "surat_masuk": "agenda surat masuk",
    "surat_keluar": "agenda surat keluar",
    "buku_tamu": "buku tamu",
    "skm": "data survei kepuasan masyarakat (SKM)",
    "pra_registrasi": "pra-registrasi tamu (e-tamu)",
}
MOSTLY_DUPLICATES: Final = 0.5  # share of rows matching letters already registered that earns a warning


class AlreadyImported(ValidationError):
    """The same file was imported before into the same register; nothing was written. The message says when
    and by whom; the import runs again only when the caller asks for it (``again=True``)."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _last(session: Session, kind: str, sha256: str) -> ImportedFile | None:
    return session.scalar(
        select(ImportedFile)
        .where(ImportedFile.kind == kind, ImportedFile.sha256 == sha256)
        .order_by(ImportedFile.occurrence.desc())
        .limit(1)
    )


def _refusal(session: Session, kind: str, file_name: str, last: ImportedFile) -> AlreadyImported:
    when = last.imported_at.astimezone(office_tz(office.get_profile(session).zona_waktu))
    times = f" ({last.occurrence} kali)" if last.occurrence > 1 else ""
    return AlreadyImported(
        f"Berkas {file_name} sudah pernah diimpor ke {KIND_LABELS.get(kind, kind)}{times}, terakhir pada "
        f"{when:%d-%m-%Y} pukul {when:%H.%M} oleh {last.username} ({last.row_count} baris); "
        "tidak ada yang diimpor. Mengimpornya lagi akan menggandakan datanya."
    )


def claim(
    session: Session,
    actor: Actor,
    kind: str,
    sha256: str,
    file_name: str,
    row_count: int,
    *,
    again: bool = False,
) -> None:
    """Record the import of a file in the caller's transaction (it commits or rolls back with the import), or
    raise AlreadyImported when the same file was imported into ``kind`` before and ``again`` is not set."""
    last = _last(session, kind, sha256)
    if last is not None and not again:
        raise _refusal(session, kind, file_name, last)
    entry = ImportedFile(
        kind=kind,
        sha256=sha256,
        occurrence=(last.occurrence if last is not None else 0) + 1,
        file_name=file_name,
        row_count=row_count,
        user_id=actor.user_id,
        username=actor.username,
        imported_at=clock.utc_now(),
    )
    # A savepoint: another workstation importing the same file at this moment makes the unique key fail
    # here, and the import is refused with its details instead of ending in a database error.
    try:
        with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        other = _last(session, kind, sha256)
        if other is None:
            raise
        raise _refusal(session, kind, file_name, other) from None


def mostly_duplicates_note(duplicates: int, rows: int) -> str | None:
    """The warning for a file whose rows mostly match letters already in the agenda (e.g. the same book saved
    again under another name), or None."""
    if rows == 0 or duplicates / rows <= MOSTLY_DUPLICATES:
        return None
    return (
        f"{duplicates} dari {rows} baris tampaknya sudah ada di agenda (pengirim, nomor dan tanggal surat sama); "
        "mungkin berkas ini sudah pernah diimpor. Periksa sebelum mengimpor agar surat tidak tercatat ganda."
    )
