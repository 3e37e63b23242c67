"""``sekretariat assets``: a KIB imported and exported, the penyusutan at a date, the kode barang list."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.console import (
    ImportCommand,
    add_import_options,
    iso_day,
    office,
    print_warnings,
    reports_failure,
    run_import,
)
from desktop.services.assets import depreciation, kib_io, kode_io
from desktop.services.common.permissions import SYSTEM
from desktop.services.system import AppContext

GOLONGAN = ("A", "B", "C", "D", "E", "F")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``assets import|export|depreciation`` on the ``sekretariat`` sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "assets", help="barang (BMD): impor/ekspor KIB (csv, xlsx), penyusutan"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)

    p = actions.add_parser(
        "import", help="impor KIB yang sudah ada dari berkas .xlsx atau .csv (SIMDA/e-BMD)"
    )
    add_import_options(p, "Kode Brg=kode_barang", "Foto")
    p.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="impor juga baris tanpa register yang tampak sama dengan barang yang sudah tercatat",
    )

    p = actions.add_parser("export", help="ekspor satu KIB ke .csv (atau .xlsx)")
    p.add_argument(
        "--kib", required=True, type=str.upper, choices=GOLONGAN, metavar="A..F", help="golongan KIB"
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.csv atau .xlsx)"
    )

    p = actions.add_parser("depreciation", help="penyusutan dan nilai buku per barang pada suatu tanggal")
    p.add_argument("--as-of", required=True, metavar="YYYY-MM-DD", help="tanggal acuan")
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.csv atau .xlsx)"
    )

    p = actions.add_parser("kode-import", help="impor daftar kode barang Permendagri 108 dari xlsx/csv BPKAD")
    add_import_options(p, "Kd Brg=kode", "Keterangan")
    return parser


def _imported(result: kib_io.KibImportResult, source: str) -> str:
    message = f"{result.imported} barang ({result.lines} baris) diimpor dari {source}"
    if result.nibar_kept:
        message += f", {result.nibar_kept} NIBAR dari berkas dipertahankan"
    print_warnings(result.warnings)
    return message


def _import(ctx: AppContext, args: argparse.Namespace) -> int:
    validate = functools.partial(kib_io.validate_kib, allow_duplicates=bool(args.allow_duplicates))
    command = ImportCommand(
        kib_io.read_table, validate, kib_io.import_kib, _imported, kib_io.IMPORT_COLUMNS, again=False
    )
    return run_import(ctx, args, command)


def _kode_done(result: kode_io.KodeImportResult, source: str) -> str:
    return (
        f"Daftar kode barang dari {source}: {result.added} kode baru, {result.renamed} berganti uraian, "
        f"{result.unchanged} tetap"
    )


_KODE_IMPORT = ImportCommand(
    kode_io.read_table,
    kode_io.validate_kode,
    kode_io.import_kode,
    _kode_done,
    kode_io.IMPORT_COLUMNS,
    again=False,
)


def _export(ctx: AppContext, args: argparse.Namespace) -> int:
    out = Path(args.out)
    export = kib_io.export_xlsx if out.suffix.lower() == ".xlsx" else kib_io.export_csv
    # Read without the write lock; only the audit row of the export waits for another process's lock.
    with ctx.db.read() as s:
        count = export(s, SYSTEM, args.kib, out, audit_in=ctx.db.transaction)
    print(f"{count} barang KIB {args.kib} diekspor ke {out}.")
    return 0


def _depreciation(ctx: AppContext, args: argparse.Namespace) -> int:
    as_of = iso_day(args.as_of, "--as-of")
    if as_of is None:
        return 2
    out = Path(args.out)
    export = depreciation.export_xlsx if out.suffix.lower() == ".xlsx" else depreciation.export_csv
    with ctx.db.read() as s:
        report = depreciation.depreciation_rows(s, SYSTEM, as_of)
        count = export(s, SYSTEM, out, report, audit_in=ctx.db.transaction)
    for skipped in report.skipped[:20]:
        print(f"peringatan {skipped.kode_barang}.{skipped.register_text} {skipped.nama}: {skipped.alasan}")
    if len(report.skipped) > 20:
        print(f"… dan {len(report.skipped) - 20} barang lain tanpa masa manfaat.")
    message = f"Penyusutan {count} barang per {as_of.isoformat()} diekspor ke {out}"
    if report.skipped:
        message += f"; {len(report.skipped)} barang tidak disusutkan (masa manfaat belum diatur)"
    print(message + ".")
    return 0


@reports_failure
def run(args: argparse.Namespace) -> int:
    """``sekretariat assets import|export|depreciation``: 0 done; 1 refused or failed (import: one ``baris N:
    alasan`` line per bad row on stderr, nothing written); 2 usage."""
    action = getattr(args, "action", None)
    actions: dict[str, Callable[[AppContext, argparse.Namespace], int]] = {
        "import": _import,
        "export": _export,
        "depreciation": _depreciation,
        "kode-import": _KODE_IMPORT,
    }
    work = actions.get(action or "")
    if work is None:
        print(f"Aksi tidak dikenal: {action} (pilih {', '.join(actions)}).", file=sys.stderr)
        return 2
    with office(args) as ctx:
        return work(ctx, args)
