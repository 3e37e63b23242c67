"""Only a real print counts (issue 13 item 3): building a document for the preview records nothing; a job a
printer accepted or a PDF saved marks the letter and writes an audit row that says where it went."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import audit, auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.common.printed import Delivery
from desktop.services.letters import incoming, reports
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _register(ctx: AppContext, clerk: Actor, nomor: str = "B/12/KPw/2026") -> int:
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(
                tanggal_diterima=datetime(2026, 11, 20, 9, 0, tzinfo=WITA),
                asal_surat="Bank Indonesia Perwakilan Kalimantan Timur",
                nomor_surat=nomor,
                tanggal_surat=date(2026, 11, 18),
                perihal="Undangan rapat koordinasi pengendalian inflasi",
            ),
            today=date(2026, 11, 20),
        )
    return int(info.id)


def _printed_rows(ctx: AppContext, entity: str) -> list[audit.AuditRow]:
    with ctx.db.transaction() as s:
        rows, _total = audit.list_entries(s, SYSTEM, entity=entity)
    return [r for r in rows if r.action == "cetak"]


def test_a_delivery_is_a_printer_or_a_file_never_both_or_neither() -> None:
    assert Delivery(printer="Epson L3110").describe() == "dikirim ke printer Epson L3110"
    assert Delivery(path="/home/umum/d.pdf").describe() == "disimpan sebagai PDF: /home/umum/d.pdf"
    for wrong in ({}, {"printer": "  "}, {"printer": "Epson", "path": "/tmp/x.pdf"}):
        with pytest.raises(ValueError):
            Delivery(**wrong)


def test_the_slip_is_marked_only_when_really_printed_and_says_where(ctx: AppContext, clerk: Actor) -> None:
    letter_id = _register(ctx, clerk)
    with ctx.db.transaction() as s:
        incoming.disposisi_pdf(s, clerk, letter_id)
        incoming.disposisi_pdf(s, clerk, letter_id, "A4")  # looked at twice, on two papers
        looked = incoming.get_incoming(s, clerk, letter_id)
    assert (looked.status, looked.jumlah_cetak, looked.dicetak_at) == ("baru", 0, None)
    assert _printed_rows(ctx, "surat_masuk") == []

    with ctx.db.transaction() as s:
        first = incoming.record_disposisi_printed(
            s, clerk, letter_id, Delivery(printer="Epson L3110", pages=1)
        )
    assert (first.status, first.jumlah_cetak) == ("dicetak", 1)
    assert first.dicetak_at is not None
    with ctx.db.transaction() as s:
        again = incoming.record_disposisi_printed(
            s, clerk, letter_id, Delivery(path="/home/umum/lembar-disposisi-1-2026.pdf", pages=1)
        )
    assert again.jumlah_cetak == 2

    newest, oldest = _printed_rows(ctx, "surat_masuk")
    assert "Epson L3110" in oldest.summary and "cetak ulang" not in oldest.summary
    assert json.loads(oldest.after_json or "{}")["printer"] == "Epson L3110"
    assert "cetak ulang" in newest.summary and "lembar-disposisi-1-2026.pdf" in newest.summary
    assert json.loads(newest.after_json or "{}")["berkas"] == "/home/umum/lembar-disposisi-1-2026.pdf"


def test_a_cancelled_letter_is_never_marked_printed(ctx: AppContext, clerk: Actor) -> None:
    letter_id = _register(ctx, clerk)
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, clerk, letter_id, "Tercatat dua kali")
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="dibatalkan"):
        incoming.record_disposisi_printed(s, clerk, letter_id, Delivery(printer="Epson L3110"))
    assert _printed_rows(ctx, "surat_masuk") == []


@pytest.mark.parametrize("report", sorted(reports.PRINTED_REPORTS))
def test_a_report_built_for_the_preview_is_not_audited_as_printed(
    ctx: AppContext, clerk: Actor, report: str
) -> None:
    _register(ctx, clerk)
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    with ctx.db.transaction() as s:
        reports.incoming_register_pdf(s, clerk, start, end)
        reports.outgoing_register_pdf(s, clerk, start, end)
        reports.monthly_recap_pdf(s, clerk, 2026, 11)
        reports.follow_up_pdf(s, clerk, start, end, today=date(2026, 11, 25))
    assert _printed_rows(ctx, report) == []

    with ctx.db.transaction() as s:
        reports.record_printed(s, clerk, report, start, end, Delivery(path="/home/umum/laporan-11.pdf"))
    (row,) = _printed_rows(ctx, report)
    assert "laporan-11.pdf" in row.summary and "November" in row.summary


def test_an_unknown_report_is_refused(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="tidak dikenal"):
        reports.record_printed(
            s, clerk, "buku_tamu", date(2026, 1, 1), date(2026, 1, 31), Delivery(printer="Epson")
        )
