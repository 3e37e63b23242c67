"""Surat keluar: number series, issuing and inserting numbers, the buku agenda keluar."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, and_, case, func, not_, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.letters.rules import (
    DEFAULT_TEMPLATE,
    Keamanan,
    NumberTemplate,
    Skema,
    Urgensi,
    format_urut,
    validate_code,
)
from desktop.models.admin import Signatory
from desktop.models.letters import IncomingLetter, NumberSeries, OutgoingLetter
from desktop.services.common import audit, counters, office
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.numbering import DEFAULT_SERIES_NAME as DEFAULT_SERIES_NAME
from desktop.services.common.numbering import counter_series as counter_series  # shared with other modules
from desktop.services.common.numbering import ensure_default_series as ensure_default_series
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.secrecy import SECRET_CODES, hidden_from
from desktop.services.common.secrecy import SECRET_MASK as SECRET_MASK  # re-exported for the callers
from desktop.services.letters import incoming

MAX_SISIPAN = 99
FUTURE_DAYS = 31  # a letter dated further ahead than this is a typing mistake (2062 for 2026), not a plan

STATUS_LABELS = {
    "dipesan": "Dipesan (konsep)",
    "ditandatangani": "Ditandatangani",
    "dikirim": "Dikirim",
    "batal": "Batal",
}
MEDIA_LABELS = {
    "caraka": "Caraka",
    "pos": "Pos",
    "kurir": "Jasa kurir",
    "email": "Email",
    "srikandi": "SRIKANDI",
    "faks": "Faks",
    "langsung": "Diambil langsung",
    "lainnya": "Lainnya",
}


def sisipan_series(seri_id: int, urut: int) -> str:
    """The counter row of the inserted numbers after ``urut`` (57.01, 57.02 …), per year."""
    return f"surat_keluar:{seri_id}:sisip:{urut}"


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- series -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesData:
    """A number series (R19-R20): its name, template and the unit code put into ``{unit}``."""

    nama: str
    template: str = DEFAULT_TEMPLATE
    kode_unit: str = ""
    aktif: bool = True
    id: int | None = None

    @property
    def needs_kka(self) -> bool:
        return "kka" in NumberTemplate(self.template).tokens

    @property
    def needs_unit(self) -> bool:
        return "unit" in NumberTemplate(self.template).tokens


def _series_data(row: NumberSeries) -> SeriesData:
    return SeriesData(
        nama=row.nama, template=row.template, kode_unit=row.kode_unit, aktif=row.aktif, id=row.id
    )


def list_series(session: Session, *, include_inactive: bool = False) -> list[SeriesData]:
    query = select(NumberSeries).order_by(NumberSeries.id)
    if not include_inactive:
        query = query.where(NumberSeries.aktif.is_(True))
    return [_series_data(r) for r in session.scalars(query)]


def save_series(session: Session, actor: Actor, data: SeriesData) -> SeriesData:
    """Create or change a series. The template is checked by rendering; numbers already issued keep their text."""
    actor.require(Perm.MANAGE_SETTINGS)
    nama = _squash(data.nama)
    template = data.template.strip()
    if not nama:
        raise ValidationError("Nama seri nomor wajib diisi.", "nama")
    if len(nama) > 120:
        raise ValidationError("Nama seri nomor terlalu panjang (maksimal 120 karakter).", "nama")
    if not template:
        raise ValidationError("Pola nomor wajib diisi, mis. {kka}/{urut}/{unit}/{tahun}.", "template")
    if len(template) > 120:
        raise ValidationError("Pola nomor terlalu panjang (maksimal 120 karakter).", "template")
    try:
        NumberTemplate(template)
    except ValueError as exc:
        raise ValidationError(str(exc), "template") from exc
    unit = _squash(data.kode_unit)
    if len(unit) > 60:
        raise ValidationError("Kode unit terlalu panjang (maksimal 60 karakter).", "kode_unit")
    clash = session.scalar(select(NumberSeries.id).where(NumberSeries.nama == nama))
    if clash is not None and clash != data.id:
        raise ValidationError(f"Seri bernama {nama} sudah ada.", "nama")
    before: dict[str, Any] | None = None
    if data.id is None:
        row = NumberSeries()
        session.add(row)
    else:
        found = session.get(NumberSeries, data.id)
        if found is None:
            raise NotFound("Seri nomor tidak ditemukan.")
        row = found
        before = audit.snapshot(row, ["nama", "template", "kode_unit", "aktif"])
    row.nama, row.template, row.kode_unit, row.aktif = nama, template, unit, data.aktif
    session.flush()
    audit.record(
        session,
        actor,
        "simpan",
        "seri_nomor",
        row.id,
        summary=f"Seri nomor {nama}: {template}",
        before=before,
        after=audit.snapshot(row, ["nama", "template", "kode_unit", "aktif"]),
    )
    return _series_data(row)


def _series(session: Session, seri_id: int | None) -> NumberSeries:
    row = session.get(NumberSeries, seri_id if seri_id is not None else ensure_default_series(session))
    if row is None:
        raise ValidationError("Seri nomor tidak ditemukan.", "seri_id")
    return row


# --- records ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutgoingInput:
    """What the clerk types for one outgoing letter."""

    tanggal_surat: date
    tujuan: str
    perihal: str
    kode_klasifikasi: str = ""
    skema: str = Skema.PERMENDAGRI_83_2022.value
    alamat_tujuan: str = ""
    keamanan: Keamanan = Keamanan.B
    urgensi: Urgensi = Urgensi.BIASA
    lampiran: str = ""
    signatory_id: int | None = None
    penandatangan: str = ""  # used when no signatory is chosen (a signer outside the list)
    pengolah: str = ""
    tembusan: str = ""
    balasan_atas_id: int | None = None
    seri_id: int | None = None  # None: the default series
    unit: str = ""  # {unit} for this letter; empty: the series' unit code, then the office profile's
    keterangan: str = ""
    reserve: bool = False  # R22: reserve the number before signing (status dipesan)


@dataclass(frozen=True)
class OutgoingInfo:
    id: int
    seri_id: int
    seri_nama: str
    tahun: int
    urut: int
    sisipan: int  # 0 for a regular number
    nomor_surat: str
    kka: str
    unit: str
    tanggal_surat: date
    tujuan: str
    alamat_tujuan: str
    perihal: str
    kode_klasifikasi: str
    skema: str
    keamanan: Keamanan
    urgensi: Urgensi
    lampiran: str
    signatory_id: int | None
    penandatangan: str
    pengolah: str
    tembusan: str
    balasan_atas_id: int | None
    balasan_atas: str  # the incoming letter's agenda, "15/2026", or ""
    status: str
    batal_alasan: str
    tanggal_kirim: date | None
    media: str
    keterangan: str
    created_at: datetime
    masked: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def media_label(self) -> str:
        return MEDIA_LABELS.get(self.media, self.media)

    @property
    def urut_text(self) -> str:
        """``57`` or ``57.01``: the sequence part as written in the number."""
        return format_urut(self.urut, self.sisipan or None)

    @property
    def is_inserted(self) -> bool:
        return self.sisipan > 0


def _agenda_texts(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(IncomingLetter.id, IncomingLetter.nomor_agenda, IncomingLetter.tahun).where(
            IncomingLetter.id.in_(ids)
        )
    )
    return {r.id: f"{r.nomor_agenda}/{r.tahun}" for r in rows}


def _infos(session: Session, actor: Actor, rows: list[OutgoingLetter]) -> list[OutgoingInfo]:
    names = {r.id: r.nama for r in session.execute(select(NumberSeries.id, NumberSeries.nama))}
    agendas = _agenda_texts(session, {r.balasan_atas_id for r in rows if r.balasan_atas_id is not None})
    result = []
    for row in rows:
        secret = hidden_from(actor, row.keamanan)
        result.append(
            OutgoingInfo(
                id=row.id,
                seri_id=row.seri_id,
                seri_nama=names.get(row.seri_id, ""),
                tahun=row.tahun,
                urut=row.urut,
                sisipan=row.sisipan,
                nomor_surat=row.nomor_surat,
                kka=row.kka,
                unit=row.unit,
                tanggal_surat=row.tanggal_surat,
                tujuan=row.tujuan,
                alamat_tujuan=row.alamat_tujuan,
                perihal=SECRET_MASK if secret else row.perihal,
                kode_klasifikasi=row.kode_klasifikasi,
                skema=row.skema,
                keamanan=Keamanan(row.keamanan),
                urgensi=Urgensi(row.urgensi),
                lampiran=row.lampiran,
                signatory_id=row.signatory_id,
                penandatangan=row.penandatangan,
                pengolah=row.pengolah,
                tembusan=row.tembusan,
                balasan_atas_id=row.balasan_atas_id,
                balasan_atas=agendas.get(row.balasan_atas_id, "") if row.balasan_atas_id else "",
                status=row.status,
                batal_alasan=row.batal_alasan,
                tanggal_kirim=row.tanggal_kirim,
                media=row.media,
                keterangan="" if secret else row.keterangan,
                created_at=row.created_at,
                masked=secret,
            )
        )
    return result


def _info(session: Session, actor: Actor, row: OutgoingLetter) -> OutgoingInfo:
    return _infos(session, actor, [row])[0]


def _signer_text(session: Session, signatory_id: int | None, free_text: str) -> tuple[int | None, str]:
    """The signatory id and the snapshot kept with the letter ("Kepala Dinas — Dr. …")."""
    if signatory_id is None:
        return None, _squash(free_text)[:300]
    sig = session.get(Signatory, signatory_id)
    if sig is None or not sig.aktif:
        raise ValidationError("Penanda tangan tidak ditemukan atau sudah tidak aktif.", "signatory_id")
    return sig.id, f"{sig.jabatan} — {sig.nama}"[:300]


@dataclass(frozen=True)
class _Prepared:
    data: OutgoingInput
    series: NumberSeries
    template: NumberTemplate
    kka: str
    unit: str
    signatory_id: int | None
    penandatangan: str


def _prepare(session: Session, data: OutgoingInput, today: date | None) -> _Prepared:
    """Check and clean the input, and make sure the number renders before a number is taken."""
    tujuan = _squash(data.tujuan)
    perihal = _squash(data.perihal)
    if not tujuan:
        raise ValidationError("Tujuan surat wajib diisi.", "tujuan")
    if len(tujuan) > 300:
        raise ValidationError("Tujuan terlalu panjang (maksimal 300 karakter).", "tujuan")
    if not perihal:
        raise ValidationError("Perihal wajib diisi.", "perihal")
    today = today or office.today(session)
    if data.tanggal_surat > today + timedelta(days=FUTURE_DAYS):
        raise ValidationError(
            f"Tanggal surat {format_date(data.tanggal_surat)} terlalu jauh di depan; periksa tahunnya.",
            "tanggal_surat",
        )
    if data.tanggal_surat.year < 2000:
        raise ValidationError("Tanggal surat tidak masuk akal; periksa tahunnya.", "tanggal_surat")
    series = _series(session, data.seri_id)
    if not series.aktif:
        raise ValidationError(f"Seri nomor {series.nama} tidak aktif lagi.", "seri_id")
    try:
        template = NumberTemplate(series.template)
        skema = Skema.coerce(data.skema)
    except ValueError as exc:
        raise ValidationError(str(exc), "kode_klasifikasi") from exc
    kode = data.kode_klasifikasi.strip()
    if "kka" in template.tokens and not kode:
        raise ValidationError(
            "Kode klasifikasi wajib diisi: kode ini menjadi bagian nomor surat.", "kode_klasifikasi"
        )
    if kode:
        try:
            kode = validate_code(kode, skema)
        except ValueError as exc:
            raise ValidationError(str(exc), "kode_klasifikasi") from exc
    unit = _squash(data.unit) or series.kode_unit or _squash(office.get_profile(session).kode_unit)
    if "unit" in template.tokens and not unit:
        raise ValidationError(
            f"Pola nomor seri {series.nama} memuat kode unit, tetapi kode unit belum diatur. "
            "Isi kode unit (mis. SEK.UM) di Pengaturan › Profil kantor atau pada seri nomor.",
            "unit",
        )
    if data.balasan_atas_id is not None and session.get(IncomingLetter, data.balasan_atas_id) is None:
        raise ValidationError("Surat masuk yang dibalas tidak ditemukan.", "balasan_atas")
    signatory_id, penandatangan = _signer_text(session, data.signatory_id, data.penandatangan)
    try:
        template.render(kode, 1, unit, data.tanggal_surat, data.keamanan)
    except ValueError as exc:
        raise ValidationError(str(exc), "kode_klasifikasi") from exc
    clean = replace(
        data,
        tujuan=tujuan,
        perihal=perihal,
        kode_klasifikasi=kode,
        skema=skema.value,
        alamat_tujuan=_squash(data.alamat_tujuan)[:400],
        lampiran=_squash(data.lampiran)[:100],
        pengolah=_squash(data.pengolah)[:300],
        tembusan=data.tembusan.strip(),
        keterangan=data.keterangan.strip(),
    )
    return _Prepared(clean, series, template, kode, unit, signatory_id, penandatangan)


def _store(session: Session, actor: Actor, p: _Prepared, tahun: int, urut: int, sisipan: int) -> OutgoingInfo:
    data = p.data
    nomor = p.template.render(p.kka, urut, p.unit, data.tanggal_surat, data.keamanan, sisipan or None)
    if len(nomor) > 255:
        raise ValidationError("Nomor surat terlalu panjang (maksimal 255 karakter).", "kode_klasifikasi")
    row = OutgoingLetter(
        seri_id=p.series.id,
        tahun=tahun,
        urut=urut,
        sisipan=sisipan,
        nomor_surat=nomor,
        kka=p.kka if "kka" in p.template.tokens else "",
        unit=p.unit if "unit" in p.template.tokens else "",
        tanggal_surat=data.tanggal_surat,
        tujuan=data.tujuan,
        alamat_tujuan=data.alamat_tujuan,
        perihal=data.perihal,
        kode_klasifikasi=data.kode_klasifikasi,
        skema=data.skema,
        keamanan=Keamanan(data.keamanan).value,
        urgensi=Urgensi(data.urgensi).value,
        lampiran=data.lampiran,
        signatory_id=p.signatory_id,
        penandatangan=p.penandatangan,
        pengolah=data.pengolah,
        tembusan=data.tembusan,
        balasan_atas_id=data.balasan_atas_id,
        status="dipesan" if data.reserve else "ditandatangani",
        keterangan=data.keterangan,
        created_at=clock.utc_now(),
        updated_at=clock.utc_now(),
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    kind = "dipesan" if data.reserve else "diambil"
    audit.record(
        session,
        actor,
        "buat",
        "surat_keluar",
        row.id,
        summary=f"Nomor surat keluar {nomor} {kind}"
        + (" (sisipan)" if sisipan else "")
        + f" untuk {row.tujuan}",
        after={
            "seri_id": row.seri_id,
            "tahun": tahun,
            "urut": urut,
            "sisipan": sisipan,
            "nomor_surat": nomor,
            "tanggal_surat": row.tanggal_surat,
            "status": row.status,
            "keamanan": row.keamanan,
        },
    )
    return _info(session, actor, row)


def issue_number(
    session: Session, actor: Actor, data: OutgoingInput, *, today: date | None = None
) -> OutgoingInfo:
    """Give the letter the series' next number of its year (R3: the year of tanggal surat) and record it.

    Status *ditandatangani* (numbered after signature, R22) or *dipesan* when ``data.reserve``.
    """
    actor.require(Perm.WRITE_LETTERS)
    prepared = _prepare(session, data, today)
    tahun = data.tanggal_surat.year
    urut = counters.next_number(session, counter_series(prepared.series.id), tahun)
    return _store(session, actor, prepared, tahun, urut, 0)


def _last_regular_on_or_before(session: Session, seri_id: int, tanggal: date) -> OutgoingLetter | None:
    return session.scalars(
        select(OutgoingLetter)
        .where(
            OutgoingLetter.seri_id == seri_id,
            OutgoingLetter.tahun == tanggal.year,
            OutgoingLetter.sisipan == 0,
            OutgoingLetter.tanggal_surat <= tanggal,
        )
        .order_by(OutgoingLetter.urut.desc())
        .limit(1)
    ).first()


def _first_regular_after(session: Session, seri_id: int, tanggal: date) -> OutgoingLetter | None:
    return session.scalars(
        select(OutgoingLetter)
        .where(
            OutgoingLetter.seri_id == seri_id,
            OutgoingLetter.tahun == tanggal.year,
            OutgoingLetter.sisipan == 0,
            OutgoingLetter.tanggal_surat > tanggal,
        )
        .order_by(OutgoingLetter.urut)
        .limit(1)
    ).first()


def insert_number(
    session: Session, actor: Actor, data: OutgoingInput, *, today: date | None = None
) -> OutgoingInfo:
    """An inserted number for a back-dated letter (R21): ``57.01`` after the last regular number on or before
    its date, then ``57.02`` …; no other letter is renumbered.

    Refused (with the way forward in the message) when no regular number of that year is dated on or before
    the letter, or when none is dated after it (a regular number is then in date order anyway).
    """
    actor.require(Perm.WRITE_LETTERS)
    prepared = _prepare(session, data, today)
    seri_id = prepared.series.id
    tanggal = data.tanggal_surat
    before = _last_regular_on_or_before(session, seri_id, tanggal)
    if before is None:
        raise ValidationError(
            f"Belum ada nomor surat keluar bertanggal {format_date(tanggal)} atau sebelumnya di tahun "
            f"{tanggal.year}, jadi tidak ada nomor untuk disisipi. Ambil nomor biasa (hilangkan centang "
            "Sisipkan nomor).",
            "tanggal_surat",
        )
    if _first_regular_after(session, seri_id, tanggal) is None:
        raise ValidationError(
            f"Tidak perlu nomor sisipan: belum ada nomor bertanggal sesudah {format_date(tanggal)}. "
            "Ambil nomor biasa (hilangkan centang Sisipkan nomor).",
            "tanggal_surat",
        )
    sisipan = counters.next_number(session, sisipan_series(seri_id, before.urut), tanggal.year)
    if sisipan > MAX_SISIPAN:
        raise ValidationError(
            f"Nomor sisipan sesudah {before.urut} sudah habis ({MAX_SISIPAN}). Ambil nomor biasa.",
            "tanggal_surat",
        )
    return _store(session, actor, prepared, tanggal.year, before.urut, sisipan)


def later_number(session: Session, actor: Actor, seri_id: int | None, tanggal: date) -> OutgoingInfo | None:
    """The first regular number of the year dated after ``tanggal``: when there is one, a letter of that date
    is back-dated and an inserted number keeps the book in date order (shown as a hint, never enforced)."""
    actor.require(Perm.VIEW)
    series_id = seri_id if seri_id is not None else ensure_default_series(session)
    row = _first_regular_after(session, series_id, tanggal)
    if row is None or _last_regular_on_or_before(session, series_id, tanggal) is None:
        return None
    return _info(session, actor, row)


def _get_row(session: Session, letter_id: int) -> OutgoingLetter:
    row = session.get(OutgoingLetter, letter_id)
    if row is None:
        raise NotFound("Surat keluar tidak ditemukan.")
    return row


def get_outgoing(session: Session, actor: Actor, letter_id: int) -> OutgoingInfo:
    actor.require(Perm.VIEW)
    return _info(session, actor, _get_row(session, letter_id))


def confirm_reserved(
    session: Session,
    actor: Actor,
    letter_id: int,
    signed_date: date | None = None,
    *,
    signatory_id: int | None = None,
) -> OutgoingInfo:
    """A reserved number's letter has been signed (R22): *dipesan* → *ditandatangani*.

    ``signed_date`` replaces tanggal surat when the letter was dated at signing; it must stay in the number's
    year, since the number belongs to that year's sequence. The rendered number is redrawn from its parts (only
    a ``{bulan}`` token can change); the sequence number itself never changes.
    """
    actor.require(Perm.WRITE_LETTERS)
    row = _get_row(session, letter_id)
    if row.status != "dipesan":
        raise ValidationError(
            f"Nomor {row.nomor_surat} tidak berstatus dipesan ({STATUS_LABELS[row.status]})."
        )
    before = {"status": row.status, "tanggal_surat": row.tanggal_surat, "nomor_surat": row.nomor_surat}
    if signed_date is not None and signed_date != row.tanggal_surat:
        if signed_date.year != row.tahun:
            raise ValidationError(
                f"Nomor {row.nomor_surat} adalah nomor tahun {row.tahun}; surat bertanggal {signed_date.year} "
                "memerlukan nomor baru. Batalkan nomor ini lalu ambil nomor baru.",
                "tanggal_surat",
            )
        series = _series(session, row.seri_id)
        template = NumberTemplate(series.template)
        try:
            nomor = template.render(
                row.kka, row.urut, row.unit, signed_date, row.keamanan, row.sisipan or None
            )
        except ValueError:
            nomor = row.nomor_surat  # the series' template changed since: keep the number as reserved
        row.tanggal_surat = signed_date
        row.nomor_surat = nomor
    if signatory_id is not None:
        row.signatory_id, row.penandatangan = _signer_text(session, signatory_id, "")
    row.status = "ditandatangani"
    audit.record(
        session,
        actor,
        "konfirmasi",
        "surat_keluar",
        row.id,
        summary=f"Nomor {row.nomor_surat} ditandatangani",
        before=before,
        after={"status": row.status, "tanggal_surat": row.tanggal_surat, "nomor_surat": row.nomor_surat},
    )
    return _info(session, actor, row)


def mark_sent(
    session: Session, actor: Actor, letter_id: int, tanggal_kirim: date, media: str = "caraka"
) -> OutgoingInfo:
    """Record that the signed letter went out (R27): tanggal kirim and media; may be corrected later."""
    actor.require(Perm.WRITE_LETTERS)
    row = _get_row(session, letter_id)
    if media not in MEDIA_LABELS:
        raise ValidationError("Media pengiriman tidak dikenal.", "media")
    if row.status == "batal":
        raise ValidationError(f"Nomor {row.nomor_surat} sudah batal; surat ini tidak dikirim.")
    if row.status == "dipesan":
        raise ValidationError(
            f"Nomor {row.nomor_surat} masih dipesan: konfirmasi dulu bahwa surat sudah ditandatangani."
        )
    if tanggal_kirim < row.tanggal_surat:
        raise ValidationError("Tanggal kirim tidak boleh sebelum tanggal surat.", "tanggal_kirim")
    if tanggal_kirim > office.today(session) + timedelta(days=1):
        raise ValidationError("Tanggal kirim tidak boleh di masa depan.", "tanggal_kirim")
    before = {"status": row.status, "tanggal_kirim": row.tanggal_kirim, "media": row.media}
    row.status = "dikirim"
    row.tanggal_kirim = tanggal_kirim
    row.media = media
    audit.record(
        session,
        actor,
        "kirim",
        "surat_keluar",
        row.id,
        summary=f"Surat {row.nomor_surat} dikirim {format_date(tanggal_kirim)} lewat {MEDIA_LABELS[media]}",
        before=before,
        after={"status": row.status, "tanggal_kirim": tanggal_kirim, "media": media},
    )
    return _info(session, actor, row)


def cancel(session: Session, actor: Actor, letter_id: int, reason: str) -> OutgoingInfo:
    """Mark a number *batal* with a reason (R21): it stays in the book and is never handed out again."""
    actor.require(Perm.WRITE_LETTERS)
    reason = _squash(reason)
    if not reason:
        raise ValidationError("Alasan pembatalan wajib diisi.", "reason")
    row = _get_row(session, letter_id)
    if row.status == "batal":
        raise ValidationError(f"Nomor {row.nomor_surat} sudah batal.")
    before = {"status": row.status}
    row.status = "batal"
    row.batal_alasan = reason[:300]
    audit.record(
        session,
        actor,
        "batal",
        "surat_keluar",
        row.id,
        summary=f"Nomor surat keluar {row.nomor_surat} dibatalkan: {reason}",
        before=before,
        after={"status": "batal", "batal_alasan": row.batal_alasan},
    )
    return _info(session, actor, row)


# --- the buku agenda keluar ---------------------------------------------------------------------------------

_CODE_QUERY = re.compile(r"^\d{3}(?:\.\d+)*$")
# "57" or "57.01": a sequence number (two-digit sisipan, so a code such as "800.1" is not read as one).
_URUT_QUERY = re.compile(r"^(\d{1,6})(?:\.(\d{2}))?$")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search(query: Select[OutgoingLetter], text: str, see_secret: bool) -> Select[OutgoingLetter]:
    """What the clerk types in the search box.

    A sequence number ("57", "57.01") finds that number, and a code or code prefix ("800", "800.1.11") the
    letters filed under it; anything else must match every word in the number, tujuan, perihal, kode,
    penandatangan or pengolah (perihal of secret letters only for those allowed to read it).
    """
    text = text.strip()
    if not text:
        return query
    number = _URUT_QUERY.match(text)
    if number or _CODE_QUERY.match(text):
        code = or_(
            OutgoingLetter.kode_klasifikasi == text,
            OutgoingLetter.kode_klasifikasi.startswith(f"{text}.", autoescape=True),
        )
        if number is None:
            return query.where(code)
        by_number = OutgoingLetter.urut == int(number[1])
        if number[2]:
            by_number = and_(by_number, OutgoingLetter.sisipan == int(number[2]))
        return query.where(or_(by_number, code))
    conditions: list[ColumnElement[bool]] = []
    for word in text.split():
        like = f"%{_escape_like(word)}%"
        perihal: ColumnElement[bool] = OutgoingLetter.perihal.ilike(like, escape="\\")
        if not see_secret:
            perihal = and_(perihal, not_(OutgoingLetter.keamanan.in_(SECRET_CODES)))
        conditions.append(
            or_(
                OutgoingLetter.nomor_surat.ilike(like, escape="\\"),
                OutgoingLetter.tujuan.ilike(like, escape="\\"),
                OutgoingLetter.kode_klasifikasi.ilike(like, escape="\\"),
                OutgoingLetter.penandatangan.ilike(like, escape="\\"),
                OutgoingLetter.pengolah.ilike(like, escape="\\"),
                perihal,
            )
        )
    return query.where(and_(*conditions))


@dataclass(frozen=True)
class OutgoingFilter:
    """The filter bar of the agenda keluar. Empty fields leave the list alone; filled ones all apply (AND),
    on top of the year, the series and the search text."""

    dari: date | None = None  # tanggal surat from (inclusive)
    sampai: date | None = None  # … up to and including
    tujuan: str = ""  # part of the addressee, case ignored
    kode_klasifikasi: str = ""  # a code and the codes under it: "800.1" finds 800.1.11.1, not 800.10
    keamanan: Keamanan | None = None
    urgensi: Urgensi | None = None
    status: str = ""  # a key of STATUS_LABELS

    @property
    def active_count(self) -> int:
        """How many filters are on (a date range counts once), for the "Filter (2)" button."""
        return sum(
            (
                self.dari is not None or self.sampai is not None,
                bool(_squash(self.tujuan)),
                bool(self.kode_klasifikasi.strip().rstrip(".")),
                self.keamanan is not None,
                self.urgensi is not None,
                bool(self.status),
            )
        )


# Columns of the agenda keluar that can be sorted (the table's header).
OUTGOING_SORT_KEYS = (
    "nomor",
    "tanggal_surat",
    "tujuan",
    "perihal",
    "kode_klasifikasi",
    "penandatangan",
    "status",
)
_STATUS_RANK = {key: i for i, key in enumerate(STATUS_LABELS)}


def _status_is(session: Session, status: str) -> ColumnElement[bool]:
    condition = OutgoingLetter.status == status
    if session.get_bind().dialect.name == "sqlite":
        # Without statistics SQLite takes the status index for any status and sorts what it found (half a
        # second for "dikirim", nearly every letter); marked likely, the year or date index drives instead.
        return func.likely(condition)
    return condition


def _filter_conditions(session: Session, filters: OutgoingFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.dari is not None:
        conditions.append(OutgoingLetter.tanggal_surat >= filters.dari)
    if filters.sampai is not None:
        conditions.append(OutgoingLetter.tanggal_surat <= filters.sampai)
    tujuan = _squash(filters.tujuan)
    if tujuan:
        conditions.append(OutgoingLetter.tujuan.ilike(f"%{_escape_like(tujuan)}%", escape="\\"))
    code = incoming.code_condition(OutgoingLetter.kode_klasifikasi, filters.kode_klasifikasi)
    if code is not None:
        conditions.append(code)
    if filters.keamanan is not None:
        conditions.append(OutgoingLetter.keamanan == Keamanan(filters.keamanan).value)
    if filters.urgensi is not None:
        conditions.append(OutgoingLetter.urgensi == Urgensi(filters.urgensi).value)
    if filters.status:
        if filters.status not in STATUS_LABELS:
            raise ValidationError(f"Status nomor tidak dikenal: {filters.status}", "status")
        conditions.append(_status_is(session, filters.status))
    return conditions


def _order(actor: Actor, key: str, descending: bool) -> list[UnaryExpression[Any]]:
    """ORDER BY for a column of the agenda keluar, the id last so pages never overlap or skip rows."""
    sort_by: list[ColumnElement[Any] | QueryableAttribute[Any]]
    if key == "nomor":
        sort_by = [OutgoingLetter.tahun, OutgoingLetter.urut, OutgoingLetter.sisipan]
    elif key == "tanggal_surat":
        sort_by = [OutgoingLetter.tanggal_surat]
    elif key == "tujuan":
        sort_by = [func.lower(OutgoingLetter.tujuan)]
    elif key == "perihal":
        if actor.can(Perm.VIEW_SECRET):
            sort_by = [OutgoingLetter.perihal]
        else:
            # Sorted as shown: the place of a masked perihal must not hint at its words.
            secret = OutgoingLetter.keamanan.in_(SECRET_CODES)
            sort_by = [case((secret, SECRET_MASK), else_=OutgoingLetter.perihal)]
    elif key == "kode_klasifikasi":
        sort_by = [OutgoingLetter.kode_urut]  # numeric segments: 400.9 before 400.14 (R24)
    elif key == "penandatangan":
        sort_by = [OutgoingLetter.penandatangan]
    elif key == "status":
        sort_by = [case(_STATUS_RANK, value=OutgoingLetter.status, else_=len(_STATUS_RANK))]
    else:
        raise ValidationError(f"Kolom urutan tidak dikenal: {key}", "sort")
    sort_by.append(OutgoingLetter.id)
    return [c.desc() if descending else c.asc() for c in sort_by]


def list_outgoing(
    session: Session,
    actor: Actor,
    *,
    tahun: int | None = None,
    text: str = "",
    seri_id: int | None = None,
    status: str | None = None,
    filters: OutgoingFilter | None = None,
    sort: tuple[str, bool] | None = None,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[OutgoingInfo], int]:
    """One page of the buku agenda keluar, newest number first (57.02 above 57.01 above 57), with the total.

    Cancelled numbers are listed too (R21): the book explains every gap. ``filters`` narrow the list and
    ``sort`` (a key of OUTGOING_SORT_KEYS and descending) replaces the order, both in SQL.
    """
    actor.require(Perm.VIEW)
    query = select(OutgoingLetter)
    if tahun is not None:
        query = query.where(OutgoingLetter.tahun == tahun)
    if seri_id is not None:
        query = query.where(OutgoingLetter.seri_id == seri_id)
    if status:
        query = query.where(_status_is(session, status))
    if filters is not None:
        conditions = _filter_conditions(session, filters)
        if conditions:
            query = query.where(*conditions)
    query = _search(query, text, actor.can(Perm.VIEW_SECRET))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if sort is not None:
        order = _order(actor, *sort)
    else:
        order = [
            OutgoingLetter.tahun.desc(),
            OutgoingLetter.urut.desc(),
            OutgoingLetter.sisipan.desc(),
            OutgoingLetter.seri_id.asc(),
        ]
    rows = session.scalars(query.order_by(*order).limit(limit).offset(offset)).all()
    return _infos(session, actor, list(rows)), int(total)


def last_number_text(session: Session, actor: Actor, seri_id: int | None, tahun: int) -> str:
    """ "Nomor terakhir" of the form: the last regular number handed out in the year ("57"), or "—"."""
    actor.require(Perm.VIEW)
    series_id = seri_id if seri_id is not None else ensure_default_series(session)
    last = counters.last_number(session, counter_series(series_id), tahun)
    return str(last) if last else "—"


def last_issued(session: Session, actor: Actor, seri_id: int | None, tahun: int) -> OutgoingInfo | None:
    """The letter carrying the highest regular number of the year, for the form's "nomor terakhir" hint."""
    actor.require(Perm.VIEW)
    series_id = seri_id if seri_id is not None else ensure_default_series(session)
    row = session.scalars(
        select(OutgoingLetter)
        .where(
            OutgoingLetter.seri_id == series_id, OutgoingLetter.tahun == tahun, OutgoingLetter.sisipan == 0
        )
        .order_by(OutgoingLetter.urut.desc())
        .limit(1)
    ).first()
    return None if row is None else _info(session, actor, row)


def recipient_suggestions(session: Session, actor: Actor, prefix: str, limit: int = 12) -> list[str]:
    """Tujuan typed before, most frequent first, for the completer."""
    actor.require(Perm.VIEW)
    query = select(OutgoingLetter.tujuan, func.count().label("n")).group_by(OutgoingLetter.tujuan)
    if prefix.strip():
        query = query.where(OutgoingLetter.tujuan.ilike(f"%{_escape_like(prefix.strip())}%", escape="\\"))
    return [r[0] for r in session.execute(query.order_by(func.count().desc()).limit(limit))]


def address_for(session: Session, actor: Actor, tujuan: str) -> str:
    """The address last used for this tujuan, to fill alamat when the clerk picks a known recipient."""
    actor.require(Perm.VIEW)
    value = session.scalar(
        select(OutgoingLetter.alamat_tujuan)
        .where(OutgoingLetter.tujuan == _squash(tujuan), OutgoingLetter.alamat_tujuan != "")
        .order_by(OutgoingLetter.id.desc())
        .limit(1)
    )
    return value or ""
