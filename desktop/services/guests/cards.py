"""Kartu tamu stock (R17): numbered physical cards, tersedia / dipakai / hilang, each with its history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.guests import GuestCard, GuestCardEvent, Visit
from desktop.services.common import audit
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

STATUS_LABELS = {"tersedia": "Tersedia", "dipakai": "Dipakai", "hilang": "Hilang"}
ACTION_LABELS = {
    "tambah": "Ditambahkan",
    "keluar": "Diberikan",
    "kembali": "Dikembalikan",
    "hilang": "Hilang",
    "ditemukan": "Ditemukan",
    "tarik": "Ditarik",
}
MAX_BATCH = 500
_RANGE = re.compile(r"^([A-Za-z]*)(\d+)\s*-\s*\1?(\d+)$")
# A single number has no dash: "1-x" or "1--5" is a range written wrong, not a card called that.
_ONE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./]{0,19}$")


@dataclass(frozen=True)
class CardView:
    id: int
    nomor: str
    status: str
    aktif: bool
    keterangan: str
    dipakai_oleh: str  # "A003 Siti Rahmawati" while in use

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status) if self.aktif else "Ditarik"


@dataclass(frozen=True)
class CardEvent:
    at: datetime
    aksi: str
    username: str
    kunjungan: str
    keterangan: str

    @property
    def aksi_label(self) -> str:
        return ACTION_LABELS.get(self.aksi, self.aksi)


def parse_numbers(spec: str) -> list[str]:
    """``"1-20, 25, T01-T05"`` → the card numbers, zero padding kept as written (T01 … T05)."""
    numbers: list[str] = []
    for part in (p.strip() for p in spec.replace(";", ",").split(",")):
        if not part:
            continue
        m = _RANGE.match(part)
        if m:
            prefix, start, end = m.group(1), m.group(2), m.group(3)
            a, b = int(start), int(end)
            if b < a:
                raise ValidationError(f"Rentang {part} terbalik.", "nomor")
            if b - a + 1 > MAX_BATCH:
                raise ValidationError(f"Paling banyak {MAX_BATCH} kartu sekali tambah.", "nomor")
            width = len(start) if start.startswith("0") else 0
            numbers.extend(f"{prefix}{n:0{width}d}" for n in range(a, b + 1))
        elif _ONE.match(part):
            numbers.append(part)
        else:
            raise ValidationError(
                f"Nomor kartu “{part}” tidak dikenali; tulis misalnya 1-20, 25 atau T01-T05.", "nomor"
            )
    if not numbers:
        raise ValidationError("Tulis nomor kartu, misalnya 1-20.", "nomor")
    if len(numbers) > MAX_BATCH:
        raise ValidationError(f"Paling banyak {MAX_BATCH} kartu sekali tambah.", "nomor")
    return numbers


def _event(session: Session, actor: Actor, card: GuestCard, aksi: str, note: str = "") -> None:
    from desktop.core import clock

    session.add(
        GuestCardEvent(
            kartu_id=card.id, aksi=aksi, at=clock.utc_now(), username=actor.username, keterangan=note
        )
    )


def add_cards(session: Session, actor: Actor, spec: str) -> list[str]:
    """Add cards to the stock; numbers already there are skipped and not counted. Returns the numbers added."""
    actor.require(Perm.WRITE_GUESTS)
    wanted = parse_numbers(spec)
    existing = set(session.scalars(select(GuestCard.nomor).where(GuestCard.nomor.in_(wanted))))
    added = []
    for nomor in dict.fromkeys(wanted):
        if nomor in existing:
            continue
        card = GuestCard(nomor=nomor, status="tersedia", aktif=True, keterangan="")
        session.add(card)
        session.flush()
        _event(session, actor, card, "tambah")
        added.append(nomor)
    if added:
        audit.record(
            session, actor, "create", "kartu_tamu", added[0], summary=f"{len(added)} kartu: {spec}"[:400]
        )
    return added


def list_cards(session: Session, actor: Actor) -> list[CardView]:
    actor.require(Perm.VIEW)
    holders = {
        vid: f"{tiket} {nama}".strip()
        for vid, tiket, nama in session.execute(
            select(Visit.id, Visit.tiket, Visit.nama).join(GuestCard, GuestCard.kunjungan_id == Visit.id)
        )
    }
    rows = session.scalars(select(GuestCard)).all()
    views = [
        CardView(c.id, c.nomor, c.status, c.aktif, c.keterangan, holders.get(c.kunjungan_id or 0, ""))
        for c in rows
    ]
    return sorted(views, key=lambda c: (len(c.nomor), c.nomor))


def _card(session: Session, nomor_or_id: int | str) -> GuestCard:
    if isinstance(nomor_or_id, int):
        card = session.get(GuestCard, nomor_or_id)
    else:
        card = session.scalar(select(GuestCard).where(GuestCard.nomor == nomor_or_id.strip()))
    if card is None:
        raise NotFound("Kartu tamu tidak ditemukan.")
    return card


def mark_lost(session: Session, actor: Actor, card_id: int, note: str = "") -> CardView:
    """A card not handed back: it leaves the pile until found; the visit keeps its record of the card."""
    actor.require(Perm.WRITE_GUESTS)
    card = _card(session, card_id)
    if card.status == "hilang":
        raise ValidationError(f"Kartu {card.nomor} sudah tercatat hilang.")
    card.status, card.kunjungan_id = "hilang", None
    _event(session, actor, card, "hilang", note[:200])
    audit.record(session, actor, "update", "kartu_tamu", card.nomor, summary="hilang")
    session.flush()
    return next(c for c in list_cards(session, actor) if c.id == card.id)


def mark_found(session: Session, actor: Actor, card_id: int) -> CardView:
    actor.require(Perm.WRITE_GUESTS)
    card = _card(session, card_id)
    if card.status != "hilang":
        raise ValidationError(f"Kartu {card.nomor} tidak tercatat hilang.")
    card.status = "tersedia"
    _event(session, actor, card, "ditemukan")
    audit.record(session, actor, "update", "kartu_tamu", card.nomor, summary="ditemukan")
    session.flush()
    return next(c for c in list_cards(session, actor) if c.id == card.id)


def withdraw(session: Session, actor: Actor, card_id: int, note: str) -> CardView:
    """Take a card out of use (broken); it is never deleted, its history stays."""
    actor.require(Perm.WRITE_GUESTS)
    card = _card(session, card_id)
    if card.status == "dipakai":
        raise ValidationError(f"Kartu {card.nomor} sedang dipakai; catat tamunya pulang dulu.")
    card.aktif = False
    card.keterangan = " ".join(note.split())[:200]
    _event(session, actor, card, "tarik", card.keterangan)
    audit.record(session, actor, "update", "kartu_tamu", card.nomor, summary="ditarik")
    session.flush()
    return next(c for c in list_cards(session, actor) if c.id == card.id)


def history(session: Session, actor: Actor, card_id: int) -> list[CardEvent]:
    actor.require(Perm.VIEW)
    card = _card(session, card_id)
    rows = session.execute(
        select(GuestCardEvent, Visit.tiket, Visit.nama, Visit.tanggal)
        .outerjoin(Visit, Visit.id == GuestCardEvent.kunjungan_id)
        .where(GuestCardEvent.kartu_id == card.id)
        .order_by(GuestCardEvent.at, GuestCardEvent.id)
    ).all()
    return [
        CardEvent(
            e.at, e.aksi, e.username, f"{tanggal:%d/%m/%Y} {tiket} {nama}" if tanggal else "", e.keterangan
        )
        for e, tiket, nama, tanggal in rows
    ]
