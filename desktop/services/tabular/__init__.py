"""Reading and writing the spreadsheets the app exchanges (CSV and xlsx): text cells as text, both ways."""

from desktop.services.tabular.cells import formula_like, neutralise, restore, xlsx_text
from desktop.services.tabular.checks import (
    MAP_HINT,
    TEMPLATE_HINT,
    Cells,
    SheetPlan,
    blank_or_long,
    column_report,
    columns_read,
    missing_columns,
    parse_date_cell,
    row_cells,
)
from desktop.services.tabular.columns import ignore_headers, unmapped_columns
from desktop.services.tabular.csv_files import (
    DELIMITERS,
    TextCsvWriter,
    decode_csv,
    parse_csv,
    read_csv,
    sniff_delimiter,
)
from desktop.services.tabular.header_tables import HeaderTable, header_file, load_header_table
from desktop.services.tabular.headers import alias_index, header_key, map_headers, resolve_headers
from desktop.services.tabular.reading import Table, cell_text, column_letter, find_header, read_table
from desktop.services.tabular.rows import FILE_LINE, AllOrNothing, RowError
from desktop.services.tabular.values import date_problem, excel_day, fold, parse_day, parse_when
from desktop.services.tabular.workbooks import new_workbook, text_cells
from desktop.services.tabular.writing import (
    DATE_FORMAT,
    AuditIn,
    add_guide,
    export_csv,
    export_xlsx,
    replace_atomically,
    style_header,
    write_audited,
)

__all__ = [
    "DATE_FORMAT",
    "DELIMITERS",
    "FILE_LINE",
    "MAP_HINT",
    "TEMPLATE_HINT",
    "AllOrNothing",
    "AuditIn",
    "Cells",
    "HeaderTable",
    "RowError",
    "SheetPlan",
    "Table",
    "TextCsvWriter",
    "add_guide",
    "alias_index",
    "blank_or_long",
    "cell_text",
    "column_letter",
    "column_report",
    "columns_read",
    "date_problem",
    "decode_csv",
    "excel_day",
    "export_csv",
    "export_xlsx",
    "find_header",
    "fold",
    "formula_like",
    "header_file",
    "header_key",
    "ignore_headers",
    "load_header_table",
    "map_headers",
    "missing_columns",
    "neutralise",
    "new_workbook",
    "parse_csv",
    "parse_date_cell",
    "parse_day",
    "parse_when",
    "read_csv",
    "read_table",
    "replace_atomically",
    "resolve_headers",
    "restore",
    "row_cells",
    "sniff_delimiter",
    "style_header",
    "text_cells",
    "unmapped_columns",
    "write_audited",
    "xlsx_text",
]
