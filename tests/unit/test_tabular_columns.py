"""What every import checks of a sheet (``tabular.checks``), tested once here for the letters, staff and guests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import tabular
from desktop.services.common.errors import ValidationError
from desktop.services.tabular import RowError, Table

LABELS = {"nama": "nama", "keperluan": "keperluan", "tanggal": "tanggal kunjungan"}


def _read(tmp_path: Path, text: str) -> Table:
    path = tmp_path / "tamu.csv"
    path.write_text(text, encoding="utf-8")
    return tabular.read_table(path, {"nama": "nama", "keperluan": "keperluan"}, min_known=1)


def test_cells_fold_white_space_and_keep_free_text(tmp_path: Path) -> None:
    table = _read(tmp_path, 'Nama,Keperluan,Paraf\n"  Budi   Santoso ","rapat\nlanjutan ",x\n')
    by_column = tabular.columns_read({"Nama": "nama", "Keperluan": "keperluan", "Paraf": None})
    assert by_column == {"nama": "Nama", "keperluan": "Keperluan"}
    [(line, cells)] = tabular.row_cells(table, by_column)
    assert line == 2
    assert cells.get("nama") == "Budi Santoso"
    assert cells.get("keperluan") == "rapat lanjutan"
    assert cells.raw("keperluan") == "rapat\nlanjutan"
    assert cells.get("tanggal") == "" == cells.raw("tanggal")  # a column the file lacks reads blank


def test_column_report_names_unmapped_data_and_what_the_user_left_out(tmp_path: Path) -> None:
    table = _read(tmp_path, "Nama,Keperluan,Paraf,Catatan,Kosong\nBudi,rapat,x,titip map,\n")
    resolved = {"Nama": "nama", "Keperluan": "keperluan", "Paraf": None, "Catatan": None, "Kosong": None}
    unmapped, warnings = tabular.column_report(table, resolved, known_unused=(), ignore=["paraf"])
    # A column without data ("Kosong") is no loss; one the user ignored by name is none either.
    assert unmapped == ["Catatan"]
    assert [w.reason for w in warnings] == [
        "kolom \u201cCatatan\u201d berisi data tetapi tidak dipetakan; isinya tidak diimpor",
        "kolom \u201cParaf\u201d diabaikan sesuai permintaan",
    ]
    assert all(w.line == tabular.FILE_LINE for w in warnings)
    # The guests' importers keep their report without the "diabaikan" line.
    _, quiet = tabular.column_report(table, resolved, (), ["paraf"], note_ignored=False)
    assert [w.reason for w in quiet] == [warnings[0].reason]
    # A layout's known column that the app does not use is no loss either.
    assert tabular.column_report(table, resolved, {tabular.header_key("Catatan")}, ["paraf"])[0] == []


def test_column_report_refuses_an_ignored_name_that_is_no_header(tmp_path: Path) -> None:
    table = _read(tmp_path, "Nama,Keperluan\nBudi,rapat\n")
    with pytest.raises(ValidationError, match="Tanda Tangan"):
        tabular.column_report(table, {"Nama": "nama", "Keperluan": "keperluan"}, (), ["Tanda Tangan"])


def test_column_report_keeps_what_the_reader_noted_first() -> None:
    note = RowError.for_file("baris 1-2 di atas judul kolom dilewati")
    table = Table(headers=["Nama"], rows=[(4, {"Nama": "Budi"})], notes=(note,))
    assert tabular.column_report(table, {"Nama": "nama"}, ())[1] == [note]


def test_missing_columns_refuse_at_the_header_row_with_the_importers_hint() -> None:
    table = Table(headers=["Nama"], rows=[], header_line=3)
    [error] = tabular.missing_columns(table, {"nama": "Nama"}, ("nama", "keperluan", "tanggal"), LABELS)
    assert str(error) == (
        "baris 3 (judul kolom): kolom wajib tidak ditemukan: keperluan (keperluan), tanggal kunjungan "
        "(tanggal); petakan kolomnya atau pakai templat impor"
    )
    [error] = tabular.missing_columns(table, {}, ("nama",), LABELS, tabular.MAP_HINT)
    assert error.reason.endswith("; petakan kolomnya dengan --map atau di langkah pemetaan")
    assert tabular.missing_columns(table, {"nama": "Nama"}, ("nama",), LABELS) == []


def test_blank_and_too_long_cells_are_each_a_reason() -> None:
    cells = tabular.Cells({"nama": "x" * 201, "keperluan": "   "})
    assert tabular.blank_or_long(cells, ("nama", "keperluan", "tanggal"), {"nama": 200}, LABELS) == [
        "keperluan kosong",
        "tanggal kunjungan kosong",
        "nama terlalu panjang (maksimal 200 karakter)",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("22/11/1850", "tahun tanggal tidak masuk akal (\u201c22/11/1850\u201d)"),
        ("kemarin", "tanggal tidak dikenali (\u201ckemarin\u201d; contoh: "),
    ],
)
def test_a_bad_date_cell_gives_its_reason(text: str, reason: str) -> None:
    problems: list[str] = []
    assert tabular.parse_date_cell("tanggal", text, problems) is None
    [found] = problems
    assert found.startswith(reason)


def test_a_date_cell_keeps_its_time_and_a_blank_one_is_no_problem() -> None:
    problems: list[str] = []
    when = tabular.parse_date_cell("tanggal", "22/11/2026 14.05", problems)
    assert when is not None and when[0].isoformat() == "2026-11-22" and f"{when[1]:%H:%M}" == "14:05"
    assert tabular.parse_date_cell("tanggal", "", problems) is None
    assert problems == []


def test_a_plan_for_a_table_carries_the_files_source_rows_and_checksum(tmp_path: Path) -> None:
    table = _read(tmp_path, "Nama,Keperluan\nBudi,rapat\nSiti,\n")
    error = RowError(3, "keperluan kosong")
    plan = tabular.SheetPlan[str].for_table(
        table, ["Budi"], [error], [], mapping={"Nama": "nama"}, unmapped=["Paraf"]
    )
    assert (plan.source, plan.rows_read, plan.mapping, plan.unmapped) == (
        "tamu.csv",
        2,
        {"Nama": "nama"},
        ["Paraf"],
    )
    assert len(plan.sha256) == 64
    assert not plan.ok
    with pytest.raises(ValidationError, match="1 baris tidak valid"):
        plan.rows_skipped(skip_invalid=False)
    assert plan.rows_skipped(skip_invalid=True) == 1
