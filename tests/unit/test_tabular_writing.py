"""The one writer of exports: ``tabular.export_csv`` and ``export_xlsx``, the rows and their audit together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.services import tabular


def _rows() -> Iterator[list[object]]:
    yield ["=1+1", date(2026, 1, 5), 3]
    yield ["biasa", date(2026, 2, 1), None]


def test_export_csv_writes_header_and_rows_and_audits_the_count(tmp_path: Path) -> None:
    out = tmp_path / "buku.csv"
    audited: list[tuple[Any, int, bool]] = []

    def record(session: Any, count: int) -> None:
        audited.append((session, count, out.exists()))

    rows = ([r[0], r[1].isoformat(), r[2]] for r in _rows())  # type: ignore[attr-defined]
    count = tabular.export_csv("sesi", out, ("a", "tanggal", "n"), rows, record)  # type: ignore[arg-type]
    assert count == 2
    assert audited == [("sesi", 2, True)]
    # Text neutralised as every export does; numbers and blanks as they are.
    assert out.read_bytes() == b"a,tanggal,n\n'=1+1,2026-01-05,3\nbiasa,2026-02-01,\n"


def test_export_xlsx_styles_the_header_and_formats_the_date_columns(tmp_path: Path) -> None:
    out = tmp_path / "buku.xlsx"
    counts: list[int] = []
    count = tabular.export_xlsx(
        "sesi",  # type: ignore[arg-type]
        out,
        ("a", "tanggal", "n"),
        _rows(),
        lambda _session, n: counts.append(n),
        title="Agenda",
        widths=(10, 14, 6),
        date_columns=(2,),
    )
    assert count == 2 and counts == [2]
    sheet = load_workbook(out).active
    assert sheet.title == "Agenda"
    assert [c.value for c in sheet[1]] == ["a", "tanggal", "n"]
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B2"].number_format == tabular.DATE_FORMAT == sheet["B3"].number_format
    assert sheet["C2"].number_format == "General"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 14


def test_a_failed_export_leaves_no_file_and_no_audit(tmp_path: Path) -> None:
    out = tmp_path / "buku.csv"
    audited: list[int] = []

    def rows() -> Iterator[list[object]]:
        yield ["satu"]
        raise PermissionError("tidak boleh")

    with pytest.raises(PermissionError):
        tabular.export_csv("sesi", out, ("a",), rows(), lambda _s, n: audited.append(n))  # type: ignore[arg-type]
    assert not out.exists() and audited == [] and list(tmp_path.iterdir()) == []
