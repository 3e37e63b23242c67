"""The rule tables of Barang (R25-R27): offered the shipped defaults once per database, edited with checks and
audit; a table emptied on purpose stays empty."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, func, select

from desktop.core.assets.rules import DEFAULT_BANDS, DEFAULT_MASA_MANFAAT, DEFAULT_THRESHOLDS
from desktop.models.admin import AuditEntry, Setting
from desktop.models.assets import AmbangKapitalisasi, MasaManfaat, PitaPemeliharaan
from desktop.services import system
from desktop.services.assets import reference
from desktop.services.assets.reference import AmbangData, MasaManfaatData, PitaData
from desktop.services.common import seeding
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.system import AppContext

TABLES = (MasaManfaat, PitaPemeliharaan, AmbangKapitalisasi)


def _empty(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        for model in TABLES:
            s.query(model).delete()


def _counts(ctx: AppContext) -> tuple[int, int, int]:
    with ctx.db.transaction() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (MasaManfaat, PitaPemeliharaan, AmbangKapitalisasi)
        )


def _as_before_barang(ctx: AppContext) -> None:
    """The database as the first start of the Barang schema finds it: empty tables, never offered."""
    _empty(ctx)
    _forget_markers(ctx)


def _forget_markers(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        keys = [seeding.marker_key(m) for m in TABLES]
        s.execute(delete(Setting).where(Setting.key.in_(keys)))


DEFAULT_COUNTS = (len(DEFAULT_MASA_MANFAAT), len(DEFAULT_BANDS), len(DEFAULT_THRESHOLDS))


def test_the_first_start_offers_the_defaults_and_later_starts_add_nothing(office: AppContext) -> None:
    _as_before_barang(office)
    system.prepare(office)
    assert _counts(office) == DEFAULT_COUNTS
    with office.db.transaction() as s:
        masa = {r.kode_prefix: r.tahun for r in reference.list_masa_manfaat(s, SYSTEM)}
        assert masa["1.3.2.10"] == 4 and masa["1.3.3.01.01"] == 50 and masa["1.3.2.02.01"] == 7
        assert seeding.missing_markers(s, TABLES) == []
        # A second start (or a second workstation) adds nothing.
        assert reference.seed_reference(s) == 0
    system.prepare(office)
    assert _counts(office) == DEFAULT_COUNTS


SAVES = {
    "masa_manfaat": (0, reference.save_masa_manfaat),
    "pita": (1, reference.save_bands),
    "ambang": (2, reference.save_thresholds),
}


@pytest.mark.parametrize("table", list(SAVES))
def test_a_table_the_pengurus_emptied_stays_empty_across_starts(
    office: AppContext, pengurus: Actor, table: str
) -> None:
    """No threshold at all means every item is intrakomptabel: the next start must not bring the defaults back."""
    index, save = SAVES[table]
    with office.db.transaction() as s:
        save(s, pengurus, [])
    for _ in range(2):
        system.prepare(office)
        counts = _counts(office)
        assert counts[index] == 0
        # The other two tables keep what they held.
        assert [c for i, c in enumerate(counts) if i != index] == [
            c for i, c in enumerate(DEFAULT_COUNTS) if i != index
        ]


def test_an_edited_table_is_not_seeded_again(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s:
        reference.save_masa_manfaat(s, pengurus, [MasaManfaatData("1.3.2.10", "Komputer", 3)])
        reference.save_bands(s, pengurus, [])
    system.prepare(office)
    with office.db.transaction() as s:
        assert reference.list_masa_manfaat(s, pengurus) == [MasaManfaatData("1.3.2.10", "Komputer", 3)]
        assert reference.list_bands(s, pengurus) == []
        assert len(reference.list_thresholds(s, pengurus)) == len(DEFAULT_THRESHOLDS)


def test_a_database_seeded_by_the_previous_version_counts_as_seeded(
    office: AppContext, pengurus: Actor
) -> None:
    # The earlier code filled the tables at every start and wrote no marker.
    with office.db.transaction() as s:
        reference.save_masa_manfaat(s, pengurus, [MasaManfaatData("1.3.2.10", "Komputer", 3)])
    _forget_markers(office)
    system.prepare(office)
    with office.db.transaction() as s:
        assert seeding.missing_markers(s, TABLES) == []
        assert reference.list_masa_manfaat(s, pengurus) == [MasaManfaatData("1.3.2.10", "Komputer", 3)]
        reference.save_thresholds(s, pengurus, [])
    system.prepare(office)
    assert _counts(office) == (1, len(DEFAULT_BANDS), 0)


def test_an_emptied_table_does_not_make_every_start_take_the_write_lock(
    office: AppContext, pengurus: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office.db.transaction() as s:
        reference.save_thresholds(s, pengurus, [])
    runs: list[int] = []
    monkeypatch.setattr(reference, "seed_reference", lambda s: runs.append(1) or 0)
    system.prepare(office)
    assert runs == []


def test_restore_defaults_brings_back_the_shipped_tables_with_audit(
    office: AppContext, pengurus: Actor, pimpinan: Actor
) -> None:
    with office.db.transaction() as s:
        reference.save_thresholds(s, pengurus, [])
        reference.save_bands(s, pengurus, [])
        with pytest.raises(PermissionDenied):
            reference.restore_defaults(s, pimpinan)
    with office.db.transaction() as s:
        reference.restore_defaults(s, pengurus)
        assert reference.list_thresholds(s, pengurus) == sorted(
            reference.shipped_thresholds(), key=lambda a: (a.kode_prefix, a.mulai_tahun)
        )
        assert len(reference.list_bands(s, pengurus)) == len(DEFAULT_BANDS)
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "aset_ambang").order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.username == "barang"
    assert _counts(office) == DEFAULT_COUNTS


def test_two_workstations_seeding_a_new_shared_database_at_once(office: AppContext) -> None:
    _as_before_barang(office)
    first_inside = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with office.db.transaction() as s:
                reference.seed_reference(s)
                first_inside.set()
                release.wait(10)
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
            first_inside.set()

    def second() -> None:
        try:
            with office.db.transaction() as s:
                reference.seed_reference(s)
        except BaseException as exc:
            errors.append(exc)

    one = threading.Thread(target=first)
    one.start()
    assert first_inside.wait(10)
    two = threading.Thread(target=second)
    two.start()
    two.join(0.5)  # the second waits for the first's write (its lock, or its unique keys)
    release.set()
    one.join(20)
    two.join(20)
    assert errors == []
    assert _counts(office) == DEFAULT_COUNTS


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
