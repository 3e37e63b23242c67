"""The Surat tab and its dialogs at 1024×600 and 1366×768: nothing a clerk needs is off screen or cut."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QPushButton,
    QScrollArea,
    QWidget,
)
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.demo import sample_office
from desktop.services import system
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters import SuratTab
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.letters.expedition_panel import ReceiptDialog
from desktop.ui.letters.import_dialog import ImportDialog
from desktop.ui.letters.outgoing_list import SentDialog
from desktop.ui.letters.scans_dialog import ScansDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState
from desktop.ui.widgets import screen_fit
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.reason import ReasonDialog
from tests.ui.office import demo_actor
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
    visible_part,
)

IMPOSSIBLE = "31022026"  # the longest reason a date caption shows: "Tanggal 31 Februari 2026 tidak ada: …"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with a few dozen letters in and out (dispositions, overdue ones, a signed letter)."""
    data = tmp_path_factory.mktemp("layar") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=40, outgoing_count=20, staff_count=0)
    ctx.db.dispose()
    return data


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """The typed test dates are unsaved input: closing the window at the end throws them away unasked."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


def _surat(qtbot, ctx: AppContext, tmp_path: Path) -> tuple[MainWindow, SuratTab]:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(ctx, demo_actor(ctx)), UiState(tmp_path / "tampilan.ini"))
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


def _fits(window: QWidget, screen: str, name: str) -> list[str]:
    assert show_at(window, screen) == SCREENS[screen], name
    found = problems(window)
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


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch, screen: str) -> QSize:
    """The dialogs open within the screen they are on: here, the one under test (offscreen's is 800×800)."""
    monkeypatch.setattr(screen_fit, "screen_room", lambda _widget: DIALOG_ROOM[screen])
    return DIALOG_ROOM[screen]


def _dialog_fits(dialog: QDialog, screen: str, name: str, *, as_opened: bool = True) -> list[str]:
    """At the size the dialog opens with (``as_opened``) and at its size hint: inside the room the screen
    leaves, nothing needed off it, cut or drawn over something else."""
    room = DIALOG_ROOM[screen]
    resized = dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
    opening = dialog.size() if as_opened and resized else None
    if opening is not None:
        assert opening.width() <= room.width() and opening.height() <= room.height(), (
            name,
            opening.toTuple(),
        )
    size = fits_dialog(dialog, screen)
    assert size.width() <= room.width() and size.height() <= room.height(), (name, size.toTuple())
    found = problems(dialog)
    if opening is not None:
        dialog.resize(opening)
        pump()
        found += [f"{p} (bukaan)" for p in problems(dialog)]
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
    qtbot, filled: AppContext, screen: str, room: QSize
) -> None:  # type: ignore[no-untyped-def]
    actor = demo_actor(filled)
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


# --------------------------------------------------------------------------------------------- the other dialogs

# An old agenda saved from Excel: a column the app cannot guess ("Surat Dari Instansi", mapped by hand) and one
# nothing imports ("Paraf Petugas"); line 4 has a date that does not exist and line 5 no perihal.
OLD_BOOK = (
    "No. Urut;Tgl Diterima;Surat Dari Instansi;No Surat;Tgl Surat;Isi Ringkas;Paraf Petugas\n"
    "307;03/11/2026;Kementerian Dalam Negeri;000.1.5/123/SJ;2 November 2026;Undangan rapat koordinasi;ok\n"
    "308;31/02/2026;BPKAD Provinsi Kalimantan Timur;900/55/BPKAD;2026-11-01;Penyampaian DPA;ok\n"
    "309;5 Nop 2026;Biro Umum Setda;800/1/BU;05/11/2026;;ok\n"
)


# The tujuan of a letter to many offices at once, as the clerk types it: wraps, never widens a dialog.
LONG_TUJUAN = (
    "Para Kepala Perangkat Daerah Provinsi Kalimantan Timur, Para Bupati/Wali Kota se-Kalimantan Timur "
    "c.q. Kepala Dinas yang membidangi Perindustrian dan Perdagangan, dan Kepala Balai Besar Standardisasi"
)


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_every_step_of_the_agenda_import_fits(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, room: QSize
) -> None:
    source = tmp_path / "agenda lama.csv"
    source.write_text(OLD_BOOK, encoding="utf-8")
    dialog = ImportDialog(UiContext(filled, demo_actor(filled)))
    qtbot.addWidget(dialog)
    assert _dialog_fits(dialog, screen, "impor-berkas") == []

    dialog.load_file(source)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_MAPPING
    assert dialog.unmapped_notice.isVisibleTo(dialog) and dialog.mapping_message.isVisibleTo(dialog)
    assert _dialog_fits(dialog, screen, "impor-pemetaan") == []

    combo = dialog.combos["Surat Dari Instansi"]
    combo.setCurrentIndex(combo.findData("asal"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_CHECK
    assert len(dialog.error_rows()) == 2 and dialog.skip_button.isVisibleTo(dialog)
    assert dialog.unmapped_notice.isVisibleTo(dialog)  # "Paraf Petugas" still imports nothing
    assert _dialog_fits(dialog, screen, "impor-periksa") == []

    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_DONE
    assert _dialog_fits(dialog, screen, "impor-selesai") == []


def _scan_files(folder: Path) -> list[Path]:
    """A small PNG (a photo of a letter) and a one-page PDF (a scanner's), made here."""
    image = QImage(600, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawText(40, 60, "SURAT UNDANGAN RAPAT KOORDINASI")
    painter.end()
    png = folder / "foto surat.png"
    assert image.save(str(png))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(210 * mm, 297 * mm))
    page.drawString(25 * mm, 260 * mm, "Nota Dinas 900.1.12.2/2409/BPKAD-III/2026")
    page.showPage()
    page.save()
    pdf = folder / "pindaian surat.pdf"
    pdf.write_bytes(buffer.getvalue())
    return [png, pdf]


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_scans_dialog_fits_with_a_photo_and_a_pdf(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, room: QSize
) -> None:
    ctx = UiContext(filled, demo_actor(filled))
    with filled.db.transaction() as s:
        letter_id = incoming.list_incoming(s, ctx.actor, tahun=None, limit=1)[0][0].id
    dialog = ScansDialog(ctx, "M", letter_id, "agenda 1/2026")
    qtbot.addWidget(dialog)
    assert _dialog_fits(dialog, screen, "pindaian-kosong") == []
    assert dialog.add_paths(_scan_files(tmp_path)) == 2
    assert dialog.files.count() == 2
    for row, name in ((0, "gambar"), (1, "pdf")):
        dialog.files.setCurrentRow(row)
        pump()
        assert _dialog_fits(dialog, screen, f"pindaian-{name}") == [], name


def _outgoing_with(surat: SuratTab, status: str) -> outgoing.OutgoingInfo:
    return next(info for info in surat.keluar.list.model.rows if info.status == status)


def _ask_in_modal(open_it: Callable[[], object], check: Callable[[QDialog], list[str]]) -> list[str]:
    """Run ``check`` on the modal dialog ``open_it`` opens (and then close it); what it found."""
    found: list[str] = ["dialog tidak terbuka"]

    def act(dialog: QDialog) -> None:
        found[:] = check(dialog)

    _when_modal(act)
    open_it()
    return found


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_agenda_keluar_dialogs_fit(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, room: QSize
) -> None:
    window, surat = _surat(qtbot, filled, tmp_path)
    surat.tabs.setCurrentWidget(surat.keluar)
    show_at(window, screen)
    book = surat.keluar.list

    signed = _outgoing_with(surat, "ditandatangani")
    sent = SentDialog(replace(signed, tujuan=LONG_TUJUAN), signed.tanggal_surat, window)
    _impossible_dates(sent)
    assert "tidak ada" in sent.tanggal.caption.text()
    assert _dialog_fits(sent, screen, "tandai-terkirim") == []
    sent.close()

    reserved = _outgoing_with(surat, "dipesan")

    def signed_date(dialog: QDialog) -> list[str]:
        _impossible_dates(dialog)
        return _dialog_fits(dialog, screen, "konfirmasi-nomor")

    assert _ask_in_modal(lambda: book.ask_signed_date(reserved), signed_date) == []

    def reason(dialog: QDialog) -> list[str]:
        assert isinstance(dialog, ReasonDialog)
        dialog.ok_button.click()  # nothing typed: the reason why shows under the field
        assert dialog.message.isVisibleTo(dialog)
        return _dialog_fits(dialog, screen, "batalkan-nomor")

    assert _ask_in_modal(lambda: book.ask_reason(signed), reason) == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_green_and_the_cancelled_number_fit_on_agenda_keluar(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, surat = _surat(qtbot, filled, tmp_path)
    surat.tabs.setCurrentWidget(surat.keluar)
    show_at(window, screen)
    form, book = surat.keluar.form, surat.keluar.list
    qtbot.keyClicks(form.tujuan, "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Timur")
    form.perihal.setPlainText("Undangan Rapat Koordinasi Penyusunan Rencana Kerja Tahun Anggaran 2027")
    qtbot.keyClicks(form.kode, "000.1.5")
    form.code_completer.popup().hide()
    info = form.issue()
    assert info is not None and form.result_box.isVisible() and form.copy_button.isVisible()
    assert _fits(window, screen, "nomor-baru") == []
    assert visible_part(form.number_label, window).height() == form.number_label.height()  # not scrolled away

    monkeypatch.setattr(
        book,
        "ask_reason",
        lambda _info: "Surat tidak jadi dikirim karena rapat koordinasi ditunda oleh Sekretariat Daerah",
    )
    assert book.select(info.id) and book.cancel_selected()
    assert "BATAL" in form.number_detail.text() and not form.copy_button.isVisible()
    assert _fits(window, screen, "nomor-batal") == []
    assert visible_part(form.number_detail, window).height() == form.number_detail.height()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_ekspedisi_dialogs_fit(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, screen: str, room: QSize
) -> None:
    window, surat = _surat(qtbot, filled, tmp_path)
    panel = surat.ekspedisi
    surat.tabs.setCurrentWidget(panel)
    show_at(window, screen)
    assert panel.candidates.rowCount() >= 1
    panel.candidates.item(0, 0).setCheckState(Qt.CheckState.Checked)
    panel.caraka.setText("Budi Santoso")
    panel.create_page()  # the page is kept and its sheet opens in the preview
    preview = panel.preview
    assert preview is not None
    qtbot.addWidget(preview)
    # The print preview sizes itself from the real screen (tests/ui/test_small_screens.py checks that).
    assert _dialog_fits(preview, screen, "ekspedisi-lembar", as_opened=False) == []
    preview.close()

    page = panel.pages[0]
    receipt = ReceiptDialog(replace(page.items[0], tujuan=LONG_TUJUAN), page.tanggal, window)
    _impossible_dates(receipt)
    assert "tidak ada" in receipt.when.caption.text()
    assert _dialog_fits(receipt, screen, "ekspedisi-penerimaan") == []
    receipt.close()

    panel.items.selectRow(0)
    panel.reprint()
    assert panel.preview is not None and panel.preview is not preview
    qtbot.addWidget(panel.preview)
    assert _dialog_fits(panel.preview, screen, "ekspedisi-cetak-ulang", as_opened=False) == []
    panel.preview.close()


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_reason_dialog_fits_with_a_long_question_and_its_message(  # type: ignore[no-untyped-def]
    qtbot, screen: str, room: QSize
) -> None:
    dialog = ReasonDialog(
        None,
        "Batalkan agenda 37/2026",
        "Alasan pembatalan agenda 37/2026 (Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan "
        "Timur, 900.1.12.2/2409/BPKAD-III/2026):",
        ok="Batalkan agenda ini…",
        cancel="Kembali",
    )
    qtbot.addWidget(dialog)
    dialog.resize(480, dialog.sizeHint().height())  # as ask_reason opens it
    dialog.ok_button.click()
    assert dialog.message.isVisibleTo(dialog)
    assert _dialog_fits(dialog, screen, "alasan") == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_disposition_deadline_by_date_shows_why_a_date_is_impossible(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, screen: str, room: QSize
) -> None:
    actor = demo_actor(filled)
    dialog = DispositionDialog(UiContext(filled, actor), _letter_with_two_hops(filled, actor))
    qtbot.addWidget(dialog)
    batas = dialog.hop_form.batas
    batas.date_mode.setChecked(True)
    batas.date.setFocus()
    batas.date.selectAll()
    qtbot.keyClicks(batas.date, IMPOSSIBLE)
    batas.date.editingFinished.emit()
    pump()
    assert batas.date_mode.isChecked()
    assert "tidak ada" in batas.preview.text() and batas.preview.isVisibleTo(dialog)
    area = dialog.splitter.widget(1)  # the form pane scrolls: bring the deadline into view
    assert isinstance(area, QScrollArea)
    area.ensureWidgetVisible(batas.preview)
    assert _dialog_fits(dialog, screen, "disposisi-batas-tanggal-salah") == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_follow_up_date_says_why_it_is_impossible_under_the_field(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, screen: str, room: QSize
) -> None:
    actor = demo_actor(filled)
    dialog = DispositionDialog(UiContext(filled, actor), _letter_with_two_hops(filled, actor))
    qtbot.addWidget(dialog)
    fits_dialog(dialog, screen)
    dialog.tree.expandAll()
    last = dialog.chain.hops[0].recipients[0].hops[0].recipients[0]
    dialog.select_recipient(last.id)
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("selesai"))
    assert dialog.follow_date.isEnabled()
    caption = dialog.follow_date.caption
    # A good date reads back as its weekday, as every date field does.
    assert caption.isVisibleTo(dialog) and caption.text().startswith(("Senin", "Selasa", "Rabu", "Kamis"))
    dialog.follow_date.setFocus()
    dialog.follow_date.selectAll()
    qtbot.keyClicks(dialog.follow_date, IMPOSSIBLE)
    dialog.follow_date.editingFinished.emit()
    pump()
    assert caption.isVisibleTo(dialog) and dialog.follow.isAncestorOf(caption)
    assert caption.text().startswith("Tanggal 31 Februari 2026 tidak ada")
    assert caption.wordWrap() and caption.height() >= caption.heightForWidth(caption.width())
    assert _dialog_fits(dialog, screen, "disposisi-selesai-salah") == []
