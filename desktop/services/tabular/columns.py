"""Columns of a file that carry data nobody mapped, and the ones the user chose to ignore by name."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from desktop.services.common.errors import ValidationError
from desktop.services.tabular.headers import header_key
from desktop.services.tabular.reading import Table


def unmapped_columns(
    table: Table, mapping: Mapping[str, str | None], known_unused: Collection[str] = ()
) -> list[str]:
    """The headers of ``table``, in order, that ``mapping`` (header → column or None) leaves unmapped, that no
    known layout lists as unused (``known_unused`` holds ``header_key`` values), and that hold a non-blank cell
    in some row: data the import would otherwise drop without a word. A blank header ("Kolom C") counts."""
    filled = {h for _line, values in table.rows for h, v in values.items() if v.strip()}
    return [
        h
        for h in table.headers
        if mapping.get(h) is None and header_key(h) not in known_unused and h in filled
    ]


def ignore_headers(headers: Sequence[str], names: Iterable[str]) -> set[str]:
    """The headers the user's ``--ignore`` names point at, matched by ``header_key`` ("kode klas" names
    "Kode Klas"). Raises ValidationError for a name that is no header of the file."""
    by_key: dict[str, list[str]] = {}
    for header in headers:
        by_key.setdefault(header_key(header), []).append(header)
    chosen: set[str] = set()
    unknown: list[str] = []
    for name in names:
        if not name.strip():
            continue
        found = by_key.get(header_key(name))
        if found is None:
            unknown.append(name.strip())
        else:
            chosen.update(found)
    if unknown:
        listed = ", ".join(f"\u201c{n}\u201d" for n in unknown)
        raise ValidationError(
            f"Kolom {listed} yang diminta diabaikan tidak ada di berkas (judul kolom berkas: "
            f"{', '.join(headers)}).",
            "ignore",
        )
    return chosen
