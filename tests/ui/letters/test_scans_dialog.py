"""Attaching and viewing scans from the agenda list."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from desktop.demo import sample_office
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters.incoming_list import IncomingList


def test_attach_pdf_and_image_then_view_them(qtbot, app_ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    received = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    with app_ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat="1/BI",
                tanggal_surat=received.date(),
                perihal="Laporan",
            ),
        )
    pdf_path = tmp_path / "surat.pdf"
    c = Canvas(str(pdf_path))
    for _ in range(2):
        c.drawString(100, 700, "Halaman pindaian")
        c.showPage()
    c.save()
    png_path = tmp_path / "lampiran.png"
    Image.new("RGB", (120, 80), "white").save(png_path)
    bad_path = tmp_path / "catatan.txt"
    bad_path.write_text("bukan pindaian")

    listing = IncomingList(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(listing)
    assert listing.select(info.id)
    dialog = listing.open_scans()
    assert dialog is not None
    errors: list[str] = []
    import desktop.ui.letters.scans_dialog as module

    monkeypatch.setattr(module.dialogs, "error", lambda _p, _t, text: errors.append(text))  # the message box
    assert dialog.add_paths([pdf_path, png_path, bad_path]) == 2
    assert len(errors) == 1 and "PDF, JPG atau PNG" in errors[0]
    assert dialog.files.count() == 2
    dialog.files.setCurrentRow(0)
    assert dialog.viewer.currentWidget() is dialog.pdf_view and "2 halaman" in dialog.info.text()
    dialog.files.setCurrentRow(1)
    assert "120×80" in dialog.info.text()
    dialog.close()
