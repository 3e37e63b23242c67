"""``sekretariat staff import|schedule|template``: SIASN files in, the KGB/KP/pensiun schedule out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.console import ImportCommand, add_import_options, iso_day, office, reports_failure
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
    add_import_options(p, "NIP_PEGAWAI=nip", "KETERANGAN")
    p = actions.add_parser("schedule", help="tulis jadwal KGB, KP dan TMT pensiun per pegawai aktif (.csv)")
    p.add_argument("--as-of", required=True, metavar="YYYY-MM-DD", help="tanggal acuan")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS", help="berkas .csv tujuan")
    p = actions.add_parser("template", help="tulis templat impor pegawai (.xlsx)")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    return parser


def _imported(result: records_io.StaffImportResult, source: str) -> str:
    return (
        f"{source}: {result.created} pegawai baru, {result.updated} diperbarui, {result.unchanged} tetap, "
        f"{result.riwayat} entri riwayat"
    )


# Importing a SIASN file again updates the same pegawai rather than adding them twice: no --again.
_IMPORT = ImportCommand(
    records_io.read_siasn,
    records_io.validate_siasn,
    records_io.import_staff,
    _imported,
    records_io.IMPORT_FIELDS,
    again=False,
    read_with_map=True,
)


def _schedule(ctx: AppContext, args: argparse.Namespace) -> int:
    as_of = iso_day(args.as_of, "--as-of")
    if as_of is None:
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
    work = _IMPORT if action == "import" else _schedule
    with office(args) as ctx:
        return work(ctx, args)
