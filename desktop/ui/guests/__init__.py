"""Buku Tamu screens: the front desk, its queue and cards."""
