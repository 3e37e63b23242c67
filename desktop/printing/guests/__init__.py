"""Printed pieces of the Buku Tamu front desk: the queue ticket slip and the lembar kunjungan tamu."""
