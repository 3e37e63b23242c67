"""Opening a preview is not printing: every Barang print is built without an audit row, and its
``record_*`` function writes exactly one, naming the printer or the file it went to."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.admin import AuditEntry
from desktop.services.assets import bast, depreciation, documents, inventory, items, reports, rooms
from desktop.services.assets.bast import BastInput
from desktop.services.assets.items import AssetInput
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.common.printed import Delivery
from desktop.services.system import AppContext

TODAY = date(2026, 3, 2)
LAPTOP = "1.3.2.10.01.02.002"
KURSI = "1.3.2.05.02.01.004"
PRINTER = Delivery(printer="Epson_L3110", pages=2)


@dataclass(frozen=True)
class Goods:
    ruang: int
    laptop: int
    census: int
    bast: int


@pytest.fixture
def goods(office: AppContext, pengurus: Actor) -> Goods:
    """A room with a laptop and two chairs, a finished census of it and a BAST draft of the laptop."""
    with office.db.transaction() as s:
        ruang = rooms.save_room(s, pengurus, rooms.RoomData(kode="R.01", nama="Ruang Subbag Umum")).id
        laptop = items.create_assets(
            s, pengurus, AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, ruang_id=ruang), 1, today=TODAY
        ).assets[0]
        items.create_assets(s, pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000, ruang_id=ruang), 2,
                            today=TODAY)  # fmt: skip
        census = inventory.start(s, pengurus, "Sensus Ruang Umum", "ruang", ruang_id=ruang, tanggal=TODAY)
        for line in inventory.lines(s, pengurus, census.id):
            inventory.set_result(s, pengurus, line.id, "ada", kondisi=1)
        inventory.finish(s, pengurus, census.id, tanggal=TODAY)
        draft = bast.save_draft(
            s, pengurus,
            BastInput(jenis="penyerahan", tanggal=TODAY, pihak1_nama="Yohanes Lado", pihak2_nama="Rina Kartika",
                      tujuan_ruang_id=ruang, aset_ids=(laptop.id,)),
            None, today=TODAY,
        )  # fmt: skip
    return Goods(ruang=ruang, laptop=laptop.id, census=census.id, bast=draft.id)


def _audit_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


# Every PDF the module builds for a preview (the BAST's preview too: its numbered print is separate, R28).
BUILDERS: dict[str, Callable[[Session, Actor, Goods], bytes]] = {
    "kib": lambda s, a, g: documents.kib_pdf(s, a, "B", tanggal=TODAY),
    "kartu_barang": lambda s, a, g: documents.kartu_barang_pdf(s, a, g.laptop, tanggal=TODAY),
    "kir": lambda s, a, g: documents.kir_pdf(s, a, g.ruang),
    "label": lambda s, a, g: documents.labels_pdf(s, a, [g.laptop], record=False),
    "lki": lambda s, a, g: inventory.lki_pdf(s, a, g.census),
    "lhi": lambda s, a, g: inventory.lhi_pdf(s, a, g.census),
    "ba": lambda s, a, g: inventory.ba_pdf(s, a, g.census),
    "laporan": lambda s, a, g: reports.report_pdf(s, a, "laporan", 2026, 1),
    "penyusutan": lambda s, a, g: reports.penyusutan_pdf(s, a, depreciation.depreciation_rows(s, a, TODAY)),
    "bast_preview": lambda s, a, g: bast.render_pdf(s, a, g.bast, mark_printed=False),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_building_a_print_for_the_preview_records_nothing(
    office: AppContext, pimpinan: Actor, goods: Goods, name: str
) -> None:
    with office.db.transaction() as s:
        before = _audit_count(s)
        pdf = BUILDERS[name](s, pimpinan, goods)
        assert pdf.startswith(b"%PDF")
        assert _audit_count(s) == before


# Each real print's record function, and the audit row's entity, id and the words of its summary.
RECORDERS: dict[str, tuple[Callable[[Session, Actor, Goods, Delivery], None], str, str, str]] = {
    "kib": (
        lambda s, a, g, d: documents.record_kib_printed(s, a, "b", d, jenis="intra"),
        "kib", "B", "KIB B intrakomptabel",
    ),
    "kartu_barang": (
        lambda s, a, g, d: documents.record_kartu_barang_printed(s, a, g.laptop, d),
        "aset", "", "Kartu Barang 1.3.2.10.01.02.002.000001",
    ),
    "kir": (
        lambda s, a, g, d: documents.record_kir_printed(s, a, g.ruang, d, layout="47/2021", posted=True),
        "ruang", "", "KIR Ruang Subbag Umum (47/2021, ditempel di ruangan)",
    ),
    "lki": (
        lambda s, a, g, d: inventory.record_census_printed(s, a, g.census, "lki", d),
        "inventarisasi", "", "LKI Sensus Ruang Umum",
    ),
    "lhi": (
        lambda s, a, g, d: inventory.record_census_printed(s, a, g.census, "lhi", d),
        "inventarisasi", "", "LHI Sensus Ruang Umum",
    ),
    "ba": (
        lambda s, a, g, d: inventory.record_census_printed(s, a, g.census, "ba", d),
        "inventarisasi", "", "BA Hasil Inventarisasi Sensus Ruang Umum",
    ),
    "laporan": (
        lambda s, a, g, d: reports.record_report_printed(s, a, "mutasi", 2026, 1, d),
        "laporan_barang", "mutasi", "Laporan Mutasi Barang Periode 1 Januari 2026 s.d. 30 Juni 2026",
    ),
    "penyusutan": (
        lambda s, a, g, d: reports.record_penyusutan_printed(s, a, TODAY, "barang", d),
        "laporan_barang", "penyusutan_barang", "Penyusutan per Barang per 2 Maret 2026",
    ),
    "bast_copy": (
        lambda s, a, g, d: bast.record_preview_copy(s, a, g.bast, d),
        "bast", "", "BAST (draf",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(RECORDERS))
def test_a_real_print_is_recorded_once_with_where_it_went(
    office: AppContext, pimpinan: Actor, goods: Goods, tmp_path, name: str
) -> None:  # type: ignore[no-untyped-def]
    record, entity, entity_id, words = RECORDERS[name]
    saved = Delivery(path=str(tmp_path / "cetak.pdf"), pages=3)
    with office.db.transaction() as s:
        before = s.scalar(select(func.max(AuditEntry.id))) or 0
        record(s, pimpinan, goods, PRINTER)
        record(s, pimpinan, goods, saved)
        rows = s.scalars(select(AuditEntry).where(AuditEntry.id > before).order_by(AuditEntry.id)).all()
    assert [(r.action, r.entity) for r in rows] == [("cetak", entity)] * 2
    if entity_id:
        assert rows[0].entity_id == entity_id
    assert words in rows[0].summary and "dicetak ke printer Epson_L3110" in rows[0].summary
    assert words in rows[1].summary and "disimpan sebagai PDF cetak.pdf" in rows[1].summary
    assert json.loads(rows[0].after_json or "{}") == {"printer": "Epson_L3110", "halaman": 2}
    assert json.loads(rows[1].after_json or "{}")["berkas"] == saved.path
    assert {r.username for r in rows} == {pimpinan.username}


def test_a_saved_bast_copy_takes_no_number(
    office: AppContext, pengurus: Actor, goods: Goods, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with office.db.transaction() as s:
        bast.record_preview_copy(s, pengurus, goods.bast, Delivery(path=str(tmp_path / "b.pdf"), pages=1))
        info = bast.get_bast(s, pengurus, goods.bast)
    assert info.status == "draft" and not info.nomor and info.cetak_count == 0


def test_a_print_of_what_does_not_exist_is_refused(office: AppContext, pengurus: Actor, goods: Goods) -> None:
    with office.db.transaction() as s:
        with pytest.raises(ValidationError):
            documents.record_kib_printed(s, pengurus, "G", PRINTER)
        with pytest.raises(ValidationError):
            documents.record_kib_printed(s, pengurus, "B", PRINTER, jenis="semua")
        with pytest.raises(ValidationError):
            inventory.record_census_printed(s, pengurus, goods.census, "sk", PRINTER)
        with pytest.raises(ValidationError):
            reports.record_report_printed(s, pengurus, "neraca", 2026, 1, PRINTER)
