"""``sekretariat staff import|schedule|template``: SIASN files in, the KGB/KP/pensiun schedule out."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.console import (
    add_column_options,
    column_map,
    ignored_columns,
    office,
    report_check,
    reports_failure,
    unmapped_refusal,
)
from desktop.services.common.permissions import SYSTEM
from desktop.services.staff import records_io, schedule
from desktop.services.system import AppContext


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``staff import|schedule|template`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "staff", help="kepegawaian: impor SIASN, jadwal KGB/KP/pensiun"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)
    p = actions.add_parser("import", help="impor Export Data ASN SIASN (.csv) atau templat (.xlsx)")
    p.add_argument("file", type=Path, metavar="BERKAS")
    p.add_argument("--skip-invalid", action="store_true", help="impor baris yang valid saja")
    add_column_options(p, "NIP_PEGAWAI=nip", "KETERANGAN")
    p = actions.add_parser("schedule", help="tulis jadwal KGB, KP dan TMT pensiun per pegawai aktif (.csv)")
    p.add_argument("--as-of", required=True, metavar="YYYY-MM-DD", help="tanggal acuan")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS", help="berkas .csv tujuan")
    p = actions.add_parser("template", help="tulis templat impor pegawai (.xlsx)")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    return parser


def _import(ctx: AppContext, args: argparse.Namespace) -> int:
    """Read, check and import one file in one transaction. A column with data that nothing maps refuses the
    file before anything is written: nothing is dropped without the user's word (``--map``/``--ignore``)."""
    mapping = column_map(args)
    table = records_io.read_siasn(Path(args.file), mapping)
    skip = bool(getattr(args, "skip_invalid", False))
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, table, mapping=mapping, ignore=ignored_columns(args))
        if plan.unmapped:
            print(f"Gagal: {unmapped_refusal(plan.unmapped, records_io.IMPORT_FIELDS)}", file=sys.stderr)
            return 1
        if report_check(plan.warnings, plan.errors, skip):
            return 1
        result = records_io.import_staff(s, SYSTEM, plan, skip_invalid=skip)
    message = (
        f"{table.source}: {result.created} pegawai baru, {result.updated} diperbarui, {result.unchanged} tetap, "
        f"{result.riwayat} entri riwayat"
    )
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    print(message + ".")
    return 0


def _schedule(ctx: AppContext, args: argparse.Namespace) -> int:
    try:
        as_of = date.fromisoformat(args.as_of)
    except ValueError:
        print(f"--as-of harus berformat YYYY-MM-DD, bukan {args.as_of!r}.", file=sys.stderr)
        return 2
    with ctx.db.transaction() as s:
        count = schedule.export_next_dates_csv(s, SYSTEM, as_of, Path(args.out))
    print(f"Jadwal {count} pegawai aktif per {as_of.isoformat()} ditulis ke {args.out}.")
    return 0


@reports_failure
def run(args: argparse.Namespace) -> int:
    """``sekretariat staff import|schedule|template``: 0 done; 1 refused or failed (import: one
    ``baris N: alasan`` line per bad row on stderr); 2 usage."""
    action = getattr(args, "action", None)
    if action == "template":
        records_io.write_staff_template(Path(args.out))
        print(f"Templat impor pegawai ditulis ke {args.out}.")
        return 0
    if action not in ("import", "schedule"):
        print(f"Aksi tidak dikenal: {action} (pilih import, schedule atau template).", file=sys.stderr)
        return 2
    work = _import if action == "import" else _schedule
    with office(args) as ctx:
        return work(ctx, args)
