"""Plain data the printing layer receives (built by services from the office profile)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OfficeHeader:
    """What the kop surat shows; taken from Pengaturan → profil kantor.

    ``nama_pemda`` is e.g. "Pemerintah Provinsi Kalimantan Timur", ``nama_dinas`` the full name of the Dinas;
    both are printed upper-case whatever case they are stored in. ``logo_png`` is the lambang daerah as PNG.
    """

    nama_pemda: str
    nama_dinas: str
    alamat: str
    telepon: str = ""
    email: str = ""
    laman: str = ""
    kode_pos: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True, slots=True)
class Signer:
    """A signatory (penandatangan) as printed under a document.

    ``atas_nama`` is the office signed for on someone's behalf, e.g. "Kepala Dinas" (printed "a.n. Kepala Dinas,");
    ``nip`` may be typed with or without spaces.
    """

    jabatan: str
    nama: str
    nip: str = ""
    pangkat_golongan: str = ""
    atas_nama: str = ""
