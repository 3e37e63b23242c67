"""The main window: one tab per module, each built when first opened; a menu; a status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop import __version__, modules
from desktop.core.dates import format_date
from desktop.services import system
from desktop.services.common import demo_mark, office
from desktop.services.common.permissions import Perm, Role
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.home import HomeTab
from desktop.ui.placeholder import ComingSoonTab
from desktop.ui.state import UiState
from desktop.ui.tasks import run_task
from desktop.ui.widgets import drafts
from desktop.ui.widgets.dates import office_time
from desktop.ui.widgets.palette import WARNING_COLOR


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    restart_required = Signal()

    def __init__(self, ctx: UiContext, state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        ctx.state = state
        with ctx.read() as s:
            self.is_demo = demo_mark.is_demo(s)
            self.zone = office.get_profile(s).zona_waktu or "WIB"
        self.drafts = drafts.store_for(ctx)
        self._drafts_offered = False
        self._leaving = False  # the clerk already agreed to leave (Keluar akun), or a restart must not ask
        # Sample data must never pass for an office's records (the demo accounts' password is public). The
        # application's display name follows the title: "DATA CONTOH — Sekretariat".
        self.setWindowTitle(self.tr("DATA CONTOH") if self.is_demo else self.tr("Sekretariat"))
        self.resize(1280, 800)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.home = HomeTab(ctx)
        self.tabs.addTab(self.home, self.tr("Be&randa"))
        # A tab not yet opened is an empty stand-in; opening it builds the real tab (and imports its module's
        # UI) in the same place, so adding a module does not slow the first window (design.md §2).
        self._pending: dict[QWidget, Callable[[], QWidget]] = {}
        self._by_key: dict[str, QWidget] = {}
        for module in modules.MODULES:
            self._add_lazy(module.key, self.tr(module.title), lambda m=module: self._module_tab(m))
        self._add_lazy("pengaturan", self.tr("&Pengaturan"), self._settings_tab)
        self.home.open_settings.connect(lambda: self.tabs.setCurrentWidget(self.settings))
        self.home.open_overdue.connect(self._show_overdue)
        self.home.open_schedule.connect(self._show_schedule)
        self.home.open_guests.connect(self._show_desk)
        self.home.open_assets.connect(lambda: self.tabs.setCurrentWidget(self.tab("barang")))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

        self._build_menu()
        self._build_status_bar()
        if not state.restore_window("main", self):
            self._fit_to_screen()
        for key, header in self._headers(self.home):
            state.restore_header(key, header)
        index = state.value("main/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(index))
        except (TypeError, ValueError):
            self.tabs.setCurrentIndex(0)
        # The pengelola kepegawaian is greeted by the deadlines that wait for them (the home tab counted them).
        summary = self.home.staff_summary
        if ctx.actor.role is Role.PENGELOLA_KEPEGAWAIAN and summary is not None and summary.perlu_diproses:
            self._show_schedule()

    def _fit_to_screen(self) -> None:
        """First start: 1280 × 800, or maximised on a smaller screen (a 1366 × 768 or 1024 × 600 laptop).
        Maximised, not just as large as the work area: the window manager then keeps the title bar on screen
        instead of pushing it above the top edge."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if area.width() <= 1280 or area.height() <= 800:
            self.setGeometry(area)  # the size it returns to when the clerk un-maximises it
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # --- tabs, built when first opened -----------------------------------------------------------------

    def _add_lazy(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        stand_in = QWidget()
        stand_in.setObjectName(f"tab_{key}")
        self._pending[stand_in] = make
        self._by_key[key] = stand_in
        self.tabs.addTab(stand_in, title)

    def _module_tab(self, module: modules.Module) -> QWidget:
        if module.tab is None:
            tab: QWidget = ComingSoonTab(
                self.tr(module.title.replace("&", "")),
                self.tr(module.summary),
                [self.tr(f) for f in module.features],
            )
        else:
            tab = modules.resolve(module.tab)(self.ctx)
        tab.setObjectName(f"tab_{module.key}")
        return tab

    def _settings_tab(self) -> QWidget:
        from desktop.ui.settings.settings_tab import SettingsTab

        settings = SettingsTab(self.ctx)
        settings.restart_required.connect(self._on_restart_required)
        return settings

    def tab(self, key: str) -> QWidget:
        """The tab of ``key`` ("surat", "pegawai", "pengaturan", …), built now if it was not opened yet."""
        return self._build(self.tabs.indexOf(self._by_key[key]))

    def is_built(self, key: str) -> bool:
        return self._by_key[key] not in self._pending

    @property
    def surat(self):  # type: ignore[no-untyped-def]
        return self.tab("surat")

    @property
    def staff(self):  # type: ignore[no-untyped-def]
        return self.tab("pegawai")

    @property
    def settings(self):  # type: ignore[no-untyped-def]
        return self.tab("pengaturan")

    def _build(self, index: int) -> QWidget:
        stand_in = self.tabs.widget(index)
        make = self._pending.pop(stand_in, None)
        if make is None:
            return stand_in
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            built = make()
        finally:
            QGuiApplication.restoreOverrideCursor()
        key = next(k for k, w in self._by_key.items() if w is stand_in)
        self._by_key[key] = built
        # Swapped in place rather than nested in the stand-in: the tab's widgets keep the parents they always
        # had, so the saved column widths (keyed by that path) and `tabs.currentWidget() is tab` still hold.
        current = self.tabs.currentIndex()
        text = self.tabs.tabText(index)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, built, text)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        stand_in.deleteLater()
        for header_key, header in self._headers(built):
            self.state.restore_header(header_key, header)
        return built

    # --- menu and status bar -------------------------------------------------------------------------

    def _build_menu(self) -> None:
        berkas = self.menuBar().addMenu(self.tr("&Berkas"))
        if self.ctx.actor.can(Perm.MANAGE_BACKUPS):
            backup = QAction(self.tr("&Cadangkan sekarang"), self)
            backup.setShortcut(QKeySequence("Ctrl+Shift+B"))
            backup.triggered.connect(self.backup_now)
            berkas.addAction(backup)
            berkas.addSeparator()
        quit_action = QAction(self.tr("&Keluar"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        berkas.addAction(quit_action)

        tampilan = self.menuBar().addMenu(self.tr("&Tampilan"))
        for i in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(i), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            tampilan.addAction(action)
        tampilan.addSeparator()
        refresh = QAction(self.tr("&Muat ulang beranda"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.home.refresh)
        tampilan.addAction(refresh)

        akun = self.menuBar().addMenu(self.tr("&Akun"))
        change = QAction(self.tr("&Ganti kata sandi…"), self)
        change.triggered.connect(self.change_password)
        akun.addAction(change)
        sign_out = QAction(self.tr("&Keluar akun"), self)
        sign_out.setShortcut(QKeySequence("Ctrl+Shift+L"))
        sign_out.triggered.connect(self._sign_out)
        akun.addAction(sign_out)

        bantuan = self.menuBar().addMenu(self.tr("Ba&ntuan"))
        logs = QAction(self.tr("Buka folder &log"), self)
        logs.triggered.connect(self._open_logs)
        bantuan.addAction(logs)
        about = QAction(self.tr("&Tentang Sekretariat"), self)
        about.setShortcut(QKeySequence("F1"))
        about.triggered.connect(self._about)
        bantuan.addAction(about)

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        user = QLabel(
            self.tr("Pengguna: {0} ({1})").format(actor.full_name or actor.username, actor.role.label)
        )
        user.setObjectName("status_user")
        where = QLabel(self.tr("Data: {0}").format(self.ctx.app.location))
        where.setObjectName("status_location")
        if self.is_demo:
            # Also inside the window: a window filling a small screen can have its title bar off the top edge.
            demo = QLabel(self.tr("DATA CONTOH — bukan data kantor"))
            demo.setObjectName("status_demo")
            demo.setStyleSheet(
                f"background: {WARNING_COLOR}; color: white; font-weight: 600; padding: 1px 8px"
            )
            self.statusBar().addWidget(demo)
        self.statusBar().addWidget(user)
        self.statusBar().addWidget(where, 1)
        self.statusBar().addPermanentWidget(QLabel(f"v{__version__}"))

    def _headers(self, root: QWidget | None = None) -> list[tuple[str, QHeaderView]]:
        """Every table's column header (in ``root``, else in every tab built so far), keyed by where the table
        sits, so column widths and order that a clerk sets are kept between runs without each page having to
        remember to do it."""
        found: list[tuple[str, QHeaderView]] = []
        seen: dict[str, int] = {}
        for view in (root or self).findChildren(QAbstractItemView):
            if not isinstance(view, QTableView | QTreeView):
                continue
            path = []
            widget: QWidget | None = view
            while widget is not None and widget is not self:
                path.append(widget.objectName() or type(widget).__name__)
                widget = widget.parentWidget()
            base = "kolom/" + "/".join(reversed(path[:4]))
            seen[base] = seen.get(base, 0) + 1
            header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
            found.append((f"{base}#{seen[base]}", header))
        return found

    # --- actions ---------------------------------------------------------------------------------------

    def _show_overdue(self) -> None:
        self.tabs.setCurrentWidget(self.surat)
        self.surat.show_overdue()

    def _show_schedule(self) -> None:
        self.tabs.setCurrentWidget(self.staff)
        self.staff.show_board()

    def _show_desk(self) -> None:
        guests = self.tab("tamu")
        self.tabs.setCurrentWidget(guests)
        guests.show_desk()

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.home:
            self.home.refresh()
        elif index >= 0:
            self._build(index)

    def backup_now(self) -> None:
        def work(progress):  # type: ignore[no-untyped-def]
            return system.backup_now(self.ctx.app, self.ctx.actor, None, lambda d, t: progress.set(d, t))

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Cadangan ditulis: {0}").format(path), 8000)

        def failed(exc: BaseException) -> None:
            dialogs.error(self, self.tr("Cadangan gagal"), str(exc))

        run_task(self, self.tr("Membuat cadangan…"), work, on_done=done, on_error=failed, cancellable=False)

    def change_password(self) -> None:
        from desktop.ui.settings.users_page import ChangePasswordDialog

        ChangePasswordDialog(self.ctx, self).exec()

    def _sign_out(self) -> None:
        # Asked here, before the signal: "Kembali ke formulir" must leave the clerk signed in.
        if not self.confirm_discard():
            return
        self._leaving = True
        self.sign_out_requested.emit()
        self.close()

    def _open_logs(self) -> None:
        log_dir = Path(self.ctx.app.data_dir) / "log"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir)))

    def _about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_restart_required(self) -> None:
        dialogs.info(
            self,
            self.tr("Mulai ulang"),
            self.tr("Perubahan ini berlaku setelah aplikasi dibuka kembali. Aplikasi akan ditutup sekarang."),
        )
        self.restart_required.emit()
        # No question here: the data changed under the forms. Their input stays as drafts for the next start.
        drafts.save_all(self.drafts)
        self._leaving = True
        self.close()

    # --- unsaved input ------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before the window goes: one question naming every form with unsaved input. True when there is none
        or the clerk throws it away (the drafts go too); False, with the first such form in view, when the
        clerk goes back to it."""
        dirty = drafts.dirty_keepers(self.drafts, self)
        if not dirty:
            return True
        if not drafts.ask_discard(self, [k.title for k in dirty]):
            dirty[0].reveal()
            return False
        for keeper in dirty:
            keeper.discard()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_offered:
            self._drafts_offered = True
            QTimer.singleShot(0, self, self.offer_drafts)

    def offer_drafts(self) -> int:
        """Drafts left by a crash or a power cut are offered back, one by one: restored into their form when
        the clerk accepts, deleted when declined. Returns how many were restored."""
        restored = 0
        for draft in self.drafts.drafts():
            when = office_time(draft.saved_at, self.zone)
            text = self.tr("Ada isian {0} yang belum disimpan dari {1} pukul {2:%H.%M}. Pulihkan?").format(
                draft.title, format_date(when.date()), when
            )
            if not dialogs.confirm(
                self,
                self.tr("Isian belum disimpan"),
                text,
                yes=self.tr("Pulihkan"),
                no=self.tr("Buang isian"),
            ):
                self.drafts.remove(draft.key)
                continue
            restored += 1
            self.drafts.pending.add(draft.key)
            if draft.tab in self._by_key:
                self.tabs.setCurrentWidget(self.tab(draft.tab))
            if not any(k.key == draft.key for k in drafts.restore_pending(self.drafts)):
                # A dialog's draft (a pegawai's record): it comes back when that form is opened.
                self.statusBar().showMessage(
                    self.tr("Isian {0} dipulihkan saat formulirnya dibuka.").format(draft.title), 15000
                )
        return restored

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving and not self.confirm_discard():
            event.ignore()
            return
        self._leaving = False
        drafts.close_all(self.drafts, self)
        self.state.save_window("main", self)
        for key, header in self._headers():
            self.state.save_header(key, header)
        self.state.set_value("main/tab", self.tabs.currentIndex())
        self.state.sync()
        super().closeEvent(event)
