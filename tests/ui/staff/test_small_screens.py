"""The Kepegawaian tab and its dialogs at 1024×600 and 1366×768: nothing a clerk needs is off screen or cut."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QScrollArea,
)
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import records
from desktop.services.staff.records import PegawaiInput, RiwayatKind
from desktop.services.staff.schedule import JenisJadwal
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.main_window import MainWindow
from desktop.ui.staff.award_cancel_dialog import CancelApprovalDialog
from desktop.ui.staff.award_panel import FIRST_SCORE_COLUMN, AwardPanel
from desktop.ui.staff.pegawai_panel import PegawaiPanel
from desktop.ui.staff.schedule_board import ScheduleBoard
from desktop.ui.staff.schedule_model import COL_JENIS, COL_PEGAWAI, COL_STATUS, COL_TANGGAL, COL_URGENSI
from desktop.ui.staff.staff_import_dialog import StaffImportDialog
from desktop.ui.staff.staff_tab import StaffTab
from desktop.ui.state import UiState
from desktop.ui.widgets import screen_fit
from tests.ui.screens import (
    DIALOG_ROOM,
    SCREEN_IDS,
    SCREENS,
    fits_dialog,
    key_columns_hidden,
    problems,
    pump,
    shoot,
    show_at,
)

PERIODE = date(2026, 10, 1)
RINA_NIP = "198208172009022004"  # a demo pegawai: the SIASN file below updates her

# A SIASN export cut down to a few columns: line 2 updates a registered pegawai (golongan, jabatan), line 3's
# NIP lost a digit, line 4 is new; "CATATAN KHUSUS" is a column nothing imports. Every part of the check shows.
SIASN_CSV = (
    "PNS ID,NIP BARU,NAMA,GELAR BELAKANG,TANGGAL LAHIR,JENIS KELAMIN,STATUS CPNS PNS,TMT CPNS,GOL AKHIR NAMA,"
    "TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,UNOR NAMA,"
    "CATATAN KHUSUS\n"
    "a1,198208172009022004,Rina Kartika,S.Sos.,17-08-1982,F,P,01-02-2009,IV/a,01-04-2025,16,2,Struktural,"
    "Kepala Bagian Umum dan Kepegawaian,01-07-2025,S-1,Sub Bagian Umum,tugas belajar\n"
    "a2,19790520200312100,Ahmad Fauzan,S.E.,20-05-1979,M,P,01-12-2003,IV/b,01-10-2022,18,10,Struktural,"
    "Sekretaris,03-01-2022,S-2,Sekretariat,\n"
    "a3,199105052015032004,Wulan Sari,S.IP.,05-05-1991,F,P,01-03-2015,III/b,01-04-2020,5,1,"
    "Jabatan Fungsional,Analis Sumber Daya Manusia Aparatur Ahli Pertama,01-06-2020,S-1,Sub Bagian Umum,\n"
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with its demo pegawai (riwayat, deadlines on the board) and one PPPK whose contract end
    is missing, so the board's note about incomplete data shows too; copied per test."""
    data = tmp_path_factory.mktemp("layar-kepegawaian") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0, staff_count=20)
    with ctx.db.transaction() as s:
        records.create_pegawai(
            s,
            _actor_in(s),
            PegawaiInput(
                nip="199402022024212016",
                nama="Nurul Hidayah",
                status="pppk",
                golongan_ruang="V",
                tmt_golongan=date(2024, 2, 1),
                jenis_jabatan="pelaksana",
                pendidikan_terakhir="SLTA",
            ),
        )
    ctx.db.dispose()
    return data


@pytest.fixture
def filled(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    yield ctx
    ctx.db.dispose()


def _actor_in(s, username: str = "pegawai") -> Actor:  # type: ignore[no-untyped-def]
    return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _actor(ctx: AppContext, username: str = "pegawai") -> Actor:
    with ctx.db.transaction() as s:
        return _actor_in(s, username)


def _window(qtbot, ctx: AppContext, tmp_path: Path) -> tuple[MainWindow, StaffTab]:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(ctx, _actor(ctx)), UiState(tmp_path / "tampilan.ini"))
    qtbot.addWidget(window)
    staff = window.tab("pegawai")
    window.tabs.setCurrentWidget(staff)
    assert isinstance(staff, StaffTab)
    return window, staff


def _loaded_board(qtbot, board: ScheduleBoard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: board.board is not None and not (board.task and board.task.running), timeout=20_000
    )
    pump()


# --------------------------------------------------------------------------------------------- pages


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_every_kepegawaian_page_fits_in_the_window_with_its_key_columns(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str
) -> None:
    window, staff = _window(qtbot, filled, tmp_path)
    # The tab as a whole never asks for more than a 1024 px screen (the Jadwal asked for 1231 px).
    assert staff.minimumSizeHint().width() <= 1024
    board, pegawai = staff.board, staff.pegawai
    awards = staff.tabs.widget(2)
    assert isinstance(awards, AwardPanel)

    staff.tabs.setCurrentWidget(board)
    assert show_at(window, screen) == SCREENS[screen]
    _loaded_board(qtbot, board)
    assert board.proxy.rowCount() > 3 and board.notes_label.isVisible() and board.info.isVisible()
    assert problems(window) == []
    assert (
        key_columns_hidden(board.table, [COL_URGENSI, COL_TANGGAL, COL_JENIS, COL_PEGAWAI, COL_STATUS]) == []
    )
    assert board.table.height() > 4 * board.table.verticalHeader().defaultSectionSize()
    shoot(window, f"kepegawaian-jadwal-{screen}")

    # The handled ones shown, a kind chosen: longer counts, and the status buttons of a handled item.
    board.show_handled.setChecked(True)
    board.jenis.setCurrentIndex(board.jenis.findData(JenisJadwal.KGB.value))
    assert show_at(window, screen) == SCREENS[screen]
    assert problems(window) == []
    shoot(window, f"kepegawaian-jadwal-ditangani-{screen}")

    staff.tabs.setCurrentWidget(pegawai)
    assert show_at(window, screen) == SCREENS[screen]
    qtbot.waitUntil(lambda: pegawai.model.rowCount() > 3, timeout=10_000)
    pump()
    assert problems(window) == []
    assert key_columns_hidden(pegawai.table, [0, 1, 5]) == []  # NIP, Nama, Status
    shoot(window, f"kepegawaian-pegawai-{screen}")

    staff.tabs.setCurrentWidget(awards)
    for index in range(awards.views.count()):
        awards.views.setCurrentIndex(index)
        assert show_at(window, screen) == SCREENS[screen], index
        assert problems(window) == [], index
        shoot(window, f"kepegawaian-prestasi-{index}-{screen}")
    awards.views.setCurrentIndex(0)
    assert key_columns_hidden(awards.grid, [0, 1, awards.total_column]) == []


# --------------------------------------------------------------------------------------------- dialogs


@pytest.fixture
def room(monkeypatch, screen: str) -> QSize:  # type: ignore[no-untyped-def]
    """The dialogs open within the screen they are on: here, the one under test (offscreen's is 800×800)."""
    monkeypatch.setattr(screen_fit, "screen_room", lambda _widget: DIALOG_ROOM[screen])
    return DIALOG_ROOM[screen]


def _fits(dialog: QDialog, screen: str, name: str) -> None:
    """At the size the dialog opens with and at its size hint: inside the room the screen leaves, with every
    needed widget on it and nothing cut."""
    room = DIALOG_ROOM[screen]
    opening = dialog.size()
    assert opening.width() <= room.width() and opening.height() <= room.height(), (name, opening)
    size = fits_dialog(dialog, screen)
    assert size.width() <= room.width() and size.height() <= room.height(), (name, size)
    assert problems(dialog) == [], name
    dialog.resize(opening)
    pump()
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), (name, dialog.size())
    assert problems(dialog) == [], name
    shoot(dialog, f"kepegawaian-{name}-{screen}")


def _panel(qtbot, ctx: AppContext) -> PegawaiPanel:  # type: ignore[no-untyped-def]
    panel = PegawaiPanel(UiContext(ctx, _actor(ctx)))
    qtbot.addWidget(panel)
    panel.resize(SCREENS["1024x600"])
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 3, timeout=10_000)
    return panel


def _select(panel: PegawaiPanel, nip: str) -> None:
    with panel.ctx.read() as s:
        info = records.find_by_nip(s, panel.ctx.actor, nip)
    assert info is not None
    panel.open_pegawai(info.id)
    selected = panel.selected_info()
    assert selected is not None and selected.id == info.id


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_pegawai_dialogs_fit_the_screen(
    qtbot, filled: AppContext, screen: str, room: QSize, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # closing a form drops what was typed
    panel = _panel(qtbot, filled)

    form = panel.new_pegawai()
    assert form is not None
    # The longest things the form shows: a warning about the NIP and an error under a field.
    qtbot.keyClicks(form.nip, "199903141998032009")
    qtbot.waitUntil(lambda: form.warnings_text() != "", timeout=2000)
    _fits(form, screen, "pegawai-baru")
    form.close()

    _select(panel, RINA_NIP)
    form = panel.open_selected()
    assert form is not None
    _fits(form, screen, "pegawai-ubah")
    form.close()

    riwayat = panel.open_riwayat()
    assert riwayat is not None
    _fits(riwayat, screen, "riwayat")
    for kind in RiwayatKind:
        riwayat.show_kind(kind)
        entry = riwayat.add_entry()
        assert entry is not None, kind
        _fits(entry, screen, f"riwayat-tambah-{kind.value}")
        entry.close()
    riwayat.show_kind(RiwayatKind.PANGKAT)
    rows = riwayat.row_texts(RiwayatKind.PANGKAT)
    assert rows and riwayat.select_entry(RiwayatKind.PANGKAT, int(rows[0][0]))
    fix = riwayat.correct_entry()
    assert fix is not None
    _fits(fix, screen, "riwayat-koreksi-pangkat")
    fix.close()
    riwayat.close()

    for name, open_dialog in (
        ("nominatif", panel.open_nominatif),
        ("kgb-pemberitahuan", panel.open_kgb_notice),
        ("cuti", panel.open_cuti_form),
    ):
        dialog = open_dialog()
        assert dialog is not None, name
        _fits(dialog, screen, name)
        dialog.close()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_every_step_of_the_siasn_import_fits_the_screen(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, room: QSize, monkeypatch
) -> None:
    from desktop.ui import dialogs

    source = tmp_path / "export data asn.csv"
    source.write_text(SIASN_CSV, encoding="utf-8")
    panel = _panel(qtbot, filled)
    dialog = panel.open_import()
    assert isinstance(dialog, StaffImportDialog)
    _fits(dialog, screen, "impor-berkas")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    dialog.browse_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.plan is not None, timeout=30_000)
    assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_CHECK
    # Every part of the check at once: the bad row, the update of Rina, the column nothing imports.
    assert dialog.error_rows() and dialog.changed_rows()
    assert dialog.unmapped_notice.isVisibleTo(dialog) and dialog.changes_box.isVisibleTo(dialog)
    _fits(dialog, screen, "impor-periksa")

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.skip_button.click()
    assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_DONE
    _fits(dialog, screen, "impor-selesai")
    dialog.close()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_jadwal_dialogs_fit_the_screen(qtbot, filled: AppContext, screen: str, room: QSize) -> None:  # type: ignore[no-untyped-def]
    board = ScheduleBoard(UiContext(filled, _actor(filled)))
    qtbot.addWidget(board)
    board.resize(SCREENS["1024x600"])
    board.show()
    _loaded_board(qtbot, board)
    rows = [board.proxy.entry(r) for r in range(board.proxy.rowCount())]
    # The KGB explains in the most steps; the pensiun and kontrak kinds have their own texts.
    for kind in (JenisJadwal.KGB, JenisJadwal.KP):
        row = next(i for i, e in enumerate(rows) if e is not None and e.jenis is kind)
        board.table.setCurrentIndex(board.proxy.index(row, 0))
        explain = board.explain()
        assert explain is not None
        _fits(explain, screen, f"mengapa-{kind.value}")
        explain.close()
        pump()

    status = board.ask_status(next(iter(board.status_buttons)))
    assert status is not None
    _fits(status, screen, "status")
    status.close()

    notes = board.show_notes()
    assert notes.table.rowCount() >= 1
    _fits(notes, screen, "data-belum-lengkap")
    notes.close()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_asn_berprestasi_dialogs_fit_the_screen(
    qtbot, filled: AppContext, screen: str, room: QSize
) -> None:  # type: ignore[no-untyped-def]
    panel = AwardPanel(UiContext(filled, _actor(filled)))
    qtbot.addWidget(panel)
    panel.resize(SCREENS["1024x600"])
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_periode(PERIODE)
    for row in range(3):  # three complete sheets: a ranking to approve
        for column in range(FIRST_SCORE_COLUMN, panel.total_column):
            assert panel.enter_score(row, column, str(70 + 5 * row + column))

    criteria = panel.open_criteria()
    assert criteria is not None
    _fits(criteria, screen, "prestasi-kriteria")
    criteria.close()

    approve = panel.open_approve()
    assert approve is not None
    _fits(approve, screen, "prestasi-setujui")
    approve.close()

    cancel = CancelApprovalDialog(panel.ctx, PERIODE, panel)
    _fits(cancel, screen, "prestasi-batalkan")
    cancel.close()


def test_enter_walks_the_scrolled_pegawai_form_and_each_field_comes_into_view(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, monkeypatch
) -> None:
    from desktop.ui import dialogs

    monkeypatch.setattr(screen_fit, "screen_room", lambda _widget: DIALOG_ROOM["1024x600"])
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    panel = _panel(qtbot, filled)
    form = panel.new_pegawai()
    assert form is not None
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    qtbot.keyClicks(form.nip, "199903141998032009")  # its warnings take room under the form
    qtbot.waitUntil(lambda: form.warnings_text() != "", timeout=2000)
    pump()
    area = form.findChild(QScrollArea, "formScroll")
    assert area is not None and area.verticalScrollBar().maximum() > 0  # the form is taller than the screen
    viewport = area.viewport()
    form.pendidikan.setFocus()
    walked = 0
    while form.focusWidget() is not form.save_button and walked < 10:
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
        pump()
        walked += 1
        field = form.focusWidget()
        if field is form.save_button:
            break
        top_left = field.mapTo(viewport, QPoint(0, 0))
        assert viewport.rect().contains(QRect(top_left, field.size())), field.objectName()
    assert form.focusWidget() is form.save_button and walked >= 3
    form.close()
