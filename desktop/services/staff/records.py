"""Kepegawaian: the pegawai register and its append-only riwayat (staff.md R1-R4, R27)."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, func, insert, or_, select
from sqlalchemy.orm import Session, defer

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.nip import (
    MAX_AGE_AT_TMT_CPNS,
    MIN_AGE_AT_TMT_CPNS,
    JenisKelamin,
    NipError,
    NipInfo,
    NipKind,
    bare_nip,
    format_nip,
    nip_record_warnings,
    parse_nip,
    parse_nip_lama,
)
from desktop.core.staff.cuti import CutiJenis, cuti_working_days
from desktop.core.staff.kedudukan import AKTIF, Efek, Kedudukan
from desktop.core.staff.kgb import gaji_pokok
from desktop.core.staff.months import MasaKerja
from desktop.core.staff.reference import (
    StaffReference,
    normalize_eselon,
    normalize_golongan_ruang,
    seed_reference,
)
from desktop.models.admin import OrgUnit, User
from desktop.models.staff import (
    Pegawai,
    RiwayatCuti,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatKgb,
    RiwayatPangkat,
    RiwayatPendidikan,
    RiwayatPenundaanKgb,
)
from desktop.services.common import audit, calendar
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

log = logging.getLogger("sekretariat.staff")

T = TypeVar("T")

PHOTO_MAX_BYTES = 2_000_000
_PHOTO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_NIK = re.compile(r"\d{16}")


# --- vocabularies -----------------------------------------------------------------------------------------------


class StatusPegawai(StrEnum):
    CPNS = "cpns"
    PNS = "pns"
    PPPK = "pppk"

    @property
    def label(self) -> str:
        return self.value.upper()

    @property
    def is_pns(self) -> bool:
        """CPNS and PNS: golongan ruang, KGB, KP and pension rules apply."""
        return self is not StatusPegawai.PPPK


class JenisJabatan(StrEnum):
    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    FUNGSIONAL = "fungsional"
    PELAKSANA = "pelaksana"

    @property
    def label(self) -> str:
        return _JABATAN_LABELS[self]

    @property
    def is_struktural(self) -> bool:
        return self in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)


_JABATAN_LABELS = {
    JenisJabatan.JPT: "Jabatan Pimpinan Tinggi",
    JenisJabatan.ADMINISTRATOR: "Jabatan Administrator",
    JenisJabatan.PENGAWAS: "Jabatan Pengawas",
    JenisJabatan.FUNGSIONAL: "Jabatan Fungsional",
    JenisJabatan.PELAKSANA: "Jabatan Pelaksana",
}

_JENIS_JABATAN_VALUES = frozenset(j.value for j in JenisJabatan)

# Jenjang of a jabatan fungsional (keterampilan, then keahlian), value -> label.
JENJANG_FUNGSIONAL: Mapping[str, str] = {
    "pemula": "Pemula",
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
    "ahli_pertama": "Ahli Pertama",
    "ahli_muda": "Ahli Muda",
    "ahli_madya": "Ahli Madya",
    "ahli_utama": "Ahli Utama",
}
_KETERAMPILAN = frozenset({"pemula", "terampil", "mahir", "penyelia"})

# How a pangkat entry came about.
JENIS_PANGKAT: Mapping[str, str] = {
    "cpns": "Pengangkatan CPNS",
    "reguler": "KP reguler",
    "fungsional": "KP pilihan jabatan fungsional",
    "struktural": "KP pilihan jabatan struktural",
    "penyesuaian_ijazah": "KP penyesuaian ijazah",
    "pengabdian": "KP pengabdian",
    "anumerta": "KP anumerta",
    "pppk": "Pengangkatan PPPK",
    "data": "Dari data pegawai / impor",
}

TINGKAT_HUKDIS: Mapping[str, str] = {"ringan": "Ringan", "sedang": "Sedang", "berat": "Berat"}

# R21: decision values of the official leave form.
KEPUTUSAN_CUTI: Mapping[str, str] = {
    "disetujui": "Disetujui",
    "perubahan": "Perubahan",
    "ditangguhkan": "Ditangguhkan",
    "tidak_disetujui": "Tidak Disetujui",
}


def bup_kode_for(jenis_jabatan: str, jenjang: str, override: str = "") -> str:
    """The key of ``bup_jabatan.csv`` for a post (R16): the explicit override, else from jenis and jenjang.

    Fungsional keterampilan -> ``jf_keterampilan``; fungsional ahli muda -> ``jf_ahli_muda``; a fungsional without
    a known jenjang, and an empty jenis, fall back to ``pelaksana`` (58, the most common BUP).
    """
    if override:
        return override
    if jenis_jabatan == JenisJabatan.FUNGSIONAL:
        if jenjang in _KETERAMPILAN:
            return "jf_keterampilan"
        if jenjang.startswith("ahli_") and jenjang in JENJANG_FUNGSIONAL:
            return f"jf_{jenjang}"
        return "pelaksana"
    if jenis_jabatan in _JENIS_JABATAN_VALUES:
        return jenis_jabatan
    return "pelaksana"


# --- pegawai data ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved(Generic[T]):
    """A saved record plus the warnings (Indonesian sentences) the user should see; warnings never block."""

    value: T
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PegawaiInput:
    """What the pengelola types (or an import row holds) for one pegawai.

    ``tanggal_lahir``, ``jenis_kelamin``, ``status`` and (PNS) ``tmt_cpns`` left None are taken from the NIP.
    ``mkg_tahun``/``mkg_bulan`` are the masa kerja golongan on ``tmt_golongan`` as written in the SK.
    """

    nip: str
    nama: str
    tanggal_lahir: date | None = None
    jenis_kelamin: JenisKelamin | str | None = None
    status: StatusPegawai | str | None = None
    gelar_depan: str = ""
    gelar_belakang: str = ""
    tempat_lahir: str = ""
    nik: str = ""
    nip_lama: str = ""
    pns_id: str = ""
    akhir_kontrak: date | None = None
    tmt_cpns: date | None = None
    tmt_pns: date | None = None
    golongan_ruang: str = ""
    tmt_golongan: date | None = None
    mkg_tahun: int = 0
    mkg_bulan: int = 0
    jenis_jabatan: JenisJabatan | str = ""
    jenjang: str = ""
    jabatan: str = ""
    tmt_jabatan: date | None = None
    unit_id: int | None = None
    unor: str = ""
    pendidikan_terakhir: str = ""
    bup_kode: str = ""
    eselon: str = ""  # "II.a"; "" = not struktural
    kedudukan_hukum: str = AKTIF  # BKN kode or any text KedudukanTable.parse reads ("MPP", "99 - Pensiun")
    aktif: bool = True
    alasan_nonaktif: str = ""


@dataclass(frozen=True)
class PegawaiInfo:
    id: int
    nip: str  # bare
    nama: str
    gelar_depan: str
    gelar_belakang: str
    tempat_lahir: str
    tanggal_lahir: date
    jenis_kelamin: JenisKelamin
    nik: str
    nip_lama: str
    pns_id: str
    status: StatusPegawai
    akhir_kontrak: date | None
    tmt_cpns: date | None
    tmt_pns: date | None
    golongan_ruang: str
    pangkat: str  # "Penata Tingkat I"; "" for PPPK or unknown
    tmt_golongan: date | None
    mkg: MasaKerja
    kgb_tmt: date | None  # the latest berlaku KGB
    kgb_golongan_ruang: str
    kgb_mkg: MasaKerja
    jenis_jabatan: JenisJabatan | None
    jenjang: str
    jabatan: str
    tmt_jabatan: date | None
    unit_id: int | None
    unit_nama: str  # the org unit's name, else the SIASN unor text
    unor: str
    pendidikan_terakhir: str
    bup_kode: str
    ada_foto: bool
    eselon: str
    kedudukan: Kedudukan  # the row of kedudukan_hukum.csv, with its effect on the schedule
    aktif: bool
    alasan_nonaktif: str
    created_at: datetime
    updated_at: datetime

    @property
    def kedudukan_hukum(self) -> str:
        return self.kedudukan.kode

    @property
    def nip_format(self) -> str:
        """``19730314 199803 2 009``."""
        return format_nip(self.nip)

    @property
    def nama_lengkap(self) -> str:
        """``Dr. Budi Santoso, S.E., M.Si.`` as written in letters."""
        return nama_lengkap(self.nama, self.gelar_depan, self.gelar_belakang)

    @property
    def pangkat_golongan(self) -> str:
        """``Penata Tingkat I (III/d)``; the golongan alone for PPPK."""
        if self.pangkat:
            return f"{self.pangkat} ({self.golongan_ruang})"
        return self.golongan_ruang

    def as_input(self) -> PegawaiInput:
        """The form's values, for editing."""
        return PegawaiInput(
            nip=self.nip,
            nama=self.nama,
            tanggal_lahir=self.tanggal_lahir,
            jenis_kelamin=self.jenis_kelamin,
            status=self.status,
            gelar_depan=self.gelar_depan,
            gelar_belakang=self.gelar_belakang,
            tempat_lahir=self.tempat_lahir,
            nik=self.nik,
            nip_lama=self.nip_lama,
            pns_id=self.pns_id,
            akhir_kontrak=self.akhir_kontrak,
            tmt_cpns=self.tmt_cpns,
            tmt_pns=self.tmt_pns,
            golongan_ruang=self.golongan_ruang,
            tmt_golongan=self.tmt_golongan,
            mkg_tahun=self.mkg.tahun,
            mkg_bulan=self.mkg.bulan,
            jenis_jabatan=self.jenis_jabatan or "",
            jenjang=self.jenjang,
            jabatan=self.jabatan,
            tmt_jabatan=self.tmt_jabatan,
            unit_id=self.unit_id,
            unor=self.unor,
            pendidikan_terakhir=self.pendidikan_terakhir,
            bup_kode=self.bup_kode,
            eselon=self.eselon,
            kedudukan_hukum=self.kedudukan.kode,
            aktif=self.aktif,
            alasan_nonaktif=self.alasan_nonaktif,
        )


@dataclass(frozen=True)
class PegawaiRow:
    """One line of the pegawai list."""

    id: int
    nip: str
    nama_lengkap: str
    golongan_ruang: str
    jabatan: str
    unit_nama: str
    status: StatusPegawai
    aktif: bool

    @property
    def nip_format(self) -> str:
        return format_nip(self.nip)


def nama_lengkap(nama: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    text = f"{gelar_depan} {nama}".strip()
    return f"{text}, {gelar_belakang}" if gelar_belakang else text


# --- riwayat data -------------------------------------------------------------------------------------------------


class RiwayatKind(StrEnum):
    PANGKAT = "pangkat"
    KGB = "kgb"
    JABATAN = "jabatan"
    PENDIDIKAN = "pendidikan"
    HUKDIS = "hukdis"
    PENUNDAAN_KGB = "penundaan_kgb"
    CUTI = "cuti"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    RiwayatKind.PANGKAT: "Riwayat pangkat",
    RiwayatKind.KGB: "Riwayat KGB",
    RiwayatKind.JABATAN: "Riwayat jabatan",
    RiwayatKind.PENDIDIKAN: "Riwayat pendidikan",
    RiwayatKind.HUKDIS: "Riwayat hukuman disiplin",
    RiwayatKind.PENUNDAAN_KGB: "Penundaan KGB",
    RiwayatKind.CUTI: "Riwayat cuti",
}


@dataclass(frozen=True)
class PangkatEntry:
    """An SK pangkat; ``jenis`` is a key of ``JENIS_PANGKAT``."""

    kind: ClassVar[RiwayatKind] = RiwayatKind.PANGKAT
    tmt: date
    golongan_ruang: str
    mkg_tahun: int = 0
    mkg_bulan: int = 0
    jenis: str = "reguler"
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class KgbEntry:
    """An SK KGB; ``gaji_pokok`` None = from the pay table in force on the TMT."""

    kind: ClassVar[RiwayatKind] = RiwayatKind.KGB
    tmt: date
    golongan_ruang: str
    mkg_tahun: int
    mkg_bulan: int = 0
    gaji_pokok: int | None = None
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class JabatanEntry:
    kind: ClassVar[RiwayatKind] = RiwayatKind.JABATAN
    tmt: date
    jenis_jabatan: JenisJabatan | str
    jabatan: str
    jenjang: str = ""
    unit_id: int | None = None
    unor: str = ""
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class PendidikanEntry:
    """An ijazah: ``nomor_sk`` is the nomor ijazah, ``tmt`` the day of graduation when known."""

    kind: ClassVar[RiwayatKind] = RiwayatKind.PENDIDIKAN
    tingkat: str
    tmt: date | None = None
    tahun_lulus: int | None = None
    jurusan: str = ""
    nama_sekolah: str = ""
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class HukdisEntry:
    kind: ClassVar[RiwayatKind] = RiwayatKind.HUKDIS
    tmt: date
    tingkat: str  # key of TINGKAT_HUKDIS
    jenis: str
    selesai: date | None = None
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class PenundaanKgbEntry:
    """The KGB due on ``tmt`` is deferred ``bulan`` months (1-12, PP 7/1977 Pasal 13)."""

    kind: ClassVar[RiwayatKind] = RiwayatKind.PENUNDAAN_KGB
    tmt: date
    bulan: int
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


@dataclass(frozen=True)
class CutiEntry:
    """A leave from ``tmt`` to ``selesai``; ``hari_kerja`` None = counted on the office calendar (R19)."""

    kind: ClassVar[RiwayatKind] = RiwayatKind.CUTI
    tmt: date
    selesai: date
    jenis: CutiJenis | str
    keputusan: str = "disetujui"
    referensi: str = ""
    hari_kerja: int | None = None
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    keterangan: str = ""


RiwayatEntry = (
    PangkatEntry | KgbEntry | JabatanEntry | PendidikanEntry | HukdisEntry | PenundaanKgbEntry | CutiEntry
)

MODELS: Mapping[RiwayatKind, Any] = {
    RiwayatKind.PANGKAT: RiwayatPangkat,
    RiwayatKind.KGB: RiwayatKgb,
    RiwayatKind.JABATAN: RiwayatJabatan,
    RiwayatKind.PENDIDIKAN: RiwayatPendidikan,
    RiwayatKind.HUKDIS: RiwayatHukdis,
    RiwayatKind.PENUNDAAN_KGB: RiwayatPenundaanKgb,
    RiwayatKind.CUTI: RiwayatCuti,
}
_ENTRIES: Mapping[RiwayatKind, Any] = {
    RiwayatKind.PANGKAT: PangkatEntry,
    RiwayatKind.KGB: KgbEntry,
    RiwayatKind.JABATAN: JabatanEntry,
    RiwayatKind.PENDIDIKAN: PendidikanEntry,
    RiwayatKind.HUKDIS: HukdisEntry,
    RiwayatKind.PENUNDAAN_KGB: PenundaanKgbEntry,
    RiwayatKind.CUTI: CutiEntry,
}


@dataclass(frozen=True)
class RiwayatInfo:
    """One riwayat entry as stored. ``berlaku`` False: corrected by ``dikoreksi_oleh_id``, or a voiding entry."""

    kind: RiwayatKind
    id: int
    pegawai_id: int
    data: RiwayatEntry
    koreksi_atas_id: int | None
    alasan_koreksi: str
    batal: bool
    berlaku: bool
    dikoreksi_oleh_id: int | None
    created_at: datetime
    created_by: str  # username, "" when unknown


@dataclass(frozen=True)
class PegawaiDetail:
    """A pegawai with every riwayat entry (berlaku or not), newest TMT first per kind, and the R4 warnings."""

    pegawai: PegawaiInfo
    riwayat: Mapping[RiwayatKind, tuple[RiwayatInfo, ...]]
    warnings: tuple[str, ...] = ()

    def berlaku(self, kind: RiwayatKind) -> tuple[RiwayatInfo, ...]:
        return tuple(r for r in self.riwayat.get(kind, ()) if r.berlaku)


# --- reference ----------------------------------------------------------------------------------------------------


def reference() -> StaffReference:
    """The reference tables the staff rules use (the shipped seed; one place to switch to database copies)."""
    return seed_reference()


def pppk_golongan(ref: StaffReference) -> tuple[str, ...]:
    """PPPK golongan I … XVII, in order."""
    return tuple(p.golongan_pppk_setara for p in ref.pangkat if p.golongan_pppk_setara)


# --- validation -------------------------------------------------------------------------------------------------


def _text(value: str, limit: int, label: str, field_name: str, *, required: bool = False) -> str:
    cleaned = " ".join((value or "").split())
    if required and not cleaned:
        raise ValidationError(f"{label} wajib diisi.", field_name)
    if len(cleaned) > limit:
        raise ValidationError(f"{label} terlalu panjang (maksimal {limit} karakter).", field_name)
    return cleaned


def parse_status(value: StatusPegawai | str) -> StatusPegawai:
    try:
        return StatusPegawai(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            f"Status pegawai {value!r} tidak dikenal (CPNS, PNS atau PPPK).", "status"
        ) from None


def parse_jenis_kelamin(value: JenisKelamin | str) -> JenisKelamin:
    """``L``/``P`` and the usual spellings: M/F, Pria/Wanita, Laki-laki/Perempuan, 1/2."""
    key = re.sub(r"[^a-z0-9]", "", str(value).lower())
    if key in ("l", "m", "1", "pria", "lakilaki", "laki", "male"):
        return JenisKelamin.LAKI_LAKI
    if key in ("p", "f", "w", "2", "wanita", "perempuan", "female"):
        return JenisKelamin.PEREMPUAN
    raise ValidationError(
        f"Jenis kelamin {value!r} tidak dikenal (L/P, Laki-laki/Perempuan, M/F, 1/2).", "jenis_kelamin"
    )


def parse_jenis_jabatan(value: JenisJabatan | str, field_name: str = "jenis_jabatan") -> JenisJabatan | None:
    text = str(value).strip().lower()
    if not text:
        return None
    try:
        return JenisJabatan(text)
    except ValueError:
        raise ValidationError(
            f"Jenis jabatan {value!r} tidak dikenal (JPT, administrator, pengawas, fungsional, pelaksana).",
            field_name,
        ) from None


def parse_golongan(
    text: str, status: StatusPegawai, ref: StaffReference, field_name: str = "golongan_ruang"
) -> str:
    """``III/d`` for CPNS/PNS (any common spelling), ``IX`` for PPPK; "" stays ""."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return ""
    if status is StatusPegawai.PPPK:
        roman = re.sub(r"^gol(ongan)?\.?\s*", "", cleaned, flags=re.IGNORECASE).upper()
        if roman not in pppk_golongan(ref):
            raise ValidationError(
                f"Golongan PPPK {text!r} tidak dikenal (I sampai XVII, tanpa ruang).", field_name
            )
        return roman
    try:
        return ref.pangkat.get(normalize_golongan_ruang(cleaned)).golongan_ruang
    except ValueError as exc:
        raise ValidationError(str(exc), field_name) from None


# The eselon of PP 13/2002 (V.b was dropped by it); SIASN's ESELON ID for each ("21" = II.a).
ESELON: tuple[str, ...] = ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a")
_ESELON_BKN_ID = {
    "10": "I.a",
    "11": "I.a",
    "12": "I.b",
    "21": "II.a",
    "22": "II.b",
    "31": "III.a",
    "32": "III.b",
    "41": "IV.a",
    "42": "IV.b",
    "51": "V.a",
}
_NON_ESELON = re.compile(r"(non[\s\-]*eselon|non|tidak\s+ada|-|99)", re.IGNORECASE)


def parse_eselon(text: str, field_name: str = "eselon") -> str:
    """``II.a`` from ``IIa``, ``II/a``, ``II.A``, ``Eselon II.a`` or SIASN's ESELON ID ``21``; "" for none
    (blank, ``Non Eselon``, ``-``); ValidationError quoting anything else."""
    cleaned = " ".join((text or "").split())
    if not cleaned or _NON_ESELON.fullmatch(cleaned):
        return ""
    if cleaned in _ESELON_BKN_ID:
        return _ESELON_BKN_ID[cleaned]
    try:
        eselon = normalize_eselon(cleaned)
    except ValueError:
        eselon = ""
    if eselon not in ESELON:
        raise ValidationError(f"Eselon {text!r} tidak dikenal ({', '.join(ESELON)}).", field_name)
    return eselon


def parse_kedudukan(text: str, ref: StaffReference, field_name: str = "kedudukan_hukum") -> Kedudukan:
    """The kedudukan hukum row of a kode or name as offices and SIASN write it; blank is 01 Aktif."""
    try:
        return ref.kedudukan.parse(text) if (text or "").strip() else ref.kedudukan.get(AKTIF)
    except ValueError as exc:
        raise ValidationError(f"{exc}.", field_name) from None


def kedudukan_of(kode: str, ref: StaffReference) -> Kedudukan:
    """The stored kode's row; a kode removed from an edited table reads as a row of its own, kept on the board
    without KGB/KP (nothing is dropped silently, and nothing is promised)."""
    try:
        return ref.kedudukan.get(kode)
    except ValueError:
        return Kedudukan(kode, f"Kode {kode} (tidak ada di tabel kedudukan hukum)", Efek.TANPA_KENAIKAN)


def _mkg(tahun: int, bulan: int, field_name: str = "mkg_tahun") -> MasaKerja:
    if not 0 <= tahun <= 50:
        raise ValidationError("Masa kerja golongan (tahun) harus 0 sampai 50.", field_name)
    if not 0 <= bulan <= 11:
        raise ValidationError(
            "Masa kerja golongan (bulan) harus 0 sampai 11.", field_name.replace("tahun", "bulan")
        )
    return MasaKerja(tahun, bulan)


def _nip(text: str) -> NipInfo:
    try:
        return parse_nip(text)
    except NipError as exc:
        raise ValidationError(str(exc), "nip") from None


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class PegawaiValues:
    """PegawaiInput after validation (``clean_pegawai``): every value in its stored form."""

    nip: str
    nama: str
    tanggal_lahir: date
    jenis_kelamin: str
    status: str
    gelar_depan: str
    gelar_belakang: str
    tempat_lahir: str
    nik: str
    nip_lama: str
    pns_id: str
    akhir_kontrak: date | None
    tmt_cpns: date | None
    tmt_pns: date | None
    golongan_ruang: str
    tmt_golongan: date | None
    mkg_tahun: int
    mkg_bulan: int
    jenis_jabatan: str
    jenjang: str
    jabatan: str
    tmt_jabatan: date | None
    unit_id: int | None
    unor: str
    pendidikan_terakhir: str
    bup_kode: str
    eselon: str
    kedudukan_hukum: str
    aktif: bool
    alasan_nonaktif: str


_PANGKAT_FIELDS = ("golongan_ruang", "tmt_golongan", "mkg_tahun", "mkg_bulan")
_JABATAN_FIELDS = ("jenis_jabatan", "jenjang", "jabatan", "tmt_jabatan", "unit_id", "unor")
_PEGAWAI_FIELDS = tuple(f.name for f in fields(PegawaiValues))
_KGB_FIELDS = ("kgb_tmt", "kgb_golongan_ruang", "kgb_mkg_tahun", "kgb_mkg_bulan")


def clean_pegawai(
    data: PegawaiInput, ref: StaffReference, unit_ids: Collection[int] | None = None
) -> tuple[PegawaiValues, tuple[str, ...]]:
    """Validate and normalise one pegawai; ValidationError (with the field) for what cannot be stored, and the
    R4 and plausibility warnings for what can. ``unit_ids``: the known org units (None: not checked here)."""
    info = _nip(data.nip)
    nama = _text(data.nama, 200, "Nama", "nama", required=True)
    if data.status is None or (isinstance(data.status, str) and not data.status.strip()):
        status = StatusPegawai.PPPK if info.jenis is NipKind.PPPK else StatusPegawai.PNS
    else:
        status = parse_status(data.status)
    born = data.tanggal_lahir or info.tanggal_lahir
    if data.jenis_kelamin is None or (isinstance(data.jenis_kelamin, str) and not data.jenis_kelamin.strip()):
        gender = info.jenis_kelamin
    else:
        gender = parse_jenis_kelamin(data.jenis_kelamin)
    tmt_cpns = data.tmt_cpns
    if tmt_cpns is None and status.is_pns and info.tmt_cpns is not None:
        tmt_cpns = info.tmt_cpns
    nik = re.sub(r"\s", "", data.nik or "")
    if nik and not _NIK.fullmatch(nik):
        raise ValidationError("NIK harus 16 angka.", "nik")
    nip_lama = ""
    if (data.nip_lama or "").strip():
        try:
            nip_lama = parse_nip_lama(data.nip_lama)
        except NipError as exc:
            raise ValidationError(str(exc), "nip_lama") from None
    golongan = parse_golongan(data.golongan_ruang, status, ref)
    mkg = _mkg(data.mkg_tahun, data.mkg_bulan)
    if golongan and data.tmt_golongan is None:
        raise ValidationError("TMT golongan wajib diisi bila golongan diisi.", "tmt_golongan")
    jenis_jabatan = parse_jenis_jabatan(data.jenis_jabatan)
    jenjang = (data.jenjang or "").strip().lower().replace(" ", "_").replace("-", "_")
    if jenjang and jenjang not in JENJANG_FUNGSIONAL:
        raise ValidationError(
            f"Jenjang {data.jenjang!r} tidak dikenal ({', '.join(JENJANG_FUNGSIONAL.values())}).", "jenjang"
        )
    if jenjang and jenis_jabatan is not JenisJabatan.FUNGSIONAL:
        jenjang = ""  # only a jabatan fungsional has a jenjang
    if data.unit_id is not None and unit_ids is not None and data.unit_id not in unit_ids:
        raise ValidationError("Unit kerja tidak ditemukan.", "unit_id")
    bup = (data.bup_kode or "").strip()
    if bup:
        try:
            ref.bup.get(bup)
        except ValueError as exc:
            raise ValidationError(str(exc), "bup_kode") from None
    if data.akhir_kontrak is not None and status is not StatusPegawai.PPPK:
        raise ValidationError("Akhir perjanjian kerja hanya untuk PPPK.", "akhir_kontrak")
    eselon = parse_eselon(data.eselon)
    kedudukan = parse_kedudukan(data.kedudukan_hukum, ref)
    aktif, alasan = data.aktif, _text(data.alasan_nonaktif, 300, "Alasan", "alasan_nonaktif")
    if kedudukan.efek is Efek.KELUAR:
        # Out of service by law: never on the board; the reason says which kedudukan unless one was typed.
        aktif, alasan = False, (alasan if not data.aktif and alasan else kedudukan.nama)
    clean = PegawaiValues(
        nip=info.nip,
        nama=nama,
        tanggal_lahir=born,
        jenis_kelamin=gender.value,
        status=status.value,
        gelar_depan=_text(data.gelar_depan, 60, "Gelar depan", "gelar_depan"),
        gelar_belakang=_text(data.gelar_belakang, 100, "Gelar belakang", "gelar_belakang"),
        tempat_lahir=_text(data.tempat_lahir, 100, "Tempat lahir", "tempat_lahir"),
        nik=nik,
        nip_lama=nip_lama,
        pns_id=_text(data.pns_id, 64, "PNS ID", "pns_id"),
        akhir_kontrak=data.akhir_kontrak,
        tmt_cpns=tmt_cpns,
        tmt_pns=data.tmt_pns if status is not StatusPegawai.PPPK else None,
        golongan_ruang=golongan,
        tmt_golongan=data.tmt_golongan if golongan else None,
        mkg_tahun=mkg.tahun if golongan else 0,
        mkg_bulan=mkg.bulan if golongan else 0,
        jenis_jabatan=jenis_jabatan.value if jenis_jabatan else "",
        jenjang=jenjang,
        jabatan=_text(data.jabatan, 300, "Nama jabatan", "jabatan"),
        tmt_jabatan=data.tmt_jabatan,
        unit_id=data.unit_id,
        unor=_text(data.unor, 300, "Unit organisasi (SIASN)", "unor"),
        pendidikan_terakhir=_text(data.pendidikan_terakhir, 60, "Pendidikan terakhir", "pendidikan_terakhir"),
        bup_kode=bup,
        eselon=eselon,
        kedudukan_hukum=kedudukan.kode,
        aktif=aktif,
        alasan_nonaktif="" if aktif else alasan,
    )
    return clean, _warnings(clean, info, ref)


def _warnings(c: PegawaiValues, info: NipInfo, ref: StaffReference) -> tuple[str, ...]:
    status = StatusPegawai(c.status)
    out: list[str] = list(info.warnings)
    out.extend(
        nip_record_warnings(
            info,
            tanggal_lahir=c.tanggal_lahir,
            jenis_kelamin=JenisKelamin(c.jenis_kelamin),
            tmt_cpns=c.tmt_cpns if status.is_pns else None,
        )
    )
    if info.jenis is NipKind.PPPK and status.is_pns:
        out.append(f"NIP ini NI PPPK, tetapi status pegawai {status.label}.")
    if info.jenis is NipKind.PNS and status is StatusPegawai.PPPK:
        out.append("NIP ini NIP PNS, tetapi status pegawai PPPK.")
    # The record's own dates, when they differ from the NIP's (the NIP's own were checked by parse_nip).
    record_differs = c.tanggal_lahir != info.tanggal_lahir or (
        c.tmt_cpns is not None and info.tmt_cpns is not None and c.tmt_cpns != info.tmt_cpns
    )
    if c.tmt_cpns is not None and record_differs:
        if c.tanggal_lahir > c.tmt_cpns:
            out.append(
                f"Tanggal lahir ({format_date(c.tanggal_lahir)}) sesudah TMT CPNS ({format_date(c.tmt_cpns)})."
            )
        else:
            age = _age(c.tanggal_lahir, c.tmt_cpns)
            if not MIN_AGE_AT_TMT_CPNS <= age <= MAX_AGE_AT_TMT_CPNS:
                out.append(
                    f"Umur saat TMT CPNS {age} tahun, di luar {MIN_AGE_AT_TMT_CPNS}-{MAX_AGE_AT_TMT_CPNS} tahun."
                )
    if status.is_pns and c.tmt_cpns is None:
        out.append("TMT CPNS belum diisi: Satyalancana dan masa kerja pensiun tidak dihitung.")
    if c.tmt_golongan is not None and c.tmt_golongan.day != 1:
        out.append(f"TMT golongan {format_date(c.tmt_golongan)} bukan tanggal 1; periksa SK.")
    if c.tmt_golongan is not None and c.tmt_cpns is not None and c.tmt_golongan < c.tmt_cpns:
        out.append("TMT golongan sebelum TMT CPNS; periksa SK.")
    if status is StatusPegawai.PPPK and c.akhir_kontrak is None:
        out.append("Akhir perjanjian kerja PPPK belum diisi: tidak ada pengingat akhir kontrak.")
    if c.jenis_jabatan == JenisJabatan.FUNGSIONAL and not c.jenjang:
        out.append("Jenjang jabatan fungsional belum diisi: BUP dihitung 58 tahun.")
    if c.pendidikan_terakhir:
        try:
            ref.ijazah.get(normalize_pendidikan(c.pendidikan_terakhir))
        except ValueError:
            out.append(
                f"Pendidikan {c.pendidikan_terakhir!r} tidak ada di tabel ijazah: batas pangkat KP reguler "
                "tidak diperiksa."
            )
    if status.is_pns and not c.golongan_ruang:
        out.append("Golongan ruang belum diisi: KGB dan kenaikan pangkat tidak dihitung.")
    return tuple(dict.fromkeys(out))  # in order, without repeats


_PENDIDIKAN_WORDS = (
    (re.compile(r"\b(s\s*-?\s*3|strata\s*(3|iii)|doktor)\b"), "S-3"),
    (re.compile(r"\b(s\s*-?\s*2|strata\s*(2|ii)|magister|dokter|apoteker|profesi)\b"), "S-2"),
    (
        re.compile(r"\b(s\s*-?\s*1|strata\s*(1|i)|sarjana(?!\s+muda)|d\s*-?\s*(iv|4)|diploma\s*(iv|4))\b"),
        "S-1",
    ),
    (re.compile(r"\b(d\s*-?\s*(iii|3)|diploma\s*(iii|3)|sarjana\s+muda|akademi)\b"), "D-III"),
    (re.compile(r"\b(d\s*-?\s*(ii|2)|diploma\s*(ii|2))\b"), "D-II"),
    (re.compile(r"\b(d\s*-?\s*(i|1)|diploma\s*(i|1))\b"), "D-I"),
    (re.compile(r"\b(slta|sma|smk|smea|stm|ma|sekolah menengah atas)\b"), "SLTA"),
    (re.compile(r"\b(sltp|smp|mts)\b"), "SLTP"),
    (re.compile(r"\b(sd|mi|sekolah dasar)\b"), "SD"),
)


@lru_cache(maxsize=1024)
def normalize_pendidikan(text: str) -> str:
    """SIASN and hand-typed levels (``S-1/Sarjana``, ``Diploma III``, ``SMA``) -> a name of the ijazah table;
    unknown text is returned as typed (the caller warns)."""
    ref = reference()
    try:
        return ref.ijazah.get(text).ijazah
    except ValueError:
        pass
    for part in re.split(r"[/,;]", text):
        try:
            return ref.ijazah.get(part.strip()).ijazah
        except ValueError:
            continue
    folded = text.lower()
    if "kejuruan" in folded and re.search(r"\b(sltp|smp)\b", folded):
        return ref.ijazah.get("SLTP Kejuruan").ijazah
    for pattern, name in _PENDIDIKAN_WORDS:
        if pattern.search(folded):
            return ref.ijazah.get(name).ijazah
    return text


# --- loading and snapshots ----------------------------------------------------------------------------------------


def _unit_names(session: Session) -> dict[int, str]:
    return {uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))}


def _info(row: Pegawai, units: Mapping[int, str], ref: StaffReference) -> PegawaiInfo:
    status = StatusPegawai(row.status)
    pangkat = ""
    if row.golongan_ruang and status.is_pns:
        try:
            pangkat = ref.pangkat.get(row.golongan_ruang).nama
        except ValueError:
            pangkat = ""
    return PegawaiInfo(
        id=row.id,
        nip=row.nip,
        nama=row.nama,
        gelar_depan=row.gelar_depan,
        gelar_belakang=row.gelar_belakang,
        tempat_lahir=row.tempat_lahir,
        tanggal_lahir=row.tanggal_lahir,
        jenis_kelamin=JenisKelamin(row.jenis_kelamin),
        nik=row.nik,
        nip_lama=row.nip_lama,
        pns_id=row.pns_id,
        status=status,
        akhir_kontrak=row.akhir_kontrak,
        tmt_cpns=row.tmt_cpns,
        tmt_pns=row.tmt_pns,
        golongan_ruang=row.golongan_ruang,
        pangkat=pangkat,
        tmt_golongan=row.tmt_golongan,
        mkg=MasaKerja(row.mkg_tahun, row.mkg_bulan),
        kgb_tmt=row.kgb_tmt,
        kgb_golongan_ruang=row.kgb_golongan_ruang,
        kgb_mkg=MasaKerja(row.kgb_mkg_tahun, row.kgb_mkg_bulan),
        jenis_jabatan=JenisJabatan(row.jenis_jabatan) if row.jenis_jabatan else None,
        jenjang=row.jenjang,
        jabatan=row.jabatan,
        tmt_jabatan=row.tmt_jabatan,
        unit_id=row.unit_id,
        unit_nama=units.get(row.unit_id, "") if row.unit_id is not None else row.unor,
        unor=row.unor,
        pendidikan_terakhir=row.pendidikan_terakhir,
        bup_kode=row.bup_kode,
        ada_foto=row.foto_sha256 is not None,
        eselon=row.eselon,
        kedudukan=kedudukan_of(row.kedudukan_hukum, ref),
        aktif=row.aktif,
        alasan_nonaktif=row.alasan_nonaktif,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def input_from_row(row: Pegawai) -> PegawaiInput:
    """The stored pegawai as form values (what an import row starts from)."""
    return _info(row, {}, reference()).as_input()


def _get(session: Session, pegawai_id: int) -> Pegawai:
    row = session.get(Pegawai, pegawai_id, options=[defer(Pegawai.foto)])
    if row is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return row


def effective_rows(rows: Iterable[Any]) -> list[Any]:
    """The berlaku entries among riwayat rows of one kind (ORM rows or named tuples with ``id``,
    ``koreksi_atas_id`` and ``batal``): not corrected by another row, not voiding."""
    items = list(rows)
    corrected = {r.koreksi_atas_id for r in items if r.koreksi_atas_id is not None}
    return [r for r in items if r.id not in corrected and not r.batal]


def pendidikan_rank(tingkat: str) -> int:
    """The level of an ijazah in the ijazah table (SD lowest); -1 when unknown."""
    rules = list(reference().ijazah)
    try:
        return rules.index(reference().ijazah.get(normalize_pendidikan(tingkat)))
    except ValueError:
        return -1


def _sort_key(kind: RiwayatKind, row: Any) -> tuple[Any, ...]:
    """Latest first by TMT; pendidikan terakhir is the highest level, then the latest."""
    if kind is RiwayatKind.PENDIDIKAN:
        when = row.tmt or (date(row.tahun_lulus, 1, 1) if row.tahun_lulus else date.min)
        return pendidikan_rank(row.tingkat), when, row.id
    return row.tmt, row.id


def latest_effective(
    session: Session, kind: RiwayatKind, pegawai_ids: Collection[int] | None = None
) -> dict[int, Any]:
    """The berlaku entry with the latest TMT (then id) per pegawai, in one query."""
    model = MODELS[kind]
    query = select(model)
    if pegawai_ids is not None:
        if not pegawai_ids:
            return {}
        query = query.where(model.pegawai_id.in_(list(pegawai_ids)))
    by_pegawai: dict[int, list[Any]] = {}
    for row in session.scalars(query):
        by_pegawai.setdefault(row.pegawai_id, []).append(row)
    result: dict[int, Any] = {}
    for pid, rows in by_pegawai.items():
        alive = effective_rows(rows)
        if alive:
            result[pid] = max(alive, key=lambda r: _sort_key(kind, r))
    return result


def current_values(row: Pegawai) -> dict[str, Any]:
    return {name: getattr(row, name) for name in (*_PEGAWAI_FIELDS, *_KGB_FIELDS)}


def refresh_current(session: Session, row: Pegawai, kinds: Iterable[RiwayatKind]) -> None:
    """Make the pegawai's current columns follow the latest berlaku riwayat (R27)."""
    for kind in kinds:
        latest = latest_effective(session, kind, [row.id]).get(row.id)
        if kind is RiwayatKind.KGB:
            row.kgb_tmt = latest.tmt if latest is not None else None
            row.kgb_golongan_ruang = latest.golongan_ruang if latest is not None else ""
            row.kgb_mkg_tahun = latest.mkg_tahun if latest is not None else 0
            row.kgb_mkg_bulan = latest.mkg_bulan if latest is not None else 0
        if latest is None:
            continue
        if kind is RiwayatKind.PANGKAT:
            row.golongan_ruang = latest.golongan_ruang
            row.tmt_golongan = latest.tmt
            row.mkg_tahun, row.mkg_bulan = latest.mkg_tahun, latest.mkg_bulan
        elif kind is RiwayatKind.JABATAN:
            row.jenis_jabatan, row.jenjang, row.jabatan = latest.jenis_jabatan, latest.jenjang, latest.jabatan
            row.tmt_jabatan, row.unit_id, row.unor = latest.tmt, latest.unit_id, latest.unor
        elif kind is RiwayatKind.PENDIDIKAN:
            row.pendidikan_terakhir = latest.tingkat


# --- pegawai: create, update, read --------------------------------------------------------------------------------


def _check_nip_free(session: Session, nip: str, own_id: int | None) -> None:
    other = session.execute(select(Pegawai.id, Pegawai.nama).where(Pegawai.nip == nip)).first()
    if other is not None and other.id != own_id:
        raise ValidationError(f"NIP {format_nip(nip)} sudah terdaftar atas nama {other.nama}.", "nip")


@dataclass
class PendingRiwayat:
    """Riwayat rows to insert for one pegawai after the pegawai rows are flushed."""

    rows: dict[RiwayatKind, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, kind: RiwayatKind, values: dict[str, Any]) -> None:
        self.rows.setdefault(kind, []).append(values)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.rows.values())


def _riwayat_values(actor: Actor, now: datetime, **values: Any) -> dict[str, Any]:
    base = {
        "nomor_sk": "",
        "tanggal_sk": None,
        "alasan_koreksi": "",
        "batal": False,
        "keterangan": "",
        "koreksi_atas_id": None,
        "created_at": now,
        "created_by": actor.user_id,
    }
    base.update(values)
    return base


def plan_riwayat(
    actor: Actor,
    clean: PegawaiValues,
    before: Mapping[str, Any] | None,
    latest: Mapping[RiwayatKind, Any],
    *,
    alasan: str,
    now: datetime,
    pending: PendingRiwayat,
) -> None:
    """Queue the riwayat entries a save implies: a pangkat, jabatan or pendidikan that changed (or is new).

    Same TMT as the latest berlaku entry = the same SK with corrected data: a correction of that entry.
    """
    changed = before is None or any(before[f] != getattr(clean, f) for f in _PANGKAT_FIELDS)
    if changed and clean.golongan_ruang and clean.tmt_golongan is not None:
        last = latest.get(RiwayatKind.PANGKAT)
        same = last is not None and last.tmt == clean.tmt_golongan
        values = {
            "tmt": clean.tmt_golongan,
            "golongan_ruang": clean.golongan_ruang,
            "mkg_tahun": clean.mkg_tahun,
            "mkg_bulan": clean.mkg_bulan,
            "jenis": "pppk" if clean.status == StatusPegawai.PPPK else "data",
        }
        if same and last is not None:
            values.update(
                nomor_sk=last.nomor_sk,
                tanggal_sk=last.tanggal_sk,
                jenis=last.jenis,
                koreksi_atas_id=last.id,
                alasan_koreksi=alasan,
            )
        if not same or any(
            values[k] != getattr(last, k) for k in ("golongan_ruang", "mkg_tahun", "mkg_bulan")
        ):
            pending.add(RiwayatKind.PANGKAT, _riwayat_values(actor, now, **values))
    changed = before is None or any(before[f] != getattr(clean, f) for f in _JABATAN_FIELDS)
    if changed and clean.jabatan and clean.jenis_jabatan and clean.tmt_jabatan is not None:
        last = latest.get(RiwayatKind.JABATAN)
        same = last is not None and last.tmt == clean.tmt_jabatan
        values = {
            "tmt": clean.tmt_jabatan,
            "jenis_jabatan": clean.jenis_jabatan,
            "jenjang": clean.jenjang,
            "jabatan": clean.jabatan,
            "unit_id": clean.unit_id,
            "unor": clean.unor,
        }
        if same and last is not None:
            values.update(
                nomor_sk=last.nomor_sk,
                tanggal_sk=last.tanggal_sk,
                koreksi_atas_id=last.id,
                alasan_koreksi=alasan,
            )
        keys = ("jenis_jabatan", "jenjang", "jabatan", "unit_id", "unor")
        if not same or any(values[k] != getattr(last, k) for k in keys):
            pending.add(RiwayatKind.JABATAN, _riwayat_values(actor, now, **values))
    changed = before is None or before["pendidikan_terakhir"] != clean.pendidikan_terakhir
    if changed and clean.pendidikan_terakhir:
        last = latest.get(RiwayatKind.PENDIDIKAN)
        if last is None or last.tingkat != clean.pendidikan_terakhir:
            pending.add(
                RiwayatKind.PENDIDIKAN,
                _riwayat_values(
                    actor,
                    now,
                    tmt=None,
                    tingkat=clean.pendidikan_terakhir,
                    jurusan="",
                    nama_sekolah="",
                    tahun_lulus=None,
                ),
            )


def insert_pending(session: Session, pending: Mapping[int, PendingRiwayat]) -> int:
    """Insert the queued riwayat rows (pegawai id -> rows) in bulk; returns how many."""
    by_kind: dict[RiwayatKind, list[dict[str, Any]]] = {}
    for pid, queued in pending.items():
        for kind, rows in queued.rows.items():
            by_kind.setdefault(kind, []).extend({**r, "pegawai_id": pid} for r in rows)
    total = 0
    for kind, rows in by_kind.items():
        for start in range(0, len(rows), 1000):
            session.execute(insert(MODELS[kind]), rows[start : start + 1000])
        total += len(rows)
    return total


def apply_values(row: Pegawai, clean: PegawaiValues) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    for name in _PEGAWAI_FIELDS:
        new = getattr(clean, name)
        old = getattr(row, name)
        if old != new:
            changes[name] = (old, new)
            setattr(row, name, new)
    return changes


def _unit_ids(session: Session) -> set[int]:
    return set(session.scalars(select(OrgUnit.id)))


def new_pegawai_row(values: PegawaiValues, actor: Actor, now: datetime) -> Pegawai:
    """An unsaved pegawai row with no KGB yet."""
    return Pegawai(
        **asdict(values),
        kgb_tmt=None,
        kgb_golongan_ruang="",
        kgb_mkg_tahun=0,
        kgb_mkg_bulan=0,
        created_at=now,
        updated_at=now,
        created_by=actor.user_id,
    )


def create_pegawai(session: Session, actor: Actor, data: PegawaiInput) -> Saved[PegawaiInfo]:
    """Register a pegawai; its pangkat, jabatan and pendidikan become the first riwayat entries."""
    actor.require(Perm.WRITE_STAFF)
    ref = reference()
    clean, warnings = clean_pegawai(data, ref, _unit_ids(session))
    _check_nip_free(session, clean.nip, None)
    now = clock.utc_now()
    row = new_pegawai_row(clean, actor, now)
    session.add(row)
    session.flush()
    pending = PendingRiwayat()
    plan_riwayat(actor, clean, None, {}, alasan="", now=now, pending=pending)
    insert_pending(session, {row.id: pending})
    audit.record(
        session,
        actor,
        "buat",
        "pegawai",
        row.id,
        summary=f"Pegawai {format_nip(row.nip)} {row.nama} didaftarkan",
        after=_audit_view(current_values(row)),
    )
    log.info("pegawai %s created", row.id)
    return Saved(_info(row, _unit_names(session), ref), warnings)


def _audit_view(values: Mapping[str, Any]) -> dict[str, Any]:
    # The NIK is personal data that the log does not need; everything else helps to trace a change.
    return {k: ("***" if k == "nik" and v else v) for k, v in values.items()}


def update_pegawai(
    session: Session, actor: Actor, pegawai_id: int, data: PegawaiInput, *, alasan: str = ""
) -> Saved[PegawaiInfo]:
    """Save the pegawai form. A changed pangkat or jabatan appends a riwayat entry (a correction of the latest
    when its TMT is unchanged, with ``alasan`` or "Perbaikan data pegawai")."""
    actor.require(Perm.WRITE_STAFF)
    ref = reference()
    row = _get(session, pegawai_id)
    clean, warnings = clean_pegawai(data, ref, _unit_ids(session))
    _check_nip_free(session, clean.nip, row.id)
    before = current_values(row)
    latest = {
        kind: found
        for kind in (RiwayatKind.PANGKAT, RiwayatKind.JABATAN, RiwayatKind.PENDIDIKAN)
        if (found := latest_effective(session, kind, [row.id]).get(row.id)) is not None
    }
    now = clock.utc_now()
    pending = PendingRiwayat()
    reason = _text(alasan, 300, "Alasan", "alasan") or "Perbaikan data pegawai"
    plan_riwayat(actor, clean, before, latest, alasan=reason, now=now, pending=pending)
    changes = apply_values(row, clean)
    if changes or pending.count:
        row.updated_at = now
        insert_pending(session, {row.id: pending})
        session.flush()
        refresh_current(session, row, pending.rows)
        warnings += _superseded_warnings(row, clean)
        audit.record(
            session,
            actor,
            "ubah",
            "pegawai",
            row.id,
            summary=f"Data pegawai {format_nip(row.nip)} {row.nama} diubah"
            + (f" ({pending.count} entri riwayat)" if pending.count else ""),
            before=_audit_view({k: v[0] for k, v in changes.items()}),
            after=_audit_view({k: v[1] for k, v in changes.items()}),
        )
    return Saved(_info(row, _unit_names(session), ref), warnings)


def _superseded_warnings(row: Pegawai, clean: PegawaiValues) -> tuple[str, ...]:
    """When the form's pangkat or jabatan is older than a riwayat entry, the current values follow the riwayat."""
    out = []
    if clean.tmt_golongan is not None and row.tmt_golongan != clean.tmt_golongan:
        out.append(
            f"Pangkat yang diisi (TMT {format_date(clean.tmt_golongan)}) lebih lama dari riwayat pangkat terakhir; "
            f"pangkat sekarang mengikuti riwayat: {row.golongan_ruang} TMT {format_date(row.tmt_golongan)}."
            if row.tmt_golongan is not None
            else "Pangkat sekarang mengikuti riwayat pangkat."
        )
    if clean.tmt_jabatan is not None and row.tmt_jabatan != clean.tmt_jabatan:
        out.append(
            "Jabatan yang diisi lebih lama dari riwayat jabatan terakhir; jabatan sekarang mengikuti riwayat."
        )
    return tuple(out)


def set_active(session: Session, actor: Actor, pegawai_id: int, aktif: bool, alasan: str = "") -> PegawaiInfo:
    """Mark a pegawai inactive (pensiun, pindah, meninggal: ``alasan`` required) or active again."""
    actor.require(Perm.WRITE_STAFF)
    row = _get(session, pegawai_id)
    reason = _text(alasan, 300, "Alasan", "alasan_nonaktif", required=not aktif)
    # Back in service: a kedudukan that means out of service (pensiun, diberhentikan) no longer holds.
    back = aktif and kedudukan_of(row.kedudukan_hukum, reference()).efek is Efek.KELUAR
    if row.aktif != aktif or (not aktif and row.alasan_nonaktif != reason) or back:
        before = {
            "aktif": row.aktif,
            "alasan_nonaktif": row.alasan_nonaktif,
            "kedudukan_hukum": row.kedudukan_hukum,
        }
        row.aktif = aktif
        row.alasan_nonaktif = "" if aktif else reason
        if back:
            row.kedudukan_hukum = AKTIF
        row.updated_at = clock.utc_now()
        audit.record(
            session,
            actor,
            "aktif" if aktif else "nonaktif",
            "pegawai",
            row.id,
            summary=f"Pegawai {format_nip(row.nip)} {row.nama} "
            + ("diaktifkan" if aktif else f"nonaktif: {reason}"),
            before=before,
            after={
                "aktif": row.aktif,
                "alasan_nonaktif": row.alasan_nonaktif,
                "kedudukan_hukum": row.kedudukan_hukum,
            },
        )
    return _info(row, _unit_names(session), reference())


def get_pegawai(session: Session, actor: Actor, pegawai_id: int) -> PegawaiDetail:
    """The pegawai with all riwayat (every entry, berlaku flagged) and the NIP cross-check warnings."""
    actor.require(Perm.VIEW)
    ref = reference()
    row = _get(session, pegawai_id)
    users = {uid: name for uid, name in session.execute(select(User.id, User.username))}
    riwayat: dict[RiwayatKind, tuple[RiwayatInfo, ...]] = {}
    for kind, model in MODELS.items():
        rows = list(session.scalars(select(model).where(model.pegawai_id == row.id)))
        riwayat[kind] = tuple(
            sorted(
                (_riwayat_info(kind, r, rows, users) for r in rows),
                key=lambda info: (_entry_sort_date(info.data), info.id),
                reverse=True,
            )
        )
    warnings: tuple[str, ...] = ()
    try:
        warnings = clean_pegawai(_info(row, {}, ref).as_input(), ref)[1]
    except ValidationError as exc:  # stored before a rule got stricter; show it, don't fail the view
        warnings = (str(exc),)
    return PegawaiDetail(_info(row, _unit_names(session), ref), riwayat, warnings)


def find_by_nip(session: Session, actor: Actor, nip: str) -> PegawaiInfo | None:
    actor.require(Perm.VIEW)
    row = session.scalar(select(Pegawai).options(defer(Pegawai.foto)).where(Pegawai.nip == bare_nip(nip)))
    return _info(row, _unit_names(session), reference()) if row is not None else None


def list_pegawai(
    session: Session,
    actor: Actor,
    *,
    text: str = "",
    unit_id: int | None = None,
    status: StatusPegawai | None = None,
    aktif: bool | None = True,
    limit: int = 500,
    offset: int = 0,
) -> tuple[list[PegawaiRow], int]:
    """The pegawai list in NIP order, with the total for paging.

    ``text``: digits find NIPs containing them (spaces ignored); words must each occur in the name, jabatan or
    unit (case ignored).
    """
    actor.require(Perm.VIEW)
    conditions: list[ColumnElement[bool]] = []
    if aktif is not None:
        conditions.append(Pegawai.aktif.is_(aktif))
    if unit_id is not None:
        conditions.append(Pegawai.unit_id == unit_id)
    if status is not None:
        conditions.append(Pegawai.status == status.value)
    digits = bare_nip(text)
    if digits and re.fullmatch(r"[\d\s.]+", text.strip()):
        conditions.append(Pegawai.nip.contains(digits))
    else:
        for word in text.split():
            like = f"%{word}%"
            conditions.append(
                or_(Pegawai.nama.ilike(like), Pegawai.jabatan.ilike(like), Pegawai.unor.ilike(like))
            )
    total = session.scalar(select(func.count()).select_from(Pegawai).where(*conditions)) or 0
    query = (
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.golongan_ruang,
            Pegawai.jabatan,
            Pegawai.unit_id,
            Pegawai.unor,
            Pegawai.status,
            Pegawai.aktif,
        )
        .where(*conditions)
        .order_by(Pegawai.nip)
        .limit(limit)
        .offset(offset)
    )
    units = _unit_names(session)
    rows = [
        PegawaiRow(
            id=r.id,
            nip=r.nip,
            nama_lengkap=nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
            golongan_ruang=r.golongan_ruang,
            jabatan=r.jabatan,
            unit_nama=units.get(r.unit_id, "") if r.unit_id is not None else r.unor,
            status=StatusPegawai(r.status),
            aktif=r.aktif,
        )
        for r in session.execute(query)
    ]
    return rows, int(total)


# --- photo ------------------------------------------------------------------------------------------------------


def set_photo(session: Session, actor: Actor, pegawai_id: int, content: bytes | None) -> None:
    """Store (or with None remove) the pegawai's photo: PNG or JPEG, at most 2 MB, with its SHA-256."""
    actor.require(Perm.WRITE_STAFF)
    row = _get(session, pegawai_id)
    if content is not None:
        if len(content) > PHOTO_MAX_BYTES:
            raise ValidationError("Foto terlalu besar (maksimal 2 MB).", "foto")
        if not content.startswith(_PHOTO_MAGIC):
            raise ValidationError("Foto harus berkas PNG atau JPEG.", "foto")
    before = row.foto_sha256
    row.foto = content
    row.foto_sha256 = hashlib.sha256(content).hexdigest() if content is not None else None
    row.updated_at = clock.utc_now()
    audit.record(
        session,
        actor,
        "foto",
        "pegawai",
        row.id,
        summary=f"Foto pegawai {format_nip(row.nip)} " + ("diganti" if content is not None else "dihapus"),
        before={"foto_sha256": before},
        after={"foto_sha256": row.foto_sha256},
    )


def get_photo(session: Session, actor: Actor, pegawai_id: int) -> bytes | None:
    """The photo, or None; a stored photo whose SHA-256 no longer matches is refused."""
    actor.require(Perm.VIEW)
    found = session.execute(select(Pegawai.foto, Pegawai.foto_sha256).where(Pegawai.id == pegawai_id)).first()
    if found is None:
        raise NotFound("Pegawai tidak ditemukan.")
    if found.foto is None:
        return None
    if hashlib.sha256(found.foto).hexdigest() != found.foto_sha256:
        raise ValidationError("Foto pegawai rusak (SHA-256 tidak cocok); unggah ulang fotonya.", "foto")
    return bytes(found.foto)


# --- riwayat ------------------------------------------------------------------------------------------------------


def _entry_sort_date(entry: RiwayatEntry) -> date:
    if isinstance(entry, PendidikanEntry):
        return entry.tmt or (date(entry.tahun_lulus, 1, 1) if entry.tahun_lulus else date.min)
    return entry.tmt


def _entry_from_row(kind: RiwayatKind, row: Any) -> RiwayatEntry:
    cls = _ENTRIES[kind]
    values = {f.name: getattr(row, f.name) for f in fields(cls)}
    if kind is RiwayatKind.JABATAN:
        values["jenis_jabatan"] = JenisJabatan(values["jenis_jabatan"])
    if kind is RiwayatKind.CUTI:
        values["jenis"] = CutiJenis(values["jenis"])
    entry: RiwayatEntry = cls(**values)
    return entry


def _riwayat_info(
    kind: RiwayatKind, row: Any, siblings: Sequence[Any], users: Mapping[int, str]
) -> RiwayatInfo:
    corrected_by = next((s.id for s in siblings if s.koreksi_atas_id == row.id), None)
    return RiwayatInfo(
        kind=kind,
        id=row.id,
        pegawai_id=row.pegawai_id,
        data=_entry_from_row(kind, row),
        koreksi_atas_id=row.koreksi_atas_id,
        alasan_koreksi=row.alasan_koreksi,
        batal=row.batal,
        berlaku=corrected_by is None and not row.batal,
        dikoreksi_oleh_id=corrected_by,
        created_at=row.created_at,
        created_by=users.get(row.created_by, "") if row.created_by is not None else "",
    )


def _sk(entry: RiwayatEntry) -> dict[str, Any]:
    return {
        "nomor_sk": _text(entry.nomor_sk, 100, "Nomor SK", "nomor_sk"),
        "tanggal_sk": entry.tanggal_sk,
        "keterangan": (entry.keterangan or "").strip(),
    }


def clean_entry(
    session: Session, pegawai: Pegawai, entry: RiwayatEntry, ref: StaffReference
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Validate one riwayat entry for a pegawai: the column values to store, and warnings."""
    status = StatusPegawai(pegawai.status)
    warnings: list[str] = []
    values = _sk(entry)
    if isinstance(entry, PangkatEntry | KgbEntry):
        if entry.tmt is None:
            raise ValidationError("TMT wajib diisi.", "tmt")
        golongan = parse_golongan(entry.golongan_ruang, status, ref)
        if not golongan:
            raise ValidationError("Golongan ruang wajib diisi.", "golongan_ruang")
        mkg = _mkg(entry.mkg_tahun, entry.mkg_bulan)
        values.update(tmt=entry.tmt, golongan_ruang=golongan, mkg_tahun=mkg.tahun, mkg_bulan=mkg.bulan)
        if entry.tmt.day != 1:
            warnings.append(f"TMT {format_date(entry.tmt)} bukan tanggal 1; periksa SK.")
        if isinstance(entry, PangkatEntry):
            if entry.jenis not in JENIS_PANGKAT:
                raise ValidationError(f"Jenis kenaikan pangkat {entry.jenis!r} tidak dikenal.", "jenis")
            values["jenis"] = entry.jenis
        else:
            amount = entry.gaji_pokok
            if amount is None:
                tables = ref.gaji if status.is_pns else ref.gaji_pppk
                first = min(table.berlaku_mulai for table in tables)
                if not status.is_pns and entry.tmt < first:
                    # Only the PPPK table of Perpres 11/2024 ships: an older SK's amount is the SK's own.
                    raise ValidationError(
                        f"Gaji pokok PPPK wajib diisi untuk TMT sebelum {format_date(first)} (tabel gaji PPPK "
                        "yang tersedia mulai berlaku tanggal itu).",
                        "gaji_pokok",
                    )
                amount = gaji_pokok(tables, golongan, mkg, on=entry.tmt).value
            if amount < 0:
                raise ValidationError("Gaji pokok tidak boleh negatif.", "gaji_pokok")
            values["gaji_pokok"] = amount
    elif isinstance(entry, JabatanEntry):
        jenis = parse_jenis_jabatan(entry.jenis_jabatan)
        if jenis is None:
            raise ValidationError("Jenis jabatan wajib diisi.", "jenis_jabatan")
        jenjang = (entry.jenjang or "").strip().lower().replace(" ", "_").replace("-", "_")
        if jenjang and jenjang not in JENJANG_FUNGSIONAL:
            raise ValidationError(f"Jenjang {entry.jenjang!r} tidak dikenal.", "jenjang")
        if entry.unit_id is not None and session.get(OrgUnit, entry.unit_id) is None:
            raise ValidationError("Unit kerja tidak ditemukan.", "unit_id")
        values.update(
            tmt=entry.tmt,
            jenis_jabatan=jenis.value,
            jenjang=jenjang if jenis is JenisJabatan.FUNGSIONAL else "",
            jabatan=_text(entry.jabatan, 300, "Nama jabatan", "jabatan", required=True),
            unit_id=entry.unit_id,
            unor=_text(entry.unor, 300, "Unit organisasi", "unor"),
        )
    elif isinstance(entry, PendidikanEntry):
        tingkat = _text(entry.tingkat, 60, "Tingkat pendidikan", "tingkat", required=True)
        try:
            ref.ijazah.get(normalize_pendidikan(tingkat))
        except ValueError:
            warnings.append(f"Pendidikan {tingkat!r} tidak ada di tabel ijazah.")
        if entry.tahun_lulus is not None and not 1900 <= entry.tahun_lulus <= 2200:
            raise ValidationError("Tahun lulus tidak masuk akal.", "tahun_lulus")
        values.update(
            tmt=entry.tmt,
            tingkat=tingkat,
            jurusan=_text(entry.jurusan, 200, "Jurusan", "jurusan"),
            nama_sekolah=_text(entry.nama_sekolah, 200, "Nama sekolah", "nama_sekolah"),
            tahun_lulus=entry.tahun_lulus or (entry.tmt.year if entry.tmt else None),
        )
    elif isinstance(entry, HukdisEntry):
        if entry.tingkat not in TINGKAT_HUKDIS:
            raise ValidationError("Tingkat hukuman disiplin harus ringan, sedang atau berat.", "tingkat")
        if entry.selesai is not None and entry.selesai < entry.tmt:
            raise ValidationError("Tanggal selesai hukuman sebelum TMT.", "selesai")
        values.update(
            tmt=entry.tmt,
            tingkat=entry.tingkat,
            jenis=_text(entry.jenis, 200, "Jenis hukuman", "jenis", required=True),
            selesai=entry.selesai,
        )
    elif isinstance(entry, PenundaanKgbEntry):
        if not 1 <= entry.bulan <= 12:
            raise ValidationError(
                "Penundaan KGB 1 sampai 12 bulan sekali tunda (PP 7/1977 Pasal 13).", "bulan"
            )
        if entry.tmt.day != 1:
            raise ValidationError("TMT KGB yang ditunda selalu tanggal 1.", "tmt")
        values.update(tmt=entry.tmt, bulan=entry.bulan)
    elif isinstance(entry, CutiEntry):
        try:
            jenis_cuti = CutiJenis(str(entry.jenis))
        except ValueError:
            raise ValidationError(f"Jenis cuti {entry.jenis!r} tidak dikenal.", "jenis") from None
        if entry.selesai < entry.tmt:
            raise ValidationError("Tanggal selesai cuti sebelum tanggal mulai.", "selesai")
        if entry.keputusan not in KEPUTUSAN_CUTI:
            raise ValidationError("Keputusan cuti tidak dikenal.", "keputusan")
        if status is StatusPegawai.PPPK and not jenis_cuti.for_pppk:
            warnings.append(f"{jenis_cuti.label} tidak tersedia untuk PPPK (PP 49/2018).")
        if entry.tmt.year != entry.selesai.year:
            warnings.append("Cuti melewati 31 Desember; sebaiknya dipecah per tahun (R19).")
        days = entry.hari_kerja
        if days is None:
            days = cuti_working_days(entry.tmt, entry.selesai, calendar.working_calendar(session)).value
        if days < 0:
            raise ValidationError("Jumlah hari kerja tidak boleh negatif.", "hari_kerja")
        values.update(
            tmt=entry.tmt,
            selesai=entry.selesai,
            jenis=jenis_cuti.value,
            keputusan=entry.keputusan,
            referensi=_text(entry.referensi, 100, "Nomor referensi", "referensi"),
            hari_kerja=days,
        )
    else:  # pragma: no cover - the union above is exhaustive
        raise ValidationError("Jenis riwayat tidak dikenal.")
    if values.get("tmt") is None and not isinstance(entry, PendidikanEntry):
        raise ValidationError("TMT wajib diisi.", "tmt")
    return values, tuple(warnings)


def _current_kinds(kind: RiwayatKind) -> tuple[RiwayatKind, ...]:
    if kind in (RiwayatKind.PANGKAT, RiwayatKind.KGB, RiwayatKind.JABATAN, RiwayatKind.PENDIDIKAN):
        return (kind,)
    return ()


def _store_entry(
    session: Session,
    actor: Actor,
    pegawai: Pegawai,
    kind: RiwayatKind,
    values: dict[str, Any],
    *,
    action: str,
    summary: str,
) -> RiwayatInfo:
    model = MODELS[kind]
    before = current_values(pegawai)
    row = model(pegawai_id=pegawai.id, created_at=clock.utc_now(), created_by=actor.user_id, **values)
    session.add(row)
    session.flush()
    refresh_current(session, pegawai, _current_kinds(kind))
    if current_values(pegawai) != before:
        pegawai.updated_at = clock.utc_now()
    audit.record(
        session,
        actor,
        action,
        model.__tablename__,
        row.id,
        summary=summary,
        after={"pegawai_id": pegawai.id, **values},
    )
    siblings = list(session.scalars(select(model).where(model.pegawai_id == pegawai.id)))
    users = {actor.user_id: actor.username} if actor.user_id is not None else {}
    return _riwayat_info(kind, row, siblings, users)


def _label(kind: RiwayatKind, values: Mapping[str, Any]) -> str:
    tmt = values.get("tmt")
    when = f" TMT {format_date(tmt)}" if tmt else ""
    return f"{kind.label}{when}"


def add_riwayat(session: Session, actor: Actor, pegawai_id: int, entry: RiwayatEntry) -> Saved[RiwayatInfo]:
    """Append a riwayat entry; the pegawai's current pangkat/jabatan/pendidikan follow the latest TMT."""
    actor.require(Perm.WRITE_STAFF)
    pegawai = _get(session, pegawai_id)
    values, warnings = clean_entry(session, pegawai, entry, reference())
    info = _store_entry(
        session,
        actor,
        pegawai,
        entry.kind,
        values,
        action="tambah",
        summary=f"{_label(entry.kind, values)} ditambahkan untuk {format_nip(pegawai.nip)} {pegawai.nama}",
    )
    return Saved(info, warnings)


def _chain_head(session: Session, kind: RiwayatKind, riwayat_id: int) -> Any:
    model = MODELS[kind]
    row = session.get(model, riwayat_id)
    if row is None:
        raise NotFound(f"{kind.label}: entri tidak ditemukan.")
    newer = session.scalar(select(model.id).where(model.koreksi_atas_id == row.id))
    if newer is not None:
        raise ValidationError(
            f"Entri ini sudah dikoreksi oleh entri #{newer}; koreksi entri yang terakhir.", "koreksi_atas_id"
        )
    return row


def correct_riwayat(
    session: Session, actor: Actor, kind: RiwayatKind, riwayat_id: int, entry: RiwayatEntry, alasan: str
) -> Saved[RiwayatInfo]:
    """Correct an entry: a new entry with the right values that points at the wrong one, with the reason."""
    actor.require(Perm.WRITE_STAFF)
    if entry.kind is not kind:
        raise ValidationError("Koreksi harus berjenis sama dengan entri yang dikoreksi.")
    reason = _text(alasan, 300, "Alasan koreksi", "alasan", required=True)
    old = _chain_head(session, kind, riwayat_id)
    pegawai = _get(session, old.pegawai_id)
    values, warnings = clean_entry(session, pegawai, entry, reference())
    values.update(koreksi_atas_id=old.id, alasan_koreksi=reason)
    info = _store_entry(
        session,
        actor,
        pegawai,
        kind,
        values,
        action="koreksi",
        summary=f"{_label(kind, values)} ({format_nip(pegawai.nip)}) mengoreksi entri #{old.id}: {reason}",
    )
    return Saved(info, warnings)


def cancel_riwayat(
    session: Session, actor: Actor, kind: RiwayatKind, riwayat_id: int, alasan: str
) -> RiwayatInfo:
    """Void an entry recorded by mistake: a voiding entry (a copy marked ``batal``) that points at it."""
    actor.require(Perm.WRITE_STAFF)
    reason = _text(alasan, 300, "Alasan pembatalan", "alasan", required=True)
    old = _chain_head(session, kind, riwayat_id)
    if old.batal:
        raise ValidationError("Entri ini sudah dibatalkan.", "koreksi_atas_id")
    pegawai = _get(session, old.pegawai_id)
    model = MODELS[kind]
    skip = {"id", "pegawai_id", "created_at", "created_by", "koreksi_atas_id", "alasan_koreksi", "batal"}
    values = {c.key: getattr(old, c.key) for c in model.__table__.columns if c.key not in skip}
    values.update(koreksi_atas_id=old.id, alasan_koreksi=reason, batal=True)
    return _store_entry(
        session,
        actor,
        pegawai,
        kind,
        values,
        action="batal",
        summary=f"{_label(kind, values)} ({format_nip(pegawai.nip)}) entri #{old.id} dibatalkan: {reason}",
    )


def list_riwayat(
    session: Session, actor: Actor, pegawai_id: int, kind: RiwayatKind
) -> tuple[RiwayatInfo, ...]:
    """Every entry of one kind for a pegawai, newest TMT first."""
    return get_pegawai(session, actor, pegawai_id).riwayat[kind]


__all__ = [
    "JENIS_PANGKAT",
    "JENJANG_FUNGSIONAL",
    "KEPUTUSAN_CUTI",
    "TINGKAT_HUKDIS",
    "CutiEntry",
    "HukdisEntry",
    "JabatanEntry",
    "JenisJabatan",
    "KgbEntry",
    "PangkatEntry",
    "PegawaiDetail",
    "PegawaiInfo",
    "PegawaiInput",
    "PegawaiRow",
    "PendidikanEntry",
    "PenundaanKgbEntry",
    "RiwayatEntry",
    "RiwayatInfo",
    "RiwayatKind",
    "Saved",
    "StatusPegawai",
    "add_riwayat",
    "bup_kode_for",
    "cancel_riwayat",
    "correct_riwayat",
    "create_pegawai",
    "find_by_nip",
    "get_pegawai",
    "get_photo",
    "list_pegawai",
    "list_riwayat",
    "nama_lengkap",
    "normalize_pendidikan",
    "set_active",
    "set_photo",
    "update_pegawai",
]
