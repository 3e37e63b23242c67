"""``sekretariat skm import|report``: online-form SKM answers in, the IKM report of a period out (pdf, xlsx, csv)."""

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
from desktop.services.guests import skm, skm_import
from desktop.services.system import AppContext

AGAIN_HINT: Final = "Bila memang perlu diimpor lagi, jalankan perintahnya dengan --again."
_BOBOT: Final[dict[str, str]] = {"exact": "exact", "1/9": "exact", "0.11": "0.11", "0.1111": "0.1111"}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``skm import|report`` on the ``sekretariat`` command's sub-parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "skm", help="survei kepuasan masyarakat: impor jawaban formulir daring, laporan IKM"
    )
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)
    p = actions.add_parser("import", help="impor jawaban SKM dari ekspor formulir daring (.csv atau .xlsx)")
    p.add_argument("file", type=Path, metavar="BERKAS")
    p.add_argument(
        "--skip-invalid", action="store_true", help="impor baris yang valid saja, lewati baris yang salah"
    )
    add_column_options(p, "Pertanyaan 3=U3", "Alamat email")
    p.add_argument(
        "--again",
        action="store_true",
        help="impor lagi berkas yang sudah pernah diimpor (respondennya akan tercatat dua kali)",
    )
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


def _import(ctx: AppContext, args: argparse.Namespace) -> int:
    """Read, check and import one export in one transaction; the bad rows are printed, nothing half done. A
    column with data that nothing maps refuses the file (nothing is dropped without the user's word)."""
    table = skm_import.read_table(Path(args.file))
    mapping = column_map(args)
    skip = bool(getattr(args, "skip_invalid", False))
    with ctx.db.transaction() as s:
        plan = skm_import.validate_responses(s, SYSTEM, table, mapping, ignore=ignored_columns(args))
        if plan.unmapped:
            print(f"Gagal: {unmapped_refusal(plan.unmapped, skm_import.COLUMNS)}", file=sys.stderr)
            return 1
        if report_check(plan.warnings, plan.errors, skip):
            return 1
        try:
            result = skm_import.import_responses(
                s, SYSTEM, plan, skip_invalid=skip, again=bool(getattr(args, "again", False))
            )
        except import_log.AlreadyImported as exc:
            print(f"Gagal: {exc} {AGAIN_HINT}", file=sys.stderr)
            return 1
    message = f"{result.imported} responden SKM diimpor dari {table.source}"
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    print(message + ".")
    return 0


def _day(text: str, option: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"{option} harus berformat YYYY-MM-DD, bukan {text!r}.", file=sys.stderr)
        return None


def _report(ctx: AppContext, args: argparse.Namespace) -> int:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
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
        return _import(ctx, args) if action == "import" else _report(ctx, args)
