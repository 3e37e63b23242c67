"""The disposition chain through the services (letters.md A1, R14-R18): transcription, follow-up, overdue."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desktop.core import clock
from desktop.core.calendar import Holiday, HolidayKind
from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.letters import Disposition, DispositionRecipient, IncomingLetter
from desktop.services.common import auth, calendar
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming
from desktop.services.letters.dispositions import HopInput, RecipientInput, RecipientStatus
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
RECEIVED = datetime(2026, 11, 16, 9, 15, tzinfo=WITA)  # Senin
STAF = RecipientInput("Andi Pratama, S.E.", "Analis Perdagangan", "199104122019031007")


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office profile (WITA), units, signatories, one account per role
    return _actor(ctx, "surat")


@pytest.fixture
def people(ctx: AppContext, clerk: Actor) -> dict[str, RecipientInput]:
    """Sekretaris, Kepala Dinas and the Kabid of the demo office, as the dialog offers them."""
    with ctx.db.transaction() as s:
        found = dispo.officials(s, clerk)
    by_post = {o.jabatan: RecipientInput(o.nama, o.jabatan, o.nip, o.unit_id) for o in found}
    return {
        "sekretaris": by_post["Sekretaris"],
        "kadis": by_post["Kepala Dinas"],
        "kabid_pdn": by_post["Kepala Bidang Perdagangan Dalam Negeri"],
        "kabid_ind": by_post["Kepala Bidang Perindustrian"],
    }


def _register(ctx: AppContext, actor: Actor, received: datetime = RECEIVED, **kw: object) -> int:
    data: dict[str, object] = {
        "tanggal_diterima": received,
        "asal_surat": "Kementerian Perdagangan Republik Indonesia",
        "nomor_surat": f"800.1/{received:%d%H%M}/SJ/2026",
        "tanggal_surat": received.date() - timedelta(days=3),
        "perihal": "Undangan Rapat Koordinasi Pengendalian Harga Barang Kebutuhan Pokok",
    }
    data.update(kw)
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(s, actor, incoming.IncomingInput(**data), today=received.date())  # type: ignore[arg-type]
        incoming.record_printed_elsewhere(s, actor, info.id)
        return info.id


def _hop(dari: RecipientInput | None, tanggal: date, *to: RecipientInput, **kw: object) -> HopInput:
    return HopInput(
        dari_nama=dari.nama if dari else "",
        dari_jabatan=dari.jabatan if dari else "",
        dari_nip=dari.nip if dari else "",
        tanggal=tanggal,
        recipients=to,
        **kw,  # type: ignore[arg-type]
    )


def _sop_chain(people: dict[str, RecipientInput]) -> list[HopInput]:
    """A1 steps 3, 4, 7: Sekretaris → Kepala Dinas → Kabid Perdagangan → a staff member, one slip."""
    return [
        _hop(people["sekretaris"], date(2026, 11, 16), people["kadis"], instruksi=("Tanggapan dan saran",)),
        _hop(
            people["kadis"],
            date(2026, 11, 17),
            people["kabid_pdn"],
            instruksi=("Untuk ditindaklanjuti", "Koordinasikan/konfirmasikan"),
            catatan="Siapkan bahan paparan harga bapok.",
            batas_hari_kerja_count=3,
            induk_index=(0, 0),
        ),
        # Dari left empty: it is the Kabid the letter reached, as on the slip.
        _hop(None, date(2026, 11, 18), STAF, instruksi=("Siapkan bahan/jawaban",), induk_index=(1, 0)),
    ]


def _audits(ctx: AppContext, action: str) -> int:
    with ctx.db.transaction() as s:
        return int(
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0
        )


def test_sop_chain_is_recorded_in_one_call(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk)
    with ctx.db.transaction() as s:
        result = dispo.record_chain(s, clerk, letter_id, _sop_chain(people))
    assert result.status == "didisposisi" and result.status_label == "Didisposisi"
    (first,) = result.hops
    assert first.dari_label == "Sekretaris (Ahmad Fauzi, S.E., M.M.)"
    (kadis,) = first.recipients
    assert kadis.jabatan == "Kepala Dinas" and kadis.nama == "Dr. Ir. Hj. Fulanah Rahmawati, M.Si."
    # Passing the letter on shows the Kepala Dinas read it; the Sekretaris's hop can no longer be cancelled.
    assert kadis.status is RecipientStatus.DIBACA and not first.can_cancel
    (second,) = kadis.hops
    assert second.instruksi == ("Untuk ditindaklanjuti", "Koordinasikan/konfirmasikan")
    assert second.batas_hari_kerja and second.batas_waktu == date(2026, 11, 20)  # Tue + 3 HK = Fri
    (kabid,) = second.recipients
    assert kabid.jabatan == "Kepala Bidang Perdagangan Dalam Negeri" and kabid.unit_id is not None
    (third,) = kabid.hops
    assert third.dari_jabatan == "Kepala Bidang Perdagangan Dalam Negeri"
    (staf,) = third.recipients
    assert (staf.nama, staf.nip, staf.status, staf.is_leaf) == (
        "Andi Pratama, S.E.",
        "199104122019031007",
        RecipientStatus.BELUM_DIBACA,
        True,
    )
    assert [h.id for h in result.walk()] == [first.id, second.id, third.id]
    assert _audits(ctx, "disposisi") == 3

    # A later slip continues from a stored recipient by id.
    with ctx.db.transaction() as s:
        more = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [_hop(None, date(2026, 11, 19), people["kabid_ind"], induk_penerima_id=staf.id)],
        )
        assert incoming.get_incoming(s, clerk, letter_id).status == "didisposisi"
    node = more.recipient(staf.id)
    assert node is not None and node.hops[0].recipients[0].jabatan == "Kepala Bidang Perindustrian"
    assert node.hops[0].dari_nama == "Andi Pratama, S.E."


def test_letter_is_selesai_only_when_every_leaf_is(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk)
    hops = [
        _hop(people["kadis"], date(2026, 11, 16), people["kabid_pdn"], people["kabid_ind"]),
        _hop(None, date(2026, 11, 17), STAF, induk_index=(0, 0)),
    ]
    with ctx.db.transaction() as s:
        result = dispo.record_chain(s, clerk, letter_id, hops)
    kabid_pdn, kabid_ind = result.hops[0].recipients
    staf = kabid_pdn.hops[0].recipients[0]
    assert not kabid_pdn.is_leaf and kabid_ind.is_leaf and staf.is_leaf

    def update(rid: int, status: str, **kw: object) -> dispo.LetterChain:
        with ctx.db.transaction() as s:
            return dispo.update_recipient(s, clerk, rid, status, **kw)  # type: ignore[arg-type]

    assert update(kabid_ind.id, "dibaca").status == "didisposisi"
    assert update(staf.id, "diproses").status == "diproses"
    done = update(staf.id, "selesai", hasil="Bahan paparan diserahkan", tanggal_selesai=date(2026, 11, 19))
    assert done.status == "diproses"  # the Kabid Perindustrian is a leaf and not done yet
    last = update(kabid_ind.id, "selesai", tanggal_selesai=date(2026, 11, 20))
    assert (last.status, last.tanggal_selesai) == ("selesai", date(2026, 11, 20))
    # The Kabid Perdagangan passed it on: not a leaf, so their own status does not hold the letter open.
    node = last.recipient(kabid_pdn.id)
    assert node is not None and node.status is RecipientStatus.DIBACA
    assert last.recipient(staf.id).hasil == "Bahan paparan diserahkan"  # type: ignore[union-attr]

    # Reopening a follow-up recorded by mistake reopens the letter; going back to unread is refused.
    reopened = update(staf.id, "diproses")
    assert (reopened.status, reopened.tanggal_selesai) == ("diproses", None)
    with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
        dispo.update_recipient(s, clerk, staf.id, "belum_dibaca")
    assert exc.value.field == "status"
    with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
        dispo.update_recipient(s, clerk, staf.id, "selesai", tanggal_selesai=date(2026, 11, 10))
    assert exc.value.field == "tanggal_selesai"
    # Selesai without a date takes today in office time.
    today = clock.today("WITA")
    final = update(staf.id, "selesai")
    assert final.recipient(staf.id).tanggal_selesai == today  # type: ignore[union-attr]
    assert (final.status, final.tanggal_selesai) == ("selesai", today)


def test_hop_can_be_cancelled_only_while_unread(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk)
    with ctx.db.transaction() as s:
        result = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [_hop(people["sekretaris"], date(2026, 11, 16), people["kadis"], people["kabid_pdn"])],
        )
    hop = result.hops[0]
    assert hop.can_cancel
    with ctx.db.transaction() as s:
        cancelled = dispo.cancel_hop(s, clerk, hop.id, "salah tulis penerima")
    assert cancelled.hops[0].status == "batal" and cancelled.status == "dicetak"  # back to before the hop
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        dispo.cancel_hop(s, clerk, hop.id)

    with ctx.db.transaction() as s:
        again = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [_hop(people["sekretaris"], date(2026, 11, 16), people["kadis"], people["kabid_pdn"])],
        )
    hop2 = next(h for h in again.hops if h.aktif)
    with ctx.db.transaction() as s:
        dispo.update_recipient(s, clerk, hop2.recipients[1].id, "dibaca")
    with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
        dispo.cancel_hop(s, clerk, hop2.id)
    assert "dibaca" in str(exc.value)
    with ctx.db.transaction() as s:
        still = dispo.chain(s, clerk, letter_id)
    assert still.hop(hop2.id).aktif and not still.hop(hop2.id).can_cancel  # type: ignore[union-attr]
    assert still.status == "didisposisi"


def test_overdue_lists_late_leaves_and_counts_them(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    late_id = _register(ctx, clerk)
    waiting_id = _register(ctx, clerk, RECEIVED + timedelta(hours=1))
    secret_id = _register(
        ctx, clerk, RECEIVED + timedelta(hours=2), keamanan=Keamanan.R, perihal="Hasil audit"
    )
    with ctx.db.transaction() as s:
        late = dispo.record_chain(
            s,
            clerk,
            late_id,
            [
                _hop(
                    people["kadis"],
                    date(2026, 11, 16),
                    people["kabid_pdn"],
                    people["kabid_ind"],
                    batas_waktu=date(2026, 11, 18),
                ),
                # No date of its own: bound by the Kepala Dinas's 18 November.
                _hop(None, date(2026, 11, 17), STAF, induk_index=(0, 0)),
            ],
        )
        dispo.record_chain(
            s,
            clerk,
            secret_id,
            [_hop(people["kadis"], date(2026, 11, 16), people["sekretaris"], batas_waktu=date(2026, 11, 17))],
        )
    kabid_ind = late.hops[0].recipients[1]
    assert late.hops[0].recipients[0].hops[0].batas_efektif == date(2026, 11, 18)  # inherited
    staf = late.hops[0].recipients[0].hops[0].recipients[0]
    today = date(2026, 11, 20)
    with ctx.db.transaction() as s:
        items = dispo.overdue(s, clerk, today)
        counted = dispo.counts(s, clerk, today)
    # The Kabid Perdagangan passed it on: only the leaves below them are late.
    assert [(i.letter_id, i.days_late) for i in items] == [(secret_id, 3), (late_id, 2), (late_id, 2)]
    by_recipient = {i.recipient_id: i for i in items}
    assert set(by_recipient) - {items[0].recipient_id} == {staf.id, kabid_ind.id}
    assert items[0].letter_id == secret_id and items[0].days_late == 3  # most late first
    assert items[0].perihal == incoming.SECRET_MASK and items[0].masked  # the clerk may not read R
    item = by_recipient[staf.id]
    assert (item.agenda, item.asal_surat, item.batas_waktu, item.penerima) == (
        late.agenda,
        "Kementerian Perdagangan Republik Indonesia",
        date(2026, 11, 18),
        "Analis Perdagangan (Andi Pratama, S.E.)",
    )
    assert counted == dispo.DispositionCounts(belum_didisposisi=1, overdue=3, open=3)
    with ctx.db.transaction() as s:
        assert dispo.overdue(s, _actor(ctx, "kadis"), today)[0].perihal == "Hasil audit"

    # Nothing is overdue on the batas day itself; a finished leaf drops out; letters done or archived too.
    with ctx.db.transaction() as s:
        assert {i.letter_id for i in dispo.overdue(s, clerk, date(2026, 11, 18))} == {secret_id}
        dispo.update_recipient(s, clerk, staf.id, "selesai", tanggal_selesai=date(2026, 11, 19))
        remaining = dispo.overdue(s, clerk, today)
        assert {i.recipient_id for i in remaining} == {kabid_ind.id, items[0].recipient_id}
        assert dispo.counts(s, clerk, today) == dispo.DispositionCounts(
            belum_didisposisi=1, overdue=2, open=2
        )
        dispo.no_disposition_needed(s, clerk, waiting_id)
        assert dispo.counts(s, clerk, today).belum_didisposisi == 0


def test_batas_in_working_days_skips_nyepi_and_lebaran(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk, datetime(2026, 3, 16, 10, 0, tzinfo=WITA), urgensi=Urgensi.SEGERA)
    with ctx.db.transaction() as s:
        result = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [_hop(people["kadis"], date(2026, 3, 17), people["kabid_pdn"], batas_hari_kerja_count=2)],
        )
        expected = calendar.working_calendar(s).add_working_days(date(2026, 3, 17), 2)
    # 18 Mar cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama Idul Fitri, 21-22 Idul Fitri (weekend),
    # 23-24 cuti bersama: Wed 25 is the first working day, Thu 26 the second.
    hop = result.hops[0]
    assert hop.batas_waktu == expected == date(2026, 3, 26)
    assert hop.batas_hari_kerja
    with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
        dispo.record_chain(
            s,
            clerk,
            letter_id,
            [
                _hop(
                    people["kadis"],
                    date(2026, 3, 17),
                    people["kabid_pdn"],
                    batas_hari_kerja_count=2,
                    batas_waktu=date(2026, 3, 20),
                )
            ],
        )
    assert exc.value.field == "hop0.batas"


def test_tidak_perlu_disposisi_archives_the_letter(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk)
    with ctx.db.transaction() as s:
        result = dispo.no_disposition_needed(s, clerk, letter_id, "tembusan, untuk diketahui")
        info = incoming.get_incoming(s, clerk, letter_id)
    assert result.status == "arsip" and info.status == "arsip"
    assert info.keterangan.endswith("Tidak perlu disposisi: tembusan, untuk diketahui")
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        dispo.record_chain(
            s, clerk, letter_id, [_hop(people["kadis"], date(2026, 11, 16), people["kabid_pdn"])]
        )
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        dispo.no_disposition_needed(s, clerk, letter_id)

    disposed = _register(ctx, clerk, RECEIVED + timedelta(hours=1))
    with ctx.db.transaction() as s:
        dispo.record_chain(
            s, clerk, disposed, [_hop(people["kadis"], date(2026, 11, 16), people["kabid_pdn"])]
        )
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        dispo.no_disposition_needed(s, clerk, disposed)


def test_pimpinan_reads_but_may_not_write(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk, keamanan=Keamanan.R)
    with ctx.db.transaction() as s:
        made = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [
                _hop(
                    people["kadis"], date(2026, 11, 16), people["kabid_pdn"], catatan="Tindak lanjuti segera."
                )
            ],
        )
    assert (
        made.masked and made.perihal == incoming.SECRET_MASK and made.hops[0].catatan == incoming.SECRET_MASK
    )
    pimpinan = _actor(ctx, "kadis")
    hop = made.hops[0]
    attempts = [
        lambda s: dispo.record_chain(
            s, pimpinan, letter_id, [_hop(people["kadis"], date(2026, 11, 16), STAF)]
        ),
        lambda s: dispo.update_recipient(s, pimpinan, hop.recipients[0].id, "dibaca"),
        lambda s: dispo.cancel_hop(s, pimpinan, hop.id),
        lambda s: dispo.no_disposition_needed(s, pimpinan, letter_id),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied), ctx.db.transaction() as s:
            attempt(s)
    views_before = _audits(ctx, "lihat")
    with ctx.db.transaction() as s:
        seen = dispo.chain(s, pimpinan, letter_id)
        assert dispo.counts(s, pimpinan, date(2026, 11, 20)).open == 1
    assert not seen.masked and seen.hops[0].catatan == "Tindak lanjuti segera."
    assert _audits(ctx, "lihat") == views_before + 1  # R10: every view of a secret letter is logged


def test_a_bad_hop_leaves_nothing_half_recorded(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    letter_id = _register(ctx, clerk)
    hops = _sop_chain(people)
    bad = [*hops[:2], HopInput(**{**hops[2].__dict__, "tanggal": date(2026, 11, 15)})]
    with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
        dispo.record_chain(s, clerk, letter_id, bad)
    assert exc.value.field == "hop2.tanggal" and "Disposisi ke-3" in str(exc.value)
    with ctx.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Disposition)) == 0
        assert s.scalar(select(func.count()).select_from(DispositionRecipient)) == 0
        assert incoming.get_incoming(s, clerk, letter_id).status == "dicetak"
    assert _audits(ctx, "disposisi") == 0

    cases = [
        ([_hop(people["kadis"], date(2026, 11, 16))], "hop0.recipients"),
        ([_hop(people["kadis"], date(2026, 11, 16), RecipientInput(" ", ""))], "hop0.recipients"),
        ([_hop(None, date(2026, 11, 16), STAF)], "hop0.dari"),
        ([_hop(people["kadis"], date(2026, 11, 16), STAF, induk_index=(0, 0))], "hop0.induk"),
        ([_hop(people["kadis"], date(2026, 11, 16), STAF, batas_waktu=date(2026, 11, 13))], "hop0.batas"),
        ([_hop(people["kadis"], clock.today("WITA") + timedelta(days=3), STAF)], "hop0.tanggal"),
        (
            [_hop(people["kadis"], date(2026, 11, 16), RecipientInput("Andi", "Staf", "12345"))],
            "hop0.recipients0.nip",
        ),
        ([], "hops"),
    ]
    for given, field in cases:
        with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
            dispo.record_chain(s, clerk, letter_id, given)
        assert exc.value.field == field, given
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, clerk, letter_id, "dobel")
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        dispo.record_chain(s, clerk, letter_id, hops)


def test_officials_join_units_and_signatories_once(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        found = dispo.officials(s, clerk)
    labels = [o.label for o in found]
    assert labels[0] == "Kepala Dinas (Dr. Ir. Hj. Fulanah Rahmawati, M.Si.)"
    assert len(labels) == len(set(labels))
    sekretaris = next(o for o in found if o.jabatan == "Sekretaris")
    assert (sekretaris.nama, sekretaris.nip) == ("Ahmad Fauzi, S.E., M.M.", "197605122002121003")
    assert sekretaris.unit_id is not None
    assert [o.jabatan for o in found].count("Kepala Sub Bagian Umum") == 1
    assert "Kepala Bidang Koperasi dan UKM" in [o.jabatan for o in found]


_Leaf = tuple[dispo.LetterChain, dispo.HopNode, dispo.RecipientNode, date | None]


def _open_leaves_by_chain(
    ctx: AppContext, actor: Actor
) -> tuple[list[_Leaf], list[dispo.LetterChain], dict[int, date | None]]:
    """The slow reading that is plainly right: every letter's chain walked from its first hops down, each hop
    bound by its own batas waktu or else by the one of the hop it continues from.

    Returns the unfinished leaves of the open letters with their deadline, the chains, and the deadline per hop.
    """
    with ctx.db.transaction() as s:
        ids = s.scalars(select(IncomingLetter.id).order_by(IncomingLetter.id)).all()
        chains = [dispo.chain(s, actor, i) for i in ids]
    leaves: list[_Leaf] = []
    deadlines: dict[int, date | None] = {}

    def walk(c: dispo.LetterChain, hop: dispo.HopNode, above: date | None) -> None:
        batas = hop.batas_waktu if hop.batas_waktu is not None else above
        deadlines[hop.id] = batas
        for r in hop.recipients:
            for further in r.hops:
                walk(c, further, batas)
            if not c.closed and hop.aktif and r.is_leaf and r.status is not RecipientStatus.SELESAI:
                leaves.append((c, hop, r, batas))

    for c in chains:
        for hop in c.hops:
            walk(c, hop, None)
    return leaves, chains, deadlines


def _late_on(leaves: list[_Leaf], today: date) -> list[dispo.OverdueItem]:
    late = [
        dispo.OverdueItem(
            letter_id=c.letter_id,
            agenda=c.agenda,
            asal_surat=c.asal_surat,
            perihal=c.perihal,
            masked=c.masked,
            hop_id=hop.id,
            dari=hop.dari_label,
            recipient_id=r.id,
            penerima=r.label,
            status=r.status,
            batas_waktu=batas,
            days_late=(today - batas).days,
        )
        for c, hop, r, batas in leaves
        if batas is not None and batas < today
    ]
    return sorted(late, key=lambda i: (-i.days_late, i.agenda, i.recipient_id))


def test_overdue_and_counts_agree_with_every_chain_read_whole(
    ctx: AppContext, clerk: Actor, people: dict[str, RecipientInput]
) -> None:
    """The dashboard and the Disposisi Terlambat list, found by the database, say what reading each letter's
    chain says, on every day around the deadlines of chains of every shape."""
    kadis, sekretaris = people["kadis"], people["sekretaris"]
    kabid_pdn, kabid_ind = people["kabid_pdn"], people["kabid_ind"]
    with ctx.db.transaction() as s:  # a provincial holiday on Monday 23 November
        calendar.save_holiday(
            s,
            _actor(ctx, "admin"),
            Holiday(date(2026, 11, 23), HolidayKind.LIBUR_LOKAL, "Hari Jadi Provinsi"),
        )
    minute = iter(range(60))

    def letter(hops: list[HopInput], received: datetime = RECEIVED, **kw: object) -> dispo.LetterChain:
        letter_id = _register(ctx, clerk, received + timedelta(minutes=next(minute)), **kw)
        with ctx.db.transaction() as s:
            return dispo.record_chain(s, clerk, letter_id, hops)

    def update(rid: int, status: str, **kw: object) -> None:
        with ctx.db.transaction() as s:
            dispo.update_recipient(s, clerk, rid, status, **kw)  # type: ignore[arg-type]

    day = date(2026, 11, 16)
    # Finished before its deadline: never late.
    done = letter([_hop(kadis, day, kabid_pdn, batas_waktu=date(2026, 11, 17))])
    update(done.hops[0].recipients[0].id, "selesai", tanggal_selesai=date(2026, 11, 17))
    # Open with no deadline anywhere in the chain: open for good, never late.
    loose = letter([_hop(kadis, day, sekretaris), _hop(None, day, STAF, induk_index=(0, 0))])
    update(loose.hops[0].recipients[0].hops[0].recipients[0].id, "dibaca")
    # The staff member two hops down is bound by the Sekretaris's date (19 Nov), which had passed before the
    # Kabid handed the letter on (25 Nov).
    letter(
        [
            _hop(sekretaris, day, kadis, batas_waktu=date(2026, 11, 19)),
            _hop(None, date(2026, 11, 17), kabid_ind, induk_index=(0, 0)),
            _hop(None, date(2026, 11, 25), STAF, induk_index=(1, 0)),
        ]
    )
    # A nearer date of its own wins over the one above (19 Nov against 26 Nov) ...
    letter(
        [
            _hop(kadis, day, kabid_pdn, kabid_ind, batas_waktu=date(2026, 11, 26)),
            _hop(None, date(2026, 11, 17), STAF, batas_waktu=date(2026, 11, 19), induk_index=(0, 0)),
        ]
    )
    # ... and so does a later one (27 Nov), though the date above it (17 Nov) has long passed.
    letter(
        [
            _hop(kadis, day, kabid_pdn, batas_waktu=date(2026, 11, 17)),
            _hop(None, date(2026, 11, 17), STAF, batas_waktu=date(2026, 11, 27), induk_index=(0, 0)),
        ]
    )
    # Two working days from Friday 20 Nov: past the weekend and the holiday to Wednesday 25 Nov; the staff
    # member the Kabid passes it to on Tuesday inherits that.
    friday = datetime(2026, 11, 20, 8, 0, tzinfo=WITA)
    working = letter(
        [
            _hop(kadis, date(2026, 11, 20), kabid_pdn, batas_hari_kerja_count=2),
            _hop(None, date(2026, 11, 24), STAF, induk_index=(0, 0)),
        ],
        friday,
    )
    assert working.hops[0].batas_waktu == date(2026, 11, 25)
    # A hop cancelled: the Kabid it was passed on from is the one the letter waits on again (18 Nov) ...
    cancelled = letter(
        [
            _hop(kadis, day, kabid_ind, batas_waktu=date(2026, 11, 18)),
            _hop(None, date(2026, 11, 17), STAF, batas_waktu=date(2026, 11, 30), induk_index=(0, 0)),
        ]
    )
    # ... and a letter whose only hop, already late, was cancelled waits for its disposition again.
    undone = letter([_hop(kadis, day, sekretaris, batas_waktu=date(2026, 11, 17))])
    with ctx.db.transaction() as s:
        dispo.cancel_hop(s, clerk, cancelled.hops[0].recipients[0].hops[0].id)
        dispo.cancel_hop(s, clerk, undone.hops[0].id)
    # A cancelled letter is left out, late hops and all.
    batal = letter([_hop(kadis, day, kabid_pdn, batas_waktu=date(2026, 11, 17))])
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, clerk, batal.letter_id, "dobel")
    # Secret (masked for the clerk); one of two recipients done; a follow-up reopened; one still waiting.
    letter([_hop(kadis, day, sekretaris, batas_waktu=date(2026, 11, 18))], keamanan=Keamanan.R)
    pair = letter([_hop(kadis, day, kabid_pdn, kabid_ind, batas_waktu=date(2026, 11, 19))])
    update(pair.hops[0].recipients[0].id, "selesai", tanggal_selesai=date(2026, 11, 18))
    update(pair.hops[0].recipients[1].id, "diproses")
    reopened = letter([_hop(kadis, day, kabid_ind, batas_waktu=date(2026, 11, 18))])
    update(reopened.hops[0].recipients[0].id, "selesai", tanggal_selesai=date(2026, 11, 17))
    update(reopened.hops[0].recipients[0].id, "diproses")
    _register(ctx, clerk, RECEIVED + timedelta(minutes=next(minute)))

    for actor in (clerk, _actor(ctx, "kadis")):
        leaves, chains, deadlines = _open_leaves_by_chain(ctx, actor)
        waiting = sum(c.status in ("baru", "dicetak") for c in chains)
        assert waiting == 2 and len(leaves) == 10
        for today in (date(2026, 11, 14) + timedelta(days=n) for n in range(20)):
            expected = _late_on(leaves, today)
            with ctx.db.transaction() as s:
                assert dispo.overdue(s, actor, today) == expected, today
                assert dispo.counts(s, actor, today) == dispo.DispositionCounts(
                    belum_didisposisi=waiting, overdue=len(expected), open=len(leaves)
                ), today
        # The follow-up report reads the same deadlines.
        with ctx.db.transaction() as s:
            entries = dispo.follow_ups(s, actor, date(2026, 11, 1), date(2026, 11, 30))
        assert entries and all(e.batas_waktu == deadlines[e.hop_id] for e in entries)

    # Spot checks of the reading itself, on 26 November.
    with ctx.db.transaction() as s:
        late = dispo.overdue(s, clerk, date(2026, 11, 26))
    assert sorted((i.batas_waktu, i.penerima.split(" (")[0]) for i in late) == [
        (date(2026, 11, 18), "Kepala Bidang Perindustrian"),  # back to the Kabid once the hop was cancelled
        (date(2026, 11, 18), "Kepala Bidang Perindustrian"),  # the follow-up reopened
        (date(2026, 11, 18), "Sekretaris"),  # the secret letter
        (date(2026, 11, 19), "Analis Perdagangan"),  # two hops below the Sekretaris's date
        (date(2026, 11, 19), "Analis Perdagangan"),  # a nearer date of its own
        (date(2026, 11, 19), "Kepala Bidang Perindustrian"),  # the one of the pair not done
        (date(2026, 11, 25), "Analis Perdagangan"),  # the working-day deadline, inherited
    ]
    assert sum(i.masked for i in late) == 1
