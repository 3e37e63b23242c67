"""Letters: number series, agenda surat keluar, disposition chain, buku ekspedisi, scans.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 07:40:45.081295
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seri_nomor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("template", sa.String(length=120), nullable=False),
        sa.Column("kode_unit", sa.String(length=60), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seri_nomor")),
        sa.UniqueConstraint("nama", name=op.f("uq_seri_nomor_nama")),
    )
    op.create_table(
        "ekspedisi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("caraka", sa.String(length=200), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_ekspedisi_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekspedisi")),
    )
    with op.batch_alter_table("ekspedisi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ekspedisi_tanggal"), ["tanggal"], unique=False)

    op.create_table(
        "lampiran_surat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=1), nullable=False),
        sa.Column("surat_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("nama_berkas", sa.String(length=255), nullable=False),
        sa.Column("nama_asli", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=60), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("halaman", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("konten", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_lampiran_surat_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lampiran_surat")),
    )
    with op.batch_alter_table("lampiran_surat", schema=None) as batch_op:
        batch_op.create_index("ix_lampiran_surat_surat", ["jenis", "surat_id"], unique=False)

    op.create_table(
        "disposisi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("surat_masuk_id", sa.Integer(), nullable=False),
        sa.Column("induk_penerima_id", sa.Integer(), nullable=True),
        sa.Column("dari_nama", sa.String(length=200), nullable=False),
        sa.Column("dari_jabatan", sa.String(length=200), nullable=False),
        sa.Column("dari_nip", sa.String(length=18), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("instruksi", sa.Text(), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("batas_waktu", sa.Date(), nullable=True),
        sa.Column("batas_hari_kerja", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_disposisi_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["surat_masuk_id"], ["surat_masuk.id"], name=op.f("fk_disposisi_surat_masuk_id_surat_masuk")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disposisi")),
    )
    with op.batch_alter_table("disposisi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disposisi_batas_waktu"), ["batas_waktu"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_disposisi_induk_penerima_id"), ["induk_penerima_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_disposisi_surat_masuk_id"), ["surat_masuk_id"], unique=False)

    op.create_table(
        "surat_keluar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seri_id", sa.Integer(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("urut", sa.Integer(), nullable=False),
        sa.Column("sisipan", sa.Integer(), nullable=False),
        sa.Column("nomor_surat", sa.String(length=255), nullable=False),
        sa.Column("kka", sa.String(length=30), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("tanggal_surat", sa.Date(), nullable=False),
        sa.Column("tujuan", sa.String(length=300), nullable=False),
        sa.Column("alamat_tujuan", sa.String(length=400), nullable=False),
        sa.Column("perihal", sa.Text(), nullable=False),
        sa.Column("kode_klasifikasi", sa.String(length=30), nullable=False),
        sa.Column("skema", sa.String(length=10), nullable=False),
        sa.Column("keamanan", sa.String(length=2), nullable=False),
        sa.Column("urgensi", sa.String(length=20), nullable=False),
        sa.Column("lampiran", sa.String(length=100), nullable=False),
        sa.Column("signatory_id", sa.Integer(), nullable=True),
        sa.Column("penandatangan", sa.String(length=300), nullable=False),
        sa.Column("pengolah", sa.String(length=300), nullable=False),
        sa.Column("tembusan", sa.Text(), nullable=False),
        sa.Column("balasan_atas_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("batal_alasan", sa.String(length=300), nullable=False),
        sa.Column("tanggal_kirim", sa.Date(), nullable=True),
        sa.Column("media", sa.String(length=20), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["balasan_atas_id"], ["surat_masuk.id"], name=op.f("fk_surat_keluar_balasan_atas_id_surat_masuk")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_surat_keluar_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["seri_id"], ["seri_nomor.id"], name=op.f("fk_surat_keluar_seri_id_seri_nomor")
        ),
        sa.ForeignKeyConstraint(
            ["signatory_id"], ["signatory.id"], name=op.f("fk_surat_keluar_signatory_id_signatory")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surat_keluar")),
        sa.UniqueConstraint("seri_id", "tahun", "urut", "sisipan", name="uq_surat_keluar_nomor"),
    )
    with op.batch_alter_table("surat_keluar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_surat_keluar_nomor_surat"), ["nomor_surat"], unique=False)
        batch_op.create_index(batch_op.f("ix_surat_keluar_status"), ["status"], unique=False)
        batch_op.create_index("ix_surat_keluar_tahun_urut", ["tahun", "urut"], unique=False)
        batch_op.create_index(batch_op.f("ix_surat_keluar_tanggal_surat"), ["tanggal_surat"], unique=False)

    op.create_table(
        "disposisi_penerima",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disposisi_id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("hasil", sa.Text(), nullable=False),
        sa.Column("balasan_keluar_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["balasan_keluar_id"],
            ["surat_keluar.id"],
            name=op.f("fk_disposisi_penerima_balasan_keluar_id_surat_keluar"),
        ),
        sa.ForeignKeyConstraint(
            ["disposisi_id"], ["disposisi.id"], name=op.f("fk_disposisi_penerima_disposisi_id_disposisi")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_disposisi_penerima_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disposisi_penerima")),
    )
    with op.batch_alter_table("disposisi_penerima", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disposisi_penerima_disposisi_id"), ["disposisi_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_disposisi_penerima_status"), ["status"], unique=False)

    op.create_table(
        "ekspedisi_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ekspedisi_id", sa.Integer(), nullable=False),
        sa.Column("surat_keluar_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("diterima", sa.Boolean(), nullable=False),
        sa.Column("nama_penerima", sa.String(length=200), nullable=False),
        sa.Column("tanggal_terima", sa.Date(), nullable=True),
        sa.Column("keterangan", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["ekspedisi_id"], ["ekspedisi.id"], name=op.f("fk_ekspedisi_item_ekspedisi_id_ekspedisi")
        ),
        sa.ForeignKeyConstraint(
            ["surat_keluar_id"],
            ["surat_keluar.id"],
            name=op.f("fk_ekspedisi_item_surat_keluar_id_surat_keluar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekspedisi_item")),
        sa.UniqueConstraint("ekspedisi_id", "surat_keluar_id", name="uq_ekspedisi_item_surat"),
    )
    with op.batch_alter_table("ekspedisi_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ekspedisi_item_ekspedisi_id"), ["ekspedisi_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ekspedisi_item_surat_keluar_id"), ["surat_keluar_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("ekspedisi_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekspedisi_item_surat_keluar_id"))
        batch_op.drop_index(batch_op.f("ix_ekspedisi_item_ekspedisi_id"))

    op.drop_table("ekspedisi_item")
    with op.batch_alter_table("disposisi_penerima", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disposisi_penerima_status"))
        batch_op.drop_index(batch_op.f("ix_disposisi_penerima_disposisi_id"))

    op.drop_table("disposisi_penerima")
    with op.batch_alter_table("surat_keluar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surat_keluar_tanggal_surat"))
        batch_op.drop_index("ix_surat_keluar_tahun_urut")
        batch_op.drop_index(batch_op.f("ix_surat_keluar_status"))
        batch_op.drop_index(batch_op.f("ix_surat_keluar_nomor_surat"))

    op.drop_table("surat_keluar")
    with op.batch_alter_table("disposisi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disposisi_surat_masuk_id"))
        batch_op.drop_index(batch_op.f("ix_disposisi_induk_penerima_id"))
        batch_op.drop_index(batch_op.f("ix_disposisi_batas_waktu"))

    op.drop_table("disposisi")
    with op.batch_alter_table("lampiran_surat", schema=None) as batch_op:
        batch_op.drop_index("ix_lampiran_surat_surat")

    op.drop_table("lampiran_surat")
    with op.batch_alter_table("ekspedisi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekspedisi_tanggal"))

    op.drop_table("ekspedisi")
    op.drop_table("seri_nomor")
