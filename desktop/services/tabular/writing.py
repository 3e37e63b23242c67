"""The one writer of export files: a file appears whole or not at all, with its audit row; xlsx sheet styling."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.services.tabular.csv_files import TextCsvWriter
from desktop.services.tabular.workbooks import new_workbook

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

AuditIn = Callable[[], "AbstractContextManager[Session]"]
"""A short write transaction for an export's audit row (``Database.transaction``): see ``write_audited``."""

HEADER_FILL = "DDE6F0"
DATE_FORMAT = "yyyy-mm-dd"
"""The number format of date cells in the exports and templates the app writes."""


def replace_atomically(
    out_path: Path, write: Callable[[Path], None], before_rename: Callable[[], None] | None = None
) -> None:
    """Write through a temporary file beside ``out_path`` and rename it, so a failure leaves no half file (and
    the old file, if any); ``before_rename`` fails the whole write when it raises (the file then never
    appears)."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".ekspor-", suffix=out_path.suffix, dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if before_rename is not None:
            before_rename()
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_audited(
    session: Session,
    out_path: Path,
    write: Callable[[Path], None],
    record: Callable[[Session], None],
    audit_in: AuditIn | None = None,
) -> None:
    """Write an export file and its audit row (R10: no export without one).

    Without ``audit_in`` the row goes into ``session``, the caller's transaction. With it, ``session`` may be a
    read session (so an export never waits for another process's write lock while reading): the row is
    committed in a short transaction of its own, and only then does the file appear under its name.
    """
    if audit_in is None:
        replace_atomically(out_path, write)
        record(session)
        return

    def audited() -> None:
        with audit_in() as writing:
            record(writing)

    replace_atomically(out_path, write, audited)


def export_csv(
    session: Session,
    out_path: Path,
    columns: Sequence[str],
    rows: Iterable[Iterable[object]],
    record: Callable[[Session, int], None],
    audit_in: AuditIn | None = None,
) -> int:
    """Write ``columns``, then ``rows``, as UTF-8 CSV (``TextCsvWriter``), audited by ``record`` (given the
    number of rows) as ``write_audited`` says; returns the number of rows. ``rows`` is read while writing."""

    def write(tmp: Path) -> int:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = TextCsvWriter(fh)
            writer.writerow(columns)
            count = 0
            for row in rows:
                writer.writerow(row)
                count += 1
        return count

    return _export(session, out_path, write, record, audit_in)


def export_xlsx(
    session: Session,
    out_path: Path,
    columns: Sequence[str],
    rows: Iterable[Iterable[object]],
    record: Callable[[Session, int], None],
    audit_in: AuditIn | None = None,
    *,
    title: str,
    widths: Sequence[float],
    date_columns: Collection[int] = (),
) -> int:
    """As ``export_csv``, as a one-sheet workbook named ``title``: the header styled (``style_header``), the
    cells of ``date_columns`` (counted from 1) in ``DATE_FORMAT``."""

    def write(tmp: Path) -> int:
        book = new_workbook()
        sheet = book.active
        sheet.title = title
        sheet.append(list(columns))
        count = 0
        for row in rows:
            sheet.append(list(row))
            count += 1
            for column in date_columns:
                sheet.cell(row=count + 1, column=column).number_format = DATE_FORMAT
        style_header(sheet, widths)
        book.save(tmp)
        return count

    return _export(session, out_path, write, record, audit_in)


def _export(
    session: Session,
    out_path: Path,
    write: Callable[[Path], int],
    record: Callable[[Session, int], None],
    audit_in: AuditIn | None,
) -> int:
    counted = 0

    def counting(tmp: Path) -> None:
        nonlocal counted
        counted = write(tmp)

    write_audited(session, out_path, counting, lambda s: record(s, counted), audit_in)
    return counted


def style_header(
    sheet: Any,
    widths: Sequence[float],
    *,
    fill: str = HEADER_FILL,
    font_color: str | None = None,
    freeze: str = "A2",
) -> None:
    """Row 1 of ``sheet`` as a header: bold on ``fill``, the columns ``widths`` wide, frozen above ``freeze``."""
    from openpyxl.styles import Font, PatternFill

    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color=font_color)
        cell.fill = PatternFill("solid", fgColor=fill)
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = freeze


def add_guide(
    book: Any,
    title: str,
    paragraphs: Iterable[str],
    columns: Sequence[str],
    entries: Iterable[Sequence[Any]],
    widths: Sequence[float],
) -> None:
    """The sheet "Petunjuk" of an import template: a title, the paragraphs, then a table (``columns`` as its
    bold header, one row per entry, wrapped text) with the given column widths."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    guide = book.create_sheet("Petunjuk")
    guide.append([title])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([])
    for text in paragraphs:
        guide.append([text])
    guide.append([])
    guide.append(list(columns))
    header_row = guide.max_row
    for cell in guide[header_row]:
        cell.font = Font(bold=True)
    for entry in entries:
        guide.append(list(entry))
    for index, width in enumerate(widths, start=1):
        guide.column_dimensions[get_column_letter(index)].width = width
    for row in guide.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
