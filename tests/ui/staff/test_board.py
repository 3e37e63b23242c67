"""The Kepegawaian Jadwal as the pengelola kepegawaian meets it: signed in, it opens on the deadlines; a KGB shows
with its date and urgency colour, Enter explains the date step by step, "Selesai" takes it off the list for good
(also after the app is closed and opened again), and the Beranda counts what is due."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import select

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric
from desktop.core.staff.months import add_months
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import records
from desktop.services.staff.records import KgbEntry, PegawaiInput
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal, Urgensi, urgensi_for
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.home import HomeTab
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.staff.explain_dialog import ExplainDialog
from desktop.ui.staff.schedule_board import ScheduleBoard
from desktop.ui.staff.schedule_model import COL_HARI, COL_STATUS, COL_TANGGAL, COL_URGENSI, URGENCY
from desktop.ui.staff.status_dialog import StatusDialog
from desktop.ui.state import UiState

SITI_NIP = "197803142003032001"
ANDI_NIP = "198505102010121002"


@dataclass(frozen=True)
class Dues:
    siti: date
    andi: date


@pytest.fixture(scope="module")
def dues() -> Iterator[Dues]:
    """Siti's next KGB falls 20 days from today (≤ 30 days: orange); Andi's fell 10 days ago and is not recorded
    (lewat: red). Both have their last KGB two years before, at an even MKG: III/d and III/b columns are every
    two years, so the next KGB is exactly 24 months later (staff.md R7).

    The clock stands still for the module, so "20 hari" set up here is still 20 days when a test reads the board,
    also when the run crosses midnight in WITA.
    """
    with clock.fixed(clock.utc_now()):
        today = clock.today("WITA")  # the demo office is in WITA
        yield Dues(siti=today + timedelta(days=20), andi=today - timedelta(days=10))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory, dues: Dues) -> Path:
    siti_due, andi_due = dues.siti, dues.andi
    data = tmp_path_factory.mktemp("jadwal") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    clerk = _actor(ctx)
    with ctx.db.transaction() as s:
        siti = records.create_pegawai(
            s,
            clerk,
            PegawaiInput(
                nip=SITI_NIP,
                nama="Siti Aminah",
                gelar_belakang="S.E.",
                golongan_ruang="III/d",
                tmt_golongan=date(2018, 4, 1),
                mkg_tahun=15,
                jenis_jabatan="pelaksana",
                jabatan="Pengadministrasi Umum",
                pendidikan_terakhir="S-1",
            ),
        ).value
        records.add_riwayat(s, clerk, siti.id, KgbEntry(add_months(siti_due, -24), "III/d", 22))
        andi = records.create_pegawai(
            s,
            clerk,
            PegawaiInput(
                nip=ANDI_NIP,
                nama="Andi Saputra",
                golongan_ruang="III/b",
                tmt_golongan=add_months(andi_due, -36),
                mkg_tahun=13,
                jenis_jabatan="pelaksana",
                jabatan="Pengolah Data",
                pendidikan_terakhir="S-1",
            ),
        ).value
        records.add_riwayat(s, clerk, andi.id, KgbEntry(add_months(andi_due, -24), "III/b", 14))
        # A PPPK without the end of the contract: nothing can remind of it, and the board must say so.
        records.create_pegawai(
            s,
            clerk,
            PegawaiInput(
                nip="199402022024212016",
                nama="Nurul Hidayah",
                status="pppk",
                golongan_ruang="V",
                # PPPK get a KGB from the PPPK table (issue 12): appointed half a year ago, her first one (after
                # one year, golongan V) stays outside the board's 90 days whatever today is.
                tmt_golongan=add_months(siti_due, -6).replace(day=1),
                jenis_jabatan="pelaksana",
                pendidikan_terakhir="SLTA",
            ),
        )
    ctx.db.dispose()
    return data


@pytest.fixture
def copied(prepared: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    return data


@pytest.fixture
def filled(copied: Path) -> Iterator[AppContext]:
    ctx = system.open_context(copied)
    yield ctx
    ctx.db.dispose()


def _actor(ctx: AppContext, username: str = "pegawai") -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _board(qtbot, ctx: AppContext, actor: Actor | None = None) -> ScheduleBoard:  # type: ignore[no-untyped-def]
    board = ScheduleBoard(UiContext(ctx, actor or _actor(ctx)))
    qtbot.addWidget(board)
    board.resize(1366, 700)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.show()  # the first show reads the board
    qtbot.waitExposed(board)
    return board


def _row_of(board: ScheduleBoard, nip: str, jenis: JenisJadwal) -> int:
    for row in range(board.proxy.rowCount()):
        e = board.proxy.entry(row)
        if e is not None and e.nip == nip and e.jenis is jenis:
            return row
    return -1


def _cell(board: ScheduleBoard, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return board.proxy.index(row, col).data(role)


def _activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()  # offscreen windows are not always activated on show; shortcuts need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def test_the_board_shows_a_kgb_with_its_date_and_colour_and_explains_it(
    qtbot, filled: AppContext, tmp_path: Path, dues: Dues
) -> None:  # type: ignore[no-untyped-def]
    siti_due, andi_due = dues.siti, dues.andi
    board = _board(qtbot, filled)
    _activate(qtbot, board)

    siti = _row_of(board, SITI_NIP, JenisJadwal.KGB)
    assert siti >= 0
    assert _cell(board, siti, COL_TANGGAL) == format_date_numeric(siti_due)
    assert _cell(board, siti, COL_HARI) == "20 hari"
    # Urgency in colour and in words. The TMT is 20 days ahead, but the surat pemberitahuan was due two months
    # before it: the batas tindakan has passed, so the row is red "Lewat", not "≤ 30 hari" (issue 13 item 9).
    assert urgensi_for(20) is Urgensi.SEGERA and urgensi_for(20, -41) is Urgensi.LEWAT
    assert "Lewat" in str(_cell(board, siti, COL_URGENSI))
    brush = _cell(board, siti, COL_URGENSI, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == URGENCY[Urgensi.LEWAT].cell
    assert _cell(board, siti, COL_STATUS) == "Perlu diproses"

    andi = _row_of(board, ANDI_NIP, JenisJadwal.KGB)
    assert _cell(board, andi, COL_TANGGAL) == format_date_numeric(andi_due)
    assert _cell(board, andi, COL_HARI) == "lewat 10 hari"
    assert "Lewat" in str(_cell(board, andi, COL_URGENSI))
    brush = _cell(board, andi, COL_URGENSI, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == URGENCY[Urgensi.LEWAT].cell
    assert andi < siti  # date order: the late one first

    # The PPPK whose contract end is missing is named, not silently left out.
    assert board.notes_label.isVisible() and "<b>1</b> pegawai" in board.notes_label.text()
    notes = board.show_notes()
    assert notes.table.item(0, 0).text() == "Nurul Hidayah"
    assert "Akhir perjanjian kerja PPPK belum diisi" in notes.table.item(0, 2).text()
    notes.close()

    # A kind with nothing due says so in words, not with an empty grid.
    board.jenis.setCurrentIndex(board.jenis.findData(JenisJadwal.PENSIUN.value))
    assert board.visible_entries() == [] and board.empty_label.isVisible()
    assert "Tidak ada yang cocok" in board.empty_label.text()
    board.jenis.setCurrentIndex(0)

    # Search by NIP as printed (with spaces) finds Siti alone.
    board.search.setText("19780314 200303")
    assert [(e.nip, e.jenis) for e in board.visible_entries()] == [(SITI_NIP, JenisJadwal.KGB)]
    board.search.clear()

    # Enter on the row: "Mengapa tanggal ini?" with the numbered steps from the record to the date.
    board.table.setFocus()
    board.table.setCurrentIndex(board.proxy.index(_row_of(board, SITI_NIP, JenisJadwal.KGB), 0))
    qtbot.keyClick(board.table, Qt.Key.Key_Return)
    dialog = board.explain_dialog
    assert isinstance(dialog, ExplainDialog) and dialog.entry.nip == SITI_NIP
    kgb_tmt = add_months(siti_due, -24)
    assert (
        dialog.steps[0]
        == f"Dasar: TMT {format_date(kgb_tmt)}, golongan III/d, MKG 22 tahun 0 bulan (264 bulan)."
    )
    assert f"TMT KGB: {format_date(siti_due)}." in dialog.steps
    text = dialog.browser.toPlainText()
    assert (
        "Mengapa tanggal ini?" in text
        and "Kolom berikutnya setelah MKG 22 tahun 0 bulan adalah 24 tahun" in text
    )
    assert dialog.plain.splitlines()[3].startswith("1. Dasar: TMT")  # "Salin" copies the numbered steps
    with qtbot.waitSignal(board.open_pegawai) as opened:
        dialog.pegawai_button.click()
    assert opened.args == [dialog.entry.pegawai_id]

    # Ctrl+E does the same from anywhere on the board.
    _activate(qtbot, board)
    board.search.setFocus()
    qtbot.keyClick(board.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(board.explain_dialog, ExplainDialog)
    board.explain_dialog.close()

    # The list as shown goes to Excel.
    target = tmp_path / "jadwal.xlsx"
    assert board.export_to(target) == len(board.visible_entries())
    sheet = load_workbook(target).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]
    siti_row = next(r for r in rows if r[5] == SITI_NIP)
    assert (
        siti_row[1].date() == siti_due
        and siti_row[3] == "Kenaikan gaji berkala"
        and siti_row[4] == "Siti Aminah, S.E."
    )


def test_selesai_takes_the_item_off_the_list_and_it_stays_off_after_a_restart(  # type: ignore[no-untyped-def]
    qtbot, copied: Path, dues: Dues
) -> None:
    ctx = system.open_context(copied)
    try:
        board = _board(qtbot, ctx)
        _activate(qtbot, board)
        before = len(board.visible_entries())
        board.table.setCurrentIndex(board.proxy.index(_row_of(board, SITI_NIP, JenisJadwal.KGB), 0))
        board.status_buttons[StatusJadwal.SELESAI].click()
        dialog = board.status_dialog
        assert isinstance(dialog, StatusDialog) and dialog.status is StatusJadwal.SELESAI
        qtbot.keyClicks(dialog.catatan, "SK KGB 800.1.11.13/25/2026")
        with qtbot.waitSignal(board.loaded, timeout=10_000):  # saved, then the board reads itself again
            qtbot.keyClick(dialog.catatan, Qt.Key.Key_Return)
        assert _row_of(board, SITI_NIP, JenisJadwal.KGB) == -1
        assert len(board.visible_entries()) == before - 1
        assert "1 sudah ditangani (disembunyikan)" in board.count_label.text()
        board.close()
    finally:
        ctx.db.dispose()

    # Close the app, open it again: the KGB does not nag any more.
    again = system.open_context(copied)
    try:
        board = _board(qtbot, again)
        assert _row_of(board, SITI_NIP, JenisJadwal.KGB) == -1
        assert _row_of(board, ANDI_NIP, JenisJadwal.KGB) >= 0
        # Shown on request, with what was kept about it; and it can be taken back.
        board.show_handled.setChecked(True)
        row = _row_of(board, SITI_NIP, JenisJadwal.KGB)
        assert row >= 0 and _cell(board, row, COL_STATUS) == "Selesai"
        handled = board.proxy.entry(row)
        assert (
            handled is not None
            and handled.tanggal == dues.siti
            and handled.catatan == "SK KGB 800.1.11.13/25/2026"
        )
        assert handled.status_oleh == "pegawai"
        board.table.setCurrentIndex(board.proxy.index(row, 0))
        reopen = board.status_buttons[StatusJadwal.PERLU_DIPROSES]
        assert reopen.isVisibleTo(board) and reopen.isEnabled()
        reopen.click()
        with qtbot.waitSignal(board.loaded, timeout=10_000):
            board.status_dialog.accept()
        board.show_handled.setChecked(False)
        row = _row_of(board, SITI_NIP, JenisJadwal.KGB)
        assert row >= 0 and _cell(board, row, COL_STATUS) == "Perlu diproses"
        assert board.proxy.entry(row).item is not None  # with its derivation again
    finally:
        again.db.dispose()


def test_the_pimpinan_sees_the_board_but_cannot_change_a_status(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    board = _board(qtbot, filled, _actor(filled, "kadis"))
    assert _row_of(board, SITI_NIP, JenisJadwal.KGB) >= 0
    assert board.current_entry() is not None
    assert not any(b.isEnabled() for b in board.status_buttons.values())
    assert board.explain_button.isEnabled()


def test_the_beranda_counts_the_deadlines_and_opens_the_board(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    home = HomeTab(UiContext(filled, _actor(filled)))
    qtbot.addWidget(home)
    figures = home.findChild(QLabel, "staff_figures")
    status = home.findChild(QLabel, "staff_status")
    assert figures is not None and status is not None
    assert "KGB: <b>2</b>" in figures.text()
    # Both KGBs are lewat: Andi's by its date, Siti's by its batas tindakan (issue 13 item 9).
    assert "Lewat: <b>2</b>" in status.text() and "Perlu diproses: <b>2</b>" in status.text()
    assert home.staff_summary is not None and home.staff_summary.perlu_diproses == 2
    button = home.findChild(QPushButton, "show_schedule")
    with qtbot.waitSignal(home.open_schedule):
        button.click()

    # The letter clerk's Beranda has no Kepegawaian card.
    clerk = HomeTab(UiContext(filled, _actor(filled, "surat")))
    qtbot.addWidget(clerk)
    assert clerk.findChild(QLabel, "staff_figures") is None


def _sign_in(qtbot, ctx: AppContext, username: str) -> Actor:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, "demo12345")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None
    return dialog.actor


def test_the_pengelola_kepegawaian_lands_on_the_jadwal_at_sign_in(
    qtbot, filled: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    state_file = tmp_path / "tampilan.ini"
    remembered = UiState(state_file)
    remembered.set_value("main/tab", 1)  # last time the window was left on Surat
    remembered.sync()

    window = MainWindow(UiContext(filled, _sign_in(qtbot, filled, "pegawai")), UiState(state_file))
    qtbot.addWidget(window)
    assert window.tabs.currentWidget() is window.staff
    assert window.staff.tabs.currentWidget() is window.staff.board
    with qtbot.waitSignal(window.staff.board.loaded, timeout=10_000):
        window.show()
    assert _row_of(window.staff.board, SITI_NIP, JenisJadwal.KGB) >= 0
    # From the Beranda's card as well.
    window.tabs.setCurrentWidget(window.home)
    window.home.findChild(QPushButton, "show_schedule").click()
    assert window.tabs.currentWidget() is window.staff
    window.close()

    # Another role keeps the tab it left.
    remembered = UiState(state_file)
    remembered.set_value("main/tab", 1)
    remembered.sync()
    other = MainWindow(UiContext(filled, _sign_in(qtbot, filled, "surat")), UiState(state_file))
    qtbot.addWidget(other)
    assert other.tabs.currentWidget() is other.surat


def test_clicking_the_tanggal_header_turns_the_order_and_keeps_the_current_item(
    qtbot, filled: AppContext
) -> None:  # type: ignore[no-untyped-def]
    board = _board(qtbot, filled)
    head = board.table.horizontalHeader()
    # Opens in date order, the earliest (the late one) first, with the indicator on "Tanggal".
    assert head.isSortIndicatorShown() and head.sortIndicatorSection() == COL_TANGGAL
    assert head.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    dates = [e.tanggal for e in board.visible_entries()]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert _row_of(board, ANDI_NIP, JenisJadwal.KGB) < _row_of(board, SITI_NIP, JenisJadwal.KGB)
    board.table.setCurrentIndex(board.proxy.index(_row_of(board, SITI_NIP, JenisJadwal.KGB), 0))

    def click_tanggal() -> None:
        x = head.sectionViewportPosition(COL_TANGGAL) + head.sectionSize(COL_TANGGAL) // 2
        qtbot.mouseClick(head.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, head.height() // 2))

    click_tanggal()
    assert head.sortIndicatorSection() == COL_TANGGAL
    assert head.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    dates = [e.tanggal for e in board.visible_entries()]
    assert dates == sorted(dates, reverse=True)
    shown = [_cell(board, row, COL_TANGGAL) for row in range(board.proxy.rowCount())]
    assert shown == [format_date_numeric(d) for d in dates]  # the table shows the list in that order
    assert _row_of(board, SITI_NIP, JenisJadwal.KGB) < _row_of(board, ANDI_NIP, JenisJadwal.KGB)
    current = board.current_entry()  # the clerk's row stays current, wherever it moved
    assert current is not None and current.nip == SITI_NIP
    assert board.table.currentIndex().row() == _row_of(board, SITI_NIP, JenisJadwal.KGB)

    click_tanggal()
    assert head.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    dates = [e.tanggal for e in board.visible_entries()]
    assert dates == sorted(dates)
    assert _row_of(board, ANDI_NIP, JenisJadwal.KGB) < _row_of(board, SITI_NIP, JenisJadwal.KGB)

    # The order holds when the list is read again, and a filter keeps it.
    click_tanggal()
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.refresh()
    assert [e.tanggal for e in board.visible_entries()] == sorted(dates, reverse=True)
    board.search.setText("Siti")
    assert [e.nip for e in board.visible_entries()] == [SITI_NIP] * len(board.visible_entries())
