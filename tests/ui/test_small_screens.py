"""The shell at 1024×600 and 1366×768 (issue 13): every tab, Beranda, Pengaturan and the shell's dialogs fit.

Each check shows the real widget at the client area a Dinas PC gives it (``tests/ui/screens.py``) and asks
what a clerk asks: is the window no larger than the screen, is every button, field and label on screen, are a
table's key columns visible. ``SEKRETARIAT_SHOTS=/tmp/shots`` keeps a PNG of each for looking at.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from sqlalchemy import select

from desktop import modules
from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.home import HomeTab
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.month_chart import MonthChart
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.settings.settings_tab import SettingsTab
from desktop.ui.settings.users_page import ChangePasswordDialog
from desktop.ui.state import UiState
from desktop.ui.widgets import drafts
from desktop.ui.wizard import FirstRunWizard

from .screens import DIALOG_ROOM, SCREEN_IDS, SCREENS, fits_dialog, key_columns_hidden, problems, pump, shoot

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=WITA)
# The demo's accounts: admin, the letters clerk, the staff clerk, the front desk and the head of office.
ROLES = ["admin", "surat", "pegawai", "tamu", "kadis"]
LARGE_FONT_PT = 12.0

# Per table of Pengaturan: the columns a clerk reads a row by, which must stay on screen.
KEY_COLUMNS = {
    "unitsTable": ["Nama unit", "Jenis", "Status"],
    "signatoriesTable": ["Nama", "Jabatan", "Status"],
    "seriesTable": ["Nama seri", "Nomor berikutnya", "Status"],
    "instructionTable": ["Instruksi", "Status"],
    "usersTable": ["Nama pengguna", "Peran", "Status"],
    "holidaysTable": ["Tanggal", "Jenis", "Nama"],
    "backupsTable": ["Tanggal", "Jenis"],
    "auditTable": ["Waktu", "Pengguna", "Aksi", "Ringkasan"],
}
# Of those, the ones whose value must be readable whole (not "800.1.11.1/14/DP…").
WHOLE_VALUES = {"seriesTable": ["Nomor berikutnya", "Status"], "usersTable": ["Nama pengguna", "Status"]}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office with some letters and pegawai, so tables have rows and Beranda has a chart."""
    data = tmp_path_factory.mktemp("layar") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    with clock.fixed(NOW):
        sample_office.fill(ctx, letter_count=40, staff_count=12)
    ctx.db.dispose()
    return data


@pytest.fixture
def office(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    with clock.fixed(NOW):
        yield ctx
    ctx.db.dispose()


@pytest.fixture
def large_font(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The application font at 12 pt (a clerk who set a larger font), restored afterwards."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(LARGE_FONT_PT)
    qapp.setFont(font)
    try:
        yield
    finally:
        qapp.setFont(before)


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _window(qtbot, ctx: AppContext, username: str, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(ctx, _actor(ctx, username)), UiState(tmp_path / f"{username}.ini"))
    window._drafts_offered = True  # no draft question in the way of the walk
    qtbot.addWidget(window)
    return window


def _place(window: QWidget, screen: str) -> QSize:
    """``show_at`` without the window's remembered size: resize twice so a page built by showing it counts."""
    size = SCREENS[screen]
    window.resize(size)
    window.show()
    pump()
    window.resize(size)
    pump()
    return window.size()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.replace("&", "")).strip("_").lower()


def _columns(table: QTableView, names: list[str]) -> list[int]:
    model = table.model()
    header = table.horizontalHeader()
    found = {str(model.headerData(c, header.orientation())): c for c in range(model.columnCount())}
    return [found[name] for name in names if name in found]


def _tables_at_fault(root: QWidget) -> list[str]:
    """Key columns off screen, or a key value cut short, in the visible tables of ``root``."""
    faults = []
    for table in root.findChildren(QTableView):
        name = table.objectName()
        if name not in KEY_COLUMNS or not table.isVisibleTo(root):
            continue
        hidden = key_columns_hidden(table, _columns(table, KEY_COLUMNS[name]))
        faults += [f"{name}: kolom {column} tidak terlihat" for column in hidden]
        if table.model().rowCount() == 0:
            continue
        header = table.horizontalHeader()
        for column in _columns(table, WHOLE_VALUES.get(name, [])):
            if table.sizeHintForColumn(column) > header.sectionSize(column) + 1:
                faults.append(f"{name}: isi kolom {column} terpotong")
    return faults


def _page_scrolls(settings: SettingsTab, key: str, *, sideways_only: bool) -> list[str]:
    """A Pengaturan page scrolls only as a last resort: never sideways, and not at all where it must fit."""
    page, view = settings.pages[key], settings.holders[key].viewport()
    if page.width() > view.width():
        return [f"halaman bergeser ke samping: {page.width()} > {view.width()}"]
    if not sideways_only and page.height() > view.height():
        return [f"halaman harus digulir: tinggi {page.height()} > {view.height()}"]
    return []


def _walk(window: MainWindow, screen: str, tag: str, indexes: list[int] | None = None) -> list[str]:
    """Every tab (or those of ``indexes``), every sub-tab and every Pengaturan page of ``window`` at
    ``screen``: what does not fit."""
    faults: list[str] = []
    want = SCREENS[screen]

    def check(name: str) -> None:
        size = _place(window, screen)
        if size != want:
            faults.append(
                f"{name}: jendela {size.width()}×{size.height()}, layar {want.width()}×{want.height()}"
            )
        faults.extend(f"{name}: {p}" for p in problems(window))
        faults.extend(f"{name}: {p}" for p in _tables_at_fault(window))
        shoot(window, f"shell-{tag}-{_slug(name)}-{screen}")

    for index in range(window.tabs.count()) if indexes is None else indexes:
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        title = window.tabs.tabText(index).replace("&", "")
        inner = getattr(tab, "tabs", None)
        if isinstance(tab, SettingsTab):
            for row, key in enumerate(tab.page_keys()):
                tab.nav.setCurrentRow(row)
                check(f"{title}/{key}")
                faults.extend(f"{title}/{key}: {p}" for p in _page_scrolls(tab, key, sideways_only=False))
        elif isinstance(inner, QTabWidget):
            for sub in range(inner.count()):
                inner.setCurrentIndex(sub)
                check(f"{title}/{inner.tabText(sub).replace('&', '')}")
        else:
            check(title)
    return faults


# ---------------------------------------------------------------------------------------------- main window


@pytest.mark.parametrize("screen", SCREEN_IDS)
@pytest.mark.parametrize("username", ROLES)
def test_every_tab_fits_the_screen(
    qtbot, office: AppContext, tmp_path: Path, username: str, screen: str
) -> None:  # type: ignore[no-untyped-def]
    """A fresh window per tab (tabs are built when opened), so a module too wide is reported alone: once built,
    the widest tab's minimum holds for the whole window."""
    faults: list[str] = []
    for index in range(len(modules.MODULES) + 2):  # Beranda, the modules, Pengaturan
        window = _window(qtbot, office, username, tmp_path)
        faults += _walk(window, screen, username, [index])
        window._leaving = True
        window.close()
    assert faults == []


@pytest.mark.parametrize("username", ROLES)
def test_1366x768_with_a_large_font_every_tab_fits(  # type: ignore[no-untyped-def]
    qtbot, office: AppContext, tmp_path: Path, large_font: None, username: str
) -> None:
    window = _window(qtbot, office, username, tmp_path)
    faults = _walk(window, "1366x768", f"{username}-12pt")
    window._leaving = True
    window.close()
    assert faults == []


def test_pengaturan_at_1024x600_with_a_large_font_scrolls_down_never_sideways(  # type: ignore[no-untyped-def]
    qtbot, office: AppContext, tmp_path: Path, large_font: None
) -> None:
    """Beyond what issue 13 asks, the fallback: a page too tall for the screen scrolls; the window still fits."""
    window = _window(qtbot, office, "admin", tmp_path)
    settings = window.settings
    window.tabs.setCurrentWidget(settings)
    faults = []
    for row, key in enumerate(settings.page_keys()):
        settings.nav.setCurrentRow(row)
        size = _place(window, "1024x600")
        if size != SCREENS["1024x600"]:
            faults.append(f"{key}: jendela {size.width()}×{size.height()}")
        faults += [f"{key}: {p}" for p in problems(window)]
        faults += [f"{key}: {p}" for p in _page_scrolls(settings, key, sideways_only=True)]
        shoot(window, f"shell-admin-12pt-pengaturan-{key}-1024x600")
    window._leaving = True
    window.close()
    assert faults == []


# ---------------------------------------------------------------------------------------------- Beranda


def _cut_in(body: QWidget) -> list[str]:
    """Labels shown shorter than their text, and a chart smaller than it needs, inside Beranda's page."""
    cut = []
    for label in body.findChildren(QLabel):
        if not label.isVisibleTo(body) or not label.text().strip():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 2:
                cut.append(f"{label.objectName() or label.text()[:40]!r}: {label.height()} px tinggi")
        elif label.sizeHint().width() > label.width() + 2:
            cut.append(
                f"{label.objectName() or label.text()[:40]!r}: {label.width()} < {label.sizeHint().width()}"
            )
    for button in body.findChildren(QAbstractButton):
        if button.isVisibleTo(body) and button.width() + 2 < button.minimumSizeHint().width():
            cut.append(f"{button.text()!r} terjepit")
    for chart in body.findChildren(MonthChart):
        need = chart.minimumSizeHint()
        if chart.width() < need.width() or chart.height() < need.height():
            cut.append(f"grafik {chart.width()}×{chart.height()} < {need.width()}×{need.height()}")
    return cut


@pytest.mark.parametrize("font_pt", [None, LARGE_FONT_PT], ids=["font-bawaan", "font-12pt"])
@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_beranda_cards_and_chart_are_whole(qtbot, qapp, office: AppContext, screen: str, font_pt) -> None:  # type: ignore[no-untyped-def]
    """The page may scroll down, never sideways; inside it every card's text and the month chart are whole."""
    before = QFont(qapp.font())
    if font_pt is not None:
        font = QFont(before)
        font.setPointSizeF(font_pt)
        qapp.setFont(font)
    try:
        home = HomeTab(UiContext(office, _actor(office, "admin")))
        qtbot.addWidget(home)
        assert _place(home, screen) == SCREENS[screen]
        assert problems(home) == []
        scroll = home.body.parentWidget().parentWidget()  # viewport → scroll area
        assert home.body.width() <= scroll.viewport().width(), "Beranda bergeser ke samping"
        assert _cut_in(home.body) == []
        chart = home.findChild(MonthChart, "letters_chart")
        assert chart is not None and chart.months
        tag = "12pt" if font_pt else "normal"
        shoot(home, f"shell-beranda-{tag}-{screen}")
        shoot(home.body, f"shell-beranda-halaman-{tag}-{screen}")
    finally:
        qapp.setFont(before)


def test_the_month_chart_asks_for_room_for_its_text(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The chart's minimum follows the font: the legend and twelve month names fit at 12 pt too."""
    small = MonthChart()
    qtbot.addWidget(small)
    font = QFont(qapp.font())
    font.setPointSizeF(LARGE_FONT_PT * 1.5)
    large = MonthChart()
    large.setFont(font)
    qtbot.addWidget(large)
    assert large.minimumSizeHint().height() > small.minimumSizeHint().height()
    assert large.minimumSizeHint().width() > small.minimumSizeHint().width()
    metrics = large.fontMetrics()
    assert large.minimumSizeHint().height() >= 2 * metrics.height() + 60
    assert large.minimumSizeHint().width() >= 12 * metrics.horizontalAdvance("Agu")


# ---------------------------------------------------------------------------------------------- Pengaturan


def _dialog_faults(dialog: QDialog, screen: str, name: str) -> list[str]:
    size = fits_dialog(dialog, screen)
    room = DIALOG_ROOM[screen]
    faults = []
    if size.width() > room.width() or size.height() > room.height():
        faults.append(f"{name}: {size.width()}×{size.height()} melebihi {room.width()}×{room.height()}")
    faults.extend(f"{name}: {p}" for p in problems(dialog))
    shoot(dialog, f"shell-dialog-{_slug(name)}-{screen}")
    return faults


def _capture(qtbot, screen: str, faults: list[str], opened: list[str], name: str) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """An ``exec_dialog`` replacement that measures the dialog and cancels it."""

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        opened.append(name)
        faults.extend(_dialog_faults(dialog, screen, name))
        dialog.reject()
        return 0

    return run


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_settings_dialogs_fit(qtbot, office: AppContext, tmp_path: Path, screen: str) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, office, "admin", tmp_path)
    settings = window.settings
    window.tabs.setCurrentWidget(settings)
    _place(window, screen)
    faults: list[str] = []
    shown: list[str] = []
    opened = {
        "units": ["add_unit", "edit_unit"],
        "signatories": ["add_signatory", "edit_signatory"],
        "letters": ["add_series", "edit_series", "add_instruction", "rename_instruction"],
        "users": ["add_user", "edit_user", "reset_password"],
        "calendar": ["add_holiday", "edit_holiday", "add_year"],
    }
    for key, actions in opened.items():
        page = settings.show_page(key)
        pump()
        for table in page.findChildren(QTableView):
            if table.model().rowCount():
                table.selectRow(0)
        for action in actions:
            page.exec_dialog = _capture(qtbot, screen, faults, shown, f"{key}-{action}")
            getattr(page, action)()
    change = ChangePasswordDialog(window.ctx, window)
    qtbot.addWidget(change)
    faults += _dialog_faults(change, screen, "ganti-sandi")
    assert shown == [f"{key}-{action}" for key, actions in opened.items() for action in actions]
    assert faults == []


# ---------------------------------------------------------------------------------------------- shell dialogs


def _two_page_pdf() -> bytes:
    buffer = io.BytesIO()
    page = (215 * mm, 330 * mm)
    c = canvas.Canvas(buffer, pagesize=page)
    for number in (1, 2):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(25 * mm, page[1] - 40 * mm, f"LEMBAR DISPOSISI {number}")
        c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_login_wizard_and_print_preview_fit(qtbot, app_ctx: AppContext, admin: Actor, screen: str) -> None:  # type: ignore[no-untyped-def]
    faults: list[str] = []
    login = LoginDialog(app_ctx)
    qtbot.addWidget(login)
    faults += _dialog_faults(login, screen, "masuk")

    preview = PrintPreviewDialog(_two_page_pdf(), "Lembar disposisi")
    qtbot.addWidget(preview)
    faults += _dialog_faults(preview, screen, "pratinjau-cetak")
    assert "2" in preview.page_count_label.text()
    # And at the size it takes by itself on that screen (nine tenths of the work area, at most 900 px wide).
    work_area = {"1024x600": QSize(1024, 560), "1366x768": QSize(1366, 728)}[screen]
    preview.resize(min(900, int(work_area.width() * 0.9)), int(work_area.height() * 0.9))
    pump()
    faults += [f"pratinjau-cetak sendiri: {p}" for p in problems(preview)]
    shoot(preview, f"shell-dialog-pratinjau_cetak_sendiri-{screen}")
    assert faults == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_first_run_wizard_pages_fit(qtbot, tmp_path: Path, screen: str) -> None:  # type: ignore[no-untyped-def]
    ctx = system.open_context(tmp_path / "baru")
    system.prepare(ctx)
    try:
        wizard = FirstRunWizard(ctx)
        qtbot.addWidget(wizard)
        faults: list[str] = []
        faults += _dialog_faults(wizard, screen, "wizard-1")
        wizard.next()
        page = wizard.admin_page
        page.username.setText("kasubbag")
        page.full_name.setText("Rina Kartika")
        page.password.setText("sandi-rina-1")
        page.password2.setText("sandi-rina-1")
        faults += _dialog_faults(wizard, screen, "wizard-2-admin")
        number = 3
        while wizard.currentId() != -1 and number < 9:
            wizard.next()
            faults += _dialog_faults(wizard, screen, f"wizard-{number}")
            number += 1
            if wizard.currentPage() is wizard.profile_page:
                break
        assert wizard.currentPage() is wizard.profile_page
        with clock.fixed(NOW):
            from desktop.services.common import office

            wizard.profile_page.form.load(
                office.OfficeProfileData(
                    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
                    nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah",
                    alamat="Jl. Basuki Rahmat No. 55",
                    kota="Samarinda",
                    zona_waktu="WITA",
                )
            )
            for number in range(4, 8):
                before = wizard.currentId()
                wizard.next()
                if wizard.currentId() == before:
                    break
                faults += _dialog_faults(wizard, screen, f"wizard-{number}")
        assert faults == []
    finally:
        ctx.db.dispose()


def _answer_next_box(faults: list[str], screen: str, name: str) -> None:
    """When the next modal box opens: measure it, then press its safe answer."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        faults.extend(_dialog_faults(box, screen, name))
        box.escapeButton().click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_draft_questions_fit(qtbot, office: AppContext, tmp_path: Path, screen: str) -> None:  # type: ignore[no-untyped-def]
    """The offer of a draft at start, and the one question before unsaved input is thrown away."""
    clerk = UiContext(office, _actor(office, "surat"))
    store = drafts.store_for(clerk)
    store.save(
        "surat_masuk/baru",
        "surat masuk (Kementerian Perdagangan Republik Indonesia, Direktorat Jenderal Perdagangan Dalam Negeri)",
        "surat",
        {"asal_surat": "Kementerian Perdagangan Republik Indonesia"},
    )
    window = MainWindow(clerk, UiState(tmp_path / "surat.ini"))
    window._drafts_offered = True
    qtbot.addWidget(window)
    _place(window, screen)
    faults: list[str] = []
    _answer_next_box(faults, screen, "tawaran-draf")
    assert window.offer_drafts() == 0
    _answer_next_box(faults, screen, "buang-isian")
    titles = [
        "surat masuk baru",
        "Pegawai: Dr. Ir. Hj. Fulanah Rahmawati, M.Si. (riwayat pangkat dan jabatan)",
    ]
    assert drafts.ask_discard(window, titles) is False
    assert faults == []
    window._leaving = True
    window.close()


def test_a_table_closed_before_its_columns_are_fitted_raises_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A resize queues a fit for the next turn of the event loop; a window closed meanwhile (a page left, a
    dialog cancelled) must not make that fit reach the deleted table."""
    from PySide6.QtWidgets import QTableWidget

    from desktop.ui.widgets.tables import keep_columns_on_screen

    table = QTableWidget(3, 4)
    keep_columns_on_screen(table, [1])
    table.resize(300, 200)
    table.show()
    pump()
    table.resize(200, 200)  # queues a fit
    shiboken6.delete(table)  # as a closed window deletes its pages
    pump()  # the queued fit: pytest-qt fails the test on an exception in the event loop


def test_the_first_start_on_a_small_screen_opens_maximised(qtbot, office: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a screen up to 1280×800 the window opens maximised, so the window manager keeps its title bar on
    screen (a window merely as large as the work area had its title bar pushed above the top edge)."""
    window = MainWindow(UiContext(office, _actor(office, "surat")), UiState(tmp_path / "baru.ini"))
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert area.width() <= 1280 or area.height() <= 800  # the offscreen test screen is a small one
    assert window.windowState() & Qt.WindowState.WindowMaximized
