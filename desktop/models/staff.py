"""ORM classes of the Kepegawaian module: pegawai, append-only riwayat, and the kept status of deadlines."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from desktop.core import clock
from desktop.models.base import AwareDateTime, Base

# Riwayat tables refuse UPDATE and DELETE (triggers of migration 0006_staff): a wrong entry is corrected by a
# new entry whose ``koreksi_atas_id`` points at it, with a reason.
RIWAYAT_TABLES = (
    "riwayat_pangkat",
    "riwayat_kgb",
    "riwayat_jabatan",
    "riwayat_pendidikan",
    "riwayat_hukdis",
    "riwayat_penundaan_kgb",
    "riwayat_cuti",
)


class Pegawai(Base):
    """One PNS, CPNS or PPPK. The pangkat, KGB, jabatan and pendidikan columns mirror the latest riwayat (R27)."""

    __tablename__ = "pegawai"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)  # bare digits, NIP PNS or NI PPPK
    nip_lama: Mapped[str] = mapped_column(String(9), default="")
    pns_id: Mapped[str] = mapped_column(String(64), default="")  # SIASN GUID
    nama: Mapped[str] = mapped_column(String(200))
    gelar_depan: Mapped[str] = mapped_column(String(60), default="")
    gelar_belakang: Mapped[str] = mapped_column(String(100), default="")
    tempat_lahir: Mapped[str] = mapped_column(String(100), default="")
    tanggal_lahir: Mapped[date] = mapped_column(Date)
    jenis_kelamin: Mapped[str] = mapped_column(String(1))  # L / P
    nik: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(10))  # cpns / pns / pppk
    akhir_kontrak: Mapped[date | None] = mapped_column(Date, nullable=True)  # PPPK
    tmt_cpns: Mapped[date | None] = mapped_column(Date, nullable=True)
    tmt_pns: Mapped[date | None] = mapped_column(Date, nullable=True)
    golongan_ruang: Mapped[str] = mapped_column(String(10), default="")  # III/d; PPPK: IX
    tmt_golongan: Mapped[date | None] = mapped_column(Date, nullable=True)
    mkg_tahun: Mapped[int] = mapped_column(Integer, default=0)  # masa kerja golongan on tmt_golongan
    mkg_bulan: Mapped[int] = mapped_column(Integer, default=0)
    # The latest berlaku KGB (R27), so the schedule reads the pay rhythm without scanning riwayat_kgb.
    kgb_tmt: Mapped[date | None] = mapped_column(Date, nullable=True)
    kgb_golongan_ruang: Mapped[str] = mapped_column(String(10), default="")
    kgb_mkg_tahun: Mapped[int] = mapped_column(Integer, default=0)
    kgb_mkg_bulan: Mapped[int] = mapped_column(Integer, default=0)
    jenis_jabatan: Mapped[str] = mapped_column(String(20), default="")  # jpt/administrator/pengawas/…
    jenjang: Mapped[str] = mapped_column(String(30), default="")  # fungsional: ahli_muda, terampil, …
    jabatan: Mapped[str] = mapped_column(String(300), default="")
    tmt_jabatan: Mapped[date | None] = mapped_column(Date, nullable=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True, index=True)
    unor: Mapped[str] = mapped_column(String(300), default="")  # unit name as written in SIASN
    pendidikan_terakhir: Mapped[str] = mapped_column(String(60), default="")
    bup_kode: Mapped[str] = mapped_column(String(30), default="")  # "" = from jabatan (bup_jabatan.csv)
    foto: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    foto_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    eselon: Mapped[str] = mapped_column(String(10), default="")  # "II.a", "IV.b"; "" = not struktural
    # BKN kode kedudukan hukum (kedudukan_hukum.csv): its effect decides what the schedule shows (issue 12).
    kedudukan_hukum: Mapped[str] = mapped_column(String(2), default="01")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    alasan_nonaktif: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class _Riwayat:
    """Columns every riwayat entry has: the SK, who recorded it, and the correction link."""

    # sort_order: these come first in the table, before the columns of each kind.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True, sort_order=-1)
    nomor_sk: Mapped[str] = mapped_column(String(100), default="", sort_order=-1)
    tanggal_sk: Mapped[date | None] = mapped_column(Date, nullable=True, sort_order=-1)
    alasan_koreksi: Mapped[str] = mapped_column(String(300), default="")
    batal: Mapped[bool] = mapped_column(Boolean, default=False)  # a correction that voids the entry
    keterangan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)

    # Unique: an entry is corrected at most once; a later fix corrects the correction (a chain, never a fork).
    @declared_attr
    def koreksi_atas_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"), nullable=True, unique=True)  # type: ignore[attr-defined]


class RiwayatPangkat(_Riwayat, Base):
    """An SK pangkat (CPNS appointment, KP): golongan ruang and MKG on its TMT."""

    __tablename__ = "riwayat_pangkat"

    tmt: Mapped[date] = mapped_column(Date)
    golongan_ruang: Mapped[str] = mapped_column(String(10))
    mkg_tahun: Mapped[int] = mapped_column(Integer, default=0)
    mkg_bulan: Mapped[int] = mapped_column(Integer, default=0)
    jenis: Mapped[str] = mapped_column(String(30), default="reguler")


class RiwayatKgb(_Riwayat, Base):
    """An SK kenaikan gaji berkala: MKG and gaji pokok from its TMT."""

    __tablename__ = "riwayat_kgb"

    tmt: Mapped[date] = mapped_column(Date)
    golongan_ruang: Mapped[str] = mapped_column(String(10))
    mkg_tahun: Mapped[int] = mapped_column(Integer, default=0)
    mkg_bulan: Mapped[int] = mapped_column(Integer, default=0)
    gaji_pokok: Mapped[int] = mapped_column(Integer, default=0)


class RiwayatJabatan(_Riwayat, Base):
    __tablename__ = "riwayat_jabatan"

    tmt: Mapped[date] = mapped_column(Date)
    jenis_jabatan: Mapped[str] = mapped_column(String(20))
    jenjang: Mapped[str] = mapped_column(String(30), default="")
    jabatan: Mapped[str] = mapped_column(String(300))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    unor: Mapped[str] = mapped_column(String(300), default="")


class RiwayatPendidikan(_Riwayat, Base):
    """An ijazah; ``nomor_sk`` holds the nomor ijazah, ``tmt`` the day of graduation when known."""

    __tablename__ = "riwayat_pendidikan"

    tmt: Mapped[date | None] = mapped_column(Date, nullable=True)
    tingkat: Mapped[str] = mapped_column(String(60))
    jurusan: Mapped[str] = mapped_column(String(200), default="")
    nama_sekolah: Mapped[str] = mapped_column(String(200), default="")
    tahun_lulus: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RiwayatHukdis(_Riwayat, Base):
    """A hukuman disiplin (PP 94/2021): ``tingkat`` ringan, sedang or berat."""

    __tablename__ = "riwayat_hukdis"

    tmt: Mapped[date] = mapped_column(Date)
    tingkat: Mapped[str] = mapped_column(String(10))
    jenis: Mapped[str] = mapped_column(String(200))
    selesai: Mapped[date | None] = mapped_column(Date, nullable=True)


class RiwayatPenundaanKgb(_Riwayat, Base):
    """An SK penundaan KGB (PP 7/1977 Pasal 13): the KGB due on ``tmt`` is deferred ``bulan`` months."""

    __tablename__ = "riwayat_penundaan_kgb"

    tmt: Mapped[date] = mapped_column(Date)
    bulan: Mapped[int] = mapped_column(Integer)


class RiwayatCuti(_Riwayat, Base):
    """A leave granted (``nomor_sk`` = nomor surat izin cuti), from ``tmt`` to ``selesai`` inclusive."""

    __tablename__ = "riwayat_cuti"

    tmt: Mapped[date] = mapped_column(Date)
    selesai: Mapped[date] = mapped_column(Date)
    jenis: Mapped[str] = mapped_column(String(20))
    hari_kerja: Mapped[int] = mapped_column(Integer, default=0)
    keputusan: Mapped[str] = mapped_column(String(20), default="disetujui")
    referensi: Mapped[str] = mapped_column(String(100), default="")  # e.g. si-Pecut number


class JadwalStatus(Base):
    """What the pengelola did about one deadline (R29), so it survives restarts and stops nagging once handled."""

    __tablename__ = "jadwal_status"
    __table_args__ = (
        UniqueConstraint("pegawai_id", "jenis", "tanggal", name="uq_jadwal_status_pegawai_jenis_tanggal"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(20))  # kgb / kp / pensiun / pppk / satyalancana
    tanggal: Mapped[date] = mapped_column(Date)  # the due date the status belongs to
    status: Mapped[str] = mapped_column(String(20))  # perlu_diproses / diproses / selesai / tidak_perlu
    catatan: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_by_name: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)
