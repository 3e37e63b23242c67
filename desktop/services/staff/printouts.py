"""Kepegawaian printouts (staff.md R30): nominatif, DUK, pemberitahuan KGB, formulir and rekap cuti."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.nip import format_nip
from desktop.core.staff.cuti import CutiJenis, cuti_tahunan_entitlement
from desktop.core.staff.duk import eselon_rank
from desktop.core.staff.kgb import KgbDeferral, gaji_pokok, kgb_berikut, mkg_on, next_kgb
from desktop.core.staff.months import MasaKerja, add_months, months_between
from desktop.core.staff.reference import StaffReference
from desktop.models.admin import OrgUnit
from desktop.models.staff import Pegawai, RiwayatCuti, RiwayatPenundaanKgb
from desktop.printing.data import Signer
from desktop.printing.staff.cuti_form import (
    CutiDecision,
    CutiForm,
    SisaCutiTahunan,
    build_cuti_form,
    lama_text,
)
from desktop.printing.staff.cuti_rekap import RekapCuti, RekapCutiRow, build_rekap_cuti
from desktop.printing.staff.duk import DukList, DukPegawai, build_duk
from desktop.printing.staff.kgb import KgbNotice, KgbPegawai, SkTerakhir, build_kgb_notice
from desktop.printing.staff.nominatif import (
    COLUMNS,
    DEFAULT_COLUMNS,
    NominatifList,
    NominatifPegawai,
    build_nominatif,
    chosen_columns,
)
from desktop.services.common import audit, office
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.staff import documents, schedule
from desktop.services.staff.records import (
    KEPUTUSAN_CUTI,
    JenisJabatan,
    RiwayatKind,
    StatusPegawai,
    effective_rows,
    latest_effective,
    list_pegawai,
    nama_lengkap,
    normalize_pendidikan,
    pppk_golongan,
    reference,
)

__all__ = [
    "DEFAULT_NOMINATIF_COLUMNS",
    "NOMINATIF_COLUMNS",
    "KgbDraft",
    "KgbLetter",
    "Printout",
    "StaffFilter",
    "cuti_form_pdf",
    "duk_pdf",
    "kgb_draft",
    "kgb_notice_pdf",
    "nominatif",
    "nominatif_pdf",
    "rekap_cuti_pdf",
    "write_nominatif_xlsx",
]

NOMINATIF_COLUMNS: Mapping[str, str] = {
    key: f"{column.group} › {column.title}" if column.group else column.title
    for key, column in COLUMNS.items()
}
"""Every column a nominatif may have (key -> label for a column chooser), in catalogue order."""
DEFAULT_NOMINATIF_COLUMNS: tuple[str, ...] = DEFAULT_COLUMNS

_COUNTED = ("disetujui", "perubahan")  # a leave with these decisions was taken
_ESELON_OF = {
    JenisJabatan.JPT.value: "jpt pratama",
    JenisJabatan.ADMINISTRATOR.value: "administrator",
    JenisJabatan.PENGAWAS.value: "pengawas",
}
_CHUNK = 500


@dataclass(frozen=True)
class StaffFilter:
    """Which pegawai a list holds: the filters of the pegawai list (``staff.list_pegawai``)."""

    text: str = ""
    unit_id: int | None = None
    status: StatusPegawai | None = None
    aktif: bool | None = True


@dataclass(frozen=True)
class Printout:
    """A document ready for the preview: the PDF, its title, a file name to suggest, and notes for the user
    (what was left out and why)."""

    pdf: bytes
    title: str
    filename: str
    notes: tuple[str, ...] = ()


# --- loading ------------------------------------------------------------------------------------------------------


def _pegawai(session: Session, actor: Actor, filters: StaffFilter) -> list[Pegawai]:
    """The pegawai the list shows with these filters, as rows (photo not loaded)."""
    rows, _total = list_pegawai(
        session,
        actor,
        text=filters.text,
        unit_id=filters.unit_id,
        status=filters.status,
        aktif=filters.aktif,
        limit=1_000_000,
    )
    ids = [r.id for r in rows]
    found: dict[int, Pegawai] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in session.scalars(select(Pegawai).options(defer(Pegawai.foto)).where(Pegawai.id.in_(chunk))):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


def _units(session: Session) -> dict[int, str]:
    return {uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))}


def _unit_name(row: Pegawai, units: Mapping[int, str]) -> str:
    return units.get(row.unit_id, row.unor) if row.unit_id is not None else row.unor


def _nama(row: Pegawai) -> str:
    return nama_lengkap(row.nama, row.gelar_depan, row.gelar_belakang)


def _pangkat_nama(ref: StaffReference, row: Pegawai) -> str:
    if not row.golongan_ruang or row.status == StatusPegawai.PPPK:
        return ""
    try:
        return ref.pangkat.get(row.golongan_ruang).nama
    except ValueError:
        return ""


def _pendidikan(session: Session, ids: Sequence[int]) -> dict[int, Any]:
    return latest_effective(session, RiwayatKind.PENDIDIKAN, ids) if ids else {}


def _region(nama_pemda: str) -> str:
    """``Provinsi Kalimantan Timur`` from ``Pemerintah Provinsi Kalimantan Timur``."""
    text = nama_pemda.strip()
    return text[len("Pemerintah ") :] if text.lower().startswith("pemerintah ") else text


def _kepala_dinas(profile: office.OfficeProfileData) -> str:
    """``Kepala Dinas … Provinsi Kalimantan Timur``: the head of the office, as addressed in letters."""
    region = _region(profile.nama_pemda)
    dinas = " ".join(profile.nama_dinas.split())
    if region and region.lower() not in dinas.lower():
        dinas = f"{dinas} {region}"
    return f"Kepala {dinas}".strip()


def _signer(session: Session) -> Signer:
    """The Kepegawaian signer; a blank Kepala Dinas line to sign by hand when none is set."""
    return office.signer_for(session, documents.SIGNER_DOC_TYPE) or Signer(jabatan="Kepala Dinas", nama="")


# --- nominatif -----------------------------------------------------------------------------------------------------


def _pangkat_order(ref: StaffReference) -> Any:
    pppk = pppk_golongan(ref)

    def key(row: Pegawai) -> tuple[int, int, date, int, str]:
        if row.status != StatusPegawai.PPPK and row.golongan_ruang:
            try:
                rank = ref.pangkat.rank(row.golongan_ruang)
            except ValueError:
                rank = 0
            group = 0 if rank else 2
        elif row.golongan_ruang in pppk:
            group, rank = 1, pppk.index(row.golongan_ruang) + 1
        else:
            group, rank = 2, 0
        return group, -rank, row.tmt_golongan or date.max, -(row.mkg_tahun * 12 + row.mkg_bulan), row.nip

    return key


def nominatif(
    session: Session,
    actor: Actor,
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    filters: StaffFilter = StaffFilter(),
    per_tanggal: date,
    unit: str = "",
) -> NominatifList:
    """The daftar nominatif of the pegawai the filters select, as of ``per_tanggal`` (MKG, age, next KGB)."""
    actor.require(Perm.PRINT)
    try:
        chosen_columns(columns)
    except ValueError as exc:
        raise ValidationError(str(exc), "columns") from None
    ref = reference()
    frame = documents.list_frame(session, actor)
    rows = sorted(_pegawai(session, actor, filters), key=_pangkat_order(ref))
    units = _units(session)
    ids = [r.id for r in rows]
    pendidikan = _pendidikan(session, ids)
    dates = {d.pegawai_id: d for d in schedule.next_dates(session, actor, per_tanggal)}
    people = []
    for row in rows:
        status = StatusPegawai(row.status)
        mkg = None
        if row.golongan_ruang and row.tmt_golongan is not None and row.tmt_golongan <= per_tanggal:
            mkg = mkg_on(row.tmt_golongan, MasaKerja(row.mkg_tahun, row.mkg_bulan), per_tanggal)
        ijazah = pendidikan.get(row.id)
        nexts = dates.get(row.id)
        keterangan = []
        if status is not StatusPegawai.PNS:
            keterangan.append(status.label)
        if not row.aktif:
            keterangan.append(f"Nonaktif: {row.alasan_nonaktif}" if row.alasan_nonaktif else "Nonaktif")
        people.append(
            NominatifPegawai(
                nama=_nama(row),
                nip=row.nip,
                tempat_lahir=row.tempat_lahir,
                tanggal_lahir=row.tanggal_lahir,
                jenis_kelamin=row.jenis_kelamin,
                status=status.label,
                pangkat=_pangkat_nama(ref, row),
                golongan_ruang=row.golongan_ruang,
                tmt_golongan=row.tmt_golongan,
                masa_kerja_golongan=mkg,
                jenis_jabatan=JenisJabatan(row.jenis_jabatan).label if row.jenis_jabatan else "",
                jabatan=row.jabatan,
                tmt_jabatan=row.tmt_jabatan,
                unit_kerja=_unit_name(row, units),
                pendidikan=row.pendidikan_terakhir,
                jurusan=ijazah.jurusan if ijazah is not None else "",
                tahun_lulus=ijazah.tahun_lulus if ijazah is not None else None,
                tmt_cpns=row.tmt_cpns,
                tmt_pns=row.tmt_pns,
                kgb_berikutnya=nexts.kgb_berikut if nexts is not None else None,
                tmt_pensiun=nexts.tmt_pensiun if nexts is not None else None,
                keterangan="; ".join(keterangan),
            )
        )
    if not unit and filters.unit_id is not None:
        unit = units.get(filters.unit_id, "")
    return NominatifList(frame, people, per_tanggal, tuple(columns), unit=unit)


def nominatif_pdf(
    session: Session,
    actor: Actor,
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    filters: StaffFilter = StaffFilter(),
    per_tanggal: date,
) -> Printout:
    """The daftar nominatif as a PDF (F4 landscape)."""
    data = nominatif(session, actor, columns=columns, filters=filters, per_tanggal=per_tanggal)
    count = len(data.pegawai)
    return Printout(
        build_nominatif(data),
        f"Daftar nominatif pegawai per {format_date(per_tanggal)} ({count} pegawai)",
        f"nominatif-pegawai-{per_tanggal.isoformat()}.pdf",
    )


def write_nominatif_xlsx(
    session: Session,
    actor: Actor,
    path: Path | str,
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    filters: StaffFilter = StaffFilter(),
    per_tanggal: date,
) -> int:
    """The daftar nominatif as a workbook at ``path`` (the same columns as the PDF); returns the number of pegawai."""
    data = nominatif(session, actor, columns=columns, filters=filters, per_tanggal=per_tanggal)
    target = Path(path)
    count = documents.write_nominatif_xlsx(data, target)
    audit.record(
        session,
        actor,
        "ekspor",
        "pegawai",
        target.name[:60],
        summary=f"Daftar nominatif per {format_date(per_tanggal)}: {count} pegawai ke {target.name}",
        after={"jumlah": count, "kolom": list(columns), "berkas": str(target)},
    )
    return count


# --- DUK -----------------------------------------------------------------------------------------------------------


def duk_pdf(
    session: Session,
    actor: Actor,
    per_tanggal: date,
    filters: StaffFilter = StaffFilter(),
) -> Printout:
    """The DUK of the PNS and CPNS the filters select (PPPK have no DUK); pegawai without golongan or TMT
    golongan are left out and named in the notes."""
    actor.require(Perm.PRINT)
    frame = documents.list_frame(session, actor)
    rows = [r for r in _pegawai(session, actor, filters) if r.status != StatusPegawai.PPPK]
    units = _units(session)
    pendidikan = _pendidikan(session, [r.id for r in rows])
    people: list[DukPegawai] = []
    left_out: list[str] = []
    for row in rows:
        if not row.golongan_ruang or row.tmt_golongan is None:
            left_out.append(f"{_nama(row)} ({format_nip(row.nip)})")
            continue
        start = row.tmt_cpns
        masa_kerja = (
            MasaKerja.from_months(months_between(start, per_tanggal))
            if start is not None
            else mkg_on(row.tmt_golongan, MasaKerja(row.mkg_tahun, row.mkg_bulan), per_tanggal)
        )
        ijazah = pendidikan.get(row.id)
        eselon = _ESELON_OF.get(row.jenis_jabatan, "")
        sekolah = ""
        if ijazah is not None:
            sekolah = " / ".join(p for p in (ijazah.nama_sekolah, ijazah.jurusan) if p)
        people.append(
            DukPegawai(
                nama=_nama(row),
                nip=row.nip,
                golongan_ruang=row.golongan_ruang,
                tmt_golongan=row.tmt_golongan,
                masa_kerja=masa_kerja,
                jabatan=row.jabatan,
                tmt_jabatan=row.tmt_jabatan,
                jabatan_rank=eselon_rank(eselon) if eselon else None,
                pendidikan_nama=sekolah,
                pendidikan_tingkat=normalize_pendidikan(row.pendidikan_terakhir)
                if row.pendidikan_terakhir
                else "",
                tahun_lulus=ijazah.tahun_lulus if ijazah is not None else None,
                tanggal_lahir=row.tanggal_lahir,
                keterangan=StatusPegawai(row.status).label if row.status == StatusPegawai.CPNS else "",
            )
        )
    notes: tuple[str, ...] = ()
    if left_out:
        notes = (
            f"{len(left_out)} pegawai tidak masuk DUK karena golongan atau TMT golongannya belum diisi: "
            + ", ".join(left_out[:10])
            + (f" dan {len(left_out) - 10} lainnya" if len(left_out) > 10 else "")
            + ".",
        )
    unit = units.get(filters.unit_id, "") if filters.unit_id is not None else ""
    pdf = build_duk(DukList(frame, per_tanggal, people, unit=unit))
    return Printout(
        pdf,
        f"Daftar urut kepangkatan per {format_date(per_tanggal)} ({len(people)} PNS)",
        f"duk-{per_tanggal.isoformat()}.pdf",
        notes,
    )


# --- surat pemberitahuan KGB ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KgbDraft:
    """What a KGB notice for one pegawai would say, for the clerk to check before printing."""

    pegawai_id: int
    nama: str
    nip: str
    sk_sumber: str  # "SK KGB" or "SK pangkat"
    sk_tmt: date
    sk_golongan_ruang: str
    sk_mkg: MasaKerja
    gaji_lama: int
    sk_pejabat: str
    sk_nomor: str
    sk_tanggal: date | None
    tmt: date
    golongan_ruang: str
    mkg_baru: MasaKerja
    gaji_baru: int
    kgb_berikutnya: date | None
    kepada: tuple[str, ...]
    di: str
    notes: tuple[str, ...] = ()

    @property
    def nip_format(self) -> str:
        return format_nip(self.nip)


@dataclass(frozen=True)
class KgbLetter:
    """What the clerk types for the letter; empty SK fields take the draft's values."""

    tanggal: date
    nomor: str = ""
    kepada: tuple[str, ...] = ()
    di: str = ""
    sk_pejabat: str = ""
    sk_nomor: str = ""
    sk_tanggal: date | None = None
    tembusan: tuple[str, ...] = ("Pegawai yang bersangkutan", "Arsip")


def _get_pegawai(session: Session, pegawai_id: int) -> Pegawai:
    row = session.get(Pegawai, pegawai_id, options=[defer(Pegawai.foto)])
    if row is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return row


def _deferrals(session: Session, pegawai_id: int) -> list[KgbDeferral]:
    rows = session.scalars(select(RiwayatPenundaanKgb).where(RiwayatPenundaanKgb.pegawai_id == pegawai_id))
    return [KgbDeferral(r.tmt, r.bulan, r.nomor_sk) for r in effective_rows(rows)]


def kgb_draft(session: Session, actor: Actor, pegawai_id: int, tanggal: date) -> KgbDraft:
    """The KGB a notice dated ``tanggal`` announces, from the last SK (KP or KGB) in the riwayat (R9-R11)."""
    actor.require(Perm.PRINT)
    ref = reference()
    row = _get_pegawai(session, pegawai_id)
    status = StatusPegawai(row.status)
    if status is StatusPegawai.PPPK:
        raise ValidationError(
            "KGB PPPK tidak dihitung dari tabel gaji PNS; surat pemberitahuan KGB hanya untuk PNS."
        )
    pangkat = latest_effective(session, RiwayatKind.PANGKAT, [row.id]).get(row.id)
    kgb = latest_effective(session, RiwayatKind.KGB, [row.id]).get(row.id)
    basis: Any = kgb if kgb is not None and (pangkat is None or kgb.tmt >= pangkat.tmt) else pangkat
    if basis is None:
        raise ValidationError(
            "Belum ada riwayat pangkat atau KGB; isi golongan dan TMT golongan pegawai ini dulu."
        )
    mkg = MasaKerja(basis.mkg_tahun, basis.mkg_bulan)
    if kgb is not None and basis is kgb:
        gaji_lama, sumber = int(kgb.gaji_pokok), "SK KGB"
    else:
        gaji_lama = gaji_pokok(
            ref.gaji, basis.golongan_ruang, mkg, on=basis.tmt, cpns=status is StatusPegawai.CPNS
        ).value
        sumber = "SK pangkat"
    as_of = tanggal - timedelta(days=schedule.LOOKBACK_DAYS)
    try:
        found = kgb_berikut(
            basis.tmt,
            basis.golongan_ruang,
            mkg,
            as_of=as_of,
            tables=ref.gaji,
            deferrals=_deferrals(session, row.id),
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    step = found.value
    if step is None:
        raise ValidationError(
            f"Tidak ada KGB lagi pada golongan {basis.golongan_ruang}: masa kerja golongan sudah di kolom tertinggi."
        )
    following = next_kgb(step.tmt, step.golongan_ruang, step.mkg, ref.gaji).value
    profile = office.get_profile(session)
    # An SK KGB is signed by the Kepala Dinas by default (staff.md (c)); an SK pangkat's signer is not recorded.
    kadis_signed = bool(basis.nomor_sk) and sumber == "SK KGB"
    return KgbDraft(
        pegawai_id=row.id,
        nama=_nama(row),
        nip=row.nip,
        sk_sumber=sumber,
        sk_tmt=basis.tmt,
        sk_golongan_ruang=basis.golongan_ruang,
        sk_mkg=mkg,
        gaji_lama=gaji_lama,
        sk_pejabat=_kepala_dinas(profile) if kadis_signed else "",
        sk_nomor=basis.nomor_sk,
        sk_tanggal=basis.tanggal_sk,
        tmt=step.tmt,
        golongan_ruang=step.golongan_ruang,
        mkg_baru=step.mkg,
        gaji_baru=step.gaji_pokok,
        kgb_berikutnya=following.tmt if following is not None else None,
        kepada=(f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {_region(profile.nama_pemda)}".strip(),),
        di=profile.kota or "Tempat",
        notes=found.warnings,
    )


def kgb_notice_pdf(session: Session, actor: Actor, pegawai_id: int, letter: KgbLetter) -> Printout:
    """The surat pemberitahuan KGB (F4) for one pegawai; the SK terakhir needs a tanggal (from the riwayat or typed)."""
    draft = kgb_draft(session, actor, pegawai_id, letter.tanggal)
    row = _get_pegawai(session, pegawai_id)
    sk_tanggal = letter.sk_tanggal or draft.sk_tanggal
    if sk_tanggal is None:
        raise ValidationError("Tanggal SK terakhir belum tercatat; isi tanggal SK-nya.", "sk_tanggal")
    sk_nomor = letter.sk_nomor.strip() or draft.sk_nomor
    if not sk_nomor:
        raise ValidationError("Nomor SK terakhir belum tercatat; isi nomor SK-nya.", "sk_nomor")
    pejabat = letter.sk_pejabat.strip() or draft.sk_pejabat
    if not pejabat:
        raise ValidationError("Isi pejabat yang menetapkan SK terakhir.", "sk_pejabat")
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    ref = reference()
    notice = KgbNotice(
        header=profile.header(),
        signer=_signer(session),
        nomor=letter.nomor.strip() or "800.1.11.13/          ",
        tanggal=letter.tanggal,
        tempat=profile.kota,
        kepada=tuple(k for k in letter.kepada if k.strip()) or draft.kepada,
        di=letter.di.strip() or draft.di,
        pegawai=KgbPegawai(
            nama=draft.nama,
            nip=row.nip,
            tempat_lahir=row.tempat_lahir,
            tanggal_lahir=row.tanggal_lahir,
            pangkat=_pangkat_nama(ref, row),
            golongan_ruang=row.golongan_ruang,
            jabatan=row.jabatan,
            unit_kerja=_unit_name(row, _units(session)) or profile.nama_dinas,
        ),
        sk_terakhir=SkTerakhir(pejabat, sk_nomor, sk_tanggal, draft.sk_tmt, draft.sk_mkg, draft.gaji_lama),
        gaji_pokok_baru=draft.gaji_baru,
        mkg_baru=draft.mkg_baru,
        golongan_ruang_baru=draft.golongan_ruang,
        tmt=draft.tmt,
        kgb_berikutnya=draft.kgb_berikutnya,
        tembusan=letter.tembusan,
    )
    return Printout(
        build_kgb_notice(notice),
        f"Pemberitahuan KGB {draft.nama}, TMT {format_date(draft.tmt)}",
        f"pemberitahuan-kgb-{row.nip}-{draft.tmt.isoformat()}.pdf",
        draft.notes,
    )


# --- cuti ------------------------------------------------------------------------------------------------------------


@dataclass
class _Leave:
    """One pegawai's counted leave: HK of cuti tahunan per year, days per other jenis per year."""

    tahunan: dict[int, int] = field(default_factory=dict)
    lain: dict[tuple[int, CutiJenis], int] = field(default_factory=dict)
    since: int | None = None  # the first year with any cuti entry
    besar: set[int] = field(default_factory=set)


def _leave(rows: Iterable[RiwayatCuti], *, before: date | None = None) -> _Leave:
    result = _Leave()
    for r in effective_rows(rows):
        result.since = r.tmt.year if result.since is None else min(result.since, r.tmt.year)
        if r.keputusan not in _COUNTED or (before is not None and r.tmt >= before):
            continue
        jenis = CutiJenis(r.jenis)
        year = r.tmt.year
        if jenis is CutiJenis.TAHUNAN:
            result.tahunan[year] = result.tahunan.get(year, 0) + r.hari_kerja
        else:
            days = (r.selesai - r.tmt).days + 1
            result.lain[(year, jenis)] = result.lain.get((year, jenis), 0) + days
            if jenis is CutiJenis.BESAR:
                result.besar.add(year)
    return result


def _tmt_masuk(row: Pegawai) -> date:
    return row.tmt_cpns or row.tmt_golongan or row.tmt_jabatan or date(1900, 1, 1)


def _hak(row: Pegawai, leave: _Leave, tahun: int) -> tuple[int, tuple[str, ...]]:
    since = leave.since
    dipakai = {y: leave.tahunan.get(y, 0) for y in (tahun - 1, tahun - 2) if since is not None and y >= since}
    found = cuti_tahunan_entitlement(
        tahun, tmt_masuk=_tmt_masuk(row), dipakai=dipakai, cuti_besar_tahun_ini=tahun in leave.besar
    )
    return found.value.total, found.warnings


def _cuti_rows(session: Session, pegawai_ids: Sequence[int]) -> dict[int, list[RiwayatCuti]]:
    by_pegawai: dict[int, list[RiwayatCuti]] = {}
    for start in range(0, len(pegawai_ids), _CHUNK):
        chunk = list(pegawai_ids[start : start + _CHUNK])
        for r in session.scalars(select(RiwayatCuti).where(RiwayatCuti.pegawai_id.in_(chunk))):
            by_pegawai.setdefault(r.pegawai_id, []).append(r)
    return by_pegawai


def rekap_cuti_pdf(
    session: Session,
    actor: Actor,
    tahun: int,
    filters: StaffFilter = StaffFilter(),
) -> Printout:
    """The rekap cuti of ``tahun``: per pegawai the cuti tahunan hak, diambil and sisa, and the other jenis."""
    actor.require(Perm.PRINT)
    if not 1900 <= tahun <= 2200:
        raise ValidationError("Tahun rekap tidak masuk akal.", "tahun")
    frame = documents.list_frame(session, actor)
    rows = _pegawai(session, actor, filters)
    units = _units(session)
    cuti = _cuti_rows(session, [r.id for r in rows])
    lines: list[RekapCutiRow] = []
    unrecorded = 0
    for row in rows:
        leave = _leave(cuti.get(row.id, []))
        hak, warnings = _hak(row, leave, tahun)
        diambil: dict[CutiJenis, int] = {}
        if leave.tahunan.get(tahun):
            diambil[CutiJenis.TAHUNAN] = leave.tahunan[tahun]
        for (year, jenis), days in leave.lain.items():
            if year == tahun:
                diambil[jenis] = diambil.get(jenis, 0) + days
        keterangan = ""
        if leave.since is None or leave.since >= tahun:
            unrecorded += 1
            keterangan = "sisa tahun lalu belum tercatat"
        elif warnings:
            keterangan = "periksa catatan cuti"
        lines.append(RekapCutiRow(_nama(row), row.nip, _unit_name(row, units), hak, diambil, keterangan))
    notes: tuple[str, ...] = ()
    if unrecorded:
        notes = (
            f"{unrecorded} pegawai belum punya catatan cuti sebelum {tahun}: sisa cuti tahun lalu tidak dibawa "
            "(hak dihitung 12 hari kerja).",
        )
    return Printout(
        build_rekap_cuti(RekapCuti(frame, tahun, lines)),
        f"Rekapitulasi cuti pegawai tahun {tahun}",
        f"rekap-cuti-{tahun}.pdf",
        notes,
    )


def _masa_kerja_text(row: Pegawai, on: date) -> str:
    if row.tmt_cpns is None:
        return ""
    return str(MasaKerja.from_months(months_between(row.tmt_cpns, on)))


def _lama(r: RiwayatCuti) -> str:
    jenis = CutiJenis(r.jenis)
    for months in range(1, 37):
        end = add_months(r.tmt, months) - timedelta(days=1)
        if end == r.selesai:
            return lama_text(months, "bulan")
        if end > r.selesai:
            break
    if jenis in (CutiJenis.TAHUNAN, CutiJenis.ALASAN_PENTING):
        return lama_text(r.hari_kerja, "hari kerja")
    return lama_text((r.selesai - r.tmt).days + 1, "hari")


def cuti_form_pdf(session: Session, actor: Actor, riwayat_id: int) -> Printout:
    """The formulir permintaan dan pemberian cuti (F4) for one cuti entry, with the sisa cuti tahunan N-2 … N
    before this leave and the recorded decision in section VIII."""
    actor.require(Perm.PRINT)
    entry = session.get(RiwayatCuti, riwayat_id)
    if entry is None:
        raise NotFound("Riwayat cuti tidak ditemukan.")
    if entry.batal:
        raise ValidationError("Entri cuti ini pembatalan; pilih entri cuti yang berlaku.")
    row = _get_pegawai(session, entry.pegawai_id)
    rows = list(session.scalars(select(RiwayatCuti).where(RiwayatCuti.pegawai_id == row.id)))
    leave = _leave(rows, before=entry.tmt)
    sisa = []
    for year in (entry.tmt.year - 2, entry.tmt.year - 1, entry.tmt.year):
        if leave.since is None or year < leave.since:
            sisa.append(SisaCutiTahunan(year, None))
            continue
        hak, _warnings = _hak(row, leave, year)
        sisa.append(SisaCutiTahunan(year, max(0, hak - leave.tahunan.get(year, 0))))
    profile = office.get_profile(session)
    jenis = CutiJenis(entry.jenis)
    keputusan = KEPUTUSAN_CUTI.get(entry.keputusan, "")
    form = CutiForm(
        nama=_nama(row),
        nip=row.nip,
        jabatan=row.jabatan,
        masa_kerja=_masa_kerja_text(row, entry.tmt),
        unit_kerja=_unit_name(row, _units(session)) or profile.nama_dinas,
        jenis=jenis if jenis is not CutiJenis.BERSAMA else None,
        alasan=entry.keterangan.strip(),
        lama=_lama(entry),
        mulai=entry.tmt,
        selesai=entry.selesai,
        alamat="",
        tempat=profile.kota,
        kepada=(_kepala_dinas(profile),),
        tanggal=entry.tanggal_sk,
        nomor=entry.nomor_sk or entry.referensi,
        sisa_tahunan=tuple(sisa),
        pejabat=CutiDecision(_signer(session), keputusan),
    )
    title = f"Formulir cuti {_nama(row)}, {format_date_numeric(entry.tmt)} s.d. {format_date_numeric(entry.selesai)}"
    return Printout(build_cuti_form(form), title, f"formulir-cuti-{row.nip}-{entry.tmt.isoformat()}.pdf")
