"""Kepegawaian rules (staff.md): KGB, kenaikan pangkat, pensiun, cuti, Satyalancana and their reference data."""
