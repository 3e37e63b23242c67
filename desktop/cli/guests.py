"""``sekretariat guests import|export|retention``: the buku tamu in and out, and the retention of guest data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.console import ImportCommand, add_import_options, iso_day, office, reports_failure
from desktop.services.common.permissions import SYSTEM
from desktop.services.guests import register_io, retention
from desktop.services.guests.visits import office_today
from desktop.services.system import AppContext


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``guests import|export|retention`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "guests", help="buku tamu: impor/ekspor (csv, xlsx), retensi data pribadi tamu"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)

    p = actions.add_parser("import", help="impor buku tamu lama dari berkas .xlsx atau .csv")
    add_import_options(p, "Tgl Datang=tanggal", "Tanda Tangan", "kunjungannya akan tercatat dua kali")

    p = actions.add_parser("export", help="ekspor kunjungan satu periode ke .csv (atau .xlsx)")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="tanggal awal")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="tanggal akhir")
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.csv atau .xlsx)"
    )

    p = actions.add_parser(
        "retention", help="hapus data pribadi tamu yang masa retensinya habis (nama, NIK, no. HP, alamat)"
    )
    p.add_argument(
        "--as-of", default=None, metavar="YYYY-MM-DD", help="tanggal acuan (bawaan: hari ini di kantor)"
    )
    return parser


def _imported(result: register_io.ImportResult, source: str) -> str:
    message = f"{result.imported} kunjungan diimpor dari {source} ({result.guests_new} tamu baru"
    return message + (f", {result.guests_matched} tamu lama)" if result.guests_matched else ")")


_IMPORT = ImportCommand(
    register_io.read_table,
    register_io.validate_visits,
    register_io.import_visits,
    _imported,
    register_io.IMPORT_COLUMNS,
)


def _export(ctx: AppContext, args: argparse.Namespace) -> int:
    start, end = iso_day(args.start, "--from"), iso_day(args.end, "--to")
    if start is None or end is None:
        return 2
    out = Path(args.out)
    export = register_io.export_xlsx if out.suffix.lower() == ".xlsx" else register_io.export_csv
    # Read without the write lock; only the audit row of the export waits for another process's lock.
    with ctx.db.read() as s:
        count = export(s, SYSTEM, out, start, end, audit_in=ctx.db.transaction)
    print(f"{count} kunjungan {start.isoformat()} s.d. {end.isoformat()} diekspor ke {out}.")
    return 0


def _retention(ctx: AppContext, args: argparse.Namespace) -> int:
    as_of: date | None = None
    if args.as_of:
        as_of = iso_day(args.as_of, "--as-of")
        if as_of is None:
            return 2
    with ctx.db.transaction() as s:
        result = retention.apply_retention(s, SYSTEM, as_of or office_today(s))
    # After the commit: the cleared text must not stay in the database file's free pages or its log.
    complete = retention.compact(ctx.db.engine) if result.changed else True
    print(
        f"{result.visits_cleared} kunjungan sebelum {result.cleared_before.isoformat()} dibersihkan dari data "
        f"pribadi ({result.guests_cleared} tamu)."
    )
    if not complete:
        print(
            "Peringatan: berkas log basis data belum bisa dikosongkan karena sedang dibaca proses lain; "
            "jalankan perintah ini lagi nanti.",
            file=sys.stderr,
        )
    return 0


@reports_failure
def run(args: argparse.Namespace) -> int:
    """``sekretariat guests import|export|retention``: 0 done; 1 refused or failed (import: one ``baris N:
    alasan`` line per bad row on stderr); 2 usage."""
    action = getattr(args, "action", None)
    actions: dict[str, Callable[[AppContext, argparse.Namespace], int]] = {
        "import": _IMPORT,
        "export": _export,
        "retention": _retention,
    }
    work = actions.get(action or "")
    if work is None:
        print(f"Aksi tidak dikenal: {action} (pilih import, export atau retention).", file=sys.stderr)
        return 2
    with office(args) as ctx:
        return work(ctx, args)
