"""Kepegawaian printouts from the register (services/staff/printouts.py): the staff.md B4 KGB example as a
surat pemberitahuan, the nominatif in pangkat order with the list's filters, the DUK without PPPK, and cuti
counted for the rekap and the formulir (R20 carry-over); on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.staff import printouts, records
from desktop.services.staff.printouts import KgbLetter, StaffFilter
from desktop.services.staff.records import CutiEntry, KgbEntry, PegawaiInput, RiwayatKind, StatusPegawai
from desktop.services.system import AppContext


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


def _add(ctx: AppContext, actor: Actor, data: PegawaiInput) -> int:
    with ctx.db.transaction() as s:
        return records.create_pegawai(s, actor, data).value.id


def test_kgb_notice_follows_the_worked_example_from_the_last_sk_kgb(ctx: AppContext, clerk: Actor) -> None:
    pid = _add(
        ctx,
        clerk,
        PegawaiInput(
            nip="197303141998032009",
            nama="Siti Rahmawati",
            gelar_belakang="S.E.",
            tempat_lahir="Balikpapan",
            golongan_ruang="III/d",
            tmt_golongan=date(2018, 4, 1),
            mkg_tahun=15,
            mkg_bulan=1,
            jabatan="Analis Perdagangan Ahli Muda",
        ),
    )
    with ctx.db.transaction() as s:
        records.add_riwayat(
            s,
            clerk,
            pid,
            KgbEntry(
                date(2025, 3, 1),
                "III/d",
                22,
                nomor_sk="800.1.11.13/0456/SEK.UM/2025",
                tanggal_sk=date(2025, 1, 6),
            ),
        )
    with ctx.db.transaction() as s:
        draft = printouts.kgb_draft(s, clerk, pid, date(2027, 1, 4))
        assert (draft.sk_sumber, draft.sk_tmt, draft.gaji_lama) == ("SK KGB", date(2025, 3, 1), 4_436_700)
        assert (draft.tmt, str(draft.mkg_baru), draft.gaji_baru) == (
            date(2027, 3, 1),
            "24 tahun 0 bulan",
            4_576_400,
        )
        assert draft.kgb_berikutnya == date(2029, 3, 1)
        assert draft.sk_nomor == "800.1.11.13/0456/SEK.UM/2025"
        assert draft.sk_pejabat.startswith("Kepala Dinas Perindustrian")
        printout = printouts.kgb_notice_pdf(
            s, clerk, pid, KgbLetter(tanggal=date(2027, 1, 4), nomor="800.1.11.13/0123/SEK.UM/2027")
        )
    text = _text(printout.pdf)
    for expected in (
        "Rp 4.436.700",
        "Rp 4.576.400",
        "1 Maret 2027",
        "19730314 199803 2 009",
        "0123/SEK.UM/2027",
    ):
        assert expected in text, expected


def test_kgb_notice_asks_for_the_sk_that_an_import_did_not_carry(ctx: AppContext, clerk: Actor) -> None:
    pid = _add(
        ctx,
        clerk,
        PegawaiInput(
            nip="198208172009022004", nama="Rina", golongan_ruang="III/d", tmt_golongan=date(2021, 4, 1)
        ),
    )
    with ctx.db.transaction() as s, pytest.raises(ValidationError) as found:
        printouts.kgb_notice_pdf(s, clerk, pid, KgbLetter(tanggal=date(2026, 2, 1)))
    assert found.value.field == "sk_tanggal"
    with ctx.db.transaction() as s:
        printout = printouts.kgb_notice_pdf(
            s,
            clerk,
            pid,
            KgbLetter(
                tanggal=date(2026, 2, 1),
                sk_pejabat="Gubernur Kalimantan Timur",
                sk_nomor="823.3/123/BKD",
                sk_tanggal=date(2021, 3, 15),
            ),
        )
    assert printout.notes and "belum tercatat di riwayat" in printout.notes[0]
    assert "Gubernur Kalimantan Timur" in _text(printout.pdf)


def test_nominatif_is_in_pangkat_order_with_the_lists_filters_and_duk_leaves_out_pppk(
    ctx: AppContext, clerk: Actor
) -> None:
    for nip, nama, gol, tmt in (
        ("199003032015032004", "Dewi", "III/b", date(2020, 4, 1)),
        ("197905202003121003", "Ahmad", "IV/b", date(2022, 10, 1)),
        ("198011302006042008", "Siti", "III/d", date(2020, 4, 1)),
        ("198208172009022004", "Rina", "III/d", date(2021, 4, 1)),
        ("198505162021212004", "Lina", "IX", date(2021, 2, 1)),
    ):
        _add(ctx, clerk, PegawaiInput(nip=nip, nama=nama, golongan_ruang=gol, tmt_golongan=tmt))
    with ctx.db.transaction() as s:
        data = printouts.nominatif(s, clerk, per_tanggal=date(2026, 1, 1))
        assert [p.nama for p in data.pegawai] == ["Ahmad", "Siti", "Rina", "Dewi", "Lina"]
        assert data.pegawai[0].pangkat == "Pembina Tingkat I" and data.pegawai[-1].status == "PPPK"
        only = printouts.nominatif(
            s, clerk, per_tanggal=date(2026, 1, 1), filters=StaffFilter(status=StatusPegawai.PPPK)
        )
        assert [p.nama for p in only.pegawai] == ["Lina"]
        with pytest.raises(ValidationError, match="tidak dikenal"):
            printouts.nominatif(s, clerk, per_tanggal=date(2026, 1, 1), columns=("nama", "gaji"))
        duk = printouts.duk_pdf(s, clerk, date(2026, 1, 1))
    assert duk.title == "Daftar urut kepangkatan per 1 Januari 2026 (4 PNS)"
    assert "Lina" not in _text(duk.pdf)


def test_rekap_and_formulir_cuti_count_the_leave_taken_and_carry_last_years_rest(
    ctx: AppContext, clerk: Actor
) -> None:
    pid = _add(ctx, clerk, PegawaiInput(nip="198011302006042008", nama="Siti"))
    with ctx.db.transaction() as s:
        records.add_riwayat(
            s, clerk, pid, CutiEntry(date(2025, 6, 2), date(2025, 6, 13), "tahunan", hari_kerja=8)
        )
        records.add_riwayat(
            s, clerk, pid, CutiEntry(date(2026, 3, 2), date(2026, 3, 6), "tahunan", hari_kerja=5)
        )
        records.add_riwayat(
            s, clerk, pid, CutiEntry(date(2026, 4, 6), date(2026, 4, 8), "sakit", hari_kerja=3)
        )
        refused = records.add_riwayat(
            s,
            clerk,
            pid,
            CutiEntry(date(2026, 5, 4), date(2026, 5, 8), "tahunan", "tidak_disetujui", hari_kerja=5),
        )
    with ctx.db.transaction() as s:
        rekap = printouts.rekap_cuti_pdf(s, clerk, 2026)
        detail = records.get_pegawai(s, clerk, pid)
        march = next(r for r in detail.riwayat[RiwayatKind.CUTI] if r.data.tmt == date(2026, 3, 2))
        form = printouts.cuti_form_pdf(s, clerk, march.id)
        assert refused.value.berlaku  # recorded, not counted
    # 2025: 8 of 12 used -> 4 carried -> 16 in 2026; 5 taken, the refused request not counted; 3 days sakit.
    assert "Siti 19801130 200604 2 008 16 5 11 - 3 - - -" in _text(rekap.pdf)
    text = _text(form.pdf)
    assert "5 (lima) hari kerja" in text and "2 Maret 2026" in text
    assert "N (2026) 16" in text  # the sisa before this leave
