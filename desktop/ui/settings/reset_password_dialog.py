"""An admin resets another user's password to a temporary one."""

from __future__ import annotations

import contextlib

from desktop.services.common import auth
from desktop.services.common.auth import MIN_PASSWORD_LENGTH, UserInfo
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.account_fields import PASSWORD_HINT, check_repeat, password_edit
from desktop.ui.settings.service_dialog import ServiceDialog


class _Cancelled(Exception):
    """The user changed their mind at the confirmation: keep the dialog open as it is."""


class ResetPasswordDialog(ServiceDialog):
    def __init__(self, ctx: UiContext, user: UserInfo, parent=None) -> None:
        super().__init__(common.tr("Reset kata sandi"), common.tr("&Reset kata sandi"), parent)
        self.ctx = ctx
        self.user = user
        self.done_ok = False
        self.password = password_edit()
        self.password2 = password_edit()
        self.form.add_field(
            "password",
            self.tr("Kata sandi &sementara:"),
            self.password,
            self.tr(PASSWORD_HINT).replace("%1", str(MIN_PASSWORD_LENGTH)),
        )
        self.form.add_field("password2", self.tr("&Ulangi kata sandi:"), self.password2)
        self.set_intro(
            self.tr(
                "Kata sandi %1 (%2) diganti dengan kata sandi sementara di bawah. Kunci akun ikut dibuka. "
                "Saat masuk berikutnya ia wajib menggantinya."
            )
            .replace("%1", user.username)
            .replace("%2", user.full_name)
        )
        self.password.setFocus()

    def commit(self) -> None:
        check_repeat(self.password, self.password2, "password2")
        auth.check_password_policy(self.password.text())
        if not dialogs.confirm(
            self,
            self.tr("Reset kata sandi"),
            self.tr("Reset kata sandi %1 sekarang?").replace("%1", self.user.username),
            yes=self.tr("&Reset"),
            informative=self.tr("Kata sandi lamanya tidak berlaku lagi."),
            danger=True,
        ):
            raise _Cancelled
        self.ctx.call(auth.reset_password, self.user.id, self.password.text())
        self.done_ok = True

    def accept(self) -> None:
        with contextlib.suppress(_Cancelled):
            super().accept()
