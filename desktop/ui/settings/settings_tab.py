"""The Pengaturan tab: a list of pages on the left, the chosen page on the right."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop.modules import MODULES, resolve
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.audit_page import AuditPage
from desktop.ui.settings.backup_page import BackupPage
from desktop.ui.settings.calendar_page import CalendarPage
from desktop.ui.settings.database_page import DatabasePage
from desktop.ui.settings.profile_form import OfficeProfileForm
from desktop.ui.settings.profile_page import ProfilePage
from desktop.ui.settings.signatories_page import SignatoriesPage
from desktop.ui.settings.testprint_page import TestPrintPage
from desktop.ui.settings.units_page import UnitsPage
from desktop.ui.settings.users_page import UsersPage


class _Fitted(QWidget):
    """Holds a page in its scroll area at the page's *minimum* height for the width.

    A scroll area sizes a widget whose layout wraps text at its preferred height for the width, so tables'
    comfortable heights would make every page scroll; this holder offers the minimum instead, and the page
    scrolls only when even that does not fit.
    """

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:
        hint = self.page.minimumSizeHint()
        layout = self.page.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(max(self.width(), hint.width()))))
        return hint

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.page.setGeometry(self.rect())


class SettingsTab(QWidget):
    """All settings pages. Pages the actor may not use are left out; the rest are read-only without
    ``Perm.MANAGE_SETTINGS``. ``restart_required`` fires after a restore or a database switch."""

    restart_required = Signal()
    profile_saved = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self.holders: dict[str, QScrollArea] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("settingsNav")
        self.nav.setAccessibleName(self.tr("Halaman pengaturan"))
        self.nav.setStyleSheet("QListWidget#settingsNav::item { padding: 5px 8px; }")
        self.stack = QStackedWidget()

        actor = ctx.actor
        entries: list[tuple[str, str, type[QWidget], Perm | None]] = [
            ("profile", self.tr("Profil kantor"), ProfilePage, None),
            ("units", self.tr("Unit organisasi"), UnitsPage, None),
            ("signatories", self.tr("Penanda tangan"), SignatoriesPage, None),
            # each module's own pages, in the order of desktop.modules
            *(
                (page.key, page.title, resolve(page.page), None)
                for module in MODULES
                for page in module.settings_pages
            ),
            ("users", self.tr("Pengguna"), UsersPage, Perm.MANAGE_USERS),
            ("calendar", self.tr("Kalender kerja"), CalendarPage, None),
            ("backup", self.tr("Cadangan"), BackupPage, Perm.MANAGE_BACKUPS),
            ("database", self.tr("Basis data"), DatabasePage, Perm.MANAGE_SETTINGS),
            ("testprint", self.tr("Cetak uji"), TestPrintPage, None),
            ("audit", self.tr("Log audit"), AuditPage, Perm.VIEW_AUDIT),
        ]
        for key, title, page_class, perm in entries:
            if perm is not None and not actor.can(perm):
                continue
            page = page_class(ctx)
            self.pages[key] = page
            # Every page, a module's too, scrolls rather than making the window taller or wider than a small
            # screen (1024×600, or a large font): the window's minimum never follows the largest page.
            holder = QScrollArea()
            holder.setObjectName(f"settingsPage_{key}")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(_Fitted(page))
            self.holders[key] = holder
            self.stack.addWidget(holder)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            restart = getattr(page, "restart_required", None)
            if restart is not None:
                restart.connect(self.restart_required)
        self.profile_page.saved.connect(self.profile_saved)

        width = max(self.nav.sizeHintForColumn(0), 140) + 32
        self.nav.setFixedWidth(width)
        self.nav.currentRowChanged.connect(self._on_row_changed)

        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.setCurrentRow(0)

    @property
    def profile_page(self) -> ProfilePage:
        return self.pages["profile"]  # type: ignore[return-value]

    @property
    def profile_form(self) -> OfficeProfileForm:
        return self.profile_page.form

    def page_keys(self) -> list[str]:
        """The pages this actor sees, in list order."""
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.page_keys().index(key))
        return self.pages[key]

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.page_keys()[row]
        page = self.pages[key]
        self.stack.setCurrentWidget(self.holders[key])
        # Data is read when a page is shown, so each page sees what other pages (or the wizard) saved.
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            try:
                refresh()
            except ServiceError as exc:
                common.warn(self, self.tr("Pengaturan"), common.error_text(exc))
