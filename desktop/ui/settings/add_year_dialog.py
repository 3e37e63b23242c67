"""The dialog that adds a year to the working-day calendar from the packaged holiday list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from desktop.ui.context import UiContext
from desktop.ui.settings.holiday_dialog import MAX_YEAR, MIN_YEAR
from desktop.ui.widgets.drafts import DraftKeeper


class AddYearDialog(QDialog):
    """The year whose holidays come from the package; a year typed over the suggestion is asked about."""

    def __init__(self, ctx: UiContext, year: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah tahun dari paket holidays"))
        self.year = QSpinBox()
        self.year.setObjectName("tahun")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year)
        self.year.setGroupSeparatorShown(False)
        intro = QLabel(
            self.tr(
                "Libur nasional dan cuti bersama tahun yang dipilih diusulkan dari paket “holidays”. "
                "Tanggal yang sudah ada di kalender tidak diubah."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        label = QLabel(self.tr("&Tahun:"))
        label.setBuddy(self.year)
        form.addRow(label, self.year)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("&Tambahkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.year.setFocus()
        self.year.selectAll()
        self.drafts = DraftKeeper(
            self, ctx, "kalender/tambah_tahun", self.tr("tahun kalender dari paket holidays")
        )

    def reject(self) -> None:
        if self.drafts.confirm_discard(self):
            super().reject()
