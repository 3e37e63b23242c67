"""Barang (BMD): kode barang, rooms, assets with golongan details, the mutation ledger, documents (BAST) with
their lines, attachments, masa manfaat / maintenance bands / capitalisation thresholds and inventarisasi.
New tables only; nothing existing changes.

Revision ID: 0013_barang_bmd
Revises: 0012_buku_tamu
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

import desktop.models.base

revision = "0013_barang_bmd"
down_revision = "0012_buku_tamu"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aset_ambang",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode_prefix", sa.String(length=30), nullable=False),
        sa.Column("mulai_tahun", sa.Integer(), nullable=False),
        sa.Column("nilai", sa.BigInteger(), nullable=False),
        sa.Column("catatan", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_ambang")),
        sa.UniqueConstraint("kode_prefix", "mulai_tahun", name="uq_aset_ambang_prefix_tahun"),
    )
    op.create_table(
        "aset_masa_manfaat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode_prefix", sa.String(length=30), nullable=False),
        sa.Column("uraian", sa.String(length=200), nullable=False),
        sa.Column("tahun", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_masa_manfaat")),
        sa.UniqueConstraint("kode_prefix", name=op.f("uq_aset_masa_manfaat_kode_prefix")),
    )
    op.create_table(
        "aset_pita_pemeliharaan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode_prefix", sa.String(length=30), nullable=False),
        sa.Column("batas_bawah", sa.SmallInteger(), nullable=False),
        sa.Column("batas_atas", sa.SmallInteger(), nullable=True),
        sa.Column("tambah_tahun", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_pita_pemeliharaan")),
        sa.UniqueConstraint("kode_prefix", "batas_bawah", name="uq_aset_pita_prefix_bawah"),
    )
    op.create_table(
        "kode_barang",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=30), nullable=False),
        sa.Column("uraian", sa.String(length=300), nullable=False),
        sa.Column("uraian_kunci", sa.String(length=300), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("golongan", sa.String(length=1), nullable=False),
        sa.Column("sumber", sa.String(length=10), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kode_barang")),
        sa.UniqueConstraint("kode", name=op.f("uq_kode_barang_kode")),
    )
    with op.batch_alter_table("kode_barang", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kode_barang_uraian_kunci"), ["uraian_kunci"], unique=False)

    op.create_table(
        "ruang",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=30), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("lokasi", sa.String(length=200), nullable=False),
        sa.Column("pj_pegawai_id", sa.Integer(), nullable=True),
        sa.Column("pj_nama", sa.String(length=200), nullable=False),
        sa.Column("pj_nip", sa.String(length=18), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("kir_berubah_at", desktop.models.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("kir_dicetak_at", desktop.models.base.AwareDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["pj_pegawai_id"], ["pegawai.id"], name=op.f("fk_ruang_pj_pegawai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ruang")),
        sa.UniqueConstraint("kode", name=op.f("uq_ruang_kode")),
    )
    op.create_table(
        "aset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nibar", sa.String(length=30), nullable=False),
        sa.Column("upb", sa.String(length=60), nullable=False),
        sa.Column("kode_barang", sa.String(length=30), nullable=False),
        sa.Column("register", sa.Integer(), nullable=False),
        sa.Column("golongan", sa.String(length=1), nullable=False),
        sa.Column("nama", sa.String(length=300), nullable=False),
        sa.Column("nama_kunci", sa.String(length=300), nullable=False),
        sa.Column("spesifikasi", sa.String(length=500), nullable=False),
        sa.Column("merk_tipe", sa.String(length=200), nullable=False),
        sa.Column("ukuran", sa.String(length=60), nullable=False),
        sa.Column("bahan", sa.String(length=100), nullable=False),
        sa.Column("satuan", sa.String(length=30), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("tanggal_perolehan", sa.Date(), nullable=True),
        sa.Column("harga_perolehan", sa.BigInteger(), nullable=False),
        sa.Column("harga", sa.BigInteger(), nullable=False),
        sa.Column("asal_usul", sa.String(length=60), nullable=False),
        sa.Column("dasar_jenis", sa.String(length=30), nullable=False),
        sa.Column("dasar_nomor", sa.String(length=200), nullable=False),
        sa.Column("dasar_tanggal", sa.Date(), nullable=True),
        sa.Column("kondisi", sa.SmallInteger(), nullable=False),
        sa.Column("intra", sa.Boolean(), nullable=False),
        sa.Column("intra_manual", sa.Boolean(), nullable=False),
        sa.Column("intra_catatan", sa.String(length=300), nullable=False),
        sa.Column("no_pabrik", sa.String(length=100), nullable=False),
        sa.Column("no_rangka", sa.String(length=100), nullable=False),
        sa.Column("no_mesin", sa.String(length=100), nullable=False),
        sa.Column("no_polisi", sa.String(length=30), nullable=False),
        sa.Column("no_bpkb", sa.String(length=60), nullable=False),
        sa.Column("tanah_id", sa.Integer(), nullable=True),
        sa.Column("ruang_id", sa.Integer(), nullable=True),
        sa.Column("pemegang_pegawai_id", sa.Integer(), nullable=True),
        sa.Column("pemegang_nama", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("keterangan", sa.String(length=500), nullable=False),
        sa.Column("created_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["pemegang_pegawai_id"], ["pegawai.id"], name=op.f("fk_aset_pemegang_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(["ruang_id"], ["ruang.id"], name=op.f("fk_aset_ruang_id_ruang")),
        sa.ForeignKeyConstraint(["tanah_id"], ["aset.id"], name=op.f("fk_aset_tanah_id_aset")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset")),
        sa.UniqueConstraint("nibar", name=op.f("uq_aset_nibar")),
        sa.UniqueConstraint("upb", "kode_barang", "register", name="uq_aset_upb_kode_register"),
    )
    with op.batch_alter_table("aset", schema=None) as batch_op:
        batch_op.create_index(
            "ix_aset_golongan_status", ["golongan", "status", "kode_barang", "register"], unique=False
        )
        batch_op.create_index(
            "ix_aset_status_kode", ["status", "kode_barang", "register", "id"], unique=False
        )
        batch_op.create_index("ix_aset_nama_kunci", ["nama_kunci"], unique=False)
        batch_op.create_index("ix_aset_no_pabrik", ["no_pabrik"], unique=False)
        batch_op.create_index("ix_aset_no_polisi", ["no_polisi"], unique=False)
        batch_op.create_index("ix_aset_no_rangka", ["no_rangka"], unique=False)
        batch_op.create_index("ix_aset_ruang", ["ruang_id", "status"], unique=False)

    op.create_table(
        "aset_dokumen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("nomor", sa.String(length=255), nullable=False),
        sa.Column("surat_keluar_id", sa.Integer(), nullable=True),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("pihak1_pegawai_id", sa.Integer(), nullable=True),
        sa.Column("pihak1_nama", sa.String(length=200), nullable=False),
        sa.Column("pihak1_nip", sa.String(length=18), nullable=False),
        sa.Column("pihak1_jabatan", sa.String(length=300), nullable=False),
        sa.Column("pihak2_pegawai_id", sa.Integer(), nullable=True),
        sa.Column("pihak2_nama", sa.String(length=200), nullable=False),
        sa.Column("pihak2_nip", sa.String(length=18), nullable=False),
        sa.Column("pihak2_jabatan", sa.String(length=300), nullable=False),
        sa.Column("mengetahui_nama", sa.String(length=200), nullable=False),
        sa.Column("mengetahui_nip", sa.String(length=18), nullable=False),
        sa.Column("mengetahui_jabatan", sa.String(length=300), nullable=False),
        sa.Column("tujuan_ruang_id", sa.Integer(), nullable=True),
        sa.Column("tujuan_unit", sa.String(length=200), nullable=False),
        sa.Column("dasar_jenis", sa.String(length=30), nullable=False),
        sa.Column("dasar_nomor", sa.String(length=200), nullable=False),
        sa.Column("dasar_tanggal", sa.Date(), nullable=True),
        sa.Column("penyedia", sa.String(length=200), nullable=False),
        sa.Column("kelengkapan", sa.Text(), nullable=False),
        sa.Column("rangkap", sa.SmallInteger(), nullable=False),
        sa.Column("kertas", sa.String(length=10), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("cetak_count", sa.Integer(), nullable=False),
        sa.Column("dicetak_at", desktop.models.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("final_at", desktop.models.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("final_by", sa.Integer(), nullable=True),
        sa.Column("batal_alasan", sa.String(length=400), nullable=False),
        sa.Column("created_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_aset_dokumen_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["final_by"], ["app_user.id"], name=op.f("fk_aset_dokumen_final_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["pihak1_pegawai_id"], ["pegawai.id"], name=op.f("fk_aset_dokumen_pihak1_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["pihak2_pegawai_id"], ["pegawai.id"], name=op.f("fk_aset_dokumen_pihak2_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["tujuan_ruang_id"], ["ruang.id"], name=op.f("fk_aset_dokumen_tujuan_ruang_id_ruang")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_dokumen")),
    )
    with op.batch_alter_table("aset_dokumen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aset_dokumen_nomor"), ["nomor"], unique=False)
        batch_op.create_index("ix_aset_dokumen_status", ["status", "tanggal"], unique=False)

    op.create_table(
        "inventarisasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("cakupan", sa.String(length=10), nullable=False),
        sa.Column("ruang_id", sa.Integer(), nullable=True),
        sa.Column("golongan", sa.String(length=1), nullable=False),
        sa.Column("sk_nomor", sa.String(length=200), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_inventarisasi_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(["ruang_id"], ["ruang.id"], name=op.f("fk_inventarisasi_ruang_id_ruang")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventarisasi")),
    )
    op.create_table(
        "aset_dokumen_baris",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dokumen_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aset_id", sa.Integer(), nullable=True),
        sa.Column("kode_barang", sa.String(length=30), nullable=False),
        sa.Column("register_text", sa.String(length=60), nullable=False),
        sa.Column("nama", sa.String(length=300), nullable=False),
        sa.Column("merk_tipe", sa.String(length=300), nullable=False),
        sa.Column("spesifikasi", sa.String(length=500), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("jumlah", sa.Integer(), nullable=False),
        sa.Column("satuan", sa.String(length=30), nullable=False),
        sa.Column("harga_satuan", sa.BigInteger(), nullable=False),
        sa.Column("nilai", sa.BigInteger(), nullable=False),
        sa.Column("kondisi", sa.SmallInteger(), nullable=False),
        sa.Column("keterangan", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["aset_id"], ["aset.id"], name=op.f("fk_aset_dokumen_baris_aset_id_aset")),
        sa.ForeignKeyConstraint(
            ["dokumen_id"], ["aset_dokumen.id"], name=op.f("fk_aset_dokumen_baris_dokumen_id_aset_dokumen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_dokumen_baris")),
    )
    with op.batch_alter_table("aset_dokumen_baris", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aset_dokumen_baris_aset_id"), ["aset_id"], unique=False)
        batch_op.create_index("ix_aset_dokumen_baris_dokumen", ["dokumen_id", "urutan"], unique=False)

    op.create_table(
        "aset_lampiran",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aset_id", sa.Integer(), nullable=True),
        sa.Column("dokumen_id", sa.Integer(), nullable=True),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("nama_berkas", sa.String(length=255), nullable=False),
        sa.Column("nama_asli", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=60), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("konten", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["aset_id"], ["aset.id"], name=op.f("fk_aset_lampiran_aset_id_aset")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_aset_lampiran_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["dokumen_id"], ["aset_dokumen.id"], name=op.f("fk_aset_lampiran_dokumen_id_aset_dokumen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_lampiran")),
    )
    with op.batch_alter_table("aset_lampiran", schema=None) as batch_op:
        batch_op.create_index("ix_aset_lampiran_aset", ["aset_id"], unique=False)
        batch_op.create_index("ix_aset_lampiran_dokumen", ["dokumen_id"], unique=False)

    op.create_table(
        "aset_mutasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aset_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("dokumen_id", sa.Integer(), nullable=True),
        sa.Column("dokumen_jenis", sa.String(length=30), nullable=False),
        sa.Column("dokumen_nomor", sa.String(length=255), nullable=False),
        sa.Column("dokumen_tanggal", sa.Date(), nullable=True),
        sa.Column("sebelum", sa.Text(), nullable=False),
        sa.Column("sesudah", sa.Text(), nullable=False),
        sa.Column("nilai", sa.BigInteger(), nullable=False),
        sa.Column("keterangan", sa.String(length=500), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("created_at", desktop.models.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["aset_id"], ["aset.id"], name=op.f("fk_aset_mutasi_aset_id_aset")),
        sa.ForeignKeyConstraint(
            ["dokumen_id"], ["aset_dokumen.id"], name=op.f("fk_aset_mutasi_dokumen_id_aset_dokumen")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_aset_mutasi_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aset_mutasi")),
    )
    with op.batch_alter_table("aset_mutasi", schema=None) as batch_op:
        batch_op.create_index("ix_aset_mutasi_aset", ["aset_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aset_mutasi_dokumen_id"), ["dokumen_id"], unique=False)
        batch_op.create_index("ix_aset_mutasi_tanggal", ["tanggal", "jenis"], unique=False)

    op.create_table(
        "aset_rincian",
        sa.Column("aset_id", sa.Integer(), nullable=False),
        sa.Column("luas", sa.String(length=40), nullable=False),
        sa.Column("letak", sa.String(length=400), nullable=False),
        sa.Column("hak", sa.String(length=60), nullable=False),
        sa.Column("sertifikat_tanggal", sa.Date(), nullable=True),
        sa.Column("sertifikat_nomor", sa.String(length=100), nullable=False),
        sa.Column("penggunaan", sa.String(length=200), nullable=False),
        sa.Column("bertingkat", sa.Boolean(), nullable=True),
        sa.Column("beton", sa.Boolean(), nullable=True),
        sa.Column("luas_lantai", sa.String(length=40), nullable=False),
        sa.Column("dokumen_tanggal", sa.Date(), nullable=True),
        sa.Column("dokumen_nomor", sa.String(length=100), nullable=False),
        sa.Column("status_tanah", sa.String(length=100), nullable=False),
        sa.Column("bangunan", sa.String(length=2), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=True),
        sa.Column("nilai_kontrak", sa.BigInteger(), nullable=True),
        sa.Column("konstruksi", sa.String(length=100), nullable=False),
        sa.Column("panjang_km", sa.String(length=40), nullable=False),
        sa.Column("lebar_m", sa.String(length=40), nullable=False),
        sa.Column("judul_pencipta", sa.String(length=300), nullable=False),
        sa.Column("buku_spesifikasi", sa.String(length=300), nullable=False),
        sa.Column("seni_asal_daerah", sa.String(length=200), nullable=False),
        sa.Column("seni_pencipta", sa.String(length=200), nullable=False),
        sa.Column("seni_bahan", sa.String(length=200), nullable=False),
        sa.Column("hewan_jenis", sa.String(length=200), nullable=False),
        sa.Column("hewan_ukuran", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["aset_id"], ["aset.id"], name=op.f("fk_aset_rincian_aset_id_aset")),
        sa.PrimaryKeyConstraint("aset_id", name=op.f("pk_aset_rincian")),
    )
    op.create_table(
        "inventarisasi_baris",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inventarisasi_id", sa.Integer(), nullable=False),
        sa.Column("aset_id", sa.Integer(), nullable=True),
        sa.Column("ruang_id", sa.Integer(), nullable=True),
        sa.Column("keberadaan", sa.String(length=20), nullable=False),
        sa.Column("kondisi", sa.SmallInteger(), nullable=True),
        sa.Column("penggunaan", sa.String(length=30), nullable=False),
        sa.Column("spesifikasi_sesuai", sa.Boolean(), nullable=True),
        sa.Column("tercatat_ganda", sa.Boolean(), nullable=False),
        sa.Column("temuan_kode", sa.String(length=30), nullable=False),
        sa.Column("temuan_nama", sa.String(length=300), nullable=False),
        sa.Column("temuan_merk", sa.String(length=200), nullable=False),
        sa.Column("temuan_jumlah", sa.Integer(), nullable=False),
        sa.Column("catatan", sa.String(length=500), nullable=False),
        sa.Column("tindak_lanjut", sa.String(length=30), nullable=False),
        sa.Column("dicek_at", desktop.models.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("dicek_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["aset_id"], ["aset.id"], name=op.f("fk_inventarisasi_baris_aset_id_aset")),
        sa.ForeignKeyConstraint(
            ["dicek_by"], ["app_user.id"], name=op.f("fk_inventarisasi_baris_dicek_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["inventarisasi_id"],
            ["inventarisasi.id"],
            name=op.f("fk_inventarisasi_baris_inventarisasi_id_inventarisasi"),
        ),
        sa.ForeignKeyConstraint(
            ["ruang_id"], ["ruang.id"], name=op.f("fk_inventarisasi_baris_ruang_id_ruang")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventarisasi_baris")),
        sa.UniqueConstraint("inventarisasi_id", "aset_id", name="uq_inventarisasi_baris_aset"),
    )
    with op.batch_alter_table("inventarisasi_baris", schema=None) as batch_op:
        batch_op.create_index("ix_inventarisasi_baris_ruang", ["inventarisasi_id", "ruang_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inventarisasi_baris", schema=None) as batch_op:
        batch_op.drop_index("ix_inventarisasi_baris_ruang")

    op.drop_table("inventarisasi_baris")
    op.drop_table("aset_rincian")
    with op.batch_alter_table("aset_mutasi", schema=None) as batch_op:
        batch_op.drop_index("ix_aset_mutasi_tanggal")
        batch_op.drop_index(batch_op.f("ix_aset_mutasi_dokumen_id"))
        batch_op.drop_index("ix_aset_mutasi_aset")

    op.drop_table("aset_mutasi")
    with op.batch_alter_table("aset_lampiran", schema=None) as batch_op:
        batch_op.drop_index("ix_aset_lampiran_dokumen")
        batch_op.drop_index("ix_aset_lampiran_aset")

    op.drop_table("aset_lampiran")
    with op.batch_alter_table("aset_dokumen_baris", schema=None) as batch_op:
        batch_op.drop_index("ix_aset_dokumen_baris_dokumen")
        batch_op.drop_index(batch_op.f("ix_aset_dokumen_baris_aset_id"))

    op.drop_table("aset_dokumen_baris")
    op.drop_table("inventarisasi")
    with op.batch_alter_table("aset_dokumen", schema=None) as batch_op:
        batch_op.drop_index("ix_aset_dokumen_status")
        batch_op.drop_index(batch_op.f("ix_aset_dokumen_nomor"))

    op.drop_table("aset_dokumen")
    with op.batch_alter_table("aset", schema=None) as batch_op:
        batch_op.drop_index("ix_aset_ruang")
        batch_op.drop_index("ix_aset_no_rangka")
        batch_op.drop_index("ix_aset_no_polisi")
        batch_op.drop_index("ix_aset_no_pabrik")
        batch_op.drop_index("ix_aset_nama_kunci")
        batch_op.drop_index("ix_aset_status_kode")
        batch_op.drop_index("ix_aset_golongan_status")

    op.drop_table("aset")
    op.drop_table("ruang")
    with op.batch_alter_table("kode_barang", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kode_barang_uraian_kunci"))

    op.drop_table("kode_barang")
    op.drop_table("aset_pita_pemeliharaan")
    op.drop_table("aset_masa_manfaat")
    op.drop_table("aset_ambang")
