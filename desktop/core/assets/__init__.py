"""Rules of the Barang (BMD) module: kode barang, kondisi, registers, identity, penyusutan; free of Qt and I/O."""
