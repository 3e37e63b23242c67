"""What every import checks of a sheet: its columns (missing, unread, ignored), each row's cells, the plan."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Final, Generic, Self, TypeVar

from desktop.services.tabular.columns import ignore_headers, unmapped_columns
from desktop.services.tabular.reading import Table
from desktop.services.tabular.rows import AllOrNothing, RowError
from desktop.services.tabular.values import date_problem, parse_when

TEMPLATE_HINT: Final = "petakan kolomnya atau pakai templat impor"
"""The way on for a file that lacks a required column, where the import has a template to fill."""
MAP_HINT: Final = "petakan kolomnya dengan --map atau di langkah pemetaan"
"""The way on for a file that lacks a required column, naming both the command's option and the wizard's step."""


class Cells:
    """One row's cells by import column (a column the file lacks reads as blank)."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def get(self, column: str) -> str:
        """The cell with its runs of white space folded to one space."""
        return " ".join(self._values.get(column, "").split())

    def raw(self, column: str) -> str:
        """The cell only stripped: free text keeps its line breaks."""
        return self._values.get(column, "")


def columns_read(resolved: Mapping[str, str | None]) -> dict[str, str]:
    """Import column → the header read for it, from a resolved mapping (header → column or None)."""
    return {column: header for header, column in resolved.items() if column}


def row_cells(table: Table, by_column: Mapping[str, str]) -> Iterator[tuple[int, Cells]]:
    """Each row of ``table`` as (row number, its cells), read through ``by_column`` (column → header)."""
    for line, record in table.rows:
        yield line, Cells({column: record.get(header, "").strip() for column, header in by_column.items()})


def column_report(
    table: Table,
    resolved: Mapping[str, str | None],
    known_unused: Collection[str],
    ignore: Iterable[str] = (),
    *,
    note_ignored: bool = True,
) -> tuple[list[str], list[RowError]]:
    """The headers with data that ``resolved`` leaves unmapped (``unmapped_columns``), less those ``ignore``
    names (``ignore_headers``: ValidationError for a name that is no header), and the file's warnings: what the
    reader skipped around the table (``Table.notes``), the unmapped columns and, with ``note_ignored``, the
    columns left out on the user's word."""
    ignored = ignore_headers(table.headers, ignore)
    unmapped = [h for h in unmapped_columns(table, resolved, known_unused) if h not in ignored]
    warnings = list(table.notes)
    if unmapped:
        names = ", ".join(f"\u201c{h}\u201d" for h in unmapped)
        warnings.append(
            RowError.for_file(f"kolom {names} berisi data tetapi tidak dipetakan; isinya tidak diimpor")
        )
    if ignored and note_ignored:
        names = ", ".join(f"\u201c{h}\u201d" for h in table.headers if h in ignored)
        warnings.append(RowError.for_file(f"kolom {names} diabaikan sesuai permintaan"))
    return unmapped, warnings


def missing_columns(
    table: Table,
    by_column: Mapping[str, str],
    required: Sequence[str],
    labels: Mapping[str, str],
    hint: str = TEMPLATE_HINT,
) -> list[RowError]:
    """The error of a file that lacks a ``required`` column, at its header row, with ``hint`` as the way on
    (none when the file has them all)."""
    missing = [c for c in required if c not in by_column]
    if not missing:
        return []
    names = ", ".join(f"{labels[c]} ({c})" for c in missing)
    return [RowError.for_header(table.header_line, f"kolom wajib tidak ditemukan: {names}; {hint}")]


def blank_or_long(
    cells: Cells, required: Iterable[str], limits: Mapping[str, int], labels: Mapping[str, str]
) -> list[str]:
    """The reasons a row breaks: a ``required`` cell blank, a cell longer than its limit (a longer cell is
    refused rather than cut, so that a record is kept whole)."""
    problems = [f"{labels[column]} kosong" for column in required if not cells.get(column)]
    for column, limit in limits.items():
        if len(cells.get(column)) > limit:
            problems.append(f"{labels[column]} terlalu panjang (maksimal {limit} karakter)")
    return problems


def parse_date_cell(label: str, text: str, problems: list[str]) -> tuple[date, time | None] | None:
    """A date cell (with its time of day, if written); None when blank, or when unreadable or before 1900,
    which adds its reason to ``problems``."""
    if not text:
        return None
    try:
        day, at = parse_when(text)
    except ValueError as exc:
        problems.append(date_problem(label, text, exc))
        return None
    if day.year < 1900:
        problems.append(f"tahun {label} tidak masuk akal (\u201c{text}\u201d)")
        return None
    return day, at


Row = TypeVar("Row")


@dataclass(frozen=True)
class SheetPlan(AllOrNothing, Generic[Row]):
    """What an import of a sheet would do: its ``valid`` rows; ``errors`` block unless the user chooses to
    import the valid rows only; ``warnings`` never block."""

    valid: list[Row]
    errors: list[RowError]
    warnings: list[RowError] = field(default_factory=list)
    mapping: dict[str, str | None] = field(default_factory=dict)
    source: str = ""
    rows_read: int = 0
    sha256: str = ""  # of the file; empty for a plan not read from a file
    # Headers whose cells hold data that no column takes and nobody chose to ignore, found before anything is
    # written: the command line refuses the file while there are any, the wizard shows them when mapping.
    unmapped: list[str] = field(default_factory=list)

    @classmethod
    def for_table(
        cls,
        table: Table,
        valid: list[Row],
        errors: list[RowError],
        warnings: list[RowError],
        *,
        mapping: Mapping[str, str | None],
        unmapped: list[str],
    ) -> Self:
        """The plan of ``table`` read through ``mapping``: its source, rows read and checksum from the table."""
        return cls(
            valid,
            errors,
            warnings,
            mapping=dict(mapping),
            source=table.source,
            rows_read=len(table.rows),
            sha256=table.sha256,
            unmapped=unmapped,
        )
