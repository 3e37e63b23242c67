"""Adding kartu tamu to the stock: a range such as 1-20, with a preview of what will be added."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.guests import cards
from desktop.ui.context import UiContext
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR

PREVIEW_SHOWN = 12


class AddCardsDialog(QDialog):
    """One line for the numbers; as the clerk types, the preview says which cards will be added and which
    are already in the stock, and a number that cannot be read is named under the field. Tambah saves through
    ``cards.add_cards`` and stays open with the message on an error."""

    def __init__(self, ctx: UiContext, existing: Collection[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah kartu tamu"))
        self.setModal(True)
        self.ctx = ctx
        self.existing = set(existing)
        self.added: list[str] = []
        prompt = QLabel(self.tr("&Nomor kartu:"))
        self.numbers = QLineEdit()
        self.numbers.setObjectName("cardNumbers")
        self.numbers.setPlaceholderText(self.tr("mis. 1-20 atau 1-20, T01-T05"))
        prompt.setBuddy(self.numbers)
        hint = muted(
            QLabel(
                self.tr(
                    "Rentang dengan tanda hubung, beberapa dipisah koma. Angka nol di depan ditulis seperti "
                    "pada kartu (T01). Nomor yang sudah ada dilewati."
                )
            ),
            smaller=True,
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("cardNumbersError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.preview = QLabel()
        self.preview.setObjectName("cardPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("&Tambah"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.numbers)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.numbers.textChanged.connect(lambda _t: self.update_preview())
        self.update_preview()

    def _plan(self) -> tuple[list[str], list[str]]:
        """(new, already in the stock); raises ValidationError for input that is not card numbers."""
        wanted = list(dict.fromkeys(cards.parse_numbers(self.numbers.text())))
        return [n for n in wanted if n not in self.existing], [n for n in wanted if n in self.existing]

    def update_preview(self) -> None:
        set_message(self.error, "", ERROR_COLOR)
        if not self.numbers.text().strip():
            self.preview.setText(self.tr("Belum ada nomor."))
            self.ok_button.setEnabled(False)
            return
        try:
            new, known = self._plan()
        except ValidationError as exc:
            set_message(self.error, str(exc), ERROR_COLOR)
            self.preview.setText("")
            self.ok_button.setEnabled(False)
            return
        lines = [
            self.tr("Akan ditambahkan %1 kartu: %2").replace("%1", str(len(new))).replace("%2", _few(new))
        ]
        if known:
            lines.append(
                self.tr("Sudah ada, dilewati (%1): %2")
                .replace("%1", str(len(known)))
                .replace("%2", _few(known))
            )
        self.preview.setText("\n".join(lines))
        self.ok_button.setEnabled(bool(new))

    def accept(self) -> None:
        try:
            self.added = self.ctx.call(cards.add_cards, self.numbers.text())
        except ServiceError as exc:  # ValidationError included: the message goes under the field
            set_message(self.error, str(exc), ERROR_COLOR)
            self.numbers.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def _few(numbers: list[str]) -> str:
    if not numbers:
        return "—"
    if len(numbers) <= PREVIEW_SHOWN:
        return ", ".join(numbers)
    return f"{', '.join(numbers[: PREVIEW_SHOWN - 2])}, …, {', '.join(numbers[-2:])}"
