"""The office profile (kop surat), organisation units, signatories and who signs which document."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import OFFICE_ZONES
from desktop.core.nip import bare_nip
from desktop.models.admin import DocumentSigner, OfficeProfile, OrgUnit, Signatory
from desktop.printing.data import OfficeHeader, Signer
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

PAPER_CHOICES = ("F4", "A4")
UNIT_KINDS = {"sekretariat": "Sekretariat", "subbag": "Sub Bagian", "bidang": "Bidang", "uptd": "UPTD"}
# Documents that carry a signature; modules add theirs here as they land.
DOC_TYPES = {
    "cetak_uji": "Halaman cetak uji",
    "lembar_disposisi": "Lembar disposisi",
    "surat_keluar": "Surat keluar",
    "bast": "Berita acara serah terima (BAST)",
    "kib_kir": "KIB / KIR",
    "kepegawaian": "Surat kepegawaian (KGB, KP, cuti)",
    "laporan_skm": "Laporan SKM",
}
MAX_LOGO_BYTES = 2 * 1024 * 1024
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class OfficeProfileData:
    nama_pemda: str = ""
    nama_dinas: str = ""
    alamat: str = ""
    kota: str = ""
    kode_pos: str = ""
    telepon: str = ""
    email: str = ""
    laman: str = ""
    kode_unit: str = ""
    zona_waktu: str = "WIB"
    kertas_bawaan: str = "F4"
    logo_png: bytes | None = None

    @property
    def is_complete(self) -> bool:
        return bool(self.nama_pemda.strip() and self.nama_dinas.strip() and self.alamat.strip())

    def header(self) -> OfficeHeader:
        alamat = self.alamat
        if self.kota and self.kota.lower() not in alamat.lower():
            alamat = f"{alamat}, {self.kota}"
        return OfficeHeader(
            nama_pemda=self.nama_pemda,
            nama_dinas=self.nama_dinas,
            alamat=alamat,
            telepon=self.telepon,
            email=self.email,
            laman=self.laman,
            kode_pos=self.kode_pos,
            logo_png=self.logo_png,
        )


_PROFILE_FIELDS = [f.name for f in fields(OfficeProfileData)]


def get_profile(session: Session) -> OfficeProfileData:
    row = session.get(OfficeProfile, 1)
    if row is None:
        return OfficeProfileData()
    return OfficeProfileData(**{name: getattr(row, name) for name in _PROFILE_FIELDS})


def today(session: Session) -> date:
    """Today in the office's time zone (WIB while the profile is not filled in)."""
    return clock.today(get_profile(session).zona_waktu)


def validate_logo(data: bytes) -> bytes:
    """Accept PNG or JPEG up to 2 MB; store PNG so every printer path can use it."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError("Berkas logo terlalu besar (maksimal 2 MB).", "logo")
    from PIL import Image, UnidentifiedImageError  # Pillow comes with reportlab

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise ValidationError("Berkas logo bukan gambar PNG atau JPEG yang sah.", "logo") from exc
    if image.format == "PNG":
        return data
    out = io.BytesIO()
    image.convert("RGBA").save(out, format="PNG")
    return out.getvalue()


def save_profile(session: Session, actor: Actor, data: OfficeProfileData) -> OfficeProfileData:
    actor.require(Perm.MANAGE_SETTINGS)
    stripped: dict[str, Any] = {
        f: getattr(data, f).strip() for f in _PROFILE_FIELDS if isinstance(getattr(data, f), str)
    }
    cleaned = replace(data, **stripped)
    if not cleaned.nama_pemda:
        raise ValidationError("Nama pemerintah provinsi wajib diisi.", "nama_pemda")
    if not cleaned.nama_dinas:
        raise ValidationError("Nama dinas wajib diisi.", "nama_dinas")
    if not cleaned.alamat:
        raise ValidationError("Alamat wajib diisi.", "alamat")
    if cleaned.email and not _EMAIL_RE.match(cleaned.email):
        raise ValidationError("Alamat email tidak sah.", "email")
    if cleaned.zona_waktu not in OFFICE_ZONES:
        raise ValidationError("Zona waktu harus WIB, WITA atau WIT.", "zona_waktu")
    if cleaned.kertas_bawaan not in PAPER_CHOICES:
        raise ValidationError("Kertas bawaan harus F4 atau A4.", "kertas_bawaan")
    logo = validate_logo(cleaned.logo_png) if cleaned.logo_png else None
    cleaned = replace(cleaned, logo_png=logo)

    row = session.get(OfficeProfile, 1)
    before: dict[str, Any] | None = None
    if row is None:
        row = OfficeProfile(id=1)
        session.add(row)
    else:
        before = audit.snapshot(row, _PROFILE_FIELDS)
        before["logo_sha256"] = row.logo_sha256
    for name in _PROFILE_FIELDS:
        setattr(row, name, getattr(cleaned, name))
    row.logo_sha256 = hashlib.sha256(logo).hexdigest() if logo else None
    after = audit.snapshot(row, _PROFILE_FIELDS)
    after["logo_sha256"] = row.logo_sha256
    audit.record(
        session,
        actor,
        "ubah",
        "profil_kantor",
        1,
        summary="Profil kantor disimpan",
        before=before,
        after=after,
    )
    return cleaned


# --- organisation units -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitData:
    nama: str
    jenis: str
    singkatan: str = ""
    parent_id: int | None = None
    kepala_jabatan: str = ""
    kepala_nama: str = ""
    kepala_nip: str = ""
    urutan: int = 0
    aktif: bool = True
    id: int | None = None


_UNIT_FIELDS = [f.name for f in fields(UnitData) if f.name != "id"]


def list_units(session: Session, *, include_inactive: bool = False) -> list[UnitData]:
    query = select(OrgUnit).order_by(OrgUnit.urutan, OrgUnit.id)
    if not include_inactive:
        query = query.where(OrgUnit.aktif.is_(True))
    return [UnitData(id=u.id, **{f: getattr(u, f) for f in _UNIT_FIELDS}) for u in session.scalars(query)]


def save_unit(session: Session, actor: Actor, data: UnitData) -> UnitData:
    actor.require(Perm.MANAGE_SETTINGS)
    if not data.nama.strip():
        raise ValidationError("Nama unit wajib diisi.", "nama")
    if data.jenis not in UNIT_KINDS:
        raise ValidationError("Jenis unit tidak dikenal.", "jenis")
    nip = bare_nip(data.kepala_nip)
    if nip and len(nip) != 18:
        raise ValidationError("NIP kepala unit harus 18 angka.", "kepala_nip")
    data = replace(data, nama=data.nama.strip(), kepala_nip=nip, kepala_nama=data.kepala_nama.strip())
    if data.id is None:
        unit = OrgUnit()
        session.add(unit)
        before = None
    else:
        found = session.get(OrgUnit, data.id)
        if found is None:
            raise NotFound("Unit tidak ditemukan.")
        unit = found
        before = audit.snapshot(unit, _UNIT_FIELDS)
        if data.parent_id == data.id:
            raise ValidationError("Unit tidak bisa menjadi induk dirinya sendiri.", "parent_id")
    for name in _UNIT_FIELDS:
        setattr(unit, name, getattr(data, name))
    session.flush()
    audit.record(
        session,
        actor,
        "simpan",
        "unit",
        unit.id,
        summary=f"Unit {unit.nama}",
        before=before,
        after=audit.snapshot(unit, _UNIT_FIELDS),
    )
    return replace(data, id=unit.id)


# --- signatories ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatoryData:
    nama: str
    jabatan: str
    nip: str = ""
    pangkat_golongan: str = ""
    aktif: bool = True
    id: int | None = None

    def signer(self, atas_nama: str = "") -> Signer:
        return Signer(
            jabatan=self.jabatan,
            nama=self.nama,
            nip=self.nip,
            pangkat_golongan=self.pangkat_golongan,
            atas_nama=atas_nama,
        )


_SIGNATORY_FIELDS = [f.name for f in fields(SignatoryData) if f.name != "id"]


def list_signatories(session: Session, *, include_inactive: bool = False) -> list[SignatoryData]:
    query = select(Signatory).order_by(Signatory.id)
    if not include_inactive:
        query = query.where(Signatory.aktif.is_(True))
    return [
        SignatoryData(id=s.id, **{f: getattr(s, f) for f in _SIGNATORY_FIELDS})
        for s in session.scalars(query)
    ]


def save_signatory(session: Session, actor: Actor, data: SignatoryData) -> SignatoryData:
    actor.require(Perm.MANAGE_SETTINGS)
    if not data.nama.strip():
        raise ValidationError("Nama penanda tangan wajib diisi.", "nama")
    if not data.jabatan.strip():
        raise ValidationError("Jabatan wajib diisi.", "jabatan")
    nip = bare_nip(data.nip)
    if nip and len(nip) != 18:
        raise ValidationError("NIP harus 18 angka.", "nip")
    data = replace(data, nama=data.nama.strip(), jabatan=data.jabatan.strip(), nip=nip)
    before = None
    if data.id is None:
        row = Signatory()
        session.add(row)
    else:
        found = session.get(Signatory, data.id)
        if found is None:
            raise NotFound("Penanda tangan tidak ditemukan.")
        row = found
        before = audit.snapshot(row, _SIGNATORY_FIELDS)
    for name in _SIGNATORY_FIELDS:
        setattr(row, name, getattr(data, name))
    session.flush()
    audit.record(
        session,
        actor,
        "simpan",
        "penanda_tangan",
        row.id,
        summary=f"Penanda tangan {row.nama}",
        before=before,
        after=audit.snapshot(row, _SIGNATORY_FIELDS),
    )
    return replace(data, id=row.id)


def assign_signer(
    session: Session, actor: Actor, doc_type: str, signatory_id: int | None, atas_nama: str = ""
) -> None:
    actor.require(Perm.MANAGE_SETTINGS)
    if doc_type not in DOC_TYPES:
        raise ValidationError("Jenis dokumen tidak dikenal.", "doc_type")
    row = session.get(DocumentSigner, doc_type)
    before = {"signatory_id": row.signatory_id, "atas_nama": row.atas_nama} if row else None
    if signatory_id is None:
        if row is not None:
            session.delete(row)
    else:
        if session.get(Signatory, signatory_id) is None:
            raise NotFound("Penanda tangan tidak ditemukan.")
        if row is None:
            row = DocumentSigner(doc_type=doc_type)
            session.add(row)
        row.signatory_id = signatory_id
        row.atas_nama = atas_nama.strip()
    audit.record(
        session,
        actor,
        "atur",
        "penanda_tangan_dokumen",
        doc_type,
        summary=f"Penanda tangan {DOC_TYPES[doc_type]}",
        before=before,
        after={"signatory_id": signatory_id, "atas_nama": atas_nama},
    )


def signer_assignments(session: Session) -> dict[str, tuple[int, str]]:
    return {r.doc_type: (r.signatory_id, r.atas_nama) for r in session.scalars(select(DocumentSigner))}


def signer_for(session: Session, doc_type: str) -> Signer | None:
    row = session.get(DocumentSigner, doc_type)
    if row is None:
        return None
    sig = session.get(Signatory, row.signatory_id)
    if sig is None or not sig.aktif:
        return None
    return Signer(
        jabatan=sig.jabatan,
        nama=sig.nama,
        nip=sig.nip,
        pangkat_golongan=sig.pangkat_golongan,
        atas_nama=row.atas_nama,
    )
