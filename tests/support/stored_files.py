"""Letters' scans and assets' files stored through the services, then damaged in the database as a disk would."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PIL import Image
from sqlalchemy import update

from desktop.models.assets import AsetLampiran
from desktop.models.letters import LetterAttachment
from desktop.services.assets import attachments as asset_files
from desktop.services.assets import items
from desktop.services.common import attachments as letter_scans
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.services.system import AppContext

TODAY = date(2026, 11, 20)
LAPTOP = "1.3.2.10.01.02.002"


def png(colour: str = "white") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return out.getvalue()


@dataclass(frozen=True)
class StoredFiles:
    """Three files of each module: (id, stored name) pairs."""

    scans: list[tuple[int, str]]
    assets: list[tuple[int, str]]


def store_files(ctx: AppContext) -> StoredFiles:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    with ctx.db.transaction() as s:
        letter = incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat="1/BI",
                tanggal_surat=TODAY,
                perihal="Undangan rapat",
            ),
            today=TODAY,
        )
        scans = [
            letter_scans.add(s, SYSTEM, "M", letter.id, png(c), f"{c}.png") for c in ("red", "green", "blue")
        ]
        laptop = items.create_assets(
            s, SYSTEM, items.AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000), 1,
            today=TODAY,
        ).assets[0]  # fmt: skip
        photos = [
            asset_files.add(s, SYSTEM, aset_id=laptop.id, data=png(c), nama_asli=f"{c}.png")
            for c in ("red", "green", "blue")
        ]
    return StoredFiles([(f.id, f.nama_berkas) for f in scans], [(f.id, f.nama_berkas) for f in photos])


def damage(ctx: AppContext, files: StoredFiles) -> list[str]:
    """Of each module the first file's bytes changed, the second's emptied (lost); their names."""
    with ctx.db.transaction() as s:
        for table, ((tampered, _), (emptied, _), _ok) in (
            (LetterAttachment, files.scans),
            (AsetLampiran, files.assets),
        ):
            s.execute(update(table).where(table.id == tampered).values(konten=png("black")))
            s.execute(update(table).where(table.id == emptied).values(konten=b""))
    return [files.scans[0][1], files.scans[1][1], files.assets[0][1], files.assets[1][1]]
