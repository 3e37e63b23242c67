"""User accounts (admin only) and the signed-in user's own password change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.nip import format_nip
from desktop.services.common import auth, office
from desktop.services.common.auth import MIN_PASSWORD_LENGTH, UserInfo
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.account_fields import PASSWORD_HINT, check_repeat, password_edit, role_combo
from desktop.ui.settings.add_user_dialog import AddUserDialog
from desktop.ui.settings.common import DASH, line_edit, select_data
from desktop.ui.settings.reset_password_dialog import ResetPasswordDialog
from desktop.ui.settings.service_dialog import ServiceDialog


class EditUserDialog(ServiceDialog):
    def __init__(self, ctx: UiContext, user: UserInfo, parent=None) -> None:
        super().__init__(common.tr("Ubah pengguna"), common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.user = user
        self.saved: UserInfo | None = None
        self.username = line_edit()
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.username.setToolTip(self.tr("Nama pengguna tidak dapat diubah."))
        self.full_name = line_edit(200)
        self.full_name.setText(user.full_name)
        self.nip = line_edit(30)
        self.nip.setText(format_nip(user.nip))
        self.nip.editingFinished.connect(lambda: self.nip.setText(format_nip(self.nip.text())))
        self.role = role_combo()
        select_data(self.role, user.role)
        self.active = QCheckBox(self.tr("Akun a&ktif (boleh masuk)"))
        self.active.setChecked(user.active)
        f = self.form
        f.add_field("username", self.tr("Nama pengguna:"), self.username)
        f.add_field("full_name", self.tr("Nama &lengkap:"), self.full_name)
        f.add_field("nip", self.tr("NI&P:"), self.nip)
        f.add_field("role", self.tr("Pe&ran:"), self.role)
        f.add_field("active", "", self.active)
        self.full_name.setFocus()
        self.keep_drafts(
            ctx, f"pengguna/{user.username}", self.tr("pengguna %1").replace("%1", user.username)
        )

    def commit(self) -> None:
        self.saved = self.ctx.call(
            auth.update_user,
            self.user.id,
            full_name=self.full_name.text(),
            role=self.role.currentData(),
            active=self.active.isChecked(),
            nip=self.nip.text().replace(" ", ""),
        )


class ChangePasswordDialog(ServiceDialog):
    """The signed-in user changes their own password (from the menu, or forced at first sign-in)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(common.tr("Ganti kata sandi"), common.tr("&Ganti kata sandi"), parent)
        self.ctx = ctx
        self.old_password = password_edit()
        self.password = password_edit()
        self.password2 = password_edit()
        f = self.form
        f.add_field("old_password", self.tr("Kata sandi &lama:"), self.old_password)
        f.add_field(
            "password",
            self.tr("Kata sandi &baru:"),
            self.password,
            self.tr(PASSWORD_HINT).replace("%1", str(MIN_PASSWORD_LENGTH)),
        )
        f.add_field("password2", self.tr("&Ulangi kata sandi baru:"), self.password2)
        if forced:
            self.set_intro(
                self.tr(
                    "Kata sandi Anda masih kata sandi sementara dari admin. Gantilah sekarang dengan kata "
                    "sandi yang hanya Anda ketahui."
                )
            )
        else:
            self.set_intro(self.tr("Akun: %1").replace("%1", ctx.actor.username))
        self.old_password.setFocus()

    def commit(self) -> None:
        check_repeat(self.password, self.password2, "password2")
        self.ctx.call(auth.change_own_password, self.old_password.text(), self.password.text())


class UsersPage(common.SettingsPage):
    """Users table with Tambah / Ubah / Reset kata sandi / Buka kunci (needs ``Perm.MANAGE_USERS``)."""

    changed = Signal()

    COLUMNS = ("Nama pengguna", "Nama lengkap", "Peran", "Status", "Terkunci sampai", "Terakhir masuk")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.users: list[UserInfo] = []
        self.zone = "WIB"

        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=1)
        self.table.setObjectName("usersTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_user)

        self.add_button = QPushButton(self.tr("&Tambah pengguna…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button = QPushButton(self.tr("&Reset kata sandi…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("&Buka kunci"))
        self.unlock_button.clicked.connect(self.unlock_user)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Pengguna"),
                self.tr(
                    "Akun yang boleh masuk ke aplikasi dan perannya. Akun terkunci %1 menit setelah "
                    "%2 kali salah kata sandi; admin dapat membukanya lebih cepat. Akun tidak dihapus, "
                    "hanya dinonaktifkan, agar log audit tetap menunjuk orang yang benar."
                )
                .replace("%1", str(int(auth.LOCK_DURATION.total_seconds() // 60)))
                .replace("%2", str(auth.MAX_FAILED_ATTEMPTS)),
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.loaded = True
        if not self.ctx.actor.can(Perm.MANAGE_USERS):
            return
        with self.ctx.read() as session:
            self.users = auth.list_users(session, self.ctx.actor)
            self.zone = office.get_profile(session).zona_waktu
        now = clock.utc_now()
        selected = common.selected_data(self.table)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            locked = user.locked_until is not None and user.locked_until > now
            if not user.active:
                status = self.tr("Nonaktif")
            elif locked:
                status = self.tr("Terkunci")
            elif user.must_change_password:
                status = self.tr("Aktif · wajib ganti sandi")
            else:
                status = self.tr("Aktif")
            common.fill_row(
                self.table,
                row,
                [
                    user.username,
                    user.full_name,
                    self.tr(user.role.label),
                    status,
                    common.local_time(user.locked_until, self.zone) if locked else DASH,
                    common.local_time(user.last_login_at, self.zone)
                    if user.last_login_at
                    else self.tr("belum pernah"),
                ],
                user.id,
            )
            if user.nip:
                self.table.item(row, 1).setToolTip(self.tr("NIP %1").replace("%1", format_nip(user.nip)))
            if not user.active:
                common.dim_row(self.table, row)
        common.fit_columns(self.table)
        if selected is not None:
            common.select_row_where(self.table, lambda d: d == selected)
        self._update_buttons()

    def selected_user(self) -> UserInfo | None:
        user_id = common.selected_data(self.table)
        return next((u for u in self.users if u.id == user_id), None)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(user is not None)
        locked = user is not None and user.locked_until is not None and user.locked_until > clock.utc_now()
        self.unlock_button.setEnabled(locked)

    # ------------------------------------------------------------------ actions
    def _after(self, user_id: int | None) -> None:
        self.refresh()
        if user_id is not None:
            common.select_row_where(self.table, lambda d: d == user_id)
        self.changed.emit()

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._after(dialog.saved.id)

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = EditUserDialog(self.ctx, user, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._after(user.id)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = ResetPasswordDialog(self.ctx, user, self)
        if self.exec_dialog(dialog) and dialog.done_ok:
            self._after(user.id)
            common.inform(
                self,
                self.tr("Reset kata sandi"),
                self.tr("Kata sandi %1 sudah direset.").replace("%1", user.username),
                self.tr("Sampaikan kata sandi sementara itu kepada yang bersangkutan secara langsung."),
            )

    def unlock_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        try:
            self.ctx.call(auth.unlock, user.id)
        except ServiceError as exc:
            common.warn(self, self.tr("Buka kunci"), common.error_text(exc))
            return
        self._after(user.id)
