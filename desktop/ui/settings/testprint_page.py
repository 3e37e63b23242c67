"""Cetak uji: a test page to check the kop surat, the signatory block and the printer's paper size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.printing.pages import PAPERS
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import select_data

TEST_PAPERS = ("F4", "A4", "HALF_F4", "A5")


class TestPrintPage(common.SettingsPage):
    """Paper combo + "Pratinjau cetak uji" → a print preview of ``documents.test_page_pdf``."""

    __test__ = False  # not a pytest class, despite the name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testPrintPage")
        self.ctx = ctx
        self.preview = None  # the last PrintPreviewDialog, kept so it is not garbage-collected

        explain = QLabel(
            self.tr(
                "<p>Halaman uji memuat kop surat (logo, nama pemerintah provinsi dan dinas, alamat), "
                "blok penanda tangan untuk “Halaman cetak uji”, serta garis ukur dalam milimeter.</p>"
                "<p>Cetak halaman ini sekali pada setiap printer dan ukuran kertas yang dipakai kantor. "
                "Periksa dengan penggaris bahwa garis ukur 100 mm benar-benar 100 mm dan tidak ada bagian "
                "yang terpotong. Bila ukurannya meleset, periksa pengaturan kertas di printer "
                "(F4 = 215 × 330 mm) dan matikan pilihan “sesuaikan dengan halaman”.</p>"
            )
        )
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.RichText)

        self.paper = QComboBox()
        self.paper.setObjectName("paperCombo")
        for key in TEST_PAPERS:
            if key in PAPERS:
                self.paper.addItem(PAPERS[key].description, key)
        self.paper.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        paper_label = QLabel(self.tr("&Kertas:"))
        paper_label.setBuddy(self.paper)
        self.preview_button = QPushButton(self.tr("&Pratinjau cetak uji"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.show_preview)
        self.status = QLabel()
        self.status.setObjectName("testPrintStatus")
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(paper_label)
        row.addWidget(self.paper)
        row.addSpacing(12)
        row.addWidget(self.preview_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(common.page_header(self.tr("Cetak uji")))
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.loaded = True
        with self.ctx.read() as session:
            profile = office.get_profile(session)
        select_data(self.paper, profile.kertas_bawaan)
        if not profile.is_complete:
            self.status.setText(
                self.tr("Lengkapi dulu profil kantor (nama pemerintah provinsi, nama dinas, alamat).")
            )
        else:
            self.status.clear()

    def show_preview(self) -> None:
        # Imported here: the printing of the test page is the only thing on this page that needs it.
        from desktop.services.common import documents
        from desktop.ui.print_preview import PrintPreviewDialog

        key = str(self.paper.currentData())
        try:
            pdf = self.ctx.query(documents.test_page_pdf, key)
        except ServiceError as exc:
            self.status.setText(common.error_text(exc))
            common.warn(self, self.tr("Cetak uji"), common.error_text(exc))
            return
        self.status.clear()
        dialog = PrintPreviewDialog(
            pdf,
            self.tr("Halaman cetak uji (%1)").replace("%1", PAPERS[key].label),
            self,
            suggested_filename=f"cetak-uji-{key.lower()}.pdf",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.open()  # window-modal but not blocking: the preview has its own print and save buttons
