"""The Kepegawaian tab: Jadwal (KGB, kenaikan pangkat, pensiun, kontrak PPPK, Satyalancana) and Pegawai."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.context import UiContext
from desktop.ui.staff.award_panel import AwardPanel
from desktop.ui.staff.pegawai_panel import PegawaiPanel
from desktop.ui.staff.schedule_board import ScheduleBoard


class StaffTab(QWidget):
    """Jadwal first: it is what the pengelola kepegawaian works from every morning."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffTab")
        self.board = ScheduleBoard(ctx)
        self.pegawai = PegawaiPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("staffTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board, self.tr("Jadwal"))
        self.tabs.addTab(self.pegawai, self.tr("Pegawai"))
        self.tabs.addTab(AwardPanel(ctx), self.tr("ASN Berprestasi"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        # A change of a record can move a deadline: the board reads again when it is shown next.
        self.pegawai.changed.connect(self.board.mark_stale)
        self.board.open_pegawai.connect(self.show_pegawai)

    def show_board(self) -> None:
        self.tabs.setCurrentWidget(self.board)

    def show_pegawai(self, pegawai_id: int) -> None:
        self.tabs.setCurrentWidget(self.pegawai)
        self.pegawai.open_pegawai(pegawai_id)
