"""Buku Tamu: guests, visits with their queue ticket and timestamps, kartu tamu with history, keperluan and
queue services, and the anonymous SKM answers with their RTL rows. New tables only; nothing existing changes.

Revision ID: 0012_buku_tamu
Revises: 0011_pegawai_kedudukan_eselon
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0012_buku_tamu"
down_revision = "0011_pegawai_kedudukan_eselon"
branch_labels = None
depends_on = None

TABLES = (
    "kartu_tamu_riwayat",
    "kunjungan",
    "skm_respons",
    "tamu_keperluan",
    "tamu_layanan",
    "tamu",
    "skm_rtl",
    "kartu_tamu",
)


def upgrade() -> None:
    op.create_table(
        "kartu_tamu",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomor", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("kunjungan_id", sa.Integer(), nullable=True),
        sa.Column("keterangan", sa.String(length=200), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kartu_tamu")),
        sa.UniqueConstraint("nomor", name=op.f("uq_kartu_tamu_nomor")),
    )
    op.create_table(
        "skm_rtl",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("periode", sa.String(length=40), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("unsur", sa.String(length=3), nullable=False),
        sa.Column("program", sa.String(length=400), nullable=False),
        sa.Column("waktu", sa.String(length=100), nullable=False),
        sa.Column("penanggung_jawab", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skm_rtl")),
    )
    with op.batch_alter_table("skm_rtl", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skm_rtl_periode"), ["periode"], unique=False)

    op.create_table(
        "tamu",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("nama_kunci", sa.String(length=200), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("no_hp", sa.String(length=30), nullable=False),
        sa.Column("hp_kunci", sa.String(length=30), nullable=False),
        sa.Column("instansi", sa.String(length=200), nullable=False),
        sa.Column("alamat", sa.String(length=400), nullable=False),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("terakhir_datang", sa.Date(), nullable=True),
        sa.Column("anonim_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("created_at", AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tamu")),
    )
    with op.batch_alter_table("tamu", schema=None) as batch_op:
        batch_op.create_index("ix_tamu_hp_kunci", ["hp_kunci", "anonim_at", "terakhir_datang"], unique=False)
        batch_op.create_index(
            "ix_tamu_nama_kunci", ["nama_kunci", "anonim_at", "terakhir_datang"], unique=False
        )
        batch_op.create_index("ix_tamu_nik", ["nik"], unique=False)

    op.create_table(
        "tamu_layanan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=3), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tamu_layanan")),
        sa.UniqueConstraint("prefix", name=op.f("uq_tamu_layanan_prefix")),
    )
    op.create_table(
        "tamu_keperluan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("layanan_id", sa.Integer(), nullable=True),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layanan_id"], ["tamu_layanan.id"], name=op.f("fk_tamu_keperluan_layanan_id_tamu_layanan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tamu_keperluan")),
        sa.UniqueConstraint("nama", name=op.f("uq_tamu_keperluan_nama")),
    )
    op.create_table(
        "skm_respons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("jam", sa.String(length=5), nullable=False),
        sa.Column("sumber", sa.String(length=10), nullable=False),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("usia", sa.SmallInteger(), nullable=True),
        sa.Column("pendidikan", sa.String(length=20), nullable=False),
        sa.Column("pekerjaan", sa.String(length=30), nullable=False),
        sa.Column("jenis_layanan", sa.String(length=120), nullable=False),
        sa.Column("u1", sa.SmallInteger(), nullable=True),
        sa.Column("u2", sa.SmallInteger(), nullable=True),
        sa.Column("u3", sa.SmallInteger(), nullable=True),
        sa.Column("u4", sa.SmallInteger(), nullable=True),
        sa.Column("u5", sa.SmallInteger(), nullable=True),
        sa.Column("u6", sa.SmallInteger(), nullable=True),
        sa.Column("u7", sa.SmallInteger(), nullable=True),
        sa.Column("u8", sa.SmallInteger(), nullable=True),
        sa.Column("u9", sa.SmallInteger(), nullable=True),
        sa.Column("saran", sa.Text(), nullable=False),
        sa.Column("imported_file_id", sa.Integer(), nullable=True),
        sa.Column("created_at", AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["imported_file_id"],
            ["imported_file.id"],
            name=op.f("fk_skm_respons_imported_file_id_imported_file"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skm_respons")),
    )
    with op.batch_alter_table("skm_respons", schema=None) as batch_op:
        batch_op.create_index("ix_skm_respons_tanggal", ["tanggal"], unique=False)

    op.create_table(
        "kunjungan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tamu_id", sa.Integer(), nullable=True),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("layanan_id", sa.Integer(), nullable=True),
        sa.Column("antrian", sa.Integer(), nullable=True),
        sa.Column("tiket", sa.String(length=10), nullable=False),
        sa.Column("loket", sa.String(length=30), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("no_hp", sa.String(length=30), nullable=False),
        sa.Column("instansi", sa.String(length=200), nullable=False),
        sa.Column("alamat", sa.String(length=400), nullable=False),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("jumlah_orang", sa.SmallInteger(), nullable=False),
        sa.Column("keperluan", sa.String(length=120), nullable=False),
        sa.Column("keterangan", sa.String(length=400), nullable=False),
        sa.Column("tujuan_unit_id", sa.Integer(), nullable=True),
        sa.Column("tujuan_pegawai_id", sa.Integer(), nullable=True),
        sa.Column("tujuan", sa.String(length=300), nullable=False),
        sa.Column("bertemu", sa.String(length=200), nullable=False),
        sa.Column("identitas_jenis", sa.String(length=20), nullable=False),
        sa.Column("identitas_nomor", sa.String(length=40), nullable=False),
        sa.Column("identitas_dititip", sa.Boolean(), nullable=False),
        sa.Column("identitas_kembali_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("kartu_id", sa.Integer(), nullable=True),
        sa.Column("kartu_nomor", sa.String(length=20), nullable=False),
        sa.Column("kartu_kembali_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("persetujuan", sa.String(length=10), nullable=False),
        sa.Column("persetujuan_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("kode_registrasi", sa.String(length=12), nullable=True),
        sa.Column("survei_token", sa.String(length=40), nullable=True),
        sa.Column("survei_dipakai_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("datang_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("dipanggil_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("dilayani_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("selesai_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("pulang_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("petugas_datang", sa.String(length=60), nullable=False),
        sa.Column("petugas_pulang", sa.String(length=60), nullable=False),
        sa.Column("alasan_batal", sa.String(length=300), nullable=False),
        sa.Column("anonim_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("created_at", AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["kartu_id"], ["kartu_tamu.id"], name=op.f("fk_kunjungan_kartu_id_kartu_tamu")
        ),
        sa.ForeignKeyConstraint(
            ["layanan_id"], ["tamu_layanan.id"], name=op.f("fk_kunjungan_layanan_id_tamu_layanan")
        ),
        sa.ForeignKeyConstraint(["tamu_id"], ["tamu.id"], name=op.f("fk_kunjungan_tamu_id_tamu")),
        sa.ForeignKeyConstraint(
            ["tujuan_pegawai_id"], ["pegawai.id"], name=op.f("fk_kunjungan_tujuan_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["tujuan_unit_id"], ["org_unit.id"], name=op.f("fk_kunjungan_tujuan_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kunjungan")),
        sa.UniqueConstraint("kode_registrasi", name=op.f("uq_kunjungan_kode_registrasi")),
        sa.UniqueConstraint("layanan_id", "tanggal", "antrian", name="uq_kunjungan_layanan_tanggal_antrian"),
        sa.UniqueConstraint("survei_token", name=op.f("uq_kunjungan_survei_token")),
    )
    with op.batch_alter_table("kunjungan", schema=None) as batch_op:
        batch_op.create_index("ix_kunjungan_pulang_at", ["pulang_at"], unique=False)
        batch_op.create_index("ix_kunjungan_tamu_id", ["tamu_id"], unique=False)
        batch_op.create_index("ix_kunjungan_tanggal_status", ["tanggal", "status"], unique=False)

    op.create_table(
        "kartu_tamu_riwayat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kartu_id", sa.Integer(), nullable=False),
        sa.Column("kunjungan_id", sa.Integer(), nullable=True),
        sa.Column("aksi", sa.String(length=20), nullable=False),
        sa.Column("at", AwareDateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("keterangan", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["kartu_id"], ["kartu_tamu.id"], name=op.f("fk_kartu_tamu_riwayat_kartu_id_kartu_tamu")
        ),
        sa.ForeignKeyConstraint(
            ["kunjungan_id"], ["kunjungan.id"], name=op.f("fk_kartu_tamu_riwayat_kunjungan_id_kunjungan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kartu_tamu_riwayat")),
    )
    with op.batch_alter_table("kartu_tamu_riwayat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kartu_tamu_riwayat_kartu_id"), ["kartu_id"], unique=False)


def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)
