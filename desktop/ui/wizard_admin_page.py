"""The first-run wizard's step that creates the first admin account."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWizardPage

from desktop.services.common import auth
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.widgets.palette import ERROR_COLOR


class Setup(Protocol):
    """What this page needs of the wizard around it (FirstRunWizard), named here so the two import no circle."""

    app_ctx: AppContext
    actor: Actor | None


class AdminPage(QWizardPage):
    def __init__(self, wizard: Setup) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Akun admin pertama"))
        self.setSubTitle(
            self.tr("Admin mengatur profil kantor, pengguna dan cadangan. Simpan kata sandinya baik-baik.")
        )
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_full_name")
        self.nip = QLineEdit()
        self.nip.setObjectName("admin_nip")
        self.nip.setPlaceholderText(self.tr("18 angka, boleh dikosongkan"))
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("admin_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(f"color: {ERROR_COLOR}")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Nama pengguna"), self.username)
        form.addRow(self.tr("Nama &lengkap"), self.full_name)
        form.addRow(self.tr("N&IP"), self.nip)
        form.addRow(self.tr("&Kata sandi"), self.password)
        form.addRow(self.tr("&Ulangi kata sandi"), self.password2)
        form.addRow(self.message)

    def validatePage(self) -> bool:
        if self.wiz.actor is not None:
            return True  # already created (the user came back with "Kembali")
        if self.password.text() != self.password2.text():
            self.message.setText(self.tr("Kedua kata sandi tidak sama."))
            self.password2.setFocus()
            return False
        try:
            with self.wiz.app_ctx.db.transaction() as s:
                info = auth.create_first_admin(
                    s, self.username.text(), self.full_name.text(), self.password.text(), self.nip.text()
                )
        except ServiceError as exc:
            self.message.setText(str(exc))
            return False
        self.wiz.actor = auth.actor_for(info)
        for w in (self.username, self.full_name, self.nip, self.password, self.password2):
            w.setEnabled(False)
        self.message.setText(self.tr("Akun admin dibuat."))
        return True
