"""ASN Berprestasi through the service (staff.md B9 R26, SOP #10), on SQLite and PostgreSQL: editable criteria
whose weights add up to 100, monthly sheets, the ranking with its tie-breaks and exclusions, the approval with
the SK, the history, the permissions, the audit, and the printed list for the SK."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.services.common import auth
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.staff import awards, records
from desktop.services.staff.awards import KriteriaInput, LembarInput
from desktop.services.staff.records import HukdisEntry, PegawaiInput
from desktop.services.system import AppContext

JULI = date(2026, 7, 1)
AGUSTUS = date(2026, 8, 1)


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _pegawai(nip: str, nama: str, golongan: str, **kw: object) -> PegawaiInput:
    values: dict[str, object] = {
        "nip": nip,
        "nama": nama,
        "gelar_belakang": "S.E.",
        "golongan_ruang": golongan,
        "tmt_golongan": date(2022, 4, 1),
        "jenis_jabatan": "pelaksana",
        "jabatan": "Penata Layanan Operasional",
        "tmt_jabatan": date(2022, 4, 1),
        "pendidikan_terakhir": "S-1",
    }
    values.update(kw)
    return PegawaiInput(**values)  # type: ignore[arg-type]


# NIPs agree with birth date, TMT CPNS and gender (staff.md R1). Budi and Citra tie on score; so do Dewi and
# Eko, who also have the same golongan and the same score on the heaviest criterion.
PEOPLE = {
    "ani": _pegawai("198501012010012001", "Ani Rahmawati", "III/c"),
    "budi": _pegawai("198602022011011002", "Budi Santoso", "III/b"),
    "citra": _pegawai("198703032012012003", "Citra Lestari", "III/b"),
    "dewi": _pegawai("198804042008012004", "Dewi Anggraini", "III/a"),
    "eko": _pegawai("198905052014011005", "Eko Prasetyo", "III/a"),
    "fajar": _pegawai("199006062015011006", "Fajar Nugroho", "III/a"),
    "gita": _pegawai("199107072016012007", "Gita Puspita", "III/a"),
}


@pytest.fixture
def office(ctx: AppContext) -> dict[str, int]:
    """The demo office and accounts, and the seven pegawai above (pegawai ids by key)."""
    sample_office.fill(ctx, letter_count=0)
    clerk = _actor(ctx, "pegawai")
    ids = {}
    with ctx.db.transaction() as s:
        for key, data in PEOPLE.items():
            ids[key] = records.create_pegawai(s, clerk, data).value.id
    return ids


def _criteria(ctx: AppContext, clerk: Actor) -> dict[str, int]:
    """Kinerja 40 %, Kehadiran 30 %, Disiplin 30 % (the shipped Kehadiran and Disiplin kept, the rest dropped)."""
    with ctx.db.transaction() as s:
        shipped = {k.nama: k.id for k in awards.list_criteria(s, clerk)}
        saved = awards.save_criteria(
            s,
            clerk,
            [
                KriteriaInput("Kinerja bulanan", 40, id=shipped["Kinerja bulanan"]),
                KriteriaInput("Kehadiran", 30, id=shipped["Kehadiran"]),
                KriteriaInput("Disiplin", 30, "Tepat waktu dan tertib", id=shipped["Disiplin"]),
            ],
        )
    return {k.nama: k.id for k in saved}


def _sheet(
    ctx: AppContext, actor: Actor, k: dict[str, int], pegawai_id: int, scores: tuple[int, ...]
) -> None:
    nilai = dict(zip((k["Kinerja bulanan"], k["Kehadiran"], k["Disiplin"]), scores, strict=False))
    with ctx.db.transaction() as s:
        awards.save_sheet(
            s,
            actor,
            LembarInput(
                pegawai_id,
                date(2026, 7, 20),
                nilai,
                penilai_nama="Ahmad Fauzi, S.E., M.M.",
                penilai_nip="19760512 200212 1 003",
            ),
        )


def test_the_shipped_criteria_are_five_of_20_percent_and_weights_must_add_up_to_100(
    ctx: AppContext, office: dict[str, int]
) -> None:
    clerk = _actor(ctx, "pegawai")
    with ctx.db.transaction() as s:
        shipped = awards.list_criteria(s, clerk)
        assert [(k.nama, k.bobot) for k in shipped] == [
            ("Kehadiran", 20),
            ("Kinerja bulanan", 20),
            ("Disiplin", 20),
            ("Inovasi", 20),
            ("Penilaian atasan", 20),
        ]
        with pytest.raises(ValidationError, match="sekarang 90 persen") as err:
            awards.save_criteria(s, clerk, [KriteriaInput("Kinerja", 60), KriteriaInput("Kehadiran", 30)])
        assert err.value.field == "bobot"
        with pytest.raises(ValidationError, match="dua kali"):
            awards.save_criteria(s, clerk, [KriteriaInput("Kinerja", 50), KriteriaInput("kinerja", 50)])
    k = _criteria(ctx, clerk)
    with ctx.db.transaction() as s:
        assert [(c.nama, c.bobot) for c in awards.list_criteria(s, clerk)] == [
            ("Kinerja bulanan", 40),
            ("Kehadiran", 30),
            ("Disiplin", 30),
        ]
        dropped = [c for c in awards.list_criteria(s, clerk, include_inactive=True) if not c.aktif]
        assert {c.nama for c in dropped} == {"Inovasi", "Penilaian atasan"}  # kept for the history
        assert set(k) == {"Kinerja bulanan", "Kehadiran", "Disiplin"}
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "prestasi_kriteria")).all()
        assert audit and "Kinerja bulanan 40%" in audit[-1].summary


def test_ranking_tie_breaks_exclusions_approval_history_and_the_printed_list(
    ctx: AppContext, office: dict[str, int]
) -> None:
    clerk = _actor(ctx, "pegawai")
    k = _criteria(ctx, clerk)
    ids = office
    with ctx.db.transaction() as s:  # Gita is under a hukuman disiplin in July
        records.add_riwayat(
            s,
            clerk,
            ids["gita"],
            HukdisEntry(date(2026, 6, 1), "ringan", "Teguran tertulis", date(2026, 8, 31)),
        )
    scores = {
        "ani": (90, 90, 90),  # 90,00
        "budi": (80, 90, 90),  # 86,00
        "citra": (95, 70, 90),  # 86,00: higher on Kinerja (40 %) than Budi
        "dewi": (85, 85, 85),  # 85,00
        "eko": (85, 85, 85),  # 85,00: same golongan; Dewi has served longer (TMT CPNS 2008 vs 2014)
        "fajar": (99, 99),  # Disiplin not scored yet
        "gita": (100, 100, 100),  # active hukdis
    }
    for key, values in scores.items():
        _sheet(ctx, clerk, k, ids[key], values)

    with ctx.db.transaction() as s:
        sheets = awards.list_sheets(s, clerk, JULI)
        assert len(sheets) == 7
        fajar = awards.get_sheet(s, clerk, JULI, ids["fajar"])
        assert fajar is not None and not fajar.lengkap and fajar.penilai_nip == "197605122002121003"
        result = awards.ranking(s, clerk, date(2026, 7, 31))
    assert result.kriteria == (("Kinerja bulanan", 40), ("Kehadiran", 30), ("Disiplin", 30))
    assert [(r.peringkat, r.nama, r.skor_text) for r in result.rows] == [
        (1, "Ani Rahmawati, S.E.", "90,00"),
        (2, "Citra Lestari, S.E.", "86,00"),
        (3, "Budi Santoso, S.E.", "86,00"),
        (4, "Dewi Anggraini, S.E.", "85,00"),
        (5, "Eko Prasetyo, S.E.", "85,00"),
    ]
    assert result.rows[1].penentu == "Skor sama dengan peringkat 3; nilai Kinerja bulanan lebih tinggi"
    assert result.rows[3].penentu == "Skor sama dengan peringkat 5; masa kerja lebih lama"
    assert result.rows[0].pangkat_golongan == "Penata (III/c)" and result.rows[1].nilai == (95, 70, 90)
    excluded = {e.nama: e.alasan for e in result.excluded}
    assert excluded["Fajar Nugroho, S.E."] == "nilai Disiplin belum diisi"
    assert excluded["Gita Puspita, S.E."].startswith("sedang menjalani hukuman disiplin ringan")
    assert result.penetapan is None

    # Before approval the list prints as a konsep.
    with ctx.db.transaction() as s:
        konsep = _pdf_text(awards.print_ranking(s, clerk, JULI, now=datetime(2026, 8, 3, 9, 0)))
    assert "KONSEP" in konsep and "DAFTAR PERINGKAT ASN BERPRESTASI" in konsep

    # The Kepala Dinas approves two awardees; the SK number is recorded.
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="1 sampai 5"):
            awards.approve(s, clerk, JULI, jumlah_penerima=6)
        approved = awards.approve(
            s,
            clerk,
            JULI,
            jumlah_penerima=2,
            nomor_sk="800.1.12.3/123/SEK.UM/DP2KUKM/2026",
            tanggal_sk=date(2026, 8, 5),
        )
        assert approved.created_by == "pegawai"
        with pytest.raises(ValidationError, match="sudah ditetapkan"):
            awards.approve(s, clerk, JULI)
    # The month is locked; the approved ranking stays as it was even when the criteria change afterwards.
    with pytest.raises(ValidationError, match="sudah ditetapkan"):
        _sheet(ctx, clerk, k, ids["eko"], (100, 100, 100))
    with ctx.db.transaction() as s:
        awards.save_criteria(s, clerk, [KriteriaInput("Kinerja bulanan", 100, id=k["Kinerja bulanan"])])
        kept = awards.ranking(s, clerk, JULI)
    assert kept.penetapan is not None and kept.penetapan.nomor_sk.startswith("800.1.12.3/123")
    assert kept.kriteria == result.kriteria
    assert [(r.nama, r.skor, r.penerima) for r in kept.rows][:3] == [
        ("Ani Rahmawati, S.E.", 9000, True),
        ("Citra Lestari, S.E.", 8600, True),
        ("Budi Santoso, S.E.", 8600, False),
    ]
    assert {e.nama for e in kept.excluded} == {"Fajar Nugroho, S.E.", "Gita Puspita, S.E."}

    # The printed list for the SK: kop, SK number, month, criteria with weights, places, awardees, exclusions.
    with ctx.db.transaction() as s:
        text = _pdf_text(awards.print_ranking(s, clerk, JULI, now=datetime(2026, 8, 5, 10, 0)))
    for expected in (
        "DINAS PERINDUSTRIAN",
        "DAFTAR PERINGKAT ASN BERPRESTASI",
        "800.1.12.3/123/SEK.UM/DP2KUKM/2026",
        "5 AGUSTUS 2026",
        "BULAN JULI 2026",
        "Kinerja bulanan (40%)",
        "Ani Rahmawati, S.E.",
        "19850101 201001 2 001",
        "90,00",
        "Pegawai berprestasi",
        "nilai Kinerja bulanan lebih tinggi",
        "Tidak diperingkat: Fajar Nugroho, S.E.",
        "Samarinda, 5 Agustus 2026",
    ):
        assert expected in text, expected
    assert "KONSEP" not in text

    # History: the awardees of each approved month, and each employee's own places.
    with ctx.db.transaction() as s:
        winners = awards.history(s, clerk)
        assert [(w.periode, w.peringkat, w.nama) for w in winners] == [
            (JULI, 1, "Ani Rahmawati, S.E."),
            (JULI, 2, "Citra Lestari, S.E."),
        ]
        budi = awards.history(s, clerk, pegawai_id=ids["budi"])
        assert [(w.peringkat, w.penerima) for w in budi] == [(3, False)]
        assert awards.history(s, clerk, tahun=2025) == []

    # Cancelling the approval (with a reason) unlocks the month; the cancelled one leaves the history.
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="Alasan"):
            awards.cancel_approval(s, clerk, JULI, " ")
        awards.cancel_approval(s, clerk, JULI, "Nilai Eko salah rekap")
        assert awards.history(s, clerk) == []
    _sheet(
        ctx,
        clerk,
        {"Kinerja bulanan": k["Kinerja bulanan"], "Kehadiran": 0, "Disiplin": 0},
        ids["eko"],
        (100,),
    )
    with ctx.db.transaction() as s:
        again = awards.ranking(s, clerk, JULI)
        assert again.kriteria == (("Kinerja bulanan", 100),)
        assert again.rows[0].nama == "Eko Prasetyo, S.E." and again.rows[0].skor_text == "100,00"
        actions = [
            (a.action, a.entity)
            for a in s.scalars(
                select(AuditEntry).where(AuditEntry.entity.like("prestasi_%")).order_by(AuditEntry.id)
            )
        ]
    assert ("tetapkan", "prestasi_penetapan") in actions and ("batal", "prestasi_penetapan") in actions
    assert actions.count(("tambah", "prestasi_lembar")) == 7 and ("ubah", "prestasi_lembar") in actions


def test_only_the_staff_role_changes_scores_and_approvals(ctx: AppContext, office: dict[str, int]) -> None:
    clerk = _actor(ctx, "pegawai")
    k = _criteria(ctx, clerk)
    _sheet(ctx, clerk, k, office["ani"], (90, 90, 90))
    letters_clerk, head = _actor(ctx, "surat"), _actor(ctx, "kadis")
    with ctx.db.transaction() as s:
        for who in (letters_clerk, head):
            with pytest.raises(PermissionDenied):
                awards.save_criteria(s, who, [KriteriaInput("Kinerja", 100)])
            with pytest.raises(PermissionDenied):
                awards.save_sheet(s, who, LembarInput(office["ani"], JULI, {k["Kehadiran"]: 50}))
            with pytest.raises(PermissionDenied):
                awards.approve(s, who, JULI)
        # The Kepala Dinas (pimpinan, read-only) sees and prints the ranking.
        assert awards.ranking(s, head, JULI).rows[0].nama == "Ani Rahmawati, S.E."
        assert awards.print_ranking(s, head, JULI).startswith(b"%PDF")
        assert awards.ranking(s, head, AGUSTUS).rows == ()
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="Belum ada lembar penilaian"):
            awards.approve(s, clerk, AGUSTUS)
        with pytest.raises(ValidationError, match="0 sampai 100"):
            awards.save_sheet(s, clerk, LembarInput(office["budi"], JULI, {k["Kehadiran"]: 101}))
        with pytest.raises(ValidationError, match="tidak aktif"):
            awards.save_sheet(s, clerk, LembarInput(office["budi"], JULI, {9999: 50}))


def _pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return "\n".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
