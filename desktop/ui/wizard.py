"""First-run wizard: the admin account, the office profile (kop surat), units and signatories."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.widgets.screen_fit import fit_to_screen
from desktop.ui.wizard_admin_page import AdminPage


class WelcomePage(QWizardPage):
    def __init__(self, app_ctx: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("Selamat datang di Sekretariat"))
        text = QLabel(
            self.tr(
                "Aplikasi ini menggantikan buku agenda, buku tamu, kartu inventaris dan berkas kepegawaian di "
                "Sekretariat. Langkah berikut menyiapkannya untuk kantor Anda:\n\n"
                "1. Akun admin pertama\n2. Profil kantor untuk kop surat\n3. Unit organisasi\n"
                "4. Penanda tangan dokumen\n\n"
                "Semua isian bisa diubah kemudian di tab Pengaturan.\n\n"
                "Data disimpan di: {0}\n\n"
                "Jika kantor sudah memakai server PostgreSQL bersama, tutup wizard ini lalu sambungkan komputer ini "
                "dengan perintah:\n\n    sekretariat db --postgres ALAMAT_SERVER/sekretariat"
            ).format(app_ctx.location)
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(text)


class ProfilePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        from desktop.ui.settings.profile_form import OfficeProfileForm

        self.wiz = wizard
        self.setTitle(self.tr("Profil kantor"))
        self.setSubTitle(self.tr("Dipakai untuk kop surat di setiap dokumen yang dicetak."))
        self.form = OfficeProfileForm()
        # Thirteen fields and the logo are taller than a 1024×600 screen leaves: the form scrolls, the
        # wizard's Berikutnya/Kembali stay in view.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def initializePage(self) -> None:
        with self.wiz.app_ctx.db.read() as s:
            self.form.load(office.get_profile(s))

    def validatePage(self) -> bool:
        assert self.wiz.actor is not None
        try:
            with self.wiz.app_ctx.db.transaction() as s:
                office.save_profile(s, self.wiz.actor, self.form.data())
        except ValidationError as exc:
            self.form.show_error(exc)
            return False
        return True


class _EditorPage(QWizardPage):
    """Hosts a Pengaturan page (units or signatories); it needs the admin, so it is built on arrival."""

    def __init__(self, wizard: FirstRunWizard, title: str, subtitle: str, kind: str) -> None:
        super().__init__()
        self.wiz = wizard
        self.kind = kind
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.box = QVBoxLayout(self)
        self.editor: QWidget | None = None

    def initializePage(self) -> None:
        if self.editor is not None or self.wiz.actor is None:
            return
        ui_ctx = UiContext(self.wiz.app_ctx, self.wiz.actor)
        if self.kind == "units":
            from desktop.ui.settings.units_page import UnitsEditor

            self.editor = UnitsEditor(ui_ctx)
        else:
            from desktop.ui.settings.signatories_page import SignatoriesPage

            self.editor = SignatoriesPage(ui_ctx)
        self.box.addWidget(self.editor)


class FirstRunWizard(QWizard):
    def __init__(self, app_ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_ctx = app_ctx
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Penyiapan awal — Sekretariat"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # 900 × 680, less on a smaller screen: the wizard's buttons are never below its edge.
        fit_to_screen(self, 900, 680)
        self.addPage(WelcomePage(app_ctx))
        self.admin_page = AdminPage(self)
        self.addPage(self.admin_page)
        self.profile_page = ProfilePage(self)
        self.addPage(self.profile_page)
        self.addPage(
            _EditorPage(
                self,
                self.tr("Unit organisasi"),
                self.tr("Sekretariat, Sub Bagian, Bidang dan UPTD beserta kepalanya. Bisa dilengkapi nanti."),
                "units",
            )
        )
        self.addPage(
            _EditorPage(
                self,
                self.tr("Penanda tangan"),
                self.tr(
                    "Pejabat yang menandatangani dokumen (nama, NIP, pangkat, jabatan) dan jenis dokumennya."
                ),
                "signatories",
            )
        )
