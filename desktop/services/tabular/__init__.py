"""Reading and writing the spreadsheets the app exchanges (CSV and xlsx): text cells as text, both ways."""

from desktop.services.tabular.cells import formula_like, neutralise, restore, xlsx_text
from desktop.services.tabular.csv_files import TextCsvWriter, decode_csv, parse_csv, read_csv, sniff_delimiter
from desktop.services.tabular.rows import RowError
from desktop.services.tabular.workbooks import new_workbook, text_cells

__all__ = [
    "RowError",
    "TextCsvWriter",
    "decode_csv",
    "formula_like",
    "neutralise",
    "new_workbook",
    "parse_csv",
    "read_csv",
    "restore",
    "sniff_delimiter",
    "text_cells",
    "xlsx_text",
]
