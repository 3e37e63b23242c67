"""The shared import wizard, driven page by page with a tiny module of its own: a stock count read from CSV."""

from __future__ import annotations

import csv
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.admin import AuditEntry
from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.import_log import AlreadyImported
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.services.tabular import RowError, Table
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.import_wizard import ImportTexts, ImportWizard

ENTITY = "stok_uji"  # what the test module writes: one audit row per imported line, so a count is a query
HEADERS = ["barang", "jumlah"]


# --- the test module: reader, checker and importer are plain functions ------------------------------------------


@dataclass(frozen=True)
class CountPlan:
    valid: list[tuple[int, str, int]]
    errors: list[RowError]
    warnings: list[RowError] = field(default_factory=list)
    rows_read: int = 0


def read_counts(path: Path) -> Table:
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    if not records or [h.strip() for h in records[0]] != HEADERS:
        raise ValidationError(f"Berkas {path.name}: judul kolom harus barang, jumlah.")
    rows = [
        (line, dict(zip(HEADERS, r, strict=False))) for line, r in enumerate(records[1:], start=2) if any(r)
    ]
    return Table(HEADERS, rows, path.name)


def check_counts(session: Session, table: Table) -> CountPlan:
    valid: list[tuple[int, str, int]] = []
    errors: list[RowError] = []
    warnings: list[RowError] = []
    for line, values in table.rows:
        text = values.get("jumlah", "").strip()
        if not text.isdigit():
            errors.append(RowError(line, f"jumlah bukan angka: {text!r}"))
            continue
        if int(text) == 0:
            warnings.append(RowError(line, "jumlah nol"))
        valid.append((line, values["barang"], int(text)))
    return CountPlan(valid, errors, warnings, len(table.rows))


def import_counts(session: Session, actor: Actor, plan: CountPlan, *, skip_invalid: bool) -> int:
    if plan.errors and not skip_invalid:
        raise ValidationError("ada baris tidak valid")
    for line, name, amount in plan.valid:
        audit.record(session, actor, "impor", ENTITY, line, summary=f"{name}: {amount}")
    return len(plan.valid)


TEXTS = ImportTexts(
    title="Impor stok (uji)",
    intro="Impor stok barang dari .csv.",
    tips="Kolom: barang, jumlah.",
    file_filter="CSV (*.csv)",
    choose_title="Pilih berkas stok",
    placeholder="Pilih berkas .csv…",
    recheck_tip="Baca lagi.",
    no_rows="Berkas tidak berisi baris stok.",
    warnings_title="P&eringatan ({0})",
    skip_consequence="dilewati.",
    import_title="Mengimpor stok",
    importing="Mengimpor {0} baris stok…",
    changed="Hasil pemeriksaan berubah.",
    again_question="{0}\n\nTetap impor lagi?",
)


class CountImport(ImportWizard):
    TEXTS = TEXTS
    read_file = staticmethod(read_counts)
    # Set by a test to hold the import inside its transaction until released (the worker waits on it).
    hold: threading.Event | None = None
    holding = threading.Event()
    refuse_first = False  # the file counts as imported before: AlreadyImported unless ``again``

    def checker(self):  # type: ignore[no-untyped-def]
        return check_counts

    def importer(self, *, skip_invalid: bool, again: bool):  # type: ignore[no-untyped-def]
        actor, hold, holding, refuse = (
            self.ctx.actor,
            self.hold,
            self.holding,
            self.refuse_first and not again,
        )

        def write(session: Session, plan: CountPlan) -> int:
            if refuse:
                raise AlreadyImported("Berkas stok.csv sudah pernah diimpor.")
            count = import_counts(session, actor, plan, skip_invalid=skip_invalid)
            session.flush()
            if hold is not None:
                holding.set()
                hold.wait(30)
            return count

        return write

    @staticmethod
    def valid_rows(plan: CountPlan) -> list[tuple[int, str, int]]:
        return plan.valid

    def all_valid_text(self, plan: CountPlan) -> str:
        return f"Semua {plan.rows_read} baris valid."

    def done_text(self, result: int) -> str:
        return f"{result} baris stok diimpor"


class MappedCountImport(CountImport):
    """The same module with a mapping step: the clerk types which header holds the amount."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")

    def mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.amount_header = QLineEdit(page)
        self.amount_header.textChanged.connect(lambda _t: self.update_buttons())
        QVBoxLayout(page).addWidget(self.amount_header)
        page.setFocusProxy(self.amount_header)
        return page

    def mapping_problems(self) -> list[str]:
        if self.table is None or self.amount_header.text() not in self.table.headers:
            return ["Kolom jumlah belum dipilih."]
        return []


# --- fixtures and helpers -----------------------------------------------------------------------------------------


def _count(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == ENTITY)))


def _wizard(qtbot, app_ctx: AppContext, admin: Actor, kind: type[CountImport] = CountImport) -> CountImport:  # type: ignore[no-untyped-def]
    wizard = kind(UiContext(app_ctx, admin))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _idle(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.task is None, timeout=30_000)


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "stok.csv"
    path.write_text("barang,jumlah\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


# --- the tests ------------------------------------------------------------------------------------------------------


def test_a_bad_row_is_listed_with_its_line_and_nothing_is_imported_until_confirmed(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = _file(tmp_path, "Kertas A4,10", "Map,x", "Pena,0")
    wizard = _wizard(qtbot, app_ctx, admin)
    assert wizard.pages.currentIndex() == CountImport.PAGE_FILE
    assert "<b>1. Berkas</b>" in wizard.steps.text()
    assert wizard.check_button.isVisible() and not wizard.check_button.isEnabled()  # no file yet

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(wizard.browse_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, wizard)

    assert wizard.pages.currentIndex() == CountImport.PAGE_CHECK
    assert "<b>2. Pemeriksaan</b>" in wizard.steps.text()
    assert wizard.error_rows() == [(3, "jumlah bukan angka: 'x'")]
    assert wizard.warning_table.rowCount() == 1 and wizard.warning_table.item(0, 0).text() == "4"
    assert wizard.warnings_label.text() == "P&eringatan (1)"
    summary = wizard.summary.text()
    assert "1 baris tidak valid</b> dari 3 baris; 2 baris valid" in summary
    assert "1 peringatan tidak menghalangi impor" in summary
    assert wizard.copy_errors() == "baris 3: jumlah bukan angka: 'x'"
    assert not wizard.import_button.isEnabled()
    assert wizard.skip_button.text().replace("&", "") == "Impor baris yang valid saja (lewati 1 baris)"

    wizard.import_all()  # blocked by the bad row, even called directly
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: asked.append(text) and False)
    qtbot.mouseClick(wizard.skip_button, Qt.MouseButton.LeftButton)
    assert asked == [
        "2 baris yang valid akan diimpor.\n\n1 baris tidak valid (baris 3) dilewati.\n\nLanjutkan?"
    ]
    assert wizard.task is None and wizard.pages.currentIndex() == CountImport.PAGE_CHECK
    assert _count(app_ctx) == 0

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as imported:
        qtbot.mouseClick(wizard.skip_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, wizard)
    assert imported.args == [2]
    assert wizard.pages.currentIndex() == CountImport.PAGE_DONE
    assert "2 baris stok diimpor." in wizard.done_label.text()
    assert wizard.done_note.text() == "Impor ini tercatat di log audit atas nama Admin Kantor."
    assert wizard.close_button.isVisible() and not wizard.cancel_button.isVisible()
    assert _count(app_ctx) == 2


def test_a_valid_file_waits_for_the_import_button(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, app_ctx, admin)
    wizard.path_edit.setText(str(_file(tmp_path, "Kertas A4,10", "Map,5")))
    qtbot.keyClick(wizard.path_edit, Qt.Key.Key_Return)
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == CountImport.PAGE_CHECK
    assert "Semua 2 baris valid." in wizard.summary.text()
    assert not wizard.skip_button.isVisible() and not wizard.errors_box.isVisible()
    assert wizard.import_button.isEnabled() and wizard.import_button.isDefault()
    assert _count(app_ctx) == 0  # checked, not imported

    wizard.go_back()
    assert wizard.pages.currentIndex() == CountImport.PAGE_FILE and _count(app_ctx) == 0
    wizard.load_from_field()
    _idle(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter imports: the default button of the check
    _idle(qtbot, wizard)
    assert _count(app_ctx) == 2


def test_cancel_leaves_nothing(qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _file(tmp_path, "Kertas A4,10", "Map,5")
    closed = _wizard(qtbot, app_ctx, admin)
    closed.load_file(source)
    _idle(qtbot, closed)
    qtbot.mouseClick(
        closed.cancel_button, Qt.MouseButton.LeftButton
    )  # "Batal" at the check: the window closes
    assert not closed.isVisible()
    assert _count(app_ctx) == 0

    hold = threading.Event()
    CountImport.holding.clear()
    wizard = _wizard(qtbot, app_ctx, admin)
    wizard.hold = hold
    wizard.load_file(source)
    _idle(qtbot, wizard)
    wizard.import_all()
    qtbot.waitUntil(CountImport.holding.is_set, timeout=30_000)  # both rows written, not yet committed
    assert wizard.busy and not wizard.import_button.isEnabled()
    wizard.reject()  # the window stays while the work runs: its progress window's "Batal" stops it
    assert wizard.isVisible()
    wizard.task.cancel()
    hold.set()
    _idle(qtbot, wizard)
    assert wizard.check_message.text() == "Impor dibatalkan; tidak ada yang diimpor."
    assert wizard.pages.currentIndex() == CountImport.PAGE_CHECK and wizard.import_button.isEnabled()
    assert _count(app_ctx) == 0


def test_an_unreadable_file_is_reported_next_to_the_field(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wrong = tmp_path / "lain.csv"
    wrong.write_text("nama,nip\nA,1\n", encoding="utf-8")
    wizard = _wizard(qtbot, app_ctx, admin)
    wizard.load_file(wrong)
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == CountImport.PAGE_FILE
    assert wizard.file_message.isVisible()
    assert wizard.file_message.text() == "Berkas lain.csv: judul kolom harus barang, jumlah."


def test_a_file_imported_before_goes_in_again_only_when_the_clerk_says_so(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, **kw: asked.append(text) or next(answers)
    )
    wizard = _wizard(qtbot, app_ctx, admin)
    wizard.refuse_first = True
    wizard.load_file(_file(tmp_path, "Kertas A4,10"))
    _idle(qtbot, wizard)

    wizard.import_all()
    _idle(qtbot, wizard)
    assert asked == ["Berkas stok.csv sudah pernah diimpor.\n\nTetap impor lagi?"]
    assert (
        "Impor gagal, tidak ada yang diimpor: Berkas stok.csv sudah pernah diimpor."
        in wizard.check_message.text()
    )
    assert _count(app_ctx) == 0

    wizard.import_all()
    _idle(qtbot, wizard)
    assert len(asked) == 2
    assert wizard.pages.currentIndex() == CountImport.PAGE_DONE
    assert _count(app_ctx) == 1


def test_a_mapping_step_comes_between_the_file_and_the_check(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, app_ctx, admin, MappedCountImport)
    assert isinstance(wizard, MappedCountImport)
    assert wizard.next_button.isVisible() and not wizard.check_button.isVisible()
    wizard.load_file(_file(tmp_path, "Kertas A4,10"))
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == MappedCountImport.PAGE_MAPPING
    assert "<b>2. Pemetaan kolom</b>" in wizard.steps.text()
    assert wizard.focusWidget() is wizard.amount_header
    assert wizard.check_button.isVisible() and not wizard.check_button.isEnabled()
    qtbot.keyClicks(wizard.amount_header, "jumlah")
    assert wizard.check_button.isEnabled() and wizard.check_button.isDefault()
    qtbot.mouseClick(wizard.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == MappedCountImport.PAGE_CHECK
    wizard.go_back()
    assert wizard.pages.currentIndex() == MappedCountImport.PAGE_MAPPING
    wizard.go_back()
    assert wizard.pages.currentIndex() == MappedCountImport.PAGE_FILE
    # "Baca ulang berkas" reads the file again and checks it straight away with the same mapping.
    wizard.reread()
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == MappedCountImport.PAGE_CHECK
    assert _count(app_ctx) == 0


# --- the file around the rows: notes of the reader, problems of the whole file, columns nobody mapped ----------------


def read_counts_with_notes(path: Path) -> Table:
    """``read_counts`` with what the shared reader says about the rows it left out around the table."""
    table = read_counts(path)
    notes = (
        RowError.for_file("baris 5–8 di bawah tabel dilewati (blok tanda tangan/keterangan: “Mengetahui”)"),
    )
    return Table(table.headers, table.rows, table.source, notes=notes)


def check_counts_of_the_file(session: Session, table: Table) -> CountPlan:
    """``check_counts`` with a problem of the whole file, listed after the rows' problems."""
    plan = check_counts(session, table)
    return CountPlan(
        plan.valid,
        [*plan.errors, RowError.for_file("kolom “catatan” tidak dikenal")],
        plan.warnings,
        plan.rows_read,
    )


class NotedCountImport(MappedCountImport):
    """The mapped module whose reader leaves a signature block out and which reports the columns it drops."""

    read_file = staticmethod(read_counts_with_notes)
    file_problem = False

    def checker(self):  # type: ignore[no-untyped-def]
        return check_counts_of_the_file if self.file_problem else check_counts

    def unmapped_headers(self) -> list[str]:
        # The amount column typed in the mapping step is mapped; "barang" is mapped by name; "jumlah" is not
        # until the clerk names it.
        if self.table is None or self.amount_header.text() == "jumlah":
            return []
        return ["jumlah", "Kode Klas"]


def test_columns_nobody_mapped_are_a_yellow_notice_over_mapping_and_check(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, app_ctx, admin, NotedCountImport)
    assert isinstance(wizard, NotedCountImport)
    assert not wizard.unmapped_notice.isVisible()
    wizard.load_file(_file(tmp_path, "Kertas A4,10", "Pena,0"))
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == NotedCountImport.PAGE_MAPPING
    assert wizard.unmapped_notice.isVisible()
    assert wizard.unmapped_notice.text() == (
        "\u26a0 Kolom berisi data yang belum dipetakan: “jumlah”, “Kode Klas” — petakan ke kolom impor, atau "
        "biarkan diabaikan."
    )
    assert "background" in wizard.unmapped_notice.styleSheet()
    qtbot.keyClicks(wizard.amount_header, "jumlah")  # mapped: the notice goes at once
    assert not wizard.unmapped_notice.isVisible()
    wizard.amount_header.setText("barang")
    wizard.amount_header.setText("")
    assert wizard.unmapped_notice.isVisible()
    wizard.go_back()
    assert not wizard.unmapped_notice.isVisible()  # the file step says nothing of columns

    # Checked with the column left unmapped: the notice stays over the check, beside the reader's note.
    wizard.load_file(_file(tmp_path, "Kertas A4,10", "Pena,0"))
    _idle(qtbot, wizard)
    wizard.amount_header.setText("barang")
    wizard.validate()
    _idle(qtbot, wizard)
    assert wizard.pages.currentIndex() == NotedCountImport.PAGE_CHECK
    assert wizard.unmapped_notice.isVisible()
    assert "“Kode Klas”" in wizard.unmapped_notice.text()


def test_the_readers_notes_and_problems_of_the_file_are_listed_as_berkas_first(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, app_ctx, admin, NotedCountImport)
    assert isinstance(wizard, NotedCountImport)
    wizard.file_problem = True
    wizard.load_file(_file(tmp_path, "Kertas A4,10", "Map,x", "Pena,0"))
    _idle(qtbot, wizard)
    wizard.amount_header.setText("jumlah")
    wizard.validate()
    _idle(qtbot, wizard)
    # The file's problem first (though the plan lists it last), as "berkas"; then the rows.
    assert wizard.error_table.item(0, 0).text() == "berkas"
    assert wizard.error_rows() == [(0, "kolom “catatan” tidak dikenal"), (3, "jumlah bukan angka: 'x'")]
    assert wizard.copy_errors() == "berkas: kolom “catatan” tidak dikenal\nbaris 3: jumlah bukan angka: 'x'"
    # The reader's note with the plan's warnings, counted with them.
    assert wizard.warning_table.item(0, 0).text() == "berkas"
    assert wizard.warning_rows() == [
        (0, "baris 5–8 di bawah tabel dilewati (blok tanda tangan/keterangan: “Mengetahui”)"),
        (4, "jumlah nol"),
    ]
    assert wizard.warnings_label.text() == "P&eringatan (2)"
    assert "2 peringatan tidak menghalangi impor" in wizard.summary.text()


def test_the_readers_notes_show_when_every_row_is_valid(
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, app_ctx, admin, NotedCountImport)
    assert isinstance(wizard, NotedCountImport)
    wizard.load_file(_file(tmp_path, "Kertas A4,10"))
    _idle(qtbot, wizard)
    wizard.amount_header.setText("jumlah")
    wizard.validate()
    _idle(qtbot, wizard)
    assert "Semua 1 baris valid." in wizard.summary.text()
    assert wizard.warnings_box.isVisible() and wizard.warning_rows()[0][0] == 0
    assert wizard.import_button.isEnabled()
