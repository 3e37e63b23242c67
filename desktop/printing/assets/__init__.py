"""Printed documents of the Barang (BMD) module: BAST, KIB, KIR, labels, Kartu Barang."""
