"""The kartu tamu stock as the petugas tamu keeps it: cards added as a range with a preview, bad ranges named
next to the field, a card marked lost only after the clerk confirms, and the loss in the card's history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.core import clock
from desktop.services.common.permissions import Actor
from desktop.services.guests import cards
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests.add_cards_dialog import AddCardsDialog
from desktop.ui.guests.card_history_dialog import CardHistoryDialog
from desktop.ui.guests.cards_panel import COL_STATUS, CardsPanel
from tests.ui.office import demo_actor
from tests.ui.screens import SCREEN_IDS, fits_dialog, problems, shoot, show_at

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def morning() -> Iterator[None]:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        yield


@pytest.fixture
def desk(filled: AppContext) -> Actor:
    return demo_actor(filled, "tamu")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations are recorded; the test sets ``answers.append('no')`` to answer the next one "Batal"."""
    asked: list[str] = []

    def confirm(_parent, _title, text, **_kw):  # type: ignore[no-untyped-def]
        refuse = bool(asked) and asked[-1] == "no"
        asked.append(text)
        return not refuse

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def _panel(qtbot, ctx: AppContext, actor: Actor) -> CardsPanel:  # type: ignore[no-untyped-def]
    panel = CardsPanel(UiContext(ctx, actor))
    qtbot.addWidget(panel)
    panel.resize(1366, 698)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _rows(panel: CardsPanel) -> dict[str, str]:
    table = panel.table
    return {table.item(r, 0).text(): table.item(r, COL_STATUS).text() for r in range(table.rowCount())}


def _adding(qtbot, typed: str, seen: list[QDialog]) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, AddCardsDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.numbers, typed)
        seen.append(dialog)
        if dialog.ok_button.isEnabled():
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return run


def test_add_1_to_5_mark_3_lost_after_confirming_and_the_history_shows_it(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, desk: Actor, answers: list[str]
) -> None:
    panel = _panel(qtbot, filled, desk)
    seen: list[QDialog] = []
    panel.exec_dialog = _adding(qtbot, "1-5", seen)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    preview = seen[0].preview.text()  # type: ignore[attr-defined]
    assert "Akan ditambahkan 5 kartu: 1, 2, 3, 4, 5" in preview
    assert _rows(panel) == dict.fromkeys(["1", "2", "3", "4", "5"], "Tersedia")
    assert "tersedia <b>5</b>" in panel.counts.text()

    assert panel.select_number("3")
    answers.append("no")  # the clerk backs out first: nothing changes
    qtbot.mouseClick(panel.lost_button, Qt.MouseButton.LeftButton)
    assert _rows(panel)["3"] == "Tersedia"
    qtbot.mouseClick(panel.lost_button, Qt.MouseButton.LeftButton)
    assert answers[-1] == "Catat kartu 3 hilang?"
    assert _rows(panel)["3"] == "Hilang"
    assert "hilang <b>1</b>" in panel.counts.text() and "tersedia <b>4</b>" in panel.counts.text()
    assert panel.found_button.isEnabled() and not panel.lost_button.isEnabled()

    shown: list[CardHistoryDialog] = []
    panel.exec_dialog = lambda d: shown.append(d) or 0  # type: ignore[func-returns-value]
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    events = [row[1] for row in shown[0].texts()]
    assert events == ["Ditambahkan", "Hilang"]
    assert shown[0].texts()[1][3] == "tamu"  # who recorded it

    # Adding the same range again adds only what is new; the preview says which are skipped.
    seen.clear()
    panel.exec_dialog = _adding(qtbot, "4-7", seen)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    text = seen[0].preview.text()  # type: ignore[attr-defined]
    assert "Akan ditambahkan 2 kartu: 6, 7" in text and "Sudah ada, dilewati (2): 4, 5" in text
    assert len(_rows(panel)) == 7


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("5-1", "terbalik"),
        ("1 sampai 5", "tidak dikenali"),
        ("-5", "tidak dikenali"),
        ("kartu satu", "tidak dikenali"),
        ("1-x", "tidak dikenali"),  # a range written wrong is no card called "1-x"
        ("1--5", "tidak dikenali"),
        ("1-600", "Paling banyak 500"),
    ],
)
def test_numbers_that_are_not_cards_are_named_next_to_the_field(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, desk: Actor, typed: str, message: str
) -> None:
    panel = _panel(qtbot, filled, desk)
    seen: list[QDialog] = []
    panel.exec_dialog = _adding(qtbot, typed, seen)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = seen[0]
    assert isinstance(dialog, AddCardsDialog)
    assert message in dialog.error.text() and dialog.error.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert _rows(panel) == {}


def test_withdraw_asks_a_reason_and_a_card_in_use_cannot_be_withdrawn(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, desk: Actor, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled.db.transaction() as s:
        cards.add_cards(s, desk, "T01-T02")
    panel = _panel(qtbot, filled, desk)
    monkeypatch.setattr("desktop.ui.guests.cards_panel.ask_reason", lambda *_a, **_k: "patah")
    assert panel.select_number("T02")
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert _rows(panel)["T02"] == "Ditarik"
    assert "ditarik 1" in panel.counts.text()
    assert not panel.withdraw_button.isEnabled()


def test_the_pimpinan_sees_the_stock_and_the_history_only(qtbot, filled: AppContext, desk: Actor) -> None:  # type: ignore[no-untyped-def]
    with filled.db.transaction() as s:
        cards.add_cards(s, desk, "1-3")
    panel = _panel(qtbot, filled, demo_actor(filled, "kadis"))
    assert len(_rows(panel)) == 3
    assert panel.add_button.isHidden() and panel.lost_button.isHidden() and panel.withdraw_button.isHidden()
    assert not panel.history_button.isHidden() and panel.history_button.isEnabled()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_card_stock_and_its_dialogs_fit_small_screens(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, desk: Actor, screen: str
) -> None:
    with filled.db.transaction() as s:
        cards.add_cards(s, desk, "1-40")
        cards.mark_lost(s, desk, cards.list_cards(s, desk)[2].id, "")
    panel = _panel(qtbot, filled, desk)
    show_at(panel, screen)
    assert problems(panel) == []
    shoot(panel, f"kartu-tamu-{screen}")
    adding = AddCardsDialog(UiContext(filled, desk), ["1", "2"], panel)
    qtbot.addWidget(adding)
    adding.numbers.setText("1-40, T01-T05")
    fits_dialog(adding, screen)
    assert problems(adding) == []
    shoot(adding, f"kartu-tamu-tambah-{screen}")
    with filled.db.read() as s:
        events = cards.history(s, desk, cards.list_cards(s, desk)[2].id)
    history = CardHistoryDialog("3", events, "WITA", panel)
    qtbot.addWidget(history)
    fits_dialog(history, screen)
    assert problems(history) == []
    shoot(history, f"kartu-tamu-riwayat-{screen}")
