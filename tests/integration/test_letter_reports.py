"""Buku Agenda Surat Masuk as a printed register (PDF) and a workbook."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.core.letters import Keamanan
from desktop.models.admin import User
from desktop.services import auth, demo, letter_reports, letters, outgoing
from desktop.services.errors import ValidationError
from desktop.services.permissions import Actor
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
MM = 72 / 25.4


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    demo.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _fill(ctx: AppContext, clerk: Actor, count: int) -> None:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        for i in range(count):
            received = start + timedelta(days=i % 300, minutes=i)
            letters.register_incoming(
                s,
                clerk,
                letters.IncomingInput(
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
        pdf = letter_reports.incoming_register_pdf(s, clerk, date(2026, 1, 1), date(2026, 12, 31))
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
    assert "Perihal surat ke-3 " not in everything and letters.SECRET_MASK in everything


def test_progress_is_reported_and_a_bad_period_is_refused(ctx: AppContext, clerk: Actor) -> None:
    _fill(ctx, clerk, 30)
    seen: list[tuple[int, int]] = []
    with ctx.db.transaction() as s:
        letter_reports.incoming_register_pdf(
            s, clerk, date(2026, 1, 1), date(2026, 12, 31), progress=lambda d, t: seen.append((d, t))
        )
        with pytest.raises(ValidationError):
            letter_reports.incoming_register_pdf(s, clerk, date(2026, 12, 31), date(2026, 1, 1))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_register_xlsx(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    _fill(ctx, clerk, 12)
    out = tmp_path / "agenda.xlsx"
    with ctx.db.transaction() as s:
        assert letter_reports.incoming_register_xlsx(s, clerk, date(2026, 1, 1), date(2026, 1, 31), out) == 12
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "No. Agenda" and sheet["A2"].value == "1/2026"
    assert sheet.max_row == 13 and sheet.freeze_panes == "A2"


def test_outgoing_register_keeps_cancelled_numbers_and_the_recap_groups_by_code(
    ctx: AppContext, clerk: Actor
) -> None:
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
        pdf = letter_reports.outgoing_register_pdf(s, clerk, date(2026, 1, 1), date(2026, 1, 31))
        recap = letter_reports.monthly_recap(s, clerk, 2026, 1)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "BUKU AGENDA SURAT KELUAR" in words and "Periode 1 Januari 2026 s.d. 31 Januari 2026" in words
    assert "800.1.11.1/57/SEK.UM/2026" in words and "Batal: salah tujuan" in words
    by_code = {r.kode: (r.masuk, r.keluar) for r in recap}
    assert by_code["000.1"] == (3, 1)  # the cancelled number is not counted
    assert by_code["800.1"] == (0, 1)
    assert [r.kode for r in recap] == sorted(by_code, key=lambda k: [int(x) for x in k.split(".")])
