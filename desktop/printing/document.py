"""Helpers every document uses: a canvas with page size and metadata, PDF bytes, fitting text to a width."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import IO

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.fonts import SANS, register_fonts, string_width
from desktop.printing.pages import PaperSize

CREATOR = "Sekretariat"


def new_canvas(
    buffer: IO[bytes],
    paper: PaperSize,
    title: str,
    author: str = "Sekretariat",
    *,
    subject: str = "",
    invariant: bool = False,
) -> Canvas:
    """A reportlab canvas on ``paper`` writing to ``buffer``, with the PDF's title, author and creator set.

    ``invariant=True`` leaves out the creation time and random ids, so the same input gives the same bytes.
    """
    register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=paper.size_pt,
        pageCompression=1,
        invariant=int(invariant),
        # Without this every page names Helvetica, a font that is not embedded.
        initialFontName=SANS,
        initialFontSize=10,
        initialLeading=12,
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator(CREATOR)
    if subject:
        canvas.setSubject(subject)
    return canvas


def pdf_bytes(
    build: Callable[[Canvas], None],
    paper: PaperSize,
    title: str,
    author: str = "Sekretariat",
    *,
    subject: str = "",
    invariant: bool = False,
) -> bytes:
    """Run ``build(canvas)`` on a fresh canvas and return the finished PDF.

    ``build`` draws the pages; between pages it calls ``canvas.showPage()``. The last page is closed here.
    """
    buffer = BytesIO()
    canvas = new_canvas(buffer, paper, title, author, subject=subject, invariant=invariant)
    build(canvas)
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class FittedText:
    """Text broken into ``lines`` that all fit the asked width at ``font_size``."""

    lines: tuple[str, ...]
    font_size: float

    @property
    def fits(self) -> bool:
        return bool(self.lines)


def wrap_greedy(text: str, font_name: str, font_size: float, width: float) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width`` (a single over-long word gets its own line)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and string_width(candidate, font_name, font_size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def split_balanced(text: str, font_name: str, line_count: int) -> list[str]:
    """Break ``text`` at spaces into at most ``line_count`` lines of as even a width as possible.

    Offices set a two-line dinas name or a jabatan this way: "DINAS PERINDUSTRIAN, PERDAGANGAN, KOPERASI" /
    "DAN USAHA KECIL MENENGAH" rather than one full line and one short one.
    """
    words = text.split()
    if line_count <= 1 or len(words) <= 1:
        return [" ".join(words)] if words else []
    line_count = min(line_count, len(words))
    widths: dict[tuple[int, int], float] = {}

    def width_of(start: int, end: int) -> float:
        key = (start, end)
        if key not in widths:
            widths[key] = string_width(" ".join(words[start:end]), font_name, 1.0)
        return widths[key]

    if math.comb(len(words) - 1, line_count - 1) > 5000:
        # Too many ways to split; wrap greedily at the narrowest width that still gives line_count lines.
        total = width_of(0, len(words))
        low, high = total / line_count, total
        for _ in range(30):
            middle = (low + high) / 2
            if len(wrap_greedy(text, font_name, 1.0, middle)) <= line_count:
                high = middle
            else:
                low = middle
        return wrap_greedy(text, font_name, 1.0, high)

    best: tuple[float, tuple[int, ...]] | None = None
    for breaks in itertools.combinations(range(1, len(words)), line_count - 1):
        bounds = (0, *breaks, len(words))
        widest = max(width_of(a, b) for a, b in itertools.pairwise(bounds))
        if best is None or widest < best[0]:
            best = (widest, bounds)
    assert best is not None
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(best[1])]


def fit_text(
    text: str,
    font_name: str,
    width: float,
    *,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
) -> FittedText:
    """Lay ``text`` out within ``width``: as few lines as possible, as large as possible.

    Tries one line, then two … up to ``max_lines`` (balanced), taking the first layout whose font size,
    shrunk to fit, is still at least ``min_size``. If none is, the ``max_lines`` layout is shrunk further
    below ``min_size``: the text may get small but never runs past ``width``.
    """
    if not text.split():
        return FittedText((), max_size)
    fitted = FittedText((), max_size)
    for count in range(1, max(1, max_lines) + 1):
        lines = split_balanced(text, font_name, count)
        widest = max(string_width(line, font_name, 1.0) for line in lines)
        size = min(max_size, width / widest) if widest > 0 else max_size
        fitted = FittedText(tuple(lines), size)
        if size >= min_size or len(lines) < count:
            # Enough lines to be legible, or the words ran out (more lines cannot help).
            break
    return fitted


def draw_centered_lines(
    canvas: Canvas,
    lines: tuple[str, ...] | list[str],
    *,
    x_center: float,
    baseline: float,
    font_name: str,
    font_size: float,
    leading: float,
) -> float:
    """Draw ``lines`` centred on ``x_center``, the first on ``baseline``; return the last line's baseline."""
    canvas.setFont(font_name, font_size)
    y = baseline
    for index, line in enumerate(lines):
        if index:
            y -= leading
        canvas.drawCentredString(x_center, y, line)
    return y
