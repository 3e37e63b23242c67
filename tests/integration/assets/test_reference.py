"""The rule tables of Barang (R25-R27): seeded once from the shipped defaults, edited with checks and audit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.core.assets.rules import DEFAULT_BANDS, DEFAULT_MASA_MANFAAT, DEFAULT_THRESHOLDS
from desktop.models.admin import AuditEntry
from desktop.models.assets import AmbangKapitalisasi, MasaManfaat, PitaPemeliharaan
from desktop.services.assets import reference
from desktop.services.assets.reference import AmbangData, MasaManfaatData, PitaData
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.system import AppContext


def _empty(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        for model in (MasaManfaat, PitaPemeliharaan, AmbangKapitalisasi):
            s.query(model).delete()


def _counts(ctx: AppContext) -> tuple[int, int, int]:
    with ctx.db.transaction() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (MasaManfaat, PitaPemeliharaan, AmbangKapitalisasi)
        )


def test_seed_fills_each_empty_table_from_the_defaults_once(office: AppContext, pengurus: Actor) -> None:
    _empty(office)
    with office.db.transaction() as s:
        reference.seed_reference(s)
    assert _counts(office) == (len(DEFAULT_MASA_MANFAAT), len(DEFAULT_BANDS), len(DEFAULT_THRESHOLDS))
    with office.db.transaction() as s:
        masa = {r.kode_prefix: r.tahun for r in reference.list_masa_manfaat(s, pengurus)}
        assert masa["1.3.2.10"] == 4 and masa["1.3.3.01.01"] == 50 and masa["1.3.2.02.01"] == 7
        # A second start (or a second workstation) adds nothing.
        reference.seed_reference(s)
    assert _counts(office) == (len(DEFAULT_MASA_MANFAAT), len(DEFAULT_BANDS), len(DEFAULT_THRESHOLDS))


def test_an_edited_table_is_not_seeded_again(office: AppContext, pengurus: Actor) -> None:
    _empty(office)
    with office.db.transaction() as s:
        reference.save_masa_manfaat(s, pengurus, [MasaManfaatData("1.3.2.10", "Komputer", 3)])
        reference.seed_reference(s)
        assert reference.list_masa_manfaat(s, pengurus) == [MasaManfaatData("1.3.2.10", "Komputer", 3)]
        # The two other tables were empty, so they got their defaults.
        assert len(reference.list_bands(s, pengurus)) == len(DEFAULT_BANDS)


def test_seed_on_a_table_another_workstation_filled_meanwhile_does_not_fail(office: AppContext) -> None:
    _empty(office)
    with office.db.transaction() as s:
        s.add(MasaManfaat(kode_prefix="1.3.2.10", uraian="Komputer", tahun=4))
        s.flush()
        # As if the count had been read before the other workstation's insert: the conflicts are ignored.
        insert_ignoring_conflicts(
            s, MasaManfaat, [{"kode_prefix": r.prefix, "uraian": r.uraian, "tahun": r.tahun}
                             for r in DEFAULT_MASA_MANFAAT], ["kode_prefix"]
        )  # fmt: skip
    assert _counts(office)[0] == len(DEFAULT_MASA_MANFAAT)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([MasaManfaatData("1.3.x", "", 4)], "Baris 1: awalan kode"),
        ([MasaManfaatData("1.3.2.10", "", 0)], "1 sampai 100"),
        ([MasaManfaatData("1.3.2.10", "", 101)], "1 sampai 100"),
        (
            [MasaManfaatData("1.3.2", "", 5), MasaManfaatData("1.3.2", "", 4)],
            "Baris 2: awalan 1.3.2 sudah ada",
        ),
    ],
)
def test_masa_manfaat_rows_are_checked(
    office: AppContext, pengurus: Actor, rows: list[MasaManfaatData], message: str
) -> None:
    before = _counts(office)
    with pytest.raises(ValidationError, match=message), office.db.transaction() as s:
        reference.save_masa_manfaat(s, pengurus, rows)
    assert _counts(office) == before


def test_bands_must_be_ordered_without_overlap_per_prefix(office: AppContext, pengurus: Actor) -> None:
    good = [
        PitaData("1.3.2.10.01", 0, 25, 1),
        PitaData("1.3.2.10.01", 25, 50, 1),
        PitaData("1.3.2.10.01", 50, None, 2),
        PitaData("1.3.3.01.01", 0, 30, 5),  # another prefix may start at 0 again
    ]
    with office.db.transaction() as s:
        assert reference.save_bands(s, pengurus, good) == sorted(
            good, key=lambda b: (b.kode_prefix, b.batas_bawah)
        )
    for bad, message in (
        ([PitaData("1.3.2", 0, 30, 1), PitaData("1.3.2", 25, 50, 1)], "tumpang tindih: baris 1 dan baris 2"),
        ([PitaData("1.3.2", 0, None, 1), PitaData("1.3.2", 50, 75, 1)], "tumpang tindih"),
        ([PitaData("1.3.2", 30, 30, 1)], "harus lebih besar"),
        ([PitaData("1.3.2", 0, 1001, 1)], "0 sampai 1000"),
        ([PitaData("1.3.2", -1, 10, 1)], "0 sampai 1000"),
    ):
        with pytest.raises(ValidationError, match=message), office.db.transaction() as s:
            reference.save_bands(s, pengurus, bad)
    with office.db.transaction() as s:
        assert len(reference.list_bands(s, pengurus)) == 4


def test_thresholds_are_not_negative_and_saving_is_audited(office: AppContext, pengurus: Actor) -> None:
    with pytest.raises(ValidationError, match="0 sampai"), office.db.transaction() as s:
        reference.save_thresholds(s, pengurus, [AmbangData("1.3.2", 2000, -1)])
    with office.db.transaction() as s:
        saved = reference.save_thresholds(
            s,
            pengurus,
            [AmbangData(" 1.3.2 ", 2024, 2_000_000, "Perkada 2024"), AmbangData("1.3.2", 2000, 0)],
        )
        assert saved == [AmbangData("1.3.2", 2000, 0), AmbangData("1.3.2", 2024, 2_000_000, "Perkada 2024")]
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "aset_ambang").order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and "2 baris" in entry.summary


def test_only_the_pengurus_barang_edits_the_tables(office: AppContext, pimpinan: Actor) -> None:
    with pytest.raises(PermissionDenied), office.db.transaction() as s:
        reference.save_masa_manfaat(s, pimpinan, [MasaManfaatData("1.3.2.10", "", 4)])
    with office.db.transaction() as s:
        assert reference.list_thresholds(s, pimpinan) is not None  # reading is allowed
