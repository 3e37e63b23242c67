"""Surat reports: the buku agenda masuk and keluar, the monthly recap and the disposition follow-up, as printed
reports (PDF) and workbooks."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.core.letters.rules import Keamanan
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing, reports
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
MM = 72 / 25.4


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _fill(ctx: AppContext, clerk: Actor, count: int) -> None:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        for i in range(count):
            received = start + timedelta(days=i % 300, minutes=i)
            incoming.register_incoming(
                s,
                clerk,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=f"Instansi Pengirim Nomor {i}",
                    nomor_surat=f"000.1.5/{i}/X/2026",
                    tanggal_surat=received.date(),
                    perihal=f"Perihal surat ke-{i} " + "dengan uraian yang cukup panjang " * (i % 4),
                    keamanan=Keamanan.R if i == 3 else Keamanan.B,
                    kode_klasifikasi="000.1.5",
                ),
            )


def test_register_pdf_repeats_the_header_and_lists_every_entry(ctx: AppContext, clerk: Actor) -> None:
    _fill(ctx, clerk, 120)
    with ctx.db.transaction() as s:
        pdf = reports.incoming_register_pdf(s, clerk, date(2026, 1, 1), date(2026, 12, 31))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 2
    first = reader.pages[0]
    assert (
        abs(float(first.mediabox.width) - 330 * MM) < 1 and abs(float(first.mediabox.height) - 215 * MM) < 1
    )
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    everything = " ".join(texts)
    assert "BUKU AGENDA SURAT MASUK" in texts[0] and "Tahun 2026" in texts[0]
    for page_text in texts:
        assert "No. Agenda" in page_text and "Perihal" in page_text  # the header row on every page
    for n in range(1, 121):
        assert f"{n}/2026" in everything
    assert f"Halaman {len(texts)} dari {len(texts)}" in texts[-1]
    assert "Mengetahui" in texts[-1] and "Siti Nurhaliza" in texts[-1] and "Pengelola Surat" in texts[-1]
    # The clerk has no VIEW_SECRET: the one Rahasia letter is masked in the book too.
    assert "Perihal surat ke-3 " not in everything and incoming.SECRET_MASK in everything


def test_progress_is_reported_and_a_bad_period_is_refused(ctx: AppContext, clerk: Actor) -> None:
    _fill(ctx, clerk, 30)
    seen: list[tuple[int, int]] = []
    with ctx.db.transaction() as s:
        reports.incoming_register_pdf(
            s, clerk, date(2026, 1, 1), date(2026, 12, 31), progress=lambda d, t: seen.append((d, t))
        )
        with pytest.raises(ValidationError):
            reports.incoming_register_pdf(s, clerk, date(2026, 12, 31), date(2026, 1, 1))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_register_xlsx(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    _fill(ctx, clerk, 12)
    out = tmp_path / "agenda.xlsx"
    with ctx.db.transaction() as s:
        assert reports.incoming_register_xlsx(s, clerk, date(2026, 1, 1), date(2026, 1, 31), out) == 12
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "No. Agenda" and sheet["A2"].value == "1/2026"
    assert sheet.max_row == 13 and sheet.freeze_panes == "A2"


def test_outgoing_register_keeps_cancelled_numbers_and_the_recap_groups_by_code(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    out, recap_out = tmp_path / "agenda-keluar.xlsx", tmp_path / "rekap.xlsx"
    from desktop.models.letters import OutgoingLetter

    _fill(ctx, clerk, 3)  # incoming letters with code 000.1.5 in January
    with ctx.db.transaction() as s:
        series_id = outgoing.ensure_default_series(s)  # created at first start
        for urut, (kode, status, alasan) in enumerate(
            [
                ("800.1.11.1", "dikirim", ""),
                ("000.1.5", "batal", "salah tujuan"),
                ("000.1.5", "ditandatangani", ""),
            ],
            start=57,
        ):
            s.add(
                OutgoingLetter(
                    seri_id=series_id,
                    tahun=2026,
                    urut=urut,
                    sisipan=0,
                    nomor_surat=f"{kode}/{urut}/SEK.UM/2026",
                    kka=kode,
                    kode_klasifikasi=kode,
                    tanggal_surat=date(2026, 1, 20),
                    tujuan="Setda",
                    perihal=f"Surat keluar {urut}",
                    status=status,
                    batal_alasan=alasan,
                    penandatangan="Kepala Dinas",
                )
            )
    with ctx.db.transaction() as s:
        pdf = reports.outgoing_register_pdf(s, clerk, date(2026, 1, 1), date(2026, 1, 31))
        recap = reports.monthly_recap(s, clerk, 2026, 1)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "BUKU AGENDA SURAT KELUAR" in words and "Periode 1 Januari 2026 s.d. 31 Januari 2026" in words
    assert "800.1.11.1/57/SEK.UM/2026" in words and "Batal: salah tujuan" in words
    by_code = {r.kode: (r.masuk, r.keluar) for r in recap}
    assert by_code["000.1"] == (3, 1)  # the cancelled number is not counted
    assert by_code["800.1"] == (0, 1)
    assert [r.kode for r in recap] == sorted(by_code, key=lambda k: [int(x) for x in k.split(".")])

    # The same book as a workbook, and the recap printed and exported with its totals.
    with ctx.db.transaction() as s:
        assert reports.outgoing_register_xlsx(s, clerk, date(2026, 1, 1), date(2026, 1, 31), out) == 3
        recap_pdf = reports.monthly_recap_pdf(s, clerk, 2026, 1)
        assert reports.monthly_recap_xlsx(s, clerk, 2026, 1, recap_out) == 2
    sheet = load_workbook(out).active
    assert sheet.title == "Agenda Keluar" and sheet["B1"].value == "No. Surat" and sheet.max_row == 4
    assert sheet["I3"].value == "Batal: salah tujuan"
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(recap_pdf)).pages)
    assert "REKAPITULASI SURAT MASUK DAN SURAT KELUAR" in words and "Bulan Januari 2026" in words
    assert "Jumlah 3 2 5" in words and "800.1" in words
    last = list(load_workbook(recap_out).active.iter_rows(values_only=True))[-1]
    assert last == (None, None, "Jumlah", 3, 2, 5)  # numbers stay numbers


# --- Laporan Tindak Lanjut Disposisi ------------------------------------------------------------------------


def _incoming(ctx: AppContext, clerk: Actor, received: datetime, perihal: str) -> int:
    with ctx.db.transaction() as s:
        return incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Kementerian Perdagangan Republik Indonesia",
                nomor_surat=f"800.1/{received:%m%d%H}/SJ/2026",
                tanggal_surat=received.date() - timedelta(days=2),
                perihal=perihal,
            ),
            today=received.date(),
        ).id


def _hop(dari: RecipientInput | None, tanggal: date, *to: RecipientInput, **kw: object) -> HopInput:
    return HopInput(
        dari_nama=dari.nama if dari else "",
        dari_jabatan=dari.jabatan if dari else "",
        dari_nip=dari.nip if dari else "",
        tanggal=tanggal,
        recipients=to,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def chains(ctx: AppContext, clerk: Actor) -> dict[str, int]:
    """Four letters with their dispositions, as the clerk transcribed them from the returned slips:

    - "selesai": Sekretaris → Kepala Dinas → Kabid Perdagangan DN (batas 18 Nov) → a staff member typed by hand,
      who finished on 19 Nov;
    - "late": Kepala Dinas → Kabid Perindustrian, 3 working days from Tue 17 Nov (Fri 20 Nov), still open;
    - "open": Kepala Dinas → Kabid Koperasi dan UKM, batas 30 Nov, read but not done;
    - "october": received before the period, overdue too, but not in a November report.
    """
    with ctx.db.transaction() as s:
        by_post = {
            o.jabatan: RecipientInput(o.nama, o.jabatan, o.nip, o.unit_id) for o in dispo.officials(s, clerk)
        }
    sekretaris, kadis = by_post["Sekretaris"], by_post["Kepala Dinas"]
    staf = RecipientInput("Andi Pratama, S.E.", "Analis Perdagangan", "199104122019031007")
    ids = {
        "selesai": _incoming(ctx, clerk, datetime(2026, 11, 16, 9, 0, tzinfo=WITA), "Harga bahan pokok"),
        "late": _incoming(ctx, clerk, datetime(2026, 11, 16, 10, 0, tzinfo=WITA), "Data industri kecil"),
        "open": _incoming(ctx, clerk, datetime(2026, 11, 17, 8, 0, tzinfo=WITA), "Pembinaan koperasi"),
        "october": _incoming(ctx, clerk, datetime(2026, 10, 5, 8, 0, tzinfo=WITA), "Surat bulan lalu"),
    }
    with ctx.db.transaction() as s:
        done = dispo.record_chain(
            s,
            clerk,
            ids["selesai"],
            [
                _hop(sekretaris, date(2026, 11, 16), kadis),
                _hop(
                    None,
                    date(2026, 11, 16),
                    by_post["Kepala Bidang Perdagangan Dalam Negeri"],
                    batas_waktu=date(2026, 11, 18),
                    induk_index=(0, 0),
                ),
                _hop(None, date(2026, 11, 17), staf, induk_index=(1, 0)),
            ],
        )
        staf_id = done.hops[0].recipients[0].hops[0].recipients[0].hops[0].recipients[0].id
        dispo.update_recipient(s, clerk, staf_id, "selesai", tanggal_selesai=date(2026, 11, 19))
        dispo.record_chain(
            s,
            clerk,
            ids["late"],
            [
                _hop(
                    kadis,
                    date(2026, 11, 17),
                    by_post["Kepala Bidang Perindustrian"],
                    batas_hari_kerja_count=3,
                )
            ],
        )
        opened = dispo.record_chain(
            s,
            clerk,
            ids["open"],
            [
                _hop(
                    kadis,
                    date(2026, 11, 17),
                    by_post["Kepala Bidang Koperasi dan UKM"],
                    batas_waktu=date(2026, 11, 30),
                )
            ],
        )
        dispo.update_recipient(s, clerk, opened.hops[0].recipients[0].id, "dibaca")
        dispo.record_chain(
            s,
            clerk,
            ids["october"],
            [
                _hop(
                    kadis,
                    date(2026, 10, 5),
                    by_post["Kepala Bidang Perindustrian"],
                    batas_waktu=date(2026, 10, 9),
                )
            ],
        )
    return ids


NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
AS_OF = date(2026, 11, 25)


def test_follow_up_counts_per_unit(ctx: AppContext, clerk: Actor, chains: dict[str, int]) -> None:
    with ctx.db.transaction() as s:
        report = reports.follow_up(s, clerk, *NOVEMBER, today=AS_OF)
        overdue_now = dispo.overdue(s, clerk, AS_OF)
    lines = {
        u.unit: (u.diterima, u.selesai, u.diteruskan, u.belum_selesai, u.terlambat) for u in report.units
    }
    # The Kepala Dinas has no unit: a line of their own, first; the staff member typed by hand counts for the
    # Kabid's unit; the Kabid who passed it on is "diteruskan", not "belum selesai".
    assert report.units[0].unit == "Kepala Dinas" and lines["Kepala Dinas"] == (1, 0, 1, 0, 0)
    assert lines["Bidang Perdagangan Dalam Negeri"] == (2, 1, 1, 0, 0)
    assert lines["Bidang Perindustrian"] == (1, 0, 0, 1, 1)  # the October letter is not in the period
    assert lines["Bidang Koperasi dan UKM"] == (1, 0, 0, 1, 0)
    assert lines["Sekretariat"] == lines["Sub Bagian Umum"] == (0, 0, 0, 0, 0)  # every unit is listed
    assert [u.unit for u in report.units[1:]] == [nama for nama, *_rest in sample_office.UNITS]
    t = report.totals
    assert (t.diterima, t.selesai, t.diteruskan, t.belum_selesai, t.terlambat) == (5, 1, 2, 2, 1)
    # Overdue is what the overdue list says, restricted to the period.
    assert len(overdue_now) == 2 and {i.letter_id for i in overdue_now} == {chains["late"], chains["october"]}

    late, still_open = report.items  # the most late first within the unit order
    assert (late.unit, late.perihal, late.batas_waktu, late.days_late, late.status) == (
        "Bidang Perindustrian",
        "Data industri kecil",
        date(2026, 11, 20),  # Tue 17 Nov + 3 working days
        5,
        "Belum dibaca",
    )
    assert late.tujuan.startswith("Kepala Bidang Perindustrian") and late.agenda.endswith("/2026")
    assert (still_open.unit, still_open.days_late, still_open.status) == (
        "Bidang Koperasi dan UKM",
        0,
        "Dibaca",
    )

    # On the batas day nothing is late yet; a report for October holds only its own letter.
    with ctx.db.transaction() as s:
        assert reports.follow_up(s, clerk, *NOVEMBER, today=date(2026, 11, 20)).totals.terlambat == 0
        october = reports.follow_up(s, clerk, date(2026, 10, 1), date(2026, 10, 31), today=AS_OF)
    assert october.totals.diterima == 1 and october.items[0].days_late == 47
    assert october.items[0].perihal == "Surat bulan lalu"


def test_follow_up_pdf_and_xlsx(
    ctx: AppContext, clerk: Actor, chains: dict[str, int], tmp_path: Path
) -> None:
    with ctx.db.transaction() as s:
        pdf = reports.follow_up_pdf(s, clerk, *NOVEMBER, today=AS_OF)
        out = tmp_path / "tindak-lanjut.xlsx"
        assert reports.follow_up_xlsx(s, clerk, *NOVEMBER, out, today=AS_OF) == 2
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert abs(float(page.mediabox.width) - 330 * MM) < 1 and abs(float(page.mediabox.height) - 215 * MM) < 1
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "LAPORAN TINDAK LANJUT DISPOSISI" in words
    assert (
        "Surat diterima Periode 1 November 2026 s.d. 30 November 2026 · keadaan per 25 November 2026" in words
    )
    # Each unit's line with its counts: diterima, selesai, diteruskan, belum selesai, terlambat.
    assert "Kepala Dinas 1 0 1 0 0" in words
    assert "Bidang Perdagangan Dalam Negeri 2 1 1 0 0" in words
    assert "Bidang Perindustrian 1 0 0 1 1" in words
    assert "Bidang Koperasi dan UKM 1 0 0 1 0" in words
    assert "Jumlah 5 1 2 2 1" in words
    # The open follow-ups, with their batas waktu and days late; then the signatures.
    assert "Data industri kecil" in words and "20-11-2026" in words and "Pembinaan koperasi" in words
    assert "Harga bahan pokok" not in words and "Surat bulan lalu" not in words
    assert "Mengetahui" in words and "Siti Nurhaliza" in words

    book = load_workbook(out)
    rekap, rincian = book["Rekap per Unit"], book["Belum Selesai"]
    rows = {r[1]: r[2:] for r in rekap.iter_rows(min_row=2, values_only=True)}
    assert rows["Bidang Perindustrian"] == (1, 0, 0, 1, 1) and rows["Jumlah"] == (5, 1, 2, 2, 1)
    assert rincian.max_row == 3 and rincian["E2"].value == "Data industri kecil" and rincian["K2"].value == 5


# --- Rekap bulanan per unit kerja ---------------------------------------------------------------------------


@pytest.fixture
def march(ctx: AppContext, clerk: Actor) -> None:
    """March 2026, as the clerk recorded it:

    - "a": Sekretaris → Kepala Dinas → Kabid Perindustrian → a staff member typed by hand, who finished;
    - "b": Kepala Dinas → Kabid Perindustrian and Kabid Perdagangan DN; only Perdagangan DN has finished;
    - "c": Kepala Dinas → Sekretaris → Kasubbag Umum, still open;
    - "d": not disposed yet; "e": filed without disposition; "f": cancelled;
    - a February letter disposed to Perindustrian, outside the month;
    - outgoing: two from Perindustrian (by pengolah; a third cancelled), one from Perdagangan DN (pengolah
      "PDN"), one numbered SEK.UM without pengolah, one of the UPTD's own series, one drafted by a person only.
    """
    with ctx.db.transaction() as s:
        by_post = {
            o.jabatan: RecipientInput(o.nama, o.jabatan, o.nip, o.unit_id) for o in dispo.officials(s, clerk)
        }
    sekretaris, kadis = by_post["Sekretaris"], by_post["Kepala Dinas"]
    industri = by_post["Kepala Bidang Perindustrian"]
    dagang = by_post["Kepala Bidang Perdagangan Dalam Negeri"]
    staf = RecipientInput("Andi Pratama, S.E.", "Analis Perindustrian", "199104122019031007")
    ids = {
        key: _incoming(ctx, clerk, datetime(2026, month, day, hour, 0, tzinfo=WITA), f"Surat {key}")
        for key, month, day, hour in [
            ("a", 3, 2, 9),
            ("b", 3, 3, 9),
            ("c", 3, 4, 9),
            ("d", 3, 30, 9),
            ("e", 3, 31, 23),  # late in the evening, still March in the office's time
            ("f", 3, 5, 9),
            ("feb", 2, 27, 9),
        ]
    }
    day = date(2026, 3, 5)
    with ctx.db.transaction() as s:
        chain_a = dispo.record_chain(
            s,
            clerk,
            ids["a"],
            [
                _hop(sekretaris, day, kadis),
                _hop(None, day, industri, induk_index=(0, 0)),
                _hop(None, day, staf, induk_index=(1, 0)),
            ],
        )
        staf_id = chain_a.hops[0].recipients[0].hops[0].recipients[0].hops[0].recipients[0].id
        dispo.update_recipient(s, clerk, staf_id, "selesai", tanggal_selesai=date(2026, 3, 9))
        chain_b = dispo.record_chain(s, clerk, ids["b"], [_hop(kadis, day, industri, dagang)])
        to_industri, to_dagang = chain_b.hops[0].recipients
        dispo.update_recipient(s, clerk, to_industri.id, "dibaca")
        dispo.update_recipient(s, clerk, to_dagang.id, "selesai", tanggal_selesai=date(2026, 3, 10))
        dispo.record_chain(
            s,
            clerk,
            ids["c"],
            [
                _hop(kadis, day, sekretaris),
                _hop(None, day, by_post["Kepala Sub Bagian Umum"], induk_index=(0, 0)),
            ],
        )
        dispo.no_disposition_needed(s, clerk, ids["e"], "untuk diketahui")
        incoming.cancel_incoming(s, clerk, ids["f"], "tercatat dua kali")
        dispo.record_chain(s, clerk, ids["feb"], [_hop(kadis, date(2026, 2, 27), industri)])

    with ctx.db.transaction() as s:
        uptd = outgoing.save_series(
            s, SYSTEM, outgoing.SeriesData("Surat Keluar UPTD", "{kka}/{urut}/{tahun}", kode_unit="BPSMB")
        )
    march_end = date(2026, 3, 31)
    with ctx.db.transaction() as s:
        for tanggal, pengolah, unit, seri_id, batal in [
            (date(2026, 3, 6), "Bidang Perindustrian", "", None, False),
            (date(2026, 3, 9), "Bidang Perindustrian (Andi Pratama)", "", None, False),
            (date(2026, 3, 9), "Bidang Perindustrian", "", None, True),
            (date(2026, 3, 10), "PDN", "", None, False),
            (date(2026, 3, 11), "", "SEK.UM", None, False),
            (date(2026, 3, 12), "", "", uptd.id, False),
            (date(2026, 3, 13), "Andi Pratama, S.E.", "", None, False),
            (date(2026, 2, 20), "Bidang Perindustrian", "", None, False),
        ]:
            info = outgoing.issue_number(
                s,
                clerk,
                outgoing.OutgoingInput(
                    tanggal_surat=tanggal,
                    tujuan="Sekretaris Daerah Provinsi Kalimantan Timur",
                    perihal=f"Surat keluar {pengolah or unit or 'UPTD'}",
                    kode_klasifikasi="000.1.5",
                    penandatangan="Kepala Dinas",
                    pengolah=pengolah,
                    unit=unit,
                    seri_id=seri_id,
                ),
                today=march_end,
            )
            if batal:
                outgoing.cancel(s, clerk, info.id, "salah tujuan")


# (masuk diteruskan, selesai, belum selesai, keluar) per line of March
MARCH_BY_UNIT = {
    "Sekretariat": (1, 0, 1, 0),  # letter c: the first unit on its way down
    "Sub Bagian Umum": (0, 0, 0, 1),  # c reached it through the Sekretariat; the SEK.UM number is theirs
    "Sub Bagian Perencanaan dan Keuangan": (0, 0, 0, 0),
    "Bidang Perindustrian": (2, 1, 1, 2),  # a (done by the staff member) and b (only read)
    "Bidang Perdagangan Dalam Negeri": (1, 1, 0, 1),
    "Bidang Koperasi dan UKM": (0, 0, 0, 0),
    "UPTD Balai Pengujian dan Sertifikasi Mutu Barang": (0, 0, 0, 1),
    "Tanpa unit": (2, 1, 1, 1),  # d waits, e was filed; the letter drafted by a person only
}


def test_monthly_recap_by_unit(ctx: AppContext, clerk: Actor, march: None) -> None:
    with ctx.db.transaction() as s:
        recap = reports.monthly_recap_by_unit(s, clerk, 2026, 3)
        by_code = reports.monthly_recap(s, clerk, 2026, 3)
    lines = {r.unit: (r.masuk, r.selesai, r.belum_selesai, r.keluar) for r in recap.units}
    # Every unit in the organisation's order, then "Tanpa unit".
    assert [r.unit for r in recap.units] == [nama for nama, *_rest in sample_office.UNITS] + ["Tanpa unit"]
    assert lines == MARCH_BY_UNIT
    # Letter b went to two units and counts for each; the totals count every letter once, as section A does,
    # selesai by the letter's own status (a is selesai, e filed; b is not, though Perdagangan DN is done).
    t = recap.totals
    assert (t.unit, t.masuk, t.selesai, t.belum_selesai, t.keluar) == ("Jumlah", 5, 2, 3, 6)
    assert (sum(r.masuk for r in by_code), sum(r.keluar for r in by_code)) == (5, 6)


def test_monthly_recap_pdf_and_xlsx_have_the_units(
    ctx: AppContext, clerk: Actor, march: None, tmp_path: Path
) -> None:
    out = tmp_path / "rekap.xlsx"
    with ctx.db.transaction() as s:
        pdf = reports.monthly_recap_pdf(s, clerk, 2026, 3)
        assert reports.monthly_recap_xlsx(s, clerk, 2026, 3, out) == 2  # "-" and 000.1
    (tmp_path / "rekap.pdf").write_bytes(pdf)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "REKAPITULASI SURAT MASUK DAN SURAT KELUAR" in words and "Bulan Maret 2026" in words
    assert words.index("A. Menurut kode klasifikasi arsip") < words.index("B. Menurut unit kerja")
    assert "Jumlah 5 6 11" in words  # section A
    for unit, counts in MARCH_BY_UNIT.items():
        assert f"{unit} {' '.join(map(str, counts))}" in words, unit
    assert "Jumlah 5 2 3 6" in words
    assert "Mengetahui" in words and words.index("B. Menurut unit kerja") < words.index("Mengetahui")

    book = load_workbook(out)
    assert book.sheetnames == ["Rekap 03-2026", "Per Unit"]
    sheet = book["Per Unit"]
    assert sheet["B1"].value == "Unit Kerja" and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == (1, "Sekretariat", 1, 0, 1, 0)  # numbers stay numbers
    assert {r[1]: r[2:] for r in rows[:-1]} == MARCH_BY_UNIT
    assert rows[-2][0] is None and rows[-1] == (None, "Jumlah", 5, 2, 3, 6)
    assert sheet.cell(row=sheet.max_row, column=2).font.bold
