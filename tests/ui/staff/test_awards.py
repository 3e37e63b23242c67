"""ASN Berprestasi through the real widgets and keys of the pengelola kepegawaian: scores typed into the grid
(a number, Enter moves on), the ranking with the higher total first, the approval that locks the month, the
printed list in the preview, and a read-only role that cannot type."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import awards, records
from desktop.services.staff.records import PegawaiInput
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.award_approve_dialog import ApproveDialog
from desktop.ui.staff.award_criteria_dialog import CriteriaDialog
from desktop.ui.staff.award_panel import FIRST_SCORE_COLUMN, AwardPanel

PERIODE = date(2026, 10, 1)
RINA = ("198208172009022004", "Rina Kartika")
DEWI = ("199003032015032004", "Dewi Lestari")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with two pegawai registered through the staff service; copied per test."""
    data = tmp_path_factory.mktemp("prestasi") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    actor = _actor(ctx)
    for nip, nama in (RINA, DEWI):
        with ctx.db.transaction() as s:
            records.create_pegawai(
                s,
                actor,
                PegawaiInput(
                    nip=nip, nama=nama, golongan_ruang="III/c", tmt_golongan=date(2020, 4, 1), mkg_tahun=8
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


def _actor(ctx: AppContext, username: str = "pegawai") -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _panel(qtbot, ctx: AppContext, username: str = "pegawai") -> AwardPanel:  # type: ignore[no-untyped-def]
    panel = AwardPanel(UiContext(ctx, _actor(ctx, username)))
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2000)
    panel.set_periode(PERIODE)
    return panel


def _type_row(qtbot, panel: AwardPanel, scores: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Type each score and press Enter: the editor moves to the next criterion by itself."""
    for value in scores:
        editor = QApplication.focusWidget()
        if not isinstance(editor, QLineEdit):  # the first cell: typing a digit opens its editor
            qtbot.keyClicks(panel.grid, str(value)[0])
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit)
            qtbot.keyClicks(editor, str(value)[1:])
        else:
            qtbot.keyClicks(editor, str(value))
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def _rank_names(panel: AwardPanel) -> list[str]:
    return [panel.rank_table.item(r, 2).text() for r in range(panel.rank_table.rowCount())]


def test_scores_typed_into_the_grid_rank_approve_lock_and_print(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    assert panel.grid.rowCount() == 2
    criteria = panel.criteria
    assert [k.bobot for k in criteria] == [20] * 5  # the shipped set
    assert panel.grid.columnCount() == FIRST_SCORE_COLUMN + 5 + 1
    assert [panel.grid.item(r, 1).text() for r in range(2)] == [RINA[1], DEWI[1]]  # NIP order

    # Rina's row, then Dewi's: a number, Enter, the next criterion; after the last one, the next pegawai.
    panel.grid.setFocus()
    panel.grid.setCurrentCell(0, FIRST_SCORE_COLUMN)
    first = [80, 75, 90, 70, 85]
    second = [90, 95, 90, 88, 92]
    _type_row(qtbot, panel, first)
    assert panel.grid.currentRow() == 1 and panel.grid.currentColumn() == FIRST_SCORE_COLUMN
    _type_row(qtbot, panel, second)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    totals = {r: panel.grid.item(r, panel.total_column).text() for r in range(2)}
    assert totals == {0: "80,00", 1: "91,00"}
    # What was typed is in the database, not only on screen.
    actor = _actor(filled)
    with filled.db.transaction() as s:
        sheets = {x.pegawai_id: x for x in awards.list_sheets(s, actor, PERIODE)}
    assert sorted(x.skor for x in sheets.values()) == [8000, 9100]

    # A score above 100 is refused with a message, the cell keeps its value.
    assert not panel.enter_score(0, FIRST_SCORE_COLUMN, "150")
    assert "0 sampai 100" in panel.message.text()
    assert panel.grid.item(0, FIRST_SCORE_COLUMN).text() == "80"

    # The ranking: the higher total first, nobody left out.
    panel.views.setCurrentIndex(1)
    higher, lower = DEWI[1], RINA[1]
    assert _rank_names(panel) == [higher, lower]
    assert panel.rank_table.item(0, 5).text() == "91,00"
    assert panel.excluded_list.item(0).text() == "— tidak ada —"

    # Approve: the dialog shows who gets it; "Tetapkan" records it and the grid becomes read-only.
    assert panel.approve_button.isEnabled() and not panel.cancel_button.isEnabled()
    dialog = panel.open_approve()
    assert isinstance(dialog, ApproveDialog)
    qtbot.waitExposed(dialog)
    assert higher in dialog.winners.text()
    qtbot.keyClicks(dialog.nomor_sk, "800/123/DISPERINDAG")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=2000)
    assert "ditetapkan" in panel.status_label.text()
    assert not panel.approve_button.isEnabled() and panel.cancel_button.isEnabled()
    assert panel.grid.editTriggers() == panel.grid.EditTrigger.NoEditTriggers
    cell = panel.grid.item(0, FIRST_SCORE_COLUMN)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    panel.grid.setFocus()
    panel.grid.setCurrentCell(0, FIRST_SCORE_COLUMN)
    qtbot.keyClicks(panel.grid, "5")
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert cell.text() == "80"
    assert panel.rank_table.item(0, 6).text().startswith("Pegawai berprestasi")
    # The history lists the awardee of the month.
    assert panel.history_table.rowCount() == 1
    assert panel.history_table.item(0, 2).text() == higher
    assert panel.history_table.item(0, 5).text() == "800/123/DISPERINDAG"

    # The printed list opens in the preview.
    preview = panel.print_list()
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitExposed(preview)
    assert preview.document.pageCount() >= 1
    preview.close()


def test_criteria_dialog_saves_only_weights_adding_up_to_100(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    dialog = panel.open_criteria()
    assert isinstance(dialog, CriteriaDialog)
    qtbot.waitExposed(dialog)
    assert dialog.sum_label.text() == "Jumlah bobot: 100 % dari 100 %"
    dialog.spin(0).setValue(40)
    assert dialog.sum_label.text() == "Jumlah bobot: 120 % dari 100 %"
    assert not dialog.save_button.isEnabled()
    dialog.table.setCurrentCell(4, 0)
    dialog.remove_row()
    assert dialog.total() == 100 and dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=2000)
    assert [(k.nama, k.bobot) for k in panel.criteria] == [
        ("Kehadiran", 40),
        ("Kinerja bulanan", 20),
        ("Disiplin", 20),
        ("Inovasi", 20),
    ]
    assert panel.grid.columnCount() == FIRST_SCORE_COLUMN + 4 + 1


def test_a_read_only_role_sees_the_grid_but_cannot_type(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled, "kadis")
    assert panel.grid.rowCount() == 2
    assert panel.grid.editTriggers() == panel.grid.EditTrigger.NoEditTriggers
    assert not panel.criteria_button.isEnabled() and not panel.approve_button.isEnabled()
    assert not panel.enter_score(0, FIRST_SCORE_COLUMN, "90")
    assert "Hanya baca" in panel.status_label.text()
