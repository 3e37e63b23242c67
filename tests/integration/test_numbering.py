"""Document numbers of other modules from the letters' number series (assets.md R28), on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.letters import OutgoingLetter
from desktop.services.common import auth, numbering
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.letters import outgoing
from desktop.services.system import AppContext

TODAY = date(2026, 3, 2)
PERIHAL = "Berita Acara Serah Terima Barang Milik Daerah"


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture
def series_id(ctx: AppContext) -> int:
    """The default series with the unit code of the worked example (office, signatories, one account per role)."""
    sample_office.fill(ctx, letter_count=0)
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        seri_id = numbering.ensure_default_series(s)
        current = next(x for x in outgoing.list_series(s) if x.id == seri_id)
        outgoing.save_series(
            s, admin, outgoing.SeriesData(current.nama, current.template, "SEK.UM", id=seri_id)
        )
    return seri_id


def _take(ctx: AppContext, actor: Actor, tujuan: str = "Rina Kartika", **kw: object) -> numbering.NumberTaken:
    args: dict[str, object] = {"seri_nama": None, "kka": "000.2.3.2", "tanggal": TODAY, "tujuan": tujuan}
    args.update(kw)
    with ctx.db.transaction() as s:
        return numbering.take_document_number(s, actor, perihal=PERIHAL, **args)  # type: ignore[arg-type]


def test_the_letters_module_keeps_its_names_for_the_shared_pieces() -> None:
    assert outgoing.counter_series is numbering.counter_series
    assert outgoing.ensure_default_series is numbering.ensure_default_series
    assert numbering.counter_series(7) == "surat_keluar:7"


def test_document_numbers_are_consecutive_and_share_the_counter_with_letters(
    ctx: AppContext, series_id: int
) -> None:
    barang = _actor(ctx, "barang")
    assert not barang.can(Perm.WRITE_LETTERS)  # the pengurus barang numbers a BAST without the letters' right
    first = _take(ctx, barang, "Rina Kartika")
    second = _take(ctx, barang, "Andi Pratama")
    assert (first.nomor, second.nomor) == ("000.2.3.2/1/SEK.UM/2026", "000.2.3.2/2/SEK.UM/2026")
    assert first.seri_nama == second.seri_nama == outgoing.DEFAULT_SERIES_NAME
    letter = outgoing.OutgoingInput(
        tanggal_surat=TODAY, tujuan="Kepala BPKAD", perihal="Laporan Barang", kode_klasifikasi="000.2.3"
    )
    with ctx.db.transaction() as s:
        issued = outgoing.issue_number(s, _actor(ctx, "surat"), letter, today=TODAY)
    assert issued.urut == 3
    third = _take(ctx, barang, "Andi Pratama")
    assert third.nomor == "000.2.3.2/4/SEK.UM/2026"  # the gap 3 is the letter's
    clerk = _actor(ctx, "surat")
    with ctx.db.transaction() as s:
        rows, total = outgoing.list_outgoing(s, clerk, tahun=2026)
    assert total == 4
    by_urut = {r.urut: r for r in rows}
    assert by_urut[3].perihal == "Laporan Barang"
    bast = by_urut[1]
    assert (bast.id, bast.nomor_surat, bast.tujuan, bast.perihal) == (
        first.surat_keluar_id, first.nomor, "Rina Kartika", PERIHAL
    )  # fmt: skip
    assert (bast.kode_klasifikasi, bast.status, bast.seri_id) == ("000.2.3.2", "ditandatangani", series_id)
    with ctx.db.transaction() as s:
        summaries = s.scalars(
            select(AuditEntry.summary).where(
                AuditEntry.entity == "surat_keluar", AuditEntry.entity_id == str(first.surat_keluar_id)
            )
        ).all()
    assert any(first.nomor in x and PERIHAL in x for x in summaries)


def test_a_named_series_and_a_rolled_back_caller(ctx: AppContext, series_id: int) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        other = outgoing.save_series(s, admin, outgoing.SeriesData("Seri BMD", "{kka}/{urut}/BMD/{tahun}"))
    barang = _actor(ctx, "barang")
    with pytest.raises(RuntimeError), ctx.db.transaction() as s:
        numbering.take_document_number(
            s, barang, seri_nama="Seri BMD", kka="000.2.3.2", tanggal=TODAY, tujuan="X", perihal=PERIHAL
        )
        raise RuntimeError("the BAST failed to print")
    # The caller's transaction rolled back: no agenda line, and the number is handed out again.
    assert _take(ctx, barang, seri_nama="  Seri BMD ").nomor == "000.2.3.2/1/BMD/2026"
    assert _take(ctx, barang).nomor == "000.2.3.2/1/SEK.UM/2026"  # the default series has its own counter
    with ctx.db.transaction() as s:
        assert (
            s.scalar(select(OutgoingLetter.seri_id).where(OutgoingLetter.nomor_surat.like("%BMD%")))
            == other.id
        )


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"seri_nama": "Tidak Ada"}, "seri"),
        ({"kka": ""}, "kka"),
        ({"kka": "BMD"}, "kka"),
        ({"tujuan": "  "}, "tujuan"),
    ],
)
def test_what_cannot_be_numbered_is_refused_without_taking_a_number(
    ctx: AppContext, series_id: int, kw: dict[str, object], field: str
) -> None:
    barang = _actor(ctx, "barang")
    with pytest.raises(ValidationError) as err:
        _take(ctx, barang, **kw)
    assert err.value.field == field
    assert _take(ctx, barang).nomor == "000.2.3.2/1/SEK.UM/2026"


def test_an_inactive_series_is_refused(ctx: AppContext, series_id: int) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        outgoing.save_series(s, admin, outgoing.SeriesData("Seri Lama", "{kka}/{urut}/{tahun}", aktif=False))
    with pytest.raises(ValidationError, match="tidak aktif"):
        _take(ctx, _actor(ctx, "barang"), seri_nama="Seri Lama")


def test_series_names_lists_the_active_series_for_a_modules_setting(ctx: AppContext, series_id: int) -> None:
    admin = _actor(ctx, "admin")
    with ctx.db.transaction() as s:
        outgoing.save_series(
            s, admin, outgoing.SeriesData("Berita Acara Barang", "{kka}/{urut}/{unit}/{tahun}")
        )
        outgoing.save_series(s, admin, outgoing.SeriesData("Seri Lama", "{urut}/{tahun}", aktif=False))
    with ctx.db.transaction() as s:
        names = numbering.series_names(s)
        default = next(x.nama for x in outgoing.list_series(s) if x.id == series_id)
    assert names == [default, "Berita Acara Barang"]  # in the order they were made; inactive ones left out
