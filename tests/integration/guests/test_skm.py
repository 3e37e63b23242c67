"""SKM through the services and the ``skm`` command: import of a form export, the IKM report (guests.md R19-R25)."""

from __future__ import annotations

import argparse
import csv
import threading
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.cli import skm as skm_cli
from desktop.core import clock
from desktop.models.admin import AuditEntry
from desktop.models.guests import SurveyResponse, Visit
from desktop.services.common import office
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.import_log import AlreadyImported
from desktop.services.common.permissions import SYSTEM, Actor, Role
from desktop.services.guests import skm, skm_import
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
# The published worked example (guests.md R21): 29 respondents, these sums per unsur.
SUMS = (105, 101, 100, 116, 102, 105, 106, 105, 115)
RESPONDENTS = 29
# The answer labels of R19, written out here rather than taken from the code under test.
LABELS = (
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ("Buruk", "Cukup", "Baik", "Sangat baik"),
)
HEADERS = [
    "Timestamp",
    "Jenis Kelamin",
    "Usia",
    "Pendidikan",
    "Pekerjaan",
    "U1. Persyaratan",
    "U2. Prosedur",
    "U3. Waktu penyelesaian",
    "U4. Biaya/tarif",
    "U5. Produk",
    "U6. Kompetensi pelaksana",
    "U7. Perilaku pelaksana",
    "U8. Penanganan pengaduan",
    "U9. Sarana dan prasarana",
    "Saran",
]
HUMAS = Actor(user_id=None, username="humas", role=Role.PETUGAS_TAMU, full_name="Staf Humas")
NOW = datetime(2026, 7, 1, 9, 0, tzinfo=WITA)


@pytest.fixture
def office_ctx(ctx: AppContext) -> AppContext:
    """A migrated database with the office in WITA and nothing else: no demo data to shift the counts."""
    with ctx.db.transaction() as s:
        office.save_profile(
            s,
            SYSTEM,
            office.OfficeProfileData(
                nama_pemda="Pemerintah Provinsi Kalimantan Timur",
                nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
                alamat="Jl. Kesuma Bangsa No. 1",
                kota="Samarinda",
                zona_waktu="WITA",
            ),
        )
    clock.fix(NOW)
    return ctx


def _columns(sums: tuple[int, ...], count: int) -> list[list[int]]:
    """Per unsur, ``count`` answers 3 or 4 adding up to its sum (every sum here lies in 3n..4n)."""
    columns = []
    for total in sums:
        fours = total - 3 * count
        assert 0 <= fours <= count
        columns.append([4] * fours + [3] * (count - fours))
    return columns


def _answer_text(unsur: int, value: int, row: int) -> str:
    form = (row + unsur) % 4
    if form == 0:
        return str(value)
    if form == 1:
        return "abcd"[value - 1]
    if form == 2:
        return LABELS[unsur][value - 1]
    return LABELS[unsur][value - 1].upper()  # any case


def _write_csv(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def _worked_example_rows(stamp: str = "02/03/2026 09:15:30") -> list[list[str]]:
    columns = _columns(SUMS, RESPONDENTS)
    rows = []
    for r in range(RESPONDENTS):
        answers = [_answer_text(i, columns[i][r], r) for i in range(9)]
        rows.append([stamp, "L" if r % 2 else "Perempuan", str(20 + r), "S1", "PNS", *answers, ""])
    return rows


def _half_up(value: Fraction, places: int) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _grade(value: Decimal) -> str:
    if value < Decimal("65.00"):
        return "D"
    if value <= Decimal("76.60"):
        return "C"
    if value <= Decimal("88.30"):
        return "B"
    return "A"


def _parser() -> argparse.ArgumentParser:
    """The global options of ``sekretariat`` plus the ``skm`` group from its own ``add_parser`` (the lead wires
    it into desktop/modules.py; these tests do not depend on that)."""
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    skm_cli.add_parser(sub)
    return parser


def _run(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    return skm_cli.run(_parser().parse_args([*prefix, "skm", *argv]))


def _count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0)


def _import(ctx: AppContext, path: Path, **kw: object) -> skm_import.SkmImportResult:
    table = skm_import.read_table(path)
    with ctx.db.transaction() as s:
        plan = skm_import.validate_responses(s, HUMAS, table, **kw)  # type: ignore[arg-type]
        return skm_import.import_responses(s, HUMAS, plan)


# --- the worked example end to end --------------------------------------------------------------------------


def test_worked_example_import_then_report_csv_is_the_contract(
    office_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = office_ctx
    source = _write_csv(tmp_path / "skm.csv", HEADERS, _worked_example_rows())
    assert _run(ctx, "import", str(source)) == 0
    assert "29 responden SKM diimpor dari skm.csv." in capsys.readouterr().out
    with ctx.db.read() as s:
        stored = s.scalars(select(SurveyResponse)).all()
        assert {r.sumber for r in stored} == {"impor"}
        assert all(r.imported_file_id is not None for r in stored)
        assert {(r.tanggal, r.jam) for r in stored} == {(date(2026, 3, 2), "09:15")}

    out = tmp_path / "ikm.csv"
    assert _run(ctx, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--out", str(out)) == 0
    printed = capsys.readouterr().out
    assert "91.48 (A)" in printed

    expected = ["unsur,responden,jumlah,nrr,nilai,mutu"]
    nrrs = []
    for i, total in enumerate(SUMS, start=1):
        nrr = Fraction(total, RESPONDENTS)
        nrrs.append(nrr)
        nilai = _half_up(nrr * 25, 2)
        expected.append(f"U{i},{RESPONDENTS},{total},{_half_up(nrr, 4)},{nilai},{_grade(nilai)}")
    index = sum(nrrs, Fraction(0)) / 9
    expected.append(f"IKM,{RESPONDENTS},,{_half_up(index, 4)},{_half_up(index * 25, 2)},A")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == expected
    # The published figures themselves, so the expectations above cannot drift with them.
    assert lines[3] == "U3,29,100,3.4483,86.21,B"
    assert lines[-1] == "IKM,29,,3.6590,91.48,A"

    with ctx.db.read() as s:
        rep = skm.report(s, HUMAS, date(2026, 1, 1), date(2026, 6, 30))
        assert rep.lowest == ("U3",)
        assert rep.periode == "2026-S1" and rep.periode_label == "Semester I 2026"
        assert [r.unsur for r in skm.suggest_rtl(rep)] == ["U3", "U2", "U5"]  # lowest first
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "skm")).all()
    assert sorted(audited) == ["ekspor", "impor"]


def test_bobot_0_11_gives_the_legacy_figure(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    _import(ctx, _write_csv(tmp_path / "skm.csv", HEADERS, _worked_example_rows()))
    out = tmp_path / "ikm.csv"
    assert (
        _run(
            ctx, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out), "--bobot", "0,11"
        )
        == 0
    )
    last = out.read_text(encoding="utf-8").splitlines()[-1]
    assert last.split(",")[4] == "90.56"
    with ctx.db.read() as s:
        assert skm.report(s, HUMAS, date(2026, 3, 1), date(2026, 3, 31)).skm == Decimal("91.48")


def test_a_blank_answer_drops_only_that_unsur(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    rows = [
        ["02/03/2026 09:00:00", "", "", "", "", "4", "4", "", "4", "4", "4", "4", "4", "4", ""],
        ["02/03/2026 09:05:00", "", "", "", "", "2", "2", "2", "2", "2", "2", "2", "2", "2", ""],
    ]
    _import(ctx, _write_csv(tmp_path / "skm.csv", HEADERS, rows))
    with ctx.db.read() as s:
        rep = skm.report(s, HUMAS, date(2026, 3, 1), date(2026, 3, 31))
    by_kode = {r.kode: r for r in rep.unsur}
    assert (by_kode["U3"].responden, by_kode["U3"].jumlah, by_kode["U3"].nrr) == (1, 2, Fraction(2))
    assert (by_kode["U1"].responden, by_kode["U1"].nrr) == (2, Fraction(3))
    assert rep.responden == 2
    assert rep.lowest == ("U3",)


def test_the_three_date_time_forms_and_an_xlsx_cell(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    answers = ["3"] * 9
    rows = [
        ["02/03/2026 14:05:09", *answers],
        ["2026-03-03 08:30:00", *answers],
        ["2026/03/04 9:15:30 AM GMT+8", *answers],  # WITA is GMT+8: unchanged
        ["2026/03/04 11:30:00 PM GMT+7", *answers],  # 23.30 WIB is 00.30 WITA the next day
        ["2026/03/06 12:10:00 PM GMT+8", *answers],
    ]
    headers = ["Cap waktu", *[f"U{i}" for i in range(1, 10)]]
    _import(ctx, _write_csv(tmp_path / "skm.csv", headers, rows))
    book = Workbook()
    sheet = book.active
    sheet.append(["Tanggal", *[f"U{i}" for i in range(1, 10)]])
    sheet.append([datetime(2026, 3, 7, 10, 45), *[4] * 9])
    book.save(tmp_path / "skm.xlsx")
    _import(ctx, tmp_path / "skm.xlsx")
    with ctx.db.read() as s:
        got = sorted((r.tanggal.isoformat(), r.jam) for r in s.scalars(select(SurveyResponse)))
    assert got == [
        ("2026-03-02", "14:05"),
        ("2026-03-03", "08:30"),
        ("2026-03-04", "09:15"),
        ("2026-03-05", "00:30"),
        ("2026-03-06", "12:10"),
        ("2026-03-07", "10:45"),
    ]


def test_bad_rows_are_named_by_line_and_nothing_is_imported(
    office_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = office_ctx
    headers = ["Timestamp", *[f"U{i}" for i in range(1, 10)]]
    rows = [
        ["02/03/2026 09:00:00", *["3"] * 9],
        ["31/02/2026 09:00:00", *["3"] * 9],
        ["02/03/2026 09:00:00", "5", *["3"] * 8],
        ["02/03/2026 09:00:00", *["e"] * 1, *["3"] * 8],
    ]
    path = _write_csv(tmp_path / "skm.csv", headers, rows)
    assert _run(ctx, "import", str(path)) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["baris 3", "baris 4", "baris 5"]
    assert "U1 Persyaratan" in err[1]
    assert _count(ctx) == 0
    assert _run(ctx, "import", str(path), "--skip-invalid") == 0
    assert "1 responden SKM diimpor dari skm.csv; 3 baris tidak valid dilewati." in capsys.readouterr().out
    assert _count(ctx) == 1


def test_an_unknown_header_is_refused_by_name_until_mapped_or_ignored(
    office_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = office_ctx
    headers = ["Timestamp", *[f"U{i}" for i in range(1, 9)], "Kenyamanan ruang tunggu", "Alamat email"]
    rows = [["02/03/2026 09:00:00", *["3"] * 8, "Baik", "a@contoh.id"]]
    path = _write_csv(tmp_path / "skm.csv", headers, rows)
    assert _run(ctx, "import", str(path)) == 1
    err = capsys.readouterr().err
    assert "\u201cKenyamanan ruang tunggu\u201d" in err and "\u201cAlamat email\u201d" in err
    assert _count(ctx) == 0
    assert (
        _run(ctx, "import", str(path), "--map", "Kenyamanan ruang tunggu=U9", "--ignore", "alamat email") == 0
    )
    with ctx.db.read() as s:
        assert s.scalar(select(SurveyResponse.u9)) == 3  # "Baik" read with U9's labels


def test_an_ambiguous_header_is_refused_with_its_name(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    headers = ["Timestamp", "U1 Persyaratan", "Pertanyaan U1 (ulang)", *[f"U{i}" for i in range(2, 10)]]
    path = _write_csv(tmp_path / "skm.csv", headers, [["02/03/2026 09:00:00", *["3"] * 10]])
    table = skm_import.read_table(path)
    with ctx.db.read() as s, pytest.raises(ValidationError) as refused:
        skm_import.validate_responses(s, HUMAS, table)
    assert "\u201cU1 Persyaratan\u201d" in str(refused.value) and "\u201cPertanyaan U1 (ulang)\u201d" in str(
        refused.value
    )
    # One header naming two unsur is as unclear as two headers naming one.
    path = _write_csv(
        tmp_path / "dua.csv",
        ["Timestamp", "U1/U5 Persyaratan dan produk", *[f"U{i}" for i in (2, 3, 4, 6, 7, 8, 9)]],
        [["02/03/2026 09:00:00", *["3"] * 8]],
    )
    with ctx.db.read() as s, pytest.raises(ValidationError, match="U1/U5 Persyaratan dan produk"):
        skm_import.validate_responses(s, HUMAS, skm_import.read_table(path))
    # Settled by hand, the file imports.
    result = _import(ctx, tmp_path / "skm.csv", mapping={"Pertanyaan U1 (ulang)": None})
    assert result.imported == 1


def test_headers_by_unsur_name_and_by_the_question_text(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    headers = [
        "Waktu",
        "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "Sistem, mekanisme, dan prosedur",
        "Waktu penyelesaian",
        "Biaya/tarif",
        "Produk spesifikasi jenis pelayanan",
        "Kompetensi pelaksana",
        "Perilaku pelaksana",
        "Penanganan pengaduan, saran, dan masukan",
        "Sarana dan prasarana",
        "U10 Lain-lain",
    ]
    path = _write_csv(tmp_path / "skm.csv", headers, [["2026-03-02 10:00:00", *["4"] * 9, "x"]])
    table = skm_import.read_table(path)
    with ctx.db.read() as s:
        plan = skm_import.validate_responses(s, HUMAS, table)
    assert [plan.mapping[h] for h in headers] == ["waktu", *[f"U{i}" for i in range(1, 10)], None]
    assert plan.unmapped == ["U10 Lain-lain"]  # "U10" is not U1


def test_the_same_file_twice_is_noticed(
    office_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = office_ctx
    path = _write_csv(tmp_path / "skm.csv", HEADERS, _worked_example_rows())
    assert _run(ctx, "import", str(path)) == 0
    assert _run(ctx, "import", str(path)) == 1
    assert "sudah pernah diimpor" in capsys.readouterr().err
    assert _count(ctx) == RESPONDENTS
    with pytest.raises(AlreadyImported):
        _import(ctx, path)


# --- answers from the kiosk and the phone -------------------------------------------------------------------


def _visit(ctx: AppContext, token: str | None = None, **kw: object) -> None:
    values: dict[str, object] = {
        "tanggal": date(2026, 3, 2),
        "status": "selesai",
        "nama": "Tamu",
        "keperluan": "Audiensi",
        "tujuan": "Sekretariat",
        "datang_at": datetime(2026, 3, 2, 8, 0, tzinfo=WITA),
        "survei_token": token,
    }
    values.update(kw)
    with ctx.db.transaction() as s:
        s.add(Visit(**values))


def test_submit_stores_an_anonymous_answer_dated_in_office_time(office_ctx: AppContext) -> None:
    ctx = office_ctx
    with clock.fixed(datetime(2026, 3, 2, 16, 30, tzinfo=ZoneInfo("UTC"))), ctx.db.transaction() as s:
        skm.submit(s, skm.SurveyAnswer((4, 3, None, 4, 4, 4, 4, 4, 4), jenis_kelamin="P"), sumber="kiosk")
    with ctx.db.read() as s:
        row = s.scalars(select(SurveyResponse)).one()
    assert (row.tanggal, row.jam, row.sumber, row.u3) == (date(2026, 3, 3), "00:30", "kiosk", None)
    with ctx.db.transaction() as s:
        for bad in (
            skm.SurveyAnswer((None,) * 9),
            skm.SurveyAnswer((5,) + (3,) * 8),
            skm.SurveyAnswer((3,) * 9, pendidikan="SLTA"),
        ):
            with pytest.raises(ValidationError):
                skm.submit(s, bad, sumber="kiosk")


def test_the_same_token_is_refused_the_second_time(office_ctx: AppContext) -> None:
    ctx = office_ctx
    _visit(ctx, "tok-satu")
    answer = skm.SurveyAnswer((3,) * 9)
    with ctx.db.read() as s:
        assert skm.token_state(s, "tok-satu") == "baru"
        assert skm.token_state(s, "tidak-ada") == "tidak_dikenal"
    with ctx.db.transaction() as s:
        skm.submit(s, answer, sumber="ponsel", token="tok-satu")
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="sudah diisi"):
        skm.submit(s, answer, sumber="ponsel", token="tok-satu")
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="tidak dikenal"):
        skm.submit(s, answer, sumber="ponsel", token="tidak-ada")
    with ctx.db.read() as s:
        assert skm.token_state(s, "tok-satu") == "dipakai"
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 1
        columns = set(SurveyResponse.__table__.columns.keys())
    assert not {"survei_token", "kunjungan_id", "tamu_id", "token"} & columns


def test_two_phones_racing_with_one_token_count_once(office_ctx: AppContext) -> None:
    ctx = office_ctx
    _visit(ctx, "tok-balapan")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def phone() -> None:
        start.wait()
        try:
            with ctx.db.transaction() as s:
                skm.submit(s, skm.SurveyAnswer((4,) * 9), sumber="ponsel", token="tok-balapan")
            outcomes.append("diterima")
        except ValidationError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=phone) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["Survei untuk kunjungan ini sudah diisi.", "diterima"]
    assert _count(ctx) == 1


# --- sample size, permissions, periods, RTL, files ---------------------------------------------------------


def test_sample_warning_uses_people_served_from_visits(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    _visit(ctx)
    _visit(ctx, jumlah_orang=5)  # a group: five people served
    _visit(ctx, status="menunggu")  # came in, still waiting: served
    _visit(ctx, status="batal")
    _visit(ctx, status="tidak_hadir", datang_at=None)
    _visit(ctx, status="pra_registrasi", datang_at=None)
    _visit(ctx, tanggal=date(2026, 7, 1))  # outside the period
    with ctx.db.transaction() as s:
        skm.submit(s, skm.SurveyAnswer((3,) * 9), sumber="kiosk")  # 1 July: outside too
        for _ in range(2):
            s.add(
                SurveyResponse(
                    tanggal=date(2026, 3, 2), sumber="manual", **{f"u{i}": 4 for i in range(1, 10)}
                )
            )
    with ctx.db.read() as s:
        rep = skm.report(s, HUMAS, date(2026, 1, 1), date(2026, 6, 30))
    assert rep.populasi == 7
    assert rep.sampel == 7  # Krejcie-Morgan for N = 7: 6.97… rounds up to 7
    assert rep.responden == 2
    assert "2" in rep.sample_warning and "7" in rep.sample_warning
    assert rep.skm == Decimal("100.00")  # a warning, never a block


def test_report_needs_view_and_rtl_needs_write(office_ctx: AppContext) -> None:
    ctx = office_ctx
    outsider = Actor(user_id=None, username="x", role=Role.PENGELOLA_SURAT)
    pimpinan = Actor(user_id=None, username="p", role=Role.PIMPINAN)
    with ctx.db.transaction() as s:
        skm.report(s, pimpinan, date(2026, 1, 1), date(2026, 6, 30))
        with pytest.raises(PermissionDenied):
            skm.save_rtl(s, pimpinan, "2026-S1", [skm.RtlRow("U3", "Tambah petugas loket")])
        with pytest.raises(PermissionDenied):
            skm.save_rtl(s, outsider, "2026-S1", [skm.RtlRow("U3", "Tambah petugas loket")])
        with pytest.raises(ValidationError, match="program"):
            skm.save_rtl(s, HUMAS, "2026-S1", [skm.RtlRow("U3")])
        saved = skm.save_rtl(
            s,
            HUMAS,
            "2026-S1",
            [skm.RtlRow("u3", " Tambah  petugas loket ", "Juli 2026", "Kasubag Umum"), skm.RtlRow("")],
        )
    assert saved == (skm.RtlRow("U3", "Tambah petugas loket", "Juli 2026", "Kasubag Umum"),)
    with ctx.db.read() as s:
        assert skm.report(s, HUMAS, date(2026, 1, 1), date(2026, 6, 30)).rtl == saved


def test_periods_and_their_keys() -> None:
    semesters = skm.periods("semester", 2026)
    assert [(p.key, p.label, p.start, p.end) for p in semesters] == [
        ("2026-S1", "Semester I 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-S2", "Semester II 2026", date(2026, 7, 1), date(2026, 12, 31)),
    ]
    assert [p.key for p in skm.periods("triwulan", 2026)] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert skm.periods("tahun", 2026)[0].end == date(2026, 12, 31)
    assert skm.period_key(date(2026, 3, 1), date(2026, 5, 31)) == "2026-03-01..2026-05-31"
    assert skm.period_key(date(2026, 4, 1), date(2026, 9, 30)) == "2026-04-01..2026-09-30"  # not a semester


def test_trend_shows_earlier_periods_that_have_answers(office_ctx: AppContext) -> None:
    ctx = office_ctx
    with ctx.db.transaction() as s:
        for day, value in (
            (date(2024, 3, 1), 2),
            (date(2025, 2, 1), 3),
            (date(2025, 9, 1), 4),
            (date(2026, 2, 1), 4),
        ):
            s.add(SurveyResponse(tanggal=day, sumber="manual", **{f"u{i}": value for i in range(1, 10)}))
    with ctx.db.read() as s:
        rep = skm.report(s, HUMAS, date(2026, 1, 1), date(2026, 6, 30))
    assert [(p.key, p.skm) for p in rep.trend] == [
        ("2024-S1", Decimal("50.00")),
        ("2025-S1", Decimal("75.00")),
        ("2025-S2", Decimal("100.00")),
    ]


def test_report_as_xlsx_and_pdf(office_ctx: AppContext, tmp_path: Path) -> None:
    ctx = office_ctx
    _import(ctx, _write_csv(tmp_path / "skm.csv", HEADERS, _worked_example_rows()))
    for suffix in ("xlsx", "pdf"):
        assert (
            _run(
                ctx,
                "report",
                "--from",
                "2026-01-01",
                "--to",
                "2026-06-30",
                "--out",
                str(tmp_path / f"l.{suffix}"),
            )
            == 0
        )
    sheet = load_workbook(tmp_path / "l.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"
    ikm_row = next(row for row in values if row[1] == "IKM")
    assert (ikm_row[2], ikm_row[4], ikm_row[5], ikm_row[6]) == (29, 3.659, 91.48, "A (Sangat baik)")
    assert any(row[1] == "Unsur terendah" and str(row[2]).startswith("U3") for row in values)
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    assert (
        _run(ctx, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--out", str(tmp_path / "l.doc"))
        == 1
    )


def test_the_sekretariat_command_has_the_skm_group(office_ctx: AppContext, tmp_path: Path) -> None:
    """Through ``desktop.cli.main`` as installed, now that desktop/modules.py lists the ``skm`` group."""
    from desktop.cli import main

    ctx = office_ctx
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    source = _write_csv(tmp_path / "skm.csv", HEADERS, _worked_example_rows())
    assert main([*prefix, "skm", "import", str(source)]) == 0
    out = tmp_path / "ikm.csv"
    assert (
        main([*prefix, "skm", "report", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out)]) == 0
    )
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "IKM,29,,3.6590,91.48,A"
