"""Pengaturan › Cadangan › "Periksa basis data dan berkas": the admin learns which stored files are damaged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.backup_page import damaged_files_text
from desktop.ui.settings.settings_tab import SettingsTab
from tests.support.stored_files import damage, store_files


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes recorded (kind, text, informative text) instead of shown."""
    boxes: list[tuple[str, str, str]] = []
    monkeypatch.setattr(common, "inform", lambda _p, _t, text, info="": boxes.append(("info", text, info)))
    monkeypatch.setattr(common, "warn", lambda _p, _t, text, info="": boxes.append(("warn", text, info)))
    return boxes


def _check(qtbot, app_ctx: AppContext, admin: Actor):  # type: ignore[no-untyped-def]
    tab = SettingsTab(UiContext(app_ctx, admin))
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    page = tab.show_page("backup")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert not page.check_button.isEnabled()  # one check at a time, under the progress dialog
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.check_button.isEnabled()
    return tab, page  # the tab too: the page is deleted with it


def test_the_check_names_damaged_files_of_every_module(
    qtbot, app_ctx: AppContext, admin: Actor, shown
) -> None:  # type: ignore[no-untyped-def]
    files = store_files(app_ctx)
    bad = damage(app_ctx, files)
    _tab, page = _check(qtbot, app_ctx, admin)
    [(kind, text, info)] = shown
    assert kind == "warn"
    assert "Basis data baik, tetapi 4 berkas tersimpan rusak atau hilang" in text
    assert all(name in text for name in bad)
    assert files.scans[2][1] not in text and files.assets[2][1] not in text
    assert "Pindai atau lampirkan ulang" in info
    assert page.status.text() == "4 berkas rusak atau hilang."


def test_the_check_of_sound_data_and_files_says_so(qtbot, app_ctx: AppContext, admin: Actor, shown) -> None:  # type: ignore[no-untyped-def]
    store_files(app_ctx)
    _tab, page = _check(qtbot, app_ctx, admin)
    [(kind, text, _info)] = shown
    assert kind == "info" and text == "Basis data dan semua berkas tersimpan dalam keadaan baik."
    assert page.status.text() == "Basis data dan semua berkas baik."


def test_many_damaged_files_show_a_few_then_how_many_more() -> None:
    names = [f"aset/{n:010d}_1.jpg" for n in range(1, 13)]
    text = damaged_files_text(names)
    assert text.splitlines() == [*(f"• {n}" for n in names[:5]), "… dan 7 lainnya"]
    assert damaged_files_text(names[:5]).splitlines() == [f"• {n}" for n in names[:5]]
