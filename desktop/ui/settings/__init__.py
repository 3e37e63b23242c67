"""The Pengaturan tab: office profile, units, signatories, users, calendar, backups, database, audit log."""

from __future__ import annotations

from desktop.ui.settings.profile_form import OfficeProfileForm
from desktop.ui.settings.settings_tab import SettingsTab
from desktop.ui.settings.units_page import UnitsEditor
from desktop.ui.settings.users_page import ChangePasswordDialog

__all__ = ["ChangePasswordDialog", "OfficeProfileForm", "SettingsTab", "UnitsEditor"]
