"""The photos and documents of one item or one BAST: the first photo as a thumbnail, the list, Tambah / Buka /
Ganti foto / Hapus; files may also be dropped on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assets import attachments
from desktop.services.assets.attachments import FileInfo
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.viewer_files import copy_for_viewer, open_with_system

FILE_FILTER = "Foto atau dokumen (*.pdf *.jpg *.jpeg *.png)"
PHOTO_FILTER = "Foto (*.jpg *.jpeg *.png)"
THUMB = 150
TITLE = "Foto & dokumen"


def size_text(n: int) -> str:
    return f"{max(1, round(n / 1024))} KB" if n < 1024 * 1024 else f"{n / (1024 * 1024):.1f} MB"


class AttachmentsBox(QWidget):
    """One item's (``aset_id``) or one BAST's (``dokumen_id``) files. Writing needs WRITE_ASSETS; the service
    refuses what the buttons do not show (a final BAST's files are never removed). ``changed`` after a change;
    ``mnemonics`` False leaves the Alt letters to the host."""

    changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        *,
        aset_id: int | None = None,
        dokumen_id: int | None = None,
        editable: bool = True,
        mnemonics: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.aset_id, self.dokumen_id = aset_id, dokumen_id
        self.can_write = editable and ctx.actor.can(Perm.WRITE_ASSETS)
        self.opener: Callable[[Path], bool] = open_with_system  # a test records instead of launching
        self.files_info: list[FileInfo] = []
        self.setObjectName("attachmentsBox")
        self.setAcceptDrops(self.can_write)

        self.thumbnail = QLabel(self)
        self.thumbnail.setObjectName("thumbnail")
        self.thumbnail.setFixedSize(THUMB, THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid palette(mid);")
        self.thumbnail.setVisible(aset_id is not None)
        self.files = QListWidget(self)
        self.files.setObjectName("fileList")
        self.files.currentRowChanged.connect(self._selection_changed)
        self.files.itemActivated.connect(lambda _item: self.open_current())

        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (
            ("tambah", self.tr("&Tambah…"), self.choose_files),
            ("buka", self.tr("B&uka"), self.open_current),
            ("ganti", self.tr("&Ganti foto…"), self.choose_replacement),
            ("hapus", self.tr("Hapu&s…"), self.remove_current),
        ):
            # A host whose own Alt keys already use these letters (the BAST editor) takes the buttons without.
            button = QPushButton(text if mnemonics else text.replace("&", ""), self)
            button.setObjectName(f"{key}Berkas")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, f=slot: f())
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        for key in ("tambah", "ganti", "hapus"):
            self.buttons[key].setVisible(self.can_write)
        self.buttons["ganti"].setVisible(self.can_write and aset_id is not None)
        self.hint = muted(QLabel(self), True)
        self.hint.setWordWrap(True)
        self.hint.setText(
            self.tr("PDF, JPG atau PNG; seret berkas ke sini untuk melampirkan.")
            if self.can_write
            else self.tr("Hanya lihat.")
        )

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.files, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        self.reload()

    # ------------------------------------------------------------------ showing
    def reload(self, select_id: int | None = None) -> None:
        try:
            self.files_info = self.ctx.query(
                attachments.list_for, aset_id=self.aset_id, dokumen_id=self.dokumen_id
            )
        except ServiceError as exc:
            dialogs.error(self, self.tr(TITLE), str(exc))
            self.files_info = []
        self.files.clear()
        for f in self.files_info:
            item = QListWidgetItem(
                f"{f.jenis_label} · {f.nama_berkas}\n{f.nama_asli} · {size_text(f.ukuran)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setToolTip(f"SHA-256 {f.sha256}")
            self.files.addItem(item)
            if f.id == select_id:
                self.files.setCurrentItem(item)
        if self.files.count() and self.files.currentRow() < 0:
            self.files.setCurrentRow(0)
        self._selection_changed()
        self._show_thumbnail()

    def _show_thumbnail(self) -> None:
        if self.aset_id is None:
            return
        photo = next((f for f in self.files_info if f.is_photo), None)
        self.thumbnail.clear()
        if photo is None:
            self.thumbnail.setText(self.tr("Belum ada foto"))
            return
        try:
            with self.ctx.read() as s:
                _info, data = attachments.open_bytes(s, self.ctx.actor, photo.id)
        except ServiceError:
            self.thumbnail.setText(self.tr("Foto rusak"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.thumbnail.setPixmap(
            pixmap.scaled(THUMB - 4, THUMB - 4, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
        )  # fmt: skip

    def current(self) -> FileInfo | None:
        row = self.files.currentRow()
        return self.files_info[row] if 0 <= row < len(self.files_info) else None

    def _selection_changed(self, *_args: object) -> None:
        f = self.current()
        self.buttons["buka"].setEnabled(f is not None)
        self.buttons["ganti"].setEnabled(f is not None and f.is_photo)
        self.buttons["hapus"].setEnabled(f is not None and f.removable)
        self.buttons["hapus"].setToolTip(
            ""
            if f is None or f.removable
            else self.tr("Berkas dokumen yang sudah final tidak dapat dihapus.")
        )

    def names(self) -> list[str]:
        """The stored names as listed (what a test reads)."""
        return [f.nama_berkas for f in self.files_info]

    # ------------------------------------------------------------------ acting
    def add_paths(self, paths: list[Path]) -> int:
        added, last = 0, None
        for path in paths:
            try:
                data = path.read_bytes()
                with self.ctx.transaction() as s:
                    last = attachments.add(
                        s, self.ctx.actor, aset_id=self.aset_id, dokumen_id=self.dokumen_id, data=data,
                        nama_asli=path.name,
                    ).id  # fmt: skip
                added += 1
            except (OSError, ServiceError) as exc:
                dialogs.error(self, self.tr("Berkas tidak dilampirkan"), f"{path.name}: {exc}")
        if added:
            self.reload(select_id=last)
            self.changed.emit()
        return added

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih berkas"), "", self.tr(FILE_FILTER))
        if names:
            self.add_paths([Path(n) for n in names])

    def replace_with(self, path: Path) -> bool:
        f = self.current()
        if f is None or not f.is_photo:
            return False
        try:
            data = path.read_bytes()
            with self.ctx.transaction() as s:
                attachments.replace_photo(s, self.ctx.actor, f.id, data, path.name)
        except (OSError, ServiceError) as exc:
            dialogs.error(self, self.tr("Foto tidak diganti"), f"{path.name}: {exc}")
            return False
        self.reload(select_id=f.id)
        self.changed.emit()
        return True

    def choose_replacement(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto pengganti"), "", self.tr(PHOTO_FILTER)
        )
        if name:
            self.replace_with(Path(name))

    def open_current(self) -> Path | None:
        """The file checked against its SHA-256, copied into the app's viewer folder (removed when the app
        quits) and opened by the system."""
        f = self.current()
        if f is None:
            return None
        try:
            with self.ctx.read() as s:
                info, data = attachments.open_bytes(s, self.ctx.actor, f.id)
            path = copy_for_viewer(info.nama_berkas, data)
        except (OSError, ServiceError) as exc:
            dialogs.error(self, self.tr("Berkas tidak dapat dibuka"), str(exc))
            return None
        if not self.opener(path):
            dialogs.error(
                self, self.tr("Berkas tidak dapat dibuka"),
                self.tr("Tidak ada program untuk membuka {0}. Salinannya ada di {1}.").format(f.nama_berkas, path),
            )  # fmt: skip
        return path

    def remove_current(self) -> bool:
        f = self.current()
        if f is None or not f.removable:
            return False
        question = self.tr("Hapus {0} ({1})?").format(f.nama_berkas, f.nama_asli or f.jenis_label)
        if not dialogs.confirm(self, self.tr(TITLE), question, yes=self.tr("Hapus"), danger=True):
            return False
        try:
            with self.ctx.transaction() as s:
                attachments.remove(s, self.ctx.actor, f.id)
        except ServiceError as exc:
            dialogs.error(self, self.tr(TITLE), str(exc))
            return False
        self.reload()
        self.changed.emit()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_write and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
