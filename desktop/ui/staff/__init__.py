"""The Kepegawaian tab: the deadline board (Jadwal) and the staff records (Pegawai)."""

from desktop.ui.staff.staff_tab import StaffTab

__all__ = ["StaffTab"]
