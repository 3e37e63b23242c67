"""``kode_urut`` on surat_masuk and surat_keluar: the kode klasifikasi in numeric-segment order (R24: 400.9
before 400.14), so the agenda sorts by kode in SQL as the clerk reads it. Existing rows are filled from the
distinct (kode, skema) pairs through a keyed scratch table: one pass over each table, whatever its size.

Revision ID: 0009_kode_urut
Revises: 0008_surat_masuk_tahun_id
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from desktop.core.letters.rules import code_sort_text

revision = "0009_kode_urut"
down_revision = "0008_surat_masuk_tahun_id"
branch_labels = None
depends_on = None

TABLES = ("surat_masuk", "surat_keluar")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("kode_urut", sa.String(length=80), nullable=False, server_default=""))
    bind = op.get_bind()
    pairs: set[tuple[str, str]] = set()
    for table in TABLES:
        rows = bind.execute(sa.text(f"SELECT DISTINCT kode_klasifikasi, skema FROM {table}"))
        pairs.update((kode, skema) for kode, skema in rows)
    if not pairs:
        return
    scratch = sa.table("kode_urut_baru", sa.column("kode"), sa.column("skema"), sa.column("urut"))
    op.create_table(
        "kode_urut_baru",
        sa.Column("kode", sa.String(length=30), nullable=False),
        sa.Column("skema", sa.String(length=10), nullable=False),
        sa.Column("urut", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("kode", "skema", name="pk_kode_urut_baru"),
    )
    op.bulk_insert(
        scratch,
        # Cut to the column, as the models do: a free code of many one-digit segments gives more than 80.
        [{"kode": kode, "skema": skema, "urut": code_sort_text(kode, skema)[:80]} for kode, skema in pairs],
    )
    for table in TABLES:
        op.execute(
            f"UPDATE {table} SET kode_urut = (SELECT b.urut FROM kode_urut_baru b "
            f"WHERE b.kode = {table}.kode_klasifikasi AND b.skema = {table}.skema)"
        )
    op.drop_table("kode_urut_baru")


def downgrade() -> None:
    for table in TABLES:
        # Not a batch rebuild: on SQLite that would drop surat_masuk's full-text triggers (SQLite >= 3.35).
        op.execute(f"ALTER TABLE {table} DROP COLUMN kode_urut")
