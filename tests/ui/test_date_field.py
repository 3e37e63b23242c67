"""The one date field, typed as a clerk types, and pre-filled fields that typing replaces (issue 13 items 4, 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import func, select

from desktop.core import clock
from desktop.models.letters import IncomingLetter
from desktop.services.system import AppContext
from desktop.ui.widgets.dates import DateField, DateTypingError, office_time, parse_typed_date
from desktop.ui.widgets.datetime_field import DateTimeField
from desktop.ui.widgets.forms import select_on_focus, select_on_focus_within
from tests.ui.letters.test_tab import NOMOR, SENDER, _tab

REFERENCE = date(2026, 5, 14)  # "today" for the tests: a Thursday in May 2026


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("03022026", date(2026, 2, 3)),
        ("3/2/2026", date(2026, 2, 3)),
        ("03-02-2026", date(2026, 2, 3)),
        ("3.2.2026", date(2026, 2, 3)),
        ("3-2-26", date(2026, 2, 3)),
        ("030226", date(2026, 2, 3)),
        ("3/2", date(2026, 2, 3)),
        ("0302", date(2026, 2, 3)),
        ("2026-02-03", date(2026, 2, 3)),
        ("3 Februari 2026", date(2026, 2, 3)),
        ("14-03-73", date(1973, 3, 14)),  # a birth date: two digits never land more than ten years ahead
        ("29/02/2028", date(2028, 2, 29)),
        ("  31 / 12 / 2026 ".replace(" ", ""), date(2026, 12, 31)),
    ],
)
def test_every_way_a_clerk_types_a_date_is_read(typed: str, expected: date) -> None:
    assert parse_typed_date(typed, REFERENCE) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31022026", "Februari 2026 hanya 28 hari"),
        ("31/02/2026", "Februari 2026 hanya 28 hari"),
        ("29-02-2026", "Februari 2026 hanya 28 hari"),
        ("31/04/2026", "April 2026 hanya 30 hari"),
        ("3/13/2026", "Bulan 13 tidak ada"),
        ("32/01/2026", "Tanggal 32 tidak ada"),
        ("00/01/2026", "Tanggal 0 tidak ada"),
        ("kemarin", "Tanggal tidak dikenali"),
    ],
)
def test_an_impossible_date_is_refused_with_its_reason_never_moved(typed: str, reason: str) -> None:
    with pytest.raises(DateTypingError, match=reason) as caught:
        parse_typed_date(typed, REFERENCE)
    assert caught.value.complete


def _field(qtbot, field: DateField | None = None, **kwargs: object) -> tuple[QWidget, DateField, QLineEdit]:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    column = QVBoxLayout(owner)
    if field is None:
        field = DateField(owner, today=REFERENCE, **kwargs)  # type: ignore[arg-type]
    else:
        field.setParent(owner)
    after = QLineEdit("Samarinda", owner)
    column.addWidget(field.boxed())
    column.addWidget(after)
    owner.show()
    qtbot.waitExposed(owner)
    owner.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is owner, timeout=2000)
    return owner, field, after


def test_typed_digits_show_the_weekday_live_and_one_tab_leaves(qtbot) -> None:  # type: ignore[no-untyped-def]
    _owner, field, after = _field(qtbot, value=date(2026, 5, 14))
    seen: list[date | None] = []
    field.dateChanged.connect(seen.append)
    after.setFocus()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert (
        field.hasFocus() and field.selectedText() == "14-05-2026"
    )  # the first click selects: typing replaces
    qtbot.keyClicks(field, "0302")
    assert field.caption.text() == "Selasa, 3 Februari 2026"  # live, before the field is left
    qtbot.keyClicks(field, "2026")
    assert field.caption.text() == "Selasa, 3 Februari 2026"
    assert field.date() == date(2026, 2, 3) and seen[-1] == date(2026, 2, 3)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()  # one Tab, not one per section
    assert field.text() == "03-02-2026"


def test_an_impossible_date_turns_red_stays_as_typed_and_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    _owner, field, after = _field(qtbot, value=date(2026, 5, 14), required=True)
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert field.hasFocus() and field.selectedText() == "14-05-2026"
    qtbot.keyClicks(field, "31/02")
    assert not field.is_invalid()  # 31/02 may still become 31/02/2028's neighbour: not red while typing
    qtbot.keyClicks(field, "/2026")
    assert field.is_invalid()
    assert "Februari 2026 hanya 28 hari" in field.caption.text()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert field.text() == "31/02/2026"  # never silently 28/02
    assert field.date() is None
    with pytest.raises(ValueError, match="hanya 28 hari"):
        field.value()


def test_required_minimum_and_maximum_are_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    _owner, field, _after = _field(qtbot, minimum=date(2026, 5, 1), maximum=date(2026, 5, 14), required=True)
    assert field.error() == "Tanggal wajib diisi."
    field.setText("15052026")
    assert "sesudah 14 Mei 2026" in field.error() and field.date() is None
    field.setText("30/4/2026")
    assert "sebelum 1 Mei 2026" in field.error()
    field.setText("10/5")
    assert field.error() == "" and field.date() == date(2026, 5, 10)
    field.setRequired(False)
    field.setDate(None)
    assert field.error() == "" and field.date() is None and field.caption.text() == ""


def test_f4_opens_the_calendar_and_a_pick_fills_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    _owner, field, _after = _field(qtbot, value=date(2026, 5, 14))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    calendar = field._calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toPython() == date(2026, 5, 14)
    calendar.setSelectedDate(calendar.selectedDate().addDays(1))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert field.date() == date(2026, 5, 15)


def test_a_prefilled_field_is_replaced_by_typing_after_tab_or_a_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    column = QVBoxLayout(owner)
    tujuan, alamat = QLineEdit(owner), QLineEdit("Samarinda", owner)
    column.addWidget(tujuan)
    column.addWidget(alamat)
    select_on_focus_within(owner)
    owner.show()
    qtbot.waitExposed(owner)
    owner.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is owner, timeout=2000)

    tujuan.setFocus()
    qtbot.keyClick(tujuan, Qt.Key.Key_Tab)
    qtbot.keyClicks(alamat, "Balikpapan")
    assert alamat.text() == "Balikpapan"

    alamat.setText("Samarinda")
    tujuan.setFocus()
    qtbot.mouseClick(alamat, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(alamat, "Balikpapan")
    assert alamat.text() == "Balikpapan"
    qtbot.mouseClick(alamat, Qt.MouseButton.LeftButton)  # a second click places the cursor
    assert not alamat.hasSelectedText()

    # Filled in by the form after the clerk arrived (an address looked up when Enter left the recipient).
    alamat.clear()
    tujuan.setFocus()
    alamat.setFocus(Qt.FocusReason.TabFocusReason)
    alamat.setText("di Tempat")
    qtbot.keyClicks(alamat, "Samarinda")
    assert alamat.text() == "Samarinda"
    # Once the clerk has typed, the text is theirs: nothing selects it away.
    alamat.setText(alamat.text())
    qtbot.keyClicks(alamat, " Seberang")
    assert alamat.text().endswith("Seberang")


def test_select_on_focus_installs_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit("x")
    qtbot.addWidget(edit)
    select_on_focus(edit)
    select_on_focus(edit)
    assert edit.property("selectsOnFocus") is True


def test_incoming_form_refuses_31_february_and_saves_nothing(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, filled)
    form = tab.form
    form.focus_first()
    qtbot.keyClicks(form.asal, SENDER)
    qtbot.keyClick(form.asal, Qt.Key.Key_Return)
    qtbot.keyClicks(form.nomor, NOMOR)
    qtbot.keyClick(form.nomor, Qt.Key.Key_Return)
    assert form.tanggal_surat.hasFocus() and form.tanggal_surat.selectedText() == form.tanggal_surat.text()
    qtbot.keyClicks(form.tanggal_surat, "31022026")
    assert form.tanggal_surat.is_invalid()
    qtbot.keyClick(form.tanggal_surat, Qt.Key.Key_Tab)
    assert form.perihal.hasFocus()  # one Tab from the date to Perihal
    qtbot.keyClicks(form.perihal, "Undangan rapat")
    qtbot.keyClick(form.perihal, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert "Tanggal 31 Februari 2026 tidak ada" in form.error_text("tanggal_surat")
    assert form.tanggal_surat.hasFocus() and form.tanggal_surat.text() == "31022026"
    with filled.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(IncomingLetter)) == 0

    qtbot.keyClicks(form.tanggal_surat, "3-2-26")  # selected by the error: typing replaces it
    assert form.tanggal_surat.caption.text() == "Selasa, 3 Februari 2026"
    assert form.error_text("tanggal_surat") == ""  # editing clears the line
    assert form.save() is not None
    with filled.db.transaction() as s:
        assert s.scalar(select(IncomingLetter.tanggal_surat)) == date(2026, 2, 3)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("06122026 0930", datetime(2026, 12, 6, 9, 30)),
        ("6-12-26 9.30", datetime(2026, 12, 6, 9, 30)),
        ("06/12/2026 14:05", datetime(2026, 12, 6, 14, 5)),
        ("06122026", datetime(2026, 12, 6, 8, 0)),  # a date alone keeps the hour the field held
        ("7 12 2026", datetime(2026, 12, 7, 8, 0)),  # spaces inside a date are not a time
    ],
)
def test_a_date_and_time_is_typed_like_a_date_plus_the_hour(qtbot, typed: str, expected: datetime) -> None:  # type: ignore[no-untyped-def]
    _owner, field, after = _field(qtbot, DateTimeField(None, datetime(2026, 12, 7, 8, 0), required=True))
    after.setFocus()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # the first click selects: typing replaces
    qtbot.keyClicks(field, typed)
    assert field.dateTime() == expected, field.text()
    assert field.caption.text().endswith(f"pukul {expected:%H.%M}")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()  # one Tab leaves it
    assert field.text() == f"{expected:%d-%m-%Y %H.%M}"  # tidied on leaving


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("06122026 25.00", "Jam 25.00 tidak ada"),
        ("06122026 0975", "Jam 09.75 tidak ada"),
        ("31022026 0930", "Tanggal 31 Februari 2026 tidak ada"),
    ],
)
def test_an_impossible_time_or_day_is_refused_with_its_reason(qtbot, typed: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    _owner, field, after = _field(qtbot, DateTimeField(None, datetime(2026, 12, 7, 8, 0), required=True))
    after.setFocus()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # the first click selects: typing replaces
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime() is None and field.is_invalid()
    assert reason in field.error() and reason in field.caption.text()
    assert field.text() == typed  # left as typed for the clerk to fix


def test_the_incoming_form_saves_the_typed_tanggal_terima_and_refuses_a_wrong_one(
    qtbot,
    filled: AppContext,
) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 7, 2, 0, tzinfo=UTC))  # Senin 7 Desember 2026, 10.00 WITA
    tab = _tab(qtbot, filled)
    form = tab.form
    assert form.terima.text() == "07-12-2026 10.00"
    form.focus_first()
    qtbot.keyClick(form.asal, Qt.Key.Key_Backtab)
    assert form.terima.hasFocus() and form.terima.selectedText() == form.terima.text()  # typing replaces it
    qtbot.keyClicks(form.terima, "0312202699.00")
    qtbot.keyClick(form.terima, Qt.Key.Key_Return)
    qtbot.keyClicks(form.asal, SENDER)
    qtbot.keyClick(form.asal, Qt.Key.Key_Return)
    qtbot.keyClicks(form.nomor, NOMOR)
    qtbot.keyClick(form.nomor, Qt.Key.Key_Return)
    qtbot.keyClicks(form.tanggal_surat, "01122026")
    qtbot.keyClick(form.tanggal_surat, Qt.Key.Key_Return)
    qtbot.keyClicks(form.perihal, "Undangan rapat")
    assert form.save() is None
    assert form.error_text("tanggal_diterima")  # refused, with the reason under the field
    with filled.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(IncomingLetter)) == 0

    form.terima.setFocus()
    form.terima.selectAll()
    qtbot.keyClicks(form.terima, "03122026 0915")
    assert form.terima.caption.text() == "Kamis, 3 Desember 2026 pukul 09.15"
    assert form.save() is not None
    with filled.db.transaction() as s:
        received = s.scalar(select(IncomingLetter.tanggal_diterima))
    assert received is not None
    assert office_time(received, "WITA").replace(tzinfo=None) == datetime(2026, 12, 3, 9, 15)
