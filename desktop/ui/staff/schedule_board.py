"""Jadwal: the deadline board of the pengelola kepegawaian (placeholder until the board lands)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.context import UiContext


class ScheduleBoard(QWidget):
    open_pegawai = Signal(int)  # pegawai id: show the record behind an item

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Jadwal kepegawaian sedang disiapkan.")))

    def mark_stale(self) -> None:
        self.stale = True
