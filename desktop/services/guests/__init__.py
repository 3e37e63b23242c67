"""Buku Tamu use cases: visits, queue, kartu tamu, pre-registration, SKM, reports and retention."""
