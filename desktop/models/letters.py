"""ORM classes of the Surat module: kode klasifikasi, agenda surat masuk, instruction master."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import AwareDateTime, Base, utcnow


class ClassificationCode(Base):
    """Kode klasifikasi arsip of Permendagri 83/2022 (with JRA) or the legacy 78/2012 list."""

    __tablename__ = "kode_klasifikasi"
    __table_args__ = (UniqueConstraint("skema", "kode", name="uq_kode_klasifikasi_skema_kode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skema: Mapped[str] = mapped_column(String(10))
    kode: Mapped[str] = mapped_column(String(30))
    kode_induk: Mapped[str] = mapped_column(String(30), default="")
    level: Mapped[int] = mapped_column(Integer, default=1)
    uraian: Mapped[str] = mapped_column(Text)
    retensi_aktif: Mapped[str] = mapped_column(String(200), default="")
    retensi_inaktif: Mapped[str] = mapped_column(String(200), default="")
    nasib_akhir: Mapped[str] = mapped_column(String(200), default="")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class DispositionInstruction(Base):
    """The editable "Dengan hormat harap" list printed on the lembar disposisi."""

    __tablename__ = "instruksi_disposisi"
    __table_args__ = (UniqueConstraint("teks", name="uq_instruksi_disposisi_teks"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teks: Mapped[str] = mapped_column(String(120))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class IncomingLetter(Base):
    """One line of the buku agenda surat masuk. Never deleted: cancelled entries keep their number as batal."""

    __tablename__ = "surat_masuk"
    __table_args__ = (
        UniqueConstraint("tahun", "nomor_agenda", name="uq_surat_masuk_tahun_nomor_agenda"),
        Index("ix_surat_masuk_dup", "asal_norm", "nomor_norm"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer)
    nomor_agenda: Mapped[int] = mapped_column(Integer)
    susulan: Mapped[bool] = mapped_column(Boolean, default=False)
    tanggal_diterima: Mapped[datetime] = mapped_column(AwareDateTime, index=True)
    asal_surat: Mapped[str] = mapped_column(String(300))
    asal_norm: Mapped[str] = mapped_column(String(300), default="")
    nomor_surat: Mapped[str] = mapped_column(String(255))
    nomor_norm: Mapped[str] = mapped_column(String(255), default="")
    tanggal_surat: Mapped[date] = mapped_column(Date)
    perihal: Mapped[str] = mapped_column(Text)
    ditujukan_kepada: Mapped[str] = mapped_column(String(200), default="")
    kode_klasifikasi: Mapped[str] = mapped_column(String(30), default="")
    skema: Mapped[str] = mapped_column(String(10), default="83/2022")
    keamanan: Mapped[str] = mapped_column(String(2), default="B")
    urgensi: Mapped[str] = mapped_column(String(20), default="biasa")
    lampiran: Mapped[str] = mapped_column(String(100), default="")
    cara_terima: Mapped[str] = mapped_column(String(20), default="langsung")
    srikandi_id: Mapped[str] = mapped_column(String(100), default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="baru", index=True)
    batal_alasan: Mapped[str] = mapped_column(String(300), default="")
    batas_waktu: Mapped[date | None] = mapped_column(Date, nullable=True)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date, nullable=True)
    dicetak_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    dicetak_oleh: Mapped[str] = mapped_column(String(60), default="")
    jumlah_cetak: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)
