"""Print preview: show a reportlab PDF with Qt PDF, print it through QPrinter or save it to a file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMargins,
    QMarginsF,
    QObject,
    QRect,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common.printed import Delivery

log = logging.getLogger("sekretariat")

MAX_PRINT_DPI = 300
_MM_PER_POINT = 25.4 / 72
# Paper sizes the office uses, in mm (portrait); a PDF page matching one (±1 mm) is labelled with its name.
# F4 is defined here on purpose: Qt's nearest standard size, Folio, is 210 × 330 mm.
_KNOWN_PAPERS: tuple[tuple[str, float, float], ...] = (
    ("F4", 215.0, 330.0),
    ("A4", 210.0, 297.0),
    ("A5", 148.0, 210.0),
    ("½ F4", 165.0, 215.0),
)


class PrintError(RuntimeError):
    """The document could not be printed; the message is meant for the user (Bahasa Indonesia)."""


def _translate(text: str) -> str:
    return QCoreApplication.translate("print_pdf", text)


class _PdfSource:
    """A QPdfDocument loaded from bytes; owns the QByteArray and QBuffer the document reads from."""

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        # Qt PDF reads lazily from the device, so the bytes and the buffer must outlive the document.
        self.data = QByteArray(pdf)
        self.buffer = QBuffer(self.data, parent)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0


def paper_name(size_pt: QSizeF) -> str:
    """'F4 (215 × 330 mm)', or just the size in mm when it is not a paper the office knows."""
    w_mm = size_pt.width() * _MM_PER_POINT
    h_mm = size_pt.height() * _MM_PER_POINT
    short, long_ = sorted((w_mm, h_mm))
    dims = f"{round(w_mm):d} × {round(h_mm):d} mm"
    for name, pw, ph in _KNOWN_PAPERS:
        if abs(short - pw) <= 1 and abs(long_ - ph) <= 1:
            return f"{name} ({dims})"
    return dims


def page_layout_for(size_pt: QSizeF) -> QPageLayout:
    """A zero-margin QPageLayout of exactly this size; never snapped to a Qt standard size (F4 ≠ Folio)."""
    w_mm = round(size_pt.width() * _MM_PER_POINT, 2)
    h_mm = round(size_pt.height() * _MM_PER_POINT, 2)
    landscape = w_mm > h_mm
    short, long_ = (h_mm, w_mm) if landscape else (w_mm, h_mm)
    name = ""
    for known, pw, ph in _KNOWN_PAPERS:
        if abs(short - pw) <= 1 and abs(long_ - ph) <= 1:
            name = known
            break
    page_size = QPageSize(
        QSizeF(short, long_),
        QPageSize.Unit.Millimeter,
        name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _render_page(document: QPdfDocument, index: int, dpi: int) -> QImage:
    size_pt = document.pagePointSize(index)
    pixels = QSize(max(1, round(size_pt.width() * dpi / 72)), max(1, round(size_pt.height() * dpi / 72)))
    options = QPdfDocumentRenderOptions()
    # Stamps, form fields and other annotations are part of what the user saw in the preview.
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    rendered = document.render(index, pixels, options)
    # Qt PDF renders onto a transparent background; flatten onto white paper so the print job carries no alpha.
    page = QImage(pixels, QImage.Format.Format_RGB32)
    page.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def _fit(image_size: QSize, target: QRect) -> QRect:
    """The largest rectangle of image_size's aspect ratio inside target, anchored top-left."""
    scaled = image_size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(target.topLeft(), scaled)


def print_pdf(pdf: bytes, printer: QPrinter, *, dpi: int | None = None) -> int:
    """Print every page of `pdf` on `printer`, each page on paper of its own size; return the pages printed.

    Pages are rasterised at the printer's resolution, at most 300 dpi (or at `dpi` when given).
    Raises PrintError with a message for the user when the PDF is unreadable or the printer will not start.
    """
    source = _PdfSource(pdf)
    document = source.document
    if not source.ok:
        raise PrintError(
            _translate("Dokumen PDF tidak dapat dibuka untuk dicetak (berkas rusak atau kosong).")
        )

    printer.setFullPage(True)
    layout = page_layout_for(document.pagePointSize(0))
    if not printer.setPageLayout(layout):
        log.warning("printer %r refused page layout %s", printer.printerName(), layout.pageSize().name())

    render_dpi = dpi if dpi is not None else min(printer.resolution(), MAX_PRINT_DPI)
    render_dpi = max(36, render_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            _translate(
                "Printer tidak dapat mulai mencetak. Periksa apakah printer menyala, terhubung, "
                "dan kertasnya tersedia, lalu coba lagi."
            )
        )
    pages = 0
    finished = False
    try:
        for index in range(document.pageCount()):
            if index > 0:
                wanted = page_layout_for(document.pagePointSize(index))
                # Native printers refuse a new paper size mid-job; the page is then scaled onto the current paper.
                if not wanted.isEquivalentTo(printer.pageLayout()):
                    printer.setPageLayout(wanted)
                if not printer.newPage():
                    raise PrintError(
                        _translate("Printer berhenti di tengah pencetakan (halaman %1).").replace(
                            "%1", str(index + 1)
                        )
                    )
            image = _render_page(document, index, render_dpi)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(_fit(image.size(), QRect(0, 0, target.width(), target.height())), image)
            pages += 1
        finished = True
    finally:
        # Ending the painter hands the job to the spooler (CUPS, the Windows spooler, or the PDF file); a job
        # it refuses must not count as printed.
        ended = painter.end()
    if finished and (not ended or printer.printerState() == QPrinter.PrinterState.Error):
        raise PrintError(
            _translate(
                "Printer tidak menerima pekerjaan cetak ini; dokumen belum tercetak. Periksa apakah "
                "printer menyala dan terhubung, lalu coba lagi."
            )
        )
    log.info("printed %d page(s) on %r at %d dpi", pages, printer.printerName() or "file", render_dpi)
    return pages


def delivery_for(printer: QPrinter, pages: int) -> Delivery:
    """Where a finished job went: the queue's name, or the file when Qt printed to a PDF file."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return Delivery(path=printer.outputFileName(), pages=pages)
    return Delivery(printer=printer.printerName() or _translate("bawaan"), pages=pages)


def status_text(delivery: Delivery, title: str) -> str:
    """The status line after a real print: where it went, in the clerk's words."""
    if delivery.to_file:
        return _translate("Disimpan sebagai PDF: %1").replace("%1", delivery.path)
    return (
        _translate("Dikirim ke printer %1: %2 (%3 halaman)")
        .replace("%1", delivery.printer)
        .replace("%2", title)
        .replace("%3", str(delivery.pages))
    )


class PrintPreviewDialog(QDialog):
    """Shows a PDF and offers: print (choose printer), print on the default printer, save as PDF, close.

    Looking is not printing: only a job a printer queue accepted, or a PDF written to a file, emits
    ``delivered`` (with the Delivery) so the caller can record it; the status bar of the main window then
    says where it went and the preview closes. Closing (Esc, ✕, Tutup) records nothing.
    """

    delivered = Signal(object)  # Delivery

    ZOOM_STEP = 1.25
    ZOOM_MIN = 0.25
    ZOOM_MAX = 5.0

    def __init__(
        self,
        pdf: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        suggested_filename: str = "dokumen.pdf",
    ) -> None:
        super().__init__(parent)
        self._pdf = bytes(pdf)
        self._suggested_filename = suggested_filename
        self.delivery: Delivery | None = None  # set once the document really went out
        self.status_message = ""
        self.setWindowTitle(self.tr("Pratinjau cetak — %1").replace("%1", title))
        self.setObjectName("printPreviewDialog")

        self._source = _PdfSource(self._pdf, self)
        self.document = self._source.document

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMargins(24, 24, 24, 24))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setStyleSheet("QPdfView { background: #5f6368; }")

        # --- top bar: document facts and zoom
        self.title_label = QLabel(title, self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.page_count_label = QLabel(self)
        self.page_count_label.setObjectName("pageCountLabel")
        self.paper_label = QLabel(self)
        self.paper_label.setObjectName("paperLabel")

        self.zoom_out_button = self._tool_button("−", self.tr("Perkecil (Ctrl+-)"), self.zoom_out)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool_button("+", self.tr("Perbesar (Ctrl+=)"), self.zoom_in)
        self.fit_width_button = QPushButton(self.tr("Sesuai &lebar"), self)
        self.fit_width_button.setToolTip(self.tr("Sesuaikan dengan lebar jendela (Ctrl+0)"))
        self.fit_width_button.setCheckable(True)
        self.fit_width_button.clicked.connect(self.fit_width)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(16)
        top.addWidget(self.page_count_label)
        top.addSpacing(16)
        top.addWidget(self.paper_label)
        top.addStretch(1)
        top.addWidget(self.zoom_out_button)
        top.addWidget(self.zoom_label)
        top.addWidget(self.zoom_in_button)
        top.addWidget(self.fit_width_button)

        # --- bottom bar: actions
        self.print_button = QPushButton(self.tr("&Cetak…"), self)
        self.print_button.setToolTip(self.tr("Pilih printer lalu cetak (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.print_default_button = QPushButton(self.tr("Cetak ke printer &bawaan"), self)
        self.print_default_button.clicked.connect(self.print_to_default)
        self.save_button = QPushButton(self.tr("&Simpan PDF…"), self)
        self.save_button.setToolTip(self.tr("Simpan dokumen sebagai berkas PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.setToolTip(self.tr("Tutup pratinjau (Esc)"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.print_default_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.setDefault(True)

        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.print_default_button)
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._shortcut(QKeySequence.StandardKey.Print, self.print_with_dialog)
        self._shortcut(QKeySequence("Ctrl+P"), self.print_with_dialog)
        self._shortcut(QKeySequence.StandardKey.Save, self.save_pdf)
        self._shortcut(QKeySequence("Ctrl+S"), self.save_pdf)
        self._shortcut(QKeySequence("Ctrl+="), self.zoom_in)
        self._shortcut(QKeySequence("Ctrl++"), self.zoom_in)
        self._shortcut(QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        self._shortcut(QKeySequence("Ctrl+-"), self.zoom_out)
        self._shortcut(QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        self._shortcut(QKeySequence("Ctrl+0"), self.fit_width)
        # Esc closes through QDialog.reject().

        self.view.viewport().installEventFilter(self)
        self.view.zoomFactorChanged.connect(self._update_zoom_label)
        self.view.zoomModeChanged.connect(self._update_zoom_label)
        self._update_labels()
        self._update_zoom_label()
        self._resize_to_screen()
        self.view.setFocus()

    # ------------------------------------------------------------------ setup helpers
    def _tool_button(self, text: str, tooltip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip)
        button.setMinimumWidth(32)
        button.clicked.connect(slot)
        return button

    def _shortcut(self, key: QKeySequence | QKeySequence.StandardKey, slot) -> None:
        sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
        if sequence.isEmpty():
            return
        for existing in self.findChildren(QShortcut):
            if existing.key() == sequence:
                return
        shortcut = QShortcut(sequence, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)

    def _resize_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(900, 1000)
            return
        available = screen.availableGeometry()
        self.resize(min(900, int(available.width() * 0.9)), int(available.height() * 0.9))

    def _update_labels(self) -> None:
        pages = self.document.pageCount() if self._source.ok else 0
        self.page_count_label.setText(self.tr("%n halaman", "", pages))
        if self._source.ok:
            self.paper_label.setText(
                self.tr("Kertas: %1").replace("%1", paper_name(self.document.pagePointSize(0)))
            )
        else:
            self.paper_label.setText(self.tr("Dokumen tidak dapat ditampilkan"))
        for button in (self.print_button, self.print_default_button):
            button.setEnabled(self._source.ok)

    # ------------------------------------------------------------------ zoom
    def page_count(self) -> int:
        return self.document.pageCount() if self._source.ok else 0

    def effective_zoom(self) -> float:
        """The zoom factor on screen; in fit-to-width mode QPdfView does not report it, so compute it."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self._source.ok:
            return self.view.zoomFactor()
        widest = max(self.document.pagePointSize(i).width() for i in range(self.document.pageCount()))
        screen = self.view.screen() or QGuiApplication.primaryScreen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        if widest <= 0 or usable <= 0:
            return 1.0
        return usable / (widest * dpi / 72)

    def _set_zoom(self, factor: float) -> None:
        factor = min(self.ZOOM_MAX, max(self.ZOOM_MIN, factor))
        # Keep the point in the middle of the window where it was; QPdfView would otherwise keep the raw
        # scroll offsets and jump elsewhere in the document.
        bars = (self.view.horizontalScrollBar(), self.view.verticalScrollBar())
        centres = [
            (bar.value() + bar.pageStep() / 2) / max(1, bar.maximum() + bar.pageStep()) for bar in bars
        ]
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        for bar, centre in zip(bars, centres, strict=True):
            bar.setValue(round(centre * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))
        self._update_zoom_label()

    def zoom_in(self) -> None:
        self._set_zoom(self.effective_zoom() * self.ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.effective_zoom() / self.ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def _update_zoom_label(self, *_args: object) -> None:
        self.fit_width_button.setChecked(self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth)
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Fit-to-width changes the zoom whenever the view's viewport is resized.
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._update_zoom_label()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ actions
    def print_with_dialog(self) -> bool:
        """Let the user choose a printer (and copies), then print. Returns True when something was printed."""
        if not self._source.ok:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title_label.text())
        printer.setPageLayout(page_layout_for(self.document.pagePointSize(0)))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak dokumen"))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_on(printer)

    def print_to_default(self) -> bool:
        """Print straight to the system's default printer (routine slips). Returns True when printed."""
        if not self._source.ok:
            return False
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            QMessageBox.information(
                self,
                self.tr("Printer bawaan"),
                self.tr(
                    "Belum ada printer bawaan di komputer ini. Pilih printer lewat tombol “Cetak…”, "
                    "atau minta admin mengatur printer bawaan di pengaturan sistem."
                ),
            )
            return False
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title_label.text())
        return self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Print on a printer already chosen; on success the job is recorded (``delivered``) and the preview
        closes, on failure the clerk reads why and the preview stays open. Returns True when printed."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pdf(self._pdf, printer)
        except PrintError as exc:
            QGuiApplication.restoreOverrideCursor()
            log.warning(
                "preview %r: printing on %r failed: %s", self.title_label.text(), printer.printerName(), exc
            )
            QMessageBox.warning(self, self.tr("Gagal mencetak"), str(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        log.info("preview %r: %d page(s) sent to printer", self.title_label.text(), pages)
        self._delivered(delivery_for(printer, pages))
        return True

    def _delivered(self, delivery: Delivery) -> None:
        self.delivery = delivery
        self.delivered.emit(delivery)
        self.status_message = status_text(delivery, self.title_label.text())
        window = self._main_window()
        if window is not None:
            window.statusBar().showMessage(self.status_message, 20000)
        self.accept()

    def _main_window(self) -> QMainWindow | None:
        """The main window this preview was opened from (through any dialogs in between)."""
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QMainWindow):
            widget = widget.parentWidget()
        return widget

    def save_pdf(self) -> Path | None:
        """Ask where to save, then write the PDF bytes unchanged. Returns the path written, or None."""
        start = str(Path.home() / self._suggested_filename)
        filename, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), start, self.tr("Dokumen PDF (*.pdf)")
        )
        if not filename:
            return None
        path = Path(filename)
        if not path.suffix:
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self._pdf)
        except OSError as exc:
            log.warning("saving PDF to %s failed: %s", path, exc)
            QMessageBox.warning(
                self,
                self.tr("Gagal menyimpan"),
                self.tr(
                    "Berkas tidak dapat disimpan ke\n%1\n\n%2\n\nPeriksa apakah disk masih cukup, "
                    "folder boleh ditulisi, dan berkas tidak sedang dibuka program lain, lalu coba lagi."
                )
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self._delivered(Delivery(path=str(path), pages=self.page_count()))
        return path
