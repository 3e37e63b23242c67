"""Impor buku agenda surat masuk as the clerk does it: pick a file, map its columns, see every bad row, import."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from desktop.models.letters import IncomingLetter
from desktop.services.letters import incoming_io
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.import_dialog import ImportDialog
from desktop.ui.letters.incoming_list import IncomingList
from tests.ui.office import demo_actor

# An old agenda kept in Excel by hand and saved as "CSV (dipisah titik koma)": a title row above the header,
# headers named the office's way, one that the app can't guess ("Surat Dari Instansi"), and dates typed three ways.
OLD_BOOK = (
    "BUKU AGENDA SURAT MASUK TAHUN 2026;;;;;;\n"
    "No. Urut;Tgl Diterima;Surat Dari Instansi;No Surat;Tgl Surat;Isi Ringkas;Pengolah\n"
    "7;03/11/2026;Kementerian Dalam Negeri;000.1.5/123/SJ;2 November 2026;Undangan rapat koordinasi;Umum\n"
    "8;04-11-2026 14.05;BPKAD Provinsi Kalimantan Timur;900/55/BPKAD;2026-11-01;Penyampaian DPA;Keuangan\n"
    "9;5 Nop 2026;Biro Umum Setda;800/1/BU;05/11/2026;Cuti bersama akhir tahun;Umum\n"
)


def _letters(ctx: AppContext) -> list[IncomingLetter]:
    with ctx.db.transaction() as s:
        rows = list(s.scalars(select(IncomingLetter).order_by(IncomingLetter.nomor_agenda)))
        s.expunge_all()
        return rows


def _count(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(IncomingLetter)) or 0)


def _dialog(qtbot, ctx: AppContext, username: str = "surat") -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(UiContext(ctx, demo_actor(ctx, username)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _idle(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)


def _book_with_two_bad_rows(path: Path) -> Path:
    """The template's columns in a real .xlsx: rows 2 and 4 are good, row 3 has a date that does not exist and
    row 5 no perihal. Row 4's tanggal terima is a real date cell, as Excel stores a typed date."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(incoming_io.INCOMING_COLUMNS))
    sheet.append(
        ["", "2026-11-02", "Dinas Kesehatan", "440/12/Dinkes", "2026-10-30", "Data stunting", "", "B"]
    )
    sheet.append(["", "31/02/2026", "Dinas Pendidikan", "420/7/Disdik", "2026-02-01", "Rapat kerja"])
    sheet.append(
        ["", datetime(2026, 11, 3), "Inspektorat", "700/3/Itprov", "3 November 2026", "Jadwal audit"]
    )
    sheet.append(["", "04/11/2026", "Bappeda", "050/9/Bappeda", "04/11/2026", ""])
    book.save(path)
    return path


def test_csv_with_other_headers_is_mapped_by_the_clerk_and_imported(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "agenda lama.csv"
    source.write_text(OLD_BOOK, encoding="utf-8")
    agenda = IncomingList(UiContext(filled, demo_actor(filled, "surat")))
    qtbot.addWidget(agenda)
    agenda.year.setValue(2025)  # the list shows another year: it moves to the imported one
    dialog = agenda.open_import()
    assert dialog is not None
    qtbot.waitExposed(dialog)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)

    assert dialog.pages.currentIndex() == ImportDialog.PAGE_MAPPING
    assert "3 baris surat, 7 kolom" in dialog.file_info.text()
    assert "judul kolom di baris 2" in dialog.file_info.text()  # the title row above the header is skipped
    guessed = dialog.mapping()
    assert guessed == {
        "No. Urut": "nomor_agenda",
        "Tgl Diterima": "tanggal_terima",
        "Surat Dari Instansi": None,
        "No Surat": "nomor_surat",
        "Tgl Surat": "tanggal_surat",
        "Isi Ringkas": "perihal",
        "Pengolah": "pengolah",  # kept as a line "Pengolah: …" of keterangan
    }
    # The column with data that nothing takes is named in the step before anything is checked.
    assert dialog.unmapped_headers() == ["Surat Dari Instansi"]
    # Asal surat is required and not mapped: nothing can be checked yet, and the dialog says why.
    assert not dialog.check_button.isEnabled()
    assert "Kolom wajib belum dipetakan: Asal surat" in dialog.mapping_message.text()
    assert "✗ Asal surat" in dialog.required_label.text()

    # The clerk picks "Asal surat" for that header by typing in its choice box.
    combo = dialog.combos["Surat Dari Instansi"]
    combo.setFocus()
    qtbot.keyClicks(combo, "Asal")
    assert combo.currentData() == "asal"
    assert dialog.check_button.isEnabled() and not dialog.mapping_message.isVisible()
    # Choosing a column twice is refused until one of them is changed back.
    other = dialog.combos["Pengolah"]
    other.setCurrentIndex(other.findData("perihal"))
    assert not dialog.check_button.isEnabled()
    assert "Perihal dipilih untuk lebih dari satu kolom berkas" in dialog.mapping_message.text()
    other.setCurrentIndex(0)
    assert other.currentText() == "(abaikan)"
    assert dialog.unmapped_headers() == ["Pengolah"]  # left out by the clerk's choice, still named

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_CHECK
    assert "Semua 3 baris valid" in dialog.summary.text()
    assert not dialog.skip_button.isVisible()
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()

    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter imports: "Impor" is the default button
    _idle(qtbot, dialog)
    assert imported.args == [[2026]]
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_DONE
    assert "3</b> surat masuk diimpor dari agenda lama.csv" in dialog.done_label.text()

    rows = _letters(filled)
    assert [(r.tahun, r.nomor_agenda) for r in rows] == [(2026, 7), (2026, 8), (2026, 9)]
    assert [r.asal_surat for r in rows] == [
        "Kementerian Dalam Negeri",
        "BPKAD Provinsi Kalimantan Timur",
        "Biro Umum Setda",
    ]
    assert rows[0].tanggal_surat == date(2026, 11, 2)  # "2 November 2026"
    assert rows[2].tanggal_surat == date(2026, 11, 5)  # "05/11/2026"
    assert rows[2].perihal == "Cuti bersama akhir tahun"
    assert all(r.status == "arsip" for r in rows)
    # The agenda list moved to 2026 and shows the imported letters.
    assert agenda.year.value() == 2026
    assert agenda.model.rowCount() == 3
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert agenda.import_dialog is None


def test_two_bad_rows_are_listed_with_line_and_reason_and_nothing_is_imported(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, filled)
    dialog.load_file(_book_with_two_bad_rows(tmp_path / "agenda.xlsx"))
    _idle(qtbot, dialog)
    assert dialog.check_button.isEnabled()  # the template's own headers need no mapping
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter checks: the default button of the mapping step
    _idle(qtbot, dialog)

    assert dialog.pages.currentIndex() == ImportDialog.PAGE_CHECK
    table = dialog.error_table
    listed = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert [line for line, _ in listed] == ["3", "5"]
    assert "tanggal terima tidak dikenali" in listed[0][1] and "31/02/2026" in listed[0][1]
    assert listed[1][1] == "perihal kosong"
    assert "Baris yang salah (2)" in dialog.errors_label.text().replace("&", "")
    assert "2 baris tidak valid" in dialog.summary.text() and "2 baris valid" in dialog.summary.text()
    assert dialog.copy_errors() == "baris 3: " + listed[0][1] + "\nbaris 5: perihal kosong"

    assert dialog.import_button.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.skip_button.isVisible() and dialog.skip_button.isEnabled()
    assert dialog.skip_button.text().replace("&", "") == "Impor baris yang valid saja (lewati 2 baris)"
    dialog.import_all()  # even called directly, the blocked import does nothing
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)  # the clerk backs out of "valid only"
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.task is None
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_CHECK
    assert _count(filled) == 0


def test_valid_rows_only_imports_the_rest_after_confirmation(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, filled)
    dialog.load_file(_book_with_two_bad_rows(tmp_path / "agenda.xlsx"))
    _idle(qtbot, dialog)
    dialog.validate()
    _idle(qtbot, dialog)
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: questions.append(text) or True)

    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)

    assert len(questions) == 1
    assert "2 baris yang valid akan diimpor" in questions[0] and "baris 3, 5" in questions[0]
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_DONE
    text = dialog.done_label.text()
    assert "2</b> surat masuk diimpor" in text
    assert "2 diberi nomor agenda baru" in text and "2 baris tidak valid dilewati" in text
    rows = _letters(filled)
    # Numbered 1 and 2 of 2026 in order of tanggal terima; the bad rows 3 and 5 are not in the agenda.
    assert [(r.nomor_agenda, r.asal_surat) for r in rows] == [(1, "Dinas Kesehatan"), (2, "Inspektorat")]
    assert rows[1].tanggal_surat == date(2026, 11, 3)


def test_template_button_writes_a_template_the_dialog_reads_back(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, filled)
    target = tmp_path / "templat impor"  # typed without .xlsx
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)

    saved = target.with_name("templat impor.xlsx")
    assert saved.is_file()
    assert str(saved) in dialog.template_message.text()
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == ["Agenda Masuk", "Petunjuk"]
    assert [c.value for c in book["Agenda Masuk"][1]] == list(incoming_io.INCOMING_COLUMNS)
    book.close()
    # Checked as it is, the template's example row is the one bad row, so it can't be imported by mistake.
    dialog.load_file(saved)
    _idle(qtbot, dialog)
    assert dialog.mapping() == {c: c for c in incoming_io.INCOMING_COLUMNS}
    dialog.validate()
    _idle(qtbot, dialog)
    assert dialog.error_table.rowCount() == 1
    assert dialog.error_table.item(0, 0).text() == "2"
    assert "baris contoh dari templat" in dialog.error_table.item(0, 1).text()
    assert not dialog.import_button.isEnabled() and not dialog.skip_button.isEnabled()


def test_unreadable_file_is_reported_next_to_the_field(qtbot, filled: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, filled)
    old = tmp_path / "agenda.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 not really excel")
    dialog.path_edit.setText(str(old))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    _idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == ImportDialog.PAGE_FILE
    assert dialog.file_message.isVisible()
    assert "simpan sebagai .xlsx" in dialog.file_message.text()


def test_agenda_list_offers_import_to_the_clerk_and_export_to_every_viewer(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "agenda.csv"
    source.write_text(OLD_BOOK, encoding="utf-8")
    clerk_actor = demo_actor(filled, "surat")
    with filled.db.transaction() as s:
        plan = incoming_io.validate_incoming(
            s, clerk_actor, incoming_io.read_table(source), {"Surat Dari Instansi": "asal"}
        )
        incoming_io.import_incoming(s, clerk_actor, plan)

    clerk = IncomingList(UiContext(filled, clerk_actor))
    qtbot.addWidget(clerk)
    assert not clerk.io_button.isHidden()
    assert [a.text() for a in clerk.io_button.menu().actions() if a.isVisible()] == ["Impor…", "Ekspor…"]

    head = IncomingList(UiContext(filled, demo_actor(filled, "kadis")))  # pimpinan: may view, may not write
    qtbot.addWidget(head)
    assert [a.text() for a in head.io_button.menu().actions() if a.isVisible()] == ["Ekspor…"]
    assert head.open_import() is None

    head.year.setValue(2026)
    target = tmp_path / "ekspor"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    told: list[str] = []
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text: told.append(text))
    head.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)

    written = target.with_name("ekspor.csv")
    assert "3 surat masuk tahun 2026 diekspor" in told[0] and str(written) in told[0]
    with written.open(encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    assert records[0] == list(incoming_io.INCOMING_COLUMNS)
    assert [r[0] for r in records[1:]] == ["7", "8", "9"]
    assert records[1][2] == "Kementerian Dalam Negeri"


def test_the_same_file_again_is_imported_only_after_the_clerk_confirms(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 item 9: a second import of the same file shows when and by whom it was imported, and goes
    ahead only when the clerk says so."""
    path = tmp_path / "agenda.csv"
    path.write_text(
        ",".join(incoming_io.INCOMING_COLUMNS)
        + "\n,2026-11-02,Dinas Kesehatan,440/12/Dinkes,2026-10-30,Data,,,,\n",
        encoding="utf-8",
    )
    questions: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, **kw: questions.append(text) or next(answers)
    )

    def import_file() -> ImportDialog:
        dialog = _dialog(qtbot, filled)
        dialog.load_file(path, then_validate=True)
        _idle(qtbot, dialog)
        dialog.import_all()
        _idle(qtbot, dialog)
        return dialog

    assert import_file().pages.currentIndex() == ImportDialog.PAGE_DONE and not questions
    refused = import_file()  # the clerk answers "Batal"
    assert len(questions) == 1
    assert questions[0].startswith("Berkas agenda.csv sudah pernah diimpor ke agenda surat masuk")
    assert "oleh surat (1 baris)" in questions[0] and "Tetap impor lagi?" in questions[0]
    assert "Impor gagal, tidak ada yang diimpor: Berkas agenda.csv sudah pernah diimpor" in (
        refused.check_message.text()
    )
    assert _count(filled) == 1
    again = import_file()  # the clerk answers "Impor lagi"
    assert len(questions) == 2
    assert again.pages.currentIndex() == ImportDialog.PAGE_DONE
    assert _count(filled) == 2
