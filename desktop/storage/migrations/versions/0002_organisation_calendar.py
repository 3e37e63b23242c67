"""Organisation units, signatories per document type, and the working-day calendar.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("jenis", sa.String(20), nullable=False),
        sa.Column("singkatan", sa.String(30), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kepala_jabatan", sa.String(200), nullable=False),
        sa.Column("kepala_nama", sa.String(200), nullable=False),
        sa.Column("kepala_nip", sa.String(18), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["org_unit.id"], name=op.f("fk_org_unit_parent_id_org_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit")),
    )
    op.create_table(
        "signatory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("nip", sa.String(18), nullable=False),
        sa.Column("pangkat_golongan", sa.String(100), nullable=False),
        sa.Column("jabatan", sa.String(200), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatory")),
    )
    op.create_table(
        "document_signer",
        sa.Column("doc_type", sa.String(40), nullable=False),
        sa.Column("signatory_id", sa.Integer(), nullable=False),
        sa.Column("atas_nama", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["signatory_id"], ["signatory.id"], name=op.f("fk_document_signer_signatory_id_signatory")
        ),
        sa.PrimaryKeyConstraint("doc_type", name=op.f("pk_document_signer")),
    )
    op.create_table(
        "holiday",
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("jenis", sa.String(20), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("dasar", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("tanggal", name=op.f("pk_holiday")),
    )


def downgrade() -> None:
    op.drop_table("holiday")
    op.drop_table("document_signer")
    op.drop_table("signatory")
    op.drop_table("org_unit")
