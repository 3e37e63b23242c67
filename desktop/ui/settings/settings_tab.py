"""The Pengaturan tab: a list of pages on the left, the chosen page on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.office import OfficeProfileData
from desktop.services.common.permissions import Perm
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.audit_page import AuditPage
from desktop.ui.settings.backup_page import BackupPage
from desktop.ui.settings.calendar_page import CalendarPage
from desktop.ui.settings.database_page import DatabasePage
from desktop.ui.settings.letters_page import LettersPage
from desktop.ui.settings.profile_form import OfficeProfileForm
from desktop.ui.settings.signatories_page import SignatoriesPage
from desktop.ui.settings.testprint_page import TestPrintPage
from desktop.ui.settings.units_page import UnitsPage
from desktop.ui.settings.users_page import UsersPage


class ProfilePage(common.SettingsPage):
    """OfficeProfileForm + Simpan (Ctrl+S) through ``office.save_profile``."""

    saved = Signal(object)  # the OfficeProfileData as stored

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.dirty = False

        self.form = OfficeProfileForm()
        self.form.edited.connect(self._on_edited)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 12, 0)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        inner.setMaximumWidth(820)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setObjectName("saveProfileButton")
        self.save_button.setToolTip(self.tr("Simpan profil kantor (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Batalkan perubahan"))
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Profil kantor"),
                self.tr("Isi kop surat dan data kantor yang dicetak di semua dokumen."),
            )
        )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        if self.can_edit:
            shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        else:
            self.form.set_read_only(True)
            self.save_button.hide()
            self.revert_button.hide()
        self._set_dirty(False)

    def refresh(self) -> None:
        self.loaded = True
        if self.dirty:
            return  # never throw away what the user typed just because the page was shown again
        with self.ctx.read() as session:
            profile = office.get_profile(session)
        self.form.load(profile)
        self._set_dirty(False)

    def revert(self) -> None:
        self._set_dirty(False)
        self.refresh()
        self.status.clear()

    def _on_edited(self) -> None:
        self._set_dirty(True)
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.revert_button.setEnabled(dirty)

    def save(self) -> bool:
        if not self.can_edit:
            return False
        self.form.clear_errors()
        try:
            stored: OfficeProfileData = self.ctx.call(office.save_profile, self.form.data())
        except ValidationError as exc:
            self.form.show_error(exc)
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        except ServiceError as exc:
            common.warn(self, self.tr("Profil kantor"), common.error_text(exc))
            return False
        self.form.load(stored)
        self._set_dirty(False)
        now = clock.now(stored.zona_waktu)
        self.status.setText(self.tr("Tersimpan pukul %1.").replace("%1", f"{now.hour:02d}.{now.minute:02d}"))
        self.saved.emit(stored)
        return True


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
            ("letters", self.tr("Surat"), LettersPage, None),
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
            self.stack.addWidget(page)
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
        self.stack.setCurrentWidget(page)
        # Data is read when a page is shown, so each page sees what other pages (or the wizard) saved.
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            try:
                refresh()
            except ServiceError as exc:
                common.warn(self, self.tr("Pengaturan"), common.error_text(exc))
