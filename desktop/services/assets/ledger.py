"""The append-only mutation ledger (R29, R30): every change of an item is one row with its document, the values
before and after, the user and the time. Rows are only ever added; the item's current state (``Aset``) is changed
by the caller in the same transaction, so the two never disagree."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.assets import Aset, AsetMutasi
from desktop.services.common.permissions import Actor

JENIS = {
    "perolehan": "Perolehan",
    "pindah_ruang": "Pindah ruang",
    "serah": "Serah terima",
    "kembali": "Pengembalian",
    "pengamanan": "Pengamanan",
    "kondisi": "Perubahan kondisi",
    "pemeliharaan": "Pemeliharaan",
    "kapitalisasi": "Kapitalisasi",
    "reklas": "Reklasifikasi",
    "koreksi": "Koreksi",
    "hapus": "Penghapusan",
    "label": "Cetak label",
}


@dataclass(frozen=True)
class DocRef:
    """The document behind a change: a BAST of this module (``dokumen_id``) or one named by hand."""

    jenis: str = ""
    nomor: str = ""
    tanggal: date | None = None
    dokumen_id: int | None = None


NO_DOC = DocRef()


@dataclass(frozen=True)
class MutationInfo:
    id: int
    aset_id: int
    jenis: str
    tanggal: date
    dokumen_id: int | None
    dokumen_jenis: str
    dokumen_nomor: str
    dokumen_tanggal: date | None
    sebelum: dict[str, Any]
    sesudah: dict[str, Any]
    nilai: int
    keterangan: str
    username: str
    created_at: datetime

    @property
    def jenis_label(self) -> str:
        return JENIS.get(self.jenis, self.jenis)

    @property
    def dokumen_text(self) -> str:
        parts = [p for p in (self.dokumen_jenis, self.dokumen_nomor) if p]
        return " ".join(parts)


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def dump(values: dict[str, Any]) -> str:
    return json.dumps({k: _json_value(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def row_values(
    actor: Actor,
    aset_id: int,
    jenis: str,
    tanggal: date,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    nilai: int = 0,
    doc: DocRef = NO_DOC,
    keterangan: str = "",
) -> dict[str, Any]:
    """The columns of one mutation row, for a bulk insert of many (recording a batch of items)."""
    if jenis not in JENIS:
        raise ValueError(f"unknown mutation {jenis!r}")
    return {
        "aset_id": aset_id,
        "jenis": jenis,
        "tanggal": tanggal,
        "dokumen_id": doc.dokumen_id,
        "dokumen_jenis": doc.jenis[:30],
        "dokumen_nomor": doc.nomor[:255],
        "dokumen_tanggal": doc.tanggal,
        "sebelum": dump(before or {}),
        "sesudah": dump(after or {}),
        "nilai": int(nilai),
        "keterangan": keterangan[:500],
        "user_id": actor.user_id,
        "username": actor.username[:100],
        "created_at": clock.utc_now(),
    }


def record(
    session: Session,
    actor: Actor,
    aset: Aset,
    jenis: str,
    tanggal: date,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    nilai: int = 0,
    doc: DocRef = NO_DOC,
    keterangan: str = "",
) -> AsetMutasi:
    """Append one mutation of ``aset`` (already flushed, so it has an id)."""
    row = AsetMutasi(
        **row_values(
            actor,
            aset.id,
            jenis,
            tanggal,
            before=before,
            after=after,
            nilai=nilai,
            doc=doc,
            keterangan=keterangan,
        )
    )
    session.add(row)
    return row


def info(row: AsetMutasi) -> MutationInfo:
    return MutationInfo(
        id=row.id,
        aset_id=row.aset_id,
        jenis=row.jenis,
        tanggal=row.tanggal,
        dokumen_id=row.dokumen_id,
        dokumen_jenis=row.dokumen_jenis,
        dokumen_nomor=row.dokumen_nomor,
        dokumen_tanggal=row.dokumen_tanggal,
        sebelum=_load(row.sebelum),
        sesudah=_load(row.sesudah),
        nilai=row.nilai,
        keterangan=row.keterangan,
        username=row.username,
        created_at=row.created_at,
    )


def history(session: Session, aset_id: int) -> list[MutationInfo]:
    """The item's mutations, oldest first (the Kartu Barang's order)."""
    rows = session.scalars(select(AsetMutasi).where(AsetMutasi.aset_id == aset_id).order_by(AsetMutasi.id))
    return [info(r) for r in rows]
