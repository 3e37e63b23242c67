"""Header alias tables kept as data: the headers real files carry, the import column each fills, its layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from desktop.services.tabular.headers import alias_index, header_key

COLUMNS: Final = ("judul", "kolom", "tata_letak")
UNUSED: Final = "-"
"""The ``kolom`` of a header a known layout carries but the app does not use: skipped without a word."""


@dataclass(frozen=True)
class HeaderTable:
    """One module's header aliases as read from its CSV (see ``load_header_table``)."""

    source: str
    aliases: dict[str, str] = field(default_factory=dict)  # judul → kolom, the headers the app uses
    known_unused: frozenset[str] = frozenset()  # header_key of the headers marked "-"
    layouts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # tata_letak → its juduls, file order

    def index(self, columns: Iterable[str] = ()) -> dict[str, str]:
        """``alias_index`` of the aliases and the caller's own column names: what the reader takes."""
        return alias_index(self.aliases, columns)


def header_file(name: str) -> Traversable:
    """A header table shipped with the app, in ``desktop/resources/headers/``."""
    return files("desktop") / "resources" / "headers" / name


def load_header_table(source: Path | str | Traversable) -> HeaderTable:
    """Read a header table: a UTF-8 CSV with the columns ``judul,kolom,tata_letak``, one header of a real file
    a line. ``kolom`` is the import column the header fills, or "-" for a column the layout carries that the
    app does not use. Blank lines are skipped. Raises ValueError naming the file and line for a missing column,
    an empty judul or kolom, or a judul (as ``header_key`` folds it) listed twice with different kolom."""
    path = Path(source) if isinstance(source, str) else source
    name = getattr(path, "name", str(path))
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{name} baris 1: kolom {', '.join(missing)} tidak ada (harus: {','.join(COLUMNS)})")
    aliases: dict[str, str] = {}
    unused: set[str] = set()
    layouts: dict[str, list[str]] = {}
    first: dict[str, tuple[str, int]] = {}  # header_key → (kolom, line) of its first listing
    for record in reader:
        line = reader.line_num
        judul = " ".join((record["judul"] or "").split())
        kolom = (record["kolom"] or "").strip()
        layout = " ".join((record["tata_letak"] or "").split())
        if not judul and not kolom and not layout:
            continue
        if not judul or not kolom:
            raise ValueError(f"{name} baris {line}: judul dan kolom wajib diisi")
        key = header_key(judul)
        if key in first and first[key][0] != kolom:
            kept, at = first[key]
            raise ValueError(
                f"{name} baris {line}: judul \u201c{judul}\u201d sudah tercantum di baris {at} untuk kolom "
                f"{kept}, di sini untuk {kolom}"
            )
        first.setdefault(key, (kolom, line))
        if kolom == UNUSED:
            unused.add(key)
        else:
            aliases.setdefault(judul, kolom)
        layouts.setdefault(layout, []).append(judul)
    return HeaderTable(
        source=name,
        aliases=aliases,
        known_unused=frozenset(unused),
        layouts={k: tuple(v) for k, v in layouts.items()},
    )
