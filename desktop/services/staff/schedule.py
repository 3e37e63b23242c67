"""The deadline list (staff.md R29): KGB, kenaikan pangkat, pensiun, PPPK contract end, Satyalancana."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.money import format_rupiah
from desktop.core.nip import format_nip
from desktop.core.staff.derivation import Derivation
from desktop.core.staff.kedudukan import AKTIF, Efek, Kedudukan
from desktop.core.staff.kgb import (
    NOTICE_MONTHS_BEFORE,
    KgbDeferral,
    KgbStep,
    kgb_berikut,
    kgb_berikut_value,
    kgb_notice_date,
    kgb_reminders,
)
from desktop.core.staff.kp import (
    MIN_MONTHS_IN_PANGKAT,
    KpCeiling,
    KpDue,
    KpJenis,
    UsulWindow,
    kp_berikut,
    kp_berikut_value,
    kp_ceiling,
)
from desktop.core.staff.months import MasaKerja, Reminder, add_months, months_between, reminders_days_before
from desktop.core.staff.pensiun import (
    CONTRACT_REMINDER_MONTHS,
    PENSION_REMINDER_MONTHS,
    pension_reminders,
    pension_service_check,
    pppk_contract_reminders,
    tmt_pensiun,
    tmt_pensiun_value,
)
from desktop.core.staff.reference import BupRule, IjazahRule, JenjangPangkat, PayTables, StaffReference
from desktop.core.staff.satyalancana import (
    KARYA_SATYA_YEARS,
    REMINDER_DAYS,
    KaryaSatya,
    karya_satya_berikut,
    karya_satya_berikut_value,
    karya_satya_reminders,
)
from desktop.models.admin import OrgUnit
from desktop.models.staff import (
    JadwalStatus,
    Pegawai,
    RiwayatCuti,
    RiwayatHukdis,
    RiwayatPenundaanKgb,
)
from desktop.services import tabular
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.staff.records import (
    JenisJabatan,
    StatusPegawai,
    bup_kode_for,
    kedudukan_of,
    nama_lengkap,
    normalize_pendidikan,
    reference,
)

log = logging.getLogger("sekretariat.staff")

HORIZON_DAYS = 90
LOOKBACK_DAYS = 90
SEGERA_DAYS = 30
DEKAT_DAYS = 90
KGB_REMINDER_DAYS = (60, 30, 14)  # R29
KP_REMINDER_DAYS = (90, 60, 30)  # R29
_ONE_DAY = timedelta(days=1)
_MAX_STEPS = 24
_CACHE_SIZE = 16_384


class JenisJadwal(StrEnum):
    KGB = "kgb"
    KP = "kp"
    PENSIUN = "pensiun"
    PPPK = "pppk"
    SATYALANCANA = "satyalancana"

    @property
    def label(self) -> str:
        return _JENIS_LABELS[self]


_JENIS_LABELS = {
    JenisJadwal.KGB: "Kenaikan gaji berkala",
    JenisJadwal.KP: "Kenaikan pangkat",
    JenisJadwal.PENSIUN: "Pensiun",
    JenisJadwal.PPPK: "Akhir perjanjian kerja PPPK",
    JenisJadwal.SATYALANCANA: "Satyalancana Karya Satya",
}


_KEYS = {j: j.value for j in JenisJadwal}


class StatusJadwal(StrEnum):
    PERLU_DIPROSES = "perlu_diproses"
    DIPROSES = "diproses"
    SELESAI = "selesai"
    TIDAK_PERLU = "tidak_perlu"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def closed(self) -> bool:
        """Handled: the item no longer shows."""
        return self in (StatusJadwal.SELESAI, StatusJadwal.TIDAK_PERLU)


_STATUS_LABELS = {
    StatusJadwal.PERLU_DIPROSES: "Perlu diproses",
    StatusJadwal.DIPROSES: "Sedang diproses",
    StatusJadwal.SELESAI: "Selesai",
    StatusJadwal.TIDAK_PERLU: "Tidak perlu",
}


class Urgensi(StrEnum):
    LEWAT = "lewat"
    SEGERA = "segera"  # ≤ 30 days: red
    DEKAT = "dekat"  # ≤ 90 days: amber
    NANTI = "nanti"  # green

    @property
    def label(self) -> str:
        return _URGENSI_LABELS[self]


_URGENSI_LABELS = {
    Urgensi.LEWAT: "Lewat",
    Urgensi.SEGERA: "≤ 30 hari",
    Urgensi.DEKAT: "≤ 90 hari",
    Urgensi.NANTI: "> 90 hari",
}


def urgensi_for(hari_lagi: int, hari_batas: int | None = None) -> Urgensi:
    """The colour of an item ``hari_lagi`` days before its date. When the last day to act comes first (a KGB's
    surat pemberitahuan is due two months before its TMT), the urgency follows that day: an item whose batas
    tindakan has passed is *lewat* even while its TMT is still ahead."""
    if hari_batas is not None:
        hari_lagi = min(hari_lagi, hari_batas)
    if hari_lagi < 0:
        return Urgensi.LEWAT
    if hari_lagi <= SEGERA_DAYS:
        return Urgensi.SEGERA
    if hari_lagi <= DEKAT_DAYS:
        return Urgensi.DEKAT
    return Urgensi.NANTI


@dataclass(frozen=True)
class StatusInfo:
    """The kept status of one deadline."""

    pegawai_id: int
    jenis: JenisJadwal
    tanggal: date
    status: StatusJadwal
    catatan: str = ""
    oleh: str = ""
    pada: datetime | None = None


@dataclass(frozen=True)
class ScheduleItem:
    """One deadline of one pegawai. ``tanggal`` is the due date (TMT KGB/KP/pensiun, contract end, milestone)."""

    pegawai_id: int
    nip: str
    nama: str  # with gelar
    golongan_ruang: str
    unit: str
    jenis: JenisJadwal
    tanggal: date
    judul: str  # one line: "KGB III/d, MKG 24 tahun: Rp4.576.400"
    hari_lagi: int
    urgensi: Urgensi
    pantau_mulai: date  # the first reminder; the item is in a horizon from this day
    batas_tindakan: date | None  # the last day to act (KGB notice, KP usul window end, pension usul H-6)
    status: StatusJadwal
    catatan: str
    status_oleh: str
    status_pada: datetime | None
    explain: Callable[[], Derivation[Any]] = field(repr=False, compare=False)
    reminders: Callable[[], tuple[Reminder, ...]] = field(repr=False, compare=False)
    # Shown instead of the date when the item has none to act on: a KP stopped at the top pangkat of a jenjang
    # or eselon ("perlu kenaikan jenjang"); ``tanggal`` is then the KP period the minimum time would have given.
    pengganti_tanggal: str = ""

    @property
    def derivation(self) -> Derivation[Any]:
        """How the date follows from the record and the rules (built on demand, for the explain view)."""
        return self.explain()

    @property
    def pengingat(self) -> tuple[Reminder, ...]:
        """The dated reminders of this item, earliest first (built on demand)."""
        return self.reminders()

    @property
    def nip_format(self) -> str:
        return format_nip(self.nip)

    def pengingat_terakhir(self, as_of: date) -> Reminder | None:
        """The latest reminder on or before ``as_of`` ("H-6 bulan: usulkan pensiun")."""
        fired = [r for r in self.pengingat if r.tanggal <= as_of]
        return fired[-1] if fired else None


@dataclass(frozen=True)
class Schedule:
    """The items, due date order, and per pegawai the notes on data that stops a deadline being computed."""

    as_of: date
    horizon_days: int | None
    items: tuple[ScheduleItem, ...]
    catatan_data: tuple[tuple[int, str], ...] = ()  # (pegawai id, Indonesian sentence)


@dataclass(frozen=True)
class ScheduleCounts:
    """For the Beranda: open items in the horizon by urgency and kind, and how many are being processed."""

    total: int
    lewat: int
    segera: int
    dekat: int
    nanti: int
    diproses: int
    per_jenis: Mapping[JenisJadwal, int] = field(default_factory=dict)


@dataclass(frozen=True)
class NextDates:
    """One row of ``staff schedule`` (CSV): the next KGB, KP period and TMT pensiun on or after ``as_of``."""

    pegawai_id: int
    nip: str
    nama: str
    golongan_ruang: str
    kgb_berikut: date | None
    kp_berikut: date | None
    tmt_pensiun: date | None


# --- loading ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sk:
    tmt: date
    golongan_ruang: str
    mkg: MasaKerja
    sumber: str  # "pangkat" or "kgb"


@dataclass(slots=True)
class _Staff:
    id: int
    nip: str
    nama: str
    nama_lengkap: str
    status: StatusPegawai
    tanggal_lahir: date
    tmt_cpns: date | None
    akhir_kontrak: date | None
    golongan_ruang: str
    jenis_jabatan: str
    jenjang: str
    bup_kode: str
    pendidikan: str
    unit: str
    pangkat: _Sk | None = None
    kgb: _Sk | None = None
    deferrals: list[KgbDeferral] = field(default_factory=list)
    cltn_bulan: int = 0
    hukdis_berat: bool = False
    notes: list[str] = field(default_factory=list)
    eselon: str = ""  # "IV.a"; read by its own query (only struktural pegawai have one)
    kedudukan: Kedudukan | None = None  # None: 01 Aktif; read by its own query (few pegawai have another)

    @property
    def efek(self) -> Efek:
        return self.kedudukan.efek if self.kedudukan is not None else Efek.AKTIF


def _rows(session: Session, query: Any) -> Any:
    """Plain rows of a column query, past the ORM's result layer (a third faster for 2,000 pegawai); pending
    changes of the session are flushed first, as ``session.execute`` would."""
    session.flush()
    return session.connection().execute(query)


def _effective(session: Session, model: Any, *columns: Any, where: Iterable[Any] = ()) -> list[Any]:
    """Berlaku rows matching ``where``; the corrected ids are read over the whole table, since a correction
    may no longer match the filter (a CLTN corrected into cuti tahunan)."""
    conditions = tuple(where)
    rows = _rows(session, select(model.id, model.pegawai_id, model.batal, *columns).where(*conditions)).all()
    if not rows:
        return []
    corrected = set(
        _rows(session, select(model.koreksi_atas_id).where(model.koreksi_atas_id.is_not(None))).scalars()
    )
    return [r for r in rows if r.id not in corrected and not r.batal]


def _load(session: Session, pegawai_id: int | None = None) -> list[_Staff]:
    """The pegawai (all active, or one) with what the rules need; the latest pangkat and KGB come from the
    pegawai row, which the services keep equal to the latest berlaku riwayat (R27)."""
    units = {uid: nama for uid, nama in _rows(session, select(OrgUnit.id, OrgUnit.nama))}
    query = select(
        Pegawai.id,
        Pegawai.nip,
        Pegawai.nama,
        Pegawai.gelar_depan,
        Pegawai.gelar_belakang,
        Pegawai.status,
        Pegawai.tanggal_lahir,
        Pegawai.tmt_cpns,
        Pegawai.akhir_kontrak,
        Pegawai.golongan_ruang,
        Pegawai.tmt_golongan,
        Pegawai.mkg_tahun,
        Pegawai.mkg_bulan,
        Pegawai.kgb_tmt,
        Pegawai.kgb_golongan_ruang,
        Pegawai.kgb_mkg_tahun,
        Pegawai.kgb_mkg_bulan,
        Pegawai.jenis_jabatan,
        Pegawai.jenjang,
        Pegawai.bup_kode,
        Pegawai.pendidikan_terakhir,
        Pegawai.unit_id,
        Pegawai.unor,
    ).order_by(Pegawai.nip)
    query = query.where(Pegawai.id == pegawai_id) if pegawai_id is not None else query.where(on_board())
    staff: dict[int, _Staff] = {}
    mkg_cache: dict[tuple[int, int], MasaKerja] = {}

    def mkg(tahun: int, bulan: int) -> MasaKerja:
        key = (tahun, bulan)
        found = mkg_cache.get(key)
        if found is None:
            found = mkg_cache[key] = MasaKerja(tahun, bulan)
        return found

    statuses = {v.value: v for v in StatusPegawai}
    for (
        pid,
        nip,
        nama,
        gelar_depan,
        gelar_belakang,
        status,
        lahir,
        tmt_cpns,
        akhir_kontrak,
        golongan,
        tmt_golongan,
        mkg_tahun,
        mkg_bulan,
        kgb_tmt,
        kgb_golongan,
        kgb_tahun,
        kgb_bulan,
        jenis_jabatan,
        jenjang,
        bup_kode,
        pendidikan,
        unit_id,
        unor,
    ) in _rows(session, query):
        s = _Staff(
            pid,
            nip,
            nama,
            nama_lengkap(nama, gelar_depan, gelar_belakang),
            statuses[status],
            lahir,
            tmt_cpns,
            akhir_kontrak,
            golongan,
            jenis_jabatan,
            jenjang,
            bup_kode,
            pendidikan,
            units.get(unit_id, "") if unit_id is not None else unor,
        )
        if golongan and tmt_golongan is not None:
            s.pangkat = _Sk(tmt_golongan, golongan, mkg(mkg_tahun, mkg_bulan), "pangkat")
        if kgb_tmt is not None:
            s.kgb = _Sk(kgb_tmt, kgb_golongan, mkg(kgb_tahun, kgb_bulan), "kgb")
        staff[s.id] = s
    if not staff:
        return []
    only = (lambda model: (model.pegawai_id == pegawai_id,)) if pegawai_id is not None else (lambda model: ())
    deferrals = _effective(
        session,
        RiwayatPenundaanKgb,
        RiwayatPenundaanKgb.tmt,
        RiwayatPenundaanKgb.bulan,
        RiwayatPenundaanKgb.nomor_sk,
        where=only(RiwayatPenundaanKgb),
    )
    for r in deferrals:
        one = staff.get(r.pegawai_id)
        if one is not None:
            one.deferrals.append(KgbDeferral(r.tmt, r.bulan, r.nomor_sk))
    cltn = _effective(
        session,
        RiwayatCuti,
        RiwayatCuti.tmt,
        RiwayatCuti.selesai,
        RiwayatCuti.jenis,
        RiwayatCuti.keputusan,
        where=(RiwayatCuti.jenis == "cltn", *only(RiwayatCuti)),
    )
    for r in cltn:
        one = staff.get(r.pegawai_id)
        if one is not None and r.keputusan == "disetujui":
            one.cltn_bulan += max(months_between(r.tmt, r.selesai + _ONE_DAY), 0)
    heavy = _effective(
        session,
        RiwayatHukdis,
        RiwayatHukdis.tingkat,
        where=(RiwayatHukdis.tingkat.in_(("sedang", "berat")), *only(RiwayatHukdis)),
    )
    for r in heavy:
        one = staff.get(r.pegawai_id)
        if one is not None:
            one.hukdis_berat = True
    eselon = select(Pegawai.id, Pegawai.eselon).where(Pegawai.eselon != "")
    if pegawai_id is not None:
        eselon = eselon.where(Pegawai.id == pegawai_id)
    for pid, kode in _rows(session, eselon):
        one = staff.get(pid)
        if one is not None:
            one.eselon = kode
    kedudukan = select(Pegawai.id, Pegawai.kedudukan_hukum).where(Pegawai.kedudukan_hukum != AKTIF)
    if pegawai_id is not None:
        kedudukan = kedudukan.where(Pegawai.id == pegawai_id)
    ref = reference()
    for pid, kode in _rows(session, kedudukan):
        one = staff.get(pid)
        if one is not None:
            one.kedudukan = kedudukan_of(kode, ref)
    return list(staff.values())


def keluar_codes() -> tuple[str, ...]:
    """The kedudukan hukum kodes that mean out of service (efek ``keluar`` in the kedudukan table)."""
    return tuple(k.kode for k in reference().kedudukan if k.efek is Efek.KELUAR)


def on_board() -> Any:
    """The pegawai the schedule and the board follow: active, in a kedudukan that is not out of service (a row
    kept active under a kode the edited table now calls ``keluar`` leaves the board too)."""
    return and_(Pegawai.aktif, Pegawai.kedudukan_hukum.not_in(keluar_codes()))


# Which kinds of deadline each kedudukan effect keeps (issue 12 item 6).
_KINDS_BY_EFEK: Mapping[Efek, frozenset[JenisJadwal]] = {
    Efek.AKTIF: frozenset(JenisJadwal),
    Efek.TANPA_KENAIKAN: frozenset(JenisJadwal) - {JenisJadwal.KGB, JenisJadwal.KP},
    Efek.PENSIUN_SAJA: frozenset({JenisJadwal.PENSIUN}),
    Efek.KELUAR: frozenset(),
}


def kedudukan_line(s: _Staff) -> str:
    """Why a pegawai's KGB and KP (or everything but the pension) are not scheduled; "" when all are."""
    k = s.kedudukan
    if k is None or k.efek is Efek.AKTIF:
        return ""
    why = f" ({k.sumber})" if k.sumber else ""
    if k.efek is Efek.TANPA_KENAIKAN:
        return f"Kedudukan hukum {k.label}: KGB dan kenaikan pangkat tidak dijadwalkan{why}."
    if k.efek is Efek.PENSIUN_SAJA:
        return f"Kedudukan hukum {k.label}: hanya TMT pensiun yang dijadwalkan{why}."
    return f"Kedudukan hukum {k.label}: tidak lagi dalam dinas, tidak ada jadwal{why}."


def _statuses(session: Session, pegawai_id: int | None = None) -> dict[tuple[int, str, date], StatusInfo]:
    query = select(
        JadwalStatus.pegawai_id,
        JadwalStatus.jenis,
        JadwalStatus.tanggal,
        JadwalStatus.status,
        JadwalStatus.catatan,
        JadwalStatus.updated_by_name,
        JadwalStatus.updated_at,
    )
    if pegawai_id is not None:
        query = query.where(JadwalStatus.pegawai_id == pegawai_id)
    return {
        (r.pegawai_id, r.jenis, r.tanggal): StatusInfo(
            r.pegawai_id,
            JenisJadwal(r.jenis),
            r.tanggal,
            StatusJadwal(r.status),
            r.catatan,
            r.updated_by_name,
            r.updated_at,
        )
        for r in _rows(session, query)
    }


# --- facts per pegawai ----------------------------------------------------------------------------------------------


def _kgb_basis(s: _Staff) -> _Sk | None:
    """The last SK that sets the pay rhythm: the latest KGB when it is later than the pangkat and in the same
    golongan ruang (a KP on the same TMT wins: its SK states the new MKG)."""
    if s.pangkat is None:
        return None
    if s.kgb is not None and s.kgb.tmt > s.pangkat.tmt:
        if s.kgb.golongan_ruang == s.pangkat.golongan_ruang:
            return s.kgb
        s.notes.append(
            f"KGB terakhir (TMT {format_date(s.kgb.tmt)}) bergolongan {s.kgb.golongan_ruang}, berbeda dengan pangkat "
            f"{s.pangkat.golongan_ruang}; KGB dihitung dari SK pangkat."
        )
    return s.pangkat


def _deferrals(s: _Staff) -> list[KgbDeferral]:
    by_tmt: dict[date, KgbDeferral] = {}
    for d in s.deferrals:
        if d.tmt_kgb in by_tmt:
            s.notes.append(f"Dua penundaan KGB untuk TMT {format_date(d.tmt_kgb)}; yang dipakai hanya satu.")
        by_tmt[d.tmt_kgb] = d
    return list(by_tmt.values())


def kp_jenis_for(jenis_jabatan: str) -> KpJenis:
    if jenis_jabatan == JenisJabatan.FUNGSIONAL:
        return KpJenis.FUNGSIONAL
    if jenis_jabatan in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS):
        return KpJenis.STRUKTURAL
    return KpJenis.REGULER


# The rules are pure functions of plain values: their results are cached across calls (the Beranda, the list
# and its counts ask for the same schedule), and an explanation is only built when someone opens it.
@lru_cache(maxsize=_CACHE_SIZE)
def _ijazah(pendidikan: str) -> IjazahRule | None:
    if not pendidikan:
        return None
    try:
        return reference().ijazah.get(normalize_pendidikan(pendidikan))
    except ValueError:
        return None


@lru_cache(maxsize=_CACHE_SIZE)
def _kgb_cached(
    tmt: date,
    golongan: str,
    mkg: MasaKerja,
    as_of: date,
    tables: PayTables,
    deferrals: tuple[KgbDeferral, ...],
) -> KgbStep | None:
    return kgb_berikut_value(tmt, golongan, mkg, as_of=as_of, tables=tables, deferrals=deferrals)


@lru_cache(maxsize=_CACHE_SIZE)
def _kp_cached(
    tmt: date,
    golongan: str,
    as_of: date,
    ref: StaffReference,
    jenis: KpJenis,
    ijazah: IjazahRule | None,
    jenjang: JenjangPangkat | None,
) -> KpDue | None:
    return kp_berikut_value(
        tmt_pangkat=tmt,
        golongan_ruang=golongan,
        as_of=as_of,
        periods=ref.kp_periods,
        ladder=ref.pangkat,
        jenis=jenis,
        ijazah=ijazah,
        jenjang=jenjang,
    )


@lru_cache(maxsize=_CACHE_SIZE)
def _pensiun_cached(tanggal_lahir: date, bup: BupRule) -> date:
    return tmt_pensiun_value(tanggal_lahir, bup)


@lru_cache(maxsize=_CACHE_SIZE)
def _karya_satya_cached(tmt_cpns: date, as_of: date, cltn_bulan: int) -> KaryaSatya | None:
    return karya_satya_berikut_value(tmt_cpns, as_of, bulan_tidak_dihitung=cltn_bulan)


def clear_cache() -> None:
    """Forget cached rule results (after the reference tables change)."""
    for cached in (_ijazah, _kgb_cached, _kp_cached, _pensiun_cached, _karya_satya_cached):
        cached.cache_clear()


def _jenjang(ref: StaffReference, s: _Staff) -> JenjangPangkat | None:
    """The pangkat range that caps the KP of this pegawai: the jenjang of a jabatan fungsional, else the eselon;
    None (today's rules: ijazah ceiling) for pelaksana and for a jenjang or eselon the table does not know."""
    if s.jenis_jabatan == JenisJabatan.FUNGSIONAL:
        return ref.jenjang.fungsional(s.jenjang) if s.jenjang else None
    if not s.eselon:
        return None
    found = ref.jenjang.eselon(s.eselon)
    if found is None:
        s.notes.append(
            f"Eselon {s.eselon!r} tidak ada di tabel jenjang dan pangkat: batas pangkat eselon tidak diperiksa."
        )
    return found


def _bup(ref: StaffReference, s: _Staff) -> BupRule:
    kode = bup_kode_for(s.jenis_jabatan, s.jenjang, s.bup_kode)
    try:
        return ref.bup.get(kode)
    except ValueError:
        s.notes.append(f"Kode BUP {kode!r} tidak ada di tabel BUP; dipakai BUP jabatan pelaksana.")
        return ref.bup.get("pelaksana")


class _Calc:
    """The rules for one reference set, shared by the schedule and the CSV: value-only (cached) for the bulk
    path, and the same rules with their explanation for the one item that is opened."""

    def __init__(self, ref: StaffReference) -> None:
        self.ref = ref

    def _kgb_args(self, s: _Staff) -> tuple[_Sk, tuple[KgbDeferral, ...], PayTables] | None:
        """The SK the pay rhythm runs from, the deferrals and the pay table: PNS (PP 5/2024) or PPPK
        (Perpres 11/2024, golongan I-XVII); the same column rule decides both (R9)."""
        basis = _kgb_basis(s)
        if basis is None:
            return None
        return basis, tuple(_deferrals(s)), self.ref.gaji if s.status.is_pns else self.ref.gaji_pppk

    def kgb(self, s: _Staff, as_of: date) -> KgbStep | None:
        args = self._kgb_args(s)
        if args is None:
            return None
        basis, deferrals, tables = args
        return _kgb_cached(basis.tmt, basis.golongan_ruang, basis.mkg, as_of, tables, deferrals)

    def kgb_explained(self, s: _Staff, as_of: date) -> Derivation[KgbStep | None] | None:
        args = self._kgb_args(s)
        if args is None:
            return None
        basis, deferrals, tables = args
        found = kgb_berikut(
            basis.tmt, basis.golongan_ruang, basis.mkg, as_of=as_of, tables=tables, deferrals=deferrals
        )
        if s.status.is_pns:
            return found
        steps = [
            "KGB PPPK (Perpres 11/2024; PermenPANRB 7/2023): diberikan bila masa perjanjian kerja lebih dari "
            "2 tahun dan predikat kinerja 2 tahun terakhir paling rendah Baik (golongan V, KGB pertama: 1 tahun).",
        ]
        warnings = []
        if found.value is not None and s.akhir_kontrak is not None and found.value.tmt > s.akhir_kontrak:
            warnings.append(
                f"KGB ini jatuh setelah perjanjian kerja berakhir ({format_date(s.akhir_kontrak)}): hanya "
                "diberikan bila perjanjian kerja diperpanjang."
            )
        return _with(found, steps, warnings)

    def kp(self, s: _Staff, as_of: date) -> KpDue | None:
        if not s.status.is_pns or s.pangkat is None:
            return None
        jenis = kp_jenis_for(s.jenis_jabatan)
        return _kp_cached(
            s.pangkat.tmt,
            s.pangkat.golongan_ruang,
            as_of,
            self.ref,
            jenis,
            _ijazah(s.pendidikan),
            _jenjang(self.ref, s),
        )

    def kp_explained(self, s: _Staff, as_of: date) -> Derivation[KpDue | None] | None:
        if not s.status.is_pns or s.pangkat is None:
            return None
        return kp_berikut(
            tmt_pangkat=s.pangkat.tmt,
            golongan_ruang=s.pangkat.golongan_ruang,
            as_of=as_of,
            periods=self.ref.kp_periods,
            ladder=self.ref.pangkat,
            jenis=kp_jenis_for(s.jenis_jabatan),
            ijazah=_ijazah(s.pendidikan),
            jenjang=_jenjang(self.ref, s),
        )

    def kp_ceiling(self, s: _Staff) -> KpCeiling | None:
        """The jenjang or eselon ceiling that stops the next KP, when one does."""
        if not s.status.is_pns or s.pangkat is None:
            return None
        return kp_ceiling(
            tmt_pangkat=s.pangkat.tmt,
            golongan_ruang=s.pangkat.golongan_ruang,
            periods=self.ref.kp_periods,
            ladder=self.ref.pangkat,
            jenis=kp_jenis_for(s.jenis_jabatan),
            jenjang=_jenjang(self.ref, s),
        )

    def tmt_pensiun(self, s: _Staff) -> date:
        return _pensiun_cached(s.tanggal_lahir, _bup(self.ref, s))

    def pensiun(self, s: _Staff) -> Derivation[date]:
        """TMT pensiun with the service check (10 years) for PNS."""
        found = tmt_pensiun(s.tanggal_lahir, _bup(self.ref, s))
        extra: list[str] = []
        warnings = list(found.warnings)
        if s.status is StatusPegawai.PPPK:
            extra.append("PPPK diberhentikan dengan hormat saat mencapai batas usia jabatan (PP 49/2018).")
        elif s.tmt_cpns is not None:
            service = pension_service_check(s.tmt_cpns, found.value)
            extra.extend(service.steps)
            warnings.extend(service.value.unmet)
        return Derivation(found.value, (*found.steps, *extra), tuple(warnings))

    def satyalancana(self, s: _Staff, as_of: date) -> KaryaSatya | None:
        if not s.status.is_pns or s.tmt_cpns is None:
            return None
        return _karya_satya_cached(s.tmt_cpns, as_of, s.cltn_bulan)

    def satyalancana_explained(self, s: _Staff, as_of: date) -> Derivation[KaryaSatya | None] | None:
        if not s.status.is_pns or s.tmt_cpns is None:
            return None
        found = karya_satya_berikut(s.tmt_cpns, as_of, bulan_tidak_dihitung=s.cltn_bulan)
        if s.hukdis_berat and found.value is not None:
            warning = (
                "Tercatat hukuman disiplin tingkat sedang atau berat: syarat Satyalancana tidak terpenuhi."
            )
            return Derivation(found.value, found.steps, (*found.warnings, warning))
        return found


# --- the schedule ---------------------------------------------------------------------------------------------------


def _kgb_reminders(tmt: date) -> tuple[Reminder, ...]:
    return kgb_reminders(tmt, KGB_REMINDER_DAYS)


def kgb_monitoring_start(tmt: date) -> date:
    """The first reminder of a KGB: H-60, or the notice date when that comes first (see ``kgb_reminders``)."""
    return min(tmt - timedelta(days=max(KGB_REMINDER_DAYS)), add_months(tmt, -NOTICE_MONTHS_BEFORE))


def _kp_reminders(tmt: date, window: UsulWindow) -> tuple[Reminder, ...]:
    """R29 H-90/60/30 before the TMT, and R15: the usul window opens, and closes in under 14 days."""
    return tuple(
        sorted(
            (
                *reminders_days_before(tmt, KP_REMINDER_DAYS, f"KP TMT {format_date(tmt)}"),
                Reminder(window.mulai, f"Usul KP TMT {format_date(tmt)} dibuka ({window})"),
                Reminder(window.closing_soon_from, f"Usul KP ditutup {format_date(window.akhir)}"),
            ),
            key=lambda r: r.tanggal,
        )
    )


def _kp_ceiling_reminders(ceiling: KpCeiling) -> tuple[Reminder, ...]:
    return (
        Reminder(
            ceiling.tmt - timedelta(days=max(KP_REMINDER_DAYS)),
            f"Golongan {ceiling.golongan_ruang} di puncak {ceiling.jenjang.label}: {ceiling.kebutuhan}",
        ),
    )


def _with(found: Derivation[Any], steps: Iterable[str] = (), warnings: Iterable[str] = ()) -> Derivation[Any]:
    return Derivation(found.value, (*found.steps, *steps), (*found.warnings, *warnings))


class _Builder:
    def __init__(
        self,
        calc: _Calc,
        as_of: date,
        horizon_days: int | None,
        lookback_days: int,
        statuses: Mapping[tuple[int, str, date], StatusInfo],
        kinds: frozenset[JenisJadwal],
    ) -> None:
        self.calc = calc
        self.as_of = as_of
        self.until = as_of + timedelta(days=horizon_days) if horizon_days is not None else None
        self.start = as_of - timedelta(days=lookback_days)
        self.statuses = statuses
        self.with_status = {
            key[0] for key in statuses
        }  # most pegawai have no kept status: no lookups for them
        self.kinds = kinds
        self.items: list[ScheduleItem] = []
        # No KP falls earlier than the shortest minimum time in a pangkat after the TMT pangkat (core.staff.kp).
        self.kp_min_months = min(MIN_MONTHS_IN_PANGKAT.values())
        self.steps = [
            (jenis, method)
            for jenis, method in (
                (JenisJadwal.KGB, self._kgb),
                (JenisJadwal.KP, self._kp),
                (JenisJadwal.PENSIUN, self._pensiun),
                (JenisJadwal.PPPK, self._pppk),
                (JenisJadwal.SATYALANCANA, self._satyalancana),
            )
            if jenis in kinds
        ]

    def _status(self, s: _Staff, jenis: JenisJadwal, tanggal: date) -> StatusInfo | None:
        if s.id not in self.with_status:
            return None
        # Keys hold the plain value: an Enum member hashes by its name, not its value.
        return self.statuses.get((s.id, _KEYS[jenis], tanggal))

    def _closed(self, s: _Staff, jenis: JenisJadwal, tanggal: date) -> bool:
        found = self._status(s, jenis, tanggal)
        return found is not None and found.status.closed

    def _outside(self, pantau: date) -> bool:
        """True when monitoring starts after the horizon: the item is not shown (nothing to build)."""
        return self.until is not None and pantau > self.until

    def _add(
        self,
        s: _Staff,
        jenis: JenisJadwal,
        tanggal: date,
        judul: str,
        explain: Callable[[], Derivation[Any]],
        pantau: date,
        reminders: Callable[[], tuple[Reminder, ...]],
        batas: date | None,
        pengganti_tanggal: str = "",
    ) -> None:
        kept = self._status(s, jenis, tanggal)
        hari = (tanggal - self.as_of).days
        self.items.append(
            ScheduleItem(
                pegawai_id=s.id,
                nip=s.nip,
                nama=s.nama_lengkap,
                golongan_ruang=s.pangkat.golongan_ruang if s.pangkat else s.golongan_ruang,
                unit=s.unit,
                jenis=jenis,
                tanggal=tanggal,
                judul=judul,
                hari_lagi=hari,
                urgensi=urgensi_for(hari, (batas - self.as_of).days if batas is not None else None),
                pantau_mulai=min(tanggal, pantau),
                batas_tindakan=batas,
                status=kept.status if kept else StatusJadwal.PERLU_DIPROSES,
                catatan=kept.catatan if kept else "",
                status_oleh=kept.oleh if kept else "",
                status_pada=kept.pada if kept else None,
                explain=explain,
                reminders=reminders,
                pengganti_tanggal=pengganti_tanggal,
            )
        )

    def build(self, s: _Staff) -> None:
        kept = _KINDS_BY_EFEK[s.efek]
        line = kedudukan_line(s)
        if line:
            s.notes.append(line)  # the board lists it: a deadline that is not computed says so
        for jenis, method in self.steps:
            if jenis not in kept:
                continue
            try:
                method(s)
            except (
                ValueError
            ) as exc:  # data the rules cannot use (e.g. a golongan missing from the pay table)
                s.notes.append(f"{jenis.label} tidak dihitung: {exc}")

    def _kgb(self, s: _Staff) -> None:
        if s.pangkat is None and not s.status.is_pns:
            # The board names PNS without golongan itself; a PPPK's KGB would otherwise be missing without a word.
            s.notes.append("Golongan PPPK atau TMT golongan belum diisi: KGB PPPK tidak dihitung.")
        probe = self.start
        for _ in range(_MAX_STEPS):
            step = self.calc.kgb(s, probe)
            if step is None:
                return
            if self._closed(s, JenisJadwal.KGB, step.tmt):
                probe = step.tmt + _ONE_DAY
                continue
            pantau = kgb_monitoring_start(step.tmt)
            if self._outside(pantau):
                return
            # A step on or after as_of is the same step as "the first KGB on or after as_of": explain it so.
            per = self.as_of if step.tmt >= self.as_of else probe
            explain = partial(self._explain_kgb, s, per, probe)
            deferred = f", ditunda {step.ditunda_bulan} bulan" if step.ditunda_bulan else ""
            self._add(
                s,
                JenisJadwal.KGB,
                step.tmt,
                f"KGB {step.golongan_ruang}, MKG {step.mkg.tahun} tahun: {format_rupiah(step.gaji_pokok)}{deferred}",
                explain,
                pantau,
                partial(_kgb_reminders, step.tmt),
                add_months(step.tmt, -NOTICE_MONTHS_BEFORE),
            )
            return

    def _explain_kgb(self, s: _Staff, per: date, probe: date) -> Derivation[Any]:
        found = self.calc.kgb_explained(s, per)
        if found is not None and found.value is not None:
            return _with(found, kgb_notice_date(found.value.tmt).steps)
        fallback = self.calc.kgb_explained(s, probe)  # the item was built from the step at ``probe``
        assert fallback is not None and fallback.value is not None
        return _with(found or fallback, kgb_notice_date(fallback.value.tmt).steps)

    def _kp(self, s: _Staff) -> None:
        if s.pangkat is None or not s.status.is_pns:
            return
        earliest = add_months(s.pangkat.tmt, self.kp_min_months) - timedelta(days=max(KP_REMINDER_DAYS))
        if self._outside(earliest):
            return  # cannot be due inside the horizon: no need to compute it
        eligible = self.calc.kp(s, s.pangkat.tmt)
        if eligible is None:
            self._kp_ceiling(s)
            return
        key = eligible.tmt
        if self._closed(s, JenisJadwal.KP, key):
            return
        per = s.pangkat.tmt if key >= self.as_of else self.as_of
        due = eligible if key >= self.as_of else self.calc.kp(s, self.as_of)
        if due is None:
            return
        window = due.usul
        pantau = min(due.tmt - timedelta(days=max(KP_REMINDER_DAYS)), window.mulai)
        if self._outside(pantau):
            return
        late: tuple[str, ...] = ()
        if key < self.as_of:
            late = (
                f"Syarat sudah terpenuhi untuk periode {format_date(key)} dan kenaikan pangkat belum tercatat; "
                f"periode terdekat {format_date(due.tmt)}.",
            )
        self._add(
            s,
            JenisJadwal.KP,
            key,
            f"{due.jenis.label} ke {due.golongan_ruang_baru}, usul {window}",
            partial(self._explain_kp, s, per, late),
            pantau,
            partial(_kp_reminders, due.tmt, window),
            window.akhir,
        )

    def _explain_kp(self, s: _Staff, per: date, late: tuple[str, ...]) -> Derivation[Any]:
        found = self.calc.kp_explained(s, per)
        assert found is not None and found.value is not None  # the item was built from this value
        return _with(found, late)

    def _kp_ceiling(self, s: _Staff) -> None:
        """At the top pangkat of a jenjang or eselon there is no KP date: the item says what is needed instead,
        listed from the KP period the minimum time in the pangkat would have given."""
        ceiling = self.calc.kp_ceiling(s)
        if ceiling is None or self._closed(s, JenisJadwal.KP, ceiling.tmt):
            return
        pantau = ceiling.tmt - timedelta(days=max(KP_REMINDER_DAYS))
        if self._outside(pantau):
            return
        top = ceiling.jenjang.golongan_tertinggi
        self._add(
            s,
            JenisJadwal.KP,
            ceiling.tmt,
            f"Tidak ada KP: {ceiling.jenjang.nama} paling tinggi {top}, {ceiling.kebutuhan}",
            partial(self._explain_kp_ceiling, s, ceiling),
            pantau,
            partial(_kp_ceiling_reminders, ceiling),
            None,
            ceiling.kebutuhan,
        )

    def _explain_kp_ceiling(self, s: _Staff, ceiling: KpCeiling) -> Derivation[Any]:
        found = self.calc.kp_explained(s, s.pangkat.tmt if s.pangkat is not None else self.as_of)
        assert found is not None and found.value is None  # the item was built because no KP is possible
        need = "promosi eselon" if ceiling.jenjang.struktural else "kenaikan jenjang"
        return Derivation(
            ceiling,
            (
                *found.steps,
                f"Jadwal tidak memuat tanggal kenaikan pangkat. Tanggal yang tercatat, {format_date(ceiling.tmt)}, "
                f"adalah periode KP pertama setelah masa minimal dalam pangkat terpenuhi "
                f"({format_date(ceiling.tmt_syarat)}): sejak itu pegawai ini {ceiling.kebutuhan}. Siapkan "
                f"{need}, atau tandai \u201cTidak perlu\u201d.",
            ),
            found.warnings,
        )

    def _pensiun(self, s: _Staff) -> None:
        tmt = self.calc.tmt_pensiun(s)
        if self._closed(s, JenisJadwal.PENSIUN, tmt):
            return
        pantau = add_months(tmt, -max(PENSION_REMINDER_MONTHS))
        if self._outside(pantau):
            return
        label = "Batas usia jabatan (PPPK)" if s.status is StatusPegawai.PPPK else "Pensiun BUP"
        self._add(
            s,
            JenisJadwal.PENSIUN,
            tmt,
            f"{label}: TMT {format_date(tmt)}",
            partial(self._explain_pensiun, s),
            pantau,
            partial(pension_reminders, tmt),
            add_months(tmt, -6),
        )

    def _explain_pensiun(self, s: _Staff) -> Derivation[Any]:
        line = kedudukan_line(s)
        return _with(self.calc.pensiun(s), (line,) if line else ())

    def _pppk(self, s: _Staff) -> None:
        if s.status is not StatusPegawai.PPPK or s.akhir_kontrak is None:
            return
        akhir = s.akhir_kontrak
        if self._closed(s, JenisJadwal.PPPK, akhir):
            return
        pantau = add_months(akhir, -max(CONTRACT_REMINDER_MONTHS))
        if self._outside(pantau):
            return
        derivation: Derivation[Any] = Derivation(
            akhir,
            (
                f"Perjanjian kerja PPPK berakhir {format_date(akhir)}.",
                "Pengingat H-6, H-3 dan H-1 bulan untuk penilaian kinerja dan usul perpanjangan (staff.md R18).",
            ),
        )
        self._add(
            s,
            JenisJadwal.PPPK,
            akhir,
            f"Perjanjian kerja berakhir {format_date(akhir)}",
            partial(_with, derivation),
            pantau,
            partial(pppk_contract_reminders, akhir),
            add_months(akhir, -3),
        )

    def _satyalancana(self, s: _Staff) -> None:
        probe = self.start
        for _ in range(len(KARYA_SATYA_YEARS) + 1):
            milestone = self.calc.satyalancana(s, probe)
            if milestone is None:
                return
            if self._closed(s, JenisJadwal.SATYALANCANA, milestone.tanggal):
                probe = milestone.tanggal + _ONE_DAY
                continue
            pantau = milestone.tanggal - timedelta(days=max(REMINDER_DAYS))
            if self._outside(pantau):
                return
            self._add(
                s,
                JenisJadwal.SATYALANCANA,
                milestone.tanggal,
                milestone.label,
                partial(self._explain_satyalancana, s, probe),
                pantau,
                partial(karya_satya_reminders, milestone),
                milestone.tanggal,
            )
            return

    def _explain_satyalancana(self, s: _Staff, probe: date) -> Derivation[Any]:
        found = self.calc.satyalancana_explained(s, probe)
        assert found is not None and found.value is not None  # the item was built from this value
        return found


def schedule(
    session: Session,
    actor: Actor,
    as_of: date,
    horizon_days: int | None = HORIZON_DAYS,
    *,
    lookback_days: int = LOOKBACK_DAYS,
    jenis: Iterable[JenisJadwal] | None = None,
    pegawai_id: int | None = None,
) -> Schedule:
    """The open deadlines of all active pegawai (or of one pegawai, active or not) as of ``as_of``, in date order.

    ``horizon_days`` None: every kind's next item whatever its date (the pegawai's own page).
    """
    actor.require(Perm.VIEW)
    if horizon_days is not None and horizon_days < 0:
        raise ValidationError("Rentang hari tidak boleh negatif.", "horizon_days")
    staff = _load(session, pegawai_id)
    if pegawai_id is not None and not staff:
        raise NotFound("Pegawai tidak ditemukan.")
    builder = _Builder(
        _Calc(reference()),
        as_of,
        horizon_days,
        lookback_days,
        _statuses(session, pegawai_id),
        frozenset(jenis) if jenis is not None else frozenset(JenisJadwal),
    )
    for s in staff:
        builder.build(s)
    items = sorted(builder.items, key=lambda i: (i.tanggal, i.nama, i.jenis.value))
    # The items' explain callbacks hold the builder: without its list of them, no reference cycle is left and
    # the schedule is freed as soon as it is dropped instead of waiting for (and lengthening) a full collection.
    builder.items = []
    notes = tuple((s.id, note) for s in staff for note in dict.fromkeys(s.notes))
    return Schedule(as_of, horizon_days, tuple(items), notes)


def counts(session: Session, actor: Actor, as_of: date, horizon_days: int = HORIZON_DAYS) -> ScheduleCounts:
    """Open items in the horizon for the Beranda."""
    items = schedule(session, actor, as_of, horizon_days).items
    per_jenis = {j: sum(1 for i in items if i.jenis is j) for j in JenisJadwal}
    by = {u: sum(1 for i in items if i.urgensi is u) for u in Urgensi}
    return ScheduleCounts(
        total=len(items),
        lewat=by[Urgensi.LEWAT],
        segera=by[Urgensi.SEGERA],
        dekat=by[Urgensi.DEKAT],
        nanti=by[Urgensi.NANTI],
        diproses=sum(1 for i in items if i.status is StatusJadwal.DIPROSES),
        per_jenis=per_jenis,
    )


def set_status(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    jenis: JenisJadwal | str,
    tanggal: date,
    status: StatusJadwal | str,
    catatan: str = "",
) -> StatusInfo:
    """Keep what was done about one deadline (the item's ``jenis`` and ``tanggal``); audited."""
    actor.require(Perm.WRITE_STAFF)
    try:
        kind = JenisJadwal(jenis)
    except ValueError:
        raise ValidationError(f"Jenis jadwal {jenis!r} tidak dikenal.", "jenis") from None
    try:
        new = StatusJadwal(status)
    except ValueError:
        raise ValidationError(f"Status {status!r} tidak dikenal.", "status") from None
    note = (catatan or "").strip()
    if len(note) > 2000:
        raise ValidationError("Catatan terlalu panjang (maksimal 2.000 karakter).", "catatan")
    pegawai = session.get(Pegawai, pegawai_id)
    if pegawai is None:
        raise NotFound("Pegawai tidak ditemukan.")
    row = session.scalar(
        select(JadwalStatus).where(
            JadwalStatus.pegawai_id == pegawai_id,
            JadwalStatus.jenis == kind.value,
            JadwalStatus.tanggal == tanggal,
        )
    )
    before = {"status": row.status, "catatan": row.catatan} if row is not None else None
    now = clock.utc_now()
    if row is None:
        row = JadwalStatus(pegawai_id=pegawai_id, jenis=kind.value, tanggal=tanggal)
        session.add(row)
    row.status = new.value
    row.catatan = note
    row.updated_by = actor.user_id
    row.updated_by_name = actor.username
    row.updated_at = now
    session.flush()
    audit.record(
        session,
        actor,
        "status",
        "jadwal_status",
        row.id,
        summary=f"{kind.label} {format_date(tanggal)} untuk {format_nip(pegawai.nip)} {pegawai.nama}: {new.label}",
        before=before,
        after={
            "status": new.value,
            "catatan": note,
            "pegawai_id": pegawai_id,
            "jenis": kind.value,
            "tanggal": tanggal,
        },
    )
    return StatusInfo(pegawai_id, kind, tanggal, new, note, actor.username, now)


def status_of(
    session: Session, actor: Actor, pegawai_id: int, jenis: JenisJadwal, tanggal: date
) -> StatusInfo:
    """The kept status of one deadline (perlu diproses when nothing was kept)."""
    actor.require(Perm.VIEW)
    found = _statuses(session, pegawai_id).get((pegawai_id, jenis.value, tanggal))
    return found or StatusInfo(pegawai_id, jenis, tanggal, StatusJadwal.PERLU_DIPROSES)


# --- next dates (CSV) -------------------------------------------------------------------------------------------------


def next_dates(session: Session, actor: Actor, as_of: date) -> list[NextDates]:
    """Per active pegawai, NIP order: the first KGB on or after ``as_of``, the first KP period on or after both
    ``as_of`` and the day the minimum time in the pangkat is met (None at the ijazah ceiling and at the top pangkat
    of the jenjang fungsional or eselon held), the TMT pensiun. PPPK: the KGB from the PPPK pay table, no KP."""
    actor.require(Perm.VIEW)
    calc = _Calc(reference())
    result = []
    for s in _load(session):
        kgb_date = kp_date = pensiun_date = None
        naik = s.efek.naik  # MPP, CLTN, pemberhentian sementara …: the pension date only
        try:
            kgb = calc.kgb(s, as_of) if naik else None
            kgb_date = kgb.tmt if kgb is not None else None
        except ValueError as exc:
            log.warning("KGB of pegawai %s not computed: %s", s.id, exc)
        try:
            kp = calc.kp(s, as_of) if naik else None
            kp_date = kp.tmt if kp is not None else None
        except ValueError as exc:
            log.warning("KP of pegawai %s not computed: %s", s.id, exc)
        pensiun_date = calc.tmt_pensiun(s)
        result.append(
            NextDates(
                pegawai_id=s.id,
                nip=s.nip,
                nama=s.nama,
                golongan_ruang=s.pangkat.golongan_ruang if s.pangkat else s.golongan_ruang,
                kgb_berikut=kgb_date,
                kp_berikut=kp_date,
                tmt_pensiun=pensiun_date,
            )
        )
    return result


NEXT_DATES_COLUMNS = ("nip", "nama", "golongan", "kgb_berikut", "kp_berikut", "tmt_pensiun")


def export_next_dates_csv(session: Session, actor: Actor, as_of: date, out_path: Path | str) -> int:
    """Write ``nip,nama,golongan,kgb_berikut,kp_berikut,tmt_pensiun`` (UTF-8, ISO dates, empty when none), one row
    per active pegawai; the file is replaced atomically. Returns the number of rows."""
    rows = next_dates(session, actor, as_of)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".jadwal-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = tabular.TextCsvWriter(fh)
            writer.writerow(NEXT_DATES_COLUMNS)
            for r in rows:
                writer.writerow(
                    (
                        r.nip,
                        r.nama,
                        r.golongan_ruang,
                        r.kgb_berikut.isoformat() if r.kgb_berikut else "",
                        r.kp_berikut.isoformat() if r.kp_berikut else "",
                        r.tmt_pensiun.isoformat() if r.tmt_pensiun else "",
                    )
                )
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    audit.record(
        session,
        actor,
        "ekspor",
        "jadwal_pegawai",
        out.name[:60],
        summary=f"Jadwal KGB/KP/pensiun per {format_date(as_of)}: {len(rows)} pegawai ke {out.name}",
        after={"jumlah": len(rows), "per": as_of, "berkas": str(out)},
    )
    return len(rows)


__all__ = [
    "HORIZON_DAYS",
    "LOOKBACK_DAYS",
    "NEXT_DATES_COLUMNS",
    "JenisJadwal",
    "NextDates",
    "Schedule",
    "ScheduleCounts",
    "ScheduleItem",
    "StatusInfo",
    "StatusJadwal",
    "Urgensi",
    "counts",
    "export_next_dates_csv",
    "keluar_codes",
    "kgb_monitoring_start",
    "kp_jenis_for",
    "next_dates",
    "on_board",
    "schedule",
    "set_status",
    "status_of",
    "urgensi_for",
]
