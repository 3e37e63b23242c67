"""``sekretariat guests import|export|retention``: the buku tamu in and out, and the retention of guest data."""

from __future__ import annotations

import argparse
import sys
from datetime import date
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
from desktop.services.guests import register_io, retention
from desktop.services.guests.visits import office_today
from desktop.services.system import AppContext

AGAIN_HINT: Final = "Bila memang perlu diimpor lagi, jalankan perintahnya dengan --again."


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``guests import|export|retention`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "guests", help="buku tamu: impor/ekspor (csv, xlsx), retensi data pribadi tamu"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)

    p = actions.add_parser("import", help="impor buku tamu lama dari berkas .xlsx atau .csv")
    p.add_argument("file", type=Path, metavar="BERKAS")
    p.add_argument(
        "--skip-invalid", action="store_true", help="impor baris yang valid saja, lewati baris yang salah"
    )
    add_column_options(p, "Tgl Datang=tanggal", "Tanda Tangan")
    p.add_argument(
        "--again",
        action="store_true",
        help="impor lagi berkas yang sudah pernah diimpor (kunjungannya akan tercatat dua kali)",
    )

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


def _day(text: str, option: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"{option} harus berformat YYYY-MM-DD, bukan {text!r}.", file=sys.stderr)
        return None


def _import(ctx: AppContext, args: argparse.Namespace) -> int:
    """Read, check and import one buku tamu in one transaction; bad rows printed, nothing half done. A column
    with data that nothing maps refuses the file (nothing is dropped without the user's word)."""
    table = register_io.read_table(Path(args.file))
    mapping = column_map(args)
    ignored = ignored_columns(args) + [header for header, column in (mapping or {}).items() if column is None]
    skip = bool(getattr(args, "skip_invalid", False))
    with ctx.db.transaction() as s:
        plan = register_io.validate_visits(s, SYSTEM, table, mapping, ignore=ignored)
        if plan.unmapped:
            print(f"Gagal: {unmapped_refusal(plan.unmapped, register_io.IMPORT_COLUMNS)}", file=sys.stderr)
            return 1
        if report_check(plan.warnings, plan.errors, skip):
            return 1
        try:
            result = register_io.import_visits(
                s, SYSTEM, plan, skip_invalid=skip, again=bool(getattr(args, "again", False))
            )
        except import_log.AlreadyImported as exc:
            print(f"Gagal: {exc} {AGAIN_HINT}", file=sys.stderr)
            return 1
    message = f"{result.imported} kunjungan diimpor dari {table.source} ({result.guests_new} tamu baru"
    message += f", {result.guests_matched} tamu lama)" if result.guests_matched else ")"
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    print(message + ".")
    return 0


def _export(ctx: AppContext, args: argparse.Namespace) -> int:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
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
        as_of = _day(args.as_of, "--as-of")
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
    work = {"import": _import, "export": _export, "retention": _retention}.get(action or "")
    if work is None:
        print(f"Aksi tidak dikenal: {action} (pilih import, export atau retention).", file=sys.stderr)
        return 2
    with office(args) as ctx:
        return work(ctx, args)
