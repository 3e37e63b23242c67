"""The signature block: place and date, a.n., jabatan, room for the wet signature, nama, pangkat, NIP."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from desktop.core.nip import format_nip
from desktop.printing.data import Signer
from desktop.printing.document import fit_text, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, register_fonts, string_width
from desktop.printing.pages import MM

_LEADING = 1.25
_CAP_HEIGHT = 0.73
_DESCENT = 0.21
_UNDERLINE_OFFSET = 0.14  # below the baseline, in em
_UNDERLINE_WIDTH = 0.06  # in em


def atas_nama_line(atas_nama: str) -> str:
    """``"Kepala Dinas"`` → ``"a.n. Kepala Dinas,"``; text that already starts with "a.n." keeps it."""
    text = " ".join(atas_nama.split())
    if not text:
        return ""
    if not text.lower().startswith(("a.n.", "a.n ", "an.")):
        text = f"a.n. {text}"
    return _with_comma(text)


def _with_comma(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text.endswith((",", ":")) else f"{text},"


def _balanced_wrap(text: str, font_name: str, font_size: float, width: float) -> list[str]:
    """Greedy line count, then the same number of lines evened out (nicer in a centred block)."""
    count = len(wrap_greedy(text, font_name, font_size, width))
    fitted = fit_text(text, font_name, width, max_size=font_size, min_size=font_size, max_lines=count)
    if fitted.font_size >= font_size:
        return list(fitted.lines)
    return wrap_greedy(text, font_name, font_size, width)


def signature_block_height(
    signer: Signer,
    *,
    width: float = 80 * MM,
    font_size: float = 11.0,
    place_date: str = "",
    signature_space: float = 20 * MM,
) -> float:
    """Height in points that :func:`draw_signature_block` will take with the same arguments."""
    lines = _lines(signer, width=width, font_size=font_size, place_date=place_date)
    return _height(lines, font_size, signature_space)


def _lines(
    signer: Signer, *, width: float, font_size: float, place_date: str
) -> list[tuple[str, str, float]]:
    """(text, font, size) for every line; the empty string marks the signature space."""
    lines: list[tuple[str, str, float]] = []
    for text in (place_date.strip(), atas_nama_line(signer.atas_nama)):
        lines.extend((line, SANS, font_size) for line in _balanced_wrap(text, SANS, font_size, width))
    lines.extend(
        (line, SANS, font_size)
        for line in _balanced_wrap(_with_comma(signer.jabatan), SANS, font_size, width)
    )
    lines.append(("", SANS, font_size))
    nama = fit_text(
        " ".join(signer.nama.split()),
        SANS_BOLD,
        width,
        max_size=font_size,
        min_size=0.85 * font_size,
        max_lines=2,
    )
    lines.extend((line, SANS_BOLD, nama.font_size) for line in nama.lines)
    pangkat = " ".join(signer.pangkat_golongan.split())
    lines.extend((line, SANS, font_size) for line in _balanced_wrap(pangkat, SANS, font_size, width))
    if signer.nip.strip():
        lines.append((f"NIP. {format_nip(signer.nip)}", SANS, font_size))
    return lines


def _height(lines: list[tuple[str, str, float]], font_size: float, signature_space: float) -> float:
    height = _CAP_HEIGHT * font_size
    for index, (text, _font, size) in enumerate(lines):
        if index == 0:
            continue
        height += signature_space if text == "" else _LEADING * size
    return height + _DESCENT * font_size


def draw_signature_block(
    canvas: Canvas,
    signer: Signer,
    *,
    x_center: float,
    top: float,
    place_date: str = "",
    width: float = 80 * MM,
    font_size: float = 11.0,
    signature_space: float = 20 * MM,
) -> float:
    """Draw the signature block centred on ``x_center`` from ``top`` down; return the y just below it.

    Lines: ``place_date`` ("Samarinda, 22 November 2026") when given; "a.n. …," when the signer signs on
    someone's behalf; the jabatan with its comma (wrapped within ``width``); ``signature_space`` left blank
    for the wet signature and the stamp; the nama in bold, underlined; the pangkat/golongan; "NIP. …" grouped.
    """
    register_fonts()
    lines = _lines(signer, width=width, font_size=font_size, place_date=place_date)
    y = top - _CAP_HEIGHT * font_size
    canvas.saveState()
    for index, (text, font, size) in enumerate(lines):
        if index:
            y -= signature_space if text == "" else _LEADING * size
        if not text:
            continue
        canvas.setFont(font, size)
        canvas.drawCentredString(x_center, y, text)
        if font == SANS_BOLD:
            half = string_width(text, font, size) / 2
            underline_y = y - _UNDERLINE_OFFSET * size
            canvas.setLineWidth(_UNDERLINE_WIDTH * size)
            canvas.line(x_center - half, underline_y, x_center + half, underline_y)
    canvas.restoreState()
    return float(y - _DESCENT * font_size)
