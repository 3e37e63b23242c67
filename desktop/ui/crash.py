"""Last line of defence: log every unexpected exception and show a calm crash dialog with "Salin detail"."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import Qt, QThread, QTimer, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import clock
from desktop.storage.database import storage_failure
from desktop.ui import dialogs

log = logging.getLogger("sekretariat")

# A bug in a paint handler raises on every repaint; one dialog per distinct traceback, and a few per session.
MAX_DIALOGS_PER_SESSION = 5


class _HookState:
    showing = False
    shown = 0
    log_path: Path | None = None
    previous: object = None
    seen: set[str] = set()  # noqa: RUF012 (one process-wide instance)


_state = _HookState()


def environment_summary() -> str:
    """Versions and platform, for bug reports."""
    return "\n".join(
        (
            f"Sekretariat {__version__}",
            f"Python {platform.python_version()} ({sys.executable})",
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"Platform {platform.platform()}",
            f"Waktu {clock.local_now().astimezone().isoformat(timespec='seconds')}",
        )
    )


class CrashDialog(QDialog):
    """Tells the user something unexpected happened, that saved data is safe, and where the log is."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Sekretariat — kesalahan"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        heading = QLabel(self.tr("Terjadi kesalahan yang tidak terduga"), self)
        heading_font = heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        heading.setWordWrap(True)

        explanation = QLabel(
            self.tr(
                "Data yang sudah tersimpan tetap aman. Isian yang belum disimpan di layar ini mungkin perlu "
                "diulang. Anda boleh melanjutkan pekerjaan; bila aplikasi tampak tidak wajar, tutup lalu "
                "buka kembali."
            ),
            self,
        )
        explanation.setWordWrap(True)

        report = QLabel(
            self.tr(
                "Mohon laporkan kejadian ini kepada admin: tekan “Salin detail”, lalu tempelkan ke pesan "
                "Anda. Catatan lengkap tersimpan di berkas:"
            ),
            self,
        )
        report.setWordWrap(True)
        self.log_label = QLabel(
            str(log_path) if log_path else self.tr("(berkas catatan tidak tersedia)"), self
        )
        self.log_label.setObjectName("logPathLabel")
        self.log_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.log_label.setWordWrap(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.log_label.setFont(mono)

        self.toggle_button = QToolButton(self)
        self.toggle_button.setText(self.tr("Tampilkan &detail teknis"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.toggled.connect(self._toggle_details)

        self.details_box = QPlainTextEdit(self)
        self.details_box.setObjectName("detailsBox")
        self.details_box.setReadOnly(True)
        self.details_box.setPlainText(details)
        self.details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        details_font = QFont(mono)
        self.details_box.setFont(details_font)
        self.details_box.setMinimumHeight(280)
        self.details_box.setVisible(False)

        self.copy_button = QPushButton(self.tr("&Salin detail"), self)
        self.copy_button.setToolTip(self.tr("Salin detail kesalahan ke papan klip (Ctrl+Shift+C)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, activated=self.copy_details)

        text_column = QVBoxLayout()
        text_column.setSpacing(10)
        text_column.addWidget(heading)
        text_column.addWidget(explanation)
        text_column.addWidget(report)
        text_column.addWidget(self.log_label)
        text_column.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.details_box, 1)

        self.setMinimumWidth(560)
        self._fit_height()
        self.close_button.setFocus()

    def _fit_height(self) -> None:
        # adjustSize() sizes word-wrapped labels for a narrower width and leaves a gap; compute it properly.
        width = max(self.width(), 620)
        height = self.layout().totalHeightForWidth(width)
        self.resize(width, max(height, self.layout().totalMinimumSize().height()))

    def _toggle_details(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle_button.setText(
            self.tr("Sembunyikan &detail teknis") if shown else self.tr("Tampilkan &detail teknis")
        )
        self._fit_height()

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)
        self.copy_button.setText(self.tr("Tersalin ✓"))
        QTimer.singleShot(2000, self._reset_copy_text)

    def _reset_copy_text(self) -> None:
        self.copy_button.setText(self.tr("&Salin detail"))


def format_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What "Salin detail" copies: environment first, then the traceback."""
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{environment_summary()}\n\n{trace}"


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    return isinstance(app, QApplication) and QThread.currentThread() == app.thread()


def _should_show(details_key: str) -> bool:
    if _state.showing or _state.shown >= MAX_DIALOGS_PER_SESSION:
        return False
    if details_key in _state.seen:
        return False
    return _on_gui_thread()


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The replacement sys.excepthook: log, then (on the GUI thread, once per distinct bug) show the dialog."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        log.critical("Kesalahan tak terduga", exc_info=(exc_type, exc, tb))
    except Exception:  # logging itself failed (disk full?): stderr is all that is left
        sys.__excepthook__(exc_type, exc, tb)
    try:
        key = "".join(traceback.format_exception(exc_type, exc, tb))
        if not _should_show(key):
            return
        _state.seen.add(key)
        _state.showing = True
        _state.shown += 1
        try:
            app = QApplication.instance()
            parent = app.activeWindow() if isinstance(app, QApplication) else None
            known = storage_failure(exc, "basis data")
            if known is not None:
                # Busy, unreachable or damaged data is no bug: say what it is, not "kesalahan tak terduga".
                dialogs.error(parent, "Sekretariat", str(known))
                return
            dialog = CrashDialog(format_details(exc_type, exc, tb), _state.log_path, parent)
            dialog.exec()
            dialog.deleteLater()
        finally:
            _state.showing = False
    except BaseException:
        # The dialog itself failed: log it and stop here; never call back into this hook.
        try:
            log.exception("crash dialog could not be shown")
        except Exception:
            traceback.print_exc()


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    # Workers must not touch widgets, so an exception on another thread is only logged.
    if args.exc_type is SystemExit:
        return
    log.critical(
        "Kesalahan tak terduga di thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def install_excepthook(log_path: Path) -> None:
    """Route uncaught exceptions to the log and the crash dialog (the dialog only when a QApplication runs)."""
    _state.log_path = Path(log_path)
    if sys.excepthook is not handle_exception:
        _state.previous = sys.excepthook
    sys.excepthook = handle_exception
    threading.excepthook = _thread_hook


def uninstall_excepthook() -> None:
    """Put back the hooks that were there before install_excepthook (tests, embedding)."""
    previous = _state.previous
    sys.excepthook = previous if callable(previous) else sys.__excepthook__  # type: ignore[assignment]
    threading.excepthook = threading.__excepthook__
    _state.previous = None
