"""ui layer of Sekretariat (see ../shared/design.md)."""
