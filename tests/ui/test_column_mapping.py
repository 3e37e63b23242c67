"""The shared column-mapping step (ui/widgets/column_mapping.py) as a clerk meets it in every import wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy.orm import Session

from desktop.services import tabular
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.services.tabular import Table
from desktop.ui.context import UiContext
from desktop.ui.widgets.column_mapping import (
    CHOOSE,
    IGNORE,
    UNSETTLED,
    Choice,
    ColumnMapping,
    Guess,
    MappingLook,
    examples,
)
from desktop.ui.widgets.import_wizard import ImportTexts, ImportWizard
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR

COLUMNS = ("tanggal", "nama", "keperluan", "instansi")
REQUIRED = ("tanggal", "nama", "keperluan")
TEXT = {"tanggal": "Tanggal", "nama": "Nama", "keperluan": "Keperluan", "instansi": "Instansi"}
INDEX = tabular.alias_index({"Tgl": "tanggal", "Nama Tamu": "nama", "Maksud": "keperluan"}, COLUMNS)
CHOICES = [
    Choice("tanggal", "Tanggal *", "22/11/2026 atau 2026-11-22"),
    Choice("nama", "Nama *"),
    Choice("keperluan", "Keperluan *"),
    Choice("instansi", "Instansi"),
]
BOOK = (
    "Buku tamu Januari 2025\n"
    "Tgl,Nama Tamu,Dari Mana,Maksud,Paraf\n"
    "14/01/2025,Siti  Lama,,Audiensi,\n"
    "15/01/2025,Budi Lama,CV Maju,Koordinasi,\n"
)


def _read(tmp_path: Path, text: str, name: str = "buku tamu.csv") -> Table:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return tabular.read_table(path, INDEX)


def _step(qtbot, table: Table, guess: Guess) -> ColumnMapping:  # type: ignore[no-untyped-def]
    step = ColumnMapping("Pilih kolom impor untuk setiap judul kolom.", look=MappingLook(choice_chars=16))
    qtbot.addWidget(step)
    step.set_table(table, CHOICES, guess, "baris tamu")
    step.show()
    qtbot.waitExposed(step)
    return step


def _items(step: ColumnMapping, header: str) -> list[tuple[str, object]]:
    combo = step.combos[header]
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_each_header_gets_a_choice_set_as_guessed_with_its_example_and_the_file_is_described(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    table = _read(tmp_path, BOOK)
    guess = Guess(
        {"Tgl": "tanggal", "Nama Tamu": "nama", "Dari Mana": UNSETTLED, "Maksud": "keperluan", "Paraf": None},
        {"Dari Mana": "tidak dikenali"},
    )
    step = _step(qtbot, table, guess)

    assert step.file_info.text() == "<b>buku tamu.csv</b>: 2 baris tamu, 5 kolom, judul kolom di baris 2."
    assert step.mapping() == guess.columns
    # Every box offers "(abaikan)" then the import columns; the header to decide starts on "(pilih…)".
    offered = [(c.text, c.column) for c in CHOICES]
    assert _items(step, "Tgl") == [(IGNORE, None), *offered]
    assert _items(step, "Dari Mana") == [(CHOOSE, UNSETTLED), (IGNORE, None), *offered]
    assert step.combos["Dari Mana"].currentText() == CHOOSE
    assert step.combos["Tgl"].itemData(1, Qt.ItemDataRole.ToolTipRole) == "22/11/2026 atau 2026-11-22"
    assert step.undecided() == ["Dari Mana"]
    # The example is the first value found, whitespace folded; the reason a header is open comes first.
    assert examples(table) == {
        "Tgl": "14/01/2025",
        "Nama Tamu": "Siti Lama",
        "Dari Mana": "CV Maju",
        "Maksud": "Audiensi",
    }
    samples = {label.toolTip(): label.text() for label in step.mapping_area.widget().findChildren(QLabel)}
    assert samples["tidak dikenali\nCV Maju"] == "tidak dikenali · CV Maju"
    # The step opens on the header to decide; an ignored header is greyed.
    assert step.focusProxy() is step.combos["Dari Mana"]
    assert not step.header_labels["Paraf"].isEnabled() and step.header_labels["Tgl"].isEnabled()


def test_choosing_tells_the_wizard_and_the_step_says_what_the_mapping_lacks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = _read(tmp_path, BOOK)
    step = _step(qtbot, table, Guess({"Tgl": "tanggal", "Nama Tamu": "nama", "Maksud": None}))
    assert step.missing(REQUIRED) == ["keperluan"]
    assert "✗ Keperluan" in step.required_marks(REQUIRED, TEXT.__getitem__)
    assert f"<span style='color:{SUCCESS_COLOR}'>✓ Tanggal</span>" in step.required_marks(
        REQUIRED, TEXT.__getitem__
    )
    assert not step.header_labels["Maksud"].isEnabled()

    combo = step.combos["Maksud"]
    combo.setFocus()
    with qtbot.waitSignal(step.changed, timeout=1000):
        qtbot.keyClicks(combo, "Kep")
    assert combo.currentData() == "keperluan" and step.header_labels["Maksud"].isEnabled()
    assert step.missing(REQUIRED) == [] and step.chosen_twice(TEXT.__getitem__) == []

    # The same column for two headers is named with both headers.
    step.combos["Dari Mana"].setCurrentIndex(step.combos["Dari Mana"].findData("nama"))
    assert step.chosen_twice(TEXT.__getitem__) == [
        "Nama dipilih untuk lebih dari satu kolom berkas (“Nama Tamu”, “Dari Mana”); pilih satu saja."
    ]
    step.show_state("Kolom wajib: …", step.chosen_twice(TEXT.__getitem__))
    assert step.required_label.text() == "Kolom wajib: …"
    assert "Nama dipilih" in step.mapping_message.text() and step.mapping_message.isVisible()
    step.show_state("", [])
    assert not step.mapping_message.isVisible()


def test_a_fixed_file_read_again_keeps_the_clerks_choices_another_file_takes_the_guess(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    table = _read(tmp_path, BOOK)
    guess = Guess({"Tgl": "tanggal", "Nama Tamu": "nama", "Dari Mana": None, "Maksud": "keperluan"})
    step = _step(qtbot, table, guess)
    step.combos["Dari Mana"].setCurrentIndex(step.combos["Dari Mana"].findData("instansi"))
    chosen = step.mapping()

    step.set_table(_read(tmp_path, BOOK + "16/01/2025,Ani,Bappeda,Rapat,\n"), CHOICES, guess, "baris tamu")
    assert step.mapping() == chosen and "3 baris tamu" in step.file_info.text()

    other = _read(tmp_path, "Tgl,Nama Tamu,Maksud\n14/01/2025,Siti,Audiensi\n", "lain.csv")
    step.set_table(
        other, CHOICES, Guess({"Tgl": "tanggal", "Nama Tamu": "nama", "Maksud": "keperluan"}), "baris"
    )
    assert step.mapping() == {"Tgl": "tanggal", "Nama Tamu": "nama", "Maksud": "keperluan"}
    assert step.file_info.text() == "<b>lain.csv</b>: 1 baris, 3 kolom."
    assert step.focusProxy() is step.combos["Tgl"]


# --- the wizard's mapping step, made of it ----------------------------------------------------------------------


class GuestBook(ImportWizard):
    """A module with a mapping step and nothing of its own in it but its columns and its guess."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = ImportTexts(
        title="Impor buku tamu",
        intro="Buku tamu lama.",
        tips="",
        file_filter="CSV (*.csv)",
        choose_title="Pilih berkas",
        placeholder="Pilih berkas…",
        recheck_tip="",
        no_rows="Tidak ada baris.",
        warnings_title="Peringatan ({0})",
        skip_consequence="dilewati.",
        import_title="Mengimpor",
        importing="Mengimpor {0} baris…",
        changed="Berubah.",
        mapping_hint="Pilih kolom impor untuk setiap judul kolom di berkas.",
        rows_noun="baris tamu",
    )

    @staticmethod
    def read_file(path: Path) -> Table:
        return tabular.read_table(path, INDEX)

    def mapping_columns(self) -> tuple[str, ...]:
        return COLUMNS

    def required_columns(self) -> tuple[str, ...]:
        return REQUIRED

    def column_text(self, column: str) -> str:
        return TEXT[column]

    def guess_mapping(self, table: Table) -> Guess:
        return Guess(tabular.map_headers(table.headers, INDEX))

    def checker(self):  # type: ignore[no-untyped-def]
        mapping = self.mapping()

        def check(session: Session, table: Table) -> object:
            raise ValidationError(f"Kolom {sorted(c for c in mapping.values() if c)} ditolak.")

        return check


def test_the_wizard_builds_the_step_refuses_a_mapping_without_a_required_column_and_shows_a_refusal_there(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "buku tamu.csv"
    source.write_text(BOOK, encoding="utf-8")
    wizard = GuestBook(UiContext(app_ctx, admin))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert isinstance(wizard.pages.widget(GuestBook.PAGE_MAPPING), ColumnMapping)
    wizard.load_file(source)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=30_000)

    assert wizard.pages.currentIndex() == GuestBook.PAGE_MAPPING
    assert wizard.focusWidget() is wizard.combos["Tgl"]  # the step opens on the first choice
    assert (
        wizard.combos["Tgl"].itemText(1) == "Tanggal *"
        and wizard.combos["Dari Mana"].itemText(4) == "Instansi"
    )
    assert wizard.mapping()["Maksud"] == "keperluan" and wizard.mapping()["Dari Mana"] is None
    wizard.combos["Maksud"].setCurrentIndex(0)  # "(abaikan)": a required column is gone
    assert not wizard.check_button.isEnabled()
    assert wizard.mapping_message.text() == "Kolom wajib belum dipetakan: Keperluan."
    assert f"<span style='color:{ERROR_COLOR}'>✗ Keperluan</span>" in wizard.required_label.text()

    wizard.combos["Maksud"].setCurrentIndex(wizard.combos["Maksud"].findData("keperluan"))
    assert wizard.check_button.isEnabled() and not wizard.mapping_message.isVisible()
    qtbot.mouseClick(wizard.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=30_000)
    # Refused as mapped: said under the mapping, where the clerk changes it.
    assert wizard.pages.currentIndex() == GuestBook.PAGE_MAPPING
    assert "ditolak" in wizard.mapping_message.text() and wizard.mapping_message.isVisible()
