"""The formulir permintaan dan pemberian cuti (Peraturan BKN 24/2017 jo. 7/2021; staff.md R21) on F4 portrait.

It keeps the eight sections of the official form: I data pegawai, II jenis cuti (tick one), III alasan,
IV lamanya, V catatan cuti (sisa cuti tahunan N-2, N-1, N and the other jenis), VI alamat selama cuti with the
applicant's signature, VII pertimbangan atasan langsung and VIII keputusan pejabat yang berwenang, each with the
four decisions (Disetujui / Perubahan / Ditangguhkan / Tidak Disetujui) and a signature; then the legend of
the asterisks. Everything fits one page: a long form is set a little smaller.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date
from desktop.core.nip import format_nip
from desktop.core.staff.cuti import CutiJenis
from desktop.core.terbilang import terbilang
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import new_canvas, pdf_bytes, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, Box, Margins, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "FORM_JENIS",
    "KEPUTUSAN",
    "LEGEND",
    "TITLE",
    "CutiDecision",
    "CutiForm",
    "SisaCutiTahunan",
    "build_cuti_form",
    "lama_text",
]

TITLE = "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI"

FORM_JENIS: tuple[CutiJenis, ...] = (
    CutiJenis.TAHUNAN,
    CutiJenis.BESAR,
    CutiJenis.SAKIT,
    CutiJenis.MELAHIRKAN,
    CutiJenis.ALASAN_PENTING,
    CutiJenis.CLTN,
)
"""The six jenis on the form, in its order (cuti bersama is not applied for)."""

KEPUTUSAN: tuple[str, ...] = ("Disetujui", "Perubahan", "Ditangguhkan", "Tidak Disetujui")
"""R21: the decisions of sections VII and VIII."""

_DECISION_HEADS = ("DISETUJUI", "PERUBAHAN****", "DITANGGUHKAN****", "TIDAK DISETUJUI****")

LEGEND: tuple[tuple[str, str], ...] = (
    ("*", "Coret yang tidak perlu"),
    ("**", "Pilih salah satu dengan memberi tanda centang (√)"),
    ("***", "Diisi oleh pejabat yang menangani bidang kepegawaian sebelum PNS mengambil cuti"),
    ("****", "Diberi tanda centang dan alasannya"),
    ("N", "Cuti tahun berjalan"),
    ("N-1", "Sisa cuti 1 tahun sebelumnya"),
    ("N-2", "Sisa cuti 2 tahun sebelumnya"),
)

MARGINS = Margins(12, 15, 10, 20)
_LEADING = 1.2
_CAP = 0.73


def lama_text(jumlah: int, satuan: str) -> str:
    """``5 (lima) hari kerja``: the length of leave as written on the form."""
    return f"{jumlah} ({terbilang(jumlah)}) {satuan}"


@dataclass(frozen=True, slots=True)
class SisaCutiTahunan:
    """One line of section V.1: the year, the days left (None: blank) and a remark."""

    tahun: int
    sisa: int | None
    keterangan: str = ""


@dataclass(frozen=True, slots=True)
class CutiDecision:
    """Section VII or VIII: ``keputusan`` is one of :data:`KEPUTUSAN` (empty: not decided yet, nothing ticked);
    ``catatan`` the reason written with a change, deferral or refusal. Without a ``signer`` the lines stay blank
    under ``blank_jabatan``."""

    signer: Signer | None = None
    keputusan: str = ""
    catatan: str = ""


@dataclass(frozen=True, slots=True)
class CutiForm:
    """One request. ``lama`` is the length as written ("5 (lima) hari kerja", see :func:`lama_text`);
    ``sisa_tahunan`` the N-2, N-1 and N lines of section V (oldest first; fewer leave blank lines);
    ``catatan_lain`` a remark per other jenis. ``header`` prints the kop above the form (the official form has
    none); ``tanggal`` None leaves the date dotted for the applicant to write."""

    nama: str
    nip: str
    jabatan: str
    masa_kerja: str
    unit_kerja: str
    jenis: CutiJenis | None
    alasan: str
    lama: str
    mulai: date
    selesai: date
    alamat: str
    tempat: str
    kepada: tuple[str, ...]
    di: str = "Tempat"
    tanggal: date | None = None
    nomor: str = ""
    telepon: str = ""
    sisa_tahunan: tuple[SisaCutiTahunan, ...] = ()
    catatan_lain: Mapping[CutiJenis, str] = field(default_factory=dict)
    atasan: CutiDecision = CutiDecision()
    pejabat: CutiDecision = CutiDecision()
    header: OfficeHeader | None = None
    paper: PaperSize = F4


@dataclass(frozen=True, slots=True)
class _Metrics:
    body: float
    small: float
    pad: float
    gap: float  # between sections
    sig_space: float


_METRICS = (
    _Metrics(body=9.5, small=7.5, pad=1.3 * MM, gap=1.8 * MM, sig_space=15 * MM),
    _Metrics(body=9.0, small=7.2, pad=1.05 * MM, gap=1.4 * MM, sig_space=13 * MM),
    _Metrics(body=8.5, small=7.0, pad=0.9 * MM, gap=1.1 * MM, sig_space=12 * MM),
    _Metrics(body=8.0, small=6.8, pad=0.8 * MM, gap=1.0 * MM, sig_space=11 * MM),
)

_CellDraw = Callable[[Canvas, float, float, float, float], None]  # (canvas, x0, top, x1, bottom)


@dataclass(frozen=True, slots=True)
class _Cell:
    x0: float
    x1: float
    text: str
    font: str
    size: float
    pad: float
    align: str = "left"  # left / center
    tick: bool = False  # a check mark in the middle of the cell
    draw: _CellDraw | None = None  # custom content instead of text
    fill: float | None = None  # grey level of the background

    def lines(self) -> list[str]:
        width = self.x1 - self.x0 - 2 * self.pad
        out: list[str] = []
        for part in self.text.split("\n"):
            out.extend(wrap_greedy(part, self.font, self.size, width) or [""])
        return out

    def height(self) -> float:
        return len(self.lines()) * self.size * _LEADING + 2 * self.pad


def _check_mark(canvas: Canvas, cx: float, cy: float, side: float) -> None:
    """A drawn ✓ centred on (cx, cy), so it prints the same whatever the font has."""
    x, y = cx - side / 2, cy - side / 2
    canvas.saveState()
    canvas.setLineWidth(max(1.0, side * 0.14))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(x + 0.1 * side, y + 0.5 * side)
    path.lineTo(x + 0.38 * side, y + 0.15 * side)
    path.lineTo(x + 0.92 * side, y + 0.9 * side)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class _FormDrawer:
    """Draws the form from the top of the page down with one set of sizes; ``y`` is where the next row goes."""

    def __init__(self, canvas: Canvas, form: CutiForm, m: _Metrics) -> None:
        self.canvas = canvas
        self.form = form
        self.m = m
        self.box: Box = MARGINS.content_box(form.paper)
        self.y = self.box.top

    # -- helpers

    def at(self, fraction: float) -> float:
        return self.box.left + fraction * self.box.width

    def cell(
        self,
        x0: float,
        x1: float,
        text: str = "",
        *,
        font: str = SANS,
        size: float | None = None,
        align: str = "left",
        tick: bool = False,
        draw: _CellDraw | None = None,
        fill: float | None = None,
    ) -> _Cell:
        size = self.m.body if size is None else size
        return _Cell(x0, x1, text, font, size, self.m.pad, align, tick, draw, fill)

    def draw_cells(self, cells: Sequence[_Cell], top: float, height: float) -> float:
        canvas = self.canvas
        bottom = top - height
        canvas.setLineWidth(0.5)
        for cell in cells:
            if cell.fill is not None:
                canvas.setFillGray(cell.fill)
                canvas.rect(cell.x0, bottom, cell.x1 - cell.x0, height, stroke=0, fill=1)
                canvas.setFillGray(0)
            canvas.rect(cell.x0, bottom, cell.x1 - cell.x0, height, stroke=1, fill=0)
            if cell.draw is not None:
                cell.draw(canvas, cell.x0, top, cell.x1, bottom)
                continue
            if cell.tick:
                _check_mark(canvas, (cell.x0 + cell.x1) / 2, (top + bottom) / 2, min(height, 5 * MM) * 0.7)
            canvas.setFont(cell.font, cell.size)
            y = top - cell.pad - _CAP * cell.size
            for line in cell.lines():
                if cell.align == "center":
                    canvas.drawCentredString((cell.x0 + cell.x1) / 2, y, line)
                else:
                    canvas.drawString(cell.x0 + cell.pad, y, line)
                y -= cell.size * _LEADING
        return bottom

    def row(self, cells: Sequence[_Cell], min_height: float = 0.0) -> None:
        height = max(min_height, *(c.height() for c in cells))
        self.y = self.draw_cells(cells, self.y, height)

    def section(self, title: str) -> None:
        self.y -= self.m.gap
        self.row([self.cell(self.box.left, self.box.right, title, font=SANS_BOLD, fill=0.92)])

    def signature_height(self, signer: Signer | None, caption: str, width: float) -> float:
        m = self.m
        block = (
            signature_block_height(
                signer, width=width - 2 * m.pad, font_size=m.body, signature_space=m.sig_space
            )
            if signer is not None
            else m.sig_space + 3 * m.body * _LEADING
        )
        return block + 2 * m.pad + (m.body * _LEADING if caption else 0.0)

    def signature(self, signer: Signer | None, caption: str, blank_jabatan: str) -> _CellDraw:
        m = self.m

        def draw(canvas: Canvas, x0: float, top: float, x1: float, bottom: float) -> None:
            center = (x0 + x1) / 2
            y = top - m.pad
            canvas.setFont(SANS, m.body)
            if caption:
                canvas.drawCentredString(center, y - _CAP * m.body, caption)
                y -= m.body * _LEADING
            if signer is not None:
                draw_signature_block(
                    canvas,
                    signer,
                    x_center=center,
                    top=y,
                    width=x1 - x0 - 2 * m.pad,
                    font_size=m.body,
                    signature_space=m.sig_space,
                )
                return
            if blank_jabatan:
                canvas.drawCentredString(center, y - _CAP * m.body, f"{blank_jabatan},")
            canvas.drawCentredString(center, bottom + m.pad + 1.4 * m.body, "(" + "." * 45 + ")")
            canvas.drawString(x0 + 4 * m.pad, bottom + m.pad + 0.3 * m.body, "NIP.")

        return draw

    # -- the form

    def draw(self) -> float:
        """Draw everything; return the lowest y used."""
        self.heading()
        self.data_pegawai()
        self.jenis_cuti()
        self.alasan_and_lama()
        self.catatan_cuti()
        self.alamat()
        form = self.form
        self.decision("VII.  PERTIMBANGAN ATASAN LANGSUNG**", form.atasan, "Atasan Langsung")
        self.decision(
            "VIII.  KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI**",
            form.pejabat,
            "Pejabat yang Berwenang",
        )
        self.legend()
        return self.y

    def heading(self) -> None:
        form, canvas, m, box = self.form, self.canvas, self.m, self.box
        if form.header is not None:
            self.y = draw_kop(canvas, form.header, left=box.left, right=box.right, top=self.y) - 3 * MM
        x = self.at(0.58)
        lead = m.body * _LEADING
        canvas.setFont(SANS, m.body)
        tanggal = format_date(form.tanggal) if form.tanggal else "." * 30
        y = self.y - _CAP * m.body
        canvas.drawString(x, y, f"{form.tempat}, {tanggal}")
        y -= lead
        canvas.drawString(x, y, "Kepada")
        yth_w = string_width("Yth. ", SANS, m.body)
        for index, line in enumerate(form.kepada):
            for k, part in enumerate(wrap_greedy(line, SANS, m.body, box.right - x - yth_w)):
                y -= lead
                if index == 0 and k == 0:
                    canvas.drawString(x, y, "Yth.")
                canvas.drawString(x + yth_w, y, part)
        y -= lead
        canvas.drawString(x + yth_w, y, "di")
        y -= lead
        canvas.drawString(x + yth_w + 5 * MM, y, form.di)
        y -= 2.0 * lead
        canvas.setFont(SANS_BOLD, m.body + 2)
        canvas.drawCentredString(box.center_x, y, TITLE)
        y -= 1.3 * lead
        canvas.setFont(SANS, m.body)
        canvas.drawCentredString(box.center_x, y, f"Nomor : {form.nomor or '.' * 40}")
        self.y = y - 0.5 * lead

    def data_pegawai(self) -> None:
        form, at, c = self.form, self.at, self.cell
        self.section("I.  DATA PEGAWAI")
        self.row(
            [
                c(at(0), at(0.14), "Nama"),
                c(at(0.14), at(0.56), form.nama),
                c(at(0.56), at(0.7), "NIP"),
                c(at(0.7), at(1), format_nip(form.nip)),
            ]
        )
        self.row(
            [
                c(at(0), at(0.14), "Jabatan"),
                c(at(0.14), at(0.56), form.jabatan),
                c(at(0.56), at(0.7), "Masa Kerja"),
                c(at(0.7), at(1), form.masa_kerja),
            ]
        )
        self.row([c(at(0), at(0.14), "Unit Kerja"), c(at(0.14), at(1), form.unit_kerja)])

    def jenis_cuti(self) -> None:
        at, c = self.at, self.cell
        self.section("II.  JENIS CUTI YANG DIAMBIL**")
        for pair in range(0, len(FORM_JENIS), 2):
            cells: list[_Cell] = []
            for k, jenis in enumerate(FORM_JENIS[pair : pair + 2]):
                base = 0.5 * k
                cells.append(c(at(base), at(base + 0.4), f"{pair + k + 1}. {jenis.label}"))
                cells.append(c(at(base + 0.4), at(base + 0.5), tick=self.form.jenis is jenis))
            self.row(cells)

    def alasan_and_lama(self) -> None:
        form, at, c = self.form, self.at, self.cell
        self.section("III.  ALASAN CUTI")
        self.row([c(at(0), at(1), form.alasan)], min_height=2 * self.m.body * _LEADING + 2 * self.m.pad)
        self.section("IV.  LAMANYA CUTI")
        self.row(
            [
                c(at(0), at(0.1), "Selama"),
                c(at(0.1), at(0.4), form.lama),
                c(at(0.4), at(0.56), "mulai tanggal"),
                c(at(0.56), at(0.76), format_date(form.mulai)),
                c(at(0.76), at(0.82), "s.d.", align="center"),
                c(at(0.82), at(1), format_date(form.selesai)),
            ]
        )

    def catatan_cuti(self) -> None:
        """V: sisa cuti tahunan (N-2, N-1, N) at the left; the other five jenis at the right, row by row."""
        form, at, c = self.form, self.at, self.cell
        self.section("V.  CATATAN CUTI***")
        sisa = list(form.sisa_tahunan[-3:])
        while len(sisa) < 3:
            sisa.insert(0, SisaCutiTahunan(0, None))
        left_rows: list[list[_Cell]] = [
            [c(at(0), at(0.5), "1. CUTI TAHUNAN")],
            [
                c(at(0), at(0.14), "Tahun", align="center"),
                c(at(0.14), at(0.24), "Sisa", align="center"),
                c(at(0.24), at(0.5), "Keterangan", align="center"),
            ],
        ]
        for label, line in zip(("N-2", "N-1", "N"), sisa, strict=True):
            left_rows.append(
                [
                    c(at(0), at(0.14), f"{label} ({line.tahun})" if line.tahun else label, align="center"),
                    c(at(0.14), at(0.24), "" if line.sisa is None else str(line.sisa), align="center"),
                    c(at(0.24), at(0.5), line.keterangan),
                ]
            )
        for index, jenis in enumerate(FORM_JENIS[1:], start=2):
            self.row(
                [
                    *left_rows[index - 2],
                    c(at(0.5), at(0.86), f"{index}. {jenis.label.upper()}"),
                    c(at(0.86), at(1), form.catatan_lain.get(jenis, "")),
                ]
            )

    def alamat(self) -> None:
        """VI: the address spans both rows at the left; TELP, then the applicant's signature, at the right."""
        form, at, c = self.form, self.at, self.cell
        self.section("VI.  ALAMAT SELAMA MENJALANKAN CUTI")
        applicant = Signer(jabatan="", nama=form.nama, nip=form.nip)
        telp = [c(at(0.6), at(0.72), "TELP"), c(at(0.72), at(1), form.telepon)]
        telp_h = max(cell.height() for cell in telp)
        sig_h = self.signature_height(applicant, "Hormat saya,", 0.4 * self.box.width)
        address = c(at(0), at(0.6), form.alamat)
        total = max(telp_h + sig_h, address.height())
        top = self.y
        self.draw_cells(telp, top, telp_h)
        sign = c(at(0.6), at(1), draw=self.signature(applicant, "Hormat saya,", ""))
        self.draw_cells([sign], top - telp_h, total - telp_h)
        self.y = self.draw_cells([address], top, total)

    def decision(self, title: str, decision: CutiDecision, blank_jabatan: str) -> None:
        at, c = self.at, self.cell
        self.section(title)
        quarter = [at(k / 4) for k in range(5)]
        self.row(
            [
                c(quarter[k], quarter[k + 1], head, font=SANS_BOLD, size=self.m.small, align="center")
                for k, head in enumerate(_DECISION_HEADS)
            ]
        )
        chosen = " ".join(decision.keputusan.lower().split())
        self.row(
            [c(quarter[k], quarter[k + 1], tick=chosen == o.lower()) for k, o in enumerate(KEPUTUSAN)],
            min_height=2 * self.m.body * _LEADING,
        )
        sig_h = self.signature_height(decision.signer, "", 0.4 * self.box.width)
        note = c(at(0), at(0.6), decision.catatan)
        sign = c(at(0.6), at(1), draw=self.signature(decision.signer, "", blank_jabatan))
        self.y = self.draw_cells([note, sign], self.y, max(sig_h, note.height()))

    def legend(self) -> None:
        canvas, m, box = self.canvas, self.m, self.box
        lead = m.small * _LEADING
        y = self.y - 1.5 * MM - _CAP * m.small
        canvas.setFont(SANS, m.small)
        canvas.drawString(box.left, y, "Catatan:")
        mark_w = max(string_width(mark, SANS, m.small) for mark, _ in LEGEND) + 2 * MM
        first_column = 4
        for index, (mark, text) in enumerate(LEGEND):
            column, line = (0, index) if index < first_column else (1, index - first_column)
            x = box.left + (0 if column == 0 else 0.66 * box.width)
            ly = y - (line + 1) * lead
            canvas.drawString(x, ly, mark)
            canvas.drawString(x + mark_w, ly, f": {text}")
        self.y = y - first_column * lead - 0.3 * m.small


def build_cuti_form(form: CutiForm) -> bytes:
    """The form as PDF bytes: one page, at the largest sizes that fit it."""
    chosen = _METRICS[-1]
    for metrics in _METRICS:
        scratch = new_canvas(BytesIO(), form.paper, TITLE)
        if _FormDrawer(scratch, form, metrics).draw() >= MARGINS.content_box(form.paper).bottom:
            chosen = metrics
            break

    def draw(canvas: Canvas) -> None:
        _FormDrawer(canvas, form, chosen).draw()

    return pdf_bytes(draw, form.paper, f"Formulir cuti — {form.nama}", subject=TITLE)
