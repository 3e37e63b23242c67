"""The pre-registration slip (R18): the registration code in large type and as a QR, on A6, from plain data."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.document import pdf_bytes, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, register_fonts, string_width
from desktop.printing.guests.slip import A6, DEFAULT_PRIVACY_NOTICE, qr_modules
from desktop.printing.pages import MM

__all__ = ["HEADING", "PreregSlip", "build_prereg_slip"]

HEADING = "NOMOR REGISTRASI LAYANAN"
SHOW_AT_DESK = "Tunjukkan atau sebutkan kode ini di meja tamu saat datang."


@dataclass(frozen=True)
class PreregSlip:
    """What the slip says; ``tanggal`` already written out ("Selasa, 3 Maret 2026")."""

    instansi: str  # the office, at the top
    kode: str
    nama: str
    tanggal: str
    keperluan: str
    tujuan: str
    privacy_notice: str = DEFAULT_PRIVACY_NOTICE


def _centered(canvas: Canvas, text: str, font: str, size: float, x: float, y: float) -> None:
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, text)


def _draw_qr(canvas: Canvas, value: str, x_center: float, top: float, side: float) -> None:
    modules = qr_modules(value)
    count = len(modules)
    module = side / (count + 8)  # four modules of quiet zone each side
    left = x_center - side / 2 + 4 * module
    first_top = top - 4 * module
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        y = first_top - (row_index + 1) * module
        for column, dark in enumerate(row):
            if dark:
                path.rect(left + column * module, y, module * 1.02, module * 1.02)
    canvas.drawPath(path, stroke=0, fill=1)


def build_prereg_slip(slip: PreregSlip) -> bytes:
    """One A6 page: office, heading, the code (large, spaced in fours for reading aloud), its QR (the code
    itself: a USB scanner at the desk types it), the guest, date, keperluan, tujuan and the privacy notice."""
    register_fonts()
    width, height = A6.size_pt
    margin = 8 * MM
    text_width = width - 2 * margin
    x = width / 2

    def build(canvas: Canvas) -> None:
        y = height - margin - 10
        for line in wrap_greedy(slip.instansi, SANS_BOLD, 9, text_width)[:2]:
            _centered(canvas, line, SANS_BOLD, 9, x, y)
            y -= 11
        y -= 6
        _centered(canvas, HEADING, SANS, 9, x, y)
        y -= 30
        spaced = " ".join(slip.kode[i : i + 4] for i in range(0, len(slip.kode), 4))
        size = 28.0
        while size > 12 and string_width(spaced, SANS_BOLD, size) > text_width:
            size -= 1
        _centered(canvas, spaced, SANS_BOLD, size, x, y)
        y -= 8
        side = 34 * MM
        _draw_qr(canvas, slip.kode, x, y, side)
        y -= side + 12
        canvas.setFont(SANS, 8.5)
        for label, value in (
            ("Nama", slip.nama),
            ("Tanggal", slip.tanggal),
            ("Keperluan", slip.keperluan),
            ("Tujuan", slip.tujuan),
        ):
            lines = wrap_greedy(value, SANS, 8.5, text_width - 52) or [""]
            canvas.setFont(SANS_BOLD, 8.5)
            canvas.drawString(margin, y, label)
            canvas.setFont(SANS, 8.5)
            for line in lines[:3]:
                canvas.drawString(margin + 52, y, line)
                y -= 11
        y -= 4
        for line in wrap_greedy(SHOW_AT_DESK, SANS, 8, text_width):
            _centered(canvas, line, SANS, 8, x, y)
            y -= 10
        canvas.setFont(SANS, 6.5)
        bottom = margin
        for line in reversed(wrap_greedy(slip.privacy_notice, SANS, 6.5, text_width)):
            canvas.drawCentredString(x, bottom, line)
            bottom += 8

    return pdf_bytes(build, A6, f"Pra-registrasi {slip.kode}")
