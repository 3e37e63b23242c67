"""Every module's stored files checked in one place: `system.verify_files`, `system.check` and `sekretariat
check` name each file whose bytes were changed or lost, of the letters' scans and of the assets' files alike."""

from __future__ import annotations

import pytest

from desktop import modules
from desktop.cli import main
from desktop.services import system
from desktop.services.common.errors import PermissionDenied
from desktop.services.common.permissions import SYSTEM, Actor, Role
from desktop.services.system import AppContext
from tests.support.stored_files import damage, store_files


def test_a_changed_and_an_emptied_file_of_each_module_are_named(ctx: AppContext) -> None:
    files = store_files(ctx)
    assert system.verify_files(ctx, SYSTEM) == []
    assert system.check(ctx, actor=SYSTEM).files == ()
    bad = damage(ctx, files)
    assert system.verify_files(ctx, SYSTEM) == bad
    report = system.check(ctx, actor=SYSTEM)
    assert report.files == tuple(bad) and not report.ok
    assert report.integrity == "ok"  # the database itself is sound: only its files are not
    unchecked = system.check(ctx)  # without an actor the files are not read (the start-up path)
    assert unchecked.files is None and unchecked.ok


def test_progress_counts_the_module_checks(ctx: AppContext) -> None:
    seen: list[tuple[int, int]] = []
    system.verify_files(ctx, SYSTEM, lambda done, total: seen.append((done, total)))
    total = sum(len(m.file_checks) for m in modules.MODULES)
    assert total >= 2 and seen == [(i, total) for i in range(total + 1)]


@pytest.mark.parametrize("role", [Role.PENGELOLA_SURAT, Role.PENGURUS_BARANG, Role.PIMPINAN])
def test_only_the_admin_reads_every_file(ctx: AppContext, role: Role) -> None:
    store_files(ctx)
    with pytest.raises(PermissionDenied):
        system.verify_files(ctx, Actor(user_id=None, username="x", role=role, full_name="X"))


def _bad_archive(_session: object, _actor: Actor) -> list[str]:
    return ["arsip/0001.pdf"]


def test_a_module_adds_its_file_check_in_its_entry(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = modules.Module(key="arsip", title="&Arsip", tab=None, file_checks=(f"{__name__}:_bad_archive",))
    monkeypatch.setattr(modules, "MODULES", (*modules.MODULES, archive))
    assert system.verify_files(ctx, SYSTEM) == ["arsip/0001.pdf"]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_check_names_the_damaged_files_and_exits_non_zero(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    files = store_files(ctx)
    for deep in ([], ["--deep"]):
        assert main(["--data-dir", str(ctx.data_dir), "check", *deep]) == 0
        out, _ = capsys.readouterr()
        assert "Berkas      : semua utuh" in out and "Hasil       : BAIK" in out
    bad = damage(ctx, files)
    for deep in ([], ["--deep"]):
        assert main(["--data-dir", str(ctx.data_dir), "check", *deep]) == 1
        out, err = capsys.readouterr()
        assert "Berkas      : 4 rusak atau hilang" in out, out + err
        for name in bad:
            assert f"  - {name}\n" in out
        assert files.scans[2][1] not in out and files.assets[2][1] not in out
        assert "Hasil       : ADA MASALAH" in out
        assert "4 berkas tersimpan rusak atau hilang" in out
        assert "Basis data rusak" not in out  # the database is sound: the advice is about the files
