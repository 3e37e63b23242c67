"""Composition root of the GUI: Qt application, data start-up, first-run wizard, sign-in, main window."""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger("sekretariat.app")


def _qapp(argv0: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.ui import collector, i18n
    from desktop.ui.widgets import viewer_files

    app = QApplication.instance() or QApplication([argv0])
    app.setApplicationName("Sekretariat")
    app.setOrganizationName("Sekretariat")
    app.setApplicationDisplayName("Sekretariat")
    # The installed menu entry's name (resources/linux/): Wayland desktops match windows to it by this id.
    app.setDesktopFileName("id.go.sekretariat.Sekretariat")
    i18n.install(app)
    collector.install(app)
    viewer_files.install(app)  # copies opened in the system viewer: earlier runs' swept, this run's at quit
    return app


def run_gui(args: argparse.Namespace, log_path: Path) -> int:
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _qapp(sys.argv[0] if sys.argv else "sekretariat")

    from desktop.services import system
    from desktop.services.common import auth
    from desktop.services.common.errors import ServiceError
    from desktop.storage.database import DatabaseBusy, StorageError
    from desktop.ui import dialogs
    from desktop.ui.crash import install_excepthook

    install_excepthook(log_path)
    while True:
        ctx = None
        try:
            ctx = system.open_context(args.data_dir, db_url=args.db_url)
            report = system.prepare(ctx)
            break
        except (StorageError, ServiceError) as exc:
            log.warning("start-up refused: %s", exc)
            if ctx is not None:
                ctx.db.dispose()
            if args.smoke_test:
                print(f"smoke test: start-up failed: {exc}", file=sys.stderr)
                return 2
            if not isinstance(exc, DatabaseBusy):
                dialogs.error(None, "Sekretariat", str(exc))
                return 2
            # Another workstation's import or backup holds the lock: the data is fine, so offer to wait.
            if not dialogs.confirm(None, "Sekretariat", str(exc), yes="Coba lagi", no="Tutup"):
                return 2
    if report.backup_written:
        log.info("migrated from %s after backup %s", report.migrated_from, report.backup_written)

    if args.smoke_test:
        return _smoke_test(app, ctx)
    if args.startup_probe:
        return _startup_probe(app, ctx)

    with ctx.db.read() as s:
        first_run = not auth.has_users(s)
    survey = _start_survey_page(ctx)
    try:
        return _run_windows(app, ctx, first_run, survey)
    finally:
        if survey is not None and not isinstance(survey, str):
            survey.stop()


def _start_survey_page(ctx):  # type: ignore[no-untyped-def]
    """The SKM page for phones on the office network, when Pengaturan › Buku Tamu has it on (off by default).
    A port that cannot be opened is said in the status bar, not a reason to refuse to start."""
    from desktop.services.common.errors import ServiceError
    from desktop.services.guests.settings import get_settings

    with ctx.db.read() as s:
        if not get_settings(s).survei_ponsel:
            return None  # the server and its web page are not even imported: no cost at start
    from desktop.services.guests import survey_server

    try:
        return survey_server.start_if_enabled(ctx.db)
    except ServiceError as exc:
        log.warning("survey page not started: %s", exc)
        return str(exc)


def _run_windows(app, ctx, first_run, survey) -> int:  # type: ignore[no-untyped-def]
    from desktop.services import system

    while True:
        actor = _first_run(ctx) if first_run else _sign_in(ctx)
        if actor is None:
            return 0
        first_run = False
        window = _main_window(ctx, actor)
        if isinstance(survey, str):
            window.statusBar().showMessage(survey, 15000)
        _schedule_daily_backup(ctx, window)
        signed_out: list[bool] = []
        window.sign_out_requested.connect(functools.partial(signed_out.append, True))
        window.show()
        system.settle_heap()  # start-up objects out of the collector's way: no 100+ ms stalls later
        app.exec()
        if not signed_out:
            return 0


def _first_run(ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from desktop.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(ctx)
    result = wizard.exec()
    if wizard.actor is None:
        return None
    if result != QDialog.DialogCode.Accepted:
        log.info("wizard closed early; the rest can be completed in Pengaturan")
    return wizard.actor


def _sign_in(ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from desktop.ui.context import UiContext
    from desktop.ui.login import LoginDialog

    dialog = LoginDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    if dialog.must_change_password:
        from desktop.ui.settings.users_page import ChangePasswordDialog

        change = ChangePasswordDialog(UiContext(ctx, dialog.actor))
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return dialog.actor


def _main_window(ctx, actor):  # type: ignore[no-untyped-def]
    from desktop.ui.context import UiContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.state import UiState

    return MainWindow(UiContext(ctx, actor), UiState(Path(ctx.data_dir) / "tampilan.ini"))


def _schedule_daily_backup(ctx, window) -> None:  # type: ignore[no-untyped-def]
    """The automatic daily backup runs off the GUI thread a moment after the window appears."""
    from PySide6.QtCore import QTimer

    from desktop.services import system
    from desktop.ui.tasks import run_task

    def backup_then_chores(_progress):  # type: ignore[no-untyped-def]
        path = system.daily_backup(ctx)
        # After the backup: a chore such as guest-data retention changes records.
        return path, system.daily_chores(ctx)

    def start() -> None:
        run_task(
            None,
            "Cadangan harian",
            backup_then_chores,
            on_done=lambda result: _after_daily_backup(window, *result),
            on_error=lambda exc: log.error("daily backup failed: %s", exc),
            cancellable=False,
        )

    QTimer.singleShot(3000, start)


def _after_daily_backup(window, path, chores) -> None:  # type: ignore[no-untyped-def]
    said = [f"Cadangan harian ditulis: {path}"] if path else []
    said.extend(chores)
    if said:
        window.statusBar().showMessage("; ".join(said), 8000)
        window.home.refresh()


def _any_actor(ctx):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from desktop.models.admin import User
    from desktop.services.common import auth
    from desktop.services.common.permissions import SYSTEM

    with ctx.db.read() as s:
        user = s.scalar(select(User).where(User.role == "admin", User.active.is_(True)).order_by(User.id))
        return auth.actor_for(user) if user is not None else SYSTEM


def _smoke_test(app, ctx) -> int:  # type: ignore[no-untyped-def]
    """Build the main window offscreen, visit every tab and every Pengaturan page, and exit; non-zero at the
    first error, which is printed (nobody is there to close a crash dialog, so none may open)."""
    from desktop.storage.database import storage_failure

    failures: list[BaseException] = []

    def record(_type, exc, _tb) -> None:  # type: ignore[no-untyped-def]
        log.critical("smoke test error", exc_info=(_type, exc, _tb))
        failures.append(exc)

    sys.excepthook = record  # errors in slots and paint handlers land here instead of in a dialog
    try:
        visited, pages = _visit_everything(app, ctx)
    except Exception as exc:
        record(type(exc), exc, exc.__traceback__)
    if failures:
        known = storage_failure(failures[0], ctx.location)
        print(f"smoke test: gagal: {known if known is not None else repr(failures[0])}", file=sys.stderr)
        return 3
    print(f"smoke test OK: {len(visited)} tab ({', '.join(visited)}); {len(pages)} halaman pengaturan")
    return 0


def _visit_everything(app, ctx):  # type: ignore[no-untyped-def]
    window = _main_window(ctx, _any_actor(ctx))
    window.show()
    app.processEvents()
    visited = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
        visited.append(window.tabs.tabText(i).replace("&", ""))
    pages = window.settings.page_keys()
    for key in pages:
        window.settings.show_page(key)
        app.processEvents()
    window.close()
    return visited, pages


def _startup_probe(app, ctx) -> int:  # type: ignore[no-untyped-def]
    """For bench/: report when the main window is actually on screen, then quit."""
    from PySide6.QtCore import QTimer

    window = _main_window(ctx, _any_actor(ctx))
    window.show()

    def report() -> None:
        print(f"window-visible {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()
    return 0
