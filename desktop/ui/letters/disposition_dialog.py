"""Disposisi: transcribe the handwritten hops of a returned lembar disposisi and record their follow-up (R14-R18)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import format_date, format_date_long, format_date_numeric
from desktop.services.common import calendar, office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import (
    HopInput,
    LetterChain,
    Official,
    RecipientInput,
    RecipientStatus,
)
from desktop.services.letters.incoming import list_instructions
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR, muted, set_message

PENDING_BACKGROUND = QColor("#fff4cc")
LATE_COLOR = QColor(ERROR_COLOR)
DONE_COLOR = QColor(SUCCESS_COLOR)
ROLE = Qt.ItemDataRole.UserRole


def _key(kind: str, *ids: int) -> str:
    """Item keys are plain strings ("rec:12", "prec:0:1"): Qt compares strings, not Python tuples."""
    return ":".join([kind, *map(str, ids)])


def _parse(key: object) -> tuple[str, tuple[int, ...]] | None:
    if not isinstance(key, str) or not key:
        return None
    kind, *ids = key.split(":")
    return kind, tuple(int(i) for i in ids)


_LABEL_RE = re.compile(r"^(?P<jabatan>.+?)\s*\((?P<nama>[^()]+)\)\s*$")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _short(d: date | None) -> str:
    return format_date_numeric(d) if d else ""


_ABBREVIATIONS = (
    ("Kepala Sub Bagian", "Kasubbag"),
    ("Kepala Bidang", "Kabid"),
    ("Kepala Seksi", "Kasi"),
    ("Kepala Dinas", "Kadis"),
    ("Kepala UPTD", "Ka. UPTD"),
)


def _short_post(jabatan: str, nama: str = "") -> str:
    """The way a clerk writes a post on a narrow line: "Kabid Perdagangan Dalam Negeri"."""
    text = jabatan or nama
    for long, short in _ABBREVIATIONS:
        if text.startswith(long):
            return short + text[len(long) :]
    return text


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class DispositionDialog(QDialog):
    """The disposition chain of one incoming letter.

    Open it from the agenda masuk (button / context menu "Disposisi…", or a double-click on a row) and from the
    overdue list: ``DispositionDialog(ctx, letter_id, parent).exec()``; ``changed`` fires after every save so
    the caller can refresh its rows.
    """

    changed = Signal(int)  # letter id

    def __init__(self, ctx: UiContext, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter_id = letter_id
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self.pending: list[HopInput] = []
        self.saved_any = False
        with ctx.transaction() as s:
            self.today = clock.today(office.get_profile(s).zona_waktu)
            self.calendar: WorkingCalendar = calendar.working_calendar(s)
            self.instructions = list_instructions(s)
            self.officials = dispo.officials(s, ctx.actor)
            self.chain: LetterChain = dispo.chain(s, ctx.actor, letter_id)
        self.setWindowTitle(self.tr("Disposisi — agenda {0}").format(self.chain.agenda))

        # --- the letter
        self.header = QLabel()
        self.header.setObjectName("letterHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header_frame = QFrame()
        header_frame.setObjectName("letterCard")
        header_frame.setStyleSheet(
            "QFrame#letterCard { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }"
        )
        header_layout = QVBoxLayout(header_frame)
        header_layout.setContentsMargins(10, 6, 10, 6)
        header_layout.addWidget(self.header)

        # --- the chain
        self.tree = QTreeWidget()
        self.tree.setObjectName("chainTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr("Disposisi / penerima"),
                self.tr("Instruksi · hasil"),
                self.tr("Batas"),
                self.tr("Status"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setIndentation(16)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._selection_changed)
        tree_label = QLabel(self.tr("&Rantai disposisi"))
        tree_label.setBuddy(self.tree)
        legend = muted(
            QLabel(self.tr("kuning: belum disimpan · pilih penerima untuk mencatat tindak lanjut")),
            smaller=True,
        )

        self.follow = self._build_follow_up()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        tree_head = QHBoxLayout()
        tree_head.addWidget(tree_label)
        tree_head.addStretch(1)
        tree_head.addWidget(legend)
        left_layout.addLayout(tree_head)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.follow)

        # --- a new hop
        self.form = self._build_form()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the form itself: the splitter would otherwise clip its right edge.
        scroll.setMinimumWidth(
            self.form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # --- bottom row
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.no_dispo_button = QPushButton(self.tr("Tidak perlu disposisi…"))
        self.no_dispo_button.setObjectName("noDisposition")
        self.no_dispo_button.clicked.connect(self.no_disposition)
        self.save_button = QPushButton(self.tr("&Simpan semua"))
        self.save_button.setObjectName("saveAll")
        self.save_button.setToolTip(self.tr("Simpan semua disposisi di daftar (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_all)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.no_dispo_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
        keys = muted(
            QLabel(self.tr("Ctrl+Enter: tambah ke daftar · Ctrl+S: simpan semua · Esc: tutup")), True
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.no_dispo_button)
        bottom.addSpacing(12)
        bottom.addWidget(keys)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(header_frame)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_all)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.queue_hop)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.queue_hop)

        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 720
        if screen is not None:
            width, height = min(width, screen.width() - 20), min(height, screen.height() - 40)
        self.resize(width, height)
        self.splitter.setSizes([int(width * 0.6), int(width * 0.4)])
        self._refresh()
        self._reset_form(first=True)
        if self.can_write and not self.chain.closed:
            (self.induk if self.chain.hops else self.dari).setFocus()
        else:
            self.tree.setFocus()

    # ------------------------------------------------------------------ building
    def _build_form(self) -> QWidget:
        box = QGroupBox(self.tr("Tambah disposisi"))
        box.setObjectName("addHop")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.induk = QComboBox()
        self.induk.setObjectName("induk")
        self.induk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.induk.setMinimumContentsLength(20)
        self.induk.currentIndexChanged.connect(self._induk_changed)
        form.addRow(self.tr("&Lanjutan dari"), self.induk)

        self.dari = QComboBox()
        self.dari.setObjectName("dari")
        self.dari.setEditable(True)
        self.dari.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.dari.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dari.setMinimumContentsLength(20)
        self.dari.lineEdit().setPlaceholderText(self.tr("jabatan (nama) yang menulis disposisi"))
        completer = self.dari.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        form.addRow(self.tr("&Dari"), self.dari)

        self.tanggal = _date_edit(self.today)
        self.tanggal.setObjectName("tanggal")
        self.tanggal.setMinimumDate(_qdate(self.chain.tanggal_diterima))
        self.tanggal.setMaximumDate(_qdate(self.today))
        self.tanggal.dateChanged.connect(self._update_batas_preview)
        tanggal_row = QHBoxLayout()
        tanggal_row.addWidget(self.tanggal)
        tanggal_row.addWidget(
            muted(QLabel(self.tr("diterima {0}").format(_short(self.chain.tanggal_diterima))), True)
        )
        tanggal_row.addStretch(1)
        form.addRow(self._buddy(self.tr("Tan&ggal"), self.tanggal), tanggal_row)

        self.kepada = QListWidget()
        self.kepada.setObjectName("kepada")
        self.kepada.setUniformItemSizes(True)
        rows = self.kepada.fontMetrics().lineSpacing() + 6
        self.kepada.setFixedHeight(rows * 6 + 6)
        for o in self.officials:
            self._add_person_item(o, checked=False)
        self.kepada.itemChanged.connect(lambda _item: self._update_kepada_count())
        self.kepada_count = muted(QLabel(), True)
        self.new_nama = QLineEdit()
        self.new_nama.setObjectName("newNama")
        self.new_nama.setPlaceholderText(self.tr("nama lain, mis. staf"))
        self.new_jabatan = QLineEdit()
        self.new_jabatan.setObjectName("newJabatan")
        self.new_jabatan.setPlaceholderText(self.tr("jabatan"))
        self.new_nip = QLineEdit()
        self.new_nip.setObjectName("newNip")
        self.new_nip.setPlaceholderText(self.tr("NIP (boleh kosong)"))
        self.new_nip.setMaxLength(21)
        add_person = QPushButton(self.tr("+ &Penerima"))
        add_person.setObjectName("addPerson")
        add_person.setAutoDefault(False)
        add_person.setToolTip(self.tr("Tambahkan nama ini ke daftar Kepada (Enter)"))
        add_person.clicked.connect(self.add_person)
        for edit in (self.new_nama, self.new_jabatan, self.new_nip):
            edit.returnPressed.connect(self.add_person)
        person_row = QGridLayout()
        person_row.setContentsMargins(0, 0, 0, 0)
        person_row.addWidget(self.new_nama, 0, 0)
        person_row.addWidget(self.new_jabatan, 0, 1)
        person_row.addWidget(self.new_nip, 1, 0)
        person_row.addWidget(add_person, 1, 1)
        kepada_box = QVBoxLayout()
        kepada_box.setSpacing(4)
        kepada_box.addWidget(self.kepada)
        kepada_box.addWidget(self.kepada_count)
        kepada_box.addLayout(person_row)
        form.addRow(self._buddy(self.tr("&Kepada"), self.kepada), kepada_box)

        self.instruksi: list[QCheckBox] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        half = (len(self.instructions) + 1) // 2
        for i, text in enumerate(self.instructions):
            check = QCheckBox(text)
            check.setObjectName(f"instruksi{i}")
            self.instruksi.append(check)
            grid.addWidget(check, i % half, i // half)
        form.addRow(self._buddy(self.tr("&Instruksi"), self.instruksi[0] if self.instruksi else None), grid)

        self.catatan = QPlainTextEdit()
        self.catatan.setObjectName("catatan")
        self.catatan.setTabChangesFocus(True)
        self.catatan.setPlaceholderText(self.tr("isi disposisi tulisan tangan"))
        self.catatan.setFixedHeight(self.catatan.fontMetrics().lineSpacing() * 2 + 14)
        form.addRow(self.tr("&Catatan"), self.catatan)

        self.batas_none = QRadioButton(self.tr("tanpa"))
        self.batas_none.setObjectName("batasNone")
        self.batas_date_mode = QRadioButton(self.tr("tanggal"))
        self.batas_date_mode.setObjectName("batasDate")
        self.batas_hk_mode = QRadioButton(self.tr("hari kerja"))
        self.batas_hk_mode.setObjectName("batasHk")
        self.batas_group = QButtonGroup(self)
        for b in (self.batas_none, self.batas_date_mode, self.batas_hk_mode):
            self.batas_group.addButton(b)
        self.batas_date = _date_edit(self.today)
        self.batas_date.setObjectName("batasTanggal")
        self.batas_hk = QSpinBox()
        self.batas_hk.setObjectName("batasHari")
        self.batas_hk.setRange(1, dispo.MAX_HARI_KERJA)
        self.batas_hk.setValue(3)
        self.batas_preview = muted(QLabel(), True)
        self.batas_preview.setObjectName("batasPreview")
        self.batas_date.dateChanged.connect(lambda _d: self.batas_date_mode.setChecked(True))
        self.batas_hk.valueChanged.connect(lambda _v: self.batas_hk_mode.setChecked(True))
        self.batas_group.buttonToggled.connect(lambda *_: self._update_batas_preview())
        self.batas_hk.valueChanged.connect(lambda _v: self._update_batas_preview())
        # Typing the value that is already there emits no valueChanged: entering the field picks its mode too.
        self.batas_date.installEventFilter(self)
        self.batas_hk.installEventFilter(self)
        batas_row = QHBoxLayout()
        batas_row.addWidget(self.batas_none)
        batas_row.addWidget(self.batas_date_mode)
        batas_row.addWidget(self.batas_date)
        batas_row.addSpacing(6)
        batas_row.addWidget(self.batas_hk)
        batas_row.addWidget(self.batas_hk_mode)
        batas_row.addStretch(1)
        batas_box = QVBoxLayout()
        batas_box.setSpacing(2)
        batas_box.addLayout(batas_row)
        batas_box.addWidget(self.batas_preview)
        form.addRow(self._buddy(self.tr("&Batas waktu"), self.batas_none), batas_box)

        self.form_message = QLabel()
        self.form_message.setObjectName("formMessage")
        self.form_message.setWordWrap(True)
        self.form_message.hide()
        self.queue_button = QPushButton(self.tr("&Tambah ke daftar"))
        self.queue_button.setObjectName("queueHop")
        self.queue_button.setAutoDefault(False)
        self.queue_button.setToolTip(
            self.tr("Masukkan disposisi ini ke daftar yang akan disimpan (Ctrl+Enter)")
        )
        self.queue_button.clicked.connect(self.queue_hop)
        self.unqueue_button = QPushButton(self.tr("Hapus dari daftar"))
        self.unqueue_button.setObjectName("unqueueHop")
        self.unqueue_button.setAutoDefault(False)
        self.unqueue_button.clicked.connect(self.remove_pending)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unqueue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.queue_button)

        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.closed_label = QLabel()
        self.closed_label.setWordWrap(True)
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 4, 0)
        outer_layout.addWidget(self.closed_label)
        outer_layout.addWidget(box)
        self.add_box = box
        return outer

    @staticmethod
    def _buddy(text: str, widget: QWidget | None) -> QLabel:
        """A row label whose Alt shortcut reaches ``widget`` (QFormLayout only does that for single widgets)."""
        label = QLabel(text)
        if widget is not None:
            label.setBuddy(widget)
        return label

    def _build_follow_up(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tindak lanjut"))
        box.setObjectName("followUp")
        self.follow_who = QLabel(self.tr("Pilih penerima di rantai disposisi."))
        self.follow_who.setObjectName("followWho")
        self.follow_who.setWordWrap(True)
        self.follow_status = QComboBox()
        self.follow_status.setObjectName("followStatus")
        for st in RecipientStatus:
            self.follow_status.addItem(st.label, st.value)
        self.follow_status.currentIndexChanged.connect(self._follow_status_changed)
        self.follow_date = _date_edit(self.today)
        self.follow_date.setObjectName("followDate")
        self.follow_date.setMaximumDate(_qdate(self.today))
        self.follow_hasil = QLineEdit()
        self.follow_hasil.setObjectName("followHasil")
        self.follow_hasil.setPlaceholderText(self.tr("hasil tindak lanjut, mis. jawaban dikirim no. …"))
        self.follow_hasil.returnPressed.connect(self.save_follow_up)
        self.follow_button = QPushButton(self.tr("Simpan &tindak lanjut"))
        self.follow_button.setObjectName("saveFollowUp")
        self.follow_button.setAutoDefault(False)
        self.follow_button.clicked.connect(self.save_follow_up)
        self.cancel_hop_button = QPushButton(self.tr("Batalkan disposisi…"))
        self.cancel_hop_button.setObjectName("cancelHop")
        self.cancel_hop_button.setAutoDefault(False)
        self.cancel_hop_button.setToolTip(self.tr("Hanya selama semua penerimanya belum membaca"))
        self.cancel_hop_button.clicked.connect(self.cancel_selected_hop)
        date_label = QLabel(self.tr("selesai tgl"))
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.follow_who, 0, 0, 1, 4)
        grid.addWidget(self.follow_status, 1, 0)
        grid.addWidget(date_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.follow_date, 1, 2)
        grid.addWidget(self.follow_hasil, 2, 0, 1, 3)
        grid.addWidget(self.follow_button, 2, 3)
        grid.addWidget(self.cancel_hop_button, 1, 3)
        grid.setColumnStretch(0, 1)
        self._follow_widgets = (self.follow_status, self.follow_date, self.follow_hasil, self.follow_button)
        return box

    # ------------------------------------------------------------------ people
    def _add_person_item(self, person: Official, *, checked: bool) -> QListWidgetItem:
        for i in range(self.kepada.count()):
            item = self.kepada.item(i)
            if item.data(ROLE) == person:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return item
        item = QListWidgetItem(person.label)
        item.setData(ROLE, person)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if person.nip:
            item.setToolTip(f"NIP {person.nip}")
        self.kepada.addItem(item)
        return item

    def add_person(self) -> None:
        nama = " ".join(self.new_nama.text().split())
        jabatan = " ".join(self.new_jabatan.text().split())
        if not (nama or jabatan):
            self.new_nama.setFocus()
            return
        item = self._add_person_item(
            Official(nama=nama, jabatan=jabatan, nip=self.new_nip.text().strip()), checked=True
        )
        self.kepada.scrollToItem(item)
        for edit in (self.new_nama, self.new_jabatan, self.new_nip):
            edit.clear()
        self.new_nama.setFocus()
        self._update_kepada_count()

    def _checked_people(self) -> list[Official]:
        return [
            self.kepada.item(i).data(ROLE)
            for i in range(self.kepada.count())
            if self.kepada.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_kepada_count(self) -> None:
        people = self._checked_people()
        self.kepada_count.setText(
            self.tr("{0} dipilih: {1}").format(len(people), "; ".join(p.jabatan or p.nama for p in people))
            if people
            else self.tr("Centang dengan Spasi; nama lain ketik di bawah lalu Enter.")
        )

    def _known_people(self) -> dict[str, Official]:
        """Everyone the Dari field can name: officials, people already in the chain or queued."""
        known = {o.label.casefold(): o for o in self.officials}
        for r in self.chain.recipients():
            known.setdefault(r.label.casefold(), Official(r.nama, r.jabatan, r.nip, r.unit_id))
        for hop in self.pending:
            for p in hop.recipients:
                o = Official(p.nama, p.jabatan, p.nip, p.unit_id)
                known.setdefault(o.label.casefold(), o)
        return known

    def _dari_person(self) -> Official | None:
        text = " ".join(self.dari.currentText().split())
        if not text:
            return None
        known = self._known_people().get(text.casefold())
        if known is not None:
            return known
        m = _LABEL_RE.match(text)
        if m:
            return Official(nama=m["nama"].strip(), jabatan=m["jabatan"].strip())
        return Official(nama="", jabatan=text)

    def _fill_dari_choices(self) -> None:
        current = self.dari.currentText()
        self.dari.blockSignals(True)
        self.dari.clear()
        seen: set[str] = set()
        for o in self._known_people().values():
            if o.label.casefold() not in seen:
                seen.add(o.label.casefold())
                self.dari.addItem(o.label)
        self.dari.setCurrentText(current)
        self.dari.blockSignals(False)

    # ------------------------------------------------------------------ tree
    def _refresh(self) -> None:
        chain = self.chain
        agenda_style = "font-size: 12pt; font-weight: 600;"
        status_color = {"selesai": SUCCESS_COLOR, "batal": ERROR_COLOR, "arsip": "#555"}.get(
            chain.status, "#1f4e9c"
        )
        batas = f" · batas surat {_short(chain.batas_waktu)}" if chain.batas_waktu else ""
        esc = _escape
        self.header.setText(
            f"<span style='{agenda_style}'>Agenda {esc(chain.agenda)}</span>"
            f"&nbsp;&nbsp;<span style='color:{status_color}; font-weight:600'>{esc(chain.status_label)}</span>"
            f"&nbsp;&nbsp;<span style='color:#555'>diterima {esc(format_date(chain.tanggal_diterima))}{batas}"
            f" · keamanan {esc(chain.keamanan.label)}</span><br>"
            f"<b>{esc(chain.asal_surat)}</b> · No. {esc(chain.nomor_surat)}<br>"
            f"Perihal: {esc(chain.perihal)}"
        )
        selected = self._selected_key()
        self.tree.clear()
        self._items: dict[str, QTreeWidgetItem] = {}
        for hop in chain.hops:
            self._add_hop(self.tree.invisibleRootItem(), hop)
        for index, hop in enumerate(self.pending):
            if hop.induk_penerima_id is not None:
                parent = self._items.get(_key("rec", hop.induk_penerima_id), self.tree.invisibleRootItem())
            elif hop.induk_index is not None:
                parent = self._items.get(_key("prec", *hop.induk_index), self.tree.invisibleRootItem())
            else:
                parent = self.tree.invisibleRootItem()
            self._add_pending(parent, index, hop)
        self.tree.expandAll()
        self._size_columns()
        if selected and _key(selected[0], *selected[1]) in self._items:
            self.tree.setCurrentItem(self._items[_key(selected[0], *selected[1])])
        elif self.tree.topLevelItemCount() == 0:
            placeholder = QTreeWidgetItem([self.tr("Belum ada disposisi.")])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(placeholder)
        self._fill_induk()
        self._fill_dari_choices()
        self._update_state()

    def _size_columns(self) -> None:
        width = self.tree.viewport().width()
        self.tree.setColumnWidth(0, max(280, int(width * 0.55)))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._size_columns()

    def _add_hop(self, parent: QTreeWidgetItem, hop: dispo.HopNode) -> None:
        to = ", ".join(_short_post(r.jabatan, r.nama) for r in hop.recipients)
        if hop.batas_waktu:
            batas = _short(hop.batas_waktu) + (" (HK)" if hop.batas_hari_kerja else "")
        elif hop.batas_efektif:
            batas = self.tr("ikut {0}").format(_short(hop.batas_efektif))
        else:
            batas = ""
        item = QTreeWidgetItem(
            [
                f"{_short(hop.tanggal)}  {_short_post(hop.dari_jabatan, hop.dari_nama)} → {to}",
                " · ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])]),
                batas,
                self.tr("Dibatalkan") if not hop.aktif else "",
            ]
        )
        if not hop.batas_waktu and hop.batas_efektif:
            item.setForeground(2, QBrush(QColor("#777")))
            item.setToolTip(2, self.tr("Tanpa batas sendiri: mengikuti batas disposisi di atasnya."))
        item.setData(0, ROLE, _key("hop", hop.id))
        item.setToolTip(0, f"{hop.dari_label} → " + "; ".join(r.label for r in hop.recipients))
        item.setToolTip(1, "\n".join([*hop.instruksi, hop.catatan]).strip())
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if not hop.aktif:
            grey = QBrush(QColor("#888"))
            strike = QFont(font)
            strike.setStrikeOut(True)
            for col in range(4):
                item.setForeground(col, grey)
            item.setFont(0, strike)
        parent.addChild(item)
        self._items[_key("hop", hop.id)] = item
        for r in hop.recipients:
            self._add_recipient(item, hop, r)

    def _add_recipient(self, parent: QTreeWidgetItem, hop: dispo.HopNode, r: dispo.RecipientNode) -> None:
        status = r.status_label
        if r.status is RecipientStatus.SELESAI and r.tanggal_selesai:
            status = self.tr("Selesai {0}").format(_short(r.tanggal_selesai))
        batas = hop.batas_efektif
        late = (
            hop.aktif
            and r.is_leaf
            and r.status is not RecipientStatus.SELESAI
            and batas is not None
            and batas < self.today
        )
        if late and batas is not None:
            status += self.tr(" · terlambat {0} hari").format((self.today - batas).days)
        item = QTreeWidgetItem([r.label, r.hasil, "", status])
        item.setData(0, ROLE, _key("rec", r.id))
        item.setToolTip(0, f"{r.label}\nNIP {r.nip}" if r.nip else r.label)
        item.setToolTip(1, r.hasil)
        if not hop.aktif:
            for col in range(4):
                item.setForeground(col, QBrush(QColor("#888")))
        elif late:
            item.setForeground(3, QBrush(LATE_COLOR))
        elif r.status is RecipientStatus.SELESAI:
            item.setForeground(3, QBrush(DONE_COLOR))
        parent.addChild(item)
        self._items[_key("rec", r.id)] = item
        for child in r.hops:
            self._add_hop(item, child)

    def _add_pending(self, parent: QTreeWidgetItem, index: int, hop: HopInput) -> None:
        batas = hop.batas_waktu
        if hop.batas_hari_kerja_count:
            batas = self.calendar.add_working_days(hop.tanggal, hop.batas_hari_kerja_count)
        to = ", ".join(_short_post(r.jabatan, r.nama) for r in hop.recipients)
        dari = _short_post(hop.dari_jabatan, hop.dari_nama) or self.tr("(penerima di atas)")
        item = QTreeWidgetItem(
            [
                f"{_short(hop.tanggal)}  {dari} → {to}",
                " · ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])]),
                (_short(batas) + (" (HK)" if hop.batas_hari_kerja_count else "")) if batas else "",
                self.tr("belum disimpan ({0})").format(index + 1),
            ]
        )
        item.setData(0, ROLE, _key("phop", index))
        font = item.font(0)
        font.setBold(True)
        font.setItalic(True)
        item.setFont(0, font)
        self._paint_pending(item)
        parent.addChild(item)
        self._items[_key("phop", index)] = item
        for j, r in enumerate(hop.recipients):
            child = QTreeWidgetItem([dispo.person_label(r.nama, r.jabatan), "", "", ""])
            child.setData(0, ROLE, _key("prec", index, j))
            self._paint_pending(child)
            item.addChild(child)
            self._items[_key("prec", index, j)] = child

    @staticmethod
    def _paint_pending(item: QTreeWidgetItem) -> None:
        for col in range(4):
            item.setBackground(col, QBrush(PENDING_BACKGROUND))
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)

    def _selected_key(self) -> tuple[str, object] | None:
        item = self.tree.currentItem() if hasattr(self, "_items") else None
        return _parse(item.data(0, ROLE)) if item is not None else None

    def select_recipient(self, recipient_id: int) -> None:
        item = self._items.get(_key("rec", recipient_id))
        if item is not None:
            self.tree.setCurrentItem(item)

    # ------------------------------------------------------------------ induk / dari
    def _fill_induk(self) -> None:
        current = self.induk.currentData()
        self.induk.blockSignals(True)
        self.induk.clear()
        self.induk.addItem(self.tr("— disposisi pertama (dari slip) —"), None)
        for hop in self.chain.walk():
            if not hop.aktif:
                continue
            for r in hop.recipients:
                self.induk.addItem(f"{r.label}  · {_short(hop.tanggal)}", _key("id", r.id))
        for i, hop in enumerate(self.pending):
            for j, r in enumerate(hop.recipients):
                label = dispo.person_label(r.nama, r.jabatan)
                self.induk.addItem(self.tr("{0}  · baru ({1})").format(label, i + 1), _key("idx", i, j))
        found = self.induk.findData(current)
        self.induk.setCurrentIndex(max(found, 0))
        self.induk.blockSignals(False)

    def _induk(self) -> tuple[str, tuple[int, ...]] | None:
        """("id", (recipient_id,)) for a stored recipient, ("idx", (hop, recipient)) for a queued one."""
        return _parse(self.induk.currentData())

    def _induk_person(self) -> Official | None:
        induk = self._induk()
        if induk is None:
            return None
        kind, ids = induk
        if kind == "id":
            r = self.chain.recipient(ids[0])
            return Official(r.nama, r.jabatan, r.nip, r.unit_id) if r else None
        p = self.pending[ids[0]].recipients[ids[1]]
        return Official(p.nama, p.jabatan, p.nip, p.unit_id)

    def _induk_date(self) -> date | None:
        induk = self._induk()
        if induk is None:
            return None
        kind, ids = induk
        if kind == "id":
            r = self.chain.recipient(ids[0])
            hop = self.chain.hop(r.hop_id) if r else None
            return hop.tanggal if hop else None
        return self.pending[ids[0]].tanggal

    def _induk_changed(self, _index: int) -> None:
        person = self._induk_person()
        if person is not None:
            self.dari.setCurrentText(person.label)
        parent_date = self._induk_date()
        if parent_date:
            self.tanggal.setDate(_qdate(parent_date))

    # ------------------------------------------------------------------ batas
    def _batas(self) -> tuple[date | None, int | None]:
        if self.batas_date_mode.isChecked():
            return _pydate(self.batas_date.date()), None
        if self.batas_hk_mode.isChecked():
            return None, self.batas_hk.value()
        return None, None

    def _update_batas_preview(self) -> None:
        batas, hk = self._batas()
        tanggal = _pydate(self.tanggal.date())
        if hk:
            batas = self.calendar.add_working_days(tanggal, hk)
        if batas is None:
            self.batas_preview.setText(
                self.tr("tanpa batas waktu (mengikuti disposisi di atasnya, bila ada)")
            )
            self.batas_preview.setStyleSheet("")
        elif batas < tanggal:
            self.batas_preview.setText(
                self.tr("→ {0}: sebelum tanggal disposisi").format(format_date_long(batas))
            )
            self.batas_preview.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.batas_preview.setText(self.tr("→ {0}").format(format_date_long(batas)))
            self.batas_preview.setStyleSheet("")

    # ------------------------------------------------------------------ queue
    def _reset_form(self, *, first: bool = False) -> None:
        for i in range(self.kepada.count()):
            self.kepada.item(i).setCheckState(Qt.CheckState.Unchecked)
        for check in self.instruksi:
            check.setChecked(False)
        self.catatan.clear()
        if first:
            self.dari.setCurrentText("")
            # A slip usually comes back written on the day the letter arrived (SOP #15 steps take minutes); a
            # later hop starts from the date of the one it continues.
            self.tanggal.setDate(_qdate(self.chain.tanggal_diterima if not self.chain.hops else self.today))
            # R9: the letter's default batas (from its urgency) is proposed for the first hop.
            if self.chain.batas_waktu and not self.chain.hops:
                self.batas_date.setDate(_qdate(self.chain.batas_waktu))
                self.batas_date_mode.setChecked(True)
            else:
                self.batas_none.setChecked(True)
        self._update_kepada_count()
        self._update_batas_preview()
        set_message(self.form_message, "", ERROR_COLOR)

    def _form_error(self, text: str, widget: QWidget) -> None:
        set_message(self.form_message, text, ERROR_COLOR)
        widget.setFocus()

    def queue_hop(self) -> HopInput | None:
        """Check the form and put the hop in the list; the form then continues from its first recipient."""
        if not self.can_write or self.chain.closed:
            return None
        dari = self._dari_person()
        induk = self._induk()
        if dari is None and induk is None:
            self._form_error(self.tr("Isi Dari: siapa yang menulis disposisi ini."), self.dari)
            return None
        people = self._checked_people()
        if not people:
            self._form_error(self.tr("Centang sedikitnya satu penerima di Kepada."), self.kepada)
            return None
        tanggal = _pydate(self.tanggal.date())
        batas, hk = self._batas()
        if batas is not None and batas < tanggal:
            self._form_error(self.tr("Batas waktu tidak boleh sebelum tanggal disposisi."), self.batas_date)
            return None
        parent_date = self._induk_date()
        if parent_date and tanggal < parent_date:
            self._form_error(
                self.tr("Tanggal tidak boleh sebelum disposisi yang dilanjutkan ({0}).").format(
                    _short(parent_date)
                ),
                self.tanggal,
            )
            return None
        hop = HopInput(
            dari_nama=dari.nama if dari else "",
            dari_jabatan=dari.jabatan if dari else "",
            dari_nip=dari.nip if dari else "",
            tanggal=tanggal,
            recipients=tuple(RecipientInput(p.nama, p.jabatan, p.nip, p.unit_id) for p in people),
            instruksi=tuple(c.text() for c in self.instruksi if c.isChecked()),
            catatan=self.catatan.toPlainText().strip(),
            batas_waktu=batas,
            batas_hari_kerja_count=hk,
            induk_penerima_id=induk[1][0] if induk and induk[0] == "id" else None,
            induk_index=(induk[1][0], induk[1][1]) if induk and induk[0] == "idx" else None,
        )
        self.pending.append(hop)
        index = len(self.pending) - 1
        self._refresh()
        # The next hop on a slip is usually written by the one this hop reached (Sekretaris → Kadis → Kabid).
        self.induk.setCurrentIndex(max(self.induk.findData(_key("idx", index, 0)), 0))
        self._induk_changed(self.induk.currentIndex())
        self._reset_form()
        self.batas_none.setChecked(True)
        self.tree.setCurrentItem(self._items[_key("phop", index)])
        set_message(
            self.message,
            self.tr("{0} disposisi di daftar, belum disimpan. Tekan Ctrl+S untuk menyimpan semua.").format(
                len(self.pending)
            ),
            WARNING_COLOR,
        )
        self.kepada.setFocus()
        if self.kepada.count():
            self.kepada.setCurrentRow(0)
        return hop

    def remove_pending(self) -> None:
        key = self._selected_key()
        if not key or key[0] not in ("phop", "prec"):
            return
        index = key[1][0]
        drop = {index}
        for i, hop in enumerate(self.pending):  # hops continuing from a dropped one go with it
            if hop.induk_index is not None and hop.induk_index[0] in drop:
                drop.add(i)
        kept: list[HopInput] = []
        new_index: dict[int, int] = {}
        for i, hop in enumerate(self.pending):
            if i in drop:
                continue
            new_index[i] = len(kept)
            if hop.induk_index is not None:
                hop = replace(hop, induk_index=(new_index[hop.induk_index[0]], hop.induk_index[1]))
            kept.append(hop)
        self.pending = kept
        self.induk.setCurrentIndex(0)
        self._refresh()
        set_message(
            self.message,
            self.tr("{0} disposisi di daftar, belum disimpan.").format(len(kept)) if kept else "",
            WARNING_COLOR,
        )

    def save_all(self) -> bool:
        if not self.can_write or self.chain.closed:
            return False
        if not self.pending:
            # A filled form without "Tambah ke daftar" is what the clerk means to save.
            if self._checked_people() and self.queue_hop() is None:
                return False
            if not self.pending:
                set_message(self.message, self.tr("Belum ada disposisi di daftar."), ERROR_COLOR)
                return False
        try:
            with self.ctx.transaction() as s:
                self.chain = dispo.record_chain(s, self.ctx.actor, self.letter_id, self.pending)
        except ValidationError as exc:
            self._show_save_error(exc)
            return False
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return False
        count = len(self.pending)
        self.pending = []
        self.induk.setCurrentIndex(0)
        self._refresh()
        self._after_save(
            self.tr("{0} disposisi disimpan. Status surat: {1}.").format(count, self.chain.status_label)
        )
        return True

    def _show_save_error(self, exc: ValidationError) -> None:
        set_message(self.message, str(exc), ERROR_COLOR)
        m = re.match(r"hop(\d+)\.", exc.field or "")
        if m and _key("phop", int(m[1])) in self._items:
            self.tree.setCurrentItem(self._items[_key("phop", int(m[1]))])

    def _after_save(self, text: str) -> None:
        self.saved_any = True
        set_message(self.message, text, SUCCESS_COLOR)
        self.changed.emit(self.letter_id)

    def no_disposition(self) -> None:
        if not self.can_write:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Tidak perlu disposisi"),
            self.tr("Surat agenda {0} diarsipkan tanpa disposisi.\nKeterangan (boleh kosong):").format(
                self.chain.agenda
            ),
        )
        if not ok:
            return
        self.mark_no_disposition(note)

    def mark_no_disposition(self, note: str = "") -> bool:
        try:
            with self.ctx.transaction() as s:
                self.chain = dispo.no_disposition_needed(s, self.ctx.actor, self.letter_id, note)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Tidak perlu disposisi"), str(exc))
            return False
        self.pending = []
        self._refresh()
        self._after_save(self.tr("Surat diarsipkan tanpa disposisi."))
        return True

    # ------------------------------------------------------------------ follow-up
    def _selection_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._update_state()
        key = _parse(current.data(0, ROLE)) if current is not None else None
        if not key or key[0] != "rec":
            return
        r = self.chain.recipient(key[1][0])
        if r is None:
            return
        self.follow_status.blockSignals(True)
        self.follow_status.setCurrentIndex(self.follow_status.findData(r.status.value))
        self.follow_status.blockSignals(False)
        self.follow_hasil.setText(r.hasil)
        self.follow_date.setDate(_qdate(r.tanggal_selesai or self.today))
        self._follow_status_changed()

    def _selected_recipient(self) -> dispo.RecipientNode | None:
        key = self._selected_key()
        if not key or key[0] != "rec":
            return None
        return self.chain.recipient(key[1][0])

    def _selected_hop(self) -> dispo.HopNode | None:
        key = self._selected_key()
        if not key:
            return None
        if key[0] == "hop":
            return self.chain.hop(key[1][0])
        if key[0] == "rec":
            r = self.chain.recipient(key[1][0])
            return self.chain.hop(r.hop_id) if r else None
        return None

    def _follow_status_changed(self, _index: int = 0) -> None:
        self.follow_date.setEnabled(
            self.follow_status.currentData() == RecipientStatus.SELESAI.value
            and self.follow_status.isEnabled()
        )

    def _update_state(self) -> None:
        writable = self.can_write and not self.chain.closed
        self.add_box.setEnabled(writable)
        self.add_box.setVisible(self.can_write)
        self.save_button.setVisible(self.can_write)
        self.no_dispo_button.setVisible(self.can_write)
        self.save_button.setEnabled(writable)
        self.no_dispo_button.setEnabled(
            writable and not any(h.aktif for h in self.chain.hops) and not self.pending
        )
        if self.chain.status == "arsip":
            closed = self.tr("Surat ini diarsipkan tanpa disposisi.")
        elif self.chain.status == "batal":
            closed = self.tr("Surat ini dibatalkan; disposisi tidak bisa ditambah.")
        elif not self.can_write:
            closed = self.tr("Hanya lihat: peran Anda tidak mencatat disposisi.")
        else:
            closed = ""
        set_message(self.closed_label, closed, WARNING_COLOR)
        recipient = self._selected_recipient()
        hop = self._selected_hop()
        can_follow = writable and recipient is not None and hop is not None and hop.aktif
        self.follow.setVisible(self.can_write)
        for w in self._follow_widgets:
            w.setEnabled(can_follow)
        self._follow_status_changed()
        self.cancel_hop_button.setEnabled(writable and hop is not None and hop.can_cancel)
        key = self._selected_key()
        self.unqueue_button.setEnabled(key is not None and key[0] in ("phop", "prec"))
        if recipient is not None and hop is not None:
            said = "; ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])])
            self.follow_who.setText(
                self.tr("<b>{0}</b> — disposisi {1} dari {2}").format(
                    _escape(recipient.label),
                    _short(hop.tanggal),
                    _escape(_short_post(hop.dari_jabatan, hop.dari_nama)),
                )
                + (f"<br><span style='color:#555'>{_escape(said)}</span>" if said else "")
            )
        else:
            self.follow_who.setText(
                self.tr("Pilih penerima di rantai disposisi untuk mencatat tindak lanjut.")
            )

    def save_follow_up(self) -> bool:
        r = self._selected_recipient()
        if r is None or not self.can_write:
            return False
        status = RecipientStatus(self.follow_status.currentData())
        done = _pydate(self.follow_date.date()) if status is RecipientStatus.SELESAI else None
        try:
            with self.ctx.transaction() as s:
                self.chain = dispo.update_recipient(
                    s,
                    self.ctx.actor,
                    r.id,
                    status,
                    hasil=self.follow_hasil.text(),
                    tanggal_selesai=done,
                    balasan_keluar_id=r.balasan_keluar_id,
                )
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return False
        self._refresh()
        self._after_save(
            self.tr("Tindak lanjut {0}: {1}. Status surat: {2}.").format(
                r.jabatan or r.nama, status.label.lower(), self.chain.status_label
            )
        )
        return True

    def cancel_selected_hop(self) -> bool:
        hop = self._selected_hop()
        if hop is None or not hop.can_cancel:
            return False
        text = self.tr("Batalkan disposisi {0} dari {1}?\nDisposisi tetap tercatat sebagai batal.").format(
            _short(hop.tanggal), hop.dari_label
        )
        if not dialogs.confirm(
            self,
            self.tr("Batalkan disposisi"),
            text,
            yes=self.tr("Batalkan disposisi"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return False
        try:
            with self.ctx.transaction() as s:
                self.chain = dispo.cancel_hop(s, self.ctx.actor, hop.id)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return False
        self._refresh()
        self._after_save(self.tr("Disposisi dibatalkan. Status surat: {0}.").format(self.chain.status_label))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            if watched is self.batas_hk:
                self.batas_hk_mode.setChecked(True)
            elif watched is self.batas_date:
                self.batas_date_mode.setChecked(True)
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.pending and not dialogs.confirm(
            self,
            self.tr("Disposisi belum disimpan"),
            self.tr("{0} disposisi di daftar belum disimpan. Tutup tanpa menyimpan?").format(
                len(self.pending)
            ),
            yes=self.tr("Tutup tanpa menyimpan"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return
        super().reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_disposition(ctx: UiContext, letter_id: int, parent: QWidget | None = None) -> bool:
    """Show the dialog modally; True when something was saved (refresh the caller's rows then)."""
    dialog = DispositionDialog(ctx, letter_id, parent)
    dialog.exec()
    return dialog.saved_any
