"""Buku ekspedisi: proof that outgoing letters reached their addressees (letters.md R28).

A page is the letters one caraka takes out on one day; it is printed with blank columns for the receiver's
name, signature or stamp and date, and the clerk later records each receipt from the signed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric
from desktop.core.letters.rules import Keamanan
from desktop.models.letters import Expedition, ExpeditionItem, OutgoingLetter
from desktop.printing.data import Signer
from desktop.printing.pages import MM
from desktop.printing.register_report import Column, RegisterReport, SignatureSpot, build_register_report
from desktop.services.common import audit, office, printed
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.secrecy import SECRET_MASK, hidden_from

SHEET_COLUMNS = (
    Column("No", 4, "center"),
    Column("Tanggal Kirim", 9, "center"),
    Column("Nomor & Tanggal Surat", 20),
    Column("Isi Singkat", 26),
    Column("Ditujukan Kepada", 20),
    Column("Nama Penerima", 16),
    Column("Tanda Tangan / Cap", 14),
    Column("Tanggal Terima", 10, "center"),
    Column("Keterangan", 11),
)


@dataclass(frozen=True)
class OutgoingBrief:
    id: int
    nomor_surat: str
    tanggal_surat: date
    tujuan: str
    perihal: str  # masked for R/SR without the permission (R10)


@dataclass(frozen=True)
class ItemInfo:
    id: int
    surat_keluar_id: int
    nomor_surat: str
    tanggal_surat: date
    tujuan: str
    perihal: str  # masked for R/SR without the permission (R10)
    diterima: bool
    nama_penerima: str
    tanggal_terima: date | None
    keterangan: str
    secret: bool = False  # R/SR: its perihal never goes on the printed page, whoever prints it


@dataclass(frozen=True)
class ExpeditionInfo:
    id: int
    tanggal: date
    caraka: str
    keterangan: str
    items: tuple[ItemInfo, ...]

    @property
    def received(self) -> int:
        return sum(1 for i in self.items if i.diterima)


def candidates(session: Session, actor: Actor) -> list[OutgoingBrief]:
    """Signed outgoing letters not yet given to a caraka."""
    actor.require(Perm.VIEW)
    taken = select(ExpeditionItem.surat_keluar_id)
    rows = session.scalars(
        select(OutgoingLetter)
        .where(OutgoingLetter.status == "ditandatangani", OutgoingLetter.id.not_in(taken))
        .order_by(OutgoingLetter.tanggal_surat, OutgoingLetter.urut, OutgoingLetter.sisipan)
    )
    return [OutgoingBrief(r.id, r.nomor_surat, r.tanggal_surat, r.tujuan, _perihal(actor, r)) for r in rows]


def _perihal(actor: Actor, letter: OutgoingLetter) -> str:
    # The caraka still needs the addressee; only the words of a secret letter stay hidden (R10).
    return SECRET_MASK if hidden_from(actor, letter.keamanan) else letter.perihal


def _info(session: Session, actor: Actor, page: Expedition) -> ExpeditionInfo:
    rows = session.execute(
        select(ExpeditionItem, OutgoingLetter)
        .join(OutgoingLetter, OutgoingLetter.id == ExpeditionItem.surat_keluar_id)
        .where(ExpeditionItem.ekspedisi_id == page.id)
        .order_by(ExpeditionItem.urutan)
    ).all()
    items = tuple(
        ItemInfo(
            i.id,
            o.id,
            o.nomor_surat,
            o.tanggal_surat,
            o.tujuan,
            _perihal(actor, o),
            i.diterima,
            i.nama_penerima,
            i.tanggal_terima,
            i.keterangan,
            Keamanan(o.keamanan).is_secret,
        )
        for i, o in rows
    )
    return ExpeditionInfo(page.id, page.tanggal, page.caraka, page.keterangan, items)


def create(
    session: Session, actor: Actor, tanggal: date, caraka: str, letter_ids: list[int], keterangan: str = ""
) -> ExpeditionInfo:
    """Hand letters to a caraka: they are recorded as sent (tanggal kirim, media caraka) on this page."""
    actor.require(Perm.WRITE_LETTERS)
    if not letter_ids:
        raise ValidationError("Pilih minimal satu surat keluar.", "letters")
    if not caraka.strip():
        raise ValidationError("Nama caraka wajib diisi.", "caraka")
    page = Expedition(
        tanggal=tanggal,
        caraka=caraka.strip(),
        keterangan=keterangan.strip(),
        created_at=clock.utc_now(),
        created_by=actor.user_id,
    )
    session.add(page)
    session.flush()
    for n, letter_id in enumerate(dict.fromkeys(letter_ids), start=1):
        letter = session.get(OutgoingLetter, letter_id)
        if letter is None:
            raise NotFound("Surat keluar tidak ditemukan.")
        if letter.status != "ditandatangani":
            raise ValidationError(
                f"Surat {letter.nomor_surat} belum ditandatangani atau sudah dikirim/batal.", "letters"
            )
        if tanggal < letter.tanggal_surat:
            raise ValidationError(f"Tanggal kirim sebelum tanggal surat {letter.nomor_surat}.", "tanggal")
        session.add(ExpeditionItem(ekspedisi_id=page.id, surat_keluar_id=letter.id, urutan=n))
        letter.status = "dikirim"
        letter.tanggal_kirim = tanggal
        letter.media = "caraka"
    session.flush()
    info = _info(session, actor, page)
    audit.record(
        session,
        actor,
        "buat",
        "ekspedisi",
        page.id,
        summary=f"Ekspedisi {format_date(tanggal)} oleh {page.caraka}: {len(info.items)} surat",
    )
    return info


def get(session: Session, actor: Actor, expedition_id: int) -> ExpeditionInfo:
    actor.require(Perm.VIEW)
    page = session.get(Expedition, expedition_id)
    if page is None:
        raise NotFound("Halaman ekspedisi tidak ditemukan.")
    return _info(session, actor, page)


def list_pages(session: Session, actor: Actor, year: int) -> list[ExpeditionInfo]:
    actor.require(Perm.VIEW)
    pages = session.scalars(
        select(Expedition)
        .where(Expedition.tanggal >= date(year, 1, 1), Expedition.tanggal <= date(year, 12, 31))
        .order_by(Expedition.tanggal.desc(), Expedition.id.desc())
    )
    return [_info(session, actor, p) for p in pages]


def record_receipt(
    session: Session,
    actor: Actor,
    item_id: int,
    nama_penerima: str,
    tanggal_terima: date,
    keterangan: str = "",
) -> None:
    """From the signed page: who received the letter and when."""
    actor.require(Perm.WRITE_LETTERS)
    item = session.get(ExpeditionItem, item_id)
    if item is None:
        raise NotFound("Baris ekspedisi tidak ditemukan.")
    if not nama_penerima.strip():
        raise ValidationError("Nama penerima wajib diisi.", "nama_penerima")
    page = session.get(Expedition, item.ekspedisi_id)
    assert page is not None
    if tanggal_terima < page.tanggal:
        raise ValidationError("Tanggal terima sebelum tanggal kirim.", "tanggal_terima")
    before = {
        "diterima": item.diterima,
        "nama_penerima": item.nama_penerima,
        "tanggal_terima": item.tanggal_terima,
    }
    item.diterima = True
    item.nama_penerima = nama_penerima.strip()
    item.tanggal_terima = tanggal_terima
    item.keterangan = keterangan.strip()
    audit.record(
        session,
        actor,
        "terima",
        "ekspedisi",
        item.id,
        summary=f"Diterima oleh {item.nama_penerima}",
        before=before,
        after={"diterima": True, "nama_penerima": item.nama_penerima, "tanggal_terima": tanggal_terima},
    )


def sheet_pdf(session: Session, actor: Actor, expedition_id: int) -> bytes:
    """The printed page of the buku ekspedisi, with room for each receiver's signature."""
    actor.require(Perm.PRINT)
    info = get(session, actor, expedition_id)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    now = clock.now(profile.zona_waktu)
    rows = [
        (
            str(n),
            format_date_numeric(info.tanggal),
            f"{i.nomor_surat}\n{format_date_numeric(i.tanggal_surat)}",
            # Every addressee on the page signs it, and the caraka carries it out of the office.
            SECRET_MASK if i.secret else i.perihal,
            i.tujuan,
            i.nama_penerima,
            "",
            format_date_numeric(i.tanggal_terima) if i.tanggal_terima else "",
            i.keterangan,
        )
        for n, i in enumerate(info.items, start=1)
    ]
    clerk = Signer(jabatan="Pengelola Surat", nama=actor.full_name) if actor.user_id is not None else None
    report = RegisterReport(
        header=profile.header(),
        title="BUKU EKSPEDISI",
        subtitle=f"Tanggal {format_date(info.tanggal)} · Caraka: {info.caraka}",
        columns=SHEET_COLUMNS,
        rows=rows,
        place_date=f"{profile.kota}, {format_date(info.tanggal)}"
        if profile.kota
        else format_date(info.tanggal),
        signatures=(
            SignatureSpot("Yang menyerahkan,", clerk, "Pengelola Surat"),
            SignatureSpot("Yang membawa,", Signer(jabatan="Caraka", nama=info.caraka)),
        ),
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
        min_row_height=12 * MM,
    )
    # Recorded by record_sheet_printed once the page really went to a printer or a file, not on preview.
    return build_register_report(report)


def record_sheet_printed(
    session: Session, actor: Actor, expedition_id: int, delivery: printed.Delivery
) -> None:
    """The page of the buku ekspedisi really went out: the audit row names the printer or the file."""
    info = get(session, actor, expedition_id)
    printed.record(
        session, actor, "ekspedisi", info.id, f"Buku ekspedisi {format_date(info.tanggal)}", delivery
    )
