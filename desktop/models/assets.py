"""ORM classes of Barang (BMD): kode barang, rooms, assets with their golongan details, the append-only
mutation ledger, documents (BAST) with their lines, attachments, the editable rule tables and inventarisasi."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core import clock
from desktop.models.base import AwareDateTime, Base


class KodeBarang(Base):
    """One row of the Permendagri 108/2016 list (R1-R3): ``1.3.2.10.01.02.002`` Laptop, level 7, KIB B.

    Codes have fixed segment widths, so the text sorts in tree order. ``sumber`` tells where a row came from:
    ``seed`` (shipped list), ``impor`` (the BPKAD's xlsx) or ``pengguna`` (a well-formed code missing from
    the list, accepted with a warning and named from the row that used it).
    """

    __tablename__ = "kode_barang"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode: Mapped[str] = mapped_column(String(30), unique=True)
    uraian: Mapped[str] = mapped_column(String(300))
    uraian_kunci: Mapped[str] = mapped_column(String(300), default="", index=True)  # case-folded, for search
    level: Mapped[int] = mapped_column(SmallInteger)
    golongan: Mapped[str] = mapped_column(String(1), default="")  # A-F under 1.3.1-1.3.6, else ""
    sumber: Mapped[str] = mapped_column(String(10), default="seed")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class Ruang(Base):
    """A room of the KIR (R12) with its penanggung jawab (a pegawai, or a name typed in)."""

    __tablename__ = "ruang"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode: Mapped[str] = mapped_column(String(30), unique=True)
    nama: Mapped[str] = mapped_column(String(200))
    lokasi: Mapped[str] = mapped_column(String(200), default="")  # gedung / lantai
    pj_pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), nullable=True)
    pj_nama: Mapped[str] = mapped_column(String(200), default="")
    pj_nip: Mapped[str] = mapped_column(String(18), default="")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    # Beranda: rooms whose KIR changed since it was last printed.
    kir_berubah_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    kir_dicetak_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)


class Aset(Base):
    """One unit (one register) of a fixed asset (R4, R11): the current state, kept by the services in the same
    transaction as the mutation row (``AsetMutasi``) that explains each change.

    ``nibar`` never changes (R5); ``kode_barang`` and ``register`` may (reklas/koreksi, with history). Money is
    whole Rupiah. ``harga`` is the acquisition value including capitalised additions; ``harga_perolehan`` the
    value when first recorded. Golongan-specific fields live in ``AsetRincian``.
    """

    __tablename__ = "aset"
    __table_args__ = (
        UniqueConstraint("upb", "kode_barang", "register", name="uq_aset_upb_kode_register"),
        Index("ix_aset_golongan_status", "golongan", "status", "kode_barang", "register"),
        # The unfiltered list in KIB order: without it SQLite sorts every row for the first page (bench).
        Index("ix_aset_status_kode", "status", "kode_barang", "register", "id"),
        Index("ix_aset_ruang", "ruang_id", "status"),
        Index("ix_aset_register", "register"),  # a number typed in the search: register or NIBAR
        Index("ix_aset_no_pabrik", "no_pabrik"),
        Index("ix_aset_no_rangka", "no_rangka"),
        Index("ix_aset_no_polisi", "no_polisi"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nibar: Mapped[str] = mapped_column(String(30), unique=True)
    upb: Mapped[str] = mapped_column(String(60), default="")  # "" = the office's own UPB (kode lokasi)
    kode_barang: Mapped[str] = mapped_column(String(30))
    register: Mapped[int] = mapped_column(Integer)
    golongan: Mapped[str] = mapped_column(String(1))  # A-F, from the kode (R2)
    nama: Mapped[str] = mapped_column(String(300))
    nama_kunci: Mapped[str] = mapped_column(String(300), default="")  # case-folded nama + merk, for search
    spesifikasi: Mapped[str] = mapped_column(String(500), default="")
    merk_tipe: Mapped[str] = mapped_column(String(200), default="")
    ukuran: Mapped[str] = mapped_column(String(60), default="")  # ukuran / CC
    bahan: Mapped[str] = mapped_column(String(100), default="")
    satuan: Mapped[str] = mapped_column(String(30), default="Unit")
    tahun: Mapped[int] = mapped_column(Integer)  # tahun perolehan / pembelian
    tanggal_perolehan: Mapped[date | None] = mapped_column(Date, nullable=True)
    harga_perolehan: Mapped[int] = mapped_column(BigInteger, default=0)
    harga: Mapped[int] = mapped_column(BigInteger, default=0)
    asal_usul: Mapped[str] = mapped_column(String(60), default="Pembelian")
    dasar_jenis: Mapped[str] = mapped_column(String(30), default="")  # Kontrak / BAST / SP2D / SK …
    dasar_nomor: Mapped[str] = mapped_column(String(200), default="")
    dasar_tanggal: Mapped[date | None] = mapped_column(Date, nullable=True)
    kondisi: Mapped[int] = mapped_column(
        SmallInteger, default=1
    )  # 1 Baik, 2 Rusak Ringan, 3 Rusak Berat (R23)
    intra: Mapped[bool] = mapped_column(Boolean, default=True)  # intrakomptabel; False: ekstrakomptabel (R27)
    intra_manual: Mapped[bool] = mapped_column(Boolean, default=False)  # the flag was overridden by hand
    intra_catatan: Mapped[str] = mapped_column(String(300), default="")
    # KIB B numbers (R6: items with their own numbers always print one per row).
    no_pabrik: Mapped[str] = mapped_column(String(100), default="")
    no_rangka: Mapped[str] = mapped_column(String(100), default="")
    no_mesin: Mapped[str] = mapped_column(String(100), default="")
    no_polisi: Mapped[str] = mapped_column(String(30), default="")
    no_bpkb: Mapped[str] = mapped_column(String(60), default="")
    # Nomor Kode Tanah of KIB C/D/F (R10): the KIB A parcel, a foreign key, not free text.
    tanah_id: Mapped[int | None] = mapped_column(ForeignKey("aset.id"), nullable=True)
    ruang_id: Mapped[int | None] = mapped_column(ForeignKey("ruang.id"), nullable=True)
    pemegang_pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), nullable=True)
    pemegang_nama: Mapped[str] = mapped_column(String(200), default="")  # snapshot from the last BAST
    unit: Mapped[str] = mapped_column(String(200), default="")  # unit kerja using it (BAST to a unit)
    status: Mapped[str] = mapped_column(String(10), default="aktif")  # aktif / dihapus
    keterangan: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class AsetRincian(Base):
    """The golongan-specific columns of ``reference/kib_kir_columns.csv`` (KIB A, C, D, E, F), one row per
    asset that has any. Lengths and areas are text as written on the card (``1.250,5``)."""

    __tablename__ = "aset_rincian"

    aset_id: Mapped[int] = mapped_column(ForeignKey("aset.id"), primary_key=True)
    # KIB A
    luas: Mapped[str] = mapped_column(String(40), default="")  # M2 (tanah, KIB A/C tanah, KIB D, KIB F)
    letak: Mapped[str] = mapped_column(String(400), default="")  # letak / alamat (A, C, D, F)
    hak: Mapped[str] = mapped_column(String(60), default="")  # Hak Pakai / Hak Pengelolaan
    sertifikat_tanggal: Mapped[date | None] = mapped_column(Date, nullable=True)
    sertifikat_nomor: Mapped[str] = mapped_column(String(100), default="")
    penggunaan: Mapped[str] = mapped_column(String(200), default="")
    # KIB C / F
    bertingkat: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    beton: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    luas_lantai: Mapped[str] = mapped_column(String(40), default="")
    dokumen_tanggal: Mapped[date | None] = mapped_column(Date, nullable=True)  # C, D, F
    dokumen_nomor: Mapped[str] = mapped_column(String(100), default="")
    status_tanah: Mapped[str] = mapped_column(String(100), default="")  # C, D, F
    bangunan: Mapped[str] = mapped_column(String(2), default="")  # F: P / SP / D
    tanggal_mulai: Mapped[date | None] = mapped_column(Date, nullable=True)  # F
    nilai_kontrak: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # F
    # KIB D
    konstruksi: Mapped[str] = mapped_column(String(100), default="")
    panjang_km: Mapped[str] = mapped_column(String(40), default="")
    lebar_m: Mapped[str] = mapped_column(String(40), default="")
    # KIB E
    judul_pencipta: Mapped[str] = mapped_column(String(300), default="")
    buku_spesifikasi: Mapped[str] = mapped_column(String(300), default="")
    seni_asal_daerah: Mapped[str] = mapped_column(String(200), default="")
    seni_pencipta: Mapped[str] = mapped_column(String(200), default="")
    seni_bahan: Mapped[str] = mapped_column(String(200), default="")
    hewan_jenis: Mapped[str] = mapped_column(String(200), default="")
    hewan_ukuran: Mapped[str] = mapped_column(String(100), default="")


class AsetDokumen(Base):
    """A document that changes items (R28): BAST penyerahan / pengembalian / pengamanan / penerimaan, and the
    BA of koreksi, reklasifikasi, penghapusan. Draft until printed and marked final (R18); a final document is
    never edited: a correction is a new document (R29).

    Party data (nama, NIP, jabatan) is a snapshot taken when the document is saved (R16).
    ``surat_keluar_id`` is the number taken from a series of the letters module (R28), shown in its buku agenda.
    """

    __tablename__ = "aset_dokumen"
    __table_args__ = (Index("ix_aset_dokumen_status", "status", "tanggal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20))  # penyerahan / pengembalian / pengamanan / penerimaan / …
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft / dicetak / final / batal
    nomor: Mapped[str] = mapped_column(String(255), default="", index=True)
    surat_keluar_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tanggal: Mapped[date] = mapped_column(Date)
    pihak1_pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), nullable=True)
    pihak1_nama: Mapped[str] = mapped_column(String(200), default="")
    pihak1_nip: Mapped[str] = mapped_column(String(18), default="")
    pihak1_jabatan: Mapped[str] = mapped_column(String(300), default="")
    pihak2_pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), nullable=True)
    pihak2_nama: Mapped[str] = mapped_column(String(200), default="")
    pihak2_nip: Mapped[str] = mapped_column(String(18), default="")
    pihak2_jabatan: Mapped[str] = mapped_column(String(300), default="")
    mengetahui_nama: Mapped[str] = mapped_column(String(200), default="")
    mengetahui_nip: Mapped[str] = mapped_column(String(18), default="")
    mengetahui_jabatan: Mapped[str] = mapped_column(String(300), default="")
    # Where the goods go (penyerahan): a room, a unit or the pegawai of pihak kedua.
    tujuan_ruang_id: Mapped[int | None] = mapped_column(ForeignKey("ruang.id"), nullable=True)
    tujuan_unit: Mapped[str] = mapped_column(String(200), default="")
    dasar_jenis: Mapped[str] = mapped_column(String(30), default="")  # SPPB / Kontrak / SK / BA Pemeriksaan
    dasar_nomor: Mapped[str] = mapped_column(String(200), default="")
    dasar_tanggal: Mapped[date | None] = mapped_column(Date, nullable=True)
    penyedia: Mapped[str] = mapped_column(String(200), default="")  # receipt: the supplier
    # Pengamanan of a vehicle or laptop held by an employee (R17).
    kelengkapan: Mapped[str] = mapped_column(Text, default="")  # nopol, rangka, mesin, BPKB, STNK, kunci …
    rangkap: Mapped[int] = mapped_column(SmallInteger, default=2)
    kertas: Mapped[str] = mapped_column(String(10), default="A4")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    cetak_count: Mapped[int] = mapped_column(Integer, default=0)
    dicetak_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    final_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    final_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    batal_alasan: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class AsetDokumenBaris(Base):
    """One line of a document. Lines of existing items name the asset and keep a snapshot of what was printed;
    lines of a receipt (penerimaan) describe new goods, and finalising creates ``jumlah`` assets from each."""

    __tablename__ = "aset_dokumen_baris"
    __table_args__ = (Index("ix_aset_dokumen_baris_dokumen", "dokumen_id", "urutan"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dokumen_id: Mapped[int] = mapped_column(ForeignKey("aset_dokumen.id"))
    urutan: Mapped[int] = mapped_column(Integer, default=1)
    aset_id: Mapped[int | None] = mapped_column(ForeignKey("aset.id"), nullable=True, index=True)
    kode_barang: Mapped[str] = mapped_column(String(30), default="")
    register_text: Mapped[str] = mapped_column(String(60), default="")
    nama: Mapped[str] = mapped_column(String(300), default="")
    merk_tipe: Mapped[str] = mapped_column(String(300), default="")
    spesifikasi: Mapped[str] = mapped_column(String(500), default="")
    tahun: Mapped[int | None] = mapped_column(Integer, nullable=True)
    jumlah: Mapped[int] = mapped_column(Integer, default=1)
    satuan: Mapped[str] = mapped_column(String(30), default="Unit")
    harga_satuan: Mapped[int] = mapped_column(BigInteger, default=0)
    nilai: Mapped[int] = mapped_column(
        BigInteger, default=0
    )  # the line's total value (harga_satuan × jumlah)
    kondisi: Mapped[int] = mapped_column(SmallInteger, default=1)
    keterangan: Mapped[str] = mapped_column(String(300), default="")


class AsetMutasi(Base):
    """The append-only ledger (R30): one row per change of one item, never updated or deleted.

    ``jenis``: perolehan, pindah_ruang, serah, kembali, kondisi, pemeliharaan, kapitalisasi, reklas, koreksi,
    hapus, label (a label printed or reprinted). ``sebelum``/``sesudah`` hold the changed fields as JSON;
    ``nilai`` the amount of a pemeliharaan/kapitalisasi/koreksi of value. ``tanggal`` is the effective date
    (the document's), ``created_at`` when it was recorded.
    """

    __tablename__ = "aset_mutasi"
    __table_args__ = (
        Index("ix_aset_mutasi_aset", "aset_id", "id"),
        Index("ix_aset_mutasi_tanggal", "tanggal", "jenis"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    aset_id: Mapped[int] = mapped_column(ForeignKey("aset.id"))
    jenis: Mapped[str] = mapped_column(String(20))
    tanggal: Mapped[date] = mapped_column(Date)
    dokumen_id: Mapped[int | None] = mapped_column(ForeignKey("aset_dokumen.id"), nullable=True, index=True)
    dokumen_jenis: Mapped[str] = mapped_column(String(30), default="")  # as written: BAST, Kontrak, SK …
    dokumen_nomor: Mapped[str] = mapped_column(String(255), default="")
    dokumen_tanggal: Mapped[date | None] = mapped_column(Date, nullable=True)
    sebelum: Mapped[str] = mapped_column(Text, default="")
    sesudah: Mapped[str] = mapped_column(Text, default="")
    nilai: Mapped[int] = mapped_column(BigInteger, default=0)
    keterangan: Mapped[str] = mapped_column(String(500), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class AsetLampiran(Base):
    """A photo or document of an asset or a BAST, stored like letter scans: in the database, content-checked,
    with its SHA-256 verified on every open."""

    __tablename__ = "aset_lampiran"
    __table_args__ = (
        Index("ix_aset_lampiran_aset", "aset_id"),
        Index("ix_aset_lampiran_dokumen", "dokumen_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    aset_id: Mapped[int | None] = mapped_column(ForeignKey("aset.id"), nullable=True)
    dokumen_id: Mapped[int | None] = mapped_column(ForeignKey("aset_dokumen.id"), nullable=True)
    jenis: Mapped[str] = mapped_column(String(10), default="foto")  # foto / dokumen
    nama_berkas: Mapped[str] = mapped_column(String(255))
    nama_asli: Mapped[str] = mapped_column(String(255), default="")
    mime: Mapped[str] = mapped_column(String(60))
    ukuran: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    konten: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class MasaManfaat(Base):
    """Masa manfaat (years) per kode prefix, the longest matching prefix wins (R25; domain (c) defaults)."""

    __tablename__ = "aset_masa_manfaat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_prefix: Mapped[str] = mapped_column(String(30), unique=True)
    uraian: Mapped[str] = mapped_column(String(200), default="")
    tahun: Mapped[int] = mapped_column(SmallInteger)


class PitaPemeliharaan(Base):
    """A band of R26: a capitalised repair of more than ``batas_bawah`` up to ``batas_atas`` per cent of the
    acquisition value extends the remaining life of items under ``kode_prefix`` by ``tambah_tahun``."""

    __tablename__ = "aset_pita_pemeliharaan"
    __table_args__ = (UniqueConstraint("kode_prefix", "batas_bawah", name="uq_aset_pita_prefix_bawah"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_prefix: Mapped[str] = mapped_column(String(30))
    batas_bawah: Mapped[int] = mapped_column(SmallInteger)  # per cent, exclusive
    batas_atas: Mapped[int | None] = mapped_column(
        SmallInteger, nullable=True
    )  # per cent, inclusive; None: open
    tambah_tahun: Mapped[int] = mapped_column(SmallInteger)


class AmbangKapitalisasi(Base):
    """Capitalisation threshold per kode prefix from an effective year (R27): below it an item is
    ekstrakomptabel."""

    __tablename__ = "aset_ambang"
    __table_args__ = (UniqueConstraint("kode_prefix", "mulai_tahun", name="uq_aset_ambang_prefix_tahun"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_prefix: Mapped[str] = mapped_column(String(30))
    mulai_tahun: Mapped[int] = mapped_column(Integer)
    nilai: Mapped[int] = mapped_column(BigInteger)
    catatan: Mapped[str] = mapped_column(String(200), default="")


class Inventarisasi(Base):
    """A census (R24) of one room, one golongan or everything: LKI, the checks, LHI, BA Hasil Inventarisasi."""

    __tablename__ = "inventarisasi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    cakupan: Mapped[str] = mapped_column(String(10))  # ruang / golongan / semua
    ruang_id: Mapped[int | None] = mapped_column(ForeignKey("ruang.id"), nullable=True)
    golongan: Mapped[str] = mapped_column(String(1), default="")
    sk_nomor: Mapped[str] = mapped_column(String(200), default="")
    tanggal_mulai: Mapped[date] = mapped_column(Date)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="berjalan")  # berjalan / selesai
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class InventarisasiBaris(Base):
    """One item of a census: the recorded asset with what was found, or (``aset_id`` None) goods found but not
    recorded (Format A.7)."""

    __tablename__ = "inventarisasi_baris"
    __table_args__ = (
        UniqueConstraint("inventarisasi_id", "aset_id", name="uq_inventarisasi_baris_aset"),
        Index("ix_inventarisasi_baris_ruang", "inventarisasi_id", "ruang_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inventarisasi_id: Mapped[int] = mapped_column(ForeignKey("inventarisasi.id"))
    aset_id: Mapped[int | None] = mapped_column(ForeignKey("aset.id"), nullable=True)
    ruang_id: Mapped[int | None] = mapped_column(ForeignKey("ruang.id"), nullable=True)
    keberadaan: Mapped[str] = mapped_column(
        String(20), default=""
    )  # "" belum / ada / hilang / tidak_ditemukan
    kondisi: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    penggunaan: Mapped[str] = mapped_column(
        String(30), default=""
    )  # pemda_sendiri / pusat / pemda_lain / pihak_lain
    spesifikasi_sesuai: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    tercatat_ganda: Mapped[bool] = mapped_column(Boolean, default=False)
    # Found but not recorded (A.7): what was seen.
    temuan_kode: Mapped[str] = mapped_column(String(30), default="")
    temuan_nama: Mapped[str] = mapped_column(String(300), default="")
    temuan_merk: Mapped[str] = mapped_column(String(200), default="")
    temuan_jumlah: Mapped[int] = mapped_column(Integer, default=0)
    catatan: Mapped[str] = mapped_column(String(500), default="")
    tindak_lanjut: Mapped[str] = mapped_column(String(30), default="")  # penghapusan / kapitalisasi / …
    dicek_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    dicek_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
