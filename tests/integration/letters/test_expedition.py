"""Buku ekspedisi: letters handed to a caraka, the printed page, receipts recorded later."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.letters import OutgoingLetter
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import expedition, outgoing
from desktop.services.system import AppContext


@pytest.fixture
def clerk_and_letters(ctx: AppContext) -> tuple[Actor, list[int]]:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        clerk = auth.actor_for(s.scalar(select(User).where(User.username == "surat")))
        series_id = outgoing.ensure_default_series(s)  # created at first start
        ids = []
        for urut, (tujuan, status) in enumerate(
            [
                ("Sekretariat Daerah Provinsi Kalimantan Timur", "ditandatangani"),
                ("Bank Indonesia Perwakilan Kaltim", "ditandatangani"),
                ("Dinas Koperasi Kota Samarinda", "dipesan"),
                ("BPKAD Provinsi Kalimantan Timur", "ditandatangani"),
            ],
            start=57,
        ):
            letter = OutgoingLetter(
                seri_id=series_id,
                tahun=2026,
                urut=urut,
                sisipan=0,
                nomor_surat=f"000.1.5/{urut}/SEK.UM/2026",
                kka="000.1.5",
                unit="SEK.UM",
                tanggal_surat=date(2026, 11, 18),
                tujuan=tujuan,
                perihal=f"Undangan rapat koordinasi nomor {urut}",
                status=status,
            )
            s.add(letter)
            s.flush()
            ids.append(letter.id)
    return clerk, ids


def test_hand_over_print_and_record_receipts(ctx: AppContext, clerk_and_letters) -> None:  # type: ignore[no-untyped-def]
    clerk, ids = clerk_and_letters
    with ctx.db.transaction() as s:
        ready = expedition.candidates(s, clerk)
    assert [c.id for c in ready] == [ids[0], ids[1], ids[3]]  # the reserved (unsigned) number is not ready
    with ctx.db.transaction() as s:
        page = expedition.create(s, clerk, date(2026, 11, 20), "Pak Rahmat", [ids[0], ids[1]])
    assert [i.nomor_surat for i in page.items] == ["000.1.5/57/SEK.UM/2026", "000.1.5/58/SEK.UM/2026"]
    with ctx.db.transaction() as s:
        assert [c.id for c in expedition.candidates(s, clerk)] == [ids[3]]
        sent = s.get(OutgoingLetter, ids[0])
        assert sent is not None and sent.status == "dikirim" and sent.tanggal_kirim == date(2026, 11, 20)
        pdf = expedition.sheet_pdf(s, clerk, page.id)
    words = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for expected in (
        "BUKU EKSPEDISI",
        "Pak Rahmat",
        "000.1.5/57/SEK.UM/2026",
        "Nama Penerima",
        "Tanda Tangan / Cap",
        "Bank Indonesia Perwakilan Kaltim",
        "Siti Nurhaliza",
    ):
        assert expected in words, expected
    with ctx.db.transaction() as s:
        expedition.record_receipt(s, clerk, page.items[0].id, "Andi (TU Setda)", date(2026, 11, 20))
        with pytest.raises(ValidationError):
            expedition.record_receipt(
                s, clerk, page.items[1].id, "Budi", date(2026, 11, 19)
            )  # before it was sent
    with ctx.db.transaction() as s:
        again = expedition.get(s, clerk, page.id)
        assert again.received == 1 and again.items[0].nama_penerima == "Andi (TU Setda)"
        assert [p.id for p in expedition.list_pages(s, clerk, 2026)] == [page.id]


def test_unsigned_or_already_sent_letters_are_refused(ctx: AppContext, clerk_and_letters) -> None:  # type: ignore[no-untyped-def]
    clerk, ids = clerk_and_letters
    with pytest.raises(ValidationError, match="belum ditandatangani"), ctx.db.transaction() as s:
        expedition.create(s, clerk, date(2026, 11, 20), "Pak Rahmat", [ids[2]])
    with ctx.db.transaction() as s:
        expedition.create(s, clerk, date(2026, 11, 20), "Pak Rahmat", [ids[0]])
    with pytest.raises(ValidationError), ctx.db.transaction() as s:
        expedition.create(s, clerk, date(2026, 11, 21), "Bu Sari", [ids[0], ids[1]])
    with ctx.db.transaction() as s:
        # Nothing of the refused page was kept: letter 58 is still waiting for a caraka.
        assert ids[1] in [c.id for c in expedition.candidates(s, clerk)]
