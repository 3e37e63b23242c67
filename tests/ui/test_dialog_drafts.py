"""Every dialog with typed input asks before throwing it away, keeps a draft while open and gets it back at the
next start: the settings dialogs, a riwayat entry, the ASN Berprestasi dialogs and the KGB letter."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.staff import Pegawai
from desktop.services import system
from desktop.services.common import auth, office
from desktop.services.common.permissions import Actor
from desktop.services.letters import settings as ls
from desktop.services.staff import awards, records
from desktop.services.staff.awards import Ranking, RankingRow
from desktop.services.staff.records import PegawaiInput, RiwayatKind
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState
from desktop.ui.widgets import drafts

PERIODE = date(2026, 10, 1)
LETTER_DAY = date(2026, 12, 7)
BUDI = "Budi Hartono"
BUDI_NIP = "197803142003031001"
QUESTION = "Buang isian yang belum disimpan?"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with one pegawai, Budi Hartono (copied per test)."""
    data = tmp_path_factory.mktemp("dialog_drafts") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        records.create_pegawai(
            s,
            _actor(ctx, "pegawai"),
            PegawaiInput(
                nip=BUDI_NIP,
                nama=BUDI,
                golongan_ruang="III/d",
                tmt_golongan=date(2018, 4, 1),
                mkg_tahun=15,
                jenis_jabatan="pelaksana",
                jabatan="Pengadministrasi Umum",
                pendidikan_terakhir="S-1",
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


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@dataclass
class Asked:
    text: str
    yes: str
    no: str
    informative: str


class Questions:
    """Stands in for the shared confirm(): records every question and gives ``answer``."""

    def __init__(self) -> None:
        self.asked: list[Asked] = []
        self.answer = False

    def __call__(self, _parent, _title, text, *, yes="", no="", informative="", **_kw) -> bool:  # type: ignore[no-untyped-def]
        self.asked.append(Asked(text, yes, no, informative))
        return self.answer


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """Set up before qtbot, so it still answers when qtbot closes what a test left open."""
    answering = Questions()
    monkeypatch.setattr(dialogs, "confirm", answering)
    return answering


def _budi(ctx: UiContext) -> records.PegawaiInfo:
    with ctx.read() as s:
        pegawai_id = s.scalar(select(Pegawai.id).where(Pegawai.nip == BUDI_NIP))
        return records.get_pegawai(s, ctx.actor, pegawai_id).pegawai


# ---------------------------------------------------------------------------------------------- the dialogs
@dataclass
class Case:
    """How to open one dialog, the field a clerk types into, and the key of its draft."""

    user: str
    make: Callable[[UiContext], QDialog]
    field: Callable[[QDialog], QWidget]
    key: Callable[[UiContext], str]
    text: str = "Uji isian"


def _unit(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.unit_dialog import UnitDialog

    with ctx.read() as s:
        units = office.list_units(s)
    return UnitDialog(ctx, None, units)


def _unit_edit(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.unit_dialog import UnitDialog

    with ctx.read() as s:
        units = office.list_units(s)
    return UnitDialog(ctx, units[0], units)


def _first_unit_key(ctx: UiContext) -> str:
    with ctx.read() as s:
        return f"unit/{office.list_units(s)[0].id}"


def _signatory(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.signatory_dialog import SignatoryDialog

    return SignatoryDialog(ctx, None)


def _user(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.add_user_dialog import AddUserDialog

    return AddUserDialog(ctx)


def _user_edit(ctx: UiContext) -> QDialog:
    from desktop.services.common import auth
    from desktop.ui.settings.users_page import EditUserDialog

    with ctx.read() as s:
        user = next(u for u in auth.list_users(s, ctx.actor) if u.username == "surat")
    return EditUserDialog(ctx, user)


def _instruction(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.letters_page import InstructionDialog

    return InstructionDialog(ctx, None)


def _holiday(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.holiday_dialog import HolidayDialog

    return HolidayDialog(ctx, None, date(2027, 1, 1))


def _series(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.series_dialog import SeriesDialog

    context = ls.NumberingContext(tanggal=LETTER_DAY, next_urut=1, profile_unit="DP2KUKM")
    return SeriesDialog(ctx, None, context)


def _add_year(ctx: UiContext) -> QDialog:
    from desktop.ui.settings.add_year_dialog import AddYearDialog

    return AddYearDialog(ctx, 2027)


def _riwayat(ctx: UiContext) -> QDialog:
    from desktop.ui.staff.riwayat_entry_dialog import RiwayatEntryDialog

    return RiwayatEntryDialog(ctx, _budi(ctx), RiwayatKind.PANGKAT)


def _approve(ctx: UiContext) -> QDialog:
    from desktop.ui.staff.award_approve_dialog import ApproveDialog

    row = RankingRow(1, _budi(ctx).id, BUDI, BUDI_NIP, "Penata (III/c)", "", "", (90,), 9000)
    return ApproveDialog(ctx, Ranking(PERIODE, (("Kinerja", 100),), (row,), ()))


def _cancel(ctx: UiContext) -> QDialog:
    from desktop.ui.staff.award_cancel_dialog import CancelApprovalDialog

    return CancelApprovalDialog(ctx, PERIODE)


def _criteria(ctx: UiContext) -> QDialog:
    from desktop.ui.staff.award_criteria_dialog import CriteriaDialog

    with ctx.read() as s:
        criteria = awards.list_criteria(s, ctx.actor)
    return CriteriaDialog(ctx, criteria)


def _kgb(ctx: UiContext) -> QDialog:
    from desktop.ui.staff.kgb_notice_dialog import KgbNoticeDialog

    return KgbNoticeDialog(ctx, _budi(ctx).id, LETTER_DAY)


CASES = {
    "unit": Case("admin", _unit, lambda d: d.nama, lambda _c: "unit/baru", "Sub Bagian Perencanaan"),
    "unit-ubah": Case("admin", _unit_edit, lambda d: d.singkatan, _first_unit_key, " LAMA"),
    "penanda-tangan": Case(
        "admin", _signatory, lambda d: d.nama, lambda _c: "penanda_tangan/baru", "Dr. Rina Kartika"
    ),
    "pengguna": Case("admin", _user, lambda d: d.username, lambda _c: "pengguna/baru", "siti.aminah"),
    "pengguna-ubah": Case("admin", _user_edit, lambda d: d.full_name, lambda _c: "pengguna/surat", " Hj."),
    "instruksi": Case(
        "admin", _instruction, lambda d: d.teks, lambda _c: "instruksi/baru", "Untuk dikoordinasikan"
    ),
    "hari-libur": Case("admin", _holiday, lambda d: d.nama, lambda _c: "hari_libur/baru", "Hari Raya Nyepi"),
    "seri-nomor": Case(
        "admin", _series, lambda d: d.nama, lambda _c: "seri_nomor/baru", "Surat Keluar Bidang"
    ),
    "tambah-tahun": Case("admin", _add_year, lambda d: d.year, lambda _c: "kalender/tambah_tahun", "2031"),
    "riwayat": Case(
        "pegawai",
        _riwayat,
        lambda d: d.widgets["nomor_sk"],
        lambda c: f"riwayat/{_budi(c).id}/pangkat/baru",
        "800/123/BKD/2026",
    ),
    "penetapan": Case(
        "pegawai",
        _approve,
        lambda d: d.nomor_sk,
        lambda _c: "prestasi_penetapan/2026-10",
        "800/77/DISPERINDAG",
    ),
    "batal-penetapan": Case(
        "pegawai", _cancel, lambda d: d.alasan, lambda _c: "prestasi_batal/2026-10", "SK salah orang"
    ),
    "kriteria": Case(
        "pegawai", _criteria, lambda d: d.table, lambda _c: "prestasi_kriteria", "dari absensi elektronik"
    ),
    "surat-kgb": Case(
        "pegawai", _kgb, lambda d: d.nomor, lambda c: f"kgb_surat/{_budi(c).id}", "800.1.11.13/9"
    ),
}


def _open(qtbot, filled: AppContext, case: Case) -> tuple[UiContext, QDialog]:  # type: ignore[no-untyped-def]
    ctx = UiContext(filled, _actor(filled, case.user))
    dialog = case.make(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.wait(10)  # the keeper settles once the dialog has filled in its defaults
    return ctx, dialog


def _type(qtbot, field: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """As the clerk types: into the field; in the criteria table into a cell's editor, Enter to keep it."""
    field.setFocus()
    if hasattr(field, "editItem"):
        field.setCurrentCell(0, 2)  # type: ignore[attr-defined]
        field.editItem(field.item(0, 2))  # type: ignore[attr-defined]
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        field.setFocus()
    else:
        qtbot.keyClicks(field, text)


def _shown(field: QWidget) -> str:
    if hasattr(field, "item"):
        return field.item(0, 2).text()  # type: ignore[attr-defined]
    if hasattr(field, "value") and not isinstance(field, QLineEdit):
        return str(field.value())  # type: ignore[attr-defined]
    return field.text()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", list(CASES))
def test_typed_input_is_asked_about_on_esc_and_kembali_keeps_it(
    qtbot, filled: AppContext, questions: Questions, name: str
) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    ctx, dialog = _open(qtbot, filled, case)
    field = case.field(dialog)
    _type(qtbot, field, case.text)
    typed = _shown(field)
    assert case.text.strip() in typed

    # While the dialog is open its input is kept on disk (the autosave, called here instead of waited for).
    store = drafts.store_for(ctx)
    keeper = drafts.keeper_of(dialog)
    assert keeper is not None
    keeper.autosave()
    draft = store.get(case.key(ctx))
    assert draft is not None and case.text.strip() in str(draft.fields)

    # Esc: the one shared question; "Kembali ke formulir" keeps the dialog and what was typed.
    questions.answer = False
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert [(a.text, a.yes, a.no) for a in questions.asked] == [
        (QUESTION, "Buang isian", "Kembali ke formulir")
    ]
    assert keeper.title in questions.asked[0].informative
    assert dialog.isVisible() and _shown(field) == typed
    assert dialog.result() != QDialog.DialogCode.Accepted

    # Esc again, "Buang isian": the dialog goes and no draft is left for the next start.
    questions.answer = True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert len(questions.asked) == 2
    assert not dialog.isVisible()
    assert store.get(case.key(ctx)) is None


@pytest.mark.parametrize("name", list(CASES))
def test_an_untouched_dialog_closes_on_esc_without_a_question(
    qtbot, filled: AppContext, questions: Questions, name: str
) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    ctx, dialog = _open(qtbot, filled, case)
    keeper = drafts.keeper_of(dialog)
    assert keeper is not None  # watched, and what the dialog filled in by itself is not typed input
    assert not keeper.is_dirty()
    keeper.autosave()
    assert drafts.store_for(ctx).drafts() == []
    qtbot.keyClick(case.field(dialog), Qt.Key.Key_Escape)
    assert questions.asked == []
    assert not dialog.isVisible()
    assert drafts.store_for(ctx).drafts() == []


@pytest.mark.parametrize("name", ["unit", "riwayat", "kriteria"])
def test_the_close_button_and_batal_ask_the_same_question(
    qtbot, filled: AppContext, questions: Questions, name: str
) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    _ctx, dialog = _open(qtbot, filled, case)
    field = case.field(dialog)
    _type(qtbot, field, case.text)
    typed = _shown(field)
    questions.answer = False
    dialog.close()  # the ✕ of the title bar
    batal = next(
        b for b in dialog.findChildren(QWidget) if getattr(b, "text", lambda: "")() in ("Batal", "&Batal")
    )
    qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
    assert [a.text for a in questions.asked] == [QUESTION, QUESTION]
    assert dialog.isVisible() and _shown(field) == typed


def test_a_saved_dialog_leaves_no_draft_and_asks_nothing(
    qtbot, filled: AppContext, questions: Questions
) -> None:  # type: ignore[no-untyped-def]
    ctx, dialog = _open(qtbot, filled, CASES["penanda-tangan"])
    qtbot.keyClicks(dialog.nama, "Dr. Rina Kartika, M.Si.")
    qtbot.keyClicks(dialog.jabatan, "Sekretaris")
    drafts.keeper_of(dialog).autosave()
    store = drafts.store_for(ctx)
    assert store.get("penanda_tangan/baru") is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert store.drafts() == [] and questions.asked == []


def test_the_kgb_letter_once_previewed_closes_without_a_question(
    qtbot, filled: AppContext, questions: Questions
) -> None:  # type: ignore[no-untyped-def]
    ctx, dialog = _open(qtbot, filled, CASES["surat-kgb"])
    qtbot.keyClicks(dialog.nomor, "800.1.11.13/0123/DP2KUKM/2026")
    qtbot.keyClicks(dialog.sk_pejabat, "Kepala Badan Kepegawaian Daerah")
    qtbot.keyClicks(dialog.sk_nomor, "823.3/0456/BKD-III/2018")
    qtbot.keyClicks(dialog.sk_tanggal, "15-03-2018")
    keeper = drafts.keeper_of(dialog)
    assert keeper is not None and keeper.is_dirty()
    preview = dialog.show_pdf()
    assert preview is not None, [e.text() for e in dialog.rows.errors.values()]
    preview.close()
    assert not keeper.is_dirty()  # the letter is made from it: nothing the clerk still needs is lost
    qtbot.keyClick(dialog.nomor, Qt.Key.Key_Escape)
    assert questions.asked == [] and not dialog.isVisible()
    assert drafts.store_for(ctx).drafts() == []


def test_a_password_is_never_in_the_draft(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx, dialog = _open(qtbot, filled, CASES["pengguna"])
    qtbot.keyClicks(dialog.username, "siti.aminah")
    qtbot.keyClicks(dialog.password, "rahasia-sekali-123")
    drafts.keeper_of(dialog).autosave()
    draft = drafts.store_for(ctx).get("pengguna/baru")
    assert draft is not None and draft.fields["username"] == "siti.aminah"
    assert "rahasia-sekali-123" not in drafts.store_for(ctx).path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------- the window
def _window(qtbot, ctx: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(ctx, _actor(ctx, "pegawai")), UiState(Path(ctx.data_dir) / "tampilan.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _riwayat_entry(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    """Kepegawaian → Pegawai → Budi Hartono → Riwayat → Tambah (pangkat)."""
    staff = window.tab("pegawai")
    window.tabs.setCurrentWidget(staff)
    staff.tabs.setCurrentWidget(staff.pegawai)
    panel = staff.pegawai
    assert panel.select(_budi(window.ctx).id)
    riwayat = panel.open_riwayat()
    qtbot.waitExposed(riwayat)
    entry = riwayat.add_entry()
    qtbot.waitExposed(entry)
    qtbot.wait(10)
    return entry


def test_a_half_typed_riwayat_entry_is_named_by_the_window_and_offered_back_at_the_next_start(
    qtbot, filled: AppContext, questions: Questions
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, filled)
    qtbot.wait(50)
    assert questions.asked == []  # nothing to offer at this start
    entry = _riwayat_entry(qtbot, window)
    nomor = entry.widgets["nomor_sk"]
    nomor.setFocus()
    qtbot.keyClicks(nomor, "800/123/BKD/2026")

    # Closing the window names the entry; "Kembali" keeps the window, the dialog and what was typed.
    questions.answer = False
    window.close()
    assert len(questions.asked) == 1
    assert questions.asked[0].text == QUESTION
    assert f"riwayat pangkat {BUDI}" in questions.asked[0].informative
    assert window.isVisible() and entry.isVisible() and nomor.text() == "800/123/BKD/2026"

    # A power cut now: the autosave has written the draft; nothing of this run is left to remove it.
    store = drafts.store_for(window.ctx)
    key = f"riwayat/{_budi(window.ctx).id}/pangkat/baru"
    entry.drafts.autosave()
    assert store.get(key).fields["nomor_sk"] == "800/123/BKD/2026"
    assert store.get(key).tab == "pegawai"
    drafts.close_all(store, window)
    window.close()
    assert len(questions.asked) == 1  # nothing live left to ask about

    # The next start offers it; "Pulihkan", and the entry dialog gets it back when it opens.
    questions.answer = True
    again = _window(qtbot, filled)
    qtbot.waitUntil(lambda: len(questions.asked) == 2, timeout=3000)
    assert questions.asked[1].text.startswith(f"Ada isian riwayat pangkat {BUDI} yang belum disimpan dari ")
    assert questions.asked[1].yes == "Pulihkan"
    restored = _riwayat_entry(qtbot, again)
    assert restored.widgets["nomor_sk"].text() == "800/123/BKD/2026"
    assert restored.drafts.is_dirty()  # still unsaved: closing asks again
