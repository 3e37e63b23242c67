"""The SKM page of the Buku Tamu tab: the IKM of a period, its per-unsur table, RTL, trend, files and import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.guests.ikm import UNSUR
from desktop.core.money import format_number
from desktop.printing.guests.skm_report import GRADE_MEANING, build_skm_report
from desktop.services.common import printed
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import skm
from desktop.services.guests.skm import SkmReport
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests import kiosk_window
from desktop.ui.guests.rtl_table import RtlTable
from desktop.ui.guests.skm_import_dialog import SkmImportDialog
from desktop.ui.guests.trend_chart import TrendBar, TrendChart
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.tasks import Progress, run_task
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import (
    ERROR_COLOR,
    SUCCESS_COLOR,
    WARNING_BACKGROUND,
    WARNING_COLOR,
    WARNING_INK,
)
from desktop.ui.widgets.screen_fit import HeightFollowsWidth
from desktop.ui.widgets.tables import heading

KINDS = (
    ("triwulan", "Triwulan"),
    ("semester", "Semester"),
    ("tahun", "Tahun"),
    ("rentang", "Rentang tanggal"),
)
# guests.md (c): the SKM SOP collects every 6 months; the national minimum is a year.
DEFAULT_KIND = "semester"
ROMAN = ("I", "II", "III", "IV")
BOBOTS = (
    ("exact", "Bobot 1/9 (tepat)"),
    ("0.11", "Bobot 0,11 (untuk mencocokkan lembar lama)"),
)
UNSUR_COLUMNS = ("Kode", "Unsur", "Responden", "Jumlah", "NRR", "Nilai", "Mutu")
COL_KODE, COL_NAMA, COL_RESPONDEN, COL_JUMLAH, COL_NRR, COL_NILAI, COL_MUTU = range(7)
GRADE_COLOR = {"A": SUCCESS_COLOR, "B": SUCCESS_COLOR, "C": WARNING_COLOR, "D": ERROR_COLOR}


def comma(value: Decimal | None) -> str:
    """A rounded figure as the office writes it, "91,48"; "–" when there is none."""
    return "–" if value is None else str(value).replace(".", ",")


def _bigger(label: QLabel, factor: float, bold: bool = True) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def _line(parent: QWidget, name: str, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SkmPanel(QWidget):
    """Survei Kepuasan Masyarakat for the humas staff: choose a period and a weight, read the IKM and the
    per-unsur values (the lowest marked), write the RTL, print or save the report, import a form's answers and
    start the kiosk. Viewers see everything; only ``Perm.WRITE_GUESTS`` edits the RTL, imports and opens the
    kiosk."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skmPanel")
        self.ctx = ctx
        self.can_write = ctx.actor.can(Perm.WRITE_GUESTS)
        self.report: SkmReport | None = None
        self.preview: PrintPreviewDialog | None = None
        self.import_dialog: SkmImportDialog | None = None
        self._updating = False
        self._shown_before = False
        self._state: tuple[object, ...] = ()
        today = ctx.office_today()
        self.today = today

        # ---------------------------------------------------------------- the period and the weight
        self.kind = QComboBox(self)
        self.kind.setObjectName("skmKind")
        self.kind.setAccessibleName(self.tr("Jenis periode"))
        for key, text in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.part = QComboBox(self)
        self.part.setObjectName("skmPart")
        self.part.setAccessibleName(self.tr("Periode ke"))
        self.year = QSpinBox(self)
        self.year.setObjectName("skmYear")
        self.year.setAccessibleName(self.tr("Tahun"))
        self.year.setRange(2000, 2100)
        self.year.setKeyboardTracking(False)  # one report for "2027", not one per digit typed
        self.start = DateField(self, today, required=True, today=today)
        self.start.setObjectName("skmStart")
        self.start.setAccessibleName(self.tr("Periode dari tanggal"))
        self.end = DateField(self, today, required=True, today=today)
        self.end.setObjectName("skmEnd")
        self.end.setAccessibleName(self.tr("Periode sampai tanggal"))
        self.until = QLabel(self.tr("s.d."), self)
        self.bobot = QComboBox(self)
        self.bobot.setObjectName("skmBobot")
        self.bobot.setAccessibleName(self.tr("Bobot IKM"))
        for key, text in BOBOTS:
            self.bobot.addItem(self.tr(text), key)
        self.bobot.setToolTip(
            self.tr(
                "Permen PANRB 14/2017 membagi jumlah NRR dengan 9 (bobot 1/9, tepat). Bobot 0,11 hanya "
                "untuk menyamakan hasil dengan lembar kerja lama; laporan mencantumkan bobot yang dipakai."
            )
        )
        kind_label = QLabel(self.tr("&Periode:"), self)
        kind_label.setBuddy(self.kind)

        self.pdf_button = QPushButton(self.tr("&Cetak / pratinjau"), self)
        self.pdf_button.setObjectName("skmPdf")
        self.pdf_button.clicked.connect(self.print_report)
        self.pdf_button.setVisible(ctx.actor.can(Perm.PRINT))
        self.xlsx_button = QPushButton(self.tr("Simpan .&xlsx…"), self)
        self.xlsx_button.setObjectName("skmXlsx")
        self.xlsx_button.clicked.connect(lambda: self.save_file("xlsx"))
        self.csv_button = QPushButton(self.tr("Simpan .c&sv…"), self)
        self.csv_button.setObjectName("skmCsv")
        self.csv_button.clicked.connect(lambda: self.save_file("csv"))
        self.import_button = QPushButton(self.tr("&Impor jawaban…"), self)
        self.import_button.setObjectName("skmImport")
        self.import_button.clicked.connect(self.open_import)
        self.kiosk_button = QPushButton(self.tr("Mode &kiosk"), self)
        self.kiosk_button.setObjectName("skmKiosk")
        self.kiosk_button.setToolTip(
            self.tr(
                "Layar penuh sembilan pertanyaan untuk tablet atau layar kedua; keluar dengan sandi admin."
            )
        )
        self.kiosk_button.clicked.connect(self.open_kiosk)
        for button in (self.import_button, self.kiosk_button):
            button.setVisible(self.can_write)

        top = FlowRow()
        top.add(heading(self.tr("Survei Kepuasan Masyarakat"), self))
        top.add(kind_label)
        for widget in (self.kind, self.part, self.year, self.start, self.until, self.end, self.bobot):
            top.add(widget)
        actions = FlowRow()
        for button in (
            self.pdf_button,
            self.xlsx_button,
            self.csv_button,
            self.import_button,
            self.kiosk_button,
        ):
            actions.add(button)
        self.status = _line(self, "skmStatus")
        set_message(self.status, "", SUCCESS_COLOR)

        # ---------------------------------------------------------------- the result
        content = QWidget()
        content.setObjectName("skmContent")
        self.score = _bigger(QLabel("–", content), 3.0)
        self.score.setObjectName("skmScore")
        self.grade = _bigger(QLabel("", content), 3.0)
        self.grade.setObjectName("skmGrade")
        self.meaning = _line(content, "skmMeaning")
        _bigger(self.meaning, 1.1)
        self.ikm_line = muted(_line(content, "skmIkmLine"))
        self.respondents = _line(content, "skmRespondents")
        self.warning = _line(content, "skmWarning")
        self.lowest = _line(content, "skmLowest")
        self.missing = _line(content, "skmMissing")
        self.profile = _line(content, "skmProfile", rich=True)
        self.trend = TrendChart(content)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score)
        score_row.addSpacing(12)
        score_row.addWidget(self.grade)
        score_row.addStretch(1)
        score_box = QFrame(content)
        score_box.setObjectName("skmScoreBox")
        score_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(score_box)
        box.addWidget(muted(QLabel(self.tr("Nilai IKM (× 25)"), score_box)))
        box.addLayout(score_row)
        box.addWidget(self.meaning)
        box.addWidget(self.ikm_line)
        left = QVBoxLayout()
        left.addWidget(score_box)
        for label in (self.respondents, self.warning, self.lowest, self.missing):
            left.addWidget(label)
        left.addWidget(heading(self.tr("Profil responden"), content))
        left.addWidget(self.profile)
        left.addWidget(heading(self.tr("Tren periode sebelumnya"), content))
        left.addWidget(self.trend)
        left.addStretch(1)

        self.table = self._unsur_table(content)
        self.rtl = RtlTable(content)
        self.rtl.changed.connect(self._rtl_edited)
        self.rtl_hint = muted(_line(content, "rtlHint"), smaller=True)
        self.rtl_save = QPushButton(self.tr("Simpan &RTL"), self.rtl.buttons)
        self.rtl_save.setObjectName("rtlSave")
        self.rtl_save.clicked.connect(self.save_rtl)
        self.rtl.buttons.layout().addWidget(self.rtl_save)  # type: ignore[union-attr]
        self.rtl_message = _line(content, "rtlMessage")
        set_message(self.rtl_message, "", SUCCESS_COLOR)
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Nilai per unsur"), content))
        right.addWidget(self.table)
        right.addWidget(heading(self.tr("Rencana tindak lanjut (RTL)"), content))
        right.addWidget(self.rtl_hint)
        right.addWidget(self.rtl, 1)
        right.addWidget(self.rtl_message)

        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("skmScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        HeightFollowsWidth(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

        self._set_period(DEFAULT_KIND, today)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.part.currentIndexChanged.connect(lambda _i: self._chosen())
        self.year.valueChanged.connect(lambda _v: self._chosen())
        self.start.dateChanged.connect(lambda _d: self._chosen())
        self.end.dateChanged.connect(lambda _d: self._chosen())
        self.bobot.currentIndexChanged.connect(lambda _i: self._chosen())
        self.refresh()

    def _unsur_table(self, parent: QWidget) -> QTableWidget:
        table = QTableWidget(len(UNSUR) + 1, len(UNSUR_COLUMNS), parent)
        table.setObjectName("skmUnsurTable")
        table.setHorizontalHeaderLabels([self.tr(c) for c in UNSUR_COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(len(UNSUR_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAMA, QHeaderView.ResizeMode.Stretch)
        # All ten rows without a scroll bar: the table is read whole, like the printed one.
        rows = table.rowCount() * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(rows + header.sizeHint().height() + 2 * table.frameWidth() + 2)
        return table

    # ------------------------------------------------------------------ the period
    def _parts(self, kind: str) -> int:
        return {"triwulan": 4, "semester": 2}.get(kind, 0)

    def _set_period(self, kind: str, inside: date, end: date | None = None) -> None:
        """Show ``kind``'s period holding ``inside`` (a range: ``inside``..``end``) in the chooser, quietly."""
        self._updating = True
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            count = self._parts(kind)
            self.part.clear()
            name = "Triwulan" if kind == "triwulan" else "Semester"
            for number in range(count):
                self.part.addItem(self.tr("{0} {1}").format(name, ROMAN[number]), number + 1)
            if count:
                length = 12 // count
                self.part.setCurrentIndex((inside.month - 1) // length)
            self.year.setValue(inside.year)
            if kind == "rentang":
                self.start.setDate(inside)
                self.end.setDate(end or inside)
            ranged = kind == "rentang"
            self.part.setVisible(bool(count))
            self.year.setVisible(not ranged)
            for widget in (self.start, self.until, self.end):
                widget.setVisible(ranged)
        finally:
            self._updating = False

    def period(self) -> tuple[date, date]:
        """The first and last day chosen; ValueError (Indonesian) for a range typed wrong."""
        kind = str(self.kind.currentData())
        year = self.year.value()
        if kind == "rentang":
            start = self.start.value()
            end = self.end.value()
            if start is None or end is None:  # required fields: value() raises first
                raise ValueError(self.tr("Isi kedua tanggal periode."))
            if end < start:
                raise ValueError(self.tr("Tanggal akhir periode sebelum tanggal awal."))
            return start, end
        found = skm.periods(kind, year)
        index = max(0, self.part.currentIndex()) if self._parts(kind) else 0
        return found[index].start, found[index].end

    def _kind_changed(self) -> None:
        if self._updating:
            return
        kind = str(self.kind.currentData())
        if self.report is not None:
            # The new kind's period around the one shown: Semester II 2026 → Triwulan III 2026.
            self._set_period(kind, self.report.start, self.report.end)
        else:
            self._set_period(kind, self.today)
        self._chosen()

    def _restore(self) -> None:
        """Put the chooser back on the period and weight shown (the clerk stayed to fix the RTL)."""
        rep = self.report
        if rep is None or not self._state:
            return
        kind, bobot = self._state
        self._set_period(str(kind), rep.start, rep.end)
        self._updating = True
        try:
            self.bobot.setCurrentIndex(max(0, self.bobot.findData(bobot)))
        finally:
            self._updating = False

    def _chosen(self) -> None:
        """The chooser changed: settle unsaved RTL edits of the period shown, then show the new period."""
        if self._updating:
            return
        try:
            start, end = self.period()
        except ValueError as exc:
            set_message(self.status, str(exc), ERROR_COLOR)
            return
        leaving = self.report is not None and skm.period_key(start, end) != self.report.periode
        if leaving and not self._settle_rtl(
            self.tr("Simpan dulu sebelum pindah periode?"), self.tr("Jangan simpan")
        ):
            self._restore()
            return
        self.refresh()

    # ------------------------------------------------------------------ the report
    def refresh(self) -> None:
        """Read the report of the period chosen and show it; unsaved RTL edits of the same period stay."""
        try:
            start, end = self.period()
        except ValueError as exc:
            set_message(self.status, str(exc), ERROR_COLOR)
            return
        bobot = str(self.bobot.currentData())
        try:
            with self.ctx.read() as session:
                rep = skm.report(session, self.ctx.actor, start, end, bobot=bobot)  # type: ignore[arg-type]
        except ServiceError as exc:
            set_message(self.status, error_text(exc), ERROR_COLOR)
            return
        set_message(self.status, "", SUCCESS_COLOR)
        same_period = self.report is not None and self.report.periode == rep.periode
        self.report = rep
        self._state = (str(self.kind.currentData()), bobot)
        self._show_figures(rep)
        if not (same_period and self.rtl.dirty):
            # A viewer reads the stored RTL only; the suggestion is the humas staff's starting point.
            rows = skm.suggest_rtl(rep) if self.can_write else rep.rtl
            self.rtl.set_rows(rows, editable=self.can_write)
            set_message(self.rtl_message, "", SUCCESS_COLOR)
        self._rtl_hint()

    def _show_figures(self, rep: SkmReport) -> None:
        self.score.setText(comma(rep.skm))
        self.grade.setText(rep.mutu)
        color = GRADE_COLOR.get(rep.mutu, "")
        self.grade.setStyleSheet(f"color: {color};" if color else "")
        if rep.skm is None:
            self.meaning.setText(self.tr("Belum ada jawaban survei pada {0}.").format(rep.periode_label))
        else:
            self.meaning.setText(
                self.tr("Mutu pelayanan {0}: {1}").format(rep.mutu, GRADE_MEANING.get(rep.mutu, rep.kinerja))
            )
        self.ikm_line.setText(
            self.tr("{0} · IKM {1} · {2}").format(rep.periode_label, comma(rep.ikm_4), rep.bobot_label)
        )
        if rep.populasi:
            self.respondents.setText(
                self.tr(
                    "{0} responden; sampel minimal {1} dari {2} orang yang dilayani (Krejcie-Morgan)."
                ).format(format_number(rep.responden), format_number(rep.sampel), format_number(rep.populasi))
            )
        else:
            self.respondents.setText(
                self.tr(
                    "{0} responden; belum ada kunjungan tercatat pada periode ini, jadi sampel minimal belum "
                    "dapat dihitung."
                ).format(format_number(rep.responden))
            )
        set_message(self.warning, rep.sample_warning, WARNING_COLOR)
        lowest = rep.lowest_text
        self.lowest.setText(self.tr("Unsur terendah: {0}").format(lowest) if lowest else "")
        self.lowest.setVisible(bool(lowest))
        missing = [f"{row.kode} {row.nama}" for row in rep.unsur if row.kode in rep.missing_unsur]
        shown_missing = bool(missing) and rep.responden > 0
        set_message(
            self.missing,
            self.tr("Belum ada yang menjawab {0}; IKM dihitung dari unsur yang terjawab saja.").format(
                "; ".join(missing)
            )
            if shown_missing
            else "",
            WARNING_COLOR,
        )
        self._fill_table(rep)
        self._fill_profile(rep)
        bars = [TrendBar(p.label, float(p.skm), p.mutu) for p in rep.trend]
        if rep.skm is not None:
            bars.append(
                TrendBar(skm.period_label(rep.start, rep.end, short=True), float(rep.skm), rep.mutu, True)
            )
        self.trend.set_bars(bars)

    def _fill_table(self, rep: SkmReport) -> None:
        lowest = set(rep.lowest)
        mark_back, mark_ink = QBrush(QColor(WARNING_BACKGROUND)), QBrush(QColor(WARNING_INK))
        bold = QFont(self.table.font())
        bold.setBold(True)
        lines: list[tuple[str, str, str, str, str, str, str]] = [
            (
                row.kode,
                row.nama,
                format_number(row.responden),
                format_number(row.jumlah),
                comma(row.nrr_4),
                comma(row.nilai_2),
                row.mutu or "–",
            )
            for row in rep.unsur
        ]
        lines.append(
            ("", "IKM", format_number(rep.responden), "", comma(rep.ikm_4), comma(rep.skm), rep.mutu or "–")
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, values in enumerate(lines):
            marked = r < len(rep.unsur) and rep.unsur[r].kode in lowest
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c in (COL_RESPONDEN, COL_JUMLAH, COL_NRR, COL_NILAI):
                    item.setTextAlignment(right)
                elif c == COL_MUTU:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == COL_NAMA:
                    item.setToolTip(text)
                if marked:
                    # The lowest unsur: the first RTL priority (R23), marked as every warning row is.
                    item.setBackground(mark_back)
                    item.setForeground(mark_ink)
                    item.setFont(bold)
                    item.setToolTip(self.tr("Unsur terendah: prioritas pertama rencana tindak lanjut"))
                elif r == len(rep.unsur):
                    item.setFont(bold)
                self.table.setItem(r, c, item)

    def _fill_profile(self, rep: SkmReport) -> None:
        parts = []
        for group in rep.profil:
            counts = [f"{label} {format_number(count)}" for label, count in group.counts if count]
            if counts:
                parts.append(f"<b>{group.title}</b>: {' · '.join(counts)}")
        self.profile.setText("<br>".join(parts) if parts else self.tr("Belum ada responden."))

    def lowest_rows(self) -> list[str]:
        """The codes of the unsur rows shown marked as lowest."""
        found = []
        for r in range(len(UNSUR)):
            item = self.table.item(r, COL_KODE)
            if item is not None and item.background().color() == QColor(WARNING_BACKGROUND):
                found.append(item.text())
        return found

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_before:
            self.refresh()  # answers from the kiosk, the phones or another desk since it was last shown
        self._shown_before = True

    # ------------------------------------------------------------------ RTL
    def _rtl_hint(self) -> None:
        rep = self.report
        if rep is None:
            return
        if not self.can_write:
            text = "" if rep.rtl else self.tr("RTL periode ini belum diisi staf humas.")
        elif self.rtl.dirty:
            text = self.tr("Ada perubahan yang belum disimpan.")
        elif rep.rtl:
            text = self.tr("RTL {0} tersimpan.").format(rep.periode_label)
        else:
            text = self.tr(
                "Usulan dari unsur terendah, belum disimpan: isi program/kegiatan, waktu dan penanggung "
                "jawab, lalu Simpan RTL. Baris tanpa isian tidak disimpan."
            )
        self.rtl_hint.setText(text)
        self.rtl_hint.setVisible(bool(text))

    def _rtl_edited(self) -> None:
        set_message(self.rtl_message, "", SUCCESS_COLOR)
        self._rtl_hint()

    def save_rtl(self) -> bool:
        """Store the RTL as shown for the period shown; a row without any text is left out."""
        rep = self.report
        if rep is None or not self.can_write:
            return False
        rows = [r for r in self.rtl.rows() if r.program or r.waktu or r.penanggung_jawab]
        try:
            saved = self.ctx.call(skm.save_rtl, rep.periode, rows)
        except ServiceError as exc:
            set_message(self.rtl_message, error_text(exc), ERROR_COLOR)
            return False
        self.report = None  # read again: the stored rows are now the period's RTL
        self.rtl.mark_saved(saved)
        self.refresh()
        set_message(
            self.rtl_message,
            self.tr("RTL {0} disimpan ({1} baris).").format(rep.periode_label, len(saved)),
            SUCCESS_COLOR,
        )
        return True

    def _settle_rtl(self, question: str, no: str) -> bool:
        """Before leaving the period or printing: unsaved RTL edits are saved or let go, as the clerk says;
        False when saving was asked for and failed (the clerk stays to fix it)."""
        if not self.can_write or self.report is None or not self.rtl.dirty:
            return True
        if dialogs.confirm(
            self,
            self.tr("RTL belum disimpan"),
            self.tr("Rencana tindak lanjut {0} sudah diubah tetapi belum disimpan.").format(
                self.report.periode_label
            ),
            yes=self.tr("Simpan"),
            no=no,
            informative=question,
        ):
            return self.save_rtl()
        self.rtl.mark_saved(self.report.rtl or skm.suggest_rtl(self.report))
        return True

    # ------------------------------------------------------------------ print, files, import, kiosk
    def _failed(self, exc: BaseException) -> None:
        if not is_expected(exc):
            report_bug(exc)
            return
        set_message(self.status, error_text(exc), ERROR_COLOR)

    def print_report(self) -> None:
        """The printed report (kop, table, RTL, trend, signature) in the preview; printing it is recorded."""
        if self.report is None or not self._settle_rtl(
            self.tr("Simpan dulu agar ikut tercetak?"), self.tr("Cetak tanpa perubahan")
        ):
            return
        rep, ctx = self.report, self.ctx
        text = self.tr("Menyusun laporan SKM {0}…").format(rep.periode_label)

        def work(progress: Progress) -> bytes:
            progress.set(0, 0, text)
            with ctx.read() as session:
                data = skm.pdf_data(session, rep)
            progress.check()
            return build_skm_report(data)

        run_task(
            self,
            self.tr("Laporan SKM"),
            work,
            on_done=lambda pdf: self._show_pdf(pdf, rep),
            on_error=self._failed,
        )

    def _show_pdf(self, pdf: bytes, rep: SkmReport) -> None:
        self.preview = PrintPreviewDialog(
            pdf,
            self.tr("Laporan SKM {0}").format(rep.periode_label),
            self,
            suggested_filename=f"laporan-skm-{rep.periode}.pdf",
        )
        what = f"Laporan SKM {rep.periode_label}"
        self.preview.delivered.connect(
            lambda delivery: self.ctx.call(printed.record, "skm", rep.periode, what, delivery)
        )
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()

    def save_file(self, suffix: str) -> None:
        """The report of the period shown as .xlsx (a formatted sheet) or .csv (the CLI's columns, dot decimals)."""
        rep = self.report
        if rep is None:
            return
        kinds = {"xlsx": self.tr("Excel (*.xlsx)"), "csv": self.tr("CSV (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan laporan SKM {0}").format(rep.periode_label),
            start_dir(f"laporan-skm-{rep.periode}.{suffix}"),
            kinds[suffix],
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(f"{target.name}.{suffix}")
        ctx = self.ctx

        def work(progress: Progress) -> Path:
            progress.set(0, 0, self.tr("Menulis {0}…").format(target.name))
            # Read without the write lock; only the audit row of the file waits for another process's write.
            with ctx.read() as session:
                return skm.write_report(session, ctx.actor, rep, target, audit_in=ctx.app.db.transaction)

        def done(written: Path) -> None:
            remember_dir(written)
            set_message(
                self.status,
                self.tr("Laporan SKM {0} disimpan ke {1}").format(rep.periode_label, written),
                SUCCESS_COLOR,
            )

        run_task(
            self,
            self.tr("Menyimpan laporan SKM"),
            work,
            on_done=done,
            on_error=self._failed,
            cancellable=False,
        )

    def open_import(self) -> SkmImportDialog | None:
        if not self.can_write:
            return None
        dialog = SkmImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _result: self.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def open_kiosk(self) -> QWidget | None:
        if not self.can_write:
            return None
        return kiosk_window.open_kiosk(self.ctx)
