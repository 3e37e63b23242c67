"""The Surat tab and its dialogs at 1024×600 and 1366×768: nothing a clerk needs is off screen or cut."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QLabel, QPushButton, QWidget
from sqlalchemy import select

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters import SuratTab
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState
from desktop.ui.widgets.dates import DateField
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

IMPOSSIBLE = "31022026"  # the longest reason a date caption shows: "Tanggal 31 Februari 2026 tidak ada: …"


def _actor(ctx: AppContext, username: str = "surat") -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with a few dozen letters in and out (dispositions, overdue ones, a signed letter)."""
    data = tmp_path_factory.mktemp("layar") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=40, outgoing_count=20, staff_count=0)
    ctx.db.dispose()
    return data


@pytest.fixture
def filled(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    yield ctx
    ctx.db.dispose()


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """The typed test dates are unsaved input: closing the window at the end throws them away unasked."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


def _surat(qtbot, ctx: AppContext, tmp_path: Path) -> tuple[MainWindow, SuratTab]:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(ctx, _actor(ctx)), UiState(tmp_path / "tampilan.ini"))
    qtbot.addWidget(window)
    surat = window.tab("surat")
    window.tabs.setCurrentWidget(surat)
    assert isinstance(surat, SuratTab)
    return window, surat


def _impossible_dates(root: QWidget) -> list[DateField]:
    """Type a date that does not exist into every enabled date field: each caption shows its long reason."""
    fields = [f for f in root.findChildren(DateField) if f.isVisibleTo(root) and f.isEnabled()]
    for field in fields:
        field.setText(IMPOSSIBLE)
        field.editingFinished.emit()
    pump()
    return fields


def clipped(root: QWidget) -> list[str]:
    """Labels with text cut short, also inside a scroll area (which problems() counts as reachable): a wrapped
    caption lower than its text, or one a parent box cuts off. The clip by a scroll area's viewport is
    scrolling, not cutting, so the walk up the parents stops there."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip():
            continue
        if label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 2:
            # problems() leaves the content of a scroll area alone; a caption cut in it is cut all the same
            found.append(f"{label.text()[:40]!r} terpotong: tinggi {label.height()}")
            continue
        child: QWidget = label
        parent = label.parentWidget()
        while parent is not None and child is not root:
            if isinstance(parent.parentWidget(), QAbstractScrollArea):
                break  # parent is a viewport
            shown = QRect(label.mapTo(parent, QPoint(0, 0)), label.size())
            if not parent.rect().contains(shown):
                found.append(f"{label.text()[:40]!r} terpotong oleh {type(parent).__name__}")
                break
            child, parent = parent, parent.parentWidget()
    return found


def _fits(window: QWidget, screen: str, name: str) -> list[str]:
    assert show_at(window, screen) == SCREENS[screen], name
    found = problems(window) + clipped(window)
    shoot(window, f"surat-{name}-{screen}")
    return found


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_every_surat_page_fits_with_its_key_columns(
    qtbot, filled: AppContext, tmp_path: Path, screen: str
) -> None:  # type: ignore[no-untyped-def]
    window, surat = _surat(qtbot, filled, tmp_path)
    pages = {
        "agenda-masuk": (surat.splitter, surat.list.table, [0, 7, 8]),
        "agenda-keluar": (surat.keluar, surat.keluar.list.table, [0, 6]),
        "ekspedisi": (surat.ekspedisi, None, []),
        "disposisi-terlambat": (surat.overdue, surat.overdue.table, [0, 4, 5]),
        "laporan": (surat.reports, None, []),
    }
    for name, (page, table, keys) in pages.items():
        surat.tabs.setCurrentWidget(page)
        assert _fits(window, screen, name) == [], name
        if table is not None:
            assert key_columns_hidden(table, keys) == [], name


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_opened_filter_row_wraps_instead_of_widening_the_page(
    qtbot, filled: AppContext, tmp_path: Path, screen: str
) -> None:  # type: ignore[no-untyped-def]
    window, surat = _surat(qtbot, filled, tmp_path)
    for name, page, agenda in (
        ("agenda-masuk-filter", surat.splitter, surat.list),
        ("agenda-keluar-filter", surat.keluar, surat.keluar.list),
    ):
        surat.tabs.setCurrentWidget(page)
        show_at(window, screen)
        qtbot.mouseClick(agenda.filter_toggle, Qt.MouseButton.LeftButton)
        agenda.filter_bar.use_dates.setChecked(True)
        assert agenda.filter_bar.isVisible()
        assert _fits(window, screen, name) == [], name
        assert agenda.table.height() > 3 * agenda.table.verticalHeader().defaultSectionSize(), name


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_long_date_reasons_wrap_uncut_on_every_page(
    qtbot, filled: AppContext, tmp_path: Path, screen: str
) -> None:  # type: ignore[no-untyped-def]
    window, surat = _surat(qtbot, filled, tmp_path)
    for name, page in (
        ("agenda-masuk-tanggal", surat.splitter),
        ("agenda-keluar-tanggal", surat.keluar),
        ("ekspedisi-tanggal", surat.ekspedisi),
        ("laporan-tanggal", surat.reports),
    ):
        surat.tabs.setCurrentWidget(page)
        if page is surat.reports:
            surat.reports.by_range.setChecked(True)
        show_at(window, screen)
        fields = _impossible_dates(page)
        assert fields, name
        assert all("tidak ada" in f.caption.text() for f in fields if f.caption.isVisibleTo(window)), name
        assert _fits(window, screen, name) == [], name


def _dialog_fits(dialog: QDialog, screen: str, name: str) -> list[str]:
    size = fits_dialog(dialog, screen)
    room = DIALOG_ROOM[screen]
    assert size.width() <= room.width() and size.height() <= room.height(), (name, size.toTuple())
    found = problems(dialog) + clipped(dialog)
    shoot(dialog, f"surat-{name}-{screen}")
    return found


def _when_modal(act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it is open (exec() blocks the test), then close it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, poll)


def _letter_with_two_hops(ctx: AppContext, actor: Actor) -> int:
    today = clock.today("WITA")
    received = datetime.combine(today - timedelta(days=6), datetime.min.time()).replace(
        hour=9, tzinfo=office_tz("WITA")
    )
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            actor,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur",
                nomor_surat="900.1.12.2/2409/BPKAD-III/2026",
                tanggal_surat=received.date(),
                perihal="Penyampaian Dokumen Pelaksanaan Anggaran Perubahan dan Jadwal Rekonsiliasi Triwulan",
            ),
            today=received.date(),
        )
        incoming.record_printed_elsewhere(s, actor, info.id)
        dispo.record_chain(
            s,
            actor,
            info.id,
            [
                HopInput(
                    dari_nama="",
                    dari_jabatan="Kepala Dinas",
                    tanggal=today - timedelta(days=5),
                    recipients=(RecipientInput("", "Sekretaris"),),
                ),
                HopInput(
                    dari_nama="",
                    dari_jabatan="",
                    tanggal=today - timedelta(days=4),
                    recipients=(RecipientInput("", "Kepala Sub Bagian Umum"),),
                    induk_index=(0, 0),
                    instruksi=("Tanggapan dan saran", "Koordinasikan"),
                ),
            ],
        )
    return info.id


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_disposition_dialog_fits_with_a_chain_and_long_reasons(
    qtbot, filled: AppContext, screen: str
) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(filled)
    letter_id = _letter_with_two_hops(filled, actor)
    dialog = DispositionDialog(UiContext(filled, actor), letter_id)
    qtbot.addWidget(dialog)
    assert _dialog_fits(dialog, screen, "disposisi") == []
    dialog.tree.expandAll()
    last = dialog.chain.hops[0].recipients[0].hops[0].recipients[0]
    dialog.select_recipient(last.id)  # the follow-up part is in use
    assert dialog.follow_button.isEnabled()
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("selesai"))
    fields = _impossible_dates(dialog)
    assert len(fields) >= 2
    assert _dialog_fits(dialog, screen, "disposisi-tanggal-salah") == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_typing_a_kode_does_not_move_the_fields_below(
    qtbot, filled: AppContext, tmp_path: Path, screen: str
) -> None:  # type: ignore[no-untyped-def]
    window, surat = _surat(qtbot, filled, tmp_path)
    for name, page, form, below in (
        ("masuk", surat.splitter, surat.form, "keamanan"),
        ("keluar", surat.keluar, surat.keluar.form, "keamanan"),
    ):
        surat.tabs.setCurrentWidget(page)
        show_at(window, screen)
        watched = [getattr(form, below), *form.findChildren(QPushButton)]
        before = [w.mapTo(window, QPoint(0, 0)) for w in watched]
        form.kode.setFocus()
        for text in ("0", "00", "000.1", "000.1.5", "penyelenggaraan rapat koordinasi antar instansi"):
            form.kode.setText("")
            qtbot.keyClicks(form.kode, text)
            pump()
            assert [w.mapTo(window, QPoint(0, 0)) for w in watched] == before, (name, text)
        form.code_completer.popup().hide()
        pump()
        assert [w.mapTo(window, QPoint(0, 0)) for w in watched] == before, name
        shoot(window, f"surat-kode-{name}-{screen}")
