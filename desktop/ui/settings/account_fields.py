"""Fields the user-account dialogs share: the password boxes, their check and the role chooser."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import ROLE_LABELS, Role
from desktop.ui.settings import common
from desktop.ui.settings.common import combo

PASSWORD_HINT = "Minimal %1 karakter."


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    return edit


def check_repeat(first: QLineEdit, second: QLineEdit, field: str) -> None:
    if first.text() != second.text():
        raise ValidationError(common.tr("Kedua kata sandi tidak sama. Ketik ulang."), field)


def role_combo() -> QComboBox:
    return combo([(common.tr(ROLE_LABELS[role]), role) for role in Role])
