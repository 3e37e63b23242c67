"""The Jadwal board at the top of a jenjang: "perlu kenaikan jenjang" stands where the KP date would be, and the
explanation says why (issue 12 item 7)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.staff import board, records
from desktop.services.staff.records import PegawaiInput
from desktop.services.staff.schedule import JenisJadwal
from desktop.services.system import AppContext
from desktop.ui.staff.explain_dialog import ExplainDialog
from desktop.ui.staff.schedule_model import COL_JUDUL, COL_TANGGAL, ScheduleModel

AS_OF = date(2026, 1, 5)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_board_shows_perlu_kenaikan_jenjang_instead_of_a_date_and_explains_it(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext
) -> None:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        clerk = auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))
        records.create_pegawai(
            s,
            clerk,
            PegawaiInput(
                nip="198502022010011002",
                nama="Eko Ahli Muda",
                golongan_ruang="III/d",
                tmt_golongan=date(2023, 10, 1),
                mkg_tahun=10,
                jenis_jabatan="fungsional",
                jenjang="ahli_muda",
                jabatan="Analis Perdagangan Ahli Muda",
                pendidikan_terakhir="S-1",
            ),
        )
        entries = [
            e
            for e in board.board(s, clerk, AS_OF, 90).entries
            if e.nip == "198502022010011002" and e.jenis is JenisJadwal.KP
        ]
    assert len(entries) == 1
    model = ScheduleModel()
    model.set_entries(entries)
    assert model.index(0, COL_TANGGAL).data() == "perlu kenaikan\njenjang"
    assert "Ahli Muda paling tinggi III/d" in model.index(0, COL_JUDUL).data()
    dialog = ExplainDialog(entries[0], AS_OF, "WITA")
    qtbot.addWidget(dialog)
    html = dialog.browser.toPlainText()
    assert "Kenaikan pangkat \u2014 perlu kenaikan jenjang" in html
    assert "Mengapa tidak ada tanggal?" in html
    assert "Golongan III/d adalah pangkat tertinggi jenjang Ahli Muda menurut PermenPANRB 1/2023" in html
    assert dialog.plain.startswith("Kenaikan pangkat \u2014 perlu kenaikan jenjang")
