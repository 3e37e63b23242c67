"""Indonesian for Qt's own texts (standard buttons, wizard buttons, context menus).

Qt ships no Indonesian translation of qtbase, so the strings that Qt itself shows are translated here with
a small QTranslator; the application's own strings are Indonesian in the source (passed through tr()).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

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


class QtIndonesian(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        # None becomes a null QString, which tells Qt "no translation here" so it keeps the source text;
        # an empty string would replace every other text in the app with nothing.
        return _QT_STRINGS.get(source)

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> QTranslator:
    translator = QtIndonesian(app)
    app.installTranslator(translator)
    return translator
