"""Workbooks for the app's xlsx exports: every text cell is saved as text, never as a formula."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.services.tabular.cells import formula_like, xlsx_text


def new_workbook() -> Any:
    """An empty openpyxl workbook (one sheet) for every xlsx the app writes; its ``save`` writes each text cell
    as a string cell (see ``text_cells``)."""
    return _text_workbook_class()()


@contextmanager
def text_cells(book: Any) -> Iterator[None]:
    """While open, every text cell of ``book`` is a string cell holding ``xlsx_text`` of its value.

    openpyxl turns any text starting with "=" into a formula, however it reached the cell (``append``,
    ``cell(value=…)``, ``sheet["A1"] = …``), so the check runs once, at save, over every cell of every sheet.
    Formula-like text is marked quotePrefix, so that editing the cell in Excel keeps it text. Afterwards the
    book holds the values it was given again, so saving twice does not add a second apostrophe."""
    changed: list[tuple[Any, str]] = []
    for sheet in book.worksheets:
        # ``_cells`` holds the cells that exist; iter_rows would create every empty cell of the range.
        for cell in sheet._cells.values():
            value = cell.value
            if not isinstance(value, str):
                continue
            if formula_like(value):
                cell.quotePrefix = True
            written = xlsx_text(value)
            if written != value:
                changed.append((cell, value))
                cell.value = written
            cell.data_type = "s"
    try:
        yield
    finally:
        for cell, value in changed:
            cell.value = value
            cell.data_type = "s"


@functools.cache
def _text_workbook_class() -> type:
    # openpyxl is imported on first use only, as everywhere in the app, to keep start-up quick.
    from openpyxl import Workbook

    class TextWorkbook(Workbook):  # type: ignore[misc]  # openpyxl has no type hints
        def save(self, filename: Any) -> None:
            with text_cells(self):
                super().save(filename)

    return TextWorkbook
