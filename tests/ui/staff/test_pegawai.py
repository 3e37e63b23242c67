"""The Pegawai part of the Kepegawaian tab, through the real widgets and keys the pengelola kepegawaian uses:
a pegawai typed into the form, NIP warnings that warn and a NIP that cannot be one, riwayat added and corrected
(never edited in place), the SIASN import with a bad row, and the daftar nominatif in the print preview."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from sqlalchemy import func, select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.staff import Pegawai
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import records
from desktop.services.staff.records import PegawaiInput, RiwayatKind
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.pegawai_form import PegawaiDialog
from desktop.ui.staff.pegawai_panel import PegawaiPanel
from desktop.ui.staff.riwayat_dialog import RiwayatDialog
from desktop.ui.staff.riwayat_entry_dialog import RiwayatEntryDialog
from desktop.ui.staff.staff_import_dialog import StaffImportDialog

CTRL = Qt.KeyboardModifier.ControlModifier

# A SIASN "Export Data ASN" cut down to a few columns; line 3's NIP lost a digit (17 digits).
SIASN_CSV = (
    "PNS ID,NIP BARU,NAMA,GELAR BELAKANG,TANGGAL LAHIR,JENIS KELAMIN,STATUS CPNS PNS,TMT CPNS,GOL AKHIR NAMA,"
    "TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,UNOR NAMA\n"
    "a1,198208172009022004,Rina Kartika,S.Sos.,17-08-1982,F,P,01-02-2009,III/d,01-04-2021,12,2,Struktural,"
    "Kepala Sub Bagian Umum,01-07-2021,S-1,Sub Bagian Umum\n"
    "a2,19790520200312100,Ahmad Fauzi,S.E.,20-05-1979,M,P,01-12-2003,IV/b,01-10-2022,18,10,Struktural,"
    "Sekretaris,03-01-2022,S-2,Sekretariat\n"
    "a3,199003032015032004,Dewi Lestari,S.IP.,03-03-1990,F,P,01-03-2015,III/b,01-04-2020,5,1,"
    "Jabatan Fungsional,Analis Sumber Daya Manusia Aparatur Ahli Pertama,01-06-2020,S-1,Sub Bagian Umum\n"
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated data dir with the demo office, units and one account per role; copied per test."""
    data = tmp_path_factory.mktemp("pegawai") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
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


def _panel(qtbot, ctx: AppContext, username: str = "pegawai") -> PegawaiPanel:  # type: ignore[no-untyped-def]
    panel = PegawaiPanel(UiContext(ctx, _actor(ctx, username)))
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _count(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(Pegawai)) or 0)


def _type(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field and press Enter, as the clerk does; Enter must move the focus on."""
    dialog = widget.window()
    assert dialog.focusWidget() is widget, f"focus is on {dialog.focusWidget()!r}, not {widget.objectName()}"
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert dialog.focusWidget() is not widget


def _activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _add_pegawai(ctx: AppContext, nip: str, nama: str) -> int:
    with ctx.db.transaction() as s:
        saved = records.create_pegawai(
            s,
            _actor(ctx),
            PegawaiInput(
                nip=nip, nama=nama, golongan_ruang="III/c", tmt_golongan=date(2020, 4, 1), mkg_tahun=8
            ),
        )
    return saved.value.id


def test_a_pegawai_is_typed_into_the_form_with_the_keyboard_and_lands_in_the_list(
    qtbot, filled: AppContext
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    assert panel.count_label.text() == "0 dari 0 pegawai"
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL)
    form = panel.form
    assert isinstance(form, PegawaiDialog)
    qtbot.waitExposed(form)
    _activate(qtbot, form)

    # The NIP decodes as it is typed: birth date, TMT CPNS and gender, before anything is saved.
    qtbot.keyClicks(form.nip, "19820817200902200")
    assert form.nip_info.text() == "17 dari 18 angka"
    qtbot.keyClicks(form.nip, "4")
    assert form.nip_info.text() == (
        "Lahir 17 Agustus 1982 · TMT CPNS 1 Februari 2009 · Perempuan · NIP PNS · urut 004"
    )
    qtbot.keyClick(form.nip, Qt.Key.Key_Return)
    assert form.nip.text() == "19820817 200902 2 004"  # shown grouped
    _type(qtbot, form.nama, "Rina Kartika")
    assert form.focusWidget() is form.gelar_depan
    qtbot.keyClick(form.gelar_depan, Qt.Key.Key_Return)
    _type(qtbot, form.gelar_belakang, "S.Sos.")
    _type(qtbot, form.tempat_lahir, "Tenggarong")
    # Tanggal lahir, jenis kelamin, status: left empty, they come from the NIP.
    for widget in (form.tanggal_lahir, form.jenis_kelamin, form.status, form.nik, form.nip_lama, form.pns_id):
        assert form.focusWidget() is widget
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert form.focusWidget() is form.tmt_cpns
    qtbot.keyClick(form.tmt_cpns, Qt.Key.Key_Return)
    _type(qtbot, form.tmt_pns, "01022010")
    assert form.focusWidget() is form.golongan  # akhir kontrak is for PPPK only: skipped
    qtbot.keyClicks(form.golongan, "III/d")  # keyboard search in the list
    assert form.golongan.currentData() == "III/d"
    qtbot.keyClick(form.golongan, Qt.Key.Key_Return)
    _type(qtbot, form.tmt_golongan, "01-04-2021")
    qtbot.keyClicks(form.mkg_tahun, "12")
    qtbot.keyClick(form.mkg_tahun, Qt.Key.Key_Return)
    qtbot.keyClicks(form.mkg_bulan, "2")
    qtbot.keyClick(form.mkg_bulan, Qt.Key.Key_Return)
    assert form.focusWidget() is form.jenis_jabatan
    form.jenis_jabatan.setCurrentIndex(form.jenis_jabatan.findData("pengawas"))
    qtbot.keyClick(form.jenis_jabatan, Qt.Key.Key_Return)
    assert form.focusWidget() is form.jabatan  # jenjang is for a jabatan fungsional only: skipped
    _type(qtbot, form.jabatan, "Kepala Sub Bagian Umum")
    _type(qtbot, form.tmt_jabatan, "01072021")
    form.unit.setCurrentIndex(form.unit.findText("Sub Bagian Umum"))
    with qtbot.waitSignal(form.finished, timeout=2000):
        qtbot.keyClick(form.unit, Qt.Key.Key_S, CTRL)

    assert panel.count_label.text() == "1 dari 1 pegawai"
    row = panel.selected_info()
    assert row is not None and row.nip_format == "19820817 200902 2 004"
    assert [panel.model.index(0, c).data() for c in range(6)] == [
        "19820817 200902 2 004",
        "Rina Kartika, S.Sos.",
        "III/d",
        "Kepala Sub Bagian Umum",
        "Sub Bagian Umum",
        "PNS",
    ]
    assert "Tersimpan: <b>Rina Kartika, S.Sos.</b>" in panel.message_text()
    with filled.db.transaction() as s:
        info = records.find_by_nip(s, _actor(filled), "198208172009022004")
    assert info is not None
    assert (info.tanggal_lahir, info.jenis_kelamin.value, info.tmt_cpns) == (
        date(1982, 8, 17),
        "P",
        date(2009, 2, 1),
    )
    assert (info.pangkat_golongan, info.tmt_golongan, str(info.mkg)) == (
        "Penata Tingkat I (III/d)",
        date(2021, 4, 1),
        "12 tahun 2 bulan",
    )
    assert (info.tmt_pns, info.tmt_jabatan) == (date(2010, 2, 1), date(2021, 7, 1))


def test_a_nip_born_after_its_tmt_cpns_warns_visibly_and_still_saves(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form = panel.new_pegawai()
    assert form is not None
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.nip, "199903142019032009")  # born March 1999, TMT CPNS March 2019: fine
    qtbot.waitUntil(lambda: form.warnings_text() != "", timeout=2000)
    assert "sesudah TMT CPNS" not in form.warnings_text()
    form.nip.clear()
    qtbot.keyClicks(form.nip, "199903141998032009")  # born 1999, TMT CPNS 1998
    assert "Lahir 14 Maret 1999 · TMT CPNS 1 Maret 1998" in form.nip_info.text()
    qtbot.waitUntil(lambda: "sesudah TMT CPNS" in form.warnings_text(), timeout=2000)
    assert form.warning_label.isVisible()
    assert "Tanggal lahir pada NIP (14 Maret 1999) jatuh sesudah TMT CPNS pada NIP (Maret 1998)" in (
        form.warnings_text()
    )
    assert "tidak menghalangi penyimpanan" in form.warnings_text()
    form.nama.setText("Siti Aminah")
    with qtbot.waitSignal(form.finished, timeout=2000):
        qtbot.keyClick(form.nama, Qt.Key.Key_S, CTRL)
    assert _count(filled) == 1
    # The list says the record was saved, and shows the same warning where the clerk looks next.
    assert panel.message.isVisible()
    assert "⚠ Tanggal lahir pada NIP (14 Maret 1999) jatuh sesudah TMT CPNS" in panel.message_text()
    assert panel.selected_info() is not None and panel.selected_info().nama_lengkap == "Siti Aminah"


def test_a_17_digit_nip_gets_the_message_under_the_field_and_nothing_is_saved(
    qtbot, filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form = panel.new_pegawai()
    assert form is not None
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.nip, "19730314199803200")
    form.nama.setText("Heni Purwaningsih")
    form.tempat_lahir.setText("Samarinda")
    qtbot.keyClick(form.nama, Qt.Key.Key_S, CTRL)

    assert form.isVisible() and form.saved is None
    assert form.rows.error_text("nip") == "NIP harus 18 angka; yang diisi 17 angka."
    assert form.findChild(QWidget, "error_nip").isVisible()
    assert form.focusWidget() is form.nip
    # Nothing typed is lost, nothing is stored.
    assert (form.nip.text(), form.nama.text(), form.tempat_lahir.text()) == (
        "19730314199803200",
        "Heni Purwaningsih",
        "Samarinda",
    )
    assert _count(filled) == 0
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # closing drops the typing, as asked


def test_a_pangkat_entry_and_its_correction_keep_the_old_entry_greyed_with_the_reason(
    qtbot, filled: AppContext
) -> None:  # type: ignore[no-untyped-def]
    pegawai_id = _add_pegawai(filled, "198011302006042008", "Siti Rahmawati")
    panel = _panel(qtbot, filled)
    changed: list[int] = []
    panel.changed.connect(changed.append)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_R, CTRL)
    riwayat = panel.riwayat
    assert isinstance(riwayat, RiwayatDialog)
    qtbot.waitExposed(riwayat)
    assert riwayat.current_kind() is RiwayatKind.PANGKAT
    assert len(riwayat.row_texts(RiwayatKind.PANGKAT)) == 1  # the pangkat of the form

    # Tambah: a KP reguler typed with the keyboard.
    entry = riwayat.add_entry()
    assert isinstance(entry, RiwayatEntryDialog)
    qtbot.waitExposed(entry)
    _activate(qtbot, entry)
    tmt = entry.widgets["tmt"]
    _type(qtbot, tmt, "01042024")
    gol = entry.widgets["golongan_ruang"]
    gol.setCurrentIndex(gol.findData("III/d"))
    qtbot.keyClick(gol, Qt.Key.Key_Return)
    qtbot.keyClicks(entry.widgets["mkg_tahun"], "12")
    qtbot.keyClick(entry.widgets["mkg_tahun"], Qt.Key.Key_Return)
    qtbot.keyClick(entry.widgets["mkg_bulan"], Qt.Key.Key_Return)
    qtbot.keyClick(entry.widgets["jenis"], Qt.Key.Key_Return)
    _type(qtbot, entry.widgets["nomor_sk"], "800/123/BKD/2024")
    _type(qtbot, entry.widgets["tanggal_sk"], "15032024")
    with qtbot.waitSignal(entry.finished, timeout=2000):
        qtbot.keyClick(entry.widgets["keterangan"], Qt.Key.Key_S, CTRL)
    rows = riwayat.row_texts(RiwayatKind.PANGKAT)
    assert rows[0][1:8] == [
        "01-04-2024",
        "III/d",
        "12 th 0 bl",
        "KP reguler",
        "800/123/BKD/2024",
        "15-03-2024",
        "Berlaku",
    ]
    first_id = int(rows[0][0])
    assert changed == [pegawai_id]
    assert panel.selected_info() is not None and panel.selected_info().golongan_ruang == "III/d"

    # Koreksi: the MKG was mistyped; a new entry with the reason, the old one stays, greyed.
    assert riwayat.select_entry(RiwayatKind.PANGKAT, first_id)
    fix = riwayat.correct_entry()
    assert isinstance(fix, RiwayatEntryDialog)
    qtbot.waitExposed(fix)
    assert fix.widgets["tmt"].text() == "01-04-2024"  # prefilled from the entry it corrects
    assert fix.widgets["nomor_sk"].text() == "800/123/BKD/2024"
    fix.widgets["mkg_tahun"].setValue(14)
    qtbot.keyClick(fix.widgets["keterangan"], Qt.Key.Key_S, CTRL)
    assert fix.isVisible()
    assert fix.rows.error_text("alasan") == "Alasan koreksi wajib diisi."
    qtbot.keyClicks(fix.alasan, "MKG salah ketik, sesuai SK 14 tahun")
    with qtbot.waitSignal(fix.finished, timeout=2000):
        qtbot.keyClick(fix.alasan, Qt.Key.Key_S, CTRL)

    rows = riwayat.row_texts(RiwayatKind.PANGKAT)
    assert len(rows) == 3
    new = next(r for r in rows if r[3] == "14 th 0 bl")
    old_index, old = next((i, r) for i, r in enumerate(rows) if r[0] == str(first_id))
    assert old[3] == "12 th 0 bl"
    assert old[-1] == f"Dikoreksi oleh #{new[0]}: MKG salah ketik, sesuai SK 14 tahun"
    assert riwayat.is_greyed(RiwayatKind.PANGKAT, old_index)
    assert new[-1] == f"Berlaku — koreksi atas #{first_id}: MKG salah ketik, sesuai SK 14 tahun"
    assert not riwayat.is_greyed(RiwayatKind.PANGKAT, rows.index(new))
    with filled.db.transaction() as s:
        info = records.get_pegawai(s, _actor(filled), pegawai_id).pegawai
    assert (info.golongan_ruang, str(info.mkg)) == ("III/d", "14 tahun 0 bulan")


def test_siasn_import_lists_the_bad_row_and_imports_nothing_then_the_valid_rows_only(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "export data asn.csv"
    source.write_text(SIASN_CSV, encoding="utf-8")
    panel = _panel(qtbot, filled)
    dialog = panel.open_import()
    assert isinstance(dialog, StaffImportDialog)
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.plan is not None, timeout=30_000)

    assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_CHECK
    # the NIP as written is quoted (issue 12 item 5)
    assert dialog.error_rows() == [(3, "NIP '19790520200312100' harus 18 angka; yang tertulis 17 angka.")]
    # every column is read: no notice of columns nobody imports
    assert not dialog.unmapped_notice.isVisibleTo(dialog)
    assert "1 baris tidak valid" in dialog.summary.text() and "2 baris valid" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_button.isVisible() and dialog.skip_button.isEnabled()
    assert _count(filled) == 0

    # The clerk first backs out of "valid rows only": still nothing imported.
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: asked.append(text) and False)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert asked and "1 baris tidak valid (baris 3)" in asked[0] and _count(filled) == 0

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_DONE
    done = dialog.done_label.text()
    assert "<b>2</b> pegawai baru, <b>0</b> diperbarui, 0 tetap" in done
    assert "1 baris tidak valid dilewati" in done
    assert _count(filled) == 2
    assert panel.count_label.text() == "2 dari 2 pegawai"
    assert [r.nip_format for r in panel.model.rows] == ["19820817 200902 2 004", "19900303 201503 2 004"]


def test_siasn_import_names_a_column_with_data_that_nothing_imports_before_importing(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "rekap pegawai.csv"
    lines = SIASN_CSV.splitlines()
    rows = [lines[0] + ",CATATAN KHUSUS", lines[1] + ",tugas belajar", lines[3] + ","]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = _panel(qtbot, filled).open_import()
    assert isinstance(dialog, StaffImportDialog)
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.plan is not None, timeout=30_000)
    assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_CHECK
    assert dialog.unmapped_notice.isVisibleTo(dialog)
    assert "\u201cCATATAN KHUSUS\u201d" in dialog.unmapped_notice.text()
    assert _count(filled) == 0


def test_siasn_import_shows_what_an_update_changes_and_every_problem_of_a_row(
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    lines = SIASN_CSV.splitlines()
    first = tmp_path / "pertama.csv"
    first.write_text("\n".join([lines[0], lines[1]]) + "\n", encoding="utf-8")
    promoted = (
        lines[1]
        .replace("III/d,01-04-2021,12,2", "IV/a,01-04-2025,16,2")
        .replace("Kepala Sub Bagian Umum,01-07-2021", "Kepala Bagian Umum,01-07-2025")
    )
    # line 3: a day that does not exist AND a golongan that does not exist, in one row
    broken = lines[3].replace("03-03-1990", "31-02-1990").replace("III/b", "III/z")
    second = tmp_path / "kedua.csv"
    second.write_text("\n".join([lines[0], promoted, broken]) + "\n", encoding="utf-8")
    panel = _panel(qtbot, filled)

    def check(path: Path) -> StaffImportDialog:
        dialog = panel.open_import()
        assert isinstance(dialog, StaffImportDialog)
        qtbot.waitExposed(dialog)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.task is None and dialog.plan is not None, timeout=30_000)
        assert dialog.pages.currentIndex() == StaffImportDialog.PAGE_CHECK
        return dialog

    dialog = check(first)
    assert not dialog.changes_box.isVisibleTo(dialog)  # a new pegawai: nothing registered changes
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.close()

    dialog = check(second)
    assert dialog.changes_box.isVisibleTo(dialog)
    assert "(1)" in dialog.changes_label.text()
    [(line, changed)] = dialog.changed_rows()
    assert line == 2
    assert "golongan III/d → IV/a" in changed
    assert "jabatan Kepala Sub Bagian Umum → Kepala Bagian Umum" in changed
    assert "TMT golongan 01-04-2021 → 01-04-2025" in changed
    [(bad_line, reason)] = dialog.error_rows()
    assert bad_line == 3 and "31-02-1990" in reason and "III/z" in reason
    assert _count(filled) == 1
    with filled.db.transaction() as s:
        rina = records.find_by_nip(s, _actor(filled), "198208172009022004")
        assert rina is not None and rina.golongan_ruang == "III/d"  # the check wrote nothing


def test_daftar_nominatif_with_chosen_columns_opens_in_the_print_preview(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    _add_pegawai(filled, "198011302006042008", "Siti Rahmawati")
    _add_pegawai(filled, "199003032015032004", "Dewi Lestari")
    panel = _panel(qtbot, filled)
    assert panel.documents_button.isVisible()
    assert [a.text() for a in panel.documents_menu.actions() if a.text()][:2] == [
        "Daftar &nominatif (PDF/xlsx)…",
        "Daftar urut &kepangkatan (DUK)",
    ]
    dialog = panel.open_nominatif()
    qtbot.waitExposed(dialog)
    dialog.set_chosen(["nama_nip", "golongan_ruang", "tmt_golongan", "kgb_berikutnya"])
    dialog.per_tanggal.setText("01-01-2026")
    preview = dialog.show_pdf()
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitExposed(preview)
    assert preview.page_count() == 1
    assert preview.paper_label.text() == "Kertas: F4 (330 × 215 mm)"  # F4 landscape
    text = " ".join(PdfReader(io.BytesIO(preview._pdf)).pages[0].extract_text().split())
    for expected in (
        "DAFTAR NOMINATIF PEGAWAI",
        "KEADAAN PER 1 JANUARI 2026",
        "Siti Rahmawati",
        "19801130 200604 2 008",
        "KGB Berikutnya",
        "III/c",
    ):
        assert expected in text, expected
    assert "Tempat, Tanggal Lahir" not in text  # only the chosen columns
    preview.close()


def test_a_read_only_role_sees_records_and_prints_but_changes_nothing(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    _add_pegawai(filled, "198011302006042008", "Siti Rahmawati")
    panel = _panel(qtbot, filled, "kadis")
    assert not panel.add_button.isVisible() and not panel.import_button.isVisible()
    assert panel.edit_button.text() == "&Lihat…" and panel.documents_button.isVisible()
    assert panel.new_pegawai() is None and panel.open_import() is None
    form = panel.open_selected()
    assert isinstance(form, PegawaiDialog)
    assert not form.save_button.isVisible() and form.nama.isReadOnly()
    form.close()
    riwayat = panel.open_riwayat()
    assert isinstance(riwayat, RiwayatDialog)
    assert not riwayat.add_button.isVisible() and not riwayat.correct_button.isEnabled()
    assert riwayat.add_entry() is None
