"""The colours every screen uses for its messages and marked rows, one value each."""

from __future__ import annotations

# Text colours chosen to stay readable on a white background as well as on the light system palettes.
ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5a00"  # amber text
SUCCESS_COLOR = "#1e7a34"
DIMMED_COLOR = "#7a7a7a"  # rows that no longer count (cancelled letters, inactive staff, corrected entries)

# A highlighted warning paragraph: dark ink on a pale yellow, whatever the system palette.
WARNING_BACKGROUND = "#fff4ce"
WARNING_INK = "#5c3b00"
