"""The one list of modules; names only ("module:attr"), resolved where used, so it is the lowest layer."""

# Why names and not imports: services (system.prepare), the UI (main window), the CLI and the demo all read
# this list, and they sit on different layers. Holding dotted names keeps this file free of imports, so
# import-linter can place it below desktop.core (it may import nothing of the app) and every layer may read
# it; each caller resolves only the names of its own layer (tests/unit/test_modules.py checks that).

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingsPage:
    key: str
    title: str
    page: str  # "desktop.ui.settings.letters_page:LettersPage"


@dataclass(frozen=True)
class Module:
    """One module of the app: what it seeds at start, its tab, its settings pages, CLI group and demo."""

    key: str  # also the tab's object name: tab_<key>
    title: str  # the tab's title, with its & accelerator
    tab: str | None  # "module:attr" of the tab widget class, called with the UiContext; None: coming soon
    summary: str = ""  # for the coming-soon panel
    features: tuple[str, ...] = ()  # for the coming-soon panel
    seeders: tuple[str, ...] = ()  # "module:function(session)" run by system.prepare when seeding is due
    seeded_tables: tuple[str, ...] = ()  # "module:OrmClass" that those seeders fill when empty
    # "module:OrmClass" whose shipped rows those seeders offer once per database (services.common.seeding):
    # tables the users own, which they may empty on purpose.
    seeded_once: tuple[str, ...] = ()
    settings_pages: tuple[SettingsPage, ...] = ()
    cli: str | None = None  # the module holding add_parser(subparsers) and run(args)
    cli_command: str | None = None  # the sub-command add_parser registers
    extra_cli: tuple[tuple[str, str], ...] = ()  # more (sub-command, module) pairs: Buku Tamu's "skm"
    demo: str | None = None  # "module:function" the demo calls to fill the module's sample data
    daily: tuple[str, ...] = ()  # "module:function(db) -> str | None" run once after each start (off the GUI)
    # "module:function(session, actor) -> list[str]": names of the module's stored files (scans, photos) that are
    # damaged or gone; system.verify_files runs them all for `sekretariat check` and Pengaturan › Cadangan.
    file_checks: tuple[str, ...] = ()


MODULES: tuple[Module, ...] = (
    Module(
        key="surat",
        title="&Surat",
        tab="desktop.ui.letters.surat_tab:SuratTab",
        seeders=(
            "desktop.services.letters.incoming:seed_reference",
            "desktop.services.letters.outgoing:ensure_default_series",
        ),
        seeded_tables=(
            "desktop.models.letters:ClassificationCode",
            "desktop.models.letters:DispositionInstruction",
            "desktop.models.letters:NumberSeries",
        ),
        settings_pages=(SettingsPage("letters", "Surat", "desktop.ui.settings.letters_page:LettersPage"),),
        cli="desktop.cli.letters",
        cli_command="letters",
        demo="desktop.demo.sample_office:fill_letters",
        file_checks=("desktop.services.common.attachments:verify_all",),  # the letters' scans
    ),
    Module(
        key="tamu",
        title="B&uku Tamu",
        tab="desktop.ui.guests.guests_tab:GuestsTab",
        seeders=("desktop.services.guests.reference:seed_reference",),
        seeded_tables=(
            "desktop.models.guests:QueueService",
            "desktop.models.guests:Keperluan",
        ),
        settings_pages=(SettingsPage("guests", "Buku Tamu", "desktop.ui.settings.guests_page:GuestsPage"),),
        summary="Penerimaan tamu di meja depan",
        features=(
            "Tamu masuk dan keluar dalam 30 detik",
            "Nomor antrian dan kartu tamu",
            "Survei Kepuasan Masyarakat (SKM) dan IKM",
        ),
        cli="desktop.cli.guests",
        cli_command="guests",
        extra_cli=(("skm", "desktop.cli.skm"),),
        daily=("desktop.services.guests.daily:run",),
        demo="desktop.demo.sample_guests:fill_guests",
    ),
    Module(
        key="barang",
        title="Barang (BM&D)",
        tab="desktop.ui.assets.assets_tab:AssetsTab",
        settings_pages=(SettingsPage("barang", "Barang", "desktop.ui.settings.assets_page:AssetsPage"),),
        seeders=(
            "desktop.services.assets.kode:seed_reference",
            "desktop.services.assets.reference:seed_reference",
        ),
        seeded_tables=("desktop.models.assets:KodeBarang",),
        seeded_once=(
            "desktop.models.assets:MasaManfaat",
            "desktop.models.assets:PitaPemeliharaan",
            "desktop.models.assets:AmbangKapitalisasi",
        ),
        summary="Barang milik daerah",
        features=(
            "KIB A–F dan KIR per ruangan",
            "Penerimaan dan serah terima barang dengan BAST tercetak",
            "Label barcode/QR, persediaan, inventarisasi",
        ),
        cli="desktop.cli.assets",
        cli_command="assets",
        demo="desktop.demo.sample_assets:fill_assets",
        file_checks=("desktop.services.assets.attachments:verify_all",),
    ),
    Module(
        key="pegawai",
        title="&Kepegawaian",
        tab="desktop.ui.staff.staff_tab:StaffTab",
        # At start, not on first use: two workstations might both write the criteria.
        seeders=("desktop.services.staff.awards:seed_criteria",),
        seeded_tables=("desktop.models.staff_award:KriteriaPrestasi",),
        cli="desktop.cli.staff",
        cli_command="staff",
        demo="desktop.demo.sample_office:fill_staff",
    ),
)


def by_key(key: str) -> Module:
    return next(m for m in MODULES if m.key == key)


def resolve(target: str) -> Any:
    """The object a "module:attr" name stands for (a bare "module" gives the module), imported now."""
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr) if attr else module
