"""The printed BAST (assets.md B7, R16-R18): date in words, parties, items with total and terbilang, paper, flow."""

from __future__ import annotations

import dataclasses
from datetime import date
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.printing.assets.bast import (
    COLUMN_TITLES,
    DEFAULT_KETENTUAN,
    JENIS,
    TYPE_LINES,
    BastData,
    BastLine,
    BastParty,
    build_bast,
    closing_text,
)
from desktop.printing.data import OfficeHeader
from desktop.printing.pages import A4, F4, MM, PaperSize
from desktop.printing.sample_logo import sample_logo_png

HEADER = OfficeHeader(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah",
    alamat="Jl. Basuki Rahmat No. 55, Samarinda",
    telepon="(0541) 736714",
    kode_pos="75117",
    logo_png=sample_logo_png(),
)
PERTAMA = BastParty("Hj. Siti Rahmawati, S.E.", "197303142007012009", "Pengurus Barang Pengguna")
KEDUA = BastParty("Andi Pratama, S.Kom.", "198805212015031002", "Analis Sistem Informasi Subbagian Umum")
KEPALA = BastParty("Dr. Ir. H. Muhammad Yusuf, M.Si.", "196801011993031005", "Kepala Dinas")
LAPTOP = BastLine(
    "1.3.2.10.01.02.002", "000001", "Laptop", "Lenovo ThinkPad E14, Core i5, RAM 16 GB", 2024, 1, "Unit",
    15_000_000, "Baik",
)  # fmt: skip
CHAIRS = BastLine(
    "1.3.2.05.02.01.004", "000001 s/d 000010", "Kursi Kayu", "Jati", 2025, 10, "Buah", 7_500_000, "Baik",
    "Ruang rapat",
)  # fmt: skip
PRINTER = BastLine(
    "1.3.2.10.02.03.001", "000003", "Printer Tinta", "Epson L3210", 2023, 1, "Unit", 2_750_000, "Rusak Ringan",
)  # fmt: skip
DATA = BastData(
    header=HEADER,
    jenis="penyerahan",
    nomor="000.2.3.2/014/Umum/2026",
    tanggal=date(2026, 3, 2),
    pihak_pertama=PERTAMA,
    pihak_kedua=KEDUA,
    mengetahui=KEPALA,
    dasar_text="berdasarkan SPPB Nomor 027/112/SPPB/2026 Tanggal 27 Februari 2026",
    tujuan_text="untuk dipergunakan di Ruang Subbag Umum",
    lines=(LAPTOP, CHAIRS, PRINTER),
    place="Samarinda",
)
VEHICLE = BastLine(
    "1.3.2.02.01.01.004", "000002", "Sepeda Motor", "Honda Vario 125 CBS", 2022, 1, "Unit", 24_500_000, "Baik"
)
KELENGKAPAN = (
    ("Nomor Polisi", "KT 1234 AB"),
    ("Nomor Rangka", "MH1JM8112NK123456"),
    ("Nomor Mesin", "JM81E1234567"),
    ("BPKB", "M-12345678"),
    ("STNK", "Ada, berlaku s.d. 12 Mei 2027"),
    ("Kunci", "2 buah"),
)


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def many_lines(count: int) -> tuple[BastLine, ...]:
    return tuple(
        BastLine(
            "1.3.2.05.02.01.004", f"{i:06d}", f"Kursi Rapat Nomor {i:03d}", "Chitose", 2025, 1, "Buah", 1_250_000,
            "Baik",
        )
        for i in range(1, count + 1)
    )  # fmt: skip


def test_r16_date_line_in_words_for_the_worked_example() -> None:
    text = all_text(build_bast(DATA))
    assert (
        "Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam, "
        "kami yang bertanda tangan di bawah ini:"
    ) in text


def test_title_type_line_and_nomor() -> None:
    text = all_text(build_bast(DATA))
    assert "BERITA ACARA SERAH TERIMA PENGGUNAAN BARANG MILIK DAERAH" in text
    assert "Nomor: 000.2.3.2/014/Umum/2026" in text
    assert "PEMERINTAH PROVINSI KALIMANTAN TIMUR" in text  # the kop


def test_both_parties_with_nama_nip_jabatan_and_their_signatures() -> None:
    text = all_text(build_bast(DATA))
    for party, label in ((PERTAMA, "PIHAK PERTAMA"), (KEDUA, "PIHAK KEDUA")):
        assert f"Nama : {party.nama}" in text
        assert f"Jabatan : {party.jabatan}" in text
        assert f"selanjutnya disebut {label}." in text
    assert "NIP : 19730314 200701 2 009" in text
    assert "NIP : 19880521 201503 1 002" in text
    # Each signer's name over the grouped NIP, once: PIHAK KEDUA, PIHAK PERTAMA, Mengetahui.
    for party, nip in (
        (KEDUA, "19880521 201503 1 002"),
        (PERTAMA, "19730314 200701 2 009"),
        (KEPALA, "19680101 199303 1 005"),
    ):
        assert text.count(f"{party.nama} NIP. {nip}") == 1
    assert text.count("Mengetahui, Kepala Dinas,") == 1


def test_handover_sentence_carries_the_dasar_and_the_purpose() -> None:
    text = all_text(build_bast(DATA))
    assert (
        "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, barang "
        "milik daerah, berdasarkan SPPB Nomor 027/112/SPPB/2026 Tanggal 27 Februari 2026, untuk dipergunakan "
        "di Ruang Subbag Umum, dengan rincian sebagai berikut:"
    ) in text


def test_every_item_with_its_numbers_and_the_total_in_figures_and_words() -> None:
    text = all_text(build_bast(DATA))
    for title in ("Kode Barang", "Nama Barang", "Nilai (Rp)", "Kondisi"):
        assert title in text
    for line in DATA.lines:
        assert line.nama in text
        assert line.kode_barang in text
    assert "000001 s/d 000010" in text
    assert "15.000.000" in text and "7.500.000" in text and "2.750.000" in text
    # 1 + 10 + 1 units; 15.000.000 + 7.500.000 + 2.750.000
    assert "JUMLAH 12 25.250.000" in text
    assert "Terbilang: Dua puluh lima juta dua ratus lima puluh ribu rupiah" in text


def test_default_conditions_and_the_closing_with_the_copies_in_words() -> None:
    text = all_text(build_bast(dataclasses.replace(DATA, rangkap=3)))
    assert "Dengan ketentuan sebagai berikut:" in text
    for number, condition in enumerate(DEFAULT_KETENTUAN["penyerahan"], start=1):
        assert f"{number}. {condition}" in text
    assert "dalam rangkap 3 (tiga)" in text
    assert closing_text(3) in text


def test_own_conditions_replace_the_default_and_none_leaves_the_heading_out() -> None:
    own = all_text(build_bast(dataclasses.replace(DATA, ketentuan=("Dipakai di ruang rapat saja.",))))
    assert "1. Dipakai di ruang rapat saja." in own
    assert DEFAULT_KETENTUAN["penyerahan"][1] not in own
    none = all_text(build_bast(dataclasses.replace(DATA, ketentuan=())))
    assert "Dengan ketentuan" not in none


@pytest.mark.parametrize(("paper", "size_mm"), [(A4, (210, 297)), (F4, (215, 330))])
def test_printed_on_a4_or_f4_portrait(paper: PaperSize, size_mm: tuple[int, int]) -> None:
    reader = PdfReader(BytesIO(build_bast(dataclasses.replace(DATA, paper=paper))))
    for page in reader.pages:
        assert float(page.mediabox.width) / MM == pytest.approx(size_mm[0], abs=0.1)
        assert float(page.mediabox.height) / MM == pytest.approx(size_mm[1], abs=0.1)


def test_other_papers_are_refused() -> None:
    with pytest.raises(ValueError, match="A4 atau F4"):
        build_bast(dataclasses.replace(DATA, paper=F4.landscape()))


def test_unknown_jenis_and_no_copies_are_refused() -> None:
    with pytest.raises(ValueError, match="Jenis BAST"):
        build_bast(dataclasses.replace(DATA, jenis="hibah"))
    with pytest.raises(ValueError, match="rangkap"):
        build_bast(dataclasses.replace(DATA, rangkap=0))


def test_a_short_bast_fits_one_a4_page() -> None:
    short = dataclasses.replace(DATA, lines=(LAPTOP,), mengetahui=None, dasar_text="")
    texts = pages_text(build_bast(short))
    assert len(texts) == 1
    assert "Halaman 1 dari 1" in texts[0]


@pytest.mark.parametrize("paper", [A4, F4])
def test_sixty_lines_flow_over_pages_with_the_header_repeated_and_signatures_once(paper: PaperSize) -> None:
    lines = many_lines(60)
    texts = pages_text(build_bast(dataclasses.replace(DATA, lines=lines, paper=paper)))
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
    table_pages = [text for text in texts if "Kursi Rapat Nomor" in text]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "No Kode Barang Register/ NIBAR Nama Barang" in text  # the header row on every page
    whole = " ".join(texts)
    for line in lines:
        assert whole.count(line.nama) == 1
    assert "JUMLAH 60 75.000.000" in whole
    assert "Terbilang: Tujuh puluh lima juta rupiah" in whole
    assert whole.count("NIP. 19880521 201503 1 002") == 1
    assert whole.count("NIP. 19730314 200701 2 009") == 1
    assert whole.count("Mengetahui,") == 1


@pytest.mark.parametrize("count", range(1, 41, 3))
def test_signatures_never_leave_the_closing_sentence(count: int) -> None:
    """Whatever the length of the table, the closing and the three signatures stand on one page."""
    texts = pages_text(build_bast(dataclasses.replace(DATA, lines=many_lines(count))))
    closing = [i for i, text in enumerate(texts) if "Demikian Berita Acara ini dibuat" in text]
    assert len(closing) == 1
    page = texts[closing[0]]
    for needle in ("NIP. 19880521 201503 1 002", "NIP. 19730314 200701 2 009", "NIP. 19680101 199303 1 005"):
        assert needle in page


def test_reprint_is_marked_on_every_page() -> None:
    plain = pages_text(build_bast(dataclasses.replace(DATA, lines=many_lines(40))))
    assert not any("CETAK ULANG" in text for text in plain)
    texts = pages_text(build_bast(dataclasses.replace(DATA, lines=many_lines(40), reprint=True)))
    assert len(texts) > 1
    assert all("CETAK ULANG" in text for text in texts)


def test_draft_is_marked_on_every_page_and_may_have_no_number() -> None:
    final = all_text(build_bast(DATA))
    assert "DRAF" not in final
    draft = dataclasses.replace(DATA, nomor="", draft=True, lines=many_lines(40))
    texts = pages_text(build_bast(draft))
    assert len(texts) > 1
    assert all("DRAF" in text for text in texts)
    assert "Nomor: ……" in texts[0]


def test_pengembalian_runs_the_other_way() -> None:
    back = dataclasses.replace(DATA, jenis="pengembalian", dasar_text="", tujuan_text="")
    text = all_text(build_bast(back))
    assert "BERITA ACARA SERAH TERIMA PENGEMBALIAN BARANG MILIK DAERAH" in text
    assert (
        "PIHAK KEDUA menyerahkan kembali kepada PIHAK PERTAMA, dan PIHAK PERTAMA menerima kembali dari "
        "PIHAK KEDUA, barang milik daerah dengan rincian sebagai berikut:"
    ) in text
    assert "PIHAK PERTAMA menyerahkan kepada" not in text
    # PIHAK KEDUA (left) now gives, PIHAK PERTAMA (right) receives.
    assert "PIHAK KEDUA Yang Menyerahkan, Andi Pratama, S.Kom." in text
    assert "PIHAK PERTAMA Yang Menerima, Hj. Siti Rahmawati, S.E." in text
    assert DEFAULT_KETENTUAN["pengembalian"][0] in text


def test_penyerahan_signatures_name_who_receives_and_who_gives() -> None:
    text = all_text(build_bast(DATA))
    assert "PIHAK KEDUA Yang Menerima, Andi Pratama, S.Kom." in text
    assert "PIHAK PERTAMA Yang Menyerahkan, Hj. Siti Rahmawati, S.E." in text
    assert "Samarinda, 2 Maret 2026" in text


@pytest.mark.parametrize("jenis", JENIS)
def test_every_jenis_has_its_type_line_and_conditions(jenis: str) -> None:
    text = all_text(build_bast(dataclasses.replace(DATA, jenis=jenis)))
    assert f"BERITA ACARA SERAH TERIMA {TYPE_LINES[jenis]}" in text
    assert DEFAULT_KETENTUAN[jenis][0] in text


def test_r17_penyaluran_speaks_of_barang_persediaan_and_the_sppb() -> None:
    data = dataclasses.replace(
        DATA,
        jenis="penyaluran",
        dasar_text="berdasarkan SPPB Tanggal 27 Februari 2026 Nomor 027/112/SPPB/2026",
        tujuan_text="",
    )
    text = all_text(build_bast(data))
    assert (
        "berupa barang persediaan, berdasarkan SPPB Tanggal 27 Februari 2026 Nomor 027/112/SPPB/2026, "
        "dengan rincian sebagai berikut:"
    ) in text


def test_pengamanan_of_a_vehicle_prints_its_kelengkapan() -> None:
    data = dataclasses.replace(DATA, jenis="pengamanan", lines=(VEHICLE,), kelengkapan=KELENGKAPAN)
    text = all_text(build_bast(data))
    assert "PENGAMANAN BARANG MILIK DAERAH" in text
    assert "untuk digunakan dan diamankan" in text
    assert "Lampiran Berita Acara Serah Terima Nomor 000.2.3.2/014/Umum/2026" in text
    for label, value in KELENGKAPAN:
        assert f"{label} {value}" in text
    assert "Lampiran" not in all_text(build_bast(DATA))


def test_an_empty_draft_still_prints() -> None:
    text = all_text(build_bast(dataclasses.replace(DATA, lines=(), draft=True, nomor="")))
    assert "Belum ada barang." in text
    assert "JUMLAH 0 0" in text


def test_columns_in_the_order_of_the_layout() -> None:
    text = all_text(build_bast(DATA))
    assert " ".join(COLUMN_TITLES) in text


def _fonts(pdf: bytes) -> list[Any]:
    fonts: list[Any] = []
    for page in PdfReader(BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            fonts.append(ref.get_object())
    return fonts


def test_every_font_is_embedded() -> None:
    fonts = _fonts(build_bast(dataclasses.replace(DATA, reprint=True, draft=True)))
    assert fonts
    for font in fonts:
        assert "Helvetica" not in str(font["/BaseFont"])
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]
