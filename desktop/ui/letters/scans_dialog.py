"""Pindaian: the scans of one letter, viewed inside the app; add by file dialog or by dropping files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common import attachments
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Pindaian (*.pdf *.jpg *.jpeg *.png)"


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / (1024 * 1024):.1f} MB"


class ScansDialog(QDialog):
    def __init__(
        self, ctx: UiContext, jenis: str, surat_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jenis = jenis
        self.surat_id = surat_id
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self.setWindowTitle(self.tr("Pindaian — {0}").format(title))
        self.setAcceptDrops(self.can_write)
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self._current: bytes = b""

        self.files = QListWidget()
        self.files.setObjectName("scanList")
        self.files.currentRowChanged.connect(self._show)
        self.add_button = QPushButton(self.tr("&Tambah berkas…"))
        self.add_button.clicked.connect(self.choose_files)
        self.add_button.setVisible(self.can_write)
        self.save_button = QPushButton(self.tr("&Simpan salinan…"))
        self.save_button.clicked.connect(self.save_copy)
        hint = QLabel(
            self.tr("Seret berkas PDF/JPG/PNG ke jendela ini untuk melampirkan.")
            if self.can_write
            else self.tr("Hanya lihat.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.files, 1)
        left_layout.addWidget(self.add_button)
        left_layout.addWidget(self.save_button)
        left_layout.addWidget(hint)

        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image_scroll = QScrollArea()
        image_scroll.setWidgetResizable(True)
        image_scroll.setWidget(self.image)
        self.message = QLabel(self.tr("Belum ada pindaian."))
        self.message.setObjectName("scanMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.viewer = QStackedWidget()
        self.viewer.addWidget(self.message)
        self.viewer.addWidget(self.pdf_view)
        self.viewer.addWidget(image_scroll)
        self.info = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.viewer, 1)
        right_layout.addWidget(self.info)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 740])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        fit_to_screen(self, 1000, 720)
        self.reload()

    # ------------------------------------------------------------------ data
    def reload(self, select_id: int | None = None) -> None:
        try:
            with self.ctx.read() as s:
                items = attachments.list_for(s, self.ctx.actor, self.jenis, self.surat_id)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Pindaian"), str(exc))
            items = []
        self.files.clear()
        for a in items:
            item = QListWidgetItem(f"{a.nama_berkas}\n{a.nama_asli} · {_size(a.ukuran)}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(f"SHA-256 {a.sha256}")
            self.files.addItem(item)
            if a.id == select_id:
                self.files.setCurrentItem(item)
        if self.files.count() and self.files.currentRow() < 0:
            self.files.setCurrentRow(0)
        self.save_button.setEnabled(self.files.count() > 0)
        if not self.files.count():
            self.viewer.setCurrentWidget(self.message)

    def _show(self, row: int) -> None:
        item = self.files.item(row) if row >= 0 else None
        if item is None:
            return
        try:
            with self.ctx.transaction() as s:
                info, data = attachments.open_bytes(
                    s, self.ctx.actor, int(item.data(Qt.ItemDataRole.UserRole))
                )
        except ServiceError as exc:
            self._current = b""
            self.message.setText(str(exc))
            self.viewer.setCurrentWidget(self.message)
            self.info.clear()
            return
        self._current = data
        if info.mime == "application/pdf":
            self.document.close()
            self._bytes = QByteArray(data)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            self.viewer.setCurrentWidget(self.pdf_view)
            pages = self.document.pageCount()
            self.info.setText(
                self.tr("{0} · {1} halaman · sidik SHA-256 cocok").format(info.nama_berkas, pages)
            )
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.image.setPixmap(pixmap)
            self.viewer.setCurrentWidget(self.image.parentWidget().parentWidget())
            self.info.setText(
                self.tr("{0} · {1}×{2} piksel · sidik SHA-256 cocok").format(
                    info.nama_berkas, pixmap.width(), pixmap.height()
                )
            )

    # ------------------------------------------------------------------ adding
    def add_paths(self, paths: list[Path]) -> int:
        added = 0
        last_id = None
        for path in paths:
            try:
                data = path.read_bytes()
                with self.ctx.transaction() as s:
                    last_id = attachments.add(
                        s, self.ctx.actor, self.jenis, self.surat_id, data, path.name
                    ).id
                added += 1
            except (OSError, ServiceError) as exc:
                dialogs.error(self, self.tr("Berkas tidak dilampirkan"), f"{path.name}: {exc}")
        self.reload(select_id=last_id)
        return added

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih pindaian"), "", self.tr(FILE_FILTER))
        if names:
            self.add_paths([Path(n) for n in names])

    def save_copy(self) -> None:
        item = self.files.currentItem()
        if item is None or not self._current:
            return
        suggested = item.text().splitlines()[0].replace("/", "_")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan salinan"), suggested)
        if name:
            try:
                Path(name).write_bytes(self._current)
            except OSError as exc:
                dialogs.error(self, self.tr("Gagal menyimpan"), str(exc))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_write and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
