"""The Kepada picker of a new hop: officials to tick, and a row to add someone who is not on the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop.services.letters.dispositions import Official
from desktop.ui.letters.disposition.shared import ROLE
from desktop.ui.widgets.messages import muted


class RecipientsPicker(QObject):
    """The checkable list of people (``list``), the count under it and the name/jabatan/NIP row; ``layout``
    is what the form puts in its Kepada row."""

    def __init__(self, officials: Sequence[Official], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("kepada")
        self.list.setUniformItemSizes(True)
        rows = self.list.fontMetrics().lineSpacing() + 6
        self.list.setFixedHeight(rows * 6 + 6)
        for o in officials:
            self.add_item(o, checked=False)
        self.list.itemChanged.connect(lambda _item: self.update_count())
        self.count = muted(QLabel(), True)
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
        self.layout = QVBoxLayout()
        self.layout.setSpacing(4)
        self.layout.addWidget(self.list)
        self.layout.addWidget(self.count)
        self.layout.addLayout(person_row)

    def add_item(self, person: Official, *, checked: bool) -> QListWidgetItem:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ROLE) == person:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return item
        item = QListWidgetItem(person.label)
        item.setData(ROLE, person)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if person.nip:
            item.setToolTip(f"NIP {person.nip}")
        self.list.addItem(item)
        return item

    def add_person(self) -> None:
        nama = " ".join(self.new_nama.text().split())
        jabatan = " ".join(self.new_jabatan.text().split())
        if not (nama or jabatan):
            self.new_nama.setFocus()
            return
        item = self.add_item(
            Official(nama=nama, jabatan=jabatan, nip=self.new_nip.text().strip()), checked=True
        )
        self.list.scrollToItem(item)
        for edit in (self.new_nama, self.new_jabatan, self.new_nip):
            edit.clear()
        self.new_nama.setFocus()
        self.update_count()

    def checked(self) -> list[Official]:
        return [
            self.list.item(i).data(ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def uncheck_all(self) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Unchecked)

    def update_count(self) -> None:
        people = self.checked()
        self.count.setText(
            self.tr("{0} dipilih: {1}").format(len(people), "; ".join(p.jabatan or p.nama for p in people))
            if people
            else self.tr("Centang dengan Spasi; nama lain ketik di bawah lalu Enter.")
        )

    def focus_first(self) -> None:
        """After a hop was queued the next one usually goes to someone on the list: the cursor on its top."""
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)
