"""The shared spreadsheet helpers: the formula rule both ways, CSV decoding and reading, text-only workbooks,
the one import reader (header aliases of the caller, row numbers, the all-or-nothing plan) and the one writer."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from desktop.services import tabular
from desktop.services.common.errors import ValidationError


def _texts() -> list[str]:
    """Every short text over the characters that matter: formula starters, apostrophes, letters, spaces."""
    alphabet = ["=", "+", "-", "@", "\t", "\r", "'", "a", " ", "1"]
    return ["".join(p) for n in range(5) for p in itertools.product(alphabet, repeat=n)]


def test_restore_undoes_neutralise_and_xlsx_text_for_every_text() -> None:
    for text in _texts():
        assert tabular.restore(tabular.neutralise(text)) == text, repr(text)
        assert tabular.restore(tabular.xlsx_text(text)) == text, repr(text)
        assert not tabular.neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r")), repr(text)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x","Klik")', '\'=HYPERLINK("http://x","Klik")'),
        ("+62 812", "'+62 812"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("'=already", "''=already"),
        ("''+x", "'''+x"),
        ("'quoted'", "'quoted'"),
        ("Undangan rapat", "Undangan rapat"),
        ("", ""),
    ],
)
def test_neutralise_follows_the_owasp_rule(text: str, cell: str) -> None:
    assert tabular.neutralise(text) == cell
    assert tabular.restore(cell) == text


def test_csv_writer_quotes_text_and_keeps_numbers() -> None:
    out = io.StringIO()
    tabular.TextCsvWriter(out).writerow(["=1+1", -5, "- poin", None, "a"])
    assert out.getvalue() == "'=1+1,-5,'- poin,,a\n"


def test_workbook_saves_text_as_text_and_keeps_its_values(tmp_path: Path) -> None:
    book = tabular.new_workbook()
    sheet = book.active
    sheet.append(["=1+1", "'=x", "+62", 5, "plain"])
    sheet["A2"] = "@SUM(A1)"
    sheet.cell(row=3, column=1, value="=IMPORTXML(A1)")
    for _ in range(2):  # saving twice writes the same file
        book.save(tmp_path / "a.xlsx")
    cells = load_workbook(tmp_path / "a.xlsx").active
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells[1]] == [
        ("=1+1", "s", True),
        ("''=x", "s", True),
        ("+62", "s", True),
        (5, "n", False),
        ("plain", "s", False),
    ]
    assert (cells["A2"].data_type, cells["A3"].data_type) == ("s", "s")
    assert sheet["B1"].value == "'=x"


ROWS = [["nama", "perihal"], ["Bappeda", "Musrenbang"], ["Biro Umum", "Rapat – ê"]]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig", "utf-8"])
def test_csv_is_decoded_by_its_byte_order_mark(encoding: str) -> None:
    text = "\n".join(",".join(r) for r in ROWS) + "\n"
    raw = text.encode(encoding)
    if encoding.endswith("-be"):
        raw = ("\ufeff" + text).encode(encoding)  # Python writes no BOM for an explicit byte order
    assert tabular.parse_csv(tabular.decode_csv(raw), ",") == ROWS


def test_utf16_without_bom_and_cp1252_are_decoded() -> None:
    text = "\n".join(",".join(r) for r in ROWS[:2]) + "\n"
    assert tabular.decode_csv(text.encode("utf-16-le")) == text
    assert tabular.decode_csv("Rapat – ê\n".encode("cp1252")) == "Rapat – ê\n"


def test_a_field_over_the_csv_limit_names_its_row() -> None:
    big = "x" * (10 * 1024 * 1024)
    text = f'a,b\n1,kecil\n2,"baris\ndua baris"\n3,{big}\n'
    with pytest.raises(ValidationError) as caught:
        tabular.parse_csv(text, ",", "besar.csv")
    message = str(caught.value)
    assert "besar.csv baris 4" in message and f"{csv.field_size_limit():,}".replace(",", ".") in message


# --- the reader -----------------------------------------------------------------------------------------------

INDEX = tabular.alias_index(
    {"Nomor Surat Keluar": "nomor", "Tgl Surat": "tanggal", "Kepada Yth": "tujuan"}, ["hal"]
)


def test_aliases_match_ignoring_case_spaces_and_punctuation() -> None:
    assert tabular.header_key("No. Agenda") == tabular.header_key(" NO_AGENDA ") == "noagenda"
    assert INDEX[tabular.header_key("TGL. SURAT")] == "tanggal" and INDEX["hal"] == "hal"
    headers = ["Kepada yth.", "HAL", "Hal", "Lain"]
    assert tabular.map_headers(headers, INDEX) == {
        "Kepada yth.": "tujuan",
        "HAL": "hal",
        "Hal": None,
        "Lain": None,
    }
    columns = ("nomor", "tanggal", "tujuan", "hal")
    assert tabular.resolve_headers(headers, {"Hal": "hal", "HAL": None}, INDEX, columns) == {
        "Kepada yth.": "tujuan",
        "HAL": None,
        "Hal": "hal",
        "Lain": None,
    }
    assert tabular.resolve_headers(headers, {"Lain": "tgl surat"}, INDEX, columns)["Lain"] == "tanggal"
    for mapping, message in (
        ({"Tidak Ada": "hal"}, "tidak ada di berkas"),
        ({"Lain": "warna"}, "tidak dikenal"),
        ({"Lain": "hal", "Hal": "hal"}, "lebih dari sekali"),
    ):
        with pytest.raises(ValidationError, match=message):
            tabular.resolve_headers(headers, mapping, INDEX, columns)


def test_the_header_row_is_found_under_a_title_with_the_callers_aliases(tmp_path: Path) -> None:
    path = tmp_path / "buku.csv"
    path.write_text(
        "BUKU AGENDA SURAT KELUAR\n"
        "\n"
        "Nomor Surat Keluar;Tgl Surat;Kepada Yth;;Hal;Hal\n"
        "1/A;2026-01-05;Biro;;Rapat;x\n"
        ";;;;;\n"
        '2/A;2026-01-06;"Dinas\nKesehatan";;Laporan;;lebih\n',
        encoding="utf-8",
    )
    table = tabular.read_table(path, INDEX)
    assert table.header_line == 3 and table.source == "buku.csv" and len(table.sha256) == 64
    # A column blank in the header and every row is left out; a blank header is named after its column.
    assert table.headers == ["Nomor Surat Keluar", "Tgl Surat", "Kepada Yth", "Hal", "Hal (2)", "Kolom G"]
    # Row numbers as the spreadsheet shows them: the blank row 5 is skipped but counted.
    assert [line for line, _ in table.rows] == [4, 6]
    assert table.rows[1][1]["Kepada Yth"] == "Dinas\nKesehatan" and table.rows[1][1]["Kolom G"] == "lebih"
    # With aliases that name too few of its cells, the first non-blank row is the header (mapped by hand)...
    other = tabular.alias_index({"Tgl Surat": "tanggal"})
    assert tabular.read_table(path, other).header_line == 1
    assert tabular.read_table(path, other, min_known=1).header_line == 3
    # ... unless the caller says which column the header must name, and what to say when none does.
    with pytest.raises(ValidationError, match=r"buku\.csv: tanpa kolom nomor"):
        tabular.read_table(
            path, other, min_known=1, required=("nomor",), no_header="{source}: tanpa kolom nomor"
        )


def test_workbook_cells_become_text_and_numbers_are_remembered(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Daftar"])
    sheet.append(["Nomor Surat Keluar", "Tgl Surat", "Kepada Yth", "Hal"])
    sheet.append([1.97303e17, datetime(2026, 1, 5), "'=SUM(A1)", 12.0])
    sheet.append([None, datetime(2026, 1, 5, 14, 5), True, 2.5])
    sheet.append(["x", date(2026, 1, 7), time(9, 30), "  teks  "])
    path = tmp_path / "buku.xlsx"
    book.save(path)
    table = tabular.read_table(path, INDEX, numeric_cells=True)
    assert table.header_line == 2
    assert [values for _, values in table.rows] == [
        {
            "Nomor Surat Keluar": "197303000000000000",
            "Tgl Surat": "2026-01-05",
            "Kepada Yth": "=SUM(A1)",
            "Hal": "12",
        },
        {"Nomor Surat Keluar": "", "Tgl Surat": "2026-01-05 14:05", "Kepada Yth": "ya", "Hal": "2.5"},
        {"Nomor Surat Keluar": "x", "Tgl Surat": "2026-01-07", "Kepada Yth": "09:30", "Hal": "teks"},
    ]
    assert table.numeric == {(3, "Nomor Surat Keluar"), (3, "Hal"), (4, "Hal")}
    assert tabular.read_table(path, INDEX).numeric == frozenset()  # only when asked: the check costs time


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tidak-ada.csv", None, "tidak ditemukan"),
        ("lama.xls", b"x", "Excel 97-2003"),
        ("buku.ods", b"x", "Jenis berkas .ods tidak didukung"),
        ("rusak.xlsx", b"bukan zip", "tidak bisa dibuka sebagai .xlsx"),
        ("kosong.csv", b"\n\n", "kosong"),
    ],
)
def test_files_that_cannot_be_read_are_named(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        tabular.read_table(path, INDEX)


def test_cell_values_dates_and_words() -> None:
    assert tabular.fold("  Dipesan (Konsep)_x ") == "dipesan konsep x"
    assert tabular.parse_when("22/11/2026 pukul 14.05") == (date(2026, 11, 22), time(14, 5))
    assert tabular.parse_when("2026-11-22T08:00:00") == (date(2026, 11, 22), time(8, 0))
    assert tabular.parse_when("22 November 2026") == (date(2026, 11, 22), None)
    with pytest.raises(ValueError) as caught:
        tabular.parse_when("22/11/2026 25.00")
    assert tabular.date_problem("tanggal", "22/11/2026 25.00", caught.value) == (
        "tanggal tidak dikenali (\u201c22/11/2026 25.00\u201d; jam 25.00 tidak ada)"
    )
    assert tabular.date_problem("tanggal", "kemarin", ValueError("kata")).endswith(
        f"; {tabular.values.DATE_EXAMPLES})"
    )
    assert [tabular.column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


@dataclass(frozen=True)
class _Plan(tabular.AllOrNothing):
    errors: list[tabular.RowError]
    warnings: list[tabular.RowError] = field(default_factory=list)


def test_a_plan_with_bad_rows_imports_nothing_unless_the_valid_rows_are_chosen() -> None:
    bad = _Plan([tabular.RowError(3, "perihal kosong"), tabular.RowError(5, "tanggal salah")])
    assert not bad.ok and str(bad.errors[0]) == "baris 3: perihal kosong"
    with pytest.raises(ValidationError, match="2 baris tidak valid; tidak ada yang diimpor"):
        bad.rows_skipped(skip_invalid=False)
    assert bad.rows_skipped(skip_invalid=True) == 2
    good = _Plan([], [tabular.RowError(1, "peringatan")])
    assert good.ok and good.rows_skipped(skip_invalid=False) == 0 == good.rows_skipped(skip_invalid=True)


# --- the writer -----------------------------------------------------------------------------------------------


def test_a_file_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "ekspor" / "buku.csv"

    def writing(text: str) -> Callable[[Path], None]:
        def write(tmp: Path) -> None:
            tmp.write_text(text, encoding="utf-8")

        return write

    tabular.replace_atomically(out, writing("lama"))
    assert out.read_text(encoding="utf-8") == "lama"

    def half(tmp: Path) -> None:
        tmp.write_text("setengah", encoding="utf-8")
        raise OSError("disk penuh")

    def refuse() -> None:
        raise RuntimeError("audit gagal")

    with pytest.raises(OSError, match="disk penuh"):
        tabular.replace_atomically(out, half)
    with pytest.raises(RuntimeError, match="audit gagal"):
        tabular.replace_atomically(out, writing("baru"), refuse)
    assert out.read_text(encoding="utf-8") == "lama" and [p.name for p in out.parent.iterdir()] == [
        "buku.csv"
    ]


def test_an_export_and_its_audit_row_go_together(tmp_path: Path) -> None:
    events: list[str] = []
    out = tmp_path / "buku.csv"

    def write(tmp: Path) -> None:
        events.append("tulis")
        tmp.write_text("isi", encoding="utf-8")

    def record(session: Any) -> None:
        events.append(f"audit {session} {out.exists()}")

    tabular.write_audited("sesi-baca", out, write, record)  # type: ignore[arg-type]
    assert events == ["tulis", "audit sesi-baca True"]

    @contextmanager
    def transaction() -> Iterator[Any]:
        events.append("mulai")
        yield "sesi-tulis"
        events.append("commit")

    events.clear()
    out.unlink()
    tabular.write_audited("sesi-baca", out, write, record, transaction)  # type: ignore[arg-type]
    # In its own short transaction, committed before the file appears under its name.
    assert events == ["tulis", "mulai", "audit sesi-tulis False", "commit"] and out.exists()


def test_header_style_and_the_guide_sheet(tmp_path: Path) -> None:
    book = tabular.new_workbook()
    sheet = book.active
    sheet.append(["a", "b"])
    tabular.style_header(sheet, [14, 40], fill="1F4E78", font_color="FFFFFF", freeze="B2")
    tabular.add_guide(
        book, "Petunjuk impor", ["Satu baris per surat."], ("Kolom", "Wajib"), [("a", "ya")], (20, 8)
    )
    path = tmp_path / "templat.xlsx"
    book.save(path)
    saved = load_workbook(path)
    head = saved["Sheet"]
    assert head["A1"].font.b and head["A1"].fill.fgColor.rgb.endswith("1F4E78") and head.freeze_panes == "B2"
    assert head.column_dimensions["B"].width == 40
    guide = saved["Petunjuk"]
    rows = [[c.value for c in row] for row in guide.iter_rows()]
    assert rows == [
        ["Petunjuk impor", None],
        [None, None],
        ["Satu baris per surat.", None],
        [None, None],
        ["Kolom", "Wajib"],
        ["a", "ya"],
    ]
    assert guide["A1"].font.b and guide["A5"].font.b and guide["B5"].font.b and not guide["A6"].font.b
    assert guide["A6"].alignment.wrap_text and guide.column_dimensions["A"].width == 20
