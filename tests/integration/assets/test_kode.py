"""The kode barang list (R1-R3): the shipped seed, the picker's search and tree, ensure_kode, on both engines."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest
from sqlalchemy import func, select

from desktop.models.admin import AuditEntry
from desktop.models.assets import KodeBarang
from desktop.services.assets import kode
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.system import AppContext

LAPTOP = "1.3.2.10.01.02.002"


def _seed_csv() -> list[dict[str, str]]:
    text = (files("desktop") / "resources" / "seed" / kode.SEED_FILE).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _count(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(KodeBarang)) or 0)


@pytest.fixture
def seeded(office: AppContext) -> AppContext:
    with office.db.transaction() as s:
        kode.seed_reference(s)
    return office


def test_seed_file_is_a_whole_tree_with_the_worked_example() -> None:
    rows = _seed_csv()
    codes = [r["kode"] for r in rows]
    assert len(codes) == len(set(codes))
    present = set(codes)
    for r in rows:
        segments = r["kode"].split(".")
        assert int(r["level"]) == len(segments)
        assert all(".".join(segments[:n]) in present for n in range(1, len(segments))), r["kode"]
    laptop = next(r for r in rows if r["kode"] == LAPTOP)
    assert (laptop["uraian"], laptop["golongan_kib"]) == ("Laptop", "B")
    # The structure reaches every KIB: vehicles, land, buildings, roads, ATL and KDP have their sub rincian.
    for prefix in ("1.3.1.01.01.01", "1.3.2.02.01.01", "1.3.3.01.01.01", "1.3.4.01.01.01", "1.3.5.01.01.01",
                   "1.3.6.01.01.01", "1.1.7.01.03.01", "1.5.3.01.01.05"):  # fmt: skip
        assert prefix in present


def test_seed_fills_the_table_once(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        kode.seed_reference(s)
    assert _count(ctx) == len(_seed_csv())
    with ctx.db.transaction() as s:
        assert kode.seed_reference(s) == 0
    assert _count(ctx) == len(_seed_csv())


def test_seed_rows_already_there_are_skipped_not_refused(ctx: AppContext) -> None:
    """A second workstation starting at the same moment finds part of the list written: no error, no double."""
    rows = kode.load_seed_rows()
    with ctx.db.transaction() as s:
        s.query(KodeBarang).delete()
        insert_ignoring_conflicts(s, KodeBarang, rows[:700], ["kode"])
    with ctx.db.transaction() as s:
        insert_ignoring_conflicts(s, KodeBarang, rows, ["kode"])
    assert _count(ctx) == len(rows)


def test_laptop_path_and_children(seeded: AppContext) -> None:
    with seeded.db.transaction() as s:
        info = kode.get_kode(s, LAPTOP)
        assert info is not None
        assert (info.uraian, info.level, info.golongan, info.sumber) == ("Laptop", 7, "B", "seed")
        assert info.path == "PERALATAN DAN MESIN › KOMPUTER › KOMPUTER UNIT › PERSONAL KOMPUTER"
        # SIMDA's 3-digit form names the same code.
        same = kode.get_kode(s, "1.3.2.10.001.002.002")
        assert same is not None and same.kode == LAPTOP
        assert kode.get_kode(s, "1.3.2.10.01.02.950") is None
        assert kode.get_kode(s, "bukan kode") is None
        assert [c.kode for c in kode.children(s)] == ["1"]
        units = kode.children(s, "1.3.2.10.01")
        assert [c.kode for c in units] == ["1.3.2.10.01.01", "1.3.2.10.01.02", "1.3.2.10.01.03"]
        assert LAPTOP in [c.kode for c in kode.children(s, "1.3.2.10.01.02")]
        assert {c.golongan for c in kode.children(s, "1.3")} >= {"A", "B", "C", "D", "E", "F"}


def test_search_by_words(seeded: AppContext, pimpinan: Actor) -> None:
    with seeded.db.transaction() as s:
        laptop = kode.search_kode(s, pimpinan, "laptop")
        assert LAPTOP in [r.kode for r in laptop]
        assert all(r.level == 7 for r in laptop)
        chairs = kode.search_kode(s, pimpinan, "KURSI  kayu")
        assert chairs and all(
            "kursi" in r.uraian.casefold() and "kayu" in r.uraian.casefold() for r in chairs
        )
        assert "1.3.2.05.02.01.004" in [r.kode for r in chairs]
        # Punctuation is no word: "besi metal" finds "Lemari Besi/Metal".
        assert any("Besi/Metal" in r.uraian for r in kode.search_kode(s, pimpinan, "lemari besi metal"))
        # Upper levels only when asked, after the level-7 codes.
        mixed = kode.search_kode(s, pimpinan, "komputer", level7_only=False, limit=500)
        levels = [r.level for r in mixed]
        assert 6 in levels and levels == sorted(levels, key=lambda n: n != 7)
        assert kode.search_kode(s, pimpinan, "   ") == []
        assert kode.search_kode(s, pimpinan, "%") == []


@pytest.mark.parametrize("typed", ["1.3.2.10.01.02", "1.3.2.10.001.002", "13210010", "1.3.2.10.01.0"])
def test_search_by_code_prefix(seeded: AppContext, pimpinan: Actor, typed: str) -> None:
    with seeded.db.transaction() as s:
        found = kode.search_kode(s, pimpinan, typed)
    assert found and all(r.kode.startswith("1.3.2.10.01.0") for r in found)
    assert LAPTOP in [r.kode for r in found]
    assert [r.kode for r in found] == sorted(r.kode for r in found)


def test_code_prefix_reads_what_clerks_type() -> None:
    assert kode.code_prefix("1.3.2.1") == "1.3.2.1"
    assert kode.code_prefix("13210") == "1.3.2.10"
    assert kode.code_prefix(" 1.3.2.05.001.004.001 ") == "1.3.2.05.01.04.001"
    assert kode.code_prefix("1.3.2.5.01") is None  # a finished segment of the wrong width
    assert kode.code_prefix("kursi") is None
    assert kode.code_prefix("") is None


def test_ensure_kode_known_code(seeded: AppContext, pengurus: Actor) -> None:
    with seeded.db.transaction() as s:
        info, warning = kode.ensure_kode(s, pengurus, "1.3.2.10.001.002.002", "Laptop Asus")
    assert (info.kode, info.uraian, warning) == (LAPTOP, "Laptop", None)


def test_ensure_kode_keeps_an_unknown_well_formed_code(seeded: AppContext, pengurus: Actor) -> None:
    before = _count(seeded)
    with seeded.db.transaction() as s:
        info, warning = kode.ensure_kode(s, pengurus, "1.3.2.02.01.01.950", "  Jeep   Dinas ")
    assert (info.kode, info.uraian, info.level, info.golongan, info.sumber) == (
        "1.3.2.02.01.01.950", "Jeep Dinas", 7, "B", "pengguna",
    )  # fmt: skip
    assert warning is not None and "kode pengguna" in warning and "1.3.2.02.01.01.950" in warning
    assert info.path.endswith("KENDARAAN DINAS BERMOTOR PERORANGAN")
    assert _count(seeded) == before + 1
    with seeded.db.transaction() as s:
        audited = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "kode_barang")
        )
        assert audited == 1
        # The second item with that code finds it in the list: no warning, no second row.
        again, second = kode.ensure_kode(s, pengurus, "1.3.2.02.01.01.950", "Jeep lain")
        assert (again.uraian, second) == ("Jeep Dinas", None)
        assert [r.kode for r in kode.search_kode(s, pengurus, "jeep dinas")] == ["1.3.2.02.01.01.950"]
    assert _count(seeded) == before + 1


def test_ensure_kode_warns_when_the_parent_is_missing_too(seeded: AppContext, pengurus: Actor) -> None:
    with seeded.db.transaction() as s:
        info, warning = kode.ensure_kode(s, pengurus, "1.3.2.02.01.77.001", "Kendaraan khusus")
    assert info.golongan == "B"
    assert warning is not None and "1.3.2.02.01.77" in warning


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1.3.2.10.01.02", "sub rincian objek"),  # level 6: not assignable
        ("1.3.2", "jenis"),
        ("1.3.2.10.1.2.2", "2 digit"),
        ("1.3.2.10.01.02.0002", "3 digit"),
        ("laptop", "harus angka"),
        ("", "kosong"),
    ],
)
def test_ensure_kode_refuses_malformed_or_upper_level_codes(
    seeded: AppContext, pengurus: Actor, typed: str, words: str
) -> None:
    before = _count(seeded)
    with seeded.db.transaction() as s, pytest.raises(ValidationError) as caught:
        kode.ensure_kode(s, pengurus, typed, "Laptop")
    assert words in str(caught.value)
    assert caught.value.field == "kode_barang"
    assert _count(seeded) == before


def test_reading_is_open_writing_a_user_code_is_not(seeded: AppContext, pimpinan: Actor) -> None:
    with seeded.db.transaction() as s:
        info, warning = kode.ensure_kode(s, pimpinan, LAPTOP, "Laptop")
        assert warning is None and info.kode == LAPTOP
        with pytest.raises(PermissionDenied):
            kode.ensure_kode(s, pimpinan, "1.3.2.10.01.02.998", "Laptop baru")
