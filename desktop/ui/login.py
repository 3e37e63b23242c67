"""Sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.services.common import auth, office
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.widgets.palette import ERROR_COLOR


class LoginDialog(QDialog):
    def __init__(self, app_ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_ctx = app_ctx
        self.actor: Actor | None = None
        self.must_change_password = False
        self.setWindowTitle(self.tr("Masuk — Sekretariat"))
        self.setMinimumWidth(460)

        with app_ctx.db.read() as s:
            profile = office.get_profile(s)

        header = QHBoxLayout()
        if profile.logo_png:
            logo = QLabel()
            pix = QPixmap()
            pix.loadFromData(profile.logo_png)
            logo.setPixmap(pix.scaledToHeight(64, Qt.TransformationMode.SmoothTransformation))
            header.addWidget(logo)
        title = QLabel(
            f"<div style='font-size:11pt'>{profile.nama_pemda or 'Sekretariat'}</div>"
            f"<div style='font-size:13pt; font-weight:600'>{profile.nama_dinas}</div>"
        )
        title.setWordWrap(True)
        header.addWidget(title, 1)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("nama pengguna"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}")

        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna"), self.username)
        form.addRow(self.tr("&Kata sandi"), self.password)

        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("&Masuk"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Keluar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)

        footer = QLabel(self.tr("Data: {0} · versi {1}").format(app_ctx.location, __version__))
        footer.setStyleSheet("color: #666; font-size: 8pt")
        footer.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        layout.addWidget(footer)
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.setFocus()

    def try_login(self) -> None:
        username = self.username.text()
        if not username.strip():
            self.message.setText(self.tr("Isi nama pengguna."))
            self.username.setFocus()
            return
        with self.app_ctx.db.transaction() as s:
            result = auth.authenticate(s, username, self.password.text())
        if not result.ok:
            self.message.setText(result.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.actor = result.actor
        self.must_change_password = result.must_change_password
        self.accept()
