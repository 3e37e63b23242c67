"""The walk-in form of the front desk: nama, keperluan, tujuan, Enter — a guest checked in within 30 s (R1)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.guests.nik import gender_from_nik, parse_nik
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.guests import hosts, reference, visits
from desktop.services.guests.settings import GuestSettings
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests.guest_lookup import GuestLookup
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import is_enter, sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.tables import heading, take_key

SAVE_KEYS = (sequence("Ctrl+S"), sequence("Ctrl+Return"), sequence("Ctrl+Enter"))
CLEAR_KEY = sequence("Esc")
GENDERS = (("", "—"), ("L", "Laki-laki"), ("P", "Perempuan"))
HOST_ROLE = Qt.ItemDataRole.UserRole


def _combo(parent: QWidget, name: str, *, editable: bool = False) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    if editable:
        box.setEditable(True)
        # Typing a keperluan that is not in the list must not add it to the list for the next guest.
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # A long pegawai name with gelar and unit must not make the form wider than a 1024 px screen's half.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(16)
    return box


def find_host(host_list: Sequence[hosts.Host], text: str) -> hosts.Host | None:
    """The unit or pegawai the Tujuan text names: its exact label, else the one entry (a unit before its
    people) holding every typed word. None when nothing or several fit. Public: the pre-registration dialog
    resolves its Tujuan picker the same way."""
    wanted = " ".join(text.casefold().split())
    if not wanted:
        return None
    for h in host_list:
        if h.label.casefold() == wanted:
            return h
    words = wanted.split()
    found = [h for h in host_list if all(w in h.label.casefold() for w in words)]
    units = [h for h in found if h.is_unit]
    if len(units) == 1:
        return units[0]
    return found[0] if len(found) == 1 else None


class WalkInForm(QWidget):
    """Required fields first, the optional ones below. Enter moves on and, on Tujuan, saves; Ctrl+S or
    Ctrl+Enter saves from anywhere; Esc clears (asking first when something was typed)."""

    saved = Signal(object)  # visits.VisitView of the guest just checked in

    def __init__(self, ctx: UiContext, settings: GuestSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setObjectName("walkInForm")
        with ctx.read() as s:
            self.zone = visits.zone(s)
        self.tamu_id: int | None = None
        self._picked_name = ""
        self._layanan_chosen = False  # the clerk picked a queue: the keperluan no longer decides it
        self._saving = False
        self.host_list: list[hosts.Host] = []

        # --- required
        self.nama = QLineEdit(self)
        self.nama.setObjectName("nama")
        self.nama.setMaxLength(200)
        self.nama.setPlaceholderText(self.tr("nama, no. HP atau NIK tamu lama; ↓ memilih"))
        self.lookup = GuestLookup(ctx, self.nama)
        self.lookup.picked.connect(self.apply_guest)
        self.nama.textEdited.connect(self._nama_edited)
        self.returning = QLabel(self)
        self.returning.setObjectName("returningGuest")
        self.returning.setWordWrap(True)
        self.returning.hide()

        self.keperluan = _combo(self, "keperluan", editable=True)
        self.keperluan.lineEdit().setPlaceholderText(self.tr("ketik atau pilih"))
        self.keperluan.lineEdit().setMaxLength(120)
        self.keperluan.editTextChanged.connect(self._keperluan_changed)

        self.tujuan = _combo(self, "tujuan", editable=True)
        self.tujuan.lineEdit().setPlaceholderText(self.tr("unit kerja atau pegawai yang dituju"))
        tujuan_completer = QCompleter(self.tujuan.model(), self)
        tujuan_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tujuan_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        tujuan_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        tujuan_completer.setMaxVisibleItems(10)
        self.tujuan.setCompleter(tujuan_completer)

        # --- optional
        self.instansi = QLineEdit(self)
        self.instansi.setObjectName("instansi")
        self.instansi.setMaxLength(200)
        self.no_hp = QLineEdit(self)
        self.no_hp.setObjectName("no_hp")
        self.no_hp.setMaxLength(30)
        self.jenis_kelamin = _combo(self, "jenis_kelamin")
        for value, label in GENDERS:
            self.jenis_kelamin.addItem(label, value)
        self.jumlah = QSpinBox(self)
        self.jumlah.setObjectName("jumlah_orang")
        self.jumlah.setRange(1, visits.MAX_GROUP)
        self.jumlah.setSuffix(self.tr(" orang"))
        self.alamat = QLineEdit(self)
        self.alamat.setObjectName("alamat")
        self.alamat.setMaxLength(400)
        self.nik = QLineEdit(self)
        self.nik.setObjectName("nik")
        self.nik.setMaxLength(24)
        self.nik.setPlaceholderText(self.tr("16 angka; tidak wajib"))
        self.nik.textChanged.connect(self._nik_changed)
        self.nik_info = QLabel(self)
        self.nik_info.setObjectName("nikInfo")
        self.nik_info.setWordWrap(True)
        self.nik_info.hide()
        self.identitas_jenis = _combo(self, "identitas_jenis")
        for key, label in visits.IDENTITY_KINDS.items():
            self.identitas_jenis.addItem(label, key)
        self.identitas_nomor = QLineEdit(self)
        self.identitas_nomor.setObjectName("identitas_nomor")
        self.identitas_nomor.setMaxLength(40)
        self.identitas_nomor.setPlaceholderText(self.tr("nomor kartu (tidak wajib)"))
        self.titip = QCheckBox(self.tr("Kartu identitas dititipkan"), self)
        self.titip.setObjectName("identitas_dititip")
        self.titip.setVisible(settings.titip_identitas)
        self.layanan = _combo(self, "layanan")
        self.layanan.activated.connect(lambda _i: setattr(self, "_layanan_chosen", True))
        self.kartu = QLineEdit(self)
        self.kartu.setObjectName("kartu")
        self.kartu.setMaxLength(20)
        self.kartu.setPlaceholderText(self.tr("kosong: kartu bebas berikutnya"))
        for box in (self.jenis_kelamin, self.identitas_jenis, self.layanan):
            box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        # --- buttons and the status line
        self.save_button = QPushButton(self.tr("Simpan && beri tiket"), self)
        self.save_button.setObjectName("saveWalkIn")
        self.save_button.setToolTip(
            self.tr("Catat tamu, beri nomor antrian dan kartu (Enter di Tujuan, Ctrl+S)")
        )
        self.save_button.clicked.connect(lambda: self.save())
        self.clear_button = QPushButton(self.tr("Kosongkan"), self)
        self.clear_button.setToolTip(self.tr("Kosongkan formulir (Esc)"))
        self.clear_button.clicked.connect(self.clear_with_confirmation)
        for button in (self.save_button, self.clear_button):
            button.setAutoDefault(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("walkInStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        # --- layout
        form = form_layout()
        self.rows = FormRows(self, form)
        self.rows.add(self.tr("&Nama"), "nama", self.nama, extra=[self.returning])
        self.rows.add(self.tr("&Keperluan"), "keperluan", self.keperluan)
        self.rows.add(self.tr("&Tujuan"), "tujuan", self.tujuan)
        optional = muted(QLabel(self.tr("Tidak wajib:"), self), smaller=True)
        form.addRow("", optional)
        self.rows.add(self.tr("&Instansi/asal"), "instansi", self.instansi)
        self.rows.add(self.tr("No. &HP"), "no_hp", self.no_hp)
        jumlah_label = QLabel(self.tr("&Jumlah"), self)
        jumlah_label.setBuddy(self.jumlah)
        self.rows.add(
            self.tr("Jenis kela&min"),
            "jenis_kelamin",
            hbox(self.jenis_kelamin, 0, jumlah_label, self.jumlah, 1),
            also=["jumlah_orang"],
        )
        self.rows.fields["jumlah_orang"] = self.jumlah
        self.rows.add(self.tr("&Alamat"), "alamat", self.alamat)
        self.rows.add(self.tr("NI&K"), "nik", self.nik, extra=[self.nik_info])
        self.rows.add(
            self.tr("I&dentitas"),
            "identitas_jenis",
            hbox(self.identitas_jenis, (self.identitas_nomor, 1)),
            extra=[self.titip],
            also=["identitas_nomor"],
        )
        self.rows.fields["identitas_nomor"] = self.identitas_nomor
        kartu_label = QLabel(self.tr("Ka&rtu"), self)
        kartu_label.setBuddy(self.kartu)
        self.rows.add(
            self.tr("&Layanan"),
            "layanan",
            hbox(self.layanan, 0, kartu_label, (self.kartu, 1)),
            also=["kartu"],
        )
        self.rows.fields["kartu"] = self.kartu
        self.rows.require("nama", self.tr("Nama tamu wajib diisi."))
        self.rows.clear_on_edit()
        for name in ("keperluan", "tujuan"):
            combo = self.rows.fields[name]
            assert isinstance(combo, QComboBox)
            combo.editTextChanged.connect(lambda _t, n=name: self.rows.edited(n))

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        title = QHBoxLayout()
        title.addWidget(heading(self.tr("Tamu datang"), self))
        title.addSpacing(8)
        title.addWidget(
            muted(
                QLabel(self.tr("Enter: isian berikutnya · Ctrl+S simpan · Esc kosongkan"), self), smaller=True
            ),
            0,
            Qt.AlignmentFlag.AlignBottom,
        )
        title.addStretch(1)
        layout.addLayout(title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        # --- keyboard: Enter walks the chain, Tab the same order
        self.chain: list[QWidget] = [
            self.nama,
            self.keperluan,
            self.tujuan,
            self.instansi,
            self.no_hp,
            self.jenis_kelamin,
            self.jumlah,
            self.alamat,
            self.nik,
            self.identitas_jenis,
            self.identitas_nomor,
            self.titip,
            self.layanan,
            self.kartu,
        ]
        for first, second in zip(self.chain, [*self.chain[1:], self.save_button], strict=True):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.save_button, self.clear_button)
        for widget in [*self.chain, self.save_button, self.clear_button]:
            widget.installEventFilter(self)
            if isinstance(widget, QComboBox) and widget.isEditable():
                widget.lineEdit().installEventFilter(self)
                widget.lineEdit().returnPressed.connect(lambda w=widget: self.enter_on(w))
            elif isinstance(widget, QLineEdit):
                widget.returnPressed.connect(lambda w=widget: self.enter_on(w))
        self.reload_lists()
        self.clear_for_next()

    # ------------------------------------------------------------------ lists
    def reload_lists(self) -> None:
        """The keperluan, tujuan and layanan lists, read again (Pengaturan may have changed them); what is
        typed stays."""
        with self.ctx.read() as s:
            keperluan = reference.list_keperluan(s)
            services = reference.list_services(s)
            self.host_list = hosts.list_hosts(s, self.ctx.actor)
        for combo, items in (
            (self.keperluan, [(k.nama, k.layanan_id) for k in keperluan]),
            (self.tujuan, [(h.label, h) for h in self.host_list]),
        ):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            for label, data in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(-1)
            combo.setEditText(text)
            combo.blockSignals(False)
        chosen = self.layanan.currentData()
        self.layanan.clear()
        for svc in services:
            self.layanan.addItem(f"{svc.prefix} — {svc.nama}", svc.id)
        if chosen is not None and (i := self.layanan.findData(chosen)) >= 0:
            self.layanan.setCurrentIndex(i)

    def resolve_host(self, text: str) -> hosts.Host | None:
        return find_host(self.host_list, text)

    # ------------------------------------------------------------------ reactions
    def _nama_edited(self, text: str) -> None:
        if self.tamu_id is not None and text.strip() != self._picked_name:
            # Another name typed over the picked guest: this is someone else.
            self.tamu_id = None
            set_message(self.returning, "", SUCCESS_COLOR)

    def apply_guest(self, match: visits.GuestMatch) -> None:
        """A returning guest picked (R4): their known details pre-filled, their id kept for the save."""
        self.tamu_id = match.id
        self._picked_name = match.nama
        for edit, value in (
            (self.instansi, match.instansi),
            (self.no_hp, match.no_hp),
            (self.alamat, match.alamat),
        ):
            if value:
                edit.setText(value)
        if match.jenis_kelamin and (i := self.jenis_kelamin.findData(match.jenis_kelamin)) >= 0:
            self.jenis_kelamin.setCurrentIndex(i)
        if match.open_visit:
            text = self.tr("⚠ Tamu lama, masih di kantor: {0}. Catat pulang dulu kunjungan itu.").format(
                match.open_visit
            )
            set_message(self.returning, text, WARNING_COLOR)
        else:
            last = format_date(match.terakhir_datang) if match.terakhir_datang else "—"
            set_message(
                self.returning, self.tr("✔ Tamu lama · terakhir datang {0}").format(last), SUCCESS_COLOR
            )

    def _keperluan_changed(self, text: str) -> None:
        if self._layanan_chosen:
            return
        i = self.keperluan.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        layanan_id = self.keperluan.itemData(i) if i >= 0 else None
        if layanan_id is not None and (j := self.layanan.findData(layanan_id)) >= 0:
            self.layanan.setCurrentIndex(j)

    def _nik_changed(self, text: str) -> None:
        """R8 as the clerk types: warnings in amber under the field, never a block; the gender pre-filled."""
        if not text.strip():
            set_message(self.nik_info, "", WARNING_COLOR)
            return
        info = parse_nik(text, clock.today(self.zone))
        if info.warnings:
            set_message(self.nik_info, "⚠ " + "; ".join(info.warnings) + ".", WARNING_COLOR)
        else:
            born = format_date(info.tanggal_lahir) if info.tanggal_lahir else ""
            gender = dict(GENDERS).get(info.jenis_kelamin or "", "")
            parts = [p for p in (info.provinsi_label, gender.lower(), f"lahir {born}" if born else "") if p]
            set_message(self.nik_info, "✔ " + ", ".join(parts), SUCCESS_COLOR)
        gender_code = gender_from_nik(text)
        if gender_code and not self.jenis_kelamin.currentData():
            self.jenis_kelamin.setCurrentIndex(self.jenis_kelamin.findData(gender_code))

    # ------------------------------------------------------------------ values
    def input_data(self) -> visits.WalkIn:
        host = self.resolve_host(self.tujuan.currentText())
        return visits.WalkIn(
            nama=self.nama.text(),
            keperluan=self.keperluan.currentText(),
            tujuan_unit_id=host.unit_id if host is not None else None,
            tujuan_pegawai_id=host.pegawai_id if host is not None else None,
            layanan_id=self.layanan.currentData(),
            instansi=self.instansi.text(),
            no_hp=self.no_hp.text(),
            jenis_kelamin=str(self.jenis_kelamin.currentData() or ""),
            alamat=self.alamat.text(),
            jumlah_orang=self.jumlah.value(),
            nik=self.nik.text(),
            identitas_jenis=str(self.identitas_jenis.currentData() or ""),
            identitas_nomor=self.identitas_nomor.text(),
            identitas_dititip=self.titip.isVisibleTo(self) and self.titip.isChecked(),
            tamu_id=self.tamu_id,
            kartu_nomor=self.kartu.text().strip(),
        )

    def is_dirty(self) -> bool:
        edits = (
            self.nama,
            self.instansi,
            self.no_hp,
            self.alamat,
            self.nik,
            self.identitas_nomor,
            self.kartu,
        )
        return (
            any(e.text().strip() for e in edits)
            or bool(self.keperluan.currentText().strip())
            or bool(self.tujuan.currentText().strip())
            or self.jumlah.value() != 1
        )

    def problems(self) -> list[tuple[str | None, str]]:
        """The required fields, checked together so the clerk sees every gap at once (the service checks too)."""
        found = self.rows.missing()
        if not self.keperluan.currentText().strip():
            found.append(("keperluan", self.tr("Keperluan wajib diisi.")))
        tujuan = self.tujuan.currentText().strip()
        if not tujuan:
            found.append(("tujuan", self.tr("Tujuan wajib dipilih: unit kerja atau pegawai yang dituju.")))
        elif self.resolve_host(tujuan) is None:
            found.append(("tujuan", self.tr("Pilih tujuan dari daftar (ketik sebagian nama, ↓ lalu Enter).")))
        return found

    # ------------------------------------------------------------------ actions
    def save(self) -> visits.VisitView | None:
        """Check the guest in. A mistake is shown next to its field and nothing typed is lost."""
        if self._saving or (self.rows.saved_untouched and not self.is_dirty()):
            return None  # a double press: the guest is saved, the form already waits for the next one
        self.rows.clear_errors()
        set_message(self.status_label, "", SUCCESS_COLOR)
        problems = self.problems()
        if problems:
            self.rows.show_errors(problems, self.status_label)
            return None
        data = self.input_data()
        self._saving = True
        try:
            view = self.ctx.call(visits.check_in, data)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return None
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return None
        finally:
            self._saving = False
        self.clear_for_next()
        self.rows.mark_saved()
        self.saved.emit(view)
        return view

    def show_error(self, field: str | None, message: str) -> None:
        aliases = {"identitas_dititip": "identitas_jenis"}
        if not self.rows.show_error(aliases.get(field or "", field), message):
            set_message(self.status_label, html.escape(message), ERROR_COLOR)

    def clear_for_next(self) -> None:
        """Empty for the next guest; the cursor back on Nama."""
        for edit in (
            self.nama,
            self.instansi,
            self.no_hp,
            self.alamat,
            self.nik,
            self.identitas_nomor,
            self.kartu,
        ):
            edit.clear()
        for combo in (self.keperluan, self.tujuan):
            combo.setCurrentIndex(-1)
            combo.setEditText("")
        self.jenis_kelamin.setCurrentIndex(0)
        self.identitas_jenis.setCurrentIndex(0)
        self.jumlah.setValue(1)
        self.titip.setChecked(False)
        self._layanan_chosen = False
        if self.layanan.count():
            self.layanan.setCurrentIndex(0)
        self.tamu_id = None
        self._picked_name = ""
        self.lookup.model.clear()
        set_message(self.returning, "", SUCCESS_COLOR)
        set_message(self.nik_info, "", WARNING_COLOR)
        self.rows.clear_errors()
        self.focus_first()

    def clear_with_confirmation(self) -> None:
        if self.is_dirty() and not dialogs.confirm(
            self,
            self.tr("Kosongkan formulir"),
            self.tr("Isian tamu yang sedang diketik akan dihapus. Kosongkan formulir?"),
            yes=self.tr("Kosongkan"),
            no=self.tr("Batal"),
            danger=True,
        ):
            return
        self.clear_for_next()
        set_message(self.status_label, "", SUCCESS_COLOR)

    def focus_first(self) -> None:
        self.nama.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ keyboard
    def enter_on(self, widget: QWidget) -> None:
        """Enter: Tujuan (the last required field) and the last field save; elsewhere on to the next field."""
        if widget is self.tujuan or widget is self.chain[-1]:
            # After the event: a tujuan picked from the popup with ↓ + Enter is written into the field by the
            # completer only once this key press is handled.
            QTimer.singleShot(0, self, self.save)
            return
        start = self.chain.index(widget)
        for nxt in self.chain[start + 1 :]:
            if nxt.isVisibleTo(self) and nxt.isEnabled():
                nxt.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def form_keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        keys: dict[QKeyCombination, Callable[[], object]] = {key: self.save for key in SAVE_KEYS}
        keys[CLEAR_KEY] = self.clear_with_confirmation
        return keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and isinstance(watched, QWidget):
            if take_key(event, self.form_keys()):
                return True
            if (
                event.type() == QEvent.Type.KeyPress
                and is_enter(event)
                and (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
                == Qt.KeyboardModifier.NoModifier
                and not isinstance(watched, QLineEdit)
                and not (isinstance(watched, QComboBox) and watched.isEditable())
            ):
                if isinstance(watched, QPushButton):
                    watched.click()
                elif watched in self.chain:
                    self.enter_on(watched)
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and take_key(event, self.form_keys()):
            return True
        return super().event(event)

    def with_settings(self, settings: GuestSettings) -> None:
        """New desk settings (the identity deposit switched on or off)."""
        self.settings = replace(settings)
        self.titip.setVisible(settings.titip_identitas)
        if not settings.titip_identitas:
            self.titip.setChecked(False)
