"""KP stops at the top pangkat of a jenjang fungsional or an eselon (issue 12 item 7): the editable range table,
the rule, and the reason it gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.staff.kp import KpJenis, kp_berikut, kp_berikut_value, kp_ceiling, kp_conditions
from desktop.core.staff.reference import (
    JenisJenjang,
    JenjangPangkat,
    load_jenjang_pangkat,
    normalize_eselon,
    seed_reference,
)
from desktop.core.staff.skp import SkpPredikat

REF = seed_reference()
TMT = date(2021, 4, 1)  # the minimum time in the pangkat is met long before AS_OF for every kind of KP
AS_OF = date(2026, 1, 5)


def _kp(golongan: str, jenjang: JenjangPangkat | None, jenis: KpJenis = KpJenis.FUNGSIONAL):  # type: ignore[no-untyped-def]
    return kp_berikut(
        tmt_pangkat=TMT,
        golongan_ruang=golongan,
        as_of=AS_OF,
        periods=REF.kp_periods,
        ladder=REF.pangkat,
        jenis=jenis,
        jenjang=jenjang,
    )


def _fungsional(kode: str) -> JenjangPangkat:
    found = REF.jenjang.fungsional(kode)
    assert found is not None
    return found


def _eselon(kode: str) -> JenjangPangkat:
    found = REF.jenjang.eselon(kode)
    assert found is not None
    return found


def test_the_shipped_table_holds_every_jenjang_and_eselon_with_its_regulation() -> None:
    ranges = {(r.kode, r.golongan_terendah, r.golongan_tertinggi) for r in REF.jenjang}
    assert ranges == {
        ("pemula", "II/a", "II/a"),
        ("terampil", "II/b", "II/d"),
        ("mahir", "III/a", "III/b"),
        ("penyelia", "III/c", "III/d"),
        ("ahli_pertama", "III/a", "III/b"),
        ("ahli_muda", "III/c", "III/d"),
        ("ahli_madya", "IV/a", "IV/c"),
        ("ahli_utama", "IV/d", "IV/e"),
        ("I.a", "IV/d", "IV/e"),
        ("I.b", "IV/c", "IV/e"),
        ("II.a", "IV/c", "IV/d"),
        ("II.b", "IV/b", "IV/c"),
        ("III.a", "IV/a", "IV/b"),
        ("III.b", "III/d", "IV/a"),
        ("IV.a", "III/c", "III/d"),
        ("IV.b", "III/b", "III/c"),
        ("V.a", "III/a", "III/b"),
    }
    for row in REF.jenjang:
        assert row.dasar, row
        expected = "PP 100/2000" if row.jenis is JenisJenjang.ESELON else "PermenPANRB 1/2023"
        assert expected in row.dasar


@pytest.mark.parametrize(
    ("jenjang", "golongan"), [("ahli_pertama", "III/b"), ("ahli_muda", "III/d"), ("ahli_madya", "IV/c")]
)
def test_jf_at_the_top_of_the_jenjang_gets_no_kp_date_and_the_reason(jenjang: str, golongan: str) -> None:
    rule = _fungsional(jenjang)
    found = _kp(golongan, rule)
    assert found.value is None
    reason = found.steps[-1]
    assert f"Golongan {golongan} adalah pangkat tertinggi jenjang {rule.nama}" in reason
    assert "menurut PermenPANRB 1/2023" in reason
    assert "kenaikan jenjang jabatan fungsional" in reason
    # The bulk path agrees, and the board gets what to show instead of a date.
    kwargs = {"periods": REF.kp_periods, "ladder": REF.pangkat, "jenis": KpJenis.FUNGSIONAL, "jenjang": rule}
    assert kp_berikut_value(tmt_pangkat=TMT, golongan_ruang=golongan, as_of=AS_OF, **kwargs) is None  # type: ignore[arg-type]
    ceiling = kp_ceiling(tmt_pangkat=TMT, golongan_ruang=golongan, **kwargs)  # type: ignore[arg-type]
    assert ceiling is not None and ceiling.kebutuhan == "perlu kenaikan jenjang"
    # The KP period the minimum time (2 years for a KP fungsional) would have given.
    assert (ceiling.tmt_syarat, ceiling.tmt) == (date(2023, 4, 1), date(2023, 4, 1))


def test_jf_below_the_top_of_the_jenjang_still_gets_a_kp_date() -> None:
    found = _kp("III/c", _fungsional("ahli_muda"))
    assert found.value is not None
    assert (found.value.tmt, found.value.golongan_ruang_baru) == (date(2026, 2, 1), "III/d")
    assert any(
        "Pangkat jenjang Ahli Muda: Penata (III/c) sampai Penata Tingkat I (III/d)" in s for s in found.steps
    )
    assert (
        kp_ceiling(
            tmt_pangkat=TMT,
            golongan_ruang="III/c",
            periods=REF.kp_periods,
            ladder=REF.pangkat,
            jenis=KpJenis.FUNGSIONAL,
            jenjang=_fungsional("ahli_muda"),
        )
        is None
    )


@pytest.mark.parametrize(
    ("jenjang", "golongan"), [("pemula", "II/a"), ("terampil", "II/d"), ("penyelia", "III/d")]
)
def test_jf_keterampilan_stops_at_the_top_of_its_jenjang_too(jenjang: str, golongan: str) -> None:
    assert _kp(golongan, _fungsional(jenjang)).value is None
    assert _kp("II/b", _fungsional("terampil")).value is not None


def test_eselon_iv_a_at_iii_d_gets_no_kp_date_and_needs_an_eselon_promotion() -> None:
    rule = _eselon("IV.a")
    found = _kp("III/d", rule, KpJenis.STRUKTURAL)
    assert found.value is None
    assert (
        "Golongan III/d adalah pangkat tertinggi Eselon IV.a menurut PP 100/2000 jo. PP 13/2002"
        in found.steps[-1]
    )
    assert "promosi ke jabatan dengan eselon lebih tinggi" in found.steps[-1]
    ceiling = kp_ceiling(
        tmt_pangkat=TMT,
        golongan_ruang="III/d",
        periods=REF.kp_periods,
        ladder=REF.pangkat,
        jenis=KpJenis.STRUKTURAL,
        jenjang=rule,
    )
    assert ceiling is not None and ceiling.kebutuhan == "perlu promosi eselon"
    assert ceiling.tmt == date(2025, 4, 1)  # KP struktural: 4 years in the pangkat
    # Below the top of the eselon, and without an eselon (today's rule), the KP keeps its date.
    assert _kp("III/c", rule, KpJenis.STRUKTURAL).value is not None
    assert _kp("III/d", None, KpJenis.STRUKTURAL).value is not None


def test_a_pangkat_above_the_range_is_stopped_and_the_data_questioned() -> None:
    found = _kp("III/c", _fungsional("ahli_pertama"))
    assert found.value is None
    assert "di atas pangkat tertinggi jenjang Ahli Pertama (III/b)" in found.steps[-1]
    assert "periksa data jabatannya" in found.steps[-1]


def test_the_top_of_the_ladder_needs_no_jenjang_promotion() -> None:
    assert _kp("IV/e", _fungsional("ahli_utama")).value is None
    assert (
        kp_ceiling(
            tmt_pangkat=TMT,
            golongan_ruang="IV/e",
            periods=REF.kp_periods,
            ladder=REF.pangkat,
            jenis=KpJenis.FUNGSIONAL,
            jenjang=_fungsional("ahli_utama"),
        )
        is None
    )


def test_kp_conditions_name_the_jenjang_ceiling_as_unmet() -> None:
    skp = {2024: SkpPredikat.BAIK, 2025: SkpPredikat.BAIK}
    found = kp_conditions(
        KpJenis.FUNGSIONAL,
        tmt_pangkat=TMT,
        golongan_ruang="III/d",
        tmt_kp=date(2026, 2, 1),
        periods=REF.kp_periods,
        ladder=REF.pangkat,
        skp=skp,
        angka_kredit_terpenuhi=True,
        jenjang=_fungsional("ahli_muda"),
    ).value
    assert len(found.unmet) == 1 and "pangkat tertinggi jenjang Ahli Muda" in found.unmet[0]


@pytest.mark.parametrize("text", ["IV.a", "IV/a", "iva", "IV a", "Eselon IV-A", " iv.A "])
def test_eselon_is_found_in_the_spellings_offices_use(text: str) -> None:
    assert normalize_eselon(text) == "IV.a"
    assert _eselon(text).kode == "IV.a"


def test_unknown_jenjang_and_eselon_are_not_in_the_table() -> None:
    assert REF.jenjang.fungsional("") is None
    assert REF.jenjang.fungsional("pelaksana") is None
    assert REF.jenjang.eselon("") is None
    assert REF.jenjang.eselon("V.b") is None  # an eselon of the old PP 15/1994 list
    assert REF.jenjang.fungsional("Ahli Muda") == _fungsional("ahli_muda")


def test_an_edited_copy_of_the_table_changes_the_ceiling(tmp_path: Path) -> None:
    edited = tmp_path / "jenjang_pangkat.csv"
    edited.write_text(
        "jenis,kode,nama,golongan_terendah,golongan_tertinggi,dasar\n"
        "fungsional_keahlian,ahli_muda,Ahli Muda,III/c,IV/a,Peraturan contoh\n",
        encoding="utf-8",
    )
    table = load_jenjang_pangkat(edited)
    rule = table.fungsional("ahli_muda")
    assert rule is not None and rule.golongan_tertinggi == "IV/a"
    assert _kp("III/d", rule).value is not None
    blocked = _kp("IV/a", rule)
    assert blocked.value is None and "menurut Peraturan contoh" in blocked.steps[-1]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("jabatan,ahli_muda,Ahli Muda,III/c,III/d,", "jenis 'jabatan' tidak dikenal"),
        ("fungsional_keahlian,ahli_muda,Ahli Muda,III/d,III/c,", "golongan terendah III/d di atas"),
        ("fungsional_keahlian,ahli_muda,Ahli Muda,III/c,V/a,", "Golongan ruang tidak dikenal"),
        ("eselon,VI.x,Eselon VI,III/c,III/d,", "Eselon tidak dikenal"),
    ],
)
def test_a_bad_row_in_an_edited_table_is_refused_with_its_line(
    tmp_path: Path, row: str, message: str
) -> None:
    edited = tmp_path / "jenjang_pangkat.csv"
    edited.write_text(
        "jenis,kode,nama,golongan_terendah,golongan_tertinggi,dasar\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=message) as raised:
        load_jenjang_pangkat(edited)
    assert "jenjang_pangkat.csv baris 2" in str(raised.value)
