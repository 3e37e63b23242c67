"""Buku Tamu reports (issue 14 item 7): the printed book with its "Bertemu" column, the recap by keperluan,
tujuan and instansi, xlsx, and the Beranda figures."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, OrgUnit, User
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.guests import figures, register_io, reports, visits
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
BOOK = (
    "Tanggal,Jam Datang,Jam Pulang,Nama,Instansi,No HP,Keperluan,Tujuan,Bertemu,Jumlah\n"
    "02/03/2026,08.10,09.00,Siti Rahmawati,Bappeda,0812-5555-1234,Audiensi,SEK,Pak Rudi,1\n"
    "02/03/2026,09.30,10.15,Rombongan SMKN 1,SMKN 1 Samarinda,,Koordinasi/rapat,IND,Bu Rina,12\n"
    "03/03/2026,10.00,10.20,Andi Wijaya,,,Audiensi,Ruang Kepala Dinas,,1\n"
    "15/04/2026,08.00,08.30,Citra,Bappeda,,Pengaduan,SEK,,2\n"
)


@pytest.fixture
def desk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "tamu"))
        assert user is not None
        return auth.actor_for(user)


@pytest.fixture
def book(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    path = tmp_path / "buku.csv"
    path.write_text(BOOK, encoding="utf-8")
    with clock.fixed(datetime(2026, 5, 4, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        plan = register_io.validate_visits(s, desk, register_io.read_table(path))
        register_io.import_visits(s, desk, plan)


def _text(pdf: bytes) -> str:
    from io import BytesIO

    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_guest_book_rows_and_pdf_carry_the_bertemu_column(
    ctx: AppContext, desk: Actor, book: None, tmp_path: Path
) -> None:
    with clock.fixed(datetime(2026, 5, 4, 8, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        rows = reports.guest_book_rows(s, desk, date(2026, 3, 1), date(2026, 3, 31))
        pdf = reports.guest_book_pdf(s, desk, date(2026, 3, 1), date(2026, 3, 31))
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0] == (
        "1", "02-03-2026", "08:10", "09:00", "Siti Rahmawati", "Bappeda", "0812-5555-1234", "Audiensi", "SEK",
        "Pak Rudi", "",
    )  # fmt: skip
    assert rows[1][4] == "Rombongan SMKN 1 (12 orang)"
    (tmp_path / "buku_tamu.pdf").write_bytes(pdf)
    text = _text(pdf)
    assert "BUKU TAMU" in text and "Bertemu" in text and "Pak Rudi" in text and "Halaman 1 dari 1" in text
    with ctx.db.read() as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.action == "cetak", AuditEntry.entity == "buku_tamu")
        )
        assert entry is not None and "3 kunjungan" in entry.summary and "Siti" not in entry.summary


def test_recap_counts_visits_and_people_per_day_month_keperluan_tujuan_and_instansi(
    ctx: AppContext, desk: Actor, book: None
) -> None:
    with ctx.db.transaction() as s:
        sek = s.scalar(select(OrgUnit.nama).where(OrgUnit.singkatan == "SEK"))
        ind = s.scalar(select(OrgUnit.nama).where(OrgUnit.singkatan == "IND"))
        # A cancelled walk-in is no visit and is not counted.
        with clock.fixed(datetime(2026, 3, 2, 11, 0, tzinfo=WITA)):
            unit = s.scalar(select(OrgUnit.id).where(OrgUnit.singkatan == "SEK"))
            wrong = visits.check_in(
                s, desk, visits.WalkIn(nama="Salah", keperluan="Audiensi", tujuan_unit_id=unit)
            )
            visits.cancel(s, desk, wrong.id, "salah input")
        daily = reports.recap(s, desk, date(2026, 3, 1), date(2026, 4, 30))
        monthly = reports.recap(s, desk, date(2026, 3, 1), date(2026, 4, 30), "bulan")
    line = reports.RecapLine
    assert daily.periods == (
        line("2 Maret 2026", 2, 13),
        line("3 Maret 2026", 1, 1),
        line("15 April 2026", 1, 2),
    )
    assert monthly.periods == (line("Maret 2026", 3, 14), line("April 2026", 1, 2))
    assert daily.total == line("Jumlah", 4, 16)
    assert daily.keperluan == (
        line("Audiensi", 2, 2),
        line("Koordinasi/rapat", 1, 12),
        line("Pengaduan", 1, 2),
    )
    # The unit when the visit names one; the tujuan as written otherwise.
    assert set(daily.tujuan) == {line(sek, 2, 3), line(ind, 1, 12), line("Ruang Kepala Dinas", 1, 1)}
    assert daily.instansi[0] == line("Bappeda", 2, 3)
    assert line(reports.NO_INSTANSI, 1, 1) in daily.instansi


def test_recap_pdf_and_xlsx(ctx: AppContext, desk: Actor, book: None, tmp_path: Path) -> None:
    with clock.fixed(datetime(2026, 5, 4, 8, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        pdf = reports.recap_pdf(s, desk, date(2026, 3, 1), date(2026, 4, 30), "bulan")
        counted = reports.recap_xlsx(s, desk, date(2026, 3, 1), date(2026, 4, 30), tmp_path / "rekap.xlsx")
        reports.guest_book_xlsx(s, desk, date(2026, 3, 1), date(2026, 4, 30), tmp_path / "buku.xlsx")
    (tmp_path / "rekap.pdf").write_bytes(pdf)
    text = _text(pdf)
    assert "REKAPITULASI KUNJUNGAN TAMU" in text and "Menurut keperluan" in text and "Maret 2026" in text
    assert counted == 4
    workbook = load_workbook(tmp_path / "rekap.xlsx")
    assert workbook.sheetnames == ["Per Hari", "Keperluan", "Tujuan", "Instansi"]
    keperluan = workbook["Keperluan"]
    assert [c.value for c in keperluan[2]] == [1, "Audiensi", 2, 2]
    assert [c.value for c in keperluan[keperluan.max_row]] == [None, "Jumlah", 4, 16]
    sheet = load_workbook(tmp_path / "buku.xlsx").active
    assert sheet["J1"].value == "Bertemu" and sheet["J2"].value == "Pak Rudi"


def test_desk_summary_on_site_today_and_waiting(ctx: AppContext, desk: Actor, book: None) -> None:
    with ctx.db.read() as s:
        unit = s.scalar(select(OrgUnit.id).order_by(OrgUnit.id))
    with clock.fixed(datetime(2026, 5, 4, 8, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        first = visits.check_in(s, desk, visits.WalkIn(nama="A", keperluan="Audiensi", tujuan_unit_id=unit))
        visits.check_in(
            s, desk, visits.WalkIn(nama="B", keperluan="Audiensi", tujuan_unit_id=unit, jumlah_orang=3)
        )
        visits.check_out(s, desk, first.id)
        summary = figures.desk_summary(s, desk)
    assert summary == figures.DeskSummary(
        on_site=1, on_site_people=3, today_visits=2, today_people=4, waiting=1
    )
