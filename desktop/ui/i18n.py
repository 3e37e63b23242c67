"""Indonesian for Qt's own texts (standard buttons, wizard buttons, context menus).

Qt ships no Indonesian translation of qtbase (PySide6 6.x has no ``qtbase_id.qm`` among the ~300 files in
``QLibraryInfo.path(TranslationsPath)``), so the strings that Qt itself shows are translated here with a small
QTranslator; should a later Qt ship one, ``install`` loads it first. The application's own strings are
Indonesian in the source (passed through tr()).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_QT_STRINGS = {
    "OK": "OK",
    "&OK": "&OK",
    "Cancel": "Batal",
    "&Cancel": "&Batal",
    "Close": "Tutup",
    "&Close": "&Tutup",
    "Save": "Simpan",
    "&Save": "&Simpan",
    "Open": "Buka",
    "&Open": "&Buka",
    "Apply": "Terapkan",
    "Reset": "Atur ulang",
    "Help": "Bantuan",
    "Discard": "Buang",
    "Don't Save": "Jangan simpan",
    "Close without Saving": "Tutup tanpa menyimpan",
    "Yes": "Ya",
    "&Yes": "&Ya",
    "No": "Tidak",
    "&No": "&Tidak",
    "Yes to &All": "Ya untuk &semua",
    "N&o to All": "T&idak untuk semua",
    "Abort": "Hentikan",
    "Retry": "Coba lagi",
    "Ignore": "Abaikan",
    "Restore Defaults": "Kembalikan bawaan",
    "< &Back": "< &Kembali",
    "&Back": "&Kembali",
    "&Next >": "&Lanjut >",
    "&Next": "&Lanjut",
    "&Finish": "&Selesai",
    "Commit": "Kirim",
    "&Undo": "&Urungkan",
    "&Redo": "&Ulangi",
    "Cu&t": "Po&tong",
    "&Copy": "&Salin",
    "&Paste": "&Tempel",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
    "Show Details...": "Tampilkan rincian…",
    "Hide Details...": "Sembunyikan rincian…",
    "Look in:": "Lihat di:",
    "File &name:": "&Nama berkas:",
    "Files of type:": "Jenis berkas:",
    "&Choose": "&Pilih",
    "Print": "Cetak",
    "&Print": "&Cetak",
    "Printer": "Printer",
    "Copies": "Salinan",
    "&Options >>": "&Opsi >>",
    "&Options <<": "&Opsi <<",
}


# Qt's print and page-setup dialogs (QPrintDialog on Linux), keyed by Qt's context: their words ("Page",
# "Color", "None") are too common to translate in every context. Listed from what the dialogs ask tr() for.
_QT_PRINT_STRINGS = {
    ("QPrintDialog", "All Pages"): "Semua halaman",
    ("QPrintDialog", "Odd Pages"): "Halaman ganjil",
    ("QPrintDialog", "Even Pages"): "Halaman genap",
    ("QPrintDialog", "Print to File (PDF)"): "Cetak ke berkas (PDF)",
    ("QPrintDialog", "Left to Right, Top to Bottom"): "Kiri ke kanan, atas ke bawah",
    ("QPrintDialog", "Left to Right, Bottom to Top"): "Kiri ke kanan, bawah ke atas",
    ("QPrintDialog", "Right to Left, Top to Bottom"): "Kanan ke kiri, atas ke bawah",
    ("QPrintDialog", "Right to Left, Bottom to Top"): "Kanan ke kiri, bawah ke atas",
    ("QPrintDialog", "Top to Bottom, Left to Right"): "Atas ke bawah, kiri ke kanan",
    ("QPrintDialog", "Top to Bottom, Right to Left"): "Atas ke bawah, kanan ke kiri",
    ("QPrintDialog", "Bottom to Top, Left to Right"): "Bawah ke atas, kiri ke kanan",
    ("QPrintDialog", "Bottom to Top, Right to Left"): "Bawah ke atas, kanan ke kiri",
    ("QPrintDialog", "The 'From' value cannot be greater than the 'To' value."): (
        "Halaman 'dari' tidak boleh lebih besar daripada halaman 'sampai'."
    ),
    ("QPrintDialog", "Invalid Pages Definition"): "Halaman tidak valid",
    ("QPrintWidget", "Printer"): "Printer",
    ("QPrintWidget", "&Name:"): "&Nama:",
    ("QPrintWidget", "P&roperties"): "P&roperti",
    ("QPrintWidget", "Location:"): "Lokasi:",
    ("QPrintWidget", "Preview"): "Pratinjau",
    ("QPrintWidget", "Type:"): "Jenis:",
    ("QPrintWidget", "Output &file:"): "&Berkas keluaran:",
    ("QPrintSettingsOutput", "Copies"): "Salinan",
    ("QPrintSettingsOutput", "Copies:"): "Jumlah salinan:",
    ("QPrintSettingsOutput", "Collate"): "Susun per set",
    ("QPrintSettingsOutput", "Reverse"): "Urutan terbalik",
    ("QPrintSettingsOutput", "Print range"): "Halaman yang dicetak",
    ("QPrintSettingsOutput", "Print all"): "Semua",
    ("QPrintSettingsOutput", "Pages from"): "Halaman",
    ("QPrintSettingsOutput", "to"): "sampai",
    ("QPrintSettingsOutput", "Pages"): "Halaman",
    ("QPrintSettingsOutput", "Current Page"): "Halaman ini",
    ("QPrintSettingsOutput", "Selection"): "Pilihan",
    ("QPrintSettingsOutput", "Page &Set:"): "&Set halaman:",
    ("QPrintSettingsOutput", "Output Settings"): "Pengaturan keluaran",
    ("QPrintSettingsOutput", "Options"): "Opsi",
    ("QPrintSettingsOutput", "Color Mode"): "Warna",
    ("QPrintSettingsOutput", "Color"): "Berwarna",
    ("QPrintSettingsOutput", "Grayscale"): "Hitam putih (skala abu-abu)",
    ("QPrintSettingsOutput", "Double Sided Printing"): "Cetak bolak-balik",
    ("QPrintSettingsOutput", "Off"): "Tidak",
    ("QPrintSettingsOutput", "Long side binding"): "Jilid di sisi panjang",
    ("QPrintSettingsOutput", "Short side binding"): "Jilid di sisi pendek",
    (
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a "
        "hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ): "Tulis halaman atau rentang, dipisah koma; rentang ditulis dua angka dengan tanda hubung. "
    "Mis. 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9.",
    ("QPrintPropertiesDialog", "Printer Properties"): "Properti printer",
    ("QPrintPropertiesDialog", "Job Options"): "Opsi pekerjaan cetak",
    ("QPrintPropertiesWidget", "Page"): "Halaman",
    ("QPrintPropertiesWidget", "Advanced"): "Lanjutan",
    ("QPrintPropertiesWidget", "There are conflicts in some options. Please fix them."): (
        "Beberapa opsi saling bertentangan. Perbaiki dulu."
    ),
    ("QPageSetupWidget", "Paper"): "Kertas",
    ("QPageSetupWidget", "Page size:"): "Ukuran kertas:",
    ("QPageSetupWidget", "Width:"): "Lebar:",
    ("QPageSetupWidget", "Height:"): "Tinggi:",
    ("QPageSetupWidget", "Paper source:"): "Sumber kertas:",
    ("QPageSetupWidget", "Orientation"): "Orientasi",
    ("QPageSetupWidget", "Portrait"): "Tegak",
    ("QPageSetupWidget", "Landscape"): "Mendatar",
    ("QPageSetupWidget", "Reverse landscape"): "Mendatar terbalik",
    ("QPageSetupWidget", "Reverse portrait"): "Tegak terbalik",
    ("QPageSetupWidget", "Margins"): "Margin",
    ("QPageSetupWidget", "top margin"): "margin atas",
    ("QPageSetupWidget", "bottom margin"): "margin bawah",
    ("QPageSetupWidget", "left margin"): "margin kiri",
    ("QPageSetupWidget", "right margin"): "margin kanan",
    ("QPageSetupWidget", "Page Layout"): "Tata letak halaman",
    ("QPageSetupWidget", "Page &order:"): "&Urutan halaman:",
    ("QPageSetupWidget", "Pages &per sheet:"): "Halaman &per lembar:",
    ("QPageSetupWidget", "Custom"): "Ukuran sendiri",
    ("QPageSetupWidget", "Millimeters (mm)"): "Milimeter (mm)",
    ("QPageSetupWidget", "Inches (in)"): "Inci (in)",
    ("QPageSetupWidget", "Points (pt)"): "Poin (pt)",
    ("QPrintPreviewDialog", "Page Setup"): "Pengaturan halaman",
    ("QCupsJobWidget", "Job"): "Pekerjaan cetak",
    ("QCupsJobWidget", "Job Control"): "Pengaturan pekerjaan",
    ("QCupsJobWidget", "Scheduled &printing:"): "&Jadwal cetak:",
    ("QCupsJobWidget", "Print Immediately"): "Cetak sekarang",
    ("QCupsJobWidget", "Hold Indefinitely"): "Tahan dulu",
    ("QCupsJobWidget", "Specific Time"): "Pada jam tertentu",
    ("QCupsJobWidget", "&Billing information:"): "&Informasi tagihan:",
    ("QCupsJobWidget", "Job &priority:"): "&Prioritas:",
    ("QCupsJobWidget", "Banner Pages"): "Halaman pembatas",
    ("QCupsJobWidget", "&Start:"): "&Awal:",
    ("QCupsJobWidget", "&End:"): "A&khir:",
    ("QCupsJobWidget", "None"): "Tidak ada",
}


class QtIndonesian(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        # None becomes a null QString, which tells Qt "no translation here" so it keeps the source text;
        # an empty string would replace every other text in the app with nothing.
        return _QT_PRINT_STRINGS.get((context, source)) or _QT_STRINGS.get(source)

    def isEmpty(self) -> bool:
        return False


def qt_catalog(app: QCoreApplication) -> QTranslator | None:
    """Qt's own Indonesian catalogue (``qtbase_id.qm``) when the installed Qt ships one, else None."""
    catalog = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if catalog.load(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia), "qtbase", "_", folder):
        return catalog
    return None


def install(app: QCoreApplication) -> QTranslator:
    """Qt's own catalogue if there is one, and this table on top (installed last, it is asked first)."""
    catalog = qt_catalog(app)
    if catalog is not None:
        app.installTranslator(catalog)
    translator = QtIndonesian(app)
    app.installTranslator(translator)
    return translator
