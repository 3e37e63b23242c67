"""`sekretariat demo`: a year of incoming letters with disposition chains and follow-up, and outgoing letters."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select

from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.letters import Disposition, DispositionRecipient
from desktop.services import dashboard
from desktop.services.common import auth, office
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing
from desktop.services.letters.dispositions import LetterChain, RecipientStatus
from desktop.services.system import AppContext

COUNT = 120


def _clerk(ctx: AppContext) -> Actor:
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "surat"))
        assert user is not None
        return auth.actor_for(user)


def _today() -> date:
    return clock.today("WITA")  # the demo office is in Samarinda


def _chains(ctx: AppContext, clerk: Actor) -> list[LetterChain]:
    with ctx.db.transaction() as s:
        rows, total = incoming.list_incoming(s, clerk, limit=1000)
        assert total == len(rows)
        return [dispo.chain(s, clerk, r.id) for r in rows]


def _outgoing(ctx: AppContext, clerk: Actor) -> list[outgoing.OutgoingInfo]:
    with ctx.db.transaction() as s:
        rows, total = outgoing.list_outgoing(s, clerk, limit=1000)
    assert total == len(rows)
    return rows


def _totals(ctx: AppContext) -> tuple[int, ...]:
    """Incoming and outgoing letters, hops, recipients and audit entries (listing letters audits nothing)."""
    clerk = _clerk(ctx)
    with ctx.db.transaction() as s:
        return (
            incoming.list_incoming(s, clerk, limit=1)[1],
            outgoing.list_outgoing(s, clerk, limit=1)[1],
            *(
                int(s.scalar(select(func.count()).select_from(model)) or 0)
                for model in (Disposition, DispositionRecipient, AuditEntry)
            ),
        )


def test_a_demo_year_has_followed_up_dispositions_and_numbered_outgoing_letters(ctx: AppContext) -> None:
    # A smaller year than the 400 letters of `sekretariat demo`; no goods: their BASTs take numbers of the same
    # series (R28) and would be counted here as outgoing letters.
    year = sample_office.fill(ctx, letter_count=COUNT, asset_count=0)
    clerk = _clerk(ctx)
    _check_incoming(ctx, clerk, year, _today())
    _check_outgoing(ctx, clerk, year, _today())


def _check_incoming(ctx: AppContext, clerk: Actor, year: str, today: date) -> None:
    """Most letters disposed along the SOP chain and followed up; a handful overdue."""
    chains = _chains(ctx, clerk)
    assert len(chains) == COUNT
    assert f"{COUNT} surat masuk contoh" in year
    assert "surat masuk didisposisikan" in year
    with ctx.db.transaction() as s:
        ticks = set(incoming.list_instructions(s))

    disposed = [c for c in chains if c.hops]
    assert len(disposed) > COUNT * 0.7  # most letters older than a few days
    for c in chains:
        if c.status == "arsip":  # tanpa disposisi
            assert not c.hops
        if c.tanggal_diterima > today - timedelta(days=3):
            assert not c.hops, "a letter received in the last days has no returned slip yet"
    for c in disposed:
        assert [h.dari_jabatan for h in c.hops] == ["Kepala Dinas"]
        assert set(c.hops[0].instruksi) <= ticks and c.hops[0].instruksi
        for hop in c.walk():
            assert c.tanggal_diterima <= hop.tanggal <= today
            for r in hop.recipients:
                assert r.nama or r.jabatan
                for child in r.hops:
                    assert child.tanggal >= hop.tanggal
                    assert (child.dari_nama, child.dari_jabatan) == (r.nama, r.jabatan)

    # Chains of two and three hops: Kepala Dinas → Kabid/Sekretaris → Kasi/Kasubbag → staf.
    depth = {c.letter_id: max(_depth(h) for h in c.hops) for c in disposed}
    assert sum(d >= 2 for d in depth.values()) >= 10
    assert any(d >= 3 for d in depth.values())
    hops = [h for c in disposed for h in c.walk()]
    assert any(h.batas_waktu and h.batas_hari_kerja for h in hops)
    assert any(h.batas_waktu and not h.batas_hari_kerja for h in hops)

    done = [c for c in disposed if c.status == "selesai"]
    assert len(done) > len(disposed) / 2
    for c in done:
        leaves = [r for r in c.recipients() if r.is_leaf]
        assert all(r.status is RecipientStatus.SELESAI and r.hasil and r.tanggal_selesai for r in leaves)
        assert c.tanggal_selesai == max(r.tanggal_selesai for r in leaves if r.tanggal_selesai)
        assert c.tanggal_selesai <= today

    # Some follow-ups are answered by a letter in the agenda keluar that points back at the incoming letter.
    answered = {r.balasan_keluar_id: c.letter_id for c in done for r in c.recipients() if r.balasan_keluar_id}
    assert answered
    replies = {o.id: o for o in _outgoing(ctx, clerk)}
    for out_id, letter_id in answered.items():
        assert replies[out_id].balasan_atas_id == letter_id

    # A handful are overdue, so the overdue list and the dashboard have something to show.
    with ctx.db.transaction() as s:
        late = dispo.overdue(s, clerk, today)
        board = dashboard.letters_summary(s, clerk, today, "WITA")
    assert 1 <= len(late) <= 10
    assert all(i.days_late > 0 and i.status is not RecipientStatus.SELESAI for i in late)
    assert board.disposisi_terlambat == len(late)
    assert board.disposisi_terbuka >= len(late)
    assert all(m.masuk and m.keluar for m in board.per_bulan[:-1])  # the chart has a full year


def _depth(hop: dispo.HopNode) -> int:
    return 1 + max((_depth(h) for r in hop.recipients for h in r.hops), default=0)


def _check_outgoing(ctx: AppContext, clerk: Actor, year: str, today: date) -> None:
    """Numbered from the default series in date order; most sent, some replies, one or two batal."""
    rows = _outgoing(ctx, clerk)
    assert len(rows) == round(COUNT * 150 / 400)
    assert f"{len(rows)} surat keluar contoh" in year
    assert len({r.nomor_surat for r in rows}) == len(rows)
    with ctx.db.transaction() as s:
        signers = {f"{x.jabatan} — {x.nama}" for x in office.list_signatories(s)}

    regular: dict[int, list[outgoing.OutgoingInfo]] = defaultdict(list)
    for r in rows:
        # The default pattern {kka}/{urut}/{unit}/{tahun} with the office's unit code.
        assert r.nomor_surat == f"{r.kode_klasifikasi}/{r.urut_text}/DP2KUKM/{r.tahun}"
        assert re.fullmatch(r"\d{3}(\.\d+)*/\d+(\.\d\d)?/DP2KUKM/\d{4}", r.nomor_surat)
        assert r.tahun == r.tanggal_surat.year
        assert today - timedelta(days=366) <= r.tanggal_surat <= today
        assert r.tujuan and r.perihal and r.pengolah
        assert r.penandatangan in signers
        if not r.is_inserted:
            regular[r.tahun].append(r)
    for numbers in regular.values():
        numbers.sort(key=lambda r: r.urut)
        assert [r.urut for r in numbers] == list(range(1, len(numbers) + 1))  # no gaps: batal stays
        dates = [r.tanggal_surat for r in numbers]
        assert dates == sorted(dates)

    by_status: dict[str, list[outgoing.OutgoingInfo]] = defaultdict(list)
    for r in rows:
        by_status[r.status].append(r)
    assert len(by_status["dikirim"]) > len(rows) / 2
    assert by_status["ditandatangani"]
    assert all(r.tanggal_kirim and r.tanggal_surat <= r.tanggal_kirim <= today for r in by_status["dikirim"])
    assert 1 <= len(by_status["batal"]) <= 2
    assert all(r.batal_alasan for r in by_status["batal"])
    assert any(r.balasan_atas_id for r in rows)


def test_the_demo_adds_letters_once(ctx: AppContext) -> None:
    empty = sample_office.fill(ctx, letter_count=0)  # what the other tests start from
    assert "surat masuk" not in empty and "surat keluar" not in empty
    assert _totals(ctx)[:4] == (0, 0, 0, 0)

    first = sample_office.fill(ctx, letter_count=20, asset_count=0)  # no BASTs numbered in the series
    assert "20 surat masuk contoh" in first and "Akun" not in first
    added = _totals(ctx)
    assert added[:2] == (20, 8) and added[2] > 0

    again = sample_office.fill(ctx, letter_count=20, asset_count=0)
    assert "surat masuk" not in again and "surat keluar" not in again
    assert _totals(ctx) == added
