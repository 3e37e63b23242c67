"""ORM classes of the application shell: office profile, organisation, users, audit, counters, calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core import clock
from desktop.models.base import AwareDateTime, Base


class OfficeProfile(Base):
    """The single row that describes the office: it feeds the kop surat and defaults."""

    __tablename__ = "office_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    nama_pemda: Mapped[str] = mapped_column(String(200), default="")
    nama_dinas: Mapped[str] = mapped_column(String(300), default="")
    alamat: Mapped[str] = mapped_column(String(400), default="")
    kota: Mapped[str] = mapped_column(String(100), default="")
    kode_pos: Mapped[str] = mapped_column(String(10), default="")
    telepon: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    laman: Mapped[str] = mapped_column(String(200), default="")
    kode_unit: Mapped[str] = mapped_column(String(50), default="")
    zona_waktu: Mapped[str] = mapped_column(String(4), default="WIB")
    kertas_bawaan: Mapped[str] = mapped_column(String(10), default="F4")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    logo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, onupdate=clock.utc_now)


class OrgUnit(Base):
    __tablename__ = "org_unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    jenis: Mapped[str] = mapped_column(String(20))  # sekretariat, subbag, bidang, uptd
    singkatan: Mapped[str] = mapped_column(String(30), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    kepala_jabatan: Mapped[str] = mapped_column(String(200), default="")
    kepala_nama: Mapped[str] = mapped_column(String(200), default="")
    kepala_nip: Mapped[str] = mapped_column(String(18), default="")
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class Signatory(Base):
    __tablename__ = "signatory"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(18), default="")
    pangkat_golongan: Mapped[str] = mapped_column(String(100), default="")
    jabatan: Mapped[str] = mapped_column(String(200))
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class DocumentSigner(Base):
    """Which signatory signs which kind of document (lembar disposisi, BAST, …)."""

    __tablename__ = "document_signer"

    doc_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    signatory_id: Mapped[int] = mapped_column(ForeignKey("signatory.id"))
    atas_nama: Mapped[str] = mapped_column(String(200), default="")


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(18), default="")
    role: Mapped[str] = mapped_column(String(30))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class AuditEntry(Base):
    """Append-only: triggers created by the migration refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[str] = mapped_column(Text, default="")  # may be a file name of any length
    summary: Mapped[str] = mapped_column(String(400), default="")
    before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class ImportedFile(Base):
    """A file imported into a register, known by its SHA-256, so importing the same file twice is noticed.

    ``occurrence`` is 1 for the first import of a file into a register and counts up for each import again on
    purpose; unique with kind and digest, so two workstations importing the same file at once cannot both
    record it as the first."""

    __tablename__ = "imported_file"
    __table_args__ = (
        UniqueConstraint("kind", "sha256", "occurrence", name="uq_imported_file_kind_sha256_occurrence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # surat_masuk, surat_keluar, pegawai
    sha256: Mapped[str] = mapped_column(String(64))
    occurrence: Mapped[int] = mapped_column(Integer, default=1)
    file_name: Mapped[str] = mapped_column(Text)
    row_count: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(60))
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime, default=clock.utc_now)


class Counter(Base):
    """Paper numbers (nomor agenda, nomor surat, antrian, register): one row per series and period."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("series", "period", name="uq_counter_series_period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(60))
    period: Mapped[str] = mapped_column(String(20))  # "2026", or "2026-11-22" for daily queues
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Holiday(Base):
    __tablename__ = "holiday"

    tanggal: Mapped[date] = mapped_column(Date, primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20))
    nama: Mapped[str] = mapped_column(String(200))
    dasar: Mapped[str] = mapped_column(String(200), default="")


class Setting(Base):
    """Small office-wide preferences stored with the data (not per workstation)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
