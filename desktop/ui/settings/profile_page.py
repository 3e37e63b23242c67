"""The Profil kantor page of Pengaturan: the office profile form with its save button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.office import OfficeProfileData
from desktop.services.common.permissions import Perm
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.profile_form import OfficeProfileForm


class ProfilePage(common.SettingsPage):
    """OfficeProfileForm + Simpan (Ctrl+S) through ``office.save_profile``."""

    saved = Signal(object)  # the OfficeProfileData as stored

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.dirty = False

        self.form = OfficeProfileForm()
        self.form.edited.connect(self._on_edited)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 12, 0)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        inner.setMaximumWidth(820)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setObjectName("saveProfileButton")
        self.save_button.setToolTip(self.tr("Simpan profil kantor (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Batalkan perubahan"))
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Profil kantor"),
                self.tr("Isi kop surat dan data kantor yang dicetak di semua dokumen."),
            )
        )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        if self.can_edit:
            shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        else:
            self.form.set_read_only(True)
            self.save_button.hide()
            self.revert_button.hide()
        self._set_dirty(False)

    def refresh(self) -> None:
        self.loaded = True
        if self.dirty:
            return  # never throw away what the user typed just because the page was shown again
        with self.ctx.read() as session:
            profile = office.get_profile(session)
        self.form.load(profile)
        self._set_dirty(False)

    def revert(self) -> None:
        self._set_dirty(False)
        self.refresh()
        self.status.clear()

    def _on_edited(self) -> None:
        self._set_dirty(True)
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.revert_button.setEnabled(dirty)

    def save(self) -> bool:
        if not self.can_edit:
            return False
        self.form.clear_errors()
        try:
            stored: OfficeProfileData = self.ctx.call(office.save_profile, self.form.data())
        except ValidationError as exc:
            self.form.show_error(exc)
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        except ServiceError as exc:
            common.warn(self, self.tr("Profil kantor"), common.error_text(exc))
            return False
        self.form.load(stored)
        self._set_dirty(False)
        now = clock.now(stored.zona_waktu)
        self.status.setText(self.tr("Tersimpan pukul %1.").replace("%1", f"{now.hour:02d}.{now.minute:02d}"))
        self.saved.emit(stored)
        return True
