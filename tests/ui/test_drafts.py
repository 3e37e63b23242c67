"""Typed work is never lost: forms keep drafts, closing asks first, and a killed app offers the draft back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import clock
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState
from desktop.ui.widgets import drafts
from tests.ui.office import demo_actor

ROOT = Path(__file__).resolve().parents[2]
SENDER = "Bank Indonesia Perwakilan Kalimantan Timur"
NOMOR = "B/12/KPw-Kaltim/2026"


@pytest.fixture
def fixed_clock() -> Iterator[None]:
    clock.fix(datetime(2026, 12, 6, 6, 5, tzinfo=UTC))  # 14.05 WITA
    yield
    clock.fix(None)


def _window(qtbot, ctx: AppContext, username: str = "surat", *, typing: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(
        UiContext(ctx, demo_actor(ctx, username)), UiState(Path(ctx.data_dir) / "tampilan.ini")
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    if typing:  # offscreen windows are not always activated on show; typing needs focus
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def _half_letter(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.surat)
    form = window.surat.form
    form.focus_first()
    qtbot.keyClicks(form.asal, SENDER)
    qtbot.keyClick(form.asal, Qt.Key.Key_Return)
    qtbot.keyClicks(form.nomor, NOMOR)
    return form


def test_closing_the_window_with_a_half_typed_letter_asks_and_back_keeps_it(
    qtbot, filled, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    form = _half_letter(qtbot, window)
    asked: list[tuple[str, str, str, str]] = []

    def answer(_parent, _title, text, *, yes="", no="", informative="", **_kw):  # type: ignore[no-untyped-def]
        asked.append((text, yes, no, informative))
        return False  # "Kembali ke formulir"

    monkeypatch.setattr(dialogs, "confirm", answer)
    window.close()
    assert len(asked) == 1
    text, yes, no, listed = asked[0]
    assert text == "Buang isian yang belum disimpan?"
    assert (yes, no) == ("Buang isian", "Kembali ke formulir")
    assert "surat masuk" in listed
    assert window.isVisible()
    assert form.asal.text() == SENDER and form.nomor.text() == NOMOR
    assert window.tabs.currentWidget() is window.surat

    # Ctrl+Q is the same close: still asked, still kept.
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and window.isVisible()

    # "Buang isian": the window goes and no draft is left for the next start.
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    form.drafts.autosave()
    assert drafts.store_for(window.ctx).get("surat_masuk/baru") is not None
    window.close()
    assert not window.isVisible()
    assert drafts.store_for(window.ctx).drafts() == []


def test_keluar_akun_asks_once_and_back_keeps_the_clerk_signed_in(qtbot, filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    form = _half_letter(qtbot, window)
    signed_out: list[bool] = []
    window.sign_out_requested.connect(lambda: signed_out.append(True))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) and False)
    qtbot.keyClick(
        form.nomor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert asked == ["Buang isian yang belum disimpan?"]
    assert not signed_out and window.isVisible() and form.nomor.text() == NOMOR

    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    qtbot.keyClick(
        form.nomor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(asked) == 2  # asked once for the sign-out, not again by the close that follows it
    assert signed_out and not window.isVisible()


def test_a_clean_window_closes_without_asking(qtbot, filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    window.tabs.setCurrentWidget(window.surat)
    qtbot.wait(10)  # the form measures its starting point once it has filled in its defaults
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: pytest.fail("nothing to ask about"))
    window.close()
    assert not window.isVisible()


def test_a_saved_letter_leaves_no_draft(qtbot, filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    form = _half_letter(qtbot, window)
    qtbot.keyClick(form.nomor, Qt.Key.Key_Return)
    form.perihal.setFocus()
    qtbot.keyClicks(form.perihal, "Undangan Rapat Koordinasi")
    form.drafts.autosave()
    store = drafts.store_for(window.ctx)
    assert store.get("surat_masuk/baru") is not None
    assert store.get("surat_masuk/baru").fields["perihal"] == "Undangan Rapat Koordinasi"

    qtbot.keyClick(form.perihal, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Tersimpan" in form.status_label.text()
    qtbot.wait(10)
    form.drafts.autosave()
    assert store.drafts() == []
    assert not form.drafts.is_dirty()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: pytest.fail("a saved letter needs no question"))
    window.close()


def test_autosave_writes_only_changes_and_drops_the_draft_when_undone(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    form = _half_letter(qtbot, window)
    keeper = form.drafts
    store = keeper.store
    keeper.autosave()
    first = store.path.stat().st_mtime_ns
    keeper.autosave()  # nothing changed: the file is not written again
    assert store.path.stat().st_mtime_ns == first
    assert json.loads(store.path.read_text(encoding="utf-8"))["draf"]["surat_masuk/baru"]["tab"] == "surat"
    # Typed away again: back where it started, so the draft goes.
    form.asal.clear()
    form.nomor.clear()
    keeper.autosave()
    assert store.drafts() == []
    assert not store.path.exists()


def test_the_draft_is_offered_at_the_next_start_and_declining_deletes_it(
    qtbot, filled, fixed_clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store = drafts.store_for(UiContext(filled, demo_actor(filled, "surat")))
    store.save("surat_masuk/baru", "surat masuk", "surat", {"asal_surat": SENDER})
    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        dialogs,
        "confirm",
        lambda _p, _t, text, *, yes="", no="", **_k: asked.append((text, yes, no)) and False,
    )
    window = _window(qtbot, filled)
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    assert asked == [
        (
            "Ada isian surat masuk yang belum disimpan dari 6 Desember 2026 pukul 14.05. Pulihkan?",
            "Pulihkan",
            "Buang isian",
        )
    ]
    assert store.drafts() == []
    assert not window.is_built("surat") or window.surat.form.asal.text() == ""


def test_a_draft_belongs_to_the_clerk_who_typed_it(qtbot, filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drafts.store_for(UiContext(filled, demo_actor(filled, "surat"))).save(
        "surat_masuk/baru", "surat masuk", "surat", {"asal_surat": SENDER}
    )
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: pytest.fail("another user's draft"))
    window = _window(qtbot, filled, "admin")
    qtbot.wait(50)
    assert window.isVisible()


def test_pegawai_dialog_asks_with_the_shared_question_and_keeps_a_draft(qtbot, filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.staff.pegawai_form import PegawaiDialog

    ctx = UiContext(filled, demo_actor(filled, "admin"))
    dialog = PegawaiDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(10)
    qtbot.keyClicks(dialog.nama, "Siti Rahmawati")
    dialog.drafts.autosave()
    store = drafts.store_for(ctx)
    assert store.get("pegawai/baru").fields["nama"] == "Siti Rahmawati"

    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        dialogs,
        "confirm",
        lambda _p, _t, text, *, yes="", no="", **_k: asked.append((text, yes, no)) and False,
    )
    qtbot.keyClick(dialog.nama, Qt.Key.Key_Escape)
    assert asked == [("Buang isian yang belum disimpan?", "Buang isian", "Kembali ke formulir")]
    assert dialog.isVisible() and dialog.nama.text() == "Siti Rahmawati"

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    qtbot.keyClick(dialog.nama, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert store.drafts() == []  # thrown away on purpose


def test_restore_puts_every_kind_of_field_back(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.letters.outgoing_form import OutgoingForm

    ctx = UiContext(filled, demo_actor(filled, "surat"))
    form = OutgoingForm(ctx)
    qtbot.addWidget(form)
    qtbot.wait(10)
    form.tujuan.setText("Kepala Dinas Perdagangan Kota Samarinda")
    form.perihal.setPlainText("Permohonan data\nharga bahan pokok")
    form.urgensi.setCurrentIndex(form.urgensi.count() - 1)
    form.pesan.setChecked(True)
    typed = form.drafts.snapshot()
    assert form.drafts.is_dirty()

    again = OutgoingForm(ctx)
    qtbot.addWidget(again)
    qtbot.wait(10)
    assert not again.drafts.is_dirty()
    again.drafts.restore(typed)
    assert again.drafts.snapshot() == typed
    assert again.perihal.toPlainText() == "Permohonan data\nharga bahan pokok"
    assert again.urgensi.currentIndex() == again.urgensi.count() - 1 and again.pesan.isChecked()
    assert again.drafts.is_dirty()  # restored input is still unsaved input


def test_fields_are_found_by_name_without_passwords_or_inner_parts(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QSpinBox, QVBoxLayout, QWidget

    class Ctx:
        class app:
            data_dir = Path("/nonexistent")

        class actor:
            user_id = 1
            username = "x"

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    for name, widget in (
        ("nama", QLineEdit()),
        ("sandi", QLineEdit()),
        ("jumlah", QSpinBox()),
        ("tgl", QDateEdit()),
    ):
        widget.setObjectName(name)
        layout.addWidget(widget)
    form.findChild(QLineEdit, "sandi").setEchoMode(QLineEdit.EchoMode.Password)
    unnamed = QLineEdit()
    layout.addWidget(unnamed)
    keeper = drafts.DraftKeeper(form, Ctx(), "uji/baru", "uji")
    assert sorted(keeper.fields()) == ["jumlah", "nama", "tgl"]


ACCEPTANCE_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from desktop.models.admin import User
    from desktop.services import system
    from desktop.services.common import auth
    from desktop.ui import i18n
    from desktop.ui.context import UiContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.state import UiState
    from desktop.ui.widgets import drafts

    app = QApplication(sys.argv)
    i18n.install(app)
    data = Path(sys.argv[1])
    ctx = system.open_context(data)
    with ctx.db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == "surat")))
    window = MainWindow(UiContext(ctx, actor), UiState(data / "tampilan.ini"))
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    window.tabs.setCurrentWidget(window.surat)
    form = window.surat.form
    QTest.qWait(50)
    form.focus_first()
    QTest.keyClicks(form.asal, sys.argv[2])
    QTest.keyClick(form.asal, Qt.Key.Key_Return)
    QTest.keyClicks(form.nomor, sys.argv[3])
    store = drafts.store_for(window.ctx)
    for _ in range(100):  # the autosave, every few seconds, not a call from here
        QTest.qWait(100)
        draft = store.get("surat_masuk/baru")
        if draft is not None and draft.fields.get("nomor_surat") == sys.argv[3]:
            break
    print("draft written", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_acceptance_killed_app_offers_the_half_typed_letter_back(
    qtbot, filled, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    data = Path(filled.data_dir)
    filled.db.dispose()
    script = tmp_path / "type_and_die.py"
    script.write_text(ACCEPTANCE_SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script), str(data), SENDER, NOMOR],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "draft written" in done.stdout

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    window = _window(qtbot, filled, typing=False)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert len(asked) == 1
    assert asked[0].startswith("Ada isian surat masuk yang belum disimpan dari ") and asked[0].endswith(
        "Pulihkan?"
    )
    assert window.tabs.currentWidget() is window.surat
    form = window.surat.form
    assert form.asal.text() == SENDER
    assert form.nomor.text() == NOMOR
    assert form.drafts.is_dirty()  # still unsaved: closing asks again
