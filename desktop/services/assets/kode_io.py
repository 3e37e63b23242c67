"""The BPKAD's kode barang list imported from xlsx/CSV: new codes added, names updated, nothing ever deleted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assets.kode import (
    SEGMENT_NAMES,
    SEGMENT_WIDTHS,
    KodeError,
    golongan_of,
    normalise_kode,
    parse_kode,
)
from desktop.models.assets import KodeBarang
from desktop.services import tabular
from desktop.services.assets.kode import MAX_URAIAN, key_of
from desktop.services.common import audit
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.tabular import Cells, RowError, Table

__all__ = [
    "IMPORT_COLUMNS",
    "KIND",
    "SEGMENT_COLUMNS",
    "KodeImportResult",
    "KodePlan",
    "PlannedKode",
    "import_kode",
    "read_table",
    "resolve_mapping",
    "validate_kode",
]

KIND: Final = "kode_barang"
"""The audit entity of the import."""
SUMBER_IMPOR: Final = "impor"
SEGMENT_COLUMNS: Final[tuple[str, ...]] = (
    "akun",
    "kelompok",
    "jenis",
    "objek",
    "rincian_objek",
    "sub_rincian_objek",
    "sub_sub_rincian_objek",
)
IMPORT_COLUMNS: Final[tuple[str, ...]] = ("kode", *SEGMENT_COLUMNS, "uraian")
LABELS: Final[dict[str, str]] = {
    "kode": "kode barang",
    **{column: name for column, name in zip(SEGMENT_COLUMNS, SEGMENT_NAMES, strict=True)},
    "uraian": "uraian",
}

HEADERS: Final = tabular.load_header_table(tabular.header_file("kode_barang.csv"))
"""The headers of the BPKAD's lists and SIMDA BMD's Ref_Rek5_108 (``desktop/resources/headers/kode_barang.csv``)."""
_INDEX: Final = HEADERS.index(IMPORT_COLUMNS)


def read_table(path: Path | str) -> Table:
    """The first sheet of the list; its header is the first of the first 20 rows with an uraian column and at
    least one other the list has (a single "Kode Barang" column, or the segments)."""
    return tabular.read_table(path, _INDEX, min_known=2, required=("uraian",))


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """``mapping`` (header → column or None, for the headers the user set) over the suggestion for the rest."""
    return tabular.resolve_headers(headers, mapping, _INDEX, IMPORT_COLUMNS)


@dataclass(frozen=True)
class PlannedKode:
    """One valid row: ``aksi`` "tambah" (new), "ganti" (renamed; ``lama`` the old uraian) or "tetap"."""

    line: int
    kode: str
    uraian: str
    level: int
    golongan: str
    aksi: str
    lama: str = ""


@dataclass(frozen=True)
class KodePlan(tabular.SheetPlan[PlannedKode]):
    """What the import would do; ``errors`` block unless the user chooses the valid rows only."""

    @property
    def added(self) -> int:
        return sum(1 for r in self.valid if r.aksi == "tambah")

    @property
    def renamed(self) -> int:
        return sum(1 for r in self.valid if r.aksi == "ganti")


@dataclass(frozen=True)
class KodeImportResult:
    added: int
    renamed: int
    unchanged: int
    skipped: int = 0
    errors: tuple[RowError, ...] = ()  # the rows left out, each with its reasons


def _segment(text: str, width: int) -> str:
    # A segment typed in a number cell lost its leading zeros ("5" for 05, "1" for 001).
    return text.zfill(width) if text.isascii() and text.isdecimal() and len(text) < width else text


def _kode_text(cells: Cells) -> str:
    """The code a row writes: its "Kode Barang" cell, else the deepest segment cell holding a whole dotted
    code, else the segment cells joined (each padded to its width)."""
    if cells.get("kode"):
        return ".".join(
            _segment(s, w) for s, w in zip(cells.get("kode").split("."), SEGMENT_WIDTHS, strict=False)
        )
    values = [cells.get(c).replace(" ", "") for c in SEGMENT_COLUMNS]
    dotted = [v for v in values if "." in v]
    if dotted:
        return dotted[-1]
    filled = []
    for value, width in zip(values, SEGMENT_WIDTHS, strict=True):
        if not value:
            break
        filled.append(_segment(value, width))
    return ".".join(filled)


def validate_kode(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
) -> KodePlan:
    """Check every row as a code of the list; nothing is written. One ``RowError`` per bad row with all its
    problems: a code malformed or absent, an uraian blank or too long, a code written twice with two names, a
    parent that neither the list nor the file has (a parent named in the file is added with it)."""
    actor.require(Perm.WRITE_ASSETS)
    resolved = resolve_mapping(table.headers, mapping)
    unmapped, notes = tabular.column_report(table, resolved, HEADERS.known_unused, ignore, note_ignored=False)
    by_column = tabular.columns_read(resolved)
    refused = tabular.missing_columns(table, by_column, ("uraian",), LABELS, tabular.MAP_HINT)
    if not refused and "kode" not in by_column and "akun" not in by_column:
        refused = [
            RowError.for_header(
                table.header_line,
                f"kolom kode barang tidak ditemukan (satu kolom \u201cKode Barang\u201d atau kolom segmennya "
                f"Akun … Sub Sub Rincian Objek); {tabular.MAP_HINT}",
            )
        ]
    if refused:
        return KodePlan.for_table(table, [], refused, notes, mapping=resolved, unmapped=unmapped)
    existing = {k: u for k, u in session.execute(select(KodeBarang.kode, KodeBarang.uraian))}
    errors: list[RowError] = []
    candidates: dict[str, tuple[int, str]] = {}  # kode → (line, uraian), file order
    for line, cells in tabular.row_cells(table, by_column):
        problems = tabular.blank_or_long(cells, ("uraian",), {"uraian": MAX_URAIAN}, LABELS)
        written = _kode_text(cells)
        kode = ""
        if not written:
            problems.append("kode barang kosong")
        else:
            try:
                kode = normalise_kode(written)
            except KodeError as exc:
                problems.append(str(exc))
        if kode in candidates and candidates[kode][1] != cells.get("uraian"):
            first = candidates[kode][0]
            problems.append(f"kode {kode} sudah tertulis di baris {first} dengan uraian lain")
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
        elif kode not in candidates:
            candidates[kode] = (line, cells.get("uraian"))
    # Parents before children, so that a code whose parent row was refused is refused too.
    available = set(existing)
    valid: list[PlannedKode] = []
    for kode in sorted(candidates, key=lambda k: (k.count("."), k)):
        line, uraian = candidates[kode]
        parsed = parse_kode(kode)
        missing = [p for p in parsed.parents if p not in available]
        if missing:
            level = missing[-1].count(".")
            errors.append(
                RowError(
                    line,
                    f"induk {missing[-1]} ({SEGMENT_NAMES[level]}) tidak ada di daftar maupun di berkas; "
                    "tambahkan baris induknya dengan uraiannya",
                )
            )
            continue
        available.add(kode)
        old = existing.get(kode)
        aksi = "tambah" if old is None else ("tetap" if old == uraian else "ganti")
        valid.append(PlannedKode(line, kode, uraian, parsed.level, golongan_of(parsed), aksi, old or ""))
    valid.sort(key=lambda r: r.line)
    errors.sort(key=lambda e: e.line)
    return KodePlan.for_table(table, valid, errors, notes, mapping=resolved, unmapped=unmapped)


def import_kode(
    session: Session, actor: Actor, plan: KodePlan, *, skip_invalid: bool = False
) -> KodeImportResult:
    """Write the plan in the caller's transaction (all or nothing): new codes added, names of existing ones
    replaced (sumber "impor"), none deleted, since items keep their codes. The same file imported twice changes
    nothing the second time. Audited once, with counts. Refused while the plan has errors (unless
    ``skip_invalid``)."""
    actor.require(Perm.WRITE_ASSETS)
    skipped = plan.rows_skipped(skip_invalid)
    errors = tuple(plan.errors) if skip_invalid else ()
    wanted = {r.kode: r for r in plan.valid}
    # Read again: another workstation may have changed the list since the plan was made.
    current = {
        row.kode: row
        for start in range(0, len(wanted), 500)
        for row in session.scalars(
            select(KodeBarang).where(KodeBarang.kode.in_(sorted(wanted)[start : start + 500]))
        )
    }
    new_rows = [
        {
            "kode": r.kode, "uraian": r.uraian, "uraian_kunci": key_of(r.uraian), "level": r.level,
            "golongan": r.golongan, "sumber": SUMBER_IMPOR, "aktif": True,
        }
        for r in plan.valid
        if r.kode not in current
    ]  # fmt: skip
    insert_ignoring_conflicts(session, KodeBarang, new_rows, ["kode"])
    renamed = unchanged = 0
    for kode, row in current.items():
        planned = wanted[kode]
        if row.uraian == planned.uraian:
            unchanged += 1
            if row.sumber == "pengguna":
                row.sumber = SUMBER_IMPOR  # the BPKAD's list now has the user's code
            continue
        row.uraian, row.uraian_kunci, row.sumber = planned.uraian, key_of(planned.uraian), SUMBER_IMPOR
        renamed += 1
    session.flush()
    added = len(new_rows)
    if added or renamed:
        audit.record(
            session, actor, "impor", KIND, plan.source,
            summary=f"Kode barang diimpor dari {plan.source or 'berkas'}: {added} baru, {renamed} diganti namanya",
            after={"baru": added, "diganti": renamed, "tetap": unchanged, "dilewati": skipped},
        )  # fmt: skip
    return KodeImportResult(added, renamed, unchanged, skipped, errors)
