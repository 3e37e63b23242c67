"""``sekretariat letters import|export``: the buku agenda masuk and keluar to and from CSV and xlsx."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from desktop.cli.console import (
    add_column_options,
    column_map,
    ignored_columns,
    office,
    report_check,
    reports_failure,
    unmapped_refusal,
)
from desktop.services.common import import_log
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming_io, outgoing_io
from desktop.services.system import AppContext


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``letters import|export`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "letters", help="impor/ekspor buku agenda surat (csv, xlsx)"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)

    p = actions.add_parser("import", help="impor buku agenda dari berkas .xlsx atau .csv")
    p.add_argument("file", type=Path, metavar="BERKAS")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--incoming", action="store_true", help="agenda surat masuk")
    kind.add_argument("--outgoing", action="store_true", help="agenda surat keluar")
    p.add_argument(
        "--skip-invalid", action="store_true", help="impor baris yang valid saja, lewati baris yang salah"
    )
    add_column_options(p, "Tgl Masuk=tanggal_terima", "Paraf")
    p.add_argument(
        "--again",
        action="store_true",
        help="impor lagi berkas yang sudah pernah diimpor (isinya akan tercatat dua kali)",
    )

    p = actions.add_parser("export", help="ekspor buku agenda ke .csv (atau .xlsx)")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--incoming", action="store_true", help="agenda surat masuk")
    kind.add_argument("--outgoing", action="store_true", help="agenda surat keluar")
    p.add_argument("--year", type=int, default=None, metavar="TAHUN", help="hanya tahun agenda ini")
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.csv atau .xlsx)"
    )
    return parser


AGAIN_HINT: Final = "Bila memang perlu diimpor lagi, jalankan perintahnya dengan --again."


def _import(ctx: AppContext, args: argparse.Namespace, book: _Book) -> int:
    """Read, check and import one agenda file in one transaction; the bad rows are printed, nothing half done.
    A column with data that nothing maps refuses the file (nothing is dropped without the user's word)."""
    table = book.read(Path(args.file))
    mapping = column_map(args)
    # ``--map 'JUDUL='`` leaves a column out as ``--ignore 'JUDUL'`` does.
    ignored = ignored_columns(args) + [header for header, column in (mapping or {}).items() if column is None]
    with ctx.db.transaction() as s:
        plan = book.validate(s, SYSTEM, table, mapping, ignore=ignored)
        if plan.unmapped:
            print(f"Gagal: {unmapped_refusal(plan.unmapped, book.columns)}", file=sys.stderr)
            return 1
        skip = bool(getattr(args, "skip_invalid", False))
        if report_check(plan.warnings, plan.errors, skip):
            return 1
        try:
            result = book.import_(
                s, SYSTEM, plan, skip_invalid=skip, again=bool(getattr(args, "again", False))
            )
        except import_log.AlreadyImported as exc:
            print(f"Gagal: {exc} {AGAIN_HINT}", file=sys.stderr)
            return 1
    print(book.done(result, table.source))
    return 0


def _incoming_done(result: incoming_io.ImportResult, source: str) -> str:
    message = f"{result.imported} surat masuk diimpor dari {source}"
    if result.numbered:
        message += f" ({result.numbered} diberi nomor agenda baru)"
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    return message + "."


def _outgoing_done(result: outgoing_io.OutgoingImportResult, source: str) -> str:
    message = f"{result.imported} surat keluar diimpor dari {source}"
    if result.legacy:
        message += f" ({result.legacy} bernomor lama di luar pola seri nomor)"
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    return message + "."


@dataclass(frozen=True)
class _Book:
    """One buku agenda as the import command sees it: how its file is read, checked, imported and reported."""

    read: Callable[[Path], Any]
    validate: Callable[..., Any]
    import_: Callable[..., Any]
    done: Callable[[Any, str], str]
    columns: Sequence[str]  # the import columns a ``--map`` may name


_INCOMING = _Book(
    incoming_io.read_table,
    incoming_io.validate_incoming,
    incoming_io.import_incoming,
    _incoming_done,
    incoming_io.INCOMING_COLUMNS + incoming_io.INCOMING_OPTIONAL_COLUMNS,
)
_OUTGOING = _Book(
    outgoing_io.read_outgoing_table,
    outgoing_io.validate_outgoing,
    outgoing_io.import_outgoing,
    _outgoing_done,
    outgoing_io.OUTGOING_COLUMNS + outgoing_io.OUTGOING_OPTIONAL_COLUMNS,
)


def _export_incoming(ctx: AppContext, args: argparse.Namespace) -> int:
    out = Path(args.out)
    year = getattr(args, "year", None)
    export = (
        incoming_io.export_incoming_xlsx if out.suffix.lower() == ".xlsx" else incoming_io.export_incoming_csv
    )
    # Read without the write lock (an import elsewhere does not hold the export up); the audit row alone waits.
    with ctx.db.read() as s:
        count = export(s, SYSTEM, out, year, audit_in=ctx.db.transaction)
    print(f"{count} surat masuk diekspor ke {out}.")
    return 0


def _export_outgoing(ctx: AppContext, args: argparse.Namespace) -> int:
    target = Path(args.out)
    year = getattr(args, "year", None)
    export = (
        outgoing_io.export_outgoing_xlsx
        if target.suffix.lower() == ".xlsx"
        else outgoing_io.export_outgoing_csv
    )
    with ctx.db.read() as s:  # as _export_incoming: only the audit row waits for another process's write lock
        count = export(s, SYSTEM, target, year, audit_in=ctx.db.transaction)
    print(f"{count} surat keluar diekspor ke {target}.")
    return 0


@reports_failure
def run(args: argparse.Namespace) -> int:
    """``sekretariat letters import|export``: the whole job, returning the exit code.

    0 done; 1 refused or failed (import: one ``baris N: alasan`` line per bad row on stderr); 2 usage.
    """
    action = getattr(args, "action", None)
    outgoing = bool(getattr(args, "outgoing", False))
    if not outgoing and not getattr(args, "incoming", False):
        print("Pilih --incoming (agenda surat masuk) atau --outgoing (agenda surat keluar).", file=sys.stderr)
        return 2
    if action not in ("import", "export"):
        print(f"Aksi tidak dikenal: {action} (pilih import atau export).", file=sys.stderr)
        return 2
    if outgoing:
        book, export = _OUTGOING, _export_outgoing
    else:
        book, export = _INCOMING, _export_incoming
    with office(args) as ctx:
        return _import(ctx, args, book) if action == "import" else export(ctx, args)
