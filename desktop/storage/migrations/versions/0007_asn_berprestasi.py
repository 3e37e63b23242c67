"""ASN Berprestasi: criteria and weights, monthly score sheets and their scores, and the approved rankings with
their places. (The shipped criteria are written by ``services.staff_award.seed_criteria``, not here: a backup of
PostgreSQL builds its schema with the migrations and then copies every row.)

Revision ID: 0007_asn_berprestasi
Revises: 0006_staff
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0007_asn_berprestasi"
down_revision = "0006_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prestasi_kriteria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("bobot", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prestasi_kriteria")),
    )
    op.create_table(
        "prestasi_lembar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("periode", sa.Date(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("penilai_nama", sa.String(length=200), nullable=False),
        sa.Column("penilai_nip", sa.String(length=18), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_prestasi_lembar_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["app_user.id"], name=op.f("fk_prestasi_lembar_updated_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prestasi_lembar")),
        sa.UniqueConstraint("periode", "pegawai_id", name="uq_prestasi_lembar_periode_pegawai"),
    )
    with op.batch_alter_table("prestasi_lembar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prestasi_lembar_periode"), ["periode"], unique=False)
        batch_op.create_index(batch_op.f("ix_prestasi_lembar_pegawai_id"), ["pegawai_id"], unique=False)
    op.create_table(
        "prestasi_nilai",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lembar_id", sa.Integer(), nullable=False),
        sa.Column("kriteria_id", sa.Integer(), nullable=False),
        sa.Column("nilai", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kriteria_id"],
            ["prestasi_kriteria.id"],
            name=op.f("fk_prestasi_nilai_kriteria_id_prestasi_kriteria"),
        ),
        sa.ForeignKeyConstraint(
            ["lembar_id"], ["prestasi_lembar.id"], name=op.f("fk_prestasi_nilai_lembar_id_prestasi_lembar")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prestasi_nilai")),
        sa.UniqueConstraint("lembar_id", "kriteria_id", name="uq_prestasi_nilai_lembar_kriteria"),
    )
    with op.batch_alter_table("prestasi_nilai", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prestasi_nilai_lembar_id"), ["lembar_id"], unique=False)
    op.create_table(
        "prestasi_penetapan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("periode", sa.Date(), nullable=False),
        sa.Column("jumlah_penerima", sa.Integer(), nullable=False),
        sa.Column("nomor_sk", sa.String(length=100), nullable=False),
        sa.Column("tanggal_sk", sa.Date(), nullable=True),
        sa.Column("kriteria_json", sa.Text(), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("batal", sa.Boolean(), nullable=False),
        sa.Column("alasan_batal", sa.String(length=300), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_prestasi_penetapan_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prestasi_penetapan")),
    )
    with op.batch_alter_table("prestasi_penetapan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prestasi_penetapan_periode"), ["periode"], unique=False)
    op.create_table(
        "prestasi_hasil",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("penetapan_id", sa.Integer(), nullable=False),
        sa.Column("peringkat", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=300), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("golongan_ruang", sa.String(length=60), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("skor", sa.Integer(), nullable=False),
        sa.Column("nilai_json", sa.Text(), nullable=False),
        sa.Column("penentu", sa.String(length=300), nullable=False),
        sa.Column("penerima", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_prestasi_hasil_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["penetapan_id"],
            ["prestasi_penetapan.id"],
            name=op.f("fk_prestasi_hasil_penetapan_id_prestasi_penetapan"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prestasi_hasil")),
    )
    with op.batch_alter_table("prestasi_hasil", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prestasi_hasil_penetapan_id"), ["penetapan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_prestasi_hasil_pegawai_id"), ["pegawai_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("prestasi_hasil", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prestasi_hasil_pegawai_id"))
        batch_op.drop_index(batch_op.f("ix_prestasi_hasil_penetapan_id"))
    op.drop_table("prestasi_hasil")
    with op.batch_alter_table("prestasi_penetapan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prestasi_penetapan_periode"))
    op.drop_table("prestasi_penetapan")
    with op.batch_alter_table("prestasi_nilai", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prestasi_nilai_lembar_id"))
    op.drop_table("prestasi_nilai")
    with op.batch_alter_table("prestasi_lembar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prestasi_lembar_pegawai_id"))
        batch_op.drop_index(batch_op.f("ix_prestasi_lembar_periode"))
    op.drop_table("prestasi_lembar")
    op.drop_table("prestasi_kriteria")
