"""``pegawai.kedudukan_hukum`` (BKN kode, issue 12 item 6) and ``pegawai.eselon`` (item 7), keeping every row.

Before this revision the kedudukan hukum was not stored: an import turned any kedudukan text that mentioned
"pensiun", "berhenti" … into ``aktif = false`` with the text as ``alasan_nonaktif``, and the form let the clerk
deactivate with a free reason. The kode of the rows kept is derived here from that reason:

- active rows get "01" (Aktif): nothing recorded says otherwise;
- an inactive row whose reason names a kedudukan (its BKN name, its kode as in "99 - Pensiun", or a plain
  word: MPP, CLTN, pemberhentian sementara, pensiun, diberhentikan, TMS, pembatalan NIP) gets that kode;
- an inactive row whose reason names none (pindah instansi, meninggal, a typo) gets "52" (Tidak Aktif): BKN's
  own kode for "not active" that claims no cause; not "99", which would record a pension nobody decided. The
  reason text stays as written.

A row made inactive only because the old rule read its kedudukan as leaving — Masa Persiapan Pensiun, Mencapai
BUP, CLTN, pemberhentian sementara … — is active again: under kedudukan_hukum.csv those stay on the board (the
pension date, or the pension without KGB/KP) and the clerk must see them; importing the same file again would
do the same. The list here is frozen with the migration; the editable table is the seed file.

Revision ID: 0011_pegawai_kedudukan_eselon
Revises: 0010_imported_file_audit_text
Create Date: 2026-12-06
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0011_pegawai_kedudukan_eselon"
down_revision = "0010_imported_file_audit_text"
branch_labels = None
depends_on = None

# BKN kode -> (name, stays on the board). Frozen copy of the seed as of this revision.
_KEDUDUKAN: dict[str, tuple[str, bool]] = {
    "01": ("aktif", True),
    "02": ("cltn", True),
    "03": ("tugas belajar", True),
    "04": ("pemberhentian sementara", True),
    "05": ("penerima uang tunggu", True),
    "06": ("prajurit wajib", True),
    "07": ("pejabat negara", True),
    "08": ("kepala desa", True),
    "09": ("sedang dlm proses banding bapek", True),
    "11": ("pegawai titipan", True),
    "12": ("pengungsi", True),
    "13": ("perpanjangan cltn", True),
    "14": ("pns yang dinyatakan hilang", True),
    "15": ("pns kena hukuman disiplin", True),
    "16": ("pemindahan dalam rangka penurunan jabatan", True),
    "20": ("masa persiapan pensiun", True),
    "51": ("cpns yang belum menerima sk cpns", True),
    "52": ("tidak aktif", False),
    "66": ("diberhentikan", False),
    "67": ("punah", False),
    "68": ("eks pns timor timur", False),
    "69": ("tms dari pengadaan", False),
    "70": ("pembatalan nip", False),
    "77": ("pemberhentian tanpa hak pensiun", False),
    "88": ("pemberhentian dengan hak pensiun", False),
    "89": ("tidak aktif tetapi diusulkan pensiun", True),
    "90": ("tidak ikut pupns 2015", True),
    "91": ("tindak pidana/ tindak pidana jabatan", True),
    "92": ("pemblokiran data pns", True),
    "98": ("mencapai bup", True),
    "99": ("pensiun", False),
}
_BY_NAME = {name: kode for kode, (name, _) in _KEDUDUKAN.items()}
# Plain words, most specific first: "masa persiapan pensiun" before "pensiun".
_WORDS: tuple[tuple[str, str], ...] = (
    (r"masa persiapan pensiun|\bmpp\b", "20"),
    (r"mencapai\s+bup", "98"),
    (r"diusulkan\s+pensiun", "89"),
    (r"(pemberhentian|diberhentikan)\s+sementara", "04"),
    (r"perpanjangan\s+cltn", "13"),
    (r"\bcltn\b|cuti\s+di\s*luar\s+tanggungan", "02"),
    (r"tanpa\s+hak\s+pensiun", "77"),
    (r"dengan\s+hak\s+pensiun", "88"),
    (r"\btms\b|tidak\s+memenuhi\s+syarat", "69"),
    (r"pembatalan\s+nip", "70"),
    (r"pensiun", "99"),
    (r"diberhentikan|pemberhentian|berhenti", "66"),
)
_CODE = re.compile(r"^\s*(\d{1,2})\s*(?:[-.:)]|$)")
FALLBACK = "52"


def kode_for_reason(reason: str) -> str:
    """The kode an inactive row's ``alasan_nonaktif`` names, else ``FALLBACK``."""
    text = " ".join(reason.casefold().split())
    m = _CODE.match(text)
    if m and m[1].zfill(2) in _KEDUDUKAN:
        return m[1].zfill(2)
    text = _CODE.sub("", text).strip(" -")
    if text in _BY_NAME:
        return _BY_NAME[text]
    for pattern, kode in _WORDS:
        if re.search(pattern, text):
            return kode
    return FALLBACK


def upgrade() -> None:
    op.add_column("pegawai", sa.Column("eselon", sa.String(length=10), nullable=False, server_default=""))
    op.add_column(
        "pegawai", sa.Column("kedudukan_hukum", sa.String(length=2), nullable=False, server_default="01")
    )
    bind = op.get_bind()
    pegawai = sa.table(
        "pegawai",
        sa.column("id", sa.Integer),
        sa.column("aktif", sa.Boolean),
        sa.column("alasan_nonaktif", sa.String),
        sa.column("kedudukan_hukum", sa.String),
    )
    rows = bind.execute(sa.select(pegawai.c.id, pegawai.c.alasan_nonaktif).where(pegawai.c.aktif.is_(False)))
    for pegawai_id, reason in rows.all():
        kode = kode_for_reason(reason or "")
        values: dict[str, object] = {"kedudukan_hukum": kode}
        if _KEDUDUKAN[kode][1]:
            values.update(aktif=True, alasan_nonaktif="")
        bind.execute(sa.update(pegawai).where(pegawai.c.id == pegawai_id).values(**values))


def downgrade() -> None:
    # The kode is lost; rows kept on the board by it stay active (the old schema has no way to say why).
    # Not a batch rebuild: on SQLite that would recreate pegawai under the riwayat tables' foreign keys.
    for column in ("kedudukan_hukum", "eselon"):
        op.execute(f"ALTER TABLE pegawai DROP COLUMN {column}")
