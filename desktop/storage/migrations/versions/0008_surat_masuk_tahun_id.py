"""An index on surat_masuk (tahun, id): the first and last id of a year are two index lookups, and bound a
full-text search within one year to that range of the index (1.5 million letters: the whole year of matches
was read and filtered before).

Revision ID: 0008_surat_masuk_tahun_id
Revises: 0007_asn_berprestasi
Create Date: 2026-12-01
"""

from alembic import op

revision = "0008_surat_masuk_tahun_id"
down_revision = "0007_asn_berprestasi"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_surat_masuk_tahun_id", "surat_masuk", ["tahun", "id"])


def downgrade() -> None:
    op.drop_index("ix_surat_masuk_tahun_id", table_name="surat_masuk")
