"""Surat: the disposition chain of an incoming letter (letters.md R14-R18): hops, recipients, follow-up, overdue."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, exists, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from desktop.core.dates import format_date, office_tz
from desktop.core.letters.rules import Keamanan, format_agenda
from desktop.core.nip import bare_nip
from desktop.models.admin import OrgUnit, Signatory
from desktop.models.letters import Disposition, DispositionRecipient, IncomingLetter, OutgoingLetter
from desktop.services.common import audit, calendar, office
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.secrecy import SECRET_MASK, hidden_from
from desktop.services.letters.incoming import AGENDA_PATTERN, STATUS_LABELS

MAX_HARI_KERJA = 90
CLOSED_LETTER = ("batal", "arsip")
_IN_CHUNK = 900  # ids per IN (...) list: SQLite's limit on bound parameters

_Column = ColumnElement[Any] | QueryableAttribute[Any]


class RecipientStatus(enum.StrEnum):
    """Per-recipient follow-up (R15), in the order it moves."""

    BELUM_DIBACA = "belum_dibaca"
    DIBACA = "dibaca"
    DIPROSES = "diproses"
    SELESAI = "selesai"

    @property
    def label(self) -> str:
        return RECIPIENT_STATUS_LABELS[self]

    @property
    def rank(self) -> int:
        return list(RecipientStatus).index(self)


# Spelled out rather than "!= selesai" so the database reads the few unfinished rows from the status index.
_UNFINISHED = tuple(s.value for s in RecipientStatus if s is not RecipientStatus.SELESAI)

RECIPIENT_STATUS_LABELS = {
    RecipientStatus.BELUM_DIBACA: "Belum dibaca",
    RecipientStatus.DIBACA: "Dibaca",
    RecipientStatus.DIPROSES: "Diproses",
    RecipientStatus.SELESAI: "Selesai",
}


# --- input --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecipientInput:
    """One name on the "kepada" side of a hop: a person with a jabatan snapshot (R17)."""

    nama: str
    jabatan: str
    nip: str = ""
    unit_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class HopInput:
    """One handwritten hop of a returned lembar disposisi.

    A hop further down the chain continues from a recipient: an existing one (``induk_penerima_id``) or one of an
    earlier hop in the same :func:`record_chain` call (``induk_index=(hop_index, recipient_index)``, 0-based).
    The deadline is ``batas_waktu``, or ``batas_hari_kerja_count`` working days after ``tanggal``; neither means
    no deadline. An empty ``dari`` on a continuing hop is taken from the recipient it continues from.
    """

    dari_nama: str
    dari_jabatan: str
    tanggal: date
    recipients: tuple[RecipientInput, ...]
    dari_nip: str = ""
    instruksi: tuple[str, ...] = ()
    catatan: str = ""
    batas_waktu: date | None = None
    batas_hari_kerja_count: int | None = None
    induk_penerima_id: int | None = None
    induk_index: tuple[int, int] | None = None


# --- output -------------------------------------------------------------------------------------------------


def person_label(nama: str, jabatan: str) -> str:
    """ "Kepala Bidang Perdagangan (Budi Santoso)", or whichever half is known."""
    if nama and jabatan:
        return f"{jabatan} ({nama})"
    return jabatan or nama


@dataclass(frozen=True)
class RecipientNode:
    id: int
    hop_id: int
    nama: str
    jabatan: str
    nip: str
    unit_id: int | None
    status: RecipientStatus
    tanggal_selesai: date | None
    hasil: str
    balasan_keluar_id: int | None
    hops: tuple[HopNode, ...] = ()  # the hops continuing from this recipient ("disposisikan kembali")

    @property
    def label(self) -> str:
        return person_label(self.nama, self.jabatan)

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def is_leaf(self) -> bool:
        """No active hop continues from this recipient: the letter waits on them (R16)."""
        return not any(h.aktif for h in self.hops)


@dataclass(frozen=True)
class HopNode:
    id: int
    induk_penerima_id: int | None
    dari_nama: str
    dari_jabatan: str
    dari_nip: str
    tanggal: date
    instruksi: tuple[str, ...]
    catatan: str
    batas_waktu: date | None
    batas_hari_kerja: bool
    status: str  # aktif / batal
    recipients: tuple[RecipientNode, ...]
    batas_efektif: date | None = None  # its own batas waktu, else the nearest one above it (see overdue)

    @property
    def aktif(self) -> bool:
        return self.status == "aktif"

    @property
    def dari_label(self) -> str:
        return person_label(self.dari_nama, self.dari_jabatan)

    @property
    def can_cancel(self) -> bool:
        """R15: only while nobody has read it (and nothing continues from it)."""
        return self.aktif and all(
            r.status is RecipientStatus.BELUM_DIBACA and r.is_leaf for r in self.recipients
        )


@dataclass(frozen=True)
class LetterChain:
    """The disposition tree of one letter: root hops → recipients → the hops continuing from them."""

    letter_id: int
    agenda: str
    asal_surat: str
    nomor_surat: str
    perihal: str
    tanggal_diterima: date
    keamanan: Keamanan
    status: str
    batas_waktu: date | None  # the letter's default (R9), proposed for the first hop
    tanggal_selesai: date | None
    masked: bool
    hops: tuple[HopNode, ...]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def closed(self) -> bool:
        """Batal or arsip: no hop may be added."""
        return self.status in CLOSED_LETTER

    def walk(self) -> Iterator[HopNode]:
        """Every hop, parents before children, in date order."""
        stack = list(reversed(self.hops))
        while stack:
            hop = stack.pop()
            yield hop
            for r in reversed(hop.recipients):
                stack.extend(reversed(r.hops))

    def recipients(self) -> list[RecipientNode]:
        return [r for hop in self.walk() for r in hop.recipients]

    def recipient(self, recipient_id: int) -> RecipientNode | None:
        return next((r for r in self.recipients() if r.id == recipient_id), None)

    def hop(self, hop_id: int) -> HopNode | None:
        return next((h for h in self.walk() if h.id == hop_id), None)


@dataclass(frozen=True)
class OverdueItem:
    letter_id: int
    agenda: str
    asal_surat: str
    perihal: str
    masked: bool
    hop_id: int
    dari: str
    recipient_id: int
    penerima: str
    status: RecipientStatus
    batas_waktu: date
    days_late: int


@dataclass(frozen=True)
class DispositionCounts:
    """For the home dashboard: letters waiting for a disposition; open and overdue recipients (leaves)."""

    belum_didisposisi: int
    overdue: int
    open: int


@dataclass(frozen=True)
class Official:
    """Somebody who disposes or is disposed to, for the dialog's pickers."""

    nama: str
    jabatan: str
    nip: str = ""
    unit_id: int | None = None

    @property
    def label(self) -> str:
        return person_label(self.nama, self.jabatan)


@dataclass
class _Tree:
    """Hops and recipients of one letter, loaded once."""

    hops: list[Disposition]
    recipients: dict[int, list[DispositionRecipient]] = field(default_factory=dict)  # by hop id
    children: dict[int, list[Disposition]] = field(default_factory=dict)  # by parent recipient id

    def leaves(self) -> list[DispositionRecipient]:
        """Recipients of active hops that no active hop continues from."""
        return [
            r
            for hop in self.hops
            if hop.status == "aktif"
            for r in self.recipients.get(hop.id, [])
            if not any(c.status == "aktif" for c in self.children.get(r.id, []))
        ]


# --- helpers ------------------------------------------------------------------------------------------------


def _zone(session: Session) -> str:
    return office.get_profile(session).zona_waktu


def _received(session: Session, letter: IncomingLetter) -> date:
    return letter.tanggal_diterima.astimezone(office_tz(_zone(session))).date()


def _agenda(letter: IncomingLetter) -> str:
    return _agenda_of(letter.nomor_agenda, letter.tahun)


def _agenda_of(nomor_agenda: int, tahun: int) -> str:
    return f"{format_agenda(AGENDA_PATTERN, nomor_agenda, tahun)}/{tahun}"


def _is_masked(letter: IncomingLetter, actor: Actor) -> bool:
    return hidden_from(actor, letter.keamanan)


def _letter(session: Session, letter_id: int, *, lock: bool = False) -> IncomingLetter:
    row = session.get(IncomingLetter, letter_id, with_for_update=lock or None)
    if row is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    return row


def _load_tree(session: Session, letter_id: int) -> _Tree:
    hops = list(
        session.scalars(
            select(Disposition)
            .where(Disposition.surat_masuk_id == letter_id)
            .order_by(Disposition.tanggal, Disposition.id)
        )
    )
    tree = _Tree(hops)
    if not hops:
        return tree
    rows = session.scalars(
        select(DispositionRecipient)
        .where(DispositionRecipient.disposisi_id.in_([h.id for h in hops]))
        .order_by(DispositionRecipient.id)
    )
    for r in rows:
        tree.recipients.setdefault(r.disposisi_id, []).append(r)
    for h in hops:
        if h.induk_penerima_id is not None:
            tree.children.setdefault(h.induk_penerima_id, []).append(h)
    return tree


def _refresh_letter_status(session: Session, letter: IncomingLetter) -> None:
    """R16 from the recipients: didisposisi → diproses (someone works on it) → selesai (every leaf done)."""
    if letter.status in CLOSED_LETTER:
        return
    tree = _load_tree(session, letter.id)
    active = [h for h in tree.hops if h.status == "aktif"]
    if not active:
        status = "dicetak" if letter.dicetak_at is not None else "baru"
        selesai: date | None = None
    else:
        leaves = tree.leaves()
        everyone = [r for h in active for r in tree.recipients.get(h.id, [])]
        if leaves and all(r.status == RecipientStatus.SELESAI for r in leaves):
            status = "selesai"
            selesai = max((r.tanggal_selesai for r in leaves if r.tanggal_selesai), default=None)
        elif any(r.status in (RecipientStatus.DIPROSES, RecipientStatus.SELESAI) for r in everyone):
            status, selesai = "diproses", None
        else:
            status, selesai = "didisposisi", None
    if (letter.status, letter.tanggal_selesai) != (status, selesai):
        letter.status = status
        letter.tanggal_selesai = selesai


def _build_chain(session: Session, actor: Actor, letter: IncomingLetter) -> LetterChain:
    masked = _is_masked(letter, actor)
    tree = _load_tree(session, letter.id)
    deadlines = _effective_deadlines(tree)

    def hop_node(hop: Disposition) -> HopNode:
        return HopNode(
            id=hop.id,
            induk_penerima_id=hop.induk_penerima_id,
            dari_nama=hop.dari_nama,
            dari_jabatan=hop.dari_jabatan,
            dari_nip=hop.dari_nip,
            tanggal=hop.tanggal,
            instruksi=tuple(line for line in hop.instruksi.splitlines() if line.strip()),
            catatan=SECRET_MASK if masked and hop.catatan else hop.catatan,
            batas_waktu=hop.batas_waktu,
            batas_hari_kerja=hop.batas_hari_kerja,
            status=hop.status,
            recipients=tuple(recipient_node(r) for r in tree.recipients.get(hop.id, [])),
            batas_efektif=deadlines.get(hop.id),
        )

    def recipient_node(r: DispositionRecipient) -> RecipientNode:
        return RecipientNode(
            id=r.id,
            hop_id=r.disposisi_id,
            nama=r.nama,
            jabatan=r.jabatan,
            nip=r.nip,
            unit_id=r.unit_id,
            status=RecipientStatus(r.status),
            tanggal_selesai=r.tanggal_selesai,
            hasil=SECRET_MASK if masked and r.hasil else r.hasil,
            balasan_keluar_id=r.balasan_keluar_id,
            hops=tuple(hop_node(h) for h in tree.children.get(r.id, [])),
        )

    known = {r.id for rs in tree.recipients.values() for r in rs}
    # A hop whose parent recipient is missing would otherwise vanish from the tree; show it as a root.
    roots = [h for h in tree.hops if h.induk_penerima_id is None or h.induk_penerima_id not in known]
    return LetterChain(
        letter_id=letter.id,
        agenda=_agenda(letter),
        asal_surat=letter.asal_surat,
        nomor_surat=letter.nomor_surat,
        perihal=SECRET_MASK if masked else letter.perihal,
        tanggal_diterima=_received(session, letter),
        keamanan=Keamanan(letter.keamanan),
        status=letter.status,
        batas_waktu=letter.batas_waktu,
        tanggal_selesai=letter.tanggal_selesai,
        masked=masked,
        hops=tuple(hop_node(h) for h in roots),
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _nip(value: str, field_name: str) -> str:
    nip = bare_nip(value)
    if nip and (len(nip) != 18 or not nip.isdigit()):
        raise ValidationError("NIP harus 18 angka.", field_name)
    return nip


# --- reading ------------------------------------------------------------------------------------------------


def chain(session: Session, actor: Actor, letter_id: int) -> LetterChain:
    """The disposition tree of a letter; perihal, catatan and hasil masked for R/SR without the permission."""
    actor.require(Perm.VIEW)
    letter = _letter(session, letter_id)
    if Keamanan(letter.keamanan).is_secret and actor.can(Perm.VIEW_SECRET):
        audit.record(
            session,
            actor,
            "lihat",
            "surat_masuk",
            letter.id,
            summary=f"Disposisi surat rahasia {_agenda(letter)} dibuka",
        )
    return _build_chain(session, actor, letter)


def officials(session: Session, actor: Actor) -> list[Official]:
    """Heads of the active units and the active signatories, one line per person (signatories not heading a
    unit, such as the Kepala Dinas, first)."""
    actor.require(Perm.VIEW)
    units = [
        Official(
            nama=_clean(u.kepala_nama),
            jabatan=_clean(u.kepala_jabatan)
            or ("Sekretaris" if u.jenis == "sekretariat" else f"Kepala {_clean(u.nama)}"),
            nip=u.kepala_nip,
            unit_id=u.id,
        )
        for u in session.scalars(
            select(OrgUnit).where(OrgUnit.aktif.is_(True)).order_by(OrgUnit.urutan, OrgUnit.id)
        )
    ]
    leading: list[Official] = []
    for s in session.scalars(select(Signatory).where(Signatory.aktif.is_(True)).order_by(Signatory.id)):
        person = Official(nama=_clean(s.nama), jabatan=_clean(s.jabatan), nip=s.nip)
        for i, u in enumerate(units):
            same_post = u.jabatan.casefold() == person.jabatan.casefold()
            same_person = (u.nip and u.nip == person.nip) or (
                u.nama.casefold() == person.nama.casefold() and same_post
            )
            if same_person or (same_post and not u.nama):
                # The unit knows the post, the signatory list often the name: one line with both.
                units[i] = Official(
                    nama=u.nama or person.nama, jabatan=u.jabatan, nip=u.nip or person.nip, unit_id=u.unit_id
                )
                break
        else:
            if not any(o.label.casefold() == person.label.casefold() for o in leading):
                leading.append(person)
    seen: set[str] = set()
    result: list[Official] = []
    for o in [*leading, *units]:
        key = o.label.casefold()
        if key not in seen:
            seen.add(key)
            result.append(o)
    return result


def _effective_deadline(
    hop_id: int, own: Mapping[int, date | None], parent: Mapping[int, int]
) -> date | None:
    """The hop's own batas waktu, else the nearest one above it (a Kabid who passes the letter on without a date
    stays bound by the Kepala Dinas's). ``own`` holds every hop of the letter, ``parent`` the hop above each one
    that continues from a recipient of the same letter."""
    current: int | None = hop_id
    seen: set[int] = set()
    while current is not None and current not in seen:  # a damaged chain may loop; never spin on it
        seen.add(current)
        batas = own[current]
        if batas is not None:
            return batas
        current = parent.get(current)
    return None


def _effective_deadlines(tree: _Tree) -> dict[int, date | None]:
    """Deadline per hop of one letter, as :func:`_effective_deadline` reads it."""
    by_recipient_hop = {r.id: r.disposisi_id for rs in tree.recipients.values() for r in rs}
    own = {h.id: h.batas_waktu for h in tree.hops}
    parent = {
        h.id: by_recipient_hop[h.induk_penerima_id]
        for h in tree.hops
        if h.induk_penerima_id is not None and h.induk_penerima_id in by_recipient_hop
    }
    return {h.id: _effective_deadline(h.id, own, parent) for h in tree.hops}


def _open_leaves(*columns: _Column) -> Select[Any]:
    """The recipients the open letters wait on (R16), as :meth:`_Tree.leaves` finds them, minus the finished
    ones: searched from the few unfinished recipients rather than per letter."""
    child = aliased(Disposition)
    return (
        select(*columns)
        .select_from(DispositionRecipient)
        .join(Disposition, Disposition.id == DispositionRecipient.disposisi_id)
        .join(IncomingLetter, IncomingLetter.id == Disposition.surat_masuk_id)
        .where(
            DispositionRecipient.status.in_(_UNFINISHED),
            Disposition.status == "aktif",
            IncomingLetter.status.not_in(CLOSED_LETTER),
            ~exists().where(
                child.induk_penerima_id == DispositionRecipient.id,
                child.status == "aktif",
                child.surat_masuk_id == Disposition.surat_masuk_id,
            ),
        )
    )


def _leaf_columns() -> tuple[_Column, ...]:
    """What :func:`_past_deadlines` reads of a leaf."""
    return (
        DispositionRecipient.id.label("recipient_id"),
        Disposition.id.label("hop_id"),
        Disposition.batas_waktu,
        Disposition.induk_penerima_id,
        Disposition.surat_masuk_id.label("letter_id"),
    )


def _past_deadlines(session: Session, leaves: Sequence[Row[Any]], today: date) -> dict[int, date]:
    """The leaves (rows of :func:`_leaf_columns`) whose effective batas waktu has passed: that date by recipient.

    Only leaves inheriting a date need the hops above them, read for their letters alone. A leaf is late only
    when one of its letter's active hops has a past batas waktu of its own, as the list has always read letters;
    a leaf late by its own hop's date shows that by itself.
    """
    inherit = {
        row.letter_id for row in leaves if row.batas_waktu is None and row.induk_penerima_id is not None
    }
    own: dict[int, date | None] = {}
    letter_of: dict[int, int] = {}
    above: dict[int, int] = {}
    late_letters: set[int] = set()
    parent_recipient = aliased(DispositionRecipient)
    ids = sorted(inherit)
    for chunk in range(0, len(ids), _IN_CHUNK):
        for hop_id, letter_id, status, batas, parent_hop in session.execute(
            select(
                Disposition.id,
                Disposition.surat_masuk_id,
                Disposition.status,
                Disposition.batas_waktu,
                parent_recipient.disposisi_id,
            )
            .outerjoin(parent_recipient, parent_recipient.id == Disposition.induk_penerima_id)
            .where(Disposition.surat_masuk_id.in_(ids[chunk : chunk + _IN_CHUNK]))
        ):
            own[hop_id] = batas
            letter_of[hop_id] = letter_id
            if parent_hop is not None:
                above[hop_id] = parent_hop
            if status == "aktif" and batas is not None and batas < today:
                late_letters.add(letter_id)
    parent = {hop: up for hop, up in above.items() if letter_of.get(up) == letter_of[hop]}
    result: dict[int, date] = {}
    for row in leaves:
        batas = row.batas_waktu
        if batas is None and row.letter_id in late_letters:
            batas = _effective_deadline(row.hop_id, own, parent)
        if batas is not None and batas < today:
            result[row.recipient_id] = batas
    return result


def overdue(session: Session, actor: Actor, today: date) -> list[OverdueItem]:
    """Recipients still owing a follow-up whose batas waktu has passed, most late first.

    Only leaf recipients count: whoever passed the letter on is waiting on the people below them. A hop without
    its own batas waktu inherits the nearest one above it. Letters that are batal or arsip are left out.
    """
    actor.require(Perm.VIEW)
    leaves = session.execute(
        _open_leaves(
            *_leaf_columns(),
            DispositionRecipient.nama,
            DispositionRecipient.jabatan,
            DispositionRecipient.status,
            Disposition.dari_nama,
            Disposition.dari_jabatan,
            IncomingLetter.nomor_agenda,
            IncomingLetter.tahun,
            IncomingLetter.asal_surat,
            IncomingLetter.perihal,
            IncomingLetter.keamanan,
        )
        # A hop's own batas waktu is the nearest one: under a hop whose own date has not passed, nobody is late.
        .where(or_(Disposition.batas_waktu.is_(None), Disposition.batas_waktu < today))
    ).all()
    late = _past_deadlines(session, leaves, today)
    items: list[OverdueItem] = []
    for row in leaves:
        batas = late.get(row.recipient_id)
        if batas is None:
            continue
        masked = hidden_from(actor, row.keamanan)
        items.append(
            OverdueItem(
                letter_id=row.letter_id,
                agenda=_agenda_of(row.nomor_agenda, row.tahun),
                asal_surat=row.asal_surat,
                perihal=SECRET_MASK if masked else row.perihal,
                masked=masked,
                hop_id=row.hop_id,
                dari=person_label(row.dari_nama, row.dari_jabatan),
                recipient_id=row.recipient_id,
                penerima=person_label(row.nama, row.jabatan),
                status=RecipientStatus(row.status),
                batas_waktu=batas,
                days_late=(today - batas).days,
            )
        )
    items.sort(key=lambda i: (-i.days_late, i.agenda, i.recipient_id))
    return items


@dataclass(frozen=True)
class FollowUpEntry:
    """One recipient of an active hop, as the follow-up report (Laporan Tindak Lanjut Disposisi) reads it."""

    letter_id: int
    agenda: str
    tanggal_diterima: date
    asal_surat: str
    perihal: str  # masked for R/SR without the permission
    hop_id: int
    hop_tanggal: date
    induk_penerima_id: int | None  # the recipient whose hop this one continues, None for a first hop
    recipient_id: int
    nama: str
    jabatan: str
    nip: str
    unit_id: int | None
    status: RecipientStatus
    tanggal_selesai: date | None
    is_leaf: bool  # no active hop continues from this recipient: the letter waits on them (R16)
    batas_waktu: date | None  # the effective deadline, as overdue() reads it

    @property
    def label(self) -> str:
        return person_label(self.nama, self.jabatan)


def follow_ups(session: Session, actor: Actor, start: date, end: date) -> list[FollowUpEntry]:
    """Every recipient of the active hops of the letters received from ``start`` to ``end`` (office dates),
    in agenda order and parents before children. Batal and arsip letters are left out, as in :func:`overdue`;
    the deadline is the effective one (a hop without its own inherits the nearest above it)."""
    actor.require(Perm.VIEW)
    zone = office_tz(_zone(session))
    lo = datetime.combine(start, time.min, zone)
    hi = datetime.combine(end, time.max, zone)
    found = session.scalars(
        select(IncomingLetter)
        .where(
            IncomingLetter.tanggal_diterima >= lo,
            IncomingLetter.tanggal_diterima <= hi,
            IncomingLetter.status.not_in(CLOSED_LETTER),
        )
        .order_by(IncomingLetter.tahun, IncomingLetter.nomor_agenda)
    ).all()
    trees: dict[int, _Tree] = {m.id: _Tree([]) for m in found}
    ids = list(trees)
    for chunk in range(0, len(ids), _IN_CHUNK):
        hops = session.scalars(
            select(Disposition)
            .where(Disposition.surat_masuk_id.in_(ids[chunk : chunk + _IN_CHUNK]))
            .order_by(Disposition.tanggal, Disposition.id)
        ).all()
        for hop in hops:
            trees[hop.surat_masuk_id].hops.append(hop)
        hop_letter = {h.id: h.surat_masuk_id for h in hops}
        hop_ids = list(hop_letter)
        for part in range(0, len(hop_ids), _IN_CHUNK):
            for r in session.scalars(
                select(DispositionRecipient)
                .where(DispositionRecipient.disposisi_id.in_(hop_ids[part : part + _IN_CHUNK]))
                .order_by(DispositionRecipient.id)
            ):
                trees[hop_letter[r.disposisi_id]].recipients.setdefault(r.disposisi_id, []).append(r)
    for tree in trees.values():
        for h in tree.hops:
            if h.induk_penerima_id is not None:
                tree.children.setdefault(h.induk_penerima_id, []).append(h)

    entries: list[FollowUpEntry] = []
    for letter in found:
        tree = trees[letter.id]
        if not tree.hops:
            continue
        masked = _is_masked(letter, actor)
        received = letter.tanggal_diterima.astimezone(zone).date()
        deadlines = _effective_deadlines(tree)
        leaves = {r.id for r in tree.leaves()}
        for hop in tree.hops:
            if hop.status != "aktif":
                continue
            for r in tree.recipients.get(hop.id, []):
                entries.append(
                    FollowUpEntry(
                        letter_id=letter.id,
                        agenda=_agenda(letter),
                        tanggal_diterima=received,
                        asal_surat=letter.asal_surat,
                        perihal=SECRET_MASK if masked else letter.perihal,
                        hop_id=hop.id,
                        hop_tanggal=hop.tanggal,
                        induk_penerima_id=hop.induk_penerima_id,
                        recipient_id=r.id,
                        nama=r.nama,
                        jabatan=r.jabatan,
                        nip=r.nip,
                        unit_id=r.unit_id,
                        status=RecipientStatus(r.status),
                        tanggal_selesai=r.tanggal_selesai,
                        is_leaf=r.id in leaves,
                        batas_waktu=deadlines.get(hop.id),
                    )
                )
    return entries


def counts(session: Session, actor: Actor, today: date) -> DispositionCounts:
    actor.require(Perm.VIEW)
    waiting = session.scalar(
        select(func.count()).select_from(IncomingLetter).where(IncomingLetter.status.in_(("baru", "dicetak")))
    )
    leaves = session.execute(_open_leaves(*_leaf_columns())).all()
    return DispositionCounts(
        belum_didisposisi=int(waiting or 0),
        overdue=len(_past_deadlines(session, leaves, today)),
        open=len(leaves),
    )


# --- writing ------------------------------------------------------------------------------------------------


def _check_open(letter: IncomingLetter) -> None:
    if letter.status == "batal":
        raise ValidationError("Surat ini sudah dibatalkan; disposisi tidak bisa dicatat.")
    if letter.status == "arsip":
        raise ValidationError("Surat ini sudah diarsipkan tanpa disposisi; disposisi tidak bisa dicatat.")


def record_chain(session: Session, actor: Actor, letter_id: int, hops: Sequence[HopInput]) -> LetterChain:
    """Record the hops of a returned slip in order, in the caller's one transaction (R18).

    Every hop is checked before it is written; on a :class:`ValidationError` the caller's transaction rolls back
    and nothing of the slip is kept. ``ValidationError.field`` is ``"hop{i}.<field>"`` for the i-th hop (0-based).
    """
    actor.require(Perm.WRITE_LETTERS)
    letter = _letter(session, letter_id, lock=True)
    _check_open(letter)
    if not hops:
        raise ValidationError("Belum ada disposisi untuk disimpan.", "hops")
    received = _received(session, letter)
    today = office.today(session)
    cal = None
    tree = _load_tree(session, letter.id)
    existing = {r.id: (r, h) for h in tree.hops for r in tree.recipients.get(h.id, [])}
    # Per hop written: the row and, per recipient as given, its row (blank and repeated lines fold away).
    written: list[tuple[Disposition, list[DispositionRecipient | None]]] = []

    for index, data in enumerate(hops):
        where = f"hop{index}."
        number = f"Disposisi ke-{index + 1}: " if len(hops) > 1 else ""

        def fail(message: str, name: str, _where: str = where, _number: str = number) -> ValidationError:
            return ValidationError(_number + message, _where + name)

        parent: tuple[DispositionRecipient, Disposition] | None = None
        if data.induk_penerima_id is not None and data.induk_index is not None:
            raise fail("pilih induk dari daftar tersimpan atau dari daftar baru, bukan keduanya.", "induk")
        if data.induk_penerima_id is not None:
            found = existing.get(data.induk_penerima_id)
            if found is None:
                raise fail("penerima yang dilanjutkan tidak ada pada surat ini.", "induk")
            parent = found
        elif data.induk_index is not None:
            hop_i, rec_i = data.induk_index
            chosen = (
                written[hop_i][1][rec_i]
                if 0 <= hop_i < index and 0 <= rec_i < len(written[hop_i][1])
                else None
            )
            if chosen is None:
                raise fail("lanjutan harus dari penerima disposisi sebelumnya di daftar ini.", "induk")
            parent = (chosen, written[hop_i][0])
        if parent is not None and parent[1].status != "aktif":
            raise fail("disposisi yang dilanjutkan sudah dibatalkan.", "induk")

        dari_nama, dari_jabatan = _clean(data.dari_nama), _clean(data.dari_jabatan)
        dari_nip = _nip(data.dari_nip, where + "dari_nip")
        if not (dari_nama or dari_jabatan) and parent is not None:
            dari_nama, dari_jabatan, dari_nip = parent[0].nama, parent[0].jabatan, parent[0].nip
        if not (dari_nama or dari_jabatan):
            raise fail("isi siapa yang mendisposisikan (Dari).", "dari")

        if data.tanggal < received:
            raise fail(
                f"tanggal disposisi tidak boleh sebelum surat diterima ({format_date(received)}).", "tanggal"
            )
        if data.tanggal > today:
            raise fail("tanggal disposisi tidak boleh di masa depan.", "tanggal")
        if parent is not None and data.tanggal < parent[1].tanggal:
            raise fail(
                f"tanggal tidak boleh sebelum disposisi yang dilanjutkan ({format_date(parent[1].tanggal)}).",
                "tanggal",
            )

        batas = data.batas_waktu
        in_working_days = False
        if data.batas_hari_kerja_count is not None:
            if data.batas_waktu is not None:
                raise fail(
                    "pilih batas waktu berupa tanggal atau jumlah hari kerja, bukan keduanya.", "batas"
                )
            if not 1 <= data.batas_hari_kerja_count <= MAX_HARI_KERJA:
                raise fail(f"batas waktu harus 1 sampai {MAX_HARI_KERJA} hari kerja.", "batas")
            cal = cal or calendar.working_calendar(session)
            batas = cal.add_working_days(data.tanggal, data.batas_hari_kerja_count)
            in_working_days = True
        if batas is not None and batas < data.tanggal:
            raise fail("batas waktu tidak boleh sebelum tanggal disposisi.", "batas")

        people: list[RecipientInput] = []
        given: list[int | None] = []  # index into people per recipient as given
        for j, rec in enumerate(data.recipients):
            nama, jabatan = _clean(rec.nama), _clean(rec.jabatan)
            if not (nama or jabatan):
                given.append(None)
                continue
            nip = _nip(rec.nip, f"{where}recipients{j}.nip")
            key = (nama.casefold(), jabatan.casefold())
            same = [k for k, p in enumerate(people) if (p.nama.casefold(), p.jabatan.casefold()) == key]
            if same:
                given.append(same[0])
                continue
            given.append(len(people))
            people.append(RecipientInput(nama, jabatan, nip, rec.unit_id))
        if not people:
            raise fail("pilih atau tulis sedikitnya satu penerima (Kepada).", "recipients")

        instruksi: list[str] = []
        for item in data.instruksi:
            text = _clean(item)
            if text and text not in instruksi:
                instruksi.append(text)

        hop = Disposition(
            surat_masuk_id=letter.id,
            induk_penerima_id=parent[0].id if parent else None,
            dari_nama=dari_nama,
            dari_jabatan=dari_jabatan,
            dari_nip=dari_nip,
            tanggal=data.tanggal,
            instruksi="\n".join(instruksi),
            catatan=data.catatan.strip(),
            batas_waktu=batas,
            batas_hari_kerja=in_working_days,
            status="aktif",
            created_by=actor.user_id,
        )
        session.add(hop)
        session.flush()
        rows = [
            DispositionRecipient(
                disposisi_id=hop.id,
                nama=p.nama,
                jabatan=p.jabatan,
                nip=p.nip,
                unit_id=p.unit_id,
                status=RecipientStatus.BELUM_DIBACA.value,
            )
            for p in people
        ]
        session.add_all(rows)
        session.flush()
        if parent is not None and parent[0].status == RecipientStatus.BELUM_DIBACA:
            # Passing the letter on is proof it was read; it also keeps the parent hop from being cancelled.
            parent[0].status = RecipientStatus.DIBACA.value
        written.append((hop, [rows[k] if k is not None else None for k in given]))
        audit.record(
            session,
            actor,
            "disposisi",
            "surat_masuk",
            letter.id,
            summary=f"Disposisi {_agenda(letter)}: {person_label(dari_nama, dari_jabatan)} → "
            + ", ".join(person_label(p.nama, p.jabatan) for p in people),
            after={
                "disposisi_id": hop.id,
                "induk_penerima_id": hop.induk_penerima_id,
                "tanggal": hop.tanggal,
                "penerima": [r.id for r in rows],
                "instruksi": instruksi,
                "batas_waktu": batas,
                "batas_hari_kerja": in_working_days,
            },
        )
    before = letter.status
    _refresh_letter_status(session, letter)
    if letter.status != before:
        audit.record(
            session,
            actor,
            "status",
            "surat_masuk",
            letter.id,
            summary=f"Agenda {_agenda(letter)}: {STATUS_LABELS.get(letter.status, letter.status)}",
            before={"status": before},
            after={"status": letter.status},
        )
    session.flush()
    return _build_chain(session, actor, letter)


def no_disposition_needed(session: Session, actor: Actor, letter_id: int, note: str = "") -> LetterChain:
    """ "Tidak perlu disposisi": the letter goes straight to the archive (R16)."""
    actor.require(Perm.WRITE_LETTERS)
    letter = _letter(session, letter_id, lock=True)
    _check_open(letter)
    tree = _load_tree(session, letter.id)
    if any(h.status == "aktif" for h in tree.hops):
        raise ValidationError("Surat ini sudah didisposisikan; batalkan disposisinya dahulu.")
    before = {"status": letter.status, "keterangan": letter.keterangan}
    letter.status = "arsip"
    letter.tanggal_selesai = None
    remark = "Tidak perlu disposisi" + (f": {note.strip()}" if note.strip() else "")
    letter.keterangan = f"{letter.keterangan.rstrip()}\n{remark}".strip()
    audit.record(
        session,
        actor,
        "arsip",
        "surat_masuk",
        letter.id,
        summary=f"Agenda {_agenda(letter)}: tidak perlu disposisi",
        before=before,
        after={"status": "arsip", "keterangan": letter.keterangan},
    )
    session.flush()
    return _build_chain(session, actor, letter)


def update_recipient(
    session: Session,
    actor: Actor,
    recipient_id: int,
    status: RecipientStatus | str,
    hasil: str = "",
    tanggal_selesai: date | None = None,
    balasan_keluar_id: int | None = None,
) -> LetterChain:
    """Record a recipient's follow-up (R15): belum dibaca → dibaca → diproses → selesai.

    Steps may be skipped (the clerk often hears only that the work is done). Going back is allowed only from
    selesai to diproses, to reopen a follow-up recorded by mistake; a read disposition never becomes unread.
    """
    actor.require(Perm.WRITE_LETTERS)
    try:
        new = RecipientStatus(status)
    except ValueError:
        raise ValidationError(f"Status tindak lanjut tidak dikenal: {status}.", "status") from None
    row = session.get(DispositionRecipient, recipient_id)
    if row is None:
        raise NotFound("Penerima disposisi tidak ditemukan.")
    hop = session.get(Disposition, row.disposisi_id)
    assert hop is not None
    letter = _letter(session, hop.surat_masuk_id, lock=True)
    _check_open(letter)
    if hop.status != "aktif":
        raise ValidationError("Disposisi ini sudah dibatalkan.")
    old = RecipientStatus(row.status)
    reopen = old is RecipientStatus.SELESAI and new is RecipientStatus.DIPROSES
    if new.rank < old.rank and not reopen:
        raise ValidationError(
            f"Status tidak bisa kembali dari \u201c{old.label}\u201d ke \u201c{new.label}\u201d.", "status"
        )
    if new is RecipientStatus.SELESAI:
        done = tanggal_selesai or office.today(session)
        if done < hop.tanggal:
            raise ValidationError(
                f"Tanggal selesai tidak boleh sebelum tanggal disposisi ({format_date(hop.tanggal)}).",
                "tanggal_selesai",
            )
        if done > office.today(session):
            raise ValidationError("Tanggal selesai tidak boleh di masa depan.", "tanggal_selesai")
    else:
        done = None
    if balasan_keluar_id is not None and session.get(OutgoingLetter, balasan_keluar_id) is None:
        raise ValidationError("Surat balasan tidak ditemukan di agenda keluar.", "balasan_keluar_id")
    before = audit.snapshot(row, ["status", "tanggal_selesai", "hasil", "balasan_keluar_id"])
    row.status = new.value
    row.tanggal_selesai = done
    row.hasil = hasil.strip()
    row.balasan_keluar_id = balasan_keluar_id
    session.flush()
    letter_before = letter.status
    _refresh_letter_status(session, letter)
    audit.record(
        session,
        actor,
        "tindak_lanjut",
        "disposisi_penerima",
        row.id,
        summary=f"Agenda {_agenda(letter)}: {person_label(row.nama, row.jabatan)} {new.label.lower()}"
        + (
            f"; surat {STATUS_LABELS.get(letter.status, letter.status).lower()}"
            if letter.status != letter_before
            else ""
        ),
        before={**before, "status_surat": letter_before},
        after={
            **audit.snapshot(row, ["status", "tanggal_selesai", "hasil", "balasan_keluar_id"]),
            "status_surat": letter.status,
        },
    )
    session.flush()
    return _build_chain(session, actor, letter)


def cancel_hop(session: Session, actor: Actor, hop_id: int, reason: str = "") -> LetterChain:
    """Cancel a hop recorded by mistake, only while none of its recipients has read it (R15)."""
    actor.require(Perm.WRITE_LETTERS)
    hop = session.get(Disposition, hop_id)
    if hop is None:
        raise NotFound("Disposisi tidak ditemukan.")
    letter = _letter(session, hop.surat_masuk_id, lock=True)
    if hop.status != "aktif":
        raise ValidationError("Disposisi ini sudah dibatalkan.")
    tree = _load_tree(session, letter.id)
    recipients = tree.recipients.get(hop.id, [])
    if any(r.status != RecipientStatus.BELUM_DIBACA for r in recipients):
        raise ValidationError("Disposisi yang sudah dibaca penerimanya tidak bisa dibatalkan.")
    if any(c.status == "aktif" for r in recipients for c in tree.children.get(r.id, [])):
        raise ValidationError("Disposisi ini sudah diteruskan lagi; batalkan lanjutannya dahulu.")
    hop.status = "batal"
    session.flush()
    letter_before = letter.status
    _refresh_letter_status(session, letter)
    audit.record(
        session,
        actor,
        "batal",
        "disposisi",
        hop.id,
        summary=f"Disposisi {_agenda(letter)} dari {person_label(hop.dari_nama, hop.dari_jabatan)} dibatalkan"
        + (f": {reason.strip()}" if reason.strip() else ""),
        before={"status": "aktif", "status_surat": letter_before},
        after={"status": "batal", "status_surat": letter.status},
    )
    session.flush()
    return _build_chain(session, actor, letter)
