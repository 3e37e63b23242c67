"""One visit of the buku tamu in full: the guest, the aim, each step's time; the NIK masked unless asked for."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import register_view
from desktop.services.guests.register_view import VisitDetail
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import short_datetime
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form


class VisitDetailDialog(QDialog):
    """Read-only. Opening it was recorded as a view of guest data by ``register_view.view_visit`` (R31); the
    full NIK appears only on "Tampilkan NIK", for the desk (WRITE_GUESTS), and that is audited too."""

    def __init__(self, ctx: UiContext, detail: VisitDetail, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.zone = zone
        v = detail.visit
        self.setObjectName("visitDetailDialog")
        self.setWindowTitle(self.tr("Kunjungan {0}").format(v.tiket or v.kode_registrasi or v.id))
        content = QWidget(self)
        form = QFormLayout(content)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, label: str, text: str) -> None:
            value = QLabel(text or "—", content)
            value.setObjectName(f"detail:{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            form.addRow(label, value)

        row("tanggal", self.tr("Tanggal"), format_date(v.tanggal))
        row("status", self.tr("Status"), v.status_label)
        row("tiket", self.tr("Tiket"), " · ".join(x for x in (v.tiket, v.layanan) if x))
        if v.kode_registrasi:
            row("kode", self.tr("Kode registrasi"), v.kode_registrasi)
        row("nama", self.tr("Nama"), v.nama)
        if detail.anonim:
            row("retensi", self.tr("Retensi"), self.tr("Data pribadi sudah dihapus (masa retensi lewat)."))
        self.nik_value = QLabel(v.nik_tersamar or "—", content)
        self.nik_value.setObjectName("detail:nik")
        self.nik_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.nik_button = QPushButton(self.tr("Tampilkan &NIK"), content)
        self.nik_button.setObjectName("showNik")
        self.nik_button.setToolTip(self.tr("NIK lengkap ditampilkan dan dicatat di log audit"))
        self.nik_button.setAutoDefault(False)
        self.nik_button.clicked.connect(self.show_nik)
        self.nik_button.setVisible(detail.has_nik and ctx.actor.can(Perm.WRITE_GUESTS))
        nik_row = QHBoxLayout()
        nik_row.setContentsMargins(0, 0, 0, 0)
        nik_row.addWidget(self.nik_value)
        nik_row.addWidget(self.nik_button)
        nik_row.addStretch(1)
        form.addRow(self.tr("NIK"), nik_row)
        row("jenis_kelamin", self.tr("Jenis kelamin"), detail.jenis_kelamin)
        row("instansi", self.tr("Instansi"), v.instansi)
        row("alamat", self.tr("Alamat"), v.alamat)
        row("no_hp", self.tr("No. HP"), v.no_hp)
        row("jumlah", self.tr("Jumlah orang"), str(v.jumlah_orang))
        row("keperluan", self.tr("Keperluan"), v.keperluan)
        row("tujuan", self.tr("Tujuan"), v.tujuan)
        row("bertemu", self.tr("Bertemu"), detail.bertemu)
        row("keterangan", self.tr("Keterangan"), detail.keterangan)
        card = v.kartu
        if card:
            card += (
                self.tr(" — kembali {0}").format(self._when(detail.kartu_kembali_at))
                if v.kartu_kembali
                else ""
            )
            if not v.kartu_kembali and v.pulang_at is not None:
                card += self.tr(" — belum kembali")
        row("kartu", self.tr("Kartu tamu"), card)
        if detail.identitas_jenis:
            identity = " ".join(x for x in (detail.identitas_jenis, detail.identitas_nomor_tersamar) if x)
            if detail.identitas_dititip:
                identity += (
                    self.tr(" — dititipkan, kembali {0}").format(self._when(detail.identitas_kembali_at))
                    if detail.identitas_kembali_at
                    else self.tr(" — dititipkan, belum kembali")
                )
            row("identitas", self.tr("Identitas"), identity)
        if v.loket:
            row("loket", self.tr("Loket"), v.loket)
        for key, label, moment in (
            ("datang", self.tr("Datang"), v.datang_at),
            ("dipanggil", self.tr("Dipanggil"), v.dipanggil_at),
            ("dilayani", self.tr("Dilayani"), v.dilayani_at),
            ("selesai", self.tr("Selesai"), v.selesai_at),
            ("pulang", self.tr("Pulang"), v.pulang_at),
        ):
            row(key, label, self._when(moment))
        officers = " / ".join(x for x in (detail.petugas_datang, detail.petugas_pulang) if x)
        row("petugas", self.tr("Petugas (datang / pulang)"), officers)
        if detail.persetujuan:
            row(
                "persetujuan",
                self.tr("Persetujuan"),
                {"ya": "Diterima", "tidak": "Ditolak"}[detail.persetujuan],
            )
        if detail.alasan_batal:
            row("alasan", self.tr("Alasan batal"), detail.alasan_batal)

        note = muted(QLabel(self.tr("Membuka data tamu ini tercatat di log audit."), self), smaller=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_form(content, self), 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 640)

    def _when(self, moment: datetime | None) -> str:
        return short_datetime(moment, self.zone) if moment is not None else ""

    def show_nik(self) -> None:
        try:
            nik = self.ctx.call(register_view.reveal_nik, self.detail.visit.id)
        except ServiceError as exc:
            dialogs.error(self, self.windowTitle(), str(exc))
            return
        self.nik_value.setText(nik)
        self.nik_button.hide()


def open_visit(ctx: UiContext, visit_id: int, zone: str, parent: QWidget | None) -> VisitDetailDialog | None:
    """Read the visit (audited as a view) and show it; an error is said, not raised."""
    try:
        detail = ctx.call(register_view.view_visit, visit_id)
    except ServiceError as exc:
        dialogs.error(parent, QCoreApplication.translate("VisitDetailDialog", "Kunjungan"), str(exc))
        return None
    dialog = VisitDetailDialog(ctx, detail, zone, parent)
    dialog.open()
    return dialog
