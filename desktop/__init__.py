"""Sekretariat: aplikasi desktop kesekretariatan Dinas (surat, tamu, barang, kepegawaian)."""

__version__ = "0.1.0"
