"""Rules of the Buku Tamu module (NIK, queue tickets, SKM/IKM), free of Qt and I/O."""
