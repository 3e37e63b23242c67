"""Surat: buku agenda masuk and keluar, disposisi, ekspedisi, reports, settings, import and export."""
