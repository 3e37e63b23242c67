"""The Surat tab: buku agenda surat masuk, lembar disposisi; agenda keluar and ekspedisi to follow."""

from desktop.ui.letters.surat_tab import SuratTab

__all__ = ["SuratTab"]
