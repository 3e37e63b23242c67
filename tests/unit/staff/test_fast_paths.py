"""The value-only staff rules (the bulk schedule) give exactly the value of the explaining rules (the explain view).

Both run one implementation; these tests hold them to it over a varied, seeded set of pegawai: every golongan
ruang and spelling, TMTs on and off the 1st, MKG below, inside and past the pay-table columns, deferrals
(including invalid ones), every KP jenis and ijazah ceiling, birthdays on the 1st, 29th, 30th and 31st, CLTN.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.core.staff.kgb import KgbDeferral, kgb_berikut, kgb_berikut_value
from desktop.core.staff.kp import KpJenis, kp_berikut, kp_berikut_value
from desktop.core.staff.months import MasaKerja, add_months, days_in_month
from desktop.core.staff.pensiun import bup_reached_on, tmt_pensiun, tmt_pensiun_value
from desktop.core.staff.reference import normalize_golongan_ruang, seed_reference
from desktop.core.staff.satyalancana import karya_satya_berikut, karya_satya_berikut_value
from desktop.demo import sample_office
from desktop.services.common.permissions import SYSTEM
from desktop.services.staff import schedule
from desktop.services.staff.schedule import JenisJadwal
from desktop.services.system import AppContext

REF = seed_reference()
GOLONGAN = tuple(p.golongan_ruang for p in REF.pangkat)
STAFF = 1500


def _spelling(rng: random.Random, code: str) -> str:
    golongan, ruang = code.split("/")
    return rng.choice(
        (code, f"{golongan.lower()}-{ruang}", f"{golongan} {ruang.upper()}", f"{golongan}{ruang}")
    )


def _day(rng: random.Random, year: int, month: int) -> int:
    return rng.choice((1, 1, 1, rng.randint(2, 28), min(31, days_in_month(year, month))))


def _date(rng: random.Random, first: int, last: int) -> date:
    year, month = rng.randint(first, last), rng.randint(1, 12)
    return date(year, month, _day(rng, year, month))


def _outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, Any]:
    """The value, or the error an invalid record raises (both paths must refuse it the same way)."""
    try:
        return ("value", fn(*args, **kwargs))
    except ValueError as exc:
        return ("error", str(exc))


def _explained(fn: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: fn(*args, **kwargs).value


@pytest.fixture(scope="module")
def rng() -> random.Random:
    return random.Random(20260101)


def test_kgb_value_equals_explained_value(rng: random.Random) -> None:
    kinds = set()
    for _ in range(STAFF):
        golongan = _spelling(rng, rng.choice(GOLONGAN))
        tmt = _date(rng, 1985, 2026)
        mkg = MasaKerja(rng.randint(0, 34), rng.randint(0, 11))
        as_of = _date(rng, 2020, 2032)
        deferrals = []
        for _ in range(rng.choice((0, 0, 0, 1, 2))):
            on = add_months(tmt.replace(day=1), rng.randint(1, 60))
            deferrals.append(KgbDeferral(on, rng.choice((6, 12, 3, 0, 13))))
        kwargs: dict[str, Any] = {"as_of": as_of, "tables": REF.gaji, "deferrals": tuple(deferrals)}
        fast = _outcome(kgb_berikut_value, tmt, golongan, mkg, **kwargs)
        slow = _outcome(_explained(kgb_berikut), tmt, golongan, mkg, **kwargs)
        assert fast == slow, (golongan, tmt, mkg, as_of, deferrals)
        kinds.add(fast[0] if fast[0] == "error" else fast[1] is not None)
    assert kinds == {"error", True, False}  # the set reaches invalid records, steps and the last column


def test_kp_value_equals_explained_value(rng: random.Random) -> None:
    ijazah = (None, *REF.ijazah)
    kinds = set()
    for _ in range(STAFF):
        kwargs: dict[str, Any] = {
            "tmt_pangkat": _date(rng, 1990, 2026),
            "golongan_ruang": _spelling(rng, rng.choice(GOLONGAN)),
            "as_of": _date(rng, 2020, 2032),
            "periods": REF.kp_periods,
            "ladder": REF.pangkat,
            "jenis": rng.choice(tuple(KpJenis)),
            "ijazah": rng.choice(ijazah),
        }
        fast = _outcome(kp_berikut_value, **kwargs)
        slow = _outcome(_explained(kp_berikut), **kwargs)
        assert fast == slow, kwargs
        kinds.add(fast[1] is not None)
    assert kinds == {True, False}


def test_pensiun_value_equals_explained_value(rng: random.Random) -> None:
    rules = (*REF.bup, 56, 58, 60, 65)
    for _ in range(STAFF):
        lahir = _date(rng, 1960, 2002)
        if rng.random() < 0.05:
            lahir = date(rng.choice((1964, 1968, 1972, 1976)), 2, 29)
        bup = rng.choice(rules)
        assert tmt_pensiun_value(lahir, bup) == tmt_pensiun(lahir, bup).value, (lahir, bup)


def test_satyalancana_value_equals_explained_value(rng: random.Random) -> None:
    kinds = set()
    for _ in range(STAFF):
        tmt_cpns = _date(rng, 1985, 2025)
        as_of = _date(rng, 2020, 2032)
        cltn = rng.choice((0, 0, 0, rng.randint(1, 36)))
        fast = karya_satya_berikut_value(tmt_cpns, as_of, bulan_tidak_dihitung=cltn)
        assert fast == karya_satya_berikut(tmt_cpns, as_of, bulan_tidak_dihitung=cltn).value
        kinds.add(fast.tahun if fast else None)
    assert kinds == {10, 20, 30, None}


def test_faster_helpers_keep_their_results(rng: random.Random) -> None:
    """add_months, bup_reached_on and the golongan lookups were sped up for the bulk path; same answers."""

    def reference_add_months(d: date, n: int) -> date:
        year, month0 = divmod(d.year * 12 + d.month - 1 + n, 12)
        return date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))

    start = date(1999, 12, 1)
    for offset in range(0, 40 * 366, 7):
        d = start + timedelta(days=offset)
        n = rng.randint(-400, 400)
        assert add_months(d, n) == reference_add_months(d, n), (d, n)
    for year in range(1960, 2041):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    assert bup_reached_on(date(1968, 2, 29), 58) == date(2026, 2, 28)
    assert bup_reached_on(date(1968, 2, 29), 60) == date(2028, 2, 29)
    assert bup_reached_on(date(1970, 1, 31), 58) == date(2028, 1, 31)
    for code in GOLONGAN:
        assert normalize_golongan_ruang(code) == code
        assert normalize_golongan_ruang(code.lower().replace("/", " ")) == code
        above = REF.pangkat.next_above(code)
        rows = list(REF.pangkat)
        index = [p.golongan_ruang for p in rows].index(code)
        assert above == (rows[index + 1] if index + 1 < len(rows) else None)
    with pytest.raises(ValueError, match="Golongan ruang tidak dikenal"):
        normalize_golongan_ruang("V/a")


def test_every_schedule_item_explains_its_own_date(ctx: AppContext) -> None:
    """The schedule is built from the value-only rules; the explanation built later, when the clerk opens an
    item, arrives at the same date (KP: a period missed in the past explains the nearest period instead)."""
    sample_office.fill(ctx, letter_count=0, staff_count=30)
    as_of = date(2026, 3, 2)
    with ctx.db.transaction() as s:
        schedule.clear_cache()
        cold = schedule.schedule(s, SYSTEM, as_of, None)
        warm = schedule.schedule(s, SYSTEM, as_of, None)
    assert [(i.pegawai_id, i.jenis, i.tanggal, i.judul) for i in cold.items] == [
        (i.pegawai_id, i.jenis, i.tanggal, i.judul) for i in warm.items
    ]
    assert {i.jenis for i in cold.items} >= {JenisJadwal.KGB, JenisJadwal.KP, JenisJadwal.PENSIUN}
    for item in cold.items:
        value = item.derivation.value
        assert item.derivation.steps, item
        if item.jenis is JenisJadwal.KGB or item.pengganti_tanggal:
            # A KP stopped at the top of a jenjang or eselon is listed on the period it would have had.
            assert value.tmt == item.tanggal, item
        elif item.jenis is JenisJadwal.KP:
            assert value.tmt == item.tanggal if item.tanggal >= as_of else value.tmt >= as_of, item
        elif item.jenis is JenisJadwal.SATYALANCANA:
            assert value.tanggal == item.tanggal, item
        else:
            assert value == item.tanggal, item
