"""What the ASN Berprestasi dialogs share: the month as text and their OK/Batal buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from desktop.core.dates import month_name


def bulan_text(periode: date) -> str:
    return f"{month_name(periode.month)} {periode.year}"


def ok_cancel_buttons(ok_text: str, dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Batal"))
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
