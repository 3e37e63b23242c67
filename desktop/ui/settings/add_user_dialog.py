"""Adding a user account, with its role and first password."""

from __future__ import annotations

from desktop.core.nip import format_nip
from desktop.services.common import auth
from desktop.services.common.auth import MIN_PASSWORD_LENGTH, UserInfo
from desktop.services.common.permissions import Role
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.account_fields import PASSWORD_HINT, check_repeat, password_edit, role_combo
from desktop.ui.settings.common import line_edit, select_data
from desktop.ui.settings.service_dialog import ServiceDialog


class AddUserDialog(ServiceDialog):
    """New account with a temporary password; the user must change it at first sign-in."""

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(common.tr("Tambah pengguna"), common.tr("&Tambah pengguna"), parent)
        self.ctx = ctx
        self.saved: UserInfo | None = None
        self.username = line_edit(60, self.tr("mis. siti.aminah"))
        self.full_name = line_edit(200)
        self.nip = line_edit(30, self.tr("18 angka (boleh kosong)"))
        self.nip.editingFinished.connect(lambda: self.nip.setText(format_nip(self.nip.text())))
        self.role = role_combo()
        select_data(self.role, Role.PENGELOLA_SURAT)
        self.password = password_edit()
        self.password2 = password_edit()
        f = self.form
        f.add_field(
            "username",
            self.tr("Nama &pengguna:"),
            self.username,
            self.tr("Untuk masuk: huruf kecil, angka, titik, garis bawah atau tanda hubung."),
        )
        f.add_field("full_name", self.tr("Nama &lengkap:"), self.full_name)
        f.add_field("nip", self.tr("NI&P:"), self.nip)
        f.add_field("role", self.tr("Pe&ran:"), self.role)
        f.add_field(
            "password",
            self.tr("Kata sandi &sementara:"),
            self.password,
            self.tr(PASSWORD_HINT).replace("%1", str(MIN_PASSWORD_LENGTH)),
        )
        f.add_field("password2", self.tr("&Ulangi kata sandi:"), self.password2)
        self.set_intro(
            self.tr(
                "Berikan kata sandi sementara kepada pengguna secara langsung. Saat pertama masuk, "
                "ia diminta menggantinya dengan kata sandi pilihannya sendiri."
            )
        )
        self.username.setFocus()
        # The passwords are left out of the draft (never on disk); the name, NIP and role are kept.
        self.keep_drafts(ctx, "pengguna/baru", self.tr("pengguna baru"))

    def commit(self) -> None:
        check_repeat(self.password, self.password2, "password2")
        self.saved = self.ctx.call(
            auth.create_user,
            self.username.text(),
            self.full_name.text(),
            self.role.currentData(),
            self.password.text(),
            self.nip.text().replace(" ", ""),
        )
