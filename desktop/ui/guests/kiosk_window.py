"""The SKM kiosk: a full-screen touch window, one question at a time, that only an admin can leave (R19-R25)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.guests.ikm import UNSUR
from desktop.services.common import auth, office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Role
from desktop.services.guests import skm
from desktop.storage.database import StorageError
from desktop.ui.context import UiContext
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR

__all__ = ["IDLE_MS", "THANKS_MS", "KioskWindow", "open_kiosk"]

IDLE_MS = 60_000  # back to the start after a minute without a touch: the next guest must not see answers
THANKS_MS = 4_000
_TOKEN_PATH = "/s/"
# Answers coloured from "bad" to "good", so a guest who reads slowly still sees the scale at a glance.
_ANSWER_COLOURS = ("#f6d5d2", "#fbe7c6", "#dcebd2", "#c5e3c0")

_STYLE = """
KioskWindow { background: #ffffff; }
QLabel { font-size: 18px; }
QLabel#judul { font-size: 26px; font-weight: bold; }
QLabel#kantor { font-size: 18px; color: #444444; }
QLabel#kemajuan { font-size: 16px; color: #555555; }
QLabel#unsur { font-size: 22px; font-weight: bold; color: #1e5aa8; }
QLabel#tanya { font-size: 24px; }
QLabel#catatan { font-size: 15px; color: #555555; }
QLabel#terima { font-size: 34px; font-weight: bold; color: SUCCESS; }
QPushButton { font-size: 18px; min-height: 48px; min-width: 56px; padding: 6px 14px; border: 1px solid #9a9a9a;
    border-radius: 10px; background: #f4f4f4; }
QPushButton:checked { background: #1e5aa8; color: #ffffff; border-color: #1e5aa8; }
QPushButton#utama { font-size: 24px; min-height: 72px; background: #1e5aa8; color: #ffffff; border: 0; }
QPushButton#jawaban { min-height: 150px; border-width: 2px; }
QPushButton#sudut { border: 0; background: transparent; min-height: 0; padding: 0; }
QLineEdit { font-size: 20px; min-height: 44px; padding: 2px 8px; }
""".replace("SUCCESS", SUCCESS_COLOR)


class _AnswerButton(QPushButton):
    """A tall button whose label wraps ("Sangat sopan dan ramah" on a 1024 px tablet)."""

    def __init__(self, value: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setObjectName("jawaban")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet(f"QPushButton#jawaban {{ background: {_ANSWER_COLOURS[value - 1]}; }}")
        self.setAccessibleName(text)
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setStyleSheet("font-size: 24px; background: transparent;")
        self.caption = label
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class _QuestionPage(QWidget):
    answered = Signal(int)  # the value 1-4
    back = Signal()

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        unsur = UNSUR[index]
        self.progress = QLabel(f"Pertanyaan {index + 1} dari {len(UNSUR)}")
        self.progress.setObjectName("kemajuan")
        title = QLabel(unsur.nama_lengkap)
        title.setObjectName("unsur")
        question = QLabel(unsur.pertanyaan)
        question.setObjectName("tanya")
        question.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(14)
        self.buttons: list[_AnswerButton] = []
        for value, text in enumerate(unsur.jawaban, start=1):
            button = _AnswerButton(value, text)
            button.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            row.addWidget(button)
            self.buttons.append(button)
        self.back_button = QPushButton("‹ Kembali")
        self.back_button.clicked.connect(self.back.emit)
        self.back_button.setVisible(index > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(title)
        layout.addWidget(question)
        layout.addSpacing(8)
        layout.addLayout(row, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        layout.addLayout(nav)

    def mark(self, value: int | None) -> None:
        """Show the answer given earlier (after "Kembali") with a thicker border."""
        for button in self.buttons:
            chosen = button.value == value
            border = "5px solid #1e5aa8" if chosen else "2px solid #9a9a9a"
            button.setStyleSheet(
                f"QPushButton#jawaban {{ background: {_ANSWER_COLOURS[button.value - 1]}; border: {border}; }}"
            )


class _Choices(QWidget):
    """A row of large toggle buttons of which at most one is on; a second touch turns it off again."""

    def __init__(self, values: tuple[str, ...], labels: dict[str, str] | None = None) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value in values:
            button = QPushButton((labels or {}).get(value, value))
            button.setCheckable(True)
            button.clicked.connect(lambda checked, v=value: self._toggled(v, checked))
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
        layout.addStretch(1)

    def _toggled(self, value: str, checked: bool) -> None:
        if checked:
            for other, button in self.buttons.items():
                if other != value:
                    button.setChecked(False)

    def value(self) -> str:
        return next((v for v, b in self.buttons.items() if b.isChecked()), "")

    def clear(self) -> None:
        for button in self.buttons.values():
            button.setChecked(False)


class _ProfilePage(QWidget):
    send = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Tentang Anda (boleh tidak diisi)")
        title.setObjectName("unsur")
        choices = skm.PROFILE_CHOICES
        self.jenis_kelamin = _Choices(choices["jenis_kelamin"], skm.JENIS_KELAMIN_LABELS)
        self.pendidikan = _Choices(choices["pendidikan"])
        self.pekerjaan = _Choices(choices["pekerjaan"])
        self.usia = QLineEdit()
        self.usia.setValidator(QIntValidator(0, 999, self.usia))
        self.usia.setMaximumWidth(120)
        self.usia.setPlaceholderText("tahun")
        self.layanan = QLineEdit()
        self.layanan.setMaxLength(120)
        self.layanan.setPlaceholderText("mis. permohonan data")
        self.saran = QLineEdit()
        self.saran.setMaxLength(2000)
        self.saran.setPlaceholderText("Saran dan masukan untuk kami")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 18px;")
        self.message.hide()
        self.send_button = QPushButton("Kirim")
        self.send_button.setObjectName("utama")
        self.send_button.clicked.connect(self.send.emit)
        self.back_button = QPushButton("‹ Kembali")
        self.back_button.clicked.connect(self.back.emit)

        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        rows: list[tuple[str, QWidget]] = [
            ("Jenis kelamin", self.jenis_kelamin),
            ("Pendidikan", self.pendidikan),
            ("Pekerjaan", self.pekerjaan),
        ]
        for row, (text, widget) in enumerate(rows):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(widget, row, 1)
        line = QHBoxLayout()
        line.addWidget(self.usia)
        line.addWidget(QLabel("Jenis layanan"))
        line.addWidget(self.layanan, 1)
        grid.addWidget(QLabel("Usia"), 3, 0)
        grid.addLayout(line, 3, 1)
        grid.addWidget(QLabel("Saran"), 4, 0)
        grid.addWidget(self.saran, 4, 1)
        grid.setColumnStretch(1, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.send_button, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(nav)

    def clear(self) -> None:
        for choices in (self.jenis_kelamin, self.pendidikan, self.pekerjaan):
            choices.clear()
        for field in (self.usia, self.layanan, self.saran):
            field.clear()
        self.message.hide()


class _UnlockPage(QWidget):
    """The admin's sign-in that ends the kiosk; a page of the kiosk itself, so nothing pops up over it."""

    unlock = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Keluar dari mode kiosk")
        title.setObjectName("unsur")
        hint = QLabel("Hanya admin yang dapat menutup survei kiosk.")
        hint.setObjectName("catatan")
        self.username = QLineEdit()
        self.username.setPlaceholderText("Nama pengguna admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Kata sandi")
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 18px;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.ok_button = QPushButton("Keluar")
        self.ok_button.setObjectName("utama")
        self.ok_button.clicked.connect(self.unlock.emit)
        self.cancel_button = QPushButton("Batal")
        self.cancel_button.clicked.connect(self.cancel.emit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.unlock.emit)
        box = QVBoxLayout()
        box.addStretch(1)
        for widget in (title, hint, self.username, self.password, self.message):
            box.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button, 1)
        box.addLayout(buttons)
        box.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 2)
        outer.addStretch(1)

    def clear(self) -> None:
        self.username.clear()
        self.password.clear()
        self.message.hide()


class _IdleWatch(QObject):
    """Any touch, click or key anywhere in the application restarts the idle timer."""

    _EVENTS = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.KeyPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class KioskWindow(QWidget):
    """Start → nine questions → optional profile → "Kirim" → thanks → start again (R19-R20, R25)."""

    submitted = Signal()
    left = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("KioskWindow")
        self.setWindowTitle("Survei Kepuasan Masyarakat")
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._may_close = False
        self.answers: list[int | None] = [None] * len(UNSUR)
        self.token = ""

        with ctx.read() as s:
            kantor = office.get_profile(s).nama_dinas

        self.stack = QStackedWidget()
        self.start_page = self._build_start(kantor)
        self.stack.addWidget(self.start_page)
        self.questions: list[_QuestionPage] = []
        for index in range(len(UNSUR)):
            page = _QuestionPage(index)
            page.answered.connect(lambda value, i=index: self._answer(i, value))
            page.back.connect(lambda i=index: self._show_question(i - 1))
            self.stack.addWidget(page)
            self.questions.append(page)
        self.profile = _ProfilePage()
        self.profile.send.connect(self.send)
        self.profile.back.connect(lambda: self._show_question(len(UNSUR) - 1))
        self.stack.addWidget(self.profile)
        self.thanks = self._build_thanks()
        self.stack.addWidget(self.thanks)
        self.unlock_page = _UnlockPage()
        self.unlock_page.unlock.connect(self.try_unlock)
        self.unlock_page.cancel.connect(self.restart)
        self.stack.addWidget(self.unlock_page)

        # The way out, for the admin only: an unlabelled spot in the top right corner.
        self.corner = QPushButton(self)
        self.corner.setObjectName("sudut")
        self.corner.setFixedSize(56, 56)
        self.corner.setFlat(True)
        self.corner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.corner.setAccessibleName("Keluar dari mode kiosk")
        self.corner.clicked.connect(self.ask_unlock)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(self.stack)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(self.restart)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(THANKS_MS)
        self.thanks_timer.timeout.connect(self.restart)
        self._idle_watch = _IdleWatch(self.idle_timer, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._idle_watch)
        self.restart()

    # --- pages ----------------------------------------------------------------------------------------------

    def _build_start(self, kantor: str) -> QWidget:
        page = QWidget()
        title = QLabel("Survei Kepuasan Masyarakat")
        title.setObjectName("judul")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        office_label = QLabel(kantor)
        office_label.setObjectName("kantor")
        office_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        office_label.setWordWrap(True)
        intro = QLabel(
            "Bantu kami memperbaiki pelayanan: jawab sembilan pertanyaan singkat. Survei ini tanpa nama; "
            "jawaban Anda tidak dihubungkan dengan data kunjungan."
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setStyleSheet("font-size: 20px;")
        self.start_button = QPushButton("Mulai survei")
        self.start_button.setObjectName("utama")
        self.start_button.clicked.connect(self.begin)
        self.token_field = QLineEdit()
        self.token_field.setPlaceholderText("Kode survei pada slip antrian (boleh dikosongkan)")
        self.token_field.returnPressed.connect(self.begin)
        self.start_message = QLabel()
        self.start_message.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 18px;")
        self.start_message.setWordWrap(True)
        self.start_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_message.hide()
        box = QVBoxLayout()
        box.addStretch(1)
        for widget in (title, office_label, intro):
            box.addWidget(widget)
        box.addSpacing(16)
        box.addWidget(self.start_button)
        box.addSpacing(12)
        box.addWidget(self.token_field)
        box.addWidget(self.start_message)
        box.addStretch(1)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(box, 4)
        outer.addStretch(1)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        title = QLabel("Terima kasih")
        title.setObjectName("terima")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel("Jawaban Anda sudah kami terima.")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("font-size: 22px;")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
        return page

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.corner.move(self.width() - self.corner.width(), 0)
        self.corner.raise_()

    # --- the flow -------------------------------------------------------------------------------------------

    def restart(self) -> None:
        """Back to the start page with nothing of the last respondent left on screen."""
        self.thanks_timer.stop()
        self.idle_timer.stop()
        self.answers = [None] * len(UNSUR)
        self.token = ""
        self.token_field.clear()
        self.start_message.hide()
        for page in self.questions:
            page.mark(None)
        self.profile.clear()
        self.unlock_page.clear()
        self.stack.setCurrentWidget(self.start_page)

    def begin(self) -> None:
        token = _token_of(self.token_field.text())
        if token:
            with self.ctx.read() as s:
                state = skm.token_state(s, token)
            if state != "baru":
                text = (
                    "Survei untuk kunjungan ini sudah diisi."
                    if state == "dipakai"
                    else "Kode survei tidak dikenal."
                )
                self.start_message.setText(text)
                self.start_message.show()
                return
        self.token = token
        self.start_message.hide()
        self.idle_timer.start()
        self._show_question(0)

    def _show_question(self, index: int) -> None:
        page = self.questions[index]
        page.mark(self.answers[index])
        self.stack.setCurrentWidget(page)

    def _answer(self, index: int, value: int) -> None:
        self.answers[index] = value
        if index + 1 < len(UNSUR):
            self._show_question(index + 1)
        else:
            self.stack.setCurrentWidget(self.profile)

    def send(self) -> None:
        page = self.profile
        usia_text = page.usia.text().strip()
        answer = skm.SurveyAnswer(
            answers=tuple(self.answers),
            jenis_kelamin=page.jenis_kelamin.value(),
            usia=int(usia_text) if usia_text else None,
            pendidikan=page.pendidikan.value(),
            pekerjaan=page.pekerjaan.value(),
            jenis_layanan=page.layanan.text(),
            saran=page.saran.text(),
        )
        missing = [UNSUR[i].kode for i, value in enumerate(self.answers) if value is None]
        if missing:
            self._profile_error(f"Pertanyaan {', '.join(missing)} belum dijawab.")
            return
        try:
            with self.ctx.transaction() as s:
                skm.submit(s, answer, sumber="kiosk", token=self.token or None)
        except (ServiceError, StorageError) as exc:  # answers stay on screen: "Kirim" again is enough
            self._profile_error(str(exc))
            return
        self.idle_timer.stop()
        self.answers = [None] * len(UNSUR)
        self.profile.clear()
        self.stack.setCurrentWidget(self.thanks)
        self.thanks_timer.start()
        self.submitted.emit()

    def _profile_error(self, text: str) -> None:
        self.profile.message.setText(text)
        self.profile.message.show()

    # --- leaving --------------------------------------------------------------------------------------------

    def ask_unlock(self) -> None:
        self.thanks_timer.stop()
        self.unlock_page.clear()
        self.stack.setCurrentWidget(self.unlock_page)
        self.idle_timer.start()
        self.unlock_page.username.setFocus()

    def try_unlock(self) -> None:
        page = self.unlock_page
        username = page.username.text().strip()
        if not username:
            page.message.setText("Isi nama pengguna admin.")
            page.message.show()
            return
        with self.ctx.transaction() as s:
            result = auth.authenticate(s, username, page.password.text())
        if not result.ok or result.actor is None or result.actor.role != Role.ADMIN:
            page.message.setText(result.message if not result.ok else "Hanya admin yang dapat menutup kiosk.")
            page.message.show()
            page.password.clear()
            page.password.setFocus()
            return
        self._may_close = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc would leave full screen or close: the kiosk stays
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4 and the window manager's close: only the admin may leave
            return
        self.idle_timer.stop()
        self.thanks_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._idle_watch)
        event.accept()
        self.left.emit()


def _token_of(text: str) -> str:
    """The token typed from the slip, or scanned from its QR (a USB scanner types the whole address)."""
    text = text.strip()
    if _TOKEN_PATH in text:
        text = text.rsplit(_TOKEN_PATH, 1)[1]
    return text.strip().strip("/")


def open_kiosk(ctx: UiContext) -> KioskWindow:
    """Open the kiosk full screen on the current screen; it closes only after an admin's password."""
    window = KioskWindow(ctx)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    window.showFullScreen()
    window.raise_()
    window.activateWindow()
    return window
