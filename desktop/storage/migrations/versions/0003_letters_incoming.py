"""Letters: kode klasifikasi (83/2022 and 78/2012), agenda surat masuk, instruksi disposisi.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 07:00:45.337057
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instruksi_disposisi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teks", sa.String(length=120), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instruksi_disposisi")),
        sa.UniqueConstraint("teks", name="uq_instruksi_disposisi_teks"),
    )
    op.create_table(
        "kode_klasifikasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skema", sa.String(length=10), nullable=False),
        sa.Column("kode", sa.String(length=30), nullable=False),
        sa.Column("kode_induk", sa.String(length=30), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("retensi_aktif", sa.String(length=200), nullable=False),
        sa.Column("retensi_inaktif", sa.String(length=200), nullable=False),
        sa.Column("nasib_akhir", sa.String(length=200), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kode_klasifikasi")),
        sa.UniqueConstraint("skema", "kode", name="uq_kode_klasifikasi_skema_kode"),
    )
    op.create_table(
        "surat_masuk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("nomor_agenda", sa.Integer(), nullable=False),
        sa.Column("susulan", sa.Boolean(), nullable=False),
        sa.Column("tanggal_diterima", AwareDateTime(), nullable=False),
        sa.Column("asal_surat", sa.String(length=300), nullable=False),
        sa.Column("asal_norm", sa.String(length=300), nullable=False),
        sa.Column("nomor_surat", sa.String(length=255), nullable=False),
        sa.Column("nomor_norm", sa.String(length=255), nullable=False),
        sa.Column("tanggal_surat", sa.Date(), nullable=False),
        sa.Column("perihal", sa.Text(), nullable=False),
        sa.Column("ditujukan_kepada", sa.String(length=200), nullable=False),
        sa.Column("kode_klasifikasi", sa.String(length=30), nullable=False),
        sa.Column("skema", sa.String(length=10), nullable=False),
        sa.Column("keamanan", sa.String(length=2), nullable=False),
        sa.Column("urgensi", sa.String(length=20), nullable=False),
        sa.Column("lampiran", sa.String(length=100), nullable=False),
        sa.Column("cara_terima", sa.String(length=20), nullable=False),
        sa.Column("srikandi_id", sa.String(length=100), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("batal_alasan", sa.String(length=300), nullable=False),
        sa.Column("batas_waktu", sa.Date(), nullable=True),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("dicetak_at", AwareDateTime(), nullable=True),
        sa.Column("dicetak_oleh", sa.String(length=60), nullable=False),
        sa.Column("jumlah_cetak", sa.Integer(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_surat_masuk_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surat_masuk")),
        sa.UniqueConstraint("tahun", "nomor_agenda", name="uq_surat_masuk_tahun_nomor_agenda"),
    )
    with op.batch_alter_table("surat_masuk", schema=None) as batch_op:
        batch_op.create_index("ix_surat_masuk_dup", ["asal_norm", "nomor_norm"], unique=False)
        batch_op.create_index(batch_op.f("ix_surat_masuk_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_surat_masuk_tanggal_diterima"), ["tanggal_diterima"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("surat_masuk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surat_masuk_tanggal_diterima"))
        batch_op.drop_index(batch_op.f("ix_surat_masuk_status"))
        batch_op.drop_index("ix_surat_masuk_dup")

    op.drop_table("surat_masuk")
    op.drop_table("kode_klasifikasi")
    op.drop_table("instruksi_disposisi")
