"""The label inventaris PDF (assets.md R14, R15): sheet grid, start offset, thermal size, fitting and decoding."""

from __future__ import annotations

import math
import shutil
import subprocess
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from desktop.printing.assets.labels import (
    LABELS_PER_SHEET,
    LAYOUT_LABELS,
    LAYOUTS,
    REPRINT_MARK,
    LabelItem,
    LabelSheetData,
    build_labels,
    label_cells,
    page_count,
)
from desktop.printing.fonts import string_width
from desktop.printing.pages import MM
from desktop.printing.sample_logo import sample_logo_png

KODE_LOKASI = "11.01.34.00.01.001.001.2024"
KODE = "1.3.2.10.01.02.002"
PEMDA = "Pemerintah Provinsi Kalimantan Timur"
DINAS = "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah"
NAMES = ("Laptop", "Kursi Kerja Pejabat", "Lemari Arsip Besi 4 Laci", "Meja Rapat Oval", "Printer Laser")
ROOMS = ("R. Umum", "R. Kepala Dinas", "")
LONG = (
    "Mobil Penumpang Toyota Kijang Innova 2.4 V A/T Diesel Tahun 2024 warna hitam metalik dengan kaca film "
    "dan perlengkapan standar pabrik serta dongkrak, ban serep dan kotak P3K"
)
# A4 sheet geometry as printed on the 3 × 8 sheets offices buy (70 × 37 mm, 0.5 mm top margin).
CELL_W = 70 * MM
CELL_H = 37 * MM
SHEET_TOP = 0.5 * MM
A4_H = 297 * MM
FONT_NAMES = {
    "LiberationSans": "Sans",
    "LiberationSans-Bold": "Sans-Bold",
    "LiberationSans-Italic": "Sans-Italic",
    "LiberationSans-BoldItalic": "Sans-BoldItalic",
}
TOOLS_MISSING = not (shutil.which("zbarimg") and shutil.which("pdftoppm"))
NEEDS_TOOLS = pytest.mark.skipif(
    TOOLS_MISSING,
    reason="zbarimg (zbar-tools) or pdftoppm (poppler-utils) not installed; the CI installs both",
)


def item(number: int, nama: str | None = None, ruang: str | None = None) -> LabelItem:
    register = f"{number:06d}"
    return LabelItem(
        full_id=f"{KODE_LOKASI}.{KODE}.{register}",
        nibar=f"{20240000000 + number}",
        kode_lokasi=KODE_LOKASI,
        kode_register_text=f"{KODE}.{register}",
        nama=NAMES[number % len(NAMES)] if nama is None else nama,
        tahun=2024,
        ruang=ROOMS[number % len(ROOMS)] if ruang is None else ruang,
    )


def items(count: int) -> tuple[LabelItem, ...]:
    return tuple(item(number) for number in range(1, count + 1))


def sheet(count: int = 3, **changes: object) -> LabelSheetData:
    data = LabelSheetData(nama_pemda=PEMDA, nama_dinas=DINAS, logo_png=sample_logo_png(), items=items(count))
    return replace(data, **changes)  # type: ignore[arg-type]


def pages_of(pdf: bytes) -> list[PageObject]:
    return list(PdfReader(BytesIO(pdf)).pages)


def flat_text(page: PageObject) -> str:
    return " ".join(page.extract_text().split())


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float
    font: str
    size: float
    in_header: bool  # drawn inside the header form: coordinates are the label's own

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
    """Every string drawn on the page; body text carries its label's translation in ``cm``."""
    runs: list[Run] = []

    def visit(
        text: str, cm: list[float], tm: list[float], font: DictionaryObject | None, size: float
    ) -> None:
        if not text.strip() or font is None:
            return
        base = str(font["/BaseFont"]).split("+", 1)[-1]
        # pypdf reports text of a form XObject without the matrix it is drawn with: only the header has cm = I.
        header = cm == [1, 0, 0, 1, 0, 0]
        runs.append(Run(text.strip(), tm[4] + cm[4], tm[5] + cm[5], FONT_NAMES[base], size * tm[0], header))

    page.extract_text(visitor_text=visit)
    return runs


# --- the grid and the start position ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "start"),
    [(1, 1), (3, 1), (24, 1), (25, 1), (20, 5), (21, 5), (1, 24), (2, 24), (48, 1), (30, 19)],
)
def test_page_count_is_whole_sheets_after_the_skipped_cells(count: int, start: int) -> None:
    pdf = build_labels(sheet(count, start_position=start))
    expected = math.ceil((count + start - 1) / LABELS_PER_SHEET)
    assert len(pages_of(pdf)) == expected
    assert page_count(count, "a4_3x8", start) == expected


def test_a_sheet_holds_3_by_8_labels_on_a4() -> None:
    pdf = build_labels(sheet(24))
    (page,) = pages_of(pdf)
    assert (float(page.mediabox.width) / MM, float(page.mediabox.height) / MM) == pytest.approx((210, 297))
    text = flat_text(page)
    assert all(f"{KODE}.{n:06d}" in text for n in range(1, 25))


def test_the_start_position_skips_cells_on_the_first_sheet_only() -> None:
    assert label_cells(3, 23) == [(0, 7, 1), (0, 7, 2), (1, 0, 0)]
    pdf = build_labels(sheet(30, start_position=5))
    first, second = pages_of(pdf)

    def cell_of(page: PageObject, register: int) -> tuple[int, int]:
        (run,) = [r for r in runs_of(page) if r.text == f"{KODE}.{register:06d}"]
        column = int(run.x // CELL_W)
        row = int((A4_H - SHEET_TOP - run.y) // CELL_H)
        return row, column

    # Cell 5 is the second cell of the second row (cells count left to right, top to bottom).
    assert cell_of(first, 1) == (1, 1)
    assert cell_of(first, 20) == (7, 2)
    assert cell_of(second, 21) == (0, 0)
    assert cell_of(second, 30) == (3, 0)
    assert f"{KODE}.000020" not in flat_text(second)


@pytest.mark.parametrize("start", [0, 25, -1])
def test_a_start_position_off_the_sheet_is_refused(start: int) -> None:
    with pytest.raises(ValueError, match="Posisi awal label harus antara 1 dan 24"):
        build_labels(sheet(3, start_position=start))


def test_nothing_to_print_and_unknown_choices_are_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="Tidak ada barang"):
        build_labels(sheet(0))
    with pytest.raises(ValueError, match="Tata letak label tidak dikenal"):
        build_labels(sheet(3, layout="a5"))
    with pytest.raises(ValueError, match="Jenis kode label tidak dikenal"):
        build_labels(sheet(3, code="ean13"))
    assert set(LAYOUT_LABELS) == set(LAYOUTS)


# --- content ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("code", ["qr", "code128"])
def test_each_label_shows_the_r14_content(layout: str, code: str) -> None:
    data = sheet(5, layout=layout, code=code)
    text = " ".join(flat_text(page) for page in pages_of(build_labels(data)))
    assert "PEMERINTAH PROVINSI KALIMANTAN TIMUR" in text
    assert "KOPERASI DAN USAHA KECIL MENENGAH" in text
    for label in data.items:
        assert label.nama in text
        if code == "qr":
            assert label.kode_lokasi in text
            assert label.kode_register_text in text
        else:
            # The full ID is printed beneath the bars, and the NIBAR the bars encode above them.
            assert label.full_id in text
            assert f"NIBAR {label.nibar}" in text
        info = " · ".join(part for part in ("2024", label.ruang) if part)
        assert info in text
    assert REPRINT_MARK not in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_reprint_is_marked_on_every_label(layout: str) -> None:
    pages = pages_of(build_labels(sheet(4, layout=layout, reprint=True)))
    text = " ".join(flat_text(page) for page in pages)
    assert text.count(REPRINT_MARK) == 4


def test_a_label_without_a_logo_prints() -> None:
    assert "PEMERINTAH" in flat_text(pages_of(build_labels(sheet(2, logo_png=None)))[0])


def test_a_thermal_label_is_one_50_by_25_mm_page_per_item() -> None:
    pdf = build_labels(sheet(7, layout="thermal_50x25", start_position=9))
    pages = pages_of(pdf)
    assert len(pages) == 7 == page_count(7, "thermal_50x25")
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
        assert (width, height) == pytest.approx((50, 25), abs=0.01)
        assert f"{KODE}.{number:06d}" in flat_text(page)


def test_fonts_are_embedded() -> None:
    page = pages_of(build_labels(sheet(2)))[0]
    fonts = [ref.get_object() for ref in page["/Resources"]["/Font"].values()]
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


LONG_ITEMS = (
    item(1, nama=LONG, ruang="Ruang Kepala Bidang Perindustrian dan Perdagangan Dalam Negeri Lantai Tiga"),
    item(2, nama="X" * 150, ruang="Y" * 120),
    item(3, nama="Laptop", ruang=""),
    item(4, nama=" ".join(["Kursi"] * 40)),
)
LONG_DINAS = DINAS + " Provinsi Kalimantan Timur Bidang Pengelolaan Barang Milik Daerah dan Aset Lainnya"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("code", ["qr", "code128"])
def test_text_stays_inside_its_label_at_any_length(layout: str, code: str) -> None:
    data = sheet(0, items=LONG_ITEMS, layout=layout, code=code, nama_dinas=LONG_DINAS, reprint=True)
    pages = pages_of(build_labels(data))
    if layout == "thermal_50x25":
        boxes = [(0.0, 0.0, 50 * MM, 25 * MM)] * len(pages)
        margin = 1.0 * MM  # what a label printer's registration may be off by
    else:
        boxes = [(0.0, 0.0, CELL_W, CELL_H)]
        margin = 3.5 * MM  # a laser printer's unprintable edge, within the cell's padding
    for page in pages:
        runs = runs_of(page)
        assert runs
        for run in runs:
            if layout == "thermal_50x25" or run.in_header:
                left, bottom, right, top = boxes[0]
            else:
                column = int(run.x // CELL_W)
                row = int((A4_H - SHEET_TOP - run.y) // CELL_H)
                left = column * CELL_W
                top = A4_H - SHEET_TOP - row * CELL_H
                right, bottom = left + CELL_W, top - CELL_H
            assert run.x >= left + margin - 0.01, run
            assert run.right <= right - margin + 0.01, run
            assert run.bottom >= bottom + 0.5 * MM and run.top <= top - 0.5 * MM, run
            assert run.size >= 3.0, run  # still legible on paper


# --- decoding what a scanner reads ----------------------------------------------------------------------


def _render(pdf: bytes, tmp_path: Path) -> list[Path]:
    source = tmp_path / "labels.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "300", str(source), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def _zbar(png: Path) -> list[str]:
    # zbarimg exits 4 when it finds nothing; the (empty) output is the answer then.
    result = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    return result.stdout.split()


def _decode_cells(pdf: bytes, tmp_path: Path, count: int, start: int) -> list[str]:
    """Crop each used cell of each rendered sheet (one label under the scanner) and decode it."""
    decoded: list[str] = []
    pngs = _render(pdf, tmp_path)
    px = 300 / 25.4
    for page, row, column in label_cells(count, start):
        image = Image.open(pngs[page])
        box = (
            round(column * 70 * px),
            round((0.5 + row * 37) * px),
            round((column + 1) * 70 * px),
            round((0.5 + (row + 1) * 37) * px),
        )
        crop = tmp_path / f"cell-{page}-{row}-{column}.png"
        image.crop(box).save(crop)
        found = _zbar(crop)
        decoded.append(found[0] if len(found) == 1 else f"<{len(found)} codes>")
    return decoded


@NEEDS_TOOLS
@pytest.mark.parametrize("code", ["qr", "code128"])
def test_each_printed_label_decodes_to_the_item(code: str, tmp_path: Path) -> None:
    labels = items(26) + LONG_ITEMS
    renumbered = tuple(
        replace(label, full_id=f"{KODE_LOKASI}.{KODE}.{n:06d}", nibar=f"{20249000000 + n}")
        for n, label in enumerate(labels, start=1)
    )
    data = sheet(0, items=renumbered, code=code, start_position=7, reprint=True)
    decoded = _decode_cells(build_labels(data), tmp_path, len(renumbered), 7)
    expected = [label.full_id if code == "qr" else label.nibar for label in renumbered]
    assert decoded == expected


@NEEDS_TOOLS
def test_a_whole_sheet_decodes_to_its_items(tmp_path: Path) -> None:
    data = sheet(24)
    (png,) = _render(build_labels(data), tmp_path)
    assert sorted(_zbar(png)) == sorted(label.full_id for label in data.items)


@NEEDS_TOOLS
@pytest.mark.parametrize("code", ["qr", "code128"])
def test_a_thermal_label_decodes_to_the_item(code: str, tmp_path: Path) -> None:
    data = sheet(0, items=(item(1), *LONG_ITEMS[:2]), layout="thermal_50x25", code=code)
    pngs = _render(build_labels(data), tmp_path)
    assert len(pngs) == 3
    for png, label in zip(pngs, data.items, strict=True):
        assert _zbar(png) == [label.full_id if code == "qr" else label.nibar]
