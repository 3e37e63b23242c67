"""Header names of an imported sheet matched to the caller's columns, ignoring case, spaces and punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from desktop.services.common.errors import ValidationError


def header_key(text: str) -> str:
    """A header name folded for matching: "No. Agenda" = "NO AGENDA" = "no_agenda" = "noagenda"."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def alias_index(aliases: Mapping[str, str], columns: Iterable[str] = ()) -> dict[str, str]:
    """``header_key`` of each alias (and of each column's own name) → its column: what the reader and the
    mapping functions take. A column's own name wins over an alias of another column folded alike."""
    return {**{header_key(k): v for k, v in aliases.items()}, **{header_key(c): c for c in columns}}


def map_headers(headers: Sequence[str], index: Mapping[str, str]) -> dict[str, str | None]:
    """Map each header to the column ``index`` gives its folded name, or None; the first header claiming a
    column wins (a second "Perihal" is left for the user to map)."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        column = index.get(header_key(header))
        if column is not None and column in taken:
            column = None
        if column is not None:
            taken.add(column)
        mapping[header] = column
    return mapping


def resolve_headers(
    headers: Sequence[str],
    mapping: Mapping[str, str | None] | None,
    index: Mapping[str, str],
    columns: Sequence[str],
) -> dict[str, str | None]:
    """``mapping`` (header → column name or None, for the headers the user set) over the suggestion from
    ``index`` for the others. Raises ValidationError for an unknown header or column, or a column set twice."""
    if mapping is None:
        return map_headers(headers, index)
    explicit: dict[str, str | None] = {}
    for header, target in mapping.items():
        if header not in headers:
            raise ValidationError(f"Kolom \u201c{header}\u201d tidak ada di berkas.", "mapping")
        if target is None or not target.strip():
            explicit[header] = None
            continue
        column = target if target in columns else index.get(header_key(target))
        if column is None:
            raise ValidationError(
                f"Kolom tujuan \u201c{target}\u201d tidak dikenal (pilih salah satu dari: {', '.join(columns)}).",
                "mapping",
            )
        explicit[header] = column
    used = Counter(c for c in explicit.values() if c)
    twice = sorted(c for c, n in used.items() if n > 1)
    if twice:
        raise ValidationError(f"Kolom {', '.join(twice)} dipetakan lebih dari sekali.", "mapping")
    taken = set(used)
    result: dict[str, str | None] = {}
    for header in headers:
        if header in explicit:
            result[header] = explicit[header]
            continue
        column = index.get(header_key(header))
        if column is not None and column not in taken:
            taken.add(column)
            result[header] = column
        else:
            result[header] = None
    return result
