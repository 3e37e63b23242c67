"""Short message boxes with Indonesian buttons, used everywhere instead of raw QMessageBox calls."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str = "Ya",
    no: str = "Batal",
    danger: bool = False,
    informative: str = "",
) -> bool:
    """Ask before acting; True only when the clerk picks ``yes``. ``informative`` is the smaller text below."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question, title, text, parent=parent
    )
    if informative:
        box.setInformativeText(informative)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    # Destructive actions default to the safe answer, so a stray Enter does nothing harmful.
    box.setDefaultButton(no_button if danger else yes_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
