"""The one reader of imported sheets (.csv and .xlsx): the header row found with the caller's aliases, rows
keyed by header with the row number the clerk sees in the spreadsheet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from desktop.services.common import import_log
from desktop.services.common.errors import ValidationError
from desktop.services.tabular.cells import restore
from desktop.services.tabular.csv_files import read_csv, sniff_delimiter
from desktop.services.tabular.headers import header_key
from desktop.services.tabular.margins import table_end, title_note
from desktop.services.tabular.rows import RowError

_NUMBERS = frozenset({int, float})

HEADER_SEARCH_ROWS = 20
"""The header row is looked for among this many first rows (a title or an office name may sit above it)."""


@dataclass(frozen=True)
class Table:
    """A sheet as read: unique header names, and the non-blank rows as (row number, {header: text})."""

    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]
    source: str = ""
    header_line: int = 1
    sha256: str = ""  # of the file's bytes, so that importing the same file again is noticed
    # (row number, header) of the cells that were numbers in the workbook: a NIP or NIK there lost digits
    numeric: frozenset[tuple[int, str]] = frozenset()
    # What the reader left out around the table (title rows, a signature block, a "Jumlah" row), each as a
    # problem of the file, for the import report
    notes: tuple[RowError, ...] = ()


def read_table(
    path: Path | str,
    index: Mapping[str, str],
    *,
    min_known: int = 3,
    required: Collection[str] = (),
    no_header: str | None = None,
    choose_delimiter: Callable[[str], str] = sniff_delimiter,
    numeric_cells: bool = False,
) -> Table:
    """Read the first sheet of an .xlsx or a .csv file (UTF-8 with or without BOM, UTF-16/32 with BOM, or
    Windows-1252; one of ``DELIMITERS``, by ``choose_delimiter``). A row's number is its row in the
    spreadsheet; in a CSV file, its record's (a quoted cell with line breaks keeps one record one row, as
    Excel and LibreOffice show it). Cell values become text: date cells ISO,
    whole numbers without ``.0``, text as the export wrote it (``restore``).

    ``index`` is the caller's ``alias_index``. The header is the first of the first ``HEADER_SEARCH_ROWS`` rows
    in which at least ``min_known`` cells name a column of ``index``, among them every column of ``required``.
    When no row qualifies: ValidationError with ``no_header`` (``{source}`` is the file's name), or, without
    it, the first non-blank row (the user then maps the columns by hand). Rows above the header, and a
    signature block or "Jumlah" row under the table (``margins.table_end``), are left out, each with a note in
    ``Table.notes``; the other rows keep their line numbers. Columns blank in the header and in every row are
    left out; a blank header is called "Kolom C" after its spreadsheet column. With
    ``numeric_cells``, ``Table.numeric`` names the workbook cells that were numbers (left out otherwise: the
    check costs time on every cell).
    """
    path = Path(path)
    numeric: set[tuple[int, int]] | None = set() if numeric_cells else None
    grid = _read_grid(path, choose_delimiter, numeric)
    header_index = find_header(grid, index, min_known=min_known, required=required)
    if header_index is None and no_header is not None:
        raise ValidationError(no_header.format(source=path.name))
    if header_index is None:
        header_index = next((i for i, row in enumerate(grid) if any(row)), None)
    if header_index is None:
        raise ValidationError(f"Berkas {path.name} kosong.")
    notes = [title_note(grid, header_index)]
    body = grid[header_index + 1 :]
    end, under = table_end(body, header_index + 2, sum(1 for c in grid[header_index] if c))
    notes.extend(under)
    # The block under the table is cut before the columns are counted: a signature in column H is no column.
    body = body[:end]
    width = max((len(r) for r in [grid[header_index], *body]), default=0)
    header_row = grid[header_index] + [""] * (width - len(grid[header_index]))
    used_columns = [i for i in range(width) if header_row[i] or any(i < len(r) and r[i] for r in body)]
    headers: list[str] = []
    seen: Counter[str] = Counter()
    for i in used_columns:
        name = " ".join(header_row[i].split()) or f"Kolom {column_letter(i)}"
        seen[name] += 1
        headers.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    rows: list[tuple[int, dict[str, str]]] = []
    for offset, record in enumerate(body):
        values = {
            h: (record[i] if i < len(record) else "") for h, i in zip(headers, used_columns, strict=True)
        }
        if any(values.values()):
            rows.append((header_index + 2 + offset, values))
    header_of = dict(zip(used_columns, headers, strict=True))
    numbers = frozenset(
        (r + 1, header_of[c])
        for r, c in numeric or ()
        if header_index < r <= header_index + len(body) and c in header_of
    )
    return Table(
        headers=headers,
        rows=rows,
        source=path.name,
        header_line=header_index + 1,
        sha256=import_log.file_sha256(path),
        numeric=numbers,
        notes=tuple(note for note in notes if note is not None),
    )


def find_header(
    grid: list[list[str]], index: Mapping[str, str], *, min_known: int = 3, required: Collection[str] = ()
) -> int | None:
    """The position of the header row in ``grid`` (see ``read_table``), or None."""
    for i, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        named = [index[key] for key in map(header_key, row) if key in index]
        if len(named) >= min_known and all(column in named for column in required):
            return i
    return None


def _read_grid(
    path: Path, choose_delimiter: Callable[[str], str], numeric: set[tuple[int, int]] | None
) -> list[list[str]]:
    if not path.is_file():
        raise ValidationError(f"Berkas tidak ditemukan: {path}")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_csv(path, choose_delimiter)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, numeric)
    if suffix == ".xls":
        raise ValidationError(
            "Berkas .xls (Excel 97-2003) tidak didukung; buka di Excel/LibreOffice lalu simpan sebagai .xlsx."
        )
    raise ValidationError(
        f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak didukung; pakai .xlsx atau .csv."
    )


def _read_xlsx(path: Path, numeric: set[tuple[int, int]] | None) -> list[list[str]]:
    # openpyxl is imported on first use only, as everywhere in the app, to keep start-up quick.
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a corrupt or mislabelled file raises anything from zipfile to KeyError
        raise ValidationError(f"Berkas {path.name} tidak bisa dibuka sebagai .xlsx: {exc}") from exc
    try:
        grid: list[list[str]] = []
        for r, row in enumerate(book.worksheets[0].iter_rows(min_row=1, values_only=True)):
            # ``type`` rather than isinstance: a bool is an int, but a TRUE cell loses no digits.
            if numeric is not None:
                numeric.update((r, c) for c, value in enumerate(row) if type(value) in _NUMBERS)
            grid.append([cell_text(v) for v in row])
        return grid
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A workbook cell as text: a date ISO (with its time of day when it has one), a whole number without
    ``.0``, a boolean ya/tidak, text stripped and restored (``restore``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return restore(str(value).strip())


def column_letter(index: int) -> str:
    """The spreadsheet name of the column at ``index`` (0 → "A", 26 → "AA")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
