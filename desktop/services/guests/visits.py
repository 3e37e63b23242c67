"""Kunjungan: walk-in check-in with its ticket and card, check-out, the on-site list and the closing check (R1–R6).

One user action, one transaction: the caller commits. The ticket number is taken inside that transaction from
the counters service (R13), so a save that fails rolls the whole visit back and its number is simply never
used; a number that was handed out is never handed out again.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.guests.nik import mask_nik, parse_nik
from desktop.core.guests.queue import counter_period, counter_series, format_ticket, parse_ticket
from desktop.models.admin import OfficeProfile, OrgUnit
from desktop.models.guests import Guest, GuestCard, GuestCardEvent, Keperluan, QueueService, Visit
from desktop.models.staff import Pegawai
from desktop.services.common import audit, counters
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm


class Status(StrEnum):
    """R2: the visit's states; the last three are side exits."""

    PRA_REGISTRASI = "pra_registrasi"
    MENUNGGU = "menunggu"
    DIPANGGIL = "dipanggil"
    DILAYANI = "dilayani"
    SELESAI = "selesai"
    BATAL = "batal"
    TIDAK_HADIR = "tidak_hadir"
    DITOLAK = "ditolak"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.PRA_REGISTRASI: "Pra-registrasi",
    Status.MENUNGGU: "Menunggu",
    Status.DIPANGGIL: "Dipanggil",
    Status.DILAYANI: "Dilayani",
    Status.SELESAI: "Selesai",
    Status.BATAL: "Batal",
    Status.TIDAK_HADIR: "Tidak hadir",
    Status.DITOLAK: "Ditolak",
}
IDENTITY_KINDS = {
    "": "Tidak ada",
    "ktp": "KTP-el",
    "sim": "SIM",
    "instansi": "Kartu instansi",
    "lainnya": "Lainnya",
}
MAX_GROUP = 500
_LIMITS = {"nama": 200, "instansi": 200, "alamat": 400, "no_hp": 30, "keterangan": 400, "identitas_nomor": 40}
_NON_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class WalkIn:
    """What the desk types for a guest who is here now (R1). Only nama, keperluan and a tujuan are required."""

    nama: str
    keperluan: str
    tujuan_unit_id: int | None = None
    tujuan_pegawai_id: int | None = None
    layanan_id: int | None = None  # None: the keperluan's queue, else the first service
    instansi: str = ""
    no_hp: str = ""
    jenis_kelamin: str = ""
    alamat: str = ""
    jumlah_orang: int = 1
    nik: str = ""
    identitas_jenis: str = ""
    identitas_nomor: str = ""
    identitas_dititip: bool = False
    keterangan: str = ""
    tamu_id: int | None = None  # a returning guest picked from the lookup (R4)
    beri_kartu: bool = True
    kartu_nomor: str = ""  # "" with beri_kartu: the lowest free card


@dataclass(frozen=True)
class VisitView:
    id: int
    tanggal: date
    status: str
    tiket: str
    layanan: str
    nama: str
    instansi: str
    no_hp: str
    nik_tersamar: str
    keperluan: str
    tujuan: str
    jumlah_orang: int
    kartu: str
    kartu_kembali: bool
    identitas: str  # "" or the kind held at the desk
    identitas_kembali: bool
    loket: str
    datang_at: datetime | None
    dipanggil_at: datetime | None
    dilayani_at: datetime | None
    selesai_at: datetime | None
    pulang_at: datetime | None
    survei_token: str | None
    kode_registrasi: str | None = None
    waiting: int = 0  # people ahead in the same queue when the ticket was given
    warnings: tuple[str, ...] = field(default=())
    alamat: str = ""

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclass(frozen=True)
class GuestMatch:
    """A returning guest offered by the lookup (R4): enough to recognise and pre-fill, the NIK masked."""

    id: int
    nama: str
    instansi: str
    no_hp: str
    nik_tersamar: str
    alamat: str
    jenis_kelamin: str
    terakhir_datang: date | None
    open_visit: str  # "" or "A003 sejak 08:15" when the guest is still in the building


@dataclass(frozen=True)
class ClosingReport:
    """R3: what must be settled before the desk closes."""

    open_visits: tuple[VisitView, ...]
    cards_out: tuple[VisitView, ...]
    identities_held: tuple[VisitView, ...]

    @property
    def empty(self) -> bool:
        return not (self.open_visits or self.cards_out or self.identities_held)


# --- helpers ------------------------------------------------------------------------------------------------


def zone(session: Session) -> str:
    """The office's zone code, read without loading the profile's logo."""
    return session.scalar(select(OfficeProfile.zona_waktu).where(OfficeProfile.id == 1)) or "WIB"


def office_today(session: Session) -> date:
    return clock.today(zone(session))


def name_key(nama: str) -> str:
    """The form the lookup compares: case-folded, single spaces."""
    return " ".join(nama.casefold().split())


def phone_key(no_hp: str) -> str:
    """Digits only, a leading +62 or 62 read as 0, so 0812-… and +62 812 … find the same guest."""
    digits = _NON_DIGIT.sub("", no_hp)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


def _clean(text: str, name: str, label: str) -> str:
    value = " ".join(text.split())
    if len(value) > _LIMITS[name]:
        raise ValidationError(f"{label} terlalu panjang (paling banyak {_LIMITS[name]} huruf).", name)
    return value


def _view(v: Visit, *, layanan: str = "", waiting: int = 0, warnings: Sequence[str] = ()) -> VisitView:
    return VisitView(
        id=v.id,
        tanggal=v.tanggal,
        status=v.status,
        tiket=v.tiket,
        layanan=layanan,
        nama=v.nama,
        instansi=v.instansi,
        no_hp=v.no_hp,
        nik_tersamar=mask_nik(v.nik),
        keperluan=v.keperluan,
        tujuan=v.tujuan,
        jumlah_orang=v.jumlah_orang,
        kartu=v.kartu_nomor,
        kartu_kembali=v.kartu_kembali_at is not None,
        identitas=IDENTITY_KINDS.get(v.identitas_jenis, v.identitas_jenis) if v.identitas_dititip else "",
        identitas_kembali=v.identitas_kembali_at is not None,
        loket=v.loket,
        datang_at=v.datang_at,
        dipanggil_at=v.dipanggil_at,
        dilayani_at=v.dilayani_at,
        selesai_at=v.selesai_at,
        pulang_at=v.pulang_at,
        survei_token=v.survei_token,
        kode_registrasi=v.kode_registrasi,
        waiting=waiting,
        warnings=tuple(warnings),
        alamat=v.alamat,
    )


def _service_names(session: Session) -> dict[int, str]:
    return {sid: nama for sid, nama in session.execute(select(QueueService.id, QueueService.nama))}


def view_many(session: Session, visits: Sequence[Visit]) -> list[VisitView]:
    names = _service_names(session)
    return [_view(v, layanan=names.get(v.layanan_id or 0, "")) for v in visits]


def _on_site_clause() -> ColumnElement[bool]:
    return and_(Visit.datang_at.is_not(None), Visit.pulang_at.is_(None))


def _open_visit_of(session: Session, tamu_id: int) -> Visit | None:
    return session.scalar(
        select(Visit).where(Visit.tamu_id == tamu_id, _on_site_clause()).order_by(Visit.id.desc()).limit(1)
    )


def _open_label(session: Session, v: Visit) -> str:
    when = v.datang_at.astimezone(clock.now(zone(session)).tzinfo) if v.datang_at else None
    since = f" sejak {when:%H:%M}" if when else ""
    if when and when.date() != office_today(session):
        since = f" sejak {when:%d/%m %H:%M}"
    return f"{v.tiket or 'tanpa tiket'}{since}".strip()


def _tujuan_text(session: Session, unit_id: int | None, pegawai_id: int | None) -> str:
    parts: list[str] = []
    if pegawai_id is not None:
        p = session.get(Pegawai, pegawai_id)
        if p is None:
            raise ValidationError("Pegawai tujuan tidak ditemukan.", "tujuan")
        gelar = ", ".join(x for x in (p.gelar_belakang,) if x)
        nama = " ".join(x for x in (p.gelar_depan, p.nama) if x)
        parts.append(f"{nama}, {gelar}" if gelar else nama)
        if unit_id is None and p.unit_id is not None:
            unit_id = p.unit_id
    if unit_id is not None:
        u = session.get(OrgUnit, unit_id)
        if u is None:
            raise ValidationError("Unit tujuan tidak ditemukan.", "tujuan")
        parts.insert(0, u.nama)
    return " — ".join(parts)


def _pick_service(session: Session, layanan_id: int | None, keperluan: str) -> QueueService:
    if layanan_id is not None:
        svc = session.get(QueueService, layanan_id)
        if svc is None or not svc.aktif:
            raise ValidationError("Layanan antrian tidak ditemukan atau tidak aktif.", "layanan")
        return svc
    linked = session.scalar(
        select(QueueService)
        .join(Keperluan, Keperluan.layanan_id == QueueService.id)
        .where(Keperluan.nama == keperluan, QueueService.aktif.is_(True))
    )
    if linked is not None:
        return linked
    first = session.scalar(
        select(QueueService).where(QueueService.aktif.is_(True)).order_by(QueueService.urutan).limit(1)
    )
    if first is None:
        raise ValidationError("Belum ada layanan antrian. Tambahkan di Pengaturan › Buku Tamu.", "layanan")
    return first


def _take_ticket(session: Session, svc: QueueService, tanggal: date) -> tuple[int, str]:
    seq = counters.next_number(
        session, counter_series(svc.id), counter_period(tanggal), keep_on_rollback=True
    )
    return seq, format_ticket(svc.prefix, seq)


def _waiting_before(session: Session, layanan_id: int, tanggal: date, seq: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(
                Visit.layanan_id == layanan_id,
                Visit.tanggal == tanggal,
                Visit.status == Status.MENUNGGU.value,
                Visit.antrian < seq,
            )
        )
        or 0
    )


def _card_event(
    session: Session, actor: Actor, card: GuestCard, visit: Visit | None, aksi: str, note: str = ""
) -> None:
    session.add(
        GuestCardEvent(
            kartu_id=card.id,
            kunjungan_id=visit.id if visit is not None else None,
            aksi=aksi,
            at=clock.utc_now(),
            username=actor.username,
            keterangan=note,
        )
    )


def _issue_card(session: Session, actor: Actor, visit: Visit, nomor: str) -> str | None:
    """Give a card to the visit; returns a warning when none could be given (never blocks the guest)."""
    if nomor:
        card = session.scalar(select(GuestCard).where(GuestCard.nomor == nomor.strip()))
        if card is None or not card.aktif:
            raise ValidationError(f"Kartu tamu {nomor} tidak ada dalam daftar kartu.", "kartu")
        if card.status != "tersedia":
            raise ValidationError(f"Kartu tamu {card.nomor} sedang {card.status}.", "kartu")
    else:
        # Lowest number first: the desk hands out the top card of the pile. Cards are few (tens), so a
        # numeric sort in Python is cheaper than teaching both engines to sort "2" before "10".
        free = session.execute(
            select(GuestCard.id, GuestCard.nomor).where(
                GuestCard.status == "tersedia", GuestCard.aktif.is_(True)
            )
        ).all()
        if not free:
            has_cards = session.scalar(
                select(func.count()).select_from(GuestCard).where(GuestCard.aktif.is_(True))
            )
            return "Semua kartu tamu sedang dipakai; tamu dicatat tanpa kartu." if has_cards else None
        card_id = min(free, key=lambda r: (len(r.nomor), r.nomor)).id
        card = session.get(GuestCard, card_id)
        assert card is not None
    # The guarded UPDATE makes two desks racing for the same card safe: only one sees rowcount 1.
    taken = session.execute(
        update(GuestCard)
        .where(GuestCard.id == card.id, GuestCard.status == "tersedia")
        .values(status="dipakai", kunjungan_id=visit.id)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise ValidationError(
            f"Kartu tamu {card.nomor} baru saja dipakai tamu lain; pilih kartu lain.", "kartu"
        )
    session.refresh(card)
    visit.kartu_id, visit.kartu_nomor = card.id, card.nomor
    _card_event(session, actor, card, visit, "keluar")
    return None


def _return_card(session: Session, actor: Actor, visit: Visit, *, lost: bool = False) -> None:
    if visit.kartu_id is None or visit.kartu_kembali_at is not None:
        return
    card = session.get(GuestCard, visit.kartu_id)
    if card is None:
        return
    if lost:
        card.status, card.kunjungan_id = "hilang", None
        _card_event(session, actor, card, visit, "hilang", "tidak dikembalikan saat tamu pulang")
        return
    card.status, card.kunjungan_id = "tersedia", None
    visit.kartu_kembali_at = clock.utc_now()
    _card_event(session, actor, card, visit, "kembali")


def _guest_for(session: Session, data: WalkIn, nik: str, hp_key: str) -> Guest:
    guest: Guest | None = None
    if data.tamu_id is not None:
        guest = session.get(Guest, data.tamu_id)
        if guest is None or guest.anonim_at is not None:
            raise ValidationError("Data tamu lama tidak ditemukan; isi sebagai tamu baru.", "nama")
    elif nik:
        # The same NIK is the same person; a name alone is not (two Budi Santoso are two guests).
        guest = session.scalar(select(Guest).where(Guest.nik == nik, Guest.anonim_at.is_(None)).limit(1))
    if guest is None:
        guest = Guest(nama=data.nama, nama_kunci="", created_at=clock.utc_now())
        session.add(guest)
    guest.nama = data.nama
    guest.nama_kunci = name_key(data.nama)
    # A returning guest's details are refreshed with what was typed today; blanks keep what was known.
    for attr, value in (
        ("instansi", data.instansi),
        ("alamat", data.alamat),
        ("jenis_kelamin", data.jenis_kelamin),
        ("nik", nik),
        ("no_hp", data.no_hp),
    ):
        if value:
            setattr(guest, attr, value)
    if data.no_hp:
        guest.hp_kunci = hp_key
    session.flush()
    return guest


def _validate(session: Session, data: WalkIn) -> tuple[WalkIn, str, list[str]]:
    nama = _clean(data.nama, "nama", "Nama")
    if not nama:
        raise ValidationError("Nama tamu wajib diisi.", "nama")
    keperluan = " ".join(data.keperluan.split())
    if not keperluan:
        raise ValidationError("Keperluan wajib dipilih.", "keperluan")
    if len(keperluan) > 120:
        raise ValidationError("Keperluan terlalu panjang (paling banyak 120 huruf).", "keperluan")
    if data.tujuan_unit_id is None and data.tujuan_pegawai_id is None:
        raise ValidationError("Tujuan wajib dipilih: unit kerja atau pegawai yang dituju.", "tujuan")
    if not 1 <= data.jumlah_orang <= MAX_GROUP:
        raise ValidationError(f"Jumlah orang diisi 1 sampai {MAX_GROUP}.", "jumlah_orang")
    if data.jenis_kelamin not in ("", "L", "P"):
        raise ValidationError("Jenis kelamin L atau P.", "jenis_kelamin")
    if data.identitas_jenis not in IDENTITY_KINDS:
        raise ValidationError("Jenis identitas tidak dikenal.", "identitas_jenis")
    if data.identitas_dititip and not data.identitas_jenis:
        raise ValidationError("Pilih jenis kartu identitas yang dititipkan.", "identitas_jenis")
    warnings: list[str] = []
    nik = _NON_DIGIT.sub("", data.nik)
    if data.nik.strip():
        if len(nik) > 16:
            raise ValidationError("NIK paling banyak 16 angka.", "nik")
        # R8: a NIK with a wrong date still belongs to the guest: warn, never block.
        warnings.extend(f"NIK: {w}" for w in parse_nik(nik, office_today(session)).warnings)
    cleaned = WalkIn(
        **{
            **data.__dict__,
            "nama": nama,
            "keperluan": keperluan,
            "instansi": _clean(data.instansi, "instansi", "Instansi"),
            "alamat": _clean(data.alamat, "alamat", "Alamat"),
            "no_hp": _clean(data.no_hp, "no_hp", "No. HP"),
            "keterangan": _clean(data.keterangan, "keterangan", "Keterangan"),
            "identitas_nomor": _clean(data.identitas_nomor, "identitas_nomor", "Nomor identitas"),
        }
    )
    if cleaned.no_hp and len(phone_key(cleaned.no_hp)) < 8:
        warnings.append("No. HP tampak terlalu pendek.")
    return cleaned, nik, warnings


# --- use cases ----------------------------------------------------------------------------------------------


def check_in(session: Session, actor: Actor, data: WalkIn) -> VisitView:
    """Register a walk-in and check them in in one action (R1, R2): ticket, card and survey token included."""
    actor.require(Perm.WRITE_GUESTS)
    visit, warnings = record_visit(session, actor, data, office_today(session), Status.MENUNGGU)
    return admit(session, actor, visit, data, warnings)


def record_visit(
    session: Session, actor: Actor, data: WalkIn, tanggal: date, status: Status
) -> tuple[Visit, list[str]]:
    """The visit row with the guest's details as typed (and the guest index updated), not yet admitted."""
    data, nik, warnings = _validate(session, data)
    tujuan = _tujuan_text(session, data.tujuan_unit_id, data.tujuan_pegawai_id)
    guest = _guest_for(session, data, nik, phone_key(data.no_hp))
    refuse_second_open_visit(session, guest.id)
    now = clock.utc_now()
    visit = Visit(
        tamu_id=guest.id,
        tanggal=tanggal,
        status=status.value,
        layanan_id=data.layanan_id,
        nama=data.nama,
        nik=nik,
        no_hp=data.no_hp,
        instansi=data.instansi,
        alamat=data.alamat,
        jenis_kelamin=data.jenis_kelamin,
        jumlah_orang=data.jumlah_orang,
        keperluan=data.keperluan,
        keterangan=data.keterangan,
        tujuan_unit_id=data.tujuan_unit_id,
        tujuan_pegawai_id=data.tujuan_pegawai_id,
        tujuan=tujuan[:300],
        identitas_jenis=data.identitas_jenis,
        identitas_nomor=data.identitas_nomor,
        identitas_dititip=data.identitas_dititip,
        created_at=now,
    )
    session.add(visit)
    session.flush()
    return visit, warnings


def refuse_second_open_visit(session: Session, tamu_id: int | None) -> None:
    """R4: at most one open visit per guest."""
    if tamu_id is None:
        return
    already = _open_visit_of(session, tamu_id)
    if already is not None:
        raise ValidationError(
            f"{already.nama} masih tercatat di kantor ({_open_label(session, already)}). "
            "Catat pulang kunjungan itu dulu.",
            "nama",
        )


def admit(
    session: Session, actor: Actor, visit: Visit, data: WalkIn, warnings: list[str] | None = None
) -> VisitView:
    """Check a recorded visit in now: the office-local date, a ticket of its queue, the survey token, a card."""
    warnings = list(warnings or [])
    today = office_today(session)
    now = clock.utc_now()
    svc = _pick_service(
        session, visit.layanan_id if data.layanan_id is None else data.layanan_id, visit.keperluan
    )
    seq, ticket = _take_ticket(session, svc, today)
    visit.tanggal = today
    visit.status = Status.MENUNGGU.value
    visit.layanan_id, visit.antrian, visit.tiket = svc.id, seq, ticket
    visit.survei_token = secrets.token_urlsafe(18)
    visit.datang_at = now
    visit.petugas_datang = actor.username
    session.flush()
    if visit.tamu_id is not None:
        guest = session.get(Guest, visit.tamu_id)
        if guest is not None:
            guest.terakhir_datang = today
    if data.beri_kartu:
        warning = _issue_card(session, actor, visit, data.kartu_nomor)
        if warning:
            warnings.append(warning)
    waiting = _waiting_before(session, svc.id, today, seq)
    session.flush()
    audit.record(
        session, actor, "check_in", "kunjungan", visit.id,
        summary=f"{ticket} {visit.keperluan} → {visit.tujuan}"[:400],
    )  # fmt: skip
    return _view(visit, layanan=svc.nama, waiting=waiting, warnings=warnings)


def find_guests(session: Session, actor: Actor, text: str, *, limit: int = 8) -> list[GuestMatch]:
    """Returning guests whose name, phone or NIK starts with ``text`` (R4), most recent visitors first."""
    actor.require(Perm.VIEW)
    query = " ".join(text.split())
    if len(query) < 2:
        return []
    digits = _NON_DIGIT.sub("", query)
    conditions = []
    key = name_key(query)
    # A half-open range on the key column is an index range scan on both engines (LIKE is not, on SQLite).
    conditions.append(and_(Guest.nama_kunci >= key, Guest.nama_kunci < key + "\U0010ffff"))
    if len(digits) >= 4 and len(digits) >= len(query.replace(" ", "").replace("-", "").replace("+", "")):
        hp = phone_key(digits)
        conditions.append(and_(Guest.hp_kunci >= hp, Guest.hp_kunci < hp + ":"))
        if len(digits) >= 6:
            conditions.append(and_(Guest.nik >= digits, Guest.nik < digits + ":"))
    rows = session.scalars(
        select(Guest)
        .where(or_(*conditions), Guest.anonim_at.is_(None))
        .order_by(Guest.terakhir_datang.desc(), Guest.id.desc())
        .limit(limit)
    ).all()
    result = []
    for g in rows:
        open_visit = _open_visit_of(session, g.id)
        result.append(
            GuestMatch(
                id=g.id,
                nama=g.nama,
                instansi=g.instansi,
                no_hp=g.no_hp,
                nik_tersamar=mask_nik(g.nik),
                alamat=g.alamat,
                jenis_kelamin=g.jenis_kelamin,
                terakhir_datang=g.terakhir_datang,
                open_visit=_open_label(session, open_visit) if open_visit is not None else "",
            )
        )
    return result


def guest_nik(session: Session, actor: Actor, tamu_id: int) -> str:
    """The full NIK of a returning guest, for pre-filling the form; every read is audited (R31)."""
    actor.require(Perm.WRITE_GUESTS)
    guest = session.get(Guest, tamu_id)
    if guest is None or guest.anonim_at is not None:
        raise NotFound("Data tamu tidak ditemukan.")
    audit.record(session, actor, "view", "tamu", guest.id, summary="NIK dibuka untuk pengisian")
    return guest.nik


def get_visit(session: Session, actor: Actor, visit_id: int) -> VisitView:
    actor.require(Perm.VIEW)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    return view_many(session, [v])[0]


def on_site(session: Session, actor: Actor) -> list[VisitView]:
    """Everyone checked in and not yet out (R3), oldest first, whatever day they came."""
    actor.require(Perm.VIEW)
    rows = session.scalars(select(Visit).where(_on_site_clause()).order_by(Visit.datang_at, Visit.id)).all()
    return view_many(session, rows)


def find_on_site(session: Session, actor: Actor, text: str) -> list[VisitView]:
    """Check-out lookup: an on-site visit by ticket, card number or name (R3)."""
    actor.require(Perm.VIEW)
    query = " ".join(text.split())
    if not query:
        return []
    upper = query.upper().replace(" ", "")
    ticket = parse_ticket(query)
    conditions = [
        func.upper(Visit.tiket) == upper,
        # "a7" typed for A007: read as a ticket and compared in its printed form.
        Visit.tiket == (format_ticket(*ticket) if ticket else upper),
        Visit.kartu_nomor == query,
        and_(Visit.kode_registrasi.is_not(None), func.upper(Visit.kode_registrasi) == upper),
    ]
    exact = session.scalars(
        select(Visit).where(_on_site_clause(), or_(*conditions)).order_by(Visit.datang_at)
    ).all()
    if exact:
        # A ticket number repeats every day; prefer today's, then the latest.
        today = office_today(session)
        todays = [v for v in exact if v.tanggal == today]
        return view_many(session, todays or exact)
    key = name_key(query)
    rows = session.scalars(select(Visit).where(_on_site_clause()).order_by(Visit.datang_at)).all()
    return view_many(session, [v for v in rows if key in name_key(v.nama)])


def check_out(
    session: Session,
    actor: Actor,
    visit_id: int,
    *,
    kartu_kembali: bool = True,
    identitas_kembali: bool = True,
    bertemu: str = "",
) -> VisitView:
    """Record jam pulang and the officer (R3), return the card and the deposited identity card."""
    actor.require(Perm.WRITE_GUESTS)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    if v.datang_at is None or v.pulang_at is not None:
        raise ValidationError(f"{v.nama} tidak sedang tercatat di kantor.")
    now = clock.utc_now()
    v.pulang_at = now
    v.petugas_pulang = actor.username
    if bertemu.strip():
        v.bertemu = " ".join(bertemu.split())[:200]
    if v.status in (Status.MENUNGGU, Status.DIPANGGIL, Status.DILAYANI):
        # Also a guest who left before being called: still a visit that happened.
        v.status = Status.SELESAI.value
        v.selesai_at = v.selesai_at or now
    _return_card(session, actor, v, lost=not kartu_kembali)
    if v.identitas_dititip and identitas_kembali and v.identitas_kembali_at is None:
        v.identitas_kembali_at = now
    session.flush()
    audit.record(session, actor, "check_out", "kunjungan", v.id, summary=f"{v.tiket} pulang")
    return view_many(session, [v])[0]


def return_identity(session: Session, actor: Actor, visit_id: int) -> VisitView:
    """Tick the deposited identity card as handed back, also after the guest was checked out (R10)."""
    actor.require(Perm.WRITE_GUESTS)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    if not v.identitas_dititip:
        raise ValidationError("Kunjungan ini tidak menitipkan kartu identitas.")
    if v.identitas_kembali_at is None:
        v.identitas_kembali_at = clock.utc_now()
        audit.record(session, actor, "update", "kunjungan", v.id, summary="identitas dikembalikan")
    session.flush()
    return view_many(session, [v])[0]


def cancel(session: Session, actor: Actor, visit_id: int, reason: str) -> VisitView:
    """Batal: a visit entered by mistake keeps its ticket number (never reused) and gives its card back."""
    actor.require(Perm.WRITE_GUESTS)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Alasan pembatalan wajib diisi.", "alasan")
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    if v.status in (Status.BATAL, Status.SELESAI, Status.TIDAK_HADIR) and v.pulang_at is not None:
        raise ValidationError("Kunjungan ini sudah ditutup.")
    v.status = Status.BATAL.value
    v.alasan_batal = reason[:300]
    now = clock.utc_now()
    if v.datang_at is not None and v.pulang_at is None:
        v.pulang_at = now
        v.petugas_pulang = actor.username
    _return_card(session, actor, v)
    if v.identitas_dititip and v.identitas_kembali_at is None:
        v.identitas_kembali_at = now
    session.flush()
    # The reason stays on the visit (where retention clears it), not in the append-only audit log: it is
    # free text and may name the guest.
    audit.record(session, actor, "cancel", "kunjungan", v.id, summary=f"{v.tiket} batal")
    return view_many(session, [v])[0]


def decide(session: Session, actor: Actor, visit_id: int, accepted: bool) -> VisitView:
    """R5: the host's answer on the lembar kunjungan; a refusal sends the guest away (ditolak)."""
    actor.require(Perm.WRITE_GUESTS)
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("Kunjungan tidak ditemukan.")
    if v.pulang_at is not None:
        raise ValidationError("Kunjungan ini sudah ditutup.")
    v.persetujuan = "ya" if accepted else "tidak"
    v.persetujuan_at = clock.utc_now()
    if not accepted:
        v.status = Status.DITOLAK.value
    session.flush()
    audit.record(session, actor, "update", "kunjungan", v.id, summary=f"persetujuan: {v.persetujuan}")
    return view_many(session, [v])[0]


def closing_check(session: Session, actor: Actor) -> ClosingReport:
    """R3: at closing time, the visits still open, the cards not back and the identity cards still held."""
    actor.require(Perm.VIEW)
    open_rows = session.scalars(select(Visit).where(_on_site_clause()).order_by(Visit.datang_at)).all()
    cards = session.scalars(
        select(Visit)
        .join(GuestCard, GuestCard.kunjungan_id == Visit.id)
        .where(GuestCard.status == "dipakai")
        .order_by(Visit.datang_at)
    ).all()
    ids = session.scalars(
        select(Visit)
        .where(Visit.identitas_dititip.is_(True), Visit.identitas_kembali_at.is_(None))
        .order_by(Visit.datang_at)
    ).all()
    return ClosingReport(
        tuple(view_many(session, open_rows)), tuple(view_many(session, cards)), tuple(view_many(session, ids))
    )


def closing_due(session: Session, jam_tutup: str) -> bool:
    """Whether the office clock has passed the configured closing time today."""
    hh, mm = (int(x) for x in jam_tutup.split(":"))
    return clock.now(zone(session)).time() >= time(hh, mm)


def list_day(session: Session, actor: Actor, tanggal: date) -> list[VisitView]:
    """Every visit of one office date, in arrival order (pre-registrations without an arrival last)."""
    actor.require(Perm.VIEW)
    rows = session.scalars(
        select(Visit)
        .where(Visit.tanggal == tanggal)
        .order_by(Visit.datang_at.is_(None), Visit.datang_at, Visit.id)
    ).all()
    return view_many(session, rows)
