"""The lembar disposisi (disposition slip) of an incoming letter: letters.md B5, rules R8 and R11–R13.

One page, by default on ½ F4 (165 × 215 mm), also A5, A4 and F4: the kop surat; the title (with "CETAK ULANG"
on a re-print); a framed form holding the letter's particulars, the "Diteruskan kepada Sdr." and "Dengan
hormat harap" tick lists, ruled space for the handwritten disposition and the signature block; and below a
dashed tear-off line, the *tanda terima* strip the clerk takes back as proof of distribution.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import fit_text, pdf_bytes, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import HALF_F4, MM, Box, Margins, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

TITLE = "LEMBAR DISPOSISI"
REPRINT_MARK = "CETAK ULANG"
STRIP_TITLE = "TANDA TERIMA"

DEFAULT_INSTRUCTIONS: tuple[str, ...] = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan/konfirmasikan",
    "Untuk diketahui",
    "Untuk ditindaklanjuti",
    "Wakili/hadiri",
    "Siapkan bahan/jawaban",
    "Jadwalkan/agendakan",
    "Bicarakan dengan saya",
    "Arsip/file",
    "Lainnya: ……",
)
"""The "Dengan hormat harap" list shipped by default (letters.md B5); offices configure their own."""

SIFAT_LABELS = ("Sangat segera", "Segera", "Rahasia")

_CAP = 0.73  # Liberation Sans capital height, in em
_DESC = 0.21  # descender depth, in em
_LEADERS = ("……", "...", "…")


@dataclass(frozen=True, slots=True)
class DisposisiLetter:
    """The incoming letter's particulars, every string already formatted by the caller (Indonesian dates).

    ``sangat_segera``/``segera``/``rahasia`` tick the *Sifat* boxes (R8: Rahasia for keamanan R and SR).
    ``kode_klasifikasi`` and ``lampiran`` are printed only when given; an empty required field prints a dotted
    line to be filled in by hand.
    """

    asal_surat: str
    nomor_surat: str
    tanggal_surat: str
    tanggal_diterima: str
    jam_diterima: str
    nomor_agenda: str
    perihal: str
    kode_klasifikasi: str = ""
    lampiran: str = ""
    sangat_segera: bool = False
    segera: bool = False
    rahasia: bool = False
    ditujukan_kepada: str = ""


@dataclass(frozen=True, slots=True)
class DisposisiSheet:
    """Everything one lembar disposisi shows.

    ``recipients`` is the "Diteruskan kepada Sdr." list (jabatan, in the order of the org chart; one empty
    line is always added for a name written by hand); ``instructions`` the "Dengan hormat harap" list (see
    :data:`DEFAULT_INSTRUCTIONS`). Without a ``signer`` the jabatan and name are left blank for handwriting.
    ``reprint`` prints "CETAK ULANG" by the title (R12); ``copies_note`` (e.g. "Rangkap 2 (merah muda)")
    prints small at the top; ``tanda_terima`` adds the tear-off receipt strip (R13); ``batas_waktu`` pre-fills
    the deadline.
    """

    header: OfficeHeader
    letter: DisposisiLetter
    recipients: tuple[str, ...]
    instructions: tuple[str, ...]
    signer: Signer | None
    paper: PaperSize = HALF_F4
    reprint: bool = False
    copies_note: str = ""
    tanda_terima: bool = True
    batas_waktu: str = ""


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Sizes (points unless noted) for small sheets (½ F4, A5) and full ones (A4, F4)."""

    margins: Margins
    kop_scale: float | None
    title: float
    body: float
    body_min: float
    small: float
    list_max: float
    list_min: float
    pad: float  # inside the frame, around each section
    gap: float  # between the kop, the title and the frame
    sig_font: float
    sig_space: float
    sig_width_share: float
    note_line: float  # spacing of the ruled handwriting lines
    note_min_lines: int
    strip_rows: int
    strip_row: float

    @classmethod
    def for_paper(cls, paper: PaperSize) -> _Metrics:
        if paper.width_mm >= 180:
            return cls(
                margins=Margins(12, 15, 12, 20),
                kop_scale=None,
                title=14,
                body=10.5,
                body_min=8.5,
                small=8.5,
                list_max=10,
                list_min=8,
                pad=2.2 * MM,
                gap=3 * MM,
                sig_font=10,
                sig_space=18 * MM,
                sig_width_share=0.42,
                note_line=8 * MM,
                note_min_lines=4,
                strip_rows=3,
                strip_row=8 * MM,
            )
        return cls(
            margins=Margins(7, 9, 7, 9),
            kop_scale=0.64,
            title=11.5,
            body=8.5,
            body_min=7.5,
            small=7,
            list_max=8,
            list_min=7,
            pad=1.5 * MM,
            gap=2 * MM,
            sig_font=8,
            sig_space=11 * MM,
            sig_width_share=0.42,
            note_line=6 * MM,
            note_min_lines=3,
            strip_rows=2,
            strip_row=6.5 * MM,
        )


@dataclass(slots=True)
class _Section:
    height: float
    draw: Callable[[float], None]  # called with the section's top y


# --- small drawing helpers -----------------------------------------------------------------------------------


def _baseline(slot_top: float, slot_height: float, size: float) -> float:
    """The baseline that centres a line of capitals of ``size`` vertically in a slot."""
    return slot_top - slot_height / 2 - (_CAP - _DESC) / 2 * size


def _dotted_line(canvas: Canvas, x1: float, x2: float, y: float, width: float = 0.5) -> None:
    """A dotted line to write on (drawn, so it prints the same at any size)."""
    if x2 - x1 < 2:
        return
    canvas.saveState()
    canvas.setLineWidth(width)
    canvas.setLineCap(1)
    canvas.setDash(0.1, 2.2)
    canvas.line(x1, y, x2, y)
    canvas.restoreState()


def tick_box(canvas: Canvas, x: float, y: float, side: float, ticked: bool) -> None:
    """A square tick box with its lower-left corner at (x, y); a drawn check mark ✓ inside when ``ticked``."""
    canvas.saveState()
    canvas.setLineWidth(max(0.5, side * 0.08))
    canvas.rect(x, y, side, side, stroke=1, fill=0)
    if ticked:
        canvas.setLineWidth(max(0.9, side * 0.14))
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        path = canvas.beginPath()
        path.moveTo(x + 0.18 * side, y + 0.52 * side)
        path.lineTo(x + 0.42 * side, y + 0.2 * side)
        path.lineTo(x + 0.86 * side, y + 0.88 * side)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _box_side(size: float) -> float:
    return 0.95 * size


def _strip_leader(text: str) -> tuple[str, bool]:
    """``"Lainnya: ……"`` → (``"Lainnya:"``, True): trailing dots become a drawn line to the column's end."""
    stripped = text.rstrip()
    for leader in _LEADERS:
        if stripped.endswith(leader):
            return stripped.removesuffix(leader).rstrip(" .…"), True
    return stripped, False


def _fit_one_line(text: str, font: str, width: float, size: float, min_size: float) -> tuple[str, float]:
    """``text`` on one line within ``width``: shrunk down to ``min_size``, then shortened with "…"."""
    text = " ".join(text.split())
    natural = string_width(text, font, size)
    if natural <= width:
        return text, size
    shrunk = size * width / natural
    if shrunk >= min_size:
        return text, shrunk
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(",;:") + " …"
        if string_width(candidate, font, min_size) <= width:
            return candidate, min_size
    return "…", min_size


def _fit_lines(
    text: str, font: str, width: float, size: float, min_size: float, max_lines: int
) -> tuple[tuple[str, ...], float]:
    """Left-aligned text in at most ``max_lines`` lines within ``width``, as large as possible.

    Wraps greedily (lines filled as in running text) at the largest size from ``size`` down to ``min_size``;
    when even ``min_size`` needs more lines, the balanced ``max_lines`` layout is shrunk below it, so the text
    never runs past ``width``.
    """
    text = " ".join(text.split())
    if not text:
        return (), size
    step = 0.25
    current = size
    while current >= min_size - 1e-9:
        lines = wrap_greedy(text, font, current, width)
        if len(lines) <= max_lines and all(string_width(line, font, current) <= width for line in lines):
            return tuple(lines), current
        current -= step
    fitted = fit_text(text, font, width, max_size=min_size, min_size=min_size, max_lines=max_lines)
    return fitted.lines, fitted.font_size


# --- the letter block ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cell:
    label: str
    lines: tuple[str, ...]
    size: float
    font: str = SANS
    sifat: tuple[tuple[str, bool], ...] = ()  # tick boxes instead of text


def _value_cell(label: str, value: str, width: float, m: _Metrics, font: str = SANS) -> _Cell:
    """A value on one line, shrunk a little if need be; wrapped onto a second line only when that is not enough."""
    value = " ".join(value.split())
    if value and string_width(value, font, m.body_min) <= width:
        return _Cell(label, (value,), min(m.body, m.body * width / string_width(value, font, m.body)), font)
    lines, size = _fit_lines(value, font, width, m.body, m.body_min, 2)
    return _Cell(label, lines, size, font)


def _sifat_width(size: float) -> float:
    """Width of the three Sifat tick boxes on one line."""
    items = sum(_box_side(size) + 0.4 * size + string_width(label, SANS, size) for label in SIFAT_LABELS)
    return items + 1.1 * size * (len(SIFAT_LABELS) - 1)


def _sifat_rows(items: Sequence[tuple[str, bool]], width: float, size: float) -> list[list[tuple[str, bool]]]:
    """The Sifat tick boxes flowed left to right, on as many rows as ``width`` needs."""
    rows: list[list[tuple[str, bool]]] = [[]]
    used = 0.0
    for label, ticked in items:
        item_w = _box_side(size) + 0.4 * size + string_width(label, SANS, size)
        spacing = 1.1 * size if rows[-1] else 0.0
        if rows[-1] and used + spacing + item_w > width:
            rows.append([])
            used, spacing = 0.0, 0.0
        rows[-1].append((label, ticked))
        used += spacing + item_w
    return rows


def _letter_section(canvas: Canvas, sheet: DisposisiSheet, m: _Metrics, frame: Box) -> _Section:
    letter = sheet.letter
    inner_left, inner_right = frame.left + m.pad, frame.right - m.pad
    inner_w = inner_right - inner_left
    gutter = 2 * m.pad
    size = m.body
    colon = string_width(" : ", SANS, size)

    left_labels = ["Surat dari", "No. surat", "Tgl. surat"]
    if letter.ditujukan_kepada.strip():
        left_labels.append("Kepada")
    right_labels = ["Diterima tgl", "No. agenda", "Sifat"]
    if letter.kode_klasifikasi.strip():
        right_labels.append("Kode")
    if letter.lampiran.strip():
        right_labels.append("Lampiran")
    left_label_w = max(string_width(label, SANS, size) for label in [*left_labels, "Hal"])
    right_label_w = max(string_width(label, SANS, size) for label in right_labels)
    # The right column is as wide as the Sifat boxes need on one line (within 44–60 % of the width).
    columns_w = inner_w - gutter
    right_w = min(0.6 * columns_w, max(0.44 * columns_w, right_label_w + colon + _sifat_width(size) + 1))
    left_w = columns_w - right_w
    right_left = inner_right - right_w
    left_value_w = left_w - left_label_w - colon
    right_value_w = right_w - right_label_w - colon

    diterima = " ".join(letter.tanggal_diterima.split())
    jam = " ".join(letter.jam_diterima.split())
    if diterima and jam:
        diterima = f"{diterima}, pukul {jam}"
    elif jam:
        diterima = f"pukul {jam}"

    left_cells = [
        _value_cell("Surat dari", letter.asal_surat, left_value_w, m),
        _value_cell("No. surat", letter.nomor_surat, left_value_w, m),
        _value_cell("Tgl. surat", letter.tanggal_surat, left_value_w, m),
    ]
    if letter.ditujukan_kepada.strip():
        left_cells.append(_value_cell("Kepada", letter.ditujukan_kepada, left_value_w, m))
    sifat = tuple(zip(SIFAT_LABELS, (letter.sangat_segera, letter.segera, letter.rahasia), strict=True))
    right_cells = [
        _value_cell("Diterima tgl", diterima, right_value_w, m),
        _value_cell("No. agenda", letter.nomor_agenda, right_value_w, m, SANS_BOLD),
        _Cell("Sifat", (), size, sifat=sifat),
    ]
    if letter.kode_klasifikasi.strip():
        right_cells.append(_value_cell("Kode", letter.kode_klasifikasi, right_value_w, m))
    if letter.lampiran.strip():
        right_cells.append(_value_cell("Lampiran", letter.lampiran, right_value_w, m))

    lead = 1.32 * size
    # The Sifat boxes shrink a little to stay on one line (narrow A5), and wrap only below list_min.
    sifat_size = max(m.list_min, min(size, size * right_value_w / _sifat_width(size)))
    sifat_rows = _sifat_rows(sifat, right_value_w, sifat_size)

    def cell_lines(cell: _Cell | None) -> int:
        if cell is None:
            return 1
        if cell.sifat:
            return len(sifat_rows)
        return max(1, len(cell.lines))

    rows: list[tuple[_Cell | None, _Cell | None]] = []
    for index in range(max(len(left_cells), len(right_cells))):
        rows.append(
            (
                left_cells[index] if index < len(left_cells) else None,
                right_cells[index] if index < len(right_cells) else None,
            )
        )
    row_lines = [max(cell_lines(a), cell_lines(b)) for a, b in rows]
    # A row with a blank value gets room above its dotted line to write the value by hand.
    blank_extra = 0.6
    row_drops = [
        blank_extra * lead if any(c is not None and not c.sifat and not c.lines for c in row) else 0.0
        for row in rows
    ]

    hal_w = inner_right - inner_left - left_label_w - colon
    hal_lines, hal_size = _fit_lines(letter.perihal, SANS, hal_w, size, m.body_min, 3)
    hal_lead = max(lead * hal_size / size, 1.18 * hal_size)
    hal_h = max(1, len(hal_lines)) * hal_lead if hal_lines else (1 + blank_extra) * lead
    height = m.pad * 0.8 + sum(row_lines) * lead + sum(row_drops) + 0.25 * lead + hal_h + m.pad * 0.8

    def draw_cell(cell: _Cell, x: float, label_w: float, value_w: float, top: float) -> None:
        canvas.setFont(SANS, size)
        first = _baseline(top, lead, size)
        canvas.drawString(x, first, cell.label)
        canvas.drawString(x + label_w, first, " :")
        value_x = x + label_w + colon
        if cell.sifat:
            side = _box_side(sifat_size)
            for row_index, row in enumerate(sifat_rows):
                baseline = first - row_index * lead
                item_x = value_x
                for label, ticked in row:
                    tick_box(canvas, item_x, baseline - 0.08 * sifat_size, side, ticked)
                    item_x += side + 0.4 * sifat_size
                    canvas.setFont(SANS, sifat_size)
                    canvas.drawString(item_x, baseline, label)
                    item_x += string_width(label, SANS, sifat_size) + 1.1 * sifat_size
            return
        if not cell.lines:
            _dotted_line(canvas, value_x, value_x + value_w, first - 0.15 * size)
            return
        canvas.setFont(cell.font, cell.size)
        for line_index, line in enumerate(cell.lines):
            canvas.drawString(value_x, _baseline(top - line_index * lead, lead, cell.size), line)

    def draw(top: float) -> None:
        y = top - m.pad * 0.8
        for (left_cell, right_cell), count, drop in zip(rows, row_lines, row_drops, strict=True):
            y -= drop
            if left_cell is not None:
                draw_cell(left_cell, inner_left, left_label_w, left_value_w, y)
            if right_cell is not None:
                draw_cell(right_cell, right_left, right_label_w, right_value_w, y)
            y -= count * lead
        y -= 0.25 * lead + (0.0 if hal_lines else blank_extra * lead)
        canvas.setFont(SANS, size)
        first = _baseline(y, lead if not hal_lines else hal_lead, size)
        canvas.drawString(inner_left, first, "Hal")
        canvas.drawString(inner_left + left_label_w, first, " :")
        value_x = inner_left + left_label_w + colon
        if not hal_lines:
            _dotted_line(canvas, value_x, inner_right, first - 0.15 * size)
            return
        canvas.setFont(SANS, hal_size)
        for index, line in enumerate(hal_lines):
            canvas.drawString(value_x, _baseline(y - index * hal_lead, hal_lead, hal_size), line)

    return _Section(height, draw)


# --- the two tick lists --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    lines: tuple[str, ...]
    size: float
    leader: bool  # a drawn dotted line after the text (or instead of it) to write on

    def height(self, lead_factor: float, item_gap: float) -> float:
        return max(1, len(self.lines)) * lead_factor * self.size + item_gap


def _items(texts: Sequence[str], width: float, size: float, max_lines: int = 2) -> list[_Item]:
    """Each list entry wrapped in up to ``max_lines`` lines beside its tick box, shrunk further only if it must."""
    text_w = width - _box_side(size) - 0.5 * size
    items: list[_Item] = []
    for text in texts:
        body, leader = _strip_leader(text)
        if not body:
            items.append(_Item((), size, True))
            continue
        lines, fitted = _fit_lines(body, SANS, text_w, size, size, max_lines)
        if leader and len(lines) == 1 and string_width(lines[0], SANS, fitted) > text_w - 6 * MM:
            leader = False  # no room left to write on that line
        items.append(_Item(lines, fitted, leader))
    return items


def _split_columns(heights: Sequence[float], columns: int) -> list[int]:
    """Where each of up to ``columns`` sub-columns starts so the tallest is as short as possible (order kept)."""
    count = len(heights)
    columns = max(1, min(columns, count))
    best: tuple[float, tuple[int, ...]] = (sum(heights), (0,))
    for cuts in itertools.combinations(range(1, count), columns - 1):
        bounds = (0, *cuts, count)
        tallest = max(sum(heights[a:b]) for a, b in itertools.pairwise(bounds))
        if tallest < best[0] - 1e-9:
            best = (tallest, bounds[:-1])
    return list(best[1])


@dataclass(frozen=True, slots=True)
class _ListLayout:
    size: float
    columns: int
    recipients: list[_Item]
    instructions: list[_Item]
    recipient_starts: list[int]
    lead_factor: float
    item_gap: float
    height: float


def _list_layout(
    sheet: DisposisiSheet,
    m: _Metrics,
    size: float,
    columns: int,
    recipient_w: float,
    instruction_w: float,
    sub_gap: float,
    *,
    strict: bool,
) -> _ListLayout | None:
    """The lists at ``size`` with the recipients in ``columns`` sub-columns.

    ``strict``: ``None`` when an entry would need a smaller size than the rest (a list of mixed sizes looks
    broken); otherwise such an entry is shrunk on its own, the last resort.
    """
    lead_factor = 1.18
    item_gap = 0.3 * size
    sub_w = (recipient_w - sub_gap * (columns - 1)) / columns
    # A narrow sub-column may take a third line: better than a smaller size.
    recipients = _items([*sheet.recipients, "……"], sub_w, size, 2 if columns == 1 else 3)
    instructions = _items(sheet.instructions, instruction_w, size)
    if strict and any(item.size < size - 1e-6 for item in (*recipients, *instructions)):
        return None
    r_heights = [item.height(lead_factor, item_gap) for item in recipients]
    starts = _split_columns(r_heights, columns)
    bounds = [*starts, len(recipients)]
    r_height = max(sum(r_heights[a:b]) for a, b in itertools.pairwise(bounds))
    i_height = sum(item.height(lead_factor, item_gap) for item in instructions)
    heading = 1.45 * m.body
    height = m.pad + heading + max(r_height, i_height) + m.pad * 0.6
    return _ListLayout(size, columns, recipients, instructions, starts, lead_factor, item_gap, height)


def _list_candidates(m: _Metrics) -> list[tuple[float, int]]:
    """(size, sub-columns of recipients) from the most to the least comfortable."""
    sizes: list[float] = []
    size = m.list_max
    while size >= m.list_min - 1e-9:
        sizes.append(round(size, 2))
        size -= 0.25
    candidates = [(s, columns) for columns in (1, 2, 3) for s in sizes]
    size = m.list_min - 0.25
    while size >= 4.5:  # last resort for an unusually long list: smaller, but never off the sheet
        candidates.extend(((round(size, 2), 2), (round(size, 2), 3)))
        size -= 0.25
    return candidates


def _lists_section(
    canvas: Canvas, sheet: DisposisiSheet, m: _Metrics, frame: Box, available: float
) -> _Section:
    inner_left, inner_right = frame.left + m.pad, frame.right - m.pad
    inner_w = inner_right - inner_left
    divider_gap = 2 * m.pad
    natural = max(
        [string_width(_strip_leader(t)[0] + " ……", SANS, m.list_max) for t in sheet.instructions]
        + [string_width("Dengan hormat harap:", SANS_BOLD, m.body)]
    )
    instruction_w = min(0.48 * inner_w, max(0.3 * inner_w, natural + _box_side(m.list_max) + m.list_max))
    recipient_w = inner_w - divider_gap - instruction_w
    divider_x = inner_left + recipient_w + divider_gap / 2
    instruction_left = inner_right - instruction_w
    sub_gap = 1.5 * m.pad

    chosen: _ListLayout | None = None
    for strict in (True, False):
        for size, columns in _list_candidates(m):
            layout = _list_layout(sheet, m, size, columns, recipient_w, instruction_w, sub_gap, strict=strict)
            if layout is not None and layout.height <= available:
                chosen = layout
                break
        if chosen is not None:
            break
    if chosen is None:
        raise ValueError(
            "Daftar penerima dan petunjuk disposisi terlalu panjang untuk satu lembar "
            f"{sheet.paper.description}; kurangi daftarnya atau pilih kertas yang lebih besar."
        )
    sub_w = (recipient_w - sub_gap * (chosen.columns - 1)) / chosen.columns

    def draw_items(items: Sequence[_Item], x: float, width: float, top: float) -> None:
        y = top
        for item in items:
            lead = chosen.lead_factor * item.size
            side = _box_side(item.size)
            first = _baseline(y, lead, item.size)
            tick_box(canvas, x, first - 0.08 * item.size, side, False)
            text_x = x + side + 0.5 * item.size
            canvas.setFont(SANS, item.size)
            for index, line in enumerate(item.lines):
                canvas.drawString(text_x, first - index * lead, line)
            if item.leader:
                last = item.lines[-1] if item.lines else ""
                start = text_x + (string_width(last, SANS, item.size) + 0.3 * item.size if last else 0)
                baseline = first - (len(item.lines) - 1) * lead if item.lines else first
                _dotted_line(canvas, start, x + width, baseline - 0.1 * item.size)
            y -= item.height(chosen.lead_factor, chosen.item_gap)

    def draw(top: float) -> None:
        heading_base = top - m.pad - _CAP * m.body
        canvas.setFont(SANS_BOLD, m.body)
        canvas.drawString(inner_left, heading_base, "Diteruskan kepada Sdr.:")
        canvas.drawString(instruction_left, heading_base, "Dengan hormat harap:")
        list_top = top - m.pad - 1.45 * m.body
        bounds = [*chosen.recipient_starts, len(chosen.recipients)]
        for column, (start, end) in enumerate(itertools.pairwise(bounds)):
            x = inner_left + column * (sub_w + sub_gap)
            draw_items(chosen.recipients[start:end], x, sub_w, list_top)
        draw_items(chosen.instructions, instruction_left, instruction_w, list_top)
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.line(divider_x, top, divider_x, top - chosen.height)
        canvas.restoreState()

    return _Section(chosen.height, draw)


# --- catatan, batas waktu and the signature ------------------------------------------------------------------


def _blank_signer_height(m: _Metrics) -> float:
    size = m.sig_font
    return _CAP * size + 1.6 * size + m.sig_space + 1.25 * size + _DESC * size


def _draw_blank_signer(canvas: Canvas, m: _Metrics, x_center: float, top: float, width: float) -> None:
    """Jabatan and name left blank (dotted) for whoever disposes; "NIP." under the name line."""
    size = m.sig_font
    half = min(width, 48 * MM) / 2
    jabatan_y = top - _CAP * size
    _dotted_line(canvas, x_center - half, x_center + half, jabatan_y - 0.1 * size, 0.6)
    name_y = jabatan_y - 1.6 * size - m.sig_space
    _dotted_line(canvas, x_center - half, x_center + half, name_y - 0.1 * size, 0.6)
    nip_y = name_y - 1.25 * size
    canvas.setFont(SANS, size)
    label = "NIP."
    canvas.drawString(x_center - half, nip_y, label)
    _dotted_line(canvas, x_center - half + string_width(label, SANS, size) + 2, x_center + half, nip_y - 1)


def _notes_min_height(sheet: DisposisiSheet, m: _Metrics, sig_w: float) -> tuple[float, float]:
    """(minimum section height, signature block height) of the catatan part."""
    size = m.body
    if sheet.signer is None:
        sig_h = _blank_signer_height(m)
    else:
        sig_h = signature_block_height(
            sheet.signer, width=sig_w, font_size=m.sig_font, signature_space=m.sig_space
        )
    right = m.pad + 1.5 * size + 1.7 * size + sig_h + m.pad * 0.6  # batas waktu, paraf/tanggal, signature
    left = m.pad + 1.45 * size + m.note_min_lines * m.note_line + m.pad * 0.6
    return max(right, left), sig_h


def _notes_section(
    canvas: Canvas, sheet: DisposisiSheet, m: _Metrics, frame: Box, height: float, sig_h: float
) -> _Section:
    inner_left, inner_right = frame.left + m.pad, frame.right - m.pad
    inner_w = inner_right - inner_left
    sig_w = m.sig_width_share * inner_w
    sig_left = inner_right - sig_w
    sig_center = sig_left + sig_w / 2
    size = m.body

    def draw(top: float) -> None:
        bottom = top - height
        heading = top - m.pad - _CAP * size
        canvas.setFont(SANS_BOLD, size)
        canvas.drawString(inner_left, heading, "Catatan / isi disposisi:")

        # Batas waktu, top right
        label = "Batas waktu :"
        canvas.setFont(SANS, size)
        canvas.drawString(sig_left, heading, label)
        value_x = sig_left + string_width(label + " ", SANS, size)
        batas = " ".join(sheet.batas_waktu.split())
        if batas:
            text, fitted = _fit_one_line(batas, SANS_BOLD, inner_right - value_x, size, 6.5)
            canvas.setFont(SANS_BOLD, fitted)
            canvas.drawString(value_x, heading, text)
        else:
            _dotted_line(canvas, value_x, inner_right, heading - 0.15 * size)

        # The signature block sits at the bottom right, the paraf/tanggal line just above it.
        sig_top = bottom + m.pad * 0.6 + sig_h
        paraf_y = sig_top + 0.9 * size
        paraf_label = "Paraf/tanggal :"
        canvas.setFont(SANS, m.sig_font)
        canvas.drawString(sig_left, paraf_y, paraf_label)
        _dotted_line(
            canvas,
            sig_left + string_width(paraf_label + " ", SANS, m.sig_font),
            inner_right,
            paraf_y - 0.15 * m.sig_font,
        )
        if sheet.signer is None:
            _draw_blank_signer(canvas, m, sig_center, sig_top, sig_w)
        else:
            draw_signature_block(
                canvas,
                sheet.signer,
                x_center=sig_center,
                top=sig_top,
                width=sig_w,
                font_size=m.sig_font,
                signature_space=m.sig_space,
            )

        # Ruled lines for the handwritten disposition: across the whole width between the batas waktu and
        # the paraf/tanggal line, then only left of the signature.
        y = heading - m.note_line
        while y > bottom + m.pad * 0.6:
            full = y > paraf_y + 1.4 * size and y < heading - 1.2 * size
            _dotted_line(canvas, inner_left, inner_right if full else sig_left - 2 * m.pad, y, 0.45)
            y -= m.note_line

    return _Section(height, draw)


# --- the tanda terima strip ----------------------------------------------------------------------------------


def _strip_height(m: _Metrics) -> float:
    return 2.2 * m.small + 1.7 * m.body + 1.6 * m.small + m.strip_rows * m.strip_row


def _draw_strip(canvas: Canvas, sheet: DisposisiSheet, m: _Metrics, box: Box, top: float) -> None:
    """Dashed tear-off line, then "TANDA TERIMA" with the nomor agenda and hal, and a table to sign."""
    size = m.small
    cut_y = top - 1.1 * size
    note = "potong di sini"
    note_w = string_width(note, SANS_ITALIC, size)
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 2.5)
    canvas.line(box.left, cut_y, box.center_x - note_w / 2 - 4, cut_y)
    canvas.line(box.center_x + note_w / 2 + 4, cut_y, box.right, cut_y)
    canvas.restoreState()
    canvas.setFont(SANS_ITALIC, size)
    canvas.drawCentredString(box.center_x, cut_y - 0.3 * size, note)

    title_y = cut_y - 1.1 * size - _CAP * m.body
    canvas.setFont(SANS_BOLD, m.body)
    canvas.drawString(box.left, title_y, STRIP_TITLE)
    x = box.left + string_width(STRIP_TITLE, SANS_BOLD, m.body) + 1.2 * m.body
    agenda = f"No. agenda: {' '.join(sheet.letter.nomor_agenda.split()) or '……'}"
    canvas.setFont(SANS, size)
    canvas.drawString(x, title_y, agenda)
    x += string_width(agenda, SANS, size) + 1.2 * size
    # A Rahasia letter's perihal stays off the strip, which leaves the sheet (letters.md R10).
    hal = "" if sheet.letter.rahasia else " ".join(sheet.letter.perihal.split())
    if hal and box.right - x > 15 * MM:
        text, fitted = _fit_one_line(f"Hal: {hal}", SANS, box.right - x, size, size)
        canvas.setFont(SANS, fitted)
        canvas.drawString(x, title_y, text)

    headers = ("Unit", "Nama", "Tanda tangan", "Tanggal")
    shares = (0.32, 0.30, 0.22, 0.16)
    table_top = title_y - 0.7 * m.body
    header_h = 1.6 * size
    table_bottom = table_top - header_h - m.strip_rows * m.strip_row
    edges = [box.left]
    for share in shares:
        edges.append(edges[-1] + share * box.width)
    edges[-1] = box.right
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.rect(box.left, table_bottom, box.width, table_top - table_bottom, stroke=1, fill=0)
    for x_edge in edges[1:-1]:
        canvas.line(x_edge, table_top, x_edge, table_bottom)
    for row in range(m.strip_rows + 1):
        y = table_top - header_h - row * m.strip_row
        canvas.line(box.left, y, box.right, y)
    canvas.restoreState()
    canvas.setFont(SANS_BOLD, size)
    for label, a, b in zip(headers, edges, edges[1:], strict=False):
        canvas.drawCentredString((a + b) / 2, _baseline(table_top, header_h, size), label)


# --- the page ------------------------------------------------------------------------------------------------


def build_disposisi(sheet: DisposisiSheet) -> bytes:
    """The lembar disposisi as a one-page PDF on ``sheet.paper`` (½ F4, A5, A4 or F4)."""
    paper = sheet.paper
    if paper.height_mm is None or paper.width_mm < 120 or paper.height_mm < 180:
        raise ValueError(f"Lembar disposisi memerlukan kertas minimal A5; {paper.description} terlalu kecil.")
    agenda = " ".join(sheet.letter.nomor_agenda.split())
    title = f"Lembar disposisi — No. agenda {agenda}" if agenda else "Lembar disposisi"
    if sheet.reprint:
        title += " (cetak ulang)"

    def build(canvas: Canvas) -> None:
        _draw_sheet(canvas, sheet)

    return pdf_bytes(build, paper, title, subject="Lembar disposisi surat masuk")


def _draw_title(canvas: Canvas, sheet: DisposisiSheet, m: _Metrics, box: Box, top: float) -> float:
    """The title centred, "CETAK ULANG" boxed at the right, the copies note at the left; return the y below."""
    size = m.title
    baseline = top - _CAP * size
    canvas.setFont(SANS_BOLD, size)
    canvas.drawCentredString(box.center_x, baseline, TITLE)
    half = string_width(TITLE, SANS_BOLD, size) / 2
    canvas.saveState()
    canvas.setLineWidth(0.06 * size)
    canvas.line(box.center_x - half, baseline - 0.15 * size, box.center_x + half, baseline - 0.15 * size)
    canvas.restoreState()
    side_w = box.width / 2 - half - 5 * MM
    bottom = baseline - 0.15 * size - 0.06 * size
    if sheet.reprint:
        mark_size = min(m.body + 0.5, size)
        text_w = string_width(REPRINT_MARK, SANS_BOLD, mark_size)
        if text_w + 1.2 * mark_size > side_w:
            mark_size *= side_w / (text_w + 1.2 * mark_size)
            text_w = string_width(REPRINT_MARK, SANS_BOLD, mark_size)
        pad = 0.6 * mark_size
        box_h = (_CAP + 0.9) * mark_size
        box_top = baseline + _CAP * size / 2 + box_h / 2
        canvas.saveState()
        canvas.setLineWidth(1.2)
        canvas.rect(box.right - text_w - 2 * pad, box_top - box_h, text_w + 2 * pad, box_h, stroke=1, fill=0)
        canvas.restoreState()
        canvas.setFont(SANS_BOLD, mark_size)
        canvas.drawString(box.right - text_w - pad, box_top - (box_h + _CAP * mark_size) / 2, REPRINT_MARK)
        bottom = min(bottom, box_top - box_h)
    note = " ".join(sheet.copies_note.split())
    if note:
        lines, note_size = _fit_lines(note, SANS_ITALIC, side_w, m.small, 6, 2)
        canvas.setFont(SANS_ITALIC, note_size)
        lead = 1.15 * note_size
        first = baseline + _CAP * size / 2 - _CAP * note_size / 2 + (len(lines) - 1) * lead / 2
        for index, line in enumerate(lines):
            canvas.drawString(box.left, first - index * lead, line)
        bottom = min(bottom, first - (len(lines) - 1) * lead - _DESC * note_size)
    return float(bottom)


def _draw_sheet(canvas: Canvas, sheet: DisposisiSheet) -> None:
    register_fonts()
    m = _Metrics.for_paper(sheet.paper)
    box = m.margins.content_box(sheet.paper)
    y = draw_kop(canvas, sheet.header, left=box.left, right=box.right, top=box.top, scale=m.kop_scale)
    y = _draw_title(canvas, sheet, m, box, y - m.gap)
    frame_top = y - m.gap * 0.9

    frame_bottom = box.bottom
    if sheet.tanda_terima:
        frame_bottom += _strip_height(m) + m.gap
    frame = Box(box.left, frame_bottom, box.right, frame_top)

    letter = _letter_section(canvas, sheet, m, frame)
    sig_w = m.sig_width_share * (frame.width - 2 * m.pad)
    notes_min, sig_h = _notes_min_height(sheet, m, sig_w)
    lists = _lists_section(canvas, sheet, m, frame, frame.height - letter.height - notes_min)
    notes_h = max(notes_min, frame.height - letter.height - lists.height)
    notes = _notes_section(canvas, sheet, m, frame, notes_h, sig_h)

    frame_bottom = frame_top - letter.height - lists.height - notes_h
    canvas.saveState()
    canvas.setLineWidth(0.9)
    canvas.rect(frame.left, frame_bottom, frame.width, frame_top - frame_bottom, stroke=1, fill=0)
    canvas.setLineWidth(0.6)
    for rule_y in (frame_top - letter.height, frame_top - letter.height - lists.height):
        canvas.line(frame.left, rule_y, frame.right, rule_y)
    canvas.restoreState()

    top = frame_top
    for section in (letter, lists, notes):
        section.draw(top)
        top -= section.height

    if sheet.tanda_terima:
        _draw_strip(canvas, sheet, m, box, box.bottom + _strip_height(m))
