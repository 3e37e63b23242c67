"""The printed queue slip (guests.md R16, R30) and the lembar kunjungan tamu (R5)."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from reportlab.graphics.barcode.qr import QrCodeWidget

from desktop.printing.data import OfficeHeader
from desktop.printing.fonts import string_width
from desktop.printing.guests.slip import (
    DEFAULT_PRIVACY_NOTICE,
    HEADING,
    QR_CAPTION,
    SLIP_PAPER_LABELS,
    SLIP_PAPERS,
    TicketSlip,
    build_slip,
    issued_text,
)
from desktop.printing.guests.visit_sheet import (
    DECISION_LABEL,
    TITLE,
    VISIT_SHEET_PAPERS,
    VisitSheet,
    build_visit_sheet,
)
from desktop.printing.pages import MM
from desktop.printing.sample_logo import sample_logo_png

WITA = ZoneInfo("Asia/Makassar")
URL = "http://192.168.1.10:8765/s/Zq3x9KpL2mN8vR4tYw7bHc"
INSTANSI = "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah"
# 120 characters, as a full dinas name with its province and bidang can be.
LONG_INSTANSI = (
    "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah Provinsi Kalimantan Timur "
    "Bidang Pelayanan Informasi"
)
SLIP = TicketSlip(
    nama_instansi=INSTANSI,
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    logo_png=sample_logo_png(),
    ticket="A001",
    layanan="Layanan Umum",
    issued_at=datetime(2026, 3, 2, 8, 15, tzinfo=WITA),
    zona="WITA",
    waiting=3,
    kartu="07",
    survey_url=URL,
)
# papers by slip key: (width, height or None for a roll) in mm
WIDTHS = {"80mm": (80.0, None), "58mm": (58.0, None), "A6": (105.0, 148.0)}
# printable width of a roll: 72 mm on 80 mm paper, 48 mm on 58 mm
PRINTABLE = {"80mm": 72.0, "58mm": 48.0, "A6": 89.0}
FONT_NAMES = {
    "LiberationSans": "Sans",
    "LiberationSans-Bold": "Sans-Bold",
    "LiberationSans-Italic": "Sans-Italic",
    "LiberationSans-BoldItalic": "Sans-BoldItalic",
}


def only_page(pdf: bytes) -> PageObject:
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


def flat_text(page: PageObject) -> str:
    return " ".join(page.extract_text().split())


def size_mm(page: PageObject) -> tuple[float, float]:
    return float(page.mediabox.width) / MM, float(page.mediabox.height) / MM


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float
    font: str
    size: float

    @property
    def right(self) -> float:
        return self.x + string_width(self.text, self.font, self.size)

    @property
    def bottom(self) -> float:
        return self.y - 0.21 * self.size

    @property
    def top(self) -> float:
        return self.y + 0.73 * self.size


def runs_of(page: PageObject) -> list[Run]:
    """Every string drawn on the page with its real position (the documents draw text untransformed)."""
    runs: list[Run] = []

    def visit(
        text: str, cm: list[float], tm: list[float], font: DictionaryObject | None, size: float
    ) -> None:
        if not text.strip() or font is None:
            return
        assert cm == [1, 0, 0, 1, 0, 0]
        base = str(font["/BaseFont"]).split("+", 1)[-1]
        runs.append(Run(text.strip(), tm[4], tm[5], FONT_NAMES[base], size * tm[0]))

    page.extract_text(visitor_text=visit)
    return runs


def assert_inside_and_apart(page: PageObject, left: float, right: float) -> list[Run]:
    """Every string lies between ``left`` and ``right`` (points) and on the page; no two strings overlap."""
    height = float(page.mediabox.height)
    runs = runs_of(page)
    assert runs
    for run in runs:
        assert run.x >= left - 0.01, run
        assert run.right <= right + 0.01, run
        assert run.bottom >= 0 and run.top <= height, run
    for a, b in itertools.combinations(runs, 2):
        apart = (
            a.right <= b.x + 0.5 or b.right <= a.x + 0.5 or a.top <= b.bottom + 0.3 or b.top <= a.bottom + 0.3
        )
        assert apart, (a, b)
    return runs


def assert_fonts_embedded(page: PageObject) -> None:
    fonts = [ref.get_object() for ref in page["/Resources"].get("/Font", {}).values()]
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
        assert str(font["/BaseFont"]).split("+", 1)[-1].startswith("Liberation")


# --- the slip: paper -------------------------------------------------------------------------------------------


def test_paper_keys_have_labels() -> None:
    assert SLIP_PAPERS == ("80mm", "58mm", "A6")
    assert set(SLIP_PAPER_LABELS) == set(SLIP_PAPERS)
    assert all(label.strip() for label in SLIP_PAPER_LABELS.values())


@pytest.mark.parametrize("paper", SLIP_PAPERS)
def test_each_paper_has_its_width_and_a_roll_is_as_long_as_its_content(paper: str) -> None:
    width, height = WIDTHS[paper]
    page = only_page(build_slip(SLIP, paper))
    got_w, got_h = size_mm(page)
    assert got_w == pytest.approx(width, abs=0.01)
    if height is not None:
        assert got_h == pytest.approx(height, abs=0.01)
    else:
        # A roll is cut below the content: no fixed length, no long blank tail.
        runs = runs_of(page)
        assert 60 < got_h < 200
        assert min(r.bottom for r in runs) / MM < 12
        shorter = only_page(build_slip(dataclasses.replace(SLIP, survey_url=None, kartu=""), paper))
        assert size_mm(shorter)[1] < got_h - 25  # without the QR the slip is shorter


def test_the_default_paper_is_the_80_mm_roll() -> None:
    assert size_mm(only_page(build_slip(SLIP)))[0] == pytest.approx(80, abs=0.01)


def test_an_unknown_paper_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="Ukuran kertas slip tidak dikenal"):
        build_slip(SLIP, "A4")


# --- the slip: content -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", SLIP_PAPERS)
def test_every_item_of_r16_is_printed(paper: str) -> None:
    page = only_page(build_slip(SLIP, paper))
    text = flat_text(page)
    for item in (
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        HEADING,
        "A001",
        "Layanan Umum",
        "Senin, 2 Maret 2026 08.15 WITA",
        "Menunggu: 3 orang",
        "Kartu tamu: 07",
        QR_CAPTION,
        " ".join(DEFAULT_PRIVACY_NOTICE.split()),
    ):
        assert item in text, item
    for word in INSTANSI.upper().split():
        assert word in text
    assert page["/Resources"].get("/XObject"), "the logo is drawn"


def test_the_privacy_notice_names_its_basis_and_retention() -> None:
    notice = DEFAULT_PRIVACY_NOTICE
    for part in ("pelayanan tamu", "UU 27/2022", "Pasal 20 ayat (2) huruf e", "JRA", "dianonimkan"):
        assert part in notice
    # one or two short lines on the 80 mm roll
    runs = runs_of(only_page(build_slip(SLIP)))
    lines = {round(r.y) for r in runs if r.font == "Sans-Italic"}
    assert 1 <= len(lines) <= 2


def test_a_custom_privacy_notice_replaces_the_default() -> None:
    text = flat_text(
        only_page(build_slip(dataclasses.replace(SLIP, privacy_notice="Data dijaga kerahasiaannya.")))
    )
    assert "Data dijaga kerahasiaannya." in text
    assert "dianonimkan" not in text


def test_kartu_and_qr_only_when_given() -> None:
    text = flat_text(only_page(build_slip(dataclasses.replace(SLIP, kartu="  ", survey_url=None))))
    assert "Kartu tamu" not in text
    assert QR_CAPTION not in text
    assert "A001" in text


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        (datetime(2026, 3, 2, 8, 15, tzinfo=WITA), "Senin, 2 Maret 2026 08.15 WITA"),
        # stored in UTC just before midnight: the day and the date are the office's, not UTC's
        (datetime(2026, 3, 1, 23, 30, tzinfo=UTC), "Senin, 2 Maret 2026 07.30 WITA"),
        (datetime(2026, 3, 2, 8, 15, tzinfo=timezone(timedelta(hours=7))), "Senin, 2 Maret 2026 09.15 WITA"),
    ],
)
def test_the_time_is_printed_in_the_office_zone(issued: datetime, expected: str) -> None:
    assert issued_text(issued, "WITA") == expected
    text = flat_text(only_page(build_slip(dataclasses.replace(SLIP, issued_at=issued), "58mm")))
    assert expected in text


def test_a_negative_waiting_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negatif"):
        build_slip(dataclasses.replace(SLIP, waiting=-1))


def test_fonts_are_embedded() -> None:
    for paper in SLIP_PAPERS:
        assert_fonts_embedded(only_page(build_slip(SLIP, paper)))


# --- the slip: fit ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", SLIP_PAPERS)
@pytest.mark.parametrize("ticket", ["A001", "B1000", "C12345"])
def test_the_number_is_large_and_fits_the_printable_width(paper: str, ticket: str) -> None:
    page = only_page(build_slip(dataclasses.replace(SLIP, ticket=ticket), paper))
    width_pt = float(page.mediabox.width)
    side = (width_pt - PRINTABLE[paper] * MM) / 2
    runs = assert_inside_and_apart(page, side, width_pt - side)
    number = next(r for r in runs if r.text == ticket)
    assert number.size == max(r.size for r in runs)
    # readable across the waiting room: capitals at least 10 mm tall, 8 mm for a six-character number
    assert 0.73 * number.size >= (10 if len(ticket) <= 5 else 8) * MM


@pytest.mark.parametrize("paper", SLIP_PAPERS)
def test_long_names_wrap_within_the_printable_width(paper: str) -> None:
    assert len(LONG_INSTANSI) == 120
    slip = dataclasses.replace(
        SLIP,
        nama_instansi=LONG_INSTANSI,
        layanan="Permohonan Informasi Publik (PPID) dan Pengaduan Masyarakat",
        ticket="A1000",
        kartu="TAMU-0127",
    )
    page = only_page(build_slip(slip, paper))
    width_pt = float(page.mediabox.width)
    side = (width_pt - PRINTABLE[paper] * MM) / 2
    runs = assert_inside_and_apart(page, side, width_pt - side)
    words = [w for r in runs for w in r.text.split()]
    # every word whole on the slip, none cut
    for word in LONG_INSTANSI.upper().split():
        assert word in words, word
    instansi_runs = [r for r in runs if r.font == "Sans-Bold" and r.text.split()[0] in LONG_INSTANSI.upper()]
    assert min(r.size for r in instansi_runs) >= 5.5
    assert all(r.size >= 6 for r in runs if r.text.startswith(("Menunggu", "Senin")))


# --- the slip: the QR ------------------------------------------------------------------------------------------


def _expected_modules(value: str) -> list[list[bool]]:
    widget = QrCodeWidget(value, barLevel="M")
    widget.qr.make()
    return [[bool(cell) for cell in row] for row in widget.qr.modules]


def _render(pdf: bytes, tmp_path: Path, dpi: int) -> Image.Image:
    source = tmp_path / "slip.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(source), str(tmp_path / "slip")], check=True
    )
    return Image.open(tmp_path / "slip.png").convert("L")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("paper", SLIP_PAPERS)
def test_the_printed_qr_is_the_symbol_of_the_survey_url(paper: str, tmp_path: Path) -> None:
    """No QR decoder (zbar, pyzbar, OpenCV) is installed here, so the slip is rasterised by poppler and every
    module read back at its centre must equal the QR symbol of the URL (reportlab's encoder, level M); the
    quiet zone around it must be white."""
    dpi = 300
    pdf = build_slip(SLIP, paper)
    page = only_page(pdf)
    image = _render(pdf, tmp_path, dpi)
    scale = dpi / 72
    height_pt = float(page.mediabox.height)
    runs = runs_of(page)
    above = next(r for r in runs if r.text.startswith("Kartu tamu"))
    below = next(r for r in runs if r.text == QR_CAPTION)
    band_top = round((height_pt - above.bottom) * scale) + 2
    band_bottom = round((height_pt - below.top) * scale) - 2
    pixels: Any = image.load()
    dark_rows = [
        y for y in range(band_top, band_bottom) if any(pixels[x, y] < 128 for x in range(image.width))
    ]
    # contiguous runs of dark rows: the dashed rule is a thin one, the QR the tall one
    groups: list[list[int]] = []
    for y in dark_rows:
        if groups and y == groups[-1][-1] + 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    qr_rows = max(groups, key=len)
    top, bottom = qr_rows[0], qr_rows[-1] + 1
    columns = [x for x in range(image.width) if any(pixels[x, y] < 128 for y in range(top, bottom))]
    left, right = columns[0], columns[-1] + 1
    expected = _expected_modules(URL)
    count = len(expected)
    assert right - left == pytest.approx(bottom - top, abs=2)  # square
    module = (right - left) / count
    assert module >= 0.25 * MM * scale  # at least 0.25 mm a module: two dots of a 203 dpi head
    read = [
        [pixels[int(left + (c + 0.5) * module), int(top + (r + 0.5) * module)] < 128 for c in range(count)]
        for r in range(count)
    ]
    assert read == expected
    # quiet zone: four modules of white on each side
    quiet = int(4 * module) - 1
    for y in range(top - quiet, top):
        assert all(pixels[x, y] > 200 for x in range(left - quiet, right + quiet))
    for x in range(left - quiet, left):
        assert all(pixels[x, y] > 200 for y in range(top, bottom))


# --- the lembar kunjungan tamu ---------------------------------------------------------------------------------

HEADER = OfficeHeader(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas=INSTANSI,
    alamat="Jl. Basuki Rahmat No. 55, Samarinda",
    telepon="(0541) 743921",
    kode_pos="75117",
    logo_png=sample_logo_png(),
)
SHEET = VisitSheet(
    header=HEADER,
    nama="Siti Rahmawati",
    instansi="CV Maju Bersama, Balikpapan",
    alamat="Jl. Jenderal Sudirman No. 12, Balikpapan",
    no_hp="0812****5678",
    keperluan="Audiensi rencana pameran produk UMKM",
    yang_dituju="Kepala Bidang Perdagangan Dalam Negeri",
    datang=datetime(2026, 3, 2, 0, 15, tzinfo=UTC),
    zona="WITA",
    ticket="A001",
    kartu="07",
    jumlah_orang=3,
)
SHEET_SIZES = {"A5": (148.0, 210.0), "HALF_F4": (165.0, 215.0)}


def squares(page: PageObject) -> list[tuple[float, float, float, float]]:
    """Small square rectangles (the tick boxes)."""
    found = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            if 5 < w < 15 and abs(w - h) < 0.01:
                found.append((x, y, w, h))
    return found


@pytest.mark.parametrize("paper", VISIT_SHEET_PAPERS)
def test_visit_sheet_paper_and_content(paper: str) -> None:
    page = only_page(build_visit_sheet(SHEET, paper))
    assert size_mm(page) == pytest.approx(SHEET_SIZES[paper], abs=0.01)
    text = flat_text(page)
    for item in (
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        TITLE,
        "Nama", "Siti Rahmawati",
        "Instansi/asal", "CV Maju Bersama, Balikpapan",
        "Alamat", "Jl. Jenderal Sudirman No. 12, Balikpapan",
        "No. HP", "0812****5678",
        "Jumlah orang", "3 orang",
        "Keperluan", "Audiensi rencana pameran produk UMKM",
        "Yang dituju", "Kepala Bidang Perdagangan Dalam Negeri",
        "Senin, 2 Maret 2026 08.15 WITA",
        "Nomor antrian", "A001",
        "Kartu tamu", "07",
        DECISION_LABEL, "Ya", "Tidak", "Jam",
        "Catatan:", "Paraf tamu", "Paraf yang dituju",
    ):  # fmt: skip
        assert item in text, item
    box = squares(page)
    assert len(box) == 2  # □ Ya □ Tidak, on one line
    assert box[0][1] == pytest.approx(box[1][1])
    width = float(page.mediabox.width)
    assert_inside_and_apart(page, 5 * MM, width - 5 * MM)
    assert_fonts_embedded(page)


def test_visit_sheet_defaults_to_a5() -> None:
    assert size_mm(only_page(build_visit_sheet(SHEET))) == pytest.approx((148, 210), abs=0.01)


def test_visit_sheet_refuses_other_papers_and_no_one() -> None:
    with pytest.raises(ValueError, match="A5"):
        build_visit_sheet(SHEET, "A4")
    with pytest.raises(ValueError, match="Jumlah orang"):
        build_visit_sheet(dataclasses.replace(SHEET, jumlah_orang=0))


def test_visit_sheet_empty_fields_leave_room_to_write() -> None:
    page = only_page(build_visit_sheet(dataclasses.replace(SHEET, kartu="", no_hp="", instansi="")))
    text = flat_text(page)
    assert "Kartu tamu" in text and "No. HP" in text
    runs = runs_of(page)
    # nothing printed right of the colon on those rows
    for label in ("Kartu tamu", "No. HP", "Instansi/asal"):
        row = next(r for r in runs if r.text == label)
        beside = [r.text for r in runs if abs(r.y - row.y) < 0.5 and r.x > row.right and r.text != ":"]
        assert beside == [], label


@pytest.mark.parametrize("paper", VISIT_SHEET_PAPERS)
def test_visit_sheet_long_values_wrap_inside_the_frame(paper: str) -> None:
    long = (
        "Koordinasi penyusunan rencana kerja pengembangan industri kecil menengah dan koperasi produsen "
        "di kabupaten perbatasan dengan dukungan anggaran dekonsentrasi tahun 2026"
    )
    sheet = dataclasses.replace(
        SHEET,
        nama="Prof. Dr. Ir. Hj. Andi Nurhayati Kusumawardhani Sulistyaningsih, M.Sc., M.Eng., Ph.D.",
        instansi=LONG_INSTANSI,
        alamat=long,
        keperluan=long + " " + long,
        yang_dituju="Kepala Seksi Pengawasan Barang Beredar dan Jasa, Bidang Perdagangan Dalam Negeri",
    )
    page = only_page(build_visit_sheet(sheet, paper))
    width = float(page.mediabox.width)
    runs = assert_inside_and_apart(page, 5 * MM, width - 5 * MM)
    words = " ".join(r.text for r in runs).split()
    for value in (sheet.nama, sheet.instansi, sheet.alamat, sheet.keperluan, sheet.yang_dituju):
        for word in value.split():
            assert word in words, word
    title = next(r for r in runs if r.text == TITLE)
    assert min(r.size for r in runs if r.y < title.y) >= 6.5  # below the kop, which has its own sizes
