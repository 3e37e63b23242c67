"""ORM classes of the Surat module: kode klasifikasi, agenda surat masuk, instruction master."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from desktop.core import clock
from desktop.core.letters.rules import code_sort_text
from desktop.models.base import AwareDateTime, Base

KODE_URUT_LENGTH = 80


def _sort_text(kode: str, skema: str) -> str:
    # A free code (R25) of many one-digit segments gives more than fits (six digits a segment); its first 80
    # characters still sort it among the codes it starts with.
    return code_sort_text(kode, skema)[:KODE_URUT_LENGTH]


def _kode_urut(context: Any) -> str:
    """Column default of ``kode_urut``: from the row's kode and skema, for ORM and bulk inserts alike."""
    row = context.get_current_parameters()
    return _sort_text(row.get("kode_klasifikasi") or "", row.get("skema") or "83/2022")


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
        # The first and last id of a year in two index lookups: they bound a search within one year.
        Index("ix_surat_masuk_tahun_id", "tahun", "id"),
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
    # The kode in numeric-segment order (R24: 400.9 before 400.14), for sorting in SQL; kept by the default
    # on insert and the before_update listener below.
    kode_urut: Mapped[str] = mapped_column(String(KODE_URUT_LENGTH), default=_kode_urut)
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
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class NumberSeries(Base):
    """A series of outgoing numbers ("Surat Keluar Sekretariat") with its template (letters.md R19-R20)."""

    __tablename__ = "seri_nomor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(120), unique=True)
    template: Mapped[str] = mapped_column(String(120))
    kode_unit: Mapped[str] = mapped_column(String(60), default="")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class OutgoingLetter(Base):
    """One line of the buku agenda surat keluar. The number is issued once and never reused (R21)."""

    __tablename__ = "surat_keluar"
    __table_args__ = (
        UniqueConstraint("seri_id", "tahun", "urut", "sisipan", name="uq_surat_keluar_nomor"),
        Index("ix_surat_keluar_tahun_urut", "tahun", "urut"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seri_id: Mapped[int] = mapped_column(ForeignKey("seri_nomor.id"))
    tahun: Mapped[int] = mapped_column(Integer)
    urut: Mapped[int] = mapped_column(Integer)
    sisipan: Mapped[int] = mapped_column(Integer, default=0)  # 0: a regular number; 1..99: 57.01 (R21)
    nomor_surat: Mapped[str] = mapped_column(String(255), index=True)
    kka: Mapped[str] = mapped_column(String(30), default="")
    unit: Mapped[str] = mapped_column(String(60), default="")
    tanggal_surat: Mapped[date] = mapped_column(Date, index=True)
    tujuan: Mapped[str] = mapped_column(String(300), default="")
    alamat_tujuan: Mapped[str] = mapped_column(String(400), default="")
    perihal: Mapped[str] = mapped_column(Text, default="")
    kode_klasifikasi: Mapped[str] = mapped_column(String(30), default="")
    skema: Mapped[str] = mapped_column(String(10), default="83/2022")
    # The kode in numeric-segment order (R24: 400.9 before 400.14), for sorting in SQL; kept by the default
    # on insert and the before_update listener below.
    kode_urut: Mapped[str] = mapped_column(String(KODE_URUT_LENGTH), default=_kode_urut)
    keamanan: Mapped[str] = mapped_column(String(2), default="B")
    urgensi: Mapped[str] = mapped_column(String(20), default="biasa")
    lampiran: Mapped[str] = mapped_column(String(100), default="")
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatory.id"), nullable=True)
    penandatangan: Mapped[str] = mapped_column(String(300), default="")  # name and jabatan as signed
    pengolah: Mapped[str] = mapped_column(String(300), default="")  # konseptor: unit / pegawai
    tembusan: Mapped[str] = mapped_column(Text, default="")
    balasan_atas_id: Mapped[int | None] = mapped_column(ForeignKey("surat_masuk.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="dipesan", index=True)
    batal_alasan: Mapped[str] = mapped_column(String(300), default="")
    tanggal_kirim: Mapped[date | None] = mapped_column(Date, nullable=True)
    media: Mapped[str] = mapped_column(String(20), default="caraka")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class Disposition(Base):
    """One hop of the disposition chain (R14): from one official to one or more recipients."""

    __tablename__ = "disposisi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    surat_masuk_id: Mapped[int] = mapped_column(ForeignKey("surat_masuk.id"), index=True)
    # The recipient line this hop continues from ("disposisikan kembali"); None for the first hop. A plain
    # column, not a foreign key: hop and recipient would otherwise reference each other in a cycle.
    induk_penerima_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    dari_nama: Mapped[str] = mapped_column(String(200))
    dari_jabatan: Mapped[str] = mapped_column(String(200), default="")
    dari_nip: Mapped[str] = mapped_column(String(18), default="")
    tanggal: Mapped[date] = mapped_column(Date)
    instruksi: Mapped[str] = mapped_column(Text, default="")  # the ticked items, one per line
    catatan: Mapped[str] = mapped_column(Text, default="")
    batas_waktu: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    batas_hari_kerja: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="aktif")  # aktif / batal
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class DispositionRecipient(Base):
    """A recipient of a hop with their own follow-up status (R15); persons, with a jabatan snapshot (R17)."""

    __tablename__ = "disposisi_penerima"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disposisi_id: Mapped[int] = mapped_column(ForeignKey("disposisi.id"), index=True)
    nama: Mapped[str] = mapped_column(String(200), default="")
    jabatan: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(18), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="belum_dibaca", index=True)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date, nullable=True)
    hasil: Mapped[str] = mapped_column(Text, default="")
    balasan_keluar_id: Mapped[int | None] = mapped_column(ForeignKey("surat_keluar.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class Expedition(Base):
    """A page of the buku ekspedisi: the letters one caraka takes out on one day (R28)."""

    __tablename__ = "ekspedisi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tanggal: Mapped[date] = mapped_column(Date, index=True)
    caraka: Mapped[str] = mapped_column(String(200), default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class ExpeditionItem(Base):
    __tablename__ = "ekspedisi_item"
    __table_args__ = (UniqueConstraint("ekspedisi_id", "surat_keluar_id", name="uq_ekspedisi_item_surat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ekspedisi_id: Mapped[int] = mapped_column(ForeignKey("ekspedisi.id"), index=True)
    surat_keluar_id: Mapped[int] = mapped_column(ForeignKey("surat_keluar.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    diterima: Mapped[bool] = mapped_column(Boolean, default=False)
    nama_penerima: Mapped[str] = mapped_column(String(200), default="")
    tanggal_terima: Mapped[date | None] = mapped_column(Date, nullable=True)
    keterangan: Mapped[str] = mapped_column(String(300), default="")


class LetterAttachment(Base):
    """A scan (PDF/JPG/PNG) of a letter. Kept in the database so every workstation reaches it and every backup
    holds it; the SHA-256 is checked when the file is opened (R30)."""

    __tablename__ = "lampiran_surat"
    __table_args__ = (Index("ix_lampiran_surat_surat", "jenis", "surat_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jenis: Mapped[str] = mapped_column(String(1))  # "M" surat masuk, "K" surat keluar
    surat_id: Mapped[int] = mapped_column(Integer)
    urutan: Mapped[int] = mapped_column(Integer, default=1)
    nama_berkas: Mapped[str] = mapped_column(String(255))  # stable name, e.g. 2026/M/00015_1.pdf
    nama_asli: Mapped[str] = mapped_column(String(255), default="")
    mime: Mapped[str] = mapped_column(String(60))
    ukuran: Mapped[int] = mapped_column(Integer)
    halaman: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    konten: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


@event.listens_for(IncomingLetter, "before_update")
@event.listens_for(OutgoingLetter, "before_update")
def _keep_kode_urut(_mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    target.kode_urut = _sort_text(target.kode_klasifikasi or "", target.skema or "83/2022")
