"""ASN Berprestasi (staff.md B9 R26): criteria, monthly score sheets, the ranking and its approval."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.dates import format_date, month_name
from desktop.core.nip import format_nip
from desktop.core.staff import award
from desktop.core.staff.award import Candidate, Criterion
from desktop.core.staff.months import add_months, months_between
from desktop.models.admin import OrgUnit, User
from desktop.models.staff import Pegawai, RiwayatHukdis
from desktop.models.staff_award import (
    HasilPrestasi,
    KriteriaPrestasi,
    LembarPrestasi,
    NilaiPrestasi,
    PenetapanPrestasi,
)
from desktop.printing.staff.award import AwardList, AwardRow, Unranked, build_award_list
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.staff import documents
from desktop.services.staff.records import (
    StatusPegawai,
    effective_rows,
    nama_lengkap,
    pppk_golongan,
    reference,
)

__all__ = [
    "DEFAULT_CRITERIA",
    "Excluded",
    "KriteriaInfo",
    "KriteriaInput",
    "LembarInfo",
    "LembarInput",
    "PenetapanInfo",
    "Ranking",
    "RankingRow",
    "WinnerRow",
    "approve",
    "cancel_approval",
    "get_sheet",
    "history",
    "list_criteria",
    "list_sheets",
    "print_ranking",
    "ranking",
    "save_criteria",
    "save_sheet",
    "seed_criteria",
]

HUKDIS_ACTIVE_MONTHS = 12  # a hukdis without an end date counts as active this long after its TMT

# staff.md (c): five criteria of 20 % each until the office sets its own (Pergub/SK Kepala Dinas).
DEFAULT_CRITERIA: tuple[tuple[str, str], ...] = (
    ("Kehadiran", "Kehadiran dan ketepatan waktu menurut rekap presensi bulan itu."),
    ("Kinerja bulanan", "Capaian rencana kinerja (SKP) bulan itu."),
    ("Disiplin", "Ketaatan pada jam kerja, aturan berpakaian dan tata tertib kantor."),
    ("Inovasi", "Gagasan atau perbaikan cara kerja yang dijalankan."),
    ("Penilaian atasan", "Penilaian perilaku kerja oleh pejabat Eselon III."),
)


# --- criteria -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KriteriaInput:
    """One criterion of the set being saved; ``id`` None = a new criterion."""

    nama: str
    bobot: int
    keterangan: str = ""
    id: int | None = None


@dataclass(frozen=True)
class KriteriaInfo:
    id: int
    nama: str
    keterangan: str
    bobot: int
    urutan: int
    aktif: bool


def _kriteria_info(row: KriteriaPrestasi) -> KriteriaInfo:
    return KriteriaInfo(row.id, row.nama, row.keterangan, row.bobot, row.urutan, row.aktif)


def seed_criteria(session: Session) -> int:
    """Write the shipped criteria when there is no criterion at all (never over the office's own); returns how
    many were written."""
    if session.scalar(select(KriteriaPrestasi.id).limit(1)) is not None:
        return 0
    for urutan, (nama, keterangan) in enumerate(DEFAULT_CRITERIA, start=1):
        session.add(KriteriaPrestasi(nama=nama, keterangan=keterangan, bobot=20, urutan=urutan, aktif=True))
    session.flush()
    return len(DEFAULT_CRITERIA)


def list_criteria(session: Session, actor: Actor, *, include_inactive: bool = False) -> list[KriteriaInfo]:
    """The criteria in form order (the active ones, or all); the shipped ones on first use."""
    actor.require(Perm.VIEW)
    seed_criteria(session)
    query = select(KriteriaPrestasi).order_by(KriteriaPrestasi.urutan, KriteriaPrestasi.id)
    if not include_inactive:
        query = query.where(KriteriaPrestasi.aktif.is_(True))
    return [_kriteria_info(r) for r in session.scalars(query)]


def _clean_text(value: str, limit: int, label: str, field_name: str) -> str:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > limit:
        raise ValidationError(f"{label} terlalu panjang (maksimal {limit} karakter).", field_name)
    return cleaned


def save_criteria(session: Session, actor: Actor, items: Sequence[KriteriaInput]) -> list[KriteriaInfo]:
    """Replace the active criteria with ``items`` in this order: weights 1-100 adding up to 100, names distinct.
    Criteria not in ``items`` become inactive (kept for the history)."""
    actor.require(Perm.WRITE_STAFF)
    names = [_clean_text(i.nama, 200, "Nama kriteria", "nama") for i in items]
    try:
        award.validate_criteria(
            [
                Criterion(index, nama, item.bobot, index)
                for index, (nama, item) in enumerate(zip(names, items, strict=True))
            ]
        )
    except ValueError as exc:
        raise ValidationError(str(exc), "bobot" if "bobot" in str(exc).lower() else "nama") from None
    seed_criteria(session)  # the ids of the shipped ones, which a first edit refers to, exist
    existing = {r.id: r for r in session.scalars(select(KriteriaPrestasi))}
    before = [_kriteria_info(r) for r in existing.values() if r.aktif]
    kept: set[int] = set()
    for urutan, (nama, item) in enumerate(zip(names, items, strict=True), start=1):
        if item.id is not None:
            row = existing.get(item.id)
            if row is None:
                raise NotFound(f"Kriteria #{item.id} tidak ditemukan.")
        else:
            row = KriteriaPrestasi()
            session.add(row)
        row.nama, row.bobot, row.urutan, row.aktif = nama, item.bobot, urutan, True
        row.keterangan = (item.keterangan or "").strip()
        session.flush()
        kept.add(row.id)
    for row in existing.values():
        if row.id not in kept and row.aktif:
            row.aktif = False
    session.flush()
    after = list_criteria(session, actor)
    audit.record(
        session,
        actor,
        "ubah",
        "prestasi_kriteria",
        summary="Kriteria ASN Berprestasi: " + ", ".join(f"{k.nama} {k.bobot}%" for k in after),
        before={"kriteria": [(k.nama, k.bobot) for k in before]},
        after={"kriteria": [(k.nama, k.bobot) for k in after]},
    )
    return after


# --- score sheets -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LembarInput:
    """The scores (criterion id -> 0-100) of one employee for the month of ``periode`` (any day of it)."""

    pegawai_id: int
    periode: date
    nilai: Mapping[int, int]
    penilai_nama: str = ""
    penilai_nip: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class LembarInfo:
    """A saved sheet; ``skor`` (hundredths) only when every active criterion is scored."""

    id: int
    periode: date
    pegawai_id: int
    nama: str
    nip: str
    nilai: Mapping[int, int]
    penilai_nama: str
    penilai_nip: str
    catatan: str
    skor: int | None

    @property
    def lengkap(self) -> bool:
        return self.skor is not None


def _month(d: date) -> date:
    return d.replace(day=1)


def _active_approval(session: Session, periode: date) -> PenetapanPrestasi | None:
    return session.scalar(
        select(PenetapanPrestasi).where(
            PenetapanPrestasi.periode == _month(periode), PenetapanPrestasi.batal.is_(False)
        )
    )


def _bulan(periode: date) -> str:
    return f"{month_name(periode.month)} {periode.year}"


def _criteria(infos: Iterable[KriteriaInfo]) -> list[Criterion]:
    return [Criterion(k.id, k.nama, k.bobot, k.urutan) for k in infos]


def _sheet_info(
    row: LembarPrestasi, pegawai: Pegawai, nilai: Mapping[int, int], criteria: Sequence[Criterion]
) -> LembarInfo:
    skor: int | None
    try:
        skor = award.weighted_score(criteria, nilai) if criteria else None
    except ValueError:
        skor = None
    return LembarInfo(
        id=row.id,
        periode=row.periode,
        pegawai_id=row.pegawai_id,
        nama=nama_lengkap(pegawai.nama, pegawai.gelar_depan, pegawai.gelar_belakang),
        nip=pegawai.nip,
        nilai=dict(nilai),
        penilai_nama=row.penilai_nama,
        penilai_nip=row.penilai_nip,
        catatan=row.catatan,
        skor=skor,
    )


def _scores(session: Session, lembar_ids: Sequence[int]) -> dict[int, dict[int, int]]:
    out: dict[int, dict[int, int]] = {i: {} for i in lembar_ids}
    if lembar_ids:
        query = select(NilaiPrestasi.lembar_id, NilaiPrestasi.kriteria_id, NilaiPrestasi.nilai).where(
            NilaiPrestasi.lembar_id.in_(list(lembar_ids))
        )
        for lembar_id, kriteria_id, nilai in session.execute(query):
            out[lembar_id][kriteria_id] = nilai
    return out


def save_sheet(session: Session, actor: Actor, data: LembarInput) -> LembarInfo:
    """Save (or update) a sheet: the scores given replace those of the same criteria; the month must not be
    approved yet."""
    actor.require(Perm.WRITE_STAFF)
    periode = _month(data.periode)
    if _active_approval(session, periode) is not None:
        raise ValidationError(
            f"Peringkat ASN Berprestasi {_bulan(periode)} sudah ditetapkan; batalkan penetapannya untuk mengubah "
            "nilai.",
            "periode",
        )
    pegawai = session.get(Pegawai, data.pegawai_id)
    if pegawai is None:
        raise NotFound("Pegawai tidak ditemukan.")
    if not pegawai.aktif:
        raise ValidationError(f"{pegawai.nama} tidak aktif; tidak dapat dinilai.", "pegawai_id")
    active = {k.id: k for k in list_criteria(session, actor)}
    for kriteria_id, value in data.nilai.items():
        kriteria = active.get(kriteria_id)
        if kriteria is None:
            raise ValidationError("Kriteria tidak ditemukan atau tidak aktif.", "nilai")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= award.NILAI_MAKS:
            raise ValidationError(
                f"Nilai {kriteria.nama} harus bilangan bulat 0 sampai 100.", f"nilai_{kriteria_id}"
            )
    penilai_nip = "".join(ch for ch in data.penilai_nip if ch.isdigit())
    if penilai_nip and len(penilai_nip) != 18:
        raise ValidationError("NIP penilai harus 18 angka.", "penilai_nip")
    row = session.scalar(
        select(LembarPrestasi).where(
            LembarPrestasi.periode == periode, LembarPrestasi.pegawai_id == data.pegawai_id
        )
    )
    created = row is None
    if row is None:
        row = LembarPrestasi(periode=periode, pegawai_id=data.pegawai_id)
        session.add(row)
    row.penilai_nama = _clean_text(data.penilai_nama, 200, "Nama penilai", "penilai_nama")
    row.penilai_nip = penilai_nip
    row.catatan = (data.catatan or "").strip()
    row.updated_by = actor.user_id
    session.flush()
    current = {
        n.kriteria_id: n
        for n in session.scalars(select(NilaiPrestasi).where(NilaiPrestasi.lembar_id == row.id))
    }
    before = {k: n.nilai for k, n in current.items()}
    for kriteria_id, value in data.nilai.items():
        found = current.get(kriteria_id)
        if found is None:
            session.add(NilaiPrestasi(lembar_id=row.id, kriteria_id=kriteria_id, nilai=value))
        else:
            found.nilai = value
    session.flush()
    nilai = {**before, **data.nilai}
    info = _sheet_info(row, pegawai, nilai, _criteria(active.values()))
    audit.record(
        session,
        actor,
        "tambah" if created else "ubah",
        "prestasi_lembar",
        row.id,
        summary=f"Lembar ASN Berprestasi {_bulan(periode)} {format_nip(pegawai.nip)} {pegawai.nama}",
        before=None if created else {"nilai": {active[k].nama: v for k, v in before.items() if k in active}},
        after={
            "nilai": {active[k].nama: v for k, v in nilai.items() if k in active},
            "penilai": row.penilai_nama,
        },
    )
    return info


def list_sheets(session: Session, actor: Actor, periode: date) -> list[LembarInfo]:
    """The month's sheets in NIP order."""
    actor.require(Perm.VIEW)
    criteria = _criteria(list_criteria(session, actor))
    rows = session.execute(
        select(LembarPrestasi, Pegawai)
        .join(Pegawai, Pegawai.id == LembarPrestasi.pegawai_id)
        .where(LembarPrestasi.periode == _month(periode))
        .order_by(Pegawai.nip)
    ).all()
    scores = _scores(session, [r.id for r, _ in rows])
    return [_sheet_info(r, p, scores[r.id], criteria) for r, p in rows]


def get_sheet(session: Session, actor: Actor, periode: date, pegawai_id: int) -> LembarInfo | None:
    return next((s for s in list_sheets(session, actor, periode) if s.pegawai_id == pegawai_id), None)


# --- ranking ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankingRow:
    peringkat: int
    pegawai_id: int
    nama: str  # with gelar
    nip: str
    pangkat_golongan: str  # "Penata (III/c)"; the golongan alone for PPPK
    jabatan: str
    unit: str
    nilai: tuple[int, ...]  # in the order of Ranking.kriteria
    skor: int  # hundredths
    penentu: str = ""
    penerima: bool = False

    @property
    def skor_text(self) -> str:
        return award.format_skor(self.skor)


@dataclass(frozen=True)
class Excluded:
    pegawai_id: int
    nama: str
    nip: str
    alasan: str


@dataclass(frozen=True)
class PenetapanInfo:
    id: int
    periode: date
    jumlah_penerima: int
    nomor_sk: str
    tanggal_sk: date | None
    catatan: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class Ranking:
    """A month's ranking: live from the sheets, or as approved (``penetapan`` set)."""

    periode: date
    kriteria: tuple[tuple[str, int], ...]  # (name, weight)
    rows: tuple[RankingRow, ...]
    excluded: tuple[Excluded, ...]
    penetapan: PenetapanInfo | None = None


def _golongan_rank(p: Pegawai) -> int:
    ref = reference()
    if not p.golongan_ruang:
        return 0
    if p.status == StatusPegawai.PPPK:
        ladder = pppk_golongan(ref)
        return ladder.index(p.golongan_ruang) + 1 if p.golongan_ruang in ladder else 0
    try:
        return ref.pangkat.rank(p.golongan_ruang)
    except ValueError:
        return 0


def _pangkat_golongan(p: Pegawai) -> str:
    if p.status == StatusPegawai.PPPK or not p.golongan_ruang:
        return p.golongan_ruang
    try:
        return reference().pangkat.get(p.golongan_ruang).label
    except ValueError:
        return p.golongan_ruang


def _hukdis_active(session: Session, pegawai_ids: Sequence[int], periode: date) -> dict[int, str]:
    """Pegawai with a hukuman disiplin in force during the month -> its description."""
    if not pegawai_ids:
        return {}
    end = add_months(periode, 1) - timedelta(days=1)
    rows = session.scalars(select(RiwayatHukdis).where(RiwayatHukdis.pegawai_id.in_(list(pegawai_ids)))).all()
    out: dict[int, str] = {}
    for r in effective_rows(rows):
        until = r.selesai or add_months(r.tmt, HUKDIS_ACTIVE_MONTHS) - timedelta(days=1)
        if r.tmt <= end and until >= periode:
            out[r.pegawai_id] = (
                f"sedang menjalani hukuman disiplin {r.tingkat} ({r.jenis}) sejak {format_date(r.tmt)}"
            )
    return out


def _penetapan_info(row: PenetapanPrestasi, session: Session) -> PenetapanInfo:
    user = session.get(User, row.created_by) if row.created_by is not None else None
    return PenetapanInfo(
        row.id,
        row.periode,
        row.jumlah_penerima,
        row.nomor_sk,
        row.tanggal_sk,
        row.catatan,
        row.created_at,
        user.username if user is not None else "",
    )


def _approved(session: Session, row: PenetapanPrestasi) -> Ranking:
    kriteria = json.loads(row.kriteria_json)
    hasil = session.scalars(
        select(HasilPrestasi).where(HasilPrestasi.penetapan_id == row.id).order_by(HasilPrestasi.peringkat)
    ).all()
    rows = tuple(
        RankingRow(
            h.peringkat,
            h.pegawai_id,
            h.nama,
            h.nip,
            h.golongan_ruang,
            h.jabatan,
            h.unit,
            tuple(json.loads(h.nilai_json)),
            h.skor,
            h.penentu,
            h.penerima,
        )
        for h in hasil
    )
    excluded = tuple(Excluded(**e) for e in kriteria.get("tidak_diperingkat", []))
    return Ranking(
        row.periode,
        tuple((k["nama"], k["bobot"]) for k in kriteria["kriteria"]),
        rows,
        excluded,
        _penetapan_info(row, session),
    )


def _live(session: Session, actor: Actor, periode: date) -> Ranking:
    infos = list_criteria(session, actor)
    criteria = _criteria(infos)
    sheets = session.execute(
        select(LembarPrestasi, Pegawai)
        .join(Pegawai, Pegawai.id == LembarPrestasi.pegawai_id)
        .where(LembarPrestasi.periode == periode)
    ).all()
    scores = _scores(session, [r.id for r, _ in sheets])
    hukdis = _hukdis_active(session, [p.id for _, p in sheets], periode)
    units = {uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))}
    end = add_months(periode, 1) - timedelta(days=1)
    people: dict[int, Pegawai] = {}
    candidates: list[Candidate] = []
    excluded: list[Excluded] = []
    for sheet, p in sheets:
        nama = nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang)
        nilai = scores[sheet.id]
        missing = [c.nama for c in criteria if c.id not in nilai]
        reason = ""
        if not p.aktif:
            reason = f"tidak aktif ({p.alasan_nonaktif})" if p.alasan_nonaktif else "tidak aktif"
        elif p.id in hukdis:
            reason = hukdis[p.id]
        elif missing:
            reason = "nilai " + ", ".join(missing) + " belum diisi"
        if reason:
            excluded.append(Excluded(p.id, nama, p.nip, reason))
            continue
        start = p.tmt_cpns or p.tmt_golongan
        masa = max(months_between(start, end), 0) if start is not None else 0
        candidates.append(
            Candidate(p.id, p.nama, p.nip, _golongan_rank(p), masa, {c.id: nilai[c.id] for c in criteria})
        )
        people[p.id] = p
    rows = []
    for r in award.rank(criteria, candidates) if candidates else []:
        p = people[r.candidate.id]
        rows.append(
            RankingRow(
                r.peringkat,
                p.id,
                nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang),
                p.nip,
                _pangkat_golongan(p),
                p.jabatan,
                units.get(p.unit_id, p.unor) if p.unit_id is not None else p.unor,
                tuple(r.candidate.nilai[c.id] for c in criteria),
                r.skor,
                r.penentu,
            )
        )
    excluded.sort(key=lambda e: e.nip)
    return Ranking(periode, tuple((k.nama, k.bobot) for k in infos), tuple(rows), tuple(excluded))


def ranking(session: Session, actor: Actor, periode: date) -> Ranking:
    """The month's ranking: as approved when it is, else computed from the complete sheets with the active
    criteria (the employees left out listed with the reason)."""
    actor.require(Perm.VIEW)
    month = _month(periode)
    approved = _active_approval(session, month)
    return _approved(session, approved) if approved is not None else _live(session, actor, month)


def approve(
    session: Session,
    actor: Actor,
    periode: date,
    *,
    jumlah_penerima: int = 1,
    nomor_sk: str = "",
    tanggal_sk: date | None = None,
    catatan: str = "",
) -> PenetapanInfo:
    """Record the Kepala Dinas's approval of the month's ranking: the first ``jumlah_penerima`` places are the
    awardees. The ranking is kept as it stands, and the month's sheets are locked."""
    actor.require(Perm.WRITE_STAFF)
    month = _month(periode)
    if _active_approval(session, month) is not None:
        raise ValidationError(f"Peringkat {_bulan(month)} sudah ditetapkan.", "periode")
    live = _live(session, actor, month)
    if not live.rows:
        raise ValidationError(f"Belum ada lembar penilaian yang lengkap untuk {_bulan(month)}.", "periode")
    if not 1 <= jumlah_penerima <= len(live.rows):
        raise ValidationError(
            f"Jumlah pegawai berprestasi harus 1 sampai {len(live.rows)}.", "jumlah_penerima"
        )
    nomor = _clean_text(nomor_sk, 100, "Nomor SK", "nomor_sk")
    snapshot = {
        "kriteria": [{"nama": n, "bobot": b} for n, b in live.kriteria],
        "tidak_diperingkat": [asdict(e) for e in live.excluded],
    }
    row = PenetapanPrestasi(
        periode=month,
        jumlah_penerima=jumlah_penerima,
        nomor_sk=nomor,
        tanggal_sk=tanggal_sk,
        kriteria_json=json.dumps(snapshot, ensure_ascii=False),
        catatan=(catatan or "").strip(),
        batal=False,
        alasan_batal="",
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    for r in live.rows:
        session.add(
            HasilPrestasi(
                penetapan_id=row.id,
                peringkat=r.peringkat,
                pegawai_id=r.pegawai_id,
                nama=r.nama,
                nip=r.nip,
                golongan_ruang=r.pangkat_golongan,
                jabatan=r.jabatan,
                unit=r.unit,
                skor=r.skor,
                nilai_json=json.dumps(list(r.nilai)),
                penentu=r.penentu,
                penerima=r.peringkat <= jumlah_penerima,
            )
        )
    session.flush()
    winners = [r for r in live.rows if r.peringkat <= jumlah_penerima]
    audit.record(
        session,
        actor,
        "tetapkan",
        "prestasi_penetapan",
        row.id,
        summary=f"ASN Berprestasi {_bulan(month)} ditetapkan: " + ", ".join(r.nama for r in winners),
        after={
            "periode": month,
            "nomor_sk": nomor,
            "tanggal_sk": tanggal_sk,
            "penerima": [(r.peringkat, r.nip, r.skor) for r in winners],
        },
    )
    return _penetapan_info(row, session)


def cancel_approval(session: Session, actor: Actor, periode: date, alasan: str) -> None:
    """Cancel the month's approval (it stays on record, marked batal) so the sheets can be corrected."""
    actor.require(Perm.WRITE_STAFF)
    month = _month(periode)
    reason = _clean_text(alasan, 300, "Alasan", "alasan")
    if not reason:
        raise ValidationError("Alasan pembatalan wajib diisi.", "alasan")
    row = _active_approval(session, month)
    if row is None:
        raise NotFound(f"Peringkat {_bulan(month)} belum ditetapkan.")
    row.batal, row.alasan_batal = True, reason
    session.flush()
    audit.record(
        session,
        actor,
        "batal",
        "prestasi_penetapan",
        row.id,
        summary=f"Penetapan ASN Berprestasi {_bulan(month)} dibatalkan: {reason}",
        before={"batal": False},
        after={"batal": True, "alasan_batal": reason},
    )


# --- history and printing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WinnerRow:
    periode: date
    peringkat: int
    pegawai_id: int
    nama: str
    nip: str
    pangkat_golongan: str
    jabatan: str
    unit: str
    skor: int
    penerima: bool
    nomor_sk: str
    tanggal_sk: date | None


def history(
    session: Session, actor: Actor, *, pegawai_id: int | None = None, tahun: int | None = None
) -> list[WinnerRow]:
    """The approved months, newest first: the awardees of each month; with ``pegawai_id`` every approved month
    in which that employee was ranked (awardee or not)."""
    actor.require(Perm.VIEW)
    query = (
        select(HasilPrestasi, PenetapanPrestasi)
        .join(PenetapanPrestasi, PenetapanPrestasi.id == HasilPrestasi.penetapan_id)
        .where(PenetapanPrestasi.batal.is_(False))
        .order_by(PenetapanPrestasi.periode.desc(), HasilPrestasi.peringkat)
    )
    if pegawai_id is not None:
        query = query.where(HasilPrestasi.pegawai_id == pegawai_id)
    else:
        query = query.where(HasilPrestasi.penerima.is_(True))
    if tahun is not None:
        query = query.where(
            PenetapanPrestasi.periode >= date(tahun, 1, 1), PenetapanPrestasi.periode < date(tahun + 1, 1, 1)
        )
    return [
        WinnerRow(
            p.periode,
            h.peringkat,
            h.pegawai_id,
            h.nama,
            h.nip,
            h.golongan_ruang,
            h.jabatan,
            h.unit,
            h.skor,
            h.penerima,
            p.nomor_sk,
            p.tanggal_sk,
        )
        for h, p in session.execute(query)
    ]


def print_ranking(session: Session, actor: Actor, periode: date, now: datetime | None = None) -> bytes:
    """The month's ranking as the SK's attachment (PDF, F4 landscape with the kop); a ranking not yet approved
    prints as a konsep."""
    actor.require(Perm.PRINT)
    found = ranking(session, actor, periode)
    frame = documents.list_frame(session, actor, now)
    penetapan = found.penetapan
    return build_award_list(
        AwardList(
            frame=frame,
            periode=found.periode,
            kriteria=found.kriteria,
            rows=[
                AwardRow(
                    r.peringkat,
                    r.nama,
                    r.nip,
                    r.pangkat_golongan,
                    r.jabatan,
                    r.unit,
                    r.nilai,
                    r.skor,
                    r.penentu,
                    r.penerima,
                )
                for r in found.rows
            ],
            unranked=[Unranked(e.nama, e.nip, e.alasan) for e in found.excluded],
            nomor_sk=penetapan.nomor_sk if penetapan else "",
            tanggal_sk=penetapan.tanggal_sk if penetapan else None,
            konsep=penetapan is None,
        )
    )
