"""Photos and documents of items and BASTs, on both engines: checked by their bytes, named stably, verified on
every open; a photo replaced leaves an audit row, a final BAST's scan is added but never removed."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select, update

from desktop.models.admin import AuditEntry
from desktop.models.assets import AsetDokumen, AsetLampiran, AsetMutasi
from desktop.services.assets import attachments, items
from desktop.services.assets.items import AssetInput
from desktop.services.common.attachments import MAX_BYTES, IntegrityError
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import SYSTEM, AppContext

TODAY = date(2026, 3, 2)
LAPTOP = "1.3.2.10.01.02.002"


def _image(fmt: str, colour: str = "white") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format=fmt)
    return out.getvalue()


def _pdf(text: str = "Berita acara penyedia") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out)
    c.drawString(100, 700, text)
    c.showPage()
    c.save()
    return out.getvalue()


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200  # a Windows program


@pytest.fixture
def laptop(office: AppContext, pengurus: Actor) -> items.AssetInfo:
    with office.db.transaction() as s:
        made = items.create_assets(
            s, pengurus, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000), 1,
            today=TODAY,
        )  # fmt: skip
        return made.assets[0]


def _bast(ctx: AppContext, status: str) -> int:
    with ctx.db.transaction() as s:
        row = AsetDokumen(jenis="penerimaan", status=status, tanggal=TODAY, nomor="000.2.3.2/1/DP2KUKM/2026")
        s.add(row)
        s.flush()
        return row.id


def _audit(ctx: AppContext, action: str) -> list[AuditEntry]:
    with ctx.db.transaction() as s:
        rows = list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "aset_lampiran", AuditEntry.action == action)
                .order_by(AuditEntry.id)
            )
        )
        s.expunge_all()
        return rows


def test_photos_and_documents_of_an_item_are_named_stably_and_open_verified(
    office: AppContext, pengurus: Actor, laptop: items.AssetInfo
) -> None:
    png, jpeg, pdf = _image("PNG"), _image("JPEG"), _pdf()
    with office.db.transaction() as s:
        first = attachments.add(s, pengurus, aset_id=laptop.id, data=png, nama_asli="IMG_0001.png")
        second = attachments.add(s, pengurus, aset_id=laptop.id, data=jpeg, nama_asli="depan.jpeg")
        doc = attachments.add(s, pengurus, aset_id=laptop.id, data=pdf, nama_asli="faktur.pdf")
    assert first.nama_berkas == f"aset/{laptop.nibar}_1.png"
    assert second.nama_berkas == f"aset/{laptop.nibar}_2.jpg"  # the extension from the bytes, not the name
    assert doc.nama_berkas == f"aset/{laptop.nibar}_3.pdf"
    assert [(f.jenis, f.mime) for f in (first, second, doc)] == [
        ("foto", "image/png"), ("foto", "image/jpeg"), ("dokumen", "application/pdf")
    ]  # fmt: skip
    assert first.ukuran == len(png) and len(first.sha256) == 64

    with office.db.transaction() as s:
        listed = attachments.list_for(s, pengurus, aset_id=laptop.id)
        info, data = attachments.open_bytes(s, pengurus, second.id)
    assert [f.nama_asli for f in listed] == ["IMG_0001.png", "depan.jpeg", "faktur.pdf"]
    assert all(f.removable for f in listed)
    assert (info.nama_berkas, data) == (second.nama_berkas, jpeg)
    summaries = [a.summary for a in _audit(office, "lampirkan")]
    assert summaries[0].startswith(f"Foto {first.nama_berkas}") and len(summaries) == 3
    with office.db.transaction() as s:  # a file is not a change of the item: nothing in its ledger
        assert s.scalars(select(AsetMutasi.jenis).where(AsetMutasi.aset_id == laptop.id)).all() == [
            "perolehan"
        ]


@pytest.mark.parametrize(
    ("data", "name", "jenis", "message"),
    [
        (EXE, "foto.jpg", None, "harus PDF, JPG atau PNG"),  # a program renamed: refused by its bytes
        (b"GIF89a" + b"\x00" * 40, "foto.png", None, "harus PDF, JPG atau PNG"),
        (b"", "kosong.png", None, "kosong"),
        (_pdf(), "foto.pdf", "foto", "Foto harus berupa gambar JPG atau PNG"),
        (b"%PDF-" + b"0" * MAX_BYTES, "besar.pdf", None, "terlalu besar"),
    ],
    ids=["exe-renamed-jpg", "gif", "empty", "pdf-as-photo", "over-limit"],
)
def test_a_file_that_is_not_a_photo_or_scan_is_refused(
    office: AppContext, pengurus: Actor, laptop: items.AssetInfo, data: bytes, name: str, jenis: str | None,
    message: str,
) -> None:  # fmt: skip
    with office.db.transaction() as s, pytest.raises(ValidationError, match=message):
        attachments.add(s, pengurus, aset_id=laptop.id, data=data, nama_asli=name, jenis=jenis)
    with office.db.transaction() as s:
        assert s.scalar(select(AsetLampiran.id)) is None


def test_a_tampered_file_is_refused_on_open_and_named_by_verify_all(
    office: AppContext, pengurus: Actor, laptop: items.AssetInfo
) -> None:
    with office.db.transaction() as s:
        good = attachments.add(s, pengurus, aset_id=laptop.id, data=_image("PNG"), nama_asli="a.png")
        bad = attachments.add(s, pengurus, aset_id=laptop.id, data=_image("PNG", "red"), nama_asli="b.png")
    with office.db.transaction() as s:
        s.execute(update(AsetLampiran).where(AsetLampiran.id == bad.id).values(konten=_image("PNG", "blue")))
    with office.db.transaction() as s:
        attachments.open_bytes(s, pengurus, good.id)
        with pytest.raises(IntegrityError, match=f"{bad.nama_berkas} tidak cocok dengan sidik SHA-256"):
            attachments.open_bytes(s, pengurus, bad.id)
        assert attachments.verify_all(s, SYSTEM) == [bad.nama_berkas]
        with pytest.raises(PermissionDenied):
            attachments.verify_all(s, pengurus)  # the check of every file is the admin's (backup page)


def test_a_replaced_photo_keeps_its_place_and_the_old_one_is_in_the_audit(
    office: AppContext, pengurus: Actor, laptop: items.AssetInfo
) -> None:
    old_bytes, new_bytes = _image("PNG"), _image("JPEG", "green")
    with office.db.transaction() as s:
        old = attachments.add(s, pengurus, aset_id=laptop.id, data=old_bytes, nama_asli="lama.png")
        attachments.add(s, pengurus, aset_id=laptop.id, data=_image("PNG", "red"), nama_asli="samping.png")
    with office.db.transaction() as s:
        new = attachments.replace_photo(s, pengurus, old.id, new_bytes, "baru.jpg")
    assert (new.id, new.nama_berkas, new.mime) == (old.id, f"aset/{laptop.nibar}_3.jpg", "image/jpeg")
    with office.db.transaction() as s:
        listed = attachments.list_for(s, pengurus, aset_id=laptop.id)
        assert listed[0].id == old.id  # still the first photo: the one the Kartu Barang prints
        assert attachments.open_bytes(s, pengurus, old.id)[1] == new_bytes
        (kept,) = [f for f in listed if f.jenis == attachments.FOTO_LAMA]  # the old image is not lost
        assert (kept.nama_berkas, kept.sha256) == (old.nama_berkas, old.sha256)
        assert attachments.open_bytes(s, pengurus, kept.id)[1] == old_bytes
        assert s.scalars(select(AsetMutasi.jenis).where(AsetMutasi.aset_id == laptop.id)).all() == [
            "perolehan"
        ]
    (entry,) = _audit(office, "ganti")
    before, after = json.loads(entry.before_json or "{}"), json.loads(entry.after_json or "{}")
    assert (before["nama_berkas"], before["sha256"]) == (old.nama_berkas, old.sha256)
    assert after["sha256"] == new.sha256
    with office.db.transaction() as s, pytest.raises(ValidationError, match="Foto harus"):
        attachments.replace_photo(s, pengurus, old.id, _pdf(), "scan.pdf")


def test_a_final_bast_takes_its_signed_scan_but_never_loses_it(office: AppContext, pengurus: Actor) -> None:
    draft, final, cancelled = _bast(office, "draft"), _bast(office, "final"), _bast(office, "batal")
    with office.db.transaction() as s:
        ba = attachments.add(s, pengurus, dokumen_id=draft, data=_pdf(), nama_asli="BA penyedia.pdf")
        signed = attachments.add(
            s, pengurus, dokumen_id=final, data=_pdf("ditandatangani"), nama_asli="ttd.pdf"
        )
        photo = attachments.add(s, pengurus, dokumen_id=final, data=_image("JPEG"), nama_asli="barang.jpg")
    assert ba.nama_berkas == f"bast/{draft}_1.pdf" and ba.removable
    assert (signed.nama_berkas, signed.jenis, signed.removable) == (f"bast/{final}_1.pdf", "dokumen", False)
    assert photo.nama_berkas == f"bast/{final}_2.jpg"
    with (
        office.db.transaction() as s,
        pytest.raises(ValidationError, match="sudah final tidak dapat dihapus"),
    ):
        attachments.remove(s, pengurus, signed.id)
    with office.db.transaction() as s, pytest.raises(ValidationError, match="dibatalkan"):
        attachments.add(s, pengurus, dokumen_id=cancelled, data=_pdf(), nama_asli="x.pdf")
    with office.db.transaction() as s:
        attachments.remove(s, pengurus, ba.id)  # a draft's file may go; its name and checksum stay audited
        assert [f.id for f in attachments.list_for(s, pengurus, dokumen_id=final)] == [signed.id, photo.id]
        assert attachments.list_for(s, pengurus, dokumen_id=draft) == []
    (entry,) = _audit(office, "hapus")
    assert json.loads(entry.before_json or "{}")["sha256"] == ba.sha256


def test_only_the_pengurus_barang_adds_and_everyone_may_look(
    office: AppContext, pengurus: Actor, pimpinan: Actor, laptop: items.AssetInfo
) -> None:
    with office.db.transaction() as s:
        photo = attachments.add(s, pengurus, aset_id=laptop.id, data=_image("PNG"), nama_asli="a.png")
    with office.db.transaction() as s:
        with pytest.raises(PermissionDenied):
            attachments.add(s, pimpinan, aset_id=laptop.id, data=_image("PNG"), nama_asli="b.png")
        with pytest.raises(PermissionDenied):
            attachments.remove(s, pimpinan, photo.id)
        with pytest.raises(PermissionDenied):
            attachments.replace_photo(s, pimpinan, photo.id, _image("PNG"))
        assert attachments.open_bytes(s, pimpinan, photo.id)[0].id == photo.id
        with pytest.raises(ValidationError, match="satu barang atau satu dokumen"):
            attachments.list_for(s, pimpinan)
