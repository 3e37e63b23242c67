"""``sekretariat letters import|export``: the buku agenda masuk and keluar to and from CSV and xlsx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.console import ImportCommand, add_import_options, office, reports_failure
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
    add_import_options(p, "Tgl Masuk=tanggal_terima", "Paraf", "isinya akan tercatat dua kali")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--incoming", action="store_true", help="agenda surat masuk")
    kind.add_argument("--outgoing", action="store_true", help="agenda surat keluar")

    p = actions.add_parser("export", help="ekspor buku agenda ke .csv (atau .xlsx)")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--incoming", action="store_true", help="agenda surat masuk")
    kind.add_argument("--outgoing", action="store_true", help="agenda surat keluar")
    p.add_argument("--year", type=int, default=None, metavar="TAHUN", help="hanya tahun agenda ini")
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.csv atau .xlsx)"
    )
    return parser


def _incoming_done(result: incoming_io.ImportResult, source: str) -> str:
    message = f"{result.imported} surat masuk diimpor dari {source}"
    if result.numbered:
        message += f" ({result.numbered} diberi nomor agenda baru)"
    return message


def _outgoing_done(result: outgoing_io.OutgoingImportResult, source: str) -> str:
    message = f"{result.imported} surat keluar diimpor dari {source}"
    if result.legacy:
        message += f" ({result.legacy} bernomor lama di luar pola seri nomor)"
    return message


_INCOMING = ImportCommand(
    incoming_io.read_table,
    incoming_io.validate_incoming,
    incoming_io.import_incoming,
    _incoming_done,
    incoming_io.INCOMING_COLUMNS + incoming_io.INCOMING_OPTIONAL_COLUMNS,
)
_OUTGOING = ImportCommand(
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
    book: ImportCommand[Any]
    if outgoing:
        book, export = _OUTGOING, _export_outgoing
    else:
        book, export = _INCOMING, _export_incoming
    with office(args) as ctx:
        return book(ctx, args) if action == "import" else export(ctx, args)
