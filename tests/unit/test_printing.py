"""Printing layer: paper sizes, fonts, kop surat, signature block and the Cetak uji page (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import fit_text, pdf_bytes, split_balanced
from desktop.printing.fonts import SANS, SANS_BOLD, register_fonts, string_width
from desktop.printing.kop import address_line, contact_line, draw_kop, kop_scale, logo_size
from desktop.printing.pages import A4, A5, CARD, F4, HALF_F4, MM, THERMAL_58, Margins, PaperSize, paper_by_key
from desktop.printing.sample_logo import sample_logo_png
from desktop.printing.signature import atas_nama_line, draw_signature_block, signature_block_height
from desktop.printing.testpage import TITLE, TestPageData, build_test_page

DINAS = "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah"
LONG_DINAS = (
    "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah, Penanaman Modal dan Pelayanan "
    "Terpadu Satu Pintu serta Ketenagakerjaan dan Transmigrasi"
)
FONT_NAMES = {
    "LiberationSans": "Sans",
    "LiberationSans-Bold": "Sans-Bold",
    "LiberationSans-Italic": "Sans-Italic",
    "LiberationSans-BoldItalic": "Sans-BoldItalic",
    "LiberationSerif": "Serif",
    "LiberationSerif-Bold": "Serif-Bold",
    "LiberationSerif-Italic": "Serif-Italic",
    "LiberationSerif-BoldItalic": "Serif-BoldItalic",
}


def header(*, logo: bool = True, nama_dinas: str = DINAS) -> OfficeHeader:
    return OfficeHeader(
        nama_pemda="Pemerintah Provinsi Kalimantan Timur",
        nama_dinas=nama_dinas,
        alamat="Jl. Basuki Rahmat No. 55 Samarinda 75117",
        telepon="(0541) 736714",
        email="disperindagkop@kaltimprov.go.id",
        laman="disperindagkop.kaltimprov.go.id",
        kode_pos="75117",
        logo_png=sample_logo_png() if logo else None,
    )


SIGNER = Signer(
    jabatan="Kepala Dinas",
    nama="Dr. Ir. Hj. Fulanah Rahmawati, M.Si.",
    nip="197303141998032009",
    pangkat_golongan="Pembina Utama Muda (IV/c)",
)


def make_test_page(
    paper: PaperSize, *, logo: bool = True, signer: Signer | None = SIGNER, nama_dinas: str = DINAS
) -> bytes:
    return build_test_page(
        TestPageData(
            header=header(logo=logo, nama_dinas=nama_dinas),
            signer=signer,
            paper=paper,
            printed_at="22 November 2026 pukul 10.15 WITA",
            place_date="Samarinda, 22 November 2026",
            app_version="0.1.0",
        )
    )


def only_page(pdf: bytes) -> PageObject:
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


def flat_text(page: PageObject) -> str:
    return " ".join(page.extract_text().split())


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


def direct_runs(page: PageObject) -> list[Run]:
    """Strings drawn straight on the page (kop, titles, ruler, signature), with their real position and font.

    Paragraph text is left out: pypdf reports its runs relative to the line start, so their x is not exact.
    """
    runs: list[Run] = []

    def visit(
        text: str, cm: list[float], tm: list[float], font: DictionaryObject | None, size: float
    ) -> None:
        if not text.strip() or font is None or cm != [1, 0, 0, 1, 0, 0]:
            return
        base = str(font["/BaseFont"]).split("+", 1)[-1]
        runs.append(Run(text.strip(), tm[4], tm[5], FONT_NAMES[base], size * tm[0]))

    page.extract_text(visitor_text=visit)
    return runs


def fonts_of(page: PageObject) -> Iterator[Any]:
    yield from _resources(page["/Resources"], "/Font")


def images_of(page: PageObject) -> list[Any]:
    return [x for x in _resources(page["/Resources"], "/XObject") if x["/Subtype"] == "/Image"]


def _resources(resources: Any, kind: str) -> Iterator[Any]:
    """Every ``kind`` resource of the page, including those inside form XObjects (reportlab puts images there)."""
    for ref in resources.get(kind, {}).values():
        yield ref.get_object()
    for ref in resources.get("/XObject", {}).values():
        form = ref.get_object()
        if form.get("/Subtype") == "/Form" and "/Resources" in form:
            yield from _resources(form["/Resources"], kind)


# --- paper sizes ---------------------------------------------------------------------------------------------


def test_f4_is_the_indonesian_folio_not_qts() -> None:
    assert (F4.width_mm, F4.height_mm) == (215, 330)
    width, height = F4.size_pt
    assert width == pytest.approx(215 / 25.4 * 72)
    assert height == pytest.approx(330 / 25.4 * 72)


@pytest.mark.parametrize(
    ("paper", "size"), [(A4, (210, 297)), (HALF_F4, (165, 215)), (A5, (148, 210)), (CARD, (85.6, 54))]
)
def test_paper_sizes(paper: PaperSize, size: tuple[float, float]) -> None:
    assert (paper.width_mm, paper.height_mm) == size
    assert paper_by_key(paper.key) is paper


def test_paper_labels() -> None:
    assert HALF_F4.description == "½ F4 (165 × 215 mm)"
    assert CARD.size_text == "85,6 × 54 mm"


def test_landscape_and_unknown_keys() -> None:
    landscape = paper_by_key("F4-landscape")
    assert (landscape.width_mm, landscape.height_mm) == (330, 215)
    assert landscape.is_landscape and landscape.landscape() is landscape
    with pytest.raises(KeyError):
        paper_by_key("Folio")
    with pytest.raises(KeyError):
        paper_by_key("F4-sideways")


def test_thermal_roll_needs_a_length() -> None:
    assert THERMAL_58.is_roll
    with pytest.raises(ValueError, match="rol"):
        _ = THERMAL_58.size_pt
    slip = THERMAL_58.with_height(120)
    assert slip.size_pt == pytest.approx((58 * MM, 120 * MM))


def test_margins_content_box() -> None:
    box = Margins(15, 20, 15, 20).content_box(A4)
    assert box.left == pytest.approx(20 * MM)
    assert box.width == pytest.approx(170 * MM)
    assert box.top == pytest.approx(282 * MM)
    with pytest.raises(ValueError):
        Margins.uniform(50).content_box(CARD)


# --- fonts and text fitting ----------------------------------------------------------------------------------


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    register_fonts()
    assert string_width("Dinas", SANS_BOLD, 10) > string_width("Dinas", SANS, 10)


def test_split_balanced_evens_out_a_dinas_name() -> None:
    lines = split_balanced(DINAS.upper(), SANS_BOLD, 2)
    assert lines == ["DINAS PERINDUSTRIAN, PERDAGANGAN,", "KOPERASI DAN USAHA KECIL MENENGAH"]


def test_split_balanced_many_words_keeps_every_word() -> None:
    text = " ".join(f"kata{i}" for i in range(60))
    lines = split_balanced(text, SANS, 4)
    assert len(lines) <= 4
    assert " ".join(lines) == text
    widths = [string_width(line, SANS, 1) for line in lines]
    assert max(widths) < 1.15 * sum(widths) / 4  # roughly even


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.text("abcdefghijklmnopqrstuvwxyzW,.", min_size=1, max_size=14), min_size=1, max_size=25
    ),
    width=st.floats(min_value=20, max_value=500),
    max_lines=st.integers(min_value=1, max_value=3),
)
def test_fit_text_never_exceeds_the_width(words: list[str], width: float, max_lines: int) -> None:
    text = " ".join(words)
    fitted = fit_text(text, SANS_BOLD, width, max_size=16, min_size=9, max_lines=max_lines)
    assert 1 <= len(fitted.lines) <= max_lines
    assert " ".join(fitted.lines) == text
    assert fitted.font_size <= 16
    for line in fitted.lines:
        assert string_width(line, SANS_BOLD, fitted.font_size) <= width + 1e-6


# --- kop and signature ---------------------------------------------------------------------------------------


def test_address_and_contact_lines() -> None:
    office = header()
    assert address_line(office) == "Jl. Basuki Rahmat No. 55 Samarinda 75117"  # kode pos not repeated
    assert address_line(OfficeHeader("P", "D", "Jl. Juanda No. 1, Samarinda", kode_pos="75124")).endswith(
        "Samarinda, Kode Pos 75124"
    )
    assert contact_line(OfficeHeader("P", "D", "A", email="x@y.go.id")) == "Email x@y.go.id"
    assert contact_line(office).startswith("Telepon (0541) 736714, Email ")


def _kop_page(office: OfficeHeader, paper: PaperSize = A4) -> tuple[PageObject, float]:
    result: list[float] = []
    width, height = paper.size_pt

    def build(canvas: object) -> None:
        result.append(draw_kop(canvas, office, left=20 * MM, right=width - 20 * MM, top=height - 15 * MM))

    return only_page(pdf_bytes(build, paper, "kop")), result[0]


@pytest.mark.parametrize("logo", [True, False])
def test_kop_is_centred_on_the_page_and_above_the_returned_y(logo: bool) -> None:
    page, below = _kop_page(header(logo=logo))
    runs = direct_runs(page)
    assert [r.text for r in runs[:2]] == [
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        "DINAS PERINDUSTRIAN, PERDAGANGAN,",
    ]
    page_center = A4.size_pt[0] / 2
    for run in runs:
        assert (run.x + run.right) / 2 == pytest.approx(page_center, abs=0.5)
        assert run.y > below + 2 * MM  # the double rule lies between the text and the returned y
    kop_height = A4.size_pt[1] - 15 * MM - below
    assert 20 * MM < kop_height < 45 * MM


def test_kop_with_a_very_long_dinas_name_stays_within_the_margins() -> None:
    page, _ = _kop_page(header(nama_dinas=LONG_DINAS), HALF_F4)
    runs = direct_runs(page)
    dinas_runs = [r for r in runs if r.font == SANS_BOLD and not r.text.startswith("PEMERINTAH")]
    assert " ".join(r.text for r in dinas_runs) == " ".join(LONG_DINAS.upper().split())
    assert len(dinas_runs) >= 2
    logo_height = 26 * MM * kop_scale(HALF_F4.size_pt[0] - 40 * MM)
    logo_right = 20 * MM + logo_height * 400 / 480  # nothing may print over the logo either
    for run in runs:
        assert run.x >= 20 * MM - 0.01
        assert run.right <= HALF_F4.size_pt[0] - 20 * MM + 0.01
        if run in dinas_runs:
            assert run.x > logo_right
            assert run.size >= 7


def test_kop_with_a_wide_logo_and_no_pemda_line() -> None:
    buffer = BytesIO()
    Image.new("RGB", (1000, 200), "navy").save(buffer, format="PNG")
    office = OfficeHeader("", DINAS, "Jl. Basuki Rahmat No. 55", logo_png=buffer.getvalue())
    page, below = _kop_page(office)
    runs = direct_runs(page)
    assert runs[0].text == "DINAS PERINDUSTRIAN, PERDAGANGAN,"
    logo_right = 20 * MM + 30 * MM  # the widest a logo may be
    assert all(r.x > logo_right for r in runs)
    assert len(images_of(page)) == 1
    assert A4.size_pt[1] - 15 * MM - below < 40 * MM


def test_a_broken_logo_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="logo"):
        logo_size(b"bukan gambar")
    with pytest.raises(ValueError, match="logo"):
        _kop_page(OfficeHeader("P", "D", "A", logo_png=b"bukan gambar"))


def test_signature_block_lines_and_height() -> None:
    signer = Signer(
        "Sekretaris", "Drs. H. Abdul Muis", "19700101 199503 1 004", "Pembina (IV/a)", "Kepala Dinas"
    )
    result: list[float] = []
    top = 200 * MM

    def build(canvas: object) -> None:
        result.append(
            draw_signature_block(
                canvas, signer, x_center=150 * MM, top=top, place_date="Samarinda, 2 Maret 2026"
            )
        )

    page = only_page(pdf_bytes(build, A4, "ttd"))
    texts = [r.text for r in direct_runs(page)]
    assert texts == [
        "Samarinda, 2 Maret 2026",
        "a.n. Kepala Dinas,",
        "Sekretaris,",
        "Drs. H. Abdul Muis",
        "Pembina (IV/a)",
        "NIP. 19700101 199503 1 004",
    ]
    runs = direct_runs(page)
    assert runs[2].y - runs[3].y > 20 * MM  # room for the wet signature and the stamp
    assert runs[3].font == SANS_BOLD
    assert top - result[0] == pytest.approx(
        signature_block_height(signer, place_date="Samarinda, 2 Maret 2026"), abs=0.01
    )


def test_atas_nama_line() -> None:
    assert atas_nama_line("Kepala Dinas") == "a.n. Kepala Dinas,"
    assert atas_nama_line("a.n. Kepala Dinas,") == "a.n. Kepala Dinas,"
    assert atas_nama_line("  ") == ""


# --- the Cetak uji page --------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", [F4, A4, HALF_F4, A5])
def test_test_page_media_box(paper: PaperSize) -> None:
    page = only_page(make_test_page(paper))
    width, height = paper.size_pt
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)


def test_f4_test_page_is_215_by_330_mm() -> None:
    page = only_page(make_test_page(F4))
    assert float(page.mediabox.width) == pytest.approx(215 / 25.4 * 72, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(330 / 25.4 * 72, abs=0.5)


@pytest.mark.parametrize("paper", [F4, HALF_F4])
def test_test_page_content(paper: PaperSize) -> None:
    text = flat_text(only_page(make_test_page(paper)))
    assert DINAS.upper() in text
    assert "PEMERINTAH PROVINSI KALIMANTAN TIMUR" in text
    assert TITLE in text
    assert "NIP. 19730314 199803 2 009" in text
    assert "Dr. Ir. Hj. Fulanah Rahmawati, M.Si." in text
    assert paper.description in text
    assert "22 November 2026 pukul 10.15 WITA" in text
    assert "Rp 1.250.000,00" in text


def test_test_page_without_signer_has_no_signature_block() -> None:
    text = flat_text(only_page(make_test_page(A4, signer=None)))
    assert "NIP." not in text
    assert "Petunjuk: Ukur dengan penggaris" in text


@pytest.mark.parametrize("paper", [F4, HALF_F4])
def test_all_fonts_are_embedded(paper: PaperSize) -> None:
    fonts = list(fonts_of(only_page(make_test_page(paper))))
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


@pytest.mark.parametrize("logo", [True, False])
def test_logo_image_only_when_there_is_a_logo(logo: bool) -> None:
    images = images_of(only_page(make_test_page(F4, logo=logo)))
    assert len(images) == (1 if logo else 0)


def test_metadata() -> None:
    reader = PdfReader(BytesIO(make_test_page(A4)))
    assert reader.metadata is not None
    assert reader.metadata.title == "Cetak uji — A4 (210 × 297 mm)"
    assert reader.metadata.author == "Sekretariat"
    assert reader.metadata.creator == "Sekretariat"


@pytest.mark.parametrize("paper", [F4, A4, HALF_F4, A5])
@pytest.mark.parametrize("nama_dinas", [DINAS, LONG_DINAS])
def test_test_page_text_stays_inside_the_paper(paper: PaperSize, nama_dinas: str) -> None:
    page = only_page(make_test_page(paper, nama_dinas=nama_dinas))
    width, _ = paper.size_pt
    inset = 12 * MM  # the corner marks sit at 10 mm; the margins are wider still
    runs = direct_runs(page)
    assert any(r.text == TITLE for r in runs)
    for run in runs:
        assert run.x >= inset, run
        assert run.right <= width - inset, run
        assert run.y >= inset, run
    assert "NIP. 19730314 199803 2 009" in [r.text for r in runs]


@pytest.mark.parametrize("paper", [THERMAL_58, THERMAL_58.with_height(200), CARD])
def test_test_page_refuses_paper_too_small(paper: PaperSize) -> None:
    with pytest.raises(ValueError, match="terlalu kecil"):
        make_test_page(paper)


# --- sample logo ---------------------------------------------------------------------------------------------


def test_sample_logo_is_a_small_deterministic_png() -> None:
    png = sample_logo_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) < 40_000
    sample_logo_png.cache_clear()
    assert sample_logo_png() == png
    with Image.open(BytesIO(png)) as image:
        assert image.size == (400, 480)
        assert image.mode == "RGBA"
        assert image.getchannel("A").getpixel((0, 0)) == 0  # transparent around the shield
