"""Where this workstation keeps its data: a local SQLite file or a shared PostgreSQL server."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import system
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Perm
from desktop.storage.config import PostgresSettings
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import combo, line_edit, select_data
from desktop.ui.settings.error_form import ErrorForm
from desktop.ui.tasks import run_task
from desktop.ui.widgets.messages import muted

SSL_MODES = (
    ("prefer", "prefer — pakai enkripsi bila server mendukung (bawaan)"),
    ("require", "require — wajib terenkripsi"),
    ("verify-ca", "verify-ca — wajib terenkripsi, periksa sertifikat server"),
    ("verify-full", "verify-full — seperti verify-ca, dan nama server harus cocok"),
    ("disable", "disable — tanpa enkripsi (hanya di jaringan kantor yang tertutup)"),
)


class DatabasePage(common.SettingsPage):
    """Needs ``Perm.MANAGE_SETTINGS``. ``restart_required`` fires after the connection settings change."""

    restart_required = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databasePage")
        self.ctx = ctx
        self.task = None
        self.saved_mode: str | None = None  # "postgresql" or "sqlite" once changed in this session

        settings = ctx.app.settings
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.mode_label.setWordWrap(True)
        self.mode_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        explain = QLabel(
            self.tr(
                "<p><b>Berkas lokal (SQLite)</b> — pilihan bawaan bila aplikasi hanya dipakai di "
                "<b>satu komputer</b>. Tidak perlu server; data ada di satu berkas di komputer ini. "
                "Jangan letakkan berkas itu di folder jaringan bersama.</p>"
                "<p><b>Server PostgreSQL</b> — untuk <b>beberapa komputer</b> (mis. meja agenda surat, "
                "buku tamu dan pengurus barang) yang memakai data yang sama. Servernya disiapkan oleh "
                "pengelola TI; isi alamatnya di bawah pada setiap komputer.</p>"
                "<p>Kata sandi server disimpan di brankas kata sandi sistem operasi (keyring), "
                "tidak di berkas pengaturan. Perubahan berlaku setelah aplikasi dimulai ulang. "
                "Data tidak ikut pindah: untuk memindahkan data, buat cadangan lalu pulihkan di tempat yang baru.</p>"
            )
        )
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.RichText)

        # --- PostgreSQL form
        self.form = ErrorForm()
        self.host = line_edit(200, self.tr("mis. 192.168.1.10 atau server-sekretariat"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.dbname = line_edit(63)
        self.user = line_edit(63)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("diberikan oleh pengelola TI"))
        self.sslmode = combo([(self.tr(label), key) for key, label in SSL_MODES])
        self.sslmode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sslmode.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for widget in (self.host, self.dbname, self.user, self.password):
            widget.setMaximumWidth(420)
        self.port.setMaximumWidth(120)
        f = self.form
        f.add_field("host", self.tr("Alamat &server:"), self.host)
        f.add_field("port", self.tr("P&ort:"), self.port)
        f.add_field("dbname", self.tr("&Nama basis data:"), self.dbname)
        f.add_field("user", self.tr("&Pengguna:"), self.user)
        f.add_field("password", self.tr("&Kata sandi:"), self.password)
        f.add_field("sslmode", self.tr("&Enkripsi (sslmode):"), self.sslmode)
        self.host.setText(settings.postgres.host)
        self.port.setValue(settings.postgres.port)
        self.dbname.setText(settings.postgres.dbname)
        self.user.setText(settings.postgres.user)
        select_data(self.sslmode, settings.postgres.sslmode)

        self.test_button = QPushButton(self.tr("&Uji && simpan"))
        self.test_button.setDefault(True)
        self.test_button.clicked.connect(self.test_and_save)
        self.password.returnPressed.connect(self.test_and_save)
        # The button sits in the form's last row: the page must fit a 1024×600 screen without scrolling.
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.form.addRow("", test_row)
        pg_box = QGroupBox(self.tr("Server PostgreSQL"))
        pg_layout = QVBoxLayout(pg_box)
        pg_layout.addLayout(self.form)

        self.sqlite_button = QPushButton(self.tr("Kembali ke berkas &lokal"))
        self.sqlite_button.clicked.connect(self.switch_to_sqlite)
        self.sqlite_row = QWidget()
        sqlite_row = QHBoxLayout(self.sqlite_row)
        sqlite_row.setContentsMargins(0, 0, 0, 0)
        sqlite_row.addWidget(self.sqlite_button)
        self.sqlite_note = muted(QLabel())
        sqlite_row.addWidget(self.sqlite_note, 1)

        self.status = QLabel()
        self.status.setObjectName("databaseStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(common.page_header(self.tr("Basis data")))
        layout.addWidget(self.mode_label)
        layout.addWidget(explain)
        layout.addWidget(pg_box)
        layout.addWidget(self.sqlite_row)
        layout.addWidget(self.status)
        layout.addStretch(1)

        if not ctx.actor.can(Perm.MANAGE_SETTINGS):
            self.form.set_read_only(True)
            self.test_button.hide()
            self.sqlite_button.hide()
        self.refresh()

    def refresh(self) -> None:
        self.loaded = True
        settings = self.ctx.app.settings
        db = self.ctx.app.db
        if db.sqlite_path is not None:
            mode, where = self.tr("Berkas lokal (SQLite)"), str(db.sqlite_path)
        else:
            url = db.engine.url
            mode, where = self.tr("Server PostgreSQL"), f"{url.host}:{url.port}/{url.database}"
        text = self.tr("<b>Sekarang dipakai:</b> %1 — %2").replace("%1", mode)
        text = text.replace("%2", html.escape(where))
        if self.saved_mode is not None:
            text += "<br>" + self.tr("<b>Setelah dimulai ulang:</b> %1").replace(
                "%1",
                self.tr("Server PostgreSQL") if self.saved_mode == "postgresql" else self.tr("Berkas lokal"),
            )
        self.mode_label.setText(text)
        on_server = settings.is_postgres or db.sqlite_path is None
        can_switch = self.saved_mode == "postgresql" or (on_server and self.saved_mode is None)
        self.sqlite_button.setEnabled(can_switch)
        if can_switch:
            self.sqlite_note.setText(self.tr("Memakai berkas SQLite di folder data komputer ini."))
        else:
            self.sqlite_note.setText(self.tr("Komputer ini sudah memakai berkas lokal."))
        # Already on the local file, the row only repeats "Sekarang dipakai": left out, so the page fits a
        # 1024×600 screen without scrolling.
        self.sqlite_row.setVisible(can_switch)

    def postgres_settings(self) -> PostgresSettings:
        return PostgresSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            dbname=self.dbname.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData()),
        )

    def _validate(self) -> None:
        for name, message in (
            ("host", self.tr("Alamat server wajib diisi.")),
            ("dbname", self.tr("Nama basis data wajib diisi.")),
            ("user", self.tr("Nama pengguna basis data wajib diisi.")),
            ("password", self.tr("Kata sandi wajib diisi.")),
        ):
            widget = self.form.fields[name]
            if not widget.text().strip():
                raise ValidationError(message, name)

    def test_and_save(self) -> None:
        if not self.ctx.actor.can(Perm.MANAGE_SETTINGS) or (self.task is not None and self.task.running):
            return
        self.form.clear_errors()
        try:
            self._validate()
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        pg = self.postgres_settings()
        password = self.password.text()
        data_dir = self.ctx.app.data_dir
        self.status.setText(self.tr("Menghubungi %1…").replace("%1", pg.describe()))
        self.test_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Menguji koneksi ke server"),
            lambda _progress: system.use_postgres(data_dir, pg, password),
            on_done=lambda _result: self._saved("postgresql", pg),
            on_error=self._failed,
            cancellable=False,
        )

    def _saved(self, mode: str, pg: PostgresSettings | None = None) -> None:
        self.task = None
        self.test_button.setEnabled(True)
        self.saved_mode = mode
        self.password.clear()
        if mode == "postgresql" and pg is not None:
            message = self.tr("Koneksi ke %1 berhasil dan disimpan.").replace("%1", pg.describe())
        else:
            message = self.tr("Komputer ini akan memakai berkas lokal.")
        message += " " + self.tr("Mulai ulang aplikasi agar perubahan berlaku.")
        self.status.setText(message)
        self.refresh()
        self.restart_required.emit()
        common.inform(self, self.tr("Basis data"), message)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.test_button.setEnabled(True)
        message = common.error_text(exc)
        self.status.setText(message)
        common.warn(
            self,
            self.tr("Basis data"),
            self.tr("Pengaturan tidak disimpan; komputer ini tetap memakai basis data yang lama."),
            message,
        )

    def switch_to_sqlite(self) -> None:
        if not self.ctx.actor.can(Perm.MANAGE_SETTINGS):
            return
        if not dialogs.confirm(
            self,
            self.tr("Kembali ke berkas lokal"),
            self.tr("Pakai berkas lokal (SQLite) di komputer ini?"),
            yes=self.tr("&Pakai berkas lokal"),
            informative=self.tr(
                "Data di server tidak ikut disalin ke komputer ini. Bila perlu, buat cadangan dulu di halaman "
                "Cadangan, lalu pulihkan setelah aplikasi dimulai ulang."
            ),
            danger=True,
        ):
            return
        try:
            system.use_sqlite(self.ctx.app.data_dir)
        except OSError as exc:
            self._failed(exc)
            return
        self._saved("sqlite")
