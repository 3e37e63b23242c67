"""Kepegawaian: pegawai and riwayat, KGB/KP/pensiun schedule, awards, documents, SIASN import and export."""
