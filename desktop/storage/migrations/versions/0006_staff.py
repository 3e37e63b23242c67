"""Kepegawaian: pegawai, append-only riwayat (pangkat, KGB, jabatan, pendidikan, hukdis, penundaan KGB, cuti)
and the kept status of deadlines.

Revision ID: 0006_staff
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0006_staff"
down_revision = "0005"
branch_labels = None
depends_on = None

RIWAYAT_TABLES = (
    "riwayat_pangkat",
    "riwayat_kgb",
    "riwayat_jabatan",
    "riwayat_pendidikan",
    "riwayat_hukdis",
    "riwayat_penundaan_kgb",
    "riwayat_cuti",
)


def _riwayat(name: str, *columns: sa.Column, fks: tuple[sa.ForeignKeyConstraint, ...] = ()) -> None:
    """A riwayat table: the SK columns, the kind's own columns, who recorded it and the correction link."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("nomor_sk", sa.String(length=100), nullable=False),
        sa.Column("tanggal_sk", sa.Date(), nullable=True),
        *columns,
        sa.Column("alasan_koreksi", sa.String(length=300), nullable=False),
        sa.Column("batal", sa.Boolean(), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("koreksi_atas_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f(f"fk_{name}_created_by_app_user")),
        sa.ForeignKeyConstraint(
            ["koreksi_atas_id"], [f"{name}.id"], name=op.f(f"fk_{name}_koreksi_atas_id_{name}")
        ),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name=op.f(f"fk_{name}_pegawai_id_pegawai")),
        *fks,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("koreksi_atas_id", name=op.f(f"uq_{name}_koreksi_atas_id")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_pegawai_id"), ["pegawai_id"], unique=False)


def _mkg() -> tuple[sa.Column, sa.Column]:
    return (
        sa.Column("mkg_tahun", sa.Integer(), nullable=False),
        sa.Column("mkg_bulan", sa.Integer(), nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "pegawai",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("nip_lama", sa.String(length=9), nullable=False),
        sa.Column("pns_id", sa.String(length=64), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("gelar_depan", sa.String(length=60), nullable=False),
        sa.Column("gelar_belakang", sa.String(length=100), nullable=False),
        sa.Column("tempat_lahir", sa.String(length=100), nullable=False),
        sa.Column("tanggal_lahir", sa.Date(), nullable=False),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("akhir_kontrak", sa.Date(), nullable=True),
        sa.Column("tmt_cpns", sa.Date(), nullable=True),
        sa.Column("tmt_pns", sa.Date(), nullable=True),
        sa.Column("golongan_ruang", sa.String(length=10), nullable=False),
        sa.Column("tmt_golongan", sa.Date(), nullable=True),
        *_mkg(),
        sa.Column("kgb_tmt", sa.Date(), nullable=True),
        sa.Column("kgb_golongan_ruang", sa.String(length=10), nullable=False),
        sa.Column("kgb_mkg_tahun", sa.Integer(), nullable=False),
        sa.Column("kgb_mkg_bulan", sa.Integer(), nullable=False),
        sa.Column("jenis_jabatan", sa.String(length=20), nullable=False),
        sa.Column("jenjang", sa.String(length=30), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("tmt_jabatan", sa.Date(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("unor", sa.String(length=300), nullable=False),
        sa.Column("pendidikan_terakhir", sa.String(length=60), nullable=False),
        sa.Column("bup_kode", sa.String(length=30), nullable=False),
        sa.Column("foto", sa.LargeBinary(), nullable=True),
        sa.Column("foto_sha256", sa.String(length=64), nullable=True),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("alasan_nonaktif", sa.String(length=300), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_pegawai_created_by_app_user")),
        sa.ForeignKeyConstraint(["unit_id"], ["org_unit.id"], name=op.f("fk_pegawai_unit_id_org_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pegawai")),
        sa.UniqueConstraint("nip", name=op.f("uq_pegawai_nip")),
    )
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pegawai_aktif"), ["aktif"], unique=False)
        batch_op.create_index(batch_op.f("ix_pegawai_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "jadwal_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_by_name", sa.String(length=60), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_jadwal_status_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["app_user.id"], name=op.f("fk_jadwal_status_updated_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jadwal_status")),
        sa.UniqueConstraint("pegawai_id", "jenis", "tanggal", name="uq_jadwal_status_pegawai_jenis_tanggal"),
    )
    with op.batch_alter_table("jadwal_status", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jadwal_status_pegawai_id"), ["pegawai_id"], unique=False)

    _riwayat(
        "riwayat_pangkat",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("golongan_ruang", sa.String(length=10), nullable=False),
        *_mkg(),
        sa.Column("jenis", sa.String(length=30), nullable=False),
    )
    _riwayat(
        "riwayat_kgb",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("golongan_ruang", sa.String(length=10), nullable=False),
        *_mkg(),
        sa.Column("gaji_pokok", sa.Integer(), nullable=False),
    )
    _riwayat(
        "riwayat_jabatan",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("jenis_jabatan", sa.String(length=20), nullable=False),
        sa.Column("jenjang", sa.String(length=30), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("unor", sa.String(length=300), nullable=False),
        fks=(
            sa.ForeignKeyConstraint(
                ["unit_id"], ["org_unit.id"], name=op.f("fk_riwayat_jabatan_unit_id_org_unit")
            ),
        ),
    )
    _riwayat(
        "riwayat_pendidikan",
        sa.Column("tmt", sa.Date(), nullable=True),
        sa.Column("tingkat", sa.String(length=60), nullable=False),
        sa.Column("jurusan", sa.String(length=200), nullable=False),
        sa.Column("nama_sekolah", sa.String(length=200), nullable=False),
        sa.Column("tahun_lulus", sa.Integer(), nullable=True),
    )
    _riwayat(
        "riwayat_hukdis",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("tingkat", sa.String(length=10), nullable=False),
        sa.Column("jenis", sa.String(length=200), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=True),
    )
    _riwayat(
        "riwayat_penundaan_kgb",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("bulan", sa.Integer(), nullable=False),
    )
    _riwayat(
        "riwayat_cuti",
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("hari_kerja", sa.Integer(), nullable=False),
        sa.Column("keputusan", sa.String(length=20), nullable=False),
        sa.Column("referensi", sa.String(length=100), nullable=False),
    )

    # Riwayat is append-only at the database level too (design.md §3): corrections are new rows.
    message = "riwayat hanya boleh ditambah (append-only); koreksi dicatat sebagai entri baru"
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION riwayat_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        for table in RIWAYAT_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION riwayat_append_only()"
            )
    else:
        for table in RIWAYAT_TABLES:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in reversed(RIWAYAT_TABLES):
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_pegawai_id"))
        op.drop_table(table)
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS riwayat_append_only()")
    with op.batch_alter_table("jadwal_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jadwal_status_pegawai_id"))
    op.drop_table("jadwal_status")
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pegawai_unit_id"))
        batch_op.drop_index(batch_op.f("ix_pegawai_aktif"))
    op.drop_table("pegawai")
