"""The printed SKM report (guests.md R21-R24): the figures, the weight stated, the RTL, fonts embedded."""

from __future__ import annotations

import dataclasses
from io import BytesIO

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.guests.skm_report import (
    TITLE,
    SkmProfile,
    SkmReportData,
    SkmRtlLine,
    SkmTrendBar,
    SkmUnsurLine,
    build_skm_report,
)
from desktop.printing.pages import MM
from desktop.printing.sample_logo import sample_logo_png

NAMES = ("Persyaratan", "Prosedur", "Waktu penyelesaian", "Biaya/tarif", "Produk", "Kompetensi", "Perilaku")
DATA = SkmReportData(
    header=OfficeHeader(
        "Pemerintah Provinsi Kalimantan Timur",
        "Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
        "Jl. Kesuma Bangsa No. 1, Samarinda",
        logo_png=sample_logo_png(),
    ),
    periode="Semester I 2026",
    unsur=(
        *(SkmUnsurLine(f"U{i}", NAMES[i - 1], "29", "3,6207", "90,52", "A") for i in range(1, 8)),
        SkmUnsurLine("U8", "Penanganan pengaduan", "29", "3,6207", "90,52", "A"),
        SkmUnsurLine("U9", "Sarana dan prasarana", "29", "3,9655", "99,14", "A"),
    ),
    ikm_nrr="3,6590",
    ikm_nilai="91,48",
    mutu="A",
    kinerja="Sangat baik",
    bobot_label="bobot 1/9 (tepat)",
    responden=29,
    populasi=1200,
    sampel=291,
    sample_warning="Jumlah responden 29 kurang dari sampel minimal 291.",
    lowest="U3 Waktu penyelesaian (86,21)",
    rtl=(
        SkmRtlLine(
            "U3 Waktu penyelesaian", "Menambah petugas loket pada jam sibuk", "Juli 2026", "Kasubag Umum"
        ),
    ),
    trend=(SkmTrendBar("Sem II 2025", 88.9, "A"), SkmTrendBar("Sem I 2026", 91.48, "A")),
    profil=(SkmProfile("Jenis kelamin", (("Laki-laki", 14), ("Perempuan", 15))),),
    signer=Signer("Kepala Dinas", "Dr. Ahmad Fauzi, M.Si.", "197501012000031001"),
    place_date="Samarinda, 1 Juli 2026",
)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> list[DictionaryObject]:
    found = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            found.append(ref.get_object())
    return found


def test_the_report_shows_the_figures_the_weight_and_the_rtl() -> None:
    text = _text(build_skm_report(DATA))
    for expected in (
        TITLE,
        "Periode Semester I 2026",
        "3,6590",
        "91,48",
        "bobot 1/9 (tepat)",
        "86,21",
        "U3 Waktu penyelesaian",
        "sampel minimal (Krejcie-Morgan): 291",
        "Peringatan: Jumlah responden 29 kurang dari sampel minimal 291.",
        "Menambah petugas loket pada jam sibuk",
        "Perkembangan nilai IKM",
        "Laki-laki 14 (48%)",
        "Dr. Ahmad Fauzi, M.Si.",
        "kinerja unit pelayanan sangat baik",
    ):
        assert expected in text, expected
    legacy = _text(build_skm_report(dataclasses.replace(DATA, bobot_label="bobot 0,11", ikm_nilai="90,56")))
    assert "bobot 0,11" in legacy and "90,56" in legacy


def test_every_font_is_embedded_and_no_helvetica_is_named() -> None:
    fonts = _fonts(build_skm_report(DATA))
    assert fonts
    for font in fonts:
        assert "Helvetica" not in str(font["/BaseFont"])
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]


@pytest.mark.parametrize(("paper", "height_mm"), [("A4", 297), ("F4", 330)])
def test_portrait_a4_or_f4(paper: str, height_mm: int) -> None:
    reader = PdfReader(BytesIO(build_skm_report(dataclasses.replace(DATA, paper=paper))))
    box = reader.pages[0].mediabox
    assert float(box.height) == pytest.approx(height_mm * MM, abs=0.5)
    assert float(box.width) < float(box.height)
    with pytest.raises(ValueError, match="A4 atau F4"):
        build_skm_report(dataclasses.replace(DATA, paper="A5"))


def test_a_report_without_answers_signer_or_trend_still_prints() -> None:
    empty = dataclasses.replace(
        DATA,
        unsur=tuple(dataclasses.replace(u, responden="0", nrr="-", nilai="-", mutu="-") for u in DATA.unsur),
        ikm_nrr="-",
        ikm_nilai="-",
        mutu="-",
        kinerja="",
        responden=0,
        lowest="",
        rtl=(),
        trend=(),
        profil=(),
        signer=None,
    )
    text = _text(build_skm_report(empty))
    assert "Belum ada rencana tindak lanjut." in text
    assert "Belum ada periode sebelumnya" in text
    assert "Penanggung jawab SKM," in text
