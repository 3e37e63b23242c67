"""What sits around the table in an office's sheet: title rows above the header, a signature or footnote block
and a "Jumlah" row under the rows, recognised so that the reader leaves them out and says so."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from desktop.core.dates import parse_date
from desktop.services.tabular.rows import RowError

QUOTE_LIMIT: Final = 60
"""A quoted cell in a note is cut to this many characters."""

# A cell that only a signature, approval or footnote block holds: said alone, such a line ends the table.
_STRONG: Final = re.compile(
    r"""^(?:
        mengetahui|menyetujui|disetujui|diketahui|diperiksa\s+oleh|dibuat\s+oleh|ttd\b|t\.t\.d
      | a\.\s?n\.?\s|an\.\s|u\.\s?b\.?\s|plt\.?\s|plh\.?\s|pj\.?\s
      | nip\b|n\.i\.p\b|nrp\b
      | \(.*[a-z].*\)$
      | (?:pembina|penata|pengatur|juru)(?:\s+(?:utama|muda|tingkat|tk\b).*)?[\s,.]*$
      | dicetak\b|keterangan\s*:|catatan\s*:|sumber\s*:|ket\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# An office title that also heads signature blocks, but could be the sender or addressee of a letter on a row
# with two cells filled: counted only on a line of titles alone that a blank row sets apart from the table.
_WEAK: Final = re.compile(
    r"^(?:kepala|sekretaris|gubernur|wakil\s+gubernur|bupati|wali\s*kota|camat|lurah|kabag|kasubag|kasubbag"
    r"|yang\s+menerima|yang\s+menyerahkan|pejabat|petugas|pengelola)\b",
    re.IGNORECASE,
)
_PLACE_DATE: Final = re.compile(r"^[A-Za-z][A-Za-z .'-]*,\s*(?P<date>.+)$")
_TOTAL: Final = re.compile(
    r"^(?:jumlah|total|grand\s+total)(?:\s+(?:seluruhnya|keseluruhan|akhir|semua))?\s*:?$", re.IGNORECASE
)


def title_note(grid: Sequence[Sequence[str]], header_index: int) -> RowError | None:
    """The note on the non-blank rows above the header (a title, an office heading), or None."""
    lines = [i + 1 for i in range(header_index) if any(grid[i])]
    if not lines:
        return None
    first = next(c for c in grid[lines[0] - 1] if c)
    return RowError.for_file(
        f"{_lines(lines[0], lines[-1])} di atas judul kolom dilewati (judul/kop tabel: {_quote(first)})"
    )


def table_end(body: Sequence[Sequence[str]], first_line: int, width: int) -> tuple[int, list[RowError]]:
    """How many rows of ``body`` (the rows under the header; ``first_line`` is the line of the first) belong to
    the table, and a note for each block left out under it: a signature/approval block or footnote (a run of
    rows of at most two filled cells at the end that holds a marker such as "Mengetahui", "NIP." or
    "Pontianak, 5 Januari 2026") and then a "Jumlah"/"Total" row. ``width`` is the number of named headers:
    in a table of two columns or fewer, a block row has one filled cell. At least one data row stays."""
    filled = [[c for c in row if c] for row in body]
    data = [i for i, cells in enumerate(filled) if cells]
    if not data:
        return len(body), []
    notes: list[RowError] = []
    end = len(body)
    start = _signature_start(filled, data, 2 if width > 2 else 1)
    if start is not None:
        last = max(i for i in data if i >= start)
        marker = next(c for c in filled[_first_marked(filled, start)] if _marker(c))
        notes.append(
            RowError.for_file(
                f"{_lines(start + first_line, last + first_line)} di bawah tabel dilewati (blok tanda "
                f"tangan/keterangan: {_quote(marker)})"
            )
        )
        end = start
    kept = [i for i in data if i < end]
    if len(kept) > 1 and _TOTAL.match(filled[kept[-1]][0]):
        total = kept[-1]
        notes.insert(
            0,
            RowError.for_file(
                f"baris {total + first_line} ({_quote(filled[total][0])}) di akhir tabel dilewati (baris jumlah)"
            ),
        )
        end = total
    return end, notes


def _signature_start(filled: list[list[str]], data: list[int], limit: int) -> int | None:
    # The run: the rows at the end with at most ``limit`` filled cells (blank rows among them), after the last
    # wider row. When every row is that narrow, the first data row stays a data row.
    run_start = next((i + 1 for i in reversed(data) if len(filled[i]) > limit), data[0] + 1)
    # Groups of consecutive non-blank rows in the run; a group counts as set apart when a blank row precedes it.
    groups: list[tuple[list[int], bool]] = []
    previous_blank = False
    for i in range(run_start, len(filled)):
        if not filled[i]:
            previous_blank = True
            continue
        if previous_blank or not groups:
            groups.append(([i], previous_blank))
        else:
            groups[-1][0].append(i)
        previous_blank = False
    for number, (rows, apart) in enumerate(groups):
        strong = next((i for i in rows if any(_STRONG.match(c) or _place_date(c) for c in filled[i])), None)
        weak = apart and any(_titles_only(filled[i]) for i in rows)
        if strong is None and not weak:
            continue
        # The block starts at the marker, or, in a group a blank row sets apart, at the group's first line when
        # the lines before the marker are single cells (a name above "NIP. …") or markers themselves.
        start = strong if strong is not None else rows[0]
        if apart and all(
            len(filled[i]) == 1 or any(map(_marker, filled[i])) for i in rows[: rows.index(start)]
        ):
            start = rows[0]
        # Groups just above made only of office titles ("Kepala Dinas," then a blank, then the name) join it.
        for earlier, earlier_apart in reversed(groups[:number]):
            if not earlier_apart or not all(_titles_only(filled[i]) for i in earlier):
                break
            start = earlier[0]
        return start
    return None


def _first_marked(filled: list[list[str]], start: int) -> int:
    return next(i for i in range(start, len(filled)) if any(_marker(c) for c in filled[i]))


def _titles_only(cells: list[str]) -> bool:
    """A line of office titles ("Kepala Biro Umum", beside it "Pengelola Arsip"), with nothing else in it."""
    return any(_WEAK.match(c) for c in cells) and all(map(_marker, cells))


def _marker(cell: str) -> bool:
    return bool(_STRONG.match(cell) or _WEAK.match(cell) or _place_date(cell))


def _place_date(cell: str) -> bool:
    """ "Pontianak, 5 Januari 2026": where and when a document was signed."""
    match = _PLACE_DATE.match(" ".join(cell.split()))
    if match is None:
        return False
    try:
        parse_date(match["date"])
    except ValueError:
        return False
    return True


def _lines(first: int, last: int) -> str:
    return f"baris {first}" if first == last else f"baris {first}\u2013{last}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1].rstrip() + "\u2026"
    return f"\u201c{text}\u201d"
