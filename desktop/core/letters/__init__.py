"""Rules of the Surat module, free of Qt and I/O."""
