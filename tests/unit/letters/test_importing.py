"""What the agenda masuk and keluar imports share (``services/letters/importing``), tested once here."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.core.letters.rules import Keamanan, Skema, Urgensi
from desktop.services.letters import importing
from desktop.services.tabular import Table

LABELS = {"asal": "asal surat", "perihal": "perihal", "nomor_surat": "nomor surat"}


def test_row_cells_read_each_row_by_column() -> None:
    table = Table(
        headers=["Pengirim", "Hal"],
        rows=[(3, {"Pengirim": "  Dinas   Kominfo ", "Hal": " baris satu\nbaris dua "})],
    )
    [(line, cells)] = importing.row_cells(table, {"asal": "Pengirim", "perihal": "Hal"})
    assert line == 3
    assert cells.get("asal") == "Dinas Kominfo"
    assert cells.get("perihal") == "baris satu baris dua"
    assert cells.raw("perihal") == "baris satu\nbaris dua"
    assert cells.get("status") == "" == cells.raw("status")


def test_a_missing_required_column_refuses_the_file_at_its_header_line() -> None:
    table = Table(headers=["Pengirim"], rows=[], header_line=4)
    [error] = importing.missing_columns(
        table, {"asal": "Pengirim"}, ("asal", "perihal", "nomor_surat"), LABELS
    )
    assert error.line == 4
    assert str(error).startswith("baris 4 (judul kolom): kolom wajib tidak ditemukan")
    assert error.reason == (
        "kolom wajib tidak ditemukan: perihal (perihal), nomor surat (nomor_surat); "
        "petakan kolomnya atau pakai templat impor"
    )
    assert importing.missing_columns(table, {"asal": "Pengirim"}, ("asal",), LABELS) == []


def test_blank_and_too_long_cells() -> None:
    cells = importing.Cells({"asal": "x" * 11, "perihal": "  "})
    problems = importing.blank_or_long(cells, ("asal", "perihal", "nomor_surat"), {"asal": 10}, LABELS)
    assert problems == [
        "perihal kosong",
        "nomor surat kosong",
        "asal surat terlalu panjang (maksimal 10 karakter)",
    ]


def test_date_cells() -> None:
    problems: list[str] = []
    assert importing.parse_date_cell("tanggal terima", "", problems) is None
    assert importing.parse_date_cell("tanggal terima", "22/11/2026 14.05", problems) is not None
    assert problems == []
    assert importing.parse_date_cell("tanggal terima", "22/11/1850", problems) is None
    assert importing.parse_date_cell("tanggal surat", "kemarin", problems) is None
    assert problems[0] == "tahun tanggal terima tidak masuk akal (\u201c22/11/1850\u201d)"
    assert problems[1].startswith("tanggal surat tidak dikenali (\u201ckemarin\u201d; ")


def test_keamanan_and_urgensi() -> None:
    problems: list[str] = []
    assert importing.parse_sifat("", "", problems) == (Keamanan.B, Urgensi.BIASA)
    assert importing.parse_sifat("Rahasia", "segera", problems) == (Keamanan.R, Urgensi.SEGERA)
    assert problems == []
    assert importing.parse_sifat("rahasia sekali", "pelan", problems) == (Keamanan.B, Urgensi.BIASA)
    assert problems == [
        "keamanan \u201crahasia sekali\u201d tidak dikenal (pilih Biasa, Terbatas, Rahasia atau Sangat Rahasia)",
        "urgensi \u201cpelan\u201d tidak dikenal (pilih Biasa, Segera atau Amat Segera)",
    ]


def test_the_kode_takes_the_old_scheme_only_when_only_the_old_list_knows_it() -> None:
    new, old = Skema.PERMENDAGRI_83_2022.value, Skema.PERMENDAGRI_78_2012.value
    codes = {new: {"000.1.5", "800"}, old: {"800", "045.2"}}
    assert importing.code_and_scheme(" 000. 1.5 ", codes) == ("000.1.5", new)
    assert importing.code_and_scheme("800", codes) == ("800", new)
    assert importing.code_and_scheme("045.2", codes) == ("045.2", old)
    assert importing.code_and_scheme("999", codes) == ("999", new)
    assert importing.code_and_scheme("", codes) == ("", new)
    assert importing.unknown_code_note("999", new, codes) == (
        "kode 999 tidak ada di daftar klasifikasi; tetap dipakai"
    )
    assert importing.unknown_code_note("045.2", old, codes) is None
    assert importing.unknown_code_note("", new, codes) is None


def test_import_summary() -> None:
    assert importing.import_summary("surat masuk", 3, "", 0) == "3 surat masuk diimpor dari berkas"
    assert importing.import_summary("surat keluar", 2, "lama.xlsx", 1) == (
        "2 surat keluar diimpor dari lama.xlsx, 1 baris tidak valid dilewati"
    )


SHEET = importing.AgendaSheet(
    "Agenda Uji",
    ("nomor", "tanggal_terima", "perihal", "tanggal_surat"),
    {"nomor": 10, "tanggal_terima": 14, "perihal": 50, "tanggal_surat": 15},
    "surat_uji",
    "surat uji",
)


def test_the_date_columns_are_the_tanggal_ones() -> None:
    assert SHEET.date_columns == (2, 4)


def test_the_template_has_the_example_row_and_the_guide(tmp_path: Path) -> None:
    example = {
        "nomor": "",
        "tanggal_terima": "2026-01-05",
        "perihal": "Contoh",
        "tanggal_surat": "2026-01-02",
    }
    guide = [("nomor", "tidak", "Nomor agenda."), ("perihal", "ya", "Perihal surat.")]
    path = tmp_path / "templat.xlsx"
    importing.write_template(path, SHEET, example, "Petunjuk uji", ("Isi satu baris.",), guide)
    book = load_workbook(path)
    sheet, petunjuk = book.worksheets
    assert sheet.title == "Agenda Uji" and petunjuk.title == "Petunjuk"
    assert [c.value for c in sheet[1]] == list(SHEET.columns)
    assert sheet["B2"].value.date().isoformat() == "2026-01-05" and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["D2"].number_format == "yyyy-mm-dd" and sheet["C2"].value == "Contoh"
    assert sheet.column_dimensions["C"].width == 50
    rows = [[c for c in row if c is not None] for row in petunjuk.iter_rows(values_only=True)]
    assert rows[0] == ["Petunjuk uji"] and ["Isi satu baris."] in rows
    assert rows[-3:] == [
        ["Kolom", "Wajib", "Keterangan", "Contoh"],
        ["nomor", "tidak", "Nomor agenda."],
        ["perihal", "ya", "Perihal surat.", "Contoh"],
    ]
