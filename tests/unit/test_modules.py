"""desktop/modules.py: every name in the list resolves, and each caller finds only names of its own layer."""

from __future__ import annotations

import importlib.util

from sqlalchemy.orm import DeclarativeBase

from desktop import modules


def _module_of(target: str) -> str:
    return target.partition(":")[0]


def test_each_name_belongs_to_the_layer_that_resolves_it() -> None:
    # system.prepare (services) resolves the seeders and tables, the main window the tabs and settings pages,
    # the CLI its groups, the demo its fillers: a name from a higher layer would slip past import-linter.
    for m in modules.MODULES:
        assert all(_module_of(s).startswith("desktop.services.") for s in m.seeders), m.key
        assert all(_module_of(t).startswith("desktop.models.") for t in m.seeded_tables), m.key
        assert all(_module_of(t).startswith("desktop.models.") for t in m.seeded_once), m.key
        assert m.tab is None or _module_of(m.tab).startswith("desktop.ui."), m.key
        assert all(p.page.startswith("desktop.ui.settings.") for p in m.settings_pages), m.key
        assert m.cli is None or m.cli.startswith("desktop.cli."), m.key
        assert m.demo is None or _module_of(m.demo).startswith("desktop.demo."), m.key
        assert (m.cli is None) == (m.cli_command is None), m.key
        assert all(cli.startswith("desktop.cli.") for _, cli in m.extra_cli), m.key
        assert all(_module_of(f).startswith("desktop.services.") for f in m.file_checks), m.key


def test_the_names_without_qt_resolve() -> None:
    for m in modules.MODULES:
        for seeder in m.seeders:
            assert callable(modules.resolve(seeder)), seeder
        for table in [*m.seeded_tables, *m.seeded_once]:
            assert issubclass(modules.resolve(table), DeclarativeBase), table
        for cli in [*([m.cli] if m.cli else []), *(c for _, c in m.extra_cli)]:
            group = modules.resolve(cli)
            assert callable(group.add_parser) and callable(group.run), cli
        if m.demo is not None:
            assert callable(modules.resolve(m.demo)), m.demo
        for file_check in m.file_checks:
            assert callable(modules.resolve(file_check)), file_check


def test_the_ui_names_point_at_existing_classes() -> None:
    # Checked by reading the source, not importing it: these tests run without Qt.
    for m in modules.MODULES:
        for target in [*([m.tab] if m.tab else []), *(p.page for p in m.settings_pages)]:
            module_name, _, attr = target.partition(":")
            spec = importlib.util.find_spec(module_name)
            assert spec is not None and spec.origin is not None, target
            with open(spec.origin, encoding="utf-8") as source:
                assert f"class {attr}(" in source.read(), target


def test_keys_are_distinct_and_found_by_key() -> None:
    keys = [m.key for m in modules.MODULES]
    assert len(keys) == len(set(keys))
    assert modules.by_key("surat").tab == "desktop.ui.letters.surat_tab:SuratTab"
