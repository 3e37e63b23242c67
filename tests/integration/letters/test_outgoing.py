"""Agenda surat keluar through the services: outgoing numbers (letters.md B7), batal, sisipan, reservation."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date

import pytest
from sqlalchemy import select, text

from desktop.core.letters.rules import Keamanan
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.services.common import auth, office
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import outgoing
from desktop.services.system import AppContext
from tests.support.outgoing_workers import issue_numbers

TODAY = date(2026, 11, 22)


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(
        ctx, letter_count=0
    )  # office profile (kode unit DP2KUKM), signatories, one account per role
    return _actor(ctx, "surat")


@pytest.fixture
def series_id(ctx: AppContext, clerk: Actor) -> int:
    """The default series with the unit code of the worked example."""
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        seri_id = outgoing.ensure_default_series(s)
        current = next(x for x in outgoing.list_series(s) if x.id == seri_id)
        outgoing.save_series(
            s, admin, outgoing.SeriesData(current.nama, current.template, "SEK.UM", id=seri_id)
        )
    return seri_id


def _set_counter(ctx: AppContext, seri_id: int, year: int, last: int) -> None:
    with ctx.db.transaction() as s:
        s.execute(
            text("INSERT INTO counter (series, period, last_value) VALUES (:s, :p, :v)"),
            {"s": outgoing.counter_series(seri_id), "p": str(year), "v": last},
        )


def _signer(ctx: AppContext, jabatan: str) -> int:
    with ctx.db.transaction() as s:
        found = next(x.id for x in office.list_signatories(s) if x.jabatan == jabatan)
    assert found is not None
    return found


def _letter(tanggal: date, kode: str = "800.1.11.1", **kw: object) -> outgoing.OutgoingInput:
    base: dict[str, object] = {
        "tanggal_surat": tanggal,
        "tujuan": "Kepala Dinas Perdagangan Kota Samarinda",
        "perihal": "Surat Tugas Monitoring Harga Bahan Pokok",
        "kode_klasifikasi": kode,
    }
    base.update(kw)
    return outgoing.OutgoingInput(**base)  # type: ignore[arg-type]


def _issue(ctx: AppContext, actor: Actor, data: outgoing.OutgoingInput) -> outgoing.OutgoingInfo:
    with ctx.db.transaction() as s:
        return outgoing.issue_number(s, actor, data, today=TODAY)


def _insert(ctx: AppContext, actor: Actor, data: outgoing.OutgoingInput) -> outgoing.OutgoingInfo:
    with ctx.db.transaction() as s:
        return outgoing.insert_number(s, actor, data, today=TODAY)


def _book(ctx: AppContext, actor: Actor, **kw: object) -> list[outgoing.OutgoingInfo]:
    with ctx.db.transaction() as s:
        rows, total = outgoing.list_outgoing(s, actor, **kw)  # type: ignore[arg-type]
    assert total == len(rows)
    return rows


def test_worked_example_57_and_58_with_different_codes(ctx: AppContext, clerk: Actor, series_id: int) -> None:
    _set_counter(ctx, series_id, 2026, 56)  # 56 letters went out in 2026 before these
    first = _issue(
        ctx, clerk, _letter(date(2026, 3, 10), "800.1.11.1", signatory_id=_signer(ctx, "Kepala Dinas"))
    )
    second = _issue(
        ctx, clerk, _letter(date(2026, 3, 10), "000.1.5", perihal="Undangan Rapat Pimpinan Bulanan")
    )
    assert first.nomor_surat == "800.1.11.1/57/SEK.UM/2026"
    assert second.nomor_surat == "000.1.5/58/SEK.UM/2026"
    # R23: the parts are kept beside the rendered text.
    assert (first.kka, first.urut, first.sisipan, first.unit, first.tahun) == (
        "800.1.11.1",
        57,
        0,
        "SEK.UM",
        2026,
    )
    assert first.status == "ditandatangani" and first.status_label == "Ditandatangani"  # R22: after signature
    assert first.penandatangan.startswith("Kepala Dinas — ")
    assert first.seri_nama == outgoing.DEFAULT_SERIES_NAME
    with ctx.db.transaction() as s:
        assert outgoing.last_number_text(s, clerk, series_id, 2026) == "58"
        assert outgoing.last_number_text(s, clerk, series_id, 2027) == "—"
        last = outgoing.last_issued(s, clerk, series_id, 2026)
        assert last is not None and last.id == second.id
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "surat_keluar")).all()
    assert [e.entity_id for e in entries] == [str(first.id), str(second.id)]
    assert "800.1.11.1/57/SEK.UM/2026" in entries[0].summary
    assert [r.nomor_surat for r in _book(ctx, clerk, tahun=2026)] == [second.nomor_surat, first.nomor_surat]


def test_numbers_restart_at_one_each_year_and_follow_the_date_of_the_letter(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    dec = _issue(ctx, clerk, _letter(date(2025, 12, 30)))
    jan = _issue(ctx, clerk, _letter(date(2026, 1, 2)))
    late = _issue(ctx, clerk, _letter(date(2025, 12, 31)))  # keyed in January, dated December (R3)
    assert [dec.nomor_surat, jan.nomor_surat, late.nomor_surat] == [
        "800.1.11.1/1/SEK.UM/2025",
        "800.1.11.1/1/SEK.UM/2026",
        "800.1.11.1/2/SEK.UM/2025",
    ]
    assert [r.urut for r in _book(ctx, clerk, tahun=2025)] == [2, 1]
    assert [r.tahun for r in _book(ctx, clerk)] == [2026, 2025, 2025]  # newest first


def test_a_cancelled_number_is_listed_as_batal_and_never_reused(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    first = _issue(ctx, clerk, _letter(date(2026, 3, 10), reserve=True))
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError) as err:
            outgoing.cancel(s, clerk, first.id, "   ")
        assert err.value.field == "reason"
        cancelled = outgoing.cancel(s, clerk, first.id, "Konsep tidak jadi ditandatangani")
    assert cancelled.status == "batal" and cancelled.batal_alasan == "Konsep tidak jadi ditandatangani"
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="sudah batal"):
        outgoing.cancel(s, clerk, first.id, "lagi")
    second = _issue(ctx, clerk, _letter(date(2026, 3, 10)))
    assert second.urut == 2
    book = _book(ctx, clerk, tahun=2026)
    assert [(r.urut, r.status_label) for r in book] == [(2, "Ditandatangani"), (1, "Batal")]
    assert book[1].nomor_surat == "800.1.11.1/1/SEK.UM/2026"  # the number stays recorded
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="batal"):
        outgoing.mark_sent(s, clerk, first.id, date(2026, 3, 11), "caraka")


def test_back_dated_letter_gets_an_inserted_number_and_nothing_is_renumbered(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    _set_counter(ctx, series_id, 2026, 56)
    n57 = _issue(ctx, clerk, _letter(date(2026, 3, 10)))
    n58 = _issue(ctx, clerk, _letter(date(2026, 3, 12), "000.1.5"))
    with ctx.db.transaction() as s:
        hint = outgoing.later_number(s, clerk, series_id, date(2026, 3, 11))
        assert hint is not None and hint.urut == 58
        assert outgoing.later_number(s, clerk, series_id, date(2026, 3, 12)) is None

    a = _insert(ctx, clerk, _letter(date(2026, 3, 11), "000.1.5", perihal="Undangan susulan"))
    b = _insert(ctx, clerk, _letter(date(2026, 3, 11), "800.1.11.1", perihal="Surat tugas susulan"))
    assert a.nomor_surat == "000.1.5/57.01/SEK.UM/2026"
    assert (a.urut, a.sisipan, a.urut_text, a.is_inserted) == (57, 1, "57.01", True)
    assert b.nomor_surat == "800.1.11.1/57.02/SEK.UM/2026"
    book = _book(ctx, clerk, tahun=2026)
    assert [r.urut_text for r in book] == ["58", "57.02", "57.01", "57"]
    before = {n57.id: n57.nomor_surat, n58.id: n58.nomor_surat}
    assert {r.id: r.nomor_surat for r in book if r.id in before} == before
    # A sisipan takes nothing from the regular sequence.
    assert _issue(ctx, clerk, _letter(date(2026, 3, 13))).urut == 59

    with ctx.db.transaction() as s:
        # Nothing later than this date: a regular number is already in order.
        with pytest.raises(ValidationError, match="Tidak perlu nomor sisipan") as err:
            outgoing.insert_number(s, clerk, _letter(date(2026, 3, 20)), today=TODAY)
        assert err.value.field == "tanggal_surat"
        # Nothing on or before this date in the year: nothing to insert after.
        with pytest.raises(ValidationError, match="Ambil nomor biasa"):
            outgoing.insert_number(s, clerk, _letter(date(2026, 3, 1)), today=TODAY)


def test_reserve_then_confirm_then_send(ctx: AppContext, clerk: Actor, series_id: int) -> None:
    reserved = _issue(ctx, clerk, _letter(date(2026, 4, 28), reserve=True))
    assert reserved.status == "dipesan" and reserved.status_label == "Dipesan (konsep)"
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="masih dipesan"):
            outgoing.mark_sent(s, clerk, reserved.id, date(2026, 4, 30), "caraka")
        with pytest.raises(ValidationError, match="nomor baru"):
            outgoing.confirm_reserved(s, clerk, reserved.id, date(2027, 1, 4))
    with ctx.db.transaction() as s:
        signed = outgoing.confirm_reserved(
            s, clerk, reserved.id, date(2026, 4, 30), signatory_id=_signer(ctx, "Sekretaris")
        )
    assert signed.status == "ditandatangani" and signed.tanggal_surat == date(2026, 4, 30)
    assert signed.nomor_surat == reserved.nomor_surat  # same number, same year
    assert signed.penandatangan.startswith("Sekretaris — ")
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="tidak berstatus dipesan"):
            outgoing.confirm_reserved(s, clerk, reserved.id)
        with pytest.raises(ValidationError) as err:
            outgoing.mark_sent(s, clerk, reserved.id, date(2026, 4, 29), "caraka")
        assert err.value.field == "tanggal_kirim"
        sent = outgoing.mark_sent(s, clerk, reserved.id, date(2026, 5, 2), "srikandi")
    assert (sent.status, sent.tanggal_kirim, sent.media_label) == ("dikirim", date(2026, 5, 2), "SRIKANDI")


def test_month_tokens_and_a_reservation_redated_at_signing(ctx: AppContext, clerk: Actor) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        seri = outgoing.save_series(
            s, admin, outgoing.SeriesData("Nota Dinas", "{keamanan}/{urut:03d}/{bulan_romawi}/{tahun}")
        )
    assert seri.id is not None and not seri.needs_kka and not seri.needs_unit
    data = _letter(date(2026, 4, 28), kode="", seri_id=seri.id, keamanan=Keamanan.T, reserve=True)
    reserved = _issue(ctx, clerk, data)
    assert reserved.nomor_surat == "T/001/IV/2026"
    with ctx.db.transaction() as s:
        signed = outgoing.confirm_reserved(s, clerk, reserved.id, date(2026, 5, 4))
    assert signed.nomor_surat == "T/001/V/2026"


def test_input_is_checked_before_a_number_is_taken(ctx: AppContext, clerk: Actor, series_id: int) -> None:
    cases = [
        (_letter(date(2026, 3, 10), kode=""), "kode_klasifikasi"),
        (_letter(date(2026, 3, 10), kode="8001"), "kode_klasifikasi"),
        (_letter(date(2026, 3, 10), tujuan=" "), "tujuan"),
        (_letter(date(2026, 3, 10), perihal=""), "perihal"),
        (_letter(date(2062, 3, 10)), "tanggal_surat"),
        (_letter(date(2026, 3, 10), balasan_atas_id=999), "balasan_atas"),
        (_letter(date(2026, 3, 10), signatory_id=999), "signatory_id"),
    ]
    for data, field in cases:
        with ctx.db.transaction() as s, pytest.raises(ValidationError) as err:
            outgoing.issue_number(s, clerk, data, today=TODAY)
        assert err.value.field == field, data
    assert _issue(ctx, clerk, _letter(date(2026, 3, 10), kode="800.1.11.1")).urut == 1  # none were used


def test_a_template_with_a_unit_needs_a_unit_code(ctx: AppContext, clerk: Actor) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        seri = outgoing.save_series(
            s, admin, outgoing.SeriesData("Tanpa unit", "{kka}/{urut}/{unit}/{tahun}")
        )
        profile = office.get_profile(s)
        office.save_profile(s, admin, office.OfficeProfileData(**{**profile.__dict__, "kode_unit": ""}))
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="kode unit belum diatur") as err:
        outgoing.issue_number(s, clerk, _letter(date(2026, 3, 10), seri_id=seri.id), today=TODAY)
    assert err.value.field == "unit"
    info = _issue(ctx, clerk, _letter(date(2026, 3, 10), seri_id=seri.id, unit="SEK.PK"))
    assert info.nomor_surat == "800.1.11.1/1/SEK.PK/2026"


def test_series_are_created_once_and_templates_are_checked(ctx: AppContext, clerk: Actor) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        first = outgoing.ensure_default_series(s)
        assert outgoing.ensure_default_series(s) == first
        [series] = outgoing.list_series(s)
        # Made at the first start, before the office profile exists: an empty unit means "the profile's
        # kode unit", so a later change of the profile reaches the numbers.
        assert (series.nama, series.template, series.kode_unit) == (
            "Surat Keluar",
            "{kka}/{urut}/{unit}/{tahun}",
            "",
        )
        with pytest.raises(ValidationError) as err:
            outgoing.save_series(
                s, admin, outgoing.SeriesData("Surat Keluar Bidang", "{kka}/{nomor}/{tahun}")
            )
        assert err.value.field == "template"
        with pytest.raises(ValidationError, match="sudah ada"):
            outgoing.save_series(s, admin, outgoing.SeriesData("Surat Keluar"))
        with pytest.raises(PermissionDenied):
            outgoing.save_series(s, clerk, outgoing.SeriesData("Seri Klerk"))


def test_secret_perihal_is_masked_and_not_searchable_without_the_permission(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    _issue(ctx, clerk, _letter(date(2026, 3, 10), perihal="Pemeriksaan khusus pegawai", keamanan=Keamanan.R))
    _issue(
        ctx, clerk, _letter(date(2026, 3, 11), perihal="Undangan rapat koordinasi", tujuan="Bank Indonesia")
    )
    book = _book(ctx, clerk, tahun=2026)
    assert book[1].perihal == outgoing.SECRET_MASK and book[1].masked
    assert _book(ctx, clerk, text="pemeriksaan") == []
    kadis = _actor(ctx, "kadis")
    assert [r.perihal for r in _book(ctx, kadis, text="pemeriksaan")] == ["Pemeriksaan khusus pegawai"]
    assert [r.tujuan for r in _book(ctx, clerk, text="bank rapat")] == ["Bank Indonesia"]
    assert [r.urut for r in _book(ctx, clerk, text="2")] == [2]  # a bare number finds that number
    assert [r.urut for r in _book(ctx, clerk, text="800.1")] == [2, 1]  # a code prefix, not number 800.01
    assert _book(ctx, clerk, text="800.1.1") == []
    with ctx.db.transaction() as s:
        assert outgoing.recipient_suggestions(s, clerk, "bank") == ["Bank Indonesia"]


def test_pimpinan_may_look_but_not_take_or_cancel_numbers(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    issued = _issue(ctx, clerk, _letter(date(2026, 3, 10)))
    kadis = _actor(ctx, "kadis")
    with ctx.db.transaction() as s:
        with pytest.raises(PermissionDenied):
            outgoing.issue_number(s, kadis, _letter(date(2026, 3, 10)), today=TODAY)
        with pytest.raises(PermissionDenied):
            outgoing.insert_number(s, kadis, _letter(date(2026, 3, 10)), today=TODAY)
        with pytest.raises(PermissionDenied):
            outgoing.cancel(s, kadis, issued.id, "tidak jadi")
        with pytest.raises(PermissionDenied):
            outgoing.mark_sent(s, kadis, issued.id, date(2026, 3, 11))
    assert [r.id for r in _book(ctx, kadis)] == [issued.id]


def test_two_processes_get_distinct_consecutive_numbers(
    ctx: AppContext, clerk: Actor, series_id: int
) -> None:
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    ctx.db.dispose()
    spawn = mp.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(2) as pool:
        ready = manager.Barrier(2)  # both workstations press "Ambil nomor" at the same moment
        a, b = pool.starmap(issue_numbers, [(url, "surat", 30, ready, "A"), (url, "surat", 30, ready, "B")])
    assert a == sorted(a) and b == sorted(b)
    assert sorted(a + b) == list(range(1, 61))
    book = _book(ctx, clerk, tahun=2026, limit=100)
    assert sorted(r.nomor_surat for r in book) == sorted(f"000.1.5/{n}/SEK.UM/2026" for n in range(1, 61))
