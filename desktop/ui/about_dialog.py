"""Bantuan › Tentang Sekretariat: version and build, where the data lives, and the bundled licences."""

from __future__ import annotations

import html

import PySide6
from PySide6.QtCore import Qt, QTimer, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.resources_path import resources_dir
from desktop.services.about import AboutInfo, about_info
from desktop.ui.context import UiContext
from desktop.ui.widgets.screen_fit import fit_to_screen

ICON = ("icons", "png", "sekretariat-64.png")


class AboutDialog(QDialog):
    """Read-only; Esc or Tutup closes it. ``info`` is given by tests; the app reads it from the context."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, info: AboutInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tentang Sekretariat"))
        self.info = info if info is not None else about_info(ctx.app)
        self.toolkit = [("Qt", qVersion()), ("PySide6", PySide6.__version__)]

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_page(), self.tr("&Informasi"))
        self.tabs.addTab(self._licences_page(), self.tr("&Lisensi komponen"))

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("&Salin info"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Menyalin keterangan teknis, misalnya untuk petugas TI"))
        self.copy_button.clicked.connect(self.copy_info)
        close = buttons.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Wide enough for a licence text's 80-column lines beside the list of components.
        fit_to_screen(self, 940, 600)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QPixmap(str(resources_dir().joinpath(*ICON)))
        if not icon.isNull():  # from a checkout made before the icons existed: the name alone
            picture = QLabel()
            picture.setPixmap(icon)
            row.addWidget(picture)
        title = QLabel(
            "<b style='font-size:16pt'>Sekretariat</b><br>"
            + self.tr(
                "Versi {0} · aplikasi kesekretariatan Dinas: surat, buku tamu, barang milik daerah, "
                "kepegawaian"
            ).format(self.info.version)
        )
        title.setObjectName("about_title")
        title.setWordWrap(True)
        row.addWidget(title, 1)
        return row

    def _details_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        layout.addLayout(form)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        names = {"Versi": "about_version", "Folder data": "about_data_dir", "Basis data": "about_database"}
        for label, value in self.info.details(self.toolkit):
            shown = QLabel(value)
            shown.setObjectName(names.get(label, ""))
            shown.setWordWrap(True)
            # Paths are read out over the phone or pasted into a file manager: they can be selected.
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", shown)  # the service's labels are Indonesian already
        note = QLabel(
            self.tr(
                "Mencopot (uninstall) atau memperbarui aplikasi tidak menghapus folder data dan cadangan di "
                "atas."
            )
        )
        note.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _licences_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.licence_list = QListWidget()
        self.licence_list.setObjectName("about_licences")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("about_licence_text")
        self.licence_text.setReadOnly(True)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        if not self.info.licences:
            missing = QLabel(
                self.tr("Teks lisensi komponen tidak ditemukan di {0}.").format(self.info.licence_dir)
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
            layout.addStretch(1)
            return page
        layout.addWidget(
            QLabel(self.tr("Komponen pihak ketiga yang disertakan dalam aplikasi ini, dengan lisensinya:"))
        )
        for licence in self.info.licences:
            self.licence_list.addItem(licence.title)
        self.licence_list.currentRowChanged.connect(self._show_licence)
        self.licence_heading = QLabel()
        self.licence_heading.setObjectName("about_licence_heading")
        self.licence_heading.setWordWrap(True)
        shown = QWidget()
        column = QVBoxLayout(shown)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.licence_heading)
        column.addWidget(self.licence_text, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.licence_list)
        split.addWidget(shown)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 620])
        layout.addWidget(split, 1)
        self.licence_list.setCurrentRow(0)
        return page

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self.info.licences):
            licence = self.info.licences[row]
            self.licence_heading.setText(f"<b>{html.escape(licence.heading)}</b>")
            self.licence_text.setPlainText(licence.text())

    def copy_info(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.info.as_text(self.toolkit))
        self.copy_button.setText(self.tr("Info tersalin"))
        QTimer.singleShot(3000, self, lambda: self.copy_button.setText(self.tr("&Salin info")))
