"""One outgoing number series: its pattern with a live preview of the next number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.core.letters.rules import DEFAULT_TEMPLATE
from desktop.services.common.errors import ValidationError
from desktop.services.letters import settings as ls
from desktop.services.letters.outgoing import SeriesData
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import line_edit
from desktop.ui.settings.service_dialog import ServiceDialog
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR

TOKENS_HINT = (
    "Penanda: {kka} kode klasifikasi · {urut} nomor urut ({urut:03d} dengan nol di depan) · {unit} kode unit "
    "· {tahun} · {bulan} (01–12) · {bulan_romawi} (I–XII) · {keamanan} (B/T/R/SR). "
    "Nomor yang sudah diambil tidak berubah bila pola diganti."
)


class SeriesDialog(ServiceDialog):
    """Add or edit a number series; the next number is previewed as the pattern is typed."""

    def __init__(
        self,
        ctx: UiContext,
        series: SeriesData | None,
        context: ls.NumberingContext,
        parent: QWidget | None = None,
    ) -> None:
        title = common.tr("Tambah seri nomor") if series is None else common.tr("Ubah seri nomor")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.series = series
        self.context = context
        self.saved: SeriesData | None = None

        self.nama = line_edit(120, self.tr("mis. Surat Keluar Sekretariat"))
        self.template = line_edit(120, DEFAULT_TEMPLATE)
        self.template.setObjectName("seriesTemplate")
        self.examples = QComboBox()
        self.examples.setObjectName("patternExamples")
        self.examples.addItem(self.tr("— pilih untuk mengisi pola —"), None)
        for pattern, label in ls.PATTERN_EXAMPLES:
            self.examples.addItem(f"{self.tr(label)}:  {pattern}", pattern)
        self.examples.activated.connect(self._use_example)
        unit_hint = (
            self.tr("Kosongkan untuk memakai kode unit Profil kantor (%1).").replace(
                "%1", context.profile_unit
            )
            if context.profile_unit
            else self.tr("Kode unit Profil kantor juga belum diisi.")
        )
        self.kode_unit = line_edit(60, context.profile_unit or self.tr("mis. SEK.UM"))
        self.aktif = QCheckBox(self.tr("Seri masih a&ktif (dapat dipilih saat mengambil nomor)"))
        self.aktif.setChecked(True)

        self.preview = QLabel()
        self.preview.setObjectName("seriesPreview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(self.fontMetrics().height() * 2)
        self.preview_note = muted(QLabel())
        self.preview_note.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("seriesWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        preview_box = QWidget()
        preview_column = QVBoxLayout(preview_box)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.setSpacing(2)
        preview_column.addWidget(self.preview)
        preview_column.addWidget(self.preview_note)
        preview_column.addWidget(self.warnings)

        f = self.form
        f.add_field("nama", self.tr("&Nama seri:"), self.nama)
        f.add_field("template", self.tr("&Pola nomor:"), self.template, self.tr(TOKENS_HINT))
        f.add_field("contoh", self.tr("Contoh p&ola:"), self.examples)
        f.add_field("kode_unit", self.tr("Kode &unit:"), self.kode_unit, unit_hint)
        f.addRow(self.tr("Nomor berikutnya:"), preview_box)
        f.add_field("aktif", "", self.aktif)
        self.setMinimumWidth(640)

        if series is not None:
            self.nama.setText(series.nama)
            self.template.setText(series.template)
            self.kode_unit.setText(series.kode_unit)
            self.aktif.setChecked(series.aktif)
        else:
            self.template.setText(DEFAULT_TEMPLATE)
        self.template.textChanged.connect(self.update_preview)
        self.kode_unit.textChanged.connect(self.update_preview)
        self.update_preview()
        self.nama.setFocus()
        self.keep_drafts(
            ctx,
            f"seri_nomor/{series.id if series is not None else 'baru'}",
            self.tr("seri nomor baru")
            if series is None
            else self.tr("seri nomor %1").replace("%1", series.nama),
        )

    def _use_example(self, index: int) -> None:
        pattern = self.examples.itemData(index)
        if pattern:
            self.template.setText(str(pattern))
            self.template.setFocus()
        self.examples.setCurrentIndex(0)

    def update_preview(self) -> bool:
        """Render the next number with the real formatter; False (and the reason shown) for a bad pattern."""
        try:
            result = ls.preview_number(self.template.text(), self.kode_unit.text(), self.context)
        except ValidationError as exc:
            self.preview.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
            self.preview.setText(common.error_text(exc))
            self.preview_note.clear()
            self.preview_note.hide()
            self.warnings.clear()
            self.warnings.hide()
            return False
        self.preview.setStyleSheet("font-weight: bold;")
        self.preview.setText(result.nomor)
        self.preview_note.setText(
            self.tr("Contoh: surat bertanggal hari ini, kode %1 (Surat Tugas), sifat Biasa.").replace(
                "%1", ls.SAMPLE_KKA
            )
        )
        self.preview_note.show()
        self.warnings.setText("\n".join(self.tr(w) for w in result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        self._grow()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._grow()

    def _grow(self) -> None:
        """Make room for wrapped warnings (a form layout does not grow a dialog for word-wrapped labels)."""
        if not self.isVisible():
            return
        layout = self.layout()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, self.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def preview_text(self) -> str:
        return self.preview.text()

    def accept(self) -> None:
        # A bad pattern is already explained under "Nomor berikutnya"; keep the dialog and the typed text.
        if not self.update_preview():
            self.template.setFocus()
            return
        super().accept()

    def data(self) -> SeriesData:
        return SeriesData(
            id=self.series.id if self.series is not None else None,
            nama=self.nama.text(),
            template=self.template.text(),
            kode_unit=self.kode_unit.text(),
            aktif=self.aktif.isChecked(),
        )

    def commit(self) -> None:
        self.saved = self.ctx.call(ls.save_series, self.data())
