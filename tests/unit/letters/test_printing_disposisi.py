"""The printed lembar disposisi (letters.md B5, R8, R11–R13): content, paper, fit on ½ F4, tick boxes."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.fonts import string_width
from desktop.printing.letters.disposisi import (
    DEFAULT_INSTRUCTIONS,
    REPRINT_MARK,
    DisposisiLetter,
    DisposisiSheet,
    build_disposisi,
)
from desktop.printing.pages import A4, A5, F4, HALF_F4, MM, PaperSize
from desktop.printing.sample_logo import sample_logo_png

HEADER = OfficeHeader(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah",
    alamat="Jl. Basuki Rahmat No. 55, Samarinda",
    telepon="(0541) 743921",
    kode_pos="75117",
    logo_png=sample_logo_png(),
)
PERIHAL = (
    "Undangan Rapat Koordinasi Pengendalian Harga Barang Kebutuhan Pokok Menjelang Hari Raya Natal dan "
    "Tahun Baru 2027"
)
LETTER = DisposisiLetter(
    asal_surat="Kementerian Perdagangan Republik Indonesia",
    nomor_surat="800.1.11.1/1234/SJ/2026",
    tanggal_surat="8 Desember 2026",
    tanggal_diterima="10 Desember 2026",
    jam_diterima="09.15 WITA",
    nomor_agenda="1234/2026",
    perihal=PERIHAL,
    kode_klasifikasi="500.2.2",
    lampiran="1 berkas",
    segera=True,
)
RECIPIENTS = (
    "Sekretaris",
    "Kepala Bidang Perindustrian",
    "Kepala Bidang Perdagangan Dalam Negeri",
    "Kepala Bidang Koperasi dan UKM",
    "Kepala Sub Bagian Umum",
    "Kepala Sub Bagian Perencanaan dan Keuangan",
    "Kepala UPTD Balai Pengujian dan Sertifikasi Mutu Barang",
)
SIGNER = Signer(
    jabatan="Kepala Dinas",
    nama="Dr. Ir. Hj. Fulanah Rahmawati, M.Si.",
    nip="197303141998032009",
    pangkat_golongan="Pembina Utama Muda (IV/c)",
)
FONT_NAMES = {
    "LiberationSans": "Sans",
    "LiberationSans-Bold": "Sans-Bold",
    "LiberationSans-Italic": "Sans-Italic",
    "LiberationSans-BoldItalic": "Sans-BoldItalic",
}
LONG_PERIHAL = " ".join(
    itertools.islice(
        itertools.cycle(
            (
                "Permohonan",
                "fasilitasi",
                "pameran",
                "produk",
                "unggulan",
                "daerah",
                "dan",
                "usaha",
                "mikro",
                "kecil",
                "menengah",
            )
        ),
        60,
    )
)[:400]
FOURTEEN = (
    *RECIPIENTS,
    "Kepala Seksi Pengembangan Industri Agro",
    "Kepala Seksi Pengembangan Industri Logam dan Mesin",
    "Kepala Seksi Bina Usaha Perdagangan",
    "Kepala Seksi Pengawasan Barang Beredar dan Jasa",
    "Kepala Seksi Kelembagaan Koperasi",
    "Kepala Seksi Pemberdayaan Usaha Mikro",
    "Kepala UPTD Metrologi Legal Samarinda",
)


def sheet(**changes: Any) -> DisposisiSheet:
    letter_changes = {k: changes.pop(k) for k in list(changes) if k in DisposisiLetter.__dataclass_fields__}
    base = DisposisiSheet(
        header=HEADER,
        letter=dataclasses.replace(LETTER, **letter_changes),
        recipients=RECIPIENTS,
        instructions=DEFAULT_INSTRUCTIONS,
        signer=SIGNER,
    )
    return dataclasses.replace(base, **changes)


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

    @property
    def bottom(self) -> float:
        return self.y - 0.21 * self.size

    @property
    def top(self) -> float:
        return self.y + 0.73 * self.size


def runs_of(page: PageObject) -> list[Run]:
    """Every string drawn on the page, with its real position (the sheet uses no transforms)."""
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


def paths_of(page: PageObject) -> list[list[tuple[float, float]]]:
    """The points of every stroked path built from m/l operators."""
    paths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    content = ContentStream(page.get_contents(), page.pdf)
    for operands, operator in content.operations:
        if operator in (b"m", b"l"):
            current.append((float(operands[0]), float(operands[1])))
        elif operator in (b"S", b"s", b"B", b"f", b"n", b"re"):
            if current and operator != b"re":
                paths.append(current)
            current = []
    return paths


def check_marks(page: PageObject) -> list[list[tuple[float, float]]]:
    """Drawn ✓ marks: three-point paths, neither segment horizontal nor vertical."""
    marks = []
    for path in paths_of(page):
        if len(path) != 3:
            continue
        (x0, y0), (x1, y1), (x2, y2) = path
        if x0 < x1 < x2 and y1 < y0 < y2:
            marks.append(path)
    return marks


def fonts_of(page: PageObject) -> Iterator[Any]:
    yield from _resources(page["/Resources"], "/Font")


def _resources(resources: Any, kind: str) -> Iterator[Any]:
    for ref in resources.get(kind, {}).values():
        yield ref.get_object()
    for ref in resources.get("/XObject", {}).values():
        form = ref.get_object()
        if form.get("/Subtype") == "/Form" and "/Resources" in form:
            yield from _resources(form["/Resources"], kind)


def assert_inside_and_apart(page: PageObject, paper: PaperSize) -> list[Run]:
    """Every string lies on the sheet (at least 5 mm from each edge), no two strings overlap, and no long
    horizontal rule (kop, frame, ruled lines, tear-off line, tables) runs through a string."""
    width, height = paper.size_pt
    runs = runs_of(page)
    rules = [
        (min(p[0][0], p[1][0]), max(p[0][0], p[1][0]), p[0][1])
        for p in paths_of(page)
        if len(p) == 2 and p[0][1] == p[1][1] and abs(p[1][0] - p[0][0]) > 0.4 * width
    ]
    assert len(rules) >= 5
    for run in runs:
        for x1, x2, y in rules:
            assert not (x1 < run.right and run.x < x2 and run.bottom < y < run.top), (run, y)
    for run in runs:
        assert run.x >= 5 * MM, run
        assert run.right <= width - 5 * MM + 0.01, run
        assert run.bottom >= 5 * MM, run
        assert run.top <= height - 5 * MM, run
    for a, b in itertools.combinations(runs, 2):
        apart = (
            a.right <= b.x + 0.5 or b.right <= a.x + 0.5 or a.top <= b.bottom + 0.3 or b.top <= a.bottom + 0.3
        )
        assert apart, (a, b)
    return runs


# --- paper ---------------------------------------------------------------------------------------------------


def test_default_sheet_is_half_f4() -> None:
    assert sheet().paper is HALF_F4
    page = only_page(build_disposisi(sheet()))
    assert float(page.mediabox.width) == pytest.approx(165 / 25.4 * 72, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(215 / 25.4 * 72, abs=0.5)


@pytest.mark.parametrize("paper", [A5, A4, F4])
def test_other_papers(paper: PaperSize) -> None:
    page = only_page(build_disposisi(sheet(paper=paper)))
    width, height = paper.size_pt
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)
    assert_inside_and_apart(page, paper)


def test_a_roll_or_a_card_is_refused() -> None:
    with pytest.raises(ValueError, match="minimal A5"):
        build_disposisi(sheet(paper=HALF_F4.with_height(100)))


# --- content -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", [HALF_F4, A5, A4])
def test_every_field_recipient_and_instruction_is_printed(paper: PaperSize) -> None:
    text = flat_text(only_page(build_disposisi(sheet(paper=paper, ditujukan_kepada="Kepala Dinas"))))
    for expected in (
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        "LEMBAR DISPOSISI",
        "Kementerian Perdagangan",
        "800.1.11.1/1234/SJ/2026",
        "8 Desember 2026",
        "10 Desember 2026, pukul 09.15 WITA",
        "1234/2026",
        "500.2.2",
        "1 berkas",
        "Kepala Dinas",
        "Diteruskan kepada Sdr.:",
        "Dengan hormat harap:",
        "Catatan / isi disposisi:",
        "Batas waktu",
        "Kepala Dinas,",
        "Dr. Ir. Hj. Fulanah Rahmawati, M.Si.",
        "Pembina Utama Muda (IV/c)",
        "NIP. 19730314 199803 2 009",
    ):
        assert expected in text, expected
    for word in (*PERIHAL.split(), "Republik", "Indonesia"):
        assert word in text, word
    for recipient in RECIPIENTS:
        assert recipient in text, recipient
    for instruction in DEFAULT_INSTRUCTIONS:
        assert instruction.removesuffix(" ……") in text, instruction
    assert REPRINT_MARK not in text


def test_optional_fields_only_when_given() -> None:
    labels = {r.text for r in runs_of(only_page(build_disposisi(sheet(kode_klasifikasi="", lampiran=""))))}
    assert "Kode" not in labels
    assert "Lampiran" not in labels
    labels = {r.text for r in runs_of(only_page(build_disposisi(sheet())))}
    assert {"Kode", "Lampiran"} <= labels


def test_reprint_mark_only_on_a_reprint() -> None:
    reprint = flat_text(only_page(build_disposisi(sheet(reprint=True, copies_note="Rangkap 2 (merah muda)"))))
    assert reprint.count(REPRINT_MARK) == 1
    assert "Rangkap 2 (merah muda)" in reprint
    assert REPRINT_MARK not in flat_text(only_page(build_disposisi(sheet())))
    reader = PdfReader(BytesIO(build_disposisi(sheet(reprint=True))))
    assert reader.metadata is not None
    assert reader.metadata.title == "Lembar disposisi — No. agenda 1234/2026 (cetak ulang)"


def test_the_reprint_mark_sits_by_the_title() -> None:
    runs = runs_of(only_page(build_disposisi(sheet(reprint=True))))
    title = next(r for r in runs if r.text == "LEMBAR DISPOSISI")
    mark = next(r for r in runs if r.text == REPRINT_MARK)
    assert abs(mark.y - title.y) < 4 * MM
    assert mark.x > title.right


def test_batas_waktu_is_prefilled() -> None:
    runs = runs_of(only_page(build_disposisi(sheet(batas_waktu="11 Desember 2026"))))
    label = next(r for r in runs if r.text.startswith("Batas waktu"))
    value = next(r for r in runs if r.text == "11 Desember 2026")
    assert value.y == pytest.approx(label.y) and value.x > label.right


def test_without_signer_the_name_is_left_blank() -> None:
    text = flat_text(only_page(build_disposisi(sheet(signer=None))))
    assert "NIP." in text
    assert "Fulanah" not in text
    assert "Kepala Dinas," not in text


def test_signer_on_behalf() -> None:
    signer = Signer(
        "Sekretaris", "Drs. H. Abdul Muis", "197001011995031004", "Pembina (IV/a)", "Kepala Dinas"
    )
    text = flat_text(only_page(build_disposisi(sheet(signer=signer))))
    assert "a.n. Kepala Dinas, Sekretaris," in text
    assert "NIP. 19700101 199503 1 004" in text


def test_tanda_terima_strip() -> None:
    page = only_page(build_disposisi(sheet()))
    text = flat_text(page)
    for expected in ("potong di sini", "TANDA TERIMA", "Unit", "Nama", "Tanda tangan", "Tanggal"):
        assert expected in text, expected
    assert "No. agenda: 1234/2026" in text
    assert "Hal: Undangan Rapat Koordinasi" in text
    runs = runs_of(page)
    strip = next(r for r in runs if r.text == "TANDA TERIMA")
    nip = next(r for r in runs if r.text.startswith("NIP."))
    assert strip.y < nip.y  # below the form
    dashes = [p for p in paths_of(page) if len(p) == 2 and p[0][1] == p[1][1] and p[0][1] > strip.y]
    assert dashes  # the tear-off line lies between the signature and the strip

    without = flat_text(only_page(build_disposisi(sheet(tanda_terima=False))))
    assert "TANDA TERIMA" not in without
    assert "potong di sini" not in without


def test_a_rahasia_perihal_stays_off_the_strip() -> None:
    text = flat_text(only_page(build_disposisi(sheet(rahasia=True))))
    assert "No. agenda: 1234/2026" in text
    assert "Hal: " not in text
    assert "Undangan Rapat" in text  # on the sheet itself


def test_all_fonts_are_embedded_liberation() -> None:
    fonts = list(fonts_of(only_page(build_disposisi(sheet(reprint=True, copies_note="Rangkap 2")))))
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
        assert str(font["/BaseFont"]).split("+", 1)[-1].startswith("Liberation")


# --- fitting on ½ F4 ---------------------------------------------------------------------------------------


def test_default_sheet_is_legible_and_nothing_overlaps() -> None:
    runs = assert_inside_and_apart(only_page(build_disposisi(sheet())), HALF_F4)
    for text in (*RECIPIENTS, *DEFAULT_INSTRUCTIONS[:-1]):
        run = next(r for r in runs if r.text == text)
        assert run.size >= 7.5, run
    for label in ("Surat dari", "No. agenda", "Hal"):
        run = next(r for r in runs if r.text == label)
        assert run.size >= 8, run


def test_long_perihal_and_fourteen_recipients_fit_one_half_f4_page() -> None:
    assert len(LONG_PERIHAL) == 400
    page = only_page(build_disposisi(sheet(perihal=LONG_PERIHAL, recipients=FOURTEEN, signer=None)))
    runs = assert_inside_and_apart(page, HALF_F4)
    text = flat_text(page)
    for word in LONG_PERIHAL.split():
        assert word in text
    for recipient in FOURTEEN:
        assert recipient in text, recipient
        assert all(r.size >= 7 for r in runs if r.text in recipient), recipient
    # the perihal keeps to three lines right of "Hal :"
    hal = next(r for r in runs if r.text == "Hal")
    perihal_runs = [r for r in runs if r.text.split()[0] in ("Permohonan", "fasilitasi") and r.x > hal.x]
    assert 1 <= len({round(r.y) for r in perihal_runs}) <= 3


def test_a_long_list_flows_into_sub_columns_at_a_legible_size() -> None:
    many = (*FOURTEEN, *(f"Pejabat Fungsional Ahli Muda {i}" for i in range(1, 13)))
    page = only_page(build_disposisi(sheet(recipients=many)))
    runs = assert_inside_and_apart(page, HALF_F4)
    starts = {round(r.x) for r in runs if r.text.startswith(("Kepala", "Pejabat")) and r.size < 9}
    assert len(starts) >= 2  # recipients in more than one sub-column
    assert "Pejabat Fungsional Ahli Muda 12" in flat_text(page)
    assert min(r.size for r in runs if r.text.startswith("Pejabat")) >= 7


def test_an_impossible_list_is_refused_not_overprinted() -> None:
    with pytest.raises(ValueError, match="terlalu panjang"):
        build_disposisi(sheet(recipients=tuple(f"Pegawai nomor {i}" for i in range(300))))


# --- tick boxes ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", [HALF_F4, A4])
def test_rahasia_ticks_its_own_box(paper: PaperSize) -> None:
    plain = only_page(build_disposisi(sheet(paper=paper, segera=False)))
    secret = only_page(build_disposisi(sheet(paper=paper, segera=False, rahasia=True)))
    assert check_marks(plain) == []
    marks = check_marks(secret)
    assert len(marks) == 1
    label = next(r for r in runs_of(secret) if r.text == "Rahasia")
    for x, y in marks[0]:
        assert label.x - 1.4 * label.size < x < label.x - 0.3 * label.size  # in the box left of the word
        assert label.y - 0.3 * label.size < y < label.y + label.size


def test_each_sifat_flag_ticks_one_box() -> None:
    page = only_page(build_disposisi(sheet(sangat_segera=True, segera=True, rahasia=True)))
    marks = check_marks(page)
    assert len(marks) == 3
    runs = runs_of(page)
    for label in ("Sangat segera", "Segera", "Rahasia"):
        run = next(r for r in runs if r.text == label)
        assert sum(1 for mark in marks if run.x - 1.4 * run.size < mark[0][0] < run.x) == 1, label
