"""Pegawai: the staff records (placeholder until the list and form land)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.context import UiContext


class PegawaiPanel(QWidget):
    changed = Signal(int)  # pegawai id, after a record or its riwayat was saved

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Data pegawai sedang disiapkan.")))

    def open_pegawai(self, pegawai_id: int) -> None:
        """Select and show the record of ``pegawai_id``."""
