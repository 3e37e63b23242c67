"""Pengaturan › Barang: kode lokasi, print rules and signers are kept after saving; a mistake is named at its
field; a reader only looks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models.staff import Pegawai
from desktop.modules import by_key, resolve
from desktop.services.assets import settings as aset_settings
from desktop.ui.settings.assets_page import AssetsPage
from desktop.ui.settings.settings_tab import SettingsTab


def _pegawai(ctx, nama: str, nip: str) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.transaction() as s:
        row = Pegawai(nip=nip, nama=nama, jabatan="Kepala Dinas", tanggal_lahir=date(1970, 1, 1),
                      jenis_kelamin="L", status="pns")  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


def test_the_page_is_registered_for_the_barang_module() -> None:
    pages = by_key("barang").settings_pages
    assert [p.key for p in pages] == ["barang"] and resolve(pages[0].page) is AssetsPage


def test_settings_typed_are_saved_and_read_back(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    kepala = _pegawai(pengurus.app, "Bambang Susilo", "197001011995031001")
    tab = SettingsTab(pengurus)  # as the pengurus barang opens it: Pengaturan › Barang
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2000)
    page = tab.show_page("barang")
    assert isinstance(page, AssetsPage)
    # The BAST series is picked from the letters' series (through services/common), not typed from memory.
    series = [page.bast_seri.itemText(i) for i in range(page.bast_seri.count())]
    assert series and all(series), series
    qtbot.keyClicks(page.kode_lokasi, "11.01.34.00.01.001.001")
    qtbot.keyClicks(page.provinsi, "Kalimantan Timur")
    page.kir_layout.setCurrentIndex(page.kir_layout.findData("47/2021"))
    page.bast_rangkap.setValue(3)
    page.bast_kertas.setCurrentIndex(page.bast_kertas.findData("F4"))
    page.label_kode.setCurrentIndex(page.label_kode.findData("code128"))
    qtbot.keyClicks(page.kepala.combo.lineEdit(), "Bambang")
    qtbot.keyClick(page.kepala.combo.lineEdit(), Qt.Key.Key_Escape)  # the completer's list closed
    assert page.dirty
    page.provinsi.setFocus()
    qtbot.keyClick(page.provinsi, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.dirty, page.status.text()
    with pengurus.read() as s:
        stored = aset_settings.get_settings(s)
    assert (stored.kode_lokasi, stored.provinsi, stored.kir_layout, stored.bast_rangkap, stored.bast_kertas,
            stored.label_kode, stored.kepala_pegawai_id) == (
        "11.01.34.00.01.001.001", "Kalimantan Timur", "47/2021", 3, "F4", "code128", kepala)  # fmt: skip
    again = AssetsPage(pengurus)
    qtbot.addWidget(again)
    again.refresh()
    assert again.kode_lokasi.text() == "11.01.34.00.01.001.001" and again.kepala.pegawai_id() == kepala


def test_a_bad_kode_lokasi_and_an_unknown_signer_are_named_at_their_fields(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    page = AssetsPage(pengurus)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.keyClicks(page.kode_lokasi, "11-01-34")
    assert not page.save()
    assert "angka bersegmen titik" in page.forms[0].error_message("kode_lokasi")
    page.kode_lokasi.clear()
    qtbot.keyClicks(page.pengurus.combo.lineEdit(), "Orang Tak Dikenal")
    assert not page.save()
    assert "Pilih pegawai" in page.forms[0].error_message("pengurus_pegawai_id")
    with pengurus.read() as s:
        assert aset_settings.get_settings(s) == aset_settings.AssetSettings()


def test_the_pimpinan_only_reads_the_settings(qtbot, pimpinan) -> None:  # type: ignore[no-untyped-def]
    page = AssetsPage(pimpinan)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.save_button.isHidden() and page.kode_lokasi.isReadOnly() and not page.save()
