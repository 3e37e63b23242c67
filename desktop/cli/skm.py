"""``sekretariat skm import|report``: online-form SKM answers in, the IKM report of a period out (pdf, xlsx, csv)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from desktop.cli.console import ImportCommand, add_import_options, iso_day, office, reports_failure
from desktop.services.common.permissions import SYSTEM
from desktop.services.guests import skm, skm_import
from desktop.services.system import AppContext

_BOBOT: Final[dict[str, str]] = {"exact": "exact", "1/9": "exact", "0.11": "0.11", "0.1111": "0.1111"}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``skm import|report`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "skm", help="survei kepuasan masyarakat: impor jawaban formulir daring, laporan IKM"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)
    p = actions.add_parser("import", help="impor jawaban SKM dari ekspor formulir daring (.csv atau .xlsx)")
    add_import_options(p, "Pertanyaan 3=U3", "Alamat email", "respondennya akan tercatat dua kali")
    p = actions.add_parser("report", help="tulis laporan IKM satu periode (.pdf, .xlsx atau .csv)")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="tanggal awal periode")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="tanggal akhir periode")
    p.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf, .xlsx, .csv)"
    )
    p.add_argument(
        "--bobot",
        default="exact",
        metavar="BOBOT",
        help="bobot IKM: exact (1/9, bawaan) atau 0.11 / 0.1111 untuk menyamakan lembar kerja lama",
    )
    return parser


def _imported(result: skm_import.SkmImportResult, source: str) -> str:
    return f"{result.imported} responden SKM diimpor dari {source}"


_IMPORT = ImportCommand(
    skm_import.read_table,
    skm_import.validate_responses,
    skm_import.import_responses,
    _imported,
    skm_import.COLUMNS,
)


def _report(ctx: AppContext, args: argparse.Namespace) -> int:
    start, end = iso_day(args.start, "--from"), iso_day(args.end, "--to")
    if start is None or end is None:
        return 2
    bobot = _BOBOT.get(str(args.bobot).replace(",", ".").strip().lower())
    if bobot is None:
        print(f"--bobot harus exact, 0.11 atau 0.1111, bukan {args.bobot!r}.", file=sys.stderr)
        return 2
    if end < start:
        print("--to tidak boleh sebelum --from.", file=sys.stderr)
        return 2
    out = Path(args.out)
    # Read without the write lock; only the audit row of the file waits for another process's write.
    with ctx.db.read() as s:
        rep = skm.report(s, SYSTEM, start, end, bobot=bobot)  # type: ignore[arg-type]
        skm.write_report(s, SYSTEM, rep, out, audit_in=ctx.db.transaction)
    if rep.sample_warning:
        print(f"peringatan {rep.sample_warning}")
    score = "-" if rep.skm is None else f"{rep.skm} ({rep.mutu})"
    print(f"Laporan SKM {rep.periode_label}: {rep.responden} responden, nilai IKM {score}; ditulis ke {out}.")
    return 0


@reports_failure
def run(args: argparse.Namespace) -> int:
    """``sekretariat skm import|report``: 0 done; 1 refused or failed (import: one ``baris N: alasan`` line per
    bad row on stderr); 2 usage."""
    action = getattr(args, "action", None)
    if action not in ("import", "report"):
        print(f"Aksi tidak dikenal: {action} (pilih import atau report).", file=sys.stderr)
        return 2
    with office(args) as ctx:
        return _IMPORT(ctx, args) if action == "import" else _report(ctx, args)
