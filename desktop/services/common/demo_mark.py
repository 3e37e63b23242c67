"""Whether a data folder holds an office's data, and the mark that tells a folder of sample data from a real one."""

from __future__ import annotations

import json

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from desktop.models import Base
from desktop.models.admin import Setting
from desktop.services.common.errors import ServiceError

DEMO_PASSWORD = "demo12345"  # printed in the README: anyone may know it
_KEY = "data_contoh"
# Every start (system.prepare) fills these from the shipped reference data, so a new folder already has rows in
# them; an office's own edits of them are audited, so the audit log still tells such a folder from a new one.
# app_setting holds preferences and the demo mark, not records.
_NOT_OFFICE_DATA = frozenset(
    {
        "holiday",
        "kode_klasifikasi",
        "instruksi_disposisi",
        "seri_nomor",
        "prestasi_kriteria",
        "app_setting",
        "tamu_layanan",
        "tamu_keperluan",
        "kode_barang",
        "aset_masa_manfaat",
        "aset_pita_pemeliharaan",
        "aset_ambang",
    }
)

FOLDER_HOLDS_DATA = (
    "Folder data ini sudah berisi data (pengguna, surat, pegawai, profil kantor atau catatan lain), jadi data "
    "contoh tidak diisikan: akun contoh dengan sandi yang diketahui umum dan surat contoh yang memakai nomor "
    "surat asli akan tercampur dengan data kantor. Tidak ada yang diubah. Isi data contoh ke folder baru yang "
    "kosong, misalnya: sekretariat --data-dir data-contoh demo"
)


class FolderHoldsData(ServiceError):
    """``sekretariat demo`` was pointed at a folder with an office's data."""


def tables_with_data(session: Session) -> list[str]:
    """The tables that hold at least one row an office (or an earlier demo) wrote, in schema order.

    Every table counts unless it is known to be filled at start, so a table a later version adds is counted
    too rather than overlooked.
    """
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in _NOT_OFFICE_DATA:
            continue
        if session.execute(select(literal(1)).select_from(table).limit(1)).first() is not None:
            found.append(table.name)
    return found


def is_demo(session: Session) -> bool:
    """True when ``sekretariat demo`` filled this folder (the mark lives in the database, so it survives
    backups, restores and a move to a server)."""
    return session.get(Setting, _KEY) is not None


def demo_accounts(session: Session) -> frozenset[str]:
    """The user names the demo created in this folder; none when the folder is not marked."""
    row = session.get(Setting, _KEY)
    if row is None:
        return frozenset()
    try:
        names = json.loads(row.value or "{}").get("akun", [])
    except (ValueError, AttributeError):
        return frozenset()  # an unreadable mark waives nothing
    return frozenset(str(n) for n in names)


def claim_for_demo(session: Session) -> None:
    """Mark a new, empty folder as a demo folder. A folder already marked may be topped up (a demo that was
    interrupted); a folder with data of its own is refused and nothing is written."""
    if is_demo(session):
        return
    if tables_with_data(session):
        raise FolderHoldsData(FOLDER_HOLDS_DATA)
    session.add(Setting(key=_KEY, value=json.dumps({"akun": []})))
    session.flush()


def add_demo_account(session: Session, username: str) -> None:
    """Remember a demo account, whose forced password change is waived while the folder stays marked."""
    row = session.get(Setting, _KEY)
    if row is None:
        raise RuntimeError("claim_for_demo() marks the folder before demo accounts are added")
    names = sorted(demo_accounts(session) | {username})
    row.value = json.dumps({"akun": names})
    session.flush()
