"""CSV files: decoding by BOM, reading cells back to their values, and a writer that neutralises text cells."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final, TextIO

from desktop.services.common.errors import ValidationError
from desktop.services.tabular.cells import neutralise, restore

DELIMITERS: Final = (",", ";", "|", "\t")
"""The separators a sheet may come with: Excel's comma or (in Indonesian settings) semicolon, the pipe of
SIASN exports as other importers read them, and the tab of "Text (Tab delimited)"."""

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES: Final = {
    "utf-32": "UTF-32",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


def decode_csv(raw: bytes, source: str = "") -> str:
    """The text of a CSV file: UTF-32 or UTF-16 when a byte order mark says so (Excel's "Unicode Text"), UTF-8
    with or without BOM, else Windows-1252 (the "CSV (dipisah koma)" of older Excel)."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is None:
        sample = raw[:4096]
        # Text that is mostly NUL bytes, one in two, is UTF-16 written without a BOM.
        if sample and sample.count(0) * 4 > len(sample):
            encoding = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
    if encoding is None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        kind = _ENCODING_NAMES.get(encoding, "UTF-8")
        raise ValidationError(
            f"Berkas {source} tampak berformat {kind} tetapi rusak (byte ke-{exc.start + 1}); simpan ulang dari "
            "Excel sebagai \u201cCSV UTF-8\u201d lalu impor lagi."
        ) from exc


def sniff_delimiter(text: str) -> str:
    """The one of ``DELIMITERS`` under which most of the first lines split into the same number (more than one)
    of fields, the widest split winning a tie: a pipe inside some cells of a comma file splits only those lines,
    so the comma still wins."""
    sample = [line for line in text.splitlines()[:50] if line.strip()][:30]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = Counter(len(r) for r in csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            continue
        width, lines = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        score = (lines, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_csv(text: str, delimiter: str, source: str = "") -> list[list[str]]:
    """The records of a CSV text, each cell stripped and restored (``tabular.restore``). A record with line
    breaks inside quotes is one row, as in a spreadsheet; errors name that row."""
    if "\x00" in text:
        raise ValidationError(
            f"Berkas {source} berisi karakter NUL, bukan teks biasa; simpan ulang dari Excel sebagai "
            "\u201cCSV UTF-8\u201d lalu impor lagi."
        )
    rows: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([restore(cell.strip()) for cell in record])
    except csv.Error as exc:
        line = len(rows) + 1
        limit = f"{csv.field_size_limit():,}".replace(",", ".")
        if "field limit" in str(exc):
            raise ValidationError(
                f"Berkas {source} baris {line}: ada sel yang lebih panjang dari {limit} karakter, batas sel CSV. "
                'Biasanya ada tanda kutip (") yang tidak ditutup di baris itu; perbaiki baris itu lalu impor lagi.'
            ) from exc
        raise ValidationError(f"Berkas {source} baris {line} tidak bisa dibaca sebagai CSV: {exc}") from exc
    return rows


def read_csv(path: Path, choose_delimiter: Callable[[str], str] = sniff_delimiter) -> list[list[str]]:
    """The rows of a CSV file (see ``decode_csv`` and ``parse_csv``); separated by one of ``DELIMITERS``."""
    text = decode_csv(path.read_bytes(), path.name)
    return parse_csv(text, choose_delimiter(text), path.name)


class TextCsvWriter:
    """``csv.writer`` for the app's exports: UTF-8 text with ``\\n`` line ends, text cells neutralised so no
    spreadsheet runs them as formulas; numbers and dates are written as they are."""

    def __init__(self, fh: TextIO) -> None:
        self._writer = csv.writer(fh, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
