"""Impor jawaban SKM from an online form's export (the import wizard with a hand mapping of the columns)."""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.core.dates import format_date_numeric
from desktop.core.guests.ikm import UNSUR
from desktop.core.money import format_number
from desktop.services.guests import skm_import
from desktop.services.guests.skm_import import PlannedResponse, SkmImportPlan, SkmImportResult
from desktop.services.tabular import Table
from desktop.ui.context import UiContext
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, screen_room

FILE_FILTER = "Ekspor formulir (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
IGNORE = "(abaikan)"
CHOOSE = "(pilih…)"
UNSETTLED = "?"  # the combo's data while the clerk has not decided a header the app could not place

COLUMN_TEXT: dict[str, str] = {
    "waktu": "Tanggal/waktu pengisian",
    "jenis_kelamin": "Jenis kelamin",
    "usia": "Usia",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "jenis_layanan": "Jenis layanan",
    "saran": "Saran/masukan",
    **{u.kode: f"{u.kode} {u.nama_lengkap}" for u in UNSUR},
}
PROFILE = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "jenis_layanan", "saran")
CODES = tuple(u.kode for u in UNSUR)

IMPORT_TEXTS = ImportTexts(
    title="Impor jawaban SKM",
    intro=(
        "Masukkan jawaban survei kepuasan masyarakat dari ekspor formulir daring (mis. Google Forms), berkas "
        ".xlsx atau .csv dengan satu baris per responden. Judul kolomnya dikenali lalu bisa Anda petakan "
        "sendiri; <b>semua baris diperiksa dulu</b> dan baris yang salah disebutkan nomor dan alasannya."
    ),
    tips=(
        "<b>Yang perlu diketahui</b><ul>"
        "<li>Wajib ada kolom tanggal/waktu pengisian (Timestamp, Tanggal, Waktu …): 02/03/2026 09:15:30, "
        "2026-03-02 09:15:30 atau 2026/03/02 9:15:30 AM GMT+8.</li>"
        "<li>Kolom pertanyaan dikenali dari U1…U9, nama unsur, atau teks pertanyaan Permen PANRB 14/2017. "
        "Jawaban boleh 1–4, a–d, atau label jawabannya (Sangat sesuai, Cepat …). Jawaban kosong = unsur itu "
        "tidak dijawab.</li>"
        "<li>Survei tetap anonim: nama, email atau nomor HP di berkas tidak diimpor — pilih “(abaikan)”.</li>"
        "</ul>"
    ),
    file_filter=FILE_FILTER,
    choose_title="Pilih ekspor formulir SKM",
    placeholder="Pilih berkas .xlsx atau .csv…",
    recheck_tip="Sudah memperbaiki berkasnya? Baca lagi dan periksa dengan pemetaan yang sama.",
    no_rows="Berkas tidak berisi jawaban responden; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor; periksa bila perlu",
    skip_consequence="dilewati dan TIDAK dihitung dalam IKM.",
    import_title="Mengimpor jawaban SKM",
    importing="Mengimpor {0} responden…",
    changed=(
        "Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa daftar di bawah lalu impor lagi."
    ),
    again_question="{0}\n\nTetap impor lagi? Semua respondennya akan terhitung dua kali dalam IKM.",
)


def column_text(column: str) -> str:
    return COLUMN_TEXT.get(column, column.replace("_", " "))


class SkmImportDialog(ImportWizard):
    """Impor jawaban SKM: Berkas → Pemetaan kolom → Pemeriksaan → Selesai. A header the app does not know, or
    one that could be two unsur, starts as "(pilih…)" and must be decided by the clerk (a question, a profile
    field or "(abaikan)") before the rows are checked: nothing in the file is dropped without their word."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = IMPORT_TEXTS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("skmImportDialog")
        fit_to_screen(self, 920, 640)

    def sizeHint(self) -> QSize:
        # Room for a dozen header rows of the mapping at once; ``fit_to_screen`` bounds it on a small screen.
        return QSize(920, 640).boundedTo(screen_room(self))

    # ------------------------------------------------------------------ reading, checking, importing
    @staticmethod
    def read_file(path: Path) -> Table:
        return skm_import.read_table(path)

    def checker(self) -> Checker:
        actor, mapping = self.ctx.actor, self.mapping()

        def check(session: Session, table: Table) -> SkmImportPlan:
            return skm_import.validate_responses(session, actor, table, mapping)

        return check

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        actor = self.ctx.actor

        def write(session: Session, plan: SkmImportPlan) -> SkmImportResult:
            return skm_import.import_responses(session, actor, plan, skip_invalid=skip_invalid, again=again)

        return write

    @staticmethod
    def valid_rows(plan: SkmImportPlan) -> list[PlannedResponse]:
        return plan.valid

    def all_valid_text(self, plan: SkmImportPlan) -> str:
        return self.tr("Semua {0} responden valid dan siap diimpor.").format(format_number(plan.rows_read))

    def plan_details(self, plan: SkmImportPlan) -> str:
        days = sorted({r.tanggal for r in plan.valid})
        if not days:
            return ""
        return self.tr(
            "Tanggal pengisian {0} s.d. {1}: jawaban masuk ke periode laporan tanggal itu."
        ).format(format_date_numeric(days[0]), format_date_numeric(days[-1]))

    def done_text(self, result: SkmImportResult) -> str:
        source = self.table.source if self.table is not None else ""
        return self.tr("✓ {0} responden SKM diimpor dari {1}").format(
            f"<b>{format_number(result.imported)}</b>", escape(source)
        )

    def announcement(self, result: SkmImportResult) -> SkmImportResult | None:
        return result if result.imported else None

    # ------------------------------------------------------------------ the mapping step
    def mapping_page(self) -> QWidget:
        self.combos: dict[str, QComboBox] = {}
        self.header_labels: dict[str, QLabel] = {}
        page = self.mapping_widget = QWidget(self)
        self.file_info = QLabel(page)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)
        self.file_info.setTextFormat(Qt.TextFormat.RichText)
        hint = muted(
            QLabel(
                self.tr(
                    "Pilih untuk setiap judul kolom: pertanyaan U1–U9, kolom profil, atau “(abaikan)”. Kolom "
                    "yang dikenali sudah diisi; kolom bertanda “(pilih…)” tidak dikenali atau bisa berarti dua "
                    "unsur — tentukan sendiri."
                ),
                page,
            )
        )
        hint.setWordWrap(True)
        self.mapping_area = QScrollArea(page)
        self.mapping_area.setObjectName("mappingArea")
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setWidget(QWidget())
        self.required_label = QLabel(page)
        self.required_label.setObjectName("requiredLabel")
        self.required_label.setWordWrap(True)
        self.required_label.setTextFormat(Qt.TextFormat.RichText)
        self.mapping_message = QLabel(page)
        self.mapping_message.setObjectName("mappingMessage")
        self.mapping_message.setWordWrap(True)
        set_message(self.mapping_message, "", ERROR_COLOR)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.file_info)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_area, 1)
        layout.addWidget(self.required_label)
        layout.addWidget(self.mapping_message)
        return page

    def use_table(self, table: Table) -> None:
        previous = self.mapping() if self.table is not None else {}
        self.table = table
        self.plan = None
        suggested, ambiguous = skm_import.suggest_mapping(table.headers)
        reasons: dict[str, str] = {}
        for key, names in ambiguous.items():
            if key.startswith("="):
                for header in names:
                    others = ", ".join(f"“{h}”" for h in names if h != header)
                    reasons[header] = self.tr("sama-sama tampak sebagai {0} dengan {1}").format(
                        key[1:], others
                    )
            else:
                reasons[key] = self.tr("cocok dengan lebih dari satu unsur: {0}").format(", ".join(names))
        examples = self._examples(table)
        unsettled = {h for h in table.headers if suggested.get(h) is None and (h in reasons or h in examples)}
        keep = set(previous) == set(table.headers)  # re-reading a fixed file keeps what the clerk chose

        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in enumerate(
            (self.tr("Judul kolom di berkas"), self.tr("Diimpor sebagai"), self.tr("Contoh isi"))
        ):
            label = QLabel(text, grid_widget)
            label.setFont(bold)
            grid.addWidget(label, 0, col)
        self.combos = {}
        self.header_labels = {}
        for row, header in enumerate(table.headers, start=1):
            name = QLabel(header, grid_widget)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name.setToolTip(header)
            name.setMaximumWidth(360)
            shown = examples.get(header, "")
            reason = reasons.get(header, "")
            sample = muted(QLabel(grid_widget))
            text = shown or "—"
            if reason:
                text = f"{reason} · {text}"
            sample.setText(sample.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 380))
            sample.setToolTip(f"{reason}\n{shown}".strip())
            combo = QComboBox(grid_widget)
            combo.setMinimumContentsLength(22)
            combo.setObjectName(f"map:{header}")
            combo.setAccessibleName(self.tr("Kolom impor untuk “{0}”").format(header))
            if header in unsettled:
                combo.addItem(self.tr(CHOOSE), UNSETTLED)
            combo.addItem(self.tr(IGNORE), None)
            for column in skm_import.COLUMNS:
                combo.addItem(self.tr(column_text(column)) + (" *" if column == "waktu" else ""), column)
            target = previous.get(header) if keep else suggested.get(header)
            if target is None and not keep and header in unsettled:
                target = UNSETTLED
            index = next((i for i in range(combo.count()) if combo.itemData(i) == target), 0)
            combo.setCurrentIndex(index)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            name.setBuddy(combo)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[header] = combo
            self.header_labels[header] = name
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(grid_widget)
        combos = list(self.combos.values())
        for first, second in itertools.pairwise(combos):
            QWidget.setTabOrder(first, second)
        # The step opens on the first header the clerk must decide, else on the first choice.
        first_open = next((c for h, c in self.combos.items() if c.currentData() == UNSETTLED), None)
        self.mapping_widget.setFocusProxy(first_open or (combos[0] if combos else None))
        where = (
            self.tr(", judul kolom di baris {0}").format(table.header_line) if table.header_line != 1 else ""
        )
        self.file_info.setText(
            self.tr("<b>{0}</b>: {1} responden, {2} kolom{3}.").format(
                escape(table.source), format_number(len(table.rows)), len(table.headers), where
            )
        )
        self._mapping_changed()

    @staticmethod
    def _examples(table: Table) -> dict[str, str]:
        found: dict[str, str] = {}
        for _line, record in table.rows[:200]:
            for header in table.headers:
                if header not in found and record.get(header, "").strip():
                    found[header] = " ".join(record[header].split())
            if len(found) == len(table.headers):
                break
        return found

    def mapping(self) -> dict[str, str | None]:
        """File header → import column (None: ignored; ``UNSETTLED``: not decided yet), as the combos stand."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def recognised(self) -> list[str]:
        """The import columns the mapping fills, in the import's order (waktu, profile, U1…U9)."""
        chosen = {c for c in self.mapping().values() if c and c != UNSETTLED}
        return [c for c in skm_import.COLUMNS if c in chosen]

    def unmapped_headers(self) -> list[str]:
        """The file's columns with data that the mapping leaves out or has not decided."""
        if self.table is None:
            return []
        examples = self._examples(self.table)
        return [h for h, c in self.mapping().items() if c in (None, UNSETTLED) and h in examples]

    def mapping_problems(self) -> list[str]:
        """Why the rows can't be checked yet: a header not decided, no date-time or no question column, a column
        chosen twice."""
        if self.table is None:
            return [self.tr("Belum ada berkas.")]
        chosen = self.mapping()
        problems: list[str] = []
        open_headers = [f"“{h}”" for h, c in chosen.items() if c == UNSETTLED]
        if open_headers:
            problems.append(
                self.tr("Tentukan kolom {0}: pilih unsur atau kolom profil, atau “(abaikan)”.").format(
                    ", ".join(open_headers)
                )
            )
        values = set(chosen.values())
        if "waktu" not in values:
            problems.append(self.tr("Kolom tanggal/waktu pengisian belum dipetakan."))
        if not values & set(CODES):
            problems.append(self.tr("Belum ada kolom pertanyaan U1–U9 yang dipetakan."))
        used = Counter(c for c in chosen.values() if c and c != UNSETTLED)
        for column, count in used.items():
            if count > 1:
                headers = [f"“{h}”" for h, c in chosen.items() if c == column]
                problems.append(
                    self.tr("{0} dipilih untuk lebih dari satu kolom berkas ({1}); pilih satu saja.").format(
                        column_text(column), ", ".join(headers)
                    )
                )
        return problems

    def _mapping_changed(self) -> None:
        self.plan = None  # a new mapping needs a new check
        current = self.mapping()
        for header, label in self.header_labels.items():
            label.setEnabled(current.get(header) is not None)  # greyed: this column is not imported
        found = self.recognised()
        codes = [c for c in found if c in CODES]
        missing = [c for c in CODES if c not in codes]
        marks = [
            self._mark("waktu" in found, self.tr("tanggal/waktu")),
            self._mark(
                not missing,
                self.tr("U1–U9") if not missing else self.tr("U: {0}").format(" ".join(codes) or "—"),
                partly=bool(codes),  # some questions only: a warning, the import goes ahead
            ),
        ]
        profile = [column_text(c).lower() for c in found if c in PROFILE]
        text = self.tr("Dikenali: {0}").format(" &nbsp; ".join(marks))
        if profile:
            text += " &nbsp; " + self.tr("profil: {0}").format(escape(", ".join(profile)))
        if missing and codes and UNSETTLED not in current.values():
            text += (
                "<br>"
                + f"<span style='color:{WARNING_COLOR}'>"
                + self.tr(
                    "Tanpa kolom {0}: unsur itu dihitung tidak terjawab untuk responden berkas ini."
                ).format(", ".join(missing))
                + "</span>"
            )
        self.required_label.setText(text)
        set_message(self.mapping_message, "\n".join(self.mapping_problems()), ERROR_COLOR)
        self.update_buttons()

    @staticmethod
    def _mark(ok: bool, text: str, *, partly: bool = False) -> str:
        color, sign = (SUCCESS_COLOR, "✓") if ok else (WARNING_COLOR, "⚠") if partly else (ERROR_COLOR, "✗")
        return f"<span style='color:{color}'>{sign} {escape(text)}</span>"

    def mapping_failed(self, text: str) -> None:
        set_message(self.mapping_message, text, ERROR_COLOR)
        self.show_page(self.PAGE_MAPPING)
