"""What every ``sekretariat`` command shares: opening the office's data, and importing a file, bad rows reported."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from desktop.services import system
from desktop.services.common import import_log
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import SYSTEM
from desktop.services.tabular import RowError
from desktop.storage.config import default_data_dir
from desktop.storage.database import StorageError

# The first warnings are printed; the rest only counted, so a file of 10 000 doubtful rows stays readable.
MAX_WARNINGS_SHOWN = 20

AGAIN_HINT: Final = "Bila memang perlu diimpor lagi, jalankan perintahnya dengan --again."


@contextmanager
def office(args: argparse.Namespace) -> Iterator[system.AppContext]:
    """The data folder named on the command line (or the user's), migrated, closed again at the end."""
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else default_data_dir()
    ctx = system.open_context(data_dir, db_url=getattr(args, "db_url", None))
    try:
        report = system.prepare(ctx)
        if report.backup_written:
            print(f"Cadangan sebelum migrasi: {report.backup_written}")
        yield ctx
    finally:
        ctx.db.dispose()


def print_warnings(warnings: Sequence[object]) -> None:
    """The first MAX_WARNINGS_SHOWN warnings, then how many more."""
    for warning in warnings[:MAX_WARNINGS_SHOWN]:
        print(f"peringatan {warning}")
    if len(warnings) > MAX_WARNINGS_SHOWN:
        print(f"… dan {len(warnings) - MAX_WARNINGS_SHOWN} peringatan lain.")


def report_check(warnings: Sequence[RowError], errors: Sequence[RowError], skip_invalid: bool) -> bool:
    """Print a checked file's outcome: the first warnings, every bad row on stderr, and why nothing is
    imported. True when the import stops there (bad rows and no ``--skip-invalid``)."""
    print_warnings(warnings)
    for error in errors:
        print(str(error), file=sys.stderr)
    if errors and not skip_invalid:
        print(
            f"Tidak ada yang diimpor: {len(errors)} baris tidak valid. Perbaiki berkasnya, atau "
            "jalankan lagi dengan --skip-invalid untuk mengimpor baris yang valid saja."
        )
        return True
    return False


def reports_failure(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command whose refusal (bad input, a locked or damaged database) is one ``Gagal: …`` line and exit 1."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (ServiceError, StorageError) as exc:
            print(f"Gagal: {exc}", file=sys.stderr)
            return 1

    return run


def add_column_options(parser: argparse.ArgumentParser, example_map: str, example_ignore: str) -> None:
    """``--map 'JUDUL=KOLOM'`` and ``--ignore 'JUDUL'``, both repeatable, on an import command."""
    parser.add_argument(
        "--map",
        action="append",
        default=None,
        metavar="JUDUL=KOLOM",
        help=f"petakan judul kolom berkas ke kolom impor, mis. --map '{example_map}' (KOLOM kosong: abaikan; "
        "boleh berulang)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=None,
        metavar="JUDUL",
        help=f"jangan impor kolom berkas ini walau berisi data, mis. --ignore '{example_ignore}' (boleh berulang)",
    )


def column_map(args: argparse.Namespace) -> dict[str, str | None] | None:
    """The ``--map`` options as header → column (None for ``JUDUL=``, "leave it out"); None when none given."""
    items: Sequence[str] = getattr(args, "map", None) or ()
    if not items:
        return None
    mapping: dict[str, str | None] = {}
    for item in items:
        header, sep, column = item.partition("=")
        if not sep or not header.strip():
            raise ValidationError(f"--map harus berbentuk JUDUL=KOLOM, bukan \u201c{item}\u201d.")
        mapping[" ".join(header.split())] = column.strip() or None
    return mapping


def ignored_columns(args: argparse.Namespace) -> list[str]:
    """The ``--ignore`` options, spaces tidied."""
    return [" ".join(item.split()) for item in getattr(args, "ignore", None) or ()]


def unmapped_refusal(headers: Sequence[str], columns: Sequence[str]) -> str:
    """Why a file with columns nobody mapped is refused, and the two ways on (``columns``: the import's)."""
    names = ", ".join(f"\u201c{h}\u201d" for h in headers)
    return (
        f"kolom {names} berisi data tetapi tidak dikenali sebagai kolom impor mana pun; tidak ada yang diimpor. "
        f"Petakan setiap kolom itu dengan --map 'JUDUL=KOLOM' (KOLOM salah satu dari: {', '.join(columns)}), "
        f"atau nyatakan bahwa isinya memang tidak diimpor dengan --ignore 'JUDUL' (mis. --ignore '{headers[0]}')."
    )


def iso_day(text: str, option: str) -> date | None:
    """The date an option gives as YYYY-MM-DD; None, with the reason on stderr, for anything else."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"{option} harus berformat YYYY-MM-DD, bukan {text!r}.", file=sys.stderr)
        return None


def add_import_options(
    parser: argparse.ArgumentParser, example_map: str, example_ignore: str, again: str | None = None
) -> None:
    """The file and the options of an import command: ``--skip-invalid``, ``--map``/``--ignore`` and, when the
    import refuses a file imported before, ``--again`` (``again``: what importing it again does)."""
    parser.add_argument("file", type=Path, metavar="BERKAS")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="impor baris yang valid saja, lewati baris yang salah"
    )
    add_column_options(parser, example_map, example_ignore)
    if again is not None:
        parser.add_argument(
            "--again", action="store_true", help=f"impor lagi berkas yang sudah pernah diimpor ({again})"
        )


Result = TypeVar("Result")


@dataclass(frozen=True)
class ImportCommand(Generic[Result]):
    """One ``… import`` command as ``run_import`` runs it: how its file is read, checked and written, and the
    line that reports what was done."""

    read: Callable[..., Any]  # (path) → table; (path, --map) with ``read_with_map``
    validate: Callable[..., Any]  # (session, actor, table, mapping=…, ignore=…) → plan
    import_: Callable[..., Result]  # (session, actor, plan, skip_invalid=…, again=… with ``again``) → result
    done: Callable[[Result, str], str]  # (result, file name) → what was imported, for the closing line
    columns: Sequence[str]  # the import columns a ``--map`` may name
    again: bool = True  # a file imported before is refused unless ``--again``
    read_with_map: bool = False  # the reader finds the header row by the ``--map`` names too (SIASN)

    def __call__(self, ctx: system.AppContext, args: argparse.Namespace) -> int:
        """The command's work: ``run_import``."""
        return run_import(ctx, args, self)


def run_import(ctx: system.AppContext, args: argparse.Namespace, command: ImportCommand[Any]) -> int:
    """Read, check and import one file in one transaction; the bad rows are printed, nothing half done. A column
    with data that nothing maps refuses the file before anything is written (nothing is dropped without the
    user's word); ``--map 'JUDUL='`` leaves a column out as ``--ignore 'JUDUL'`` does. The closing line is
    ``command.done`` and the count of bad rows left out (a result's ``skipped``)."""
    mapping = column_map(args)
    path = Path(args.file)
    table = command.read(path, mapping) if command.read_with_map else command.read(path)
    ignored = ignored_columns(args) + [header for header, column in (mapping or {}).items() if column is None]
    skip = bool(getattr(args, "skip_invalid", False))
    again = {"again": bool(getattr(args, "again", False))} if command.again else {}
    with ctx.db.transaction() as s:
        plan = command.validate(s, SYSTEM, table, mapping=mapping, ignore=ignored)
        if plan.unmapped:
            print(f"Gagal: {unmapped_refusal(plan.unmapped, command.columns)}", file=sys.stderr)
            return 1
        if report_check(plan.warnings, plan.errors, skip):
            return 1
        try:
            result = command.import_(s, SYSTEM, plan, skip_invalid=skip, **again)
        except import_log.AlreadyImported as exc:
            print(f"Gagal: {exc} {AGAIN_HINT}", file=sys.stderr)
            return 1
    message = command.done(result, table.source)
    if result.skipped:
        message += f"; {result.skipped} baris tidak valid dilewati"
    print(message + ".")
    return 0
