"""Widgets and helpers every module's screens share; a module's own screens live in its package."""
