"""Files given to the imports (issue 10 items 6 and 9): the same file imported twice is refused unless asked
again, a file mostly of letters already registered is warned about, and a long file name breaks no import."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.cli import letters as letters_cli
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, ImportedFile, User
from desktop.models.letters import IncomingLetter, OutgoingLetter
from desktop.models.staff import Pegawai
from desktop.services.common import audit, auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.import_log import AlreadyImported
from desktop.services.common.permissions import Actor, Role
from desktop.services.letters import incoming_io
from desktop.services.letters import outgoing_io as lio
from desktop.services.letters.incoming_io import INCOMING_COLUMNS
from desktop.services.letters.outgoing_io import OUTGOING_COLUMNS
from desktop.services.staff import records_io
from desktop.services.system import AppContext

INCOMING = [
    ",".join(INCOMING_COLUMNS),
    ",2026-11-02,Bappeda Prov,050/1/BAPPEDA,2026-10-30,Musrenbang,,,,",
    ",2026-11-03,Biro Umum,000/2/BU,2026-11-01,Rapat,,,,",
    ",2026-11-04,BPS Prov,005/77/BPS,2026-11-02,Undangan,,,,",
    ",2026-11-05,Kementerian Dalam Negeri,000.1.5/9/SJ,2026-11-03,Edaran,,,,",
]
TUJUAN = "Kepala Dinas Perdagangan Kota Samarinda"
OUTGOING = [
    ",".join(OUTGOING_COLUMNS),
    f"800.1.11.1/57/DP2KUKM/2026,2026-03-02,{TUJUAN},Surat Tugas,800.1.11.1,B,",
    f"000.1.5/59/DP2KUKM/2026,2026-03-04,{TUJUAN},Undangan,000.1.5,B,",
]
STAFF = [
    "NIP BARU,NAMA,GOL AKHIR NAMA,TMT GOLONGAN,JABATAN NAMA",
    "197303141998032009,SITI AMINAH,III/d,01-04-2018,Pengadministrasi Umum",
]


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_incoming(ctx: AppContext, actor: Actor, path: Path, **kw: bool) -> incoming_io.ImportPlan:
    table = incoming_io.read_table(path)
    with ctx.db.transaction() as s:
        plan = incoming_io.validate_incoming(s, actor, table)
        incoming_io.import_incoming(s, actor, plan, **kw)
    return plan


def _import_outgoing(ctx: AppContext, actor: Actor, path: Path, **kw: bool) -> lio.OutgoingImportPlan:
    table = incoming_io.read_table(path)
    with ctx.db.transaction() as s:
        plan = lio.validate_outgoing(s, actor, table)
        lio.import_outgoing(s, actor, plan, **kw)
    return plan


def _count(ctx: AppContext, model: type[object]) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# --- item 9: the same file twice ------------------------------------------------------------------------------


def test_the_same_incoming_file_is_refused_the_second_time_even_renamed(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _write(tmp_path / "agenda masuk.csv", INCOMING)
    _import_incoming(ctx, clerk, path)
    assert _count(ctx, IncomingLetter) == 4
    # The clerk re-runs the import (the first one was killed after its commit), or copies the file first.
    copy = tmp_path / "salinan agenda.csv"
    shutil.copyfile(path, copy)
    for again in (path, copy):
        with pytest.raises(AlreadyImported) as refused:
            _import_incoming(ctx, clerk, again)
        message = str(refused.value)
        assert message.startswith(
            f"Berkas {again.name} sudah pernah diimpor ke agenda surat masuk, terakhir pada "
        )
        assert "oleh surat (4 baris); tidak ada yang diimpor." in message
    assert _count(ctx, IncomingLetter) == 4
    with ctx.db.transaction() as s:
        entry = s.scalars(select(ImportedFile)).one()
        assert (entry.kind, entry.file_name, entry.row_count, entry.username, entry.occurrence) == (
            "surat_masuk",
            "agenda masuk.csv",
            4,
            "surat",
            1,
        )


def test_importing_again_on_purpose_doubles_with_a_warning(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _write(tmp_path / "agenda.csv", INCOMING)
    _import_incoming(ctx, clerk, path)
    plan = _import_incoming(ctx, clerk, path, again=True)
    assert _count(ctx, IncomingLetter) == 8
    assert str(plan.warnings[0]) == (
        "berkas: 4 dari 4 baris tampaknya sudah ada di agenda (pengirim, nomor dan tanggal surat sama); mungkin "
        "berkas ini sudah pernah diimpor. Periksa sebelum mengimpor agar surat tidak tercatat ganda."
    )
    with pytest.raises(AlreadyImported, match=r"\(2 kali\)"):
        _import_incoming(ctx, clerk, path)
    with ctx.db.transaction() as s:
        assert sorted(s.scalars(select(ImportedFile.occurrence))) == [1, 2]


def test_a_file_mostly_of_registered_letters_is_warned_about_not_refused(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    _import_incoming(ctx, clerk, _write(tmp_path / "a.csv", INCOMING))
    # The same book saved again with one more letter: another file, so not refused; 4 of 5 rows are known.
    longer = [*INCOMING, ",2026-11-06,Biro Hukum,100/3/BH,2026-11-05,Telaah,,,,"]
    plan = _import_incoming(ctx, clerk, _write(tmp_path / "b.csv", longer))
    assert str(plan.warnings[0]).startswith("berkas: 4 dari 5 baris tampaknya sudah ada di agenda")
    # Half or fewer rows known: no such warning (a few duplicates are the row warnings' job).
    half = [INCOMING[0], INCOMING[1], ",2026-11-07,Biro Hukum,100/4/BH,2026-11-06,Telaah,,,,"]
    plan = _import_incoming(ctx, clerk, _write(tmp_path / "c.csv", half))
    assert not any("tampaknya sudah ada" in w.reason for w in plan.warnings)


def test_an_import_rolled_back_does_not_count_as_imported(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    """The file's record is written in the import's transaction: an import that did not commit can be redone."""
    path = _write(tmp_path / "agenda.csv", INCOMING)
    table = incoming_io.read_table(path)
    with pytest.raises(RuntimeError), ctx.db.transaction() as s:
        incoming_io.import_incoming(s, clerk, incoming_io.validate_incoming(s, clerk, table))
        raise RuntimeError("proses dihentikan sebelum commit")
    assert _count(ctx, ImportedFile) == 0
    _import_incoming(ctx, clerk, path)
    assert _count(ctx, IncomingLetter) == 4


def test_every_letters_import_never_doubles_a_file(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    """Outgoing numbers are unique, so a second import of the same agenda keluar is refused row by row."""
    path = _write(tmp_path / "keluar.csv", OUTGOING)
    _import_outgoing(ctx, clerk, path)
    with pytest.raises(ValidationError, match="2 baris tidak valid"):
        _import_outgoing(ctx, clerk, path)
    assert _count(ctx, OutgoingLetter) == 2
    with ctx.db.transaction() as s:
        assert s.scalars(select(ImportedFile.kind)).all() == ["surat_keluar"]


def test_staff_import_twice_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    """The staff import updates by NIP: the same file again writes nothing, so it needs no refusal."""
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))
    path = _write(tmp_path / "pegawai.csv", STAFF)
    results = []
    for _ in range(2):
        table = records_io.read_siasn(path)
        with ctx.db.transaction() as s:
            results.append(records_io.import_staff(s, actor, records_io.validate_siasn(s, actor, table)))
    assert [(r.created, r.updated, r.unchanged, r.riwayat) for r in results] == [(1, 0, 0, 1), (0, 0, 1, 0)]
    assert _count(ctx, Pegawai) == 1


def _cli(ctx: AppContext, *argv: str) -> int:
    from desktop import cli

    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args: argparse.Namespace = cli.build_parser().parse_args([*prefix, "letters", *argv])
    return letters_cli.run(args)


def test_command_line_refuses_the_same_file_unless_again(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "agenda.csv", INCOMING)
    assert _cli(ctx, "import", "--incoming", str(path)) == 0
    capsys.readouterr()
    assert _cli(ctx, "import", "--incoming", str(path)) == 1
    err = capsys.readouterr().err
    assert "Gagal: Berkas agenda.csv sudah pernah diimpor ke agenda surat masuk" in err
    assert err.rstrip().endswith("Bila memang perlu diimpor lagi, jalankan perintahnya dengan --again.")
    assert _count(ctx, IncomingLetter) == 4
    assert _cli(ctx, "import", "--incoming", "--again", str(path)) == 0
    out = capsys.readouterr().out
    assert "peringatan berkas: 4 dari 4 baris tampaknya sudah ada di agenda" in out
    assert "4 surat masuk diimpor dari agenda.csv" in out
    assert _count(ctx, IncomingLetter) == 8


# --- item 6: long file names and audit fields -----------------------------------------------------------------

LONG_NAME = "Agenda Surat Masuk Sekretariat Dinas " + "x" * 159 + ".csv"  # 200 characters with the suffix


def test_every_import_of_a_file_with_a_200_character_name_succeeds(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    assert len(LONG_NAME) == 200
    folders = [tmp_path / kind for kind in ("masuk", "keluar", "pegawai")]
    for folder in folders:
        folder.mkdir()
    _import_incoming(ctx, clerk, _write(folders[0] / LONG_NAME, INCOMING))
    _import_outgoing(ctx, clerk, _write(folders[1] / LONG_NAME, OUTGOING))
    with ctx.db.transaction() as s:
        pegawai = auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))
    table = records_io.read_siasn(_write(folders[2] / LONG_NAME, STAFF))
    with ctx.db.transaction() as s:
        records_io.import_staff(s, pegawai, records_io.validate_siasn(s, pegawai, table))
    with ctx.db.transaction() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "impor").order_by(AuditEntry.id))
        assert [(e.entity, e.entity_id) for e in entries] == [
            ("surat_masuk", LONG_NAME),
            ("surat_keluar", LONG_NAME),
            ("pegawai", LONG_NAME),
        ]
        assert s.scalars(select(ImportedFile.file_name)).all() == [LONG_NAME, LONG_NAME]


def test_no_audit_field_is_too_long_to_write(ctx: AppContext) -> None:
    """Whatever a service hands to the audit log is written: bounded columns are cut, visibly, never refused."""
    actor = Actor(user_id=None, username="u" * 300, role=Role.ADMIN, full_name="")
    with ctx.db.transaction() as s:
        audit.record(s, actor, "a" * 300, "e" * 300, "i" * 5000, summary="s" * 5000)
    with ctx.db.transaction() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        lengths = {
            name: len(getattr(entry, name))
            for name in ("username", "action", "entity", "entity_id", "summary")
        }
        assert lengths == {"username": 60, "action": 40, "entity": 60, "entity_id": 5000, "summary": 400}
        assert entry.summary.endswith("s…")
        # Still append-only after migration 0010 changed the column.
    with pytest.raises(Exception, match="append-only"), ctx.db.transaction() as s:
        s.execute(text("UPDATE audit_log SET summary = 'diubah'"))


def test_an_outgoing_number_with_a_long_unit_part_imports(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    """The unit and kka read out of a nomor surat go into bounded columns: one longer than its column used to
    break the import on PostgreSQL; such a number is kept whole as a number outside the series."""
    unit = "Bidang Perdagangan Dalam Negeri dan Perlindungan Konsumen Provinsi Kaltim"
    kka = ".".join(["800"] + ["1"] * 20)
    path = _write(
        tmp_path / "keluar.csv",
        [
            OUTGOING[0],
            f"800.1.11.1/60/{unit}/2026,2026-03-05,{TUJUAN},Surat Tugas,800.1.11.1,B,",
            f"{kka}/61/DP2KUKM/2026,2026-03-06,{TUJUAN},Surat Tugas,800.1.11.1,B,",
        ],
    )
    plan = _import_outgoing(ctx, clerk, path)
    assert [w.line for w in plan.warnings if "tidak sesuai pola seri nomor" in w.reason] == [2, 3]
    with ctx.db.transaction() as s:
        numbers = s.scalars(select(OutgoingLetter.nomor_surat).order_by(OutgoingLetter.id)).all()
    assert numbers == [f"800.1.11.1/60/{unit}/2026", f"{kka}/61/DP2KUKM/2026"]


def test_a_free_code_of_many_segments_imports(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    """A free kode klasifikasi (R25) of 15 one-digit segments fits its own column, but its sort text (six digits
    a segment) did not fit kode_urut: the imports broke on PostgreSQL."""
    kode = ".".join(["1"] * 15)
    _import_incoming(
        ctx,
        clerk,
        _write(tmp_path / "masuk.csv", [INCOMING[0], f",2026-11-02,Bappeda,050/1/B,2026-10-30,X,{kode},,,"]),
    )
    _import_outgoing(
        ctx,
        clerk,
        _write(tmp_path / "keluar.csv", [OUTGOING[0], f"{kode}/57/X/2026,2026-03-02,{TUJUAN},X,{kode},B,"]),
    )
    with ctx.db.transaction() as s:
        for model in (IncomingLetter, OutgoingLetter):
            urut = s.scalars(select(model.kode_urut)).one()  # type: ignore[attr-defined]
            assert urut.startswith("000001.000001.") and len(urut) == 80
