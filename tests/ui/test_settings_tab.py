"""The Pengaturan tab as an admin and a pimpinan use it, on a real (SQLite) database."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.printing.sample_logo import sample_logo_png
from desktop.services import system
from desktop.services.common import auth, calendar, office
from desktop.services.common.office import OfficeProfileData
from desktop.services.common.permissions import Actor, Role
from desktop.services.system import AppContext
from desktop.storage.backup import checksum_path
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.settings_tab import SettingsTab
from desktop.ui.settings.users_page import ChangePasswordDialog

PROFILE = OfficeProfileData(
    nama_pemda="Pemerintah Provinsi Jawa Tengah",
    nama_dinas="Dinas Koperasi, Usaha Kecil dan Menengah",
    alamat="Jalan Sisingamangaraja No. 3A",
    kota="Semarang",
)


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory migrated and seeded once; each test gets its own copy (migrating takes ~1.5 s)."""
    path = tmp_path_factory.mktemp("template") / "data"
    ctx = system.open_context(path)
    system.prepare(ctx)
    ctx.db.dispose()
    return path


@pytest.fixture
def data_ctx(tmp_path: Path, template_dir: Path) -> Iterator[AppContext]:
    target = tmp_path / "data"
    shutil.copytree(template_dir, target, ignore=shutil.ignore_patterns("cadangan"))
    ctx = system.open_context(target)
    system.prepare(ctx)  # the real start-up path: integrity check, schema already current
    yield ctx
    ctx.db.dispose()


@pytest.fixture
def admin_actor(data_ctx: AppContext) -> Actor:
    with data_ctx.db.transaction() as s:
        return auth.actor_for(auth.create_first_admin(s, "admin", "Admin Kantor", "rahasia-123"))


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes are recorded instead of shown; confirmations are answered "yes"."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        common, "inform", lambda _p, title, text, info="": shown.append((title, f"{text} {info}"))
    )
    monkeypatch.setattr(
        common, "warn", lambda _p, title, text, info="": shown.append((title, f"{text} {info}"))
    )
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    return shown


def make_tab(qtbot, ctx: AppContext, actor: Actor) -> SettingsTab:  # type: ignore[no-untyped-def]
    tab = SettingsTab(UiContext(ctx, actor))
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    return tab


def driver(qtbot, fill: Callable[[QDialog], None], submit: bool = True) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """An ``exec_dialog`` replacement: show the dialog, let ``fill`` type into it, then press its OK button."""

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        if submit:
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        return dialog.result()

    return run


def profile_of(ctx: AppContext) -> OfficeProfileData:
    with ctx.db.transaction() as s:
        return office.get_profile(s)


def test_fill_profile_and_save(qtbot, data_ctx: AppContext, admin_actor: Actor) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    form = tab.profile_form
    qtbot.keyClicks(form.nama_pemda, "Pemerintah Provinsi Jawa Tengah")
    qtbot.keyClicks(form.nama_dinas, "Dinas Komunikasi dan Informatika")
    qtbot.keyClicks(form.alamat, "Jalan Menteri Supeno I No. 2")
    qtbot.keyClicks(form.kota, "Semarang")
    qtbot.keyClicks(form.kode_pos, "50243")
    qtbot.keyClicks(form.email, "diskominfo@jatengprov.go.id")
    qtbot.keyClicks(form.kode_unit, "SEK.UM")
    form.zona_waktu.setCurrentIndex(form.zona_waktu.findData("WITA"))
    form.kertas_bawaan.setCurrentIndex(form.kertas_bawaan.findData("A4"))
    assert form.set_logo_bytes(sample_logo_png())
    assert tab.profile_page.revert_button.isEnabled()  # unsaved changes noticed

    qtbot.mouseClick(tab.profile_page.save_button, Qt.MouseButton.LeftButton)

    saved = profile_of(data_ctx)
    assert saved.nama_dinas == "Dinas Komunikasi dan Informatika"
    assert saved.kota == "Semarang" and saved.kode_pos == "50243" and saved.kode_unit == "SEK.UM"
    assert saved.zona_waktu == "WITA" and saved.kertas_bawaan == "A4"
    assert saved.logo_png is not None and saved.logo_png.startswith(b"\x89PNG")
    assert "Tersimpan" in tab.profile_page.status.text()
    assert not tab.profile_page.dirty


def test_bad_email_shows_message_beside_field_and_keeps_text(
    qtbot, data_ctx: AppContext, admin_actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    form = tab.profile_form
    form.load(PROFILE)
    qtbot.keyClicks(form.email, "dinas-at-jateng")
    with qtbot.waitActive(tab):
        tab.activateWindow()
    form.email.setFocus()
    qtbot.keyClick(form.email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves

    assert form.error_message("email") == "Alamat email tidak sah."
    assert form.email.text() == "dinas-at-jateng"
    assert form.nama_dinas.text() == PROFILE.nama_dinas
    assert profile_of(data_ctx).nama_dinas == ""  # nothing saved
    qtbot.keyClicks(form.email, ".go.id")  # editing the field clears its error
    assert form.error_message("email") == ""


def test_bad_logo_file_is_refused_beside_the_logo(
    qtbot, data_ctx: AppContext, admin_actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    bogus = tmp_path / "logo.png"
    bogus.write_bytes(b"bukan gambar")
    assert not tab.profile_form.load_logo_file(bogus)
    assert "bukan gambar PNG atau JPEG" in tab.profile_form.error_message("logo")
    assert tab.profile_form.logo() is None


def test_add_unit_through_dialog(qtbot, data_ctx: AppContext, admin_actor: Actor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("units")

    def empty_name_then_fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing typed yet
        assert dialog.form.error_message("nama") == "Nama unit wajib diisi."
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.nama, "Sub Bagian Umum dan Kepegawaian")
        dialog.jenis.setCurrentIndex(dialog.jenis.findData("subbag"))
        qtbot.keyClicks(dialog.singkatan, "UMPEG")
        qtbot.keyClicks(dialog.kepala_jabatan, "Kepala Sub Bagian Umum dan Kepegawaian")
        qtbot.keyClicks(dialog.kepala_nama, "Sri Wahyuni, S.H.")
        qtbot.keyClicks(dialog.kepala_nip, "197303142000032009")

    page.exec_dialog = driver(qtbot, empty_name_then_fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    with data_ctx.db.transaction() as s:
        units = office.list_units(s)
    assert [(u.nama, u.jenis, u.singkatan, u.kepala_nip) for u in units] == [
        ("Sub Bagian Umum dan Kepegawaian", "subbag", "UMPEG", "197303142000032009")
    ]
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Sub Bagian Umum dan Kepegawaian"

    # "Nonaktifkan" (confirmed) hides it; nothing is deleted.
    confirmations: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _parent, title, *_a, **_k: confirmations.append(title) or True
    )
    page.table.selectRow(0)
    qtbot.mouseClick(page.deactivate_button, Qt.MouseButton.LeftButton)
    assert confirmations == ["Nonaktifkan unit"]
    assert page.table.rowCount() == 0
    with data_ctx.db.transaction() as s:
        assert [u.aktif for u in office.list_units(s, include_inactive=True)] == [False]


def test_add_signatory_and_assign_it_to_a_document(qtbot, data_ctx: AppContext, admin_actor: Actor) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("signatories")

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.nama, "Ir. Eddy Sulistyo, M.P.")
        qtbot.keyClicks(dialog.nip, "196911231998031004")
        qtbot.keyClicks(dialog.pangkat_golongan, "Pembina Utama Muda (IV/c)")
        qtbot.keyClicks(dialog.jabatan, "Kepala Dinas")

    page.exec_dialog = driver(qtbot, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    with data_ctx.db.transaction() as s:
        (sig,) = office.list_signatories(s)
    assert sig.nip == "196911231998031004"
    assert page.table.item(0, 1).text() == "19691123 199803 1 004"  # NIP shown grouped

    combo = page.signer_combos["surat_keluar"]
    combo.setCurrentIndex(combo.findData(sig.id))
    qtbot.keyClicks(page.atas_nama_edits["surat_keluar"], "Gubernur Jawa Tengah")
    tab.show_page("profile")
    tab.show_page("signatories")  # shown again (and re-read): the unsaved choice is still there
    assert page.has_unsaved_changes()
    assert combo.currentData() == sig.id
    assert page.atas_nama_edits["surat_keluar"].text() == "Gubernur Jawa Tengah"
    qtbot.mouseClick(page.save_assign_button, Qt.MouseButton.LeftButton)

    with data_ctx.db.transaction() as s:
        assert office.signer_assignments(s) == {"surat_keluar": (sig.id, "Gubernur Jawa Tengah")}
    assert page.assign_status.text() == "Penugasan tersimpan."


def test_admin_adds_a_user(qtbot, data_ctx: AppContext, admin_actor: Actor) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("users")
    assert page.table.rowCount() == 1

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.username, "siti.aminah")
        qtbot.keyClicks(dialog.full_name, "Siti Aminah")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.PETUGAS_TAMU))
        qtbot.keyClicks(dialog.password, "sementara-1")
        qtbot.keyClicks(dialog.password2, "sementara-2")
        qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)  # Enter presses the default button
        assert dialog.form.error_message("password2") == "Kedua kata sandi tidak sama. Ketik ulang."
        assert dialog.username.text() == "siti.aminah"  # nothing typed is lost
        dialog.password2.clear()
        qtbot.keyClicks(dialog.password2, "sementara-1")

    page.exec_dialog = driver(qtbot, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    with data_ctx.db.transaction() as s:
        users = {u.username: u for u in auth.list_users(s, admin_actor)}
    assert users["siti.aminah"].role is Role.PETUGAS_TAMU
    assert users["siti.aminah"].must_change_password
    assert page.table.rowCount() == 2
    with data_ctx.db.transaction() as s:
        assert auth.authenticate(s, "siti.aminah", "sementara-1").must_change_password


def test_change_own_password(qtbot, data_ctx: AppContext, admin_actor: Actor) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePasswordDialog(UiContext(data_ctx, admin_actor), forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old_password, "salah-sandi")
    qtbot.keyClicks(dialog.password, "sandi-baru-99")
    qtbot.keyClicks(dialog.password2, "sandi-baru-99")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_message("old_password") == "Kata sandi lama salah."
    assert dialog.isVisible()
    dialog.old_password.clear()
    qtbot.keyClicks(dialog.old_password, "rahasia-123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with data_ctx.db.transaction() as s:
        assert auth.authenticate(s, "admin", "sandi-baru-99").ok


def test_pimpinan_sees_read_only_settings_without_admin_pages(
    qtbot, data_ctx: AppContext, admin_actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, PROFILE)
        head = auth.actor_for(
            auth.create_user(s, admin_actor, "kadis", "Kepala Dinas", Role.PIMPINAN, "sementara-1")
        )
    tab = make_tab(qtbot, data_ctx, head)

    assert tab.page_keys() == [
        "profile",
        "units",
        "signatories",
        "letters",
        "guests",
        "barang",
        "calendar",
        "testprint",
    ]
    form = tab.profile_form
    assert form.nama_dinas.text() == PROFILE.nama_dinas
    assert form.nama_dinas.isReadOnly() and not form.zona_waktu.isEnabled()
    assert tab.profile_page.save_button.isHidden()
    assert tab.show_page("units").add_button.isHidden()
    assert tab.show_page("calendar").delete_button.isHidden()
    signatories = tab.show_page("signatories")
    assert not signatories.signer_combos["cetak_uji"].isEnabled()


def test_calendar_add_and_delete_a_local_holiday(
    qtbot, data_ctx: AppContext, admin_actor: Actor, messages
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("calendar")
    page.year.setValue(2026)
    before = page.table.rowCount()
    assert before > 0  # seeded from the shipped list

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.tanggal.setFocus()
        dialog.tanggal.selectAll()
        qtbot.keyClicks(dialog.tanggal, "19082026")
        dialog.jenis.setCurrentIndex(dialog.jenis.findData(calendar.HolidayKind.LIBUR_LOKAL))
        qtbot.keyClicks(dialog.nama, "Hari Jadi Provinsi Jawa Tengah")
        assert dialog.day_label.text() == "Rabu, 19 Agustus 2026"

    page.exec_dialog = driver(qtbot, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == before + 1
    row = next(r for r in range(page.table.rowCount()) if "Hari Jadi" in page.table.item(r, 2).text())
    assert page.table.item(row, 0).text() == "Rabu, 19 Agustus 2026"
    assert page.table.item(row, 1).text() == "Libur Lokal"

    page.table.selectRow(row)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)  # confirmed by the fixture
    assert page.table.rowCount() == before
    with data_ctx.db.transaction() as s:
        assert all(h.tanggal != date(2026, 8, 19) for h in calendar.list_holidays(s, 2026))


def test_calendar_adds_a_year_from_the_holidays_package(
    qtbot, data_ctx: AppContext, admin_actor: Actor, messages
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("calendar")
    added = page.add_year_from_package(2030)
    assert added and added > 10
    assert page.year.value() == 2030 and page.table.rowCount() == added
    _title, text = messages[-1]
    assert f"{added} hari libur tahun 2030 ditambahkan" in text
    assert "SKB" in text


def test_backup_now_lists_the_new_backup(qtbot, data_ctx: AppContext, admin_actor: Actor, messages) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("backup")
    assert page.table.rowCount() == 0
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "Manual"
    assert isinstance(page.last_result, Path) and page.last_result.exists()
    assert page.table.item(0, 4).text() == "Ada"  # its SHA-256 file was written beside it


def test_restoring_a_backup_without_checksum_warns_in_the_confirmation(
    qtbot, data_ctx: AppContext, admin_actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    backup = system.backup_now(data_ctx, admin_actor)
    checksum_path(backup).unlink()
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("backup")
    assert page.table.item(0, 4).text() == "Tidak ada"
    seen = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append((dialog.warning.isVisibleTo(dialog), dialog.warning.text()))
        dialog.reject()

    page.exec_dialog = driver(qtbot, look, submit=False)
    page.restore_from(backup)
    [(visible, text)] = seen
    assert visible and "sidik SHA-256" in text
    assert not page.restored


def test_test_print_opens_a_preview_of_a_pdf(qtbot, data_ctx: AppContext, admin_actor: Actor) -> None:  # type: ignore[no-untyped-def]
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, PROFILE)
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("testprint")
    page.paper.setCurrentIndex(page.paper.findData("A4"))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert preview._pdf[:4] == b"%PDF"
    assert preview.page_count() >= 1
    preview.close()


def test_audit_log_shows_changes_with_before_and_after(
    qtbot, data_ctx: AppContext, admin_actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, PROFILE)
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, OfficeProfileData(**{**PROFILE.__dict__, "kota": "Surakarta"}))
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("audit")
    page.entity.setCurrentIndex(page.entity.findData("profil_kantor"))
    assert page.table.rowCount() == 2
    assert page.table.item(0, 3).text() == "Profil kantor"
    page.table.selectRow(0)
    assert '"kota": "Semarang"' in page.before.toPlainText()
    assert '"kota": "Surakarta"' in page.after.toPlainText()
    assert page.page_label.text() == "1–2 dari 2 catatan"


def test_reset_password_and_unlock(qtbot, data_ctx: AppContext, admin_actor: Actor, messages) -> None:  # type: ignore[no-untyped-def]
    with data_ctx.db.transaction() as s:
        auth.create_user(s, admin_actor, "joko", "Joko Susilo", Role.PETUGAS_TAMU, "sementara-1")
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with data_ctx.db.transaction() as s:
            auth.authenticate(s, "joko", "salah-salah")
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("users")
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "joko")
    assert page.table.item(row, 3).text() == "Terkunci"
    page.table.selectRow(row)
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert page.table.item(row, 3).text() == "Aktif · wajib ganti sandi"

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.password, "pendek")
        qtbot.keyClicks(dialog.password2, "pendek")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.form.error_message("password") == "Kata sandi minimal 8 karakter."
        for edit in (dialog.password, dialog.password2):
            edit.clear()
            qtbot.keyClicks(edit, "sandi-baru-1")

    page.exec_dialog = driver(qtbot, fill)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "Reset kata sandi"
    with data_ctx.db.transaction() as s:
        assert auth.authenticate(s, "joko", "sandi-baru-1").must_change_password


def test_restore_replaces_data_and_asks_for_a_restart(
    qtbot, data_ctx: AppContext, admin_actor: Actor, messages
) -> None:  # type: ignore[no-untyped-def]
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, PROFILE)
    backup = system.backup_now(data_ctx, admin_actor)
    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, OfficeProfileData(**{**PROFILE.__dict__, "kota": "Surakarta"}))
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("backup")

    def tick(dialog) -> None:  # type: ignore[no-untyped-def]
        assert not dialog.restore_button.isEnabled()  # not until the user says they understand
        qtbot.mouseClick(dialog.understood, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    page.exec_dialog = driver(qtbot, tick, submit=False)
    with qtbot.waitSignal(tab.restart_required, timeout=10_000):
        page.restore_from(backup)
    assert page.restored and not page.backup_button.isEnabled()
    assert "dimulai ulang" in messages[-1][1]
    data_ctx.db.dispose()
    reopened = system.open_context(data_ctx.data_dir)
    try:
        with reopened.db.transaction() as s:
            assert office.get_profile(s).kota == "Semarang"
    finally:
        reopened.db.dispose()


def test_unreachable_postgres_server_keeps_the_local_file(
    qtbot, data_ctx: AppContext, admin_actor: Actor, messages
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, data_ctx, admin_actor)
    page = tab.show_page("database")
    assert "Berkas lokal (SQLite)" in page.mode_label.text()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.form.error_message("password") == "Kata sandi wajib diisi."
    page.host.setText("127.0.0.1")
    page.port.setValue(1)  # nothing listens there: refused at once
    qtbot.keyClicks(page.password, "rahasia")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    assert "Tidak bisa terhubung" in page.status.text()
    assert "tetap memakai basis data yang lama" in messages[-1][1]
    assert not (data_ctx.data_dir / "koneksi.json").exists()


@pytest.mark.parametrize(("machine_zone", "shown"), [("UTC", "09.00"), ("Asia/Makassar", "01.00")])
def test_backup_list_shows_office_time_with_its_zone(
    qtbot,
    data_ctx: AppContext,
    admin_actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    machine_zone: str,
    shown: str,
) -> None:  # type: ignore[no-untyped-def]
    """A backup name carries this computer's clock; a PC kept in UTC must still list office (WITA) time."""
    import dataclasses
    import time
    from datetime import datetime

    from desktop.storage.backup import make_backup

    with data_ctx.db.transaction() as s:
        office.save_profile(s, admin_actor, dataclasses.replace(PROFILE, zona_waktu="WITA"))
    monkeypatch.setenv("TZ", machine_zone)
    time.tzset()
    try:
        # 01.00 on this computer's clock, as make_backup names the file (never a date computed at import).
        make_backup(data_ctx.db, data_ctx.backup_dir, "manual", now=datetime(2026, 3, 10, 1, 0))
        tab = make_tab(qtbot, data_ctx, admin_actor)
        page = tab.show_page("backup")
        assert page.table.item(0, 0).text() == f"10 Maret 2026 {shown} WITA"
    finally:
        monkeypatch.undo()
        time.tzset()
