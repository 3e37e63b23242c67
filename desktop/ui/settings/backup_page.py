"""Backups: where the data lives, the backup list, back up now, save a copy elsewhere, restore, check."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import OFFICE_ZONES, format_datetime
from desktop.services import system
from desktop.services.common import office
from desktop.services.common.permissions import Perm
from desktop.storage.backup import BACKUP_SUFFIX, BackupInfo, Checksum
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.tasks import run_task
from desktop.ui.widgets.flow import FlowRow

REASON_LABELS = {
    "harian": "Harian (otomatis)",
    "manual": "Manual",
    "sebelum-migrasi": "Sebelum pembaruan aplikasi",
    "sebelum-pulihkan": "Sebelum pemulihan",
}
# Listing does not read the backups (that can be hundreds of MB); the restore verifies the one it restores.
CHECKSUM_LABELS = {
    Checksum.PRESENT: "Ada",
    Checksum.VERIFIED: "Cocok",
    Checksum.MISSING: "Tidak ada",
    Checksum.MISMATCH: "TIDAK COCOK",
}
BACKUP_FILTER = "Cadangan Sekretariat (*.sekretariat-cadangan.db *.db);;Semua berkas (*)"
FILES_SHOWN = 5  # damaged files named in the message; the rest counted (the CLI `check` lists them all)


def format_size(size: int) -> str:
    """``850 KB``, ``12,4 MB`` (Indonesian decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def backup_time(created: datetime, zone: str) -> str:
    """When a backup was made, in office time with its zone written: ``10 Maret 2026 09.00 WITA``.

    A backup's name carries this computer's clock without a zone, and many office PCs and servers keep that
    clock in UTC; read it as this computer's local time and show it in the office's zone, as everywhere else.
    """
    if zone.strip().upper() not in OFFICE_ZONES:
        zone = "WIB"  # a profile not filled in yet, as clock.now does
    return format_datetime(created.astimezone() if created.tzinfo is None else created, zone)


def damaged_files_text(names: Sequence[str], shown: int = FILES_SHOWN) -> str:
    """The first ``shown`` damaged files, one a line, then ``… dan N lainnya``."""
    lines = [f"• {name}" for name in names[:shown]]
    if len(names) > shown:
        lines.append(f"… dan {len(names) - shown} lainnya")
    return "\n".join(lines)


class RestoreConfirmDialog(QDialog):
    """A deliberate confirmation: the restore button stays disabled until the box is ticked."""

    def __init__(self, source: Path, parent=None, warning: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pulihkan data dari cadangan"))
        text = QLabel(
            self.tr(
                "<p><b>Semua data di aplikasi akan diganti dengan isi cadangan ini:</b><br>%1</p>"
                "<p>Apa pun yang dicatat sesudah cadangan itu dibuat — surat, tamu, barang, pegawai — "
                "tidak ada lagi sesudah pemulihan.</p>"
                "<p>Sebagai pengaman, data saat ini dicadangkan dulu (jenis “Sebelum pemulihan”) "
                "sehingga masih bisa dikembalikan.</p>"
                "<p>Sesudah pemulihan, aplikasi harus <b>dimulai ulang</b>. Bila beberapa komputer memakai "
                "server yang sama, minta semua pengguna lain keluar dari aplikasi lebih dulu.</p>"
            ).replace("%1", html.escape(str(source)))
        )
        text.setWordWrap(True)
        self.warning = QLabel(self.tr("<b>Peringatan:</b> %1").replace("%1", html.escape(warning or "")))
        self.warning.setObjectName("restoreWarning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(warning))
        self.understood = QCheckBox(self.tr("Saya &mengerti bahwa data saat ini akan diganti"))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Pulihkan sekarang"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.restore_button.setAutoDefault(False)
        cancel = buttons.addButton(self.tr("Kembali"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.understood.toggled.connect(self.restore_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class BackupPage(common.SettingsPage):
    """Needs ``Perm.MANAGE_BACKUPS``. ``restart_required`` fires after a successful restore."""

    restart_required = Signal()
    COLUMNS = ("Tanggal", "Jenis", "Ukuran", "Berkas", "Sidik SHA-256")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.backups: list[BackupInfo] = []
        self.task = None  # the running TaskHandle, if any
        self.last_result: object = None
        self.restored = False

        self.location_label = QLabel(ctx.app.location)
        self.location_label.setObjectName("locationLabel")
        self.folder_label = QLabel(str(ctx.app.backup_dir))
        self.folder_label.setObjectName("backupFolderLabel")
        for label in (self.location_label, self.folder_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
            )
        self.open_folder_button = QPushButton(self.tr("Buka &folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        where = QGridLayout()
        where.addWidget(QLabel(self.tr("Data tersimpan di:")), 0, 0)
        where.addWidget(self.location_label, 0, 1, 1, 2)
        where.addWidget(QLabel(self.tr("Folder cadangan:")), 1, 0)
        where.addWidget(self.folder_label, 1, 1)
        where.addWidget(self.open_folder_button, 1, 2)
        where.setColumnStretch(1, 1)

        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=3)
        self.table.setObjectName("backupsTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.backup_button = QPushButton(self.tr("&Cadangkan sekarang"))
        self.backup_button.clicked.connect(self.backup_now)
        self.save_to_button = QPushButton(self.tr("&Simpan cadangan ke…"))
        self.save_to_button.setToolTip(
            self.tr("Tulis cadangan ke tempat lain, mis. flashdisk atau folder jaringan")
        )
        self.save_to_button.clicked.connect(self.choose_save_target)
        self.restore_selected_button = QPushButton(self.tr("Pulihkan yang &dipilih…"))
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("&Pulihkan dari berkas…"))
        self.restore_file_button.clicked.connect(self.choose_restore_source)
        self.check_button = QPushButton(self.tr("Periksa &basis data dan berkas"))
        self.check_button.setToolTip(
            self.tr(
                "Periksa keutuhan basis data dan setiap berkas tersimpan (pindaian surat, foto dan dokumen barang)"
            )
        )
        self.check_button.clicked.connect(self.check_database)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)

        # Five buttons are wider than a 1024 px screen leaves at a large font: they wrap onto a second line.
        buttons = FlowRow()
        for button in (
            self.backup_button,
            self.save_to_button,
            self.restore_selected_button,
            self.restore_file_button,
            self.check_button,
        ):
            buttons.add(button)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Cadangan"),
                self.tr(
                    "Aplikasi mencadangkan data otomatis setiap hari dan sebelum setiap pembaruan. "
                    "Simpan juga salinan secara berkala di tempat lain (flashdisk, komputer lain) agar data "
                    "selamat bila komputer ini rusak atau hilang."
                ),
            )
        )
        layout.addLayout(where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.loaded = True
        if not self.ctx.actor.can(Perm.MANAGE_BACKUPS):
            return
        self.location_label.setText(self.ctx.app.location)
        self.backups = system.list_backups(self.ctx.app, self.ctx.actor)
        with self.ctx.read() as s:
            zone = office.get_profile(s).zona_waktu or "WIB"
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            common.fill_row(
                self.table,
                row,
                [
                    backup_time(info.created, zone),
                    self.tr(REASON_LABELS.get(info.reason, info.reason)),
                    format_size(info.size),
                    info.path.name,
                    self.tr(CHECKSUM_LABELS[info.checksum]),
                ],
                str(info.path),
            )
            self.table.item(row, 2).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.table.item(row, 3).setToolTip(str(info.path))
        common.fit_columns(self.table)
        if not self.backups:
            self.status.setText(self.tr("Belum ada cadangan di folder ini."))
        self._update_buttons()

    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def _update_buttons(self) -> None:
        idle = not self._busy() and not self.restored
        for button in (self.backup_button, self.save_to_button, self.restore_file_button, self.check_button):
            button.setEnabled(idle)
        self.restore_selected_button.setEnabled(idle and common.selected_data(self.table) is not None)

    def open_folder(self) -> None:
        folder = self.ctx.app.backup_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ------------------------------------------------------------------ backup
    def backup_now(self) -> None:
        self._backup(None)

    def choose_save_target(self) -> None:
        name = f"sekretariat-{clock.local_now():%Y%m%d-%H%M}{BACKUP_SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan cadangan ke"), str(Path.home() / name), self.tr(BACKUP_FILTER)
        )
        if path:
            self.save_backup_to(Path(path))

    def save_backup_to(self, target: Path) -> None:
        self._backup(Path(target))

    def _backup(self, target: Path | None) -> None:
        if self._busy() or self.restored:
            return
        ctx, actor = self.ctx.app, self.ctx.actor

        def work(progress):  # runs on a worker thread: no widgets here
            def report(done: int, total: int) -> None:
                progress.set(done, total)
                progress.check()

            return system.backup_now(ctx, actor, target, report)

        self.status.setText(self.tr("Mencadangkan…"))
        self.task = run_task(
            self,
            self.tr("Mencadangkan data"),
            work,
            on_done=self._backup_done,
            on_error=self._task_failed,
            on_cancel=lambda: self._finish(self.tr("Pencadangan dibatalkan; tidak ada berkas yang ditulis.")),
        )
        self._update_buttons()

    def _backup_done(self, path: Path) -> None:
        self.last_result = path
        self.refresh()
        common.select_row_where(self.table, lambda d: d == str(path))
        self._finish(self.tr("Cadangan tersimpan: %1").replace("%1", str(path)))

    def _task_failed(self, exc: BaseException) -> None:
        self.last_result = exc
        self._finish(common.error_text(exc))
        common.warn(self, self.tr("Cadangan"), common.error_text(exc))

    def _finish(self, message: str) -> None:
        self.task = None
        self.status.setText(message)
        self._update_buttons()

    # ------------------------------------------------------------------ restore
    def restore_selected(self) -> None:
        selected = common.selected_data(self.table)
        if selected:
            self.restore_from(Path(str(selected)))

    def choose_restore_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas cadangan"), str(self.ctx.app.backup_dir), self.tr(BACKUP_FILTER)
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, source: Path) -> None:
        if self._busy() or self.restored:
            return
        if not self.exec_dialog(RestoreConfirmDialog(source, self, system.restore_warning(source))):
            return
        ctx, actor = self.ctx.app, self.ctx.actor

        def work(progress):  # worker thread
            return system.restore(ctx, actor, source, lambda done, total: progress.set(done, total))

        self.status.setText(self.tr("Memulihkan…"))
        # Not cancellable: stopping half-way would leave nothing gained, and the data is already safe.
        self.task = run_task(
            self,
            self.tr("Memulihkan data dari cadangan"),
            work,
            on_done=self._restore_done,
            on_error=self._task_failed,
            cancellable=False,
        )
        self._update_buttons()

    def _restore_done(self, safety: Path) -> None:
        self.last_result = safety
        self.restored = True
        self._finish(self.tr("Data sudah dipulihkan. Mulai ulang aplikasi sebelum melanjutkan pekerjaan."))
        self.restart_required.emit()
        common.inform(
            self,
            self.tr("Pemulihan selesai"),
            self.tr("Data sudah dipulihkan. Aplikasi harus dimulai ulang sekarang."),
            self.tr("Data sebelum pemulihan tersimpan sebagai cadangan: %1").replace("%1", safety.name),
        )

    # ------------------------------------------------------------------ integrity check
    def check_database(self) -> None:
        """The database, then every stored file of every module (reading them all can take minutes)."""
        if self._busy():
            return
        ctx, actor = self.ctx.app, self.ctx.actor
        db_text, files_text = self.tr("Memeriksa basis data…"), self.tr("Memeriksa berkas tersimpan…")

        def work(progress):  # worker thread: no widgets here
            progress.set(0, 0, db_text)  # total unknown: a busy bar while the engine checks the database
            return system.check(
                ctx, actor=actor, progress=lambda done, total: progress.set(done, total, files_text)
            )

        self.status.setText(self.tr("Memeriksa basis data dan berkas…"))
        self.task = run_task(
            self,
            self.tr("Memeriksa basis data dan berkas"),
            work,
            on_done=self._check_done,
            on_error=self._task_failed,
            cancellable=False,
        )
        self._update_buttons()

    def _check_done(self, report: system.CheckReport) -> None:
        self.last_result = report
        title = self.tr("Periksa basis data dan berkas")
        details = self.tr("Lokasi: %1\nKeutuhan: %2\nSkema: %3").replace("%1", report.location)
        details = details.replace("%2", report.integrity[:500]).replace("%3", report.schema_text)
        if report.ok:
            self._finish(self.tr("Basis data dan semua berkas baik."))
            common.inform(
                self, title, self.tr("Basis data dan semua berkas tersimpan dalam keadaan baik."), details
            )
        elif report.integrity == "ok" and not report.problems and report.files:
            count = len(report.files)
            self._finish(self.tr("%1 berkas rusak atau hilang.").replace("%1", str(count)))
            common.warn(
                self,
                title,
                self.tr("Basis data baik, tetapi %1 berkas tersimpan rusak atau hilang:\n%2")
                .replace("%1", str(count))
                .replace("%2", damaged_files_text(report.files)),
                self.tr(
                    "Isinya kosong atau tidak cocok lagi dengan sidik SHA-256-nya. Pindai atau lampirkan ulang "
                    "berkas aslinya; bila tidak ada, ambil dari cadangan yang dibuat sebelum berkas itu rusak. "
                    "Daftar lengkapnya: perintah “sekretariat check”."
                ),
            )
        else:
            self._finish(self.tr("Pemeriksaan menemukan masalah."))
            if report.files_error:
                details += "\n" + report.files_error
            common.warn(
                self,
                title,
                self.tr(
                    "Pemeriksaan menemukan masalah. Buat cadangan ke tempat lain, lalu hubungi pengelola TI; "
                    "bila data rusak, pulihkan dari cadangan terakhir yang baik."
                ),
                details,
            )
