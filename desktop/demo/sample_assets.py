"""The demo Dinas's goods: 25 rooms with KIR, about 600 assets over KIB A-F, BASTs, a label batch and moves."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desktop.services.assets import (
    bast,
    documents,
    inventory,
    items,
    kode,
    parties,
    reference,
    rooms,
    settings,
)
from desktop.services.assets.items import AssetFilter, AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.parties import Party
from desktop.services.common import auth, demo_mark, office
from desktop.services.common.permissions import SYSTEM, Actor, Role
from desktop.services.common.printed import Delivery
from desktop.services.system import AppContext

__all__ = ["ASSETS_PER_400_LETTERS", "AssetTally", "fill_assets"]

ASSETS_PER_400_LETTERS = 600  # a provincial Dinas of about 60 staff

# --- the office's rooms ----------------------------------------------------------------------------------------

# (kode, nama, lokasi, who answers for it: a jabatan looked up in staff, kinds of goods it holds)
_ROOMS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("R.01", "Ruang Kepala Dinas", "Gedung A Lantai 2", "Kepala Dinas", ("pimpinan",)),
    ("R.02", "Ruang Sekretaris", "Gedung A Lantai 2", "Sekretaris", ("pimpinan",)),
    ("R.03", "Ruang Sub Bagian Umum", "Gedung A Lantai 1", "Kepala Sub Bagian Umum", ("kerja",)),
    ("R.04", "Ruang Sub Bagian Perencanaan dan Keuangan", "Gedung A Lantai 1",
     "Kepala Sub Bagian Perencanaan dan Keuangan", ("kerja",)),
    ("R.05", "Ruang Bendahara", "Gedung A Lantai 1", "Kepala Sub Bagian Perencanaan dan Keuangan", ("kerja", "aman")),
    ("R.06", "Ruang Kepala Bidang Perindustrian", "Gedung A Lantai 2", "Kepala Bidang Perindustrian", ("pimpinan",)),
    ("R.07", "Ruang Staf Bidang Perindustrian", "Gedung A Lantai 2", "Kepala Bidang Perindustrian", ("kerja",)),
    ("R.08", "Ruang Kepala Bidang Perdagangan Dalam Negeri", "Gedung A Lantai 3",
     "Kepala Bidang Perdagangan Dalam Negeri", ("pimpinan",)),
    ("R.09", "Ruang Staf Bidang Perdagangan Dalam Negeri", "Gedung A Lantai 3",
     "Kepala Bidang Perdagangan Dalam Negeri", ("kerja",)),
    ("R.10", "Ruang Kepala Bidang Koperasi dan UKM", "Gedung A Lantai 3", "Kepala Bidang Koperasi dan UKM",
     ("pimpinan",)),
    ("R.11", "Ruang Staf Bidang Koperasi dan UKM", "Gedung A Lantai 3", "Kepala Bidang Koperasi dan UKM", ("kerja",)),
    ("R.12", "Ruang Rapat Utama", "Gedung A Lantai 3", "Kepala Sub Bagian Umum", ("rapat",)),
    ("R.13", "Ruang Rapat Kecil", "Gedung A Lantai 2", "Kepala Sub Bagian Umum", ("rapat",)),
    ("R.14", "Ruang Arsip", "Gedung A Lantai 1", "Kepala Sub Bagian Umum", ("arsip",)),
    ("R.15", "Gudang Barang", "Gedung B", "Pengurus Barang", ("gudang",)),
    ("R.16", "Lobby dan Ruang Tunggu Tamu", "Gedung A Lantai 1", "Kepala Sub Bagian Umum", ("lobby",)),
    ("R.17", "Pos Satpam", "Halaman depan", "Kepala Sub Bagian Umum", ("pos",)),
    ("R.18", "Musholla", "Gedung B", "Kepala Sub Bagian Umum", ("ibadah",)),
    ("R.19", "Ruang Server", "Gedung A Lantai 1", "Kepala Sub Bagian Perencanaan dan Keuangan", ("server",)),
    ("R.20", "Ruang Pelayanan Terpadu", "Gedung A Lantai 1", "Kepala Sub Bagian Umum", ("kerja", "lobby")),
    ("R.21", "Perpustakaan", "Gedung A Lantai 2", "Kepala Sub Bagian Umum", ("pustaka",)),
    ("R.22", "Pantry", "Gedung A Lantai 1", "Kepala Sub Bagian Umum", ("pantry",)),
    ("R.23", "Ruang Kepala UPTD", "Gedung Laboratorium", "Kepala UPTD", ("pimpinan",)),
    ("R.24", "Ruang Tata Usaha UPTD", "Gedung Laboratorium", "Kepala Sub Bagian Tata Usaha UPTD", ("kerja",)),
    ("R.25", "Laboratorium Pengujian Mutu Barang", "Gedung Laboratorium", "Kepala Seksi Pengujian", ("lab",)),
)  # fmt: skip

# Who answers for a room, signs a BAST or holds a vehicle when the staff register is still empty (the quick
# demo of the tests): typed names, as the pengurus barang would type an outside party.
_STAND_IN: dict[str, tuple[str, str]] = {
    "Kepala Bidang Perindustrian": ("Ir. Syahrul Ramadhan, M.T.", "197601172001121004"),
    "Kepala Bidang Perdagangan Dalam Negeri": ("Hj. Norhayati, S.E., M.Si.", "197708252002122006"),
    "Kepala Bidang Koperasi dan UKM": ("Drs. Muhammad Taufik", "197402101999031005"),
    "Kepala Sub Bagian Perencanaan dan Keuangan": ("Mariani, S.E., M.Ak.", "198103092006042008"),
    "Kepala UPTD": ("Dr. Gusti Rahmat, S.Si., M.Si.", "197512242000031002"),
    "Kepala Sub Bagian Tata Usaha UPTD": ("Ir. Bambang Sutrisno", "197504171999031003"),
    "Kepala Seksi Pengujian": ("Lina Marlina, S.Si.", "198609302011012007"),
    "Pengurus Barang": ("Yohanes Lado", "198701142010011002"),
    "Analis Perdagangan": ("Andi Pratama, S.E.", "199104122019031007"),
    "Pengawas Koperasi": ("Muhammad Iqbal, S.E.", "199201302019031005"),
    "Pembina Industri": ("Andi Saputra, S.T.", "198810092012121002"),
}

# --- what the office owns --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    """A kind of KIB B goods the office buys: its kode, names and makes, the unit price range (thousands of
    Rupiah), how many come in one purchase, the rooms it stands in, and the prefix of its factory numbers
    (goods with their own numbers are recorded one per row, R6)."""

    kode: str
    nama: str
    merk: tuple[str, ...]
    harga: tuple[int, int]
    jumlah: tuple[int, int]
    rooms: tuple[str, ...]
    weight: int
    pabrik: str = ""
    spesifikasi: str = ""
    bahan: str = ""
    ukuran: str = ""


# Every kode is a level-7 code of the shipped list (alat kantor dan rumah tangga, komputer).
_KINDS: tuple[_Kind, ...] = (
    _Kind("1.3.2.10.01.02.002", "Laptop", ("Lenovo ThinkPad E14", "ASUS ExpertBook B1", "HP ProBook 440 G9",
          "Dell Latitude 3420", "Acer TravelMate P214"), (9_500, 17_500), (1, 4), ("kerja", "pimpinan"), 10,
          "PF", "Core i5, RAM 8 GB, SSD 512 GB", "Campuran", "14 inci"),
    _Kind("1.3.2.10.01.02.001", "PC Unit", ("Lenovo ThinkCentre M70t", "HP ProDesk 400 G7", "Dell OptiPlex 3080",
          "Acer Veriton M4690G"), (8_000, 14_500), (1, 4), ("kerja", "lobby"), 9, "SN",
          "Core i5, RAM 8 GB, SSD 256 GB, monitor 22 inci", "Campuran"),
    _Kind("1.3.2.10.02.03.003", "Printer", ("Epson L3210", "Canon PIXMA G2020", "HP LaserJet Pro M404dn",
          "Brother HL-L2375DW", "Epson L15150"), (2_300, 9_800), (1, 3), ("kerja", "pimpinan"), 8, "X"),
    _Kind("1.3.2.10.02.03.004", "Scanner", ("Fujitsu fi-7160", "Canon imageFORMULA DR-C225", "Epson DS-530"),
          (4_500, 14_000), (1, 1), ("kerja", "arsip"), 2, "FJ"),
    _Kind("1.3.2.10.02.04.001", "Server", ("Dell PowerEdge R450", "HPE ProLiant DL380 Gen10"), (65_000, 145_000),
          (1, 1), ("server",), 1, "SRV", "2 × Xeon Silver, RAM 64 GB, 4 × 2 TB"),
    _Kind("1.3.2.10.02.04.024", "Switch", ("Cisco CBS250-24T", "MikroTik CRS326", "TP-Link TL-SG3428"),
          (2_800, 9_500), (1, 2), ("server",), 1, "SW"),
    _Kind("1.3.2.10.02.04.026", "Access Point", ("Ubiquiti UniFi U6 Lite", "TP-Link EAP225", "Ruijie RG-AP820"),
          (1_200, 3_200), (2, 6), ("kerja", "rapat", "lobby"), 2),
    _Kind("1.3.2.05.01.05.043", "LCD Projector", ("Epson EB-X500", "BenQ MX560", "Epson EB-E01"),
          (6_500, 12_500), (1, 1), ("rapat",), 2, "PJ"),
    _Kind("1.3.2.05.01.05.053", "Layar LCD Projector", ("Screenview 70 inci", "Brite 84 inci tripod"),
          (900, 2_600), (1, 1), ("rapat",), 1),
    _Kind("1.3.2.05.02.04.004", "AC Split", ("Daikin FTKC25", "Panasonic CS-PN9", "LG S10EV4", "Sharp AH-A9",
          "Gree GWC-12"), (4_200, 9_800), (1, 2), ("kerja", "pimpinan", "rapat", "server", "lobby", "lab"), 8),
    _Kind("1.3.2.05.02.01.032", "Kursi Putar", ("Chitose Yamato", "Indachi DP 303", "Futura 201", "Savello Flexy"),
          (750, 2_400), (4, 12), ("kerja",), 10, bahan="Besi/kain"),
    _Kind("1.3.2.05.02.01.030", "Kursi Rapat", ("Chitose Cupra", "Savello Delta", "Indachi C 09"),
          (550, 1_200), (10, 20), ("rapat",), 5, bahan="Besi/busa"),
    _Kind("1.3.2.05.02.01.031", "Kursi Tamu", ("Olympic Sofa Set", "Ligna Jepara 3-1-1"), (4_500, 12_500), (1, 1),
          ("pimpinan", "lobby"), 3, bahan="Kayu jati/kain"),
    _Kind("1.3.2.05.02.01.035", "Bangku Tunggu", ("Chitose Airport 3 dudukan", "Indachi AC 03"), (1_400, 2_900),
          (2, 4), ("lobby",), 1, bahan="Besi"),
    _Kind("1.3.2.05.02.01.002", "Meja Kerja Kayu", ("Olympic ½ Biro", "Expo MP-1200", "Uno Platinum"),
          (1_300, 3_600), (3, 10), ("kerja",), 8, bahan="Kayu olahan"),
    _Kind("1.3.2.05.02.01.008", "Meja Rapat", ("Ligna Oval 12 orang", "Expo Meeting 240"), (4_500, 14_000),
          (1, 2), ("rapat",), 2, bahan="Kayu"),
    _Kind("1.3.2.05.02.01.039", "Meja Komputer", ("Olympic Computer Desk", "Expo MC-120"), (650, 1_600), (2, 6),
          ("kerja",), 3, bahan="Kayu olahan"),
    _Kind("1.3.2.05.01.04.001", "Lemari Besi/Metal", ("Brother B-204", "Lion 4 laci", "Elite 2 pintu"),
          (2_400, 5_200), (1, 4), ("kerja", "arsip", "pimpinan"), 6, bahan="Besi"),
    _Kind("1.3.2.05.01.04.003", "Rak Besi", ("Rak arsip 5 susun", "Rak gudang siku lubang"), (900, 2_400), (2, 6),
          ("arsip", "gudang", "pustaka"), 3, bahan="Besi"),
    _Kind("1.3.2.05.01.04.007", "Brankas", ("Ichiban DS-850", "Chubbsafes Executive"), (6_500, 17_500), (1, 1),
          ("aman",), 1, "BR", bahan="Baja"),
    _Kind("1.3.2.05.02.06.002", "Televisi", ("Samsung 43 inci", "LG 50 inci Smart TV", "Sharp 42 inci"),
          (3_800, 9_500), (1, 1), ("pimpinan", "lobby", "rapat"), 2, "TV"),
    _Kind("1.3.2.05.02.06.008", "Sound System", ("TOA ZA-2240", "Yamaha MG10XU + speaker aktif"),
          (8_500, 26_000), (1, 1), ("rapat", "ibadah"), 1),
    _Kind("1.3.2.05.02.06.038", "Dispenser", ("Miyako WD-190", "Sanken HWD-C105"), (450, 1_900), (1, 2),
          ("pantry", "lobby", "kerja"), 2),
    _Kind("1.3.2.05.02.04.001", "Lemari Es", ("Sharp SJ-195", "Samsung RT20"), (2_900, 6_200), (1, 1),
          ("pantry",), 1, "RF"),
    _Kind("1.3.2.05.02.04.006", "Kipas Angin", ("Maspion Wall Fan", "Cosmos 16 inci"), (280, 650), (2, 6),
          ("pos", "ibadah", "gudang", "arsip"), 2),
    _Kind("1.3.2.05.01.05.002", "CCTV - Camera Control Television System", ("Hikvision DS-2CE", "Dahua HAC"),
          (1_400, 3_800), (4, 8), ("lobby", "pos", "server"), 2),
    _Kind("1.3.2.05.01.05.012", "Mesin Absensi", ("Solution X100-C", "ZKTeco SpeedFace V5L"), (2_400, 5_800),
          (1, 1), ("lobby",), 1, "ZK"),
    _Kind("1.3.2.05.01.05.075", "Mesin Antrian", ("Antrian Touchscreen 21 inci",), (14_000, 26_000), (1, 1),
          ("lobby",), 1),
    _Kind("1.3.2.05.01.03.009", "Mesin Fotocopy Electronic", ("Canon iR 2625", "Fuji Xerox DocuCentre S2520"),
          (32_000, 62_000), (1, 1), ("arsip", "kerja"), 1, "FC"),
    _Kind("1.3.2.05.02.03.001", "Mesin Penghisap Debu/Vacuum Cleaner", ("Electrolux Z1230", "Krisbow 30 L"),
          (850, 2_200), (1, 1), ("gudang",), 1),
    _Kind("1.3.2.05.02.06.028", "Lambang Garuda Pancasila", ("Garuda ukir 60 cm",), (350, 900), (1, 3),
          ("pimpinan", "rapat"), 1),
    _Kind("1.3.2.05.02.06.032", "Tiang Bendera", ("Tiang stainless 3 m",), (650, 1_800), (1, 2),
          ("rapat", "lobby"), 1),
    _Kind("1.3.2.05.02.06.021", "Camera Video", ("Sony HXR-NX100", "Canon XA11"), (11_000, 24_000), (1, 1),
          ("kerja",), 1, "CV"),
)  # fmt: skip

# Land, buildings, networks, books and art, the KDP and the vehicles: level-7 codes of the shipped Permendagri
# 108 list (desktop/resources/seed/kode_barang_108.csv). A list without one of them (an older data folder whose
# list was seeded before the full list shipped) keeps it as a user code with a warning, as it would an office's;
# the tally counts those.
_TANAH_KANTOR = "1.3.1.01.01.04.001"  # Tanah Bangunan Kantor Pemerintah
_TANAH_PARKIR = "1.3.1.01.03.02.004"  # Tanah Lapangan Parkir Konblok
_GEDUNG_KANTOR = "1.3.3.01.01.01.001"  # Bangunan Gedung Kantor Permanen
_GEDUNG_LAB = "1.3.3.01.01.05.001"  # Bangunan Gedung Laboratorium Permanen
_POS_JAGA = "1.3.3.01.01.13.001"  # Gedung Pos Jaga Permanen
_IBADAH = "1.3.3.01.01.08.001"  # Bangunan Gedung Tempat Ibadah Permanen
_GARASI = "1.3.3.01.01.14.001"  # Gedung Garasi/Pool Permanen
_PAGAR = "1.3.3.04.01.04.001"  # Pagar Permanen
_JALAN = "1.3.4.01.01.09.002"  # Jalan Khusus Kompleks
_PARKIR = "1.3.4.01.01.10.999"  # Lain-lain Jalan Lainnya: the paved parking yard
_LISTRIK = "1.3.4.04.02.02.001"  # Jaringan Distribusi Tegangan Diatas 20 KVA
_TELEPON = "1.3.4.04.03.02.001"  # Jaringan Telepon Dibawah Tanah Kapasitas Kecil
_SUMUR = "1.3.4.03.01.03.001"  # Instalasi Air Tanah Dalam Kapasitas Kecil
_PETIR = "1.3.4.03.09.01.001"  # Instalasi Penangkal Petir Manual
_BUKU_STATISTIK = "1.3.5.01.01.04.002"  # Statistik
_BUKU_EKONOMI = "1.3.5.01.01.04.004"  # Ekonomi
_BUKU_HUKUM = "1.3.5.01.01.04.005"  # Hukum
_BUKU_PERDAGANGAN = "1.3.5.01.01.04.009"  # Perdagangan
_LAPORAN = "1.3.5.01.01.11.004"  # Buku Laporan Penelitian
_LUKISAN = "1.3.5.02.01.02.003"  # Lukisan Cat Minyak
_PAHATAN = "1.3.5.02.02.01.002"  # Pahatan Kayu
_KDP = "1.3.6.01.01.01.003"  # Gedung dan Bangunan Dalam Pengerjaan
_JEEP = "1.3.2.02.01.01.002"  # Jeep
_STATION_WAGON = "1.3.2.02.01.01.003"  # Station Wagon
_MINIBUS = "1.3.2.02.01.02.003"  # Mini Bus (penumpang 14 orang ke bawah)
_PICK_UP = "1.3.2.02.01.03.002"  # Pick Up
_SEPEDA_MOTOR = "1.3.2.02.01.04.001"  # Sepeda Motor

_CARS = (
    (_JEEP, "Jeep", "Toyota Fortuner 2.4 VRZ", "2393 CC", 485_000),
    (_STATION_WAGON, "Station Wagon", "Toyota Kijang Innova 2.0 G", "1998 CC", 355_000),
    (_STATION_WAGON, "Station Wagon", "Mitsubishi Xpander Exceed", "1499 CC", 265_000),
    (_MINIBUS, "Mini Bus", "Toyota HiAce Commuter", "2755 CC", 520_000),
    (_PICK_UP, "Pick Up", "Suzuki Carry 1.5 Pick Up", "1462 CC", 165_000),
    (_STATION_WAGON, "Station Wagon", "Toyota Avanza 1.3 G", "1329 CC", 215_000),
)
_MOTORS = (
    ("Honda Supra X 125", "124 CC", 18_500),
    ("Yamaha NMAX 155", "155 CC", 29_500),
    ("Honda Vario 125", "124 CC", 22_500),
    ("Honda Beat", "110 CC", 17_500),
    ("Yamaha Mio M3", "125 CC", 16_500),
    ("Honda Revo Fit", "110 CC", 15_500),
)
_SUPPLIERS = ("CV Tepian Jaya", "CV Borneo Makmur Sejahtera", "PT Mahakam Niaga Utama", "CV Karya Benua Etam",
              "CV Sinar Etam Abadi", "PT Kaltim Prima Teknologi")  # fmt: skip


@dataclass
class AssetTally:
    """What ``fill_assets`` added, for the summary printed by ``sekretariat demo``."""

    ruang: int = 0
    aset: int = 0
    golongan: dict[str, int] = field(default_factory=dict)
    kode_pengguna: int = 0  # kodes kept as user codes (the shipped list lacks their level 7)
    pindah: int = 0
    kondisi: int = 0
    pemeliharaan: int = 0
    bast_final: int = 0
    bast_draft: int = 0
    label: int = 0
    kir_dicetak: int = 0
    inventarisasi: bool = False


# --- the people -------------------------------------------------------------------------------------------------


class _Cast:
    """The people of the office by jabatan: pegawai of the staff register when it has them, else the office's
    signatories and typed stand-ins (outside parties need no pegawai record)."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.staff = parties.list_parties(session, actor, limit=10_000)
        self.signatories = office.list_signatories(session)

    def by_jabatan(self, jabatan: str) -> Party:
        wanted = jabatan.casefold()
        for p in self.staff:
            if p.jabatan.casefold().startswith(wanted):
                return p
        for sig in self.signatories:
            if sig.jabatan.casefold().startswith(wanted):
                return Party(sig.nama, sig.nip, sig.jabatan)
        nama, nip = _STAND_IN.get(jabatan, ("Rina Kartika, S.Sos.", "198208172009022004"))
        return Party(nama, nip, jabatan)

    def holders(self, rng: random.Random, count: int, avoid: Sequence[Party]) -> list[Party]:
        """``count`` different pegawai to hand laptops to, none of ``avoid``."""
        taken = {p.nama for p in avoid}
        pool = [
            p for p in self.staff if p.nama not in taken and not p.jabatan.casefold().startswith("kepala")
        ]
        if len(pool) < count:
            pool = [
                self.by_jabatan(j) for j in ("Analis Perdagangan", "Pengawas Koperasi", "Pembina Industri")
            ]
        return rng.sample(pool, min(count, len(pool)))


def _bast_parties(pihak1: Party, pihak2: Party) -> dict[str, Any]:
    return {
        "pihak1_pegawai_id": pihak1.pegawai_id, "pihak1_nama": pihak1.nama, "pihak1_nip": pihak1.nip,
        "pihak1_jabatan": pihak1.jabatan, "pihak2_pegawai_id": pihak2.pegawai_id, "pihak2_nama": pihak2.nama,
        "pihak2_nip": pihak2.nip, "pihak2_jabatan": pihak2.jabatan,
    }  # fmt: skip


# --- the plan ---------------------------------------------------------------------------------------------------


def _day(rng: random.Random, year: int, today: date) -> date:
    """A working day of ``year`` not after ``today``."""
    last = min(date(year, 12, 20), today - timedelta(days=1))
    first = date(year, 1, 15)
    if last <= first:
        return first if first <= today else today
    day = first + timedelta(days=rng.randrange((last - first).days + 1))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _rupiah(rng: random.Random, low: int, high: int) -> int:
    """A price in thousands of Rupiah, rounded as a price list rounds it (to Rp 5.000 or Rp 50.000)."""
    step = 5 if high < 5_000 else 50
    return rng.randrange(low // step, high // step + 1) * step * 1000


def _kontrak(rng: random.Random, day: date, kind: str = "Kontrak") -> tuple[str, str, date]:
    unit = "UM" if rng.random() < 0.7 else rng.choice(("IND", "PDN", "KUKM", "BPSMB"))
    return kind, f"027/{rng.randint(100, 2400):04d}/DP2KUKM-{unit}/{day.year}", day


class _Filler:
    def __init__(
        self, session: Session, actor: Actor, rng: random.Random, today: date, tally: AssetTally
    ) -> None:
        self.s, self.actor, self.rng, self.today, self.tally = session, actor, rng, today, tally
        self.rooms: dict[str, int] = {}
        self.kinds: dict[str, list[int]] = {}
        self.ids: list[tuple[int, int]] = []  # (aset id, tahun) of everything made
        self.users: set[str] = set()

    def add(self, data: AssetInput, jumlah: int = 1) -> list[int]:
        result = items.create_assets(self.s, self.actor, data, jumlah, today=self.today)
        if result.warnings:
            self.users.add(data.kode_barang)
        made = [a.id for a in result.assets]
        golongan = result.assets[0].golongan
        self.tally.golongan[golongan] = self.tally.golongan.get(golongan, 0) + len(made)
        self.tally.aset += len(made)
        self.ids.extend((i, data.tahun) for i in made)
        return made

    def room(self, kind: str) -> int:
        return self.rng.choice(self.kinds[kind])

    def land_and_buildings(self) -> tuple[int, list[int]]:
        """KIB A parcels, the buildings on them (KIB C), the yard's roads and networks (KIB D), the KDP (F)."""
        r = self.rng
        letak = "Jl. Basuki Rahmat No. 55, Kelurahan Pelabuhan, Kecamatan Samarinda Kota, Kota Samarinda"
        lab_letak = "Jl. M.T. Haryono No. 12, Kelurahan Air Putih, Kecamatan Samarinda Ulu, Kota Samarinda"
        kantor = self.add(AssetInput(
            _TANAH_KANTOR, "Tanah Bangunan Kantor Dinas", 2010, 4_860_000_000,
            tanggal_perolehan=date(2010, 3, 18), asal_usul="Hibah", dasar_jenis="BAST",
            dasar_nomor="032/118/BPKAD-ASET/2010", dasar_tanggal=date(2010, 3, 18),
            rincian={"luas": "5.400", "letak": letak, "hak": "Hak Pakai", "sertifikat_tanggal": date(2011, 8, 2),
                     "sertifikat_nomor": "HP No. 00127/Pelabuhan", "penggunaan": "Kantor Dinas"},
        ))[0]  # fmt: skip
        lab = self.add(AssetInput(
            _TANAH_KANTOR, "Tanah Bangunan UPTD Balai Pengujian", 2012, 2_150_000_000,
            tanggal_perolehan=date(2012, 6, 11), asal_usul="Pembelian", dasar_jenis="Akta Jual Beli",
            dasar_nomor="AJB 211/2012", dasar_tanggal=date(2012, 6, 11),
            rincian={"luas": "2.750", "letak": lab_letak, "hak": "Hak Pakai", "sertifikat_tanggal": date(2013, 2, 19),
                     "sertifikat_nomor": "HP No. 00342/Air Putih", "penggunaan": "Kantor dan laboratorium UPTD"},
        ))[0]  # fmt: skip
        self.add(AssetInput(
            _TANAH_PARKIR, "Tanah Lapangan Parkir", 2016, 1_240_000_000, tanggal_perolehan=date(2016, 9, 5),
            dasar_jenis="Akta Jual Beli", dasar_nomor="AJB 87/2016", dasar_tanggal=date(2016, 9, 5),
            rincian={"luas": "1.150", "letak": "Jl. Basuki Rahmat No. 57, Kota Samarinda", "hak": "Hak Pakai",
                     "sertifikat_tanggal": date(2017, 4, 3), "sertifikat_nomor": "HP No. 00419/Pelabuhan",
                     "penggunaan": "Parkir kendaraan dinas dan tamu"},
        ))  # fmt: skip

        def building(code: str, nama: str, tahun: int, harga: int, tanah: int, **rincian: Any) -> int:
            day = _day(r, tahun, self.today)
            jenis, nomor, tgl = _kontrak(r, day)
            rincian.setdefault("status_tanah", "Tanah milik Pemda")
            rincian.setdefault("dokumen_tanggal", day)
            rincian.setdefault("dokumen_nomor", f"IMB 640/{r.randint(100, 999)}/DPMPTSP/{tahun}")
            return self.add(AssetInput(
                code, nama, tahun, harga, tanggal_perolehan=day, dasar_jenis=jenis, dasar_nomor=nomor,
                dasar_tanggal=tgl, tanah_id=tanah, rincian=rincian,
            ))[0]  # fmt: skip

        gedung = building(
            _GEDUNG_KANTOR,
            "Gedung Kantor Dinas (Gedung A)",
            2011,
            11_750_000_000,
            kantor,
            bertingkat=True,
            beton=True,
            luas_lantai="3.240",
            luas="1.080",
            letak=letak,
        )
        buildings = [gedung]
        buildings.append(
            building(
                _GEDUNG_KANTOR,
                "Gedung Kantor Pendukung (Gedung B)",
                2014,
                2_380_000_000,
                kantor,
                bertingkat=False,
                beton=True,
                luas_lantai="420",
                luas="420",
                letak=letak,
            )
        )
        buildings.append(
            building(
                _GEDUNG_LAB,
                "Gedung Laboratorium UPTD",
                2013,
                6_420_000_000,
                lab,
                bertingkat=True,
                beton=True,
                luas_lantai="1.260",
                luas="630",
                letak=lab_letak,
            )
        )
        buildings.append(
            building(
                _POS_JAGA,
                "Pos Jaga Satpam",
                2011,
                145_000_000,
                kantor,
                bertingkat=False,
                beton=True,
                luas_lantai="12",
                luas="12",
                letak=letak,
            )
        )
        buildings.append(
            building(
                _IBADAH,
                "Musholla Al-Ikhlas",
                2015,
                465_000_000,
                kantor,
                bertingkat=False,
                beton=True,
                luas_lantai="96",
                luas="96",
                letak=letak,
            )
        )
        buildings.append(
            building(
                _GARASI,
                "Garasi Kendaraan Dinas",
                2017,
                385_000_000,
                kantor,
                bertingkat=False,
                beton=False,
                luas_lantai="180",
                luas="180",
                letak=letak,
            )
        )
        building(
            _PAGAR,
            "Pagar Keliling Kantor",
            2012,
            640_000_000,
            kantor,
            bertingkat=False,
            beton=True,
            luas_lantai="",
            luas="",
            letak=letak,
        )

        def network(code: str, nama: str, tahun: int, harga: int, **rincian: Any) -> None:
            day = _day(r, tahun, self.today)
            jenis, nomor, tgl = _kontrak(r, day)
            rincian.setdefault("letak", letak)
            rincian.setdefault("status_tanah", "Tanah milik Pemda")
            rincian.setdefault("dokumen_tanggal", day)
            rincian.setdefault("dokumen_nomor", nomor)
            self.add(
                AssetInput(
                    code,
                    nama,
                    tahun,
                    harga,
                    tanggal_perolehan=day,
                    dasar_jenis=jenis,
                    dasar_nomor=nomor,
                    dasar_tanggal=tgl,
                    tanah_id=kantor,
                    rincian=rincian,
                )
            )

        network(
            _JALAN,
            "Jalan Lingkungan Kantor (paving block)",
            2012,
            425_000_000,
            konstruksi="Paving block",
            panjang_km="0,32",
            lebar_m="6",
            luas="1.920",
        )
        network(
            _PARKIR,
            "Pelataran Parkir",
            2017,
            515_000_000,
            konstruksi="Rabat beton",
            panjang_km="0,05",
            lebar_m="23",
            luas="1.150",
            letak="Jl. Basuki Rahmat No. 57, Kota Samarinda",
        )
        network(_LISTRIK, "Jaringan Listrik Gedung Kantor 197 kVA", 2011, 385_000_000, konstruksi="Kabel NYY")
        network(
            _TELEPON, "Jaringan Fiber Optik dan LAN Gedung A", 2019, 268_000_000, konstruksi="Fiber optik"
        )
        network(
            _SUMUR,
            "Sumur Bor dan Instalasi Air Bersih",
            2013,
            128_000_000,
            konstruksi="Pipa PVC",
            panjang_km="0,15",
        )
        network(_PETIR, "Instalasi Penangkal Petir", 2014, 86_000_000, konstruksi="Elektrostatis")
        # The KDP: a records building whose second term is still being paid (R25: not depreciated).
        start = _day(r, self.today.year, self.today)
        jenis, nomor, tgl = _kontrak(r, start)
        self.add(AssetInput(
            _KDP, "Pembangunan Gedung Arsip (Gedung C)", start.year, 1_845_000_000, tanggal_perolehan=start,
            dasar_jenis=jenis, dasar_nomor=nomor, dasar_tanggal=tgl, tanah_id=kantor,
            keterangan="Termin I dan II dibayar; pekerjaan 65 %",
            rincian={"bangunan": "P", "bertingkat": True, "beton": True, "luas": "360", "letak": letak,
                     "dokumen_tanggal": start, "dokumen_nomor": nomor, "tanggal_mulai": start,
                     "status_tanah": "Tanah milik Pemda", "nilai_kontrak": 2_760_000_000},
        ))  # fmt: skip
        return gedung, buildings

    def books_and_art(self, scale: float) -> None:
        r = self.rng
        for code, judul, pencipta, tahun, jumlah, harga in (
            (_BUKU_STATISTIK, "Statistik Perdagangan Kalimantan Timur", "BPS Provinsi Kalimantan Timur", 2019, 12,
             185_000),
            (_BUKU_EKONOMI, "Pedoman Pengawasan Koperasi", "Kementerian Koperasi dan UKM", 2021, 15, 120_000),
            (_BUKU_EKONOMI, "Rencana Pembangunan Industri Provinsi", "Dinas Perindustrian", 2018, 10, 150_000),
            (_BUKU_HUKUM, "Himpunan Peraturan Perdagangan", "Kementerian Perdagangan", 2022, 8, 275_000),
            (_BUKU_PERDAGANGAN, "Tata Niaga Barang Kebutuhan Pokok", "Kementerian Perdagangan", 2023, 10, 135_000),
        ):  # fmt: skip
            n = max(1, round(jumlah * scale))
            self.add(AssetInput(
                code, "Buku", tahun, harga, tanggal_perolehan=_day(r, tahun, self.today),
                ruang_id=self.room("pustaka"),
                rincian={"judul_pencipta": f"{judul} / {pencipta}", "buku_spesifikasi": "Cetak, 21 × 29,7 cm"},
            ), n)  # fmt: skip
        self.add(AssetInput(
            _LAPORAN, "Buku Laporan", 2024, 95_000, tanggal_perolehan=_day(r, 2024, self.today),
            ruang_id=self.room("pustaka"),
            rincian={"judul_pencipta": "Laporan Kinerja Instansi Pemerintah 2023 / Dinas",
                     "buku_spesifikasi": "Cetak, jilid hard cover"},
        ), max(1, round(6 * scale)))  # fmt: skip
        self.add(AssetInput(
            _LUKISAN, "Lukisan Pesut Mahakam", 2016, 12_500_000, tanggal_perolehan=_day(r, 2016, self.today),
            ruang_id=self.room("pimpinan"),
            rincian={"seni_asal_daerah": "Samarinda", "seni_pencipta": "Syahrani Lay", "seni_bahan": "Cat minyak"},
        ))  # fmt: skip
        self.add(AssetInput(
            _PAHATAN, "Ukiran Dayak Kenyah", 2018, 8_750_000, tanggal_perolehan=_day(r, 2018, self.today),
            ruang_id=self.rooms["R.16"],
            rincian={"seni_asal_daerah": "Kutai Barat", "seni_pencipta": "Perajin Desa Pampang",
                     "seni_bahan": "Kayu ulin"},
        ))  # fmt: skip

    def vehicles(self, cars: int, motors: int) -> tuple[list[int], list[int]]:
        r = self.rng
        car_ids: list[int] = []
        motor_ids: list[int] = []
        for i in range(cars):
            code, nama, merk, cc, harga = _CARS[i % len(_CARS)]
            tahun = r.randint(2012, self.today.year - 1)
            day = _day(r, tahun, self.today)
            jenis, nomor, tgl = _kontrak(r, day, "SP2D")
            car_ids += self.add(AssetInput(
                code, nama, tahun, harga * 1000 + r.randrange(0, 40) * 250_000, merk_tipe=merk, ukuran=cc,
                bahan="Besi", tanggal_perolehan=day, dasar_jenis=jenis, dasar_nomor=nomor, dasar_tanggal=tgl,
                no_rangka=f"MHF{r.randrange(10**13, 10**14)}", no_mesin=f"{r.choice('1236')}TR{r.randrange(10**6, 10**7)}",
                no_polisi=f"KT {r.randint(1001, 1999)} {r.choice(('A', 'B', 'C', 'D'))}",
                no_bpkb=f"{r.choice('NOPQ')}-{r.randrange(10**7, 10**8)}", ruang_id=None,
            ))  # fmt: skip
        for _ in range(motors):
            merk, cc, harga = r.choice(_MOTORS)
            tahun = r.randint(2010, self.today.year - 1)
            day = _day(r, tahun, self.today)
            jenis, nomor, tgl = _kontrak(r, day, "SP2D")
            motor_ids += self.add(AssetInput(
                _SEPEDA_MOTOR, "Sepeda Motor", tahun, harga * 1000, merk_tipe=merk, ukuran=cc, bahan="Besi",
                tanggal_perolehan=day, dasar_jenis=jenis, dasar_nomor=nomor, dasar_tanggal=tgl,
                no_rangka=f"MH1{r.randrange(10**13, 10**14)}", no_mesin=f"JM{r.randrange(10**8, 10**9)}",
                no_polisi=f"KT {r.randint(2001, 6999)} {r.choice(('AB', 'BC', 'CD', 'DA'))}",
                no_bpkb=f"{r.choice('NOPQ')}-{r.randrange(10**7, 10**8)}",
            ))  # fmt: skip
        return car_ids, motor_ids

    def office_goods(self, units: int) -> None:
        """KIB B goods bought over the years until ``units`` rows are recorded; batches of identical units share
        consecutive registers (R6); goods with factory numbers are recorded one by one."""
        r = self.rng
        weights = [k.weight for k in _KINDS]
        made = 0
        while made < units:
            kind = r.choices(_KINDS, weights)[0]
            tahun = r.randint(2010, self.today.year)
            day = _day(r, tahun, self.today)
            jenis, nomor, tgl = _kontrak(r, day, r.choice(("Kontrak", "SPK", "SP2D")))
            jumlah = min(r.randint(*kind.jumlah), units - made)
            merk = r.choice(kind.merk)
            harga = _rupiah(r, *kind.harga)
            room_kind = r.choice(kind.rooms)
            ruang = self.room(room_kind) if r.random() > 0.02 else None  # a few still wait for a room
            base = AssetInput(
                kind.kode, kind.nama, tahun, harga, spesifikasi=kind.spesifikasi, merk_tipe=merk, ukuran=kind.ukuran,
                bahan=kind.bahan, tanggal_perolehan=day, dasar_jenis=jenis, dasar_nomor=nomor, dasar_tanggal=tgl,
                ruang_id=ruang,
            )  # fmt: skip
            if kind.pabrik:
                for _ in range(jumlah):
                    serial = f"{kind.pabrik}{r.choice('ABCDEFGHJK')}{r.randrange(10**6, 10**7)}"
                    self.add(AssetInput(**{**base.__dict__, "no_pabrik": serial}))
            else:
                self.add(base, jumlah)
            made += jumlah


def _rooms(f: _Filler, cast: _Cast) -> None:
    existing = {room.kode: room.id for room in rooms.list_rooms(f.s, f.actor, include_inactive=True)}
    for kode_ruang, nama, lokasi, jabatan, kinds in _ROOMS:
        if kode_ruang not in existing:
            pj = cast.by_jabatan(jabatan)
            saved = rooms.save_room(f.s, f.actor, rooms.RoomData(
                kode=kode_ruang, nama=nama, lokasi=lokasi, pj_pegawai_id=pj.pegawai_id, pj_nama=pj.nama,
                pj_nip=pj.nip,
            ))  # fmt: skip
            existing[kode_ruang] = saved.id
            f.tally.ruang += 1
        f.rooms[kode_ruang] = existing[kode_ruang]
        for kind in kinds:
            f.kinds.setdefault(kind, []).append(existing[kode_ruang])


def _settings(session: Session, today: date, cast: _Cast) -> None:
    profile = office.get_profile(session)
    current = settings.get_settings(session)
    if current.kode_lokasi:
        return  # the pengurus barang's own settings stay
    kepala, pengurus = cast.by_jabatan("Kepala Dinas"), cast.by_jabatan("Pengurus Barang")
    settings.save_settings(session, SYSTEM, settings.AssetSettings(
        kode_lokasi=f"11.01.64.00.01.01.001.001.{today.year}", provinsi="Kalimantan Timur",
        kabupaten_kota="-", bidang="Perindustrian, Perdagangan, Koperasi dan UKM",
        unit_organisasi=profile.nama_dinas, sub_unit=profile.nama_dinas, upb=f"Sekretariat {profile.nama_dinas}",
        pengurus_pegawai_id=pengurus.pegawai_id, kepala_pegawai_id=kepala.pegawai_id,
    ))  # fmt: skip


def _history(f: _Filler, gedung: int, cars: list[int]) -> None:
    """What happened to the goods since: old goods broken, chairs moved, repairs (two capitalised, R26)."""
    r = f.rng
    older = [i for i, tahun in f.ids if tahun <= f.today.year - 5]
    for aset_id in r.sample(older, min(len(older), max(1, len(f.ids) // 12))):
        kondisi = 3 if r.random() < 0.3 else 2
        when = f.today - timedelta(days=r.randint(20, 400))
        items.set_condition(
            f.s, f.actor, aset_id, kondisi, tanggal=when, keterangan="Hasil pemeriksaan berkala"
        )
        f.tally.kondisi += 1
    rapat_kecil = f.rooms["R.13"]
    chairs = items.asset_ids(f.s, f.actor, AssetFilter(text="kursi rapat", ruang_id=f.rooms["R.12"]))
    moved = chairs[: max(1, len(chairs) // 3)]
    when = f.today - timedelta(days=21)
    f.tally.pindah += items.move_to_room(f.s, f.actor, moved, rapat_kecil, tanggal=when,
                                         keterangan="Ditambah untuk rapat koordinasi bidang")  # fmt: skip
    renovasi = date(max(2020, f.today.year - 3), 8, 14)
    kontrak = DocRef("Kontrak", f"027/0917/DP2KUKM-UM/{renovasi.year}", renovasi)
    items.record_maintenance(f.s, f.actor, gedung, tanggal=renovasi, nilai=1_620_000_000, kapitalisasi=True,
                             uraian="Rehabilitasi atap dan plafon Gedung A", doc=kontrak)  # fmt: skip
    f.tally.pemeliharaan += 1
    if cars:
        service = f.today - timedelta(days=r.randint(60, 200))
        items.record_maintenance(f.s, f.actor, cars[0], tanggal=service, nilai=38_500_000, kapitalisasi=True,
                                 uraian="Overhaul mesin dan ganti transmisi", doc=DocRef(
                                     "SPK", f"027/1408/DP2KUKM-UM/{service.year}", service))  # fmt: skip
        items.record_maintenance(f.s, f.actor, cars[-1], tanggal=service + timedelta(days=7), nilai=1_850_000,
                                 kapitalisasi=False, uraian="Servis berkala 40.000 km dan ganti oli")  # fmt: skip
        f.tally.pemeliharaan += 2


def _basts(ctx: AppContext, actor: Actor, today: date, cast: _Cast, cars: list[int], motors: list[int],
           rng: random.Random, tally: AssetTally) -> None:  # fmt: skip
    """A penerimaan of new goods, laptops handed to pegawai, vehicles held under pengamanan (all final, each
    printed once for its number), and two drafts waiting; the new goods' labels printed."""
    pengurus = cast.by_jabatan("Pengurus Barang")
    received_on = today - timedelta(days=45)
    while received_on.weekday() >= 5:
        received_on -= timedelta(days=1)

    def final(data: bast.BastInput) -> bast.BastInfo:
        with ctx.db.transaction() as s:
            saved = bast.save_draft(s, actor, data, today=today)
            bast.render_pdf(s, actor, saved.id, mark_printed=True)  # the printed copy is signed on paper
            done = bast.finalise(s, actor, saved.id, today=today)
        tally.bast_final += 1
        return done

    supplier = rng.choice(_SUPPLIERS)
    with ctx.db.transaction() as s:
        gudang = next(r.id for r in rooms.list_rooms(s, actor) if r.kode == "R.15")
    received = final(bast.BastInput(
        jenis="penerimaan", tanggal=received_on,
        **_bast_parties(Party("Hendra Gunawan", "", f"Direktur {supplier}"), pengurus),
        tujuan_ruang_id=gudang, dasar_jenis="BA Pemeriksaan", dasar_nomor=f"027/0588/PPHP/{received_on.year}",
        dasar_tanggal=received_on - timedelta(days=2), penyedia=supplier,
        barang_baru=(
            bast.NewGoodsLine("1.3.2.10.01.02.002", "Laptop", received_on.year, jumlah=3, harga_satuan=14_750_000,
                              merk_tipe="Lenovo ThinkPad E14 Gen 5", spesifikasi="Core i5, RAM 16 GB, SSD 512 GB"),
            bast.NewGoodsLine("1.3.2.05.02.01.030", "Kursi Rapat", received_on.year, jumlah=10,
                              harga_satuan=850_000, merk_tipe="Chitose Cupra"),
            bast.NewGoodsLine("1.3.2.05.02.04.004", "AC Split", received_on.year, jumlah=2, harga_satuan=6_450_000,
                              merk_tipe="Daikin FTKC35 1,5 PK"),
        ),
    ))  # fmt: skip
    tally.aset += sum(line.jumlah for line in received.lines)
    tally.golongan["B"] = tally.golongan.get("B", 0) + sum(line.jumlah for line in received.lines)
    with ctx.db.transaction() as s:
        new_ids = documents.label_ids_for_bast(s, actor, received.id)
        documents.labels_pdf(s, actor, new_ids, record=True)  # stuck on the goods; the PDF is not kept
        tally.label += len(new_ids)
        new_items = items.get_assets(s, actor, new_ids)
        laptops = [a.id for a in new_items if a.nama == "Laptop"]
        # The chairs go from the store to the meeting room they were bought for.
        rapat = next(r.id for r in rooms.list_rooms(s, actor) if r.kode == "R.12")
        chairs = [a.id for a in new_items if a.nama == "Kursi Rapat"]
        tally.pindah += items.move_to_room(s, actor, chairs, rapat, tanggal=received_on + timedelta(days=3),
                                           keterangan="Kursi baru ditempatkan di ruang rapat")  # fmt: skip
    handed = today - timedelta(days=30)
    while handed.weekday() >= 5:
        handed -= timedelta(days=1)
    people = cast.holders(rng, len(laptops), [pengurus])
    for laptop, person in list(zip(laptops, people, strict=False))[:2]:
        final(bast.BastInput(
            jenis="penyerahan", tanggal=handed, **_bast_parties(pengurus, person), aset_ids=(laptop,),
            tujuan_unit=person.jabatan, keterangan="Untuk menunjang tugas sehari-hari; dijaga dan dirawat.",
        ))  # fmt: skip
    kelengkapan = ("STNK", "Asli, berlaku sampai tahun depan"), ("Kunci", "2 buah")
    with ctx.db.transaction() as s:
        vehicles = items.get_assets(s, actor, (cars[:1] + motors[:1]))
    holders = [cast.by_jabatan("Kepala Bidang Perdagangan Dalam Negeri"), cast.by_jabatan("Pembina Industri")]
    for vehicle, holder in zip(vehicles, holders, strict=False):
        final(bast.BastInput(
            jenis="pengamanan", tanggal=handed, **_bast_parties(pengurus, holder), aset_ids=(vehicle.id,),
            kelengkapan=(("Nomor Polisi", vehicle.no_polisi), ("Nomor Rangka", vehicle.no_rangka),
                         ("Nomor Mesin", vehicle.no_mesin), ("Nomor BPKB", vehicle.no_bpkb), *kelengkapan),
            keterangan="Kendaraan dinas operasional; pajak dan servis berkala menjadi tanggung jawab pemegang.",
        ))  # fmt: skip
    # Two drafts wait: the third laptop's handover and a motorcycle coming back.
    with ctx.db.transaction() as s:
        if len(laptops) > 2 and len(people) > 2:
            bast.save_draft(s, actor, bast.BastInput(
                jenis="penyerahan", tanggal=today, **_bast_parties(pengurus, people[2]), aset_ids=(laptops[2],),
                tujuan_unit=people[2].jabatan,
            ), today=today)  # fmt: skip
            tally.bast_draft += 1
        if len(vehicles) > 1:
            bast.save_draft(s, actor, bast.BastInput(
                jenis="pengembalian", tanggal=today, **_bast_parties(holders[1], pengurus),
                aset_ids=(vehicles[1].id,), tujuan_ruang_id=gudang,
                keterangan="Pemegang dimutasi ke UPTD; kendaraan dikembalikan lengkap dengan kuncinya.",
            ), today=today)  # fmt: skip
            tally.bast_draft += 1


def _census(s: Session, actor: Actor, f: _Filler, today: date, rng: random.Random) -> None:
    """This semester's inventarisasi of everything, under way: the team has walked five rooms with the scanner
    (one item seen broken, one not found, one found that was never recorded); the other rooms wait."""
    started = today - timedelta(days=6)
    census = inventory.start(
        s, actor, f"Inventarisasi BMD Semester {1 if today.month <= 6 else 2} Tahun {today.year}", "semua",
        sk_nomor=f"032/{rng.randint(200, 900)}/DP2KUKM-UM/{today.year}", tanggal=started,
    )  # fmt: skip
    walked = [f.rooms[k] for k in ("R.01", "R.02", "R.03", "R.12", "R.21")]
    for ruang_id in walked:
        found = items.list_assets(s, actor, AssetFilter(ruang_id=ruang_id), limit=10_000)[0]
        for n, aset in enumerate(found):
            if n == 3 and ruang_id == walked[2]:
                continue  # not on the shelf where the KIR says: left unchecked, then marked below
            # One item broke since the last check: the team writes what it sees, the KIB waits for the follow-up.
            seen = 2 if ruang_id == walked[0] and n == len(found) // 2 and aset.kondisi == 1 else None
            inventory.check_scan(s, actor, census.id, aset.full_id, kondisi=seen, di_ruang=ruang_id)
    belum = inventory.lines(s, actor, census.id, inventory.LineFilter(keberadaan="", ruang_id=walked[2]))
    if belum:
        inventory.set_result(
            s, actor, belum[0].id, "tidak_ditemukan", catatan="Dicari di Gudang dan Ruang Arsip"
        )
    inventory.add_found(s, actor, census.id, walked[3], "1.3.2.05.02.06.014", "Microphone", "Shure SM58", 2,
                        catatan="Tanpa label; diduga pengadaan kegiatan bidang")  # fmt: skip


def fill_assets(
    ctx: AppContext, *, count: int = ASSETS_PER_400_LETTERS, seed: int = 2026, today: date | None = None
) -> AssetTally:
    """``count`` assets (about; the land, buildings and vehicles come whatever the count) of a provincial Dinas,
    entered through the asset services as the pengurus barang would: the asset settings (kode lokasi, header
    lines, signers), 25 rooms with their penanggung jawab from staff, three parcels (KIB A) with the buildings
    on them (KIB C) and the yard's roads and networks (KIB D), books and art (KIB E), a KDP (KIB F), vehicles
    with their numbers and KIB B goods bought 2010 until today in batches; a few broken, moved and repaired;
    BASTs final and draft; the new goods' labels printed; the KIR of three rooms printed; an inventarisasi under
    way.

    The same seed and day give the same goods. Skipped when the register already holds assets. Only a new or
    demo folder is filled (``demo_mark.claim_for_demo``)."""
    tally = AssetTally()
    if count <= 0:
        return tally
    rng = random.Random(seed)
    with ctx.db.transaction() as s:
        demo_mark.claim_for_demo(s)  # never into an office's own register
        kode.seed_reference(s)  # the shipped lists, when the start did not seed them yet
        reference.seed_reference(s)
        if items.list_assets(s, SYSTEM, AssetFilter(status=""), limit=1)[1]:
            return tally
        today = today or office.today(s)
        users = (
            [u for u in auth.list_users(s, SYSTEM) if u.role is Role.PENGURUS_BARANG]
            if auth.has_users(s)
            else []
        )
        actor = auth.actor_for(users[0]) if users else SYSTEM
        cast = _Cast(s, actor)
        _settings(s, today, cast)
        f = _Filler(s, actor, rng, today, tally)
        _rooms(f, cast)
        gedung, _ = f.land_and_buildings()
        scale = count / ASSETS_PER_400_LETTERS
        f.books_and_art(scale)
        cars, motors = f.vehicles(max(1, round(4 * scale)), max(2, round(6 * scale)))
        f.office_goods(max(0, count - tally.aset - 15))  # 15: what the penerimaan below brings
        _history(f, gedung, cars)
        tally.kode_pengguna = len(f.users)
    _basts(ctx, actor, today, cast, cars, motors, rng, tally)
    with ctx.db.transaction() as s:
        for kode_ruang in ("R.01", "R.03", "R.12"):
            # The demo's KIR of three rooms went to the office printer (the others wait, for the Beranda line).
            documents.record_kir_printed(
                s, actor, f.rooms[kode_ruang], Delivery(printer="Printer Subbag Umum")
            )
            tally.kir_dicetak += 1
    with ctx.db.transaction() as s:
        _census(s, actor, f, today, rng)
        tally.inventarisasi = True
    return tally
