"""ORM classes of ASN Berprestasi (staff.md B9): criteria and weights, the monthly score sheets, and the approved
rankings kept as they were approved (the history and the SK's attachment)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core import clock
from desktop.models.base import AwareDateTime, Base


class KriteriaPrestasi(Base):
    """A criterion of the monthly sheet with its weight in percent; the active ones add up to 100. A criterion
    that was scored is never deleted, only made inactive."""

    __tablename__ = "prestasi_kriteria"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    keterangan: Mapped[str] = mapped_column(Text, default="")
    bobot: Mapped[int] = mapped_column(Integer)  # percent
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class LembarPrestasi(Base):
    """One employee's score sheet for one month (``periode`` is the 1st), filled by the Eselon III official."""

    __tablename__ = "prestasi_lembar"
    __table_args__ = (UniqueConstraint("periode", "pegawai_id", name="uq_prestasi_lembar_periode_pegawai"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    periode: Mapped[date] = mapped_column(Date, index=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    penilai_nama: Mapped[str] = mapped_column(String(200), default="")
    penilai_nip: Mapped[str] = mapped_column(String(18), default="")
    catatan: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class NilaiPrestasi(Base):
    """The score (0-100) of one criterion on one sheet."""

    __tablename__ = "prestasi_nilai"
    __table_args__ = (UniqueConstraint("lembar_id", "kriteria_id", name="uq_prestasi_nilai_lembar_kriteria"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lembar_id: Mapped[int] = mapped_column(ForeignKey("prestasi_lembar.id"), index=True)
    kriteria_id: Mapped[int] = mapped_column(ForeignKey("prestasi_kriteria.id"))
    nilai: Mapped[int] = mapped_column(Integer)


class PenetapanPrestasi(Base):
    """The Kepala Dinas's approval of one month's ranking, with the SK; a cancelled one stays, marked ``batal``.
    ``kriteria_json`` keeps the criteria and weights the ranking used."""

    __tablename__ = "prestasi_penetapan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    periode: Mapped[date] = mapped_column(Date, index=True)
    jumlah_penerima: Mapped[int] = mapped_column(Integer)
    nomor_sk: Mapped[str] = mapped_column(String(100), default="")
    tanggal_sk: Mapped[date | None] = mapped_column(Date, nullable=True)
    kriteria_json: Mapped[str] = mapped_column(Text)
    catatan: Mapped[str] = mapped_column(Text, default="")
    batal: Mapped[bool] = mapped_column(Boolean, default=False)
    alasan_batal: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class HasilPrestasi(Base):
    """One place of an approved ranking, as printed then (name, NIP, golongan, jabatan and unit at the time);
    ``nilai_json`` the scores per criterion, ``penerima`` True for the awardees."""

    __tablename__ = "prestasi_hasil"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    penetapan_id: Mapped[int] = mapped_column(ForeignKey("prestasi_penetapan.id"), index=True)
    peringkat: Mapped[int] = mapped_column(Integer)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    nama: Mapped[str] = mapped_column(String(300))
    nip: Mapped[str] = mapped_column(String(18))
    golongan_ruang: Mapped[str] = mapped_column(String(60), default="")
    jabatan: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(300), default="")
    skor: Mapped[int] = mapped_column(Integer)  # hundredths of a point
    nilai_json: Mapped[str] = mapped_column(Text)
    penentu: Mapped[str] = mapped_column(String(300), default="")
    penerima: Mapped[bool] = mapped_column(Boolean, default=False)
