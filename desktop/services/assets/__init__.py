"""Barang (BMD): kode barang, assets and their ledger, rooms and KIR, BAST, labels, penyusutan, inventarisasi."""
