"""The shared spreadsheet helpers: the formula rule both ways, CSV decoding and reading, text-only workbooks."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import pytest
from openpyxl import load_workbook

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
