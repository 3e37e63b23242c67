"""Outgoing document numbers shared by every module: the letters' number series and their counters (R28)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.letters.rules import DEFAULT_TEMPLATE, Keamanan, NumberTemplate, Skema, validate_code
from desktop.models.letters import NumberSeries, OutgoingLetter
from desktop.services.common import audit, counters, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.common.sql import insert_ignoring_conflicts

DEFAULT_SERIES_NAME = "Surat Keluar"


def _squash(text: str) -> str:
    return " ".join(text.split())


def counter_series(seri_id: int) -> str:
    """The counter row of a series' regular numbers (one row per year)."""
    return f"surat_keluar:{seri_id}"


def ensure_default_series(session: Session) -> int:
    """The id of the series to use by default, creating "Surat Keluar" on first use.

    Safe when several workstations start at once on a new shared database: the insert skips a name that is
    already there, and every workstation then reads the same row.
    """
    existing = session.scalars(
        select(NumberSeries).order_by(NumberSeries.aktif.desc(), NumberSeries.id)
    ).first()
    if existing is not None:
        return existing.id
    unit = _squash(office.get_profile(session).kode_unit)
    insert_ignoring_conflicts(
        session,
        NumberSeries,
        [{"nama": DEFAULT_SERIES_NAME, "template": DEFAULT_TEMPLATE, "kode_unit": unit, "aktif": True}],
        ["nama"],
    )
    created = session.scalar(select(NumberSeries.id).where(NumberSeries.nama == DEFAULT_SERIES_NAME))
    assert created is not None
    return created


@dataclass(frozen=True)
class NumberTaken:
    """A number given to another module's document, and its line in the buku agenda surat keluar."""

    nomor: str
    surat_keluar_id: int
    seri_nama: str


def series_names(session: Session) -> list[str]:
    """The names of the active number series, for a module's setting that picks the one its documents use."""
    return list(
        session.scalars(
            select(NumberSeries.nama).where(NumberSeries.aktif.is_(True)).order_by(NumberSeries.id)
        )
    )


def _series_named(session: Session, seri_nama: str | None) -> NumberSeries:
    name = _squash(seri_nama or "")
    if not name:
        row = session.get(NumberSeries, ensure_default_series(session))
        assert row is not None
        return row
    found = session.scalars(select(NumberSeries).where(NumberSeries.nama == name)).first()
    if found is None:
        raise ValidationError(
            f"Seri nomor {name} tidak ditemukan. Pilih seri nomor yang ada di pengaturan modul ini.", "seri"
        )
    return found


def take_document_number(
    session: Session,
    actor: Actor,
    *,
    seri_nama: str | None,
    kka: str,
    tanggal: date,
    tujuan: str,
    perihal: str,
    keterangan: str = "",
) -> NumberTaken:
    """Give a document of another module (a BAST, a BA) the next number of a letters series and record it in
    the buku agenda surat keluar, in the caller's transaction.

    ``seri_nama`` names the series; None or "" is the default series (``ensure_default_series``). The
    number is rendered with the series' template, ``kka`` and the series' (else the office's) unit code, and
    the agenda line (status *ditandatangani*) says what it was used for, so the number is never given twice
    and the book explains it. The caller checks its own permission first: the pengurus barang numbers a BAST
    with WRITE_ASSETS and has no WRITE_LETTERS.
    """
    series = _series_named(session, seri_nama)
    if not series.aktif:
        raise ValidationError(f"Seri nomor {series.nama} tidak aktif lagi.", "seri")
    tujuan = _squash(tujuan)[:300]
    perihal = _squash(perihal)
    if not tujuan:
        raise ValidationError("Tujuan nomor wajib diisi.", "tujuan")
    if not perihal:
        raise ValidationError("Perihal nomor wajib diisi.", "perihal")
    try:
        template = NumberTemplate(series.template)
    except ValueError as exc:
        raise ValidationError(f"Pola nomor seri {series.nama} tidak sah: {exc}", "seri") from exc
    kode = kka.strip()
    if "kka" in template.tokens and not kode:
        raise ValidationError("Kode klasifikasi wajib diisi: kode ini menjadi bagian nomor.", "kka")
    skema = Skema.PERMENDAGRI_83_2022
    if kode:
        try:
            kode = validate_code(kode, skema)
        except ValueError as exc:
            raise ValidationError(str(exc), "kka") from exc
    unit = series.kode_unit or _squash(office.get_profile(session).kode_unit)
    if "unit" in template.tokens and not unit:
        raise ValidationError(
            f"Pola nomor seri {series.nama} memuat kode unit, tetapi kode unit belum diatur. "
            "Isi kode unit di Pengaturan › Profil kantor atau pada seri nomor.",
            "seri",
        )
    tahun = tanggal.year
    urut = counters.next_number(session, counter_series(series.id), tahun)
    try:
        nomor = template.render(kode, urut, unit, tanggal, Keamanan.B)
    except ValueError as exc:
        raise ValidationError(str(exc), "kka") from exc
    if len(nomor) > 255:
        raise ValidationError("Nomor terlalu panjang (maksimal 255 karakter).", "kka")
    now = clock.utc_now()
    row = OutgoingLetter(
        seri_id=series.id,
        tahun=tahun,
        urut=urut,
        sisipan=0,
        nomor_surat=nomor,
        kka=kode if "kka" in template.tokens else "",
        unit=unit if "unit" in template.tokens else "",
        tanggal_surat=tanggal,
        tujuan=tujuan,
        perihal=perihal,
        kode_klasifikasi=kode,
        skema=skema.value,
        keamanan=Keamanan.B.value,
        status="ditandatangani",
        keterangan=keterangan.strip(),
        created_at=now,
        updated_at=now,
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "buat",
        "surat_keluar",
        row.id,
        summary=f"Nomor surat keluar {nomor} diambil untuk {perihal} ({tujuan})",
        after={
            "seri_id": row.seri_id,
            "tahun": tahun,
            "urut": urut,
            "sisipan": 0,
            "nomor_surat": nomor,
            "tanggal_surat": tanggal,
            "status": row.status,
            "keamanan": row.keamanan,
        },
    )
    return NumberTaken(nomor=nomor, surat_keluar_id=row.id, seri_nama=series.nama)


def cancel_document_number(session: Session, actor: Actor, surat_keluar_id: int, alasan: str) -> None:
    """The document that took this number was cancelled: its line in the buku agenda keluar becomes *batal*
    with the reason, and the number is never handed out again (letters.md R21). The caller checks its own
    permission, as for ``take_document_number``."""
    alasan = _squash(alasan)
    if not alasan:
        raise ValidationError("Alasan pembatalan wajib diisi.", "alasan")
    row = session.get(OutgoingLetter, surat_keluar_id)
    if row is None or row.status == "batal":
        return
    before = {"status": row.status}
    row.status = "batal"
    row.batal_alasan = alasan[:300]
    row.updated_at = clock.utc_now()
    audit.record(
        session,
        actor,
        "batal",
        "surat_keluar",
        row.id,
        summary=f"Nomor surat keluar {row.nomor_surat} dibatalkan: {alasan}"[:400],
        before=before,
        after={"status": "batal", "batal_alasan": row.batal_alasan},
    )
