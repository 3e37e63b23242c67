"""The SKM kiosk by touch (guests.md R19-R25): nine answers stored once, back to the start, admin-only exit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSize, Qt
from sqlalchemy import func, select

from desktop.core import clock
from desktop.core.guests.ikm import UNSUR
from desktop.models.admin import User
from desktop.models.guests import SurveyResponse
from desktop.services.common import auth, demo_mark
from desktop.services.guests import visits
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.guests.kiosk_window import IDLE_MS, KioskWindow

from ..screens import problems, pump

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 3, 2, 11, 40, tzinfo=WITA)
SHOTS = Path("/tmp/shots14")
VALUES = (4, 3, 2, 4, 3, 4, 4, 1, 3)


@pytest.fixture
def ctx(filled: AppContext) -> Iterator[UiContext]:
    with clock.fixed(NOW):
        with filled.db.transaction() as s:
            actor = auth.actor_for(s.scalars(select(User).where(User.username == "tamu")).one())
        yield UiContext(filled, actor)


@pytest.fixture
def kiosk(ctx: UiContext, qtbot) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    window = KioskWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    pump()
    yield window
    window._may_close = True  # let pytest-qt close it after the test
    window.close()


def _stored(ctx: UiContext) -> list[SurveyResponse]:
    with ctx.read() as s:
        return list(s.scalars(select(SurveyResponse).order_by(SurveyResponse.id)))


def _answer_all(qtbot, kiosk: KioskWindow, values: tuple[int, ...] = VALUES) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(kiosk.start_button, Qt.MouseButton.LeftButton)
    for index, value in enumerate(values):
        page = kiosk.questions[index]
        assert kiosk.stack.currentWidget() is page
        qtbot.mouseClick(page.buttons[value - 1], Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.profile


def test_nine_touches_and_kirim_store_one_response_then_the_kiosk_starts_over(
    ctx: UiContext,
    kiosk: KioskWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    _answer_all(qtbot, kiosk)
    profile = kiosk.profile
    qtbot.mouseClick(profile.jenis_kelamin.buttons["P"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profile.pendidikan.buttons["S2"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profile.pendidikan.buttons["S1"], Qt.MouseButton.LeftButton)  # changed her mind
    qtbot.mouseClick(profile.pekerjaan.buttons["PNS"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profile.pekerjaan.buttons["PNS"], Qt.MouseButton.LeftButton)  # and left it open
    qtbot.keyClicks(profile.usia, "41")
    qtbot.keyClicks(profile.saran, "Petugas ramah")
    qtbot.mouseClick(profile.send_button, Qt.MouseButton.LeftButton)

    assert kiosk.stack.currentWidget() is kiosk.thanks
    [row] = _stored(ctx)
    assert tuple(getattr(row, f"u{i}") for i in range(1, 10)) == VALUES
    assert (row.sumber, row.tanggal, row.jam) == ("kiosk", date(2026, 3, 2), "11:40")
    assert (row.jenis_kelamin, row.pendidikan, row.pekerjaan, row.usia, row.saran) == (
        "P",
        "S1",
        "",
        41,
        "Petugas ramah",
    )
    kiosk.thanks_timer.setInterval(20)
    kiosk.thanks_timer.start()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.start_page, timeout=2000)
    assert kiosk.answers == [None] * 9
    assert kiosk.profile.saran.text() == "" and kiosk.profile.pendidikan.value() == ""

    # The next respondent is a new response, not a change of the last one.
    _answer_all(qtbot, kiosk, (1,) * 9)
    qtbot.mouseClick(kiosk.profile.send_button, Qt.MouseButton.LeftButton)
    assert [r.u1 for r in _stored(ctx)] == [4, 1]


def test_back_shows_the_earlier_answer_and_a_new_touch_replaces_it(
    ctx: UiContext,
    kiosk: KioskWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    _answer_all(qtbot, kiosk)
    qtbot.mouseClick(kiosk.profile.back_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.questions[8]
    qtbot.mouseClick(kiosk.questions[8].back_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.questions[7]
    qtbot.mouseClick(kiosk.questions[7].buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.questions[8].buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.profile.send_button, Qt.MouseButton.LeftButton)
    [row] = _stored(ctx)
    assert (row.u8, row.u9) == (4, 1)


def test_a_minute_without_a_touch_returns_to_the_start_and_forgets_the_answers(
    ctx: UiContext,
    kiosk: KioskWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    assert kiosk.idle_timer.interval() == IDLE_MS == 60_000
    qtbot.mouseClick(kiosk.start_button, Qt.MouseButton.LeftButton)
    for index in range(3):
        qtbot.mouseClick(kiosk.questions[index].buttons[1], Qt.MouseButton.LeftButton)
    assert kiosk.idle_timer.isActive()
    kiosk.idle_timer.setInterval(30)
    kiosk.idle_timer.start()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.start_page, timeout=2000)
    assert kiosk.answers == [None] * 9
    assert _stored(ctx) == []


def test_escape_and_close_do_not_leave_the_kiosk(kiosk: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk.token_field, Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.close() is False
    pump()
    assert kiosk.isVisible()


def test_only_an_admin_password_opens_the_way_out(
    ctx: UiContext,
    kiosk: KioskWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    left: list[bool] = []
    kiosk.left.connect(lambda: left.append(True))
    qtbot.mouseClick(kiosk.corner, Qt.MouseButton.LeftButton)
    page = kiosk.unlock_page
    assert kiosk.stack.currentWidget() is page

    qtbot.keyClicks(page.username, "admin")
    qtbot.keyClicks(page.password, "salah-sandi")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert kiosk.isVisible() and not left
    assert page.message.isVisible() and page.password.text() == ""

    # The front desk's own account knows its password but is not an admin.
    page.username.clear()
    qtbot.keyClicks(page.username, "tamu")
    qtbot.keyClicks(page.password, demo_mark.DEMO_PASSWORD)
    qtbot.mouseClick(page.ok_button, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible() and not left
    assert "Hanya admin" in page.message.text()

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.start_page
    qtbot.mouseClick(kiosk.corner, Qt.MouseButton.LeftButton)
    assert page.username.text() == "" and page.password.text() == ""  # nothing typed stays for the next one
    qtbot.keyClicks(page.username, "admin")
    qtbot.keyClicks(page.password, demo_mark.DEMO_PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert left == [True]
    assert not kiosk.isVisible()


def test_a_token_from_the_slip_is_used_once(ctx: UiContext, kiosk: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.admin import OrgUnit

    with ctx.transaction() as s:
        unit = s.scalars(select(OrgUnit.id).order_by(OrgUnit.id)).first()
        visit = visits.check_in(
            s, ctx.actor, visits.WalkIn(nama="Yohanes Lado", keperluan="Audiensi", tujuan_unit_id=unit)
        )
    token = visit.survei_token
    assert token
    # A USB scanner types the whole address of the QR.
    qtbot.keyClicks(kiosk.token_field, f"http://192.168.1.20:8765/s/{token}")
    _answer_all(qtbot, kiosk)
    qtbot.mouseClick(kiosk.profile.send_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.thanks
    kiosk.restart()
    qtbot.keyClicks(kiosk.token_field, token)
    qtbot.keyClick(kiosk.token_field, Qt.Key.Key_Return)
    assert kiosk.stack.currentWidget() is kiosk.start_page
    assert kiosk.start_message.text() == "Survei untuk kunjungan ini sudah diisi."
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 1


@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1366, 768)], ids=["1024x600", "1366x768"])
def test_every_page_fits_a_tablet_and_a_desk_screen(
    kiosk: KioskWindow,
    qtbot,
    size: QSize,  # type: ignore[no-untyped-def]
) -> None:
    kiosk.resize(size)
    pump()
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"{size.width()}x{size.height()}"
    pages = {
        "mulai": kiosk.start_page,
        "pertanyaan7": kiosk.questions[6],
        "profil": kiosk.profile,
        "keluar": kiosk.unlock_page,
    }
    for label, page in pages.items():
        kiosk.stack.setCurrentWidget(page)
        pump()
        assert kiosk.size() == size
        found = [p for p in problems(kiosk) if "sudut" not in p]
        assert found == [], (label, found)
        kiosk.grab().save(str(SHOTS / f"kiosk_{label}_{name}.png"))
    for button in kiosk.questions[6].buttons:
        assert button.height() >= 120 and button.width() >= 180  # a thumb's target
    assert len(UNSUR) == len(kiosk.questions) == 9
