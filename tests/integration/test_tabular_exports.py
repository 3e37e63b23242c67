"""Every CSV and xlsx the app writes keeps text as text (no spreadsheet formula), and imports read it back."""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.letters import IncomingLetter, OutgoingLetter
from desktop.models.staff import Pegawai
from desktop.printing.staff.nominatif import NominatifList, NominatifPegawai
from desktop.services import tabular
from desktop.services.common import auth
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.letters import dispositions, incoming, incoming_io, outgoing, reports
from desktop.services.letters import outgoing_io as lio
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.staff import board as staff_board
from desktop.services.staff import documents, records_io, schedule
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
TODAY = date(2026, 11, 22)
# Text a spreadsheet would run or hide, and text that already starts with apostrophes before such a character.
HOSTILE = (
    '=HYPERLINK("http://x","Klik")',
    '=IMPORTXML("http://x/a","//a")',
    "+62 812",
    "-",
    "- poin",
    "@SUM(A1)",
    "\tTab",
    "'=already",
    "''+x",
)
FORMULA_START = tuple("=+-@\t\r")
STAFF_HEADER = (
    "NIP BARU,NAMA,GELAR BELAKANG,TANGGAL LAHIR,JENIS KELAMIN,STATUS CPNS PNS,TMT CPNS,TMT PNS,GOL AKHIR NAMA,"
    "TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,UNOR NAMA"
)
NAMES = (
    "SITI AMINAH",
    "RINA KARTIKA",
    "DEWI LESTARI",
    "NUR HASANAH",
    "SRI WAHYUNI",
    "ANI SURYANI",
    "LINA",
    "EVA",
    "IDA",
)


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _stored(text: str) -> str:
    """What the services keep of a typed text (spaces normalised, as the forms do)."""
    return " ".join(text.split())


def _fill_letters(ctx: AppContext) -> None:
    for n, text in enumerate(HOSTILE, start=1):
        received = datetime(2026, 11, n, 9, 0, tzinfo=WITA)
        with ctx.db.transaction() as s:
            incoming.register_incoming(
                s,
                SYSTEM,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=text,
                    nomor_surat=f"000.1.5/{n}/SJ",
                    tanggal_surat=received.date(),
                    perihal=text,
                ),
                today=received.date(),
            )
            outgoing.issue_number(
                s,
                SYSTEM,
                outgoing.OutgoingInput(
                    tanggal_surat=date(2026, 11, n),
                    tujuan=text,
                    perihal=text,
                    kode_klasifikasi="800.1.11.1",
                ),
                today=TODAY,
            )


def _staff_csv(path: Path) -> Path:
    """A SIASN-like file with one pegawai per hostile text, in NAMA, JABATAN NAMA and UNOR NAMA (the CSV round trip
    of the staff reader)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = tabular.TextCsvWriter(fh)
        writer.writerow(STAFF_HEADER.split(","))
        for n, (text, name) in enumerate(zip(HOSTILE, NAMES, strict=True), start=1):
            writer.writerow(
                [
                    *(f"197303141998032{n:03d}", f"{text} {name}", "S.E.", "14-03-1973", "P", "P"),
                    *("01-03-1998", "01-03-1999", "III/c", "01-04-2025", "15", "1", "Jabatan Pelaksana"),
                    *(text, "02-01-2019", "S-1", text),
                ]
            )
    return path


def _fill_staff(ctx: AppContext, actor: Actor, tmp_path: Path) -> None:
    table = records_io.read_siasn(_staff_csv(tmp_path / "siasn.csv"))
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, actor, table)
        assert plan.ok, plan.errors
        records_io.import_staff(s, actor, plan)


def _incoming(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.db.transaction() as s:
        rows = s.execute(
            select(IncomingLetter.asal_surat, IncomingLetter.perihal).order_by(IncomingLetter.id)
        )
        return [(r[0], r[1]) for r in rows]


def _outgoing(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.db.transaction() as s:
        rows = s.execute(
            select(OutgoingLetter.tujuan, OutgoingLetter.perihal).order_by(OutgoingLetter.tanggal_surat)
        )
        return [(r[0], r[1]) for r in rows]


def _staff(ctx: AppContext) -> list[tuple[str, str, str]]:
    with ctx.db.transaction() as s:
        rows = s.execute(select(Pegawai.nip, Pegawai.jabatan, Pegawai.unor).order_by(Pegawai.nip))
        return [(r[0], r[1], r[2]) for r in rows]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_letters_with_formula_text_export_and_import_back_unchanged(
    ctx: AppContext, fresh: AppContext, tmp_path: Path, suffix: str
) -> None:
    sample_office.fill(ctx, letter_count=0)
    _fill_letters(ctx)
    assert [p for _, p in _incoming(ctx)] == [_stored(t) for t in HOSTILE]
    masuk, keluar = tmp_path / f"masuk{suffix}", tmp_path / f"keluar{suffix}"
    with ctx.db.transaction() as s:
        if suffix == ".csv":
            incoming_io.export_incoming_csv(s, SYSTEM, masuk)
            lio.export_outgoing_csv(s, SYSTEM, keluar)
        else:
            incoming_io.export_incoming_xlsx(s, SYSTEM, masuk)
            lio.export_outgoing_xlsx(s, SYSTEM, keluar)

    with fresh.db.transaction() as s:
        plan = incoming_io.validate_incoming(s, SYSTEM, incoming_io.read_table(masuk), today=TODAY)
        assert plan.errors == []
        incoming_io.import_incoming(s, SYSTEM, plan)
        out_plan = lio.validate_outgoing(s, SYSTEM, incoming_io.read_table(keluar), today=TODAY)
        assert out_plan.errors == []
        lio.import_outgoing(s, SYSTEM, out_plan)
    assert _incoming(fresh) == _incoming(ctx)
    assert _outgoing(fresh) == _outgoing(ctx)
    assert [p for _, p in _outgoing(fresh)] == [_stored(t) for t in HOSTILE]


def test_staff_with_formula_text_exports_and_imports_back_unchanged(
    ctx: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    sample_office.fill(ctx, letter_count=0)
    _fill_staff(ctx, _actor(ctx, "pegawai"), tmp_path)
    assert [j for _, j, _ in _staff(ctx)] == [t.strip() for t in HOSTILE]
    exported = tmp_path / "pegawai.xlsx"
    with ctx.db.transaction() as s:
        records_io.export_staff_xlsx(s, SYSTEM, exported)
    with fresh.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, records_io.read_siasn(exported))
        assert plan.ok, plan.errors
        records_io.import_staff(s, SYSTEM, plan)
    assert _staff(fresh) == _staff(ctx)


def _check_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)], path.name
    return cells


def _check_xlsx(path: Path) -> list[str]:
    book = load_workbook(path)  # not read-only: data_type shows what Excel would run
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {sheet.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    if cell.value.startswith(FORMULA_START):
                        assert cell.quotePrefix, f"{path.name} {sheet.title}!{cell.coordinate}"
    return texts


def test_every_writer_writes_formula_text_as_text(ctx: AppContext, tmp_path: Path) -> None:
    sample_office.fill(ctx, letter_count=0)
    pegawai = _actor(ctx, "pegawai")
    _fill_letters(ctx)
    _fill_staff(ctx, pegawai, tmp_path)
    with ctx.db.transaction() as s:
        # One disposition, so that the follow-up report lists a hostile letter too.
        kadis = next(o for o in dispositions.officials(s, SYSTEM) if o.jabatan == "Kepala Dinas")
        first = s.scalar(select(IncomingLetter.id).order_by(IncomingLetter.id).limit(1))
        to = RecipientInput(kadis.nama, kadis.jabatan, kadis.nip, kadis.unit_id)
        dispositions.record_chain(
            s,
            SYSTEM,
            first,
            [HopInput(dari_nama="", dari_jabatan="Sekretaris", tanggal=date(2026, 11, 2), recipients=(to,))],
        )
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    writers: dict[str, Callable[[Path], object]] = {}

    def session_writer(name: str, write: Callable[..., object]) -> None:
        def run(path: Path) -> object:
            with ctx.db.transaction() as s:
                return write(s, path)

        writers[name] = run

    session_writer("masuk.csv", lambda s, p: incoming_io.export_incoming_csv(s, SYSTEM, p))
    session_writer("masuk.xlsx", lambda s, p: incoming_io.export_incoming_xlsx(s, SYSTEM, p))
    session_writer("keluar.csv", lambda s, p: lio.export_outgoing_csv(s, SYSTEM, p))
    session_writer("keluar.xlsx", lambda s, p: lio.export_outgoing_xlsx(s, SYSTEM, p))
    session_writer("pegawai.xlsx", lambda s, p: records_io.export_staff_xlsx(s, SYSTEM, p))
    session_writer("jadwal.csv", lambda s, p: schedule.export_next_dates_csv(s, SYSTEM, TODAY, p))
    session_writer("reg-masuk.xlsx", lambda s, p: reports.incoming_register_xlsx(s, SYSTEM, start, end, p))
    session_writer("reg-keluar.xlsx", lambda s, p: reports.outgoing_register_xlsx(s, SYSTEM, start, end, p))
    session_writer("rekap.xlsx", lambda s, p: reports.monthly_recap_xlsx(s, SYSTEM, 2026, 11, p))
    session_writer(
        "tindak-lanjut.xlsx",
        lambda s, p: reports.follow_up_xlsx(s, SYSTEM, start, end, p, today=TODAY),
    )

    def board(s: object, path: Path) -> object:
        found = staff_board.board(s, pegawai, date(2026, 3, 1), 400)  # type: ignore[arg-type]
        assert found.entries, "the KGB of the imported pegawai falls in the horizon"
        # The board shows the pegawai's data as kept; one entry per hostile text in its note column too.
        entries = [dataclasses.replace(found.entries[0], catatan=t, nama=t) for t in HOSTILE]
        return staff_board.export_xlsx(s, pegawai, entries, path, as_of=date(2026, 3, 1), horizon_days=400)  # type: ignore[arg-type]

    def nominatif(s: object, path: Path) -> object:
        frame = documents.list_frame(s, pegawai)  # type: ignore[arg-type]
        rows = [NominatifPegawai(nama=t, nip="198208172009022004", jabatan=t) for t in HOSTILE]
        return documents.write_nominatif_xlsx(
            NominatifList(frame, rows, date(2026, 1, 1), columns=("nama_nip", "jabatan")), path
        )

    session_writer("jadwal.xlsx", board)
    session_writer("nominatif.xlsx", nominatif)
    writers["templat-masuk.xlsx"] = incoming_io.write_incoming_template
    writers["templat-keluar.xlsx"] = lio.write_outgoing_template
    writers["templat-pegawai.xlsx"] = records_io.write_staff_template

    for name, write in writers.items():
        path = tmp_path / name
        write(path)
        texts = _check_csv(path) if name.endswith(".csv") else _check_xlsx(path)
        if not name.startswith("templat"):
            shown = " ".join(texts)
            assert "HYPERLINK" in shown or name == "rekap.xlsx", f"{name} holds no hostile text to check"


# The one place that may make a csv writer or an openpyxl workbook (see test_tabular for the helpers).
_WRITER_CALL = re.compile(r"csv\.writer\(|csv\.DictWriter\(|\bWorkbook\(|openpyxl import [^\n]*\bWorkbook\b")


def test_no_writer_bypasses_the_tabular_helpers() -> None:
    root = Path(__file__).resolve().parents[2] / "desktop"
    tabular = root / "services" / "tabular"
    offenders = [
        f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}"
        for path in sorted(root.rglob("*.py"))
        if tabular not in path.parents
        for text in [path.read_text(encoding="utf-8")]
        for m in _WRITER_CALL.finditer(text)
    ]
    assert offenders == [], "write CSV with tabular.TextCsvWriter and xlsx with tabular.new_workbook()"
