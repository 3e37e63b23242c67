"""Qt's print dialog speaks Indonesian: Qt ships no qtbase_id.qm, so the strings the clerk sees are ours."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QLabel, QPushButton

from desktop.ui import i18n


def test_the_print_dialog_is_in_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {b.text() for b in dialog.findChildren(QPushButton)}
    texts |= {g.title() for g in dialog.findChildren(QGroupBox)}
    texts |= {label.text() for label in dialog.findChildren(QLabel)}
    items = {c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())}
    assert {"&Cetak", "Batal", "P&roperti"} <= texts
    assert {"Halaman yang dicetak", "Jumlah salinan:", "&Nama:"} <= texts
    assert {"Semua halaman", "Halaman ganjil", "Halaman genap"} <= items
    english = {"Print range", "Copies:", "Properties", "P&roperties", "Options", "All Pages", "Odd Pages"}
    assert not (texts | items) & english


def test_a_common_word_is_translated_only_in_the_print_dialogs_context() -> None:
    translator = i18n.QtIndonesian(QApplication.instance())
    assert translator.translate("QPrintPropertiesWidget", "Page") == "Halaman"
    assert translator.translate("SomeOtherWidget", "Page") is None


def test_qt_catalog_is_loaded_only_where_qt_ships_one() -> None:
    # PySide6 6.x ships no qtbase_id.qm (checked in its translations folder); the table covers the gap.
    assert i18n.qt_catalog(QApplication.instance()) is None
