"""The shared screen pieces of ``desktop/ui/widgets`` and the one ``confirm()``, each tested once here."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QKeyCombination, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

import desktop
from desktop.ui import dialogs
from desktop.ui.widgets import palette
from desktop.ui.widgets.dates import pydate, qdate, short_datetime, zone_info
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import is_enter, key_of, sequence
from desktop.ui.widgets.messages import muted, set_message

UI = Path(desktop.__file__).resolve().parent / "ui"
NOT_YET_ON_PALETTE: set[str] = set()


def _colours() -> dict[str, str]:
    return {name: value for name, value in vars(palette).items() if name.isupper()}


def test_palette_has_one_value_per_colour() -> None:
    colours = _colours()
    assert {"ERROR_COLOR", "WARNING_COLOR", "SUCCESS_COLOR", "WARNING_BACKGROUND", "WARNING_INK"} <= set(
        colours
    )
    assert all(QColor(value).isValid() for value in colours.values())
    assert len(set(colours.values())) == len(colours)  # two names for one colour would drift apart again


def test_no_screen_keeps_its_own_copy_of_a_palette_colour() -> None:
    values = {value.lower() for value in _colours().values()}
    names = "|".join(_colours())
    copies = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "palette.py" or path.relative_to(UI).as_posix() in NOT_YET_ON_PALETTE:
            continue
        text = path.read_text(encoding="utf-8")
        copies += [
            f"{path.name}: {hex_}"
            for hex_ in re.findall(r"#[0-9a-fA-F]{6}\b", text)
            if hex_.lower() in values
        ]
        copies += [f"{path.name}: {m}" for m in re.findall(rf"^(?:{names}) = ", text, flags=re.MULTILINE)]
    assert copies == []


@pytest.mark.parametrize("day", [date(2024, 2, 29), date(2026, 12, 31), date(2027, 1, 1)])
def test_qdate_and_pydate_round_trip(day: date) -> None:
    assert qdate(day) == QDate(day.year, day.month, day.day)
    assert pydate(qdate(day)) == day


def test_office_time_display_falls_back_to_wib_for_an_unfinished_profile() -> None:
    moment = datetime(2026, 11, 22, 6, 5, tzinfo=UTC)
    assert short_datetime(moment, "WITA") == "22-11-2026 14.05"
    assert zone_info("") == zone_info("WIB")
    assert short_datetime(moment, "") == "22-11-2026 13.05"


def test_set_message_shows_and_hides_the_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    label = QLabel(owner)
    owner.show()
    set_message(label, "Nomor sudah dipakai.", palette.ERROR_COLOR)
    assert label.isVisible() and label.text() == "Nomor sudah dipakai."
    assert palette.ERROR_COLOR in label.styleSheet()
    set_message(label, "", palette.ERROR_COLOR)
    assert not label.isVisible() and label.styleSheet() == ""


def test_muted_greys_the_text_and_can_make_it_smaller(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("catatan")
    qtbot.addWidget(label)
    size = label.font().pointSizeF()
    assert muted(label, smaller=True) is label
    placeholder = label.palette().color(label.palette().ColorRole.PlaceholderText)
    assert label.palette().color(label.palette().ColorRole.WindowText) == placeholder
    assert label.font().pointSizeF() < size


def test_form_row_shows_and_clears_its_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    form = form_layout()
    owner.setLayout(form)
    rows = FormRows(owner, form)
    nama, hint = QLineEdit(), QLabel("mis. Sub Bagian Umum")
    jenis, urutan = QComboBox(), QComboBox()
    jenis.addItems(["Bidang", "Seksi"])
    label = rows.add("&Nama", "nama", nama, below=[hint])
    rows.add("&Jenis", "jenis", hbox(jenis, urutan), also=("urutan",), focus=jenis)
    rows.clear_on_edit()
    owner.show()
    qtbot.waitExposed(owner)
    assert label.buddy() is nama and rows.error_text("nama") == ""

    nama.setText("Umum")
    assert rows.show_error("nama", "Nama unit sudah dipakai.")
    assert rows.error_text("nama") == "Nama unit sudah dipakai."
    assert rows.errors["nama"].isVisible() and owner.focusWidget() is nama and nama.selectedText() == "Umum"
    qtbot.keyClicks(nama, "x")  # typing clears the message
    assert rows.error_text("nama") == "" and not rows.errors["nama"].isVisible()

    assert rows.show_error("urutan", "Urutan wajib diisi.")  # shares the row of "jenis"
    assert rows.error_text("jenis") == "Urutan wajib diisi."
    rows.clear_errors()
    assert rows.error_text("urutan") == ""
    assert not rows.show_error("alamat", "Tidak ada baris ini.")  # the caller shows it elsewhere
    assert not rows.show_error(None, "Umum.")


def test_key_of_drops_the_keypad_flag() -> None:
    keypad_enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert key_of(keypad_enter) == QKeyCombination(Qt.Key.Key_Enter)
    assert is_enter(keypad_enter)
    ctrl_s = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert key_of(ctrl_s) == sequence("Ctrl+S")
    assert not is_enter(ctrl_s)


@pytest.mark.parametrize("danger", [False, True])
def test_confirm_asks_with_the_safe_default(qtbot, monkeypatch: pytest.MonkeyPatch, danger: bool) -> None:  # type: ignore[no-untyped-def]
    seen = []

    def answer(box: QMessageBox) -> int:
        seen.append((box.text(), box.informativeText(), box.defaultButton().text(), box.icon()))
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    said_yes = dialogs.confirm(
        None,
        "Hapus hari libur",
        "Hapus “Nyepi”?",
        yes="&Hapus",
        informative="Jadi hari kerja.",
        danger=danger,
    )
    [(text, informative, default, icon)] = seen
    assert (text, informative) == ("Hapus “Nyepi”?", "Jadi hari kerja.")
    # Enter on a destructive question does nothing harmful.
    assert (default, said_yes) == (("Batal", False) if danger else ("&Hapus", True))
    assert icon == (QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question)
