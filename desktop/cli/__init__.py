"""The ``sekretariat`` command: the GUI by default, plus admin and batch jobs."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__, modules
from desktop.services.common.demo_mark import DEMO_PASSWORD
from desktop.storage.config import default_data_dir, default_log_dir

if TYPE_CHECKING:  # the services load only when a command needs them: `--help` stays fast
    from desktop.services.system import CheckReport

log = logging.getLogger("sekretariat")


def _names_a_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` holds a sub-command or asks for help (anything but options: the GUI starts)."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return True
        if token in ("--data-dir", "--db-url"):
            next(tokens, None)  # its value
        elif not token.startswith("-"):
            return True
    return False


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; the modules' command groups (and the services they import) only when ``argv``
    may name one, so that starting the GUI does not import every module's import and export code."""
    parser = argparse.ArgumentParser(
        prog="sekretariat",
        description="Sekretariat — aplikasi kesekretariatan Dinas (surat, tamu, barang, kepegawaian).",
    )
    parser.add_argument("--version", action="version", version=f"Sekretariat {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder data (bawaan: folder data pengguna)"
    )
    parser.add_argument(
        "--db-url",
        default=os.environ.get("SEKRETARIAT_DB_URL"),
        help="URL basis data SQLAlchemy (uji/lanjutan)",
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="buka GUI tanpa layar, buka setiap tab, lalu keluar"
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p = sub.add_parser("init", help="siapkan folder data dan basis data")
    p.add_argument("--admin", metavar="NAMA_PENGGUNA", help="buat akun admin pertama (sandi ditanyakan)")
    p.add_argument("--nama", default="Administrator", help="nama lengkap admin")

    p = sub.add_parser("backup", help="buat cadangan sekarang")
    p.add_argument("--to", type=Path, default=None, metavar="BERKAS", help="tulis cadangan ke berkas ini")

    p = sub.add_parser("restore", help="pulihkan data dari berkas cadangan")
    p.add_argument("file", type=Path, metavar="BERKAS")
    p.add_argument("--yes", action="store_true", help="jangan tanya konfirmasi")

    p = sub.add_parser("check", help="periksa keutuhan basis data dan versi skema")
    p.add_argument(
        "--deep",
        action="store_true",
        help="pemeriksaan menyeluruh: integrity_check dan membaca setiap isi setiap tabel (lebih lama)",
    )

    p = sub.add_parser(
        "print-test", help="cetak halaman uji (kop surat, blok tanda tangan) langsung ke printer"
    )
    p.add_argument("--printer", default=None, metavar="ANTREAN", help="antrean CUPS (bawaan: printer bawaan)")
    p.add_argument(
        "--paper", type=str.upper, choices=("A4", "F4"), default=None, help="kertas (bawaan: profil)"
    )

    p = sub.add_parser("demo", help="isi folder data baru yang kosong dengan contoh data yang realistis")
    p.add_argument("--password", default=DEMO_PASSWORD, help="kata sandi semua akun contoh")

    p = sub.add_parser("db", help="atur basis data workstation ini")
    p.add_argument("--postgres", metavar="HOST[:PORT]/NAMA_DB", help="pakai server PostgreSQL bersama")
    p.add_argument("--user", default="sekretariat", help="pengguna PostgreSQL")
    p.add_argument("--sqlite", action="store_true", help="kembali ke berkas lokal")
    if argv is None or _names_a_command(argv):
        for module in modules.MODULES:
            if module.cli is not None:
                modules.resolve(module.cli).add_parser(sub)
            for _, extra in module.extra_cli:
                modules.resolve(extra).add_parser(sub)
    return parser


def _setup_logging(log_dir: Path, verbose: bool = False) -> Path:
    """Rotating log file; it never holds passwords or whole personal records (services log ids only)."""
    from logging.handlers import RotatingFileHandler

    from desktop.storage.files import make_private, make_private_dir

    make_private_dir(log_dir)
    path = log_dir / "sekretariat.log"
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    make_private(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.services import system

    ctx = system.open_context(args.data_dir, db_url=args.db_url)
    report = system.prepare(ctx)
    if report.backup_written:
        print(f"Cadangan sebelum migrasi: {report.backup_written}")
    return ctx


def _cmd_init(args: argparse.Namespace) -> int:
    from desktop.services.common import auth

    ctx = _open(args)
    print(f"Data siap di {ctx.location}")
    if args.admin:
        password = os.environ.get("SEKRETARIAT_ADMIN_PASSWORD") or getpass.getpass("Kata sandi admin: ")
        with ctx.db.transaction() as s:
            auth.create_first_admin(s, args.admin, args.nama, password)
        print(f"Akun admin '{args.admin}' dibuat.")
    else:
        print("Jalankan 'sekretariat' untuk mengisi profil kantor dan membuat akun admin.")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services import system

    ctx = _open(args)
    path = system.backup_now(ctx, system.SYSTEM, args.to)
    print(f"Cadangan ditulis: {path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import system

    ctx = _open(args)
    warning = system.restore_warning(args.file)
    if warning:
        print(f"Peringatan: {warning}", file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            print("Tambahkan --yes untuk memulihkan tanpa konfirmasi.", file=sys.stderr)
            return 2
        answer = input(f"Ganti seluruh data di {ctx.location} dengan isi {args.file}? [y/N] ")
        if answer.strip().lower() not in ("y", "ya"):
            print("Dibatalkan.")
            return 1
    safety = system.restore(ctx, system.SYSTEM, args.file)
    print(f"Data dipulihkan dari {args.file}. Data sebelumnya dicadangkan ke {safety}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from desktop.services import system

    ctx = system.open_context(args.data_dir, db_url=args.db_url)
    try:
        report = system.check(ctx, deep=args.deep, actor=system.SYSTEM)
    finally:
        ctx.db.dispose()
    print(f"Lokasi data : {report.location}")
    print(f"Pemeriksaan : {'menyeluruh (--deep)' if report.deep else 'cepat'}")
    print(f"Keutuhan    : {report.integrity}")
    print(f"Skema       : {report.schema_text}")
    if report.deep:
        print(
            f"Isi tabel   : {'semua terbaca' if not report.problems else f'{len(report.problems)} masalah'}"
        )
        for problem in report.problems:
            print(f"  - {problem}")
    _print_files(report)
    print("Hasil       : " + ("BAIK" if report.ok else "ADA MASALAH"))
    if report.integrity != "ok" or report.problems:
        print(
            "Basis data rusak. Jangan mengubah data lagi; buat salinan berkasnya, lalu pulihkan dari cadangan "
            "terakhir yang baik (sekretariat restore BERKAS)."
        )
    elif report.files:
        print(
            f"{len(report.files)} berkas tersimpan rusak atau hilang: isinya kosong atau tidak cocok lagi dengan "
            "sidik SHA-256-nya. Pindai atau lampirkan ulang berkas aslinya; bila tidak ada, ambil dari cadangan "
            "yang dibuat sebelum berkas itu rusak."
        )
    return 0 if report.ok else 1


def _cmd_print_test(args: argparse.Namespace) -> int:
    """The page of Pengaturan › Cetak uji, straight to a CUPS queue: checks a workstation's printer after an
    install, and the installed package in CI."""
    from desktop.cli.console import office as prepared
    from desktop.printing import spool
    from desktop.services import system
    from desktop.services.common import documents, office
    from desktop.services.common.errors import ServiceError

    with prepared(args) as ctx:
        try:
            with ctx.db.read() as s:
                pdf = documents.test_page_pdf(s, system.SYSTEM, args.paper)
                paper = args.paper or office.get_profile(s).kertas_bawaan
            printer = args.printer or spool.default_printer()
            if printer is None:
                print("Belum ada printer bawaan; sebutkan antreannya dengan --printer.", file=sys.stderr)
                return 1
            media = spool.MEDIA_F4 if paper.startswith("F4") else "A4"
            job = spool.send_pdf(pdf, printer, title="Halaman uji Sekretariat", media=media)
        except ServiceError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except spool.PrinterError as exc:
            print(exc.message, file=sys.stderr)
            return 1
    print(f"Halaman uji ({paper}) dikirim ke {printer}: pekerjaan {job}.")
    return 0


def _print_files(report: CheckReport) -> None:
    """Every damaged or missing stored file by name (all of them: a list to work through, or to grep)."""
    if report.files_error:
        print(f"Berkas      : {report.files_error}")
    elif report.files is None:
        print("Berkas      : tidak diperiksa (basis data bermasalah)")
    elif not report.files:
        print("Berkas      : semua utuh")
    else:
        print(f"Berkas      : {len(report.files)} rusak atau hilang")
        for name in report.files:
            print(f"  - {name}")


def _cmd_demo(args: argparse.Namespace) -> int:
    from desktop.demo import sample_office

    ctx = _open(args)
    summary = sample_office.fill(ctx, password=args.password)
    print(summary)
    return 0


def _cmd_db(args: argparse.Namespace) -> int:
    from desktop.services import system
    from desktop.storage.config import PostgresSettings

    if args.sqlite:
        system.use_sqlite(args.data_dir)
        print("Workstation ini kembali memakai berkas lokal.")
        return 0
    if not args.postgres:
        print("Pilih --postgres HOST[:PORT]/NAMA_DB atau --sqlite.", file=sys.stderr)
        return 2
    hostport, _, dbname = args.postgres.partition("/")
    host, _, port = hostport.partition(":")
    pg = PostgresSettings(host=host, port=int(port or 5432), dbname=dbname or "sekretariat", user=args.user)
    password = os.environ.get("PGPASSWORD") or getpass.getpass(f"Kata sandi {pg.user}@{host}: ")
    system.use_postgres(args.data_dir, pg, password)
    print(f"Workstation ini sekarang memakai {pg.describe()} (sandi di keyring sistem).")
    return 0


CLI_LOCK_WAIT_S = 120.0


def _say_waiting() -> None:
    print("Basis data sedang dipakai proses lain; menunggu…", file=sys.stderr, flush=True)


class _Commands(Mapping[str, Callable[[argparse.Namespace], int]]):
    """The commands of the shell, then each module's group from desktop/modules.py, imported when asked for."""

    def __init__(self, own: dict[str, Callable[[argparse.Namespace], int]]) -> None:
        self._own = own
        self._modules = {m.cli_command: m.cli for m in modules.MODULES if m.cli and m.cli_command}
        self._modules.update({name: cli for m in modules.MODULES for name, cli in m.extra_cli})

    def __getitem__(self, name: str) -> Callable[[argparse.Namespace], int]:
        if name in self._own:
            return self._own[name]
        run: Callable[[argparse.Namespace], int] = modules.resolve(self._modules[name]).run
        return run

    def __iter__(self) -> Iterator[str]:
        yield from self._own
        yield from self._modules

    def __len__(self) -> int:
        return len(self._own) + len(self._modules)


COMMANDS = _Commands(
    {
        "init": _cmd_init,
        "backup": _cmd_backup,
        "restore": _cmd_restore,
        "check": _cmd_check,
        "demo": _cmd_demo,
        "db": _cmd_db,
        "print-test": _cmd_print_test,
    }
)


def main(argv: list[str] | None = None) -> int:
    if os.name == "posix":
        # Everything this process creates (data, backups, logs, settings) holds personal data: owner only.
        os.umask(0o077)
    args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    explicit = args.data_dir is not None
    args.data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if not args.data_dir.exists():
        from desktop.storage.files import make_private_dir

        make_private_dir(args.data_dir)
    # The user's log folder normally; beside the data when a data dir is named (tests, demos, portable use).
    log_path = _setup_logging(args.data_dir / "log" if explicit else default_log_dir())
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args, log_path)
    from desktop.services.common.errors import ServiceError
    from desktop.storage.database import StorageError, wait_for_locks

    # A command has no one to ask "Coba lagi?": it waits longer for another process's lock, and says so.
    wait_for_locks(CLI_LOCK_WAIT_S, on_wait=_say_waiting)
    try:
        return COMMANDS[args.command](args)
    except (StorageError, ServiceError) as exc:
        log.warning("command %s failed: %s", args.command, exc)
        print(f"Gagal: {exc}", file=sys.stderr)
        return 1
