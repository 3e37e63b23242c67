"""ORM classes of Buku Tamu: guests, visits with their queue ticket, kartu tamu, master lists and SKM answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core import clock
from desktop.models.base import AwareDateTime, Base


class Keperluan(Base):
    """The keperluan master list. A visit stores the text itself, so renaming an entry never rewrites history.

    ``layanan_id`` is the queue a guest with this keperluan joins unless the desk picks another.
    """

    __tablename__ = "tamu_keperluan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(120), unique=True)
    layanan_id: Mapped[int | None] = mapped_column(ForeignKey("tamu_layanan.id"), nullable=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueService(Base):
    """A service with its own ticket letter (R11): A Layanan Umum, B PPID, C Pengaduan …"""

    __tablename__ = "tamu_layanan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(3), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class Guest(Base):
    """A person who came before: the index the desk searches as it types (R4).

    The ``*_kunci`` columns hold the search forms (case-folded name, phone digits) so a lookup is an index range
    scan. Retention (R32) blanks the identifiable columns and sets ``anonim_at``; the row stays for the counts.
    """

    __tablename__ = "tamu"
    __table_args__ = (
        # The lookup filters on the key range and on anonim_at, then takes the latest visitors: with both in
        # the index a two-letter prefix over 200,000 guests is read from the index alone (bench/guests.py).
        Index("ix_tamu_nama_kunci", "nama_kunci", "anonim_at", "terakhir_datang"),
        Index("ix_tamu_hp_kunci", "hp_kunci", "anonim_at", "terakhir_datang"),
        Index("ix_tamu_nik", "nik"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    nama_kunci: Mapped[str] = mapped_column(String(200), default="")
    nik: Mapped[str] = mapped_column(String(16), default="")
    no_hp: Mapped[str] = mapped_column(String(30), default="")
    hp_kunci: Mapped[str] = mapped_column(String(30), default="")
    instansi: Mapped[str] = mapped_column(String(200), default="")
    alamat: Mapped[str] = mapped_column(String(400), default="")
    jenis_kelamin: Mapped[str] = mapped_column(String(1), default="")  # L / P / ""
    terakhir_datang: Mapped[date | None] = mapped_column(Date, nullable=True)
    anonim_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class GuestCard(Base):
    """A physical, numbered kartu tamu (R17): tersedia, dipakai or hilang."""

    __tablename__ = "kartu_tamu"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nomor: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="tersedia")
    kunjungan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the visit holding it now
    keterangan: Mapped[str] = mapped_column(String(200), default="")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class GuestCardEvent(Base):
    """The card's history, append-only: issued, returned, lost, found, added, withdrawn."""

    __tablename__ = "kartu_tamu_riwayat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kartu_id: Mapped[int] = mapped_column(ForeignKey("kartu_tamu.id"), index=True)
    kunjungan_id: Mapped[int | None] = mapped_column(ForeignKey("kunjungan.id"), nullable=True)
    aksi: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    username: Mapped[str] = mapped_column(String(60), default="")
    keterangan: Mapped[str] = mapped_column(String(200), default="")


class Visit(Base):
    """One visit (kunjungan): who, why, for whom, its ticket, card, identity deposit and a timestamp per step (R6).

    The guest's details are copied onto the visit as they were that day, so the printed buku tamu of a past
    month never changes when a guest's instansi does. ``tanggal`` is the office-local service date (R14).
    """

    __tablename__ = "kunjungan"
    __table_args__ = (
        UniqueConstraint("layanan_id", "tanggal", "antrian", name="uq_kunjungan_layanan_tanggal_antrian"),
        Index("ix_kunjungan_tanggal_status", "tanggal", "status"),
        Index("ix_kunjungan_tamu_id", "tamu_id"),
        Index("ix_kunjungan_pulang_at", "pulang_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tamu_id: Mapped[int | None] = mapped_column(ForeignKey("tamu.id"), nullable=True)
    tanggal: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    # The ticket: service + per-day sequence (R11, R12); the displayed "A001" is derived, never stored.
    layanan_id: Mapped[int | None] = mapped_column(ForeignKey("tamu_layanan.id"), nullable=True)
    antrian: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tiket: Mapped[str] = mapped_column(String(10), default="")  # display copy for search and lists
    loket: Mapped[str] = mapped_column(String(30), default="")
    nama: Mapped[str] = mapped_column(String(200))
    nik: Mapped[str] = mapped_column(String(16), default="")
    no_hp: Mapped[str] = mapped_column(String(30), default="")
    instansi: Mapped[str] = mapped_column(String(200), default="")
    alamat: Mapped[str] = mapped_column(String(400), default="")
    jenis_kelamin: Mapped[str] = mapped_column(String(1), default="")
    jumlah_orang: Mapped[int] = mapped_column(SmallInteger, default=1)
    keperluan: Mapped[str] = mapped_column(String(120))
    keterangan: Mapped[str] = mapped_column(String(400), default="")
    tujuan_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    tujuan_pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), nullable=True)
    tujuan: Mapped[str] = mapped_column(String(300))  # as written on the day: "Sekretariat — Budi, S.E."
    bertemu: Mapped[str] = mapped_column(String(200), default="")  # the person actually met
    identitas_jenis: Mapped[str] = mapped_column(String(20), default="")  # R10: ktp, sim, instansi, lainnya
    identitas_nomor: Mapped[str] = mapped_column(String(40), default="")
    identitas_dititip: Mapped[bool] = mapped_column(Boolean, default=False)
    identitas_kembali_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    kartu_id: Mapped[int | None] = mapped_column(ForeignKey("kartu_tamu.id"), nullable=True)
    kartu_nomor: Mapped[str] = mapped_column(String(20), default="")
    kartu_kembali_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    persetujuan: Mapped[str] = mapped_column(String(10), default="")  # R5: "", "ya", "tidak"
    persetujuan_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    kode_registrasi: Mapped[str | None] = mapped_column(String(12), unique=True, nullable=True)  # R18
    survei_token: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)  # R25
    survei_dipakai_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    # R6: one timestamp per step.
    datang_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    dipanggil_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    dilayani_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    selesai_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    pulang_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    petugas_datang: Mapped[str] = mapped_column(String(60), default="")
    petugas_pulang: Mapped[str] = mapped_column(String(60), default="")
    alasan_batal: Mapped[str] = mapped_column(String(300), default="")
    anonim_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class SurveyResponse(Base):
    """One anonymous SKM respondent (R19–R25): no link to a guest or a visit."""

    __tablename__ = "skm_respons"
    __table_args__ = (Index("ix_skm_respons_tanggal", "tanggal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tanggal: Mapped[date] = mapped_column(Date)
    jam: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM" office time, "" when unknown
    sumber: Mapped[str] = mapped_column(String(10))  # kiosk, ponsel, impor, manual
    jenis_kelamin: Mapped[str] = mapped_column(String(1), default="")
    usia: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    pendidikan: Mapped[str] = mapped_column(String(20), default="")
    pekerjaan: Mapped[str] = mapped_column(String(30), default="")
    jenis_layanan: Mapped[str] = mapped_column(String(120), default="")
    u1: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u2: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u3: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u4: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u5: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u6: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u7: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u8: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    u9: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    saran: Mapped[str] = mapped_column(Text, default="")
    imported_file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_file.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class SurveyFollowUp(Base):
    """A row of the RTL table (R23) for one report period: the unsur, the programme, when and who."""

    __tablename__ = "skm_rtl"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    periode: Mapped[str] = mapped_column(
        String(40), index=True
    )  # "2026-S1", "2026-Q3", "2026-03-01..2026-05-31"
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    unsur: Mapped[str] = mapped_column(String(3))
    program: Mapped[str] = mapped_column(String(400), default="")
    waktu: Mapped[str] = mapped_column(String(100), default="")
    penanggung_jawab: Mapped[str] = mapped_column(String(200), default="")
