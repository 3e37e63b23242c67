"""Printed documents of the Surat module."""
