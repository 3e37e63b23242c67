"""printing layer of Sekretariat (see ../shared/design.md)."""
